//! `check` output, one module per format: `human` (rustc-style, with the source line),
//! `json` (contract), `github` (workflow annotations) with its job summary `summary`,
//! `sarif` (SARIF 2.1.0), `gitlab` (GitLab Code Quality) and `junit` (JUnit XML);
//! `work_tree` makes the code hosts' paths relative to the git work tree.

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod summary;
pub mod work_tree;
