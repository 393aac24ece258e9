//! `incidents report` on a fixture repository with known answers: counts, medians and
//! p90s (nearest rank), remediation workload, slip, lead time, coverage gaps, repeat
//! classes and recurrence after remediation; the period; HTML escaping.

use crate::records::{incident, item};
use crate::support::*;
use serde_json::Value;

/// Six incidents over 14 months, TODAY = 2026-03-10. The answers are worked out in
/// each test's comments.
pub fn fixture() -> Repo {
    Repo::new()
        // SEV1, stabilized in 60m, closed after 30 days; its item was validated 5 days late.
        .file(
            "incidents/INC-1.md",
            &incident("INC-1", "SEV1", "closed", "2025-01-10T10:00:00Z")
                .modes(&["fm-a"])
                .classes(&["cache-race"])
                .stabilized("2025-01-10T11:00:00Z")
                .closed("2025-02-09")
                .text(),
        )
        .file(
            "incidents/INC-1-R1.md",
            &item("INC-1-R1", "INC-1", "fm-a", "sre", "2025-01-20", "validated").validated_at("2025-01-25").text(),
        )
        // SEV1, 30m, closed after 20 days; cache-race again after INC-1-R1 was validated.
        .file(
            "incidents/INC-2.md",
            &incident("INC-2", "SEV1", "closed", "2025-06-01T08:00:00Z")
                .modes(&["fm-b"])
                .classes(&["cache-race"])
                .stabilized("2025-06-01T08:30:00Z")
                .closed("2025-06-21")
                .text(),
        )
        .file(
            "incidents/INC-2-R1.md",
            &item("INC-2-R1", "INC-2", "fm-b", "SRE", "2025-06-15", "validated").validated_at("2025-06-10").text(),
        )
        // SEV2, 120m, stabilized; one item overdue, one due soon, one mode uncovered.
        .file(
            "incidents/INC-3.md",
            &incident("INC-3", "SEV2", "stabilized", "2026-02-01T00:00:00Z")
                .modes(&["fm-c1", "fm-c2", "fm-c3"])
                .classes(&["Cache-Race", "deploy-order"])
                .stabilized("2026-02-01T02:00:00Z")
                .text(),
        )
        .file("incidents/INC-3-R1.md", &item("INC-3-R1", "INC-3", "fm-c1", "team-a", "2026-03-05", "open").text())
        .file(
            "incidents/INC-3-R2.md",
            &item("INC-3-R2", "INC-3", "fm-c2", "Team-A", "2026-03-20", "in-progress").text(),
        )
        // SEV2, 240m, stabilized 18 days ago and still without items.
        .file(
            "incidents/INC-4.md",
            &incident("INC-4", "SEV2", "stabilized", "2026-02-20T10:00:00Z")
                .modes(&["fm-d"])
                .classes(&["deploy-order"])
                .stabilized("2026-02-20T14:00:00Z")
                .text(),
        )
        // SEV2, still active.
        .file(
            "incidents/INC-5.md",
            &incident("INC-5", "SEV2", "active", "2026-03-09T09:00:00Z").modes(&["fm-e"]).text(),
        )
        // SEV3, 10m, closed after 10 days; one item dropped, one validated without a date.
        .file(
            "incidents/INC-6.md",
            &incident("INC-6", "SEV3", "closed", "2025-03-01T00:00:00Z")
                .modes(&["fm-f"])
                .stabilized("2025-03-01T00:10:00Z")
                .closed("2025-03-11")
                .text(),
        )
        .file("incidents/INC-6-R1.md", &item("INC-6-R1", "INC-6", "fm-f", "dba", "2025-03-10", "dropped").text())
        .file("incidents/INC-6-R2.md", &item("INC-6-R2", "INC-6", "fm-f", "dba", "2025-03-10", "validated").text())
}

fn report(repo: &Repo, args: &[&str]) -> Value {
    let mut all = vec!["report", "--format", "json"];
    all.extend_from_slice(args);
    let run = repo.run(&all);
    assert_eq!(run.code, 0, "{run:?}");
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

const DAY: i64 = 1440;

/// The elements of a JSON list.
fn list(value: &Value) -> &[Value] {
    value.as_array().map(Vec::as_slice).unwrap_or_else(|| panic!("not a list: {value}"))
}

/// A JSON string.
fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_else(|| panic!("not a string: {value}"))
}

/// A JSON count.
fn count(value: &Value) -> usize {
    value.as_u64().and_then(|n| usize::try_from(n).ok()).unwrap_or_else(|| panic!("not a count: {value}"))
}

/// A JSON whole number.
fn int(value: &Value) -> i64 {
    value.as_i64().unwrap_or_else(|| panic!("not a whole number: {value}"))
}

/// A JSON whole number or `null`.
fn opt(value: &Value) -> Option<i64> {
    if value.is_null() {
        None
    } else {
        Some(int(value))
    }
}

/// Severity, then count, median and p90 to stabilize, then the same to close.
type TimingRow<'a> = (&'a str, usize, Option<i64>, Option<i64>, usize, Option<i64>, Option<i64>);
/// Class, count, first and last opened, span in days, incident ids.
type ClassRow<'a> = (&'a str, usize, String, String, Option<i64>, Vec<&'a str>);

#[test]
fn counts_by_state_and_severity() {
    let report = report(&fixture(), &[]);
    let rows: Vec<(&str, usize, usize, usize, usize)> = list(&report["counts"])
        .iter()
        .map(|c| {
            (
                text(&c["severity"]),
                count(&c["active"]),
                count(&c["stabilized"]),
                count(&c["closed"]),
                count(&c["total"]),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [("SEV1", 0, 0, 2, 2), ("SEV2", 1, 2, 0, 3), ("SEV3", 0, 0, 1, 1), ("SEV4", 0, 0, 0, 0), ("all", 1, 2, 3, 6)]
    );
}

#[test]
fn medians_and_p90s_by_nearest_rank() {
    let report = report(&fixture(), &[]);
    let rows: Vec<TimingRow<'_>> = list(&report["timing"])
        .iter()
        .map(|t| {
            let (s, c) = (&t["time_to_stabilize_minutes"], &t["time_to_close_minutes"]);
            (
                text(&t["severity"]),
                count(&s["count"]),
                opt(&s["median"]),
                opt(&s["p90"]),
                count(&c["count"]),
                opt(&c["median"]),
                opt(&c["p90"]),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            // [30, 60]: median = rank ⌈1.0⌉ = 30, p90 = rank ⌈1.8⌉ = 60; close [20d, 30d].
            ("SEV1", 2, Some(30), Some(60), 2, Some(20 * DAY), Some(30 * DAY)),
            // [120, 240]; the active INC-5 has no time to stabilize.
            ("SEV2", 2, Some(120), Some(240), 0, None, None),
            ("SEV3", 1, Some(10), Some(10), 1, Some(10 * DAY), Some(10 * DAY)),
            ("SEV4", 0, None, None, 0, None, None),
            // [10, 30, 60, 120, 240]: median = rank ⌈2.5⌉ = 60, p90 = rank ⌈4.5⌉ = 240;
            // close [10d, 20d, 30d]: median rank ⌈1.5⌉ = 20d, p90 rank ⌈2.7⌉ = 30d.
            ("all", 5, Some(60), Some(240), 3, Some(20 * DAY), Some(30 * DAY)),
        ]
    );
}

#[test]
fn remediation_workload_slip_and_lead_time() {
    let report = report(&fixture(), &[]);
    let work = &report["remediation"];
    assert_eq!(work["items"], 6);
    let owners: Vec<(&str, usize, usize, usize, usize, usize, usize)> = list(&work["by_owner"])
        .iter()
        .map(|o| {
            let n = |key: &str| count(&o[key]);
            (text(&o["owner"]), n("total"), n("open"), n("in_progress"), n("validated"), n("dropped"), n("overdue"))
        })
        .collect();
    // Owners are grouped ignoring case, shown as first written.
    assert_eq!(owners, [("dba", 2, 0, 0, 1, 1, 0), ("sre", 2, 0, 0, 2, 0, 0), ("team-a", 2, 2, 1, 0, 0, 1)]);
    let overdue: Vec<(&str, i64)> = list(&work["overdue"]).iter().map(|d| (text(&d["id"]), int(&d["days"]))).collect();
    assert_eq!(overdue, [("INC-3-R1", 5)]);
    let soon: Vec<(&str, i64)> = list(&work["due_soon"]).iter().map(|d| (text(&d["id"]), int(&d["days"]))).collect();
    assert_eq!(soon, [("INC-3-R2", 10)]);
    assert_eq!(work["due_soon_days"], 14);
    // Stabilization → validation: 15 days (INC-1-R1) and 9 days (INC-2-R1), whole days
    // because `validated_at` is a date.
    let lead = &work["lead_time_minutes"];
    assert_eq!((count(&lead["count"]), opt(&lead["median"]), opt(&lead["p90"])), (2, Some(9 * DAY), Some(15 * DAY)));
    assert_eq!(work["validated_without_date"], serde_json::json!(["INC-6-R2"]));
    let slipped: Vec<(&str, i64)> =
        list(&work["slipped"]).iter().map(|s| (text(&s["id"]), int(&s["days_late"]))).collect();
    assert_eq!(slipped, [("INC-1-R1", 5)]);
}

#[test]
fn coverage_gaps() {
    let report = report(&fixture(), &[]);
    let uncovered: Vec<(&str, &str)> = list(&report["coverage"]["uncovered"])
        .iter()
        .map(|u| (text(&u["incident"]), text(&u["failure_mode"])))
        .collect();
    assert_eq!(uncovered, [("INC-3", "fm-c3"), ("INC-4", "fm-d"), ("INC-5", "fm-e")]);
    let without: Vec<(&str, i64)> = list(&report["coverage"]["without_items"])
        .iter()
        .map(|w| (text(&w["incident"]), int(&w["days_since"])))
        .collect();
    assert_eq!(without, [("INC-4", 18)]);
    assert_eq!(report["coverage"]["grace_days"], 7);
}

#[test]
fn repeat_classes_newest_first() {
    let report = report(&fixture(), &[]);
    let classes: Vec<ClassRow<'_>> = list(&report["repeat_classes"])
        .iter()
        .map(|c| {
            (
                text(&c["class"]),
                count(&c["count"]),
                text(&c["first_opened"]).to_string(),
                text(&c["last_opened"]).to_string(),
                opt(&c["span_days"]),
                list(&c["incidents"]).iter().map(|i| text(&i["id"])).collect(),
            )
        })
        .collect();
    assert_eq!(
        classes,
        [
            ("deploy-order", 2, "2026-02-01".into(), "2026-02-20".into(), Some(19), vec!["INC-4", "INC-3"]),
            // "Cache-Race" on INC-3 is the same class as "cache-race".
            ("cache-race", 3, "2025-01-10".into(), "2026-02-01".into(), Some(387), vec!["INC-3", "INC-2", "INC-1"]),
        ]
    );
}

#[test]
fn recurrence_after_remediation() {
    let report = report(&fixture(), &[]);
    let found: Vec<(&str, &str, Vec<&str>)> = list(&report["recurrences"])
        .iter()
        .map(|r| {
            (text(&r["incident"]), text(&r["class"]), list(&r["after"]).iter().map(|f| text(&f["item"])).collect())
        })
        .collect();
    // deploy-order repeats but never recurred: INC-3 had no validated item before INC-4.
    assert_eq!(
        found,
        [("INC-3", "Cache-Race", vec!["INC-1-R1", "INC-2-R1"]), ("INC-2", "cache-race", vec!["INC-1-R1"])]
    );
    let fix = &report["recurrences"][1]["after"][0];
    assert_eq!((text(&fix["validated"]), text(&fix["validated_from"])), ("2025-01-25", "validated_at"));
}

#[test]
fn a_fix_without_validated_at_counts_from_its_incident_closing() {
    let repo = fixture();
    repo.write(
        "incidents/INC-1-R1.md",
        item("INC-1-R1", "INC-1", "fm-a", "sre", "2025-01-20", "validated").text().as_bytes(),
    );
    let report = report(&repo, &[]);
    let fix = &list(&report["recurrences"]).last().unwrap()["after"][0];
    assert_eq!((text(&fix["item"]), text(&fix["validated"])), ("INC-1-R1", "2025-02-09"));
    assert_eq!(fix["validated_from"], "closed_at");
    // A fix validated on the day the class struck again does not count.
    repo.write(
        "incidents/INC-2-R1.md",
        item("INC-2-R1", "INC-2", "fm-b", "sre", "2025-06-15", "validated")
            .validated_at("2026-02-01")
            .text()
            .as_bytes(),
    );
    let report = self::report(&repo, &[]);
    let three = list(&report["recurrences"]).iter().find(|r| r["incident"] == "INC-3").unwrap();
    assert_eq!(list(&three["after"]).iter().map(|f| text(&f["item"])).collect::<Vec<_>>(), ["INC-1-R1"]);
}

#[test]
fn the_period_selects_incidents_by_opened_date() {
    let report = report(&fixture(), &["--since", "2026-01-01", "--until", "2026-02-28"]);
    let ids: Vec<&str> = list(&report["incidents"]).iter().map(|i| text(&i["id"])).collect();
    assert_eq!(ids, ["INC-3", "INC-4"]);
    assert_eq!(report["period"]["since"], "2026-01-01");
    // Earlier fixes still count, from before the period.
    assert_eq!(list(&report["recurrences"]).len(), 1);
    assert_eq!(report["recurrences"][0]["incident"], "INC-3");
    assert_eq!(list(&report["repeat_classes"]).iter().map(|c| text(&c["class"])).collect::<Vec<_>>(), ["deploy-order"]);
    assert_eq!(report["remediation"]["items"], 2);
    let empty = self::report(&fixture(), &["--since", "2030-01-01"]);
    assert!(list(&empty["incidents"]).is_empty());
    assert_eq!(list(&empty["counts"]).last().unwrap()["total"], 0);
}

#[test]
fn bad_periods_are_usage_errors() {
    let repo = fixture();
    let run = repo.run(&["report", "--since", "2026-03-01", "--until", "2026-01-01"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("`--since 2026-03-01` is after `--until 2026-01-01`"), "{}", run.stderr);
    let run = repo.run(&["report", "--since", "last week"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("write YYYY-MM-DD"), "{}", run.stderr);
}

#[test]
fn markdown_has_every_section_with_recurrence_first() {
    let run = fixture().run(&["report"]);
    assert_eq!(run.code, 0, "{run:?}");
    let out = &run.stdout;
    let headings = [
        "# Incident report",
        "## Recurrence after remediation",
        "## Incidents by state and severity",
        "## Time to stabilize and to close",
        "## Remediation",
        "### Items by owner",
        "### Overdue as of 2026-03-10",
        "### Due within 14 days",
        "### Time to ship and lead time to validation",
        "### Validated after the due date (slip)",
        "### Due dates moved",
        "## Coverage gaps and accepted risks",
        "### Failure modes with no item",
        "### Accepted risks",
        "### Closed without a validated item",
        "### Stabilized more than 7 days ago without items",
        "## Repeat failure classes",
        "## Incidents",
    ];
    let mut at = 0;
    for heading in headings {
        let found = out[at..]
            .find(&format!("{heading}\n"))
            .unwrap_or_else(|| panic!("{heading} missing or out of order:\n{out}"));
        at += found;
    }
    assert!(out.contains("All incidents · as of 2026-03-10 · 6 incidents, 6 remediation items\n"), "{out}");
    assert!(out.contains("> **2 times: an incident with a failure mode of a class was opened after an item for an earlier failure mode of that class was validated. This shows timing, not cause"), "{out}");
    assert!(out.contains("- **INC-3** (`Cache-Race`), opened 2026-02-01: INC-3 title\n  - its failure modes of the class: \"fm-c1\", \"fm-c2\", \"fm-c3\"\n  - opened 236 days after INC-2-R1 of INC-2 was validated for the same class on 2025-06-10, for \"fm-b\"\n  - 2 items of this class validated before it: INC-1-R1, INC-2-R1\n"), "{out}");
    assert!(out.contains("| SEV1 | 2 | 30m | 1h | 2 | 20d | 30d |\n"), "{out}");
    assert!(out.contains("| all | 5 | 1h | 4h | 3 | 20d | 30d |\n"), "{out}");
    assert!(out.contains("| INC-3-R1 | INC-3 | open | team-a | 2026-03-05 | 5 days |\n"), "{out}");
    assert!(out.contains("| Lead time to validation | 2 | 9d | 15d |\n"), "{out}");
    assert!(out.contains("| INC-1-R1 | INC-1 | sre | 2025-01-20 | 2025-01-25 | 5 days |\n"), "{out}");
    assert!(out.contains("### cache-race — 3 incidents, 2025-01-10 to 2026-02-01 (387 days)\n"), "{out}");
}

#[test]
fn an_empty_repository_reports_nothing_found() {
    let run = Repo::new().run(&["report"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains(
            "None: no incident was opened after an item for an earlier failure mode of its class was validated."
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("No remediation items.\n"), "{}", run.stdout);
    let html = Repo::new().run(&["report", "--format", "html"]);
    assert_eq!(html.code, 0, "{html:?}");
    assert!(html.stdout.contains("No incident with an <code>opened</code> date."), "{}", html.stdout);
}

#[test]
fn html_is_self_contained_with_svg_charts() {
    let run = fixture().run(&["report", "--format", "html"]);
    assert_eq!(run.code, 0, "{run:?}");
    let html = &run.stdout;
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<style>"));
    assert!(html.contains("default-src 'none'"), "a content security policy forbids fetching");
    assert_eq!(
        html.matches("<svg ").count(),
        3,
        "three inline charts (per month, time to stabilize, per class per quarter)"
    );
    for fetch in ["<script", "<link", "<img", "src=", "@import", "url("] {
        assert!(!html.contains(fetch), "{fetch} in the page");
    }
    assert!(html.contains("<section class=\"recurrence alert\">"));
    assert!(html.contains("id=\"incident-INC-3\""));
    assert!(html.contains("<h4>Timeline</h4>"), "bodies are rendered from Markdown");
}

#[test]
fn html_escapes_every_piece_of_record_text() {
    // Not wrapped in angle brackets as a whole, which would make it a placeholder.
    let title = "<script>alert(1)</script> \"><img src=x onerror=alert(2)> now";
    let body = "\n## Timeline\n\n<script>alert(3)</script>\n\n[click](javascript:alert(4)) and [ok](https://example.com/runbook) and <a href=\"javascript:alert(5)\">raw</a>\n\n![pixel](https://tracker.example.com/p.gif)\n";
    let repo = Repo::new()
        .file(
            "incidents/INC-1.md",
            &incident("INC-1", "SEV2", "stabilized", "2026-03-01T10:00:00Z")
                .title(title)
                .modes(&["mode with <b>bold</b> & \"quotes\""])
                .classes(&["<i>class</i>", "x' onmouseover='alert(6)"])
                .stabilized("2026-03-01T11:00:00Z")
                .body(body)
                .text(),
        )
        .file(
            "incidents/INC-2.md",
            &incident("INC-2", "SEV2", "stabilized", "2026-03-02T10:00:00Z")
                .classes(&["<i>class</i>"])
                .stabilized("2026-03-02T11:00:00Z")
                .text(),
        );
    let run = repo.run(&["report", "--format", "html"]);
    assert_eq!(run.code, 0, "{run:?}");
    let html = &run.stdout;
    for live in [
        "<script",
        "<img",
        "<i>class",
        "<b>bold",
        "onmouseover='",
        "<a href=\"javascript",
        "href=\"javascript:alert(4)",
    ] {
        assert!(!html.contains(live), "{live} made it into the page");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assert!(html.contains("&lt;script&gt;alert(3)&lt;/script&gt;"), "raw HTML in a body shows as text");
    assert!(html.contains("<a href=\"https://example.com/runbook\">ok</a>"), "safe links stay links");
    assert!(
        html.contains("<p>click and <a href=\"https://example.com/runbook\">ok</a> and &lt;a href="),
        "an unsafe link keeps only its text; a raw HTML link is text"
    );
    assert!(html.contains("<a href=\"https://tracker.example.com/p.gif\">pixel</a>"), "images become links");
    assert!(html.contains("x&#39; onmouseover=&#39;alert(6)"));
}

#[test]
fn a_recurrence_lists_the_five_latest_fixes_and_counts_all() {
    let mut repo = Repo::new();
    // Eight closed incidents of one class, a month apart, each with a validated fix.
    for n in 1..=8 {
        let id = format!("INC-{n}");
        repo = repo
            .file(
                &format!("incidents/{id}.md"),
                &incident(&id, "SEV2", "closed", &format!("2025-{n:02}-01"))
                    .modes(&["fm"])
                    .classes(&["retry-storm"])
                    .stabilized(&format!("2025-{n:02}-01"))
                    .closed(&format!("2025-{n:02}-20"))
                    .text(),
            )
            .file(
                &format!("incidents/{id}-R1.md"),
                &item(&format!("{id}-R1"), &id, "fm", "sre", &format!("2025-{n:02}-15"), "validated")
                    .validated_at(&format!("2025-{n:02}-10"))
                    .text(),
            );
    }
    let report = report(&repo, &[]);
    let recurrences = list(&report["recurrences"]);
    let latest = recurrences.iter().find(|r| r["incident"] == "INC-8").expect("INC-8 recurs");
    assert_eq!(latest["prior_fixes"], 7);
    let listed: Vec<&str> = list(&latest["after"]).iter().map(|f| text(&f["item"])).collect();
    assert_eq!(listed, ["INC-3-R1", "INC-4-R1", "INC-5-R1", "INC-6-R1", "INC-7-R1"]);
    let second = recurrences.iter().find(|r| r["incident"] == "INC-2").expect("INC-2 recurs");
    assert_eq!((count(&second["prior_fixes"]), list(&second["after"]).len()), (1, 1));
    assert!(recurrences.iter().all(|r| r["incident"] != "INC-1"));
    let markdown = repo.run(&["report"]);
    assert!(
        markdown.stdout.contains(
            "7 items of this class validated before it: INC-3-R1, INC-4-R1, INC-5-R1, INC-6-R1, INC-7-R1 and 2 earlier"
        ),
        "{}",
        markdown.stdout
    );
    assert!(markdown.stdout.contains("and 2 earlier"), "{}", markdown.stdout);
}

#[test]
fn recurrence_rows_escape_record_text_in_html_and_markdown() {
    let class = "cache`drift <b>";
    let first = "price <cache> | keys `not` versioned ##[error]";
    let repo = Repo::new()
        .file(
            "incidents/INC-1.md",
            &incident("INC-1", "SEV2", "closed", "2025-01-01")
                .title("first")
                .classes(&[class])
                .modes(&[first])
                .stabilized("2025-01-01")
                .closed("2025-01-20")
                .text(),
        )
        // Validated without `validated_at`: the date is its incident's `closed_at`.
        .file("incidents/INC-1-R1.md", &item("INC-1-R1", "INC-1", first, "team", "2025-01-10", "validated").text())
        .file(
            "incidents/INC-2.md",
            &incident("INC-2", "SEV2", "active", "2025-03-01")
                .title("<script>alert(1)</script> *now*")
                .classes(&[class])
                .modes(&["second <mode> & more"])
                .text(),
        );
    let html = repo.run(&["report", "--format", "html"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    let start = html.stdout.find("<h2>Recurrence after remediation</h2>").unwrap();
    let section = &html.stdout[start..start + html.stdout[start..].find("</section>").unwrap()];
    for expected in [
        "<strong><a class=\"nowrap\" href=\"#incident-INC-2\">INC-2</a></strong> &lt;script&gt;alert(1)&lt;/script&gt; *now*<br><small>“second &lt;mode&gt; &amp; more”</small>",
        "<span class=\"tag\">cache`drift &lt;b&gt;</span>",
        "opened 40 days after INC-1-R1 of INC-1 was validated for the same class on 2025-01-20 (by its incident's closed_at), for &quot;price &lt;cache&gt; | keys `not` versioned ##[error]&quot;",
    ] {
        assert!(section.contains(expected), "{expected}\n{section}");
    }
    assert!(!section.contains("<script"), "{section}");
    let markdown = repo.run(&["report"]);
    for expected in [
        "- **INC-2** (`cache'drift <b>`), opened 2025-03-01: \\<script\\>alert(1)\\</script\\> \\*now\\*\n",
        "  - its failure modes of the class: \"second \\<mode\\> \\& more\"\n",
        // `[` is escaped, so `##\[` starts no workflow command and needs no `\u{23}`.
        "for \"price \\<cache\\> \\| keys \\`not\\` versioned ##\\[error\\]\"\n",
    ] {
        assert!(markdown.stdout.contains(expected), "{expected}\n{}", markdown.stdout);
    }
}
