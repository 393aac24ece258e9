//! `check --format gitlab` (GitLab Code Quality) and `--format junit` (JUnit XML): the
//! shapes their consumers read, checked on real output, hostile text included.

use crate::support::{open_item, stabilized_incident, Repo};

fn repo() -> Repo {
    Repo::new()
        .file("incidents/INC-1.md", &stabilized_incident("INC-1", "cache race"))
        .file("incidents/INC-1-R1.md", &open_item("INC-1-R1", "INC-1", "cache race").replace("due: 2026-03-20", "due: 2026-03-01"))
        .file("incidents/INC-2.md", &stabilized_incident("INC-2", "dns").replace("  rollback: redeploy v41\n", ""))
        .file(
            "incidents/INC-3.md",
            "---\nkind: incident\nid: INC-3\ntitle: x\nseverity: \"SEV<9>&\\\"\\e[31m\"\nstatus: active\nopened: 2026-03-01\n---\n",
        )
}

#[test]
fn gitlab_code_quality_has_the_required_keys_and_stable_fingerprints() {
    let repo = repo();
    let run = repo.run(&["check", "--format", "gitlab"]);
    assert_eq!(run.code, 1, "{run:?}");
    let issues = run.json();
    let issues = issues.as_array().expect("a JSON array");
    assert_eq!(issues.len(), repo.check_json().codes().len());
    for issue in issues {
        assert!(issue["description"].as_str().is_some_and(|d| !d.is_empty()), "{issue}");
        assert!(issue["check_name"].is_string(), "{issue}");
        assert!(issue["fingerprint"].as_str().is_some_and(|f| f.len() == 32), "{issue}");
        assert!(["major", "minor"].contains(&issue["severity"].as_str().unwrap()), "{issue}");
        assert!(issue["location"]["path"].as_str().unwrap().starts_with("incidents/INC-"), "{issue}");
        assert!(issue["location"]["lines"]["begin"].as_u64().is_some_and(|line| line >= 1), "{issue}");
    }
    let rollback = issues.iter().find(|i| i["check_name"] == "missing-rollback").expect("missing-rollback");
    assert_eq!(rollback["severity"], "major");
    assert_eq!(rollback["location"]["path"], "incidents/INC-2.md");
    let overdue = issues.iter().find(|i| i["check_name"] == "overdue").expect("overdue");
    assert_eq!(overdue["severity"], "minor");
    let mut fingerprints: Vec<&str> = issues.iter().map(|i| i["fingerprint"].as_str().unwrap()).collect();
    fingerprints.sort_unstable();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), issues.len(), "fingerprints are unique");
    // A day later the overdue message changes; its fingerprint does not.
    let later = repo.run_with(&["--today", "2026-03-11", "check", "--format", "gitlab"], |_| {}).json();
    let later_overdue = later.as_array().unwrap().iter().find(|i| i["check_name"] == "overdue").unwrap().clone();
    assert_ne!(later_overdue["description"], overdue["description"]);
    assert_eq!(later_overdue["fingerprint"], overdue["fingerprint"]);
    let clean = Repo::new().file("incidents/INC-1.md", &crate::support::active_incident("INC-1"));
    assert_eq!(clean.ok(&["check", "--format", "gitlab"]).stdout, "[]\n");
}

#[test]
fn junit_is_well_formed_with_one_test_case_per_record_file() {
    let repo = repo();
    let run = repo.run(&["check", "--format", "junit"]);
    assert_eq!(run.code, 1, "{run:?}");
    let document = roxmltree::Document::parse(&run.stdout).unwrap_or_else(|e| panic!("{e}:\n{}", run.stdout));
    let suite = document.descendants().find(|n| n.has_tag_name("testsuite")).expect("a testsuite");
    let cases: Vec<_> = suite.children().filter(|n| n.has_tag_name("testcase")).collect();
    let names: Vec<&str> = cases.iter().map(|c| c.attribute("name").unwrap()).collect();
    assert_eq!(names, ["incidents/INC-1-R1.md", "incidents/INC-1.md", "incidents/INC-2.md", "incidents/INC-3.md"]);
    assert_eq!(suite.attribute("tests"), Some("4"));
    assert_eq!(suite.attribute("failures"), Some("2"));
    let failure = |name: &str| {
        cases.iter().find(|c| c.attribute("name") == Some(name)).unwrap().children().find(|n| n.has_tag_name("failure"))
    };
    let text = failure("incidents/INC-3.md").expect("INC-3 fails").text().unwrap().to_string();
    assert!(text.contains("incidents/INC-3.md:5: error[invalid-value] (INC-3): "), "{text}");
    assert!(text.contains("SEV<9>&"), "{text}");
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(failure("incidents/INC-2.md").unwrap().text().unwrap().contains("error[missing-rollback]"));
    // Warnings alone do not fail a test case, unless --strict.
    assert!(failure("incidents/INC-1-R1.md").is_none());
    let strict = repo.run(&["check", "--strict", "--format", "junit"]);
    let document = roxmltree::Document::parse(&strict.stdout).unwrap();
    let suite = document.descendants().find(|n| n.has_tag_name("testsuite")).unwrap();
    assert_eq!(suite.attribute("failures"), Some("3"));
}

#[test]
fn code_host_paths_are_relative_to_the_work_tree() {
    let item = open_item("INC-1-R1", "INC-1", "cache race").replace("owner: team-checkout\n", "");
    let repo = Repo::new()
        .file(".git/HEAD", "ref: refs/heads/main\n")
        .file("services/pay/.incidents.yml", "dir: incidents\n")
        .file("services/pay/incidents/INC-1.md", &stabilized_incident("INC-1", "cache race"))
        .file("services/pay/incidents/INC-1-R1.md", &item);
    let root = repo.abs("services/pay");
    let run = |format: &str| {
        repo.run_with(&["check", "--format", format], |command| {
            command.arg("--root").arg(&root).env_remove("GITHUB_STEP_SUMMARY");
        })
    };
    let github = run("github");
    assert!(github.stdout.contains("::error file=services/pay/incidents/INC-1-R1.md,line=1,"), "{}", github.stdout);
    let sarif = run("sarif").json();
    let uri = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, "services/pay/incidents/INC-1-R1.md");
    assert_eq!(run("gitlab").json()[0]["location"]["path"], "services/pay/incidents/INC-1-R1.md");
    // The other formats stay relative to the root.
    assert_eq!(run("json").json()["diagnostics"][0]["file"], "incidents/INC-1-R1.md");
}
