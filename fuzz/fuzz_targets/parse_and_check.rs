//! Fuzz target: bytes → record files → every rule → every `check` renderer, the job
//! summary and the HTML body renderer. The input layout and what is asserted:
//! `incidents::fuzzing::parse_and_check` (src/fuzzing.rs).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| incidents::fuzzing::parse_and_check(data));
