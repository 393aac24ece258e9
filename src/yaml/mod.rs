//! Everything the program knows about YAML text, below every user of it: the YAML
//! library adapter and its limits ([`library`], [`limits`]), the [`Node`] tree every
//! reader produces, the fast reader for the plain subset records use ([`fast`]), the
//! one line scanner for key lines, list entries, comments, quotes and indentation
//! ([`lines`], shared by the record reader's [`KeyLines`] and the editor's line view),
//! and scalar quoting for writes ([`quote`], which asks [`yaml11`] what YAML 1.1 readers
//! would read differently).
//!
//! This module imports nothing else from the crate: records, the config and the editor
//! call it, and turn its [`YamlError`]s into their own findings and errors.

#[cfg(test)]
mod differential;
mod fast;
mod key_lines;
mod library;
mod limits;
pub(crate) mod lines;
mod node;
pub(crate) mod quote;
mod yaml11;

pub(crate) use key_lines::KeyLines;
pub(crate) use library::parse_full;
pub(crate) use limits::{check_limits, MAX_BYTES};
pub(crate) use node::Node;
#[cfg(test)]
pub(crate) use quote::scalar;

/// Why a YAML text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    /// 1-based line within the YAML text, when known.
    pub(crate) line: Option<usize>,
    /// What went wrong, without the word "YAML" or a hint (callers add their own).
    pub(crate) message: String,
    pub(crate) kind: YamlErrorKind,
}

/// Whether the text is malformed or only over one of the caps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YamlErrorKind {
    /// The parser rejected the text.
    Syntax,
    /// Over [`MAX_BYTES`].
    TooLarge,
    /// Nested deeper than [`MAX_DEPTH`] (or than the parser's own recursion limit).
    TooDeep,
    /// Expands past [`MAX_EXPANDED`] through aliases.
    TooExpanded,
    /// A mapping holds the same key twice (the line is the second one).
    DuplicateKey,
}

/// Parses YAML text into a [`Node`], applying every cap.
pub(crate) fn parse(text: &str) -> Result<Node, YamlError> {
    check_limits(text)?;
    match fast::parse(text) {
        Some(node) => Ok(node),
        None => parse_full(text),
    }
}

/// Parses record front matter whose first line is line `first_line` of the file, with
/// the line of every key. The fast reader handles the usual plain subset (it cannot
/// nest deeply, so the nesting scan is only needed for the full parser).
pub(crate) fn parse_record(text: &str, first_line: usize) -> Result<(Node, KeyLines), YamlError> {
    limits::check_size(text)?;
    if let Some(parsed) = fast::parse_with_lines(text, first_line) {
        return Ok(parsed);
    }
    let node = parse(text)?;
    Ok((node, KeyLines::scan(text, first_line)))
}

/// Deterministic pseudo-random texts for the differential tests of the fast readers:
/// `count` texts of 1 to `max_lines` lines drawn from `lines` (xorshift from `seed`).
#[cfg(test)]
pub(crate) fn random_texts<'a>(
    lines: &'a [&'a str],
    mut seed: u64,
    count: usize,
    max_lines: u64,
) -> impl Iterator<Item = String> + 'a {
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..count).map(move |_| {
        let length = 1 + next() % max_lines;
        (0..length).map(|_| format!("{}\n", lines[(next() % lines.len() as u64) as usize])).collect()
    })
}
