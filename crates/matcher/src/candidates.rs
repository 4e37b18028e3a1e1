//! Candidate pairs from an inverted index, so that not every pair is scored.
//!
//! The index maps terms (content stems, predicates, entity and speaker name keys,
//! measures; see `features`) to the claims that have them. It uses *prefix
//! filtering*: terms are put in one global order, rarest first, and a claim is
//! filed only under the rarest terms it needs. Why this loses no pair: a pair
//! can only reach the match threshold M (`MatchOptions::min_similarity`, by
//! default `MATCH_THRESHOLD`) if the weight of the terms both share is
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
//!
//! The same index finds pairs of sentences (the merged terms of their claims) that
//! may reach the sentence threshold: the bound holds for any two sets of terms
//! scored by `similarity::score_features`.

use rayon::prelude::*;

use crate::features::{ClaimFeatures, FeatureTable};
use crate::similarity::term_overlap;

/// Relative slack for float rounding in the bounds: the filter must never drop a
/// pair the exact arithmetic would keep.
const FLOAT_SLACK: f64 = 1e-9;

/// The minimum weight both sides of a pair reaching `threshold` share, seen from
/// one side.
fn min_shared_for(threshold: f64, weight: f64) -> f64 {
    threshold / (2.0 - threshold) * weight
}

/// Whether two sets of features share enough term weight to possibly reach
/// `threshold`.
fn features_share_enough(fa: &ClaimFeatures, fb: &ClaimFeatures, threshold: f64) -> bool {
    let total = fa.core_weight() + fb.core_weight();
    if total <= 0.0 {
        return false;
    }
    let needed = threshold / 2.0 * total;
    let overlap = term_overlap(&fa.terms, &fb.terms)
        + speaker_named_bound(fa, fb)
        + speaker_named_bound(fb, fa);
    overlap >= needed * (1.0 - FLOAT_SLACK)
}

/// At most what `fa`'s speaker, named as an entity by `fb`, adds to the shared
/// weight (see `similarity`): names unchecked.
fn speaker_named_bound(fa: &ClaimFeatures, fb: &ClaimFeatures) -> f64 {
    fa.speaker_entity
        .filter(|(term, _)| fb.terms.binary_search_by_key(term, |&(id, _)| id).is_ok())
        .map_or(0.0, |(_, weight)| weight)
}

/// The terms an item is filed and probed under: its rarest terms, up to the point
/// where less than `min_shared_for` its weight remains. A claim with a speaker
/// someone names is scored as if it had the name's entity term as well (see
/// `similarity`), so it is also filed under the prefix of its terms with that one.
fn prefix_terms(table: &FeatureTable, features: &ClaimFeatures, threshold: f64) -> Vec<u32> {
    let mut prefix = prefix_of(
        table,
        features.terms.clone(),
        features.total_weight,
        features.core_weight(),
        threshold,
    );
    if let Some((term, weight)) = features.speaker_entity {
        let mut with_name = features.terms.clone();
        with_name.push((term, weight));
        prefix.extend(prefix_of(
            table,
            with_name,
            features.total_weight + weight,
            features.core_weight() + weight,
            threshold,
        ));
        prefix.sort_unstable();
        prefix.dedup();
    }
    prefix
}

fn prefix_of(
    table: &FeatureTable,
    mut ordered: Vec<(u32, f64)>,
    total_weight: f64,
    core_weight: f64,
    threshold: f64,
) -> Vec<u32> {
    ordered.sort_by_key(|&(id, _)| (table.doc_freq[id as usize], id));
    let needed = min_shared_for(threshold, core_weight) * (1.0 - FLOAT_SLACK);
    let mut remaining = total_weight;
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
/// reports, sorted; each shares enough evidence to possibly reach `threshold`.
#[cfg(test)]
pub(crate) fn indexed_pairs(table: &FeatureTable, threshold: f64) -> Vec<(usize, usize)> {
    let claims: Vec<usize> = (0..table.len()).collect();
    let reports: Vec<Option<usize>> = claims.iter().map(|&c| Some(table.refs[c].report)).collect();
    indexed_pairs_among(table, &claims, threshold, &reports)
}

/// Candidate pairs `(i, j)`, `i < j`, of indices into `items` (flat claim
/// positions, ascending), sorted; each shares enough evidence to possibly reach
/// `threshold`. `report_of[i]` is the one report item `i` comes from, if it is
/// one: two items of one report never pair. A pair of an item with itself is not
/// proposed.
pub(crate) fn indexed_pairs_among(
    table: &FeatureTable,
    items: &[usize],
    threshold: f64,
    report_of: &[Option<usize>],
) -> Vec<(usize, usize)> {
    let features: Vec<&ClaimFeatures> = items.iter().map(|&c| &table.features[c]).collect();
    indexed_pairs_of(table, &features, threshold, report_of)
}

/// Candidate pairs `(i, j)`, `i < j`, of indices into `features` (any sets of
/// terms whose ids come from `table`: claims, or several claims merged into one
/// sentence), sorted, that do not come from one report (`report_of`, as for
/// [`indexed_pairs_among`]); each shares enough evidence for
/// [`crate::similarity::score_features`] to possibly reach `threshold`.
///
/// Items of one report are skipped a report at a time, not one by one: a single
/// report of a hundred thousand claims (a 100 MB page) shares its common terms
/// with itself, and looking at each of those pairs was quadratic.
pub(crate) fn indexed_pairs_of(
    table: &FeatureTable,
    features: &[&ClaimFeatures],
    threshold: f64,
    report_of: &[Option<usize>],
) -> Vec<(usize, usize)> {
    debug_assert_eq!(features.len(), report_of.len());
    let prefixes: Vec<Vec<u32>> = features
        .par_iter()
        .map(|f| prefix_terms(table, f, threshold))
        .collect();
    // Per term: the items of no single report, ascending, and the items of one
    // report, by (report, item), so that one report's items are one run.
    let mut unbound: Vec<Vec<u32>> = vec![Vec::new(); table.term_kinds.len()];
    let mut bound: Vec<Vec<(usize, u32)>> = vec![Vec::new(); table.term_kinds.len()];
    for (item, prefix) in prefixes.iter().enumerate() {
        for &term in prefix {
            match report_of[item] {
                Some(report) => bound[term as usize].push((report, item as u32)),
                None => unbound[term as usize].push(item as u32),
            }
        }
    }
    bound.par_iter_mut().for_each(|list| list.sort_unstable());
    let per_item: Vec<Vec<(usize, usize)>> = (0..features.len())
        .into_par_iter()
        .map(|i| {
            let mut partners: Vec<usize> = Vec::new();
            let later = |&j: &u32| j as usize > i;
            for &term in &prefixes[i] {
                let list = &unbound[term as usize];
                // Postings are sorted: only look at later items.
                let start = list.partition_point(|&j| j as usize <= i);
                partners.extend(list[start..].iter().map(|&j| j as usize));
                let list = &bound[term as usize];
                let (before, after) = match report_of[i] {
                    Some(report) => (
                        list.partition_point(|&(r, _)| r < report),
                        list.partition_point(|&(r, _)| r <= report),
                    ),
                    None => (list.len(), list.len()),
                };
                partners.extend(
                    list[..before]
                        .iter()
                        .chain(&list[after..])
                        .map(|(_, j)| j)
                        .filter(|j| later(j))
                        .map(|&j| j as usize),
                );
            }
            partners.sort_unstable();
            partners.dedup();
            partners
                .into_iter()
                .filter(|&j| features_share_enough(features[i], features[j], threshold))
                .map(|j| (i, j))
                .collect()
        })
        .collect();
    per_item.into_iter().flatten().collect()
}

/// Whether two claims with identical features (copies of one claim) share enough
/// evidence to possibly reach `threshold`: the same bound as for any pair.
pub(crate) fn copies_share_enough(table: &FeatureTable, claim: usize, threshold: f64) -> bool {
    let features = &table.features[claim];
    features_share_enough(features, features, threshold)
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
    use crate::thresholds::MATCH_THRESHOLD;

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
            let indexed = indexed_pairs(&table, MATCH_THRESHOLD);
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
        assert_eq!(indexed_pairs(&table, MATCH_THRESHOLD), vec![(0, 2), (1, 2)]);
    }

    #[test]
    fn items_of_no_single_report_pair_with_any_report() {
        let reports = vec![
            ReportBuilder::new("a")
                .claim("Floods hit Leeds")
                .claim("Floods hit Leeds")
                .claim("Floods hit Leeds")
                .build(),
            ReportBuilder::new("b").claim("Floods hit Leeds").build(),
        ];
        let table = build(&reports);
        let items: Vec<usize> = (0..table.len()).collect();
        // The second item stands for claims of both reports (a class of copies).
        let report_of = [Some(0), None, Some(0), Some(1)];
        let pairs = indexed_pairs_among(&table, &items, MATCH_THRESHOLD, &report_of);
        assert_eq!(pairs, vec![(0, 1), (0, 3), (1, 2), (1, 3), (2, 3)]);
    }

    #[test]
    fn no_claims_no_pairs() {
        let table = build(&[]);
        assert!(indexed_pairs(&table, MATCH_THRESHOLD).is_empty());
        let reports = vec![
            ReportBuilder::new("a").claim("").build(),
            ReportBuilder::new("b").claim("").build(),
        ];
        assert!(indexed_pairs(&build(&reports), MATCH_THRESHOLD).is_empty());
    }
}
