//! Fuzz target: bytes → record files → every rule → every `check` renderer.
//!
//! The input is cut at lines `%%file` into up to eight record files, read as one
//! repository (so cross-record rules such as `duplicate-id` and `broken-reference` run).
//! An input starting with `%%config` uses its first part as `.incidents.yml` text,
//! when that parses. Nothing may panic, and every diagnostic must point at a line of
//! its file.

#![no_main]

use incidents::config::{self, Config};
use incidents::record::parse_file;
use incidents::render::{check_github, check_human, check_json, color::Palette};
use incidents::rules;
use incidents::store::Repository;
use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};

const SEPARATOR: &[u8] = b"\n%%file\n";
const CONFIG: &[u8] = b"%%config\n";

fuzz_target!(|data: &[u8]| {
    let (config, records) = match data.strip_prefix(CONFIG) {
        Some(rest) => {
            let (head, tail) = cut(rest);
            let text = String::from_utf8_lossy(head);
            (config::parse(&text, Path::new(".incidents.yml")).unwrap_or_default(), tail.unwrap_or_default())
        }
        None => (Config::default(), data),
    };
    let mut files: Vec<&[u8]> = Vec::new();
    let mut rest = Some(records);
    while let Some(chunk) = rest {
        if files.len() == 8 {
            break;
        }
        let (head, tail) = cut(chunk);
        files.push(head);
        rest = tail;
    }
    let parsed = files
        .iter()
        .enumerate()
        .filter_map(|(index, bytes)| parse_file(&format!("incidents/f{index}.md"), bytes, &config))
        .collect();
    let repo = Repository { root: PathBuf::from("/nonexistent"), files: parsed };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap_or_default();
    let report = rules::check(&repo, &config, today);
    for diagnostic in &report.diagnostics {
        let lines = files[index_of(&diagnostic.file)].split(|b| *b == b'\n').count();
        assert!(diagnostic.line >= 1 && diagnostic.line <= lines, "{diagnostic:?} past line {lines}");
    }
    let _ = check_json::render(&report);
    let _ = check_github::render(&report);
    let _ = check_human::render(&report, &Palette::new(true), &mut |file, line| {
        let text = String::from_utf8_lossy(files[index_of(file)]).into_owned();
        text.lines().nth(line.checked_sub(1)?).map(str::to_string)
    });
});

/// Splits at the first separator.
fn cut(data: &[u8]) -> (&[u8], Option<&[u8]>) {
    match data.windows(SEPARATOR.len()).position(|window| window == SEPARATOR) {
        Some(at) => (&data[..at], Some(&data[at + SEPARATOR.len()..])),
        None => (data, None),
    }
}

fn index_of(file: &str) -> usize {
    file.trim_start_matches("incidents/f").trim_end_matches(".md").parse().unwrap_or(0)
}
