//! `incidents`: incidents as code. The binary only calls [`run`] and exits with the
//! status it returns; everything else — the model (`record`), loading (`store`), rules
//! (`rules`), analysis (`analysis`) and rendering (`render`) — is private to the crate.
//!
//! # Library surface
//!
//! What is `pub` here is deliberate, and is all there is (`unreachable_pub` keeps every
//! other item `pub(crate)`):
//!
//! - [`run`] and [`run_with_input`]: parse arguments, run a command, return the exit status;
//! - [`Environment`] (its fields, [`Environment::from_process`],
//!   [`Environment::editor_command`]): what the process contributes to a run;
//! - [`command`]: the clap description, for completion, man page and doc generators;
//! - [`complete_from_env`]: the dynamic completion hook the binary calls first;
//! - [`exit`]: the exit statuses ([`exit::SUCCESS`], [`exit::FAILURE`], [`exit::USAGE`],
//!   [`exit::BUG`]);
//! - [`bug_report`]: [`bug_report::message`] (the panic hook's line) and
//!   [`bug_report::exit_status_of`] (a command's status, or [`exit::BUG`] on a panic).
//!
//! Integration tests go through the binary or this surface only; JSON output is read as
//! JSON, not through the crate's structs.

#![warn(unreachable_pub)]

mod analysis;
pub mod bug_report;
mod cli;
mod clock;
mod commands;
mod config;
mod context;
mod diagnostic;
mod edit;
mod error;
pub mod exit;
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing;
mod git;
mod huge_pages;
mod interact;
mod lifecycle;
mod printable;
mod record;
mod refusal;
mod regular_file;
mod render;
mod root;
mod rules;
mod run;
mod schema;
mod store;
mod suggest;
mod templates;
mod text;
mod usage;
mod workflow;
mod yaml;

pub(crate) use context::Context;
pub(crate) use error::{Error, Result};

use clap::Parser;
use cli::{Cli, Command};
use clock::Clock;
pub use run::Environment;
use run::{Outcome, Streams};
use std::ffi::OsString;
use std::io::{BufRead, Write};

/// The clap description of every command and flag, for tools that generate shell
/// completions, man pages or docs from it.
pub fn command() -> clap::Command {
    <cli::Cli as clap::CommandFactory>::command()
}

/// Answers a shell's completion request (`COMPLETE=bash incidents …`) when the
/// environment holds one, then exits the process; otherwise returns at once.
pub fn complete_from_env() {
    commands::dynamic_completion::complete_from_env();
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
    huge_pages::turn_off();
    let args: Vec<OsString> = args.into_iter().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(error) => {
            let status = if error.use_stderr() { exit::USAGE } else { exit::SUCCESS };
            // Help, version and usage errors come before the arguments parse: `--color`
            // is read from them directly, for the stream the message goes to.
            let auto = if error.use_stderr() { env.stderr_color } else { env.stdout_color };
            let colored = render::color::ColorChoice::from_args(&args).enabled(auto);
            let rendered = clap_message(&error, colored);
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
        let colored = cli.color.enabled(env.stderr_color);
        let _ = writeln!(err, "{} {error}", render::color::Palette::new(colored).error("error:"));
    }
    exit::status(&result)
}

/// A clap message (help, usage error) as printed: it quotes what was typed, so it goes
/// through the same escaping as record text; coloured only when that changes nothing.
fn clap_message(error: &clap::Error, colored: bool) -> String {
    let plain = error.render().to_string();
    match printable::printable_lines(&plain) {
        std::borrow::Cow::Borrowed(_) if colored => error.render().ansi().to_string(),
        safe => safe.into_owned(),
    }
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
    let colored = cli.color.enabled(env.stdout_color);
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
    let ctx = Context::resolve_with(cli.root.as_deref(), env, clock, palette, |error| {
        if !helps_fix_config {
            return Err(error);
        }
        config_warning = Some(format!("warning: {error}; using the default settings\n"));
        Ok(config::Config::default())
    })?;
    if let Some(warning) = config_warning {
        run::write(streams.err, &warning)?;
    }
    match &cli.command {
        Command::Check(args) => commands::check::run(&ctx, args, &mut streams),
        Command::Explain(args) => commands::explain::run(&ctx, args, &mut streams),
        Command::Init(args) => commands::init::run(&ctx, args, &mut streams),
        Command::New(args) => commands::new::run(&ctx, args, &mut streams),
        Command::Stabilize(args) => commands::stabilize::run(&ctx, args, &mut streams),
        Command::Amend(args) => commands::amend::run(&ctx, args, &mut streams),
        Command::Remediate(args) => commands::remediate::run(&ctx, args, &mut streams),
        Command::Plan(args) => commands::plan::run(&ctx, args, &mut streams),
        Command::Start(args) => commands::start::run(&ctx, args, &mut streams),
        Command::Ship(args) => commands::ship::run(&ctx, args, &mut streams),
        Command::Validate(args) => commands::validate::run(&ctx, args, &mut streams),
        Command::Drop(args) => commands::drop::run(&ctx, args, &mut streams),
        Command::MoveDue(args) => commands::move_due::run(&ctx, args, &mut streams),
        Command::Close(args) => commands::close::run(&ctx, args, &mut streams),
        Command::Log(args) => commands::log::run(&ctx, args, &mut streams),
        Command::Import(args) => commands::import::run(&ctx, args, &mut streams),
        Command::Template(args) => commands::template::run(&ctx, args, &mut streams),
        Command::Status(args) => commands::status::run(&ctx, args, &mut streams),
        Command::List(args) => commands::list::run(&ctx, args, &mut streams),
        Command::Report(args) => commands::report::run(&ctx, args, &mut streams),
        Command::Digest(args) => commands::digest::run(&ctx, args, &mut streams),
        Command::Sync(args) => commands::sync::run(&ctx, args, &mut streams),
        Command::Config(args) => commands::config::run(&ctx, args, &mut streams),
        Command::Classes(args) => commands::classes::run(&ctx, args, &mut streams),
        Command::Schema(args) => commands::schema::run(&ctx, args, &mut streams),
        // Ran above, before a repository was resolved.
        Command::Completions(_) | Command::Man(_) => Ok(Outcome::Success),
    }
}
