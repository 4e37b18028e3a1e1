//! Publication dates as metadata writes them: `2025-07-05`, `2025-07-05T08:30:00+01:00`,
//! `2025-07-05 08:30`, RFC 2822 (`Sat, 05 Jul 2025 08:30:00 +0100`).

use chrono::{DateTime, NaiveDate};

/// The calendar date of a metadata timestamp, as the outlet wrote it (no time-zone
/// shift: the date printed on the page is the one its text's "Friday" refers to).
pub fn parse_published(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if let Ok(date) = DateTime::parse_from_rfc3339(value) {
        return Some(date.date_naive());
    }
    if let Ok(date) = DateTime::parse_from_rfc2822(value) {
        return Some(date.date_naive());
    }
    // `2025-07-05`, optionally followed by a time in any notation.
    let day = value.get(..10)?;
    let rest = &value[10..];
    if !(rest.is_empty() || rest.starts_with(['T', ' '])) {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn reads_the_usual_notations() {
        assert_eq!(parse_published("2025-07-05"), date(2025, 7, 5));
        // Late evening in New York is already the next day in UTC: keep the outlet's date.
        assert_eq!(
            parse_published("2025-07-04T23:30:00-04:00"),
            date(2025, 7, 4)
        );
        assert_eq!(parse_published("2025-07-05T06:10:00Z"), date(2025, 7, 5));
        assert_eq!(parse_published("2025-07-05 08:30"), date(2025, 7, 5));
        assert_eq!(
            parse_published("Sat, 05 Jul 2025 08:30:00 +0100"),
            date(2025, 7, 5)
        );
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for value in [
            "",
            "yesterday",
            "2025-13-01",
            "2025-07-05x",
            "05/07/2025",
            "Ünïcode!!!!!",
        ] {
            assert_eq!(parse_published(value), None, "{value:?}");
        }
    }
}
