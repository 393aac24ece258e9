//! The promises of docs/security.md that hold for the whole tool: reading commands
//! write nothing, and no code path starts another program.

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

/// Files allowed to start another program: only the user's editor (`$VISUAL` or
/// `$EDITOR`, run without a shell) when a creating command is interactive.
const MAY_START_A_PROGRAM: &[&str] = &["interact/editor.rs"];

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
