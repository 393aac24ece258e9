//! "Evidence, not words" at the moment of writing: the values a command is about to
//! write into an evidence field (SPEC §2) — a validation, a change, evidence, a reason,
//! an approver — are refused when they are non-answers (`ok`, `n/a`, `see ticket`, …),
//! in the words of the `weak-evidence` rule ([`evidence::non_answer_message`]), so a
//! command never writes what `check` would then report. The classifier is
//! [`crate::record::evidence`]; the config's extra phrases come through
//! [`super::gates::non_evidence`], the one place every writing command reads them.

use super::gates::non_evidence;
use crate::config::Config;
use crate::error::{Refusal, Result};
use crate::interact::Needs;
use crate::record::evidence;

/// Collects the non-answers among the values of one command, so the refusal names all
/// of them at once (with the values still missing, when there are [`Needs`]).
#[derive(Debug)]
pub(crate) struct Answers<'c> {
    config: &'c Config,
    problems: Vec<String>,
}

impl<'c> Answers<'c> {
    pub(crate) fn new(config: &'c Config) -> Self {
        Answers { config, problems: Vec::new() }
    }

    /// Notes `text`, given or written as the item's `key`, when it is a non-answer.
    pub(crate) fn check(&mut self, key: &str, text: &str) {
        if evidence::is_non_answer(text, non_evidence(self.config)) {
            self.problems.push(evidence::non_answer_message(key, &crate::text::one_line(text)));
        }
    }

    /// `Ok` when nothing is missing and every value is an answer; else one refusal,
    /// `{what}:` and a line for each missing value and each non-answer.
    pub(crate) fn finish(self, needs: Needs, what: &str) -> Result<()> {
        needs.finish_with(what, &self.problems)
    }

    /// Like [`Answers::finish`] with nothing asked for.
    pub(crate) fn finish_alone(self, what: &str) -> Result<()> {
        if self.problems.is_empty() {
            return Ok(());
        }
        Err(Refusal::Unanswered { what: what.to_string(), missing: Vec::new(), problems: self.problems }.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    #[test]
    fn names_every_non_answer_in_the_words_of_weak_evidence() {
        let config = Config::default();
        let mut answers = Answers::new(&config);
        answers.check("reason", "N/A");
        answers.check("approved_by", "dana");
        answers.check("evidence", " ok ");
        let Err(Error::Refused(refusal)) = answers.finish_alone("cannot drop INC-1-R1") else { panic!("accepted") };
        assert_eq!(
            refusal.to_string(),
            "cannot drop INC-1-R1:\n  - `reason` holds a non-answer (\"N/A\"): write why the item will not be done\n  - `evidence` holds a non-answer (\"ok\"): write where the validation signal passed (a CI run, a test run at a commit, a dashboard)\nnothing was written"
        );
        let mut fine = Answers::new(&config);
        fine.check("evidence", "none: see CI run 4812");
        assert!(fine.finish_alone("x").is_ok());
    }
}
