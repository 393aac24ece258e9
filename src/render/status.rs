//! The status block as Markdown: what `status` prints (readable as is on a terminal,
//! pasteable into an incident channel or a pull request) and what `status --write` puts
//! between the markers. One function renders both, so the `stale-status-block` rule
//! compares against exactly what `--write` would write; only a block built with a
//! `today` gets the relative words ("due in 3 days"). On screen (and in JSON) each block
//! is followed by the incident's last Timeline entries; a written block never holds
//! them, so it stays the lean summary of the front matter. Record text goes through
//! [`inline`], which also keeps bare URLs from turning into links when a written block
//! is rendered by GitHub. Shipped items show their change (a short SHA, a link, or the
//! text) and where it and the evidence came from, as stamped in the records.

use super::markdown_text::{inline, quoted};
use crate::analysis::coverage::AcceptedRisk;
use crate::analysis::shipped::{change_words, evidence_words, ShippedItem};
use crate::analysis::status::{Action, Gate, NextAction, Progress, StatusBlock};
use crate::clock::{format_duration, Timestamp};
use crate::record::timeline::Entry;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How many Timeline entries `status` shows per incident: the last ones.
pub(crate) const TIMELINE_SHOWN: usize = 5;

/// A block as `status` shows it: with the last entries of the incident's Timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Shown {
    #[serde(flatten)]
    pub(crate) block: StatusBlock,
    /// The last [`TIMELINE_SHOWN`] entries, oldest first.
    pub(crate) timeline: Vec<Entry>,
    /// How many entries the Timeline has in all.
    pub(crate) timeline_entries: usize,
}

impl Shown {
    /// `block` with the last entries of `entries` (the whole Timeline, in file order).
    pub(crate) fn new(block: StatusBlock, mut entries: Vec<Entry>) -> Shown {
        let total = entries.len();
        let timeline = entries.split_off(total.saturating_sub(TIMELINE_SHOWN));
        Shown { block, timeline, timeline_entries: total }
    }
}

/// Several blocks as `status` shows them, separated by a thematic break.
pub(crate) fn render(shown: &[Shown]) -> String {
    shown.iter().map(|s| format!("{}{}", block(&s.block), timeline(s))).collect::<Vec<_>>().join("\n---\n\n")
}

/// The last Timeline entries under a block, as written (a hand-written line without a
/// timestamp shows as its text); a hint to `incidents log` for an active incident
/// without entries; nothing otherwise.
fn timeline(shown: &Shown) -> String {
    if shown.timeline.is_empty() {
        if shown.block.current.gate == Gate::Stabilizing {
            let id = inline(&shown.block.id);
            return format!("\n**Timeline:** no entries yet (`incidents log {id} \"…\"` adds one)\n");
        }
        return String::new();
    }
    let mut out = if shown.timeline_entries > shown.timeline.len() {
        format!("\n**Timeline** (last {} of {} entries):\n", shown.timeline.len(), shown.timeline_entries)
    } else {
        let entries = if shown.timeline_entries == 1 {
            "1 entry".to_string()
        } else {
            format!("{} entries", shown.timeline_entries)
        };
        format!("\n**Timeline** ({entries}):\n")
    };
    for entry in &shown.timeline {
        let at = entry.at.map(|at| format!("{at} ")).unwrap_or_default();
        let kind = entry.kind.as_deref().map(|kind| format!("[{}] ", inline(kind))).unwrap_or_default();
        out.push_str(&format!("- {at}{kind}{}\n", inline(&entry.text)));
    }
    out
}

/// One block, every line ending in `\n`.
pub(crate) fn block(block: &StatusBlock) -> String {
    let mut out = String::new();
    let title = block.title.as_deref().map(|t| format!(" · {}", inline(t))).unwrap_or_default();
    let severity = block.severity.as_deref().map(|s| format!(" · {}", inline(s))).unwrap_or_default();
    out.push_str(&format!("**{}{title}**{severity}\n\n", inline(&block.id)));
    current_state(block, &mut out);
    out.push('\n');
    next_action(block, &mut out);
    out.push('\n');
    progress(&block.progress, &mut out);
    accepted_risks(&block.progress, &block.accepted_risks, &mut out);
    shipped(&block.shipped, &mut out);
    out
}

/// Each shipped or validated item: its change (short SHA, link or text) and where it
/// came from, and a validated item's evidence and where that came from.
fn shipped(items: &[ShippedItem], out: &mut String) {
    if items.is_empty() {
        return;
    }
    out.push_str("\n**Shipped changes:**\n");
    for item in items {
        let change = match &item.change {
            Some(change) => format!("{} ({})", super::markdown_text::change(change), change_words(item.change_source)),
            None => "no `change` written".to_string(),
        };
        let mut line = format!("- {} {} — change {change}", inline(&item.id), item.status);
        if let Some(source) = item.evidence_source {
            let evidence = item.evidence.as_deref().map_or_else(|| "no `evidence` written".to_string(), inline);
            line.push_str(&format!("; evidence ({}): {evidence}", evidence_words(source)));
        }
        out.push_str(&line);
        out.push('\n');
    }
}

fn current_state(block: &StatusBlock, out: &mut String) {
    let current = &block.current;
    let (state, missing) = match current.gate {
        Gate::Stabilizing => ("active — gate 1 (stabilization) open", "`opened`"),
        Gate::Remediating => ("stabilized — gate 2 (remediation) open", "`stabilization.stabilized_at`"),
        Gate::Closed => ("closed — both gates closed", "`closed_at`"),
    };
    let since = match current.since {
        Some(at) => format!(" since {at}"),
        None => format!(" (no {missing} written)"),
    };
    out.push_str(&format!("**Current state:** {state}{since}\n"));
    let commander = current.commander.as_deref().map_or_else(|| "none written".to_string(), inline);
    out.push_str(&format!("- Commander: {commander}\n"));
    if current.gate != Gate::Stabilizing {
        if let Some(opened) = current.opened {
            out.push_str(&format!("- Opened: {opened}\n"));
        }
    }
    let stabilize = match (current.gate, current.time_to_stabilize_minutes) {
        (Gate::Stabilizing, _) => "not yet stabilized".to_string(),
        // Between bare dates only whole days are known: 0 means the same day.
        (_, Some(0))
            if [current.opened, current.stabilized_at].iter().flatten().any(|t| matches!(t, Timestamp::Date(_))) =>
        {
            "the same day (dates without times)".to_string()
        }
        (_, Some(minutes)) => format_duration(chrono::Duration::minutes(minutes)),
        (_, None) => "unknown (needs `opened` and `stabilization.stabilized_at`)".to_string(),
    };
    out.push_str(&format!("- Time to stabilize: {stabilize}\n"));
    let uncertainty = current.uncertainty.as_deref().map_or_else(|| "none written".to_string(), inline);
    out.push_str(&format!("- Uncertainty: {uncertainty}\n"));
}

fn next_action(block: &StatusBlock, out: &mut String) {
    let Some(action) = &block.next_action else {
        out.push_str(&format!("**Next remediation action:** {}\n", nothing_left(block)));
        return;
    };
    let due = match action.due {
        Some(due) => format!("due {due}{}", relative(action)),
        None => "no due date".to_string(),
    };
    out.push_str(&format!("**Next remediation action:** {} — {due}\n", inline(&action.id)));
    let or_missing =
        |value: &Option<String>, key: &str| value.as_deref().map_or_else(|| format!("no `{key}` written"), inline);
    out.push_str(&format!("- Action: {}\n", what_to_do(action)));
    if action.action != Action::ShipFix {
        out.push_str(&format!("- Failure mode: {}\n", or_missing(&action.failure_mode, "failure_mode")));
    }
    out.push_str(&format!("- Owner: {}\n", or_missing(&action.owner, "owner")));
    out.push_str(&format!("- Status: {}\n", action.status));
    if let Some(change) = &action.change {
        out.push_str(&format!("- Shipped in: {}\n", quoted(&crate::text::short_change(change))));
    }
}

/// The action the item's status calls for, in words.
fn what_to_do(action: &NextAction) -> String {
    match action.action {
        Action::DefineValidation => {
            format!("define a validation (`incidents plan {} --validation …`)", action.id.replace('`', "'"))
        }
        Action::ShipFix => match &action.failure_mode {
            Some(mode) => format!("ship the fix for {}", quoted(mode)),
            None => "ship the fix (no `failure_mode` written)".to_string(),
        },
        Action::RunValidation => match &action.validation {
            Some(validation) => format!("run its validation: {}", inline(validation)),
            None => "run its validation (no `validation` written)".to_string(),
        },
    }
}

/// What to say when no item is left to do.
fn nothing_left(block: &StatusBlock) -> String {
    let progress = &block.progress;
    let mut text = if progress.total == 0 {
        "none — no remediation items yet".to_string()
    } else if progress.dropped == progress.total {
        "none — every item was dropped".to_string()
    } else {
        "none — every item is validated or dropped".to_string()
    };
    if !progress.uncovered_failure_modes.is_empty() {
        text.push_str(&format!(
            "; open one for each failure mode with no item (`incidents remediate {} --failure-mode …`)",
            block.id
        ));
    } else if block.current.gate == Gate::Remediating && progress.total > 0 {
        text.push_str(&format!("; ready to close (`incidents close {}`)", block.id));
    }
    text
}

/// ` (due in 3 days)`, ` (due today)`, ` (overdue by 2 days)`; empty for a written block.
fn relative(action: &NextAction) -> String {
    match action.days_until_due {
        None => String::new(),
        Some(0) => " (due today)".to_string(),
        Some(days) if days > 0 => format!(" (due in {})", super::plural(days, "day")),
        Some(days) => format!(" (overdue by {})", super::plural(-days, "day")),
    }
}

fn progress(progress: &Progress, out: &mut String) {
    if progress.total == 0 {
        out.push_str("**Remediation progress:** no items\n");
    } else {
        let open = match progress.in_progress {
            0 => format!("{} open", progress.open),
            n => format!("{} open ({n} in progress)", progress.open),
        };
        out.push_str(&format!(
            "**Remediation progress:** {}: {} validated, {} shipped, {open}, {} diagnosing, {} dropped\n",
            super::plural(progress.total, "item"),
            progress.validated,
            progress.shipped,
            progress.diagnosing,
            progress.dropped
        ));
    }
}

/// Coverage of the failure modes: those with no item, the accepted risks (one line each,
/// with every dropped item's reason and approver), and whether the rest are covered.
/// "Every failure mode has an item" is said only when none is uncovered or accepted.
fn accepted_risks(progress: &Progress, risks: &[AcceptedRisk], out: &mut String) {
    if progress.failure_modes == 0 {
        out.push_str("- Failure modes: none listed yet\n");
        return;
    }
    if !progress.uncovered_failure_modes.is_empty() {
        let modes: Vec<String> = progress.uncovered_failure_modes.iter().map(|m| quoted(m)).collect();
        out.push_str(&format!("- Failure modes with no item: {}\n", modes.join("; ")));
    } else if risks.is_empty() {
        out.push_str("- Every failure mode has an item\n");
    } else if risks.len() < progress.failure_modes {
        out.push_str("- Every failure mode that is not an accepted risk has an item\n");
    }
    for risk in risks {
        let dropped: Vec<String> = risk
            .dropped
            .iter()
            .map(|item| {
                let reason = item.reason.as_deref().map_or_else(|| "no reason written".to_string(), inline);
                let approver = item
                    .approved_by
                    .as_deref()
                    .map_or_else(|| "no approver written".to_string(), |who| format!("approved by {}", inline(who)));
                format!("{} dropped: {reason}; {approver}", inline(&item.id))
            })
            .collect();
        out.push_str(&format!("- Accepted risk: {} — {}\n", quoted(&risk.failure_mode), dropped.join(" · ")));
    }
}

/// The whole `status --format json` document: the date the relative fields are counted
/// from and the status block of each incident (the [`StatusBlock`] structs, serialised,
/// with `timeline` and `timeline_entries` from [`Shown`]; docs/reports.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct StatusOutput<'a> {
    /// The date `days_until_due` is counted from.
    pub(crate) today: NaiveDate,
    pub(crate) incidents: &'a [Shown],
}

/// `status --format json` written to `out` as it is serialised: what
/// [`super::json::write_versioned`] writes for `output`, with the status blocks
/// serialised on every core ([`super::json_parts`]; 25 MB at 10,000 incidents). The
/// fields are taken apart exhaustively, so a field added to [`StatusOutput`] does not
/// compile until it is written here.
pub(crate) fn write_json(out: &mut dyn std::io::Write, output: &StatusOutput<'_>) -> std::io::Result<()> {
    let StatusOutput { today, incidents } = output;
    super::json_parts::write_versioned(out, |out| {
        super::json_parts::field(out, "today", today)?;
        super::json_parts::rows(out, "incidents", incidents)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_json_is_written_as_serde_json_writes_it() {
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        for name in ["demo", "broken"] {
            let root = examples.join(name);
            let config = crate::config::load(&root).unwrap_or_default();
            let repo = crate::store::Repository::load(&root, &config);
            let index = crate::store::Index::build(&repo);
            let mut shown: Vec<Shown> = index
                .incidents
                .iter()
                .filter_map(|entry| StatusBlock::build(entry.incident, &entry.remediations(), Some(today)))
                .map(|block| Shown::new(block, Vec::new()))
                .collect();
            // More rows than one window of workers, and a workflow command to escape.
            while shown.len() <= super::super::json_parts::WINDOW {
                let mut again = shown[0].clone();
                again.block.title = Some("T ##[x]".to_string());
                shown.push(again);
            }
            let output = StatusOutput { today, incidents: &shown };
            let ours = written(&output);
            assert!(ours.contains("\\u0023#[x]"), "{name}");
            assert_eq!(ours, super::super::json::versioned(&output), "{name}");
        }
        let empty = StatusOutput { today, incidents: &[] };
        assert_eq!(written(&empty), super::super::json::versioned(&empty));
    }

    fn written(output: &StatusOutput<'_>) -> String {
        let mut out = Vec::new();
        write_json(&mut out, output).unwrap();
        String::from_utf8(out).unwrap()
    }
}
