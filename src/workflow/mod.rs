//! What the writing commands decide, apart from how they talk to the user: which id a
//! new record gets ([`ids`]), what a `--due` means ([`due`]), which record an id names
//! ([`target`]), whether a gate may close ([`gates`]), which item moves are allowed
//! ([`transition`]) and how an item file is patched ([`item_write`]), which change
//! ships an item ([`change`]), which values are non-answers ([`answer`]), refreshing
//! a written status block after a move ([`refresh`]), and the locked view of the
//! repository they all work in ([`session`]). Nothing here prints; commands do.

pub mod answer;
pub mod change;
pub mod due;
pub mod gates;
pub mod ids;
pub mod item_write;
pub mod refresh;
pub mod session;
pub mod target;
pub mod transition;

pub use session::Session;
