//! `check --format github`: annotations within GitHub's limits, most important first,
//! the "N more" line, and the job summary written to `GITHUB_STEP_SUMMARY`.

use crate::support::*;

/// An active incident with a bad severity (an `invalid-value` error) and an unknown key
/// (an `unknown-field` warning).
fn flawed_incident(id: &str) -> String {
    format!("---\nkind: incident\nid: {id}\ntitle: Checkout 502s\nseverity: SEV9\nstatus: active\nopened: 2026-03-01\nextra: x\n---\n")
}

fn flawed_repo(count: usize) -> Repo {
    let mut repo = Repo::new();
    for i in 1..=count {
        repo = repo.file(&format!("incidents/INC-{i}.md"), &flawed_incident(&format!("INC-{i}")));
    }
    // Sorts last by file name, but an unreadable record is the most important finding.
    repo.file("incidents/zz-unreadable.md", "---\nkind: incident\ntitle: a: b\n---\n")
}

#[test]
fn annotates_at_most_ten_errors_and_ten_warnings_and_counts_the_rest() {
    let repo = flawed_repo(12);
    let run = repo.run(&["check", "--format", "github"]);
    assert_eq!(run.code, 1, "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    let errors = lines.iter().filter(|l| l.starts_with("::error ")).count();
    let warnings = lines.iter().filter(|l| l.starts_with("::warning ")).count();
    assert_eq!((errors, warnings), (10, 10), "{}", run.stdout);
    // 13 errors and 12 warnings: 3 + 2 were not annotated.
    assert!(run.stdout.contains("5 more diagnostics not annotated"), "{}", run.stdout);
    let listed = lines.iter().filter(|l| l.starts_with("incidents/")).count();
    assert_eq!(listed, 5, "{}", run.stdout);
    // Most important first: the syntax error, then errors, then warnings.
    assert!(lines[0].starts_with("::error file=incidents/zz-unreadable.md,line=3,title=syntax"), "{}", lines[0]);
    let first_warning = lines.iter().position(|l| l.starts_with("::warning ")).unwrap_or(0);
    let last_error = lines.iter().rposition(|l| l.starts_with("::error ")).unwrap_or(usize::MAX);
    assert!(last_error < first_warning, "{}", run.stdout);
}

#[test]
fn no_count_line_when_everything_fits() {
    let repo = flawed_repo(2);
    let run = repo.run(&["check", "--format", "github"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout.lines().count(), 6, "{}", run.stdout);
    assert!(!run.stdout.contains("not annotated"));
    assert!(run.stdout.ends_with("error: 3 errors, 2 warnings in 3 record files\n"), "{}", run.stdout);
}

#[test]
fn appends_a_job_summary_when_github_step_summary_is_set() {
    let repo = flawed_repo(2);
    repo.write("summary.md", b"earlier step\n");
    let summary = repo.abs("summary.md");
    let run = repo.run_with(&["check", "--format", "github"], |cmd| {
        cmd.env("GITHUB_STEP_SUMMARY", &summary);
    });
    assert_eq!(run.code, 1, "{run:?}");
    let text = repo.read("summary.md");
    assert!(text.starts_with("earlier step\n## incidents check\n"), "{text}");
    assert!(text.contains("**3 errors, 2 warnings** in 3 record files"), "{text}");
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("| :")).collect();
    assert_eq!(rows.len(), 5, "{text}");
    assert!(rows[0].contains("`syntax`") && rows[0].contains("`incidents/zz-unreadable.md:3`"), "{}", rows[0]);
    assert!(text.contains("`severity: SEV9` is not allowed"), "{text}");
}

#[test]
fn a_clean_run_summarises_as_no_problems() {
    let repo = Repo::new().file("incidents/INC-1.md", &active_incident("INC-1"));
    let summary = repo.abs("summary.md");
    let run = repo.run_with(&["check", "--format", "github"], |cmd| {
        cmd.env("GITHUB_STEP_SUMMARY", &summary);
    });
    assert_eq!((run.code, run.stdout.as_str()), (0, "ok: 1 record file checked, no problems\n"), "{run:?}");
    assert!(repo.read("summary.md").contains("1 record file checked, no problems"));
}

#[test]
fn the_job_summary_stays_under_one_mebibyte_counting_what_the_file_holds() {
    // 1,200 items naming a missing incident with a ~900-character id: each row is about
    // 1 KiB, so the whole table would pass GitHub's 1 MiB limit. Two runs in one step
    // append to the same file: the second one has only the room the first one left.
    let long = "X".repeat(900);
    let repo = Repo::new();
    for i in 0..1200 {
        let item = open_item(&format!("INC-1-R{i}"), &format!("INC-{long}"), "cache race");
        repo.write(&format!("incidents/INC-1-R{i}.md"), item.as_bytes());
    }
    let summary = repo.abs("summary.md");
    let mut sizes = Vec::new();
    for _ in 0..2 {
        let result = repo.run_with(&["check", "--format", "github"], |cmd| {
            cmd.env("GITHUB_STEP_SUMMARY", &summary);
        });
        assert_eq!(result.code, 1);
        sizes.push(std::fs::metadata(&summary).unwrap().len());
    }
    assert!(sizes[1] < 1024 * 1024, "{sizes:?}");
    let text = repo.read("summary.md");
    let note = "more diagnostics not listed: the step summary is limited to 1 MiB";
    assert!(text[..sizes[0] as usize].contains(note), "{}", &text[sizes[0] as usize - 300..sizes[0] as usize]);
    // The second run had room for its heading and the note only.
    let second = &text[sizes[0] as usize..];
    assert!(
        second.starts_with("## incidents check\n") && second.contains("1200 more diagnostics not listed"),
        "{second}"
    );
}

#[test]
fn record_text_in_the_job_summary_is_no_html_and_no_link() {
    let value = "x\\` <img src=x onerror=alert(1)> [link](https://evil.example/a) ![i](https://evil.example/i.png) \
                 www.evil.example a@evil.example https://evil.example/b <https://evil.example/c> &lt;b&gt; *em* | cell";
    let name = "n\\`<img src=x>[l](x) www.evil.example a@evil.example |";
    let incident = flawed_incident("INC-1").replace("severity: SEV9", &format!("severity: '{value}'"));
    let repo = Repo::new().file(&format!("incidents/{name}.md"), &incident);
    let summary = repo.abs("summary.md");
    let run = repo.run_with(&["check", "--format", "github"], |cmd| {
        cmd.env("GITHUB_STEP_SUMMARY", &summary);
    });
    assert_eq!(run.code, 1, "{run:?}");
    let text = repo.read("summary.md");
    assert!(text.contains("evil.example"), "{text}");
    let options = pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
        | pulldown_cmark::Options::ENABLE_GFM;
    let (mut rows, mut cells) = (0, 0);
    let mut shown = String::new();
    for event in pulldown_cmark::Parser::new_ext(&text, options) {
        use pulldown_cmark::{Event, Tag};
        match event {
            Event::Html(_) | Event::InlineHtml(_) => panic!("HTML in the summary: {event:?}\n{text}"),
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::Emphasis) => panic!("{event:?}\n{text}"),
            Event::Start(Tag::TableRow) => rows += 1,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::Text(t) | Event::Code(t) => shown.push_str(&t),
            _ => {}
        }
    }
    assert_eq!((rows, cells), (2, 15), "two rows of five cells (the header is not a row):\n{text}");
    // GitHub also links bare addresses: none is left outside a code span.
    let row = text.lines().find(|l| l.contains("invalid-value")).unwrap();
    let (_, message) = row.split_once("| INC-1 | ").unwrap();
    for bare in ["https://", "www.evil", " a@evil"] {
        assert!(!message.contains(bare), "{bare} in {message}");
    }
    assert!(shown.contains("<img src=x onerror=alert(1)> [link](https://evil.example/a)"), "{shown}");
}

#[test]
fn an_unwritable_summary_is_a_warning_not_a_failure() {
    let repo = Repo::new().file("incidents/INC-1.md", &active_incident("INC-1"));
    let summary = repo.abs("no-such-folder/summary.md");
    let run = repo.run_with(&["check", "--format", "github"], |cmd| {
        cmd.env("GITHUB_STEP_SUMMARY", &summary);
    });
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("warning: job summary not written"), "{}", run.stderr);
}

/// The lines GitHub's runner reads from a step's output: it splits at LF, CR and CRLF.
fn runner_lines(text: &str) -> Vec<&str> {
    text.split(['\r', '\n']).collect()
}

/// Undoes the runner's escaping of an annotation property.
fn unescape_property(value: &str) -> String {
    [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")]
        .iter()
        .fold(value.to_string(), |text, (escaped, raw)| text.replace(escaped, raw))
}

/// Asserts that every line of `text`, read as GitHub's runner reads it, is either an
/// annotation of ours — `::error ` or `::warning ` at the very start, properties `file`
/// (one of `files`, round-tripped through the runner's unescaping), `line` and `title`
/// — or a line that cannot start a workflow command: not `::` after leading white
/// space, and no `##[` anywhere. Returns the number of annotations.
pub fn assert_only_our_workflow_commands(text: &str, files: &[String]) -> usize {
    let mut annotations = 0;
    for line in runner_lines(text) {
        if !line.trim_start().starts_with("::") {
            assert!(!line.contains("##["), "a legacy workflow command: {line:?}\n{text}");
            continue;
        }
        let command = line.strip_prefix("::error ").or_else(|| line.strip_prefix("::warning "));
        let command = command.unwrap_or_else(|| panic!("a workflow command that is not ours: {line:?}\n{text}"));
        let (properties, _message) = command.split_once("::").expect("a message after the properties");
        let mut keys = Vec::new();
        for property in properties.split(',') {
            let (key, value) = property.split_once('=').expect("key=value");
            keys.push(key);
            match key {
                "file" => {
                    let file = unescape_property(value);
                    assert!(files.contains(&file), "file={file:?} names no record: {line:?}");
                }
                "line" => assert!(value.parse::<usize>().is_ok(), "{line:?}"),
                "title" => assert!(!value.contains(['\r', '\n', ':', ',']), "{line:?}"),
                other => panic!("a property we never write: {other:?} in {line:?}"),
            }
        }
        assert_eq!(keys, ["file", "line", "title"], "{line:?}");
        annotations += 1;
    }
    annotations
}

/// File names that try to end the line and start a workflow command, or carry one.
const HOSTILE_NAMES: &[&str] = &[
    "a\n::notice title=owned::one",
    "b\r::add-mask::secret",
    "c\r\n::stop-commands::token",
    "d\n   ::notice::indented",
    "e\n\u{a0}\u{2003}::notice::unicode-space",
    "f ##[add-mask]legacy",
    "g\n##[set-output name=x;]y",
    "h\u{85}::notice::next-line",
    "i\u{2028}::notice::line-separator",
    "j%0A::notice::percent",
    "k,line=99,title=x:y",
    "::notice::leading",
];

#[test]
fn file_names_cannot_start_a_workflow_command_past_the_annotation_cap() {
    // Three records per name, each with an error and a warning: 36 of each, 10 of each
    // annotated, the other 52 listed as plain lines. Once in the default folder, once in
    // a records folder whose name is itself a workflow command.
    for dir in ["incidents", "::notice title=dir::x"] {
        let repo = Repo::new().file(".incidents.yml", &format!("dir: '{dir}'\n"));
        let mut files = Vec::new();
        for copy in 1..=3 {
            for (n, name) in HOSTILE_NAMES.iter().enumerate() {
                let file = format!("{dir}/{copy}-{name}.md");
                repo.write(&file, flawed_incident(&format!("INC-{copy}{n:02}")).as_bytes());
                files.push(file);
            }
        }
        let run = repo.run(&["check", "--format", "github"]);
        assert_eq!(run.code, 1, "{run:?}");
        assert!(run.stdout.contains("52 more diagnostics not annotated"), "{}", run.stdout);
        assert_eq!(assert_only_our_workflow_commands(&run.stdout, &files), 20, "{}", run.stdout);
        assert_eq!(assert_only_our_workflow_commands(&run.stderr, &files), 0);
        // Every diagnostic is still in the log, annotated or listed on one line.
        let listed = run.stdout.lines().filter(|l| l.contains(": error[") || l.contains(": warning[")).count();
        assert_eq!(listed, 52, "{}", run.stdout);
        assert!(run.stdout.contains("/2-b\\u{d}::add-mask::secret.md:5: error["), "{}", run.stdout);
        // The other formats, printed in a log, hold no command either.
        for format in ["human", "json", "sarif"] {
            let run = repo.run(&["check", "--format", format]);
            assert_eq!(run.code, 1, "{format}: {run:?}");
            assert_eq!(assert_only_our_workflow_commands(&run.stdout, &files), 0, "{format}");
        }
    }
}
