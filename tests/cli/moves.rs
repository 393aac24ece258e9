//! Remediation item moves (SPEC §2 and §4): every allowed move and the key it stamps,
//! every forbidden move and non-answer refused with every file byte-identical, `plan`,
//! `move-due` with its `due_history`, the status block refreshed only where one is
//! written, and a whole lifecycle that passes `check` after every step.

use crate::support::*;

const INCIDENT: &str = "incidents/2026/INC-1.md";
const ITEM: &str = "incidents/2026/INC-1-R1.md";

/// A stabilized incident (stabilized 2026-03-08) with one item in `status`, carrying what
/// that status needs (a change once shipped, evidence once validated, …).
fn repo_with(status: &str) -> Repo {
    let extra = match status {
        "shipped" => "change: 3f2a9c1\n",
        "validated" => "change: 3f2a9c1\nevidence: CI run 4811 green\n",
        "dropped" => "reason: the v1 API is removed in April\napproved_by: dana\n",
        _ => "",
    };
    let mut item = open_item("INC-1-R1", "INC-1", "cache race after deploy")
        .replace("status: open\n", &format!("status: {status}\n{extra}"));
    if status == "diagnosing" {
        item = item.replace("validation: staggered rollout integration test asserts cache keys converge\n", "");
    }
    Repo::new().file(INCIDENT, &stabilized_incident("INC-1", "cache race after deploy")).file(ITEM, &item)
}

/// The front matter of the item, for comparing.
fn item_text(repo: &Repo) -> String {
    repo.read(ITEM)
}

#[test]
fn every_allowed_move_writes_its_status_and_stamps_its_key() {
    let cases: &[(&str, &[&str], &str, &str)] = &[
        ("open", &["start", "INC-1-R1"], "in-progress", "started_at: 2026-03-10\n"),
        (
            "open",
            &["ship", "INC-1-R1", "--change", "3f2a9c1", "--at", "2026-03-09T16:00:00Z"],
            "shipped",
            "shipped_at: 2026-03-09T16:00:00Z\n",
        ),
        (
            "in-progress",
            &["ship", "INC-1-R1", "--change", "https://github.com/acme/cart/pull/812"],
            "shipped",
            "shipped_at: 2026-03-10\n",
        ),
        (
            "shipped",
            &["validate", "INC-1-R1", "--evidence", "CI run 4812: staggered-rollout test green"],
            "validated",
            "validated_at: 2026-03-10\n",
        ),
        ("shipped", &["start", "INC-1-R1", "--at", "2026-03-10"], "in-progress", "started_at: 2026-03-10\n"),
        (
            "diagnosing",
            &["plan", "INC-1-R1", "--validation", "replay of the partial-deploy window keeps keys equal"],
            "open",
            "validation: replay of the partial-deploy window keeps keys equal\n",
        ),
        (
            "diagnosing",
            &["drop", "INC-1-R1", "--reason", "the v1 API is removed in April", "--approved-by", "dana"],
            "dropped",
            "dropped_at: 2026-03-10\n",
        ),
        (
            "open",
            &["drop", "INC-1-R1", "--reason", "the v1 API is removed in April", "--approved-by", "dana"],
            "dropped",
            "approved_by: dana\n",
        ),
        (
            "in-progress",
            &[
                "drop",
                "INC-1-R1",
                "--reason",
                "the v1 API is removed in April",
                "--approved-by",
                "dana",
                "--at",
                "2026-03-09",
            ],
            "dropped",
            "dropped_at: 2026-03-09\n",
        ),
        (
            "shipped",
            &["drop", "INC-1-R1", "--reason", "the v1 API is removed in April", "--approved-by", "dana"],
            "dropped",
            "reason: the v1 API is removed in April\n",
        ),
    ];
    for (from, args, to, written) in cases {
        let repo = repo_with(from);
        let run = repo.ok(args);
        assert!(run.stdout.starts_with(&format!("INC-1-R1: {from} → {to}")), "{args:?}: {}", run.stdout);
        assert_eq!(last_line(&run.stdout), ITEM, "the item's path is the last line");
        let text = item_text(&repo);
        assert!(text.contains(&format!("\nstatus: {to}\n")), "{args:?}: {text}");
        assert!(text.contains(written), "{args:?} should write {written:?}: {text}");
        repo.assert_checks();
    }
}

#[test]
fn ship_keeps_the_change_as_written_and_says_what_it_is() {
    for (change, kind) in
        [("3f2a9c1", "commit"), ("https://github.com/acme/cart/pull/812", "URL"), ("release v42.1", "reference")]
    {
        let repo = repo_with("in-progress");
        let run = repo.ok(&["ship", "INC-1-R1", "--change", change]);
        assert!(run.stdout.contains(&format!("({kind} {change})")), "{}", run.stdout);
        assert!(item_text(&repo).contains(&format!("status: shipped\nchange: {change}\n")), "{}", item_text(&repo));
    }
    let written = repo_with("open");
    let text = item_text(&written).replace("status: open\n", "status: open\nchange: v42.1 # by hand\n");
    written.write(ITEM, text.as_bytes());
    written.ok(&["ship", "INC-1-R1"]);
    assert!(item_text(&written).contains("status: shipped\nchange: v42.1 # by hand\nshipped_at: 2026-03-10\n"));
}

#[test]
fn forbidden_moves_and_non_answers_write_nothing() {
    let approve = ["--reason", "the v1 API is removed in April", "--approved-by", "dana"];
    let with = |head: &[&'static str], tail: &[&'static str]| -> Vec<&'static str> { [head, tail].concat() };
    let cases: Vec<(&str, Vec<&str>, &str)> = vec![
        ("open", vec!["validate", "INC-1-R1", "--evidence", "CI run 4812"], "INC-1-R1 is open: a fix is validated after it ships — run `incidents ship INC-1-R1 --change <sha|PR URL>` first; nothing was written"),
        ("in-progress", vec!["validate", "INC-1-R1", "--evidence", "CI run 4812"], "INC-1-R1 is in-progress: a fix is validated after it ships"),
        ("diagnosing", vec!["start", "INC-1-R1"], "INC-1-R1 is diagnosing: it has no validation yet — run `incidents plan INC-1-R1 --validation \"…\"` first"),
        ("diagnosing", vec!["ship", "INC-1-R1", "--change", "3f2a9c1"], "INC-1-R1 is diagnosing: it has no validation yet"),
        ("diagnosing", vec!["validate", "INC-1-R1", "--evidence", "CI run 4812"], "a fix is validated after it ships, and this one has no validation yet"),
        ("open", vec!["plan", "INC-1-R1", "--validation", "a replay test"], "INC-1-R1 is open, not diagnosing"),
        ("shipped", vec!["ship", "INC-1-R1", "--change", "3f2a9c1"], "INC-1-R1 is already shipped"),
        ("in-progress", vec!["start", "INC-1-R1"], "INC-1-R1 is already in-progress"),
        ("validated", vec!["start", "INC-1-R1"], "INC-1-R1 is validated, which is final"),
        ("validated", vec!["ship", "INC-1-R1", "--change", "3f2a9c1"], "INC-1-R1 is validated, which is final"),
        ("validated", vec!["validate", "INC-1-R1", "--evidence", "CI run 9"], "INC-1-R1 is already validated"),
        ("validated", with(&["drop", "INC-1-R1"], &approve), "INC-1-R1 is validated, which is final"),
        ("validated", vec!["move-due", "INC-1-R1", "--due", "2026-04-01", "--reason", "later"], "INC-1-R1 is validated, which is final"),
        ("dropped", vec!["start", "INC-1-R1"], "INC-1-R1 is dropped, which is final"),
        ("dropped", vec!["plan", "INC-1-R1", "--validation", "a replay test"], "INC-1-R1 is dropped, which is final"),
        // what a move needs
        ("open", vec!["ship", "INC-1-R1"], "cannot ship INC-1-R1: no change names the fix: pass `--change <commit SHA, PR URL or tag>`"),
        ("shipped", vec!["validate", "INC-1-R1"], "cannot validate INC-1-R1: missing --evidence (where the validation signal passed"),
        ("open", vec!["drop", "INC-1-R1", "--reason", "the v1 API is removed in April"], "cannot drop INC-1-R1: missing --approved-by (who accepted the risk of not doing it)"),
        ("open", vec!["drop", "INC-1-R1", "--approved-by", "dana"], "cannot drop INC-1-R1: missing --reason (why the item will not be done)"),
        ("diagnosing", vec!["plan", "INC-1-R1"], "cannot plan INC-1-R1: missing --validation"),
        ("open", vec!["move-due", "INC-1-R1", "--due", "2026-03-27"], "cannot move the due date of INC-1-R1: missing --reason (why the date moves)"),
        ("open", vec!["move-due", "INC-1-R1", "--due", "2026-03-20", "--reason", "same day"], "INC-1-R1 is already due 2026-03-20"),
        // non-answers, in the words of weak-evidence
        ("shipped", vec!["validate", "INC-1-R1", "--evidence", "OK."], "cannot validate INC-1-R1:\n  - `evidence` holds a non-answer (\"OK.\"): write where the validation signal passed (a CI run, a test run at a commit, a dashboard)\nnothing was written"),
        ("shipped", vec!["validate", "INC-1-R1", "--evidence", "tested"], "`evidence` holds a non-answer (\"tested\")"),
        ("in-progress", vec!["ship", "INC-1-R1", "--change", "n/a"], "cannot ship INC-1-R1:\n  - `change` holds a non-answer (\"n/a\"): write the change that shipped the fix"),
        ("open", vec!["drop", "INC-1-R1", "--reason", "see ticket", "--approved-by", "?"], "cannot drop INC-1-R1:\n  - `reason` holds a non-answer (\"see ticket\"): write why the item will not be done\n  - `approved_by` holds a non-answer (\"?\"): write who accepted the risk of not doing it\nnothing was written"),
        ("open", vec!["drop", "INC-1-R1", "--reason", "n/a"], "cannot drop INC-1-R1:\n  - missing --approved-by (who accepted the risk of not doing it)\n  - `reason` holds a non-answer (\"n/a\")"),
        ("diagnosing", vec!["plan", "INC-1-R1", "--validation", "none"], "cannot plan INC-1-R1:\n  - `validation` holds a non-answer (\"none\"): write what would prove the system changed"),
        ("open", vec!["move-due", "INC-1-R1", "--due", "2026-03-27", "--reason", "will do"], "cannot move the due date of INC-1-R1:\n  - `due_history.reason` holds a non-answer (\"will do\"): write why the due date moves"),
    ];
    for (status, args, message) in cases {
        let repo = repo_with(status);
        let before = repo.snapshot();
        let run = repo.run(&args);
        assert_eq!(run.code, 1, "{status}: incidents {}: {run:?}", args.join(" "));
        assert!(
            run.stderr.contains(message),
            "{status}: incidents {}:\n{}\nwanted: {message}",
            args.join(" "),
            run.stderr
        );
        assert_eq!(run.stdout, "", "incidents {}", args.join(" "));
        assert!(repo.snapshot() == before, "{status}: incidents {} changed files", args.join(" "));
    }
}

#[test]
fn a_non_answer_already_in_the_file_is_refused_too() {
    let repo = repo_with("shipped");
    repo.write(ITEM, item_text(&repo).replace("change: 3f2a9c1\n", "change: 3f2a9c1\nevidence: lgtm\n").as_bytes());
    let before = repo.snapshot();
    let run = repo.run(&["validate", "INC-1-R1"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("`evidence` holds a non-answer (\"lgtm\")"), "{}", run.stderr);
    assert!(repo.snapshot() == before);
    repo.ok(&["validate", "INC-1-R1", "--evidence", "CI run 4812 green at 3f2a9c1"]);
    assert!(item_text(&repo).contains("evidence: CI run 4812 green at 3f2a9c1\n"));
}

#[test]
fn bad_arguments_exit_2_and_write_nothing() {
    for (status, args) in [
        ("open", vec!["start", "INC-1-R1", "--at", "yesterday"]),
        ("open", vec!["move-due", "INC-1-R1", "--due", "soon", "--reason", "vendor slipped"]),
        ("open", vec!["move-due", "INC-1-R1", "--due", "this-sprint", "--reason", "no sprint cadence configured"]),
        ("open", vec!["ship", "INC-1-R1", "--change"]),
        ("open", vec!["plan"]),
    ] {
        let repo = repo_with(status);
        let before = repo.snapshot();
        let run = repo.run(&args);
        assert_eq!(run.code, 2, "incidents {}: {run:?}", args.join(" "));
        assert!(repo.snapshot() == before);
    }
}

#[test]
fn plan_writes_the_validation_and_its_command() {
    let repo = repo_with("diagnosing");
    let run = repo.ok(&[
        "plan",
        "INC-1-R1",
        "--validation",
        "replay of the partial-deploy window keeps cache keys equal",
        "--validation-command",
        "cargo test --test partial_deploy",
    ]);
    assert!(run.stdout.starts_with("INC-1-R1: diagnosing → open\nnext: `incidents start INC-1-R1`"), "{}", run.stdout);
    let text = item_text(&repo);
    assert!(
        text.contains("due: 2026-03-20\nvalidation: replay of the partial-deploy window keeps cache keys equal\nvalidation_command: cargo test --test partial_deploy\nstatus: open\n"),
        "{text}"
    );
    repo.assert_checks();

    let vague = repo_with("diagnosing");
    let run = vague.ok(&["plan", "INC-1-R1", "--validation", "add monitoring"]);
    assert!(run.stderr.contains("warning: validation \"add monitoring\" is only a vague phrase"), "{}", run.stderr);
}

#[test]
fn move_due_keeps_the_old_date_in_due_history_and_every_other_byte() {
    let original = "---\r\nkind: remediation\r\nid: INC-1-R1\r\nincident: INC-1\r\n# the breakage\r\nfailure_mode: cache race after deploy\r\nowner: team-checkout\r\ndue: 2026-03-20   # end of the window\r\nvalidation: 'replay test: staggered rollout'\r\nstatus: in-progress\r\ncustom: {keep: me}\r\ndue_history:\r\n- due: 2026-03-15 # first slip\r\n  moved_at: 2026-03-09\r\n  reason: vendor fix slipped\r\nlinks: []\r\n---\r\n\r\n## Causal analysis\r\n\r\nKeys ignored the schema version.\r\n";
    let repo =
        Repo::new().file(INCIDENT, &stabilized_incident("INC-1", "cache race after deploy")).file(ITEM, original);
    let run = repo.ok(&[
        "move-due",
        "INC-1-R1",
        "--due",
        "2026-03-22",
        "--reason",
        "drill rig booked until the 21st",
        "--at",
        "2026-03-10T09:00:00Z",
    ]);
    assert_eq!(run.stdout, format!("INC-1-R1: due 2026-03-20 → 2026-03-22 (moved at 2026-03-10T09:00:00Z)\n{ITEM}\n"));
    assert_eq!(
        item_text(&repo),
        original
            .replace("due: 2026-03-20   #", "due: 2026-03-22   #")
            .replace(
                "  reason: vendor fix slipped\r\n",
                "  reason: vendor fix slipped\r\n- due: 2026-03-20\r\n  moved_at: 2026-03-10T09:00:00Z\r\n  reason: drill rig booked until the 21st\r\n"
            )
    );
    repo.assert_checks();

    // No history yet: the list is created; spans count from today.
    let repo = repo_with("open");
    let before = item_text(&repo);
    repo.ok(&["move-due", "INC-1-R1", "--due", "1w", "--reason", "waiting on the cart-service v43 release"]);
    assert_eq!(
        item_text(&repo),
        before.replace("due: 2026-03-20\n", "due: 2026-03-17\n").replace(
            "status: open\n",
            "status: open\ndue_history:\n  - due: 2026-03-20\n    moved_at: 2026-03-10\n    reason: waiting on the cart-service v43 release\n"
        )
    );
    repo.assert_checks();
}

#[test]
fn move_due_warns_past_the_severity_policy_and_the_day() {
    let repo = repo_with("open");
    let run = repo.ok(&["move-due", "INC-1-R1", "--due", "2026-05-01", "--reason", "drill rig booked until May"]);
    assert!(
        run.stderr.contains("warning: due 2026-05-01 is beyond the SEV2 policy of 30 days from stabilization (2026-03-08), so by 2026-04-07"),
        "{}",
        run.stderr
    );
    let repo = repo_with("open");
    let run = repo.ok(&["move-due", "INC-1-R1", "--due", "2026-03-09", "--reason", "it was due earlier: typo"]);
    assert!(run.stderr.contains("warning: due 2026-03-09 is already past (today is 2026-03-10)"), "{}", run.stderr);
    let repo = repo_with("open");
    let run = repo.ok(&["move-due", "INC-1-R1", "--due", "2026-03-27", "--reason", "vendor fix slipped"]);
    assert_eq!(run.stderr, "", "within the policy: no warning");
}

#[test]
fn a_written_status_block_is_refreshed_and_an_absent_one_stays_absent() {
    let repo = repo_with("open");
    repo.ok(&["status", "--write", "INC-1"]);
    let written = repo.read(INCIDENT);
    assert!(written.contains("INC-1-R1"), "{written}");
    let run = repo.ok(&["ship", "INC-1-R1", "--change", "3f2a9c1"]);
    assert_eq!(run.stderr, format!("note: refreshed the status block in {INCIDENT}\n"));
    let refreshed = repo.read(INCIDENT);
    assert_ne!(refreshed, written, "the block shows the move");
    // The same bytes `status --write` would write now: writing again changes nothing.
    let again = repo.ok(&["status", "--write", "INC-1"]);
    assert!(again.stderr.contains("0 status block(s) written, 1 already current"), "{}", again.stderr);
    assert_eq!(repo.read(INCIDENT), refreshed);
    assert!(repo.check_json().codes().iter().all(|code| code != "stale-status-block"));

    for args in [
        vec!["move-due", "INC-1-R1", "--due", "2026-03-25", "--reason", "vendor fix slipped"],
        vec!["validate", "INC-1-R1", "--evidence", "CI run 4812 green"],
        vec!["close", "INC-1"],
    ] {
        let before = repo.read(INCIDENT);
        let run = repo.ok(&args);
        assert!(run.stderr.contains("refreshed the status block"), "{args:?}: {}", run.stderr);
        assert_ne!(repo.read(INCIDENT), before, "{args:?}");
        assert!(repo.check_json().codes().iter().all(|code| code != "stale-status-block"), "{args:?}");
    }

    // Without a block, the incident file is not touched by an item move.
    let repo = repo_with("open");
    let before = repo.read(INCIDENT);
    let run = repo.ok(&["start", "INC-1-R1"]);
    assert_eq!(run.stderr, "");
    assert_eq!(repo.read(INCIDENT), before);
}

#[test]
fn stabilize_refreshes_a_written_block() {
    let repo = Repo::new().file(INCIDENT, &active_incident("INC-1"));
    repo.ok(&["status", "--write", "INC-1"]);
    let before = repo.read(INCIDENT);
    let run = repo.ok(&[
        "stabilize",
        "INC-1",
        "--signal",
        "5xx above 2% on checkout-api",
        "--intervention",
        "rolled checkout-api back to v40",
        "--rollback",
        "redeploy v41",
        "--verification",
        "5xx under 0.1% for 30 minutes on the production dashboard",
    ]);
    assert!(run.stderr.contains("refreshed the status block"), "{}", run.stderr);
    assert_ne!(repo.read(INCIDENT), before);
    assert!(repo.check_json().codes().iter().all(|code| code != "stale-status-block"));
}

#[test]
fn the_whole_lifecycle_passes_check_after_every_step() {
    let repo = Repo::new();
    let steps: Vec<Vec<&str>> = vec![
        vec!["init"],
        vec![
            "new",
            "Checkout 502s after partial deploy",
            "--severity",
            "SEV2",
            "--opened",
            "2026-03-09T14:20:00Z",
            "--no-edit",
        ],
        vec![
            "stabilize",
            "INC-1",
            "--signal",
            "5xx rate on checkout-api above 2%, reproduced by replaying cart requests",
            "--intervention",
            "rolled cart-service back to v41",
            "--rollback",
            "redeploy v42 behind a 10% canary",
            "--verification",
            "5xx under 0.1% for 30 minutes in production",
            "--at",
            "2026-03-09T15:05:00Z",
        ],
        vec![
            "remediate",
            "INC-1",
            "--add-failure-mode",
            "--failure-mode",
            "cache invalidation race after partial deploy",
            "--owner",
            "team-checkout",
            "--due",
            "10d",
            "--no-edit",
            "--validation",
            "integration test runs a staggered rollout and asserts cache keys converge",
        ],
        vec![
            "remediate",
            "INC-1",
            "--add-failure-mode",
            "--failure-mode",
            "retry storm on queue failover",
            "--owner",
            "dana",
            "--due",
            "2w",
            "--no-edit",
            "--validation",
            "failover drill keeps retries under 2x baseline",
        ],
        vec!["status", "--write", "INC-1"],
        vec!["start", "INC-1-R1"],
        vec!["ship", "INC-1-R1", "--change", "3f2a9c1"],
        vec!["validate", "INC-1-R1", "--evidence", "CI run 4812: staggered-rollout test green at 3f2a9c1"],
        vec!["move-due", "INC-1-R2", "--due", "2026-03-31", "--reason", "drill rig booked until the 30th"],
        vec![
            "drop",
            "INC-1-R2",
            "--reason",
            "the queue is replaced by streams in April; failover goes away",
            "--approved-by",
            "dana (checkout lead)",
        ],
        vec!["close", "INC-1"],
    ];
    for args in &steps {
        repo.ok(args);
        repo.assert_checks();
        assert!(repo.check_json().codes().iter().all(|code| code != "stale-status-block"), "after {args:?}");
    }
    let items: Vec<String> = ["R1", "R2"]
        .iter()
        .map(|n| {
            let folder = repo.abs("incidents/2026");
            let name = std::fs::read_dir(&folder)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .find(|name| name.starts_with(&format!("INC-1-{n}-")))
                .unwrap();
            repo.read(&format!("incidents/2026/{name}"))
        })
        .collect();
    assert!(items[0].contains("status: validated\nchange: 3f2a9c1\nevidence: 'CI run 4812: staggered-rollout test green at 3f2a9c1'\nstarted_at: 2026-03-10\nshipped_at: 2026-03-10\nvalidated_at: 2026-03-10\n"), "{}", items[0]);
    assert!(items[1].contains("status: dropped\nreason: the queue is replaced by streams in April; failover goes away\napproved_by: dana (checkout lead)\ndropped_at: 2026-03-10\ndue_history:\n  - due: 2026-03-24\n    moved_at: 2026-03-10\n    reason: drill rig booked until the 30th\n"), "{}", items[1]);
}

#[test]
fn a_shipped_item_without_a_change_is_not_validated() {
    let repo = repo_with("shipped");
    repo.write(ITEM, item_text(&repo).replace("change: 3f2a9c1\n", "").as_bytes());
    let before = repo.snapshot();
    let run = repo.run(&["validate", "INC-1-R1", "--evidence", "CI run 4812 green"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("INC-1-R1 is shipped but names no change: write `change:` in its file"),
        "{}",
        run.stderr
    );
    assert!(repo.snapshot() == before);
}

#[test]
fn a_block_without_its_closing_marker_is_reported_and_the_move_still_written() {
    let repo = repo_with("open");
    let incident =
        repo.read(INCIDENT).replace("\n## Timeline\n", "\n<!-- incidents:status -->\nold block\n\n## Timeline\n");
    repo.write(INCIDENT, incident.as_bytes());
    let run = repo.ok(&["start", "INC-1-R1"]);
    assert!(
        run.stderr.contains(&format!(
            "warning: the status block was not refreshed: {INCIDENT}:18: `<!-- incidents:status -->` has no `<!-- /incidents:status -->` after it"
        )) && run.stderr.contains("run `incidents status --write INC-1`"),
        "{}",
        run.stderr
    );
    assert_eq!(repo.read(INCIDENT), incident, "the incident file is left as it was");
    assert!(item_text(&repo).contains("status: in-progress\n"));
}

#[test]
fn remediate_and_amend_refresh_a_written_block_too() {
    let repo = repo_with("open");
    repo.ok(&["status", "--write", "INC-1"]);
    let steps: [&[&str]; 2] = [
        &[
            "remediate",
            "INC-1",
            "--failure-mode",
            "cache race after deploy",
            "--owner",
            "sre",
            "--due",
            "1w",
            "--validation",
            "canary alarm fires on cache key mismatch",
            "--no-edit",
        ],
        &["amend", "INC-1", "--uncertainty", "why only eu-west saw it"],
    ];
    for args in steps {
        let before = repo.read(INCIDENT);
        let run = repo.ok(args);
        assert!(
            run.stderr.contains(&format!("note: refreshed the status block in {INCIDENT}")),
            "{args:?}: {}",
            run.stderr
        );
        assert_ne!(repo.read(INCIDENT), before, "{args:?}");
        assert!(repo.check_json().codes().iter().all(|code| code != "stale-status-block"), "{args:?}");
    }
}

#[test]
fn the_status_block_and_list_show_the_change_a_fix_shipped_in() {
    let repo = repo_with("open");
    repo.ok(&["ship", "INC-1-R1", "--change", "https://github.com/acme/cart/pull/812"]);
    let status = repo.ok(&["status", "INC-1"]);
    assert!(status.stdout.contains("- Action: run its validation"), "{}", status.stdout);
    assert!(status.stdout.contains("- Shipped in: \"pull/812\"\n"), "{}", status.stdout);
    let list = repo.ok(&["list"]);
    assert!(list.stdout.contains("INC-1-R1  shipped (pull/812 by hand)"), "{}", list.stdout);
    let json = repo.ok(&["list", "--format", "json"]).json();
    let item = json["records"].as_array().unwrap().iter().find(|row| row["id"] == "INC-1-R1").cloned().unwrap();
    assert_eq!(item["change"], "https://github.com/acme/cart/pull/812");
    let incident = json["records"].as_array().unwrap().iter().find(|row| row["id"] == "INC-1").cloned().unwrap();
    assert_eq!(incident["change"], serde_json::Value::Null);
    // A SHA shows as its first seven digits.
    let repo = repo_with("shipped");
    assert!(repo.ok(&["list"]).stdout.contains("INC-1-R1  shipped (3f2a9c1 by hand)"));
}
