//! The files the writing commands replace: names up to the file system's 255-byte
//! limit can be edited (the temporary file beside them has a short name), and a record
//! marked read-only is refused by every command that edits records, with nothing written.

use crate::records::{incident, item};
use crate::support::*;

/// A record file name of exactly `bytes` bytes made of `unit` repeated.
fn long_name(unit: &str, bytes: usize) -> String {
    let fixed = "INC-1-".len() + ".md".len();
    let mut middle = unit.repeat((bytes - fixed) / unit.len());
    while middle.len() < bytes - fixed {
        middle.push('x');
    }
    format!("INC-1-{middle}.md")
}

const STABILIZE: [&str; 10] =
    ["stabilize", "INC-1", "--signal", "s", "--intervention", "i", "--rollback", "r", "--verification", "v"];

#[test]
fn records_with_names_up_to_255_bytes_can_be_edited() {
    for (unit, bytes) in [("a", 200), ("a", 230), ("b", 240), ("c", 250), ("d", 255), ("é", 255), ("日", 254)] {
        let name = long_name(unit, bytes);
        assert_eq!(name.len(), bytes);
        let file = format!("incidents/{name}");
        let repo = Repo::new().file(&file, &active_incident("INC-1"));
        let run = repo.run(&STABILIZE);
        assert_eq!(run.code, 0, "{bytes} bytes of {unit}: {run:?}");
        assert!(repo.read(&file).contains("status: stabilized"), "{bytes}");
        let run = repo.run(&["status", "--write"]);
        assert_eq!(run.code, 0, "{bytes} bytes of {unit}: {run:?}");
        assert!(repo.read(&file).contains("<!-- incidents:status -->"), "{bytes}");
        let names: Vec<_> = std::fs::read_dir(repo.abs("incidents")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }
}

/// Marks `relative` with `mode` and returns every byte of the repository.
fn mark(repo: &Repo, relative: &str, mode: u32) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(repo.abs(relative), std::fs::Permissions::from_mode(mode)).unwrap();
    repo.snapshot()
}

#[test]
fn read_only_records_are_refused_by_every_edit() {
    let stabilized = incident("INC-1", "SEV2", "stabilized", "2026-03-01T10:00:00Z")
        .modes(&["cache race"])
        .stabilized("2026-03-01T11:00:00Z")
        .text();
    let shipped = item("INC-1-R1", "INC-1", "cache race", "team", "2026-03-20", "open").text();
    let cases: [(&str, &str, &str, &[&str]); 4] = [
        ("active", "incidents/INC-1.md", &active_incident("INC-1"), &STABILIZE),
        (
            "remediate",
            "incidents/INC-1.md",
            &stabilized,
            &[
                "remediate",
                "INC-1",
                "--failure-mode",
                "retry storm",
                "--owner",
                "team",
                "--due",
                "2026-03-20",
                "--validation",
                "a load test shows retries back off",
                "--add-failure-mode",
                "--no-edit",
            ],
        ),
        ("status", "incidents/INC-1.md", &stabilized, &["status", "--write"]),
        ("item", "incidents/INC-1-R1.md", &shipped, &["start", "INC-1-R1"]),
    ];
    for (name, target, text, args) in cases {
        for mode in [0o444, 0o400, 0o555] {
            let repo = Repo::new().file("incidents/INC-1.md", &stabilized).file(target, text);
            if target != "incidents/INC-1-R1.md" {
                repo.write("incidents/INC-1-R1.md", shipped.as_bytes());
            }
            let before = mark(&repo, target, mode);
            let run = repo.run(args);
            assert_eq!(run.code, 1, "{name} {mode:o}: {run:?}");
            assert!(run.stderr.contains(&format!("{target} is read-only")), "{name}: {}", run.stderr);
            assert!(run.stderr.contains("nothing was written"), "{name}: {}", run.stderr);
            assert!(repo.snapshot() == before, "{name} {mode:o}: a file changed");
            // Writable again, the same command goes through.
            mark(&repo, target, 0o644);
            assert_eq!(repo.run(args).code, 0, "{name} {mode:o}");
        }
    }
}
