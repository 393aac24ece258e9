//! Due dates that moved, from each item's `due_history` (appended by
//! `incidents move-due`): a plan that keeps slipping is a finding in itself, so the
//! report lists every move with its reason instead of showing only the latest date.

use crate::clock::Timestamp;
use crate::store::index::Entry;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One move of one item's due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DueMove {
    pub(crate) id: String,
    pub(crate) incident: String,
    pub(crate) owner: Option<String>,
    pub(crate) status: Option<String>,
    /// The due date before the move (`null` when the history entry has none).
    pub(crate) from: Option<NaiveDate>,
    /// The due date after it: the next history entry's, or the current `due`.
    pub(crate) to: Option<NaiveDate>,
    pub(crate) moved_at: Option<Timestamp>,
    /// Absent when not written (or an unfilled placeholder).
    pub(crate) reason: Option<String>,
    /// How many times this item's due date has moved in all.
    pub(crate) moves_of_item: usize,
}

/// Every move of the items of `entries`, per item in id order, oldest move first.
pub(crate) fn build(entries: &[&Entry<'_>]) -> Vec<DueMove> {
    let mut moves = Vec::new();
    for entry in entries {
        for item in &entry.items {
            let record = item.item;
            let Some(history) = record.due_history.get() else { continue };
            let current = record.due.get().map(|due| due.end);
            for (index, earlier) in history.iter().enumerate() {
                let to = history.get(index + 1).map_or(current, |next| next.due);
                moves.push(DueMove {
                    id: item.id.to_string(),
                    incident: entry.id.to_string(),
                    owner: record.owner.get().cloned(),
                    status: record.status.value.map(|s| s.as_str().to_string()),
                    from: earlier.due,
                    to,
                    moved_at: earlier.moved_at,
                    reason: earlier.reason.clone(),
                    moves_of_item: history.len(),
                });
            }
        }
    }
    moves
}
