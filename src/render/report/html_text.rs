//! HTML building blocks shared by the HTML report: escaping (every piece of record text
//! goes through [`escape`], in text and in attributes alike) and tables.

use super::page::Page;

/// The bytes that need an entity in HTML text and quoted attribute values.
const ENTITY: [bool; 256] = {
    let mut table = [false; 256];
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table
};

/// `text` escaped for HTML text and for quoted attribute values.
pub(crate) fn escape(text: &str) -> String {
    // Most record text holds none of the five characters: one pass through a table finds
    // the first, if any (record texts are short: two vectorised searches cost more to
    // start than this costs to finish), and the bytes before it are copied as they are.
    let Some(first) = text.bytes().position(|byte| ENTITY[usize::from(byte)]) else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    escape_runs(&text[first..], |run| out.push_str(run));
    out
}

/// [`escape`] written straight into the page, without a string of its own.
pub(crate) fn escape_into(out: &mut Page<'_>, text: &str) {
    escape_runs(text, |run| out.push_str(run));
}

/// `text` escaped, handed to `push` in runs: the text between the characters that need
/// an entity (all ASCII), and the entities.
fn escape_runs<'t>(text: &'t str, mut push: impl FnMut(&'t str)) {
    let mut start = 0;
    for (at, byte) in text.bytes().enumerate() {
        if !ENTITY[usize::from(byte)] {
            continue;
        }
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        };
        push(&text[start..at]);
        push(entity);
        start = at + 1;
    }
    push(&text[start..]);
}

/// Escaped text, or a dash when absent.
pub(crate) fn opt(text: &Option<impl AsRef<str>>) -> String {
    text.as_ref().map_or_else(|| "—".to_string(), |text| escape(text.as_ref()))
}

/// [`opt`] written straight into the page.
pub(crate) fn opt_into(out: &mut Page<'_>, text: Option<&str>) {
    match text {
        Some(text) => escape_into(out, text),
        None => out.push_str("—"),
    }
}

/// Text that must not wrap (ids, dates, statuses), escaped.
pub(crate) fn nowrap(text: &str) -> String {
    format!("<span class=\"nowrap\">{}</span>", escape(text))
}

/// [`nowrap`] written straight into the page.
pub(crate) fn nowrap_into(out: &mut Page<'_>, text: &str) {
    out.push_str("<span class=\"nowrap\">");
    escape_into(out, text);
    out.push_str("</span>");
}

/// A table whose cells are already HTML, written row by row. Columns from
/// `numeric_from` on are right-aligned numbers.
pub(crate) fn table(
    out: &mut Page<'_>,
    head: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
    numeric_from: usize,
) {
    table_head(out, head, numeric_from);
    for row in rows {
        table_row(out, &row, numeric_from);
    }
    table_end(out);
}

/// The class of a cell in column `i`: right-aligned from `numeric_from` on.
fn cell_class(i: usize, numeric_from: usize) -> &'static str {
    if i >= numeric_from {
        " class=\"num\""
    } else {
        ""
    }
}

/// The opening of a [`table`], up to its first row.
pub(crate) fn table_head(out: &mut Page<'_>, head: &[&str], numeric_from: usize) {
    out.push_str("<table>\n<thead><tr>");
    for (i, cell) in head.iter().enumerate() {
        write!(out, "<th{}>{}</th>", cell_class(i, numeric_from), escape(cell));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}

/// One row of a [`table`], its cells already HTML.
pub(crate) fn table_row(out: &mut Page<'_>, row: &[String], numeric_from: usize) {
    out.push_str("<tr>");
    for (i, cell) in row.iter().enumerate() {
        write!(out, "<td{}>{cell}</td>", cell_class(i, numeric_from));
    }
    out.push_str("</tr>\n");
}

/// The end of a [`table`].
pub(crate) fn table_end(out: &mut Page<'_>) {
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_each_character_wherever_it_stands() {
        let reference = |text: &str| {
            text.chars()
                .map(|c| match c {
                    '&' => "&amp;".to_string(),
                    '<' => "&lt;".to_string(),
                    '>' => "&gt;".to_string(),
                    '"' => "&quot;".to_string(),
                    '\'' => "&#39;".to_string(),
                    other => other.to_string(),
                })
                .collect::<String>()
        };
        let mut texts = vec![String::new(), "plain caf\u{e9} text".to_string(), "a".repeat(100)];
        for special in ['&', '<', '>', '"', '\''] {
            for at in [0, 1, 17, 40] {
                let mut text: Vec<char> = "x\u{e9}ample of forty characters of text!".chars().collect();
                text.insert(at.min(text.len()), special);
                texts.push(text.iter().collect());
                texts.push(format!("{}'{special}", text.iter().collect::<String>()));
            }
        }
        for text in texts {
            assert_eq!(escape(&text), reference(&text), "{text:?}");
            // Straight into a page, the same bytes.
            let mut bytes = Vec::new();
            let mut page = Page::html(&mut bytes);
            escape_into(&mut page, &text);
            nowrap_into(&mut page, &text);
            opt_into(&mut page, Some(&text));
            opt_into(&mut page, None);
            page.finish().unwrap();
            let expected = format!("{}{}{}{}", escape(&text), nowrap(&text), opt(&Some(&text)), opt(&None::<&str>));
            assert_eq!(String::from_utf8(bytes).unwrap(), expected, "{text:?}");
        }
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(escape("\" onmouseover='x' & y"), "&quot; onmouseover=&#39;x&#39; &amp; y");
        assert_eq!(opt(&None::<&str>), "—");
    }
}
