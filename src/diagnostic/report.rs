//! The result of one `check`: every diagnostic, sorted, and how many files were read.
//! Built by `rules::check`; rendered by the `check_*` renderers in `render/`.

use super::{Diagnostic, Severity};

/// Everything `check` found, sorted by file, line and code.
#[derive(Debug, Clone, Default)]
pub(crate) struct Report {
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Record files read (files without front matter are not counted).
    pub(crate) files: usize,
}

impl Report {
    pub(crate) fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }

    pub(crate) fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count()
    }
}
