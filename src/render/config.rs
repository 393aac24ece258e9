//! `incidents config`: the settings in effect, one per line, for people.
//!
//! ```text
//! root           /work/shop  (nearest folder with .incidents.yml)
//! config         /work/shop/.incidents.yml
//! records        incidents/
//! templates      incident.md     built-in
//!                remediation.md  override .incidents/templates/remediation.md
//! ```

use super::color::Palette;
use crate::analysis::settings::Effective;
use crate::printable::printable;

/// Renders every setting; rule levels the config sets are marked.
pub(crate) fn render(effective: &Effective, palette: &Palette) -> String {
    let mut out = String::new();
    let mut line = |label: &str, value: String| {
        out.push_str(&format!("{} {value}\n", palette.strong(&format!("{label:<14}"))));
    };
    line("root", format!("{}  ({})", palette.path(&effective.root), effective.root_found_by));
    line(
        "config",
        match &effective.config_file {
            Some(path) => palette.path(path),
            None => "none, defaults (`incidents init` writes one)".to_string(),
        },
    );
    let missing = if effective.records_dir_exists { "" } else { "  (does not exist yet)" };
    line("records", format!("{}/{missing}", palette.path(&effective.records_dir)));
    line("id prefix", format!("{0} (ids read {0}-42)", effective.id_prefix));
    let width = effective.templates.iter().map(|t| t.name.len()).max().unwrap_or(0);
    for (index, template) in effective.templates.iter().enumerate() {
        let mut value = format!("{:width$}  {}", template.name, template.source);
        if let Some(path) = &template.path {
            value.push_str(&format!(" {}", palette.path(path)));
        }
        if let Some(problem) = &template.problem {
            value.push_str(&format!("  {}", palette.error(&format!("unusable: {problem}"))));
        }
        line(if index == 0 { "templates" } else { "" }, value);
    }
    line("severities", effective.severities.join(", "));
    let policy: Vec<String> = effective.due_policy.iter().map(|p| format!("{} {}d", p.severity, p.days)).collect();
    line("due policy", if policy.is_empty() { "none".to_string() } else { policy.join(", ") });
    line("grace period", format!("{}d", effective.grace_period_days));
    line(
        "sprint",
        match &effective.sprint {
            Some(sprint) => format!("{}d sprints from {}", sprint.length_days, sprint.start),
            None => "none (`--due this-sprint` needs `sprint:` in the config)".to_string(),
        },
    );
    line("ignore", if effective.ignore.is_empty() { "none".to_string() } else { effective.ignore.join(", ") });
    let origin = if effective.vague_phrases_built_in { "built-in list" } else { "set in the config" };
    line("vague phrases", format!("{} ({origin})", effective.vague_phrases.len()));
    let extra = if effective.non_evidence.is_empty() { "none".to_string() } else { effective.non_evidence.join(", ") };
    line("non-evidence", format!("built-in non-answers, plus: {extra}"));
    for (index, required) in effective.sections.iter().enumerate() {
        let label = if index == 0 { "sections" } else { "" };
        line(label, format!("{} {}: {}", required.kind, required.status, required.headings.join(", ")));
    }
    if effective.sections.is_empty() {
        line("sections", "none required".to_string());
    }
    let editor = if effective.open_editor {
        "yes: `new` and `remediate` open the created file at a terminal (`--no-edit` skips it)"
    } else {
        "no"
    };
    line("open editor", editor.to_string());
    if effective.classes.is_empty() {
        line("classes", "no vocabulary (any class name is accepted)".to_string());
    }
    for (index, class) in effective.classes.iter().enumerate() {
        let label = if index == 0 { "classes" } else { "" };
        line(label, format!("{}: {}", printable(&class.name), printable(&class.description)));
    }
    out.push_str(&format!("{}\n", palette.strong("rules")));
    let width = effective.rules.iter().map(|r| r.code.len()).max().unwrap_or(0);
    for rule in &effective.rules {
        let text = if rule.overridden {
            format!("{:7}  {}", rule.level, palette.warning(&format!("set in the config (default {})", rule.default)))
        } else {
            rule.level.to_string()
        };
        out.push_str(&format!("  {:width$}  {text}\n", rule.code));
    }
    out
}

/// `incidents config --format json`: the [`Effective`] settings as one JSON object.
pub(crate) fn json(effective: &Effective) -> String {
    super::json::versioned(effective)
}
