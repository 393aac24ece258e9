//! File names of new records: `<ID>-<slug>.md`, where the slug is a short ASCII
//! rendering of a title. Whatever the title holds (slashes, `..`, control characters,
//! emoji, hundreds of characters), the slug is lowercase ASCII letters and digits joined
//! by single dashes, at most [`MAX_LEN`] bytes, or `untitled`: it never leaves the folder.

/// Longest slug, in bytes (all ASCII).
pub(crate) const MAX_LEN: usize = 50;

/// The slug of `text`: `Checkout 502s after v42!` → `checkout-502s-after-v42`.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for ch in text.chars().flat_map(char::to_lowercase) {
        if matches!(ch, '\'' | '\u{2019}') {
            continue; // "don't" reads better as "dont" than "don-t"
        }
        match fold(ch) {
            Some(letters) => {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push_str(letters);
            }
            None => gap = true,
        }
        if out.len() > MAX_LEN {
            break;
        }
    }
    if out.len() > MAX_LEN {
        let at_boundary = out.as_bytes()[MAX_LEN] == b'-';
        out.truncate(MAX_LEN);
        // Cut at a word boundary when one is not too far back.
        if let Some(dash) = out.rfind('-').filter(|at| !at_boundary && *at >= MAX_LEN / 2) {
            out.truncate(dash);
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        "untitled".to_string()
    } else {
        trimmed.to_string()
    }
}

/// The file name of a record: `INC-42-checkout-502s.md`. Ids typed with `--id` are
/// letters, digits, `-` and `_` already; an id read from a record could hold anything
/// (`../../x`), so every other character becomes `_`: the name is one path component.
pub(crate) fn file_name(id: &str, title: &str) -> String {
    let id: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    format!("{id}-{}.md", slug(title))
}

/// ASCII letters for a lower-case character: itself for ASCII letters and digits, the
/// base letters of common accented Latin letters, `None` for everything else.
fn fold(ch: char) -> Option<&'static str> {
    const ASCII: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    if ch.is_ascii_alphanumeric() {
        let at = ASCII.find(ch)?;
        return ASCII.get(at..at + 1);
    }
    Some(match ch {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' => "s",
        'ß' => "ss",
        'ť' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_safe_ascii() {
        let long = "word ".repeat(100);
        let cases = [
            (
                "Checkout 502s after partial deploy of cart-service v42",
                "checkout-502s-after-partial-deploy-of-cart-service",
            ),
            ("../../etc/passwd", "etc-passwd"),
            ("a/b\\c", "a-b-c"),
            ("..", "untitled"),
            ("", "untitled"),
            ("🔥🔥🔥", "untitled"),
            ("Fire 🔥 in prod", "fire-in-prod"),
            ("line\nbreak\ttab\u{0}nul\u{1b}[31m", "line-break-tab-nul-31m"),
            ("Café crème brûlée", "cafe-creme-brulee"),
            ("Don't panic", "dont-panic"),
            ("  --Leading and trailing--  ", "leading-and-trailing"),
            (long.as_str(), "word-word-word-word-word-word-word-word-word-word"),
        ];
        for (title, expected) in cases {
            let got = slug(title);
            assert_eq!(got, expected, "{title:?}");
            assert!(got.len() <= MAX_LEN);
            assert!(got.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{got}");
            assert!(!got.contains("--") && !got.starts_with('-') && !got.ends_with('-'), "{got}");
        }
        assert_eq!(slug(&"x".repeat(500)).len(), MAX_LEN);
        assert_eq!(file_name("INC-3", "Checkout 502s"), "INC-3-checkout-502s.md");
        for (id, expected) in
            [("../../etc/x-R1", "______etc_x-R1-t.md"), ("/abs", "_abs-t.md"), ("a\u{0}b\\c", "a_b_c-t.md")]
        {
            assert_eq!(file_name(id, "t"), expected);
        }
    }
}
