//! The Markdown and HTML reports as they are written: renderers append text to a
//! [`Page`], which hands it to the output in parts of about 64 KiB, each ending at a line
//! break, so the whole report (tens of MB at 40,000 records) never sits in memory. The
//! Markdown page passes each part through [`printable_lines`] on the way, exactly as the
//! whole text would be: that escape works line by line.
//!
//! The long sections (one entry per incident or recurrence) are rendered on every core
//! with [`Page::push_each`]: each worker renders a run of entries into a page of its own
//! ([`Page::part`]), and the parts are appended in order, a window of entries at a time,
//! so the output is the same as one thread's and only a window's text is held.

use crate::printable::printable_lines;
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
    /// What every part goes through on the way out.
    lines: fn(&str) -> Cow<'_, str>,
    /// The first write that failed; nothing is written after it.
    failed: Option<io::Error>,
}

impl<'w> Page<'w> {
    /// A page for Markdown printed on a terminal or in a CI log: control characters and
    /// workflow commands of record text are escaped ([`printable_lines`]).
    pub(crate) fn markdown(out: &'w mut dyn Write) -> Self {
        Page::new(out, printable_lines)
    }

    /// A page written as it is: HTML, whose renderer escapes every piece of record text.
    pub(crate) fn html(out: &'w mut dyn Write) -> Self {
        Page::new(out, as_written)
    }

    fn new(out: &'w mut dyn Write, lines: fn(&str) -> Cow<'_, str>) -> Self {
        Page { buffer: String::with_capacity(PART + PART / 4), out: Some(out), lines, failed: None }
    }

    /// A page that keeps what is pushed onto it, for a worker of [`Page::push_each`]: its
    /// text goes onto the real page, through that page's escape, in order.
    fn part() -> Page<'static> {
        Page { buffer: String::new(), out: None, lines: as_written, failed: None }
    }

    pub(crate) fn push_str(&mut self, text: &str) {
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
            let parts: Vec<(String, Result<(), E>)> = now
                .par_chunks(run)
                .map(|run| {
                    let mut part = Page::part();
                    let done = run.iter().try_for_each(|item| one(item, &mut part));
                    (part.buffer, done)
                })
                .collect();
            let bytes: usize = parts.iter().map(|(text, _)| text.len()).sum();
            for (text, done) in parts {
                self.push_str(&text);
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
        // The rest (less than a line) moves to the front; the allocation stays.
        buffer.drain(..=end);
        self.buffer = buffer;
    }

    fn write(&mut self, text: &str) {
        if self.failed.is_some() || text.is_empty() {
            return;
        }
        let Some(out) = self.out.as_mut() else { return };
        if let Err(error) = out.write_all((self.lines)(text).as_bytes()) {
            self.failed = Some(error);
        }
    }
}

fn as_written(text: &str) -> Cow<'_, str> {
    Cow::Borrowed(text)
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
