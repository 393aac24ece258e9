//! `check --format junit`: JUnit XML, the test report most CI systems show (GitLab,
//! Jenkins, Azure Pipelines, CircleCI). One test case per record file checked; a file
//! with a failing diagnostic (an error, or any with `--strict`) is a failed test case
//! whose failure lists all its diagnostics as `file:line: severity[code] (id): message`;
//! a passing file's warnings go to its `system-out`. Record text is escaped, and
//! characters XML 1.0 cannot hold are dropped.

use crate::diagnostic::{Diagnostic, Report, Severity};
use std::collections::BTreeMap;

/// Renders one test suite: a test case for each of `files` (root-relative, `/`
/// separators) and for any other file a diagnostic names.
pub(crate) fn render(report: &Report, files: &[String], strict: bool) -> String {
    let mut cases: BTreeMap<&str, Vec<&Diagnostic>> = files.iter().map(|file| (file.as_str(), Vec::new())).collect();
    for diagnostic in &report.diagnostics {
        cases.entry(diagnostic.file.as_str()).or_default().push(diagnostic);
    }
    let fails = |list: &[&Diagnostic]| list.iter().any(|d| d.severity == Severity::Error || strict);
    let failures = cases.values().filter(|list| fails(list)).count();
    let head = format!("name=\"incidents check\" tests=\"{}\" failures=\"{failures}\" errors=\"0\"", cases.len());
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites {head}>\n  <testsuite {head} skipped=\"0\">\n"
    );
    for (file, list) in &cases {
        let file = escape(file);
        out.push_str(&format!("    <testcase name=\"{file}\" classname=\"incidents\" file=\"{file}\""));
        if list.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        let text: String = list.iter().map(|d| escape(&line(d)) + "\n").collect();
        if fails(list) {
            let errors = list.iter().filter(|d| d.severity == Severity::Error).count();
            let message = format!("{} error(s), {} warning(s)", errors, list.len() - errors);
            let kind = list.iter().find(|d| d.severity == Severity::Error || strict).map_or("", |d| d.code.code());
            out.push_str(&format!("      <failure message=\"{message}\" type=\"{kind}\">{text}</failure>\n"));
        } else {
            out.push_str(&format!("      <system-out>{text}</system-out>\n"));
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

fn line(d: &Diagnostic) -> String {
    let id = d.id.as_deref().map(|id| format!(" ({id})")).unwrap_or_default();
    format!("{}:{}: {}[{}]{id}: {}", d.file, d.line, d.severity.as_str(), d.code.code(), d.message)
}

/// `text` safe in XML text and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(escape("a<b>&\"c'\u{1b}[31m\u{0}"), "a&lt;b&gt;&amp;&quot;c&apos;[31m");
    }
}
