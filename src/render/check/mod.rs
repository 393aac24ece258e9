//! `check` output, one module per format: `human` (rustc-style, with the source line),
//! `json` (contract), `github` (workflow annotations) with its job summary `summary`, and
//! `sarif` (SARIF 2.1.0).

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod summary;
