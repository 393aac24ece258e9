//! Rules across records: duplicate ids, references from items to incidents, failure-mode
//! links, due dates against the incident's severity policy, coverage of every failure
//! mode (all-dropped failure modes are accepted risk, not uncovered), and items left
//! open on closed incidents.
//! They read the [`Index`] built once per run; every rule here is linear in the number of records.

use crate::config::Config;
use crate::diagnostic::{Finding, Rule};
use crate::record::{Incident, IncidentStatus, ItemStatus, Record, Remediation, Spanned};
use crate::store::{Index, Repository};
use crate::text::same_failure_mode;
use chrono::NaiveDate;

/// Runs every cross-record rule, appending findings to `out`.
/// Records are checked on every core, a run of them per task: the findings are sorted
/// afterwards, so the order they are found in does not matter.
pub(crate) fn check(repo: &Repository, index: &Index<'_>, config: &Config, today: NaiveDate, out: &mut Vec<Finding>) {
    use rayon::prelude::*;
    duplicate_ids(repo, index, out);
    let found: Vec<Vec<Finding>> = repo
        .files
        .par_chunks(1024)
        .map(|files| {
            let mut out = Vec::new();
            for file in files {
                match &file.record {
                    Some(Record::Remediation(item)) => item_links(&file.path, item, index, config, &mut out),
                    Some(Record::Incident(incident)) => {
                        incident_coverage(&file.path, incident, index, repo, config, today, &mut out)
                    }
                    None => {}
                }
            }
            out
        })
        .collect();
    out.extend(found.into_iter().flatten());
}

fn duplicate_ids(repo: &Repository, index: &Index<'_>, out: &mut Vec<Finding>) {
    for (id, files) in index.duplicates() {
        for &this in files {
            let file = &repo.files[this];
            let others: Vec<&str> =
                files.iter().filter(|&&i| i != this).map(|&i| repo.files[i].path.as_str()).collect();
            let line = file.record.as_ref().map_or(1, Record::id_line);
            out.push(Finding::new(
                Rule::DuplicateId,
                &file.path,
                line,
                Some(id),
                format!("id `{id}` is also used by {}: give one of them a new id (`incidents new` picks the next free one) and update its items", others.join(", ")),
            ));
        }
    }
}

fn item_links(path: &str, item: &Remediation, index: &Index<'_>, config: &Config, out: &mut Vec<Finding>) {
    let Some(parent) = item.incident.get() else { return };
    let id = item.id.value.as_deref();
    let Some(incident) = index.incident(parent).map(|entry| entry.incident) else {
        let hint = crate::suggest::same_id(parent, index.incidents.iter().map(|entry| entry.id))
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        out.push(Finding::new(
            Rule::BrokenReference,
            path,
            item.incident.line(),
            id,
            format!(
                "`incident: {parent}` names no incident in this repository{hint}: write the id of an existing incident"
            ),
        ));
        return;
    };
    due_beyond_policy(path, item, parent, incident, config, out);
    let Some(mode) = item.failure_mode.get() else { return };
    let modes = incident.failure_modes();
    if modes.iter().any(|m| same_failure_mode(&m.value, mode)) {
        return;
    }
    let listed = incident.failure_modes_listing(parent, mode);
    out.push(Finding::new(
        Rule::UnlinkedFailureMode,
        path,
        item.failure_mode.line(),
        id,
        format!("failure mode \"{mode}\" is not one of {parent}'s `failure_modes` ({listed}): copy one of them exactly, or add this one to the incident's `failure_modes`"),
    ));
}

/// The latest due date the severity policy allows for items of `incident`: its
/// stabilization date (its opening date while it is active, or when `stabilized_at` is
/// not written) plus the severity's window; with the date it counts from and the window.
pub(crate) fn policy_limit(incident: &Incident, config: &Config) -> Option<(NaiveDate, NaiveDate, i64)> {
    let days = config.due_limit(incident.severity.get()?)?;
    let stabilized = incident
        .status
        .value
        .filter(|status| status.past_gate_one())
        .and_then(|_| incident.stabilization.stabilized_at.get());
    let from = stabilized.or(incident.opened.get())?.date();
    Some((from + chrono::Duration::days(days), from, days))
}

/// `due-beyond-policy`: an item not yet validated or dropped, due later than the policy
/// allows. Finished items are history and are left alone.
fn due_beyond_policy(
    path: &str,
    item: &Remediation,
    parent: &str,
    incident: &Incident,
    config: &Config,
    out: &mut Vec<Finding>,
) {
    if item.status.value.is_some_and(ItemStatus::is_done) {
        return;
    }
    let (Some(due), Some((latest, from, days))) = (item.due.get(), policy_limit(incident, config)) else { return };
    if due.end <= latest {
        return;
    }
    let severity = incident.severity.get().map_or("", String::as_str);
    let counted = if incident.status.value.is_some_and(|status| status.past_gate_one())
        && incident.stabilization.stabilized_at.get().is_some()
    {
        format!("stabilized on {from}")
    } else {
        format!("opened on {from}; counted from `opened` until it is stabilized")
    };
    let name = item.id.value.as_deref().unwrap_or("this item");
    out.push(Finding::new(
        Rule::DueBeyondPolicy,
        path,
        item.due.line(),
        item.id.value.as_deref(),
        format!(
            "{name} is due {}, later than the {severity} policy allows ({days} days; {parent} was {counted}): the latest allowed date is {latest} — move `due:` to {latest} or earlier, or split the item so the fix that prevents a repeat ships by then",
            due.end
        ),
    ));
}

/// The failure modes of `incident` that none of `items` covers. Any item covers its
/// failure mode, a dropped one included: a failure mode whose items are all dropped is
/// accepted risk (each dropped item names who accepted it), not uncovered.
pub(crate) fn uncovered<'i>(incident: &'i Incident, items: &[(usize, &Remediation)]) -> Vec<&'i Spanned<String>> {
    incident
        .failure_modes()
        .iter()
        .filter(|mode| {
            !items
                .iter()
                .filter_map(|(_, item)| item.failure_mode.get())
                .any(|written| same_failure_mode(written, &mode.value))
        })
        .collect()
}

/// The items that are neither validated nor dropped, with their status (items whose
/// status cannot be read are left to `invalid-value`).
pub(crate) fn unfinished<'r>(items: &[(usize, &'r Remediation)]) -> Vec<(usize, &'r Remediation, ItemStatus)> {
    items
        .iter()
        .filter_map(|(index, item)| item.status.value.filter(|status| !status.is_done()).map(|s| (*index, *item, s)))
        .collect()
}

fn incident_coverage(
    path: &str,
    incident: &Incident,
    index: &Index<'_>,
    repo: &Repository,
    config: &Config,
    today: NaiveDate,
    out: &mut Vec<Finding>,
) {
    let (Some(id), Some(status)) = (incident.id.get(), incident.status.value) else { return };
    if !status.past_gate_one() {
        return;
    }
    let items = index.linked(id);
    let stabilized = incident.stabilization.stabilized_at.get().map(|at| at.date());
    let within_grace = status == IncidentStatus::Stabilized
        && stabilized.is_none_or(|at| (today - at).num_days() <= config.grace_days);
    let grace_note = match (within_grace, stabilized) {
        (false, _) => String::new(),
        // The first day past the grace period, when the finding turns into an error.
        (true, Some(at)) => format!(
            " (a warning for now: it becomes an error on {})",
            at + chrono::Duration::days(config.grace_days + 1)
        ),
        (true, None) => format!(
            " (a warning for now: it becomes an error {} days after `stabilization.stabilized_at`, once that is written)",
            config.grace_days
        ),
    };
    let mut finding = |line: usize, message: String| {
        let finding = Finding::new(Rule::UncoveredFailureMode, path, line, Some(id), message);
        out.push(if within_grace { finding.at_most_warning() } else { finding });
    };
    if incident.failure_modes().is_empty() {
        finding(incident.failure_modes.line(), format!(
            "{id} is {} but lists no failure modes{grace_note}: add `failure_modes:` with each breakage in a plain sentence, then an item for each",
            status.as_str()
        ));
    } else {
        for mode in uncovered(incident, items) {
            finding(mode.line, format!(
                "failure mode \"{}\" of {id} has no remediation item{grace_note}: run `incidents remediate {id} --failure-mode \"{}\" --owner … --due … --validation …`",
                mode.value, mode.value
            ));
        }
    }
    if status == IncidentStatus::Closed {
        for (file_index, item, item_status) in unfinished(items) {
            let item_id = item.id.value.as_deref().unwrap_or("an item");
            out.push(Finding::new(
                Rule::OpenRemediation,
                path,
                incident.status.line(),
                Some(id),
                format!(
                    "{id} is closed but {item_id} ({}) is {}: validate it (`incidents validate {item_id} --evidence …`), drop it with a reason, or reopen the incident",
                    repo.files[file_index].path,
                    item_status.as_str()
                ),
            ));
        }
    }
}
