// The rule table read by `rule.rs` (included there). One entry per rule:
// Variant = "code", default level, "fires when …", "explanation (Markdown)".
rules! {
    Syntax = "syntax", Error,
    "front matter is unterminated, is not valid YAML, or is not a mapping; the file is not UTF-8",
    "**What it checks.** A Markdown file under the records folder whose first line is `---` is a record; its front matter must end at a second `---` line, parse as YAML, be a mapping, stay under 64 KiB and 32 levels of nesting, and the file must be UTF-8. Files that are unreadable also get this code.

**Why.** A record that cannot be read would otherwise drop out of every gate silently; CI must fail instead.

**How to fix.** Close the front matter with a `---` line, fix the YAML at the reported line (often an unquoted `:` or a tab), and save the file as UTF-8. A file that is not meant to be a record should not start with `---`.

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
    "a remediation item has no `validation`",
    "**What it checks.** Every remediation item says what would prove the system changed.

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
    "**What it checks.** Items still `open`, `in-progress` or `shipped` whose due date (the end of the window) is before today (`--today` fixes today).

**Why.** An overdue item is prevention that is not happening; it should be visible before the failure repeats.

**How to fix.** Ship and validate it, move the date with a reason in the body, or drop it with a reason.

**Example.**

```yaml
due: 2026-04-30   # moved from 2026-03-16: blocked on the schema migration, see body
```";

    UncoveredFailureMode = "uncovered-failure-mode", Error,
    "a closed incident, or one stabilized longer ago than the grace period, has a failure mode with no remediation item, or lists no failure modes at all (warning within the grace period)",
    "**What it checks.** Every failure mode of a closed incident, or of one stabilized longer ago than `grace_period` (default 7 days), has at least one remediation item (any status; a dropped item records the decision not to fix). An incident past gate 1 that lists no failure modes at all fires too. Within the grace period the diagnostic is a warning; a configured level caps it.

**Why.** Remediation items are opened before the incident loop closes, or they are never opened.

**How to fix.** Add an item per failure mode with `incidents remediate <ID> --failure-mode …`, or list the failure modes the incident revealed.

**Example.**

```sh
incidents remediate INC-42 --failure-mode \"cache invalidation race after partial deploy\" \\
  --owner team-checkout --due 2w --validation \"staggered-rollout integration test\"
```";

    OpenRemediation = "open-remediation", Error,
    "a closed incident has an item that is neither `validated` nor `dropped`",
    "**What it checks.** A closed incident has no item that is still `open`, `in-progress` or `shipped`.

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
}
