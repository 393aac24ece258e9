//! Talking to the person at the terminal: asking for values a command needs
//! ([`prompt`], only when stdin is a terminal) and opening the editor on a created file
//! ([`editor`], only when stdin and stdout are terminals). Nothing here decides whether
//! a terminal is there: that is in [`crate::Context`].

pub(crate) mod editor;
pub(crate) mod prompt;

pub(crate) use prompt::Needs;
