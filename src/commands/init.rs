//! `incidents init`: write the commented default config (`.incidents.yml`, from the
//! config template) and create the records folder with a short README. Refuses to
//! overwrite an existing config.

use super::{write, Outcome, Streams};
use crate::config::CONFIG_FILE;
use crate::edit;
use crate::error::{Error, Refusal, Result};
use crate::templates::{self, TemplateName};
use crate::Context;

/// What the records folder's README says (no front matter: it is not a record).
const RECORDS_README: &str = "# Incidents

Incident records and their remediation items, one Markdown file each with YAML front
matter, kept with the `incidents` command line:

- `incidents new \"<what users saw>\" --severity SEV2` opens an incident;
- `incidents stabilize <ID> --signal … --rollback … --verification …` closes gate 1;
- `incidents remediate <ID> --failure-mode … --owner … --due … --validation …` opens items;
- `incidents close <ID>` closes gate 2 once every item is validated or dropped;
- `incidents check` runs every rule (CI runs it on every pull request).

Files here without front matter, like this one, are not records.
";

/// Write a commented .incidents.yml and create the records folder
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents init
  incidents --root path/to/repo init")]
pub(crate) struct Args {}

pub(crate) fn run(ctx: &Context, _args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let config_path = ctx.root.join(CONFIG_FILE);
    if config_path.exists() {
        return Err(Refusal::ConfigExists { path: ctx.display_path(&config_path).to_string() }.into());
    }
    let template = templates::load(&ctx.root, TemplateName::Config)?;
    let config = crate::config::parse(&template.text, &config_path).map_err(|e| template.error(&e.to_string()))?;
    let records = ctx.root.join(&config.dir);
    let readme = records.join("README.md");
    let mut report = String::new();
    edit::file::confined(&ctx.root, &records, &readme, &ctx.display_path(&readme))?;

    edit::file::create(&config_path, &ctx.display_path(&config_path), &template.text)?;
    report.push_str(&format!("created {}\n", ctx.display_path(&config_path)));
    if !records.is_dir() {
        std::fs::create_dir_all(&records).map_err(|e| Error::io(&records, e))?;
    }
    if readme.exists() {
        report.push_str(&format!("kept {} (already there)\n", ctx.display_path(&readme)));
    } else {
        edit::file::create(&readme, &ctx.display_path(&readme), RECORDS_README)?;
        report.push_str(&format!("created {}\n", ctx.display_path(&readme)));
    }
    let severity = config.severities.get(1).or(config.severities.first()).map_or("SEV2", String::as_str);
    report.push_str(&format!("next: `incidents new \"<what users saw>\" --severity {severity}`\n"));
    write(streams.out, &report)?;
    Ok(Outcome::Success)
}
