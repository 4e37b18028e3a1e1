//! Claims that quote the same words. Two outlets that put one quotation in
//! different mouths often frame it so differently ("'This is not who we are as a
//! club,' chief executive Fiona Baird said, adding that ..." vs "'This is not who
//! we are as a club,' Hannah said") that the pair score never matches them; the
//! words inside the marks are the evidence. This pass proposes every pair of quote
//! claims from different reports that share a run of
//! `ATTRIBUTION_MIN_QUOTED_RUN` words, for the attribution and quote checks.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::features::FeatureTable;
use crate::thresholds::{ATTRIBUTION_MIN_QUOTED_RUN, QUOTED_RUN_MAX_CLAIMS};

/// Pairs `(a, b)`, `a < b` flat positions from different reports, of quote claims
/// that share a run of quoted words; sorted.
pub(crate) fn pairs(table: &FeatureTable) -> Vec<(usize, usize)> {
    let mut by_run: FxHashMap<&[String], Vec<usize>> = FxHashMap::default();
    for (position, features) in table.features.iter().enumerate() {
        for run in features.quote_words.windows(ATTRIBUTION_MIN_QUOTED_RUN) {
            let claims = by_run.entry(run).or_default();
            if claims.last() != Some(&position) {
                claims.push(position);
            }
        }
    }
    let mut found: FxHashSet<(usize, usize)> = FxHashSet::default();
    for claims in by_run.values() {
        // A run quoted by very many claims is copied across the reports word for
        // word; those claims match on their whole wording anyway.
        if claims.len() > QUOTED_RUN_MAX_CLAIMS {
            continue;
        }
        for (i, &a) in claims.iter().enumerate() {
            for &b in &claims[i + 1..] {
                if table.refs[a].report != table.refs[b].report {
                    found.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = found.into_iter().collect();
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use crate::testkit::ReportBuilder;
    use crate::ConflictKind;

    #[test]
    fn one_quotation_in_two_mouths_conflicts_however_it_is_framed() {
        let words = "This is not who we are as a club";
        let reports = vec![
            ReportBuilder::new("a")
                .claim(&format!(
                    "\"{words},\" chief executive Fiona Baird said, adding that Carrick would ban any supporter identified by police and review its stewarding"
                ))
                .person("Fiona Baird")
                .speaker("Fiona Baird")
                .quote(words)
                .build(),
            ReportBuilder::new("b")
                .claim(&format!("\"{words},\" Hannah said."))
                .person("Derek Hannah")
                .speaker("Derek Hannah")
                .quote(words)
                .build(),
        ];
        let c = crate::compare(&reports);
        assert_eq!(c.conflicts.len(), 1, "{:?}", c.conflicts);
        assert_eq!(c.conflicts[0].kind, ConflictKind::Attribution);
    }
}
