//! `--due`: a date, a span from today (`10d`, `2w`), or the end of the current or next
//! sprint when a cadence is configured; and the severity's due-window policy, counted
//! from stabilization (from today while the incident is not stabilized yet).

use crate::clock::{parse_date, parse_days};
use crate::config::{Config, Sprint};
use crate::error::{Error, Result, UsageError};
use chrono::{Duration, NaiveDate};

/// The date `text` stands for.
pub(crate) fn resolve(text: &str, today: NaiveDate, sprint: Option<Sprint>) -> Result<NaiveDate> {
    let written = text.trim();
    // `this sprint`, `This_Sprint` and `this-sprint` are one word.
    let word: String = written
        .to_ascii_lowercase()
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let ahead = match word.as_str() {
        "this-sprint" => Some(0),
        "next-sprint" => Some(1),
        _ => None,
    };
    if let Some(ahead) = ahead {
        // A bad argument like any other (exit 2): it says what to configure or write.
        let sprint = sprint.ok_or_else(|| UsageError::DueNeedsSprint { written: written.to_string() })?;
        return sprint_end(sprint, today, ahead).filter(writable).ok_or_else(|| too_far(written));
    }
    if let Some(date) = parse_date(written) {
        return Ok(date);
    }
    if let Some(days) = parse_days(written) {
        return Duration::try_days(days)
            .and_then(|span| today.checked_add_signed(span))
            .filter(writable)
            .ok_or_else(|| too_far(written));
    }
    if let Some(span) = written.strip_prefix('-').filter(|span| parse_days(span).is_some()) {
        return Err(UsageError::DueInPast { written: written.to_string(), span: span.to_string() }.into());
    }
    Err(UsageError::NotADue { written: written.to_string() }.into())
}

fn too_far(written: &str) -> Error {
    UsageError::DueTooFar { written: written.to_string() }.into()
}

/// Whether a date can be written as `YYYY-MM-DD` (and so read back by `check`).
fn writable(date: &NaiveDate) -> bool {
    use chrono::Datelike;
    (0..=9999).contains(&date.year())
}

/// The last day of the sprint containing `today` (`ahead` = 0) or of a later one.
pub(crate) fn sprint_end(sprint: Sprint, today: NaiveDate, ahead: i64) -> Option<NaiveDate> {
    let index = (today - sprint.start).num_days().div_euclid(sprint.length_days);
    let days = index.checked_add(1 + ahead)?.checked_mul(sprint.length_days)?.checked_sub(1)?;
    sprint.start.checked_add_signed(Duration::try_days(days)?)
}

/// A due date later than the severity's policy allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Beyond {
    pub(crate) severity: String,
    pub(crate) days: i64,
    /// The date the window is counted from, and whether it is the stabilization date.
    pub(crate) from: NaiveDate,
    pub(crate) from_stabilization: bool,
    pub(crate) latest: NaiveDate,
}

impl Beyond {
    /// The warning for `due`: which policy it breaks, counted from when, and what to do.
    pub(crate) fn warning(&self, due: NaiveDate) -> String {
        let from = if self.from_stabilization { "stabilization" } else { "today (not stabilized yet)" };
        format!(
            "due {due} is beyond the {} policy of {} days from {from} ({}), so by {}: pick an earlier date, or say in the item's body why it needs longer",
            self.severity, self.days, self.from, self.latest
        )
    }
}

/// `Some` when `due` is later than `severity`'s policy allows, counted from
/// `stabilized` (or `today` when the incident is not stabilized).
pub(crate) fn beyond_policy(
    config: &Config,
    severity: &str,
    stabilized: Option<NaiveDate>,
    today: NaiveDate,
    due: NaiveDate,
) -> Option<Beyond> {
    let days = config.due_limit(severity)?;
    let from = stabilized.unwrap_or(today);
    let latest = from.checked_add_signed(Duration::try_days(days)?)?;
    (due > latest).then(|| Beyond {
        severity: severity.to_string(),
        days,
        from,
        from_stabilization: stabilized.is_some(),
        latest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    #[test]
    fn resolves_dates_spans_and_sprints() {
        let today = day("2026-03-10");
        let sprint = Some(Sprint { start: day("2026-01-05"), length_days: 14 });
        let cases = [
            ("2026-04-01", "2026-04-01"),
            ("10d", "2026-03-20"),
            ("2w", "2026-03-24"),
            ("0d", "2026-03-10"),
            // Sprints: Jan 5–18, …, Mar 2–15, Mar 16–29.
            ("this-sprint", "2026-03-15"),
            ("next-sprint", "2026-03-29"),
            (" Next-Sprint ", "2026-03-29"),
            ("this sprint", "2026-03-15"),
        ];
        for (text, expected) in cases {
            assert_eq!(resolve(text, today, sprint).unwrap(), day(expected), "{text}");
        }
        assert_eq!(
            resolve("this-sprint", day("2025-12-31"), sprint).unwrap(),
            day("2026-01-04"),
            "before the first sprint"
        );
        for past_9999 in ["1d", "next-sprint", "1w"] {
            assert!(resolve(past_9999, day("9999-12-31"), sprint).is_err(), "{past_9999}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_due_date() {
        let today = day("2026-03-10");
        for no_sprint in ["this-sprint", "this sprint", "Next Sprint", "next_sprint"] {
            assert!(
                matches!(resolve(no_sprint, today, None), Err(Error::Usage(UsageError::DueNeedsSprint { .. }))),
                "{no_sprint}"
            );
        }
        assert!(matches!(resolve("-5d", today, None), Err(Error::Usage(UsageError::DueInPast { .. }))));
        for bad in ["soon", "", "2026-13-01", "-3d", "1y", "99999999999999d"] {
            assert!(matches!(resolve(bad, today, None), Err(Error::Usage(_))), "{bad}");
        }
    }

    #[test]
    fn compares_with_the_policy_from_stabilization_or_today() {
        let config = Config::default();
        let today = day("2026-03-10");
        assert_eq!(beyond_policy(&config, "SEV1", Some(day("2026-03-01")), today, day("2026-03-15")), None);
        let beyond = beyond_policy(&config, "SEV1", Some(day("2026-03-01")), today, day("2026-03-16")).unwrap();
        assert_eq!((beyond.latest, beyond.from_stabilization), (day("2026-03-15"), true));
        assert_eq!(
            beyond.warning(day("2026-03-16")),
            "due 2026-03-16 is beyond the SEV1 policy of 14 days from stabilization (2026-03-01), so by 2026-03-15: pick an earlier date, or say in the item's body why it needs longer"
        );
        let from_today = beyond_policy(&config, "SEV1", None, today, day("2026-03-25")).unwrap();
        assert_eq!((from_today.from, from_today.latest), (today, day("2026-03-24")));
        assert_eq!(beyond_policy(&config, "P9", None, today, day("2099-01-01")), None);
    }
}
