//! Dates, timestamps and durations as records and the config write them, and the
//! [`Clock`] that fixes "today" for a whole run (`--today`), so that every rule that
//! depends on time is reproducible. Nothing below the command layer reads the system clock.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime};
use std::fmt;

/// "Now" for one run: the date every rule compares against and the moment commands stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Clock {
    /// The date rules compare against (`--today`, else the local date).
    pub(crate) today: NaiveDate,
    /// What commands write into `opened`, `stabilized_at`, `closed_at` when `--at` is absent.
    pub(crate) stamp: Timestamp,
}

impl Clock {
    /// A clock pinned to a date: rules use it and commands stamp the bare date.
    pub(crate) fn fixed(today: NaiveDate) -> Self {
        Clock { today, stamp: Timestamp::Date(today) }
    }

    /// A clock at a precise moment (the local time when `--today` is not given); stamps
    /// are written to the second.
    pub(crate) fn at(now: DateTime<FixedOffset>) -> Self {
        let second = chrono::Timelike::with_nanosecond(&now, 0).unwrap_or(now);
        Clock { today: now.date_naive(), stamp: Timestamp::DateTime(second) }
    }
}

/// A point in time as records hold it: a bare date or an RFC 3339 timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Timestamp {
    Date(NaiveDate),
    DateTime(DateTime<FixedOffset>),
}

impl Timestamp {
    /// Parses `YYYY-MM-DD` or RFC 3339 (`2025-06-03T14:20:00Z`, also with a space for `T`).
    pub(crate) fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Some(date) = parse_date(text) {
            return Some(Timestamp::Date(date));
        }
        if let Ok(moment) = DateTime::parse_from_rfc3339(text) {
            return Some(Timestamp::DateTime(moment));
        }
        None
    }

    /// Whether `text` is a date and time without a UTC offset (`2026-03-02T14:20:00`):
    /// not RFC 3339, and ambiguous across time zones, so it is refused with this hint.
    pub(crate) fn lacks_offset(text: &str) -> bool {
        let text = text.trim();
        ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S%.f"]
            .iter()
            .any(|format| NaiveDateTime::parse_from_str(text, format).is_ok())
    }

    /// The calendar date (in the timestamp's own offset).
    pub(crate) fn date(&self) -> NaiveDate {
        match self {
            Timestamp::Date(date) => *date,
            Timestamp::DateTime(moment) => moment.date_naive(),
        }
    }

    /// Whether `self` is strictly earlier than `other`. When either side is a bare
    /// date, only the dates are compared, so `2025-06-03` is not before `2025-06-03T09:00Z`.
    pub(crate) fn is_before(&self, other: &Timestamp) -> bool {
        match (self, other) {
            (Timestamp::DateTime(a), Timestamp::DateTime(b)) => a < b,
            _ => self.date() < other.date(),
        }
    }

    /// Time from `self` to `later`; whole days when either side is a bare date.
    pub(crate) fn until(&self, later: &Timestamp) -> Duration {
        match (self, later) {
            (Timestamp::DateTime(a), Timestamp::DateTime(b)) => *b - *a,
            _ => later.date() - self.date(),
        }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((text, len)) = self.written() {
            return f.write_str(std::str::from_utf8(&text[..len]).map_err(|_| fmt::Error)?);
        }
        match self {
            Timestamp::Date(date) => write!(f, "{date}"),
            Timestamp::DateTime(moment) => f.write_str(&moment.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)),
        }
    }
}

impl Timestamp {
    /// What [`fmt::Display`] writes, as bytes, for a date or a moment to the whole
    /// second in a four-digit year at an offset of whole minutes (every timestamp a
    /// record holds in practice: `2026-03-02`, `2026-03-02T14:20:00Z`, `…+02:00`). It is
    /// what chrono writes (`NaiveDate`'s Display, `to_rfc3339_opts(AutoSi, true)`),
    /// without a `String` or a formatter: a report writes one per incident and item.
    /// `None` for any other timestamp.
    fn written(&self) -> Option<([u8; 25], usize)> {
        use chrono::{Datelike, Timelike};
        let (date, time) = match self {
            Timestamp::Date(date) => (*date, None),
            Timestamp::DateTime(moment) => (moment.date_naive(), Some(moment)),
        };
        let year = u32::try_from(date.year()).ok().filter(|year| *year <= 9999)?;
        let mut out = Written { text: [0; 25], len: 0 };
        out.number(year, 4);
        for value in [date.month(), date.day()] {
            out.push(b'-');
            out.number(value, 2);
        }
        let Some(moment) = time else { return Some((out.text, out.len)) };
        let local = moment.naive_local();
        let offset = moment.offset().local_minus_utc();
        if local.nanosecond() != 0 || offset % 60 != 0 {
            return None;
        }
        for (separator, value) in [(b'T', local.hour()), (b':', local.minute()), (b':', local.second())] {
            out.push(separator);
            out.number(value, 2);
        }
        if offset == 0 {
            out.push(b'Z');
        } else {
            let minutes = offset.unsigned_abs() / 60;
            out.push(if offset < 0 { b'-' } else { b'+' });
            out.number(minutes / 60, 2);
            out.push(b':');
            out.number(minutes % 60, 2);
        }
        Some((out.text, out.len))
    }
}

/// The bytes of [`Timestamp::written`] as they are written.
struct Written {
    text: [u8; 25],
    len: usize,
}

impl Written {
    fn push(&mut self, byte: u8) {
        self.text[self.len] = byte;
        self.len += 1;
    }

    /// `value` in `width` decimal digits, zero-padded (and cut to its last `width`).
    fn number(&mut self, value: u32, width: u32) {
        for place in (0..width).rev() {
            // One decimal digit, 0–9.
            self.push(b'0' + (value / 10u32.pow(place) % 10) as u8);
        }
    }
}

/// Serialises as the text records hold (`2025-06-03` or RFC 3339), for JSON output.
impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.written() {
            Some((text, len)) => match std::str::from_utf8(&text[..len]) {
                Ok(text) => serializer.serialize_str(text),
                Err(_) => serializer.collect_str(self),
            },
            None => serializer.collect_str(self),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a date or RFC 3339 timestamp")))
    }
}

/// Parses a strict `YYYY-MM-DD` date.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    // Read by hand: chrono's format parser was a twentieth of reading a record, and it
    // also takes forms that are not `YYYY-MM-DD` (`02026-1-01`).
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(at, b)| if at == 4 || at == 7 { *b == b'-' } else { b.is_ascii_digit() });
    if !shape {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// Parses a span written as `Nd` (days) or `Nw` (weeks), e.g. `14d`, `2w`.
pub(crate) fn parse_days(text: &str) -> Option<i64> {
    let text = text.trim();
    let (number, per_unit) = match (text.strip_suffix('d'), text.strip_suffix('w')) {
        (Some(number), _) => (number, 1),
        (_, Some(number)) => (number, 7),
        _ => return None,
    };
    let count: i64 = number.parse().ok()?;
    if count < 0 {
        return None;
    }
    count.checked_mul(per_unit)
}

/// Formats a duration the way a status block reads it: `45m`, `3h 10m`, `2d 4h`.
pub(crate) fn format_duration(duration: Duration) -> String {
    let minutes = duration.num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60);
    match (days, hours, mins) {
        (0, 0, m) => format!("{m}m"),
        (0, h, 0) => format!("{h}h"),
        (0, h, m) => format!("{h}h {m}m"),
        (d, 0, _) => format!("{d}d"),
        (d, h, _) => format!("{d}d {h}h"),
    }
}

/// clap value parser for `--at`/`--opened`: a date or an RFC 3339 timestamp.
pub(crate) fn parse_at(text: &str) -> Result<Timestamp, String> {
    Timestamp::parse(text).ok_or_else(|| {
        if Timestamp::lacks_offset(text) {
            format!("`{text}` has no UTC offset: add one, like {}Z or {}+02:00", text.trim(), text.trim())
        } else {
            format!("`{text}` is not a time: write YYYY-MM-DD or RFC 3339 like 2026-03-02T14:20:00Z")
        }
    })
}

/// clap value parser for `YYYY-MM-DD` flags (`--today`, `report --since/--until`).
pub(crate) fn parse_day(text: &str) -> Result<chrono::NaiveDate, String> {
    parse_date(text).ok_or_else(|| format!("`{text}` is not a date: write YYYY-MM-DD"))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn a_timestamp_is_written_as_chrono_writes_rfc_3339(
            seconds in -70_000_000_000i64..260_000_000_000,
            nanos in proptest::prop_oneof![proptest::strategy::Just(0u32), 0u32..2_000_000_000],
            offset in proptest::prop_oneof![proptest::strategy::Just(0i32), -86_399i32..86_400, proptest::strategy::Strategy::prop_map(-1439i32..1440, |m| m * 60)],
        ) {
            let (Some(offset), Some(utc)) = (FixedOffset::east_opt(offset), DateTime::from_timestamp(seconds, nanos)) else {
                return Ok(());
            };
            let moment = utc.with_timezone(&offset);
            let written = moment.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
            proptest::prop_assert_eq!(Timestamp::DateTime(moment).to_string(), written.as_str());
            proptest::prop_assert_eq!(serde_json::to_string(&Timestamp::DateTime(moment)).ok(), Some(format!("{written:?}")));
            let date = moment.date_naive();
            proptest::prop_assert_eq!(Timestamp::Date(date).to_string(), date.to_string());
            proptest::prop_assert_eq!(serde_json::to_string(&Timestamp::Date(date)).ok(), Some(format!("\"{date}\"")));
        }
    }

    #[test]
    fn timestamps_are_written_as_records_hold_them() {
        for text in [
            "2025-06-03",
            "2025-06-03T14:20:00Z",
            "2025-06-03T14:20:00+02:00",
            "0001-01-01T00:00:00-09:30",
            "2025-06-03T14:20:00.250Z",
        ] {
            let written = Timestamp::parse(text).map(|at| at.to_string());
            assert_eq!(written.as_deref(), Some(text));
        }
    }

    #[test]
    fn a_date_is_exactly_yyyy_mm_dd() {
        assert_eq!(parse_date(" 2024-02-29 "), NaiveDate::from_ymd_opt(2024, 2, 29));
        assert_eq!(parse_date("0001-01-01"), NaiveDate::from_ymd_opt(1, 1, 1));
        for bad in [
            "2023-02-29",
            "02026-1-01",
            "2026-1-011",
            "+202-01-01",
            "2026/01/01",
            "2026-01-1a",
            "２０２６-01-01",
            "2026-00-10",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn parses_dates_and_timestamps() {
        assert!(matches!(Timestamp::parse("2025-06-03"), Some(Timestamp::Date(_))));
        assert!(matches!(Timestamp::parse("2025-06-03T14:20:00Z"), Some(Timestamp::DateTime(_))));
        assert!(matches!(Timestamp::parse("2025-06-03T14:20:00+02:00"), Some(Timestamp::DateTime(_))));
        for bad in ["", "2025-13-01", "2025-6-3", "yesterday", "2025-06-03T25:00:00Z", "2025-06-03T14:20:00"] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn tells_a_missing_offset_apart() {
        assert!(Timestamp::lacks_offset("2025-06-03T14:20:00"));
        assert!(Timestamp::lacks_offset("2025-06-03 14:20"));
        assert!(!Timestamp::lacks_offset("2025-06-03T14:20:00Z"));
        assert!(!Timestamp::lacks_offset("2025-06-03"));
    }

    #[test]
    fn bare_dates_compare_by_day() {
        let day = Timestamp::parse("2025-06-03").unwrap();
        let morning = Timestamp::parse("2025-06-03T09:00:00Z").unwrap();
        let evening = Timestamp::parse("2025-06-03T21:00:00Z").unwrap();
        assert!(!day.is_before(&morning));
        assert!(!morning.is_before(&day));
        assert!(morning.is_before(&evening));
        assert_eq!(morning.until(&evening).num_hours(), 12);
    }

    #[test]
    fn parses_day_spans() {
        assert_eq!(parse_days("14d"), Some(14));
        assert_eq!(parse_days("2w"), Some(14));
        assert_eq!(parse_days("0d"), Some(0));
        for bad in ["", "d", "14", "-1d", "1y", "1.5d", "é", "1é", "dé", "+d"] {
            assert_eq!(parse_days(bad), None, "{bad}");
        }
    }

    #[test]
    fn formats_durations() {
        assert_eq!(format_duration(Duration::minutes(45)), "45m");
        assert_eq!(format_duration(Duration::minutes(190)), "3h 10m");
        assert_eq!(format_duration(Duration::hours(52)), "2d 4h");
        assert_eq!(format_duration(Duration::days(3)), "3d");
    }
}
