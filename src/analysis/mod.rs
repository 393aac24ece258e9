//! Analysis: what status blocks, listings and reports show, computed from a loaded
//! record set. Everything here returns plain data (serialisable: the JSON outputs are
//! these structs) and never prints; renderers in `crate::render` draw it.
//!
//! Every analysis reads the records through [`crate::store::Index`]: incidents in id
//! order with their items.
//!
//! - [`status`]: the standard status block of one incident.
//! - [`listing`]: the rows and filters of `incidents list`.
//! - [`digest`]: the weekly digest of what each owner should do.
//! - [`report`]: the report model, built from [`timing`], [`workload`], [`due_moves`],
//!   [`coverage`], [`classes`], [`recurrence`] and [`charts`], with statistics from
//!   [`stats`]. [`coverage`] also classifies failure modes for the status block and
//!   `list` (covered, uncovered, accepted risk).

pub mod charts;
pub mod classes;
pub mod coverage;
pub mod digest;
pub mod due_moves;
pub mod listing;
pub mod recurrence;
pub mod report;
pub mod seen_before;
pub mod settings;
pub mod similar;
pub mod stats;
pub mod status;
pub mod timing;
pub mod workload;

pub use report::{Period, Report};
pub use status::StatusBlock;
