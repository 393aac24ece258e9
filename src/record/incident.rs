//! The incident record: its keys (SPEC §2), its status, and how it is read.

use super::field::{Field, Spanned};
use super::reader::Reader;
use crate::clock::Timestamp;
use crate::diagnostic::Rule;
pub(crate) use crate::lifecycle::IncidentStatus;
use crate::yaml::Node;

/// The gate-1 block (`stabilization:`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Stabilization {
    pub(crate) signal: Field<String>,
    pub(crate) intervention: Field<String>,
    pub(crate) rollback: Field<String>,
    pub(crate) verification: Field<String>,
    pub(crate) stabilized_at: Field<Timestamp>,
    pub(crate) uncertainty: Field<String>,
}

/// An incident as written in its front matter.
#[derive(Debug, Clone, Default)]
pub(crate) struct Incident {
    pub(crate) id: Field<String>,
    pub(crate) title: Field<String>,
    pub(crate) severity: Field<String>,
    pub(crate) status: Field<IncidentStatus>,
    pub(crate) opened: Field<Timestamp>,
    pub(crate) commander: Field<String>,
    /// The failure-mode texts, whichever form each entry was written in.
    pub(crate) failure_modes: Field<Vec<Spanned<String>>>,
    /// Each failure mode's own class (`{mode, class}`), at the same position.
    pub(crate) mode_classes: Vec<Option<Spanned<String>>>,
    pub(crate) classes: Field<Vec<Spanned<String>>>,
    pub(crate) stabilization: Stabilization,
    pub(crate) closed_at: Field<Timestamp>,
}

/// Top-level keys of an incident.
pub(crate) const KEYS: &[&str] = &[
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
pub(crate) const STABILIZATION_KEYS: &[&str] =
    &["signal", "intervention", "rollback", "verification", "stabilized_at", "uncertainty"];

impl Incident {
    /// Reads an incident from its front-matter mapping.
    pub(super) fn read(map: &mut Node, reader: &mut Reader<'_>, severities: &[String]) -> Incident {
        let id = reader.take_text(map.get_mut("id"), "id");
        reader.id = id.value.clone();
        let severity_names: Vec<&str> = severities.iter().map(String::as_str).collect();
        let mut incident = Incident {
            id,
            title: reader.take_text(map.get_mut("title"), "title"),
            severity: reader.choice(map.get("severity"), "severity", &severity_names, |s| {
                severities.iter().any(|known| known == s).then(|| s.to_string())
            }),
            status: reader.choice(map.get("status"), "status", IncidentStatus::NAMES, IncidentStatus::parse),
            opened: reader.timestamp(map.get("opened"), "opened"),
            commander: reader.take_text(map.get_mut("commander"), "commander"),
            failure_modes: Field::default(),
            mode_classes: Vec::new(),
            classes: reader.text_list(map.get("classes"), "classes"),
            stabilization: Stabilization::default(),
            closed_at: reader.timestamp(map.get("closed_at"), "closed_at"),
        };
        let modes = super::failure_modes::read(reader, map.get("failure_modes"));
        incident.failure_modes = modes.modes;
        incident.mode_classes = modes.classes;
        match map.get("stabilization") {
            None | Some(Node::Null) => {}
            Some(Node::Map(_)) => {
                if let Some(block) = map.get_mut("stabilization") {
                    incident.stabilization = Stabilization {
                        signal: reader.take_text(block.get_mut("signal"), "stabilization.signal"),
                        intervention: reader.take_text(block.get_mut("intervention"), "stabilization.intervention"),
                        rollback: reader.take_text(block.get_mut("rollback"), "stabilization.rollback"),
                        verification: reader.take_text(block.get_mut("verification"), "stabilization.verification"),
                        stabilized_at: reader.timestamp(block.get("stabilized_at"), "stabilization.stabilized_at"),
                        uncertainty: reader.take_text(block.get_mut("uncertainty"), "stabilization.uncertainty"),
                    };
                    reader.unknown_keys(block, "stabilization", STABILIZATION_KEYS, &[("closed_at", "closed_at")]);
                }
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
    pub(crate) fn failure_modes(&self) -> &[Spanned<String>] {
        self.failure_modes.value.as_deref().unwrap_or(&[])
    }

    /// For messages about a failure mode that is not one of this incident's: what it
    /// lists, and the closest to `wanted` ("INC-7 lists: \"a\", \"b\"; closest: \"a\"").
    pub(crate) fn failure_modes_listing(&self, id: &str, wanted: &str) -> String {
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

    /// The incident's class tags (those of failure modes without their own class).
    pub(crate) fn classes(&self) -> &[Spanned<String>] {
        self.classes.value.as_deref().unwrap_or(&[])
    }

    /// The classes of the failure mode at `index` (SPEC §2): its own class when its
    /// entry names one, else the incident's `classes`.
    pub(crate) fn classes_of_mode(&self, index: usize) -> Vec<&str> {
        self.each_class_of_mode(index).collect()
    }

    /// [`Incident::classes_of_mode`] one by one, without collecting them.
    pub(crate) fn each_class_of_mode(&self, index: usize) -> impl Iterator<Item = &str> {
        let (own, shared) = match self.mode_classes.get(index).and_then(Option::as_ref) {
            Some(own) => (Some(own.value.as_str()), &[][..]),
            None => (None, self.classes()),
        };
        own.into_iter().chain(shared.iter().map(|c| c.value.as_str()))
    }

    /// The classes of the failure mode whose text is `mode` (compared like failure
    /// modes); the incident's `classes` when no listed mode matches.
    pub(crate) fn classes_of_mode_text(&self, mode: &str) -> Vec<&str> {
        match self.failure_modes().iter().position(|m| crate::text::same_failure_mode(&m.value, mode)) {
            Some(index) => self.classes_of_mode(index),
            None => self.classes().iter().map(|c| c.value.as_str()).collect(),
        }
    }

    /// Every class the incident carries: its `classes`, then each failure mode's own,
    /// as written (duplicates kept, with their lines).
    pub(crate) fn all_classes(&self) -> impl Iterator<Item = &Spanned<String>> {
        self.classes().iter().chain(self.mode_classes.iter().flatten())
    }

    /// Every class name the incident carries (its `classes` and its failure modes' own),
    /// first spelling kept, duplicates left out: what `list --class` matches.
    pub(crate) fn class_names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for class in self.all_classes() {
            let key = crate::text::normalize(&class.value);
            if !out.iter().any(|known| crate::text::normalize(known) == key) {
                out.push(class.value.trim().to_string());
            }
        }
        out
    }

    /// The classes the incident is counted under: its failure modes' classes (own or
    /// inherited), and its `classes` when it lists no failure mode; first spelling kept,
    /// duplicates (compared like failure modes) left out.
    pub(crate) fn effective_classes(&self) -> Vec<&str> {
        fn push<'a>(class: &'a str, out: &mut Vec<&'a str>) {
            if !out.iter().any(|known| crate::text::same_failure_mode(known, class)) {
                out.push(class.trim());
            }
        }
        let mut out: Vec<&str> = Vec::new();
        let count = self.failure_modes().len();
        for index in 0..count {
            for class in self.classes_of_mode(index) {
                push(class, &mut out);
            }
        }
        if count == 0 {
            for class in self.classes() {
                push(&class.value, &mut out);
            }
        }
        out
    }
}
