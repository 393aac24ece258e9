//! The one grouping of the loaded records by id, built once per run in one pass over
//! [`Repository::files`] and shared by the rules, analysis and the writing commands:
//! the files of each id held by more than one file, every incident with an id (the first file when the id is
//! duplicated, as `check` reports it) with its items, and the items whose incident does
//! not exist. Lookups by id are hash lookups; it borrows the records and copies nothing.

use super::order::{compare_ids, IdKey};
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
    /// Groups the records of `repo`: the ids are split into one shard per core by their
    /// hash, each shard is grouped in one pass over the files (its own ids only), and
    /// the shards are joined and sorted into id order. The result does not depend on
    /// the number of shards: ties in id order keep file order, as one pass would.
    pub(crate) fn build(repo: &'a Repository) -> Self {
        Index::build_sharded(repo, rayon::current_num_threads().clamp(1, 16))
    }

    /// [`Index::build`] with `shards` shards.
    fn build_sharded(repo: &'a Repository, shards: usize) -> Self {
        use rayon::prelude::*;
        let parts: Vec<Shard<'a>> =
            (0..shards).into_par_iter().map(|shard| Shard::build(repo, shard, shards)).collect();
        let (mut incidents, mut orphans, mut repeated) = (Vec::new(), Vec::new(), HashMap::default());
        for part in parts {
            incidents.extend(part.incidents);
            orphans.extend(part.orphans);
            repeated.extend(part.repeated);
        }
        let (incidents, orphans) = rayon::join(
            || {
                // Each id split into chunks once: compare_ids splits both ids per comparison.
                incidents.par_sort_by_cached_key(|(file, entry)| (IdKey::new(entry.id), *file));
                let mut incidents: Vec<Entry<'a>> = incidents.into_iter().map(|(_, entry)| entry).collect();
                incidents.par_iter_mut().for_each(|entry| entry.items.sort_by(|a, b| compare_ids(a.id, b.id)));
                incidents
            },
            || {
                orphans.sort_unstable_by(|(a_file, a): &(usize, Item<'a>), (b_file, b)| {
                    compare_ids(a.id, b.id).then(a_file.cmp(b_file))
                });
                orphans.into_iter().map(|(_, item)| item).collect::<Vec<_>>()
            },
        );
        let mut position: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(incidents.len(), Default::default());
        for (at, entry) in incidents.iter().enumerate() {
            position.insert(entry.id, at);
        }
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

/// The records of one shard of the ids, grouped: its incidents and orphaned items with
/// their file (the index into [`Repository::files`], for ties in id order), and its ids
/// held by more than one file.
struct Shard<'a> {
    incidents: Vec<(usize, Entry<'a>)>,
    orphans: Vec<(usize, Item<'a>)>,
    repeated: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Shard<'a> {
    /// One pass over the files for the ids of shard `shard` of `shards`: the record ids
    /// in it, the incident ids in it, and the items whose incident id is in it (so an
    /// incident and its items always share a shard).
    fn build(repo: &'a Repository, shard: usize, shards: usize) -> Self {
        let mine = |id: &str| shards == 1 || shard_of(id, shards) == shard;
        // The first file of each id; a second one moves the id into `repeated`.
        let mut first: HashMap<&str, usize> =
            HashMap::with_capacity_and_hasher(repo.files.len() / shards + 1, Default::default());
        let mut repeated: HashMap<&str, Vec<usize>> = HashMap::default();
        let mut incidents: Vec<(usize, Entry<'a>)> = Vec::new();
        let mut position: HashMap<&str, usize> = HashMap::default();
        // Items by the incident id they name, in path order, until every incident is known.
        let mut named: Vec<(usize, &'a str, &'a Remediation)> = Vec::new();
        for (index, file) in repo.files.iter().enumerate() {
            let Some(record) = &file.record else { continue };
            if let Some(id) = record.id().filter(|id| mine(id)) {
                match first.entry(id) {
                    Slot::Vacant(slot) => {
                        slot.insert(index);
                    }
                    Slot::Occupied(slot) => repeated.entry(id).or_insert_with(|| vec![*slot.get()]).push(index),
                }
            }
            match record {
                Record::Incident(incident) => {
                    let Some(id) = incident.id.get().filter(|id| mine(id)) else { continue };
                    position.entry(id.as_str()).or_insert_with(|| {
                        let entry = Entry { id, path: &file.path, incident, items: Vec::new(), linked: Vec::new() };
                        incidents.push((index, entry));
                        incidents.len() - 1
                    });
                }
                Record::Remediation(item) => {
                    if let Some(parent) = item.incident.get().filter(|parent| mine(parent)) {
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
                    let entry = &mut incidents[at].1;
                    entry.linked.push((index, item));
                    if let Some(id) = item.id.get() {
                        entry.items.push(Item { id, path, item });
                    }
                }
                None => {
                    if let Some(id) = item.id.get() {
                        orphans.push((index, Item { id, path, item }));
                    }
                }
            }
        }
        Shard { incidents, orphans, repeated }
    }
}

/// The shard of `id`: a hash that is the same in every run and on every core.
fn shard_of(id: &str, shards: usize) -> usize {
    use std::hash::BuildHasher;
    let hash = foldhash::fast::FixedState::with_seed(0).hash_one(id);
    // The high bits: the low bits of a string hash vary less.
    ((hash >> 32) % shards as u64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::record::parse_file;

    /// What an index holds, as text: its incidents with their items and linked items,
    /// its orphans, and its repeated ids with their files.
    fn summary(index: &Index<'_>) -> String {
        let incidents: Vec<String> = index
            .incidents
            .iter()
            .map(|entry| {
                let items: Vec<&str> = entry.items.iter().map(|item| item.path).collect();
                let linked: Vec<usize> = entry.linked.iter().map(|(file, _)| *file).collect();
                format!("{} {} {items:?} {linked:?}", entry.id, entry.path)
            })
            .collect();
        let orphans: Vec<&str> = index.orphans.iter().map(|item| item.path).collect();
        let mut repeated: Vec<(&str, &[usize])> = index.duplicates().collect();
        repeated.sort();
        format!("{incidents:#?}\n{orphans:?}\n{repeated:?}")
    }

    #[test]
    fn every_number_of_shards_groups_the_records_alike() {
        let config = Config::default();
        let mut texts = Vec::new();
        for n in [10, 9, 1, 2, 30, 3, 10, 2] {
            texts.push(format!("---\nkind: incident\nid: INC-{n}\nstatus: open\n---\n"));
            for r in [3, 1, 2, 1] {
                texts.push(format!("---\nkind: remediation\nid: INC-{n}-R{r}\nincident: INC-{n}\n---\n"));
            }
        }
        // Ids that differ in case or leading zeros, an item of no incident, an item
        // without an id, a record without an id.
        texts.push("---\nkind: incident\nid: inc-9\n---\n".to_string());
        texts.push("---\nkind: incident\nid: INC-09\n---\n".to_string());
        texts.push("---\nkind: remediation\nid: INC-77-R1\nincident: INC-77\n---\n".to_string());
        texts.push("---\nkind: remediation\nid: INC-76-R1\nincident: INC-76\n---\n".to_string());
        texts.push("---\nkind: remediation\nincident: INC-3\n---\n".to_string());
        texts.push("---\nkind: incident\ntitle: no id\n---\n".to_string());
        let files = texts
            .iter()
            .enumerate()
            .filter_map(|(at, text)| parse_file(&format!("incidents/{at:03}.md"), text.as_bytes(), &config))
            .collect();
        let repo = Repository { root: std::path::PathBuf::from("/nonexistent"), files };
        let one = summary(&Index::build_sharded(&repo, 1));
        assert!(one.contains("incidents/042.md") && one.contains("INC-10-R3"), "{one}");
        for shards in [2, 3, 7, 16] {
            assert_eq!(summary(&Index::build_sharded(&repo, shards)), one, "{shards} shards");
        }
    }
}
