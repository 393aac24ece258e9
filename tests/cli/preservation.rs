//! Edits through the binary on deliberately awkward files: a BOM, CRLF line endings,
//! comments between keys and inside blocks, flow lists spanning lines, quoted and
//! block-scalar values, unknown keys, a body. Each step's expected bytes are the
//! previous bytes with exactly the intended lines changed.

use crate::support::*;

const AWKWARD: &str = "\u{feff}---\r
# Incident record, edited by hand\r
kind: incident\r
id: \"INC-7\"   # quoted id\r
title: 'Checkout: 502s after deploy'\r
severity: SEV2\r
status: active # active → stabilized → closed\r
opened: 2026-03-01T10:00:00Z\r
\r
failure_modes: [cache race after partial deploy,\r
  \"retry storm\"]  # two so far\r
team_channel: \"#checkout-incidents\"\r
stabilization:\r
    # filled in during the incident\r
    signal: |\r
      5xx rate on checkout-api above 2%\r
      reproduced by replaying cart requests\r
    intervention: rolled checkout-api back to v41\r
    rollback: >-\r
      redeploy v41\r
# trailing comment\r
---\r
\r
## Timeline\r
\r
- 10:00 alert, `status: active` in a code span\r
---\r
";

#[test]
fn every_step_changes_only_the_lines_it_means_to() {
    let repo = Repo::new();
    let file = "incidents/2026/INC-7.md";
    repo.write(file, AWKWARD.as_bytes());
    let mut expected = AWKWARD.to_string();

    repo.ok(&["stabilize", "INC-7", "--verification", "5xx under 0.1% for 30 minutes", "--at", "2026-03-01T11:30:00Z"]);
    expected = expected
        .replace("status: active # active", "status: stabilized # active")
        .replace(
            "      redeploy v41\r\n",
            "      redeploy v41\r\n    verification: 5xx under 0.1% for 30 minutes\r\n    stabilized_at: 2026-03-01T11:30:00Z\r\n",
        );
    assert_eq!(repo.read(file), expected);

    let item = |mode: &str, extra: &[&str]| {
        let mut args = vec![
            "remediate",
            "INC-7",
            "--failure-mode",
            mode,
            "--owner",
            "sre",
            "--due",
            "1w",
            "--validation",
            "a replay test of the failing path",
        ];
        args.extend_from_slice(extra);
        let run = repo.ok(&args);
        last_line(&run.stdout).to_string()
    };
    let first = item("cache race after partial deploy", &[]);
    let second = item("RETRY STORM", &[]);
    assert_eq!(repo.read(file), expected, "items for listed modes leave the incident alone");
    let third = item("queue backlog after failover", &["--add-failure-mode"]);
    expected = expected
        .replace("  \"retry storm\"]  # two so far", "  \"retry storm\", queue backlog after failover]  # two so far");
    assert_eq!(repo.read(file), expected);

    for (path, steps, added) in [
        (
            &first,
            vec![
                vec!["ship", "INC-7-R1", "--change", "3f2a9c1"],
                vec!["validate", "INC-7-R1", "--evidence", "CI run 9: replay green"],
            ],
            "status: validated\nchange: 3f2a9c1\nevidence: 'CI run 9: replay green'\nshipped_at: 2026-03-10\nvalidated_at: 2026-03-10\n",
        ),
        (
            &second,
            vec![vec!["drop", "INC-7-R2", "--reason", "retries are removed", "--approved-by", "dana"]],
            "status: dropped\nreason: retries are removed\napproved_by: dana\ndropped_at: 2026-03-10\n",
        ),
        (
            &third,
            vec![
                vec!["start", "INC-7-R3"],
                vec!["ship", "INC-7-R3", "--change", "v42.1"],
                vec!["validate", "INC-7-R3", "--evidence", "failover drill 3"],
            ],
            "status: validated\nchange: v42.1\nevidence: failover drill 3\nstarted_at: 2026-03-10\nshipped_at: 2026-03-10\nvalidated_at: 2026-03-10\n",
        ),
    ] {
        let before = repo.read(path);
        for args in steps {
            repo.ok(&args);
        }
        assert_eq!(repo.read(path), before.replace("status: open\n", added), "{path}");
    }

    repo.ok(&["close", "INC-7", "--at", "2026-03-09"]);
    expected = expected.replace("status: stabilized # active", "status: closed # active").replace(
        "    stabilized_at: 2026-03-01T11:30:00Z\r\n",
        "    stabilized_at: 2026-03-01T11:30:00Z\r\nclosed_at: 2026-03-09\r\n",
    );
    assert_eq!(repo.read(file), expected);
    repo.assert_checks();
}

#[test]
fn lf_files_with_block_lists_get_lf_lines() {
    let original = "---\nkind: incident\nid: INC-3\ntitle: Search slow\nseverity: SEV3\nstatus: stabilized\nopened: 2026-03-01\nfailure_modes:\n- index rebuild starves queries   # entries at the key's indent\nunknown_key: [1, 2]\nstabilization:\n  signal: p99 > 2s\n  rollback: pause the rebuild\n  verification: p99 < 300ms for an hour\n  stabilized_at: 2026-03-02\n---\nBody without a heading.\n";
    let repo = Repo::new().file("incidents/INC-3.md", original);
    repo.ok(&[
        "remediate",
        "INC-3",
        "--add-failure-mode",
        "--failure-mode",
        "no backpressure on bulk reindex",
        "--owner",
        "search",
        "--due",
        "2026-03-20",
        "--validation",
        "load test reindexes under query traffic",
    ]);
    let expected = original.replace(
        "- index rebuild starves queries   # entries at the key's indent\n",
        "- index rebuild starves queries   # entries at the key's indent\n- no backpressure on bulk reindex\n",
    );
    assert_eq!(repo.read("incidents/INC-3.md"), expected);
}

#[test]
fn multi_line_values_round_trip() {
    let repo = Repo::new().file("incidents/INC-1.md", &active_incident("INC-1"));
    let rollback = "1. redeploy v41\n2. flush the cart cache: \"all\" keys\t(tab)";
    repo.ok(&[
        "stabilize",
        "INC-1",
        "--signal",
        "5xx > 2%",
        "--intervention",
        "rolled back",
        "--rollback",
        rollback,
        "--verification",
        "p99 < 300ms",
    ]);
    let text = repo.read("incidents/INC-1.md");
    assert!(
        text.contains("  rollback: \"1. redeploy v41\\n2. flush the cart cache: \\\"all\\\" keys\\t(tab)\"\n"),
        "{text}"
    );
    assert_eq!(front_matter_json(&text)["stabilization"]["rollback"], rollback);
    repo.assert_checks();
}
