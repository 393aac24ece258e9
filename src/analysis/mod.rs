//! Analysis: what status blocks, listings and reports show, computed from a loaded
//! record set. Everything here returns plain data (serialisable: the JSON outputs are
//! these structs) and never prints; renderers in `crate::render` draw it.
//!
//! Every analysis reads the records through [`crate::store::Index`]: incidents in id
//! order with their items.
//!
//! - [`status`]: the standard status block of one incident, with [`shipped`]: each
//!   shipped item's change and evidence and where they came from.
//! - [`listing`]: the rows and filters of `incidents list`.
//! - [`digest`]: the weekly digest of what each owner should do.
//! - [`report`]: the report model, built from [`timing`], [`workload`], [`due_moves`],
//!   [`coverage`], [`classes`], [`recurrence`] and [`charts`], with statistics from
//!   [`stats`]; [`detection`] (time to detect and to mitigate, from the Timelines) is
//!   added by `report`, which reads the bodies. [`coverage`] also classifies failure modes for the status block and
//!   `list` (covered, uncovered, accepted risk).

pub(crate) mod charts;
pub(crate) mod classes;
pub(crate) mod coverage;
pub(crate) mod detection;
pub(crate) mod digest;
pub(crate) mod due_moves;
pub(crate) mod listing;
pub(crate) mod recurrence;
pub(crate) mod report;
pub(crate) mod seen_before;
pub(crate) mod settings;
pub(crate) mod shipped;
pub(crate) mod similar;
mod similar_sets;
pub(crate) mod stats;
pub(crate) mod status;
pub(crate) mod timing;
pub(crate) mod workload;

pub(crate) use report::{Period, Report};
pub(crate) use status::StatusBlock;
