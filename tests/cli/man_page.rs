//! Man pages: EXIT STATUS, ENVIRONMENT and SEE ALSO on every page, and (where groff is
//! installed) no groff warnings.

use crate::support::Repo;

#[test]
fn every_page_has_exit_status_environment_and_see_also() {
    let repo = Repo::new();
    for args in [&["man"][..], &["man", "check"], &["man", "digest"], &["man", "log"]] {
        let page = repo.ok(args).stdout;
        let order: Vec<usize> = [".SH EXAMPLES", ".SH \"EXIT STATUS\"", ".SH ENVIRONMENT", ".SH \"SEE ALSO\""]
            .iter()
            .map(|section| page.find(section).unwrap_or_else(|| panic!("{args:?} lacks {section}")))
            .collect();
        assert!(order.windows(2).all(|pair| pair[0] < pair[1]), "{args:?}: sections out of order");
        assert!(page.contains("\\fBNO_COLOR\\fR") && page.contains("\\fBGITHUB_STEP_SUMMARY\\fR"), "{args:?}");
        assert!(page.contains("\\fB2\\fR\nThe command could not run"), "{args:?}");
    }
    let main = repo.ok(&["man"]).stdout;
    assert!(!main.contains("\\fBincidents\\fR(1)") && main.contains("\\fBincidents\\-check\\fR(1)"));
    let check = repo.ok(&["man", "check"]).stdout;
    assert!(check.contains("\\fBincidents\\fR(1)") && !check.contains("\\fBincidents\\-check\\fR(1)"));
}

#[test]
fn groff_reads_the_pages_without_warnings() {
    if std::process::Command::new("groff").arg("--version").output().is_err() {
        eprintln!("note: groff is not installed; the pages were not typeset");
        return;
    }
    let repo = Repo::new();
    for args in [&["man"][..], &["man", "check"], &["man", "import"]] {
        let page = repo.ok(args).stdout;
        let path = repo.abs("page.1");
        std::fs::write(&path, &page).unwrap();
        let output = std::process::Command::new("groff")
            .args(["-k", "-man", "-Tutf8", "-ww", "-z"])
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success() && stderr.is_empty(), "{args:?}: {stderr}");
    }
}
