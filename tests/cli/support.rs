//! A temporary repository and a fluent way to run the binary in it, with `--today`
//! pinned and colour off.

#![allow(dead_code)] // each test module uses a different part of the builder

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The date every test runs at unless it says otherwise.
pub const TODAY: &str = "2026-03-10";

/// A repository in a temporary folder.
pub struct Repo {
    dir: tempfile::TempDir,
}

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Parses stdout as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// The codes of the diagnostics in `check --format json` output.
    pub fn codes(&self) -> Vec<String> {
        self.json()["diagnostics"]
            .as_array()
            .map(|list| list.iter().map(|d| d["code"].as_str().unwrap_or_default().to_string()).collect())
            .unwrap_or_default()
    }
}

impl Repo {
    /// An empty repository (no config: defaults apply).
    pub fn new() -> Self {
        Repo { dir: tempfile::tempdir().expect("create temp dir") }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file (creating folders), relative to the root.
    pub fn file(self, relative: &str, content: &str) -> Self {
        self.write(relative, content.as_bytes());
        self
    }

    /// Writes raw bytes, relative to the root.
    pub fn write(&self, relative: &str, content: &[u8]) {
        let path = self.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(path, content).expect("write file");
    }

    /// Reads a file, relative to the root.
    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path().join(relative)).expect("read file")
    }

    pub fn abs(&self, relative: &str) -> PathBuf {
        self.path().join(relative)
    }

    /// Runs `incidents --root <repo> --today TODAY <args>`.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, |_| {})
    }

    /// Like [`Repo::run`], letting the caller adjust the command (env, stdin, cwd).
    pub fn run_with(&self, args: &[&str], adjust: impl FnOnce(&mut Command)) -> Run {
        let mut command = Command::cargo_bin("incidents").expect("binary built");
        command
            .arg("--root")
            .arg(self.path())
            .arg("--today")
            .arg(TODAY)
            .args(args)
            .env("NO_COLOR", "1")
            .env_remove("CLICOLOR_FORCE")
            .current_dir(self.path());
        adjust(&mut command);
        let output = command.output().expect("run binary");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// `check --format json`.
    pub fn check_json(&self) -> Run {
        self.run(&["check", "--format", "json"])
    }
}

/// A valid active incident's front matter and body.
pub fn active_incident(id: &str) -> String {
    format!("---\nkind: incident\nid: {id}\ntitle: Checkout 502s\nseverity: SEV2\nstatus: active\nopened: 2026-03-01T10:00:00Z\n---\n\n## Summary\n\nCustomers saw 502s.\n")
}

/// A valid stabilized incident with one failure mode, stabilized 2026-03-08 (within the grace period of TODAY).
pub fn stabilized_incident(id: &str, failure_mode: &str) -> String {
    format!(
        "---\nkind: incident\nid: {id}\ntitle: Checkout 502s\nseverity: SEV2\nstatus: stabilized\nopened: 2026-03-01T10:00:00Z\nfailure_modes:\n  - {failure_mode}\nstabilization:\n  signal: 5xx above 2% on checkout-api\n  intervention: rolled checkout-api back to v40\n  rollback: redeploy v41\n  verification: 5xx under 0.1% for 30 minutes on the production dashboard\n  stabilized_at: 2026-03-08T11:00:00Z\n---\n\n## Timeline\n\n- 10:00 alert\n"
    )
}

/// A valid open item for `incident`.
pub fn open_item(id: &str, incident: &str, failure_mode: &str) -> String {
    format!(
        "---\nkind: remediation\nid: {id}\nincident: {incident}\nfailure_mode: {failure_mode}\nowner: team-checkout\ndue: 2026-03-20\nvalidation: staggered rollout integration test asserts cache keys converge\nstatus: open\n---\n\n## Causal analysis\n\nThe cache key ignored the schema version.\n"
    )
}

/// Every file under `dir` with its bytes, keyed by path relative to `dir`.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).expect("list folder") {
            let path = entry.expect("folder entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("read file");
                files.insert(path.strip_prefix(dir).expect("inside").to_path_buf(), bytes);
            }
        }
    }
    files
}

/// The last line of a command's stdout (the created or changed file, by contract).
pub fn last_line(stdout: &str) -> &str {
    stdout.lines().last().unwrap_or_default()
}

impl Repo {
    /// Every file of the repository with its bytes.
    pub fn snapshot(&self) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
        snapshot(self.path())
    }

    /// Runs the command and asserts it succeeded; returns the run.
    pub fn ok(&self, args: &[&str]) -> Run {
        let run = self.run(args);
        assert_eq!(run.code, 0, "incidents {}: {run:?}", args.join(" "));
        run
    }

    /// Asserts `check` exits 0 with no error (warnings allowed).
    pub fn assert_checks(&self) {
        let run = self.check_json();
        assert_eq!(run.code, 0, "check failed: {run:?}");
        assert_eq!(run.json()["summary"]["errors"], 0, "{}", run.stdout);
    }
}

/// YAML text parsed as JSON, by the YAML library itself (not by the tool under test).
pub fn yaml_to_json(text: &str) -> serde_json::Value {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("not YAML ({e}):\n{text}"))
}

/// The front matter of a record file (between the first two `---` lines) as JSON.
pub fn front_matter_json(text: &str) -> serde_json::Value {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).replace("\r\n", "\n");
    let rest = text.strip_prefix("---\n").unwrap_or_else(|| panic!("no front matter:\n{text}"));
    let end = rest.find("\n---\n").map(|at| at + 1).or_else(|| rest.strip_suffix("\n---").map(|_| rest.len() - 3));
    let yaml = &rest[..end.unwrap_or_else(|| panic!("unterminated front matter:\n{text}"))];
    yaml_to_json(yaml)
}

/// A built-in template as shipped in `templates/`.
pub fn template(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
