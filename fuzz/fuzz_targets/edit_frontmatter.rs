//! Fuzz target: the front-matter editor on any text with any value (set, set nested,
//! append, append a mapping). The input layout and what is asserted:
//! `incidents::fuzzing::edit_frontmatter` (src/fuzzing.rs).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| incidents::fuzzing::edit_frontmatter(data));
