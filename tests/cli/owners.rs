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
