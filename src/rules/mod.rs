//! The rule engine: the checks themselves — per record ([`record_rules`], with the
//! evidence rules of [`evidence`]), across the record set ([`cross`]), and
//! `status_block` for written status blocks. [`check`] runs
//! them all and applies the configured levels. The words they speak (rule codes, levels,
//! findings, diagnostics, the report) live below, in `crate::diagnostic`.

mod class_rules;
pub(crate) mod cross;
pub(crate) mod evidence;
mod git_rules;
mod owner_rules;
#[cfg(test)]
mod properties;
pub(crate) mod record_rules;
mod status_block;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Finding, Report};
use crate::record::ParsedFile;
use crate::store::{Index, Repository};
use chrono::NaiveDate;
use std::path::Path;

/// Runs every rule over loaded records and applies the config's levels (tests and the
/// fuzzing target, which build their record sets in memory; `check` loads and checks in
/// one go with [`load_and_check`]).
#[cfg(any(test, fuzzing))]
pub(crate) fn check(repo: &Repository, config: &Config, today: NaiveDate) -> Report {
    use rayon::prelude::*;
    let found = repo.files.par_iter().map(|file| per_file(file, config, today)).collect();
    check_with(repo, config, today, found)
}

/// Loads the records under `root` and runs every rule: [`check`], with the per-record
/// rules run by the worker that read each file, while the file is in its cache, rather
/// than in a second pass over every record.
pub(crate) fn load_and_check(root: &Path, config: &Config, today: NaiveDate) -> (Repository, Report) {
    let (repo, found) = Repository::load_visiting(root, config, |file, _| per_file(file, config, today));
    let report = check_with(&repo, config, today, found);
    (repo, report)
}

/// The cross-record rules over `repo`, and the report of every finding: `found` holds
/// each file's own findings and those of its per-record rules, in file order.
fn check_with(repo: &Repository, config: &Config, today: NaiveDate, found: Vec<FileFindings>) -> Report {
    // The index is built while the per-file findings are gathered and the commits
    // looked up (the one pass that needs no index); then the passes that read the index
    // run side by side: on two cores, a pass that runs alone leaves one idle.
    let ((cross_found, block_found), (mut findings, git_found)) = rayon::join(
        || {
            let index = Index::build(repo);
            rayon::join(
                || collected(|out| cross::check(repo, &index, config, today, out)),
                || collected(|out| status_block::check(repo, &index, out)),
            )
        },
        || {
            let mut commits = Vec::new();
            let findings: Vec<Finding> = found
                .into_iter()
                .flat_map(|file| {
                    commits.extend(file.commit);
                    file.findings
                })
                .collect();
            (findings, collected(|out| git_rules::check(&repo.root, config, &commits, out)))
        },
    );
    findings.extend(cross_found);
    findings.extend(block_found);
    findings.extend(git_found);
    let mut diagnostics: Vec<Diagnostic> =
        findings.into_iter().filter_map(|finding| apply_level(finding, config)).collect();
    diagnostics.sort_by(|a, b| {
        (a.file.as_str(), a.line, a.code, a.message.as_str()).cmp(&(
            b.file.as_str(),
            b.line,
            b.code,
            b.message.as_str(),
        ))
    });
    Report { diagnostics, files: repo.files.len() }
}

/// What the per-file pass finds in one file.
struct FileFindings {
    /// Its own (parse) findings, then those of every per-record rule.
    findings: Vec<Finding>,
    /// The commit its item's `change` names, for `unknown-change` to look up.
    /// Boxed: few files have one, and every file's findings are held until the end.
    commit: Option<Box<git_rules::CommitChange>>,
}

/// The per-file pass over one file.
fn per_file(file: &ParsedFile, config: &Config, today: NaiveDate) -> FileFindings {
    let mut found = file.findings.clone();
    if let Some(record) = &file.record {
        record_rules::check_record(file, record, config, today, &mut found);
        owner_rules::check(file, record, config, &mut found);
        class_rules::check(file, record, config, &mut found);
    }
    FileFindings { findings: found, commit: git_rules::commit_change(file, config) }
}

/// The findings a pass pushes, in a vector of their own.
fn collected(pass: impl FnOnce(&mut Vec<Finding>)) -> Vec<Finding> {
    let mut out = Vec::new();
    pass(&mut out);
    out
}

/// Turns a finding into a diagnostic at its configured level, or drops it when the
/// rule is off. A finding capped at warning never becomes an error.
pub(crate) fn apply_level(finding: Finding, config: &Config) -> Option<Diagnostic> {
    let mut severity = config.level(finding.rule).severity()?;
    if let Some(cap) = finding.cap {
        severity = severity.max(cap);
    }
    Some(Diagnostic {
        code: finding.rule,
        severity,
        file: finding.file,
        line: finding.line,
        id: finding.id,
        message: finding.message,
    })
}
