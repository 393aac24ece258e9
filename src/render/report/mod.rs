//! `report` output: `markdown`, `html` (one self-contained file: `html_text` escapes and
//! tables, `body` renders record bodies, `charts`, `coverage` (accepted risks, closed
//! without a validated item) and `appendix`), and JSON. `markdown_incidents` is the
//! Markdown report's per-incident section, whose item fields the appendix shares.

pub mod appendix;
pub mod body;
pub mod charts;
pub mod classes;
pub mod coverage;
pub mod html;
pub mod html_text;
pub mod markdown;
pub mod markdown_incidents;

use crate::analysis::Report;

/// `report --format json`: the [`Report`] struct serialised (docs/reports.md).
pub fn json(report: &Report) -> String {
    super::json::versioned(report)
}
