//! Integration tests: the real `incidents` binary on real files in temporary folders.
//! One test binary; one module per area. `support` holds the fixture builder.

// Test code may panic on broken fixtures: that is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accepted_risk;
mod authoring;
mod check;
mod config_command;
mod crash;
mod explain;
mod files;
mod gate1;
mod git;
mod github;
mod hostile;
mod integrations;
mod list;
mod moves;
mod naming;
mod preservation;
mod records;
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
mod yaml_edges;
