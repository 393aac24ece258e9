//! The shell: completions for every shell, the man page, `--version`, `--color` with
//! `NO_COLOR` and `CLICOLOR_FORCE`, and an example in every `--help`.

use crate::support::*;

#[test]
fn completions_for_every_shell_mention_the_subcommands() {
    let repo = Repo::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = repo.run(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {run:?}");
        for word in ["incidents", "check", "explain", "schema", "completions"] {
            assert!(run.stdout.contains(word), "{shell} completions lack `{word}`");
        }
    }
    let run = repo.run(&["completions", "tcsh"]);
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn completions_and_man_need_no_repository() {
    // A broken config stops every repository command, but not these.
    let repo = Repo::new().file(".incidents.yml", "dri: x\n");
    assert_eq!(repo.run(&["check"]).code, 2);
    assert_eq!(repo.run(&["completions", "bash"]).code, 0);
    assert_eq!(repo.run(&["man"]).code, 0);
}

#[test]
fn the_man_page_is_roff_from_the_same_definition() {
    let repo = Repo::new();
    let run = repo.run(&["man"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains(".TH incidents 1"), "{}", run.stdout);
    assert!(run.stdout.contains(".SH EXAMPLES\n.nf\n"), "{}", run.stdout);
    for word in ["check", "explain", "schema", "\\-\\-today"] {
        assert!(run.stdout.contains(word), "man page lacks {word}");
    }
    let check = repo.run(&["man", "check"]);
    assert!(check.stdout.contains(".TH incidents-check 1"), "{}", check.stdout);
    assert!(check.stdout.contains(concat!("\"incidents ", env!("CARGO_PKG_VERSION"), "\"")), "{}", check.stdout);
    assert!(check.stdout.contains("\\-\\-strict"));
    let typo = repo.run(&["man", "chek"]);
    assert_eq!(typo.code, 2);
    assert!(typo.stderr.contains("did you mean `check`"), "{}", typo.stderr);
}

#[test]
fn version_prints_the_crate_version() {
    let run = Repo::new().run(&["--version"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.trim(), format!("incidents {}", env!("CARGO_PKG_VERSION")));
}

/// Every command path (`check`, `template show`, ...) in the clap definition.
fn command_paths(command: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
    for sub in command.get_subcommands().filter(|c| c.get_name() != "help") {
        let mut path = prefix.to_vec();
        path.push(sub.get_name().to_string());
        command_paths(sub, &path, out);
        out.push(path);
    }
}

#[test]
fn every_help_has_examples() {
    let repo = Repo::new();
    let top = repo.run(&["--help"]);
    assert!(top.stdout.contains("Examples:"), "{}", top.stdout);
    let mut paths = Vec::new();
    command_paths(&incidents::command(), &[], &mut paths);
    assert!(paths.len() >= 6, "{paths:?}");
    for path in paths {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let run = repo.run(&args);
        let name = path.join(" ");
        assert_eq!(run.code, 0, "{name}: {run:?}");
        assert!(run.stdout.contains("Examples:"), "`incidents {name} --help` has no examples:\n{}", run.stdout);
        assert!(run.stdout.contains(&format!("incidents {name}")), "`incidents {name} --help`: no example runs it");
    }
}

fn failing_repo() -> Repo {
    let item = open_item("INC-1-R1", "INC-1", "cache race").replace("owner: team-checkout\n", "");
    Repo::new()
        .file("incidents/INC-1.md", &stabilized_incident("INC-1", "cache race"))
        .file("incidents/INC-1-R1.md", &item)
}

const ESC: &str = "\x1b[";

/// Arguments, `NO_COLOR`, `CLICOLOR_FORCE`, and whether the output is coloured.
type ColorCase<'a> = (&'a [&'a str], Option<&'a str>, Option<&'a str>, bool);

#[test]
fn color_follows_the_flag_and_the_environment() {
    let repo = failing_repo();
    // (arguments, NO_COLOR, CLICOLOR_FORCE, coloured?)
    let cases: [ColorCase; 7] = [
        (&["--color", "always", "check"], Some("1"), None, true),
        (&["check"], None, Some("1"), true),
        (&["--color", "auto", "check"], None, Some("1"), true),
        (&["check"], Some("1"), Some("1"), false),
        (&["check"], None, None, false),
        (&["--color", "never", "check"], None, Some("1"), false),
        (&["check", "--color", "never"], None, None, false),
    ];
    for (args, no_color, force, coloured) in cases {
        let run = repo.run_with(args, |cmd| {
            cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
            if let Some(value) = no_color {
                cmd.env("NO_COLOR", value);
            }
            if let Some(value) = force {
                cmd.env("CLICOLOR_FORCE", value);
            }
        });
        assert_eq!(run.code, 1, "{args:?}: {run:?}");
        assert!(run.stdout.contains("error[missing-owner]") || run.stdout.contains("missing-owner"), "{run:?}");
        assert_eq!(
            run.stdout.contains(ESC),
            coloured,
            "{args:?} NO_COLOR={no_color:?} CLICOLOR_FORCE={force:?}:\n{}",
            run.stdout
        );
    }
}

#[test]
fn machine_formats_are_never_coloured() {
    let repo = failing_repo();
    for format in ["json", "github", "sarif"] {
        let run = repo.run_with(&["--color", "always", "check", "--format", format], |cmd| {
            cmd.env_remove("NO_COLOR");
        });
        assert!(!run.stdout.contains(ESC), "{format}:\n{}", run.stdout);
    }
}

#[test]
fn errors_on_stderr_follow_the_colour_choice() {
    let repo = Repo::new();
    let forced = repo.run_with(&["--color", "always", "explain", "nope"], |c| {
        c.env_remove("NO_COLOR");
    });
    assert_eq!(forced.code, 2);
    assert!(forced.stderr.starts_with("\x1b[1;31merror:\x1b[0m"), "{:?}", forced.stderr);
    let plain = repo.run(&["explain", "nope"]);
    assert!(plain.stderr.starts_with("error: no rule `nope`"), "{:?}", plain.stderr);
}
