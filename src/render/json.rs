//! The one JSON writer every `--format json` output goes through (and SARIF).

/// Pretty JSON ending in a newline. The structs rendered hold only strings, numbers
/// and dates, so serialisation does not fail; if it ever did, the error is the output,
/// still as JSON. No line can start or hold a GitHub workflow command (see
/// [`without_legacy_commands`]), so JSON printed in a CI log is inert.
pub fn pretty<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value)
        .unwrap_or_else(|error| serde_json::json!({ "error": error.to_string() }).to_string());
    text.push('\n');
    without_legacy_commands(text)
}

/// `json` with every `##[` written `\u0023#[`: GitHub's runner reads `##[name]` anywhere
/// in a log line as a command. Outside strings JSON holds no `#`, and inside one the
/// escape reads back as the same character. (A line of pretty JSON never starts with
/// `::`: every line starts with white space, a quote or a bracket.)
pub fn without_legacy_commands(json: String) -> String {
    if json.contains("##[") {
        json.replace("##[", "\\u0023#[")
    } else {
        json
    }
}
