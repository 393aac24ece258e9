//! Recurrence after remediation: a failure class that struck again after an item for an
//! earlier incident of that class was validated — the sign that a fix did not prevent
//! the failure (it covered one service, not the class).
//!
//! An item counts as validated at its `validated_at`; when that is not written and its
//! incident is closed, at the incident's `closed_at` (the item was validated by then).
//! A later incident recurs when it was opened after that moment (bare dates compare by
//! day, so the same day does not count). Later incidents are those of the report's
//! period; earlier ones may be older than the period, since a fix made before the
//! period still failed within it.

use super::records::Entry;
use crate::clock::Timestamp;
use crate::record::text::normalize;
use crate::record::ItemStatus;
use serde::{Deserialize, Serialize};

/// An incident whose class struck again after validated fixes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recurrence {
    pub class: String,
    /// The incident that struck again.
    pub incident: String,
    pub title: Option<String>,
    pub opened: Timestamp,
    /// The fixes of earlier incidents of the class validated before it, oldest first.
    pub after: Vec<PriorFix>,
}

/// A validated item of an earlier incident of the same class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorFix {
    pub item: String,
    pub incident: String,
    pub failure_mode: Option<String>,
    /// When it was validated.
    pub validated: Timestamp,
    /// Where that moment comes from: `validated_at` or the incident's `closed_at`.
    pub validated_from: String,
}

/// Every recurrence among `period` incidents, with `history` (every incident) as the
/// place to look for earlier fixes. Newest recurrence first.
pub fn find(period: &[&Entry<'_>], history: &[Entry<'_>]) -> Vec<Recurrence> {
    let mut found = Vec::new();
    for later in period {
        let Some(opened) = later.incident.opened.get() else { continue };
        for class in later.incident.classes() {
            let key = normalize(&class.value);
            let mut after: Vec<PriorFix> = history
                .iter()
                .filter(|earlier| earlier.id != later.id && has_class(earlier, &key))
                .filter(|earlier| earlier.incident.opened.get().is_some_and(|at| at.is_before(opened)))
                .flat_map(|earlier| fixes(earlier))
                .filter(|fix| fix.validated.is_before(opened))
                .collect();
            if after.is_empty() {
                continue;
            }
            after.sort_by(|a, b| {
                a.validated.date().cmp(&b.validated.date()).then_with(|| super::order::compare_ids(&a.item, &b.item))
            });
            found.push(Recurrence {
                class: class.value.trim().to_string(),
                incident: later.id.to_string(),
                title: later.incident.title.get().cloned(),
                opened: *opened,
                after,
            });
        }
    }
    found.sort_by(|a, b| {
        b.opened.date().cmp(&a.opened.date()).then_with(|| super::order::compare_ids(&b.incident, &a.incident))
    });
    found
}

fn has_class(entry: &Entry<'_>, key: &str) -> bool {
    entry.incident.classes().iter().any(|class| normalize(&class.value) == key)
}

/// The validated items of an incident with the moment each was validated.
fn fixes(entry: &Entry<'_>) -> Vec<PriorFix> {
    let closed_at = entry.incident.closed_at.get().copied();
    entry
        .items
        .iter()
        .filter(|item| item.item.status.value == Some(ItemStatus::Validated))
        .filter_map(|item| {
            let (validated, from) = match item.item.validated_at.get() {
                Some(at) => (*at, "validated_at"),
                None => (closed_at?, "closed_at"),
            };
            Some(PriorFix {
                item: item.id.to_string(),
                incident: entry.id.to_string(),
                failure_mode: item.item.failure_mode.get().cloned(),
                validated,
                validated_from: from.to_string(),
            })
        })
        .collect()
}
