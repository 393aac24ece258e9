//! A record file's front matter seen as lines, for patching: byte spans of every line,
//! the line ending the file uses, and where each mapping entry (`key: value` plus the
//! lines its value continues on) and each block-list item starts and ends.
//!
//! This is a block-structure scanner, not a YAML parser: it knows indentation, comments,
//! quoted scalars and flow collections well enough to find the bytes a patch must
//! replace. What a patch produces is always re-read with the real parser
//! ([`super::frontmatter`] checks it), so a file this scanner misreads is refused, never
//! damaged.

use std::ops::Range;

/// Why a file cannot be patched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The file does not start with a `---` front-matter block, or the block is not closed.
    NoFrontMatter,
    /// The front matter does not parse as a YAML mapping (before or after the edit).
    Unreadable(String),
    /// `key` holds something other than a mapping (`stabilization: some text`).
    NotAMapping(String),
    /// `key` is written as a flow mapping `{…}` with entries; only block mappings are patched.
    FlowMapping(String),
    /// `key` holds something other than a list.
    NotAList(String),
    /// The patched text would read back differently than intended: nothing is written.
    Unsafe(String),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::NoFrontMatter => {
                f.write_str("the file has no front matter (a first line `---`, the keys, then a line `---`)")
            }
            EditError::Unreadable(reason) => {
                write!(f, "the front matter cannot be read ({reason}): fix it first (`incidents check` shows where)")
            }
            EditError::NotAMapping(key) => write!(f, "`{key}` is not a mapping: write it as `{key}:` with one `key: value` per line below it"),
            EditError::FlowMapping(key) => write!(f, "`{key}` is written as a flow mapping `{{…}}`: write it as `{key}:` with one `key: value` per line below it, then run the command again"),
            EditError::NotAList(key) => write!(f, "`{key}` is not a list: write it as `{key}:` with one `  - entry` per line below it"),
            EditError::Unsafe(key) => write!(f, "editing `{key}` in place would change more than intended, so nothing was written: edit the file by hand"),
        }
    }
}

impl std::error::Error for EditError {}

/// One line of the front matter: `start..end` is its text without the line ending;
/// `next` is where the following line starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub next: usize,
}

/// A `key: value` entry of a block mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    /// Index of the key's line.
    pub line: usize,
    pub indent: usize,
    /// Byte offset right after the `:`.
    pub after_colon: usize,
    /// The value written on the key line, trimmed, without a trailing comment. Empty
    /// (at `after_colon`) when the value is a nested block or nothing.
    pub value: Range<usize>,
    /// Whether the value goes on past the key line inside quotes or brackets.
    pub open: bool,
    /// Index of the last line of the entry (trailing blank and comment lines excluded).
    pub last: usize,
}

/// An item of a block list (`- value`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub line: usize,
    /// Where the value starts (after `- `) and, trimmed, ends on the item's line.
    pub value: Range<usize>,
    pub last: usize,
}

/// The front matter of one file.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub text: &'a str,
    /// The line ending of the opening `---` line, used for every line a patch adds.
    pub eol: &'static str,
    pub lines: Vec<Span>,
    /// Where the closing `---` line starts.
    pub closing: usize,
}

impl<'a> Document<'a> {
    /// Finds the front matter of `text` (a UTF-8 BOM is allowed before it).
    pub fn read(text: &'a str) -> Result<Self, EditError> {
        let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        let first_end = text[start..].find('\n').map(|i| start + i).ok_or(EditError::NoFrontMatter)?;
        if !crate::record::frontmatter::is_fence(&text[start..first_end]) {
            return Err(EditError::NoFrontMatter);
        }
        let eol = if text[..first_end].ends_with('\r') { "\r\n" } else { "\n" };
        let mut lines = Vec::new();
        let mut offset = first_end + 1;
        while offset < text.len() {
            let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
            if crate::record::frontmatter::is_fence(&text[offset..end]) {
                return Ok(Document { text, eol, lines, closing: offset });
            }
            let content_end = if text[offset..end].ends_with('\r') { end - 1 } else { end };
            lines.push(Span { start: offset, end: content_end, next: (end + 1).min(text.len()) });
            offset = end + 1;
        }
        Err(EditError::NoFrontMatter)
    }

    /// The text of line `index`, without its line ending.
    pub fn line(&self, index: usize) -> &'a str {
        let span = self.lines[index];
        &self.text[span.start..span.end]
    }

    pub fn indent(&self, index: usize) -> usize {
        let line = self.line(index);
        line.len() - line.trim_start_matches(' ').len()
    }

    fn is_blank_or_comment(&self, index: usize) -> bool {
        let content = self.line(index).trim_start();
        content.is_empty() || content.starts_with('#')
    }

    fn is_dash(&self, index: usize) -> bool {
        let content = self.line(index).trim_start_matches(' ');
        content == "-" || content.starts_with("- ") || content.starts_with("-\t")
    }

    /// The first line of `from..to` that holds something (not blank, not a comment).
    pub fn first_content(&self, from: usize, to: usize) -> Option<usize> {
        (from..to).find(|&i| !self.is_blank_or_comment(i))
    }

    /// The indentation of the top-level keys (0 unless the whole block is indented).
    pub fn top_indent(&self) -> usize {
        self.first_content(0, self.lines.len()).map_or(0, |i| self.indent(i))
    }

    /// The text of an entry's value on its key line.
    pub fn value(&self, entry: &Entry) -> &'a str {
        &self.text[entry.value.clone()]
    }

    /// The entries of the block mapping at `indent` among lines `from..to`.
    pub fn entries(&self, from: usize, to: usize, indent: usize) -> Vec<Entry> {
        let mut found = Vec::new();
        let mut index = from;
        while index < to {
            match self.entry_at(index, to, indent) {
                Some(entry) => {
                    index = entry.last + 1;
                    found.push(entry);
                }
                None => index += 1,
            }
        }
        found
    }

    fn entry_at(&self, index: usize, to: usize, indent: usize) -> Option<Entry> {
        if self.is_blank_or_comment(index) || self.indent(index) != indent || self.is_dash(index) {
            return None;
        }
        let span = self.lines[index];
        let content = &self.text[span.start + indent..span.end];
        let (key, rest) = crate::record::frontmatter::split_key(content)?;
        let after_colon = span.end - rest.len();
        let scanned = scan(rest, Open::default(), true);
        let written = &rest[..scanned.comment.unwrap_or(rest.len())];
        let lead = written.len() - written.trim_start().len();
        let trimmed = written.trim();
        let value = if trimmed.is_empty() {
            after_colon..after_colon
        } else {
            after_colon + lead..after_colon + lead + trimmed.len()
        };
        let open = scanned.open.is_open();
        let last = self.extent(index, to, indent, scanned.open, trimmed.is_empty());
        Some(Entry { key: key.to_string(), line: index, indent, after_colon, value, open, last })
    }

    /// The last line a value starting on line `index` (at `indent`) continues to: lines
    /// indented deeper, lines inside open quotes or brackets, and, when `same_indent_list`,
    /// list items at the key's own indentation.
    fn extent(&self, index: usize, to: usize, indent: usize, mut open: Open, same_indent_list: bool) -> usize {
        let mut last = index;
        for next in index + 1..to {
            if open.is_open() {
                open = scan(self.line(next), open, false).open;
                last = next;
                continue;
            }
            if self.is_blank_or_comment(next) {
                continue;
            }
            let deeper = self.indent(next) > indent;
            if deeper || (same_indent_list && self.indent(next) == indent && self.is_dash(next)) {
                last = next;
                continue;
            }
            break;
        }
        last
    }

    /// The items of the block list among lines `from..to` (at the indentation of the first
    /// item), or `None` when those lines hold something other than list items.
    pub fn items(&self, from: usize, to: usize) -> Option<Vec<Item>> {
        let Some(first) = self.first_content(from, to) else { return Some(Vec::new()) };
        let indent = self.indent(first);
        let mut items = Vec::new();
        let mut index = first;
        while index < to {
            if self.is_blank_or_comment(index) {
                index += 1;
                continue;
            }
            if self.indent(index) != indent || !self.is_dash(index) {
                return None;
            }
            let span = self.lines[index];
            let after_dash = span.start + indent + 1;
            let rest = &self.text[after_dash..span.end];
            let scanned = scan(rest, Open::default(), true);
            let written = &rest[..scanned.comment.unwrap_or(rest.len())];
            let lead = written.len() - written.trim_start().len();
            let start = after_dash + lead;
            let last = self.extent(index, to, indent, scanned.open, false);
            items.push(Item { line: index, value: start..start + written.trim().len(), last });
            index = last + 1;
        }
        Some(items)
    }
}

/// Whether a value that started on an earlier line is still inside quotes or brackets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Open {
    depth: usize,
    quote: Option<char>,
    /// The last character outside white space, for telling `[it's]` from `['quoted']`.
    last: Option<char>,
}

impl Open {
    pub fn is_open(&self) -> bool {
        self.depth > 0 || self.quote.is_some()
    }
}

/// What [`scan`] saw on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scanned {
    /// Where a `#` comment starts.
    pub comment: Option<usize>,
    /// Where the bracket that closed the outermost flow collection is.
    pub closed: Option<usize>,
    /// The end of the last character written before the comment (or before `closed`).
    pub last_written: Option<usize>,
    pub open: Open,
}

/// Scans `text` (a value, or a line a value continues on), tracking quoted scalars and
/// flow collections. `fresh` means `text` starts a value, so a first quote or bracket
/// opens a scalar or collection.
pub fn scan(text: &str, mut open: Open, fresh: bool) -> Scanned {
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
            if closed.is_none() && !ch.is_whitespace() {
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
        if !ch.is_whitespace() {
            if closed.is_none_or(|at| at > i) {
                last_written = Some(i + ch.len_utf8());
            }
            open.last = Some(ch);
            seen = true;
        }
        after_space = ch.is_whitespace();
    }
    Scanned { comment, closed, last_written, open }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_entries_with_their_extent() {
        let text = "---\nkind: incident  # the kind\n# between\nfailure_modes:\n- a\n- b\n\nstabilization:\n    signal: |\n      line one\n    # inside\n    rollback: x\nclasses: [a,\n  b]\ntitle: \"multi\n  line\"\nlast: 'it''s' # note\n---\nbody\n";
        let doc = Document::read(text).unwrap();
        let entries = doc.entries(0, doc.lines.len(), 0);
        let summary: Vec<(&str, usize, usize, &str)> =
            entries.iter().map(|e| (e.key.as_str(), e.line, e.last, doc.value(e))).collect();
        assert_eq!(
            summary,
            [
                ("kind", 0, 0, "incident"),
                ("failure_modes", 2, 4, ""),
                ("stabilization", 6, 10, ""),
                ("classes", 11, 12, "[a,"),
                ("title", 13, 14, "\"multi"),
                ("last", 15, 15, "'it''s'"),
            ]
        );
        let nested = doc.entries(7, 11, 4);
        assert_eq!(
            nested.iter().map(|e| (e.key.as_str(), e.last)).collect::<Vec<_>>(),
            [("signal", 8), ("rollback", 10)]
        );
        let items = doc.items(3, 5).unwrap();
        assert_eq!(items.iter().map(|i| &text[i.value.clone()]).collect::<Vec<_>>(), ["a", "b"]);
        assert!(doc.items(7, 11).is_none(), "a mapping is not a list");
    }

    #[test]
    fn keeps_the_line_ending_and_skips_a_bom() {
        let doc = Document::read("\u{feff}---\r\na: 1\r\n---\r\n").unwrap();
        assert_eq!(doc.eol, "\r\n");
        assert_eq!(doc.line(0), "a: 1");
        for bad in ["", "a: 1\n", "---\na: 1\n", "# x\n---\n---\n"] {
            assert_eq!(Document::read(bad).unwrap_err(), EditError::NoFrontMatter, "{bad:?}");
        }
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
