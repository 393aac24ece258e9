//! The owned tree every YAML reader in the crate produces ([`super::library`] and
//! [`super::fast`] alike), so no caller sees the YAML library's own types.

/// A parsed YAML value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
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
    pub(crate) fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value under `key` when this is a mapping, to take its text out of the tree
    /// (the record reader moves strings out instead of copying them).
    pub(crate) fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        match self {
            Node::Map(entries) => entries.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a scalar (string, number or boolean); `None` for null and collections.
    pub(crate) fn as_text(&self) -> Option<String> {
        self.text().map(std::borrow::Cow::into_owned)
    }

    /// Like [`Node::as_text`], borrowing when the scalar is already text.
    pub(crate) fn text(&self) -> Option<std::borrow::Cow<'_, str>> {
        match self {
            Node::String(text) | Node::Number(text) => Some(std::borrow::Cow::Borrowed(text)),
            Node::Bool(true) => Some(std::borrow::Cow::Borrowed("true")),
            Node::Bool(false) => Some(std::borrow::Cow::Borrowed("false")),
            _ => None,
        }
    }

    /// The same value as JSON, for checking front matter against a JSON Schema. Numbers
    /// become JSON numbers when they read as one, otherwise the text YAML gave.
    #[cfg(test)]
    pub(crate) fn to_json(&self) -> serde_json::Value {
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
    pub(crate) fn type_name(&self) -> &'static str {
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
