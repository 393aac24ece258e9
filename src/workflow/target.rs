//! Finding the record a command names by id: exactly one file must hold it, and it must
//! be of the kind the command works on. A missing id gets a "did you mean".

use crate::error::{Error, Refusal, Result, UsageError};
use crate::record::{Incident, ParsedFile, Record, Remediation};
use crate::store::Repository;

/// The incident `id` and its file.
pub(crate) fn incident<'r>(repo: &'r Repository, id: &str) -> Result<(&'r ParsedFile, &'r Incident)> {
    let file = only(repo, id)?;
    match &file.record {
        Some(Record::Incident(incident)) => Ok((file, incident)),
        _ => Err(UsageError::NotAnIncident {
            id: id.to_string(),
            path: file.path.to_string(),
            parent: item_parent(file).unwrap_or("INC-42").to_string(),
        }
        .into()),
    }
}

/// The remediation item `id` and its file.
pub(crate) fn item<'r>(repo: &'r Repository, id: &str) -> Result<(&'r ParsedFile, &'r Remediation)> {
    let file = only(repo, id)?;
    match &file.record {
        Some(Record::Remediation(item)) => Ok((file, item)),
        _ => Err(UsageError::NotAnItem { id: id.to_string(), path: file.path.to_string() }.into()),
    }
}

fn item_parent(file: &ParsedFile) -> Option<&str> {
    match &file.record {
        Some(Record::Remediation(item)) => item.incident.value.as_deref(),
        _ => None,
    }
}

fn only<'r>(repo: &'r Repository, id: &str) -> Result<&'r ParsedFile> {
    let files = repo.files_with_id(id);
    match files.as_slice() {
        [file] => Ok(file),
        [] => {
            if let Some((_, file)) = repo.salvaged_ids().find(|(salvaged, _)| *salvaged == id) {
                return Err(Refusal::Unreadable { id: id.to_string(), path: file.path.to_string() }.into());
            }
            let hint = crate::suggest::same_id(id, repo.ids()).or_else(|| crate::suggest::closest(id, repo.ids()));
            Err(Error::NotFound { id: id.to_string(), hint: hint.map(str::to_string) })
        }
        many => {
            Err(Refusal::SharedId { id: id.to_string(), paths: many.iter().map(|f| f.path.to_string()).collect() }
                .into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn finds_by_kind_and_suggests_close_ids() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("incidents");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.md"), "---\nkind: incident\nid: INC-7\n---\n").unwrap();
        std::fs::write(dir.join("b.md"), "---\nkind: remediation\nid: INC-7-R1\nincident: INC-7\n---\n").unwrap();
        std::fs::write(dir.join("c.md"), "---\nkind: incident\nid: INC-8\n---\n").unwrap();
        std::fs::write(dir.join("d.md"), "---\nkind: incident\nid: INC-8\n---\n").unwrap();
        let repo = Repository::load(temp.path(), &Config::default());
        assert!(incident(&repo, "INC-7").is_ok());
        assert!(item(&repo, "INC-7-R1").is_ok());
        assert!(
            matches!(incident(&repo, "INC-7-R1"), Err(Error::Usage(UsageError::NotAnIncident { parent, .. })) if parent == "INC-7")
        );
        assert!(matches!(item(&repo, "INC-7"), Err(Error::Usage(UsageError::NotAnItem { .. }))));
        assert!(matches!(incident(&repo, "inc-7"), Err(Error::NotFound { hint: Some(h), .. }) if h == "INC-7"));
        assert!(matches!(incident(&repo, "INC-99"), Err(Error::NotFound { .. })));
        assert!(
            matches!(incident(&repo, "INC-8"), Err(Error::Refused(Refusal::SharedId { paths, .. })) if paths.len() == 2)
        );
    }
}
