//! `incidents report [--since DATE] [--until DATE] [--format markdown|json|html]`:
//! counts, gate durations, remediation workload, coverage gaps, repeat failure classes
//! and recurrence after remediation, for the incidents opened in a period.

use super::{Outcome, Streams};
use crate::analysis::{Period, Report};
use crate::error::{Error, Result, UsageError};
use crate::record::frontmatter::{split, Split};
use crate::record::timeline::{self, Milestones};
use crate::record::Record;
use crate::render::report as report_output;
use crate::render::report::page::Page;
use crate::store::{leak_at_exit, Repository};
use crate::Context;
use chrono::NaiveDate;
use foldhash::HashMap;
use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

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
    run_with_budget(ctx, args, streams, RENDERED_BODIES_BUDGET)
}

/// [`run`], rendering HTML bodies while loading up to `budget` bytes (tests set it to
/// check that the appendix reads and renders the rest to the same bytes).
fn run_with_budget(ctx: &Context, args: &Args, streams: &mut Streams<'_>, budget: usize) -> Result<Outcome> {
    if let (Some(since), Some(until)) = (args.since, args.until) {
        if since > until {
            return Err(UsageError::PeriodReversed { since: since.to_string(), until: until.to_string() }.into());
        }
    }
    let period = Period { since: args.since, until: args.until };
    // Each incident file of the period gives its Timeline milestones while it is loaded,
    // on the loading threads, so time to detect reads no file again; for HTML, bodies are
    // rendered there too, up to a budget (the appendix reads and renders the rest, a chunk
    // at a time), so the report's memory stays bounded as the records grow.
    let html = args.format == Format::Html;
    let rendered_bytes = AtomicUsize::new(0);
    let (repo, taken) = Repository::load_visiting(&ctx.root, &ctx.config, |file, body| {
        // A record's body comes with it (decoded and split off by the loader).
        let (Some(Record::Incident(incident)), Some(text)) = (&file.record, body) else { return None };
        if !period.contains(incident.opened.get().map(|at| at.date())) {
            return None;
        }
        let body = (html && rendered_bytes.load(Ordering::Relaxed) < budget)
            .then(|| report_output::body::render(text.text))
            .inspect(|body| _ = rendered_bytes.fetch_add(body.len(), Ordering::Relaxed));
        Some(FromFile { milestones: timeline::milestones_in_body(text.text), body })
    });
    let from_file: HashMap<&str, &FromFile> = repo
        .files
        .iter()
        .zip(&taken)
        .filter_map(|(file, taken)| taken.as_ref().map(|taken| (file.path.as_str(), taken)))
        .collect();
    let index = crate::store::Index::build(&repo);
    let milestones = |path: &str| from_file.get(path).map_or_else(Milestones::default, |taken| taken.milestones);
    let report = Report::build(&index, &ctx.config, period, ctx.clock.today, &milestones);
    let written = match args.format {
        Format::Markdown => {
            let mut page = Page::markdown(streams.out);
            report_output::markdown::render(&report, &mut page);
            page.finish()
        }
        Format::Json => report_output::json(&report, &mut *streams.out),
        Format::Html => {
            let mut page = Page::html(streams.out);
            let body = |path: &str| -> Result<Option<Cow<'_, str>>> {
                match from_file.get(path).and_then(|taken| taken.body.as_deref()) {
                    Some(rendered) => Ok(Some(Cow::Borrowed(rendered))),
                    None => Ok(read_rendered_body(ctx, path)?.map(Cow::Owned)),
                }
            };
            // A body that cannot be read ends the page at its incident: what was rendered
            // before it is written out, then the error is reported.
            let rendered = report_output::html::render(&report, &mut page, &body, &ctx.config.severities);
            let written = page.finish();
            rendered?;
            written
        }
    };
    // The process ends right after: the model and the records are not freed one by one.
    leak_at_exit((report, index, from_file));
    leak_at_exit(taken);
    repo.release_at_exit();
    // A reader that went away (`incidents report | head`) is not an error.
    super::written(written)?;
    Ok(Outcome::Success)
}

/// Bytes of HTML bodies `report --format html` renders while loading; the appendix reads
/// and renders the others when it reaches them. About 10,000 incidents' bodies at the
/// benchmark's 1–2 KB each.
const RENDERED_BODIES_BUDGET: usize = 32 * 1024 * 1024;

/// What `report` takes from an incident file of the period while the records load.
struct FromFile {
    milestones: Milestones,
    /// The body rendered to HTML (`--format html`, within [`RENDERED_BODIES_BUDGET`]).
    body: Option<String>,
}

/// The Markdown body of an incident file rendered to HTML; `None` when it has no front
/// matter to split off.
fn rendered_body(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    match split(&text) {
        Split::Found(parts) => Some(report_output::body::render(parts.body)),
        _ => None,
    }
}

/// [`rendered_body`] of an incident file read when the HTML appendix reaches it (on the
/// appendix's worker threads): the bodies not rendered while loading.
fn read_rendered_body(ctx: &Context, relative: &str) -> Result<Option<String>> {
    let path = ctx.root.join(relative);
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    Ok(rendered_body(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;
    use crate::render::color::Palette;
    use crate::run::Environment;

    /// The HTML report of the demo with bodies rendered while loading, within a small
    /// budget, or all read again by the appendix: the same bytes.
    #[test]
    fn bodies_rendered_while_loading_or_read_again_give_the_same_page() {
        let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo");
        let clock = Clock::fixed(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
        let ctx = Context::resolve(Some(&demo), &Environment::for_tests(), clock, Palette::new(false)).unwrap();
        let args = Args { since: None, until: None, format: Format::Html };
        let page = |budget: usize| {
            let (mut input, mut out, mut err) = (std::io::empty(), Vec::new(), Vec::new());
            let mut streams = Streams { input: &mut input, out: &mut out, err: &mut err };
            run_with_budget(&ctx, &args, &mut streams, budget).unwrap();
            String::from_utf8(out).unwrap()
        };
        let all = page(usize::MAX);
        assert!(all.contains("<section class=\"appendix\">") && all.contains("<div class=\"body\">"));
        assert_eq!(page(0), all, "every body read again by the appendix");
        assert_eq!(page(4096), all, "some bodies rendered while loading, the rest read again");
    }
}
