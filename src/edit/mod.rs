//! The only code that writes files. Edits are patches on the original text (every byte
//! not meant to change is copied through: [`frontmatter`], [`status_block`]); [`atomic`]
//! puts the result on disk; [`lock`] serialises commands that allocate ids; [`slug`]
//! names new files; [`append`] adds to files other programs own (the CI job summary);
//! [`timeline`] appends entries to an incident's `Timeline` section.

pub(crate) mod append;
pub(crate) mod atomic;
pub(crate) mod document;
pub(crate) mod file;
pub(crate) mod frontmatter;
pub(crate) mod lock;
#[cfg(test)]
mod properties;
pub(crate) mod slug;
pub(crate) mod status_block;
pub(crate) mod timeline;

pub(crate) use append::append;
pub(crate) use atomic::{create_new, write_atomic};
pub(crate) use frontmatter::{apply, Edit};
