//! The rules that ask for evidence, not words (SPEC §2–§3): each fires alone, at the
//! file and line it names, and stays quiet on its counterpart. Also `not-a-record`
//! discovery and the grace-period date.

use crate::support::*;

const INCIDENT: &str = "incidents/INC-1.md";
const ITEM: &str = "incidents/INC-1-R1.md";
const MODE: &str = "cache race after partial deploy";

/// The diagnostics of `check --format json` as (code, file, line, message).
fn found(repo: &Repo) -> Vec<(String, String, u64, String)> {
    let run = repo.check_json();
    assert!(run.code == 0 || run.code == 1, "{run:?}");
    run.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Asserts exactly one diagnostic, of `code` at `file:line`; returns its message.
fn only(repo: &Repo, code: &str, file: &str, line: u64) -> String {
    let found = found(repo);
    assert_eq!(found.len(), 1, "expected only {code}: {found:?}");
    let (got, at, got_line, message) = &found[0];
    assert_eq!((got.as_str(), at.as_str(), *got_line), (code, file, line), "{message}");
    message.clone()
}

fn assert_quiet(repo: &Repo) {
    assert_eq!(found(repo), Vec::new());
}

/// A stabilized SEV2 incident (stabilized 2026-03-08) with one item, both valid; lines
/// of the incident: signal 11, intervention 12, rollback 13, verification 14; of the
/// item: due 7, validation 8, status 9.
fn repo_with(incident: &str, item: &str) -> Repo {
    Repo::new().file(INCIDENT, incident).file(ITEM, item)
}

fn incident() -> String {
    stabilized_incident("INC-1", MODE)
}

fn item() -> String {
    open_item("INC-1-R1", "INC-1", MODE)
}

#[test]
fn the_fixture_is_quiet() {
    assert_quiet(&repo_with(&incident(), &item()));
}

#[test]
fn weak_evidence_fires_on_each_gate_one_field_at_its_line() {
    for (key, written, non_answer, line) in [
        ("signal", "5xx above 2% on checkout-api", "?", 11),
        ("intervention", "rolled checkout-api back to v40", "n/a", 12),
        ("rollback", "redeploy v41", "None.", 13),
        ("verification", "5xx under 0.1% for 30 minutes on the production dashboard", "LGTM", 14),
    ] {
        let text = incident().replace(&format!("  {key}: {written}\n"), &format!("  {key}: \"{non_answer}\"\n"));
        let message = only(&repo_with(&text, &item()), "weak-evidence", INCIDENT, line);
        assert!(
            message.starts_with(&format!("`stabilization.{key}` holds a non-answer (\"{non_answer}\"): write ")),
            "{message}"
        );
    }
}

#[test]
fn a_sentence_that_starts_with_a_non_answer_is_an_answer() {
    let text = incident().replace(
        "intervention: rolled checkout-api back to v40",
        "intervention: \"none: recovered when the provider recovered\"",
    );
    assert_quiet(&repo_with(&text, &item()));
}

#[test]
fn a_placeholder_is_missing_not_weak() {
    let text = incident().replace(
        "intervention: rolled checkout-api back to v40",
        "intervention: <the smallest safe change that restores service>",
    );
    only(&repo_with(&text, &item()), "missing-intervention", INCIDENT, 12);
}

#[test]
fn weak_evidence_fires_on_each_item_field_and_not_vague_text_too() {
    let validated = item().replace(
        "status: open\n",
        "status: validated\nchange: https://git.example.com/shop/pull/7\nevidence: CI run 88121 passed\n",
    );
    let dropped = item().replace("status: open\n", "status: dropped\nreason: superseded by INC-4\napproved_by: dana\n");
    for (base, from, to, key, line) in [
        (
            item(),
            "validation: staggered rollout integration test asserts cache keys converge",
            "validation: n/a",
            "validation",
            8,
        ),
        (validated.clone(), "change: https://git.example.com/shop/pull/7", "change: see ticket", "change", 10),
        (validated, "evidence: CI run 88121 passed", "evidence: ok", "evidence", 11),
        (dropped, "reason: superseded by INC-4", "reason: \"-\"", "reason", 10),
    ] {
        assert!(base.contains(from), "{from}");
        let message = only(&repo_with(&incident(), &base.replace(from, to)), "weak-evidence", ITEM, line);
        assert!(message.starts_with(&format!("`{key}` holds a non-answer")), "{message}");
    }
}

#[test]
fn non_evidence_adds_phrases_from_the_config() {
    let validated = item().replace(
        "status: open\n",
        "status: validated\nchange: https://git.example.com/shop/pull/7\nevidence: As discussed.\n",
    );
    let repo = repo_with(&incident(), &validated);
    assert_quiet(&repo);
    let repo = repo.file(".incidents.yml", "non_evidence: [as discussed]\n");
    let message = only(&repo, "weak-evidence", ITEM, 11);
    assert!(message.contains("\"As discussed.\""), "{message}");
    let config = repo.run(&["config", "--format", "json"]);
    assert_eq!(config.json()["non_evidence"], serde_json::json!(["as discussed"]), "{}", config.stdout);
    let human = repo.run(&["config"]);
    assert!(human.stdout.contains("built-in non-answers, plus: as discussed"), "{}", human.stdout);
    let bad = Repo::new().file(".incidents.yml", "non_evidence: [\"...\"]\n").file(INCIDENT, &incident());
    let run = bad.check_json();
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("`non_evidence`: `...` has no letter or digit"), "{}", run.stderr);
}

#[test]
fn local_verification_fires_only_on_pre_production_checks() {
    let verification = "verification: 5xx under 0.1% for 30 minutes on the production dashboard";
    let local = incident().replace(verification, "verification: unit tests pass locally and CI is green");
    let message = only(&repo_with(&local, &item()), "local-verification", INCIDENT, 14);
    assert!(message.contains("production metric"), "{message}");
    for quiet in [
        "verification: CI green, then 5xx under 0.1% on the prod dashboard for 30 minutes",
        "verification: queue depth back under 100 for an hour",
    ] {
        assert_quiet(&repo_with(&incident().replace(verification, quiet), &item()));
    }
    // A non-answer that is also a pre-production word is weak evidence, once.
    only(&repo_with(&incident().replace(verification, "verification: tested"), &item()), "weak-evidence", INCIDENT, 14);
}

#[test]
fn missing_intervention_fires_past_gate_one_only() {
    let without = incident().replace("  intervention: rolled checkout-api back to v40\n", "");
    let message = only(&repo_with(&without, &item()), "missing-intervention", INCIDENT, 1);
    assert!(message.contains("add `stabilization.intervention:`"), "{message}");
    let active = active_incident("INC-1").replace("failure_modes", "x");
    assert_quiet(&Repo::new().file(INCIDENT, &active));
}

#[test]
fn missing_change_fires_on_shipped_and_validated_items() {
    let shipped = item().replace("status: open", "status: shipped");
    let message = only(&repo_with(&incident(), &shipped), "missing-change", ITEM, 1);
    assert!(message.contains("`incidents ship INC-1-R1 --change …`"), "{message}");
    let validated = item().replace("status: open", "status: validated\nevidence: CI run 88121 passed\nchange: \"\"");
    only(&repo_with(&incident(), &validated), "missing-change", ITEM, 11);
    let with_change = shipped.replace("status: shipped", "status: shipped\nchange: v2.14.0");
    assert_quiet(&repo_with(&incident(), &with_change));
}

#[test]
fn missing_approval_fires_on_dropped_items() {
    let dropped = item().replace("status: open", "status: dropped\nreason: the cache is being removed in Q2");
    let message = only(&repo_with(&incident(), &dropped), "missing-approval", ITEM, 1);
    assert!(message.contains("add `approved_by:`"), "{message}");
    let approved = dropped.replace("in Q2", "in Q2\napproved_by: head of checkout engineering");
    assert_quiet(&repo_with(&incident(), &approved));
}

#[test]
fn a_diagnosing_item_needs_no_validation() {
    let diagnosing = item()
        .replace("validation: staggered rollout integration test asserts cache keys converge\n", "")
        .replace("status: open", "status: diagnosing");
    assert_quiet(&repo_with(&incident(), &diagnosing));
    only(&repo_with(&incident(), &diagnosing.replace("diagnosing", "open")), "missing-validation", ITEM, 1);
}

#[test]
fn due_beyond_policy_names_the_latest_allowed_date() {
    // SEV2: 30 days from stabilization on 2026-03-08.
    let late = item().replace("due: 2026-03-20", "due: 2026-04-08");
    let message = only(&repo_with(&incident(), &late), "due-beyond-policy", ITEM, 7);
    assert!(message.contains("the latest allowed date is 2026-04-07"), "{message}");
    let run = repo_with(&incident(), &late).check_json();
    assert_eq!((run.code, run.json()["diagnostics"][0]["severity"].as_str()), (0, Some("warning")));
    assert_quiet(&repo_with(&incident(), &item().replace("due: 2026-03-20", "due: 2026-04-07")));
    // While the incident is active the window counts from `opened` (2026-03-01).
    let active =
        active_incident("INC-1").replace("status: active\n", &format!("status: active\nfailure_modes: [{MODE}]\n"));
    let message =
        only(&repo_with(&active, &item().replace("due: 2026-03-20", "due: 2026-04-01")), "due-beyond-policy", ITEM, 7);
    assert!(message.contains("2026-03-31") && message.contains("`opened`"), "{message}");
    // A finished item is history.
    let validated = late.replace(
        "status: open",
        "status: validated\nchange: https://git.example.com/shop/pull/7\nevidence: CI run 88121 passed",
    );
    assert_quiet(&repo_with(&incident(), &validated));
}

#[test]
fn grace_warning_names_the_date_it_becomes_an_error() {
    // Stabilized 2026-03-08 with a 7-day grace period: an error from 2026-03-16.
    let repo = Repo::new().file(INCIDENT, &incident());
    let message = only(&repo, "uncovered-failure-mode", INCIDENT, 9);
    assert!(message.contains("(a warning for now: it becomes an error on 2026-03-16)"), "{message}");
    for (today, severity) in [("2026-03-15", "warning"), ("2026-03-16", "error")] {
        let run = repo.run(&["--today", today, "check", "--format", "json"]);
        assert_eq!(run.json()["diagnostics"][0]["severity"], severity, "{today}");
    }
}

#[test]
fn a_failure_mode_whose_items_are_all_dropped_is_accepted_risk_not_uncovered() {
    let closed = incident().replace("status: stabilized", "status: closed").replace(
        "  stabilized_at: 2026-03-08T11:00:00Z\n",
        "  stabilized_at: 2026-03-01T11:00:00Z\nclosed_at: 2026-03-09\n",
    );
    let dropped = item().replace(
        "status: open",
        "status: dropped\nreason: the cache is removed in Q2; accepted until then\napproved_by: head of checkout engineering",
    );
    assert_quiet(&repo_with(&closed, &dropped));
}

#[test]
fn a_markdown_file_without_front_matter_on_its_first_line_is_not_a_record() {
    let record = "---\nkind: incident\nid: INC-7\ntitle: t\nseverity: SEV2\nstatus: active\nopened: 2026-03-01\n---\n";
    let cases = [
        ("none.md", "# Notes\n\nNo front matter at all.\n".to_string(), "has no front matter"),
        ("blank.md", format!("\n{record}"), "after blank lines"),
        ("text.md", format!("Draft\n{record}"), "after other text"),
        ("comment.md", record.replacen("---", "--- # incident", 1), "is not a bare `---`"),
        ("bom.md", format!("\u{feff}\u{feff}{record}"), "second byte-order mark"),
    ];
    for (name, text, reason) in cases {
        let file = format!("incidents/2026/{name}");
        let repo = Repo::new().file(&file, &text);
        let message = only(&repo, "not-a-record", &file, 1);
        assert!(message.contains(reason), "{name}: {message}");
        assert!(message.contains("`ignore`"), "{name}: {message}");
        let run = repo.check_json();
        assert_eq!((run.code, run.json()["summary"]["files"].as_u64()), (1, Some(1)), "{name}: counted");
    }
}

#[test]
fn readmes_and_ignored_files_are_not_records() {
    let repo = repo_with(&incident(), &item())
        .file("incidents/README.md", "# Incidents\n")
        .file("incidents/2026/readme.MD", "notes\n")
        .file("incidents/notes/plan.md", "# Plan\n")
        .file(".incidents.yml", "ignore: ['incidents/notes/**']\n");
    assert_quiet(&repo);
    assert_eq!(repo.check_json().json()["summary"]["files"], 2);
}

#[test]
fn new_does_not_reuse_an_id_held_by_a_file_that_is_not_a_record() {
    let late = "\n---\nkind: incident\nid: INC-7\ntitle: t\nseverity: SEV2\nstatus: active\nopened: 2026-03-01\n---\n";
    let repo = Repo::new().file("incidents/2026/draft.md", late).file(INCIDENT, &active_incident("INC-1"));
    let found = found(&repo);
    assert_eq!(found.len(), 1, "{found:?}");
    let run = repo.check_json();
    assert_eq!(run.json()["diagnostics"][0]["id"], "INC-7", "the id is shown with the diagnostic");
    let created = repo.ok(&["new", "Search slow", "--severity", "SEV3", "--opened", "2026-03-09", "--no-edit"]);
    assert!(created.stdout.starts_with("created INC-8 "), "{}", created.stdout);
}

#[test]
fn writing_commands_refuse_a_non_evidence_phrase_with_the_rules_words() {
    let repo =
        Repo::new().file(".incidents.yml", "non_evidence: [as discussed]\n").file(INCIDENT, &active_incident("INC-1"));
    let before = repo.snapshot();
    let run = repo.run(&[
        "stabilize",
        "INC-1",
        "--signal",
        "5xx above 2% on checkout-api",
        "--intervention",
        "rolled checkout-api back to v40",
        "--rollback",
        "As discussed.",
        "--verification",
        "5xx under 0.1% for 30 minutes on the production dashboard",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("`stabilization.rollback` holds a non-answer (\"As discussed.\"): write "),
        "{}",
        run.stderr
    );
    assert!(repo.snapshot() == before, "nothing was written");
}

#[test]
fn remediate_does_not_reuse_an_item_id_held_by_a_file_that_is_not_a_record() {
    let repo = Repo::new().file(INCIDENT, &incident()).file("incidents/INC-1-R1-notes.md", "# Notes on the fix\n");
    let notes: Vec<_> = found(&repo).into_iter().filter(|d| d.0 == "not-a-record").collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!((notes[0].1.as_str(), notes[0].2), ("incidents/INC-1-R1-notes.md", 1));
    let run = repo.ok(&[
        "remediate",
        "INC-1",
        "--failure-mode",
        MODE,
        "--owner",
        "team-checkout",
        "--due",
        "2026-03-20",
        "--validation",
        "staggered rollout integration test asserts cache keys converge",
        "--no-edit",
    ]);
    assert!(last_line(&run.stdout).starts_with("incidents/INC-1-R2-"), "{}", run.stdout);
}
