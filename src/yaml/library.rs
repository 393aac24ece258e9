//! The one module that talks to the YAML library (`serde_yaml`, through its maintained
//! fork `yaml_serde`) to read. Everything else sees [`Node`], a small owned tree, so the
//! parser can be swapped by changing this file (and the quoting in [`super::quote`]).
//!
//! Hostile input is bounded three ways. The size and nesting caps in [`super::check_limits`]
//! are applied before the parser sees any text (the parser is quadratic on deeply
//! nested flow collections). While the tree is built, a budget of [`MAX_EXPANDED`]
//! counts every value and every byte of scalar text, aliases expanded, so an anchor
//! repeated through thousands of `*alias`es (the "billion laughs") stops early instead
//! of filling memory. The library itself caps recursion at 128 levels and the number
//! of alias jumps.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::collections::HashSet;
use std::fmt;

use super::limits::MAX_BYTES;
use super::lines;
use super::{Node, YamlError, YamlErrorKind};

/// The most a YAML text may expand to, aliases included: one unit per value plus one
/// per byte of scalar text. Text within [`MAX_BYTES`] written out without aliases
/// stays well under it (at most about 2.5 units per byte).
pub(crate) const MAX_EXPANDED: usize = 4 * MAX_BYTES;

/// The 1-based line of the second key line (block mapping entry, perhaps after list
/// dashes) whose key reads as `key` (`True:` and `true:` both read as `true`).
fn second_key_line(text: &str, key: &str) -> Option<usize> {
    let is_key_line = |line: &str| {
        let mut content = line.trim_start_matches(lines::is_white);
        while let Some(rest) = lines::list_entry(content) {
            content = rest.trim_start_matches(lines::is_white);
        }
        lines::split_key(content).is_some_and(|(written, _)| resolved_key(written) == key)
    };
    text.lines().enumerate().filter(|(_, line)| is_key_line(line)).nth(1).map(|(index, _)| index + 1)
}

/// The key a plain key spelling resolves to: the library reads `True:` as the boolean
/// `true` and `~:` as null, which [`NodeSeed`] renders as `true` and `null`.
fn resolved_key(written: &str) -> &str {
    match written {
        "True" | "TRUE" => "true",
        "False" | "FALSE" => "false",
        "~" | "Null" | "NULL" => "null",
        other => other,
    }
}

/// Parses with the full YAML library (what [`parse`] falls back to), within the
/// [`MAX_EXPANDED`] budget.
pub(crate) fn parse_full(text: &str) -> Result<Node, YamlError> {
    let budget = Budget { left: Cell::new(MAX_EXPANDED), exceeded: Cell::new(false) };
    NodeSeed(&budget).deserialize(serde_yaml::Deserializer::from_str(text)).map_err(|error| {
        // From the byte offset, not the parser's line: YAML also breaks lines at a lone
        // `\r` (and U+0085, U+2028, U+2029), which editors and diagnostics do not.
        let line = error.location().map(|location| {
            let before = text.as_bytes().get(..location.index()).unwrap_or(text.as_bytes());
            1 + before.iter().filter(|byte| **byte == b'\n').count()
        });
        let message = first_sentence(&error.to_string());
        // The library's own alias guard (a cap on alias jumps) means the same as the budget.
        if budget.exceeded.get() || message.contains("repetition limit exceeded") {
            YamlError {
                line: None,
                message: format!(
                    "expands to more than {} KiB of values once its aliases (`*name`) are filled in",
                    MAX_EXPANDED / 1024
                ),
                kind: YamlErrorKind::TooExpanded,
            }
        } else if let Some(key) = message.strip_prefix("duplicate key `").and_then(|rest| rest.split('`').next()) {
            // Point at the second occurrence, which is the one to remove or rename.
            let second = second_key_line(text, key).or(line);
            YamlError { line: second, message: format!("`{key}` is written twice"), kind: YamlErrorKind::DuplicateKey }
        } else if message.starts_with("control characters are not allowed") {
            // The library reports these at line 1, column 1: find the character instead.
            forbidden_character(text).unwrap_or(YamlError { line, message, kind: YamlErrorKind::Syntax })
        } else if message.contains("recursion limit exceeded") {
            YamlError { line, message: format!("is nested too deeply ({message})"), kind: YamlErrorKind::TooDeep }
        } else {
            YamlError { line, message, kind: YamlErrorKind::Syntax }
        }
    })
}

/// The first character YAML forbids in a file, with its line (counted in line feeds).
fn forbidden_character(text: &str) -> Option<YamlError> {
    let (at, ch) = text.char_indices().find(|(_, ch)| !lines::is_printable(*ch))?;
    let line = 1 + text.as_bytes()[..at].iter().filter(|byte| **byte == b'\n').count();
    let code = u32::from(ch);
    Some(YamlError {
        line: Some(line),
        message: format!(
            "the character U+{code:04X} is not allowed in YAML: remove it, or write it as `\\u{code:04X}` inside double quotes"
        ),
        kind: YamlErrorKind::Syntax,
    })
}

fn first_sentence(message: &str) -> String {
    // The library appends " at line L column C"; the diagnostic carries the line itself.
    match message.find(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message.to_string(),
    }
}

/// What is left of [`MAX_EXPANDED`] while one text is turned into a tree.
struct Budget {
    left: Cell<usize>,
    exceeded: Cell<bool>,
}

impl Budget {
    fn charge<E: de::Error>(&self, cost: usize) -> Result<(), E> {
        match self.left.get().checked_sub(cost) {
            Some(left) => {
                self.left.set(left);
                Ok(())
            }
            None => {
                self.exceeded.set(true);
                Err(E::custom("the value expands past the limit"))
            }
        }
    }
}

/// Builds a [`Node`], charging each value to the shared budget.
#[derive(Clone, Copy)]
struct NodeSeed<'b>(&'b Budget);

impl<'de> DeserializeSeed<'de> for NodeSeed<'_> {
    type Value = Node;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NodeSeed<'_> {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        self.0.charge(1)?;
        Ok(Node::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        self.0.charge(1)?;
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        self.deserialize(deserializer)
    }
    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Node, E> {
        self.0.charge(1)?;
        Ok(Node::Bool(value))
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Node, E> {
        self.number(value.to_string())
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Node, E> {
        self.number(value.to_string())
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Node, E> {
        self.number(value.to_string())
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<Node, E> {
        self.0.charge(1 + value.len())?;
        Ok(Node::String(value.to_string()))
    }
    fn visit_string<E: de::Error>(self, value: String) -> Result<Node, E> {
        self.0.charge(1 + value.len())?;
        Ok(Node::String(value))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        self.0.charge(1)?;
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        self.0.charge(1)?;
        let mut entries: Vec<(String, Node)> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key_seed(self)? {
            let key = match key {
                Node::Null => "null".to_string(),
                other => other.as_text().ok_or_else(|| de::Error::custom("a mapping key must be plain text"))?,
            };
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom(format!("duplicate key `{key}`")));
            }
            let value = map.next_value_seed(self)?;
            entries.push((key, value));
        }
        Ok(Node::Map(entries))
    }
}

impl NodeSeed<'_> {
    fn number<E: de::Error>(self, text: String) -> Result<Node, E> {
        self.0.charge(1 + text.len())?;
        Ok(Node::Number(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{parse, scalar, MAX_BYTES};

    #[test]
    fn parses_a_mapping_in_order() {
        let node = parse("b: 1\na: [x, y]\nc:\n  d: true\n").unwrap();
        let Node::Map(entries) = &node else { panic!("not a map") };
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "c"]);
        assert_eq!(node.get("b"), Some(&Node::Number("1".into())));
        assert_eq!(node.get("c").and_then(|c| c.get("d")), Some(&Node::Bool(true)));
    }

    #[test]
    fn converts_to_json() {
        let node = parse("a: 1\nb: [x, 2.5, true, ~]\nc: {d: 2026-03-02}\ne: .nan\n").unwrap();
        assert_eq!(
            node.to_json(),
            serde_json::json!({"a": 1, "b": ["x", 2.5, true, null], "c": {"d": "2026-03-02"}, "e": "NaN"})
        );
    }

    #[test]
    fn reports_the_line_of_a_syntax_error() {
        let error = parse("a: 1\nb: [unclosed\nc: 2\n").unwrap_err();
        assert!(error.line.is_some());
    }

    #[test]
    fn error_lines_count_only_line_feeds() {
        // Lone carriage returns and Unicode line separators are YAML line breaks, not lines
        // of the file: the parser would say line 9 or so; the file has three.
        for text in ["k: v\r\r\r\r\r\r\nx: [1\n", "k: v\u{2028}\u{2028}\u{2029}\u{85}\r\r\nx: [1\n"] {
            let error = parse_full(text).unwrap_err();
            assert!(error.line.is_some_and(|line| (2..=3).contains(&line)), "{text:?}: {error:?}");
        }
    }

    #[test]
    fn reports_a_forbidden_character_at_its_line() {
        // Issue 16, item 23: the library says line 1 for every one of these.
        for (text, line, code) in [
            ("a: 1\nb: 2\nc: x\u{1}\n", 3, "U+0001"),
            ("a: é\n\nb: 'x'\nc: \"\u{7f}\"\n", 4, "U+007F"),
            ("a: 1\nb: [x,\n  y\u{fffe}]\n", 3, "U+FFFE"),
            ("a: |\n  text\n  \u{ffff}\n", 3, "U+FFFF"),
            ("a: x\u{9b}\n", 1, "U+009B"),
        ] {
            let error = parse(text).unwrap_err();
            assert_eq!((error.kind, error.line), (YamlErrorKind::Syntax, Some(line)), "{text:?}");
            assert!(error.message.contains(code), "{}", error.message);
        }
    }

    #[test]
    fn rejects_duplicate_keys() {
        let error = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!((error.kind, error.line), (YamlErrorKind::DuplicateKey, Some(3)));
        assert!(error.message.contains("`a` is written twice"), "{}", error.message);
        for (text, key) in [("true: 1\nb: 2\nTrue: 3\n", "true"), ("~: 1\nb: 2\nNULL: 3\n", "null")] {
            let error = parse(text).unwrap_err();
            assert_eq!((error.kind, error.line), (YamlErrorKind::DuplicateKey, Some(3)), "{text:?}");
            assert!(error.message.contains(&format!("`{key}` is written twice")), "{}", error.message);
        }
    }

    #[test]
    fn refuses_deep_and_large_input_before_parsing() {
        let deep = format!("a: {}{}\n", "[".repeat(40), "]".repeat(40));
        assert!(parse(&deep).unwrap_err().message.contains("nested"));
        let dashes = format!("{}x\n", "- ".repeat(40));
        assert!(parse(&dashes).unwrap_err().message.contains("nested"));
        let large = format!("a: \"{}\"\n", "x".repeat(MAX_BYTES));
        assert!(parse(&large).unwrap_err().message.contains("KiB"));
        assert!(parse("a: [[[1]]]\nb:\n  c:\n    d: 1\n").is_ok());
    }

    #[test]
    fn stops_alias_expansion_at_the_budget() {
        // Billion laughs: nine levels of nine aliases each.
        let mut bomb = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        for pair in names.windows(2) {
            bomb.push_str(&format!("{}: &{} [{}]\n", pair[1], pair[1], vec![format!("*{}", pair[0]); 9].join(", ")));
        }
        // A large list repeated by thousands of aliases, and a large scalar the same way.
        let list = format!("a: &a [{}]\nb: [{}]\n", vec!["1"; 1000].join(","), vec!["*a"; 18_000].join(","));
        let scalar = format!("a: &a \"{}\"\nb: [{}]\n", "x".repeat(30_000), vec!["*a"; 10_000].join(","));
        for (name, text) in [("bomb", &bomb), ("list", &list), ("scalar", &scalar)] {
            assert!(text.len() <= MAX_BYTES, "{name} must pass the size cap to test the budget");
            let error = parse(text).unwrap_err();
            assert!(error.kind == YamlErrorKind::TooExpanded, "{name}: {error:?}");
        }
        // A smaller bomb trips the library's own cap on alias jumps first: same report.
        let small: String = ["b", "c", "d", "e", "f"]
            .iter()
            .zip(["a", "b", "c", "d", "e"])
            .map(|(name, previous)| format!("{name}: &{name} [{}]\n", vec![format!("*{previous}"); 9].join(", ")))
            .collect();
        let small = format!("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n{small}");
        assert_eq!(parse(&small).err().map(|e| e.kind), Some(YamlErrorKind::TooExpanded));
    }

    #[test]
    fn keeps_modest_aliases_and_large_plain_documents() {
        let aliased = format!("owner: &o team-checkout\nx: [{}]\n", vec!["*o"; 3000].join(", "));
        assert!(parse(&aliased).is_ok());
        // Near the size cap, written out without aliases: within the budget.
        let keys: String = (0..7000).map(|i| format!("k{i}: 1\n")).collect();
        let flow = format!("{{{}}}\n", (0..4000).map(|i| format!("k{i}: [a, b]")).collect::<Vec<_>>().join(", "));
        let text = format!("t: \"{}\"\n", "\\L".repeat(MAX_BYTES / 2 - 8));
        for doc in [keys, flow, text] {
            assert!(doc.len() <= MAX_BYTES, "{}", doc.len());
            assert!(parse(&doc).is_ok(), "{}", &doc[..40]);
        }
    }

    #[test]
    fn reports_recursion_through_aliases_as_too_deep() {
        let chain: String = (0..10)
            .map(|i| {
                let inner = if i == 0 { "1".to_string() } else { format!("*x{}", i - 1) };
                format!("x{i}: &x{i} {}{inner}{}\n", "[".repeat(25), "]".repeat(25))
            })
            .collect();
        assert_eq!(parse(&chain).unwrap_err().kind, YamlErrorKind::TooDeep);
        let keys = format!("{}a\n", "? ".repeat(10_000));
        assert_eq!(parse(&keys).unwrap_err().kind, YamlErrorKind::TooDeep);
    }

    #[test]
    fn quotes_scalars_only_when_needed() {
        assert_eq!(scalar("plain text"), "plain text");
        for tricky in ["a: b", "- x", "#x", "yes", "123", "", "x\ny", " lead"] {
            let rendered = scalar(tricky);
            assert_eq!(
                parse(&format!("k: {rendered}\n")).unwrap().get("k").and_then(Node::as_text).unwrap_or_default(),
                tricky,
                "{tricky} -> {rendered}"
            );
        }
    }
}
