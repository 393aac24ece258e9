//! The `incidents` binary: gathers the environment, calls [`incidents::run`], exits.

use std::process::ExitCode;

/// mimalloc, as ruff and uv use a non-system allocator: `check` allocates many small
/// strings per record on two threads, and glibc's allocator cost about a fifth of its
/// time on 40,000 records (see docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let env = match incidents::Environment::from_process() {
        Ok(env) => env,
        Err(error) => {
            eprintln!("error: cannot read the working directory: {error}");
            return ExitCode::from(incidents::exit::USAGE);
        }
    };
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let status = incidents::run(std::env::args_os(), &env, &mut stdout.lock(), &mut stderr.lock());
    ExitCode::from(status)
}
