//! claimdiff-parser: turns the text of one news report into typed claims.
//!
//! Data flow: [`parse_report`] takes a [`ReportInput`] and
//! 1. normalises line ends and marks page furniture (captions, credits, bylines, share
//!    and "In short:" lines, datelines) as noise (`noise`);
//! 2. finds the publication date (metadata, else a "Published" line or dateline) (`pubdate`);
//! 3. splits paragraphs into sentences with sentencex plus a fix-up layer (`sentences`);
//! 4. finds direct quotations and their speakers, including split and
//!    multi-paragraph quotes and pronoun speakers (`quotes`, `speakers`);
//! 5. cuts sentences into atomic claims and fills each claim's slots: kind, speaker,
//!    polarity and modality (`polarity`), entities (`entities`), quantities
//!    (`quantities`) and times (`times`); a claim whose subject is "he", "she" or
//!    "they" also gets the entity the pronoun stands for (`pronouns`).
//!
//! [`happening_told`] then tells the matcher which sudden happening (an avalanche,
//! a collision, a collapse) a claim tells of, so that its times are the happening's.
//!
//! Messy text never makes it fail: problems become [`Diagnostic`]s on the report.

mod claims;
mod entities;
mod grammar;
mod happenings;
pub mod lexicon;
mod live;
mod model;
mod noise;
mod polarity;
mod pronouns;
mod pubdate;
mod quantities;
mod quotes;
mod sentences;
mod speakers;
mod tallies;
mod text;
mod times;

pub use happenings::happening_told;
pub use model::*;
pub use quantities::{
    is_spelled_fraction, ADDED_MEASURE_PREFIX, ALL_IT_HAS, CELSIUS, DEGREES, DISTANCE_AWAY,
    FAHRENHEIT, GROUP_SIZE, PART_OF_A_GROUP, PERCENTAGE_POINTS, TEMPERATURE_CHANGE,
};
pub use tallies::{casualty_tallies, Casualty, Tally};

use chrono::NaiveDate;

/// Parses one report. Never fails: what it cannot read becomes a diagnostic.
pub fn parse_report(input: ReportInput) -> Report {
    let text = normalise_line_ends(&input.text);
    let mut diagnostics = Vec::new();
    let lines = noise::classify_lines(&text);
    let (published, published_from) = match input.published {
        Some(date) => (Some(date), DateSource::Metadata),
        None => match pubdate::find_publication_date(&text, input.dateline_year) {
            Some(date) => (Some(date), DateSource::Text),
            None => (None, DateSource::Unknown),
        },
    };
    let sentences = sentences::split_sentences(&text, &lines);
    let quotations = quotes::find_quotations(&text, &lines, &mut diagnostics);
    let reporting: Vec<(usize, usize)> = sentences
        .iter()
        .filter(|s| s.noise.is_none())
        .map(|s| (s.start, s.end))
        .collect();
    let book = entities::build_name_book(&text, &reporting);
    let claims = claims::extract_claims(&text, &sentences, &quotations, &book, published);
    let live_entries = live::live_entries(&text, &lines);
    Report {
        id: input.id,
        source: input.source,
        outlet: input.outlet,
        published,
        published_from,
        text,
        sentences,
        claims,
        live_entries,
        diagnostics,
    }
}

/// Gives a year to the reports whose only date is a wire dateline without one
/// ("KELBRIDGE, England, June 17 (Reuters) -"): the year that puts that day nearest
/// the middle of the other reports' publication dates, since the reports of one
/// comparison cover one event. Without it, the report's weekdays and yearless dates
/// stay unresolved. Reports with no dated neighbour are left as they are.
pub fn infer_dateline_years(inputs: &mut [ReportInput]) {
    use chrono::Datelike;
    /// What one report says of its own date.
    enum Dated {
        On(NaiveDate),
        YearlessDateline(u32, u32),
        Unknown,
    }
    let dated: Vec<Dated> = inputs
        .iter()
        .map(|input| {
            if let Some(date) = input.published {
                return Dated::On(date);
            }
            if input.dateline_year.is_some() {
                return Dated::Unknown;
            }
            let text = normalise_line_ends(&input.text);
            match pubdate::find_publication_date(&text, None) {
                Some(date) => Dated::On(date),
                None => pubdate::yearless_dateline(&text).map_or(Dated::Unknown, |(month, day)| {
                    Dated::YearlessDateline(month, day)
                }),
            }
        })
        .collect();
    let mut known: Vec<NaiveDate> = dated
        .iter()
        .filter_map(|d| match d {
            Dated::On(date) => Some(*date),
            _ => None,
        })
        .collect();
    if known.is_empty() {
        return;
    }
    known.sort_unstable();
    let middle = known[known.len() / 2];
    for (input, dated) in inputs.iter_mut().zip(dated) {
        let Dated::YearlessDateline(month, day) = dated else {
            continue;
        };
        input.dateline_year = (middle.year() - 1..=middle.year() + 1)
            .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
            .min_by_key(|date| (*date - middle).num_days().abs())
            .map(|date| date.year());
    }
}

/// `\r\n` and lone `\r` become `\n`; a byte-order mark is dropped. Offsets refer to the result.
fn normalise_line_ends(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(id: &str, text: &str) -> ReportInput {
        ReportInput {
            id: id.to_string(),
            text: text.to_string(),
            ..Default::default()
        }
    }

    #[test]
    fn a_yearless_dateline_takes_the_year_of_the_other_reports() {
        let wire = "KELBRIDGE, England, June 17 (Reuters) - The notice was lifted on Monday.";
        let mut inputs = vec![
            input("wire", wire),
            input(
                "paper",
                "Published: Tuesday 17 June 2025\n\nThe notice was lifted.",
            ),
        ];
        infer_dateline_years(&mut inputs);
        let report = parse_report(inputs.remove(0));
        assert_eq!(report.published, NaiveDate::from_ymd_opt(2025, 6, 17));
        assert_eq!(
            report.claims[0].times[0].value.to_string(),
            "2025-06-16 (Monday)"
        );
        // Alone, it has no year to take.
        let mut alone = vec![input("wire", wire)];
        infer_dateline_years(&mut alone);
        assert_eq!(parse_report(alone.remove(0)).published, None);
    }
}
