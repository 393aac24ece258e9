//! `incidents start <ITEM-ID>`: mark a remediation item `in-progress` and stamp
//! `started_at`. From `open`, or from `shipped` when its validation failed and the fix
//! is being reworked.

use super::{Outcome, Streams};
use crate::clock::Timestamp;
use crate::error::Result;
use crate::record::ItemStatus;
use crate::workflow::transition;
use crate::Context;

/// Mark a remediation item in-progress
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents start INC-7-R1
  incidents start INC-7-R1 --at 2026-03-11     # a shipped item whose validation failed goes back to work")]
pub(crate) struct Args {
    /// The remediation item
    #[arg(value_name = "ITEM-ID")]
    pub(crate) id: String,
    /// When work started: YYYY-MM-DD or RFC 3339 [default: now, or --today]
    #[arg(long, value_name = "T", value_parser = crate::clock::parse_at)]
    pub(crate) at: Option<Timestamp>,
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let at = args.at.unwrap_or(ctx.clock.stamp);
    let moved = transition::apply(ctx, &args.id, ItemStatus::InProgress, at, |_, _| Ok(Vec::new()))?;
    let next = format!("once the fix is out, `incidents ship {} --change <sha|PR URL>`", moved.id);
    super::report_move(ctx, streams, &moved, None, Some(&next))?;
    Ok(Outcome::Success)
}
