//! Fuzz target: the front-matter editor on any text with any value.
//!
//! Input layout: byte 0 picks the edit (set a top-level key, set a key under
//! `stabilization:`, append to a list) and byte 1 the key; the rest is cut at the first
//! NUL into the value and the file text. The editor must never panic, and an edit it
//! accepts must keep the front matter readable, keep the body byte for byte, read back
//! with the key holding the value, and (for `set`) give the same text when applied again
//! with the same value, unless that second edit is refused.

#![no_main]

use incidents::edit::{apply, Edit};
use incidents::record::frontmatter::{split, Split};
use incidents::record::yaml::{self, Node};
use incidents::record::{INCIDENT_KEYS, REMEDIATION_KEYS, STABILIZATION_KEYS};
use libfuzzer_sys::fuzz_target;

const TOP: &[&str] = &["status", "title", "closed_at", "owner", "evidence", "reason", "commander", "x-new"];
const NESTED: &[&str] = &["signal", "rollback", "verification", "stabilized_at", "uncertainty"];
const LISTS: &[&str] = &["failure_modes", "classes", "links"];

fuzz_target!(|data: &[u8]| {
    let [kind, key, rest @ ..] = data else { return };
    let cut = rest.iter().position(|b| *b == 0).unwrap_or(rest.len());
    let (Ok(value), Ok(text)) = (std::str::from_utf8(&rest[..cut]), std::str::from_utf8(rest.get(cut + 1..).unwrap_or_default())) else {
        return;
    };
    let order = if kind & 0x80 == 0 { INCIDENT_KEYS } else { REMEDIATION_KEYS };
    let edit = match kind % 3 {
        0 => Edit::Set { key: TOP[usize::from(*key) % TOP.len()], value, order },
        1 => Edit::SetNested {
            parent: "stabilization",
            key: NESTED[usize::from(*key) % NESTED.len()],
            value,
            order: STABILIZATION_KEYS,
            parent_order: INCIDENT_KEYS,
        },
        _ => Edit::Append { key: LISTS[usize::from(*key) % LISTS.len()], value, order },
    };
    let Ok(out) = apply(text, &[edit]) else { return };
    let (Split::Found(before), Split::Found(after)) = (split(text), split(&out)) else {
        panic!("an accepted edit lost the front matter");
    };
    assert_eq!(before.body, after.body, "the body changed");
    let model = yaml::parse(after.yaml).unwrap_or_else(|e| panic!("an accepted edit is unreadable: {e:?}"));
    match edit {
        Edit::Set { key, .. } => {
            assert_eq!(model.get(key).and_then(Node::as_text).as_deref(), Some(value), "{key} does not read back");
            // Again with the same value: the same text, or a refusal (the line scanner can
            // misread a plain scalar holding `:"` inside a flow mapping; the re-read then
            // refuses, which writes nothing), never a different text.
            if let Ok(again) = apply(&out, &[edit]) {
                assert_eq!(again, out, "setting the same value again changed the text");
            }
        }
        Edit::SetNested { parent, key, .. } => {
            let got = model.get(parent).and_then(|block| block.get(key)).and_then(Node::as_text);
            assert_eq!(got.as_deref(), Some(value), "{parent}.{key} does not read back");
        }
        Edit::Append { key, .. } => {
            let Some(Node::Seq(items)) = model.get(key) else { panic!("{key} is not a list after appending") };
            assert!(items.iter().any(|item| item.as_text().as_deref() == Some(value)), "{key} lacks the value");
        }
    }
});
