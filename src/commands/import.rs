//! `incidents import csv FILE`: remediation items from a follow-up / action-item export
//! (incident.io, Rootly, FireHydrant, Jira). Columns are found by their usual header
//! names or named with `--…-column`; every row is checked before anything is written,
//! and a file with a row that cannot become a valid item is refused whole, each bad row
//! named by its line number. `--dry-run` shows what would be created and writes nothing.

use super::{write, Outcome, Streams};
use crate::edit::{self, slug, Edit};
use crate::error::{Error, Refusal, Result, UsageError};
use crate::record::evidence::is_non_answer;
use crate::record::{IncidentStatus, ItemStatus, REMEDIATION_KEYS};
use crate::templates::TemplateName;
use crate::text::{meaningful, one_line, same_failure_mode};
use crate::workflow::{ids, target, Session};
use crate::Context;
use std::collections::HashMap;
use std::path::PathBuf;

/// Import records from another tool's export
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents import csv follow-ups.csv --dry-run
  incidents import csv jira.csv --into INC-7 --failure-mode-column Summary")]
pub(crate) struct Args {
    #[command(subcommand)]
    pub(crate) source: Source,
}

/// What to import from.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Source {
    Csv(CsvArgs),
}

/// Remediation items from a CSV export of follow-ups or action items
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents import csv follow-ups.csv --dry-run
  incidents import csv jira.csv --incident-column \"Custom field (Incident)\" --owner-column Assignee \\
      --due-column \"Due date\" --failure-mode-column Summary --validation-column Description

Columns are matched ignoring case. Defaults: title (Title, Name), incident (Incident,
Incident reference, Incident ID), owner (Owner, Assignee), due (Due date, Due), status
(Status, State), failure mode (Failure mode), validation (Validation, Description).
Statuses: to do / open / not started / backlog → open; in progress / started → in-progress.")]
pub(crate) struct CsvArgs {
    /// The CSV file (UTF-8, a header row first)
    pub(crate) file: PathBuf,
    /// Show what would be created; write nothing
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Put every row under this incident instead of reading an incident column
    #[arg(long, value_name = "ID")]
    pub(crate) into: Option<String>,
    /// The column holding the incident id
    #[arg(long, value_name = "COLUMN")]
    pub(crate) incident_column: Option<String>,
    /// The column holding the item's title
    #[arg(long, value_name = "COLUMN")]
    pub(crate) title_column: Option<String>,
    /// The column holding the owner (person or team)
    #[arg(long, value_name = "COLUMN")]
    pub(crate) owner_column: Option<String>,
    /// The column holding the due date (YYYY-MM-DD, or a timestamp starting with one)
    #[arg(long, value_name = "COLUMN")]
    pub(crate) due_column: Option<String>,
    /// The column holding the status
    #[arg(long, value_name = "COLUMN")]
    pub(crate) status_column: Option<String>,
    /// The column holding the failure mode (one of the incident's `failure_modes`)
    #[arg(long, value_name = "COLUMN")]
    pub(crate) failure_mode_column: Option<String>,
    /// The column holding the validation
    #[arg(long, value_name = "COLUMN")]
    pub(crate) validation_column: Option<String>,
}

/// The columns of the export, by field.
struct Columns {
    incident: Option<usize>,
    title: Option<usize>,
    owner: usize,
    due: usize,
    status: Option<usize>,
    failure_mode: usize,
    validation: usize,
}

/// An item ready to be written.
struct Planned {
    line: u64,
    id: String,
    incident: String,
    folder: PathBuf,
    title: Option<String>,
    failure_mode: String,
    owner: String,
    due: String,
    status: ItemStatus,
    validation: String,
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let Source::Csv(args) = &args.source;
    let bytes = crate::regular_file::read(&args.file, 64 * 1024 * 1024).map_err(|e| Error::io(&args.file, e))?;
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes.as_slice());
    let shown = args.file.display().to_string();
    let headers =
        reader.headers().map_err(|e| UsageError::NotCsv { file: shown.clone(), reason: e.to_string() })?.clone();
    let columns = columns(&headers, args, &shown)?;
    let Session { repo, lock } = Session::open(ctx, false)?;
    let mut next: HashMap<String, u64> = HashMap::new();
    let mut planned = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                problems.push(format!("line {line}: not readable as CSV: {error}"));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let cell = |index: Option<usize>| index.and_then(|i| record.get(i)).and_then(meaningful).map(one_line);
        if record.iter().all(|value| value.trim().is_empty()) {
            continue;
        }
        match plan(ctx, &repo, &columns, args, &cell, &mut next) {
            Ok(mut item) => {
                item.line = line;
                planned.push(item);
            }
            Err(reason) => problems.push(format!("line {line}: {reason}")),
        }
    }
    if !problems.is_empty() {
        return Err(Refusal::ImportRows { file: shown, problems }.into());
    }
    let template = crate::templates::load(&ctx.root, TemplateName::Remediation)?;
    let mut files = Vec::new();
    for item in &planned {
        let mut text = crate::templates::fill(
            &template.text,
            &[
                ("id", Some(&item.id)),
                ("incident", Some(&item.incident)),
                ("failure_mode", Some(&item.failure_mode)),
                ("owner", Some(&item.owner)),
                ("due", Some(&item.due)),
                ("validation", Some(&item.validation)),
            ],
        );
        let mut edits = vec![Edit::Set { key: "status", value: item.status.as_str(), order: REMEDIATION_KEYS }];
        if let Some(title) = &item.title {
            edits.push(Edit::Set { key: "title", value: title, order: REMEDIATION_KEYS });
        }
        text = edit::apply(&text, &edits).map_err(|e| template.error(&e.to_string()))?;
        template.check_filled(&text, &ctx.config, "remediation", &item.id)?;
        let path = item.folder.join(slug::file_name(&item.id, item.title.as_deref().unwrap_or(&item.failure_mode)));
        edit::file::confined(&ctx.root, &ctx.records_dir(), &path, &ctx.display_path(&path))?;
        files.push((path, text));
    }
    let mut report = String::new();
    for (item, (path, _)) in planned.iter().zip(&files) {
        let verb = if args.dry_run { "would create" } else { "created" };
        report.push_str(&format!(
            "{verb} {} for {} (line {}): \"{}\", owner {}, due {}, {}\n  {}\n",
            item.id,
            item.incident,
            item.line,
            item.failure_mode,
            item.owner,
            item.due,
            item.status.as_str(),
            ctx.display_path(path)
        ));
    }
    if args.dry_run {
        report.push_str(&format!("dry run: {} item(s), nothing was written\n", files.len()));
        write(streams.out, &report)?;
        return Ok(Outcome::Success);
    }
    let mut created: Vec<&PathBuf> = Vec::new();
    for (path, text) in &files {
        if let Err(error) = edit::file::create(path, &ctx.display_path(path), text) {
            // Nothing half-written: the files this import made go again.
            for done in created {
                let _ = std::fs::remove_file(done);
            }
            return Err(error);
        }
        created.push(path);
    }
    drop(lock);
    report.push_str(&format!("imported {} item(s) from {shown}\n", files.len()));
    write(streams.out, &report)?;
    Ok(Outcome::Success)
}

/// Finds each field's column: the flag's name, else a usual header name.
fn columns(headers: &csv::StringRecord, args: &CsvArgs, shown: &str) -> Result<Columns> {
    let names: Vec<String> = headers.iter().map(|h| h.trim().to_lowercase()).collect();
    let find = |flag: &Option<String>, option: &str, usual: &[&str], required: bool| -> Result<Option<usize>> {
        if let Some(wanted) = flag {
            return match names.iter().position(|n| *n == wanted.trim().to_lowercase()) {
                Some(index) => Ok(Some(index)),
                None => Err(UsageError::NoSuchColumn {
                    file: shown.to_string(),
                    wanted: wanted.clone(),
                    option: option.to_string(),
                    columns: headers.iter().map(str::to_string).collect(),
                }
                .into()),
            };
        }
        let found = usual.iter().find_map(|u| names.iter().position(|n| n == u));
        if found.is_none() && required {
            return Err(UsageError::ColumnNotFound {
                file: shown.to_string(),
                usual: usual[0].to_string(),
                option: option.to_string(),
                columns: headers.iter().map(str::to_string).collect(),
            }
            .into());
        }
        Ok(found)
    };
    let incident = find(
        &args.incident_column,
        "incident-column",
        &["incident", "incident reference", "incident id", "incident_id"],
        args.into.is_none(),
    )?;
    let required = |found: Option<usize>| found.unwrap_or_default();
    Ok(Columns {
        incident,
        title: find(&args.title_column, "title-column", &["title", "name"], false)?,
        owner: required(find(&args.owner_column, "owner-column", &["owner", "assignee", "assigned to"], true)?),
        due: required(find(&args.due_column, "due-column", &["due date", "due", "due_date", "due at"], true)?),
        status: find(&args.status_column, "status-column", &["status", "state"], false)?,
        failure_mode: required(find(
            &args.failure_mode_column,
            "failure-mode-column",
            &["failure mode", "failure_mode"],
            true,
        )?),
        validation: required(find(&args.validation_column, "validation-column", &["validation", "description"], true)?),
    })
}

/// One row as an item, or why it cannot be one.
fn plan(
    ctx: &Context,
    repo: &crate::store::Repository,
    columns: &Columns,
    args: &CsvArgs,
    cell: &dyn Fn(Option<usize>) -> Option<String>,
    next: &mut HashMap<String, u64>,
) -> std::result::Result<Planned, String> {
    let incident_id = args.into.clone().or_else(|| cell(columns.incident)).ok_or("no incident id")?;
    let (file, incident) = target::incident(repo, &incident_id).map_err(|e| e.to_string())?;
    if incident.status.value == Some(IncidentStatus::Closed) {
        return Err(format!("{incident_id} is closed: a new item would leave it with open remediation"));
    }
    let mode = cell(Some(columns.failure_mode)).ok_or("no failure mode")?;
    let Some(failure_mode) = incident.failure_modes().iter().find(|m| same_failure_mode(&m.value, &mode)) else {
        return Err(format!(
            "\"{mode}\" is not one of {incident_id}'s failure modes ({}): add it with `incidents remediate {incident_id} --add-failure-mode …` first, or fix the cell",
            incident.failure_modes_listing(&incident_id, &mode)
        ));
    };
    let owner = cell(Some(columns.owner)).ok_or("no owner")?;
    if let Some(owners) = &ctx.config.owners {
        if owners.find(&owner).is_none() {
            let hint = owners.closest(&owner).map(|n| format!(" (did you mean `{n}`?)")).unwrap_or_default();
            return Err(format!("owner `{owner}` is not one of the configured owners{hint}"));
        }
    }
    let due_text = cell(Some(columns.due)).ok_or("no due date")?;
    let due = due_text
        .get(..10)
        .and_then(crate::clock::parse_date)
        .filter(|_| due_text.len() == 10 || due_text[10..].starts_with(['T', ' ']))
        .ok_or_else(|| {
            format!("due `{due_text}` is not a date: write YYYY-MM-DD (or a timestamp starting with one)")
        })?;
    let validation = cell(Some(columns.validation)).ok_or("no validation: name what would prove the system changed")?;
    if is_non_answer(&validation, &[]) {
        return Err(format!("validation `{validation}` is a non-answer: describe the test or signal that would fail if the breakage came back"));
    }
    let status = match cell(columns.status).map(|s| s.to_lowercase()).as_deref() {
        None | Some("open" | "to do" | "todo" | "not started" | "backlog" | "new") => ItemStatus::Open,
        Some("in progress" | "in-progress" | "started" | "doing") => ItemStatus::InProgress,
        Some(other) => {
            return Err(format!(
                "status `{other}` cannot be imported: only open and in-progress items can (a shipped or validated item needs its change and evidence; import it open, then `incidents ship` / `validate`)"
            ))
        }
    };
    let counter = next.entry(incident_id.clone()).or_insert_with(|| {
        ids::next_item(repo, &incident_id).rsplit('R').next().and_then(|n| n.parse().ok()).unwrap_or(1)
    });
    let id = format!("{incident_id}-R{counter}");
    *counter += 1;
    let path = repo.absolute(&file.path);
    Ok(Planned {
        line: 0,
        id,
        incident: incident_id,
        folder: path.parent().map_or_else(|| ctx.records_dir(), std::path::Path::to_path_buf),
        title: cell(columns.title),
        failure_mode: failure_mode.value.clone(),
        owner,
        due: due.format("%Y-%m-%d").to_string(),
        status,
        validation,
    })
}
