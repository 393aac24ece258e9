//! `unknown-change`: an item's `change` that is a commit SHA must name a commit in the
//! repository. One object-database lookup per such item, never a walk of the history,
//! so `check` stays as fast with git as without. Quiet when the root is not in a git
//! work tree or the config says `git: off`; in a shallow clone a missing commit may only
//! be outside the fetched history, so the rule is skipped and one finding says so.

use crate::config::Config;
use crate::diagnostic::{Finding, Rule};
use crate::git::{self, Lookup};
use crate::record::{ItemStatus, Record};
use crate::store::Repository;
use crate::workflow::change::Kind;

/// Looks up every shipped or validated item's commit SHA.
pub(crate) fn check(repo: &Repository, config: &Config, findings: &mut Vec<Finding>) {
    if config.level(Rule::UnknownChange).severity().is_none() {
        return;
    }
    // (file, line, id, sha) of every change that is a commit SHA.
    let mut shas = Vec::new();
    for file in &repo.files {
        let Some(Record::Remediation(item)) = &file.record else { continue };
        if !matches!(item.status.value, Some(ItemStatus::Shipped | ItemStatus::Validated)) {
            continue;
        }
        let Some(change) = item.change.get().map(|text| text.trim()) else { continue };
        if Kind::of(change) == Kind::Commit {
            shas.push((file.path.as_str(), item.change.line(), item.id.get().map(String::as_str), change));
        }
    }
    let Some(&(first_file, first_line, first_id, _)) = shas.first() else { return };
    let Ok(git) = git::open(&repo.root, config) else { return };
    if git.is_shallow() {
        findings.push(Finding::new(
            Rule::UnknownChange,
            first_file,
            first_line,
            first_id,
            "this clone is shallow, so commit SHAs in `change` are not looked up: fetch the whole history (`git fetch --unshallow`; in CI, `actions/checkout` with `fetch-depth: 0`)".to_string(),
        ));
        return;
    }
    for (file, line, id, sha) in shas {
        let problem = match git.lookup(sha) {
            Ok(Lookup::Commit(_)) => continue,
            Ok(Lookup::Missing) => "names no commit in this repository",
            Ok(Lookup::NotACommit) => "names an object that is not a commit",
            Ok(Lookup::Ambiguous) => "is a prefix that several objects share: write more of the SHA",
            Err(error) => {
                findings.push(Finding::new(
                    Rule::UnknownChange,
                    file,
                    line,
                    id,
                    format!("`change: {sha}` could not be looked up ({error})"),
                ));
                continue;
            }
        };
        findings.push(Finding::new(
            Rule::UnknownChange,
            file,
            line,
            id,
            format!(
                "`change: {sha}` {problem}: write the SHA of the commit that shipped the fix, or commit it with a `Remediates: {}` trailer and run `incidents sync --write`",
                id.unwrap_or("<ITEM>")
            ),
        ));
    }
}
