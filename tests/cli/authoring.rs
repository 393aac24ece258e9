//! The writing half of the tool, end to end: `init` → `new` → `stabilize` →
//! `remediate` ×3 → item transitions → `close`, with `check` passing after every step.

use crate::support::*;

#[test]
fn full_lifecycle_passes_check_at_every_step() {
    let repo = Repo::new();
    let init = repo.ok(&["init"]);
    assert!(init.stdout.starts_with("created .incidents.yml\ncreated incidents/README.md\n"), "{}", init.stdout);
    repo.assert_checks();

    let new = repo.ok(&[
        "new",
        "Checkout 502s after partial deploy",
        "--severity",
        "SEV2",
        "--commander",
        "dana",
        "--opened",
        "2026-03-09T14:20:00Z",
    ]);
    let incident = "incidents/2026/INC-1-checkout-502s-after-partial-deploy.md";
    assert_eq!(last_line(&new.stdout), incident);
    assert!(new.stdout.starts_with("created INC-1 (SEV2, active): Checkout 502s after partial deploy\n"));
    repo.assert_checks();
    assert_eq!(repo.check_json().json()["diagnostics"].as_array().map(Vec::len), Some(0), "a fresh incident is clean");

    let stabilized = repo.ok(&[
        "stabilize",
        "INC-1",
        "--signal",
        "5xx rate on checkout-api above 2%, reproduced by replaying cart requests",
        "--intervention",
        "rolled checkout-api back to v41",
        "--rollback",
        "redeploy v41",
        "--verification",
        "5xx under 0.1% for 30 minutes in production",
        "--uncertainty",
        "why only eu-west saw it",
        "--at",
        "2026-03-09T15:05:00Z",
    ]);
    assert_eq!(last_line(&stabilized.stdout), incident);
    repo.assert_checks();

    let items = [
        (
            "cache invalidation race after partial deploy",
            "team-checkout",
            "2w",
            "integration test runs a staggered rollout and asserts cache keys converge",
            true,
        ),
        ("retry storm on queue failover", "dana", "2026-03-20", "failover drill keeps retries under 2x baseline", true),
        ("Cache invalidation race after  partial deploy", "sre", "10d", "canary alarm on cache key mismatch", false),
    ];
    for (n, (mode, owner, due, validation, add)) in items.iter().enumerate() {
        let mut args = vec![
            "remediate",
            "INC-1",
            "--failure-mode",
            mode,
            "--owner",
            owner,
            "--due",
            due,
            "--validation",
            validation,
        ];
        if *add {
            args.push("--add-failure-mode");
        }
        let run = repo.ok(&args);
        let path = last_line(&run.stdout).to_string();
        assert!(path.starts_with(&format!("incidents/2026/INC-1-R{}-", n + 1)), "{path}");
        assert!(repo.abs(&path).is_file());
        repo.assert_checks();
    }
    let third = repo.read("incidents/2026/INC-1-R3-cache-invalidation-race-after-partial-deploy.md");
    assert!(
        third.contains("failure_mode: cache invalidation race after partial deploy\n"),
        "the incident's spelling is used"
    );
    assert!(third.contains("due: 2026-03-20\n"), "10d from --today");

    for args in [
        &["start", "INC-1-R1"][..],
        &["ship", "INC-1-R1", "--change", "3f2a9c1"],
        &["validate", "INC-1-R1", "--evidence", "CI run 4812: staggered-rollout test green", "--at", "2026-03-12"],
        &["drop", "INC-1-R2", "--reason", "the queue is replaced by streams in April", "--approved-by", "dana"],
        &["ship", "INC-1-R3", "--change", "https://github.com/acme/cart/pull/812"],
        &["validate", "INC-1-R3", "--evidence", "canary alarm fired in the 2026-03-11 drill"],
    ] {
        let run = repo.ok(args);
        let path = last_line(&run.stdout).to_string();
        assert!(path.starts_with("incidents/2026/INC-1-R"), "{run:?}");
        repo.assert_checks();
    }

    let closed = repo.ok(&["close", "INC-1"]);
    assert_eq!(closed.stdout, format!("INC-1 closed at {TODAY}: gate 2 closed\n{incident}\n"));
    repo.assert_checks();

    let text = repo.read(incident);
    let front = text.split("\n---\n").next().unwrap_or_default();
    assert_eq!(
        front,
        "---
kind: incident
id: INC-1
title: Checkout 502s after partial deploy
severity: SEV2
status: closed
opened: 2026-03-09T14:20:00Z
commander: dana
# Plain-language breakages, one per entry (\"cache invalidation race after partial deploy\").
# Each gets remediation items (`incidents remediate`) before the incident closes.
failure_modes:
  - cache invalidation race after partial deploy
  - retry storm on queue failover
# Repeat-failure class tags, e.g. state-mismatch-during-partial-deploy, schema-assumption-drift.
classes: []
# Gate 1 (`incidents stabilize`): operational evidence that service is restored.
stabilization:
  signal: 5xx rate on checkout-api above 2%, reproduced by replaying cart requests
  intervention: rolled checkout-api back to v41
  rollback: redeploy v41
  verification: 5xx under 0.1% for 30 minutes in production
  stabilized_at: 2026-03-09T15:05:00Z
  uncertainty: why only eu-west saw it
closed_at: 2026-03-10"
    );
    let first = repo.read("incidents/2026/INC-1-R1-cache-invalidation-race-after-partial-deploy.md");
    assert!(
        first.contains(
            "status: validated\nchange: 3f2a9c1\nevidence: 'CI run 4812: staggered-rollout test green'\nstarted_at: 2026-03-10\nshipped_at: 2026-03-10\nvalidated_at: 2026-03-12\n---\n"
        ),
        "{first}"
    );
    let dropped = repo.read("incidents/2026/INC-1-R2-retry-storm-on-queue-failover.md");
    assert!(
        dropped.contains(
            "status: dropped\nreason: the queue is replaced by streams in April\napproved_by: dana\ndropped_at: 2026-03-10\n---\n"
        ),
        "{dropped}"
    );
}

#[test]
fn remediate_warns_about_policy_vague_text_and_past_dates() {
    let repo = Repo::new()
        .file("incidents/2026/INC-2.md", &stabilized_incident("INC-2", "export job overload"))
        .file(".incidents.yml", "sprint: {start: 2026-01-05, length: 2w}\n");
    let run = repo.ok(&[
        "remediate",
        "INC-2",
        "--add-failure-mode",
        "--failure-mode",
        "tech debt",
        "--owner",
        "dana",
        "--due",
        "next-sprint",
        "--validation",
        "add monitoring",
    ]);
    assert!(run.stdout.contains("due 2026-03-29"), "{}", run.stdout);
    assert!(run.stderr.contains("warning: failure mode \"tech debt\" is only a vague phrase"), "{}", run.stderr);
    assert!(run.stderr.contains("warning: validation \"add monitoring\" is only a vague phrase"), "{}", run.stderr);
    let late = repo.ok(&[
        "remediate",
        "INC-2",
        "--failure-mode",
        "export job overload",
        "--owner",
        "dana",
        "--due",
        "2026-05-01",
        "--validation",
        "load test of the export path",
    ]);
    assert!(
        late.stderr.contains(
            "due 2026-05-01 is beyond the SEV2 policy of 30 days from stabilization (2026-03-08), so by 2026-04-07"
        ),
        "{}",
        late.stderr
    );
    let past = repo.ok(&[
        "remediate",
        "INC-2",
        "--failure-mode",
        "export job overload",
        "--owner",
        "dana",
        "--due",
        "2026-03-01",
        "--validation",
        "load test of the export path",
    ]);
    assert!(past.stderr.contains("due 2026-03-01 is already past"), "{}", past.stderr);
    assert_eq!(last_line(&past.stdout), "incidents/2026/INC-2-R3-export-job-overload.md");
    let plain = repo.ok(&[
        "remediate",
        "INC-2",
        "--failure-mode",
        "Export job overload",
        "--owner",
        "dana",
        "--due",
        "this-sprint",
        "--validation",
        "load test of the export path",
        "--title",
        "Load-test exports",
    ]);
    assert_eq!(plain.stderr, "", "nothing to warn about");
    assert_eq!(last_line(&plain.stdout), "incidents/2026/INC-2-R4-load-test-exports.md");
    assert!(repo
        .read("incidents/2026/INC-2-R4-load-test-exports.md")
        .contains("incident: INC-2\ntitle: Load-test exports\n"));
}

#[test]
fn paths_are_printed_as_they_open_from_the_working_directory() {
    let repo = Repo::new().file(".incidents.yml", "dir: records\n");
    std::fs::create_dir_all(repo.abs("records/2026")).unwrap();
    let inside = repo.run_with(&["new", "From a subfolder", "--severity", "SEV3"], |c| {
        c.current_dir(repo.abs("records/2026"));
    });
    assert_eq!(inside.code, 0, "{inside:?}");
    assert_eq!(last_line(&inside.stdout), "INC-1-from-a-subfolder.md");
    let elsewhere = tempfile::tempdir().unwrap();
    let outside = repo.run_with(&["new", "From elsewhere", "--severity", "SEV3"], |c| {
        c.current_dir(elsewhere.path());
    });
    assert_eq!(outside.code, 0, "{outside:?}");
    let printed = std::path::PathBuf::from(last_line(&outside.stdout));
    assert!(printed.is_absolute() && printed.is_file(), "{printed:?}");
}

#[test]
fn template_show_prints_the_template_in_effect() {
    let repo = Repo::new();
    let built_in = repo.ok(&["template", "show", "remediation"]);
    assert!(built_in.stdout.starts_with("---\nkind: remediation\nid: {{id}}\n"), "{}", built_in.stdout);
    assert_eq!(
        built_in.stderr,
        "note: built-in remediation.md (override it with .incidents/templates/remediation.md)\n"
    );
    let custom = "---\nkind: incident\nid: {{id}}\ntitle: {{title}}\nseverity: {{severity}}\nstatus: active\nopened: {{opened}}\nteam: payments\n---\n\n# {{title}}\n";
    let repo = repo.file(".incidents/templates/incident.md", custom);
    let shown = repo.ok(&["template", "show", "incident"]);
    assert_eq!(shown.stdout, custom);
    assert_eq!(shown.stderr, "note: override .incidents/templates/incident.md\n");
    assert!(repo.ok(&["template", "show", "config"]).stdout.contains("open_editor: true"));
    assert_eq!(repo.run(&["template", "show", "nope"]).code, 2);

    let created = repo.ok(&["new", "Payments: double charge", "--severity", "SEV1", "--commander", "lee"]);
    let text = repo.read(last_line(&created.stdout));
    assert_eq!(
        text,
        "---\nkind: incident\nid: INC-1\ntitle: 'Payments: double charge'\nseverity: SEV1\nstatus: active\nopened: 2026-03-10\ncommander: lee\nteam: payments\n---\n\n# Payments: double charge\n",
        "the override is used; a commander it has no placeholder for is still written"
    );
}

#[test]
fn a_broken_template_override_stops_with_status_2() {
    let repo = Repo::new().file(".incidents/templates/remediation.md", "---\nkind: remediation\nid: [{{id}}\n---\n");
    let repo = repo.file("incidents/INC-1.md", &stabilized_incident("INC-1", "cache race"));
    let before = repo.snapshot();
    let run = repo.run(&[
        "remediate",
        "INC-1",
        "--failure-mode",
        "cache race",
        "--owner",
        "o",
        "--due",
        "1w",
        "--validation",
        "a replay test",
    ]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains(".incidents/templates/remediation.md: template: filled in, it does not read as a record"),
        "{}",
        run.stderr
    );
    assert_eq!(repo.snapshot(), before);
}

#[test]
fn init_writes_a_config_that_every_command_accepts() {
    let repo = Repo::new();
    repo.ok(&["init"]);
    assert_eq!(
        repo.read(".incidents.yml"),
        include_str!("../../templates/config.yml"),
        "the commented default config is written as is"
    );
    assert!(repo.read("incidents/README.md").starts_with("# Incidents\n"));
    repo.ok(&["explain", "--list"]);
    let before = repo.snapshot();
    let again = repo.run(&["init"]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains(".incidents.yml already exists"), "{}", again.stderr);
    assert_eq!(repo.snapshot(), before);
}

#[test]
fn new_never_reuses_the_id_of_an_unreadable_record() {
    let repo = Repo::new()
        .file("incidents/2026/INC-1-a.md", &active_incident("INC-1"))
        .file("incidents/2026/INC-100-broken.md", "---\nkind: incident\nid: INC-100\ntitle: a: b\n---\n");
    let run = repo.run(&["new", "Next one", "--severity", "SEV3"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.trim_end().ends_with(".md") && run.stdout.contains("INC-101"), "{}", run.stdout);
    let before = repo.read("incidents/2026/INC-100-broken.md");
    let refused = repo.run(&["new", "Taken", "--severity", "SEV3", "--id", "INC-100"]);
    assert_eq!(refused.code, 1, "{refused:?}");
    assert!(refused.stderr.contains("INC-100-broken.md"), "{}", refused.stderr);
    assert_eq!(repo.read("incidents/2026/INC-100-broken.md"), before);
}

#[test]
fn new_without_a_severity_off_a_terminal_leaves_the_placeholder() {
    let repo = Repo::new();
    let run = repo.run(&["new", "Checkout down"]);
    assert_eq!(run.code, 0, "{run:?}");
    let path = run.stdout.lines().last().expect("a path");
    let text = std::fs::read_to_string(repo.abs(path)).expect("created file");
    assert!(text.contains("\nseverity: <severity>\n"), "{text}");
    assert!(run.stderr.contains("no --severity given"), "{}", run.stderr);
    let check = repo.check_json();
    assert_eq!(check.code, 1);
    assert!(check.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "missing-field" && d["message"].as_str().unwrap().contains("`severity`")));
}

#[test]
fn new_never_reuses_an_id_written_in_an_unreadable_record() {
    let repo = Repo::new()
        .file("incidents/2026/INC-1-a.md", &active_incident("INC-1"))
        .file("incidents/z.md", "---\nkind: incident\nid: INC-100\ntitle: a: b\n---\n");
    let refused = repo.run(&["new", "Taken", "--severity", "SEV3", "--id", "INC-100"]);
    assert_eq!(refused.code, 1, "{refused:?}");
    assert!(refused.stderr.contains("incidents/z.md"), "{}", refused.stderr);
    let next = repo.run(&["new", "Next", "--severity", "SEV3"]);
    assert!(next.stdout.contains("INC-101"), "{}", next.stdout);
    let check = repo.check_json();
    let syntax =
        check.json()["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "syntax").cloned().unwrap();
    assert_eq!(syntax["id"], "INC-100", "the diagnostic names the id it could still read");
}

#[test]
fn a_stamp_from_today_is_not_blamed_on_at() {
    let repo = Repo::new().file("incidents/INC-1.md", &active_incident("INC-1"));
    let args = ["stabilize", "INC-1", "--signal", "s", "--intervention", "i", "--rollback", "r", "--verification", "v"];
    let mut early = vec!["--today", "2026-02-01"];
    early.extend_from_slice(&args);
    let run = repo.run(&early);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("now, 2026-02-01 is before INC-1 was opened"), "{}", run.stderr);
    let mut at = args.to_vec();
    at.extend_from_slice(&["--at", "2026-02-01"]);
    assert!(repo.run(&at).stderr.contains("--at 2026-02-01 is before INC-1 was opened"));
}
