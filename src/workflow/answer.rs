//! "Evidence, not words" at the moment of writing: the values a command is about to
//! write into an evidence field (SPEC §2) — a validation, a change, evidence, a reason,
//! an approver — are refused when they are non-answers (`ok`, `n/a`, `see ticket`, …),
//! with the words of the `weak-evidence` rule, so a command never writes what `check`
//! would then report. The classifier itself is [`crate::record::evidence`].

use crate::config::Config;
use crate::error::{Error, Result};
use crate::record::evidence::is_non_answer;

/// The config's extra non-answer phrases (`non_evidence`). The one place that reads
/// them for the writing commands: the config key lands separately, and until it does
/// the built-in phrases are all there is.
fn extra_phrases(_config: &Config) -> &[String] {
    &[]
}

/// Collects the non-answers among the values of one command, so the refusal names all
/// of them at once.
#[derive(Debug)]
pub struct Answers<'c> {
    config: &'c Config,
    refused: Vec<String>,
}

impl<'c> Answers<'c> {
    pub fn new(config: &'c Config) -> Self {
        Answers { config, refused: Vec::new() }
    }

    /// Notes `text`, about to be written as `key` (given as `flag`, or read from the
    /// file when `flag` is empty), when it is a non-answer; `hint` says what to write.
    pub fn check(&mut self, key: &str, flag: &str, text: &str, hint: &str) {
        if !is_non_answer(text, extra_phrases(self.config)) {
            return;
        }
        let source = if flag.is_empty() { format!("`{key}` in the file") } else { flag.to_string() };
        self.refused.push(format!(
            "{source} \"{}\" is a non-answer, not evidence (weak-evidence): write {hint}",
            crate::record::text::one_line(text)
        ));
    }

    /// `Ok` when every value is an answer; else `{what}: …` naming each non-answer.
    pub fn finish(self, what: &str) -> Result<()> {
        if self.refused.is_empty() {
            return Ok(());
        }
        Err(Error::Refused(format!("{what}: {}", self.refused.join("; "))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_every_non_answer_with_what_to_write() {
        let config = Config::default();
        let mut answers = Answers::new(&config);
        answers.check("reason", "--reason", "N/A", "why the item will not be done");
        answers.check("approved_by", "--approved-by", "dana", "who accepted the risk");
        answers.check("evidence", "", " ok ", "where the validation signal passed");
        let Err(Error::Refused(message)) = answers.finish("cannot drop INC-1-R1") else { panic!("accepted") };
        assert_eq!(
            message,
            "cannot drop INC-1-R1: --reason \"N/A\" is a non-answer, not evidence (weak-evidence): write why the item will not be done; `evidence` in the file \"ok\" is a non-answer, not evidence (weak-evidence): write where the validation signal passed"
        );
        let mut fine = Answers::new(&config);
        fine.check("evidence", "--evidence", "none: see CI run 4812", "x");
        assert!(fine.finish("x").is_ok());
    }
}
