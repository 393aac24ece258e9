//! Appending to a file another program owns, such as the job summary file GitHub
//! Actions names in `GITHUB_STEP_SUMMARY`: earlier steps' text must stay, so the file is
//! opened for appending (and created when missing) rather than replaced. What is
//! appended may depend on what the file already holds ([`Fitting`]): the job summary
//! must keep the whole file under GitHub's limit.

use crate::error::{Error, Result};
use std::borrow::Cow;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;

/// Text to append that may shorten itself to the room a file has left.
pub(crate) trait Fitting {
    /// The text to append to a file that already holds `existing` bytes.
    fn after(&self, existing: u64) -> Cow<'_, str>;
}

impl Fitting for str {
    fn after(&self, _existing: u64) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

/// Appends `text` to `path` in one write, creating the file when it does not exist. The
/// size is read from the opened file, just before the write.
pub(crate) fn append<T: Fitting + ?Sized>(path: &Path, text: &T) -> Result<()> {
    let mut file = OpenOptions::new().append(true).create(true).open(path).map_err(|e| Error::io(path, e))?;
    let existing = file.metadata().map_err(|e| Error::io(path, e))?.len();
    let text = text.after(existing);
    file.write_all(text.as_bytes()).and_then(|()| file.flush()).map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_was_there() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("summary.md");
        append(&path, "first\n").unwrap();
        append(&path, "second\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first\nsecond\n");
        assert!(append(&temp.path().join("missing/summary.md"), "x").is_err());
    }

    /// Text that says how much the file held.
    struct Sized;

    impl Fitting for Sized {
        fn after(&self, existing: u64) -> Cow<'_, str> {
            Cow::Owned(format!("[{existing}]"))
        }
    }

    #[test]
    fn the_text_learns_what_the_file_already_holds() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("summary.md");
        append(&path, &Sized).unwrap();
        append(&path, "12345").unwrap();
        append(&path, &Sized).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "[0]12345[8]");
    }
}
