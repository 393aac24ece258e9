//! Record and config templates. Built-in ones live in `templates/` and are embedded in
//! the binary; a repository overrides any of them, file by file, by putting a file of the
//! same name in `<root>/.incidents/templates/`.
//!
//! Lookup order for a template `NAME`: `<root>/.incidents/templates/NAME`, then the
//! built-in copy. The override is read only as a small regular file reached through
//! real folders: a link, as the file or as `.incidents` or `templates`, stops the command.
//!
//! Record templates hold `{{name}}` placeholders, filled by [`fill`]: in the front matter
//! a placeholder stands for a whole value and is replaced by a properly quoted YAML
//! scalar; in the body by the text on one line. A placeholder with no value becomes
//! `<name>`, which `check` reads as "not written yet".

use crate::error::{Error, Result};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// Folder, relative to the root, holding template overrides.
pub(crate) const OVERRIDE_DIR: &str = ".incidents/templates";

/// The templates the tool knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum TemplateName {
    /// A new incident (`incidents new`)
    Incident,
    /// A new remediation item (`incidents remediate`)
    Remediation,
    /// The commented default config (`incidents init`)
    Config,
}

impl TemplateName {
    pub(crate) const ALL: [TemplateName; 3] = [TemplateName::Incident, TemplateName::Remediation, TemplateName::Config];

    /// The template's file name.
    pub(crate) fn file_name(self) -> &'static str {
        match self {
            TemplateName::Incident => "incident.md",
            TemplateName::Remediation => "remediation.md",
            TemplateName::Config => "config.yml",
        }
    }

    /// The built-in text.
    pub(crate) fn built_in(self) -> &'static str {
        match self {
            TemplateName::Incident => include_str!("../templates/incident.md"),
            TemplateName::Remediation => include_str!("../templates/remediation.md"),
            TemplateName::Config => include_str!("../templates/config.yml"),
        }
    }
}

/// Where a template in effect comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TemplateSource {
    BuiltIn,
    Override(PathBuf),
}

/// A template in effect.
#[derive(Debug, Clone)]
pub(crate) struct Template {
    pub(crate) name: TemplateName,
    pub(crate) text: Cow<'static, str>,
    pub(crate) source: TemplateSource,
}

impl Template {
    /// Checks that this template, filled in as `text`, reads as a record of `kind` with
    /// `id`; otherwise the template in effect is broken (a config problem, exit 2).
    pub(crate) fn check_filled(&self, text: &str, config: &crate::config::Config, kind: &str, id: &str) -> Result<()> {
        let Some(parsed) = crate::record::parse_file("new.md", text.as_bytes(), config) else {
            return Err(self.error("it has no front matter (a first line `---`)"));
        };
        if let Some(syntax) = parsed.findings.iter().find(|f| f.rule == crate::diagnostic::Rule::Syntax) {
            return Err(self.error(&format!("filled in, it does not read as a record: {}", syntax.message)));
        }
        if parsed.record.as_ref().is_some_and(|record| record.kind() == kind && record.id() == Some(id)) {
            return Ok(());
        }
        Err(self.error(&format!("it must hold `kind: {kind}` and `id: {{{{id}}}}`")))
    }

    /// A config error about this template.
    pub(crate) fn error(&self, reason: &str) -> Error {
        let path = match &self.source {
            TemplateSource::Override(path) => path.clone(),
            TemplateSource::BuiltIn => PathBuf::from(format!("built-in template {}", self.name.file_name())),
        };
        Error::Config { path, line: None, key: String::new(), reason: format!("template: {reason}") }
    }
}

/// The override path of `name` under `root`.
pub(crate) fn override_path(root: &Path, name: TemplateName) -> PathBuf {
    root.join(OVERRIDE_DIR).join(name.file_name())
}

/// The template in effect for `name` in the repository at `root`.
pub(crate) fn load(root: &Path, name: TemplateName) -> Result<Template> {
    let path = override_path(root, name);
    let relative = Path::new(OVERRIDE_DIR).join(name.file_name());
    match crate::regular_file::read_below(root, &relative, 256 * 1024) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|_| {
                Error::io(
                    &path,
                    std::io::Error::new(std::io::ErrorKind::InvalidData, "template is not UTF-8: save it as UTF-8"),
                )
            })?;
            Ok(Template { name, text: Cow::Owned(text), source: TemplateSource::Override(path) })
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            Ok(Template { name, text: Cow::Borrowed(name.built_in()), source: TemplateSource::BuiltIn })
        }
        Err(error) => Err(Error::io(path, error)),
    }
}

/// Fills the `{{name}}` placeholders of a record template with `values` (see the module
/// documentation). Text that is not a placeholder (`{{ two words }}`) is left as it is.
pub(crate) fn fill(template: &str, values: &[(&str, Option<&str>)]) -> String {
    let mut out = String::with_capacity(template.len() + 256);
    let mut fences = 0;
    for line in template.split_inclusive('\n') {
        let in_front_matter = fences == 1 && !crate::record::frontmatter::is_fence(line);
        if crate::record::frontmatter::is_fence(line.trim_start_matches('\u{feff}')) && fences < 2 {
            fences += 1;
        }
        let mut rest = line;
        while let Some(open) = rest.find("{{") {
            let Some(close) = rest[open..].find("}}").map(|at| open + at) else { break };
            let name = rest[open + 2..close].trim();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                out.push_str(&rest[..close + 2]);
                rest = &rest[close + 2..];
                continue;
            }
            out.push_str(&rest[..open]);
            let value = values.iter().find(|(key, _)| *key == name).and_then(|(_, value)| *value);
            match value {
                Some(text) if in_front_matter => out.push_str(&crate::yaml::quote::inline(text)),
                Some(text) => out.push_str(&crate::text::one_line(text)),
                None => out.push_str(&format!("<{name}>")),
            }
            rest = &rest[close + 2..];
        }
        out.push_str(rest);
    }
    out
}

/// `template` without the front-matter line `key: {{key}}` and the comment lines right
/// above it: for a record that must not hold the key yet (a `diagnosing` item has no
/// `validation`, so it must not carry an unfilled `validation: <validation>`). A
/// template that writes the key some other way is returned as it is; the command then
/// checks what it filled in.
pub(crate) fn without_key(template: &str, key: &str) -> String {
    let lines: Vec<&str> = template.split_inclusive('\n').collect();
    let placeholder = format!("{{{{{key}}}}}");
    let mut fences = 0;
    let mut found = None;
    for (index, line) in lines.iter().enumerate() {
        if crate::record::frontmatter::is_fence(line.trim_start_matches('\u{feff}')) {
            fences += 1;
            if fences == 2 {
                break;
            }
            continue;
        }
        let holds = line
            .strip_prefix(key)
            .and_then(|rest| rest.trim_start().strip_prefix(':'))
            .is_some_and(|value| value.trim() == placeholder);
        if fences == 1 && holds {
            found = Some(index);
            break;
        }
    }
    let Some(index) = found else { return template.to_string() };
    let mut first = index;
    while first > 0 && lines[first - 1].trim_start().starts_with('#') {
        first -= 1;
    }
    lines[..first].iter().chain(&lines[index + 1..]).copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_and_its_comment_can_be_left_out() {
        let template = "---\nid: {{id}}\n# What would prove it.\n# Second line.\nvalidation: {{validation}}\nstatus: open\n---\nvalidation: {{validation}}\n";
        assert_eq!(
            without_key(template, "validation"),
            "---\nid: {{id}}\nstatus: open\n---\nvalidation: {{validation}}\n"
        );
        let other = "---\nvalidation: written by hand\n---\n";
        assert_eq!(without_key(other, "validation"), other);
        let filled = fill(&without_key(TemplateName::Remediation.built_in(), "validation"), &[]);
        assert!(!filled.contains("validation:"), "{filled}");
    }

    #[test]
    fn fills_front_matter_with_scalars_and_the_body_with_text() {
        let template = "---\nid: {{id}}\ntitle: {{ title }}\ncommander: {{commander}}\nnote: {{ not a placeholder }}\n---\n# {{title}}\n{{unknown}}\n";
        let filled = fill(template, &[("id", Some("INC-1")), ("title", Some("a: b\nc")), ("commander", None)]);
        assert_eq!(
            filled,
            "---\nid: INC-1\ntitle: \"a: b\\nc\"\ncommander: <commander>\nnote: {{ not a placeholder }}\n---\n# a: b c\n<unknown>\n"
        );
    }

    #[test]
    fn built_in_record_templates_fill_to_valid_records() {
        let config = crate::config::Config::default();
        let values = [
            ("id", Some("INC-1")),
            ("title", Some("yes")),
            ("severity", Some("SEV2")),
            ("opened", Some("2026-03-10")),
            ("incident", Some("INC-1")),
            ("failure_mode", Some("cache race")),
            ("owner", Some("team: db")),
            ("due", Some("2026-03-20")),
            ("validation", Some("a # test")),
        ];
        for name in [TemplateName::Incident, TemplateName::Remediation] {
            let filled = fill(name.built_in(), &values);
            assert!(!filled.contains("{{"), "{filled}");
            let parsed = crate::record::parse_file("x.md", filled.as_bytes(), &config).unwrap();
            assert!(parsed.findings.is_empty(), "{name:?}: {:?}", parsed.findings);
            assert_eq!(
                parsed.record.as_ref().and_then(crate::record::Record::id),
                Some(values[0].1.unwrap_or_default())
            );
        }
    }

    #[test]
    fn built_in_config_template_is_a_valid_config() {
        let config = crate::config::parse(TemplateName::Config.built_in(), Path::new("config.yml")).unwrap();
        assert_eq!(config.dir, "incidents");
    }

    #[test]
    fn overrides_win_over_built_ins() {
        let temp = tempfile::tempdir().unwrap();
        assert_eq!(load(temp.path(), TemplateName::Incident).unwrap().source, TemplateSource::BuiltIn);
        let path = override_path(temp.path(), TemplateName::Incident);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "custom").unwrap();
        let template = load(temp.path(), TemplateName::Incident).unwrap();
        assert_eq!(template.text, "custom");
        assert_eq!(template.source, TemplateSource::Override(path));
    }
}
