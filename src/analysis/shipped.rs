//! Each shipped or validated item of an incident with its proof (SPEC §4, issue 13): the
//! change that shipped the fix, as written, and where it came from (a commit's
//! `Remediates:` trailer or a person), and for a validated item the evidence and where it
//! came from (`validate --run` or a person). The sources are the `change_source` and
//! `evidence_source` keys the commands stamp (docs/format.md); nothing here reads git, so
//! `status` and `list` never walk the history.

use crate::clock::Timestamp;
use crate::record::{ItemStatus, Remediation, Source};
use crate::store::order::compare_ids;
use crate::text::meaningful;
use serde::{Deserialize, Serialize};

/// A shipped or validated item (`shipped[]` of a status block in `status --format json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ShippedItem {
    pub(crate) id: String,
    /// `shipped` or `validated`.
    pub(crate) status: String,
    /// The change as written; absent when none is written (`missing-change` says so).
    pub(crate) change: Option<String>,
    /// `trailer` or `hand`.
    pub(crate) change_source: Source,
    pub(crate) shipped_at: Option<Timestamp>,
    /// A validated item's evidence, as written.
    pub(crate) evidence: Option<String>,
    /// `run` or `hand`, for a validated item.
    pub(crate) evidence_source: Option<Source>,
}

/// The shipped and validated items among `items`, in id order.
pub(crate) fn items(items: &[&Remediation]) -> Vec<ShippedItem> {
    let mut shipped: Vec<ShippedItem> = items
        .iter()
        .filter_map(|item| {
            let status = item.status.value.filter(|s| matches!(s, ItemStatus::Shipped | ItemStatus::Validated))?;
            let validated = status == ItemStatus::Validated;
            Some(ShippedItem {
                id: item.id.get()?.clone(),
                status: status.as_str().to_string(),
                change: written(&item.change),
                change_source: item.change_source.get().copied().unwrap_or_default(),
                shipped_at: item.shipped_at.get().copied(),
                evidence: if validated { written(&item.evidence) } else { None },
                evidence_source: validated.then(|| item.evidence_source.get().copied().unwrap_or_default()),
            })
        })
        .collect();
    shipped.sort_by(|a, b| compare_ids(&a.id, &b.id));
    shipped
}

/// A text field's value unless blank or a template placeholder.
pub(crate) fn written(field: &crate::record::Field<String>) -> Option<String> {
    field.get().and_then(|text| meaningful(text)).map(str::to_string)
}

/// Where a change came from, in words (status block, reports).
pub(crate) fn change_words(source: Source) -> &'static str {
    match source {
        Source::Trailer => "from a commit's Remediates: trailer",
        Source::Run | Source::Hand => "given by hand",
    }
}

/// Where evidence came from, in words (status block, reports).
pub(crate) fn evidence_words(source: Source) -> &'static str {
    match source {
        Source::Run => "written by validate --run",
        Source::Trailer | Source::Hand => "given by hand",
    }
}

/// The same, in a few words for a table cell (`list`).
pub(crate) fn short_words(change: Option<Source>, evidence: Option<Source>) -> String {
    let mut words = Vec::new();
    if let Some(source) = change {
        words.push(if source == Source::Trailer { "via trailer" } else { "by hand" });
    }
    if let Some(source) = evidence {
        words.push(if source == Source::Run { "evidence via --run" } else { "evidence by hand" });
    }
    words.join(", ")
}
