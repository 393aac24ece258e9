//! `incidents ship <ITEM-ID> --change REF`: mark a remediation item `shipped` (the fix
//! is out; its validation has not passed yet), writing the change that shipped it and
//! stamping `shipped_at`. A `change:` already written in the file counts; without
//! either, the newest commit in HEAD's history whose `Remediates:` trailer names the item
//! is the change and its commit time is `shipped_at` ([`super::sync::shipping_commit`]);
//! with none, it refuses saying how to add the trailer. A change taken from a trailer is
//! stamped `change_source: trailer`; `--change` over an earlier stamp writes `hand`.

use super::{Outcome, Streams};
use crate::clock::Timestamp;
use crate::error::Result;
use crate::record::{FieldState, ItemStatus, Source as Provenance};
use crate::text::meaningful;
use crate::workflow::answer::Answers;
use crate::workflow::change::{self, Source};
use crate::workflow::transition;
use crate::Context;

/// Mark a remediation item shipped, with the change that shipped it (validation pending)
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents ship INC-7-R1 --change 3f2a9c1
  incidents ship INC-7-R1 --change https://github.com/acme/cart/pull/812 --at 2026-03-12
  incidents validate INC-7-R1 --evidence \"CI run 4812: staggered-rollout test green\"   # once it passed

REF is kept as written: a commit SHA (7-40 hex digits), a pull/merge request or commit
URL, or other text naming the change (a release tag, a ticket key).")]
pub(crate) struct Args {
    /// The remediation item
    #[arg(value_name = "ITEM-ID")]
    pub(crate) id: String,
    /// The change that shipped the fix: a commit SHA, a PR URL, a release tag
    #[arg(long, value_name = "REF")]
    pub(crate) change: Option<String>,
    /// When it shipped: YYYY-MM-DD or RFC 3339 [default: now, or --today]
    #[arg(long, value_name = "T", value_parser = crate::clock::parse_at)]
    pub(crate) at: Option<Timestamp>,
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let id = args.id.as_str();
    let given = args.change.as_deref().and_then(meaningful);
    let mut needs_history = false;
    let at = args.at.unwrap_or(ctx.clock.stamp);
    let first = ship(ctx, args, streams, given.map(|g| (g, Provenance::Hand)), at, Some(&mut needs_history));
    if !needs_history {
        return first;
    }
    // Neither `--change` nor a written `change:`: the commit whose trailer names the item.
    let commit = super::sync::shipping_commit(ctx, id)?;
    let at = args.at.unwrap_or(commit.time);
    ship(ctx, args, streams, Some((&commit.sha, Provenance::Trailer)), at, None)
}

/// Marks the item shipped at `at` with `trailer`, the SHA of the commit whose trailer
/// names it (else its written change); `sync --write` calls it with what history found.
pub(crate) fn mark(
    ctx: &Context,
    args: &Args,
    streams: &mut Streams<'_>,
    trailer: Option<&str>,
    at: Timestamp,
) -> Result<Outcome> {
    ship(ctx, args, streams, trailer.map(|sha| (sha, Provenance::Trailer)), at, None)
}

/// Moves the item to shipped with `given` and where it came from (else its written
/// change); when neither is there and `needs_history` is given, sets it and refuses, to be
/// run again with a change.
fn ship(
    ctx: &Context,
    args: &Args,
    streams: &mut Streams<'_>,
    given: Option<(&str, Provenance)>,
    at: Timestamp,
    needs_history: Option<&mut bool>,
) -> Result<Outcome> {
    let id = args.id.as_str();
    let mut shipped = None;
    let (given, provenance) = (given.map(|(text, _)| text), given.map(|(_, source)| source));
    let moved = transition::apply(ctx, id, ItemStatus::Shipped, at, |_, item| {
        let written = item.change.get().map(String::as_str).and_then(meaningful);
        if let (None, None, Some(flag)) = (given, written, needs_history) {
            *flag = true;
            return Err(crate::refusal::Refusal::NoChange { id: id.to_string() }.into());
        }
        let found = change::resolve(id, given, written)?;
        let mut answers = Answers::new(&ctx.config);
        answers.check("change", &found.reference);
        answers.finish_alone(&format!("cannot ship {id}"))?;
        let mut keys = Vec::new();
        if found.source == Source::Flag {
            keys.push(("change", found.reference.clone()));
            // Only a trailer is stamped; `hand` only replaces an earlier stamp.
            match provenance {
                Some(Provenance::Trailer) => keys.push(("change_source", Provenance::Trailer.as_str().to_string())),
                _ if item.change_source.state != FieldState::Absent => {
                    keys.push(("change_source", Provenance::Hand.as_str().to_string()))
                }
                _ => {}
            }
        }
        shipped = Some(found);
        Ok(keys)
    })?;
    let detail = shipped.map(|found| format!("{} {}", found.kind.describe(), found.reference));
    let next = format!("once its validation passes, `incidents validate {} --evidence …`", moved.id);
    super::report_move(ctx, streams, &moved, detail.as_deref(), Some(&next))?;
    Ok(Outcome::Success)
}
