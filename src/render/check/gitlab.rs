//! `check --format gitlab`: a GitLab Code Quality report — a JSON array with one object
//! per diagnostic: `description`, `check_name` (the rule code), `fingerprint`,
//! `severity` (`major` for errors, `minor` for warnings) and `location` (`path` relative
//! to the root, `lines.begin`). GitLab compares reports by fingerprint, so it must not
//! change when lines move or a message's "N days ago" grows: it hashes the rule code, the
//! file, the record id and the finding's rank among findings with those three, nothing else.

use crate::diagnostic::{Report, Severity};
use serde::Serialize;
use std::collections::HashMap;

/// One Code Quality issue.
#[derive(Debug, Serialize)]
pub(crate) struct Issue<'a> {
    pub(crate) description: &'a str,
    pub(crate) check_name: &'static str,
    pub(crate) fingerprint: String,
    pub(crate) severity: &'static str,
    pub(crate) location: Location<'a>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Location<'a> {
    pub(crate) path: &'a str,
    pub(crate) lines: Lines,
}

#[derive(Debug, Serialize)]
pub(crate) struct Lines {
    pub(crate) begin: usize,
}

/// Renders the shown diagnostics as a Code Quality report (pretty JSON array).
pub(crate) fn render(report: &Report) -> String {
    let mut seen: HashMap<(&str, &str, &str), usize> = HashMap::new();
    let issues: Vec<Issue<'_>> = report
        .diagnostics
        .iter()
        .map(|d| {
            let id = d.id.as_deref().unwrap_or_default();
            let rank = seen.entry((d.code.code(), d.file.as_str(), id)).or_insert(0);
            *rank += 1;
            Issue {
                description: &d.message,
                check_name: d.code.code(),
                fingerprint: fingerprint(&[d.code.code(), &d.file, id, &rank.to_string()]),
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                location: Location { path: &d.file, lines: Lines { begin: d.line } },
            }
        })
        .collect();
    crate::render::json::pretty(&issues)
}

/// 128 bits of two FNV-1a hashes (different offsets) over the parts, as 32 hex digits:
/// the same on every platform and in every release, unlike the standard library's hasher.
fn fingerprint(parts: &[&str]) -> String {
    let hash = |mut state: u64| {
        for part in parts {
            for byte in part.bytes().chain([0u8]) {
                state ^= u64::from(byte);
                state = state.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        state
    };
    format!("{:016x}{:016x}", hash(0xcbf2_9ce4_8422_2325), hash(0x6c62_272e_07bb_0142))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_fixed_and_distinct() {
        assert_eq!(fingerprint(&["overdue", "a.md", "INC-1", "1"]), fingerprint(&["overdue", "a.md", "INC-1", "1"]));
        assert_ne!(fingerprint(&["overdue", "a.md", "INC-1", "1"]), fingerprint(&["overdue", "a.md", "INC-1", "2"]));
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
        assert_eq!(fingerprint(&[]), "cbf29ce4842223256c62272e07bb0142");
    }
}
