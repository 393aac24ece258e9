//! Renderers: one per output format. They turn reports into text and never decide
//! anything else (colour is decided once, in [`color::Palette`]).

pub mod check;
pub mod color;
pub mod config;
pub mod digest;
pub mod json;
pub mod list;
pub mod markdown_text;
pub mod report;
pub mod status;

/// `1 error`, `3 errors`: a count with its noun, pluralised with `s`.
pub fn plural(count: impl std::fmt::Display, noun: &str) -> String {
    let count = count.to_string();
    let ending = if count == "1" { "" } else { "s" };
    format!("{count} {noun}{ending}")
}
