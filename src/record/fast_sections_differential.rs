//! The fast section reader ([`super::fast_sections`]) against pulldown-cmark
//! ([`super::body::parse_sections`]): on every example of the CommonMark spec (vendored
//! in `tests/data/commonmark/`), alone and under a heading, and on random bodies built
//! from the shapes that broke it before: headings and thematic breaks after nested list
//! markers, placeholders in list items, and white space that is not the ASCII space
//! (tab, vertical tab, form feed, no-break and other Unicode spaces) around titles and
//! placeholders. Wherever the fast path answers, both must agree exactly.

use super::body::parse_sections;
use super::fast_sections::sections;
use proptest::prelude::*;

/// The Markdown of every example in the vendored spec (`→` stands for a tab there).
fn spec_examples() -> Vec<String> {
    const FENCE: &str = "````````````````````````````````";
    let text = include_str!("../../tests/data/commonmark/spec-examples.txt");
    let mut examples = Vec::new();
    let mut current: Option<String> = None;
    let mut in_markdown = false;
    for line in text.split('\n') {
        if line.starts_with(FENCE) && line.ends_with(" example") {
            current = Some(String::new());
            in_markdown = true;
        } else if line == FENCE {
            examples.extend(current.take());
        } else if line == "." && in_markdown {
            in_markdown = false;
        } else if let Some(markdown) = current.as_mut().filter(|_| in_markdown) {
            markdown.push_str(&line.replace('→', "\t"));
            markdown.push('\n');
        }
    }
    examples
}

/// Compares both readers on `body`; returns whether the fast path answered.
fn agree(body: &str) -> bool {
    match sections(body, 3) {
        Some(fast) => {
            assert_eq!(fast, parse_sections(body, 3), "fast path disagrees on {body:?}");
            true
        }
        None => false,
    }
}

#[test]
fn agrees_with_pulldown_cmark_on_every_commonmark_spec_example() {
    let examples = spec_examples();
    assert_eq!(examples.len(), 655, "the vendored spec has 655 examples");
    let mut answered = 0;
    for example in &examples {
        for body in [example.clone(), format!("## Timeline\n\n{example}"), format!("- {example}")] {
            answered += usize::from(agree(&body));
        }
    }
    assert!(answered > 100, "the fast path answered only {answered} of {}", examples.len() * 3);
}

/// White space that `str::trim` removes: ASCII and Unicode, and the plain space.
const SPACES: &[&str] = &[
    "", " ", "  ", "\t", "\u{b}", "\u{c}", "\u{a0}", "\u{85}", "\u{1680}", "\u{2003}", "\u{2028}", "\u{202f}",
    "\u{3000}",
];
/// List markers, nested by repetition.
const MARKERS: &[&str] = &["- ", "* ", "+ ", "1. ", "2) ", "10. ", "-  ", "1.   "];
/// What a line says after its markers.
const CORES: &[&str] = &[
    "# Timeline",
    "## Timeline ##",
    "### Causal analysis",
    "#",
    "TODO",
    "tbd",
    "<placeholder>",
    "-----",
    "* * *",
    "___",
    "--",
    "===",
    "Timeline",
    "x",
    "10:00 alert fired",
    "**TODO**",
    "_tbd_",
    "Customers saw 502s on checkout",
];

/// One body line: indentation, nested markers, then a core wrapped in white space.
fn line() -> impl Strategy<Value = String> {
    (
        0usize..5,
        proptest::collection::vec(proptest::sample::select(MARKERS), 0..4),
        proptest::sample::select(SPACES),
        proptest::sample::select(CORES),
        proptest::sample::select(SPACES),
    )
        .prop_map(|(indent, markers, before, core, after)| {
            format!("{}{}{before}{core}{after}", " ".repeat(indent), markers.concat())
        })
}

/// A body: lines, some blank, some plain headings and prose so sections open and fill.
fn body() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => line(),
        1 => Just(String::new()),
        1 => Just("## Timeline".to_string()),
        1 => Just("Plain prose that is content".to_string()),
    ];
    proptest::collection::vec(piece, 1..10).prop_map(|lines| lines.iter().map(|l| format!("{l}\n")).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

    #[test]
    fn agrees_with_pulldown_cmark_on_random_bodies_with_nested_lists_and_odd_spaces(body in body()) {
        agree(&body);
    }
}

#[test]
fn the_shapes_that_broke_it_are_deferred_or_right() {
    let bodies = [
        "## Summary\n\nwords here\n\n- - # Timeline\n- 10:00 alert fired\n",
        "## Timeline\n\n1. -----\n",
        "## Timeline\n\n- - TODO\n",
        "## Timeline\n\n- * * *\n",
        "## \u{a0}Timeline\n\n- 10:00 alert fired\n",
        "## Timeline\u{3000}\n\n- 10:00 alert fired\n",
        "## Timeline\n\n- \u{a0}TODO\u{a0}\n",
        "## Timeline\n\n\u{2003}tbd\u{2003}\u{2003}\n",
        "## \u{b}Timeline\n\n\u{c}TODO\u{c}\n",
    ];
    for body in bodies {
        agree(body);
    }
}

/// Deterministic bodies from the same parts (xorshift from `seed`), for a count that
/// proptest would take long to reach: `INCIDENTS_RANDOM_BODIES` overrides the default.
fn random_bodies(mut seed: u64, count: usize) -> impl Iterator<Item = String> {
    let mut next = move |below: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % below as u64) as usize
    };
    (0..count).map(move |_| {
        let mut body = String::new();
        for _ in 0..1 + next(9) {
            match next(6) {
                0 => {}
                1 => body.push_str("## Timeline"),
                2 => body.push_str("Plain prose that is content"),
                _ => {
                    body.push_str(&" ".repeat(next(5)));
                    for _ in 0..next(4) {
                        body.push_str(MARKERS[next(MARKERS.len())]);
                    }
                    body.push_str(SPACES[next(SPACES.len())]);
                    body.push_str(CORES[next(CORES.len())]);
                    body.push_str(SPACES[next(SPACES.len())]);
                }
            }
            body.push('\n');
        }
        body
    })
}

#[test]
fn agrees_with_pulldown_cmark_on_many_random_bodies() {
    let count = std::env::var("INCIDENTS_RANDOM_BODIES").ok().and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let (mut answered, mut mismatches, mut first) = (0, 0, None);
    for body in random_bodies(0x2545_f491_4f6c_dd1d, count) {
        if let Some(fast) = sections(&body, 3) {
            answered += 1;
            if fast != parse_sections(&body, 3) {
                mismatches += 1;
                first.get_or_insert(body);
            }
        }
    }
    eprintln!("{count} random bodies: the fast path answered {answered}, {mismatches} mismatches");
    assert_eq!(mismatches, 0, "first mismatch: {first:?}");
    assert!(answered > count / 10, "{answered} of {count}");
}
