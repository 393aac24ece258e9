//! Renderers: one per output format. They turn reports into text and never decide
//! anything else (colour is decided once, in [`color::Palette`]).

pub(crate) mod check;
pub(crate) mod color;
pub(crate) mod config;
pub(crate) mod digest;
pub(crate) mod json;
pub(crate) mod json_parts;
pub(crate) mod list;
pub(crate) mod markdown_text;
pub(crate) mod report;
pub(crate) mod status;

/// `1 error`, `3 errors`: a count with its noun, pluralised with `s`.
pub(crate) fn plural(count: impl std::fmt::Display, noun: &str) -> String {
    let count = count.to_string();
    let ending = if count == "1" { "" } else { "s" };
    format!("{count} {noun}{ending}")
}
