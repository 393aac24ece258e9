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
//!
//! Work stays in proportion to the body. pulldown-cmark fills every short table row up
//! to the header's width (up to 262,144 made-up cells per table, without limit per
//! body), so a few kilobytes of narrow rows under a wide header become hundreds of
//! thousands of cells: 4 MB of such tables once took over 20 GB. [`tables_fit`] bounds the
//! cells the tables of a body could make before pulldown-cmark reads it; past
//! [`MAX_CELLS_PER_BYTE`] cells per byte of body the body is read with tables off, so
//! their text shows as written. pulldown-cmark's tree of a body costs up to about 100
//! bytes per byte of dense markup, so a body over [`MAX_MARKDOWN_BYTES`] is shown as
//! its text (escaped, in a code block), not read as Markdown. Events are made safe one
//! at a time ([`sanitize`]).

use crate::text::is_placeholder;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// The most table cells a body may make per byte of its text (plus a small allowance)
/// and still be read with tables on. A table written out in full makes at most one
/// cell per byte (each cell needs at least its `|`).
pub(crate) const MAX_CELLS_PER_BYTE: usize = 1;

/// Bodies longer than this are shown as their text, not read as Markdown.
pub(crate) const MAX_MARKDOWN_BYTES: usize = 1024 * 1024;

/// `markdown` as HTML that cannot carry script or fetch anything.
pub(crate) fn render(markdown: &str) -> String {
    render_with(markdown, true)
}

/// [`render`] with every body read by pulldown-cmark (the fast path's tests compare).
#[cfg(test)]
pub(crate) fn render_parsed(markdown: &str) -> String {
    render_with(markdown, false)
}

/// [`render`]; `fast` lets plain bodies skip pulldown-cmark's parser
/// ([`super::fast_body`]: the same events, read directly).
fn render_with(markdown: &str, fast: bool) -> String {
    let mut html = String::new();
    if markdown.len() > MAX_MARKDOWN_BYTES {
        html.push_str("<p class=\"note\">This body is over 1 MiB: it is shown as its text.</p>\n");
        let text = [
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)),
            Event::Text(CowStr::Borrowed(markdown)),
            Event::End(TagEnd::CodeBlock),
        ];
        pulldown_cmark::html::push_html(&mut html, text.into_iter());
        return html;
    }
    let parsed = match fast.then(|| super::fast_body::events(markdown)).flatten() {
        Some(events) => events,
        None => {
            let mut options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
            if tables_fit(markdown) {
                options |= Options::ENABLE_TABLES;
            }
            Parser::new_ext(markdown, options).collect()
        }
    };
    // Placeholder paragraphs are found on the whole body's events (at most 1 MiB of
    // text, with tables bounded above), then the rest is made safe one event at a time.
    let events = sanitize(without_placeholders(parsed).into_iter());
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// The target a link keeps, as a browser would read it, or `None` when it is not
/// safe: `http`, `https`, `mailto` and relative targets are kept; a scheme-relative
/// target (`//host/path`, `\\host`, `/\host`) becomes `https://host/path`.
pub(crate) fn link_target(url: &str) -> Option<String> {
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

/// The events, made safe one at a time (nothing holds the whole body's
/// events; an HTML block is gathered until its end, to be shown as code).
fn sanitize<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    let mut parser = events;
    let mut state = State::default();
    let mut pending = std::collections::VecDeque::new();
    std::iter::from_fn(move || loop {
        if let Some(event) = pending.pop_front() {
            return Some(event);
        }
        state.push(parser.next()?, &mut pending);
    })
}

/// What [`sanitize`] remembers between events.
#[derive(Default)]
struct State {
    /// For each open link or image: whether its start was kept (so is its end).
    links: Vec<bool>,
    /// The text of the HTML block being read, if any.
    html_block: Option<String>,
}

impl State {
    /// Adds the safe form of `event` (none, one or a few events) to `out`.
    fn push<'a>(&mut self, event: Event<'a>, out: &mut std::collections::VecDeque<Event<'a>>) {
        if let Some(block) = self.html_block.as_mut() {
            match event {
                Event::End(TagEnd::HtmlBlock) => {
                    let text = self.html_block.take().unwrap_or_default();
                    if !is_comment(&text) {
                        out.push_back(Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)));
                        out.push_back(Event::Text(CowStr::from(text)));
                        out.push_back(Event::End(TagEnd::CodeBlock));
                    }
                }
                Event::Html(text) | Event::Text(text) => block.push_str(&text),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(Tag::HtmlBlock) => self.html_block = Some(String::new()),
            Event::Html(text) | Event::InlineHtml(text) => {
                if !is_comment(&text) {
                    out.push_back(Event::Text(text));
                }
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let target = link_target(&dest_url);
                self.links.push(target.is_some());
                if let Some(target) = target {
                    out.push_back(Event::Start(Tag::Link { link_type, dest_url: CowStr::from(target), title, id }));
                }
            }
            Event::Start(Tag::Image { dest_url, title, id, .. }) => {
                let target = link_target(&dest_url);
                self.links.push(target.is_some());
                if let Some(target) = target {
                    let dest_url = CowStr::from(target);
                    out.push_back(Event::Start(Tag::Link { link_type: LinkType::Inline, dest_url, title, id }));
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if self.links.pop().unwrap_or(false) {
                    out.push_back(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                out.push_back(Event::Start(Tag::Heading { level: demote(level), id, classes, attrs }));
            }
            Event::End(TagEnd::Heading(level)) => out.push_back(Event::End(TagEnd::Heading(demote(level)))),
            Event::InlineMath(text) | Event::DisplayMath(text) => out.push_back(Event::Code(text)),
            other => out.push_back(other),
        }
    }
}

/// Whether the tables of `markdown` make at most [`MAX_CELLS_PER_BYTE`] cells per byte
/// (plus 4,096). Counted without parsing, as an upper bound: every line that could be a
/// table's delimiter row once container markers (`>`, list markers, indentation) are
/// stripped starts a table as wide as its cells, running to the next blank line; its
/// rows are not looked at again.
pub(crate) fn tables_fit(markdown: &str) -> bool {
    let limit = markdown.len().saturating_mul(MAX_CELLS_PER_BYTE).saturating_add(4096);
    let mut cells: usize = 0;
    let mut lines = markdown.split(['\n', '\r']).map(strip_containers).peekable();
    while let Some(line) = lines.next() {
        let Some(columns) = delimiter_columns(line) else { continue };
        let mut rows: usize = 2; // the header and the delimiter row
        while lines.next_if(|next| !next.is_empty()).is_some() {
            rows += 1;
        }
        cells = cells.saturating_add(columns.saturating_mul(rows));
        if cells > limit {
            return false;
        }
    }
    true
}

/// `line` without the block-quote markers, list markers and white space in front of it.
fn strip_containers(line: &str) -> &str {
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start_matches([' ', '\t']);
        let after_marker = if let Some(quoted) = trimmed.strip_prefix('>') {
            Some(quoted)
        } else if let Some(bullet) =
            trimmed.strip_prefix(['-', '+', '*']).filter(|r| r.is_empty() || r.starts_with([' ', '\t']))
        {
            Some(bullet)
        } else {
            let digits = trimmed.len() - trimmed.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            trimmed[digits..]
                .strip_prefix(['.', ')'])
                .filter(|r| digits > 0 && (r.is_empty() || r.starts_with([' ', '\t'])))
        };
        match after_marker {
            Some(next) => rest = next,
            None => return trimmed.trim_end_matches([' ', '\t']),
        }
    }
}

/// The number of cells of `line` when it could be a table's delimiter row: only `|`,
/// `-`, `:` and white space, with at least one `-`.
fn delimiter_columns(line: &str) -> Option<usize> {
    if !line.contains('-') || !line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t')) {
        return None;
    }
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    Some(inner.split('|').count())
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

    /// Tables of `columns` columns with a header, a delimiter row and `rows` one-cell
    /// rows, repeated until `bytes` long, inside `container` markers.
    fn wide_tables(columns: usize, rows: usize, bytes: usize, container: &str) -> String {
        let table = format!(
            "{container}|{}\n{container}|{}\n{}\n",
            "a|".repeat(columns),
            "-|".repeat(columns),
            format!("{container}|x\n").repeat(rows)
        );
        table.repeat(bytes / table.len() + 1)
    }

    #[test]
    fn wide_tables_with_short_rows_are_shown_as_text() {
        // Before: 512 columns and 512 rows made 262,144 cells per 3.5 KB table. The
        // output bound leaves room for what list markers cost in HTML (up to 6x here).
        for container in ["", "> ", "- ", "1. > * "] {
            for (columns, rows) in [(512, 512), (30_000, 8), (64, 4000)] {
                let markdown = wide_tables(columns, rows, 300_000, container);
                assert!(!tables_fit(&markdown), "{columns}x{rows} in {container:?}");
                let html = render(&markdown);
                assert!(!html.contains("<td"), "{columns}x{rows} in {container:?}");
                assert!(
                    html.len() < 8 * markdown.len(),
                    "{columns}x{rows}: {} bytes from {}",
                    html.len(),
                    markdown.len()
                );
            }
        }
    }

    #[test]
    fn a_body_over_the_cap_is_shown_as_escaped_text() {
        let markdown = format!("<script>alert(1)</script>\n\n{}", "*a* [l](https://e.com) ".repeat(50_000));
        assert!(markdown.len() > MAX_MARKDOWN_BYTES);
        let html = render(&markdown);
        assert!(html.starts_with("<p class=\"note\">This body is over 1 MiB"), "{}", &html[..200]);
        assert!(!html.contains("<script") && !html.contains("<em>") && !html.contains("<a "), "{}", &html[..300]);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.len() < 2 * markdown.len());
    }

    #[test]
    fn ordinary_tables_stay_tables() {
        let row = |cells: usize| format!("|{}\n", "value|".repeat(cells));
        let table = format!("{}|{}\n{}", row(8), "---|".repeat(8), row(8).repeat(200));
        let markdown = format!("## Timeline\n\n{table}\nText.\n\n> {}", table.replace('\n', "\n> "));
        assert!(tables_fit(&markdown));
        assert_eq!(render(&markdown).matches("<td>value</td>").count(), 2 * 8 * 200);
        // Empty cells written out cost a byte each, and a wide header row alone is fine.
        let empty =
            format!("|{}\n|{}\n{}", "a|".repeat(100), "-|".repeat(100), format!("|{}\n", "|".repeat(100)).repeat(50));
        assert!(tables_fit(&empty));
        assert!(tables_fit(&wide_tables(30_000, 0, 1, "")));
    }

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
