//! Crash safety and concurrency of the writing commands: a command killed at any moment
//! leaves every file it was writing either as it was or as the finished command writes
//! it, never a part; the temporary files a killed command leaves are removed by the next
//! writing command; eight `new` started at once allocate eight different ids.

use crate::records::{incident, item};
use crate::support::*;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Starts `incidents --root <repo> --today TODAY <args>` without waiting.
fn spawn(repo: &Repo, args: &[&str]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("incidents"))
        .arg("--root")
        .arg(repo.path())
        .args(["--today", TODAY])
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// A small deterministic generator of delays (no dependency, same run every time).
struct Delays(u64);

impl Delays {
    fn next(&mut self, up_to: Duration) -> Duration {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let micros = u64::try_from(up_to.as_micros()).unwrap_or(u64::MAX).max(1);
        Duration::from_micros((self.0 >> 33) % micros)
    }
}

/// Every file under `dir` (relative path → bytes), temporary files apart.
fn records(dir: &Path) -> (std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>, Vec<String>) {
    let mut temporaries = Vec::new();
    let files = snapshot(dir)
        .into_iter()
        .filter(|(path, _)| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let temporary = name.starts_with('.') && name.ends_with(".tmp");
            if temporary {
                temporaries.push(name);
            }
            !temporary
        })
        .collect();
    (files, temporaries)
}

/// Runs `args` to completion on a copy of `setup`'s repository, for the final state and
/// how long a run takes; then starts and kills it `rounds` times on a fresh copy of the
/// original files, after delays spread over that run time, asserting after each kill
/// that every file is as before or as finished. Returns how many rounds ended with the
/// old state, the new one, a mix (files of a multi-file write), and how many left
/// temporary files behind.
fn kill_in_a_loop(setup: impl Fn() -> Repo, args: &[&str], rounds: u32, seed: u64) -> (u32, u32, u32, u32) {
    let reference = setup();
    let (before, _) = records(&reference.abs("incidents"));
    let started = Instant::now();
    let run = reference.run(args);
    let took = started.elapsed();
    assert_eq!(run.code, 0, "{run:?}");
    let (after, leftovers) = records(&reference.abs("incidents"));
    assert!(leftovers.is_empty(), "a finished run left {leftovers:?}");
    assert_ne!(before, after, "the command changed nothing");

    let repo = setup();
    let dir = repo.abs("incidents");
    let mut delays = Delays(seed);
    let (mut old, mut new, mut mixed, mut littered) = (0, 0, 0, 0);
    for _ in 0..rounds {
        for (path, bytes) in &before {
            std::fs::write(dir.join(path), bytes).unwrap();
        }
        let mut child = spawn(&repo, args);
        std::thread::sleep(delays.next(took + took / 2));
        let _ = child.kill();
        let _ = child.wait();
        let (now, temporaries) = records(&dir);
        littered += u32::from(!temporaries.is_empty());
        assert_eq!(now.keys().collect::<Vec<_>>(), before.keys().collect::<Vec<_>>(), "files appeared or vanished");
        for (path, bytes) in &now {
            assert!(
                *bytes == before[path] || *bytes == after[path],
                "{} is neither the old nor the new file:\n{}",
                path.display(),
                String::from_utf8_lossy(bytes)
            );
        }
        match (now == before, now == after) {
            (true, _) => old += 1,
            (_, true) => new += 1,
            _ => mixed += 1,
        }
    }
    // The next writing command removes what killed ones left, and finishes the job.
    let run = repo.run(args);
    assert!(run.code == 0 || run.code == 1, "{run:?}");
    let (_, leftovers) = records(&dir);
    assert!(leftovers.is_empty(), "temporary files survived the next command: {leftovers:?}");
    (old, new, mixed, littered)
}

fn active(id: &str) -> String {
    incident(id, "SEV2", "active", "2026-03-01T10:00:00Z").modes(&["cache race"]).text()
}

#[test]
fn a_killed_stabilize_leaves_the_old_file_or_the_new_one() {
    let setup = || Repo::new().file("incidents/INC-1.md", &active("INC-1"));
    let args = [
        "stabilize",
        "INC-1",
        "--signal",
        "5xx above 2% on checkout-api",
        "--intervention",
        "rolled back to v41",
        "--rollback",
        "redeploy v41",
        "--verification",
        "5xx under 0.1% for 30 minutes",
        "--at",
        "2026-03-02T11:00:00Z",
    ];
    let (old, new, mixed, littered) = kill_in_a_loop(setup, &args, 60, 7);
    assert_eq!(mixed, 0, "one file cannot be half old, half new");
    eprintln!("stabilize killed 60 times: {old} left the old file, {new} the new one, {littered} a temporary file");
}

#[test]
fn a_killed_status_write_leaves_each_file_old_or_new() {
    let setup = || {
        let mut repo = Repo::new();
        for n in 1..=20 {
            let id = format!("INC-{n}");
            let text = incident(&id, "SEV2", "stabilized", "2026-03-01T10:00:00Z")
                .modes(&["cache race"])
                .stabilized("2026-03-01T11:00:00Z")
                .text();
            let item = item(&format!("{id}-R1"), &id, "cache race", "team-cache", "2026-03-20", "open").text();
            repo = repo.file(&format!("incidents/{id}.md"), &text).file(&format!("incidents/{id}-R1.md"), &item);
        }
        repo
    };
    let (old, new, mixed, littered) = kill_in_a_loop(setup, &["status", "--write"], 40, 11);
    eprintln!(
        "status --write killed 40 times: {old} old, {new} new, {mixed} part-way (each file whole), {littered} with a temporary file"
    );
}

#[test]
fn eight_new_at_once_get_eight_ids_and_files() {
    let repo = Repo::new().file("incidents/2026/INC-3-earlier.md", &active("INC-3"));
    let children: Vec<Child> = (1..=8)
        .map(|n| {
            let title = format!("Concurrent incident {n}");
            let opened = format!("2026-03-0{n}");
            spawn(&repo, &["new", &title, "--severity", "SEV3", "--opened", &opened, "--no-edit"])
        })
        .collect();
    let mut paths = Vec::new();
    for child in children {
        let output = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(output.status.success(), "{output:?}");
        paths.push(last_line(&stdout).to_string());
    }
    let mut unique = paths.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 8, "{paths:?}");
    let mut ids: Vec<String> = paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(repo.path().join(path)).unwrap();
            text.lines().find_map(|line| line.strip_prefix("id: ")).unwrap().trim().to_string()
        })
        .collect();
    ids.sort();
    assert_eq!(ids, ["INC-10", "INC-11", "INC-4", "INC-5", "INC-6", "INC-7", "INC-8", "INC-9"]);
    let check = repo.check_json();
    assert!(!check.codes().contains(&"duplicate-id".to_string()), "{}", check.stdout);
    let (_, leftovers) = records(&repo.abs("incidents"));
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
