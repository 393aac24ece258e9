//! The `incidents` binary: gathers the environment, calls [`incidents::run`], exits.

use std::process::ExitCode;

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
