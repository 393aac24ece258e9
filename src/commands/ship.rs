//! `incidents ship <ITEM-ID>`: mark a remediation item `shipped` (the change is out; its
//! validation has not passed yet).

use super::{write, Outcome, Streams};
use crate::error::Result;
use crate::record::ItemStatus;
use crate::workflow::transition;
use crate::Context;

/// Mark a remediation item shipped (the change is out, validation pending)
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents ship INC-7-R1
  incidents validate INC-7-R1 --evidence \"CI run 4812: staggered-rollout test green\"   # once it passed")]
pub struct Args {
    /// The remediation item
    #[arg(value_name = "ITEM-ID")]
    pub id: String,
}

pub fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let moved = transition::apply(ctx, &args.id, ItemStatus::Shipped, |_| Ok(Vec::new()))?;
    let next = format!("once the validation passes, `incidents validate {} --evidence …`", moved.id);
    let text = super::moved_text(ctx, &moved, Some(&next));
    write(streams.out, &text)?;
    Ok(Outcome::Success)
}
