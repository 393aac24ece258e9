//! The loaded record set: discovery of record files under the records folder, reading
//! them in parallel, and lookups by id that commands share. A discovered file without
//! front matter on its first line is kept with a `not-a-record` finding (and the id of
//! late front matter, when it has one), so it is counted, shown and never reused.
//! [`index`] groups the loaded records by id, once per run; [`order`] is the id order.

mod discover;
pub(crate) mod index;
mod open;
pub(crate) mod order;

pub(crate) use discover::discover;
pub(crate) use index::Index;

use crate::config::Config;
use crate::diagnostic::{Finding, Rule};
use crate::record::{frontmatter, parse_with_body, BodyFacts, ParsedFile, Record, RecordBody, Remediation};
use open::Load;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Every record file under the records folder, in path order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Repository {
    pub(crate) root: PathBuf,
    pub(crate) files: Vec<ParsedFile>,
}

impl Repository {
    /// Discovers and reads every record under `root` (files in parallel).
    pub(crate) fn load(root: &Path, config: &Config) -> Repository {
        Repository::load_visiting(root, config, |_, _| ()).0
    }

    /// [`Repository::load`], calling `visit` on each parsed file and the bytes it was read
    /// from (empty when it could not be read), in the worker that read it, while the file
    /// is still in that core's cache: `check` runs its per-record rules this way, and
    /// `report` takes what it needs of the bodies, instead of a second pass over every
    /// record or file. The results are in file order, one per file.
    pub(crate) fn load_visiting<T: Send>(
        root: &Path,
        config: &Config,
        visit: impl Fn(&ParsedFile, Option<RecordBody<'_>>) -> T + Sync,
    ) -> (Repository, Vec<T>) {
        let found = discover(root, config);
        let load = Load::start();
        // An indexed collect: rayon writes each result straight into its slot of one
        // vector. `filter_map(..).collect()` gathered per-worker vectors first (grown by
        // doubling) and then copied them, which held the records twice: half of the
        // peak heap at 40,000 records. Every discovered file yields a parsed file
        // (without front matter: a `not-a-record` finding), so nothing is filtered after.
        // Each discovered path moves into its parsed file, so paths are held once.
        let count = found.files.len() + found.problems.len();
        let (mut files, mut visited): (Vec<ParsedFile>, Vec<T>) =
            (Vec::with_capacity(count), Vec::with_capacity(count));
        found
            .files
            .into_par_iter()
            .map(|relative| read_one(load, root, relative, config, &visit))
            .unzip_into_vecs(&mut files, &mut visited);
        for (path, message) in found.problems {
            let file = ParsedFile {
                findings: vec![Finding::new(Rule::Syntax, &path, 1, None, message)],
                path,
                record: None,
                body: BodyFacts::default(),
            };
            visited.push(visit(&file, None));
            files.push(file);
        }
        // Files stay in discovery order (sorted per folder, depth first): deterministic,
        // and sorting 40,000 large records by path was a tenth of `check`'s time.
        (Repository { root: root.to_path_buf(), files }, visited)
    }

    /// Ends the run without freeing the records one by one: the process exits right
    /// after the command that calls it, and the operating system takes the memory back
    /// at once. Freeing 40,000 records was 15–20 ms of a 300 ms `check`.
    pub(crate) fn release_at_exit(self) {
        leak_at_exit(self);
    }

    /// The absolute path of a root-relative record path.
    pub(crate) fn absolute(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    /// Every remediation item with its file.
    pub(crate) fn items(&self) -> impl Iterator<Item = (&ParsedFile, &Remediation)> {
        self.files.iter().filter_map(|file| match &file.record {
            Some(Record::Remediation(item)) => Some((file, item)),
            _ => None,
        })
    }

    /// Ids read from the `id:` line of records whose front matter does not parse, or
    /// opens too late to be read (carried by their `syntax` or `not-a-record`
    /// diagnostic), with their file.
    pub(crate) fn salvaged_ids(&self) -> impl Iterator<Item = (&str, &ParsedFile)> {
        self.files
            .iter()
            .filter(|file| file.record.is_none())
            .filter_map(|file| file.findings.iter().find_map(|finding| finding.id.as_deref()).map(|id| (id, file)))
    }

    /// A file whose front matter cannot be read and whose `id:` line or name (`INC-42-slug.md`,
    /// `INC-42.md`) says `id`: the id may be in use there.
    pub(crate) fn unreadable_file_named(&self, id: &str) -> Option<&ParsedFile> {
        if let Some((_, file)) = self.salvaged_ids().find(|(salvaged, _)| salvaged.eq_ignore_ascii_case(id)) {
            return Some(file);
        }
        self.files.iter().filter(|file| file.record.is_none()).find(|file| {
            let stem = file_stem(&file.path);
            stem == id || stem.strip_prefix(id).is_some_and(|rest| rest.starts_with('-') && !rest.starts_with("-R"))
        })
    }

    /// Every id a new record must not take: the ids of records, those salvaged from files
    /// whose front matter cannot be read or opens too late (`syntax`, `not-a-record`),
    /// and the names of such files (`INC-7-R2-notes.md` claims `INC-7-R2`), so fixing a
    /// file later cannot reveal a duplicate.
    pub(crate) fn claimed_ids(&self) -> impl Iterator<Item = &str> {
        let unreadable = self.files.iter().filter(|file| file.record.is_none()).map(|file| file_stem(&file.path));
        self.ids().chain(self.salvaged_ids().map(|(id, _)| id)).chain(unreadable)
    }

    /// The files whose record has `id`, in path order: one pass, for commands that look
    /// up the one record they name (building the [`Index`] would sort every id for it).
    pub(crate) fn files_with_id(&self, id: &str) -> Vec<&ParsedFile> {
        self.files.iter().filter(|file| file.record.as_ref().and_then(Record::id) == Some(id)).collect()
    }

    /// All ids in use, for "did you mean".
    pub(crate) fn ids(&self) -> impl Iterator<Item = &str> {
        self.files.iter().filter_map(|file| file.record.as_ref().and_then(Record::id))
    }

    /// The highest `N` among ids `<prefix>-N` used by any record (items' `<prefix>-N-R<m>`
    /// count for their incident number too), so new ids never reuse an old one.
    ///
    /// A record whose front matter cannot be read still holds its id: the file names
    /// this tool writes (`INC-42-slug.md`) are counted too, so fixing such a file later
    /// cannot reveal a duplicate.
    pub(crate) fn highest_number(&self, prefix: &str) -> u64 {
        let lead = format!("{prefix}-");
        self.claimed_ids()
            // `inc-7` counts like `INC-7`: ids that differ only in case are refused anyway.
            .filter_map(|id| {
                id.get(..lead.len()).filter(|head| head.eq_ignore_ascii_case(&lead)).map(|_| &id[lead.len()..])
            })
            .filter_map(|rest| rest.split('-').next())
            .filter_map(|digits| digits.parse::<u64>().ok())
            .max()
            .unwrap_or(0)
    }
}

/// Leaves `value` to the operating system instead of freeing it: for what a command
/// built from the records (its model, its index) when the process ends right after.
pub(crate) fn leak_at_exit<T>(value: T) {
    std::mem::forget(value);
}

/// The file name of a root-relative path without its `.md` ending.
fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".md").or_else(|| name.strip_suffix(".MD")).unwrap_or(name)
}

/// Reads the whole file `relative` (root-relative) into the start of `buffer` (grown as
/// needed, never shrunk) and returns how many bytes it holds. Plain `read` calls until
/// end of file: `std::fs::read` and `read_to_end` first ask for the size (`statx`,
/// `lseek`), two extra system calls per file that show on 40,000 files. On a local
/// file system a short read is the end ([`open::Opened::short_read_ends`]).
fn read_into(load: Load, root: &Path, relative: &str, buffer: &mut Vec<u8>) -> std::io::Result<usize> {
    use std::io::Read;
    let open::Opened { mut file, short_read_ends } = open::open(load, root, relative)?;
    let mut filled = 0;
    loop {
        if filled == buffer.len() {
            buffer.resize((buffer.len() * 2).max(64 * 1024), 0);
        }
        let wanted = buffer.len() - filled;
        match file.read(&mut buffer[filled..]) {
            Ok(0) => return Ok(filled),
            Ok(count) if short_read_ends && count < wanted => return Ok(filled + count),
            Ok(count) => filled += count,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
}

/// Reads and parses one file and calls `visit` on it and its bytes (none when the file
/// cannot be read). The root-relative path moves into the parsed file.
fn read_one<T>(
    load: Load,
    root: &Path,
    relative: String,
    config: &Config,
    visit: &impl Fn(&ParsedFile, Option<RecordBody<'_>>) -> T,
) -> (ParsedFile, T) {
    thread_local! {
        /// One read buffer per worker thread, reused for every file it reads.
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with(|buffer| {
        let mut buffer = buffer.borrow_mut();
        let (mut parsed, body) = match read_into(load, root, &relative, &mut buffer) {
            Ok(filled) => {
                let bytes = &buffer[..filled];
                parse_with_body(&relative, bytes, config).unwrap_or_else(|| (not_a_record(&relative, bytes), None))
            }
            Err(error) => {
                let finding = Finding::new(Rule::Syntax, &relative, 1, None, unreadable(&error));
                (
                    ParsedFile {
                        path: String::new(),
                        record: None,
                        body: BodyFacts::default(),
                        findings: vec![finding],
                    },
                    None,
                )
            }
        };
        parsed.path = relative;
        let visited = visit(&parsed, body);
        (parsed, visited)
    })
}

/// A discovered Markdown file whose front matter does not open on its first line
/// (`parse_file` found none; the bytes are UTF-8, or it would have said `syntax`).
fn not_a_record(relative: &str, bytes: &[u8]) -> ParsedFile {
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    let (message, late) = frontmatter::not_opened(text);
    let id = late.and_then(frontmatter::salvage_id);
    ParsedFile {
        path: relative.to_string(),
        record: None,
        body: BodyFacts::default(),
        findings: vec![Finding::new(Rule::NotARecord, relative, 1, id.as_deref(), message)],
    }
}

/// The message for a discovered file that could not be read.
fn unreadable(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => {
            "the file disappeared while it was being checked: run the check again".to_string()
        }
        _ => format!("cannot read the file ({error}): make it readable, or list it under `ignore` in .incidents.yml"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_visitor_sees_every_file_with_its_body_in_file_order() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("incidents");
        std::fs::create_dir_all(folder.join("2026")).unwrap();
        let incident = "---\nkind: incident\nid: INC-1\n---\nbody\n";
        std::fs::write(folder.join("2026/INC-1.md"), incident).unwrap();
        std::fs::write(folder.join("notes.md"), "no front matter\n").unwrap();
        std::os::unix::fs::symlink("/nonexistent", folder.join("link.md")).unwrap();
        let (repo, seen) = Repository::load_visiting(root.path(), &Config::default(), |file, body| {
            (file.path.clone(), body.map(|body| (body.text.to_string(), body.line)))
        });
        let paths: Vec<&str> = repo.files.iter().map(|file| file.path.as_str()).collect();
        assert_eq!(paths, ["incidents/2026/INC-1.md", "incidents/notes.md", "incidents/link.md"]);
        // One result per file, in the same order, with the body of a record; a file
        // without front matter, or not read (the link is a discovery problem), has none.
        let expected = [
            ("incidents/2026/INC-1.md".to_string(), Some(("body\n".to_string(), 5))),
            ("incidents/notes.md".to_string(), None),
            ("incidents/link.md".to_string(), None),
        ];
        assert_eq!(seen, expected);
    }

    #[test]
    fn a_file_gone_between_discovery_and_reading_is_reported() {
        let root = tempfile::tempdir().unwrap();
        let (parsed, ()) =
            read_one(Load::start(), root.path(), "incidents/gone.md".to_string(), &Config::default(), &|_, _| ());
        assert_eq!(parsed.path, "incidents/gone.md");
        assert!(parsed.record.is_none());
        let [finding] = parsed.findings.as_slice() else { panic!("{:?}", parsed.findings) };
        assert_eq!((finding.rule, finding.line), (Rule::Syntax, 1));
        assert!(finding.message.contains("disappeared"), "{}", finding.message);
    }

    #[test]
    fn files_are_read_whole_around_and_past_the_buffer_size() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("incidents")).unwrap();
        let mut buffer = Vec::new();
        for size in [0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 128 * 1024, 300_001] {
            let bytes: Vec<u8> = (0..size).map(|at| (at % 251) as u8).collect();
            std::fs::write(root.path().join("incidents/big.md"), &bytes).unwrap();
            let filled = read_into(Load::start(), root.path(), "incidents/big.md", &mut buffer).unwrap();
            assert_eq!(filled, size);
            assert!(buffer[..filled] == bytes[..], "{size} bytes");
        }
    }

    #[test]
    fn other_read_errors_name_the_error_and_the_way_out() {
        let error = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let message = unreadable(&error);
        assert!(message.contains("permission denied") && message.contains("ignore"), "{message}");
    }
}
