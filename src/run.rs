//! The plumbing of one run, below every command: what the process environment
//! contributes (`Environment`, gathered by the binary so the library never reads it on
//! its own), the streams a command reads and writes (`Streams`, `write`), and how a
//! command that ran ended (`Outcome`; `crate::exit` maps it to a status).

use std::io::{BufRead, IsTerminal, Write};

/// What the process environment contributes to a run, gathered by the binary so the
/// library never reads it on its own.
#[derive(Debug, Clone)]
pub struct Environment {
    pub cwd: std::path::PathBuf,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
    pub stdin_is_terminal: bool,
    /// Whether `--color auto` colours stdout, and stderr: anstream's decision from the
    /// stream and `NO_COLOR`, `CLICOLOR_FORCE`, `CLICOLOR`, `TERM` ([`crate::render::color::auto_colors`]).
    pub stdout_color: bool,
    pub stderr_color: bool,
    /// `$VISUAL` and `$EDITOR`, for opening new records (the one program the tool runs).
    pub visual: Option<String>,
    pub editor: Option<String>,
    /// `GITHUB_STEP_SUMMARY`: the file GitHub Actions shows as the job summary.
    pub github_step_summary: Option<std::path::PathBuf>,
    /// The local time, used when `--today` is not given.
    pub now: chrono::DateTime<chrono::FixedOffset>,
}

impl Environment {
    /// Reads the real process environment.
    pub fn from_process() -> std::io::Result<Self> {
        Ok(Environment {
            cwd: std::env::current_dir()?,
            stdout_is_terminal: std::io::stdout().is_terminal(),
            stderr_is_terminal: std::io::stderr().is_terminal(),
            stdin_is_terminal: std::io::stdin().is_terminal(),
            stdout_color: crate::render::color::auto_colors(&std::io::stdout()),
            stderr_color: crate::render::color::auto_colors(&std::io::stderr()),
            visual: std::env::var("VISUAL").ok(),
            editor: std::env::var("EDITOR").ok(),
            github_step_summary: std::env::var_os("GITHUB_STEP_SUMMARY")
                .filter(|value| !value.is_empty())
                .map(std::path::PathBuf::from),
            now: chrono::Local::now().fixed_offset(),
        })
    }

    /// The editor command: `$VISUAL`, else `$EDITOR`, ignoring blank values.
    pub fn editor_command(&self) -> Option<String> {
        [&self.visual, &self.editor].into_iter().flatten().map(|v| v.trim()).find(|v| !v.is_empty()).map(str::to_string)
    }
}

/// Where a command reads answers to prompts (only on a terminal) and writes: stdout for
/// results, stderr for notes, warnings and prompts.
pub(crate) struct Streams<'a> {
    pub(crate) input: &'a mut dyn BufRead,
    pub(crate) out: &'a mut dyn Write,
    pub(crate) err: &'a mut dyn Write,
}

/// How a command that ran ended: success (exit 0) or findings that fail it (exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Success,
    Failure,
}

/// Writes to a stream. A reader that went away (`incidents list | head -1`) is not an
/// error: the rest of the output is dropped quietly and the command still ends with its
/// own exit status, as ripgrep and fd do. Any other failure is an I/O error on `<output>`.
pub(crate) fn write(stream: &mut dyn Write, text: &str) -> crate::Result<()> {
    written(stream.write_all(text.as_bytes()).and_then(|()| stream.flush()))
}

/// The outcome of writing a command's output as [`write`] takes it: a reader that went
/// away is not an error; any other failure is an I/O error on `<output>`. For commands
/// that write their output as it is rendered.
pub(crate) fn written(result: std::io::Result<()>) -> crate::Result<()> {
    match result {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(crate::Error::io("<output>", error)),
        _ => Ok(()),
    }
}

#[cfg(test)]
impl Environment {
    /// A run with no terminal, no colour settings, no editor and no job summary.
    pub(crate) fn for_tests() -> Self {
        Environment {
            cwd: std::path::PathBuf::from("/"),
            stdout_is_terminal: false,
            stderr_is_terminal: false,
            stdin_is_terminal: false,
            stdout_color: false,
            stderr_color: false,
            visual: None,
            editor: None,
            github_step_summary: None,
            now: chrono::DateTime::UNIX_EPOCH.fixed_offset(),
        }
    }
}
