//! The only code that writes files. Edits are patches on the original text (every byte
//! not meant to change is copied through); [`atomic`] puts the result on disk.

pub mod atomic;
pub mod status_block;

pub use atomic::{create_new, write_atomic};
