//! Git history (issue 13): `ship` from `Remediates:` trailers, `sync`, `unknown-change`,
//! shallow clones and `validate --run`, on real repositories built with the git CLI in
//! temporary folders. (Trailer parsing edge cases are unit tests in `src/git/trailers.rs`.)
//! When the git CLI is missing, each test says so on stderr and passes without running:
//! `.ci/run` installs git first, so CI always runs them.

use crate::support::{open_item, stabilized_incident, Repo};
use std::path::Path;
use std::process::Command;

pub(crate) const FM: &str = "cache invalidation race after partial deploy";
pub(crate) const ITEM: &str = "incidents/INC-1-R1.md";

pub(crate) fn have_git() -> bool {
    let found = Command::new("git").arg("--version").output().is_ok_and(|o| o.status.success());
    if !found {
        eprintln!(
            "SKIPPED: the git CLI is not installed, so no test repository can be built (install git to run this test)"
        );
    }
    found
}

/// Runs git in `dir` with a fixed identity and commit date, without the user's config.
pub(crate) fn git_at(dir: &Path, date: &str, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(["-c", "user.name=Dana", "-c", "user.email=dana@example.com", "-c", "init.defaultBranch=main"])
        .args(["-c", "commit.gpgsign=false", "-c", "safe.directory=*"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("run git");
    assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

pub(crate) fn git(dir: &Path, args: &[&str]) -> String {
    git_at(dir, "2026-03-01T09:00:00+00:00", args)
}

/// An empty commit with `message`, at `date`; returns its SHA.
pub(crate) fn commit(dir: &Path, date: &str, message: &str) -> String {
    git_at(dir, date, &["commit", "-q", "--allow-empty", "-m", message]);
    git(dir, &["rev-parse", "HEAD"])
}

/// A git repository with a stabilized INC-1 and its open item INC-1-R1, committed.
pub(crate) fn repository() -> Repo {
    let repo = Repo::new()
        .file("incidents/INC-1.md", &stabilized_incident("INC-1", FM))
        .file(ITEM, &open_item("INC-1-R1", "INC-1", FM));
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "Record INC-1"]);
    repo
}

fn records(repo: &Repo) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    crate::support::snapshot(&repo.abs("incidents"))
}

pub(crate) fn set(repo: &Repo, path: &str, from: &str, to: &str) {
    let text = repo.read(path);
    assert!(text.contains(from), "{text}");
    repo.write(path, text.replacen(from, to, 1).as_bytes());
}

#[test]
fn ship_takes_the_newest_commit_whose_trailer_names_the_item() {
    if !have_git() {
        return;
    }
    let repo = repository();
    let dir = repo.path();
    commit(dir, "2026-03-09T10:00:00+00:00", "First try\n\nRemediates: INC-1-R1");
    let newest =
        commit(dir, "2026-03-09T15:30:00+02:00", "Retry cache fill\n\nBody.\n\nremediates: INC-1-R1, INC-1-R9");
    commit(
        dir,
        "2026-03-09T18:00:00+00:00",
        "Unrelated\n\nRemediates: INC-1-R1 is mentioned in prose here.\nAnd more.",
    );
    commit(dir, "2026-03-09T19:00:00+00:00", "Unrelated too");
    let run = repo.ok(&["ship", "INC-1-R1"]);
    assert!(run.stdout.contains(&newest), "{}", run.stdout);
    let text = repo.read(ITEM);
    assert!(text.contains(&format!("change: {newest}\n")), "{text}");
    assert!(text.contains("shipped_at: 2026-03-09T15:30:00+02:00\n"), "{text}");
    assert!(text.contains("status: shipped\n"), "{text}");
    repo.assert_checks();
}

#[test]
fn ship_follows_merges_into_head_and_ignores_other_branches() {
    if !have_git() {
        return;
    }
    let repo = repository();
    let dir = repo.path();
    git(dir, &["checkout", "-q", "-b", "fix"]);
    let fix = commit(dir, "2026-03-09T10:00:00+00:00", "Fix\n\nRemediates: INC-1-R1");
    git(dir, &["checkout", "-q", "-b", "abandoned", "main"]);
    commit(dir, "2026-03-09T12:00:00+00:00", "Other attempt\n\nRemediates: INC-1-R1");
    git(dir, &["checkout", "-q", "main"]);
    commit(dir, "2026-03-09T11:00:00+00:00", "Meanwhile on main");
    git_at(dir, "2026-03-09T13:00:00+00:00", &["merge", "-q", "--no-ff", "-m", "Merge fix", "fix"]);
    repo.ok(&["ship", "INC-1-R1"]);
    assert!(repo.read(ITEM).contains(&format!("change: {fix}\n")));
}

#[test]
fn ship_without_a_trailer_refuses_and_says_how_to_add_one() {
    if !have_git() {
        return;
    }
    let repo = repository();
    commit(repo.path(), "2026-03-09T10:00:00+00:00", "Fix something\n\nRemediates: INC-1-R2");
    let before = records(&repo);
    let run = repo.run(&["ship", "INC-1-R1"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("--change"), "{}", run.stderr);
    assert!(run.stderr.contains("git commit --trailer \"Remediates: INC-1-R1\""), "{}", run.stderr);
    assert_eq!(records(&repo), before);
}

#[test]
fn a_non_git_root_keeps_working_as_before() {
    let repo = Repo::new()
        .file("incidents/INC-1.md", &stabilized_incident("INC-1", FM))
        .file(ITEM, &open_item("INC-1-R1", "INC-1", FM));
    let before = records(&repo);
    let run = repo.run(&["ship", "INC-1-R1"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("not in a git work tree") && run.stderr.contains("--change"), "{}", run.stderr);
    assert_eq!(records(&repo), before);
    assert_eq!(repo.run(&["sync"]).code, 1);
    // A SHA that names nothing is not looked up without a repository.
    set(&repo, ITEM, "status: open", "status: shipped\nchange: deadbeefdeadbeef");
    assert!(!repo.check_json().codes().contains(&"unknown-change".to_string()));
    set(&repo, ITEM, "status: shipped\nchange: deadbeefdeadbeef", "status: open");
    repo.ok(&["ship", "INC-1-R1", "--change", "3f2a9c1"]);
    assert!(repo.read(ITEM).contains("change: 3f2a9c1\n"));
}

#[test]
fn sync_lists_unmarked_items_missing_changes_and_unknown_ids() {
    if !have_git() {
        return;
    }
    let repo = repository()
        .file("incidents/INC-1-R2.md", &open_item("INC-1-R2", "INC-1", FM))
        .file("incidents/INC-1-R3.md", &open_item("INC-1-R3", "INC-1", FM));
    set(
        &repo,
        "incidents/INC-1-R2.md",
        "status: open",
        "status: shipped\nchange: 0123456789abcdef0123456789abcdef01234567",
    );
    let dir = repo.path();
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "More items"]);
    let fix = commit(dir, "2026-03-09T10:00:00+00:00", "Fix\n\nRemediates: INC-1-R1 INC-7-R4");
    let run = repo.ok(&["sync", "--format", "json"]);
    let json = run.json();
    assert_eq!(json["version"], 1);
    assert_eq!(json["commits"], 3);
    assert_eq!(json["shallow"], false);
    assert_eq!(json["unmarked"][0]["id"], "INC-1-R1");
    assert_eq!(json["unmarked"][0]["commit"], fix.as_str());
    assert_eq!(json["unmarked"][0]["committed_at"], "2026-03-09T10:00:00Z");
    assert_eq!(json["unmarked"].as_array().unwrap().len(), 1);
    assert_eq!(json["missing"][0]["id"], "INC-1-R2");
    assert_eq!(json["unknown"][0]["id"], "INC-7-R4");
    let text = repo.ok(&["sync"]).stdout;
    assert!(text.contains("not marked shipped (1)") && text.contains("INC-1-R1"), "{text}");
    assert!(text.contains("not in the history of HEAD (1)") && text.contains("INC-1-R2"), "{text}");
    assert!(text.contains("naming no item (1)") && text.contains("INC-7-R4"), "{text}");
    assert!(text.contains("incidents sync --write"), "{text}");
}

#[test]
fn sync_write_marks_shipped_as_ship_would() {
    if !have_git() {
        return;
    }
    let repo = repository();
    let fix = commit(repo.path(), "2026-03-09T10:00:00+00:00", "Fix\n\nRemediates: INC-1-R1");
    let run = repo.ok(&["sync", "--write"]);
    assert!(run.stdout.contains("INC-1-R1: open → shipped"), "{}", run.stdout);
    let text = repo.read(ITEM);
    assert!(
        text.contains(&format!("change: {fix}\n")) && text.contains("shipped_at: 2026-03-09T10:00:00Z\n"),
        "{text}"
    );
    let again = repo.ok(&["sync", "--format", "json"]).json();
    assert_eq!(again["unmarked"].as_array().unwrap().len(), 0);
    assert!(repo.ok(&["sync"]).stdout.starts_with("In sync"));
    repo.assert_checks();
}

#[test]
fn unknown_change_names_the_line_and_is_quiet_for_real_commits() {
    if !have_git() {
        return;
    }
    let repo = repository();
    let sha = commit(repo.path(), "2026-03-09T10:00:00+00:00", "Fix");
    set(&repo, ITEM, "status: open", "status: shipped\nchange: deadbeefdeadbeef");
    let run = repo.check_json();
    let json = run.json();
    let found: Vec<_> =
        json["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "unknown-change").collect();
    assert_eq!(found.len(), 1, "{}", run.stdout);
    assert_eq!(found[0]["file"], ITEM);
    assert_eq!(found[0]["line"], 10);
    assert_eq!(found[0]["severity"], "warning");
    assert!(found[0]["message"].as_str().unwrap().contains("names no commit"), "{}", found[0]);
    // Quiet: the full SHA, a 7-digit prefix, and `git: off`.
    set(&repo, ITEM, "change: deadbeefdeadbeef", &format!("change: {sha}"));
    assert!(!repo.check_json().codes().contains(&"unknown-change".to_string()));
    set(&repo, ITEM, &format!("change: {sha}"), &format!("change: {}", &sha[..7]));
    assert!(!repo.check_json().codes().contains(&"unknown-change".to_string()));
    set(&repo, ITEM, &format!("change: {}", &sha[..7]), "change: deadbeefdeadbeef");
    repo.write(".incidents.yml", b"git: off\n");
    assert!(!repo.check_json().codes().contains(&"unknown-change".to_string()));
}

#[test]
fn a_shallow_clone_is_said_and_the_history_rules_are_skipped() {
    if !have_git() {
        return;
    }
    let origin = repository();
    commit(origin.path(), "2026-03-09T10:00:00+00:00", "Fix\n\nRemediates: INC-1-R1");
    commit(origin.path(), "2026-03-09T11:00:00+00:00", "Later");
    let clone = Repo::new();
    let url = format!("file://{}", origin.path().display());
    git(clone.path(), &["clone", "-q", "--depth", "1", &url, "."]);
    let run = clone.run(&["ship", "INC-1-R1"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("shallow") && run.stderr.contains("fetch-depth: 0"), "{}", run.stderr);
    let sync = clone.ok(&["sync"]);
    assert!(sync.stderr.contains("shallow") && sync.stderr.contains("fetch-depth: 0"), "{}", sync.stderr);
    set(&clone, ITEM, "status: open", "status: shipped\nchange: deadbeefdeadbeef");
    let run = clone.check_json();
    let json = run.json();
    let found: Vec<_> =
        json["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "unknown-change").collect();
    assert_eq!(found.len(), 1, "{}", run.stdout);
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("shallow") && message.contains("fetch-depth: 0"), "{message}");
}

fn runnable(repo: &Repo, command: &str) {
    set(repo, ITEM, "status: open", &format!("status: shipped\nchange: 3f2a9c1\nvalidation_command: {command}"));
}

#[test]
fn validate_run_writes_evidence_naming_the_command_head_and_tree() {
    if !have_git() {
        return;
    }
    let repo = repository();
    runnable(&repo, "echo staggered rollout converged");
    git(repo.path(), &["commit", "-q", "-am", "Ship"]);
    let head = git(repo.path(), &["rev-parse", "HEAD"]);
    let run = repo.ok(&["validate", "INC-1-R1", "--run", "--at", "2026-03-10T12:00:00Z"]);
    assert!(run.stdout.contains("staggered rollout converged"), "{}", run.stdout);
    let text = repo.read(ITEM);
    assert!(text.contains("status: validated\n"), "{text}");
    let evidence = text.lines().find(|l| l.starts_with("evidence:")).unwrap();
    for part in ["echo staggered rollout converged", "exited 0", head.as_str(), "tree clean", "2026-03-10T12:00:00Z"] {
        assert!(evidence.contains(part), "{part} missing from {evidence}");
    }
}

/// `incidents` turns transparent huge pages off for itself (src/huge_pages.rs); the
/// validation command it starts has the setting of whoever started `incidents`.
#[test]
fn validate_run_starts_the_command_with_the_callers_huge_page_setting() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let Some(ours) = status.lines().find(|line| line.starts_with("THP_enabled:")) else { return };
    if !have_git() {
        return;
    }
    let repo = repository();
    runnable(&repo, "grep THP_enabled /proc/self/status");
    let run = repo.ok(&["validate", "INC-1-R1", "--run"]);
    let theirs = run.stdout.lines().find(|line| line.starts_with("THP_enabled:"));
    assert_eq!(
        theirs.map(str::split_whitespace).map(Iterator::collect::<Vec<_>>),
        Some(ours.split_whitespace().collect()),
        "{}",
        run.stdout
    );
}

#[test]
fn validate_run_says_when_the_tree_had_uncommitted_changes() {
    if !have_git() {
        return;
    }
    let repo = repository();
    runnable(&repo, "true");
    // The item file itself is now modified and not committed: a dirty tree.
    repo.ok(&["validate", "INC-1-R1", "--run"]);
    let text = repo.read(ITEM);
    assert!(text.contains("with uncommitted changes"), "{text}");
}

#[test]
fn validate_run_failure_writes_nothing() {
    if !have_git() {
        return;
    }
    let repo = repository();
    runnable(&repo, "echo regression still there; exit 3");
    let before = records(&repo);
    let run = repo.run(&["validate", "INC-1-R1", "--run"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("regression still there"), "{}", run.stdout);
    assert!(run.stderr.contains("exited 3") && run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert_eq!(records(&repo), before);
}

#[test]
fn validate_run_kills_a_command_past_the_timeout() {
    if !have_git() {
        return;
    }
    let repo = repository().file(".incidents.yml", "validation_timeout: 1s\n");
    runnable(&repo, "sleep 30 & sleep 30");
    let before = records(&repo);
    let started = std::time::Instant::now();
    let run = repo.run(&["validate", "INC-1-R1", "--run"]);
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "not killed in time");
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("did not finish within 1s"), "{}", run.stderr);
    assert_eq!(records(&repo), before);
}

#[test]
fn validate_run_without_a_command_refuses() {
    let repo = Repo::new()
        .file("incidents/INC-1.md", &stabilized_incident("INC-1", FM))
        .file(ITEM, &open_item("INC-1-R1", "INC-1", FM));
    set(&repo, ITEM, "status: open", "status: shipped\nchange: 3f2a9c1");
    let before = records(&repo);
    let run = repo.run(&["validate", "INC-1-R1", "--run"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("validation_command"), "{}", run.stderr);
    assert_eq!(records(&repo), before);
}

#[test]
fn remediate_writes_the_validation_command() {
    let repo = Repo::new().file("incidents/INC-1.md", &stabilized_incident("INC-1", FM));
    let run = repo.ok(&[
        "remediate",
        "INC-1",
        "--failure-mode",
        FM,
        "--owner",
        "dana",
        "--due",
        "2026-03-20",
        "--validation",
        "staggered rollout integration test asserts cache keys converge",
        "--validation-command",
        "cargo test staggered_rollout",
    ]);
    let path = crate::support::last_line(&run.stdout).to_string();
    let text = std::fs::read_to_string(repo.path().join(&path)).unwrap();
    assert!(text.contains("validation_command: cargo test staggered_rollout\n"), "{text}");
}
