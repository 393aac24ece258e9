//! The remediation section of a report: items by owner, items overdue and due soon (as
//! of today), time to ship (stabilization to `shipped_at`) next to lead time
//! (stabilization to `validated_at`), and items validated after their due date (slip).

use super::stats::Spread;
use crate::clock::Timestamp;
use crate::record::ItemStatus;
use crate::store::index::{Entry, Item};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// "Due soon" means due today or within this many days.
pub(crate) const DUE_SOON_DAYS: i64 = 14;

/// The remediation section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Workload {
    /// Items with a valid status.
    pub(crate) items: usize,
    pub(crate) by_owner: Vec<OwnerRow>,
    /// Items neither validated nor dropped past their due date, most overdue first.
    pub(crate) overdue: Vec<DueItem>,
    /// Items neither validated nor dropped due within [`DUE_SOON_DAYS`], soonest first.
    pub(crate) due_soon: Vec<DueItem>,
    pub(crate) due_soon_days: i64,
    /// From the incident's `stabilized_at` to the item's `shipped_at`, in minutes, over
    /// shipped and validated items.
    pub(crate) time_to_ship_minutes: Spread,
    /// From the incident's `stabilized_at` to the item's `validated_at`, in minutes.
    pub(crate) lead_time_minutes: Spread,
    /// Validated items without `validated_at` (left out of lead time and slip).
    pub(crate) validated_without_date: Vec<String>,
    /// Items validated after the end of their due window, latest slip first.
    pub(crate) slipped: Vec<Slip>,
}

/// Items of one owner, per status; `open` counts `open` and `in-progress`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct OwnerRow {
    pub(crate) owner: String,
    pub(crate) total: usize,
    pub(crate) diagnosing: usize,
    pub(crate) open: usize,
    pub(crate) in_progress: usize,
    pub(crate) shipped: usize,
    pub(crate) validated: usize,
    pub(crate) dropped: usize,
    pub(crate) overdue: usize,
}

/// An item with a due date that matters now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DueItem {
    pub(crate) id: String,
    pub(crate) incident: String,
    pub(crate) status: String,
    pub(crate) owner: Option<String>,
    pub(crate) failure_mode: Option<String>,
    pub(crate) due: NaiveDate,
    /// Days overdue (in `overdue`) or days until due (in `due_soon`).
    pub(crate) days: i64,
}

/// An item validated after its due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Slip {
    pub(crate) id: String,
    pub(crate) incident: String,
    pub(crate) owner: Option<String>,
    pub(crate) due: NaiveDate,
    pub(crate) validated_at: Timestamp,
    pub(crate) days_late: i64,
}

/// Builds the section from the incidents in the period, as of `today`.
pub(crate) fn build(entries: &[&Entry<'_>], today: NaiveDate) -> Workload {
    let mut work = Workload {
        items: 0,
        by_owner: Vec::new(),
        overdue: Vec::new(),
        due_soon: Vec::new(),
        due_soon_days: DUE_SOON_DAYS,
        time_to_ship_minutes: Spread::default(),
        lead_time_minutes: Spread::default(),
        validated_without_date: Vec::new(),
        slipped: Vec::new(),
    };
    let mut owners: BTreeMap<String, OwnerRow> = BTreeMap::new();
    let mut lead_times = Vec::new();
    let mut ship_times = Vec::new();
    for entry in entries {
        for item in &entry.items {
            let Some(status) = item.item.status.value else { continue };
            work.items += 1;
            let owner = item.item.owner.get().cloned().unwrap_or_else(|| "(no owner)".to_string());
            let row = owners.entry(owner.to_lowercase()).or_insert_with(|| OwnerRow { owner, ..OwnerRow::default() });
            count(row, status);
            if let Some(due) = item.item.due.get().map(|due| due.end).filter(|_| !status.is_done()) {
                let days = (due - today).num_days();
                if days < 0 {
                    row.overdue += 1;
                    work.overdue.push(due_item(entry, item, status, due, -days));
                } else if days <= DUE_SOON_DAYS {
                    work.due_soon.push(due_item(entry, item, status, due, days));
                }
            }
            if status.has_shipped() {
                let stabilized = entry.incident.stabilization.stabilized_at.get();
                if let (Some(from), Some(shipped)) = (stabilized, item.item.shipped_at.get()) {
                    ship_times.push(from.until(shipped).num_minutes().max(0));
                }
            }
            if status == ItemStatus::Validated {
                validation(entry, item, &mut work, &mut lead_times);
            }
        }
    }
    work.by_owner = owners.into_values().collect();
    work.overdue.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| crate::store::order::compare_ids(&a.id, &b.id)));
    work.due_soon.sort_by(|a, b| a.days.cmp(&b.days).then_with(|| crate::store::order::compare_ids(&a.id, &b.id)));
    work.slipped
        .sort_by(|a, b| b.days_late.cmp(&a.days_late).then_with(|| crate::store::order::compare_ids(&a.id, &b.id)));
    work.lead_time_minutes = Spread::of(lead_times);
    work.time_to_ship_minutes = Spread::of(ship_times);
    work
}

fn count(row: &mut OwnerRow, status: ItemStatus) {
    row.total += 1;
    match status {
        ItemStatus::Diagnosing => row.diagnosing += 1,
        ItemStatus::Open => row.open += 1,
        ItemStatus::InProgress => {
            row.open += 1;
            row.in_progress += 1;
        }
        ItemStatus::Shipped => row.shipped += 1,
        ItemStatus::Validated => row.validated += 1,
        ItemStatus::Dropped => row.dropped += 1,
    }
}

fn due_item(entry: &Entry<'_>, item: &Item<'_>, status: ItemStatus, due: NaiveDate, days: i64) -> DueItem {
    DueItem {
        id: item.id.to_string(),
        incident: entry.id.to_string(),
        status: status.as_str().to_string(),
        owner: item.item.owner.get().cloned(),
        failure_mode: item.item.failure_mode.get().cloned(),
        due,
        days,
    }
}

/// Lead time and slip of a validated item.
fn validation(entry: &Entry<'_>, item: &Item<'_>, work: &mut Workload, lead_times: &mut Vec<i64>) {
    let Some(validated_at) = item.item.validated_at.get() else {
        work.validated_without_date.push(item.id.to_string());
        return;
    };
    if let Some(stabilized) = entry.incident.stabilization.stabilized_at.get() {
        lead_times.push(stabilized.until(validated_at).num_minutes().max(0));
    }
    if let Some(due) = item.item.due.get() {
        let days_late = (validated_at.date() - due.end).num_days();
        if days_late > 0 {
            work.slipped.push(Slip {
                id: item.id.to_string(),
                incident: entry.id.to_string(),
                owner: item.item.owner.get().cloned(),
                due: due.end,
                validated_at: *validated_at,
                days_late,
            });
        }
    }
}
