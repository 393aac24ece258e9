//! The line of every key in a YAML block (`stabilization.rollback`, the third entry of
//! `failure_modes`), found with the [`super::lines`] scanner because the YAML library
//! keeps no positions. The fast reader fills the same table while it reads.

use super::lines;
use std::collections::HashMap;

/// The line of each key in a YAML block: dotted paths for nested keys
/// (`stabilization.signal`) and `key[i]` for entries of a block list.
#[derive(Debug, Clone, Default)]
pub(crate) struct KeyLines {
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
    /// Where the next linear lookup starts: just after the last path found. Readers ask
    /// for keys in about the order they are written, so most lookups hit at once.
    hint: std::cell::Cell<usize>,
}

/// Two tables are equal when they hold the same paths at the same lines (the lookup
/// hint is not part of the value).
impl PartialEq for KeyLines {
    fn eq(&self, other: &Self) -> bool {
        self.spans.len() == other.spans.len()
            && self.spans.iter().zip(&other.spans).all(|(a, b)| a.2 == b.2 && self.path(a) == other.path(b))
    }
}

impl Eq for KeyLines {}

/// Entries from which [`KeyLines`] keeps a hash index besides its linear table.
const INDEX_FROM: usize = 64;

impl KeyLines {
    /// Scans `yaml`, whose first line is line `first_line` of the file.
    pub(crate) fn scan(yaml: &str, first_line: usize) -> Self {
        let mut table = KeyLines::with_capacity();
        // Open keys whose value is a nested block: (indent, path, entries seen).
        let mut open: Vec<(usize, String, usize)> = Vec::new();
        let mut skip_deeper_than: Option<usize> = None;
        for (index, raw) in yaml.lines().enumerate() {
            let line_no = first_line + index;
            let raw = raw.trim_end_matches('\r');
            if lines::is_blank_or_comment(raw) {
                continue;
            }
            let indent = lines::indent(raw);
            let content = &raw[indent..];
            if let Some(limit) = skip_deeper_than {
                if indent > limit {
                    continue;
                }
                skip_deeper_than = None;
            }
            if lines::list_entry(content).is_some() {
                // A list entry belongs to the nearest open key at this indent or less.
                while open.last().is_some_and(|(i, _, _)| *i > indent) {
                    open.pop();
                }
                if let Some((_, path, count)) = open.last_mut() {
                    table.push(&[path], Some(*count), line_no);
                    *count += 1;
                }
                skip_deeper_than = Some(indent);
                continue;
            }
            let Some((key, value)) = lines::split_key(content) else {
                continue;
            };
            while open.last().is_some_and(|(i, _, _)| *i >= indent) {
                open.pop();
            }
            let path = match open.last() {
                Some((_, parent, _)) => format!("{parent}.{key}"),
                None => key.to_string(),
            };
            table.push(&[&path], None, line_no);
            if lines::is_blank_or_comment(value) {
                open.push((indent, path, 0));
            } else {
                skip_deeper_than = Some(indent);
            }
        }
        table
    }

    /// An empty table sized for a typical record.
    pub(crate) fn with_capacity() -> Self {
        KeyLines {
            paths: String::with_capacity(512),
            spans: Vec::with_capacity(40),
            index: HashMap::new(),
            hint: std::cell::Cell::new(0),
        }
    }

    /// The bytes of a span's path.
    fn path(&self, &(start, end, _): &(u32, u32, usize)) -> &[u8] {
        self.paths.as_bytes().get(start as usize..end as usize).unwrap_or_default()
    }

    /// Records the line of the path `parts` joined by `.`, with `[index]` appended when
    /// given, unless that path is already known (the first one wins).
    pub(crate) fn push(&mut self, parts: &[&str], index: Option<usize>, line: usize) {
        self.add(parts, index, line, true);
    }

    /// [`KeyLines::push`] for a path the caller knows is new: the fast reader, which
    /// gives up on any repeated key (the full parser reports it), so its table is only
    /// used when every path is new. It skips the search for an earlier spelling, a
    /// scan of every key so far for every key of every record. The differential tests
    /// (`yaml::differential`) compare the fast reader's table with [`KeyLines::scan`]'s.
    pub(crate) fn push_new(&mut self, parts: &[&str], index: Option<usize>, line: usize) {
        self.add(parts, index, line, false);
    }

    fn add(&mut self, parts: &[&str], index: Option<usize>, line: usize, look_for_known: bool) {
        let start = self.paths.len();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                self.paths.push('.');
            }
            self.paths.push_str(part);
        }
        if let Some(index) = index {
            // Written digit by digit: `write!` was a tenth of this function.
            let mut digits = [0u8; 20];
            let mut at = digits.len();
            let mut rest = index;
            loop {
                at -= 1;
                digits[at] = b'0' + (rest % 10) as u8;
                rest /= 10;
                if rest == 0 {
                    break;
                }
            }
            self.paths.push('[');
            self.paths.extend(digits[at..].iter().map(|digit| char::from(*digit)));
            self.paths.push(']');
        }
        let new = &self.paths[start..];
        let known = if !look_for_known {
            false
        } else if self.index.is_empty() {
            let bytes = new.as_bytes();
            self.spans.iter().any(|span| self.path(span) == bytes)
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
    pub(crate) fn get(&self, path: &str) -> Option<usize> {
        if !self.index.is_empty() {
            return self.index.get(path).copied();
        }
        // From the hint to the end, then from the start to the hint: every span once.
        let bytes = path.as_bytes();
        let from = self.hint.get().min(self.spans.len());
        let (after, before) = (&self.spans[from..], &self.spans[..from]);
        let found = after
            .iter()
            .position(|span| self.path(span) == bytes)
            .map(|at| from + at)
            .or_else(|| before.iter().position(|span| self.path(span) == bytes))?;
        self.hint.set(found + 1);
        Some(self.spans[found].2)
    }

    /// The line of entry `index` of the block list under `path`.
    pub(crate) fn entry(&self, path: &str, index: usize) -> Option<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn lookups_in_any_order_and_repeated_find_the_same_lines() {
        let yaml = "a: 1\nb: 2\nc:\n  d: 3\n  e: 4\nf: 5\n";
        let keys = KeyLines::scan(yaml, 2);
        let expected = [("a", 2), ("b", 3), ("c", 4), ("c.d", 5), ("c.e", 6), ("f", 7)];
        // In file order (what the lookup hint is for), backwards, shuffled and twice over:
        // the hint only changes where the search starts, never the answer.
        let mut orders: Vec<Vec<(&str, usize)>> = vec![expected.to_vec(), expected.iter().rev().copied().collect()];
        orders.push(vec![expected[3], expected[0], expected[5], expected[1], expected[4], expected[2]]);
        for order in orders.iter().chain(orders.iter()) {
            for (path, line) in order {
                assert_eq!(keys.get(path), Some(*line), "{path}");
                assert_eq!(keys.get("missing"), None);
            }
        }
        // The hint is not part of the value: tables that were searched compare equal.
        assert_eq!(keys, KeyLines::scan(yaml, 2));
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
    }

    #[test]
    fn handles_quoted_keys_and_urls() {
        let keys = KeyLines::scan("\"id\": X\nlinks: [http://a:b]\nurl: http://x\n", 2);
        assert_eq!(keys.get("id"), Some(2));
        assert_eq!(keys.get("links"), Some(3));
        assert_eq!(keys.get("url"), Some(4));
    }
}
