//! The status-block markers `<!-- incidents:status -->` … `<!-- /incidents:status -->`
//! (contract) in a Markdown body, found with pulldown-cmark rather than by searching
//! text: a marker counts only when it is an HTML comment standing alone on its line
//! outside code blocks, so a marker quoted in a code fence, an indented code block or
//! running text is never mistaken for one.
//!
//! Used by [`super::BodyFacts`] (what `check` compares) and by the editor's status block writer
//! (where `status --write` puts the block), so both agree on where a block is.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::ops::Range;

/// The opening marker as `status --write` writes it.
pub(crate) const OPEN: &str = "<!-- incidents:status -->";
/// The closing marker as `status --write` writes it.
pub(crate) const CLOSE: &str = "<!-- /incidents:status -->";
/// Text every marker contains: a body without it is never parsed for markers.
pub(crate) const NEEDLE: &str = "incidents:status";

/// Where the markers are in a body, as byte ranges of their whole lines (line ending
/// included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Markers {
    pub(crate) open: Range<usize>,
    /// The first closing marker after the opening one, if any.
    pub(crate) close: Option<Range<usize>>,
    /// A second opening marker anywhere after the first: `status --write` refuses such
    /// a file rather than guess which block is its own (it could overwrite the text
    /// between two opening markers).
    pub(crate) second_open: Option<Range<usize>>,
}

impl Markers {
    /// The text between the markers, when the block is closed.
    pub(crate) fn content<'a>(&self, body: &'a str) -> Option<&'a str> {
        self.close.as_ref().map(|close| &body[self.open.end..close.start])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Open,
    Close,
}

/// The first opening marker of `body`, the first closing marker after it, and a second
/// opening marker if there is one.
pub(crate) fn find(body: &str) -> Option<Markers> {
    if !body.contains(NEEDLE) {
        return None;
    }
    let mut open: Option<Range<usize>> = None;
    let mut close: Option<Range<usize>> = None;
    let mut second_open: Option<Range<usize>> = None;
    // Only the first line of an HTML block can be a marker: later lines may sit inside
    // a comment that an earlier line opened.
    let mut first_in_block = false;
    for (event, range) in Parser::new(body).into_offset_iter() {
        let text = match event {
            Event::Start(Tag::HtmlBlock) => {
                first_in_block = true;
                continue;
            }
            Event::End(TagEnd::HtmlBlock) => {
                first_in_block = false;
                continue;
            }
            Event::Html(text) if std::mem::take(&mut first_in_block) => text,
            Event::InlineHtml(text) => text,
            _ => continue,
        };
        let Some(kind) = marker_kind(&text) else { continue };
        let Some(line) = alone_on_line(body, range.start) else { continue };
        match (kind, &open) {
            (Kind::Open, None) => open = Some(line),
            (Kind::Open, Some(_)) if second_open.is_none() => second_open = Some(line),
            (Kind::Close, Some(_)) if close.is_none() => close = Some(line),
            _ => {}
        }
        if close.is_some() && second_open.is_some() {
            break;
        }
    }
    open.map(|open| Markers { open, close, second_open })
}

/// Which marker an HTML comment is (spaces inside the comment do not matter).
fn marker_kind(html: &str) -> Option<Kind> {
    let inner = html.trim().strip_prefix("<!--")?.strip_suffix("-->")?.trim();
    match inner {
        "incidents:status" => Some(Kind::Open),
        "/incidents:status" => Some(Kind::Close),
        _ => None,
    }
}

/// The byte range of the line holding `offset` when that line is one marker and
/// nothing else (white space aside).
fn alone_on_line(body: &str, offset: usize) -> Option<Range<usize>> {
    let start = body[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = body[offset..].find('\n').map_or(body.len(), |i| offset + i + 1);
    marker_kind(&body[start..end]).map(|_| start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(body: &str) -> Option<Option<&str>> {
        find(body).map(|markers| markers.content(body))
    }

    #[test]
    fn finds_a_block_between_markers() {
        let body = "\n<!-- incidents:status -->\n**INC-1**\n<!-- /incidents:status -->\n\n## Summary\n";
        let markers = find(body).unwrap();
        assert_eq!(&body[markers.open.clone()], "<!-- incidents:status -->\n");
        assert_eq!(markers.content(body), Some("**INC-1**\n"));
    }

    #[test]
    fn tolerates_crlf_and_spacing_inside_the_comment() {
        let body = "<!--incidents:status-->\r\nx\r\n<!--   /incidents:status   -->\r\n";
        assert_eq!(content(body), Some(Some("x\r\n")));
    }

    #[test]
    fn ignores_markers_in_code_and_running_text() {
        for body in [
            "```\n<!-- incidents:status -->\nx\n<!-- /incidents:status -->\n```\n",
            "    <!-- incidents:status -->\n    <!-- /incidents:status -->\n",
            "Write `<!-- incidents:status -->` to place it.\n",
            "Text <!-- incidents:status --> inline\n",
            "> <!-- incidents:status -->\n",
            "~~~md\n<!-- incidents:status -->\n~~~\n",
        ] {
            assert_eq!(find(body), None, "{body:?}");
        }
    }

    #[test]
    fn a_fenced_marker_does_not_hide_the_real_block() {
        let body =
            "```\n<!-- incidents:status -->\n```\n\n<!-- incidents:status -->\nreal\n<!-- /incidents:status -->\n";
        assert_eq!(content(body), Some(Some("real\n")));
    }

    #[test]
    fn an_unclosed_block_has_no_content() {
        assert_eq!(content("<!-- incidents:status -->\nx\n"), Some(None));
        assert_eq!(content("<!-- /incidents:status -->\n"), None);
        assert_eq!(content("no markers\n"), None);
    }

    #[test]
    fn a_second_opening_marker_is_found_before_or_after_the_close() {
        let before = "<!-- incidents:status -->\nmine\n<!-- incidents:status -->\nnotes\n<!-- /incidents:status -->\n";
        let markers = find(before).unwrap();
        assert_eq!(markers.second_open, Some(31..57));
        assert_eq!(markers.content(before), Some("mine\n<!-- incidents:status -->\nnotes\n"));
        let after = "<!-- incidents:status -->\na\n<!-- /incidents:status -->\n\n<!-- incidents:status -->\nb\n";
        assert!(find(after).unwrap().second_open.is_some());
        let fenced = "<!-- incidents:status -->\na\n<!-- /incidents:status -->\n```\n<!-- incidents:status -->\n```\n";
        assert_eq!(find(fenced).unwrap().second_open, None);
    }

    #[test]
    fn a_marker_after_a_paragraph_line_counts() {
        let body = "Intro text\n<!-- incidents:status -->\nx\n<!-- /incidents:status -->";
        assert_eq!(content(body), Some(Some("x\n")));
    }
}
