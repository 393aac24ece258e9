//! The report's class sections, in Markdown and HTML side by side: recurrence after
//! remediation (worded to claim only timing: "opened N days after INC-3-R1 was validated
//! for the same class"), incidents per class per quarter (a table; in HTML also a
//! stacked-bar chart as inline SVG), and failure modes that look like an earlier one
//! without a shared class. Every piece of record text is escaped.

use super::charts::color;
use super::html_text::{escape, escape_into, opt_into, table, table_end, table_head};
use super::markdown::quoted_onto;
use super::page::{Page, Separated};
use crate::analysis::recurrence::Recurrence;
use crate::analysis::Report;
use crate::render::markdown_text::{inline, inlined, quoted};
use crate::render::plural;
use std::borrow::Cow;

const LEAD: &str = "an incident with a failure mode of a class was opened after an item for an earlier failure mode of that class was validated. This shows timing, not cause: check whether the earlier fix covered this failure mode, and plan prevention against the class.";

fn fix_sentence(found: &Recurrence, markdown: bool, out: &mut Page<'_>) {
    let Some(last) = found.after.last() else { return };
    let code = |out: &mut Page<'_>, text: &str| match markdown {
        true => out.push_str(&inlined(text)),
        false => escape_into(out, text),
    };
    write!(out, "opened {} after ", plural(last.days_before, "day"));
    code(out, last.item);
    out.push_str(" of ");
    code(out, last.incident);
    write!(out, " was validated for the same class on {}", last.validated.date());
    if last.validated_from == "closed_at" {
        out.push_str(" (by its incident's closed_at)");
    }
    if let Some(mode) = last.failure_mode {
        out.push_str(", for ");
        code(out, &format!("\"{mode}\""));
    }
}

/// `## Recurrence after remediation` in Markdown.
pub(crate) fn recurrence_markdown(report: &Report, out: &mut Page<'_>) {
    out.push_str("\n## Recurrence after remediation\n\n");
    if report.recurrences.is_empty() {
        out.push_str(
            "None: no incident was opened after an item for an earlier failure mode of its class was validated.\n",
        );
        return;
    }
    write!(out, "> **{}: {LEAD}**\n\n", plural(report.recurrences.len() as i64, "time"));
    out.push_each(&report.recurrences, |found, out| {
        out.push_str("- **");
        out.push_str(&inlined(found.incident));
        write!(out, "** (`{}`), opened {}: ", found.class.replace('`', "'"), found.opened.date());
        out.push_str(&found.title.map_or(Cow::Borrowed("—"), inlined));
        out.push('\n');
        if !found.failure_modes.is_empty() {
            out.push_str("  - its failure modes of the class: ");
            let mut modes = Separated::new(out, ", ");
            for mode in &found.failure_modes {
                quoted_onto(modes.next(), mode);
            }
            out.push('\n');
        }
        if !found.after.is_empty() {
            out.push_str("  - ");
            fix_sentence(found, true, out);
            out.push('\n');
        }
        if found.prior_fixes > 1 {
            write!(out, "  - {} items of this class validated before it: ", found.prior_fixes);
            let mut items = Separated::new(out, ", ");
            for fix in &found.after {
                items.next().push_str(&inlined(fix.item));
            }
            let more = found.prior_fixes - found.after.len();
            if more > 0 {
                write!(out, " and {more} earlier");
            }
            out.push('\n');
        }
    });
}

/// The recurrence box of the HTML report.
pub(crate) fn recurrence_html(report: &Report, out: &mut Page<'_>, link: impl Fn(&str) -> String + Sync) {
    let class = if report.recurrences.is_empty() { "recurrence" } else { "recurrence alert" };
    write!(out, "<section class=\"{class}\">\n<h2>Recurrence after remediation</h2>\n");
    if report.recurrences.is_empty() {
        out.push_str("<p>None: no incident was opened after an item for an earlier failure mode of its class was validated.</p>\n</section>\n");
        return;
    }
    writeln!(out, "<p class=\"lead\"><strong>{}: {LEAD}</strong></p>", plural(report.recurrences.len() as i64, "time"));
    let head =
        ["Incident and its failure modes", "Class", "Opened", "Timing", "Items of the class validated before it"];
    table_head(out, &head, 5);
    // Each row written cell by cell onto the page (a row per recurrence: thousands).
    out.push_each(&report.recurrences, |found, out| {
        write!(out, "<tr><td><strong>{}</strong> ", link(found.incident));
        opt_into(out, found.title);
        out.push_str("<br>");
        let mut modes = Separated::new(out, "<br>");
        for mode in &found.failure_modes {
            let out = modes.next();
            out.push_str("<small>“");
            escape_into(out, mode);
            out.push_str("”</small>");
        }
        out.push_str("</td><td><span class=\"tag\">");
        escape_into(out, found.class);
        write!(out, "</span></td><td><span class=\"nowrap\">{}</span></td><td>", found.opened.date());
        fix_sentence(found, false, out);
        out.push_str("</td><td>");
        let mut earlier = Separated::new(out, ", ");
        for fix in &found.after {
            escape_into(earlier.next(), fix.item);
        }
        let more = found.prior_fixes - found.after.len();
        if more > 0 {
            write!(earlier.next(), "and {more} earlier");
        }
        out.push_str("</td></tr>\n");
    });
    table_end(out);
    out.push_str("</section>\n");
}

/// Incidents per class per quarter, and similar failure modes, in Markdown.
pub(crate) fn trends_markdown(report: &Report, out: &mut Page<'_>) {
    let q = &report.class_quarters;
    out.push_str("\n## Incidents per class per quarter\n\n");
    if q.rows.is_empty() {
        out.push_str("None: no incident of the period carries a class.\n");
    } else {
        let mut head = vec!["Class".to_string()];
        head.extend(q.quarters.iter().cloned());
        head.push("Total".to_string());
        writeln!(out, "| {} |", head.join(" | "));
        writeln!(out, "|---|{}", "---:|".repeat(head.len() - 1));
        for row in &q.rows {
            let counts: Vec<String> = row.counts.iter().map(usize::to_string).collect();
            writeln!(out, "| {} | {} | {} |", inline(&row.class).replace('|', "\\|"), counts.join(" | "), row.total);
        }
    }
    let similar = &report.similar_failure_modes;
    out.push_str("\n## Similar failure modes without a shared class\n\n");
    if similar.pairs.is_empty() {
        out.push_str("None: no failure mode looks like an earlier one of another incident.\n");
        return;
    }
    write!(out,
        "Word overlap of at least {} % (see docs/classes.md); {} found{}. Give them a shared class if they are the same failure.\n\n",
        similar.threshold_percent,
        similar.total,
        if similar.total > similar.pairs.len() { format!(", the newest {} listed", similar.pairs.len()) } else { String::new() }
    );
    for pair in &similar.pairs {
        writeln!(
            out,
            "- {} {} looks like {}'s {} ({} % overlap)",
            inline(&pair.incident),
            quoted(&pair.failure_mode),
            inline(&pair.earlier_incident),
            quoted(&pair.earlier_failure_mode),
            pair.overlap_percent
        );
    }
}

/// Incidents per class per quarter (chart and table), and similar failure modes, in HTML.
pub(crate) fn trends_html(report: &Report, out: &mut Page<'_>, link: impl Fn(&str) -> String) {
    let q = &report.class_quarters;
    out.push_str("<section class=\"quarters\">\n<h2>Incidents per class per quarter</h2>\n");
    if q.rows.is_empty() {
        out.push_str("<p>None: no incident of the period carries a class.</p>\n");
    } else {
        write!(out, "<figure>{}<figcaption class=\"legend\">", quarter_chart(report));
        for (i, row) in q.rows.iter().enumerate() {
            write!(out, "<span><i style=\"background:{}\"></i>{}</span>", color(i), escape(&row.class));
        }
        out.push_str("</figcaption></figure>\n");
        let mut head: Vec<&str> = vec!["Class"];
        head.extend(q.quarters.iter().map(String::as_str));
        head.push("Total");
        let rows: Vec<Vec<String>> = q
            .rows
            .iter()
            .map(|row| {
                let mut cells = vec![format!("<span class=\"tag\">{}</span>", escape(&row.class))];
                cells.extend(row.counts.iter().map(usize::to_string));
                cells.push(row.total.to_string());
                cells
            })
            .collect();
        table(out, &head, rows, 1);
    }
    out.push_str("</section>\n<section class=\"similar\">\n<h2>Similar failure modes without a shared class</h2>\n");
    let similar = &report.similar_failure_modes;
    if similar.pairs.is_empty() {
        out.push_str("<p>None: no failure mode looks like an earlier one of another incident.</p>\n</section>\n");
        return;
    }
    write!(out,
        "<p>Word overlap of at least {} %; {} found{}. Give them a shared class if they are the same failure.</p>\n<ul>\n",
        similar.threshold_percent,
        similar.total,
        if similar.total > similar.pairs.len() { format!(", the newest {} listed", similar.pairs.len()) } else { String::new() }
    );
    for pair in &similar.pairs {
        writeln!(
            out,
            "<li>{} “{}” looks like {}'s “{}” <small>({} % overlap)</small></li>",
            link(&pair.incident),
            escape(&pair.failure_mode),
            link(&pair.earlier_incident),
            escape(&pair.earlier_failure_mode),
            pair.overlap_percent
        );
    }
    out.push_str("</ul>\n</section>\n");
}

/// Stacked bars, one per quarter, one segment per class (inline SVG, labels escaped).
fn quarter_chart(report: &Report) -> String {
    const WIDTH: f64 = 880.0;
    const HEIGHT: f64 = 240.0;
    const LEFT: f64 = 48.0;
    const TOP: f64 = 16.0;
    const BOTTOM: f64 = 40.0;
    let q = &report.class_quarters;
    let totals: Vec<usize> = (0..q.quarters.len()).map(|i| q.rows.iter().map(|r| r.counts[i]).sum()).collect();
    let max = totals.iter().copied().max().unwrap_or(0).max(1);
    let plot_w = WIDTH - LEFT - 16.0;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = plot_w / q.quarters.len().max(1) as f64;
    let bar = (slot * 0.6).max(2.0);
    let title = "Incidents per class per quarter";
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{title}\"><title>{title}</title>"
    );
    svg.push_str(&format!(
        "<line class=\"axis\" x1=\"{LEFT}\" x2=\"{LEFT}\" y1=\"{TOP}\" y2=\"{0}\"/><line class=\"axis\" x1=\"{LEFT}\" x2=\"{1}\" y1=\"{0}\" y2=\"{0}\"/><text class=\"tick\" x=\"{2}\" y=\"{3}\" text-anchor=\"end\">{max}</text>",
        TOP + plot_h,
        WIDTH - 16.0,
        LEFT - 6.0,
        TOP + 4.0
    ));
    for (i, name) in q.quarters.iter().enumerate() {
        let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
        let mut base = TOP + plot_h;
        for (class_index, row) in q.rows.iter().enumerate().filter(|(_, r)| r.counts[i] > 0) {
            let h = plot_h * row.counts[i] as f64 / max as f64;
            base -= h;
            svg.push_str(&format!(
                "<rect x=\"{x:.1}\" y=\"{base:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\" fill=\"{}\"><title>{} — {name}: {}</title></rect>",
                color(class_index),
                escape(&row.class),
                row.counts[i]
            ));
        }
        svg.push_str(&format!(
            "<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            x + bar / 2.0,
            TOP + plot_h + 16.0,
            escape(name)
        ));
        svg.push_str(&format!(
            "<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            x + bar / 2.0,
            base - 4.0,
            totals[i]
        ));
    }
    svg.push_str("</svg>");
    svg
}
