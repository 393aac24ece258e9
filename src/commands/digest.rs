//! `incidents digest [--owner O] [--within 14d] [--format markdown|json]`: what each
//! owner should do this week, and the incidents ready to close or past the grace period
//! without items — Markdown for a chat channel or a scheduled CI job, or JSON.

use super::{write, Outcome, Streams};
use crate::analysis::digest::{self, Scope};
use crate::error::{Result, UsageError};
use crate::printable::printable_lines;
use crate::render::digest as digest_output;
use crate::Context;

/// Output format of `digest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// Markdown, short enough to paste into a chat channel
    #[default]
    Markdown,
    /// One JSON object: `version`, `today`, `owners`, `ready_to_close`, `without_items`
    Json,
}

/// What each owner should do this week: overdue, due soon, waiting for validation
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents digest                         every owner, items due within 14 days
  incidents digest --owner team-checkout   one owner's items and incidents
  incidents digest --within 7d --format json

Each open item is listed once: overdue, else waiting for validation (shipped), else
diagnosing, else due within the window.")]
pub(crate) struct Args {
    /// Only this owner's items (ignoring case and a leading `@`; with `owners` configured, one of them), and the incidents they command or own items of
    #[arg(long, value_name = "OWNER")]
    pub(crate) owner: Option<String>,
    /// The window for "due soon": Nd or Nw
    #[arg(long, value_name = "SPAN", default_value = "14d")]
    pub(crate) within: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    pub(crate) format: Format,
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let Some(within_days) = crate::clock::parse_days(&args.within) else {
        return Err(UsageError::WithinNotASpan { written: args.within.clone() }.into());
    };
    let repo = ctx.load();
    let index = crate::store::Index::build(&repo);
    // With `owners` configured, an owner that is none of them is refused with the closest
    // one (exit 2) rather than answered with an empty digest.
    let owner = match (&args.owner, &ctx.config.owners) {
        (Some(owner), Some(configured)) => Some(configured.resolve(owner)?),
        (owner, _) => owner.clone(),
    };
    let scope = Scope { owner, within_days, grace_days: ctx.config.grace_days };
    // With `owners` configured, every spelling of an owner groups under its configured name.
    let canonical = |owner: &str| {
        ctx.config.owners.as_ref().and_then(|owners| owners.find(owner)).unwrap_or(owner.trim()).to_string()
    };
    let digest = digest::build(&index, &scope, ctx.clock.today, &canonical);
    match args.format {
        Format::Markdown => write(streams.out, &printable_lines(&digest_output::markdown(&digest)))?,
        Format::Json => write(streams.out, &crate::render::json::versioned(&digest))?,
    }
    // The process ends right after: the digest and records are not freed one by one.
    crate::store::leak_at_exit((digest, index));
    repo.release_at_exit();
    Ok(Outcome::Success)
}
