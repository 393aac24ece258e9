//! The last section of the Markdown report: every incident of the period with its
//! gate-1 evidence (signal, intervention, rollback, verification) and each item with
//! what proves it — validation, change and evidence, or the reason it was dropped and who
//! approved that; a change is a short SHA or a link, and a change or evidence says where
//! it came from (a `Remediates:` trailer, `validate --run`, or by hand). Fields left empty or as a template placeholder are never shown: the
//! model holds them as absent, and a field the item's status requires says "not written".

use super::markdown::opt;
use super::page::Page;
use crate::analysis::report::{IncidentRow, ItemRow};
use crate::analysis::Report;
use crate::render::markdown_text::{inline, quoted};

/// Appends the section.
pub(crate) fn render(report: &Report, out: &mut Page<'_>) {
    out.push_str("\n## Incidents\n");
    if report.incidents.is_empty() {
        out.push_str("\nNo incident in this period.\n");
    }
    out.push_each(&report.incidents, one);
}

fn one(incident: &IncidentRow, out: &mut Page<'_>) {
    write!(out, "\n### {} · {}\n\n", inline(incident.id), opt(&incident.title));
    let mut facts = Vec::new();
    facts.extend(incident.severity.map(inline));
    facts.extend(incident.status.map(inline));
    facts.extend(incident.opened.map(|at| format!("opened {at}")));
    facts.extend(incident.stabilized_at.map(|at| format!("stabilized {at}")));
    facts.extend(incident.closed_at.map(|at| format!("closed {at}")));
    facts.extend(incident.commander.map(|c| format!("commander {}", inline(c))));
    write!(out, "{}\n\n", facts.join(" · "));
    let gate = &incident.stabilization;
    if incident.status == Some("active") && gate.signal.is_none() && gate.verification.is_none() {
        out.push_str("Gate 1 evidence: not yet — the incident is active.\n");
    } else {
        out.push_str("Gate 1 evidence:\n");
        let written = |value: Option<&str>| value.map_or_else(|| "not written".to_string(), inline);
        writeln!(out, "- Signal: {}", written(gate.signal));
        writeln!(out, "- Intervention: {}", written(gate.intervention));
        writeln!(out, "- Rollback: {}", written(gate.rollback));
        writeln!(out, "- Verification: {}", written(gate.verification));
        if let Some(uncertainty) = &gate.uncertainty {
            writeln!(out, "- Uncertainty: {}", inline(uncertainty));
        }
    }
    if !incident.failure_modes.is_empty() {
        let modes: Vec<String> = incident.failure_modes.iter().map(|m| quoted(m)).collect();
        write!(out, "\nFailure modes: {}\n", modes.join("; "));
    }
    if incident.items.is_empty() {
        out.push_str("\nNo remediation items.\n");
        return;
    }
    out.push_str("\nItems:\n");
    for item in &incident.items {
        item_lines(item, out);
    }
}

fn item_lines(item: &ItemRow, out: &mut Page<'_>) {
    let status = item.status.unwrap_or("no valid status");
    let mut head = vec![inline(status)];
    head.extend(item.owner.map(inline));
    head.extend(item.due.map(|due| format!("due {due}")));
    if item.due_moves > 0 {
        head.push(format!("due date moved {}", crate::render::plural(item.due_moves, "time")));
    }
    let mode = item.failure_mode.map(|m| format!(": {}", quoted(m))).unwrap_or_default();
    writeln!(out, "- **{}** ({}){mode}", inline(item.id), head.join(", "));
    for (label, value) in fields(item) {
        let value = match (label, value) {
            (_, None) => "not written".to_string(),
            ("Change", Some(change)) => {
                format!("{} ({})", crate::render::markdown_text::change(change), source(item, label))
            }
            ("Evidence", Some(evidence)) => format!("{} ({})", inline(evidence), source(item, label)),
            (_, Some(value)) => inline(value),
        };
        writeln!(out, "  - {label}: {value}");
    }
}

/// Where the item's change or evidence (by `label`) came from, in words; shared with
/// the HTML report.
pub(crate) fn source(item: &ItemRow, label: &str) -> &'static str {
    use crate::analysis::shipped::{change_words, evidence_words};
    match label {
        "Change" => change_words(item.change_source.unwrap_or_default()),
        _ => evidence_words(item.evidence_source.unwrap_or_default()),
    }
}

/// The labelled fields an item shows, by its status: each written one, and `None` (say
/// "not written") for one its status requires. Shared with the HTML report.
pub(crate) fn fields<'a>(item: &ItemRow<'a>) -> Vec<(&'static str, Option<&'a str>)> {
    let status = item.status.unwrap_or("");
    let shipped = matches!(status, "shipped" | "validated");
    let candidates = [
        ("Validation", item.validation, !matches!(status, "diagnosing" | "dropped" | "")),
        ("Change", item.change, shipped),
        ("Evidence", item.evidence, status == "validated"),
        ("Reason", item.reason, status == "dropped"),
        ("Approved by", item.approved_by, status == "dropped"),
    ];
    candidates
        .into_iter()
        .filter(|(_, value, required)| value.is_some() || *required)
        .map(|(label, value, _)| (label, value))
        .collect()
}
