//! Why a command refused to act (exit status 1, nothing written): each variant carries
//! the facts — which id, which file, which field, what to run or write instead — and
//! [`Refusal`]'s `Display` is the one place they are put into words.
//!
//! Every refusal ends by saying, once, that nothing was written: a one-line refusal
//! with `; nothing was written`, a listing refusal with a last line of its own.
//!
//! There is no free-form variant: a new refusal is a new variant, with its words here
//! and a row in the table test (`refusal_tests.rs`). Text from elsewhere travels only as
//! a fact another layer words once for every user: a rule's line shared with `check`,
//! the edit layer's or git's account of what failed, the system's error.
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
    /// `path` cannot be patched: `reason` is the edit layer's account of why, and
    /// `reason_says_nothing_written` whether it says itself that nothing was written.
    CannotEdit { path: String, reason: String, reason_says_nothing_written: bool },
    /// `path`'s front matter has no closing `---` line.
    Unterminated { path: String },
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
    /// Incident `id` is closed, so it takes no new item (gate 2 is behind it).
    ClosedToNewItems { id: String },
    /// `path`, the file a new item would be written to, exists already.
    ItemExists { path: String },
    /// A value `remediate` needs for a new item of incident `id` is missing.
    ItemValueMissing { id: String },
    /// `mode` is not one of incident `id`'s failure modes; `listed` is the incident's
    /// account of them (`Incident::failure_modes_listing`, the words `check` uses too).
    UnknownFailureMode { id: String, mode: String, listed: String },
    /// Item `id` is shipped but its file names no change, so it cannot be validated.
    ShippedWithoutChange { id: String },
    /// `validate --run` for item `id`, whose file has no `validation_command`.
    NoValidationCommand { id: String },
    /// `sh -c` could not be started to validate item `id`: `reason` is the system's error.
    ShellNotStarted { id: String, reason: String },
    /// The validation command `command` of item `id` did not pass: [`Ended`] says how.
    ValidationFailed { id: String, command: String, ended: Ended },
    /// `log` was given an entry with no text.
    EmptyEntry,
    /// `sync` has no git history to read: [`NoGit`] says why.
    SyncWithoutGit { why: NoGit },
    /// `ship {id}` found no change: no `--change`, no `change:` written, and
    /// [`Untraced`] says why no `Remediates:` trailer supplied one.
    NoShippingCommit { id: String, why: Untraced },
    /// `import` of `file`: each of `problems` is a row that cannot become a valid item
    /// (`line N: why`).
    ImportRows { file: String, problems: Vec<String> },
    /// Reading git data failed: `error` is the git layer's account (`cannot read git …`),
    /// which `check` and `validate --run` quote too.
    GitUnreadable { error: String },
}

/// How a validation command that did not pass ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Ended {
    /// It exited with a status other than 0.
    Exited(i32),
    /// A signal killed it.
    Signal(i32),
    /// It ended with neither an exit status nor a signal.
    NoStatus,
    /// It ran past `limit` (the config's `validation_timeout`, as written: `1s`, `10m`)
    /// and was killed.
    TimedOut { limit: String },
}

/// Why there is no git history to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NoGit {
    /// `git: off` in .incidents.yml.
    Off,
    /// The root (shown as `root`) is not in a git work tree.
    NotAWorkTree { root: String },
}

/// Why no `Remediates:` trailer named the change of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Untraced {
    /// There is no history to read.
    NoGit(NoGit),
    /// None of the `commits` read from HEAD's history has one; `shallow` when the clone
    /// is cut off, so older commits are missing.
    NotInHistory { commits: usize, shallow: bool },
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
            Refusal::CannotEdit { path, reason, reason_says_nothing_written } => {
                let end = if *reason_says_nothing_written { "" } else { NOTHING };
                write!(f, "cannot edit {path}: {reason}{end}")
            }
            Refusal::Unterminated { path } => {
                write!(f, "cannot edit {path}: its front matter is not terminated{NOTHING}")
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
            Refusal::ClosedToNewItems { id } => write!(
                f,
                "{id} is closed: gate 2 is behind it, so a new item would leave it with open remediation; open a new incident for new work{NOTHING}"
            ),
            Refusal::ItemExists { path } => {
                write!(f, "{path} already exists: move it away, or pass another title{NOTHING}")
            }
            Refusal::ItemValueMissing { id } => {
                write!(f, "cannot add a remediation item to {id}: a field is missing{NOTHING}")
            }
            Refusal::UnknownFailureMode { id, mode, listed } => write!(
                f,
                "\"{mode}\" is not one of {id}'s failure modes ({listed}): copy one of them exactly, or pass --add-failure-mode to add it to the incident{NOTHING}"
            ),
            Refusal::ShippedWithoutChange { id } => write!(
                f,
                "{id} is shipped but names no change: write `change:` in its file (the commit SHA or pull request that shipped the fix), then validate it{NOTHING}"
            ),
            Refusal::NoValidationCommand { id } => write!(
                f,
                "cannot validate {id}: it has no `validation_command` to run: add one to its file (e.g. `validation_command: cargo test staggered_rollout`), or pass `--evidence`{NOTHING}"
            ),
            Refusal::ShellNotStarted { id, reason } => {
                write!(f, "cannot validate {id}: `sh -c` could not run: {reason}{NOTHING}")
            }
            Refusal::ValidationFailed { id, command, ended } => {
                write!(f, "cannot validate {id}: `{command}` ")?;
                match ended {
                    Ended::Exited(code) => write!(f, "exited {code}")?,
                    Ended::Signal(signal) => write!(f, "was killed by signal {signal}")?,
                    Ended::NoStatus => f.write_str("ended without an exit status")?,
                    Ended::TimedOut { limit } => {
                        write!(f, "did not finish within {limit} (`validation_timeout`) and was killed")?
                    }
                }
                f.write_str(NOTHING)
            }
            Refusal::EmptyEntry => write!(f, "the entry is empty: say what happened{NOTHING}"),
            Refusal::SyncWithoutGit { why } => {
                match why {
                    NoGit::Off => f.write_str("git history is not read (`git: off` in .incidents.yml)")?,
                    NoGit::NotAWorkTree { root } => write!(
                        f,
                        "the root `{root}` is not in a git work tree, so there is no history to read"
                    )?,
                }
                write!(
                    f,
                    ": pass `--root` to a folder inside a git work tree, or use `incidents ship <ITEM> --change <REF>`{NOTHING}"
                )
            }
            Refusal::NoShippingCommit { id, why } => {
                write!(f, "cannot ship {id}: no change names the fix: pass `--change <commit SHA, PR URL or tag>`")?;
                match why {
                    Untraced::NoGit(NoGit::Off) => {
                        f.write_str(" (`git: off` in .incidents.yml, so no `Remediates:` trailer is read)")?
                    }
                    Untraced::NoGit(NoGit::NotAWorkTree { root }) => write!(
                        f,
                        " (the root `{root}` is not in a git work tree, so no `Remediates:` trailer can be read)"
                    )?,
                    Untraced::NotInHistory { commits, shallow } => {
                        write!(
                            f,
                            ", or commit the fix with a `Remediates: {id}` trailer: git commit --trailer \"Remediates: {id}\" (no commit in the history of HEAD has one; {commits} commits read)"
                        )?;
                        if *shallow {
                            f.write_str(". This clone is shallow, so older commits are missing: fetch the whole history (`git fetch --unshallow`; in CI, `fetch-depth: 0`)")?
                        }
                    }
                }
                f.write_str(NOTHING)
            }
            Refusal::ImportRows { file, problems } => {
                write!(f, "cannot import {file}: {} row(s) cannot become valid items:", problems.len())?;
                for problem in problems {
                    write!(f, "\n  {problem}")?;
                }
                f.write_str("\nnothing was written")
            }
            Refusal::GitUnreadable { error } => write!(f, "{error}{NOTHING}"),
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
