//! Recurrence after remediation: an incident with a failure mode of class C, opened after
//! an item for an earlier failure mode of class C was validated. Classes are taken per
//! failure mode (SPEC §2): a failure mode's own `class`, else its incident's `classes`;
//! an item belongs to the classes of the failure mode it names. So an incident whose two
//! failure modes sit in different classes recurs only through each mode's own class, and
//! a fix is named only for the class of the failure mode it was made for.
//!
//! The data shows timing, not cause: a recurrence says the later incident was opened N
//! days after the item was validated for the same class, not that the fix failed.
//!
//! An item counts as validated at its `validated_at`; when that is not written and its
//! incident is closed, at the incident's `closed_at` (the item was validated by then).
//! A later incident recurs when it was opened after that moment (bare dates compare by
//! day, so the same day does not count). Later incidents are those of the report's
//! period; earlier ones may be older than the period, since a fix made before the
//! period still failed within it.

use crate::clock::Timestamp;
use crate::record::ItemStatus;
use crate::store::index::Entry;
use crate::store::order::IdKey;
use crate::text::normalize;
use foldhash::HashMap;
use rayon::prelude::*;
use serde::Serialize;

/// How many of the items validated before a recurrence it lists (the most recent ones);
/// `prior_fixes` counts them all. Listing every one made the report quadratic in the
/// size of a class: 10,000 incidents gave a 13 GB report.
pub(crate) const LISTED_FIXES: usize = 5;

/// An incident with a failure mode of a class for which earlier items were validated.
/// Its text is borrowed from the loaded records (`'a`), as in the rest of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Recurrence<'a> {
    pub(crate) class: &'a str,
    /// The later incident's failure modes of this class.
    pub(crate) failure_modes: Vec<&'a str>,
    /// The later incident.
    pub(crate) incident: &'a str,
    pub(crate) title: Option<&'a str>,
    pub(crate) opened: Timestamp,
    /// The most recent fixes of earlier incidents of the class validated before it
    /// (at most [`LISTED_FIXES`]), oldest first.
    pub(crate) after: Vec<PriorFix<'a>>,
    /// How many fixes of earlier incidents of the class were validated before it.
    pub(crate) prior_fixes: usize,
}

/// A validated item of an earlier incident of the same class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct PriorFix<'a> {
    pub(crate) item: &'a str,
    pub(crate) incident: &'a str,
    pub(crate) failure_mode: Option<&'a str>,
    /// When it was validated.
    pub(crate) validated: Timestamp,
    /// Where that moment comes from: `validated_at` or the incident's `closed_at`.
    pub(crate) validated_from: &'static str,
    /// Whole days from the validation to the later incident's `opened`.
    pub(crate) days_before: i64,
}

/// The validated fixes of one class, sorted by validation time, and the few validated
/// before their own incident opened.
#[derive(Debug, Default)]
struct ClassFixes {
    fixes: Vec<Fix>,
    anomalous: Vec<Fix>,
}

/// A validated fix in the per-class index: its incident (index into `history`), its
/// position among that incident's items, when it was validated and from which key.
#[derive(Debug, Clone, Copy)]
struct Fix {
    entry: usize,
    item: usize,
    validated: Timestamp,
    from: &'static str,
}

/// Every recurrence among `period` incidents, with `history` (every incident) as the
/// place to look for earlier fixes. Newest recurrence first.
///
/// Fixes are indexed once per class and sorted by validation time, so each incident
/// needs a binary search and a short walk back: linear in the records, not quadratic.
pub(crate) fn find<'a>(period: &[&Entry<'a>], history: &[Entry<'a>]) -> Vec<Recurrence<'a>> {
    // Each incident's fixes with the classes of the failure modes they name, on every core.
    let fixes_with_classes: Vec<Vec<(Fix, Vec<&'a str>)>> = history
        .par_iter()
        .enumerate()
        .map(|(index, entry)| {
            fixes(index, entry)
                .into_iter()
                .map(|fix| {
                    let mode = entry.items[fix.item].item.failure_mode.get().map(String::as_str).unwrap_or_default();
                    (fix, entry.incident.classes_of_mode_text(mode))
                })
                .collect()
        })
        .collect();
    // Classes numbered by their normalised spelling; each spelling normalised once, not
    // once per fix that carries it.
    let mut number_of: HashMap<&str, usize> = HashMap::default();
    let mut by_class = ByClass::default();
    let mut seen: Vec<usize> = Vec::new();
    for (entry, fixes) in history.iter().zip(&fixes_with_classes) {
        let opened = entry.incident.opened.get();
        for (fix, classes) in fixes {
            seen.clear();
            for class in classes {
                let number = *number_of.entry(class).or_insert_with(|| by_class.number(normalize(class)));
                if seen.contains(&number) {
                    continue;
                }
                seen.push(number);
                let slot = &mut by_class.classes[number];
                slot.fixes.push(*fix);
                // A fix validated before its own incident opened is the only kind that can
                // be "before" a later incident without belonging to an earlier one.
                if opened.is_none_or(|at| !at.is_before(&fix.validated)) {
                    slot.anomalous.push(*fix);
                }
            }
        }
    }
    // In validation order, ties by item id (each id split into chunks once, on every
    // core).
    for class in &mut by_class.classes {
        class.fixes.par_sort_by_cached_key(|fix| (fix.validated.date(), IdKey::new(item_id(history, fix))));
    }
    // Each incident of the period is looked up on its own: in parallel, in order. Then
    // newest first, ties by id, descending: `period` is in id order, so an incident's
    // place in it stands for its id (its recurrences keep the order they were found in).
    let mut found: Vec<(usize, Recurrence<'a>)> = period
        .par_iter()
        .enumerate()
        .flat_map_iter(|(place, later)| {
            recurrences_of(later, &by_class, history).into_iter().map(move |recurrence| (place, recurrence))
        })
        .collect();
    found.sort_by_key(|(place, recurrence)| std::cmp::Reverse((recurrence.opened.date(), *place)));
    found.into_iter().map(|(_, recurrence)| recurrence).collect()
}

/// The validated fixes of each class, the classes numbered by normalised spelling.
#[derive(Default)]
struct ByClass {
    number: HashMap<String, usize>,
    classes: Vec<ClassFixes>,
}

impl ByClass {
    /// The number of the class normalised as `key`, a new one when it has none yet.
    fn number(&mut self, key: String) -> usize {
        let next = self.classes.len();
        let number = *self.number.entry(key).or_insert(next);
        if number == next {
            self.classes.push(ClassFixes::default());
        }
        number
    }

    fn get(&self, key: &str) -> Option<&ClassFixes> {
        self.number.get(key).map(|number| &self.classes[*number])
    }
}

fn recurrences_of<'a>(later: &Entry<'a>, by_class: &ByClass, history: &[Entry<'a>]) -> Vec<Recurrence<'a>> {
    let mut found = Vec::new();
    let Some(opened) = later.incident.opened.get() else { return found };
    for ClassModes { class, key, modes: failure_modes } in classes_with_modes(later.incident) {
        let Some(ClassFixes { fixes, anomalous }) = by_class.get(&key) else { continue };
        // Fixes validated before the incident opened: every fix of an earlier day, and
        // those of the same day that are earlier (bare dates compare by day).
        let day = opened.date();
        let lo = fixes.partition_point(|fix| fix.validated.date() < day);
        let hi = fixes.partition_point(|fix| fix.validated.date() <= day);
        let counts = |fix: &&Fix| {
            let earlier = &history[fix.entry];
            fix.validated.is_before(opened)
                && earlier.id != later.id
                && earlier.incident.opened.get().is_some_and(|at| at.is_before(opened))
        };
        let before = lo + fixes[lo..hi].iter().filter(|fix| fix.validated.is_before(opened)).count();
        let excluded = anomalous.iter().filter(|fix| fix.validated.is_before(opened) && !counts(fix)).count();
        let prior_fixes = before - excluded.min(before);
        if prior_fixes == 0 {
            continue;
        }
        let mut after: Vec<PriorFix<'a>> = fixes[..hi]
            .iter()
            .rev()
            .filter(counts)
            .take(LISTED_FIXES)
            .map(|fix| prior_fix(history, fix, opened))
            .collect();
        after.reverse();
        found.push(Recurrence {
            class: class.trim(),
            failure_modes,
            incident: later.id,
            title: later.incident.title.get().map(String::as_str),
            opened: *opened,
            after,
            prior_fixes,
        });
    }
    found
}

fn item_id<'a>(history: &'a [Entry<'_>], fix: &Fix) -> &'a str {
    history[fix.entry].items[fix.item].id
}

/// One class of an incident's failure modes: as first spelled, normalised (the key of
/// the per-class index), and the failure modes of that class.
struct ClassModes<'a> {
    class: &'a str,
    key: String,
    modes: Vec<&'a str>,
}

/// The classes of an incident's failure modes, each with the failure modes of that class
/// (first spelling of a class kept); an incident without failure modes has its `classes`
/// with no mode.
fn classes_with_modes<'a>(incident: &'a crate::record::Incident) -> Vec<ClassModes<'a>> {
    let mut out: Vec<ClassModes<'a>> = Vec::new();
    let mut add = |class: &'a str, mode: Option<&'a str>| {
        let key = normalize(class);
        let index = match out.iter().position(|known| known.key == key) {
            Some(index) => index,
            None => {
                out.push(ClassModes { class, key, modes: Vec::new() });
                out.len() - 1
            }
        };
        out[index].modes.extend(mode);
    };
    let modes = incident.failure_modes();
    for (index, mode) in modes.iter().enumerate() {
        for class in incident.classes_of_mode(index) {
            add(class, Some(&mode.value));
        }
    }
    if modes.is_empty() {
        for class in incident.classes() {
            add(&class.value, None);
        }
    }
    out
}

fn prior_fix<'a>(history: &[Entry<'a>], fix: &Fix, opened: &Timestamp) -> PriorFix<'a> {
    let entry = &history[fix.entry];
    let item = &entry.items[fix.item];
    PriorFix {
        item: item.id,
        incident: entry.id,
        failure_mode: item.item.failure_mode.get().map(String::as_str),
        validated: fix.validated,
        validated_from: fix.from,
        days_before: (opened.date() - fix.validated.date()).num_days(),
    }
}

/// The validated items of an incident with the moment each was validated.
fn fixes(index: usize, entry: &Entry<'_>) -> Vec<Fix> {
    let closed_at = entry.incident.closed_at.get().copied();
    entry
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.item.status.value == Some(ItemStatus::Validated))
        .filter_map(|(position, item)| {
            let (validated, from) = match item.item.validated_at.get() {
                Some(at) => (*at, "validated_at"),
                None => (closed_at?, "closed_at"),
            };
            Some(Fix { entry: index, item: position, validated, from })
        })
        .collect()
}
