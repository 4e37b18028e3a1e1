//! Candidate pairs from an inverted index, so that not every pair is scored.
//!
//! The index maps terms (content stems, predicates, entity and speaker name keys,
//! measures; see `features`) to the claims that have them. It uses *prefix
//! filtering*: terms are put in one global order, rarest first, and a claim is
//! filed only under the rarest terms it needs. Why this loses no pair: a pair
//! can only reach `MATCH_THRESHOLD` (M) if the weight of the terms both share is
//! at least M/2 * (W(a) + W(b)) (see `similarity`), which implies at least
//! t(a) = M/(2-M) * W(a) for each side. If the first shared term (in the global
//! order) came after a point where less than t(a) of a's weight remains, the pair
//! could not share enough; so each claim is filed under its terms up to that point,
//! and both claims of any matching pair are filed under their first shared term.
//! Very common terms sit at the end of the order and so are left out of the
//! postings: they never make a list long on their own account.
//!
//! Only claims of different reports are paired. A candidate must then share at
//! least M/2 * (W(a) + W(b)) of term weight (names unchecked, an upper bound of
//! the score's shared weight) before it is scored.

use rayon::prelude::*;

use crate::features::FeatureTable;
use crate::similarity::term_overlap;
use crate::thresholds::MATCH_THRESHOLD;

/// Relative slack for float rounding in the bounds: the filter must never drop a
/// pair the exact arithmetic would keep.
const FLOAT_SLACK: f64 = 1e-9;

/// The minimum weight both sides of a matching pair share, seen from one side.
fn min_shared_for(weight: f64) -> f64 {
    MATCH_THRESHOLD / (2.0 - MATCH_THRESHOLD) * weight
}

/// Whether a pair shares enough term weight to possibly reach `MATCH_THRESHOLD`.
fn shares_enough(table: &FeatureTable, a: usize, b: usize) -> bool {
    let (fa, fb) = (&table.features[a], &table.features[b]);
    let total = fa.total_weight + fb.total_weight;
    if total <= 0.0 {
        return false;
    }
    let needed = MATCH_THRESHOLD / 2.0 * total;
    term_overlap(&fa.terms, &fb.terms) >= needed * (1.0 - FLOAT_SLACK)
}

/// The terms a claim is filed and probed under: its rarest terms, up to the point
/// where less than `min_shared_for` its weight remains.
fn prefix_terms(table: &FeatureTable, claim: usize) -> Vec<u32> {
    let features = &table.features[claim];
    let mut ordered: Vec<(u32, f64)> = features.terms.clone();
    ordered.sort_by_key(|&(id, _)| (table.doc_freq[id as usize], id));
    let needed = min_shared_for(features.total_weight) * (1.0 - FLOAT_SLACK);
    let mut remaining = features.total_weight;
    let mut prefix = Vec::new();
    for (id, weight) in ordered {
        if remaining < needed || remaining <= 0.0 {
            break;
        }
        prefix.push(id);
        remaining -= weight;
    }
    prefix
}

/// Candidate pairs `(a, b)` of flat claim positions, `a < b`, from different
/// reports, sorted; each shares enough evidence to possibly match.
pub(crate) fn indexed_pairs(table: &FeatureTable) -> Vec<(usize, usize)> {
    let prefixes: Vec<Vec<u32>> = (0..table.len())
        .into_par_iter()
        .map(|c| prefix_terms(table, c))
        .collect();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); table.term_kinds.len()];
    for (claim, prefix) in prefixes.iter().enumerate() {
        for &term in prefix {
            postings[term as usize].push(claim as u32);
        }
    }
    let per_claim: Vec<Vec<(usize, usize)>> = (0..table.len())
        .into_par_iter()
        .map(|a| {
            let report = table.refs[a].report;
            let later_reports_from = table.refs.partition_point(|r| r.report <= report);
            let mut partners: Vec<usize> = Vec::new();
            for &term in &prefixes[a] {
                let list = &postings[term as usize];
                // Postings are sorted and claims run in report order: only look at the
                // claims of later reports (walking the claims of the same report first
                // was quadratic on one huge report).
                let start = list.partition_point(|&b| (b as usize) < later_reports_from);
                partners.extend(
                    list[start..]
                        .iter()
                        .map(|&b| b as usize)
                        .filter(|&b| table.refs[b].report != report),
                );
            }
            partners.sort_unstable();
            partners.dedup();
            partners
                .into_iter()
                .filter(|&b| shares_enough(table, a, b))
                .map(|b| (a, b))
                .collect()
        })
        .collect();
    per_claim.into_iter().flatten().collect()
}

/// Every pair of claims from different reports: the test oracle for the index.
/// Quadratic; never used by [`crate::compare`].
pub(crate) fn all_pairs(table: &FeatureTable) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for a in 0..table.len() {
        for b in a + 1..table.len() {
            if table.refs[a].report != table.refs[b].report {
                pairs.push((a, b));
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::build;
    use crate::similarity::score;
    use crate::testkit::*;

    fn matched(table: &FeatureTable, pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
        pairs
            .iter()
            .copied()
            .filter(|&(a, b)| score(table, a, b).similarity >= MATCH_THRESHOLD)
            .collect()
    }

    #[test]
    fn index_loses_no_pair_that_all_pairs_would_match() {
        for seed in [7, 42, 1234] {
            let reports = generated_reports(6, 25, seed);
            let table = build(&reports);
            let all = all_pairs(&table);
            let indexed = indexed_pairs(&table);
            let from_all = matched(&table, &all);
            assert!(!from_all.is_empty());
            assert_eq!(matched(&table, &indexed), from_all, "seed {seed}");
            assert!(indexed.len() < all.len(), "the index should prune pairs");
        }
    }

    #[test]
    fn pairs_come_from_different_reports_only() {
        let reports = vec![
            ReportBuilder::new("a")
                .claim("Floods hit Leeds")
                .claim("Floods hit Leeds")
                .build(),
            ReportBuilder::new("b").claim("Floods hit Leeds").build(),
        ];
        let table = build(&reports);
        assert_eq!(indexed_pairs(&table), vec![(0, 2), (1, 2)]);
    }

    #[test]
    fn no_claims_no_pairs() {
        let table = build(&[]);
        assert!(indexed_pairs(&table).is_empty());
        let reports = vec![
            ReportBuilder::new("a").claim("").build(),
            ReportBuilder::new("b").claim("").build(),
        ];
        assert!(indexed_pairs(&build(&reports)).is_empty());
    }
}
