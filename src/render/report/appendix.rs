//! The HTML report's appendix: every incident of the period with its facts, gate-1
//! evidence (signal, intervention, rollback, verification), failure modes, items (each
//! with its validation, change (a short SHA or a link) and evidence and where they came
//! from, or reason and approver) and body. Record text is escaped; unfilled placeholders
//! are absent from the model and left out of bodies; bodies go through [`super::body`],
//! which lets no raw HTML or unsafe link through.

use super::html_text::{escape, escape_into, nowrap_into, opt, opt_into, table_end, table_head};
use super::page::Page;
use crate::analysis::report::{IncidentRow, ItemRow};
use crate::analysis::Report;
use crate::error::Result;
use std::borrow::Cow;

/// The body of an incident file (root-relative path) rendered to HTML by
/// [`super::body::render`]: taken from what the command rendered while loading, or read
/// and rendered now; `None` when the file has no front matter to split off. Called from
/// several threads.
pub(crate) type Bodies<'b> = &'b (dyn Fn(&str) -> Result<Option<Cow<'b, str>>> + Sync);

/// The appendix section. Articles are rendered on every core ([`Page::try_push_each`],
/// whose window shrinks when articles are large, so the HTML held stays bounded), bodies
/// not rendered already read and rendered to HTML with them (pulldown-cmark), and written
/// in order; an error reading a body ends the page at that incident, as when they were
/// read one by one.
pub(crate) fn render(report: &Report, out: &mut Page<'_>, body: Bodies<'_>) -> Result<()> {
    out.push_str("<section class=\"appendix\">\n<h2>Incidents</h2>\n");
    out.try_push_each(&report.incidents, |incident, out| -> Result<()> {
        article(incident, body(incident.file)?.as_deref(), out);
        Ok(())
    })?;
    out.push_str("</section>\n");
    Ok(())
}

/// One incident of the appendix, with its body already rendered.
fn article(incident: &IncidentRow, body: Option<&str>, out: &mut Page<'_>) {
    write!(
        out,
        "<article id=\"incident-{}\">\n<h3>{} · {}</h3>\n<dl>",
        escape(incident.id),
        escape(incident.id),
        opt(&incident.title)
    );
    let stamp = |value: &Option<crate::clock::Timestamp>| value.map(|t| escape(&t.to_string()));
    let facts = [
        ("Severity", incident.severity.map(escape)),
        ("Status", incident.status.map(escape)),
        ("Opened", stamp(&incident.opened)),
        ("Stabilized", stamp(&incident.stabilized_at)),
        ("Closed", stamp(&incident.closed_at)),
        ("Commander", incident.commander.map(escape)),
        (
            "Classes",
            Some(incident.classes.iter().map(|c| escape(c)).collect::<Vec<_>>().join(", ")).filter(|s| !s.is_empty()),
        ),
        ("File", Some(format!("<code>{}</code>", escape(incident.file)))),
    ];
    for (label, value) in facts {
        if let Some(value) = value {
            write!(out, "<div><dt>{label}</dt><dd>{value}</dd></div>");
        }
    }
    out.push_str("</dl>\n");
    gate_one(incident, out);
    if !incident.failure_modes.is_empty() {
        out.push_str("<p class=\"modes\">Failure modes:</p>\n<ul>\n");
        for mode in &incident.failure_modes {
            out.push_str("<li>");
            escape_into(out, mode);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    if !incident.items.is_empty() {
        // The rows of `table`, written cell by cell into the page: one table per incident
        // with a row per item, the bulk of the appendix, so no string is built per cell.
        table_head(out, &["Item", "Status", "Owner", "Due", "Failure mode", "Validation and proof"], 6);
        for item in &incident.items {
            out.push_str("<tr><td>");
            nowrap_into(out, item.id);
            out.push_str("</td><td>");
            nowrap_or_dash(out, item.status);
            out.push_str("</td><td>");
            nowrap_or_dash(out, item.owner);
            out.push_str("</td><td>");
            nowrap_or_dash(out, item.due.map(|due| due.to_string()).as_deref());
            out.push_str("</td><td>");
            opt_into(out, item.failure_mode);
            out.push_str("</td><td>");
            proof(item, out);
            out.push_str("</td></tr>\n");
        }
        table_end(out);
    }
    if let Some(html) = body {
        write!(out, "<div class=\"body\">\n{html}</div>\n");
    }
    out.push_str("</article>\n");
}

/// The gate-1 evidence as a small definition list; "not written" for a missing field of
/// an incident past gate 1.
fn gate_one(incident: &IncidentRow, out: &mut Page<'_>) {
    let gate = &incident.stabilization;
    let active = incident.status == Some("active");
    if active && gate.signal.is_none() && gate.verification.is_none() {
        out.push_str("<p class=\"note\">Gate 1 evidence: not yet — the incident is active.</p>\n");
        return;
    }
    out.push_str("<dl class=\"evidence\">");
    let fields = [
        ("Signal", &gate.signal),
        ("Intervention", &gate.intervention),
        ("Rollback", &gate.rollback),
        ("Verification", &gate.verification),
        ("Uncertainty", &gate.uncertainty),
    ];
    for (label, value) in fields {
        if value.is_none() && label == "Uncertainty" {
            continue;
        }
        write!(out, "<dt>{label}</dt><dd>");
        match value {
            Some(text) => escape_into(out, text),
            None => out.push_str("<em>not written</em>"),
        }
        out.push_str("</dd>");
    }
    out.push_str("</dl>\n");
}

/// A change: a commit SHA as its short form in code (the whole SHA as its title), an
/// `http(s)` URL as a link whose text is its short form, anything else as written.
fn change(text: &str) -> String {
    use crate::text::{is_commit_sha, is_web_url, short_change};
    let text = text.trim();
    let short = escape(&short_change(text));
    if is_commit_sha(text) {
        format!("<code title=\"{}\">{short}</code>", escape(text))
    } else if is_web_url(text) && text.chars().all(|c| c.is_ascii_graphic()) {
        format!("<a href=\"{}\">{short}</a>", escape(text))
    } else {
        escape(text)
    }
}

/// A cell of text that must not wrap, or a dash when absent.
fn nowrap_or_dash(out: &mut Page<'_>, text: Option<&str>) {
    match text {
        Some(text) => nowrap_into(out, text),
        None => out.push_str("—"),
    }
}

/// An item's validation, change and evidence, or reason and approver, lines apart.
fn proof(item: &ItemRow, out: &mut Page<'_>) {
    let mut lines = 0;
    let mut line = |out: &mut Page<'_>| {
        if lines > 0 {
            out.push_str("<br>");
        }
        lines += 1;
    };
    if item.status == Some("diagnosing") && item.validation.is_none() {
        line(out);
        out.push_str("<em>no validation yet: still diagnosing</em>");
    }
    for (label, value) in super::markdown_incidents::fields(item) {
        line(out);
        write!(out, "<b>{label}:</b> ");
        match (label, value) {
            (_, None) => out.push_str("<em>not written</em>"),
            ("Change" | "Evidence", Some(text)) => {
                if label == "Change" {
                    out.push_str(&change(text));
                } else {
                    escape_into(out, text);
                }
                write!(out, " <small>({})</small>", super::markdown_incidents::source(item, label));
            }
            (_, Some(text)) => escape_into(out, text),
        }
    }
    if item.due_moves > 0 {
        line(out);
        write!(out, "<small>due date moved {}</small>", crate::render::plural(item.due_moves, "time"));
    }
    if lines == 0 {
        out.push_str("—");
    }
}
