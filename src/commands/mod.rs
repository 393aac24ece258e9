//! One module per subcommand, each with its clap `Args` and `run(ctx, args, streams)`.

pub mod check;
pub mod close;
pub mod completions;
pub mod config;
pub mod digest;
pub mod drop;
pub mod dynamic_completion;
pub mod explain;
pub mod import;
pub mod init;
pub mod list;
pub mod log;
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

/// What an item transition prints: `INC-7-R1: open → in-progress`, an optional `next:`
/// hint, and the item's path as the last line.
pub fn moved_text(ctx: &crate::Context, moved: &crate::workflow::transition::Moved, next: Option<&str>) -> String {
    let next = next.map(|hint| format!("next: {hint}\n")).unwrap_or_default();
    format!("{}: {} → {}\n{next}{}\n", moved.id, moved.from.as_str(), moved.to.as_str(), ctx.display_path(&moved.path))
}
