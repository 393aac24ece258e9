//! Dynamic completion: the real bash completion function, registered with
//! `source <(COMPLETE=bash incidents)`, completes ids, rule codes, severities, owners and
//! classes from the repository in the working directory.

use crate::support::{open_item, Repo};

const SCRIPT: &str = r#"
source <(COMPLETE=bash "$BIN")
comp() {
  COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_TYPE=9
  _clap_complete_incidents incidents "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
  echo "$* => ${COMPREPLY[*]}"
}
comp incidents close IN
comp incidents ship INC-7
comp incidents explain missing-r
comp incidents list --owner te
comp incidents list --class state
comp incidents list --severity P
comp incidents dig
"#;

#[test]
fn bash_completes_ids_rules_severities_owners_and_classes() {
    if std::process::Command::new("bash").arg("--version").output().is_err() {
        eprintln!("note: bash is not installed; completion not exercised");
        return;
    }
    let incident = "---\nkind: incident\nid: INC-7\ntitle: x\nseverity: P2\nstatus: active\nopened: 2026-03-01\nclasses: [state-mismatch-during-partial-deploy]\n---\n";
    let repo = Repo::new()
        .file(".incidents.yml", "severities: [P1, P2]\n")
        .file("incidents/INC-7.md", incident)
        .file("incidents/INC-7-R1.md", &open_item("INC-7-R1", "INC-7", "x"));
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(SCRIPT)
        .env("BIN", assert_cmd::cargo::cargo_bin("incidents"))
        .current_dir(repo.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let expected = "incidents close IN => INC-7
incidents ship INC-7 => INC-7-R1
incidents explain missing-r => missing-rollback
incidents list --owner te => team-checkout
incidents list --class state => state-mismatch-during-partial-deploy
incidents list --severity P => P1 P2
incidents dig => digest
";
    assert_eq!(stdout, expected, "stderr: {}", String::from_utf8_lossy(&output.stderr));
}
