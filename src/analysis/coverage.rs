//! Gaps in remediation, and the risks a team chose to accept. A failure mode is
//! **covered** when it has an item that is not dropped, **accepted risk** when it has
//! items and every one of them is dropped (each with its reason and approver), and
//! **uncovered** when it has no item at all (SPEC §2). [`modes`] classifies one
//! incident's failure modes; the status block and the report both read it, so they
//! cannot disagree. The report section also lists incidents stabilized longer ago than
//! the grace period that still have no item at all, and closed incidents without any
//! validated item.

use crate::clock::Timestamp;
use crate::record::{Incident, IncidentStatus, ItemStatus, Remediation};
use crate::store::index::Entry;
use crate::text::same_failure_mode;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The coverage section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Coverage {
    pub(crate) grace_days: i64,
    /// Failure modes with no item, per incident in id order.
    pub(crate) uncovered: Vec<UncoveredMode>,
    /// Failure modes whose items were all dropped, per incident in id order.
    pub(crate) accepted_risks: Vec<AcceptedRisk>,
    /// Stabilized incidents past the grace period with no item.
    pub(crate) without_items: Vec<WithoutItems>,
    /// Closed incidents none of whose items was validated: nothing proves the system
    /// changed.
    pub(crate) closed_without_validated: Vec<ClosedWithoutValidated>,
}

/// A closed incident without any validated item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ClosedWithoutValidated {
    pub(crate) incident: String,
    pub(crate) title: Option<String>,
    pub(crate) severity: Option<String>,
    pub(crate) closed_at: Option<Timestamp>,
    /// How many items it has, and how many of them were dropped.
    pub(crate) items: usize,
    pub(crate) dropped: usize,
}

/// A failure mode no item covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct UncoveredMode {
    pub(crate) incident: String,
    pub(crate) status: Option<String>,
    pub(crate) failure_mode: String,
}

/// A failure mode whose items were all dropped: the team accepted the risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct AcceptedRisk {
    pub(crate) incident: String,
    pub(crate) failure_mode: String,
    /// The dropped items, in id order.
    pub(crate) dropped: Vec<DroppedItem>,
}

/// A dropped item: why, and who accepted the risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DroppedItem {
    pub(crate) id: String,
    pub(crate) reason: Option<String>,
    pub(crate) approved_by: Option<String>,
    pub(crate) dropped_at: Option<Timestamp>,
}

/// A stabilized incident without items, past the grace period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct WithoutItems {
    pub(crate) incident: String,
    pub(crate) title: Option<String>,
    pub(crate) severity: Option<String>,
    pub(crate) stabilized_at: Timestamp,
    /// Days from stabilization to today.
    pub(crate) days_since: i64,
}

/// Where one failure mode stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ModeCoverage {
    Covered,
    Uncovered,
    /// Every item was dropped; the dropped items, in the order given.
    AcceptedRisk(Vec<DroppedItem>),
}

/// Each failure mode of `incident` (as written, in order) with its coverage by `items`.
/// An item whose status is not valid counts as covering (check reports it).
pub(crate) fn modes(incident: &Incident, items: &[&Remediation]) -> Vec<(String, ModeCoverage)> {
    incident
        .failure_modes()
        .iter()
        .map(|mode| {
            let mine: Vec<&Remediation> = items
                .iter()
                .copied()
                .filter(|item| item.failure_mode.get().is_some_and(|written| same_failure_mode(written, &mode.value)))
                .collect();
            let coverage = if mine.is_empty() {
                ModeCoverage::Uncovered
            } else if mine.iter().all(|item| item.status.value == Some(ItemStatus::Dropped)) {
                ModeCoverage::AcceptedRisk(mine.iter().map(|item| dropped(item)).collect())
            } else {
                ModeCoverage::Covered
            };
            (mode.value.clone(), coverage)
        })
        .collect()
}

fn dropped(item: &Remediation) -> DroppedItem {
    DroppedItem {
        id: item.id.get().cloned().unwrap_or_default(),
        reason: item.reason.get().cloned(),
        approved_by: item.approved_by.get().cloned(),
        dropped_at: item.dropped_at.get().copied(),
    }
}

/// Builds the section as of `today`, with the config's grace period.
pub(crate) fn build(entries: &[&Entry<'_>], today: NaiveDate, grace_days: i64) -> Coverage {
    let mut coverage = Coverage {
        grace_days,
        uncovered: Vec::new(),
        accepted_risks: Vec::new(),
        without_items: Vec::new(),
        closed_without_validated: Vec::new(),
    };
    for entry in entries {
        let incident = entry.incident;
        for (failure_mode, state) in modes(incident, &entry.remediations()) {
            match state {
                ModeCoverage::Covered => {}
                ModeCoverage::Uncovered => coverage.uncovered.push(UncoveredMode {
                    incident: entry.id.to_string(),
                    status: incident.status.value.map(|s| s.as_str().to_string()),
                    failure_mode,
                }),
                ModeCoverage::AcceptedRisk(dropped) => {
                    coverage.accepted_risks.push(AcceptedRisk { incident: entry.id.to_string(), failure_mode, dropped })
                }
            }
        }
        let statuses = || entry.items.iter().filter_map(|item| item.item.status.value);
        if incident.status.value == Some(IncidentStatus::Closed) && !statuses().any(|s| s == ItemStatus::Validated) {
            coverage.closed_without_validated.push(ClosedWithoutValidated {
                incident: entry.id.to_string(),
                title: incident.title.get().cloned(),
                severity: incident.severity.get().cloned(),
                closed_at: incident.closed_at.get().copied(),
                items: entry.items.len(),
                dropped: statuses().filter(|s| *s == ItemStatus::Dropped).count(),
            });
        }
        if incident.status.value != Some(IncidentStatus::Stabilized) || !entry.items.is_empty() {
            continue;
        }
        let Some(stabilized_at) = incident.stabilization.stabilized_at.get() else { continue };
        let days_since = (today - stabilized_at.date()).num_days();
        if days_since > grace_days {
            coverage.without_items.push(WithoutItems {
                incident: entry.id.to_string(),
                title: incident.title.get().cloned(),
                severity: incident.severity.get().cloned(),
                stabilized_at: *stabilized_at,
                days_since,
            });
        }
    }
    coverage
}
