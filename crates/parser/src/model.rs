//! The typed data model every other crate reads: reports, sentences and claims.
//!
//! Byte offsets always refer to [`Report::text`], the report's text after markup
//! removal, so that `&report.text[claim.start..claim.end]` is the claim's source.

use chrono::{NaiveDate, Weekday};
use serde::Serialize;

/// One input document as the caller hands it in (the CLI reads files; the parser never does).
#[derive(Debug, Clone, Default)]
pub struct ReportInput {
    /// Unique id within a run (`abc.txt` -> `abc`).
    pub id: String,
    /// Where it came from: a path or a record reference, for the reports table.
    pub source: String,
    /// Plain text (already converted from HTML by the caller when needed).
    pub text: String,
    /// Publication date from metadata (HTML meta tags, a JSONL field), when known.
    pub published: Option<NaiveDate>,
    /// Outlet name from metadata, when known.
    pub outlet: Option<String>,
    /// The year of a wire dateline that gives none ("June 17 (Reuters) -") and has no
    /// full date in the text to take it from: see [`crate::infer_dateline_years`].
    pub dateline_year: Option<i32>,
}

/// Where a report's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    Metadata,
    Text,
    Unknown,
}

/// A parsed report: its text, sentences and claims.
#[derive(Debug, Clone)]
pub struct Report {
    pub id: String,
    pub source: String,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_from: DateSource,
    /// Text the offsets refer to (line ends normalised to `\n`).
    pub text: String,
    pub sentences: Vec<Sentence>,
    pub claims: Vec<Claim>,
    /// The stamped entries of a live page, in text order; empty for an article.
    pub live_entries: Vec<LiveEntry>,
    /// Problems met while reading messy text; analysis never fails.
    pub diagnostics: Vec<Diagnostic>,
}

/// One time-stamped entry of a live page ("22.10 CEST" and what follows it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LiveEntry {
    /// Byte offset of the stamp: the entry runs to the next entry's stamp.
    pub start: usize,
    /// The stamp's clock time, minutes after midnight.
    pub minutes: u32,
    /// The entry's place in time, 0 for the earliest, whichever way the page runs.
    pub rank: usize,
}

impl Report {
    /// The time rank of the live entry holding the byte offset `at`, if any.
    pub fn live_rank_at(&self, at: usize) -> Option<usize> {
        let after = self.live_entries.partition_point(|entry| entry.start <= at);
        after
            .checked_sub(1)
            .map(|index| self.live_entries[index].rank)
    }
}

/// A sentence of the report, numbered from 1 in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub index: usize,
    pub start: usize,
    pub end: usize,
    /// Set when the sentence is page furniture rather than reporting.
    pub noise: Option<NoiseKind>,
}

/// Why a line or sentence is not reporting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoiseKind {
    Navigation,
    Byline,
    Timestamp,
    Caption,
    Credit,
    BoxLabel,
    Agency,
    Share,
    Advertisement,
    Link,
    Heading,
}

/// How the outlet presents a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// The outlet asserts it.
    Statement,
    /// A direct quotation.
    Quote,
    /// Indirect speech: "X said that ...".
    Reported,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Positive,
    Negative,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    /// may, reportedly, about, citing unnamed sources.
    Hedged,
    /// will, plans to.
    Future,
    /// if, unless.
    Conditional,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
    Other,
}

/// A named entity, normalised ("Mr Zelensky's" -> "Volodymyr Zelenskyy" when the full
/// name appears in the report).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
}

/// How exact a stated number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    Exact,
    /// about, around, roughly, some, nearly, almost, a dozen, hundreds of.
    About,
    /// at least, more than, over.
    AtLeast,
    /// up to, at most, less than, under.
    AtMost,
}

/// What a number measures, so that "12 killed" is only compared with other death counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Count,
    Duration,
    Money,
    Percent,
    Distance,
    /// Land burned, flooded or covered: "6,800 hectares", "16,800 acres", "68
    /// square kilometres".
    Area,
    /// Wind and vehicle speeds: "92 mph", "148 km/h", "40 knots".
    Speed,
    /// Amounts of data stolen, leaked or stored: "400 gigabytes", "1.2TB".
    Data,
    Weight,
    /// "46.3C", "115 degrees Fahrenheit": a reading, or a change when measured
    /// "by" so much.
    Temperature,
    Age,
    Year,
}

/// A number with its unit, e.g. "about 40 minutes" or "550 drones".
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Lower (or only) value, in the unit below.
    pub value: f64,
    /// Upper bound of a stated range ("between 40 and 50").
    pub upper: Option<f64>,
    pub approx: Approx,
    pub dimension: Dimension,
    /// Canonical singular unit: "minute", "people", "drone", "%", "usd"; empty when none.
    pub unit: String,
    /// The news measure it belongs to, from the predicate lexicon ("killed", "injured",
    /// "duration"), when one is named near the number. For a duration that separates
    /// two events ("40 minutes after"), the direction: "after", "before" or "ago".
    pub measure: Option<String>,
    /// The number as written, for explanations.
    pub text: String,
    /// Byte offsets of the number's text in the report.
    pub start: usize,
    pub end: usize,
}

impl Quantity {
    /// "after", "before" or "ago" when the quantity is the time between two events
    /// ("40 minutes after the crews arrived") rather than a length.
    pub fn offset_direction(&self) -> Option<&str> {
        self.measure
            .as_deref()
            .filter(|m| matches!(*m, "after" | "before" | "ago"))
    }
}

/// A resolved or partly resolved time expression.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TimeValue {
    /// A calendar day; `weekday_named` is true when the text named the weekday.
    Date {
        date: NaiveDate,
        weekday_named: bool,
    },
    /// A weekday that could not be resolved (no publication date).
    Weekday(Weekday),
    /// A month of a year ("in March", "last month").
    Month { year: Option<i32>, month: u32 },
    /// A clock time ("3 a.m.", "14:30"), minutes after midnight.
    Clock(u32),
    /// A part of the day ("Wednesday morning", "last night", "in the evening").
    PartOfDay(DayPart),
}

/// A part of the day, as news writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    /// Minutes after midnight the part covers, start and end; the night runs past
    /// midnight, so its end is above 24 hours.
    pub fn minutes(self) -> (u32, u32) {
        match self {
            DayPart::Morning => (5 * 60, 12 * 60),
            DayPart::Afternoon => (12 * 60, 18 * 60),
            DayPart::Evening => (17 * 60, 23 * 60),
            DayPart::Night => (20 * 60, 30 * 60),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            DayPart::Morning => "morning",
            DayPart::Afternoon => "afternoon",
            DayPart::Evening => "evening",
            DayPart::Night => "night",
        }
    }

    /// "morning", "afternoon", "evening", "night", "overnight".
    pub fn from_word(word: &str) -> Option<DayPart> {
        match word.to_ascii_lowercase().as_str() {
            "morning" => Some(DayPart::Morning),
            "afternoon" => Some(DayPart::Afternoon),
            "evening" => Some(DayPart::Evening),
            "night" | "overnight" => Some(DayPart::Night),
            _ => None,
        }
    }
}

/// A time expression found in a claim.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TimeExpr {
    pub value: TimeValue,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// One statement a report makes.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Position in the report, from 1 in document order (`<report>#<number>`).
    pub number: usize,
    /// Index of the source sentence, from 1.
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    /// Normalised speaker ("Donald Trump", "unnamed sources"); `None` when the outlet asserts it.
    pub speaker: Option<String>,
    pub polarity: Polarity,
    pub modality: Modality,
    pub entities: Vec<Entity>,
    pub quantities: Vec<Quantity>,
    pub times: Vec<TimeExpr>,
    /// The words inside quotation marks, for quotes.
    pub quote: Option<String>,
    /// The claim's source text with runs of white space folded to one space.
    pub text: String,
}

impl Claim {
    /// Where a trailing attribution starts in `text`, for a claim with a speaker
    /// (see [`attribution_tail`]).
    pub fn attribution_tail(&self) -> Option<usize> {
        self.speaker.as_ref()?;
        attribution_tail(&self.text)
    }

    /// Byte ranges of `text` that hold asides: non-restrictive relative clauses
    /// between commas (", who shook Ms Whitlock's hand on the stage,", ", which did
    /// not plead guilty,"). What an aside says is not what the claim asserts, so the
    /// people it names are not the claim's actors.
    pub fn asides(&self) -> Vec<std::ops::Range<usize>> {
        const OPENERS: &[&str] = &["who", "whom", "whose", "which"];
        let text = self.text.as_str();
        let mut found = Vec::new();
        for (comma, _) in text.match_indices(',') {
            let rest = &text[comma + 1..];
            let opener = rest.split_whitespace().next().unwrap_or("");
            if !OPENERS.contains(&opener.to_lowercase().as_str()) {
                continue;
            }
            // The aside ends at the next comma; without one it runs to the end.
            let end = rest.find(',').map_or(text.len(), |at| comma + 1 + at);
            found.push(comma..end);
        }
        found
    }
}

/// Words at most in a trailing attribution (", Detective Chief Inspector Graham
/// Pellow told reporters on Monday"): a longer clause after the last comma says
/// more than who said it.
const ATTRIBUTION_TAIL_MAX_WORDS: usize = 12;

/// Where a trailing attribution starts in `text` (the byte offset of its comma):
/// the clause after the last comma, when it is short, names a speech verb or opens
/// with "according to", and is not inside a quotation. What it says (who spoke, to
/// whom, on which day) is not what the claim asserts.
pub fn attribution_tail(text: &str) -> Option<usize> {
    let comma = text.rfind(',')?;
    let rest = text[comma + 1..].trim_start_matches(['"', '\u{201d}', '\u{2019}', '\'', ' ']);
    let words: Vec<String> = rest
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > ATTRIBUTION_TAIL_MAX_WORDS {
        return None;
    }
    // An opening quotation mark after the comma starts a quotation, not a tail.
    if rest.contains(['"', '\u{201c}']) {
        return None;
    }
    let according = words.len() >= 2 && words[0] == "according" && words[1] == "to";
    // ", adding that the gang had fled" says more: a participle or "that" opens
    // what was said, not who said it.
    // "..., said he expected another cut in February": a pronoun and its verb
    // after the speech verb open the reported clause too.
    let says_more = words.iter().enumerate().any(|(i, w)| {
        w == "that"
            || (w.ends_with("ing") && crate::lexicon::is_speech_verb(w))
            || (crate::lexicon::is_speech_verb(w)
                && i + 2 < words.len()
                && matches!(words[i + 1].as_str(), "he" | "she" | "they" | "it" | "we"))
    });
    let speech = words.iter().any(|w| crate::lexicon::is_speech_verb(w));
    (according || (speech && !says_more)).then_some(comma)
}

/// Something the parser noticed and worked around.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub offset: usize,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_clause_naming_the_speaker_closes_a_claim() {
        fn tail(text: &str) -> Option<&str> {
            attribution_tail(text).map(|at| &text[at..])
        }
        assert_eq!(
            tail("The alarm went off at 2:47 a.m., Detective Chief Inspector Graham Pellow told reporters on Monday."),
            Some(", Detective Chief Inspector Graham Pellow told reporters on Monday.")
        );
        assert_eq!(
            tail("\"I heard glass smashing,\" Tony told The Sun."),
            Some(",\" Tony told The Sun.")
        );
        assert_eq!(
            tail("Nine people were treated, according to the agency."),
            Some(", according to the agency.")
        );
        assert_eq!(
            tail("He said the alarm sounded, adding that nobody was hurt."),
            None
        );
        assert_eq!(
            tail("The alarm sounded, and the guard ran to the stairs."),
            None
        );
        assert_eq!(tail("\"It was awful,\" he said, \"truly awful.\""), None);
        assert_eq!(
            tail("Eirik Moe, an economist, said he expected another cut in February."),
            None
        );
    }

    #[test]
    fn asides_are_relative_clauses_between_commas() {
        let claim = Claim {
            number: 1,
            sentence: 1,
            start: 0,
            end: 0,
            kind: ClaimKind::Reported,
            speaker: None,
            polarity: Polarity::Negative,
            modality: Modality::Asserted,
            entities: Vec::new(),
            quantities: Vec::new(),
            times: Vec::new(),
            quote: None,
            text: "Mr Qureshi, who shook Ms Whitlock's hand, said he would not appeal".into(),
        };
        let asides: Vec<&str> = claim.asides().into_iter().map(|r| &claim.text[r]).collect();
        assert_eq!(asides, [", who shook Ms Whitlock's hand"]);
        let plain = Claim {
            text: "The firm, based in Leeds, said it would not appeal".into(),
            ..claim
        };
        assert!(plain.asides().is_empty());
    }
}
