//! `list --format json`: the date overdue days are counted from and the selected rows
//! (the [`Row`] structs, serialised; docs/reports.md).

use crate::analysis::listing::Row;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The whole `list --format json` document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListOutput {
    pub today: NaiveDate,
    pub records: Vec<Row>,
}

/// Pretty JSON, ending in a newline.
pub fn render(today: NaiveDate, rows: &[Row]) -> String {
    super::to_json(&ListOutput { today, records: rows.to_vec() })
}
