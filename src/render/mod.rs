//! Renderers: one per output format. They turn reports into text and never decide
//! anything else (colour is decided once, in [`color::Palette`]).

pub mod check_github;
pub mod check_human;
pub mod check_json;
pub mod check_sarif;
pub mod check_summary;
pub mod color;
pub mod config_human;
pub mod config_json;
