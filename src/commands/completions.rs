//! `incidents completions <SHELL>`: a completion script generated from the clap
//! definition in `crate::cli`, so it always matches the commands and flags.
//!
//! Like `man`, it describes the tool rather than a repository, so it runs without
//! resolving a root or reading a config (a shell's startup file can call it anywhere).

use super::{write, Outcome, Streams};
use crate::cli::Cli;
use crate::error::Result;
use clap::CommandFactory;
use clap_complete::Shell;

/// Print a shell completion script
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents completions bash > ~/.local/share/bash-completion/completions/incidents
  incidents completions zsh > ~/.zfunc/_incidents        # with fpath+=(~/.zfunc) before compinit
  incidents completions fish > ~/.config/fish/completions/incidents.fish
  incidents completions powershell >> $PROFILE
  incidents completions elvish >> ~/.config/elvish/rc.elv

These scripts complete commands and flags. For ids, rule codes, severities, owners and
classes from the repository you are in, register the dynamic completer instead:
  source <(COMPLETE=bash incidents)        # zsh: COMPLETE=zsh; fish: COMPLETE=fish incidents | source")]
pub(crate) struct Args {
    /// The shell to complete for
    #[arg(value_enum)]
    pub(crate) shell: Shell,
}

pub(crate) fn run(args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "incidents", &mut script);
    // clap_complete writes UTF-8; a lossy conversion keeps this infallible.
    let text = String::from_utf8_lossy(&script);
    write(streams.out, &text)?;
    Ok(Outcome::Success)
}
