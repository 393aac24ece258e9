//! One module per subcommand, each with its clap `Args` and `run(ctx, args, streams)`.

pub(crate) mod amend;
pub(crate) mod check;
pub(crate) mod classes;
pub(crate) mod close;
pub(crate) mod completions;
pub(crate) mod config;
pub(crate) mod digest;
pub(crate) mod drop;
pub(crate) mod dynamic_completion;
pub(crate) mod explain;
pub(crate) mod import;
pub(crate) mod init;
pub(crate) mod list;
pub(crate) mod log;
pub(crate) mod man;
pub(crate) mod move_due;
pub(crate) mod new;
pub(crate) mod plan;
pub(crate) mod remediate;
pub(crate) mod report;
pub(crate) mod schema;
pub(crate) mod ship;
pub(crate) mod stabilize;
pub(crate) mod start;
pub(crate) mod status;
pub(crate) mod sync;
pub(crate) mod template;
pub(crate) mod validate;
pub(crate) mod validate_run;

pub(crate) use crate::run::{write, written, Outcome, Streams};

/// Writes text that holds record text or file names (what a writing command reports, a
/// note, a warning) to a terminal-bound stream: every control character other than a
/// line break and tab, and every bidirectional override, is shown as a visible `\u{…}`
/// escape, exactly as `check` shows them ([`crate::printable`]). Machine
/// formats (JSON) escape on their own and use [`write`].
pub(crate) fn say(stream: &mut dyn std::io::Write, text: &str) -> crate::Result<()> {
    write(stream, &crate::printable::printable_lines(text))
}

/// What an item move prints: `INC-7-R1: open → in-progress at 2026-03-10`, an optional
/// `detail` after it, an optional `next:` hint, and the item's path as the last line on
/// stdout; a note about the incident's status block goes to stderr. Record text (the
/// change as given, file names) is made printable first ([`say`]).
pub(crate) fn report_move(
    ctx: &crate::Context,
    streams: &mut Streams<'_>,
    moved: &crate::workflow::transition::Moved,
    detail: Option<&str>,
    next: Option<&str>,
) -> crate::Result<()> {
    let at = moved.stamped.as_deref().map(|at| format!(" at {at}")).unwrap_or_default();
    let detail = detail.map(|text| format!(" ({text})")).unwrap_or_default();
    let next = next.map(|hint| format!("next: {hint}\n")).unwrap_or_default();
    let (id, from, to, path) = (&moved.id, moved.from.as_str(), moved.to.as_str(), ctx.display_path(&moved.path));
    let text = format!("{id}: {from} → {to}{at}{detail}\n{next}{path}\n");
    say(streams.out, &text)?;
    refreshed(streams, &moved.refreshed)
}

/// Writes the note about a refreshed status block, if any, to stderr.
pub(crate) fn refreshed(
    streams: &mut Streams<'_>,
    refreshed: &crate::workflow::refresh::Refreshed,
) -> crate::Result<()> {
    match refreshed.note() {
        Some(note) => say(streams.err, &note),
        None => Ok(()),
    }
}
