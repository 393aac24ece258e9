//! Crash-safe writes: a temporary file in the same folder, flushed to disk, then renamed
//! over the target (replace) or hard-linked to a name that must not exist yet (create).
//! A reader, or a crash at any point, sees the old file or the new one, never a part.
//!
//! A read-only file (no write bit in its mode) is never replaced: a rename would replace
//! it silently, and root, for whom permission bits deny nothing, would not even notice;
//! so the mode bits are checked here rather than left to the operating system.

use crate::error::{Error, Refusal, Result};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Longest piece of the target's name kept in a temporary file's name, in bytes: with
/// the dot, process id, attempt and `.tmp` around it the name stays far below the 255
/// bytes file systems allow, whatever the length of the target's name.
const TEMP_NAME_LEN: usize = 64;

/// Replaces `path` with `bytes` atomically, keeping the file's permissions; refuses a
/// read-only file ([`ensure_writable`]).
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    ensure_writable(path, &path.display().to_string())?;
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
pub(crate) fn create_new(path: &Path, bytes: &[u8]) -> Result<()> {
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

/// Refuses (naming the file as `shown`) when the file at `path` exists and its mode
/// grants no write access (`chmod a-w`, mode 0444): someone marked it as not to be
/// changed, as git and editors respect. Checked on the mode bits, not by trying to
/// write, because a rename replaces a read-only file and root may write anything.
pub(crate) fn ensure_writable(path: &Path, shown: &str) -> Result<()> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.permissions().readonly() => {
            Err(Refusal::ReadOnly { path: shown.to_string() }.into())
        }
        _ => Ok(()),
    }
}

/// The first at most [`TEMP_NAME_LEN`] bytes of `name`, cut at a character boundary.
fn short_name(name: &str) -> &str {
    let mut end = name.len().min(TEMP_NAME_LEN);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}

/// Writes `bytes` to a new uniquely named temporary file beside `path`, named
/// `.<start of the target's name>.<pid>.<attempt>.tmp`.
fn write_temp(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let name = short_name(&name);
    for attempt in 0..100u32 {
        let temp = parent.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        let mut file = match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::io(&temp, e)),
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

/// Whether `name` is one of the temporary files [`write_atomic`] and [`create_new`]
/// write beside their target: `.<target name>.<process id>.<attempt>.tmp`.
pub(crate) fn is_temporary(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".tmp") else { return false };
    let mut parts = stem.rsplitn(3, '.');
    let digits = |part: Option<&str>| part.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    digits(parts.next())
        && digits(parts.next())
        && parts.next().is_some_and(|rest| rest.len() > 1 && rest.starts_with('.'))
}

/// Removes the temporary files a killed writer left under `dir` (links not followed).
/// Call it only while holding the records lock ([`super::lock`]): every writer holds it
/// from its first temporary file to its rename, so any temporary file seen then belongs
/// to a process that died mid-write. Best effort: a file that cannot be removed stays.
pub(crate) fn remove_leftovers(dir: &Path) {
    for entry in walkdir::WalkDir::new(dir).follow_links(false).into_iter().filter_map(|entry| entry.ok()) {
        if entry.file_type().is_file() && entry.file_name().to_str().is_some_and(is_temporary) {
            let _ = fs::remove_file(entry.path());
        }
    }
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

    #[test]
    fn a_failed_rename_leaves_the_target_and_no_temporary_file() {
        // A non-empty folder at the target path: the temporary file is written, then the
        // rename fails, which is the failure between the two steps.
        let temp = tempfile::tempdir().unwrap();
        let target = temp.path().join("a.md");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("inside"), b"kept").unwrap();
        assert!(write_atomic(&target, b"new").is_err());
        assert_eq!(fs::read(target.join("inside")).unwrap(), b"kept");
        let names: Vec<_> = fs::read_dir(temp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["a.md"], "a temporary file was left");
        // Creating over an existing folder fails the same way, also without leftovers.
        assert!(create_new(&target, b"new").is_err());
        let names: Vec<_> = fs::read_dir(temp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["a.md"]);
    }

    #[test]
    fn long_names_get_short_temporary_names_that_are_still_recognised() {
        let temp = tempfile::tempdir().unwrap();
        for name in ["a".repeat(251) + ".md", "é".repeat(125) + ".md", "x.md".to_string()] {
            let path = temp.path().join(&name);
            create_new(&path, b"one").unwrap();
            write_atomic(&path, b"two").unwrap();
            assert_eq!(fs::read(&path).unwrap(), b"two");
            let written = write_temp(&path, b"x").unwrap();
            let temp_name = written.file_name().unwrap().to_str().unwrap().to_string();
            assert!(temp_name.len() <= TEMP_NAME_LEN + 30 && is_temporary(&temp_name), "{temp_name}");
            fs::remove_file(written).unwrap();
        }
    }

    #[cfg(unix)]
    #[test]
    fn read_only_files_are_never_replaced() {
        use std::os::unix::fs::PermissionsExt;
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("a.md");
        fs::write(&path, b"kept").unwrap();
        for mode in [0o444, 0o400, 0o555] {
            fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
            let error = write_atomic(&path, b"new").unwrap_err();
            assert!(error.to_string().contains("is read-only"), "{mode:o}: {error}");
            assert_eq!(fs::read(&path).unwrap(), b"kept");
        }
        for mode in [0o644, 0o200, 0o464] {
            fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
            write_atomic(&path, b"kept").unwrap();
        }
        assert_eq!(fs::read_dir(temp.path()).unwrap().count(), 1, "a temporary file was left");
    }

    #[test]
    fn temporary_names_are_recognised_exactly() {
        let cases = [
            (".INC-1-a.md.4242.0.tmp", true),
            (".a.md.1.17.tmp", true),
            ("..md.1.1.tmp", true),
            ("INC-1-a.md.4242.0.tmp", false),
            (".a.md.x.0.tmp", false),
            (".a.md.1..tmp", false),
            ("..1.0.tmp", false),
            (".notes.tmp", false),
            (".a.md.1.0.tmp.md", false),
        ];
        for (name, expected) in cases {
            assert_eq!(is_temporary(name), expected, "{name}");
        }
    }

    #[test]
    fn leftovers_are_removed_and_nothing_else() {
        let temp = tempfile::tempdir().unwrap();
        fs::create_dir(temp.path().join("2026")).unwrap();
        let keep = ["INC-1.md", ".hidden.md", "2026/INC-2.md", "2026/.notes.tmp"];
        let gone = [".INC-1.md.99999.0.tmp", "2026/.INC-2.md.12.3.tmp"];
        for name in keep.iter().chain(&gone) {
            fs::write(temp.path().join(name), b"x").unwrap();
        }
        remove_leftovers(temp.path());
        for name in keep {
            assert!(temp.path().join(name).exists(), "{name} was removed");
        }
        for name in gone {
            assert!(!temp.path().join(name).exists(), "{name} was left");
        }
    }
}
