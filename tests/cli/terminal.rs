//! A person at a terminal: prompts for missing values and the editor opened on created
//! files. The library's `run_with_input` is driven with an environment that says stdin
//! (and stdout) are terminals and with the answers as input, since a test has no terminal.

use crate::support::*;
use std::path::Path;

/// Runs the library with stdin a terminal (and stdout one when `stdout_terminal`).
fn run_at_terminal(root: &Path, args: &[&str], answers: &str, stdout_terminal: bool, editor: Option<String>) -> Run {
    let env = incidents::Environment {
        cwd: root.to_path_buf(),
        stdout_is_terminal: stdout_terminal,
        stderr_is_terminal: false,
        stdin_is_terminal: true,
        stdout_color: false,
        stderr_color: false,
        visual: None,
        editor,
        github_step_summary: None,
        now: chrono::DateTime::parse_from_rfc3339("2026-03-10T09:30:00+01:00").unwrap(),
    };
    let mut argv: Vec<std::ffi::OsString> = vec!["incidents".into(), "--root".into(), root.into()];
    argv.extend(args.iter().map(Into::into));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = incidents::run_with_input(argv, &env, &mut answers.as_bytes(), &mut out, &mut err);
    Run { code: i32::from(code), stdout: String::from_utf8(out).unwrap(), stderr: String::from_utf8(err).unwrap() }
}

#[test]
fn new_asks_for_what_is_missing() {
    let repo = Repo::new();
    let run = run_at_terminal(repo.path(), &["new"], "Checkout down\nSEV2\ndana\n", false, None);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stderr,
        "Title (one line saying what users saw): Severity (one of SEV1, SEV2, SEV3, SEV4): Commander (who runs the incident; Enter to skip): "
    );
    let path = last_line(&run.stdout);
    assert_eq!(path, "incidents/2026/INC-1-checkout-down.md");
    let text = repo.read(path);
    assert!(text.contains("commander: dana\n"), "{text}");
    assert!(text.contains("opened: 2026-03-10T09:30:00+01:00\n"), "stamped with the local time, to the second: {text}");
    repo.assert_checks();
}

#[test]
fn remediate_offers_the_incidents_failure_modes_by_number() {
    let repo = Repo::new().file("incidents/INC-2.md", &stabilized_incident("INC-2", "cache race after deploy"));
    let run = run_at_terminal(
        repo.path(),
        &["remediate", "INC-2"],
        "1\nsre\n2w\nreplay test of staggered deploys\n",
        false,
        None,
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.starts_with("  1. cache race after deploy\nFailure mode (number or text): Owner ("),
        "{}",
        run.stderr
    );
    let item = repo.read(last_line(&run.stdout));
    assert!(item.contains("failure_mode: cache race after deploy\nowner: sre\n"), "{item}");
    repo.assert_checks();
}

#[test]
fn stabilize_and_validate_ask_and_enter_skips_optional_fields() {
    let repo = Repo::new().file("incidents/INC-1.md", &active_incident("INC-1"));
    let run = run_at_terminal(
        repo.path(),
        &["stabilize", "INC-1", "--signal", "5xx > 2%"],
        "rolled back to v41\nredeploy v41\np99 back to 300ms\n\n",
        false,
        None,
    );
    assert_eq!(run.code, 0, "{run:?}");
    let text = repo.read("incidents/INC-1.md");
    assert!(text.contains("stabilization:\n  signal: 5xx > 2%\n  intervention: rolled back to v41\n  rollback: redeploy v41\n  verification: p99 back to 300ms\n  stabilized_at: 2026-03-10T09:30:00+01:00\n"), "{text}");
    assert!(!text.contains("uncertainty"), "skipped with Enter: {text}");

    let shipped = open_item("INC-1-R1", "INC-1", "x").replace("status: open\n", "status: shipped\nchange: 3f2a9c1\n");
    let repo = repo.file("incidents/INC-1-R1.md", &shipped);
    let run = run_at_terminal(repo.path(), &["validate", "INC-1-R1"], "CI run 12\n", false, None);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(repo.read("incidents/INC-1-R1.md").contains("status: validated\nchange: 3f2a9c1\nevidence: CI run 12\n"));
}

#[test]
fn an_unanswered_prompt_refuses_and_writes_nothing() {
    let repo = Repo::new().file("incidents/INC-1.md", &active_incident("INC-1"));
    let before = repo.snapshot();
    let run = run_at_terminal(repo.path(), &["stabilize", "INC-1"], "only a signal\n", false, None);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("cannot stabilize INC-1: missing --intervention"), "{}", run.stderr);
    assert!(repo.snapshot() == before);
}

#[cfg(unix)]
#[test]
fn the_editor_opens_only_for_a_person_at_a_terminal() {
    use std::os::unix::fs::PermissionsExt;
    let tools = tempfile::tempdir().unwrap();
    let marker = tools.path().join("opened");
    let script = tools.path().join("fake-editor");
    std::fs::write(&script, format!("#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\n", marker.display())).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let editor = Some(format!("{} --wait", script.display()));
    let opened = || std::fs::read_to_string(&marker).unwrap_or_default();

    let repo = Repo::new();
    let run = run_at_terminal(repo.path(), &["new", "First", "--severity", "SEV3"], "\n", true, editor.clone());
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(opened(), format!("--wait\n{}\n", repo.abs("incidents/2026/INC-1-first.md").display()));

    for (args, stdout_terminal) in [
        (&["new", "Second", "--severity", "SEV3", "--commander", "x", "--no-edit"][..], true),
        (&["new", "Third", "--severity", "SEV3", "--commander", "x"][..], false),
    ] {
        let run = run_at_terminal(repo.path(), args, "", stdout_terminal, editor.clone());
        assert_eq!(run.code, 0, "{run:?}");
    }
    let repo = repo.file(".incidents.yml", "open_editor: false\n");
    run_at_terminal(
        repo.path(),
        &["new", "Fourth", "--severity", "SEV3", "--commander", "x"],
        "",
        true,
        editor.clone(),
    );
    assert_eq!(opened().lines().count(), 2, "opened once only: {}", opened());

    std::fs::write(repo.abs(".incidents.yml"), "open_editor: true\n").unwrap();
    let broken = run_at_terminal(
        repo.path(),
        &["new", "Sixth", "--severity", "SEV3", "--commander", "x"],
        "",
        true,
        Some("no-such-editor-xyz".to_string()),
    );
    assert_eq!(broken.code, 0, "the record was created: {broken:?}");
    assert!(broken.stderr.starts_with("warning: cannot run the editor `no-such-editor-xyz`"), "{}", broken.stderr);
    assert!(repo.abs(last_line(&broken.stdout)).is_file());
}

#[cfg(unix)]
#[test]
fn editor_commands_are_split_into_words_as_a_shell_would() {
    use std::os::unix::fs::PermissionsExt;
    let tools = tempfile::tempdir().unwrap();
    let folder = tools.path().join("My Editor");
    std::fs::create_dir(&folder).unwrap();
    let marker = tools.path().join("opened");
    let script = folder.join("fake editor");
    std::fs::write(&script, format!("#!/bin/sh\nprintf '[%s]\\n' \"$@\" >> '{}'\n", marker.display())).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = script.display().to_string();
    let escaped = path.replace(' ', "\\ ");
    // Double quotes, single quotes, backslashes; arguments holding spaces; `$` not expanded.
    let cases =
        [format!("\"{path}\" --wait"), format!("'{path}' --title 'two words' \"\\$HOME\""), format!("{escaped} -n")];
    let expected = ["[--wait]", "[--title]\n[two words]\n[$HOME]", "[-n]"];
    let repo = Repo::new();
    for (index, (editor, words)) in cases.iter().zip(expected).enumerate() {
        let _ = std::fs::remove_file(&marker);
        let title = format!("Editor {index}");
        let run = run_at_terminal(
            repo.path(),
            &["new", &title, "--severity", "SEV3", "--commander", "x"],
            "",
            true,
            Some(editor.clone()),
        );
        assert_eq!(run.code, 0, "{editor}: {run:?}");
        assert_eq!(run.stderr, "", "{editor}");
        let file = repo.abs(last_line(&run.stdout));
        let opened = std::fs::read_to_string(&marker).unwrap_or_default();
        assert_eq!(opened, format!("{words}\n[{}]\n", file.display()), "{editor}");
    }
    let run = run_at_terminal(
        repo.path(),
        &["new", "Unclosed", "--severity", "SEV3", "--commander", "x"],
        "",
        true,
        Some(format!("\"{path} --wait")),
    );
    assert_eq!(run.code, 0, "the record was created: {run:?}");
    assert!(run.stderr.contains("close its quotes"), "{}", run.stderr);
}

const ESC: &str = "\x1b[";

#[test]
fn help_follows_the_colour_flag() {
    let repo = Repo::new();
    let cases: [(&[&str], &str, bool); 6] = [
        (&["--color", "never", "--help"], "CLICOLOR_FORCE", false),
        (&["--color=never", "check", "--help"], "CLICOLOR_FORCE", false),
        (&["--color", "always", "--help"], "NO_COLOR", true),
        (&["check", "--color", "always", "--help"], "NO_COLOR", true),
        (&["--color", "always", "no-such-command"], "NO_COLOR", true),
        (&["--color", "never", "no-such-command"], "CLICOLOR_FORCE", false),
    ];
    for (args, variable, coloured) in cases {
        let run = repo.run_with(args, |cmd| {
            cmd.env_remove("NO_COLOR").env(variable, "1");
        });
        let text = if run.code == 0 { &run.stdout } else { &run.stderr };
        assert!(text.contains("Usage:"), "{args:?}: {run:?}");
        assert_eq!(text.contains(ESC), coloured, "{args:?} with {variable}=1:\n{text}");
    }
}

/// Runs the binary with stdout and stderr on a pseudo-terminal (util-linux `script`),
/// with `TERM` set as given and no other colour variable; returns what the terminal
/// showed.
#[cfg(target_os = "linux")]
fn at_a_terminal(repo: &Repo, args: &str, term: &str) -> String {
    let binary = assert_cmd::cargo::cargo_bin("incidents");
    let command = format!("'{}' --root '{}' --today {TODAY} {args}", binary.display(), repo.path().display());
    let output = std::process::Command::new("script")
        .args(["--quiet", "--return", "--command", &command, "/dev/null"])
        .env("TERM", term)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .env_remove("CI")
        .output()
        .expect("util-linux `script` runs the binary on a pseudo-terminal");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[cfg(target_os = "linux")]
#[test]
fn a_dumb_terminal_gets_no_colour() {
    let item = open_item("INC-1-R1", "INC-1", "cache race").replace("owner: team-checkout\n", "");
    let repo = Repo::new()
        .file("incidents/INC-1.md", &stabilized_incident("INC-1", "cache race"))
        .file("incidents/INC-1-R1.md", &item);
    let cases = [
        ("check", "xterm-256color", true),
        ("check", "dumb", false),
        ("--color always check", "dumb", true),
        ("--color never check", "xterm-256color", false),
        ("--help", "xterm-256color", true),
        ("--help", "dumb", false),
        ("--color never --help", "xterm-256color", false),
        ("explain no-such-rule", "dumb", false),
        ("explain no-such-rule", "xterm", true),
    ];
    for (args, term, coloured) in cases {
        let shown = at_a_terminal(&repo, args, term);
        assert!(
            shown.contains("missing-owner") || shown.contains("Usage") || shown.contains("no rule"),
            "{args}: {shown}"
        );
        assert_eq!(shown.contains(ESC), coloured, "`{args}` with TERM={term}:\n{shown}");
    }
}
