//! The record model: incidents and remediation items as read from one file's front
//! matter, each value kept with the line of its key so rules can point at it.
//!
//! Reading is lenient: a record with bad or missing values is still built (the bad
//! values left out) and the problems are returned as findings, so every other rule can
//! still run on it.

pub(crate) mod body;
pub(crate) mod evidence;
mod failure_modes;
mod fast_sections;
#[cfg(test)]
mod fast_sections_differential;
pub(crate) mod field;
pub(crate) mod frontmatter;
mod incident;
pub(crate) mod markers;
mod parse;
mod reader;
mod remediation;
pub(crate) mod timeline;

pub(crate) use body::BodyFacts;
pub(crate) use field::{Field, FieldState, Spanned};
pub(crate) use incident::{Incident, IncidentStatus, KEYS as INCIDENT_KEYS, STABILIZATION_KEYS};
pub(crate) use parse::{parse_file, parse_with_body, ParsedFile, RecordBody};
pub(crate) use remediation::{ItemStatus, Remediation, Source, KEYS as REMEDIATION_KEYS};

/// A record of either kind.
#[derive(Debug, Clone)]
pub(crate) enum Record {
    Incident(Incident),
    Remediation(Remediation),
}

impl Record {
    /// The record's id, when it has one.
    pub(crate) fn id(&self) -> Option<&str> {
        match self {
            Record::Incident(incident) => incident.id.value.as_deref(),
            Record::Remediation(item) => item.id.value.as_deref(),
        }
    }

    /// The line of the `id` key (or of the opening `---`).
    pub(crate) fn id_line(&self) -> usize {
        match self {
            Record::Incident(incident) => incident.id.line(),
            Record::Remediation(item) => item.id.line(),
        }
    }

    /// `incident` or `remediation`.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Record::Incident(_) => "incident",
            Record::Remediation(_) => "remediation",
        }
    }

    /// The status as written, when valid.
    pub(crate) fn status_name(&self) -> Option<&'static str> {
        match self {
            Record::Incident(incident) => incident.status.value.map(IncidentStatus::as_str),
            Record::Remediation(item) => item.status.value.map(ItemStatus::as_str),
        }
    }
}
