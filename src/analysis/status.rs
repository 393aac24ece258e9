//! The standard status block of one incident: its **current state** (gate, since when,
//! time to stabilize, uncertainty) kept apart from its **next remediation action** (of
//! the items neither validated nor dropped, the one due first), plus remediation
//! progress.
//!
//! The block is built from records alone. The `today` it is given only fills
//! [`NextAction::days_until_due`] for the screen; `status --write` and the
//! `stale-status-block` rule build it without one, so a written block holds absolute
//! dates only and changes only when the records do.

use super::order::compare_ids;
use crate::clock::Timestamp;
use crate::record::text::same_failure_mode;
use crate::record::{Incident, IncidentStatus, ItemStatus, Remediation};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which gate an incident is working on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Gate {
    /// Gate 1 open: restoring service (`active`).
    Stabilizing,
    /// Gate 1 closed, gate 2 open: learning and preventing (`stabilized`).
    Remediating,
    /// Both gates closed (`closed`).
    Closed,
}

/// One incident's status block (`incidents[]` of `status --format json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusBlock {
    pub id: String,
    pub title: Option<String>,
    pub severity: Option<String>,
    /// `active`, `stabilized` or `closed`.
    pub status: String,
    pub current: CurrentState,
    /// `None` when no item is left to do.
    pub next_action: Option<NextAction>,
    pub progress: Progress,
}

/// Where the incident stands, apart from what remains to be done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentState {
    pub gate: Gate,
    /// When the incident entered this state: `opened`, `stabilized_at` or `closed_at`.
    pub since: Option<Timestamp>,
    pub opened: Option<Timestamp>,
    pub stabilized_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
    /// From `opened` to `stabilized_at`, in minutes (whole days when either is a date).
    pub time_to_stabilize_minutes: Option<i64>,
    pub uncertainty: Option<String>,
}

/// The item neither validated nor dropped that is due first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextAction {
    pub id: String,
    pub status: String,
    pub failure_mode: Option<String>,
    pub owner: Option<String>,
    /// The end of the due window.
    pub due: Option<NaiveDate>,
    pub due_start: Option<NaiveDate>,
    /// Days from today to `due`, negative when overdue. Only on screen: a written block
    /// has no today-relative words, so this is absent there.
    pub days_until_due: Option<i64>,
}

/// How far remediation has come. `open` counts `open` and `in-progress` items.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub total: usize,
    pub validated: usize,
    pub shipped: usize,
    pub open: usize,
    pub in_progress: usize,
    pub dropped: usize,
    /// How many failure modes the incident lists.
    pub failure_modes: usize,
    /// The incident's failure modes that no item covers, as written.
    pub uncovered_failure_modes: Vec<String>,
}

impl StatusBlock {
    /// The block of `incident` with its `items`. `None` when the incident has no id or
    /// no valid status (check reports those). `today` only fills `days_until_due`.
    pub fn build(incident: &Incident, items: &[&Remediation], today: Option<NaiveDate>) -> Option<StatusBlock> {
        let id = incident.id.get()?.clone();
        let status = incident.status.value?;
        Some(StatusBlock {
            id,
            title: incident.title.get().cloned(),
            severity: incident.severity.get().cloned(),
            status: status.as_str().to_string(),
            current: current_state(incident, status),
            next_action: next_action(items, today),
            progress: progress(incident, items),
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
    Some(NextAction {
        id: item.id.get()?.clone(),
        status: item.status.value.map(ItemStatus::as_str).unwrap_or_default().to_string(),
        failure_mode: item.failure_mode.get().cloned(),
        owner: item.owner.get().cloned(),
        due: due.map(|due| due.end),
        due_start: due.and_then(|due| due.start),
        days_until_due: today.zip(due).map(|(today, due)| (due.end - today).num_days()),
    })
}

fn progress(incident: &Incident, items: &[&Remediation]) -> Progress {
    let mut progress = Progress::default();
    for status in items.iter().filter_map(|item| item.status.value) {
        progress.total += 1;
        match status {
            ItemStatus::Diagnosing | ItemStatus::Open => progress.open += 1,
            ItemStatus::InProgress => {
                progress.open += 1;
                progress.in_progress += 1;
            }
            ItemStatus::Shipped => progress.shipped += 1,
            ItemStatus::Validated => progress.validated += 1,
            ItemStatus::Dropped => progress.dropped += 1,
        }
    }
    progress.failure_modes = incident.failure_modes().len();
    progress.uncovered_failure_modes = incident
        .failure_modes()
        .iter()
        .filter(|mode| {
            !items
                .iter()
                .filter_map(|item| item.failure_mode.get())
                .any(|written| same_failure_mode(written, &mode.value))
        })
        .map(|mode| mode.value.clone())
        .collect();
    progress
}
