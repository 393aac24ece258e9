//! The one-way layering of `docs/architecture.md`, checked on the source tree: the core
//! modules never import each other in a circle, and only `cli` (and `lib.rs`) import
//! from `commands/`. An import is any `crate::<module>` path in a file, doc comments
//! included (a doc link is a dependency a reader follows too); code after a file's first
//! `#[cfg(test)]` is left out, as are whole test-only modules declared `#[cfg(test)] mod`.

// Test code may panic on a broken tree: that is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The modules that must form no cycle among themselves (through any path).
const CORE: &[&str] = &["diagnostic", "lifecycle", "text", "yaml", "config", "record", "store", "rules", "analysis"];

/// The layer below everything else: imports nothing from the crate.
const BOTTOM: &[&str] = &["yaml", "lifecycle"];

type Edges = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to (`src/record/parse.rs` → `record`).
fn top_module(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.strip_suffix(".rs").map(str::to_string).unwrap_or(first)
}

/// Files declared as `#[cfg(test)] mod name;` (test-only modules), as paths.
fn test_only_files(files: &[PathBuf]) -> BTreeSet<PathBuf> {
    let mut test_only = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for pair in lines.windows(2) {
            if pair[0].trim() != "#[cfg(test)]" {
                continue;
            }
            let Some(name) = pair[1].trim().strip_prefix("mod ").and_then(|rest| rest.strip_suffix(';')) else {
                continue;
            };
            let dir = if file.file_name().is_some_and(|n| n == "mod.rs" || n == "lib.rs") {
                file.parent().unwrap().to_path_buf()
            } else {
                file.with_extension("")
            };
            test_only.insert(dir.join(format!("{name}.rs")));
            test_only.insert(dir.join(name).join("mod.rs"));
        }
    }
    test_only
}

fn module_exists(src: &Path, name: &str) -> bool {
    src.join(name).is_dir() || src.join(format!("{name}.rs")).is_file()
}

fn imports() -> Edges {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    let test_only = test_only_files(&files);
    let mut edges = Edges::new();
    for file in files.iter().filter(|f| !test_only.contains(*f)) {
        let me = top_module(&src, file);
        if me == "lib" || me == "main" {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
            if !name.is_empty() && name != me && module_exists(&src, &name) {
                let shown = file.strip_prefix(&src).unwrap().display().to_string();
                edges.entry(me.clone()).or_default().entry(name).or_default().insert(shown);
            }
        }
    }
    edges
}

/// A path of imports from `from` to `to`, when there is one.
fn path(edges: &Edges, from: &str, to: &str) -> Option<Vec<String>> {
    let mut seen = BTreeSet::from([from.to_string()]);
    let mut queue = vec![vec![from.to_string()]];
    while let Some(route) = queue.pop() {
        let last = route.last().unwrap();
        for next in edges.get(last).into_iter().flat_map(|targets| targets.keys()) {
            let mut longer = route.clone();
            longer.push(next.clone());
            if next == to {
                return Some(longer);
            }
            if seen.insert(next.clone()) {
                queue.insert(0, longer);
            }
        }
    }
    None
}

#[test]
fn core_modules_import_each_other_in_one_direction_only() {
    let edges = imports();
    let mut cycles = Vec::new();
    for (i, a) in CORE.iter().enumerate() {
        for b in &CORE[i + 1..] {
            if let (Some(there), Some(back)) = (path(&edges, a, b), path(&edges, b, a)) {
                cycles.push(format!("{} / {}", there.join(" → "), back.join(" → ")));
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles among the core modules:\n{}", cycles.join("\n"));
}

#[test]
fn only_cli_imports_commands() {
    let edges = imports();
    let upward: Vec<String> = edges
        .iter()
        .filter(|(module, targets)| module.as_str() != "cli" && targets.contains_key("commands"))
        .map(|(module, targets)| format!("{module} ({:?})", targets["commands"]))
        .collect();
    assert!(upward.is_empty(), "modules importing from commands/ (only cli may): {upward:?}");
}

#[test]
fn the_bottom_layer_imports_nothing_from_the_crate() {
    let edges = imports();
    for module in BOTTOM {
        assert!(edges.get(*module).is_none_or(|t| t.is_empty()), "{module} imports {:?}", edges.get(*module));
    }
}

#[test]
fn the_import_scan_sees_known_edges() {
    // Guards the scan itself: if it stopped seeing imports, the tests above would pass
    // on nothing.
    let edges = imports();
    assert!(edges["record"].contains_key("yaml"), "{:?}", edges.get("record"));
    assert!(edges["rules"].contains_key("diagnostic"));
    assert!(edges["cli"].contains_key("commands"));
}
