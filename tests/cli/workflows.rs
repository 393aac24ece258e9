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
    assert_eq!(uses(steps), ["github/codeql-action/upload-sarif@v4"]);
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
    assert!(build.contains(&"actions/checkout@v6".to_string()) && build.contains(&"actions/cache@v5".to_string()));
    let publish = &release["jobs"]["publish"];
    assert_eq!(publish["permissions"]["contents"], "write");
    let scripts: String = publish["steps"].as_sequence().unwrap().iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(scripts.contains("sha256sum incidents-* > SHA256SUMS"));
}

/// The value of `key = "…"` in the `[section]` of Cargo.toml (a plain line reader: the
/// manifest writes these as one-line strings).
fn cargo_value(section: &str, key: &str) -> Option<String> {
    let manifest = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let mut current = String::new();
    for line in manifest.lines() {
        let line = line.trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.to_string();
        } else if current == section {
            if let Some((k, v)) = line.split_once('=') {
                if k.trim() == key {
                    return Some(v.trim().trim_matches('"').to_string());
                }
            }
        }
    }
    None
}

#[test]
fn binstall_urls_name_the_assets_the_release_publishes() {
    let repository = cargo_value("package", "repository").expect("repository in Cargo.toml");
    assert_eq!(cargo_value("package", "homepage").as_deref(), Some(repository.as_str()));
    let release = yaml(".github/workflows/release.yml");
    let package = release["jobs"]["build"]["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|step| step["name"] == "Package")
        .and_then(|step| step["run"].as_str())
        .unwrap()
        .to_string();
    for entry in release["jobs"]["build"]["strategy"]["matrix"]["include"].as_sequence().unwrap() {
        let (target, archive) = (entry["target"].as_str().unwrap(), entry["archive"].as_str().unwrap());
        let section = format!("package.metadata.binstall.overrides.{target}");
        let url = cargo_value(&section, "pkg-url")
            .or_else(|| cargo_value("package.metadata.binstall", "pkg-url"))
            .unwrap()
            .replace("{ repo }", &repository)
            .replace("{ version }", "0.2.0")
            .replace("{ name }", "incidents")
            .replace("{ target }", target);
        let asset = format!("incidents-{target}.{archive}");
        assert_eq!(url, format!("{repository}/releases/download/v0.2.0/{asset}"));
        // The Package step writes `dist/incidents-$TARGET.<archive>` for this matrix entry.
        assert!(package.contains(&format!("dist/incidents-$TARGET.{archive}")), "{package}");
        let format = cargo_value(&section, "pkg-fmt").or_else(|| cargo_value("package.metadata.binstall", "pkg-fmt"));
        assert_eq!(format.as_deref(), Some(if archive == "zip" { "zip" } else { "tgz" }), "{target}");
    }
    // action.yml downloads the same names from the same releases.
    let action = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml")).unwrap();
    assert!(action.contains("file=\"incidents-$target.$archive\""));
}

/// Every example workflow the docs show is a real file under examples/ci (which `.ci/run`
/// lints with actionlint), shown in docs/ci.md exactly as the file holds it.
#[test]
fn the_documented_example_workflows_are_the_linted_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = std::fs::read_to_string(root.join("docs/ci.md")).unwrap();
    for file in
        ["examples/ci/incidents-action.yml", "examples/ci/incidents-digest.yml", "examples/ci/gitlab/.gitlab-ci.yml"]
    {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        assert!(docs.contains(&format!("```yaml\n{text}```")), "docs/ci.md does not show {file} as it is");
        assert!(docs.contains(&file.replace("examples/", "../examples/")), "docs/ci.md does not link {file}");
        let parsed = yaml(file);
        if file.contains("gitlab") {
            let job = &parsed["incidents"];
            assert!(job["script"].as_sequence().is_some_and(|s| !s.is_empty()), "{file}");
            assert_eq!(job["artifacts"]["reports"]["codequality"], "gl-code-quality-report.json");
        } else {
            assert!(parsed["jobs"].as_mapping().is_some_and(|jobs| !jobs.is_empty()), "{file}");
        }
    }
    // Current majors of the actions the examples use (checkout v6, cache v5, CodeQL's v4).
    for file in ["examples/ci/incidents.yml", "examples/ci/incidents-action.yml", "examples/ci/incidents-digest.yml"] {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        for (action, major) in
            [("actions/checkout@", "v6"), ("actions/cache@", "v5"), ("github/codeql-action/upload-sarif@", "v4")]
        {
            for (at, _) in text.match_indices(action) {
                let version = &text[at + action.len()..].split_whitespace().next().unwrap_or_default();
                assert_eq!(*version, major, "{file}: {action}{version}");
            }
        }
    }
    // The SARIF upload's permissions, in the Action example.
    let action_example = yaml("examples/ci/incidents-action.yml");
    let permissions = &action_example["jobs"]["check"]["permissions"];
    assert_eq!(
        (permissions["actions"].as_str(), permissions["security-events"].as_str()),
        (Some("read"), Some("write"))
    );
}
