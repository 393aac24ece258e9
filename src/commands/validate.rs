//! `incidents validate <ITEM-ID> --evidence E`: mark a remediation item `validated`,
//! writing where its validation signal passed (`evidence`) and when (`validated_at`).
//! Refuses without evidence.

use super::{write, Outcome, Streams};
use crate::clock::Timestamp;
use crate::error::Result;
use crate::interact::Needs;
use crate::record::text::meaningful;
use crate::record::ItemStatus;
use crate::workflow::transition;
use crate::Context;

/// Mark a remediation item validated, with the evidence that its validation passed
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents validate INC-7-R1 --evidence \"CI run 4812: staggered-rollout test green\"
  incidents validate INC-7-R2 --evidence \"dashboard: queue depth flat through failover drill\" --at 2026-03-18")]
pub struct Args {
    /// The remediation item
    #[arg(value_name = "ITEM-ID")]
    pub id: String,
    /// Where the validation signal passed: a CI run, a test name, a dashboard
    #[arg(long, value_name = "E")]
    pub evidence: Option<String>,
    /// When it passed: YYYY-MM-DD or RFC 3339 [default: now, or --today]
    #[arg(long, value_name = "T", value_parser = crate::clock::parse_at)]
    pub at: Option<Timestamp>,
}

pub fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let at = args.at.unwrap_or(ctx.clock.stamp).to_string();
    let id = args.id.as_str();
    let moved = transition::apply(ctx, id, ItemStatus::Validated, |item| {
        let mut keys = Vec::new();
        let given = args.evidence.as_deref().and_then(meaningful);
        if given.is_some() || item.evidence.is_missing() {
            let mut needs = Needs::new(ctx.interactive);
            let evidence = needs.text(
                streams,
                given,
                "--evidence",
                "where the validation signal passed: a CI run, a test name, a dashboard",
            )?;
            needs.finish(&format!("cannot validate {id}"))?;
            if let Some(evidence) = evidence {
                keys.push(("evidence", evidence));
            }
        }
        keys.push(("validated_at", at.clone()));
        Ok(keys)
    })?;
    let text = super::moved_text(ctx, &moved, None);
    write(streams.out, &text)?;
    Ok(Outcome::Success)
}
