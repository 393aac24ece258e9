//! Integration tests: the real `incidents` binary on real files in temporary folders.
//! One test binary; one module per area. `support` holds the fixture builder.

// Test code may panic on broken fixtures: that is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accepted_risk;
mod authoring;
mod check;
mod ci_formats;
mod classes;
mod completion;
mod config_command;
mod crash;
mod digest;
mod evidence_rules;
mod explain;
mod files;
mod gate1;
mod git;
mod git_provenance;
mod github;
mod hostile;
mod import;
mod integrations;
mod json_version;
mod list;
mod man_page;
mod moves;
mod naming;
mod owners;
mod preservation;
mod records;
mod refusal_words;
mod refusals;
mod report;
mod rules;
mod sarif;
mod schema;
mod sections;
mod security;
mod shell;
mod status;
mod status_write;
mod support;
mod terminal;
mod timeline;
mod workflows;
mod yaml_edges;
