//! Reading the repository's own settings files (`.incidents.yml`, template overrides)
//! with the same care as records: only a regular file is opened — never a symbolic
//! link (which git can commit pointing anywhere), a pipe that would block, or a device
//! that never ends — and never more than a size cap. A file below the root is read only
//! when no folder between the root and it is a link either ([`read_below`]).

use std::io::{self, Read};
use std::path::Path;

/// The whole content of the regular file at `path`, refusing anything else and files
/// over `max_bytes` (`InvalidInput`, with a message saying what to do). `NotFound` is
/// passed through so callers can fall back to defaults.
pub(crate) fn read(path: &Path, max_bytes: u64) -> io::Result<Vec<u8>> {
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

/// Like [`read`] for `root/relative`, also refusing when a folder between `root` and
/// the file is a symbolic link: `.incidents/templates -> /elsewhere` would otherwise
/// carry settings in from outside the repository.
pub(crate) fn read_below(root: &Path, relative: &Path, max_bytes: u64) -> io::Result<Vec<u8>> {
    let mut at = root.to_path_buf();
    for folder in relative.parent().into_iter().flat_map(Path::components) {
        at.push(folder);
        if std::fs::symlink_metadata(&at)?.file_type().is_symlink() {
            return Err(refused(&format!(
                "is inside `{}`, a symbolic link: settings are read only from real folders of the repository; replace the link with the folder",
                at.strip_prefix(root).unwrap_or(&at).display()
            )));
        }
    }
    read(&root.join(relative), max_bytes)
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

    #[cfg(unix)]
    #[test]
    fn reads_below_the_root_only_through_real_folders() {
        let root = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("t.md"), "x").unwrap();
        std::fs::create_dir_all(root.path().join("a/b")).unwrap();
        std::fs::write(root.path().join("a/b/t.md"), "inside").unwrap();
        assert_eq!(read_below(root.path(), Path::new("a/b/t.md"), 64).unwrap(), b"inside");
        assert_eq!(read_below(root.path(), Path::new("x/b/t.md"), 64).unwrap_err().kind(), io::ErrorKind::NotFound);
        // A link at every depth: the first folder, the last one.
        std::os::unix::fs::symlink(outside.path(), root.path().join("l")).unwrap();
        std::os::unix::fs::symlink(outside.path(), root.path().join("a/l")).unwrap();
        for relative in ["l/t.md", "a/l/t.md"] {
            let error = read_below(root.path(), Path::new(relative), 64).unwrap_err();
            assert!(error.to_string().contains("a symbolic link"), "{relative}: {error}");
        }
    }
}
