//! `incidents report [--since DATE] [--until DATE] [--format markdown|json|html]`:
//! counts, gate durations, remediation workload, coverage gaps, repeat failure classes
//! and recurrence after remediation, for the incidents opened in a period.

use super::{write, Outcome, Streams};
use crate::analysis::{Period, Report};
use crate::error::{Error, Result, UsageError};
use crate::printable::printable_lines;
use crate::record::frontmatter::{split, Split};
use crate::render::report as report_output;
use crate::Context;
use chrono::NaiveDate;
use std::collections::BTreeMap;

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
    let repo = ctx.load();
    let index = crate::store::Index::build(&repo);
    let period = Period { since: args.since, until: args.until };
    let mut report = Report::build(&index, &ctx.config, period, ctx.clock.today);
    report.detection = crate::analysis::detection::build(&ctx.root, &index, period, &ctx.config.severities);
    let text = match args.format {
        Format::Markdown => printable_lines(&report_output::markdown::render(&report)).into_owned(),
        Format::Json => report_output::json(&report),
        Format::Html => {
            let paths = report.incidents.iter().map(|row| (row.id.clone(), row.file.clone()));
            report_output::html::render(&report, &bodies(ctx, paths)?, &ctx.config.severities)
        }
    };
    write(streams.out, &text)?;
    Ok(Outcome::Success)
}

/// The Markdown bodies of the given incident files, read one at a time.
fn bodies(ctx: &Context, files: impl Iterator<Item = (String, String)>) -> Result<BTreeMap<String, String>> {
    let mut bodies = BTreeMap::new();
    for (id, relative) in files {
        let path = ctx.root.join(&relative);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let text = String::from_utf8_lossy(&bytes);
        if let Split::Found(parts) = split(&text) {
            bodies.insert(id, parts.body.to_string());
        }
    }
    Ok(bodies)
}
