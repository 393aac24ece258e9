//! What the user sees if `incidents` ever panics. A panic is a bug — no input should
//! reach one — so instead of Rust's multi-line report and backtrace the binary prints a
//! single line asking for a bug report, with the version and where the panic happened,
//! and exits with [`exit::BUG`] (101).
//!
//! The binary installs [`message`] as the panic hook and runs the command inside
//! [`exit_status_of`]. Nothing here is reachable from input on purpose, so the pieces are
//! tested as units rather than through a test-only trigger in the binary.

use crate::exit;
use std::any::Any;
use std::panic::{AssertUnwindSafe, PanicHookInfo};

/// The one-line report for a panic.
pub fn message(info: &PanicHookInfo<'_>) -> String {
    let location = info.location().map(|at| format!("{}:{}:{}", at.file(), at.line(), at.column()));
    format_message(env!("CARGO_PKG_VERSION"), &payload_text(info.payload()), location.as_deref())
}

/// The text a panic carried (`panic!("…")` gives a `&str` or a `String`).
pub(crate) fn payload_text(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "no message".to_string()
    }
}

/// `error: internal error in incidents <version> (<what> at <where>): …` on one line,
/// whatever line breaks `what` holds.
pub(crate) fn format_message(version: &str, what: &str, location: Option<&str>) -> String {
    let what = what.split_whitespace().collect::<Vec<_>>().join(" ");
    let at = location.map(|location| format!(" at {location}")).unwrap_or_default();
    let place = match env!("CARGO_PKG_REPOSITORY") {
        "" => String::new(),
        repository => format!(" at {repository}/issues"),
    };
    format!(
        "error: internal error in incidents {version} ({what}{at}): this is a bug, please report it{place} with this line and the command you ran"
    )
}

/// Runs `command`, returning its exit status, or [`exit::BUG`] when it panics.
pub fn exit_status_of(command: impl FnOnce() -> u8) -> u8 {
    std::panic::catch_unwind(AssertUnwindSafe(command)).unwrap_or(exit::BUG)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_is_one_line_with_version_cause_and_place() {
        let cases = [
            ("index out of bounds", Some("src/a.rs:3:9"), "(index out of bounds at src/a.rs:3:9)"),
            ("two\nlines\r\n  here", Some("src/b.rs:1:1"), "(two lines here at src/b.rs:1:1)"),
            ("no place", None, "(no place)"),
        ];
        for (what, location, expected) in cases {
            let line = format_message("9.9.9", what, location);
            assert!(line.starts_with("error: internal error in incidents 9.9.9 "), "{line}");
            assert!(line.contains(expected), "{line}");
            assert!(line.contains("please report it"), "{line}");
            assert!(!line.contains('\n') && !line.contains('\r'), "{line}");
            assert!(!line.contains("panicked") && !line.contains("backtrace"), "{line}");
        }
    }

    #[test]
    fn the_payload_text_is_read_from_str_and_string_panics() {
        let payloads: [(Box<dyn Any + Send>, &str); 3] = [
            (Box::new("static"), "static"),
            (Box::new(String::from("owned")), "owned"),
            (Box::new(42_u8), "no message"),
        ];
        for (payload, expected) in payloads {
            assert_eq!(payload_text(payload.as_ref()), expected);
        }
    }

    #[test]
    fn a_panic_maps_to_exit_status_101_and_a_result_to_itself() {
        assert_eq!(exit_status_of(|| 1), exit::FAILURE);
        assert_eq!(exit_status_of(|| panic!("boom")), exit::BUG);
        assert_eq!(exit_status_of(|| std::panic::panic_any(7_u32)), 101);
    }
}
