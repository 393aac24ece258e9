//! A finding about one record file: rule, severity, place, record id and message.
//! Diagnostics are data; renderers in `render/` turn them into text.

use super::rule::{Rule, Severity};
use serde::Serialize;

/// One finding. Serialises as the `diagnostics[]` entry of `check --format json` (contract).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    #[serde(serialize_with = "serialize_rule")]
    pub code: Rule,
    pub severity: Severity,
    /// Path relative to the root, with `/` separators.
    pub file: String,
    /// 1-based line of the offending key, or of the opening `---` when the key is absent.
    pub line: usize,
    /// The record's id, when known.
    pub id: Option<String>,
    pub message: String,
}

fn serialize_rule<S: serde::Serializer>(rule: &Rule, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(rule.code())
}

/// Collects diagnostics for one file before levels are applied: each finding records its
/// rule and the highest severity it may have (rules like `uncovered-failure-mode` emit a
/// warning within the grace period).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    /// `Some(Warning)` caps the severity below the rule's configured level.
    pub cap: Option<Severity>,
    pub file: String,
    pub line: usize,
    pub id: Option<String>,
    pub message: String,
}

impl Finding {
    pub fn new(rule: Rule, file: &str, line: usize, id: Option<&str>, message: String) -> Self {
        Finding { rule, cap: None, file: file.to_string(), line: line.max(1), id: id.map(str::to_string), message }
    }

    /// Caps the severity at warning (used for findings still within a grace period).
    pub fn at_most_warning(mut self) -> Self {
        self.cap = Some(Severity::Warning);
        self
    }
}
