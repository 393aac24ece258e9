//! A fast path for finding body sections in plain Markdown: ATX headings at the start of
//! a line and ordinary prose or list lines. Whenever the body holds anything that could
//! change how CommonMark reads it (code fences, HTML or comments, indented code, setext
//! underlines, block quotes, tables, links, escapes, emphasis in headings, short lines
//! whose text might be a placeholder), it returns `None` and the caller parses the body
//! with pulldown-cmark. A test compares both on tricky and random bodies.

use super::body::Section;

/// Bytes that may start constructs this scanner does not model (all ASCII, so a byte
/// test is exact: UTF-8 never hides an ASCII byte inside a multi-byte character).
const UNMODELLED: [u8; 12] = *b"`~<>\t=|\\[]&\r";

/// Whether `bytes` holds any of [`UNMODELLED`]: four vectorised `memchr3` passes, which
/// on a typical body cost a fraction of one byte-by-byte table loop.
fn has_unmodelled(bytes: &[u8]) -> bool {
    UNMODELLED.chunks_exact(3).any(|three| memchr::memchr3(three[0], three[1], three[2], bytes).is_some())
}

/// The sections of `body` (first line = file line `first_line`), or `None` to defer.
pub fn sections(body: &str, first_line: usize) -> Option<Vec<Section>> {
    if has_unmodelled(body.as_bytes()) {
        return None;
    }
    let mut found: Vec<Section> = Vec::new();
    // Open sections as (level, index into `found`).
    let mut open: Vec<(usize, usize)> = Vec::new();
    for (index, raw) in super::text::split_lines(body).enumerate() {
        let line = raw;
        let content = line.trim_start_matches(' ');
        if content.is_empty() {
            continue;
        }
        let indent = line.len() - content.len();
        if let Some((level, title)) = atx_heading(content) {
            if indent > 0 || title.contains(['*', '_', '#']) {
                return None;
            }
            while open.last().is_some_and(|(open_level, _)| *open_level >= level) {
                open.pop();
            }
            open.push((level, found.len()));
            found.push(Section { title: title.to_string(), line: first_line + index, has_content: false });
            continue;
        }
        let first = content.as_bytes()[0];
        if first == b'#' {
            return None; // a `#` line that is not a plain heading (7 levels, `#tag`, …)
        }
        if (first == b'-' || first == b'*' || first == b'_') && is_break_or_underline(content) {
            return None; // a setext underline or a thematic break: leave it to the parser
        }
        let after_marker = strip_list_marker(content);
        if after_marker.starts_with('#') {
            return None; // a heading inside a list item
        }
        // Prose: it is content unless its text might be empty or a placeholder (`TODO`,
        // `TBD`) once emphasis markers are removed; five other bytes rule both out.
        if after_marker.bytes().filter(|b| !matches!(b, b' ' | b'*' | b'_')).take(5).count() < 5 {
            return None;
        }
        for (_, section) in &open {
            found[*section].has_content = true;
        }
    }
    Some(found)
}

/// `## Title ##` → (2, "Title"); `None` when the line is no ATX heading.
fn atx_heading(content: &str) -> Option<(usize, &str)> {
    let level = content.bytes().take_while(|b| *b == b'#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &content[level..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let title = rest.trim_matches(' ');
    let title = match title.trim_end_matches('#') {
        stripped if stripped.len() < title.len() && (stripped.is_empty() || stripped.ends_with(' ')) => {
            stripped.trim_end()
        }
        _ => title,
    };
    Some((level, title))
}

/// The text after a list marker (`- `, `* `, `+ `, `1. `, `1) `), or the line itself.
fn strip_list_marker(content: &str) -> &str {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = content.strip_prefix(marker) {
            return rest.trim_start_matches(' ');
        }
    }
    let digits = content.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &content[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return rest.trim_start_matches(' ');
        }
    }
    content
}

/// A line of only `-`, `*` or `_` and spaces (a setext underline or thematic break).
fn is_break_or_underline(content: &str) -> bool {
    content.bytes().all(|b| matches!(b, b'-' | b'*' | b'_' | b' '))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::body::parse_sections;

    const LINES: &[&str] = &[
        "## Timeline",
        "# Summary #",
        "### Sub",
        "#### Deep ##",
        "####### seven",
        "#nospace",
        "## ",
        "##",
        "- 14:20 alert fired on checkout",
        "* bullet with enough text",
        "1. first numbered item",
        "2) second one here",
        "Plain prose paragraph line",
        "TODO",
        "tbd",
        "x",
        "- x",
        "",
        "   ",
        "***",
        "* * *",
        "---",
        "Title",
        "===",
        "    indented code line here",
        "  ## indented heading",
        "- ## heading in a list",
        "> quoted text here",
        "```",
        "code inside fence",
        "<!-- comment -->",
        "<div>",
        "[link](http://x)",
        "**TODO**",
        "_emph words here_",
        "## *Timeline*",
        "## Causal analysis",
        "text with trailing spaces   ",
        "a\tb",
        "\\# escaped",
        "| a | b |",
        "&amp; entity",
        "+ plus item with text",
        "## Timeline ##",
        "##   Spaced   ",
    ];

    #[test]
    fn agrees_with_pulldown_cmark_on_random_bodies() {
        let mut answered = 0;
        for body in crate::yaml::random_texts(LINES, 0x9e37_79b9_7f4a_7c15, 5000, 9) {
            if let Some(fast) = sections(&body, 7) {
                answered += 1;
                assert_eq!(fast, parse_sections(&body, 7), "fast path disagrees on {body:?}");
            }
        }
        assert!(answered > 200, "{answered}");
    }

    #[test]
    fn answers_for_typical_bodies() {
        let body = "\n## Summary\n\nCustomers saw 502s on checkout for 40 minutes.\n\n## Timeline\n\n- 14:20 alert fired\n- 14:41 rolled back to v41\n\n## Causal analysis\n\nThe cache key ignored the schema version.\n";
        let fast = sections(body, 10).expect("typical body takes the fast path");
        assert_eq!(fast, parse_sections(body, 10));
        assert_eq!(fast.len(), 3);
        assert!(fast.iter().all(|s| s.has_content));
    }

    #[test]
    fn agrees_on_every_demo_body() {
        let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo/incidents");
        for entry in walkdir::WalkDir::new(demo).into_iter().filter_map(Result::ok) {
            let Ok(text) = std::fs::read_to_string(entry.path()) else { continue };
            if let crate::record::frontmatter::Split::Found(parts) = crate::record::frontmatter::split(&text) {
                if let Some(fast) = sections(parts.body, parts.body_line) {
                    assert_eq!(fast, parse_sections(parts.body, parts.body_line), "{}", entry.path().display());
                }
            }
        }
    }
}
