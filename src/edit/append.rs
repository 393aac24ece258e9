//! Appending to a file another program owns, such as the job summary file GitHub
//! Actions names in `GITHUB_STEP_SUMMARY`: earlier steps' text must stay, so the file is
//! opened for appending (and created when missing) rather than replaced.

use crate::error::{Error, Result};
use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;

/// Appends `text` to `path` in one write, creating the file when it does not exist.
pub fn append(path: &Path, text: &str) -> Result<()> {
    let mut file = OpenOptions::new().append(true).create(true).open(path).map_err(|e| Error::io(path, e))?;
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
}
