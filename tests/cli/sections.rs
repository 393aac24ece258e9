//! `missing-section`: required body headings must exist and have content under them,
//! per kind and status, with the defaults of SPEC §3 or the config's `sections:`.

use crate::records::{incident, item};
use crate::support::*;

fn stabilized(body: &str) -> String {
    incident("INC-1", "SEV2", "stabilized", "2026-03-08T10:00:00Z")
        .modes(&["cache race"])
        .stabilized("2026-03-08T11:00:00Z")
        .body(body)
        .text()
}

fn covered(repo: Repo) -> Repo {
    repo.file("incidents/INC-1-R1.md", &item("INC-1-R1", "INC-1", "cache race", "team", "2026-03-20", "open").text())
}

/// The `missing-section` diagnostics as (line, message).
fn missing(repo: &Repo) -> Vec<(u64, String)> {
    let run = repo.check_json();
    run.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "missing-section")
        .map(|d| (d["line"].as_u64().unwrap(), d["message"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn fires_when_the_heading_is_absent() {
    let repo = covered(Repo::new().file("incidents/INC-1.md", &stabilized("\n## Summary\n\nUsers saw 502s.\n")));
    let found = missing(&repo);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 1, "reported on the opening `---`");
    assert!(found[0].1.contains("has no `## Timeline` section: add the heading and write under it"), "{found:?}");
}

#[test]
fn fires_when_the_heading_has_only_a_placeholder() {
    let body = "\n## Summary\n\nUsers saw 502s.\n\n## Timeline\n\n<Timestamped, in order: detection, decisions, recovery.>\n\n## Notes\n\nMore.\n";
    let repo = covered(Repo::new().file("incidents/INC-1.md", &stabilized(body)));
    let found = missing(&repo);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 21, "the line of the heading");
    assert!(found[0].1.contains("the `Timeline` section of INC-1 is empty"), "{found:?}");
}

#[test]
fn headings_in_code_fences_or_comments_do_not_count() {
    let body = "\n```md\n## Timeline\n\n- 10:00 alert\n```\n\n<!--\n## Timeline\n-->\n";
    let repo = covered(Repo::new().file("incidents/INC-1.md", &stabilized(body)));
    assert_eq!(missing(&repo).len(), 1);
}

#[test]
fn quiet_when_the_section_has_content() {
    let repo = covered(Repo::new().file("incidents/INC-1.md", &stabilized("\n## Timeline\n\n- 10:00 alert fired\n")));
    assert_eq!(missing(&repo), Vec::new());
    let setext =
        covered(Repo::new().file("incidents/INC-1.md", &stabilized("\nTimeline\n--------\n\n### 10:00\n\nalert\n")));
    assert_eq!(missing(&setext), Vec::new(), "a sub-heading's content counts");
}

#[test]
fn active_incidents_and_open_items_need_no_section_by_default() {
    let repo = Repo::new().file(
        "incidents/INC-1.md",
        &incident("INC-1", "SEV2", "active", "2026-03-08T10:00:00Z").body("\nNothing yet.\n").text(),
    );
    assert_eq!(missing(&repo), Vec::new());
}

#[test]
fn a_shipped_item_needs_a_causal_analysis() {
    let body_without = item("INC-1-R1", "INC-1", "cache race", "team", "2026-03-20", "shipped").text().replace(
        "## Causal analysis\n\nThe cache key ignored the schema version.\n",
        "## Change\n\nKeys carry the version.\n",
    );
    let repo = Repo::new()
        .file("incidents/INC-1.md", &stabilized("\n## Timeline\n\n- 10:00 alert\n"))
        .file("incidents/INC-1-R1.md", &body_without);
    let found = missing(&repo);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].1.contains("INC-1-R1 is shipped but its body has no `## Causal analysis` section"), "{found:?}");
}

#[test]
fn the_config_overrides_the_required_sections() {
    let config = "sections:\n  incident:\n    active: [Impact]\n    stabilized: [Timeline, Impact]\n";
    let repo = covered(
        Repo::new()
            .file(".incidents.yml", config)
            .file("incidents/INC-1.md", &stabilized("\n## Timeline\n\n- 10:00 alert\n")),
    )
    .file(
        "incidents/INC-2.md",
        &incident("INC-2", "SEV3", "active", "2026-03-09").body("\n## Impact\n\nSome.\n").text(),
    );
    let found = missing(&repo);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].1.contains("INC-1 is stabilized but its body has no `## Impact` section"), "{found:?}");
    repo.write(".incidents.yml", b"sections:\n  incident:\n    stabilized: []\n");
    assert_eq!(missing(&repo), Vec::new(), "an empty list requires nothing");
    repo.write(".incidents.yml", b"rules:\n  missing-section: off\n");
    repo.write("incidents/INC-1.md", stabilized("\nNo sections at all.\n").as_bytes());
    assert_eq!(missing(&repo), Vec::new(), "the rule can be turned off");
}
