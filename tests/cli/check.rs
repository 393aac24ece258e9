//! `incidents check`: rules, formats, exit codes, PATHS, discovery.

use crate::support::*;

#[test]
fn a_valid_repository_passes() {
    let repo = Repo::new().file("incidents/INC-1.md", &active_incident("INC-1"));
    let run = repo.check_json();
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.json()["summary"]["files"], 1);
}
