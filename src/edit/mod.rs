//! The only code that writes files. Edits are patches on the original text (every byte
//! not meant to change is copied through); [`atomic`] puts the result on disk; [`append`]
//! adds to files other programs own (the CI job summary).

pub mod append;
pub mod atomic;

pub use append::append;
pub use atomic::{create_new, write_atomic};
