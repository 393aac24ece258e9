//! Record text placed into Markdown output (status blocks, Markdown reports): collapsed
//! to one line and escaped so that it reads as the text it is — no emphasis, code, links
//! or HTML made out of someone's title — while staying readable on a terminal (an
//! underscore inside a word is left alone).
//!
//! Escaping alone cannot stop GitHub's *autolinks*: besides the parse-time rule, GitHub
//! links bare `https://…`, `www.…` and `name@host.tld` in the text it has already
//! unescaped, so `https\://` would still become a link in a file view. A word that could
//! be autolinked is therefore written as a code span (`` `https://example.com` ``):
//! code is never linked, and it shows the address exactly as written. Every backtick of
//! record text is escaped, so the only code spans are those made here.

use std::borrow::Cow;

/// `text` on one line, with Markdown's active characters escaped and link-like words
/// shown as code.
pub(crate) fn inline(text: &str) -> String {
    inlined(text).into_owned()
}

/// [`inline`], borrowing `text` when it reads as written (most record text), for a
/// renderer that appends it to a page.
pub(crate) fn inlined(text: &str) -> Cow<'_, str> {
    if reads_as_written(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (n, word) in text.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        // A table cell ends at `|` even inside code, so link-like parts are taken
        // between pipes, and the pipes are escaped as text.
        for (m, part) in word.split('|').enumerate() {
            if m > 0 {
                out.push_str("\\|");
            }
            if could_autolink(part) {
                code_span(part, &mut out);
            } else {
                escape_word(part, &mut out);
            }
        }
    }
    Cow::Owned(out)
}

/// Whether [`inline`] gives `text` back unchanged, seen in one pass over its bytes (most
/// record text): ASCII words with single spaces between them, no character Markdown acts
/// on, and nothing that could be autolinked (no `:`, `@` or `www.`).
fn reads_as_written(text: &str) -> bool {
    /// What each byte asks of the scan: nothing, a look at the byte before (a space),
    /// a look at the three before (`.` of `www.`), or the end of the fast path.
    const PLAIN: u8 = 0;
    const SPACE: u8 = 1;
    const DOT: u8 = 2;
    const NEVER: u8 = 3;
    const CLASS: [u8; 256] = {
        let mut class = [NEVER; 256];
        let mut byte = 0x20;
        while byte < 0x7f {
            class[byte] = match byte as u8 {
                b' ' => SPACE,
                b'.' => DOT,
                b'|' | b':' | b'@' => NEVER,
                other if is_active(other) => NEVER,
                _ => PLAIN,
            };
            byte += 1;
        }
        // Control characters (other white space among them) and anything not ASCII stay
        // NEVER.
        class
    };
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    for (at, &byte) in bytes.iter().enumerate() {
        match CLASS[usize::from(byte)] {
            PLAIN => {}
            // Not the first byte: it is no space.
            SPACE if bytes[at - 1] != b' ' => {}
            DOT if at < 3 || !bytes[at - 3..at].eq_ignore_ascii_case(b"www") => {}
            _ => return false,
        }
    }
    true
}

/// `text` quoted for a sentence: `"text"`.
pub(crate) fn quoted(text: &str) -> String {
    format!("\"{}\"", inline(text))
}

/// An item's `change` for Markdown: a commit SHA as its short form in code, anything
/// else — a pull request URL too — as written, through [`inline`]. A URL stays a code
/// span rather than a link: record text never becomes a link in a status block or a
/// Markdown report, and the address is shown whole, ready to copy.
pub(crate) fn change(text: &str) -> String {
    match crate::text::is_commit_sha(text) {
        true => format!("`{}`", crate::text::short_change(text)),
        false => inline(text),
    }
}

/// Whether GitHub could turn part of `word` into a link: a scheme (`https://`,
/// `mailto:`), `www.`, or an e-mail address (an `@` with a dot after it). Erring on the
/// side of code costs only a monospace word. (Compared without case, and without
/// copying the word: reports call this for every word of every record.)
fn could_autolink(word: &str) -> bool {
    // Each of them holds a `:`, a `.` or an `@`; most words hold none.
    if !word.bytes().any(|byte| matches!(byte, b':' | b'.' | b'@')) {
        return false;
    }
    let has =
        |needle: &str| word.as_bytes().windows(needle.len()).any(|part| part.eq_ignore_ascii_case(needle.as_bytes()));
    word.contains("://")
        || has("www.")
        || has("mailto:")
        || has("xmpp:")
        || word.find('@').is_some_and(|at| word[at..].contains('.'))
}

/// `word` (no white space) as a code span whose fence is longer than any backtick run
/// inside it, padded when it starts or ends with a backtick.
fn code_span(word: &str, out: &mut String) {
    let longest = word.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if word.starts_with('`') || word.ends_with('`') { " " } else { "" };
    out.push_str(&fence);
    out.push_str(pad);
    out.push_str(word);
    out.push_str(pad);
    out.push_str(&fence);
}

/// The ASCII characters Markdown may read as markup inside a word: [`escape_word`]
/// escapes them (an underscore only where it could be emphasis).
const fn is_active(byte: u8) -> bool {
    matches!(byte, b'\\' | b'*' | b'[' | b']' | b'<' | b'>' | b'`' | b'&' | b'~' | b'_')
}

fn escape_word(word: &str, out: &mut String) {
    if !word.bytes().any(is_active) {
        out.push_str(word);
        return;
    }
    let mut previous: Option<char> = None;
    let mut chars = word.chars().peekable();
    while let Some(ch) = chars.next() {
        let escape = match ch {
            // Inside a word (`snake_case`) an underscore is not emphasis.
            '_' => !(previous.is_some_and(char::is_alphanumeric) && chars.peek().is_some_and(|c| c.is_alphanumeric())),
            // A line-leading `#`, `-`, `+` or number never occurs: text follows a label.
            _ => u8::try_from(ch).is_ok_and(is_active),
        };
        if escape {
            out.push('\\');
        }
        out.push(ch);
        previous = Some(ch);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Options, Parser, Tag};

    /// The first, allocating version of the word escapes, kept to show the one without
    /// allocations says the same.
    fn reference_could_autolink(word: &str) -> bool {
        let lower = word.to_ascii_lowercase();
        lower.contains("://")
            || lower.contains("www.")
            || lower.contains("mailto:")
            || lower.contains("xmpp:")
            || lower.find('@').is_some_and(|at| lower[at..].contains('.'))
    }

    fn reference_escape_word(word: &str) -> String {
        let chars: Vec<char> = word.chars().collect();
        let mut out = String::new();
        for (i, &ch) in chars.iter().enumerate() {
            let escape = match ch {
                '\\' | '*' | '[' | ']' | '<' | '>' | '`' | '&' | '~' => true,
                '_' => {
                    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
                    !(word(i.checked_sub(1).and_then(|j| chars.get(j))) && word(chars.get(i + 1)))
                }
                _ => false,
            };
            if escape {
                out.push('\\');
            }
            out.push(ch);
        }
        out
    }

    fn reference_inline(text: &str) -> String {
        let mut out = String::new();
        for (n, word) in text.split_whitespace().enumerate() {
            if n > 0 {
                out.push(' ');
            }
            for (m, part) in word.split('|').enumerate() {
                if m > 0 {
                    out.push_str("\\|");
                }
                if reference_could_autolink(part) {
                    code_span(part, &mut out);
                } else {
                    out.push_str(&reference_escape_word(part));
                }
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn inline_says_what_the_allocating_version_said(
            text in r"(www\.|wWw|W\.|mailto:|://|@|\.|_|a|Z|é|1|\*|\\|\[|<|`|&|~|\||:| |  |\t|\n|\u{a0}|\u{7f}){0,10}"
        ) {
            proptest::prop_assert_eq!(inline(&text), reference_inline(&text));
        }

        #[test]
        fn the_word_escapes_say_what_the_allocating_ones_said(word in r"(www\.|WwW\.|mailto:|XMPP:|://|@|\.|_|a|é|1|\*|\\|\[|\]|<|`|&|~|x|:){0,8}") {
            proptest::prop_assert_eq!(could_autolink(&word), reference_could_autolink(&word));
            let mut out = String::new();
            escape_word(&word, &mut out);
            proptest::prop_assert_eq!(out, reference_escape_word(&word));
        }
    }

    #[test]
    fn escapes_what_markdown_would_act_on() {
        let cases = [
            ("plain title", "plain title"),
            ("  two\n lines ", "two lines"),
            ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
            ("a *bold* [link](x) `code`", "a \\*bold\\* \\[link\\](x) \\`code\\`"),
            ("snake_case_name", "snake_case_name"),
            ("_emphasis_", "\\_emphasis\\_"),
            ("a | b", "a \\| b"),
            ("back\\slash", "back\\\\slash"),
            ("&lt;b&gt; ~~gone~~", "\\&lt;b\\&gt; \\~\\~gone\\~\\~"),
            ("see https://evil.example/x now", "see `https://evil.example/x` now"),
            ("www.example.com|x", "`www.example.com`\\|x"),
            ("mail ops@example.com", "mail `ops@example.com`"),
            ("a`https://x`b", "``a`https://x`b``"),
            ("`https://x`", "`` `https://x` ``"),
        ];
        for (text, expected) in cases {
            assert_eq!(inline(text), expected, "{text:?}");
        }
    }

    /// What GitHub would link in rendered text: its parse-time autolinks and the
    /// transform-time pass over text nodes (after escapes are resolved) alike.
    fn links_left(markdown: &str) -> Vec<String> {
        let options = Options::ENABLE_GFM | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        let mut found = Vec::new();
        for event in Parser::new_ext(markdown, options) {
            match event {
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    found.push(format!("link {dest_url}"))
                }
                Event::Html(html) | Event::InlineHtml(html) => found.push(format!("html {html}")),
                Event::Text(text) if could_autolink_anywhere(&text) => found.push(format!("text {text}")),
                _ => {}
            }
        }
        found
    }

    fn could_autolink_anywhere(text: &str) -> bool {
        text.split_whitespace().any(|word| word.split(['(', '*', '_', '~', '|']).any(could_autolink))
    }

    #[test]
    fn a_change_is_a_short_sha_or_the_text_and_never_a_link() {
        assert_eq!(change(" 3f2a9c1d0e7b "), "`3f2a9c1`");
        assert_eq!(change("v42.1 *hot*"), "v42.1 \\*hot\\*");
        let url = "https://github.com/acme/shop/pull/812";
        assert_eq!(change(url), format!("`{url}`"));
        for text in [url, "https://a.example/x> [y](https://evil.example)", "javascript:alert(1)"] {
            let shown = change(text);
            assert!(links_left(&format!("- {shown}\n")).is_empty(), "{text:?} -> {shown:?}");
        }
    }

    #[test]
    fn no_link_survives_a_gfm_renderer() {
        let hostile = [
            "https://evil.example/phish",
            "click http://a.example and www.b.example",
            "(https://c.example) *www.d.example* _e@f.example_",
            "ftp://g.example mailto:h@i.example xmpp:j@k.example",
            "https\\://escaped.example and https:&#47;/entity.example",
            "`code` then https://after.example `",
            "[x](https://y.example) <https://z.example> <b>html</b>",
            "a|https://in.table|b",
            "``` ``https://fence.example`` ```",
        ];
        for text in hostile {
            let line = format!("- Owner: {}\n", inline(text));
            assert_eq!(links_left(&line), Vec::<String>::new(), "{text:?} -> {line:?}");
            let cell = format!("| a | b |\n|---|---|\n| {} | x |\n", inline(text));
            assert_eq!(links_left(&cell), Vec::<String>::new(), "{text:?} -> {cell:?}");
        }
    }

    /// The scan as a match per byte, as it was: the reference for the table.
    fn reads_as_written_by_match(text: &str) -> bool {
        let bytes = text.as_bytes();
        if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
            return false;
        }
        bytes.iter().enumerate().all(|(at, &byte)| match byte {
            b' ' => bytes[at - 1] != b' ',
            b'.' => at < 3 || !bytes[at - 3..at].eq_ignore_ascii_case(b"www"),
            b'|' | b':' | b'@' => false,
            byte if is_active(byte) => false,
            0..=0x1f | 0x7f..=0xff => false,
            _ => true,
        })
    }

    #[test]
    fn the_byte_table_reads_every_byte_as_the_match_did() {
        let mut texts =
            vec![String::new(), "a".to_string(), "www.x".to_string(), "WwW.x".to_string(), "a  b".to_string()];
        for byte in 0..=255u8 {
            for (before, after) in [("", ""), ("ab", "cd"), ("www", "x"), ("a ", "b")] {
                let mut bytes = before.as_bytes().to_vec();
                bytes.push(byte);
                bytes.extend_from_slice(after.as_bytes());
                texts.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
        for text in texts {
            assert_eq!(reads_as_written(&text), reads_as_written_by_match(&text), "{text:?}");
        }
    }
}
