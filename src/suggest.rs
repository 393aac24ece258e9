//! "Did you mean …?" suggestions for misspelt keys, rule codes and values.

/// The candidate closest to `input`, when it is close enough to be a likely typo: at most
/// one edit per three characters (transpositions count as one), or a high Jaro-Winkler
/// similarity for longer words.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input_lower = input.to_lowercase();
    let allowed = (input_lower.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .filter_map(|candidate| {
            let lower = candidate.to_lowercase();
            let distance = strsim::damerau_levenshtein(&input_lower, &lower);
            let similarity = strsim::jaro_winkler(&input_lower, &lower);
            (distance <= allowed || similarity >= 0.9).then_some((distance, -similarity, candidate))
        })
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
        .map(|(_, _, candidate)| candidate)
}

/// An existing id that differs from `input` only in case or surrounding white space.
pub fn same_id<'a>(input: &str, ids: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
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
    fn ids_match_only_up_to_case() {
        assert_eq!(same_id("inc-7", ["INC-3", "INC-7"]), Some("INC-7"));
        assert_eq!(same_id("INC-8", ["INC-3", "INC-7"]), None);
    }
}
