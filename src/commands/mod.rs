//! One module per subcommand, each with its clap `Args` and `run(ctx, args, streams)`.

pub mod amend;
pub mod check;
pub mod classes;
pub mod close;
pub mod completions;
pub mod config;
pub mod drop;
pub mod explain;
pub mod init;
pub mod list;
pub mod man;
pub mod new;
pub mod remediate;
pub mod report;
pub mod schema;
pub mod ship;
pub mod stabilize;
pub mod start;
pub mod status;
pub mod template;
pub mod validate;

pub use crate::run::{write, Outcome, Streams};

/// Writes text that holds record text or file names (what a writing command reports, a
/// note, a warning) to a terminal-bound stream: every control character other than a
/// line break and tab, and every bidirectional override, is shown as a visible `\u{…}`
/// escape, exactly as `check` shows them ([`crate::render::printable`]). Machine
/// formats (JSON) escape on their own and use [`write`].
pub fn say(stream: &mut dyn std::io::Write, text: &str) -> crate::Result<()> {
    write(stream, &crate::render::printable::printable_lines(text))
}

/// What an item transition prints: `INC-7-R1: open → in-progress`, an optional `next:`
/// hint, and the item's path as the last line — already made printable (see [`say`]),
/// since the id, the hint and the path come from records and file names.
pub fn moved_text(ctx: &crate::Context, moved: &crate::workflow::transition::Moved, next: Option<&str>) -> String {
    let next = next.map(|hint| format!("next: {hint}\n")).unwrap_or_default();
    let text = format!(
        "{}: {} → {}\n{next}{}\n",
        moved.id,
        moved.from.as_str(),
        moved.to.as_str(),
        ctx.display_path(&moved.path)
    );
    crate::render::printable::printable_lines(&text).into_owned()
}
