//! `incidents list`: one line per incident or remediation item, filtered by status,
//! owner, severity, class, kind and overdue; as a table or JSON.

use super::{write, Outcome, Streams};
use crate::analysis::listing::{self, Filter, Kind};
use crate::config::owners::Owners;
use crate::error::{Result, UsageError};
use crate::printable::printable_lines;
use crate::record::{IncidentStatus, ItemStatus};
use crate::render::list as list_output;
use crate::Context;

/// Output format of `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// An aligned table with a header line
    #[default]
    Text,
    /// One JSON object: `today` and `records`
    Json,
}

/// List incidents and remediation items, one per line
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents list                               every incident, each followed by its items
  incidents list --kind incident --status active --status stabilized
  incidents list --owner team-checkout --overdue
  incidents list --class state-mismatch-during-partial-deploy --format json

Several values of one filter match any of them; different filters must all match.")]
pub(crate) struct Args {
    /// Only records with this status (incident: active, stabilized, closed; item: open, in-progress, shipped, validated, dropped)
    #[arg(long, value_name = "STATUS")]
    pub(crate) status: Vec<String>,
    /// Only items with this owner (ignoring case and a leading `@`; with `owners` configured, one of them)
    #[arg(long, value_name = "OWNER")]
    pub(crate) owner: Vec<String>,
    /// Only incidents of this severity, and their items
    #[arg(long, value_name = "SEVERITY")]
    pub(crate) severity: Vec<String>,
    /// Only incidents with this failure class, and their items
    #[arg(long, value_name = "CLASS")]
    pub(crate) class: Vec<String>,
    /// Only items neither validated nor dropped that are past their due date
    #[arg(long)]
    pub(crate) overdue: bool,
    /// Only incidents or only remediation items
    #[arg(long, value_enum)]
    pub(crate) kind: Option<Kind>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let filter = resolve(ctx, args)?;
    let repo = ctx.load();
    let index = crate::store::Index::build(&repo);
    let rows = listing::rows(&index, &filter, ctx.clock.today);
    match args.format {
        Format::Text if rows.is_empty() => write(streams.err, &no_match(&repo, &args.owner))?,
        Format::Text => write(streams.out, &printable_lines(&list_output::render(&rows, &ctx.palette)))?,
        Format::Json => write(streams.out, &list_output::json(ctx.clock.today, &rows))?,
    }
    // The process ends right after: the rows and records are not freed one by one.
    crate::store::leak_at_exit((rows, index));
    repo.release_at_exit();
    Ok(Outcome::Success)
}

/// The note for an empty listing: with `--owner` values no item holds (and no `owners`
/// list to refuse them up front), the closest owner items do hold, so a typo is caught.
/// The owners items hold are matched and suggested as configured owners are
/// ([`Owners::find`], [`Owners::closest`]).
fn no_match(repo: &crate::store::Repository, owners: &[String]) -> String {
    let mut held: Vec<String> = repo.items().filter_map(|(_, item)| item.owner.get().cloned()).collect();
    held.sort_unstable();
    held.dedup();
    let held = Owners { names: held, source: None };
    let mut note = String::from("note: no record matches");
    for owner in owners.iter().filter(|owner| held.find(owner).is_none()) {
        note.push_str(&format!("; no item has owner `{owner}`"));
        if let Some(close) = held.closest(owner) {
            note.push_str(&format!(" (did you mean `{close}`?)"));
        }
    }
    note.push('\n');
    note
}

/// Checks the filter values against what records can hold.
fn resolve(ctx: &Context, args: &Args) -> Result<Filter> {
    let statuses: Vec<&str> = IncidentStatus::NAMES.iter().chain(ItemStatus::NAMES).copied().collect();
    for status in &args.status {
        if !statuses.contains(&status.as_str()) {
            let hint = crate::suggest::closest(status, statuses.iter().copied()).map(str::to_string);
            let allowed = statuses.iter().map(|s| s.to_string()).collect();
            return Err(UsageError::BadStatus { given: status.clone(), hint, allowed }.into());
        }
    }
    for severity in &args.severity {
        if !ctx.config.severities.contains(severity) {
            let allowed = ctx.config.severities.clone();
            return Err(UsageError::BadSeverity { given: severity.clone(), allowed }.into());
        }
    }
    let incident_only = args.status.iter().all(|s| IncidentStatus::parse(s).is_some()) && !args.status.is_empty();
    let item_flags: Vec<&str> = [("--overdue", args.overdue), ("--owner", !args.owner.is_empty())]
        .into_iter()
        .filter_map(|(flag, given)| given.then_some(flag))
        .collect();
    let flags = || item_flags.iter().map(|flag| flag.to_string()).collect();
    if args.kind == Some(Kind::Incident) && !item_flags.is_empty() {
        return Err(UsageError::ItemFlagsWithIncidentKind { flags: flags() }.into());
    }
    if incident_only && !item_flags.is_empty() {
        return Err(UsageError::ItemFlagsWithIncidentStatuses { flags: flags() }.into());
    }
    let item_only = args.status.iter().all(|s| ItemStatus::parse(s).is_some()) && !args.status.is_empty();
    if args.kind == Some(Kind::Incident) && item_only {
        return Err(UsageError::ItemStatusesWithIncidentKind.into());
    }
    if args.kind == Some(Kind::Remediation) && incident_only {
        return Err(UsageError::IncidentStatusesWithItemKind.into());
    }
    // With `owners` configured, an owner that is none of them is refused with the closest
    // one, like `digest --owner`; matching is by `config::owners::key` either way.
    let owners = match &ctx.config.owners {
        Some(configured) => args.owner.iter().map(|owner| configured.resolve(owner)).collect::<Result<_, _>>()?,
        None => args.owner.clone(),
    };
    let done_only = item_only && args.status.iter().all(|s| ItemStatus::parse(s).is_some_and(ItemStatus::is_done));
    if args.overdue && done_only {
        return Err(UsageError::OverdueOnlyFinal.into());
    }
    Ok(Filter {
        kind: args.kind,
        statuses: args.status.clone(),
        owners,
        severities: args.severity.clone(),
        classes: args.class.clone(),
        overdue: args.overdue,
    })
}
