//! The fast reader against the YAML library on the official YAML test suite's inputs
//! (vendored in `tests/data/yaml-test-suite/`, MIT licence): wherever the fast reader
//! answers, its tree and key lines must equal what the library and [`KeyLines::scan`]
//! give, so it never accepts a text the library rejects. Each suite input is tried as
//! it is, and every line and every word of it is also tried as a value, a key, a flow
//! list entry, a block list entry and a nested value, which puts the suite's odd
//! scalars (tabs, Unicode, indicators) where the fast reader answers.
//!
//! The suite holds none of the spellings issue 16 found by generating front matter
//! (`True:` beside `true:`, `+.inf`, U+FFFE, a flow list holding a no-break space), so a
//! second test generates front matter from keys and scalars of those classes.

use super::{fast, library, lines, KeyLines};

/// `(name, text)` of every vendored suite input that is UTF-8.
fn suite() -> Vec<(String, String)> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/yaml-test-suite");
    let mut cases: Vec<(String, String)> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .filter_map(|path| {
            Some((path.file_name()?.to_string_lossy().into_owned(), std::fs::read_to_string(&path).ok()?))
        })
        .collect();
    cases.sort();
    cases
}

/// The texts built from one suite input: the input, then each line and word of it in
/// the places the fast reader handles.
fn variants(text: &str) -> Vec<String> {
    let mut pieces: Vec<&str> = lines::split_lines(text).map(|line| line.trim_end_matches('\r')).collect();
    let words: Vec<&str> =
        pieces.iter().flat_map(|line| line.split([' ', ','])).filter(|word| !word.is_empty()).collect();
    pieces.extend(words);
    pieces.retain(|piece| !piece.is_empty());
    let mut out = vec![text.to_string()];
    for piece in pieces {
        out.extend([
            format!("k: {piece}\n"),
            format!("{piece}: v\n"),
            format!("true: a\n{piece}: b\n"),
            format!("null: a\n{piece}: b\n"),
            format!("k: [{piece}]\n"),
            format!("k: [x, {piece} ]\n"),
            format!("k:\n  - {piece}\n"),
            format!("k:\n  n: {piece}\n"),
            format!("k: '{piece}'\n"),
            format!("k: \"{piece}\"\n"),
        ]);
    }
    out
}

#[test]
fn the_fast_reader_agrees_with_the_library_on_the_yaml_test_suite() {
    let cases = suite();
    assert!(cases.len() >= 400, "the vendored suite has {} inputs", cases.len());
    let (mut tried, mut answered, mut whole_inputs) = (0, 0, 0);
    for (name, input) in &cases {
        for (index, text) in variants(input).iter().enumerate() {
            tried += 1;
            if agrees(text, name) {
                answered += 1;
                whole_inputs += usize::from(index == 0);
            }
        }
    }
    // The test has teeth only if the fast reader answers often.
    assert!(answered > 5_000 && whole_inputs >= 5, "{answered} of {tried} answered, {whole_inputs} whole inputs");
}

/// Keys the YAML library resolves to something other than their spelling, and plain ones.
const KEYS: &[&str] = &[
    "a", "b", "_x", "k-1", "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~", "yes", "on",
    "y", "inf", "nan",
];

/// Scalars of every class issue 16 reported, and their neighbours.
const SCALARS: &[&str] = &[
    "x",
    "+.inf",
    "+.INF",
    "-.inf",
    ".inf",
    ".NaN",
    "+1",
    "+12",
    "+0x1F",
    "+x",
    "-1",
    "1_000",
    "12:30",
    "1:20:30",
    "0o17",
    "0x1F",
    "017",
    "1e3",
    "=",
    "<<",
    "yes",
    "on",
    "~",
    "True",
    "x\u{fffe}",
    "x\u{ffff}",
    "\u{fffe}",
    "\u{a0}",
    "x\u{a0}",
    "\u{2007}",
    "\u{3000}",
    "x\u{85}y",
    "2026-01-01",
    "'q\u{fffe}'",
    "\"q\u{ffff}\"",
    "x\u{feff}",
    "x\u{1fffe}",
    "x\u{fdd0}",
    "caf\u{e9}",
    "\u{a0}x\u{a0}",
];

#[test]
fn the_fast_reader_agrees_with_the_library_on_generated_front_matter() {
    let mut lines: Vec<String> = Vec::new();
    for key in KEYS {
        lines.push(format!("{key}:"));
        for scalar in SCALARS {
            lines.extend([format!("{key}: {scalar}"), format!("  {key}: {scalar}")]);
        }
    }
    for scalar in SCALARS {
        lines.extend([format!("a: [{scalar}]"), format!("b: [x, {scalar}]"), format!("  - {scalar}")]);
    }
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    // Every line alone and after each key spelling, then random combinations.
    let singles = lines.iter().map(|line| format!("{line}\n"));
    let pairs = KEYS.iter().flat_map(|key| lines.iter().map(move |line| format!("{key}: a\n{line}\n")));
    // `INCIDENTS_RANDOM_FRONT_MATTERS` runs more random combinations than the default.
    let count = std::env::var("INCIDENTS_RANDOM_FRONT_MATTERS").ok().and_then(|n| n.parse().ok()).unwrap_or(30_000);
    let random = super::random_texts(&lines, 0x9e37_79b9_7f4a_7c15, count, 5);
    let mut answered = 0;
    for text in singles.chain(pairs).chain(random) {
        answered += usize::from(agrees(&text, "generated"));
    }
    assert!(answered > 2_000, "{answered}");
}

/// Asserts that the fast reader, if it answers for `text`, gives the library's tree and
/// [`KeyLines::scan`]'s key lines; whether it answered.
fn agrees(text: &str, name: &str) -> bool {
    let Some((node, keys)) = fast::parse_with_lines(text, 2) else { return false };
    match library::parse_full(text) {
        Ok(full) => assert_eq!(node, full, "{name}: the fast reader disagrees on {text:?}"),
        Err(error) => panic!("{name}: the fast reader accepts {text:?}, the library says {error:?}"),
    }
    assert_eq!(keys, KeyLines::scan(text, 2), "{name}: key lines differ on {text:?}");
    true
}
