//! Transparent huge pages, off while this process runs and back as they were for the
//! programs it starts.
//!
//! mimalloc asks the kernel for huge pages (`MADV_HUGEPAGE`), so each first touch of its
//! heap makes the kernel zero a whole 2 MB page. `check` at 40,000 records then holds
//! 91 MB of pages for a 63 MB heap, and on a virtual machine, whose host backs a fresh
//! page only when it is first written, those faults were most of `check`'s system time
//! and its slowest runs (0.3 s to 1.1 s of system time for the same work). With small
//! pages only what is used is touched: 63 MB, and steady times (docs/performance.md,
//! round 21). The setting is the process's and is inherited by the programs it starts,
//! so [`restore_for_child`] puts the caller's back before `validate --run` or the
//! editor starts (for the rest of the run too: the records are loaded by then). The
//! setting is per process, so it is tested from outside, in separate processes:
//! `tests/cli/git.rs` checks that a validation command sees the caller's setting.

/// Whether huge pages were already off when the process started.
#[cfg(target_os = "linux")]
static OFF_AT_START: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

/// Turns transparent huge pages off for this process (Linux; elsewhere nothing).
pub(crate) fn turn_off() {
    #[cfg(target_os = "linux")]
    {
        use rustix::thread::{disable_transparent_huge_pages, transparent_huge_pages_are_disabled};
        let off = *OFF_AT_START.get_or_init(|| transparent_huge_pages_are_disabled().unwrap_or(true));
        if !off {
            // A kernel without the setting keeps its default: only speed is at stake.
            let _ = disable_transparent_huge_pages(true);
        }
    }
}

/// Puts back the setting the process started with, before it starts another program.
pub(crate) fn restore_for_child() {
    #[cfg(target_os = "linux")]
    if OFF_AT_START.get() == Some(&false) {
        let _ = rustix::thread::disable_transparent_huge_pages(false);
    }
}
