//! `incidents validate <ITEM> --run`: runs the item's `validation_command` with `sh -c`
//! in the root, its output going straight to the terminal, within `validation_timeout`
//! (on timeout the command's whole process group is killed). The command is the one
//! process this tool starts on purpose; git itself is read in-process ([`crate::git`]).
//! Only an exit status of 0 is evidence, and the evidence says what ran and on what:
//! the command, its exit status, HEAD's commit SHA and whether tracked files had
//! uncommitted changes, and the time. Anything else writes nothing and exits 1.

use crate::clock::Timestamp;
use crate::error::{Refusal, Result};
use crate::git;
use crate::refusal::Ended;
use crate::Context;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// What the tree was when the command ran.
fn tree_state(ctx: &Context) -> String {
    match git::open(&ctx.root, &ctx.config) {
        Err(git::Absent::Off) => "git not read (`git: off`)".to_string(),
        Err(git::Absent::NotAWorkTree) => "not in a git work tree".to_string(),
        Ok(repo) => {
            let Some(head) = repo.head() else { return "no commit yet".to_string() };
            match repo.is_dirty() {
                Ok(false) => format!("at commit {head}, tree clean"),
                Ok(true) => format!("at commit {head}, with uncommitted changes"),
                Err(error) => format!("at commit {head}, tree state unknown ({error})"),
            }
        }
    }
}

/// Runs `command` for item `id`; on exit 0, the evidence to write, stamped `at`.
pub(crate) fn run(ctx: &Context, id: &str, command: &str, at: Timestamp) -> Result<String> {
    // The tree is read before the command runs: a command that writes files (build
    // output, snapshots) does not make the evidence say the tree was dirty.
    let state = tree_state(ctx);
    let timeout = ctx.config.validation_timeout;
    let status = spawn_and_wait(ctx, command, timeout)
        .map_err(|error| Refusal::ShellNotStarted { id: id.to_string(), reason: error.to_string() })?;
    let failed = |ended| Refusal::ValidationFailed { id: id.to_string(), command: command.to_string(), ended };
    match status {
        Some(status) if status.success() => {
            Ok(format!("`{command}` exited 0 ({state}) at {at}, run by `incidents validate --run`"))
        }
        Some(status) => Err(failed(ended(status)).into()),
        None => Err(failed(Ended::TimedOut { limit: human(timeout) }).into()),
    }
}

/// `Some(status)` when the command ended in time, `None` when it was killed on timeout.
fn spawn_and_wait(ctx: &Context, command: &str, timeout: Duration) -> std::io::Result<Option<ExitStatus>> {
    let mut process = Command::new("sh");
    process.arg("-c").arg(command).current_dir(&ctx.root).stdin(Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut process, 0);
    crate::huge_pages::restore_for_child();
    let mut child = process.spawn()?;
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            #[cfg(unix)]
            let _ = rustix::process::kill_process_group(
                rustix::process::Pid::from_child(&child),
                rustix::process::Signal::KILL,
            );
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// How a command that did not pass ended.
fn ended(status: ExitStatus) -> Ended {
    if let Some(code) = status.code() {
        return Ended::Exited(code);
    }
    #[cfg(unix)]
    if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(&status) {
        return Ended::Signal(signal);
    }
    Ended::NoStatus
}

/// `10m`, `90s`, `1h` as written in the config.
fn human(duration: Duration) -> String {
    let seconds = duration.as_secs();
    if seconds.is_multiple_of(3600) {
        format!("{}h", seconds / 3600)
    } else if seconds.is_multiple_of(60) {
        format!("{}m", seconds / 60)
    } else {
        format!("{seconds}s")
    }
}
