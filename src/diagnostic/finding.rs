//! A finding about one record file: rule, severity, place, record id and message.
//! Diagnostics are data; renderers in `render/` turn them into text.

use super::rule::{Rule, Severity};
use serde::Serialize;

/// One finding. Serialises as the `diagnostics[]` entry of `check --format json` (contract).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Diagnostic {
    #[serde(serialize_with = "serialize_rule")]
    pub(crate) code: Rule,
    pub(crate) severity: Severity,
    /// Path relative to the root, with `/` separators.
    pub(crate) file: String,
    /// 1-based line of the offending key, or of the opening `---` when the key is absent.
    pub(crate) line: usize,
    /// The record's id, when known.
    pub(crate) id: Option<String>,
    pub(crate) message: String,
}

fn serialize_rule<S: serde::Serializer>(rule: &Rule, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(rule.code())
}

/// Collects diagnostics for one file before levels are applied: each finding records its
/// rule and the highest severity it may have (rules like `uncovered-failure-mode` emit a
/// warning within the grace period).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub(crate) rule: Rule,
    /// `Some(Warning)` caps the severity below the rule's configured level.
    pub(crate) cap: Option<Severity>,
    pub(crate) file: String,
    pub(crate) line: usize,
    pub(crate) id: Option<String>,
    pub(crate) message: String,
}

impl Finding {
    pub(crate) fn new(rule: Rule, file: &str, line: usize, id: Option<&str>, message: String) -> Self {
        Finding { rule, cap: None, file: file.to_string(), line: line.max(1), id: id.map(str::to_string), message }
    }

    /// Caps the severity at warning (used for findings still within a grace period).
    pub(crate) fn at_most_warning(mut self) -> Self {
        self.cap = Some(Severity::Warning);
        self
    }
}
