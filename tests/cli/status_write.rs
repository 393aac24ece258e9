//! `status --write` and the `stale-status-block` rule: the block lands between the
//! markers (or right after the front matter), nothing else changes, a second run
//! changes nothing, and `check` notices when a committed block goes stale.

use crate::records::{incident, item};
use crate::support::*;

const OPEN: &str = "<!-- incidents:status -->";
const CLOSE: &str = "<!-- /incidents:status -->";

fn stabilized(id: &str) -> crate::records::IncidentFile {
    incident(id, "SEV2", "stabilized", "2026-03-01T10:00:00Z").modes(&["cache race"]).stabilized("2026-03-01T11:00:00Z")
}

fn repo() -> Repo {
    Repo::new().file("incidents/INC-1.md", &stabilized("INC-1").text()).file(
        "incidents/INC-1-R1.md",
        &item("INC-1-R1", "INC-1", "cache race", "team-cache", "2026-03-05", "open").text(),
    )
}

fn write(repo: &Repo, ids: &[&str]) -> Run {
    let mut args = vec!["status", "--write"];
    args.extend_from_slice(ids);
    let run = repo.run(&args);
    assert_eq!(run.code, 0, "{run:?}");
    run
}

#[test]
fn writes_after_the_front_matter_with_absolute_dates_only() {
    let repo = repo();
    let before = repo.read("incidents/INC-1.md");
    let run = write(&repo, &[]);
    assert_eq!(run.stdout, "updated incidents/INC-1.md\n");
    let after = repo.read("incidents/INC-1.md");
    let (front, body) = before.split_at(before.find("---\n\n## Summary").unwrap() + 4);
    let block = format!(
        "\n{OPEN}\n**INC-1 · INC-1 title** · SEV2\n\n**Current state:** stabilized — gate 2 (remediation) open since 2026-03-01T11:00:00Z\n- Commander: none written\n- Opened: 2026-03-01T10:00:00Z\n- Time to stabilize: 1h\n- Uncertainty: none written\n\n**Next remediation action:** INC-1-R1 — due 2026-03-05\n- Action: ship the fix for \"cache race\"\n- Owner: team-cache\n- Status: open\n\n**Remediation progress:** 1 item: 0 validated, 0 shipped, 1 open, 0 diagnosing, 0 dropped\n- Every failure mode has an item\n{CLOSE}\n"
    );
    assert_eq!(after, format!("{front}{block}{body}"));
    assert!(!after.contains("overdue by"), "a written block has no today-relative words");
}

#[test]
fn a_second_run_changes_nothing_even_on_another_day() {
    let repo = repo();
    write(&repo, &[]);
    let once = repo.read("incidents/INC-1.md");
    let run = write(&repo, &[]);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("0 status block(s) written, 1 already current"), "{}", run.stderr);
    let later = assert_cmd::Command::cargo_bin("incidents")
        .unwrap()
        .arg("--root")
        .arg(repo.path())
        .args(["--today", "2026-04-01", "status", "--write"])
        .output()
        .unwrap();
    assert!(later.status.success(), "{later:?}");
    assert_eq!(repo.read("incidents/INC-1.md"), once);
}

#[test]
fn replaces_an_existing_block_and_keeps_every_other_byte() {
    let body = format!(
        "\n## Summary\n\nIntro.\n\n{OPEN}\nold block\n{CLOSE}\n\n## Timeline\n\n- 10:00 alert\n\n```md\n{OPEN}\nquoted in a fence\n{CLOSE}\n```\n"
    );
    let repo = repo();
    repo.write("incidents/INC-1.md", stabilized("INC-1").body(&body).text().as_bytes());
    let before = repo.read("incidents/INC-1.md");
    write(&repo, &["INC-1"]);
    let after = repo.read("incidents/INC-1.md");
    let start = before.find("old block\n").unwrap();
    let end = start + "old block\n".len();
    assert_eq!(&after[..start], &before[..start]);
    assert_eq!(&after[after.len() - (before.len() - end)..], &before[end..]);
    assert!(after.contains("quoted in a fence"), "the fenced markers are left alone");
    assert_eq!(after.matches(OPEN).count(), 2);
    let check = repo.check_json();
    assert!(!check.codes().contains(&"stale-status-block".to_string()), "{}", check.stdout);
}

#[test]
fn markers_only_inside_a_code_fence_get_a_new_block() {
    let body = format!("\n## Timeline\n\n```\n{OPEN}\nx\n{CLOSE}\n```\n");
    let repo = repo();
    repo.write("incidents/INC-1.md", stabilized("INC-1").body(&body).text().as_bytes());
    let check = repo.check_json();
    assert!(!check.codes().contains(&"stale-status-block".to_string()), "{}", check.stdout);
    let before = repo.read("incidents/INC-1.md");
    write(&repo, &[]);
    let after = repo.read("incidents/INC-1.md");
    assert!(after.ends_with(&body), "the body after the new block is unchanged");
    let front_end = before.len() - body.len();
    assert_eq!(&after[..front_end], &before[..front_end]);
    assert!(after[front_end..].starts_with(&format!("\n{OPEN}\n**INC-1")), "{after}");
}

#[test]
fn crlf_files_stay_crlf_and_a_bom_stays() {
    let repo = repo();
    let text = format!("\u{feff}{}", stabilized("INC-1").text().replace('\n', "\r\n"));
    repo.write("incidents/INC-1.md", text.as_bytes());
    write(&repo, &[]);
    let after = repo.read("incidents/INC-1.md");
    assert!(after.starts_with('\u{feff}'));
    assert_eq!(after.matches('\n').count(), after.matches("\r\n").count(), "every line ends in CRLF");
    assert!(after.contains(&format!("\r\n{OPEN}\r\n**INC-1")));
    let run = write(&repo, &[]);
    assert_eq!(run.stdout, "");
    assert_eq!(repo.check_json().codes(), ["overdue"], "no stale-status-block");
}

#[test]
fn an_unclosed_block_is_refused_and_nothing_is_written() {
    let repo =
        repo().file("incidents/INC-2.md", &stabilized("INC-2").body(&format!("\n{OPEN}\nhalf a block\n")).text());
    let one = repo.read("incidents/INC-1.md");
    let two = repo.read("incidents/INC-2.md");
    let run = repo.run(&["status", "--write"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("incidents/INC-2.md:"), "{}", run.stderr);
    assert!(run.stderr.contains("add the closing marker"), "{}", run.stderr);
    assert_eq!(repo.read("incidents/INC-1.md"), one);
    assert_eq!(repo.read("incidents/INC-2.md"), two);
    let check = repo.check_json();
    assert!(check.codes().contains(&"stale-status-block".to_string()), "{}", check.stdout);
}

#[test]
fn check_reports_a_stale_block_until_it_is_rewritten() {
    let repo = repo();
    assert!(!repo.check_json().codes().contains(&"stale-status-block".to_string()), "no block, no finding");
    write(&repo, &[]);
    assert!(!repo.check_json().codes().contains(&"stale-status-block".to_string()), "quiet right after --write");
    repo.write(
        "incidents/INC-1-R1.md",
        item("INC-1-R1", "INC-1", "cache race", "team-cache", "2026-03-05", "in-progress").text().as_bytes(),
    );
    let check = repo.check_json();
    let json = check.json();
    let stale: Vec<&serde_json::Value> =
        json["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "stale-status-block").collect();
    assert_eq!(stale.len(), 1, "{}", check.stdout);
    assert_eq!(stale[0]["severity"], "warning");
    assert_eq!(stale[0]["file"], "incidents/INC-1.md");
    assert_eq!(stale[0]["line"], 18, "the line of the opening marker");
    let message = stale[0]["message"].as_str().unwrap();
    assert!(message.contains("\"- Status: open\" where the records give \"- Status: in-progress\""), "{message}");
    assert!(message.contains("incidents status --write INC-1"), "{message}");
    write(&repo, &["INC-1"]);
    assert!(!repo.check_json().codes().contains(&"stale-status-block".to_string()));
}

#[test]
fn a_hand_edited_block_is_stale_and_the_level_is_configurable() {
    let repo = repo();
    write(&repo, &[]);
    let text = repo.read("incidents/INC-1.md").replace("- Owner: team-cache", "- Owner: someone else");
    repo.write("incidents/INC-1.md", text.as_bytes());
    assert!(repo.check_json().codes().contains(&"stale-status-block".to_string()));
    repo.write(".incidents.yml", b"rules:\n  stale-status-block: error\n");
    let run = repo.check_json();
    assert_eq!(run.code, 1, "{run:?}");
    repo.write(".incidents.yml", b"rules:\n  stale-status-block: off\n");
    assert!(!repo.check_json().codes().contains(&"stale-status-block".to_string()));
}

#[test]
fn a_block_just_written_is_never_stale_even_with_an_item_without_id() {
    let repo = Repo::new()
        .file("incidents/INC-1.md", &stabilized_incident("INC-1", "cache race"))
        .file("incidents/INC-1-R1.md", &open_item("INC-1-R1", "INC-1", "cache race"))
        .file("incidents/INC-1-R2.md", &open_item("INC-1-R2", "INC-1", "cache race").replace("id: INC-1-R2\n", ""));
    let write = repo.run(&["status", "--write"]);
    assert_eq!(write.code, 0, "{write:?}");
    let check = repo.check_json();
    assert!(!check.codes().contains(&"stale-status-block".to_string()), "{}", check.stdout);
}
