//! Every rule fires on a minimal record and stays quiet on a valid one.

use crate::support::*;
use serde_json::Value;

/// The diagnostics of `check --format json` as (code, severity, file, line).
fn diagnostics(repo: &Repo) -> Vec<(String, String, String, u64)> {
    let run = repo.check_json();
    assert!(run.code == 0 || run.code == 1, "{run:?}");
    run.json()["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["severity"].as_str().unwrap_or_default().to_string(),
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

fn has(found: &[(String, String, String, u64)], code: &str, severity: &str, file: &str, line: u64) -> bool {
    found.iter().any(|d| d.0 == code && d.1 == severity && d.2 == file && d.3 == line)
}

/// A repository where every rule stays quiet: a stabilized incident with its item, a
/// closed incident with a validated and a dropped item, an active incident.
fn valid_repo() -> Repo {
    Repo::new()
        .file("incidents/README.md", "# Incidents\n\nNo front matter here.\n")
        .file("incidents/2026/INC-1.md", &stabilized_incident("INC-1", "cache race after partial deploy"))
        .file("incidents/2026/INC-1-R1.md", &open_item("INC-1-R1", "INC-1", "Cache  RACE after partial deploy"))
        .file("incidents/2026/INC-2.md", &active_incident("INC-2"))
        .file(
            "incidents/2025/INC-3.md",
            "---\nkind: incident\nid: INC-3\ntitle: Search empty\nseverity: SEV3\nstatus: closed\nopened: 2025-12-01\n\
             failure_modes:\n  - alias switched before the index finished building\n  - reindex job has no completeness check\n\
             classes: [schema-assumption-drift]\nstabilization:\n  signal: zero-hit rate above 40%\n  intervention: pointed the alias back at the old index\n  \
             rollback: point the alias back\n  verification: zero-hit rate at 2% baseline\n  stabilized_at: 2025-12-01\nclosed_at: 2026-01-15\n---\n\n## Timeline\n\n- 09:00 alert\n",
        )
        .file(
            "incidents/2025/INC-3-R1.md",
            "---\nkind: remediation\nid: INC-3-R1\nincident: INC-3\nfailure_mode: alias switched before the index finished building\n\
             owner: team-search\ndue: {start: 2025-12-01, end: 2025-12-20}\nvalidation: test that switches the alias mid-build and asserts it waits\n\
             status: validated\nchange: https://git.example.com/search/pull/17\nevidence: CI run 42\nvalidated_at: 2025-12-18\nlinks: [https://example.com/pr/1]\n---\n\n## Causal analysis\n\nThe switch did not wait.\n",
        )
        .file(
            "incidents/2025/INC-3-R2.md",
            "---\nkind: remediation\nid: INC-3-R2\nincident: INC-3\nfailure_mode: reindex job has no completeness check\nowner: team-search\n\
             due: 2025-12-30\nvalidation: job test with a truncated source asserting it fails\nstatus: dropped\nreason: the job is being retired in Q1\napproved_by: search-leads\n---\n",
        )
}

#[test]
fn a_valid_repository_has_no_diagnostics() {
    let repo = valid_repo();
    let run = repo.check_json();
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.codes(), Vec::<String>::new());
    assert_eq!(run.json()["summary"], serde_json::json!({"errors": 0, "warnings": 0, "files": 6}));
}

#[test]
fn syntax_fires_on_bad_yaml_unterminated_front_matter_and_non_mappings() {
    let repo = valid_repo()
        .file("incidents/bad-yaml.md", "---\nkind: incident\ntitle: a: b\n---\n")
        .file("incidents/open.md", "---\nkind: incident\n")
        .file("incidents/list.md", "---\n- a\n- b\n---\n");
    repo.write("incidents/latin1.md", b"---\nkind: incident\ntitle: caf\xe9\n---\n");
    let found = diagnostics(&repo);
    assert!(has(&found, "syntax", "error", "incidents/bad-yaml.md", 3), "{found:?}");
    assert!(has(&found, "syntax", "error", "incidents/open.md", 1), "{found:?}");
    assert!(has(&found, "syntax", "error", "incidents/list.md", 1), "{found:?}");
    assert!(has(&found, "syntax", "error", "incidents/latin1.md", 3), "{found:?}");
    assert_eq!(found.iter().filter(|d| d.0 != "syntax").count(), 0, "other records still clean: {found:?}");
}

#[test]
fn missing_field_fires_for_each_required_key() {
    let repo = Repo::new()
        .file("incidents/a.md", "---\nkind: incident\nid: INC-1\nseverity: SEV2\nstatus: active\nopened: 2026-03-01\ntitle: \"  \"\n---\n")
        .file("incidents/b.md", "---\nid: X-1\n---\n")
        .file(
            "incidents/c.md",
            "---\nkind: remediation\nid: INC-1-R1\nincident: INC-1\nfailure_mode: x\nowner: o\ndue: 2026-04-01\nvalidation: v\nstatus: dropped\nreason: <why>\n---\n",
        );
    let found = diagnostics(&repo);
    assert!(has(&found, "missing-field", "error", "incidents/a.md", 7), "blank title at its line: {found:?}");
    assert!(has(&found, "missing-field", "error", "incidents/b.md", 1), "no kind: {found:?}");
    assert!(has(&found, "missing-field", "error", "incidents/c.md", 10), "placeholder reason: {found:?}");
}

#[test]
fn missing_field_fires_for_gate_timestamps() {
    let repo = Repo::new().file(
        "incidents/a.md",
        "---\nkind: incident\nid: INC-1\ntitle: t\nseverity: SEV2\nstatus: closed\nopened: 2026-03-01\nfailure_modes: []\nstabilization:\n  signal: s\n  rollback: r\n  verification: v\n---\n",
    );
    let run = repo.check_json();
    let messages: Vec<String> = run.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect();
    assert!(messages.iter().any(|m| m.contains("stabilization.stabilized_at")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("`closed_at`")), "{messages:?}");
}

#[test]
fn invalid_value_fires_on_bad_values_and_date_order() {
    let repo = Repo::new()
        .file("incidents/a.md", "---\nkind: incident\nid: INC-1\ntitle: t\nseverity: SEV9\nstatus: done\nopened: yesterday\n---\n")
        .file(
            "incidents/b.md",
            "---\nkind: incident\nid: INC-2\ntitle: t\nseverity: SEV2\nstatus: closed\nopened: 2026-03-05\nfailure_modes: [x]\n\
             stabilization:\n  signal: s\n  rollback: r\n  verification: v\n  stabilized_at: 2026-03-04\nclosed_at: 2026-03-01\n---\n",
        )
        .file("incidents/c.md", "---\nkind: postmortem\nid: P-1\n---\n")
        .file(
            "incidents/d.md",
            "---\nkind: remediation\nid: INC-2-R1\nincident: INC-2\nfailure_mode: x\nowner: o\ndue: {start: 2026-03-10, end: 2026-03-01}\nvalidation: v\nstatus: validated\nevidence: e\n---\n",
        );
    let found = diagnostics(&repo);
    for line in [5, 6, 7] {
        assert!(has(&found, "invalid-value", "error", "incidents/a.md", line), "line {line}: {found:?}");
    }
    assert!(has(&found, "invalid-value", "error", "incidents/b.md", 13), "stabilized before opened: {found:?}");
    assert!(has(&found, "invalid-value", "error", "incidents/b.md", 14), "closed before stabilized: {found:?}");
    assert!(has(&found, "invalid-value", "error", "incidents/c.md", 2), "unknown kind: {found:?}");
    assert!(has(&found, "invalid-value", "error", "incidents/d.md", 7), "due window reversed: {found:?}");
}

#[test]
fn unknown_field_warns_with_a_suggestion() {
    let repo = valid_repo().file(
        "incidents/2026/INC-1-R2.md",
        &open_item("INC-1-R2", "INC-1", "cache race after partial deploy").replace("owner:", "ownr: x\nowner:"),
    );
    let run = repo.check_json();
    assert_eq!(run.code, 0, "a warning does not fail: {}", run.stdout);
    let diagnostic = &run.json()["diagnostics"][0];
    assert_eq!(diagnostic["code"], "unknown-field");
    assert_eq!(diagnostic["severity"], "warning");
    assert_eq!(diagnostic["line"], 6);
    assert!(diagnostic["message"].as_str().unwrap().contains("did you mean `owner`?"), "{diagnostic}");
    let strict = repo.run(&["check", "--strict"]);
    assert_eq!(strict.code, 1, "--strict fails on warnings");
}

#[test]
fn duplicate_id_names_both_files() {
    let repo = valid_repo().file("incidents/2026/INC-2-copy.md", &active_incident("INC-2"));
    let run = repo.check_json();
    assert_eq!(run.code, 1);
    let json = run.json();
    let dups: Vec<&Value> =
        json["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "duplicate-id").collect();
    assert_eq!(dups.len(), 2, "{dups:?}");
    assert!(dups.iter().any(|d| d["file"] == "incidents/2026/INC-2.md"
        && d["message"].as_str().unwrap().contains("incidents/2026/INC-2-copy.md")));
    assert!(dups.iter().all(|d| d["line"] == 3 && d["id"] == "INC-2"));
}

#[test]
fn broken_reference_fires_on_an_unknown_incident() {
    let repo = valid_repo().file("incidents/x.md", &open_item("INC-9-R1", "INC-9", "x"));
    let found = diagnostics(&repo);
    assert!(has(&found, "broken-reference", "error", "incidents/x.md", 4), "{found:?}");
}

#[test]
fn gate_one_rules_fire_on_a_stabilized_incident_without_evidence() {
    let incident = stabilized_incident("INC-1", "cache race after partial deploy");
    for (key, code) in [
        ("  signal:", "missing-signal"),
        ("  rollback:", "missing-rollback"),
        ("  verification:", "missing-verification"),
    ] {
        let text: String = incident.lines().filter(|l| !l.starts_with(key)).map(|l| format!("{l}\n")).collect();
        let repo = valid_repo().file("incidents/2026/INC-1.md", &text);
        let found = diagnostics(&repo);
        assert!(has(&found, code, "error", "incidents/2026/INC-1.md", 1), "{code}: {found:?}");
        assert_eq!(found.len(), 1, "only {code}: {found:?}");
    }
    let active = diagnostics(&Repo::new().file("incidents/a.md", &active_incident("INC-1")));
    assert!(active.is_empty(), "gate 1 is not required while active: {active:?}");
}

#[test]
fn item_field_rules_fire_on_a_blank_field() {
    let item = open_item("INC-1-R1", "INC-1", "cache race after partial deploy");
    for (key, line, code) in [
        ("failure_mode:", 5, "missing-failure-mode"),
        ("owner:", 6, "missing-owner"),
        ("due:", 7, "missing-due"),
        ("validation:", 8, "missing-validation"),
    ] {
        let text: String = item
            .lines()
            .map(|l| if l.starts_with(key) { format!("{key} <placeholder>\n") } else { format!("{l}\n") })
            .collect();
        let repo = valid_repo().file("incidents/2026/INC-1-R1.md", &text);
        let found = diagnostics(&repo);
        assert!(has(&found, code, "error", "incidents/2026/INC-1-R1.md", line), "{code}: {found:?}");
    }
}

#[test]
fn unlinked_failure_mode_lists_the_incident_modes() {
    let repo = valid_repo()
        .file("incidents/2026/INC-1-R2.md", &open_item("INC-1-R2", "INC-1", "cache rase after partial deploy"));
    let run = repo.check_json();
    let diagnostic = run.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unlinked-failure-mode")
        .cloned()
        .expect("unlinked-failure-mode");
    assert_eq!(diagnostic["line"], 5);
    assert!(
        diagnostic["message"].as_str().unwrap().contains("closest: \"cache race after partial deploy\""),
        "{diagnostic}"
    );
}

#[test]
fn vague_text_warns_on_vague_failure_modes_and_validations() {
    let repo = Repo::new().file("incidents/INC-1.md", &stabilized_incident("INC-1", "Tech debt")).file(
        "incidents/INC-1-R1.md",
        &open_item("INC-1-R1", "INC-1", "tech  debt").replace(
            "validation: staggered rollout integration test asserts cache keys converge",
            "validation: Add monitoring.",
        ),
    );
    let found = diagnostics(&repo);
    assert!(has(&found, "vague-text", "warning", "incidents/INC-1.md", 9), "{found:?}");
    assert!(has(&found, "vague-text", "warning", "incidents/INC-1-R1.md", 5), "{found:?}");
    assert!(has(&found, "vague-text", "warning", "incidents/INC-1-R1.md", 8), "{found:?}");
}

#[test]
fn missing_evidence_fires_on_a_validated_item() {
    let text =
        open_item("INC-1-R1", "INC-1", "cache race after partial deploy").replace("status: open", "status: validated");
    let repo = valid_repo().file("incidents/2026/INC-1-R1.md", &text);
    let found = diagnostics(&repo);
    assert!(
        has(&found, "missing-evidence", "error", "incidents/2026/INC-1-R1.md", 1),
        "absent key: the opening line; {found:?}"
    );
}

#[test]
fn overdue_warns_past_the_due_date_only_while_not_done() {
    let late =
        open_item("INC-1-R1", "INC-1", "cache race after partial deploy").replace("due: 2026-03-20", "due: 2026-03-09");
    let found = diagnostics(&valid_repo().file("incidents/2026/INC-1-R1.md", &late));
    assert!(has(&found, "overdue", "warning", "incidents/2026/INC-1-R1.md", 7), "{found:?}");
    let done = late.replace("status: open", "status: dropped\nreason: superseded by INC-4\napproved_by: dana");
    assert!(diagnostics(&valid_repo().file("incidents/2026/INC-1-R1.md", &done)).is_empty());
    let today = open_item("INC-1-R1", "INC-1", "cache race after partial deploy")
        .replace("due: 2026-03-20", &format!("due: {TODAY}"));
    assert!(
        diagnostics(&valid_repo().file("incidents/2026/INC-1-R1.md", &today)).is_empty(),
        "due today is not overdue"
    );
}

#[test]
fn overdue_says_the_action_the_status_calls_for_and_how_to_move_the_date() {
    let late =
        open_item("INC-1-R1", "INC-1", "cache race after partial deploy").replace("due: 2026-03-20", "due: 2026-03-09");
    let message = |text: &str| {
        let run = valid_repo().file("incidents/2026/INC-1-R1.md", text).check_json();
        let json = run.json();
        let found = json["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "overdue").cloned();
        found.map(|d| d["message"].as_str().unwrap().to_string()).unwrap_or_else(|| panic!("{}", run.stdout))
    };
    let open = message(&late);
    assert!(open.contains("(1 day ago): ship and validate it"), "{open}");
    assert!(open.contains("`incidents move-due INC-1-R1 --due … --reason …`"), "{open}");
    assert!(open.contains("`incidents drop INC-1-R1 --reason … --approved-by …`"), "{open}");
    let diagnosing = late
        .lines()
        .filter(|line| !line.starts_with("validation:"))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("status: open", "status: diagnosing");
    let diagnosing = message(&format!("{diagnosing}\n"));
    assert!(diagnosing.contains("define its validation (`incidents plan INC-1-R1 --validation …`)"), "{diagnosing}");
}

#[test]
fn uncovered_failure_mode_is_a_warning_within_grace_and_an_error_after() {
    let within = Repo::new().file("incidents/INC-1.md", &stabilized_incident("INC-1", "cache race"));
    assert!(has(&diagnostics(&within), "uncovered-failure-mode", "warning", "incidents/INC-1.md", 9));
    assert_eq!(within.check_json().code, 0);
    let after = Repo::new().file(
        "incidents/INC-1.md",
        &stabilized_incident("INC-1", "cache race")
            .replace("stabilized_at: 2026-03-08T11:00:00Z", "stabilized_at: 2026-03-02"),
    );
    assert!(has(&diagnostics(&after), "uncovered-failure-mode", "error", "incidents/INC-1.md", 9));
    let none = Repo::new().file(
        "incidents/INC-1.md",
        &stabilized_incident("INC-1", "x")
            .replace("failure_modes:\n  - x\n", "")
            .replace("2026-03-08T11:00:00Z", "2026-02-01"),
    );
    assert!(
        has(&diagnostics(&none), "uncovered-failure-mode", "error", "incidents/INC-1.md", 1),
        "no failure modes at all"
    );
}

#[test]
fn a_dropped_item_covers_its_failure_mode() {
    let dropped = open_item("INC-1-R1", "INC-1", "cache race after partial deploy")
        .replace("status: open", "status: dropped\nreason: the cache is being removed\napproved_by: dana");
    let repo = valid_repo().file("incidents/2026/INC-1-R1.md", &dropped);
    assert!(diagnostics(&repo).is_empty());
}

#[test]
fn open_remediation_fires_on_a_closed_incident_with_open_items() {
    let shipped = std::fs::read_to_string(valid_repo().abs("incidents/2025/INC-3-R1.md"))
        .unwrap()
        .replace("status: validated", "status: shipped");
    let repo = valid_repo().file("incidents/2025/INC-3-R1.md", &shipped);
    let found = diagnostics(&repo);
    assert!(has(&found, "open-remediation", "error", "incidents/2025/INC-3.md", 6), "{found:?}");
}

#[test]
fn missing_section_warns_when_a_required_section_is_absent() {
    let text = stabilized_incident("INC-1", "cache race after partial deploy")
        .replace("## Timeline\n\n- 10:00 alert\n", "## Notes\n");
    let found = diagnostics(&valid_repo().file("incidents/2026/INC-1.md", &text));
    assert!(has(&found, "missing-section", "warning", "incidents/2026/INC-1.md", 1), "{found:?}");
}

#[test]
fn config_overrides_change_levels_and_switch_rules_off() {
    let late =
        open_item("INC-1-R1", "INC-1", "cache race after partial deploy").replace("due: 2026-03-20", "due: 2026-03-01");
    let repo = valid_repo()
        .file("incidents/2026/INC-1-R1.md", &late)
        .file(
            "incidents/2026/INC-1-R2.md",
            &open_item("INC-1-R2", "INC-1", "cache race after partial deploy").replace("owner:", "ownr: x\nowner:"),
        )
        .file(".incidents.yml", "rules:\n  overdue: error\n  unknown-field: off\n");
    let found = diagnostics(&repo);
    assert!(has(&found, "overdue", "error", "incidents/2026/INC-1-R1.md", 7), "{found:?}");
    assert!(!found.iter().any(|d| d.0 == "unknown-field"), "{found:?}");
    assert_eq!(repo.check_json().code, 1);
}

#[test]
fn missing_validation_is_quiet_while_diagnosing_and_after_a_drop() {
    let item = open_item("INC-1-R1", "INC-1", "cache race after partial deploy");
    for status in ["diagnosing", "dropped\nreason: the service is being retired this quarter\napproved_by: alice"] {
        let text: String = item
            .lines()
            .filter(|l| !l.starts_with("validation:"))
            .map(|l| if l.starts_with("status:") { format!("status: {status}\n") } else { format!("{l}\n") })
            .collect();
        let repo = valid_repo().file("incidents/2026/INC-1-R1.md", &text);
        let found = diagnostics(&repo);
        assert!(!found.iter().any(|d| d.0 == "missing-validation"), "{status}: {found:?}");
    }
}

#[test]
fn a_failure_mode_with_two_angle_spans_is_text_not_a_placeholder() {
    // SPEC §2: a placeholder is one angle-bracket span with no other `<` or `>` inside.
    let mode = "<nil> map in <Handler> panics on an empty body";
    let repo = valid_repo()
        .file("incidents/2026/INC-1.md", &stabilized_incident("INC-1", "<nil> map in <Handler>"))
        .file("incidents/2026/INC-1-R1.md", &open_item("INC-1-R1", "INC-1", mode));
    let found = diagnostics(&repo);
    assert!(has(&found, "unlinked-failure-mode", "error", "incidents/2026/INC-1-R1.md", 5), "{found:?}");
    let repo = valid_repo()
        .file("incidents/2026/INC-1.md", &stabilized_incident("INC-1", "<nil> map in <Handler>"))
        .file("incidents/2026/INC-1-R1.md", &open_item("INC-1-R1", "INC-1", "<nil> map in <Handler>"));
    assert!(diagnostics(&repo).is_empty(), "{:?}", diagnostics(&repo));
}
