//! `unknown-class`: every class an incident carries — in `classes:` or as a failure
//! mode's own `class:` — is in the configured vocabulary (SPEC §3). The rule runs only
//! when `classes` is configured.

use crate::config::Config;
use crate::diagnostic::{Finding, Rule};
use crate::record::{ParsedFile, Record};

/// Collects the `unknown-class` findings of one file into `out`.
pub(crate) fn check(file: &ParsedFile, record: &Record, config: &Config, out: &mut Vec<Finding>) {
    let vocabulary = &config.classes;
    if !vocabulary.is_configured() {
        return;
    }
    let Record::Incident(incident) = record else { return };
    for class in incident.all_classes() {
        if vocabulary.find(&class.value).is_some() {
            continue;
        }
        let hint = match vocabulary.closest(&class.value) {
            Some(name) => format!("did you mean `{name}`? "),
            None => String::new(),
        };
        let known: Vec<&str> = vocabulary.entries.iter().map(|entry| entry.name.as_str()).collect();
        out.push(Finding::new(
            Rule::UnknownClass,
            &file.path,
            class.line,
            record.id(),
            format!(
                "class `{}` is not in the `classes` vocabulary of .incidents.yml: {hint}use one of {}, or add it there with a one-line description",
                class.value,
                known.join(", ")
            ),
        ));
    }
}
