//! `incidents explain`: from the same registry as `check`, and in step with docs/rules.md.

use crate::support::*;

#[test]
fn explains_a_rule() {
    let run = Repo::new().run(&["explain", "missing-rollback"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("## missing-rollback\n\nDefault level: **error**."), "{}", run.stdout);
    assert!(run.stdout.contains("**How to fix.**") && run.stdout.contains("**Example.**"));
}

#[test]
fn an_unknown_code_is_exit_2_with_a_suggestion() {
    let run = Repo::new().run(&["explain", "missing-rolback"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("did you mean `missing-rollback`?"), "{}", run.stderr);
}

#[test]
fn lists_every_rule_with_the_level_in_effect() {
    let repo = Repo::new().file(".incidents.yml", "rules: {overdue: error}\n");
    let run = repo.run(&["explain", "--list"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.lines().count(), 31);
    let overdue = run.stdout.lines().find(|l| l.starts_with("overdue ")).unwrap();
    assert!(overdue.contains(" error "), "{overdue}");
    let explained = repo.run(&["explain", "overdue"]);
    assert!(explained.stdout.contains("This repository's config sets it to **error**."));
}

#[test]
fn docs_rules_md_matches_the_registry() {
    let docs = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md")).unwrap();
    let run = Repo::new().run(&["explain", "--all"]);
    assert_eq!(
        run.stdout, docs,
        "docs/rules.md is out of date: regenerate it with `cargo run -- explain --all > docs/rules.md`"
    );
}

#[test]
fn explain_still_works_when_the_config_is_broken() {
    let repo = Repo::new().file(".incidents.yml", "rules: {overdeu: error}\n");
    let run = repo.run(&["explain", "overdue"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("## overdue"));
    assert!(
        run.stderr.contains("did you mean `overdue`") && run.stderr.contains("using the default settings"),
        "{}",
        run.stderr
    );
    assert_eq!(repo.run(&["check"]).code, 2, "check still refuses a broken config");
}
