//! One module per subcommand, each with its clap `Args` and `run(ctx, args, streams)`.

pub mod check;
pub mod completions;
pub mod config;
pub mod explain;
pub mod man;
pub mod schema;

use std::io::Write;

/// Where a command writes: stdout for results, stderr for notes and warnings.
pub struct Streams<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

/// How a command that ran ended: success (exit 0) or findings that fail it (exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failure,
}

/// Writes to a stream, turning a broken pipe into an I/O error on `<stdout>`.
pub fn write(stream: &mut dyn Write, text: &str) -> crate::Result<()> {
    stream.write_all(text.as_bytes()).and_then(|()| stream.flush()).map_err(|e| crate::Error::io("<output>", e))
}
