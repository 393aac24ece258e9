//! The digest as Markdown short enough to paste into a chat channel or a job summary:
//! one bold line per owner with one bullet per item, then the incidents that need their
//! commander. Record text is escaped ([`super::markdown_text::inline`]).

use crate::analysis::digest::{Digest, DigestItem, IncidentLine};
use crate::render::markdown_text::inline;

/// The digest in Markdown.
pub(crate) fn markdown(digest: &Digest) -> String {
    let mut out = format!("**Incidents digest, {}** (due within {} days)\n", digest.today, digest.within_days);
    if digest.owners.is_empty() && digest.ready_to_close.is_empty() && digest.without_items.is_empty() {
        out.push_str("\nNothing overdue, due soon or waiting.\n");
        return out;
    }
    for work in &digest.owners {
        out.push_str(&format!("\n**{}**\n", inline(&work.owner)));
        let groups = [
            ("overdue", &work.overdue),
            ("waiting for validation", &work.awaiting_validation),
            ("diagnosing", &work.diagnosing),
            ("due soon", &work.due_soon),
        ];
        for (label, items) in groups {
            for item in items.iter() {
                out.push_str(&item_line(label, item));
            }
        }
    }
    incidents(&mut out, "Ready to close", &digest.ready_to_close, |line| format!("`incidents close {}`", line.id));
    incidents(
        &mut out,
        &format!("Past the {}-day grace period without items", digest.grace_days),
        &digest.without_items,
        |line| line.days_since.map(|days| format!("stabilized {days} days ago")).unwrap_or_default(),
    );
    out
}

fn item_line(label: &str, item: &DigestItem) -> String {
    let mode = item.failure_mode.as_deref().map(|mode| format!(" {}", inline(mode))).unwrap_or_default();
    let when = match (item.due, item.days) {
        (Some(due), Some(days)) if days < 0 => format!(", due {due}, {} days late", -days),
        (Some(due), Some(0)) => format!(", due {due}, today"),
        (Some(due), Some(days)) => format!(", due {due}, in {days} days"),
        _ => String::new(),
    };
    format!("- {label}: {} ({}){mode}{when}\n", item.id, item.incident)
}

fn incidents(out: &mut String, heading: &str, lines: &[IncidentLine], detail: impl Fn(&IncidentLine) -> String) {
    if lines.is_empty() {
        return;
    }
    out.push_str(&format!("\n**{heading}**\n"));
    for line in lines {
        let title = line.title.as_deref().map(|t| format!(" {}", inline(t))).unwrap_or_default();
        let commander = line.commander.as_deref().map(|c| format!(", commander {}", inline(c))).unwrap_or_default();
        let detail = detail(line);
        let detail = if detail.is_empty() { detail } else { format!(": {detail}") };
        out.push_str(&format!("- {}{title}{commander}{detail}\n", line.id));
    }
}
