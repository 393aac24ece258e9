//! Record files on disk: creating a new one (refusing to clobber), and patching one —
//! read its current bytes, apply [`super::apply`], and return the new text for the
//! caller to write with [`super::write_atomic`], so a command that changes two files
//! computes both before writing either.

use super::{apply, create_new, Edit};
use crate::error::{Error, Refusal, Result};
use crate::refusal::Escape;
use std::path::Path;

/// The text of the file at `path` with `edits` applied. `shown` names the file in
/// refusals (root-relative). A read-only file is refused here, before any file of the
/// command is written.
pub(crate) fn patched(path: &Path, shown: &str, edits: &[Edit<'_>]) -> Result<String> {
    super::atomic::ensure_writable(path, shown)?;
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|_| Refusal::NotUtf8 { path: shown.to_string() })?;
    apply(&text, edits).map_err(|e| {
        let reason_says_nothing_written = e.says_nothing_was_written();
        Refusal::CannotEdit { path: shown.to_string(), reason: e.to_string(), reason_says_nothing_written }.into()
    })
}

/// Refuses unless `path` lies inside `records` (itself inside `root`) with no symbolic
/// link on the way: not the records folder, not a folder below it, not a folder of
/// `records` under the root. A link committed as `incidents/2026 -> /etc` would
/// otherwise carry a new record out of the repository. `shown` names the file.
pub(crate) fn confined(root: &Path, records: &Path, path: &Path, shown: &str) -> Result<()> {
    let refuse = |why: Escape| Err(Refusal::Outside { path: shown.to_string(), why }.into());
    let (Ok(below_root), Ok(below_records)) = (records.strip_prefix(root), path.strip_prefix(records)) else {
        return refuse(Escape::NotInside);
    };
    let normal = |p: &Path| p.components().all(|c| matches!(c, std::path::Component::Normal(_)));
    if !normal(below_root) || !normal(below_records) || below_records.as_os_str().is_empty() {
        return refuse(Escape::Leaves);
    }
    let mut at = root.to_path_buf();
    let folders = below_root.components().chain(below_records.parent().into_iter().flat_map(Path::components));
    for component in folders {
        at.push(component);
        if std::fs::symlink_metadata(&at).is_ok_and(|meta| meta.file_type().is_symlink()) {
            return refuse(Escape::Link { link: at.display().to_string() });
        }
    }
    Ok(())
}

/// Creates `path` with `text`; refuses (naming it as `shown`) when the file exists.
pub(crate) fn create(path: &Path, shown: &str, text: &str) -> Result<()> {
    match create_new(path, text.as_bytes()) {
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Refusal::Exists { path: shown.to_string() }.into())
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_inside_the_records_folder_without_links_pass() {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path();
        let records = root.join("incidents");
        std::fs::create_dir_all(records.join("2025")).unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), records.join("2026")).unwrap();
        let cases = [
            (records.join("2025/INC-1-a.md"), true),
            (records.join("2027/INC-1-a.md"), true), // a folder still to be created
            (records.join("INC-1-a.md"), true),
            (records.join("2026/INC-1-a.md"), false),
            (records.join("../INC-1-a.md"), false),
            (records.join("2025/../../x.md"), false),
            (root.join("x.md"), false),
            (records.clone(), false),
            (outside.path().join("x.md"), false),
        ];
        for (path, allowed) in cases {
            let result = confined(root, &records, &path, "x");
            assert_eq!(result.is_ok(), allowed, "{}: {result:?}", path.display());
        }
        let linked = root.join("linked");
        std::os::unix::fs::symlink(outside.path(), &linked).unwrap();
        assert!(confined(root, &linked, &linked.join("x.md"), "x").is_err(), "a linked records folder");
    }
}
