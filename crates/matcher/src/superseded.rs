//! Figures a report corrects itself. A live blog that first says "two people have
//! died" and later "Police now say four people have died, up from the two deaths
//! confirmed earlier" does not disagree with the wire's four: its two is
//! superseded, in its own words. Such a figure is kept out of number conflicts
//! (see `features`, which files it under [`SUPERSEDED_MEASURE`]); the claim that
//! states the correction still compares its figures like any other.
//!
//! A report corrects a figure when one of its claims names it beside a cue of
//! revision ("up from", "as first reported", "an earlier entry said",
//! "Correction:"; the figure nearest the cue is the one corrected) or between
//! "not" and "as" ("seven satellites, not eight as we said earlier"). Every other
//! claim of that report stating the same figure (same value, same dimension, and
//! the same measure unless one of them names none) is then superseded. So is every
//! other figure of a measure the report updates ("the death toll has risen to
//! 11": its "nine" and "at least four" were earlier readings), and, on a live page
//! (see `claimdiff_parser::LiveEntry`), every running tally a later entry gives
//! larger ("two dead" at 07.50 when the 22.10 entry says seven).

use claimdiff_parser::{Dimension, Quantity, Report};

use crate::tolerance::{is_comparable_measure, measure_key};

/// The measure key a superseded figure is filed under: never compared.
pub(crate) const SUPERSEDED_MEASURE: &str = "superseded";

/// Word sequences that mark a figure as an earlier one the report has revised.
/// Not "confirmed earlier" or "we said": a figure confirmed earlier in the day, or
/// repeated, still stands.
const REVISION_CUES: &[&[&str]] = &[
    &["up", "from"],
    &["down", "from"],
    &["as", "first", "reported"],
    &["as", "first", "estimated"],
    &["as", "initially", "reported"],
    &["as", "previously", "reported"],
    &["first", "estimates"],
    &["earlier", "reported"],
    &["earlier", "said"],
    &["earlier", "entry"],
    &["earlier", "post"],
    &["earlier", "figure"],
    &["correction"],
];

/// A word that every cue of [`REVISION_CUES`] contains, and the "not" of
/// [`is_denied_earlier_figure`].
const CUE_HINTS: &[&str] = &["from", "first", "earlier", "correction", "not"];

/// A word of a claim's source text, lower-cased, with its absolute byte span.
struct SpannedWord {
    lower: String,
    start: usize,
    end: usize,
}

fn spanned_words(text: &str, from: usize, to: usize) -> Vec<SpannedWord> {
    let Some(slice) = text.get(from..to) else {
        return Vec::new();
    };
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push(SpannedWord {
                    lower: slice[s..i].to_lowercase(),
                    start: from + s,
                    end: from + i,
                });
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// Byte spans of the cues of `cues` in `words`.
fn cue_spans(words: &[SpannedWord], cues: &[&[&str]]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for at in 0..words.len() {
        for cue in cues {
            let fits = words.len() - at >= cue.len()
                && cue.iter().zip(&words[at..]).all(|(c, w)| w.lower == *c);
            if fits {
                spans.push((words[at].start, words[at + cue.len() - 1].end));
            }
        }
    }
    spans
}

/// "seven satellites, not eight as we said earlier", "not four as first
/// reported": a figure between "not" and "as" is the one the claim replaces.
fn is_denied_earlier_figure(words: &[SpannedWord], quantity: &Quantity) -> bool {
    let before = words.iter().rev().find(|w| w.end <= quantity.start);
    let after = words.iter().find(|w| w.start >= quantity.end);
    before.is_some_and(|w| w.lower == "not") && after.is_some_and(|w| w.lower == "as")
}

/// Byte distance between two spans (0 when they touch or overlap).
fn distance(a: (usize, usize), b: (usize, usize)) -> usize {
    if a.1 <= b.0 {
        b.0 - a.1
    } else {
        a.0.saturating_sub(b.1)
    }
}

/// A figure a report names as one it has revised.
struct RevisedFigure<'a> {
    /// The claim naming it.
    claim: usize,
    quantity: &'a Quantity,
    /// Its measure: its own, or for a bare figure ("up from 900") that of the
    /// claim's figure it is the earlier value of; `None` when neither names one.
    measure: Option<String>,
}

/// The figures `report` names as ones it has revised.
fn revised_figures(report: &Report) -> Vec<RevisedFigure<'_>> {
    let mut revised = Vec::new();
    for (index, claim) in report.claims.iter().enumerate() {
        if claim.quantities.is_empty() {
            continue;
        }
        // Most claims hold no cue: a cheap look before reading their words.
        if !mentions_any(report, claim, CUE_HINTS) {
            continue;
        }
        let words = spanned_words(&report.text, claim.start, claim.end);
        let figures = claim.quantities.iter().filter(|q| q.value.is_finite());
        // "Correction: the rocket carried seven satellites, not eight as we said":
        // the figure the claim denies is the revised one, not the one nearest the cue.
        let mut corrected: Vec<&Quantity> = figures
            .clone()
            .filter(|q| is_denied_earlier_figure(&words, q))
            .collect();
        if corrected.is_empty() {
            corrected = cue_spans(&words, REVISION_CUES)
                .into_iter()
                .filter_map(|cue| {
                    figures
                        .clone()
                        .min_by_key(|q| distance(cue, (q.start, q.end)))
                })
                .collect();
        }
        for quantity in corrected {
            let measure = std::iter::once(quantity)
                .chain(
                    claim
                        .quantities
                        .iter()
                        .filter(|q| q.dimension == quantity.dimension),
                )
                .map(measure_key)
                .find(|key| is_comparable_measure(key));
            revised.push(RevisedFigure {
                claim: index,
                quantity,
                measure,
            });
        }
    }
    revised
}

/// Whether `quantity` states the figure `revised` names.
fn same_figure(quantity: &Quantity, revised: &RevisedFigure) -> bool {
    let key = measure_key(quantity);
    quantity.value == revised.quantity.value
        && quantity.dimension == revised.quantity.dimension
        && (!is_comparable_measure(&key) || revised.measure.as_ref().is_none_or(|m| *m == key))
}

/// Word sequences that give a figure as the latest reading of something that
/// changes ("The death toll has risen to 11", "the total now stands at 40").
const UPDATE_CUES: &[&[&str]] = &[
    &["risen", "to"],
    &["rose", "to"],
    &["climbed", "to"],
    &["jumped", "to"],
    &["increased", "to"],
    &["now", "stands", "at"],
];

/// A word that every cue of [`UPDATE_CUES`] contains.
const UPDATE_HINTS: &[&str] = &["risen", "rose", "climbed", "jumped", "increased", "stands"];

/// Whether the source text of `claim` holds one of `hints` (lower case): a cheap
/// look before its words are read.
fn mentions_any(report: &Report, claim: &claimdiff_parser::Claim, hints: &[&str]) -> bool {
    let lower = report
        .text
        .get(claim.start..claim.end)
        .unwrap_or("")
        .to_ascii_lowercase();
    hints.iter().any(|hint| lower.contains(hint))
}

/// A figure a report gives as the latest reading of its measure.
pub(crate) struct LatestFigure {
    pub claim: usize,
    pub value: f64,
    dimension: Dimension,
    pub measure: String,
}

/// The figures `report` gives right after a cue of update, with a measure ("The
/// death toll rose to four overnight").
pub(crate) fn latest_figures(report: &Report) -> Vec<LatestFigure> {
    let mut latest = Vec::new();
    for (index, claim) in report.claims.iter().enumerate() {
        if claim.quantities.is_empty() || !mentions_any(report, claim, UPDATE_HINTS) {
            continue;
        }
        let words = spanned_words(&report.text, claim.start, claim.end);
        for (_, cue_end) in cue_spans(&words, UPDATE_CUES) {
            let figure = claim
                .quantities
                .iter()
                .filter(|q| q.value.is_finite() && q.start >= cue_end)
                .min_by_key(|q| q.start - cue_end);
            if let Some(figure) = figure.filter(|q| q.start - cue_end <= 2) {
                let measure = measure_key(figure);
                if is_comparable_measure(&measure) {
                    latest.push(LatestFigure {
                        claim: index,
                        value: figure.value,
                        dimension: figure.dimension,
                        measure,
                    });
                }
            }
        }
    }
    latest
}

/// A report's latest figures, looked up by measure and dimension: a report may
/// hold thousands, and every figure of the report is checked against them.
struct LatestByMeasure {
    /// Claims that give a latest figure.
    updating_claims: rustc_hash::FxHashSet<usize>,
    /// The distinct values given as latest, per (measure, dimension).
    values: rustc_hash::FxHashMap<(String, Dimension), Vec<f64>>,
}

impl LatestByMeasure {
    fn new(latest: Vec<LatestFigure>) -> Self {
        let mut index = LatestByMeasure {
            updating_claims: Default::default(),
            values: Default::default(),
        };
        for figure in latest {
            index.updating_claims.insert(figure.claim);
            index
                .values
                .entry((figure.measure, figure.dimension))
                .or_default()
                .push(figure.value);
        }
        // Distinct values, so that a look-up ends at its first or second value.
        for values in index.values.values_mut() {
            values.sort_by(f64::total_cmp);
            values.dedup();
        }
        index
    }

    /// Whether `quantity`, of the claim at `claim`, is an earlier reading of a
    /// measure the report updates in another claim: same measure and dimension,
    /// another value. A claim that updates a measure itself keeps its figures.
    fn earlier_reading(&self, claim: usize, quantity: &Quantity) -> bool {
        if self.values.is_empty() || self.updating_claims.contains(&claim) {
            return false;
        }
        self.values
            .get(&(measure_key(quantity), quantity.dimension))
            .is_some_and(|values| values.iter().any(|&v| v != quantity.value))
    }
}

/// Tallies that only grow while a story unfolds: a live page's later entry that
/// gives more dead, injured, arrested, evacuated or rescued than an earlier one has
/// overtaken it. ("missing" is not one: the missing are found, and fall.)
const RUNNING_TALLIES: &[&str] = &[
    "killed",
    "injured",
    "treated",
    "arrested",
    "evacuated",
    "rescued",
];

/// The running tallies of a live page, by measure: the entry ranks that state one,
/// in time order, each with the largest figure stated at that rank or later, so
/// that whether a later entry gives more is one look-up, however long the page.
struct LiveReadings<'r> {
    report: &'r Report,
    by_measure: rustc_hash::FxHashMap<String, Vec<(usize, f64)>>,
}

impl<'r> LiveReadings<'r> {
    fn new(report: &'r Report) -> Self {
        let mut by_measure: rustc_hash::FxHashMap<String, Vec<(usize, f64)>> = Default::default();
        if !report.live_entries.is_empty() {
            for claim in &report.claims {
                let Some(rank) = report.live_rank_at(claim.start) else {
                    continue;
                };
                for q in claim.quantities.iter().filter(|q| is_running_tally(q)) {
                    by_measure
                        .entry(measure_key(q))
                        .or_default()
                        .push((rank, q.value));
                }
            }
        }
        for readings in by_measure.values_mut() {
            readings.sort_by_key(|&(rank, _)| rank);
            let mut largest = f64::NEG_INFINITY;
            for reading in readings.iter_mut().rev() {
                largest = largest.max(reading.1);
                reading.1 = largest;
            }
        }
        LiveReadings { report, by_measure }
    }

    /// Whether `quantity` of `claim` is a reading a later entry of the page has
    /// overtaken with a larger figure of the same tally ("Two people have died" at
    /// 07.50, "Seven people are dead" at 22.10). Figures outside the entries (the
    /// headline, a summary at the top) stand.
    fn overtaken(&self, claim: &claimdiff_parser::Claim, quantity: &Quantity) -> bool {
        if self.by_measure.is_empty() || !is_running_tally(quantity) {
            return false;
        }
        let Some(rank) = self.report.live_rank_at(claim.start) else {
            return false;
        };
        self.by_measure
            .get(&measure_key(quantity))
            .is_some_and(|readings| {
                let later = readings.partition_point(|&(at, _)| at <= rank);
                readings
                    .get(later)
                    .is_some_and(|&(_, largest)| largest > quantity.value)
            })
    }
}

fn is_running_tally(quantity: &Quantity) -> bool {
    quantity.dimension == Dimension::Count
        && quantity.value.is_finite()
        && quantity
            .measure
            .as_deref()
            .is_some_and(|measure| RUNNING_TALLIES.contains(&measure))
}

/// For each claim of `report`, in order, whether each of its quantities is
/// superseded: a figure the report names elsewhere as one it has revised, or an
/// earlier reading of a measure the report updates elsewhere ("At least four
/// people have died" in a live blog that later says "The death toll has risen to
/// 11"). Two updates of one measure leave each other alone: which came last is
/// not told.
pub(crate) fn superseded_quantities(report: &Report) -> Vec<Vec<bool>> {
    let revised = revised_figures(report);
    let latest = LatestByMeasure::new(latest_figures(report));
    let live = LiveReadings::new(report);
    report
        .claims
        .iter()
        .enumerate()
        .map(|(index, claim)| {
            claim
                .quantities
                .iter()
                .map(|q| {
                    revised
                        .iter()
                        .any(|figure| figure.claim != index && same_figure(q, figure))
                        || latest.earlier_reading(index, q)
                        || live.overtaken(claim, q)
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdiff_parser::{parse_report, ReportInput};

    fn report(text: &str) -> Report {
        parse_report(ReportInput {
            id: "blog".into(),
            source: "blog".into(),
            text: text.into(),
            ..Default::default()
        })
    }

    /// The superseded figures of a report, as "claim number: quantity text".
    fn superseded(text: &str) -> Vec<String> {
        let report = report(text);
        let flags = superseded_quantities(&report);
        report
            .claims
            .iter()
            .zip(&flags)
            .flat_map(|(claim, flags)| {
                claim
                    .quantities
                    .iter()
                    .zip(flags)
                    .filter(|(_, &f)| f)
                    .map(|(q, _)| format!("{}: {}", claim.number, q.text))
            })
            .collect()
    }

    #[test]
    fn a_figure_the_report_revises_is_superseded() {
        let blog = "Police now say four people have died, up from the two deaths confirmed earlier this evening.\n\nPolice confirm that two people have died.";
        assert_eq!(superseded(blog), ["2: two people"]);
        let corrected = "Corvel says it will cut 2,300 jobs, including 1,200 in Poland.\n\nAn earlier entry said 1,200 of the jobs would go in Poland. The figure is 1,100.";
        assert_eq!(superseded(corrected), ["1: 1,200"]);
        let first = "Officers say seven vehicles went into the water, not four as first reported.\n\nWitnesses say at least four vehicles are in the water.";
        assert_eq!(superseded(first), ["2: at least four vehicles"]);
        let said = "Correction: the rocket carried seven satellites, not eight as we said earlier.\n\nEarly reports say eight satellites were on board. Seven satellites were lost.";
        assert_eq!(superseded(said), ["2: eight satellites"]);
    }

    #[test]
    fn an_earlier_reading_of_an_updated_measure_is_superseded() {
        let blog = "The death toll has risen to 11.\n\nANSA now says nine people have died.\n\nAt least four people have died, police say.\n\nTo recap, 11 people have died.";
        assert_eq!(
            superseded(blog),
            ["2: nine people", "3: At least four people"]
        );
        // Another measure is not updated.
        let injured = "The death toll has risen to 11.\n\nNine people were injured.";
        assert!(superseded(injured).is_empty());
        // Two updates: which is the latest is not told.
        let twice = "The death toll rose to nine.\n\nThe death toll has risen to 11.";
        assert!(superseded(twice).is_empty());
    }

    #[test]
    fn a_live_entry_overtaken_by_a_larger_tally_later_is_superseded() {
        // Newest first: the last entry is the earliest reading.
        let newest_first = "Dam bursts - live\n\n22.10 CEST\nSeven people are dead, police say.\n\n19.40 CEST\nFive people have died so far.\n\n07.50 CEST\nTwo people have been confirmed dead, police say.\n";
        assert_eq!(
            superseded(newest_first),
            ["3: Five people", "4: Two people"]
        );
        // Oldest first, the same.
        let oldest_first = "Live\n\n07.50 CEST\nTwo people have died, police say.\n\n19.40 CEST\nFive people have died.\n\n22.10 CEST\nSeven people are dead.\n";
        assert_eq!(
            superseded(oldest_first),
            ["1: Two people", "2: Five people"]
        );
        // A smaller figure later is another count (boats, then helicopters), and
        // another tally is not overtaken.
        let smaller = "Live\n\n07.50 CEST\nBoats have rescued 230 people.\n\n19.40 CEST\nHelicopters have rescued 64 people.\n\n22.10 CEST\nNine people were injured.\n";
        assert!(superseded(smaller).is_empty());
        // Without stamps the order of the paragraphs tells nothing.
        let article = "Two people have died, police say.\n\nSeven people are dead.";
        assert!(superseded(article).is_empty());
    }

    #[test]
    fn figures_without_a_revision_stay() {
        // Two figures in one report, but neither is named as revised.
        let plain = "Police say four people have died.\n\nTwo of them were children.";
        assert!(superseded(plain).is_empty());
        // The claim that names the revision keeps its own figures.
        let one = "Police now say four people have died, up from two earlier.";
        assert!(superseded(one).is_empty());
        // A figure confirmed earlier in the day still stands.
        let confirmed = "Police confirmed earlier that two people had died.\n\nTwo people have died, police say.";
        assert!(superseded(confirmed).is_empty());
        // Another figure of the same value but another measure is not the revised one.
        let other = "Some 1,400 people were evacuated, up from 900 last night.\n\nThe fire destroyed 900 hectares.";
        assert!(superseded(other).is_empty());
    }
}
