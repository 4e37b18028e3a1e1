//! Time expressions in report text, resolved against the publication date.
//!
//! Finds: weekdays ("on Friday", "Friday night", "last Friday", "Thursday's call"),
//! calendar dates ("4 July", "July 4, 2025", "Jan. 5", "Sat 5 Jul 2025", "2025-07-04"),
//! relative days ("today", "yesterday", "tonight", "this morning", "last night",
//! "two days ago"), months ("in March", "March 2026", "last month", "earlier this
//! month") and clock times ("3 a.m.", "10.40pm", "10:40 p.m.", "09:14 BST", "1130 GMT", "noon").
//!
//! Parts of the day ("Wednesday morning", "last night", "in the evening",
//! "overnight") also give a [`TimeValue::PartOfDay`].
//!
//! Deliberately skips vague expressions that name no day ("hours after", "the day
//! before", "recently", "last week", "last year"), numeric slash dates
//! ("05/07/2025", whose day/month order depends on the outlet's country) and years
//! on their own (those are quantities with [`Dimension::Year`](crate::Dimension)).
//!
//! The module also owns the small tokenizer that `quantities` and `pubdate` share, so
//! that all three agree on where a date is and which digits belong to it.

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::model::{DayPart, TimeExpr, TimeValue};

// ---------------------------------------------------------------------------
// Tokenizer

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// A run of letters.
    Word,
    /// Digits, with `,` or `.` inside when a digit follows ("1,200", "3.5", "10.40").
    Number,
    /// Any other single character ("%", "€", "-", "—", "'").
    Punct,
}

/// A token with absolute byte offsets into the report text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub kind: TokenKind,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// White space (or the start of the range) comes right before this token.
    pub space_before: bool,
}

impl Token<'_> {
    pub fn is_word(&self, lower: &str) -> bool {
        self.kind == TokenKind::Word && self.text.eq_ignore_ascii_case(lower)
    }

    pub fn is_punct(&self, chars: &str) -> bool {
        self.kind == TokenKind::Punct && chars.contains(self.text)
    }

    pub fn is_capitalised(&self) -> bool {
        self.kind == TokenKind::Word && self.text.starts_with(|c: char| c.is_uppercase())
    }

    /// The value of a plain integer token ("1,200" counts; "3.5" does not).
    pub fn integer(&self) -> Option<u32> {
        if self.kind != TokenKind::Number || self.text.contains('.') {
            return None;
        }
        self.text.replace(',', "").parse().ok()
    }
}

/// Clamps `start..end` into `text` and onto char boundaries, so no caller can make
/// the tokenizer panic with a stray offset.
pub(crate) fn clamp_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut end = end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    (start, end.max(start))
}

/// Splits `text[start..end]` into words, numbers and single punctuation characters.
pub(crate) fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token<'_>> {
    let (start, end) = clamp_span(text, start, end);
    let slice = &text[start..end];
    let bytes = slice.as_bytes();
    let mut tokens = Vec::new();
    let mut space_before = true;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            space_before = true;
            continue;
        }
        let mut j = i + c.len_utf8();
        let kind = if c.is_ascii_digit() {
            while let Some(&(k, d)) = chars.peek() {
                let joins =
                    (d == ',' || d == '.') && bytes.get(k + 1).is_some_and(|b| b.is_ascii_digit());
                if d.is_ascii_digit() || joins {
                    j = k + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else if c.is_alphabetic() {
            while let Some(&(k, d)) = chars.peek() {
                if d.is_alphabetic() {
                    j = k + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        tokens.push(Token {
            kind,
            text: &slice[i..j],
            start: start + i,
            end: start + j,
            space_before,
        });
        space_before = false;
    }
    tokens
}

// ---------------------------------------------------------------------------
// Word tables

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of month `month` (1 to 12).
pub(crate) fn month_name(month: u32) -> Option<&'static str> {
    MONTHS.get(month.checked_sub(1)? as usize).copied()
}

/// A month name. Full names must be capitalised ("march" and "may" are words);
/// abbreviations ("Jan", "Sept") are accepted only where a day number follows.
fn month_of(token: &Token, allow_abbrev: bool) -> Option<u32> {
    if !token.is_capitalised() {
        return None;
    }
    if let Some(i) = MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(token.text))
    {
        return Some(i as u32 + 1);
    }
    if !allow_abbrev {
        return None;
    }
    let lower = token.text.to_ascii_lowercase();
    let month = match lower.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(month)
}

/// A weekday name and whether it was written in full ("Friday") rather than
/// abbreviated ("Fri", only trusted in front of a date: "Sun" is also a newspaper).
fn weekday_of(token: &Token) -> Option<(Weekday, bool)> {
    if !token.is_capitalised() {
        return None;
    }
    let lower = token.text.to_ascii_lowercase();
    let (weekday, full) = match lower.as_str() {
        "monday" => (Weekday::Mon, true),
        "tuesday" => (Weekday::Tue, true),
        "wednesday" => (Weekday::Wed, true),
        "thursday" => (Weekday::Thu, true),
        "friday" => (Weekday::Fri, true),
        "saturday" => (Weekday::Sat, true),
        "sunday" => (Weekday::Sun, true),
        "mon" => (Weekday::Mon, false),
        "tue" | "tues" => (Weekday::Tue, false),
        "wed" => (Weekday::Wed, false),
        "thu" | "thur" | "thurs" => (Weekday::Thu, false),
        "fri" => (Weekday::Fri, false),
        "sat" => (Weekday::Sat, false),
        "sun" => (Weekday::Sun, false),
        _ => return None,
    };
    Some((weekday, full))
}

fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// Small number words for "two days ago"; larger counts are written in digits.
fn small_number_word(word: &str) -> Option<i64> {
    let n = match word.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => return None,
    };
    Some(n)
}

const TIME_ZONES: &[&str] = &[
    "BST", "GMT", "UTC", "CET", "CEST", "EET", "EEST", "MSK", "EST", "EDT", "ET", "CST", "CDT",
    "PST", "PDT", "PT", "IST", "JST", "AEST", "AEDT", "AWST",
];

// ---------------------------------------------------------------------------
// Raw matches

/// Direction words in front of a weekday or month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// Bare: the most recent one (or the next one when the caller prefers the future).
    Default,
    /// "last Friday": strictly before publication.
    Last,
    /// "next Friday", "this coming Friday".
    Next,
}

/// A time expression as written, before resolution.
#[derive(Debug, Clone, PartialEq)]
enum Raw {
    Date {
        year: Option<i32>,
        month: u32,
        day: u32,
        weekday_named: bool,
    },
    Weekday(Weekday, Direction),
    /// Days relative to publication.
    RelativeDay(i64),
    Month {
        year: Option<i32>,
        month: u32,
        direction: Direction,
    },
    /// Months relative to publication ("last month" = -1).
    RelativeMonth(i32),
    /// A month of a year relative to publication ("April last year" = April, -1).
    MonthOfRelativeYear {
        month: u32,
        years: i32,
    },
    Clock(u32),
    /// "in the morning", "at night", "overnight": a part of an unnamed day.
    PartOfDay(DayPart),
    /// A time expression that names no resolvable value ("five years ago"): only
    /// reported as a span so that its digits are not read as a quantity.
    Vague,
}

struct Match {
    raw: Raw,
    /// Token range, end exclusive.
    first: usize,
    last: usize,
}

/// A day number: 1..=31, at most two digits, with an optional ordinal suffix.
/// Returns the day and the index after it.
fn day_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let token = tokens.get(i)?;
    if token.kind != TokenKind::Number || token.text.len() > 2 {
        return None;
    }
    let day = token.integer().filter(|d| (1..=31).contains(d))?;
    let mut next = i + 1;
    if let Some(suffix) = tokens.get(next) {
        if !suffix.space_before && ["st", "nd", "rd", "th"].iter().any(|s| suffix.is_word(s)) {
            next += 1;
        }
    }
    Some((day, next))
}

fn year_at(tokens: &[Token], i: usize) -> Option<i32> {
    let token = tokens.get(i)?;
    if token.kind != TokenKind::Number || token.text.len() != 4 {
        return None;
    }
    let year = token.integer()? as i32;
    (1900..=2100).contains(&year).then_some(year)
}

/// A month token, with an optional abbreviation dot ("Jan."). Returns month and next index.
fn month_at(tokens: &[Token], i: usize, allow_abbrev: bool) -> Option<(u32, usize)> {
    let token = tokens.get(i)?;
    let month = month_of(token, allow_abbrev)?;
    let mut next = i + 1;
    // Only abbreviations take a dot ("Jan."); after "July" it ends the sentence.
    let abbreviated = !MONTHS.iter().any(|m| m.eq_ignore_ascii_case(token.text));
    if abbreviated
        && tokens
            .get(next)
            .is_some_and(|t| t.is_punct(".") && !t.space_before)
    {
        next += 1;
    }
    Some((month, next))
}

/// `[, ]YYYY` after a date; returns the year and the index after it.
fn optional_year(tokens: &[Token], i: usize) -> (Option<i32>, usize) {
    if let Some(year) = year_at(tokens, i) {
        return (Some(year), i + 1);
    }
    if tokens.get(i).is_some_and(|t| t.is_punct(",")) {
        if let Some(year) = year_at(tokens, i + 1) {
            return (Some(year), i + 2);
        }
    }
    (None, i)
}

/// "2025-07-04".
fn match_iso(tokens: &[Token], i: usize) -> Option<Match> {
    let year = year_at(tokens, i)?;
    let dash = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_punct("-") && !t.space_before)
    };
    let two = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.text.len() == 2 && !t.space_before)
            .and_then(|t| t.integer())
    };
    if !dash(i + 1) || !dash(i + 3) {
        return None;
    }
    let (month, day) = (two(i + 2)?, two(i + 4)?);
    Some(date_in_figures(year, month, day, i, i + 5))
}

/// A full date written in figures, no weekday named, over tokens `first..last`.
fn date_in_figures(year: i32, month: u32, day: u32, first: usize, last: usize) -> Match {
    Match {
        raw: Raw::Date {
            year: Some(year),
            month,
            day,
            weekday_named: false,
        },
        first,
        last,
    }
}

/// A date in figures with a four-digit year: "15.08.2027", "03/03/2027". Read
/// day first, as British and European pages write it, unless only the other
/// reading is a date ("08/15/2027") or a US time zone follows ("03/02/2027 10:15
/// AM EST"). Two figures that could each be the month under either reading, with
/// nothing to tell, are still read day first.
fn match_numeric_date(tokens: &[Token], i: usize) -> Option<Match> {
    let token = tokens.get(i)?;
    if token.kind != TokenKind::Number {
        return None;
    }
    let small = |text: &str| {
        (text.len() <= 2 && !text.is_empty())
            .then(|| text.parse::<u32>().ok())
            .flatten()
    };
    // "15.08.2027" is one token: the tokenizer joins dots between digits.
    let dotted: Vec<&str> = token.text.split('.').collect();
    let (first, second, year, last) = if let [a, b, y] = dotted[..] {
        (small(a)?, small(b)?, y, i + 1)
    } else {
        let slash = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|t| t.is_punct("/") && !t.space_before)
        };
        if !slash(i + 1) || !slash(i + 3) {
            return None;
        }
        let second = tokens.get(i + 2).filter(|t| !t.space_before)?;
        let year = tokens.get(i + 4).filter(|t| !t.space_before)?;
        (small(token.text)?, small(second.text)?, year.text, i + 5)
    };
    let year: i32 = (year.len() == 4).then(|| year.parse().ok()).flatten()?;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    const US_ZONES: &[&str] = &["est", "edt", "et", "cst", "cdt", "ct", "pst", "pdt", "pt"];
    let us_zone_follows = tokens[last.min(tokens.len())..]
        .iter()
        .take(5)
        .any(|t| US_ZONES.iter().any(|z| t.is_word(z)));
    let day_first = NaiveDate::from_ymd_opt(year, second, first).is_some();
    let month_first = NaiveDate::from_ymd_opt(year, first, second).is_some();
    let (month, day) = match (day_first, month_first) {
        (true, true) if us_zone_follows => (first, second),
        (true, _) => (second, first),
        (false, true) => (first, second),
        (false, false) => return None,
    };
    Some(date_in_figures(year, month, day, i, last))
}

/// "[Sat[,]] 5 [of] July [2025]" and "[Friday[,]] July 4[th][, 2025]" / "Jan. 5".
fn match_calendar_date(tokens: &[Token], i: usize) -> Option<Match> {
    let mut k = i;
    let mut weekday_named = false;
    if let Some((_, _)) = tokens.get(k).and_then(weekday_of) {
        weekday_named = true;
        k += 1;
        if tokens.get(k).is_some_and(|t| t.is_punct(",")) {
            k += 1;
        }
    }
    // Day first: "5 July", "5th of July".
    if let Some((day, mut m)) = day_at(tokens, k) {
        if tokens.get(m).is_some_and(|t| t.is_word("of")) {
            m += 1;
        }
        if let Some((month, after_month)) = month_at(tokens, m, true) {
            let (year, last) = optional_year(tokens, after_month);
            return Some(Match {
                raw: Raw::Date {
                    year,
                    month,
                    day,
                    weekday_named,
                },
                first: i,
                last,
            });
        }
    }
    // Month first: "July 4", "Jan. 5, 2025".
    let (month, after_month) = month_at(tokens, k, true)?;
    let (day, after_day) = day_at(tokens, after_month)?;
    // "March 2026" has a 4-digit number: not a day, handled as a month.
    let (year, last) = optional_year(tokens, after_day);
    Some(Match {
        raw: Raw::Date {
            year,
            month,
            day,
            weekday_named,
        },
        first: i,
        last,
    })
}

fn am_pm_at(tokens: &[Token], i: usize) -> Option<(bool, usize)> {
    let token = tokens.get(i)?;
    if token.kind != TokenKind::Word {
        return None;
    }
    let lower = token.text.to_ascii_lowercase();
    match lower.as_str() {
        "am" | "pm" => return Some((lower == "pm", i + 1)),
        "a" | "p" => {}
        _ => return None,
    }
    // "a.m." / "p.m" written with dots.
    let dot = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_punct(".") && !t.space_before)
    };
    if dot(i + 1)
        && tokens
            .get(i + 2)
            .is_some_and(|t| t.is_word("m") && !t.space_before)
    {
        let end = if dot(i + 3) { i + 4 } else { i + 3 };
        return Some((lower == "p", end));
    }
    None
}

/// "3 a.m.", "10.40pm", "10:40 p.m.", "09:14 BST", "1130 GMT", "14:30", "3 o'clock",
/// "noon".
fn match_clock(tokens: &[Token], i: usize) -> Option<Match> {
    let token = tokens.get(i)?;
    if token.kind == TokenKind::Word {
        let minutes = match token.text.to_ascii_lowercase().as_str() {
            "noon" | "midday" => 12 * 60,
            "midnight" => 0,
            _ => return None,
        };
        return Some(Match {
            raw: Raw::Clock(minutes),
            first: i,
            last: i + 1,
        });
    }
    if token.kind != TokenKind::Number {
        return None;
    }
    // "by 1130 GMT": wire copy's four-digit clock, always with its zone.
    let zone_after = tokens
        .get(i + 1)
        .is_some_and(|t| t.kind == TokenKind::Word && TIME_ZONES.contains(&t.text));
    if zone_after && token.text.len() == 4 && token.text.bytes().all(|b| b.is_ascii_digit()) {
        let (hour, minute) = (
            token.text[..2].parse::<u32>().ok()?,
            token.text[2..].parse::<u32>().ok()?,
        );
        return (hour < 24 && minute < 60).then_some(Match {
            raw: Raw::Clock(hour * 60 + minute),
            first: i,
            last: i + 2,
        });
    }
    let zone_at = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word && TIME_ZONES.contains(&t.text))
    };
    // Hours and minutes: "10.40" is one token; "10:40" is three.
    let (hour, minute, mut k, had_minutes) = if let Some((h, m)) = token.text.split_once('.') {
        if m.len() != 2 || h.len() > 2 {
            return None;
        }
        (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?, i + 1, true)
    } else if tokens
        .get(i + 1)
        .is_some_and(|t| t.is_punct(":") && !t.space_before)
        && tokens
            .get(i + 2)
            .is_some_and(|t| t.text.len() == 2 && !t.space_before && t.integer().is_some())
    {
        if token.text.len() > 2 {
            return None;
        }
        (token.integer()?, tokens[i + 2].integer()?, i + 3, true)
    } else {
        if token.text.len() > 2 {
            return None;
        }
        (token.integer()?, 0, i + 1, false)
    };
    if minute > 59 {
        return None;
    }
    let mut minutes = None;
    if let Some((pm, after)) = am_pm_at(tokens, k) {
        if (1..=12).contains(&hour) {
            let h = hour % 12 + if pm { 12 } else { 0 };
            minutes = Some(h * 60 + minute);
            k = after;
        }
    } else if tokens.get(k).is_some_and(|t| t.is_word("o"))
        && tokens.get(k + 1).is_some_and(|t| t.is_punct("'’"))
        && tokens.get(k + 2).is_some_and(|t| t.is_word("clock"))
        && (1..=12).contains(&hour)
        && !had_minutes
    {
        k += 3;
        minutes = Some(hour_in_part_of_day(hour, part_of_day_after(tokens, k)) * 60);
    } else if had_minutes && hour < 24 && (!token.text.contains('.') || zone_at(k)) {
        // "14:30" stands alone; a bare "10.40" is as likely a decimal as a time,
        // unless a zone follows ("22.10 CEST").
        minutes = Some(hour * 60 + minute);
    }
    let minutes = minutes?;
    if zone_at(k) {
        k += 1;
    }
    Some(Match {
        raw: Raw::Clock(minutes),
        first: i,
        last: k,
    })
}

/// The part of the day named just after a clock without a.m. or p.m. ("9 o'clock
/// last night", "at 8 o'clock on Sunday evening"), within the next few words.
fn part_of_day_after<'t>(tokens: &'t [Token], k: usize) -> Option<&'t str> {
    tokens
        .get(k..)?
        .iter()
        .take(4)
        .take_while(|t| t.kind == TokenKind::Word)
        .map(|t| t.text)
        .find(|w| {
            ["morning", "afternoon", "evening", "night", "tonight"]
                .iter()
                .any(|part| w.eq_ignore_ascii_case(part))
        })
}

/// A twelve-hour clock's hour on the twenty-four-hour clock, given the part of the
/// day it falls in: "9 o'clock last night" is 21:00, "2 o'clock at night" 02:00,
/// "12 o'clock at night" midnight. With no part named the hour is read as written.
fn hour_in_part_of_day(hour: u32, part: Option<&str>) -> u32 {
    let part = part.map(str::to_ascii_lowercase);
    match part.as_deref() {
        Some("afternoon") if hour < 12 => hour + 12,
        Some("evening") if (4..12).contains(&hour) => hour + 12,
        Some("night" | "tonight") if (6..12).contains(&hour) => hour + 12,
        Some("night" | "tonight") if hour == 12 => 0,
        _ => hour,
    }
}

/// "today", "yesterday", "tonight", "this morning", "last night", "two days ago",
/// "last month", "earlier this month", and the vague "five years ago".
fn match_relative(tokens: &[Token], i: usize) -> Option<Match> {
    let token = tokens.get(i)?;
    let word = |k: usize, w: &str| tokens.get(k).is_some_and(|t| t.is_word(w));
    let one = |raw: Raw, last: usize| {
        Some(Match {
            raw,
            first: i,
            last,
        })
    };
    if token.kind == TokenKind::Word {
        let lower = token.text.to_ascii_lowercase();
        match lower.as_str() {
            "today" => return one(Raw::RelativeDay(0), i + 1),
            "yesterday" => return one(Raw::RelativeDay(-1), i + 1),
            "tomorrow" => return one(Raw::RelativeDay(1), i + 1),
            "tonight" => return one(Raw::RelativeDay(0), i + 1),
            "this" | "last" | "next" | "earlier" | "later" => {}
            _ => {}
        }
        let parts_of_day = ["morning", "afternoon", "evening"];
        if lower == "this" && parts_of_day.iter().any(|p| word(i + 1, p)) {
            return one(Raw::RelativeDay(0), i + 2);
        }
        if lower == "last" && word(i + 1, "night") {
            return one(Raw::RelativeDay(-1), i + 2);
        }
        if (lower == "earlier" || lower == "later") && word(i + 1, "this") && word(i + 2, "month") {
            return one(Raw::RelativeMonth(0), i + 3);
        }
        if word(i + 1, "month") {
            let offset = match lower.as_str() {
                "last" => Some(-1),
                "this" => Some(0),
                "next" => Some(1),
                _ => None,
            };
            if let Some(offset) = offset {
                return one(Raw::RelativeMonth(offset), i + 2);
            }
        }
    }
    // "<n> days/weeks ago".
    let count = match token.kind {
        TokenKind::Number => token.integer().map(i64::from),
        TokenKind::Word => small_number_word(token.text),
        TokenKind::Punct => None,
    }?;
    let unit = tokens.get(i + 1)?;
    if !word(i + 2, "ago") || unit.kind != TokenKind::Word {
        return None;
    }
    let unit = unit.text.to_ascii_lowercase();
    let days = match unit.trim_end_matches('s') {
        "day" => count,
        "week" => count * 7,
        "month" | "year" | "decade" | "hour" | "minute" => return one(Raw::Vague, i + 3),
        _ => return None,
    };
    one(Raw::RelativeDay(-days), i + 3)
}

/// Whether a time expression's text names a day relative to the moment of
/// speaking ("today", "tonight", "last night", "two days ago").
pub(crate) fn is_relative_day(expression: &str) -> bool {
    let tokens = tokenize(expression, 0, expression.len());
    (0..tokens.len()).any(|i| {
        matches!(
            match_relative(&tokens, i),
            Some(Match {
                raw: Raw::RelativeDay(_),
                ..
            })
        )
    })
}

/// Words before a bare month name that make it a date rather than a verb or a name
/// ("Theresa May", "a march").
const MONTH_LEADS: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "early", "late", "mid", "last", "next", "this",
    "of", "during", "between", "and", "through", "before", "after", "to", "on",
];

/// "March 2026", "in March", "last March", "mid-March", "April last year".
fn match_month(tokens: &[Token], i: usize) -> Option<Match> {
    let month = month_of(tokens.get(i)?, false)?;
    if let Some(year) = year_at(tokens, i + 1) {
        return Some(Match {
            raw: Raw::Month {
                year: Some(year),
                month,
                direction: Direction::Default,
            },
            first: i,
            last: i + 2,
        });
    }
    let year_word = tokens.get(i + 2).is_some_and(|t| t.is_word("year"));
    let years = ["last", "this", "next"]
        .iter()
        .position(|w| tokens.get(i + 1).is_some_and(|t| t.is_word(w)));
    if let (true, Some(years)) = (year_word, years) {
        return Some(Match {
            raw: Raw::MonthOfRelativeYear {
                month,
                years: years as i32 - 1,
            },
            first: i,
            last: i + 3,
        });
    }
    let mut lead = i.checked_sub(1)?;
    if tokens[lead].is_punct("-") && lead > 0 {
        lead -= 1;
    }
    let lead_token = &tokens[lead];
    if !MONTH_LEADS.iter().any(|w| lead_token.is_word(w)) {
        return None;
    }
    // "May" and "March" are also words and names: "in May" is enough, but not
    // "in May Smith's house".
    if tokens.get(i + 1).is_some_and(|t| t.is_capitalised()) {
        return None;
    }
    let (direction, first) = if lead_token.is_word("last") {
        (Direction::Last, lead)
    } else if lead_token.is_word("next") {
        (Direction::Next, lead)
    } else {
        (Direction::Default, i)
    };
    Some(Match {
        raw: Raw::Month {
            year: None,
            month,
            direction,
        },
        first,
        last: i + 1,
    })
}

/// "Friday", "on Friday", "last Friday", "this coming Friday", "Friday night",
/// "Thursday's call".
fn match_weekday(tokens: &[Token], i: usize) -> Option<Match> {
    let first = i;
    // "this Friday" keeps the default direction: the caller's preference decides.
    let mut direction = Direction::Default;
    let mut k = i;
    let lead = |w: &str| tokens.get(k).is_some_and(|t| t.is_word(w));
    if lead("last") {
        direction = Direction::Last;
        k += 1;
    } else if lead("next") {
        direction = Direction::Next;
        k += 1;
    } else if lead("this") {
        k += 1;
        if tokens.get(k).is_some_and(|t| t.is_word("coming")) {
            direction = Direction::Next;
            k += 1;
        }
    }
    let (weekday, full) = weekday_of(tokens.get(k)?)?;
    let previous = k.checked_sub(1).and_then(|p| tokens.get(p)).map(|t| t.text);
    if !full || weekday_opens_name(previous, tokens[k].text, tokens.get(k + 1).map(|t| t.text)) {
        return None;
    }
    let mut last = k + 1;
    if tokens.get(last).is_some_and(|t| {
        ["morning", "afternoon", "evening", "night"]
            .iter()
            .any(|p| t.is_word(p))
    }) {
        last += 1;
    }
    Some(Match {
        raw: Raw::Weekday(weekday, direction),
        first,
        last,
    })
}

/// "in the morning", "during the night", "at night", "overnight".
fn match_part_of_day(tokens: &[Token], i: usize) -> Option<Match> {
    let word = |k: usize, w: &str| tokens.get(k).is_some_and(|t| t.is_word(w));
    let part_at = |k: usize| tokens.get(k).and_then(|t| DayPart::from_word(t.text));
    let (part, last) = if word(i, "overnight") {
        (DayPart::Night, i + 1)
    } else if word(i, "at") && word(i + 1, "night") {
        (DayPart::Night, i + 2)
    } else if (word(i, "in") || word(i, "during")) && word(i + 1, "the") {
        (part_at(i + 2)?, i + 3)
    } else {
        return None;
    };
    Some(Match {
        raw: Raw::PartOfDay(part),
        first: i,
        last,
    })
}

/// Every time expression in the tokens, leftmost-longest, without resolution.
fn raw_matches(tokens: &[Token]) -> Vec<Match> {
    let mut matches = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let found = match_iso(tokens, i)
            .or_else(|| match_numeric_date(tokens, i))
            .or_else(|| match_calendar_date(tokens, i))
            .or_else(|| match_clock(tokens, i))
            .or_else(|| match_relative(tokens, i))
            .or_else(|| match_month(tokens, i))
            .or_else(|| match_weekday(tokens, i))
            .or_else(|| match_part_of_day(tokens, i));
        match found {
            Some(m) if m.last > i => {
                i = m.last;
                matches.push(m);
            }
            _ => i += 1,
        }
    }
    matches
}

// ---------------------------------------------------------------------------
// Resolution

fn resolve_weekday(
    weekday: Weekday,
    direction: Direction,
    published: NaiveDate,
    prefer_future: bool,
) -> NaiveDate {
    let back =
        (published.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    let forward = (7 - back) % 7;
    match direction {
        // "last Monday" in Tuesday's paper is the week before: yesterday would be
        // "yesterday" or "on Monday".
        Direction::Last => {
            published - Duration::days(if back <= 1 { back + 7 } else { back } as i64)
        }
        Direction::Next => {
            published + Duration::days(if forward == 0 { 7 } else { forward } as i64)
        }
        Direction::Default if prefer_future => published + Duration::days(forward as i64),
        Direction::Default => published - Duration::days(back as i64),
    }
}

/// Days a year-less date may lie after publication before we read it as last
/// year's, unless the claim speaks of what is to come ("will take effect on Nov.
/// 20", written in September, is this November).
const FUTURE_SLACK_DAYS: i64 = 62;

/// The year of a month-day written without one.
fn year_for(month: u32, day: u32, published: NaiveDate, prefer_future: bool) -> Option<i32> {
    let year = published.year();
    let candidate = NaiveDate::from_ymd_opt(year, month, day)
        .or_else(|| NaiveDate::from_ymd_opt(year - 1, month, day))?;
    let delta = (candidate - published).num_days();
    if delta > FUTURE_SLACK_DAYS && !prefer_future {
        Some(year - 1)
    } else if prefer_future && delta < -FUTURE_SLACK_DAYS {
        Some(year + 1)
    } else {
        Some(year)
    }
}

fn shift_month(year: i32, month: u32, offset: i32) -> (i32, u32) {
    let index = year * 12 + month as i32 - 1 + offset;
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

fn resolve(raw: &Raw, published: Option<NaiveDate>, prefer_future: bool) -> Option<TimeValue> {
    match *raw {
        Raw::Date {
            year,
            month,
            day,
            weekday_named,
        } => {
            let year = match year {
                Some(y) => y,
                None => year_for(month, day, published?, prefer_future)?,
            };
            let date = NaiveDate::from_ymd_opt(year, month, day)?;
            Some(TimeValue::Date {
                date,
                weekday_named,
            })
        }
        Raw::Weekday(weekday, direction) => Some(match published {
            Some(p) => TimeValue::Date {
                date: resolve_weekday(weekday, direction, p, prefer_future),
                weekday_named: true,
            },
            None => TimeValue::Weekday(weekday),
        }),
        Raw::RelativeDay(days) => Some(TimeValue::Date {
            date: published? + Duration::days(days),
            weekday_named: false,
        }),
        Raw::Month {
            year: Some(year),
            month,
            ..
        } => Some(TimeValue::Month {
            year: Some(year),
            month,
        }),
        Raw::Month {
            year: None,
            month,
            direction,
        } => {
            let Some(p) = published else {
                return Some(TimeValue::Month { year: None, month });
            };
            let (py, pm) = (p.year(), p.month());
            let year = match direction {
                Direction::Last if month >= pm => py - 1,
                Direction::Next if month <= pm => py + 1,
                Direction::Last | Direction::Next => py,
                Direction::Default if prefer_future && month < pm => py + 1,
                // More than ~2 months ahead reads as last year's ("in November",
                // written in March, is the past November).
                Direction::Default if !prefer_future && month > pm + 2 => py - 1,
                Direction::Default => py,
            };
            Some(TimeValue::Month {
                year: Some(year),
                month,
            })
        }
        Raw::RelativeMonth(offset) => {
            let p = published?;
            let (year, month) = shift_month(p.year(), p.month(), offset);
            Some(TimeValue::Month {
                year: Some(year),
                month,
            })
        }
        Raw::MonthOfRelativeYear { month, years } => Some(TimeValue::Month {
            year: published.map(|p| p.year() + years),
            month,
        }),
        Raw::Clock(minutes) => Some(TimeValue::Clock(minutes)),
        Raw::PartOfDay(part) => Some(TimeValue::PartOfDay(part)),
        Raw::Vague => None,
    }
}

// ---------------------------------------------------------------------------
// Public API

/// Every time expression in `text[start..end]`, resolved against `published` when
/// known. `prefer_future` reads bare weekdays and months forward (for claims about
/// plans: "will meet on Friday").
pub(crate) fn find_times(
    text: &str,
    start: usize,
    end: usize,
    published: Option<NaiveDate>,
    prefer_future: bool,
) -> Vec<TimeExpr> {
    let tokens = tokenize(text, start, end);
    let mut found = Vec::new();
    let matches = raw_matches(&tokens);
    let glosses = zone_glosses(&tokens, &matches);
    let mut glosses_left = glosses.iter().peekable();
    for m in matches {
        // Glosses and matches are both in text order.
        while glosses_left
            .next_if(|&&(_, close)| close <= m.first)
            .is_some()
        {}
        if glosses_left
            .peek()
            .is_some_and(|&&(open, close)| open < m.first && m.first < close)
        {
            continue;
        }
        let (s, e) = (tokens[m.first].start, tokens[m.last - 1].end);
        if let Some(value) = resolve(&m.raw, published, prefer_future) {
            found.push(TimeExpr {
                value,
                text: text[s..e].to_string(),
                start: s,
                end: e,
            });
        }
        // "Wednesday morning", "last night": the day, and the part of it.
        let last = &tokens[m.last - 1];
        if let (false, Some(part)) = (
            matches!(m.raw, Raw::PartOfDay(_)),
            DayPart::from_word(last.text),
        ) {
            found.push(TimeExpr {
                value: TimeValue::PartOfDay(part),
                text: text[s..e].to_string(),
                start: s,
                end: e,
            });
        }
    }
    found
}

/// Token ranges `(open, close)` of brackets that give a clock time just stated in
/// another zone: "at 10:40 a.m. (0940 GMT)", "at 6:48 p.m. on Tuesday (2348 GMT)",
/// "at 6:50pm local time on Tuesday (9:50am Wednesday AEST)". The bracket is a
/// gloss for readers elsewhere, the same moment, so none of its times (the day
/// it falls on there included) is a second time of the claim.
fn zone_glosses(tokens: &[Token], matches: &[Match]) -> Vec<(usize, usize)> {
    // Words that may stand between a clock and its gloss besides other times.
    let joins_the_gloss =
        |t: &Token| ["on", "local", "time", "at"].iter().any(|w| t.is_word(w)) || t.is_punct(",");
    let is_clock = |m: &Match| matches!(m.raw, Raw::Clock(_));
    let mut glosses = Vec::new();
    for open in (0..tokens.len()).filter(|&i| tokens[i].is_punct("(")) {
        // A gloss is short, and so is what stands between it and its clock: looking
        // no further keeps a long sentence full of brackets linear.
        let window_end = (open + GLOSS_MAX_TOKENS).min(tokens.len());
        let Some(close) = (open + 1..window_end).find(|&i| tokens[i].is_punct(")")) else {
            continue;
        };
        // Matches are in text order and do not overlap.
        let after_open = matches.partition_point(|m| m.first <= open);
        let clock_inside = matches[after_open..]
            .iter()
            .take_while(|m| m.first < close)
            .any(|m| is_clock(m) && m.last <= close);
        let before: Vec<&Match> = matches[..after_open]
            .iter()
            .rev()
            .take_while(|m| m.last + GLOSS_MAX_TOKENS >= open)
            .collect();
        let covered = |at: usize| before.iter().any(|m| m.first <= at && at < m.last);
        let clock_just_before = before.iter().any(|m| {
            is_clock(m)
                && m.last <= open
                && (m.last..open).all(|at| covered(at) || joins_the_gloss(&tokens[at]))
        });
        if clock_inside && clock_just_before {
            glosses.push((open, close));
        }
    }
    glosses
}

/// The most tokens a zone gloss spans, and the most that stand between it and the
/// clock it glosses ("6:50pm local time on Tuesday (9:50am Wednesday AEST)").
const GLOSS_MAX_TOKENS: usize = 12;

/// Byte spans of every date-like expression in `text[start..end]`, resolvable or not
/// ("4 July 2025", "10.40pm", "Jan. 5", "five years ago"), so that `quantities` does
/// not read their digits as counts.
pub(crate) fn time_spans(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let tokens = tokenize(text, start, end);
    raw_matches(&tokens)
        .into_iter()
        .map(|m| (tokens[m.first].start, tokens[m.last - 1].end))
        .collect()
}

/// Dates written with their year ("Saturday 5 July 2025", "July 5, 2025",
/// "2025-07-04") in `text[start..end]`, with their byte spans; for `pubdate`.
pub(crate) fn explicit_dates(
    text: &str,
    start: usize,
    end: usize,
) -> Vec<(NaiveDate, usize, usize)> {
    let tokens = tokenize(text, start, end);
    raw_matches(&tokens)
        .into_iter()
        .filter_map(|m| match m.raw {
            Raw::Date {
                year: Some(year),
                month,
                day,
                ..
            } => Some((
                NaiveDate::from_ymd_opt(year, month, day)?,
                tokens[m.first].start,
                tokens[m.last - 1].end,
            )),
            _ => None,
        })
        .collect()
}

/// A lone word as a token, to ask the token readers about it.
fn word_token(word: &str) -> Token<'_> {
    Token {
        kind: TokenKind::Word,
        text: word,
        start: 0,
        end: word.len(),
        space_before: true,
    }
}

/// "the Sunday Chronicle", "The Sunday Times": a full weekday name after "the" and
/// before a capitalised word opens the name of a paper, not a day. `previous` and
/// `next` are the words around it as written.
pub(crate) fn weekday_opens_name(previous: Option<&str>, word: &str, next: Option<&str>) -> bool {
    let full_weekday = weekday_of(&word_token(word)).is_some_and(|(_, full)| full);
    let after_article = previous.is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let before_name = next.is_some_and(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && month_number(w).is_none()
            && weekday_of(&word_token(w)).is_none()
            && !w.chars().any(|c| c.is_ascii_digit())
    });
    full_weekday && after_article && before_name
}

/// Whether a word names a weekday ("Tuesday", "Tue").
pub(crate) fn is_weekday_name(word: &str) -> bool {
    weekday_of(&word_token(word)).is_some()
}

/// A month name or abbreviation ("July", "Nov", "Sept"), for datelines.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    month_of(&word_token(word), true)
}

impl fmt::Display for TimeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeValue::Date { date, .. } => write!(
                f,
                "{} ({})",
                date.format("%Y-%m-%d"),
                weekday_name(date.weekday())
            ),
            TimeValue::Weekday(weekday) => f.write_str(weekday_name(*weekday)),
            TimeValue::Month {
                year: Some(year),
                month,
            } => write!(f, "{year:04}-{month:02}"),
            TimeValue::Month { year: None, month } => f.write_str(
                MONTHS
                    .get((*month as usize).wrapping_sub(1))
                    .copied()
                    .unwrap_or("?"),
            ),
            TimeValue::Clock(minutes) => write!(f, "{:02}:{:02}", minutes / 60 % 24, minutes % 60),
            TimeValue::PartOfDay(part) => f.write_str(part.name()),
        }
    }
}

impl fmt::Display for TimeExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Saturday 5 July 2025, the day after the seed article's Friday call.
    fn published() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2025, 7, 5)
    }

    fn shown(text: &str, published: Option<NaiveDate>, prefer_future: bool) -> Vec<String> {
        find_times(text, 0, text.len(), published, prefer_future)
            .iter()
            .map(|t| format!("{}={}", t.text, t))
            .collect()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn bare_weekday_resolves_to_most_recent_on_or_before_publication() {
        let text = "Mr Trump said he had a good call with Mr Zelenskyy on Friday.";
        let found = find_times(text, 0, text.len(), published(), false);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "Friday");
        assert_eq!(&text[found[0].start..found[0].end], "Friday");
        assert_eq!(
            found[0].value,
            TimeValue::Date {
                date: date(2025, 7, 4),
                weekday_named: true
            }
        );
        assert_eq!(found[0].to_string(), "2025-07-04 (Friday)");
        // The same weekday as publication is that day.
        assert_eq!(
            shown("Officials met on Saturday.", published(), false),
            ["Saturday=2025-07-05 (Saturday)"]
        );
    }

    #[test]
    fn a_weekday_opening_a_papers_name_is_no_day() {
        assert!(shown(
            "It was first published by the Sunday Chronicle.",
            published(),
            false
        )
        .is_empty());
        assert_eq!(
            shown("The Sunday vote was close.", published(), false),
            ["Sunday=2025-06-29 (Sunday)"]
        );
        assert_eq!(
            shown("They met the Friday before.", published(), false),
            ["Friday=2025-07-04 (Friday)"]
        );
    }

    #[test]
    fn weekday_direction_words_and_parts_of_day() {
        assert_eq!(
            shown("The talks are due next Friday.", published(), false),
            ["next Friday=2025-07-11 (Friday)"]
        );
        assert_eq!(
            shown("It began last Saturday.", published(), false),
            ["last Saturday=2025-06-28 (Saturday)"]
        );
        // Published on a Saturday: "last Friday" is not the day before.
        assert_eq!(
            shown("It began last Friday.", published(), false),
            ["last Friday=2025-06-27 (Friday)"]
        );
        assert_eq!(
            shown("They meet this coming Monday.", published(), false),
            ["this coming Monday=2025-07-07 (Monday)"]
        );
        assert_eq!(
            shown("Drones struck Kyiv on Friday night.", published(), false),
            ["Friday night=2025-07-04 (Friday)", "Friday night=night"]
        );
        assert_eq!(
            shown(
                "After Thursday's call with Mr Putin he was unhappy.",
                published(),
                false
            ),
            ["Thursday=2025-07-03 (Thursday)"]
        );
        // Plans read forward.
        assert_eq!(
            shown("The leaders will speak again on Monday.", published(), true),
            ["Monday=2025-07-07 (Monday)"]
        );
    }

    #[test]
    fn weekday_without_publication_date_stays_unresolved() {
        assert_eq!(shown("He spoke on Friday.", None, false), ["Friday=Friday"]);
        // A year-less date cannot be placed without publication; a full one can.
        assert!(shown("The summit opens on 4 July.", None, false).is_empty());
        assert_eq!(
            shown("The summit opened on 4 July 2025.", None, false),
            ["4 July 2025=2025-07-04 (Friday)"]
        );
    }

    #[test]
    fn calendar_dates_in_many_spellings() {
        let cases = [
            ("It happened on 4 July.", "4 July=2025-07-04 (Friday)"),
            ("It happened on July 4.", "July 4=2025-07-04 (Friday)"),
            (
                "It happened on July 4, 2025.",
                "July 4, 2025=2025-07-04 (Friday)",
            ),
            (
                "Signed on Jan. 5, the deal held.",
                "Jan. 5=2025-01-05 (Sunday)",
            ),
            (
                "Filed 5 Jan 2025 in court.",
                "5 Jan 2025=2025-01-05 (Sunday)",
            ),
            ("Data as of 2025-07-04.", "2025-07-04=2025-07-04 (Friday)"),
            ("Sat 5 Jul 2025", "Sat 5 Jul 2025=2025-07-05 (Saturday)"),
            ("on the 4th of July", "4th of July=2025-07-04 (Friday)"),
            (
                "Friday, July 4, 2025",
                "Friday, July 4, 2025=2025-07-04 (Friday)",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(shown(text, published(), false), [expected], "{text}");
        }
        let named = find_times("Friday, July 4", 0, 14, published(), false);
        assert!(matches!(
            named[0].value,
            TimeValue::Date {
                weekday_named: true,
                ..
            }
        ));
    }

    #[test]
    fn year_less_dates_more_than_two_months_ahead_are_last_year() {
        let january = NaiveDate::from_ymd_opt(2026, 1, 10);
        assert_eq!(
            shown("The fire broke out on 20 December.", january, false),
            ["20 December=2025-12-20 (Saturday)"]
        );
        assert_eq!(
            shown("The vote is set for 20 February.", january, false),
            ["20 February=2026-02-20 (Friday)"]
        );
        let september = NaiveDate::from_ymd_opt(2027, 9, 10);
        assert_eq!(
            shown("The new rate will take effect on Nov. 20.", september, true),
            ["Nov. 20=2027-11-20 (Saturday)"]
        );
    }

    #[test]
    fn relative_days_resolve_against_publication() {
        let cases = [
            ("Ministers met today.", "today=2025-07-05 (Saturday)"),
            (
                "The strike came yesterday.",
                "yesterday=2025-07-04 (Friday)",
            ),
            ("Talks resume tomorrow.", "tomorrow=2025-07-06 (Sunday)"),
            ("He will speak tonight.", "tonight=2025-07-05 (Saturday)"),
            (
                "Sirens sounded this morning.",
                "this morning=2025-07-05 (Saturday)",
            ),
            (
                "Sirens sounded last night.",
                "last night=2025-07-04 (Friday)",
            ),
            (
                "The deal was signed two days ago.",
                "two days ago=2025-07-03 (Thursday)",
            ),
            (
                "The deal was signed 3 weeks ago.",
                "3 weeks ago=2025-06-14 (Saturday)",
            ),
        ];
        for (text, expected) in cases {
            // The part of the day comes as a second expression ("this morning=morning").
            let found = shown(text, published(), false);
            assert_eq!(found.first().map(String::as_str), Some(expected), "{text}");
            assert!(
                found.len() == 1 || found[1].ends_with("morning") || found[1].ends_with("night")
            );
        }
        assert_eq!(
            shown("Sirens sounded last night.", published(), false),
            ["last night=2025-07-04 (Friday)", "last night=night"]
        );
        assert_eq!(
            shown(
                "Fighting went on overnight and in the afternoon.",
                published(),
                false
            ),
            ["overnight=night", "in the afternoon=afternoon"]
        );
        assert!(shown("The deal was signed yesterday.", None, false).is_empty());
    }

    #[test]
    fn months_with_and_without_years() {
        assert_eq!(
            shown("Elections are planned for March 2026.", published(), false),
            ["March 2026=2026-03"]
        );
        assert_eq!(
            shown("They met last month.", published(), false),
            ["last month=2025-06"]
        );
        assert_eq!(
            shown(
                "It was last inspected in April last year.",
                published(),
                false
            ),
            ["April last year=2024-04"]
        );
        assert_eq!(
            shown("It reopens in May next year.", published(), false),
            ["May next year=2026-05"]
        );
        assert_eq!(
            shown(
                "Strikes intensified earlier this month.",
                published(),
                false
            ),
            ["earlier this month=2025-07"]
        );
        assert_eq!(
            shown("The offensive began in March.", published(), false),
            ["March=2025-03"]
        );
        assert_eq!(
            shown("The offensive began in November.", published(), false),
            ["November=2024-11"]
        );
        assert_eq!(
            shown("The offensive began in March.", None, false),
            ["March=March"]
        );
        // Names and verbs are not months.
        assert!(shown(
            "Theresa May said protesters march daily.",
            published(),
            false
        )
        .is_empty());
    }

    #[test]
    fn clock_times() {
        let cases = [
            ("The blast came at 3 a.m. local time.", "3 a.m.=03:00"),
            ("Shortly before 10.40pm, sirens rang.", "10.40pm=22:40"),
            ("It ended at 10:40 p.m. on the dot.", "10:40 p.m.=22:40"),
            ("Updated at 09:14 BST", "09:14 BST=09:14"),
            ("The page closed at 22.10 CEST.", "22.10 CEST=22:10"),
            ("Shares were down 14% by 1130 GMT.", "1130 GMT=11:30"),
            ("Trading closed at 14:30.", "14:30=14:30"),
            ("They met at noon.", "noon=12:00"),
            ("Police arrived at 12am.", "12am=00:00"),
            ("It was 3 o'clock.", "3 o'clock=03:00"),
            // The same moment in another zone, in brackets, is a gloss.
            ("It struck at 10:40 a.m. (0940 GMT).", "10:40 a.m.=10:40"),
        ];
        for (text, expected) in cases {
            assert_eq!(shown(text, published(), false), [expected], "{text}");
        }
        // A decimal is not a time without am/pm.
        assert!(shown("Growth was 10.40 points.", published(), false).is_empty());
        // The part of the day after a clock says which half of the day it is.
        let with_part_of_day = [
            ("It reopened at 9 o'clock last night.", "9 o'clock=21:00"),
            (
                "The meeting ended at 4 o'clock in the afternoon.",
                "4 o'clock=16:00",
            ),
            ("Shots rang out at 2 o'clock at night.", "2 o'clock=02:00"),
            ("It began at 7 o'clock in the morning.", "7 o'clock=07:00"),
        ];
        for (text, expected) in with_part_of_day {
            let found = shown(text, published(), false);
            assert!(found.iter().any(|f| f == expected), "{text}: {found:?}");
        }
    }

    #[test]
    fn a_bracketed_clock_in_another_zone_glosses_the_clock_before_it() {
        let glossed = [
            "It touched down at 6:48 p.m. on Tuesday (2348 GMT).",
            "It touched down at 6:48pm local time on Tuesday (9:50am Wednesday AEST).",
        ];
        for text in glossed {
            let times = shown(text, published(), false);
            assert_eq!(times.len(), 2, "{text}: {times:?}");
            assert!(
                times[0].ends_with("=18:48") || times[0].starts_with("6:48"),
                "{times:?}"
            );
            assert!(times[1].starts_with("Tuesday="), "{text}: {times:?}");
        }
        // A bracket after a day alone, or after words that are not times, is its own time.
        let own = shown(
            "The polls closed on Tuesday (at 10 p.m.).",
            published(),
            false,
        );
        assert_eq!(own.len(), 2, "{own:?}");
        let own = shown(
            "He left at 9 a.m. and came back (at 5 p.m.).",
            published(),
            false,
        );
        assert_eq!(own.len(), 2, "{own:?}");
    }

    #[test]
    fn vague_expressions_are_skipped() {
        for text in [
            "Hours after the call, drones struck.",
            "The day before, he had spoken to Mr Putin.",
            "He recently said so.",
            "Five years ago the war began.",
            "Sun readers were told.",
        ] {
            assert!(shown(text, published(), false).is_empty(), "{text}");
        }
        // ...but their digits are still marked as time, not counts.
        assert_eq!(time_spans("5 years ago", 0, 11), [(0, 11)]);
    }

    #[test]
    fn offsets_are_absolute_and_sub_ranges_are_respected() {
        let text = "Kyiv — on Friday, 12 people died. On Thursday — nothing.";
        let second = text.find("On Thursday").unwrap();
        let found = find_times(text, second, text.len(), published(), false);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "Thursday");
        assert!(find_times(text, 5, 5, published(), false).is_empty());
        assert!(find_times(text, 40, 10, published(), false).is_empty());
        assert!(find_times(text, 0, 10_000, published(), false).len() == 2);
    }

    #[test]
    fn explicit_dates_need_a_year() {
        let found = explicit_dates("Published 5 July 2025, revised July 6", 0, 37);
        assert_eq!(found, [(date(2025, 7, 5), 10, 21)]);
    }

    #[test]
    fn display_of_time_values() {
        assert_eq!(TimeValue::Weekday(Weekday::Fri).to_string(), "Friday");
        assert_eq!(
            TimeValue::Month {
                year: None,
                month: 3
            }
            .to_string(),
            "March"
        );
        assert_eq!(
            TimeValue::Month {
                year: Some(2026),
                month: 3
            }
            .to_string(),
            "2026-03"
        );
        assert_eq!(TimeValue::Clock(22 * 60 + 40).to_string(), "22:40");
    }

    #[test]
    fn no_panics_on_any_char_boundary_substring() {
        let messy = [
            "€3.5bn — Friday, Jan. 5, 10.40pm; 09:14 BST – 2025-07-04 ’s 4th",
            "Düsseldorf, Nov 20 (dpa) - 12 a.m. p.m 1,2,3 ... 31 Feb 2025 — 0:99",
            "last Friday's 3 o' clock; this coming Sunday 99/99 — tonight?",
        ];
        for text in messy {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &s in &bounds {
                for &e in &bounds {
                    for t in find_times(text, s, e, published(), false) {
                        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                        assert!(s <= t.start && t.end <= e.max(s));
                    }
                    find_times(text, s, e, None, true);
                }
            }
            // Offsets that split a character are clamped, not a panic.
            for s in 0..=text.len() + 2 {
                find_times(text, s, text.len() + 3, published(), false);
            }
        }
    }
}
