//! `report --format json`: the [`Report`] struct as `render::json::write_versioned`
//! would write it, byte for byte, with its incident rows and recurrences serialised on
//! every core ([`crate::render::json_parts`]). The fields are taken apart exhaustively,
//! so a field added to [`Report`] is a compile error here until it is written; a test
//! compares the bytes with serde_json's.

use crate::analysis::Report;
use crate::render::json_parts::{field, rows};
use std::io::{self, Write};

/// Writes `report` as `{"version": 1, …}` in pretty JSON ending in a newline, through the
/// one JSON writer's escape of GitHub workflow commands.
pub(crate) fn write(report: &Report, out: impl Write) -> io::Result<()> {
    let Report {
        today,
        period,
        incidents,
        counts,
        timing,
        detection,
        recurrences,
        repeat_classes,
        class_quarters,
        similar_failure_modes,
        remediation,
        due_moves,
        coverage,
        charts,
    } = report;
    crate::render::json_parts::write_versioned(out, |out| {
        field(out, "today", today)?;
        field(out, "period", period)?;
        rows(out, "incidents", incidents)?;
        field(out, "counts", counts)?;
        field(out, "timing", timing)?;
        field(out, "detection", detection)?;
        rows(out, "recurrences", recurrences)?;
        field(out, "repeat_classes", repeat_classes)?;
        field(out, "class_quarters", class_quarters)?;
        field(out, "similar_failure_modes", similar_failure_modes)?;
        field(out, "remediation", remediation)?;
        field(out, "due_moves", due_moves)?;
        field(out, "coverage", coverage)?;
        field(out, "charts", charts)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Period;
    use crate::config::Config;
    use crate::record::timeline::Milestones;
    use crate::store::{Index, Repository};

    /// The report of `root` as `report` builds it, written both ways.
    fn both_ways(root: &std::path::Path) -> (String, String) {
        let config = crate::config::load(root).unwrap_or_else(|_| Config::default());
        let repo = Repository::load(root, &config);
        let index = Index::build(&repo);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let report = Report::build(&index, &config, Period::default(), today, &|_| Milestones::default());
        let (mut ours, mut serdes) = (Vec::new(), Vec::new());
        write(&report, &mut ours).unwrap();
        crate::render::json::write_versioned(&mut serdes, &report).unwrap();
        (String::from_utf8(ours).unwrap(), String::from_utf8(serdes).unwrap())
    }

    #[test]
    fn the_examples_are_written_as_serde_json_writes_them() {
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        for name in ["demo", "broken"] {
            let (ours, serdes) = both_ways(&examples.join(name));
            assert!(serdes.contains("\"incidents\": [\n    {"), "{name}: {serdes}");
            assert!(serdes.contains("\"recurrences\": ["), "{name}");
            assert_eq!(ours, serdes, "{name}");
        }
    }

    #[test]
    fn more_rows_than_a_window_and_none_are_written_alike() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("incidents");
        std::fs::create_dir(&folder).unwrap();
        let (ours, serdes) = both_ways(root.path());
        assert!(serdes.contains("\"incidents\": []"), "{serdes}");
        assert_eq!(ours, serdes);
        for n in 1..=(crate::render::json_parts::WINDOW + 3) {
            let text = format!(
                "---\nkind: incident\nid: INC-{n}\ntitle: \"T ##[x] {n}\"\nstatus: active\nseverity: SEV2\nopened: 2026-01-01T00:00:00Z\n---\n"
            );
            std::fs::write(folder.join(format!("INC-{n}.md")), text).unwrap();
        }
        let (ours, serdes) = both_ways(root.path());
        assert!(serdes.contains("\\u0023#[x]"), "the workflow-command escape applies to both");
        assert_eq!(ours, serdes);
    }
}
