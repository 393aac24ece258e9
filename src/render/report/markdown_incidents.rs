//! The last section of the Markdown report: every incident of the period with its
//! gate-1 evidence (signal, intervention, rollback, verification) and each item with
//! what proves it — validation, change and evidence, or the reason it was dropped and who
//! approved that; a change is a short SHA or a link, and a change or evidence says where
//! it came from (a `Remediates:` trailer, `validate --run`, or by hand). Fields left empty or as a template placeholder are never shown: the
//! model holds them as absent, and a field the item's status requires says "not written".

use super::markdown::quoted_onto;
use super::page::{Page, Separated};
use crate::analysis::report::{IncidentRow, ItemRow};
use crate::analysis::Report;
use crate::render::markdown_text::inlined;
use std::borrow::Cow;

/// Appends the section.
pub(crate) fn render(report: &Report, out: &mut Page<'_>) {
    out.push_str("\n## Incidents\n");
    if report.incidents.is_empty() {
        out.push_str("\nNo incident in this period.\n");
    }
    out.push_each(&report.incidents, one);
}

/// One incident, written piece by piece onto the page (the section is most of a large
/// report: no piece is formatted into a string of its own first).
fn one(incident: &IncidentRow, out: &mut Page<'_>) {
    out.push_str("\n### ");
    out.push_str(&inlined(incident.id));
    out.push_str(" · ");
    out.push_str(incident.title.map_or(Cow::Borrowed("—"), inlined).as_ref());
    out.push_str("\n\n");
    let mut facts = Separated::new(out, " · ");
    if let Some(severity) = incident.severity {
        facts.next().push_str(&inlined(severity));
    }
    if let Some(status) = incident.status {
        facts.next().push_str(&inlined(status));
    }
    if let Some(at) = incident.opened {
        write!(facts.next(), "opened {at}");
    }
    if let Some(at) = incident.stabilized_at {
        write!(facts.next(), "stabilized {at}");
    }
    if let Some(at) = incident.closed_at {
        write!(facts.next(), "closed {at}");
    }
    if let Some(commander) = incident.commander {
        let page = facts.next();
        page.push_str("commander ");
        page.push_str(&inlined(commander));
    }
    out.push_str("\n\n");
    let gate = &incident.stabilization;
    if incident.status == Some("active") && gate.signal.is_none() && gate.verification.is_none() {
        out.push_str("Gate 1 evidence: not yet — the incident is active.\n");
    } else {
        out.push_str("Gate 1 evidence:\n");
        let lines = [
            ("- Signal: ", gate.signal),
            ("- Intervention: ", gate.intervention),
            ("- Rollback: ", gate.rollback),
            ("- Verification: ", gate.verification),
        ];
        for (label, value) in lines {
            out.push_str(label);
            out.push_str(value.map_or(Cow::Borrowed("not written"), inlined).as_ref());
            out.push('\n');
        }
        if let Some(uncertainty) = gate.uncertainty {
            out.push_str("- Uncertainty: ");
            out.push_str(&inlined(uncertainty));
            out.push('\n');
        }
    }
    if !incident.failure_modes.is_empty() {
        out.push_str("\nFailure modes: ");
        let mut modes = Separated::new(out, "; ");
        for mode in &incident.failure_modes {
            quoted_onto(modes.next(), mode);
        }
        out.push('\n');
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
    out.push_str("- **");
    out.push_str(&inlined(item.id));
    out.push_str("** (");
    let mut head = Separated::new(out, ", ");
    head.next().push_str(&inlined(item.status.unwrap_or("no valid status")));
    if let Some(owner) = item.owner {
        head.next().push_str(&inlined(owner));
    }
    if let Some(due) = item.due {
        write!(head.next(), "due {due}");
    }
    if item.due_moves > 0 {
        let moved = crate::render::plural(item.due_moves, "time");
        write!(head.next(), "due date moved {moved}");
    }
    out.push(')');
    if let Some(mode) = item.failure_mode {
        out.push_str(": ");
        quoted_onto(out, mode);
    }
    out.push('\n');
    for (label, value) in fields(item) {
        write!(out, "  - {label}: ");
        match (label, value) {
            (_, None) => out.push_str("not written"),
            ("Change", Some(change)) => {
                write!(out, "{} ({})", crate::render::markdown_text::change(change), source(item, label));
            }
            ("Evidence", Some(evidence)) => {
                out.push_str(&inlined(evidence));
                write!(out, " ({})", source(item, label));
            }
            (_, Some(value)) => out.push_str(&inlined(value)),
        }
        out.push('\n');
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
