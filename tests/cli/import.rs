//! `incidents import csv`: a realistic export becomes items; a bad row is refused with
//! its line number and nothing is written; `--dry-run` writes nothing.

use crate::support::{stabilized_incident, Repo};

const EXPORT: &str = "\u{feff}Title,Incident reference,Assignee,Due date,Status,Failure mode,Description,Priority
\"Converge cache keys, across versions\",INC-7,team-checkout,2026-03-20T00:00:00Z,To do,cache race,\"staggered rollout integration test asserts cache keys converge\",High
Retry budget,INC-7,dana,2026-03-25,In progress,Cache Race,failover drill keeps retries under 2x baseline,Low
";

fn repo() -> Repo {
    Repo::new().file("incidents/INC-7.md", &stabilized_incident("INC-7", "cache race")).file("export.csv", EXPORT)
}

#[test]
fn a_realistic_export_becomes_valid_items() {
    let repo = repo();
    let run = repo.ok(&["import", "csv", "export.csv"]);
    assert!(
        run.stdout
            .contains("created INC-7-R1 for INC-7 (line 2): \"cache race\", owner team-checkout, due 2026-03-20, open"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("created INC-7-R2 for INC-7 (line 3): \"cache race\", owner dana, due 2026-03-25, in-progress"),
        "{}",
        run.stdout
    );
    let first = repo.read("incidents/INC-7-R1-converge-cache-keys-across-versions.md");
    assert!(
        first.contains("title: Converge cache keys, across versions\n")
            || first.contains("title: 'Converge cache keys, across versions'"),
        "{first}"
    );
    assert!(first.contains("status: open\n") && first.contains("owner: team-checkout\n"), "{first}");
    repo.assert_checks();
}

#[test]
fn a_bad_row_is_refused_by_line_and_nothing_is_written() {
    let bad = format!("{EXPORT}Dashboards,INC-7,sre,next week,To do,cache race,add a panel,Low\nx,INC-9,sre,2026-03-20,Done,cache race,tested,Low\n");
    let repo = repo().file("export.csv", &bad);
    let before = repo.snapshot();
    let run = repo.run(&["import", "csv", "export.csv"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("2 row(s) cannot become valid items"), "{}", run.stderr);
    assert!(run.stderr.contains("line 4: due `next week` is not a date"), "{}", run.stderr);
    assert!(run.stderr.contains("line 5: no record with id `INC-9`"), "{}", run.stderr);
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert_eq!(repo.snapshot(), before);
}

#[test]
fn dry_run_writes_nothing_and_columns_can_be_named() {
    let repo = repo();
    let before = repo.snapshot();
    let run = repo.ok(&["import", "csv", "export.csv", "--dry-run"]);
    assert!(
        run.stdout.contains("would create INC-7-R1") && run.stdout.contains("dry run: 2 item(s), nothing was written"),
        "{}",
        run.stdout
    );
    assert_eq!(repo.snapshot(), before);

    let jira = "Summary,Assignee,Due Date,Status,Custom field (Validation)\ncache race,dana,2026-03-30,To Do,canary alarm fires on cache key mismatch\n";
    let repo = repo.file("jira.csv", jira);
    let run = repo.ok(&[
        "import",
        "csv",
        "jira.csv",
        "--into",
        "INC-7",
        "--failure-mode-column",
        "summary",
        "--validation-column",
        "Custom field (Validation)",
    ]);
    assert!(run.stdout.contains("created INC-7-R1 for INC-7 (line 2)"), "{}", run.stdout);
    let missing = repo.run(&["import", "csv", "jira.csv", "--into", "INC-7"]);
    assert_eq!(missing.code, 2, "{missing:?}");
    assert!(
        missing.stderr.contains("no failure mode column: name it with --failure-mode-column"),
        "{}",
        missing.stderr
    );
}
