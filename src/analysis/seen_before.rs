//! "Seen before": the earlier incidents of the same classes as an incident, with the
//! fixes validated for those classes — what `new --class` prints and `status` shows, at
//! the moment that knowledge is most useful (SPEC §4). Newest three first.

use crate::clock::Timestamp;
use crate::record::ItemStatus;
use crate::store::index::Entry;
use crate::text::normalize;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How many earlier incidents are named.
pub(crate) const SHOWN: usize = 3;

/// An earlier incident of one of the classes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SeenBefore {
    pub(crate) incident: String,
    pub(crate) opened: Option<NaiveDate>,
    /// The classes it shares, as the earlier incident writes them.
    pub(crate) classes: Vec<String>,
    /// Its items validated for a failure mode of a shared class, in id order.
    pub(crate) fixes: Vec<ValidatedFix>,
}

/// A validated item and the day it was validated (`validated_at`, else its incident's
/// `closed_at`; `None` when neither is written).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ValidatedFix {
    pub(crate) item: String,
    pub(crate) validated: Option<NaiveDate>,
}

/// The earlier incidents (not `own`; opened before `opened` when given) that share one
/// of `classes`, newest first, at most [`SHOWN`].
pub(crate) fn find(
    classes: &[&str],
    own: Option<&str>,
    opened: Option<&Timestamp>,
    history: &[Entry<'_>],
) -> Vec<SeenBefore> {
    let wanted: Vec<String> = classes.iter().map(|c| normalize(c)).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<SeenBefore> = Vec::new();
    for entry in history {
        if Some(entry.id) == own {
            continue;
        }
        if let Some(at) = opened {
            if entry.incident.opened.get().is_none_or(|earlier| !earlier.is_before(at)) {
                continue;
            }
        }
        let shared: Vec<String> = entry
            .incident
            .effective_classes()
            .into_iter()
            .filter(|class| wanted.contains(&normalize(class)))
            .map(str::to_string)
            .collect();
        if shared.is_empty() {
            continue;
        }
        let closed = entry.incident.closed_at.get().map(|at| at.date());
        let fixes = entry
            .items
            .iter()
            .filter(|item| item.item.status.value == Some(ItemStatus::Validated))
            .filter(|item| {
                let mode = item.item.failure_mode.get().map(String::as_str).unwrap_or_default();
                entry.incident.classes_of_mode_text(mode).iter().any(|c| wanted.contains(&normalize(c)))
            })
            .map(|item| ValidatedFix {
                item: item.id.to_string(),
                validated: item.item.validated_at.get().map(|at| at.date()).or(closed),
            })
            .collect();
        found.push(SeenBefore { incident: entry.id.to_string(), opened: entry.opened(), classes: shared, fixes });
    }
    found.sort_by(|a, b| {
        b.opened.cmp(&a.opened).then_with(|| crate::store::order::compare_ids(&b.incident, &a.incident))
    });
    found.truncate(SHOWN);
    found
}

/// "INC-3 (2026-06-10), fixed by INC-3-R1, validated 2026-06-20" — or "…, no validated
/// fix yet".
pub(crate) fn describe(seen: &SeenBefore) -> String {
    let opened = seen.opened.map(|d| format!(" ({d})")).unwrap_or_default();
    if seen.fixes.is_empty() {
        return format!("{}{opened}, no validated fix for the class yet", seen.incident);
    }
    let fixes: Vec<String> = seen
        .fixes
        .iter()
        .map(|fix| match fix.validated {
            Some(day) => format!("{}, validated {day}", fix.item),
            None => format!("{}, validated", fix.item),
        })
        .collect();
    format!("{}{opened}, fixed by {}", seen.incident, fixes.join("; "))
}
