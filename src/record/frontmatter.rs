//! Splitting a record file into front matter and body, and the line of every key.
//!
//! The splitter accepts a UTF-8 BOM and CRLF line endings and reports line numbers as
//! an editor shows them. The line of each key inside the front matter is YAML
//! knowledge and lives in [`crate::yaml::KeyLines`].
//!
//! For a file whose front matter does not open on its first line, [`not_opened`] says
//! why in words (`not-a-record`), and [`salvage_id`] reads an `id:` line from front
//! matter that cannot be parsed or that opens too late, so its id is never handed out
//! again.

/// The parts of a record file. Lines are 1-based, counted in the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parts<'a> {
    /// The YAML between the fences (BOM removed, line endings as in the file).
    pub(crate) yaml: &'a str,
    /// Line of the first YAML line (the line after the opening `---`).
    pub(crate) yaml_line: usize,
    /// Everything after the closing `---` line.
    pub(crate) body: &'a str,
    /// Line of the first body line.
    pub(crate) body_line: usize,
}

/// What the start of a file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Split<'a> {
    /// The first line is not `---`: not a record.
    NoFrontMatter,
    /// An opening `---` with no closing one.
    Unterminated,
    Found(Parts<'a>),
}

/// Splits `text` at its front-matter fences.
pub(crate) fn split(text: &str) -> Split<'_> {
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
pub(crate) fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\r', '\n', ' ', '\t']) == "---"
}

/// Lines of a file looked at for front matter that opens too late.
const LATE_OPENING_LINES: usize = 40;

/// Why a file's front matter does not open on its first line, for a file [`split`]
/// calls [`Split::NoFrontMatter`]: the reason and the fix, and the text between the
/// late fences when there is front matter further down (it holds a `kind:` key).
pub(crate) fn not_opened(text: &str) -> (String, Option<&str>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let add = "add front matter (a first line `---`, then `kind:`, `id:` and the other keys, then `---`)";
    let ignore = "or list the file under `ignore` in .incidents.yml if it is not a record";
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        let late = late_front_matter(rest).map(|(_, yaml)| yaml);
        return (
            format!("the file starts with a second byte-order mark (U+FEFF) before `---`, so it is not read as a record: save it with at most one, {ignore}"),
            late,
        );
    }
    let first = text.lines().next().unwrap_or_default().trim_end_matches('\r');
    if first.trim_start().starts_with("---") && !is_fence(first) {
        let late = closed_front_matter(text.split_once('\n').map_or("", |(_, rest)| rest));
        let shown: String = first.chars().take(40).collect();
        return (
            format!("the first line `{shown}` is not a bare `---`, so the front matter is not read: write `---` alone on the first line (move any comment below it), {ignore}"),
            late,
        );
    }
    match late_front_matter(text) {
        Some((line, yaml)) => {
            let blank = text.lines().take(line - 1).all(|l| l.trim().is_empty());
            let why = if blank {
                format!("its front matter opens on line {line}, after blank lines, so it is not read as a record: delete the blank lines above the first `---`")
            } else {
                format!("its front matter opens on line {line}, after other text, so it is not read as a record: make `---` the first line and move the text above it into the body")
            };
            (format!("{why}, {ignore}"), Some(yaml))
        }
        None => {
            (format!("this Markdown file has no front matter, so it is not read as a record: {add}, {ignore}"), None)
        }
    }
}

/// A fence among the first lines of `text` followed by a `kind:` key and a closing fence:
/// its 1-based line and the text between the fences.
fn late_front_matter(text: &str) -> Option<(usize, &str)> {
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').take(LATE_OPENING_LINES).enumerate() {
        offset += line.len();
        if !is_fence(line) {
            continue;
        }
        return closed_front_matter(&text[offset..]).map(|yaml| (index + 1, yaml));
    }
    None
}

/// The text of `rest` before its first fence line, when there is one and the text holds
/// a `kind:` key: front matter whose opening fence was just passed.
fn closed_front_matter(rest: &str) -> Option<&str> {
    let mut end = 0;
    for line in rest.split_inclusive('\n') {
        if is_fence(line) {
            let yaml = &rest[..end];
            return yaml.lines().any(|l| l.starts_with("kind:")).then_some(yaml);
        }
        end += line.len();
    }
    None
}

/// The value of a top-level `id:` line, read with the YAML line scanner rather than a
/// parser (for front matter that does not parse), when it looks like an id.
pub(crate) fn salvage_id(yaml: &str) -> Option<String> {
    use crate::yaml::lines;
    yaml.lines().find_map(|line| {
        let (key, rest) = lines::split_key(line.trim_end_matches('\r'))?;
        if key != "id" || line.starts_with(['"', '\'']) {
            return None;
        }
        let written = &rest[..lines::scan(rest, lines::Open::default(), true).comment.unwrap_or(rest.len())];
        let value = lines::trim(written).trim_matches(|c| c == '"' || c == '\'');
        let looks_like_id = !value.is_empty()
            && value.len() <= 64
            && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        looks_like_id.then(|| value.to_string())
    })
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
    fn salvages_a_plain_id_line() {
        assert_eq!(salvage_id("kind: incident\nid: INC-100\ntitle: a: b\n").as_deref(), Some("INC-100"));
        assert_eq!(salvage_id("id: 'INC-7' # note\r\n").as_deref(), Some("INC-7"));
        assert_eq!(salvage_id("  id: nested\n"), None);
        assert_eq!(salvage_id("id: [broken\n"), None);
        assert_eq!(salvage_id("title: x\n"), None);
    }

    #[test]
    fn says_why_front_matter_does_not_open_on_the_first_line() {
        let record = "---\nkind: incident\nid: INC-7\n---\nbody\n";
        let cases = [
            (format!("\n\n{record}"), "opens on line 3, after blank lines", true),
            (format!("# Notes\n{record}"), "opens on line 2, after other text", true),
            (format!("\u{feff}\u{feff}{record}"), "second byte-order mark", true),
            (record.replacen("---", "--- # incident", 1), "is not a bare `---`", true),
            ("# Notes\n\nJust text.\n---\nmore\n".to_string(), "has no front matter", false),
            (String::new(), "has no front matter", false),
        ];
        for (text, needle, has_id) in cases {
            assert_eq!(split(&text), Split::NoFrontMatter, "{text:?}");
            let (why, yaml) = not_opened(&text);
            assert!(why.contains(needle) && why.contains("`ignore`"), "{text:?}: {why}");
            assert_eq!(yaml.and_then(salvage_id).as_deref(), has_id.then_some("INC-7"), "{text:?}");
        }
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
