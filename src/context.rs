//! The resolved settings of one run: root, config, clock, output colour. Built once from
//! what the user typed (`crate::cli`) and the environment, then passed to commands; core
//! code reads neither the environment nor the clock itself.

use crate::clock::Clock;
use crate::config::Config;
use crate::error::Result;
use crate::render::color::Palette;
use crate::root::{self, RootSource};
use crate::run::Environment;
use std::path::{Path, PathBuf};

/// Everything a command needs besides its own arguments.
#[derive(Debug, Clone)]
pub(crate) struct Context {
    pub(crate) root: PathBuf,
    pub(crate) root_source: RootSource,
    /// The working directory, for resolving paths the user typed.
    pub(crate) cwd: PathBuf,
    pub(crate) config: Config,
    pub(crate) clock: Clock,
    /// Colours for stdout (plain when stdout is not a terminal or colour is off).
    pub(crate) palette: Palette,
    /// Whether stdin is a terminal (prompts are allowed).
    pub(crate) interactive: bool,
    /// Whether stdout is a terminal (with `interactive`: a person is there to use an editor).
    pub(crate) stdout_is_terminal: bool,
    /// The editor command from `$VISUAL` or `$EDITOR`, when one is set.
    pub(crate) editor: Option<String>,
    /// Where `check --format github` appends its job summary (`GITHUB_STEP_SUMMARY`).
    pub(crate) github_step_summary: Option<PathBuf>,
}

impl Context {
    /// Resolves the root and loads its config for a run in `env`.
    #[cfg(test)]
    pub(crate) fn resolve(
        root_flag: Option<&Path>,
        env: &Environment,
        clock: Clock,
        palette: Palette,
    ) -> Result<Context> {
        Self::resolve_with(root_flag, env, clock, palette, Err)
    }

    /// Like [`Context::resolve`], letting `on_config_error` replace a config that cannot
    /// be loaded (commands that help fix the config — `explain`, `schema`, `template`
    /// — fall back to the defaults instead of refusing to run).
    pub(crate) fn resolve_with(
        root_flag: Option<&Path>,
        env: &Environment,
        clock: Clock,
        palette: Palette,
        on_config_error: impl FnOnce(crate::Error) -> Result<Config>,
    ) -> Result<Context> {
        let (root, root_source) = root::resolve(root_flag, &env.cwd)?;
        let config = match crate::config::load(&root) {
            Ok(config) => config,
            Err(error) => on_config_error(error)?,
        };
        Ok(Context {
            root,
            root_source,
            cwd: env.cwd.clone(),
            config,
            clock,
            palette,
            interactive: env.stdin_is_terminal,
            stdout_is_terminal: env.stdout_is_terminal,
            editor: env.editor_command(),
            github_step_summary: env.github_step_summary.clone(),
        })
    }

    /// How to show `path` to the user: relative to the working directory when the file
    /// is inside it (`incidents/2026/INC-3-x.md`), else absolute, so it can be opened as
    /// printed.
    pub(crate) fn display_path(&self, path: &Path) -> String {
        let path = crate::root::normalize(path);
        let cwd = crate::root::normalize(&self.cwd);
        let shown = match path.strip_prefix(&cwd) {
            Ok(inner) if !inner.as_os_str().is_empty() => {
                inner.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
            }
            _ => path.display().to_string(),
        };
        // A file name can hold control characters: shown, never sent to the terminal.
        crate::printable::printable(&shown).into_owned()
    }

    /// The records folder (absolute).
    pub(crate) fn records_dir(&self) -> PathBuf {
        self.root.join(&self.config.dir)
    }

    /// Loads every record of the repository.
    pub(crate) fn load(&self) -> crate::store::Repository {
        crate::store::Repository::load(&self.root, &self.config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_show_as_they_open_from_the_working_directory() {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path().join("repo");
        std::fs::create_dir_all(root.join("incidents/2026")).unwrap();
        let clock = Clock::fixed(chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap());
        let at = |cwd: PathBuf| {
            let env = Environment { cwd, ..Environment::for_tests() };
            Context::resolve(Some(&root), &env, clock, Palette::new(false)).unwrap()
        };
        let file = root.join("incidents/2026/INC-1-x.md");
        assert_eq!(at(root.clone()).display_path(&file), "incidents/2026/INC-1-x.md");
        assert_eq!(at(root.join("incidents/2026")).display_path(&file), "INC-1-x.md");
        assert_eq!(
            at(root.join("incidents/2026/../2026")).display_path(&root.join("./incidents/2026/INC-1-x.md")),
            "INC-1-x.md"
        );
        assert_eq!(at(temp.path().join("elsewhere")).display_path(&file), file.display().to_string());
    }
}
