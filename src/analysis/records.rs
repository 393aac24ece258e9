//! The record set as analysis reads it: every incident with an id, in id order, with
//! its remediation items. Built once from a loaded [`Repository`]; it borrows the
//! records and copies nothing.

use super::order::compare_ids;
use crate::record::{Incident, Remediation};
use crate::store::Repository;
use chrono::NaiveDate;
use std::collections::HashMap;

/// An incident, its file and its items (in id order).
#[derive(Debug, Clone)]
pub(crate) struct Entry<'a> {
    pub(crate) id: &'a str,
    /// Root-relative path of the incident file.
    pub(crate) path: &'a str,
    pub(crate) incident: &'a Incident,
    pub(crate) items: Vec<Item<'a>>,
}

/// A remediation item with its id and file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Item<'a> {
    pub(crate) id: &'a str,
    pub(crate) path: &'a str,
    pub(crate) item: &'a Remediation,
}

impl Entry<'_> {
    /// The date the incident was opened, when written.
    pub(crate) fn opened(&self) -> Option<NaiveDate> {
        self.incident.opened.get().map(|at| at.date())
    }

    /// The items as plain records, for [`super::StatusBlock::build`].
    pub(crate) fn remediations(&self) -> Vec<&Remediation> {
        self.items.iter().map(|item| item.item).collect()
    }
}

/// Every incident with its items; items whose incident does not exist are kept apart.
#[derive(Debug, Clone, Default)]
pub(crate) struct Records<'a> {
    pub(crate) incidents: Vec<Entry<'a>>,
    /// Items whose `incident` names no incident (`broken-reference`), in id order.
    pub(crate) orphans: Vec<Item<'a>>,
}

impl<'a> Records<'a> {
    /// Groups the records of `repo`. When two incidents share an id, the first file
    /// (in path order) is the one used, as `check` does.
    pub(crate) fn new(repo: &'a Repository) -> Self {
        let mut incidents: Vec<Entry<'a>> = Vec::new();
        let mut position: HashMap<&str, usize> = HashMap::new();
        for (file, incident) in repo.incidents() {
            let Some(id) = incident.id.get() else { continue };
            position.entry(id.as_str()).or_insert_with(|| {
                incidents.push(Entry { id, path: &file.path, incident, items: Vec::new() });
                incidents.len() - 1
            });
        }
        let mut orphans = Vec::new();
        for (file, remediation) in repo.items() {
            let Some(id) = remediation.id.get() else { continue };
            let item = Item { id, path: &file.path, item: remediation };
            match remediation.incident.get().and_then(|parent| position.get(parent.as_str())) {
                Some(&index) => incidents[index].items.push(item),
                None => orphans.push(item),
            }
        }
        incidents.sort_by(|a, b| compare_ids(a.id, b.id));
        for entry in &mut incidents {
            entry.items.sort_by(|a, b| compare_ids(a.id, b.id));
        }
        orphans.sort_by(|a, b| compare_ids(a.id, b.id));
        Records { incidents, orphans }
    }

    /// The incident with `id`.
    pub(crate) fn get(&self, id: &str) -> Option<&Entry<'a>> {
        self.incidents.iter().find(|entry| entry.id == id)
    }
}
