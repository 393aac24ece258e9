//! A record file's front matter seen as lines, for patching: byte spans of every line,
//! the line ending the file uses, and where each mapping entry (`key: value` plus the
//! lines its value continues on) and each block-list item starts and ends.
//!
//! What a line holds (indentation, comments, key lines, list entries, quotes and flow
//! brackets) comes from the one YAML line scanner, [`crate::yaml::lines`]; this module
//! only adds byte spans and extents, enough to find the bytes a patch must replace. What a patch produces is always re-read with the real parser
//! ([`super::frontmatter`] checks it), so a file this scanner misreads is refused, never
//! damaged.

use crate::yaml::lines::{self, scan, Open};
use std::ops::Range;

/// Why a file cannot be patched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EditError {
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

impl EditError {
    /// Whether the words above say themselves that nothing was written (so a refusal
    /// quoting them does not say it twice).
    pub(crate) fn says_nothing_was_written(&self) -> bool {
        matches!(self, EditError::Unsafe(_))
    }
}

impl std::error::Error for EditError {}

/// One line of the front matter: `start..end` is its text without the line ending;
/// `next` is where the following line starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) next: usize,
}

/// A `key: value` entry of a block mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) key: String,
    /// Index of the key's line.
    pub(crate) line: usize,
    pub(crate) indent: usize,
    /// Byte offset right after the `:`.
    pub(crate) after_colon: usize,
    /// The value written on the key line, trimmed, without a trailing comment. Empty
    /// (at `after_colon`) when the value is a nested block or nothing.
    pub(crate) value: Range<usize>,
    /// Whether the value goes on past the key line inside quotes or brackets.
    pub(crate) open: bool,
    /// Index of the last line of the entry (trailing blank and comment lines excluded).
    pub(crate) last: usize,
}

/// An item of a block list (`- value`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    pub(crate) line: usize,
    /// Where the value starts (after `- `) and, trimmed, ends on the item's line.
    pub(crate) value: Range<usize>,
    pub(crate) last: usize,
}

/// The front matter of one file.
#[derive(Debug, Clone)]
pub(crate) struct Document<'a> {
    pub(crate) text: &'a str,
    /// The line ending of the opening `---` line, used for every line a patch adds.
    pub(crate) eol: &'static str,
    pub(crate) lines: Vec<Span>,
    /// Where the closing `---` line starts.
    pub(crate) closing: usize,
}

impl<'a> Document<'a> {
    /// Finds the front matter of `text` (a UTF-8 BOM is allowed before it).
    pub(crate) fn read(text: &'a str) -> Result<Self, EditError> {
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
    pub(crate) fn line(&self, index: usize) -> &'a str {
        let span = self.lines[index];
        &self.text[span.start..span.end]
    }

    pub(crate) fn indent(&self, index: usize) -> usize {
        lines::indent(self.line(index))
    }

    fn is_blank_or_comment(&self, index: usize) -> bool {
        lines::is_blank_or_comment(self.line(index))
    }

    fn is_dash(&self, index: usize) -> bool {
        lines::list_entry(self.line(index).trim_start_matches(' ')).is_some()
    }

    /// The first line of `from..to` that holds something (not blank, not a comment).
    pub(crate) fn first_content(&self, from: usize, to: usize) -> Option<usize> {
        (from..to).find(|&i| !self.is_blank_or_comment(i))
    }

    /// The indentation of the top-level keys (0 unless the whole block is indented).
    pub(crate) fn top_indent(&self) -> usize {
        self.first_content(0, self.lines.len()).map_or(0, |i| self.indent(i))
    }

    /// The text of an entry's value on its key line.
    pub(crate) fn value(&self, entry: &Entry) -> &'a str {
        &self.text[entry.value.clone()]
    }

    /// The entries of the block mapping at `indent` among lines `from..to`.
    pub(crate) fn entries(&self, from: usize, to: usize, indent: usize) -> Vec<Entry> {
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
        let (key, rest) = lines::split_key(content)?;
        let after_colon = span.end - rest.len();
        let scanned = scan(rest, Open::default(), true);
        let written = &rest[..scanned.comment.unwrap_or(rest.len())];
        let lead = written.len() - written.trim_start_matches(lines::is_white).len();
        let trimmed = lines::trim(written);
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
    pub(crate) fn items(&self, from: usize, to: usize) -> Option<Vec<Item>> {
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
            let lead = written.len() - written.trim_start_matches(lines::is_white).len();
            let start = after_dash + lead;
            let last = self.extent(index, to, indent, scanned.open, false);
            items.push(Item { line: index, value: start..start + lines::trim(written).len(), last });
            index = last + 1;
        }
        Some(items)
    }
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
}
