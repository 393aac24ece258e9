//! Record bodies (Markdown) as safe HTML for the HTML report, with pulldown-cmark.
//!
//! Nothing a record author writes becomes live markup: raw HTML blocks show as code,
//! inline HTML as text, HTML comments (the status-block markers among them) are left
//! out; links keep only `http`, `https`, `mailto` and relative targets (a
//! `javascript:` link shows as its text), read as a browser reads them (tabs and line
//! breaks removed, surrounding control characters trimmed); a scheme-relative target
//! (`//host/path`, or with backslashes) names another host, so it is made `https:`
//! rather than left to resolve against the report's own `file:` address; images become
//! links, so opening the report never fetches anything; headings move two levels down to
//! sit under the report's own. A paragraph, list item or HTML block that holds only an
//! unfilled template placeholder (`<What users saw>`, `TODO`) is left out.

use crate::record::text::is_placeholder;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// `markdown` as HTML that cannot carry script or fetch anything.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let events = sanitize(without_placeholders(Parser::new_ext(markdown, options).collect()));
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// The target a link keeps, as a browser would read it, or `None` when it is not
/// safe: `http`, `https`, `mailto` and relative targets are kept; a scheme-relative
/// target (`//host/path`, `\\host`, `/\host`) becomes `https://host/path`.
pub fn link_target(url: &str) -> Option<String> {
    // Browsers drop tabs and line breaks anywhere and trim control characters and
    // spaces around a URL before reading its scheme.
    let cleaned: String = url.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let cleaned = cleaned.trim_matches(|c: char| c <= ' ');
    let bytes = cleaned.as_bytes();
    if bytes.len() >= 2 && matches!(bytes[0], b'/' | b'\\') && matches!(bytes[1], b'/' | b'\\') {
        let rest = cleaned.trim_start_matches(['/', '\\']);
        return Some(format!("https://{rest}"));
    }
    match scheme(cleaned) {
        None => Some(cleaned.to_string()),
        Some(scheme) if matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https" | "mailto") => {
            Some(cleaned.to_string())
        }
        Some(_) => None,
    }
}

/// The scheme of `url` (letters, digits, `+`, `-`, `.`, starting with a letter, before
/// the first `:`), or `None` for a relative reference.
fn scheme(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

/// `events` without the paragraphs, list items and HTML blocks that hold only an
/// unfilled template placeholder. Each container is looked at once, from its start, and
/// the events kept are moved, not copied.
fn without_placeholders(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut skip = Vec::new();
    let mut index = 0;
    while index < events.len() {
        match placeholder_container(&events, index) {
            Some(end) => {
                skip.push(index..=end);
                index = end + 1;
            }
            None => index += 1,
        }
    }
    if skip.is_empty() {
        return events;
    }
    let mut ranges = skip.into_iter().peekable();
    events
        .into_iter()
        .enumerate()
        .filter(|(index, _)| {
            while ranges.peek().is_some_and(|range| range.end() < index) {
                ranges.next();
            }
            !ranges.peek().is_some_and(|range| range.contains(index))
        })
        .map(|(_, event)| event)
        .collect()
}

/// When `events[start]` opens a paragraph, list item or HTML block whose text is only
/// a placeholder, the index of its end.
fn placeholder_container(events: &[Event<'_>], start: usize) -> Option<usize> {
    if !matches!(events.get(start), Some(Event::Start(Tag::Paragraph | Tag::Item | Tag::HtmlBlock))) {
        return None;
    }
    let mut text = String::new();
    for (offset, event) in events.get(start + 1..)?.iter().enumerate() {
        match event {
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::HtmlBlock) => {
                return is_placeholder(text.trim()).then_some(start + 1 + offset);
            }
            _ => return None,
        }
    }
    None
}

fn sanitize(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::new();
    // For each open link or image: whether its start was kept (so is its end).
    let mut links: Vec<bool> = Vec::new();
    let mut html_block: Option<String> = None;
    for event in events {
        if let Some(block) = html_block.as_mut() {
            match event {
                Event::End(TagEnd::HtmlBlock) => {
                    let text = html_block.take().unwrap_or_default();
                    if !is_comment(&text) {
                        out.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)));
                        out.push(Event::Text(CowStr::from(text)));
                        out.push(Event::End(TagEnd::CodeBlock));
                    }
                }
                Event::Html(text) | Event::Text(text) => block.push_str(&text),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::HtmlBlock) => html_block = Some(String::new()),
            Event::Html(text) | Event::InlineHtml(text) => {
                if !is_comment(&text) {
                    out.push(Event::Text(text));
                }
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let target = link_target(&dest_url);
                links.push(target.is_some());
                if let Some(target) = target {
                    out.push(Event::Start(Tag::Link { link_type, dest_url: CowStr::from(target), title, id }));
                }
            }
            Event::Start(Tag::Image { dest_url, title, id, .. }) => {
                let target = link_target(&dest_url);
                links.push(target.is_some());
                if let Some(target) = target {
                    let dest_url = CowStr::from(target);
                    out.push(Event::Start(Tag::Link { link_type: LinkType::Inline, dest_url, title, id }));
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if links.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                out.push(Event::Start(Tag::Heading { level: demote(level), id, classes, attrs }));
            }
            Event::End(TagEnd::Heading(level)) => out.push(Event::End(TagEnd::Heading(demote(level)))),
            Event::InlineMath(text) | Event::DisplayMath(text) => out.push(Event::Code(text)),
            other => out.push(other),
        }
    }
    out
}

fn is_comment(html: &str) -> bool {
    let html = html.trim();
    html.starts_with("<!--") && html.ends_with("-->")
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_never_run() {
        let html = render("<script>alert(1)</script>\n\nText with <img src=x onerror=alert(1)> inline.\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "{html}");
    }

    #[test]
    fn only_safe_links_stay_links() {
        let cases = [
            ("[a](https://example.com/x)", true),
            ("[a](http://example.com)", true),
            ("[a](mailto:sre@example.com)", true),
            ("[a](../runbooks/cache.md)", true),
            ("[a](#timeline)", true),
            ("[a](javascript:alert(1))", false),
            ("[a](JavaScript:alert(1))", false),
            ("[a](&#106;avascript:alert(1))", false),
            ("[a](data:text/html;base64,PHNjcmlwdD4=)", false),
            ("[a](vbscript:msgbox)", false),
            ("<javascript:alert(1)>", false),
        ];
        for (markdown, live) in cases {
            let html = render(markdown);
            assert_eq!(html.contains("<a "), live, "{markdown} -> {html}");
            assert!(!html.contains("javascript:") || !html.contains("href"), "{markdown} -> {html}");
        }
    }

    #[test]
    fn scheme_relative_links_are_absolute() {
        let cases = [
            ("[a](//evil.example/share)", Some("https://evil.example/share")),
            (r"[a](\\\\evil.example\share)", Some("https://evil.example\\share")),
            ("[a](/\\evil.example/x)", Some("https://evil.example/x")),
            ("[a](<\t//evil.example/x>)", Some("https://evil.example/x")),
            ("![g](//img.example/g.png)", Some("https://img.example/g.png")),
            ("[a](/runbooks/cache.md)", Some("/runbooks/cache.md")),
            ("[a](<java\tscript:alert(1)>)", None),
            ("[a](<\u{1}javascript:alert(1)>)", None),
        ];
        for (markdown, expected) in cases {
            let html = render(markdown);
            match expected {
                Some(href) => {
                    let written = format!("href=\"{}\"", href.replace('\\', "%5C"));
                    assert!(html.contains(&written), "{markdown} -> {html} (wanted {written})");
                }
                None => assert!(!html.contains("<a "), "{markdown} -> {html}"),
            }
        }
        assert_eq!(link_target("//host/path").as_deref(), Some("https://host/path"));
        assert_eq!(link_target("relative/x:y").as_deref(), Some("relative/x:y"));
        assert_eq!(link_target(" data:text/html,x"), None);
    }

    #[test]
    fn placeholders_are_left_out() {
        let html = render("## Summary\n\n<What users saw, since when.>\n\n## Timeline\n\nTODO\n\n- TBD\n- 10:00 alert\n\n<pending>\n\nReal <b>text</b>.\n");
        assert!(!html.contains("What users saw"), "{html}");
        assert!(!html.contains("TODO") && !html.contains("TBD"), "{html}");
        assert!(!html.contains("pending"), "{html}");
        assert!(html.contains("10:00 alert") && html.contains("Real &lt;b&gt;text&lt;/b&gt;."), "{html}");
    }

    #[test]
    fn images_become_links_and_comments_vanish() {
        let html =
            render("![graph](https://example.com/g.png)\n\n<!-- incidents:status -->\nhidden? no\n\n## Timeline\n");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("<a href=\"https://example.com/g.png\">graph</a>"), "{html}");
        assert!(!html.contains("incidents:status"), "{html}");
        assert!(html.contains("<h4>Timeline</h4>"), "{html}");
    }
}
