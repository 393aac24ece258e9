//! `incidents drop <ITEM-ID> --reason R --approved-by P`: mark a remediation item
//! `dropped`, writing why it will not be done and who accepted the risk of not doing
//! it, and stamping `dropped_at`. A failure mode whose items are all dropped is accepted
//! risk. Refuses without both, and refuses non-answers (`n/a`, `see ticket`, …).

use super::{Outcome, Streams};
use crate::clock::Timestamp;
use crate::error::Result;
use crate::interact::Needs;
use crate::record::ItemStatus;
use crate::text::{meaningful, one_line};
use crate::workflow::answer::Answers;
use crate::workflow::transition;
use crate::Context;

/// Mark a remediation item dropped, with the reason and who accepted the risk
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents drop INC-7-R3 --reason \"cart-service v1 API is removed in April; the race cannot recur\" \\
    --approved-by \"dana (checkout lead)\"")]
pub(crate) struct Args {
    /// The remediation item
    #[arg(value_name = "ITEM-ID")]
    pub(crate) id: String,
    /// Why the item will not be done
    #[arg(long, value_name = "R")]
    pub(crate) reason: Option<String>,
    /// Who accepted the risk of not doing it
    #[arg(long, value_name = "P")]
    pub(crate) approved_by: Option<String>,
    /// When it was dropped: YYYY-MM-DD or RFC 3339 [default: now, or --today]
    #[arg(long, value_name = "T", value_parser = crate::clock::parse_at)]
    pub(crate) at: Option<Timestamp>,
}

/// `(key, flag, what to write)` of the values `drop` needs.
const NEEDED: [(&str, &str, &str); 2] = [
    ("reason", "--reason", "why the item will not be done"),
    ("approved_by", "--approved-by", "who accepted the risk of not doing it"),
];

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let at = args.at.unwrap_or(ctx.clock.stamp);
    let id = args.id.as_str();
    let moved = transition::apply(ctx, id, ItemStatus::Dropped, at, |_, item| {
        let mut needs = Needs::new(ctx.interactive);
        let mut answers = Answers::new(&ctx.config);
        let mut keys = Vec::new();
        for (key, flag, hint) in NEEDED {
            let (given, written) = match key {
                "reason" => (args.reason.as_deref(), item.reason.get()),
                _ => (args.approved_by.as_deref(), item.approved_by.get()),
            };
            let given = given.and_then(meaningful);
            match (given, written.map(String::as_str).and_then(meaningful)) {
                (None, Some(written)) => answers.check(key, written),
                _ => {
                    if let Some(value) = needs.text(streams, given, flag, hint)? {
                        answers.check(key, &value);
                        let value = if key == "approved_by" { one_line(&value) } else { value };
                        keys.push((key, value));
                    }
                }
            }
        }
        answers.finish(needs, &format!("cannot drop {id}"))?;
        Ok(keys)
    })?;
    super::report_move(ctx, streams, &moved, None, None)?;
    Ok(Outcome::Success)
}
