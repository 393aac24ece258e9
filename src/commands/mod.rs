//! One module per subcommand, each with its clap `Args` and `run(ctx, args, streams)`.

pub mod check;
pub mod close;
pub mod completions;
pub mod config;
pub mod drop;
pub mod explain;
pub mod init;
pub mod list;
pub mod man;
pub mod new;
pub mod remediate;
pub mod report;
pub mod schema;
pub mod ship;
pub mod stabilize;
pub mod start;
pub mod status;
pub mod template;
pub mod validate;

use std::io::{BufRead, Write};

/// Where a command reads answers to prompts (only on a terminal) and writes: stdout for
/// results, stderr for notes, warnings and prompts.
pub struct Streams<'a> {
    pub input: &'a mut dyn BufRead,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

/// How a command that ran ended: success (exit 0) or findings that fail it (exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failure,
}

/// Writes to a stream. A reader that went away (`incidents list | head -1`) is not an
/// error: the rest of the output is dropped quietly and the command still ends with its
/// own exit status, as ripgrep and fd do. Any other failure is an I/O error on `<output>`.
pub fn write(stream: &mut dyn Write, text: &str) -> crate::Result<()> {
    match stream.write_all(text.as_bytes()).and_then(|()| stream.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(crate::Error::io("<output>", error)),
    }
}

/// What an item transition prints: `INC-7-R1: open → in-progress`, an optional `next:`
/// hint, and the item's path as the last line.
pub fn moved_text(ctx: &crate::Context, moved: &crate::workflow::transition::Moved, next: Option<&str>) -> String {
    let next = next.map(|hint| format!("next: {hint}\n")).unwrap_or_default();
    format!("{}: {} → {}\n{next}{}\n", moved.id, moved.from.as_str(), moved.to.as_str(), ctx.display_path(&moved.path))
}
