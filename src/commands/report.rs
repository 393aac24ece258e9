//! `incidents report [--since DATE] [--until DATE] [--format markdown|json|html]`:
//! counts, gate durations, remediation workload, coverage gaps, repeat failure classes
//! and recurrence after remediation, for the incidents opened in a period.

use super::{Outcome, Streams};
use crate::analysis::detection;
use crate::analysis::{Period, Report};
use crate::error::{Error, Result, UsageError};
use crate::record::frontmatter::{split, Split};
use crate::record::timeline::Milestones;
use crate::record::Record;
use crate::render::report as report_output;
use crate::render::report::page::Page;
use crate::store::{leak_at_exit, Repository};
use crate::Context;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Output format of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// Markdown: headings, tables and lists
    #[default]
    Markdown,
    /// The report model as one JSON object
    Json,
    /// One self-contained HTML page with charts (no network, no script)
    Html,
}

/// Report on incidents: states, gate durations, remediation, repeat classes, recurrence
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents report                                   every incident, as Markdown
  incidents report --since 2026-01-01 --until 2026-06-30
  incidents report --format html > report.html       one self-contained page
  incidents --today 2026-11-26 report --format json

The period selects incidents by the date they were opened (both ends included).")]
pub(crate) struct Args {
    /// Only incidents opened on or after this date
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::clock::parse_day)]
    pub(crate) since: Option<NaiveDate>,
    /// Only incidents opened on or before this date
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::clock::parse_day)]
    pub(crate) until: Option<NaiveDate>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    pub(crate) format: Format,
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    if let (Some(since), Some(until)) = (args.since, args.until) {
        if since > until {
            return Err(UsageError::PeriodReversed { since: since.to_string(), until: until.to_string() }.into());
        }
    }
    let period = Period { since: args.since, until: args.until };
    // Each incident file of the period gives its Timeline milestones while it is loaded,
    // on the loading threads, so time to detect reads no file again. (The HTML appendix
    // reads its bodies again, a chunk at a time: holding every rendered body from the
    // load made the report larger and, at 100,000 records, slower.)
    let (repo, taken) = Repository::load_visiting(&ctx.root, &ctx.config, |file, bytes| {
        let Some(Record::Incident(incident)) = &file.record else { return None };
        period.contains(incident.opened.get().map(|at| at.date())).then(|| detection::milestones_of(bytes))
    });
    let milestones_by_path: HashMap<&str, Milestones> = repo
        .files
        .iter()
        .zip(&taken)
        .filter_map(|(file, taken)| taken.map(|found| (file.path.as_str(), found)))
        .collect();
    let index = crate::store::Index::build(&repo);
    let mut report = Report::build(&index, &ctx.config, period, ctx.clock.today);
    let milestones = |path: &str| milestones_by_path.get(path).copied().unwrap_or_default();
    report.detection = detection::build(&milestones, &index, period, &ctx.config.severities);
    let written = match args.format {
        Format::Markdown => {
            let mut page = Page::markdown(streams.out);
            report_output::markdown::render(&report, &mut page);
            page.finish()
        }
        Format::Json => report_output::json(&report, &mut *streams.out),
        Format::Html => {
            let mut page = Page::html(streams.out);
            report_output::html::render(&report, &mut page, &|file| body(ctx, file), &ctx.config.severities)?;
            page.finish()
        }
    };
    // The process ends right after: the model and the records are not freed one by one.
    leak_at_exit((report, index, milestones_by_path));
    leak_at_exit(taken);
    repo.release_at_exit();
    match written {
        // A reader that went away (`incidents report | head`) is not an error.
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("<output>", error)),
        _ => Ok(Outcome::Success),
    }
}

/// The Markdown body of an incident file, read when the HTML appendix reaches it (on the
/// appendix's worker threads).
fn body(ctx: &Context, relative: &str) -> Result<Option<String>> {
    let path = ctx.root.join(relative);
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(match split(&text) {
        Split::Found(parts) => Some(parts.body.to_string()),
        _ => None,
    })
}
