//! `incidents`: incidents as code. The library holds the model ([`record`]), loading
//! ([`store`]), rules ([`rules`]), analysis ([`analysis`]) and rendering ([`render`]);
//! the binary only calls [`run`] and exits with the status it returns.

pub mod analysis;
pub mod bug_report;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod context;
pub mod diagnostic;
pub mod edit;
pub mod error;
pub mod exit;
pub mod interact;
pub mod record;
pub mod regular_file;
pub mod render;
pub mod root;
pub mod rules;
pub mod schema;
pub mod store;
pub mod suggest;
pub mod templates;
pub mod workflow;
pub mod yaml;

pub use context::Context;
pub use error::{Error, Result};

use clap::Parser;
use cli::{Cli, Command};
use clock::Clock;
use commands::{Outcome, Streams};
use std::ffi::OsString;
use std::io::{BufRead, IsTerminal, Write};

/// What the process environment contributes to a run, gathered by the binary so the
/// library never reads it on its own.
#[derive(Debug, Clone)]
pub struct Environment {
    pub cwd: std::path::PathBuf,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
    pub stdin_is_terminal: bool,
    pub no_color: Option<String>,
    pub clicolor_force: Option<String>,
    /// `$VISUAL` and `$EDITOR`, for opening new records (the one program the tool runs).
    pub visual: Option<String>,
    pub editor: Option<String>,
    /// `GITHUB_STEP_SUMMARY`: the file GitHub Actions shows as the job summary.
    pub github_step_summary: Option<std::path::PathBuf>,
    /// The local time, used when `--today` is not given.
    pub now: chrono::DateTime<chrono::FixedOffset>,
}

impl Environment {
    /// Reads the real process environment.
    pub fn from_process() -> std::io::Result<Self> {
        Ok(Environment {
            cwd: std::env::current_dir()?,
            stdout_is_terminal: std::io::stdout().is_terminal(),
            stderr_is_terminal: std::io::stderr().is_terminal(),
            stdin_is_terminal: std::io::stdin().is_terminal(),
            no_color: std::env::var("NO_COLOR").ok(),
            clicolor_force: std::env::var("CLICOLOR_FORCE").ok(),
            visual: std::env::var("VISUAL").ok(),
            editor: std::env::var("EDITOR").ok(),
            github_step_summary: std::env::var_os("GITHUB_STEP_SUMMARY")
                .filter(|value| !value.is_empty())
                .map(std::path::PathBuf::from),
            now: chrono::Local::now().fixed_offset(),
        })
    }

    /// The editor command: `$VISUAL`, else `$EDITOR`, ignoring blank values.
    pub fn editor_command(&self) -> Option<String> {
        [&self.visual, &self.editor].into_iter().flatten().map(|v| v.trim()).find(|v| !v.is_empty()).map(str::to_string)
    }
}

/// Parses `args`, runs the command and returns the exit status. Errors are printed to
/// `err` as `error: …`. Prompts (only when `env.stdin_is_terminal`) read the process's stdin.
pub fn run(
    args: impl IntoIterator<Item = OsString>,
    env: &Environment,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    run_with_input(args, env, &mut std::io::stdin().lock(), out, err)
}

/// [`run`] with the answers to prompts read from `input`.
pub fn run_with_input(
    args: impl IntoIterator<Item = OsString>,
    env: &Environment,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let status = if error.use_stderr() { exit::USAGE } else { exit::SUCCESS };
            // `--color` is not known when the arguments do not parse: decide as `auto`,
            // for the stream the message goes to.
            let terminal = if error.use_stderr() { env.stderr_is_terminal } else { env.stdout_is_terminal };
            let colored = render::color::ColorChoice::Auto.enabled(
                terminal,
                env.no_color.as_deref(),
                env.clicolor_force.as_deref(),
            );
            let rendered = if colored { error.render().ansi().to_string() } else { error.render().to_string() };
            let _ = if error.use_stderr() {
                err.write_all(rendered.as_bytes())
            } else {
                out.write_all(rendered.as_bytes())
            };
            return status;
        }
    };
    let result = execute(&cli, env, input, out, err);
    if let Err(error) = &result {
        let colored = cli.color.enabled(env.stderr_is_terminal, env.no_color.as_deref(), env.clicolor_force.as_deref());
        let _ = writeln!(err, "{} {error}", render::color::Palette::new(colored).error("error:"));
    }
    exit::status(&result)
}

fn execute(
    cli: &Cli,
    env: &Environment,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let clock = match cli.today {
        Some(today) => Clock::fixed(today),
        None => Clock::at(env.now),
    };
    let colored = cli.color.enabled(env.stdout_is_terminal, env.no_color.as_deref(), env.clicolor_force.as_deref());
    let palette = render::color::Palette::new(colored);
    let mut streams = Streams { input, out, err };
    // Commands about the tool itself need no repository: they work anywhere, even where
    // the config is broken.
    match &cli.command {
        Command::Completions(args) => return commands::completions::run(args, &mut streams),
        Command::Man(args) => return commands::man::run(args, &mut streams),
        _ => {}
    }
    // Commands that help fix a broken config still run on it, with the defaults.
    let helps_fix_config = matches!(cli.command, Command::Explain(_) | Command::Schema(_) | Command::Template(_));
    let mut config_warning = None;
    let mut ctx =
        Context::resolve_with(cli.root.as_deref(), env.cwd.clone(), clock, palette, env.stdin_is_terminal, |error| {
            if !helps_fix_config {
                return Err(error);
            }
            config_warning = Some(format!("warning: {error}; using the default settings\n"));
            Ok(config::Config::default())
        })?
        .with_terminal(env.stdout_is_terminal, env.editor_command());
    if let Some(warning) = config_warning {
        commands::write(streams.err, &warning)?;
    }
    ctx.github_step_summary = env.github_step_summary.clone();
    match &cli.command {
        Command::Check(args) => commands::check::run(&ctx, args, &mut streams),
        Command::Explain(args) => commands::explain::run(&ctx, args, &mut streams),
        Command::Init(args) => commands::init::run(&ctx, args, &mut streams),
        Command::New(args) => commands::new::run(&ctx, args, &mut streams),
        Command::Stabilize(args) => commands::stabilize::run(&ctx, args, &mut streams),
        Command::Remediate(args) => commands::remediate::run(&ctx, args, &mut streams),
        Command::Plan(args) => commands::plan::run(&ctx, args, &mut streams),
        Command::Start(args) => commands::start::run(&ctx, args, &mut streams),
        Command::Ship(args) => commands::ship::run(&ctx, args, &mut streams),
        Command::Validate(args) => commands::validate::run(&ctx, args, &mut streams),
        Command::Drop(args) => commands::drop::run(&ctx, args, &mut streams),
        Command::MoveDue(args) => commands::move_due::run(&ctx, args, &mut streams),
        Command::Close(args) => commands::close::run(&ctx, args, &mut streams),
        Command::Template(args) => commands::template::run(&ctx, args, &mut streams),
        Command::Status(args) => commands::status::run(&ctx, args, &mut streams),
        Command::List(args) => commands::list::run(&ctx, args, &mut streams),
        Command::Report(args) => commands::report::run(&ctx, args, &mut streams),
        Command::Config(args) => commands::config::run(&ctx, args, &mut streams),
        Command::Schema(args) => commands::schema::run(&ctx, args, &mut streams),
        // Ran above, before a repository was resolved.
        Command::Completions(_) | Command::Man(_) => Ok(Outcome::Success),
    }
}
