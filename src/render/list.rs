//! `list` for the terminal: a header and one aligned line per incident or item —
//! id, status, severity, owner (an incident's commander), due date (with how late, for
//! overdue items) and title (an item without a title shows its failure mode). STATUS
//! marks accepted risks: "closed (1 accepted risk)" for an incident, "dropped (accepted
//! risk)" for an item whose failure mode has no other item. A shipped item shows its
//! change and where it came from: "shipped (3f2a9c1 via trailer)", "validated (pull/812
//! by hand, evidence via --run)".

use crate::analysis::listing::{Kind, Row};
use crate::render::color::Palette;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

const HEADER: [&str; 6] = ["ID", "STATUS", "SEVERITY", "OWNER", "DUE", "TITLE"];

/// The table, or nothing when there are no rows.
pub(crate) fn render(rows: &[Row], palette: &Palette) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let cells: Vec<[String; 6]> = rows.iter().map(cells).collect();
    let mut widths = HEADER.map(str::len);
    for row in &cells {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let header = HEADER.map(String::from);
    out.push_str(&palette.strong(&line(&header, &widths)));
    out.push('\n');
    for (row, cell) in rows.iter().zip(&cells) {
        let text = line(cell, &widths);
        let text = if row.overdue_days.is_some() { palette.warning(&text) } else { text };
        out.push_str(&text);
        out.push('\n');
    }
    out
}

fn line(cells: &[String; 6], widths: &[usize; 6]) -> String {
    let mut text = String::new();
    for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
        if i + 1 == cells.len() {
            text.push_str(cell);
        } else {
            text.push_str(cell);
            text.push_str(&" ".repeat(width - cell.chars().count() + 2));
        }
    }
    text.trim_end().to_string()
}

fn cells(row: &Row) -> [String; 6] {
    let or_dash = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_string());
    let due = match (row.due, row.overdue_days) {
        (Some(due), Some(days)) => format!("{due} ({days}d overdue)"),
        (Some(due), None) => due.to_string(),
        (None, _) => "-".to_string(),
    };
    let title = match row.kind {
        Kind::Incident => or_dash(&row.title),
        Kind::Remediation => row.title.clone().or_else(|| row.failure_mode.clone()).unwrap_or_else(|| "-".to_string()),
    };
    let one_line = |text: String| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let status = match (row.kind, row.accepted_risks.len()) {
        (_, 0) => {
            let words = |change, evidence| crate::analysis::shipped::short_words(change, evidence);
            let mut proof: Vec<String> = row
                .change
                .iter()
                .map(|change| format!("{} {}", crate::text::short_change(change), words(row.change_source, None)))
                .collect();
            proof.extend(row.evidence_source.map(|source| words(None, Some(source))));
            match proof.is_empty() {
                true => or_dash(&row.status),
                false => format!("{} ({})", or_dash(&row.status), proof.join(", ")),
            }
        }
        (Kind::Remediation, _) => format!("{} (accepted risk)", or_dash(&row.status)),
        (Kind::Incident, n) => format!("{} ({})", or_dash(&row.status), crate::render::plural(n, "accepted risk")),
    };
    [row.id.clone(), status, or_dash(&row.severity), one_line(or_dash(&row.owner)), due, one_line(title)]
}

/// The whole `list --format json` document: the date overdue days are counted from and
/// the selected rows (the [`Row`] structs, serialised; docs/reports.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ListOutput {
    pub(crate) today: NaiveDate,
    pub(crate) records: Vec<Row>,
}

/// `list --format json`.
pub(crate) fn json(today: NaiveDate, rows: &[Row]) -> String {
    super::json::versioned(&ListOutput { today, records: rows.to_vec() })
}
