//! `report` output: `markdown`, `html` (one self-contained file: `html_text` escapes and
//! tables, `body` renders record bodies, `charts`, `coverage` (accepted risks, closed
//! without a validated item) and `appendix`), and JSON. `detection` is the time to
//! detect and to mitigate section of both Markdown and HTML. `markdown_incidents` is the
//! Markdown report's per-incident section, whose item fields the appendix shares. Every
//! format is written to the output as it is rendered: Markdown and HTML through a
//! [`page::Page`], JSON through the one JSON writer's escape (`json`: its rows on every
//! core).

pub(crate) mod appendix;
pub(crate) mod body;
pub(crate) mod charts;
pub(crate) mod classes;
pub(crate) mod coverage;
pub(crate) mod detection;
mod fast_body;
pub(crate) mod html;
pub(crate) mod html_text;
mod json;
pub(crate) mod markdown;
pub(crate) mod markdown_incidents;
pub(crate) mod page;

use crate::analysis::Report;

/// `report --format json`: the [`Report`] struct serialised (docs/reports.md), written to
/// `out` as it is serialised, its incident rows on every core ([`json::write`]).
pub(crate) fn json(report: &Report, out: impl std::io::Write) -> std::io::Result<()> {
    json::write(report, out)
}
