//! The HTML report's accepted risks (failure modes whose every item was dropped, with
//! the reason and the approver) and closed incidents without any validated item. Record
//! text is escaped.

use super::html::link;
use super::html_text::{escape, nowrap, opt, table};
use super::page::Page;
use crate::analysis::coverage::Coverage;

/// Appends both parts to the coverage section.
pub(crate) fn render(coverage: &Coverage, out: &mut Page<'_>) {
    out.push_str("<h3>Accepted risks</h3>\n<p>Failure modes whose every item was dropped, with why and who accepted the risk.</p>\n");
    if coverage.accepted_risks.is_empty() {
        out.push_str("<p>None.</p>\n");
    } else {
        let written =
            |value: &Option<String>| value.as_deref().map_or_else(|| "<em>not written</em>".to_string(), escape);
        let rows = coverage.accepted_risks.iter().flat_map(|risk| {
            risk.dropped.iter().map(move |item| {
                vec![
                    link(&risk.incident),
                    escape(&risk.failure_mode),
                    nowrap(&item.id),
                    written(&item.reason),
                    written(&item.approved_by),
                ]
            })
        });
        table(out, &["Incident", "Failure mode", "Dropped item", "Reason", "Approved by"], rows, 5);
    }
    out.push_str("<h3>Closed without a validated item</h3>\n");
    if coverage.closed_without_validated.is_empty() {
        out.push_str("<p>None: every closed incident has a validated item.</p>\n");
    } else {
        let rows = coverage.closed_without_validated.iter().map(|c| {
            vec![
                link(&c.incident),
                opt(&c.severity),
                c.closed_at.map_or_else(|| "—".to_string(), |at| nowrap(&at.to_string())),
                opt(&c.title),
                c.items.to_string(),
                c.dropped.to_string(),
            ]
        });
        table(out, &["Incident", "Severity", "Closed", "Title", "Items", "Dropped"], rows, 4);
    }
}
