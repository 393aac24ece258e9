//! "Did you mean …?" suggestions for misspelt keys, rule codes and values.

/// Inputs longer than this (in characters) get no suggestion: a typo hint for a
/// paragraph helps no one, and the edit distance is quadratic in the lengths.
const MAX_CHARS: usize = 256;
/// The most character pairs one suggestion may compare, summed over the candidates:
/// far above any real list of keys, values, failure modes or ids, and a bound on what
/// hostile records (thousands of long failure modes) can make `check` do.
const MAX_PAIRS: usize = 4_000_000;

/// The candidate closest to `input`, when it is close enough to be a likely typo: at most
/// one edit per three characters (transpositions count as one), or a high Jaro-Winkler
/// similarity for longer words.
///
/// Candidates more than twice as long or less than half as long as `input` are skipped
/// without comparing: they can pass neither test.
pub(crate) fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input_lower = input.to_lowercase();
    let length = input_lower.chars().count();
    if length > MAX_CHARS {
        return None;
    }
    let allowed = (length / 3).max(1);
    let mut budget = MAX_PAIRS;
    candidates
        .into_iter()
        .filter_map(|candidate| {
            let lower = candidate.to_lowercase();
            let other = lower.chars().count();
            if other > 2 * length.max(1) || 2 * other < length {
                return None;
            }
            budget = budget.checked_sub(length.max(1) * other.max(1))?;
            let distance = strsim::damerau_levenshtein(&input_lower, &lower);
            let similarity = strsim::jaro_winkler(&input_lower, &lower);
            (distance <= allowed || similarity >= 0.9).then_some((distance, -similarity, candidate))
        })
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
        .map(|(_, _, candidate)| candidate)
}

/// An existing id that differs from `input` only in case or surrounding white space.
pub(crate) fn same_id<'a>(input: &str, ids: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = input.trim();
    ids.into_iter().find(|id| id.eq_ignore_ascii_case(wanted))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_only_close_candidates() {
        let keys = ["owner", "status", "validation", "dir", "due"];
        assert_eq!(closest("ownr", keys), Some("owner"));
        assert_eq!(closest("Statsu", keys), Some("status"));
        assert_eq!(closest("dri", keys), Some("dir"));
        assert_eq!(closest("validaton", keys), Some("validation"));
        assert_eq!(closest("banana", keys), None);
    }

    #[test]
    fn long_and_many_strings_stay_cheap_and_lose_nothing_real() {
        let long = "a".repeat(30_000);
        let other = "b".repeat(30_000);
        assert_eq!(closest(&long, [other.as_str(), long.as_str()]), None, "no hint for a paragraph");
        // Length filter: a candidate twice as long can never be close.
        assert_eq!(closest("ab", ["abab", "abc"]), Some("abc"));
        // 40,000 ids: the budget still reaches the last one.
        let ids: Vec<String> = (1..=40_000).map(|n| format!("INC-{n}")).collect();
        assert_eq!(closest("INC-399999", ids.iter().map(String::as_str)), Some("INC-39999"));
        // Thousands of long candidates: the budget stops the comparisons early.
        let modes: Vec<String> = (0..2000).map(|n| format!("{n} {}", "x".repeat(250))).collect();
        let probe = format!("9 {}", "y".repeat(250));
        assert_eq!(closest(&probe, modes.iter().map(String::as_str)), None);
    }

    #[test]
    fn ids_match_only_up_to_case() {
        assert_eq!(same_id("inc-7", ["INC-3", "INC-7"]), Some("INC-7"));
        assert_eq!(same_id("INC-8", ["INC-3", "INC-7"]), None);
    }
}
