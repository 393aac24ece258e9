//! The standard status block of one incident: its **current state** (gate, since when,
//! commander, time to stabilize, uncertainty) kept apart from its **next remediation
//! action** (of the items neither validated nor dropped, the one due first, and what its
//! status calls for), plus remediation progress and the accepted risks (failure modes
//! whose items were all dropped, with reason and approver).
//!
//! The block is built from records alone. The `today` it is given only fills
//! [`NextAction::days_until_due`] for the screen; `status --write` and the
//! `stale-status-block` rule build it without one, so a written block holds absolute
//! dates only and changes only when the records do.

use super::coverage::{self, AcceptedRisk, ModeCoverage};
use crate::clock::Timestamp;
use crate::record::{Incident, IncidentStatus, ItemStatus, Remediation};
use crate::store::order::compare_ids;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which gate an incident is working on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Gate {
    /// Gate 1 open: restoring service (`active`).
    Stabilizing,
    /// Gate 1 closed, gate 2 open: learning and preventing (`stabilized`).
    Remediating,
    /// Both gates closed (`closed`).
    Closed,
}

/// One incident's status block (`incidents[]` of `status --format json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StatusBlock {
    pub(crate) id: String,
    pub(crate) title: Option<String>,
    pub(crate) severity: Option<String>,
    /// `active`, `stabilized` or `closed`.
    pub(crate) status: String,
    pub(crate) current: CurrentState,
    /// `None` when no item is left to do.
    pub(crate) next_action: Option<NextAction>,
    pub(crate) progress: Progress,
    /// Failure modes whose items were all dropped, in the incident's order.
    pub(crate) accepted_risks: Vec<AcceptedRisk>,
    /// Earlier incidents of the same classes with their validated fixes: filled by
    /// `status ID` for the incidents it names (never in a written block), else empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) seen_before: Vec<crate::analysis::seen_before::SeenBefore>,
    /// The shipped and validated items, each with its change and evidence and where
    /// they came from.
    #[serde(default)]
    pub(crate) shipped: Vec<super::shipped::ShippedItem>,
}

/// Where the incident stands, apart from what remains to be done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CurrentState {
    pub(crate) gate: Gate,
    /// When the incident entered this state: `opened`, `stabilized_at` or `closed_at`.
    pub(crate) since: Option<Timestamp>,
    pub(crate) opened: Option<Timestamp>,
    pub(crate) stabilized_at: Option<Timestamp>,
    pub(crate) closed_at: Option<Timestamp>,
    pub(crate) commander: Option<String>,
    /// From `opened` to `stabilized_at`, in minutes (whole days when either is a date).
    pub(crate) time_to_stabilize_minutes: Option<i64>,
    pub(crate) uncertainty: Option<String>,
}

/// What an item's status calls for next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Action {
    /// `diagnosing`: define a validation (`incidents plan`).
    DefineValidation,
    /// `open` or `in-progress`: ship the fix for its failure mode.
    ShipFix,
    /// `shipped`: run its validation.
    RunValidation,
}

/// The item neither validated nor dropped that is due first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct NextAction {
    pub(crate) id: String,
    pub(crate) status: String,
    /// What its status calls for.
    pub(crate) action: Action,
    /// The validation to run (named for `run-validation`), when written.
    pub(crate) validation: Option<String>,
    /// The change that shipped the fix (a shipped item), as written.
    pub(crate) change: Option<String>,
    pub(crate) failure_mode: Option<String>,
    pub(crate) owner: Option<String>,
    /// The end of the due window.
    pub(crate) due: Option<NaiveDate>,
    pub(crate) due_start: Option<NaiveDate>,
    /// Days from today to `due`, negative when overdue. Only on screen: a written block
    /// has no today-relative words, so this is absent there.
    pub(crate) days_until_due: Option<i64>,
}

/// How far remediation has come. `open` counts `open` and `in-progress` items;
/// `diagnosing` items are counted apart.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Progress {
    pub(crate) total: usize,
    pub(crate) diagnosing: usize,
    pub(crate) validated: usize,
    pub(crate) shipped: usize,
    pub(crate) open: usize,
    pub(crate) in_progress: usize,
    pub(crate) dropped: usize,
    /// How many failure modes the incident lists.
    pub(crate) failure_modes: usize,
    /// The incident's failure modes that no item covers, as written.
    pub(crate) uncovered_failure_modes: Vec<String>,
}

impl StatusBlock {
    /// The block of `incident` with its `items`. `None` when the incident has no id or
    /// no valid status (check reports those). `today` only fills `days_until_due`.
    pub(crate) fn build(incident: &Incident, items: &[&Remediation], today: Option<NaiveDate>) -> Option<StatusBlock> {
        let id = incident.id.get()?.clone();
        let status = incident.status.value?;
        let (progress, accepted_risks) = progress(incident, items, &id);
        Some(StatusBlock {
            id,
            title: incident.title.get().cloned(),
            severity: incident.severity.get().cloned(),
            status: status.as_str().to_string(),
            current: current_state(incident, status),
            next_action: next_action(items, today),
            progress,
            accepted_risks,
            seen_before: Vec::new(),
            shipped: super::shipped::items(items),
        })
    }
}

fn current_state(incident: &Incident, status: IncidentStatus) -> CurrentState {
    let opened = incident.opened.get().copied();
    let stabilized_at = incident.stabilization.stabilized_at.get().copied();
    let closed_at = incident.closed_at.get().copied();
    let (gate, since) = match status {
        IncidentStatus::Active => (Gate::Stabilizing, opened),
        IncidentStatus::Stabilized => (Gate::Remediating, stabilized_at),
        IncidentStatus::Closed => (Gate::Closed, closed_at),
    };
    let time_to_stabilize_minutes = match (opened, stabilized_at) {
        (Some(from), Some(to)) if status.past_gate_one() => Some(from.until(&to).num_minutes().max(0)),
        _ => None,
    };
    CurrentState {
        gate,
        since,
        opened,
        stabilized_at,
        closed_at,
        commander: incident.commander.get().cloned(),
        time_to_stabilize_minutes,
        uncertainty: incident.stabilization.uncertainty.get().cloned(),
    }
}

/// Of the items with a valid status that is neither validated nor dropped, the one due
/// first; items without a due date come last, ties go to the lower id.
fn next_action(items: &[&Remediation], today: Option<NaiveDate>) -> Option<NextAction> {
    let item = items
        .iter()
        .filter(|item| item.id.get().is_some() && item.status.value.is_some_and(|status| !status.is_done()))
        .min_by(|a, b| {
            let due = |item: &Remediation| item.due.get().map_or(NaiveDate::MAX, |due| due.end);
            due(a)
                .cmp(&due(b))
                .then_with(|| compare_ids(a.id.value.as_deref().unwrap_or(""), b.id.value.as_deref().unwrap_or("")))
        })?;
    let due = item.due.get();
    let status = item.status.value?;
    let action = match status {
        ItemStatus::Diagnosing => Action::DefineValidation,
        ItemStatus::Shipped => Action::RunValidation,
        _ => Action::ShipFix,
    };
    Some(NextAction {
        id: item.id.get()?.clone(),
        status: status.as_str().to_string(),
        action,
        validation: item.validation.get().cloned(),
        change: item.change.get().filter(|c| crate::text::meaningful(c).is_some()).cloned(),
        failure_mode: item.failure_mode.get().cloned(),
        owner: item.owner.get().cloned(),
        due: due.map(|due| due.end),
        due_start: due.and_then(|due| due.start),
        days_until_due: today.zip(due).map(|(today, due)| (due.end - today).num_days()),
    })
}

fn progress(incident: &Incident, items: &[&Remediation], id: &str) -> (Progress, Vec<AcceptedRisk>) {
    let mut progress = Progress::default();
    for status in items.iter().filter_map(|item| item.status.value) {
        progress.total += 1;
        match status {
            ItemStatus::Diagnosing => progress.diagnosing += 1,
            ItemStatus::Open => progress.open += 1,
            ItemStatus::InProgress => {
                progress.open += 1;
                progress.in_progress += 1;
            }
            ItemStatus::Shipped => progress.shipped += 1,
            ItemStatus::Validated => progress.validated += 1,
            ItemStatus::Dropped => progress.dropped += 1,
        }
    }
    let mut accepted = Vec::new();
    for (failure_mode, state) in coverage::modes(incident, items) {
        progress.failure_modes += 1;
        match state {
            ModeCoverage::Covered => {}
            ModeCoverage::Uncovered => progress.uncovered_failure_modes.push(failure_mode),
            ModeCoverage::AcceptedRisk(dropped) => {
                accepted.push(AcceptedRisk { incident: id.to_string(), failure_mode, dropped })
            }
        }
    }
    (progress, accepted)
}
