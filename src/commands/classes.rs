//! `incidents classes`: every repeat-failure class in use or in the configured
//! vocabulary, with how many incidents and failure modes carry it and its description;
//! and the check `new --class` and `remediate --class` make against the vocabulary.

use super::{write, Outcome, Streams};
use crate::analysis::classes::{self, ClassCount};
use crate::error::{Result, UsageError};
use crate::printable::printable;
use crate::store::Index;
use crate::Context;
use serde::Serialize;

/// Output format of `classes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// An aligned table with a header line
    #[default]
    Text,
    /// One JSON object: `vocabulary` and `classes`
    Json,
}

/// List repeat-failure classes with their counts and descriptions
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents classes
  incidents classes --format json | jq '.classes[] | select(.in_vocabulary == false)'

An incident counts under the classes of its failure modes: a failure mode's own
`class`, else the incident's `classes`.")]
pub(crate) struct Args {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

#[derive(Serialize)]
struct Json<'a> {
    version: u32,
    /// Whether a `classes` vocabulary is configured.
    vocabulary: bool,
    classes: &'a [ClassCount],
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let repo = ctx.load();
    let records = Index::build(&repo);
    let counts = classes::counts(&records.incidents, &ctx.config.classes);
    let text = match args.format {
        Format::Json => crate::render::json::pretty(&Json {
            version: 1,
            vocabulary: ctx.config.classes.is_configured(),
            classes: &counts,
        }),
        Format::Text => render(&counts, ctx.config.classes.is_configured()),
    };
    write(streams.out, &text)?;
    Ok(Outcome::Success)
}

fn render(counts: &[ClassCount], vocabulary: bool) -> String {
    if counts.is_empty() {
        return "no classes: give failure modes a class with `new --class` or `remediate --add-failure-mode --class`, and list the vocabulary under `classes:` in .incidents.yml\n".to_string();
    }
    let names: Vec<String> = counts.iter().map(|c| printable(&c.class).into_owned()).collect();
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0).max(5);
    let mut out = format!("{:width$}  {:>9}  {:>13}  description\n", "class", "incidents", "failure modes");
    for (count, name) in counts.iter().zip(&names) {
        let description = match (&count.description, count.in_vocabulary) {
            (Some(text), _) => printable(text).into_owned(),
            (None, Some(false)) => "not in the vocabulary (`incidents check` reports unknown-class)".to_string(),
            (None, _) => String::new(),
        };
        out.push_str(&format!("{name:width$}  {:>9}  {:>13}  {description}\n", count.incidents, count.failure_modes));
    }
    if !vocabulary {
        out.push_str("no vocabulary configured: list classes with descriptions under `classes:` in .incidents.yml to catch typos\n");
    }
    out
}

/// Refuses (exit status 2) a class given on the command line that is not in the
/// configured vocabulary, naming the closest; any class is accepted without one.
pub(crate) fn check_known(ctx: &Context, class: &str, flag: &str) -> Result<()> {
    let vocabulary = &ctx.config.classes;
    if !vocabulary.is_configured() || vocabulary.find(class).is_some() {
        return Ok(());
    }
    let hint = vocabulary.closest(class).map(str::to_string);
    let known = vocabulary.entries.iter().map(|e| e.name.clone()).collect();
    Err(UsageError::UnknownClass { flag: flag.to_string(), class: class.to_string(), hint, known }.into())
}
