//! The incident record: its keys (SPEC §2), its status, and how it is read.

use super::field::{Field, Spanned};
use super::reader::Reader;
use crate::clock::Timestamp;
use crate::diagnostic::Rule;
pub use crate::lifecycle::IncidentStatus;
use crate::yaml::Node;

/// The gate-1 block (`stabilization:`).
#[derive(Debug, Clone, Default)]
pub struct Stabilization {
    pub signal: Field<String>,
    pub intervention: Field<String>,
    pub rollback: Field<String>,
    pub verification: Field<String>,
    pub stabilized_at: Field<Timestamp>,
    pub uncertainty: Field<String>,
}

/// An incident as written in its front matter.
#[derive(Debug, Clone, Default)]
pub struct Incident {
    pub id: Field<String>,
    pub title: Field<String>,
    pub severity: Field<String>,
    pub status: Field<IncidentStatus>,
    pub opened: Field<Timestamp>,
    pub commander: Field<String>,
    pub failure_modes: Field<Vec<Spanned<String>>>,
    pub classes: Field<Vec<Spanned<String>>>,
    pub stabilization: Stabilization,
    pub closed_at: Field<Timestamp>,
}

/// Top-level keys of an incident.
pub const KEYS: &[&str] = &[
    "kind",
    "id",
    "title",
    "severity",
    "status",
    "opened",
    "commander",
    "failure_modes",
    "classes",
    "stabilization",
    "closed_at",
];
/// Gate-1 keys written at the top level by mistake, with where they belong.
const NESTED_ELSEWHERE: &[(&str, &str)] = &[
    ("signal", "stabilization.signal"),
    ("intervention", "stabilization.intervention"),
    ("rollback", "stabilization.rollback"),
    ("verification", "stabilization.verification"),
    ("stabilized_at", "stabilization.stabilized_at"),
    ("uncertainty", "stabilization.uncertainty"),
];
/// Keys of `stabilization`.
pub const STABILIZATION_KEYS: &[&str] =
    &["signal", "intervention", "rollback", "verification", "stabilized_at", "uncertainty"];

impl Incident {
    /// Reads an incident from its front-matter mapping.
    pub(super) fn read(map: &Node, reader: &mut Reader<'_>, severities: &[String]) -> Incident {
        let id = reader.text(map.get("id"), "id");
        reader.id = id.value.clone();
        let severity_names: Vec<&str> = severities.iter().map(String::as_str).collect();
        let mut incident = Incident {
            id,
            title: reader.text(map.get("title"), "title"),
            severity: reader.choice(map.get("severity"), "severity", &severity_names, |s| {
                severities.iter().any(|known| known == s).then(|| s.to_string())
            }),
            status: reader.choice(map.get("status"), "status", IncidentStatus::NAMES, IncidentStatus::parse),
            opened: reader.timestamp(map.get("opened"), "opened"),
            commander: reader.text(map.get("commander"), "commander"),
            failure_modes: reader.text_list(map.get("failure_modes"), "failure_modes"),
            classes: reader.text_list(map.get("classes"), "classes"),
            stabilization: Stabilization::default(),
            closed_at: reader.timestamp(map.get("closed_at"), "closed_at"),
        };
        match map.get("stabilization") {
            None | Some(Node::Null) => {}
            Some(block @ Node::Map(_)) => {
                let at = |key: &str| block.get(key);
                incident.stabilization = Stabilization {
                    signal: reader.text(at("signal"), "stabilization.signal"),
                    intervention: reader.text(at("intervention"), "stabilization.intervention"),
                    rollback: reader.text(at("rollback"), "stabilization.rollback"),
                    verification: reader.text(at("verification"), "stabilization.verification"),
                    stabilized_at: reader.timestamp(at("stabilized_at"), "stabilization.stabilized_at"),
                    uncertainty: reader.text(at("uncertainty"), "stabilization.uncertainty"),
                };
                reader.unknown_keys(block, "stabilization", STABILIZATION_KEYS, &[("closed_at", "closed_at")]);
            }
            Some(other) => {
                let line = reader.line("stabilization");
                reader.report(
                    Rule::InvalidValue,
                    line,
                    format!("`stabilization` must be a mapping with `signal:`, `rollback:`, `verification:` and `stabilized_at:`, not {}", other.type_name()),
                );
            }
        }
        reader.unknown_keys(map, "", KEYS, NESTED_ELSEWHERE);
        incident
    }

    /// The failure modes as written (placeholders left out).
    pub fn failure_modes(&self) -> &[Spanned<String>] {
        self.failure_modes.value.as_deref().unwrap_or(&[])
    }

    /// For messages about a failure mode that is not one of this incident's: what it
    /// lists, and the closest to `wanted` ("INC-7 lists: \"a\", \"b\"; closest: \"a\"").
    pub fn failure_modes_listing(&self, id: &str, wanted: &str) -> String {
        let modes = self.failure_modes();
        if modes.is_empty() {
            return format!("{id} lists no failure modes yet");
        }
        let closest = crate::suggest::closest(wanted, modes.iter().map(|m| m.value.as_str()))
            .map(|s| format!("; closest: \"{s}\""))
            .unwrap_or_default();
        let listed: Vec<String> = modes.iter().map(|m| format!("\"{}\"", m.value)).collect();
        format!("{id} lists: {}{closest}", listed.join(", "))
    }

    /// The class tags.
    pub fn classes(&self) -> &[Spanned<String>] {
        self.classes.value.as_deref().unwrap_or(&[])
    }
}
