//! Property tests: reading arbitrary bytes as record files, then running every rule and
//! every `check` renderer over what was read, never panics, and every diagnostic points
//! at a line the file has. Inputs are raw bytes, arbitrary text, and text assembled from
//! YAML and record fragments so that most cases get past the splitter and the parser
//! into the typed readers and the cross-record rules.

use crate::config::Config;
use crate::record::{parse_file, ParsedFile, INCIDENT_KEYS, REMEDIATION_KEYS};
use crate::render::check::{github, human, json};
use crate::render::color::Palette;
use crate::rules;
use crate::store::Repository;
use chrono::NaiveDate;
use proptest::prelude::*;

/// Misspelt or misplaced keys mixed in with the real ones.
const NEAR_MISSES: &[&str] = &["statsu", "\"quoted key\"", "signal"];

/// Keys of both record kinds (from the readers' own lists), plus near misses.
fn keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> =
        INCIDENT_KEYS.iter().chain(REMEDIATION_KEYS).chain(NEAR_MISSES).copied().filter(|k| *k != "kind").collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}
/// Keys of nested blocks (`stabilization`, `due`) and strays.
const SUBKEYS: &[&str] = &[
    "signal",
    "intervention",
    "rollback",
    "verification",
    "stabilized_at",
    "uncertainty",
    "start",
    "end",
    "closed_at",
];
/// Values: good ones for every key, blanks, placeholders, wrong types, YAML oddities.
const VALUES: &[&str] = &[
    "incident",
    "remediation",
    "INC-1",
    "INC-2",
    "INC-1-R1",
    "INC-1-R2",
    "INC-3-R1",
    "SEV1",
    "SEV2",
    "SEV9",
    "active",
    "stabilized",
    "closed",
    "open",
    "in-progress",
    "shipped",
    "validated",
    "dropped",
    "2026-03-01",
    "2026-03-09",
    "2026-03-09T10:00:00Z",
    "2026-03-09T10:00:00+25:00",
    "2026-02-30",
    "2025-01-01",
    "2030-12-31",
    "cache race",
    "Cache  RACE",
    "disk full",
    "tech debt",
    "TODO",
    "<what shows the symptom>",
    "\"\"",
    "''",
    "[cache race, disk full]",
    "[]",
    "{start: 2026-03-01, end: 2026-03-20}",
    "{end: 2026-03-01, start: 2026-03-20}",
    "{}",
    "7d",
    "~",
    "true",
    "42",
    "-1",
    "1e999",
    ".nan",
    "\"\\e[2J\\u202e\"",
    "'quoted: yes'",
    "|\n      block\n      text",
    ">-\n      folded",
    "&a anchored",
    "*a",
    "é 日本",
    "[[nested]]",
    "!!binary aGk=",
    "team-checkout",
    "https://ci.example/run/1",
];
/// Anything at all, to break the structure now and then.
const FRAGMENTS: &[&str] = &[
    "---", "\t", "- ", "? ", ": ", "[", "{", "\"", "'", "#", "&b ", "*b", "!tag ", "\u{feff}", "\0", "\u{7}", "\r",
    "  ",
];
const BODIES: &[&str] = &[
    "## Timeline\n\n- 10:00 alert\n",
    "## Causal analysis\n\nThe cache key ignored the version.\n",
    "## Timeline\n",
    "<!-- incidents:status -->\nold block\n<!-- /incidents:status -->\n",
    "<!-- incidents:status -->\n",
    "# Title\n\nText.\n",
    "```\n---\n```\n",
    "---\n",
    "\r\n",
];

/// One front-matter entry for `key`: a scalar, a nested block or a list.
fn entry(key: &'static str) -> impl Strategy<Value = String> {
    let value = prop::sample::select(VALUES);
    prop_oneof![
        4 => value.clone().prop_map(move |v| format!("{key}: {v}\n")),
        2 => prop::sample::subsequence(SUBKEYS, 0..6)
            .prop_flat_map(move |subkeys| {
                let values = prop::collection::vec(prop::sample::select(VALUES), subkeys.len());
                (Just(subkeys), values)
            })
            .prop_map(move |(subkeys, values)| {
                let nested: String = subkeys.iter().zip(&values).map(|(sub, v)| format!("  {sub}: {v}\n")).collect();
                format!("{key}:\n{nested}")
            }),
        2 => prop::collection::vec(value, 0..4)
            .prop_map(move |items| format!("{key}:\n{}", items.iter().map(|v| format!("  - {v}\n")).collect::<String>())),
    ]
}

/// Front-matter-shaped text: usually a `kind` first, distinct keys, now and then a
/// stray fragment, usually a closing fence, body sections.
fn record_text() -> impl Strategy<Value = String> {
    let entries = prop::sample::subsequence(keys(), 0..14)
        .prop_shuffle()
        .prop_flat_map(|keys| keys.into_iter().map(entry).collect::<Vec<_>>());
    (
        // The anchor lets `*a` values resolve.
        prop::sample::select(&["kind: &a incident\n", "kind: &a remediation\n", "kind: incidnet\n", ""][..]),
        entries,
        prop::option::weighted(0.1, (prop::sample::select(FRAGMENTS), any::<prop::sample::Index>())),
        prop::sample::select(&["---\n", "---\n", "---\n", "---\r\n", "--- \n", ""][..]),
        prop::collection::vec(prop::sample::select(BODIES), 0..4),
    )
        .prop_map(|(kind, mut entries, stray, fence, body)| {
            if let Some((fragment, at)) = stray {
                let at = at.index(entries.len() + 1);
                entries.insert(at, fragment.to_string());
            }
            format!("---\n{kind}{}{fence}{}", entries.concat(), body.concat())
        })
}

fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..512),
        any::<String>().prop_map(String::into_bytes),
        record_text().prop_map(String::into_bytes),
        (record_text(), prop::collection::vec(any::<u8>(), 0..8))
            .prop_map(|(text, tail)| [text.into_bytes(), tail].concat()),
    ]
}

/// Reads `files`, checks them as one repository and renders the report every way.
fn read_check_render(files: &[Vec<u8>]) -> Result<(), TestCaseError> {
    let config = Config::default();
    let parsed: Vec<ParsedFile> = files
        .iter()
        .enumerate()
        .filter_map(|(index, bytes)| parse_file(&format!("incidents/f{index}.md"), bytes, &config))
        .collect();
    let repo = Repository { root: std::path::PathBuf::from("/nonexistent"), files: parsed };
    let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap_or_default();
    let report = rules::check(&repo, &config, today);
    for diagnostic in &report.diagnostics {
        let index: usize =
            diagnostic.file.trim_start_matches("incidents/f").trim_end_matches(".md").parse().unwrap_or(0);
        let lines = files[index].split(|b| *b == b'\n').count();
        prop_assert!(
            diagnostic.line >= 1 && diagnostic.line <= lines,
            "{}:{} is past the last line ({lines}): {}",
            diagnostic.file,
            diagnostic.line,
            diagnostic.message
        );
    }
    let _ = json::render(&report);
    let _ = github::render(&report);
    let _ = human::render(&report, &Palette::new(true), &mut |file, line| {
        let index: usize = file.trim_start_matches("incidents/f").trim_end_matches(".md").parse().ok()?;
        let text = String::from_utf8_lossy(&files[index]).into_owned();
        text.lines().nth(line.checked_sub(1)?).map(str::to_string)
    });
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn one_file_of_anything_reads_and_checks_without_panicking(bytes in file_bytes()) {
        read_check_render(&[bytes])?;
    }

    #[test]
    fn several_record_shaped_files_check_together_without_panicking(
        files in prop::collection::vec(record_text().prop_map(String::into_bytes), 1..5)
    ) {
        read_check_render(&files)?;
    }
}
