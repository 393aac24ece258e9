//! What counts as "written" in a text field, and how failure modes are compared.
//!
//! SPEC §2: a text is missing when it is empty, whitespace-only, or an unedited template
//! placeholder (`<what shows the symptom>`, `TODO`, `TBD`). Failure modes are compared
//! after trimming, lower-casing and collapsing runs of white space.

/// The trimmed text when it is meaningful, `None` when it counts as missing.
pub fn meaningful(text: &str) -> Option<&str> {
    let trimmed = text.trim();
    if trimmed.is_empty() || is_placeholder(trimmed) {
        None
    } else {
        Some(trimmed)
    }
}

/// Whether trimmed text is an unedited template placeholder.
pub fn is_placeholder(trimmed: &str) -> bool {
    (trimmed.starts_with('<') && trimmed.ends_with('>'))
        || trimmed.eq_ignore_ascii_case("todo")
        || trimmed.eq_ignore_ascii_case("tbd")
}

/// The comparison key of a failure mode: trimmed, lower-cased, white space collapsed.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Whether two failure modes are the same once trimmed, lower-cased and with white
/// space collapsed; allocation-free (this runs for every item of every incident).
pub fn same_failure_mode(a: &str, b: &str) -> bool {
    let mut left = a.split_whitespace();
    let mut right = b.split_whitespace();
    loop {
        match (left.next(), right.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                let equal = if x.is_ascii() && y.is_ascii() {
                    x.eq_ignore_ascii_case(y)
                } else {
                    x.chars().flat_map(char::to_lowercase).eq(y.chars().flat_map(char::to_lowercase))
                };
                if !equal {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// The number of characters [`normalize_phrase`] can keep at most: the non-white-space
/// characters before any trailing punctuation. Used to rule texts out cheaply.
pub fn phrase_weight(text: &str) -> usize {
    text.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
}

/// The comparison key of a vague phrase: like [`normalize`], also ignoring trailing
/// punctuation, so "Add monitoring." matches "add monitoring".
pub fn normalize_phrase(text: &str) -> String {
    normalize(text).trim_end_matches(|c: char| c.is_ascii_punctuation()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_blanks_are_missing() {
        for missing in ["", "   ", "\t\n", "<what shows the symptom>", " TODO ", "tbd", "<>"] {
            assert_eq!(meaningful(missing), None, "{missing:?}");
        }
        assert_eq!(meaningful("  real text "), Some("real text"));
        assert_eq!(meaningful("<b> is bold"), Some("<b> is bold"));
        assert_eq!(meaningful("TODO: write the test"), Some("TODO: write the test"));
    }

    #[test]
    fn normalizes_case_and_spaces() {
        assert_eq!(normalize("  Cache   RACE\tafter\ndeploy "), "cache race after deploy");
        assert_eq!(normalize_phrase("Add Monitoring."), "add monitoring");
        assert!(same_failure_mode("  Cache   RACE\tafter", "cache race AFTER"));
        assert!(same_failure_mode("Ünïcode Case", "ünïcode case"));
        assert!(!same_failure_mode("cache race", "cache race after"));
        assert!(!same_failure_mode("cache race", "cache rice"));
        assert_eq!(phrase_weight("Tech  debt!!"), 8);
    }
}
