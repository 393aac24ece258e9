//! Integration tests: the real `incidents` binary on real files in temporary folders.
//! One test binary; one module per area. `support` holds the fixture builder.

// Test code may panic on broken fixtures: that is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod authoring;
mod check;
mod crash;
mod explain;
mod hostile;
mod list;
mod naming;
mod preservation;
mod records;
mod refusals;
mod report;
mod rules;
mod sections;
mod security;
mod status;
mod status_write;
mod support;
mod terminal;
