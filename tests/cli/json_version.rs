//! Every JSON output carries a top-level `"version": 1` as its first key, and
//! `check --format json` keeps its contract keys beside it.

use crate::support::{open_item, stabilized_incident, Repo};

fn repo() -> Repo {
    Repo::new()
        .file("incidents/INC-1.md", &stabilized_incident("INC-1", "cache race"))
        .file("incidents/INC-1-R1.md", &open_item("INC-1-R1", "INC-1", "cache race"))
}

#[test]
fn every_json_output_starts_with_the_version() {
    let repo = repo();
    let outputs: [&[&str]; 8] = [
        &["check", "--format", "json"],
        &["status", "--format", "json"],
        &["list", "--format", "json"],
        &["report", "--format", "json"],
        &["digest", "--format", "json"],
        &["config", "--format", "json"],
        &["explain", "--format", "json"],
        &["explain", "overdue", "--format", "json"],
    ];
    for args in outputs {
        let run = repo.ok(args);
        assert!(run.stdout.starts_with("{\n  \"version\": 1,\n"), "{args:?}:\n{}", run.stdout);
        assert_eq!(run.json()["version"], 1, "{args:?}");
    }
}

#[test]
fn check_json_keeps_its_contract_keys() {
    let json = repo().check_json().json();
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["version", "diagnostics", "summary"]);
    let summary: Vec<&String> = json["summary"].as_object().unwrap().keys().collect();
    assert_eq!(summary, ["errors", "warnings", "files"]);
}

#[test]
fn explain_json_names_every_rule_or_one() {
    let repo = repo().file(".incidents.yml", "rules:\n  overdue: error\n");
    let all = repo.ok(&["explain", "--format", "json"]).json();
    let codes: Vec<&str> = all["rules"].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap()).collect();
    let listed = repo.ok(&["explain", "--list"]).stdout;
    assert_eq!(codes.len(), listed.lines().count());
    assert!(codes.contains(&"missing-rollback"));
    let one = repo.ok(&["explain", "overdue", "--format", "json"]).json();
    assert_eq!(one["rules"].as_array().unwrap().len(), 1);
    assert_eq!(one["rules"][0]["default_level"], "warning");
    assert_eq!(one["rules"][0]["level"], "error");
    assert!(one["rules"][0]["explanation"].as_str().unwrap().contains("Example"));
    let unknown = repo.run(&["explain", "overdu", "--format", "json"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("did you mean `overdue`"), "{}", unknown.stderr);
}
