//! The schema of `.incidents.yml` (see `crate::config::load` for what each key accepts).

use super::parts::{config_list, date, describe, span};
use super::DRAFT;
use crate::diagnostic::Rule;
use crate::record::{IncidentStatus, ItemStatus};
use serde_json::{json, Map, Value};

/// The config schema.
pub(crate) fn config() -> Value {
    let rules: Map<String, Value> = Rule::ALL
        .iter()
        .map(|rule| {
            let description = format!(
                "Default: {}. Fires when {}. `incidents explain {}` says more.",
                rule.default_level().as_str(),
                rule.summary(),
                rule.code()
            );
            (rule.code().to_string(), describe(json!({"enum": ["error", "warning", "off"]}), &description))
        })
        .collect();
    let headings = |status: &&str| {
        (
            status.to_string(),
            config_list(&format!("Headings a record with status `{status}` must contain, with text under them."), 0),
        )
    };
    let sections_of = |statuses: &[&str]| -> Value {
        json!({
            "type": "object",
            "additionalProperties": false,
            "properties": statuses.iter().map(headings).collect::<Map<String, Value>>()
        })
    };
    json!({
        "$schema": DRAFT,
        "title": "incidents: .incidents.yml",
        "description": "The incidents config at the repository root. Every key is optional; unknown keys and bad values stop every command (exit status 2).",
        "type": ["object", "null"],
        "additionalProperties": false,
        "properties": {
            "dir": describe(json!({
                "type": "string",
                "pattern": r"\S",
                "not": {"pattern": r"^\s*/|(^|/)\.\.(/|\s*$)"}
            }), "Where records live, relative to the root. Default: `incidents`."),
            "id_prefix": describe(json!({"type": "string", "pattern": r"^\s*[A-Za-z0-9_]+\s*$"}), "Prefix of incident ids (`INC` gives `INC-42`): letters, digits or `_`. Default: `INC`."),
            "severities": config_list("Allowed severities, most severe first. Default: `[SEV1, SEV2, SEV3, SEV4]`.", 1),
            "due_policy": describe(json!({
                "type": "object",
                "additionalProperties": span("Longest due window from stabilization, e.g. `14d` or `2w`.", false)
            }), "Longest due window per severity (each key a configured severity). Default: SEV1 14d, SEV2 30d, SEV3 60d, SEV4 90d."),
            "grace_period": span("How long after stabilization failure modes may lack remediation items before `uncovered-failure-mode` is an error. Default: `7d`.", false),
            "sprint": describe(json!({
                "type": "object",
                "required": ["start", "length"],
                "additionalProperties": false,
                "properties": {
                    "start": date("The first day of a sprint."),
                    "length": span("Sprint length, e.g. `14d` or `2w`.", true)
                }
            }), "Sprint cadence, so `--due this-sprint` / `next-sprint` resolve to a date."),
            "rules": describe(json!({
                "type": "object",
                "additionalProperties": false,
                "properties": rules
            }), "Per-rule level overrides: `error`, `warning` or `off`."),
            "vague_phrases": config_list("Phrases that name no breakage; replaces the built-in list.", 0),
            "non_evidence": describe(json!({
                "type": "array",
                "maxItems": crate::config::MAX_LIST_ENTRIES,
                "items": {"anyOf": [
                    {"type": ["number", "boolean"]},
                    {"type": "string", "pattern": r"[^\s!-/:-@\[-`{-~]", "maxLength": crate::config::MAX_NON_EVIDENCE_CHARS}
                ]}
            }), "More non-answers, added to the built-in list (`n/a`, `ok`, `see ticket`, …): an evidence field holding only one of them (case and punctuation ignored) gets `weak-evidence`. Each entry at most 60 characters with a letter or digit. Default: `[]`."),
            "ignore": config_list("Globs, relative to the root, of files that are not records.", 0),
            "sections": describe(json!({
                "type": "object",
                "additionalProperties": false,
                "properties": {
                    "incident": sections_of(IncidentStatus::NAMES),
                    "remediation": sections_of(ItemStatus::NAMES)
                }
            }), "Body sections (heading text) that must exist with content, per record kind and status."),
            "owners": describe(json!({
                "oneOf": [
                    {"const": "codeowners"},
                    {"type": "array", "items": {"type": "string", "pattern": r"\S"}}
                ]
            }), "Who may own remediation items: a list of people and teams, or `codeowners` for every owner named in CODEOWNERS. When set, `unknown-owner` checks every item's owner."),
            "open_editor": describe(json!({"type": "boolean"}), "Whether `incidents new` and `incidents remediate` open $VISUAL (else $EDITOR) on the file they create, at a terminal; `--no-edit` skips it once. Default: `true`."),
            "classes": describe(json!({
                "type": "object",
                "additionalProperties": {"type": "string", "minLength": 1}
            }), "Optional vocabulary of repeat-failure classes: class name → one-line description. When set, `unknown-class` checks every class in the records against it."),
            "git": describe(json!({"enum": ["auto", "off"]}), "`auto` (default) reads git history when the root is in a git work tree (`ship` without `--change`, `sync`, `unknown-change`); `off` never reads it."),
            "validation_timeout": describe(json!({"type": "string", "pattern": "^[1-9][0-9]*[smh]$"}), "How long `incidents validate --run` lets `validation_command` run before it is killed, e.g. `90s`, `10m`. Default: `10m`."),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{properties, sorted};
    use super::*;

    #[test]
    fn properties_are_the_keys_the_loader_knows() {
        assert_eq!(properties(&config(), "/properties"), sorted(&crate::config::KEYS));
        let rules = properties(&config(), "/properties/rules/properties");
        assert_eq!(rules.len(), Rule::ALL.len());
    }
}
