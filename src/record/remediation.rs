//! The remediation item record: its keys (SPEC §2), its status, its due window.

use super::field::{Field, FieldState};
use super::reader::Reader;
use crate::clock::{parse_date, Timestamp};
use crate::diagnostic::Rule;
pub(crate) use crate::lifecycle::ItemStatus;
use crate::yaml::Node;
use chrono::NaiveDate;

/// One earlier due date kept in `due_history`: what it was, when and why it moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DueMove {
    /// The earlier due date, as written (a date or a window's end).
    pub(crate) due: Option<NaiveDate>,
    pub(crate) moved_at: Option<Timestamp>,
    pub(crate) reason: Option<String>,
    /// The line of the entry.
    pub(crate) line: usize,
}

/// Where an item's `change` or `evidence` came from, as the commands that write them
/// record it in `change_source` and `evidence_source`. An absent key reads as [`Source::Hand`]:
/// only the tool's own paths (a `Remediates:` trailer, `validate --run`) stamp another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Source {
    /// `change_source: trailer`: the SHA of the newest commit in HEAD's history whose
    /// `Remediates:` trailer names the item (`ship` without `--change`, `sync --write`).
    Trailer,
    /// `evidence_source: run`: written by `validate --run` after the command exited 0.
    Run,
    /// `hand`, or no key: typed by a person (`--change`, `--evidence`, or the file).
    #[default]
    Hand,
}

impl Source {
    /// The values `change_source` allows.
    pub(crate) const CHANGE: &'static [&'static str] = &["trailer", "hand"];
    /// The values `evidence_source` allows.
    pub(crate) const EVIDENCE: &'static [&'static str] = &["run", "hand"];

    pub(crate) fn change(text: &str) -> Option<Source> {
        match text {
            "trailer" => Some(Source::Trailer),
            "hand" => Some(Source::Hand),
            _ => None,
        }
    }

    pub(crate) fn evidence(text: &str) -> Option<Source> {
        match text {
            "run" => Some(Source::Run),
            "hand" => Some(Source::Hand),
            _ => None,
        }
    }

    /// The value as written in the file.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Source::Trailer => "trailer",
            Source::Run => "run",
            Source::Hand => "hand",
        }
    }
}

/// A due window. A bare date is the end of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Due {
    pub(crate) start: Option<NaiveDate>,
    pub(crate) end: NaiveDate,
}

/// A remediation item as written in its front matter.
#[derive(Debug, Clone, Default)]
pub(crate) struct Remediation {
    pub(crate) id: Field<String>,
    pub(crate) incident: Field<String>,
    pub(crate) title: Field<String>,
    pub(crate) failure_mode: Field<String>,
    pub(crate) owner: Field<String>,
    pub(crate) due: Field<Due>,
    pub(crate) validation: Field<String>,
    pub(crate) validation_command: Field<String>,
    pub(crate) status: Field<ItemStatus>,
    pub(crate) change: Field<String>,
    /// Who found the change (`change_source`, an extension key: docs/format.md).
    pub(crate) change_source: Field<Source>,
    pub(crate) evidence: Field<String>,
    /// Who wrote the evidence (`evidence_source`, an extension key: docs/format.md).
    pub(crate) evidence_source: Field<Source>,
    pub(crate) reason: Field<String>,
    pub(crate) approved_by: Field<String>,
    pub(crate) shipped_at: Field<Timestamp>,
    pub(crate) validated_at: Field<Timestamp>,
    pub(crate) dropped_at: Field<Timestamp>,
    pub(crate) due_history: Field<Vec<DueMove>>,
}

/// Keys of a remediation item.
pub(crate) const KEYS: &[&str] = &[
    "kind",
    "id",
    "incident",
    "title",
    "failure_mode",
    "owner",
    "due",
    "validation",
    "validation_command",
    "status",
    "change",
    "change_source",
    "evidence",
    "evidence_source",
    "reason",
    "approved_by",
    "started_at",
    "shipped_at",
    "validated_at",
    "dropped_at",
    "due_history",
    "links",
];
/// Keys of one `due_history` entry.
pub(crate) const DUE_HISTORY_KEYS: &[&str] = &["due", "moved_at", "reason"];

impl Remediation {
    /// Reads an item from its front-matter mapping.
    pub(super) fn read(map: &mut Node, reader: &mut Reader<'_>) -> Remediation {
        let id = reader.take_text(map.get_mut("id"), "id");
        reader.id = id.value.clone();
        let incident = reader.take_text(map.get_mut("incident"), "incident");
        let title = reader.take_text(map.get_mut("title"), "title");
        let failure_mode = reader.take_text(map.get_mut("failure_mode"), "failure_mode");
        let owner = reader.take_text(map.get_mut("owner"), "owner");
        let due = read_due(map.get("due"), reader);
        let validation = reader.take_text(map.get_mut("validation"), "validation");
        let validation_command = reader.take_text(map.get_mut("validation_command"), "validation_command");
        let status = reader.choice(map.get("status"), "status", ItemStatus::NAMES, ItemStatus::parse);
        let change = reader.take_text(map.get_mut("change"), "change");
        let change_source = reader.choice(map.get("change_source"), "change_source", Source::CHANGE, Source::change);
        let evidence = reader.take_text(map.get_mut("evidence"), "evidence");
        let evidence_source =
            reader.choice(map.get("evidence_source"), "evidence_source", Source::EVIDENCE, Source::evidence);
        let reason = reader.take_text(map.get_mut("reason"), "reason");
        let approved_by = reader.take_text(map.get_mut("approved_by"), "approved_by");
        // Read for its diagnostics only: nothing uses the value.
        reader.timestamp(map.get("started_at"), "started_at");
        let shipped_at = reader.timestamp(map.get("shipped_at"), "shipped_at");
        let validated_at = reader.timestamp(map.get("validated_at"), "validated_at");
        let dropped_at = reader.timestamp(map.get("dropped_at"), "dropped_at");
        let due_history = read_due_history(map.get("due_history"), reader);
        // Read for its diagnostics only: nothing uses the value.
        reader.text_list(map.get("links"), "links");
        let item = Remediation {
            id,
            incident,
            title,
            failure_mode,
            owner,
            due,
            validation,
            validation_command,
            status,
            change,
            change_source,
            evidence,
            evidence_source,
            reason,
            approved_by,
            shipped_at,
            validated_at,
            dropped_at,
            due_history,
        };
        reader.unknown_keys(map, "", KEYS, &[("failure_modes", "failure_mode")]);
        item
    }
}

/// `due_history`: a list of `{due, moved_at, reason}` mappings. Read leniently: a bad
/// entry is reported and left out, the others are kept.
fn read_due_history(node: Option<&Node>, reader: &mut Reader<'_>) -> Field<Vec<DueMove>> {
    let line = reader.line("due_history");
    let entries = match node {
        None => return Field::default(),
        Some(Node::Null) => return Field::unusable(FieldState::Blank, line),
        Some(Node::Seq(entries)) => entries,
        Some(other) => {
            reader.report(
                Rule::InvalidValue,
                line,
                format!(
                    "`due_history` must be a list, not {}: write each earlier due date as `  - {{due: YYYY-MM-DD, moved_at: YYYY-MM-DD, reason: …}}` (`incidents move-due` appends them)",
                    other.type_name()
                ),
            );
            return Field::unusable(FieldState::Invalid, line);
        }
    };
    let mut moves = Vec::with_capacity(entries.len());
    for (index, entry) in entries.iter().enumerate() {
        let entry_line = reader.keys.entry("due_history", index).unwrap_or(line);
        let Node::Map(_) = entry else {
            reader.report(
                Rule::InvalidValue,
                entry_line,
                format!(
                    "entry {} of `due_history` must be a mapping, not {}: write `{{due: YYYY-MM-DD, moved_at: YYYY-MM-DD, reason: …}}`",
                    index + 1,
                    entry.type_name()
                ),
            );
            continue;
        };
        let text = |key: &str| entry.get(key).and_then(|v| v.text()).map(|t| t.trim().to_string());
        let due = text("due").and_then(|t| parse_date(&t));
        let moved_at = text("moved_at").and_then(|t| Timestamp::parse(&t));
        let reason = text("reason").filter(|t| crate::text::meaningful(t).is_some());
        if due.is_none() {
            reader.report(
                Rule::InvalidValue,
                entry_line,
                format!(
                    "entry {} of `due_history` has no `due:` date: write the earlier due date as `YYYY-MM-DD`",
                    index + 1
                ),
            );
        }
        reader.unknown_keys(entry, "due_history[]", DUE_HISTORY_KEYS, &[]);
        moves.push(DueMove { due, moved_at, reason, line: entry_line });
    }
    if moves.is_empty() {
        Field::unusable(FieldState::Blank, line)
    } else {
        Field::set(moves, line)
    }
}

fn read_due(node: Option<&Node>, reader: &mut Reader<'_>) -> Field<Due> {
    let line = reader.line("due");
    let Some(block @ Node::Map(_)) = node else {
        let date = reader.text(node, "due");
        let Some(written) = date.value else {
            return Field::unusable(date.state, date.line());
        };
        return match parse_date(&written) {
            Some(end) => Field::set(Due { start: None, end }, line),
            None => {
                reader.report(
                    Rule::InvalidValue,
                    line,
                    format!("`due: {written}` is not a date: write `YYYY-MM-DD` or `{{start: YYYY-MM-DD, end: YYYY-MM-DD}}` (`incidents remediate --due 2w` turns spans into dates)"),
                );
                Field::unusable(FieldState::Invalid, line)
            }
        };
    };
    reader.unknown_keys(block, "due", &["start", "end"], &[]);
    let start = reader.date(block.get("start"), "due.start");
    let end = reader.date(block.get("end"), "due.end");
    if start.state == FieldState::Invalid || end.state == FieldState::Invalid {
        return Field::unusable(FieldState::Invalid, line);
    }
    let Some(end_date) = end.value else {
        reader.report(
            Rule::InvalidValue,
            line,
            "`due` needs an `end:` date: write `{start: YYYY-MM-DD, end: YYYY-MM-DD}`".to_string(),
        );
        return Field::unusable(FieldState::Invalid, line);
    };
    if let Some(start_date) = start.value {
        if start_date > end_date {
            reader.report(
                Rule::InvalidValue,
                start.line(),
                format!(
                    "`due.start` ({start_date}) is after `due.end` ({end_date}): the window must start before it ends"
                ),
            );
            return Field::unusable(FieldState::Invalid, line);
        }
    }
    Field::set(Due { start: start.value, end: end_date }, line)
}
