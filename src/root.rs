//! Finding the repository root: `--root`, else the nearest ancestor holding
//! `.incidents.yml`, else the git work-tree root (an ancestor with `.git`), else the
//! working directory. Git itself is never run.

use crate::config::CONFIG_FILE;
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// How the root was found, for `incidents config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RootSource {
    Flag,
    ConfigFile,
    GitWorkTree,
    WorkingDirectory,
}

impl RootSource {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            RootSource::Flag => "given with --root",
            RootSource::ConfigFile => "nearest folder with .incidents.yml",
            RootSource::GitWorkTree => "git work-tree root",
            RootSource::WorkingDirectory => "working directory",
        }
    }
}

/// Resolves the root from the `--root` flag and the working directory.
pub(crate) fn resolve(flag: Option<&Path>, cwd: &Path) -> Result<(PathBuf, RootSource)> {
    if let Some(given) = flag {
        let path = if given.is_absolute() { given.to_path_buf() } else { cwd.join(given) };
        let meta =
            std::fs::metadata(&path).map_err(|e| Error::Root { path: given.to_path_buf(), reason: e.to_string() })?;
        if !meta.is_dir() {
            return Err(Error::Root { path: given.to_path_buf(), reason: "not a folder".to_string() });
        }
        std::fs::read_dir(&path).map_err(|e| Error::Root { path: given.to_path_buf(), reason: e.to_string() })?;
        return Ok((path, RootSource::Flag));
    }
    if let Some(found) = cwd.ancestors().find(|dir| dir.join(CONFIG_FILE).is_file()) {
        return Ok((found.to_path_buf(), RootSource::ConfigFile));
    }
    if let Some(found) = cwd.ancestors().find(|dir| dir.join(".git").exists()) {
        return Ok((found.to_path_buf(), RootSource::GitWorkTree));
    }
    Ok((cwd.to_path_buf(), RootSource::WorkingDirectory))
}

/// Removes `.` and resolves `..` lexically (symlinks are not consulted).
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_the_nearest_config_then_git() {
        let temp = tempfile::tempdir().unwrap();
        let top = temp.path();
        std::fs::create_dir_all(top.join(".git")).unwrap();
        std::fs::create_dir_all(top.join("a/b/c")).unwrap();
        std::fs::write(top.join("a/.incidents.yml"), "").unwrap();
        assert_eq!(resolve(None, &top.join("a/b/c")).unwrap(), (top.join("a"), RootSource::ConfigFile));
        std::fs::remove_file(top.join("a/.incidents.yml")).unwrap();
        assert_eq!(resolve(None, &top.join("a/b/c")).unwrap(), (top.to_path_buf(), RootSource::GitWorkTree));
    }

    #[test]
    fn a_missing_root_is_an_error() {
        let temp = tempfile::tempdir().unwrap();
        assert!(matches!(resolve(Some(Path::new("nope")), temp.path()), Err(Error::Root { .. })));
    }
}
