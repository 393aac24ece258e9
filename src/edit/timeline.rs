//! Appends an entry to an incident's `Timeline` section (`incidents log`): the entry goes
//! right after the last written line of the section, or — when the file has no such
//! section — into a new `## Timeline` section at the end of the body. The section is
//! found by `record::timeline::section` (pulldown-cmark, shared with the readers), so a
//! `## Timeline` inside a code fence is not the section. Every byte outside the insertion
//! is copied through, except an unedited template placeholder (`<Timestamped, in order:
//! …>`) that is the section's only content: the first entry replaces it. The entry takes
//! the file's line endings.

use crate::record::frontmatter::{split, Split};
use crate::record::timeline::section;

/// The text of `text` with `entry` (one line, no line ending) appended to its timeline,
/// or `None` when the file has no terminated front matter.
pub(crate) fn append_entry(text: &str, entry: &str) -> Option<String> {
    let Split::Found(parts) = split(text) else { return None };
    let body_start = text.len() - parts.body.len();
    let newline = if text.find('\n').is_some_and(|i| text[..i].ends_with('\r')) { "\r\n" } else { "\n" };
    let Some((content_start, section_end)) = section(parts.body) else {
        let mut out = String::with_capacity(text.len() + entry.len() + 24);
        out.push_str(text);
        if !out.ends_with('\n') {
            out.push_str(newline);
        }
        if !out[body_start.min(out.len())..].trim().is_empty() {
            out.push_str(newline);
        }
        for line in ["## Timeline", "", entry] {
            out.push_str(line);
            out.push_str(newline);
        }
        return Some(out);
    };
    let (from, to) = (body_start + content_start, body_start + section_end);
    let content = &text[from..to];
    if crate::text::is_placeholder(content.trim()) {
        let offset = content.len() - content.trim_start().len();
        let at = from + offset;
        let end = from + content.trim_end().len();
        return Some(format!("{}{entry}{}", &text[..at], &text[end..]));
    }
    // After the last non-blank line of the section (its line ending included).
    let last = content.trim_end_matches([' ', '\t', '\r', '\n']);
    let insert_at = if last.trim().is_empty() {
        // An empty section: right after the heading line, with a blank line between.
        from
    } else {
        match text[from + last.len()..to].find('\n') {
            Some(i) => from + last.len() + i + 1,
            None => to,
        }
    };
    let mut out = String::with_capacity(text.len() + entry.len() + 4);
    out.push_str(&text[..insert_at]);
    if !out.ends_with('\n') {
        out.push_str(newline);
    }
    if last.trim().is_empty() {
        out.push_str(newline);
    }
    out.push_str(entry);
    out.push_str(newline);
    out.push_str(&text[insert_at..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "---\nkind: incident\nid: INC-1\n---\n";

    fn appended(body: &str) -> String {
        let text = format!("{HEAD}{body}");
        append_entry(&text, "- 10:00 alert").unwrap()[HEAD.len()..].to_string()
    }

    #[test]
    fn appends_after_the_last_line_of_the_section() {
        assert_eq!(
            appended("\n## Timeline\n\n- 09:00 page\n\n## Notes\n\nx\n"),
            "\n## Timeline\n\n- 09:00 page\n- 10:00 alert\n\n## Notes\n\nx\n"
        );
        assert_eq!(appended("## Timeline\n- 09:00 page"), "## Timeline\n- 09:00 page\n- 10:00 alert\n");
        assert_eq!(appended("## Timeline\n\n### Day 1\n\n- a\n"), "## Timeline\n\n### Day 1\n\n- a\n- 10:00 alert\n");
    }

    #[test]
    fn creates_the_section_at_the_end() {
        assert_eq!(appended(""), "## Timeline\n\n- 10:00 alert\n");
        assert_eq!(appended("\n## Summary\n\nx"), "\n## Summary\n\nx\n\n## Timeline\n\n- 10:00 alert\n");
        assert_eq!(appended("```\n## Timeline\n```\n"), "```\n## Timeline\n```\n\n## Timeline\n\n- 10:00 alert\n");
    }

    #[test]
    fn fills_an_empty_section_and_replaces_the_placeholder() {
        assert_eq!(appended("## Timeline\n\n## Notes\n"), "## Timeline\n\n- 10:00 alert\n\n## Notes\n");
        assert_eq!(
            appended("## Timeline\n\n<Timestamped, in order>\n\n## Notes\n"),
            "## Timeline\n\n- 10:00 alert\n\n## Notes\n"
        );
    }

    #[test]
    fn keeps_crlf() {
        let text = "---\r\nkind: incident\r\n---\r\n\r\n## Timeline\r\n\r\n- a\r\n";
        assert_eq!(append_entry(text, "- b").unwrap(), format!("{text}- b\r\n"));
        assert!(append_entry("no front matter", "- b").is_none());
    }
}
