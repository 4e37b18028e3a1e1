//! Which pairs of claims match, and what each matched pair is: a conflict or an
//! agreement.
//!
//! [`by_class`] is what [`crate::compare`] uses: identical claims are put in one
//! class ([`crate::classes`]); candidate pairs of classes come from the prefix
//! index, each matched pair of classes is scored and checked once (in each order
//! its claims occur), and only then expanded into the pairs of claims from
//! different reports. Scoring work grows with the number of *distinct* claims;
//! only the cheap expansion grows with the number of claim pairs, which the
//! tables list one by one. [`claim_by_claim`] scores every pair of claims: the
//! oracle the tests hold `by_class` to.

use rayon::prelude::*;

use crate::candidates;
use crate::classes::ClaimClasses;
use crate::conflict;
use crate::features::FeatureTable;
use crate::similarity::{self, PairScore};
use crate::thresholds::{
    CLOCK_CONFLICT_MIN_SIMILARITY, COUNT_CONFLICT_MIN_SIMILARITY, DAY_CONFLICT_MIN_SIMILARITY,
    MATCH_THRESHOLD, YES_OR_NO_ACT_DENIAL_MIN_SIMILARITY,
};

/// The score of a matched pair and the conflict its claims show, if any.
pub(crate) type Outcome = (PairScore, Option<conflict::Found>);

/// Matched pairs of claims and their outcomes.
pub(crate) struct Matches {
    /// Distinct outcomes; many claim pairs share one.
    pub outcomes: Vec<Outcome>,
    /// `(a, b, outcome)`: flat claim positions `a < b` from different reports, in
    /// (a, b) order, and the index of their outcome. 32-bit: this list grows with
    /// the square of the reports (2.7 million pairs at 512 generated reports).
    pub pairs: Vec<(u32, u32, u32)>,
    /// Pairs scored (of classes for `by_class`, of claims for `claim_by_claim`).
    pub candidate_pairs: usize,
}

pub(crate) fn side<'t>(table: &'t FeatureTable, i: usize) -> conflict::Side<'t> {
    conflict::Side {
        claim: table.claims[i],
        features: &table.features[i],
    }
}

/// Scores the claims at `a` and `b`, in that order, and checks a matched pair for
/// a conflict. Below the match threshold `min_similarity` a pair is kept only when
/// its claims give different counts of one thing (see
/// `COUNT_CONFLICT_MIN_SIMILARITY`) or one denies an act the other reports that
/// either happened or did not, an arrest or an evacuation
/// (`YES_OR_NO_ACT_DENIAL_MIN_SIMILARITY`): a conflict, never an agreement.
fn check(table: &FeatureTable, a: usize, b: usize, min_similarity: f64) -> Option<Outcome> {
    let score = similarity::score(table, a, b);
    let (side_a, side_b) = (side(table, a), side(table, b));
    if score.similarity >= min_similarity {
        let found = conflict::detect(side_a, side_b, &score);
        Some((score, found))
    } else if looks_below_the_match(min_similarity)
        && score.similarity >= LOOSE_CONFLICT_MIN_SIMILARITY
    {
        conflict::count_conflict(side_a, side_b, &score)
            .or_else(|| conflict::yes_or_no_act_conflict(side_a, side_b, &score))
            .or_else(|| conflict::clock_of_one_off_act_conflict(side_a, side_b, &score))
            .or_else(|| conflict::day_of_one_happening_conflict(side_a, side_b, &score))
            .or_else(|| conflict::dated_thing_conflict(side_a, side_b, &score))
            .map(|found| (score, Some(found)))
    } else {
        None
    }
}

/// The lowest similarity at which `check` keeps a pair (as a conflict).
const LOOSE_CONFLICT_MIN_SIMILARITY: f64 = min_of(
    min_of(
        COUNT_CONFLICT_MIN_SIMILARITY,
        YES_OR_NO_ACT_DENIAL_MIN_SIMILARITY,
    ),
    min_of(CLOCK_CONFLICT_MIN_SIMILARITY, DAY_CONFLICT_MIN_SIMILARITY),
);

const fn min_of(a: f64, b: f64) -> f64 {
    if a < b {
        a
    } else {
        b
    }
}

/// Whether pairs below the match threshold `min_similarity` are checked for the
/// loose conflicts: only when it is the default or looser. A caller who raises it
/// asks for closer pairs only (the MSRP runner's tuned rule matches identical
/// claims and leaves the rest to sentence links).
fn looks_below_the_match(min_similarity: f64) -> bool {
    LOOSE_CONFLICT_MIN_SIMILARITY < min_similarity && min_similarity <= MATCH_THRESHOLD
}

/// Whether the claim at `i` may be in a pair kept by `check` below the match
/// threshold: it states a count, or names a yes-or-no act (an arrest, an
/// evacuation, insurance...).
fn may_conflict_loosely(table: &FeatureTable, i: usize) -> bool {
    conflict::states_a_count(table.claims[i], &table.features[i])
        || conflict::names_a_yes_or_no_act(table.claims[i])
        || (conflict::gives_a_clock_time(table.claims[i]) && table.names_one_off_act(i))
        || (conflict::gives_one_day_as_fact(table.claims[i]) && names_anyone(table.claims[i]))
        || conflict::dates_a_named_thing(table.claims[i])
}

/// Whether a claim names someone or something, or has a speaker: the loose day
/// rule needs a name both claims share.
fn names_anyone(claim: &claimdiff_parser::Claim) -> bool {
    !claim.entities.is_empty() || claim.speaker.is_some()
}

/// Candidate pairs of `items` for `check`: those that may reach `min_similarity`,
/// and those of claims `may_conflict_loosely` that may reach the lower bar. Sorted,
/// each pair once.
/// `report_of[i]` is the one report `items[i]` stands for, if it is one: two items
/// of one report never pair.
fn candidate_pairs(
    table: &FeatureTable,
    items: &[usize],
    min_similarity: f64,
    report_of: &[Option<usize>],
) -> Vec<(usize, usize)> {
    let mut pairs = candidates::indexed_pairs_among(table, items, min_similarity, report_of);
    if looks_below_the_match(min_similarity) {
        let loose: Vec<usize> = (0..items.len())
            .filter(|&at| may_conflict_loosely(table, items[at]))
            .collect();
        let loose_items: Vec<usize> = loose.iter().map(|&at| items[at]).collect();
        let loose_reports: Vec<Option<usize>> = loose.iter().map(|&at| report_of[at]).collect();
        let low = candidates::indexed_pairs_among(
            table,
            &loose_items,
            LOOSE_CONFLICT_MIN_SIMILARITY,
            &loose_reports,
        );
        pairs.extend(low.into_iter().map(|(i, j)| (loose[i], loose[j])));
        pairs.sort_unstable();
        pairs.dedup();
    }
    pairs
}

/// Every pair of claims from different reports scored: quadratic, for tests.
pub(crate) fn claim_by_claim(table: &FeatureTable, min_similarity: f64) -> Matches {
    let candidates = candidates::all_pairs(table);
    let checked: Vec<(usize, usize, Outcome)> = candidates
        .par_iter()
        .filter_map(|&(a, b)| check(table, a, b, min_similarity).map(|outcome| (a, b, outcome)))
        .collect();
    let mut outcomes = Vec::with_capacity(checked.len());
    let mut pairs = Vec::with_capacity(checked.len());
    for (a, b, outcome) in checked {
        pairs.push((a as u32, b as u32, outcomes.len() as u32));
        outcomes.push(outcome);
    }
    Matches {
        outcomes,
        pairs,
        candidate_pairs: candidates.len(),
    }
}

/// Matched pairs found class by class (see the module comment).
/// `classes` are the table's claims classified ([`classes::classify`]).
pub(crate) fn by_class(
    table: &FeatureTable,
    classes: &ClaimClasses,
    min_similarity: f64,
) -> Matches {
    let reps: Vec<usize> = (0..classes.len())
        .map(|c| classes.representative(c))
        .collect();
    // The report all of a class's members come from, when there is only one.
    let only_report: Vec<Option<usize>> = classes
        .members
        .iter()
        .map(|members| {
            let report = table.refs[members[0]].report;
            members
                .iter()
                .all(|&m| table.refs[m].report == report)
                .then_some(report)
        })
        .collect();
    // reps[c] stands for class c, so the classes' reports are the items' reports.
    let class_pairs = candidate_pairs(table, &reps, min_similarity, &only_report);
    // Ordered pairs of classes (first, second) to check: a claim of `first` comes
    // before a claim of `second` in some pair of claims. Copies of one claim in
    // several reports pair with each other.
    let mut ordered: Vec<(usize, usize)> = Vec::with_capacity(class_pairs.len() * 2);
    for c in 0..classes.len() {
        if only_report[c].is_none()
            && candidates::copies_share_enough(table, reps[c], min_similarity)
        {
            ordered.push((c, c));
        }
    }
    for &(x, y) in &class_pairs {
        // reps[x] < reps[y], and so every member of y comes after reps[x].
        ordered.push((x, y));
        if classes.members[x].last() > Some(&reps[y]) {
            ordered.push((y, x));
        }
    }
    let checked: Vec<Option<Outcome>> = ordered
        .par_iter()
        .map(|&(x, y)| check(table, reps[x], reps[y], min_similarity))
        .collect();

    let mut outcomes = Vec::new();
    let mut forward: Vec<Vec<(usize, u32)>> = vec![Vec::new(); classes.len()];
    for (&(x, y), outcome) in ordered.iter().zip(checked) {
        if let Some(outcome) = outcome {
            forward[x].push((y, outcomes.len() as u32));
            outcomes.push(outcome);
        }
    }
    let pairs = expand(table, classes, &forward);
    Matches {
        outcomes,
        pairs,
        candidate_pairs: ordered.len(),
    }
}

/// Claim pairs `(a, b, outcome)`, `a < b`, from different reports, in (a, b)
/// order, for every matched ordered pair of classes in `forward`
/// (`forward[class of a]` lists (class of b, outcome)).
fn expand(
    table: &FeatureTable,
    classes: &ClaimClasses,
    forward: &[Vec<(usize, u32)>],
) -> Vec<(u32, u32, u32)> {
    let per_claim: Vec<Vec<(u32, u32, u32)>> = (0..table.len())
        .into_par_iter()
        .map(|a| {
            let report = table.refs[a].report;
            let mut partners: Vec<(u32, u32, u32)> = Vec::new();
            for &(class, outcome) in &forward[classes.class_of[a] as usize] {
                let members = &classes.members[class];
                let later = members.partition_point(|&b| b <= a);
                partners.extend(
                    members[later..]
                        .iter()
                        .filter(|&&b| table.refs[b].report != report)
                        .map(|&b| (a as u32, b as u32, outcome)),
                );
            }
            partners.sort_unstable_by_key(|&(_, b, _)| b);
            partners
        })
        .collect();
    let mut pairs = Vec::with_capacity(per_claim.iter().map(Vec::len).sum());
    for claim_pairs in per_claim {
        pairs.extend(claim_pairs);
    }
    pairs
}
