//! Puts a status block into an incident file's text: between the existing markers
//! (found outside code blocks by `crate::record::markers`), or right after the front
//! matter when there are none. Every byte outside the block is copied through; the
//! block takes the file's line endings (CRLF files stay CRLF). Writing the same block
//! twice changes nothing. A file with no closing marker, or with two opening markers, is
//! refused rather than guessed at.

use crate::record::frontmatter::{split, Split};
use crate::record::markers::{self, CLOSE, OPEN};

/// Why a file cannot take a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PatchError {
    /// The file has no (terminated) front matter.
    NoFrontMatter,
    /// An opening marker at this 1-based line has no closing marker after it.
    Unclosed { line: usize },
    /// A second opening marker at `second` (1-based lines): which block is the
    /// command's own is unclear, and replacing from the first could overwrite the text
    /// between them.
    TwoOpenings { first: usize, second: usize },
}

impl PatchError {
    /// What is wrong with the file at `path` and what to write: `path:line: …`.
    pub(crate) fn at(&self, path: &str) -> String {
        match self {
            PatchError::Unclosed { line } => format!(
                "{path}:{line}: `{OPEN}` has no `{CLOSE}` after it: add the closing marker on its own line after the block, or remove the opening one"
            ),
            PatchError::TwoOpenings { first, second } => format!(
                "{path}:{second}: a second `{OPEN}` (the first is on line {first}): keep one block between one pair of markers and remove the other markers"
            ),
            PatchError::NoFrontMatter => {
                format!("{path}: the front matter changed since it was read; run the command again")
            }
        }
    }
}

/// The text of `text` with `block` (lines ending in `\n`) as its status block, or
/// `None` when the file already holds exactly that.
pub(crate) fn apply(text: &str, block: &str) -> Result<Option<String>, PatchError> {
    let Split::Found(parts) = split(text) else { return Err(PatchError::NoFrontMatter) };
    let body_start = text.len() - parts.body.len();
    let newline = if text[..body_start].ends_with("\r\n") || first_line_ending_is_crlf(text) { "\r\n" } else { "\n" };
    let block = block.replace('\n', newline);
    let patched = match markers::find(parts.body) {
        Some(found) => {
            let line_of = |offset: usize| parts.body_line + parts.body[..offset].matches('\n').count();
            if let Some(second) = &found.second_open {
                return Err(PatchError::TwoOpenings {
                    first: line_of(found.open.start),
                    second: line_of(second.start),
                });
            }
            let Some(close) = found.close else {
                return Err(PatchError::Unclosed { line: line_of(found.open.start) });
            };
            let (from, to) = (body_start + found.open.end, body_start + close.start);
            if text[from..to] == block {
                return Ok(None);
            }
            format!("{}{block}{}", &text[..from], &text[to..])
        }
        None => {
            let mut insert = String::new();
            if !text[..body_start].ends_with('\n') {
                insert.push_str(newline);
            }
            insert.push_str(newline);
            insert.push_str(OPEN);
            insert.push_str(newline);
            insert.push_str(&block);
            insert.push_str(CLOSE);
            insert.push_str(newline);
            let body = parts.body;
            if !body.is_empty() && !body.starts_with('\n') && !body.starts_with("\r\n") {
                insert.push_str(newline);
            }
            format!("{}{insert}{body}", &text[..body_start])
        }
    };
    Ok(Some(patched))
}

fn first_line_ending_is_crlf(text: &str) -> bool {
    text.find('\n').is_some_and(|i| text[..i].ends_with('\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOCK: &str = "**INC-1**\n- state\n";

    #[test]
    fn inserts_after_the_front_matter_and_is_idempotent() {
        let text = "---\nid: INC-1\n---\n\n## Summary\n\ntext\n";
        let once = apply(text, BLOCK).unwrap().unwrap();
        assert_eq!(
            once,
            "---\nid: INC-1\n---\n\n<!-- incidents:status -->\n**INC-1**\n- state\n<!-- /incidents:status -->\n\n## Summary\n\ntext\n"
        );
        assert_eq!(apply(&once, BLOCK).unwrap(), None);
    }

    #[test]
    fn replaces_only_the_text_between_markers() {
        let text = "---\nid: INC-1\n---\nintro\n<!--  incidents:status -->\nold\n<!-- /incidents:status -->  \nafter\n";
        let patched = apply(text, BLOCK).unwrap().unwrap();
        assert_eq!(patched, "---\nid: INC-1\n---\nintro\n<!--  incidents:status -->\n**INC-1**\n- state\n<!-- /incidents:status -->  \nafter\n");
    }

    #[test]
    fn keeps_crlf_and_bom() {
        let text = "\u{feff}---\r\nid: INC-1\r\n---\r\n## Summary\r\n";
        let patched = apply(text, BLOCK).unwrap().unwrap();
        assert_eq!(
            patched,
            "\u{feff}---\r\nid: INC-1\r\n---\r\n\r\n<!-- incidents:status -->\r\n**INC-1**\r\n- state\r\n<!-- /incidents:status -->\r\n\r\n## Summary\r\n"
        );
        assert_eq!(apply(&patched, BLOCK).unwrap(), None);
    }

    #[test]
    fn leaves_markers_in_code_fences_alone() {
        let text = "---\nid: INC-1\n---\n\n```\n<!-- incidents:status -->\nold\n<!-- /incidents:status -->\n```\n";
        let patched = apply(text, BLOCK).unwrap().unwrap();
        assert!(
            patched.ends_with("\n\n```\n<!-- incidents:status -->\nold\n<!-- /incidents:status -->\n```\n"),
            "{patched}"
        );
        assert!(patched.starts_with("---\nid: INC-1\n---\n\n<!-- incidents:status -->\n**INC-1**\n"), "{patched}");
    }

    #[test]
    fn handles_empty_bodies_and_refuses_unclosed_blocks() {
        assert_eq!(
            apply("---\nid: INC-1\n---", BLOCK).unwrap().unwrap(),
            "---\nid: INC-1\n---\n\n<!-- incidents:status -->\n**INC-1**\n- state\n<!-- /incidents:status -->\n"
        );
        assert_eq!(
            apply("---\nid: INC-1\n---\n\n<!-- incidents:status -->\nx\n", BLOCK),
            Err(PatchError::Unclosed { line: 5 })
        );
        assert_eq!(apply("no front matter\n", BLOCK), Err(PatchError::NoFrontMatter));
    }

    #[test]
    fn refuses_two_opening_markers() {
        let text = "---\nid: INC-1\n---\n<!-- incidents:status -->\nold\n<!-- incidents:status -->\nnotes\n<!-- /incidents:status -->\n";
        assert_eq!(apply(text, BLOCK), Err(PatchError::TwoOpenings { first: 4, second: 6 }));
    }
}
