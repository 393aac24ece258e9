//! Plain scalars that YAML 1.1 readers (PyYAML, Ruby's Psych, many CI tools) read as
//! something other than text, where the YAML 1.2 library this tool uses reads text:
//! `yes`/`no`/`on`/`off`/`y`/`n` as booleans, `12:30` and `1:20:30` as base-60 numbers,
//! `1_000` and `0b101` as integers, `1.2.3` as a float, `<<` as a merge key and `=` as a
//! value key. The writer ([`super::quote`]) quotes them so every reader gets text.
//!
//! Dates and timestamps (`2026-03-10`, `2026-03-10T14:20:00Z`) are not in this list:
//! YAML 1.1 reads them as dates, which is what the record format means by them (`opened`,
//! `due`, `closed_at` are written plain), so quoting them would change the file format
//! for no reader's benefit.

/// Whether a YAML 1.1 reader resolves the plain scalar `text` to anything but a string
/// (the patterns of the YAML 1.1 type repository, and PyYAML's variants of them).
pub(crate) fn reads_as_non_text(text: &str) -> bool {
    is_bool_or_null(text) || matches!(text, "<<" | "=") || is_int(text) || is_float(text)
}

fn is_bool_or_null(text: &str) -> bool {
    matches!(
        text,
        "y" | "Y"
            | "yes"
            | "Yes"
            | "YES"
            | "n"
            | "N"
            | "no"
            | "No"
            | "NO"
            | "true"
            | "True"
            | "TRUE"
            | "false"
            | "False"
            | "FALSE"
            | "on"
            | "On"
            | "ON"
            | "off"
            | "Off"
            | "OFF"
            | ""
            | "~"
            | "null"
            | "Null"
            | "NULL"
    )
}

fn unsigned(text: &str) -> &str {
    text.strip_prefix(['+', '-']).unwrap_or(text)
}

/// Non-empty and every character passes `allowed`.
fn all(text: &str, allowed: impl Fn(char) -> bool) -> bool {
    !text.is_empty() && text.chars().all(allowed)
}

fn is_digit_or_underscore(c: char) -> bool {
    c.is_ascii_digit() || c == '_'
}

/// One base-60 digit group after a `:`: `[0-5]?[0-9]`.
fn is_sexagesimal_group(group: &str) -> bool {
    match group.as_bytes() {
        [d] => d.is_ascii_digit(),
        [high, low] => (b'0'..=b'5').contains(high) && low.is_ascii_digit(),
        _ => false,
    }
}

/// `[-+]?0b[01_]+`, `[-+]?0x[0-9a-fA-F_]+`, `[-+]?0[0-7_]*`, `[-+]?[1-9][0-9_]*`, and
/// base 60: `[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`.
fn is_int(text: &str) -> bool {
    let text = unsigned(text);
    if let Some(binary) = text.strip_prefix("0b") {
        return all(binary, |c| matches!(c, '0' | '1' | '_'));
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return all(hex, |c| c.is_ascii_hexdigit() || c == '_');
    }
    if let Some(octal) = text.strip_prefix('0') {
        return octal.chars().all(|c| matches!(c, '0'..='7' | '_'));
    }
    let mut groups = text.split(':');
    let head = groups.next().unwrap_or_default();
    head.starts_with(|c: char| c.is_ascii_digit())
        && all(head, is_digit_or_underscore)
        && groups.all(is_sexagesimal_group)
}

/// `[-+]?([0-9][0-9_]*)?\.[0-9._]*([eE][-+][0-9]+)?`, base 60 with a fraction
/// (`[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`), `[-+]?\.inf` and `\.nan` in their
/// three spellings (a sign before `.nan` is quoted too: it costs nothing).
fn is_float(text: &str) -> bool {
    let text = unsigned(text);
    if matches!(text, ".inf" | ".Inf" | ".INF" | ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let Some((whole, fraction)) = text.split_once('.') else { return false };
    if whole.contains(':') {
        let mut groups = whole.split(':');
        let head = groups.next().unwrap_or_default();
        return all(head, is_digit_or_underscore)
            && groups.all(is_sexagesimal_group)
            && fraction.chars().all(is_digit_or_underscore);
    }
    if !(whole.is_empty() || (whole.starts_with(|c: char| c.is_ascii_digit()) && all(whole, is_digit_or_underscore))) {
        return false;
    }
    let mantissa_end = fraction.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '_')).unwrap_or(fraction.len());
    match &fraction[mantissa_end..] {
        "" => true,
        exponent => exponent
            .strip_prefix(['e', 'E'])
            .and_then(|rest| rest.strip_prefix(['+', '-']))
            .is_some_and(|digits| all(digits, |c| c.is_ascii_digit())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_yaml_1_1_reads_as_something_else() {
        for text in [
            "y",
            "Y",
            "yes",
            "Yes",
            "YES",
            "n",
            "N",
            "no",
            "No",
            "NO",
            "on",
            "On",
            "ON",
            "off",
            "Off",
            "OFF",
            "true",
            "False",
            "~",
            "null",
            "NULL",
            "",
            "12:30",
            "1:20:30",
            "-1:20",
            "190:20:30.15",
            "1_000",
            "+1_000",
            "0b1010",
            "0x1F",
            "0x_1f",
            "017",
            "0",
            "-0",
            "+12",
            "1.5",
            "1.2.3",
            ".5",
            "1.",
            "6.8523015e+5",
            "1_000.5",
            ".inf",
            "-.INF",
            "+.Inf",
            ".nan",
            ".NaN",
            "<<",
            "=",
        ] {
            assert!(reads_as_non_text(text), "{text:?}");
        }
    }

    #[test]
    fn leaves_text_and_dates_alone() {
        for text in [
            "yes please",
            "Yess",
            "onn",
            "12:60",
            "12:300",
            "1:2:3x",
            "0:30",
            "09",
            "0o17",
            "1e3",
            "1.5x",
            "1.5e3",
            "x1",
            "502s",
            "5xx",
            "1,000",
            "2026-03-10",
            "2026-03-10T14:20:00Z",
            "10-15",
            "<<x",
            "==",
            "1..2 ok",
            "v1.2",
            "inf",
            "nan",
            "-",
            "+",
            "_1",
        ] {
            assert!(!reads_as_non_text(text), "{text:?}");
        }
    }
}
