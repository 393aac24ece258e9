//! Opening the created file in the user's editor: `$VISUAL`, else `$EDITOR`, run
//! directly (the command is split on white space; no shell is involved), with the file's
//! path as its last argument. This is the only program the tool ever runs, and only when
//! stdin and stdout are terminals, `open_editor` is on and `--no-edit` was not given.

use crate::Context;
use std::path::Path;
use std::process::Command;

/// Whether a command that created `path` should open the editor now.
pub fn wanted(ctx: &Context, no_edit: bool) -> bool {
    !no_edit && ctx.config.open_editor && ctx.interactive && ctx.stdout_is_terminal && ctx.editor.is_some()
}

/// Opens the editor on a created file when [`wanted`]; an editor that cannot run or
/// fails is a warning on `err` (the file exists either way).
pub fn open_created(ctx: &Context, no_edit: bool, path: &Path, err: &mut dyn std::io::Write) -> crate::Result<()> {
    let Some(command) = ctx.editor.as_deref().filter(|_| wanted(ctx, no_edit)) else { return Ok(()) };
    if let Err(reason) = open(command, path) {
        let note = format!("warning: {reason}; the file was created: {}\n", ctx.display_path(path));
        crate::commands::write(err, &note)?;
    }
    Ok(())
}

/// Runs `command` (e.g. `code --wait`) on `path` and waits for it. The error says why it
/// could not run or how it exited.
pub fn open(command: &str, path: &Path) -> Result<(), String> {
    let mut words = command.split_whitespace();
    let program = words.next().ok_or_else(|| "the editor command is empty".to_string())?;
    let status = Command::new(program)
        .args(words)
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
    }
}
