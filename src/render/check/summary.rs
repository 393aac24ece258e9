//! The Markdown job summary `check --format github` appends to the file named by
//! `GITHUB_STEP_SUMMARY`: the counts, then a table of every diagnostic, most important
//! first (the order of the annotations).
//!
//! GitHub refuses a step summary over 1 MiB, and the file may already hold what earlier
//! commands of the step wrote (another `check` among them), so the summary is rendered
//! for the room left ([`Summary`] is [`Fitting`]): the table stops before the file would
//! pass [`MAX_BYTES`] and ends with a note saying how many rows were left out.
//!
//! Text from records is written for GitHub-flavoured Markdown as GitHub renders it
//! ([`inline`]): it can break no table cell or line, and becomes no HTML, link, image,
//! autolink (`https://…`, `www.…`, `name@host`), emphasis or entity.

use super::github::by_importance;
use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::edit::append::Fitting;
use std::borrow::Cow;

/// The most the summary file may hold once this summary is appended: GitHub's 1 MiB
/// step-summary limit, less room for whatever else the step writes.
pub(crate) const MAX_BYTES: usize = 1024 * 1024 - 16 * 1024;

/// Messages longer than this many characters are cut in the table.
const MAX_MESSAGE_CHARS: usize = 1000;

/// The job summary of one report, rendered when the room left in the file is known.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Summary<'a> {
    report: &'a Report,
    max_bytes: usize,
}

/// The summary of `report`, for a file that may hold at most `max_bytes` bytes.
pub(crate) fn render(report: &Report, max_bytes: usize) -> Summary<'_> {
    Summary { report, max_bytes }
}

impl Fitting for Summary<'_> {
    fn after(&self, existing: u64) -> Cow<'_, str> {
        let existing = usize::try_from(existing).unwrap_or(usize::MAX);
        Cow::Owned(self.within(self.max_bytes.saturating_sub(existing)))
    }
}

impl Summary<'_> {
    /// The summary in at most `room` bytes: every row that fits, then a note counting
    /// the rest; nothing at all when not even the heading and that note fit.
    pub(crate) fn within(&self, room: usize) -> String {
        let report = self.report;
        let (errors, warnings) = (report.errors(), report.warnings());
        let mut out = String::from("## incidents check\n\n");
        if errors == 0 && warnings == 0 {
            out.push_str(&format!(
                ":white_check_mark: {} checked, no problems.\n",
                crate::render::plural(report.files, "record file")
            ));
            return if out.len() <= room { out } else { String::new() };
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
        let budget = room.saturating_sub(200);
        if out.len() > budget {
            return String::new();
        }
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
}

fn row(d: &Diagnostic) -> String {
    let mark = match d.severity {
        Severity::Error => ":x: error",
        Severity::Warning => ":warning: warning",
    };
    let message: String = d.message.chars().take(MAX_MESSAGE_CHARS).collect();
    let cut = if message.len() < d.message.len() { "…" } else { "" };
    format!(
        "| {mark} | `{}` | {} | {} | {}{cut} |\n",
        d.code.code(),
        code(&format!("{}:{}", d.file, d.line)),
        d.id.as_deref().map(inline).unwrap_or_default(),
        inline(&message)
    )
}

/// Text for a table cell, read as the tool's messages are written: a span between
/// backticks quotes a value and stays a code span; the rest is text.
///
/// Text is escaped with backslashes wherever GitHub-flavoured Markdown could read
/// something in it: `\`, `*`, `_`, `~` (emphasis), `[`, `]` (links, images, footnotes),
/// `<`, `>` (HTML, autolinks), `&` (entities), `|` (cells), `:` (a scheme before `//`,
/// an autolink), `$` (math), and the `.` of `www.`; line breaks become spaces. An `@`
/// (an email autolink, a mention) goes into a code span, since GitHub joins text before
/// looking for addresses. A code span can hold nothing live, whatever it contains.
pub(crate) fn inline(text: &str) -> String {
    // Runs of (is code, text), adjacent code runs merged: an `@` joins the span beside it.
    let mut runs: Vec<(bool, String)> = Vec::new();
    let mut push = |is_code: bool, ch: char| match runs.last_mut() {
        Some((last, run)) if *last == is_code => run.push(ch),
        _ => runs.push((is_code, ch.to_string())),
    };
    for (index, part) in text.split('`').enumerate() {
        for ch in part.chars() {
            push(index % 2 == 1 || ch == '@', ch);
        }
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (is_code, run) in runs {
        if is_code {
            out.push_str(&code(&run));
            continue;
        }
        let mut previous = ['\0'; 3];
        for ch in run.chars() {
            match ch {
                '\r' | '\n' => out.push(' '),
                '\\' | '*' | '_' | '~' | '[' | ']' | '<' | '>' | '&' | '|' | ':' | '$' => {
                    out.push('\\');
                    out.push(ch);
                }
                '.' if previous.iter().all(|p| p.eq_ignore_ascii_case(&'w')) => out.push_str("\\."),
                other => out.push(other),
            }
            previous = [previous[1], previous[2], ch];
        }
    }
    out
}

/// `text` as one code span that shows it exactly: fenced by one backtick more than its
/// longest run of backticks, padded with a space where CommonMark would strip one, its
/// `|` escaped for the table and its line breaks written as spaces.
pub(crate) fn code(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let text = text.replace(['\r', '\n'], " ");
    let mut longest = 0;
    let mut run = 0;
    for ch in text.chars() {
        run = if ch == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let stripped = text.starts_with(' ') && text.ends_with(' ') && !text.chars().all(|c| c == ' ');
    let pad = if text.starts_with('`') || text.ends_with('`') || stripped { " " } else { "" };
    format!("{fence}{pad}{}{pad}{fence}", text.replace('|', "\\|"))
}

#[cfg(test)]
#[path = "summary_tests.rs"]
mod tests;
