//! `Remediates:` trailers in commit messages, read as `git interpret-trailers` reads them
//! (SPEC §4, contract): only the message's last paragraph is a trailer block, and only
//! when it is not the subject and every line in it is a `Key: value` trailer or the
//! continuation of one (a line starting with white space). Keys compare ignoring case;
//! one value may name several items, separated by commas or white space, and several
//! `Remediates:` lines may appear. Pure text in, ids out: no git here.
//!
//! Where git is more lenient (a block that is only a quarter trailers, when one of them
//! is `Signed-off-by:`), this reader is not: such a block names no item, so an id is
//! never taken from prose.

/// The trailer key that says a commit ships remediation items.
pub(crate) const KEY: &str = "Remediates";

/// The item ids that `message`'s `Remediates:` trailers name, in order, each once.
pub(crate) fn remediated(message: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for (key, value) in trailers(message) {
        if !key.eq_ignore_ascii_case(KEY) {
            continue;
        }
        for id in value.split(|c: char| c == ',' || c.is_whitespace()).filter_map(item_id) {
            if !ids.iter().any(|known| known == id) {
                ids.push(id.to_string());
            }
        }
    }
    ids
}

/// The `(key, value)` trailers of `message`'s trailer block; continuation lines are
/// joined to their trailer's value with a space.
pub(crate) fn trailers(message: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = message.lines().map(|line| line.trim_end_matches('\r')).collect();
    // The last paragraph: after trailing blank lines, back to the previous blank line.
    let Some(end) = lines.iter().rposition(|line| !line.trim().is_empty()) else { return Vec::new() };
    let start = lines[..end].iter().rposition(|line| line.trim().is_empty()).map_or(0, |blank| blank + 1);
    if start == 0 {
        // The subject paragraph is never a trailer block.
        return Vec::new();
    }
    let mut found: Vec<(String, String)> = Vec::new();
    for line in &lines[start..=end] {
        if line.starts_with([' ', '\t']) {
            match found.last_mut() {
                Some((_, value)) => {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                None => return Vec::new(),
            }
            continue;
        }
        match split_trailer(line) {
            Some((key, value)) => found.push((key.to_string(), value.to_string())),
            None => return Vec::new(),
        }
    }
    found
}

/// `Key: value` (spaces allowed before the colon); the key is letters, digits and `-`.
fn split_trailer(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim_end();
    let valid = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    valid.then_some((key, value.trim()))
}

/// `word` as an item id (`INC-12-R2`, `OPS-7-R10`), with surrounding brackets and
/// punctuation dropped; `None` for other words ("fixes", "(cache").
pub(crate) fn item_id(word: &str) -> Option<&str> {
    let word = word.trim_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
    let (incident, number) = word.rsplit_once("-R")?;
    let number_ok = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
    let incident_ok = incident.starts_with(|c: char| c.is_ascii_alphabetic())
        && incident.contains('-')
        && incident.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    (number_ok && incident_ok).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_trailer_block() {
        let message =
            "Fix cache race\n\nRetry after the rollout.\n\nRemediates: INC-12-R2\nSigned-off-by: Dana <d@x>\n";
        assert_eq!(remediated(message), ["INC-12-R2"]);
    }

    #[test]
    fn ignores_trailers_outside_the_last_paragraph() {
        let message = "Fix cache race\n\nRemediates: INC-12-R2\n\nMore prose after the trailer line.\n";
        assert!(remediated(message).is_empty());
        // A paragraph with prose in it is not a trailer block.
        let mixed = "Fix\n\nThis also\nRemediates: INC-12-R2\n";
        assert!(remediated(mixed).is_empty());
    }

    #[test]
    fn the_subject_is_never_a_trailer() {
        assert!(remediated("Remediates: INC-12-R2\n").is_empty());
    }

    #[test]
    fn keys_compare_ignoring_case() {
        assert_eq!(remediated("Fix\n\nremediates: INC-1-R1\n"), ["INC-1-R1"]);
        assert_eq!(remediated("Fix\n\nREMEDIATES : INC-1-R1\r\n"), ["INC-1-R1"]);
    }

    #[test]
    fn several_ids_per_line_and_several_lines() {
        let message =
            "Fix\n\nRemediates: INC-1-R1, INC-1-R2 INC-2-R1\nReviewed-by: Kim\nRemediates: INC-3-R4,INC-1-R1\n";
        assert_eq!(remediated(message), ["INC-1-R1", "INC-1-R2", "INC-2-R1", "INC-3-R4"]);
    }

    #[test]
    fn an_id_followed_by_text_and_continuation_lines() {
        assert_eq!(remediated("Fix\n\nRemediates: INC-12-R2 (cache race after deploy)\n"), ["INC-12-R2"]);
        assert_eq!(remediated("Fix\n\nRemediates: INC-12-R2,\n  INC-12-R3\n"), ["INC-12-R2", "INC-12-R3"]);
    }

    #[test]
    fn trailing_blank_lines_are_skipped_and_other_keys_ignored() {
        assert_eq!(remediated("Fix\n\nRemediates: OPS-7-R10\n\n\n"), ["OPS-7-R10"]);
        assert!(remediated("Fix\n\nRefs: INC-1-R1\n").is_empty());
        assert!(remediated("").is_empty());
    }

    #[test]
    fn tells_item_ids_from_words() {
        for (word, id) in [
            ("INC-12-R2", Some("INC-12-R2")),
            ("(INC-12-R2)", Some("INC-12-R2")),
            ("INC-12-R2.", Some("INC-12-R2")),
            ("fixes", None),
            ("INC-12", None),
            ("INC-12-R", None),
            ("12-R3", None),
            ("R3", None),
        ] {
            assert_eq!(item_id(word), id, "{word}");
        }
    }
}
