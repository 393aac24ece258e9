//! A versioned JSON document written a top-level field at a time, its long lists
//! serialised on every core, byte for byte what [`super::json::write_versioned`] writes
//! for the whole struct (`report --format json`, `status --format json`).
//!
//! serde_json writes a document on one thread, and a list of tens of thousands of rows
//! (incident rows, recurrences, status blocks) is most of such a document. Pretty JSON
//! does not depend on where a value stands, only on its indentation: each row is written
//! on its own at depth 0 and indented to its place by the same worker, on every core a
//! window at a time (so only a window of rows is held); every other field is written the
//! same way, one after another. Callers take their struct apart exhaustively, so a field
//! added to it does not compile until it is written, and test the bytes against
//! serde_json's.

use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};

/// Rows serialised on every core at a time.
pub(crate) const WINDOW: usize = 256;

/// `{"version": 1, …}` in pretty JSON ending in a newline, into `out` through the one
/// JSON writer's escape of GitHub workflow commands: `fields` writes every field after
/// the version with [`field`] and [`rows`].
pub(crate) fn write_versioned(
    out: impl Write,
    fields: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(64 * 1024, super::json::without_legacy_commands(out));
    write!(out, "{{\n  \"version\": {}", super::json::VERSION)?;
    fields(&mut out)?;
    out.write_all(b"\n}\n")?;
    out.into_inner().map_err(io::IntoInnerError::into_error)?.finish()
}

/// `,\n  "key": value`: a field of the top-level object after the first.
pub(crate) fn field(out: &mut dyn Write, key: &str, value: &impl Serialize) -> io::Result<()> {
    write_key(out, key)?;
    out.write_all(&indented(&serde_json::to_vec_pretty(value).map_err(io::Error::from)?, b"\n  "))
}

/// `,\n  "key": [rows]`: a field holding a list, its rows serialised on every core a
/// window at a time, each indented to its place by the worker that wrote it.
pub(crate) fn rows<T: Serialize + Sync>(out: &mut dyn Write, key: &str, rows: &[T]) -> io::Result<()> {
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
fn write_key(out: &mut dyn Write, key: &str) -> io::Result<()> {
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
