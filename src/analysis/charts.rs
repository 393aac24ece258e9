//! The data behind the report's charts: incidents per month by primary failure class
//! (the first class an incident lists; `unclassified` when it lists none), and time to
//! stabilize per incident over time. Renderers only draw what is here.

use super::timing::time_to_stabilize;
use crate::store::index::Entry;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The class of incidents that list none.
pub(crate) const UNCLASSIFIED: &str = "unclassified";

/// Chart series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Charts {
    /// Primary classes, most incidents first (ties by name): the legend and the order
    /// of `months[].counts`.
    pub(crate) classes: Vec<String>,
    /// Every month from the first incident's to the last one's, empty months included.
    pub(crate) months: Vec<MonthCount>,
    /// One point per incident past gate 1 with a known time to stabilize, by `opened`.
    pub(crate) time_to_stabilize: Vec<StabilizePoint>,
}

/// Incidents opened in one month, per class of [`Charts::classes`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct MonthCount {
    /// `YYYY-MM`.
    pub(crate) month: String,
    pub(crate) counts: Vec<usize>,
}

/// One incident's time to stabilize.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StabilizePoint {
    pub(crate) id: String,
    pub(crate) severity: Option<String>,
    pub(crate) opened: NaiveDate,
    pub(crate) minutes: i64,
}

/// Builds the series from the incidents of the period.
pub(crate) fn build(entries: &[&Entry<'_>]) -> Charts {
    let dated: Vec<(NaiveDate, String)> = entries
        .iter()
        .filter_map(|entry| {
            let class = entry.incident.effective_classes().first().map_or(UNCLASSIFIED.to_string(), |c| c.to_string());
            Some((entry.opened()?, class))
        })
        .collect();
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, class) in &dated {
        *totals.entry(class.as_str()).or_default() += 1;
    }
    let mut classes: Vec<(&str, usize)> = totals.into_iter().collect();
    classes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let classes: Vec<String> = classes.into_iter().map(|(class, _)| class.to_string()).collect();
    // Incidents per (month, class), counted in one pass.
    let column: HashMap<&str, usize> = classes.iter().enumerate().map(|(i, class)| (class.as_str(), i)).collect();
    let mut per_month: HashMap<(i32, u32), Vec<usize>> = HashMap::new();
    for (date, class) in &dated {
        let counts = per_month.entry((date.year(), date.month())).or_insert_with(|| vec![0; classes.len()]);
        if let Some(&at) = column.get(class.as_str()) {
            counts[at] += 1;
        }
    }
    let mut months = Vec::new();
    if let (Some(first), Some(last)) = (dated.iter().map(|d| d.0).min(), dated.iter().map(|d| d.0).max()) {
        let (mut year, mut month) = (first.year(), first.month());
        while (year, month) <= (last.year(), last.month()) {
            let counts = per_month.remove(&(year, month)).unwrap_or_else(|| vec![0; classes.len()]);
            months.push(MonthCount { month: format!("{year:04}-{month:02}"), counts });
            (year, month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
        }
    }
    let mut time_to_stabilize: Vec<StabilizePoint> = entries
        .iter()
        .filter_map(|entry| {
            Some(StabilizePoint {
                id: entry.id.to_string(),
                severity: entry.incident.severity.get().cloned(),
                opened: entry.opened()?,
                minutes: time_to_stabilize(entry)?,
            })
        })
        .collect();
    time_to_stabilize
        .sort_by(|a, b| a.opened.cmp(&b.opened).then_with(|| crate::store::order::compare_ids(&a.id, &b.id)));
    Charts { classes, months, time_to_stabilize }
}
