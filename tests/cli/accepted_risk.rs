//! Accepted risk and the evidence views (issue 11): failure modes whose items were all
//! dropped are shown as accepted risks in `status`, `list` and `report` (Markdown, JSON,
//! HTML); the next action says what an item's status calls for; the report shows gate-1
//! evidence and each item's proof, leaves placeholders out, lists due-date moves, time
//! to ship and closed incidents without a validated item. Also the attacks of issue 16
//! items 5 and 6: bare URLs in a written block, two opening markers, and scheme-relative
//! links in the HTML report.

use crate::support::*;
use pulldown_cmark::{Event, Options, Parser, Tag};

/// Two incidents (TODAY = 2026-03-10): INC-1 closed with both items dropped (two
/// accepted risks, no validated item); INC-2 stabilized with a diagnosing, a shipped and
/// a validated item whose due date moved twice, a placeholder uncertainty, URLs in its
/// title and a scheme-relative link in its body.
fn repo() -> Repo {
    Repo::new()
        .file(
            "incidents/INC-1-R1.md",
            r#"---
kind: remediation
id: INC-1-R1
incident: INC-1
failure_mode: sender not idempotent
owner: team-mail
due: 2026-02-20
status: dropped
reason: the sender is replaced by the queue service next quarter
approved_by: dana (head of platform)
dropped_at: 2026-02-01T12:30:00Z
---

## Causal analysis

No idempotency key.
"#,
        )
        .file(
            "incidents/INC-1-R2.md",
            r#"---
kind: remediation
id: INC-1-R2
incident: INC-1
failure_mode: retry storm after provider timeout
owner: team-mail
due: 2026-02-20
validation: chaos test that times out the provider and counts retries
status: dropped
reason: provider contract changed, timeouts no longer happen
approved_by: dana (head of platform)
---

## Causal analysis

Retries without backoff.
"#,
        )
        .file(
            "incidents/INC-1.md",
            r#"---
kind: incident
id: INC-1
title: Emails sent twice
severity: SEV1
status: closed
opened: 2026-02-01T09:00:00Z
commander: alice
failure_modes:
  - sender not idempotent
  - retry storm after provider timeout
stabilization:
  signal: duplicate-send counter above 0 on the mail dashboard
  intervention: paused the retry worker
  rollback: resume the retry worker
  verification: duplicate-send counter at 0 in production for an hour
  stabilized_at: 2026-02-01T11:00:00Z
closed_at: 2026-02-01T13:00:00Z
---

## Summary

<What users saw, since when, and how widely.>

## Timeline

- 09:00 alert
"#,
        )
        .file(
            "incidents/INC-2-R1.md",
            r#"---
kind: remediation
id: INC-2-R1
incident: INC-2
failure_mode: cache race after partial deploy
owner: team-cache
due: 2026-03-20
status: diagnosing
---

## Causal analysis

Unknown yet.
"#,
        )
        .file(
            "incidents/INC-2-R2.md",
            r#"---
kind: remediation
id: INC-2-R2
incident: INC-2
failure_mode: health check passes before warm-up
owner: priya
due: 2026-03-12
validation: staggered rollout test asserts no traffic before warm-up completes
status: shipped
change: https://git.example/cart/pull/42
started_at: 2026-03-02T09:00:00Z
shipped_at: 2026-03-03T12:00:00Z
---

## Causal analysis

Readiness probe too early.
"#,
        )
        .file(
            "incidents/INC-2-R3.md",
            r#"---
kind: remediation
id: INC-2-R3
incident: INC-2
failure_mode: no alert on decode errors
owner: team-obs
due: 2026-03-09
validation: synthetic decode error fires the page within 5 minutes
status: validated
change: 4f2a9c1
evidence: CI run 4711 fired the page in 2m
shipped_at: 2026-03-02T12:00:00Z
validated_at: 2026-03-04T12:00:00Z
due_history:
  - {due: 2026-03-03, moved_at: 2026-03-02, reason: waiting for the alerting migration}
  - {due: 2026-03-06, moved_at: 2026-03-05, reason: <why>}
---

## Causal analysis

No alert.
"#,
        )
        .file(
            "incidents/INC-2.md",
            r#"---
kind: incident
id: INC-2
title: Cart totals stale https://status.example/incident/2 www.example.org ops@example.com
severity: SEV2
status: stabilized
opened: 2026-03-01T10:00:00Z
commander: bob
failure_modes:
  - cache race after partial deploy
  - health check passes before warm-up
  - no alert on decode errors
stabilization:
  signal: cart total mismatch rate above 1% on the checkout dashboard
  intervention: rolled cart-api back to v40
  rollback: redeploy v41
  verification: mismatch rate under 0.01% in production for 30 minutes
  stabilized_at: 2026-03-01T12:00:00Z
  uncertainty: <what is still unknown>
---

## Summary

Stale totals. See [share](//evil.example/share) and [runbook](../runbooks/cart.md).

## Timeline

TODO
"#,
        )
}

fn stdout(repo: &Repo, args: &[&str]) -> String {
    let run = repo.run(args);
    assert_eq!(run.code, 0, "{args:?}: {run:?}");
    run.stdout
}

#[test]
fn the_fixture_checks_clean() {
    repo().assert_checks();
}

#[test]
fn status_shows_accepted_risks_with_reason_and_approver_and_never_claims_full_coverage() {
    let out = stdout(&repo(), &["status", "INC-1"]);
    assert!(out.contains("- Commander: alice\n"), "{out}");
    assert!(
        out.contains("**Remediation progress:** 2 items: 0 validated, 0 shipped, 0 open, 0 diagnosing, 2 dropped\n"),
        "{out}"
    );
    assert!(
        out.contains("- Accepted risk: \"sender not idempotent\" — INC-1-R1 dropped: the sender is replaced by the queue service next quarter; approved by dana (head of platform)\n"),
        "{out}"
    );
    assert!(out.contains("- Accepted risk: \"retry storm after provider timeout\" — INC-1-R2 dropped:"), "{out}");
    assert!(!out.contains("Every failure mode has an item"), "{out}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&repo(), &["status", "INC-1", "--format", "json"])).unwrap();
    let risks = &json["incidents"][0]["accepted_risks"];
    assert_eq!(risks[0]["failure_mode"], "sender not idempotent");
    assert_eq!(risks[0]["dropped"][0]["id"], "INC-1-R1");
    assert_eq!(risks[0]["dropped"][0]["approved_by"], "dana (head of platform)");
    assert_eq!(json["incidents"][0]["current"]["commander"], "alice");
}

#[test]
fn a_mode_with_one_dropped_and_one_live_item_is_covered_and_the_rest_are_said_apart() {
    let repo = repo();
    // A second item on one of INC-1's modes, not dropped: that mode is covered again.
    let live = repo.read("incidents/INC-1-R2.md").replace("INC-1-R2", "INC-1-R3").replace(
        "status: dropped\nreason: provider contract changed, timeouts no longer happen\napproved_by: dana (head of platform)\n",
        "status: open\n",
    );
    repo.write("incidents/INC-1-R3.md", live.as_bytes());
    let out = stdout(&repo, &["status", "INC-1"]);
    assert!(out.contains("- Every failure mode that is not an accepted risk has an item\n"), "{out}");
    assert!(out.contains("- Accepted risk: \"sender not idempotent\""), "{out}");
    assert!(!out.contains("- Accepted risk: \"retry storm"), "{out}");
}

#[test]
fn the_next_action_says_what_each_status_calls_for() {
    let repo = repo();
    let shipped = stdout(&repo, &["status", "INC-2"]);
    assert!(
        shipped.contains("**Next remediation action:** INC-2-R2 — due 2026-03-12 (due in 2 days)\n- Action: run its validation: staggered rollout test asserts no traffic before warm-up completes\n- Failure mode: health check passes before warm-up\n- Owner: priya\n- Status: shipped\n"),
        "{shipped}"
    );
    assert!(shipped.contains("- Commander: bob\n"), "{shipped}");
    assert!(shipped.contains("1 validated, 1 shipped, 0 open, 1 diagnosing, 0 dropped\n"), "{shipped}");
    // The placeholder uncertainty is never shown.
    assert!(
        shipped.contains("- Uncertainty: none written\n") && !shipped.contains("what is still unknown"),
        "{shipped}"
    );

    // Diagnosing first: define a validation.
    let r2 = repo.read("incidents/INC-2-R2.md").replace("due: 2026-03-12", "due: 2026-03-30");
    repo.write("incidents/INC-2-R2.md", r2.as_bytes());
    let diagnosing = stdout(&repo, &["status", "INC-2"]);
    assert!(
        diagnosing.contains("**Next remediation action:** INC-2-R1 — due 2026-03-20 (due in 10 days)\n- Action: define a validation (`incidents plan INC-2-R1 --validation …`)\n- Failure mode: cache race after partial deploy\n"),
        "{diagnosing}"
    );

    // Open or in progress: ship the fix for its failure mode; overdue on screen only.
    let r1 = repo
        .read("incidents/INC-2-R1.md")
        .replace(
            "status: diagnosing",
            "validation: replay the partial deploy in staging-like prod canary\nstatus: in-progress",
        )
        .replace("due: 2026-03-20", "due: 2026-03-08");
    repo.write("incidents/INC-2-R1.md", r1.as_bytes());
    let open = stdout(&repo, &["status", "INC-2"]);
    assert!(
        open.contains("**Next remediation action:** INC-2-R1 — due 2026-03-08 (overdue by 2 days)\n- Action: ship the fix for \"cache race after partial deploy\"\n- Owner: team-cache\n- Status: in-progress\n"),
        "{open}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&repo, &["status", "INC-2", "--format", "json"])).unwrap();
    assert_eq!(json["incidents"][0]["next_action"]["action"], "ship-fix");
    assert_eq!(json["incidents"][0]["next_action"]["days_until_due"], -2);

    // The written block holds absolute dates only.
    stdout(&repo, &["status", "--write", "INC-2"]);
    let written = repo.read("incidents/INC-2.md");
    assert!(
        written.contains("**Next remediation action:** INC-2-R1 — due 2026-03-08\n- Action: ship the fix for"),
        "{written}"
    );
    assert!(!written.contains("overdue") && !written.contains("due in"), "{written}");
}

#[test]
fn list_marks_accepted_risks_in_text_and_json() {
    let out = stdout(&repo(), &["list"]);
    let line = |id: &str| out.lines().find(|l| l.starts_with(&format!("{id} "))).unwrap_or_default().to_string();
    assert!(line("INC-1").contains("closed (2 accepted risks)"), "{out}");
    assert!(line("INC-1-R1").contains("dropped (accepted risk)"), "{out}");
    assert!(!line("INC-2").contains("accepted risk"), "{out}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&repo(), &["list", "--format", "json"])).unwrap();
    let records = json["records"].as_array().unwrap();
    let by_id = |id: &str| records.iter().find(|r| r["id"] == id).unwrap();
    assert_eq!(
        by_id("INC-1")["accepted_risks"],
        serde_json::json!(["sender not idempotent", "retry storm after provider timeout"])
    );
    assert_eq!(by_id("INC-1-R2")["accepted_risks"], serde_json::json!(["retry storm after provider timeout"]));
    assert_eq!(by_id("INC-2")["accepted_risks"], serde_json::json!([]));
}

#[test]
fn the_markdown_report_shows_evidence_risks_moves_and_time_to_ship() {
    let out = stdout(&repo(), &["report"]);
    for expected in [
        "| Time to ship | 2 | 1d | 2d |\n",
        "| Lead time to validation | 1 | 3d | 3d |\n",
        "| INC-2-R3 | INC-2 | team-obs | 2026-03-03 | 2026-03-06 | 2026-03-02 | waiting for the alerting migration |\n",
        "| INC-2-R3 | INC-2 | team-obs | 2026-03-06 | 2026-03-09 | 2026-03-05 | not written |\n",
        "None: every failure mode has an item, but some only dropped ones (accepted risks, below).\n",
        "| INC-1 | sender not idempotent | INC-1-R1 | the sender is replaced by the queue service next quarter | dana (head of platform) |\n",
        "| INC-1 | SEV1 | 2026-02-01T13:00:00Z | Emails sent twice | 2 | 2 |\n",
        "Gate 1 evidence:\n- Signal: duplicate-send counter above 0 on the mail dashboard\n- Intervention: paused the retry worker\n- Rollback: resume the retry worker\n- Verification: duplicate-send counter at 0 in production for an hour\n",
        "- **INC-2-R2** (shipped, priya, due 2026-03-12): \"health check passes before warm-up\"\n  - Validation: staggered rollout test asserts no traffic before warm-up completes\n  - Change: `https://git.example/cart/pull/42` (given by hand)\n",
        "- **INC-2-R3** (validated, team-obs, due 2026-03-09, due date moved 2 times): \"no alert on decode errors\"\n  - Validation: synthetic decode error fires the page within 5 minutes\n  - Change: `4f2a9c1` (given by hand)\n  - Evidence: CI run 4711 fired the page in 2m (given by hand)\n",
        "  - Reason: the sender is replaced by the queue service next quarter\n  - Approved by: dana (head of platform)\n",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    assert!(!out.contains("None: every failure mode has an item.\n"), "{out}");
    for placeholder in ["<what is still unknown>", "what is still unknown", "<why>", "What users saw"] {
        assert!(!out.contains(placeholder), "{placeholder} shown:\n{out}");
    }
}

#[test]
fn the_json_report_carries_the_same_facts() {
    let report: serde_json::Value = serde_json::from_str(&stdout(&repo(), &["report", "--format", "json"])).unwrap();
    let two = report["incidents"].as_array().unwrap().iter().find(|i| i["id"] == "INC-2").unwrap();
    assert_eq!(two["commander"], "bob");
    assert_eq!(two["stabilization"]["intervention"], "rolled cart-api back to v40");
    assert!(two["stabilization"]["uncertainty"].is_null(), "a placeholder is absent");
    let r3 = two["items"].as_array().unwrap().iter().find(|i| i["id"] == "INC-2-R3").unwrap();
    assert_eq!(r3["change"], "4f2a9c1");
    assert_eq!(r3["evidence"], "CI run 4711 fired the page in 2m");
    assert_eq!(r3["due_moves"], 2);
    assert_eq!(report["remediation"]["time_to_ship_minutes"]["count"], 2);
    assert_eq!(report["remediation"]["time_to_ship_minutes"]["median"], 24 * 60);
    assert_eq!(report["due_moves"].as_array().unwrap().len(), 2);
    assert!(report["due_moves"][1]["reason"].is_null(), "a placeholder reason is absent");
    let risks: Vec<&str> = report["coverage"]["accepted_risks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["failure_mode"].as_str().unwrap())
        .collect();
    assert_eq!(risks, ["sender not idempotent", "retry storm after provider timeout"]);
    assert_eq!(report["coverage"]["accepted_risks"][0]["dropped"][0]["approved_by"], "dana (head of platform)");
    let closed: Vec<&str> = report["coverage"]["closed_without_validated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["incident"].as_str().unwrap())
        .collect();
    assert_eq!(closed, ["INC-1"]);
}

#[test]
fn the_html_report_shows_them_escaped_and_treats_scheme_relative_links_as_absolute() {
    let repo = repo();
    let hostile = repo
        .read("incidents/INC-1-R1.md")
        .replace("approved_by: dana (head of platform)", "approved_by: \"<img src=x onerror=alert(1)> dana\"");
    repo.write("incidents/INC-1-R1.md", hostile.as_bytes());
    let html = stdout(&repo, &["report", "--format", "html"]);
    for expected in [
        "<h3>Accepted risks</h3>",
        "&lt;img src=x onerror=alert(1)&gt; dana",
        "<h3>Closed without a validated item</h3>",
        "<h3>Due dates moved</h3>",
        "<td>Time to ship</td>",
        "<dt>Intervention</dt><dd>rolled cart-api back to v40</dd>",
        "<b>Change:</b> <a href=\"https://git.example/cart/pull/42\">pull/42</a> <small>(given by hand)</small>",
        "<b>Evidence:</b> CI run 4711 fired the page in 2m <small>(given by hand)</small>",
        "<b>Reason:</b> the sender is replaced by the queue service next quarter",
        "href=\"https://evil.example/share\"",
        "href=\"../runbooks/cart.md\"",
    ] {
        assert!(html.contains(expected), "missing {expected:?}");
    }
    assert!(!html.contains("<img"), "raw HTML from a record");
    assert!(!html.contains("href=\"//"), "a scheme-relative link left relative");
    for placeholder in ["what is still unknown", "What users saw", "&lt;why&gt;", ">TODO<"] {
        assert!(!html.contains(placeholder), "{placeholder} shown");
    }
    assert!(!html.contains("<script"), "no script");
}

/// Links and raw HTML a GFM renderer would make of `markdown`, including the bare URLs
/// GitHub links in text it has already unescaped.
fn links(markdown: &str) -> Vec<String> {
    let mut found = Vec::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_GFM | Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => found.push(dest_url.to_string()),
            Event::Html(html) | Event::InlineHtml(html) if !html.contains("incidents:status") => {
                found.push(html.to_string())
            }
            Event::Text(text) => {
                let lower = text.to_lowercase();
                if lower.contains("://") || lower.contains("www.") || lower.contains('@') {
                    found.push(text.to_string());
                }
            }
            _ => {}
        }
    }
    found
}

#[test]
fn urls_in_a_written_block_do_not_become_links() {
    let repo = repo();
    stdout(&repo, &["status", "--write", "INC-2"]);
    let written = repo.read("incidents/INC-2.md");
    let start = written.find("<!-- incidents:status -->").unwrap();
    let end = written.find("<!-- /incidents:status -->").unwrap();
    let block = &written[start..end];
    assert!(block.contains("`https://status.example/incident/2`"), "{block}");
    assert_eq!(links(block), Vec::<String>::new(), "{block}");
    repo.assert_checks();
}

#[test]
fn two_opening_markers_are_refused_and_reported() {
    let repo = repo();
    let text = repo.read("incidents/INC-2.md").replace(
        "## Timeline\n",
        "<!-- incidents:status -->\nold block\n<!-- incidents:status -->\nnotes a person wrote\n<!-- /incidents:status -->\n\n## Timeline\n",
    );
    repo.write("incidents/INC-2.md", text.as_bytes());
    let before = repo.snapshot();
    let run = repo.run(&["status", "--write"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("incidents/INC-2.md:28: a second `<!-- incidents:status -->` (the first is on line 26)"),
        "{}",
        run.stderr
    );
    assert_eq!(repo.snapshot(), before, "nothing written");
    let check = repo.check_json();
    let found = check.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "stale-status-block")
        .cloned()
        .unwrap_or_else(|| panic!("{}", check.stdout));
    assert_eq!(found["line"], 28, "{found}");
}

#[test]
fn one_pair_of_markers_is_not_reported() {
    let repo = repo();
    stdout(&repo, &["status", "--write"]);
    assert!(!repo.check_json().codes().contains(&"stale-status-block".to_string()));
}
