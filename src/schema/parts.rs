//! Building blocks shared by the schemas: what counts as written text, dates, timestamps,
//! spans and lists, mirroring `crate::record::text`, `crate::clock` and the record reader.

use serde_json::{json, Value};

/// A placeholder left from a template (`<...>`, `TODO`, `TBD`): counts as not written.
const PLACEHOLDER: &str = r"^\s*(<[\s\S]*>|[Tt][Oo][Dd][Oo]|[Tt][Bb][Dd])\s*$";
/// `YYYY-MM-DD`, or an RFC 3339 timestamp (`T` or a space; offset optional).
pub const TIMESTAMP: &str = r"^\s*\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?)?)?\s*$";
/// A strict `YYYY-MM-DD` date.
const DATE: &str = r"^\s*\d{4}-\d{2}-\d{2}\s*$";
/// A span of days or weeks, `14d` or `2w`.
const SPAN: &str = r"^\s*\d+[dw]\s*$";

/// Adds a `description` to a schema.
pub fn describe(mut schema: Value, description: &str) -> Value {
    schema["description"] = json!(description);
    schema
}

/// Text that is written: a non-blank scalar that is not a template placeholder.
pub fn written(description: &str) -> Value {
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
pub fn optional_text(description: &str) -> Value {
    describe(json!({"type": ["string", "number", "boolean", "null"]}), description)
}

/// A required date or timestamp.
pub fn timestamp(description: &str) -> Value {
    describe(json!({"type": "string", "pattern": TIMESTAMP}), description)
}

/// An optional date or timestamp (empty allowed).
pub fn optional_timestamp(description: &str) -> Value {
    describe(json!({"anyOf": [{"type": "null"}, {"type": "string", "pattern": TIMESTAMP}]}), description)
}

/// A strict `YYYY-MM-DD` date.
pub fn date(description: &str) -> Value {
    describe(json!({"type": "string", "pattern": DATE}), description)
}

/// A span such as `14d` or `2w`; `positive` refuses `0d`.
pub fn span(description: &str, positive: bool) -> Value {
    let pattern = if positive { r"^\s*0*[1-9]\d*[dw]\s*$" } else { SPAN };
    describe(json!({"type": "string", "pattern": pattern}), description)
}

/// An optional list of text entries (empty entries are allowed and ignored).
pub fn text_list(description: &str) -> Value {
    describe(
        json!({"type": ["array", "null"], "items": {"type": ["string", "number", "boolean", "null"]}}),
        description,
    )
}

/// A list of non-empty text entries, as the config requires; `min_items` 1 refuses `[]`.
pub fn config_list(description: &str, min_items: usize) -> Value {
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
pub fn one_of(names: &[&str], description: &str) -> Value {
    describe(json!({"enum": names}), description)
}
