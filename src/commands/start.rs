//! `incidents start <ITEM-ID>`: mark a remediation item `in-progress`.

use super::{write, Outcome, Streams};
use crate::error::Result;
use crate::record::ItemStatus;
use crate::workflow::transition;
use crate::Context;

/// Mark a remediation item in-progress
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents start INC-7-R1
  incidents start INC-7-R1     # again after a failed validation sent a shipped item back")]
pub struct Args {
    /// The remediation item
    #[arg(value_name = "ITEM-ID")]
    pub id: String,
}

pub fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let moved = transition::apply(ctx, &args.id, ItemStatus::InProgress, |_| Ok(Vec::new()))?;
    let text = super::moved_text(ctx, &moved, None);
    write(streams.out, &text)?;
    Ok(Outcome::Success)
}
