//! `incidents log <ID> <TEXT> [--at T] [--kind K]`: appends `- <timestamp> <text>` to the
//! incident's `Timeline` section while the incident runs (creating the section at the
//! end of the body when absent), touching nothing else. The records lock is held while
//! the file is read and replaced, so concurrent writers never lose an entry.

use super::{write, Outcome, Streams};
use crate::clock::Timestamp;
use crate::edit;
use crate::error::{Error, Refusal, Result};
use crate::workflow::{target, Session};
use crate::Context;

/// What an entry marks, written as `[kind]` after the timestamp so reports and people can
/// find the moments that measure an incident (time to detect, to mitigate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Kind {
    /// The symptom was first noticed (alert, page, customer report)
    Detected,
    /// Someone took the incident on
    Acknowledged,
    /// The impact stopped growing or was worked around
    Mitigated,
    /// Service was restored
    Resolved,
    /// A decision and why it was made
    Decision,
}

impl Kind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Detected => "detected",
            Kind::Acknowledged => "acknowledged",
            Kind::Mitigated => "mitigated",
            Kind::Resolved => "resolved",
            Kind::Decision => "decision",
        }
    }
}

/// Append a timestamped entry to an incident's Timeline section
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents log INC-7 \"paged on 5xx above 2% on checkout-api\" --kind detected
  incidents log INC-7 \"rolled checkout-api back to v40\" --kind mitigated
  incidents log INC-7 \"error rate back under 0.1%\" --at 2026-03-02T14:20:00Z

Entries read `- <timestamp> [kind] <text>` under `## Timeline`.")]
pub(crate) struct Args {
    /// The incident
    pub(crate) id: String,
    /// What happened (one line; line breaks become spaces)
    pub(crate) text: String,
    /// When it happened: YYYY-MM-DD or RFC 3339 [default: now, or --today]
    #[arg(long, value_name = "T", value_parser = crate::clock::parse_at)]
    pub(crate) at: Option<Timestamp>,
    /// What the entry marks
    #[arg(long, value_enum)]
    pub(crate) kind: Option<Kind>,
}

/// The line `log` appends: `- <timestamp> [kind] <text>`.
pub(crate) fn entry(at: &Timestamp, kind: Option<Kind>, text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match kind {
        Some(kind) => format!("- {at} [{}] {text}", kind.as_str()),
        None => format!("- {at} {text}"),
    }
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    if args.text.trim().is_empty() {
        return Err(Refusal::EmptyEntry.into());
    }
    let Session { repo, lock } = Session::open(ctx, false)?;
    let (file, _) = target::incident(&repo, &args.id)?;
    let at = args.at.unwrap_or(ctx.clock.stamp);
    let line = entry(&at, args.kind, &args.text);
    let path = repo.absolute(&file.path);
    edit::atomic::ensure_writable(&path, &file.path)?;
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    let text = String::from_utf8(bytes).map_err(|_| Refusal::NotUtf8 { path: file.path.to_string() })?;
    let Some(patched) = edit::timeline::append_entry(&text, &line) else {
        return Err(Refusal::Unterminated { path: file.path.to_string() }.into());
    };
    edit::write_atomic(&path, patched.as_bytes())?;
    drop(lock);
    write(streams.out, &format!("{line}\n{}\n", ctx.display_path(&path)))?;
    Ok(Outcome::Success)
}
