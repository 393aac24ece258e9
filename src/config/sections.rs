//! Required body sections per record kind and status (`sections:` in the config), read
//! by the `missing-section` rule.

use std::collections::BTreeMap;

/// Heading texts that must exist, with content, per status of each record kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sections {
    pub(crate) incident: BTreeMap<String, Vec<String>>,
    pub(crate) remediation: BTreeMap<String, Vec<String>>,
}

impl Default for Sections {
    /// An incident past gate 1 has a `Timeline`; a shipped or validated item has a
    /// `Causal analysis`.
    fn default() -> Self {
        let timeline = vec!["Timeline".to_string()];
        let analysis = vec!["Causal analysis".to_string()];
        Sections {
            incident: BTreeMap::from([("stabilized".to_string(), timeline.clone()), ("closed".to_string(), timeline)]),
            remediation: BTreeMap::from([
                ("shipped".to_string(), analysis.clone()),
                ("validated".to_string(), analysis),
            ]),
        }
    }
}

impl Sections {
    /// The sections required of a record of `kind` (`incident`/`remediation`) in `status`.
    pub(crate) fn required(&self, kind: &str, status: &str) -> &[String] {
        let table = if kind == "incident" { &self.incident } else { &self.remediation };
        table.get(status).map_or(&[], Vec::as_slice)
    }
}
