//! The search behind similar failure modes ([`super::similar`]): among distinct word
//! sets (each word a number), every pair whose Jaccard overlap reaches
//! [`THRESHOLD_PERCENT`], without comparing every pair and without a quadratic walk when
//! the sets are drawn from a small vocabulary.
//!
//! Two sets `a` and `b` that reach the threshold `t` share at least `⌈t·|a|⌉` words
//! (`|a ∩ b| ≥ t·|a ∪ b| ≥ t·|a|`). With each set's words in one global order, rarest
//! first:
//!
//! - they share a word among the first `|a| − ⌈t·|a|⌉ + 1` of each (the prefix filter);
//! - and, as they share at least two words, the first two words they share are both among
//!   the first `|a| − ⌈t·|a|⌉ + 2` of each: they share a *pair* of words there.
//!
//! A set of up to [`PAIRED_UP_TO`] words is indexed by the pairs of its longer prefix:
//! sets meet only when they share two rare words, so a vocabulary of a few dozen words
//! (where every word is in thousands of sets) still gives short lists. A longer set would
//! have too many pairs (they grow with the square of its size); it is indexed by the words
//! of its prefix, and looks for its partners, short or long, through those words.
//! Either way a candidate whose size or word signature ([`Shape`]) cannot reach the
//! threshold is set aside before the two sets are compared word by word.

use super::similar::{similarity, THRESHOLD_PERCENT};
use rayon::prelude::*;

/// The longest set indexed by pairs of words: 45 pairs at 20 words (a prefix of 10).
const PAIRED_UP_TO: usize = 20;

/// For each distinct word set (of numbered words, ascending), the sets similar to it
/// (itself included) with their overlap, in set order.
pub(super) fn similar_sets(sets: &[Vec<usize>]) -> Vec<Vec<(usize, usize)>> {
    let words = sets.iter().flatten().max().map_or(0, |last| last + 1);
    let mut frequency: Vec<usize> = vec![0; words];
    for word in sets.iter().flatten() {
        frequency[*word] += 1;
    }
    // Each set's words are taken rarest first (ties by number): the global order of the
    // filters. Any one order finds every pair; this one keeps the lists of candidates
    // short.
    let rarest_first = |list: &mut [usize]| list.sort_unstable_by_key(|word| (frequency[*word], *word));
    let shapes: Vec<Shape> = sets.iter().map(|set| Shape::of(set)).collect();
    // A posting packs two word numbers and a set number into 32 bits each; a record set
    // with more distinct words or sets than that (never seen: each is a failure mode
    // read into memory) has all its sets searched the way long ones are.
    let packable = u32::try_from(words).is_ok() && u32::try_from(sets.len()).is_ok();
    let paired_up_to = if packable { PAIRED_UP_TO } else { 0 };
    let mut found = paired(sets, paired_up_to, &rarest_first, &shapes);
    found.extend(long(sets, paired_up_to, &rarest_first, &shapes));
    // A pair of short sets that share several pairs of words is found once per pair.
    found.par_sort_unstable();
    found.dedup();
    // Each set with itself, and each pair on both sides, in set order.
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); sets.len()];
    for (id, set) in sets.iter().enumerate() {
        if let Some(percent) = similarity(set, set) {
            out[id].push((id, percent));
        }
    }
    for &(one, other, percent) in &found {
        out[one].push((other, percent));
        out[other].push((one, percent));
    }
    out.par_iter_mut().for_each(|list| list.sort_unstable());
    out
}

/// How many of a set's first words (rarest first) hold the first `shared` words it
/// shares with any set it reaches the threshold with: it shares at least `⌈t·size⌉` of
/// its `size` words, so at most `size − ⌈t·size⌉` of them are not shared, and those are
/// all that can come before the first `shared` shared ones. One for the prefix filter,
/// two for pairs of words.
fn prefix_length(size: usize, shared: usize) -> usize {
    (size + shared).saturating_sub((THRESHOLD_PERCENT * size).div_ceil(100)).min(size)
}

/// The similar pairs (lower set, higher set, overlap) among the sets of at most
/// `up_to` words, found through the pairs of words of their prefixes: every posting (a
/// pair of words and a set, packed in a `u128` so that sorting compares numbers) sorted,
/// each run of one pair compared within itself, on every core.
fn paired(
    sets: &[Vec<usize>],
    up_to: usize,
    rarest_first: &(dyn Fn(&mut [usize]) + Sync),
    shapes: &[Shape],
) -> Vec<(usize, usize, usize)> {
    const CHUNK: usize = 1024;
    let mut postings: Vec<u128> = sets
        .par_chunks(CHUNK)
        .enumerate()
        .flat_map_iter(|(chunk, part)| {
            let mut postings = Vec::new();
            let mut list = Vec::new();
            for (offset, set) in part.iter().enumerate().filter(|(_, set)| set.len() <= up_to) {
                list.clear();
                list.extend_from_slice(set);
                rarest_first(&mut list);
                let prefix = &list[..prefix_length(list.len(), 2)];
                let id = (chunk * CHUNK + offset) as u128;
                for (at, &first) in prefix.iter().enumerate() {
                    for &second in &prefix[at + 1..] {
                        let (low, high) = (first.min(second) as u128, first.max(second) as u128);
                        postings.push(low << 64 | high << 32 | id);
                    }
                }
            }
            postings
        })
        .collect();
    postings.par_sort_unstable();
    let set_of = |posting: u128| (posting & u128::from(u32::MAX)) as usize;
    let mut runs: Vec<&[u128]> = postings.chunk_by(|a, b| a >> 32 == b >> 32).filter(|run| run.len() > 1).collect();
    // The longest runs first, so that no core is left with one long run at the end.
    runs.par_sort_by_key(|run| std::cmp::Reverse(run.len()));
    runs.par_iter()
        .flat_map_iter(|run| {
            let mut similar = Vec::new();
            // The run's shapes side by side: the loop below reads nothing else for most
            // of the pairs it looks at.
            let run_shapes: Vec<Shape> = run.iter().map(|&posting| shapes[set_of(posting)]).collect();
            for (at, (&posting, shape)) in run.iter().zip(&run_shapes).enumerate() {
                let one = set_of(posting);
                for (&other, other_shape) in run[at + 1..].iter().zip(&run_shapes[at + 1..]) {
                    if shape.can_reach(other_shape) {
                        let other = set_of(other);
                        if let Some(percent) = similarity(&sets[one], &sets[other]) {
                            similar.push((one, other, percent));
                        }
                    }
                }
            }
            similar
        })
        .collect()
}

/// The similar pairs (lower set, higher set, overlap) that have a set of more than
/// `short` words, found through the prefix filter: every set is indexed by the words of
/// its prefix, and each long set looks through its own prefix's words at the short sets
/// and the long sets after it, each candidate once.
fn long(
    sets: &[Vec<usize>],
    short: usize,
    rarest_first: &(dyn Fn(&mut [usize]) + Sync),
    shapes: &[Shape],
) -> Vec<(usize, usize, usize)> {
    if sets.iter().all(|set| set.len() <= short) {
        return Vec::new();
    }
    let ordered: Vec<Vec<usize>> = sets
        .par_iter()
        .map(|set| {
            let mut list = set.clone();
            rarest_first(&mut list);
            list
        })
        .collect();
    let words = ordered.iter().flatten().max().map_or(0, |last| last + 1);
    let mut index: Vec<Vec<usize>> = vec![Vec::new(); words];
    for (id, list) in ordered.iter().enumerate() {
        for word in &list[..prefix_length(list.len(), 1)] {
            index[*word].push(id);
        }
    }
    let is_long = |id: usize| sets[id].len() > short;
    ordered
        .par_iter()
        .enumerate()
        .filter(|(id, _)| is_long(*id))
        .map_init(
            || vec![usize::MAX; sets.len()],
            |seen, (id, list)| {
                let mut similar = Vec::new();
                for word in &list[..prefix_length(list.len(), 1)] {
                    for &other in &index[*word] {
                        if other == id || (is_long(other) && other < id) || seen[other] == id {
                            continue;
                        }
                        seen[other] = id;
                        if shapes[id].can_reach(&shapes[other]) {
                            if let Some(percent) = similarity(&sets[id], &sets[other]) {
                                similar.push((id.min(other), id.max(other), percent));
                            }
                        }
                    }
                }
                similar
            },
        )
        .flatten()
        .collect()
}

/// What [`similar_sets`] knows of a word set before comparing it word by word: its size
/// and a signature, one bit set per word (the word's number hashed to one of 64), so
/// most candidates that share a rare word and little else are set aside with a few
/// instructions instead of a walk through both sets.
#[derive(Debug, Clone, Copy)]
struct Shape {
    signature: u64,
    size: usize,
}

impl Shape {
    fn of(set: &[usize]) -> Shape {
        let bit = |word: usize| (word as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58;
        Shape { signature: set.iter().fold(0, |bits, &word| bits | 1 << bit(word)), size: set.len() }
    }

    /// How many of its words share a bit with another of its words.
    fn collided(&self) -> usize {
        self.size - self.signature.count_ones() as usize
    }

    /// Whether two sets of these shapes can have a Jaccard overlap of at least
    /// [`THRESHOLD_PERCENT`]: their sizes can (|b| ≥ t·|a| and |a| ≥ t·|b|), and so can
    /// the most words they may share. Each shared word sets a bit in both signatures, and
    /// the shared words are words of either set, so they are at most the common bits plus
    /// the fewer words of either set that share a bit with another of their own.
    /// |a ∩ b| / |a ∪ b| ≥ t is |a ∩ b| · (1 + t) ≥ t · (|a| + |b|).
    fn can_reach(&self, other: &Shape) -> bool {
        let (a, b) = (self.size, other.size);
        let shared_at_most =
            (self.signature & other.signature).count_ones() as usize + self.collided().min(other.collided());
        b * 100 >= THRESHOLD_PERCENT * a
            && a * 100 >= THRESHOLD_PERCENT * b
            && shared_at_most * (100 + THRESHOLD_PERCENT) >= THRESHOLD_PERCENT * (a + b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full_comparison(sets: &[Vec<usize>]) -> Vec<Vec<(usize, usize)>> {
        sets.iter()
            .map(|a| sets.iter().enumerate().filter_map(|(j, b)| similarity(a, b).map(|p| (j, p))).collect())
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn the_filters_find_what_a_full_comparison_finds_on_any_sets(
            raw in proptest::prop_oneof![
                proptest::collection::vec(proptest::collection::btree_set(0usize..12, 2..8), 1..60),
                proptest::collection::vec(proptest::collection::btree_set(0usize..40, 2..16), 1..80),
                // Long sets (past PAIRED_UP_TO) among short ones, from a small vocabulary.
                proptest::collection::vec(proptest::collection::btree_set(0usize..48, 2..40), 1..60),
                // A vocabulary wider than the 64 bits of a signature.
                proptest::collection::vec(proptest::collection::btree_set(0usize..400, 2..30), 1..60),
            ]
        ) {
            let sets: Vec<Vec<usize>> = raw.into_iter().map(|set| set.into_iter().collect()).collect();
            proptest::prop_assert_eq!(similar_sets(&sets), full_comparison(&sets));
        }
    }

    #[test]
    fn near_copies_among_long_and_short_sets_are_found_whatever_their_size() {
        // Sets of 2 to 60 words, each with near copies of its own size and of sizes that
        // just reach (or just miss) the threshold: the paired index, the long index and
        // the pairs that cross from one to the other.
        let mut sets: Vec<Vec<usize>> = Vec::new();
        for size in [2, 3, 4, 5, 10, 19, 20, 21, 22, 30, 35, 60] {
            let base: Vec<usize> = (size * 100..size * 100 + size).collect();
            sets.push(base.clone());
            for dropped in [1, size / 3, size / 2] {
                sets.push(base[dropped.min(size - 2)..].to_vec());
            }
            let mut extended = base.clone();
            extended.extend(9000 + size * 10..9000 + size * 10 + size / 2);
            sets.push(extended);
        }
        let expected = full_comparison(&sets);
        assert!(expected.iter().filter(|pairs| pairs.len() > 1).count() > sets.len() / 2);
        assert_eq!(similar_sets(&sets), expected);
    }

    #[test]
    fn the_long_search_alone_finds_what_both_find() {
        // What similar_sets does when the postings cannot be packed: every set searched
        // the way long ones are.
        let sets: Vec<Vec<usize>> = (0..60usize)
            .map(|n| {
                let mut set: Vec<usize> = (0..2 + n % 9).map(|i| (n * 7 + i * 13) % 40).collect();
                set.sort_unstable();
                set.dedup();
                set
            })
            .collect();
        let order = |list: &mut [usize]| list.sort_unstable();
        let shapes: Vec<Shape> = sets.iter().map(|set| Shape::of(set)).collect();
        let mut alone = long(&sets, 0, &order, &shapes);
        alone.sort_unstable();
        let mut both = paired(&sets, PAIRED_UP_TO, &order, &shapes);
        both.extend(long(&sets, PAIRED_UP_TO, &order, &shapes));
        both.sort_unstable();
        both.dedup();
        assert!(!alone.is_empty());
        assert_eq!(alone, both);
    }

    #[test]
    fn a_shape_never_sets_aside_a_similar_pair() {
        // Words chosen to collide in the signature: the bound must still hold.
        let colliding: Vec<usize> = (0..4000).filter(|word| Shape::of(&[*word]).signature == 1).take(8).collect();
        assert!(colliding.len() >= 6);
        let a: Vec<usize> = colliding[..5].to_vec();
        let b: Vec<usize> = colliding[1..6].to_vec();
        assert!(similarity(&a, &b).is_some());
        assert!(Shape::of(&a).can_reach(&Shape::of(&b)));
        assert_eq!(similar_sets(&[a.clone(), b.clone()]), full_comparison(&[a, b]));
    }
}
