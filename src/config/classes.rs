//! The `classes` config key (SPEC §1): an optional vocabulary of repeat-failure classes,
//! each name with a one-line description. When it is configured, `unknown-class` checks
//! every class written in a record against it.

use crate::yaml::Node;
use serde::Serialize;

/// One class of the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ClassEntry {
    pub(crate) name: String,
    pub(crate) description: String,
}

/// The configured vocabulary, in the order written; empty when `classes` is not set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Vocabulary {
    pub(crate) entries: Vec<ClassEntry>,
}

impl Vocabulary {
    /// Whether a vocabulary is configured (the `unknown-class` rule runs only then).
    pub(crate) fn is_configured(&self) -> bool {
        !self.entries.is_empty()
    }

    /// The entry named `class`, compared like failure modes (case and runs of white
    /// space ignored).
    pub(crate) fn find(&self, class: &str) -> Option<&ClassEntry> {
        let wanted = crate::text::normalize(class);
        self.entries.iter().find(|entry| crate::text::normalize(&entry.name) == wanted)
    }

    /// The description of `class`, when the vocabulary has it.
    pub(crate) fn description(&self, class: &str) -> Option<&str> {
        self.find(class).map(|entry| entry.description.as_str())
    }

    /// The configured name closest to `class`, for "did you mean".
    pub(crate) fn closest(&self, class: &str) -> Option<&str> {
        crate::suggest::closest(class, self.entries.iter().map(|entry| entry.name.as_str()))
    }
}

/// Reads the `classes` mapping; the error is the reason, without the key.
pub(super) fn read(value: &Node) -> Result<Vocabulary, String> {
    let Node::Map(pairs) = value else {
        return Err(format!(
            "expected a mapping of class name to one-line description, found {}: write `classes:` then lines like `  state-mismatch-during-partial-deploy: a deploy left services disagreeing on state`",
            value.type_name()
        ));
    };
    let mut entries: Vec<ClassEntry> = Vec::with_capacity(pairs.len());
    for (name, description) in pairs {
        let name = name.trim();
        if name.is_empty() {
            return Err("a class name is empty: name each class".to_string());
        }
        if entries.iter().any(|known| crate::text::normalize(&known.name) == crate::text::normalize(name)) {
            return Err(format!("`{name}` is listed twice (case and spaces ignored): keep one"));
        }
        let description = match description.text() {
            Some(text) if !text.trim().is_empty() && !text.trim().contains('\n') => text.trim().to_string(),
            Some(text) if text.trim().contains('\n') => {
                return Err(format!("the description of `{name}` must be one line"));
            }
            _ => return Err(format!("`{name}` needs a one-line description: write `{name}: what the class means`")),
        };
        entries.push(ClassEntry { name: name.to_string(), description });
    }
    Ok(Vocabulary { entries })
}
