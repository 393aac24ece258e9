//! Repeat failure classes (issue 12) on a fixture repository with known answers:
//! per-failure-mode classes, recurrence after remediation named by the right fix (and
//! not by an unrelated one), the vocabulary and `unknown-class`, "seen before" at `new`
//! and in `status`, `remediate --add-failure-mode --class`, similar failure modes, the
//! quarter table and `incidents classes`.

use crate::support::{snapshot, Repo};

const CONFIG: &str = "classes:\n  state-mismatch: a partial deploy left services disagreeing on state\n  pool-exhaustion: connection pools ran dry under load\n  disk-capacity: a disk filled up\n";

/// INC-1 (2025-11-02, closed) has two failure modes in two classes, each with a
/// validated item; INC-2 (2026-01-15) repeats `state-mismatch`; INC-3 (2026-02-10) is
/// `disk-capacity` only, with a failure mode worded like INC-1's cache one.
fn fixture() -> Repo {
    let incident = |id: &str, opened: &str, status: &str, modes: &str, extra: &str| {
        format!(
            "---\nkind: incident\nid: {id}\ntitle: {id} title\nseverity: SEV2\nstatus: {status}\nopened: {opened}\nfailure_modes:\n{modes}{extra}---\n\n## Timeline\n\n- 10:00 alert\n"
        )
    };
    let stabilization = |day: &str| {
        format!("stabilization:\n  signal: 5xx above 2% on checkout-api\n  intervention: rolled checkout-api back to v40\n  rollback: redeploy v41\n  verification: 5xx under 0.1% for 30 minutes on the production dashboard\n  stabilized_at: {day}\n")
    };
    let item = |id: &str, incident: &str, mode: &str, status: &str, validated_at: &str| {
        let done = if status == "validated" {
            format!("change: https://git.example.com/pr/1\nevidence: CI run 77 replays the failure and passes\nvalidated_at: {validated_at}\n")
        } else {
            String::new()
        };
        format!("---\nkind: remediation\nid: {id}\nincident: {incident}\nfailure_mode: {mode}\nowner: team-checkout\ndue: 2026-04-20\nvalidation: integration test replays the failure\nstatus: {status}\n{done}---\n\n## Causal analysis\n\nThe key ignored the version.\n")
    };
    Repo::new()
        .file(".incidents.yml", CONFIG)
        .file(
            "incidents/INC-1.md",
            &incident(
                "INC-1",
                "2025-11-02",
                "closed",
                "  - {mode: price cache keys are not versioned across a partial deploy, class: state-mismatch}\n  - mode: pgbouncer pool exhausted by a retry storm\n    class: pool-exhaustion\n",
                &format!("{}closed_at: 2025-11-30\n", stabilization("2025-11-02")),
            ),
        )
        .file("incidents/INC-1-R1.md", &item("INC-1-R1", "INC-1", "price cache keys are not versioned across a partial deploy", "validated", "2025-11-20"))
        .file("incidents/INC-1-R2.md", &item("INC-1-R2", "INC-1", "pgbouncer pool exhausted by a retry storm", "validated", "2025-11-25"))
        .file(
            "incidents/INC-2.md",
            &incident("INC-2", "2026-01-15", "active", "  - search index assumed a field that a deploy renamed\n", "classes: [state-mismatch]\n"),
        )
        .file(
            "incidents/INC-3.md",
            &incident(
                "INC-3",
                "2026-02-10",
                "active",
                "  - disk fills on db-3 during backup\n  - price cache key is not versioned across deploys\n",
                "classes: [disk-capacity]\n",
            ),
        )
}

#[test]
fn the_fixture_is_clean() {
    let run = fixture().run(&["check", "--strict"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn recurrence_is_per_failure_mode_and_names_the_fix_of_that_class() {
    let report = fixture().run(&["report", "--format", "json"]).json();
    let found = report["recurrences"].as_array().unwrap();
    // INC-3 comes after INC-1's validated items too, but none of its failure modes is in
    // their classes: the unrelated-class case is not reported.
    assert_eq!(found.len(), 1, "{found:#?}");
    let recurrence = &found[0];
    assert_eq!(recurrence["incident"], "INC-2");
    assert_eq!(recurrence["class"], "state-mismatch");
    assert_eq!(recurrence["failure_modes"], serde_json::json!(["search index assumed a field that a deploy renamed"]));
    assert_eq!(recurrence["prior_fixes"], 1);
    let fix = &recurrence["after"][0];
    assert_eq!(fix["item"], "INC-1-R1", "the pool fix INC-1-R2 is of another class");
    assert_eq!(fix["failure_mode"], "price cache keys are not versioned across a partial deploy");
    assert_eq!(fix["days_before"], 56);
    let markdown = fixture().run(&["report"]).stdout;
    assert!(
        markdown.contains("opened 56 days after INC-1-R1 of INC-1 was validated for the same class on 2025-11-20"),
        "{markdown}"
    );
    assert!(markdown.contains("This shows timing, not cause"), "{markdown}");
    assert!(!markdown.contains("did not hold") && !markdown.contains("fix failed"), "{markdown}");
}

#[test]
fn incident_classes_with_two_modes_no_longer_blame_an_unrelated_fix() {
    // The same data with classes on the incident only: INC-1 carries both classes for
    // both modes, so INC-3 (pool-exhaustion by incident tag) would recur; with per-mode
    // classes (the fixture) it does not. Here a per-mode class overrides the tag.
    let repo = fixture().file(
        "incidents/INC-4.md",
        "---\nkind: incident\nid: INC-4\ntitle: t\nseverity: SEV3\nstatus: active\nopened: 2026-03-01\nfailure_modes:\n  - {mode: disk full on the log volume, class: disk-capacity}\nclasses: [pool-exhaustion]\n---\n",
    );
    let report = repo.run(&["report", "--format", "json"]).json();
    let ids: Vec<&str> =
        report["recurrences"].as_array().unwrap().iter().map(|r| r["incident"].as_str().unwrap()).collect();
    assert_eq!(ids, ["INC-2"], "INC-4's only failure mode is disk-capacity, which has no earlier fix");
}

#[test]
fn unknown_class_names_the_closest_at_its_line() {
    let repo = fixture().file(
        "incidents/INC-5.md",
        "---\nkind: incident\nid: INC-5\ntitle: t\nseverity: SEV3\nstatus: active\nopened: 2026-03-01\nfailure_modes:\n  - plain one\n  - {mode: other one, class: state-mismatc}\nclasses: [disk-capacty]\n---\n",
    );
    let run = repo.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("error[unknown-class]: class `state-mismatc` is not in the `classes` vocabulary of .incidents.yml: did you mean `state-mismatch`?"), "{}", run.stdout);
    assert!(run.stdout.contains("--> incidents/INC-5.md:10"), "{}", run.stdout);
    assert!(run.stdout.contains("did you mean `disk-capacity`?"), "{}", run.stdout);
    assert!(run.stdout.contains("--> incidents/INC-5.md:11"), "{}", run.stdout);
    assert_eq!(repo.check_json().codes(), ["unknown-class", "unknown-class"]);
}

#[test]
fn without_a_vocabulary_any_class_is_accepted() {
    let repo = fixture()
        .file(".incidents.yml", "")
        .file("incidents/INC-5.md", "---\nkind: incident\nid: INC-5\ntitle: t\nseverity: SEV3\nstatus: active\nopened: 2026-03-01\nclasses: [anything-goes]\n---\n");
    let run = repo.run(&["check", "--strict"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn bad_failure_mode_entries_are_invalid_values_on_their_lines() {
    let repo = Repo::new().file(
        "incidents/INC-1.md",
        "---\nkind: incident\nid: INC-1\ntitle: t\nseverity: SEV3\nstatus: active\nopened: 2026-03-01\nfailure_modes:\n  - {class: x}\n  - [1, 2]\n  - {mode: fine, colour: red}\n---\n",
    );
    let run = repo.run(&["check"]);
    assert_eq!(repo.check_json().codes(), ["invalid-value", "invalid-value", "invalid-value"], "{}", run.stdout);
    assert!(run.stdout.contains("entry 1 of `failure_modes` is a mapping without `mode`"), "{}", run.stdout);
    assert!(run.stdout.contains("incidents/INC-1.md:9"), "{}", run.stdout);
    assert!(run.stdout.contains("incidents/INC-1.md:10"), "{}", run.stdout);
    assert!(run.stdout.contains("unknown key `colour`"), "{}", run.stdout);
}

#[test]
fn new_with_classes_prints_seen_before_newest_first() {
    let repo = fixture();
    let run = repo.run(&[
        "new",
        "Prices stale after deploy",
        "--severity",
        "SEV2",
        "--class",
        "state-mismatch",
        "--class",
        "disk-capacity",
        "--no-edit",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("seen before")).collect();
    assert_eq!(
        lines,
        [
            "seen before: INC-3 (2026-02-10), no validated fix for the class yet",
            "seen before: INC-2 (2026-01-15), no validated fix for the class yet",
            "seen before: INC-1 (2025-11-02), fixed by INC-1-R1, validated 2025-11-20",
        ]
    );
    let path = run.stdout.lines().last().unwrap();
    let text = std::fs::read_to_string(repo.path().join(path)).unwrap();
    assert!(text.contains("classes: [state-mismatch, disk-capacity]"), "{text}");
    assert_eq!(repo.run(&["check", "--strict"]).code, 0);
}

#[test]
fn new_refuses_a_class_outside_the_vocabulary_and_writes_nothing() {
    let repo = fixture();
    let before = snapshot(repo.path());
    let run = repo.run(&["new", "t", "--severity", "SEV2", "--class", "state-mismatsh", "--no-edit"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("did you mean `state-mismatch`?"), "{}", run.stderr);
    assert_eq!(snapshot(repo.path()), before);
}

#[test]
fn status_of_an_incident_shows_seen_before() {
    let run = fixture().run(&["status", "INC-2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "Seen before (INC-2, same classes):\n- INC-1 (2025-11-02), fixed by INC-1-R1, validated 2025-11-20\n"
        ),
        "{}",
        run.stdout
    );
    let quiet = fixture().run(&["status", "INC-3"]);
    assert!(!quiet.stdout.contains("Seen before"), "{}", quiet.stdout);
    // The JSON carries the same facts, for the incidents named.
    let json = fixture().run(&["status", "INC-2", "--format", "json"]).json();
    let seen = &json["incidents"][0]["seen_before"];
    assert_eq!(seen[0]["incident"], "INC-1", "{json}");
    assert_eq!(seen[0]["fixes"][0]["item"], "INC-1-R1");
    assert_eq!(seen[0]["fixes"][0]["validated"], "2025-11-20");
    let quiet = fixture().run(&["status", "INC-3", "--format", "json"]).json();
    assert!(quiet["incidents"][0].get("seen_before").is_none(), "{quiet}");
}

#[test]
fn remediate_adds_a_failure_mode_with_its_class_and_points_out_a_similar_one() {
    let repo = fixture();
    let before = repo.read("incidents/INC-2.md");
    let run = repo.run(&[
        "remediate",
        "INC-2",
        "--add-failure-mode",
        "--failure-mode",
        "price cache keys not versioned across a partial deploy",
        "--class",
        "pool-exhaustion",
        "--owner",
        "dana",
        "--due",
        "2026-03-30",
        "--validation",
        "replay a partial deploy in staging",
        "--no-edit",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = repo.read("incidents/INC-2.md");
    let expected = before.replace(
        "  - search index assumed a field that a deploy renamed\n",
        "  - search index assumed a field that a deploy renamed\n  - mode: price cache keys not versioned across a partial deploy\n    class: pool-exhaustion\n",
    );
    assert_eq!(after, expected);
    assert!(
        run.stdout.contains("note: \"price cache keys not versioned across a partial deploy\" looks like INC-1's \"price cache keys are not versioned across a partial deploy\" (100 % word overlap, no shared class)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("with class `pool-exhaustion`"), "{}", run.stdout);
    let list = repo.run(&["list", "--kind", "incident", "--class", "pool-exhaustion", "--format", "json"]).json();
    let ids: Vec<&str> = list["records"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["INC-1", "INC-2"]);
}

#[test]
fn remediate_refuses_an_unknown_class_and_writes_nothing() {
    let repo = fixture();
    let before = snapshot(repo.path());
    let run = repo.run(&[
        "remediate",
        "INC-2",
        "--add-failure-mode",
        "--failure-mode",
        "new breakage of the search index",
        "--class",
        "pool-exhaustoin",
        "--owner",
        "dana",
        "--due",
        "2026-03-30",
        "--validation",
        "replay",
        "--no-edit",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("did you mean `pool-exhaustion`?"), "{}", run.stderr);
    assert_eq!(snapshot(repo.path()), before);
}

#[test]
fn report_lists_similar_failure_modes_and_the_quarter_table() {
    let report = fixture().run(&["report", "--format", "json"]).json();
    let similar = &report["similar_failure_modes"];
    assert_eq!(similar["total"], 1, "{similar:#}");
    assert_eq!(similar["pairs"][0]["incident"], "INC-3");
    assert_eq!(similar["pairs"][0]["failure_mode"], "price cache key is not versioned across deploys");
    assert_eq!(similar["pairs"][0]["earlier_incident"], "INC-1");
    assert_eq!(similar["pairs"][0]["overlap_percent"], 87);
    let quarters = &report["class_quarters"];
    assert_eq!(quarters["quarters"], serde_json::json!(["2025-Q4", "2026-Q1"]));
    let rows: Vec<(String, Vec<u64>)> = quarters["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["class"].as_str().unwrap().to_string(),
                r["counts"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap()).collect(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("state-mismatch".to_string(), vec![1, 1]),
            ("disk-capacity".to_string(), vec![0, 1]),
            ("pool-exhaustion".to_string(), vec![1, 0]),
        ]
    );
    let markdown = fixture().run(&["report"]).stdout;
    assert!(
        markdown
            .contains("| Class | 2025-Q4 | 2026-Q1 | Total |\n|---|---:|---:|---:|\n| state-mismatch | 1 | 1 | 2 |\n"),
        "{markdown}"
    );
    assert!(markdown.contains("- INC-3 \"price cache key is not versioned across deploys\" looks like INC-1's \"price cache keys are not versioned across a partial deploy\" (87 % overlap)"), "{markdown}");
    // The repeat class shows its vocabulary description.
    assert!(markdown.contains("a partial deploy left services disagreeing on state"), "{markdown}");
}

#[test]
fn the_html_report_has_the_quarter_chart_with_class_names_escaped() {
    let repo = Repo::new().file(
        "incidents/INC-1.md",
        "---\nkind: incident\nid: INC-1\ntitle: t\nseverity: SEV3\nstatus: active\nopened: 2026-03-01\nfailure_modes:\n  - {mode: one, class: \"<b>x</b>\"}\n---\n",
    );
    let html = repo.run(&["report", "--format", "html"]).stdout;
    assert!(html.contains("<h2>Incidents per class per quarter</h2>"), "{html}");
    assert!(html.contains("aria-label=\"Incidents per class per quarter\""), "{html}");
    assert!(html.contains("&lt;b&gt;x&lt;/b&gt;") && !html.contains("<b>x</b>"), "{html}");
}

#[test]
fn classes_lists_counts_and_descriptions() {
    let run = fixture().run(&["classes"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "class            incidents  failure modes  description\n\
         state-mismatch           2              2  a partial deploy left services disagreeing on state\n\
         disk-capacity            1              2  a disk filled up\n\
         pool-exhaustion          1              1  connection pools ran dry under load\n"
    );
    let json = fixture().run(&["classes", "--format", "json"]).json();
    assert_eq!(json["vocabulary"], true);
    assert_eq!(json["classes"][0]["class"], "state-mismatch");
}

#[test]
fn config_shows_the_vocabulary() {
    let run = fixture().run(&["config"]);
    assert!(
        run.stdout.contains("classes        state-mismatch: a partial deploy left services disagreeing on state\n"),
        "{}",
        run.stdout
    );
    let bad = Repo::new().file(".incidents.yml", "classes:\n  a:\n").run(&["check"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("`a` needs a one-line description"), "{}", bad.stderr);
}

#[test]
fn remediate_says_when_a_class_is_not_written_for_a_listed_failure_mode() {
    let repo = fixture();
    let before = repo.read("incidents/INC-2.md");
    let run = repo.run(&[
        "remediate",
        "INC-2",
        "--add-failure-mode",
        "--failure-mode",
        "search index assumed a field that a deploy renamed",
        "--class",
        "disk-capacity",
        "--owner",
        "dana",
        "--due",
        "2026-03-30",
        "--validation",
        "replay the rename",
        "--no-edit",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("warning: --class disk-capacity is not written"), "{}", run.stderr);
    assert_eq!(repo.read("incidents/INC-2.md"), before);
}

#[test]
fn similar_failure_modes_list_the_newest_first_then_by_id_descending() {
    let incident = |id: &str, opened: &str, mode: &str| {
        format!("---\nkind: incident\nid: {id}\ntitle: {id} title\nseverity: SEV2\nstatus: active\nopened: {opened}\nfailure_modes:\n  - {mode}\n---\n")
    };
    let earlier = "price cache keys are not versioned across deploys";
    let later = "price cache key not versioned across deploys";
    let run = Repo::new()
        .file("incidents/INC-1.md", &incident("INC-1", "2025-01-01", earlier))
        .file("incidents/INC-2.md", &incident("INC-2", "2025-03-01", later))
        .file("incidents/INC-9.md", &incident("INC-9", "2025-03-01", later))
        .file("incidents/INC-10.md", &incident("INC-10", "2025-03-01", later))
        .file("incidents/INC-11.md", &incident("INC-11", "2025-02-01", later))
        // A duplicate id (a `duplicate-id` error for `check`): the first file stands for it.
        .file(
            "incidents/later/INC-9.md",
            &incident("INC-9", "2025-03-01", "price cache keys not versioned across a deploy"),
        )
        .run(&["report", "--format", "json"]);
    let similar = &run.json()["similar_failure_modes"];
    let listed: Vec<(&str, &str, &str)> = similar["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| {
            (
                pair["incident"].as_str().unwrap(),
                pair["failure_mode"].as_str().unwrap(),
                pair["earlier_incident"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("INC-10", later, "INC-11"),
            ("INC-9", later, "INC-11"),
            ("INC-2", later, "INC-11"),
            ("INC-11", later, "INC-1"),
        ],
        "{similar:#}"
    );
}
