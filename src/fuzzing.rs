//! The fuzz targets' entry points (`fuzz/`, built by cargo-fuzz with `--cfg fuzzing`).
//! They live in the crate so the targets reach the readers, rules, renderers and the
//! editor without making those public: the library's surface stays what `lib.rs` says.
//! Nothing here is compiled in a normal build.

use crate::config::{self, Config};
use crate::edit::Edit;
use crate::record::frontmatter::{split, Split};
use crate::record::{parse_file, INCIDENT_KEYS, REMEDIATION_KEYS, STABILIZATION_KEYS};
use crate::render::check;
use crate::render::color::Palette;
use crate::store::Repository;
use crate::yaml::Node;
use std::path::{Path, PathBuf};

const SEPARATOR: &[u8] = b"\n%%file\n";
const CONFIG: &[u8] = b"%%config\n";

/// Bytes → record files → every rule → every `check` renderer (the job summary
/// included) and the HTML report's body renderer.
///
/// The input is cut at lines `%%file` into up to eight record files, read as one
/// repository (so cross-record rules such as `duplicate-id` and `broken-reference` run).
/// An input starting with `%%config` uses its first part as `.incidents.yml` text, when
/// that parses. Nothing may panic, every diagnostic must point at a line of its file,
/// and the job summary must fit the room it is given.
pub fn parse_and_check(data: &[u8]) {
    let (config, records) = match data.strip_prefix(CONFIG) {
        Some(rest) => {
            let (head, tail) = cut(rest);
            let text = String::from_utf8_lossy(head);
            (config::parse(&text, Path::new(".incidents.yml")).unwrap_or_default(), tail.unwrap_or_default())
        }
        None => (Config::default(), data),
    };
    let mut files: Vec<&[u8]> = Vec::new();
    let mut rest = Some(records);
    while let Some(chunk) = rest {
        if files.len() == 8 {
            break;
        }
        let (head, tail) = cut(chunk);
        files.push(head);
        rest = tail;
    }
    let parsed = files
        .iter()
        .enumerate()
        .filter_map(|(index, bytes)| parse_file(&format!("incidents/f{index}.md"), bytes, &config))
        .collect();
    let repo = Repository { root: PathBuf::from("/nonexistent"), files: parsed };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap_or_default();
    let report = crate::rules::check(&repo, &config, today);
    for diagnostic in &report.diagnostics {
        let lines = files[index_of(&diagnostic.file)].split(|b| *b == b'\n').count();
        assert!(diagnostic.line >= 1 && diagnostic.line <= lines, "{diagnostic:?} past line {lines}");
    }
    let _ = check::json::render(&report);
    let _ = check::github::render(&report);
    let _ = check::sarif::render(&report, &config);
    let _ = check::gitlab::render(&report);
    let names: Vec<String> = (0..files.len()).map(|index| format!("incidents/f{index}.md")).collect();
    let _ = check::junit::render(&report, &names, false);
    let room = data.len() * 4;
    let summary = check::summary::render(&report, room).within(room);
    assert!(summary.len() <= room, "the job summary is {} bytes, past its room of {room}", summary.len());
    let _ = check::human::render(&report, &Palette::new(true), &mut |file, line| {
        let text = String::from_utf8_lossy(files[index_of(file)]).into_owned();
        text.lines().nth(line.checked_sub(1)?).map(str::to_string)
    });
    for bytes in &files {
        if let Ok(text) = std::str::from_utf8(bytes) {
            if let Split::Found(parts) = split(text) {
                let _ = crate::render::report::body::render(parts.body);
            }
        }
    }
}

/// The front-matter editor on any text with any value.
///
/// Byte 0 picks the edit (set a top-level key, set a key under `stabilization:`, append
/// to a list, append a mapping to `due_history`) and byte 1 the key; the rest is cut at
/// the first NUL into the value and the file text. The editor must never panic, and an
/// edit it accepts must keep the front matter readable, keep the body byte for byte,
/// read back with the key holding the value, and (for `set`) give the same text when
/// applied again with the same value, unless that second edit is refused.
pub fn edit_frontmatter(data: &[u8]) {
    const TOP: &[&str] = &["status", "title", "closed_at", "owner", "evidence", "reason", "commander", "x-new"];
    const NESTED: &[&str] = &["signal", "intervention", "rollback", "verification", "stabilized_at", "uncertainty"];
    const LISTS: &[&str] = &["failure_modes", "classes", "links"];
    let [kind, key, rest @ ..] = data else { return };
    let cut = rest.iter().position(|b| *b == 0).unwrap_or(rest.len());
    let (Ok(value), Ok(text)) =
        (std::str::from_utf8(&rest[..cut]), std::str::from_utf8(rest.get(cut + 1..).unwrap_or_default()))
    else {
        return;
    };
    let order = if kind & 0x80 == 0 { INCIDENT_KEYS } else { REMEDIATION_KEYS };
    let entries = [("due", "2026-03-20"), ("reason", value)];
    let edit = match kind % 4 {
        0 => Edit::Set { key: TOP[usize::from(*key) % TOP.len()], value, order },
        1 => Edit::SetNested {
            parent: "stabilization",
            key: NESTED[usize::from(*key) % NESTED.len()],
            value,
            order: STABILIZATION_KEYS,
            parent_order: INCIDENT_KEYS,
        },
        2 => Edit::Append { key: LISTS[usize::from(*key) % LISTS.len()], value, order },
        _ => Edit::AppendMap { key: "due_history", entries: &entries, order: REMEDIATION_KEYS },
    };
    let Ok(out) = crate::edit::frontmatter::apply(text, &[edit]) else { return };
    let (Split::Found(before), Split::Found(after)) = (split(text), split(&out)) else {
        panic!("an accepted edit lost the front matter");
    };
    assert_eq!(before.body, after.body, "the body changed");
    let model = crate::yaml::parse(after.yaml).unwrap_or_else(|e| panic!("an accepted edit is unreadable: {e:?}"));
    match edit {
        Edit::Set { key, .. } => {
            assert_eq!(model.get(key).and_then(Node::as_text).as_deref(), Some(value), "{key} does not read back");
            // Again with the same value: the same text, or a refusal (the re-read then
            // refuses, which writes nothing), never a different text.
            if let Ok(again) = crate::edit::frontmatter::apply(&out, &[edit]) {
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
        Edit::AppendMap { key, .. } => {
            let Some(Node::Seq(items)) = model.get(key) else { panic!("{key} is not a list after appending") };
            let last = items.last().and_then(|item| item.get("reason")).and_then(Node::as_text);
            assert_eq!(last.as_deref(), Some(value), "{key}'s new entry lacks the reason");
        }
    }
}

/// Splits at the first separator.
fn cut(data: &[u8]) -> (&[u8], Option<&[u8]>) {
    match data.windows(SEPARATOR.len()).position(|window| window == SEPARATOR) {
        Some(at) => (&data[..at], Some(&data[at + SEPARATOR.len()..])),
        None => (data, None),
    }
}

fn index_of(file: &str) -> usize {
    file.trim_start_matches("incidents/f").trim_end_matches(".md").parse().unwrap_or(0)
}
