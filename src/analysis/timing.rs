//! Counts by state and severity, and how long the gates took: time to stabilize
//! (`opened` → `stabilization.stabilized_at`) and time to close (`opened` → `closed_at`),
//! as median and 90th percentile per severity (nearest rank, see [`super::stats`]).

use super::stats::Spread;
use crate::record::IncidentStatus;
use crate::store::index::Entry;
use serde::{Deserialize, Serialize};

/// Incidents per state for one severity (or `all`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StateCount {
    pub(crate) severity: String,
    pub(crate) active: usize,
    pub(crate) stabilized: usize,
    pub(crate) closed: usize,
    pub(crate) total: usize,
}

/// Gate durations for one severity (or `all`), in minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Timing {
    pub(crate) severity: String,
    pub(crate) time_to_stabilize_minutes: Spread,
    pub(crate) time_to_close_minutes: Spread,
}

/// The label of incidents whose severity is missing or not configured.
pub(crate) const UNSET: &str = "unset";
/// The label of the row over every severity.
pub(crate) const ALL: &str = "all";

/// One row per configured severity, then `unset` when any incident lacks a valid
/// severity, then `all`.
pub(crate) fn counts(entries: &[&Entry<'_>], severities: &[String]) -> Vec<StateCount> {
    rows(entries, severities)
        .into_iter()
        .map(|(severity, group)| {
            let mut count = StateCount { severity, ..StateCount::default() };
            for entry in group {
                match entry.incident.status.value {
                    Some(IncidentStatus::Active) => count.active += 1,
                    Some(IncidentStatus::Stabilized) => count.stabilized += 1,
                    Some(IncidentStatus::Closed) => count.closed += 1,
                    None => {}
                }
                count.total += 1;
            }
            count
        })
        .collect()
}

/// Time to stabilize and to close per severity, like [`counts`].
pub(crate) fn timings(entries: &[&Entry<'_>], severities: &[String]) -> Vec<Timing> {
    rows(entries, severities)
        .into_iter()
        .map(|(severity, group)| {
            let stabilize = group.iter().filter_map(|entry| time_to_stabilize(entry)).collect();
            let close = group.iter().filter_map(|entry| time_to_close(entry)).collect();
            Timing {
                severity,
                time_to_stabilize_minutes: Spread::of(stabilize),
                time_to_close_minutes: Spread::of(close),
            }
        })
        .collect()
}

/// Minutes from `opened` to `stabilized_at`, for incidents past gate 1.
pub(crate) fn time_to_stabilize(entry: &Entry<'_>) -> Option<i64> {
    let incident = entry.incident;
    if !incident.status.value?.past_gate_one() {
        return None;
    }
    let (opened, stabilized) = (incident.opened.get()?, incident.stabilization.stabilized_at.get()?);
    Some(opened.until(stabilized).num_minutes().max(0))
}

/// Minutes from `opened` to `closed_at`, for closed incidents.
pub(crate) fn time_to_close(entry: &Entry<'_>) -> Option<i64> {
    let incident = entry.incident;
    if incident.status.value? != IncidentStatus::Closed {
        return None;
    }
    let (opened, closed) = (incident.opened.get()?, incident.closed_at.get()?);
    Some(opened.until(closed).num_minutes().max(0))
}

/// The incidents grouped per row label, in row order.
pub(crate) fn rows<'e, 'a>(entries: &[&'e Entry<'a>], severities: &[String]) -> Vec<(String, Vec<&'e Entry<'a>>)> {
    let severity_of = |entry: &Entry<'_>| entry.incident.severity.get().filter(|s| severities.contains(s)).cloned();
    let mut rows: Vec<(String, Vec<&Entry<'_>>)> = severities
        .iter()
        .map(|severity| {
            let group = entries.iter().copied().filter(|e| severity_of(e).as_ref() == Some(severity)).collect();
            (severity.clone(), group)
        })
        .collect();
    let unset: Vec<&Entry<'_>> = entries.iter().copied().filter(|e| severity_of(e).is_none()).collect();
    if !unset.is_empty() {
        rows.push((UNSET.to_string(), unset));
    }
    rows.push((ALL.to_string(), entries.to_vec()));
    rows
}
