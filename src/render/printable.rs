//! Text from records made safe to print on a terminal. A record can carry control
//! characters (a YAML `"\e[2J"` escape, raw bytes in a file name, a binary file's first
//! line); printed as they are, they could move the cursor, retitle the window or hide
//! text. Human renderers pass every record-supplied string through [`printable`], which
//! shows such characters as visible `\u{…}` escapes. Machine formats (JSON, GitHub
//! annotations) do their own escaping and do not use it.

use std::borrow::Cow;

/// `text` with every control character except tab, and every bidirectional-override
/// character, written as a `\u{…}` escape.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        if is_unsafe(ch) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(ch)));
        } else {
            out.push(ch);
        }
    }
    Cow::Owned(out)
}

/// [`printable`] for whole rendered text: line breaks (`\n`, and `\r` before one) stay,
/// every other unsafe character is escaped. For the human formats of `list`, `status`
/// and `report`, whose lines hold record text.
pub fn printable_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|ch| ch != '\n' && ch != '\r' && is_unsafe(ch)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.split_inclusive('\n') {
        let (content, ending) = match line.strip_suffix("\r\n") {
            Some(content) => (content, "\r\n"),
            None => line.strip_suffix('\n').map_or((line, ""), |content| (content, "\n")),
        };
        out.push_str(&printable(content));
        out.push_str(ending);
    }
    Cow::Owned(out)
}

fn is_unsafe(ch: char) -> bool {
    (ch.is_control() && ch != '\t') || matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_text_keeps_its_line_breaks() {
        assert_eq!(printable_lines("a\nb\r\n"), "a\nb\r\n");
        assert_eq!(printable_lines("x \u{1b}[2J\ny\u{7}\n"), "x \\u{1b}[2J\ny\\u{7}\n");
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
