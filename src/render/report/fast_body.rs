//! A fast path for reading plain Markdown bodies into the events pulldown-cmark would
//! give: ATX headings, paragraphs and tight `- ` lists of one-line items, which is what
//! most incident bodies hold. Anything that could change how CommonMark reads a body
//! (inline markup, links, HTML, entities, escapes, code, tables, block quotes, setext
//! underlines, thematic breaks, ordered or `+` lists, indentation, two trailing spaces,
//! loose lists, lazy continuation lines, nested markers) makes it return `None`, and the
//! caller parses the body with pulldown-cmark. The events then go through the same
//! placeholder removal and sanitizing as the parser's, so only the parse is skipped; the
//! tests compare the rendered HTML of both on generated bodies and on the demo's.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

/// Bytes that may start constructs this reader does not model (all ASCII, so a byte
/// test is exact in UTF-8), a multiple of three for `memchr3`.
const UNMODELLED: &[u8; 18] = b"`~<>\t=|\\[]&\r\x0b\x0c*_!$";

/// The events of `markdown`, or `None` to let pulldown-cmark read it.
pub(crate) fn events(markdown: &str) -> Option<Vec<Event<'_>>> {
    let bytes = markdown.as_bytes();
    if UNMODELLED.chunks_exact(3).any(|set| memchr::memchr3(set[0], set[1], set[2], bytes).is_some())
        || !markdown.is_ascii() && markdown.chars().any(|c| c != ' ' && c.is_whitespace())
    {
        return None;
    }
    let mut out: Vec<Event<'_>> = Vec::with_capacity(32);
    let mut block = Block::None;
    for line in markdown.split('\n') {
        if line.is_empty() {
            block = match block {
                Block::Paragraph => {
                    out.push(Event::End(TagEnd::Paragraph));
                    Block::None
                }
                Block::List { .. } => Block::List { after_blank: true },
                Block::None => Block::None,
            };
            continue;
        }
        if line.starts_with(' ') {
            return None; // indentation: the parser decides
        }
        // One trailing space is dropped as the parser drops it; two or more may be a
        // hard line break.
        let line = line.strip_suffix(' ').unwrap_or(line);
        if line.ends_with(' ') {
            return None;
        }
        let first = line.as_bytes()[0];
        if first == b'#' {
            let (level, title) = heading(line)?;
            close(&mut block, &mut out);
            out.push(Event::Start(Tag::Heading { level, id: None, classes: Vec::new(), attrs: Vec::new() }));
            out.push(Event::Text(CowStr::Borrowed(title)));
            out.push(Event::End(TagEnd::Heading(level)));
            continue;
        }
        if first == b'-' {
            let item = line.strip_prefix("- ")?;
            if item.starts_with(['-', '+', '#', ' ']) || starts_ordered_marker(item) {
                return None; // a nested marker, a heading or break inside the item
            }
            match block {
                Block::List { after_blank: true } => return None, // a loose list
                Block::List { after_blank: false } => {}
                _ => {
                    close(&mut block, &mut out);
                    out.push(Event::Start(Tag::List(None)));
                    block = Block::List { after_blank: false };
                }
            }
            out.push(Event::Start(Tag::Item));
            out.push(Event::Text(CowStr::Borrowed(item)));
            out.push(Event::End(TagEnd::Item));
            continue;
        }
        if first == b'+' || starts_ordered_marker(line) {
            return None;
        }
        match block {
            Block::List { after_blank: false } => return None, // a lazy continuation line
            Block::Paragraph => out.push(Event::SoftBreak),
            _ => {
                close(&mut block, &mut out);
                out.push(Event::Start(Tag::Paragraph));
                block = Block::Paragraph;
            }
        }
        out.push(Event::Text(CowStr::Borrowed(line)));
    }
    close(&mut block, &mut out);
    Some(out)
}

/// The block open at the current line.
#[derive(Clone, Copy)]
enum Block {
    None,
    Paragraph,
    /// A tight list; `after_blank` once a blank line followed its last item.
    List {
        after_blank: bool,
    },
}

/// Ends the open block.
fn close(block: &mut Block, out: &mut Vec<Event<'_>>) {
    match block {
        Block::Paragraph => out.push(Event::End(TagEnd::Paragraph)),
        Block::List { .. } => out.push(Event::End(TagEnd::List(false))),
        Block::None => {}
    }
    *block = Block::None;
}

/// `## Title` → (H2, "Title"); `None` for anything else starting with `#` (no space,
/// seven `#`, an empty title, a closing sequence, extra spaces).
fn heading(line: &str) -> Option<(HeadingLevel, &str)> {
    let hashes = line.bytes().take_while(|byte| *byte == b'#').count();
    let level = match hashes {
        1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        6 => HeadingLevel::H6,
        _ => return None,
    };
    let title = line[hashes..].strip_prefix(' ')?;
    if title.is_empty() || title.starts_with(' ') || title.ends_with('#') {
        return None;
    }
    Some((level, title))
}

/// Whether `text` starts like an ordered list item (`1.`, `12)`), which could start or
/// interrupt a list.
fn starts_ordered_marker(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
}

#[cfg(test)]
mod tests {
    use super::super::body::{render, render_parsed};

    /// Every body the fast path reads renders as pulldown-cmark's events do.
    fn same(body: &str) -> bool {
        let fast = super::events(body).is_some();
        assert_eq!(render(body), render_parsed(body), "{body:?}");
        fast
    }

    #[test]
    fn plain_bodies_are_read_and_render_alike() {
        // As `bench/generate.py` writes them: sentences end with a space.
        let body = "## Summary\n\nError rates rose \"sharply\" after the rollout. \nA second line. \n\n## Timeline\n\n- 08:52 step 8 of the response\n- 09:15 step 9\n\n## Notes\n\nDone. \n";
        assert!(same(body));
        assert!(super::events(body).is_some());
        for deferred in [
            "a *b*",
            "a [b](c)",
            "a\n---\n",
            "- a\n\n- b\n",
            "- a\nb\n",
            "1. a\n",
            "a\n2) b",
            "+ a",
            "#tag",
            "## A ##",
            "  a",
            "a  \nb",
            "a  ",
            "- - a",
            "- # a",
            "a\tb",
            "a &amp; b",
            "a `b`",
            "a <b>",
            "a\n===",
            "###### six\n####### seven",
            "a\u{a0}b",
            "-",
            "- ",
        ] {
            assert!(super::events(deferred).is_none(), "{deferred:?}");
            same(deferred);
        }
    }

    #[test]
    fn generated_bodies_render_alike() {
        let lines = [
            "",
            "",
            "# One",
            "## Two",
            "### Three",
            "#### Four",
            "###### Six",
            "- item",
            "- 08:52 step",
            "- item \"quoted\"",
            "Plain text.",
            "More text: with a colon",
            "Text with 'quotes' and \"more\"",
            "TODO",
            "TBD",
            "todo",
            "1999 was a year",
            "2. x",
            "-x",
            "#x",
            "- -",
            "Ünïcödé text",
            "a/b c.d",
            "- TODO",
            "## TODO",
            "text #not heading",
            "ends with #",
            "- ends with #",
            "## a # b",
            "Trailing space. ",
            "Two trailing.  ",
            "- item ",
            "## Heading ",
            "#### Four  ",
            " ",
            "- ",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut read = 0;
        for _ in 0..4000 {
            let mut body = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let count = 1 + (seed % 9) as usize;
            for step in 0..count {
                let pick = ((seed >> (step * 5)) as usize).wrapping_mul(2_654_435_761) % lines.len();
                body.push_str(lines[pick]);
                body.push('\n');
            }
            if seed.is_multiple_of(3) {
                body.pop();
            }
            if same(&body) {
                read += 1;
            }
        }
        assert!(read > 500, "the fast path read only {read} of 4000 bodies");
    }

    #[test]
    fn demo_bodies_render_alike() {
        let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo/incidents");
        let mut files = 0;
        for entry in walkdir::WalkDir::new(demo).into_iter().filter_map(Result::ok) {
            let Ok(text) = std::fs::read_to_string(entry.path()) else { continue };
            if let crate::record::frontmatter::Split::Found(parts) = crate::record::frontmatter::split(&text) {
                same(parts.body);
                files += 1;
            }
        }
        assert!(files > 20, "{files}");
    }
}
