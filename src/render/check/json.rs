//! `check --format json` (contract): one object with `diagnostics` and `summary`.
//!
//! JSON is serialised, so no record text breaks a line; and since a CI log may show it,
//! [`without_legacy_commands`] writes the `#` that starts a `##[` (a workflow command
//! GitHub's runner finds anywhere in a line) as `\u0023`, which reads back the same.

use crate::diagnostic::{Diagnostic, Report};
use serde::{Deserialize, Serialize};

/// The `summary` object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Summary {
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
    pub(crate) files: usize,
}

#[derive(Serialize)]
struct Output<'a> {
    diagnostics: &'a [Diagnostic],
    summary: Summary,
}

/// Renders the shown diagnostics and their summary as pretty JSON.
pub(crate) fn render(report: &Report) -> String {
    let output = Output {
        diagnostics: &report.diagnostics,
        summary: Summary { errors: report.errors(), warnings: report.warnings(), files: report.files },
    };
    crate::render::json::versioned(&output)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Rule, Severity};

    #[test]
    fn no_line_holds_a_legacy_workflow_command_and_the_text_reads_back() {
        let message = "x ##[add-mask]secret ###[error]y\n::notice::z";
        let diagnostic = Diagnostic {
            code: Rule::InvalidValue,
            severity: Severity::Error,
            file: "##[group]a.md".to_string(),
            line: 1,
            id: None,
            message: message.to_string(),
        };
        let text = render(&Report { diagnostics: vec![diagnostic], files: 1 });
        assert!(!text.contains("##["), "{text}");
        assert!(text.lines().all(|line| !line.trim_start().starts_with("::")), "{text}");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["diagnostics"][0]["message"], message);
        assert_eq!(value["diagnostics"][0]["file"], "##[group]a.md");
    }
}
