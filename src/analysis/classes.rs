//! Repeat failure classes: every class carried by two or more incidents of the period,
//! with those incidents and the period they span, newest first — so prevention is
//! planned against categories rather than isolated stories — and the incidents of each
//! class per quarter, so planning sees which classes grow. An incident's classes are
//! those of its failure modes (a mode's own class, else the incident's `classes`).

use crate::config::Vocabulary;
use crate::store::index::Entry;
use crate::text::normalize;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A class with two or more incidents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct RepeatClass {
    /// The class as first written.
    pub(crate) class: String,
    /// Its one-line description from the `classes` vocabulary, when configured.
    #[serde(default)]
    pub(crate) description: Option<String>,
    pub(crate) count: usize,
    /// The earliest and latest `opened` dates among its incidents.
    pub(crate) first_opened: Option<NaiveDate>,
    pub(crate) last_opened: Option<NaiveDate>,
    /// Days from the first to the last incident.
    pub(crate) span_days: Option<i64>,
    /// Newest first.
    pub(crate) incidents: Vec<ClassIncident>,
}

/// An incident of a class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ClassIncident {
    pub(crate) id: String,
    pub(crate) title: Option<String>,
    pub(crate) opened: Option<NaiveDate>,
    pub(crate) status: Option<String>,
}

/// The classes of `entries` with two or more incidents: the class whose latest incident
/// is newest comes first (ties by name); within a class, the newest incident first.
pub(crate) fn repeats(entries: &[&Entry<'_>], vocabulary: &Vocabulary) -> Vec<RepeatClass> {
    let mut classes: Vec<RepeatClass> = Vec::new();
    let mut position: HashMap<String, usize> = HashMap::new();
    for entry in entries {
        for class in entry.incident.effective_classes() {
            let index = *position.entry(normalize(class)).or_insert_with(|| {
                classes.push(RepeatClass {
                    class: class.to_string(),
                    description: vocabulary.description(class).map(str::to_string),
                    count: 0,
                    first_opened: None,
                    last_opened: None,
                    span_days: None,
                    incidents: Vec::new(),
                });
                classes.len() - 1
            });
            let found = &mut classes[index];
            // An incident is listed once per class: its classes come one after another.
            if found.incidents.last().is_some_and(|known| known.id == entry.id) {
                continue;
            }
            found.incidents.push(ClassIncident {
                id: entry.id.to_string(),
                title: entry.incident.title.get().cloned(),
                opened: entry.opened(),
                status: entry.incident.status.value.map(|s| s.as_str().to_string()),
            });
        }
    }
    classes.retain(|class| class.incidents.len() >= 2);
    for class in &mut classes {
        class.count = class.incidents.len();
        // Newest first; incidents without `opened` last.
        class
            .incidents
            .sort_by(|a, b| b.opened.cmp(&a.opened).then_with(|| crate::store::order::compare_ids(&b.id, &a.id)));
        let dates: Vec<NaiveDate> = class.incidents.iter().filter_map(|i| i.opened).collect();
        class.first_opened = dates.iter().min().copied();
        class.last_opened = dates.iter().max().copied();
        class.span_days = class.first_opened.zip(class.last_opened).map(|(first, last)| (last - first).num_days());
    }
    classes.sort_by(|a, b| b.last_opened.cmp(&a.last_opened).then_with(|| a.class.cmp(&b.class)));
    classes
}

/// Incidents per class per quarter: the columns (quarters from the first to the last in
/// which an incident was opened, gaps included) and one row per class.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ClassQuarters {
    /// `2026-Q1`, … in order.
    pub(crate) quarters: Vec<String>,
    /// Most incidents first (ties by name).
    pub(crate) rows: Vec<QuarterRow>,
}

/// One class's incidents per quarter of [`ClassQuarters::quarters`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct QuarterRow {
    pub(crate) class: String,
    pub(crate) counts: Vec<usize>,
    pub(crate) total: usize,
}

/// Incidents per (year, quarter).
type PerQuarter = HashMap<(i32, u32), usize>;

/// The quarter of a day: (year, 1–4).
fn quarter(day: NaiveDate) -> (i32, u32) {
    (day.year(), day.month0() / 3 + 1)
}

/// Incidents per class per quarter among `entries` (each incident counted once per class
/// it carries; incidents without `opened` or without a class left out).
pub(crate) fn quarters(entries: &[&Entry<'_>]) -> ClassQuarters {
    let mut counts: HashMap<String, (String, PerQuarter)> = HashMap::new();
    let mut first: Option<(i32, u32)> = None;
    let mut last: Option<(i32, u32)> = None;
    for entry in entries {
        let Some(day) = entry.opened() else { continue };
        let classes = entry.incident.effective_classes();
        if classes.is_empty() {
            continue;
        }
        let q = quarter(day);
        first = Some(first.map_or(q, |f: (i32, u32)| f.min(q)));
        last = Some(last.map_or(q, |l: (i32, u32)| l.max(q)));
        for class in classes {
            let slot = counts.entry(normalize(class)).or_insert_with(|| (class.to_string(), HashMap::new()));
            *slot.1.entry(q).or_default() += 1;
        }
    }
    let (Some(first), Some(last)) = (first, last) else { return ClassQuarters::default() };
    let mut columns = Vec::new();
    let mut q = first;
    while q <= last {
        columns.push(q);
        q = if q.1 == 4 { (q.0 + 1, 1) } else { (q.0, q.1 + 1) };
    }
    let mut rows: Vec<QuarterRow> = counts
        .into_values()
        .map(|(class, per)| {
            let counts: Vec<usize> = columns.iter().map(|q| per.get(q).copied().unwrap_or(0)).collect();
            QuarterRow { class, total: counts.iter().sum(), counts }
        })
        .collect();
    rows.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.class.cmp(&b.class)));
    ClassQuarters { quarters: columns.iter().map(|(y, n)| format!("{y}-Q{n}")).collect(), rows }
}

/// A class with how many incidents carry it, for `incidents classes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ClassCount {
    pub(crate) class: String,
    pub(crate) incidents: usize,
    /// Failure modes of the class (own or inherited).
    pub(crate) failure_modes: usize,
    pub(crate) description: Option<String>,
    /// Whether the configured vocabulary has it (`None` when none is configured).
    pub(crate) in_vocabulary: Option<bool>,
}

/// Every class in use or in the vocabulary, with its counts: most incidents first (ties
/// by name); vocabulary classes with no incident last, in the vocabulary's order.
pub(crate) fn counts(entries: &[Entry<'_>], vocabulary: &Vocabulary) -> Vec<ClassCount> {
    let mut found: Vec<ClassCount> = Vec::new();
    let mut position: HashMap<String, usize> = HashMap::new();
    let configured = vocabulary.is_configured();
    let mut slot = |class: &str, found: &mut Vec<ClassCount>| {
        *position.entry(normalize(class)).or_insert_with(|| {
            let known = vocabulary.find(class);
            found.push(ClassCount {
                class: known.map_or_else(|| class.trim().to_string(), |k| k.name.clone()),
                incidents: 0,
                failure_modes: 0,
                description: known.map(|k| k.description.clone()),
                in_vocabulary: configured.then_some(known.is_some()),
            });
            found.len() - 1
        })
    };
    for entry in entries {
        for class in entry.incident.effective_classes() {
            let index = slot(class, &mut found);
            found[index].incidents += 1;
        }
        for index in 0..entry.incident.failure_modes().len() {
            for class in entry.incident.classes_of_mode(index) {
                let at = slot(class, &mut found);
                found[at].failure_modes += 1;
            }
        }
    }
    found.sort_by(|a, b| b.incidents.cmp(&a.incidents).then_with(|| a.class.cmp(&b.class)));
    for entry in &vocabulary.entries {
        if !found.iter().any(|f| normalize(&f.class) == normalize(&entry.name)) {
            found.push(ClassCount {
                class: entry.name.clone(),
                incidents: 0,
                failure_modes: 0,
                description: Some(entry.description.clone()),
                in_vocabulary: Some(true),
            });
        }
    }
    found
}
