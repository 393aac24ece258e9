//! A fast reader for the plain subset of YAML that record front matter almost always
//! uses: block mappings of `key: value`, one nested block mapping level (`stabilization:`),
//! block lists and one-line flow lists of plain scalars, simple quoted scalars, comments.
//!
//! It returns `None` for anything outside that subset (anchors, tags, multi-line or
//! escaped scalars, numbers and anything starting with `+` or `.`, keys YAML resolves to
//! something else such as `True:` or `~:`, characters YAML forbids or reads as line
//! breaks, flow mappings, deeper nesting, tabs …), and the caller then uses the full
//! YAML parser. Whenever it returns `Some`, the tree equals what the full parser would
//! produce: the tests below compare the two on tricky inputs, and the `differential` tests
//! on the YAML test suite and on generated front matter. Profiling showed the full parser
//! was half of `check`'s time on a large repository.

use super::lines;
use super::{KeyLines, Node};

/// Parses `text` when it is in the subset; `None` means "use the full parser".
pub(crate) fn parse(text: &str) -> Option<Node> {
    parse_with_lines(text, 1).map(|(node, _)| node)
}

/// Like [`parse`], also returning the line of every key and list entry, counted from
/// `first_line` (what [`KeyLines::scan`] would find for the same text).
pub(crate) fn parse_with_lines(text: &str, first_line: usize) -> Option<(Node, KeyLines)> {
    let mut top: Vec<(String, Node)> = Vec::with_capacity(16);
    let mut lines = KeyLines::with_capacity();
    // The key whose value is a nested block being collected, with that block.
    let mut open: Option<(String, Block)> = None;
    for (index, raw) in lines::split_lines(text).enumerate() {
        let line_no = first_line + index;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        match scan_bytes(line.as_bytes()) {
            Bytes::Plain => {}
            Bytes::Control => return None, // tabs, CR, control characters
            // YAML's Unicode line breaks, the BOM and what YAML forbids: the full parser.
            Bytes::NonAscii if line.contains(is_unsupported_char) => return None,
            Bytes::NonAscii => {}
        }
        let content = line.trim_start_matches(' ');
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = line.len() - content.len();
        let content = content.trim_end_matches(' ');
        if let Some(item) = lines::list_entry(content) {
            // A list entry: under the open key, at any indent (also 0).
            let (name, block) = open.as_mut()?;
            lines.push_new(&[name], Some(block.len()), line_no);
            block.push_item(indent, scalar(item)?)?;
            continue;
        }
        let (key, rest) = split_key(content)?;
        if indent == 0 {
            if let Some((name, block)) = open.take() {
                insert(&mut top, name, block.finish())?;
            }
            lines.push_new(&[key], None, line_no);
            if is_empty_value(rest) {
                open = Some((key.to_string(), Block::Pending));
            } else {
                insert(&mut top, key.to_string(), value(rest)?)?;
            }
        } else {
            let (name, block) = open.as_mut()?;
            if is_empty_value(rest) {
                return None; // deeper nesting
            }
            lines.push_new(&[name, key], None, line_no);
            block.push_entry(indent, key.to_string(), value(rest)?)?;
        }
    }
    if let Some((name, block)) = open.take() {
        insert(&mut top, name, block.finish())?;
    }
    if top.is_empty() {
        return None; // an empty document is null, not a mapping: the full parser says so
    }
    Some((Node::Map(top), lines))
}

/// The nested block under a key written without a value.
enum Block {
    /// Nothing seen yet: the value is null if nothing follows.
    Pending,
    List {
        indent: usize,
        items: Vec<Node>,
    },
    Map {
        indent: usize,
        entries: Vec<(String, Node)>,
    },
}

impl Block {
    /// Entries so far (the index of the next list entry).
    fn len(&self) -> usize {
        match self {
            Block::Pending => 0,
            Block::List { items, .. } => items.len(),
            Block::Map { entries, .. } => entries.len(),
        }
    }

    fn push_item(&mut self, indent: usize, item: Node) -> Option<()> {
        match self {
            Block::Pending => *self = Block::List { indent, items: vec![item] },
            Block::List { indent: at, items } if *at == indent => items.push(item),
            _ => return None,
        }
        Some(())
    }

    fn push_entry(&mut self, indent: usize, key: String, value: Node) -> Option<()> {
        match self {
            Block::Pending => *self = Block::Map { indent, entries: vec![(key, value)] },
            Block::Map { indent: at, entries } if *at == indent => insert(entries, key, value)?,
            _ => return None,
        }
        Some(())
    }

    fn finish(self) -> Node {
        match self {
            Block::Pending => Node::Null,
            Block::List { items, .. } => Node::Seq(items),
            Block::Map { entries, .. } => Node::Map(entries),
        }
    }
}

/// Adds an entry; a duplicate key is left to the full parser (which reports it).
fn insert(entries: &mut Vec<(String, Node)>, key: String, value: Node) -> Option<()> {
    // The duplicate check is a linear scan: past a few hundred keys (never seen in a real
    // record) the full parser, which checks with a set, keeps the work linear.
    if entries.len() >= 256 || entries.iter().any(|(existing, _)| *existing == key) {
        return None;
    }
    entries.push((key, value));
    Some(())
}

/// What [`scan_bytes`] found in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bytes {
    /// Printable ASCII only.
    Plain,
    /// An ASCII control byte (tab, CR, …) or DEL.
    Control,
    /// No control byte, but bytes of 0x80 and above (UTF-8 beyond ASCII).
    NonAscii,
}

/// Whether a line holds an ASCII control byte or DEL, or else any byte beyond ASCII, in
/// one pass of eight bytes at a time (the bit tricks of "Bit Twiddling Hacks": a byte
/// below 0x20, a byte equal to 0x7f), since this runs over every line of every front
/// matter. Bytes of 0x80 and above never count as control bytes, so UTF-8 text is read
/// correctly.
fn scan_bytes(bytes: &[u8]) -> Bytes {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let below_space = |word: u64| word.wrapping_sub(ONES * 0x20) & !word & HIGHS != 0;
    let is_delete = |word: u64| {
        let x = word ^ (ONES * 0x7f);
        x.wrapping_sub(ONES) & !x & HIGHS != 0
    };
    let mut high = false;
    let mut words = bytes.chunks_exact(8);
    for chunk in words.by_ref() {
        let word = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
        if below_space(word) || is_delete(word) {
            return Bytes::Control;
        }
        high |= word & HIGHS != 0;
    }
    for &byte in words.remainder() {
        if byte < 0x20 || byte == 0x7f {
            return Bytes::Control;
        }
        high |= byte >= 0x80;
    }
    if high {
        Bytes::NonAscii
    } else {
        Bytes::Plain
    }
}

/// Characters YAML refuses in a file (U+FFFE, U+FFFF, control characters) or treats as
/// line breaks, and the BOM: the full parser reports or reads them.
fn is_unsupported_char(c: char) -> bool {
    !lines::is_printable(c) || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// `key: rest` (from the line scanner) when the key is plain: letters, digits, `_` and
/// `-`, not quoted, and read as text (`True`, `NULL`, `~` are a boolean and null, which
/// the full parser turns into the keys `true` and `null`: `true:` and `True:` clash).
fn split_key(content: &str) -> Option<(&str, &str)> {
    let bytes = content.as_bytes();
    let plain = bytes.iter().position(|b| !is_key_byte(*b)).unwrap_or(bytes.len());
    let (key, rest) = if plain > 0 && bytes.get(plain) == Some(&b':') && bytes.get(plain + 1).is_none_or(|b| *b == b' ')
    {
        // The usual line, `key: value`, split in one pass: the line scanner would find the
        // same key (no `#` or white space comes before this `:`) and the same rest.
        (&content[..plain], &content[plain + 1..])
    } else {
        if content.starts_with(['"', '\'']) {
            return None;
        }
        let (key, rest) = lines::split_key(content)?;
        if !key.bytes().all(is_key_byte) {
            return None;
        }
        (key, rest)
    };
    if !key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        return None;
    }
    // What `plain` would not read as text, for a key of these characters: null and the
    // booleans (numbers start with a digit, so cannot get here). Checked without
    // building the node: this runs for every key of every record.
    if matches!(key, "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE") {
        return None;
    }
    Some((key, rest))
}

/// A byte of a plain key: a letter, a digit, `_` or `-`.
fn is_key_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-'
}

fn is_empty_value(rest: &str) -> bool {
    let rest = rest.trim_start_matches(' ');
    rest.is_empty() || rest.starts_with('#')
}

/// Whether `text` holds `: ` or ends with `:` (a mapping indicator inside a plain scalar).
fn has_mapping_indicator(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b':', bytes).any(|i| bytes.get(i + 1).is_none_or(|next| *next == b' '))
}

/// A value after `key:`: a scalar or a one-line flow list.
fn value(rest: &str) -> Option<Node> {
    let trimmed = rest.trim_start_matches(' ');
    if let Some(inner) = trimmed.strip_prefix('[') {
        let close = inner.find(']')?;
        let after = inner[close + 1..].trim_start_matches(' ');
        if !(after.is_empty() || after.starts_with('#')) {
            return None;
        }
        let inner = &inner[..close];
        if inner.contains(['[', '{', '"', '\'', '#', ':', '}']) {
            return None;
        }
        if lines::trim(inner).is_empty() {
            return Some(Node::Seq(Vec::new()));
        }
        // YAML trims only spaces and tabs: `[\u{a0}]` holds one entry, a no-break space.
        let items = inner.split(',').map(lines::trim).collect::<Vec<_>>();
        if items.iter().any(|item| item.is_empty()) {
            return None; // `[a, , b]` or a trailing comma: leave to the full parser
        }
        return items.into_iter().map(plain).collect::<Option<Vec<_>>>().map(Node::Seq);
    }
    scalar(trimmed)
}

/// A plain or simply quoted scalar on one line.
fn scalar(text: &str) -> Option<Node> {
    let text = text.trim_start_matches(' ');
    match text.as_bytes().first() {
        Some(b'"') => quoted(text, '"'),
        Some(b'\'') => quoted(text, '\''),
        _ => plain_line(text),
    }
}

/// A plain scalar as written on its line (no leading space): up to a ` #` comment and
/// without trailing spaces. One pass finds the comment and a mapping indicator (`: `,
/// or `:` at the end of the text kept), where cutting the comment and then looking for
/// the indicator took two (the tests compare both).
fn plain_line(text: &str) -> Option<Node> {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    // Most values hold neither byte: a vectorised search skips them.
    for at in memchr::memchr2_iter(b'#', b':', bytes) {
        if bytes[at] == b'#' && at > 0 && matches!(bytes[at - 1], b' ' | b'\t') {
            end = at - 1;
            break;
        }
        // A `:` followed by a space is an indicator, and so is one left at the end of the
        // kept text: it is followed by the end, or by the spaces before the comment.
        if bytes[at] == b':' && bytes.get(at + 1).is_none_or(|next| *next == b' ') {
            return None;
        }
    }
    plain_text(text[..end].trim_end_matches(' '))
}

/// `"text"` without escapes, or `'text'` (where `''` is a quote); nothing but a comment
/// may follow.
fn quoted(text: &str, quote: char) -> Option<Node> {
    let body = &text[1..];
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        if c == '\\' && quote == '"' {
            return None;
        }
        if c == quote {
            if quote == '\'' && chars.peek().map(|(_, next)| *next) == Some('\'') {
                chars.next();
                out.push('\'');
                continue;
            }
            let after = body[index + 1..].trim_start_matches(' ');
            return (after.is_empty() || after.starts_with('#')).then_some(Node::String(out));
        }
        out.push(c);
    }
    None
}

/// A plain scalar, already stripped of comments and surrounding spaces.
fn plain(text: &str) -> Option<Node> {
    if has_mapping_indicator(text) {
        return None;
    }
    plain_text(text)
}

/// [`plain`] for a text known to hold no mapping indicator.
fn plain_text(text: &str) -> Option<Node> {
    let Some(first) = text.chars().next() else {
        return Some(Node::Null);
    };
    if matches!(
        first,
        '-' | '?'
            | ':'
            | ','
            | '['
            | ']'
            | '{'
            | '}'
            | '#'
            | '&'
            | '*'
            | '!'
            | '|'
            | '>'
            | '\''
            | '"'
            | '%'
            | '@'
            | '`'
    ) {
        return None;
    }
    match text {
        "~" | "null" | "Null" | "NULL" => return Some(Node::Null),
        "true" | "True" | "TRUE" => return Some(Node::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Node::Bool(false)),
        _ => {}
    }
    if first == '.' || first == '+' || (maybe_number(text) && !is_date_like(text)) {
        // Possibly a number (`1.5`, `0x1F`, `1_000`, `.inf`, `+.inf`, `+12`): the full
        // parser decides.
        return None;
    }
    Some(Node::String(text.to_string()))
}

/// Whether every character could belong to a YAML number.
fn maybe_number(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit())
        && text
            .bytes()
            .all(|b| b.is_ascii_hexdigit() || matches!(b, b'x' | b'X' | b'o' | b'O' | b'_' | b'.' | b'+' | b'-'))
}

/// `YYYY-MM-…`: a date or timestamp, which YAML keeps as text.
fn is_date_like(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 8 && bytes[..4].iter().all(u8::is_ascii_digit) && bytes[4] == b'-' && bytes[5].is_ascii_digit()
}

#[cfg(test)]
#[path = "fast_tests.rs"]
mod tests;
