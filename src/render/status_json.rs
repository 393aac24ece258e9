//! `status --format json`: one object with the date the relative fields are counted
//! from and the status block of each incident (the [`StatusBlock`] structs, serialised;
//! docs/reports.md).

use crate::analysis::StatusBlock;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The whole `status --format json` document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusOutput {
    /// The date `days_until_due` is counted from.
    pub today: NaiveDate,
    pub incidents: Vec<StatusBlock>,
}

/// Pretty JSON, ending in a newline.
pub fn render(today: NaiveDate, blocks: &[StatusBlock]) -> String {
    super::to_json(&StatusOutput { today, incidents: blocks.to_vec() })
}
