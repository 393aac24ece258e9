//! Keeping a written status block true: after a command moves an incident or one of its
//! items, the block that `status --write` put into the incident's file (between
//! `<!-- incidents:status -->` markers) is rewritten as `status --write` would write it.
//! A file without a block is left alone: writing one is the user's choice.
//!
//! Runs after the move was written, still under the records lock, on the records
//! re-read from disk, so the block shows the move. The block is built and rendered by
//! the same code as `status --write` ([`StatusBlock::build`] without a "today",
//! [`status_output::block`]) and patched in by [`crate::edit::status_block`]; a
//! block that cannot be patched (an opening marker without a closing one) is reported,
//! not fatal: the move itself is already written.

use crate::analysis::StatusBlock;
use crate::edit::status_block;
use crate::record::frontmatter::{split, Split};
use crate::record::markers;
use crate::render::status as status_output;
use crate::store::Index;
use crate::Context;
use std::path::Path;

/// What became of an incident's status block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refreshed {
    /// The file has no block (or the incident could not be read): nothing was touched.
    Untouched,
    /// The block already showed the records as they are.
    Current,
    /// The block was rewritten in this file (as it opens from the working directory).
    Written(String),
    /// The block could not be rewritten: why, and what to do.
    Failed(String),
}

impl Refreshed {
    /// The line to print on stderr, if any.
    pub(crate) fn note(&self) -> Option<String> {
        match self {
            Refreshed::Untouched | Refreshed::Current => None,
            Refreshed::Written(path) => Some(format!("note: refreshed the status block in {path}\n")),
            Refreshed::Failed(why) => Some(format!("warning: {why}\n")),
        }
    }
}

/// Rewrites the status block of incident `id` when its file (at `path`, absolute) holds one.
pub(crate) fn status_block(ctx: &Context, id: &str, path: &Path) -> Refreshed {
    let Ok(text) = std::fs::read_to_string(path) else { return Refreshed::Untouched };
    let Split::Found(parts) = split(&text) else { return Refreshed::Untouched };
    if markers::find(parts.body).is_none() {
        return Refreshed::Untouched;
    }
    let shown = ctx.display_path(path);
    let failed = |why: String| {
        Refreshed::Failed(format!(
            "the status block was not refreshed: {why}; fix it, then run `incidents status --write {id}`"
        ))
    };
    let repo = ctx.load();
    let index = Index::build(&repo);
    let Some(entry) = index.incident(id) else { return Refreshed::Untouched };
    let Some(block) = StatusBlock::build(entry.incident, &entry.remediations(), None) else {
        return Refreshed::Untouched;
    };
    match status_block::apply(&text, &status_output::block(&block)) {
        Ok(None) => Refreshed::Current,
        Ok(Some(patched)) => match crate::edit::write_atomic(path, patched.as_bytes()) {
            Ok(()) => Refreshed::Written(shown),
            Err(error) => failed(error.to_string()),
        },
        Err(problem) => failed(problem.at(&shown)),
    }
}
