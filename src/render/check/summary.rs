//! The Markdown job summary `check --format github` appends to the file named by
//! `GITHUB_STEP_SUMMARY`: the counts, then a table of every diagnostic, most important
//! first (the order of the annotations).
//!
//! GitHub refuses a step summary over 1 MiB, so the table stops before [`MAX_BYTES`]
//! and ends with a note saying how many rows were left out. Text from records is
//! escaped so that a `|` cannot break the table and a `<placeholder>` is not taken for
//! HTML.

use super::github::by_importance;
use crate::diagnostic::{Diagnostic, Report};

/// The most this renderer writes: GitHub's 1 MiB step-summary limit, less room for
/// whatever else the step writes.
pub const MAX_BYTES: usize = 1024 * 1024 - 16 * 1024;

/// Messages longer than this many characters are cut in the table.
const MAX_MESSAGE_CHARS: usize = 1000;

/// Renders the summary, at most `max_bytes` long (including the closing note).
pub fn render(report: &Report, max_bytes: usize) -> String {
    let (errors, warnings) = (report.errors(), report.warnings());
    let mut out = String::from("## incidents check\n\n");
    if errors == 0 && warnings == 0 {
        out.push_str(&format!(
            ":white_check_mark: {} checked, no problems.\n",
            crate::render::plural(report.files, "record file")
        ));
        return out;
    }
    let icon = if errors > 0 { ":x:" } else { ":warning:" };
    out.push_str(&format!(
        "{icon} **{}, {}** in {}.\n\n",
        crate::render::plural(errors, "error"),
        crate::render::plural(warnings, "warning"),
        crate::render::plural(report.files, "record file")
    ));
    out.push_str("| | rule | file | id | message |\n|---|---|---|---|---|\n");
    let mut ordered: Vec<&Diagnostic> = report.diagnostics.iter().collect();
    ordered.sort_by(|a, b| by_importance(a, b));
    // Room for the longest closing note.
    let budget = max_bytes.saturating_sub(200);
    for (index, d) in ordered.iter().enumerate() {
        let row = row(d);
        if out.len() + row.len() > budget {
            let left = ordered.len() - index;
            out.push_str(&format!(
                "\n{} not listed: the step summary is limited to 1 MiB. Run `incidents check` locally to see them all.\n",
                crate::render::plural(left, "more diagnostic")
            ));
            return out;
        }
        out.push_str(&row);
    }
    out.push_str("\nRun `incidents explain <rule>` for what a rule checks and how to satisfy it.\n");
    out
}

fn row(d: &Diagnostic) -> String {
    let mark = match d.severity {
        crate::diagnostic::Severity::Error => ":x: error",
        crate::diagnostic::Severity::Warning => ":warning: warning",
    };
    let message: String = d.message.chars().take(MAX_MESSAGE_CHARS).collect();
    let cut = if message.len() < d.message.len() { "…" } else { "" };
    format!(
        "| {mark} | `{}` | `{}:{}` | {} | {}{cut} |\n",
        d.code.code(),
        cell(&d.file).replace('`', "'"),
        d.line,
        d.id.as_deref().map(cell).unwrap_or_default(),
        cell(&message)
    )
}

/// Escapes text for a table cell: `|` always, line breaks as spaces, and `<`, `>`, `&`
/// outside code spans (inside them Markdown shows the characters as written).
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    for ch in text.chars() {
        match ch {
            '`' => {
                in_code = !in_code;
                out.push('`');
            }
            '|' => out.push_str("\\|"),
            '\r' | '\n' => out.push(' '),
            '<' if !in_code => out.push_str("&lt;"),
            '>' if !in_code => out.push_str("&gt;"),
            '&' if !in_code => out.push_str("&amp;"),
            other => out.push(other),
        }
    }
    if in_code {
        // An unbalanced backtick would swallow the rest of the row.
        out.push('`');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Rule, Severity};

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
            ("write <owner> & `<placeholder>`", "write &lt;owner&gt; &amp; `<placeholder>`"),
            ("two\nlines", "two lines"),
            ("open `code", "open `code`"),
        ];
        for (text, expected) in cases {
            assert_eq!(cell(text), expected);
        }
    }

    #[test]
    fn lists_counts_and_every_row() {
        let text = render(&report(3), MAX_BYTES);
        assert!(text.contains("**2 errors, 1 warning** in 3 record files"), "{text}");
        assert_eq!(text.lines().filter(|l| l.starts_with("| :")).count(), 3);
        assert!(render(&report(0), MAX_BYTES).contains("no problems"));
    }

    #[test]
    fn stays_under_the_limit_with_a_note() {
        let full = render(&report(50), usize::MAX);
        for limit in [1000, 4000, full.len() - 10] {
            let text = render(&report(50), limit);
            assert!(text.len() <= limit, "{limit}: {}", text.len());
            assert!(text.contains("more diagnostics not listed"), "{limit}");
        }
        assert!(!full.contains("not listed"));
    }
}
