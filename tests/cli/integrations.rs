//! The files other tools read: the GitHub Actions example workflow and the pre-commit
//! hooks. They must parse, say what the docs say they do, and run commands that work.

use crate::support::*;
use serde_json::Value;
use std::path::Path;

fn yaml_file(relative: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{relative}: {e}"));
    yaml_to_json(&text)
}

/// Whether `regex` matches `text`, with the ECMA-262 engine the schema validator uses
/// (the hook's pattern is plain enough to read the same in Python).
fn matches(regex: &str, text: &str) -> bool {
    jsonschema::is_valid(&serde_json::json!({"type": "string", "pattern": regex}), &Value::from(text))
}

#[test]
fn the_workflow_checks_pull_requests_and_the_merge_queue() {
    let workflow = yaml_file("examples/ci/incidents.yml");
    let on = workflow["on"].as_object().unwrap();
    assert!(on.contains_key("pull_request") && on.contains_key("merge_group"), "{on:?}");
    let steps = workflow["jobs"]["check"]["steps"].as_array().unwrap();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(runs.iter().any(|r| r.contains("cargo install --locked")), "{runs:?}");
    assert!(runs.iter().any(|r| r.trim() == "incidents check --format github"), "{runs:?}");
    assert!(runs.iter().any(|r| r.contains("incidents check --format sarif > incidents.sarif")), "{runs:?}");
    let upload = steps.iter().find(|s| s["uses"].as_str().is_some_and(|u| u.contains("upload-sarif"))).unwrap();
    assert_eq!(upload["with"]["sarif_file"], "incidents.sarif");
    assert!(!workflow.to_string().contains("secrets."), "the example needs no secrets");
}

#[test]
fn the_pre_commit_hooks_check_the_whole_repository() {
    let hooks = yaml_file(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().unwrap();
    assert!(hooks.iter().any(|h| h["id"] == "incidents-check" && h["language"] == "rust"));
    for hook in hooks {
        assert_eq!(hook["pass_filenames"], false, "{hook}");
        assert!(["rust", "system"].contains(&hook["language"].as_str().unwrap()), "{hook}");
        let files = hook["files"].as_str().unwrap();
        for path in ["incidents/2026/INC-1.md", ".incidents.yml", "sub/.incidents.yml"] {
            assert!(matches(files, path), "{files} misses {path}");
        }
        for path in ["src/main.rs", "x.incidents.yml", "notes.mdx"] {
            assert!(!matches(files, path), "{files} matches {path}");
        }
        // The entry is a command that works as it stands.
        let entry: Vec<&str> = hook["entry"].as_str().unwrap().split_whitespace().collect();
        assert_eq!(entry[0], "incidents");
        let repo = Repo::new().file("incidents/INC-1.md", &active_incident("INC-1"));
        let run = repo.run(&entry[1..]);
        assert_eq!(run.code, 0, "{run:?}");
    }
}
