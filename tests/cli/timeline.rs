//! `incidents log`: entries land under `## Timeline`, every other byte stays, and
//! concurrent writers lose nothing.

use crate::support::{active_incident, Repo};

const FILE: &str = "incidents/INC-7-checkout.md";

#[test]
fn appends_under_the_timeline_and_keeps_every_other_byte() {
    let before = "---\r\nkind: incident\r\nid: INC-7   # keep me\r\ntitle: 'Checkout 502s'\r\nseverity: SEV2\r\nstatus: active\r\nopened: 2026-03-01T10:00:00Z\r\nx-custom: kept\r\n---\r\n\r\n## Timeline\r\n\r\n- 2026-03-01T10:00:00Z paged\r\n\r\n## Stabilization notes\r\n\r\n```\r\n## Timeline\r\n```\r\n";
    let repo = Repo::new().file(FILE, before);
    let run = repo.ok(&["log", "INC-7", "rolled back\nto v40", "--kind", "mitigated", "--at", "2026-03-01T10:20:00Z"]);
    assert_eq!(run.stdout.lines().next(), Some("- 2026-03-01T10:20:00Z [mitigated] rolled back to v40"));
    assert!(run.stdout.trim_end().ends_with("INC-7-checkout.md"), "{}", run.stdout);
    let expected = before.replace(
        "- 2026-03-01T10:00:00Z paged\r\n",
        "- 2026-03-01T10:00:00Z paged\r\n- 2026-03-01T10:20:00Z [mitigated] rolled back to v40\r\n",
    );
    assert_eq!(repo.read(FILE), expected);
}

#[test]
fn creates_the_section_at_the_end_and_replaces_the_template_placeholder() {
    let repo = Repo::new().file(FILE, &active_incident("INC-7"));
    repo.ok(&["log", "INC-7", "paged"]);
    assert_eq!(repo.read(FILE), format!("{}\n## Timeline\n\n- 2026-03-10 paged\n", active_incident("INC-7")));

    let repo = Repo::new();
    let created = repo.ok(&["new", "Checkout 502s", "--severity", "SEV2"]);
    let path = crate::support::last_line(&created.stdout).to_string();
    repo.ok(&["log", "INC-1", "first page", "--kind", "detected"]);
    let text = std::fs::read_to_string(repo.abs(&path)).unwrap();
    assert!(text.contains("## Timeline\n\n- 2026-03-10 [detected] first page\n\n## Stabilization notes"), "{text}");
    assert!(!text.contains("<Timestamped"), "{text}");
}

#[test]
fn refusals_write_nothing() {
    let repo = Repo::new()
        .file(FILE, &active_incident("INC-7"))
        .file("incidents/INC-7-R1.md", &crate::support::open_item("INC-7-R1", "INC-7", "x"));
    let before = repo.snapshot();
    // A blank entry is refused (1); an id that names no incident is a bad argument (2).
    for (args, code) in [(&["log", "INC-7", "  "][..], 1), (&["log", "INC-9", "x"], 2), (&["log", "INC-7-R1", "x"], 2)]
    {
        let run = repo.run(args);
        assert_eq!(run.code, code, "{args:?}: {run:?}");
        assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    }
    assert_eq!(repo.run(&["log", "INC-7", "x", "--kind", "later"]).code, 2);
    assert_eq!(repo.snapshot(), before);
}

#[test]
fn concurrent_writers_lose_no_entry() {
    let repo = Repo::new().file(FILE, &active_incident("INC-7"));
    let binary = assert_cmd::cargo::cargo_bin("incidents");
    let children: Vec<_> = (0..8)
        .map(|n| {
            std::process::Command::new(&binary)
                .arg("--root")
                .arg(repo.path())
                .args(["--today", "2026-03-10", "log", "INC-7", &format!("entry {n}")])
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let text = repo.read(FILE);
    for n in 0..8 {
        assert_eq!(text.matches(&format!("- 2026-03-10 entry {n}\n")).count(), 1, "entry {n}:\n{text}");
    }
    assert_eq!(text.matches("## Timeline").count(), 1, "{text}");
    repo.assert_checks();
}
