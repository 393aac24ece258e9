//! Ids of new records: incidents get the highest number any record uses plus one
//! (closed ones included, so ids are never reused); items get `<INCIDENT-ID>-R<n>`.
//! An id given with `--id` must be letters, digits, `-` and `_`: it becomes part of a
//! file name.

use crate::error::Refusal;
use crate::store::Repository;

/// Longest id accepted with `--id`.
pub(crate) const MAX_LEN: usize = 64;

/// Checks an id typed with `--id` (clap value parser).
pub(crate) fn parse_id(text: &str) -> Result<String, String> {
    let id = text;
    if id.trim().is_empty() {
        return Err("the id is empty: write one like `INC-42`".to_string());
    }
    if id.len() > MAX_LEN {
        return Err(format!("the id is {} characters long: keep it under {MAX_LEN}", id.len()));
    }
    if !id.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err(format!("`{id}` must start with a letter or a digit, like `INC-42`"));
    }
    if let Some(bad) = id.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_')) {
        return Err(format!("`{id}` holds {bad:?}: an id is letters, digits, `-` and `_` only, like `INC-42`"));
    }
    Ok(id.to_string())
}

/// The next free incident id: `<prefix>-<highest number in use + 1>`.
pub(crate) fn next_incident(repo: &Repository, prefix: &str) -> crate::Result<String> {
    let next =
        repo.highest_number(prefix).checked_add(1).ok_or_else(|| Refusal::NoIdLeft { prefix: prefix.to_string() })?;
    Ok(format!("{prefix}-{next}"))
}

/// An incident id typed with `--id`, when no record holds it: not one in use, not one
/// that differs only in case (it would confuse readers and clash on case-insensitive
/// file systems), and not one an unreadable record may hold.
pub(crate) fn given_incident_id(repo: &Repository, id: &str, prefix: &str) -> crate::Result<String> {
    let next = || next_incident(repo, prefix).unwrap_or_else(|_| "none left".to_string());
    if let Some(file) = repo.files_with_id(id).first() {
        return Err(Refusal::IdTaken { id: id.to_string(), path: file.path.clone(), next: next() }.into());
    }
    if let Some(taken) = repo.ids().find(|known| known.eq_ignore_ascii_case(id)) {
        return Err(Refusal::IdCaseClash { id: id.to_string(), taken: taken.to_string(), next: next() }.into());
    }
    if let Some(file) = repo.unreadable_file_named(id) {
        return Err(Refusal::IdMaybeTaken { id: id.to_string(), path: file.path.clone() }.into());
    }
    Ok(id.to_string())
}

/// The next free item id of `incident`: `<incident>-R<highest n in use + 1>`.
pub(crate) fn next_item(repo: &Repository, incident: &str) -> String {
    let lead = format!("{incident}-R");
    // Ids claimed by unreadable files and their names count too (`INC-7-R2-notes.md`).
    let number = |rest: &str| rest.split(|c: char| !c.is_ascii_digit()).next().and_then(|n| n.parse::<u64>().ok());
    let highest = repo.claimed_ids().filter_map(|id| id.strip_prefix(&lead)).filter_map(number).max().unwrap_or(0);
    // An item number cannot realistically run out; saturating keeps this infallible and
    // `create_new` refuses a file that exists.
    format!("{lead}{}", highest.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn accepts_only_safe_ids() {
        for good in ["INC-1", "ops_7", "2026-A"] {
            assert!(parse_id(good).is_ok(), "{good}");
        }
        let long = "A".repeat(MAX_LEN + 1);
        for bad in [
            "",
            "  ",
            "../INC-1",
            "a/b",
            "a\\b",
            "INC 1",
            "-INC",
            ".hidden",
            "INC-1\n",
            " INC-9",
            "ÉTÉ-1",
            long.as_str(),
        ] {
            assert!(parse_id(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn allocates_past_every_id_in_use() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("incidents");
        std::fs::create_dir_all(&dir).unwrap();
        let record = |kind: &str, id: &str| format!("---\nkind: {kind}\nid: {id}\n---\n");
        std::fs::write(dir.join("a.md"), record("incident", "INC-7")).unwrap();
        std::fs::write(dir.join("b.md"), record("remediation", "INC-9-R2")).unwrap();
        std::fs::write(dir.join("c.md"), record("remediation", "INC-7-R11")).unwrap();
        std::fs::write(dir.join("d.md"), record("incident", "OPS-40")).unwrap();
        let repo = Repository::load(temp.path(), &Config::default());
        assert_eq!(next_incident(&repo, "INC").unwrap(), "INC-10");
        assert_eq!(next_incident(&repo, "SEC").unwrap(), "SEC-1");
        assert_eq!(next_item(&repo, "INC-7"), "INC-7-R12");
        assert_eq!(next_item(&repo, "INC-9"), "INC-9-R3");
        assert_eq!(next_item(&repo, "INC-10"), "INC-10-R1");
    }
}
