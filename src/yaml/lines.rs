//! The one YAML line scanner: what a line of block YAML holds, without parsing it —
//! indentation, blank and comment lines, list entries (`- value`), key lines
//! (`key: value`, plain or quoted keys), and, within a value, quoted scalars, flow
//! brackets and where a `#` comment starts.
//!
//! The record reader's key lines ([`super::KeyLines`]), the fast reader ([`super::fast`]),
//! the limit and error-line scans, and the editor's view of front matter lines all ask
//! this module, so a rule about comments, quotes or indentation is written once. YAML
//! white space is the space and the tab only: a no-break space is text.

/// The pieces of `text` between `\n` bytes, like `text.split('\n')` but using the
/// vectorised `memchr` search (this runs over every record's front matter and body).
pub(crate) fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    std::iter::from_fn(move || {
        let end = ends.next()?;
        let line = &text[start..end];
        start = end + 1;
        Some(line)
    })
}

/// YAML white space: space and tab (not the other Unicode white space).
pub(crate) fn is_white(ch: char) -> bool {
    ch == ' ' || ch == '\t'
}

/// Whether YAML allows `ch` in a file (its `c-printable` set): everything but the
/// control characters other than tab, line feed, carriage return and U+0085, the
/// surrogates, and U+FFFE and U+FFFF. The YAML library refuses the rest.
pub(crate) fn is_printable(ch: char) -> bool {
    matches!(ch, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
        || ch >= '\u{10000}'
}

/// `text` without YAML white space at either end.
pub(crate) fn trim(text: &str) -> &str {
    text.trim_matches([' ', '\t'])
}

/// The number of spaces a line is indented by (YAML indents with spaces only).
pub(crate) fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Whether a line holds nothing but white space and perhaps a comment.
pub(crate) fn is_blank_or_comment(line: &str) -> bool {
    let content = line.trim_start_matches([' ', '\t']);
    content.is_empty() || content.starts_with('#')
}

/// The rest of a block-list entry: `- value` → `value`, a lone `-` → empty; `None` when
/// `content` (a line after its indentation) is no list entry.
pub(crate) fn list_entry(content: &str) -> Option<&str> {
    match content.strip_prefix('-') {
        Some("") => Some(""),
        Some(rest) if rest.starts_with(is_white) => Some(&rest[1..]),
        _ => None,
    }
}

/// Splits `key: value` (plain or quoted key) into the key as written (quotes removed)
/// and what follows the `:`; `None` when `content` (a line after its indentation) is no
/// mapping entry.
pub(crate) fn split_key(content: &str) -> Option<(&str, &str)> {
    let (key, rest) = if let Some(quote) = content.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let close = content[1..].find(quote)? + 1;
        (&content[1..close], content[close + 1..].trim_start_matches([' ', '\t']))
    } else {
        let mut cut = None;
        for (i, ch) in content.char_indices() {
            if ch == ':' {
                let next = content[i + 1..].chars().next();
                if next.is_none_or(is_white) {
                    cut = Some(i);
                    break;
                }
            }
            if ch == '#' && content[..i].ends_with(is_white) {
                return None;
            }
        }
        let cut = cut?;
        (content[..cut].trim_end_matches([' ', '\t']), &content[cut..])
    };
    let value = rest.strip_prefix(':')?;
    if key.is_empty() || key.starts_with(['[', '{', '&', '*', '!', '|', '>']) {
        return None;
    }
    Some((key, value))
}

/// Whether a value that started on an earlier line is still inside quotes or brackets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Open {
    depth: usize,
    quote: Option<char>,
    /// The last character outside white space, for telling `[it's]` from `['quoted']`.
    last: Option<char>,
}

impl Open {
    pub(crate) fn is_open(&self) -> bool {
        self.depth > 0 || self.quote.is_some()
    }
}

/// What [`scan`] saw on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scanned {
    /// Where a `#` comment starts.
    pub(crate) comment: Option<usize>,
    /// Where the bracket that closed the outermost flow collection is.
    pub(crate) closed: Option<usize>,
    /// The end of the last character written before the comment (or before `closed`).
    pub(crate) last_written: Option<usize>,
    pub(crate) open: Open,
}

/// Scans `text` (a value, or a line a value continues on), tracking quoted scalars and
/// flow collections. `fresh` means `text` starts a value, so a first quote or bracket
/// opens a scalar or collection.
pub(crate) fn scan(text: &str, mut open: Open, fresh: bool) -> Scanned {
    let mut chars = text.char_indices().peekable();
    let mut comment = None;
    let mut closed = None;
    let mut last_written = None;
    let mut after_space = true;
    let mut seen = !fresh;
    while let Some((i, ch)) = chars.next() {
        if let Some(quote) = open.quote {
            if quote == '"' && ch == '\\' {
                chars.next();
            } else if ch == quote {
                if quote == '\'' && chars.peek().is_some_and(|(_, c)| *c == '\'') {
                    chars.next();
                } else {
                    open.quote = None;
                    open.last = Some(ch);
                }
            }
            if closed.is_none() && !is_white(ch) {
                last_written = Some(i + ch.len_utf8());
            }
            after_space = false;
            continue;
        }
        if ch == '#' && after_space {
            comment = Some(i);
            break;
        }
        let token_start = if open.depth > 0 { matches!(open.last, Some('[' | '{' | ',' | ':')) } else { !seen };
        match ch {
            '"' | '\'' if token_start => open.quote = Some(ch),
            '[' | '{' if token_start || open.depth > 0 => open.depth += 1,
            ']' | '}' if open.depth > 0 => {
                open.depth -= 1;
                if open.depth == 0 && closed.is_none() {
                    closed = Some(i);
                }
            }
            _ => {}
        }
        if !is_white(ch) {
            if closed.is_none_or(|at| at > i) {
                last_written = Some(i + ch.len_utf8());
            }
            open.last = Some(ch);
            seen = true;
        }
        after_space = is_white(ch);
    }
    Scanned { comment, closed, last_written, open }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_key_lines_and_list_entries() {
        assert_eq!(split_key("a: b"), Some(("a", " b")));
        assert_eq!(split_key("'q k' : v"), Some(("q k", " v")));
        assert_eq!(split_key("url: http://x:y"), Some(("url", " http://x:y")));
        assert_eq!(split_key("a\u{a0}: b"), Some(("a\u{a0}", " b")), "a no-break space is part of the key");
        assert_eq!(split_key("http://x"), None);
        assert_eq!(split_key("a #b: c"), None);
        assert_eq!(list_entry("- x"), Some("x"));
        assert_eq!(list_entry("-"), Some(""));
        assert_eq!(list_entry("-\tx"), Some("x"));
        assert_eq!(list_entry("-x"), None);
        assert_eq!(trim("\u{a0} x \t"), "\u{a0} x");
    }

    #[test]
    fn scans_quotes_brackets_and_comments() {
        let cases: [(&str, Option<usize>, Option<usize>, bool); 8] = [
            ("value # c", Some(6), None, false),
            ("a#b", None, None, false),
            ("\"a # b\" # c", Some(8), None, false),
            ("[a, 'b]', c] # d", Some(13), Some(11), false),
            ("[it's, b]", None, Some(8), false),
            ("[a,", None, None, true),
            ("\"open", None, None, true),
            ("'it''s' #", Some(8), None, false),
        ];
        for (text, comment, closed, open) in cases {
            let scanned = scan(text, Open::default(), true);
            assert_eq!((scanned.comment, scanned.closed, scanned.open.is_open()), (comment, closed, open), "{text}");
        }
        let first = scan("[a,", Open::default(), true);
        let second = scan("  b]  # done", first.open, false);
        assert_eq!((second.closed, second.last_written, second.open.is_open()), (Some(3), Some(3), false));
    }
}
