//! Splitting a record file into front matter and body, and the line of every key.
//!
//! The splitter accepts a UTF-8 BOM and CRLF line endings and reports line numbers as
//! an editor shows them. [`KeyLines`] is computed from the raw YAML text with a small
//! block-structure scanner (the YAML library keeps no positions), so a diagnostic can
//! point at `stabilization.rollback` or at the third entry of `failure_modes`.

use std::collections::HashMap;

/// The parts of a record file. Lines are 1-based, counted in the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts<'a> {
    /// The YAML between the fences (BOM removed, line endings as in the file).
    pub yaml: &'a str,
    /// Line of the first YAML line (the line after the opening `---`).
    pub yaml_line: usize,
    /// Everything after the closing `---` line.
    pub body: &'a str,
    /// Line of the first body line.
    pub body_line: usize,
}

/// What the start of a file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Split<'a> {
    /// The first line is not `---`: not a record.
    NoFrontMatter,
    /// An opening `---` with no closing one.
    Unterminated,
    Found(Parts<'a>),
}

/// Splits `text` at its front-matter fences.
pub fn split(text: &str) -> Split<'_> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = memchr::memchr_iter(b'\n', text.as_bytes());
    let Some(first_end) = lines.next() else {
        return if is_fence(text) { Split::Unterminated } else { Split::NoFrontMatter };
    };
    if !is_fence(&text[..first_end]) {
        return Split::NoFrontMatter;
    }
    let yaml_start = first_end + 1;
    let mut offset = yaml_start;
    for (line, end) in (2..).zip(lines.chain(std::iter::once(text.len()))) {
        if offset > text.len() {
            break;
        }
        if is_fence(&text[offset..end]) {
            let body_start = (end + 1).min(text.len());
            return Split::Found(Parts {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        offset = end + 1;
    }
    Split::Unterminated
}

/// Whether a line (with or without its line ending) is a front-matter fence `---`.
pub fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\r', '\n', ' ', '\t']) == "---"
}

/// The line of each key in a YAML block: dotted paths for nested keys
/// (`stabilization.signal`) and `key[i]` for entries of a block list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyLines {
    /// Every path, back to back (one buffer rather than a string per key: this is built
    /// for every record file).
    paths: String,
    /// (start, end) of each path in `paths`, and its line, in file order. A front matter
    /// has a few dozen keys, so a linear search beats hashing.
    spans: Vec<(u32, u32, usize)>,
    /// Path → line, built only once a table passes [`INDEX_FROM`] entries (thousands of
    /// keys or list entries in hostile input), so that lookups stay constant-time and
    /// scanning stays linear. Empty, and never allocated, for real records.
    index: HashMap<String, usize>,
}

/// Entries from which [`KeyLines`] keeps a hash index besides its linear table.
const INDEX_FROM: usize = 64;

impl KeyLines {
    /// Scans `yaml`, whose first line is line `first_line` of the file.
    pub fn scan(yaml: &str, first_line: usize) -> Self {
        let mut lines = KeyLines::with_capacity();
        // Open keys whose value is a nested block: (indent, path, entries seen).
        let mut open: Vec<(usize, String, usize)> = Vec::new();
        let mut skip_deeper_than: Option<usize> = None;
        for (index, raw) in yaml.lines().enumerate() {
            let line_no = first_line + index;
            let raw = raw.trim_end_matches('\r');
            let content = raw.trim_start_matches(' ');
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            let indent = raw.len() - content.len();
            if let Some(limit) = skip_deeper_than {
                if indent > limit {
                    continue;
                }
                skip_deeper_than = None;
            }
            if content == "-" || content.starts_with("- ") {
                // A list entry belongs to the nearest open key at this indent or less.
                while open.last().is_some_and(|(i, _, _)| *i > indent) {
                    open.pop();
                }
                if let Some((_, path, count)) = open.last_mut() {
                    lines.push(&[path], Some(*count), line_no);
                    *count += 1;
                }
                skip_deeper_than = Some(indent);
                continue;
            }
            let Some((key, value)) = split_key(content) else {
                continue;
            };
            while open.last().is_some_and(|(i, _, _)| *i >= indent) {
                open.pop();
            }
            let path = match open.last() {
                Some((_, parent, _)) => format!("{parent}.{key}"),
                None => key.to_string(),
            };
            lines.push(&[&path], None, line_no);
            let value = value.trim();
            if value.is_empty() || value.starts_with('#') {
                open.push((indent, path, 0));
            } else {
                skip_deeper_than = Some(indent);
            }
        }
        lines
    }

    /// An empty table sized for a typical record.
    pub fn with_capacity() -> Self {
        KeyLines { paths: String::with_capacity(512), spans: Vec::with_capacity(40), index: HashMap::new() }
    }

    /// Records the line of the path `parts` joined by `.`, with `[index]` appended when
    /// given, unless that path is already known (the first one wins).
    pub fn push(&mut self, parts: &[&str], index: Option<usize>, line: usize) {
        use std::fmt::Write;
        let start = self.paths.len();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                self.paths.push('.');
            }
            self.paths.push_str(part);
        }
        if let Some(index) = index {
            let _ = write!(self.paths, "[{index}]");
        }
        let new = &self.paths[start..];
        let known = if self.index.is_empty() {
            self.spans.iter().any(|&(s, e, _)| &self.paths[s as usize..e as usize] == new)
        } else {
            self.index.contains_key(new)
        };
        if known {
            self.paths.truncate(start);
            return;
        }
        if self.spans.len() + 1 >= INDEX_FROM {
            if self.index.is_empty() {
                for &(s, e, line) in &self.spans {
                    self.index.insert(self.paths[s as usize..e as usize].to_string(), line);
                }
            }
            self.index.insert(new.to_string(), line);
        }
        // Front matter is capped far below 4 GiB, so offsets fit in u32.
        let (start, end) =
            (u32::try_from(start).unwrap_or(u32::MAX), u32::try_from(self.paths.len()).unwrap_or(u32::MAX));
        self.spans.push((start, end, line));
    }

    /// The line of `path`, if the key is written in the block.
    pub fn get(&self, path: &str) -> Option<usize> {
        if !self.index.is_empty() {
            return self.index.get(path).copied();
        }
        self.spans
            .iter()
            .find(|&&(s, e, _)| self.paths.get(s as usize..e as usize) == Some(path))
            .map(|&(_, _, line)| line)
    }

    /// The line of entry `index` of the block list under `path`.
    pub fn entry(&self, path: &str, index: usize) -> Option<usize> {
        if !self.index.is_empty() {
            return self.get(&format!("{path}[{index}]"));
        }
        self.spans
            .iter()
            .find(|&&(s, e, _)| {
                self.paths
                    .get(s as usize..e as usize)
                    .and_then(|known| known.strip_prefix(path))
                    .and_then(|rest| rest.strip_prefix('['))
                    .and_then(|rest| rest.strip_suffix(']'))
                    .is_some_and(|digits| digits.parse() == Ok(index))
            })
            .map(|&(_, _, line)| line)
    }
}

/// Splits `key: value` (plain or quoted key); `None` when the line is no mapping entry.
pub(crate) fn split_key(content: &str) -> Option<(&str, &str)> {
    let (key, rest) = if let Some(quote) = content.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let close = content[1..].find(quote)? + 1;
        (&content[1..close], content[close + 1..].trim_start())
    } else {
        let mut cut = None;
        for (i, ch) in content.char_indices() {
            if ch == ':' {
                let next = content[i + 1..].chars().next();
                if next.is_none() || next.is_some_and(char::is_whitespace) {
                    cut = Some(i);
                    break;
                }
            }
            if ch == '#' && content[..i].ends_with(' ') {
                return None;
            }
        }
        let cut = cut?;
        (content[..cut].trim_end(), &content[cut..])
    };
    let value = rest.strip_prefix(':')?;
    if key.is_empty() || key.starts_with(['[', '{', '&', '*', '!', '|', '>']) {
        return None;
    }
    Some((key, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let Split::Found(parts) = split("---\na: 1\n---\nbody\n") else { panic!("no front matter") };
        assert_eq!(parts.yaml, "a: 1\n");
        assert_eq!(parts.body, "body\n");
        assert_eq!(parts.body_line, 4);
    }

    #[test]
    fn accepts_bom_and_crlf() {
        let Split::Found(parts) = split("\u{feff}---\r\na: 1\r\n---\r\nbody\r\n") else { panic!("no front matter") };
        assert_eq!(parts.yaml, "a: 1\r\n");
        assert_eq!(parts.body, "body\r\n");
    }

    #[test]
    fn tells_missing_from_unterminated() {
        assert_eq!(split(""), Split::NoFrontMatter);
        assert_eq!(split("# Title\n---\n"), Split::NoFrontMatter);
        assert_eq!(split("---"), Split::Unterminated);
        assert_eq!(split("---\na: 1\n"), Split::Unterminated);
        assert!(matches!(split("---\n---\n"), Split::Found(_)));
        assert!(matches!(split("---\na: 1\n---"), Split::Found(_)));
    }

    #[test]
    fn finds_nested_keys_and_list_entries() {
        let yaml = "kind: incident\n# comment\nfailure_modes:\n  - one\n  - two\nstabilization:\n  signal: >\n    folded: not a key\n  rollback: x\nclasses:\n- a\nnote: \"x\"\n";
        let keys = KeyLines::scan(yaml, 2);
        assert_eq!(keys.get("kind"), Some(2));
        assert_eq!(keys.get("failure_modes"), Some(4));
        assert_eq!(keys.get("failure_modes[0]"), Some(5));
        assert_eq!(keys.get("failure_modes[1]"), Some(6));
        assert_eq!(keys.get("stabilization.signal"), Some(8));
        assert_eq!(keys.get("stabilization.folded"), None);
        assert_eq!(keys.get("stabilization.rollback"), Some(10));
        assert_eq!(keys.get("classes[0]"), Some(12));
        assert_eq!(keys.get("note"), Some(13));
    }

    #[test]
    fn large_tables_answer_like_small_ones() {
        for entries in [3, INDEX_FROM - 1, INDEX_FROM, 5000] {
            let mut yaml = String::from("a: 1\nlist:\n");
            for i in 0..entries {
                yaml.push_str(&format!("  - e{i}\n"));
            }
            yaml.push_str("a: again\nz: 2\n");
            let keys = KeyLines::scan(&yaml, 2);
            assert_eq!(keys.get("a"), Some(2), "{entries}: the first of duplicate keys wins");
            assert_eq!(keys.get("list"), Some(3));
            assert_eq!(keys.entry("list", 0), Some(4));
            assert_eq!(keys.entry("list", entries - 1), Some(3 + entries));
            assert_eq!(keys.entry("list", entries), None);
            assert_eq!(keys.get("z"), Some(5 + entries));
            assert_eq!(keys.get("missing"), None);
        }
    }

    /// Pieces that exercise the key scanner: indentation, keys, list dashes, quotes,
    /// comments, block scalars and multi-byte characters.
    const PIECES: &[&str] = &[
        " ", "  ", "\t", "\n", "\r\n", "\r", ":", ": ", "#", " #", "'", "\"", "\\", "-", "- ", "a", "b", "key", "é",
        "日", "[", "]", "{", "}", "? ", "&x ", "*x", "|", ">", "---", "\u{feff}",
    ];

    fn pieces(max: usize) -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        proptest::collection::vec(proptest::sample::select(PIECES), 0..max).prop_map(|parts| parts.concat())
    }

    proptest::proptest! {
        #[test]
        fn key_lines_point_only_at_lines_of_the_text(text in pieces(300), first_line in 1usize..5) {
            let keys = KeyLines::scan(&text, first_line);
            let count = text.lines().count();
            for &(start, end, line) in &keys.spans {
                let path = &keys.paths[start as usize..end as usize];
                proptest::prop_assert!(
                    line >= first_line && line < first_line + count,
                    "{path} at {line}, text has {count} lines from {first_line}"
                );
            }
        }

        #[test]
        fn split_parts_are_pieces_of_the_text_at_the_lines_they_claim(fence in proptest::bool::ANY, rest in pieces(200)) {
            let text = if fence { format!("---\n{rest}") } else { rest };
            if let Split::Found(parts) = split(&text) {
                let bare = text.strip_prefix('\u{feff}').unwrap_or(&text);
                let body_at = bare.len() - parts.body.len();
                proptest::prop_assert!(bare.ends_with(parts.body));
                // (An empty body at the end of a file without a final line break is
                // said to start on the line after the fence.)
                if !parts.body.is_empty() {
                    proptest::prop_assert_eq!(bare[..body_at].matches('\n').count() + 1, parts.body_line);
                }
                proptest::prop_assert!(bare.contains(parts.yaml));
            }
        }
    }

    #[test]
    fn handles_quoted_keys_and_urls() {
        let keys = KeyLines::scan("\"id\": X\nlinks: [http://a:b]\nurl: http://x\n", 2);
        assert_eq!(keys.get("id"), Some(2));
        assert_eq!(keys.get("links"), Some(3));
        assert_eq!(keys.get("url"), Some(4));
    }
}
