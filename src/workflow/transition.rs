//! Remediation item moves: `start` (in-progress), `ship` (shipped), `validate`
//! (validated, with evidence) and `drop` (dropped, with a reason). An item can move
//! between open, in-progress and shipped freely (a failed validation sends a shipped
//! item back to work); validated and dropped are final for the tool — reopening one is
//! a decision to write by hand.

use crate::edit::{self, Edit};
use crate::error::{Error, Result};
use crate::record::{ItemStatus, Remediation, REMEDIATION_KEYS};
use crate::workflow::{target, Session};
use crate::Context;
use std::path::PathBuf;

/// Whether an item in `from` may move to `to`; the refusal says why and what to do.
pub fn check(id: &str, from: ItemStatus, to: ItemStatus) -> Result<()> {
    if from == to {
        return Err(Error::Refused(format!("{id} is already {}", to.as_str())));
    }
    if from.is_done() {
        return Err(Error::Refused(format!(
            "{id} is {}, which is final: to reopen it, set `status:` in its file by hand and say why in its body",
            from.as_str()
        )));
    }
    Ok(())
}

/// A move that was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub id: String,
    pub from: ItemStatus,
    pub to: ItemStatus,
    /// The item's file (absolute).
    pub path: PathBuf,
}

/// Moves item `id` to `to` under the records lock. `extra` sees the item as written and
/// returns further keys to set (`evidence`, `reason`, …), or refuses.
pub fn apply(
    ctx: &Context,
    id: &str,
    to: ItemStatus,
    extra: impl FnOnce(&Remediation) -> Result<Vec<(&'static str, String)>>,
) -> Result<Moved> {
    let Session { repo, lock: _held } = Session::open(ctx, false)?;
    let (file, item) = target::item(&repo, id)?;
    let from = item.status.value.ok_or_else(|| {
        Error::Refused(format!(
            "{id} has no readable `status` ({}): fix it first (`incidents check` shows what is wrong)",
            file.path
        ))
    })?;
    check(id, from, to)?;
    let keys = extra(item)?;
    let mut edits = vec![Edit::Set { key: "status", value: to.as_str(), order: REMEDIATION_KEYS }];
    edits.extend(keys.iter().map(|(key, value)| Edit::Set { key, value, order: REMEDIATION_KEYS }));
    let path = repo.absolute(&file.path);
    let text = edit::file::patched(&path, &file.path, &edits)?;
    edit::write_atomic(&path, text.as_bytes())?;
    Ok(Moved { id: id.to_string(), from, to, path })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ItemStatus::*;

    #[test]
    fn open_work_moves_freely_and_done_is_final() {
        for (from, to, ok) in [
            (Open, InProgress, true),
            (Open, Validated, true),
            (Shipped, InProgress, true),
            (InProgress, Dropped, true),
            (Open, Open, false),
            (Shipped, Shipped, false),
            (Validated, InProgress, false),
            (Dropped, Validated, false),
        ] {
            assert_eq!(check("INC-1-R1", from, to).is_ok(), ok, "{from:?} → {to:?}");
        }
    }
}
