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
    assert_eq!(found[0].0, 22, "the line of the heading");
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

/// `missing-section` on a stabilized INC-1 with `body`, as (line, message).
fn missing_in(body: &str) -> Vec<(u64, String)> {
    missing(&covered(Repo::new().file("incidents/INC-1.md", &stabilized(body))))
}

#[test]
fn headings_after_nested_list_markers_count() {
    for markers in ["- - ", "1. - ", "* 2) ", "- - - ", "+ 1. ", "-  *   "] {
        let body = format!("\n## Summary\n\nUsers saw 502s.\n\n{markers}# Timeline\n- 10:00 alert fired\n");
        assert_eq!(missing_in(&body), Vec::new(), "{markers:?}");
    }
}

#[test]
fn list_items_holding_only_a_break_or_a_placeholder_are_empty() {
    for item in ["1. -----", "- * * *", "- ___", "- - TODO", "1. - tbd", "* - - TODO", "- 1) **TODO**"] {
        let found = missing_in(&format!("\n## Timeline\n\n{item}\n"));
        assert_eq!(found.len(), 1, "{item:?}: {found:?}");
        assert!(found[0].1.contains("the `Timeline` section of INC-1 is empty"), "{item:?}: {found:?}");
    }
}

#[test]
fn white_space_other_than_the_space_is_trimmed_from_titles_and_placeholders() {
    // No-break, em, ideographic, narrow no-break spaces, next line, vertical tab, form feed.
    for space in ["\u{a0}", "\u{2003}", "\u{3000}", "\u{202f}", "\u{85}", "\u{b}", "\u{c}"] {
        for title in [format!("{space}Timeline"), format!("Timeline{space}"), format!("{space}Timeline{space}")] {
            let body = format!("\n## {title}\n\n- 10:00 alert fired\n");
            assert_eq!(missing_in(&body), Vec::new(), "{title:?}");
        }
        for placeholder in [format!("- {space}TODO{space}"), format!("{space}tbd"), format!("1. TODO{space}{space}")] {
            let found = missing_in(&format!("\n## Timeline\n\n{placeholder}\n"));
            assert_eq!(found.len(), 1, "{placeholder:?}: {found:?}");
        }
    }
}

#[test]
fn line_breaks_inside_a_heading_or_a_paragraph_read_as_spaces() {
    let config = "sections:\n  incident:\n    stabilized: [Causal analysis]\n";
    // A setext heading over two lines: a soft break, a backslash or two trailing spaces.
    for heading in ["Causal\nanalysis\n--------", "Causal\\\nanalysis\n===", "Causal  \nanalysis\n---"] {
        let body = format!("\n{heading}\n\nThe cache key ignored the schema version.\n");
        let repo = covered(Repo::new().file(".incidents.yml", config).file("incidents/INC-1.md", &stabilized(&body)));
        assert_eq!(missing(&repo), Vec::new(), "{heading:?}");
    }
    // `TO` and `DO` on two lines are two words, not the placeholder `TODO`.
    assert_eq!(missing_in("\n## Timeline\n\nTO\nDO\n"), Vec::new());
}
