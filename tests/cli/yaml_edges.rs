//! Front matter where the fast YAML reader and the YAML library could disagree (issue 16,
//! items 7 to 9; item 10, white space in flow lists, changes no finding through the binary
//! because records trim entries again, so its tests are `yaml::fast` and
//! `yaml::differential` unit tests), the line of a character YAML forbids (item 23), values written so
//! that YAML 1.1 readers read them back as text (item 11), and the caps on config lists
//! (item 17). Each reading case writes the same front matter twice: once as it is (the
//! fast reader answers when it can) and once with the id anchored (`id: &i INC-2`), which
//! only the library reads; `check` must say the same about both.

use crate::support::*;

/// An active incident whose front matter ends with `extra` lines (after `opened`); the
/// title line is `title: {title}`. With `anchored`, the id is written `&i INC-2`.
fn incident(id: &str, anchored: bool, title: &str, extra: &str) -> String {
    let id_value = if anchored { format!("&i {id}") } else { id.to_string() };
    format!(
        "---\nkind: incident\nid: {id_value}\ntitle: {title}\nseverity: SEV2\nstatus: active\nopened: 2026-03-01T10:00:00Z\n{extra}---\n\n## Summary\n\nCustomers saw 502s.\n"
    )
}

/// `(code, line, message)` of each diagnostic of `file`, with its id written `ID`.
fn findings(run: &Run, file: &str, id: &str) -> Vec<(String, u64, String)> {
    run.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == file)
        .map(|d| {
            let message = d["message"].as_str().unwrap_or_default().replace(id, "ID");
            (d["code"].as_str().unwrap_or_default().to_string(), d["line"].as_u64().unwrap_or(0), message)
        })
        .collect()
}

/// Checks the plain and the anchored record holding `title` and `extra`, asserts that
/// `check` reports the same for both, and returns what it reports.
fn same_either_way(title: &str, extra: &str) -> Vec<(String, u64, String)> {
    let repo = Repo::new()
        .file("incidents/INC-1.md", &incident("INC-1", false, title, extra))
        .file("incidents/INC-2.md", &incident("INC-2", true, title, extra));
    let run = repo.check_json();
    assert!(run.code == 0 || run.code == 1, "{run:?}");
    let (fast, library) =
        (findings(&run, "incidents/INC-1.md", "INC-1"), findings(&run, "incidents/INC-2.md", "INC-2"));
    assert_eq!(fast, library, "title {title:?}, extra {extra:?}");
    fast
}

#[test]
fn keys_spelled_true_or_null_clash_as_the_library_resolves_them() {
    for (extra, second) in [("true: a\nTrue: b\n", 9), ("False: a\nfalse: b\n", 9), ("NULL: a\n~: b\n", 9)] {
        let found = same_either_way("Checkout 502s", extra);
        assert!(
            found
                .iter()
                .any(|(code, line, message)| code == "syntax" && *line == second && message.contains("written twice")),
            "{extra:?}: {found:?}"
        );
    }
}

#[test]
fn characters_yaml_forbids_are_refused_at_their_line() {
    for title in ["Checkout \u{fffe}", "\u{ffff}", "'quoted \u{fffe}'", "Checkout\u{1} 502s", "x\u{7f}", "c1 \u{9b}"] {
        let found = same_either_way(title, "");
        let code = title.chars().find(|c| !(c.is_alphanumeric() || " '".contains(*c))).map(u32::from).unwrap();
        let expected = format!("U+{code:04X} is not allowed in YAML");
        assert!(
            found.iter().any(|(rule, line, message)| rule == "syntax" && *line == 4 && message.contains(&expected)),
            "{title:?}: {found:?}"
        );
    }
}

#[test]
fn a_forbidden_character_is_reported_at_its_own_line() {
    for (extra, line) in [
        ("failure_modes:\n  - cache\u{1} race\n", 9),
        ("failure_modes:\n  - cache race\n\n# note\nsummary: \"a\u{fffe}\"\n", 12),
    ] {
        let found = same_either_way("Checkout 502s", extra);
        assert!(found.iter().any(|(rule, at, _)| rule == "syntax" && *at == line), "{extra:?}: {found:?}");
        assert!(!found.iter().any(|(_, at, _)| *at == 2), "never blamed on line 2: {found:?}");
    }
}

#[test]
fn numbers_with_a_leading_plus_read_as_the_library_reads_them() {
    for title in ["+.inf", "+.INF", "+12", "+1"] {
        same_either_way(title, "");
        let repo = Repo::new()
            .file("incidents/INC-1.md", &incident("INC-1", false, title, ""))
            .file("incidents/INC-2.md", &incident("INC-2", true, title, ""));
        let list = repo.run(&["list", "--format", "json"]);
        assert_eq!(list.code, 0, "{list:?}");
        let json = list.json();
        let titles: Vec<&serde_json::Value> = json["records"].as_array().unwrap().iter().map(|r| &r["title"]).collect();
        assert_eq!(titles.len(), 2, "{}", list.stdout);
        assert_eq!(titles[0], titles[1], "{title}: {}", list.stdout);
    }
}

#[test]
fn values_yaml_1_1_reads_differently_are_written_quoted() {
    let repo = Repo::new();
    for title in ["on", "no", "Y", "12:30", "1:20:30", "1_000", "<<", "=", "+1", ".inf"] {
        let run = repo.run(&["new", title, "--severity", "SEV3", "--no-edit"]);
        assert_eq!(run.code, 0, "{run:?}");
        let text = std::fs::read_to_string(repo.abs(last_line(&run.stdout))).unwrap();
        assert!(text.contains(&format!("\ntitle: '{title}'\n")), "{title}: {text}");
    }
    // Dates stay plain: every reader takes them as dates, which is what they are.
    let run = repo.run(&["new", "2026-03-10", "--severity", "SEV3", "--no-edit", "--opened", "2026-03-09"]);
    assert_eq!(run.code, 0, "{run:?}");
    let text = std::fs::read_to_string(repo.abs(last_line(&run.stdout))).unwrap();
    assert!(text.contains("\ntitle: 2026-03-10\n") && text.contains("\nopened: 2026-03-09"), "{text}");
    repo.assert_checks();
}

#[test]
fn oversized_config_lists_are_refused_naming_the_key_and_the_cap() {
    let many = |prefix: &str, n: usize| (0..n).map(|i| format!("{prefix}{i}")).collect::<Vec<_>>().join(", ");
    let cases = [
        (format!("severities: [{}]\n", many("S", 8000)), "severities", 20),
        (format!("sections:\n  incident:\n    active: [{}]\n", many("H", 5000)), "sections.incident.active", 30),
        (format!("vague_phrases: [{}]\n", many("p", 201)), "vague_phrases", 200),
        (format!("ignore: [{}]\n", many("x", 201)), "ignore", 200),
    ];
    for (config, key, cap) in cases {
        let repo = Repo::new().file("incidents/INC-1.md", &active_incident("INC-1")).file(".incidents.yml", &config);
        let before = repo.snapshot();
        let started = std::time::Instant::now();
        let run = repo.check_json();
        assert_eq!(run.code, 2, "{key}: {run:?}");
        assert!(
            run.stderr.contains(key) && run.stderr.contains(&format!("more than the {cap} allowed")),
            "{}",
            run.stderr
        );
        assert!(started.elapsed().as_secs() < 10, "{key}: refused in {:?}", started.elapsed());
        assert_eq!(repo.snapshot(), before);
    }
}

#[test]
fn required_sections_at_the_cap_give_one_diagnostic_each_per_record() {
    let headings = (0..30).map(|i| format!("H{i}")).collect::<Vec<_>>().join(", ");
    let mut repo = Repo::new().file(".incidents.yml", &format!("sections:\n  incident:\n    active: [{headings}]\n"));
    for n in 1..=20 {
        repo = repo.file(&format!("incidents/INC-{n}.md"), &active_incident(&format!("INC-{n}")));
    }
    let run = repo.check_json();
    assert_eq!(run.code, 0, "missing sections of an active incident are warnings: {}", run.stderr);
    let codes = run.codes();
    assert_eq!(codes.iter().filter(|c| *c == "missing-section").count(), 20 * 30);
}
