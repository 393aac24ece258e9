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

/// INC-7 with a hand-written Timeline line, then seven entries logged.
fn logged() -> Repo {
    let incident = format!("{}\n## Timeline\n\n- 09:58 customer report in #support\n", active_incident("INC-7"));
    let repo = Repo::new().file(FILE, &incident);
    repo.ok(&["log", "INC-7", "checkout 5xx alert paged dana", "--kind", "detected", "--at", "2026-03-10T10:00:00Z"]);
    for minute in 1..=5 {
        repo.ok(&["log", "INC-7", &format!("note {minute}"), "--at", &format!("2026-03-10T10:0{minute}:00Z")]);
    }
    repo.ok(&["log", "INC-7", "rolled back to v40", "--kind", "mitigated", "--at", "2026-03-10T10:20:00Z"]);
    repo
}

#[test]
fn status_shows_the_last_five_entries() {
    let repo = logged();
    let shown = repo.ok(&["status", "INC-7"]).stdout;
    let expected = "**Timeline** (last 5 of 8 entries):\n- 2026-03-10T10:02:00Z note 2\n- 2026-03-10T10:03:00Z note 3\n\
                    - 2026-03-10T10:04:00Z note 4\n- 2026-03-10T10:05:00Z note 5\n- 2026-03-10T10:20:00Z [mitigated] rolled back to v40\n";
    assert!(shown.ends_with(expected), "{shown}");

    let json = repo.ok(&["status", "INC-7", "--format", "json"]).json();
    let incident = &json["incidents"][0];
    assert_eq!(incident["timeline_entries"], 8);
    let timeline = incident["timeline"].as_array().unwrap();
    assert_eq!(timeline.len(), 5);
    let last = &timeline[4];
    assert_eq!(
        (last["at"].as_str(), last["kind"].as_str(), last["text"].as_str()),
        (Some("2026-03-10T10:20:00Z"), Some("mitigated"), Some("rolled back to v40"))
    );
    // `line` is the file line of the entry.
    let line = last["line"].as_u64().unwrap() as usize;
    assert_eq!(repo.read(FILE).lines().nth(line - 1), Some("- 2026-03-10T10:20:00Z [mitigated] rolled back to v40"));
    assert_eq!(timeline[0]["kind"], serde_json::Value::Null);
}

#[test]
fn a_hand_written_line_shows_as_its_text_and_no_timeline_says_how_to_start_one() {
    let incident =
        format!("{}\n## Timeline\n\nWe were paged twice.\n\n- 09:58 customer report\n", active_incident("INC-7"));
    let repo = Repo::new().file(FILE, &incident);
    let shown = repo.ok(&["status", "INC-7"]).stdout;
    assert!(shown.ends_with("**Timeline** (1 entry):\n- 09:58 customer report\n"), "{shown}");
    let json = repo.ok(&["status", "INC-7", "--format", "json"]).json();
    let entry = &json["incidents"][0]["timeline"][0];
    assert_eq!((entry["at"].is_null(), entry["text"].as_str()), (true, Some("09:58 customer report")));

    let repo = Repo::new().file(FILE, &active_incident("INC-7"));
    let shown = repo.ok(&["status", "INC-7"]).stdout;
    assert!(shown.ends_with("**Timeline:** no entries yet (`incidents log INC-7 \"…\"` adds one)\n"), "{shown}");
    assert_eq!(
        repo.ok(&["status", "INC-7", "--format", "json"]).json()["incidents"][0]["timeline"],
        serde_json::json!([])
    );
}

#[test]
fn the_written_block_leaves_the_timeline_out_and_stays_current_as_entries_are_logged() {
    let repo = logged();
    repo.ok(&["status", "--write", "INC-7"]);
    let text = repo.read(FILE);
    let block =
        &text[text.find("<!-- incidents:status -->").unwrap()..text.find("<!-- /incidents:status -->").unwrap()];
    assert!(!block.contains("Timeline") && !block.contains("rolled back"), "{block}");
    repo.ok(&["log", "INC-7", "error rate back under 0.1%", "--kind", "resolved", "--at", "2026-03-10T10:40:00Z"]);
    assert!(!repo.check_json().codes().contains(&"stale-status-block".to_string()));
    let again = repo.ok(&["status", "--write", "INC-7"]);
    assert!(again.stderr.contains("0 status block(s) written, 1 already current"), "{}", again.stderr);
}

/// Three SEV2 incidents opened at 10:00: INC-1 detected at 10:05 and mitigated at 10:35,
/// INC-2 detected at 10:20 (a hand-written `[mitigated]` line without a time does not
/// count), INC-3 with no tagged entry.
fn measured() -> Repo {
    let incident = |id: &str| active_incident(id).replace("2026-03-01T10:00:00Z", "2026-03-09T10:00:00Z");
    let repo = Repo::new()
        .file("incidents/INC-1.md", &incident("INC-1"))
        .file("incidents/INC-2.md", &format!("{}\n## Timeline\n\n- 10:40 [mitigated] by hand\n", incident("INC-2")))
        .file("incidents/INC-3.md", &incident("INC-3"));
    repo.ok(&["log", "INC-1", "paged", "--kind", "detected", "--at", "2026-03-09T10:05:00Z"]);
    repo.ok(&["log", "INC-1", "rolled back", "--kind", "mitigated", "--at", "2026-03-09T10:35:00Z"]);
    repo.ok(&["log", "INC-2", "paged", "--kind", "detected", "--at", "2026-03-09T10:20:00Z"]);
    repo.ok(&["log", "INC-3", "paged", "--at", "2026-03-09T10:10:00Z"]);
    repo
}

#[test]
fn report_computes_time_to_detect_and_to_mitigate_from_tagged_entries() {
    let repo = measured();
    let json = repo.ok(&["report", "--format", "json"]).json();
    let rows = json["detection"].as_array().unwrap();
    let sev2 = rows.iter().find(|row| row["severity"] == "SEV2").unwrap();
    assert_eq!(sev2["incidents"], 3);
    assert_eq!(sev2["detected"], 2);
    assert_eq!(sev2["time_to_detect_minutes"], serde_json::json!({"count": 2, "median": 5, "p90": 20}));
    assert_eq!(sev2["time_to_mitigate_minutes"], serde_json::json!({"count": 1, "median": 30, "p90": 30}));
    assert_eq!(rows.last().unwrap()["severity"], "all");

    let markdown = repo.ok(&["report"]).stdout;
    assert!(markdown.contains("## Time to detect and to mitigate\n\n"), "{markdown}");
    assert!(
        markdown.contains("2 of 3 incidents have a `[detected]` entry; 2 of them also an earlier moment"),
        "{markdown}"
    );
    assert!(markdown.contains("and 1 a `[mitigated]` entry. The others are not counted."), "{markdown}");
    assert!(markdown.contains("| SEV2 | 3 | 2 | 2 | 5m | 20m | 1 | 30m | 30m |"), "{markdown}");

    let html = repo.ok(&["report", "--format", "html"]).stdout;
    assert!(html.contains("<h2>Time to detect and to mitigate</h2>"), "{html}");
    assert!(html.contains("2 of 3 incidents have a <code>[detected]</code> entry"), "{html}");
}

/// Time to detect starts at the earliest moment the record knows: an entry logged
/// before `opened` (the deploy that started it) counts; an incident opened when the page
/// came in, with nothing before its detection, has no time to detect (not 0).
#[test]
fn time_to_detect_starts_at_the_earliest_known_moment_and_is_not_guessed() {
    let incident = |id: &str| active_incident(id).replace("2026-03-01T10:00:00Z", "2026-03-09T10:00:00Z");
    let repo =
        Repo::new().file("incidents/INC-1.md", &incident("INC-1")).file("incidents/INC-2.md", &incident("INC-2"));
    repo.ok(&["log", "INC-1", "cart v41 rollout reaches 50%", "--at", "2026-03-09T09:10:00Z"]);
    repo.ok(&["log", "INC-1", "paged on 5xx", "--kind", "detected", "--at", "2026-03-09T09:55:00Z"]);
    repo.ok(&["log", "INC-2", "paged on 5xx", "--kind", "detected", "--at", "2026-03-09T09:40:00Z"]);
    let json = repo.ok(&["report", "--format", "json"]).json();
    let all = json["detection"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(all["detected"], 2);
    assert_eq!(all["time_to_detect_minutes"], serde_json::json!({"count": 1, "median": 45, "p90": 45}));
    let markdown = repo.ok(&["report"]).stdout;
    assert!(
        markdown.contains("2 of 2 incidents have a `[detected]` entry; 1 of them also an earlier moment"),
        "{markdown}"
    );
}

#[test]
fn report_without_tagged_entries_says_how_to_log_them() {
    let repo = Repo::new().file("incidents/INC-1.md", &active_incident("INC-1"));
    repo.ok(&["log", "INC-1", "paged", "--at", "2026-03-01T10:05:00Z"]);
    let markdown = repo.ok(&["report"]).stdout;
    assert!(
        markdown.contains("## Time to detect and to mitigate\n\nNo incident of the period has a Timeline entry tagged `[detected]` yet"),
        "{markdown}"
    );
    assert!(!markdown.contains("| Severity | Incidents | Detected |"), "{markdown}");
    let json = repo.ok(&["report", "--format", "json"]).json();
    assert_eq!(json["detection"].as_array().unwrap().last().unwrap()["time_to_detect_minutes"]["count"], 0);
    let html = repo.ok(&["report", "--format", "html"]).stdout;
    assert!(
        html.contains("No incident of the period has a Timeline entry tagged <code>[detected]</code> yet"),
        "{html}"
    );
}

/// The section title and the kinds are read in any case, so the quick text tests that
/// spare parsing must not skip a `## TImeline` or a hand-written `[Detected]`.
#[test]
fn a_mixed_case_title_and_capitalised_tags_are_read() {
    let body = "\n## TImeline\n\n- 2026-03-01T10:05:00Z [Detected] paged by hand\n- 2026-03-01T10:25:00Z [MITIGATED] rolled back\n";
    let repo = Repo::new().file(FILE, &format!("{}{body}", active_incident("INC-7")));
    let shown = repo.ok(&["status", "INC-7"]).stdout;
    assert!(shown.contains("**Timeline** (2 entries):\n"), "{shown}");
    let json = repo.ok(&["report", "--format", "json"]).json();
    let all = json["detection"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(all["detected"], 1);
    assert_eq!(all["time_to_mitigate_minutes"], serde_json::json!({"count": 1, "median": 20, "p90": 20}));
}

/// An incident named twice shows its Timeline under both blocks.
#[test]
fn an_id_named_twice_shows_its_timeline_twice() {
    let repo = logged();
    let shown = repo.ok(&["status", "INC-7", "INC-7"]).stdout;
    assert_eq!(shown.matches("**Timeline** (last 5 of 8 entries):").count(), 2, "{shown}");
}
