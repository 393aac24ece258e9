//! The resolved settings of one run: root, config, clock, output colour. Built once from
//! what the user typed (`crate::cli`) and the environment, then passed to commands; core
//! code reads neither the environment nor the clock itself.

use crate::clock::Clock;
use crate::config::Config;
use crate::error::Result;
use crate::render::color::Palette;
use crate::root::{self, RootSource};
use std::path::{Path, PathBuf};

/// Everything a command needs besides its own arguments.
#[derive(Debug, Clone)]
pub struct Context {
    pub root: PathBuf,
    pub root_source: RootSource,
    /// The working directory, for resolving paths the user typed.
    pub cwd: PathBuf,
    pub config: Config,
    pub clock: Clock,
    /// Colours for stdout (plain when stdout is not a terminal or colour is off).
    pub palette: Palette,
    /// Whether stdin is a terminal (prompts are allowed).
    pub interactive: bool,
    /// Where `check --format github` appends its job summary (`GITHUB_STEP_SUMMARY`).
    pub github_step_summary: Option<PathBuf>,
}

impl Context {
    /// Resolves the root and loads its config.
    pub fn resolve(
        root_flag: Option<&Path>,
        cwd: PathBuf,
        clock: Clock,
        palette: Palette,
        interactive: bool,
    ) -> Result<Context> {
        let (root, root_source) = root::resolve(root_flag, &cwd)?;
        let config = crate::config::load(&root)?;
        Ok(Context { root, root_source, cwd, config, clock, palette, interactive, github_step_summary: None })
    }

    /// The records folder (absolute).
    pub fn records_dir(&self) -> PathBuf {
        self.root.join(&self.config.dir)
    }

    /// Loads every record of the repository.
    pub fn load(&self) -> crate::store::Repository {
        crate::store::Repository::load(&self.root, &self.config)
    }
}
