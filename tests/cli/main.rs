//! Integration tests: the real `incidents` binary on real files in temporary folders.
//! One test binary; one module per area. `support` holds the fixture builder.

mod check;
mod support;
