//! The settings in effect for one run, gathered for `incidents config`: where the root
//! is and how it was found, which config file (if any) was read, which templates are
//! used, and every resolved setting, including each rule's level. Serialises as the
//! `--format json` output; `crate::render::config` renders it for people.

use crate::config::Config;
use crate::diagnostic::Rule;
use crate::lifecycle::{IncidentStatus, ItemStatus};
use crate::root::RootSource;
use crate::templates::{self, TemplateName, TemplateSource};
use serde::Serialize;
use std::path::Path;

/// Everything `incidents config` reports.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Effective {
    pub(crate) root: String,
    /// `flag`, `config-file`, `git-work-tree` or `working-directory`.
    pub(crate) root_source: &'static str,
    /// How the root was found, in words.
    pub(crate) root_found_by: &'static str,
    /// The config file read, `None` when the defaults apply.
    pub(crate) config_file: Option<String>,
    /// The records folder, relative to the root.
    pub(crate) records_dir: String,
    pub(crate) records_dir_exists: bool,
    pub(crate) id_prefix: String,
    pub(crate) templates: Vec<TemplateInUse>,
    pub(crate) severities: Vec<String>,
    pub(crate) due_policy: Vec<DuePolicy>,
    pub(crate) grace_period_days: i64,
    pub(crate) sprint: Option<SprintInUse>,
    pub(crate) ignore: Vec<String>,
    /// Whether `vague_phrases` is the built-in list.
    pub(crate) vague_phrases_built_in: bool,
    pub(crate) vague_phrases: Vec<String>,
    /// Non-answers added by `non_evidence` (the built-in ones always apply too).
    pub(crate) non_evidence: Vec<String>,
    /// Required body sections, in workflow order (statuses that require none left out).
    pub(crate) sections: Vec<RequiredSections>,
    pub(crate) rules: Vec<RuleLevel>,
    /// Whether `new` and `remediate` open the editor on the file they create.
    pub(crate) open_editor: bool,
    /// The class vocabulary (`classes`), empty when none is configured.
    pub(crate) classes: Vec<crate::config::ClassEntry>,
}

/// A template and where it comes from.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TemplateInUse {
    pub(crate) name: &'static str,
    /// `built-in` or `override`.
    pub(crate) source: &'static str,
    /// The override file, relative to the root.
    pub(crate) path: Option<String>,
    /// Why the override cannot be used, when it cannot.
    pub(crate) problem: Option<String>,
}

/// The headings a record of `kind` in `status` must contain.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RequiredSections {
    pub(crate) kind: &'static str,
    pub(crate) status: &'static str,
    pub(crate) headings: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct DuePolicy {
    pub(crate) severity: String,
    pub(crate) days: i64,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct SprintInUse {
    pub(crate) start: String,
    pub(crate) length_days: i64,
}

/// A rule's level in effect, and whether the config sets it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RuleLevel {
    pub(crate) code: &'static str,
    pub(crate) level: &'static str,
    pub(crate) default: &'static str,
    pub(crate) overridden: bool,
}

impl Effective {
    /// Gathers the settings of the repository at `root`, found by `source`.
    pub(crate) fn gather(root: &Path, source: RootSource, config: &Config) -> Effective {
        let templates = TemplateName::ALL
            .iter()
            .map(|name| {
                let relative = format!("{}/{}", templates::OVERRIDE_DIR, name.file_name());
                match templates::load(root, *name) {
                    Ok(template) => match template.source {
                        TemplateSource::BuiltIn => {
                            TemplateInUse { name: name.file_name(), source: "built-in", path: None, problem: None }
                        }
                        TemplateSource::Override(_) => TemplateInUse {
                            name: name.file_name(),
                            source: "override",
                            path: Some(relative),
                            problem: None,
                        },
                    },
                    Err(error) => TemplateInUse {
                        name: name.file_name(),
                        source: "override",
                        path: Some(relative),
                        problem: Some(error.to_string()),
                    },
                }
            })
            .collect();
        let built_in_phrases = Config::default().vague_phrases;
        Effective {
            root: root.display().to_string(),
            root_source: source_name(source),
            root_found_by: source.describe(),
            config_file: config.file.as_ref().map(|path| path.display().to_string()),
            records_dir: config.dir.clone(),
            records_dir_exists: root.join(&config.dir).is_dir(),
            id_prefix: config.id_prefix.clone(),
            templates,
            severities: config.severities.clone(),
            due_policy: config
                .due_policy
                .iter()
                .map(|(severity, days)| DuePolicy { severity: severity.clone(), days: *days })
                .collect(),
            grace_period_days: config.grace_days,
            sprint: config.sprint.map(|s| SprintInUse { start: s.start.to_string(), length_days: s.length_days }),
            ignore: config.ignore.clone(),
            vague_phrases_built_in: config.vague_phrases == built_in_phrases,
            vague_phrases: config.vague_phrases.clone(),
            non_evidence: config.non_evidence.clone(),
            sections: required_sections(config),
            rules: Rule::ALL
                .iter()
                .map(|rule| RuleLevel {
                    code: rule.code(),
                    level: config.level(*rule).as_str(),
                    default: rule.default_level().as_str(),
                    overridden: config.rule_levels.contains_key(rule),
                })
                .collect(),
            open_editor: config.open_editor,
            classes: config.classes.entries.clone(),
        }
    }
}

fn required_sections(config: &Config) -> Vec<RequiredSections> {
    let kinds = [("incident", IncidentStatus::NAMES), ("remediation", ItemStatus::NAMES)];
    let mut out = Vec::new();
    for (kind, statuses) in kinds {
        for status in statuses {
            let headings = config.sections.required(kind, status);
            if !headings.is_empty() {
                out.push(RequiredSections { kind, status, headings: headings.to_vec() });
            }
        }
    }
    out
}

fn source_name(source: RootSource) -> &'static str {
    match source {
        RootSource::Flag => "flag",
        RootSource::ConfigFile => "config-file",
        RootSource::GitWorkTree => "git-work-tree",
        RootSource::WorkingDirectory => "working-directory",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Level;

    #[test]
    fn reports_overrides_and_defaults() {
        let temp = tempfile::tempdir().unwrap();
        let override_path = templates::override_path(temp.path(), TemplateName::Remediation);
        std::fs::create_dir_all(override_path.parent().unwrap()).unwrap();
        std::fs::write(&override_path, "---\n").unwrap();
        let mut config = Config::default();
        config.rule_levels.insert(Rule::Overdue, Level::Error);
        let effective = Effective::gather(temp.path(), RootSource::Flag, &config);
        let sources: Vec<&str> = effective.templates.iter().map(|t| t.source).collect();
        assert_eq!(sources, ["built-in", "override", "built-in"]);
        assert_eq!(effective.templates[1].path.as_deref(), Some(".incidents/templates/remediation.md"));
        let overdue = effective.rules.iter().find(|r| r.code == "overdue").unwrap();
        assert_eq!((overdue.level, overdue.default, overdue.overridden), ("error", "warning", true));
        assert!(effective.vague_phrases_built_in);
        assert!(effective.non_evidence.is_empty());
        assert!(!effective.records_dir_exists);
        assert_eq!(effective.config_file, None);
        let sections: Vec<(&str, &str)> = effective.sections.iter().map(|s| (s.kind, s.status)).collect();
        assert_eq!(
            sections,
            [
                ("incident", "stabilized"),
                ("incident", "closed"),
                ("remediation", "shipped"),
                ("remediation", "validated")
            ]
        );
    }
}
