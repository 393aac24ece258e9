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

use crate::clock::Timestamp;
use crate::record::text::normalize;
use crate::record::ItemStatus;
use crate::store::index::Entry;
use crate::store::order::compare_ids;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How many of the fixes that did not hold a recurrence lists (the most recent ones);
/// `prior_fixes` counts them all. Listing every one made the report quadratic in the
/// size of a class: 10,000 incidents gave a 13 GB report.
pub const LISTED_FIXES: usize = 5;

/// An incident whose class struck again after validated fixes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recurrence {
    pub class: String,
    /// The incident that struck again.
    pub incident: String,
    pub title: Option<String>,
    pub opened: Timestamp,
    /// The most recent fixes of earlier incidents of the class validated before it
    /// (at most [`LISTED_FIXES`]), oldest first.
    pub after: Vec<PriorFix>,
    /// How many fixes of earlier incidents of the class were validated before it.
    pub prior_fixes: usize,
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

/// The validated fixes of one class, sorted by validation time, and the few validated
/// before their own incident opened.
#[derive(Debug, Default)]
struct ClassFixes {
    fixes: Vec<Fix>,
    anomalous: Vec<Fix>,
}

/// A validated fix in the per-class index: its incident (index into `history`), its
/// position among that incident's items, when it was validated and from which key.
#[derive(Debug, Clone, Copy)]
struct Fix {
    entry: usize,
    item: usize,
    validated: Timestamp,
    from: &'static str,
}

/// Every recurrence among `period` incidents, with `history` (every incident) as the
/// place to look for earlier fixes. Newest recurrence first.
///
/// Fixes are indexed once per class and sorted by validation time, so each incident
/// needs a binary search and a short walk back: linear in the records, not quadratic.
pub fn find(period: &[&Entry<'_>], history: &[Entry<'_>]) -> Vec<Recurrence> {
    let mut by_class: HashMap<String, ClassFixes> = HashMap::new();
    for (index, entry) in history.iter().enumerate() {
        let fixes = fixes(index, entry);
        if fixes.is_empty() {
            continue;
        }
        let opened = entry.incident.opened.get();
        let mut seen: Vec<String> = Vec::new();
        for class in entry.incident.classes() {
            let key = normalize(&class.value);
            if seen.contains(&key) {
                continue;
            }
            let slot = by_class.entry(key.clone()).or_default();
            slot.fixes.extend_from_slice(&fixes);
            // A fix validated before its own incident opened is the only kind that can be
            // "before" a later incident without belonging to an earlier one.
            slot.anomalous.extend(fixes.iter().filter(|fix| opened.is_none_or(|at| !at.is_before(&fix.validated))));
            seen.push(key);
        }
    }
    for class in by_class.values_mut() {
        class.fixes.sort_by(|a, b| {
            a.validated
                .date()
                .cmp(&b.validated.date())
                .then_with(|| compare_ids(item_id(history, a), item_id(history, b)))
        });
    }
    let mut found = Vec::new();
    for later in period {
        let Some(opened) = later.incident.opened.get() else { continue };
        for class in later.incident.classes() {
            let Some(ClassFixes { fixes, anomalous }) = by_class.get(&normalize(&class.value)) else { continue };
            // Fixes validated before the incident opened: every fix of an earlier day, and
            // those of the same day that are earlier (bare dates compare by day).
            let day = opened.date();
            let lo = fixes.partition_point(|fix| fix.validated.date() < day);
            let hi = fixes.partition_point(|fix| fix.validated.date() <= day);
            let counts = |fix: &&Fix| {
                let earlier = &history[fix.entry];
                fix.validated.is_before(opened)
                    && earlier.id != later.id
                    && earlier.incident.opened.get().is_some_and(|at| at.is_before(opened))
            };
            let before = lo + fixes[lo..hi].iter().filter(|fix| fix.validated.is_before(opened)).count();
            let excluded = anomalous.iter().filter(|fix| fix.validated.is_before(opened) && !counts(fix)).count();
            let prior_fixes = before - excluded.min(before);
            if prior_fixes == 0 {
                continue;
            }
            let mut after: Vec<PriorFix> =
                fixes[..hi].iter().rev().filter(counts).take(LISTED_FIXES).map(|fix| prior_fix(history, fix)).collect();
            after.reverse();
            found.push(Recurrence {
                class: class.value.trim().to_string(),
                incident: later.id.to_string(),
                title: later.incident.title.get().cloned(),
                opened: *opened,
                after,
                prior_fixes,
            });
        }
    }
    found.sort_by(|a, b| {
        b.opened.date().cmp(&a.opened.date()).then_with(|| crate::store::order::compare_ids(&b.incident, &a.incident))
    });
    found
}

fn item_id<'a>(history: &'a [Entry<'_>], fix: &Fix) -> &'a str {
    history[fix.entry].items[fix.item].id
}

fn prior_fix(history: &[Entry<'_>], fix: &Fix) -> PriorFix {
    let entry = &history[fix.entry];
    let item = &entry.items[fix.item];
    PriorFix {
        item: item.id.to_string(),
        incident: entry.id.to_string(),
        failure_mode: item.item.failure_mode.get().cloned(),
        validated: fix.validated,
        validated_from: fix.from.to_string(),
    }
}

/// The validated items of an incident with the moment each was validated.
fn fixes(index: usize, entry: &Entry<'_>) -> Vec<Fix> {
    let closed_at = entry.incident.closed_at.get().copied();
    entry
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.item.status.value == Some(ItemStatus::Validated))
        .filter_map(|(position, item)| {
            let (validated, from) = match item.item.validated_at.get() {
                Some(at) => (*at, "validated_at"),
                None => (closed_at?, "closed_at"),
            };
            Some(Fix { entry: index, item: position, validated, from })
        })
        .collect()
}
