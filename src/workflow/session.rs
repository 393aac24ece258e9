//! The view of the repository a writing command works in: the records folder locked
//! (see [`crate::edit::lock`]) and every record loaded after the lock was taken, so ids
//! allocated and records read stay true until the command has written. The lock is
//! released when the session is dropped — before an editor is opened.

use crate::edit::lock::{lock, RecordsLock};
use crate::error::{Error, Result};
use crate::store::Repository;
use crate::Context;

/// A locked, loaded repository. Commands take it apart (`let Session { repo, lock } = …`)
/// so they can drop the lock while still reading the records.
#[derive(Debug)]
pub(crate) struct Session {
    pub(crate) repo: Repository,
    /// `None` when there was no records folder to lock.
    pub(crate) lock: Option<RecordsLock>,
}

impl Session {
    /// Locks the records folder and loads every record. With `create`, a missing records
    /// folder is created first; without it, a missing folder means an empty repository
    /// (nothing to lock, nothing written).
    pub(crate) fn open(ctx: &Context, create: bool) -> Result<Session> {
        let dir = ctx.records_dir();
        if !dir.is_dir() {
            if !create {
                return Ok(Session { repo: ctx.load(), lock: None });
            }
            std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        }
        let held = lock(&dir)?;
        // No other writer is mid-write now: temporary files are leftovers of a killed one.
        crate::edit::atomic::remove_leftovers(&dir);
        Ok(Session { repo: ctx.load(), lock: Some(held) })
    }
}
