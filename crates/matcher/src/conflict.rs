//! Conflict detection: does a matched pair of claims contradict itself?
//!
//! The kinds are tried from the most specific to the least (number, time,
//! negation, attribution, quote, entity) and the first one found is reported, so
//! a pair yields at most one conflict. Whether two values are compatible is
//! decided in [`crate::tolerance`]; this module finds the values to compare and
//! writes the row: both values and one plain sentence.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use claimdiff_parser::{
    Claim, Dimension, EntityKind, Modality, Polarity, Quantity, TimeExpr, TimeValue,
};

use crate::features::{word_meaning, word_meaning_after, ClaimFeatures, WordMeaning};
use crate::similarity::PairScore;
use crate::thresholds::{
    BARE_NUMBER_CONFLICT_MIN_SIMILARITY, CLOCK_CONFLICT_MIN_SIMILARITY,
    DAY_CONFLICT_MIN_SIMILARITY, DENIAL_CONFLICT_MIN_SIMILARITY, DENIED_ACT_MIN_WORDS,
    ENTITY_CONFLICT_MIN_CONTENT, FAR_APART_FIGURES_MIN_SIMILARITY,
    GENERIC_NUMBER_CONFLICT_MIN_SIMILARITY, MAX_CLOSE_CLAIMS_DURATION_RATIO,
    MONTH_CONFLICT_MIN_SIMILARITY, NEGATION_CONFLICT_MIN_CONTAINMENT,
    NEGATION_CONFLICT_MIN_SIMILARITY, ORDINAL_CONFLICT_MIN_SIMILARITY, PLACE_CONFLICT_MIN_CONTENT,
    TIME_CONFLICT_MIN_CONTAINMENT, TIME_CONFLICT_MIN_SIMILARITY,
    YES_OR_NO_ACT_DENIAL_MIN_SIMILARITY,
};
use crate::tolerance::*;
use crate::words::{fold, is_negation, is_slot_word, is_stop_word};
use crate::ConflictKind;

/// A conflict found between two claims, before it gets its claim references.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub kind: ConflictKind,
    pub value_a: String,
    pub value_b: String,
    pub explanation: String,
}

/// One side of a pair: the claim and its features.
#[derive(Clone, Copy)]
pub(crate) struct Side<'a> {
    pub claim: &'a Claim,
    pub features: &'a ClaimFeatures,
}

impl Side<'_> {
    /// Whether `name` (name tokens) is this claim's speaker (name variants count as one).
    fn spoken_by(&self, name: &[String]) -> bool {
        self.features
            .speaker_tokens
            .as_deref()
            .is_some_and(|s| name_token_lists_match(s, name))
    }

    /// Whether `name` is one of this claim's entities.
    fn names(&self, name: &[String]) -> bool {
        self.features
            .entity_tokens
            .iter()
            .any(|t| name_token_lists_match(t, name))
    }
}

/// The most specific conflict between two matched claims, if any.
pub(crate) fn detect(a: Side, b: Side, score: &PairScore) -> Option<Found> {
    number_conflict(a, b, score)
        .or_else(|| bare_number_conflict(a, b, score))
        .or_else(|| ordinal_conflict(a, b, score))
        .or_else(|| time_conflict(a, b, score))
        .or_else(|| negation_conflict(a, b, score))
        .or_else(|| continuation_conflict(a, b, score))
        .or_else(|| attribution_conflict(a, b))
        .or_else(|| quote_conflict(a, b))
        .or_else(|| entity_conflict(a, b, score))
}

// ------------------------------------------------------------------ number

/// "40", "40-50", "3.5"; never "NaN".
pub(crate) fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return "?".to_string();
    }
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        let text = format!("{value:.6}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The value column of a quantity, as in claims.csv: `40 minute (approx)`.
pub(crate) fn format_quantity(q: &Quantity) -> String {
    let mut value = format_number(q.value);
    if let Some(upper) = q.upper.filter(|u| u.is_finite() && *u != q.value) {
        value = format!("{value}-{}", format_number(upper));
    }
    if !q.unit.is_empty() {
        value = format!("{value} {}", q.unit);
    }
    let note = match q.approx {
        claimdiff_parser::Approx::Exact => "",
        claimdiff_parser::Approx::About => " (approx)",
        claimdiff_parser::Approx::AtLeast => " (at least)",
        claimdiff_parser::Approx::AtMost => " (at most)",
    };
    value + note
}

/// What is being counted, for the explanation: "death toll", "duration".
fn measure_label(q: &Quantity) -> String {
    if q.dimension == Dimension::Duration {
        return match q.offset_direction() {
            Some(direction) => format!("time {direction}"),
            None => match q.measure.as_deref() {
                Some("ban") => "length of the ban".to_string(),
                Some("trial") => "length of the trial".to_string(),
                Some(measure) => measure.to_string(),
                None => "duration".to_string(),
            },
        };
    }
    if let Some(measure) = &q.measure {
        return match measure.as_str() {
            _ if q.dimension == Dimension::Age => measure.clone(),
            "killed" => "death toll".to_string(),
            "votes" => "vote count".to_string(),
            claimdiff_parser::GROUP_SIZE => "size of the group".to_string(),
            claimdiff_parser::ALL_IT_HAS => format!("number of {} in all", q.unit),
            claimdiff_parser::DISTANCE_AWAY => "distance from the place".to_string(),
            "turnout" | "support" => measure.clone(),
            _ if is_named_rate(q) => format!("{measure} rate"),
            other => format!("number {other}"),
        };
    }
    match q.dimension {
        Dimension::Money => "amount".to_string(),
        Dimension::Percent if q.unit == claimdiff_parser::PERCENTAGE_POINTS => {
            "size of the change".to_string()
        }
        Dimension::Percent => "percentage".to_string(),
        Dimension::Distance => "distance".to_string(),
        Dimension::Area => "area".to_string(),
        Dimension::Data => "amount of data".to_string(),
        Dimension::Speed => "speed".to_string(),
        Dimension::Weight => "weight".to_string(),
        Dimension::Temperature => "temperature".to_string(),
        Dimension::Age => "age".to_string(),
        Dimension::Year => "year".to_string(),
        // "level differs: 3 vs FOUR".
        _ if claimdiff_parser::lexicon::RATING_SCALES.contains(&q.unit.as_str()) => q.unit.clone(),
        _ if !q.unit.is_empty() && q.unit != "people" => format!("number of {}s", q.unit),
        _ => "number".to_string(),
    }
}

fn joined(qs: &[&Quantity], f: impl Fn(&Quantity) -> String) -> String {
    qs.iter().map(|q| f(q)).collect::<Vec<_>>().join("; ")
}

/// A claim's finite quantities by measure key.
fn by_key<'a>(side: Side<'a>) -> BTreeMap<&'a str, Vec<&'a Quantity>> {
    let mut map: BTreeMap<&str, Vec<&Quantity>> = BTreeMap::new();
    for (q, key) in side
        .claim
        .quantities
        .iter()
        .zip(&side.features.quantity_keys)
    {
        if q.value.is_finite() && crate::tolerance::is_comparable_measure(key) {
            map.entry(key.as_str()).or_default().push(q);
        }
    }
    map
}

/// Parts that may add up to a total like `like`: summable, same dimension and measure.
fn parts<'a>(claim: &'a Claim, like: &Quantity) -> Vec<&'a Quantity> {
    claim
        .quantities
        .iter()
        .filter(|q| {
            q.value.is_finite()
                && is_summable(q)
                && q.dimension == like.dimension
                && q.measure == like.measure
        })
        .collect()
}

/// Some figure of one side could be a statement of some figure of the other
/// (`plausibly_same_quantity`), so that comparing them means something.
fn any_plausibly_same(a_same: &[&Quantity], b_same: &[&Quantity]) -> bool {
    a_same
        .iter()
        .any(|x| b_same.iter().any(|y| plausibly_same_quantity(x, y)))
}

/// Whether some figure of `a_same` and some of `b_same` are within `max_ratio`
/// of each other (`figures_within_ratio`).
fn any_within_ratio(a_same: &[&Quantity], b_same: &[&Quantity], max_ratio: f64) -> bool {
    a_same
        .iter()
        .any(|x| b_same.iter().any(|y| figures_within_ratio(x, y, max_ratio)))
}

/// Numbers of the same measure that cannot both be right.
fn number_conflict(a: Side, b: Side, score: &PairScore) -> Option<Found> {
    numbers_in_conflict(a, b, score, |_| true)
}

/// "Seven were flown to Palermo by helicopter" vs "Four survivors were flown by
/// helicopter to hospital in Palermo": in claims that say the same thing
/// otherwise (see `BARE_NUMBER_CONFLICT_MIN_SIMILARITY`), a number that counts
/// nothing named is the other claim's one count.
fn bare_number_conflict(a: Side, b: Side, score: &PairScore) -> Option<Found> {
    if score.similarity < BARE_NUMBER_CONFLICT_MIN_SIMILARITY || different_subjects(a, b) {
        return None;
    }
    fn counts<'a>(side: Side<'a>) -> Vec<&'a Quantity> {
        side.claim
            .quantities
            .iter()
            .filter(|q| q.dimension == Dimension::Count)
            .collect()
    }
    let is_bare = |q: &Quantity| q.unit.is_empty() && q.measure.is_none();
    let (counts_a, counts_b) = (counts(a), counts(b));
    let ([x], [y]) = (counts_a.as_slice(), counts_b.as_slice()) else {
        return None;
    };
    if is_bare(x) == is_bare(y) || !x.value.is_finite() || !y.value.is_finite() {
        return None;
    }
    if quantities_compatible(&[x], &[y], &[], &[]) {
        return None;
    }
    let counted = if is_bare(x) { y } else { x };
    Some(Found {
        kind: ConflictKind::Number,
        value_a: format_quantity(x),
        value_b: format_quantity(y),
        explanation: format!(
            "{} differs: {} vs {}",
            measure_label(counted),
            x.text,
            y.text
        ),
    })
}

/// Counts of one counted thing that cannot both be right ("23 houses had been
/// destroyed" vs "32 homes were destroyed"), for a pair that matches too loosely to
/// be compared otherwise (see `COUNT_CONFLICT_MIN_SIMILARITY`).
pub(crate) fn count_conflict(a: Side, b: Side, score: &PairScore) -> Option<Found> {
    numbers_in_conflict(a, b, score, is_count_or_rate)
}

/// A count, a rate an economy is measured by ("unemployment at 7.1 per cent") or
/// a temperature reading: a figure whose measure alone says what it is of
/// (readings are compared only at one place, see `numbers_in_conflict`).
fn is_count_or_rate(quantity: &Quantity) -> bool {
    quantity.dimension == Dimension::Count
        || is_named_rate(quantity)
        || (quantity.dimension == Dimension::Temperature
            && quantity.measure.as_deref() != Some(claimdiff_parser::TEMPERATURE_CHANGE))
}

/// "110 people", with no act the lexicon names: people on board, in a
/// shelter's design, pulled from the water. The commonest counted thing says
/// least about what was counted.
fn is_bare_count_of_people(quantity: &Quantity) -> bool {
    quantity.dimension == Dimension::Count
        && quantity.measure.is_none()
        && quantity.unit == "people"
}

fn is_named_rate(quantity: &Quantity) -> bool {
    quantity.dimension == Dimension::Percent
        && quantity
            .measure
            .as_deref()
            .is_some_and(claimdiff_parser::lexicon::is_rate_measure)
}

/// Whether a claim's figures give what someone wanted rather than what happened:
/// "wanted a cut of 25 basis points", "called for 9 per cent". The figure must
/// follow the wish: "43 MPs had called for her to go" counts the people who did.
fn states_a_preference(claim: &Claim) -> bool {
    const PREFERRING: &[&str] = &[
        "wanted",
        "wants",
        "preferred",
        "prefers",
        "favoured",
        "favored",
        "favours",
        "favors",
    ];
    const FOR_AFTER: &[&str] = &["called", "calls", "pushed", "pushes", "argued", "argues"];
    let folded = fold(&claim.text);
    let words: Vec<&str> = folded.split_whitespace().collect();
    let Some(wish_at) = words.iter().enumerate().position(|(i, word)| {
        PREFERRING.contains(word) || (FOR_AFTER.contains(word) && words.get(i + 1) == Some(&"for"))
    }) else {
        return false;
    };
    let after_wish = words[wish_at + 1..].join(" ");
    claim.quantities.iter().any(|q| {
        let figure = fold(&q.text);
        !figure.is_empty() && after_wish.contains(&figure)
    })
}

/// When in the trading day a market figure was read.
#[derive(Debug, Clone, Copy, PartialEq)]
enum MarketReading {
    Open,
    /// During the day: at a clock time when the claim gives one ("by 1130 GMT"),
    /// or at the time of writing ("the krone is down 0.6%").
    During(Option<u32>),
    Close,
}

/// The moment of the trading day a claim reads its figures at, from its words:
/// "closed 12.5% lower", "ended the day down 1.1%", "opened 9% lower", "by 1130
/// GMT", "is now down 14%". `None` when it does not say.
fn market_reading(claim: &Claim) -> Option<MarketReading> {
    // Words without their punctuation: "Markets have closed." closes.
    let words = crate::words::words(&fold(&claim.text));
    let has = |phrase: &[&str]| words.windows(phrase.len()).any(|w| w == phrase);
    const CLOSE: &[&[&str]] = &[
        &["closed"],
        &["closing"],
        &["at", "the", "close"],
        &["ended", "the", "day"],
        &["finished", "the", "day"],
        &["end", "of", "trading"],
        &["end", "of", "the", "day"],
    ];
    const OPEN: &[&[&str]] = &[
        &["opened"],
        &["at", "the", "open"],
        &["early", "trading"],
        &["early", "trade"],
        &["first", "minutes"],
    ];
    const NOW: &[&[&str]] = &[
        &["is", "down"],
        &["is", "up"],
        &["are", "down"],
        &["are", "up"],
        &["now", "down"],
        &["now", "up"],
        &["midday"],
    ];
    if CLOSE.iter().any(|p| has(p)) {
        return Some(MarketReading::Close);
    }
    if OPEN.iter().any(|p| has(p)) {
        return Some(MarketReading::Open);
    }
    let clock = claim.times.iter().find_map(|t| match t.value {
        TimeValue::Clock(minutes) => Some(minutes),
        _ => None,
    });
    if clock.is_some() || NOW.iter().any(|p| has(p)) {
        return Some(MarketReading::During(clock));
    }
    None
}

/// Whether two claims read their figures at different moments of the trading day:
/// "closed 12.5% lower at 201p" against "down 14% at 198 pence by 1130 GMT". A
/// figure from the first minutes is an early reading of what a claim that does not
/// say when gives as the day's move.
fn market_readings_differ(a: &Claim, b: &Claim) -> bool {
    match (market_reading(a), market_reading(b)) {
        (Some(x), Some(y)) => x != y,
        (Some(MarketReading::Open), None) | (None, Some(MarketReading::Open)) => true,
        _ => false,
    }
}

/// Whether a claim states a count that [`count_conflict`] compares.
pub(crate) fn states_a_count(claim: &Claim, features: &ClaimFeatures) -> bool {
    claim
        .quantities
        .iter()
        .zip(&features.quantity_keys)
        .any(|(q, key)| {
            is_count_or_rate(q)
                && q.value.is_finite()
                && crate::tolerance::is_comparable_measure(key)
        })
}

fn numbers_in_conflict(
    a: Side,
    b: Side,
    score: &PairScore,
    compared: impl Fn(&Quantity) -> bool,
) -> Option<Found> {
    // "Whitlock received 11,406 votes" vs "Qureshi received 11,319": each figure is
    // about its own person.
    if a.claim.quantities.is_empty() || b.claim.quantities.is_empty() || different_subjects(a, b) {
        return None;
    }
    let (keys_a, keys_b) = (by_key(a), by_key(b));
    for (key, a_same) in &keys_a {
        let Some(b_same) = keys_b.get(key) else {
            continue;
        };
        if !compared(a_same[0]) {
            continue;
        }
        // Amounts of money or shares in loosely related claims are often different
        // sums (a total vs a part of it): they need a closer match.
        // Nor is sharing the measure alone enough ("Unite wants 9 per cent" vs "the
        // company has offered 3.5%"): the claims must share a word or a name too.
        let generic = (matches!(a_same[0].dimension, Dimension::Money | Dimension::Percent)
            && !is_named_rate(a_same[0]))
            || is_bare_count_of_people(a_same[0]);
        // A named measure says what the sum is ("valued at £2.4m" vs "worth £5m").
        let shares_more_than_the_measure =
            score.content_similarity > 0.0 || score.shares_name || a_same[0].measure.is_some();
        if generic
            && (score.similarity < GENERIC_NUMBER_CONFLICT_MIN_SIMILARITY
                || !shares_more_than_the_measure)
        {
            continue;
        }
        // A wind speed or a temperature is a reading taken somewhere, and an unemployment rate is
        // a place's: two readings are of one thing only at the same place, or
        // when neither claim says where.
        let of_a_place = matches!(
            a_same[0].dimension,
            Dimension::Speed | Dimension::Temperature
        ) || is_named_rate(a_same[0]);
        if of_a_place && !same_places(a, b) {
            continue;
        }
        // "a 66 per cent fall in pre-tax profit" vs "Revenue dropped 11%": changes
        // of different things.
        if a_same[0].dimension == Dimension::Percent {
            let (changed_a, changed_b) =
                (changed_things(&a.claim.text), changed_things(&b.claim.text));
            if !changed_a.is_empty()
                && !changed_b.is_empty()
                && !changed_a.iter().any(|thing| changed_b.contains(thing))
            {
                continue;
            }
        }
        // Figures far apart are mostly of different things, unless two lengths of
        // time stand in claims that say the same thing otherwise ("questioned by
        // a judge for three hours" vs "faced the judge for just 40 minutes").
        let close_lengths_of_time = a_same[0].dimension == Dimension::Duration
            && score.similarity >= FAR_APART_FIGURES_MIN_SIMILARITY;
        let comparable = if close_lengths_of_time {
            any_within_ratio(a_same, b_same, MAX_CLOSE_CLAIMS_DURATION_RATIO)
        } else {
            any_plausibly_same(a_same, b_same)
        };
        let (a_parts, b_parts) = (parts(a.claim, a_same[0]), parts(b.claim, b_same[0]));
        let differ = comparable && !quantities_compatible(a_same, b_same, &a_parts, &b_parts);
        // Read only for figures that differ, as these checks read the claims' words:
        // a share price or a currency moves all day, so its figures at the open, at
        // noon and at the close are three readings, not three claims about one; and
        // what someone wanted ("the two dissenters wanted a cut of 25 basis points")
        // is not what was done ("the bank cut by 50").
        if differ && generic && market_readings_differ(a.claim, b.claim) {
            continue;
        }
        if differ && states_a_preference(a.claim) != states_a_preference(b.claim) {
            return None;
        }
        if differ {
            // "fined in 2023" vs "fined in 2021": a year says when, not how many.
            let kind = if a_same[0].dimension == Dimension::Year {
                ConflictKind::Time
            } else {
                ConflictKind::Number
            };
            return Some(Found {
                kind,
                value_a: joined(a_same, format_quantity),
                value_b: joined(b_same, format_quantity),
                explanation: format!(
                    "{} differs: {} vs {}",
                    measure_label(a_same[0]),
                    joined(a_same, |q| q.text.clone()),
                    joined(b_same, |q| q.text.clone())
                ),
            });
        }
    }
    None
}

/// What a claim's percentages say rose or fell: the noun after a change word and
/// "in" ("a 66 per cent fall in quarterly pre-tax profit": profit) and the noun
/// before a change verb ("Revenue dropped 11%": revenue), folded and without a
/// plural "s". Change words are the lexicon's `increase` and `decrease`
/// predicates. Only those within a few words of a percentage count: "as demand for
/// televisions slumped" tells why, not what the figure is.
fn changed_things(text: &str) -> Vec<String> {
    const NEAR: usize = 3;
    let is_change = |word: &str| {
        matches!(
            claimdiff_parser::lexicon::canonical_predicate(word),
            Some("increase" | "decrease")
        )
    };
    let raw: Vec<&str> = text.split_whitespace().collect();
    let words: Vec<String> = raw
        .iter()
        .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')))
        .collect();
    let percents: Vec<usize> = (0..raw.len())
        .filter(|&at| {
            raw[at].contains('%') || (words[at] == "cent" && at > 0 && words[at - 1] == "per")
        })
        .collect();
    let near_a_percent = |at: usize| percents.iter().any(|&p| p.abs_diff(at) <= NEAR);
    let singular = |word: &str| word.strip_suffix('s').unwrap_or(word).to_string();
    let mut things = Vec::new();
    for (at, word) in words.iter().enumerate() {
        if !near_a_percent(at) || !is_change(word) {
            continue;
        }
        if words.get(at + 1).is_some_and(|w| w == "in") {
            let thing = words[at + 2..]
                .iter()
                .take(4)
                .take_while(|w| !w.is_empty() && !is_stop_word(w))
                .last();
            things.extend(thing.map(|w| singular(w)));
        } else if at > 0 && !is_stop_word(&words[at - 1]) {
            things.push(singular(&words[at - 1]));
        }
    }
    things
}

/// Ordinals by rank, spelled and in figures.
const ORDINALS: [(&str, &str); 10] = [
    ("first", "1st"),
    ("second", "2nd"),
    ("third", "3rd"),
    ("fourth", "4th"),
    ("fifth", "5th"),
    ("sixth", "6th"),
    ("seventh", "7th"),
    ("eighth", "8th"),
    ("ninth", "9th"),
    ("tenth", "10th"),
];

/// A rank stated in a claim: the ordinal as written, its rank, and the noun it
/// ranks as written and by meaning.
struct Rank {
    shown: String,
    rank: usize,
    thing_shown: String,
    thing: WordMeaning,
}

/// The one ordinal of a claim ("It was Norvane's second orbital launch attempt")
/// and the noun it ranks: the last of the (at most three) words after it, before
/// a stop word, a past tense or an adverb ("the first stage burned normally"
/// ranks a stage).
fn rank_of(claim: &Claim) -> Option<Rank> {
    let words = surface_words(&claim.text);
    let rank_at = |folded: &str| {
        ORDINALS
            .iter()
            .position(|(spelled, figures)| folded == *spelled || folded == *figures)
    };
    let mut found = words
        .iter()
        .enumerate()
        .filter_map(|(at, (shown, folded))| Some((at, shown, rank_at(folded)?)));
    let (at, shown, rank) = found.next()?;
    if found.next().is_some() {
        return None; // "the first and second stages": a list, not one rank
    }
    let (thing_shown, ranked) = words[at + 1..]
        .iter()
        .take(3)
        .take_while(|(_, folded)| {
            !is_stop_word(folded) && !folded.ends_with("ed") && !folded.ends_with("ly")
        })
        .last()?;
    Some(Rank {
        shown: shown.to_lowercase(),
        rank,
        thing_shown: thing_shown.to_lowercase(),
        thing: word_meaning(ranked),
    })
}

/// "It was Norvane's second orbital launch attempt" vs "It was Norvane's third
/// attempt to reach orbit": two ranks of one thing in claims that otherwise say
/// the same (`ORDINAL_CONFLICT_MIN_SIMILARITY`).
fn ordinal_conflict(a: Side, b: Side, score: &PairScore) -> Option<Found> {
    if score.similarity < ORDINAL_CONFLICT_MIN_SIMILARITY {
        return None;
    }
    let (rank_a, rank_b) = (rank_of(a.claim)?, rank_of(b.claim)?);
    if rank_a.thing != rank_b.thing || rank_a.rank == rank_b.rank {
        return None;
    }
    let (thing, shown_a, shown_b) = (rank_a.thing_shown, rank_a.shown, rank_b.shown);
    Some(Found {
        kind: ConflictKind::Number,
        explanation: format!("which {thing} it was differs: the {shown_a} vs the {shown_b}"),
        value_a: shown_a,
        value_b: shown_b,
    })
}

/// Both claims give one wind speed or temperature the same value ("the old mark
/// of 46.0 C was set in June 2019" and "the previous high of 46C was set in July
/// 2019"): one reading, so its times must agree however the rest is worded.
fn same_reading_at_a_time(a: Side, b: Side) -> bool {
    let is_reading = |side: Side| {
        side.claim
            .quantities
            .iter()
            .any(|q| matches!(q.dimension, Dimension::Speed | Dimension::Temperature))
    };
    is_reading(a) && is_reading(b) && same_measured_value(a, b)
}

/// Both claims give one reading the same value: "a gust of 92 mph" and "a 148 km/h
/// gust". Only speeds, distances and weights: they are taken somewhere, so two
/// places are two readings. A count names places in other roles ("two died on a
/// train from Shrewsbury" vs "two dead in Powys").
fn same_measured_value(a: Side, b: Side) -> bool {
    let (keys_a, keys_b) = (by_key(a), by_key(b));
    keys_a.iter().any(|(key, a_same)| {
        let reading = matches!(
            a_same[0].dimension,
            Dimension::Speed | Dimension::Distance | Dimension::Weight | Dimension::Temperature
        );
        reading
            && keys_b.get(key).is_some_and(|b_same| {
                any_plausibly_same(a_same, b_same)
                    && quantities_compatible(a_same, b_same, &[], &[])
            })
    })
}

// ------------------------------------------------------------------ time

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn month_name(month: u32) -> &'static str {
    claimdiff_parser::lexicon::month_name(month).unwrap_or("?")
}

/// The value column of a time: `2025-07-04 (Friday)`, `Friday`, `2025-07`, `03:30`.
pub(crate) fn format_time(value: &TimeValue) -> String {
    match value {
        TimeValue::Date { date, .. } => format!("{date} ({})", weekday_name(date.weekday())),
        TimeValue::Weekday(day) => weekday_name(*day).to_string(),
        TimeValue::Month {
            year: Some(year),
            month,
        } => format!("{year}-{month:02}"),
        TimeValue::Month { year: None, month } => month_name(*month).to_string(),
        TimeValue::Clock(minutes) => format!("{:02}:{:02}", (minutes / 60) % 24, minutes % 60),
        TimeValue::PartOfDay(part) => part.name().to_string(),
    }
}

/// How a time reads in an explanation: "Friday 4 July", "July 2025", "3 a.m.".
pub(crate) fn describe_time(time: &TimeExpr) -> String {
    let day = |date: &NaiveDate| {
        format!(
            "{} {} {}",
            weekday_name(date.weekday()),
            date.day(),
            month_name(date.month())
        )
    };
    match &time.value {
        TimeValue::Date { date, .. } => day(date),
        TimeValue::Weekday(d) => weekday_name(*d).to_string(),
        TimeValue::Month {
            year: Some(year),
            month,
        } => format!("{} {year}", month_name(*month)),
        TimeValue::Month { year: None, month } => month_name(*month).to_string(),
        TimeValue::Clock(_) if !time.text.trim().is_empty() => time.text.trim().to_string(),
        TimeValue::Clock(_) => format_time(&time.value),
        TimeValue::PartOfDay(part) => part.name().to_string(),
    }
}

/// Both claims name people and none of them in common: probably two happenings
/// ("Trump spoke with Putin on Thursday" vs "... with Zelenskyy on Friday").
fn different_people(a: Side, b: Side) -> bool {
    let is_person = |kind| kind == EntityKind::Person;
    let (pa, pb) = (names_of(a, is_person), names_of(b, is_person));
    !pa.is_empty() && !pb.is_empty() && !pa.iter().any(|x| names_include(&pb, x))
}

/// Both claims are about named people, leaving their speakers aside, and none of
/// them in common: two officials' different tolls still conflict, but two
/// candidates' vote counts or two defendants' sentences are two facts.
fn different_subjects(a: Side, b: Side) -> bool {
    fn subjects(side: Side<'_>) -> Vec<&[String]> {
        let mut people = names_of(side, |kind| kind == EntityKind::Person);
        people.retain(|tokens| !side.spoken_by(tokens));
        people
    }
    let (pa, pb) = (subjects(a), subjects(b));
    !pa.is_empty() && !pb.is_empty() && !pa.iter().any(|x| names_include(&pb, x))
}

/// Whether two readings (a wind speed, a temperature) are taken at one place:
/// the claims share a town or a site, named by the other as a place or as a name
/// of unknown kind ("on Tiree" is not always typed a place), or neither names a
/// place at all. Countries and large regions hold many places ("the highest
/// temperature ever measured in France"): sharing one is no shared site.
fn same_places(a: Side, b: Side) -> bool {
    fn sites(side: Side<'_>) -> Vec<&[String]> {
        let mut places = names_of(side, |kind| kind == EntityKind::Place);
        places.retain(|tokens| !is_country_or_region(&tokens.join(" ")));
        places
    }
    let place_like = |kind| matches!(kind, EntityKind::Place | EntityKind::Other);
    let shared = |x: Side, y: Side| {
        let others = names_of(y, place_like);
        sites(x).iter().any(|place| names_include(&others, place))
    };
    let no_place = |x: Side| names_of(x, |kind| kind == EntityKind::Place).is_empty();
    (no_place(a) && no_place(b)) || shared(a, b) || shared(b, a)
}

/// Whether the claim names `name` (by its last token) as one who acts: outside its
/// asides (`Claim::asides`) and its trailing attribution (", PSP spokesman Paulo
/// Rebelo said": the body the speaker speaks for), and not only as the one told
/// ("its director told the Herald"); true when the name cannot be found in the
/// text at all.
fn named_as_actor(claim: &Claim, name: &[String]) -> bool {
    let Some(last) = name.last() else {
        return false;
    };
    // ASCII folding keeps byte offsets, so they still point into the asides.
    let text = claim.text.to_ascii_lowercase();
    let mut asides = claim.asides();
    asides.extend(claim.attribution_tail().map(|tail| tail..text.len()));
    let mut mentions = text.match_indices(last.as_str()).peekable();
    if mentions.peek().is_none() {
        return true;
    }
    let told = |at: usize| {
        let before = text[..at].trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before);
        before.ends_with(" told") || before.ends_with(" telling")
    };
    mentions.any(|(at, _)| !told(at) && !asides.iter().any(|aside| aside.contains(&at)))
}

/// Whether a place's name acts in the claim as a government does: it owns a
/// decision ("Washington's move") or says something ("Kyiv warned", "Berlin
/// insisted").
fn stands_for_its_government(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let after = &text[at + name.len()..];
        let next_word = after
            .trim_start()
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        after.starts_with("'s")
            || after.starts_with("\u{2019}s")
            || claimdiff_parser::lexicon::is_speech_verb(&next_word.to_lowercase())
    })
}

/// The name tokens of a side's entities of the kinds `keep` accepts.
fn names_of(side: Side<'_>, keep: impl Fn(EntityKind) -> bool) -> Vec<&[String]> {
    side.claim
        .entities
        .iter()
        .zip(&side.features.entity_tokens)
        .filter(|(entity, _)| keep(entity.kind))
        .map(|(_, tokens)| tokens.as_slice())
        .collect()
}

/// Whether one of `names` is `name` (name variants count as one).
fn names_include(names: &[&[String]], name: &[String]) -> bool {
    names
        .iter()
        .any(|other| name_token_lists_match(other, name))
}

fn is_clock(time: &TimeExpr) -> bool {
    matches!(time.value, TimeValue::Clock(_) | TimeValue::PartOfDay(_))
}

/// "from 9 a.m. to 9 p.m.", "between 6am and 9pm": two clock times a claim gives
/// as the start and the end of one period.
fn clock_period(claim: &Claim) -> Option<(&TimeExpr, &TimeExpr)> {
    let clocks: Vec<&TimeExpr> = claim
        .times
        .iter()
        .filter(|t| matches!(t.value, TimeValue::Clock(_)))
        .collect();
    let [from, to] = clocks[..] else {
        return None;
    };
    // Lower case may change a text's length, so every offset is taken in the
    // lower-cased texts.
    let text = claim.text.to_lowercase();
    let from_text = from.text.to_lowercase();
    let at_from = text.find(&from_text)?;
    let after_from = at_from + from_text.len();
    let at_to = after_from + text[after_from..].find(&to.text.to_lowercase())?;
    let joined = matches!(
        text[after_from..at_to].trim(),
        "to" | "until" | "till" | "-" | "–" | "and"
    );
    let opener = text[..at_from].trim_end();
    let opened = opener.ends_with("from") || opener.ends_with("between");
    (joined && opened).then_some((from, to))
}

/// Two periods of one happening that start or end at different times ("in force
/// from 9 a.m. to 9 p.m." vs "from 6am until 9pm"): the ends agreeing does not
/// make the starts agree, as it would for two unrelated times of the claims.
fn period_conflict(a: &Claim, b: &Claim) -> Option<Found> {
    let ((a_from, a_to), (b_from, b_to)) = (clock_period(a)?, clock_period(b)?);
    let starts = times_compatible(&a_from.value, &b_from.value)?;
    let ends = times_compatible(&a_to.value, &b_to.value)?;
    if starts && ends {
        return None;
    }
    let period = |from: &TimeExpr, to: &TimeExpr| {
        format!("{}-{}", format_time(&from.value), format_time(&to.value))
    };
    let shown = |from: &TimeExpr, to: &TimeExpr| {
        format!("{} to {}", describe_time(from), describe_time(to))
    };
    Some(Found {
        kind: ConflictKind::Time,
        value_a: period(a_from, a_to),
        value_b: period(b_from, b_to),
        explanation: format!(
            "period differs: {} vs {}",
            shown(a_from, a_to),
            shown(b_from, b_to)
        ),
    })
}

/// One claim names the act that opens a state and the other the act that closes
/// it ("the notice was issued on Wednesday" / "lifted the notice on Monday"), and
/// neither names both: two happenings.
fn name_opposite_ends(a: &Claim, b: &Claim) -> bool {
    use claimdiff_parser::lexicon::state_act_end;
    let ends = |claim: &Claim| -> Vec<(usize, bool)> {
        surface_words(&claim.text)
            .iter()
            .filter_map(|(_, folded)| state_act_end(folded))
            .collect()
    };
    let (in_a, in_b) = (ends(a), ends(b));
    in_a.iter().any(|&(pair, closing)| {
        in_b.contains(&(pair, !closing))
            && !in_a.contains(&(pair, !closing))
            && !in_b.contains(&(pair, closing))
    })
}

/// Different days (or clock times) for the same happening. Within each class
/// (days, clock times), a conflict needs comparable times none of which agree.
/// "By Sunday afternoon it was 40% contained", "by last night 23 homes had been
/// destroyed": the time a figure had been reached, so two such times are two
/// moments of one growing figure, not two accounts of when something happened. A
/// deadline without a figure ("asked to respond by Tuesday") is still a time.
fn is_reached_by(claim: &Claim, time: &TimeExpr) -> bool {
    if claim.quantities.is_empty() {
        return false;
    }
    let text = fold(&claim.text);
    let by_time = format!("by {}", fold(&time.text));
    text.starts_with(&by_time) || text.contains(&format!(" {by_time}"))
}

/// A claim's times that say when something happened (see [`is_reached_by`]).
fn times_not_reached_by(claim: &Claim) -> Vec<&TimeExpr> {
    claim
        .times
        .iter()
        .filter(|t| !is_reached_by(claim, t))
        .collect()
}

/// Each of `times` with whether it is said only inside an aside of the claim ("Some
/// 7,480 runners started the race, which organisers cut short shortly before
/// 11:30am"): such a time dates the aside's act, so it is compared only with a time
/// another claim also says in an aside ("Mr Trump, who took office on Jan. 20, ..."
/// against "on Jan. 22").
fn with_aside_flags<'c>(claim: &Claim, times: Vec<&'c TimeExpr>) -> Vec<(&'c TimeExpr, bool)> {
    let asides = claim.asides();
    times
        .into_iter()
        .map(|time| {
            let mut found = claim.text.match_indices(time.text.as_str()).peekable();
            let only_in_asides = found.peek().is_some()
                && found.all(|(at, _)| asides.iter().any(|aside| aside.contains(&at)));
            (time, only_in_asides)
        })
        .collect()
}

fn time_conflict(sa: Side, sb: Side, score: &PairScore) -> Option<Found> {
    let same_happening = score.similarity >= TIME_CONFLICT_MIN_SIMILARITY
        || score.containment >= TIME_CONFLICT_MIN_CONTAINMENT
        || score.same_act_and_name
        || same_reading_at_a_time(sa, sb);
    if !same_happening {
        return clock_of_one_off_act_conflict(sa, sb, score)
            .or_else(|| day_of_one_happening_conflict(sa, sb, score))
            .or_else(|| dated_thing_conflict(sa, sb, score));
    }
    times_in_conflict(sa, sb, score, &[false, true])
}

/// Different clock times of one act done once ("It struck the fallen earth at
/// about 6:15 a.m." vs "It hit the landslide at about 7am"): a train derails, a
/// ship strikes rocks, violence breaks out once in a story, however differently
/// the rest is worded. Only the clock times are compared, and only when each
/// claim gives one and no part of the day (see `CLOCK_CONFLICT_MIN_SIMILARITY`).
pub(crate) fn clock_of_one_off_act_conflict(
    sa: Side,
    sb: Side,
    score: &PairScore,
) -> Option<Found> {
    // "3:20 a.m." against "on Tuesday morning" is left to closer pairs: writers
    // stretch the parts of the day.
    let one_clock = |claim: &Claim| {
        let mut of_day = claim.times.iter().filter(|t| is_clock(t));
        of_day
            .next()
            .is_some_and(|t| matches!(t.value, TimeValue::Clock(_)))
            && of_day.next().is_none()
    };
    let comparable = score.same_one_off_act
        && score.similarity >= CLOCK_CONFLICT_MIN_SIMILARITY
        && one_clock(sa.claim)
        && one_clock(sb.claim);
    if !comparable {
        return None;
    }
    times_in_conflict(sa, sb, score, &[true])
}

/// Different days of one happening in loosely matching claims (see
/// `DAY_CONFLICT_MIN_SIMILARITY`): each claim states one day as a fact, with no
/// other time, and the two share two names, or a name and a one-off act.
pub(crate) fn day_of_one_happening_conflict(
    sa: Side,
    sb: Side,
    score: &PairScore,
) -> Option<Found> {
    let only_a_day = |side: Side| matches!(side.claim.times.as_slice(), [_]);
    let one_day_each = gives_one_day_as_fact(sa.claim) && gives_one_day_as_fact(sb.claim);
    let named_alike = score.shares_name
        && (score.same_one_off_act || shared_names(sa, sb) >= 2)
        && only_a_day(sa)
        && only_a_day(sb);
    // "Police arrested three suspected smugglers on Thursday" vs "The three men
    // were arrested on Wednesday evening": one act done to as many people.
    let same_act_on_as_many = score.same_one_off_act && same_count_of_people(sa, sb);
    let comparable = score.similarity >= DAY_CONFLICT_MIN_SIMILARITY
        && one_day_each
        && (named_alike || same_act_on_as_many);
    if !comparable {
        return None;
    }
    times_in_conflict(sa, sb, score, &[false])
}

/// The things a claim dates: the last two content words before "on", "for" or
/// "by" and a day ("called a general strike for Thursday, 5 November": general,
/// strike; "will pore over the postal votes on Tuesday": postal, vote; "is
/// expected to reopen on Friday": expected, reopen), with that day.
fn dated_things(claim: &Claim) -> Vec<([WordMeaning; 2], &TimeExpr)> {
    claim
        .times
        .iter()
        .filter(|t| matches!(t.value, TimeValue::Date { .. } | TimeValue::Weekday(_)))
        .filter_map(|time| {
            let before = claim.text.get(..time.start.checked_sub(claim.start)?)?;
            let words = surface_words(before);
            let (preposition, rest) = words.split_last()?;
            if !matches!(preposition.1.as_str(), "on" | "for" | "by") {
                return None;
            }
            let mut content = rest
                .iter()
                .rev()
                .take(4)
                .filter(|(_, f)| !is_stop_word(f) && !is_negation(f))
                .filter(|(_, f)| !is_slot_word(f) && !f.chars().any(|c| c.is_ascii_digit()));
            let last = word_meaning(&content.next()?.1);
            let first = word_meaning(&content.next()?.1);
            Some(([first, last], time))
        })
        .collect()
}

/// Whether a claim dates a thing it names in two words (see [`dated_things`]),
/// so that [`dated_thing_conflict`] may compare it below the match threshold.
pub(crate) fn dates_a_named_thing(claim: &Claim) -> bool {
    claim.modality != Modality::Conditional && !dated_things(claim).is_empty()
}

/// The same thing, named in the same two words, dated to different days in
/// loosely matching claims (see `DAY_CONFLICT_MIN_SIMILARITY`): "The FUT has
/// called a general strike for Thursday, 5 November" against "The federation has
/// called a general strike for Thursday, 12 November"; "lawyers will review the
/// postal votes on Monday" against "will pore over the postal votes on Tuesday".
pub(crate) fn dated_thing_conflict(sa: Side, sb: Side, score: &PairScore) -> Option<Found> {
    let conditional = |side: Side| side.claim.modality == Modality::Conditional;
    if score.similarity < DAY_CONFLICT_MIN_SIMILARITY
        || conditional(sa)
        || conditional(sb)
        || different_people(sa, sb)
    {
        return None;
    }
    let (things_a, things_b) = (dated_things(sa.claim), dated_things(sb.claim));
    let mut clash = None;
    for (thing, ta) in &things_a {
        for (_, tb) in things_b.iter().filter(|(other, _)| other == thing) {
            if plans_a_later_day(sa, ta, sb, tb) || plans_a_later_day(sb, tb, sa, ta) {
                continue;
            }
            match times_compatible(&ta.value, &tb.value) {
                Some(true) => return None,
                Some(false) => {
                    clash.get_or_insert((*ta, *tb));
                }
                None => {}
            }
        }
    }
    let (ta, tb) = clash?;
    Some(Found {
        kind: ConflictKind::Time,
        value_a: format_time(&ta.value),
        value_b: format_time(&tb.value),
        explanation: format!(
            "day differs: {} vs {}",
            describe_time(ta),
            describe_time(tb)
        ),
    })
}

/// "Eight more bodies were recovered this afternoon" vs "Nine of the bodies were
/// recovered on Wednesday": a count added to an earlier one tells of a later
/// batch, so its day is not the other claim's, unless both add the same.
fn one_adds_to_the_other(a: Side, b: Side) -> bool {
    let additions = |side: Side| -> Vec<String> {
        side.claim
            .quantities
            .iter()
            .filter_map(|q| q.measure.clone())
            .filter(|m| m.starts_with(claimdiff_parser::ADDED_MEASURE_PREFIX))
            .collect()
    };
    additions(a) != additions(b)
}

/// Whether both claims count the people of one named measure alike ("three
/// suspected smugglers" and "the three men" arrested).
fn same_count_of_people(a: Side, b: Side) -> bool {
    let (keys_a, keys_b) = (by_key(a), by_key(b));
    keys_a.iter().any(|(key, a_same)| {
        a_same[0]
            .measure
            .as_deref()
            .is_some_and(claimdiff_parser::lexicon::is_measure_of_people)
            && keys_b
                .get(key)
                .is_some_and(|b_same| quantities_compatible(a_same, b_same, &[], &[]))
    })
}

/// How many of one claim's names the other claim names too (name variants count).
fn shared_names(a: Side, b: Side) -> usize {
    a.features
        .entity_tokens
        .iter()
        .filter(|name| b.names(name))
        .count()
}

/// Whether a claim asserts (or hedges) something on one named day and gives no
/// other time than a part of it: "met in Brennhaven on Wednesday", "arrested on
/// Wednesday evening", not "will meet again on 4 November" nor "from 9 a.m. on
/// Tuesday".
pub(crate) fn gives_one_day_as_fact(claim: &Claim) -> bool {
    let is_day = |t: &TimeExpr| matches!(t.value, TimeValue::Date { .. } | TimeValue::Weekday(_));
    let is_part = |t: &TimeExpr| matches!(t.value, TimeValue::PartOfDay(_));
    // "on Wednesday evening": a day with the part of it.
    let one_day = match claim.times.as_slice() {
        [only] => is_day(only),
        [first, second] => (is_day(first) && is_part(second)) || (is_part(first) && is_day(second)),
        _ => false,
    };
    matches!(claim.modality, Modality::Asserted | Modality::Hedged) && one_day
}

/// Whether a claim gives a clock time, so that [`clock_of_one_off_act_conflict`]
/// may compare it below the match threshold when it names a one-off act.
pub(crate) fn gives_a_clock_time(claim: &Claim) -> bool {
    claim.times.iter().any(is_clock)
}

/// The time conflict of a pair taken to tell of one happening, over the classes
/// of time in `classes` (false: days, true: clock times).
fn times_in_conflict(sa: Side, sb: Side, score: &PairScore, classes: &[bool]) -> Option<Found> {
    if different_people(sa, sb) || one_adds_to_the_other(sa, sb) {
        return None;
    }
    let (a, b) = (sa.claim, sb.claim);
    if name_opposite_ends(a, b) {
        return None;
    }
    if let Some(found) = period_conflict(a, b) {
        return Some(found);
    }
    let times_a = with_aside_flags(a, times_not_reached_by(a));
    let times_b = with_aside_flags(b, times_not_reached_by(b));
    let one_reading = std::cell::OnceCell::new();
    for &clock in classes {
        let mut first_clash = None;
        let mut any_agree = false;
        for &(ta, aside_a) in times_a.iter().filter(|(t, _)| is_clock(t) == clock) {
            for &(tb, aside_b) in times_b.iter().filter(|(t, _)| is_clock(t) == clock) {
                if aside_a != aside_b {
                    continue;
                }
                // A month is too coarse to contradict a day named in another clause,
                // and two months differ in loosely related claims ("floods in October",
                // "work starts in March") without contradicting each other.
                let months = [&ta.value, &tb.value]
                    .iter()
                    .filter(|v| matches!(v, TimeValue::Month { .. }))
                    .count();
                // The same one-off act with the same name is the same happening
                // whatever the precision of its date ("the blast at the plant on 14
                // June" vs "the explosion at the plant in July").
                // A short claim wholly inside the other ("The investigation was
                // opened in November 2025") is as close as a high similarity.
                let loose_month = months == 1
                    || (months == 2
                        && score.similarity < MONTH_CONFLICT_MIN_SIMILARITY
                        && score.containment < TIME_CONFLICT_MIN_CONTAINMENT);
                if loose_month
                    && !score.same_act_and_name
                    && !*one_reading.get_or_init(|| same_reading_at_a_time(sa, sb))
                {
                    continue;
                }
                if plans_a_later_day(sa, ta, sb, tb) || plans_a_later_day(sb, tb, sa, ta) {
                    continue;
                }
                match times_compatible(&ta.value, &tb.value) {
                    Some(true) => any_agree = true,
                    Some(false) => {
                        first_clash.get_or_insert((ta, tb));
                    }
                    None => {}
                }
            }
        }
        if let (Some((ta, tb)), false) = (first_clash, any_agree) {
            let what = match (&ta.value, &tb.value) {
                (TimeValue::Clock(_) | TimeValue::PartOfDay(_), _) => "time of day",
                (TimeValue::Month { .. }, _) | (_, TimeValue::Month { .. }) => "month",
                _ => "day",
            };
            return Some(Found {
                kind: ConflictKind::Time,
                value_a: format_time(&ta.value),
                value_b: format_time(&tb.value),
                explanation: format!(
                    "{what} differs: {} vs {}",
                    describe_time(ta),
                    describe_time(tb)
                ),
            });
        }
    }
    None
}

/// Whether `planned` speaks of a day still to come when its report was
/// published, after a day `done` tells as already past in its own: "the line hopes
/// to sail for Southampton on Saturday" (the 18th) against "the ship set sail
/// from Southampton on Saturday" (the 11th) are two sailings, since what is
/// still planned cannot be what was done.
fn plans_a_later_day(planned: Side, at: &TimeExpr, done: Side, on: &TimeExpr) -> bool {
    let (TimeValue::Date { date: later, .. }, TimeValue::Date { date: earlier, .. }) =
        (&at.value, &on.value)
    else {
        return false;
    };
    let done_before_its_telling = done.features.published.is_some_and(|day| *earlier < day);
    let planned_after_its_telling = planned.features.published.is_some_and(|day| *later > day);
    planned.claim.modality == Modality::Future
        && done.claim.modality != Modality::Future
        && done_before_its_telling
        && planned_after_its_telling
        && later > earlier
}

// ------------------------------------------------------------------ negation

fn polarity_name(p: Polarity) -> &'static str {
    match p {
        Polarity::Positive => "positive",
        Polarity::Negative => "negative",
    }
}

/// Surface words of a claim with their folded forms, punctuation trimmed.
fn surface_words(text: &str) -> Vec<(String, String)> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .filter(|w| !w.is_empty())
        .map(|w| (w.to_string(), fold(w)))
        .collect()
}

/// What a denial denies, as [`negation_phrases`] finds it in both claims.
struct DeniedAct<'c> {
    /// The few words around the negation and the matching words of the positive
    /// claim: ("Germany was in talks", "Germany was not in talks").
    yes: String,
    no: String,
    /// Both claims' words, and where the denied word and its match stand in them.
    negative_words: Vec<(String, String)>,
    positive_words: Vec<(String, String)>,
    denied_at: usize,
    asserted_at: usize,
    /// Where the negation stands in the negative claim's words.
    negation_at: usize,
    /// Folded words of a person the denial names and the positive claim calls
    /// "her" or "him" ("did not ask Chaudhry to resign" / "asked her to resign"):
    /// left out of the denied act, as the pronoun is left out of the other.
    named_for_pronoun: Vec<String>,
    /// Both claims' speakers: "the trust says" after a denial frames it, and is
    /// no part of the act denied. Folded only when `act_words` is asked.
    speakers: [Option<&'c str>; 2],
    /// Where each claim's trailing attribution starts among its words (", several
    /// residents and council member Lyle Brandt said"), or its word count: the
    /// act ends there.
    negative_end: usize,
    positive_end: usize,
}

/// How much of a denied act the other claim asserts (see `DeniedAct::act_words`).
struct ActMatch {
    words: usize,
    whole: bool,
    with_subject: bool,
}

impl DeniedAct<'_> {
    /// How many content words of the denied act, from the denied verb on and from
    /// the negation back through its subject, the positive claim has in the same
    /// order ("not bring in agency staff": bring, agency, staff; "the museum's alarm
    /// did not go off": alarm, museum, go), and whether the words after the verb
    /// run to the end of the denial ("would not challenge the result" against "will
    /// challenge the result"), and whether any word of the subject matched.
    /// Stemming every word is the costly part of the negation check, so it is
    /// asked only when the claims' similarity has not decided already.
    fn act_words(&self) -> ActMatch {
        let is_content = |folded: &String| {
            !is_stop_word(folded)
                && !is_negation(folded)
                && !self.named_for_pronoun.contains(folded)
        };
        let content = |words: &[(String, String)]| -> Vec<WordMeaning> {
            words
                .iter()
                .filter(|(_, f)| is_content(f))
                .map(|(_, f)| word_meaning(f))
                .collect()
        };
        // Past the verb, the speaker is the frame of a trailing attribution
        // ("..., the trust says"), not part of the act.
        let speaker_words: Vec<String> = self
            .speakers
            .iter()
            .flatten()
            .flat_map(|speaker| speaker.split_whitespace().map(fold))
            .collect();
        let act_rest = |words: &[(String, String)]| -> Vec<WordMeaning> {
            words
                .iter()
                .filter(|(_, f)| is_content(f) && !speaker_words.contains(f))
                .map(|(_, f)| word_meaning(f))
                .collect()
        };
        let rest_of = |words: &[(String, String)], from: usize, end: usize| {
            act_rest(words.get(from + 1..end.max(from + 1)).unwrap_or_default())
        };
        let denied_rest = rest_of(&self.negative_words, self.denied_at, self.negative_end);
        let asserted_rest = rest_of(&self.positive_words, self.asserted_at, self.positive_end);
        let after = in_order(&denied_rest, &asserted_rest);
        // "Calder Air has not said what caused the smoke" denies saying that, not
        // "Calder Air said it had sent a replacement": a denied speech act is the
        // same act only with what was said.
        let denied_verb = word_meaning(&self.negative_words[self.denied_at].1);
        if denied_verb == WordMeaning::Predicate("say") && after == 0 {
            return ActMatch {
                words: 1,
                whole: false,
                with_subject: false,
            };
        }
        // The subject counts too, read back from the verb: "the museum's alarm
        // did not go off" against "the museum's alarm went off".
        let nearest_first = |mut words: Vec<WordMeaning>| {
            words.reverse();
            words
        };
        let denied_subject = nearest_first(content(&self.negative_words[..self.negation_at]));
        let asserted_subject = nearest_first(content(&self.positive_words[..self.asserted_at]));
        let mut before = in_order(&denied_subject, &asserted_subject);
        // "a tsunami warning was issued" against "authorities did not issue a
        // tsunami warning": the subject of a passive assertion is the object denied.
        if is_passive_at(&self.positive_words, self.asserted_at) {
            before = before.max(subject_as_object(&asserted_subject, &denied_rest));
        }
        // "patient records had not been stolen" against "the hackers stole patient
        // records": the subject of a passive denial is the object of the act.
        if self.denial_is_passive() {
            before = before.max(subject_as_object(&denied_subject, &asserted_rest));
        }
        ActMatch {
            words: 1 + after + before,
            whole: after == denied_rest.len(),
            with_subject: before > 0,
        }
    }

    /// "No joint statement was issued", "no joint statement after all": a denial
    /// that the thing named after "no" exists, against a claim that has it ("read
    /// out a short joint statement"). The verb after the noun ("issued", "made")
    /// only says the thing came about; the name, of two words or more, must be in
    /// the other claim word for word in its order, and that claim must assert it
    /// ("a joint statement is expected" only hopes for one).
    fn denies_a_named_thing(&self) -> bool {
        if self.negative_words[self.negation_at].1 != "no" {
            return false;
        }
        let name: Vec<WordMeaning> = self.negative_words[self.denied_at..]
            .iter()
            .take_while(|(_, f)| !is_stop_word(f) && !is_form_of_be(f) && !is_negation(f))
            .map(|(_, f)| word_meaning(f))
            .collect();
        let asserted: Vec<WordMeaning> = self.positive_words[self.asserted_at..]
            .iter()
            .map(|(_, f)| word_meaning(f))
            .collect();
        name.len() >= 2 && asserted.get(..name.len()) == Some(&name[..])
    }

    /// "had not been stolen", "was not breached": a form of "be" just before the
    /// negation or between it and the denied verb.
    fn denial_is_passive(&self) -> bool {
        self.negative_words[self.negation_at.saturating_sub(1)..self.denied_at]
            .iter()
            .any(|(_, f)| is_form_of_be(f))
    }
}

/// How many words of a passive clause's subject (`subject`, nearest the verb first)
/// stand, in their order, as the object of the other claim's act (`act_rest`, the
/// words after its verb): up to four.
fn subject_as_object(subject: &[WordMeaning], act_rest: &[WordMeaning]) -> usize {
    (1..=subject.len().min(4))
        .rev()
        .find(|&k| {
            let in_reading_order: Vec<WordMeaning> = subject[..k].iter().rev().cloned().collect();
            in_order(&in_reading_order, act_rest) == k
        })
        .unwrap_or(0)
}

/// "was issued", "had been stolen": a form of "be" just before the verb at `verb`.
fn is_passive_at(words: &[(String, String)], verb: usize) -> bool {
    verb > 0 && is_form_of_be(&words[verb - 1].1)
}

/// The forms of "be" that make a participle after them passive.
fn is_form_of_be(folded: &str) -> bool {
    matches!(folded, "been" | "be" | "was" | "were" | "is" | "are")
}

/// How many of `wanted`, from its first on, `found` has in the same order, each
/// within two words of the last match.
fn in_order(wanted: &[WordMeaning], found: &[WordMeaning]) -> usize {
    let mut matched = 0;
    let mut cursor = 0;
    for word in wanted {
        match found[cursor..].iter().position(|w| w == word) {
            Some(offset) if offset <= 2 => {
                matched += 1;
                cursor += offset + 1;
            }
            _ => break,
        }
    }
    matched
}

fn negation_phrases<'c>(positive: &'c Claim, negative: &'c Claim) -> Option<DeniedAct<'c>> {
    let neg = surface_words(&negative.text);
    // The negation, or a verb of denial ("Carrick denied its supporters were ...").
    let denial = |f: &str| claimdiff_parser::lexicon::canonical_predicate(f) == Some("deny");
    // A phrasal verb means its lemma: "did not go off" denies "sounded".
    let meaning_at = |words: &[(String, String)], i: usize| {
        let previous = i.checked_sub(1).map(|p| words[p].1.as_str());
        words
            .get(i + 1)
            .and_then(|(_, next)| claimdiff_parser::lexicon::phrasal_predicate(&words[i].1, next))
            .map_or_else(|| word_meaning_after(previous, &words[i].1), word_meaning)
    };
    let negated_at = |words: &[(String, String)], i: usize| {
        let previous = i.checked_sub(1).map(|p| words[p].1.as_str());
        claimdiff_parser::lexicon::negated_word(previous, &words[i].1)
    };
    // "stopped short of ordering an inquiry": what is denied follows "of".
    let stopping_short = || {
        let folded: Vec<&str> = neg.iter().map(|(_, f)| f.as_str()).collect();
        (0..folded.len())
            .find_map(|i| claimdiff_parser::lexicon::after_stopping_short(&folded, i))
            .map(|after| after - 1)
    };
    // "refused to answer", "failed to inflate": the act after "to" did not happen.
    let refusal = || {
        (0..neg.len().saturating_sub(1))
            .find(|&i| claimdiff_parser::lexicon::refuses_the_act_after(&neg[i].1, &neg[i + 1].1))
    };
    let (at, content, root) = if let Some(at) = first_negation(negative, &neg)
        .or_else(stopping_short)
        .or_else(|| neg.iter().position(|(_, f)| denial(f)))
        .or_else(refusal)
    {
        // "not yet known": the adverb is not what is denied.
        let adverb = |w: &str| matches!(w, "yet" | "ever" | "even" | "still" | "always" | "really");
        let content = (at + 1..neg.len())
            .find(|&i| !is_stop_word(&neg[i].1) && !is_negation(&neg[i].1) && !adverb(&neg[i].1))?;
        (at, content, meaning_at(&neg, content))
    } else {
        // "he was unharmed" denies "hurt" in one word, "it will stay open" denies
        // "close".
        let at = (0..neg.len()).find(|&i| negated_at(&neg, i).is_some())?;
        (at, at, word_meaning(negated_at(&neg, at)?))
    };
    let pos = surface_words(&positive.text);
    let found = (0..pos.len()).find(|&i| meaning_at(&pos, i) == root)?;
    // "leaving 2,000 households without running water" lacks what "2,000 homes
    // have no running water" lacks: the word is denied in both claims.
    if lacks_the_thing_at(&pos, found) {
        return None;
    }
    // "Three men should have come home" says what ought to have happened: it does
    // not assert it, and "he never came home" does not deny it.
    let is_modal = |w: &str| matches!(w, "should" | "could" | "would" | "might" | "must" | "may");
    let counterfactual = (1..=2).any(|back| {
        found > back && pos[found - back].1 == "have" && is_modal(&pos[found - back - 1].1)
    });
    if counterfactual {
        return None;
    }
    let phrase = |words: &[(String, String)], from: usize, to: usize| {
        words[from..=to]
            .iter()
            .map(|(s, _)| s.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let neg_from = at.saturating_sub(2);
    let pos_from = found.saturating_sub(content - neg_from - 1).min(found);
    let (neg_len, pos_len) = (neg.len(), pos.len());
    // The trailing attribution of the claim's speaker is who said it, not what
    // was done; it starts after the act's verb.
    let act_end = |claim: &Claim, len: usize, verb: usize| {
        claim
            .attribution_tail()
            .map(|tail| surface_words(&claim.text[..tail]).len())
            .filter(|&end| end > verb)
            .unwrap_or(len)
    };
    Some(DeniedAct {
        yes: phrase(&pos, pos_from, found),
        no: phrase(&neg, neg_from, content),
        negative_words: neg,
        positive_words: pos,
        denied_at: content,
        asserted_at: found,
        negation_at: at,
        named_for_pronoun: Vec::new(),
        speakers: [positive.speaker.as_deref(), negative.speaker.as_deref()],
        negative_end: act_end(negative, neg_len, content),
        positive_end: act_end(positive, pos_len, found),
    })
}

/// Where the claim's first negation stands among its `words`, one in an aside
/// ("One rescuer, who asked not to be named, told the Courier the walkers had not
/// been carrying crampons") counting only when the claim has no other: the aside
/// denies something of its own.
fn first_negation(claim: &Claim, words: &[(String, String)]) -> Option<usize> {
    let asides: Vec<std::ops::Range<usize>> = claim
        .asides()
        .into_iter()
        .map(|range| {
            surface_words(&claim.text[..range.start]).len()
                ..surface_words(&claim.text[..range.end]).len()
        })
        .collect();
    let negations = || {
        words
            .iter()
            .enumerate()
            .filter(|(_, (_, f))| is_negation(f))
    };
    negations()
        .find(|(i, _)| !asides.iter().any(|aside| aside.contains(i)))
        .or_else(|| negations().next())
        .map(|(i, _)| i)
}

/// Whether the word at `at` is what "without" says is missing, as "without
/// running water" or "without power": "without" stands at most two words before
/// it.
fn lacks_the_thing_at(words: &[(String, String)], at: usize) -> bool {
    (at.saturating_sub(3)..at).any(|i| words[i].1 == "without")
}

/// The one person a denial names whom the positive claim does not, when the
/// positive claim has one object pronoun that can stand for them ("Ashdown did
/// not ask Chaudhry to resign" / "Ashdown asked her to resign"), or names them by
/// the title the denial gives them ("Captain Ruaraidh MacLeod had not been warned"
/// / "the captain had been warned").
fn named_for_pronoun(negative: Side, positive: Side, missing: &[&[String]]) -> Option<Vec<String>> {
    let [person] = missing else {
        return None;
    };
    let (entity, _) = negative
        .claim
        .entities
        .iter()
        .zip(&negative.features.entity_tokens)
        .find(|(entity, tokens)| entity.kind == EntityKind::Person && tokens == person)?;
    let positive_words = surface_words(&positive.claim.text);
    let pronouns = positive_words
        .iter()
        .filter(|(_, f)| matches!(f.as_str(), "her" | "him"))
        .count();
    let title = title_before(&negative.claim.text, &entity.name);
    let by_title = title.is_some_and(|title| {
        positive_words
            .windows(2)
            .any(|pair| pair[0].1 == "the" && pair[1].1 == title)
    });
    (pronouns == 1 || by_title).then(|| {
        surface_words(&entity.name)
            .into_iter()
            .map(|(_, folded)| folded)
            .collect()
    })
}

/// The word written right before a person's name in `text`, folded: the title
/// in "Captain Ruaraidh MacLeod", "skipper Ruairidh McLeod".
fn title_before(text: &str, name: &str) -> Option<String> {
    let at = text.find(name)?;
    let (_, title) = surface_words(&text[..at]).pop()?;
    (!is_stop_word(&title)).then_some(title)
}

/// Whether a word of the claim is one of these predicates (`lexicon`'s lemmas).
fn uses_predicate(claim: &Claim, lemmas: &[&str]) -> bool {
    surface_words(&claim.text)
        .iter()
        .filter_map(|(_, folded)| claimdiff_parser::lexicon::canonical_predicate(folded))
        .any(|lemma| lemmas.contains(&lemma))
}

/// Whether a negation in `text` is followed by "until"/"till"/"before": a
/// statement of when something happens ("not ... until Tuesday").
fn says_not_until(text: &str) -> bool {
    let words: Vec<String> = surface_words(text).into_iter().map(|(_, f)| f).collect();
    words.iter().position(|w| is_negation(w)).is_some_and(|at| {
        words[at + 1..]
            .iter()
            .any(|w| matches!(w.as_str(), "until" | "till" | "before"))
    })
}

/// Acts that either happened in the story or did not, however differently two
/// claims frame them: an arrest, a conviction, a jailing ("No arrests have been
/// made" / "Police arrested a 47-year-old man on suspicion of ..."), an
/// evacuation, insurance ("they were insured" / "the cargo wasn't even insured").
const YES_OR_NO_ACTS: &[&str] = &["arrest", "convict", "jail", "evacuate", "insure"];

fn denies_a_yes_or_no_act(act: &DeniedAct) -> bool {
    matches!(
        word_meaning(&act.negative_words[act.denied_at].1),
        WordMeaning::Predicate(lemma) if YES_OR_NO_ACTS.contains(&lemma)
    )
}

/// Whether a claim names a yes-or-no act (see [`YES_OR_NO_ACTS`]).
pub(crate) fn names_a_yes_or_no_act(claim: &Claim) -> bool {
    uses_predicate(claim, YES_OR_NO_ACTS)
}

/// How closely a pair checked for a denial matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closeness {
    /// The pair reached the match threshold.
    Matched,
    /// It did not: only a denied yes-or-no act counts (see
    /// `YES_OR_NO_ACT_DENIAL_MIN_SIMILARITY`).
    Loose,
}

/// A denial of a yes-or-no act and a claim of it, for a pair that matches too
/// loosely to be compared otherwise.
pub(crate) fn yes_or_no_act_conflict(a: Side, b: Side, score: &PairScore) -> Option<Found> {
    denial_conflict(a, b, score, Closeness::Loose)
}

/// One claim states what the other denies. Conditional claims ("if ... not")
/// are left alone: they do not assert either way.
fn negation_conflict(sa: Side, sb: Side, score: &PairScore) -> Option<Found> {
    denial_conflict(sa, sb, score, Closeness::Matched)
}

fn denial_conflict(sa: Side, sb: Side, score: &PairScore, closeness: Closeness) -> Option<Found> {
    if sa.claim.polarity == Polarity::Positive && sb.claim.polarity == Polarity::Positive {
        return aside_denial_conflict(sa, sb, score, closeness);
    }
    let (a, b) = (sa.claim, sb.claim);
    // A fragment ("The Greens?") states nothing that could be negated.
    let states_something = |c: &Claim| c.text.split_whitespace().count() >= 3;
    if a.polarity == b.polarity
        || !states_something(a)
        || !states_something(b)
        || a.modality == Modality::Conditional
        || b.modality == Modality::Conditional
    {
        return None;
    }
    let (positive, negative) = if a.polarity == Polarity::Positive {
        (sa, sb)
    } else {
        (sb, sa)
    };
    // "Ferries are not expected to resume until Tuesday" says when, not whether.
    if says_not_until(&negative.claim.text) {
        return None;
    }
    // "The Greens did not back the package" does not deny "the package passed":
    // every actor the denial names must be in the other claim. Whoever reports
    // the denial ("her lawyer said he would not appeal") is not one of its actors.
    // Nor is anyone named only in an aside ("Mr Qureshi, who shook Ms Whitlock's
    // hand, said he would not challenge the result") or as the one told ("told the
    // Herald"). The other claim may name the actor as its speaker: "Corrib said it
    // had sent text messages" against "Corrib sent no text messages".
    let is_actor = |kind| kind != EntityKind::Place;
    let positive_actors = names_of(positive, is_actor);
    let missing: Vec<&[String]> = names_of(negative, is_actor)
        .into_iter()
        .filter(|actor| {
            !negative.spoken_by(actor)
                && named_as_actor(negative.claim, actor)
                && !names_include(&positive_actors, actor)
                && !positive.spoken_by(actor)
        })
        .collect();
    let pronoun_for = named_for_pronoun(negative, positive, &missing);
    if !missing.is_empty() && pronoun_for.is_none() {
        return None;
    }
    let (positive, negative) = (positive.claim, negative.claim);
    // The word the denial denies must be one the other claim asserts: "trains
    // are not expected to run" does not deny "the line will stay closed", however
    // alike the rest of the two claims is. A weaker match will do when the shorter
    // claim is inside the other.
    let mut act = negation_phrases(positive, negative)?;
    act.named_for_pronoun = pronoun_for.unwrap_or_default();
    // "Carrick admitted its fans were involved" vs "Carrick denied its supporters
    // were involved": the two verbs are the contradiction itself, so they cannot
    // also count against the pair as words the claims do not share.
    let admitted_against_denied =
        uses_predicate(positive, &["admit", "confirm"]) && uses_predicate(negative, &["deny"]);
    // "Qureshi told reporters in the car park he will challenge the result" vs
    // "Mr Qureshi, who shook her hand, said he would not challenge the result": the
    // narration around a reported act differs; the act itself is word for word the
    // same, to its end, about one named person (or in three words or more).
    let same_denied_act = || {
        let ActMatch {
            words,
            whole,
            with_subject,
        } = act.act_words();
        // "Sirens sounded across the town" against "the town's sirens never
        // sounded": the whole denial, its subject too, is asserted.
        (whole && (score.shares_name || with_subject)) || words >= DENIED_ACT_MIN_WORDS
    };
    let yes_or_no_act =
        score.similarity >= YES_OR_NO_ACT_DENIAL_MIN_SIMILARITY && denies_a_yes_or_no_act(&act);
    let same_act = yes_or_no_act
        || closeness == Closeness::Matched
            && (score.similarity >= NEGATION_CONFLICT_MIN_SIMILARITY
                || score.containment >= NEGATION_CONFLICT_MIN_CONTAINMENT
                || (score.similarity >= DENIAL_CONFLICT_MIN_SIMILARITY
                    && ((admitted_against_denied && score.shares_name)
                        || (positive.modality == Modality::Asserted
                            && act.denies_a_named_thing())
                        || same_denied_act())));
    if !same_act {
        return None;
    }
    let explanation = format!(
        "one report says \"{}\", the other says \"{}\"",
        act.yes, act.no
    );
    Some(Found {
        kind: ConflictKind::Negation,
        value_a: polarity_name(a.polarity).to_string(),
        value_b: polarity_name(b.polarity).to_string(),
        explanation,
    })
}

/// "The band kept playing for 20 minutes" vs "the band stopped playing
/// mid-song": one activity said to go on in one claim and to end in the other.
/// The pair must be about one named actor, or close enough for a denial.
fn continuation_conflict(a: Side, b: Side, score: &PairScore) -> Option<Found> {
    use claimdiff_parser::lexicon::{continuations, Continuation};
    let about_one_act = score.similarity >= NEGATION_CONFLICT_MIN_SIMILARITY
        || (score.shares_name && score.similarity >= DENIAL_CONFLICT_MIN_SIMILARITY);
    if !about_one_act {
        return None;
    }
    let read = |side: Side| {
        let words = surface_words(&side.claim.text);
        let folded: Vec<&str> = words.iter().map(|(_, f)| f.as_str()).collect();
        continuations(&folded)
    };
    let (in_a, in_b) = (read(a), read(b));
    let (went_a, went_b) = in_a.iter().find_map(|x| {
        in_b.iter()
            .find(|y| y.0 == x.0 && y.1 != x.1)
            .map(|y| (x, y))
    })?;
    let name = |which: Continuation| match which {
        Continuation::WentOn => "went on",
        Continuation::Ended => "ended",
    };
    Some(Found {
        kind: ConflictKind::Negation,
        value_a: name(went_a.1).to_string(),
        value_b: name(went_b.1).to_string(),
        explanation: format!(
            "one report says \"{}\", the other says \"{}\"",
            went_a.2, went_b.2
        ),
    })
}

// ------------------------------------------------------------------ quotes

/// "Calder Vale Coatings Ltd, which did not plead guilty, has been fined": an
/// aside that denies something of the name before it is a denial of its own,
/// though the claim it sits in asserts something else. The aside, read with that
/// name, is held against the other claim as any denial is.
fn aside_denial_conflict(
    sa: Side,
    sb: Side,
    score: &PairScore,
    closeness: Closeness,
) -> Option<Found> {
    let denial_in_aside = |claim: &Claim| -> Option<Claim> {
        let aside = claim.asides().into_iter().find(|range| {
            surface_words(&claim.text[range.clone()])
                .iter()
                .any(|(_, folded)| is_negation(folded))
        })?;
        let mut denial = claim.clone();
        denial.text = claim.text[..aside.end].to_string();
        denial.polarity = Polarity::Negative;
        Some(denial)
    };
    if let Some(denial) = denial_in_aside(sb.claim) {
        let sb = Side {
            claim: &denial,
            ..sb
        };
        return denial_conflict(sa, sb, score, closeness);
    }
    let denial = denial_in_aside(sa.claim)?;
    denial_conflict(
        Side {
            claim: &denial,
            ..sa
        },
        sb,
        score,
        closeness,
    )
}

/// Both speakers known and one person (name variants count as one).
fn same_speaker(a: Side, b: Side) -> bool {
    match (&a.features.speaker_tokens, &b.features.speaker_tokens) {
        (Some(x), Some(y)) => name_token_lists_match(x, y),
        _ => false,
    }
}

/// One speaker quoted with the same words (one quotation inside the other counts):
/// one statement, however differently the two claims frame it.
pub(crate) fn same_statement(a: Side, b: Side) -> bool {
    !a.features.quote_words.is_empty()
        && same_speaker(a, b)
        && quotes_same_words(&a.features.quote_words, &b.features.quote_words)
}

/// The same quoted words put in the mouths of two different speakers.
fn attribution_conflict(a: Side, b: Side) -> Option<Found> {
    let (Some(sa), Some(sb)) = (&a.claim.speaker, &b.claim.speaker) else {
        return None;
    };
    // "Priya Desai, a Met Office forecaster, said" vs "The Met Office said": the
    // body one speaker speaks for is named in the other claim.
    let named_in = |speaker: &Side, other: &Side| {
        speaker
            .features
            .speaker_tokens
            .as_deref()
            .is_some_and(|s| other.names(s))
    };
    if a.features.quote_words.is_empty()
        || !quotes_same_words(&a.features.quote_words, &b.features.quote_words)
        || same_speaker(a, b)
        || named_in(&a, &b)
        || named_in(&b, &a)
    {
        return None;
    }
    Some(Found {
        kind: ConflictKind::Attribution,
        value_a: sa.clone(),
        value_b: sb.clone(),
        explanation: format!(
            "the same words are attributed to {sa} in one report and to {sb} in the other"
        ),
    })
}

/// One speaker quoted with different words inside the quotation marks.
fn quote_conflict(a: Side, b: Side) -> Option<Found> {
    let Some(sa) = &a.claim.speaker else {
        return None;
    };
    if !same_speaker(a, b) {
        return None;
    }
    let (only_a, only_b) = quote_drift(&a.features.quote_words, &b.features.quote_words)?;
    let (va, vb) = (only_a.join(" "), only_b.join(" "));
    Some(Found {
        kind: ConflictKind::Quote,
        explanation: format!("{sa} is quoted with different words: \"{va}\" vs \"{vb}\""),
        value_a: va,
        value_b: vb,
    })
}

// ------------------------------------------------------------------ entity

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Organisation => "organisation",
        EntityKind::Other => "name",
    }
}

/// A different person, place or organisation in the same role: the claims are the
/// same apart from names, and each names one of a kind the other does not.
fn entity_conflict(a: Side, b: Side, score: &PairScore) -> Option<Found> {
    // "A gust of 92 mph on Tiree" vs "a gust of 92MPH on Islay": one reading,
    // however differently the rest is worded.
    let same_reading = same_measured_value(a, b);
    if score.content_similarity < PLACE_CONFLICT_MIN_CONTENT
        && score.content_containment < PLACE_CONFLICT_MIN_CONTENT
        && !same_reading
    {
        return None;
    }
    // Whether a side names this person, place or organisation (or has it as speaker).
    let known_to = |side: Side, tokens: &[String]| side.names(tokens) || side.spoken_by(tokens);
    for kind in [
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organisation,
    ] {
        // Names of this kind that one side has and the other does not.
        let unmatched = |x: Side, y: Side| -> Vec<String> {
            let mut names: Vec<String> = Vec::new();
            for (entity, tokens) in x.claim.entities.iter().zip(&x.features.entity_tokens) {
                if entity.kind == kind
                    && !x.spoken_by(tokens)
                    && !known_to(y, tokens)
                    && !names.contains(&entity.name)
                {
                    names.push(entity.name.clone());
                }
            }
            names
        };
        let (mut only_a, mut only_b) = (unmatched(a, b), unmatched(b, a));
        if kind == EntityKind::Place {
            if let Some(found) = country_conflict(a, b, &only_a, &only_b) {
                return Some(found);
            }
            // "Bradford, West Yorkshire", "Antofagasta in neighbouring Chile": the county
            // or the country only says where the town is.
            only_a.retain(|name| !crate::tolerance::is_country_or_region(name));
            only_b.retain(|name| !crate::tolerance::is_country_or_region(name));
            // "off Mill Lane" vs "in Brackenholme": a street against a town is a
            // finer address, not another place.
            let has_street = |names: &[String]| names.iter().any(|n| is_street(n));
            if has_street(&only_a) != has_street(&only_b) {
                only_a.retain(|name| !is_street(name));
                only_b.retain(|name| !is_street(name));
            }
            // "a train from Shrewsbury ran into a landslip" vs "derails in Powys": where
            // the train set out from is no place of the derailment.
            let origin = |side: Side, name: &String| {
                crate::slots::is_origin(&side.claim.text.to_lowercase(), &name.to_lowercase())
            };
            only_a.retain(|name| !origin(a, name));
            only_b.retain(|name| !origin(b, name));
            // "Washington's move", "a decision Kyiv warned about": a capital standing
            // for its government acts or speaks; it is no place where something was.
            only_a.retain(|name| !stands_for_its_government(&a.claim.text, name));
            only_b.retain(|name| !stands_for_its_government(&b.claim.text, name));
            // "Wrexham" vs "Wrexham Industrial Estate": a place named inside another's
            // name is the same place, told more or less finely.
            if let ([name_a], [name_b]) = (only_a.as_slice(), only_b.as_slice()) {
                if crate::tolerance::place_names_nest(name_a, name_b) {
                    return None;
                }
            }
        }
        // A different place ("in The Hague" vs "in Brussels") is a clear slot even in
        // looser wording; a different person or organisation needs near-identical claims.
        // Either way one name stands in for one other: lists that differ ("Gorton,
        // Beddows and Rashid" vs "Calder Vale Coatings, Ashby Moor") are not one
        // role filled differently.
        let one_for_one = only_a.len() == 1 && only_b.len() == 1;
        // "appeared before judge Chiara Montanari" vs "will be questioned by judge
        // Roberto Sala": one role given to two people in claims about one thing,
        // whoever else each claim names.
        if kind == EntityKind::Person {
            let with_role = |side: Side, names: &[String]| -> Vec<(String, String)> {
                names
                    .iter()
                    .filter_map(|name| {
                        role_before_name(&side.claim.text, name).map(|role| (name.clone(), role))
                    })
                    .collect()
            };
            if let ([(name_a, role_a)], [(name_b, role_b)]) = (
                with_role(a, &only_a).as_slice(),
                with_role(b, &only_b).as_slice(),
            ) {
                if role_a == role_b {
                    return Some(Found {
                        kind: ConflictKind::Entity,
                        explanation: format!("a different {role_a} is named: {name_a} vs {name_b}"),
                        value_a: name_a.clone(),
                        value_b: name_b.clone(),
                    });
                }
            }
        }
        let close_enough = one_for_one
            // Places that are countries or regions were left out above.
            && (kind == EntityKind::Place
                || score.content_similarity >= ENTITY_CONFLICT_MIN_CONTENT);
        let close_enough = close_enough && {
            // Claims of very different length ("new dykes near Krefeld" inside a list
            // of the plan's works) may share the place's role all the same.
            score.content_similarity >= PLACE_CONFLICT_MIN_CONTENT
                || kind == EntityKind::Place
                || same_reading
        };
        if close_enough && !only_a.is_empty() && !only_b.is_empty() {
            let (va, vb) = (only_a.join("; "), only_b.join("; "));
            return Some(Found {
                kind: ConflictKind::Entity,
                explanation: format!("a different {} is named: {va} vs {vb}", kind_name(kind)),
                value_a: va,
                value_b: vb,
            });
        }
    }
    building_conflict(a, b)
}

/// "A 29-year-old woman from the Netherlands" vs "a 29-year-old woman from
/// Belgium", "a 29-year-old Dutch woman" vs "from Belgium": each claim puts one
/// country in a place slot ("in", "from", "to" before it) or gives one person's
/// nationality, and the other claim names that country nowhere. A country beside a
/// town only says where the town is, so these are the countries the place rule
/// below leaves out; a group's nationalities ("44 were British", "two were Irish")
/// are parts of it, not one slot.
fn country_conflict(a: Side, b: Side, only_a: &[String], only_b: &[String]) -> Option<Found> {
    let own_a = countries_in_a_slot(a, only_a);
    let own_b = countries_in_a_slot(b, only_b);
    let (named_a, named_b) = (countries_named(a), countries_named(b));
    let left_a: Vec<&(String, &str)> = own_a
        .iter()
        .filter(|(_, code)| !named_b.contains(code))
        .collect();
    let left_b: Vec<&(String, &str)> = own_b
        .iter()
        .filter(|(_, code)| !named_a.contains(code))
        .collect();
    let ([(name_a, code_a)], [(name_b, code_b)]) = (left_a.as_slice(), left_b.as_slice()) else {
        return None;
    };
    (code_a != code_b).then(|| Found {
        kind: ConflictKind::Entity,
        explanation: format!("a different country is named: {name_a} vs {name_b}"),
        value_a: name_a.clone(),
        value_b: name_b.clone(),
    })
}

/// The countries a claim puts in one slot, each once with the words it is named
/// by: those of `unmatched` (place names the other claim lacks) right after a
/// preposition of place, and nationalities of one person ("a Dutch woman", "French
/// engineer Marc Lefebvre").
fn countries_in_a_slot(side: Side, unmatched: &[String]) -> Vec<(String, &'static str)> {
    let text = side.claim.text.as_str();
    let mut found: Vec<(String, &'static str)> = Vec::new();
    for name in unmatched {
        let Some(code) = claimdiff_parser::lexicon::country_code(name) else {
            continue;
        };
        let after_place_word = text.match_indices(name.as_str()).any(|(at, _)| {
            let mut before = text[..at].split_whitespace().rev();
            let mut word = before.next().unwrap_or("");
            if word.eq_ignore_ascii_case("the") {
                word = before.next().unwrap_or("");
            }
            PLACE_PREPOSITIONS.contains(&word.to_lowercase().as_str())
        });
        if after_place_word && !found.iter().any(|(_, known)| *known == code) {
            found.push((name.clone(), code));
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    for (at, word) in words.iter().enumerate() {
        let word = word.trim_matches(|c: char| !c.is_alphabetic());
        if !word.starts_with(char::is_uppercase) {
            continue;
        }
        let Some(code) = claimdiff_parser::lexicon::nationality_country_code(word) else {
            continue;
        };
        // "a Dutch woman", "a Dutch water engineer": the person noun within two words.
        let of_one_person = words[at + 1..].iter().take(2).any(|next| {
            let next = next
                .trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase();
            names_one_person(&next)
        });
        if of_one_person && !found.iter().any(|(_, known)| *known == code) {
            found.push((word.to_string(), code));
        }
    }
    found
}

/// Whether a lower-case noun names one person: "woman", "national", and the role
/// words set before names ("tourist", "engineer").
fn names_one_person(noun: &str) -> bool {
    claimdiff_parser::lexicon::part_of_people(noun) == Some(noun)
        || matches!(noun, "national" | "citizen")
        || (claimdiff_parser::lexicon::is_role_word(noun) && !noun.ends_with('s'))
}

/// Every country a claim names, by name or by a nationality word anywhere in it.
fn countries_named(side: Side) -> Vec<&'static str> {
    let by_name = side
        .claim
        .entities
        .iter()
        .filter_map(|entity| claimdiff_parser::lexicon::country_code(&entity.name));
    let by_nationality = side
        .claim
        .text
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|word| word.starts_with(char::is_uppercase))
        .filter_map(claimdiff_parser::lexicon::nationality_country_code);
    by_name.chain(by_nationality).collect()
}

/// Prepositions that put a country in the claim's place slot ("from Belgium", "in
/// Poland"), not in a government's voice ("Belgium said").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "from",
    "to",
    "into",
    "across",
    "near",
    "throughout",
    "inside",
    "within",
];

/// The lower-case role word right before a person's name in a claim ("judge" in
/// "appeared before judge Chiara Montanari"), when there is one.
fn role_before_name(text: &str, name: &str) -> Option<String> {
    let first = name.split_whitespace().next()?;
    let at = text.find(first)?;
    let before = text[..at].split_whitespace().next_back()?;
    let role = before.trim_matches(|c: char| !c.is_alphabetic());
    let lower_case = role.chars().all(char::is_lowercase) && !role.is_empty();
    (lower_case && claimdiff_parser::lexicon::is_role_word(role)).then(|| role.to_string())
}

/// "The First Baptist Church on Main Street was destroyed" vs "the First Methodist
/// Church has been reduced to a pile of bricks", "EDF cut output at its Tricastin
/// nuclear plant" vs "at its Cruas nuclear plant": one building or site of a kind
/// (church, hospital, mill, plant) named differently in claims alike enough to
/// reach here, each naming one the other does not.
fn building_conflict(a: Side, b: Side) -> Option<Found> {
    let buildings = |x: Side, y: Side| -> Vec<(String, String)> {
        x.claim
            .entities
            .iter()
            .zip(&x.features.entity_tokens)
            .filter(|(entity, tokens)| {
                // Word for word: the name matching of persons reads "First Baptist
                // Church" and "First Methodist Church" as one name. A hospital is
                // often typed an organisation.
                matches!(entity.kind, EntityKind::Other | EntityKind::Organisation)
                    && !y
                        .features
                        .entity_tokens
                        .iter()
                        .any(|other| other == *tokens)
            })
            .filter_map(|(entity, _)| {
                let kind = building_kind(&x.claim.text, &entity.name)?;
                Some((entity.name.clone(), kind))
            })
            .collect()
    };
    let (only_a, only_b) = (buildings(a, b), buildings(b, a));
    let ([(name_a, kind_a)], [(name_b, kind_b)]) = (only_a.as_slice(), only_b.as_slice()) else {
        return None;
    };
    (kind_a == kind_b).then(|| Found {
        kind: ConflictKind::Entity,
        explanation: format!("a different {kind_a} is named: {name_a} vs {name_b}"),
        value_a: name_a.clone(),
        value_b: name_b.clone(),
    })
}

/// The kind of building or site a name names: its last word ("Nîmes University
/// Hospital"), or a noun of a site right after it in the claim ("its Tricastin
/// nuclear plant").
fn building_kind(text: &str, name: &str) -> Option<String> {
    if claimdiff_parser::lexicon::is_building_name(name) {
        // An infirmary is a hospital by its older name.
        return name
            .split_whitespace()
            .last()
            .map(|last| match last.to_lowercase().as_str() {
                "infirmary" => "hospital".to_string(),
                other => other.to_string(),
            });
    }
    let after = &text[text.find(name)? + name.len()..];
    after
        .split_whitespace()
        .take(2)
        .take_while(|word| word.starts_with(|c: char| c.is_lowercase()))
        .map(|word| word.trim_end_matches(|c: char| !c.is_alphabetic()))
        .find(|word| claimdiff_parser::lexicon::is_site_noun(word))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use crate::{compare, Comparison, Conflict};
    use claimdiff_parser::{Approx, DayPart, Report};

    /// Compares two one-claim reports next to an unrelated report (so IDF is realistic).
    fn run(a: ReportBuilder, b: ReportBuilder) -> Comparison {
        compare(&with_filler(a, b))
    }

    fn with_filler(a: ReportBuilder, b: ReportBuilder) -> Vec<Report> {
        let filler = ReportBuilder::new("z")
            .claim("The central bank raised interest rates again on Wednesday")
            .claim("Heavy rain is expected over the weekend in the north")
            .claim("The football club announced a new manager")
            .build();
        vec![a.build(), b.build(), filler]
    }

    /// Compares two one-claim reports like `run`, with the score of their claims.
    fn run_scored(a: ReportBuilder, b: ReportBuilder) -> (Comparison, f64) {
        let reports = with_filler(a, b);
        let table = crate::features::build(&reports);
        let similarity = crate::similarity::score(&table, 0, 1).similarity;
        (compare(&reports), similarity)
    }

    /// Whether a pair scores below the match threshold but from the count bar on.
    fn loosely_matching(similarity: f64) -> bool {
        (crate::thresholds::COUNT_CONFLICT_MIN_SIMILARITY..crate::thresholds::MATCH_THRESHOLD)
            .contains(&similarity)
    }

    /// The one conflict of a pair scored from `floor` up to below the time
    /// threshold: a time conflict with these values.
    fn loose_time_conflict(c: &Comparison, similarity: f64, floor: f64, values: (&str, &str)) {
        assert!(similarity < TIME_CONFLICT_MIN_SIMILARITY, "{similarity}");
        assert!(similarity >= floor, "{similarity}");
        let conflict = only_conflict(c);
        assert_eq!(conflict.kind, ConflictKind::Time);
        assert_eq!(
            (conflict.value_a.as_str(), conflict.value_b.as_str()),
            values
        );
    }

    fn only_conflict(c: &Comparison) -> &Conflict {
        assert_eq!(c.conflicts.len(), 1, "{:#?}", c.conflicts);
        assert!(
            c.groups.is_empty(),
            "a conflicting pair is not an agreement"
        );
        &c.conflicts[0]
    }

    fn agree(c: &Comparison) {
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
        assert_eq!(c.groups.len(), 1, "expected one agreement group: {c:#?}");
        assert_eq!(c.groups[0].support, 2);
    }

    fn killed_claim(id: &str, text: &str, n: f64, approx: Approx, written: &str) -> ReportBuilder {
        ReportBuilder::new(id).claim(text).place("Kyiv").qty(count(
            written,
            n,
            approx,
            "people",
            Some("killed"),
        ))
    }

    /// Two claims that share little but a count of houses destroyed.
    fn house_counts(a: f64, b: f64) -> (ReportBuilder, ReportBuilder) {
        (
            ReportBuilder::new("a")
                .claim("The national civil protection agency told reporters at a late briefing in the district capital on Sunday that 23 houses had been destroyed by the flames")
                .speaker("national civil protection agency")
                .qty(count("23 houses", a, Approx::Exact, "house", None)),
            ReportBuilder::new("b")
                .claim("According to the town hall, 32 homes were destroyed across the five evacuated villages, most of them in the upper valley near the old quarry")
                .qty(count("32 homes", b, Approx::Exact, "home", None)),
        )
    }

    fn loose_house_counts(a: f64, b: f64) -> (Comparison, f64) {
        let (a, b) = house_counts(a, b);
        run_scored(a, b)
    }

    #[test]
    fn counts_of_one_thing_conflict_in_loosely_matching_claims() {
        let (c, similarity) = loose_house_counts(23.0, 32.0);
        assert!(loosely_matching(similarity), "{similarity}");
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Number);
        assert_eq!(
            (conflict.value_a.as_str(), conflict.value_b.as_str()),
            ("23 house", "32 home")
        );
        let (same, _) = loose_house_counts(23.0, 23.0);
        assert!(same.conflicts.is_empty(), "{:#?}", same.conflicts);
        // A caller who raises the match threshold compares closer pairs only.
        let (a, b) = house_counts(23.0, 32.0);
        let reports = with_filler(a, b);
        let strict = crate::MatchOptions {
            min_similarity: 0.6,
            ..crate::MatchOptions::default()
        };
        assert!(crate::compare_with(&reports, &strict).conflicts.is_empty());
    }

    fn unemployment(text: &str, value: f64) -> Quantity {
        quantity(
            text,
            value,
            Approx::Exact,
            Dimension::Percent,
            "%",
            Some("unemployment"),
        )
    }

    #[test]
    fn a_rate_differs_in_loosely_related_claims_of_one_place() {
        let wire = || {
            ReportBuilder::new("a")
                .claim(
                    "The jobless rate rose to 6.8%, the highest since 2021, data showed on Tuesday",
                )
                .qty(unemployment("6.8%", 6.8))
        };
        // Below the similarity other percentages need (GENERIC_NUMBER_CONFLICT_MIN_SIMILARITY).
        let c = run(
            wire(),
            ReportBuilder::new("b")
                .claim("Figures released this week put unemployment at 7.1 per cent")
                .qty(unemployment("7.1 per cent", 7.1)),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Number);
        // A county's rate is not the country's.
        let c = run(
            wire(),
            ReportBuilder::new("b")
                .claim("Unemployment in Nordby county stands at 9.1 per cent, the jobless rate of the region")
                .qty(unemployment("9.1 per cent", 9.1))
                .place("Nordby"),
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    }

    #[test]
    fn what_someone_wanted_is_not_what_was_done() {
        let points = |text: &str, value: f64| {
            quantity(text, value, Approx::Exact, Dimension::Percent, "pp", None)
        };
        let cut = || {
            ReportBuilder::new("a")
                .claim("The bank cut its policy rate by 50 basis points on Thursday")
                .org("ENB")
                .qty(points("50 basis points", 0.5))
        };
        let c = run(
            cut(),
            ReportBuilder::new("b")
                .claim("Two members of the bank wanted a policy rate cut of 25 basis points on Thursday")
                .org("ENB")
                .qty(points("25 basis points", 0.25)),
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
        let c = run(
            cut(),
            ReportBuilder::new("b")
                .claim("The bank cut its policy rate by 25 basis points on Thursday")
                .org("ENB")
                .qty(points("25 basis points", 0.25)),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Number);
        // A count of those who called for something is what happened.
        let called = |text: &str, value: f64| {
            ReportBuilder::new("c").claim(text).org("Labour").qty(count(
                &text[..2],
                value,
                Approx::Exact,
                "MP",
                None,
            ))
        };
        let c = run(
            called("43 MPs of her own party had called for her to go", 43.0),
            called("52 MPs of her own party had demanded that she go", 52.0),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Number);
    }

    #[test]
    fn market_figures_read_at_different_moments_are_not_compared() {
        let pence = |text: &str, value: f64| {
            quantity(text, value, Approx::Exact, Dimension::Money, "gbp", None)
        };
        let price = |id: &str, text: &str, value: f64, at: &str| {
            let builder = ReportBuilder::new(id)
                .claim(text)
                .org("Corvel")
                .qty(pence(at, value));
            match text.contains("1130") {
                true => builder.time(TimeValue::Clock(11 * 60 + 30), "1130 GMT"),
                false => builder,
            }
        };
        let midday = || {
            price(
                "a",
                "Shares in Corvel were down at 198 pence by 1130 GMT",
                1.98,
                "198 pence",
            )
        };
        let c = run(
            midday(),
            price("b", "Shares in Corvel closed lower at 201p", 2.01, "201p"),
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
        let c = run(
            midday(),
            price("b", "At 201p, shares in Corvel had closed.", 2.01, "201p"),
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
        // Two closing prices are one reading.
        let c = run(
            price(
                "a",
                "Shares in Corvel closed lower at 198 pence",
                1.98,
                "198 pence",
            ),
            price("b", "Shares in Corvel closed lower at 201p", 2.01, "201p"),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Number);
        // A figure given without its moment is still compared, unless the other
        // is from the first minutes of trading.
        let c = run(
            midday(),
            price("b", "Shares in Corvel were lower at 201p", 2.01, "201p"),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Number);
        let c = run(
            price(
                "a",
                "Shares in Corvel opened lower at 198 pence",
                1.98,
                "198 pence",
            ),
            price("b", "Shares in Corvel were lower at 201p", 2.01, "201p"),
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    }

    #[test]
    fn durations_in_loosely_matching_claims_are_not_compared() {
        let (c, similarity) = run_scored(
            ReportBuilder::new("a")
                .claim("Regional officer Karen Doyle told the rally outside the gates that the workforce had waited two years for a pay rise")
                .qty(duration("two years", 2.0, Approx::Exact, "year")),
            ReportBuilder::new("b")
                .claim("The company has offered a rise worth about a thousand pounds a year to an average production worker on the night shift")
                .qty(duration("a year", 1.0, Approx::Exact, "year")),
        );
        assert!(loosely_matching(similarity), "{similarity}");
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    }

    #[test]
    fn twelve_killed_vs_fourteen_feared_dead_is_a_number_conflict() {
        let c = run(
            killed_claim(
                "a",
                "Twelve people were killed in the Russian strike on Kyiv",
                12.0,
                Approx::Exact,
                "Twelve",
            ),
            killed_claim(
                "b",
                "Fourteen people are feared dead after the Russian strike on Kyiv",
                14.0,
                Approx::Exact,
                "Fourteen",
            ),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Number);
        assert_eq!(
            (conflict.value_a.as_str(), conflict.value_b.as_str()),
            ("12 people", "14 people")
        );
        assert_eq!(
            conflict.explanation,
            "death toll differs: Twelve vs Fourteen"
        );
        assert!(c.unique.iter().all(|u| u.report == 2));
    }

    #[test]
    fn two_ranks_of_one_thing_conflict() {
        let c = run(
            ReportBuilder::new("a").claim("It was Norvane's second orbital launch attempt"),
            ReportBuilder::new("b").claim("It was Norvane's third attempt to reach orbit"),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Number);
        assert_eq!(
            (conflict.value_a.as_str(), conflict.value_b.as_str()),
            ("second", "third")
        );
        // The same rank, or ranks of different things, do not.
        let c = run(
            ReportBuilder::new("a").claim("It was Norvane's second orbital launch attempt"),
            ReportBuilder::new("b").claim("It was the second attempt by Norvane to reach orbit"),
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
        let c = run(
            ReportBuilder::new("a").claim("The rocket's first stage burned normally, Norvane said"),
            ReportBuilder::new("b")
                .claim("The rocket's second engine burned normally, Norvane said"),
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    }

    #[test]
    fn a_different_year_is_a_time_conflict() {
        let fined = |id: &str, year: f64| {
            let text =
                format!("In {year}, the company was fined 40,000 euros after a smaller leak");
            ReportBuilder::new(id).claim(&text).qty(quantity(
                &year.to_string(),
                year,
                Approx::Exact,
                Dimension::Year,
                "",
                None,
            ))
        };
        let c = run(fined("a", 2023.0), fined("b", 2021.0));
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Time);
        assert_eq!(conflict.explanation, "year differs: 2023 vs 2021");
    }

    #[test]
    fn injured_never_conflicts_with_killed() {
        let c = run(
            killed_claim(
                "a",
                "Twelve people were killed and nine injured in the strike on Kyiv",
                12.0,
                Approx::Exact,
                "Twelve",
            )
            .qty(count("nine", 9.0, Approx::Exact, "people", Some("injured"))),
            killed_claim(
                "b",
                "Twelve people were killed and 30 injured in the strike on Kyiv",
                12.0,
                Approx::Exact,
                "Twelve",
            )
            .qty(count("30", 30.0, Approx::Exact, "people", Some("injured"))),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.explanation, "number injured differs: nine vs 30");
        let c = run(
            killed_claim(
                "a",
                "Twelve people were killed in the strike on Kyiv",
                12.0,
                Approx::Exact,
                "Twelve",
            ),
            ReportBuilder::new("b")
                .claim("Nine people were injured in the strike on Kyiv")
                .place("Kyiv")
                .qty(count("Nine", 9.0, Approx::Exact, "people", Some("injured"))),
        );
        assert!(c.conflicts.iter().all(|x| x.kind != ConflictKind::Number));
    }

    #[test]
    fn compatible_numbers_agree() {
        for (x, y) in [
            (
                (40.0, Approx::About, "about 40"),
                (40.0, Approx::Exact, "40"),
            ),
            (
                (23.0, Approx::AtLeast, "at least 23"),
                (26.0, Approx::Exact, "26"),
            ),
            (
                (10.0, Approx::AtLeast, "more than 10"),
                (12.0, Approx::Exact, "12"),
            ),
            (
                (3000.0, Approx::About, "nearly 3,000"),
                (2950.0, Approx::Exact, "2,950"),
            ),
        ] {
            let c = run(
                killed_claim(
                    "a",
                    &format!("{} people were killed in the strike on Kyiv", x.2),
                    x.0,
                    x.1,
                    x.2,
                ),
                killed_claim(
                    "b",
                    &format!("{} people were killed in the strike on Kyiv", y.2),
                    y.0,
                    y.1,
                    y.2,
                ),
            );
            agree(&c);
        }
    }

    #[test]
    fn rounded_millions_agree_with_exact_counts() {
        let make = |id: &str, text: &str, value: f64, written: &str| {
            ReportBuilder::new(id).claim(text).qty(count(
                written,
                value,
                Approx::Exact,
                "people",
                Some("evacuated"),
            ))
        };
        agree(&run(
            make(
                "a",
                "3.7 million people have been displaced by the floods",
                3.7e6,
                "3.7 million",
            ),
            make(
                "b",
                "3,712,000 people have been displaced by the floods",
                3_712_000.0,
                "3,712,000",
            ),
        ));
    }

    #[test]
    fn a_total_agrees_with_the_sum_of_parts() {
        let c = run(
            ReportBuilder::new("a")
                .claim("Russia launched 539 drones and about a dozen missiles at Ukraine overnight")
                .place("Russia")
                .place("Ukraine")
                .qty(count("539", 539.0, Approx::Exact, "drone", None))
                .qty(count("about a dozen", 12.0, Approx::About, "missile", None)),
            ReportBuilder::new("b")
                .claim("Russia launched 550 drones and missiles at Ukraine overnight")
                .place("Russia")
                .place("Ukraine")
                .qty(count("550", 550.0, Approx::Exact, "drone", None)),
        );
        agree(&c);
    }

    #[test]
    fn far_apart_lengths_of_time_conflict_only_in_closely_matching_claims() {
        let questioned = |id: &str, text: &str, value: f64, unit: &str| {
            ReportBuilder::new(id)
                .claim(&format!(
                    "Mayor Lorenzo Bertaccini was questioned by the judge for {text}"
                ))
                .person("Lorenzo Bertaccini")
                .qty(duration(text, value, Approx::Exact, unit))
        };
        let c = run(
            questioned("a", "three hours", 3.0, "hour"),
            questioned("b", "40 minutes", 40.0, "minute"),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Number);
        // A ratio no two readings of one length could have.
        let c = run(
            questioned("a", "14 months", 14.0, "month"),
            questioned("b", "two hours", 2.0, "hour"),
        );
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
    }

    #[test]
    fn about_forty_minutes_vs_an_hour_is_a_duration_conflict() {
        let c = run(
            ReportBuilder::new("a")
                .claim("Trump and Putin spoke by phone for about 40 minutes")
                .person("Trump")
                .person("Putin")
                .qty(duration("about 40 minutes", 40.0, Approx::About, "minute")),
            ReportBuilder::new("b")
                .claim("Trump and Putin spoke by phone for an hour")
                .person("Donald Trump")
                .person("Vladimir Putin")
                .qty(duration("an hour", 1.0, Approx::Exact, "hour")),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Number);
        assert_eq!(conflict.value_a, "40 minute (approx)");
        assert_eq!(conflict.value_b, "1 hour");
        assert_eq!(
            conflict.explanation,
            "duration differs: about 40 minutes vs an hour"
        );
    }

    fn met(id: &str, value: TimeValue, text: &str) -> ReportBuilder {
        ReportBuilder::new(id)
            .claim(&format!(
                "Starmer met Macron in Paris {text} to discuss migration"
            ))
            .person("Keir Starmer")
            .person("Emmanuel Macron")
            .place("Paris")
            .time(value, text)
    }

    /// The time conflicts between two parsed reports, as "value vs value".
    fn parsed_time_conflicts(a: &str, b: &str) -> Vec<String> {
        let day = ymd(2026, 11, 2);
        let text = |t: &str| format!("Published: 2 November 2026\n\n{t}\n");
        let filler = "Markets were calm. The weather stayed dry in the north.";
        let reports = [
            parsed("a", &text(a), day),
            parsed("b", &text(b), day),
            parsed("f", filler, day),
        ];
        conflict_values(&reports, ConflictKind::Time)
    }

    #[test]
    fn one_thing_named_alike_on_two_days_is_a_time_conflict() {
        assert_eq!(
            parsed_time_conflicts(
                "Conservative lawyers will review the verification of postal votes on Monday, the Sallowfield Courier reported.",
                "Party lawyers will pore over the postal votes on Tuesday before deciding on a legal challenge, The Sun understands.",
            ),
            ["2026-11-02 (Monday) vs 2026-11-03 (Tuesday)"]
        );
        // Other things on other days, and one thing named in one word, do not.
        assert!(parsed_time_conflicts(
            "The FUT has called a general strike for Thursday, 5 November.",
            "The federation will hold a rally for pensioners on Thursday, 12 November.",
        )
        .is_empty());
        assert!(parsed_time_conflicts(
            "The union called a strike for Thursday, 5 November.",
            "The federation wants its own strike for Thursday, 12 November.",
        )
        .is_empty());
    }

    #[test]
    fn different_days_are_a_time_conflict() {
        let c = run(
            met("a", date(ymd(2025, 7, 3)), "on Thursday"),
            met("b", date(ymd(2025, 7, 4)), "on Friday"),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Time);
        assert_eq!(conflict.value_b, "2025-07-04 (Friday)");
        assert_eq!(
            conflict.explanation,
            "day differs: Thursday 3 July vs Friday 4 July"
        );
        let c = run(
            met("a", TimeValue::Weekday(Weekday::Thu), "on Thursday"),
            met("b", TimeValue::Weekday(Weekday::Fri), "on Friday"),
        );
        assert_eq!(
            only_conflict(&c).explanation,
            "day differs: Thursday vs Friday"
        );
    }

    #[test]
    fn a_plan_for_a_later_day_is_not_the_act_already_done() {
        // A live page of Thursday 16 September against a paper of Friday 17.
        let sailing = |id: &str, text: &str, day: u32, published: u32| {
            ReportBuilder::new(id)
                .claim(text)
                .place("Southampton")
                .time(date(ymd(2027, 9, day)), "on Saturday")
                .published(ymd(2027, 9, published))
        };
        let plan = sailing(
            "a",
            "The cruise line hopes to sail from Southampton on Saturday",
            18,
            16,
        )
        .modality(Modality::Future);
        let done = sailing(
            "b",
            "The ship set sail from Southampton on Saturday",
            11,
            17,
        );
        assert!(run(plan.clone(), done.clone()).conflicts.is_empty());
        // Told as past in both, the two Saturdays contradict each other.
        let told = sailing(
            "a",
            "The cruise line set sail from Southampton on Saturday",
            18,
            19,
        );
        assert_eq!(
            only_conflict(&run(told, done.clone())).kind,
            ConflictKind::Time
        );
        // A "plan" for a day already gone when it was written is misread: the days clash.
        let stale = plan.published(ymd(2027, 9, 19));
        assert_eq!(only_conflict(&run(stale, done)).kind, ConflictKind::Time);
    }

    #[test]
    fn a_short_claim_wholly_inside_the_other_conflicts_on_its_month() {
        let opened = |id: &str, text: &str, month: u32| {
            ReportBuilder::new(id).claim(text).time(
                TimeValue::Month {
                    year: Some(2025),
                    month,
                },
                "in 2025",
            )
        };
        let c = run(
            opened(
                "a",
                "She said the investigation was opened in September 2025 after a losing bidder filed a complaint",
                9,
            ),
            opened("b", "The investigation was opened in November 2025", 11),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Time);
        // Loosely related claims in different months stay apart.
        let c = run(
            opened("a", "Floods hit the valley in September 2025", 9),
            opened(
                "b",
                "Work on the new flood wall starts in November 2025",
                11,
            ),
        );
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
    }

    #[test]
    fn a_one_off_act_on_different_days_is_a_time_conflict_in_any_wording() {
        let convicted = |id: &str, text: &str, day: u32| {
            ReportBuilder::new(id)
                .claim(text)
                .person("Ann Hale")
                .time(date(ymd(2025, 3, day)), "on the day")
        };
        let long = "Ann Hale, 52, a former accountant from Ripon, was convicted on \
                    Wednesday of two counts of fraud after a four-week trial at the county \
                    court in York";
        let short = "A jury found Hale guilty of fraud on Tuesday";
        let c = run(convicted("a", long, 12), convicted("b", short, 11));
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Time);
        // Found by the shared act and name, not by the wording.
        assert!(
            conflict.similarity < TIME_CONFLICT_MIN_SIMILARITY,
            "{}",
            conflict.similarity
        );
    }

    #[test]
    fn the_days_a_state_began_and_ended_do_not_conflict() {
        // The notice issued on 11 June, and in the other report on `day` in `text`.
        let issued_and = |text: &str, day: u32| {
            let notice = |id: &str, text: &str, day: u32| {
                ReportBuilder::new(id)
                    .claim(text)
                    .time(date(ymd(2025, 6, day)), "on the day")
            };
            let issued = "The boil-water notice was issued for nearly 15,000 homes";
            run(notice("a", issued, 11), notice("b", text, day))
        };
        let c = issued_and(
            "The company lifted the boil-water notice for nearly 15,000 homes",
            16,
        );
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
        // The same end on two days is still a conflict.
        let c = issued_and(
            "The company issued the boil-water notice for nearly 15,000 homes",
            12,
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Time);
    }

    #[test]
    fn where_a_service_set_out_from_is_not_where_it_happened() {
        let c = run(
            ReportBuilder::new("a")
                .claim("Two people died when a train from Shrewsbury ran into a landslip")
                .place("Shrewsbury"),
            ReportBuilder::new("b")
                .claim("Two people died when a train ran into a landslip near Llanwyddel")
                .place("Llanwyddel"),
        );
        assert!(
            c.conflicts.iter().all(|x| x.kind != ConflictKind::Entity),
            "{:?}",
            c.conflicts
        );
    }

    #[test]
    fn compatible_times_agree() {
        agree(&run(
            met("a", TimeValue::Weekday(Weekday::Fri), "on Friday"),
            met("b", date(ymd(2025, 7, 4)), "on 4 July"),
        ));
        agree(&run(
            met(
                "a",
                TimeValue::Month {
                    year: Some(2025),
                    month: 7,
                },
                "in July",
            ),
            met("b", date(ymd(2025, 7, 4)), "on 4 July"),
        ));
        agree(&run(
            met("a", TimeValue::Clock(180), "at 3 a.m."),
            met("b", TimeValue::Clock(200), "at 3.20 a.m."),
        ));
        // A claim without a time never conflicts on time.
        agree(&run(
            met("a", TimeValue::Clock(180), "at 3 a.m."),
            ReportBuilder::new("b")
                .claim("Starmer met Macron in Paris to discuss migration")
                .person("Keir Starmer")
                .person("Emmanuel Macron")
                .place("Paris"),
        ));
    }

    #[test]
    fn a_time_said_only_in_an_aside_dates_the_aside() {
        let race = |id: &str, text: &str, minutes: u32, said: &str| {
            ReportBuilder::new(id)
                .claim(text)
                .time(TimeValue::Clock(minutes), said)
        };
        let started_at_nine = || {
            race(
                "b",
                "About 7,500 runners started the race at 9am",
                540,
                "9am",
            )
        };
        let c = run(
            race(
                "a",
                "About 7,500 runners started the race, which organisers cut short at 11:30am",
                690,
                "11:30am",
            ),
            started_at_nine(),
        );
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
        let c = run(
            race(
                "a",
                "About 7,500 runners started the race at 11:30am",
                690,
                "11:30am",
            ),
            started_at_nine(),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Time);
        // Two asides dating one act still disagree.
        let took_office = |id: &str, day: u32| {
            ReportBuilder::new(id)
                .claim(&format!(
                    "Mr Trump, who took office on Jan. {day}, has faulted Biden for giving Kyiv arms"
                ))
                .time(date(ymd(2025, 1, day)), &format!("Jan. {day}"))
        };
        let c = run(took_office("a", 20), took_office("b", 22));
        assert_eq!(only_conflict(&c).kind, ConflictKind::Time);
    }

    #[test]
    fn clock_times_hours_apart_conflict() {
        let c = run(
            met("a", TimeValue::Clock(180), "at 3 a.m."),
            met("b", TimeValue::Clock(300), "at 5 a.m."),
        );
        let conflict = only_conflict(&c);
        assert_eq!(
            (conflict.value_a.as_str(), conflict.value_b.as_str()),
            ("03:00", "05:00")
        );
        assert_eq!(
            conflict.explanation,
            "time of day differs: at 3 a.m. vs at 5 a.m."
        );
    }

    #[test]
    fn clock_times_of_one_act_done_once_conflict_in_loosely_matching_claims() {
        let struck = |id: &str, text: &str, time: TimeValue, when: &str| {
            ReportBuilder::new(id).claim(text).time(time, when)
        };
        let pair = |second: &str, time: TimeValue, when: &str| {
            run_scored(
                struck(
                    "a",
                    "The train struck the fallen earth at about 6:15 a.m. in a cutting near the village of Llanwyddel",
                    TimeValue::Clock(375),
                    "at about 6:15 a.m.",
                ),
                struck("b", second, time, when),
            )
        };
        let (c, similarity) = pair(
            "The train hit the landslide at about 7am, according to the operator",
            TimeValue::Clock(420),
            "at about 7am",
        );
        loose_time_conflict(
            &c,
            similarity,
            CLOCK_CONFLICT_MIN_SIMILARITY,
            ("06:15", "07:00"),
        );
        // Within half an hour, the same time.
        let (c, _) = pair(
            "The train hit the landslide at about 6:30am, according to the operator",
            TimeValue::Clock(390),
            "at about 6:30am",
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
        // A part of the day is stretched by writers: left to closer pairs.
        let (c, _) = pair(
            "The train hit the landslide in the afternoon, according to the operator",
            TimeValue::PartOfDay(DayPart::Afternoon),
            "in the afternoon",
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
        // Without an act done once, two clock times of loosely matching claims
        // may be two moments.
        let (c, _) = pair(
            "The train reached the landslide at about 7am, according to the operator",
            TimeValue::Clock(420),
            "at about 7am",
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    }

    #[test]
    fn the_alarm_is_raised_once() {
        let raised = |id: &str, text: &str, minutes: u32, when: &str| {
            ReportBuilder::new(id)
                .claim(text)
                .time(TimeValue::Clock(minutes), when)
        };
        let (c, similarity) = run_scored(
            raised(
                "a",
                "The alarm was raised at 3:40 p.m. when a member of the party called emergency services, police said",
                940,
                "at 3:40 p.m.",
            ),
            raised("b", "He said the alarm went up at about 4:45pm", 1005, "at about 4:45pm"),
        );
        loose_time_conflict(
            &c,
            similarity,
            CLOCK_CONFLICT_MIN_SIMILARITY,
            ("15:40", "16:45"),
        );
    }

    #[test]
    fn days_of_one_meeting_of_two_parties_conflict_in_loosely_matching_claims() {
        let met = ReportBuilder::new("a")
            .claim("The foreign ministers of Velmora and Drasnia met for more than seven hours in Brennhaven on Wednesday")
            .place("Velmora")
            .place("Drasnia")
            .place("Brennhaven")
            .time(TimeValue::Weekday(Weekday::Wed), "on Wednesday");
        let sat_down = |text: &str, parties: [&str; 2], modality: Modality| {
            ReportBuilder::new("b")
                .claim(text)
                .place(parties[0])
                .place(parties[1])
                .time(TimeValue::Weekday(Weekday::Tue), "on Tuesday")
                .modality(modality)
        };
        let (c, similarity) = run_scored(
            met.clone(),
            sat_down(
                "The top diplomats of war-torn Velmora and Drasnia finally sat down face to face on Tuesday",
                ["Velmora", "Drasnia"],
                Modality::Asserted,
            ),
        );
        loose_time_conflict(
            &c,
            similarity,
            DAY_CONFLICT_MIN_SIMILARITY,
            ("Wednesday", "Tuesday"),
        );
        // A next meeting is another happening.
        let (c, _) = run_scored(
            met.clone(),
            sat_down(
                "The top diplomats of war-torn Velmora and Drasnia will sit down face to face again on Tuesday",
                ["Velmora", "Drasnia"],
                Modality::Future,
            ),
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
        // One party in common: two meetings.
        let (c, _) = run_scored(
            met,
            sat_down(
                "The top diplomats of war-torn Velmora and Ostland finally sat down face to face on Tuesday",
                ["Velmora", "Ostland"],
                Modality::Asserted,
            ),
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    }

    #[test]
    fn sums_of_a_named_measure_conflict_without_sharing_other_words() {
        let sum = |id: &str, text: &str, written: &str, value: f64, measure: Option<&str>| {
            ReportBuilder::new(id).claim(text).qty(quantity(
                written,
                value,
                Approx::Exact,
                Dimension::Money,
                "gbp",
                measure,
            ))
        };
        let pair = |measure: Option<&str>| {
            run_scored(
                sum(
                    "a",
                    "The stolen pieces are valued at £2.4 million",
                    "£2.4 million",
                    2_400_000.0,
                    measure,
                ),
                sum(
                    "b",
                    "They fled with jewels worth a staggering £5 million",
                    "£5 million",
                    5_000_000.0,
                    measure,
                ),
            )
        };
        let (c, similarity) = pair(Some("value"));
        assert!(
            similarity >= GENERIC_NUMBER_CONFLICT_MIN_SIMILARITY,
            "{similarity}"
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Number);
        // Bare sums in claims sharing no other word may be a total and a part.
        let (c, _) = pair(None);
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    }

    #[test]
    fn a_bare_number_in_a_claim_saying_the_same_is_the_other_count() {
        const SAID: &str =
            "were flown by coastguard helicopter to the main hospital in Palermo overnight";
        let flown = |id: &str, written: &str, value: f64, unit: &str| {
            ReportBuilder::new(id)
                .claim(&format!("{written} {SAID}"))
                .place("Palermo")
                .qty(count(written, value, Approx::Exact, unit, None))
        };
        let four = flown("a", "Four survivors", 4.0, "survivor");
        let (c, similarity) = run_scored(four.clone(), flown("b", "Seven", 7.0, ""));
        assert!(
            similarity >= BARE_NUMBER_CONFLICT_MIN_SIMILARITY,
            "{similarity}"
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Number);
        assert_eq!(
            conflict.explanation,
            "number of survivors differs: Four survivors vs Seven"
        );
        let c = run(four, flown("b", "Four", 4.0, ""));
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    }

    #[test]
    fn a_later_batch_added_to_a_count_is_told_on_its_own_day() {
        let recovered = |id: &str, written: &str, value: f64, measure: &str, day: u32| {
            ReportBuilder::new(id)
                .claim(&format!(
                    "{written} were recovered from the sea south of Santa Lidia by the coastguard"
                ))
                .place("Santa Lidia")
                .qty(count(written, value, Approx::Exact, "body", Some(measure)))
                .time(date(ymd(2027, 9, day)), "that day")
        };
        let c = run(
            recovered("a", "Eight more bodies", 8.0, "more killed", 16),
            recovered("b", "Nine bodies", 9.0, "killed", 15),
        );
        assert!(
            c.conflicts.iter().all(|x| x.kind != ConflictKind::Time),
            "{:#?}",
            c.conflicts
        );
        // Two totals of one recovery on two days do conflict.
        let c = run(
            recovered("a", "Nine bodies", 9.0, "killed", 16),
            recovered("b", "Nine bodies", 9.0, "killed", 15),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Time);
    }

    #[test]
    fn one_act_done_to_as_many_people_on_two_days_is_a_time_conflict() {
        let arrest = |id: &str, text: &str, written: &str, day: u32, evening: bool| {
            let builder = ReportBuilder::new(id)
                .claim(text)
                .qty(count(written, 3.0, Approx::Exact, "man", Some("arrested")))
                .time(date(ymd(2027, 9, day)), "on that day");
            if evening {
                builder.time(TimeValue::PartOfDay(DayPart::Evening), "evening")
            } else {
                builder
            }
        };
        let thursday = arrest(
            "a",
            "Police arrested three suspected smugglers on Thursday, prosecutors in Agrigento said",
            "three suspected smugglers",
            16,
            false,
        );
        let wednesday = arrest(
            "b",
            "The three men accused of steering the boat were arrested on Wednesday evening at the centre",
            "The three men",
            15,
            true,
        );
        let c = run(thursday.clone(), wednesday);
        assert_eq!(only_conflict(&c).kind, ConflictKind::Time);
        // Without the same count, loosely matching claims may tell of two arrests.
        let other = ReportBuilder::new("b")
            .claim("The three men accused of steering the boat were arrested on Wednesday evening at the centre")
            .time(date(ymd(2027, 9, 15)), "on Wednesday")
            .time(TimeValue::PartOfDay(DayPart::Evening), "evening");
        assert!(run(thursday, other).conflicts.is_empty());
    }

    #[test]
    fn one_reading_set_in_two_months_is_a_time_conflict() {
        let record = |id: &str, text: &str, written: &str, month: u32| {
            ReportBuilder::new(id)
                .claim(text)
                .qty(quantity(
                    written,
                    46.0,
                    Approx::Exact,
                    Dimension::Temperature,
                    claimdiff_parser::CELSIUS,
                    None,
                ))
                .time(
                    TimeValue::Month {
                        year: Some(2019),
                        month,
                    },
                    "in 2019",
                )
        };
        let june = record(
            "a",
            "Forecasters said the old national mark of 46.0 C, measured at Verargues in the Herault department after a long dry spell, dates from June 2019",
            "46.0 C",
            6,
        );
        let c = run(
            june.clone(),
            record(
                "b",
                "The previous high of 46C was set back in July 2019",
                "46C",
                7,
            ),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Time);
        // Another value is another reading.
        let other = ReportBuilder::new("b")
            .claim("The previous high of 44C was set back in July 2019")
            .qty(quantity(
                "44C",
                44.0,
                Approx::Exact,
                Dimension::Temperature,
                claimdiff_parser::CELSIUS,
                None,
            ))
            .time(
                TimeValue::Month {
                    year: Some(2019),
                    month: 7,
                },
                "in July 2019",
            );
        assert!(run(june, other)
            .conflicts
            .iter()
            .all(|c| c.kind != ConflictKind::Time));
    }

    #[test]
    fn readings_conflict_at_one_site_whatever_country_is_named() {
        let reading = |id: &str, text: &str, places: &[&str], written: &str, value: f64| {
            let mut builder = ReportBuilder::new(id).claim(text);
            for place in places {
                builder = builder.place(place);
            }
            builder.qty(quantity(
                written,
                value,
                Approx::Exact,
                Dimension::Temperature,
                claimdiff_parser::CELSIUS,
                None,
            ))
        };
        let record = reading(
            "a",
            "A station in Lussargues recorded 46.3C, the highest temperature ever measured in France",
            &["Lussargues", "France"],
            "46.3C",
            46.3,
        );
        let c = run(
            record.clone(),
            reading(
                "b",
                "The thermometer in Lussargues hit a blistering 46.8C in the heat",
                &["Lussargues"],
                "46.8C",
                46.8,
            ),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Number);
        // Another town's reading is another reading, though France holds both.
        let c = run(
            record,
            reading(
                "b",
                "The thermometer in Nimes hit 44.1C, the highest temperature in France",
                &["Nimes", "France"],
                "44.1C",
                44.1,
            ),
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    }

    #[test]
    fn bare_counts_of_people_need_more_than_their_number_in_common() {
        let people = |id: &str, text: &str, written: &str, value: f64, measure: Option<&str>| {
            ReportBuilder::new(id).claim(text).qty(count(
                written,
                value,
                Approx::About,
                "people",
                measure,
            ))
        };
        let pair = |measure: Option<&str>| {
            run_scored(
                people(
                    "a",
                    "Survivors told the charity in Valletta that about 110 people had been on board the wooden fishing boat",
                    "about 110 people",
                    110.0,
                    measure,
                ),
                people(
                    "b",
                    "The minister told reporters in Rome the dinghy was carrying some 80 people from Libya overnight",
                    "some 80 people",
                    80.0,
                    measure,
                ),
            )
        };
        // Counted as people on board, the two figures disagree.
        let (c, _) = pair(Some("on board"));
        assert_eq!(only_conflict(&c).kind, ConflictKind::Number);
        // As bare people, in claims that match but share little else, they may
        // be any two groups: those on board and those a shelter was built for.
        let (c, similarity) = pair(None);
        assert!(
            (crate::thresholds::MATCH_THRESHOLD..GENERIC_NUMBER_CONFLICT_MIN_SIMILARITY)
                .contains(&similarity),
            "{similarity}"
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    }

    #[test]
    fn times_a_state_was_reached_by_are_two_moments_not_a_clash() {
        let contained = |id: &str, text: &str, part: DayPart, when: &str| {
            ReportBuilder::new(id)
                .claim(text)
                .place("Montaraz")
                .qty(quantity(
                    "40%",
                    40.0,
                    Approx::Exact,
                    Dimension::Percent,
                    "%",
                    None,
                ))
                .time(TimeValue::PartOfDay(part), when)
        };
        let c = run(
            contained(
                "a",
                "By last night the fire in Montaraz was 40% contained, officials said",
                DayPart::Night,
                "last night",
            ),
            contained(
                "b",
                "By Sunday afternoon the fire in Montaraz was 40% contained",
                DayPart::Afternoon,
                "Sunday afternoon",
            ),
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
        // Without "by" the two say when one thing happened, and differ.
        let c = run(
            contained(
                "a",
                "Last night the fire in Montaraz was 40% contained, officials said",
                DayPart::Night,
                "Last night",
            ),
            contained(
                "b",
                "On Sunday afternoon the fire in Montaraz was 40% contained",
                DayPart::Afternoon,
                "Sunday afternoon",
            ),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Time);
    }

    #[test]
    fn periods_that_start_at_different_times_conflict_though_they_end_alike() {
        let warning = |id: &str, text: &str, from: (u32, &str), to: (u32, &str)| {
            ReportBuilder::new(id)
                .claim(text)
                .time(TimeValue::Clock(from.0), from.1)
                .time(TimeValue::Clock(to.0), to.1)
        };
        let c = run(
            warning(
                "a",
                "An amber warning for wind was in force from 9 a.m. to 9 p.m.",
                (540, "9 a.m."),
                (1260, "9 p.m."),
            ),
            warning(
                "b",
                "An amber wind warning was in force from 6am until 9pm",
                (360, "6am"),
                (1260, "9pm"),
            ),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Time);
        assert_eq!(
            (conflict.value_a.as_str(), conflict.value_b.as_str()),
            ("09:00-21:00", "06:00-21:00")
        );
        // Two times that are not one period keep the old rule: one agreeing pair
        // of times is enough.
        let c = run(
            warning(
                "a",
                "The alarm sounded at 6:15 and crews arrived at 6:25",
                (375, "6:15"),
                (385, "6:25"),
            ),
            warning(
                "b",
                "Crews arrived at 6:25 and the alarm had sounded at 6:15",
                (385, "6:25"),
                (375, "6:15"),
            ),
        );
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
    }

    #[test]
    fn one_role_given_to_two_people_is_an_entity_conflict() {
        let c = run(
            ReportBuilder::new("a")
                .claim("Bertaccini appeared before preliminary investigations judge Chiara Montanari at the courthouse")
                .person("Lorenzo Bertaccini")
                .person("Chiara Montanari"),
            ReportBuilder::new("b")
                .claim("He will be questioned by preliminary investigations judge Roberto Sala")
                .person("Roberto Sala"),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Entity);
        assert_eq!(
            conflict.explanation,
            "a different judge is named: Chiara Montanari vs Roberto Sala"
        );
    }

    #[test]
    fn refusing_or_failing_to_do_a_thing_denies_doing_it() {
        let answered = |id: &str, act: &str| {
            ReportBuilder::new(id)
                .claim(&format!(
                    "Mayor Lorenzo Bertaccini {act} the judge's questions"
                ))
                .person("Lorenzo Bertaccini")
        };
        let c = run(
            answered("a", "answered all of"),
            answered("b", "refused to answer").negative(),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Negation);
        assert!(
            conflict.explanation.contains("refused to answer"),
            "{}",
            conflict.explanation
        );
    }

    #[test]
    fn negation_conflict_names_both_readings() {
        let c = run(
            ReportBuilder::new("a")
                .claim("Germany was in talks with Washington about buying Patriot systems")
                .place("Germany")
                .place("Washington"),
            ReportBuilder::new("b")
                .claim("Germany was not in talks with Washington about buying Patriot systems")
                .place("Germany")
                .place("Washington")
                .negative(),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Negation);
        assert_eq!(
            (conflict.value_a.as_str(), conflict.value_b.as_str()),
            ("positive", "negative")
        );
        assert_eq!(
            conflict.explanation,
            "one report says \"Germany was in talks\", the other says \"Germany was not in talks\""
        );
    }

    #[test]
    fn an_activity_that_went_on_against_one_that_ended_is_a_negation_conflict() {
        let band = |id: &str, act: &str| {
            ReportBuilder::new(id)
                .claim(&format!("The headline band The Halcyon Kites {act}"))
                .org("The Halcyon Kites")
        };
        let c = run(
            band(
                "a",
                "kept playing for about 20 minutes after the crush began",
            ),
            band("b", "stopped playing mid-song when the crush began"),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Negation);
        assert_eq!(
            conflict.explanation,
            "one report says \"kept playing\", the other says \"stopped playing\""
        );
        // Two acts are no conflict.
        let c = run(
            band(
                "a",
                "kept playing for about 20 minutes after the crush began",
            ),
            band("b", "stopped singing mid-song when the crush began"),
        );
        assert!(c.conflicts.is_empty());
    }

    #[test]
    fn steps_on_one_scale_conflict_and_say_so() {
        let rated = |id: &str, written: &str, n: f64| {
            ReportBuilder::new(id)
                .claim(&format!(
                    "Forecasters had rated the avalanche danger at level {written} on Thursday"
                ))
                .qty(count(written, n, Approx::Exact, "level", None))
        };
        let c = run(rated("a", "3", 3.0), rated("b", "FOUR", 4.0));
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Number);
        assert_eq!(conflict.explanation, "level differs: 3 vs FOUR");
    }

    #[test]
    fn a_person_denied_by_name_is_the_one_the_other_report_gives_by_title() {
        let warned = |who: &str| {
            ReportBuilder::new("a")
                .claim(&format!(
                    "A source briefed on the investigation said {who} had been warned about the approaching gale"
                ))
                .speaker("unnamed sources")
        };
        let denial = || {
            ReportBuilder::new("b")
                .claim("Mr Rennie said Captain Ruaraidh MacLeod had not been warned about the gale")
                .person("Callum Rennie")
                .person("Ruaraidh MacLeod")
                .speaker("Callum Rennie")
                .negative()
        };
        let c = run(warned("the captain"), denial());
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
        // Someone else, by another title, is not the man named.
        let c = run(warned("the harbour master"), denial());
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
    }

    #[test]
    fn stopping_short_of_an_act_denies_it() {
        let c = run(
            ReportBuilder::new("a")
                .claim("Justice Minister Niamh Costigan ordered an independent inquiry into the escape")
                .person("Niamh Costigan"),
            ReportBuilder::new("b")
                .claim("Ms Costigan stopped short of ordering an independent inquiry into the escape")
                .person("Niamh Costigan")
                .negative(),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Negation);
        assert!(
            conflict
                .explanation
                .contains("\"stopped short of ordering\""),
            "{}",
            conflict.explanation
        );
    }

    #[test]
    fn a_reported_act_denied_word_for_word_conflicts_however_it_is_narrated() {
        let c = run(
            ReportBuilder::new("a")
                .claim("Yousuf Qureshi told reporters in the car park that he will challenge the result")
                .person("Yousuf Qureshi"),
            ReportBuilder::new("b")
                .claim("Mr Qureshi, who shook hands on the stage, said he would not challenge the result")
                .person("Yousuf Qureshi")
                .negative(),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
        // The same two words of an act by nobody the claims share are not enough.
        let c = run(
            ReportBuilder::new("a")
                .claim("Protesters outside the hall chanted that they will challenge the result"),
            ReportBuilder::new("b")
                .claim("The council said on its website it would not challenge the result")
                .negative(),
        );
        assert!(
            c.conflicts.iter().all(|x| x.kind != ConflictKind::Negation),
            "{:?}",
            c.conflicts
        );
    }

    /// A claim and a negative claim, neither naming anyone.
    fn stated_and_denied(positive: &str, negative: &str) -> Comparison {
        run(
            ReportBuilder::new("a").claim(positive),
            ReportBuilder::new("b").claim(negative).negative(),
        )
    }

    #[test]
    fn a_passive_denial_denies_the_active_act_on_its_subject() {
        let c = stated_and_denied(
            "And the hackers stole patient records, including names and test results",
            "Chief executive Dr Yusuf Rahman said patient records had not been stolen",
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
        let c = stated_and_denied(
            "In the village of Kilmorie, south of Oban, waves breached the harbour wall",
            "The council said the harbour wall was not breached",
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn a_denial_in_an_aside_conflicts_with_the_act_it_denies() {
        let pleaded = ReportBuilder::new("a")
            .claim("Calder Vale Coatings Ltd pleaded guilty before the trial to breaching health and safety law")
            .org("Calder Vale Coatings Ltd");
        let fined = |aside: &str| {
            ReportBuilder::new("b")
                .claim(&format!("Calder Vale Coatings Ltd, {aside}, has been fined £1.2m for breaching health and safety law"))
                .org("Calder Vale Coatings Ltd")
        };
        let c = run(pleaded.clone(), fined("which did not plead guilty"));
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Negation);
        assert!(
            conflict.explanation.contains("which did not plead"),
            "{}",
            conflict.explanation
        );
        // An aside that asserts denies nothing.
        let c = run(pleaded, fined("which pleaded guilty"));
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    }

    #[test]
    fn no_named_thing_denies_a_claim_that_has_it() {
        let read_out = "The host read out a short joint statement at the end of the talks";
        let (c, similarity) = run_scored(
            ReportBuilder::new("a").claim(read_out),
            ReportBuilder::new("b")
                .claim("No joint statement was issued")
                .negative(),
        );
        assert!(similarity >= DENIAL_CONFLICT_MIN_SIMILARITY, "{similarity}");
        assert!(
            similarity < NEGATION_CONFLICT_MIN_SIMILARITY,
            "{similarity}"
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
        // An expected statement is not one that was read out.
        let c = run(
            ReportBuilder::new("a")
                .claim("An official tells us a joint statement is expected within the hour")
                .modality(Modality::Hedged),
            ReportBuilder::new("b")
                .claim("No joint statement was issued")
                .negative(),
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
        // One word named is too little to tell the thing.
        let c = stated_and_denied(read_out, "No statement from Drasnia was issued");
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    }

    #[test]
    fn a_shared_speaker_after_the_act_is_no_part_of_it() {
        let c = run(
            ReportBuilder::new("a")
                .claim("1,140 planned operations have been cancelled since then, the trust said")
                .speaker("trust")
                .qty(count("1,140", 1140.0, Approx::Exact, "operation", None)),
            ReportBuilder::new("b")
                .claim("Chemotherapy appointments have not been cancelled, the trust says")
                .speaker("trust")
                .negative(),
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
        // The act itself still counts.
        let c = run(
            ReportBuilder::new("a")
                .claim("Chemotherapy appointments have been cancelled, the trust said")
                .speaker("trust"),
            ReportBuilder::new("b")
                .claim("Chemotherapy appointments have not been cancelled, the trust says")
                .speaker("trust")
                .negative(),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn lacking_a_thing_is_no_claim_that_it_is_there() {
        let c = stated_and_denied(
            "The utility shut off the main, leaving about 2,000 households without running water",
            "Around 2,000 homes in Bonfim have no running water",
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
        // What follows "without" further on is asserted.
        let c = stated_and_denied(
            "Without warning, the utility shut off running water to 2,000 households",
            "No running water was shut off to the households",
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn no_shots_at_any_point_denies_one_shot_fired() {
        let c = stated_and_denied(
            "The man fired one shot into the ceiling",
            "No shots were fired at any point",
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn a_passive_assertion_is_denied_by_the_active_denial_of_its_subject() {
        let c = stated_and_denied(
            "Panic spread along the coast as a flood warning was issued for the Wyre estuary",
            "Forecasters did not issue a flood warning, as the storm stayed well out to sea",
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn a_person_named_in_a_denial_may_be_her_in_the_assertion() {
        let asked = ReportBuilder::new("a")
            .claim("And the Globe can reveal that Tom Hale asked her to resign at the meeting")
            .person("Tom Hale");
        let not_asked = ReportBuilder::new("b")
            .claim("A spokesman told journalists that Tom Hale did not ask Jo Lund to resign")
            .person("Tom Hale")
            .person("Jo Lund")
            .negative();
        assert_eq!(
            only_conflict(&run(asked, not_asked)).kind,
            ConflictKind::Negation
        );
        // Two persons the assertion does not name are not both "her".
        let asked = ReportBuilder::new("a")
            .claim("And the Globe can reveal that Tom Hale asked her to resign at the meeting")
            .person("Tom Hale");
        let not_asked = ReportBuilder::new("b")
            .claim("A spokesman said Tom Hale did not ask Jo Lund or Ann Bird to resign")
            .person("Tom Hale")
            .person("Jo Lund")
            .person("Ann Bird")
            .negative();
        assert!(run(asked, not_asked).conflicts.is_empty());
    }

    #[test]
    fn the_one_told_is_no_actor_of_a_denial() {
        let c = run(
            ReportBuilder::new("a").claim("The town's care home was evacuated"),
            ReportBuilder::new("b")
                .claim("The care home in the town was not evacuated, its manager, Jo Lund, told the Courier")
                .person("Jo Lund")
                .org("Courier")
                .speaker("Jo Lund")
                .negative(),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn the_body_a_speaker_speaks_for_is_no_actor_of_a_denial() {
        let c = run(
            ReportBuilder::new("a").claim("Police fired tear gas at the marchers"),
            ReportBuilder::new("b")
                .claim(
                    "Police did not fire tear gas at the marchers, PSP spokesman Paulo Rebelo said",
                )
                .org("PSP")
                .person("Paulo Rebelo")
                .speaker("Paulo Rebelo")
                .negative(),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn a_yes_or_no_act_denied_and_reported_conflict_however_framed() {
        let (c, similarity) = run_scored(
            ReportBuilder::new("a")
                .claim("No arrests have been made, a police spokesperson said")
                .speaker("police spokesperson")
                .negative(),
            ReportBuilder::new("b").claim(
                "Police on Saturday arrested a local farm worker on suspicion of causing the blaze through negligence",
            ),
        );
        assert!(loosely_matching(similarity), "{similarity}");
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
        // Insurance either covered the cargo or it did not.
        let (c, similarity) = run_scored(
            ReportBuilder::new("a")
                .claim("The precious cargo wasn't even insured, the paper can reveal")
                .negative(),
            ReportBuilder::new("b").claim("The operator said the satellites were insured"),
        );
        assert!(loosely_matching(similarity), "{similarity}");
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
        // Injuries need the closer match: one may be hurt while another is not.
        // Reports that tally no one hurt against someone hurt are read whole by
        // `tallies`; the loose pair rule adds nothing to that row.
        let (c, similarity) = run_scored(
            ReportBuilder::new("a")
                .claim("Nobody was injured, a council spokesperson said")
                .speaker("council spokesperson")
                .negative(),
            ReportBuilder::new("b").claim(
                "A firefighter was injured on Saturday when part of a roof gave way in the lower town",
            ),
        );
        assert!(loosely_matching(similarity), "{similarity}");
        let tally = only_conflict(&c);
        assert_eq!(
            (tally.value_a.as_str(), tally.value_b.as_str()),
            ("no one injured", "1 injured")
        );
    }

    #[test]
    fn a_denial_is_read_past_an_aside_and_an_attribution() {
        // The aside's "not" is not the claim's.
        let c = run(
            ReportBuilder::new("a")
                .claim("Strachan said the walkers had been carrying crampons and ice axes")
                .speaker("Euan Strachan"),
            ReportBuilder::new("b")
                .claim("One rescuer, who asked not to be named, told the Courier the walkers had not been carrying crampons")
                .speaker("unnamed sources")
                .negative(),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
        // Subject and verb denied whole; the trailing attribution is no part of it.
        let c = run(
            ReportBuilder::new("a")
                .claim("Sirens sounded across the town shortly after the warning was issued, Mayor Dana Whitfield said")
                .speaker("Dana Whitfield"),
            ReportBuilder::new("b")
                .claim("But the town's outdoor warning sirens never sounded, several west-side residents and council member Lyle Brandt said")
                .speaker("Lyle Brandt")
                .negative(),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn not_saying_one_thing_is_no_denial_of_saying_another() {
        let claim = |text: &str| ReportBuilder::new("x").claim(text).build().claims[0].clone();
        let said = claim("Calder Air said it had sent a replacement aircraft from Leeds Bradford");
        let not_said = claim("Calder Air has not said what caused the smoke");
        let act = negation_phrases(&said, &not_said).expect("the denied word is found");
        // The subject alone ("Calder Air") does not make the two sayings one act.
        assert_eq!(act.act_words().words, 1);
        assert!(!act.act_words().whole);
        // What was said, denied word for word, does.
        let not_sent = claim("Calder Air has not said it had sent a replacement aircraft");
        let act = negation_phrases(&said, &not_sent).expect("the denied word is found");
        assert!(act.act_words().words >= DENIED_ACT_MIN_WORDS);
    }

    #[test]
    fn a_subject_and_its_act_denied_word_for_word_conflict() {
        let denied = "And the museum's alarm did not go off, the paper can reveal";
        let c = stated_and_denied(
            "The museum's alarm went off at 2:47 a.m., a detective told reporters on Monday",
            denied,
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
        // A phrasal verb denies its meaning: "did not go off" denies "sounded".
        let c = stated_and_denied(
            "Police now say the museum's alarm sounded at 2.47am",
            denied,
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn unharmed_says_not_hurt() {
        let guard = |id: &str, text: &str, negative: bool| {
            ReportBuilder::new(id)
                .claim(text)
                .person("Tony Briggs")
                .negative_if(negative)
        };
        agree(&run(
            guard("a", "The night guard, Tony Briggs, was not hurt", true),
            guard("b", "The night guard, Tony Briggs, was unharmed", true),
        ));
        let c = run(
            guard("a", "The night guard, Tony Briggs, was hurt", false),
            guard("b", "The night guard, Tony Briggs, was unharmed", true),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn staying_open_says_not_closing() {
        let plant = |id: &str, text: &str, negative: bool| {
            ReportBuilder::new(id)
                .claim(text)
                .place("Wrexham")
                .negative_if(negative)
        };
        let stays_open = || {
            plant(
                "a",
                "The Wrexham plant will stay open, the company said",
                true,
            )
        };
        agree(&run(
            stays_open(),
            plant(
                "b",
                "The Wrexham plant will not close, the company said",
                true,
            ),
        ));
        let c = run(
            stays_open(),
            plant(
                "b",
                "The Wrexham plant will close its doors, the company said",
                false,
            ),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn a_denial_by_one_actor_does_not_deny_the_whole_act() {
        let c = run(
            ReportBuilder::new("a").claim("The assembly backed the flood package on Thursday"),
            ReportBuilder::new("b")
                .claim("The Greens did not back the flood package on Thursday")
                .org("Greens")
                .negative(),
        );
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
    }

    #[test]
    fn a_person_named_in_an_aside_is_not_an_actor_of_the_denial() {
        let c = run(
            ReportBuilder::new("a")
                .claim("Mr Qureshi said outside the hall he would appeal the result")
                .person("Qureshi"),
            ReportBuilder::new("b")
                .claim("Mr Qureshi, who shook Ms Whitlock's hand, said outside the hall he would not appeal the result")
                .person("Qureshi")
                .person("Whitlock")
                .negative(),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn an_admission_against_a_denial_is_a_negation_conflict() {
        let c = run(
            ReportBuilder::new("a")
                .claim("In a statement on Saturday evening, Carrick admitted that a small number of its supporters had been involved in the disorder")
                .org("Carrick"),
            ReportBuilder::new("b")
                .claim("Last night Carrick denied its supporters were involved in the trouble")
                .org("Carrick")
                .negative(),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn the_actor_of_a_denial_may_be_the_speaker_of_the_claim_it_denies() {
        let c = run(
            ReportBuilder::new("a")
                .claim("Corrib said it had sent text messages to all affected passengers")
                .speaker("Corrib"),
            ReportBuilder::new("b")
                .claim("Corrib sent no text messages or emails to passengers, the airport said")
                .org("Corrib")
                .speaker("airport")
                .negative(),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn the_person_who_reports_a_denial_is_not_one_of_its_actors() {
        let c = run(
            ReportBuilder::new("a").claim("His lawyers said outside court he would appeal"),
            ReportBuilder::new("b")
                .claim("His solicitor Mary Holt said outside court he would not appeal")
                .person("Mary Holt")
                .speaker("Mary Holt")
                .negative(),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn a_short_denial_inside_a_longer_claim_conflicts() {
        let c = stated_and_denied(
            "The cause of the fire is known to have been an electrical fault in the warehouse",
            "The cause of the fire was not yet known",
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
        // The verb in another form ("does not know" / "known") is the same word.
        let c = run(
            ReportBuilder::new("a").claim(
                "The cause of the fire is known to have been an electrical fault in the warehouse",
            ),
            ReportBuilder::new("b")
                .claim("The fire service says it does not yet know what caused the fire")
                .speaker("fire service")
                .negative(),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Negation);
        assert!(
            conflict.explanation.contains("known"),
            "{}",
            conflict.explanation
        );
    }

    #[test]
    fn a_denial_of_a_word_the_other_claim_does_not_assert_is_not_a_conflict() {
        let c = run(
            ReportBuilder::new("a")
                .claim("The line between Newtown and Machynlleth will stay closed for at least a week")
                .place("Newtown")
                .place("Machynlleth"),
            ReportBuilder::new("b")
                .claim("Trains are not expected to run between Newtown and Machynlleth for at least a week")
                .place("Newtown")
                .place("Machynlleth")
                .negative(),
        );
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
    }

    #[test]
    fn temperature_readings_framed_apart_still_conflict() {
        let (c, similarity) = run_scored(
            ReportBuilder::new("a")
                .claim("The station near the old airfield recorded 46.3 degrees Celsius on Tuesday, the national weather service said")
                .qty(reading("46.3 degrees Celsius", 46.3, claimdiff_parser::CELSIUS)),
            ReportBuilder::new("b")
                .claim("The thermometer behind the football pitch reached 46.4C")
                .qty(reading("46.4C", 46.4, claimdiff_parser::CELSIUS)),
        );
        assert!(loosely_matching(similarity), "{similarity}");
        assert_eq!(only_conflict(&c).kind, ConflictKind::Number);
    }

    #[test]
    fn wind_speeds_are_compared_only_at_one_place() {
        let gust = |id: &str, mph: f64, place: &str, kind: EntityKind| {
            ReportBuilder::new(id)
                .claim(&format!(
                    "The strongest gust, {mph} mph, was recorded on {place}"
                ))
                .entity(place, kind)
                .qty(quantity(
                    "mph",
                    mph,
                    Approx::Exact,
                    Dimension::Speed,
                    "mph",
                    None,
                ))
        };
        let c = run(
            gust("a", 92.0, "Tiree", EntityKind::Place),
            gust("b", 87.0, "Tiree", EntityKind::Other),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Number);
        let c = run(
            gust("a", 92.0, "Tiree", EntityKind::Place),
            gust("b", 74.0, "Kilmorie", EntityKind::Place),
        );
        assert!(
            c.conflicts.iter().all(|x| x.kind != ConflictKind::Number),
            "{:?}",
            c.conflicts
        );
    }

    #[test]
    fn one_reading_at_two_places_is_an_entity_conflict() {
        let gust = |id: &str, text: &str, place: &str| {
            ReportBuilder::new(id)
                .claim(text)
                .place(place)
                .qty(quantity(
                    "92 mph",
                    92.0,
                    Approx::Exact,
                    Dimension::Speed,
                    "mph",
                    None,
                ))
        };
        let c = run(
            gust(
                "a",
                "A gust of 92 mph was recorded on the island of Tiree",
                "Tiree",
            ),
            gust(
                "b",
                "A gust of 92MPH was clocked on Islay, the strongest in the country",
                "Islay",
            ),
        );
        let found = only_conflict(&c);
        assert_eq!(found.kind, ConflictKind::Entity);
        assert_eq!(
            (found.value_a.as_str(), found.value_b.as_str()),
            ("Tiree", "Islay")
        );
    }

    #[test]
    fn not_until_says_when_not_whether() {
        assert!(says_not_until(
            "Ferries are not expected to resume until Tuesday."
        ));
        assert!(!says_not_until(
            "Ferries will not resume, the operator said."
        ));
        assert!(!says_not_until(
            "Until Tuesday ferries ran; now they do not."
        ));
    }

    #[test]
    fn a_body_and_the_person_speaking_for_it_are_one_source() {
        let c = run(
            quoted("a", "Met Office", "at the very top end of what we expected"),
            quoted(
                "b",
                "Priya Desai",
                "at the very top end of what we expected",
            )
            .org("Met Office"),
        );
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
    }

    #[test]
    fn what_should_have_happened_is_not_denied_by_what_did_not() {
        let c = run(
            ReportBuilder::new("a").claim("The three men should have come home that night"),
            ReportBuilder::new("b")
                .claim("The three men never came home that night")
                .negative(),
        );
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
        let c = run(
            ReportBuilder::new("a").claim("The three men came home that night"),
            ReportBuilder::new("b")
                .claim("The three men never came home that night")
                .negative(),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn conditional_negation_is_not_a_conflict() {
        let c = run(
            ReportBuilder::new("a").claim("The ceasefire will hold on the front line"),
            ReportBuilder::new("b")
                .claim("The ceasefire will not hold on the front line if attacks continue")
                .negative()
                .modality(Modality::Conditional),
        );
        assert!(c.conflicts.is_empty());
    }

    fn quoted(id: &str, speaker: &str, words: &str) -> ReportBuilder {
        ReportBuilder::new(id)
            .claim(&format!("\"{words},\" {speaker} said"))
            .speaker(speaker)
            .quote(words)
    }

    #[test]
    fn same_words_different_speaker_is_an_attribution_conflict() {
        let words = "We will never give up our land to the invaders";
        let c = run(
            quoted("a", "Volodymyr Zelenskyy", words),
            quoted("b", "Andriy Yermak", words),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Attribution);
        assert_eq!(conflict.value_a, "Volodymyr Zelenskyy");
        assert_eq!(conflict.value_b, "Andriy Yermak");
        // Name variants are one speaker.
        agree(&run(
            quoted("a", "Volodymyr Zelenskyy", words),
            quoted("b", "Mr Zelensky", words),
        ));
    }

    #[test]
    fn changed_words_in_a_quote_are_quote_drift() {
        let c = run(
            quoted(
                "a",
                "Zelenskyy",
                "We will never give up our land to the invaders",
            ),
            quoted(
                "b",
                "Zelensky",
                "We will never give away our land to the invaders",
            ),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Quote);
        assert_eq!(
            (conflict.value_a.as_str(), conflict.value_b.as_str()),
            ("up", "away")
        );
        assert_eq!(
            conflict.explanation,
            "Zelenskyy is quoted with different words: \"up\" vs \"away\""
        );
        // A shortened quotation is not drift.
        agree(&run(
            quoted(
                "a",
                "Zelenskyy",
                "We will never give up our land to the invaders",
            ),
            quoted("b", "Zelensky", "We will never give up our land"),
        ));
    }

    fn floods(id: &str, city: &str) -> ReportBuilder {
        ReportBuilder::new(id)
            .claim(&format!(
                "Flash floods closed roads and schools in {city} after a month of rain fell overnight"
            ))
            .place(city)
    }

    #[test]
    fn a_different_place_in_the_same_role_is_an_entity_conflict() {
        let c = run(floods("a", "Leeds"), floods("b", "Bradford"));
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Entity);
        assert_eq!(
            conflict.explanation,
            "a different place is named: Leeds vs Bradford"
        );
        agree(&run(floods("a", "Leeds"), floods("b", "Leeds")));
    }

    #[test]
    fn a_country_beside_a_town_only_says_where_the_town_is() {
        let rig = |id: &str, text: &str, places: &[&str]| {
            places
                .iter()
                .fold(ReportBuilder::new(id).claim(text), |report, place| {
                    report.place(place)
                })
        };
        let c = run(
            rig(
                "a",
                "A replacement drill rig was brought in overnight from Arequipa",
                &["Arequipa"],
            ),
            rig(
                "b",
                "A replacement drill rig was brought in overnight from Antofagasta in neighbouring Chile",
                &["Antofagasta", "Chile"],
            ),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Entity);
        assert_eq!(
            (conflict.value_a.as_str(), conflict.value_b.as_str()),
            ("Arequipa", "Antofagasta")
        );
        // One place told more finely is the same place.
        agree(&run(
            rig(
                "a",
                "The plant on Wrexham Industrial Estate will stay open",
                &["Wrexham Industrial Estate"],
            ),
            rig("b", "The plant in Wrexham will stay open", &["Wrexham"]),
        ));
    }

    #[test]
    fn one_persons_country_told_two_ways_is_an_entity_conflict() {
        let victim = |id: &str, text: &str, places: &[&str]| {
            places
                .iter()
                .fold(ReportBuilder::new(id).claim(text), |report, place| {
                    report.place(place)
                })
        };
        let from_belgium = || {
            victim(
                "b",
                "The second victim was a 29-year-old woman from Belgium, police said",
                &["Belgium"],
            )
        };
        let c = run(
            victim(
                "a",
                "The second victim was a 29-year-old woman from the Netherlands, police said",
                &["Netherlands"],
            ),
            from_belgium(),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Entity);
        assert_eq!(
            (conflict.value_a.as_str(), conflict.value_b.as_str()),
            ("Netherlands", "Belgium")
        );
        // A nationality word names the country as well as its name does.
        let c = run(
            victim(
                "a",
                "The second victim was a 29-year-old Dutch woman, police said",
                &[],
            ),
            from_belgium(),
        );
        assert_eq!(only_conflict(&c).value_a, "Dutch");
        agree(&run(
            victim(
                "a",
                "The second victim was a 29-year-old Belgian woman, police said",
                &[],
            ),
            from_belgium(),
        ));
        // The nationalities of a group are its parts, not one slot.
        let c = run(
            victim(
                "a",
                "Two of the passengers on the coach were British nationals",
                &[],
            ),
            victim(
                "b",
                "Two of the passengers on the coach were Irish nationals",
                &[],
            ),
        );
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
    }

    #[test]
    fn changes_of_different_things_are_not_compared() {
        assert_eq!(
            changed_things("a 66 per cent fall in quarterly pre-tax profit, to £38 million"),
            ["profit"]
        );
        assert_eq!(
            changed_things(
                "Revenue dropped 11% to 1.42 billion pounds, hit by a 19% fall in television sales"
            ),
            ["revenue", "sale"]
        );
        let change = |id: &str, text: &str, value: f64| {
            ReportBuilder::new(id).claim(text).qty(quantity(
                &format!("{value}%"),
                value,
                Approx::Exact,
                Dimension::Percent,
                "%",
                None,
            ))
        };
        let c = run(
            change(
                "a",
                "Quarterly profit fell 16% as demand for televisions slumped",
                16.0,
            ),
            change(
                "b",
                "Quarterly revenue fell 11% as demand for televisions slumped",
                11.0,
            ),
        );
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
        let c = run(
            change(
                "a",
                "Quarterly profit fell 16% as demand for televisions slumped",
                16.0,
            ),
            change(
                "b",
                "Quarterly profit fell 11% as demand for televisions slumped",
                11.0,
            ),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Number);
    }

    #[test]
    fn not_setting_foot_in_a_place_denies_visiting_it() {
        let c = run(
            ReportBuilder::new("a")
                .claim("Minister Ann Hale visited the beach at Port Hallett on Tuesday")
                .person("Ann Hale")
                .place("Port Hallett"),
            ReportBuilder::new("b")
                .claim("The minister has still not set foot in Port Hallett")
                .place("Port Hallett")
                .negative(),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Negation);
    }

    #[test]
    fn two_churches_in_one_role_are_an_entity_conflict() {
        let church = |id: &str, text: &str, name: &str| {
            ReportBuilder::new(id)
                .claim(text)
                .entity(name, EntityKind::Other)
                .place("Main Street")
        };
        let c = run(
            church(
                "a",
                "The First Baptist Church on Main Street was destroyed by the tornado",
                "First Baptist Church",
            ),
            church(
                "b",
                "The First Methodist Church on Main Street was destroyed by the tornado",
                "First Methodist Church",
            ),
        );
        let conflict = only_conflict(&c);
        assert_eq!(conflict.kind, ConflictKind::Entity);
        assert_eq!(
            conflict.explanation,
            "a different church is named: First Baptist Church vs First Methodist Church"
        );
        // A site's kind may follow its name: "its Tricastin nuclear plant".
        let plant = |id: &str, name: &str| {
            ReportBuilder::new(id)
                .claim(&format!(
                    "EDF reduced output at its {name} nuclear plant because the river water was too warm"
                ))
                .entity(name, EntityKind::Other)
        };
        // A hospital is often typed an organisation.
        let hospital = |id: &str, name: &str| {
            ReportBuilder::new(id)
                .claim(&format!(
                    "{name} admitted 37 people with heatstroke on Tuesday"
                ))
                .org(name)
        };
        let c = run(
            hospital("a", "Nimes University Hospital"),
            hospital("b", "Montpellier University Hospital"),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Entity);
        // An infirmary is a hospital by its older name.
        let diverted = |id: &str, name: &str| {
            ReportBuilder::new(id)
                .claim(&format!(
                    "Ambulances were diverted to {name}, 20 miles away"
                ))
                .entity(name, EntityKind::Other)
        };
        let c = run(
            diverted("a", "Kelmsby Royal Infirmary"),
            diverted("b", "Dunholt General Hospital"),
        );
        assert_eq!(
            only_conflict(&c).explanation,
            "a different hospital is named: Kelmsby Royal Infirmary vs Dunholt General Hospital"
        );
        let c = run(plant("a", "Tricastin"), plant("b", "Cruas"));
        assert_eq!(
            only_conflict(&c).explanation,
            "a different plant is named: Tricastin vs Cruas"
        );
        // A church and a hall are two buildings, not one named two ways.
        assert!(run(
            church(
                "a",
                "The First Baptist Church on Main Street was destroyed by the tornado",
                "First Baptist Church"
            ),
            church(
                "b",
                "The Orrin Creek Town Hall on Main Street was destroyed by the tornado",
                "Orrin Creek Town Hall"
            ),
        )
        .conflicts
        .iter()
        .all(|x| x.kind != ConflictKind::Entity));
    }

    #[test]
    fn a_capital_standing_for_its_government_is_no_place() {
        let c = run(
            ReportBuilder::new("a")
                .claim("The United States paused some weapons shipments to Ukraine, a decision Kyiv warned could leave its cities exposed")
                .place("United States")
                .place("Ukraine")
                .place("Kyiv"),
            ReportBuilder::new("b")
                .claim("Officials cautioned that Washington's move to pause some weapons shipments could leave the cities exposed")
                .place("Washington"),
        );
        assert!(
            c.conflicts.iter().all(|x| x.kind != ConflictKind::Entity),
            "{:?}",
            c.conflicts
        );
    }

    #[test]
    fn an_extra_name_is_not_an_entity_conflict() {
        let c = run(
            floods("a", "Leeds"),
            ReportBuilder::new("b")
                .claim("Flash floods closed roads and schools in Leeds after a month of rain fell overnight, the Met Office said")
                .place("Leeds")
                .org("Met Office"),
        );
        assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    }

    #[test]
    fn zelenska_is_never_merged_with_zelenskyy() {
        let visit = |id: &str, name: &str| {
            ReportBuilder::new(id)
                .claim(&format!(
                    "{name} visited wounded soldiers at a military hospital in Lviv"
                ))
                .person(name)
                .place("Lviv")
        };
        let c = run(
            visit("a", "Olena Zelenska"),
            visit("b", "Volodymyr Zelenskyy"),
        );
        assert!(c.groups.is_empty(), "{:#?}", c.groups);
        agree(&run(
            visit("a", "Zelensky"),
            visit("b", "Volodymyr Zelenskyy"),
        ));
    }

    #[test]
    fn one_conflict_per_pair_the_most_specific() {
        let c = run(
            killed_claim(
                "a",
                "Twelve people were killed in the Russian strike on Kyiv",
                12.0,
                Approx::Exact,
                "Twelve",
            )
            .time(date(ymd(2025, 7, 3)), "on Thursday"),
            killed_claim(
                "b",
                "Fourteen people were killed in the Russian strike on Kyiv",
                14.0,
                Approx::Exact,
                "Fourteen",
            )
            .time(date(ymd(2025, 7, 4)), "on Friday")
            .negative(),
        );
        assert_eq!(only_conflict(&c).kind, ConflictKind::Number);
    }

    #[test]
    fn values_format_like_claims_csv() {
        let mut q = count("between 40 and 50", 40.0, Approx::Exact, "people", None);
        q.upper = Some(50.0);
        assert_eq!(format_quantity(&q), "40-50 people");
        let q = count("at least 2.5", 2.5, Approx::AtLeast, "", None);
        assert_eq!(format_quantity(&q), "2.5 (at least)");
        assert_eq!(
            format_quantity(&count("?", f64::NAN, Approx::Exact, "", None)),
            "?"
        );
        assert_eq!(format_time(&TimeValue::Clock(14 * 60 + 5)), "14:05");
        assert_eq!(
            format_time(&TimeValue::Month {
                year: None,
                month: 3
            }),
            "March"
        );
    }
}
