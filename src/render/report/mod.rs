//! `report` output: `markdown`, `html` (one self-contained file: `html_text` escapes and
//! tables, `body` renders record bodies, `charts` and `appendix`), and JSON.

pub mod appendix;
pub mod body;
pub mod charts;
pub mod html;
pub mod html_text;
pub mod markdown;

use crate::analysis::Report;

/// `report --format json`: the [`Report`] struct serialised (docs/reports.md).
pub fn json(report: &Report) -> String {
    super::json::pretty(report)
}
