//! Reading the repository's own settings files (`.incidents.yml`, template overrides)
//! with the same care as records: only a regular file is opened — never a symbolic
//! link (which git can commit pointing anywhere), a pipe that would block, or a device
//! that never ends — and never more than a size cap.

use std::io::{self, Read};
use std::path::Path;

/// The whole content of the regular file at `path`, refusing anything else and files
/// over `max_bytes` (`InvalidInput`, with a message saying what to do). `NotFound` is
/// passed through so callers can fall back to defaults.
pub fn read(path: &Path, max_bytes: u64) -> io::Result<Vec<u8>> {
    let meta = std::fs::symlink_metadata(path)?;
    if meta.file_type().is_symlink() {
        return Err(refused(
            "is a symbolic link: settings are read only from a regular file; replace the link with the file",
        ));
    }
    if !meta.is_file() {
        return Err(refused("is not a regular file (a folder, pipe or device): replace it with a file"));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(max_bytes + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(refused(&format!("is larger than {} KiB: settings files are small; shorten it", max_bytes / 1024)));
    }
    Ok(bytes)
}

fn refused(reason: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, reason.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_small_regular_files() {
        let temp = tempfile::tempdir().unwrap();
        let file = temp.path().join("a.yml");
        std::fs::write(&file, "dir: x\n").unwrap();
        assert_eq!(read(&file, 1024).unwrap(), b"dir: x\n");
        assert!(read(&file, 3).unwrap_err().to_string().contains("larger than"));
        assert!(read(temp.path(), 1024).unwrap_err().to_string().contains("not a regular file"));
        assert_eq!(read(&temp.path().join("missing"), 1024).unwrap_err().kind(), io::ErrorKind::NotFound);
        #[cfg(unix)]
        {
            let link = temp.path().join("link.yml");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            assert!(read(&link, 1024).unwrap_err().to_string().contains("symbolic link"));
        }
    }
}
