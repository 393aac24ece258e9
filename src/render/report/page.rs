//! The Markdown and HTML reports as they are written: renderers append text to a
//! [`Page`], which hands it to the output in parts of about 64 KiB, each ending at a line
//! break, so the whole report (tens of MB at 40,000 records) never sits in memory. The
//! Markdown page passes each part through [`printable_lines`] on the way, exactly as the
//! whole text would be: that escape works line by line. Text known to hold nothing that
//! escape changes ([`plainly_printable`], the common case) goes out as it is.
//!
//! The long sections (one entry per incident or recurrence) are rendered on every core
//! with [`Page::push_each`]: each worker renders a run of entries into a page of its own
//! ([`Page::part`]), and the parts are appended in order, a window of entries at a time,
//! so the output is the same as one thread's and only a window's text is held. For
//! Markdown, each worker also looks at its part's bytes for what [`printable_lines`]
//! would escape, so the page does not read the text again on one core.

use crate::printable::{joins_plainly, plainly_printable, printable_lines};
use rayon::prelude::*;
use std::borrow::Cow;
use std::io::{self, Write};

/// How much text a page gathers before it writes the complete lines out.
const PART: usize = 64 * 1024;
/// Entries [`Page::push_each`] renders before it appends them: it starts with
/// [`FIRST_WINDOW`] and doubles the window up to [`WINDOW`] while a window's text stays
/// under [`WINDOW_BYTES`], halving it when it goes over, so the text held stays near that
/// whatever the size of the entries (an HTML article with a long body can be 100 KB).
const WINDOW: usize = 256;
const FIRST_WINDOW: usize = 64;
const WINDOW_BYTES: usize = 4 * 1024 * 1024;
/// How many runs, one per task, a window is cut into (a run of 16 entries in a window of
/// 256): enough for the workers to balance them.
const RUNS_PER_WINDOW: usize = 16;

/// Text on its way to the output. Renderers use [`Page::push_str`], [`Page::push`] and
/// `write!`; the command calls [`Page::finish`], which says whether every write went
/// through.
pub(crate) struct Page<'w> {
    buffer: String,
    /// Where complete lines go; `None` for a [`Page::part`], which keeps its text.
    out: Option<&'w mut dyn Write>,
    /// Whether text goes out through [`printable_lines`] (Markdown) or as written (HTML).
    escaped: bool,
    /// For an escaped page: the whole buffer is known to be [`plainly_printable`], so it
    /// goes out as it is. When it is not, the buffer goes through [`printable_lines`]
    /// and this is worked out again for what is left after a write.
    plain: bool,
    /// The first write that failed; nothing is written after it.
    failed: Option<io::Error>,
}

impl<'w> Page<'w> {
    /// A page for Markdown printed on a terminal or in a CI log: control characters and
    /// workflow commands of record text are escaped ([`printable_lines`]).
    pub(crate) fn markdown(out: &'w mut dyn Write) -> Self {
        Page::new(out, true)
    }

    /// A page written as it is: HTML, whose renderer escapes every piece of record text.
    pub(crate) fn html(out: &'w mut dyn Write) -> Self {
        Page::new(out, false)
    }

    fn new(out: &'w mut dyn Write, escaped: bool) -> Self {
        Page { buffer: String::with_capacity(PART + PART / 4), out: Some(out), escaped, plain: true, failed: None }
    }

    /// A page that keeps what is pushed onto it, for a worker of [`Page::push_each`]: its
    /// text goes onto the real page, through that page's escape, in order.
    fn part() -> Page<'static> {
        Page { buffer: String::new(), out: None, escaped: false, plain: true, failed: None }
    }

    pub(crate) fn push_str(&mut self, text: &str) {
        self.push_looked_at(text, || plainly_printable(text));
    }

    /// [`Page::push_str`] with `plain` saying whether `text` is [`plainly_printable`]
    /// (asked only while the page is: a worker of [`Page::push_each`] looked already).
    fn push_looked_at(&mut self, text: &str, plain: impl FnOnce() -> bool) {
        if self.escaped && self.plain {
            self.plain = plain() && joins_plainly(&self.buffer, text);
        }
        self.buffer.push_str(text);
        if self.buffer.len() >= PART && self.out.is_some() {
            self.write_lines();
        }
    }

    /// Renders every item with `one`, on every core, and appends the results in order.
    pub(crate) fn push_each<T: Sync>(&mut self, items: &[T], one: impl Fn(&T, &mut Page<'_>) + Sync) {
        let result: Result<(), std::convert::Infallible> = self.try_push_each(items, |item, page| {
            one(item, page);
            Ok(())
        });
        let Ok(()) = result;
    }

    /// [`Page::push_each`] for a renderer that can fail: the page ends with the text of
    /// the items before the first one that failed, and that error is returned.
    pub(crate) fn try_push_each<T: Sync, E: Send>(
        &mut self,
        items: &[T],
        one: impl Fn(&T, &mut Page<'_>) -> Result<(), E> + Sync,
    ) -> Result<(), E> {
        let (mut rest, mut window) = (items, FIRST_WINDOW);
        while !rest.is_empty() {
            let (now, later) = rest.split_at(window.min(rest.len()));
            let run = (window / RUNS_PER_WINDOW).max(1);
            let escaped = self.escaped;
            let parts: Vec<(String, bool, Result<(), E>)> = now
                .par_chunks(run)
                .map(|run| {
                    let mut part = Page::part();
                    let done = run.iter().try_for_each(|item| one(item, &mut part));
                    let plain = escaped && plainly_printable(&part.buffer);
                    (part.buffer, plain, done)
                })
                .collect();
            let bytes: usize = parts.iter().map(|(text, _, _)| text.len()).sum();
            for (text, plain, done) in parts {
                self.push_looked_at(&text, || plain);
                done?;
            }
            window = if bytes > WINDOW_BYTES { (window / 2).max(1) } else { (window * 2).min(WINDOW) };
            rest = later;
        }
        Ok(())
    }

    pub(crate) fn push(&mut self, ch: char) {
        self.push_str(ch.encode_utf8(&mut [0; 4]));
    }

    /// What `write!(page, …)` and `writeln!` call: formats straight into the page, with
    /// no `Result` to handle (a failed write is kept for [`Page::finish`]).
    pub(crate) fn write_fmt(&mut self, args: std::fmt::Arguments<'_>) {
        match args.as_str() {
            Some(text) => self.push_str(text),
            // Formatting into the page itself never fails.
            None => _ = std::fmt::Write::write_fmt(self, args),
        }
    }

    /// Writes what is left, flushes, and returns the first error of any write.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        let rest = std::mem::take(&mut self.buffer);
        self.write(&rest);
        if self.failed.is_none() {
            if let Some(Err(error)) = self.out.as_mut().map(|out| out.flush()) {
                self.failed = Some(error);
            }
        }
        self.failed.map_or(Ok(()), Err)
    }

    /// Writes the buffered text up to its last line break.
    fn write_lines(&mut self) {
        let Some(end) = self.buffer.rfind('\n') else { return };
        let mut buffer = std::mem::take(&mut self.buffer);
        self.write(&buffer[..=end]);
        // The rest (less than a line) moves to the front; the allocation stays. What
        // follows a plain text's line break is plain too.
        buffer.drain(..=end);
        if self.escaped && !self.plain {
            self.plain = plainly_printable(&buffer);
        }
        self.buffer = buffer;
    }

    fn write(&mut self, text: &str) {
        if self.failed.is_some() || text.is_empty() {
            return;
        }
        let Some(out) = self.out.as_mut() else { return };
        // The buffer is written from its start, so a plain buffer's text is plain.
        let text = if self.escaped && !self.plain { printable_lines(text) } else { Cow::Borrowed(text) };
        if let Err(error) = out.write_all(text.as_bytes()) {
            self.failed = Some(error);
        }
    }
}

/// Pieces of a list written onto a page with a separator between them.
pub(crate) struct Separated<'p, 'w> {
    out: &'p mut Page<'w>,
    separator: &'static str,
    first: bool,
}

impl<'p, 'w> Separated<'p, 'w> {
    pub(crate) fn new(out: &'p mut Page<'w>, separator: &'static str) -> Self {
        Separated { out, separator, first: true }
    }

    /// The page, after the separator when a piece came before.
    pub(crate) fn next(&mut self) -> &mut Page<'w> {
        if !self.first {
            self.out.push_str(self.separator);
        }
        self.first = false;
        self.out
    }
}

impl std::fmt::Write for Page<'_> {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        self.push_str(text);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_escape_exactly_as_the_whole_text_would() {
        let line = "title \u{1b}[2J ##[error] x\r\n::warning::y\rz\n";
        let whole: String = line.repeat(PART / line.len() * 3);
        let mut out = Vec::new();
        let mut page = Page::markdown(&mut out);
        for piece in whole.split_inclusive(' ') {
            page.push_str(piece);
        }
        page.finish().unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), printable_lines(&whole));
    }

    #[test]
    fn items_rendered_on_every_core_come_out_in_order_and_escaped_as_one_thread_would() {
        let items: Vec<usize> = (0..3 * WINDOW + 7).collect();
        let one = |item: &usize, page: &mut Page<'_>| writeln!(page, "item {item} \u{1b}[2J ::warning::x");
        let (mut parallel, mut serial) = (Vec::new(), Vec::new());
        let mut page = Page::markdown(&mut parallel);
        page.push_str("head\n");
        page.push_each(&items, one);
        page.finish().unwrap();
        let mut page = Page::markdown(&mut serial);
        page.push_str("head\n");
        for item in &items {
            one(item, &mut page);
        }
        page.finish().unwrap();
        assert_eq!(String::from_utf8(parallel).unwrap(), String::from_utf8(serial).unwrap());
    }

    #[test]
    fn escapes_that_span_entries_or_follow_a_hostile_one_come_out_as_the_whole_text_would() {
        // Entries that end and start halfway through `##[` or `::`, a control character
        // among plain entries, and plain text after it.
        let pieces = ["#", "#[x", ":", ":y\n", "plain\n", "\n", " \u{a0}", "a", "::", "##["];
        let items: Vec<String> = (0..4 * WINDOW)
            .map(|n| {
                let first = pieces[n % pieces.len()];
                let second = pieces[(n / pieces.len() + n) % pieces.len()];
                let filler = match n % 7 {
                    0 => format!("{}\n", "x".repeat(300)),
                    1 => String::new(),
                    _ => "x".repeat(n % 13),
                };
                let hostile = if n == WINDOW + 3 { "\u{1b}[2J" } else { "" };
                format!("{first}{filler}{hostile}{second}")
            })
            .collect();
        let mut out = Vec::new();
        let mut page = Page::markdown(&mut out);
        page.push_str("head ");
        page.push_each(&items, |item, page| page.push_str(item));
        page.push_str(":: tail\n");
        page.finish().unwrap();
        let whole = format!("head {}:: tail\n", items.concat());
        assert_eq!(String::from_utf8(out).unwrap(), printable_lines(&whole));
    }

    #[test]
    fn what_is_left_after_a_write_is_looked_at_again() {
        let mut out = Vec::new();
        let mut page = Page::markdown(&mut out);
        page.push_str(&"x".repeat(PART - 4));
        // Over a part: the line is written, and the control character waits.
        page.push_str("\n::\u{1b}ab");
        page.push_str("y\nplain\n");
        page.finish().unwrap();
        let whole = format!("{}\n::\u{1b}aby\nplain\n", "x".repeat(PART - 4));
        assert_eq!(String::from_utf8(out).unwrap(), printable_lines(&whole));
    }

    #[test]
    fn a_workflow_command_split_between_two_workers_parts_is_escaped() {
        // The first window's runs are of FIRST_WINDOW / RUNS_PER_WINDOW entries: the
        // fourth and fifth entries land in the parts of two workers.
        assert_eq!(FIRST_WINDOW / RUNS_PER_WINDOW, 4);
        let pieces = ["#", "##", "#[", "[x", ":", "\n:", ":x", "x", "\n", "\u{a0}"];
        for before in pieces {
            for after in pieces {
                let items = ["a", "b", "c", before, after, "d\n"];
                let mut out = Vec::new();
                let mut page = Page::markdown(&mut out);
                page.push_str("head\n");
                page.push_each(&items, |item, page| page.push_str(item));
                page.finish().unwrap();
                let whole = format!("head\n{}", items.concat());
                assert_eq!(String::from_utf8(out).unwrap(), printable_lines(&whole), "{before:?} {after:?}");
            }
        }
    }

    #[test]
    fn large_entries_shrink_the_window_and_come_out_the_same() {
        // 300 entries of 100 KB: a window of 256 would hold 25 MB.
        let items: Vec<usize> = (0..300).collect();
        let one = |item: &usize, page: &mut Page<'_>| {
            writeln!(page, "{item}");
            page.push_str(&"x".repeat(100 * 1024));
            page.push('\n');
        };
        let (mut parallel, mut serial) = (Vec::new(), Vec::new());
        let mut page = Page::html(&mut parallel);
        page.push_each(&items, one);
        page.finish().unwrap();
        let mut page = Page::html(&mut serial);
        for item in &items {
            one(item, &mut page);
        }
        page.finish().unwrap();
        assert!(parallel == serial);
    }

    #[test]
    fn a_failing_item_ends_the_page_after_the_items_before_it() {
        let items: Vec<usize> = (0..2 * WINDOW).collect();
        let mut out = Vec::new();
        let mut page = Page::html(&mut out);
        let result = page.try_push_each(&items, |item, page| {
            if *item == WINDOW + 5 {
                return Err(format!("item {item} failed"));
            }
            writeln!(page, "{item}");
            Ok(())
        });
        assert_eq!(result, Err(format!("item {} failed", WINDOW + 5)));
        page.finish().unwrap();
        let text = String::from_utf8(out).unwrap();
        let expected: String = (0..WINDOW + 5).map(|item| format!("{item}\n")).collect();
        assert_eq!(text, expected);
    }

    #[test]
    fn a_failed_write_is_reported_once_and_stops_the_output() {
        struct Closed(usize);
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                self.0 += 1;
                Err(io::Error::from(io::ErrorKind::BrokenPipe))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut closed = Closed(0);
        let mut page = Page::html(&mut closed);
        for _ in 0..3 * PART {
            page.push_str("a line\n");
        }
        assert_eq!(page.finish().unwrap_err().kind(), io::ErrorKind::BrokenPipe);
        assert_eq!(closed.0, 1);
    }
}
