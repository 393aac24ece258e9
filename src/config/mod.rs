//! `.incidents.yml`: the resolved settings every other module reads. Every key has a
//! default ([`Config::default`]); [`load`] reads the file and rejects unknown keys and
//! bad values with the key's name and line (exit status 2).

mod classes;
mod load;
pub(crate) mod owners;
mod sections;

pub(crate) use classes::{ClassEntry, Vocabulary};
#[cfg(test)]
pub(crate) use load::KEYS;
pub(crate) use load::{load, parse, CONFIG_FILE, MAX_LIST_ENTRIES, MAX_NON_EVIDENCE_CHARS};
pub(crate) use owners::Owners;
pub(crate) use sections::Sections;

use crate::diagnostic::{Level, Rule};
use chrono::NaiveDate;
use globset::GlobSet;
use std::collections::HashMap;
use std::path::PathBuf;

/// The severities used when the config names none.
pub(crate) const DEFAULT_SEVERITIES: [&str; 4] = ["SEV1", "SEV2", "SEV3", "SEV4"];
/// Longest due window (days from stabilization) per default severity.
pub(crate) const DEFAULT_DUE_POLICY: [(&str, i64); 4] = [("SEV1", 14), ("SEV2", 30), ("SEV3", 60), ("SEV4", 90)];
/// Days after stabilization before an uncovered failure mode becomes an error.
pub(crate) const DEFAULT_GRACE_DAYS: i64 = 7;
/// Phrases that say nothing about a breakage or its validation.
pub(crate) const DEFAULT_VAGUE_PHRASES: [&str; 24] = [
    "follow-up cleanup",
    "follow up cleanup",
    "followup cleanup",
    "cleanup",
    "clean up",
    "tech debt",
    "technical debt",
    "add monitoring",
    "improve monitoring",
    "more monitoring",
    "add alerting",
    "add alerts",
    "add tests",
    "add more tests",
    "more tests",
    "improve testing",
    "fix bug",
    "fix the bug",
    "investigate",
    "refactor",
    "human error",
    "be more careful",
    "misc",
    "n/a",
];

/// A sprint cadence: sprints of `length_days` starting at `start`, back to back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sprint {
    pub(crate) start: NaiveDate,
    pub(crate) length_days: i64,
}

/// The settings in effect for one repository.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// The config file read, when there was one.
    pub(crate) file: Option<PathBuf>,
    /// Records folder, relative to the root.
    pub(crate) dir: String,
    pub(crate) id_prefix: String,
    pub(crate) severities: Vec<String>,
    /// Longest due window in days from stabilization, per severity.
    pub(crate) due_policy: Vec<(String, i64)>,
    pub(crate) grace_days: i64,
    pub(crate) sprint: Option<Sprint>,
    /// Per-rule level overrides.
    pub(crate) rule_levels: HashMap<Rule, Level>,
    /// Vague phrases, already normalized.
    pub(crate) vague_phrases: Vec<String>,
    /// More non-answers for evidence fields (`non_evidence`), as written; added to the
    /// built-in list of non-answers (`record/evidence.rs`).
    pub(crate) non_evidence: Vec<String>,
    /// Ignore globs as written (relative to the root).
    pub(crate) ignore: Vec<String>,
    pub(crate) ignore_set: GlobSet,
    pub(crate) sections: Sections,
    /// Whether `new` and `remediate` open `$VISUAL`/`$EDITOR` on the created file when
    /// run at a terminal (`--no-edit` skips it once).
    pub(crate) open_editor: bool,
    /// Who may own remediation items (`owners`), when configured.
    pub(crate) owners: Option<Owners>,
    /// The repeat-failure class vocabulary (`classes`); empty when not configured.
    pub(crate) classes: Vocabulary,
    /// Whether git history is read (`git: auto`, the default) or not (`git: off`).
    pub(crate) git: GitMode,
    /// How long `validate --run` lets the validation command run.
    pub(crate) validation_timeout: std::time::Duration,
}

/// The `git` key: read the history of the work tree holding the root, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GitMode {
    /// Read git when the root is in a git work tree (the default).
    Auto,
    /// Never read git: `ship` needs `--change`, `sync` refuses, `unknown-change` is quiet.
    Off,
}

/// `validation_timeout` when the config names none: ten minutes.
pub(crate) const DEFAULT_VALIDATION_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(600);

/// A duration written `90s`, `10m`, `1h` (a positive whole number and a unit).
pub(crate) fn parse_timeout(text: &str) -> Option<std::time::Duration> {
    let text = text.trim();
    let unit = text.chars().last()?;
    let scale = match unit {
        's' => 1,
        'm' => 60,
        'h' => 3600,
        _ => return None,
    };
    let number: u64 = text[..text.len() - 1].parse().ok().filter(|n| *n > 0)?;
    number.checked_mul(scale).map(std::time::Duration::from_secs)
}

impl Default for Config {
    fn default() -> Self {
        Config {
            file: None,
            dir: "incidents".to_string(),
            id_prefix: "INC".to_string(),
            severities: DEFAULT_SEVERITIES.iter().map(|s| s.to_string()).collect(),
            due_policy: DEFAULT_DUE_POLICY.iter().map(|(sev, days)| (sev.to_string(), *days)).collect(),
            grace_days: DEFAULT_GRACE_DAYS,
            sprint: None,
            rule_levels: HashMap::new(),
            vague_phrases: DEFAULT_VAGUE_PHRASES.iter().map(|p| crate::text::normalize_phrase(p)).collect(),
            non_evidence: Vec::new(),
            ignore: Vec::new(),
            ignore_set: GlobSet::empty(),
            sections: Sections::default(),
            open_editor: true,
            owners: None,
            classes: Vocabulary::default(),
            git: GitMode::Auto,
            validation_timeout: DEFAULT_VALIDATION_TIMEOUT,
        }
    }
}

impl Config {
    /// The level in effect for `rule`.
    pub(crate) fn level(&self, rule: Rule) -> Level {
        self.rule_levels.get(&rule).copied().unwrap_or_else(|| rule.default_level())
    }

    /// The longest due window for `severity`, in days, when the policy names one.
    pub(crate) fn due_limit(&self, severity: &str) -> Option<i64> {
        self.due_policy.iter().find(|(sev, _)| sev == severity).map(|(_, days)| *days)
    }

    /// Whether a root-relative path matches an `ignore` glob.
    pub(crate) fn is_ignored(&self, relative: &str) -> bool {
        // Without globs, no path is taken apart for matching (discovery asks for each file).
        !self.ignore_set.is_empty() && self.ignore_set.is_match(relative)
    }

    /// Whether normalized text is only a vague phrase.
    pub(crate) fn is_vague(&self, text: &str) -> bool {
        // Most texts are far longer than any phrase: rule them out without allocating.
        // A phrase's byte length bounds its length in characters.
        let longest = self.vague_phrases.iter().map(String::len).max().unwrap_or(0);
        if crate::text::outweighs(text, longest) {
            return false;
        }
        let key = crate::text::normalize_phrase(text);
        self.vague_phrases.contains(&key)
    }
}
