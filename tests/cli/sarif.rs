//! `check --format sarif`: a SARIF 2.1.0 log that code scanning accepts.

use crate::support::*;
use serde_json::Value;

fn repo_with_findings() -> Repo {
    let incident = stabilized_incident("INC-1", "cache race").replace("  rollback: redeploy v41\n", "");
    let item = open_item("INC-1-R1", "INC-1", "cache race").replace("owner: team-checkout\n", "");
    Repo::new().file("incidents/2026/INC-1.md", &incident).file("incidents/2026/INC-1-R1.md", &item)
}

#[test]
fn results_carry_rule_id_relative_path_and_line() {
    let repo = repo_with_findings();
    let run = repo.run(&["check", "--format", "sarif"]);
    assert_eq!(run.code, 1, "{run:?}");
    let log = run.json();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let results = log["runs"][0]["results"].as_array().unwrap();
    let found: Vec<(String, String, u64)> = results
        .iter()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"];
            (
                r["ruleId"].as_str().unwrap().to_string(),
                location["artifactLocation"]["uri"].as_str().unwrap().to_string(),
                location["region"]["startLine"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(found.contains(&("missing-rollback".into(), "incidents/2026/INC-1.md".into(), 1)), "{found:?}");
    assert!(found.contains(&("missing-owner".into(), "incidents/2026/INC-1-R1.md".into(), 1)), "{found:?}");
    // The same findings as the JSON format, one for one.
    let json = repo.check_json().json();
    let expected: Vec<(String, String, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap().into(), d["file"].as_str().unwrap().into(), d["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(found, expected);
    assert!(results.iter().all(|r| r["level"] == "error" || r["level"] == "warning"));
    assert!(results.iter().all(|r| !r["message"]["text"].as_str().unwrap().is_empty()));
}

#[test]
fn the_driver_describes_every_rule_with_help() {
    let repo = Repo::new()
        .file(".incidents.yml", "rules:\n  vague-text: off\n  overdue: error\n")
        .file("incidents/INC-1.md", &active_incident("INC-1"));
    let run = repo.run(&["check", "--format", "sarif"]);
    assert_eq!(run.code, 0, "{run:?}");
    let log = run.json();
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "incidents");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 31);
    let rule = |id: &str| rules.iter().find(|r| r["id"] == id).cloned().unwrap_or(Value::Null);
    let rollback = rule("missing-rollback");
    assert!(rollback["shortDescription"]["text"].as_str().unwrap().contains("stabilized or closed"));
    assert!(rollback["help"]["text"].as_str().unwrap().contains("How to fix"));
    assert!(rollback["fullDescription"]["text"].as_str().unwrap().contains("What it checks"));
    assert_eq!(rollback["defaultConfiguration"]["level"], "error");
    assert_eq!(rule("overdue")["defaultConfiguration"]["level"], "error");
    assert_eq!(rule("vague-text")["defaultConfiguration"]["enabled"], false);
    assert_eq!(log["runs"][0]["results"], Value::Array(Vec::new()));
}
