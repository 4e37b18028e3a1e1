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
//! Messy text never makes it fail: problems become [`Diagnostic`]s on the report.

mod claims;
mod entities;
mod grammar;
pub mod lexicon;
mod model;
mod noise;
mod polarity;
mod pronouns;
mod pubdate;
mod quantities;
mod quotes;
mod sentences;
mod speakers;
mod text;
mod times;

pub use model::*;

/// Parses one report. Never fails: what it cannot read becomes a diagnostic.
pub fn parse_report(input: ReportInput) -> Report {
    let text = normalise_line_ends(&input.text);
    let mut diagnostics = Vec::new();
    let lines = noise::classify_lines(&text);
    let (published, published_from) = match input.published {
        Some(date) => (Some(date), DateSource::Metadata),
        None => match pubdate::find_publication_date(&text) {
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
    Report {
        id: input.id,
        source: input.source,
        outlet: input.outlet,
        published,
        published_from,
        text,
        sentences,
        claims,
        diagnostics,
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
