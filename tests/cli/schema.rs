//! `incidents schema`: each schema is a valid JSON Schema, accepts every record and the
//! config of the demo repository (and the built-in templates once filled in), and
//! rejects broken ones.

use crate::support::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo")
}

/// `incidents schema KIND` under the demo repository's config, checked against its
/// meta-schema.
fn schema(kind: &str) -> jsonschema::Validator {
    let config = std::fs::read_to_string(demo().join(".incidents.yml")).unwrap();
    let repo = Repo::new().file(".incidents.yml", &config);
    let run = repo.run(&["schema", kind]);
    assert_eq!(run.code, 0, "{run:?}");
    let schema = run.json();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    if let Err(error) = jsonschema::meta::validate(&schema) {
        panic!("the {kind} schema is not a valid JSON Schema: {error}");
    }
    jsonschema::validator_for(&schema).unwrap()
}

/// The front matter of a record file as JSON.
fn front_matter(text: &str) -> Value {
    front_matter_json(text)
}

fn errors(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator.iter_errors(value).map(|e| format!("{} at {}", e, e.instance_path)).collect()
}

fn demo_records() -> Vec<(PathBuf, Value)> {
    let mut records = Vec::new();
    let mut folders = vec![demo().join("incidents")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(&path).unwrap();
                if text.starts_with("---") {
                    records.push((path, front_matter(&text)));
                }
            }
        }
    }
    records
}

#[test]
fn the_schemas_accept_every_demo_record() {
    let (incident, remediation) = (schema("incident"), schema("remediation"));
    let records = demo_records();
    assert!(records.len() >= 60, "{}", records.len());
    for (path, record) in records {
        let validator = if record["kind"] == "incident" { &incident } else { &remediation };
        let problems = errors(validator, &record);
        assert!(problems.is_empty(), "{}: {problems:?}", path.display());
    }
}

#[test]
fn the_config_schema_accepts_the_demo_and_default_configs() {
    let validator = schema("config");
    let demo_config = std::fs::read_to_string(demo().join(".incidents.yml")).unwrap();
    for (name, text) in [("demo", demo_config.as_str()), ("built-in", template("config.yml").as_str()), ("empty", "")] {
        let value = yaml_to_json(text);
        let problems = errors(&validator, &value);
        assert!(problems.is_empty(), "{name}: {problems:?}");
    }
}

#[test]
fn the_schemas_accept_the_templates_once_filled_in() {
    let fill = |text: &str| {
        text.replace("{{id}}", "INC-1")
            .replace("{{title}}", "Checkout 502s")
            .replace("{{severity}}", "SEV2")
            .replace("{{opened}}", "2026-03-02T14:20:00Z")
            .replace("{{commander}}", "")
            .replace("{{incident}}", "INC-1")
            .replace("{{failure_mode}}", "cache race")
            .replace("{{owner}}", "team-checkout")
            .replace("{{due}}", "2026-03-16")
            .replace("{{validation}}", "staggered rollout test")
    };
    let incident = front_matter(&fill(&template("incident.md")));
    assert_eq!(errors(&schema("incident"), &incident), Vec::<String>::new());
    let item = front_matter(&fill(&template("remediation.md")));
    assert_eq!(errors(&schema("remediation"), &item), Vec::<String>::new());
}

#[test]
fn the_schemas_reject_broken_records() {
    let incident = schema("incident");
    let remediation = schema("remediation");
    let stabilized = stabilized_incident("INC-1", "cache race");
    let item = open_item("INC-1-R1", "INC-1", "cache race");
    let cases: Vec<(&str, &jsonschema::Validator, String)> = vec![
        ("unknown severity", &incident, active_incident("INC-1").replace("SEV2", "SEV9")),
        ("unknown status", &incident, active_incident("INC-1").replace("status: active", "status: done")),
        ("missing title", &incident, active_incident("INC-1").replace("title: Checkout 502s\n", "")),
        ("bad date", &incident, active_incident("INC-1").replace("2026-03-01T10:00:00Z", "March 1st")),
        ("misspelt key", &incident, active_incident("INC-1").replace("title:", "titel:")),
        ("stabilized without rollback", &incident, stabilized.replace("  rollback: redeploy v41\n", "")),
        ("stabilized with a placeholder", &incident, stabilized.replace("redeploy v41", "<how it is undone>")),
        ("closed without closed_at", &incident, stabilized.replace("status: stabilized", "status: closed")),
        ("item without owner", &remediation, item.replace("owner: team-checkout\n", "")),
        ("item with a misspelt key", &remediation, item.replace("owner:", "ownr:")),
        ("item with a bad due", &remediation, item.replace("due: 2026-03-20", "due: next week")),
        ("validated without evidence", &remediation, item.replace("status: open", "status: validated")),
        ("dropped without reason", &remediation, item.replace("status: open", "status: dropped")),
        ("an item as an incident", &incident, item.clone()),
    ];
    for (name, validator, text) in cases {
        assert!(!validator.is_valid(&front_matter(&text)), "{name} was accepted:\n{text}");
    }
    // The fixtures themselves are valid, so each rejection is the broken part's doing.
    assert!(incident.is_valid(&front_matter(&stabilized)));
    assert!(remediation.is_valid(&front_matter(&item)));
}

#[test]
fn the_config_schema_rejects_broken_configs() {
    let validator = schema("config");
    let cases = [
        "dri: incidents\n",
        "grace_period: soon\n",
        "grace_period: 7\n",
        "rules:\n  overdeu: error\n",
        "rules:\n  overdue: loud\n",
        "severities: []\n",
        "sprint: {start: 2026-01-05}\n",
        "dir: ../elsewhere\n",
        "sections: {incident: {done: [Timeline]}}\n",
        "- a list\n",
    ];
    for text in cases {
        let value = yaml_to_json(text);
        assert!(!validator.is_valid(&value), "accepted: {text}");
        // `incidents check` refuses the same config.
        let repo = Repo::new().file(".incidents.yml", text);
        assert_eq!(repo.run(&["check"]).code, 2, "{text}");
    }
}

#[test]
fn the_incident_schema_lists_the_configured_severities() {
    let repo = Repo::new().file(".incidents.yml", "severities: [P1, P2]\n");
    let run = repo.run(&["schema", "incident"]);
    assert_eq!(run.json()["properties"]["severity"]["enum"], serde_json::json!(["P1", "P2"]));
}

#[test]
fn an_unknown_schema_is_a_usage_error() {
    let run = Repo::new().run(&["schema", "incidnet"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("incident"), "{}", run.stderr);
}

#[test]
fn the_item_schema_refuses_a_built_in_non_answer_as_weak_evidence_does() {
    let validator = schema("remediation");
    let item = |evidence: &str| {
        serde_json::json!({
            "kind": "remediation", "id": "INC-1-R1", "incident": "INC-1", "failure_mode": "cache race",
            "owner": "sre", "due": "2026-03-20", "validation": "replay test of the cache race",
            "status": "validated", "change": "v2.14.0", "evidence": evidence
        })
    };
    assert!(!errors(&validator, &item("OK.")).is_empty(), "a non-answer is refused");
    assert!(!errors(&validator, &item("see ticket")).is_empty());
    assert_eq!(errors(&validator, &item("CI run 4711: replay test passed")), Vec::<String>::new());
}
