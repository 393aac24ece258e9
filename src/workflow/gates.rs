//! Whether a gate may close. Gate 1 needs a reproducible signal, the intervention, a
//! rollback plan and verification in production metrics, each an answer rather than a
//! non-answer (SPEC §2 "Evidence, not words"); gate 2 needs every failure mode covered by an
//! item and every item validated or dropped — the same facts the `uncovered-failure-mode`
//! and `open-remediation` rules read ([`crate::rules::cross`]).

use crate::config::Config;
use crate::record::evidence::{self, Observed};
use crate::record::{Field, Incident, ItemStatus};
use crate::rules::cross;
use crate::store::{Index, Repository};

/// The gate-1 fields `stabilize` and `amend` require: key under `stabilization`, flag,
/// what to write.
pub(crate) const GATE_ONE: [(&str, &str, &str); 4] = [
    ("signal", "--signal", "the reproducible signal that shows the symptom"),
    ("intervention", "--intervention", "the smallest safe change that restored service"),
    ("rollback", "--rollback", "how the intervention is undone if it misbehaves"),
    ("verification", "--verification", "the production metrics that confirmed restoration"),
];

/// The field of `incident.stabilization` named `key` (one of [`GATE_ONE`] or the
/// optional `intervention`/`uncertainty`).
pub(crate) fn stabilization_field<'i>(incident: &'i Incident, key: &str) -> Option<&'i Field<String>> {
    let gate = &incident.stabilization;
    match key {
        "signal" => Some(&gate.signal),
        "rollback" => Some(&gate.rollback),
        "verification" => Some(&gate.verification),
        "intervention" => Some(&gate.intervention),
        "uncertainty" => Some(&gate.uncertainty),
        _ => None,
    }
}

/// The phrases the repository adds to the built-in non-answers (config `non_evidence`).
/// Every writing command reads them through here, so adding the config key is a
/// change to this one function.
pub(crate) fn non_evidence(config: &Config) -> &[String] {
    &config.non_evidence
}

/// Why the gate-1 texts in `values` (`(key, text)`, key under `stabilization`) are not
/// evidence, in the rules' words (`weak-evidence`, `local-verification`): one sentence
/// per field that holds a non-answer, and one for a verification that names only
/// pre-production checks. Empty when every text is an answer.
pub(crate) fn gate_one_problems(values: &[(&str, &str)], config: &Config) -> Vec<String> {
    let extra = non_evidence(config);
    let mut problems = Vec::new();
    for (key, text) in values {
        if !GATE_ONE.iter().any(|(gate_key, _, _)| gate_key == key) {
            continue;
        }
        if evidence::is_non_answer(text, extra) {
            problems.push(evidence::non_answer_message(&format!("stabilization.{key}"), text));
        } else if *key == "verification" && evidence::classify_verification(text) == Observed::PreProductionOnly {
            problems.push(evidence::local_verification_message(text));
        }
    }
    problems
}

/// The gate-1 keys (`stabilization.…`) missing from a stabilized incident.
pub(crate) fn gate_one_missing(incident: &Incident) -> Vec<&'static str> {
    let mut missing: Vec<&'static str> = GATE_ONE
        .iter()
        .filter(|(key, _, _)| stabilization_field(incident, key).is_none_or(Field::is_missing))
        .map(|(key, _, _)| *key)
        .collect();
    if incident.stabilization.stabilized_at.is_missing() {
        missing.push("stabilized_at");
    }
    missing
}

/// Why gate 2 cannot close: one sentence per uncovered failure mode and per item that is
/// neither validated nor dropped, each saying what to run. Empty when it can close.
pub(crate) fn close_blockers(repo: &Repository, incident: &Incident) -> Vec<String> {
    let Some(id) = incident.id.get() else { return Vec::new() };
    let index = Index::build(repo);
    let items = index.linked(id);
    let mut blockers = Vec::new();
    if incident.failure_modes().is_empty() {
        blockers.push(format!(
            "{id} lists no failure modes: name each breakage (`incidents remediate {id} --add-failure-mode --failure-mode \"…\" …` adds one with its item)"
        ));
    }
    for mode in cross::uncovered(incident, items) {
        blockers.push(format!(
            "failure mode \"{}\" has no remediation item: `incidents remediate {id} --failure-mode \"{}\" --owner … --due … --validation …`",
            mode.value, mode.value
        ));
    }
    for (file, item, status) in cross::unfinished(items) {
        let item_id = item.id.value.as_deref().unwrap_or("an item");
        let next = match status {
            ItemStatus::Diagnosing => {
                format!("`incidents plan {item_id} --validation …` once you can name what would prove the fix")
            }
            ItemStatus::Shipped => format!("`incidents validate {item_id} --evidence …` once its validation passed"),
            _ => format!("`incidents ship {item_id} --change <sha|PR URL>` once the fix is out, then validate it"),
        };
        blockers.push(format!(
            "{item_id} ({}) is {}: {next}, or `incidents drop {item_id} --reason … --approved-by …`",
            repo.files[file].path,
            status.as_str()
        ));
    }
    blockers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::record::Record;

    #[test]
    fn names_every_uncovered_mode_and_open_item() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("incidents");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("a.md"),
            "---\nkind: incident\nid: INC-1\nstatus: stabilized\nfailure_modes: [cache race, Retry Storm, queue overflow]\nstabilization:\n  signal: s\n---\n",
        )
        .unwrap();
        let item = |id: &str, mode: &str, status: &str| {
            format!("---\nkind: remediation\nid: {id}\nincident: INC-1\nfailure_mode: {mode}\nstatus: {status}\n---\n")
        };
        std::fs::write(dir.join("r1.md"), item("INC-1-R1", "cache race", "shipped")).unwrap();
        std::fs::write(dir.join("r2.md"), item("INC-1-R2", "retry  storm", "dropped")).unwrap();
        let repo = Repository::load(temp.path(), &Config::default());
        let Some(Record::Incident(incident)) = &repo.files_with_id("INC-1")[0].record else { panic!("no incident") };
        let blockers = close_blockers(&repo, incident);
        assert_eq!(blockers.len(), 2, "{blockers:?}");
        assert!(blockers[0].contains("\"queue overflow\" has no remediation item"));
        assert!(blockers[1].starts_with("INC-1-R1 (incidents/r1.md) is shipped"));
        assert_eq!(gate_one_missing(incident), ["intervention", "rollback", "verification", "stabilized_at"]);
    }

    #[test]
    fn gate_one_problems_name_non_answers_and_local_verification() {
        let config = Config::default();
        let problems = gate_one_problems(
            &[
                ("signal", "5xx above 2% on checkout-api"),
                ("intervention", "none: recovered when the provider recovered"),
                ("rollback", "n/a"),
                ("verification", "unit tests pass locally"),
                ("uncertainty", "?"),
            ],
            &config,
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("`stabilization.rollback` holds a non-answer (\"n/a\")"));
        assert!(problems[1].starts_with("`stabilization.verification` names only pre-production checks"));
        assert!(gate_one_problems(&[("verification", "5xx under 0.1% in production")], &config).is_empty());
    }
}
