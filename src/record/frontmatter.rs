//! Splitting a record file into front matter and body, and the line of every key.
//!
//! The splitter accepts a UTF-8 BOM and CRLF line endings and reports line numbers as
//! an editor shows them. The line of each key inside the front matter is YAML
//! knowledge and lives in [`crate::yaml::KeyLines`].

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
}
