//! `incidents explain <code>`: what a rule checks, why, how to satisfy it, an example.

use super::{write, Outcome, Streams};
use crate::diagnostic::{explain_markdown, rules_markdown, Rule};
use crate::error::{Result, UsageError};
use crate::Context;

/// Print what a rule checks and how to satisfy it
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  incidents explain missing-rollback\n  incidents explain --list\n  incidents explain --all > docs/rules.md"
)]
pub struct Args {
    /// The rule code, e.g. `missing-rollback`
    #[arg(required_unless_present_any = ["list", "all"])]
    pub code: Option<String>,
    /// List every rule code with its level in effect and summary
    #[arg(long, conflicts_with_all = ["code", "all"])]
    pub list: bool,
    /// Print every rule's explanation as Markdown (the text of docs/rules.md)
    #[arg(long, conflicts_with = "code")]
    pub all: bool,
}

pub fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
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
    let code = args.code.as_deref().unwrap_or_default();
    let rule = Rule::from_code(code).ok_or_else(|| UsageError::UnknownRule {
        code: code.to_string(),
        hint: Rule::closest(code).map(|r| r.to_string()),
    })?;
    let mut text = explain_markdown(rule);
    let level = ctx.config.level(rule);
    if level != rule.default_level() {
        text.push_str(&format!("\nThis repository's config sets it to **{}**.\n", level.as_str()));
    }
    write(streams.out, &text)?;
    Ok(Outcome::Success)
}
