//! `incidents config`: the root and how it was found, the config file, templates and
//! every setting in effect, as text and as JSON.

use crate::support::*;

#[test]
fn shows_defaults_when_there_is_no_config() {
    let repo = Repo::new();
    let run = repo.run(&["config"]);
    assert_eq!(run.code, 0, "{run:?}");
    for expected in [
        "given with --root",
        "none, defaults",
        "incidents/  (does not exist yet)",
        "incident.md     built-in",
        "SEV1, SEV2, SEV3, SEV4",
        "SEV1 14d, SEV2 30d, SEV3 60d, SEV4 90d",
        "grace period   7d",
        "incident stabilized: Timeline",
        "open editor    yes: `new` and `remediate` open the created file",
        "missing-rollback",
    ] {
        assert!(run.stdout.contains(expected), "missing {expected:?}:\n{}", run.stdout);
    }
    assert!(!run.stdout.contains("set in the config"), "{}", run.stdout);
}

#[test]
fn shows_the_config_file_overrides_and_template_overrides() {
    let repo = Repo::new()
        .file(".incidents.yml", "dir: records\nseverities: [P1, P2]\ndue_policy: {P1: 1w}\ngrace_period: 3d\nsprint: {start: 2026-01-05, length: 2w}\nrules: {overdue: error}\nignore: ['records/drafts/**']\n")
        .file(".incidents/templates/remediation.md", "---\nkind: remediation\n---\n")
        .file("records/README.md", "not a record\n");
    let run = repo.run(&["config"]);
    assert_eq!(run.code, 0, "{run:?}");
    for expected in [
        ".incidents.yml",
        "records/\n",
        "remediation.md  override .incidents/templates/remediation.md",
        "P1, P2",
        "P1 7d",
        "grace period   3d",
        "14d sprints from 2026-01-05",
        "records/drafts/**",
    ] {
        assert!(run.stdout.contains(expected), "missing {expected:?}:\n{}", run.stdout);
    }
    let overdue = run.stdout.lines().find(|l| l.trim_start().starts_with("overdue")).unwrap();
    assert!(overdue.contains("error") && overdue.contains("set in the config (default warning)"), "{overdue}");
}

#[test]
fn json_names_every_setting() {
    let repo = Repo::new()
        .file(".incidents.yml", "rules: {vague-text: off}\n")
        .file("incidents/INC-1.md", &active_incident("INC-1"));
    let run = repo.run(&["config", "--format", "json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let json = run.json();
    assert_eq!(json["root_source"], "flag");
    assert!(json["config_file"].as_str().unwrap().ends_with(".incidents.yml"));
    assert_eq!(json["records_dir"], "incidents");
    assert_eq!(json["records_dir_exists"], true);
    assert_eq!(json["templates"].as_array().unwrap().len(), 3);
    assert_eq!(json["grace_period_days"], 7);
    assert_eq!(json["open_editor"], true);
    assert_eq!(json["rules"].as_array().unwrap().len(), 31);
    let vague = json["rules"].as_array().unwrap().iter().find(|r| r["code"] == "vague-text").unwrap().clone();
    assert_eq!((vague["level"].as_str(), vague["overridden"].as_bool()), (Some("off"), Some(true)));
}

#[test]
fn says_how_the_root_was_found() {
    let repo = Repo::new().file(".incidents.yml", "").file("incidents/sub/.keep", "");
    // `Repo::run` always passes --root: run the binary from a subfolder without it.
    let output = assert_cmd::Command::cargo_bin("incidents")
        .unwrap()
        .args(["config", "--format", "json"])
        .current_dir(repo.abs("incidents/sub"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["root_source"], "config-file");
    assert_eq!(json["root_found_by"], "nearest folder with .incidents.yml");
}

#[test]
fn a_broken_config_is_reported_not_shown() {
    let repo = Repo::new().file(".incidents.yml", "grace_period: soon\n");
    let run = repo.run(&["config"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("grace_period"), "{}", run.stderr);
}
