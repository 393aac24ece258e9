//! `incidents schema incident|remediation|config`: print a JSON Schema, for editors and
//! other tools (see docs/editors.md).

use super::{write, Outcome, Streams};
use crate::error::Result;
use crate::schema::{schema, SchemaKind};
use crate::Context;

/// Print the JSON Schema of a record's front matter or of the config
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Print the JSON Schema (draft-07) of an incident's or a remediation item's front matter, \
or of .incidents.yml. The incident schema lists the severities of this repository's config: regenerate it \
when they change.",
    after_help = "Examples:\n  incidents schema incident > .vscode/incident.schema.json\n  incidents schema remediation\n  incidents schema config > .vscode/incidents-config.schema.json"
)]
pub(crate) struct Args {
    /// Which schema
    #[arg(value_enum)]
    pub(crate) kind: SchemaKind,
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let value = schema(args.kind, &ctx.config);
    // `{:#}` is serde_json's infallible pretty printing of a Value.
    let mut text = format!("{value:#}");
    text.push('\n');
    write(streams.out, &text)?;
    Ok(Outcome::Success)
}
