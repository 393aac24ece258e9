//! Evidence, not words (SPEC §2): `weak-evidence` on every evidence field that holds a
//! non-answer, `local-verification` on a gate-1 verification that names only
//! pre-production checks. Run inside the per-record pass ([`super::record_rules`]), so
//! they cost no second pass over the files.
//!
//! The classifiers and the wording live in `crate::record::evidence`, shared with the
//! writing commands that refuse the same texts, so a refusal says exactly what `check`
//! says.

use super::record_rules::Emitter;
use crate::config::Config;
use crate::diagnostic::Rule;
use crate::record::evidence::{classify_verification, local_verification_message, non_answer_message, Observed};
use crate::record::{Field, Incident, Remediation};

/// Whether `text` is a non-answer, built-in or listed in the config's `non_evidence`.
pub(crate) fn is_non_answer(text: &str, config: &Config) -> bool {
    crate::record::evidence::is_non_answer(text, &config.non_evidence)
}

/// Whether `verification` is `local-verification`: it names only pre-production checks
/// (a non-answer is `weak-evidence` instead).
#[cfg(test)]
pub(crate) fn is_local_verification(verification: &str, config: &Config) -> bool {
    !is_non_answer(verification, config) && classify_verification(verification) == Observed::PreProductionOnly
}

/// `weak-evidence` on `field` when it holds a non-answer; whether it did.
fn weak(field: &Field<String>, key: &str, config: &Config, emit: &mut Emitter<'_>) -> bool {
    let Some(text) = field.get() else { return false };
    if !is_non_answer(text, config) {
        return false;
    }
    emit.emit(Rule::WeakEvidence, field.line(), non_answer_message(key, text));
    true
}

/// Gate-1 evidence of an incident, whatever its status: a non-answer written while the
/// incident is active is as empty as one written at stabilization.
pub(super) fn check_incident(incident: &Incident, config: &Config, emit: &mut Emitter<'_>) {
    let gate = &incident.stabilization;
    weak(&gate.signal, "stabilization.signal", config, emit);
    weak(&gate.intervention, "stabilization.intervention", config, emit);
    weak(&gate.rollback, "stabilization.rollback", config, emit);
    if !weak(&gate.verification, "stabilization.verification", config, emit) {
        if let Some(text) = gate.verification.get() {
            if classify_verification(text) == Observed::PreProductionOnly {
                emit.emit(Rule::LocalVerification, gate.verification.line(), local_verification_message(text));
            }
        }
    }
}

/// An item's evidence fields. Returns whether `validation` is a non-answer, so
/// `vague-text` does not report the same value twice.
pub(super) fn check_item(item: &Remediation, config: &Config, emit: &mut Emitter<'_>) -> bool {
    let validation = weak(&item.validation, "validation", config, emit);
    weak(&item.change, "change", config, emit);
    weak(&item.evidence, "evidence", config, emit);
    weak(&item.reason, "reason", config, emit);
    validation
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_verification_is_not_also_a_non_answer() {
        let config = Config::default();
        assert!(is_local_verification("unit tests pass locally", &config));
        assert!(!is_local_verification("tested", &config), "a non-answer is weak-evidence");
        assert!(!is_local_verification("5xx under 0.1% on the prod dashboard after CI", &config));
    }

    #[test]
    fn the_config_adds_non_answers() {
        let mut config = Config::default();
        assert!(is_non_answer("OK.", &config) && !is_non_answer("as discussed", &config));
        config.non_evidence = vec!["as discussed".to_string()];
        assert!(is_non_answer("As discussed!", &config));
    }
}
