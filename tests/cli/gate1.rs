//! Gate 1 demands evidence (SPEC §2 "Evidence, not words", §4 `stabilize`, `amend`,
//! `remediate`): every refusal names each problem at once and leaves every file
//! byte-identical; `amend` rewrites gate-1 fields after stabilization under the same
//! checks; `remediate --needs-diagnosis` and `--validation-command`; a re-run of an
//! interrupted `remediate --add-failure-mode` finishes it; writing commands print file
//! names and record text escaped; bad arguments exit 2 (issue 16, items 4, 15, 22).

use crate::support::*;

const GOOD: [&str; 8] = [
    "--signal",
    "5xx above 2% on checkout-api, reproduced by replaying cart requests",
    "--intervention",
    "rolled checkout-api back to v41",
    "--rollback",
    "redeploy v42 behind a 10% canary",
    "--verification",
    "5xx under 0.1% for 30 minutes on the production dashboard",
];

/// Runs a command that must be refused with `code`, write nothing and print nothing on
/// stdout; returns stderr.
fn refused(repo: &Repo, args: &[&str], code: i32) -> String {
    let before = repo.snapshot();
    let run = repo.run(args);
    assert_eq!(run.code, code, "incidents {}: {run:?}", args.join(" "));
    assert_eq!(run.stdout, "", "incidents {}", args.join(" "));
    assert!(repo.snapshot() == before, "incidents {} changed files", args.join(" "));
    run.stderr
}

fn with<'a>(head: &[&'a str], tail: &[&'a str]) -> Vec<&'a str> {
    [head, tail].concat()
}

#[test]
fn stabilize_names_every_missing_field_non_answer_and_local_verification_at_once() {
    let repo = Repo::new().file("incidents/INC-1.md", &active_incident("INC-1"));
    let args =
        ["stabilize", "INC-1", "--signal", "?", "--rollback", "N/A", "--verification", "unit tests pass locally"];
    let stderr = refused(&repo, &args, 1);
    for wanted in [
        "cannot stabilize INC-1:\n",
        "  - missing --intervention (the smallest safe change that restored service)\n",
        "  - `stabilization.signal` holds a non-answer (\"?\"): write the reproducible signal",
        "  - `stabilization.rollback` holds a non-answer (\"N/A\"): write how the intervention is undone if it misbehaves\n",
        "  - `stabilization.verification` names only pre-production checks (\"unit tests pass locally\"): write what was observed in production",
        "\nnothing was written",
    ] {
        assert!(stderr.contains(wanted), "wanted {wanted:?} in:\n{stderr}");
    }
    // Each alone, among otherwise good fields.
    for (flag, bad, message) in [
        ("--intervention", "done", "`stabilization.intervention` holds a non-answer (\"done\")"),
        ("--verification", "staging looks good", "names only pre-production checks (\"staging looks good\")"),
        ("--verification", "CI green", "names only pre-production checks (\"CI green\")"),
        ("--signal", "see ticket", "`stabilization.signal` holds a non-answer (\"see ticket\")"),
    ] {
        let mut args = with(&["stabilize", "INC-1"], &GOOD);
        let at = args.iter().position(|a| *a == flag).unwrap();
        args[at + 1] = bad;
        let stderr = refused(&repo, &args, 1);
        assert!(stderr.contains(message), "{flag} {bad}: {stderr}");
        assert_eq!(stderr.matches("\n  - ").count(), 1, "only that problem: {stderr}");
    }
}

#[test]
fn stabilize_checks_what_is_already_written_in_the_file_too() {
    let text = active_incident("INC-1")
        .replace("opened: 2026-03-01T10:00:00Z\n", "opened: 2026-03-01T10:00:00Z\nstabilization:\n  rollback: n/a\n");
    let repo = Repo::new().file("incidents/INC-1.md", &text);
    let args = with(&["stabilize", "INC-1"], &GOOD[..2]);
    let args = with(&args, &["--intervention", "restarted the pool", "--verification", "p99 back under 300ms in prod"]);
    let stderr = refused(&repo, &args, 1);
    assert!(stderr.contains("`stabilization.rollback` holds a non-answer (\"n/a\")"), "{stderr}");
    // The flag overwrites the written non-answer, and gate 1 closes.
    let args = with(&args, &["--rollback", "redeploy v41"]);
    let run = repo.ok(&args);
    assert_eq!(last_line(&run.stdout), "incidents/INC-1.md");
    assert!(repo.read("incidents/INC-1.md").contains("  rollback: redeploy v41\n"));
    repo.assert_checks();
}

#[test]
fn stabilize_with_evidence_closes_gate_one_and_passes_check() {
    let repo = Repo::new().file("incidents/INC-1.md", &active_incident("INC-1"));
    let run = repo.ok(&with(&["stabilize", "INC-1"], &GOOD));
    assert!(run.stdout.starts_with("INC-1 stabilized at 2026-03-10: gate 1 closed\n"), "{}", run.stdout);
    let text = repo.read("incidents/INC-1.md");
    assert!(text.contains("  intervention: rolled checkout-api back to v41\n"), "{text}");
    repo.assert_checks();
    // Gate 1 is closed: corrections go through amend.
    let stderr = refused(&repo, &with(&["stabilize", "INC-1"], &GOOD), 1);
    assert!(stderr.contains("INC-1 is already stabilized since 2026-03-10: gate 1 is closed; to correct its fields, run `incidents amend INC-1"), "{stderr}");
}

#[test]
fn amend_rewrites_gate_one_fields_and_keeps_stabilized_at() {
    let original = stabilized_incident("INC-2", "cache race after deploy");
    let repo = Repo::new().file("incidents/INC-2.md", &original);
    let run = repo.ok(&[
        "amend",
        "INC-2",
        "--verification",
        "checkout 5xx under 0.1% for 24h on the production dashboard",
        "--uncertainty",
        "why only eu-west saw it",
    ]);
    assert_eq!(
        run.stdout,
        "INC-2 amended: stabilization.verification, stabilization.uncertainty (stabilized_at 2026-03-08T11:00:00Z kept)\nincidents/INC-2.md\n"
    );
    let expected = original.replace(
        "  verification: 5xx under 0.1% for 30 minutes on the production dashboard\n  stabilized_at: 2026-03-08T11:00:00Z\n",
        "  verification: checkout 5xx under 0.1% for 24h on the production dashboard\n  stabilized_at: 2026-03-08T11:00:00Z\n  uncertainty: why only eu-west saw it\n",
    );
    // The amendment leaves a trace in the Timeline, after the entries already there.
    let expected =
        format!("{expected}- {TODAY} amended gate 1: stabilization.verification, stabilization.uncertainty\n");
    assert_eq!(repo.read("incidents/INC-2.md"), expected);
    repo.assert_checks();

    // A closed incident can be amended too.
    let closed = original
        .replace("status: stabilized", "status: closed")
        .replace("---\n\n## Timeline", "closed_at: 2026-03-09\n---\n\n## Timeline");
    let repo = Repo::new().file("incidents/INC-2.md", &closed).file(
        "incidents/INC-2-R1.md",
        &open_item("INC-2-R1", "INC-2", "cache race after deploy")
            .replace("status: open", "status: dropped\nreason: replaced by the new cache\napproved_by: dana"),
    );
    repo.ok(&["amend", "INC-2", "--signal", "checkout 5xx above 2% on the edge dashboard"]);
    let text = repo.read("incidents/INC-2.md");
    assert!(
        text.contains("  signal: checkout 5xx above 2% on the edge dashboard\n") && text.contains("status: closed\n"),
        "{text}"
    );
}

#[test]
fn amend_refuses_what_stabilize_would_and_an_active_incident() {
    let written_non_answer =
        stabilized_incident("INC-3", "queue overflow").replace("  rollback: redeploy v41\n", "  rollback: see slack\n");
    let repo = Repo::new()
        .file("incidents/INC-1.md", &active_incident("INC-1"))
        .file("incidents/INC-2.md", &stabilized_incident("INC-2", "cache race"))
        .file("incidents/INC-3.md", &written_non_answer);
    let cases: [(&[&str], i32, &str); 8] = [
        (&["amend", "INC-1", "--signal", "5xx above 2%"], 1, "INC-1 is active: gate 1 is not closed yet, so there is nothing to amend; write the fields and close it with `incidents stabilize INC-1"),
        (&["amend", "INC-2"], 2, "nothing to amend: pass the fields to rewrite"),
        (&["amend", "INC-2", "--rollback", "n/a"], 1, "cannot amend INC-2:\n  - `stabilization.rollback` holds a non-answer (\"n/a\"): write how the intervention is undone"),
        (&["amend", "INC-2", "--verification", "tested locally"], 1, "`stabilization.verification` names only pre-production checks (\"tested locally\")"),
        (&["amend", "INC-2", "--intervention", "  "], 1, "--intervention is blank or a placeholder: write the smallest safe change"),
        (&["amend", "INC-2", "--signal", "<the signal>"], 1, "--signal is blank or a placeholder"),
        // The state after the amendment must pass: a non-answer left in another field is named.
        (&["amend", "INC-3", "--verification", "p99 under 300ms in production"], 1, "`stabilization.rollback` holds a non-answer (\"see slack\")"),
        (&["amend", "INC-9", "--signal", "x"], 2, "no record with id `INC-9`"),
    ];
    for (args, code, message) in cases {
        let stderr = refused(&repo, args, code);
        assert!(stderr.contains(message), "incidents {}:\n{stderr}\nwanted: {message}", args.join(" "));
    }
    // Fixing the written non-answer in the same amendment goes through.
    repo.ok(&["amend", "INC-3", "--rollback", "redeploy v41"]);
}

fn remediate<'a>(incident: &'a str, mode: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    with(
        &[
            "remediate",
            incident,
            "--failure-mode",
            mode,
            "--owner",
            "team-checkout",
            "--due",
            "2026-03-20",
            "--no-edit",
        ],
        extra,
    )
}

#[test]
fn remediate_refuses_non_answers_in_the_words_of_the_rule() {
    let repo = Repo::new().file("incidents/INC-2.md", &stabilized_incident("INC-2", "cache race after deploy"));
    let args = [
        "remediate",
        "INC-2",
        "--add-failure-mode",
        "--failure-mode",
        "n/a",
        "--owner",
        "?",
        "--due",
        "2w",
        "--validation",
        "none",
        "--no-edit",
    ];
    let stderr = refused(&repo, &args, 1);
    for wanted in [
        "cannot add a remediation item to INC-2:\n",
        "  - `failure_mode` holds a non-answer (\"n/a\"): write the breakage in a plain sentence",
        "  - `owner` holds a non-answer (\"?\"): write the person or team who will do it\n",
        "  - `validation` holds a non-answer (\"none\"): write what would prove the system changed",
    ] {
        assert!(stderr.contains(wanted), "wanted {wanted:?} in:\n{stderr}");
    }
    for validation in ["tested", "see ticket", "LGTM", "It works."] {
        let stderr = refused(&repo, &remediate("INC-2", "cache race after deploy", &["--validation", validation]), 1);
        assert!(stderr.contains("`validation` holds a non-answer"), "{validation}: {stderr}");
    }
    let stderr = refused(
        &repo,
        &remediate("INC-2", "cache race after deploy", &["--validation", "replay test", "--validation-command", " "]),
        1,
    );
    assert!(stderr.contains("--validation-command is blank"), "{stderr}");
}

#[test]
fn needs_diagnosis_creates_a_diagnosing_item_without_a_validation() {
    let repo = Repo::new().file("incidents/INC-2.md", &stabilized_incident("INC-2", "cache race after deploy"));
    let run = repo.ok(&remediate("INC-2", "cache race after deploy", &["--needs-diagnosis"]));
    assert!(run.stdout.contains("created INC-2-R1 for INC-2: \"cache race after deploy\", owner team-checkout, due 2026-03-20 (diagnosing: no validation yet)\n"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("next: once the diagnosis names a validation, `incidents plan INC-2-R1 --validation \"…\"`"),
        "{}",
        run.stdout
    );
    let item = repo.read(last_line(&run.stdout));
    assert!(item.contains("\nstatus: diagnosing\n"), "{item}");
    assert!(!item.contains("validation:") && !item.contains("<validation>"), "no unfilled validation: {item}");
    assert!(!item.contains("What would prove the system changed"), "the key's comment goes with it: {item}");
    repo.assert_checks();
    let codes = repo.check_json().codes();
    assert!(!codes.contains(&"missing-validation".to_string()), "{codes:?}");

    // A validation and a diagnosis contradict each other: a bad argument.
    for extra in [
        &["--needs-diagnosis", "--validation", "replay test"][..],
        &["--needs-diagnosis", "--validation-command", "make test"],
    ] {
        let stderr = refused(&repo, &remediate("INC-2", "cache race after deploy", extra), 2);
        assert!(stderr.contains("cannot be used with"), "{stderr}");
    }
}

#[test]
fn validation_command_is_written_beside_the_validation() {
    let repo = Repo::new().file("incidents/INC-2.md", &stabilized_incident("INC-2", "cache race after deploy"));
    let run = repo.ok(&remediate(
        "INC-2",
        "cache race after deploy",
        &[
            "--validation",
            "staggered rollout test asserts cache keys converge",
            "--validation-command",
            "cargo test --test rollout -- staggered",
        ],
    ));
    let item = repo.read(last_line(&run.stdout));
    assert!(
        item.contains("validation: staggered rollout test asserts cache keys converge\nvalidation_command: cargo test --test rollout -- staggered\nstatus: open\n"),
        "{item}"
    );
    let check = repo.check_json();
    assert_eq!(check.code, 0, "{check:?}");
    assert!(!check.codes().contains(&"unknown-field".to_string()), "{}", check.stdout);
}

const RETRY: [&str; 4] =
    ["--validation", "failover drill keeps retries under 2x baseline", "--add-failure-mode", "--no-edit"];

fn add_retry_storm() -> Vec<&'static str> {
    with(
        &["remediate", "INC-2", "--failure-mode", "retry storm on queue failover", "--owner", "dana", "--due", "2w"],
        &RETRY,
    )
}

fn items_of(repo: &Repo) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo.abs("incidents"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("INC-2-R"))
        .collect();
    names.sort();
    names
}

#[test]
fn add_failure_mode_writes_the_incident_first_and_a_re_run_makes_no_second_item() {
    let repo = Repo::new().file("incidents/INC-2.md", &stabilized_incident("INC-2", "cache race after deploy"));
    let first = repo.ok(&add_retry_storm());
    assert!(
        first.stdout.starts_with(
            "added failure mode \"retry storm on queue failover\" to INC-2 (incidents/INC-2.md)\ncreated INC-2-R1"
        ),
        "{}",
        first.stdout
    );
    let done = repo.snapshot();
    // Killed after both writes (or simply run twice): nothing to do, no second item.
    let again = repo.ok(&add_retry_storm());
    assert_eq!(again.stdout, format!("INC-2-R1 already remediates \"retry storm on queue failover\" with this owner and validation: nothing to do\n{}\n", last_line(&first.stdout)));
    assert!(repo.snapshot() == done);
    repo.assert_checks();
}

#[test]
fn a_re_run_finishes_a_kill_after_the_incident_was_written() {
    // The half state a kill between the writes leaves: the incident lists the mode, no item.
    let incident = stabilized_incident("INC-2", "cache race after deploy")
        .replace("  - cache race after deploy\n", "  - cache race after deploy\n  - retry storm on queue failover\n");
    let repo = Repo::new().file("incidents/INC-2.md", &incident);
    let run = repo.ok(&add_retry_storm());
    assert!(run.stdout.starts_with("created INC-2-R1 for INC-2: \"retry storm on queue failover\""), "{}", run.stdout);
    assert_eq!(repo.read("incidents/INC-2.md"), incident, "the incident already had the mode");
    assert_eq!(items_of(&repo), ["INC-2-R1-retry-storm-on-queue-failover.md"]);
    repo.assert_checks();
}

#[test]
fn a_re_run_finishes_a_change_whose_item_was_written_first() {
    // The other half state (left by an earlier version, which wrote the item first): the
    // item exists, the incident lacks its failure mode.
    let incident = stabilized_incident("INC-2", "cache race after deploy");
    let item = open_item("INC-2-R1", "INC-2", "retry storm on queue failover")
        .replace("owner: team-checkout", "owner: dana")
        .replace(
            "validation: staggered rollout integration test asserts cache keys converge",
            "validation: failover drill keeps retries under 2x baseline",
        );
    let repo = Repo::new().file("incidents/INC-2.md", &incident).file("incidents/INC-2-R1-retry-storm.md", &item);
    assert!(repo.check_json().codes().contains(&"unlinked-failure-mode".to_string()));
    let run = repo.ok(&add_retry_storm());
    assert_eq!(
        run.stdout,
        "added failure mode \"retry storm on queue failover\" to INC-2 (incidents/INC-2.md)\nINC-2-R1 already exists for it: finished the change an earlier run left half done\nincidents/INC-2-R1-retry-storm.md\n"
    );
    assert_eq!(items_of(&repo), ["INC-2-R1-retry-storm.md"], "no second item");
    assert!(repo
        .read("incidents/INC-2.md")
        .contains("  - cache race after deploy\n  - retry storm on queue failover\n"));
    assert_eq!(repo.read("incidents/INC-2-R1-retry-storm.md"), item);
    repo.assert_checks();
}

#[cfg(unix)]
#[test]
fn writing_commands_print_file_names_and_record_text_escaped() {
    const ESC: char = '\u{1b}';
    let clean = |run: &Run, what: &str| {
        assert!(!run.stdout.contains(ESC) && !run.stderr.contains(ESC), "{what} printed a raw ESC: {run:?}");
        assert!(!run.stdout.contains('\u{7}') && !run.stderr.contains('\u{7}'), "{what} printed a raw BEL: {run:?}");
    };
    let incident_file = "incidents/INC-1-\u{1b}[2J\u{1b}]0;pwned\u{7}.md";
    let modes = "failure_modes:\n  - \"cache \\e[31mrace\\r\"\n";
    let text = active_incident("INC-1")
        .replace("opened: 2026-03-01T10:00:00Z\n", &format!("opened: 2026-03-01T10:00:00Z\n{modes}"));
    let repo = Repo::new().file(incident_file, &text);

    let run = repo.ok(&with(&["stabilize", "INC-1"], &GOOD));
    clean(&run, "stabilize");
    assert!(last_line(&run.stdout).contains("INC-1-\\u{1b}[2J\\u{1b}]0;pwned\\u{7}.md"), "{}", run.stdout);

    // A refusal quoting the record's failure mode.
    let run = repo.run(&remediate("INC-1", "something else", &["--validation", "replay test"]));
    assert_eq!(run.code, 1);
    clean(&run, "remediate refusal");
    assert!(run.stderr.contains("cache \\u{1b}[31mrace"), "{}", run.stderr);

    let run = repo.ok(&remediate("INC-1", "retry storm", &["--add-failure-mode", "--validation", "failover drill"]));
    clean(&run, "remediate");
    assert!(run.stdout.contains("to INC-1 (incidents/INC-1-\\u{1b}[2J"), "{}", run.stdout);

    // An item whose file name holds escapes, moved by each transition.
    let item_file = "incidents/INC-1-R9-\u{1b}[31m.md";
    repo.write(item_file, open_item("INC-1-R9", "INC-1", "retry storm").as_bytes());
    let run = repo.ok(&["start", "INC-1-R9"]);
    clean(&run, "start");
    assert!(last_line(&run.stdout).ends_with("INC-1-R9-\\u{1b}[31m.md"), "{}", run.stdout);
    // Moved or refused (their flags are growing), they print through the same layer.
    for args in [&["ship", "INC-1-R9"][..], &["validate", "INC-1-R9", "--evidence", "CI run 12 at abc1234"]] {
        clean(&repo.run(args), args[0]);
    }
    let run = repo.run(&["status", "--write"]);
    clean(&run, "status --write");
    let run = repo.run(&["close", "INC-1"]);
    clean(&run, "close refusal");
    let run = repo.run(&["drop", "INC-1-R9", "--reason", "replaced by the new queue"]);
    clean(&run, "drop");

    let run = repo.run(&["new", "Checkout \u{1b}[2J502s", "--severity", "SEV2", "--id", "INC-77", "--no-edit"]);
    assert_eq!(run.code, 0, "{run:?}");
    clean(&run, "new --id");
    assert!(run.stdout.starts_with("created INC-77 (SEV2, active): Checkout [2J502s\n"), "{}", run.stdout);
}

#[test]
fn bad_arguments_exit_2_and_say_what_to_write() {
    let repo = Repo::new()
        .file("incidents/INC-2.md", &stabilized_incident("INC-2", "cache race after deploy"))
        .file("incidents/INC-2-R1.md", &open_item("INC-2-R1", "INC-2", "cache race after deploy"));
    let item = |due: &'static str| {
        with(
            &["remediate", "INC-2", "--failure-mode", "cache race after deploy", "--owner", "o", "--due", due],
            &["--validation", "replay test", "--no-edit"],
        )
    };
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["status", "INC-999"], "no record with id `INC-999`: `incidents list` shows the ids in use"),
        (vec!["status", "INC-2-R1"], "`INC-2-R1` is a remediation item of INC-2: status shows incidents; run `incidents status INC-2`"),
        (vec!["stabilize", "INC-999"], "no record with id `INC-999`"),
        (vec!["start", "INC-2"], "`INC-2` is an incident (incidents/INC-2.md), not a remediation item"),
        (item("this sprint"), "`--due this sprint` needs a sprint cadence: add `sprint: {start: YYYY-MM-DD, length: 14d}` to .incidents.yml, or pass a date"),
        (item("this-sprint"), "`--due this-sprint` needs a sprint cadence"),
        (item("next_sprint"), "`--due next_sprint` needs a sprint cadence"),
        (item("-5d"), "`--due -5d` counts back from today: a due date lies ahead; write a span like `5d` (from today) or a date (YYYY-MM-DD)"),
        (item("soon"), "`--due soon` is not a due date: write YYYY-MM-DD"),
    ];
    for (args, message) in cases {
        let stderr = refused(&repo, &args, 2);
        assert!(stderr.contains(message), "incidents {}:\n{stderr}\nwanted: {message}", args.join(" "));
        assert!(!stderr.contains("unexpected argument"), "{stderr}");
    }
    // With a cadence, both spellings resolve (sprints of 14 days from 2026-03-02: ends 2026-03-15).
    let repo = repo.file(".incidents.yml", "sprint: {start: 2026-03-02, length: 14d}\n");
    for due in ["this sprint", "this-sprint"] {
        let run = repo.ok(&item(due));
        assert!(run.stdout.contains("due 2026-03-15"), "{due}: {}", run.stdout);
    }
}
