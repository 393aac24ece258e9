//! `incidents explain <code>`: what a rule checks, why, how to satisfy it, an example.
//! `--format json` gives the same for one rule or (without a code) every rule, with the
//! level in effect in this repository, for editors and scripts.

use super::{write, Outcome, Streams};
use crate::diagnostic::{explain_markdown, rules_markdown, Rule};
use crate::error::{Result, UsageError};
use crate::Context;
use serde::Serialize;

/// Output format of `explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// Markdown text
    #[default]
    Text,
    /// One JSON object: `version` and `rules` (each with `code`, `default_level`, `level`, `summary`, `explanation`)
    Json,
}

/// A rule in `explain --format json`.
#[derive(Debug, Serialize)]
struct RuleOutput {
    code: &'static str,
    default_level: &'static str,
    level: &'static str,
    summary: &'static str,
    explanation: &'static str,
}

#[derive(Debug, Serialize)]
struct Output {
    rules: Vec<RuleOutput>,
}

/// Print what a rule checks and how to satisfy it
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  incidents explain missing-rollback\n  incidents explain --list\n  incidents explain --all > docs/rules.md\n  incidents explain --format json            every rule, as JSON\n  incidents explain overdue --format json"
)]
pub(crate) struct Args {
    /// The rule code, e.g. `missing-rollback`
    #[arg(required_unless_present_any = ["list", "all", "format"])]
    pub(crate) code: Option<String>,
    /// List every rule code with its level in effect and summary
    #[arg(long, conflicts_with_all = ["code", "all"])]
    pub(crate) list: bool,
    /// Print every rule's explanation as Markdown (the text of docs/rules.md)
    #[arg(long, conflicts_with = "code")]
    pub(crate) all: bool,
    /// Output format (`json` without a code: every rule)
    #[arg(long, value_enum, conflicts_with_all = ["list", "all"])]
    pub(crate) format: Option<Format>,
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    if args.format == Some(Format::Json) {
        let rules = match args.code.as_deref() {
            Some(code) => vec![find(code)?],
            None => Rule::ALL.to_vec(),
        };
        let rules = rules
            .into_iter()
            .map(|rule| RuleOutput {
                code: rule.code(),
                default_level: rule.default_level().as_str(),
                level: ctx.config.level(rule).as_str(),
                summary: rule.summary(),
                explanation: rule.explanation(),
            })
            .collect();
        write(streams.out, &crate::render::json::versioned(&Output { rules }))?;
        return Ok(Outcome::Success);
    }
    if args.all {
        write(streams.out, &rules_markdown())?;
        return Ok(Outcome::Success);
    }
    if args.list {
        let width = Rule::ALL.iter().map(|r| r.code().len()).max().unwrap_or(0);
        let mut text = String::new();
        for rule in Rule::ALL {
            let level = ctx.config.level(*rule);
            text.push_str(&format!("{:width$}  {:7}  {}\n", rule.code(), level.as_str(), rule.summary()));
        }
        write(streams.out, &text)?;
        return Ok(Outcome::Success);
    }
    let Some(code) = args.code.as_deref() else {
        return Err(UsageError::NoRuleNamed.into());
    };
    let rule = find(code)?;
    let mut text = explain_markdown(rule);
    let level = ctx.config.level(rule);
    if level != rule.default_level() {
        text.push_str(&format!("\nThis repository's config sets it to **{}**.\n", level.as_str()));
    }
    write(streams.out, &text)?;
    Ok(Outcome::Success)
}

fn find(code: &str) -> Result<Rule> {
    Rule::from_code(code).ok_or_else(|| {
        UsageError::UnknownRule { code: code.to_string(), hint: Rule::closest(code).map(|r| r.to_string()) }.into()
    })
}
