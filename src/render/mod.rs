//! Renderers: one per output format. They turn reports into text and never decide
//! anything else (colour is decided once, in [`color::Palette`]).

pub mod check_github;
pub mod check_human;
pub mod check_json;
pub mod check_sarif;
pub mod check_summary;
pub mod color;
pub mod config_human;
pub mod config_json;
pub mod html;
pub mod html_appendix;
pub mod html_body;
pub mod html_charts;
pub mod html_coverage;
pub mod list_json;
pub mod list_text;
pub mod markdown_text;
pub mod printable;
pub mod report_html;
pub mod report_json;
pub mod report_markdown;
pub mod report_markdown_incidents;
pub mod status_json;
pub mod status_markdown;

/// Pretty JSON ending in a newline. The structs rendered hold only strings, numbers
/// and dates, so serialisation does not fail; if it ever did, the error is the output.
fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value)
        .unwrap_or_else(|error| serde_json::json!({ "error": error.to_string() }).to_string());
    text.push('\n');
    text
}

/// `1 error`, `3 errors`: a count with its noun, pluralised with `s`.
pub fn plural(count: impl std::fmt::Display, noun: &str) -> String {
    let count = count.to_string();
    let ending = if count == "1" { "" } else { "s" };
    format!("{count} {noun}{ending}")
}
