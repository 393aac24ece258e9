//! Values as the edit code writes them into front matter: always on one line, so a patch
//! replaces exactly one line whatever the text holds.
//!
//! Plain or single-quoted when the YAML library says that reads back ([`scalar`]), and
//! single-quoted whenever a YAML 1.1 reader would read the plain text as something else
//! (`on`, `no`, `12:30`, `1_000`, `<<`: [`super::yaml11`]; dates stay plain). Double-quoted
//! with escapes when the text holds line breaks, control characters or characters YAML
//! forbids in a file (U+FFFE, U+FFFF) — YAML 1.1 readers also take U+0085, U+2028 and
//! U+2029 as line breaks, so those are escaped too.

/// Renders `text` as a YAML scalar that reads back as the same string, for YAML 1.2 and
/// YAML 1.1 readers alike: plain when that is safe, otherwise quoted.
pub(crate) fn scalar(text: &str) -> String {
    if super::yaml11::reads_as_non_text(text) {
        // None of these holds a quote, a line break or a character that needs escaping.
        return format!("'{text}'");
    }
    match serde_yaml::to_string(text) {
        Ok(rendered) => rendered.trim_end_matches('\n').to_string(),
        Err(_) => format!("{text:?}"),
    }
}

/// `text` as a one-line YAML scalar for block context (`key: VALUE`, `- VALUE`).
pub(crate) fn inline(text: &str) -> String {
    if !text.chars().any(needs_escape) {
        let rendered = scalar(text);
        if !rendered.contains(['\n', '\r']) {
            return rendered;
        }
    }
    double_quoted(text)
}

/// `text` as a one-line YAML scalar inside a flow collection (`[a, VALUE]`). Plain only
/// when it starts with a letter or digit and holds nothing but letters, digits, spaces
/// and `-_./()+`: flow context reads `,`, brackets, braces, `:` and a leading `?`
/// differently than a block does (`[x, ?y]`, `[x, :y]` do not read back).
pub(crate) fn in_flow(text: &str) -> String {
    let rendered = inline(text);
    let safe = rendered.starts_with(char::is_alphanumeric)
        && rendered.chars().all(|c| c.is_alphanumeric() || " -_./()+".contains(c));
    if rendered.starts_with(['"', '\'']) || safe {
        rendered
    } else {
        double_quoted(text)
    }
}

/// A double-quoted YAML scalar with every character that could break a line or a
/// terminal escaped.
pub(crate) fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Control characters, characters YAML forbids in a file (U+FFFE, U+FFFF), the
/// byte-order mark and the Unicode line and paragraph separators.
fn needs_escape(ch: char) -> bool {
    ch.is_control() || !super::lines::is_printable(ch) || matches!(ch, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{parse, Node};

    fn read_back(yaml: &str) -> Node {
        parse(yaml).unwrap_or_else(|e| panic!("{yaml:?}: {e:?}"))
    }

    #[test]
    fn every_value_reads_back_on_one_line() {
        let cases = [
            "plain text",
            "a: b",
            "x\ny",
            "two\r\nlines",
            "tab\there",
            "\u{2028}sep",
            "next\u{85}line",
            "bell\u{7}",
            "\u{feff}bom",
            "quote \" and \\ backslash",
            "it's",
            "'single'",
            "- dash",
            "# hash",
            "yes",
            "123",
            "",
            " padded ",
            "emoji 😀",
            "<placeholder>",
            "2026-03-10",
            ":colon first",
            "a:b",
            "url http://x",
            "?A",
            "!tag",
            "&anchor",
            "x #y",
            // Issue 16, item 8: characters YAML forbids in a file, alone and beside a
            // line break (which takes the double-quoted path).
            "x\u{fffe}",
            "\u{ffff}",
            "line\nbreak \u{fffe}",
            "c1 \u{9b}[31m",
            // Item 11: what YAML 1.1 reads as something else.
            "on",
            "12:30",
            "1_000",
            "<<",
            "=",
        ];
        for text in cases {
            let block = inline(text);
            assert!(!block.contains('\n'), "{text:?} -> {block}");
            assert_eq!(read_back(&format!("k: {block}\n")).get("k"), Some(&Node::String(text.to_string())), "{block}");
            let flow = in_flow(text);
            let node = read_back(&format!("k: [x, {flow}]\n"));
            assert_eq!(
                node.get("k"),
                Some(&Node::Seq(vec![Node::String("x".into()), Node::String(text.to_string())])),
                "{flow}"
            );
        }
    }

    #[test]
    fn quotes_what_yaml_1_1_readers_read_as_something_else() {
        for text in [
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "true",
            "FALSE", "~", "Null", "12:30", "1:20:30", "1_000", "=", "<<", ".inf", "+.inf", "-.INF", ".NaN", "+1", "-1",
            "0o17", "0x1F", "0b101", "017", "1.2.3",
        ] {
            for rendered in [inline(text), in_flow(text)] {
                assert_eq!(rendered, format!("'{text}'"), "{text}");
            }
        }
        for (text, expected) in [("x\u{fffe}", "\"x\\uFFFE\""), ("a\nb\u{ffff}", "\"a\\nb\\uFFFF\"")] {
            assert_eq!(inline(text), expected);
        }
        // Dates are dates to every reader: the record format writes them plain.
        for date in ["2026-03-10", "2026-03-10T14:20:00Z", "12:30 deploy", "onboarding", "no-op"] {
            assert_eq!(inline(date), date);
        }
    }

    #[test]
    fn plain_text_stays_plain() {
        assert_eq!(inline("cache race after partial deploy"), "cache race after partial deploy");
        assert_eq!(in_flow("a, b"), "\"a, b\"");
        assert_eq!(double_quoted("a\u{2028}b"), "\"a\\u2028b\"");
    }
}
