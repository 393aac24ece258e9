//! Finding record files: every `*.md` under the records folder, recursively, without
//! following symbolic links, minus files named `README.md` (any case) and the config's
//! ignore globs. Paths are returned relative to the root with `/` separators, sorted.
//! A discovered file without front matter on its first line is still returned: reading
//! reports it as `not-a-record` rather than skipping it.
//!
//! Only regular files are read. Everything else that could hide a record is reported as
//! a problem instead of being skipped silently: a symbolic link named `*.md` or pointing
//! at a folder (its target is never read), a pipe, socket or device named `*.md`
//! (opening one could block forever), a name that is not UTF-8 (it could not be shown
//! or matched faithfully), and a folder that cannot be listed. A folder named `x.md` is
//! an ordinary folder: its files are discovered like any other.

use crate::config::Config;
use rayon::prelude::*;
use std::path::Path;

/// What discovery found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Discovered {
    /// Record candidates, root-relative.
    pub(crate) files: Vec<String>,
    /// Paths that could not be listed or are not regular files, with the reason.
    pub(crate) problems: Vec<(String, String)>,
}

/// Walks `<root>/<config.dir>`. A missing records folder yields nothing (`check` refuses
/// to run on one before it gets here).
pub(crate) fn discover(root: &Path, config: &Config) -> Discovered {
    let mut found = Discovered::default();
    let dir = root.join(&config.dir);
    // The records folder, or a folder of `dir` on the way to it, may not be a link.
    let mut at = root.to_path_buf();
    for component in Path::new(&config.dir).components() {
        at.push(component);
        if std::fs::symlink_metadata(&at).is_ok_and(|meta| meta.file_type().is_symlink()) {
            found.problems.push((
                relative(root, &at),
                "the records folder is reached through this symbolic link, which is not followed: make it a real folder, or point `dir` in .incidents.yml at the folder itself".to_string(),
            ));
            return found;
        }
    }
    if !dir.is_dir() {
        return found;
    }
    let mut found = walk(&dir, &relative(root, &dir), root, config);
    found.problems.sort_unstable();
    found
}

/// Everything under `folder` (shown as `shown`, root-relative): its entries in one pass,
/// then its subfolders in parallel (rayon), so listing a records folder of year folders
/// uses every core. Each file's root-relative path is the folder's plus its name: no
/// path is built and taken apart again per file.
fn walk(folder: &Path, shown_folder: &str, root: &Path, config: &Config) -> Discovered {
    let mut found = Discovered::default();
    let cannot_read = |found: &mut Discovered, path: &Path, error: &std::io::Error| {
        let path = relative(root, path);
        if !config.is_ignored(&path) {
            found.problems.push((
                path,
                format!("cannot be read ({error}): make it readable, or list it under `ignore` in .incidents.yml"),
            ));
        }
    };
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            cannot_read(&mut found, folder, &error);
            return found;
        }
    };
    let mut folders = Vec::new();
    let folder_is_utf8 = is_utf8(folder, root);
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                cannot_read(&mut found, folder, &error);
                continue;
            }
        };
        // Not followed: the type of the entry itself (a link is a link).
        let kind = match entry.file_type() {
            Ok(kind) => kind,
            Err(error) => {
                cannot_read(&mut found, &entry.path(), &error);
                continue;
            }
        };
        let name = entry.file_name();
        if kind.is_dir() {
            folders.push(name);
            continue;
        }
        let bytes = name.as_encoded_bytes();
        let is_markdown = bytes.len() >= 3 && bytes[bytes.len() - 3..].eq_ignore_ascii_case(b".md");
        if !(is_markdown || kind.is_symlink()) || is_readme(&name) {
            continue;
        }
        let links_to_folder = kind.is_symlink() && std::fs::metadata(entry.path()).is_ok_and(|meta| meta.is_dir());
        if !(is_markdown || links_to_folder) {
            continue;
        }
        let shown = join(shown_folder, &name);
        if config.is_ignored(&shown) {
            continue;
        }
        if let Some(problem) = problem(kind, links_to_folder, folder_is_utf8 && name.to_str().is_some()) {
            found.problems.push((shown, problem.to_string()));
        } else {
            found.files.push(shown);
        }
    }
    // Each folder sorts its own files, on whichever core walks it, instead of one sort
    // of every path at the end on one core.
    let (mut nested, ()): (Vec<Discovered>, ()) = rayon::join(
        || folders.par_iter().map(|name| walk(&folder.join(name), &join(shown_folder, name), root, config)).collect(),
        || found.files.sort_unstable(),
    );
    for inner in &mut nested {
        found.problems.append(&mut inner.problems);
    }
    found.files =
        in_path_order(std::mem::take(&mut found.files), nested.into_iter().map(|inner| inner.files).collect());
    found
}

/// A folder's sorted files and its subfolders' files (each subfolder's sorted) in the
/// order of one sort of all their paths: every path under a subfolder starts with the
/// subfolder's path and a `/`, and no file name holds a `/`, so a subfolder's paths sort
/// together and a file sorts before or after all of them as it does against the first.
fn in_path_order(files: Vec<String>, mut subfolders: Vec<Vec<String>>) -> Vec<String> {
    subfolders.retain(|paths| !paths.is_empty());
    if subfolders.is_empty() {
        return files;
    }
    subfolders.sort_unstable_by(|a, b| a[0].cmp(&b[0]));
    let mut ordered = Vec::with_capacity(files.len() + subfolders.iter().map(Vec::len).sum::<usize>());
    let mut files = files.into_iter().peekable();
    for paths in subfolders {
        while let Some(file) = files.next_if(|file| *file < paths[0]) {
            ordered.push(file);
        }
        ordered.extend(paths);
    }
    ordered.extend(files);
    ordered
}

/// Whether a file is named `README.md` in any case: a folder's README is never a record.
fn is_readme(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().eq_ignore_ascii_case(b"readme.md")
}

/// Why a `*.md` entry (or a link to a folder) is not read as a record; `None` for a
/// regular file with a UTF-8 path.
fn problem(kind: std::fs::FileType, links_to_folder: bool, utf8: bool) -> Option<&'static str> {
    if links_to_folder {
        Some("is a symbolic link to a folder; links are not followed, so no record in it is checked: move the records into the records folder, or list the link under `ignore` in .incidents.yml")
    } else if kind.is_symlink() {
        Some("is a symbolic link; records are read only from regular files inside the records folder (links are not followed): replace the link with the file, or list it under `ignore` in .incidents.yml")
    } else if !kind.is_file() {
        Some("is not a regular file (a pipe, socket or device); it is not read: remove it, or list it under `ignore` in .incidents.yml")
    } else if !utf8 {
        Some("the path is not UTF-8, so the file is not read: rename it using UTF-8 characters")
    } else {
        None
    }
}

/// The root-relative path of `name` in the folder shown as `folder` (lossy for a name
/// that is not UTF-8).
fn join(folder: &str, name: &std::ffi::OsStr) -> String {
    let name = name.to_string_lossy();
    let mut joined = String::with_capacity(folder.len() + 1 + name.len());
    if !folder.is_empty() {
        joined.push_str(folder);
        joined.push('/');
    }
    joined.push_str(&name);
    joined
}

/// Whether `folder`'s path below `root` is UTF-8.
fn is_utf8(folder: &Path, root: &Path) -> bool {
    folder.strip_prefix(root).unwrap_or(folder).to_str().is_some()
}

/// `path` relative to `root`, `/`-separated (lossy for names that are not UTF-8).
pub(crate) fn relative(root: &Path, path: &Path) -> String {
    // Fast path: walkdir joins names onto the root, so the root is a byte prefix.
    let (whole, base) = (path.as_os_str().as_encoded_bytes(), root.as_os_str().as_encoded_bytes());
    if let Some(rest) = whole.strip_prefix(base).and_then(|rest| rest.strip_prefix(b"/")) {
        if let Ok(text) = std::str::from_utf8(rest) {
            if std::path::MAIN_SEPARATOR == '/' {
                return text.to_string();
            }
        }
    }
    let inner = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = inner.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_come_in_the_order_of_one_sort_of_their_paths() {
        let root = tempfile::tempdir().unwrap();
        // Names that sort around each other: a folder `b` against files `b.md`, `b-c.md`
        // and `b0.md` (`-` < `.` < `/` < `0`), a folder named like a file, nested folders.
        let folders = ["b", "b-c", "b.c", "b0", "B", "b/b", "b/b-", "b/b.x", "x.md", "x.md/y", "empty", "b/empty"];
        let files = ["b.md", "b-c.md", "b0.md", "B.md", "a.md", "c.md", "b-.md", "b.c.md", "x.md.md"];
        let base = root.path().join("incidents");
        std::fs::create_dir_all(&base).unwrap();
        for folder in folders {
            std::fs::create_dir_all(base.join(folder)).unwrap();
        }
        let mut expected = Vec::new();
        for folder in std::iter::once("").chain(folders) {
            if folder.ends_with("empty") {
                continue;
            }
            for file in files {
                let path = if folder.is_empty() { file.to_string() } else { format!("{folder}/{file}") };
                std::fs::write(base.join(&path), "x").unwrap();
                expected.push(format!("incidents/{path}"));
            }
        }
        expected.sort_unstable();
        let found = discover(root.path(), &Config::default());
        assert!(found.problems.is_empty(), "{:?}", found.problems);
        assert_eq!(found.files, expected);
    }

    #[test]
    fn merging_keeps_a_subfolder_together_around_the_files_of_its_folder() {
        let files = ["p/a.md", "p/b.md", "p/c.md"].map(String::from).to_vec();
        let subfolders = vec![
            vec!["p/c/z.md".to_string()],
            Vec::new(),
            vec!["p/b-/x.md".to_string(), "p/b-/y.md".to_string()],
            vec!["p/0/q.md".to_string()],
        ];
        let mut expected: Vec<String> = files.iter().chain(subfolders.iter().flatten()).cloned().collect();
        expected.sort_unstable();
        assert_eq!(in_path_order(files, subfolders), expected);
    }
}
