//! The front-matter schemas of an incident and of a remediation item (SPEC §2).

use super::parts::{describe, evidence_text, one_of, optional_text, optional_timestamp, text_list, timestamp, written};
use super::DRAFT;
use crate::record::{IncidentStatus, ItemStatus, Source};
use serde_json::{json, Map, Value};

/// The incident schema; `severities` are the configured ones.
pub(crate) fn incident(severities: &[String]) -> Value {
    let stabilization = json!({
        "type": ["object", "null"],
        "description": "Gate 1: restore service with the smallest safe change. Required once the incident is stabilized.",
        "additionalProperties": false,
        "properties": {
            "signal": evidence_text("The reproducible signal that shows the symptom, e.g. `5xx rate on checkout-api > 2%`."),
            "intervention": evidence_text("The smallest safe change that restored service; `none: recovered when the provider recovered` is an answer."),
            "rollback": evidence_text("How the intervention is undone if it misbehaves."),
            "verification": evidence_text("The production metrics that confirmed restoration (not local tests)."),
            "stabilized_at": optional_timestamp("When gate 1 closed: `YYYY-MM-DD` or RFC 3339; not before `opened`."),
            "uncertainty": optional_text("What is still unknown (shown in the status block)."),
        }
    });
    let properties = json!({
        "kind": describe(json!({"const": "incident"}), "The record type."),
        "id": written("Unique in the repository, e.g. `INC-42`. `incidents new` picks the next free one."),
        "title": written("One line."),
        "severity": describe(json!({"enum": severity_values(severities)}), "One of the severities configured in `.incidents.yml`."),
        "status": one_of(IncidentStatus::NAMES, "`active` → `stabilized` (gate 1) → `closed` (gate 2)."),
        "opened": timestamp("When the incident began: `YYYY-MM-DD` or RFC 3339, e.g. `2026-03-02T14:20:00Z`."),
        "commander": optional_text("Who runs the incident."),
        "failure_modes": describe(
            json!({"type": ["array", "null"], "items": {"anyOf": [
                {"type": ["string", "number", "boolean", "null"]},
                {
                    "type": "object",
                    "description": "A failure mode with its own repeat-failure class.",
                    "required": ["mode"],
                    "additionalProperties": false,
                    "properties": {
                        "mode": {"type": ["string", "number", "boolean", "null"], "description": "The breakage in a plain sentence."},
                        "class": {"type": ["string", "number", "boolean", "null"], "description": "Its repeat-failure class, e.g. `state-mismatch-during-partial-deploy`; the incident's `classes` apply when absent."},
                    }
                }
            ]}}),
            "Plain-language breakages, e.g. `cache invalidation race after partial deploy`; an entry is a sentence or `{mode: TEXT, class: NAME}`. Each gets remediation items before the incident closes.",
        ),
        "classes": text_list("Repeat-failure class tags, e.g. `state-mismatch-during-partial-deploy`; they apply to failure modes without a class of their own."),
        "stabilization": stabilization,
        "closed_at": optional_timestamp("When gate 2 closed; not before `stabilization.stabilized_at`."),
    });
    let gate_one = json!({
        "required": ["stabilization"],
        "properties": {"stabilization": {
            "type": "object",
            "required": ["signal", "intervention", "rollback", "verification", "stabilized_at"],
            "properties": {
                "signal": written("Required past gate 1."),
                "intervention": written("Required past gate 1."),
                "rollback": written("Required past gate 1."),
                "verification": written("Required past gate 1."),
                "stabilized_at": timestamp("Required past gate 1."),
            }
        }}
    });
    let gate_two = json!({
        "required": ["closed_at", "failure_modes"],
        "properties": {
            "closed_at": timestamp("Required when closed."),
            "failure_modes": {"type": "array", "minItems": 1},
        }
    });
    object(
        "incidents: incident front matter",
        "The YAML front matter of an incident record (`kind: incident`). `incidents check` also checks what a schema cannot: unique ids, remediation coverage, dates relative to today.",
        &["kind", "id", "title", "severity", "status", "opened"],
        properties,
        vec![when_status(&["stabilized", "closed"], gate_one), when_status(&["closed"], gate_two)],
    )
}

/// The remediation item schema.
pub(crate) fn remediation() -> Value {
    let date = r"^\s*\d{4}-\d{2}-\d{2}\s*$";
    let properties = json!({
        "kind": describe(json!({"const": "remediation"}), "The record type."),
        "id": written("Unique in the repository, e.g. `INC-42-R1`. `incidents remediate` picks the next free one."),
        "incident": written("The id of an existing incident."),
        "title": optional_text("One line."),
        "failure_mode": written("Exactly one of the incident's `failure_modes` (case and runs of white space ignored), named in a plain sentence."),
        "owner": written("A person or team."),
        "due": describe(json!({
            "anyOf": [
                {"type": "string", "pattern": date},
                {
                    "type": "object",
                    "required": ["end"],
                    "additionalProperties": false,
                    "properties": {
                        "start": {"anyOf": [{"type": "null"}, {"type": "string", "pattern": date}]},
                        "end": {"type": "string", "pattern": date}
                    }
                }
            ]
        }), "The end of the due window as `YYYY-MM-DD`, or `{start: YYYY-MM-DD, end: YYYY-MM-DD}`."),
        "validation": evidence_text("What would prove the system changed, e.g. an integration test that simulates a staggered rollout. Required unless `diagnosing` or `dropped`."),
        "validation_command": optional_text("A shell command that runs the validation (`incidents validate --run` runs it)."),
        "status": one_of(ItemStatus::NAMES, "`diagnosing` (no validation yet) → `open` → `in-progress` → `shipped` (with `change`) → `validated` (with `evidence`), or `dropped` (with `reason` and `approved_by`)."),
        "change": evidence_text("The change that shipped the fix: a commit SHA, a pull/merge request or commit URL, or a release tag or ticket key. Required when shipped or validated."),
        "change_source": optional_choice(Source::CHANGE, "Extension: where `change` came from, stamped by the tool: `trailer` when `incidents ship` (without `--change`) or `incidents sync --write` took it from a commit's `Remediates:` trailer; `hand` (or no key) when a person gave it."),
        "evidence": evidence_text("Where the validation signal passed: a CI run, a test name, a dashboard. Required when validated."),
        "evidence_source": optional_choice(Source::EVIDENCE, "Extension: where `evidence` came from: `run` when `incidents validate --run` wrote it after `validation_command` exited 0; `hand` (or no key) when a person gave it."),
        "reason": evidence_text("Why the item will not be done. Required when dropped."),
        "approved_by": optional_text("Who accepted the risk of not doing the item. Required when dropped."),
        "started_at": optional_timestamp("When the item moved to `in-progress` (`incidents start` stamps it)."),
        "shipped_at": optional_timestamp("When the fix shipped (`incidents ship` stamps it)."),
        "validated_at": optional_timestamp("When the validation passed (`incidents validate` stamps it)."),
        "dropped_at": optional_timestamp("When the item was dropped (`incidents drop` stamps it)."),
        "due_history": describe(json!({
            "type": ["array", "null"],
            "items": {
                "type": "object",
                "required": ["due"],
                "additionalProperties": false,
                "properties": {
                    "due": {"type": "string", "pattern": date},
                    "moved_at": {"anyOf": [{"type": "null"}, {"type": "string", "pattern": super::parts::TIMESTAMP}]},
                    "reason": {"type": ["string", "number", "boolean", "null"]}
                }
            }
        }), "Earlier due dates, oldest first: `{due, moved_at, reason}` (`incidents move-due` appends them)."),
        "links": text_list("Pull requests, dashboards, documents."),
    });
    object(
        "incidents: remediation item front matter",
        "The YAML front matter of a remediation item (`kind: remediation`). `incidents check` also checks what a schema cannot: that the incident exists and lists the failure mode, due dates against today.",
        &["kind", "id", "incident", "failure_mode", "owner", "due", "status"],
        properties,
        vec![
            when_status(
                &["open", "in-progress", "shipped", "validated"],
                json!({"required": ["validation"], "properties": {"validation": written("Required unless diagnosing or dropped.")}}),
            ),
            when_status(&["shipped", "validated"], json!({"required": ["change"], "properties": {"change": written("Required when shipped or validated.")}})),
            when_status(&["validated"], json!({"required": ["evidence"], "properties": {"evidence": written("Required when validated.")}})),
            when_status(
                &["dropped"],
                json!({"required": ["reason", "approved_by"], "properties": {"reason": written("Required when dropped."), "approved_by": written("Required when dropped.")}}),
            ),
        ],
    )
}

/// A closed object schema with its conditional parts.
fn object(title: &str, description: &str, required: &[&str], properties: Value, all_of: Vec<Value>) -> Value {
    let mut schema = Map::new();
    schema.insert("$schema".into(), json!(DRAFT));
    schema.insert("title".into(), json!(title));
    schema.insert("description".into(), json!(description));
    schema.insert("type".into(), json!("object"));
    schema.insert("required".into(), json!(required));
    schema.insert("additionalProperties".into(), json!(false));
    schema.insert("properties".into(), properties);
    schema.insert("allOf".into(), Value::Array(all_of));
    Value::Object(schema)
}

/// `then` applies when `status` is one of `statuses`.
fn when_status(statuses: &[&str], then: Value) -> Value {
    json!({
        "if": {"required": ["status"], "properties": {"status": {"enum": statuses}}},
        "then": then
    })
}

/// The configured severities, each also as a number when it reads as one (`severity: 1`
/// is read as the text `1`).
fn severity_values(severities: &[String]) -> Vec<Value> {
    let mut values: Vec<Value> = severities.iter().map(|s| json!(s)).collect();
    values.extend(severities.iter().filter_map(|s| s.parse::<i64>().ok()).map(Value::from));
    values
}

/// One of `names`, or nothing written.
fn optional_choice(names: &[&str], description: &str) -> Value {
    describe(json!({"anyOf": [{"type": "null"}, {"enum": names}]}), description)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{properties, sorted};
    use super::*;
    use crate::record::{INCIDENT_KEYS, REMEDIATION_KEYS, STABILIZATION_KEYS};

    #[test]
    fn properties_are_the_keys_the_readers_know() {
        let schema = incident(&["SEV1".to_string()]);
        assert_eq!(properties(&schema, "/properties"), sorted(INCIDENT_KEYS));
        assert_eq!(properties(&schema, "/properties/stabilization/properties"), sorted(STABILIZATION_KEYS));
        assert_eq!(properties(&remediation(), "/properties"), sorted(REMEDIATION_KEYS));
    }

    #[test]
    fn the_non_answer_pattern_agrees_with_the_rule_on_ascii_text() {
        use crate::record::evidence::{is_non_answer, NON_ANSWERS};
        let schema = json!({"type": "string", "pattern": super::super::parts::non_answer_pattern()});
        let matches = |text: &str| jsonschema::is_valid(&schema, &json!(text));
        let mut samples: Vec<String> = NON_ANSWERS.iter().map(|p| p.to_string()).collect();
        samples.extend(NON_ANSWERS.iter().map(|p| format!("  {}. ", p.to_uppercase())));
        samples.extend(
            [
                "N/A",
                "n.a.",
                "see  ticket!",
                "...",
                "-",
                "?!",
                "Looks-good",
                "lgtm :)",
                "none: recovered when the provider recovered",
                "okay then",
                "seeticket",
                "5xx under 0.1%",
                "passed in CI run 4",
                "nö",
                "ok\u{e9}",
                "",
                "   ",
            ]
            .map(str::to_string),
        );
        for text in samples {
            let expected = is_non_answer(&text, &[]) && !text.trim().is_empty();
            assert_eq!(matches(&text), expected, "{text:?}");
        }
    }

    #[test]
    fn severities_come_from_the_config() {
        let schema = incident(&["P1".to_string(), "2".to_string()]);
        assert_eq!(schema["properties"]["severity"]["enum"], json!(["P1", "2", 2]));
    }
}
