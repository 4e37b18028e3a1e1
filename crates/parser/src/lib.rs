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
//!    (`quantities`) and times (`times`).
//!
//! Messy text never makes it fail: problems become [`Diagnostic`]s on the report.

pub mod lexicon;
mod model;
// Claim assembly (written in parallel) calls these; until it lands only tests do.
#[allow(dead_code)]
mod pubdate;
#[allow(dead_code)]
mod quantities;
#[allow(dead_code)]
mod times;

pub use model::*;

/// Parses one report. Never fails: what it cannot read becomes a diagnostic.
pub fn parse_report(input: ReportInput) -> Report {
    let text = input.text.replace("\r\n", "\n");
    Report {
        id: input.id,
        source: input.source,
        outlet: input.outlet,
        published: input.published,
        published_from: if input.published.is_some() {
            DateSource::Metadata
        } else {
            DateSource::Unknown
        },
        text,
        sentences: Vec::new(),
        claims: Vec::new(),
        diagnostics: Vec::new(),
    }
}
