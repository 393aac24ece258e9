//! `stale-status-block`: a block written by `status --write` must equal what
//! `status --write` would write now. It needs the incident's items, so it runs across
//! the record set, and it renders with the very function `--write` uses
//! ([`crate::render::status::block`]), so the two cannot disagree. Only files
//! whose body holds the markers are looked at.

use crate::analysis::StatusBlock;
use crate::diagnostic::{Finding, Rule};
use crate::record::{Record, Remediation};
use crate::render::status as status_output;
use crate::store::{Index, Repository};

/// Appends a finding for every written block that is stale, has no closing marker, or
/// has a second opening marker.
pub(crate) fn check(repo: &Repository, index: &Index<'_>, out: &mut Vec<Finding>) {
    if !repo.files.iter().any(|file| file.body.status_block.is_some()) {
        return;
    }
    for file in &repo.files {
        let Some(written) = &file.body.status_block else { continue };
        let Some(Record::Incident(incident)) = &file.record else { continue };
        let Some(id) = incident.id.get() else { continue };
        if let Some(second) = written.second_open {
            out.push(Finding::new(
                Rule::StaleStatusBlock,
                &file.path,
                second,
                Some(id),
                format!("the body of {id} has a second `<!-- incidents:status -->` (the first is on line {}): `status --write` refuses the file until one block stands between one pair of markers", written.line),
            ));
            continue;
        }
        let Some(content) = &written.content else {
            out.push(Finding::new(
                Rule::StaleStatusBlock,
                &file.path,
                written.line,
                Some(id),
                format!("the status block of {id} has `<!-- incidents:status -->` but no `<!-- /incidents:status -->` after it: add the closing marker on its own line after the block, then run `incidents status --write {id}`"),
            ));
            continue;
        };
        // The items exactly as `status --write` sees them (same selection, same order), so
        // a block it has just written is never reported as stale.
        let items: Vec<&Remediation> = index.incident(id).map(|entry| entry.remediations()).unwrap_or_default();
        let Some(block) = StatusBlock::build(incident, &items, None) else { continue };
        let expected = status_output::block(&block);
        if *content == expected {
            continue;
        }
        out.push(Finding::new(
            Rule::StaleStatusBlock,
            &file.path,
            written.line,
            Some(id),
            format!(
                "the status block of {id} no longer matches the records ({}): run `incidents status --write {id}` and commit the result",
                first_difference(content, &expected)
            ),
        ));
    }
}

/// A short description of the first line that differs.
fn first_difference(written: &str, expected: &str) -> String {
    let shorten = |line: &str| {
        let line = line.trim();
        if line.chars().count() > 80 {
            format!("{}…", line.chars().take(79).collect::<String>())
        } else {
            line.to_string()
        }
    };
    let (mut old, mut new) = (written.lines(), expected.lines());
    loop {
        match (old.next(), new.next()) {
            (Some(a), Some(b)) if a == b => continue,
            (Some(a), Some(b)) => {
                return format!("it says \"{}\" where the records give \"{}\"", shorten(a), shorten(b))
            }
            (Some(a), None) => return format!("it has an extra line \"{}\"", shorten(a)),
            (None, Some(b)) => return format!("it lacks the line \"{}\"", shorten(b)),
            (None, None) => return "it differs in white space".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_first_differing_line() {
        let cases = [
            ("a\nb\n", "a\nc\n", "it says \"b\" where the records give \"c\""),
            ("a\nb\n", "a\n", "it has an extra line \"b\""),
            ("a\n", "a\nb\n", "it lacks the line \"b\""),
            ("a\n", "a\n\n", "it lacks the line \"\""),
            ("a", "a\n", "it differs in white space"),
        ];
        for (written, expected, message) in cases {
            assert_eq!(first_difference(written, expected), message);
        }
    }
}
