//! Evidence, not words (SPEC §2): `weak-evidence` on every evidence field that holds a
//! non-answer, `local-verification` on a gate-1 verification that names only
//! pre-production checks. Run inside the per-record pass ([`super::record_rules`]), so
//! they cost no second pass over the files.
//!
//! The wording lives here and is public so the writing commands that refuse the same
//! texts say exactly what `check` says; the classifiers are `crate::record::evidence`.

use super::record_rules::Emitter;
use crate::config::Config;
use crate::diagnostic::Rule;
use crate::record::evidence::{classify_verification, Observed};

/// Whether `text` is a non-answer, built-in or listed in the config's `non_evidence`.
pub fn is_non_answer(text: &str, config: &Config) -> bool {
    crate::record::evidence::is_non_answer(text, &config.non_evidence)
}
use crate::record::{Field, Incident, Remediation};

/// What an answer in the evidence field `key` looks like (keys as written in the front
/// matter: `stabilization.signal`, …, `validation`, `change`, `evidence`, `reason`).
pub fn what_to_write(key: &str) -> &'static str {
    match key {
        "stabilization.signal" => {
            "the metric, query or request that shows the symptom and can be re-run, e.g. `5xx rate on checkout-api above 2%`"
        }
        "stabilization.intervention" => {
            "the smallest safe change that restored service, e.g. `rolled cart-service back to v41`; when nothing was changed, say why (`none: recovered when the provider recovered`)"
        }
        "stabilization.rollback" => {
            "how the intervention is undone if it misbehaves, e.g. `redeploy v42 with the canary at 10%`"
        }
        "stabilization.verification" => {
            "which production metric returned to which level, for how long, e.g. `5xx under 0.1% for 30 minutes on the production dashboard`"
        }
        "validation" => {
            "what would prove the system changed, on the surface that failed, e.g. `integration test that runs a staggered rollout and asserts cache keys converge`"
        }
        "change" => "the change that shipped the fix: a commit SHA, a pull or merge request URL, a release tag or a ticket key",
        "evidence" => "where the validation signal passed: a CI run, a test run at a commit, a dashboard",
        "reason" => "why the item will not be done, e.g. `the job is retired in Q1; its replacement checks completeness`",
        _ => "what the field asks for, in a sentence someone else can check",
    }
}

/// The `weak-evidence` message for `text` written in `key`.
pub fn weak_evidence_message(key: &str, text: &str) -> String {
    format!("`{key}` says \"{}\", which is not evidence: write {}", crate::text::one_line(text), what_to_write(key))
}

/// The `local-verification` message for a verification that names only pre-production
/// checks.
pub fn local_verification_message(text: &str) -> String {
    format!(
        "`stabilization.verification` (\"{}\") names only pre-production checks (local runs, tests, CI, staging): gate 1 is verified in production — write which production metric, dashboard or alert returned to normal, for how long, e.g. `5xx under 0.1% for 30 minutes on the production dashboard`",
        crate::text::one_line(text)
    )
}

/// Whether `verification` is `local-verification`: it names only pre-production checks
/// (a non-answer is `weak-evidence` instead).
pub fn is_local_verification(verification: &str, config: &Config) -> bool {
    !is_non_answer(verification, config) && classify_verification(verification) == Observed::PreProductionOnly
}

/// `weak-evidence` on `field` when it holds a non-answer; whether it did.
fn weak(field: &Field<String>, key: &str, config: &Config, emit: &mut Emitter<'_>) -> bool {
    let Some(text) = field.get() else { return false };
    if !is_non_answer(text, config) {
        return false;
    }
    emit.emit(Rule::WeakEvidence, field.line, weak_evidence_message(key, text));
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
                emit.emit(Rule::LocalVerification, gate.verification.line, local_verification_message(text));
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
    fn every_evidence_key_has_its_own_advice() {
        let keys = [
            "stabilization.signal",
            "stabilization.intervention",
            "stabilization.rollback",
            "stabilization.verification",
            "validation",
            "change",
            "evidence",
            "reason",
        ];
        let fallback = what_to_write("other");
        for key in keys {
            assert_ne!(what_to_write(key), fallback, "{key}");
        }
        let message = weak_evidence_message("stabilization.rollback", " n/a\n");
        assert!(
            message.starts_with("`stabilization.rollback` says \"n/a\", which is not evidence: write how"),
            "{message}"
        );
    }

    #[test]
    fn local_verification_is_not_also_a_non_answer() {
        let config = Config::default();
        assert!(is_local_verification("unit tests pass locally", &config));
        assert!(!is_local_verification("tested", &config), "a non-answer is weak-evidence");
        assert!(!is_local_verification("5xx under 0.1% on the prod dashboard after CI", &config));
    }
}
