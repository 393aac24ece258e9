//! Every refusal of a writing command: the exit status, what it says, and that every
//! file of the repository is byte-identical afterwards.

use crate::support::*;

/// A repository with one record in each state a refusal can meet.
fn fixture() -> Repo {
    let validated = "---\nkind: remediation\nid: INC-2-R2\nincident: INC-2\nfailure_mode: cache race after deploy\nowner: sre\ndue: 2026-03-20\nvalidation: replay test of staggered deploys\nstatus: validated\nevidence: CI run 77\n---\n\n## Causal analysis\n\nKeys ignored the schema version.\n";
    let closed = "---\nkind: incident\nid: INC-4\ntitle: Old outage\nseverity: SEV3\nstatus: closed\nopened: 2026-01-01\nfailure_modes: [disk full on db-3]\nstabilization:\n  signal: s\n  rollback: r\n  verification: v\n  stabilized_at: 2026-01-02\nclosed_at: 2026-01-20\n---\n\n## Timeline\n\n- 10:00 alert\n";
    let closed_item = "---\nkind: remediation\nid: INC-4-R1\nincident: INC-4\nfailure_mode: disk full on db-3\nowner: dba\ndue: 2026-01-15\nvalidation: fill test on a replica\nstatus: dropped\nreason: db-3 was retired\n---\n";
    let flow = "---\nkind: incident\nid: INC-5\ntitle: Flow block\nseverity: SEV3\nstatus: active\nopened: 2026-03-01\nstabilization: {signal: x}\n---\n";
    Repo::new()
        .file("incidents/2026/INC-1-active.md", &active_incident("INC-1"))
        .file("incidents/2026/INC-2-stabilized.md", &stabilized_incident("INC-2", "cache race after deploy"))
        .file("incidents/2026/INC-2-R1.md", &open_item("INC-2-R1", "INC-2", "cache race after deploy"))
        .file("incidents/2026/INC-2-R2.md", validated)
        .file("incidents/2026/INC-4-closed.md", closed)
        .file("incidents/2026/INC-4-R1.md", closed_item)
        .file("incidents/2026/INC-5-flow.md", flow)
        .file("incidents/README.md", "# Records\n")
}

#[test]
fn refusals_write_nothing() {
    let gate_one = ["--signal", "s", "--intervention", "i", "--rollback", "r", "--verification", "v"];
    let item = |mode: &'static str| -> Vec<&'static str> {
        vec![
            "--failure-mode",
            mode,
            "--owner",
            "sre",
            "--due",
            "2w",
            "--validation",
            "replay test of staggered deploys",
        ]
    };
    let with = |head: &[&'static str], tail: &[&'static str]| -> Vec<&'static str> { [head, tail].concat() };
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        // new
        (vec!["new"], 1, "cannot open an incident: missing <TITLE> (one line saying what users saw)"),
        (vec!["new", "   ", "--severity", "SEV2"], 1, "missing <TITLE>"),
        (vec!["new", "X", "--severity", "SEV2", "--id", "INC-2-R1"], 1, "id `INC-2-R1` is already used by incidents/2026/INC-2-R1.md"),
        (vec!["new", "X", "--severity", "sev2"], 2, "not a configured severity (did you mean `SEV2`?)"),
        (vec!["new", "X", "--severity", "SEV2", "--id", "inc-2-r1"], 1, "differs only in case from `INC-2-R1`"),
        (vec!["new", "X", "--severity", "SEV2", "--id", "../INC-9"], 2, "must start with a letter or a digit"),
        (vec!["new", "X", "--severity", "SEV2", "--id", "INC/9"], 2, "holds '/': an id is letters, digits, `-` and `_` only"),
        (vec!["new", "X", "--severity", "SEV2", "--opened", "yesterday"], 2, "is not a time"),
        // remediate
        (
            vec!["remediate", "INC-2"],
            1,
            "cannot add a remediation item to INC-2: missing --failure-mode (the breakage, one of the incident's failure_modes), --owner (the person or team who will do it), --due (YYYY-MM-DD, 10d, 2w, this-sprint or next-sprint), --validation (what would prove the system changed); nothing was written",
        ),
        (
            vec!["remediate", "INC-2", "--failure-mode", "cache race after deploy", "--owner", " ", "--due", "2w", "--validation", "<what would prove it>"],
            1,
            "missing --owner (the person or team who will do it), --validation",
        ),
        (
            with(&["remediate", "INC-2"], &item("cache race after the deploy")),
            1,
            "\"cache race after the deploy\" is not one of INC-2's failure modes (INC-2 lists: \"cache race after deploy\"; closest: \"cache race after deploy\"): copy one of them exactly, or pass --add-failure-mode",
        ),
        (with(&["remediate", "INC-1"], &item("anything")), 1, "INC-1 lists no failure modes yet"),
        (with(&["remediate", "INC-99"], &item("x")), 2, "no record with id `INC-99`"),
        (with(&["remediate", "inc-2"], &item("x")), 2, "did you mean `INC-2`?"),
        (with(&["remediate", "INC-4"], &item("disk full on db-3")), 1, "INC-4 is closed"),
        (with(&["remediate", "INC-2-R1"], &item("x")), 2, "is a remediation item (incidents/2026/INC-2-R1.md), not an incident: name the incident, e.g. `INC-2`"),
        (
            vec!["remediate", "INC-2", "--failure-mode", "cache race after deploy", "--owner", "o", "--due", "this-sprint", "--validation", "v test"],
            2,
            "`--due this-sprint` needs a sprint cadence",
        ),
        (
            vec!["remediate", "INC-2", "--failure-mode", "cache race after deploy", "--owner", "o", "--due", "soon", "--validation", "v test"],
            2,
            "`--due soon` is not a due date",
        ),
        // stabilize
        (
            vec!["stabilize", "INC-1"],
            1,
            "cannot stabilize INC-1: missing --signal (the reproducible signal that shows the symptom), --intervention (the smallest safe change that restored service), --rollback (how the intervention is undone if it misbehaves), --verification (the production metrics that confirmed restoration); nothing was written",
        ),
        (vec!["stabilize", "INC-1", "--signal", "s"], 1, "missing --intervention (the smallest safe change that restored service), --rollback (how the intervention is undone if it misbehaves), --verification"),
        (with(&["stabilize", "INC-2"], &gate_one), 1, "INC-2 is already stabilized since 2026-03-08T11:00:00Z"),
        (with(&["stabilize", "INC-4"], &gate_one), 1, "INC-4 is already closed"),
        (with(&["stabilize", "INC-1", "--at", "2026-02-01"], &gate_one), 1, "--at 2026-02-01 is before INC-1 was opened"),
        (with(&["stabilize", "INC-5"], &gate_one), 1, "`stabilization` is written as a flow mapping `{…}`"),
        (with(&["stabilize", "INC-7"], &gate_one), 2, "no record with id `INC-7`"),
        // close
        (vec!["close", "INC-1"], 1, "INC-1 is active: close gate 1 first"),
        (
            vec!["close", "INC-2"],
            1,
            "cannot close INC-2 yet:\n  - INC-2-R1 (incidents/2026/INC-2-R1.md) is open: `incidents ship INC-2-R1 --change <sha|PR URL>` once the fix is out, then validate it, or `incidents drop INC-2-R1 --reason … --approved-by …`\nnothing was written",
        ),
        (vec!["close", "INC-4"], 1, "INC-4 is already closed since 2026-01-20"),
        (vec!["close", "INC-2", "--at", "nope"], 2, "is not a time"),
        // transitions
        // (every item move and its refusals: tests/cli/moves.rs)
        (vec!["validate", "INC-2-R1", "--evidence", "CI run 4"], 1, "INC-2-R1 is open: a fix is validated after it ships"),
        (vec!["ship", "INC-2-R1", "--change", "  "], 1, "cannot ship INC-2-R1: no change names the fix"),
        (
            vec!["drop", "INC-2-R1"],
            1,
            "cannot drop INC-2-R1: missing --reason (why the item will not be done), --approved-by (who accepted the risk of not doing it)",
        ),
        (vec!["validate", "INC-2-R2", "--evidence", "again"], 1, "INC-2-R2 is already validated"),
        (vec!["start", "INC-2-R2"], 1, "INC-2-R2 is validated, which is final"),
        (vec!["drop", "INC-4-R1", "--reason", "x"], 1, "INC-4-R1 is already dropped"),
        (vec!["ship", "INC-2"], 2, "`INC-2` is an incident (incidents/2026/INC-2-stabilized.md), not a remediation item"),
        (vec!["start", "INC-2-R9"], 2, "no record with id `INC-2-R9` (did you mean `INC-2-R1`?)"),
        (vec!["start"], 2, "ITEM-ID"),
    ];
    let repo = fixture();
    let before = repo.snapshot();
    for (args, code, message) in cases {
        let run = repo.run(&args);
        assert_eq!(run.code, code, "incidents {}: {run:?}", args.join(" "));
        assert!(run.stderr.contains(message), "incidents {}:\n{}\nwanted: {message}", args.join(" "), run.stderr);
        assert_eq!(run.stdout, "", "incidents {}", args.join(" "));
        assert!(repo.snapshot() == before, "incidents {} changed files", args.join(" "));
    }
}

#[test]
fn a_refused_new_in_an_empty_repository_creates_no_folder() {
    let repo = Repo::new();
    let run = repo.run(&["new"]);
    assert_eq!(run.code, 1);
    assert!(repo.snapshot().is_empty());
    assert!(!repo.abs("incidents").exists());
}

#[test]
fn nothing_is_asked_when_stdin_is_not_a_terminal() {
    let repo = fixture();
    let before = repo.snapshot();
    let run = repo.run_with(&["new"], |c| {
        c.write_stdin("Checkout down\nSEV2\n");
    });
    assert_eq!(run.code, 1, "{run:?}");
    assert!(!run.stderr.contains("Title ("), "no prompt: {}", run.stderr);
    assert!(repo.snapshot() == before);
}
