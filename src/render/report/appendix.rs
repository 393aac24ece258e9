//! The HTML report's appendix: every incident of the period with its facts, failure
//! modes, items and body. Record text is escaped; bodies go through
//! [`super::body`], which lets no raw HTML or unsafe link through.

use super::html_text::{escape, nowrap, opt, table};
use crate::analysis::Report;
use std::collections::BTreeMap;

/// The appendix section.
pub fn render(report: &Report, bodies: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    out.push_str("<section class=\"appendix\">\n<h2>Incidents</h2>\n");
    for incident in &report.incidents {
        out.push_str(&format!(
            "<article id=\"incident-{}\">\n<h3>{} · {}</h3>\n<dl>",
            escape(&incident.id),
            escape(&incident.id),
            opt(&incident.title)
        ));
        let stamp = |value: &Option<crate::clock::Timestamp>| value.map(|t| escape(&t.to_string()));
        let facts = [
            ("Severity", incident.severity.as_deref().map(escape)),
            ("Status", incident.status.as_deref().map(escape)),
            ("Opened", stamp(&incident.opened)),
            ("Stabilized", stamp(&incident.stabilized_at)),
            ("Closed", stamp(&incident.closed_at)),
            (
                "Classes",
                Some(incident.classes.iter().map(|c| escape(c)).collect::<Vec<_>>().join(", "))
                    .filter(|s| !s.is_empty()),
            ),
            ("File", Some(format!("<code>{}</code>", escape(&incident.file)))),
        ];
        for (label, value) in facts {
            if let Some(value) = value {
                out.push_str(&format!("<div><dt>{label}</dt><dd>{value}</dd></div>"));
            }
        }
        out.push_str("</dl>\n");
        if !incident.failure_modes.is_empty() {
            out.push_str("<p class=\"modes\">Failure modes:</p>\n<ul>\n");
            for mode in &incident.failure_modes {
                out.push_str(&format!("<li>{}</li>\n", escape(mode)));
            }
            out.push_str("</ul>\n");
        }
        if !incident.items.is_empty() {
            let rows: Vec<Vec<String>> = incident
                .items
                .iter()
                .map(|item| {
                    vec![
                        nowrap(&item.id),
                        item.status.as_deref().map_or_else(|| "—".to_string(), nowrap),
                        opt(&item.owner),
                        item.due.map_or_else(|| "—".to_string(), |due| nowrap(&due.to_string())),
                        opt(&item.failure_mode),
                    ]
                })
                .collect();
            out.push_str(&table(&["Item", "Status", "Owner", "Due", "Failure mode"], &rows, 5));
        }
        if let Some(body) = bodies.get(&incident.id) {
            out.push_str(&format!("<div class=\"body\">\n{}</div>\n", super::body::render(body)));
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");
    out
}
