//! `report` as Markdown (the default): every section of [`Report`] as headings, tables
//! and lists, recurrence after remediation first. Record text goes through
//! [`inline`] so a title cannot turn into markup.

use super::page::Page;
use crate::analysis::stats::Spread;
use crate::analysis::Report;
use crate::clock::format_duration;
use crate::render::markdown_text::inline;

/// The whole report, onto `out` ([`Page::markdown`]).
pub(crate) fn render(report: &Report, out: &mut Page<'_>) {
    out.push_str("# Incident report\n\n");
    writeln!(out, "{}", summary_line(report));
    recurrence(report, out);
    counts(report, out);
    timing(report, out);
    super::detection::markdown(report, out);
    remediation(report, out);
    coverage(report, out);
    repeats(report, out);
    super::markdown_incidents::render(report, out);
    super::classes::trends_markdown(report, out);
}

/// "Incidents opened from … to … · as of … · N incidents, M remediation items".
pub(crate) fn summary_line(report: &Report) -> String {
    let period = match (report.period.since, report.period.until) {
        (None, None) => "All incidents".to_string(),
        (Some(since), None) => format!("Incidents opened on or after {since}"),
        (None, Some(until)) => format!("Incidents opened on or before {until}"),
        (Some(since), Some(until)) => format!("Incidents opened from {since} to {until}"),
    };
    format!(
        "{period} · as of {} · {}, {}",
        report.today,
        crate::render::plural(report.incidents.len(), "incident"),
        crate::render::plural(report.remediation.items, "remediation item")
    )
}

/// A duration in minutes as the status block writes it; `—` when unknown.
pub(crate) fn minutes(value: Option<i64>) -> String {
    value.map_or_else(|| "—".to_string(), |m| format_duration(chrono::Duration::minutes(m)))
}

/// `text` quoted for a sentence ([`crate::render::markdown_text::quoted`]), written
/// onto the page.
pub(super) fn quoted_onto(out: &mut Page<'_>, text: &str) {
    out.push('"');
    out.push_str(&crate::render::markdown_text::inlined(text));
    out.push('"');
}

pub(super) fn opt(value: &Option<impl AsRef<str>>) -> String {
    value.as_ref().map_or_else(|| "—".to_string(), |value| inline(value.as_ref()))
}

/// A table, written row by row; columns from `numeric_from` on are right-aligned numbers.
pub(super) fn table(
    out: &mut Page<'_>,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
    numeric_from: usize,
) {
    writeln!(out, "| {} |", header.join(" | "));
    let rule: Vec<&str> = (0..header.len()).map(|i| if i < numeric_from { "---" } else { "---:" }).collect();
    writeln!(out, "|{}|", rule.join("|"));
    for row in rows {
        writeln!(out, "| {} |", row.join(" | "));
    }
}

fn recurrence(report: &Report, out: &mut Page<'_>) {
    super::classes::recurrence_markdown(report, out);
}

fn counts(report: &Report, out: &mut Page<'_>) {
    out.push_str("\n## Incidents by state and severity\n\n");
    let rows = report.counts.iter().map(|c| {
        vec![
            inline(&c.severity),
            c.active.to_string(),
            c.stabilized.to_string(),
            c.closed.to_string(),
            c.total.to_string(),
        ]
    });
    table(out, &["Severity", "Active", "Stabilized", "Closed", "Total"], rows, 1);
}

/// A spread's count, median and p90 as table cells.
pub(super) fn spread(s: &Spread) -> [String; 3] {
    [s.count.to_string(), minutes(s.median), minutes(s.p90)]
}

fn timing(report: &Report, out: &mut Page<'_>) {
    out.push_str("\n## Time to stabilize and to close\n\n");
    out.push_str("From `opened` to `stabilized_at` and to `closed_at`; median and p90 by nearest rank.\n\n");
    let rows = report.timing.iter().map(|t| {
        let mut row = vec![inline(&t.severity)];
        row.extend(spread(&t.time_to_stabilize_minutes));
        row.extend(spread(&t.time_to_close_minutes));
        row
    });
    table(out, &["Severity", "Stabilized", "Median", "p90", "Closed", "Median", "p90"], rows, 1);
}

fn remediation(report: &Report, out: &mut Page<'_>) {
    let work = &report.remediation;
    out.push_str("\n## Remediation\n\n### Items by owner\n\n");
    if work.by_owner.is_empty() {
        out.push_str("No remediation items.\n");
    } else {
        let rows = work.by_owner.iter().map(|o| {
            let n = [o.total, o.diagnosing, o.open, o.in_progress, o.shipped, o.validated, o.dropped, o.overdue];
            std::iter::once(inline(&o.owner)).chain(n.iter().map(usize::to_string)).collect()
        });
        table(
            out,
            &["Owner", "Items", "Diagnosing", "Open", "In progress", "Shipped", "Validated", "Dropped", "Overdue"],
            rows,
            1,
        );
    }
    write!(out, "\n### Overdue as of {}\n\n", report.today);
    due_table(out, &work.overdue, "Overdue by");
    write!(out, "\n### Due within {} days\n\n", work.due_soon_days);
    due_table(out, &work.due_soon, "Due in");
    out.push_str("\n### Time to ship and lead time to validation\n\n");
    out.push_str("From the incident's `stabilized_at` to the item's `shipped_at` (time to ship) and to its `validated_at` (lead time); median and p90 by nearest rank.\n\n");
    let rows = [("Time to ship", &work.time_to_ship_minutes), ("Lead time to validation", &work.lead_time_minutes)]
        .into_iter()
        .map(|(label, s)| std::iter::once(label.to_string()).chain(spread(s)).collect());
    table(out, &["Measure", "Items", "Median", "p90"], rows, 1);
    if !work.validated_without_date.is_empty() {
        write!(
            out,
            "\nValidated without `validated_at` (left out of lead time and slip): {}.\n",
            work.validated_without_date.iter().map(|id| inline(id)).collect::<Vec<_>>().join(", ")
        );
    }
    out.push_str("\n### Validated after the due date (slip)\n\n");
    if work.slipped.is_empty() {
        out.push_str("None.\n");
    } else {
        let rows = work.slipped.iter().map(|s| {
            let late = crate::render::plural(s.days_late, "day");
            vec![inline(&s.id), inline(&s.incident), opt(&s.owner), s.due.to_string(), s.validated_at.to_string(), late]
        });
        table(out, &["Item", "Incident", "Owner", "Due", "Validated", "Late by"], rows, 5);
    }
    due_moves(report, out);
}

fn due_moves(report: &Report, out: &mut Page<'_>) {
    out.push_str("\n### Due dates moved\n\n");
    if report.due_moves.is_empty() {
        out.push_str("None: no item's due date was moved.\n");
        return;
    }
    let date = |d: Option<chrono::NaiveDate>| d.map_or_else(|| "—".to_string(), |d| d.to_string());
    let rows = report.due_moves.iter().map(|m| {
        vec![
            inline(&m.id),
            inline(&m.incident),
            opt(&m.owner),
            date(m.from),
            date(m.to),
            m.moved_at.map_or_else(|| "—".to_string(), |at| at.to_string()),
            m.reason.as_deref().map_or_else(|| "not written".to_string(), inline),
        ]
    });
    table(out, &["Item", "Incident", "Owner", "From", "To", "Moved", "Reason"], rows, 7);
}

fn due_table(out: &mut Page<'_>, items: &[crate::analysis::workload::DueItem], label: &str) {
    if items.is_empty() {
        out.push_str("None.\n");
        return;
    }
    let rows = items.iter().map(|d| {
        let days = crate::render::plural(d.days, "day");
        vec![inline(&d.id), inline(&d.incident), d.status.clone(), opt(&d.owner), d.due.to_string(), days]
    });
    table(out, &["Item", "Incident", "Status", "Owner", "Due", label], rows, 5);
}

fn coverage(report: &Report, out: &mut Page<'_>) {
    let coverage = &report.coverage;
    out.push_str("\n## Coverage gaps and accepted risks\n\n### Failure modes with no item\n\n");
    if coverage.uncovered.is_empty() {
        out.push_str(match coverage.accepted_risks.len() {
            0 => "None: every failure mode has an item.\n",
            _ => "None: every failure mode has an item, but some only dropped ones (accepted risks, below).\n",
        });
    } else {
        let rows =
            coverage.uncovered.iter().map(|u| vec![inline(&u.incident), opt(&u.status), inline(&u.failure_mode)]);
        table(out, &["Incident", "Status", "Failure mode"], rows, 3);
    }
    out.push_str(
        "\n### Accepted risks\n\nFailure modes whose every item was dropped, with why and who accepted the risk.\n\n",
    );
    if coverage.accepted_risks.is_empty() {
        out.push_str("None.\n");
    } else {
        let not_written = |value: &Option<String>| value.as_deref().map_or_else(|| "not written".to_string(), inline);
        let rows = coverage.accepted_risks.iter().flat_map(|risk| {
            risk.dropped.iter().map(move |item| {
                vec![
                    inline(&risk.incident),
                    inline(&risk.failure_mode),
                    inline(&item.id),
                    not_written(&item.reason),
                    not_written(&item.approved_by),
                ]
            })
        });
        table(out, &["Incident", "Failure mode", "Dropped item", "Reason", "Approved by"], rows, 5);
    }
    out.push_str("\n### Closed without a validated item\n\n");
    if coverage.closed_without_validated.is_empty() {
        out.push_str("None: every closed incident has a validated item.\n");
    } else {
        let rows = coverage.closed_without_validated.iter().map(|c| {
            vec![
                inline(&c.incident),
                opt(&c.severity),
                c.closed_at.map_or_else(|| "—".to_string(), |at| at.to_string()),
                opt(&c.title),
                c.items.to_string(),
                c.dropped.to_string(),
            ]
        });
        table(out, &["Incident", "Severity", "Closed", "Title", "Items", "Dropped"], rows, 4);
    }
    write!(out, "\n### Stabilized more than {} days ago without items\n\n", coverage.grace_days);
    if coverage.without_items.is_empty() {
        out.push_str("None.\n");
    } else {
        let rows = coverage.without_items.iter().map(|w| {
            vec![
                inline(&w.incident),
                opt(&w.severity),
                w.stabilized_at.to_string(),
                opt(&w.title),
                w.days_since.to_string(),
            ]
        });
        table(out, &["Incident", "Severity", "Stabilized", "Title", "Days since"], rows, 4);
    }
}

fn repeats(report: &Report, out: &mut Page<'_>) {
    out.push_str("\n## Repeat failure classes\n\n");
    if report.repeat_classes.is_empty() {
        out.push_str("None: no failure class has two or more incidents in this period.\n");
        return;
    }
    for (n, class) in report.repeat_classes.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let span = match (class.first_opened, class.last_opened, class.span_days) {
            (Some(first), Some(last), Some(days)) => format!(", {first} to {last} ({days} days)"),
            _ => String::new(),
        };
        write!(out, "### {} — {} incidents{span}\n\n", inline(&class.class), class.count);
        if let Some(description) = &class.description {
            write!(out, "{}\n\n", inline(description));
        }
        out.push_each(&class.incidents, |incident, out| {
            let opened = incident.opened.map(|d| d.to_string()).unwrap_or_else(|| "—".to_string());
            writeln!(
                out,
                "- {} ({opened}, {}): {}",
                inline(&incident.id),
                incident.status.as_deref().unwrap_or("—"),
                opt(&incident.title)
            );
        });
    }
}
