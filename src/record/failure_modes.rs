//! Reading `failure_modes`: each entry is a plain sentence, or a mapping
//! `{mode: TEXT, class: NAME}` that gives that failure mode its own repeat-failure class
//! (SPEC §2). Every consumer reads the mode text through [`super::Incident::failure_modes`],
//! whichever form was written; the classes are kept beside them, entry for entry.

use super::field::{Field, FieldState, Spanned};
use super::reader::Reader;
use crate::diagnostic::Rule;
use crate::text::meaningful;
use crate::yaml::Node;

/// The keys of a failure-mode mapping.
pub(crate) const ENTRY_KEYS: &[&str] = &["mode", "class"];

/// What `failure_modes` holds: the mode texts (placeholders left out) and, for each of
/// them at the same position, its own class when the entry names one.
#[derive(Debug, Clone, Default)]
pub(crate) struct FailureModes {
    pub(crate) modes: Field<Vec<Spanned<String>>>,
    pub(crate) classes: Vec<Option<Spanned<String>>>,
}

/// Reads `failure_modes`; a bad entry is an `invalid-value` finding on its own line and
/// the rest are still read.
pub(super) fn read(reader: &mut Reader<'_>, node: Option<&Node>) -> FailureModes {
    const PATH: &str = "failure_modes";
    let line = reader.line(PATH);
    let items = match node {
        None => return FailureModes::default(),
        Some(Node::Null) => return blank(line),
        Some(Node::Seq(items)) => items,
        Some(other) => {
            reader.report(
                Rule::InvalidValue,
                line,
                format!(
                    "`{PATH}` must be a list, not {}: write each entry on its own line as `  - …`",
                    other.type_name()
                ),
            );
            return FailureModes { modes: Field::unusable(FieldState::Invalid, line), classes: Vec::new() };
        }
    };
    let mut modes = Vec::with_capacity(items.len());
    let mut classes = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let entry_line = reader.keys.entry(PATH, index).unwrap_or(line);
        let bad = |reader: &mut Reader<'_>, what: String| {
            reader.report(
                Rule::InvalidValue,
                entry_line,
                format!(
                    "entry {} of `{PATH}` {what}: write a plain sentence after `- `, or `- {{mode: …, class: …}}`",
                    index + 1
                ),
            )
        };
        match item {
            Node::Null => {}
            Node::Map(_) => {
                let mode = match item.get("mode") {
                    Some(node) => match node.text() {
                        Some(text) => meaningful(&text).map(str::to_string),
                        None if matches!(node, Node::Null) => None,
                        None => {
                            bad(reader, format!("has a `mode` that is {}, not text", node.type_name()));
                            continue;
                        }
                    },
                    None => {
                        bad(reader, "is a mapping without `mode`".to_string());
                        continue;
                    }
                };
                let class = match item.get("class") {
                    None | Some(Node::Null) => None,
                    Some(node) => match node.text() {
                        Some(text) => meaningful(&text).map(|c| Spanned { value: c.to_string(), line: entry_line }),
                        None => {
                            bad(reader, format!("has a `class` that is {}, not one class name", node.type_name()));
                            None
                        }
                    },
                };
                if let Node::Map(pairs) = item {
                    for (key, _) in pairs.iter().filter(|(key, _)| !ENTRY_KEYS.contains(&key.as_str())) {
                        bad(reader, format!("has an unknown key `{key}` (a failure mode takes `mode` and `class`)"));
                    }
                }
                if let Some(mode) = mode {
                    modes.push(Spanned { value: mode, line: entry_line });
                    classes.push(class);
                }
            }
            _ => match item.text() {
                Some(text) => {
                    if let Some(written) = meaningful(&text) {
                        modes.push(Spanned { value: written.to_string(), line: entry_line });
                        classes.push(None);
                    }
                }
                None => bad(reader, format!("must be text or a mapping, not {}", item.type_name())),
            },
        }
    }
    if modes.is_empty() {
        blank(line)
    } else {
        FailureModes { modes: Field::set(modes, line), classes }
    }
}

fn blank(line: usize) -> FailureModes {
    FailureModes { modes: Field::unusable(FieldState::Blank, line), classes: Vec::new() }
}
