//! Exit statuses (contract), mapped from a command's result in this one place:
//! 0 success, 1 findings (errors shown, a refused change), 2 the command could not run,
//! 101 an internal error (a panic: a bug to report).

use crate::error::Error;
use crate::run::Outcome;

pub const SUCCESS: u8 = 0;
pub const FAILURE: u8 = 1;
pub const USAGE: u8 = 2;
pub const BUG: u8 = 101;

/// The exit status of a finished command.
pub(crate) fn status(result: &Result<Outcome, Error>) -> u8 {
    match result {
        Ok(Outcome::Success) => SUCCESS,
        Ok(Outcome::Failure) => FAILURE,
        Err(error) if error.is_refusal() => FAILURE,
        Err(_) => USAGE,
    }
}
