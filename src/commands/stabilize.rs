//! `incidents stabilize <ID>`: fill the gate-1 fields given, then close gate 1
//! (`status: stabilized`, `stabilization.stabilized_at`) — or refuse, naming each field
//! still missing, and write nothing.

use super::{write, Outcome, Streams};
use crate::clock::Timestamp;
use crate::edit::{self, Edit};
use crate::error::{Error, Result};
use crate::interact::Needs;
use crate::record::text::meaningful;
use crate::record::{Field, IncidentStatus, INCIDENT_KEYS, STABILIZATION_KEYS};
use crate::workflow::gates::{stabilization_field, GATE_ONE};
use crate::workflow::{target, Session};
use crate::Context;

/// Close gate 1: service is restored, with a signal, a rollback plan and verification
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents stabilize INC-7 \\
    --signal \"5xx rate on checkout-api > 2%, reproduced by replaying cart requests\" \\
    --rollback \"redeploy v42 behind a 10% canary\" \\
    --verification \"5xx under 0.1% for 30 minutes in production\"
  incidents stabilize INC-7 --at 2026-03-02T15:05:00Z     # fields already written in the file

Fields already written in the file count; flags overwrite them.")]
pub struct Args {
    /// The incident
    pub id: String,
    /// The reproducible signal that shows the symptom
    #[arg(long)]
    pub signal: Option<String>,
    /// How the intervention is undone if it misbehaves
    #[arg(long)]
    pub rollback: Option<String>,
    /// Production metrics that confirmed restoration
    #[arg(long)]
    pub verification: Option<String>,
    /// The smallest safe change that restored service
    #[arg(long)]
    pub intervention: Option<String>,
    /// What is still unknown
    #[arg(long)]
    pub uncertainty: Option<String>,
    /// When gate 1 closed: YYYY-MM-DD or RFC 3339 [default: now, or --today]
    #[arg(long, value_name = "T", value_parser = crate::clock::parse_at)]
    pub at: Option<Timestamp>,
}

pub fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let Session { repo, lock } = Session::open(ctx, false)?;
    let (file, incident) = target::incident(&repo, &args.id)?;
    let id = args.id.as_str();
    match incident.status.value {
        Some(IncidentStatus::Active) => {}
        Some(status) => {
            // "already closed since <closed_at>", "already stabilized since <stabilized_at>".
            let at = match status {
                IncidentStatus::Closed => incident.closed_at.get(),
                _ => incident.stabilization.stabilized_at.get(),
            };
            let since = at.map(|at| format!(" since {at}")).unwrap_or_default();
            return Err(Error::Refused(format!("{id} is already {}{since}: gate 1 is closed", status.as_str())));
        }
        None => {
            return Err(Error::Refused(format!(
                "{id} has no readable `status` ({}): set `status: active` first",
                file.path
            )))
        }
    }
    let given = |key: &str| match key {
        "signal" => args.signal.as_deref(),
        "rollback" => args.rollback.as_deref(),
        "verification" => args.verification.as_deref(),
        "intervention" => args.intervention.as_deref(),
        "uncertainty" => args.uncertainty.as_deref(),
        _ => None,
    };
    let written =
        |key: &str| stabilization_field(incident, key).is_some_and(|field: &Field<String>| !field.is_missing());
    let mut needs = Needs::new(ctx.interactive);
    let mut values: Vec<(&str, String)> = Vec::new();
    for (key, flag, hint) in GATE_ONE {
        if given(key).and_then(meaningful).is_none() && written(key) {
            continue;
        }
        if let Some(value) = needs.text(streams, given(key), flag, hint)? {
            values.push((key, value));
        }
    }
    for (key, hint) in [("intervention", "the change that restored service"), ("uncertainty", "what is still unknown")]
    {
        let asked = if written(key) {
            given(key).and_then(meaningful).map(str::to_string)
        } else {
            needs.optional(streams, given(key), &format!("--{key}"), hint)?
        };
        if let Some(value) = asked {
            values.push((key, value));
        }
    }
    needs.finish(&format!("cannot stabilize {id}"))?;

    let at = args.at.unwrap_or(ctx.clock.stamp);
    if let Some(opened) = incident.opened.get() {
        if at.is_before(opened) {
            return Err(Error::Refused(format!(
                "{} {at} is before {id} was opened ({opened}): stabilization cannot precede the incident; pass --at with the real time",
                crate::workflow::stamp_source(args.at.is_some())
            )));
        }
    }
    let at_text = at.to_string();
    values.push(("stabilized_at", at_text.clone()));
    let mut edits: Vec<Edit<'_>> = values
        .iter()
        .map(|(key, value)| Edit::SetNested {
            parent: "stabilization",
            key,
            value,
            order: STABILIZATION_KEYS,
            parent_order: INCIDENT_KEYS,
        })
        .collect();
    edits.push(Edit::Set { key: "status", value: "stabilized", order: INCIDENT_KEYS });
    let path = repo.absolute(&file.path);
    let text = edit::file::patched(&path, &file.path, &edits)?;
    edit::write_atomic(&path, text.as_bytes())?;
    let refreshed = crate::workflow::refresh::status_block(ctx, id, &path);
    drop(lock);

    let next = if incident.failure_modes().is_empty() {
        format!("next: name each failure mode with its item: `incidents remediate {id} --add-failure-mode --failure-mode \"…\" --owner … --due … --validation …`")
    } else {
        format!("next: open an item for each failure mode: `incidents remediate {id} --failure-mode \"…\" --owner … --due … --validation …`")
    };
    write(streams.out, &format!("{id} stabilized at {at_text}: gate 1 closed\n{next}\n{}\n", ctx.display_path(&path)))?;
    super::refreshed(streams, &refreshed)?;
    Ok(Outcome::Success)
}
