//! The GitHub Action (`action.yml`) and the release workflow: parsed as YAML and checked
//! for what their users rely on — the inputs, the platforms, the checksum, current
//! action versions. actionlint lints them in `.ci/run` where it is installed.

use std::path::Path;

fn yaml(relative: &str) -> serde_yaml::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{relative}: {e}"));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{relative} is not YAML: {e}"))
}

fn uses(steps: &serde_yaml::Value) -> Vec<String> {
    steps.as_sequence().unwrap().iter().filter_map(|s| s["uses"].as_str().map(str::to_string)).collect()
}

#[test]
fn the_action_installs_a_checked_release_and_runs_check() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"], "composite");
    for input in ["args", "version", "sarif"] {
        assert!(action["inputs"][input]["description"].is_string(), "input {input}");
    }
    assert_eq!(action["inputs"]["version"]["default"], "latest");
    let steps = &action["runs"]["steps"];
    let scripts: String = steps.as_sequence().unwrap().iter().filter_map(|s| s["run"].as_str()).collect();
    for target in
        ["x86_64-unknown-linux-musl", "aarch64-unknown-linux-gnu", "aarch64-apple-darwin", "x86_64-pc-windows-msvc"]
    {
        assert!(scripts.contains(target), "{target}");
    }
    assert!(scripts.contains("SHA256SUMS") && scripts.contains("sha256sum -c"));
    assert!(scripts.contains("incidents check --format github"));
    assert!(scripts.contains("incidents check --format sarif"));
    assert_eq!(uses(steps), ["github/codeql-action/upload-sarif@v3"]);
    // Inputs reach scripts only through the environment, never pasted into the script.
    assert!(!scripts.contains("${{"), "{scripts}");
}

#[test]
fn the_release_builds_every_platform_with_checksums() {
    let release = yaml(".github/workflows/release.yml");
    assert_eq!(release["on"]["push"]["tags"][0], "v*");
    let targets: Vec<&str> = release["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|entry| entry["target"].as_str().unwrap())
        .collect();
    for target in [
        "x86_64-unknown-linux-gnu",
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-gnu",
        "aarch64-apple-darwin",
        "x86_64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(targets.contains(&target), "{target}");
    }
    let build = uses(&release["jobs"]["build"]["steps"]);
    assert!(build.contains(&"actions/checkout@v4".to_string()) && build.contains(&"actions/cache@v4".to_string()));
    let publish = &release["jobs"]["publish"];
    assert_eq!(publish["permissions"]["contents"], "write");
    let scripts: String = publish["steps"].as_sequence().unwrap().iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(scripts.contains("sha256sum incidents-* > SHA256SUMS"));
}
