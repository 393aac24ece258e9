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
use crate::record::timeline::Milestones;
use crate::store::index::{Entry, Index};
use chrono::NaiveDate;
use rayon::prelude::*;
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

/// Everything `report` shows (`report --format json`). Record text is borrowed from the
/// loaded records (`'a`), not copied: the model of 40,000 records adds no text of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Report<'a> {
    pub(crate) today: NaiveDate,
    pub(crate) period: Period,
    /// The incidents of the period, in id order.
    pub(crate) incidents: Vec<IncidentRow<'a>>,
    /// Incidents per state, per severity, then `all`.
    pub(crate) counts: Vec<StateCount>,
    /// Time to stabilize and time to close per severity, then `all`.
    pub(crate) timing: Vec<Timing>,
    /// Time to detect and to mitigate per severity, then `all`, from the Timelines
    /// ([`super::detection`]; `report` takes the milestones while the records load).
    pub(crate) detection: Vec<super::detection::Detection>,
    /// Incidents whose failure class struck again after a validated fix. Newest first.
    pub(crate) recurrences: Vec<Recurrence<'a>>,
    /// Classes with two or more incidents. Newest first.
    pub(crate) repeat_classes: Vec<RepeatClass>,
    /// Incidents per class per quarter.
    pub(crate) class_quarters: classes::ClassQuarters,
    /// Failure modes that look like an earlier one of another incident, without a shared class.
    pub(crate) similar_failure_modes: super::similar::SimilarModes,
    pub(crate) remediation: Workload,
    /// Every move of a due date (from `due_history`), per item in id order.
    pub(crate) due_moves: Vec<DueMove>,
    pub(crate) coverage: Coverage,
    pub(crate) charts: Charts,
}

/// One incident of the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct IncidentRow<'a> {
    pub(crate) id: &'a str,
    pub(crate) file: &'a str,
    pub(crate) title: Option<&'a str>,
    pub(crate) severity: Option<&'a str>,
    pub(crate) status: Option<&'a str>,
    pub(crate) opened: Option<Timestamp>,
    pub(crate) stabilized_at: Option<Timestamp>,
    pub(crate) closed_at: Option<Timestamp>,
    pub(crate) commander: Option<&'a str>,
    /// The gate-1 evidence, as written (unfilled placeholders are absent).
    pub(crate) stabilization: Gate1Evidence<'a>,
    pub(crate) classes: Vec<&'a str>,
    pub(crate) failure_modes: Vec<&'a str>,
    /// Its remediation items, in id order.
    pub(crate) items: Vec<ItemRow<'a>>,
}

/// What closed gate 1: how the symptom showed, what restored service, how it is undone,
/// and what confirmed it in production.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Gate1Evidence<'a> {
    pub(crate) signal: Option<&'a str>,
    pub(crate) intervention: Option<&'a str>,
    pub(crate) rollback: Option<&'a str>,
    pub(crate) verification: Option<&'a str>,
    pub(crate) uncertainty: Option<&'a str>,
}

/// A remediation item of an incident of the period. Text fields are absent when not
/// written or left as a template placeholder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ItemRow<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: Option<&'a str>,
    pub(crate) status: Option<&'a str>,
    pub(crate) owner: Option<&'a str>,
    pub(crate) due: Option<NaiveDate>,
    pub(crate) failure_mode: Option<&'a str>,
    pub(crate) validation: Option<&'a str>,
    pub(crate) change: Option<&'a str>,
    /// Where `change` came from (`trailer` or `hand`), when one is written.
    pub(crate) change_source: Option<crate::record::Source>,
    pub(crate) evidence: Option<&'a str>,
    /// Where `evidence` came from (`run` or `hand`), when one is written.
    pub(crate) evidence_source: Option<crate::record::Source>,
    pub(crate) reason: Option<&'a str>,
    pub(crate) approved_by: Option<&'a str>,
    pub(crate) shipped_at: Option<Timestamp>,
    pub(crate) validated_at: Option<Timestamp>,
    pub(crate) dropped_at: Option<Timestamp>,
    /// How many times its due date moved (`due_history` entries).
    pub(crate) due_moves: usize,
}

impl<'a> Report<'a> {
    /// Computes every section for the incidents of `period`, as of `today`; `milestones`
    /// gives the Timeline milestones of an incident file (root-relative path).
    pub(crate) fn build(
        records: &Index<'a>,
        config: &Config,
        period: Period,
        today: NaiveDate,
        milestones: &(dyn Fn(&str) -> Milestones + Sync),
    ) -> Report<'a> {
        let entries: Vec<&Entry<'a>> =
            records.incidents.iter().filter(|entry| period.contains(entry.opened())).collect();
        let entries = entries.as_slice();
        let severities = &config.severities;
        // The sections are independent: all of them are built side by side on the two
        // cores (rayon::join; work stealing balances the two costly ones, recurrence and
        // similar failure modes, against the rest) rather than one after another.
        let (
            ((incidents, recurrences), (similar_failure_modes, repeat_classes)),
            ((remediation, charts), ((counts, timing), ((detection, class_quarters), (due_moves, coverage)))),
        ) = rayon::join(
            || {
                rayon::join(
                    || {
                        rayon::join(
                            || entries.par_iter().map(|entry| row(entry)).collect(),
                            || recurrence::find(entries, &records.incidents),
                        )
                    },
                    || {
                        rayon::join(
                            || super::similar::find(entries, &records.incidents),
                            || classes::repeats(entries, &config.classes),
                        )
                    },
                )
            },
            || {
                rayon::join(
                    || rayon::join(|| workload::build(entries, today), || charts::build(entries)),
                    || {
                        rayon::join(
                            || {
                                rayon::join(
                                    || timing::counts(entries, severities),
                                    || timing::timings(entries, severities),
                                )
                            },
                            || {
                                rayon::join(
                                    || {
                                        rayon::join(
                                            || super::detection::build(entries, milestones, severities),
                                            || classes::quarters(entries),
                                        )
                                    },
                                    || {
                                        rayon::join(
                                            || due_moves::build(entries),
                                            || coverage::build(entries, today, config.grace_days),
                                        )
                                    },
                                )
                            },
                        )
                    },
                )
            },
        );
        Report {
            today,
            period,
            incidents,
            counts,
            timing,
            detection,
            recurrences,
            repeat_classes,
            class_quarters,
            similar_failure_modes,
            remediation,
            due_moves,
            coverage,
            charts,
        }
    }
}

fn row<'a>(entry: &Entry<'a>) -> IncidentRow<'a> {
    let incident = entry.incident;
    let gate = &incident.stabilization;
    let texts = |list: &'a [crate::record::Spanned<String>]| list.iter().map(|s| s.value.as_str()).collect();
    IncidentRow {
        id: entry.id,
        file: entry.path,
        title: incident.title.get().map(String::as_str),
        severity: incident.severity.get().map(String::as_str),
        status: incident.status.value.map(|s| s.as_str()),
        opened: incident.opened.get().copied(),
        stabilized_at: incident.stabilization.stabilized_at.get().copied(),
        closed_at: incident.closed_at.get().copied(),
        commander: incident.commander.get().map(String::as_str),
        stabilization: Gate1Evidence {
            signal: gate.signal.get().map(String::as_str),
            intervention: gate.intervention.get().map(String::as_str),
            rollback: gate.rollback.get().map(String::as_str),
            verification: gate.verification.get().map(String::as_str),
            uncertainty: gate.uncertainty.get().map(String::as_str),
        },
        classes: texts(incident.classes()),
        failure_modes: texts(incident.failure_modes()),
        items: entry
            .items
            .iter()
            .map(|item| {
                let record = item.item;
                ItemRow {
                    id: item.id,
                    title: record.title.get().map(String::as_str),
                    status: record.status.value.map(|s| s.as_str()),
                    owner: record.owner.get().map(String::as_str),
                    due: record.due.get().map(|due| due.end),
                    failure_mode: record.failure_mode.get().map(String::as_str),
                    validation: record.validation.get().map(String::as_str),
                    change: record.change.get().map(String::as_str),
                    evidence: record.evidence.get().map(String::as_str),
                    change_source: record.change.get().map(|_| record.change_source.get().copied().unwrap_or_default()),
                    evidence_source: record
                        .evidence
                        .get()
                        .map(|_| record.evidence_source.get().copied().unwrap_or_default()),
                    reason: record.reason.get().map(String::as_str),
                    approved_by: record.approved_by.get().map(String::as_str),
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
