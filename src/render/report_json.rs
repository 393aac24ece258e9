//! `report --format json`: the [`Report`] struct serialised (docs/reports.md).

use crate::analysis::Report;

/// Pretty JSON, ending in a newline.
pub fn render(report: &Report) -> String {
    super::to_json(report)
}
