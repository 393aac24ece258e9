//! `check --format json` (contract): one object with `diagnostics` and `summary`.

use crate::diagnostic::{Diagnostic, Report};
use serde::{Deserialize, Serialize};

/// The `summary` object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub files: usize,
}

#[derive(Serialize)]
struct Output<'a> {
    diagnostics: &'a [Diagnostic],
    summary: Summary,
}

/// Renders the shown diagnostics and their summary as pretty JSON.
pub fn render(report: &Report) -> String {
    let output = Output {
        diagnostics: &report.diagnostics,
        summary: Summary { errors: report.errors(), warnings: report.warnings(), files: report.files },
    };
    crate::render::json::pretty(&output)
}
