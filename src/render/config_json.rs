//! `incidents config --format json`: the [`Effective`] settings as one JSON object.

use crate::analysis::settings::Effective;

/// Renders the settings as pretty JSON.
pub fn render(effective: &Effective) -> String {
    let mut text = serde_json::to_string_pretty(effective).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}
