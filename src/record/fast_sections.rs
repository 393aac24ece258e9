//! A fast path for finding body sections in plain Markdown: ATX headings at the start of
//! a line and ordinary prose or list lines. Whenever the body holds anything that could
//! change how CommonMark reads it (code fences, HTML or comments, indented code, setext
//! underlines, block quotes, tables, links, escapes, emphasis in headings, headings or
//! thematic breaks after list markers however deeply nested, white space other than the
//! ASCII space (tab, vertical tab, form feed, no-break and other Unicode spaces) where it
//! could change a title or hide a placeholder, short lines whose text might be a
//! placeholder), it returns `None` and the caller parses the body with pulldown-cmark.
//! Tests compare both on the CommonMark spec examples and on random bodies.

use super::body::Section;

/// Bytes that may start constructs this scanner does not model, and the ASCII white
/// space other than the space that Markdown and `str::trim` disagree on (vertical tab,
/// form feed). All ASCII, so a byte test is exact: UTF-8 never hides an ASCII byte
/// inside a multi-byte character. The last byte repeats so the list splits into threes.
const UNMODELLED: [u8; 15] = *b"`~<>\t=|\\[]&\r\x0b\x0c\x0c";

/// Whether `bytes` holds any of [`UNMODELLED`]: five vectorised `memchr3` passes, which
/// on a typical body cost a fraction of one byte-by-byte table loop.
fn has_unmodelled(bytes: &[u8]) -> bool {
    UNMODELLED.chunks_exact(3).any(|three| memchr::memchr3(three[0], three[1], three[2], bytes).is_some())
}

/// The sections of `body` (first line = file line `first_line`), or `None` to defer.
pub(crate) fn sections(body: &str, first_line: usize) -> Option<Vec<Section>> {
    if has_unmodelled(body.as_bytes()) {
        return None;
    }
    let mut found: Vec<Section> = Vec::new();
    // Open sections as (level, index into `found`).
    let mut open: Vec<(usize, usize)> = Vec::new();
    for (index, raw) in crate::text::split_lines(body).enumerate() {
        let line = raw;
        let content = line.trim_start_matches(' ');
        if content.is_empty() {
            continue;
        }
        let indent = line.len() - content.len();
        if let Some((level, title)) = atx_heading(content) {
            if indent > 0 || title.contains(['*', '_', '#']) || has_other_space(title) {
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
        let after_marker = strip_list_markers(content)?;
        if after_marker.starts_with('#') {
            return None; // a heading inside a list item, however deeply nested
        }
        // Prose: it is content unless its text might be empty or a placeholder (`TODO`,
        // `TBD`) once emphasis markers and white space (any, as `str::trim` sees it) are
        // removed; five other characters rule both out.
        if after_marker.chars().filter(|c| !matches!(c, '*' | '_') && !c.is_whitespace()).take(5).count() < 5 {
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

/// Whether a heading title holds white space other than the ASCII space: CommonMark
/// keeps a no-break space in the title where `str::trim` removes it, so leave it to the
/// parser (the slow path trims titles as `str::trim` does).
fn has_other_space(title: &str) -> bool {
    !title.is_ascii() && title.chars().any(|c| c != ' ' && c.is_whitespace())
}

/// The text after every leading list marker (`- - 1. text` → `text`), or `None` when a
/// marker is followed by what may be a thematic break or a setext underline (`1. ---`),
/// which the parser must read.
fn strip_list_markers(mut content: &str) -> Option<&str> {
    loop {
        let rest = strip_list_marker(content);
        if rest.len() == content.len() {
            return Some(content);
        }
        if rest.bytes().next().is_some_and(|b| matches!(b, b'-' | b'*' | b'_')) && is_break_or_underline(rest) {
            return None;
        }
        content = rest;
    }
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
