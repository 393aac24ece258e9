//! Record and config templates. Built-in ones live in `templates/` and are embedded in
//! the binary; a repository overrides any of them, file by file, by putting a file of the
//! same name in `<root>/.incidents/templates/`.
//!
//! Lookup order for a template `NAME`: `<root>/.incidents/templates/NAME`, then the
//! built-in copy.

use crate::error::{Error, Result};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// Folder, relative to the root, holding template overrides.
pub const OVERRIDE_DIR: &str = ".incidents/templates";

/// The templates the tool knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TemplateName {
    /// A new incident (`incidents new`)
    Incident,
    /// A new remediation item (`incidents remediate`)
    Remediation,
    /// The commented default config (`incidents init`)
    Config,
}

impl TemplateName {
    pub const ALL: [TemplateName; 3] = [TemplateName::Incident, TemplateName::Remediation, TemplateName::Config];

    /// The template's file name.
    pub fn file_name(self) -> &'static str {
        match self {
            TemplateName::Incident => "incident.md",
            TemplateName::Remediation => "remediation.md",
            TemplateName::Config => "config.yml",
        }
    }

    /// The built-in text.
    pub fn built_in(self) -> &'static str {
        match self {
            TemplateName::Incident => include_str!("../templates/incident.md"),
            TemplateName::Remediation => include_str!("../templates/remediation.md"),
            TemplateName::Config => include_str!("../templates/config.yml"),
        }
    }
}

/// Where a template in effect comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateSource {
    BuiltIn,
    Override(PathBuf),
}

/// A template in effect.
#[derive(Debug, Clone)]
pub struct Template {
    pub name: TemplateName,
    pub text: Cow<'static, str>,
    pub source: TemplateSource,
}

/// The override path of `name` under `root`.
pub fn override_path(root: &Path, name: TemplateName) -> PathBuf {
    root.join(OVERRIDE_DIR).join(name.file_name())
}

/// The template in effect for `name` in the repository at `root`.
pub fn load(root: &Path, name: TemplateName) -> Result<Template> {
    let path = override_path(root, name);
    match std::fs::read(&path) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|_| {
                Error::io(&path, std::io::Error::new(std::io::ErrorKind::InvalidData, "template is not UTF-8"))
            })?;
            Ok(Template { name, text: Cow::Owned(text), source: TemplateSource::Override(path) })
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            Ok(Template { name, text: Cow::Borrowed(name.built_in()), source: TemplateSource::BuiltIn })
        }
        Err(error) => Err(Error::io(path, error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
