//! Evidence, not words (SPEC §2): whether an evidence field holds an answer, and whether
//! gate 1's verification is an observation in production.
//!
//! Both are pure text classifiers shared by the rules (`weak-evidence`,
//! `local-verification`) and by the writing commands that refuse the same texts, so the
//! two can never disagree. The messages both print live here too
//! ([`non_answer_message`], [`local_verification_message`]), so a refusal says exactly
//! what the rule says.

/// Built-in non-answers, as written in SPEC §2. Compared after [`answer_key`].
pub(crate) const NON_ANSWERS: &[&str] = &[
    "n/a",
    "na",
    "none",
    "nothing",
    "-",
    "?",
    "ok",
    "okay",
    "yes",
    "no",
    "done",
    "fixed",
    "resolved",
    "works",
    "it works",
    "fine",
    "looks fine",
    "looks good",
    "lgtm",
    "all good",
    "tested",
    "passed",
    "verified",
    "checked",
    "see ticket",
    "see above",
    "see slack",
    "same as above",
    "as above",
    "unknown",
    "will do",
];

/// The comparison key of an evidence text: lower-cased, punctuation dropped, runs of
/// white space collapsed, trimmed (`"  N/A. "` → `na`, `"OK!"` → `ok`, `"-"` → ``).
/// `None` once the key would be longer than `limit` bytes, or once its first
/// [`PREFIX`] bytes are known and `may_start` says no phrase key starts with them: either
/// way no phrase can equal it, so the text is an answer. The key is built on the stack
/// and only a short key is allocated, so the long texts almost every field holds cost no
/// allocation, and most are settled after a word.
fn answer_key(text: &str, limit: usize, may_start: Option<MayStart<'_>>) -> Option<String> {
    const ROOM: usize = 256;
    let limit = limit.min(ROOM - 8);
    let mut key = [0u8; ROOM];
    let mut len = 0;
    let mut space = false;
    let mut prefix_checked = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = len > 0;
            continue;
        }
        if !c.is_alphanumeric() {
            continue;
        }
        if space {
            key[len] = b' ';
            len += 1;
            space = false;
        }
        if c.is_ascii() {
            // The common case, without the Unicode case tables.
            if len + 1 > limit {
                return None;
            }
            key[len] = c.to_ascii_lowercase() as u8;
            len += 1;
        } else {
            for lower in c.to_lowercase() {
                if len + lower.len_utf8() > limit {
                    return None;
                }
                len += lower.encode_utf8(&mut key[len..]).len();
            }
        }
        if !prefix_checked && len >= PREFIX {
            prefix_checked = true;
            if may_start.is_some_and(|may_start| !may_start(&key[..len])) {
                return None;
            }
        }
    }
    std::str::from_utf8(&key[..len]).ok().map(str::to_string)
}

/// Whether some phrase key starts with the given key bytes.
type MayStart<'a> = &'a dyn Fn(&[u8]) -> bool;

/// Key bytes after which [`answer_key`] asks whether any phrase key starts with them.
const PREFIX: usize = 4;

/// The first [`PREFIX`] bytes of `bytes` as a number that orders as the bytes do;
/// `None` when it is shorter.
fn prefix_number(bytes: &[u8]) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(..PREFIX)?.try_into().ok()?))
}

/// Whether `text` is a non-answer: one of [`NON_ANSWERS`] or of `extra` (the config's
/// `non_evidence`) once both are lower-cased with punctuation dropped, or nothing but
/// punctuation. A longer sentence that starts with one is an answer
/// ("none: recovered when the provider recovered").
pub(crate) fn is_non_answer(text: &str, extra: &[String]) -> bool {
    // The built-in phrases' keys, computed once per run rather than once per field:
    // recomputing them for every evidence field was a fifteenth of `check`'s time.
    /// The built-in phrases' keys (sorted), the first [`PREFIX`] bytes of each as a
    /// number (sorted), and the longest phrase.
    type BuiltIn = (Vec<String>, Vec<u32>, usize);
    static BUILT_IN: std::sync::LazyLock<BuiltIn> = std::sync::LazyLock::new(|| {
        let mut keys: Vec<String> = NON_ANSWERS
            .iter()
            .filter_map(|phrase| answer_key(phrase, usize::MAX, None))
            .filter(|key| !key.is_empty())
            .collect();
        // Sorted, so the keys that start with a prefix stand together (a binary search).
        keys.sort_unstable();
        let mut starts: Vec<u32> = keys.iter().filter_map(|key| prefix_number(key.as_bytes())).collect();
        starts.sort_unstable();
        starts.dedup();
        let longest = NON_ANSWERS.iter().map(|phrase| phrase.len()).max().unwrap_or(0);
        (keys, starts, longest)
    });
    let (built_in, starts, longest_built_in) = &*BUILT_IN;
    // Only the built-in keys, computed once, can end the key early: the config's phrases
    // would have to be keyed for every field of every record first. With such phrases
    // the key runs to the length limit, and they are keyed only for a text whose key
    // fits it (most texts are longer), as before the prefix test.
    let may_start = |prefix: &[u8]| {
        // The usual case, a prefix of exactly `PREFIX` bytes: a search among numbers, not
        // a comparison of byte strings per step.
        if prefix.len() == PREFIX {
            return prefix_number(prefix).is_some_and(|number| starts.binary_search(&number).is_ok());
        }
        let first = built_in.partition_point(|phrase_key| phrase_key.as_bytes() < prefix);
        built_in.get(first).is_some_and(|phrase_key| phrase_key.as_bytes().starts_with(prefix))
    };
    let filter: Option<MayStart<'_>> = if extra.is_empty() { Some(&may_start) } else { None };
    // Twice a phrase's byte length bounds the length of its key (lower-casing a few
    // letters takes more bytes).
    let longest = extra.iter().map(String::len).fold(*longest_built_in, usize::max);
    let Some(key) = answer_key(text, 2 * longest, filter) else { return false };
    key.is_empty()
        || built_in.binary_search(&key).is_ok()
        || extra.iter().any(|phrase| answer_key(phrase, usize::MAX, None).is_some_and(|phrase_key| phrase_key == key))
}

/// Where a gate-1 verification says service was observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Observed {
    /// It names a production observation (whatever else it names).
    Production,
    /// It names only pre-production checks: local runs, tests, CI, staging, dev.
    PreProductionOnly,
    /// It names neither (a metric without a place, e.g. "5xx under 0.1% for 30 minutes").
    Unplaced,
}

/// Words (after lower-casing, hyphens read as spaces) that place an observation in
/// production. Two-word entries are matched as adjacent words.
const PRODUCTION: &[&str] = &[
    "production",
    "prod",
    "live",
    "real traffic",
    "customer",
    "customers",
    "users",
    "user facing",
    "user visible",
    "dashboard",
    "dashboards",
    "alert",
    "alerts",
    "alerting",
    "canary",
    "slo",
];

/// Words that name a pre-production check.
const PRE_PRODUCTION: &[&str] = &[
    "local",
    "locally",
    "localhost",
    "laptop",
    "my machine",
    "unit",
    "integration test",
    "integration tests",
    "test",
    "tests",
    "tested",
    "testing",
    "e2e",
    "ci",
    "staging",
    "stage",
    "dev",
    "development",
    "qa",
    "sandbox",
    "preprod",
];

/// Phrases that look like production words but are not ("pre-prod", "pre-production").
const NOT_PRODUCTION: &[&str] = &["pre prod", "pre production", "non prod", "non production"];

/// Classifies a gate-1 verification (SPEC §2, `local-verification`).
pub(crate) fn classify_verification(text: &str) -> Observed {
    // Lower-casing ASCII needs no Unicode tables: the same text, sooner.
    let lowered = if text.is_ascii() { text.to_ascii_lowercase() } else { text.to_lowercase() };
    let mut words = lowered.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).peekable();
    let mut pre_production = false;
    while let Some(word) = words.next() {
        let mut production = false;
        if let Some(&next) = words.peek() {
            // Two-word entries are compared as their two halves: no string is built per pair.
            if has_pair(NOT_PRODUCTION, word, next) {
                pre_production = true;
                words.next();
                continue;
            }
            production |= has_pair(PRODUCTION, word, next);
            pre_production |= has_pair(PRE_PRODUCTION, word, next);
        }
        // A production word settles it, whatever follows.
        if production || PRODUCTION.contains(&word) {
            return Observed::Production;
        }
        pre_production |= PRE_PRODUCTION.contains(&word);
    }
    if pre_production {
        Observed::PreProductionOnly
    } else {
        Observed::Unplaced
    }
}

/// Whether `list` has the two-word entry `first second`.
fn has_pair(list: &[&str], first: &str, second: &str) -> bool {
    let len = first.len() + 1 + second.len();
    list.iter().any(|entry| {
        entry.len() == len
            && entry.as_bytes()[first.len()] == b' '
            && entry.starts_with(first)
            && entry.ends_with(second)
    })
}

/// What to write in an evidence field (or another field a writing command refuses a
/// non-answer in), keyed by its dotted name. Fields not listed get a generic sentence.
pub(crate) fn what_to_write(field: &str) -> &'static str {
    match field {
        "stabilization.signal" => "the reproducible signal that shows the symptom (a metric, a log query, a request that fails)",
        "stabilization.intervention" => "the smallest safe change that restored service (\"none: recovered when the provider recovered\" is an answer)",
        "stabilization.rollback" => "how the intervention is undone if it misbehaves",
        "stabilization.verification" => "the production metric, dashboard or alert that confirmed restoration",
        "validation" => "what would prove the system changed, on the surface that failed (e.g. an integration test that simulates a staggered rollout)",
        "validation_command" => "the shell command that runs the validation",
        "change" => "the change that shipped the fix: a commit SHA, a pull request URL or a release tag",
        "evidence" => "where the validation signal passed (a CI run, a test run at a commit, a dashboard)",
        "reason" => "why the item will not be done",
        "due_history.reason" => "why the due date moves",
        "approved_by" => "who accepted the risk of not doing it",
        "failure_mode" => "the breakage in a plain sentence (what broke, where, under which conditions)",
        "owner" => "the person or team who will do it",
        _ => "an answer a reader can check",
    }
}

/// The words of `weak-evidence`, shared by the rule and every command that refuses the
/// same text: "`stabilization.rollback` holds a non-answer ("n/a"): write how the
/// intervention is undone if it misbehaves".
pub(crate) fn non_answer_message(field: &str, value: &str) -> String {
    format!("`{field}` holds a non-answer (\"{}\"): write {}", value.trim(), what_to_write(field))
}

/// The words of `local-verification`, shared by the rule and by `stabilize`/`amend`.
pub(crate) fn local_verification_message(value: &str) -> String {
    format!(
        "`stabilization.verification` names only pre-production checks (\"{}\"): write what was observed in production that confirmed restoration (a production metric, dashboard or alert, real traffic, users)",
        value.trim()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_answers_are_recognised_through_case_and_punctuation() {
        let extra = vec!["as discussed".to_string()];
        for (text, non_answer) in [
            ("n/a", true),
            ("N/A", true),
            ("na", true),
            ("ok.", true),
            ("OK!", true),
            ("  Okay  ", true),
            ("-", true),
            ("?", true),
            ("...", true),
            ("Looks good.", true),
            ("LGTM", true),
            ("it  works", true),
            ("See ticket", true),
            ("same as above", true),
            ("unit tests pass locally", false),
            ("none", true),
            ("none: recovered when the provider recovered", false),
            ("done: rolled back to v41", false),
            ("fixed in #123", false),
            ("As discussed.", true),
            ("as discussed in the review, p99 back under 300ms", false),
            ("5xx under 0.1% for 30 minutes", false),
            ("nö", false),
        ] {
            assert_eq!(is_non_answer(text, &extra), non_answer, "{text:?}");
        }
    }

    #[test]
    fn extra_phrases_are_compared_like_the_built_in_ones() {
        assert!(is_non_answer("Per Runbook", &["per runbook.".to_string()]));
        assert!(!is_non_answer("per runbook", &[]));
        assert!(is_non_answer("ÉTÉ!", &["été".to_string()]), "case is folded beyond ASCII");
        let long = "x".repeat(60);
        assert!(is_non_answer(&format!("{long}."), std::slice::from_ref(&long)));
        assert!(!is_non_answer(&format!("{long} and more"), &[long]));
        // An extra phrase of only punctuation does not make every text a non-answer.
        assert!(!is_non_answer("p99 back to 300ms", &["--".to_string()]));
    }

    #[test]
    fn the_early_exits_answer_as_a_full_comparison_would() {
        // The key without limits or prefix checks, and the plain comparison.
        let full_key = |text: &str| -> String {
            let words = text.split(char::is_whitespace).map(|word| {
                word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>()
            });
            words.filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" ")
        };
        let pieces = [
            "see", "ticket", "same", "as", "above", "looks", "good", "goodish", "n/a", "É", "té", "fini", "-", "ok",
            "okay!", "sam", "e", "lgtm", "unkn", "own", "wil", "l do", "te", "sted",
        ];
        let mut checked = 0;
        // With the config's phrases, and without (only then is the prefix test used).
        for extra in [vec!["as discussed".to_string(), "Été fini".to_string()], Vec::new()] {
            let phrases: Vec<String> =
                NON_ANSWERS.iter().map(|p| p.to_string()).chain(extra.iter().cloned()).map(|p| full_key(&p)).collect();
            for a in pieces {
                for b in pieces {
                    for c in ["", " ", "  ", "."] {
                        for text in [format!("{a}{c}{b}"), format!("{a} {b}{c}"), format!("{c}{a}")] {
                            let key = full_key(&text);
                            let expected = key.is_empty() || phrases.iter().any(|p| !p.is_empty() && *p == key);
                            assert_eq!(is_non_answer(&text, &extra), expected, "{text:?} (key {key:?})");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 12_000);
    }

    #[test]
    fn messages_name_the_field_the_value_and_what_to_write() {
        assert_eq!(
            non_answer_message("stabilization.rollback", " n/a "),
            "`stabilization.rollback` holds a non-answer (\"n/a\"): write how the intervention is undone if it misbehaves"
        );
        assert!(
            local_verification_message("CI green").contains("(\"CI green\"): write what was observed in production")
        );
        assert_eq!(what_to_write("nope"), "an answer a reader can check");
    }

    #[test]
    fn verification_is_placed_in_production_or_before_it() {
        use Observed::*;
        for (text, observed) in [
            ("error rate on prod dashboard back to baseline after unit tests passed", Production),
            ("unit tests pass locally", PreProductionOnly),
            ("staging looks good", PreProductionOnly),
            ("Staging looks good", PreProductionOnly),
            ("CI green", PreProductionOnly),
            ("integration tests passed in CI", PreProductionOnly),
            ("verified on pre-prod", PreProductionOnly),
            ("checked in the dev environment", PreProductionOnly),
            ("5xx under 0.1% for 30 minutes in production", Production),
            ("checkout success rate back to 99.9% for real traffic", Production),
            ("p99 latency alert resolved, users report normal checkout", Production),
            ("load test against production after the canary", Production),
            ("5xx under 0.1% for 30 minutes", Unplaced),
            ("queue depth back under 100", Unplaced),
        ] {
            assert_eq!(classify_verification(text), observed, "{text:?}");
        }
    }
}
