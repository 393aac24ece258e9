//! The exact words of refusals (exit status 1) and bad command-line values (exit status
//! 2) that other modules check only in part: the whole of stderr, the exit status, no
//! stdout, and every file of the repository byte-identical afterwards. Each message is
//! built by one variant of `Refusal` or `UsageError`; these pin them end to end.

use crate::support::*;

const MODE: &str = "cache race after deploy";

/// INC-1 active (no failure modes), INC-2 stabilized with its open item INC-2-R1 and
/// INC-2-R2 shipped without a change or a validation command, INC-4 closed.
fn fixture() -> Repo {
    let unchanged = "---\nkind: remediation\nid: INC-2-R2\nincident: INC-2\nfailure_mode: cache race after deploy\nowner: sre\ndue: 2026-03-20\nvalidation: replay test of staggered deploys\nstatus: shipped\n---\n\n## Causal analysis\n\nKeys ignored the schema version.\n";
    let closed = "---\nkind: incident\nid: INC-4\ntitle: Old outage\nseverity: SEV3\nstatus: closed\nopened: 2026-01-01\nfailure_modes: [disk full on db-3]\nstabilization:\n  signal: s\n  rollback: r\n  verification: v\n  stabilized_at: 2026-01-02\nclosed_at: 2026-01-20\n---\n\n## Timeline\n\n- 10:00 alert\n";
    Repo::new()
        .file("incidents/2026/INC-1-active.md", &active_incident("INC-1"))
        .file("incidents/2026/INC-2-stabilized.md", &stabilized_incident("INC-2", MODE))
        .file("incidents/2026/INC-2-R1.md", &open_item("INC-2-R1", "INC-2", MODE))
        .file("incidents/2026/INC-2-R2.md", unchanged)
        .file("incidents/2026/INC-4-closed.md", closed)
}

/// `remediate INC` with every field given, for `mode`.
fn remediate<'a>(incident: &'a str, mode: &'a str) -> Vec<&'a str> {
    vec![
        "remediate",
        incident,
        "--failure-mode",
        mode,
        "--owner",
        "sre",
        "--due",
        "2w",
        "--validation",
        "replay test of staggered deploys",
    ]
}

/// Runs each case on `repo`: the exit status, stderr exactly `error: <message>\n`, no
/// stdout, and no file changed.
fn assert_refused(repo: &Repo, cases: &[(Vec<&str>, i32, String)]) {
    let before = repo.snapshot();
    for (args, code, message) in cases {
        let run = repo.run(args);
        let shown = format!("incidents {}", args.join(" "));
        assert_eq!(run.code, *code, "{shown}: {run:?}");
        assert_eq!(run.stderr, format!("error: {message}\n"), "{shown}");
        assert_eq!(run.stdout, "", "{shown}");
        assert!(repo.snapshot() == before, "{shown} changed files");
    }
}

#[test]
fn refusals_and_bad_values_say_these_exact_words() {
    let repo = fixture();
    let root = repo.path().display().to_string();
    let elsewhere = tempfile::tempdir().unwrap();
    let outside = elsewhere.path().display().to_string();
    let cases: Vec<(Vec<&str>, i32, String)> = vec![
        (
            vec!["digest", "--within", "soon"],
            2,
            "`--within soon` is not a span: write it as Nd or Nw, e.g. 14d or 2w".into(),
        ),
        (
            vec!["new", "X", "--severity", "sev2"],
            2,
            "`--severity sev2` is not a configured severity (did you mean `SEV2`?): write one of SEV1, SEV2, SEV3, SEV4"
                .into(),
        ),
        (
            vec!["new", "X", "--severity", "zzz"],
            2,
            "`--severity zzz` is not a configured severity: write one of SEV1, SEV2, SEV3, SEV4".into(),
        ),
        (
            remediate("INC-4", "disk full on db-3"),
            1,
            "INC-4 is closed: gate 2 is behind it, so a new item would leave it with open remediation; open a new incident for new work; nothing was written".into(),
        ),
        (
            remediate("INC-2", "cache race after the deploy"),
            1,
            "\"cache race after the deploy\" is not one of INC-2's failure modes (INC-2 lists: \"cache race after deploy\"; closest: \"cache race after deploy\"): copy one of them exactly, or pass --add-failure-mode to add it to the incident; nothing was written".into(),
        ),
        (
            remediate("INC-1", "anything"),
            1,
            "\"anything\" is not one of INC-1's failure modes (INC-1 lists no failure modes yet): copy one of them exactly, or pass --add-failure-mode to add it to the incident; nothing was written".into(),
        ),
        (
            vec!["validate", "INC-2-R2", "--evidence", "CI run 4812 green"],
            1,
            "INC-2-R2 is shipped but names no change: write `change:` in its file (the commit SHA or pull request that shipped the fix), then validate it; nothing was written".into(),
        ),
        (
            vec!["validate", "INC-2-R2", "--run"],
            1,
            "cannot validate INC-2-R2: it has no `validation_command` to run: add one to its file (e.g. `validation_command: cargo test staggered_rollout`), or pass `--evidence`; nothing was written".into(),
        ),
        (vec!["log", "INC-1", "   "], 1, "the entry is empty: say what happened; nothing was written".into()),
        (
            vec!["check", "incidents/typo.md"],
            2,
            "`incidents/typo.md` does not exist: name a record file or folder, relative to the working directory".into(),
        ),
        (
            vec!["check", &outside],
            2,
            format!("`{outside}` is outside the root `{root}`: name a file under it, or point --root at the repository that holds it"),
        ),
        (
            vec!["sync"],
            1,
            format!("the root `{root}` is not in a git work tree, so there is no history to read: pass `--root` to a folder inside a git work tree, or use `incidents ship <ITEM> --change <REF>`; nothing was written"),
        ),
        (
            vec!["ship", "INC-2-R1"],
            1,
            format!("cannot ship INC-2-R1: no change names the fix: pass `--change <commit SHA, PR URL or tag>` (the root `{root}` is not in a git work tree, so no `Remediates:` trailer can be read); nothing was written"),
        ),
    ];
    assert_refused(&repo, &cases);
}

#[test]
fn without_git_history_sync_and_ship_say_how_to_go_on() {
    let repo = fixture().file(".incidents.yml", "git: off\n");
    let cases: Vec<(Vec<&str>, i32, String)> = vec![
        (
            vec!["sync"],
            1,
            "git history is not read (`git: off` in .incidents.yml): pass `--root` to a folder inside a git work tree, or use `incidents ship <ITEM> --change <REF>`; nothing was written".into(),
        ),
        (
            vec!["ship", "INC-2-R1"],
            1,
            "cannot ship INC-2-R1: no change names the fix: pass `--change <commit SHA, PR URL or tag>` (`git: off` in .incidents.yml, so no `Remediates:` trailer is read); nothing was written".into(),
        ),
    ];
    assert_refused(&repo, &cases);
}

#[test]
fn a_new_item_never_replaces_a_file_in_its_place() {
    // A record whose file name is not its id: the name the new item would get is taken.
    let repo = fixture().file("incidents/2026/INC-2-R3-second-fix.md", &active_incident("INC-3"));
    let mut args = remediate("INC-2", MODE);
    args.extend(["--title", "Second fix"]);
    let message = "incidents/2026/INC-2-R3-second-fix.md already exists: move it away, or pass another title; nothing was written";
    assert_refused(&repo, &[(args, 1, message.into())]);
}

#[test]
fn a_class_outside_the_vocabulary_is_refused_with_the_closest() {
    let config = "classes:\n  state-mismatch: services disagreed on state\n  disk-capacity: a disk filled up\n";
    let repo = fixture().file(".incidents.yml", config);
    let cases: Vec<(Vec<&str>, i32, String)> = vec![(
        vec!["new", "X", "--severity", "SEV2", "--class", "state-mismatc"],
        2,
        "`--class state-mismatc` is not in the `classes` vocabulary of .incidents.yml (did you mean `state-mismatch`?): use one of state-mismatch, disk-capacity, or add it there with a one-line description".into(),
    )];
    assert_refused(&repo, &cases);
}

#[test]
fn an_import_names_the_columns_it_cannot_find_and_the_rows_it_cannot_use() {
    let export = "Title,Incident,Owner,Due,Failure mode,Validation\nFix,INC-2,sre,next week,cache race after deploy,replay\nFix,INC-9,sre,2026-03-20,cache race after deploy,replay\n";
    let repo = fixture().file("export.csv", export).file("bare.csv", "Title,Owner\nFix,sre\n");
    repo.write("latin1.csv", b"Titl\xe9,Owner\nFix,sre\n");
    let columns = "Title, Incident, Owner, Due, Failure mode, Validation";
    let cases: Vec<(Vec<&str>, i32, String)> = vec![
        (
            vec!["import", "csv", "export.csv"],
            1,
            "cannot import export.csv: 2 row(s) cannot become valid items:\n  line 2: due `next week` is not a date: write YYYY-MM-DD (or a timestamp starting with one)\n  line 3: no record with id `INC-9` (did you mean `INC-1`?)\nnothing was written".into(),
        ),
        (
            vec!["import", "csv", "export.csv", "--owner-column", "assignee"],
            2,
            format!("export.csv has no column `assignee` (--owner-column); its columns: {columns}"),
        ),
        (
            vec!["import", "csv", "bare.csv"],
            2,
            "bare.csv has no incident column: name it with --incident-column (its columns: Title, Owner)".into(),
        ),
        (
            vec!["import", "csv", "latin1.csv"],
            2,
            "latin1.csv: not a CSV file with a header row: CSV parse error: record 0 (line 1, field: 0, byte: 0): invalid utf-8: invalid UTF-8 in field 0 near byte index 4".into(),
        ),
    ];
    assert_refused(&repo, &cases);
}

/// The fixture as a git repository with one commit, or `None` (saying so) without git.
fn committed() -> Option<Repo> {
    if !crate::git::have_git() {
        return None;
    }
    let repo = fixture();
    for args in [&["init", "-q"][..], &["add", "-A"], &["commit", "-q", "-m", "Records"]] {
        crate::git::git(repo.path(), args);
    }
    Some(repo)
}

#[test]
fn ship_without_a_trailer_names_the_commits_it_read() {
    let Some(repo) = committed() else { return };
    let message = "cannot ship INC-2-R1: no change names the fix: pass `--change <commit SHA, PR URL or tag>`, or commit the fix with a `Remediates: INC-2-R1` trailer: git commit --trailer \"Remediates: INC-2-R1\" (no commit in the history of HEAD has one; 1 commits read); nothing was written";
    assert_refused(&repo, &[(vec!["ship", "INC-2-R1"], 1, message.into())]);
}

#[test]
fn a_history_that_cannot_be_read_is_refused_with_what_git_said() {
    let Some(repo) = committed() else { return };
    let parent = crate::git::git(repo.path(), &["rev-parse", "HEAD"]);
    crate::git::git(repo.path(), &["commit", "-q", "--allow-empty", "-m", "Later"]);
    std::fs::remove_file(repo.abs(&format!(".git/objects/{}/{}", &parent[..2], &parent[2..]))).unwrap();
    let message =
        format!("cannot read git history: An object with id {parent} could not be found; nothing was written");
    assert_refused(&repo, &[(vec!["sync"], 1, message)]);
}

#[test]
fn a_failed_validation_command_says_how_it_ended() {
    let item = |id: &str, command: &str| {
        format!("---\nkind: remediation\nid: {id}\nincident: INC-2\nfailure_mode: cache race after deploy\nowner: sre\ndue: 2026-03-20\nvalidation: replay test of staggered deploys\nvalidation_command: {command}\nstatus: shipped\nchange: 3f2a9c1\n---\n")
    };
    let repo = fixture()
        .file(".incidents.yml", "validation_timeout: 1s\n")
        .file("incidents/2026/INC-2-R5.md", &item("INC-2-R5", "exit 3"))
        .file("incidents/2026/INC-2-R6.md", &item("INC-2-R6", "kill -9 $$"))
        .file("incidents/2026/INC-2-R7.md", &item("INC-2-R7", "sleep 5"));
    let cases: Vec<(Vec<&str>, i32, String)> = vec![
        (vec!["validate", "INC-2-R5", "--run"], 1, "cannot validate INC-2-R5: `exit 3` exited 3; nothing was written".into()),
        (
            vec!["validate", "INC-2-R6", "--run"],
            1,
            "cannot validate INC-2-R6: `kill -9 $$` was killed by signal 9; nothing was written".into(),
        ),
        (
            vec!["validate", "INC-2-R7", "--run"],
            1,
            "cannot validate INC-2-R7: `sleep 5` did not finish within 1s (`validation_timeout`) and was killed; nothing was written".into(),
        ),
    ];
    assert_refused(&repo, &cases);
    let before = repo.snapshot();
    let run = repo.run_with(&["validate", "INC-2-R5", "--run"], |command| {
        command.env("PATH", "");
    });
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr,
        "error: cannot validate INC-2-R5: `sh -c` could not run: No such file or directory (os error 2); nothing was written\n"
    );
    assert!(repo.snapshot() == before, "a command that could not start changed files");
}
