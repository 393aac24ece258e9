//! The states an incident and a remediation item move through (SPEC §2), and their
//! names as written in `status:`. They sit below `config` (which validates status names
//! in `sections:`) and `record` (which reads them), so neither imports the other for them.

/// Where an incident stands in the two-gate workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum IncidentStatus {
    Active,
    Stabilized,
    Closed,
}

impl IncidentStatus {
    pub(crate) const NAMES: &'static [&'static str] = &["active", "stabilized", "closed"];

    pub(crate) fn parse(text: &str) -> Option<Self> {
        match text {
            "active" => Some(IncidentStatus::Active),
            "stabilized" => Some(IncidentStatus::Stabilized),
            "closed" => Some(IncidentStatus::Closed),
            _ => None,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            IncidentStatus::Active => "active",
            IncidentStatus::Stabilized => "stabilized",
            IncidentStatus::Closed => "closed",
        }
    }

    /// Whether gate 1 is behind the incident.
    pub(crate) fn past_gate_one(self) -> bool {
        self != IncidentStatus::Active
    }
}

/// Where a remediation item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum ItemStatus {
    /// No practical validation can be named yet: the failure needs more diagnosis.
    Diagnosing,
    Open,
    InProgress,
    Shipped,
    Validated,
    Dropped,
}

impl ItemStatus {
    pub(crate) const NAMES: &'static [&'static str] =
        &["diagnosing", "open", "in-progress", "shipped", "validated", "dropped"];

    pub(crate) fn parse(text: &str) -> Option<Self> {
        match text {
            "diagnosing" => Some(ItemStatus::Diagnosing),
            "open" => Some(ItemStatus::Open),
            "in-progress" => Some(ItemStatus::InProgress),
            "shipped" => Some(ItemStatus::Shipped),
            "validated" => Some(ItemStatus::Validated),
            "dropped" => Some(ItemStatus::Dropped),
            _ => None,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ItemStatus::Diagnosing => "diagnosing",
            ItemStatus::Open => "open",
            ItemStatus::InProgress => "in-progress",
            ItemStatus::Shipped => "shipped",
            ItemStatus::Validated => "validated",
            ItemStatus::Dropped => "dropped",
        }
    }

    /// Validated or dropped: nothing more is expected of the item.
    pub(crate) fn is_done(self) -> bool {
        matches!(self, ItemStatus::Validated | ItemStatus::Dropped)
    }

    /// Whether the item must carry a `validation` (every status but `diagnosing` and
    /// `dropped`).
    pub(crate) fn needs_validation(self) -> bool {
        !matches!(self, ItemStatus::Diagnosing | ItemStatus::Dropped)
    }

    /// Whether the fix has shipped (`shipped` or `validated`): a `change` is required.
    pub(crate) fn has_shipped(self) -> bool {
        matches!(self, ItemStatus::Shipped | ItemStatus::Validated)
    }
}
