//! What the user typed: the clap definition of global options and subcommands. Nothing
//! here is resolved; [`crate::run`] turns it into a [`crate::Context`].

use crate::commands;
use crate::render::color::ColorChoice;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

const ABOUT: &str = "Incidents as code: Markdown records, a two-gate workflow, and a CI check";

const LONG_ABOUT: &str = "Incidents as code. Records are Markdown files with YAML front matter in your git \
repository. Gate 1 stabilizes (a reproducible signal, a rollback plan, verification in production \
metrics); gate 2 remediates (every failure mode gets items with an owner, a due window and an \
explicit validation; the incident closes only when validation passes). `incidents check` enforces \
both in CI.";

const EXAMPLES: &str = "Examples:
  incidents new \"Checkout 502s\" --severity SEV2   open an incident (prints the new file's path)
  incidents stabilize INC-7 --signal … --rollback … --verification …
  incidents ship INC-7-R1 --change 3f2a9c1 a fix is out (then `validate INC-7-R1 --evidence …`)
  incidents check                          check every record (exit 1 on errors)
  incidents --today 2026-03-02 check --format json
  incidents explain missing-rollback       what a rule checks and how to satisfy it
  incidents log INC-7 \"rolled back\" --kind mitigated  timestamped entry under ## Timeline
  incidents status INC-42                  current state and next remediation action
  incidents list --overdue                 remediation items past their due date
  incidents digest --within 7d             what each owner should do this week
  incidents report --format html > r.html  states, durations, repeat failure classes
  incidents config                         the root, config file, templates and settings in effect
  incidents classes                        repeat-failure classes with counts and descriptions
  incidents completions bash > ~/.local/share/bash-completion/completions/incidents";

/// `incidents` — the command line.
#[derive(Debug, Parser)]
#[command(name = "incidents", version, about = ABOUT, long_about = LONG_ABOUT, after_help = EXAMPLES, args_override_self = true)]
pub(crate) struct Cli {
    /// Repository root [default: nearest folder with .incidents.yml, else the git work tree, else the working directory]
    #[arg(long, global = true, value_name = "DIR")]
    pub(crate) root: Option<PathBuf>,

    /// Fix "today" for every date rule and for the dates commands stamp
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = crate::clock::parse_day)]
    pub(crate) today: Option<chrono::NaiveDate>,

    /// When to colour output (NO_COLOR and CLICOLOR_FORCE are honoured with `auto`)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub(crate) color: ColorChoice,

    #[command(subcommand)]
    pub(crate) command: Command,
}

/// Every subcommand, each defined in its own module under `commands/`.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    Check(commands::check::Args),
    Explain(commands::explain::Args),
    Init(commands::init::Args),
    New(commands::new::Args),
    Stabilize(commands::stabilize::Args),
    Amend(commands::amend::Args),
    Remediate(commands::remediate::Args),
    Plan(commands::plan::Args),
    Start(commands::start::Args),
    Ship(commands::ship::Args),
    Validate(commands::validate::Args),
    Drop(commands::drop::Args),
    MoveDue(commands::move_due::Args),
    Close(commands::close::Args),
    Log(commands::log::Args),
    Import(commands::import::Args),
    Template(commands::template::Args),
    Status(commands::status::Args),
    List(commands::list::Args),
    Report(commands::report::Args),
    Digest(commands::digest::Args),
    Sync(commands::sync::Args),
    Config(commands::config::Args),
    Classes(commands::classes::Args),
    Schema(commands::schema::Args),
    Completions(commands::completions::Args),
    Man(commands::man::Args),
}
