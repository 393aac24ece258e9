//! The one JSON writer every `--format json` output goes through (and SARIF).
//!
//! Every JSON document a command prints carries a top-level `"version": 1` ([`VERSION`]):
//! it changes only when a key is removed or changes meaning, so scripts can tell. The
//! version is added here, around the serialised model ([`write_versioned`]), rather than
//! as a field of each output struct: the structs stay the analysis model, and no output
//! can forget it. SARIF and other formats with a version of their own use
//! [`write_pretty`].
//!
//! The document is written straight to the output as it is serialised (`report --format
//! json` at 40,000 records is about 50 MB, which is never held in memory); [`pretty`]
//! and [`versioned`] write the same bytes into a `String` for the small outputs.

use serde::Serialize;
use std::io::{self, Write};

/// The version of the JSON outputs (`check`, `status`, `list`, `report`, `digest`,
/// `sync`, `explain`).
pub(crate) const VERSION: u32 = 1;

/// Writes `value` as pretty JSON ending in a newline to `out`, in parts of 64 KiB
/// (serialisation writes many small pieces; they are gathered first). No line can start
/// or hold a GitHub workflow command (see [`without_legacy_commands`]), so JSON printed
/// in a CI log is inert. The structs rendered hold only strings, numbers and dates, so
/// serialisation does not fail; if it ever did, the error comes back as an I/O error of
/// kind `Other`.
pub(crate) fn write_pretty<T: Serialize + ?Sized>(out: impl Write, value: &T) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(PART, without_legacy_commands(out));
    serde_json::to_writer_pretty(&mut buffered, value).map_err(io::Error::from)?;
    buffered.write_all(b"\n")?;
    buffered.into_inner().map_err(io::IntoInnerError::into_error)?.finish()
}

/// How much JSON is gathered before it goes through the escape to the output.
const PART: usize = 64 * 1024;

/// [`write_pretty`] for `value` (a struct or map) with `"version": 1` as its first key.
pub(crate) fn write_versioned<T: Serialize + ?Sized>(out: impl Write, value: &T) -> io::Result<()> {
    #[derive(Serialize)]
    struct Versioned<'a, T: ?Sized> {
        version: u32,
        #[serde(flatten)]
        value: &'a T,
    }
    write_pretty(out, &Versioned { version: VERSION, value })
}

/// [`write_pretty`] into a `String`. If serialisation ever failed, the error is the
/// output, still as JSON.
pub(crate) fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    to_string(|bytes| write_pretty(bytes, value))
}

/// [`write_versioned`] into a `String`.
pub(crate) fn versioned<T: Serialize + ?Sized>(value: &T) -> String {
    to_string(|bytes| write_versioned(bytes, value))
}

fn to_string(write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
    let mut bytes = Vec::new();
    match write(&mut bytes) {
        // serde_json writes valid UTF-8, and the escape only adds ASCII.
        Ok(()) => {
            String::from_utf8(bytes).unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
        }
        Err(error) => format!("{}\n", serde_json::json!({ "error": error.to_string() })),
    }
}

/// A writer that passes JSON on with every `##[` written `\u0023#[`: GitHub's runner
/// reads `##[name]` anywhere in a log line as a command. Outside strings JSON holds no
/// `#`, and inside one the escape reads back as the same character. (A line of pretty
/// JSON never starts with `::`: every line starts with white space, a quote or a
/// bracket.) The bytes are the same as `text.replace("##[", "\\u0023#[")` on the whole
/// document, however the writes split it: up to two trailing `#` are held back until the
/// next byte shows whether a `[` follows, and [`LegacyCommandsEscaped::finish`] writes
/// them out at the end.
pub(crate) fn without_legacy_commands<W: Write>(out: W) -> LegacyCommandsEscaped<W> {
    LegacyCommandsEscaped { out, held: 0, finder: memchr::memmem::Finder::new(b"##[") }
}

/// The writer of [`without_legacy_commands`].
pub(crate) struct LegacyCommandsEscaped<W: Write> {
    out: W,
    /// How many `#` (0 to 2) ended the bytes written so far and are not yet passed on.
    held: usize,
    finder: memchr::memmem::Finder<'static>,
}

impl<W: Write> LegacyCommandsEscaped<W> {
    /// Writes the held `#`, if any, and flushes.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.release(self.held)?;
        self.out.flush()
    }

    /// Passes `count` held `#` on.
    fn release(&mut self, count: usize) -> io::Result<()> {
        self.held -= count;
        self.out.write_all(&b"##"[..count])
    }
}

impl<W: Write> Write for LegacyCommandsEscaped<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        // `held` `#` followed by `bytes`: find each `##[` in the concatenation.
        let mut rest = bytes;
        while self.held > 0 {
            match rest.first() {
                None => return Ok(()),
                Some(b'#') if self.held == 2 => {
                    self.release(1)?;
                    self.held += 1;
                    rest = &rest[1..];
                }
                Some(b'#') => {
                    self.held += 1;
                    rest = &rest[1..];
                }
                Some(b'[') if self.held == 2 => {
                    self.held = 0;
                    self.out.write_all(b"\\u0023#")?;
                }
                Some(_) => self.release(self.held)?,
            }
        }
        let mut start = 0;
        for at in self.finder.find_iter(rest) {
            self.out.write_all(&rest[start..at])?;
            self.out.write_all(b"\\u0023#")?;
            start = at + 2;
        }
        let tail = &rest[start..];
        let hashes = tail.iter().rev().take(2).take_while(|byte| **byte == b'#').count();
        self.out.write_all(&tail[..tail.len() - hashes])?;
        self.held = hashes;
        Ok(())
    }

    /// Flushes what has been passed on; held `#` wait for the next write or
    /// [`LegacyCommandsEscaped::finish`].
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_comes_first_and_keeps_every_key() {
        #[derive(Serialize)]
        struct Output {
            diagnostics: Vec<u8>,
            summary: u8,
        }
        let text = versioned(&Output { diagnostics: vec![1], summary: 2 });
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value, serde_json::json!({"version": 1, "diagnostics": [1], "summary": 2}));
        assert!(text.starts_with("{\n  \"version\": 1,"), "{text}");
    }

    #[test]
    fn workflow_commands_are_escaped_however_the_writes_split_them() {
        let texts = [
            "a##[b",
            "###[x",
            "##[##[",
            "#[#",
            "##",
            "x#",
            "[##",
            "####[[",
            "#\u{e9}##[\u{e9}#",
            "##[group]x##[endgroup]",
        ];
        for text in texts {
            let expected = text.replace("##[", "\\u0023#[");
            let bytes = text.as_bytes();
            // Every way of cutting the text into up to three writes.
            for i in 0..=bytes.len() {
                for j in i..=bytes.len() {
                    let mut out = Vec::new();
                    let mut writer = without_legacy_commands(&mut out);
                    for part in [&bytes[..i], &bytes[i..j], &bytes[j..]] {
                        writer.write_all(part).unwrap();
                    }
                    writer.finish().unwrap();
                    assert_eq!(String::from_utf8(out).unwrap(), expected, "{text:?} cut at {i}, {j}");
                }
            }
        }
    }

    #[test]
    fn a_string_value_with_a_command_reads_back_unchanged() {
        let text = pretty(&serde_json::json!({ "title": "##[error]boom" }));
        assert!(!text.contains("##["), "{text}");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["title"], "##[error]boom");
    }
}
