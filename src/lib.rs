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
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing;
pub mod git;
pub mod interact;
pub mod lifecycle;
pub mod printable;
pub mod record;
pub mod refusal;
pub mod regular_file;
pub mod render;
pub mod root;
pub mod rules;
pub mod run;
pub mod schema;
pub mod store;
pub mod suggest;
pub mod templates;
pub mod text;
pub mod usage;
pub mod workflow;
pub mod yaml;

pub use context::Context;
pub use error::{Error, Result};

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
