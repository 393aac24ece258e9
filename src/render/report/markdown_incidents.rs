//! The last section of the Markdown report: every incident of the period with its
//! gate-1 evidence (signal, intervention, rollback, verification) and each item with
//! what proves it — validation, change and evidence, or the reason it was dropped and who
//! approved that; a change is a short SHA or a link, and a change or evidence says where
//! it came from (a `Remediates:` trailer, `validate --run`, or by hand). Fields left empty or as a template placeholder are never shown: the
//! model holds them as absent, and a field the item's status requires says "not written".

use super::markdown::opt;
use crate::analysis::report::{IncidentRow, ItemRow};
use crate::analysis::Report;
use crate::render::markdown_text::{inline, quoted};

/// Appends the section.
pub(crate) fn render(report: &Report, out: &mut String) {
    out.push_str("\n## Incidents\n");
    if report.incidents.is_empty() {
        out.push_str("\nNo incident in this period.\n");
    }
    for incident in &report.incidents {
        one(incident, out);
    }
}

fn one(incident: &IncidentRow, out: &mut String) {
    out.push_str(&format!("\n### {} · {}\n\n", inline(&incident.id), opt(&incident.title)));
    let mut facts = Vec::new();
    facts.extend(incident.severity.as_deref().map(inline));
    facts.extend(incident.status.as_deref().map(inline));
    facts.extend(incident.opened.map(|at| format!("opened {at}")));
    facts.extend(incident.stabilized_at.map(|at| format!("stabilized {at}")));
    facts.extend(incident.closed_at.map(|at| format!("closed {at}")));
    facts.extend(incident.commander.as_deref().map(|c| format!("commander {}", inline(c))));
    out.push_str(&format!("{}\n\n", facts.join(" · ")));
    let gate = &incident.stabilization;
    if incident.status.as_deref() == Some("active") && gate.signal.is_none() && gate.verification.is_none() {
        out.push_str("Gate 1 evidence: not yet — the incident is active.\n");
    } else {
        out.push_str("Gate 1 evidence:\n");
        let written = |value: &Option<String>| value.as_deref().map_or_else(|| "not written".to_string(), inline);
        out.push_str(&format!("- Signal: {}\n", written(&gate.signal)));
        out.push_str(&format!("- Intervention: {}\n", written(&gate.intervention)));
        out.push_str(&format!("- Rollback: {}\n", written(&gate.rollback)));
        out.push_str(&format!("- Verification: {}\n", written(&gate.verification)));
        if let Some(uncertainty) = &gate.uncertainty {
            out.push_str(&format!("- Uncertainty: {}\n", inline(uncertainty)));
        }
    }
    if !incident.failure_modes.is_empty() {
        let modes: Vec<String> = incident.failure_modes.iter().map(|m| quoted(m)).collect();
        out.push_str(&format!("\nFailure modes: {}\n", modes.join("; ")));
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

fn item_lines(item: &ItemRow, out: &mut String) {
    let status = item.status.as_deref().unwrap_or("no valid status");
    let mut head = vec![inline(status)];
    head.extend(item.owner.as_deref().map(inline));
    head.extend(item.due.map(|due| format!("due {due}")));
    if item.due_moves > 0 {
        head.push(format!("due date moved {}", crate::render::plural(item.due_moves, "time")));
    }
    let mode = item.failure_mode.as_deref().map(|m| format!(": {}", quoted(m))).unwrap_or_default();
    out.push_str(&format!("- **{}** ({}){mode}\n", inline(&item.id), head.join(", ")));
    for (label, value) in fields(item) {
        let value = match (label, value) {
            (_, None) => "not written".to_string(),
            ("Change", Some(change)) => {
                format!("{} ({})", crate::render::markdown_text::change(change), source(item, label))
            }
            ("Evidence", Some(evidence)) => format!("{} ({})", inline(evidence), source(item, label)),
            (_, Some(value)) => inline(value),
        };
        out.push_str(&format!("  - {label}: {value}\n"));
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
pub(crate) fn fields(item: &ItemRow) -> Vec<(&'static str, Option<&str>)> {
    let status = item.status.as_deref().unwrap_or("");
    let shipped = matches!(status, "shipped" | "validated");
    let candidates = [
        ("Validation", &item.validation, !matches!(status, "diagnosing" | "dropped" | "")),
        ("Change", &item.change, shipped),
        ("Evidence", &item.evidence, status == "validated"),
        ("Reason", &item.reason, status == "dropped"),
        ("Approved by", &item.approved_by, status == "dropped"),
    ];
    candidates
        .into_iter()
        .filter(|(_, value, required)| value.is_some() || *required)
        .map(|(label, value, _)| (label, value.as_deref()))
        .collect()
}
