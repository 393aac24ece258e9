//! Where new records land and which ids they get: hostile titles stay inside the
//! records folder, `--id` is checked, and parallel `new` commands get distinct ids.

use crate::support::*;

/// What `one_line` makes of a title: control characters become spaces, runs of white
/// space one space, trimmed (docs/authoring.md).
fn one_line(text: &str) -> String {
    let spaced: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn hostile_titles_land_inside_the_records_folder() {
    let long = "x".repeat(500);
    let titles: [(&str, &str); 11] = [
        ("../../../etc/passwd", "INC-1-etc-passwd.md"),
        ("a/b\\c", "INC-2-a-b-c.md"),
        ("..", "INC-3-untitled.md"),
        ("\u{1b}[31mred\u{7} alert", "INC-4-31mred-alert.md"),
        ("line\nbreak\r\nhere", "INC-5-line-break-here.md"),
        ("🔥 fire 🔥", "INC-6-fire.md"),
        (long.as_str(), "INC-7-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.md"),
        ("key: value # not a comment", "INC-8-key-value-not-a-comment.md"),
        ("'quoted' \"both\" \\ back", "INC-9-quoted-both-back.md"),
        ("- [x] {y} yes", "INC-10-x-y-yes.md"),
        ("Café crème", "INC-11-cafe-creme.md"),
    ];
    let repo = Repo::new();
    for (title, file) in titles {
        let run = repo.ok(&["new", "--severity", "SEV3", "--", title]);
        let path = last_line(&run.stdout);
        assert_eq!(path, format!("incidents/2026/{file}"), "{title:?}");
        let text = repo.read(path);
        assert_eq!(front_matter_json(&text)["title"], one_line(title), "{title:?}");
    }
    let files = repo.snapshot();
    assert!(files.keys().all(|p| p.starts_with("incidents/2026")), "{files:?}");
    assert_eq!(files.len(), titles.len());
    repo.assert_checks();
}

#[test]
fn given_ids_are_checked_and_used() {
    let repo = Repo::new().file("incidents/old/INC-41.md", &active_incident("INC-41"));
    let run = repo.ok(&["new", "Imported", "--severity", "SEV4", "--id", "OPS_2026-7"]);
    assert_eq!(last_line(&run.stdout), "incidents/2026/OPS_2026-7-imported.md");
    let next = repo.ok(&["new", "Next", "--severity", "SEV4"]);
    assert_eq!(last_line(&next.stdout), "incidents/2026/INC-42-next.md", "the highest number in use plus one");
    let before = repo.snapshot();
    for (id, code) in [
        ("INC-41", 1),
        ("OPS_2026-7", 1),
        ("", 2),
        ("../x", 2),
        ("a/b", 2),
        ("a\\b", 2),
        ("INC 1", 2),
        (".hidden", 2),
        ("-x", 2),
        ("INC-1\u{0301}", 2),
    ] {
        let run = repo.run(&["new", "Again", "--severity", "SEV4", &format!("--id={id}")]);
        assert_eq!(run.code, code, "--id {id:?}: {run:?}");
        assert!(repo.snapshot() == before, "--id {id:?} wrote something");
    }
}

#[test]
fn ids_are_never_reused_after_a_record_is_closed_or_items_exist() {
    let repo = Repo::new()
        .file("incidents/2025/INC-9.md", &stabilized_incident("INC-9", "disk full"))
        .file("incidents/2025/INC-12-R1.md", &open_item("INC-12-R1", "INC-12", "x"));
    let run = repo.ok(&["new", "After", "--severity", "SEV2", "--opened", "2025-12-31T23:00:00Z"]);
    assert_eq!(last_line(&run.stdout), "incidents/2025/INC-13-after.md", "filed under the year it was opened");
    let item = repo.ok(&[
        "remediate",
        "INC-9",
        "--failure-mode",
        "disk full",
        "--owner",
        "o",
        "--due",
        "1w",
        "--validation",
        "fill test on a replica",
    ]);
    assert_eq!(last_line(&item.stdout), "incidents/2025/INC-9-R1-disk-full.md", "beside its incident");
}

#[test]
fn parallel_new_commands_get_distinct_ids() {
    let repo = Repo::new();
    let binary = assert_cmd::cargo::cargo_bin("incidents");
    let children: Vec<std::process::Child> = (0..8)
        .map(|n| {
            std::process::Command::new(&binary)
                .arg("--root")
                .arg(repo.path())
                .args(["--today", TODAY, "new", &format!("Parallel incident {n}"), "--severity", "SEV3"])
                .env("NO_COLOR", "1")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut paths = Vec::new();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        paths.push(last_line(&String::from_utf8_lossy(&output.stdout)).to_string());
    }
    let files = repo.snapshot();
    assert_eq!(files.len(), 8, "{files:?}");
    let mut ids: Vec<String> = files
        .values()
        .map(|bytes| {
            let text = String::from_utf8(bytes.clone()).unwrap();
            front_matter_json(&text)["id"].as_str().unwrap().to_string()
        })
        .collect();
    ids.sort_by_key(|id| id.trim_start_matches("INC-").parse::<u32>().unwrap_or(0));
    assert_eq!(ids, (1..=8).map(|n| format!("INC-{n}")).collect::<Vec<_>>());
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), 8, "{paths:?}");
    let check = repo.check_json();
    assert_eq!(check.code, 0, "{check:?}");
    assert_eq!(check.json()["summary"]["files"], 8);
}

#[test]
fn an_existing_file_is_never_overwritten() {
    // A file that is not readable as a record holds the name `new` would pick.
    let repo = Repo::new().file("incidents/2026/INC-5-checkout-down.md", "---\nid: [broken\n---\n");
    let before = repo.snapshot();
    let run = repo.run(&["new", "Checkout down", "--severity", "SEV2", "--id", "INC-5"]);
    assert_eq!(run.code, 1, "{run:?}");
    // Refused before writing: the unreadable file's name claims the id.
    assert!(run.stderr.contains("incidents/2026/INC-5-checkout-down.md"), "{}", run.stderr);
    assert!(repo.snapshot() == before);
    // A file that is no record at all (no front matter, so `not-a-record`) holding the
    // name: its name claims the id too, and it is never clobbered.
    let repo = Repo::new().file("incidents/2026/INC-5-checkout-down.md", "# Notes, not a record\n");
    let before = repo.snapshot();
    let run = repo.run(&["new", "Checkout down", "--severity", "SEV2", "--id", "INC-5", "--opened", "2026-03-01"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("incidents/2026/INC-5-checkout-down.md"), "{}", run.stderr);
    assert!(repo.snapshot() == before);
}
