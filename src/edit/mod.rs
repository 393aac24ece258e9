//! The only code that writes files. Edits are patches on the original text (every byte
//! not meant to change is copied through: [`frontmatter`], [`status_block`]); [`atomic`]
//! puts the result on disk; [`lock`] serialises commands that allocate ids; [`slug`]
//! names new files; [`append`] adds to files other programs own (the CI job summary);
//! [`timeline`] appends entries to an incident's `Timeline` section.

pub mod append;
pub mod atomic;
pub mod document;
pub mod file;
pub mod frontmatter;
pub mod lock;
#[cfg(test)]
mod properties;
pub mod slug;
pub mod status_block;
pub mod timeline;

pub use append::append;
pub use atomic::{create_new, write_atomic};
pub use document::EditError;
pub use frontmatter::{apply, Edit};
