//! The Markdown and HTML reports as they are written: renderers append text to a
//! [`Page`], which hands it to the output in parts of about 64 KiB, each ending at a line
//! break, so the whole report (tens of MB at 40,000 records) never sits in memory. The
//! Markdown page passes each part through [`printable_lines`] on the way, exactly as the
//! whole text would be: that escape works line by line.

use crate::printable::printable_lines;
use std::borrow::Cow;
use std::io::{self, Write};

/// How much text a page gathers before it writes the complete lines out.
const PART: usize = 64 * 1024;

/// Text on its way to the output. Renderers use [`Page::push_str`], [`Page::push`] and
/// `write!`; the command calls [`Page::finish`], which says whether every write went
/// through.
pub(crate) struct Page<'w> {
    buffer: String,
    out: &'w mut dyn Write,
    /// What every part goes through on the way out.
    lines: fn(&str) -> Cow<'_, str>,
    /// The first write that failed; nothing is written after it.
    failed: Option<io::Error>,
}

impl<'w> Page<'w> {
    /// A page for Markdown printed on a terminal or in a CI log: control characters and
    /// workflow commands of record text are escaped ([`printable_lines`]).
    pub(crate) fn markdown(out: &'w mut dyn Write) -> Self {
        Page::new(out, printable)
    }

    /// A page written as it is: HTML, whose renderer escapes every piece of record text.
    pub(crate) fn html(out: &'w mut dyn Write) -> Self {
        Page::new(out, as_written)
    }

    fn new(out: &'w mut dyn Write, lines: fn(&str) -> Cow<'_, str>) -> Self {
        Page { buffer: String::with_capacity(PART + PART / 4), out, lines, failed: None }
    }

    pub(crate) fn push_str(&mut self, text: &str) {
        self.buffer.push_str(text);
        if self.buffer.len() >= PART {
            self.write_lines();
        }
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
            if let Err(error) = self.out.flush() {
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
        if let Err(error) = self.out.write_all((self.lines)(text).as_bytes()) {
            self.failed = Some(error);
        }
    }
}

/// [`printable_lines`], which reads every character of the text: parts where one quick
/// look at the bytes finds nothing it could escape are passed as they are (what it would
/// return for them), the others go through it.
fn printable(text: &str) -> Cow<'_, str> {
    if plainly_printable(text) {
        Cow::Borrowed(text)
    } else {
        printable_lines(text)
    }
}

/// Whether `text` holds none of what [`printable_lines`] escapes, or more: no control
/// character but line feed and tab (carriage returns included, though one before a line
/// feed is kept), no bidirectional override (U+202A–U+202E, U+2066–U+2069), no `##[`
/// and no `::` anywhere (it only matters at the start of a line). The bytes that can
/// start one of them are found with a table; each is then looked at closely.
fn plainly_printable(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = bytes[from..].iter().position(|byte| MAY_START[usize::from(*byte)]) {
        let at = from + offset;
        let next = |n: usize| bytes.get(at + n).copied();
        let escaped = match bytes[at] {
            b'#' => next(1) == Some(b'#') && next(2) == Some(b'['),
            b':' => next(1) == Some(b':'),
            // U+0080–U+009F, the C1 controls.
            0xc2 => matches!(next(1), Some(0x80..=0x9f)),
            0xe2 => matches!((next(1), next(2)), (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))),
            // A C0 control or DEL.
            _ => true,
        };
        if escaped {
            return false;
        }
        from = at + 1;
    }
    true
}

/// The bytes that can start what [`printable_lines`] escapes: C0 controls but line feed
/// and tab, DEL, the lead bytes of C1 controls (0xC2) and of the bidirectional overrides
/// (0xE2), `#` and `:`.
const MAY_START: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = byte != b'\n' as usize && byte != b'\t' as usize;
        byte += 1;
    }
    table[0x7f] = true;
    table[0xc2] = true;
    table[0xe2] = true;
    table[b'#' as usize] = true;
    table[b':' as usize] = true;
    table
};

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

    proptest::proptest! {
        #[test]
        fn the_quick_look_escapes_as_printable_lines_does(
            text in "([a :#\\[\\n\\r\\t·—\u{1b}\u{7f}\u{85}\u{9b}\u{a0}\u{2029}\u{202a}\u{202e}\u{202f}\u{2066}\u{2069}\u{206a}]|##\\[|::){0,16}"
        ) {
            proptest::prop_assert_eq!(printable(&text), printable_lines(&text));
        }
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
