//! Paths for the formats a code host resolves against the repository (`github`, `sarif`,
//! `gitlab`): when the records' root is a subfolder of the git work tree (a monorepo
//! with `.incidents.yml` in `services/payments/`), GitHub and GitLab only attach a
//! finding to its file when the path is relative to the work tree, so those formats
//! prefix the root's place in it. Other formats keep root-relative paths.

use crate::diagnostic::Report;
use std::path::Path;

/// The root's path below the nearest ancestor holding `.git` (with `/` separators), or
/// `None` when the root is the work tree's top or in no work tree.
pub(crate) fn prefix(root: &Path) -> Option<String> {
    let root = crate::root::normalize(root);
    let top = root.ancestors().find(|dir| dir.join(".git").exists())?;
    let below = root.strip_prefix(top).ok()?;
    let parts: Vec<String> = below.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// Rewrites every diagnostic's file to be relative to the work tree.
pub(crate) fn relocate(report: &mut Report, root: &Path) {
    if let Some(prefix) = prefix(root) {
        for diagnostic in &mut report.diagnostics {
            diagnostic.file = format!("{prefix}/{}", diagnostic.file);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefix_is_the_root_below_the_work_tree() {
        let temp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(temp.path().join(".git")).unwrap();
        let root = temp.path().join("services/payments");
        std::fs::create_dir_all(&root).unwrap();
        assert_eq!(prefix(&root).as_deref(), Some("services/payments"));
        assert_eq!(prefix(temp.path()), None);
    }
}
