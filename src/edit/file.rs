//! Record files on disk: creating a new one (refusing to clobber), and patching one —
//! read its current bytes, apply [`super::apply`], and return the new text for the
//! caller to write with [`super::write_atomic`], so a command that changes two files
//! computes both before writing either.

use super::{apply, create_new, Edit};
use crate::error::{Error, Result};
use std::path::Path;

/// The text of the file at `path` with `edits` applied. `shown` names the file in
/// refusals (root-relative).
pub fn patched(path: &Path, shown: &str, edits: &[Edit<'_>]) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::Refused(format!("{shown} is not UTF-8: save it as UTF-8 first; nothing was written")))?;
    apply(&text, edits).map_err(|e| Error::Refused(format!("cannot edit {shown}: {e}; nothing was written")))
}

/// Creates `path` with `text`; refuses (naming it as `shown`) when the file exists.
pub fn create(path: &Path, shown: &str, text: &str) -> Result<()> {
    match create_new(path, text.as_bytes()) {
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::Refused(
            format!("{shown} already exists: move it away, or pass another id or title; nothing was written"),
        )),
        other => other,
    }
}
