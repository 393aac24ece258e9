//! The remediation item record: its keys (SPEC §2), its status, its due window.

use super::field::{Field, FieldState, Spanned};
use super::reader::Reader;
use crate::clock::{parse_date, Timestamp};
use crate::rules::Rule;
use crate::yaml::Node;
use chrono::NaiveDate;

/// Where a remediation item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemStatus {
    Open,
    InProgress,
    Shipped,
    Validated,
    Dropped,
}

impl ItemStatus {
    pub const NAMES: &'static [&'static str] = &["open", "in-progress", "shipped", "validated", "dropped"];

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "open" => Some(ItemStatus::Open),
            "in-progress" => Some(ItemStatus::InProgress),
            "shipped" => Some(ItemStatus::Shipped),
            "validated" => Some(ItemStatus::Validated),
            "dropped" => Some(ItemStatus::Dropped),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ItemStatus::Open => "open",
            ItemStatus::InProgress => "in-progress",
            ItemStatus::Shipped => "shipped",
            ItemStatus::Validated => "validated",
            ItemStatus::Dropped => "dropped",
        }
    }

    /// Validated or dropped: nothing more is expected of the item.
    pub fn is_done(self) -> bool {
        matches!(self, ItemStatus::Validated | ItemStatus::Dropped)
    }
}

/// A due window. A bare date is the end of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub start: Option<NaiveDate>,
    pub end: NaiveDate,
}

/// A remediation item as written in its front matter.
#[derive(Debug, Clone, Default)]
pub struct Remediation {
    pub id: Field<String>,
    pub incident: Field<String>,
    pub title: Field<String>,
    pub failure_mode: Field<String>,
    pub owner: Field<String>,
    pub due: Field<Due>,
    pub validation: Field<String>,
    pub status: Field<ItemStatus>,
    pub evidence: Field<String>,
    pub reason: Field<String>,
    pub validated_at: Field<Timestamp>,
    pub links: Field<Vec<Spanned<String>>>,
}

/// Keys of a remediation item.
pub const KEYS: &[&str] = &[
    "kind",
    "id",
    "incident",
    "title",
    "failure_mode",
    "owner",
    "due",
    "validation",
    "status",
    "evidence",
    "reason",
    "validated_at",
    "links",
];

impl Remediation {
    /// Reads an item from its front-matter mapping.
    pub(super) fn read(map: &Node, reader: &mut Reader<'_>) -> Remediation {
        let id = reader.text(map.get("id"), "id");
        reader.id = id.value.clone();
        let item = Remediation {
            id,
            incident: reader.text(map.get("incident"), "incident"),
            title: reader.text(map.get("title"), "title"),
            failure_mode: reader.text(map.get("failure_mode"), "failure_mode"),
            owner: reader.text(map.get("owner"), "owner"),
            due: read_due(map.get("due"), reader),
            validation: reader.text(map.get("validation"), "validation"),
            status: reader.choice(map.get("status"), "status", ItemStatus::NAMES, ItemStatus::parse),
            evidence: reader.text(map.get("evidence"), "evidence"),
            reason: reader.text(map.get("reason"), "reason"),
            validated_at: reader.timestamp(map.get("validated_at"), "validated_at"),
            links: reader.text_list(map.get("links"), "links"),
        };
        reader.unknown_keys(map, "", KEYS, &[("failure_modes", "failure_mode")]);
        item
    }
}

fn read_due(node: Option<&Node>, reader: &mut Reader<'_>) -> Field<Due> {
    let line = reader.line("due");
    let Some(block @ Node::Map(_)) = node else {
        let date = reader.text(node, "due");
        let Some(written) = date.value else {
            return Field::unusable(date.state, date.line);
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
                start.line,
                format!(
                    "`due.start` ({start_date}) is after `due.end` ({end_date}): the window must start before it ends"
                ),
            );
            return Field::unusable(FieldState::Invalid, line);
        }
    }
    Field::set(Due { start: start.value, end: end_date }, line)
}
