//! The rows of `incidents list`: one per incident or remediation item, each item right
//! after its incident, and the filters that select them. Filters of different kinds
//! combine with "and"; several values of one filter with "or".

use super::coverage::{self, ModeCoverage};
use crate::config::owners::key as owner_key;
use crate::store::index::{Entry, Index, Item};
use crate::text::normalize;
use crate::text::same_failure_mode;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which records a listing shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Kind {
    Incident,
    Remediation,
}

/// What the user asked to see. Empty lists select everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Filter {
    pub(crate) kind: Option<Kind>,
    /// Statuses as written (`active`, `open`, `validated`, …).
    pub(crate) statuses: Vec<String>,
    /// Item owners, compared by `config::owners::key` (case and a leading `@` ignored);
    /// incidents never match.
    pub(crate) owners: Vec<String>,
    /// Severities; items match by their incident's severity.
    pub(crate) severities: Vec<String>,
    /// Failure classes, compared like failure modes; items match by their incident's.
    pub(crate) classes: Vec<String>,
    /// Only items neither validated nor dropped that are past their due date.
    pub(crate) overdue: bool,
}

/// One line of `list` (`records[]` of `list --format json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Row {
    pub(crate) kind: Kind,
    pub(crate) id: String,
    /// The incident's own id for incidents; the `incident` an item names.
    pub(crate) incident: String,
    pub(crate) status: Option<String>,
    /// The incident's severity (an item's incident's).
    pub(crate) severity: Option<String>,
    pub(crate) title: Option<String>,
    /// The item's owner, or the incident's commander.
    pub(crate) owner: Option<String>,
    pub(crate) failure_mode: Option<String>,
    /// The end of an item's due window.
    pub(crate) due: Option<NaiveDate>,
    /// Days past `due` for items neither validated nor dropped; absent otherwise.
    pub(crate) overdue_days: Option<i64>,
    pub(crate) classes: Vec<String>,
    /// Accepted risks: for an incident, its failure modes whose items were all dropped;
    /// for a dropped item, its own failure mode when that is one of them.
    pub(crate) accepted_risks: Vec<String>,
    /// The change that shipped an item's fix, as written.
    pub(crate) change: Option<String>,
    /// Where `change` came from (`trailer` or `hand`), when one is written.
    #[serde(default)]
    pub(crate) change_source: Option<crate::record::Source>,
    /// A validated item's evidence, as written.
    #[serde(default)]
    pub(crate) evidence: Option<String>,
    /// Where a validated item's evidence came from (`run` or `hand`).
    #[serde(default)]
    pub(crate) evidence_source: Option<crate::record::Source>,
    pub(crate) file: String,
}

/// The rows `filter` selects, as of `today`.
pub(crate) fn rows(records: &Index<'_>, filter: &Filter, today: NaiveDate) -> Vec<Row> {
    let owner_keys: Vec<String> = filter.owners.iter().map(|owner| owner_key(owner)).collect();
    let mut rows = Vec::new();
    for entry in &records.incidents {
        let accepted: Vec<String> = coverage::modes(entry.incident, &entry.remediations())
            .into_iter()
            .filter(|(_, state)| matches!(state, ModeCoverage::AcceptedRisk(_)))
            .map(|(mode, _)| mode)
            .collect();
        let row = incident_row(entry, &accepted);
        if filter.matches(&row, &owner_keys) {
            rows.push(row);
        }
        for item in &entry.items {
            let mut row = item_row(item, Some(entry), today);
            if row.status.as_deref() == Some("dropped") {
                if let Some(mode) = &row.failure_mode {
                    row.accepted_risks = accepted.iter().filter(|a| same_failure_mode(a, mode)).cloned().collect();
                }
            }
            if filter.matches(&row, &owner_keys) {
                rows.push(row);
            }
        }
    }
    for item in &records.orphans {
        let row = item_row(item, None, today);
        if filter.matches(&row, &owner_keys) {
            rows.push(row);
        }
    }
    rows
}

impl Filter {
    /// Whether `row` is selected; `owner_keys` are [`Filter::owners`] as
    /// `config::owners::key`, computed once per listing rather than once per row.
    fn matches(&self, row: &Row, owner_keys: &[String]) -> bool {
        let is_item = row.kind == Kind::Remediation;
        let any = |wanted: &[String], value: Option<&String>, same: &dyn Fn(&str, &str) -> bool| {
            wanted.is_empty() || value.is_some_and(|value| wanted.iter().any(|w| same(w, value)))
        };
        self.kind.is_none_or(|kind| kind == row.kind)
            && any(&self.statuses, row.status.as_ref(), &|a, b| a == b)
            && (owner_keys.is_empty()
                || is_item && row.owner.as_deref().is_some_and(|owner| owner_keys.contains(&owner_key(owner))))
            && any(&self.severities, row.severity.as_ref(), &|a, b| a == b)
            && (self.classes.is_empty()
                || self.classes.iter().any(|wanted| row.classes.iter().any(|c| normalize(c) == normalize(wanted))))
            && (!self.overdue || row.overdue_days.is_some())
    }
}

fn incident_row(entry: &Entry<'_>, accepted: &[String]) -> Row {
    let incident = entry.incident;
    Row {
        kind: Kind::Incident,
        id: entry.id.to_string(),
        incident: entry.id.to_string(),
        status: incident.status.value.map(|s| s.as_str().to_string()),
        severity: incident.severity.get().cloned(),
        title: incident.title.get().cloned(),
        owner: incident.commander.get().cloned(),
        failure_mode: None,
        due: None,
        overdue_days: None,
        classes: incident.class_names(),
        accepted_risks: accepted.to_vec(),
        change: None,
        change_source: None,
        evidence: None,
        evidence_source: None,
        file: entry.path.to_string(),
    }
}

fn item_row(item: &Item<'_>, entry: Option<&Entry<'_>>, today: NaiveDate) -> Row {
    let record = item.item;
    let status = record.status.value;
    let due = record.due.get().map(|due| due.end);
    let change = super::shipped::written(&record.change);
    let validated = status == Some(crate::record::ItemStatus::Validated);
    let overdue_days =
        due.filter(|due| *due < today && status.is_some_and(|s| !s.is_done())).map(|due| (today - due).num_days());
    Row {
        kind: Kind::Remediation,
        id: item.id.to_string(),
        incident: record.incident.get().cloned().unwrap_or_default(),
        status: status.map(|s| s.as_str().to_string()),
        severity: entry.and_then(|e| e.incident.severity.get().cloned()),
        title: record.title.get().cloned(),
        owner: record.owner.get().cloned(),
        failure_mode: record.failure_mode.get().cloned(),
        due,
        overdue_days,
        classes: entry.map(|e| e.incident.class_names()).unwrap_or_default(),
        accepted_risks: Vec::new(),
        change_source: change.as_ref().map(|_| record.change_source.get().copied().unwrap_or_default()),
        change,
        evidence: if validated { super::shipped::written(&record.evidence) } else { None },
        evidence_source: validated.then(|| record.evidence_source.get().copied().unwrap_or_default()),
        file: item.path.to_string(),
    }
}
