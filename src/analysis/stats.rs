//! Medians and 90th percentiles, by the nearest-rank method: for `n` values sorted
//! ascending, the p-th percentile is the value at rank `ceil(p/100 × n)` (1-based).
//! The median is the 50th percentile by the same method, which for an even count is
//! the lower of the two middle values. Every reported value is one that was observed,
//! and the answer never depends on interpolation (docs/reports.md).

use serde::{Deserialize, Serialize};

/// How many values there were and their median and 90th percentile (absent when none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub(crate) struct Spread {
    pub(crate) count: usize,
    pub(crate) median: Option<i64>,
    pub(crate) p90: Option<i64>,
}

impl Spread {
    /// The spread of `values` (in any order).
    pub(crate) fn of(mut values: Vec<i64>) -> Spread {
        values.sort_unstable();
        Spread { count: values.len(), median: percentile(&values, 50), p90: percentile(&values, 90) }
    }
}

/// The `p`-th percentile (0 < p ≤ 100) of ascending `sorted` values, by nearest rank.
pub(crate) fn percentile(sorted: &[i64], p: u32) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let n = sorted.len();
    // ceil(p × n / 100) in integers; at least rank 1.
    let rank = (p as usize * n).div_ceil(100).max(1);
    sorted.get(rank.min(n) - 1).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let cases: &[(&[i64], Option<i64>, Option<i64>)] = &[
            (&[], None, None),
            (&[7], Some(7), Some(7)),
            (&[1, 2], Some(1), Some(2)),
            (&[3, 1, 2], Some(2), Some(3)),
            (&[1, 2, 3, 4], Some(2), Some(4)),
            (&[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], Some(50), Some(90)),
            (&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], Some(6), Some(10)),
        ];
        for (values, median, p90) in cases {
            let spread = Spread::of(values.to_vec());
            assert_eq!((spread.count, spread.median, spread.p90), (values.len(), *median, *p90), "{values:?}");
        }
    }
}
