//! `incidents man [COMMAND]`: a roff man page generated from the clap definition in
//! `crate::cli`, the same one `--help` shows, so the two never disagree.
//!
//! clap_mangen writes every section; the `after_help` examples become an EXAMPLES
//! section set without filling, so each example stays on its own line, followed by the
//! EXIT STATUS, ENVIRONMENT and SEE ALSO sections a man page is expected to have.
//! Like `completions`, it runs without resolving a root or reading a config.

use super::{write, Outcome, Streams};
use crate::cli::Cli;
use crate::error::{Error, Result, UsageError};
use clap::CommandFactory;

/// Print the man page (roff) of incidents or of one of its commands
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents man > incidents.1 && man ./incidents.1
  incidents man check > incidents-check.1
  incidents man | sudo tee /usr/local/share/man/man1/incidents.1 >/dev/null")]
pub(crate) struct Args {
    /// A command whose page to print (`check` gives incidents-check(1)); the main page when absent
    pub(crate) command: Option<String>,
}

pub(crate) fn run(args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let mut root = Cli::command().disable_help_subcommand(true);
    root.build();
    let command = match &args.command {
        None => root,
        Some(name) => {
            let names: Vec<&str> = root.get_subcommands().map(|c| c.get_name()).collect();
            root.find_subcommand(name).cloned().ok_or_else(|| {
                let hint = crate::suggest::closest(name, names.iter().copied()).map(str::to_string);
                let names = names.iter().map(|name| name.to_string()).collect();
                UsageError::UnknownCommand { name: name.to_string(), hint, names }
            })?
        }
    };
    write(streams.out, &page(command)?)?;
    Ok(Outcome::Success)
}

/// The page of `command`, its examples in an EXAMPLES section before VERSION.
fn page(command: clap::Command) -> Result<String> {
    let name = command.get_name().to_string();
    let examples = command.get_after_help().map(|text| text.to_string()).unwrap_or_default();
    let mut roff = Vec::new();
    clap_mangen::Man::new(command.after_help(None::<&str>))
        .source(concat!("incidents ", env!("CARGO_PKG_VERSION")))
        .render(&mut roff)
        .map_err(|e| Error::io("<man page>", e))?;
    // clap_mangen writes UTF-8 roff; a lossy conversion keeps this infallible.
    let mut text = String::from_utf8_lossy(&roff).into_owned();
    let mut section = examples_section(&examples);
    section.push_str(&trailing_sections(&name));
    match text.find(".SH VERSION") {
        Some(at) => text.insert_str(at, &section),
        None => text.push_str(&section),
    }
    Ok(text)
}

/// EXIT STATUS, ENVIRONMENT and SEE ALSO, the same on every page but for the page's own
/// name left out of SEE ALSO.
fn trailing_sections(name: &str) -> String {
    let mut out = String::from(
        ".SH \"EXIT STATUS\"
.TP
\\fB0\\fR
Success; for \\fBcheck\\fR, no error\\-level diagnostic was shown.
.TP
\\fB1\\fR
\\fBcheck\\fR showed an error (with \\fB\\-\\-strict\\fR, any diagnostic), or a command refused and wrote nothing.
.TP
\\fB2\\fR
The command could not run: bad arguments, an unreadable root, a bad config, no records folder.
.SH ENVIRONMENT
.TP
\\fBNO_COLOR\\fR
When set and not empty, no colour with \\fB\\-\\-color auto\\fR.
.TP
\\fBCLICOLOR_FORCE\\fR
When set and not \\fB0\\fR, colour even when the output is not a terminal (\\fB\\-\\-color auto\\fR).
.TP
\\fBVISUAL\\fR, \\fBEDITOR\\fR
The editor \\fBnew\\fR and \\fBremediate\\fR open on the file they create, at a terminal.
.TP
\\fBGITHUB_STEP_SUMMARY\\fR
The file \\fBcheck \\-\\-format github\\fR appends its Markdown job summary to.
.SH \"SEE ALSO\"
",
    );
    let pages: Vec<String> =
        ["incidents", "incidents-check", "incidents-explain", "incidents-status", "incidents-digest"]
            .iter()
            .filter(|page| **page != name && page.strip_prefix("incidents-") != Some(name))
            .map(|page| format!("\\fB{}\\fR(1)", page.replace('-', "\\-")))
            .collect();
    out.push_str(&pages.join(", "));
    out.push_str(", \\fBgit\\fR(1)\n");
    out
}

/// `Examples:` help text as a roff section, lines kept as written.
fn examples_section(help: &str) -> String {
    let lines: Vec<&str> = help.lines().skip_while(|line| line.trim_end().ends_with(':')).collect();
    if lines.is_empty() {
        return String::new();
    }
    let mut out = String::from(".SH EXAMPLES\n.nf\n");
    for line in lines {
        out.push_str("\\&");
        out.push_str(&line.replace('\\', "\\e").replace('-', "\\-"));
        out.push('\n');
    }
    out.push_str(".fi\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_keep_their_lines_and_escape_roff() {
        let section = examples_section("Examples:\n  incidents check --strict\n  echo 'a\\b'\n");
        assert_eq!(section, ".SH EXAMPLES\n.nf\n\\&  incidents check \\-\\-strict\n\\&  echo 'a\\eb'\n.fi\n");
        assert_eq!(examples_section(""), "");
    }
}
