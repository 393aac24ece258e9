//! Opening record files for reading, relative to their folder.
//!
//! Opening `root/incidents/2026/INC-42.md` by its whole path makes the kernel look up
//! every folder on the way for every file: at 40,000 files that walk was a fifth of the
//! time `open` took, and `open` a fifth of `check`'s. Each worker keeps its last folder
//! open instead and opens the file by its name in that folder (`openat`); files come in
//! folder order, so a worker opens a folder about once per run of files it reads there.
//! A folder is reused only within one load ([`Load`]): a second load, of another root
//! or after a folder was replaced, opens its folders afresh.
//! Links are not followed (`O_NOFOLLOW`): discovery reports them and never reads them,
//! and a file swapped for a link after discovery is not read through it either.
//!
//! On the local file systems Linux ships (ext2/3/4, XFS, Btrfs, tmpfs, and overlayfs
//! over them, as in containers), reading a regular file returns fewer bytes than asked
//! only at its end, so the reader stops there instead of asking once more for the zero
//! bytes that say so: one system call fewer per record. The folder's file system is
//! asked once per folder a worker opens (`fstatfs`); on any other (NFS, FUSE, SMB …)
//! the reader reads until a read returns nothing.

use std::fs::File;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// One load of a root's records: the files it opens share their folders' descriptors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Load(u64);

impl Load {
    /// A load no earlier one shares folders with.
    pub(super) fn start() -> Load {
        static LOADS: AtomicU64 = AtomicU64::new(0);
        Load(LOADS.fetch_add(1, Ordering::Relaxed))
    }
}

/// A record file opened for reading.
pub(super) struct Opened {
    pub(super) file: File,
    /// Whether a read that returns fewer bytes than asked has reached the end of the
    /// file (its file system is one of [`ENDS_SHORT`]).
    pub(super) short_read_ends: bool,
}

/// Opens `relative` (root-relative, `/`-separated) under `root` for reading.
pub(super) fn open(load: Load, root: &Path, relative: &str) -> std::io::Result<Opened> {
    #[cfg(unix)]
    {
        // `memrchr` is vectorised; `rsplit_once` searches byte by byte.
        let (folder, name) = match memchr::memrchr(b'/', relative.as_bytes()) {
            Some(slash) => (&relative[..slash], &relative[slash + 1..]),
            None => ("", relative),
        };
        in_folder(load, root, folder, name)
    }
    #[cfg(not(unix))]
    {
        let _ = load;
        Ok(Opened { file: File::open(root.join(relative))?, short_read_ends: false })
    }
}

/// Linux file systems (their `statfs` magic numbers) whose regular files return a short read
/// only at their end: ext2/3/4, XFS, Btrfs, tmpfs and overlayfs.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
const ENDS_SHORT: [u32; 5] = [0xEF53, 0x5846_5342, 0x9123_683E, 0x0102_1994, 0x794C_7630];

/// Whether a file system of type `magic` is one of [`ENDS_SHORT`].
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn ends_short(magic: i64) -> bool {
    u32::try_from(magic).is_ok_and(|magic| ENDS_SHORT.contains(&magic))
}

#[cfg(unix)]
fn in_folder(load: Load, root: &Path, folder: &str, name: &str) -> std::io::Result<Opened> {
    use rustix::fs::{Mode, OFlags};
    use std::cell::RefCell;
    use std::os::fd::OwnedFd;
    thread_local! {
        /// The folder this worker opened last: its load, root-relative path, descriptor,
        /// and whether its file system ends reads short only at the end of a file.
        static FOLDER: RefCell<Option<(Load, String, OwnedFd, bool)>> = const { RefCell::new(None) };
    }
    FOLDER.with(|cached| {
        let mut cached = cached.borrow_mut();
        let (open_folder, descriptor, short_read_ends) = match cached.take() {
            Some((opened_by, open_folder, descriptor, short)) if opened_by == load && open_folder == folder => {
                (open_folder, descriptor, short)
            }
            _ => {
                let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
                let descriptor = rustix::fs::open(root.join(folder), flags, Mode::empty())?;
                // The type's width differs between architectures (`i64` here).
                #[cfg(target_os = "linux")]
                #[allow(clippy::useless_conversion)]
                let short = rustix::fs::fstatfs(&descriptor).is_ok_and(|system| ends_short(system.f_type.into()));
                #[cfg(not(target_os = "linux"))]
                let short = false;
                (folder.to_string(), descriptor, short)
            }
        };
        let file =
            rustix::fs::openat(&descriptor, name, OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC, Mode::empty());
        *cached = Some((load, open_folder, descriptor, short_read_ends));
        Ok(Opened { file: File::from(file?), short_read_ends })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_read_in_nested_folders_and_at_the_root() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("a/b")).unwrap();
        std::fs::write(root.path().join("a/b/one.md"), "one").unwrap();
        std::fs::write(root.path().join("a/two.md"), "two").unwrap();
        std::fs::write(root.path().join("top.md"), "top").unwrap();
        let load = Load::start();
        for (relative, text) in [("a/b/one.md", "one"), ("a/two.md", "two"), ("a/b/one.md", "one"), ("top.md", "top")] {
            let read = std::io::read_to_string(open(load, root.path(), relative).unwrap().file).unwrap();
            assert_eq!(read, text, "{relative}");
        }
    }

    #[test]
    fn a_missing_file_or_folder_is_not_found() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("a")).unwrap();
        for relative in ["a/gone.md", "nowhere/gone.md"] {
            let Err(error) = open(Load::start(), root.path(), relative) else { panic!("{relative} opened") };
            assert_eq!(error.kind(), std::io::ErrorKind::NotFound, "{relative}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_file_swapped_for_a_link_is_not_read_through_it() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("target.md"), "secret").unwrap();
        std::os::unix::fs::symlink(root.path().join("target.md"), root.path().join("link.md")).unwrap();
        assert!(open(Load::start(), root.path(), "link.md").is_err());
    }

    #[test]
    fn a_second_load_of_another_root_does_not_reuse_the_first_ones_folders() {
        let (first, second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        for (root, text) in [(&first, "first"), (&second, "second")] {
            std::fs::create_dir(root.path().join("a")).unwrap();
            std::fs::write(root.path().join("a/same.md"), text).unwrap();
        }
        for (root, text) in [(&first, "first"), (&second, "second"), (&first, "first")] {
            let read = std::io::read_to_string(open(Load::start(), root.path(), "a/same.md").unwrap().file).unwrap();
            assert_eq!(read, text);
        }
    }

    #[test]
    fn a_folder_replaced_between_loads_is_opened_again() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("a")).unwrap();
        std::fs::write(root.path().join("a/one.md"), "old").unwrap();
        let read = std::io::read_to_string(open(Load::start(), root.path(), "a/one.md").unwrap().file).unwrap();
        assert_eq!(read, "old");
        std::fs::rename(root.path().join("a"), root.path().join("gone")).unwrap();
        std::fs::create_dir(root.path().join("a")).unwrap();
        std::fs::write(root.path().join("a/one.md"), "new").unwrap();
        let read = std::io::read_to_string(open(Load::start(), root.path(), "a/one.md").unwrap().file).unwrap();
        assert_eq!(read, "new");
    }

    #[test]
    fn only_local_file_systems_end_reads_short() {
        // ext4, XFS, Btrfs, tmpfs, overlayfs; then NFS, FUSE, SMB2 and an unknown type.
        for magic in [0xEF53, 0x5846_5342, 0x9123_683E, 0x0102_1994, 0x794C_7630] {
            assert!(ends_short(magic), "{magic:#x}");
        }
        for magic in [0x6969, 0x6573_5546, 0xFE53_4D42, 0, -1] {
            assert!(!ends_short(magic), "{magic:#x}");
        }
    }
}
