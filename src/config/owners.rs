//! The `owners` config key: the people and teams a remediation item may name as its
//! owner, written as a list, or as `codeowners` to take every owner named in the
//! repository's CODEOWNERS file (`.github/CODEOWNERS`, `CODEOWNERS`, `docs/CODEOWNERS`,
//! the first found, as GitHub reads them; looked for at the root, then at each folder
//! above it up to the git work tree). The `unknown-owner` rule checks items
//! against it; `list --owner` and `digest` match and group by the same names.
//!
//! One comparison serves all of them, [`key`]: two spellings name the same owner when
//! they are equal ignoring case and a leading `@` (`Dana`, `dana` and `@dana`). The rest
//! of a name counts: `team-checkout` is not `@acme/team-checkout` (two organisations can
//! each have a team of that name, and `unknown-owner` would not accept it either), so
//! `--owner team-checkout` is refused with "did you mean `@acme/team-checkout`?".

use crate::yaml::Node;
use std::path::{Path, PathBuf};

/// Where CODEOWNERS may live, in the order GitHub looks.
pub(crate) const CODEOWNERS_PATHS: [&str; 3] = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

/// The configured owners.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Owners {
    /// Names as written (CODEOWNERS names keep their `@`).
    pub(crate) names: Vec<String>,
    /// The CODEOWNERS file they came from, when `owners: codeowners`.
    pub(crate) source: Option<PathBuf>,
}

impl Owners {
    /// The configured name `owner` stands for: equal by [`key`].
    pub(crate) fn find(&self, owner: &str) -> Option<&str> {
        let key = comparable(owner);
        self.names.iter().find(|name| comparable(name) == key).map(String::as_str)
    }

    /// The configured name closest to `owner`, for a "did you mean": a team whose name
    /// after the organisation is `owner` (`team-checkout` → `@acme/team-checkout`), else
    /// the nearest by edit distance.
    pub(crate) fn closest(&self, owner: &str) -> Option<&str> {
        let wanted = comparable(owner);
        let team = self.names.iter().find(|name| comparable(name).rsplit_once('/').is_some_and(|(_, t)| t == wanted));
        if let Some(team) = team {
            return Some(team);
        }
        let stripped: Vec<(String, &str)> = self.names.iter().map(|n| (comparable(n), n.as_str())).collect();
        let found = crate::suggest::closest(&wanted, stripped.iter().map(|(key, _)| key.as_str()))?;
        stripped.iter().find(|(key, _)| key == found).map(|(_, name)| *name)
    }

    /// Where the names come from, as a refusal says it: `.github/CODEOWNERS`, or the
    /// config's list.
    pub(crate) fn origin(&self) -> String {
        let Some(path) = &self.source else { return "the `owners` list of .incidents.yml".to_string() };
        let path = path.to_string_lossy().replace('\\', "/");
        CODEOWNERS_PATHS
            .iter()
            .find(|known| path.ends_with(&format!("/{known}")) || path == **known)
            .map_or(path.clone(), |known| known.to_string())
    }

    /// The configured spelling of `--owner {given}`, or the refusal (exit 2) naming the
    /// closest configured owner: an owner filter that matches nobody is a typo, not an
    /// empty answer.
    pub(crate) fn resolve(&self, given: &str) -> Result<String, crate::usage::UsageError> {
        self.find(given).map(str::to_string).ok_or_else(|| crate::usage::UsageError::UnknownOwner {
            given: given.trim().to_string(),
            hint: self.closest(given).map(str::to_string),
            source: self.origin(),
        })
    }
}

/// What owner names are compared by, everywhere (`unknown-owner`, `list --owner`,
/// `digest`): the name without surrounding white space and a leading `@`, lower-cased.
pub(crate) fn key(name: &str) -> String {
    comparable(name)
}

fn comparable(name: &str) -> String {
    name.trim().trim_start_matches('@').to_lowercase()
}

/// Reads the value of `owners`; `root` is the folder of the config file. Errors are the
/// reason, for the caller to attach the key and line.
pub(crate) fn read(value: &Node, root: &Path) -> Result<Owners, String> {
    match value {
        Node::String(text) if text.trim() == "codeowners" => {
            let Some(path) = find_codeowners(root) else {
                return Err(format!(
                    "`owners: codeowners` found no CODEOWNERS file ({}) at {} or above it in the git work tree: add one, or list the owners",
                    CODEOWNERS_PATHS.join(", "),
                    root.display()
                ));
            };
            let text = crate::regular_file::read(&path, crate::yaml::MAX_BYTES as u64)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let names = parse_codeowners(&String::from_utf8_lossy(&text));
            if names.is_empty() {
                return Err(format!("{} names no owner: add owners to it, or list them here", path.display()));
            }
            Ok(Owners { names, source: Some(path) })
        }
        Node::Seq(items) => {
            let mut names: Vec<String> = Vec::new();
            for item in items {
                let name = match item {
                    Node::String(text) | Node::Number(text) => text.trim().to_string(),
                    _ => String::new(),
                };
                if name.is_empty() {
                    return Err("every entry must be a person or team name (text)".to_string());
                }
                if !names.iter().any(|known| comparable(known) == comparable(&name)) {
                    names.push(name);
                }
            }
            Ok(Owners { names, source: None })
        }
        _ => Err("write a list of people and teams (`[dana, team-checkout]`), or `codeowners`".to_string()),
    }
}

fn find_codeowners(root: &Path) -> Option<PathBuf> {
    for folder in root.ancestors() {
        if let Some(found) = CODEOWNERS_PATHS.iter().map(|p| folder.join(p)).find(|p| p.is_file()) {
            return Some(found);
        }
        if folder.join(".git").exists() {
            return None;
        }
    }
    None
}

/// Every owner a CODEOWNERS file names (`@user`, `@org/team`, or an email), in first-seen
/// order without repeats. Comments and patterns are skipped; an owner is a word after the
/// pattern that starts with `@` or holds an `@` inside.
pub(crate) fn parse_codeowners(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.split_once('#').map_or(line, |(before, _)| before);
        for word in line.split_whitespace().skip(1) {
            let is_owner = word.starts_with('@') && word.len() > 1 || word.find('@').is_some_and(|at| at > 0);
            if is_owner && !names.iter().any(|known| known.eq_ignore_ascii_case(word)) {
                names.push(word.to_string());
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codeowners_names_users_teams_and_emails() {
        let text = "# comment @nobody\n*       @dana @acme/sre\n/docs/ docs@acme.example @Dana  # trailing @x\n\n/api/** @acme/api\n";
        assert_eq!(parse_codeowners(text), ["@dana", "@acme/sre", "docs@acme.example", "@acme/api"]);
    }

    #[test]
    fn names_match_ignoring_case_and_the_at_sign() {
        let owners = Owners { names: vec!["@dana".into(), "@acme/sre".into()], source: None };
        assert_eq!(owners.find("Dana"), Some("@dana"));
        assert_eq!(owners.find("@ACME/sre"), Some("@acme/sre"));
        assert_eq!(owners.find("sre"), None);
        assert_eq!(owners.closest("acme/sr"), Some("@acme/sre"));
        // A team named without its organisation is not that team, but it is the guess.
        assert_eq!(owners.find("sre"), None);
        assert_eq!(owners.closest("SRE"), Some("@acme/sre"));
        assert_eq!(owners.origin(), "the `owners` list of .incidents.yml");
        let from_file = Owners { source: Some(PathBuf::from("/repo/.github/CODEOWNERS")), ..owners };
        assert_eq!(from_file.origin(), ".github/CODEOWNERS");
        assert_eq!(from_file.resolve("DANA").ok().as_deref(), Some("@dana"));
        assert!(from_file.resolve("dan").is_err());
    }
}
