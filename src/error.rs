//! Errors that stop a command from running (exit status 2), as opposed to findings about
//! records, which are [`crate::diagnostic::Diagnostic`]s collected into a report.
//!
//! Every variant carries the structured facts (path, key, id) a caller needs; the
//! `Display` text is what the user reads after `error: `, escaped once, there, as record
//! text is: no control character, and no line that could start a CI workflow command.
//! Refusals ([`Refusal`]) and bad command-line values ([`UsageError`]) are enums of
//! their own, each worded in one `Display` impl, with no free-form variant: they are
//! built from their variants (`Refusal::… .into()`), and this module only escapes their
//! text.

pub(crate) use crate::refusal::Refusal;
pub(crate) use crate::usage::UsageError;
use std::fmt;
use std::path::PathBuf;

/// Why a command could not do its work.
#[derive(Debug)]
pub(crate) enum Error {
    /// The root folder is missing or cannot be read.
    Root { path: PathBuf, reason: String },
    /// `.incidents.yml` is unreadable, not YAML, or holds an unknown key or bad value.
    Config { path: PathBuf, line: Option<usize>, key: String, reason: String },
    /// A command-line value is not acceptable (a bad date, an unknown rule code, ...).
    Usage(UsageError),
    /// Reading or writing a file failed.
    Io { path: PathBuf, source: std::io::Error },
    /// A command refused to act (a gate is not ready, an id is taken, ...). Nothing was written.
    Refused(Refusal),
    /// The record named on the command line does not exist.
    NotFound { id: String, hint: Option<String> },
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }

    /// Whether this is a finding about the repository (a refusal: exit status 1) rather
    /// than a failure to run at all (exit status 2). An id that names no record is a bad
    /// argument, like any other (exit status 2). the exit module maps it.
    pub(crate) fn is_refusal(&self) -> bool {
        matches!(self, Error::Refused(_))
    }
}

impl fmt::Display for Error {
    /// The message, escaped as record text is ([`crate::printable`]): messages
    /// quote paths, config values, arguments and record text, and they go to a terminal or
    /// a CI log. A refusal keeps the lines it lists, each made safe; every other message
    /// is one line, whatever line breaks the text it quotes holds.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.raw_message();
        match self {
            Error::Refused(_) => f.write_str(&crate::printable::printable_lines(&text)),
            _ => f.write_str(&crate::printable::printable_line(&text)),
        }
    }
}

impl Error {
    /// The message before escaping.
    fn raw_message(&self) -> String {
        match self {
            Error::Root { path, reason } => format!("cannot use root `{}`: {reason}", path.display()),
            Error::Config { path, line, key, reason } => {
                let at = line.map(|line| format!(":{line}")).unwrap_or_default();
                if key.is_empty() {
                    format!("{}{at}: {reason}", path.display())
                } else {
                    format!("{}{at}: `{key}`: {reason}", path.display())
                }
            }
            Error::Usage(usage) => usage.to_string(),
            // Every refusal ends by saying that nothing was written, once: Refusal's words.
            Error::Refused(refusal) => refusal.to_string(),
            Error::Io { path, source } => format!("{}: {source}", path.display()),
            Error::NotFound { id, hint } => match hint {
                Some(hint) => format!("no record with id `{id}` (did you mean `{hint}`?)"),
                None => format!("no record with id `{id}`: `incidents list` shows the ids in use"),
            },
        }
    }
}

impl From<Refusal> for Error {
    fn from(refusal: Refusal) -> Self {
        Error::Refused(refusal)
    }
}

impl From<UsageError> for Error {
    fn from(usage: UsageError) -> Self {
        Error::Usage(usage)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Shorthand for results whose error is [`Error`].
pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::{Error, Refusal, UsageError};

    #[test]
    fn a_refusal_says_once_that_nothing_was_written() {
        let closed = Refusal::AlreadyClosed { id: "INC-7".into(), since: None };
        assert_eq!(Error::from(closed).to_string(), "INC-7 is already closed; nothing was written");
        let listed = Refusal::CloseBlocked { id: "INC-7".into(), blockers: vec!["INC-7-R1 is open".into()] };
        assert_eq!(
            Error::from(listed).to_string(),
            "cannot close INC-7 yet:\n  - INC-7-R1 is open\nnothing was written"
        );
    }

    #[test]
    fn quoted_text_cannot_break_the_line_or_start_a_workflow_command() {
        let config = Error::Config {
            path: ".incidents.yml".into(),
            line: Some(1),
            key: "dir".into(),
            reason: "the records folder `x\n::notice::owned\r##[add-mask]y` does not exist".into(),
        };
        assert_eq!(
            config.to_string(),
            ".incidents.yml:1: `dir`: the records folder `x\\u{a}::notice::owned\\u{d}\\u{23}#[add-mask]y` does not exist"
        );
        let usage = UsageError::NotCsv { file: "::notice::x".into(), reason: "bad\nline".into() };
        assert_eq!(
            Error::from(usage).to_string(),
            "\\u{3a}:notice::x: not a CSV file with a header row: bad\\u{a}line"
        );
        let blockers = vec!["a\n::add-mask::b".into(), "\u{1b}[2J".into()];
        let listed = Error::from(Refusal::CloseBlocked { id: "INC-7".into(), blockers }).to_string();
        assert_eq!(listed, "cannot close INC-7 yet:\n  - a\n\\u{3a}:add-mask::b\n  - \\u{1b}[2J\nnothing was written");
    }
}
