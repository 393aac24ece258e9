//! `check` output, one module per format: `human` (rustc-style, with the source line),
//! `json` (contract), `github` (workflow annotations) with its job summary `summary`,
//! `sarif` (SARIF 2.1.0), `gitlab` (GitLab Code Quality) and `junit` (JUnit XML);
//! `work_tree` makes the code hosts' paths relative to the git work tree.

pub(crate) mod github;
pub(crate) mod gitlab;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod junit;
pub(crate) mod sarif;
pub(crate) mod summary;
pub(crate) mod work_tree;
