//! `incidents remediate <INCIDENT-ID> --failure-mode F --owner O --due D --validation V`:
//! create a remediation item `<INCIDENT-ID>-R<n>` beside the incident's file. Refuses,
//! writing nothing, when a field is missing, blank or a non-answer, or F is not one of
//! the incident's failure modes (unless `--add-failure-mode`). `--needs-diagnosis`
//! creates a `diagnosing` item without a validation. The created path is the last line
//! on stdout.
//!
//! With `--add-failure-mode` the command changes two files, and a kill can fall between
//! the two writes. The incident is written first and the item second, and a re-run
//! finishes what an earlier run left half done instead of doing it twice (see
//! `earlier_item` and `docs/security.md`).

use super::{say, Outcome, Streams};
use crate::edit::{self, slug, Edit};
use crate::error::{Error, Refusal, Result};
use crate::interact::{editor, prompt, Needs};
use crate::record::evidence::{is_non_answer, non_answer_message};
use crate::record::{Incident, IncidentStatus, ItemStatus, Record, INCIDENT_KEYS, REMEDIATION_KEYS};
use crate::store::Repository;
use crate::templates::TemplateName;
use crate::text::{meaningful, one_line, same_failure_mode};
use crate::workflow::gates::non_evidence;
use crate::workflow::{due, ids, target, Session};
use crate::Context;

/// Open a remediation item for one of an incident's failure modes
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents remediate INC-7 --failure-mode \"cache invalidation race after partial deploy\" \\
    --owner team-checkout --due 2w \\
    --validation \"integration test runs a staggered rollout and asserts cache keys converge\" \\
    --validation-command \"cargo test --test rollout staggered\"
  incidents remediate INC-7 --add-failure-mode --failure-mode \"retry storm on queue failover\" \\
    --owner dana --due next-sprint --validation \"failover drill keeps retries under 2x baseline\"
  incidents remediate INC-7 --failure-mode \"disk fills on db-3 during backup\" \\
    --owner team-db --due 1w --needs-diagnosis     # no practical validation can be named yet

--due takes YYYY-MM-DD, a span from today (10d, 2w), or this-sprint / next-sprint when
`sprint:` is configured. The created file's path is the last line on stdout.
Running an --add-failure-mode command again after it was interrupted finishes it: no
second item is made.")]
pub(crate) struct Args {
    /// The incident this item remediates
    #[arg(value_name = "INCIDENT-ID")]
    pub(crate) incident: String,
    /// The breakage this item prevents: one of the incident's failure_modes
    #[arg(long, value_name = "F")]
    pub(crate) failure_mode: Option<String>,
    /// The person or team who will do it
    #[arg(long, value_name = "O")]
    pub(crate) owner: Option<String>,
    /// End of the due window: YYYY-MM-DD, 10d, 2w, this-sprint, next-sprint
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub(crate) due: Option<String>,
    /// What would prove the system changed (a test of the surface that failed)
    #[arg(long, value_name = "V")]
    pub(crate) validation: Option<String>,
    /// A shell command that runs the validation (`validate --run` runs it)
    #[arg(long, value_name = "C", conflicts_with = "needs_diagnosis")]
    pub(crate) validation_command: Option<String>,
    /// No practical validation can be named yet: create a `diagnosing` item without one
    /// (`incidents plan` writes the validation later)
    #[arg(long, conflicts_with = "validation")]
    pub(crate) needs_diagnosis: bool,
    /// A short title (the file name uses it instead of the failure mode)
    #[arg(long)]
    pub(crate) title: Option<String>,
    /// Add F to the incident's failure_modes when it is not there yet
    #[arg(long)]
    pub(crate) add_failure_mode: bool,
    /// With --add-failure-mode: the repeat-failure class of the added failure mode
    /// (written as `{mode: F, class: C}`)
    #[arg(long, value_name = "C", requires = "add_failure_mode")]
    pub(crate) class: Option<String>,
    /// Do not open $VISUAL/$EDITOR on the new file
    #[arg(long)]
    pub(crate) no_edit: bool,
}

/// The fields of the item to create, checked.
struct Fields {
    failure_mode: String,
    owner: String,
    due: chrono::NaiveDate,
    validation: Option<String>,
    validation_command: Option<String>,
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let Session { repo, lock } = Session::open(ctx, false)?;
    let (incident_file, incident) = target::incident(&repo, &args.incident)?;
    let id = args.incident.as_str();
    if incident.status.value == Some(IncidentStatus::Closed) {
        return Err(Refusal::ClosedToNewItems { id: id.to_string() }.into());
    }
    let fields = fields(ctx, args, streams, incident)?;
    let class = args.class.as_deref().and_then(meaningful).map(one_line);
    if let Some(class) = &class {
        crate::commands::classes::check_known(ctx, class, "--class")?;
    }

    // The failure mode as the incident spells it, or a new one when asked to add it.
    let known = incident.failure_modes().iter().find(|m| same_failure_mode(&m.value, &fields.failure_mode));
    let adding = known.is_none();
    let failure_mode = match known {
        Some(spelled) => spelled.value.clone(),
        None if args.add_failure_mode => fields.failure_mode.clone(),
        None => return Err(unknown_mode(id, &fields.failure_mode, incident)),
    };
    if let (Some(class), false) = (&class, adding) {
        say(
            streams.err,
            &format!(
                "warning: --class {class} is not written: \"{failure_mode}\" is already one of {id}'s failure modes (edit its entry to `{{mode: …, class: …}}` to give it a class)\n"
            ),
        )?;
    }
    let incident_path = repo.absolute(&incident_file.path);
    let incident_text = if adding {
        let pairs = [("mode", failure_mode.as_str()), ("class", class.as_deref().unwrap_or_default())];
        let edits = match &class {
            Some(_) => [Edit::AppendMap { key: "failure_modes", entries: &pairs, order: INCIDENT_KEYS }],
            None => [Edit::Append { key: "failure_modes", value: &failure_mode, order: INCIDENT_KEYS }],
        };
        Some(edit::file::patched(&incident_path, &incident_file.path, &edits)?)
    } else {
        None
    };
    let class_note = class.as_deref().map(|c| format!(" with class `{c}`")).unwrap_or_default();
    let looks_like =
        if adding { looks_like(&repo, id, &failure_mode, class.as_deref(), incident) } else { String::new() };
    let added = |report: &mut String| {
        if adding {
            report.push_str(&format!(
                "added failure mode \"{failure_mode}\"{class_note} to {id} ({})\n{looks_like}",
                incident_file.path
            ));
        }
    };

    // A re-run of an --add-failure-mode command whose item was already created.
    if let Some((item_id, item_path)) =
        args.add_failure_mode.then(|| earlier_item(&repo, id, &failure_mode, &fields)).flatten()
    {
        let mut report = String::new();
        if let Some(updated) = &incident_text {
            edit::atomic::ensure_writable(&incident_path, &incident_file.path)?;
            edit::write_atomic(&incident_path, updated.as_bytes())?;
            added(&mut report);
            report.push_str(&format!(
                "{item_id} already exists for it: finished the change an earlier run left half done\n"
            ));
        } else {
            report.push_str(&format!(
                "{item_id} already remediates \"{failure_mode}\" with this owner and validation: nothing to do\n"
            ));
        }
        drop(lock);
        say(streams.out, &format!("{report}{}\n", ctx.display_path(&item_path)))?;
        return Ok(Outcome::Success);
    }

    let item_id = ids::next_item(&repo, id);
    let text = item_text(ctx, args, &item_id, id, &failure_mode, &fields)?;
    let folder = incident_path.parent().map_or_else(|| ctx.records_dir(), std::path::Path::to_path_buf);
    let title = args.title.as_deref().and_then(meaningful).map(one_line);
    let path = folder.join(slug::file_name(&item_id, title.as_deref().unwrap_or(&failure_mode)));
    let warnings = warnings(ctx, incident, &failure_mode, fields.validation.as_deref(), fields.due);
    edit::file::confined(&ctx.root, &ctx.records_dir(), &path, &ctx.display_path(&path))?;
    if path.exists() {
        return Err(Refusal::ItemExists { path: ctx.display_path(&path).to_string() }.into());
    }
    // The incident first: a kill before the item is written leaves a failure mode
    // without an item, which `check` reports and a re-run completes.
    if let Some(updated) = &incident_text {
        let original = std::fs::read(&incident_path).map_err(|e| Error::io(&incident_path, e))?;
        edit::atomic::ensure_writable(&incident_path, &incident_file.path)?;
        edit::write_atomic(&incident_path, updated.as_bytes())?;
        if let Err(error) = edit::file::create(&path, &ctx.display_path(&path), &text) {
            let _ = edit::write_atomic(&incident_path, &original);
            return Err(error);
        }
    } else {
        edit::file::create(&path, &ctx.display_path(&path), &text)?;
    }
    let refreshed = crate::workflow::refresh::status_block(ctx, id, &incident_path);
    drop(lock);

    say(streams.err, &warnings.iter().map(|w| format!("warning: {w}\n")).collect::<String>())?;
    let mut report = String::new();
    added(&mut report);
    let due_date = fields.due.format("%Y-%m-%d");
    let state = if fields.validation.is_some() { "" } else { " (diagnosing: no validation yet)" };
    report.push_str(&format!(
        "created {item_id} for {id}: \"{failure_mode}\", owner {}, due {due_date}{state}\n",
        fields.owner
    ));
    if fields.validation.is_none() {
        report.push_str(&format!(
            "next: once the diagnosis names a validation, `incidents plan {item_id} --validation \"…\"`\n"
        ));
    }
    report.push_str(&format!("{}\n", ctx.display_path(&path)));
    say(streams.out, &report)?;
    super::refreshed(streams, &refreshed)?;
    editor::open_created(ctx, args.no_edit, &path, streams.err)?;
    Ok(Outcome::Success)
}

/// "note: … looks like INC-3's '…'" lines for an added failure mode close to earlier
/// ones of other incidents that share no class with it (empty when none).
fn looks_like(repo: &Repository, id: &str, mode: &str, class: Option<&str>, incident: &Incident) -> String {
    let records = crate::store::Index::build(repo);
    let classes: Vec<&str> = match class {
        Some(class) => vec![class],
        None => incident.classes().iter().map(|c| c.value.as_str()).collect(),
    };
    crate::analysis::similar::closest(mode, id, &classes, &records.incidents)
        .into_iter()
        .map(|(other, earlier, percent)| {
            format!(
                "note: \"{mode}\" looks like {other}'s \"{earlier}\" ({percent} % word overlap, no shared class): if it is the same failure, give both one class\n"
            )
        })
        .collect()
}

/// Reads and checks the item's fields: every one missing, blank or a non-answer is named
/// in one refusal.
fn fields(ctx: &Context, args: &Args, streams: &mut Streams<'_>, incident: &Incident) -> Result<Fields> {
    let id = args.incident.as_str();
    let mut needs = Needs::new(ctx.interactive);
    let mode_hint = "the breakage, one of the incident's failure_modes";
    let failure_mode = match args.failure_mode.as_deref().and_then(meaningful) {
        Some(given) => Some(one_line(given)),
        None => ask_failure_mode(ctx, streams, incident, &mut needs, mode_hint)?,
    };
    let owner = needs.text(streams, args.owner.as_deref(), "--owner", "the person or team who will do it")?;
    let due_text =
        needs.text(streams, args.due.as_deref(), "--due", "YYYY-MM-DD, 10d, 2w, this-sprint or next-sprint")?;
    let validation = if args.needs_diagnosis {
        None
    } else {
        needs.text(streams, args.validation.as_deref(), "--validation", "what would prove the system changed")?
    };
    let mut problems = Vec::new();
    let extra = non_evidence(&ctx.config);
    for (field, value) in [("failure_mode", &failure_mode), ("owner", &owner), ("validation", &validation)] {
        if let Some(text) = value.as_deref().filter(|text| is_non_answer(text, extra)) {
            problems.push(non_answer_message(field, text));
        }
    }
    let validation_command = match args.validation_command.as_deref() {
        Some(command) if meaningful(command).is_none() => {
            problems.push("--validation-command is blank: write the shell command that runs the validation, or leave the flag out".to_string());
            None
        }
        command => command.map(|c| c.trim().to_string()),
    };
    needs.finish_with(&format!("cannot add a remediation item to {id}"), &problems)?;
    let (Some(failure_mode), Some(owner), Some(due_text)) = (failure_mode, owner, due_text) else {
        return Err(Refusal::ItemValueMissing { id: id.to_string() }.into());
    };
    let due = due::resolve(&due_text, ctx.clock.today, ctx.config.sprint)?;
    Ok(Fields { failure_mode, owner: one_line(&owner), due, validation, validation_command })
}

/// The new item's text: the template filled in, with a title, a validation command, and
/// for `--needs-diagnosis` status `diagnosing` and no `validation` key at all.
fn item_text(
    ctx: &Context,
    args: &Args,
    item_id: &str,
    id: &str,
    failure_mode: &str,
    fields: &Fields,
) -> Result<String> {
    let template = crate::templates::load(&ctx.root, TemplateName::Remediation)?;
    let source = match fields.validation {
        Some(_) => template.text.to_string(),
        None => crate::templates::without_key(&template.text, "validation"),
    };
    let due_date = fields.due.format("%Y-%m-%d").to_string();
    let text = crate::templates::fill(
        &source,
        &[
            ("id", Some(item_id)),
            ("incident", Some(id)),
            ("failure_mode", Some(failure_mode)),
            ("owner", Some(&fields.owner)),
            ("due", Some(&due_date)),
            ("validation", fields.validation.as_deref()),
        ],
    );
    let title = args.title.as_deref().and_then(meaningful).map(one_line);
    let mut edits = Vec::new();
    if let Some(title) = &title {
        edits.push(Edit::Set { key: "title", value: title, order: REMEDIATION_KEYS });
    }
    if let Some(command) = &fields.validation_command {
        edits.push(Edit::Set { key: "validation_command", value: command, order: REMEDIATION_KEYS });
    }
    if fields.validation.is_none() {
        edits.push(Edit::Set { key: "status", value: ItemStatus::Diagnosing.as_str(), order: REMEDIATION_KEYS });
    }
    let text =
        if edits.is_empty() { text } else { edit::apply(&text, &edits).map_err(|e| template.error(&e.to_string()))? };
    template.check_filled(&text, &ctx.config, "remediation", item_id)?;
    if fields.validation.is_none() && text.lines().any(|line| line.starts_with("validation:")) {
        return Err(template.error(
            "a diagnosing item has no validation yet: write `validation: {{validation}}` on a line of its own so it can be left out",
        ));
    }
    Ok(text)
}

/// An item of incident `id` that an earlier run of the same `--add-failure-mode` command
/// created: not dropped, for the same failure mode, with the same owner and the same
/// validation (or none, for `--needs-diagnosis`). The due date is not compared: a span
/// like `2w` resolves to a later date on a later day.
fn earlier_item(
    repo: &Repository,
    id: &str,
    failure_mode: &str,
    fields: &Fields,
) -> Option<(String, std::path::PathBuf)> {
    repo.files.iter().find_map(|file| {
        let Some(Record::Remediation(item)) = &file.record else { return None };
        let same = item.incident.value.as_deref() == Some(id)
            && item.status.value != Some(ItemStatus::Dropped)
            && item.failure_mode.value.as_deref().is_some_and(|mode| same_failure_mode(mode, failure_mode))
            && item.owner.value.as_deref().map(str::trim) == Some(fields.owner.as_str())
            && item.validation.value.as_deref().and_then(meaningful) == fields.validation.as_deref().map(str::trim);
        same.then(|| (item.id.value.clone().unwrap_or_default(), repo.absolute(&file.path)))
    })
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
    say(streams.err, &list)?;
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
    Refusal::UnknownFailureMode { id: id.to_string(), mode: failure_mode.to_string(), listed }.into()
}

/// Warnings about what was written: vague text, a due date past the policy or today.
fn warnings(
    ctx: &Context,
    incident: &Incident,
    mode: &str,
    validation: Option<&str>,
    due: chrono::NaiveDate,
) -> Vec<String> {
    let mut out = Vec::new();
    if ctx.config.is_vague(mode) {
        out.push(format!("failure mode \"{mode}\" is only a vague phrase: name the breakage in a plain sentence (what broke, where, under which conditions)"));
    }
    if let Some(validation) = validation.filter(|v| ctx.config.is_vague(v)) {
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
