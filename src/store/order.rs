//! The order records are shown in: ids compared the way people read them, so `INC-2`
//! comes before `INC-10` and `INC-9-R2` before `INC-9-R10`.

use std::cmp::Ordering;

/// Compares two ids chunk by chunk: runs of digits by value, everything else as text.
///
/// The chunks both ids share are skipped first: up to the start of the chunk where they
/// first differ the chunks are equal, so they compare equal, and only the rest is split
/// and parsed (sorting 10,000 incidents compares `INC-` about 130,000 times).
pub(crate) fn compare_ids(a: &str, b: &str) -> Ordering {
    let (left, right) = (a.as_bytes(), b.as_bytes());
    let shared = left.iter().zip(right).take_while(|(x, y)| x == y).count();
    let start = chunk_start(left, shared);
    // `start` is 0 or follows an ASCII byte of the other kind: a character boundary.
    let order = compare_chunks(&a[start..], &b[start..]);
    if order != Ordering::Equal {
        return order;
    }
    a.cmp(b)
}

/// Where the chunk holding byte `at - 1` of `bytes` starts (0 when `at` is 0): the chunks
/// before it end at the same place in both ids, which are equal up to `at`.
fn chunk_start(bytes: &[u8], at: usize) -> usize {
    let Some(last) = at.checked_sub(1) else { return 0 };
    let digits = bytes[last].is_ascii_digit();
    bytes[..at].iter().rposition(|byte| byte.is_ascii_digit() != digits).map_or(0, |before| before + 1)
}

/// [`compare_ids`] over the chunks of `a` and `b`, without the final tie-break: chunk
/// by chunk ([`Chunk`]'s order), the shorter first when one runs out.
fn compare_chunks(a: &str, b: &str) -> Ordering {
    chunks(a).map(Chunk::of).cmp(chunks(b).map(Chunk::of))
}

/// An id split into its chunks once, for sorting many ids: it orders as [`compare_ids`]
/// does, without splitting and parsing both ids again for every comparison (sorting
/// 10,000 incidents compares about 130,000 pairs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IdKey<'a> {
    chunks: Vec<Chunk<'a>>,
    id: &'a str,
}

impl<'a> IdKey<'a> {
    pub(crate) fn new(id: &'a str) -> Self {
        IdKey { chunks: chunks(id).map(Chunk::of).collect(), id }
    }
}

impl Ord for IdKey<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        // Chunk by chunk, the shorter first when one runs out: `compare_chunks`.
        self.chunks.cmp(&other.chunks).then_with(|| self.id.cmp(other.id))
    }
}

impl PartialOrd for IdKey<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// One chunk of an id with its value when it is a number: chunks compare by value when
/// both are numbers, as text otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Chunk<'a> {
    text: &'a str,
    value: Option<u128>,
}

impl<'a> Chunk<'a> {
    fn of(text: &'a str) -> Self {
        Chunk { text, value: text.parse().ok() }
    }
}

impl Ord for Chunk<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.value, other.value) {
            (Some(m), Some(n)) => m.cmp(&n),
            _ => self.text.cmp(other.text),
        }
    }
}

impl PartialOrd for Chunk<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Splits text into alternating runs of ASCII digits and of other characters.
fn chunks(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let digits = first.is_ascii_digit();
        let end = rest.find(|c: char| c.is_ascii_digit() != digits).unwrap_or(rest.len());
        let (chunk, tail) = rest.split_at(end);
        rest = tail;
        Some(chunk)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The comparison before the shared chunks were skipped: every chunk split and parsed.
    fn compare_every_chunk(a: &str, b: &str) -> Ordering {
        compare_chunks(a, b).then_with(|| a.cmp(b))
    }

    proptest::proptest! {
        #[test]
        fn skipping_shared_chunks_changes_no_order(
            stem in "[A-Za-z0-9!é-]{0,6}",
            a in "[A-Za-z0-9!é-]{0,8}",
            b in "[A-Za-z0-9!é-]{0,8}",
        ) {
            let (a, b) = (format!("{stem}{a}"), format!("{stem}{b}"));
            proptest::prop_assert_eq!(compare_ids(&a, &b), compare_every_chunk(&a, &b), "{} {}", a, b);
        }

        #[test]
        fn a_key_orders_as_the_comparison(
            stem in "[A-Za-z0-9!é-]{0,6}",
            a in "[A-Za-z0-9!é-]{0,8}",
            b in "[A-Za-z0-9!é-]{0,8}",
        ) {
            let (a, b) = (format!("{stem}{a}"), format!("{stem}{b}"));
            proptest::prop_assert_eq!(IdKey::new(&a).cmp(&IdKey::new(&b)), compare_ids(&a, &b), "{} {}", a, b);
        }
    }

    #[test]
    fn a_key_orders_long_numbers_and_mixed_chunks_as_the_comparison() {
        let ids = [
            "INC-3007",
            "INC-3213",
            "INC-5",
            "INC-!5",
            "INC-19",
            "INC-2",
            "INC-01",
            "INC-1",
            "INC-9-R2",
            "INC-9-R10",
            "AB-1",
            "A-1",
            "",
            "INC-",
            "INC-x",
            "INC-99999999999999999999999999999999999999999",
            "INC-99999999999999999999999999999999999999998",
        ];
        for a in ids {
            for b in ids {
                assert_eq!(IdKey::new(a).cmp(&IdKey::new(b)), compare_ids(a, b), "{a} {b}");
            }
        }
    }

    #[test]
    fn shared_prefixes_inside_a_number_or_a_word_compare_as_whole_chunks() {
        for (a, b) in [
            ("INC-3007", "INC-3213"),
            ("INC-5", "INC-!5"),
            ("INC-19", "INC-2"),
            ("INC-01", "INC-1"),
            ("INC-9-R2", "INC-9-R10"),
            ("AB-1", "A-1"),
            ("INC-99999999999999999999999999999999999999999", "INC-99999999999999999999999999999999999999998"),
        ] {
            assert_eq!(compare_ids(a, b), compare_every_chunk(a, b), "{a} {b}");
            assert_eq!(compare_ids(b, a), compare_every_chunk(b, a), "{b} {a}");
        }
    }

    #[test]
    fn numbers_compare_by_value() {
        let mut ids = vec!["INC-10", "INC-9-R10", "INC-2", "INC-9-R2", "INC-9", "A-1", "INC-10-R1"];
        ids.sort_by(|a, b| compare_ids(a, b));
        assert_eq!(ids, ["A-1", "INC-2", "INC-9", "INC-9-R2", "INC-9-R10", "INC-10", "INC-10-R1"]);
        assert_eq!(compare_ids("INC-01", "INC-1"), "INC-01".cmp("INC-1"));
        assert_eq!(compare_ids("", "x"), Ordering::Less);
    }
}
