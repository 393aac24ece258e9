//! `unknown-owner`: a remediation item's owner must be one of the configured `owners`
//! (a list, or every owner in CODEOWNERS: see `crate::config::owners`), compared
//! ignoring case and a leading `@`. Only when `owners` is configured; the message names
//! the closest configured name.

use crate::config::Config;
use crate::diagnostic::{Finding, Rule};
use crate::record::{ParsedFile, Record};

/// Adds `unknown-owner` for `record` when it is an item whose owner is not configured.
pub(crate) fn check(file: &ParsedFile, record: &Record, config: &Config, out: &mut Vec<Finding>) {
    let (Some(owners), Record::Remediation(item)) = (&config.owners, record) else { return };
    let Some(owner) = item.owner.get().filter(|_| !item.owner.is_missing()) else { return };
    if owners.find(owner).is_some() {
        return;
    }
    let hint = owners.closest(owner).map(|name| format!(" (did you mean `{name}`?)")).unwrap_or_default();
    let from = match &owners.source {
        Some(path) => {
            format!("the owners named in {}", path.file_name().map_or("CODEOWNERS".into(), |n| n.to_string_lossy()))
        }
        None => "the `owners` listed in .incidents.yml".to_string(),
    };
    let shown: Vec<&str> = owners.names.iter().take(8).map(String::as_str).collect();
    let more = if owners.names.len() > shown.len() { ", …" } else { "" };
    out.push(Finding::new(
        Rule::UnknownOwner,
        &file.path,
        item.owner.line(),
        record.id(),
        format!(
            "owner `{owner}` is not one of {from}{hint}: write one of {}{more}, or add the new owner there",
            shown.join(", ")
        ),
    ));
}
