//! Dynamic completion: the shell asks the binary itself (`COMPLETE=bash incidents …`,
//! clap_complete's protocol) and it answers from the repository in the working
//! directory — incident and item ids, rule codes, severities, owners and classes —
//! besides the commands and flags of `crate::cli`. Registered with
//! `source <(COMPLETE=bash incidents)` (zsh, fish likewise). A repository that cannot
//! be read completes nothing rather than failing.

use crate::cli::Cli;
use crate::diagnostic::Rule;
use crate::record::Record;
use clap::CommandFactory;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use std::ffi::OsStr;

/// Answers a completion request when the environment holds one (then exits the
/// process); otherwise returns and the command runs as usual.
pub(crate) fn complete_from_env() {
    clap_complete::CompleteEnv::with_factory(command).bin("incidents").complete();
}

/// The command line with a value completer on every argument that names a record,
/// rule, severity, owner or class.
pub(crate) fn command() -> clap::Command {
    Cli::command().mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        let sub = sub.mut_subcommands(|inner| inner.mut_args(|arg| attach("import", arg)));
        sub.mut_args(|arg| attach(&name, arg))
    })
}

fn attach(command: &str, arg: clap::Arg) -> clap::Arg {
    let what = match (command, arg.get_id().as_str()) {
        ("stabilize" | "close" | "log" | "amend", "id") | ("status", "ids") | ("remediate", "incident") => {
            Some(Kind::Incident)
        }
        ("import", "into") => Some(Kind::Incident),
        ("start" | "ship" | "validate" | "drop" | "plan" | "move-due", "id") => Some(Kind::Item),
        ("explain", "code") => Some(Kind::Rule),
        (_, "severity") => Some(Kind::Severity),
        (_, "owner") => Some(Kind::Owner),
        (_, "class") => Some(Kind::Class),
        _ => None,
    };
    match what {
        Some(kind) => arg.add(ArgValueCompleter::new(move |current: &OsStr| candidates(kind, current))),
        None => arg,
    }
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Incident,
    Item,
    Rule,
    Severity,
    Owner,
    Class,
}

fn candidates(kind: Kind, current: &OsStr) -> Vec<CompletionCandidate> {
    let prefix = current.to_string_lossy().to_lowercase();
    let mut values = values(kind);
    values.sort();
    values.dedup();
    values.into_iter().filter(|value| value.to_lowercase().starts_with(&prefix)).map(CompletionCandidate::new).collect()
}

/// Every value of `kind` known in the repository of the working directory.
fn values(kind: Kind) -> Vec<String> {
    if let Kind::Rule = kind {
        return Rule::ALL.iter().map(|rule| rule.code().to_string()).collect();
    }
    let Ok(cwd) = std::env::current_dir() else { return Vec::new() };
    let Ok((root, _)) = crate::root::resolve(None, &cwd) else { return Vec::new() };
    let Ok(config) = crate::config::load(&root) else { return Vec::new() };
    match kind {
        Kind::Severity => return config.severities.clone(),
        Kind::Owner if config.owners.is_some() => {
            return config.owners.map(|owners| owners.names).unwrap_or_default();
        }
        _ => {}
    }
    let repo = crate::store::Repository::load(&root, &config);
    let records = repo.files.iter().filter_map(|file| file.record.as_ref());
    match kind {
        Kind::Incident => records
            .filter_map(|record| match record {
                Record::Incident(incident) => incident.id.get().cloned(),
                Record::Remediation(_) => None,
            })
            .collect(),
        Kind::Item => records
            .filter_map(|record| match record {
                Record::Remediation(item) => item.id.get().cloned(),
                Record::Incident(_) => None,
            })
            .collect(),
        Kind::Owner => records
            .filter_map(|record| match record {
                Record::Remediation(item) => item.owner.get().cloned(),
                Record::Incident(incident) => incident.commander.get().cloned(),
            })
            .collect(),
        Kind::Class => records
            .flat_map(|record| match record {
                Record::Incident(incident) => incident
                    .classes
                    .get()
                    .map(|list| list.iter().map(|c| c.value.clone()).collect())
                    .unwrap_or_default(),
                Record::Remediation(_) => Vec::new(),
            })
            .collect(),
        Kind::Rule | Kind::Severity => Vec::new(),
    }
}
