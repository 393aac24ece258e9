//! `incidents close <ID>`: close gate 2 (`status: closed`, `closed_at`) — or refuse,
//! naming every uncovered failure mode and every item neither validated nor dropped.
//! A status block already written in the incident's file is refreshed.

use super::{write, Outcome, Streams};
use crate::clock::Timestamp;
use crate::edit::{self, Edit};
use crate::error::{Refusal, Result};
use crate::record::{IncidentStatus, INCIDENT_KEYS};
use crate::refusal::Earlier;
use crate::workflow::gates::{close_blockers, gate_one_missing};
use crate::workflow::{refresh, target, Session};
use crate::Context;

/// Close gate 2: every failure mode has items, every item is validated or dropped
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents close INC-7
  incidents close INC-7 --at 2026-03-20T16:00:00Z")]
pub(crate) struct Args {
    /// The incident
    pub(crate) id: String,
    /// When gate 2 closed: YYYY-MM-DD or RFC 3339 [default: now, or --today]
    #[arg(long, value_name = "T", value_parser = crate::clock::parse_at)]
    pub(crate) at: Option<Timestamp>,
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let Session { repo, lock } = Session::open(ctx, false)?;
    let (file, incident) = target::incident(&repo, &args.id)?;
    let id = args.id.as_str();
    match incident.status.value {
        Some(IncidentStatus::Stabilized) => {}
        Some(IncidentStatus::Closed) => {
            let since = incident.closed_at.get().map(|at| at.to_string());
            return Err(Refusal::AlreadyClosed { id: id.to_string(), since }.into());
        }
        Some(IncidentStatus::Active) => return Err(Refusal::ActiveNotClosable { id: id.to_string() }.into()),
        None => {
            return Err(Refusal::NoStatus { id: id.to_string(), path: file.path.to_string(), expected: None }.into())
        }
    }
    let missing = gate_one_missing(incident);
    if !missing.is_empty() {
        let missing = missing.iter().map(|key| key.to_string()).collect();
        return Err(Refusal::GateOneIncomplete { id: id.to_string(), path: file.path.to_string(), missing }.into());
    }
    let blockers = close_blockers(&repo, incident);
    if !blockers.is_empty() {
        return Err(Refusal::CloseBlocked { id: id.to_string(), blockers }.into());
    }
    let at = args.at.unwrap_or(ctx.clock.stamp);
    if let Some(stabilized) = incident.stabilization.stabilized_at.get() {
        if at.is_before(stabilized) {
            return Err(Refusal::StampTooEarly {
                id: id.to_string(),
                at: at.to_string(),
                at_given: args.at.is_some(),
                earlier: Earlier::Stabilized,
                when: stabilized.to_string(),
            }
            .into());
        }
    }
    let at_text = at.to_string();
    let edits = [
        Edit::Set { key: "status", value: "closed", order: INCIDENT_KEYS },
        Edit::Set { key: "closed_at", value: &at_text, order: INCIDENT_KEYS },
    ];
    let path = repo.absolute(&file.path);
    let text = edit::file::patched(&path, &file.path, &edits)?;
    edit::write_atomic(&path, text.as_bytes())?;
    let refreshed = refresh::status_block(ctx, id, &path);
    drop(lock);
    write(streams.out, &format!("{id} closed at {at_text}: gate 2 closed\n{}\n", ctx.display_path(&path)))?;
    super::refreshed(streams, &refreshed)?;
    Ok(Outcome::Success)
}
