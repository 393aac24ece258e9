//! Facts about a record's Markdown body, read with pulldown-cmark so that headings
//! inside code fences or HTML comments are never mistaken for sections.
//!
//! Bodies are only parsed when a rule needs them; only these small facts are kept:
//! headings (for `missing-section`) and the text of a written status block (for
//! `stale-status-block`), never whole bodies.

use crate::text::meaningful;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// A heading of the body and whether anything but placeholders is written under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Section {
    /// Heading text, trimmed.
    pub(crate) title: String,
    /// 1-based line of the heading in the file.
    pub(crate) line: usize,
    pub(crate) has_content: bool,
}

/// A status block written by `status --write`, as found between its markers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WrittenBlock {
    /// 1-based line of the opening marker in the file.
    pub(crate) line: usize,
    /// The text between the markers with `\n` line endings; `None` when the opening
    /// marker has no closing one.
    pub(crate) content: Option<String>,
    /// 1-based line of a second opening marker, when the body has one.
    pub(crate) second_open: Option<usize>,
}

/// What the rules need to know of a body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct BodyFacts {
    pub(crate) sections: Vec<Section>,
    /// Boxed: few files have one, and every file holds this struct for the whole run.
    pub(crate) status_block: Option<Box<WrittenBlock>>,
}

impl BodyFacts {
    /// Reads the headings of `body`, whose first line is line `first_line` of the file.
    pub(crate) fn read(body: &str, first_line: usize) -> Self {
        let sections =
            super::fast_sections::sections(body, first_line).unwrap_or_else(|| parse_sections(body, first_line));
        BodyFacts { sections, status_block: None }
    }

    /// Reads the status block of `body` (first line `first_line`), if it has one. Bodies
    /// that do not contain the marker text are not parsed at all.
    pub(crate) fn read_status_block(&mut self, body: &str, first_line: usize) {
        self.status_block = super::markers::find(body).map(|markers| {
            Box::new(WrittenBlock {
                line: first_line + body[..markers.open.start].matches('\n').count(),
                content: markers.content(body).map(|text| text.replace("\r\n", "\n")),
                second_open: markers.second_open.map(|second| first_line + body[..second.start].matches('\n').count()),
            })
        });
    }

    /// The section titled `title` (case-insensitive), if any.
    pub(crate) fn section(&self, title: &str) -> Option<&Section> {
        self.sections.iter().find(|section| section.title.eq_ignore_ascii_case(title.trim()))
    }
}

/// Every heading with whether it has content before the next heading of the same or a
/// higher level (a sub-heading's content counts for its parent), read with pulldown-cmark.
pub(crate) fn parse_sections(body: &str, first_line: usize) -> Vec<Section> {
    struct Open {
        level: HeadingLevel,
        index: usize,
    }
    let mut found: Vec<Section> = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut heading: Option<(HeadingLevel, usize, String)> = None;
    let mut line_of = LineIndex::new(body, first_line);
    let mut pending = String::new();
    let flush = |pending: &mut String, open: &[Open], found: &mut Vec<Section>| {
        if meaningful(pending).is_some() {
            for entry in open {
                found[entry.index].has_content = true;
            }
        }
        pending.clear();
    };
    for (event, range) in Parser::new(body).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut pending, &open, &mut found);
                heading = Some((level, line_of.line(range.start), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, line, title)) = heading.take() {
                    while open.last().is_some_and(|entry| entry.level >= level) {
                        open.pop();
                    }
                    open.push(Open { level, index: found.len() });
                    found.push(Section { title: title.trim().to_string(), line, has_content: false });
                }
            }
            Event::Text(text) | Event::Code(text) => match heading.as_mut() {
                Some((_, _, title)) => title.push_str(&text),
                None => pending.push_str(&text),
            },
            // A line break between two lines of a paragraph or a setext heading reads as a
            // space: `Causal` / `analysis` is the title `Causal analysis`, and `TO` / `DO`
            // is two words, not the placeholder `TODO`.
            Event::SoftBreak | Event::HardBreak => match heading.as_mut() {
                Some((_, _, title)) => title.push(' '),
                None => pending.push(' '),
            },
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::CodeBlock | TagEnd::TableRow) => {
                flush(&mut pending, &open, &mut found);
            }
            Event::Rule | Event::TaskListMarker(_) => {}
            _ => {}
        }
    }
    flush(&mut pending, &open, &mut found);
    found
}

/// Maps byte offsets of the body to file line numbers, scanning forward only.
struct LineIndex<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str, first_line: usize) -> Self {
        LineIndex { text, offset: 0, line: first_line }
    }

    fn line(&mut self, offset: usize) -> usize {
        if offset < self.offset {
            // Offsets arrive in order; restart the count if one ever does not.
            self.line -= self.text.as_bytes()[..self.offset].iter().filter(|b| **b == b'\n').count();
            self.offset = 0;
        }
        let end = offset.min(self.text.len());
        self.line += self.text.as_bytes()[self.offset..end].iter().filter(|b| **b == b'\n').count();
        self.offset = end;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_sections_with_content() {
        let body =
            "\n## Timeline\n\n- 14:20 alert\n\n## Causal analysis\n\n<what broke and why>\n\n## Notes\n### Sub\ntext\n";
        let facts = BodyFacts::read(body, 10);
        let timeline = facts.section("timeline").unwrap();
        assert_eq!(timeline.line, 11);
        assert!(timeline.has_content);
        assert!(!facts.section("Causal analysis").unwrap().has_content);
        assert!(facts.section("Notes").unwrap().has_content, "sub-section content counts");
    }

    #[test]
    fn ignores_headings_in_code_fences_and_comments() {
        let body = "```\n## Timeline\nx\n```\n<!--\n## Timeline\n-->\n";
        assert!(BodyFacts::read(body, 1).section("Timeline").is_none());
    }

    #[test]
    fn keeps_the_written_status_block_and_its_line() {
        let mut facts = BodyFacts::default();
        facts.read_status_block("\r\n<!-- incidents:status -->\r\nblock\r\n<!-- /incidents:status -->\r\n", 9);
        assert_eq!(
            facts.status_block,
            Some(Box::new(WrittenBlock { line: 10, content: Some("block\n".to_string()), second_open: None }))
        );
        let mut fenced = BodyFacts::default();
        fenced.read_status_block("```\n<!-- incidents:status -->\n<!-- /incidents:status -->\n```\n", 9);
        assert_eq!(fenced.status_block, None);
    }

    #[test]
    fn line_breaks_join_heading_lines_and_words_with_a_space() {
        for body in [
            "Causal\nanalysis\n---\n\nx y z\n",
            "Causal\\\nanalysis\n===\n\nwords\n",
            "Causal  \r\nanalysis\n--\n\nwords\n",
        ] {
            let facts = BodyFacts::read(body, 1);
            assert!(facts.section("Causal analysis").is_some_and(|s| s.has_content), "{body:?}: {facts:?}");
        }
        let facts = BodyFacts::read("## Timeline\n\nTO\nDO\n\nt\nb\nd\n", 1);
        assert!(facts.section("Timeline").is_some_and(|s| s.has_content), "{facts:?}");
    }

    #[test]
    fn setext_and_crlf_headings_count() {
        let facts = BodyFacts::read("Timeline\r\n--------\r\n\r\nwords\r\n", 5);
        let section = facts.section("Timeline").unwrap();
        assert_eq!(section.line, 5);
        assert!(section.has_content);
    }
}
