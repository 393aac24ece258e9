//! `owners` in the config (a list, or `codeowners`) and the `unknown-owner` rule.

use crate::support::{open_item, stabilized_incident, Repo};

fn repo(config: &str, owner: &str) -> Repo {
    Repo::new()
        .file(".incidents.yml", config)
        .file("incidents/INC-1.md", &stabilized_incident("INC-1", "cache race"))
        .file("incidents/INC-1-R1.md", &open_item("INC-1-R1", "INC-1", "cache race").replace("team-checkout", owner))
}

fn unknown_owner(repo: &Repo) -> Vec<serde_json::Value> {
    let json = repo.check_json().json();
    json["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "unknown-owner").cloned().collect()
}

#[test]
fn an_owner_not_in_the_list_is_an_error_with_the_closest_name() {
    let repo = repo("owners: [dana, team-checkout]\n", "team-chekout");
    let found = unknown_owner(&repo);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["file"], "incidents/INC-1-R1.md");
    assert_eq!(found[0]["line"], 6);
    assert_eq!(found[0]["severity"], "error");
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("`team-chekout`") && message.contains("did you mean `team-checkout`?"), "{message}");
    assert_eq!(repo.check_json().code, 1);
}

#[test]
fn a_listed_owner_or_no_list_is_quiet() {
    assert!(unknown_owner(&repo("owners: [dana, team-checkout]\n", "Team-Checkout")).is_empty());
    assert!(unknown_owner(&repo("grace_period: 7d\n", "anyone")).is_empty());
}

#[test]
fn codeowners_supplies_the_names() {
    let repo = repo("owners: codeowners\n", "\"@acme/chekout\"")
        .file(".github/CODEOWNERS", "# owners\n*  @dana @acme/checkout\n/docs/ docs@acme.example\n");
    let found = unknown_owner(&repo);
    assert_eq!(found.len(), 1, "{found:?}");
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("named in CODEOWNERS (did you mean `@acme/checkout`?)"), "{message}");
    let repo = repo.file(
        "incidents/INC-1-R1.md",
        &open_item("INC-1-R1", "INC-1", "cache race").replace("team-checkout", "acme/checkout"),
    );
    assert!(unknown_owner(&repo).is_empty());
    // The root CODEOWNERS is read when there is none under .github/.
    let root_file = self::repo("owners: codeowners\n", "dana").file("CODEOWNERS", "* @dana\n");
    assert!(unknown_owner(&root_file).is_empty());
}

#[test]
fn a_bad_owners_value_stops_the_check() {
    for (config, words) in [
        ("owners: codeowners\n", "found no CODEOWNERS file"),
        ("owners: {dana: x}\n", "write a list of people and teams"),
        ("owners: [dana, [x]]\n", "every entry must be"),
    ] {
        let run = repo(config, "dana").run(&["check"]);
        assert_eq!(run.code, 2, "{config}: {run:?}");
        assert!(run.stderr.contains("owners") && run.stderr.contains(words), "{config}: {}", run.stderr);
    }
}

#[test]
fn digest_groups_every_spelling_under_the_configured_name() {
    let repo = repo("owners: codeowners\n", "Dana").file("CODEOWNERS", "* @dana\n").file(
        "incidents/INC-1-R2.md",
        &open_item("INC-1-R2", "INC-1", "cache race").replace("team-checkout", "\"@dana\""),
    );
    let json = repo.ok(&["digest", "--format", "json"]).json();
    let owners: Vec<&str> = json["owners"].as_array().unwrap().iter().map(|o| o["owner"].as_str().unwrap()).collect();
    assert_eq!(owners, ["@dana"]);
    assert_eq!(json["owners"][0]["due_soon"].as_array().unwrap().len(), 2);
    let one = repo.ok(&["digest", "--owner", "dana", "--format", "json"]).json();
    assert_eq!(one["owners"][0]["owner"], "@dana");
}

/// Items owned by `@acme/team-checkout` written three ways, and one of `@dana`.
fn team_repo() -> Repo {
    let item = |id: &str, owner: &str| open_item(id, "INC-1", "cache race").replace("team-checkout", owner);
    repo("owners: codeowners\n", "\"@acme/team-checkout\"")
        .file(".github/CODEOWNERS", "*  @dana @acme/team-checkout\n")
        .file("incidents/INC-1-R2.md", &item("INC-1-R2", "acme/team-checkout"))
        .file("incidents/INC-1-R3.md", &item("INC-1-R3", "\"@ACME/Team-Checkout\""))
        .file("incidents/INC-1-R4.md", &item("INC-1-R4", "dana"))
}

#[test]
fn list_and_digest_match_an_owner_the_same_way() {
    let repo = team_repo();
    for owner in ["@acme/team-checkout", "acme/team-checkout", "ACME/TEAM-CHECKOUT"] {
        let list = repo.ok(&["list", "--owner", owner, "--format", "json"]).json();
        let ids: Vec<&str> = list["records"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["INC-1-R1", "INC-1-R2", "INC-1-R3"], "{owner}");
        let digest = repo.ok(&["digest", "--owner", owner, "--format", "json"]).json();
        let owners = digest["owners"].as_array().unwrap();
        assert_eq!(owners.len(), 1, "{owner}: {digest}");
        // Grouped under the configured spelling, with every spelling's items.
        assert_eq!(owners[0]["owner"], "@acme/team-checkout");
        let listed: Vec<&str> = ["overdue", "awaiting_validation", "diagnosing", "due_soon"]
            .iter()
            .flat_map(|heading| owners[0][*heading].as_array().unwrap())
            .map(|item| item["id"].as_str().unwrap())
            .collect();
        assert_eq!(listed.len(), 3, "{owner}: {digest}");
    }
    let digest = repo.ok(&["digest", "--format", "json"]).json();
    let groups: Vec<&str> = digest["owners"].as_array().unwrap().iter().map(|o| o["owner"].as_str().unwrap()).collect();
    assert_eq!(groups, ["@acme/team-checkout", "@dana"]);
}

#[test]
fn an_owner_that_is_not_configured_is_refused_with_the_closest() {
    let repo = team_repo();
    for command in ["list", "digest"] {
        // The team without its organisation is another name, but it is the guess.
        let run = repo.run(&[command, "--owner", "team-checkout"]);
        assert_eq!(run.code, 2, "{command}: {run:?}");
        assert!(run.stdout.is_empty(), "{command}: {}", run.stdout);
        assert!(
            run.stderr
                .contains("`--owner team-checkout` is not a configured owner (did you mean `@acme/team-checkout`?)")
                && run.stderr.contains(".github/CODEOWNERS"),
            "{command}: {}",
            run.stderr
        );
        let run = repo.run(&[command, "--owner", "dan"]);
        assert_eq!(run.code, 2, "{command}: {run:?}");
        assert!(run.stderr.contains("(did you mean `@dana`?)"), "{command}: {}", run.stderr);
    }
}

#[test]
fn without_owners_configured_any_owner_filters_and_an_unknown_one_lists_nothing() {
    let repo = repo("grace_period: 7d\n", "\"@Dana\"");
    let list = repo.ok(&["list", "--owner", "dana", "--format", "json"]).json();
    assert_eq!(list["records"].as_array().unwrap().len(), 1, "{list}");
    let run = repo.run(&["list", "--owner", "nobody"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("no record matches; no item has owner `nobody`"), "{}", run.stderr);
    // A typo of an owner items hold is pointed out.
    let run = repo.run(&["list", "--owner", "dnaa"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run:?}");
    assert_eq!(run.stderr, "note: no record matches; no item has owner `dnaa` (did you mean `@Dana`?)\n");
    // An owner that items hold, filtered out by another filter: no owner note.
    let run = repo.run(&["list", "--owner", "dana", "--status", "dropped"]);
    assert_eq!(run.stderr, "note: no record matches\n");
}
