//! `incidents digest`: known answers on a fixture, as Markdown and JSON.

use crate::support::{stabilized_incident, Repo};

fn item(id: &str, incident: &str, mode: &str, owner: &str, due: &str, status: &str) -> String {
    let extra = match status {
        "shipped" => "change: abc1234\n",
        "validated" => "change: abc1234\nevidence: CI run 1234 passed the staggered rollout test\n",
        _ => "",
    };
    format!("---\nkind: remediation\nid: {id}\nincident: {incident}\nfailure_mode: {mode}\nowner: {owner}\ndue: {due}\nvalidation: staggered rollout test asserts cache keys converge\nstatus: {status}\n{extra}---\n")
}

fn fixture() -> Repo {
    let two_modes =
        stabilized_incident("INC-1", "cache race").replace("  - cache race\n", "  - cache race\n  - retry storm\n");
    Repo::new()
        .file("incidents/INC-1.md", &two_modes)
        .file("incidents/INC-1-R1.md", &item("INC-1-R1", "INC-1", "cache race", "team-checkout", "2026-03-05", "open"))
        .file("incidents/INC-1-R2.md", &item("INC-1-R2", "INC-1", "cache race", "Dana", "2026-03-30", "shipped"))
        .file("incidents/INC-1-R3.md", &item("INC-1-R3", "INC-1", "retry storm", "dana", "2026-04-01", "diagnosing"))
        .file(
            "incidents/INC-1-R4.md",
            &item("INC-1-R4", "INC-1", "retry storm", "team-checkout", "2026-03-15", "in-progress"),
        )
        .file("incidents/INC-1-R5.md", &item("INC-1-R5", "INC-1", "retry storm", "team-checkout", "2026-05-01", "open"))
        .file(
            "incidents/INC-2.md",
            &stabilized_incident("INC-2", "queue overflow").replace("title: Checkout 502s", "title: Queue *overflow*"),
        )
        .file("incidents/INC-2-R1.md", &item("INC-2-R1", "INC-2", "queue overflow", "sre", "2026-03-01", "validated"))
        .file(
            "incidents/INC-3.md",
            &stabilized_incident("INC-3", "dns").replace("2026-03-08T11:00:00Z", "2026-02-20T11:00:00Z"),
        )
}

#[test]
fn markdown_lists_each_owner_and_the_incidents_that_need_a_commander() {
    let run = fixture().ok(&["digest"]);
    assert_eq!(
        run.stdout,
        "**Incidents digest, 2026-03-10** (due within 14 days)

**Dana**
- waiting for validation: INC-1-R2 (INC-1) cache race, due 2026-03-30, in 20 days
- diagnosing: INC-1-R3 (INC-1) retry storm, due 2026-04-01, in 22 days

**team-checkout**
- overdue: INC-1-R1 (INC-1) cache race, due 2026-03-05, 5 days late
- due soon: INC-1-R4 (INC-1) retry storm, due 2026-03-15, in 5 days

**Ready to close**
- INC-2 Queue \\*overflow\\*: `incidents close INC-2`

**Past the 7-day grace period without items**
- INC-3 Checkout 502s: stabilized 18 days ago
"
    );
}

#[test]
fn one_owner_and_a_shorter_window() {
    let run = fixture().ok(&["digest", "--owner", "TEAM-checkout", "--within", "3d"]);
    assert_eq!(
        run.stdout,
        "**Incidents digest, 2026-03-10** (due within 3 days)

**team-checkout**
- overdue: INC-1-R1 (INC-1) cache race, due 2026-03-05, 5 days late
"
    );
    let run = fixture().ok(&["digest", "--owner", "nobody"]);
    assert!(run.stdout.ends_with("\nNothing overdue, due soon or waiting.\n"), "{}", run.stdout);
    let run = fixture().run(&["digest", "--within", "soon"]);
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn json_carries_the_version_and_the_same_answers() {
    let json = fixture().ok(&["digest", "--format", "json"]).json();
    assert_eq!(json["version"], 1);
    assert_eq!(json["today"], "2026-03-10");
    let owners: Vec<&str> = json["owners"].as_array().unwrap().iter().map(|o| o["owner"].as_str().unwrap()).collect();
    assert_eq!(owners, ["Dana", "team-checkout"]);
    assert_eq!(json["owners"][1]["overdue"][0]["id"], "INC-1-R1");
    assert_eq!(json["owners"][1]["overdue"][0]["days"], -5);
    assert_eq!(json["owners"][1]["due_soon"][0]["id"], "INC-1-R4");
    assert_eq!(json["owners"][0]["awaiting_validation"][0]["id"], "INC-1-R2");
    assert_eq!(json["ready_to_close"][0]["id"], "INC-2");
    assert_eq!(json["without_items"][0]["id"], "INC-3");
    assert_eq!(json["without_items"][0]["days_since"], 18);
}
