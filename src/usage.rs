//! Bad command-line values (exit status 2): each variant carries what was given, what
//! would be accepted and the closest guess, and [`UsageError`]'s `Display` is the one
//! place they are put into words.
//!
//! There is no free-form variant: a new message is a new variant, with its words here
//! and a row in the table test below.
//!
//! Like [`crate::refusal`], this module imports nothing of the crate.

use std::fmt;

/// A value on the command line that cannot be used, and what to write instead.
#[derive(Debug)]
pub(crate) enum UsageError {
    /// `id` names an item (in `path`), where an incident is wanted; `parent` is the
    /// incident to name instead (an example when the id has none).
    NotAnIncident { id: String, path: String, parent: String },
    /// `id` names an incident (in `path`), where a remediation item is wanted.
    NotAnItem { id: String, path: String },
    /// `status` was given item `id`, of incident `incident`.
    StatusOfItem { id: String, incident: String },
    /// `--due {written}` names a sprint, and the config has no sprint cadence.
    DueNeedsSprint { written: String },
    /// `--due {written}` counts back from today; `span` is the same span forward.
    DueInPast { written: String, span: String },
    /// `--due {written}` is no due date.
    NotADue { written: String },
    /// `--due {written}` ends after 9999-12-31.
    DueTooFar { written: String },
    /// `man {name}`: no such command; `hint` is the closest, `names` all of them.
    UnknownCommand { name: String, hint: Option<String>, names: Vec<String> },
    /// `explain {code}`: no such rule; `hint` is the closest code.
    UnknownRule { code: String, hint: Option<String> },
    /// `explain` without a rule code or `--list`.
    NoRuleNamed,
    /// `amend {id}` with no field to rewrite.
    NothingToAmend { id: String },
    /// `--status {given}` is no status; `hint` is the closest of `allowed`.
    BadStatus { given: String, hint: Option<String>, allowed: Vec<String> },
    /// `--severity {given}` is not configured; `allowed` are the configured ones.
    BadSeverity { given: String, allowed: Vec<String> },
    /// Item-only `flags` (`--overdue`, `--owner`) with `--kind incident`.
    ItemFlagsWithIncidentKind { flags: Vec<String> },
    /// Item-only `flags` with only incident statuses.
    ItemFlagsWithIncidentStatuses { flags: Vec<String> },
    /// Only item statuses with `--kind incident`.
    ItemStatusesWithIncidentKind,
    /// Only incident statuses with `--kind remediation`.
    IncidentStatusesWithItemKind,
    /// `--overdue` with only final statuses.
    OverdueOnlyFinal,
    /// `--since` after `--until`.
    PeriodReversed { since: String, until: String },
    /// `--within {written}` is not a span of days or weeks.
    WithinNotASpan { written: String },
    /// `new --severity {given}` is not configured; `hint` is the closest of `allowed`.
    UnconfiguredSeverity { given: String, hint: Option<String>, allowed: Vec<String> },
    /// `{flag} {class}` is not in the configured `classes` vocabulary (`known`, in
    /// order); `hint` is the closest.
    UnknownClass { flag: String, class: String, hint: Option<String>, known: Vec<String> },
    /// `check {typed}`: nothing exists at the path typed.
    NoSuchPath { typed: String },
    /// `check {typed}`: the path lies outside the root `root`.
    OutsideRoot { typed: String, root: String },
    /// `import`: `file` is not CSV with a header row; `reason` is the CSV reader's.
    NotCsv { file: String, reason: String },
    /// `import`: `file` has no column `wanted`, named by `--{option}`; `columns` are its
    /// headers as written.
    NoSuchColumn { file: String, wanted: String, option: String, columns: Vec<String> },
    /// `import`: `file` has no column under any usual name, the first of which is
    /// `usual`, and `--{option}` did not name one; `columns` are its headers.
    ColumnNotFound { file: String, usual: String, option: String, columns: Vec<String> },
    /// `--owner {given}` names none of the configured owners, which come from `source`;
    /// `hint` is the closest configured name.
    UnknownOwner { given: String, hint: Option<String>, source: String },
}

/// `` `--overdue` selects`` or `` `--overdue` and `--owner` select``.
fn flags_select(flags: &[String]) -> String {
    let quoted: Vec<String> = flags.iter().map(|flag| format!("`{flag}`")).collect();
    let verb = if flags.len() == 1 { "selects" } else { "select" };
    format!("{} {verb}", quoted.join(" and "))
}

/// ` (did you mean `x`?)` when there is a guess.
fn did_you_mean(hint: &Option<String>) -> String {
    hint.as_ref().map(|hint| format!(" (did you mean `{hint}`?)")).unwrap_or_default()
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UsageError::NotAnIncident { id, path, parent } => write!(
                f,
                "`{id}` is a remediation item ({path}), not an incident: name the incident, e.g. `{parent}`"
            ),
            UsageError::NotAnItem { id, path } => write!(
                f,
                "`{id}` is an incident ({path}), not a remediation item: name an item, e.g. `{id}-R1`"
            ),
            UsageError::StatusOfItem { id, incident } => write!(
                f,
                "`{id}` is a remediation item of {incident}: status shows incidents; run `incidents status {incident}`"
            ),
            UsageError::DueNeedsSprint { written } => write!(
                f,
                "`--due {written}` needs a sprint cadence: add `sprint: {{start: YYYY-MM-DD, length: 14d}}` to .incidents.yml, or pass a date (YYYY-MM-DD) or a span like `2w`"
            ),
            UsageError::DueInPast { written, span } => write!(
                f,
                "`--due {written}` counts back from today: a due date lies ahead; write a span like `{span}` (from today) or a date (YYYY-MM-DD)"
            ),
            UsageError::NotADue { written } => write!(
                f,
                "`--due {written}` is not a due date: write YYYY-MM-DD, a span from today like `10d` or `2w`, `this-sprint` or `next-sprint`"
            ),
            UsageError::DueTooFar { written } => write!(
                f,
                "`--due {written}` is too far away to be a date (after 9999-12-31): write a nearer date or a shorter span"
            ),
            UsageError::UnknownCommand { name, hint, names } => {
                write!(f, "no command `{name}`{}: write one of {}", did_you_mean(hint), names.join(", "))
            }
            UsageError::UnknownRule { code, hint } => {
                write!(f, "no rule `{code}`{}: `incidents explain --list` lists every rule", did_you_mean(hint))
            }
            UsageError::NoRuleNamed => f.write_str("name a rule, e.g. `incidents explain overdue`, or pass --list"),
            UsageError::NothingToAmend { id } => write!(
                f,
                "nothing to amend: pass the fields to rewrite, e.g. `incidents amend {id} --verification \"…\"` (--signal, --intervention, --rollback, --verification, --uncertainty)"
            ),
            UsageError::BadStatus { given, hint, allowed } => write!(
                f,
                "`--status {given}` is not a status{}: use one of {}",
                did_you_mean(hint),
                allowed.join(", ")
            ),
            UsageError::BadSeverity { given, allowed } => write!(
                f,
                "`--severity {given}` is not a configured severity: use one of {}",
                allowed.join(", ")
            ),
            UsageError::ItemFlagsWithIncidentKind { flags } => write!(
                f,
                "{} remediation items, so `--kind incident` would list nothing: drop one of them",
                flags_select(flags)
            ),
            UsageError::ItemFlagsWithIncidentStatuses { flags } => write!(
                f,
                "{} remediation items, but every `--status` given is an incident status: add an item status or drop one of them",
                flags_select(flags)
            ),
            UsageError::ItemStatusesWithIncidentKind => f.write_str(
                "every `--status` given is a remediation-item status, so `--kind incident` would list nothing: give an incident status (active, stabilized, closed) or drop `--kind`",
            ),
            UsageError::IncidentStatusesWithItemKind => f.write_str(
                "every `--status` given is an incident status, so `--kind remediation` would list nothing: give an item status (open, in-progress, shipped, validated, dropped) or drop `--kind`",
            ),
            UsageError::OverdueOnlyFinal => f.write_str(
                "validated and dropped items are never overdue, so `--overdue` with only those statuses would list nothing: add open, in-progress or shipped, or drop `--overdue`",
            ),
            UsageError::PeriodReversed { since, until } => write!(
                f,
                "`--since {since}` is after `--until {until}`: the period must start before it ends"
            ),
            UsageError::WithinNotASpan { written } => {
                write!(f, "`--within {written}` is not a span: write it as Nd or Nw, e.g. 14d or 2w")
            }
            UsageError::UnconfiguredSeverity { given, hint, allowed } => write!(
                f,
                "`--severity {given}` is not a configured severity{}: write one of {}",
                did_you_mean(hint),
                allowed.join(", ")
            ),
            UsageError::UnknownClass { flag, class, hint, known } => write!(
                f,
                "`{flag} {class}` is not in the `classes` vocabulary of .incidents.yml{}: use one of {}, or add it there with a one-line description",
                did_you_mean(hint),
                known.join(", ")
            ),
            UsageError::NoSuchPath { typed } => write!(
                f,
                "`{typed}` does not exist: name a record file or folder, relative to the working directory"
            ),
            UsageError::OutsideRoot { typed, root } => write!(
                f,
                "`{typed}` is outside the root `{root}`: name a file under it, or point --root at the repository that holds it"
            ),
            UsageError::NotCsv { file, reason } => write!(f, "{file}: not a CSV file with a header row: {reason}"),
            UsageError::NoSuchColumn { file, wanted, option, columns } => {
                write!(f, "{file} has no column `{wanted}` (--{option}); its columns: {}", columns.join(", "))
            }
            UsageError::ColumnNotFound { file, usual, option, columns } => write!(
                f,
                "{file} has no {usual} column: name it with --{option} (its columns: {})",
                columns.join(", ")
            ),
            UsageError::UnknownOwner { given, hint, source } => write!(
                f,
                "`--owner {given}` is not a configured owner{}: write an owner as {source} spells it (case and a leading `@` do not matter)",
                did_you_mean(hint)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::UsageError::{self, *};

    fn s(text: &str) -> String {
        text.to_string()
    }

    /// Each variant, and the exact words it renders.
    #[test]
    fn every_variant_renders_its_words() {
        let cases: Vec<(UsageError, &str)> = vec![
            (
                NotAnIncident { id: s("INC-7-R1"), path: s("incidents/a.md"), parent: s("INC-7") },
                "`INC-7-R1` is a remediation item (incidents/a.md), not an incident: name the incident, e.g. `INC-7`",
            ),
            (
                NotAnItem { id: s("INC-7"), path: s("incidents/a.md") },
                "`INC-7` is an incident (incidents/a.md), not a remediation item: name an item, e.g. `INC-7-R1`",
            ),
            (
                StatusOfItem { id: s("INC-7-R1"), incident: s("INC-7") },
                "`INC-7-R1` is a remediation item of INC-7: status shows incidents; run `incidents status INC-7`",
            ),
            (
                DueNeedsSprint { written: s("this-sprint") },
                "`--due this-sprint` needs a sprint cadence: add `sprint: {start: YYYY-MM-DD, length: 14d}` to .incidents.yml, or pass a date (YYYY-MM-DD) or a span like `2w`",
            ),
            (
                DueInPast { written: s("-5d"), span: s("5d") },
                "`--due -5d` counts back from today: a due date lies ahead; write a span like `5d` (from today) or a date (YYYY-MM-DD)",
            ),
            (
                NotADue { written: s("soon") },
                "`--due soon` is not a due date: write YYYY-MM-DD, a span from today like `10d` or `2w`, `this-sprint` or `next-sprint`",
            ),
            (
                DueTooFar { written: s("9999999d") },
                "`--due 9999999d` is too far away to be a date (after 9999-12-31): write a nearer date or a shorter span",
            ),
            (
                UnknownCommand { name: s("chek"), hint: Some(s("check")), names: vec![s("check"), s("list")] },
                "no command `chek` (did you mean `check`?): write one of check, list",
            ),
            (
                UnknownCommand { name: s("zz"), hint: None, names: vec![s("check")] },
                "no command `zz`: write one of check",
            ),
            (
                UnknownRule { code: s("IA999"), hint: Some(s("IA099")) },
                "no rule `IA999` (did you mean `IA099`?): `incidents explain --list` lists every rule",
            ),
            (NoRuleNamed, "name a rule, e.g. `incidents explain overdue`, or pass --list"),
            (
                NothingToAmend { id: s("INC-2") },
                "nothing to amend: pass the fields to rewrite, e.g. `incidents amend INC-2 --verification \"…\"` (--signal, --intervention, --rollback, --verification, --uncertainty)",
            ),
            (
                BadStatus { given: s("opn"), hint: Some(s("open")), allowed: vec![s("active"), s("open")] },
                "`--status opn` is not a status (did you mean `open`?): use one of active, open",
            ),
            (
                BadSeverity { given: s("SEV9"), allowed: vec![s("SEV1"), s("SEV2")] },
                "`--severity SEV9` is not a configured severity: use one of SEV1, SEV2",
            ),
            (
                ItemFlagsWithIncidentKind { flags: vec![s("--overdue")] },
                "`--overdue` selects remediation items, so `--kind incident` would list nothing: drop one of them",
            ),
            (
                ItemFlagsWithIncidentStatuses { flags: vec![s("--overdue"), s("--owner")] },
                "`--overdue` and `--owner` select remediation items, but every `--status` given is an incident status: add an item status or drop one of them",
            ),
            (
                ItemStatusesWithIncidentKind,
                "every `--status` given is a remediation-item status, so `--kind incident` would list nothing: give an incident status (active, stabilized, closed) or drop `--kind`",
            ),
            (
                IncidentStatusesWithItemKind,
                "every `--status` given is an incident status, so `--kind remediation` would list nothing: give an item status (open, in-progress, shipped, validated, dropped) or drop `--kind`",
            ),
            (
                OverdueOnlyFinal,
                "validated and dropped items are never overdue, so `--overdue` with only those statuses would list nothing: add open, in-progress or shipped, or drop `--overdue`",
            ),
            (
                PeriodReversed { since: s("2026-02-01"), until: s("2026-01-01") },
                "`--since 2026-02-01` is after `--until 2026-01-01`: the period must start before it ends",
            ),
            (WithinNotASpan { written: s("soon") }, "`--within soon` is not a span: write it as Nd or Nw, e.g. 14d or 2w"),
            (
                UnconfiguredSeverity { given: s("sev2"), hint: Some(s("SEV2")), allowed: vec![s("SEV1"), s("SEV2")] },
                "`--severity sev2` is not a configured severity (did you mean `SEV2`?): write one of SEV1, SEV2",
            ),
            (
                UnconfiguredSeverity { given: s("zzz"), hint: None, allowed: vec![s("SEV1")] },
                "`--severity zzz` is not a configured severity: write one of SEV1",
            ),
            (
                UnknownClass {
                    flag: s("--class"),
                    class: s("state-mismatc"),
                    hint: Some(s("state-mismatch")),
                    known: vec![s("state-mismatch"), s("disk-capacity")],
                },
                "`--class state-mismatc` is not in the `classes` vocabulary of .incidents.yml (did you mean `state-mismatch`?): use one of state-mismatch, disk-capacity, or add it there with a one-line description",
            ),
            (
                UnknownClass { flag: s("--class"), class: s("zz"), hint: None, known: vec![s("disk-capacity")] },
                "`--class zz` is not in the `classes` vocabulary of .incidents.yml: use one of disk-capacity, or add it there with a one-line description",
            ),
            (
                NoSuchPath { typed: s("incidents/typo.md") },
                "`incidents/typo.md` does not exist: name a record file or folder, relative to the working directory",
            ),
            (
                OutsideRoot { typed: s("/etc/passwd"), root: s("/r") },
                "`/etc/passwd` is outside the root `/r`: name a file under it, or point --root at the repository that holds it",
            ),
            (
                NotCsv { file: s("a.csv"), reason: s("invalid utf-8") },
                "a.csv: not a CSV file with a header row: invalid utf-8",
            ),
            (
                NoSuchColumn { file: s("a.csv"), wanted: s("assignee"), option: s("owner-column"), columns: vec![s("Title"), s("Owner")] },
                "a.csv has no column `assignee` (--owner-column); its columns: Title, Owner",
            ),
            (
                ColumnNotFound { file: s("a.csv"), usual: s("incident"), option: s("incident-column"), columns: vec![s("Title")] },
                "a.csv has no incident column: name it with --incident-column (its columns: Title)",
            ),
            (
                UnknownOwner { given: s("team-checkout"), hint: Some(s("@acme/team-checkout")), source: s(".github/CODEOWNERS") },
                "`--owner team-checkout` is not a configured owner (did you mean `@acme/team-checkout`?): write an owner as .github/CODEOWNERS spells it (case and a leading `@` do not matter)",
            ),
        ];
        for (error, words) in cases {
            assert_eq!(error.to_string(), words, "{error:?}");
        }
    }
}
