//! `incidents list`: one line per incident or item, filters, JSON.

use crate::report::fixture;
use crate::support::*;
use serde_json::Value;

fn ids(repo: &Repo, args: &[&str]) -> Vec<String> {
    let mut all = vec!["list", "--format", "json"];
    all.extend_from_slice(args);
    let run = repo.run(&all);
    assert_eq!(run.code, 0, "{run:?}");
    let output: Value = serde_json::from_str(&run.stdout).unwrap();
    output["records"].as_array().unwrap().iter().map(|row| row["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn text_is_an_aligned_table_with_items_after_their_incident() {
    let run = fixture().run(&["list", "--severity", "SEV1"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "ID        STATUS                                           SEVERITY  OWNER  DUE         TITLE
INC-1     closed                                           SEV1      -      -           INC-1 title
INC-1-R1  validated (pull/4711 by hand, evidence by hand)  SEV1      sre    2025-01-20  fm-a
INC-2     closed                                           SEV1      -      -           INC-2 title
INC-2-R1  validated (pull/4711 by hand, evidence by hand)  SEV1      SRE    2025-06-15  fm-b
"
    );
}

#[test]
fn overdue_items_say_how_late_they_are() {
    let run = fixture().run(&["list", "--overdue"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "ID        STATUS  SEVERITY  OWNER   DUE                      TITLE\nINC-3-R1  open    SEV2      team-a  2026-03-05 (5d overdue)  fm-c1\n"
    );
}

#[test]
fn filters_combine() {
    let repo = fixture();
    let cases: &[(&[&str], &[&str])] = &[
        (
            &[],
            &[
                "INC-1", "INC-1-R1", "INC-2", "INC-2-R1", "INC-3", "INC-3-R1", "INC-3-R2", "INC-4", "INC-5", "INC-6",
                "INC-6-R1", "INC-6-R2",
            ],
        ),
        (&["--owner", "TEAM-A"], &["INC-3-R1", "INC-3-R2"]),
        (&["--status", "open", "--status", "in-progress"], &["INC-3-R1", "INC-3-R2"]),
        (&["--status", "stabilized"], &["INC-3", "INC-4"]),
        (&["--class", "deploy-order", "--kind", "incident"], &["INC-3", "INC-4"]),
        (&["--class", "cache-race", "--kind", "remediation"], &["INC-1-R1", "INC-2-R1", "INC-3-R1", "INC-3-R2"]),
        (&["--severity", "SEV3", "--status", "dropped"], &["INC-6-R1"]),
        (&["--owner", "sre", "--overdue"], &[]),
        (&["--kind", "incident", "--severity", "SEV2", "--severity", "SEV3"], &["INC-3", "INC-4", "INC-5", "INC-6"]),
    ];
    for (args, expected) in cases {
        assert_eq!(ids(&repo, args), *expected, "{args:?}");
    }
}

#[test]
fn json_has_the_documented_shape() {
    let run = fixture().run(&["list", "--format", "json", "--class", "deploy-order"]);
    let output: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(output["today"], TODAY);
    let item = output["records"].as_array().unwrap().iter().find(|row| row["id"] == "INC-3-R1").unwrap();
    assert_eq!(item["kind"], "remediation");
    assert_eq!(item["incident"], "INC-3");
    assert_eq!(item["severity"], "SEV2");
    assert_eq!(item["overdue_days"], 5);
    assert_eq!(item["due"], "2026-03-05");
    assert_eq!(item["file"], "incidents/INC-3-R1.md");
    assert_eq!(output["records"][0]["kind"], "incident");
    assert_eq!(output["records"][0]["classes"][0], "Cache-Race");
}

#[test]
fn orphan_items_are_listed_too() {
    let repo = fixture().file(
        "incidents/INC-9-R1.md",
        &crate::records::item("INC-9-R1", "INC-9", "fm", "ops", "2026-04-01", "open").text(),
    );
    assert_eq!(ids(&repo, &["--owner", "ops"]), ["INC-9-R1"]);
}

#[test]
fn nothing_matching_is_a_note_not_an_error() {
    let run = fixture().run(&["list", "--owner", "nobody"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run:?}");
    assert!(run.stderr.contains("no record matches"), "{}", run.stderr);
}

#[test]
fn bad_filter_values_are_usage_errors() {
    let repo = fixture();
    let cases: &[(&[&str], &str)] = &[
        (&["--status", "opne"], "`--status opne` is not a status (did you mean `open`?)"),
        (&["--severity", "SEV9"], "`--severity SEV9` is not a configured severity: use one of SEV1, SEV2, SEV3, SEV4"),
        (&["--kind", "incident", "--overdue"], "would list nothing"),
        (&["--status", "active", "--owner", "sre"], "every `--status` given is an incident status"),
        (&["--kind", "item"], "invalid value 'item'"),
        (&["--kind", "remediation", "--status", "active"], "so `--kind remediation` would list nothing"),
        (&["--kind", "incident", "--status", "open"], "so `--kind incident` would list nothing"),
        (&["--status", "validated", "--overdue"], "never overdue"),
    ];
    for (args, message) in cases {
        let mut all = vec!["list"];
        all.extend_from_slice(args);
        let run = repo.run(&all);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn control_characters_from_records_are_escaped_in_list_status_and_report() {
    let repo = Repo::new().file(
        "incidents/INC-1.md",
        &active_incident("INC-1").replace("title: Checkout 502s", "title: \"evil \\e[2J \\a title\""),
    );
    for args in [vec!["list"], vec!["status"], vec!["report"]] {
        let run = repo.run(&args);
        assert_eq!(run.code, 0, "{args:?}: {run:?}");
        assert!(!run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{7}'), "{args:?}: {:?}", run.stdout);
        if args[0] != "report" {
            // (The report names an active incident without items nowhere.)
            assert!(run.stdout.contains("\\u{1b}"), "{args:?}: {}", run.stdout);
        }
    }
}
