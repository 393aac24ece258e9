//! `incidents template show <NAME>`: print the template in effect — the repository's
//! override in `.incidents/templates/` when there is one, else the built-in copy — so it
//! can be read, or copied as the start of an override.

use super::{write, Outcome, Streams};
use crate::error::Result;
use crate::templates::{self, TemplateName, TemplateSource};
use crate::Context;

/// Show the record and config templates in effect
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents template show incident
  mkdir -p .incidents/templates && incidents template show remediation > .incidents/templates/remediation.md

Lookup order for each template: .incidents/templates/<file> in the repository, then the built-in copy.")]
pub(crate) struct Args {
    #[command(subcommand)]
    pub(crate) action: Action,
}

/// What to do with a template.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Action {
    /// Print the template in effect (where it comes from goes to stderr)
    #[command(after_help = "Examples:
  incidents template show incident
  incidents template show config
  incidents template show remediation > .incidents/templates/remediation.md   start an override")]
    Show {
        /// Which template
        #[arg(value_enum)]
        name: TemplateName,
    },
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let Action::Show { name } = args.action;
    let template = templates::load(&ctx.root, name)?;
    let origin = match &template.source {
        TemplateSource::BuiltIn => format!(
            "built-in {} (override it with {})",
            name.file_name(),
            ctx.display_path(&templates::override_path(&ctx.root, name))
        ),
        TemplateSource::Override(path) => format!("override {}", ctx.display_path(path)),
    };
    write(streams.err, &format!("note: {origin}\n"))?;
    write(streams.out, &template.text)?;
    Ok(Outcome::Success)
}
