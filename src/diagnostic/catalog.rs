// The rule table read by `rule.rs` (included there). One entry per rule:
// Variant = "code", default level, "fires when …", "explanation (Markdown)".
rules! {
    Syntax = "syntax", Error,
    "front matter is unterminated, is not valid YAML, or is not a mapping; the file is not UTF-8",
    "**What it checks.** A Markdown file under the records folder whose first line is `---` is a record; its front matter must end at a second `---` line, parse as YAML, be a mapping, stay under 64 KiB and 32 levels of nesting, and the file must be UTF-8. Files that are unreadable also get this code.

**Why.** A record that cannot be read would otherwise drop out of every gate silently; CI must fail instead.

**How to fix.** Close the front matter with a `---` line, fix the YAML at the reported line (often an unquoted `:` or a tab), and save the file as UTF-8. A file that is not meant to be a record belongs under an `ignore` glob.

**Example.**

```yaml
---
kind: incident
title: \"Checkout: 502s\"   # quote values that contain ': '
---
```";

    MissingField = "missing-field", Error,
    "a required key other than those below is absent or blank (including `stabilized_at`, `closed_at`, `reason`)",
    "**What it checks.** Every record needs `kind`, `id` and `status`; an incident also `title`, `severity` and `opened`; a remediation item also `incident`. A stabilized or closed incident needs `stabilization.stabilized_at`, a closed one `closed_at`, and a dropped item a `reason`. Empty values, white space and unedited template placeholders (`<...>`, `TODO`, `TBD`) count as missing.

**Why.** These keys are what the gates, reports and cross-record rules are computed from.

**How to fix.** Write the value. `incidents stabilize`, `incidents close` and `incidents drop --reason` fill the dated ones for you.

**Example.**

```yaml
kind: incident
id: INC-42
title: Checkout 502s after partial deploy
severity: SEV2
status: active
opened: 2026-03-02T14:20:00Z
```";

    InvalidValue = "invalid-value", Error,
    "a value has the wrong type or is not allowed (unknown `kind`, `status`, `severity`; bad date; `stabilized_at` before `opened`)",
    "**What it checks.** `kind` is `incident` or `remediation`; an incident's `status` is `active`, `stabilized` or `closed`, an item's `open`, `in-progress`, `shipped`, `validated` or `dropped`; `severity` is one of the configured severities; dates are `YYYY-MM-DD` and timestamps RFC 3339; `due` is a date or `{start, end}` with start not after end; lists are lists; `stabilized_at` is not before `opened` and `closed_at` not before `stabilized_at`.

**Why.** A value the tool cannot interpret would make gates and reports silently wrong.

**How to fix.** Use one of the allowed values the message lists, or fix the date order.

**Example.**

```yaml
severity: SEV2            # not `high`
due: {start: 2026-03-02, end: 2026-03-16}
```";

    UnknownField = "unknown-field", Warning,
    "a key the format does not define",
    "**What it checks.** Every key of the front matter (and of `stabilization` and `due`) is one the format defines.

**Why.** A misspelt key (`ownr:`) looks filled in to a reader but is invisible to every rule. Unknown keys are never removed by the tool; this warning is how you find them.

**How to fix.** Rename the key to the suggested one, or move the information into the body.

**Example.**

```yaml
owner: team-payments      # not `ownr:`
```";

    DuplicateId = "duplicate-id", Error,
    "two records share an id (both files are named)",
    "**What it checks.** Every `id` is unique in the repository. Each file sharing an id gets the diagnostic, naming the others.

**Why.** Two branches can allocate the same next id; the merged tree is where that shows, so run `check` on the merge result (`merge_group` in GitHub Actions).

**How to fix.** Give one of the records a new id (`incidents new` picks the next free one) and update the items that reference it.

**Example.** `INC-42` in both `2026/INC-42-checkout.md` and `2026/INC-42-search.md`: renumber the newer one to `INC-43`.";

    BrokenReference = "broken-reference", Error,
    "a remediation item's `incident` does not exist",
    "**What it checks.** The `incident` of each remediation item is the id of an incident record in the repository.

**Why.** An item that points nowhere covers no failure mode and blocks no close.

**How to fix.** Correct the id, or restore the incident record.

**Example.**

```yaml
incident: INC-42          # an incident with `id: INC-42` must exist
```";

    MissingSignal = "missing-signal", Error,
    "a stabilized or closed incident has no `stabilization.signal`",
    "**What it checks.** Gate 1 needs the reproducible signal that shows the symptom.

**Why.** Without a signal that confirms the symptom, nobody can tell whether the intervention restored service or the symptom just went quiet.

**How to fix.** Name the metric, query or request that shows the symptom and can be re-run.

**Example.**

```yaml
stabilization:
  signal: 5xx rate on checkout-api > 2% (dashboard \"Checkout golden signals\"), reproduced by replaying cart requests
```";

    MissingIntervention = "missing-intervention", Error,
    "a stabilized or closed incident has no `stabilization.intervention`",
    "**What it checks.** Gate 1 needs the intervention that restored service.

**Why.** Stabilization is the smallest safe change: without the change written down, nobody can judge its risk, undo it, or tell whether service recovered on its own.

**How to fix.** Write the change that restored service. When nothing was changed, say so and why: `none: recovered when the provider recovered` is an answer.

**Example.**

```yaml
stabilization:
  intervention: rolled cart-service back from v42 to v41 on all pods
```";

    MissingRollback = "missing-rollback", Error,
    "a stabilized or closed incident has no `stabilization.rollback`",
    "**What it checks.** Gate 1 needs a rollback plan for the intervention.

**Why.** Stabilization is the smallest *safe* change: safe means it can be undone if it misbehaves.

**How to fix.** Write how the intervention is undone, concretely enough for someone else to run it.

**Example.**

```yaml
stabilization:
  rollback: redeploy v42 with `deploy cart --version v42 --canary 10%` if v41 misbehaves
```";

    MissingVerification = "missing-verification", Error,
    "a stabilized or closed incident has no `stabilization.verification`",
    "**What it checks.** Gate 1 needs the production metrics that confirmed restoration.

**Why.** Gate 1 is judged on operational evidence from production, not on local tests: did the service recover?

**How to fix.** Write which production metric returned to which level, for how long.

**Example.**

```yaml
stabilization:
  verification: 5xx under 0.1% for 30 minutes; p99 latency 240ms vs 250ms baseline
```";

    MissingFailureMode = "missing-failure-mode", Error,
    "a remediation item has no `failure_mode`",
    "**What it checks.** Every remediation item names the failure mode it addresses.

**Why.** Gate 2 is organised by failure mode: an item that names none cannot show that a breakage is covered.

**How to fix.** Copy one of the incident's `failure_modes` into the item.

**Example.**

```yaml
failure_mode: cache invalidation race after partial deploy
```";

    MissingOwner = "missing-owner", Error,
    "a remediation item has no `owner`",
    "**What it checks.** Every remediation item has an owner: a person or a team.

**Why.** Items without an owner are the ones that never ship.

**How to fix.** Name who will do it.

**Example.**

```yaml
owner: team-payments
```";

    UnknownOwner = "unknown-owner", Error,
    "an item's `owner` is not in the configured `owners` (only when configured)",
    "**What it checks.** When `.incidents.yml` sets `owners` — a list of people and teams, or `codeowners` to take every owner named in the repository's CODEOWNERS file — every remediation item's `owner` is one of them (ignoring case and a leading `@`). The message names the closest one.

**Why.** \"Everyone assumes someone else is carrying the long-term fix\" starts with owners nobody recognises: a typo, a team that was renamed, a person who left.

**How to fix.** Write one of the configured names, or add the owner to `owners` (or to CODEOWNERS).

**Example.**

```yaml
# .incidents.yml
owners: [dana, team-checkout]
# the item
owner: team-checkout
```";

    MissingDue = "missing-due", Error,
    "a remediation item has no `due`",
    "**What it checks.** Every remediation item has a due window: a date (its end) or `{start, end}`.

**Why.** Prevention competes with feature work; a date is what gets it scheduled.

**How to fix.** Write a date within the severity's policy (`incidents remediate --due 2w` computes one).

**Example.**

```yaml
due: 2026-03-16
```";

    MissingValidation = "missing-validation", Error,
    "a remediation item has no `validation` (not for `diagnosing` or `dropped` items)",
    "**What it checks.** Every remediation item says what would prove the system changed, except one still `diagnosing` (no practical validation can be named yet) and one `dropped`.

**Why.** Without an explicit validation, \"done\" means \"merged\", not \"the failure can no longer happen\". No practical validation usually means more diagnosis is needed first.

**How to fix.** Describe a test or signal that exercises the surface that failed: an async retry path gets an async-path test, a deploy-ordering failure gets rollout-condition coverage.

**Example.**

```yaml
validation: integration test that runs a staggered rollout (v41 and v42 pods mixed) and asserts cache keys converge within 5s
```";

    UnlinkedFailureMode = "unlinked-failure-mode", Error,
    "an item's `failure_mode` is not one of its incident's `failure_modes`",
    "**What it checks.** An item's `failure_mode` equals one of its incident's `failure_modes`, ignoring case and runs of white space.

**Why.** Coverage is computed by matching the two; a reworded copy covers nothing.

**How to fix.** Copy the failure mode exactly from the incident, or add the new failure mode to the incident (`incidents remediate --add-failure-mode`).

**Example.**

```yaml
# incident
failure_modes:
  - cache invalidation race after partial deploy
# item
failure_mode: Cache invalidation race after partial deploy   # matches
```";

    VagueText = "vague-text", Warning,
    "a failure mode or validation is only a vague phrase (\"follow-up cleanup\", \"tech debt\", \"add monitoring\", \"TBD\"…)",
    "**What it checks.** An incident's `failure_modes` and an item's `failure_mode` and `validation` are not just one of the configured vague phrases (`vague_phrases` in `.incidents.yml`).

**Why.** \"Follow-up cleanup\" names no breakage and can never be validated. A failure mode is a plain sentence about what broke; a validation is a test or signal that would fail if it broke again.

**How to fix.** Say what broke, where, under which conditions, and what would prove it cannot happen again.

**Example.**

```yaml
failure_mode: retry storm when the payments provider returns 503 for more than 30s   # not \"tech debt\"
validation: async retry-path test with injected 503s asserting backoff caps at 30s   # not \"add monitoring\"
```";

    MissingEvidence = "missing-evidence", Error,
    "a `validated` item has no `evidence`",
    "**What it checks.** An item marked `validated` records where its validation signal passed.

**Why.** The incident closes on validation; the evidence is what a reviewer checks.

**How to fix.** Link the CI run, name the test, or link the dashboard (`incidents validate <ID> --evidence …` sets both).

**Example.**

```yaml
status: validated
evidence: CI run 88121 — test staggered_rollout_cache_convergence passed
```";

    MissingChange = "missing-change", Error,
    "a `shipped` or `validated` item has no `change`",
    "**What it checks.** An item marked `shipped` or `validated` names the change that shipped the fix.

**Why.** A fix is validated after it ships, never instead; the change is what ties the validation to the code that runs in production.

**How to fix.** Write the commit SHA, the pull or merge request URL, or the release tag or ticket key (`incidents ship <ID> --change …` writes it and moves the item).

**Example.**

```yaml
status: shipped
change: https://git.example.com/shop/cart/pull/812
```";

    MissingApproval = "missing-approval", Error,
    "a `dropped` item has no `approved_by`",
    "**What it checks.** An item marked `dropped` names who accepted the risk of not doing it.

**Why.** Dropping an item leaves its failure mode as accepted risk; a risk nobody accepted is a follow-up that quietly rotted.

**How to fix.** Name the person or group who accepted the risk (`incidents drop <ID> --reason … --approved-by …` writes both).

**Example.**

```yaml
status: dropped
reason: the reindex job is retired in Q1; its replacement checks completeness
approved_by: search-leads
```";

    WeakEvidence = "weak-evidence", Error,
    "an evidence field (`stabilization.signal`, `intervention`, `rollback`, `verification`; an item's `validation`, `change`, `evidence`, `reason`) holds a non-answer",
    "**What it checks.** The fields that carry evidence hold an answer, not a word that only looks like one. After lower-casing and dropping punctuation, a value that is only one of the built-in non-answers (`n/a`, `na`, `none`, `nothing`, `-`, `?`, `ok`, `okay`, `yes`, `no`, `done`, `fixed`, `resolved`, `works`, `it works`, `fine`, `looks fine`, `looks good`, `lgtm`, `all good`, `tested`, `passed`, `verified`, `checked`, `see ticket`, `see above`, `see slack`, `same as above`, `as above`, `unknown`, `will do`) or of the config's `non_evidence` list fires. A sentence that starts with one is an answer (`none: recovered when the provider recovered`). Empty values and placeholders are reported by the `missing-*` rules instead.

**Why.** \"ok\" closes a gate without evidence: the next reader cannot re-run the signal, undo the change or check the validation.

**How to fix.** Write what the field asks for: the metric or request that shows the symptom, the change made, how to undo it, which production metric returned to which level, the test that would fail if the breakage came back, the commit or pull request, the CI run, or why the item will not be done.

**Example.**

```yaml
stabilization:
  rollback: redeploy v42 with `deploy cart --version v42` if v41 misbehaves   # not \"n/a\"
evidence: CI run 88121, test staggered_rollout_cache_convergence passed      # not \"ok\"
```";

    LocalVerification = "local-verification", Error,
    "gate 1's verification names only pre-production checks (running locally, unit or integration tests, CI, staging, a dev or test environment)",
    "**What it checks.** `stabilization.verification` names an observation in production (production, prod, live, real traffic, customers or users, a production metric, dashboard or alert) when it names pre-production checks at all. A verification that names only local runs, unit or integration tests, CI, staging, dev or QA fires; one that names neither (\"5xx under 0.1% for 30 minutes\") does not.

**Why.** Gate 1 is judged on operational evidence: did the service recover for its users? Tests that pass on a laptop say nothing about production.

**How to fix.** Write which production metric returned to which level, for how long, and where you saw it.

**Example.**

```yaml
stabilization:
  verification: checkout 5xx under 0.1% for 30 minutes on the production dashboard   # not \"unit tests pass locally\"
```";

    DueBeyondPolicy = "due-beyond-policy", Warning,
    "an item is due later than its incident's severity policy allows, counted from `stabilized_at` (from `opened` while active)",
    "**What it checks.** The due date (the end of the window) of an item that is not `validated` or `dropped` is no later than the incident's stabilization date plus the severity's window in `due_policy` (SEV1 14d, SEV2 30d, SEV3 60d, SEV4 90d by default); while the incident is active, the window counts from `opened`. The message names the latest date the policy allows. Checked on every run, not only when the item is created, so a due date moved by hand is seen too.

**Why.** A SEV1 follow-up due next year is a follow-up that will not happen; the policy is how a team says how fast prevention must follow an incident of each severity.

**How to fix.** Bring the due date within the window (`incidents move-due` keeps the old date in `due_history`), or split the item so the part that prevents a repeat ships first. A team that plans differently changes `due_policy` in `.incidents.yml`.

**Example.**

```yaml
# SEV1 incident stabilized 2026-03-02: due no later than 2026-03-16
due: 2026-03-16
```";

    NotARecord = "not-a-record", Error,
    "a Markdown file under `dir`, not a README and not ignored, has no front matter opening on its first line",
    "**What it checks.** Every `*.md` file under the records folder (except `README.md` in any case and files matching an `ignore` glob) starts with a `---` line. Front matter after blank lines, after text, after a second byte-order mark, or an opening line with more on it (`--- # comment`) does not count: the file is not read as a record, so it is reported instead of skipped.

**Why.** A record that is silently not a record drops out of every gate, and its id could be handed out again.

**How to fix.** Make `---` the very first line and move anything above it into the body, or, for notes that are not records, list the file under `ignore` in `.incidents.yml`.

**Example.**

```yaml
# .incidents.yml
ignore: ['incidents/notes/**']
```";

    UnknownChange = "unknown-change", Warning,
    "an item's `change` is a commit SHA that names no commit in the repository (only when the root is in a git work tree; a shallow clone says so and skips the rule)",
    "**What it checks.** A `shipped` or `validated` item whose `change` is a commit SHA (7 to 40 hex digits) names a commit that exists in the repository's object database. It is a lookup per item, never a walk of the history. Quiet when the root is not in a git work tree or the config says `git: off`. In a shallow clone (CI checks out one commit by default) a missing commit may only be outside the fetched history, so the rule is skipped and one `unknown-change` warning, on the first item that names a SHA, says to fetch the whole history (`fetch-depth: 0`).

**Why.** A SHA copied from the wrong repository, a typo, or a commit that was rebased away proves nothing: the fix it names may never have shipped.

**How to fix.** Write the SHA of the commit that shipped the fix (`git log --grep INC-12-R2`), or commit the fix with a `Remediates: INC-12-R2` trailer and run `incidents ship INC-12-R2` (or `incidents sync --write`) to take it from the history. In CI, fetch the whole history (`actions/checkout` with `fetch-depth: 0`).

**Example.**

```yaml
status: shipped
change: 3f2a9c1d   # a commit in this repository
```";

    Overdue = "overdue", Warning,
    "an item that is not `validated` or `dropped` is past its due date",
    "**What it checks.** Items still `diagnosing`, `open`, `in-progress` or `shipped` whose due date (the end of the window) is before today (`--today` fixes today).

**Why.** An overdue item is prevention that is not happening; it should be visible before the failure repeats.

**How to fix.** Ship and validate it (a `diagnosing` item first needs its validation: `incidents plan`), move the date with `incidents move-due ID --due DATE --reason …` (the old date is kept in `due_history` and shown in `report`), or drop it with a reason and an approver (`incidents drop ID --reason … --approved-by …`).

**Example.**

```yaml
due: 2026-04-30   # moved from 2026-03-16: blocked on the schema migration, see body
```";

    UncoveredFailureMode = "uncovered-failure-mode", Error,
    "a closed incident, or one stabilized longer ago than the grace period, has a failure mode with no remediation item, or lists no failure modes at all (warning within the grace period, naming the date it becomes an error)",
    "**What it checks.** Every failure mode of a closed incident, or of one stabilized longer ago than `grace_period` (default 7 days), has at least one remediation item. A failure mode whose items are all dropped is **accepted risk**, not uncovered: each dropped item records who accepted it (`approved_by`, see `missing-approval`) and why. An incident past gate 1 that lists no failure modes at all fires too. Within the grace period the diagnostic is a warning that names the date on which it becomes an error; a configured level caps it.

**Why.** Remediation items are opened before the incident loop closes, or they are never opened.

**How to fix.** Add an item per failure mode with `incidents remediate <ID> --failure-mode …`, or list the failure modes the incident revealed.

**Example.**

```sh
incidents remediate INC-42 --failure-mode \"cache invalidation race after partial deploy\" \\
  --owner team-checkout --due 2w --validation \"staggered-rollout integration test\"
```";

    OpenRemediation = "open-remediation", Error,
    "a closed incident has an item that is neither `validated` nor `dropped` (`diagnosing` included)",
    "**What it checks.** A closed incident has no item that is still `diagnosing`, `open`, `in-progress` or `shipped`.

**Why.** Gate 2 closes only when every item's validation signal passed, or the item was dropped with a stated reason.

**How to fix.** Validate or drop the item, or reopen the incident (`status: stabilized`, remove `closed_at`).

**Example.**

```sh
incidents validate INC-42-R1 --evidence \"CI run 88121\"
```";

    StaleStatusBlock = "stale-status-block", Warning,
    "a status block written by `status --write` no longer matches the records",
    "**What it checks.** The block between `<!-- incidents:status -->` and `<!-- /incidents:status -->` in an incident file equals what `incidents status --write` would write now.

**Why.** A committed status block that is out of date tells readers the wrong state.

**How to fix.** Run `incidents status --write` and commit the result.

**Example.**

```sh
incidents status --write INC-42
```";

    MissingSection = "missing-section", Warning,
    "a body section the config requires is absent or empty (defaults: an incident past gate 1 has a `Timeline`; a shipped or validated item has a `Causal analysis`)",
    "**What it checks.** The body has a heading with the required text and content under it (placeholders do not count). Required sections are configured per kind and status under `sections:` in `.incidents.yml`.

**Why.** Stabilization notes carry the timeline; remediation notes carry the causal analysis — the explanatory evidence gate 2 is judged on.

**How to fix.** Add the heading and write under it.

**Example.**

```markdown
## Timeline

- 14:20 5xx alert on checkout-api
- 14:41 rolled cart-service back to v41
```";

    UnknownClass = "unknown-class", Error,
    "a class (incident or failure mode) is not in the configured `classes` vocabulary; only when one is configured; with the closest name",
    "**What it checks.** When `.incidents.yml` configures a `classes` vocabulary, every class written in an incident — in `classes:` or as a failure mode's own `class:` — is one of its names (case and runs of white space ignored). Without a vocabulary any name is accepted.

**Why.** Repeat failure classes and recurrence after remediation group incidents by class name: a typo (`state-mismatch-during-partail-deploy`) silently splits a class in two, and the repeat is never seen.

**How to fix.** Use the closest name the message gives, or add the new class with a one-line description under `classes:` in `.incidents.yml`.

**Example.**

```yaml
# .incidents.yml
classes:
  state-mismatch-during-partial-deploy: a partial deploy left services disagreeing on state
# the incident
failure_modes:
  - {mode: price cache keys are not versioned, class: state-mismatch-during-partial-deploy}
```";
}
