//! Crash-safe writes: a temporary file in the same folder, flushed to disk, then renamed
//! over the target (replace) or hard-linked to a name that must not exist yet (create).
//! A reader, or a crash at any point, sees the old file or the new one, never a part.

use crate::error::{Error, Result};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Replaces `path` with `bytes` atomically, keeping the file's permissions.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let permissions = fs::metadata(path).ok().map(|meta| meta.permissions());
    let temp = write_temp(path, bytes)?;
    if let Some(permissions) = permissions {
        let _ = fs::set_permissions(&temp, permissions);
    }
    fs::rename(&temp, path).map_err(|e| {
        let _ = fs::remove_file(&temp);
        Error::io(path, e)
    })?;
    sync_parent(path);
    Ok(())
}

/// Creates `path` with `bytes`, refusing (`AlreadyExists`) when it exists. The content
/// appears all at once: it is written to a temporary file first, then linked into place.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let temp = write_temp(path, bytes)?;
    let linked = fs::hard_link(&temp, path);
    let _ = fs::remove_file(&temp);
    match linked {
        Ok(()) => {
            sync_parent(path);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::io(path, e)),
        Err(_) => {
            // No hard links on this file system: fall back to create-new semantics.
            let mut file =
                OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| Error::io(path, e))?;
            file.write_all(bytes).and_then(|()| file.sync_all()).map_err(|e| {
                let _ = fs::remove_file(path);
                Error::io(path, e)
            })
        }
    }
}

/// Writes `bytes` to a new uniquely named temporary file beside `path`.
fn write_temp(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    for attempt in 0..100u32 {
        let temp = parent.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        let mut file = match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::io(path, e)),
        };
        let written = file.write_all(bytes).and_then(|()| file.sync_all());
        drop(file);
        return match written {
            Ok(()) => Ok(temp),
            Err(e) => {
                let _ = fs::remove_file(&temp);
                Err(Error::io(path, e))
            }
        };
    }
    Err(Error::io(path, std::io::Error::new(std::io::ErrorKind::AlreadyExists, "no free temporary file name")))
}

/// Flushes the folder entry so the rename survives a power cut (best effort).
fn sync_parent(path: &Path) {
    if let Some(parent) = path.parent() {
        if let Ok(dir) = File::open(parent) {
            let _ = dir.sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_creates_without_leftovers() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("a.md");
        create_new(&path, b"one").unwrap();
        assert!(create_new(&path, b"two").is_err());
        assert_eq!(fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"three").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"three");
        let names: Vec<_> = fs::read_dir(temp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }
}
