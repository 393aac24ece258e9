//! Time to detect and time to mitigate (`report`), read off the incidents' Timelines
//! (`incidents log --kind`; the earliest timestamp of each kind, parsed by
//! `record::timeline`). Time to detect runs from the earliest moment the record knows —
//! `opened`, or an earlier Timeline entry such as the deploy that started it — to the
//! first `[detected]` entry; an incident whose first known moment is its detection (it is
//! usually opened when the page comes in) has no time to detect: nothing says when the
//! impact began, and a 0 would claim it. Time to mitigate runs from the first
//! `[detected]` entry to the first `[mitigated]` one (a negative span counts as 0). Per
//! severity like [`super::timing`], with median and p90 by nearest rank; each figure
//! counts only the incidents it could be computed for, and the row says how many
//! incidents it holds and how many have a `[detected]` entry, so a figure never claims
//! more than the data shows.
//!
//! The records carry no bodies: `report` takes each incident's milestones while the
//! records are loaded, from the body the loader split off
//! (`record::timeline::milestones_in_body`), so no file is read twice; a body that does
//! not contain `[detected]` is not parsed (a byte search).

use super::stats::Spread;
use super::timing;
use crate::record::timeline::Milestones;
use crate::store::index::Entry;
use serde::{Deserialize, Serialize};

/// Time to detect and to mitigate for one severity (or `all`), in minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Detection {
    pub(crate) severity: String,
    /// The incidents of the row, tagged or not.
    pub(crate) incidents: usize,
    /// Of those, the incidents with a `[detected]` entry.
    pub(crate) detected: usize,
    /// Earliest known moment (`opened` or an earlier entry) → first `[detected]`; `count`
    /// is the incidents with a moment before their detection.
    pub(crate) time_to_detect_minutes: Spread,
    /// First `[detected]` → first `[mitigated]`; `count` is the incidents with both entries.
    pub(crate) time_to_mitigate_minutes: Spread,
}

/// One row per configured severity, then `unset` when needed, then `all`, over the
/// incidents of the period (`entries`); `milestones` gives those of an incident file
/// (root-relative path).
pub(crate) fn build(
    entries: &[&Entry<'_>],
    milestones: &(dyn Fn(&str) -> Milestones + Sync),
    severities: &[String],
) -> Vec<Detection> {
    let of = |entry: &Entry<'_>| milestones(entry.path);
    timing::rows(entries, severities)
        .into_iter()
        .map(|(severity, group)| Detection {
            severity,
            incidents: group.len(),
            detected: group.iter().filter(|entry| of(entry).detected.is_some()).count(),
            time_to_detect_minutes: Spread::of(group.iter().filter_map(|entry| to_detect(entry, of(entry))).collect()),
            time_to_mitigate_minutes: Spread::of(group.iter().filter_map(|entry| to_mitigate(of(entry))).collect()),
        })
        .collect()
}

fn to_detect(entry: &Entry<'_>, found: Milestones) -> Option<i64> {
    let detected = found.detected?;
    let start = [entry.incident.opened.get().copied(), found.earliest].into_iter().flatten().reduce(|a, b| {
        if b.is_before(&a) {
            b
        } else {
            a
        }
    })?;
    start.is_before(&detected).then(|| start.until(&detected).num_minutes().max(0))
}

fn to_mitigate(found: Milestones) -> Option<i64> {
    let (detected, mitigated) = (found.detected?, found.mitigated?);
    Some(detected.until(&mitigated).num_minutes().max(0))
}
