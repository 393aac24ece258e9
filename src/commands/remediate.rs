//! `incidents remediate <INCIDENT-ID> --failure-mode F --owner O --due D --validation V`:
//! create a remediation item `<INCIDENT-ID>-R<n>` beside the incident's file. Refuses,
//! writing nothing, when a field is missing or F is not one of the incident's failure
//! modes (unless `--add-failure-mode`). The created path is the last line on stdout.

use super::{write, Outcome, Streams};
use crate::edit::{self, slug, Edit};
use crate::error::{Error, Result};
use crate::interact::{editor, prompt, Needs};
use crate::record::text::{meaningful, one_line, same_failure_mode};
use crate::record::{Incident, IncidentStatus, INCIDENT_KEYS, REMEDIATION_KEYS};
use crate::templates::TemplateName;
use crate::workflow::{due, ids, target, Session};
use crate::Context;

/// Open a remediation item for one of an incident's failure modes
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents remediate INC-7 --failure-mode \"cache invalidation race after partial deploy\" \\
    --owner team-checkout --due 2w \\
    --validation \"integration test runs a staggered rollout and asserts cache keys converge\"
  incidents remediate INC-7 --add-failure-mode --failure-mode \"retry storm on queue failover\" \\
    --owner dana --due next-sprint --validation \"failover drill keeps retries under 2x baseline\"

--due takes YYYY-MM-DD, a span from today (10d, 2w), or this-sprint / next-sprint when
`sprint:` is configured. The created file's path is the last line on stdout.")]
pub struct Args {
    /// The incident this item remediates
    #[arg(value_name = "INCIDENT-ID")]
    pub incident: String,
    /// The breakage this item prevents: one of the incident's failure_modes
    #[arg(long, value_name = "F")]
    pub failure_mode: Option<String>,
    /// The person or team who will do it
    #[arg(long, value_name = "O")]
    pub owner: Option<String>,
    /// End of the due window: YYYY-MM-DD, 10d, 2w, this-sprint, next-sprint
    #[arg(long, value_name = "D")]
    pub due: Option<String>,
    /// What would prove the system changed (a test of the surface that failed)
    #[arg(long, value_name = "V")]
    pub validation: Option<String>,
    /// A shell command that runs the validation (`incidents validate <ITEM> --run` runs it)
    #[arg(long, value_name = "CMD")]
    pub validation_command: Option<String>,
    /// A short title (the file name uses it instead of the failure mode)
    #[arg(long)]
    pub title: Option<String>,
    /// Add F to the incident's failure_modes when it is not there yet
    #[arg(long)]
    pub add_failure_mode: bool,
    /// Do not open $VISUAL/$EDITOR on the new file
    #[arg(long)]
    pub no_edit: bool,
}

pub fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let Session { repo, lock } = Session::open(ctx, false)?;
    let (incident_file, incident) = target::incident(&repo, &args.incident)?;
    let id = args.incident.as_str();
    if incident.status.value == Some(IncidentStatus::Closed) {
        return Err(Error::Refused(format!(
            "{id} is closed: gate 2 is behind it, so a new item would leave it with open remediation; open a new incident for new work"
        )));
    }
    let modes = incident.failure_modes();
    let mut needs = Needs::new(ctx.interactive);
    let mode_hint = "the breakage, one of the incident's failure_modes";
    let failure_mode = match args.failure_mode.as_deref().and_then(meaningful) {
        Some(given) => Some(one_line(given)),
        None => ask_failure_mode(ctx, streams, incident, &mut needs, mode_hint)?,
    };
    let owner = needs.text(streams, args.owner.as_deref(), "--owner", "the person or team who will do it")?;
    let due_text =
        needs.text(streams, args.due.as_deref(), "--due", "YYYY-MM-DD, 10d, 2w, this-sprint or next-sprint")?;
    let validation =
        needs.text(streams, args.validation.as_deref(), "--validation", "what would prove the system changed")?;
    needs.finish(&format!("cannot add a remediation item to {id}"))?;
    let (Some(failure_mode), Some(owner), Some(due_text), Some(validation)) =
        (failure_mode, owner, due_text, validation)
    else {
        return Err(Error::Refused(format!("cannot add a remediation item to {id}: a field is missing")));
    };
    let owner = one_line(&owner);
    let due = due::resolve(&due_text, ctx.clock.today, ctx.config.sprint)?;

    // The failure mode as the incident spells it, or a new one when asked to add it.
    let known = modes.iter().find(|m| same_failure_mode(&m.value, &failure_mode)).map(|m| m.value.clone());
    let adding = known.is_none();
    let failure_mode = match known {
        Some(spelled) => spelled,
        None if args.add_failure_mode => failure_mode,
        None => return Err(unknown_mode(id, &failure_mode, incident)),
    };

    let item_id = ids::next_item(&repo, id);
    let template = crate::templates::load(&ctx.root, TemplateName::Remediation)?;
    let due_date = due.format("%Y-%m-%d").to_string();
    let mut text = crate::templates::fill(
        &template.text,
        &[
            ("id", Some(&item_id)),
            ("incident", Some(id)),
            ("failure_mode", Some(&failure_mode)),
            ("owner", Some(&owner)),
            ("due", Some(&due_date)),
            ("validation", Some(&validation)),
        ],
    );
    let title = args.title.as_deref().and_then(meaningful).map(one_line);
    if let Some(title) = &title {
        text = edit::apply(&text, &[Edit::Set { key: "title", value: title, order: REMEDIATION_KEYS }])
            .map_err(|e| template.error(&e.to_string()))?;
    }
    if let Some(command) = args.validation_command.as_deref().and_then(meaningful).map(one_line) {
        let edit = Edit::Set { key: "validation_command", value: &command, order: REMEDIATION_KEYS };
        text = edit::apply(&text, &[edit]).map_err(|e| template.error(&e.to_string()))?;
    }
    template.check_filled(&text, &ctx.config, "remediation", &item_id)?;
    let incident_path = repo.absolute(&incident_file.path);
    let folder = incident_path.parent().map_or_else(|| ctx.records_dir(), std::path::Path::to_path_buf);
    let path = folder.join(slug::file_name(&item_id, title.as_deref().unwrap_or(&failure_mode)));
    let incident_text = if adding {
        let edits = [Edit::Append { key: "failure_modes", value: &failure_mode, order: INCIDENT_KEYS }];
        Some(edit::file::patched(&incident_path, &incident_file.path, &edits)?)
    } else {
        None
    };

    let warnings = warnings(ctx, incident, &failure_mode, &validation, due);
    edit::file::confined(&ctx.root, &ctx.records_dir(), &path, &ctx.display_path(&path))?;
    edit::file::create(&path, &ctx.display_path(&path), &text)?;
    if let Some(updated) = &incident_text {
        if let Err(error) = edit::write_atomic(&incident_path, updated.as_bytes()) {
            let _ = std::fs::remove_file(&path);
            return Err(error);
        }
    }
    drop(lock);

    write(streams.err, &warnings.iter().map(|w| format!("warning: {w}\n")).collect::<String>())?;
    let mut report = String::new();
    if adding {
        report.push_str(&format!("added failure mode \"{failure_mode}\" to {id} ({})\n", incident_file.path));
    }
    report.push_str(&format!(
        "created {item_id} for {id}: \"{failure_mode}\", owner {owner}, due {due_date}\n{}\n",
        ctx.display_path(&path)
    ));
    write(streams.out, &report)?;
    editor::open_created(ctx, args.no_edit, &path, streams.err)?;
    Ok(Outcome::Success)
}

/// On a terminal, lists the incident's failure modes and asks for one (by number or
/// text); otherwise notes `--failure-mode` as missing.
fn ask_failure_mode(
    ctx: &Context,
    streams: &mut Streams<'_>,
    incident: &Incident,
    needs: &mut Needs,
    hint: &str,
) -> Result<Option<String>> {
    if !ctx.interactive {
        needs.missing("--failure-mode", hint);
        return Ok(None);
    }
    let modes = incident.failure_modes();
    let list: String = modes.iter().enumerate().map(|(i, m)| format!("  {}. {}\n", i + 1, m.value)).collect();
    write(streams.err, &list)?;
    let question = if modes.is_empty() { "Failure mode (a plain sentence)" } else { "Failure mode (number or text)" };
    let answer = prompt::ask(streams, question)?;
    let chosen = answer.map(|text| match text.parse::<usize>() {
        Ok(n) if (1..=modes.len()).contains(&n) => modes[n - 1].value.clone(),
        _ => one_line(&text),
    });
    if chosen.is_none() {
        needs.missing("--failure-mode", hint);
    }
    Ok(chosen)
}

/// The refusal for a failure mode the incident does not list: the list and the closest.
fn unknown_mode(id: &str, failure_mode: &str, incident: &Incident) -> Error {
    let listed = incident.failure_modes_listing(id, failure_mode);
    Error::Refused(format!(
        "\"{failure_mode}\" is not one of {id}'s failure modes ({listed}): copy one of them exactly, or pass --add-failure-mode to add it to the incident"
    ))
}

/// Warnings about what was written: vague text, a due date past the policy or today.
fn warnings(ctx: &Context, incident: &Incident, mode: &str, validation: &str, due: chrono::NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    if ctx.config.is_vague(mode) {
        out.push(format!("failure mode \"{mode}\" is only a vague phrase: name the breakage in a plain sentence (what broke, where, under which conditions)"));
    }
    if ctx.config.is_vague(validation) {
        out.push(format!("validation \"{validation}\" is only a vague phrase: describe the test or signal that would fail if the breakage came back"));
    }
    let today = ctx.clock.today;
    if due < today {
        out.push(format!("due {due} is already past (today is {today}): `incidents check` will report it overdue"));
    }
    let stabilized = incident.stabilization.stabilized_at.get().map(|at| at.date());
    if let Some(severity) = incident.severity.get() {
        if let Some(beyond) = due::beyond_policy(&ctx.config, severity, stabilized, today, due) {
            let from = if beyond.from_stabilization { "stabilization" } else { "today (not stabilized yet)" };
            out.push(format!(
                "due {due} is beyond the {} policy of {} days from {from} ({}), so by {}: pick an earlier date, or say in the item's body why it needs longer",
                beyond.severity, beyond.days, beyond.from, beyond.latest
            ));
        }
    }
    out
}
