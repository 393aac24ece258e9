//! `incidents sync [--write]`: what HEAD's git history says about the remediation items
//! (SPEC §4). Three lists: items that a commit's `Remediates:` trailer ships but that are
//! not marked `shipped` or `validated`; items marked shipped whose `change` is a commit
//! SHA not in HEAD's history; and trailers that name ids no item has. `--write` marks the
//! first list shipped exactly as `ship` would (the commit's SHA as `change`, its commit
//! time as `shipped_at`, the status block refreshed). A shallow clone is said, and the
//! SHA check, which needs the whole history, is skipped.
//!
//! [`shipping_commit`] is also what `ship` without `--change` reads.

use super::{ship, write, Outcome, Streams};
use crate::error::{Error, Refusal, Result};
use crate::git::history::{self, History, Shipping};
use crate::git::{self, Absent};
use crate::record::ItemStatus;
use crate::refusal::{NoGit, Untraced};
use crate::render::json;
use crate::text::meaningful;
use crate::workflow::change::Kind;
use crate::Context;
use serde::Serialize;

/// Output format of `sync`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// Three short lists, for people
    #[default]
    Text,
    /// One JSON object with `"version": 1`, for scripts
    Json,
}

/// Compare the items with the `Remediates:` trailers in HEAD's git history
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents sync                    what the history says that the records do not
  incidents sync --write            mark the items that commits shipped as shipped
  incidents sync --format json      the same, for scripts

A commit ships an item when its message ends with a trailer block naming it:
  git commit -m \"Retry cache fill after partial deploy\" --trailer \"Remediates: INC-12-R2\"")]
pub(crate) struct Args {
    /// Mark the items that commits ship as shipped (change and shipped_at from the commit)
    #[arg(long)]
    pub(crate) write: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

/// An item a commit ships that is not marked shipped.
#[derive(Debug, Serialize)]
struct Unmarked {
    id: String,
    file: String,
    status: String,
    commit: String,
    committed_at: String,
}

/// An item marked shipped by a SHA that is not in HEAD's history.
#[derive(Debug, Serialize)]
struct Missing {
    id: String,
    file: String,
    status: String,
    change: String,
}

/// A trailer naming an id that no item has.
#[derive(Debug, Serialize)]
struct Unknown {
    id: String,
    commit: String,
}

#[derive(Debug, Serialize)]
struct Output {
    version: u32,
    head: Option<String>,
    commits: usize,
    shallow: bool,
    unmarked: Vec<Unmarked>,
    missing: Vec<Missing>,
    unknown: Vec<Unknown>,
    written: Vec<String>,
}

/// Opens the repository holding the root, or refuses saying why git cannot be read
/// and what to do instead.
pub(crate) fn open(ctx: &Context) -> Result<git::Repo> {
    git::open(&ctx.root, &ctx.config).map_err(|absent| Refusal::SyncWithoutGit { why: no_git(ctx, absent) }.into())
}

/// Why git cannot be read, with the root as the refusal shows it.
fn no_git(ctx: &Context, absent: Absent) -> NoGit {
    match absent {
        Absent::Off => NoGit::Off,
        Absent::NotAWorkTree => NoGit::NotAWorkTree { root: ctx.root.display().to_string() },
    }
}

/// The newest commit in HEAD's history whose `Remediates:` trailer names `id`; a
/// refusal saying how to give the change otherwise.
pub(crate) fn shipping_commit(ctx: &Context, id: &str) -> Result<Shipping> {
    let refuse = |why: Untraced| -> Error { Refusal::NoShippingCommit { id: id.to_string(), why }.into() };
    let repo = git::open(&ctx.root, &ctx.config).map_err(|absent| refuse(Untraced::NoGit(no_git(ctx, absent))))?;
    let history = history::read(&repo)?;
    if let Some(commit) = history.newest_for(id) {
        return Ok(commit.clone());
    }
    Err(refuse(Untraced::NotInHistory { commits: history.commits, shallow: history.shallow }))
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let repo = open(ctx)?;
    let history = history::read(&repo)?;
    let records = ctx.load();
    let mut output = compare(&records, &history);
    output.head = repo.head();
    if history.shallow {
        write(
            streams.err,
            &format!("note: this clone is shallow ({} commits read): items shipped by older commits are not listed and changes are not looked up in the history; fetch the whole history (`git fetch --unshallow`; in CI, `fetch-depth: 0`)\n", history.commits),
        )?;
    }
    let mut failed = false;
    let mut moves = Vec::new();
    if args.write {
        for item in &output.unmarked {
            let Some(commit) = history.newest_for(&item.id) else { continue };
            let written = records.items().any(|(_, record)| {
                record.id.get().is_some_and(|id| id == &item.id)
                    && record.change.get().map(String::as_str).and_then(meaningful).is_some()
            });
            let given = (!written).then_some(commit.sha.as_str());
            let args = ship::Args { id: item.id.clone(), change: None, at: None };
            let mut buffer = Vec::new();
            let mut moved = Streams { input: streams.input, out: &mut buffer, err: streams.err };
            match ship::mark(ctx, &args, &mut moved, given, commit.time) {
                Ok(_) => {
                    output.written.push(item.id.clone());
                    moves.push(String::from_utf8_lossy(&buffer).into_owned());
                }
                Err(error) => {
                    failed = true;
                    write(streams.err, &format!("error: {error}\n"))?;
                }
            }
        }
    }
    match args.format {
        Format::Json => write(streams.out, &json::pretty(&output))?,
        Format::Text => {
            write(streams.out, &text(&output, args.write))?;
            for text in moves {
                write(streams.out, &text)?;
            }
        }
    }
    Ok(if failed { Outcome::Failure } else { Outcome::Success })
}

/// The three lists, from the records and the history.
fn compare(records: &crate::store::Repository, history: &History) -> Output {
    let mut output = Output {
        version: 1,
        head: None,
        commits: history.commits,
        shallow: history.shallow,
        unmarked: Vec::new(),
        missing: Vec::new(),
        unknown: Vec::new(),
        written: Vec::new(),
    };
    let mut known = std::collections::HashSet::new();
    for (file, item) in records.items() {
        let Some(id) = item.id.get() else { continue };
        known.insert(id.as_str());
        let Some(status) = item.status.value else { continue };
        let change = item.change.get().map(String::as_str).and_then(meaningful);
        match status {
            ItemStatus::Diagnosing | ItemStatus::Open | ItemStatus::InProgress => {
                if let Some(commit) = history.newest_for(id) {
                    output.unmarked.push(Unmarked {
                        id: id.clone(),
                        file: file.path.clone(),
                        status: status.as_str().to_string(),
                        commit: commit.sha.clone(),
                        committed_at: commit.time.to_string(),
                    });
                }
            }
            ItemStatus::Shipped | ItemStatus::Validated => {
                let Some(change) = change else { continue };
                if !history.shallow && Kind::of(change) == Kind::Commit && !history.contains(change) {
                    output.missing.push(Missing {
                        id: id.clone(),
                        file: file.path.clone(),
                        status: status.as_str().to_string(),
                        change: change.to_string(),
                    });
                }
            }
            ItemStatus::Dropped => {}
        }
    }
    for commit in &history.shipping {
        for id in &commit.items {
            if !known.contains(id.as_str()) && !output.unknown.iter().any(|u| &u.id == id) {
                output.unknown.push(Unknown { id: id.clone(), commit: commit.sha.clone() });
            }
        }
    }
    output
}

fn short(sha: &str) -> &str {
    sha.get(..12).unwrap_or(sha)
}

fn text(output: &Output, writing: bool) -> String {
    let mut text = String::new();
    let printable = crate::printable::printable_lines;
    if !output.unmarked.is_empty() {
        let verb = if writing { "marking them shipped" } else { "not marked shipped" };
        text += &format!("Shipped by a commit, {verb} ({}):\n", output.unmarked.len());
        for item in &output.unmarked {
            text += &format!(
                "  {}  {}  commit {} at {}  {}\n",
                printable(&item.id),
                item.status,
                short(&item.commit),
                item.committed_at,
                printable(&item.file)
            );
        }
    }
    if !output.missing.is_empty() {
        text += &format!("Marked shipped by a commit that is not in the history of HEAD ({}):\n", output.missing.len());
        for item in &output.missing {
            text += &format!(
                "  {}  {}  change: {}  {}\n",
                printable(&item.id),
                item.status,
                printable(&item.change),
                printable(&item.file)
            );
        }
    }
    if !output.unknown.is_empty() {
        text += &format!("Trailers naming no item ({}):\n", output.unknown.len());
        for unknown in &output.unknown {
            text += &format!("  {}  in commit {}\n", printable(&unknown.id), short(&unknown.commit));
        }
    }
    if text.is_empty() {
        text = format!(
            "In sync: {} commits read; every item a `Remediates:` trailer names is marked shipped.\n",
            output.commits
        );
    } else if !output.unmarked.is_empty() && !writing {
        text += "next: `incidents sync --write` marks them shipped (change and shipped_at from the commit)\n";
    }
    text
}
