//! `check --format github`: GitHub Actions workflow commands, with the escaping the
//! runner expects.
//!
//! GitHub shows at most [`ANNOTATIONS_PER_SEVERITY`] error and as many warning
//! annotations per step and drops the rest without a word, so the most important
//! diagnostics are annotated first ([`by_importance`]: errors before warnings, then the
//! order of the rules table, then file and line). Whatever does not fit is counted on a
//! plain line and listed after it as plain `file:line` lines, so the log stays complete.
//! The last line counts everything, as the human format's does.
//!
//! The runner reads every line for workflow commands, so every line written here is
//! either one of our annotations, its properties and message escaped as the runner
//! unescapes them (`%`, CR, LF; `:` and `,` in properties), or a plain line made safe by
//! [`printable_line`]: record text breaks no line, and no plain line starts with `::` or
//! holds `##[`.

use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::printable::{printable, printable_line};
use std::cmp::Ordering;

/// How many annotations of each severity GitHub shows for one step.
pub(crate) const ANNOTATIONS_PER_SEVERITY: usize = 10;

/// Renders up to [`ANNOTATIONS_PER_SEVERITY`] `::error` and as many `::warning` lines,
/// most important first, then a line counting the rest and the rest as plain lines.
pub(crate) fn render(report: &Report) -> String {
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
            let line = format!("{}:{}: {}[{}]: {}", d.file, d.line, d.severity.as_str(), d.code.code(), d.message);
            out.push_str(&printable_line(&line));
            out.push('\n');
        }
    }
    out.push_str(&super::human::summary(report, &crate::render::color::Palette::new(false)));
    out
}

/// The order annotations are written in: errors before warnings; within a severity the
/// order of the rules table (unreadable records and structural problems first, then
/// gate 1, then gate 2), then file and line.
pub(crate) fn by_importance(a: &Diagnostic, b: &Diagnostic) -> Ordering {
    (a.severity, a.code, a.file.as_str(), a.line, a.message.as_str()).cmp(&(
        b.severity,
        b.code,
        b.file.as_str(),
        b.line,
        b.message.as_str(),
    ))
}

/// One `::error file=…,line=…,title=…::message` line. The file stays as it is, so that
/// GitHub finds it; the title and message show control characters as `\u{…}`, as in a
/// terminal, since the log shows the line too.
fn annotation(d: &Diagnostic) -> String {
    let title = format!("{} ({})", d.code.code(), d.id.as_deref().unwrap_or("no id"));
    format!(
        "::{} file={},line={},title={}::{}\n",
        d.severity.as_str(),
        escape_property(&d.file),
        d.line,
        escape_property(&printable(&title)),
        escape_data(&printable(&d.message))
    )
}

/// Escapes a message: `%`, CR and LF.
pub(crate) fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value: as data, plus `:` and `,`.
pub(crate) fn escape_property(text: &str) -> String {
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
        let mut d = diagnostic(Rule::MissingOwner, Severity::Error, "a\nb:c.md", 2);
        d.message = "\u{1b}[2J 100%\n::notice::x".to_string();
        d.id = Some("INC-1\r".to_string());
        assert_eq!(
            annotation(&d),
            "::error file=a%0Ab%3Ac.md,line=2,title=missing-owner (INC-1\\u{d})::\\u{1b}[2J 100%25\\u{a}::notice::x\n"
        );
    }

    #[test]
    fn plain_lines_past_the_cap_cannot_start_a_workflow_command() {
        let names = ["x\n::notice::a", "y\r::add-mask::b", "::stop-commands::c", "z ##[error]d"];
        let diagnostics =
            (0..30).map(|i| diagnostic(Rule::MissingOwner, Severity::Error, names[i % names.len()], i + 1)).collect();
        let text = render(&Report { diagnostics, files: 4 });
        let lines: Vec<&str> = text.split(['\r', '\n']).collect();
        assert_eq!(lines.iter().filter(|l| l.starts_with("::error ")).count(), 10, "{text}");
        for line in lines.iter().filter(|l| !l.starts_with("::error ")) {
            assert!(!line.trim_start().starts_with("::") && !line.contains("##["), "{line:?}");
        }
        assert!(text.contains("\ny\\u{d}::add-mask::b:2: error[missing-owner]: m\n"), "{text}");
        assert!(text.contains("\nz \\u{23}#[error]d:4: error[missing-owner]: m\n"), "{text}");
        let names = (0..11).map(|i| diagnostic(Rule::MissingOwner, Severity::Error, "::notice::f", i + 1)).collect();
        let text = render(&Report { diagnostics: names, files: 1 });
        assert!(text.contains("\n\\u{3a}:notice::f:11: error[missing-owner]: m\n"), "{text}");
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
