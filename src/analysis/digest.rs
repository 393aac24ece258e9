//! The weekly digest (`incidents digest`): what each owner should do now — items
//! overdue, items due within the window, shipped items waiting for validation, items
//! still being diagnosed — and the incidents that need a commander: ready to close, or
//! stabilized longer ago than the grace period with no item at all. Each open item is
//! listed once, under the first of those headings that fits it, so the digest stays
//! short enough to paste into a chat channel.

use crate::clock::Timestamp;
use crate::record::{IncidentStatus, ItemStatus};
use crate::store::index::{Entry, Index, Item};
use crate::text::same_failure_mode;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The digest as of `today`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Digest {
    pub(crate) today: NaiveDate,
    pub(crate) within_days: i64,
    pub(crate) grace_days: i64,
    /// One group per owner with something to do, by owner name (ignoring case and a
    /// leading `@`: `config::owners::key`), under its configured spelling.
    pub(crate) owners: Vec<OwnerWork>,
    /// Stabilized incidents whose every failure mode has items, all validated or dropped.
    pub(crate) ready_to_close: Vec<IncidentLine>,
    /// Stabilized incidents past the grace period without any item.
    pub(crate) without_items: Vec<IncidentLine>,
}

/// What one owner has to do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct OwnerWork {
    pub(crate) owner: String,
    /// Past their due date, most overdue first.
    pub(crate) overdue: Vec<DigestItem>,
    /// Shipped, waiting for their validation to pass.
    pub(crate) awaiting_validation: Vec<DigestItem>,
    /// Still being diagnosed: no validation yet.
    pub(crate) diagnosing: Vec<DigestItem>,
    /// Due within the window, soonest first.
    pub(crate) due_soon: Vec<DigestItem>,
}

/// An item in the digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DigestItem {
    pub(crate) id: String,
    pub(crate) incident: String,
    pub(crate) status: String,
    pub(crate) failure_mode: Option<String>,
    pub(crate) due: Option<NaiveDate>,
    /// Days until due (negative when overdue).
    pub(crate) days: Option<i64>,
}

/// An incident in the digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct IncidentLine {
    pub(crate) id: String,
    pub(crate) title: Option<String>,
    pub(crate) commander: Option<String>,
    pub(crate) stabilized_at: Option<Timestamp>,
    /// Days from stabilization to today.
    pub(crate) days_since: Option<i64>,
}

/// What to include.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scope {
    /// Only this owner's items, and the incidents this owner commands or owns items of.
    pub(crate) owner: Option<String>,
    pub(crate) within_days: i64,
    pub(crate) grace_days: i64,
}

/// Builds the digest. `canonical` maps an owner as written to the name it is grouped
/// under (the configured spelling when `owners` is set).
pub(crate) fn build(
    records: &Index<'_>,
    scope: &Scope,
    today: NaiveDate,
    canonical: &dyn Fn(&str) -> String,
) -> Digest {
    let key = crate::config::owners::key;
    let wanted = scope.owner.as_deref().map(key);
    let mut owners: BTreeMap<String, OwnerWork> = BTreeMap::new();
    let mut digest = Digest {
        today,
        within_days: scope.within_days,
        grace_days: scope.grace_days,
        owners: Vec::new(),
        ready_to_close: Vec::new(),
        without_items: Vec::new(),
    };
    for entry in &records.incidents {
        let involved = wanted.as_deref().is_none_or(|wanted| {
            let owns = |name: Option<&String>| name.is_some_and(|name| key(name) == wanted);
            owns(entry.incident.commander.get()) || entry.items.iter().any(|item| owns(item.item.owner.get()))
        });
        for item in &entry.items {
            let owner = item.item.owner.get().map(|o| canonical(o)).unwrap_or_else(|| "(no owner)".to_string());
            if wanted.as_deref().is_some_and(|wanted| key(&owner) != wanted) {
                continue;
            }
            place(&mut owners, owner, entry, item, today, scope.within_days);
        }
        if involved && entry.incident.status.value == Some(IncidentStatus::Stabilized) {
            incident_lines(&mut digest, entry, today, scope.grace_days);
        }
    }
    digest.owners = owners
        .into_values()
        .filter(|work| {
            !(work.overdue.is_empty()
                && work.awaiting_validation.is_empty()
                && work.diagnosing.is_empty()
                && work.due_soon.is_empty())
        })
        .collect();
    for work in &mut digest.owners {
        work.overdue.sort_by_key(|item| item.days);
        work.due_soon.sort_by_key(|item| item.days);
    }
    digest
}

fn place(
    owners: &mut BTreeMap<String, OwnerWork>,
    owner: String,
    entry: &Entry<'_>,
    item: &Item<'_>,
    today: NaiveDate,
    within: i64,
) {
    let Some(status) = item.item.status.value else { return };
    if status.is_done() {
        return;
    }
    let due = item.item.due.get().map(|due| due.end);
    let days = due.map(|due| (due - today).num_days());
    let line = DigestItem {
        id: item.id.to_string(),
        incident: entry.id.to_string(),
        status: status.as_str().to_string(),
        failure_mode: item.item.failure_mode.get().cloned(),
        due,
        days,
    };
    let key = crate::config::owners::key(&owner);
    let work = owners.entry(key).or_insert_with(|| OwnerWork { owner, ..OwnerWork::default() });
    if days.is_some_and(|days| days < 0) {
        work.overdue.push(line);
    } else if status == ItemStatus::Shipped {
        work.awaiting_validation.push(line);
    } else if status == ItemStatus::Diagnosing {
        work.diagnosing.push(line);
    } else if days.is_some_and(|days| days <= within) {
        work.due_soon.push(line);
    }
}

fn incident_lines(digest: &mut Digest, entry: &Entry<'_>, today: NaiveDate, grace_days: i64) {
    let incident = entry.incident;
    let stabilized_at = incident.stabilization.stabilized_at.get().copied();
    let days_since = stabilized_at.map(|at| (today - at.date()).num_days());
    let line = || IncidentLine {
        id: entry.id.to_string(),
        title: incident.title.get().cloned(),
        commander: incident.commander.get().cloned(),
        stabilized_at,
        days_since,
    };
    if entry.items.is_empty() {
        if days_since.is_some_and(|days| days > grace_days) {
            digest.without_items.push(line());
        }
        return;
    }
    let modes = incident.failure_modes();
    let covered = modes.iter().all(|mode| {
        entry.items.iter().filter_map(|item| item.item.failure_mode.get()).any(|fm| same_failure_mode(fm, &mode.value))
    });
    let done = entry.items.iter().all(|item| item.item.status.value.is_some_and(ItemStatus::is_done));
    if !modes.is_empty() && covered && done && gate_one_complete(incident) {
        digest.ready_to_close.push(line());
    }
}

/// Gate 1's required evidence is all written (as `close` requires).
fn gate_one_complete(incident: &crate::record::Incident) -> bool {
    let gate = &incident.stabilization;
    [&gate.signal, &gate.rollback, &gate.verification].iter().all(|field| !field.is_missing())
        && !gate.stabilized_at.is_missing()
}
