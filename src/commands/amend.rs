//! `incidents amend <ID>`: rewrite gate-1 fields of an incident whose gate 1 is closed
//! (stabilized or closed), keeping `stabilization.stabilized_at`. The same checks as
//! `stabilize` apply to the state the amendment leaves: every gate-1 field written, none
//! a non-answer, the verification observed in production. An active incident is refused:
//! `stabilize` is the command that closes gate 1.

use super::stabilize::{stabilization_edits, written, GateOneFields};
use super::{say, Outcome, Streams};
use crate::edit;
use crate::error::{Refusal, Result, UsageError};
use crate::interact::Needs;
use crate::record::IncidentStatus;
use crate::text::meaningful;
use crate::workflow::gates::{gate_one_problems, GATE_ONE};
use crate::workflow::{target, Session};
use crate::Context;

/// Rewrite gate-1 fields after gate 1 closed, keeping stabilized_at
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents amend INC-7 --verification \"checkout 5xx under 0.1% on the production dashboard for 24h\"
  incidents amend INC-7 --rollback \"redeploy v42 behind a 10% canary\" --uncertainty \"why only eu-west\"

Only for stabilized or closed incidents; `stabilized_at` is kept. The incident's gate-1
fields must still pass after the change: written, no non-answer, verified in production.")]
pub(crate) struct Args {
    /// The incident
    pub(crate) id: String,
    #[command(flatten)]
    pub(crate) fields: GateOneFields,
}

const KEYS: [&str; 5] = ["signal", "intervention", "rollback", "verification", "uncertainty"];

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let id = args.id.as_str();
    let fields = &args.fields;
    if KEYS.iter().all(|key| fields.given(key).is_none()) {
        return Err(UsageError::NothingToAmend { id: id.to_string() }.into());
    }
    let Session { repo, lock } = Session::open(ctx, false)?;
    let (file, incident) = target::incident(&repo, id)?;
    match incident.status.value {
        Some(IncidentStatus::Stabilized | IncidentStatus::Closed) => {}
        Some(IncidentStatus::Active) => return Err(Refusal::ActiveNotAmendable { id: id.to_string() }.into()),
        None => {
            return Err(Refusal::NoStatus { id: id.to_string(), path: file.path.to_string(), expected: None }.into())
        }
    }

    let mut needs = Needs::new(false);
    let mut problems = Vec::new();
    let mut values: Vec<(&str, &str)> = Vec::new();
    let mut state: Vec<(&str, &str)> = Vec::new();
    for (key, flag, hint) in GATE_ONE.iter().copied().chain([("uncertainty", "--uncertainty", "what is still unknown")])
    {
        match fields.given(key) {
            Some(text) => match meaningful(text) {
                Some(text) => {
                    values.push((key, text));
                    state.push((key, text));
                }
                None => problems.push(format!("{flag} is blank or a placeholder: write {hint}")),
            },
            None => match written(incident, key) {
                Some(text) => state.push((key, text)),
                None if key != "uncertainty" => needs.missing(flag, hint),
                None => {}
            },
        }
    }
    problems.extend(gate_one_problems(&state, &ctx.config));
    needs.finish_with(&format!("cannot amend {id}"), &problems)?;

    let edits = stabilization_edits(&values);
    let path = repo.absolute(&file.path);
    let text = edit::file::patched(&path, &file.path, &edits)?;
    // Gate-1 evidence rewritten after the fact leaves a trace where readers look for the
    // incident's story: a Timeline entry naming the fields and when.
    let keys: Vec<String> = values.iter().map(|(key, _)| format!("stabilization.{key}")).collect();
    let entry = format!("- {} amended gate 1: {}", ctx.clock.stamp, keys.join(", "));
    let text = edit::timeline::append_entry(&text, &entry).unwrap_or(text);
    edit::write_atomic(&path, text.as_bytes())?;
    let refreshed = crate::workflow::refresh::status_block(ctx, id, &path);
    drop(lock);

    let kept = incident
        .stabilization
        .stabilized_at
        .get()
        .map(|at| format!("stabilized_at {at} kept"))
        .unwrap_or_else(|| "stabilized_at kept".to_string());
    say(streams.out, &format!("{id} amended: {} ({kept})\n{}\n", keys.join(", "), ctx.display_path(&path)))?;
    super::refreshed(streams, &refreshed)?;
    Ok(Outcome::Success)
}
