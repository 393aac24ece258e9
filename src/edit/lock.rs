//! An exclusive lock on the records folder, held by every command that writes while it
//! reads the record set and writes: two `incidents new` racing in one repository scan
//! the ids one after the other, so they allocate two different ids.
//!
//! On Unix the folder itself is locked (`flock`), so nothing is left behind. Elsewhere a
//! file `.incidents.lock` in the folder is locked; it holds nothing and is not a record.
//! The lock is released when the [`RecordsLock`] is dropped (or the process ends).

use crate::error::{Error, Result};
use std::fs::File;
use std::path::Path;

/// A held lock on a records folder.
#[derive(Debug)]
pub(crate) struct RecordsLock {
    _file: File,
}

/// Blocks until this process holds the lock on `dir` (which must exist).
pub(crate) fn lock(dir: &Path) -> Result<RecordsLock> {
    let file = open(dir)?;
    file.lock().map_err(|e| Error::io(dir, e))?;
    Ok(RecordsLock { _file: file })
}

#[cfg(unix)]
fn open(dir: &Path) -> Result<File> {
    File::open(dir).map_err(|e| Error::io(dir, e))
}

#[cfg(not(unix))]
fn open(dir: &Path) -> Result<File> {
    let path = dir.join(".incidents.lock");
    std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_for_the_first() {
        let temp = tempfile::tempdir().unwrap();
        let held = lock(temp.path()).unwrap();
        let other = open(temp.path()).unwrap();
        assert!(matches!(other.try_lock(), Err(std::fs::TryLockError::WouldBlock)));
        drop(held);
        assert!(other.try_lock().is_ok());
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let temp = tempfile::tempdir().unwrap();
        assert!(matches!(lock(&temp.path().join("missing")), Err(Error::Io { .. })));
    }
}
