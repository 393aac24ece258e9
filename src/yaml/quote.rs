//! Values as the edit code writes them into front matter: always on one line, so a patch
//! replaces exactly one line whatever the text holds.
//!
//! Plain or single-quoted when the YAML library says that reads back ([`scalar`]); double-quoted with escapes when the text holds line
//! breaks or control characters — YAML 1.1 readers also take U+0085, U+2028 and U+2029
//! as line breaks, so those are escaped too.

/// Renders `text` as a YAML scalar that reads back as the same string: plain when that
/// is safe, otherwise quoted by the YAML library itself.
pub fn scalar(text: &str) -> String {
    match serde_yaml::to_string(text) {
        Ok(rendered) => rendered.trim_end_matches('\n').to_string(),
        Err(_) => format!("{text:?}"),
    }
}

/// `text` as a one-line YAML scalar for block context (`key: VALUE`, `- VALUE`).
pub fn inline(text: &str) -> String {
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
pub fn in_flow(text: &str) -> String {
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
pub fn double_quoted(text: &str) -> String {
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

/// Control characters, the byte-order mark and the Unicode line and paragraph separators.
fn needs_escape(ch: char) -> bool {
    ch.is_control() || matches!(ch, '\u{2028}' | '\u{2029}' | '\u{feff}')
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
    fn plain_text_stays_plain() {
        assert_eq!(inline("cache race after partial deploy"), "cache race after partial deploy");
        assert_eq!(in_flow("a, b"), "\"a, b\"");
        assert_eq!(double_quoted("a\u{2028}b"), "\"a\\u2028b\"");
    }
}
