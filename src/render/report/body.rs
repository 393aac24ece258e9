//! Record bodies (Markdown) as safe HTML for the HTML report, with pulldown-cmark.
//!
//! Nothing a record author writes becomes live markup: raw HTML blocks show as code,
//! inline HTML as text, HTML comments (the status-block markers among them) are left
//! out; links keep only `http`, `https`, `mailto` and relative targets (a
//! `javascript:` link shows as its text); images become links, so opening the report
//! never fetches anything; headings move two levels down to sit under the report's own.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// `markdown` as HTML that cannot carry script or fetch anything.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let events = sanitize(Parser::new_ext(markdown, options));
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// Whether a link target is safe to keep: `http`, `https`, `mailto`, or no scheme.
pub fn safe_url(url: &str) -> bool {
    let Some(colon) = url.find(':') else { return true };
    let scheme = &url[..colon];
    if scheme.contains(['/', '?', '#']) {
        return true; // a relative path with a colon further on
    }
    matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https" | "mailto")
}

fn sanitize<'a>(parser: Parser<'a>) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    // For each open link or image: whether its start was kept (so is its end).
    let mut links: Vec<bool> = Vec::new();
    let mut html_block: Option<String> = None;
    for event in parser {
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
                let keep = safe_url(dest_url.trim());
                links.push(keep);
                if keep {
                    out.push(Event::Start(Tag::Link { link_type, dest_url, title, id }));
                }
            }
            Event::Start(Tag::Image { dest_url, title, id, .. }) => {
                let keep = safe_url(dest_url.trim());
                links.push(keep);
                if keep {
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
    fn images_become_links_and_comments_vanish() {
        let html =
            render("![graph](https://example.com/g.png)\n\n<!-- incidents:status -->\nhidden? no\n\n## Timeline\n");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("<a href=\"https://example.com/g.png\">graph</a>"), "{html}");
        assert!(!html.contains("incidents:status"), "{html}");
        assert!(html.contains("<h4>Timeline</h4>"), "{html}");
    }
}
