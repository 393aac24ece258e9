//! Text from records made safe to print on a terminal or into a CI log. A record can
//! carry control characters (a YAML `"\e[2J"` escape, raw bytes in a file name, a binary
//! file's first line); printed as they are, they could move the cursor, retitle the
//! window or hide text. And GitHub's runner reads every line of a step's stdout and
//! stderr for workflow commands: `::name …::` at the start of a line (after white
//! space) and `##[name]` anywhere in it. Human renderers and error messages pass every
//! record-supplied string through [`printable`], which shows control characters as
//! visible `\u{…}` escapes (so record text never starts a line) and writes the `#` that
//! would start `##[` as `\u{23}`; whole lines go through [`printable_lines`], which also
//! writes the first `:` of a line starting with `::` as `\u{3a}`. Machine formats (JSON,
//! GitHub annotations) do their own escaping.

use std::borrow::Cow;

/// `text` with every control character except tab, every bidirectional-override
/// character, and the `#` that starts a `##[` written as a `\u{…}` escape.
pub(crate) fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) && !text.contains("##[") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (at, ch) in text.char_indices() {
        if is_unsafe(ch) || (ch == '#' && text[at + 1..].starts_with("#[")) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(ch)));
        } else {
            out.push(ch);
        }
    }
    Cow::Owned(out)
}

/// [`printable`] for one whole line: `text` (line breaks escaped) that cannot start a
/// workflow command either, its first `:` written as `\u{3a}` when, past leading white
/// space, it starts with `::`.
pub(crate) fn printable_line(text: &str) -> Cow<'_, str> {
    let safe = printable(text);
    let rest = safe.trim_start();
    if !rest.starts_with("::") {
        return safe;
    }
    let at = safe.len() - rest.len();
    Cow::Owned(format!("{}\\u{{3a}}{}", &safe[..at], &safe[at + 1..]))
}

/// [`printable_line`] for whole rendered text: line breaks (`\n`, and `\r` before one)
/// stay, every other unsafe character is escaped and no line starts a workflow command.
/// For the human formats of `list`, `status` and `report`, whose lines hold record text,
/// and for messages that list several lines.
pub(crate) fn printable_lines(text: &str) -> Cow<'_, str> {
    // Most text holds nothing to escape, and one quick look at its bytes says so (report
    // pages are tens of MB); the rest is read character by character.
    if plainly_printable(text) {
        return Cow::Borrowed(text);
    }
    escape_lines(text)
}

/// [`printable_lines`] without the quick look.
fn escape_lines(text: &str) -> Cow<'_, str> {
    let starts_command = |line: &str| line.trim_start().starts_with("::");
    // A carriage return is a line break only before a line feed; alone, it is escaped.
    let unsafe_char = |(at, ch): (usize, char)| match ch {
        '\n' => false,
        '\r' => !text[at + 1..].starts_with('\n'),
        _ => is_unsafe(ch),
    };
    if !text.char_indices().any(unsafe_char) && !text.contains("##[") && !text.lines().any(starts_command) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.split_inclusive('\n') {
        let (content, ending) = match line.strip_suffix("\r\n") {
            Some(content) => (content, "\r\n"),
            None => line.strip_suffix('\n').map_or((line, ""), |content| (content, "\n")),
        };
        out.push_str(&printable_line(content));
        out.push_str(ending);
    }
    Cow::Owned(out)
}

/// Whether `text` holds none of what [`escape_lines`] escapes, or more: no control
/// character but line feed and tab (carriage returns included, though one before a line
/// feed is kept), no bidirectional override (U+202A–U+202E, U+2066–U+2069), no `##[`
/// and no `::` anywhere (it only matters at the start of a line). The bytes that can
/// start one of them are found with a table; each is then looked at closely.
pub(crate) fn plainly_printable(text: &str) -> bool {
    plainly_printable_bytes(text.as_bytes())
}

/// Whether `before` followed by `after`, each [`plainly_printable`], is too: a `##[` or
/// a `::` can span the join (a character cannot: each is whole in its text).
pub(crate) fn joins_plainly(before: &str, after: &str) -> bool {
    let (before, after) = (before.as_bytes(), after.as_bytes());
    let tail = &before[before.len().saturating_sub(2)..];
    let head = &after[..after.len().min(2)];
    let mut join = [0; 4];
    join[..tail.len()].copy_from_slice(tail);
    join[tail.len()..tail.len() + head.len()].copy_from_slice(head);
    plainly_printable_bytes(&join[..tail.len() + head.len()])
}

/// [`plainly_printable`] of bytes, which may start or end inside a character: a
/// character cut at the end is not looked at, and a byte that continues one never
/// starts what is escaped.
fn plainly_printable_bytes(bytes: &[u8]) -> bool {
    let mut from = 0;
    while let Some(offset) = bytes[from..].iter().position(|byte| MAY_START[usize::from(*byte)]) {
        let at = from + offset;
        let next = |n: usize| bytes.get(at + n).copied();
        let escaped = match bytes[at] {
            b'#' => next(1) == Some(b'#') && next(2) == Some(b'['),
            b':' => next(1) == Some(b':'),
            // U+0080–U+009F, the C1 controls.
            0xc2 => matches!(next(1), Some(0x80..=0x9f)),
            0xe2 => matches!((next(1), next(2)), (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))),
            // A C0 control or DEL.
            _ => true,
        };
        if escaped {
            return false;
        }
        from = at + 1;
    }
    true
}

/// The bytes that can start what [`escape_lines`] escapes: C0 controls but line feed
/// and tab, DEL, the lead bytes of C1 controls (0xC2) and of the bidirectional overrides
/// (0xE2), `#` and `:`.
const MAY_START: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = byte != b'\n' as usize && byte != b'\t' as usize;
        byte += 1;
    }
    table[0x7f] = true;
    table[0xc2] = true;
    table[0xe2] = true;
    table[b'#' as usize] = true;
    table[b':' as usize] = true;
    table
};

fn is_unsafe(ch: char) -> bool {
    (ch.is_control() && ch != '\t') || matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_quick_look_passes_only_what_needs_no_escape(
            text in "([a :#\\[\\n\\r\\t·—\u{1b}\u{7f}\u{85}\u{9b}\u{a0}\u{2029}\u{202a}\u{202e}\u{202f}\u{2066}\u{2069}\u{206a}]|##\\[|::){0,16}"
        ) {
            if plainly_printable(&text) {
                proptest::prop_assert_eq!(escape_lines(&text), text.as_str());
            }
        }

        #[test]
        fn a_join_of_plain_texts_is_plain_exactly_when_the_whole_is(
            before in "([a :#\\[\\n·\u{a0}\u{202f}]|##\\[|::){0,8}",
            after in "([a :#\\[\\n·\u{a0}\u{202f}]|##\\[|::){0,8}",
        ) {
            if plainly_printable(&before) && plainly_printable(&after) {
                let whole = format!("{before}{after}");
                proptest::prop_assert_eq!(joins_plainly(&before, &after), plainly_printable(&whole));
            }
        }
    }

    #[test]
    fn whole_text_keeps_its_line_breaks() {
        assert_eq!(printable_lines("a\nb\r\n"), "a\nb\r\n");
        assert_eq!(printable_lines("x \u{1b}[2J\ny\u{7}\n"), "x \\u{1b}[2J\ny\\u{7}\n");
    }

    #[test]
    fn no_line_can_start_a_workflow_command() {
        let cases = [
            ("::notice::owned", "\\u{3a}:notice::owned"),
            ("  \u{a0}::add-mask::x", "  \u{a0}\\u{3a}:add-mask::x"),
            ("a ::notice:: in the middle", "a ::notice:: in the middle"),
            ("x ##[add-mask]y ###[z", "x \\u{23}#[add-mask]y #\\u{23}#[z"),
            ("dir\n::notice::x", "dir\\u{a}::notice::x"),
        ];
        for (input, expected) in cases {
            assert_eq!(printable_line(input), expected, "{input:?}");
        }
        assert_eq!(printable_lines("ok\n ::stop-commands::t\n"), "ok\n \\u{3a}:stop-commands::t\n");
        assert_eq!(printable_lines("a\r::add-mask::b\r\n"), "a\\u{d}::add-mask::b\r\n");
        assert_eq!(printable("##[error]x"), "\\u{23}#[error]x");
    }

    #[test]
    fn escapes_control_and_bidi_characters_only() {
        let cases = [
            ("plain text, tabs\tand ünïcode", "plain text, tabs\tand ünïcode"),
            ("\u{1b}[2Jcleared", "\\u{1b}[2Jcleared"),
            ("bell\u{7}", "bell\\u{7}"),
            ("line\nbreak\r", "line\\u{a}break\\u{d}"),
            ("c1 \u{9b}31m", "c1 \\u{9b}31m"),
            ("rtl \u{202e}txt.md", "rtl \\u{202e}txt.md"),
            ("del\u{7f}", "del\\u{7f}"),
        ];
        for (input, expected) in cases {
            assert_eq!(printable(input), expected, "{input:?}");
        }
        assert!(matches!(printable("ok"), Cow::Borrowed(_)));
    }
}
