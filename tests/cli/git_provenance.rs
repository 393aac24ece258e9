//! Where a shipped item's proof came from (issue 13): `ship` from a `Remediates:`
//! trailer and `sync --write` stamp `change_source: trailer`, `validate --run` stamps
//! `evidence_source: run`, and the status block (on screen and written), `list` (text and
//! JSON) and `report` (Markdown, JSON, HTML) show each shipped item's change and those
//! sources. A change or evidence given by hand says so.

use crate::git::{commit, git, have_git, repository, set, ITEM};
use crate::support::Repo;
use serde_json::Value;

const INCIDENT: &str = "incidents/INC-1.md";

/// The report's JSON item `id`.
fn report_item(repo: &Repo, id: &str) -> Value {
    let json = repo.ok(&["report", "--format", "json"]).json();
    let items = json["incidents"][0]["items"].as_array().unwrap().clone();
    items.into_iter().find(|item| item["id"] == id).unwrap()
}

fn list_row(repo: &Repo, id: &str) -> Value {
    let json = repo.ok(&["list", "--format", "json"]).json();
    json["records"].as_array().unwrap().iter().find(|row| row["id"] == id).cloned().unwrap()
}

fn written_block(repo: &Repo) -> String {
    repo.ok(&["status", "--write", "INC-1"]);
    let text = repo.read(INCIDENT);
    let start = text.find("<!-- incidents:status -->").unwrap();
    let end = text.find("<!-- /incidents:status -->").unwrap();
    text[start..end].to_string()
}

#[test]
fn a_change_from_a_trailer_and_evidence_from_a_run_show_everywhere() {
    if !have_git() {
        return;
    }
    let repo = repository();
    let fix = commit(repo.path(), "2026-03-09T10:00:00+00:00", "Retry cache fill\n\nRemediates: INC-1-R1");
    let short = &fix[..7];
    repo.ok(&["ship", "INC-1-R1"]);
    assert!(repo.read(ITEM).contains(&format!("change: {fix}\nchange_source: trailer\n")), "{}", repo.read(ITEM));
    repo.assert_checks();

    let shipped = format!("- INC-1-R1 shipped — change `{short}` (from a commit's Remediates: trailer)\n");
    let block = written_block(&repo);
    assert!(block.contains(&format!("**Shipped changes:**\n{shipped}")), "{block}");
    for relative in ["today", "due in", "overdue", " ago"] {
        assert!(!block.contains(relative), "{relative:?} in a written block:\n{block}");
    }
    assert!(repo.ok(&["status", "INC-1"]).stdout.contains(&shipped));
    let status = repo.ok(&["status", "INC-1", "--format", "json"]).json();
    let item = &status["incidents"][0]["shipped"][0];
    assert_eq!((item["change"].as_str(), item["change_source"].as_str()), (Some(fix.as_str()), Some("trailer")));
    assert!(repo.ok(&["list"]).stdout.contains(&format!("INC-1-R1  shipped ({short} via trailer)")));
    assert_eq!(list_row(&repo, "INC-1-R1")["change_source"], "trailer");
    assert_eq!(list_row(&repo, "INC-1-R1")["evidence_source"], Value::Null);

    // `validate --run` stamps its evidence; the written block is refreshed by the move.
    set(&repo, ITEM, "status: shipped\n", "status: shipped\nvalidation_command: echo converged\n");
    git(repo.path(), &["commit", "-q", "-am", "Ship INC-1-R1"]);
    repo.ok(&["validate", "INC-1-R1", "--run", "--at", "2026-03-10T12:00:00Z"]);
    let text = repo.read(ITEM);
    assert!(text.contains("evidence_source: run\n"), "{text}");
    let block = written_block(&repo);
    let validated = format!(
        "- INC-1-R1 validated — change `{short}` (from a commit's Remediates: trailer); evidence (written by validate --run): \\`echo converged\\` exited 0 (at commit "
    );
    assert!(block.contains(&validated), "{block}");
    assert!(repo
        .ok(&["list"])
        .stdout
        .contains(&format!("INC-1-R1  validated ({short} via trailer, evidence via --run)")));
    let row = list_row(&repo, "INC-1-R1");
    assert_eq!((row["change_source"].as_str(), row["evidence_source"].as_str()), (Some("trailer"), Some("run")));
    assert!(row["evidence"].as_str().unwrap().contains("`echo converged` exited 0"), "{row}");

    let markdown = repo.ok(&["report"]).stdout;
    for expected in [
        format!("  - Change: `{short}` (from a commit's Remediates: trailer)\n"),
        "  - Evidence: \\`echo converged\\` exited 0 (at commit".to_string(),
        "run by \\`incidents validate --run\\` (written by validate --run)\n".to_string(),
    ] {
        assert!(markdown.contains(&expected), "missing {expected:?} in\n{markdown}");
    }
    let item = report_item(&repo, "INC-1-R1");
    assert_eq!((item["change_source"].as_str(), item["evidence_source"].as_str()), (Some("trailer"), Some("run")));
    let html = repo.ok(&["report", "--format", "html"]).stdout;
    let expected = format!(
        "<b>Change:</b> <code title=\"{fix}\">{short}</code> <small>(from a commit's Remediates: trailer)</small>"
    );
    assert!(html.contains(&expected), "missing {expected:?}");
    assert!(html.contains("<small>(written by validate --run)</small>"));
    repo.assert_checks();
}

#[test]
fn sync_write_stamps_the_trailer_and_a_change_written_before_stays_by_hand() {
    if !have_git() {
        return;
    }
    let repo = repository();
    commit(repo.path(), "2026-03-09T10:00:00+00:00", "Fix\n\nRemediates: INC-1-R1");
    repo.ok(&["sync", "--write"]);
    assert!(repo.read(ITEM).contains("change_source: trailer\n"), "{}", repo.read(ITEM));
    assert_eq!(list_row(&repo, "INC-1-R1")["change_source"], "trailer");

    // A change already written in the file is the one shipped: nothing says "trailer".
    let repo = repository();
    set(&repo, ITEM, "status: open\n", "status: open\nchange: v42.1\n");
    commit(repo.path(), "2026-03-09T10:00:00+00:00", "Fix\n\nRemediates: INC-1-R1");
    repo.ok(&["sync", "--write"]);
    let text = repo.read(ITEM);
    assert!(text.contains("change: v42.1\n") && !text.contains("change_source"), "{text}");
    assert!(repo.ok(&["list"]).stdout.contains("INC-1-R1  shipped (v42.1 by hand)"));
}

#[test]
fn a_change_and_evidence_given_by_hand_say_so_and_replace_an_earlier_stamp() {
    if !have_git() {
        return;
    }
    let repo = repository();
    commit(repo.path(), "2026-03-09T10:00:00+00:00", "First try\n\nRemediates: INC-1-R1");
    repo.ok(&["ship", "INC-1-R1"]);
    // The validation failed: back to work, then shipped by hand in a pull request.
    repo.ok(&["start", "INC-1-R1"]);
    let url = "https://github.com/acme/cart/pull/812";
    repo.ok(&["ship", "INC-1-R1", "--change", url]);
    let text = repo.read(ITEM);
    assert!(text.contains(&format!("change: {url}\nchange_source: hand\n")), "{text}");
    repo.ok(&["validate", "INC-1-R1", "--evidence", "CI run 4812: staggered-rollout test green"]);
    assert!(!repo.read(ITEM).contains("evidence_source"), "only --run stamps evidence");

    let block = written_block(&repo);
    let line = format!(
        "- INC-1-R1 validated — change `{url}` (given by hand); evidence (given by hand): CI run 4812: staggered-rollout test green\n"
    );
    assert!(block.contains(&line), "{block}");
    assert!(repo.ok(&["list"]).stdout.contains("INC-1-R1  validated (pull/812 by hand, evidence by hand)"));
    let item = report_item(&repo, "INC-1-R1");
    assert_eq!((item["change_source"].as_str(), item["evidence_source"].as_str()), (Some("hand"), Some("hand")));
    let html = repo.ok(&["report", "--format", "html"]).stdout;
    assert!(html.contains(&format!("<a href=\"{url}\">pull/812</a> <small>(given by hand)</small>")));
    repo.assert_checks();
}

#[test]
fn a_source_outside_its_values_is_an_invalid_value_at_its_line() {
    let repo = Repo::new()
        .file(INCIDENT, &crate::support::stabilized_incident("INC-1", crate::git::FM))
        .file(ITEM, &crate::support::open_item("INC-1-R1", "INC-1", crate::git::FM));
    set(
        &repo,
        ITEM,
        "status: open\n",
        "status: shipped\nchange: 3f2a9c1\nchange_source: robot\nevidence_source: trailer\n",
    );
    let run = repo.check_json();
    let json = run.json();
    let found: Vec<(String, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "invalid-value")
        .map(|d| (d["message"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].0.contains("`change_source: robot`") && found[0].0.contains("trailer, hand"), "{found:?}");
    assert_eq!(found[0].1, 11);
    assert!(found[1].0.contains("`evidence_source: trailer`") && found[1].0.contains("run, hand"), "{found:?}");
    assert_eq!(found[1].1, 12);
    // The written values are read without a word.
    set(&repo, ITEM, "change_source: robot\nevidence_source: trailer\n", "change_source: trailer\n");
    assert!(!repo.check_json().codes().iter().any(|code| code == "invalid-value" || code == "unknown-field"));
}
