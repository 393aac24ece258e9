//! The one JSON writer every `--format json` output goes through (and SARIF).

/// Pretty JSON ending in a newline. The structs rendered hold only strings, numbers
/// and dates, so serialisation does not fail; if it ever did, the error is the output,
/// still as JSON.
pub fn pretty<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value)
        .unwrap_or_else(|error| serde_json::json!({ "error": error.to_string() }).to_string());
    text.push('\n');
    text
}
