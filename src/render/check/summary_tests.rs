//! Tests of the job summary: escaping checked with a real CommonMark/GFM parser
//! (pulldown-cmark) over a generated set of hostile strings, and the size budget.

use super::*;
use crate::diagnostic::Rule;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

fn report(count: usize) -> Report {
    let diagnostics = (0..count)
        .map(|i| Diagnostic {
            code: Rule::MissingOwner,
            severity: if i % 2 == 0 { Severity::Error } else { Severity::Warning },
            file: format!("incidents/INC-{i}.md"),
            line: 3,
            id: Some(format!("INC-{i}")),
            message: "add `owner:` — the person or team".to_string(),
        })
        .collect();
    Report { diagnostics, files: count }
}

#[test]
fn escapes_cells() {
    let cases = [
        ("a | b", "a \\| b"),
        ("write <owner> & `<placeholder>`", "write \\<owner\\> \\& `<placeholder>`"),
        ("two\nlines", "two lines"),
        ("open `code", "open `code`"),
        ("a\\`<b>`", "a\\\\`<b>`"),
        ("see https://e.com or www.e.com", "see https\\://e.com or www\\.e.com"),
        ("mail dana@example.com", "mail dana`@`example.com"),
        ("`x`@y", "`x@`y"),
        ("`a|b` *c* [d](e) ![f](g) $h$", "`a\\|b` \\*c\\* \\[d\\](e) !\\[f\\](g) \\$h\\$"),
    ];
    for (text, expected) in cases {
        assert_eq!(inline(text), expected, "{text:?}");
    }
    assert_eq!(code("a`b"), "``a`b``");
    assert_eq!(code("`x` |"), "`` `x` \\| ``");
    assert_eq!(code(" a "), "`  a  `");
}

#[test]
fn lists_counts_and_every_row() {
    let text = render(&report(3), MAX_BYTES).within(MAX_BYTES);
    assert!(text.contains("**2 errors, 1 warning** in 3 record files"), "{text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("| :")).count(), 3);
    assert!(render(&report(0), MAX_BYTES).within(MAX_BYTES).contains("no problems"));
}

#[test]
fn stays_under_the_limit_with_a_note() {
    let full = render(&report(50), usize::MAX).within(usize::MAX);
    for limit in [1000, 4000, full.len() - 10] {
        let text = render(&report(50), limit).within(limit);
        assert!(text.len() <= limit, "{limit}: {}", text.len());
        assert!(text.contains("more diagnostics not listed"), "{limit}");
    }
    assert!(!full.contains("not listed"));
}

#[test]
fn the_budget_counts_what_the_file_already_holds() {
    let report = report(50);
    let summary = render(&report, 6000);
    for existing in [0_u64, 1000, 3000, 5500, 5900, 6000, 10_000] {
        let text = summary.after(existing);
        assert!(text.len() as u64 + existing <= 6000 || text.is_empty(), "{existing}: {}", text.len());
        assert_eq!(text.is_empty(), existing >= 5900, "{existing}: {text}");
    }
    let clean = report_with(Vec::new());
    assert!(render(&clean, 100).after(0).contains("no problems"));
    assert_eq!(render(&clean, 100).after(90), "");
}

fn report_with(diagnostics: Vec<Diagnostic>) -> Report {
    Report { diagnostics, files: 1 }
}

/// Pieces of text GitHub-flavoured Markdown could read as something.
const TOKENS: &[&str] = &[
    "\\",
    "`",
    "``",
    "\\`",
    "<",
    ">",
    "[",
    "]",
    "](",
    "![",
    "!",
    "(",
    ")",
    "&",
    "&amp;",
    "&#60;",
    "&lt;",
    "|",
    "\\|",
    "*",
    "_",
    "~~",
    "$",
    ":",
    "@",
    "a@b.co",
    "www.",
    "WWW.e.com",
    "https://e.com/x",
    "http:",
    "//",
    "<img src=x>",
    "<a href=x>",
    "[x](https://e.com)",
    "![i](https://e.com/i.png)",
    "<https://e.com>",
    "[^1]",
    "[x]: /u",
    "\n",
    "\r",
    " ",
    "x",
    "# h",
    "- ",
    "<!--",
    "-->",
    "mailto:a@b.co",
    "$$",
];

/// Every string of one or two tokens, three tokens from the first twenty-four, and
/// 3,000 pseudo-random strings of up to eight tokens.
fn hostile_strings() -> Vec<String> {
    let mut out: Vec<String> = TOKENS.iter().map(|t| t.to_string()).collect();
    for a in TOKENS {
        for b in TOKENS {
            out.push(format!("{a}{b}"));
        }
    }
    for a in &TOKENS[..24] {
        for b in &TOKENS[..24] {
            for c in &TOKENS[..24] {
                out.push(format!("x{a}{b}{c}y"));
            }
        }
    }
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |bound: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::try_from(seed % bound as u64).unwrap_or(0)
    };
    for _ in 0..3000 {
        let length = 1 + next(8);
        out.push((0..length).map(|_| TOKENS[next(TOKENS.len())]).collect());
    }
    out
}

/// A cell's events with their source ranges.
type Events<'a> = Vec<(Event<'a>, Range<usize>)>;

/// What a cell shows: its text and code.
fn shown(events: &[(Event<'_>, Range<usize>)]) -> String {
    let mut out = String::new();
    for (event, _) in events {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

/// The source of a cell outside its code spans holds nothing GitHub turns into an
/// autolink: no `@`, no `www.`, and every `:` escaped.
fn assert_no_autolink(source: &str, cell: &Range<usize>, events: &[(Event<'_>, Range<usize>)], text: &str) {
    let mut pieces = Vec::new();
    let mut at = cell.start;
    for (event, range) in events {
        if let Event::Code(_) = event {
            pieces.push(&source[at..range.start]);
            at = range.end;
        }
    }
    pieces.push(&source[at..cell.end]);
    for piece in pieces {
        assert!(!piece.contains('@'), "{text:?}: {piece:?}");
        assert!(!piece.to_ascii_lowercase().contains("www."), "{text:?}: {piece:?}");
        for (index, _) in piece.match_indices(':') {
            let backslashes = piece[..index].chars().rev().take_while(|c| *c == '\\').count();
            assert!(backslashes % 2 == 1, "{text:?}: an unescaped `:` in {piece:?}");
        }
    }
}

#[test]
fn record_text_renders_as_itself_and_nothing_else() {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM;
    let strings = hostile_strings();
    assert!(strings.len() > 16_000, "{}", strings.len());
    for text in &strings {
        let diagnostic = Diagnostic {
            code: Rule::InvalidValue,
            severity: Severity::Error,
            file: format!("{text}.md"),
            line: 7,
            id: Some(text.clone()),
            message: text.clone(),
        };
        let report = report_with(vec![diagnostic]);
        let markdown = render(&report, MAX_BYTES).within(MAX_BYTES);
        let mut cells: Vec<(Range<usize>, Events<'_>)> = Vec::new();
        let mut in_body = false;
        for (event, range) in Parser::new_ext(&markdown, options).into_offset_iter() {
            match &event {
                Event::Html(_) | Event::InlineHtml(_) => panic!("{text:?}: HTML {event:?}\n{markdown}"),
                Event::Start(Tag::Link { .. } | Tag::Image { .. }) | Event::FootnoteReference(_) => {
                    panic!("{text:?}: a link {event:?}\n{markdown}")
                }
                Event::InlineMath(_) | Event::DisplayMath(_) | Event::TaskListMarker(_) => {
                    panic!("{text:?}: {event:?}\n{markdown}")
                }
                Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough) if in_body => {
                    panic!("{text:?}: {event:?}\n{markdown}")
                }
                Event::Start(Tag::TableRow) => in_body = true,
                Event::End(TagEnd::TableRow) => in_body = false,
                Event::Start(Tag::TableCell) if in_body => cells.push((range.clone(), Vec::new())),
                _ if in_body => {
                    if let Some((_, events)) = cells.last_mut() {
                        events.push((event.clone(), range.clone()));
                    }
                }
                _ => {}
            }
        }
        assert_eq!(cells.len(), 5, "{text:?}: one row of five cells\n{markdown}");
        let plain = text.replace(['\r', '\n'], " ");
        let unquoted = plain.replace('`', "");
        assert_eq!(shown(&cells[2].1), format!("{plain}.md:7"), "{text:?}\n{markdown}");
        for (range, events) in &cells[2..] {
            assert_no_autolink(&markdown, range, events, text);
        }
        for (_, events) in &cells[3..] {
            // A table cell's text is trimmed before it is read.
            assert_eq!(shown(events).trim(), unquoted.trim(), "{text:?}\n{markdown}");
        }
    }
}
