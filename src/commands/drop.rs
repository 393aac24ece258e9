//! `incidents drop <ITEM-ID> --reason R`: mark a remediation item `dropped`, writing why
//! it will not be done. A dropped item still covers its failure mode: it records the
//! decision. Refuses without a reason.

use super::{write, Outcome, Streams};
use crate::error::Result;
use crate::interact::Needs;
use crate::record::text::meaningful;
use crate::record::ItemStatus;
use crate::workflow::transition;
use crate::Context;

/// Mark a remediation item dropped, with the reason it will not be done
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents drop INC-7-R3 --reason \"cart-service v1 API is removed in April; the race cannot recur\"")]
pub struct Args {
    /// The remediation item
    #[arg(value_name = "ITEM-ID")]
    pub id: String,
    /// Why the item will not be done
    #[arg(long, value_name = "R")]
    pub reason: Option<String>,
}

pub fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let id = args.id.as_str();
    let moved = transition::apply(ctx, id, ItemStatus::Dropped, |item| {
        let given = args.reason.as_deref().and_then(meaningful);
        if given.is_none() && !item.reason.is_missing() {
            return Ok(Vec::new());
        }
        let mut needs = Needs::new(ctx.interactive);
        let reason = needs.text(streams, given, "--reason", "why the item will not be done")?;
        needs.finish(&format!("cannot drop {id}"))?;
        Ok(reason.map(|r| vec![("reason", r)]).unwrap_or_default())
    })?;
    let text = super::moved_text(ctx, &moved, None);
    write(streams.out, &text)?;
    Ok(Outcome::Success)
}
