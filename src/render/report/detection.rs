//! The report's "Time to detect and to mitigate" section, in Markdown and HTML: one row
//! per severity with how many incidents it holds and, for each figure, how many of them
//! have the Timeline entries it is computed from, so a median over three tagged
//! incidents out of forty reads as such. When no incident of the period has a
//! `[detected]` entry, the section says how to log one instead of showing an empty table.

use super::html_text::{escape, table as html_table};
use super::markdown::{spread, table};
use super::page::Page;
use crate::analysis::detection::Detection;
use crate::analysis::Report;
use crate::render::markdown_text::inline;

const TITLE: &str = "Time to detect and to mitigate";
/// `Detected`: incidents with a `[detected]` entry; `Timed`: those with a time to detect.
const HEADER: [&str; 9] = [
    "Severity",
    "Incidents",
    "Detected",
    "Timed",
    "To detect, median",
    "p90",
    "Mitigated",
    "To mitigate, median",
    "p90",
];

/// How many incidents of the period have a `[detected]` entry (the `all` row's count).
fn tagged(report: &Report) -> usize {
    report.detection.last().map_or(0, |all| all.detected)
}

fn cells(row: &Detection, text: &dyn Fn(&str) -> String) -> Vec<String> {
    let mut cells = vec![text(&row.severity), row.incidents.to_string(), row.detected.to_string()];
    cells.extend(spread(&row.time_to_detect_minutes));
    cells.extend(spread(&row.time_to_mitigate_minutes));
    cells
}

/// The sentence under the title: what is measured, and how much of the data it rests on.
fn lead(report: &Report, code: &dyn Fn(&str) -> String) -> String {
    let all = report.detection.last();
    let total = all.map_or(0, |all| all.incidents);
    let timed = all.map_or(0, |all| all.time_to_detect_minutes.count);
    let mitigated = all.map_or(0, |all| all.time_to_mitigate_minutes.count);
    let detected = tagged(report);
    let (detected_tag, mitigated_tag) = (code("[detected]"), code("[mitigated]"));
    format!(
        "Time to detect runs from the earliest moment a record knows ({} or an earlier Timeline entry, such as the deploy that started it) to the first {detected_tag} entry; time to mitigate from that entry to the first {mitigated_tag} one ({}); median and p90 by nearest rank. {detected} of {total} incidents have a {detected_tag} entry; {timed} of them also an earlier moment (an incident opened when the page came in, with nothing logged before, has no time to detect), and {mitigated} a {mitigated_tag} entry. The others are not counted.",
        code("opened"),
        code("incidents log --kind"),
    )
}

/// What the section says when no incident has a `[detected]` entry.
fn none(code: &dyn Fn(&str) -> String) -> String {
    format!(
        "No incident of the period has a Timeline entry tagged {} yet: log the moments as they happen, e.g. {}, then {}.",
        code("[detected]"),
        code("incidents log INC-7 \"paged on 5xx\" --kind detected"),
        code("--kind mitigated"),
    )
}

/// The Markdown section.
pub(crate) fn markdown(report: &Report, out: &mut Page<'_>) {
    write!(out, "\n## {TITLE}\n\n");
    if tagged(report) == 0 {
        writeln!(out, "{}", none(&|text| format!("`{text}`")));
        return;
    }
    write!(out, "{}\n\n", lead(report, &|text| format!("`{text}`")));
    let rows = report.detection.iter().map(|row| cells(row, &inline));
    table(out, &HEADER, rows, 1);
}

/// The HTML section.
pub(crate) fn html(report: &Report, out: &mut Page<'_>) {
    write!(out, "<section>\n<h2>{TITLE}</h2>\n");
    if tagged(report) == 0 {
        write!(out, "<p>{}</p>\n</section>\n", none(&|text| format!("<code>{}</code>", escape(text))));
        return;
    }
    writeln!(out, "<p>{}</p>", lead(report, &|text| format!("<code>{}</code>", escape(text))));
    let rows = report.detection.iter().map(|row| cells(row, &escape));
    html_table(out, &HEADER, rows, 1);
    out.push_str("</section>\n");
}
