//! The report model behind `incidents report`: which incidents a period holds and every
//! section computed over them. Renderers (Markdown, JSON, HTML) draw this and decide
//! nothing; `report --format json` is this struct serialised (docs/reports.md).
//!
//! The period selects incidents by the date they were `opened` (both ends included)
//! and every section counts those incidents and their items. Overdue and due-soon are
//! as of today (`--today`).

use super::charts::{self, Charts};
use super::classes::{self, RepeatClass};
use super::coverage::{self, Coverage};
use super::due_moves::{self, DueMove};
use super::recurrence::{self, Recurrence};
use super::timing::{self, StateCount, Timing};
use super::workload::{self, Workload};
use crate::clock::Timestamp;
use crate::config::Config;
use crate::store::index::{Entry, Index};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The dates a report covers, both included; an open end is unbounded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Period {
    pub(crate) since: Option<NaiveDate>,
    pub(crate) until: Option<NaiveDate>,
}

impl Period {
    /// Whether an incident opened on `opened` belongs to the period. An incident without
    /// `opened` belongs only to an unbounded period.
    pub(crate) fn contains(&self, opened: Option<NaiveDate>) -> bool {
        match opened {
            Some(date) => self.since.is_none_or(|since| date >= since) && self.until.is_none_or(|until| date <= until),
            None => self.since.is_none() && self.until.is_none(),
        }
    }
}

/// Everything `report` shows (`report --format json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Report {
    pub(crate) today: NaiveDate,
    pub(crate) period: Period,
    /// The incidents of the period, in id order.
    pub(crate) incidents: Vec<IncidentRow>,
    /// Incidents per state, per severity, then `all`.
    pub(crate) counts: Vec<StateCount>,
    /// Time to stabilize and time to close per severity, then `all`.
    pub(crate) timing: Vec<Timing>,
    /// Time to detect and to mitigate per severity, then `all`, from the Timelines
    /// (filled by `report`, which reads the bodies: [`super::detection`]).
    #[serde(default)]
    pub(crate) detection: Vec<super::detection::Detection>,
    /// Incidents whose failure class struck again after a validated fix. Newest first.
    pub(crate) recurrences: Vec<Recurrence>,
    /// Classes with two or more incidents. Newest first.
    pub(crate) repeat_classes: Vec<RepeatClass>,
    /// Incidents per class per quarter.
    #[serde(default)]
    pub(crate) class_quarters: classes::ClassQuarters,
    /// Failure modes that look like an earlier one of another incident, without a shared class.
    #[serde(default)]
    pub(crate) similar_failure_modes: super::similar::SimilarModes,
    pub(crate) remediation: Workload,
    /// Every move of a due date (from `due_history`), per item in id order.
    pub(crate) due_moves: Vec<DueMove>,
    pub(crate) coverage: Coverage,
    pub(crate) charts: Charts,
}

/// One incident of the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct IncidentRow {
    pub(crate) id: String,
    pub(crate) file: String,
    pub(crate) title: Option<String>,
    pub(crate) severity: Option<String>,
    pub(crate) status: Option<String>,
    pub(crate) opened: Option<Timestamp>,
    pub(crate) stabilized_at: Option<Timestamp>,
    pub(crate) closed_at: Option<Timestamp>,
    pub(crate) commander: Option<String>,
    /// The gate-1 evidence, as written (unfilled placeholders are absent).
    pub(crate) stabilization: Gate1Evidence,
    pub(crate) classes: Vec<String>,
    pub(crate) failure_modes: Vec<String>,
    /// Its remediation items, in id order.
    pub(crate) items: Vec<ItemRow>,
}

/// What closed gate 1: how the symptom showed, what restored service, how it is undone,
/// and what confirmed it in production.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Gate1Evidence {
    pub(crate) signal: Option<String>,
    pub(crate) intervention: Option<String>,
    pub(crate) rollback: Option<String>,
    pub(crate) verification: Option<String>,
    pub(crate) uncertainty: Option<String>,
}

/// A remediation item of an incident of the period. Text fields are absent when not
/// written or left as a template placeholder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ItemRow {
    pub(crate) id: String,
    pub(crate) title: Option<String>,
    pub(crate) status: Option<String>,
    pub(crate) owner: Option<String>,
    pub(crate) due: Option<NaiveDate>,
    pub(crate) failure_mode: Option<String>,
    pub(crate) validation: Option<String>,
    pub(crate) change: Option<String>,
    /// Where `change` came from (`trailer` or `hand`), when one is written.
    #[serde(default)]
    pub(crate) change_source: Option<crate::record::Source>,
    pub(crate) evidence: Option<String>,
    /// Where `evidence` came from (`run` or `hand`), when one is written.
    #[serde(default)]
    pub(crate) evidence_source: Option<crate::record::Source>,
    pub(crate) reason: Option<String>,
    pub(crate) approved_by: Option<String>,
    pub(crate) shipped_at: Option<Timestamp>,
    pub(crate) validated_at: Option<Timestamp>,
    pub(crate) dropped_at: Option<Timestamp>,
    /// How many times its due date moved (`due_history` entries).
    pub(crate) due_moves: usize,
}

impl Report {
    /// Computes every section for the incidents of `period`, as of `today`.
    pub(crate) fn build(records: &Index<'_>, config: &Config, period: Period, today: NaiveDate) -> Report {
        let entries: Vec<&Entry<'_>> =
            records.incidents.iter().filter(|entry| period.contains(entry.opened())).collect();
        Report {
            today,
            period,
            incidents: entries.iter().map(|entry| row(entry)).collect(),
            counts: timing::counts(&entries, &config.severities),
            timing: timing::timings(&entries, &config.severities),
            detection: Vec::new(),
            recurrences: recurrence::find(&entries, &records.incidents),
            repeat_classes: classes::repeats(&entries, &config.classes),
            class_quarters: classes::quarters(&entries),
            similar_failure_modes: super::similar::find(&entries, &records.incidents),
            remediation: workload::build(&entries, today),
            due_moves: due_moves::build(&entries),
            coverage: coverage::build(&entries, today, config.grace_days),
            charts: charts::build(&entries),
        }
    }
}

fn row(entry: &Entry<'_>) -> IncidentRow {
    let incident = entry.incident;
    let gate = &incident.stabilization;
    let texts = |list: &[crate::record::Spanned<String>]| list.iter().map(|s| s.value.clone()).collect();
    IncidentRow {
        id: entry.id.to_string(),
        file: entry.path.to_string(),
        title: incident.title.get().cloned(),
        severity: incident.severity.get().cloned(),
        status: incident.status.value.map(|s| s.as_str().to_string()),
        opened: incident.opened.get().copied(),
        stabilized_at: incident.stabilization.stabilized_at.get().copied(),
        closed_at: incident.closed_at.get().copied(),
        commander: incident.commander.get().cloned(),
        stabilization: Gate1Evidence {
            signal: gate.signal.get().cloned(),
            intervention: gate.intervention.get().cloned(),
            rollback: gate.rollback.get().cloned(),
            verification: gate.verification.get().cloned(),
            uncertainty: gate.uncertainty.get().cloned(),
        },
        classes: texts(incident.classes()),
        failure_modes: texts(incident.failure_modes()),
        items: entry
            .items
            .iter()
            .map(|item| {
                let record = item.item;
                ItemRow {
                    id: item.id.to_string(),
                    title: record.title.get().cloned(),
                    status: record.status.value.map(|s| s.as_str().to_string()),
                    owner: record.owner.get().cloned(),
                    due: record.due.get().map(|due| due.end),
                    failure_mode: record.failure_mode.get().cloned(),
                    validation: record.validation.get().cloned(),
                    change: record.change.get().cloned(),
                    evidence: record.evidence.get().cloned(),
                    change_source: record.change.get().map(|_| record.change_source.get().copied().unwrap_or_default()),
                    evidence_source: record
                        .evidence
                        .get()
                        .map(|_| record.evidence_source.get().copied().unwrap_or_default()),
                    reason: record.reason.get().cloned(),
                    approved_by: record.approved_by.get().cloned(),
                    shipped_at: record.shipped_at.get().copied(),
                    validated_at: record.validated_at.get().copied(),
                    dropped_at: record.dropped_at.get().copied(),
                    due_moves: record.due_history.get().map_or(0, Vec::len),
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_includes_both_ends() {
        let date = |text: &str| crate::clock::parse_date(text);
        let bounded = Period { since: date("2026-01-01"), until: date("2026-01-31") };
        let since_only = Period { since: date("2026-01-01"), until: None };
        let cases = [
            (Period::default(), None, true),
            (Period::default(), date("1999-01-01"), true),
            (bounded, date("2026-01-01"), true),
            (bounded, date("2026-01-31"), true),
            (bounded, date("2025-12-31"), false),
            (bounded, date("2026-02-01"), false),
            (bounded, None, false),
            (since_only, date("2030-01-01"), true),
            (since_only, None, false),
        ];
        for (period, opened, expected) in cases {
            assert_eq!(period.contains(opened), expected, "{period:?} {opened:?}");
        }
    }
}
