//! `incidents validate <ITEM-ID> --evidence E`: mark a shipped remediation item
//! `validated`, writing where its validation signal passed (`evidence`) and when
//! (`validated_at`). Only from `shipped`: a fix is validated after it ships, never
//! instead. Refuses without evidence, and refuses a non-answer (`ok`, `tested`, …).
//! `--run` runs the item's `validation_command` and writes the evidence only when it
//! exits 0 ([`super::validate_run`]), stamping `evidence_source: run`.

use super::{Outcome, Streams};
use crate::clock::Timestamp;
use crate::error::{Refusal, Result};
use crate::interact::Needs;
use crate::record::{FieldState, ItemStatus, Source};
use crate::text::meaningful;
use crate::workflow::answer::Answers;
use crate::workflow::transition;
use crate::Context;

/// Mark a shipped remediation item validated, with the evidence that its validation passed
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents validate INC-7-R1 --evidence \"CI run 4812: staggered-rollout test green\"
  incidents validate INC-7-R1 --run        # runs its validation_command; evidence only on exit 0
  incidents validate INC-7-R2 --evidence \"dashboard: queue depth flat through failover drill\" --at 2026-03-18

The item must be shipped first (`incidents ship INC-7-R1 --change <sha|PR URL>`).")]
pub(crate) struct Args {
    /// The remediation item
    #[arg(value_name = "ITEM-ID")]
    pub(crate) id: String,
    /// Where the validation signal passed: a CI run, a test run at a commit, a dashboard
    #[arg(long, value_name = "E", conflicts_with = "run")]
    pub(crate) evidence: Option<String>,
    /// Run the item's `validation_command` (`sh -c`, in the root, within
    /// `validation_timeout`); on exit 0 write what ran, at which commit, as evidence
    #[arg(long)]
    pub(crate) run: bool,
    /// When it passed: YYYY-MM-DD or RFC 3339 [default: now, or --today]
    #[arg(long, value_name = "T", value_parser = crate::clock::parse_at)]
    pub(crate) at: Option<Timestamp>,
}

const HINT: &str = "where the validation signal passed: a CI run, a test run at a commit, a dashboard";

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let at = args.at.unwrap_or(ctx.clock.stamp);
    let id = args.id.as_str();
    let ran = if args.run { Some(run_command(ctx, id, at)?) } else { None };
    let moved = transition::apply(ctx, id, ItemStatus::Validated, at, |_, item| {
        if item.change.is_missing() {
            return Err(Refusal::ShippedWithoutChange { id: id.to_string() }.into());
        }
        if let Some(evidence) = &ran {
            return Ok(vec![("evidence", evidence.clone()), ("evidence_source", Source::Run.as_str().to_string())]);
        }
        let given = args.evidence.as_deref().and_then(meaningful);
        let written = item.evidence.get().map(String::as_str).and_then(meaningful);
        let mut needs = Needs::new(ctx.interactive);
        let mut answers = Answers::new(&ctx.config);
        let mut keys = Vec::new();
        match (given, written) {
            (None, Some(written)) => answers.check("evidence", written),
            _ => {
                if let Some(evidence) = needs.text(streams, given, "--evidence", HINT)? {
                    answers.check("evidence", &evidence);
                    keys.push(("evidence", evidence));
                    // Only `--run` is stamped; `hand` only replaces a stamp written by hand.
                    if item.evidence_source.state != FieldState::Absent {
                        keys.push(("evidence_source", Source::Hand.as_str().to_string()));
                    }
                }
            }
        }
        answers.finish(needs, &format!("cannot validate {id}"))?;
        Ok(keys)
    })?;
    super::report_move(ctx, streams, &moved, None, None)?;
    Ok(Outcome::Success)
}

/// `--run`: refuses before running when the item may not be validated or names no
/// command; otherwise runs it and returns the evidence (or the refusal on failure).
fn run_command(ctx: &Context, id: &str, at: Timestamp) -> Result<String> {
    let repo = ctx.load();
    let (_, item) = crate::workflow::target::item(&repo, id)?;
    if let Some(status) = item.status.value {
        transition::check(id, status, ItemStatus::Validated)?;
    }
    let Some(command) = item.validation_command.get().map(String::as_str).and_then(meaningful) else {
        return Err(Refusal::NoValidationCommand { id: id.to_string() }.into());
    };
    super::validate_run::run(ctx, id, command, at)
}
