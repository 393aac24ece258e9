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
    let html = args.format == Format::Html;
    // Each incident file of the period gives its milestones (and, for HTML, its rendered
    // body) while it is loaded, on the loading threads: no file is read twice.
    let (repo, taken) = Repository::load_visiting(&ctx.root, &ctx.config, |file, bytes| {
        let Some(Record::Incident(incident)) = &file.record else { return None };
        period.contains(incident.opened.get().map(|at| at.date())).then(|| FromFile {
            milestones: detection::milestones_of(bytes),
            body: if html { rendered_body(bytes) } else { None },
        })
    });
    let from_file: HashMap<&str, &FromFile> = repo
        .files
        .iter()
        .zip(&taken)
        .filter_map(|(file, taken)| taken.as_ref().map(|taken| (file.path.as_str(), taken)))
        .collect();
    let index = crate::store::Index::build(&repo);
    let mut report = Report::build(&index, &ctx.config, period, ctx.clock.today);
    let milestones = |path: &str| from_file.get(path).map_or_else(Milestones::default, |taken| taken.milestones);
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
            let body = |path: &str| from_file.get(path).and_then(|taken| taken.body.as_deref());
            report_output::html::render(&report, &mut page, &body, &ctx.config.severities);
            page.finish()
        }
    };
    // The process ends right after: the model and the records are not freed one by one.
    leak_at_exit((report, index, from_file));
    leak_at_exit(taken);
    repo.release_at_exit();
    match written {
        // A reader that went away (`incidents report | head`) is not an error.
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("<output>", error)),
        _ => Ok(Outcome::Success),
    }
}

/// What `report` takes from an incident file of the period while the records load.
struct FromFile {
    milestones: Milestones,
    /// The body rendered to HTML (`--format html` only).
    body: Option<String>,
}

/// The Markdown body of an incident file rendered to HTML for the appendix; `None` when
/// it has no front matter to split off.
fn rendered_body(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    match split(&text) {
        Split::Found(parts) => Some(report_output::body::render(parts.body)),
        _ => None,
    }
}
