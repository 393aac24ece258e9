//! Table-driven tests of the front-matter patches: each case gives the original bytes,
//! the edits and the exact bytes expected (or the refusal).

use super::*;

const INCIDENT: &[&str] = crate::record::INCIDENT_KEYS;
const STAB: &[&str] = crate::record::STABILIZATION_KEYS;

fn set<'a>(key: &'a str, value: &'a str) -> Edit<'a> {
    Edit::Set { key, value, order: INCIDENT }
}

fn nested<'a>(key: &'a str, value: &'a str) -> Edit<'a> {
    Edit::SetNested { parent: "stabilization", key, value, order: STAB, parent_order: INCIDENT }
}

fn append(value: &str) -> Edit<'_> {
    Edit::Append { key: "failure_modes", value, order: INCIDENT }
}

/// Asserts the patch gives `expected` and touches nothing after the front matter.
fn check(name: &str, before: &str, edits: &[Edit<'_>], expected: &str) {
    let after = apply(before, edits).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(after, expected, "{name}");
    let body = |text: &str| match split(text) {
        Split::Found(parts) => parts.body.to_string(),
        _ => panic!("{name}: no front matter"),
    };
    assert_eq!(body(before), body(&after), "{name}: body changed");
}

#[test]
fn sets_top_level_keys() {
    let cases: &[(&str, &str, &[Edit<'_>], &str)] = &[
        (
            "replaces in place, keeping the comment and the spacing before it",
            "---\nid: INC-1\nstatus: active   # active → stabilized → closed\nopened: 2026-03-01\n---\nbody\n",
            &[set("status", "stabilized")],
            "---\nid: INC-1\nstatus: stabilized   # active → stabilized → closed\nopened: 2026-03-01\n---\nbody\n",
        ),
        (
            "keeps a quoted key as written",
            "---\n\"status\": 'active'\n---\n",
            &[set("status", "closed")],
            "---\n\"status\": closed\n---\n",
        ),
        (
            "replaces a placeholder",
            "---\ncommander: <who runs it>  # optional\n---\n",
            &[set("commander", "Dana")],
            "---\ncommander: Dana  # optional\n---\n",
        ),
        (
            "replaces a block scalar with one line, keeping the key line's comment",
            "---\ntitle: |  # long\n  one\n  two\n# after\nstatus: active\n---\n",
            &[set("title", "short")],
            "---\ntitle: short  # long\n# after\nstatus: active\n---\n",
        ),
        (
            "replaces a quoted scalar spanning lines",
            "---\ntitle: \"one\n  two\"\nstatus: active\n---\n",
            &[set("title", "x")],
            "---\ntitle: x\nstatus: active\n---\n",
        ),
        (
            "writes line breaks as escapes",
            "---\ntitle: a\n---\n",
            &[set("title", "line one\nline two: \"quoted\"")],
            "---\ntitle: \"line one\\nline two: \\\"quoted\\\"\"\n---\n",
        ),
        (
            "inserts a new key after the nearest earlier key of the canonical order",
            "---\nid: INC-1\nstatus: stabilized\nstabilization:\n  signal: x\n  # trailing comment\nnotes: kept\n---\n",
            &[set("closed_at", "2026-03-10")],
            "---\nid: INC-1\nstatus: stabilized\nstabilization:\n  signal: x\nclosed_at: 2026-03-10\n  # trailing comment\nnotes: kept\n---\n",
        ),
        (
            "inserts a key unknown to the order after the last entry",
            "---\nid: INC-1\n# the end\n---\n",
            &[set("extra", "v")],
            "---\nid: INC-1\nextra: v\n# the end\n---\n",
        ),
        ("inserts into empty front matter", "---\n---\nbody\n", &[set("id", "INC-1")], "---\nid: INC-1\n---\nbody\n"),
        (
            "keeps CRLF and the BOM, and writes new lines with CRLF",
            "\u{feff}---\r\nid: INC-1\r\nstatus: active\r\n---\r\nbody\r\n",
            &[set("status", "closed"), set("closed_at", "2026-03-10")],
            "\u{feff}---\r\nid: INC-1\r\nstatus: closed\r\nclosed_at: 2026-03-10\r\n---\r\nbody\r\n",
        ),
        (
            "leaves comments, blank lines, unknown keys and quoting around it alone",
            "---\n# top comment\nkind: incident\n\nid: 'INC-1'   # quoted\ncustom_key: {a: 1}\nstatus: \"active\"\n\n# closing comment\n---\n",
            &[set("status", "stabilized")],
            "---\n# top comment\nkind: incident\n\nid: 'INC-1'   # quoted\ncustom_key: {a: 1}\nstatus: stabilized\n\n# closing comment\n---\n",
        ),
    ];
    for (name, before, edits, expected) in cases {
        check(name, before, edits, expected);
    }
}

#[test]
fn sets_nested_keys() {
    let cases: &[(&str, &str, &[Edit<'_>], &str)] = &[
        (
            "replaces a child at the file's own indentation",
            "---\nstabilization:\n    signal: <the signal>\n    rollback: x\n---\n",
            &[nested("signal", "5xx > 2%")],
            "---\nstabilization:\n    signal: 5xx > 2%\n    rollback: x\n---\n",
        ),
        (
            "inserts a child after the nearest earlier child, past comments at any column",
            "---\nstabilization:\n  signal: s\n# column zero comment\n  verification: v\n  uncertainty: u\n---\n",
            &[nested("stabilized_at", "2026-03-10")],
            "---\nstabilization:\n  signal: s\n# column zero comment\n  verification: v\n  stabilized_at: 2026-03-10\n  uncertainty: u\n---\n",
        ),
        (
            "inserts after a child whose value is a block scalar",
            "---\nstabilization:\n  verification: >\n    folded\n    text\nclosed_at: x\n---\n",
            &[nested("stabilized_at", "2026-03-10")],
            "---\nstabilization:\n  verification: >\n    folded\n    text\n  stabilized_at: 2026-03-10\nclosed_at: x\n---\n",
        ),
        (
            "creates the block after the nearest earlier top-level key",
            "---\nid: INC-1\nstatus: active\nfailure_modes: []\nclosed_at: x\n---\n",
            &[nested("signal", "s")],
            "---\nid: INC-1\nstatus: active\nfailure_modes: []\nstabilization:\n  signal: s\nclosed_at: x\n---\n",
        ),
        (
            "turns an empty flow mapping into a block",
            "---\nstabilization: {}  # gate 1\n---\n",
            &[nested("signal", "s")],
            "---\nstabilization:  # gate 1\n  signal: s\n---\n",
        ),
        (
            "fills a block that only holds comments",
            "---\nstabilization:\n  # fill me\nid: x\n---\n",
            &[nested("signal", "s")],
            "---\nstabilization:\n  signal: s\n  # fill me\nid: x\n---\n",
        ),
    ];
    for (name, before, edits, expected) in cases {
        check(name, before, edits, expected);
    }
}

#[test]
fn appends_to_lists() {
    let cases: &[(&str, &str, &[Edit<'_>], &str)] = &[
        (
            "block list, after the last item and its comment",
            "---\nfailure_modes:\n  - a  # first\n  - b\n# done\nclasses: []\n---\n",
            &[append("c")],
            "---\nfailure_modes:\n  - a  # first\n  - b\n  - c\n# done\nclasses: []\n---\n",
        ),
        (
            "block list at the key's own indentation",
            "---\nfailure_modes:\n- a\nclasses: []\n---\n",
            &[append("b")],
            "---\nfailure_modes:\n- a\n- b\nclasses: []\n---\n",
        ),
        (
            "block list item spanning lines",
            "---\nfailure_modes:\n  - a long\n    entry\n---\n",
            &[append("b")],
            "---\nfailure_modes:\n  - a long\n    entry\n  - b\n---\n",
        ),
        (
            "placeholder item is written over",
            "---\nfailure_modes:\n  - <a plain breakage>\n---\n",
            &[append("cache race")],
            "---\nfailure_modes:\n  - cache race\n---\n",
        ),
        (
            "empty flow list, keeping the comment",
            "---\nfailure_modes: []   # list them\n---\n",
            &[append("cache race")],
            "---\nfailure_modes: [cache race]   # list them\n---\n",
        ),
        (
            "flow list with entries; a value with a comma is quoted",
            "---\nfailure_modes: [a, 'b']\n---\n",
            &[append("c, d")],
            "---\nfailure_modes: [a, 'b', \"c, d\"]\n---\n",
        ),
        (
            "flow list spanning lines with a comment inside",
            "---\nfailure_modes: [\n  a,\n  b  # second\n]\n---\n",
            &[append("c")],
            "---\nfailure_modes: [\n  a,\n  b, c  # second\n]\n---\n",
        ),
        (
            "flow list with a trailing comma",
            "---\nfailure_modes: [a,]\n---\n",
            &[append("b")],
            "---\nfailure_modes: [a, b]\n---\n",
        ),
        (
            "flow list holding a placeholder",
            "---\nfailure_modes: [ <list them> ]\n---\n",
            &[append("b")],
            "---\nfailure_modes: [ b ]\n---\n",
        ),
        (
            "empty key",
            "---\nfailure_modes:\nclasses: []\n---\n",
            &[append("a")],
            "---\nfailure_modes:\n  - a\nclasses: []\n---\n",
        ),
        (
            "placeholder scalar",
            "---\nfailure_modes: <list them>  # plain sentences\n---\n",
            &[append("a")],
            "---\nfailure_modes:  # plain sentences\n  - a\n---\n",
        ),
        (
            "absent list is created after the nearest earlier key",
            "---\nid: INC-1\ncommander: Dana\nstabilization:\n  signal: s\n---\n",
            &[append("a"), append("b")],
            "---\nid: INC-1\ncommander: Dana\nfailure_modes:\n  - a\n  - b\nstabilization:\n  signal: s\n---\n",
        ),
        (
            "CRLF block list",
            "---\r\nfailure_modes:\r\n  - a\r\n---\r\n",
            &[append("b")],
            "---\r\nfailure_modes:\r\n  - a\r\n  - b\r\n---\r\n",
        ),
    ];
    for (name, before, edits, expected) in cases {
        check(name, before, edits, expected);
    }
}

#[test]
fn refuses_what_it_cannot_patch_safely() {
    let cases: &[(&str, &[Edit<'_>], EditError)] = &[
        ("no front matter\n", &[set("a", "b")], EditError::NoFrontMatter),
        ("---\na: 1\n", &[set("a", "b")], EditError::NoFrontMatter),
        (
            "---\nstabilization: {signal: x}\n---\n",
            &[nested("rollback", "r")],
            EditError::FlowMapping("stabilization".into()),
        ),
        ("---\nstabilization: text\n---\n", &[nested("rollback", "r")], EditError::NotAMapping("stabilization".into())),
        (
            "---\nstabilization:\n  - a\n---\n",
            &[nested("rollback", "r")],
            EditError::NotAMapping("stabilization".into()),
        ),
        ("---\nfailure_modes: one\n---\n", &[append("b")], EditError::NotAList("failure_modes".into())),
        ("---\nfailure_modes:\n  a: 1\n---\n", &[append("b")], EditError::NotAList("failure_modes".into())),
        ("---\nfailure_modes: [a, <b>]\n---\n", &[append("c")], EditError::Unsafe("failure_modes".into())),
    ];
    for (before, edits, expected) in cases {
        assert_eq!(apply(before, edits).unwrap_err(), *expected, "{before}");
    }
    assert!(matches!(apply("---\na: [\n---\n", &[set("a", "b")]), Err(EditError::Unreadable(_))));
}

#[test]
fn every_edit_reads_back_with_the_parser() {
    let awkward = "\u{feff}---\r\n# comment\r\nkind: incident\r\nid: \"INC-1\"\r\nstatus: active # note\r\nfailure_modes: [a,\r\n  b]\r\nstabilization:\r\n    signal: |\r\n      multi\r\n      line\r\n    # between\r\n    rollback: 'it''s fine'\r\nunknown: {x: [1, 2]}\r\n---\r\n\r\n## Timeline\r\n";
    let edits = [
        set("status", "stabilized"),
        nested("verification", "p99 < 300ms"),
        nested("signal", "new\nsignal"),
        append("c: d"),
        set("closed_at", "2026-03-10T10:00:00Z"),
    ];
    let after = apply(awkward, &edits).unwrap();
    let model = front_matter(&after).unwrap();
    assert_eq!(model.get("status"), Some(&Node::String("stabilized".into())));
    let block = model.get("stabilization").unwrap();
    assert_eq!(block.get("signal"), Some(&Node::String("new\nsignal".into())));
    assert_eq!(block.get("rollback"), Some(&Node::String("it's fine".into())));
    assert!(after.ends_with("---\r\n\r\n## Timeline\r\n"));
    assert!(after.contains("# comment\r\n") && after.contains("    # between\r\n"));
    assert!(!after.replace("\r\n", "").contains('\n'), "every line ends with CRLF: {after:?}");
}

const ITEM: &[&str] = crate::record::REMEDIATION_KEYS;
const MOVE: &[(&str, &str)] =
    &[("due", "2026-03-20"), ("moved_at", "2026-03-10"), ("reason", "vendor fix slipped: ETA 03-27")];

fn append_map(entries: &'static [(&'static str, &'static str)]) -> Edit<'static> {
    Edit::AppendMap { key: "due_history", entries, order: ITEM }
}

#[test]
fn appends_mappings_to_lists() {
    let cases: &[(&str, &str, &[Edit<'_>], &str)] = &[
        (
            "absent list is created after its predecessor, keys in the order given",
            "---\nid: INC-1-R1\ndue: 2026-03-20 # end of window\ndropped_at: 2026-03-01\nlinks: []\n---\nbody\n",
            &[append_map(MOVE)],
            "---\nid: INC-1-R1\ndue: 2026-03-20 # end of window\ndropped_at: 2026-03-01\ndue_history:\n  - due: 2026-03-20\n    moved_at: 2026-03-10\n    reason: 'vendor fix slipped: ETA 03-27'\nlinks: []\n---\nbody\n",
        ),
        (
            "block list: the entry takes the last entry's dash and indentation; comments stay",
            "---\ndue_history:\n# earlier\n- due: 2026-03-01   # first\n  moved_at: 2026-02-20\n  reason: x\nstatus: open\n---\n",
            &[append_map(&[("due", "2026-03-20"), ("reason", "later")])],
            "---\ndue_history:\n# earlier\n- due: 2026-03-01   # first\n  moved_at: 2026-02-20\n  reason: x\n- due: 2026-03-20\n  reason: later\nstatus: open\n---\n",
        ),
        (
            "flow list gets a flow mapping",
            "---\ndue_history: [{due: 2026-03-01, reason: x}]  # moves\n---\n",
            &[append_map(&[("due", "2026-03-20"), ("moved_at", "2026-03-10T09:00:00Z")])],
            "---\ndue_history: [{due: 2026-03-01, reason: x}, {due: 2026-03-20, moved_at: \"2026-03-10T09:00:00Z\"}]  # moves\n---\n",
        ),
        (
            "empty flow list",
            "---\ndue_history: []\n---\n",
            &[append_map(&[("due", "2026-03-20")])],
            "---\ndue_history: [{due: 2026-03-20}]\n---\n",
        ),
        (
            "null value becomes a block list, CRLF kept",
            "---\r\ndue_history: ~\r\n---\r\n",
            &[append_map(&[("due", "2026-03-20"), ("reason", "later")])],
            "---\r\ndue_history:\r\n  - due: 2026-03-20\r\n    reason: later\r\n---\r\n",
        ),
        (
            "a placeholder entry is written over",
            "---\ndue_history:\n  - <earlier due dates>\n---\n",
            &[append_map(&[("due", "2026-03-20"), ("reason", "later")])],
            "---\ndue_history:\n  - due: 2026-03-20\n    reason: later\n---\n",
        ),
        (
            "two moves in a row",
            "---\nid: X\n---\n",
            &[append_map(&[("due", "2026-03-20")]), append_map(&[("due", "2026-03-27"), ("reason", "z")])],
            "---\nid: X\ndue_history:\n  - due: 2026-03-20\n  - due: 2026-03-27\n    reason: z\n---\n",
        ),
    ];
    for (name, before, edits, expected) in cases {
        check(name, before, edits, expected);
    }
    assert_eq!(
        apply("---\ndue_history: 2026-03-01\n---\n", &[append_map(MOVE)]).unwrap_err(),
        EditError::NotAList("due_history".into())
    );
}

#[test]
fn appends_a_failure_mode_with_its_class() {
    let pairs = [("mode", "cache keys, not versioned: after deploy"), ("class", "state-mismatch")];
    let edit = [Edit::AppendMap { key: "failure_modes", entries: &pairs, order: INCIDENT }];
    let cases: &[(&str, &str, &str)] = &[
        (
            "block list: a block mapping entry, quoted where needed",
            "---\nfailure_modes:\n  - a  # first\nclasses: []\n---\nbody\n",
            "---\nfailure_modes:\n  - a  # first\n  - mode: 'cache keys, not versioned: after deploy'\n    class: state-mismatch\nclasses: []\n---\nbody\n",
        ),
        (
            "flow list",
            "---\nfailure_modes: [a]\n---\n",
            "---\nfailure_modes: [a, {mode: 'cache keys, not versioned: after deploy', class: state-mismatch}]\n---\n",
        ),
        (
            "absent key",
            "---\nid: INC-1\n---\n",
            "---\nid: INC-1\nfailure_modes:\n  - mode: 'cache keys, not versioned: after deploy'\n    class: state-mismatch\n---\n",
        ),
    ];
    for (name, before, expected) in cases {
        check(name, before, &edit, expected);
    }
}
