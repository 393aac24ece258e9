//! Patches on a record's original text: set a top-level key, set a key under a nested
//! block (`stabilization:`), append an entry to a list — a scalar, or a small mapping
//! such as a `due_history` entry. Only the lines that must change
//! change; comments, blank lines, key order, unknown keys, quoting, line endings, a BOM
//! and the whole body are copied through byte for byte.
//!
//! Values are written on one line ([`crate::yaml::quote`]); a key that does not exist yet is
//! inserted after the nearest key that precedes it in the record's canonical order, or
//! after the last key. Placeholder values (`<…>`, `TODO`, empty) are replaced.
//!
//! [`apply`] re-reads the result with the YAML parser and compares it with the original
//! plus the intended changes; any other difference refuses the edit.

use super::document::{Document, EditError, Entry};
use crate::record::frontmatter::{split, Split};
use crate::text::is_placeholder;
use crate::yaml::lines::{scan, Open};
use crate::yaml::quote as scalar;
use crate::yaml::{self, Node};

/// One change to a record's front matter. `order` is the canonical key order of the
/// mapping the key belongs to (it decides where a new key goes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edit<'a> {
    /// `key: value` at the top level.
    Set { key: &'a str, value: &'a str, order: &'a [&'a str] },
    /// `parent:` then `  key: value` under it; the block is created when absent.
    SetNested { parent: &'a str, key: &'a str, value: &'a str, order: &'a [&'a str], parent_order: &'a [&'a str] },
    /// `value` appended to the list `key` (block `- x` or flow `[x]`), or written over
    /// its first placeholder entry.
    Append { key: &'a str, value: &'a str, order: &'a [&'a str] },
    /// The mapping `entries` (keys in the order given) appended to the list `key`: in a
    /// block list as `- k: v` with the other keys aligned under the first, in a flow list
    /// as `{k: v, …}`; the list is created when absent.
    AppendMap { key: &'a str, entries: &'a [(&'a str, &'a str)], order: &'a [&'a str] },
}

/// Applies `edits` in order to `text` and checks that the result reads back as the
/// original with exactly those changes.
pub(crate) fn apply(text: &str, edits: &[Edit<'_>]) -> Result<String, EditError> {
    let mut expected = front_matter(text)?;
    let mut out = text.to_string();
    for edit in edits {
        out = apply_one(&out, edit)?;
        expect(&mut expected, edit);
    }
    let got = front_matter(&out)?;
    if !same(&expected, &got) {
        let key = match edits.first() {
            Some(Edit::Set { key, .. } | Edit::Append { key, .. } | Edit::AppendMap { key, .. }) => (*key).to_string(),
            Some(Edit::SetNested { parent, key, .. }) => format!("{parent}.{key}"),
            None => String::new(),
        };
        return Err(EditError::Unsafe(key));
    }
    Ok(out)
}

fn apply_one(text: &str, edit: &Edit<'_>) -> Result<String, EditError> {
    let doc = Document::read(text)?;
    let indent = doc.top_indent();
    let entries = doc.entries(0, doc.lines.len(), indent);
    let pad = " ".repeat(indent);
    let eol = doc.eol;
    match *edit {
        Edit::Set { key, value, order } => Ok(match find(&entries, key) {
            Some(entry) => replace_value(&doc, entry, &scalar::inline(value)),
            None => {
                let at = insert_point(&doc, &entries, order, key);
                splice(text, at..at, &format!("{pad}{key}: {}{eol}", scalar::inline(value)))
            }
        }),
        Edit::SetNested { parent, key, value, order, parent_order } => {
            let Some(block) = find(&entries, parent) else {
                let at = insert_point(&doc, &entries, parent_order, parent);
                let line = format!("{pad}{parent}:{eol}{pad}  {key}: {}{eol}", scalar::inline(value));
                return Ok(splice(text, at..at, &line));
            };
            let written = doc.value(block);
            if !written.is_empty() {
                if written == "{}" || is_empty_value(written) {
                    return apply_one(&clear_value(&doc, block), edit);
                }
                return Err(if written.starts_with('{') {
                    EditError::FlowMapping(parent.to_string())
                } else {
                    EditError::NotAMapping(parent.to_string())
                });
            }
            let (from, to) = (block.line + 1, block.last + 1);
            let child_indent = match doc.first_content(from, to) {
                Some(_) if doc.items(from, to).is_some_and(|items| !items.is_empty()) => {
                    return Err(EditError::NotAMapping(parent.to_string()));
                }
                Some(first) => doc.indent(first),
                None => block.indent + 2,
            };
            let children = doc.entries(from, to, child_indent);
            Ok(match find(&children, key) {
                Some(child) => replace_value(&doc, child, &scalar::inline(value)),
                None => {
                    let at = if children.is_empty() {
                        doc.lines[block.last].next
                    } else {
                        insert_point(&doc, &children, order, key)
                    };
                    let line = format!("{}{key}: {}{eol}", " ".repeat(child_indent), scalar::inline(value));
                    splice(text, at..at, &line)
                }
            })
        }
        Edit::Append { key, value, order } => {
            append(text, &doc, &entries, key, order, &scalar::inline(value), &[], &scalar::in_flow(value))
        }
        Edit::AppendMap { key, entries: pairs, order } => {
            let mut rendered = pairs.iter().map(|(k, v)| format!("{k}: {}", scalar::inline(v)));
            let first = rendered.next().unwrap_or_default();
            let rest: Vec<String> = rendered.collect();
            let flow: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}: {}", scalar::in_flow(v))).collect();
            append(text, &doc, &entries, key, order, &first, &rest, &format!("{{{}}}", flow.join(", ")))
        }
    }
}

/// Appends an entry to the list `key`: in block form `- {first}` followed by `rest`, one
/// per line aligned under `first`; in flow form `flow`. A placeholder entry on one line
/// is written over.
#[allow(clippy::too_many_arguments)] // reason: the one place both append edits share
fn append(
    text: &str,
    doc: &Document<'_>,
    entries: &[Entry],
    key: &str,
    order: &[&str],
    first: &str,
    rest: &[String],
    flow: &str,
) -> Result<String, EditError> {
    let eol = doc.eol;
    let lines =
        |indent: usize| -> String { rest.iter().map(|line| format!("{eol}{}{line}", " ".repeat(indent))).collect() };
    let Some(list) = find(entries, key) else {
        let pad = " ".repeat(doc.top_indent());
        let at = insert_point(doc, entries, order, key);
        let indent = doc.top_indent() + 4;
        return Ok(splice(text, at..at, &format!("{pad}{key}:{eol}{pad}  - {first}{}{eol}", lines(indent))));
    };
    let written = doc.value(list);
    if written.starts_with('[') {
        return append_flow(doc, list, flow);
    }
    if !written.is_empty() {
        if is_empty_value(written) {
            let cleared = clear_value(doc, list);
            let doc = Document::read(&cleared)?;
            let entries = doc.entries(0, doc.lines.len(), doc.top_indent());
            return append(&cleared, &doc, &entries, key, order, first, rest, flow);
        }
        return Err(EditError::NotAList(key.to_string()));
    }
    let items = doc.items(list.line + 1, list.last + 1).ok_or_else(|| EditError::NotAList(key.to_string()))?;
    if let Some(item) = items.iter().find(|item| item.last == item.line && is_placeholder(&text[item.value.clone()])) {
        let column = item.value.start - doc.lines[item.line].start;
        return Ok(splice(text, item.value.clone(), &format!("{first}{}", lines(column))));
    }
    Ok(match items.last() {
        Some(item) => {
            let prefix = &text[doc.lines[item.line].start..item.value.start];
            let space = if prefix.ends_with([' ', '\t']) { "" } else { " " };
            let at = doc.lines[item.last].next;
            let column = prefix.len() + space.len();
            splice(text, at..at, &format!("{prefix}{space}{first}{}{eol}", lines(column)))
        }
        None => {
            let at = doc.lines[list.last].next;
            let pad = " ".repeat(list.indent);
            splice(text, at..at, &format!("{pad}  - {first}{}{eol}", lines(list.indent + 4)))
        }
    })
}

fn find<'e>(entries: &'e [Entry], key: &str) -> Option<&'e Entry> {
    entries.iter().find(|entry| entry.key == key)
}

/// A value that stands for "nothing yet": null, an empty string, a placeholder.
fn is_empty_value(written: &str) -> bool {
    matches!(written, "~" | "null" | "Null" | "NULL" | "''" | "\"\"") || is_placeholder(written)
}

/// Where a new key goes: after the nearest key written before it in `order`, else after
/// the last entry, else before the closing `---`.
fn insert_point(doc: &Document<'_>, entries: &[Entry], order: &[&str], key: &str) -> usize {
    let before = match order.iter().position(|k| *k == key) {
        Some(at) => &order[..at],
        None => &[],
    };
    let anchor = before.iter().rev().find_map(|k| find(entries, k)).or(entries.last());
    anchor.map_or(doc.closing, |entry| doc.lines[entry.last].next)
}

/// Rewrites an entry's value as `new`, keeping the key as written and a comment on the
/// key line; the lines a multi-line value continued on are removed.
fn replace_value(doc: &Document<'_>, entry: &Entry, new: &str) -> String {
    let key_line = doc.lines[entry.line];
    let comment = if entry.open { "" } else { &doc.text[entry.value.end.max(entry.after_colon)..key_line.end] };
    let end = doc.lines[entry.last].end;
    splice(doc.text, entry.after_colon..end, &format!(" {new}{comment}"))
}

/// Removes a placeholder value from the key line (`key: <…>` → `key:`), keeping a comment.
fn clear_value(doc: &Document<'_>, entry: &Entry) -> String {
    splice(doc.text, entry.after_colon..entry.value.end, "")
}

/// Appends `rendered` (already written for flow context) to a flow list `[a, b]`, which
/// may span lines; `[<placeholder>]` is replaced.
fn append_flow(doc: &Document<'_>, list: &Entry, rendered: &str) -> Result<String, EditError> {
    let text = doc.text;
    let open_at = list.value.start;
    let mut state = Open::default();
    let mut last_written = None;
    for index in list.line..=list.last {
        let span = doc.lines[index];
        let (from, fresh) = if index == list.line { (open_at, true) } else { (span.start, false) };
        let scanned = scan(&text[from..span.end], state, fresh);
        if let Some(end) = scanned.last_written {
            last_written = Some(from + end);
        }
        if let Some(close) = scanned.closed {
            let close = from + close;
            let inner = &text[open_at + 1..close];
            if inner.trim().is_empty() {
                return Ok(splice(text, close..close, rendered));
            }
            if is_placeholder(inner.trim()) && !inner.contains(',') {
                let start = open_at + 1 + (inner.len() - inner.trim_start().len());
                return Ok(splice(text, start..start + inner.trim().len(), rendered));
            }
            let after = last_written.unwrap_or(open_at + 1);
            let joiner = if text[..after].ends_with(',') { " " } else { ", " };
            return Ok(splice(text, after..after, &format!("{joiner}{rendered}")));
        }
        state = scanned.open;
    }
    Err(EditError::Unreadable(format!("the list `{}` is not closed with `]`", list.key)))
}

fn splice(text: &str, range: std::ops::Range<usize>, with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..range.start]);
    out.push_str(with);
    out.push_str(&text[range.end..]);
    out
}

/// The parsed front matter of `text`, which must be a mapping.
fn front_matter(text: &str) -> Result<Node, EditError> {
    let Split::Found(parts) = split(text) else { return Err(EditError::NoFrontMatter) };
    match yaml::parse(parts.yaml) {
        Ok(node @ Node::Map(_)) => Ok(node),
        Ok(Node::Null) => Ok(Node::Map(Vec::new())),
        Ok(other) => Err(EditError::Unreadable(format!("it is {}, not a mapping of keys", other.type_name()))),
        Err(error) => Err(EditError::Unreadable(error.message)),
    }
}

/// Applies `edit` to the parsed model, to compare with what the patched text reads as.
fn expect(model: &mut Node, edit: &Edit<'_>) {
    let text = Node::String;
    match *edit {
        Edit::Set { key, value, .. } => put(model, key, text(value.to_string())),
        Edit::SetNested { parent, key, value, .. } => {
            let mut block = match model.get(parent) {
                Some(existing @ Node::Map(_)) => existing.clone(),
                _ => Node::Map(Vec::new()),
            };
            put(&mut block, key, text(value.to_string()));
            put(model, parent, block);
        }
        Edit::Append { key, value, .. } => push(model, key, text(value.to_string())),
        Edit::AppendMap { key, entries, .. } => {
            let map = entries.iter().map(|(k, v)| ((*k).to_string(), text((*v).to_string()))).collect();
            push(model, key, Node::Map(map));
        }
    }
}

/// Appends `entry` to the list `key` of `model`, or writes it over a placeholder entry.
fn push(model: &mut Node, key: &str, entry: Node) {
    let mut items = match model.get(key) {
        Some(Node::Seq(items)) => items.clone(),
        _ => Vec::new(),
    };
    let placeholder = items.iter().position(|item| matches!(item, Node::String(s) if is_placeholder(s.trim())));
    match placeholder {
        Some(at) => items[at] = entry,
        None => items.push(entry),
    }
    put(model, key, Node::Seq(items));
}

/// Sets `key` of a mapping node to `value` (appending the key when absent).
pub(super) fn put(model: &mut Node, key: &str, value: Node) {
    if let Node::Map(entries) = model {
        match entries.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = value,
            None => entries.push((key.to_string(), value)),
        }
    }
}

/// Equality that ignores the order of mapping keys.
fn same(a: &Node, b: &Node) -> bool {
    match (a, b) {
        (Node::Map(x), Node::Map(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.iter().any(|(k2, v2)| k == k2 && same(v, v2)))
        }
        (Node::Seq(x), Node::Seq(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        _ => a == b,
    }
}

#[cfg(test)]
#[path = "frontmatter_tests.rs"]
mod tests;
