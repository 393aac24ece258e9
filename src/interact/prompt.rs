//! Values a command needs, from the command line or — only when stdin is a terminal —
//! from a prompt on stderr. Without a terminal nothing is asked: every value still
//! missing is collected so that the refusal names all of them at once.

use crate::error::{Error, Refusal, Result};
use crate::run::{write, Streams};
use crate::text::meaningful;

/// Collects the values of one command.
#[derive(Debug)]
pub(crate) struct Needs {
    interactive: bool,
    /// `(flag, what to write)` of every value still missing.
    missing: Vec<(String, String)>,
}

impl Needs {
    /// `interactive`: whether stdin is a terminal (`ctx.interactive`).
    pub(crate) fn new(interactive: bool) -> Self {
        Needs { interactive, missing: Vec::new() }
    }

    /// The value given on the command line when it is written (not blank, not a
    /// placeholder), else on a terminal the answer to a prompt; `None`, noted as missing
    /// under `flag` with `hint`, when there is neither.
    pub(crate) fn text(
        &mut self,
        streams: &mut Streams<'_>,
        given: Option<&str>,
        flag: &str,
        hint: &str,
    ) -> Result<Option<String>> {
        let value = self.given_or_asked(streams, given, &format!("{} ({hint})", label(flag)))?;
        if value.is_none() {
            self.missing.push((flag.to_string(), hint.to_string()));
        }
        Ok(value)
    }

    /// Like [`Needs::text`] for a value that may stay empty: asked on a terminal (Enter
    /// skips it), never reported missing.
    pub(crate) fn optional(
        &mut self,
        streams: &mut Streams<'_>,
        given: Option<&str>,
        flag: &str,
        hint: &str,
    ) -> Result<Option<String>> {
        self.given_or_asked(streams, given, &format!("{} ({hint}; Enter to skip)", label(flag)))
    }

    /// The value given when it is written (not blank, not a placeholder), else on a
    /// terminal the answer to `prompt`.
    fn given_or_asked(&self, streams: &mut Streams<'_>, given: Option<&str>, prompt: &str) -> Result<Option<String>> {
        if let Some(written) = given.and_then(meaningful) {
            return Ok(Some(written.to_string()));
        }
        if self.interactive {
            return ask(streams, prompt);
        }
        Ok(None)
    }

    /// Notes a value as missing without asking (for checks a command makes itself).
    pub(crate) fn missing(&mut self, flag: &str, hint: &str) {
        self.missing.push((flag.to_string(), hint.to_string()));
    }

    /// `Ok` when nothing is missing; else a refusal naming every missing value:
    /// `{what}: missing --owner (…), --due (…)`.
    pub(crate) fn finish(self, what: &str) -> Result<()> {
        if self.missing.is_empty() {
            return Ok(());
        }
        Err(Refusal::Unanswered { what: what.to_string(), missing: self.missing, problems: Vec::new() }.into())
    }

    /// Like [`Needs::finish`], and also refuses for each of `problems` (texts that are
    /// written but are no answer), listing everything at once, one line each.
    pub(crate) fn finish_with(self, what: &str, problems: &[String]) -> Result<()> {
        if problems.is_empty() {
            return self.finish(what);
        }
        Err(Refusal::Unanswered { what: what.to_string(), missing: self.missing, problems: problems.to_vec() }.into())
    }
}

/// `--failure-mode` → `Failure mode`, `<TITLE>` → `Title`.
fn label(flag: &str) -> String {
    let words = flag.trim_start_matches('-').trim_matches(['<', '>']).to_lowercase().replace('-', " ");
    let mut chars = words.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Writes `question: ` to stderr and reads one line from the input; `None` for an empty
/// answer, a placeholder or the end of input.
pub(crate) fn ask(streams: &mut Streams<'_>, question: &str) -> Result<Option<String>> {
    write(streams.err, &format!("{question}: "))?;
    let mut line = String::new();
    let read = streams.input.read_line(&mut line).map_err(|e| Error::io("<stdin>", e))?;
    if read == 0 {
        write(streams.err, "\n")?;
    }
    Ok(meaningful(&line).map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run<T>(input: &str, body: impl FnOnce(&mut Streams<'_>) -> T) -> (T, String) {
        let mut input = input.as_bytes();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let result = body(&mut Streams { input: &mut input, out: &mut out, err: &mut err });
        (result, String::from_utf8(err).unwrap())
    }

    #[test]
    fn asks_only_on_a_terminal() {
        let (got, prompts) = run("team-db\n", |s| {
            let mut needs = Needs::new(true);
            let owner = needs.text(s, None, "--owner", "who does it").unwrap();
            let kept = needs.text(s, Some("given"), "--due", "when").unwrap();
            (owner, kept, needs.finish("x").is_ok())
        });
        assert_eq!(got, (Some("team-db".to_string()), Some("given".to_string()), true));
        assert_eq!(prompts, "Owner (who does it): ");

        let (refusal, prompts) = run("never read\n", |s| {
            let mut needs = Needs::new(false);
            needs.text(s, None, "--owner", "who does it").unwrap();
            needs.text(s, Some("  "), "--due", "a date").unwrap();
            needs.text(s, Some("<placeholder>"), "--validation", "a test").unwrap();
            needs.finish("cannot create the item").unwrap_err().to_string()
        });
        assert_eq!(prompts, "");
        assert_eq!(
            refusal,
            "cannot create the item: missing --owner (who does it), --due (a date), --validation (a test); nothing was written"
        );
    }

    #[test]
    fn blank_answers_and_end_of_input_stay_missing() {
        let (got, _) = run("  \n", |s| {
            let mut needs = Needs::new(true);
            let first = needs.text(s, None, "--owner", "o").unwrap();
            let second = needs.optional(s, None, "--commander", "c").unwrap();
            (first, second, needs.finish("x").is_err())
        });
        assert_eq!(got, (None, None, true));
    }
}
