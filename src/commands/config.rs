//! `incidents config`: what is in effect for this repository — the root and how it was
//! found, the config file, the records folder, the templates (built-in or overridden),
//! and every setting down to each rule's level.

use super::{write, Outcome, Streams};
use crate::analysis::settings::Effective;
use crate::error::Result;
use crate::render::config as config_output;
use crate::Context;

/// Output format of `config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// One setting per line
    #[default]
    Human,
    /// One JSON object
    Json,
}

/// Show the root, config file, templates and every setting in effect
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents config
  incidents --root examples/demo config
  incidents config --format json | jq '.rules[] | select(.overridden)'")]
pub(crate) struct Args {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let effective = Effective::gather(&ctx.root, ctx.root_source, &ctx.config);
    let text = match args.format {
        Format::Human => config_output::render(&effective, &ctx.palette),
        Format::Json => config_output::json(&effective),
    };
    write(streams.out, &text)?;
    Ok(Outcome::Success)
}
