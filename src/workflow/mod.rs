//! What the writing commands decide, apart from how they talk to the user: which id a
//! new record gets ([`ids`]), what a `--due` means ([`due`]), which record an id names
//! ([`target`]), whether a gate may close ([`gates`]), which item moves are allowed
//! ([`transition`]) and how an item file is patched ([`item_write`]), which change
//! ships an item ([`change`]), which values are non-answers ([`answer`]), refreshing
//! a written status block after a move ([`refresh`]), and the locked view of the
//! repository they all work in ([`session`]). Nothing here prints; commands do.

pub(crate) mod answer;
pub(crate) mod change;
pub(crate) mod due;
pub(crate) mod gates;
pub(crate) mod ids;
pub(crate) mod item_write;
pub(crate) mod refresh;
pub(crate) mod session;
pub(crate) mod target;
pub(crate) mod transition;

pub(crate) use session::Session;
