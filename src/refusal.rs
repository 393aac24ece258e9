//! Why a command refused to act (exit status 1, nothing written): each variant carries
//! the facts — which id, which file, which field, what to run or write instead — and
//! [`Refusal`]'s `Display` is the one place they are put into words.
//!
//! Every refusal ends by saying, once, that nothing was written: a one-line refusal
//! with `; nothing was written`, a listing refusal with a last line of its own.
//!
//! [`Refusal::Text`] is the one free-form variant: refusals not yet structured, built as
//! text by the modules docs/architecture.md lists under "Errors and refusals".
//!
//! This module sits at the bottom with [`crate::error`]: it imports nothing of the
//! crate, so statuses, stamps and dates arrive as the text the record holds.

use std::fmt;

/// A refused change, with the facts that explain it.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// Item `id` is already in `status` (a move to where it is).
    AlreadyIn { id: String, status: String },
    /// Item `id` is `status`, a final status: to reopen it is a hand edit.
    Final { id: String, status: String },
    /// Item `id` is `status`, a final status, so its due date does not matter any more.
    FinalDue { id: String, status: String },
    /// Item `id` cannot move from `from` to `to`; [`Prerequisite`] says what comes first.
    NotYet { id: String, from: String, to: String, needs: Prerequisite },
    /// The record `id` in `path` has no readable `status`; `expected`, when given, is the
    /// status to write (else `incidents check` says what is wrong).
    NoStatus { id: String, path: String, expected: Option<&'static str> },
    /// `id` is only in `path`, whose front matter cannot be read.
    Unreadable { id: String, path: String },
    /// `id` is used by every file of `paths`.
    SharedId { id: String, paths: Vec<String> },
    /// Every number after `prefix-` is taken.
    NoIdLeft { prefix: String },
    /// `--id {id}` is the id of the record in `path`; `next` is the next free id.
    IdTaken { id: String, path: String, next: String },
    /// `--id {id}` differs only in case from `taken`, an id in use.
    IdCaseClash { id: String, taken: String, next: String },
    /// `--id {id}` may be the id of the unreadable record in `path`.
    IdMaybeTaken { id: String, path: String },
    /// `new` without a title.
    MissingTitle,
    /// `path` (a record to create) exists already.
    Exists { path: String },
    /// The configuration file `path` exists already (`init`).
    ConfigExists { path: String },
    /// `path` is marked read-only.
    ReadOnly { path: String },
    /// `path` is not UTF-8 text.
    NotUtf8 { path: String },
    /// `path` cannot be patched: `reason` is the edit layer's account of why.
    CannotEdit { path: String, reason: String },
    /// `path` would be written outside the records folder.
    Outside { path: String, why: Escape },
    /// `what` (`cannot plan INC-1-R1`) lacks values and has non-answers: each `missing`
    /// is `(flag, what to write)`; each of `problems` is a line worded by the rule that
    /// reports the same text in `check` (weak-evidence, local-verification).
    Unanswered { what: String, missing: Vec<(String, String)>, problems: Vec<String> },
    /// `ship` found no change naming the fix of item `id`.
    NoChange { id: String },
    /// Incident `id` is closed already (since `since`, when the record says).
    AlreadyClosed { id: String, since: Option<String> },
    /// Incident `id` is stabilized or closed (`status`): gate 1 is closed.
    GateOneClosed { id: String, status: String, since: Option<String> },
    /// Incident `id` is active, so it cannot close yet.
    ActiveNotClosable { id: String },
    /// Incident `id` is active, so there is nothing to amend.
    ActiveNotAmendable { id: String },
    /// Gate 1 of `id` (in `path`) lacks the `stabilization` keys `missing`.
    GateOneIncomplete { id: String, path: String, missing: Vec<String> },
    /// Incident `id` cannot close: each blocker is a line worded by the gates.
    CloseBlocked { id: String, blockers: Vec<String> },
    /// The stamp `at` (from `--at` when `at_given`, else now) is before `earlier` of `id`.
    StampTooEarly { id: String, at: String, at_given: bool, earlier: Earlier, when: String },
    /// Item `id` is due `due` already.
    AlreadyDue { id: String, due: String },
    /// A value `move-due` needs for item `id` is missing.
    DueValueMissing { id: String },
    /// `status --write` found problems (each a line) in the status blocks to write.
    StatusBlocks { problems: Vec<String> },
    /// Not yet structured: see the module doc.
    Text(String),
}

/// What an item needs before the move it was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prerequisite {
    /// A validation (`plan`), before it can be validated after it ships.
    PlanThenShip,
    /// A validation (`plan`).
    Plan,
    /// To ship (`ship --change`).
    Ship,
    /// Nothing: `plan` is for diagnosing items; the validation is edited by hand.
    NotDiagnosing,
    /// Nothing: back to diagnosing is a hand edit.
    ByHand,
    /// Nothing: the move does not exist.
    Never,
}

/// Why a path lies outside the records folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Escape {
    /// It is not below the records folder at all.
    NotInside,
    /// It climbs out of it (`..`, a root, the folder itself).
    Leaves,
    /// A folder on the way (shown as `link`) is a symbolic link.
    Link { link: String },
}

/// The event a stamp may not precede.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Earlier {
    /// `closed_at` before `stabilization.stabilized_at`.
    Stabilized,
    /// `stabilization.stabilized_at` before `opened`.
    Opened,
}

/// The closing words every one-line refusal ends with.
const NOTHING: &str = "; nothing was written";

/// Writes `head:` then one `\n  - line` for each line, then the last line that says
/// nothing was written.
fn listing(f: &mut fmt::Formatter<'_>, head: &str, lines: &[String]) -> fmt::Result {
    write!(f, "{head}:")?;
    for line in lines {
        write!(f, "\n  - {line}")?;
    }
    f.write_str("\nnothing was written")
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::AlreadyIn { id, status } => write!(f, "{id} is already {status}{NOTHING}"),
            Refusal::Final { id, status } => write!(
                f,
                "{id} is {status}, which is final: to reopen it, set `status:` in its file by hand and say why in its body{NOTHING}"
            ),
            Refusal::FinalDue { id, status } => {
                write!(f, "{id} is {status}, which is final: its due date no longer matters{NOTHING}")
            }
            Refusal::NotYet { id, from, to, needs } => {
                let plan = format!(
                    "run `incidents plan {id} --validation \"…\"` first, once you can name what would prove the fix"
                );
                write!(f, "{id} is {from}")?;
                match needs {
                    Prerequisite::PlanThenShip => {
                        write!(f, ": a fix is validated after it ships, and this one has no validation yet — {plan}")?
                    }
                    Prerequisite::Plan => write!(f, ": it has no validation yet — {plan}")?,
                    Prerequisite::Ship => write!(
                        f,
                        ": a fix is validated after it ships — run `incidents ship {id} --change <sha|PR URL>` first"
                    )?,
                    Prerequisite::NotDiagnosing => f.write_str(
                        ", not diagnosing: `plan` gives a diagnosing item its validation; to change this item's validation, edit `validation:` in its file",
                    )?,
                    Prerequisite::ByHand => f.write_str(
                        ": an item goes back to diagnosing only by hand (set `status: diagnosing` and say why in its body)",
                    )?,
                    Prerequisite::Never => write!(f, ": it cannot move to {to}")?,
                }
                f.write_str(NOTHING)
            }
            Refusal::NoStatus { id, path, expected } => match expected {
                Some(status) => write!(f, "{id} has no readable `status` ({path}): set `status: {status}` first{NOTHING}"),
                None => write!(
                    f,
                    "{id} has no readable `status` ({path}): fix it first (`incidents check` shows what is wrong){NOTHING}"
                ),
            },
            Refusal::Unreadable { id, path } => write!(
                f,
                "{id} is in {path}, whose front matter cannot be read: fix it first (`incidents check {path}` says how){NOTHING}"
            ),
            Refusal::SharedId { id, paths } => write!(
                f,
                "`{id}` is used by {} files ({}): give all but one a new id first (`incidents check` reports duplicate-id){NOTHING}",
                paths.len(),
                paths.join(", ")
            ),
            Refusal::NoIdLeft { prefix } => write!(
                f,
                "no number is left after {prefix}-{}: give the incident an id with --id{NOTHING}",
                u64::MAX
            ),
            Refusal::IdTaken { id, path, next } => write!(
                f,
                "id `{id}` is already used by {path}: choose another, or leave out --id to get the next free one ({next}){NOTHING}"
            ),
            Refusal::IdCaseClash { id, taken, next } => write!(
                f,
                "id `{id}` differs only in case from `{taken}`, which is in use: choose another, or leave out --id to get the next free one ({next}){NOTHING}"
            ),
            Refusal::IdMaybeTaken { id, path } => write!(
                f,
                "id `{id}` may be used by {path}, whose front matter cannot be read: fix that file (`incidents check` says how) or choose another id{NOTHING}"
            ),
            Refusal::MissingTitle => write!(f, "cannot open an incident: missing title{NOTHING}"),
            Refusal::Exists { path } => {
                write!(f, "{path} already exists: move it away, or pass another id or title{NOTHING}")
            }
            Refusal::ConfigExists { path } => write!(
                f,
                "{path} already exists: edit it (every key is described in docs/config.md), or remove it to start over{NOTHING}"
            ),
            Refusal::ReadOnly { path } => write!(
                f,
                "{path} is read-only: incidents does not replace a file marked read-only; make it writable (`chmod u+w`) and run the command again{NOTHING}"
            ),
            Refusal::NotUtf8 { path } => write!(f, "{path} is not UTF-8: save it as UTF-8 first{NOTHING}"),
            Refusal::CannotEdit { path, reason } => {
                // Some reasons say themselves that nothing was written.
                let end = if reason.contains("nothing was written") { "" } else { NOTHING };
                write!(f, "cannot edit {path}: {reason}{end}")
            }
            Refusal::Outside { path, why } => {
                write!(f, "{path}: ")?;
                match why {
                    Escape::NotInside => f.write_str("the path is not inside the records folder")?,
                    Escape::Leaves => f.write_str("the path leaves the records folder")?,
                    Escape::Link { link } => write!(
                        f,
                        "`{link}` is a symbolic link, and records are written only inside the records folder, never through a link: make it a real folder"
                    )?,
                }
                f.write_str(NOTHING)
            }
            Refusal::Unanswered { what, missing, problems } => {
                let missing: Vec<String> = missing.iter().map(|(flag, hint)| format!("{flag} ({hint})")).collect();
                if problems.is_empty() {
                    return write!(f, "{what}: missing {}{NOTHING}", missing.join(", "));
                }
                let head = (!missing.is_empty()).then(|| format!("missing {}", missing.join(", ")));
                let lines: Vec<String> = head.into_iter().chain(problems.iter().cloned()).collect();
                listing(f, what, &lines)
            }
            Refusal::NoChange { id } => write!(
                f,
                "cannot ship {id}: no change names the fix: pass `--change <commit SHA, PR URL or tag>` (this version does not yet read `Remediates: {id}` trailers from git history){NOTHING}"
            ),
            Refusal::AlreadyClosed { id, since } => {
                write!(f, "{id} is already closed{}{NOTHING}", Since(since))
            }
            Refusal::GateOneClosed { id, status, since } => write!(
                f,
                "{id} is already {status}{}: gate 1 is closed; to correct its fields, run `incidents amend {id} --…`{NOTHING}",
                Since(since)
            ),
            Refusal::ActiveNotClosable { id } => write!(
                f,
                "{id} is active: close gate 1 first with `incidents stabilize {id} --signal … --rollback … --verification …`{NOTHING}"
            ),
            Refusal::ActiveNotAmendable { id } => write!(
                f,
                "{id} is active: gate 1 is not closed yet, so there is nothing to amend; write the fields and close it with `incidents stabilize {id} --signal … --intervention … --rollback … --verification …`{NOTHING}"
            ),
            Refusal::GateOneIncomplete { id, path, missing } => {
                let keys: Vec<String> = missing.iter().map(|key| format!("`stabilization.{key}`")).collect();
                write!(
                    f,
                    "cannot close {id}: gate 1 is incomplete, {} missing ({path}); write them first{NOTHING}",
                    keys.join(", ")
                )
            }
            Refusal::CloseBlocked { id, blockers } => listing(f, &format!("cannot close {id} yet"), blockers),
            Refusal::StampTooEarly { id, at, at_given, earlier, when } => {
                let source = if *at_given { "--at" } else { "now," };
                let (event, rule) = match earlier {
                    Earlier::Stabilized => ("stabilized", "gate 2 cannot close before gate 1"),
                    Earlier::Opened => ("opened", "stabilization cannot precede the incident"),
                };
                write!(f, "{source} {at} is before {id} was {event} ({when}): {rule}; pass --at with the real time{NOTHING}")
            }
            Refusal::AlreadyDue { id, due } => write!(f, "{id} is already due {due}{NOTHING}"),
            Refusal::DueValueMissing { id } => {
                write!(f, "cannot move the due date of {id}: a value is missing{NOTHING}")
            }
            Refusal::StatusBlocks { problems } => {
                write!(f, "no file was written:\n  {}{NOTHING}", problems.join("\n  "))
            }
            Refusal::Text(text) if text.contains("nothing was written") => f.write_str(text),
            Refusal::Text(text) => write!(f, "{text}{NOTHING}"),
        }
    }
}

/// ` since {at}` when the time is known, else nothing.
struct Since<'a>(&'a Option<String>);

impl fmt::Display for Since<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(at) => write!(f, " since {at}"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
#[path = "refusal_tests.rs"]
mod tests;
