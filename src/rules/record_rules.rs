//! Rules that need only one record: required keys, gate-1 evidence, item fields, vague
//! text, evidence (with [`super::evidence`]: non-answers, local verification), overdue
//! items, date order and required body sections.

use crate::config::Config;
use crate::diagnostic::{Finding, Rule};
use crate::record::{Field, Incident, IncidentStatus, ItemStatus, ParsedFile, Record, Remediation};
use chrono::NaiveDate;

/// Collects one file's findings into `out`.
pub(crate) fn check_record(
    file: &ParsedFile,
    record: &Record,
    config: &Config,
    today: NaiveDate,
    out: &mut Vec<Finding>,
) {
    let mut emit = Emitter { file: &file.path, id: record.id(), out };
    match record {
        Record::Incident(incident) => check_incident(incident, config, &mut emit),
        Record::Remediation(item) => check_item(item, config, today, &mut emit),
    }
    check_sections(file, record, config, &mut emit);
}

/// Where one record's findings go, with the record's file and id.
pub(super) struct Emitter<'a> {
    file: &'a str,
    id: Option<&'a str>,
    out: &'a mut Vec<Finding>,
}

impl Emitter<'_> {
    pub(super) fn emit(&mut self, rule: Rule, line: usize, message: String) {
        self.out.push(Finding::new(rule, self.file, line, self.id, message));
    }

    /// `missing-field` for a required key that is absent or blank.
    fn require<T>(&mut self, field: &Field<T>, key: &str, what: &str) {
        if field.is_missing() {
            self.emit(
                Rule::MissingField,
                field.line(),
                format!("{} has no `{key}`: add `{key}:` — {what}", self.name()),
            );
        }
    }

    fn name(&self) -> String {
        match self.id {
            Some(id) => id.to_string(),
            None => "this record".to_string(),
        }
    }
}

fn check_incident(incident: &Incident, config: &Config, emit: &mut Emitter<'_>) {
    emit.require(
        &incident.id,
        "id",
        &format!("a unique id such as `{}-42` (`incidents new` allocates one)", config.id_prefix),
    );
    emit.require(&incident.title, "title", "one line saying what users saw");
    emit.require(&incident.severity, "severity", &format!("one of {}", config.severities.join(", ")));
    emit.require(&incident.status, "status", "`active`, `stabilized` or `closed`");
    emit.require(&incident.opened, "opened", "when the incident began, `YYYY-MM-DD` or RFC 3339");
    for mode in incident.failure_modes() {
        if config.is_vague(&mode.value) {
            emit.emit(Rule::VagueText, mode.line, format!(
                "failure mode \"{}\" is only a vague phrase: name the breakage in a plain sentence (what broke, where, under which conditions), e.g. \"cache invalidation race after partial deploy\"",
                mode.value
            ));
        }
    }
    super::evidence::check_incident(incident, config, emit);
    let Some(status) = incident.status.value else { return };
    if !status.past_gate_one() {
        return;
    }
    let name = emit.name();
    let word = status.as_str();
    let gate = &incident.stabilization;
    if gate.signal.is_missing() {
        emit.emit(Rule::MissingSignal, gate.signal.line(), format!(
            "{name} is {word} but has no reproducible signal: add `stabilization.signal:` — the metric, query or request that shows the symptom and can be re-run"
        ));
    }
    if gate.intervention.is_missing() {
        emit.emit(Rule::MissingIntervention, gate.intervention.line(), format!(
            "{name} is {word} but does not say what restored service: add `stabilization.intervention:` — the smallest safe change that was made (when nothing was changed, say why: `none: recovered when the provider recovered`)"
        ));
    }
    if gate.rollback.is_missing() {
        emit.emit(Rule::MissingRollback, gate.rollback.line(), format!(
            "{name} is {word} but has no rollback plan: add `stabilization.rollback:` — how the intervention is undone if it misbehaves"
        ));
    }
    if gate.verification.is_missing() {
        emit.emit(Rule::MissingVerification, gate.verification.line(), format!(
            "{name} is {word} but has no verification: add `stabilization.verification:` — the production metrics that confirmed service was restored"
        ));
    }
    emit.require(
        &gate.stabilized_at,
        "stabilization.stabilized_at",
        "when gate 1 closed (`incidents stabilize` stamps it)",
    );
    if let (Some(opened), Some(stabilized)) = (incident.opened.get(), gate.stabilized_at.get()) {
        if stabilized.is_before(opened) {
            emit.emit(Rule::InvalidValue, gate.stabilized_at.line(), format!(
                "`stabilization.stabilized_at` ({stabilized}) is before `opened` ({opened}): stabilization cannot precede the incident; fix one of the two"
            ));
        }
    }
    if status == IncidentStatus::Closed {
        emit.require(&incident.closed_at, "closed_at", "when gate 2 closed (`incidents close` stamps it)");
    }
    if let (Some(stabilized), Some(closed)) = (gate.stabilized_at.get(), incident.closed_at.get()) {
        if closed.is_before(stabilized) {
            emit.emit(Rule::InvalidValue, incident.closed_at.line(), format!(
                "`closed_at` ({closed}) is before `stabilization.stabilized_at` ({stabilized}): gate 2 cannot close before gate 1; fix one of the two"
            ));
        }
    }
}

fn check_item(item: &Remediation, config: &Config, today: NaiveDate, emit: &mut Emitter<'_>) {
    emit.require(&item.id, "id", "`<INCIDENT-ID>-R<n>`, e.g. `INC-42-R1` (`incidents remediate` allocates one)");
    emit.require(&item.incident, "incident", "the id of the incident this item remediates");
    emit.require(&item.status, "status", "`diagnosing`, `open`, `in-progress`, `shipped`, `validated` or `dropped`");
    let weak_validation = super::evidence::check_item(item, config, emit);
    let name = emit.name();
    if item.failure_mode.is_missing() {
        emit.emit(Rule::MissingFailureMode, item.failure_mode.line(), format!(
            "{name} has no failure mode: add `failure_mode:` — one of the incident's `failure_modes`, the breakage this item prevents"
        ));
    }
    if item.owner.is_missing() {
        emit.emit(
            Rule::MissingOwner,
            item.owner.line(),
            format!("{name} has no owner: add `owner:` — the person or team who will do it"),
        );
    }
    if item.due.is_missing() {
        emit.emit(Rule::MissingDue, item.due.line(), format!(
            "{name} has no due window: add `due:` — a date (`YYYY-MM-DD`) or `{{start: …, end: …}}` within the severity's policy"
        ));
    }
    // A diagnosing item has no validation yet by definition, and a dropped one needs none.
    if item.validation.is_missing() && item.status.value.is_none_or(|status| status.needs_validation()) {
        emit.emit(Rule::MissingValidation, item.validation.line(), format!(
            "{name} has no validation: add `validation:` — what would prove the system changed, e.g. a test that exercises the surface that failed"
        ));
    }
    if let Some(mode) = item.failure_mode.get() {
        if config.is_vague(mode) {
            emit.emit(Rule::VagueText, item.failure_mode.line(), format!(
                "failure mode \"{mode}\" is only a vague phrase: name the breakage in a plain sentence, as the incident's `failure_modes` list it"
            ));
        }
    }
    if let Some(validation) = item.validation.get() {
        if !weak_validation && config.is_vague(validation) {
            emit.emit(Rule::VagueText, item.validation.line(), format!(
                "validation \"{validation}\" is only a vague phrase: describe the test or signal that would fail if the breakage came back"
            ));
        }
    }
    let Some(status) = item.status.value else { return };
    if status == ItemStatus::Validated && item.evidence.is_missing() {
        emit.emit(Rule::MissingEvidence, item.evidence.line(), format!(
            "{name} is validated but has no evidence: add `evidence:` — the CI run, test name or dashboard where the validation signal passed"
        ));
    }
    let command_id = emit.id.unwrap_or("<ID>");
    if status.has_shipped() && item.change.is_missing() {
        emit.emit(Rule::MissingChange, item.change.line(), format!(
            "{name} is {} but names no change: add `change:` — the commit SHA, pull request URL, release tag or ticket key that shipped the fix (`incidents ship {command_id} --change …` writes it as the fix ships)",
            status.as_str()
        ));
    }
    if status == ItemStatus::Dropped {
        emit.require(&item.reason, "reason", "why the item will not be done");
        if item.approved_by.is_missing() {
            emit.emit(Rule::MissingApproval, item.approved_by.line(), format!(
                "{name} is dropped but nobody is named as accepting the risk: add `approved_by:` — the person or group who accepted leaving this failure mode unfixed (`incidents drop {command_id} --reason … --approved-by …` writes both)"
            ));
        }
    }
    if !status.is_done() {
        if let Some(due) = item.due.get() {
            if due.end < today {
                let days = (today - due.end).num_days();
                let next = match status {
                    ItemStatus::Diagnosing => {
                        format!("define its validation (`incidents plan {command_id} --validation …`)")
                    }
                    ItemStatus::Shipped => "run its validation and record the evidence".to_string(),
                    _ => "ship and validate it".to_string(),
                };
                emit.emit(Rule::Overdue, item.due.line(), format!(
                    "{name} is {} and was due {} ({} ago): {next}, move the date with `incidents move-due {command_id} --due … --reason …` (the old date stays in `due_history`), or drop it with `incidents drop {command_id} --reason … --approved-by …`",
                    status.as_str(),
                    due.end,
                    crate::render::plural(days, "day"),
                ));
            }
        }
    }
}

fn check_sections(file: &ParsedFile, record: &Record, config: &Config, emit: &mut Emitter<'_>) {
    let Some(status) = record.status_name() else { return };
    for title in config.sections.required(record.kind(), status) {
        match file.body.section(title) {
            None => emit.emit(
                Rule::MissingSection,
                1,
                format!(
                    "{} is {status} but its body has no `## {title}` section: add the heading and write under it",
                    emit.name()
                ),
            ),
            Some(section) if !section.has_content => emit.emit(
                Rule::MissingSection,
                section.line,
                format!(
                    "the `{title}` section of {} is empty: write under the heading (placeholders do not count)",
                    emit.name()
                ),
            ),
            Some(_) => {}
        }
    }
}
