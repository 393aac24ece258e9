//! `incidents plan <ITEM-ID> --validation V [--validation-command C]`: give a
//! `diagnosing` item the validation that would prove the fix, and move it to `open`.
//! An item is created `diagnosing` when no practical validation can be named yet; this
//! is the step that ends the diagnosis. Refuses a non-answer, warns on a vague phrase
//! (as `remediate` does).

use super::{say, Outcome, Streams};
use crate::error::Result;
use crate::interact::Needs;
use crate::record::ItemStatus;
use crate::text::{meaningful, one_line};
use crate::workflow::answer::Answers;
use crate::workflow::transition;
use crate::Context;

/// Give a diagnosing item its validation and open it
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents plan INC-7-R2 --validation \"failover drill keeps retries under 2x baseline\"
  incidents plan INC-7-R2 --validation \"replay test of the partial-deploy window\" \\
    --validation-command \"cargo test --test partial_deploy\"")]
pub(crate) struct Args {
    /// The remediation item (status `diagnosing`)
    #[arg(value_name = "ITEM-ID")]
    pub(crate) id: String,
    /// What would prove the system changed, on the surface that failed
    #[arg(long, value_name = "V")]
    pub(crate) validation: Option<String>,
    /// A shell command that runs the validation
    #[arg(long, value_name = "C")]
    pub(crate) validation_command: Option<String>,
}

const HINT: &str = "what would prove the system changed: a test or signal on the surface that failed";

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let id = args.id.as_str();
    let mut written_validation = None;
    let moved = transition::apply(ctx, id, ItemStatus::Open, ctx.clock.stamp, |_, item| {
        let given = args.validation.as_deref().and_then(meaningful);
        let written = item.validation.get().map(String::as_str).and_then(meaningful);
        let mut needs = Needs::new(ctx.interactive);
        let mut answers = Answers::new(&ctx.config);
        let mut keys = Vec::new();
        let validation = match (given, written) {
            (None, Some(written)) => {
                answers.check("validation", written);
                Some(written.to_string())
            }
            _ => needs.text(streams, given, "--validation", HINT)?.inspect(|value| {
                answers.check("validation", value);
                keys.push(("validation", value.clone()));
            }),
        };
        answers.finish(needs, &format!("cannot plan {id}"))?;
        if let Some(command) = args.validation_command.as_deref().and_then(meaningful) {
            keys.push(("validation_command", command.to_string()));
        }
        written_validation = validation;
        Ok(keys)
    })?;
    if let Some(validation) = written_validation.filter(|v| ctx.config.is_vague(v)) {
        say(
            streams.err,
            &format!(
                "warning: validation \"{}\" is only a vague phrase: describe the test or signal that would fail if the breakage came back\n",
                one_line(&validation)
            ),
        )?;
    }
    let next =
        format!("`incidents start {0}` when work begins, or `incidents ship {0} --change <sha|PR URL>`", moved.id);
    super::report_move(ctx, streams, &moved, None, Some(&next))?;
    Ok(Outcome::Success)
}
