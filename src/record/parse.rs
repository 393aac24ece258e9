//! Turning one file's bytes into a record and the findings of reading it: `syntax` for
//! what cannot be read, `missing-field`/`invalid-value`/`unknown-field` for what can.

use super::body::BodyFacts;
use super::frontmatter::{salvage_id, split, Split};
use super::incident::Incident;
use super::reader::Reader;
use super::remediation::Remediation;
use super::Record;
use crate::config::Config;
use crate::diagnostic::{Finding, Rule};
use crate::yaml::{self, Node, YamlErrorKind};

/// The result of reading one record file.
#[derive(Debug, Clone)]
pub(crate) struct ParsedFile {
    /// Path relative to the root, `/`-separated.
    pub(crate) path: String,
    /// The record, when the front matter could be read and names a known `kind`.
    pub(crate) record: Option<Record>,
    /// Body facts: headings when the config requires sections of this record, the
    /// status block when an incident's body mentions its markers.
    pub(crate) body: BodyFacts,
    pub(crate) findings: Vec<Finding>,
}

/// Reads a file's bytes. `None` when the file has no front matter (not a record).
pub(crate) fn parse_file(path: &str, bytes: &[u8], config: &Config) -> Option<ParsedFile> {
    parse_with_body(path, bytes, config).map(|(parsed, _)| ParsedFile { path: path.to_string(), ..parsed })
}

/// The body of a record file read without a finding: its text (after the front matter)
/// and the line it starts on. The loader hands it to its visitor, so a command that
/// reads bodies (`report`, `status`) neither decodes nor splits the file again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RecordBody<'t> {
    pub(crate) text: &'t str,
    pub(crate) line: usize,
}

/// [`parse_file`] leaving the parsed file's `path` empty, for a caller that moves the
/// path it already owns in (the loader: one string fewer per file), with the body when
/// the front matter was read as a YAML mapping.
pub(crate) fn parse_with_body<'t>(
    path: &str,
    bytes: &'t [u8],
    config: &Config,
) -> Option<(ParsedFile, Option<RecordBody<'t>>)> {
    let mut parsed = ParsedFile { path: String::new(), record: None, body: BodyFacts::default(), findings: Vec::new() };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let line = 1 + bytes[..error.valid_up_to()].iter().filter(|b| **b == b'\n').count();
            parsed.findings.push(Finding::new(
                Rule::Syntax,
                path,
                line,
                None,
                format!("the file is not UTF-8 (first bad byte at offset {}): save it as UTF-8", error.valid_up_to()),
            ));
            return Some((parsed, None));
        }
    };
    let parts = match split(text) {
        Split::NoFrontMatter => return None,
        Split::Unterminated => {
            parsed.findings.push(Finding::new(
                Rule::Syntax,
                path,
                1,
                None,
                "front matter is not terminated: add a line `---` after the last key".to_string(),
            ));
            return Some((parsed, None));
        }
        Split::Found(parts) => parts,
    };
    let (mut node, keys) = match yaml::parse_record(parts.yaml, parts.yaml_line) {
        Ok(parsed) => parsed,
        Err(error) => {
            let line = error.line.map_or(1, |l| l + parts.yaml_line - 1);
            let message = match error.kind {
                YamlErrorKind::Syntax => format!("front matter is not valid YAML: {}; quote values that contain `: ` or start with a special character", error.message),
                YamlErrorKind::TooLarge => format!("front matter {}: move long text into the body", error.message),
                YamlErrorKind::TooDeep => format!("front matter {}: flatten it (records need at most two levels, as in `stabilization.signal`)", error.message),
                YamlErrorKind::DuplicateKey => {
                    format!("front matter: {}: keep one of them (this is the second)", error.message)
                }
                YamlErrorKind::TooExpanded => format!("front matter {}: write the values out instead of repeating anchored ones", error.message),
            };
            // The id still matters when the YAML does not parse: it is shown with the
            // diagnostic, and `new` must not hand it out again.
            let id = salvage_id(parts.yaml);
            parsed.findings.push(Finding::new(Rule::Syntax, path, line, id.as_deref(), message));
            return Some((parsed, None));
        }
    };
    if !matches!(node, Node::Map(_)) {
        parsed.findings.push(Finding::new(
            Rule::Syntax,
            path,
            1,
            None,
            format!("front matter must be a mapping of keys (`kind: incident`, …), not {}", node.type_name()),
        ));
        return Some((parsed, None));
    }
    let mut reader = Reader::new(path, &keys);
    let kind = reader.text(node.get("kind"), "kind");
    parsed.record = match kind.value.as_deref() {
        Some("incident") => Some(Record::Incident(Incident::read(&mut node, &mut reader, &config.severities))),
        Some("remediation") => Some(Record::Remediation(Remediation::read(&mut node, &mut reader))),
        Some(other) => {
            let hint = crate::suggest::closest(other, ["incident", "remediation"])
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default();
            reader.id = node.get("id").and_then(Node::as_text);
            reader.report(
                Rule::InvalidValue,
                kind.line(),
                format!("`kind: {other}` is not a record kind{hint}: write `incident` or `remediation`"),
            );
            None
        }
        None if kind.state == super::FieldState::Invalid => None,
        None => {
            reader.id = node.get("id").and_then(Node::as_text);
            reader.report(
                Rule::MissingField,
                kind.line(),
                "no `kind`: add `kind: incident` or `kind: remediation` as the first key".to_string(),
            );
            None
        }
    };
    parsed.findings.append(&mut reader.findings);
    if let Some(record) = &parsed.record {
        if let Some(status) = record.status_name() {
            let required = config.sections.required(record.kind(), status);
            if !required.is_empty() {
                parsed.body = BodyFacts::read(parts.body, parts.body_line);
                // Kept for the whole run: only the sections a rule asks about (the first
                // of each title is the one it reads), with no spare capacity.
                parsed
                    .body
                    .sections
                    .retain(|section| required.iter().any(|title| section.title.eq_ignore_ascii_case(title.trim())));
                parsed.body.sections.shrink_to_fit();
            }
        }
        // A cheap substring test first: only bodies that mention the marker are parsed.
        if matches!(record, Record::Incident(_)) && parts.body.contains(super::markers::NEEDLE) {
            parsed.body.read_status_block(parts.body, parts.body_line);
        }
    }
    Some((parsed, Some(RecordBody { text: parts.body, line: parts.body_line })))
}
