//! The `incidents` binary: gathers the environment, calls [`incidents::run`], exits.
//! A panic (a bug) prints one line asking for a report and exits 101; see
//! [`incidents::bug_report`].

use std::io::Write;
use std::process::ExitCode;

/// mimalloc, as ruff and uv use a non-system allocator: `check` allocates many small
/// strings per record on two threads, where glibc's allocator is contended; mimalloc
/// takes about 6% less CPU and peaks at 86 MB on 40,000 records against glibc's 73 MB,
/// inside the 100 MB bar (measurements and the fallback: docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let _ = writeln!(std::io::stderr(), "{}", incidents::bug_report::message(info));
    }));
    ExitCode::from(incidents::bug_report::exit_status_of(run))
}

fn run() -> u8 {
    // A shell asking for completions (`COMPLETE=bash`) is answered here, and the process ends.
    incidents::complete_from_env();
    let env = match incidents::Environment::from_process() {
        Ok(env) => env,
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "error: cannot read the working directory: {error}");
            return incidents::exit::USAGE;
        }
    };
    let stdout = std::io::stdout();
    // stderr is not locked for the whole run: the panic hook may write to it from
    // another thread (a rayon worker) while this one waits.
    incidents::run(std::env::args_os(), &env, &mut stdout.lock(), &mut std::io::stderr())
}
