//! Opening the created file in the user's editor: `$VISUAL`, else `$EDITOR`, run
//! directly, with the file's path as its last argument. The command is split into words
//! as a POSIX shell would split it (quotes and backslashes, so `"code --wait"` and a
//! path with a space work), but no shell runs: nothing is expanded or substituted. This is the only program the tool ever runs, and only when
//! stdin and stdout are terminals, `open_editor` is on and `--no-edit` was not given.

use crate::Context;
use std::path::Path;
use std::process::Command;

/// Whether a command that created `path` should open the editor now.
pub(crate) fn wanted(ctx: &Context, no_edit: bool) -> bool {
    !no_edit && ctx.config.open_editor && ctx.interactive && ctx.stdout_is_terminal && ctx.editor.is_some()
}

/// Opens the editor on a created file when [`wanted`]; an editor that cannot run or
/// fails is a warning on `err` (the file exists either way).
pub(crate) fn open_created(
    ctx: &Context,
    no_edit: bool,
    path: &Path,
    err: &mut dyn std::io::Write,
) -> crate::Result<()> {
    let Some(command) = ctx.editor.as_deref().filter(|_| wanted(ctx, no_edit)) else { return Ok(()) };
    if let Err(reason) = open(command, path) {
        let note = format!("warning: {reason}; the file was created: {}\n", ctx.display_path(path));
        crate::run::write(err, &note)?;
    }
    Ok(())
}

/// Runs `command` (e.g. `code --wait`, `"/opt/my editor/bin/ed" -n`) on `path` and waits
/// for it. The error says why it could not be split or run, or how it exited.
pub(crate) fn open(command: &str, path: &Path) -> Result<(), String> {
    let words = shell_words::split(command)
        .map_err(|e| format!("cannot read the editor command `{command}` ({e}): close its quotes"))?;
    let (program, arguments) = words.split_first().ok_or_else(|| "the editor command is empty".to_string())?;
    crate::huge_pages::restore_for_child();
    let status = Command::new(program)
        .args(arguments)
        .arg(path)
        .status()
        .map_err(|e| format!("cannot run the editor `{program}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the editor `{command}` exited with {status}"))
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn runs_the_command_with_its_words_and_the_path() {
        let temp = tempfile::tempdir().unwrap();
        let file = temp.path().join("a.md");
        std::fs::write(&file, "x").unwrap();
        // `touch MARKER` + the path: both files are touched, so the words come first, in order.
        let marker = temp.path().join("marker");
        open(&format!("touch {}", marker.display()), &file).unwrap();
        assert!(marker.exists());
        assert!(open("definitely-not-an-editor-xyz", &file).unwrap_err().contains("cannot run"));
        assert!(open("false", &file).unwrap_err().contains("exited"));
        assert!(open("   ", &file).is_err());
        assert!(open("\"vim", &file).unwrap_err().contains("close its quotes"));
        // Quoted words keep their spaces: `touch 'a b'` touches one file named `a b`.
        let spaced = temp.path().join("a b");
        open(&format!("touch '{}'", spaced.display()), &file).unwrap();
        assert!(spaced.exists());
    }
}
