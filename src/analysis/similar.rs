//! Near-duplicate failure modes without a shared class: two failure modes of different
//! incidents whose texts say nearly the same thing, so an unlabelled repeat surfaces.
//!
//! Texts are compared as sets of words: lower-cased, split at anything that is not a
//! letter or digit, stop words left out, and a crude stem taken (`-ies` → `-y`, else one
//! of `-ing`, `-ed`, `-s` cut, then a final `-e`, each only while three letters remain:
//! `caches`, `cache` and `cached` all read `cach`). Two failure modes are
//! similar when the Jaccard overlap of their word sets (shared words over all words) is
//! at least [`THRESHOLD_PERCENT`] % and each has at least [`MIN_WORDS`] words. Pairs that
//! share a class (taken per failure mode, SPEC §2) are left out: the class already says
//! they repeat.
//!
//! Deterministic and without comparing every pair: identical word sets are grouped, and
//! [`super::similar_sets`] finds the similar ones among the distinct sets through their
//! rarest words (two sets that reach the threshold share two of the rarest words of
//! each), setting aside most candidates by size and a 64-bit word signature before a
//! word-by-word comparison.

use crate::store::index::Entry;
use crate::text::normalize;
use foldhash::HashMap;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// The smallest Jaccard overlap, in percent, at which two failure modes are similar.
pub(crate) const THRESHOLD_PERCENT: usize = 60;
/// Failure modes with fewer words are not compared.
pub(crate) const MIN_WORDS: usize = 2;
/// How many pairs the report lists (the newest); `total` counts them all.
pub(crate) const LISTED_PAIRS: usize = 50;
/// How many earlier occurrences of one word set are looked at for a failure mode.
const WALK: usize = 64;

/// The stop words, left out of word sets, by length: a word is compared only with those
/// of its own length.
const STOP_WORDS_BY_LENGTH: [&[&str]; 8] = [
    &[],
    &["a"],
    &["an", "as", "at", "be", "by", "in", "is", "it", "of", "on", "or", "so", "to"],
    &["and", "are", "for", "its", "the", "was"],
    &["from", "into", "that", "this", "were", "when", "with"],
    &["their"],
    &[],
    &["without"],
];

/// A failure mode of the period that looks like an earlier one of another incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SimilarPair {
    pub(crate) incident: String,
    pub(crate) failure_mode: String,
    pub(crate) earlier_incident: String,
    pub(crate) earlier_failure_mode: String,
    /// The Jaccard overlap of their words, in percent (rounded down).
    pub(crate) overlap_percent: usize,
}

/// The pairs found: the newest [`LISTED_PAIRS`], and how many there are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SimilarModes {
    pub(crate) threshold_percent: usize,
    pub(crate) total: usize,
    pub(crate) pairs: Vec<SimilarPair>,
}

/// The normalised word set of a text, sorted.
pub(crate) fn words(text: &str) -> Vec<String> {
    let (key, _) = word_key(text, &mut Scratch::default());
    key.split(' ').filter(|word| !word.is_empty()).map(str::to_string).collect()
}

/// The buffers [`word_key`] reuses from one text to the next.
#[derive(Default)]
struct Scratch {
    /// The stems of a text, one after another.
    stems: String,
    /// Each stem's first eight bytes as a number (big-endian, zero-padded: ordered as
    /// the bytes are), and where it starts and ends in `stems`.
    spans: Vec<(u64, usize, usize)>,
}

/// The normalised word set of `text` ([`words`]) as one string, the words sorted and
/// joined by single spaces (a word holds no space, so two texts have the same word set
/// exactly when their keys are equal), and how many words it holds. Each word is
/// lower-cased and stemmed in one buffer: a text allocates its key and nothing else.
fn word_key(text: &str, scratch: &mut Scratch) -> (String, usize) {
    let Scratch { stems, spans } = scratch;
    stems.clear();
    spans.clear();
    let mut add = |word: &str| {
        let start = stems.len();
        if word.is_ascii() {
            // Lower-cased without the Unicode tables.
            stems.push_str(word);
            stems[start..].make_ascii_lowercase();
        } else {
            stems.push_str(&word.to_lowercase());
        }
        if is_stop_word(&stems[start..]) {
            stems.truncate(start);
            return;
        }
        let (kept, y) = stem(&stems[start..]);
        stems.truncate(start + kept);
        if y {
            stems.push('y');
        }
        let bytes = &stems.as_bytes()[start..];
        let mut head = [0u8; 8];
        let length = bytes.len().min(8);
        head[..length].copy_from_slice(&bytes[..length]);
        spans.push((u64::from_be_bytes(head), start, stems.len()));
    };
    if text.is_ascii() {
        // The same words, split at bytes without decoding characters: in ASCII text a
        // letter or digit is an ASCII one, and every byte starts a character.
        let mut start = None;
        for (at, byte) in text.bytes().enumerate() {
            match (byte.is_ascii_alphanumeric(), start) {
                (true, None) => start = Some(at),
                (false, Some(from)) => {
                    add(&text[from..at]);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(from) = start {
            add(&text[from..]);
        }
    } else {
        text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).for_each(add);
    }
    let stems = stems.as_str();
    let word = |&(_, start, end): &(u64, usize, usize)| &stems[start..end];
    // Sorted by their first eight bytes first: most pairs of words differ there, and two
    // numbers compare cheaper than two strings.
    spans.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| word(a).cmp(word(b))));
    spans.dedup_by(|a, b| word(a) == word(b));
    let mut key = String::with_capacity(stems.len() + spans.len());
    for (at, span) in spans.iter().enumerate() {
        if at > 0 {
            key.push(' ');
        }
        key.push_str(word(span));
    }
    (key, spans.len())
}

/// Whether a lower-cased word is one of the stop words ([`STOP_WORDS_BY_LENGTH`]).
fn is_stop_word(word: &str) -> bool {
    STOP_WORDS_BY_LENGTH.get(word.len()).is_some_and(|list| list.contains(&word))
}

/// The stem of a lower-cased word: how many of its bytes it keeps, and whether a `y`
/// follows them (`-ies` → `-y`; else one of `-ing`, `-ed`, `-s` cut, then a final `-e`,
/// each only while three letters remain).
fn stem(word: &str) -> (usize, bool) {
    // Three characters or more, without counting past the third.
    let long = |base: &&str| base.chars().nth(2).is_some();
    if let Some(base) = word.strip_suffix("ies").filter(long) {
        return (base.len(), true);
    }
    let base = ["ing", "ed", "s"].iter().find_map(|suffix| word.strip_suffix(suffix).filter(long)).unwrap_or(word);
    (base.strip_suffix('e').filter(long).unwrap_or(base).len(), false)
}

/// The overlap of two sorted word sets in percent, when they are similar.
pub(crate) fn similarity<T: Ord>(a: &[T], b: &[T]) -> Option<usize> {
    if a.len() < MIN_WORDS || b.len() < MIN_WORDS {
        return None;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    (shared * 100 >= THRESHOLD_PERCENT * union).then(|| shared * 100 / union)
}

/// One failure mode in the index: its incident (index into `history`), its position,
/// and its incident's `opened` day.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    entry: usize,
    mode: usize,
    day: Option<chrono::NaiveDate>,
}

impl Occurrence {
    fn key(&self) -> (Option<chrono::NaiveDate>, usize, usize) {
        (self.day, self.entry, self.mode)
    }
}

/// Every failure mode of `period` with the most recent earlier failure mode (opened
/// before it, of another incident, without a shared class) among `history` that is
/// similar to it. Newest first.
pub(crate) fn find(period: &[&Entry<'_>], history: &[Entry<'_>]) -> SimilarModes {
    let modes = Modes::of(history);
    // Each distinct text's word set, on every core (most of this function's work); the
    // sets are numbered in order of first use.
    let keys: Vec<(String, usize)> =
        modes.texts.par_iter().map_init(Scratch::default, |scratch, text| word_key(text, scratch)).collect();
    let mut sets: Vec<&str> = Vec::new();
    let mut set_of: HashMap<&str, usize> = HashMap::default();
    let text_set: Vec<Option<usize>> = keys
        .iter()
        .map(|(key, words)| {
            (*words >= MIN_WORDS).then(|| {
                *set_of.entry(key).or_insert_with(|| {
                    sets.push(key);
                    sets.len() - 1
                })
            })
        })
        .collect();
    let mode_set = |entry: usize, mode: usize| text_set[modes.text[modes.number(entry, mode)]];
    let mut occurrences: Vec<Vec<Occurrence>> = vec![Vec::new(); sets.len()];
    for (entry_index, entry) in history.iter().enumerate() {
        let day = entry.opened();
        for mode_index in 0..modes.count(entry_index) {
            if let Some(id) = mode_set(entry_index, mode_index) {
                occurrences[id].push(Occurrence { entry: entry_index, mode: mode_index, day });
            }
        }
    }
    for list in &mut occurrences {
        list.sort_by_key(Occurrence::key);
    }
    let mode_classes = |entry: usize, mode: usize| modes.classes_of(modes.number(entry, mode));
    let similar_sets = super::similar_sets::similar_sets(&interned(&sets));
    let position: HashMap<&str, usize> = history.iter().enumerate().map(|(i, e)| (e.id, i)).rev().collect();
    // (later incident, its failure mode, the earlier one, overlap), materialised at the end.
    // Each incident of the period is looked up on its own: in parallel, in order.
    let mut found: Vec<(Occurrence, Occurrence, usize)> = period
        .par_iter()
        .flat_map_iter(|later| {
            let mut pairs = Vec::new();
            let (Some(&entry_index), Some(day)) = (position.get(later.id), later.opened()) else { return pairs };
            for mode_index in 0..modes.count(entry_index) {
                let Some(set) = mode_set(entry_index, mode_index) else { continue };
                let classes = mode_classes(entry_index, mode_index);
                let mut best: Option<(Occurrence, usize)> = None;
                for &(other, percent) in &similar_sets[set] {
                    let list = &occurrences[other];
                    let before = list.partition_point(|o| o.day.is_some_and(|at| at < day));
                    let earlier = list[..before].iter().rev().take(WALK).find(|o| {
                        o.entry != entry_index && !mode_classes(o.entry, o.mode).iter().any(|c| classes.contains(c))
                    });
                    if let Some(o) = earlier {
                        if best.is_none_or(|(b, _)| o.key() > b.key()) {
                            best = Some((*o, percent));
                        }
                    }
                }
                if let Some((earlier, percent)) = best {
                    pairs.push((Occurrence { entry: entry_index, mode: mode_index, day: Some(day) }, earlier, percent));
                }
            }
            pairs
        })
        .collect();
    // Newest first, then by id, descending: `history` holds each id once (the index keeps
    // the first file of a duplicated one), in id order, so an incident's place in it
    // stands for its id.
    found.sort_by_key(|(later, _, _)| std::cmp::Reverse((later.day, later.entry)));
    let text = |o: &Occurrence| history[o.entry].incident.failure_modes()[o.mode].value.clone();
    SimilarModes {
        threshold_percent: THRESHOLD_PERCENT,
        total: found.len(),
        pairs: found
            .iter()
            .take(LISTED_PAIRS)
            .map(|(later, earlier, percent)| SimilarPair {
                incident: history[later.entry].id.to_string(),
                failure_mode: text(later),
                earlier_incident: history[earlier.entry].id.to_string(),
                earlier_failure_mode: text(earlier),
                overlap_percent: *percent,
            })
            .collect(),
    }
}

/// The failure modes of a history as [`find`] compares them, numbered in order (an
/// incident's modes in a row): each mode's text as a number (identical texts share one,
/// so each distinct text is split into words once) and its classes, normalised and
/// numbered, so a mode allocates nothing of its own.
struct Modes<'a> {
    /// Where each incident's modes start, and the end of the last.
    first: Vec<usize>,
    /// Each mode's text, by number.
    text: Vec<usize>,
    /// The distinct texts, by number.
    texts: Vec<&'a str>,
    /// Where each mode's classes start in `classes`, and the end of the last.
    class_start: Vec<usize>,
    /// The modes' normalised classes, by number, one run per mode.
    classes: Vec<usize>,
}

impl<'a> Modes<'a> {
    fn of(history: &[Entry<'a>]) -> Self {
        let mut modes =
            Modes { first: vec![0], text: Vec::new(), texts: Vec::new(), class_start: vec![0], classes: Vec::new() };
        let mut text_of: HashMap<&str, usize> = HashMap::default();
        // A class as written, and normalised: both numbered.
        let mut class_of: HashMap<&str, usize> = HashMap::default();
        let mut normalised: HashMap<String, usize> = HashMap::default();
        for entry in history {
            let failure_modes = entry.incident.failure_modes();
            for (index, mode) in failure_modes.iter().enumerate() {
                let next = modes.texts.len();
                let text = *text_of.entry(mode.value.as_str()).or_insert_with(|| {
                    modes.texts.push(mode.value.as_str());
                    next
                });
                modes.text.push(text);
                for class in entry.incident.each_class_of_mode(index) {
                    let number = *class_of.entry(class).or_insert_with(|| {
                        let next = normalised.len();
                        *normalised.entry(normalize(class)).or_insert(next)
                    });
                    modes.classes.push(number);
                }
                modes.class_start.push(modes.classes.len());
            }
            modes.first.push(modes.text.len());
        }
        modes
    }

    /// How many failure modes the incident at `entry` has.
    fn count(&self, entry: usize) -> usize {
        self.first[entry + 1] - self.first[entry]
    }

    /// The number of the incident at `entry`'s failure mode at `mode`.
    fn number(&self, entry: usize, mode: usize) -> usize {
        self.first[entry] + mode
    }

    /// The classes of the mode numbered `mode`.
    fn classes_of(&self, mode: usize) -> &[usize] {
        &self.classes[self.class_start[mode]..self.class_start[mode + 1]]
    }
}

/// Word sets (keys of [`word_key`]) with each word numbered, in order of first use; each
/// set's numbers ascending.
fn interned(sets: &[&str]) -> Vec<Vec<usize>> {
    let mut number: HashMap<&str, usize> = HashMap::default();
    sets.iter()
        .map(|set| {
            let mut words: Vec<usize> = set
                .split(' ')
                .filter(|word| !word.is_empty())
                .map(|word| {
                    let next = number.len();
                    *number.entry(word).or_insert(next)
                })
                .collect();
            words.sort_unstable();
            words
        })
        .collect()
}

/// The failure modes of other incidents in `history` most similar to `text` (best
/// first, then newest; at most three), leaving out those sharing one of `classes`.
pub(crate) fn closest<'h>(
    text: &str,
    own: &str,
    classes: &[&str],
    history: &'h [Entry<'_>],
) -> Vec<(&'h str, String, usize)> {
    let wanted = words(text);
    let classes: Vec<String> = classes.iter().map(|c| normalize(c)).collect();
    let mut found: Vec<(usize, Option<chrono::NaiveDate>, &'h str, String)> = Vec::new();
    for entry in history.iter().filter(|entry| entry.id != own) {
        for (index, mode) in entry.incident.failure_modes().iter().enumerate() {
            let Some(percent) = similarity(&wanted, &words(&mode.value)) else { continue };
            if entry.incident.classes_of_mode(index).iter().any(|c| classes.contains(&normalize(c))) {
                continue;
            }
            found.push((percent, entry.opened(), entry.id, mode.value.clone()));
        }
    }
    found.sort_by(|a, b| {
        b.0.cmp(&a.0).then_with(|| b.1.cmp(&a.1)).then_with(|| crate::store::order::compare_ids(b.2, a.2))
    });
    found.into_iter().take(3).map(|(percent, _, id, mode)| (id, mode, percent)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stop words as docs/classes.md lists them.
    const STOP_WORDS: &[&str] = &[
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its", "of", "on",
        "or", "so", "that", "the", "their", "this", "to", "was", "were", "when", "with", "without",
    ];

    #[test]
    fn stop_words_are_listed_by_their_length_once() {
        let mut listed: Vec<&str> = Vec::new();
        for (length, list) in STOP_WORDS_BY_LENGTH.iter().enumerate() {
            assert!(list.iter().all(|word| word.len() == length), "{list:?}");
            listed.extend(*list);
        }
        listed.sort_unstable();
        assert_eq!(listed, STOP_WORDS);
    }

    #[test]
    fn is_stop_word_matches_the_list() {
        assert!(STOP_WORDS.iter().all(|word| is_stop_word(word)));
        let near = ["", "aa", "the ", "them", "i", "wit", "withou", "withouts", "ths", "Th", "and\u{301}"];
        assert!(near.iter().all(|word| !is_stop_word(word)), "{near:?}");
        // Every word of up to three letters: a stop word exactly when listed.
        let letters = b"abcdefghijklmnopqrstuvwxyz";
        for a in letters {
            for b in letters {
                for word in [
                    vec![*a],
                    vec![*a, *b],
                    vec![*a, *b, b'e'],
                    vec![*a, *b, b'r'],
                    vec![*a, *b, b's'],
                    vec![*a, *b, b'd'],
                ] {
                    let word = String::from_utf8(word).unwrap_or_default();
                    assert_eq!(is_stop_word(&word), STOP_WORDS.contains(&word.as_str()), "{word}");
                }
            }
        }
    }

    #[test]
    fn words_are_stemmed_lowercase_without_stop_words() {
        assert_eq!(words("Price cache keys are not versioned"), ["cach", "key", "not", "pric", "version"]);
        assert_eq!(words("the retries of queries"), ["query", "retry"]);
        assert_eq!(words("caches cached cache"), ["cach"]);
        // As lower-casing each word with the Unicode tables and a linear stop-word search.
        let reference = |text: &str| {
            let mut out: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|word| !word.is_empty())
                .map(str::to_lowercase)
                .filter(|word| !STOP_WORDS.contains(&word.as_str()))
                .map(|word| {
                    let (kept, y) = stem(&word);
                    format!("{}{}", &word[..kept], if y { "y" } else { "" })
                })
                .collect();
            out.sort();
            out.dedup();
            out
        };
        for text in [
            "THE Cache AND the DB",
            "\u{dc}berlastung der Caché-Schicht",
            "ΣΊΣΥΦΟΣ rolls WITHOUT end",
            "İstanbul ıi",
            "",
            // ASCII: words at either end, runs of separators, one-letter words.
            "  --cache__key-- retries",
            "pool-exhausted,under:load/again",
            "x y z",
            "...",
            "trailing word",
        ] {
            assert_eq!(words(text), reference(text), "{text}");
        }
    }

    #[test]
    fn similarity_needs_the_threshold() {
        let a = words("price cache keys are not versioned after deploy");
        let b = words("price cache key not versioned during deploys");
        assert!(similarity(&a, &b).is_some());
        assert_eq!(similarity(&a, &words("disk full on the database host")), None);
        assert_eq!(similarity(&words("disk"), &words("disk")), None);
    }

    #[test]
    fn the_word_sets_of_real_texts_pair_as_a_full_comparison_pairs_them() {
        let texts = [
            "price cache keys are not versioned",
            "price cache keys not versioned after deploy",
            "cache keys not versioned",
            "disk full on db host",
            "db host disk full",
            "pool exhausted under load",
            "connection pool exhausted under burst load",
        ];
        let sets: Vec<Vec<String>> = texts.iter().map(|t| words(t)).collect();
        let keys: Vec<String> = sets.iter().map(|set| set.join(" ")).collect();
        let fast =
            super::super::similar_sets::similar_sets(&interned(&keys.iter().map(String::as_str).collect::<Vec<_>>()));
        for (i, a) in sets.iter().enumerate() {
            let slow: Vec<(usize, usize)> =
                sets.iter().enumerate().filter_map(|(j, b)| similarity(a, b).map(|p| (j, p))).collect();
            assert_eq!(fast[i], slow, "{}", texts[i]);
        }
    }
}
