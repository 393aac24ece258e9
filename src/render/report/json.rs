//! `report --format json`: the [`Report`] struct as `render::json::write_versioned`
//! would write it, byte for byte, with its incident rows serialised on every core.
//!
//! serde_json writes a document on one thread, and the incident rows are most of the
//! report (about 50 MB at 40,000 records), with the recurrences. Pretty JSON does not
//! depend on where a value stands, only on its indentation: each row is written on its
//! own at depth 0 and indented to its place by the same worker, on every core a window
//! at a time (so only a window of rows is held); every other field is written the same
//! way, one after another.
//! The fields are taken apart exhaustively, so a field added to [`Report`] is a compile
//! error here until it is written; a test compares the bytes with serde_json's.

use crate::analysis::Report;
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};

/// Incident rows serialised on every core at a time.
const WINDOW: usize = 256;

/// Writes `report` as `{"version": 1, …}` in pretty JSON ending in a newline, through the
/// one JSON writer's escape of GitHub workflow commands.
pub(crate) fn write(report: &Report, out: impl Write) -> io::Result<()> {
    let Report {
        today,
        period,
        incidents,
        counts,
        timing,
        detection,
        recurrences,
        repeat_classes,
        class_quarters,
        similar_failure_modes,
        remediation,
        due_moves,
        coverage,
        charts,
    } = report;
    let mut out = io::BufWriter::with_capacity(64 * 1024, crate::render::json::without_legacy_commands(out));
    write!(out, "{{\n  \"version\": {}", crate::render::json::VERSION)?;
    field(&mut out, "today", today)?;
    field(&mut out, "period", period)?;
    rows(&mut out, "incidents", incidents)?;
    field(&mut out, "counts", counts)?;
    field(&mut out, "timing", timing)?;
    field(&mut out, "detection", detection)?;
    rows(&mut out, "recurrences", recurrences)?;
    field(&mut out, "repeat_classes", repeat_classes)?;
    field(&mut out, "class_quarters", class_quarters)?;
    field(&mut out, "similar_failure_modes", similar_failure_modes)?;
    field(&mut out, "remediation", remediation)?;
    field(&mut out, "due_moves", due_moves)?;
    field(&mut out, "coverage", coverage)?;
    field(&mut out, "charts", charts)?;
    out.write_all(b"\n}\n")?;
    out.into_inner().map_err(io::IntoInnerError::into_error)?.finish()
}

/// `,\n  "key": value`: a field of the top-level object after the first.
fn field(out: &mut impl Write, key: &str, value: &impl Serialize) -> io::Result<()> {
    write_key(out, key)?;
    out.write_all(&indented(&serde_json::to_vec_pretty(value).map_err(io::Error::from)?, b"\n  "))
}

/// `,\n  "key": [rows]`: a field holding a list, its rows serialised on every core a
/// window at a time, each indented to its place by the worker that wrote it.
fn rows<T: Serialize + Sync>(out: &mut impl Write, key: &str, rows: &[T]) -> io::Result<()> {
    write_key(out, key)?;
    if rows.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let mut first = true;
    for window in rows.chunks(WINDOW) {
        let written: Vec<Vec<u8>> = window
            .par_iter()
            .map(|row| serde_json::to_vec_pretty(row).map(|json| indented(&json, b"\n    ")))
            .collect::<Result<_, _>>()
            .map_err(io::Error::from)?;
        for row in written {
            out.write_all(if first { b"\n    " } else { b",\n    " })?;
            first = false;
            out.write_all(&row)?;
        }
    }
    out.write_all(b"\n  ]")
}

/// `,\n  "key": ` before a field's value.
fn write_key(out: &mut impl Write, key: &str) -> io::Result<()> {
    out.write_all(b",\n  ")?;
    serde_json::to_writer(&mut *out, key).map_err(io::Error::from)?;
    out.write_all(b": ")
}

/// `json` (pretty, written at depth 0) with each line ending replaced by `newline`: the
/// same value at a deeper place. JSON strings hold no raw line ending.
fn indented(json: &[u8], newline: &[u8]) -> Vec<u8> {
    let lines = memchr::memchr_iter(b'\n', json).count();
    let mut out = Vec::with_capacity(json.len() + lines * (newline.len() - 1));
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', json) {
        out.extend_from_slice(&json[start..end]);
        out.extend_from_slice(newline);
        start = end + 1;
    }
    out.extend_from_slice(&json[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Period;
    use crate::config::Config;
    use crate::record::timeline::Milestones;
    use crate::store::{Index, Repository};

    /// The report of `root` as `report` builds it, written both ways.
    fn both_ways(root: &std::path::Path) -> (String, String) {
        let config = crate::config::load(root).unwrap_or_else(|_| Config::default());
        let repo = Repository::load(root, &config);
        let index = Index::build(&repo);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let report = Report::build(&index, &config, Period::default(), today, &|_| Milestones::default());
        let (mut ours, mut serdes) = (Vec::new(), Vec::new());
        write(&report, &mut ours).unwrap();
        crate::render::json::write_versioned(&mut serdes, &report).unwrap();
        (String::from_utf8(ours).unwrap(), String::from_utf8(serdes).unwrap())
    }

    #[test]
    fn the_examples_are_written_as_serde_json_writes_them() {
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        for name in ["demo", "broken"] {
            let (ours, serdes) = both_ways(&examples.join(name));
            assert!(serdes.contains("\"incidents\": [\n    {"), "{name}: {serdes}");
            assert!(serdes.contains("\"recurrences\": ["), "{name}");
            assert_eq!(ours, serdes, "{name}");
        }
    }

    #[test]
    fn more_rows_than_a_window_and_none_are_written_alike() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("incidents");
        std::fs::create_dir(&folder).unwrap();
        let (ours, serdes) = both_ways(root.path());
        assert!(serdes.contains("\"incidents\": []"), "{serdes}");
        assert_eq!(ours, serdes);
        for n in 1..=(WINDOW + 3) {
            let text = format!(
                "---\nkind: incident\nid: INC-{n}\ntitle: \"T ##[x] {n}\"\nstatus: active\nseverity: SEV2\nopened: 2026-01-01T00:00:00Z\n---\n"
            );
            std::fs::write(folder.join(format!("INC-{n}.md")), text).unwrap();
        }
        let (ours, serdes) = both_ways(root.path());
        assert!(serdes.contains("\\u0023#[x]"), "the workflow-command escape applies to both");
        assert_eq!(ours, serdes);
    }
}
