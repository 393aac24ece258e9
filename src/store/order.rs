//! The order records are shown in: ids compared the way people read them, so `INC-2`
//! comes before `INC-10` and `INC-9-R2` before `INC-9-R10`.

use std::cmp::Ordering;

/// Compares two ids chunk by chunk: runs of digits by value, everything else as text.
pub(crate) fn compare_ids(a: &str, b: &str) -> Ordering {
    let (mut left, mut right) = (chunks(a), chunks(b));
    loop {
        match (left.next(), right.next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let order = match (x.parse::<u128>(), y.parse::<u128>()) {
                    (Ok(m), Ok(n)) => m.cmp(&n),
                    _ => x.cmp(y),
                };
                if order != Ordering::Equal {
                    return order;
                }
            }
        }
    }
}

/// Splits text into alternating runs of ASCII digits and of other characters.
fn chunks(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let digits = first.is_ascii_digit();
        let end = rest.find(|c: char| c.is_ascii_digit() != digits).unwrap_or(rest.len());
        let (chunk, tail) = rest.split_at(end);
        rest = tail;
        Some(chunk)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_by_value() {
        let mut ids = vec!["INC-10", "INC-9-R10", "INC-2", "INC-9-R2", "INC-9", "A-1", "INC-10-R1"];
        ids.sort_by(|a, b| compare_ids(a, b));
        assert_eq!(ids, ["A-1", "INC-2", "INC-9", "INC-9-R2", "INC-9-R10", "INC-10", "INC-10-R1"]);
        assert_eq!(compare_ids("INC-01", "INC-1"), "INC-01".cmp("INC-1"));
        assert_eq!(compare_ids("", "x"), Ordering::Less);
    }
}
