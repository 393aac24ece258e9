//! `incidents status`: the block for incidents in every state, selection, JSON.

use crate::records::{incident, item};
use crate::support::*;
use serde_json::Value;

/// One incident per state of interest, with TODAY = 2026-03-10.
fn repo() -> Repo {
    Repo::new()
        .file(
            "incidents/INC-1.md",
            &incident("INC-1", "SEV2", "active", "2026-03-09T22:00:00Z").title("Checkout 502s").text(),
        )
        .file(
            "incidents/INC-2.md",
            &incident("INC-2", "SEV1", "stabilized", "2026-03-01T10:00:00Z")
                .title("Cart totals stale")
                .modes(&[
                    "cache race after partial deploy",
                    "health check passes before warm-up",
                    "no alert on decode errors",
                ])
                .stabilized("2026-03-01T11:30:00Z")
                .uncertainty("why only eu-west pods served stale keys")
                .text(),
        )
        .file(
            "incidents/INC-2-R1.md",
            &item("INC-2-R1", "INC-2", "cache race after partial deploy", "team-cache", "2026-03-05", "open").text(),
        )
        .file(
            "incidents/INC-2-R2.md",
            &item("INC-2-R2", "INC-2", "health check passes before warm-up", "priya", "2026-03-20", "in-progress")
                .text(),
        )
        .file(
            "incidents/INC-3.md",
            &incident("INC-3", "SEV3", "closed", "2025-06-03T14:20:00Z")
                .title("Search empty")
                .modes(&["reindex swaps alias early"])
                .stabilized("2025-06-03T15:05:00Z")
                .closed("2025-07-01")
                .text(),
        )
        .file(
            "incidents/INC-3-R1.md",
            &item("INC-3-R1", "INC-3", "reindex swaps alias early", "team-search", "2025-06-20", "validated")
                .validated_at("2025-06-18")
                .text(),
        )
        .file(
            "incidents/INC-4.md",
            &incident("INC-4", "SEV4", "stabilized", "2026-02-01")
                .title("Emails sent twice")
                .modes(&["sender not idempotent"])
                .stabilized("2026-02-02")
                .text(),
        )
        .file(
            "incidents/INC-4-R1.md",
            &item("INC-4-R1", "INC-4", "sender not idempotent", "team-mail", "2026-02-20", "dropped").text(),
        )
        .file(
            "incidents/INC-5.md",
            &incident("INC-5", "SEV2", "stabilized", "2026-03-08T08:00:00Z")
                .title("Queue backlog")
                .modes(&["consumer crashes on large messages"])
                .stabilized("2026-03-08T08:20:00Z")
                .text(),
        )
}

fn status(repo: &Repo, args: &[&str]) -> String {
    let mut all = vec!["status"];
    all.extend_from_slice(args);
    let run = repo.run(&all);
    assert_eq!(run.code, 0, "{run:?}");
    run.stdout
}

#[test]
fn an_active_incident_without_items() {
    assert_eq!(
        status(&repo(), &["INC-1"]),
        "**INC-1 · Checkout 502s** · SEV2

**Current state:** active — gate 1 (stabilization) open since 2026-03-09T22:00:00Z
- Commander: none written
- Time to stabilize: not yet stabilized
- Uncertainty: none written

**Next remediation action:** none — no remediation items yet

**Remediation progress:** no items
- Failure modes: none listed yet

**Timeline** (1 entry):
- 10:00 alert
"
    );
}

#[test]
fn a_stabilized_incident_with_an_overdue_item_and_an_uncovered_mode() {
    assert_eq!(
        status(&repo(), &["INC-2"]),
        "**INC-2 · Cart totals stale** · SEV1

**Current state:** stabilized — gate 2 (remediation) open since 2026-03-01T11:30:00Z
- Commander: none written
- Opened: 2026-03-01T10:00:00Z
- Time to stabilize: 1h 30m
- Uncertainty: why only eu-west pods served stale keys

**Next remediation action:** INC-2-R1 — due 2026-03-05 (overdue by 5 days)
- Action: ship the fix for \"cache race after partial deploy\"
- Owner: team-cache
- Status: open

**Remediation progress:** 2 items: 0 validated, 0 shipped, 2 open (1 in progress), 0 diagnosing, 0 dropped
- Failure modes with no item: \"no alert on decode errors\"

**Timeline** (1 entry):
- 10:00 alert
"
    );
}

#[test]
fn a_closed_incident() {
    assert_eq!(
        status(&repo(), &["INC-3"]),
        "**INC-3 · Search empty** · SEV3

**Current state:** closed — both gates closed since 2025-07-01
- Commander: none written
- Opened: 2025-06-03T14:20:00Z
- Time to stabilize: 45m
- Uncertainty: none written

**Next remediation action:** none — every item is validated or dropped

**Remediation progress:** 1 item: 1 validated, 0 shipped, 0 open, 0 diagnosing, 0 dropped
- Every failure mode has an item

**Shipped changes:**
- INC-3-R1 validated — change `https://git.example.com/shop/checkout/pull/4711` (given by hand); evidence (given by hand): CI run 4711 passed

**Timeline** (1 entry):
- 10:00 alert
"
    );
}

#[test]
fn every_item_dropped_and_no_item_yet() {
    let repo = repo();
    let dropped = status(&repo, &["INC-4"]);
    assert!(dropped.contains("- Time to stabilize: 1d\n"), "{dropped}");
    assert!(
        dropped.contains(
            "**Next remediation action:** none — every item was dropped; ready to close (`incidents close INC-4`)\n"
        ),
        "{dropped}"
    );
    assert!(
        dropped.contains("**Remediation progress:** 1 item: 0 validated, 0 shipped, 0 open, 0 diagnosing, 1 dropped\n"),
        "{dropped}"
    );
    let none = status(&repo, &["INC-5"]);
    assert!(
        none.contains("**Next remediation action:** none — no remediation items yet; open one for each failure mode with no item (`incidents remediate INC-5 --failure-mode …`)\n"),
        "{none}"
    );
    assert!(none.contains("- Failure modes with no item: \"consumer crashes on large messages\"\n"), "{none}");
}

#[test]
fn a_same_day_stabilization_between_bare_dates_says_so() {
    let repo = Repo::new().file(
        "incidents/INC-1.md",
        &incident("INC-1", "SEV2", "stabilized", "2026-03-02").modes(&["a"]).stabilized("2026-03-02").text(),
    );
    assert!(status(&repo, &["INC-1"]).contains("- Time to stabilize: the same day (dates without times)\n"));
}

#[test]
fn relative_due_words_follow_today() {
    let repo = Repo::new()
        .file(
            "incidents/INC-1.md",
            &incident("INC-1", "SEV2", "stabilized", "2026-03-01")
                .modes(&["a", "b", "c"])
                .stabilized("2026-03-01")
                .text(),
        )
        .file("incidents/INC-1-R1.md", &item("INC-1-R1", "INC-1", "a", "o", "2026-03-10", "open").text());
    assert!(status(&repo, &["INC-1"]).contains("due 2026-03-10 (due today)\n"));
    repo.write("incidents/INC-1-R1.md", item("INC-1-R1", "INC-1", "a", "o", "2026-03-11", "open").text().as_bytes());
    assert!(status(&repo, &["INC-1"]).contains("due 2026-03-11 (due in 1 day)\n"));
    repo.write("incidents/INC-1-R1.md", item("INC-1-R1", "INC-1", "a", "o", "2026-03-09", "shipped").text().as_bytes());
    assert!(status(&repo, &["INC-1"]).contains("due 2026-03-09 (overdue by 1 day)\n"));
    // Ties on the due date go to the lower id; done items never come next.
    repo.write("incidents/INC-1-R2.md", item("INC-1-R10", "INC-1", "b", "o", "2026-03-09", "open").text().as_bytes());
    repo.write(
        "incidents/INC-1-R3.md",
        item("INC-1-R3", "INC-1", "c", "o", "2026-03-01", "validated").text().as_bytes(),
    );
    assert!(status(&repo, &["INC-1"]).contains("**Next remediation action:** INC-1-R1 — due 2026-03-09"));
}

#[test]
fn without_ids_shows_incidents_not_yet_closed() {
    let repo = repo();
    let open = status(&repo, &[]);
    let shown: Vec<&str> = open.lines().filter(|l| l.starts_with("**INC-")).map(|l| &l[2..7]).collect();
    assert_eq!(shown, ["INC-1", "INC-2", "INC-4", "INC-5"]);
    assert_eq!(open.matches("\n---\n\n").count(), 3);
    let all = status(&repo, &["--all"]);
    assert!(all.contains("**INC-3 · Search empty**"));
}

#[test]
fn unknown_ids_and_item_ids_are_refused() {
    let repo = repo();
    let run = repo.run(&["status", "inc-2"]);
    assert_eq!(run.code, 2, "a bad argument: {run:?}");
    assert!(run.stderr.contains("no record with id `inc-2` (did you mean `INC-2`?)"), "{}", run.stderr);
    let run = repo.run(&["status", "INC-2-R1"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("run `incidents status INC-2`"), "{}", run.stderr);
    let run = repo.run(&["status", "--write", "--format", "json"]);
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn json_has_the_documented_shape() {
    let output: Value = serde_json::from_str(&status(&repo(), &["--all", "--format", "json"])).unwrap();
    assert_eq!(output["today"], TODAY);
    let ids: Vec<&str> = output["incidents"].as_array().unwrap().iter().map(|b| b["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["INC-1", "INC-2", "INC-3", "INC-4", "INC-5"]);
    let two = &output["incidents"][1];
    assert_eq!(two["current"]["gate"], "remediating");
    assert_eq!(two["current"]["time_to_stabilize_minutes"], 90);
    let next = &two["next_action"];
    assert_eq!((&next["id"], &next["days_until_due"]), (&Value::from("INC-2-R1"), &Value::from(-5)));
    assert_eq!(two["progress"]["open"], 2);
    assert_eq!(two["progress"]["in_progress"], 1);
    assert_eq!(two["progress"]["uncovered_failure_modes"], serde_json::json!(["no alert on decode errors"]));
    assert_eq!(output["incidents"][0]["current"]["gate"], "stabilizing");
    assert_eq!(output["incidents"][2]["current"]["gate"], "closed");
    assert!(output["incidents"][2]["next_action"].is_null());
    let raw: Value = serde_json::from_str(&status(&repo(), &["INC-2", "--format", "json"])).unwrap();
    assert_eq!(raw["incidents"][0]["current"]["gate"], "remediating");
    assert_eq!(raw["incidents"][0]["next_action"]["due"], "2026-03-05");
}

#[test]
fn record_text_cannot_become_markdown() {
    let repo = Repo::new().file(
        "incidents/INC-1.md",
        &incident("INC-1", "SEV2", "active", "2026-03-09")
            .title("<script>alert(1)</script> *now* [x](javascript:y)")
            .text(),
    );
    let out = status(&repo, &["INC-1"]);
    assert!(
        out.starts_with("**INC-1 · \\<script\\>alert(1)\\</script\\> \\*now\\* \\[x\\](javascript:y)** · SEV2\n"),
        "{out}"
    );
}
