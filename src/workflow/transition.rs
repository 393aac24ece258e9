//! Remediation item moves (SPEC §2, contract): `diagnosing` → `open` (`plan`, which
//! writes the validation) → `in-progress` (`start`) → `shipped` (`ship`, with the
//! change) → `validated` (`validate`, with evidence). `open` may go straight to
//! `shipped`. Any item that is not final may be `dropped` (with a reason and an
//! approver). `validated` and `dropped` are final.
//!
//! Where the SPEC is silent: a `shipped` item may go back to `in-progress` with `start`
//! — its validation failed, so the fix is being reworked (see docs/authoring.md). No
//! other move goes backwards, and a fix is never validated before it ships.
//!
//! Every move stamps its key (`started_at`, `shipped_at`, `validated_at`,
//! `dropped_at`) with `--at` or now; `plan` has no key of its own. Each refusal says
//! what to run instead.

use super::item_write::{self, ItemEdit};
use super::refresh::Refreshed;
use crate::clock::Timestamp;
use crate::error::{Refusal, Result};
use crate::record::{ItemStatus, Remediation};
use crate::refusal::Prerequisite;
use crate::store::Repository;
use crate::Context;
use std::path::PathBuf;

use ItemStatus::{Diagnosing, Dropped, InProgress, Open, Shipped, Validated};

/// Whether an item in `from` may move to `to`; the refusal says why and what to run.
pub(crate) fn check(id: &str, from: ItemStatus, to: ItemStatus) -> Result<()> {
    if from == to && to != Open {
        return Err(Refusal::AlreadyIn { id: id.to_string(), status: to.as_str().to_string() }.into());
    }
    if from.is_done() {
        return Err(Refusal::Final { id: id.to_string(), status: from.as_str().to_string() }.into());
    }
    let allowed = match to {
        Open => from == Diagnosing,
        InProgress => matches!(from, Open | Shipped),
        Shipped => matches!(from, Open | InProgress),
        Validated => from == Shipped,
        Dropped => true,
        Diagnosing => false,
    };
    if allowed {
        return Ok(());
    }
    let needs = match (from, to) {
        (Diagnosing, Validated) => Prerequisite::PlanThenShip,
        (Diagnosing, _) => Prerequisite::Plan,
        (_, Validated) => Prerequisite::Ship,
        (_, Open) => Prerequisite::NotDiagnosing,
        (_, Diagnosing) => Prerequisite::ByHand,
        _ => Prerequisite::Never,
    };
    let (from, to) = (from.as_str().to_string(), to.as_str().to_string());
    Err(Refusal::NotYet { id: id.to_string(), from, to, needs }.into())
}

/// The key a move to `to` stamps.
pub(crate) fn stamp_key(to: ItemStatus) -> Option<&'static str> {
    match to {
        InProgress => Some("started_at"),
        Shipped => Some("shipped_at"),
        Validated => Some("validated_at"),
        Dropped => Some("dropped_at"),
        Diagnosing | Open => None,
    }
}

/// A move that was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Moved {
    pub(crate) id: String,
    pub(crate) from: ItemStatus,
    pub(crate) to: ItemStatus,
    /// The item's file (absolute).
    pub(crate) path: PathBuf,
    /// The time stamped, when the move has a key.
    pub(crate) stamped: Option<String>,
    pub(crate) refreshed: Refreshed,
}

/// Moves item `id` to `to` under the records lock, stamping `at`. `extra` sees the
/// repository and the item as written (after the move was found allowed) and returns
/// further keys to set (`evidence`, `reason`, …), or refuses.
pub(crate) fn apply(
    ctx: &Context,
    id: &str,
    to: ItemStatus,
    at: Timestamp,
    extra: impl FnOnce(&Repository, &Remediation) -> Result<Vec<(&'static str, String)>>,
) -> Result<Moved> {
    let mut from = None;
    let stamped = stamp_key(to).map(|_| at.to_string());
    let written = item_write::write(ctx, id, |repo, file, item| {
        let status = item.status.value.ok_or_else(|| Refusal::NoStatus {
            id: id.to_string(),
            path: file.path.to_string(),
            expected: None,
        })?;
        check(id, status, to)?;
        from = Some(status);
        let mut changes = vec![ItemEdit::Set("status", to.as_str().to_string())];
        changes.extend(extra(repo, item)?.into_iter().map(|(key, value)| ItemEdit::Set(key, value)));
        if let (Some(key), Some(at)) = (stamp_key(to), &stamped) {
            changes.push(ItemEdit::Set(key, at.clone()));
        }
        Ok(changes)
    })?;
    Ok(Moved {
        id: written.id,
        from: from.unwrap_or(to),
        to,
        path: written.path,
        stamped,
        refreshed: written.refreshed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_moves_and_nothing_else() {
        let all = [Diagnosing, Open, InProgress, Shipped, Validated, Dropped];
        let allowed = [
            (Diagnosing, Open),
            (Diagnosing, Dropped),
            (Open, InProgress),
            (Open, Shipped),
            (Open, Dropped),
            (InProgress, Shipped),
            (InProgress, Dropped),
            (Shipped, Validated),
            (Shipped, InProgress),
            (Shipped, Dropped),
        ];
        for from in all {
            for to in all {
                let ok = allowed.contains(&(from, to));
                assert_eq!(check("INC-1-R1", from, to).is_ok(), ok, "{from:?} → {to:?}");
            }
        }
    }

    #[test]
    fn refusals_say_what_to_run() {
        let refusal = |from, to| match check("INC-1-R3", from, to) {
            Err(crate::Error::Refused(refusal)) => refusal.to_string().replace("; nothing was written", ""),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            refusal(Open, Validated),
            "INC-1-R3 is open: a fix is validated after it ships — run `incidents ship INC-1-R3 --change <sha|PR URL>` first"
        );
        assert!(refusal(Diagnosing, InProgress).contains("incidents plan INC-1-R3 --validation"));
        assert!(refusal(Diagnosing, Validated).contains("validated after it ships"));
        assert!(refusal(Validated, Dropped).contains("which is final"));
        assert!(refusal(Shipped, Shipped).contains("already shipped"));
        assert!(refusal(Open, Open).contains("INC-1-R3 is open, not diagnosing"));
        assert!(refusal(InProgress, Open).contains("not diagnosing"));
    }

    #[test]
    fn every_move_but_plan_has_a_stamp() {
        assert_eq!(
            [Open, InProgress, Shipped, Validated, Dropped].map(stamp_key),
            [None, Some("started_at"), Some("shipped_at"), Some("validated_at"), Some("dropped_at")]
        );
    }
}
