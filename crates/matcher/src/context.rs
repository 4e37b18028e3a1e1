//! Sentence context: two sentences that say the same thing as whole sentences
//! get a link between their claims, however the parser split them.
//!
//! The parser cuts a sentence into atomic claims at "and", "but", semicolons,
//! participle and time clauses. Two reports that word one sentence differently
//! are often cut differently too ("Floods hit Leeds after heavy rain and the
//! council closed 12 schools" against "Heavy rain closed 12 schools in Leeds as
//! floods hit the city"), and then no pair of their claims may reach the match
//! threshold although the sentences are paraphrases. Here each sentence is scored
//! whole, as [`crate::report_similarity`] scores a text: the terms of all its claims
//! merged, with the whole-text terms of `features::Profile::Texts`. These are built
//! once per distinct claim ([`distinct_claims`]), so their IDF counts a claim that
//! wire copy repeats in many reports once: copies do not make its words look
//! common (and building them for every copy doubled the cost of matching). When two
//! sentences of different reports reach `MatchOptions::min_sentence_similarity`
//! and no pair of their claims matches, their best-matching claim pair (every pair
//! tied for best) becomes an agreement edge whose similarity is the sentence
//! similarity. When a pair of their claims already matches, the sentences are
//! linked through it and nothing is added.
//!
//! A link is agreement only: no conflict rule runs on it (a claim pair below the
//! match threshold is not "about the same thing" on its own), and the groups still
//! keep every conflicting pair apart.
//!
//! Cost: sentences are classified like claims (a sentence is its sequence of claim
//! classes, so wire copy repeated in hundreds of reports is scored once), and the
//! candidate index of `candidates` proposes only the pairs of sentence classes
//! that share enough term weight to reach the sentence threshold (0.6 by default).
//! [`links_all_pairs`] scores every pair of sentences: the oracle for the tests.

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use claimdiff_parser::{DateSource, Report};

use crate::candidates;
use crate::classes::ClaimClasses;
use crate::features::{ClaimFeatures, FeatureTable};
use crate::similarity;

/// An added agreement edge: flat claim positions `a < b` of different reports and
/// the similarity of their sentences (or the match threshold, when that is higher:
/// a linked pair counts as matched).
pub(crate) type Link = (u32, u32, f64);

/// The sentences of a comparison: runs of consecutive claims (in flat order) of
/// one report with the same sentence number.
struct Sentences {
    /// Flat claim positions of each sentence, in flat order.
    ranges: Vec<Range<usize>>,
    report: Vec<usize>,
}

fn sentences(table: &FeatureTable) -> Sentences {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut report = Vec::new();
    for i in 0..table.len() {
        let same = i > 0
            && table.refs[i - 1].report == table.refs[i].report
            && table.claims[i - 1].sentence == table.claims[i].sentence;
        match ranges.last_mut() {
            Some(last) if same => last.end = i + 1,
            _ => {
                ranges.push(i..i + 1);
                report.push(table.refs[i].report);
            }
        }
    }
    Sentences { ranges, report }
}

/// One claim of each class, in class order, as one report: built with
/// `features::Profile::Texts`, its features are the whole-text features of each
/// claim class.
pub(crate) fn distinct_claims(table: &FeatureTable, classes: &ClaimClasses) -> Report {
    Report {
        id: String::new(),
        source: String::new(),
        outlet: None,
        published: None,
        published_from: DateSource::Unknown,
        text: String::new(),
        sentences: Vec::new(),
        claims: (0..classes.len())
            .map(|class| table.claims[classes.representative(class)].clone())
            .collect(),
        live_entries: Vec::new(),
        diagnostics: Vec::new(),
    }
}

/// The whole-text features of a sentence: those of its claims' classes merged.
fn sentence_features(
    texts: &FeatureTable,
    classes: &ClaimClasses,
    range: Range<usize>,
) -> ClaimFeatures {
    let positions: Vec<usize> = classes.class_of[range]
        .iter()
        .map(|&c| c as usize)
        .collect();
    texts.merged(&positions)
}

/// What the decision for a pair of sentences works with.
struct Judge<'t> {
    /// The claim table (scores of claim pairs).
    claims: &'t FeatureTable<'t>,
    /// The whole-text features of each claim class (scores of sentences).
    texts: &'t FeatureTable<'t>,
    min_claim: f64,
    min_sentence: f64,
}

/// What a pair of sentences adds: the link similarity and the offsets `(i, j)`
/// within the two sentences of the claim pairs to link.
struct Decision {
    similarity: f64,
    offsets: Vec<(usize, usize)>,
}

impl Judge<'_> {
    /// Two sentences (their claims at `x` and `y`, their merged whole-text
    /// features `fx` and `fy`): when the sentences reach `min_sentence` and no claim
    /// pair reaches `min_claim`, the claim pairs tied for the best claim score.
    fn decide(
        &self,
        x: Range<usize>,
        y: Range<usize>,
        fx: &ClaimFeatures,
        fy: &ClaimFeatures,
    ) -> Option<Decision> {
        let sentence = similarity::score_features(self.texts, fx, fy).similarity;
        if sentence < self.min_sentence || sentence <= 0.0 {
            return None;
        }
        let mut best = f64::NEG_INFINITY;
        let mut offsets: Vec<(usize, usize)> = Vec::new();
        for a in x.clone() {
            for b in y.clone() {
                // The score is symmetric; it is computed in flat order as `compare`
                // does.
                let score = similarity::score(self.claims, a.min(b), a.max(b)).similarity;
                if score >= self.min_claim {
                    return None;
                }
                match score.total_cmp(&best) {
                    std::cmp::Ordering::Greater => {
                        best = score;
                        offsets.clear();
                        offsets.push((a - x.start, b - y.start));
                    }
                    std::cmp::Ordering::Equal => offsets.push((a - x.start, b - y.start)),
                    std::cmp::Ordering::Less => {}
                }
            }
        }
        // A linked pair counts as matched: as similar as the match threshold at
        // least, so that the groups' average linkage, held to that threshold,
        // accepts it.
        Some(Decision {
            similarity: sentence.max(self.min_claim),
            offsets,
        })
    }
}

/// The links `compare` adds, sentence class by sentence class (see the module
/// comment). `claims` is the claim table, `classes` classifies its claims and
/// `texts` holds the whole-text features of each class ([`distinct_claims`]).
/// Sorted by (a, b).
pub(crate) fn links(
    claims: &FeatureTable,
    texts: &FeatureTable,
    classes: &ClaimClasses,
    min_claim: f64,
    min_sentence: f64,
) -> Vec<Link> {
    if min_sentence > 1.0 || claims.len() == 0 {
        return Vec::new();
    }
    let sentences = sentences(claims);
    // Sentence classes: equal sequences of claim classes.
    let mut ids: FxHashMap<&[u32], usize> = FxHashMap::default();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (s, range) in sentences.ranges.iter().enumerate() {
        let key = &classes.class_of[range.clone()];
        let class = *ids.entry(key).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[class].push(s);
    }
    let only_report: Vec<Option<usize>> = members
        .iter()
        .map(|m| {
            let report = sentences.report[m[0]];
            m.iter()
                .all(|&s| sentences.report[s] == report)
                .then_some(report)
        })
        .collect();
    let range_of = |class: usize| sentences.ranges[members[class][0]].clone();
    let merged: Vec<ClaimFeatures> = (0..members.len())
        .into_par_iter()
        .map(|class| sentence_features(texts, classes, range_of(class)))
        .collect();
    let merged_refs: Vec<&ClaimFeatures> = merged.iter().collect();
    let mut class_pairs =
        candidates::indexed_pairs_of(texts, &merged_refs, min_sentence, &only_report);
    // Copies of one sentence in several reports pair with each other.
    class_pairs.extend(
        (0..members.len())
            .filter(|&c| only_report[c].is_none())
            .map(|c| (c, c)),
    );
    let judge = Judge {
        claims,
        texts,
        min_claim,
        min_sentence,
    };
    let decided: Vec<(usize, usize, Decision)> = class_pairs
        .par_iter()
        .filter_map(|&(x, y)| {
            judge
                .decide(range_of(x), range_of(y), &merged[x], &merged[y])
                .map(|decision| (x, y, decision))
        })
        .collect();
    let mut links: Vec<Link> = Vec::new();
    for (x, y, decision) in decided {
        for &s in &members[x] {
            for &t in &members[y] {
                if sentences.report[s] == sentences.report[t] || (x == y && s >= t) {
                    continue;
                }
                let (rs, rt) = (&sentences.ranges[s], &sentences.ranges[t]);
                for &(i, j) in &decision.offsets {
                    let (a, b) = (rs.start + i, rt.start + j);
                    links.push((a.min(b) as u32, a.max(b) as u32, decision.similarity));
                }
            }
        }
    }
    finish(links)
}

/// The same links from every pair of sentences of different reports: quadratic,
/// the oracle [`links`] is tested against.
pub(crate) fn links_all_pairs(
    claims: &FeatureTable,
    texts: &FeatureTable,
    classes: &ClaimClasses,
    min_claim: f64,
    min_sentence: f64,
) -> Vec<Link> {
    if min_sentence > 1.0 {
        return Vec::new();
    }
    let sentences = sentences(claims);
    let merged: Vec<ClaimFeatures> = sentences
        .ranges
        .par_iter()
        .map(|r| sentence_features(texts, classes, r.clone()))
        .collect();
    let n = sentences.ranges.len();
    let judge = Judge {
        claims,
        texts,
        min_claim,
        min_sentence,
    };
    let links: Vec<Link> = (0..n)
        .into_par_iter()
        .flat_map_iter(|s| {
            let mut found = Vec::new();
            for t in s + 1..n {
                if sentences.report[s] == sentences.report[t] {
                    continue;
                }
                let (rs, rt) = (&sentences.ranges[s], &sentences.ranges[t]);
                if let Some(decision) = judge.decide(rs.clone(), rt.clone(), &merged[s], &merged[t])
                {
                    for (i, j) in decision.offsets {
                        let (a, b) = (rs.start + i, rt.start + j);
                        found.push((a as u32, b as u32, decision.similarity));
                    }
                }
            }
            found
        })
        .collect();
    finish(links)
}

/// Sorted by (a, b), each pair once (a claim pair lies in one sentence pair, so
/// duplicates do not arise; this only makes the order certain).
fn finish(mut links: Vec<Link>) -> Vec<Link> {
    links.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(y.2.total_cmp(&x.2)));
    links.dedup_by_key(|l| (l.0, l.1));
    links
}

#[cfg(test)]
mod tests {
    use crate::testkit::*;
    use crate::{compare_all_pairs_with, compare_with, ClaimRef, MatchOptions};
    use claimdiff_parser::Report;

    /// Unrelated claims so that IDF has something to weigh.
    fn filler() -> Report {
        ReportBuilder::new("z")
            .claim("The central bank raised interest rates again")
            .claim("Heavy snow is expected over the weekend in the north")
            .claim("The football club announced a new manager")
            .build()
    }

    /// One sentence as the parser left it whole in one report and cut in two in
    /// the other: each piece holds only part of the whole claim.
    fn split_differently() -> Vec<Report> {
        vec![
            ReportBuilder::new("a")
                .claim("Floods hit Leeds on Friday and the council closed twelve schools")
                .place("Leeds")
                .build(),
            ReportBuilder::new("b")
                .claim("The council closed twelve schools in Leeds")
                .place("Leeds")
                .claim("as floods hit the city on Friday")
                .same_sentence()
                .build(),
            filler(),
        ]
    }

    fn options(min_similarity: f64, min_sentence_similarity: f64) -> MatchOptions {
        MatchOptions {
            min_similarity,
            min_sentence_similarity,
        }
    }

    fn grouped_together(
        reports: &[Report],
        options: &MatchOptions,
        x: ClaimRef,
        y: ClaimRef,
    ) -> bool {
        compare_with(reports, options).groups.iter().any(|g| {
            let has = |r: ClaimRef| g.members.iter().any(|m| m.claim == r);
            has(x) && has(y)
        })
    }

    const A: ClaimRef = ClaimRef {
        report: 0,
        claim: 0,
    };
    const B: ClaimRef = ClaimRef {
        report: 1,
        claim: 0,
    };

    #[test]
    fn a_paraphrase_split_differently_gets_one_group() {
        let reports = split_differently();
        // Strict claims: no piece matches the whole sentence on its own...
        let strict = options(0.9, 1.1);
        let without = compare_with(&reports, &strict);
        assert!(without.groups.is_empty(), "{:?}", without.groups);
        // ...but the sentences are one statement.
        let with = options(0.9, 0.6);
        let c = compare_with(&reports, &with);
        assert_eq!(c.stats.sentence_links, 1, "{c:?}");
        assert_eq!(c.groups.len(), 1);
        assert!(grouped_together(&reports, &with, A, B));
        // The member's similarity is the sentence similarity or the match threshold,
        // not the claim score.
        assert!(c.groups[0].members.iter().all(|m| m.similarity >= 0.9));
    }

    #[test]
    fn unrelated_sentences_are_not_linked() {
        let reports = vec![
            ReportBuilder::new("a")
                .claim("Floods hit Leeds on Friday and the council closed twelve schools")
                .place("Leeds")
                .build(),
            ReportBuilder::new("b")
                .claim("The council approved a new budget")
                .claim("as the mayor resigned on Friday")
                .same_sentence()
                .build(),
            filler(),
        ];
        for min_similarity in [0.25, 0.9] {
            let c = compare_with(&reports, &options(min_similarity, 0.6));
            assert_eq!(c.stats.sentence_links, 0);
            assert!(c.groups.is_empty(), "{:?}", c.groups);
        }
    }

    #[test]
    fn off_above_one_and_nothing_added_when_claims_already_match() {
        let reports = split_differently();
        let off = compare_with(&reports, &options(0.9, 1.1));
        assert_eq!(off.stats.sentence_links, 0);
        // At the default claim threshold a piece matches the whole: no link needed.
        let c = compare_with(&reports, &options(0.25, 0.6));
        assert_eq!(c.stats.sentence_links, 0);
        assert!(grouped_together(&reports, &options(0.25, 0.6), A, B));
    }

    /// Sentence classes and the sentence index give the links of every sentence
    /// pair, with copies of sentences across reports.
    #[test]
    fn index_and_all_pairs_give_the_same_links() {
        for seed in [3, 21, 99] {
            let mut reports = in_sentences(generated_reports(8, 30, seed), seed);
            let mut copy = reports[0].clone();
            copy.id = "r0-copy".to_string();
            reports.push(copy);
            for (min_similarity, min_sentence) in [(0.5, 0.4), (0.7, 0.5), (0.25, 0.6)] {
                let options = options(min_similarity, min_sentence);
                let indexed = compare_with(&reports, &options);
                let oracle = compare_all_pairs_with(&reports, &options);
                if min_similarity > 0.3 {
                    assert!(indexed.stats.sentence_links > 0, "{seed} {options:?}");
                }
                assert_eq!(indexed.stats.sentence_links, oracle.stats.sentence_links);
                assert_eq!(indexed.groups, oracle.groups, "{seed} {options:?}");
                assert_eq!(indexed.conflicts, oracle.conflicts);
                assert_eq!(indexed.unique, oracle.unique);
            }
        }
    }

    #[test]
    fn links_are_identical_for_one_and_two_threads() {
        let reports = in_sentences(generated_reports(10, 40, 5), 5);
        let options = options(0.5, 0.4);
        let on = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("thread pool")
                .install(|| compare_with(&reports, &options))
        };
        let one = on(1);
        assert!(one.stats.sentence_links > 0);
        assert_eq!(one, on(2));
    }
}
