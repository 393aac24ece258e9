//! The one JSON writer every `--format json` output goes through (and SARIF).
//!
//! Every JSON document a command prints carries a top-level `"version": 1` ([`VERSION`]):
//! it changes only when a key is removed or changes meaning, so scripts can tell. The
//! version is added here, around the serialised model ([`versioned`]), rather than as a
//! field of each output struct: the structs stay the analysis model, and no output can
//! forget it. SARIF and other formats with a version of their own use [`pretty`].

use serde::Serialize;

/// The version of the JSON outputs (`check`, `status`, `list`, `report`, `digest`,
/// `sync`, `explain`).
pub(crate) const VERSION: u32 = 1;

/// Pretty JSON ending in a newline. The structs rendered hold only strings, numbers
/// and dates, so serialisation does not fail; if it ever did, the error is the output,
/// still as JSON. No line can start or hold a GitHub workflow command (see
/// [`without_legacy_commands`]), so JSON printed in a CI log is inert.
pub(crate) fn pretty<T: Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value)
        .unwrap_or_else(|error| serde_json::json!({ "error": error.to_string() }).to_string());
    text.push('\n');
    without_legacy_commands(text)
}

/// `json` with every `##[` written `\u0023#[`: GitHub's runner reads `##[name]` anywhere
/// in a log line as a command. Outside strings JSON holds no `#`, and inside one the
/// escape reads back as the same character. (A line of pretty JSON never starts with
/// `::`: every line starts with white space, a quote or a bracket.)
pub(crate) fn without_legacy_commands(json: String) -> String {
    if json.contains("##[") {
        json.replace("##[", "\\u0023#[")
    } else {
        json
    }
}

/// `value` (a struct or map) as pretty JSON with `"version": 1` as its first key.
pub(crate) fn versioned<T: Serialize>(value: &T) -> String {
    #[derive(Serialize)]
    struct Versioned<'a, T> {
        version: u32,
        #[serde(flatten)]
        value: &'a T,
    }
    pretty(&Versioned { version: VERSION, value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_comes_first_and_keeps_every_key() {
        #[derive(Serialize)]
        struct Output {
            diagnostics: Vec<u8>,
            summary: u8,
        }
        let text = versioned(&Output { diagnostics: vec![1], summary: 2 });
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value, serde_json::json!({"version": 1, "diagnostics": [1], "summary": 2}));
        assert!(text.starts_with("{\n  \"version\": 1,"), "{text}");
    }
}
