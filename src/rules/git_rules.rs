//! `unknown-change`: an item's `change` that is a commit SHA must name a commit in the
//! repository. One object-database lookup per such item, never a walk of the history,
//! so `check` stays as fast with git as without. Quiet when the root is not in a git
//! work tree or the config says `git: off`; in a shallow clone a missing commit may only
//! be outside the fetched history, so the rule is skipped and one finding says so.

use crate::config::Config;
use crate::diagnostic::{Finding, Rule};
use crate::git::{self, Lookup};
use crate::record::{ItemStatus, ParsedFile, Record};
use crate::workflow::change::Kind;
use std::path::Path;

/// A shipped or validated item's `change` that is a commit SHA, with where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CommitChange {
    file: String,
    line: usize,
    id: Option<String>,
    sha: String,
}

/// The commit SHA `file`'s item names as its `change`, when the rule is on. Read by the
/// per-file pass while the record is in the cache of the core that parsed it, so the
/// rule costs no second pass over every record (most changes are URLs).
pub(crate) fn commit_change(file: &ParsedFile, config: &Config) -> Option<Box<CommitChange>> {
    let Some(Record::Remediation(item)) = &file.record else { return None };
    if !matches!(item.status.value, Some(ItemStatus::Shipped | ItemStatus::Validated)) {
        return None;
    }
    let change = item.change.get().map(|text| text.trim())?;
    if Kind::of(change) != Kind::Commit || config.level(Rule::UnknownChange).severity().is_none() {
        return None;
    }
    Some(Box::new(CommitChange {
        file: file.path.clone(),
        line: item.change.line(),
        id: item.id.get().cloned(),
        sha: change.to_string(),
    }))
}

/// Looks up every commit SHA the per-file pass found ([`commit_change`], in file order)
/// in the git repository of `root`.
pub(crate) fn check(root: &Path, config: &Config, changes: &[Box<CommitChange>], findings: &mut Vec<Finding>) {
    let Some(first) = changes.first() else { return };
    let (first_file, first_line, first_id) = (&first.file, first.line, first.id.as_deref());
    let Ok(git) = git::open(root, config) else { return };
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
    for change in changes {
        let CommitChange { file, line, id, sha } = &**change;
        let (file, line, id, sha) = (file.as_str(), *line, id.as_deref(), sha.as_str());
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
