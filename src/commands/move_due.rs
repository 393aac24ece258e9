//! `incidents move-due <ITEM-ID> --due D --reason R [--at T]`: move an item's due date,
//! appending the old one to `due_history` as `{due, moved_at, reason}` so a slipping
//! item stays visible. Refuses a non-answer reason, a finished item, and a move to the
//! date it already has; warns when the new date is past the severity's policy.

use super::{say, Outcome, Streams};
use crate::clock::Timestamp;
use crate::error::{Refusal, Result};
use crate::interact::Needs;
use crate::record::IncidentStatus;
use crate::workflow::answer::Answers;
use crate::workflow::due;
use crate::workflow::item_write::{self, ItemEdit};
use crate::workflow::target;
use crate::Context;

/// Move a remediation item's due date, keeping the old one in due_history
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents move-due INC-7-R1 --due 2026-04-03 --reason \"blocked on the cart-service v43 release\"
  incidents move-due INC-7-R2 --due next-sprint --reason \"drill environment booked until the 20th\"

--due takes YYYY-MM-DD, a span from today (10d, 2w), or this-sprint / next-sprint when
`sprint:` is configured.")]
pub(crate) struct Args {
    /// The remediation item
    #[arg(value_name = "ITEM-ID")]
    pub(crate) id: String,
    /// The new end of the due window: YYYY-MM-DD, 10d, 2w, this-sprint, next-sprint
    #[arg(long, value_name = "D")]
    pub(crate) due: Option<String>,
    /// Why the date moves
    #[arg(long, value_name = "R")]
    pub(crate) reason: Option<String>,
    /// When it moved: YYYY-MM-DD or RFC 3339 [default: now, or --today]
    #[arg(long, value_name = "T", value_parser = crate::clock::parse_at)]
    pub(crate) at: Option<Timestamp>,
}

const REASON_HINT: &str = "why the date moves";

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let id = args.id.as_str();
    let at = args.at.unwrap_or(ctx.clock.stamp).to_string();
    let mut warnings = Vec::new();
    // (old due, new due) as written, for the report.
    let mut dates: Option<(String, String)> = None;
    let written = item_write::write(ctx, id, |repo, file, item| {
        match item.status.value {
            Some(status) if status.is_done() => {
                return Err(Refusal::FinalDue { id: id.to_string(), status: status.as_str().to_string() }.into())
            }
            Some(_) => {}
            None => {
                return Err(Refusal::NoStatus { id: id.to_string(), path: file.path.to_string(), expected: None }.into())
            }
        }
        let mut needs = Needs::new(ctx.interactive);
        let due_text =
            needs.text(streams, args.due.as_deref(), "--due", "YYYY-MM-DD, 10d, 2w, this-sprint or next-sprint")?;
        let reason = needs.text(streams, args.reason.as_deref(), "--reason", REASON_HINT)?;
        let mut answers = Answers::new(&ctx.config);
        if let Some(reason) = &reason {
            answers.check("due_history.reason", reason);
        }
        answers.finish(needs, &format!("cannot move the due date of {id}"))?;
        let (Some(due_text), Some(reason)) = (due_text, reason) else {
            return Err(Refusal::DueValueMissing { id: id.to_string() }.into());
        };
        let new_due = due::resolve(&due_text, ctx.clock.today, ctx.config.sprint)?;
        let old_due = item.due.get().map(|due| due.end);
        if old_due == Some(new_due) && item.due.get().is_some_and(|due| due.start.is_none()) {
            return Err(Refusal::AlreadyDue { id: id.to_string(), due: new_due.to_string() }.into());
        }
        if new_due < ctx.clock.today {
            warnings.push(format!(
                "due {new_due} is already past (today is {}): `incidents check` will report it overdue",
                ctx.clock.today
            ));
        }
        if let Some(Ok((_, incident))) = item.incident.get().map(|incident| target::incident(repo, incident)) {
            let stabilized = match incident.status.value {
                Some(IncidentStatus::Active) | None => None,
                Some(_) => incident.stabilization.stabilized_at.get().map(Timestamp::date),
            };
            if let Some(severity) = incident.severity.get() {
                if let Some(beyond) = due::beyond_policy(&ctx.config, severity, stabilized, ctx.clock.today, new_due) {
                    warnings.push(beyond.warning(new_due));
                }
            }
        }
        let new_text = new_due.format("%Y-%m-%d").to_string();
        let mut changes = vec![ItemEdit::Set("due", new_text.clone())];
        // An unreadable old due (`missing-due`, `invalid-value`) has no date to keep.
        let old_text = old_due.map(|old| old.format("%Y-%m-%d").to_string());
        if let Some(old) = &old_text {
            changes.push(ItemEdit::AppendMap(
                "due_history",
                vec![("due", old.clone()), ("moved_at", at.clone()), ("reason", reason)],
            ));
        }
        dates = Some((old_text.unwrap_or_else(|| "no date".to_string()), new_text));
        Ok(changes)
    })?;
    let warnings: String = warnings.iter().map(|w| format!("warning: {w}\n")).collect();
    say(streams.err, &warnings)?;
    let (from, to) = dates.unwrap_or_default();
    let path = ctx.display_path(&written.path);
    let text = format!("{}: due {from} → {to} (moved at {at})\n{path}\n", written.id);
    say(streams.out, &text)?;
    super::refreshed(streams, &written.refreshed)?;
    Ok(Outcome::Success)
}
