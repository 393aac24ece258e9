//! Tests of the fast YAML reader: it agrees with the full parser whenever it answers.

use super::*;

/// The full parser's answer, for comparison.
fn full(text: &str) -> Option<Node> {
    super::super::parse_full(text).ok()
}

const CASES: &[&str] = &[
    "kind: incident\nid: INC-1\ntitle: Checkout 502s after deploy\n",
    "a: 1\n",
    "a: 2025-06-03\nb: 2025-06-03T14:20:00Z\nc: 2025-06-03 10:00\n",
    "a: true\nb: False\nc: TRUE\nd: yes\ne: no\nf: on\ng: null\nh: ~\ni:\nj: Null\n",
    "a: x # comment\nb: http://x/#frag\nc: a#b\n# full comment\n\n",
    "list:\n  - one\n  - two # c\n  -\n  - 'q'\nnext: x\n",
    "list:\n- one\n- two\n",
    "flow: [a, b c, d-e]\nempty: []\nspaced: [ a ,b ]\n",
    "flow: [a, 1]\n",
    "flow: [a,]\n",
    "flow: [a, [b]]\n",
    "stabilization:\n  signal: s\n  rollback: r # x\n  stabilized_at: 2026-03-01\nclosed_at: 2026-03-02\n",
    "stabilization:\n    signal: s\n    rollback: r\n",
    "stabilization:\n  signal: s\n   rollback: r\n",
    "s:\n  a:\n    b: c\n",
    "a: 'it''s'\nb: \"plain quoted\"\nc: \"with \\\" escape\"\nd: 'x' # c\ne: \"x\" y\n",
    "a: b: c\n",
    "a: x:\n",
    "a: -x\nb: - x\nc: ? x\n",
    "a: &anchor x\nb: *anchor\n",
    "a: !!str 1\n",
    "a: |\n  block\n",
    "a: multi\n  line\n",
    "a: 1.5\nb: .inf\nc: +1\nd: 0x1F\ne: 1_000\nf: 502s\n",
    "a: x\na: y\n",
    "- a\n- b\n",
    "a: {b: c}\n",
    "\"quoted key\": x\n",
    "a:\tx\n",
    "a: x\r\nb:\r\n  - y\r\n",
    "title: Café ✓ naïve\n",
    "a: <placeholder>\nb: TODO\n",
    "a: x  \nb:   y\n",
    "...\n",
    "a: x\n...\n",
    "a: [x] # c\nb: [x] y\n",
    "a:\n",
    "a: ''\nb: \"\"\n",
    "a: 'unterminated\n",
    "key_with-dash: v\n_under: w\n9bad: x\n",
    "links:\n  - https://example.com/a?b=c&d=e\n  - mailto:x@y\n",
    "a:x\n",
    "a: x,y\nb: x]\nc: x}\n",
    // Issue 16, items 7 to 10: key spellings the parser resolves, numbers with a
    // leading `+`, characters YAML forbids, white space YAML does not trim.
    "true: a\nTrue: b\n",
    "TRUE: a\n",
    "Null: a\nnull: b\n",
    "a: +.inf\nb: +12\n",
    "a: x\u{fffe}\n",
    "a: 'x\u{ffff}'\n",
    "a: [\u{a0}]\n",
    "a: [x, \u{3000}]\n",
];

#[test]
fn agrees_with_the_full_parser_whenever_it_answers() {
    let mut answered = 0;
    for case in CASES {
        if let Some(fast) = parse(case) {
            answered += 1;
            assert_eq!(Some(fast), full(case), "fast path disagrees on {case:?}");
        }
    }
    assert!(answered >= 15, "the fast path should handle the common cases ({answered})");
}

#[test]
fn agrees_with_the_full_parser_on_random_combinations() {
    const LINES: &[&str] = &[
        "a: x",
        "b: 'y''z'",
        "c: \"q\"",
        "d:",
        "  - i",
        "- j",
        "  k: v",
        "    l: w",
        "e: [m, n]",
        "f: []",
        "g: 12",
        "h: 2026-01-01",
        "i: true",
        "j: ~",
        "# c",
        "",
        "k: x # c",
        "  - 'p'",
        "l: a:b",
        "m: x: y",
        "n: [a, 'b']",
        "o: -",
        "p: 5xx > 2%",
        "  q:",
        "r: \"unterminated",
        "s: x  ",
        " t: indented",
        "u: 1.0",
        "v: .5",
        "w: caf\u{e9}",
        "x: <todo>",
        "y: {a: b}",
        "z: |",
        "  text",
        "a: dup",
    ];
    let mut answered = 0;
    for text in super::super::random_texts(LINES, 0x2545_f491_4f6c_dd1d, 3000, 7) {
        if let Some((fast, lines)) = parse_with_lines(&text, 2) {
            answered += 1;
            assert_eq!(Some(fast), full(&text), "fast path disagrees on {text:?}");
            assert_eq!(lines, KeyLines::scan(&text, 2), "key lines differ on {text:?}");
        }
    }
    assert!(answered > 100, "{answered}");
}

#[test]
fn control_and_wide_bytes_are_found_eight_at_a_time_as_one_at_a_time() {
    let slow = |bytes: &[u8]| {
        if bytes.iter().any(|&b| b < 0x20 || b == 0x7f) {
            Bytes::Control
        } else if bytes.is_ascii() {
            Bytes::Plain
        } else {
            Bytes::NonAscii
        }
    };
    let mut samples: Vec<Vec<u8>> = vec![
        b"plain text of some length, no control".to_vec(),
        "caf\u{e9} \u{2028} \u{ff}\u{7f}x".as_bytes().to_vec(),
        "caf\u{e9} and more than eight bytes".as_bytes().to_vec(),
        "eight by\u{e9}".as_bytes().to_vec(),
        Vec::new(),
    ];
    for bad in [0u8, 0x09, 0x0d, 0x1f, 0x7f, 0x80, 0xc3] {
        for at in 0..20 {
            let mut line = b"abcdefghijklmnopqrst".to_vec();
            line[at] = bad;
            samples.push(line.clone());
            // A wide byte before the control byte must not hide it.
            line[(at + 7) % 20] = 0xe9;
            samples.push(line);
        }
    }
    for ok in [0x20u8, 0x7e, 0x80, 0x9f, 0xa0, 0xff] {
        samples.push(vec![ok; 17]);
    }
    for sample in samples {
        assert_eq!(scan_bytes(&sample), slow(&sample), "{sample:?}");
    }
}

#[test]
fn one_pass_over_a_plain_value_reads_it_as_cutting_the_comment_then_reading_it() {
    // The two steps `plain_line` replaces: the text before a ` #` comment, trimmed,
    // then `plain` (which looks for a mapping indicator itself).
    let two_steps = |text: &str| {
        let bytes = text.as_bytes();
        let cut = (1..bytes.len()).find(|&i| bytes[i] == b'#' && matches!(bytes[i - 1], b' ' | b'\t'));
        plain(cut.map_or(text, |at| &text[..at - 1]).trim_end_matches(' '))
    };
    let pieces = ["a", ":", " ", "#", "b:", "x", "1", "-", "2026-01-01", "~", "true", "\u{e9}", ".", ",", "]"];
    let mut values = Vec::new();
    for first in pieces {
        for second in pieces {
            for third in pieces {
                values.push(format!("{first}{second}{third}"));
            }
        }
    }
    values.extend(["a: b", "x #c: d", "x: # c", "http://x:8080/#frag", "a  ", "a:  #", "#a", "a #"].map(String::from));
    for value in values {
        let value = value.trim_start_matches(' ');
        assert_eq!(plain_line(value), two_steps(value), "{value:?}");
    }
}

#[test]
fn answers_for_typical_front_matter() {
    let typical = "kind: incident\nid: INC-7\ntitle: Checkout 502s\nseverity: SEV2\nstatus: closed\nopened: 2025-06-03T14:20:00Z\nfailure_modes:\n  - cache race\nclasses: [state-mismatch]\nstabilization:\n  signal: 5xx > 2%\n  stabilized_at: 2025-06-03T15:05:00Z\nclosed_at: 2025-07-15\n";
    assert!(parse(typical).is_some());
}

#[test]
fn agrees_on_every_demo_record() {
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo/incidents");
    let (mut checked, mut answered) = (0, 0);
    for entry in walkdir::WalkDir::new(demo).into_iter().filter_map(Result::ok) {
        let Ok(text) = std::fs::read_to_string(entry.path()) else { continue };
        // The front matter between the first two `---` lines (demo files have no BOM).
        let yaml = text.strip_prefix("---\n").and_then(|rest| rest.find("\n---\n").map(|end| &rest[..=end]));
        if let Some(yaml) = yaml {
            checked += 1;
            if let Some(fast) = parse(yaml) {
                answered += 1;
                assert_eq!(Some(fast), full(yaml), "{}", entry.path().display());
            }
        }
    }
    assert!(answered * 10 >= checked * 9, "only {answered} of {checked} demo records took the fast path");
    assert!(checked > 50);
}
