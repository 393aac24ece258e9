//! The one grouping of the loaded records by id, built once per run in one pass over
//! [`Repository::files`] and shared by the rules, analysis and the writing commands:
//! the files of each id held by more than one file, every incident with an id (the first file when the id is
//! duplicated, as `check` reports it) with its items, and the items whose incident does
//! not exist. Lookups by id are hash lookups; it borrows the records and copies nothing.

use super::order::compare_ids;
use super::Repository;
use crate::record::{Incident, Record, Remediation};
use chrono::NaiveDate;
use foldhash::HashMap;
use std::collections::hash_map::Entry as Slot;

/// An incident, its file and its items.
#[derive(Debug, Clone)]
pub(crate) struct Entry<'a> {
    pub(crate) id: &'a str,
    /// Root-relative path of the incident file.
    pub(crate) path: &'a str,
    pub(crate) incident: &'a Incident,
    /// Its items that have an id, in id order: what `status`, `list` and `report` show.
    pub(crate) items: Vec<Item<'a>>,
    /// Every item that names it, those without an id included (indices into
    /// [`Repository::files`], in path order): what covers a failure mode or keeps a gate
    /// open for the rules and the gates.
    pub(crate) linked: Vec<(usize, &'a Remediation)>,
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

    /// The items (with an id, in id order) as plain records, for the status block.
    pub(crate) fn remediations(&self) -> Vec<&Remediation> {
        self.items.iter().map(|item| item.item).collect()
    }
}

/// The records of one [`Repository`] grouped by id.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index<'a> {
    /// Every incident with an id, in id order.
    pub(crate) incidents: Vec<Entry<'a>>,
    /// Items with an id whose `incident` names no incident (`broken-reference`), in id order.
    pub(crate) orphans: Vec<Item<'a>>,
    /// Files (indices into [`Repository::files`]) per id held by more than one file, in
    /// path order. Unique ids, nearly all of them, cost no entry here.
    repeated: HashMap<&'a str, Vec<usize>>,
    /// The position in `incidents` of each incident id.
    position: HashMap<&'a str, usize>,
}

impl<'a> Index<'a> {
    /// Groups the records of `repo`: one pass over the files, then the sort into id order.
    pub(crate) fn build(repo: &'a Repository) -> Self {
        // The first file of each id; a second one moves the id into `repeated`.
        let mut first: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(repo.files.len(), Default::default());
        let mut repeated: HashMap<&str, Vec<usize>> = HashMap::default();
        let mut incidents: Vec<Entry<'a>> = Vec::new();
        let mut position: HashMap<&str, usize> = HashMap::default();
        // Items by the incident id they name, in path order, until every incident is known.
        let mut named: Vec<(usize, &'a str, &'a Remediation)> = Vec::new();
        for (index, file) in repo.files.iter().enumerate() {
            let Some(record) = &file.record else { continue };
            if let Some(id) = record.id() {
                match first.entry(id) {
                    Slot::Vacant(slot) => {
                        slot.insert(index);
                    }
                    Slot::Occupied(slot) => repeated.entry(id).or_insert_with(|| vec![*slot.get()]).push(index),
                }
            }
            match record {
                Record::Incident(incident) => {
                    let Some(id) = incident.id.get() else { continue };
                    position.entry(id.as_str()).or_insert_with(|| {
                        incidents.push(Entry { id, path: &file.path, incident, items: Vec::new(), linked: Vec::new() });
                        incidents.len() - 1
                    });
                }
                Record::Remediation(item) => {
                    if let Some(parent) = item.incident.get() {
                        named.push((index, parent.as_str(), item));
                    }
                }
            }
        }
        let mut orphans = Vec::new();
        for (index, parent, item) in named {
            let path = repo.files[index].path.as_str();
            match position.get(parent) {
                Some(&at) => {
                    let entry = &mut incidents[at];
                    entry.linked.push((index, item));
                    if let Some(id) = item.id.get() {
                        entry.items.push(Item { id, path, item });
                    }
                }
                None => {
                    if let Some(id) = item.id.get() {
                        orphans.push(Item { id, path, item });
                    }
                }
            }
        }
        incidents.sort_by(|a, b| compare_ids(a.id, b.id));
        for (at, entry) in incidents.iter_mut().enumerate() {
            entry.items.sort_by(|a, b| compare_ids(a.id, b.id));
            position.insert(entry.id, at);
        }
        orphans.sort_by(|a, b| compare_ids(a.id, b.id));
        Index { incidents, orphans, repeated, position }
    }

    /// The incident `id` (the first file when the id is duplicated).
    pub(crate) fn incident(&self, id: &str) -> Option<&Entry<'a>> {
        self.position.get(id).map(|&at| &self.incidents[at])
    }

    /// Every id held by more than one file, with those files.
    pub(crate) fn duplicates(&self) -> impl Iterator<Item = (&'a str, &[usize])> {
        self.repeated.iter().map(|(id, files)| (*id, files.as_slice()))
    }

    /// Every item that names incident `id`, those without an id included, in path order.
    pub(crate) fn linked(&self, id: &str) -> &[(usize, &'a Remediation)] {
        self.incident(id).map_or(&[], |entry| entry.linked.as_slice())
    }
}
