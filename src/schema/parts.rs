//! Building blocks shared by the schemas: what counts as written text, dates, timestamps,
//! spans and lists, mirroring `crate::text`, `crate::clock` and the record reader.

use serde_json::{json, Value};

/// A placeholder left from a template (`<...>`, `TODO`, `TBD`): counts as not written.
const PLACEHOLDER: &str = r"^\s*(<[\s\S]*>|[Tt][Oo][Dd][Oo]|[Tt][Bb][Dd])\s*$";
/// `YYYY-MM-DD`, or an RFC 3339 timestamp (`T` or a space; offset optional).
pub(crate) const TIMESTAMP: &str =
    r"^\s*\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?)?)?\s*$";
/// A strict `YYYY-MM-DD` date.
const DATE: &str = r"^\s*\d{4}-\d{2}-\d{2}\s*$";
/// A span of days or weeks, `14d` or `2w`.
const SPAN: &str = r"^\s*\d+[dw]\s*$";

/// ASCII punctuation, which the non-answer comparison drops (`crate::record::evidence`).
const PUNCTUATION: &str = r"!-/:-@\[-`{-~";

/// A pattern matching the built-in non-answers as `weak-evidence` compares them: case
/// ignored, ASCII punctuation dropped anywhere, words separated by white space, and a
/// value of only punctuation. Other scripts' punctuation is not dropped here, so the
/// schema flags a subset of what `check` flags, never more.
pub(crate) fn non_answer_pattern() -> String {
    let inside = format!("[{PUNCTUATION}]*");
    let between = format!(r"[{PUNCTUATION}\s]*\s[{PUNCTUATION}\s]*");
    let mut phrases: Vec<String> = Vec::new();
    for phrase in crate::record::evidence::NON_ANSWERS {
        let words: Vec<String> = phrase
            .split_whitespace()
            .map(|word| {
                word.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .map(|c| match c {
                        'a'..='z' => format!("[{c}{}]", c.to_ascii_uppercase()),
                        _ => c.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(&inside)
            })
            .filter(|word| !word.is_empty())
            .collect();
        if !words.is_empty() {
            phrases.push(words.join(&between));
        }
    }
    let edge = format!(r"[{PUNCTUATION}\s]*");
    format!(r"^{edge}(?:{}){edge}$|^\s*[{PUNCTUATION}]{edge}$", phrases.join("|"))
}

/// Optional evidence text: any scalar, or empty, but not a built-in non-answer.
pub(crate) fn evidence_text(description: &str) -> Value {
    describe(
        json!({
            "type": ["string", "number", "boolean", "null"],
            "not": {"type": "string", "pattern": non_answer_pattern()}
        }),
        description,
    )
}

/// Adds a `description` to a schema.
pub(crate) fn describe(mut schema: Value, description: &str) -> Value {
    schema["description"] = json!(description);
    schema
}

/// Text that is written: a non-blank scalar that is not a template placeholder.
pub(crate) fn written(description: &str) -> Value {
    describe(
        json!({
            "anyOf": [
                {"type": ["number", "boolean"]},
                {"type": "string", "pattern": r"\S", "not": {"pattern": PLACEHOLDER}}
            ]
        }),
        description,
    )
}

/// Optional text: any scalar, or empty.
pub(crate) fn optional_text(description: &str) -> Value {
    describe(json!({"type": ["string", "number", "boolean", "null"]}), description)
}

/// A required date or timestamp.
pub(crate) fn timestamp(description: &str) -> Value {
    describe(json!({"type": "string", "pattern": TIMESTAMP}), description)
}

/// An optional date or timestamp (empty allowed).
pub(crate) fn optional_timestamp(description: &str) -> Value {
    describe(json!({"anyOf": [{"type": "null"}, {"type": "string", "pattern": TIMESTAMP}]}), description)
}

/// A strict `YYYY-MM-DD` date.
pub(crate) fn date(description: &str) -> Value {
    describe(json!({"type": "string", "pattern": DATE}), description)
}

/// A span such as `14d` or `2w`; `positive` refuses `0d`.
pub(crate) fn span(description: &str, positive: bool) -> Value {
    let pattern = if positive { r"^\s*0*[1-9]\d*[dw]\s*$" } else { SPAN };
    describe(json!({"type": "string", "pattern": pattern}), description)
}

/// An optional list of text entries (empty entries are allowed and ignored).
pub(crate) fn text_list(description: &str) -> Value {
    describe(
        json!({"type": ["array", "null"], "items": {"type": ["string", "number", "boolean", "null"]}}),
        description,
    )
}

/// A list of non-empty text entries, as the config requires; `min_items` 1 refuses `[]`.
pub(crate) fn config_list(description: &str, min_items: usize) -> Value {
    describe(
        json!({
            "type": "array",
            "minItems": min_items,
            "items": {"anyOf": [{"type": ["number", "boolean"]}, {"type": "string", "pattern": r"\S"}]}
        }),
        description,
    )
}

/// One of `names`, as text.
pub(crate) fn one_of(names: &[&str], description: &str) -> Value {
    describe(json!({"enum": names}), description)
}
