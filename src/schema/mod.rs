//! JSON Schemas of the two front matters and of `.incidents.yml`, for editors and other
//! tools (`incidents schema incident|remediation|config`).
//!
//! They declare draft-07: VS Code's YAML extension (yaml-language-server) supports
//! draft-07 fully and later drafts only in part, and nothing here needs a later draft.
//!
//! The schemas describe what `incidents check` accepts, as far as a schema can: keys and
//! their types, allowed values (the incident schema's `severity` lists the severities of
//! the repository's config), dates, and the keys a status requires (gate 1 and gate 2,
//! `evidence` when validated, `reason` when dropped). Cross-record rules (ids, references,
//! coverage) and dates relative to today are `incidents check`'s alone. Unit tests keep
//! the property lists equal to the keys the record readers and the config loader know.

mod config;
mod parts;
mod records;

use crate::config::Config;
use serde_json::Value;

/// The draft every schema declares.
pub(crate) const DRAFT: &str = "http://json-schema.org/draft-07/schema#";

/// Which schema to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SchemaKind {
    /// The front matter of an incident record
    Incident,
    /// The front matter of a remediation item
    Remediation,
    /// The `.incidents.yml` config file
    Config,
}

impl SchemaKind {
    #[cfg(test)]
    pub(crate) const ALL: [SchemaKind; 3] = [SchemaKind::Incident, SchemaKind::Remediation, SchemaKind::Config];

    #[cfg(test)]
    pub(crate) fn name(self) -> &'static str {
        match self {
            SchemaKind::Incident => "incident",
            SchemaKind::Remediation => "remediation",
            SchemaKind::Config => "config",
        }
    }
}

/// The schema of `kind`; the incident schema reads the severities from `config`.
pub(crate) fn schema(kind: SchemaKind, config: &Config) -> Value {
    match kind {
        SchemaKind::Incident => records::incident(&config.severities),
        SchemaKind::Remediation => records::remediation(),
        SchemaKind::Config => config::config(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The property names of the object schema at `pointer`.
    pub(super) fn properties(schema: &Value, pointer: &str) -> Vec<String> {
        let mut keys: Vec<String> = schema
            .pointer(pointer)
            .and_then(Value::as_object)
            .map(|map| map.keys().cloned().collect())
            .unwrap_or_default();
        keys.sort();
        keys
    }

    pub(super) fn sorted(keys: &[&str]) -> Vec<String> {
        let mut keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        keys.sort();
        keys
    }

    #[test]
    fn every_schema_declares_the_draft_and_closes_its_objects() {
        for kind in SchemaKind::ALL {
            let schema = schema(kind, &Config::default());
            assert_eq!(schema["$schema"], DRAFT, "{}", kind.name());
            assert_eq!(schema["additionalProperties"], false, "{}", kind.name());
            assert!(schema["title"].as_str().is_some_and(|t| !t.is_empty()));
        }
    }
}
