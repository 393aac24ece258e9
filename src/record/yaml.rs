//! The one module that talks to the YAML library (`serde_yaml`, through its maintained
//! fork `yaml_serde`). Everything else sees [`Node`], a small owned tree, so the parser
//! can be swapped by changing this file alone.
//!
//! Front matter is deserialised straight into [`Node`] (no intermediate `Value`), and
//! the size and nesting caps in [`check_limits`] are applied before the parser sees
//! any text: the parser is quadratic on deeply nested flow collections.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Front matter larger than this is refused before parsing.
pub const MAX_BYTES: usize = 64 * 1024;
/// Front matter nested deeper than this is refused before parsing.
pub const MAX_DEPTH: usize = 32;

/// A parsed YAML value.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    /// A number, kept as the text the parser produced.
    Number(String),
    String(String),
    Seq(Vec<Node>),
    /// Entries in file order; keys rendered as text.
    Map(Vec<(String, Node)>),
}

impl Node {
    /// The value under `key` when this is a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a scalar (string, number or boolean); `None` for null and collections.
    pub fn as_text(&self) -> Option<String> {
        self.text().map(std::borrow::Cow::into_owned)
    }

    /// Like [`Node::as_text`], borrowing when the scalar is already text.
    pub fn text(&self) -> Option<std::borrow::Cow<'_, str>> {
        match self {
            Node::String(text) | Node::Number(text) => Some(std::borrow::Cow::Borrowed(text)),
            Node::Bool(true) => Some(std::borrow::Cow::Borrowed("true")),
            Node::Bool(false) => Some(std::borrow::Cow::Borrowed("false")),
            _ => None,
        }
    }

    /// The same value as JSON, for checking front matter against a JSON Schema. Numbers
    /// become JSON numbers when they read as one, otherwise the text YAML gave.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Node::Null => Value::Null,
            Node::Bool(flag) => Value::Bool(*flag),
            Node::Number(text) => text
                .parse::<i64>()
                .map(Value::from)
                .or_else(|_| text.parse::<u64>().map(Value::from))
                .ok()
                .or_else(|| text.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map(Value::Number))
                .unwrap_or_else(|| Value::String(text.clone())),
            Node::String(text) => Value::String(text.clone()),
            Node::Seq(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            Node::Map(entries) => Value::Object(entries.iter().map(|(k, v)| (k.clone(), v.to_json())).collect()),
        }
    }

    /// A short name of the value's type, for messages ("a list", "a mapping").
    pub fn type_name(&self) -> &'static str {
        match self {
            Node::Null => "empty",
            Node::Bool(_) => "a boolean",
            Node::Number(_) => "a number",
            Node::String(_) => "text",
            Node::Seq(_) => "a list",
            Node::Map(_) => "a mapping",
        }
    }
}

/// Why a YAML text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line within the YAML text, when the parser knows it.
    pub line: Option<usize>,
    pub message: String,
}

/// Parses YAML text (already checked by [`check_limits`]) into a [`Node`].
pub fn parse(text: &str) -> Result<Node, YamlError> {
    check_limits(text)?;
    match super::fast_yaml::parse(text) {
        Some(node) => Ok(node),
        None => parse_full(text),
    }
}

/// Parses record front matter whose first line is line `first_line` of the file, with
/// the line of every key. The fast reader handles the usual plain subset (it cannot
/// nest deeply, so the nesting scan is only needed for the full parser).
pub fn parse_record(text: &str, first_line: usize) -> Result<(Node, super::frontmatter::KeyLines), YamlError> {
    check_size(text)?;
    if let Some(parsed) = super::fast_yaml::parse_with_lines(text, first_line) {
        return Ok(parsed);
    }
    let node = parse(text)?;
    Ok((node, super::frontmatter::KeyLines::scan(text, first_line)))
}

/// Parses with the full YAML library (what [`parse`] falls back to).
pub fn parse_full(text: &str) -> Result<Node, YamlError> {
    serde_yaml::from_str::<Node>(text).map_err(|error| YamlError {
        line: error.location().map(|location| location.line()),
        message: first_sentence(&error.to_string()),
    })
}

/// Renders `text` as a YAML scalar that reads back as the same string: plain when that
/// is safe, otherwise quoted by the YAML library itself.
pub fn scalar(text: &str) -> String {
    match serde_yaml::to_string(text) {
        Ok(rendered) => rendered.trim_end_matches('\n').to_string(),
        Err(_) => format!("{text:?}"),
    }
}

/// Refuses text over [`MAX_BYTES`] or nested deeper than [`MAX_DEPTH`] (counting
/// indentation levels, `- ` prefixes and open flow brackets), without parsing it.
pub fn check_limits(text: &str) -> Result<(), YamlError> {
    check_size(text)?;
    check_depth(text)
}

fn check_size(text: &str) -> Result<(), YamlError> {
    if text.len() > MAX_BYTES {
        return Err(YamlError {
            line: None,
            message: format!(
                "front matter is {} bytes, over the {} KiB limit; move long text into the body",
                text.len(),
                MAX_BYTES / 1024
            ),
        });
    }
    Ok(())
}

fn check_depth(text: &str) -> Result<(), YamlError> {
    let mut indents: Vec<usize> = Vec::new();
    let mut flow_depth = 0usize;
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start_matches(' ');
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        if flow_depth == 0 {
            while indents.last().is_some_and(|&last| last >= indent) {
                indents.pop();
            }
            indents.push(indent);
        }
        let mut rest = trimmed;
        let mut dashes = 0;
        while let Some(after) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("-\t")) {
            dashes += 1;
            rest = after.trim_start();
        }
        // Bytes, not chars: every byte that matters here is ASCII, and UTF-8 never hides
        // an ASCII byte inside a multi-byte character.
        let mut quote: Option<u8> = None;
        for &byte in rest.as_bytes() {
            match (quote, byte) {
                (Some(q), b) if b == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(byte),
                (None, b'#') if flow_depth == 0 => break,
                (None, b'[' | b'{') => {
                    flow_depth += 1;
                    if indents.len() + dashes + flow_depth > MAX_DEPTH {
                        return Err(YamlError {
                            line: Some(index + 1),
                            message: format!("front matter is nested deeper than {MAX_DEPTH} levels"),
                        });
                    }
                }
                (None, b']' | b'}') => flow_depth = flow_depth.saturating_sub(1),
                _ => {}
            }
        }
        if indents.len() + dashes > MAX_DEPTH {
            return Err(YamlError {
                line: Some(index + 1),
                message: format!("front matter is nested deeper than {MAX_DEPTH} levels"),
            });
        }
        // A quote left open spans lines only inside flow collections we already count.
    }
    Ok(())
}

fn first_sentence(message: &str) -> String {
    // The library appends " at line L column C"; the diagnostic carries the line itself.
    match message.find(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message.to_string(),
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        Node::deserialize(deserializer)
    }
    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Node, E> {
        Ok(Node::Bool(value))
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Node, E> {
        Ok(Node::Number(value.to_string()))
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Node, E> {
        Ok(Node::Number(value.to_string()))
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Node, E> {
        Ok(Node::Number(value.to_string()))
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<Node, E> {
        Ok(Node::String(value.to_string()))
    }
    fn visit_string<E: de::Error>(self, value: String) -> Result<Node, E> {
        Ok(Node::String(value))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries: Vec<(String, Node)> = Vec::new();
        while let Some((key, value)) = map.next_entry::<Node, Node>()? {
            let key = match key {
                Node::Null => "null".to_string(),
                other => other.as_text().ok_or_else(|| de::Error::custom("a mapping key must be plain text"))?,
            };
            if entries.iter().any(|(existing, _)| *existing == key) {
                return Err(de::Error::custom(format!("duplicate key `{key}`")));
            }
            entries.push((key, value));
        }
        Ok(Node::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_mapping_in_order() {
        let node = parse("b: 1\na: [x, y]\nc:\n  d: true\n").unwrap();
        let Node::Map(entries) = &node else { panic!("not a map") };
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "c"]);
        assert_eq!(node.get("b"), Some(&Node::Number("1".into())));
        assert_eq!(node.get("c").and_then(|c| c.get("d")), Some(&Node::Bool(true)));
    }

    #[test]
    fn converts_to_json() {
        let node = parse("a: 1\nb: [x, 2.5, true, ~]\nc: {d: 2026-03-02}\ne: .nan\n").unwrap();
        assert_eq!(
            node.to_json(),
            serde_json::json!({"a": 1, "b": ["x", 2.5, true, null], "c": {"d": "2026-03-02"}, "e": "NaN"})
        );
    }

    #[test]
    fn reports_the_line_of_a_syntax_error() {
        let error = parse("a: 1\nb: [unclosed\nc: 2\n").unwrap_err();
        assert!(error.line.is_some());
    }

    #[test]
    fn rejects_duplicate_keys() {
        assert!(parse("a: 1\na: 2\n").unwrap_err().message.contains("duplicate"));
    }

    #[test]
    fn refuses_deep_and_large_input_before_parsing() {
        let deep = format!("a: {}{}\n", "[".repeat(40), "]".repeat(40));
        assert!(parse(&deep).unwrap_err().message.contains("nested"));
        let dashes = format!("{}x\n", "- ".repeat(40));
        assert!(parse(&dashes).unwrap_err().message.contains("nested"));
        let large = format!("a: \"{}\"\n", "x".repeat(MAX_BYTES));
        assert!(parse(&large).unwrap_err().message.contains("KiB"));
        assert!(parse("a: [[[1]]]\nb:\n  c:\n    d: 1\n").is_ok());
    }

    #[test]
    fn quotes_scalars_only_when_needed() {
        assert_eq!(scalar("plain text"), "plain text");
        for tricky in ["a: b", "- x", "#x", "yes", "123", "", "x\ny", " lead"] {
            let rendered = scalar(tricky);
            assert_eq!(
                parse(&format!("k: {rendered}\n")).unwrap().get("k").and_then(Node::as_text).unwrap_or_default(),
                tricky,
                "{tricky} -> {rendered}"
            );
        }
    }
}
