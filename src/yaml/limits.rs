//! The caps applied to YAML text before any parser sees it: size and nesting depth
//! (the library is quadratic on deeply nested flow collections).

use super::{YamlError, YamlErrorKind};

/// Front matter larger than this is refused before parsing.
pub(crate) const MAX_BYTES: usize = 64 * 1024;
/// Front matter nested deeper than this is refused before parsing.
pub(crate) const MAX_DEPTH: usize = 32;

/// Refuses text over [`MAX_BYTES`] or nested deeper than [`MAX_DEPTH`] (counting
/// indentation levels, `- ` prefixes and open flow brackets), without parsing it.
pub(crate) fn check_limits(text: &str) -> Result<(), YamlError> {
    check_size(text)?;
    check_depth(text)
}

pub(super) fn check_size(text: &str) -> Result<(), YamlError> {
    if text.len() > MAX_BYTES {
        return Err(YamlError {
            line: None,
            message: format!("is {} bytes, over the {} KiB limit", text.len(), MAX_BYTES / 1024),
            kind: YamlErrorKind::TooLarge,
        });
    }
    Ok(())
}

fn check_depth(text: &str) -> Result<(), YamlError> {
    let mut indents: Vec<usize> = Vec::new();
    let mut flow_depth = 0usize;
    for (index, line) in text.lines().enumerate() {
        if super::lines::is_blank_or_comment(line) {
            continue;
        }
        let indent = super::lines::indent(line);
        let trimmed = &line[indent..];
        if flow_depth == 0 {
            while indents.last().is_some_and(|&last| last >= indent) {
                indents.pop();
            }
            indents.push(indent);
        }
        let mut rest = trimmed;
        let mut dashes = 0;
        while let Some(after) = super::lines::list_entry(rest).filter(|after| !after.is_empty()) {
            dashes += 1;
            rest = after.trim_start_matches(super::lines::is_white);
        }
        // Brackets are tallied wherever they stand outside quotes, more than YAML would
        // count (an over-count only refuses earlier), so this is a cap, not a reading.
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
                        return Err(too_deep(index + 1));
                    }
                }
                (None, b']' | b'}') => flow_depth = flow_depth.saturating_sub(1),
                _ => {}
            }
        }
        if indents.len() + dashes > MAX_DEPTH {
            return Err(too_deep(index + 1));
        }
        // A quote left open spans lines only inside flow collections we already count.
    }
    Ok(())
}

fn too_deep(line: usize) -> YamlError {
    YamlError {
        line: Some(line),
        message: format!("is nested deeper than {MAX_DEPTH} levels"),
        kind: YamlErrorKind::TooDeep,
    }
}
