//! Each [`Refusal`] variant and the exact words it renders (the CLI tests check the
//! same words end to end).

use super::{Earlier, Ended, Escape, NoGit, Prerequisite, Refusal, Refusal::*, Untraced};

fn s(text: &str) -> String {
    text.to_string()
}

fn not_yet(from: &str, to: &str, needs: Prerequisite) -> Refusal {
    NotYet { id: s("INC-1-R3"), from: s(from), to: s(to), needs }
}

const PLAN: &str = "run `incidents plan INC-1-R3 --validation \"…\"` first, once you can name what would prove the fix";

#[test]
fn every_variant_renders_its_words() {
    let cases: Vec<(Refusal, String)> = vec![
        (AlreadyIn { id: s("INC-1-R1"), status: s("shipped") }, s("INC-1-R1 is already shipped; nothing was written")),
        (
            Final { id: s("INC-1-R1"), status: s("validated") },
            s("INC-1-R1 is validated, which is final: to reopen it, set `status:` in its file by hand and say why in its body; nothing was written"),
        ),
        (
            FinalDue { id: s("INC-1-R1"), status: s("dropped") },
            s("INC-1-R1 is dropped, which is final: its due date no longer matters; nothing was written"),
        ),
        (
            not_yet("diagnosing", "validated", Prerequisite::PlanThenShip),
            format!("INC-1-R3 is diagnosing: a fix is validated after it ships, and this one has no validation yet — {PLAN}; nothing was written"),
        ),
        (
            not_yet("diagnosing", "shipped", Prerequisite::Plan),
            format!("INC-1-R3 is diagnosing: it has no validation yet — {PLAN}; nothing was written"),
        ),
        (
            not_yet("open", "validated", Prerequisite::Ship),
            s("INC-1-R3 is open: a fix is validated after it ships — run `incidents ship INC-1-R3 --change <sha|PR URL>` first; nothing was written"),
        ),
        (
            not_yet("shipped", "open", Prerequisite::NotDiagnosing),
            s("INC-1-R3 is shipped, not diagnosing: `plan` gives a diagnosing item its validation; to change this item's validation, edit `validation:` in its file; nothing was written"),
        ),
        (
            not_yet("open", "diagnosing", Prerequisite::ByHand),
            s("INC-1-R3 is open: an item goes back to diagnosing only by hand (set `status: diagnosing` and say why in its body); nothing was written"),
        ),
        (not_yet("in-progress", "open", Prerequisite::Never), s("INC-1-R3 is in-progress: it cannot move to open; nothing was written")),
        (
            NoStatus { id: s("INC-1"), path: s("incidents/a.md"), expected: None },
            s("INC-1 has no readable `status` (incidents/a.md): fix it first (`incidents check` shows what is wrong); nothing was written"),
        ),
        (
            NoStatus { id: s("INC-1"), path: s("incidents/a.md"), expected: Some("active") },
            s("INC-1 has no readable `status` (incidents/a.md): set `status: active` first; nothing was written"),
        ),
        (
            Unreadable { id: s("INC-1"), path: s("incidents/a.md") },
            s("INC-1 is in incidents/a.md, whose front matter cannot be read: fix it first (`incidents check incidents/a.md` says how); nothing was written"),
        ),
        (
            SharedId { id: s("INC-8"), paths: vec![s("a.md"), s("b.md")] },
            s("`INC-8` is used by 2 files (a.md, b.md): give all but one a new id first (`incidents check` reports duplicate-id); nothing was written"),
        ),
        (
            NoIdLeft { prefix: s("INC") },
            s("no number is left after INC-18446744073709551615: give the incident an id with --id; nothing was written"),
        ),
        (
            IdTaken { id: s("INC-3"), path: s("incidents/INC-3.md"), next: s("INC-8") },
            s("id `INC-3` is already used by incidents/INC-3.md: choose another, or leave out --id to get the next free one (INC-8); nothing was written"),
        ),
        (
            IdCaseClash { id: s("inc-3"), taken: s("INC-3"), next: s("INC-8") },
            s("id `inc-3` differs only in case from `INC-3`, which is in use: choose another, or leave out --id to get the next free one (INC-8); nothing was written"),
        ),
        (
            IdMaybeTaken { id: s("INC-4"), path: s("incidents/INC-4.md") },
            s("id `INC-4` may be used by incidents/INC-4.md, whose front matter cannot be read: fix that file (`incidents check` says how) or choose another id; nothing was written"),
        ),
        (MissingTitle, s("cannot open an incident: missing title; nothing was written")),
        (Exists { path: s("incidents/a.md") }, s("incidents/a.md already exists: move it away, or pass another id or title; nothing was written")),
        (
            ConfigExists { path: s(".incidents.yml") },
            s(".incidents.yml already exists: edit it (every key is described in docs/config.md), or remove it to start over; nothing was written"),
        ),
        (
            ReadOnly { path: s("a.md") },
            s("a.md is read-only: incidents does not replace a file marked read-only; make it writable (`chmod u+w`) and run the command again; nothing was written"),
        ),
        (NotUtf8 { path: s("a.md") }, s("a.md is not UTF-8: save it as UTF-8 first; nothing was written")),
        (
            CannotEdit { path: s("a.md"), reason: s("`x` is not a list"), reason_says_nothing_written: false },
            s("cannot edit a.md: `x` is not a list; nothing was written"),
        ),
        (
            CannotEdit {
                path: s("a.md"),
                reason: s("too much, so nothing was written: by hand"),
                reason_says_nothing_written: true,
            },
            s("cannot edit a.md: too much, so nothing was written: by hand"),
        ),
        (
            Outside { path: s("a.md"), why: Escape::NotInside },
            s("a.md: the path is not inside the records folder; nothing was written"),
        ),
        (Outside { path: s("a.md"), why: Escape::Leaves }, s("a.md: the path leaves the records folder; nothing was written")),
        (
            Outside { path: s("a.md"), why: Escape::Link { link: s("/r/incidents") } },
            s("a.md: `/r/incidents` is a symbolic link, and records are written only inside the records folder, never through a link: make it a real folder; nothing was written"),
        ),
        (
            Unanswered { what: s("cannot plan INC-1-R1"), missing: vec![(s("--validation"), s("what proves it"))], problems: vec![] },
            s("cannot plan INC-1-R1: missing --validation (what proves it); nothing was written"),
        ),
        (
            Unanswered {
                what: s("cannot plan INC-1-R1"),
                missing: vec![(s("--owner"), s("who")), (s("--due"), s("when"))],
                problems: vec![s("`validation` holds a non-answer (\"ok\")")],
            },
            s("cannot plan INC-1-R1:\n  - missing --owner (who), --due (when)\n  - `validation` holds a non-answer (\"ok\")\nnothing was written"),
        ),
        (
            Unanswered { what: s("cannot ship INC-1-R1"), missing: vec![], problems: vec![s("a"), s("b")] },
            s("cannot ship INC-1-R1:\n  - a\n  - b\nnothing was written"),
        ),
        (
            NoChange { id: s("INC-1-R1") },
            s("cannot ship INC-1-R1: no change names the fix: pass `--change <commit SHA, PR URL or tag>` (this version does not yet read `Remediates: INC-1-R1` trailers from git history); nothing was written"),
        ),
        (AlreadyClosed { id: s("INC-1"), since: None }, s("INC-1 is already closed; nothing was written")),
        (
            AlreadyClosed { id: s("INC-1"), since: Some(s("2026-01-02")) },
            s("INC-1 is already closed since 2026-01-02; nothing was written"),
        ),
        (
            GateOneClosed { id: s("INC-1"), status: s("stabilized"), since: Some(s("2026-01-02")) },
            s("INC-1 is already stabilized since 2026-01-02: gate 1 is closed; to correct its fields, run `incidents amend INC-1 --…`; nothing was written"),
        ),
        (
            ActiveNotClosable { id: s("INC-1") },
            s("INC-1 is active: close gate 1 first with `incidents stabilize INC-1 --signal … --rollback … --verification …`; nothing was written"),
        ),
        (
            ActiveNotAmendable { id: s("INC-1") },
            s("INC-1 is active: gate 1 is not closed yet, so there is nothing to amend; write the fields and close it with `incidents stabilize INC-1 --signal … --intervention … --rollback … --verification …`; nothing was written"),
        ),
        (
            GateOneIncomplete { id: s("INC-1"), path: s("a.md"), missing: vec![s("rollback"), s("verification")] },
            s("cannot close INC-1: gate 1 is incomplete, `stabilization.rollback`, `stabilization.verification` missing (a.md); write them first; nothing was written"),
        ),
        (
            CloseBlocked { id: s("INC-1"), blockers: vec![s("INC-1-R1 is open")] },
            s("cannot close INC-1 yet:\n  - INC-1-R1 is open\nnothing was written"),
        ),
        (
            StampTooEarly { id: s("INC-1"), at: s("2026-01-01"), at_given: true, earlier: Earlier::Stabilized, when: s("2026-01-02") },
            s("--at 2026-01-01 is before INC-1 was stabilized (2026-01-02): gate 2 cannot close before gate 1; pass --at with the real time; nothing was written"),
        ),
        (
            StampTooEarly { id: s("INC-1"), at: s("2026-01-01"), at_given: false, earlier: Earlier::Opened, when: s("2026-01-02") },
            s("now, 2026-01-01 is before INC-1 was opened (2026-01-02): stabilization cannot precede the incident; pass --at with the real time; nothing was written"),
        ),
        (AlreadyDue { id: s("INC-1-R1"), due: s("2026-02-01") }, s("INC-1-R1 is already due 2026-02-01; nothing was written")),
        (DueValueMissing { id: s("INC-1-R1") }, s("cannot move the due date of INC-1-R1: a value is missing; nothing was written")),
        (
            StatusBlocks { problems: vec![s("a.md: x"), s("b.md: y")] },
            s("no file was written:\n  a.md: x\n  b.md: y; nothing was written"),
        ),
        (Unterminated { path: s("a.md") }, s("cannot edit a.md: its front matter is not terminated; nothing was written")),
        (
            ClosedToNewItems { id: s("INC-4") },
            s("INC-4 is closed: gate 2 is behind it, so a new item would leave it with open remediation; open a new incident for new work; nothing was written"),
        ),
        (
            ItemExists { path: s("incidents/INC-2-R3-fix.md") },
            s("incidents/INC-2-R3-fix.md already exists: move it away, or pass another title; nothing was written"),
        ),
        (ItemValueMissing { id: s("INC-2") }, s("cannot add a remediation item to INC-2: a field is missing; nothing was written")),
        (
            UnknownFailureMode { id: s("INC-1"), mode: s("anything"), listed: s("INC-1 lists no failure modes yet") },
            s("\"anything\" is not one of INC-1's failure modes (INC-1 lists no failure modes yet): copy one of them exactly, or pass --add-failure-mode to add it to the incident; nothing was written"),
        ),
        (
            ShippedWithoutChange { id: s("INC-2-R2") },
            s("INC-2-R2 is shipped but names no change: write `change:` in its file (the commit SHA or pull request that shipped the fix), then validate it; nothing was written"),
        ),
        (
            NoValidationCommand { id: s("INC-2-R2") },
            s("cannot validate INC-2-R2: it has no `validation_command` to run: add one to its file (e.g. `validation_command: cargo test staggered_rollout`), or pass `--evidence`; nothing was written"),
        ),
        (
            ShellNotStarted { id: s("INC-2-R5"), reason: s("No such file or directory (os error 2)") },
            s("cannot validate INC-2-R5: `sh -c` could not run: No such file or directory (os error 2); nothing was written"),
        ),
        (
            ValidationFailed { id: s("INC-2-R5"), command: s("exit 3"), ended: Ended::Exited(3) },
            s("cannot validate INC-2-R5: `exit 3` exited 3; nothing was written"),
        ),
        (
            ValidationFailed { id: s("INC-2-R6"), command: s("kill -9 $$"), ended: Ended::Signal(9) },
            s("cannot validate INC-2-R6: `kill -9 $$` was killed by signal 9; nothing was written"),
        ),
        (
            ValidationFailed { id: s("INC-2-R6"), command: s("x"), ended: Ended::NoStatus },
            s("cannot validate INC-2-R6: `x` ended without an exit status; nothing was written"),
        ),
        (
            ValidationFailed { id: s("INC-2-R7"), command: s("sleep 5"), ended: Ended::TimedOut { limit: s("1s") } },
            s("cannot validate INC-2-R7: `sleep 5` did not finish within 1s (`validation_timeout`) and was killed; nothing was written"),
        ),
        (EmptyEntry, s("the entry is empty: say what happened; nothing was written")),
        (
            SyncWithoutGit { why: NoGit::Off },
            s("git history is not read (`git: off` in .incidents.yml): pass `--root` to a folder inside a git work tree, or use `incidents ship <ITEM> --change <REF>`; nothing was written"),
        ),
        (
            SyncWithoutGit { why: NoGit::NotAWorkTree { root: s("/r") } },
            s("the root `/r` is not in a git work tree, so there is no history to read: pass `--root` to a folder inside a git work tree, or use `incidents ship <ITEM> --change <REF>`; nothing was written"),
        ),
        (
            NoShippingCommit { id: s("INC-1-R1"), why: Untraced::NoGit(NoGit::Off) },
            s("cannot ship INC-1-R1: no change names the fix: pass `--change <commit SHA, PR URL or tag>` (`git: off` in .incidents.yml, so no `Remediates:` trailer is read); nothing was written"),
        ),
        (
            NoShippingCommit { id: s("INC-1-R1"), why: Untraced::NoGit(NoGit::NotAWorkTree { root: s("/r") }) },
            s("cannot ship INC-1-R1: no change names the fix: pass `--change <commit SHA, PR URL or tag>` (the root `/r` is not in a git work tree, so no `Remediates:` trailer can be read); nothing was written"),
        ),
        (
            NoShippingCommit { id: s("INC-1-R1"), why: Untraced::NotInHistory { commits: 2, shallow: false } },
            s("cannot ship INC-1-R1: no change names the fix: pass `--change <commit SHA, PR URL or tag>`, or commit the fix with a `Remediates: INC-1-R1` trailer: git commit --trailer \"Remediates: INC-1-R1\" (no commit in the history of HEAD has one; 2 commits read); nothing was written"),
        ),
        (
            NoShippingCommit { id: s("INC-1-R1"), why: Untraced::NotInHistory { commits: 1, shallow: true } },
            s("cannot ship INC-1-R1: no change names the fix: pass `--change <commit SHA, PR URL or tag>`, or commit the fix with a `Remediates: INC-1-R1` trailer: git commit --trailer \"Remediates: INC-1-R1\" (no commit in the history of HEAD has one; 1 commits read). This clone is shallow, so older commits are missing: fetch the whole history (`git fetch --unshallow`; in CI, `fetch-depth: 0`); nothing was written"),
        ),
        (
            ImportRows { file: s("a.csv"), problems: vec![s("line 2: x"), s("line 3: y")] },
            s("cannot import a.csv: 2 row(s) cannot become valid items:\n  line 2: x\n  line 3: y\nnothing was written"),
        ),
        (
            GitUnreadable { error: s("cannot read git history: object not found") },
            s("cannot read git history: object not found; nothing was written"),
        ),
    ];
    for (refusal, words) in cases {
        assert_eq!(refusal.to_string(), words, "{refusal:?}");
    }
}
