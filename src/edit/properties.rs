//! Property tests of the front-matter editor on valid records written many ways (key
//! order, comments, blank lines, quoting styles, block and flow lists, CRLF, a BOM,
//! unknown keys): every edit a command makes succeeds, changes only the lines it
//! targets (the replaced key line, or the lines it inserts), leaves the body byte for
//! byte, and reads back as the original record plus exactly that change.

use super::frontmatter::{apply, put, Edit};
use crate::record::frontmatter::{split, Split};
use crate::record::{INCIDENT_KEYS, STABILIZATION_KEYS};
use crate::text::is_placeholder;
use crate::yaml::{self, Node};
use proptest::prelude::*;

/// Values as a person writes them: plain, quoted either way, with a trailing comment.
fn styled(plain: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        Just(plain.to_string()),
        Just(format!("'{plain}'")),
        Just(format!("\"{plain}\"")),
        Just(format!("{plain}   # noted")),
    ]
}

fn any_value() -> impl Strategy<Value = String> {
    prop::sample::select(&["Checkout 502s", "cart cache race", "team-checkout", "ünïcode title", "v42 rollout"][..])
        .prop_flat_map(styled)
}

/// A list written as a block (indented or not) or on one line as a flow list.
fn list(key: &'static str) -> impl Strategy<Value = String> {
    let items = prop::collection::vec(prop::sample::select(&["cache race", "disk full", "dns drift"][..]), 1..4);
    (items, 0..3u8).prop_map(move |(items, style)| match style {
        0 => format!("{key}:\n{}", items.iter().map(|i| format!("  - {i}\n")).collect::<String>()),
        1 => format!("{key}:\n{}", items.iter().map(|i| format!("- {i}\n")).collect::<String>()),
        _ => format!("{key}: [{}]\n", items.join(", ")),
    })
}

fn stabilization() -> impl Strategy<Value = String> {
    prop::sample::subsequence(&["signal", "rollback", "verification", "uncertainty"][..], 0..4)
        .prop_flat_map(|keys| (Just(keys.clone()), prop::collection::vec(any_value(), keys.len()), any::<bool>()))
        .prop_map(|(keys, values, comment)| {
            let mut block = String::from("stabilization:\n");
            for (key, value) in keys.iter().zip(values) {
                block.push_str(&format!("  {key}: {value}\n"));
                if comment {
                    block.push_str("  # checked on the dashboard\n");
                }
            }
            block
        })
}

/// A valid incident: entries shuffled, comments and blank lines between them.
fn record() -> impl Strategy<Value = String> {
    let optional = (
        prop::option::of(any_value().prop_map(|v| format!("commander: {v}\n"))),
        prop::option::of(list("failure_modes")),
        prop::option::of(list("classes")),
        prop::option::of(stabilization()),
        prop::option::of(any_value().prop_map(|v| format!("x-note: {v}\n"))),
    );
    let gaps = prop::collection::vec(prop::sample::select(&["", "", "", "# a comment\n", "\n"][..]), 12);
    let eol = prop::sample::select(&["\n", "\r\n"][..]);
    let body = prop::sample::select(&["", "\n## Timeline\n\n- 10:00 alert\n", "body --- with: colons\n---\n"][..]);
    (any_value(), optional, gaps, eol, any::<bool>(), body)
        .prop_flat_map(|(title, optional, gaps, eol, bom, body)| {
            let mut entries = vec![
                "kind: incident\n".to_string(),
                "id: INC-7\n".to_string(),
                format!("title: {title}\n"),
                "severity: SEV2\n".to_string(),
                "status: active\n".to_string(),
                "opened: 2026-03-01T10:00:00Z\n".to_string(),
            ];
            let (commander, modes, classes, stabilization, note) = optional;
            entries.extend([commander, modes, classes, stabilization, note].into_iter().flatten());
            (Just(entries).prop_shuffle(), Just(gaps), Just(eol), Just(bom), Just(body))
        })
        .prop_map(|(entries, gaps, eol, bom, body)| {
            let mut yaml = String::new();
            for (entry, gap) in entries.iter().zip(gaps.iter().cycle()) {
                yaml.push_str(gap);
                yaml.push_str(entry);
            }
            let text = format!("{}---\n{yaml}---\n{body}", if bom { "\u{feff}" } else { "" });
            text.replace('\n', eol)
        })
}

/// Values a command may be given: tricky for YAML, or anything at all.
fn edit_value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(
            &[
                "a: b",
                "- x",
                "#x",
                "x # y",
                "yes",
                "123",
                "[x]",
                "{a}",
                "'q'",
                "\"dq\"",
                "é",
                "line\nbreak",
                "\u{2028}",
                " lead",
                "trail ",
                "---",
                "...",
                "&a",
                "*a",
                "!t",
                "%x",
                "@x",
                "`x",
                "<placeholder>",
                "TODO",
                "",
            ][..]
        )
        .prop_map(str::to_string),
        any::<String>(),
    ]
}

#[derive(Debug, Clone)]
enum Change {
    Set(&'static str, String),
    SetNested(&'static str, String),
    Append(&'static str, String),
    /// A `due_history`-style entry; leaked so the edit can borrow it for `'static`
    /// (a few bytes per case, in a test).
    AppendMap(&'static str, &'static [(&'static str, &'static str)]),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (prop::sample::select(&["title", "status", "commander", "closed_at", "x-note", "severity"][..]), edit_value())
            .prop_map(|(key, value)| Change::Set(key, value)),
        (
            prop::sample::select(&["signal", "rollback", "verification", "stabilized_at", "uncertainty"][..]),
            edit_value()
        )
            .prop_map(|(key, value)| Change::SetNested(key, value)),
        // Commands append only meaningful text (never blank or a placeholder).
        (
            prop::sample::select(&["failure_modes", "classes"][..]),
            edit_value().prop_filter_map("placeholder", |v| { crate::text::meaningful(&v).map(str::to_string) })
        )
            .prop_map(|(key, value)| Change::Append(key, value)),
        (prop::sample::select(&["failure_modes", "classes", "due_history"][..]), edit_value()).prop_map(
            |(key, reason)| {
                let reason: &'static str = Box::leak(reason.into_boxed_str());
                let entries: &'static [(&'static str, &'static str)] = Box::leak(
                    vec![("due", "2026-03-20"), ("moved_at", "2026-03-10T09:00:00Z"), ("reason", reason)]
                        .into_boxed_slice(),
                );
                Change::AppendMap(key, entries)
            }
        ),
    ]
}

impl Change {
    fn edit(&self) -> Edit<'_> {
        match self {
            Change::Set(key, value) => Edit::Set { key, value, order: INCIDENT_KEYS },
            Change::SetNested(key, value) => Edit::SetNested {
                parent: "stabilization",
                key,
                value,
                order: STABILIZATION_KEYS,
                parent_order: INCIDENT_KEYS,
            },
            Change::Append(key, value) => Edit::Append { key, value, order: INCIDENT_KEYS },
            Change::AppendMap(key, entries) => Edit::AppendMap { key, entries, order: INCIDENT_KEYS },
        }
    }

    /// The keys a changed or inserted line may start with.
    fn keys(&self) -> Vec<&'static str> {
        match self {
            Change::Set(key, _) | Change::Append(key, _) => vec![key],
            Change::SetNested(key, _) => vec!["stabilization", key],
            Change::AppendMap(key, entries) => std::iter::once(*key).chain(entries.iter().map(|(k, _)| *k)).collect(),
        }
    }

    /// What the front matter should read as after this change.
    fn expect(&self, model: &mut Node) {
        match self {
            Change::Set(key, value) => put(model, key, Node::String(value.clone())),
            Change::SetNested(key, value) => {
                let mut block = match model.get("stabilization") {
                    Some(existing @ Node::Map(_)) => existing.clone(),
                    _ => Node::Map(Vec::new()),
                };
                put(&mut block, key, Node::String(value.clone()));
                put(model, "stabilization", block);
            }
            Change::Append(key, value) => {
                let mut items = match model.get(key) {
                    Some(Node::Seq(items)) => items.clone(),
                    _ => Vec::new(),
                };
                // The editor writes over the first placeholder entry instead of appending.
                let placeholder =
                    items.iter().position(|item| matches!(item, Node::String(s) if is_placeholder(s.trim())));
                match placeholder {
                    Some(at) => items[at] = Node::String(value.clone()),
                    None => items.push(Node::String(value.clone())),
                }
                put(model, key, Node::Seq(items));
            }
            Change::AppendMap(key, entries) => {
                let mut items = match model.get(key) {
                    Some(Node::Seq(items)) => items.clone(),
                    _ => Vec::new(),
                };
                let map = entries.iter().map(|(k, v)| ((*k).to_string(), Node::String((*v).to_string()))).collect();
                let placeholder =
                    items.iter().position(|item| matches!(item, Node::String(s) if is_placeholder(s.trim())));
                match placeholder {
                    Some(at) => items[at] = Node::Map(map),
                    None => items.push(Node::Map(map)),
                }
                put(model, key, Node::Seq(items));
            }
        }
    }
}

/// Equality ignoring the order of mapping keys; scalars compared as text.
fn same(a: &Node, b: &Node) -> bool {
    match (a, b) {
        (Node::Map(x), Node::Map(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.iter().any(|(k2, v2)| k == k2 && same(v, v2)))
        }
        (Node::Seq(x), Node::Seq(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        _ => a.as_text() == b.as_text() && std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

fn parts(text: &str) -> (Node, &str) {
    let Split::Found(parts) = split(text) else { panic!("no front matter in {text:?}") };
    (yaml::parse(parts.yaml).unwrap_or_else(|e| panic!("{e:?} in {text:?}")), parts.body)
}

/// Asserts that `after` differs from `before` only in lines `change` targets: at most
/// one line replaced (holding the key) and at most two inserted (each starting with a
/// targeted key or a list dash).
fn assert_only_targeted_lines(before: &str, after: &str, change: &Change) -> Result<(), TestCaseError> {
    let old: Vec<&str> = before.split_inclusive('\n').collect();
    let new: Vec<&str> = after.split_inclusive('\n').collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let room = old.len().min(new.len()) - prefix;
    let suffix = old.iter().rev().zip(new.iter().rev()).take(room).take_while(|(a, b)| a == b).count();
    let removed = &old[prefix..old.len() - suffix];
    let added = &new[prefix..new.len() - suffix];
    let starts_with_target = |line: &str| {
        let content = line.trim_start_matches(['\u{feff}', ' ']);
        content.starts_with("- ") || change.keys().iter().any(|key| content.starts_with(&format!("{key}:")))
    };
    prop_assert!(removed.len() <= 1, "{change:?} removed {removed:?}");
    // A mapping entry adds one line per key, plus the list's key when it is new.
    let most = match change {
        Change::AppendMap(_, entries) => entries.len() + 1,
        _ => 2,
    };
    prop_assert!(added.len() <= most, "{change:?} added {added:?}");
    prop_assert!(
        removed.iter().chain(added).all(|line| starts_with_target(line)),
        "{change:?}: -{removed:?} +{added:?}"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn edits_change_only_their_lines_and_read_back(text in record(), changes in prop::collection::vec(change(), 1..4)) {
        let (mut expected, body) = parts(&text);
        let mut current = text.clone();
        for change in &changes {
            let next = apply(&current, &[change.edit()]);
            prop_assert!(next.is_ok(), "{change:?} refused on {current:?}: {next:?}");
            let next = next.unwrap_or_default();
            assert_only_targeted_lines(&current, &next, change)?;
            change.expect(&mut expected);
            current = next;
        }
        let (got, new_body) = parts(&current);
        prop_assert_eq!(new_body, body);
        prop_assert!(same(&expected, &got), "expected {expected:?}\ngot {got:?}\nfrom {current:?}");
        // All edits at once, as a command applies them, give the same text.
        let edits: Vec<Edit<'_>> = changes.iter().map(Change::edit).collect();
        prop_assert_eq!(apply(&text, &edits).ok(), Some(current));
    }

    #[test]
    fn any_text_and_any_edit_never_panic(text in any::<String>(), prefix in any::<bool>(), change in change()) {
        let text = if prefix { format!("---\nkind: incident\n{text}\n---\n") } else { text };
        if let Ok(out) = apply(&text, &[change.edit()]) {
            let Split::Found(before) = split(&text) else { return Err(TestCaseError::fail("edited a file without front matter")) };
            let Split::Found(after) = split(&out) else { return Err(TestCaseError::fail("the edit lost the front matter")) };
            prop_assert_eq!(before.body, after.body);
        }
    }
}
