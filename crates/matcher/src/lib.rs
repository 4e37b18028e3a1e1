//! claimdiff-matcher: compares the claims of many parsed reports.
//!
//! Data flow of [`compare`]:
//! 1. `features`: each claim becomes a set of weighted terms (in parallel): stemmed
//!    content words (verbs folded through the parser's predicate lexicon first),
//!    entity and speaker name keys, and the measures its numbers count; weights are
//!    IDF over all claims times a boost per kind. Slot values (numbers, days,
//!    negations, the speaker's name) are kept out of the content words. A figure
//!    its own report corrects ("up from the two deaths confirmed earlier") is
//!    filed apart by `superseded` and never compared.
//! 2. `classes` and `matching`: identical claims (equal in all but position, as
//!    wire copy repeats them across reports) form one class; `candidates`, an
//!    inverted index with prefix filtering, proposes the pairs of classes that
//!    share enough weighted evidence to possibly match, instead of scoring every
//!    pair (proved lossless against the all-pairs oracle [`compare_all_pairs`] in
//!    the tests). Steps 3 and 4 run once per pair of classes; the outcome is then
//!    expanded to every pair of their claims from different reports.
//! 3. `similarity`: each candidate gets one score in 0..1, a weighted Dice over the
//!    terms with name-variant matching; pairs from `MATCH_THRESHOLD` on are matched
//!    (or from [`MatchOptions::min_similarity`] with [`compare_with`]).
//! 4. `conflict` (using the rules in [`tolerance`]): a matched pair either conflicts
//!    (number, time, negation, attribution, quote, entity; at most one per pair) or
//!    agrees. Two passes then find conflicts no pair score reaches: `quoted` (one
//!    quotation in different mouths or words, however differently the claims
//!    frame it) and `slots` (the event's court, hospital, road, lifeboat, union
//!    and site town, read per report: two reports that each name one, and
//!    different ones, conflict on the claims naming them).
//!    A third, `happenings`, reads per report when the story's happening (an
//!    avalanche, a collision, a collapse, a crush) happened: two reports that give
//!    it different days or clock times conflict, however they word it.
//! 5. `context`: two sentences of different reports that are highly similar as
//!    whole sentences (`SENTENCE_LINK_MIN_SIMILARITY`, scored like
//!    [`report_similarity`]) while no pair of their claims matches get their best
//!    claim pair linked as an agreement: the parser may cut two wordings of one
//!    sentence into pieces that do not match one by one. Sentences are classified
//!    and indexed like claims, so this stays cheap and is held to an all-pairs
//!    oracle too.
//! 6. `groups`: agreeing pairs are merged by union-find into groups across all
//!    reports (average linkage); a claim stating several facts may also join a
//!    second group; groups supported by two or more reports are output, each with
//!    a representative. Claims in no group and no conflict are unique.
//!
//! Feature building, candidate search, scoring and conflict checks run on rayon's
//! thread pool; every result is collected in claim order and sorted, so the output
//! is identical for any number of threads. All thresholds are in [`thresholds`].

mod candidates;
mod classes;
mod conflict;
mod context;
mod disputes;
mod features;
mod groups;
mod happenings;
mod matching;
mod quoted;
mod similarity;
mod slots;
mod superseded;
mod tallies;
#[cfg(test)]
mod testkit;
pub mod thresholds;
pub mod tolerance;
mod words;

use claimdiff_parser::{EntityKind, Report};
use serde::Serialize;

use crate::features::Profile;

pub use disputes::{disputes, Dispute, DisputedValue};

/// Identifies a claim by position: `reports[report].claims[claim]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimRef {
    pub report: usize,
    pub claim: usize,
}

/// The kind of a conflict, as written in `conflicts.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    Number,
    Time,
    Negation,
    Attribution,
    Quote,
    Entity,
    Other,
}

impl ConflictKind {
    /// The kind as `conflicts.csv` spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictKind::Number => "number",
            ConflictKind::Time => "time",
            ConflictKind::Negation => "negation",
            ConflictKind::Attribution => "attribution",
            ConflictKind::Quote => "quote",
            ConflictKind::Entity => "entity",
            ConflictKind::Other => "other",
        }
    }
}

/// A member of an agreement group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupMember {
    pub claim: ClaimRef,
    /// Similarity to the group's representative, 0..1 (1 for the representative).
    pub similarity: f64,
}

/// Claims from two or more reports that state the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub representative: ClaimRef,
    /// Sorted by claim reference.
    pub members: Vec<GroupMember>,
    /// Number of distinct reports among the members (2 or more).
    pub support: usize,
}

/// Two claims about the same thing that cannot both be true as stated.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// `a` comes before `b` in claim-reference order.
    pub a: ClaimRef,
    pub b: ClaimRef,
    pub value_a: String,
    pub value_b: String,
    /// How strongly the two claims are about the same thing, 0..1.
    pub similarity: f64,
    /// One plain sentence, e.g. "duration differs: about 40 minutes vs an hour".
    pub explanation: String,
}

/// Counters for benchmarks and the end-of-run summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatchStats {
    pub claims: usize,
    pub candidate_pairs: usize,
    pub matched_pairs: usize,
    /// Claim pairs linked through their sentences (see
    /// [`MatchOptions::min_sentence_similarity`]), not counted in `matched_pairs`.
    pub sentence_links: usize,
}

/// The result of comparing reports.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// Sorted by their member lists. A claim that states several facts may be a
    /// member of more than one group.
    pub groups: Vec<Group>,
    /// Sorted by (a, b).
    pub conflicts: Vec<Conflict>,
    /// Claims in no group and no conflict, sorted.
    pub unique: Vec<ClaimRef>,
    pub stats: MatchStats,
}

/// How strict a match is. `Default` gives the documented constants of
/// [`thresholds`], which [`compare`] uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MatchOptions {
    /// Similarity (0..1) from which two claims of different reports match
    /// (`MATCH_THRESHOLD` by default). Two groups merge when their members match
    /// each other on average at least this well. Higher is stricter: fewer, tighter
    /// agreement groups and fewer conflicts, more unique claims.
    pub min_similarity: f64,
    /// Similarity (0..1) of two whole sentences of different reports (all their
    /// claims taken together, scored as [`report_similarity`] scores texts) from
    /// which their best-matching claim pair is linked as an agreement even when no
    /// pair of their claims reaches `min_similarity`: the parser may split two
    /// wordings of one sentence into claims that do not match one by one.
    /// `SENTENCE_LINK_MIN_SIMILARITY` by default; above 1 turns the link off.
    pub min_sentence_similarity: f64,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions {
            min_similarity: thresholds::MATCH_THRESHOLD,
            min_sentence_similarity: thresholds::SENTENCE_LINK_MIN_SIMILARITY,
        }
    }
}

impl MatchOptions {
    /// NaN means the default; thresholds at or below 0 mean the smallest one
    /// (`MIN_SETTABLE_SIMILARITY`), so that a pair sharing nothing never matches
    /// and the candidate index stays lossless.
    fn sanitized(&self) -> MatchOptions {
        let default = MatchOptions::default();
        let clean = |value: f64, default: f64| {
            if value.is_nan() {
                default
            } else {
                value.max(thresholds::MIN_SETTABLE_SIMILARITY)
            }
        };
        MatchOptions {
            min_similarity: clean(self.min_similarity, default.min_similarity),
            min_sentence_similarity: clean(
                self.min_sentence_similarity,
                default.min_sentence_similarity,
            ),
        }
    }
}

/// Compares the claims of all reports: agreement groups, conflicts and unique claims.
/// Never panics; no reports or no claims give an empty comparison.
pub fn compare(reports: &[Report]) -> Comparison {
    compare_with(reports, &MatchOptions::default())
}

/// [`compare`] with the given options.
pub fn compare_with(reports: &[Report], options: &MatchOptions) -> Comparison {
    run(reports, PairSource::Index, options)
}

/// The same comparison, but scoring every pair of claims from different reports.
/// Quadratic: an oracle for tests and benchmarks, not for real inputs.
pub fn compare_all_pairs(reports: &[Report]) -> Comparison {
    compare_all_pairs_with(reports, &MatchOptions::default())
}

/// [`compare_all_pairs`] with the given options: the oracle for [`compare_with`].
pub fn compare_all_pairs_with(reports: &[Report], options: &MatchOptions) -> Comparison {
    run(reports, PairSource::AllPairs, options)
}

/// Why two claims did or did not match: their score, their weighted terms, and
/// the conflict the rules find between them (if any). For explaining results.
#[derive(Debug, Clone, PartialEq)]
pub struct PairExplanation {
    pub similarity: f64,
    /// (term, weight) of each claim, heaviest first.
    pub terms_a: Vec<(String, f64)>,
    pub terms_b: Vec<(String, f64)>,
    /// (kind, explanation) of the conflict found, if any.
    pub conflict: Option<(ConflictKind, String)>,
}

/// Explains the comparison of two claims within the whole set of reports (term
/// weights depend on all claims). `None` when a reference is out of range.
pub fn explain_pair(reports: &[Report], a: ClaimRef, b: ClaimRef) -> Option<PairExplanation> {
    let table = features::build(reports);
    let position = |r: ClaimRef| table.refs.iter().position(|x| *x == r);
    let (pa, pb) = (position(a)?, position(b)?);
    let (low, high) = (pa.min(pb), pa.max(pb));
    let score = similarity::score(&table, low, high);
    let terms = |i: usize| {
        let mut terms: Vec<(String, f64)> = table.features[i]
            .terms
            .iter()
            .map(|&(id, w)| (table.term_names[id as usize].clone(), w))
            .collect();
        terms.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        terms
    };
    let side = |i: usize| conflict::Side {
        claim: table.claims[i],
        features: &table.features[i],
    };
    let conflict = conflict::detect(side(low), side(high), &score)
        .map(|found| (found.kind, found.explanation));
    Some(PairExplanation {
        similarity: score.similarity,
        terms_a: terms(pa),
        terms_b: terms(pb),
        conflict,
    })
}

/// The highest similarity (0..1) between a claim of `pair[0]` and a claim of
/// `pair[1]`, scored exactly as [`compare`] scores them for these two reports (0
/// when either has no claims). Benchmarks such as paraphrase corpora need this
/// continuous score to sweep a threshold; `compare` only says match or no match.
pub fn pair_similarity(pair: &[Report; 2]) -> f64 {
    let table = features::build(pair);
    candidates::all_pairs(&table)
        .into_iter()
        .map(|(a, b)| similarity::score(&table, a, b).similarity)
        .fold(0.0, f64::max)
}

/// How much of their content two reports share, 0..1: the weighted Dice of the
/// claim score over all the terms of each report's claims taken together, with the
/// terms of whole texts (`features::Profile::Texts`: no conflict check follows, so
/// values, days and function words count as content). Not used by [`compare`],
/// whose unit is the claim; a one-sentence report that the parser split into
/// several claims is compared as the sentence it was, which is what sentence-level
/// benchmarks such as paraphrase corpora ask. 0 when either report has no claims.
pub fn report_similarity(pair: &[Report; 2]) -> f64 {
    let table = features::build_for(pair, features::Profile::Texts);
    let side = |report: usize| -> Vec<usize> {
        (0..table.len())
            .filter(|&i| table.refs[i].report == report)
            .collect()
    };
    let (a, b) = (side(0), side(1));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    similarity::score_features(&table, &table.merged(&a), &table.merged(&b)).similarity
}

#[derive(Clone, Copy)]
enum PairSource {
    Index,
    AllPairs,
}

fn run(reports: &[Report], source: PairSource, options: &MatchOptions) -> Comparison {
    let options = options.sanitized();
    let min_similarity = options.min_similarity;
    let min_sentence = options.min_sentence_similarity;
    let table = features::build(reports);
    let classes = classes::classify(&table);
    // Sentences are scored with the whole-text terms of each distinct claim, built
    // only when asked for.
    let distinct = (min_sentence <= 1.0 && !table.claims.is_empty())
        .then(|| [context::distinct_claims(&table, &classes)]);
    let texts = distinct
        .as_ref()
        .map(|distinct| features::build_for(distinct, Profile::Texts));
    let links = |all_pairs: bool| match &texts {
        None => Vec::new(),
        Some(texts) if all_pairs => {
            context::links_all_pairs(&table, texts, &classes, min_similarity, min_sentence)
        }
        Some(texts) => context::links(&table, texts, &classes, min_similarity, min_sentence),
    };
    let (mut matches, links) = match source {
        PairSource::Index => (
            matching::by_class(&table, &classes, min_similarity),
            links(false),
        ),
        PairSource::AllPairs => (
            matching::claim_by_claim(&table, min_similarity),
            links(true),
        ),
    };

    let matched_pairs = matches.pairs.len();
    let mut conflicts = Vec::new();
    let mut in_conflict = vec![false; table.len()];
    let mut conflict_pairs = Vec::new();
    let mut report_names = slots::ReportNames::new(&table);
    let mut latest: Vec<Option<Vec<superseded::LatestFigure>>> = Vec::new();
    latest.resize_with(reports.len(), || None);
    for &(a, b, outcome) in &matches.pairs {
        let (score, found) = &matches.outcomes[outcome as usize];
        if let Some(found) = found {
            let (a, b) = (a as usize, b as usize);
            if places_of_one_story(&table, &mut report_names, a, b, found)
                || later_update(&table, reports, &mut latest, a, b, found)
            {
                continue;
            }
            in_conflict[a] = true;
            in_conflict[b] = true;
            conflict_pairs.push((a, b));
            conflicts.push(conflict_row(&table, a, b, score.similarity, found.clone()));
        }
    }
    // One quotation in different mouths, or in different words, however differently
    // the two claims frame it (see `quoted`). Like the slots below, these rows do
    // not keep the two claims out of one group: they never matched, and a speaker
    // resolved differently in two wordings of one sentence must not split it (on
    // MSRP that cost 21 paraphrase pairs).
    // The same words from the same mouth are one statement: such a pair joins the
    // groups like a sentence link, at full similarity.
    let mut quote_links: Vec<context::Link> = Vec::new();
    let mut matched_statements: Vec<(usize, usize)> = Vec::new();
    for (a, b) in quoted::pairs(&table) {
        let key = (a as u32, b as u32);
        let (side_a, side_b) = (matching::side(&table, a), matching::side(&table, b));
        if let Ok(at) = matches
            .pairs
            .binary_search_by_key(&key, |&(x, y, _)| (x, y))
        {
            let agreed = matches.outcomes[matches.pairs[at].2 as usize].1.is_none();
            if agreed && conflict::same_statement(side_a, side_b) {
                matched_statements.push((a, b));
            }
            continue;
        }
        let score = similarity::score(&table, a, b);
        let found = conflict::detect(side_a, side_b, &score);
        if let Some(found) =
            found.filter(|f| matches!(f.kind, ConflictKind::Attribution | ConflictKind::Quote))
        {
            in_conflict[a] = true;
            in_conflict[b] = true;
            conflicts.push(conflict_row(&table, a, b, score.similarity, found));
        } else if conflict::same_statement(side_a, side_b) {
            quote_links.push((key.0, key.1, 1.0));
        }
    }
    // The court, the hospital, the road of the event: reports that name different
    // ones disagree though no two of their claims match (see `slots`).
    let has_conflict: rustc_hash::FxHashSet<(usize, usize)> =
        conflict_pairs.iter().copied().collect();
    for (a, b, similarity, found) in slots::conflicts(&table, &mut report_names, |a, b| {
        has_conflict.contains(&(a, b))
    }) {
        in_conflict[a] = true;
        in_conflict[b] = true;
        conflicts.push(conflict_row(&table, a, b, similarity, found));
    }
    // When the story's happening happened, read per report (see `happenings`); a
    // pair with a row from any pass above keeps that row.
    let pairs_with_a_row = |conflicts: &[Conflict]| -> rustc_hash::FxHashSet<(usize, usize)> {
        conflicts
            .iter()
            .filter_map(|row| Some((position_of(&table, row.a)?, position_of(&table, row.b)?)))
            .collect()
    };
    let with_a_row = pairs_with_a_row(&conflicts);
    for (a, b, similarity, found) in
        happenings::conflicts(&table, reports, |a, b| with_a_row.contains(&(a, b)))
    {
        in_conflict[a] = true;
        in_conflict[b] = true;
        conflicts.push(conflict_row(&table, a, b, similarity, found));
    }
    // No one harmed in one report, someone in another (see `tallies`). Unlike the
    // passes above, these pairs are kept out of one group: "No one was injured"
    // and "Two people were injured" match word for word but for the subject.
    let with_a_row = pairs_with_a_row(&conflicts);
    for (a, b, similarity, found) in
        tallies::conflicts(&table, reports, |a, b| with_a_row.contains(&(a, b)))
    {
        in_conflict[a] = true;
        in_conflict[b] = true;
        conflict_pairs.push((a, b));
        conflicts.push(conflict_row(&table, a, b, similarity, found));
    }
    conflicts.sort_by_key(|x| (x.a, x.b));
    // The agreeing pairs become the group edges in place: the pair list is the
    // largest structure of a run, and a copy of it was the peak of memory.
    let mut edges = std::mem::take(&mut matches.pairs);
    edges.retain(|&(_, _, outcome)| matches.outcomes[outcome as usize].1.is_none());

    let mut weights: Vec<f64> = matches
        .outcomes
        .iter()
        .map(|(score, _)| score.similarity)
        .collect();
    // Sentence links join the agreement edges with their sentence similarity, which
    // the groups also see as the pair's similarity.
    let sentence_links = links.len();
    let mut links = links;
    links.extend(quote_links);
    links.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(y.2.total_cmp(&x.2)));
    links.dedup_by_key(|&mut (a, b, _)| (a, b));
    let link_edges: Vec<groups::Edge> = links
        .iter()
        .enumerate()
        .map(|(k, &(a, b, _))| (a, b, (weights.len() + k) as u32))
        .collect();
    weights.extend(links.iter().map(|l| l.2));
    merge_sorted(&mut edges, &link_edges);
    let linked: rustc_hash::FxHashMap<(usize, usize), f64> = links
        .iter()
        .map(|&(a, b, s)| ((a as usize, b as usize), s))
        .chain(matched_statements.iter().map(|&pair| (pair, 1.0)))
        .collect();
    let groups = groups::build_groups(
        &table.refs,
        &edges,
        &weights,
        &conflict_pairs,
        min_similarity,
        |a, b| {
            let (a, b) = (a.min(b), a.max(b));
            let score = similarity::score(&table, a, b).similarity;
            if linked.is_empty() {
                score
            } else {
                linked.get(&(a, b)).map_or(score, |&s| s.max(score))
            }
        },
    );
    let mut grouped = vec![false; table.len()];
    let position: std::collections::HashMap<ClaimRef, usize> = table
        .refs
        .iter()
        .enumerate()
        .map(|(i, r)| (*r, i))
        .collect();
    for group in &groups {
        for member in &group.members {
            if let Some(&i) = position.get(&member.claim) {
                grouped[i] = true;
            }
        }
    }
    let unique = (0..table.len())
        .filter(|&i| !grouped[i] && !in_conflict[i])
        .map(|i| table.refs[i])
        .collect();

    Comparison {
        groups,
        conflicts,
        unique,
        stats: MatchStats {
            claims: table.len(),
            candidate_pairs: matches.candidate_pairs,
            matched_pairs,
            sentence_links,
        },
    }
}

/// Whether a number conflict sets an update against an older figure: "The death
/// toll rose to four overnight" in a report published after one that said "Three
/// people were killed" tells how the count grew, and contradicts nothing. The
/// updated figure must be the larger, after a cue of update
/// (`superseded::latest_figures`), in the later report. `latest` caches each
/// report's updated figures.
fn later_update(
    table: &features::FeatureTable,
    reports: &[Report],
    latest: &mut [Option<Vec<superseded::LatestFigure>>],
    a: usize,
    b: usize,
    found: &conflict::Found,
) -> bool {
    if found.kind != ConflictKind::Number {
        return false;
    }
    let (ra, rb) = (table.refs[a], table.refs[b]);
    let (Some(published_a), Some(published_b)) =
        (reports[ra.report].published, reports[rb.report].published)
    else {
        return false;
    };
    let (newer, older) = match published_a.cmp(&published_b) {
        std::cmp::Ordering::Greater => (ra, b),
        std::cmp::Ordering::Less => (rb, a),
        std::cmp::Ordering::Equal => return false,
    };
    let updates = latest[newer.report]
        .get_or_insert_with(|| superseded::latest_figures(&reports[newer.report]));
    updates
        .iter()
        .filter(|figure| figure.claim == newer.claim)
        .any(|figure| {
            table.claims[older]
                .quantities
                .iter()
                .any(|q| tolerance::measure_key(q) == figure.measure && q.value < figure.value)
        })
}

/// The flat position of a claim of the table (`refs` run in `ClaimRef` order).
fn position_of(table: &features::FeatureTable, claim: ClaimRef) -> Option<usize> {
    table.refs.binary_search(&claim).ok()
}

/// The output row of a conflict found between the claims at flat positions `a < b`.
/// Whether a place conflict names two places that both reports name somewhere: a
/// replacement plane "flown out from Leeds Bradford" in one and one that "took off
/// from Toulouse" in the other are two legs of one journey when each report
/// names both airports. A disagreement about a place leaves one report without
/// the other's place.
fn places_of_one_story(
    table: &features::FeatureTable,
    report_names: &mut slots::ReportNames,
    a: usize,
    b: usize,
    found: &conflict::Found,
) -> bool {
    let is_place = |claim: usize, name: &str| {
        table.claims[claim]
            .entities
            .iter()
            .any(|e| e.name == name && e.kind == EntityKind::Place)
    };
    let (report_a, report_b) = (table.refs[a].report, table.refs[b].report);
    found.kind == ConflictKind::Entity
        && is_place(a, &found.value_a)
        && is_place(b, &found.value_b)
        && report_names.names(report_a, &found.value_b)
        && report_names.names(report_b, &found.value_a)
}

fn conflict_row(
    table: &features::FeatureTable,
    a: usize,
    b: usize,
    similarity: f64,
    found: conflict::Found,
) -> Conflict {
    Conflict {
        kind: found.kind,
        a: table.refs[a],
        b: table.refs[b],
        value_a: found.value_a,
        value_b: found.value_b,
        similarity,
        explanation: found.explanation,
    }
}

/// Merges `extra` into `edges`, both sorted by (a, b), in place and in linear time:
/// the edge list is the largest structure of a run and must not be copied.
fn merge_sorted(edges: &mut Vec<groups::Edge>, extra: &[groups::Edge]) {
    if extra.is_empty() {
        return;
    }
    let key = |e: &groups::Edge| (e.0, e.1);
    let (mut i, mut j) = (edges.len(), extra.len());
    edges.resize(i + j, (0, 0, 0));
    let mut k = edges.len();
    while j > 0 {
        k -= 1;
        if i > 0 && key(&edges[i - 1]) > key(&extra[j - 1]) {
            edges[k] = edges[i - 1];
            i -= 1;
        } else {
            edges[k] = extra[j - 1];
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn empty_inputs_give_empty_comparisons() {
        assert_eq!(compare(&[]), Comparison::default());
        let one = vec![ReportBuilder::new("a").claim("Floods hit Leeds").build()];
        let c = compare(&one);
        assert!(c.groups.is_empty() && c.conflicts.is_empty());
        assert_eq!(
            c.unique,
            vec![ClaimRef {
                report: 0,
                claim: 0
            }]
        );
        let no_claims = vec![
            ReportBuilder::new("a").build(),
            ReportBuilder::new("b").build(),
        ];
        assert_eq!(compare(&no_claims).stats.claims, 0);
    }

    #[test]
    fn a_later_report_updating_a_toll_upwards_does_not_contradict_an_earlier_one() {
        use claimdiff_parser::{parse_report, ReportInput};
        let report = |id: &str, day: u32, text: &str| {
            parse_report(ReportInput {
                id: id.into(),
                source: format!("{id}.txt"),
                text: text.into(),
                published: Some(ymd(2027, 4, day)),
                ..Default::default()
            })
        };
        let numbers = |reports: &[Report]| {
            compare(reports)
                .conflicts
                .iter()
                .filter(|c| c.kind == ConflictKind::Number)
                .count()
        };
        let earlier = report(
            "wire",
            26,
            "Three people were killed by the volcano, civil protection said.",
        );
        let update = "The death toll rose to four overnight, when a man died in hospital.";
        assert_eq!(numbers(&[earlier.clone(), report("paper", 27, update)]), 0);
        // The same update published first, or a lower one later, still conflicts.
        assert_eq!(numbers(&[earlier.clone(), report("paper", 25, update)]), 1);
        let lower = "The death toll rose to two overnight, when a man died in hospital.";
        assert_eq!(numbers(&[earlier, report("paper", 27, lower)]), 1);
    }

    #[test]
    fn pair_similarity_is_the_best_cross_report_score() {
        let a = ReportBuilder::new("a")
            .claim("Floods hit Leeds after heavy rain")
            .claim("The council met on Monday")
            .build();
        let b = ReportBuilder::new("b")
            .claim("Heavy rain brought floods to Leeds")
            .build();
        let same = pair_similarity(&[a.clone(), b]);
        assert!(same > 0.5, "{same}");
        let other = ReportBuilder::new("b")
            .claim("The council met on Monday")
            .build();
        assert!(pair_similarity(&[a.clone(), other]) > same);
        let empty = ReportBuilder::new("c").build();
        assert_eq!(pair_similarity(&[a, empty]), 0.0);
    }

    #[test]
    fn report_similarity_judges_a_split_sentence_whole() {
        let split = ReportBuilder::new("a")
            .claim("Floods hit Leeds after heavy rain")
            .claim("the council closed 12 schools")
            .build();
        let whole = ReportBuilder::new("b")
            .claim("Floods hit Leeds after heavy rain and the council closed 12 schools")
            .build();
        let half = ReportBuilder::new("b")
            .claim("Floods hit Leeds after heavy rain")
            .build();
        let other_number = ReportBuilder::new("b")
            .claim("Floods hit Leeds after heavy rain and the council closed 30 schools")
            .build();
        let same = report_similarity(&[split.clone(), whole]);
        assert!(same > 0.9, "{same}");
        // One shared clause is a full claim match, but only part of the text.
        let partial = report_similarity(&[split.clone(), half.clone()]);
        assert!(partial < same - 0.2, "{partial} vs {same}");
        assert!((pair_similarity(&[split.clone(), half]) - 1.0).abs() < 1e-9);
        // Between texts a different number is a difference.
        assert!(report_similarity(&[split.clone(), other_number]) < same);
        let empty = ReportBuilder::new("c").build();
        assert_eq!(report_similarity(&[split, empty]), 0.0);
    }

    #[test]
    fn index_and_all_pairs_give_the_same_comparison() {
        let reports = generated_reports(8, 30, 99);
        let indexed = compare(&reports);
        let oracle = compare_all_pairs(&reports);
        assert!(!indexed.groups.is_empty() && !indexed.conflicts.is_empty());
        assert_eq!(indexed.groups, oracle.groups);
        assert_eq!(indexed.conflicts, oracle.conflicts);
        assert_eq!(indexed.unique, oracle.unique);
        assert_eq!(indexed.stats.matched_pairs, oracle.stats.matched_pairs);
        assert!(indexed.stats.candidate_pairs < oracle.stats.candidate_pairs);
    }

    /// Many reports repeat claims word for word; `compare` scores each distinct
    /// claim pair once and expands. The oracle scores every copy.
    #[test]
    fn copied_claims_give_the_same_comparison_as_all_pairs() {
        let originals = generated_reports(5, 20, 31);
        let mut reports = originals.clone();
        for (n, original) in originals.iter().enumerate() {
            for copy in 0..3 {
                let mut report = original.clone();
                report.id = format!("{}-copy{copy}", original.id);
                // Copies carry the claims in another order, some left out.
                report.claims.rotate_left(n + copy);
                report.claims.truncate(report.claims.len() - copy);
                reports.push(report);
            }
        }
        // Two copies in one report as well.
        let doubled = reports[0].claims[0].clone();
        reports[1].claims.push(doubled);
        reports.sort_by(|a, b| a.id.cmp(&b.id));
        let indexed = compare(&reports);
        let oracle = compare_all_pairs(&reports);
        assert!(!indexed.groups.is_empty() && !indexed.conflicts.is_empty());
        assert_eq!(
            indexed,
            Comparison {
                stats: indexed.stats.clone(),
                ..oracle.clone()
            }
        );
        assert_eq!(indexed.stats.matched_pairs, oracle.stats.matched_pairs);
        assert!(indexed.stats.candidate_pairs * 4 < oracle.stats.candidate_pairs);
    }

    #[test]
    fn default_options_are_the_shipped_thresholds() {
        let options = MatchOptions::default();
        assert_eq!(options.min_similarity, thresholds::MATCH_THRESHOLD);
        assert_eq!(
            options.min_sentence_similarity,
            thresholds::SENTENCE_LINK_MIN_SIMILARITY
        );
        let reports = generated_reports(6, 25, 17);
        assert_eq!(compare(&reports), compare_with(&reports, &options));
    }

    #[test]
    fn a_stricter_match_threshold_matches_fewer_pairs() {
        let reports = generated_reports(8, 30, 99);
        let loose = compare(&reports);
        let strict = compare_with(
            &reports,
            &MatchOptions {
                min_similarity: 0.6,
                ..MatchOptions::default()
            },
        );
        assert!(strict.stats.matched_pairs < loose.stats.matched_pairs);
        // Conflicts are found on matched pairs only: the strict ones are loose ones.
        assert!(strict.conflicts.len() < loose.conflicts.len());
        assert!(strict.conflicts.iter().all(|c| loose.conflicts.contains(c)));
        // Every member of a strict group matches at 0.6 or was pulled in by
        // average linkage at 0.6: no pair the loose run left apart is grouped.
        assert!(!strict.groups.is_empty());
    }

    /// The index is built for the threshold asked for, so it stays lossless below
    /// and above the default.
    #[test]
    fn index_and_all_pairs_agree_for_other_thresholds() {
        let reports = generated_reports(8, 30, 7);
        for min_similarity in [0.15, 0.4, 0.7] {
            let options = MatchOptions {
                min_similarity,
                ..MatchOptions::default()
            };
            let indexed = compare_with(&reports, &options);
            let oracle = compare_all_pairs_with(&reports, &options);
            assert_eq!(indexed.groups, oracle.groups, "{min_similarity}");
            assert_eq!(indexed.conflicts, oracle.conflicts, "{min_similarity}");
            assert_eq!(indexed.unique, oracle.unique, "{min_similarity}");
            assert_eq!(indexed.stats.matched_pairs, oracle.stats.matched_pairs);
        }
    }

    #[test]
    fn output_is_identical_for_one_and_two_threads() {
        let reports = generated_reports(10, 40, 2024);
        let on = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("thread pool")
                .install(|| compare(&reports))
        };
        assert_eq!(on(1), on(2));
    }

    /// Timing on a larger generated input: `cargo test -p claimdiff-matcher --release
    /// -- --ignored --nocapture scale`.
    #[test]
    #[ignore]
    fn scale_smoke() {
        for reports in [50, 100, 200] {
            let input = generated_reports(reports, 30, 11);
            let start = std::time::Instant::now();
            let c = compare(&input);
            eprintln!(
                "{reports} reports: {:?} claims={} candidates={} matched={} groups={} conflicts={}",
                start.elapsed(),
                c.stats.claims,
                c.stats.candidate_pairs,
                c.stats.matched_pairs,
                c.groups.len(),
                c.conflicts.len()
            );
        }
    }

    #[test]
    fn one_speaker_quoted_in_the_same_words_is_one_statement() {
        let long = "It was never a penalty. Everybody in the ground saw that except the \
                    one man who mattered, and the referee will have to live with it. My \
                    players gave everything for ninety minutes on a freezing pitch, the \
                    supporters travelled four hundred miles, and we go home with nothing";
        let reports = vec![
            ReportBuilder::new("a")
                .claim(&format!(
                    "\"{long},\" Hannah told reporters after the match."
                ))
                .speaker("Derek Hannah")
                .quote(long)
                .build(),
            ReportBuilder::new("b")
                .claim("\"It was never a penalty,\" he said.")
                .speaker("Derek Hannah")
                .quote("It was never a penalty")
                .build(),
        ];
        let c = compare(&reports);
        assert_eq!(c.groups.len(), 1, "{c:#?}");
        assert_eq!(c.groups[0].support, 2);
        // In another mouth the same words are an attribution conflict, not a group.
        let mut other = reports.clone();
        other[1].claims[0].speaker = Some("Fiona Baird".into());
        let c = compare(&other);
        assert!(c.groups.is_empty(), "{c:#?}");
        assert_eq!(c.conflicts[0].kind, ConflictKind::Attribution);
    }

    #[test]
    fn every_claim_is_grouped_conflicting_or_unique() {
        let reports = generated_reports(5, 20, 5);
        let c = compare(&reports);
        let mut seen = std::collections::BTreeSet::new();
        for g in &c.groups {
            assert!(g.support >= 2);
            assert!(g.members.iter().any(|m| m.claim == g.representative));
            assert!(g.members.windows(2).all(|w| w[0].claim < w[1].claim));
            assert!(g
                .members
                .iter()
                .all(|m| (0.0..=1.0).contains(&m.similarity)));
            seen.extend(g.members.iter().map(|m| m.claim));
        }
        for x in &c.conflicts {
            assert!(x.a < x.b && x.a.report != x.b.report);
            seen.insert(x.a);
            seen.insert(x.b);
        }
        for u in &c.unique {
            assert!(
                seen.insert(*u),
                "unique claim {u:?} is also grouped or conflicting"
            );
        }
        assert_eq!(seen.len(), c.stats.claims);
        assert!(c
            .conflicts
            .windows(2)
            .all(|w| (w[0].a, w[0].b) < (w[1].a, w[1].b)));
    }
}
