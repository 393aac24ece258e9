//! `incidents status [ID…] [--write] [--format markdown|json]`: the standard status
//! block — current state apart from the next remediation action, plus progress — on
//! screen with the incident's last Timeline entries, or written into each incident file
//! between its markers (`--write`, without the entries).

use super::{say, write, Outcome, Streams};
use crate::analysis::StatusBlock;
use crate::edit::status_block;
use crate::error::{Error, Refusal, Result, UsageError};
use crate::printable::printable_lines;
use crate::record::{timeline, Incident, ParsedFile, Record, RecordBody};
use crate::render::status as status_output;
use crate::store::index::{Entry, Index};
use crate::store::Repository;
use crate::workflow::Session;
use crate::Context;
use std::collections::HashMap;

/// Output format of `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// Markdown: readable on a terminal, pasteable into a channel or a pull request
    #[default]
    Markdown,
    /// One JSON object: `today` and `incidents`
    Json,
}

/// Show where incidents stand: current state, next remediation action, progress
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents status                      every incident not yet closed
  incidents status INC-42               one incident
  incidents status --all --format json  every incident, as JSON
  incidents status --write              refresh the block in every incident file
  incidents status --write INC-42       write INC-42's block into its file")]
pub(crate) struct Args {
    /// Incident ids [default: every incident not yet closed; with --all or --write, every incident]
    pub(crate) ids: Vec<String>,
    /// Include closed incidents when no id is given
    #[arg(long)]
    pub(crate) all: bool,
    /// Write each block into its incident file, between `<!-- incidents:status -->` and
    /// `<!-- /incidents:status -->` (right after the front matter when they are absent)
    #[arg(long, conflicts_with = "format")]
    pub(crate) write: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    pub(crate) format: Format,
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    // `--write` holds the records-folder lock from reading the records to the last write,
    // like every writing command, so a concurrent edit cannot slip in between.
    // Shown on screen, each incident's Timeline is read while the records load (no
    // file is read twice); `--write` leaves the entries out.
    let (repo, _lock, read) = if args.write {
        let Session { repo, lock } = Session::open(ctx, false)?;
        (repo, lock, Vec::new())
    } else {
        let (repo, read) =
            Repository::load_visiting(&ctx.root, &ctx.config, |file, body| timeline_of(file, body, args));
        (repo, None, read)
    };
    let timelines: HashMap<&str, Vec<timeline::Entry>> = repo
        .files
        .iter()
        .zip(read)
        .filter_map(|(file, entries)| entries.map(|entries| (file.path.as_str(), entries)))
        .collect();
    let index = Index::build(&repo);
    let entries = select(&index, args)?;
    if args.write {
        return write_blocks(ctx, &entries, streams);
    }
    let today = Some(ctx.clock.today);
    let mut shown = Vec::new();
    for entry in &entries {
        match StatusBlock::build(entry.incident, &entry.remediations(), today) {
            Some(block) => shown.push((*entry, block)),
            None => skipped(entry, streams)?,
        }
    }
    if shown.is_empty() && args.format == Format::Markdown {
        let note = if args.all {
            "note: no incident to show\n"
        } else {
            "note: no incident to show (closed ones are left out without --all)\n"
        };
        write(streams.err, note)?;
        return Ok(Outcome::Success);
    }
    let shown: Vec<status_output::Shown> = shown
        .into_iter()
        .map(|(entry, block)| status_output::Shown::new(block, timelines.get(entry.path).cloned().unwrap_or_default()))
        .collect();
    let text = match args.format {
        Format::Markdown if !args.ids.is_empty() => {
            let seen = seen_before(&entries, &index);
            printable_lines(&format!("{}{seen}", status_output::render(&shown))).into_owned()
        }
        Format::Markdown => printable_lines(&status_output::render(&shown)).into_owned(),
        Format::Json => {
            let mut shown = shown;
            if !args.ids.is_empty() {
                for item in &mut shown {
                    if let Some(entry) = entries.iter().find(|entry| entry.id == item.block.id) {
                        item.block.seen_before = seen_for(entry, &index);
                    }
                }
            }
            // Written as it is serialised (25 MB at 10,000 incidents), not gathered first.
            let output = status_output::StatusOutput { today: ctx.clock.today, incidents: &shown };
            let result = status_output::write_json(&mut *streams.out, &output);
            crate::store::leak_at_exit(shown);
            super::written(result)?;
            String::new()
        }
    };
    write(streams.out, &text)?;
    // The process ends right after: what was built from the records is not freed one by one.
    crate::store::leak_at_exit((text, entries, timelines));
    crate::store::leak_at_exit(index);
    repo.release_at_exit();
    Ok(Outcome::Success)
}

/// The Timeline entries of an incident file `status` may show (the ids asked for, or
/// those [`listed`] without ids), from the body the loader split off; `None` for the
/// files it will not show.
fn timeline_of(file: &ParsedFile, body: Option<RecordBody<'_>>, args: &Args) -> Option<Vec<timeline::Entry>> {
    let Some(Record::Incident(incident)) = &file.record else { return None };
    let wanted = if args.ids.is_empty() {
        listed(incident, args)
    } else {
        incident.id.get().is_some_and(|id| args.ids.iter().any(|asked| asked.trim() == id))
    };
    wanted.then(|| body.map_or_else(Vec::new, timeline::entries_in_body))
}

/// Whether `status` without ids shows `incident`: every one with `--all` or `--write`,
/// else those not closed.
fn listed(incident: &Incident, args: &Args) -> bool {
    args.all || args.write || incident.status.value != Some(crate::record::IncidentStatus::Closed)
}

/// The earlier incidents of `entry`'s classes with the fixes validated for them (newest
/// three).
fn seen_for(entry: &Entry<'_>, records: &Index<'_>) -> Vec<crate::analysis::seen_before::SeenBefore> {
    let classes = entry.incident.effective_classes();
    crate::analysis::seen_before::find(&classes, Some(entry.id), entry.incident.opened.get(), &records.incidents)
}

/// For incidents named on the command line: [`seen_for`] as Markdown lines after the
/// blocks.
fn seen_before(entries: &[&Entry<'_>], records: &Index<'_>) -> String {
    let mut out = String::new();
    for entry in entries {
        let found = seen_for(entry, records);
        if found.is_empty() {
            continue;
        }
        out.push_str(&format!("\nSeen before ({}, same classes):\n", entry.id));
        for seen in &found {
            out.push_str(&format!("- {}\n", crate::analysis::seen_before::describe(seen)));
        }
    }
    out
}

/// The incidents named, or every one (not yet closed, unless `--all` or `--write`).
fn select<'r, 'a>(records: &'r Index<'a>, args: &Args) -> Result<Vec<&'r Entry<'a>>> {
    if args.ids.is_empty() {
        return Ok(records.incidents.iter().filter(|entry| listed(entry.incident, args)).collect());
    }
    args.ids.iter().map(|id| find(records, id.trim())).collect()
}

fn find<'r, 'a>(records: &'r Index<'a>, id: &str) -> Result<&'r Entry<'a>> {
    if let Some(entry) = records.incident(id) {
        return Ok(entry);
    }
    let owner = records.incidents.iter().find(|entry| entry.items.iter().any(|item| item.id == id));
    if let Some(entry) = owner {
        // A bad argument (exit 2), like `stabilize` or `close` given an item.
        return Err(UsageError::StatusOfItem { id: id.to_string(), incident: entry.id.to_string() }.into());
    }
    let ids = records.incidents.iter().map(|entry| entry.id);
    let hint = crate::suggest::same_id(id, ids.clone()).or_else(|| crate::suggest::closest(id, ids));
    Err(Error::NotFound { id: id.to_string(), hint: hint.map(str::to_string) })
}

fn skipped(entry: &Entry<'_>, streams: &mut Streams<'_>) -> Result<()> {
    say(
        streams.err,
        &format!("note: {} ({}) has no valid `status`; `incidents check` says what to fix\n", entry.id, entry.path),
    )
}

/// Patches every file first and writes only when all of them can take their block, so
/// a refusal writes nothing.
fn write_blocks(ctx: &Context, entries: &[&Entry<'_>], streams: &mut Streams<'_>) -> Result<Outcome> {
    let mut patches = Vec::new();
    let mut problems = Vec::new();
    let mut current = 0;
    for entry in entries {
        let Some(block) = StatusBlock::build(entry.incident, &entry.remediations(), None) else {
            skipped(entry, streams)?;
            continue;
        };
        let path = ctx.root.join(entry.path);
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        match status_block::apply(&text, &status_output::block(&block)) {
            Ok(Some(patched)) => {
                crate::edit::atomic::ensure_writable(&path, entry.path)?;
                patches.push((entry.path, path, patched));
            }
            Ok(None) => current += 1,
            Err(problem) => problems.push(problem.at(entry.path)),
        }
    }
    if !problems.is_empty() {
        return Err(Refusal::StatusBlocks { problems }.into());
    }
    for (relative, path, patched) in &patches {
        crate::edit::write_atomic(path, patched.as_bytes())?;
        say(streams.out, &format!("updated {relative}\n"))?;
    }
    write(streams.err, &format!("{} status block(s) written, {current} already current\n", patches.len()))?;
    Ok(Outcome::Success)
}
