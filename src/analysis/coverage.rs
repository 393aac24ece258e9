//! Gaps in remediation: failure modes that no item covers, and incidents stabilized
//! longer ago than the grace period that still have no item at all.

use super::records::Entry;
use crate::clock::Timestamp;
use crate::record::text::same_failure_mode;
use crate::record::IncidentStatus;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The coverage section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub grace_days: i64,
    /// Failure modes with no item, per incident in id order.
    pub uncovered: Vec<UncoveredMode>,
    /// Stabilized incidents past the grace period with no item.
    pub without_items: Vec<WithoutItems>,
}

/// A failure mode no item covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UncoveredMode {
    pub incident: String,
    pub status: Option<String>,
    pub failure_mode: String,
}

/// A stabilized incident without items, past the grace period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithoutItems {
    pub incident: String,
    pub title: Option<String>,
    pub severity: Option<String>,
    pub stabilized_at: Timestamp,
    /// Days from stabilization to today.
    pub days_since: i64,
}

/// Builds the section as of `today`, with the config's grace period.
pub fn build(entries: &[&Entry<'_>], today: NaiveDate, grace_days: i64) -> Coverage {
    let mut coverage = Coverage { grace_days, uncovered: Vec::new(), without_items: Vec::new() };
    for entry in entries {
        let incident = entry.incident;
        for mode in incident.failure_modes() {
            let covered = entry
                .items
                .iter()
                .filter_map(|item| item.item.failure_mode.get())
                .any(|written| same_failure_mode(written, &mode.value));
            if !covered {
                coverage.uncovered.push(UncoveredMode {
                    incident: entry.id.to_string(),
                    status: incident.status.value.map(|s| s.as_str().to_string()),
                    failure_mode: mode.value.clone(),
                });
            }
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
