//! `check --format human`: rustc-style diagnostics with the offending source line, and
//! a closing summary line.
//!
//! ```text
//! error[missing-rollback]: INC-42 is stabilized but has no rollback plan: add …
//!   --> incidents/2026/INC-42-checkout.md:9
//!    |
//!  9 | stabilization:
//!    |
//! ```

use crate::diagnostic::{Report, Severity};
use crate::printable::printable;
use crate::render::color::Palette;

/// Renders every diagnostic and the summary. `source_line(file, line)` returns the text
/// of a line of a record file, when it can be read.
pub(crate) fn render(
    report: &Report,
    palette: &Palette,
    source_line: &mut dyn FnMut(&str, usize) -> Option<String>,
) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let label = format!("{}[{}]", d.severity.as_str(), d.code.code());
        let label = match d.severity {
            Severity::Error => palette.error(&label),
            Severity::Warning => palette.warning(&label),
        };
        out.push_str(&format!("{label}{} {}\n", palette.strong(":"), palette.strong(&printable(&d.message))));
        let width = d.line.to_string().len();
        let pad = " ".repeat(width);
        let location = format!("{}:{}", printable(&d.file), d.line);
        out.push_str(&format!("{pad}{} {}\n", palette.gutter("-->"), palette.path(&location)));
        if let Some(text) = source_line(&d.file, d.line) {
            let text = printable(&text);
            let bar = palette.gutter("|");
            out.push_str(&format!("{pad} {bar}\n"));
            out.push_str(&format!("{} {bar} {}\n", palette.gutter(&d.line.to_string()), text));
            out.push_str(&format!("{pad} {bar}\n"));
        }
        out.push('\n');
    }
    out.push_str(&summary(report, palette));
    out
}

/// The closing line: counts, or that all is clear.
pub(crate) fn summary(report: &Report, palette: &Palette) -> String {
    let (errors, warnings) = (report.errors(), report.warnings());
    let files = crate::render::plural(report.files, "record file");
    if errors == 0 && warnings == 0 {
        return format!("{} {files} checked, no problems\n", palette.success("ok:"));
    }
    let counts = format!("{}, {}", crate::render::plural(errors, "error"), crate::render::plural(warnings, "warning"));
    let head = if errors > 0 { palette.error("error:") } else { palette.warning("warning:") };
    format!("{head} {counts} in {files}\n")
}
