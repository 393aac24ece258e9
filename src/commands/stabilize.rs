//! `incidents stabilize <ID>`: fill the gate-1 fields given, then close gate 1
//! (`status: stabilized`, `stabilization.stabilized_at`) — or refuse, naming at once each
//! field still missing, each that holds a non-answer and a verification that names only
//! pre-production checks, and write nothing. The gate-1 flags are defined here once and
//! shared with `amend` ([`GateOneFields`]).

use super::{say, Outcome, Streams};
use crate::clock::Timestamp;
use crate::edit::{self, Edit};
use crate::error::{Refusal, Result};
use crate::interact::Needs;
use crate::record::{Incident, IncidentStatus, INCIDENT_KEYS, STABILIZATION_KEYS};
use crate::refusal::Earlier;
use crate::text::meaningful;
use crate::workflow::gates::{gate_one_problems, stabilization_field, GATE_ONE};
use crate::workflow::{target, Session};
use crate::Context;

/// The gate-1 fields, as flags (shared by `stabilize` and `amend`).
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct GateOneFields {
    /// The reproducible signal that shows the symptom
    #[arg(long)]
    pub(crate) signal: Option<String>,
    /// The smallest safe change that restored service ("none: recovered when the provider recovered" is an answer)
    #[arg(long)]
    pub(crate) intervention: Option<String>,
    /// How the intervention is undone if it misbehaves
    #[arg(long)]
    pub(crate) rollback: Option<String>,
    /// Production metrics that confirmed restoration
    #[arg(long)]
    pub(crate) verification: Option<String>,
    /// What is still unknown
    #[arg(long)]
    pub(crate) uncertainty: Option<String>,
}

impl GateOneFields {
    /// The flag given for `key` (a key under `stabilization`), as typed.
    pub(crate) fn given(&self, key: &str) -> Option<&str> {
        match key {
            "signal" => self.signal.as_deref(),
            "intervention" => self.intervention.as_deref(),
            "rollback" => self.rollback.as_deref(),
            "verification" => self.verification.as_deref(),
            "uncertainty" => self.uncertainty.as_deref(),
            _ => None,
        }
    }
}

/// The text written in the incident for `stabilization.<key>`, when it is written (not
/// blank, not a placeholder).
pub(crate) fn written<'i>(incident: &'i Incident, key: &str) -> Option<&'i str> {
    stabilization_field(incident, key).filter(|field| !field.is_missing()).and_then(|field| field.value.as_deref())
}

/// Close gate 1: service is restored, with a signal, the intervention, a rollback plan and verification in production
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents stabilize INC-7 \\
    --signal \"5xx rate on checkout-api > 2%, reproduced by replaying cart requests\" \\
    --intervention \"rolled checkout-api back to v41\" \\
    --rollback \"redeploy v42 behind a 10% canary\" \\
    --verification \"5xx under 0.1% for 30 minutes in production\"
  incidents stabilize INC-7 --at 2026-03-02T15:05:00Z     # fields already written in the file

Fields already written in the file count; flags overwrite them. Non-answers (\"n/a\",
\"ok\", \"see ticket\", …) and a verification that names only local tests, CI or staging
are refused. To correct the fields after gate 1 closed, use `incidents amend`.")]
pub(crate) struct Args {
    /// The incident
    pub(crate) id: String,
    #[command(flatten)]
    pub(crate) fields: GateOneFields,
    /// When gate 1 closed: YYYY-MM-DD or RFC 3339 [default: now, or --today]
    #[arg(long, value_name = "T", value_parser = crate::clock::parse_at)]
    pub(crate) at: Option<Timestamp>,
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
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
            let (status, since) = (status.as_str().to_string(), at.map(|at| at.to_string()));
            return Err(Refusal::GateOneClosed { id: id.to_string(), status, since }.into());
        }
        None => {
            return Err(
                Refusal::NoStatus { id: id.to_string(), path: file.path.to_string(), expected: Some("active") }.into()
            )
        }
    }
    let fields = &args.fields;
    let mut needs = Needs::new(ctx.interactive);
    // What to write, and the whole gate-1 state after the write (for the evidence checks).
    let mut values: Vec<(&str, String)> = Vec::new();
    let mut state: Vec<(&str, String)> = Vec::new();
    for (key, flag, hint) in GATE_ONE {
        let given = fields.given(key).and_then(meaningful);
        if let (None, Some(text)) = (given, written(incident, key)) {
            state.push((key, text.to_string()));
            continue;
        }
        if let Some(value) = needs.text(streams, fields.given(key), flag, hint)? {
            state.push((key, value.clone()));
            values.push((key, value));
        }
    }
    let key = "uncertainty";
    let asked = if written(incident, key).is_some() {
        fields.given(key).and_then(meaningful).map(str::to_string)
    } else {
        needs.optional(streams, fields.given(key), "--uncertainty", "what is still unknown")?
    };
    if let Some(value) = asked {
        values.push((key, value));
    }
    let checked: Vec<(&str, &str)> = state.iter().map(|(key, text)| (*key, text.as_str())).collect();
    needs.finish_with(&format!("cannot stabilize {id}"), &gate_one_problems(&checked, &ctx.config))?;

    let at = args.at.unwrap_or(ctx.clock.stamp);
    if let Some(opened) = incident.opened.get() {
        if at.is_before(opened) {
            return Err(Refusal::StampTooEarly {
                id: id.to_string(),
                at: at.to_string(),
                at_given: args.at.is_some(),
                earlier: Earlier::Opened,
                when: opened.to_string(),
            }
            .into());
        }
    }
    let at_text = at.to_string();
    values.push(("stabilized_at", at_text.clone()));
    let mut edits = stabilization_edits(&values);
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
    say(streams.out, &format!("{id} stabilized at {at_text}: gate 1 closed\n{next}\n{}\n", ctx.display_path(&path)))?;
    super::refreshed(streams, &refreshed)?;
    Ok(Outcome::Success)
}

/// The edits that write `values` (`(key, text)`, keys under `stabilization:`), for
/// `stabilize` and `amend`.
pub(super) fn stabilization_edits<'a, T: AsRef<str>>(values: &'a [(&'a str, T)]) -> Vec<Edit<'a>> {
    values
        .iter()
        .map(|(key, value)| Edit::SetNested {
            parent: "stabilization",
            key,
            value: value.as_ref(),
            order: STABILIZATION_KEYS,
            parent_order: INCIDENT_KEYS,
        })
        .collect()
}
