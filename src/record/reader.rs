//! Reads typed fields out of a front-matter mapping, reporting `invalid-value` and
//! `unknown-field` findings as it goes. Shared by the incident and item readers.

use super::field::{Field, FieldState, Spanned};
use crate::clock::{parse_date, Timestamp};
use crate::diagnostic::{Finding, Rule};
use crate::text::meaningful;
use crate::yaml::KeyLines;
use crate::yaml::Node;
use chrono::NaiveDate;

/// Reading context for one file.
pub(crate) struct Reader<'a> {
    pub(crate) file: &'a str,
    pub(crate) keys: &'a KeyLines,
    pub(crate) id: Option<String>,
    pub(crate) findings: Vec<Finding>,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(file: &'a str, keys: &'a KeyLines) -> Self {
        Reader { file, keys, id: None, findings: Vec::new() }
    }

    /// The line of a key path, or 1 (the opening `---`) when it is not written.
    /// A nested key written inside a flow mapping (`due: {start: …}`) has no line of its
    /// own: the line of the nearest written parent is used.
    pub(crate) fn line(&self, path: &str) -> usize {
        let mut path = path;
        loop {
            if let Some(line) = self.keys.get(path) {
                return line;
            }
            match path.rfind('.') {
                Some(cut) => path = &path[..cut],
                None => return 1,
            }
        }
    }

    pub(crate) fn report(&mut self, rule: Rule, line: usize, message: String) {
        let finding = Finding::new(rule, self.file, line, self.id.as_deref(), message);
        self.findings.push(finding);
    }

    fn invalid<T>(&mut self, path: &str, message: String) -> Field<T> {
        let line = self.line(path);
        self.report(Rule::InvalidValue, line, message);
        Field::unusable(FieldState::Invalid, line)
    }

    /// A text field: scalars are read as text; blanks and placeholders count as missing.
    pub(crate) fn text(&mut self, node: Option<&Node>, path: &str) -> Field<String> {
        // The line is looked up only for a written key: most optional keys are absent.
        let Some(node) = node else { return Field::default() };
        let line = self.line(path);
        match node {
            Node::Null => Field::unusable(FieldState::Blank, line),
            value => match value.text() {
                Some(text) => match meaningful(&text) {
                    Some(written) => Field::set(written.to_string(), line),
                    None => Field::unusable(FieldState::Blank, line),
                },
                None => self.invalid(
                    path,
                    format!("`{path}` must be text, not {}: write it on one line after the key", value.type_name()),
                ),
            },
        }
    }

    /// Like [`Reader::text`], moving the string out of the tree (leaving it empty) when it
    /// needs no trimming: one allocation and copy fewer per field of every record.
    pub(crate) fn take_text(&mut self, node: Option<&mut Node>, path: &str) -> Field<String> {
        let Some(Node::String(text)) = node else { return self.text(node.map(|node| &*node), path) };
        let line = self.line(path);
        match meaningful(text) {
            Some(written) if written.len() == text.len() => Field::set(std::mem::take(text), line),
            Some(written) => Field::set(written.to_string(), line),
            None => Field::unusable(FieldState::Blank, line),
        }
    }

    /// A field whose text must be one of `allowed`; `parse` maps the text to a value.
    pub(crate) fn choice<T>(
        &mut self,
        node: Option<&Node>,
        path: &str,
        allowed: &[&str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Field<T> {
        let text = self.text(node, path);
        let line = text.line();
        let Some(written) = text.value else {
            return Field::unusable(text.state, line);
        };
        match parse(&written) {
            Some(value) => Field::set(value, line),
            None => {
                let hint = crate::suggest::closest(&written, allowed.iter().copied())
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                self.invalid(
                    path,
                    format!("`{path}: {written}` is not allowed{hint}: write one of {}", allowed.join(", ")),
                )
            }
        }
    }

    /// A date or RFC 3339 timestamp.
    pub(crate) fn timestamp(&mut self, node: Option<&Node>, path: &str) -> Field<Timestamp> {
        let text = self.text(node, path);
        let line = text.line();
        let Some(written) = text.value else {
            return Field::unusable(text.state, line);
        };
        match Timestamp::parse(&written) {
            Some(moment) => Field::set(moment, line),
            None if Timestamp::lacks_offset(&written) => self.invalid(
                path,
                format!("`{path}: {written}` has no UTC offset: add one (`{written}Z` for UTC, or `+02:00`), or write the bare date"),
            ),
            None => self.invalid(
                path,
                format!("`{path}: {written}` is not a date: write `YYYY-MM-DD` or an RFC 3339 timestamp like `2026-03-02T14:20:00Z`"),
            ),
        }
    }

    /// A strict `YYYY-MM-DD` date.
    pub(crate) fn date(&mut self, node: Option<&Node>, path: &str) -> Field<NaiveDate> {
        let text = self.text(node, path);
        let line = text.line();
        let Some(written) = text.value else {
            return Field::unusable(text.state, line);
        };
        match parse_date(&written) {
            Some(date) => Field::set(date, line),
            None => self.invalid(path, format!("`{path}: {written}` is not a date: write `YYYY-MM-DD`")),
        }
    }

    /// A list of text entries, each with its line; blank and placeholder entries are
    /// left out. A single text value is refused with a hint to write a list.
    pub(crate) fn text_list(&mut self, node: Option<&Node>, path: &str) -> Field<Vec<Spanned<String>>> {
        let Some(node) = node else { return Field::default() };
        let line = self.line(path);
        let items = match node {
            Node::Null => return Field::unusable(FieldState::Blank, line),
            Node::Seq(items) => items,
            other => {
                return self.invalid(
                    path,
                    format!(
                        "`{path}` must be a list, not {}: write each entry on its own line as `  - …`",
                        other.type_name()
                    ),
                )
            }
        };
        let mut entries = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let entry_line = self.keys.entry(path, index).unwrap_or(line);
            match item.text() {
                Some(text) => {
                    if let Some(written) = meaningful(&text) {
                        entries.push(Spanned { value: written.to_string(), line: entry_line });
                    }
                }
                None if matches!(item, Node::Null) => {}
                None => {
                    self.report(
                        Rule::InvalidValue,
                        entry_line,
                        format!("entry {} of `{path}` must be text, not {}: write each entry as one plain sentence after `- `", index + 1, item.type_name()),
                    );
                }
            }
        }
        if entries.is_empty() {
            Field::unusable(FieldState::Blank, line)
        } else {
            Field::set(entries, line)
        }
    }

    /// Reports every key of `map` not in `known`, suggesting a close known key, or the
    /// right place for a key written at the wrong level (`elsewhere`: key → full path).
    pub(crate) fn unknown_keys(&mut self, map: &Node, prefix: &str, known: &[&str], elsewhere: &[(&str, &str)]) {
        let Node::Map(entries) = map else { return };
        for (key, _) in entries {
            if known.contains(&key.as_str()) {
                continue;
            }
            let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
            let hint = match elsewhere.iter().find(|(k, _)| k == key) {
                Some((_, full)) => format!("; did you mean `{full}`?"),
                None => match crate::suggest::closest(key, known.iter().copied()) {
                    Some(close) => format!("; did you mean `{close}`?"),
                    None => String::new(),
                },
            };
            let line = self.line(&path);
            self.report(
                Rule::UnknownField,
                line,
                format!("`{path}` is not a key of this record{hint} (it is kept as written, but no rule reads it)"),
            );
        }
    }
}
