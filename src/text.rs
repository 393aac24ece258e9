//! What counts as "written" in a text field, and how failure modes are compared.
//!
//! SPEC §2: a text is missing when it is empty, whitespace-only, or an unedited template
//! placeholder (`<what shows the symptom>`, `TODO`, `TBD`). Failure modes are compared
//! after trimming, lower-casing and collapsing runs of white space.

/// Line splitting is shared with the YAML readers.
pub(crate) use crate::yaml::lines::split_lines;

/// The trimmed text when it is meaningful, `None` when it counts as missing.
pub(crate) fn meaningful(text: &str) -> Option<&str> {
    let trimmed = text.trim();
    if trimmed.is_empty() || is_placeholder(trimmed) {
        None
    } else {
        Some(trimmed)
    }
}

/// Whether trimmed text is an unedited template placeholder.
pub(crate) fn is_placeholder(trimmed: &str) -> bool {
    is_one_angle_span(trimmed) || trimmed.eq_ignore_ascii_case("todo") || trimmed.eq_ignore_ascii_case("tbd")
}

/// SPEC §2: one angle-bracket span, `<what shows the symptom>`: it starts with `<`, ends
/// with `>` and holds no other `<` or `>` (`<nil> map in <Handler>` is text).
fn is_one_angle_span(trimmed: &str) -> bool {
    trimmed.len() >= 2
        && trimmed.starts_with('<')
        && trimmed.ends_with('>')
        && !trimmed[1..trimmed.len() - 1].contains(['<', '>'])
}

/// The comparison key of a failure mode: trimmed, lower-cased, white space collapsed.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

/// Whether two failure modes are the same once trimmed, lower-cased and with white
/// space collapsed; allocation-free (this runs for every item of every incident).
pub(crate) fn same_failure_mode(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return same_ascii_words(a.as_bytes(), b.as_bytes());
    }
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

/// [`same_failure_mode`] for ASCII text, byte by byte.
fn same_ascii_words(a: &[u8], b: &[u8]) -> bool {
    let (mut i, mut j) = (skip_space(a, 0), skip_space(b, 0));
    loop {
        match (a.get(i), b.get(j)) {
            (None, None) => return true,
            (Some(x), Some(y)) if is_space(*x) && is_space(*y) => {
                i = skip_space(a, i);
                j = skip_space(b, j);
            }
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {
                i += 1;
                j += 1;
            }
            // Trailing white space on one side only.
            (Some(x), None) if is_space(*x) => i = skip_space(a, i),
            (None, Some(y)) if is_space(*y) => j = skip_space(b, j),
            _ => return false,
        }
    }
}

/// ASCII white space as `char::is_whitespace` sees it (which includes vertical tab).
const fn is_space(byte: u8) -> bool {
    byte.is_ascii_whitespace() || byte == 0x0b
}

fn skip_space(text: &[u8], mut at: usize) -> usize {
    while text.get(at).is_some_and(|b| is_space(*b)) {
        at += 1;
    }
    at
}

/// The number of characters [`normalize_phrase`] can keep at most: the non-white-space
/// characters before any trailing punctuation. Used to rule texts out cheaply.
pub(crate) fn phrase_weight(text: &str) -> usize {
    if text.is_ascii() {
        let trimmed = text.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
        return trimmed.bytes().filter(|b| !is_space(*b)).count();
    }
    text.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
}

/// Whether [`phrase_weight`] of `text` is above `limit`, deciding after the first
/// `limit + 1` letters of a long text instead of counting all of it: letters and digits
/// are never trimmed, so once that many are seen the weight is above the limit.
pub(crate) fn outweighs(text: &str, limit: usize) -> bool {
    /// Whether an ASCII byte is neither white space (as `char::is_whitespace` sees it)
    /// nor punctuation: a table, since this runs over a few words of every text field.
    const SOLID: [bool; 128] = {
        let mut table = [false; 128];
        let mut byte = 0;
        while byte < 128 {
            table[byte] = !is_space(byte as u8) && !(byte as u8).is_ascii_punctuation();
            byte += 1;
        }
        table
    };
    let mut solid = 0;
    // ASCII bytes without decoding characters; from the first byte that is not ASCII
    // (a character boundary), characters.
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        let Some(&is_solid) = SOLID.get(usize::from(byte)) else {
            for c in text[at..].chars() {
                solid += usize::from(!c.is_whitespace() && !c.is_ascii_punctuation());
                if solid > limit {
                    return true;
                }
            }
            break;
        };
        solid += usize::from(is_solid);
        if solid > limit {
            return true;
        }
    }
    phrase_weight(text) > limit
}

/// The comparison key of a vague phrase: like [`normalize`], also ignoring trailing
/// punctuation, so "Add monitoring." matches "add monitoring".
pub(crate) fn normalize_phrase(text: &str) -> String {
    normalize(text).trim_end_matches(|c: char| c.is_ascii_punctuation()).to_string()
}

/// `text` on one line: control characters (line breaks included) become spaces and runs
/// of white space one space; trimmed. For titles and text shown in a single line.
pub(crate) fn one_line(text: &str) -> String {
    let spaced: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a `change` (trimmed) is a commit SHA: 7 to 40 hexadecimal digits.
pub(crate) fn is_commit_sha(change: &str) -> bool {
    let text = change.trim();
    (7..=40).contains(&text.len()) && text.chars().all(|c| c.is_ascii_hexdigit())
}

/// Whether a `change` (trimmed) is an `http://` or `https://` address.
pub(crate) fn is_web_url(change: &str) -> bool {
    let text = change.trim();
    ["http://", "https://"]
        .iter()
        .any(|scheme| text.get(..scheme.len()).is_some_and(|s| s.eq_ignore_ascii_case(scheme)))
}

/// A `change` as a list or status block shows it: a commit SHA (7–40 hex digits) cut to
/// its first 7; a URL by its last two path segments (`pull/812`, or the short SHA of a
/// `…/commit/<sha>` URL); anything else (a tag, a ticket) as written, cut at 24
/// characters.
pub(crate) fn short_change(change: &str) -> String {
    let change = change.trim();
    let short_sha = |text: &str| {
        ((7..=40).contains(&text.len()) && text.chars().all(|c| c.is_ascii_hexdigit())).then(|| text[..7].to_string())
    };
    if let Some(sha) = short_sha(change) {
        return sha;
    }
    if let Some(rest) = change.strip_prefix("https://").or_else(|| change.strip_prefix("http://")) {
        let segments: Vec<&str> =
            rest.split(['?', '#']).next().unwrap_or(rest).split('/').filter(|s| !s.is_empty()).collect();
        if let [.., kind, last] = segments[1.min(segments.len())..] {
            if kind == "commit" || kind == "commits" {
                if let Some(sha) = short_sha(last) {
                    return sha;
                }
            }
            return format!("{kind}/{last}");
        }
    }
    if change.chars().count() > 24 {
        format!("{}…", change.chars().take(23).collect::<String>())
    } else {
        change.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_show_short_shas_and_anything_else_as_written() {
        assert_eq!(short_change("3f2a9c1d0e"), "3f2a9c1");
        assert_eq!(short_change("https://github.com/acme/shop/pull/812"), "pull/812");
        assert_eq!(short_change("https://gitlab.example/acme/shop/-/merge_requests/9#note"), "merge_requests/9");
        assert_eq!(short_change("https://github.com/acme/shop/commit/3f2a9c1d0e7b"), "3f2a9c1");
        assert_eq!(short_change("https://example.com/"), "https://example.com/");
        assert_eq!(short_change("PROJ-1234 release train 2026-11 week 3"), "PROJ-1234 release train…");
        assert_eq!(short_change("v42.1"), "v42.1");
    }

    #[test]
    fn one_line_removes_breaks_and_controls() {
        assert_eq!(one_line("  a\n\tb\u{1b}[31m  c\r\n"), "a b [31m c");
    }

    #[test]
    fn placeholders_and_blanks_are_missing() {
        for missing in ["", "   ", "\t\n", "<what shows the symptom>", " TODO ", "tbd", "<>"] {
            assert_eq!(meaningful(missing), None, "{missing:?}");
        }
        assert_eq!(meaningful("  real text "), Some("real text"));
        assert_eq!(meaningful("<b> is bold"), Some("<b> is bold"));
        assert_eq!(meaningful("<nil> map in <Handler>"), Some("<nil> map in <Handler>"));
        assert_eq!(meaningful(" <a <b> c> "), Some("<a <b> c>"));
        assert_eq!(meaningful(">"), Some(">"));
        assert_eq!(meaningful("TODO: write the test"), Some("TODO: write the test"));
    }

    proptest::proptest! {
        /// Classes and failure modes are compared with either; they must agree.
        #[test]
        fn same_failure_mode_agrees_with_normalize(
            a in "[aAbB \\t\u{b}\u{a0}ÄäK\u{212a}k]{0,6}",
            b in "[aAbB \\t\u{b}\u{a0}ÄäK\u{212a}k]{0,6}",
        ) {
            proptest::prop_assert_eq!(same_failure_mode(&a, &b), normalize(&a) == normalize(&b));
        }
    }

    #[test]
    fn normalizes_case_and_spaces() {
        assert_eq!(normalize("  Cache   RACE\tafter\ndeploy "), "cache race after deploy");
        assert_eq!(normalize_phrase("Add Monitoring."), "add monitoring");
        for text in ["", "a", "a\n", "\n\nb\n", "a\r\nb"] {
            assert_eq!(split_lines(text).collect::<Vec<_>>(), text.split('\n').collect::<Vec<_>>(), "{text:?}");
        }
        assert!(same_failure_mode("  Cache   RACE\tafter", "cache race AFTER"));
        assert!(same_failure_mode("Ünïcode Case", "ünïcode case"));
        assert!(!same_failure_mode("cache race", "cache race after"));
        assert!(!same_failure_mode("cache race", "cache rice"));
        assert!(same_failure_mode(" a  b ", "a b"));
        assert!(same_failure_mode("a b", "a b \n"));
        assert!(!same_failure_mode("ab", "a b"));
        assert!(!same_failure_mode("a b", "a b c"));
        assert!(!same_failure_mode("", "a"));
        assert!(same_failure_mode("", "  "));
        assert!(same_failure_mode("a\u{b}b", "a b"));
        assert_eq!(phrase_weight("a\u{b}b."), 2);
        assert_eq!(phrase_weight("Tech  debt!!"), 8);
        // ASCII, then past the first character that is not (counted as characters).
        let texts = [
            "Tech  debt!!",
            "a.b.c",
            "",
            "!!",
            "caf\u{e9} cr\u{e8}me",
            "a\u{a0}b c",
            "\u{c9}T\u{c9}!!",
            "x\u{b}y z",
            "ok \u{2003} fine.",
        ];
        for text in texts {
            for limit in 0..14 {
                assert_eq!(outweighs(text, limit), phrase_weight(text) > limit, "{text:?} {limit}");
            }
        }
    }
}
