//! Reading an incident's `Timeline` section back: the entries `incidents log` writes,
//! `- <timestamp> [kind] <text>`, for `status` (the last few) and `report` (time to
//! detect and to mitigate). [`section`] finds the section for the writer
//! (`edit::timeline`) and the readers alike, with pulldown-cmark, so a `## Timeline`
//! inside a code fence or an HTML comment is never the section.
//!
//! What counts as an entry: a list item line of the section (`- `, `* ` or `+ `, indented
//! less than four spaces). One that starts with a timestamp (`YYYY-MM-DD` or RFC 3339,
//! as `log` writes it) has `at`, and a `[word]` right after the timestamp is its `kind`.
//! A hand-written list item that does not start with a timestamp (`- 14:20 alert fired`)
//! is an entry too, with its text only: `status` shows it as written, and `report`, which
//! needs times, ignores it. Prose paragraphs, headings and continuation lines are not
//! entries. Nothing here is read by `check`.

use crate::clock::Timestamp;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

/// The title of the section entries go to (any heading level, any case).
pub(crate) const TIMELINE: &str = "Timeline";

/// The kinds that measure an incident, as `log --kind` writes them in brackets.
pub(crate) const DETECTED: &str = "detected";
pub(crate) const MITIGATED: &str = "mitigated";

/// One entry of the Timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Entry {
    /// When it happened; `None` for a list item that does not start with a timestamp.
    pub(crate) at: Option<Timestamp>,
    /// The bracketed word after the timestamp (`detected`, `mitigated`, …), lower-cased.
    pub(crate) kind: Option<String>,
    /// The rest of the line, trimmed.
    pub(crate) text: String,
    /// 1-based line in the file.
    pub(crate) line: usize,
}

/// The moments that measure an incident: the earliest `[detected]` and `[mitigated]`
/// entries with a timestamp, and the earliest timestamped entry of any kind (the first
/// thing the record knows happened, e.g. the deploy that started it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Milestones {
    pub(crate) detected: Option<Timestamp>,
    pub(crate) mitigated: Option<Timestamp>,
    pub(crate) earliest: Option<Timestamp>,
}

/// The entries of `body`'s Timeline section in file order; `first_line` is the file line
/// of the body's first line. Empty when there is no such section; a body that does not
/// hold the word at all (any case) is not parsed.
pub(crate) fn entries(body: &str, first_line: usize) -> Vec<Entry> {
    if !holds(body.as_bytes(), TIMELINE.as_bytes()) {
        return Vec::new();
    }
    let Some((start, end)) = section(body) else { return Vec::new() };
    let first = first_line + body[..start].matches('\n').count();
    (first..)
        .zip(body[start..end].split_inclusive('\n'))
        .filter_map(|(line, raw)| entry(raw.trim_end_matches(['\n', '\r']), line))
        .collect()
}

/// The entries of a record's Timeline, from its body as the loader read it.
pub(crate) fn entries_in_body(body: super::RecordBody<'_>) -> Vec<Entry> {
    if !holds(body.text.as_bytes(), TIMELINE.as_bytes()) {
        return Vec::new();
    }
    entries(body.text, body.line)
}

/// The milestones of a record's body; none when it has no `[detected]` entry (time to
/// detect and time to mitigate both start from one), so a body without that text is not
/// parsed at all.
pub(crate) fn milestones_in_body(body: &str) -> Milestones {
    if !holds(body.as_bytes(), b"[detected]") {
        return Milestones::default();
    }
    milestones(body)
}

/// Whether `bytes` hold `word` (ASCII) in any case: a substring test that spares
/// parsing bodies without a Timeline or a tag. Kinds and the section title are read in
/// any case, so the test must be too.
fn holds(bytes: &[u8], word: &[u8]) -> bool {
    let Some(&first) = word.first() else { return true };
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), bytes)
        .any(|at| bytes.get(at..at + word.len()).is_some_and(|found| found.eq_ignore_ascii_case(word)))
}

/// The milestones of `body`. Bodies that mention neither `[detected]` nor `[mitigated]`
/// (in any case) are not parsed at all, which keeps `report` fast.
pub(crate) fn milestones(body: &str) -> Milestones {
    if !holds(body.as_bytes(), b"[detected]") && !holds(body.as_bytes(), b"[mitigated]") {
        return Milestones::default();
    }
    let mut found = Milestones::default();
    for entry in entries(body, 1) {
        let Some(at) = entry.at else { continue };
        if found.earliest.is_none_or(|earlier| at.is_before(&earlier)) {
            found.earliest = Some(at);
        }
        let Some(kind) = entry.kind.as_deref() else { continue };
        let slot = match kind {
            DETECTED => &mut found.detected,
            MITIGATED => &mut found.mitigated,
            _ => continue,
        };
        if slot.is_none_or(|earlier| at.is_before(&earlier)) {
            *slot = Some(at);
        }
    }
    found
}

/// One line of the section as an entry, when it is a list item.
fn entry(raw: &str, line: usize) -> Option<Entry> {
    let content = raw.trim_start_matches(' ');
    if raw.len() - content.len() >= 4 {
        return None; // indented code or a continuation line
    }
    let rest = ["- ", "* ", "+ "].iter().find_map(|marker| content.strip_prefix(marker))?.trim();
    if rest.is_empty() {
        return None;
    }
    let (first, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let Some(at) = Timestamp::parse(first) else {
        return Some(Entry { at: None, kind: None, text: rest.to_string(), line });
    };
    let after = after.trim_start();
    let kind = after
        .split_whitespace()
        .next()
        .and_then(|word| word.strip_prefix('[')?.strip_suffix(']'))
        .filter(|word| !word.is_empty() && word.chars().all(|c| c.is_ascii_alphabetic() || c == '-'));
    let text = match kind {
        Some(word) => after[word.len() + 2..].trim(),
        None => after.trim(),
    };
    Some(Entry { at: Some(at), kind: kind.map(str::to_ascii_lowercase), text: text.to_string(), line })
}

/// The byte range of the timeline section's content in `body`: from the end of its
/// heading line to the next heading of the same or a higher level (or the end).
pub(crate) fn section(body: &str) -> Option<(usize, usize)> {
    let mut found: Option<(HeadingLevel, usize)> = None;
    let mut heading: Option<(HeadingLevel, usize, String)> = None;
    for (event, range) in Parser::new(body).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                if let Some((open_level, start)) = found {
                    if level <= open_level {
                        return Some((start, range.start));
                    }
                }
                heading = Some((level, range.end, String::new()));
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, _, title)) = heading.as_mut() {
                    title.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, end, title)) = heading.take() {
                    if found.is_none() && title.trim().eq_ignore_ascii_case(TIMELINE) {
                        // The content starts after the heading's line ending.
                        let start = if body[..end].ends_with('\n') {
                            end
                        } else {
                            body[end..].find('\n').map_or(body.len(), |i| end + i + 1)
                        };
                        found = Some((level, start));
                    }
                }
            }
            _ => {}
        }
    }
    found.map(|(_, start)| (start, body.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_log_writes_and_hand_written_items() {
        let body = "\n## Summary\n\n- 2026-01-01 not the timeline\n\n## Timeline\n\nStarted in the morning.\n\n\
                    - 2026-03-02T14:20:00Z [detected] paged on 5xx\n- 14:25 rolled back by hand\n  continued here\n\
                    * 2026-03-02 [Mitigated]   traffic drained\n- 2026-03-02T15:00:00+01:00 [not a kind] text\n-\n\n## Notes\n\n- 2026-04-01 [resolved] no\n";
        let found = entries(body, 10);
        let seen: Vec<(Option<String>, Option<&str>, &str, usize)> =
            found.iter().map(|e| (e.at.map(|t| t.to_string()), e.kind.as_deref(), e.text.as_str(), e.line)).collect();
        assert_eq!(
            seen,
            [
                (Some("2026-03-02T14:20:00Z".to_string()), Some("detected"), "paged on 5xx", 19),
                (None, None, "14:25 rolled back by hand", 20),
                (Some("2026-03-02".to_string()), Some("mitigated"), "traffic drained", 22),
                (Some("2026-03-02T15:00:00+01:00".to_string()), None, "[not a kind] text", 23),
            ]
        );
    }

    #[test]
    fn finds_no_timeline_in_code_or_comments() {
        assert!(entries("```\n## Timeline\n- 2026-01-01 x\n```\n", 1).is_empty());
        assert!(entries("<!--\n## Timeline\n- 2026-01-01 x\n-->\n", 1).is_empty());
        assert_eq!(entries("# timeline\n- 2026-01-01 x\n", 1).len(), 1);
        assert!(section("no heading\n").is_none());
    }

    #[test]
    fn milestones_are_the_earliest_tagged_entries() {
        let body = "## Timeline\n\n- 2026-03-02T15:00:00Z [detected] second page\n- 2026-03-02T14:00:00Z [detected] first page\n\
                    - 2026-03-02T16:00:00Z [mitigated] rolled back\n- 14:30 [mitigated] no time, ignored\n";
        let found = milestones(body);
        assert_eq!(found.detected.map(|t| t.to_string()).as_deref(), Some("2026-03-02T14:00:00Z"));
        assert_eq!(found.mitigated.map(|t| t.to_string()).as_deref(), Some("2026-03-02T16:00:00Z"));
        assert_eq!(found.earliest.map(|t| t.to_string()).as_deref(), Some("2026-03-02T14:00:00Z"));
        let deploy_first =
            "## Timeline\n\n- 2026-03-02T13:10:00Z deploy reaches 50%\n- 2026-03-02T14:00:00Z [detected] paged\n";
        assert_eq!(milestones(deploy_first).earliest.map(|t| t.to_string()).as_deref(), Some("2026-03-02T13:10:00Z"));
        assert_eq!(milestones("## Timeline\n\n- 2026-03-02 paged\n"), Milestones::default());
        // Tags outside the Timeline section do not count.
        assert_eq!(milestones("## Notes\n\n- 2026-03-02 [detected] x\n"), Milestones::default());
    }
}
