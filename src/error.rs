//! Errors that stop a command from running (exit status 2), as opposed to findings about
//! records, which are [`crate::diagnostic::Diagnostic`]s collected into a report.
//!
//! Every variant carries the structured facts (path, key, id) a caller needs; the
//! `Display` text is what the user reads after `error: `.

use std::fmt;
use std::path::PathBuf;

/// Why a command could not do its work.
#[derive(Debug)]
pub enum Error {
    /// The root folder is missing or cannot be read.
    Root { path: PathBuf, reason: String },
    /// `.incidents.yml` is unreadable, not YAML, or holds an unknown key or bad value.
    Config { path: PathBuf, line: Option<usize>, key: String, reason: String },
    /// A command-line value is not acceptable (a bad date, an unknown rule code, ...).
    Usage(String),
    /// Reading or writing a file failed.
    Io { path: PathBuf, source: std::io::Error },
    /// A command refused to act (a gate is not ready, an id is taken, ...). Nothing was written.
    Refused(String),
    /// The record named on the command line does not exist.
    NotFound { id: String, hint: Option<String> },
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }

    /// Whether this is a finding about the repository (a refusal: exit status 1) rather
    /// than a failure to run at all (exit status 2). An id that names no record is a bad
    /// argument, like any other (exit status 2). the exit module maps it.
    pub fn is_refusal(&self) -> bool {
        matches!(self, Error::Refused(_))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Root { path, reason } => {
                write!(f, "cannot use root `{}`: {reason}", path.display())
            }
            Error::Config { path, line, key, reason } => {
                write!(f, "{}", path.display())?;
                if let Some(line) = line {
                    write!(f, ":{line}")?;
                }
                if key.is_empty() {
                    write!(f, ": {reason}")
                } else {
                    write!(f, ": `{key}`: {reason}")
                }
            }
            Error::Usage(message) => f.write_str(message),
            // Every refusal ends by saying that nothing was written, once.
            Error::Refused(message) if message.contains("nothing was written") => f.write_str(message),
            Error::Refused(message) => write!(f, "{message}; nothing was written"),
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::NotFound { id, hint } => {
                write!(f, "no record with id `{id}`")?;
                match hint {
                    Some(hint) => write!(f, " (did you mean `{hint}`?)"),
                    None => f.write_str(": `incidents list` shows the ids in use"),
                }
            }
        }
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
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::Error;

    #[test]
    fn a_refusal_says_once_that_nothing_was_written() {
        assert_eq!(Error::Refused("INC-7 is closed".into()).to_string(), "INC-7 is closed; nothing was written");
        let listed = "cannot close INC-7 yet:\n  - INC-7-R1 is open\nnothing was written";
        assert_eq!(Error::Refused(listed.into()).to_string(), listed);
    }
}
