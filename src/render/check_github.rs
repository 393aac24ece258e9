//! `check --format github`: GitHub Actions workflow commands, one annotation per
//! diagnostic, with the escaping the runner expects.

use crate::rules::Report;

/// Renders `::error file=…,line=…,title=…::message` lines.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        out.push_str(&format!(
            "::{} file={},line={},title={}::{}\n",
            d.severity.as_str(),
            escape_property(&d.file),
            d.line,
            escape_property(&format!("{} ({})", d.code.code(), d.id.as_deref().unwrap_or("no id"))),
            escape_data(&d.message)
        ));
    }
    out
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

    #[test]
    fn escapes_workflow_command_syntax() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
