//! Reading the repository's git history in-process, with gitoxide (`gix`): no `git`
//! process is ever spawned for reading. Three parts:
//! - [`trailers`]: pure parsing of `Remediates:` trailers in commit messages;
//! - [`history`]: the walk of HEAD's history (newest first) that `ship` and `sync` use,
//!   and whether the clone is shallow;
//! - [`Repo::lookup`]: whether a SHA names a commit, without any walk (`unknown-change`
//!   runs it from `check`);
//! - [`Repo::is_dirty`]: whether tracked files differ from HEAD (`validate --run`'s
//!   evidence), with gix's status machinery.
//!
//! [`open`] finds the work tree that holds the root, or says why there is none (the
//! config says `git: off`, or the root is not in a git work tree): every caller then
//! keeps the behaviour it has without git.

pub(crate) mod history;
pub(crate) mod trailers;

use crate::config::{Config, GitMode};
use std::fmt;
use std::path::Path;

/// A failure reading git data (a corrupt object, an unreadable pack), with what was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GitError(pub(crate) String);

impl fmt::Display for GitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GitError {}

impl GitError {
    pub(crate) fn reading(what: &str, error: impl fmt::Display) -> Self {
        GitError(format!("cannot read git {what}: {error}"))
    }
}

impl From<GitError> for crate::Error {
    fn from(error: GitError) -> Self {
        crate::refusal::Refusal::GitUnreadable { error: error.0 }.into()
    }
}

/// Why there is no git repository to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Absent {
    /// `git: off` in the config.
    Off,
    /// The root is not inside a git work tree (or the repository is bare).
    NotAWorkTree,
}

/// The git repository whose work tree holds the root.
pub(crate) struct Repo {
    pub(crate) inner: gix::Repository,
}

/// What a commit SHA (a full one or a 7+ digit prefix) names in the object database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Lookup {
    /// Exactly one commit: its full SHA.
    Commit(String),
    /// An object that is not a commit (a tree, a blob, a tag).
    NotACommit,
    /// A prefix that several objects share.
    Ambiguous,
    /// No object.
    Missing,
}

/// Opens the repository whose work tree holds `root`, unless the config turns git off.
pub(crate) fn open(root: &Path, config: &Config) -> Result<Repo, Absent> {
    if config.git == GitMode::Off {
        return Err(Absent::Off);
    }
    let inner = gix::discover(root).map_err(|_| Absent::NotAWorkTree)?;
    if inner.workdir().is_none() {
        return Err(Absent::NotAWorkTree);
    }
    Ok(Repo { inner })
}

impl Repo {
    /// Whether the repository is a shallow clone (history is cut off).
    pub(crate) fn is_shallow(&self) -> bool {
        self.inner.is_shallow().unwrap_or(false)
    }

    /// HEAD's commit SHA, or `None` while HEAD is unborn (no commit yet).
    pub(crate) fn head(&self) -> Option<String> {
        self.inner.head_id().ok().map(|id| id.detach().to_string())
    }

    /// Whether tracked files differ from HEAD: staged or unstaged changes to files git
    /// tracks (untracked files do not count, as with `git describe --dirty`).
    pub(crate) fn is_dirty(&self) -> Result<bool, GitError> {
        self.inner.is_dirty().map_err(|e| GitError::reading("the work tree's status", e))
    }

    /// What `sha` (7 to 40 hex digits) names, by a lookup in the object database only.
    pub(crate) fn lookup(&self, sha: &str) -> Result<Lookup, GitError> {
        let sha = sha.trim().to_ascii_lowercase();
        let prefix = gix::hash::Prefix::from_hex(&sha).map_err(|e| GitError::reading("a commit SHA", e))?;
        let id = match self.inner.objects.lookup_prefix(prefix, None) {
            Ok(None) => return Ok(Lookup::Missing),
            Ok(Some(Err(()))) => return Ok(Lookup::Ambiguous),
            Ok(Some(Ok(id))) => id,
            Err(error) => return Err(GitError::reading("objects", error)),
        };
        let header = self.inner.find_header(id).map_err(|e| GitError::reading("objects", e))?;
        Ok(if header.kind() == gix::object::Kind::Commit { Lookup::Commit(id.to_string()) } else { Lookup::NotACommit })
    }
}
