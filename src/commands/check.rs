//! `incidents check [PATHS...]`: load every record, run every rule, print the
//! diagnostics of the files asked about, exit 1 on errors (or warnings with `--strict`).
//! Without a records folder it does not run at all (exit 2): a gate that checks nothing
//! must not pass.

use super::{write, Outcome, Streams};
use crate::diagnostic::{Report, Severity};
use crate::error::{Error, Result, UsageError};
use crate::render::check as output;
use crate::root::normalize;
use crate::rules;
use crate::Context;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// rustc-style diagnostics with the source line
    #[default]
    Human,
    /// One JSON object: `diagnostics` and `summary`
    Json,
    /// GitHub Actions annotations (most important first, within GitHub's limits), plus a
    /// job summary when GITHUB_STEP_SUMMARY is set
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers
    Sarif,
    /// GitLab Code Quality JSON (an artifact of `reports: codequality`)
    Gitlab,
    /// JUnit XML: one test case per record file (an artifact of `reports: junit`)
    Junit,
}

/// Check every record and report problems (exit 1 on errors)
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  incidents check\n  incidents check --strict incidents/2026/INC-42-checkout.md\n  incidents --today 2026-03-02 check --format json\n  incidents check --format github              in GitHub Actions (annotations + job summary)\n  incidents check --format sarif > incidents.sarif\n  incidents check --format gitlab > gl-code-quality-report.json\n  incidents check --format junit > incidents-junit.xml"
)]
pub(crate) struct Args {
    /// Only show diagnostics of these files or folders (every record is still loaded)
    pub(crate) paths: Vec<PathBuf>,
    /// Fail (exit 1) on warnings too
    #[arg(long)]
    pub(crate) strict: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let filters = args.paths.iter().map(|path| filter_for(ctx, path)).collect::<Result<Vec<_>>>()?;
    if !ctx.records_dir().is_dir() {
        // A CI job run in the wrong folder must fail, not pass on zero records.
        let fix = "run `incidents init` to create it, or point `--root` at the repository that holds the records";
        return Err(match &ctx.config.file {
            Some(file) => Error::Config {
                path: file.clone(),
                line: None,
                key: "dir".to_string(),
                reason: format!(
                    "the records folder `{}` does not exist under {}: fix `dir`, or {fix}",
                    ctx.config.dir,
                    ctx.root.display()
                ),
            },
            None => Error::Root {
                path: ctx.root.clone(),
                reason: format!("there is no records folder `{}` here: {fix}", ctx.config.dir),
            },
        });
    }
    let (repo, mut report) = rules::load_and_check(&ctx.root, &ctx.config, ctx.clock.today);
    if !filters.is_empty() {
        report.diagnostics.retain(|d| filters.iter().any(|f| matches_filter(&d.file, f)));
    }
    if matches!(args.format, Format::Github | Format::Sarif | Format::Gitlab) {
        output::work_tree::relocate(&mut report, &ctx.root);
    }
    let text = match args.format {
        Format::Human => {
            let mut cache: HashMap<String, Vec<String>> = HashMap::new();
            let mut source_line = |file: &str, line: usize| -> Option<String> {
                let lines = cache.entry(file.to_string()).or_insert_with(|| read_lines(&ctx.root.join(file)));
                lines.get(line.checked_sub(1)?).cloned()
            };
            output::human::render(&report, &ctx.palette, &mut source_line)
        }
        Format::Json => output::json::render(&report),
        Format::Github => {
            if let Some(path) = &ctx.github_step_summary {
                // The annotations and the exit status are the check; a summary that cannot
                // be written is worth a warning, not a failed run.
                if let Err(error) =
                    crate::edit::append(path, &output::summary::render(&report, output::summary::MAX_BYTES))
                {
                    write(streams.err, &format!("warning: job summary not written (GITHUB_STEP_SUMMARY): {error}\n"))?;
                }
            }
            output::github::render(&report)
        }
        Format::Sarif => output::sarif::render(&report, &ctx.config),
        Format::Gitlab => output::gitlab::render(&report),
        Format::Junit => {
            let files: Vec<String> = repo
                .files
                .iter()
                .map(|f| f.path.clone())
                .filter(|p| filters.is_empty() || filters.iter().any(|f| matches_filter(p, f)))
                .collect();
            output::junit::render(&report, &files, args.strict)
        }
    };
    write(streams.out, &text)?;
    let outcome = outcome(&report, args.strict);
    repo.release_at_exit();
    Ok(outcome)
}

/// Exit 1 when an error is shown, or with `strict` any diagnostic.
pub(crate) fn outcome(report: &Report, strict: bool) -> Outcome {
    let failing = report.diagnostics.iter().any(|d| d.severity == Severity::Error || strict);
    if failing {
        Outcome::Failure
    } else {
        Outcome::Success
    }
}

/// The file's lines without line endings (BOM removed), for showing source. Only a
/// regular file is read: never the target of a link, never a pipe that could block.
fn read_lines(path: &Path) -> Vec<String> {
    if !std::fs::symlink_metadata(path).is_ok_and(|meta| meta.is_file()) {
        return Vec::new();
    }
    let Ok(bytes) = std::fs::read(path) else { return Vec::new() };
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    text.lines().map(|line| line.trim_end_matches('\r').chars().take(300).collect()).collect()
}

/// The root-relative form of a path the user typed (relative to the working directory).
fn filter_for(ctx: &Context, typed: &Path) -> Result<String> {
    let absolute = normalize(&ctx.cwd.join(typed));
    if std::fs::symlink_metadata(&absolute).is_err() {
        // A mistyped path would otherwise match nothing and let every error through.
        return Err(UsageError::NoSuchPath { typed: typed.display().to_string() }.into());
    }
    let root = normalize(&ctx.root);
    // Compare lexically first; when a link is on the way (macOS's /tmp, a symlinked CI
    // workspace) compare the real folders, keeping the named file itself unresolved.
    let real = |path: &Path| std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let real_path = || match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => real(parent).join(name),
        _ => real(&absolute),
    };
    let resolved;
    let inner = match absolute.strip_prefix(&root) {
        Ok(inner) => Ok(inner),
        Err(_) => {
            resolved = (real_path(), real(&root));
            resolved.0.strip_prefix(&resolved.1)
        }
    }
    .map_err(|_| UsageError::OutsideRoot {
        typed: typed.display().to_string(),
        root: ctx.root.display().to_string(),
    })?;
    let parts: Vec<String> = inner.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    Ok(parts.join("/"))
}

fn matches_filter(file: &str, filter: &str) -> bool {
    filter.is_empty() || file == filter || file.strip_prefix(filter).is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_match_files_and_folders() {
        assert!(matches_filter("incidents/2026/a.md", "incidents/2026/a.md"));
        assert!(matches_filter("incidents/2026/a.md", "incidents"));
        assert!(matches_filter("incidents/2026/a.md", ""));
        assert!(!matches_filter("incidents/2026/a.md", "incidents/20"));
        assert_eq!(normalize(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
    }
}
