//! The promises of docs/security.md that hold for the whole tool: reading commands
//! write nothing, writing commands write only inside the records folder whatever the
//! titles, ids and links say, and no code path starts another program.

use crate::support::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file under `dir` (links not followed) with its bytes; folders with `None`.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                pending.push(path.clone());
                files.insert(path, None);
            } else if meta.is_file() {
                files.insert(path.clone(), Some(std::fs::read(&path).unwrap()));
            } else {
                files.insert(
                    path.clone(),
                    Some(
                        std::fs::read_link(&path).map(|t| t.into_os_string().into_encoded_bytes()).unwrap_or_default(),
                    ),
                );
            }
        }
    }
    files
}

#[test]
fn reading_commands_leave_every_byte_as_it_was() {
    let repo = Repo::new()
        .file(".incidents.yml", "dir: incidents\n")
        .file("incidents/INC-1.md", &stabilized_incident("INC-1", "cache race"))
        .file("incidents/INC-1-R1.md", &open_item("INC-1-R1", "INC-1", "cache race"))
        .file("incidents/INC-2.md", "---\nkind: incident\nid: INC-2\nstatus: closed\n---\n")
        .file("incidents/open.md", "---\nkind: incident\n");
    repo.write("incidents/latin1.md", b"---\ntitle: caf\xe9\n---\n");
    std::os::unix::fs::symlink("INC-1.md", repo.abs("incidents/link.md")).unwrap();
    let before = snapshot(repo.path());
    let runs = [
        vec!["check"],
        vec!["check", "--format", "json"],
        vec!["check", "--format", "github", "--strict"],
        vec!["check", "incidents/INC-1.md"],
        vec!["explain", "syntax"],
        vec!["explain", "--list"],
    ];
    for args in runs {
        let run = repo.run(&args);
        assert!(run.code == 0 || run.code == 1, "{args:?}: {run:?}");
    }
    assert_eq!(snapshot(repo.path()), before, "a reading command changed the repository");
}

/// Files allowed to start another program: the user's editor (`$VISUAL` or `$EDITOR`,
/// run without a shell) when a creating command is interactive, and an item's
/// `validation_command`, only on `validate --run`. Git is read in-process.
const MAY_START_A_PROGRAM: &[&str] = &["interact/editor.rs", "commands/validate_run.rs"];

#[test]
fn no_code_path_starts_another_program() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut pending = vec![src.clone()];
    let mut offenders = Vec::new();
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let relative = path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
            // `std::process::Command` however imported (`use std::process::{Command, …}`),
            // its Unix extensions, or a libc exec/system call.
            let spawns = text.lines().any(|line| {
                (line.contains("process") && ["Command", "Stdio", "exec"].iter().any(|word| line.contains(word)))
                    || line.contains("CommandExt")
                    || line.contains("libc::exec")
                    || line.contains("libc::system")
            });
            if spawns && !MAY_START_A_PROGRAM.contains(&relative.as_str()) {
                offenders.push(relative);
            }
        }
    }
    assert!(offenders.is_empty(), "these files may start a program: {offenders:?}");
}

/// A repository whose records live at `deep/records`, so that an escape of one or two
/// levels still lands inside the temporary folder where the snapshot sees it.
fn deep_repo() -> Repo {
    Repo::new()
        .file(".incidents.yml", "dir: deep/records\n")
        .file("deep/records/2026/INC-1-checkout.md", &stabilized_incident("INC-1", "cache race"))
}

/// Runs `args` and asserts that only files under `deep/records` changed, that nothing
/// appeared beside the repository, and that a success printed a path inside the
/// records folder. Returns the run.
fn assert_writes_stay_inside(repo: &Repo, args: &[&str]) -> Run {
    let outside = |snapshot: BTreeMap<PathBuf, Option<Vec<u8>>>| -> BTreeMap<PathBuf, Option<Vec<u8>>> {
        let records = repo.abs("deep/records");
        snapshot.into_iter().filter(|(path, _)| !path.starts_with(&records)).collect()
    };
    let parent = repo.path().parent().unwrap();
    let beside: Vec<_> = std::fs::read_dir(parent).unwrap().map(|e| e.unwrap().file_name()).collect();
    let before = outside(snapshot(repo.path()));
    let run = repo.run(args);
    assert!(matches!(run.code, 0..=2), "{args:?}: {run:?}");
    assert!(!run.stderr.contains("internal error"), "{run:?}");
    assert_eq!(outside(snapshot(repo.path())), before, "{args:?} wrote outside the records folder");
    let now: Vec<_> = std::fs::read_dir(parent).unwrap().map(|e| e.unwrap().file_name()).collect();
    let new: Vec<_> =
        now.iter().filter(|name| !beside.contains(name) && name.to_string_lossy().contains("escape")).collect();
    assert!(new.is_empty(), "{args:?} created {new:?} beside the repository");
    if run.code == 0 {
        let created = last_line(&run.stdout);
        assert!(created.starts_with("deep/records/") && !created.contains(".."), "{args:?} created {created}");
        let path = repo.path().join(created);
        assert!(std::fs::symlink_metadata(&path).unwrap().is_file(), "{created}");
    }
    run
}

/// Titles and text that try to name a path, break a line or carry control characters.
const HOSTILE_TEXT: &[&str] = &[
    "../../../escape-title",
    "../../escape-title",
    "/tmp/escape-title",
    "/etc/passwd",
    "..",
    ".",
    "a/../../b/../../escape",
    "C:\\Windows\\escape",
    "~/.ssh/escape",
    "line\nbreak: injected-key",
    "---",
    "\u{1b}]0;title\u{7}\u{1b}[2J",
    "\u{202e}gnp.evil",
    "tab\tand \r return",
    "x # comment: [a, b]",
];

#[test]
fn titles_never_lead_a_new_record_out_of_the_records_folder() {
    let repo = deep_repo();
    for (n, title) in HOSTILE_TEXT.iter().enumerate() {
        let opened = format!("2026-03-{:02}", n + 1);
        let run = assert_writes_stay_inside(
            &repo,
            &["new", "--severity", "SEV2", "--opened", &opened, "--no-edit", "--", title],
        );
        assert_eq!(run.code, 0, "{title:?}: {run:?}");
        let text = std::fs::read_to_string(repo.path().join(last_line(&run.stdout))).unwrap();
        assert_eq!(
            text.matches("\n---").count() + usize::from(text.starts_with("---")),
            2,
            "{title:?} broke the front matter:\n{text}"
        );
    }
    let check = repo.check_json();
    assert!(!check.codes().iter().any(|code| code == "syntax" || code == "unknown-field"), "{}", check.stdout);
}

#[test]
fn ids_with_paths_or_odd_characters_are_refused() {
    let repo = deep_repo();
    for id in
        ["../../escape-id", "/tmp/escape-id", "INC-1/../../escape", "..", ".hidden", "INC\u{1b}[2J", "INC 9", "", "-rf"]
    {
        let run = assert_writes_stay_inside(&repo, &["new", "Title", "--severity", "SEV2", "--id", id, "--no-edit"]);
        assert_eq!(run.code, 2, "--id {id:?} was accepted: {run:?}");
    }
}

#[test]
fn an_id_read_from_a_record_cannot_name_a_path() {
    // A record committed with a path for an id; the item's file name is built from it.
    let repo = deep_repo().file(
        "deep/records/2026/odd.md",
        "---\nkind: incident\nid: ../../../escape-record\ntitle: t\nseverity: SEV2\nstatus: active\nopened: 2026-03-01\nfailure_modes:\n  - cache race\n---\n",
    );
    let args = [
        "remediate",
        "../../../escape-record",
        "--failure-mode",
        "cache race",
        "--owner",
        "team-a",
        "--due",
        "2026-03-20",
        "--validation",
        "replay test asserts keys converge",
    ];
    let run = assert_writes_stay_inside(&repo, &args);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(last_line(&run.stdout).starts_with("deep/records/2026/_________escape-record-R1-"), "{}", run.stdout);
}

#[test]
fn a_linked_folder_inside_the_records_folder_is_never_written_through() {
    let outside = tempfile::tempdir().unwrap();
    let repo = deep_repo();
    std::os::unix::fs::symlink(outside.path(), repo.abs("deep/records/2025")).unwrap();
    let run = assert_writes_stay_inside(
        &repo,
        &["new", "Linked year", "--severity", "SEV2", "--opened", "2025-06-01", "--no-edit"],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("symbolic link") && run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0, "a file was written through the link");
}

#[test]
fn a_linked_records_folder_is_never_written_through() {
    let outside = tempfile::tempdir().unwrap();
    let repo = Repo::new().file(".incidents.yml", "dir: deep/records\n");
    std::fs::create_dir_all(repo.abs("deep")).unwrap();
    std::os::unix::fs::symlink(outside.path(), repo.abs("deep/records")).unwrap();
    for args in
        [vec!["new", "Linked folder", "--severity", "SEV2", "--opened", "2026-03-01", "--no-edit"], vec!["init"]]
    {
        let run = repo.run(&args);
        assert!(run.code == 1 || run.code == 2, "{args:?}: {run:?}");
        assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0, "{args:?} wrote through the link");
    }
}

#[test]
fn arguments_cannot_carry_a_nul_byte() {
    // The operating system takes arguments as C strings: a NUL never reaches the tool.
    let spawned = std::process::Command::new(assert_cmd::cargo::cargo_bin("incidents")).args(["new", "a\0b"]).output();
    assert!(spawned.is_err(), "{spawned:?}");
}

#[test]
fn settings_files_are_read_only_when_they_are_small_regular_files() {
    let repo = Repo::new().file("incidents/a.md", &active_incident("INC-1"));
    std::os::unix::fs::symlink("/dev/zero", repo.abs(".incidents.yml")).unwrap();
    let run = repo.run(&["check"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("is a symbolic link"), "{}", run.stderr);
    std::fs::remove_file(repo.abs(".incidents.yml")).unwrap();
    repo.write(".incidents.yml", format!("# {}\n", "x".repeat(70 * 1024)).as_bytes());
    let run = repo.run(&["check"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("larger than 64 KiB"), "{}", run.stderr);
    std::fs::remove_file(repo.abs(".incidents.yml")).unwrap();
    std::fs::create_dir_all(repo.abs(".incidents/templates")).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", repo.abs(".incidents/templates/incident.md")).unwrap();
    let run = repo.run(&["template", "show", "incident"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("is a symbolic link"), "{}", run.stderr);
}

#[test]
fn template_overrides_are_never_read_through_a_linked_folder() {
    // A link at each depth: `.incidents` itself, or `.incidents/templates`.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("incident.md"), "---\nkind: incident\nid: {{id}}\nstolen: yes\n---\n").unwrap();
    std::fs::create_dir_all(outside.path().join("templates")).unwrap();
    std::fs::copy(outside.path().join("incident.md"), outside.path().join("templates/incident.md")).unwrap();
    for (link, target) in
        [(".incidents/templates", outside.path().to_path_buf()), (".incidents", outside.path().to_path_buf())]
    {
        let repo = Repo::new();
        std::fs::create_dir_all(repo.abs(".incidents")).unwrap();
        if link == ".incidents" {
            std::fs::remove_dir(repo.abs(".incidents")).unwrap();
        }
        std::os::unix::fs::symlink(&target, repo.abs(link)).unwrap();
        for args in [
            &["new", "Linked templates", "--severity", "SEV2", "--commander", "x", "--no-edit"][..],
            &["template", "show", "incident"][..],
        ] {
            let run = repo.run(args);
            assert_eq!(run.code, 2, "{link} {args:?}: {run:?}");
            assert!(run.stderr.contains("a symbolic link"), "{link}: {}", run.stderr);
            assert!(!run.stdout.contains("stolen"), "{link}: {}", run.stdout);
        }
        let created = support_md_files(&repo);
        assert!(created.is_empty(), "{link}: a record was created: {created:?}");
    }
}

/// The `.md` files of the repository outside `.incidents` and the linked folder.
fn support_md_files(repo: &Repo) -> Vec<PathBuf> {
    walkdir::WalkDir::new(repo.path())
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .map(|entry| entry.path().to_path_buf())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect()
}

/// Config values, arguments and record text that end the line and start a workflow
/// command, or carry a legacy one.
const INJECTED: &[&str] =
    &["\n::notice::owned", "\r::add-mask::secret", "\r\n  ::stop-commands::token", " ##[add-mask]legacy", "\u{1b}[2J"];

/// Asserts that neither stream of a run holds a workflow command (read as the runner
/// reads lines: at LF, CR or CRLF) or a terminal escape.
fn assert_contained(run: &Run, args: &[&str]) {
    for stream in [&run.stdout, &run.stderr] {
        crate::github::assert_only_our_workflow_commands(stream, &[]);
        assert!(!stream.contains('\u{1b}'), "{args:?}: {stream:?}");
    }
}

#[test]
fn config_values_in_error_messages_cannot_start_a_workflow_command() {
    for injected in INJECTED {
        let quoted = serde_json::to_string(&format!("inc{injected}")).unwrap();
        let glob = serde_json::to_string(&format!("a{injected}[")).unwrap();
        for config in [format!("dir: {quoted}\n"), format!("ignore:\n  - {glob}\n")] {
            let repo = Repo::new().file(".incidents.yml", &config).file("incidents/a.md", &active_incident("INC-1"));
            for format in ["human", "github"] {
                let args = ["check", "--format", format];
                let run = repo.run(&args);
                assert_eq!(run.code, 2, "{config}: {run:?}");
                assert_contained(&run, &args);
                assert_eq!(run.stderr.lines().count(), 1, "one message, one line: {:?}", run.stderr);
                assert!(run.stderr.starts_with("error: "), "{:?}", run.stderr);
            }
        }
    }
}

#[test]
fn arguments_and_record_text_in_error_messages_cannot_start_a_workflow_command() {
    let mode = serde_json::to_string(&format!("cache race{}", INJECTED[0])).unwrap();
    let repo = Repo::new()
        .file("incidents/INC-1.md", &stabilized_incident("INC-1", &mode))
        .file("incidents/INC-2.md", &active_incident("INC-2"));
    for injected in INJECTED {
        let typed = format!("x{injected}");
        let runs: [&[&str]; 5] = [
            &["explain", &typed],
            &["status", &typed],
            &[&typed],
            &["check", "--format", "github", &typed],
            &[
                "remediate",
                "INC-1",
                "--failure-mode",
                &typed,
                "--owner",
                "o",
                "--due",
                "2026-04-01",
                "--validation",
                "replay test asserts keys converge",
            ],
        ];
        for args in runs {
            let run = repo.run(args);
            assert!(run.code == 1 || run.code == 2, "{args:?}: {run:?}");
            assert_contained(&run, args);
        }
    }
    // The refusal lists the incident's failure modes, whose text breaks a line.
    let run = repo.run(&[
        "remediate",
        "INC-1",
        "--failure-mode",
        "other",
        "--owner",
        "o",
        "--due",
        "2026-04-01",
        "--validation",
        "replay test asserts keys converge",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("\\u{3a}:notice::owned"), "{:?}", run.stderr);
}

/// An active incident whose body is `body`.
fn incident_with_body(id: &str, body: &str) -> String {
    format!("{}\n{body}", active_incident(id))
}

#[test]
fn wide_tables_in_a_body_cost_output_in_proportion_to_the_body() {
    // Tables of 512 (then 30,000) columns whose rows hold one cell: pulldown-cmark fills
    // each row to the header's width, 262,144 cells per 3.5 KB table. Before, 100 KB of
    // them took 18 s and over 1.3 GB, and 4 MB more than 20 GB.
    let table = |columns: usize, rows: usize| {
        format!("|{}\n|{}\n{}\n", "a|".repeat(columns), "-|".repeat(columns), "|x\n".repeat(rows))
    };
    let narrow = table(512, 512).repeat(200);
    let wide = format!("> {}", table(30_000, 8).replace('\n', "\n> ")).repeat(6);
    let ordinary = format!("|{}\n|{}\n{}", "when|".repeat(4), "---|".repeat(4), "|10:00|alert|page|ack|\n".repeat(50));
    let repo = Repo::new()
        .file("incidents/INC-1.md", &incident_with_body("INC-1", &narrow))
        .file("incidents/INC-2.md", &incident_with_body("INC-2", &wide))
        .file("incidents/INC-3.md", &incident_with_body("INC-3", &ordinary));
    let run = repo.run(&["report", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let input = narrow.len() + wide.len() + ordinary.len();
    assert!(input > 1_000_000, "{input}");
    assert!(run.stdout.len() < 2 * input, "{} bytes of HTML from {input} bytes of bodies", run.stdout.len());
    // The hostile tables show as text; the ordinary one is still a table.
    assert!(!run.stdout.contains("<td>x</td>") && !run.stdout.contains("<th>a</th>"));
    assert_eq!(run.stdout.matches("<td>alert</td>").count(), 50);
}

#[test]
fn a_body_over_one_mebibyte_is_shown_as_its_text() {
    let body = format!("## Timeline\n\n<b>bold?</b> {}", "*a* ".repeat(300_000));
    let repo = Repo::new().file("incidents/INC-1.md", &incident_with_body("INC-1", &body));
    let run = repo.run(&["report", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("This body is over 1 MiB: it is shown as its text."));
    assert!(run.stdout.contains("&lt;b&gt;bold?&lt;/b&gt; *a* *a*"), "the text, escaped");
    assert!(!run.stdout.contains("<em>a</em>") && !run.stdout.contains("<b>bold"));
    assert!(run.stdout.len() < 2 * body.len());
}
