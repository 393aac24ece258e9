//! Writing to one remediation item under the records lock: find it, let the caller
//! decide what to change (or refuse), patch its file, then refresh the status block
//! written in its incident's file ([`super::refresh`]). Shared by the item moves
//! ([`super::transition`]) and `move-due`.

use super::refresh::{self, Refreshed};
use super::{target, Session};
use crate::edit::{self, Edit};
use crate::error::Result;
use crate::record::{ParsedFile, Remediation, REMEDIATION_KEYS};
use crate::store::Repository;
use crate::Context;
use std::path::PathBuf;

/// One change to an item's front matter, owning its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ItemEdit {
    /// `key: value`.
    Set(&'static str, String),
    /// A mapping appended to the list `key` (`due_history`).
    AppendMap(&'static str, Vec<(&'static str, String)>),
}

/// An item file that was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Written {
    pub(crate) id: String,
    /// The item's file (absolute).
    pub(crate) path: PathBuf,
    /// What became of the incident's status block.
    pub(crate) refreshed: Refreshed,
}

/// Patches item `id` with the changes `decide` returns after seeing the repository
/// and the item as written; `decide` refuses by returning an error, and then nothing
/// is written.
pub(crate) fn write(
    ctx: &Context,
    id: &str,
    decide: impl FnOnce(&Repository, &ParsedFile, &Remediation) -> Result<Vec<ItemEdit>>,
) -> Result<Written> {
    let Session { repo, lock } = Session::open(ctx, false)?;
    let (file, item) = target::item(&repo, id)?;
    let changes = decide(&repo, file, item)?;
    let pairs: Vec<Vec<(&str, &str)>> = changes
        .iter()
        .map(|change| match change {
            ItemEdit::AppendMap(_, entries) => entries.iter().map(|(k, v)| (*k, v.as_str())).collect(),
            ItemEdit::Set(..) => Vec::new(),
        })
        .collect();
    let edits: Vec<Edit<'_>> = changes
        .iter()
        .zip(&pairs)
        .map(|(change, pairs)| match change {
            ItemEdit::Set(key, value) => Edit::Set { key, value, order: REMEDIATION_KEYS },
            ItemEdit::AppendMap(key, _) => Edit::AppendMap { key, entries: pairs, order: REMEDIATION_KEYS },
        })
        .collect();
    let path = repo.absolute(&file.path);
    let text = edit::file::patched(&path, &file.path, &edits)?;
    edit::write_atomic(&path, text.as_bytes())?;
    let refreshed = match item.incident.get().map(|incident| target::incident(&repo, incident)) {
        Some(Ok((incident_file, incident))) => match incident.id.get() {
            Some(incident_id) => refresh::status_block(ctx, incident_id, &repo.absolute(&incident_file.path)),
            None => Refreshed::Untouched,
        },
        _ => Refreshed::Untouched,
    };
    drop(lock);
    Ok(Written { id: id.to_string(), path, refreshed })
}
