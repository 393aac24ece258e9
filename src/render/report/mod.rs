//! `report` output: `markdown`, `html` (one self-contained file: `html_text` escapes and
//! tables, `body` renders record bodies, `charts`, `coverage` (accepted risks, closed
//! without a validated item) and `appendix`), and JSON. `detection` is the time to
//! detect and to mitigate section of both Markdown and HTML. `markdown_incidents` is the
//! Markdown report's per-incident section, whose item fields the appendix shares.

pub(crate) mod appendix;
pub(crate) mod body;
pub(crate) mod charts;
pub(crate) mod classes;
pub(crate) mod coverage;
pub(crate) mod detection;
pub(crate) mod html;
pub(crate) mod html_text;
pub(crate) mod markdown;
pub(crate) mod markdown_incidents;

use crate::analysis::Report;

/// `report --format json`: the [`Report`] struct serialised (docs/reports.md).
pub(crate) fn json(report: &Report) -> String {
    super::json::versioned(report)
}
