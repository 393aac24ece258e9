//! `incidents check`: formats, exit codes, PATHS, discovery, line endings, config errors.

use crate::support::*;

fn broken_repo() -> Repo {
    Repo::new()
        .file(
            "incidents/2026/INC-1.md",
            &stabilized_incident("INC-1", "cache race").replace("  rollback: redeploy v41\n", ""),
        )
        .file("incidents/2026/INC-1-R1.md", &open_item("INC-1-R1", "INC-1", "cache race").replace("owner:", "ownr:"))
        .file("incidents/2025/INC-2.md", &active_incident("INC-2"))
}

#[test]
fn a_valid_repository_passes() {
    let repo = Repo::new().file("incidents/INC-1.md", &active_incident("INC-1"));
    let run = repo.check_json();
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.json()["summary"]["files"], 1);
    let human = repo.run(&["check"]);
    assert_eq!(human.code, 0);
    assert_eq!(human.stdout, "ok: 1 record file checked, no problems\n");
}

#[test]
fn human_output_is_rustc_style_with_the_source_line() {
    let run = broken_repo().run(&["check"]);
    assert_eq!(run.code, 1);
    let expected = "error[missing-rollback]: INC-1 is stabilized but has no rollback plan: add `stabilization.rollback:` — how the intervention is undone if it misbehaves\n --> incidents/2026/INC-1.md:1\n  |\n1 | ---\n  |\n";
    assert!(run.stdout.contains(expected), "{}", run.stdout);
    assert!(run.stdout.contains(" --> incidents/2026/INC-1-R1.md:6\n  |\n6 | ownr: team-checkout\n"), "{}", run.stdout);
    assert!(run.stdout.ends_with("error: 2 errors, 1 warning in 3 record files\n"), "{}", run.stdout);
    assert!(!run.stdout.contains('\x1b'), "no colour when not a terminal");
}

#[test]
fn json_output_has_the_contract_shape() {
    let run = broken_repo().check_json();
    assert_eq!(run.code, 1);
    let json = run.json();
    let first = &json["diagnostics"][0];
    let keys: Vec<&str> = first.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 6);
    for key in ["code", "severity", "file", "line", "id", "message"] {
        assert!(keys.contains(&key), "{key} in {keys:?}");
    }
    assert_eq!(json["summary"], serde_json::json!({"errors": 2, "warnings": 1, "files": 3}));
}

#[test]
fn github_output_is_escaped_workflow_commands() {
    let repo = Repo::new().file(
        "incidents/a,b.md",
        "---\nkind: incident\nid: INC-1\ntitle: t\nseverity: SEV2\nstatus: active\nopened: 2026-03-01\nowner: 100%\n---\n",
    );
    let run = repo.run(&["check", "--format", "github"]);
    assert_eq!(run.code, 0, "{run:?}");
    let line = run.stdout.lines().find(|l| l.starts_with("::warning")).expect("an annotation");
    assert!(line.starts_with("::warning file=incidents/a%2Cb.md,line=8,title=unknown-field (INC-1)::"), "{line}");
}

#[test]
fn strict_fails_on_warnings() {
    let repo = Repo::new()
        .file("incidents/a.md", &active_incident("INC-1").replace("status: active", "status: active\nnote: x"));
    assert_eq!(repo.run(&["check"]).code, 0);
    assert_eq!(repo.run(&["check", "--strict"]).code, 1);
}

#[test]
fn paths_limit_the_files_shown_but_every_record_is_loaded() {
    let repo = broken_repo();
    let only_item = repo.run(&["check", "--format", "json", "incidents/2026/INC-1-R1.md"]);
    assert_eq!(only_item.code, 1, "missing-owner is an error: {}", only_item.stdout);
    let files: Vec<String> = only_item.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap().to_string())
        .collect();
    assert!(files.iter().all(|f| f == "incidents/2026/INC-1-R1.md"), "{files:?}");
    assert_eq!(only_item.json()["summary"]["files"], 3, "all records are still read");

    let clean = repo.run(&["check", "incidents/2025"]);
    assert_eq!(clean.code, 0, "the 2025 folder has no problems: {}", clean.stdout);

    // Paths are relative to the working directory.
    let from_subdir = repo.run_with(&["check", "--format", "json", "INC-1.md"], |c| {
        c.current_dir(repo.abs("incidents/2026"));
    });
    assert_eq!(from_subdir.json()["diagnostics"][0]["file"], "incidents/2026/INC-1.md");

    // An item's cross-record rule needs the incident even when only the item is named.
    let item_only = Repo::new()
        .file("incidents/INC-1.md", &active_incident("INC-1"))
        .file("incidents/INC-1-R1.md", &open_item("INC-1-R1", "INC-1", "not listed"));
    let run = item_only.run(&["check", "--format", "json", "incidents/INC-1-R1.md"]);
    assert_eq!(run.codes(), ["unlinked-failure-mode"]);
}

#[test]
fn a_path_outside_the_root_is_a_usage_error() {
    let repo = broken_repo();
    let run = repo.run(&["check", "/"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("outside the root"), "{}", run.stderr);
}

#[test]
fn crlf_and_bom_files_are_read_with_correct_lines() {
    let repo = Repo::new();
    let text = "\u{feff}---\r\nkind: incident\r\nid: INC-1\r\ntitle: t\r\nseverity: SEV2\r\nstatus: active\r\nopened: 2026-03-01\r\nowner: x\r\n---\r\nbody\r\n";
    repo.write("incidents/crlf.md", text.as_bytes());
    let run = repo.check_json();
    assert_eq!(run.code, 0);
    let diagnostic = &run.json()["diagnostics"][0];
    assert_eq!(diagnostic["code"], "unknown-field");
    assert_eq!(diagnostic["line"], 8);
    let human = repo.run(&["check"]);
    assert!(human.stdout.contains("8 | owner: x\n"), "no stray CR in the source line: {:?}", human.stdout);
}

#[test]
fn nested_folders_are_discovered_and_readmes_skipped() {
    let repo = Repo::new()
        .file("incidents/README.md", "# About this folder\n\nNot a record.\n")
        .file("incidents/a/b/c/d/INC-1.md", &active_incident("INC-1"))
        .file("incidents/a/notes.txt", "---\nnot: markdown\n---\n")
        .file("elsewhere/INC-9.md", "---\nkind: nonsense\n---\n");
    let run = repo.check_json();
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.json()["summary"]["files"], 1, "only the record under the records folder counts");
}

#[test]
fn ignore_globs_and_a_custom_records_folder_apply() {
    let repo = Repo::new()
        .file(".incidents.yml", "dir: records\nignore: ['records/drafts/**']\n")
        .file("records/INC-1.md", &active_incident("INC-1"))
        .file("records/drafts/INC-2.md", "---\nkind: broken\n---\n");
    let run = repo.check_json();
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.json()["summary"]["files"], 1);
}

#[test]
fn a_missing_records_folder_is_exit_2_saying_how_to_create_it() {
    // A CI job run in the wrong folder must fail, not pass on zero records.
    let repo = Repo::new();
    let run = repo.check_json();
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("no records folder `incidents`"), "{}", run.stderr);
    assert!(run.stderr.contains("`incidents init`") && run.stderr.contains("`--root`"), "{}", run.stderr);
    assert_eq!(repo.snapshot().len(), 0, "nothing is created");
    // An empty records folder is a repository with no records yet: that passes.
    std::fs::create_dir(repo.abs("incidents")).unwrap();
    let run = repo.check_json();
    assert_eq!((run.code, run.json()["summary"]["files"].as_u64()), (0, Some(0)), "{run:?}");
}

#[test]
fn a_bad_config_is_exit_2_naming_the_key() {
    for (config, needle) in [
        ("dri: incidents\n", "`dri`: unknown config key; did you mean `dir`?"),
        ("rules:\n  overdue: loud\n", ".incidents.yml:2: `rules.overdue`"),
        ("grace_period: [\n", "not valid YAML"),
        ("severities: SEV1\n", "`severities`: expected a list"),
    ] {
        let repo = Repo::new().file(".incidents.yml", config).file("incidents/a.md", &active_incident("INC-1"));
        let run = repo.check_json();
        assert_eq!(run.code, 2, "{config}");
        assert!(run.stderr.contains(needle), "{config}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn a_missing_root_or_bad_arguments_are_exit_2() {
    let repo = Repo::new();
    let run = repo.run_with(&["check"], |c| {
        c.args(["--root", "/nonexistent/root"]);
    });
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("/nonexistent/root"), "{}", run.stderr);
    assert_eq!(repo.run(&["check", "--format", "xml"]).code, 2);
    assert_eq!(repo.run(&["--today", "2026-02-30", "check"]).code, 2);
    assert_eq!(repo.run(&["frobnicate"]).code, 2);
}

#[test]
fn the_root_is_found_from_a_subdirectory() {
    let repo = Repo::new()
        .file(".incidents.yml", "dir: records\n")
        .file("records/deep/INC-1.md", &active_incident("INC-1").replace("SEV2", "SEV9"));
    let mut command = assert_cmd::Command::cargo_bin("incidents").unwrap();
    let output = command
        .args(["--today", TODAY, "check", "--format", "json"])
        .current_dir(repo.abs("records/deep"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["diagnostics"][0]["file"], "records/deep/INC-1.md");
}

#[test]
fn today_decides_overdue() {
    let repo = Repo::new()
        .file("incidents/INC-1.md", &stabilized_incident("INC-1", "cache race"))
        .file("incidents/INC-1-R1.md", &open_item("INC-1-R1", "INC-1", "cache race"));
    assert_eq!(repo.check_json().codes(), Vec::<String>::new());
    let later = repo.run(&["--today", "2026-03-21", "check", "--format", "json"]);
    assert_eq!(later.codes(), ["overdue"]);
}

#[test]
fn the_demo_repository_passes() {
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo");
    let mut command = assert_cmd::Command::cargo_bin("incidents").unwrap();
    let output =
        command.arg("--root").arg(&demo).args(["--today", "2026-11-26", "check", "--strict"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));
}

#[test]
fn the_broken_example_shows_many_rules() {
    let broken = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/broken");
    let mut command = assert_cmd::Command::cargo_bin("incidents").unwrap();
    let output = command
        .arg("--root")
        .arg(&broken)
        .args(["--today", "2026-11-26", "check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: std::collections::BTreeSet<&str> =
        json["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(codes.len() >= 10, "{codes:?}");
}

#[test]
fn a_timestamp_without_offset_is_invalid_with_a_hint() {
    let repo = Repo::new().file(
        "incidents/a.md",
        &active_incident("INC-1").replace("opened: 2026-03-01T10:00:00Z", "opened: 2026-03-01T10:00:00"),
    );
    let run = repo.check_json();
    assert_eq!(run.code, 1);
    let diagnostic = &run.json()["diagnostics"][0];
    assert_eq!((diagnostic["code"].as_str(), diagnostic["line"].as_u64()), (Some("invalid-value"), Some(7)));
    assert!(diagnostic["message"].as_str().unwrap().contains("has no UTC offset"), "{diagnostic}");
}

#[test]
fn custom_severities_drop_the_default_due_policy_and_syntax_stays_an_error() {
    let repo = Repo::new().file(".incidents.yml", "severities: [P1, P2]\n");
    let config = repo.run(&["config", "--format", "json"]);
    assert_eq!(config.code, 0, "{config:?}");
    assert!(!config.stdout.contains("SEV1"), "{}", config.stdout);
    let repo = Repo::new().file(".incidents.yml", "rules: {syntax: warning}\n");
    let run = repo.run(&["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("`rules.syntax`: `syntax` is always an error"), "{}", run.stderr);
}

#[test]
fn a_path_that_does_not_exist_is_a_usage_error() {
    let repo = broken_repo();
    let run = repo.run(&["check", "incidents/typo.md"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("`incidents/typo.md` does not exist"), "{}", run.stderr);
}

#[test]
fn a_configured_records_folder_that_is_missing_is_exit_2() {
    let repo = Repo::new().file(".incidents.yml", "dir: incident\n").file("incidents/a.md", "---\nkind: x\n---\n");
    let run = repo.run(&["check"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("`dir`: the records folder `incident` does not exist"), "{}", run.stderr);
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo");
    reader_goes_away(&demo, &["report", "--format", "html"], b"<!DOCTYPE ");
    // `status --format json` writes as it serialises too: 400 status blocks, far over a
    // pipe buffer.
    let mut repo = Repo::new();
    for n in 1..=400 {
        repo = repo.file(&format!("incidents/INC-{n}.md"), &active_incident(&format!("INC-{n}")));
    }
    reader_goes_away(repo.path(), &["status", "--all", "--format", "json"], b"{\n  \"versio");
}

/// Runs `args` on `root`, reads the first bytes of its output (`head`), closes the pipe
/// long before the output is written, and expects exit 0 and nothing on stderr.
fn reader_goes_away(root: &std::path::Path, args: &[&str], expected: &[u8]) {
    use std::io::Read;
    let binary = assert_cmd::cargo::cargo_bin("incidents");
    let mut child = std::process::Command::new(binary)
        .arg("--root")
        .arg(root)
        .args(["--today", "2026-11-26"])
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = vec![0u8; expected.len()];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(head, expected, "{args:?}");
    assert_eq!(output.status.code(), Some(0), "{args:?}");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
}

#[test]
fn a_duplicate_key_points_at_its_second_line() {
    let repo = Repo::new()
        .file("incidents/a.md", &active_incident("INC-1").replace("title: Checkout 502s\n", "title: A\ntitle: B\n"));
    let run = repo.check_json();
    let diagnostic = &run.json()["diagnostics"][0];
    assert_eq!((diagnostic["code"].as_str(), diagnostic["line"].as_u64()), (Some("syntax"), Some(5)), "{diagnostic}");
    assert!(diagnostic["message"].as_str().unwrap().contains("`title` is written twice"), "{diagnostic}");
    let config = Repo::new().file(".incidents.yml", "dir: incidents\ngrace_period: 7d\ngrace_period: 3d\n");
    let run = config.run(&["check"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(".incidents.yml:3") && run.stderr.contains("`grace_period` is written twice"),
        "{}",
        run.stderr
    );
}

#[test]
fn absolute_paths_through_a_linked_root_are_inside_it() {
    let repo = broken_repo();
    let link = tempfile::tempdir().unwrap();
    let linked_root = link.path().join("repo");
    std::os::unix::fs::symlink(repo.path(), &linked_root).unwrap();
    let real_file = repo.abs("incidents/2026/INC-1.md");
    let mut command = assert_cmd::Command::cargo_bin("incidents").unwrap();
    let output = command
        .arg("--root")
        .arg(&linked_root)
        .args(["--today", TODAY, "check", "--format", "json"])
        .arg(&real_file)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json["diagnostics"].as_array().unwrap().iter().all(|d| d["file"] == "incidents/2026/INC-1.md"));
}
