//! Repeat failure classes: every class tag carried by two or more incidents of the
//! period, with those incidents and the period they span, newest first — so prevention
//! is planned against categories rather than isolated stories.

use crate::record::text::normalize;
use crate::store::index::Entry;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A class with two or more incidents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepeatClass {
    /// The class as first written.
    pub class: String,
    pub count: usize,
    /// The earliest and latest `opened` dates among its incidents.
    pub first_opened: Option<NaiveDate>,
    pub last_opened: Option<NaiveDate>,
    /// Days from the first to the last incident.
    pub span_days: Option<i64>,
    /// Newest first.
    pub incidents: Vec<ClassIncident>,
}

/// An incident of a class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassIncident {
    pub id: String,
    pub title: Option<String>,
    pub opened: Option<NaiveDate>,
    pub status: Option<String>,
}

/// The classes of `entries` with two or more incidents: the class whose latest incident
/// is newest comes first (ties by name); within a class, the newest incident first.
pub fn repeats(entries: &[&Entry<'_>]) -> Vec<RepeatClass> {
    let mut classes: Vec<RepeatClass> = Vec::new();
    let mut position: HashMap<String, usize> = HashMap::new();
    for entry in entries {
        for class in entry.incident.classes() {
            let index = *position.entry(normalize(&class.value)).or_insert_with(|| {
                classes.push(RepeatClass {
                    class: class.value.trim().to_string(),
                    count: 0,
                    first_opened: None,
                    last_opened: None,
                    span_days: None,
                    incidents: Vec::new(),
                });
                classes.len() - 1
            });
            let found = &mut classes[index];
            if found.incidents.iter().any(|known| known.id == entry.id) {
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
