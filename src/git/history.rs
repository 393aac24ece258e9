//! HEAD's history, read once: every commit's id (so a SHA written as `change` can be
//! found in it) and the commits whose `Remediates:` trailers name items, newest first
//! by commit time. One pass over the commits, each decoded once into a reused buffer;
//! this is what `ship` (without `--change`) and `sync` read.

use super::{trailers, GitError, Repo};
use crate::clock::Timestamp;
use chrono::{DateTime, FixedOffset, Offset, Utc};
use gix::prelude::FindExt;

/// A commit whose trailer block names remediation items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shipping {
    /// The full SHA.
    pub(crate) sha: String,
    /// The commit (committer) time, in the committer's offset.
    pub(crate) time: Timestamp,
    /// The item ids its `Remediates:` trailers name.
    pub(crate) items: Vec<String>,
    seconds: i64,
}

/// What HEAD's history holds.
#[derive(Debug, Clone, Default)]
pub(crate) struct History {
    /// Commits with `Remediates:` trailers, newest first.
    pub(crate) shipping: Vec<Shipping>,
    /// Whether the history is cut off by a shallow clone.
    pub(crate) shallow: bool,
    /// How many commits were read.
    pub(crate) commits: usize,
    /// Every commit's SHA, sorted (hex), for prefix lookups.
    ids: Vec<String>,
}

impl History {
    /// The newest commit whose trailer names `item`.
    pub(crate) fn newest_for(&self, item: &str) -> Option<&Shipping> {
        self.shipping.iter().find(|commit| commit.items.iter().any(|id| id == item))
    }

    /// Whether a commit in the history starts with `sha` (7 to 40 hex digits, any case).
    pub(crate) fn contains(&self, sha: &str) -> bool {
        let sha = sha.trim().to_ascii_lowercase();
        let at = self.ids.partition_point(|id| id.as_str() < sha.as_str());
        self.ids.get(at).is_some_and(|id| id.starts_with(&sha))
    }
}

/// Reads HEAD's history. An unborn HEAD (no commit yet) is an empty history.
pub(crate) fn read(repo: &Repo) -> Result<History, GitError> {
    let mut history = History { shallow: repo.is_shallow(), ..History::default() };
    let Ok(head) = repo.inner.head_id() else { return Ok(history) };
    let walk = repo.inner.rev_walk([head.detach()]).all().map_err(|e| GitError::reading("history", e))?;
    let mut buffer = Vec::new();
    for info in walk {
        let info = info.map_err(|e| GitError::reading("history", e))?;
        history.commits += 1;
        history.ids.push(info.id.to_string());
        let commit = repo
            .inner
            .objects
            .find_commit(&info.id, &mut buffer)
            .map_err(|e| GitError::reading(&format!("commit {}", info.id), e))?;
        // Cheap test first: most commits have no such trailer.
        if !contains_key(commit.message) {
            continue;
        }
        let message = String::from_utf8_lossy(commit.message);
        let items = trailers::remediated(&message);
        if items.is_empty() {
            continue;
        }
        let time = commit.committer().ok().and_then(|signature| signature.time().ok()).unwrap_or_default();
        history.shipping.push(Shipping {
            sha: info.id.to_string(),
            time: timestamp(time.seconds, time.offset),
            items,
            seconds: time.seconds,
        });
    }
    history.ids.sort_unstable();
    // Newest first; the walk order breaks ties.
    history.shipping.sort_by_key(|commit| std::cmp::Reverse(commit.seconds));
    Ok(history)
}

/// Whether `message` mentions the trailer key at all (ASCII case-insensitive).
fn contains_key(message: &[u8]) -> bool {
    let key = trailers::KEY.as_bytes();
    message.windows(key.len()).any(|window| window.eq_ignore_ascii_case(key))
}

/// A commit time as a record timestamp, in the committer's offset.
pub(crate) fn timestamp(seconds: i64, offset: i32) -> Timestamp {
    let zone = FixedOffset::east_opt(offset).unwrap_or(Utc.fix());
    let moment = DateTime::from_timestamp(seconds, 0).unwrap_or(DateTime::UNIX_EPOCH);
    Timestamp::DateTime(moment.with_timezone(&zone))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_found_in_the_sorted_ids() {
        let history = History {
            ids: vec!["0abc1234".repeat(5), "3f2a9c1d".repeat(5), "3f2b0000".repeat(5)],
            ..History::default()
        };
        assert!(history.contains("3f2a9c1"));
        assert!(history.contains("3F2A9C1D"));
        assert!(history.contains(&"3f2a9c1d".repeat(5)));
        assert!(!history.contains("3f2a9c2"));
        assert!(!history.contains("ffffffff"));
    }

    #[test]
    fn commit_times_keep_their_offset() {
        assert_eq!(timestamp(1_772_000_000, 3600).to_string(), "2026-02-25T07:13:20+01:00");
        assert_eq!(timestamp(0, 0).to_string(), "1970-01-01T00:00:00Z");
    }
}
