//! The vocabulary of checking, at the bottom of the layers: the rule registry ([`Rule`]
//! with its catalog, [`Level`], [`Severity`]), a [`Finding`] produced while reading or
//! checking a record, the [`Diagnostic`] it becomes once levels are applied, and the
//! [`Report`] of a whole `check`. `config`, `record`, `store`, `rules` and the renderers
//! all import these words from here; the engine that produces findings lives in
//! `rules/`, above `store` and `config`. This module imports nothing from the crate
//! except the `suggest` helper.

mod finding;
mod report;
mod rule;

pub(crate) use finding::{Diagnostic, Finding};
pub(crate) use report::Report;
pub(crate) use rule::{explain_markdown, rules_markdown, Level, Rule, Severity};
