//! Record text placed into Markdown output (status blocks, Markdown reports): collapsed
//! to one line and escaped just enough that it reads as the text it is — no emphasis,
//! links or HTML made out of someone's title — while staying readable on a terminal (an
//! underscore inside a word is left alone; backticks stay, since a code span shows its
//! text literally).

/// `text` on one line, with Markdown's active characters escaped.
pub fn inline(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let line = words.join(" ");
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    for (i, &ch) in chars.iter().enumerate() {
        let escape = match ch {
            '\\' | '*' | '[' | ']' | '<' | '>' | '|' => true,
            '_' => {
                let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
                !(word(i.checked_sub(1).and_then(|j| chars.get(j))) && word(chars.get(i + 1)))
            }
            // A line-leading `#`, `-`, `+` or number never occurs: text follows a label.
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// `text` quoted for a sentence: `"text"`.
pub fn quoted(text: &str) -> String {
    format!("\"{}\"", inline(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_would_act_on() {
        let cases = [
            ("plain title", "plain title"),
            ("  two\n lines ", "two lines"),
            ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
            ("a *bold* [link](x) `code`", "a \\*bold\\* \\[link\\](x) `code`"),
            ("snake_case_name", "snake_case_name"),
            ("_emphasis_", "\\_emphasis\\_"),
            ("a | b", "a \\| b"),
            ("back\\slash", "back\\\\slash"),
        ];
        for (text, expected) in cases {
            assert_eq!(inline(text), expected, "{text:?}");
        }
    }
}
