//! The publication date of a report, read from its text when metadata has none.
//!
//! Looks, in this order of trust, for: a labelled line ("Published: Saturday 5 July
//! 2025", "First published ...", "Posted Fri 4 Jul 2025 at 10:02pm"; the earliest
//! wins), a bare date line near the top ("July 5, 2025"), a wire dateline
//! ("KYIV, July 5 (Reuters) -", whose year comes from another full date in the text),
//! and last an "Updated ..." line (an update is later than publication, so it is only
//! a fallback).
//!
//! Deliberately skips dates inside the story's sentences (those are events, not
//! publication), numeric slash dates and datelines whose year cannot be found.

use chrono::NaiveDate;

use crate::times::{explicit_dates, month_number, time_spans};

/// A wire-service dateline: "LEEDS, England, March 12 (AP) — ...".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// "KYIV", "LEEDS, England", "Düsseldorf".
    pub place: String,
    /// Month and day when the dateline has them ("WASHINGTON (AP) —" has none).
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// "Reuters", "AP", "dpa".
    pub agency: Option<String>,
    /// Byte offset in the line where the story text starts (after the dash).
    pub body_start: usize,
}

/// How far into a line a dateline's dash may be.
const MAX_DATELINE_PREFIX: usize = 90;

/// The dash ending a dateline: "—", "–", or a spaced "-"/"--". Returns its byte range.
fn dateline_dash(line: &str) -> Option<(usize, usize)> {
    for (i, c) in line.char_indices() {
        if i > MAX_DATELINE_PREFIX {
            break;
        }
        match c {
            '—' | '–' => return Some((i, i + c.len_utf8())),
            '-' if line[..i].ends_with(' ') || line[..i].ends_with(')') => {
                let end = if line[i + 1..].starts_with('-') {
                    i + 2
                } else {
                    i + 1
                };
                if line[end..].starts_with(' ') || end == line.len() {
                    return Some((i, end));
                }
            }
            _ => {}
        }
    }
    None
}

/// "July 4", "Nov. 20", "March 12".
fn month_day(part: &str) -> Option<(u32, u32)> {
    let mut words = part.split_whitespace();
    let month = month_number(words.next()?.trim_end_matches('.'))?;
    let day: u32 = words.next()?.parse().ok()?;
    if words.next().is_some() || !(1..=31).contains(&day) {
        return None;
    }
    Some((month, day))
}

/// A place name part: capitalised, a few words, letters only.
/// Words in one comma-separated part of a dateline's place: Spanish and
/// Portuguese names run long ("LAS PALMAS DE GRAN CANARIA", "SANTA CRUZ DE LA
/// SIERRA").
const MAX_DATELINE_PLACE_WORDS: usize = 6;

fn is_place_part(part: &str) -> bool {
    let words = part.split_whitespace().count();
    part.starts_with(|c: char| c.is_uppercase())
        && (1..=MAX_DATELINE_PLACE_WORDS).contains(&words)
        && part
            .chars()
            .all(|c| c.is_alphabetic() || " .-'’".contains(c))
}

/// Parses a wire dateline at the start of `line`: "KYIV, July 4 (Reuters) -",
/// "LEEDS, England, March 12 (AP) —", "WASHINGTON (AP) —", "Düsseldorf, Nov 20 (dpa) -".
/// Needs a dash, and an agency, a date or an all-capitals place.
pub(crate) fn parse_dateline(line: &str) -> Option<Dateline> {
    let (dash_start, dash_end) = dateline_dash(line)?;
    let mut prefix = line[..dash_start].trim();
    let mut agency = None;
    if let Some(inner) = prefix.strip_suffix(')') {
        let open = inner.rfind('(')?;
        let name = inner[open + 1..].trim();
        if name.is_empty() || name.len() > 30 || name.contains(|c: char| c.is_ascii_digit()) {
            return None;
        }
        agency = Some(name.to_string());
        prefix = inner[..open].trim();
    }
    let mut parts: Vec<&str> = prefix.split(',').map(str::trim).collect();
    let date = parts.last().and_then(|p| month_day(p));
    if date.is_some() {
        parts.pop();
    }
    if parts.is_empty() || parts.len() > 3 || !parts.iter().all(|p| is_place_part(p)) {
        return None;
    }
    let all_caps = parts[0].chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !parts[0].chars().any(|c| c.is_lowercase());
    if agency.is_none() && date.is_none() && !all_caps {
        return None;
    }
    let rest = &line[dash_end..];
    let body_start = dash_end + (rest.len() - rest.trim_start().len());
    Some(Dateline {
        place: parts.join(", "),
        month: date.map(|d| d.0),
        day: date.map(|d| d.1),
        agency,
        body_start,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Published,
    Updated,
}

/// A line that starts with a publication label, and which one.
fn label_of(line: &str) -> Option<Label> {
    let lower = line.trim_start().to_lowercase();
    const PUBLISHED: &[&str] = &[
        "first published",
        "originally published",
        "date published",
        "published",
        "posted",
    ];
    const UPDATED: &[&str] = &["last updated", "updated", "last modified", "modified"];
    if PUBLISHED.iter().any(|l| lower.starts_with(l)) {
        Some(Label::Published)
    } else if UPDATED.iter().any(|l| lower.starts_with(l)) {
        Some(Label::Updated)
    } else {
        None
    }
}

/// Lines near the top where a bare date line or a dateline may stand.
const TOP_LINES: usize = 20;

/// Whether the line is little more than a date (and maybe a weekday or clock time).
fn is_bare_date_line(line: &str, date_start: usize, date_end: usize) -> bool {
    let mut covered = vec![(date_start, date_end)];
    covered.extend(time_spans(line, 0, line.len()));
    let leftover_words = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .filter(|w| {
            let offset = w.as_ptr() as usize - line.as_ptr() as usize;
            !covered.iter().any(|&(s, e)| offset >= s && offset < e)
        })
        .count();
    leftover_words <= 2 && line.trim().len() <= 80
}

/// The publication date written in the report's text, if any.
pub(crate) fn find_publication_date(text: &str, dateline_year: Option<i32>) -> Option<NaiveDate> {
    let mut published: Option<NaiveDate> = None;
    let mut updated: Option<NaiveDate> = None;
    let mut bare: Option<NaiveDate> = None;
    let mut dateline: Option<Dateline> = None;
    let mut top = 0;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        top += 1;
        if trimmed.len() <= 160 {
            if let Some(label) = label_of(trimmed) {
                if let Some(&(date, _, _)) = explicit_dates(trimmed, 0, trimmed.len()).first() {
                    let slot = match label {
                        Label::Published => &mut published,
                        Label::Updated => &mut updated,
                    };
                    // Prefer the earliest: a later one is a correction or update.
                    *slot = Some(slot.map_or(date, |d| d.min(date)));
                    continue;
                }
            }
        }
        if top > TOP_LINES {
            continue;
        }
        if bare.is_none() {
            if let Some(&(date, s, e)) = explicit_dates(trimmed, 0, trimmed.len()).first() {
                if is_bare_date_line(trimmed, s, e) {
                    bare = Some(date);
                    continue;
                }
            }
        }
        if dateline.is_none() {
            dateline = parse_dateline(trimmed).filter(|d| d.month.is_some());
        }
    }
    published
        .or(bare)
        .or_else(|| dateline.and_then(|d| dateline_date(&d, text, dateline_year)))
        .or(updated)
}

/// A dateline's date, its year taken from the first full date elsewhere in the
/// text, else from `dateline_year`.
fn dateline_date(dateline: &Dateline, text: &str, dateline_year: Option<i32>) -> Option<NaiveDate> {
    let (month, day) = (dateline.month?, dateline.day?);
    use chrono::Datelike;
    let year = explicit_dates(text, 0, text.len())
        .first()
        .map(|&(other, _, _)| other.year())
        .or(dateline_year)?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The month and day of a dateline that no full date in the text gives a year.
pub(crate) fn yearless_dateline(text: &str) -> Option<(u32, u32)> {
    let dateline = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .take(TOP_LINES)
        .find_map(|line| parse_dateline(line).filter(|d| d.month.is_some()))?;
    if !explicit_dates(text, 0, text.len()).is_empty() {
        return None;
    }
    Some((dateline.month?, dateline.day?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn labelled_lines() {
        let cases = [
            (
                "Published: Saturday 5 July 2025\n\nKyiv was hit.",
                date(2025, 7, 5),
            ),
            (
                "Updated 5 Jul 2025, 09:14 BST\nKyiv was hit.",
                date(2025, 7, 5),
            ),
            (
                "Posted Fri 4 Jul 2025 at 10:02pm\nKyiv was hit.",
                date(2025, 7, 4),
            ),
            (
                "First published on July 3, 2025\nKyiv was hit.",
                date(2025, 7, 3),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(find_publication_date(text, None), expected, "{text}");
        }
    }

    #[test]
    fn published_wins_over_a_later_update() {
        let text = "Updated 6 July 2025, 08:00 BST\nPublished 5 July 2025, 21:14 BST\n\n\
                    The talks lasted an hour.";
        assert_eq!(find_publication_date(text, None), date(2025, 7, 5));
    }

    #[test]
    fn bare_date_line_near_the_top() {
        let text =
            "Zelenskyy asks for Patriots\nBy Jane Doe\nJuly 5, 2025\n\nThe call lasted an hour.";
        assert_eq!(find_publication_date(text, None), date(2025, 7, 5));
        let text = "5 July 2025 — 10:02am\nThe call lasted an hour.";
        assert_eq!(find_publication_date(text, None), date(2025, 7, 5));
        // A date inside a sentence is an event, not the publication date.
        let text = "The ceasefire signed on 4 July 2025 broke down within days of its signing.";
        assert_eq!(find_publication_date(text, None), None);
    }

    #[test]
    fn dates_in_figures_are_read_day_first_unless_only_month_first_is_a_date() {
        let text = "SLICK OF SHAME\n03/03/2027, 06:30\n\nTwo ships collided.";
        assert_eq!(find_publication_date(text, None), date(2027, 3, 3));
        let text = "Published 28.01.2027, 19:10 CET\n\nAn avalanche came down.";
        assert_eq!(find_publication_date(text, None), date(2027, 1, 28));
        let text = "Updated: 04/11/2026\n\nThe plant will close.";
        assert_eq!(find_publication_date(text, None), date(2026, 11, 4));
        let text = "08/15/2027\n\nThe festival was cancelled.";
        assert_eq!(find_publication_date(text, None), date(2027, 8, 15));
        // A US time zone says month first.
        let text = "03/02/2027 10:15 AM EST\n\nTwo ships collided.";
        assert_eq!(find_publication_date(text, None), date(2027, 3, 2));
    }

    #[test]
    fn dateline_takes_its_year_from_another_full_date() {
        let text = "KYIV, July 5 (Reuters) - Russia launched 550 drones.\n\
                    The previous record was set on 29 June 2025.";
        assert_eq!(find_publication_date(text, None), date(2025, 7, 5));
        let text = "KYIV, July 5 (Reuters) - Russia launched 550 drones.";
        assert_eq!(find_publication_date(text, None), None);
    }

    #[test]
    fn no_date_at_all() {
        assert_eq!(find_publication_date("", None), None);
        assert_eq!(
            find_publication_date("Mr Trump spoke on Friday.", None),
            None
        );
    }

    #[test]
    fn datelines() {
        let line = "KYIV, July 4 (Reuters) - Russia launched its largest attack.";
        let d = parse_dateline(line).unwrap();
        assert_eq!(
            d,
            Dateline {
                place: "KYIV".into(),
                month: Some(7),
                day: Some(4),
                agency: Some("Reuters".into()),
                body_start: line.find("Russia").unwrap(),
            }
        );
        let line = "LEEDS, England, March 12 (AP) — Firefighters worked through the night.";
        let d = parse_dateline(line).unwrap();
        assert_eq!(d.place, "LEEDS, England");
        assert_eq!((d.month, d.day), (Some(3), Some(12)));
        assert_eq!(d.agency.as_deref(), Some("AP"));
        assert_eq!(&line[d.body_start..d.body_start + 12], "Firefighters");

        let line = "LAS PALMAS DE GRAN CANARIA, Spain, Sept 16 (Reuters) - Inspectors boarded.";
        let d = parse_dateline(line).unwrap();
        assert_eq!(d.place, "LAS PALMAS DE GRAN CANARIA, Spain");
        assert_eq!((d.month, d.day), (Some(9), Some(16)));

        let line = "WASHINGTON (AP) — The president said...";
        let d = parse_dateline(line).unwrap();
        assert_eq!(
            (d.place.as_str(), d.month, d.day),
            ("WASHINGTON", None, None)
        );
        assert_eq!(&line[d.body_start..], "The president said...");

        let line = "Düsseldorf, Nov 20 (dpa) - Die Polizei meldet 12 Verletzte.";
        let d = parse_dateline(line).unwrap();
        assert_eq!(d.place, "Düsseldorf");
        assert_eq!(
            (d.month, d.day, d.agency.as_deref()),
            (Some(11), Some(20), Some("dpa"))
        );
        assert_eq!(&line[d.body_start..d.body_start + 3], "Die");
    }

    #[test]
    fn not_datelines() {
        for line in [
            "Mr Trump said - and repeated - that he was unhappy.",
            "Kyiv - the capital - was hit.",
            "The 40-minute call went well.",
            "",
            "—",
        ] {
            assert_eq!(parse_dateline(line), None, "{line}");
        }
    }

    #[test]
    fn no_panics_on_any_char_boundary_substring() {
        let messy = [
            "Düsseldorf, Nov 20 (dpa) — Published: Sat 5 Jul 2025 — ’s",
            "Updated 31 Feb 2025\nKYIV, July 4 (Reuters) -–— (\n)-",
            "(—) , , July 99 (A) - 2025-07-04\nPosted Fri 4 Jul 2025 at 10:02pm",
        ];
        for text in messy {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &s in &bounds {
                for &e in &bounds[bounds.iter().position(|&b| b == s).unwrap()..] {
                    let part = &text[s..e];
                    find_publication_date(part, None);
                    if let Some(d) = parse_dateline(part) {
                        assert!(part.is_char_boundary(d.body_start) && d.body_start <= part.len());
                    }
                }
            }
        }
    }
}
