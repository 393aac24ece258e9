//! `check --format github`: GitHub Actions workflow commands, with the escaping the
//! runner expects.
//!
//! GitHub shows at most [`ANNOTATIONS_PER_SEVERITY`] error and as many warning
//! annotations per step and drops the rest without a word, so the most important
//! diagnostics are annotated first ([`by_importance`]: errors before warnings, then the
//! order of the rules table, then file and line). Whatever does not fit is counted on a
//! plain line and listed after it as plain `file:line` lines, so the log stays complete.
//! The last line counts everything, as the human format's does.

use crate::diagnostic::{Diagnostic, Report, Severity};
use std::cmp::Ordering;

/// How many annotations of each severity GitHub shows for one step.
pub const ANNOTATIONS_PER_SEVERITY: usize = 10;

/// Renders up to [`ANNOTATIONS_PER_SEVERITY`] `::error` and as many `::warning` lines,
/// most important first, then a line counting the rest and the rest as plain lines.
pub fn render(report: &Report) -> String {
    let mut ordered: Vec<&Diagnostic> = report.diagnostics.iter().collect();
    ordered.sort_by(|a, b| by_importance(a, b));
    let (mut errors, mut warnings) = (0, 0);
    let mut out = String::new();
    let mut rest = Vec::new();
    for d in ordered {
        let shown = match d.severity {
            Severity::Error => &mut errors,
            Severity::Warning => &mut warnings,
        };
        if *shown < ANNOTATIONS_PER_SEVERITY {
            *shown += 1;
            out.push_str(&annotation(d));
        } else {
            rest.push(d);
        }
    }
    if !rest.is_empty() {
        let noun = if rest.len() == 1 { "diagnostic" } else { "diagnostics" };
        out.push_str(&format!(
            "{} more {noun} not annotated (GitHub shows {ANNOTATIONS_PER_SEVERITY} error and {ANNOTATIONS_PER_SEVERITY} warning annotations per step); run `incidents check` locally to see them with their source lines:\n",
            rest.len()
        ));
        for d in rest {
            out.push_str(&format!(
                "{}:{}: {}[{}]: {}\n",
                d.file,
                d.line,
                d.severity.as_str(),
                d.code.code(),
                d.message.replace(['\r', '\n'], " ")
            ));
        }
    }
    out.push_str(&super::human::summary(report, &crate::render::color::Palette::new(false)));
    out
}

/// The order annotations are written in: errors before warnings; within a severity the
/// order of the rules table (unreadable records and structural problems first, then
/// gate 1, then gate 2), then file and line.
pub fn by_importance(a: &Diagnostic, b: &Diagnostic) -> Ordering {
    (a.severity, a.code, a.file.as_str(), a.line, a.message.as_str()).cmp(&(
        b.severity,
        b.code,
        b.file.as_str(),
        b.line,
        b.message.as_str(),
    ))
}

/// One `::error file=…,line=…,title=…::message` line.
fn annotation(d: &Diagnostic) -> String {
    format!(
        "::{} file={},line={},title={}::{}\n",
        d.severity.as_str(),
        escape_property(&d.file),
        d.line,
        escape_property(&format!("{} ({})", d.code.code(), d.id.as_deref().unwrap_or("no id"))),
        escape_data(&d.message)
    )
}

/// Escapes a message: `%`, CR and LF.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value: as data, plus `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Rule;

    fn diagnostic(code: Rule, severity: Severity, file: &str, line: usize) -> Diagnostic {
        Diagnostic { code, severity, file: file.to_string(), line, id: None, message: "m".to_string() }
    }

    #[test]
    fn escapes_workflow_command_syntax() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn orders_errors_first_then_by_rule_then_place() {
        let mut list = [
            diagnostic(Rule::Overdue, Severity::Warning, "a.md", 1),
            diagnostic(Rule::MissingOwner, Severity::Error, "b.md", 9),
            diagnostic(Rule::Syntax, Severity::Error, "z.md", 3),
            diagnostic(Rule::MissingOwner, Severity::Error, "a.md", 2),
        ];
        list.sort_by(by_importance);
        let order: Vec<(&str, &str)> = list.iter().map(|d| (d.code.code(), d.file.as_str())).collect();
        assert_eq!(
            order,
            [("syntax", "z.md"), ("missing-owner", "a.md"), ("missing-owner", "b.md"), ("overdue", "a.md")]
        );
    }

    #[test]
    fn caps_annotations_per_severity_and_counts_the_rest() {
        let cases = [(3, 2, 0), (10, 10, 0), (12, 1, 2), (25, 14, 19)];
        for (errors, warnings, rest) in cases {
            let mut diagnostics = Vec::new();
            diagnostics.extend((0..errors).map(|i| diagnostic(Rule::MissingOwner, Severity::Error, "e.md", i + 1)));
            diagnostics.extend((0..warnings).map(|i| diagnostic(Rule::Overdue, Severity::Warning, "w.md", i + 1)));
            let text = render(&Report { diagnostics, files: 2 });
            let count = |prefix: &str| text.lines().filter(|l| l.starts_with(prefix)).count();
            assert_eq!(count("::error "), errors.min(10), "{errors}/{warnings}");
            assert_eq!(count("::warning "), warnings.min(10), "{errors}/{warnings}");
            assert_eq!(text.contains(&format!("{rest} more diagnostic")), rest > 0, "{text}");
            assert_eq!(count("e.md:") + count("w.md:"), rest);
            assert!(text.ends_with(" in 2 record files\n"), "{text}");
        }
    }
}
