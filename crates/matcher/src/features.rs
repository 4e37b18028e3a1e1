//! Per-claim features: the weighted terms the index and the score work on.
//!
//! A claim becomes a set of terms, each with an IDF weight times a boost for its
//! kind:
//! - `w:` content words: folded (deunicode, lower case), stop words, slot words
//!   (numbers, days, months, units of time) and the words of names removed,
//!   Porter2-stemmed;
//! - `p:` predicates: verbs the parser's lexicon folds ("told" -> `say`);
//! - `e:` named entities and `s:` the speaker, filed under a name key that all
//!   spellings of a name share ([`crate::tolerance::name_key`]);
//! - `m:` the measures its numbers belong to ([`crate::tolerance::measure_key`]).
//!
//! Negation words are neither content nor stop words: they set the claim's
//! polarity, which the negation rule compares. Keeping them, the numbers, days and
//! the speaker's name out of the content means two claims that differ only in such
//! a value still score as being about the same thing.

use std::sync::OnceLock;

use claimdiff_parser::lexicon::{canonical_predicate, irregular_base};
use claimdiff_parser::{Claim, Report};
use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::thresholds::{ENTITY_BOOST, MEASURE_BOOST, PREDICATE_BOOST, SPEAKER_BOOST};
use crate::tolerance::{
    is_comparable_measure, measure_key, name_key, name_tokens_match, quote_words,
};
use crate::words::{
    fold, is_negation, is_slot_word, is_stop_word, name_tokens, us_spelling, words,
};
use crate::ClaimRef;

/// What a term stands for; decides its boost and how the score matches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TermKind {
    Content,
    Predicate,
    Entity,
    Speaker,
    Measure,
}

impl TermKind {
    fn of(term: &str) -> TermKind {
        match term.as_bytes().first() {
            Some(b'p') => TermKind::Predicate,
            Some(b'e') => TermKind::Entity,
            Some(b's') => TermKind::Speaker,
            Some(b'm') => TermKind::Measure,
            _ => TermKind::Content,
        }
    }

    fn boost(self) -> f64 {
        match self {
            TermKind::Content => 1.0,
            TermKind::Predicate => PREDICATE_BOOST,
            TermKind::Entity => ENTITY_BOOST,
            TermKind::Speaker => SPEAKER_BOOST,
            TermKind::Measure => MEASURE_BOOST,
        }
    }

    /// Content and predicate terms make up the "content" similarity.
    pub(crate) fn is_content(self) -> bool {
        matches!(self, TermKind::Content | TermKind::Predicate)
    }
}

/// The features of one claim.
#[derive(Debug, Clone)]
pub(crate) struct ClaimFeatures {
    /// (term id, weight), sorted by term id, each term once.
    pub terms: Vec<(u32, f64)>,
    /// Sum of all term weights.
    pub total_weight: f64,
    /// Sum of content and predicate term weights.
    pub content_weight: f64,
    /// Weight of the attribution terms (speaker, "say" predicate): an outlet that
    /// states a fact itself and one that cites a source for it state the same fact,
    /// so these terms are left out of the score when the other claim has no speaker.
    pub attribution_weight: f64,
    /// Name tokens of each entity with the id of the term it is filed under.
    pub entity_names: Vec<(u32, Vec<String>)>,
    /// Name tokens of each of the claim's entities, in the claim's order.
    pub entity_tokens: Vec<Vec<String>>,
    /// Name tokens of the speaker.
    pub speaker_tokens: Option<Vec<String>>,
    /// Measure key of each of the claim's quantities, in the claim's order.
    pub quantity_keys: Vec<String>,
    /// Folded words of the quotation, when the claim is one.
    pub quote_words: Vec<String>,
}

/// Features of every claim of a comparison, indexed by a flat claim position that
/// runs in `ClaimRef` order.
pub(crate) struct FeatureTable<'a> {
    pub refs: Vec<ClaimRef>,
    pub claims: Vec<&'a Claim>,
    pub features: Vec<ClaimFeatures>,
    pub term_kinds: Vec<TermKind>,
    /// Number of claims that have each term.
    pub doc_freq: Vec<u32>,
    /// The terms themselves ("w:flood", "e:zel"), for tests and debugging.
    #[allow(dead_code)]
    pub term_names: Vec<String>,
}

impl ClaimFeatures {
    /// The weight the score divides by when compared with `other`: without the
    /// attribution terms when `other` names no speaker.
    pub fn weight_against(&self, other: &ClaimFeatures) -> f64 {
        if other.speaker_tokens.is_none() {
            self.total_weight - self.attribution_weight
        } else {
            self.total_weight
        }
    }

    /// The smallest weight the score can divide by: what index bounds use.
    pub fn core_weight(&self) -> f64 {
        self.total_weight - self.attribution_weight
    }
}

impl FeatureTable<'_> {
    pub fn len(&self) -> usize {
        self.refs.len()
    }
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// A claim's terms as strings, before weighting. Sorted and deduplicated.
pub(crate) fn claim_terms(claim: &Claim) -> Vec<String> {
    let mut name_words: FxHashSet<String> = FxHashSet::default();
    for name in claim
        .entities
        .iter()
        .map(|e| e.name.as_str())
        .chain(claim.speaker.as_deref())
    {
        name_words.extend(name_tokens(name));
    }
    let is_name_word =
        |w: &str| name_words.contains(w) || name_words.iter().any(|n| name_tokens_match(n, w));
    let mut terms: Vec<String> = Vec::new();
    for word in words(&fold(&claim.text)) {
        if word.len() < 2
            || is_negation(&word)
            || is_stop_word(&word)
            || is_slot_word(&word)
            || is_name_word(&word)
        {
            continue;
        }
        let word = us_spelling(&word);
        let base = irregular_base(&word).unwrap_or(&word);
        match canonical_predicate(&word).or_else(|| canonical_predicate(base)) {
            Some(lemma) => terms.push(format!("p:{lemma}")),
            None => terms.push(format!("w:{}", stemmer().stem(base))),
        }
    }
    for entity in &claim.entities {
        if let Some(key) = name_key(&entity.name) {
            terms.push(format!("e:{key}"));
        }
    }
    if let Some(key) = claim.speaker.as_deref().and_then(name_key) {
        terms.push(format!("s:{key}"));
    }
    for quantity in &claim.quantities {
        let key = measure_key(quantity);
        if is_comparable_measure(&key) {
            terms.push(format!("m:{key}"));
        }
    }
    terms.sort();
    terms.dedup();
    terms
}

/// Builds the features of every claim of every report (in parallel), then weights
/// terms by inverse document frequency over all claims: idf = ln(1 + N / df).
pub(crate) fn build(reports: &[Report]) -> FeatureTable<'_> {
    let mut refs = Vec::new();
    let mut claims = Vec::new();
    for (r, report) in reports.iter().enumerate() {
        for (c, claim) in report.claims.iter().enumerate() {
            refs.push(ClaimRef {
                report: r,
                claim: c,
            });
            claims.push(claim);
        }
    }
    let raw: Vec<Vec<String>> = claims.par_iter().map(|c| claim_terms(c)).collect();

    // Intern terms in claim order, so ids do not depend on the thread count.
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut term_kinds = Vec::new();
    let mut doc_freq: Vec<u32> = Vec::new();
    let mut term_names: Vec<String> = Vec::new();
    let raw_ids: Vec<Vec<u32>> = raw
        .iter()
        .map(|terms| {
            terms
                .iter()
                .map(|t| {
                    let id = *ids.entry(t.as_str()).or_insert_with(|| {
                        term_kinds.push(TermKind::of(t));
                        term_names.push(t.clone());
                        doc_freq.push(0);
                        (doc_freq.len() - 1) as u32
                    });
                    doc_freq[id as usize] += 1;
                    id
                })
                .collect()
        })
        .collect();

    let n = claims.len().max(1) as f64;
    let weights: Vec<f64> = doc_freq
        .iter()
        .zip(&term_kinds)
        .map(|(&df, kind)| (1.0 + n / f64::from(df.max(1))).ln() * kind.boost())
        .collect();

    let features = claims
        .par_iter()
        .zip(raw.par_iter().zip(raw_ids.par_iter()))
        .map(|(claim, (terms, term_ids))| {
            let mut weighted: Vec<(u32, f64)> = term_ids
                .iter()
                .map(|&id| (id, weights[id as usize]))
                .collect();
            weighted.sort_by_key(|&(id, _)| id);
            let total_weight = weighted.iter().map(|&(_, w)| w).sum();
            let content_weight = weighted
                .iter()
                .filter(|&&(id, _)| term_kinds[id as usize].is_content())
                .map(|&(_, w)| w)
                .sum();
            let attribution_weight = weighted
                .iter()
                .filter(|&&(id, _)| {
                    term_kinds[id as usize] == TermKind::Speaker
                        || term_names[id as usize] == "p:say"
                })
                .map(|&(_, w)| w)
                .sum();
            let entity_names = claim
                .entities
                .iter()
                .filter_map(|e| {
                    let term = format!("e:{}", name_key(&e.name)?);
                    let pos = terms.iter().position(|t| *t == term)?;
                    Some((term_ids[pos], name_tokens(&e.name)))
                })
                .collect();
            ClaimFeatures {
                terms: weighted,
                total_weight,
                content_weight,
                attribution_weight,
                entity_names,
                entity_tokens: claim
                    .entities
                    .iter()
                    .map(|e| name_tokens(&e.name))
                    .collect(),
                speaker_tokens: claim.speaker.as_deref().map(name_tokens),
                quantity_keys: claim.quantities.iter().map(measure_key).collect(),
                quote_words: claim.quote.as_deref().map(quote_words).unwrap_or_default(),
            }
        })
        .collect();

    FeatureTable {
        refs,
        claims,
        features,
        term_kinds,
        doc_freq,
        term_names,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use claimdiff_parser::Approx;

    fn terms_of(report: &Report) -> Vec<String> {
        claim_terms(&report.claims[0])
    }

    #[test]
    fn slot_values_stay_out_of_the_content() {
        let a = ReportBuilder::new("a")
            .claim("Twelve people were killed in the attack on Thursday")
            .qty(count(
                "Twelve",
                12.0,
                Approx::Exact,
                "people",
                Some("killed"),
            ))
            .build();
        let b = ReportBuilder::new("b")
            .claim("14 people were killed in the attack on Friday")
            .qty(count("14", 14.0, Approx::Exact, "people", Some("killed")))
            .build();
        assert_eq!(terms_of(&a), terms_of(&b));
        assert!(terms_of(&a).contains(&"m:killed".to_string()));
    }

    #[test]
    fn negations_and_speaker_names_stay_out_of_the_content() {
        let a = ReportBuilder::new("a")
            .claim("Merz said Germany discussed the tariffs")
            .speaker("Friedrich Merz")
            .build();
        let b = ReportBuilder::new("b")
            .claim("Germany did not discuss the tariffs, Mr Merz told reporters")
            .speaker("Merz")
            .negative()
            .build();
        let (ta, tb) = (terms_of(&a), terms_of(&b));
        assert!(ta.contains(&"p:discuss".to_string()));
        assert!(ta.contains(&"s:mer".to_string()));
        assert!(!tb.iter().any(|t| t.contains("not") || t.contains("merz")));
        // "told" and "said" fold to one predicate.
        assert!(ta.contains(&"p:say".to_string()) && tb.contains(&"p:say".to_string()));
    }

    #[test]
    fn idf_weights_rare_terms_higher() {
        let reports = vec![
            ReportBuilder::new("a")
                .claim("Floods hit Leeds")
                .claim("Floods closed schools")
                .build(),
            ReportBuilder::new("b").claim("Floods closed roads").build(),
        ];
        let table = build(&reports);
        let weight = |claim: usize, term: &str| {
            table.features[claim]
                .terms
                .iter()
                .find(|&&(id, _)| table.term_names[id as usize] == term)
                .map(|&(_, w)| w)
                .unwrap()
        };
        assert!(weight(1, "w:school") > weight(1, "w:flood"));
        assert_eq!(table.doc_freq.iter().max(), Some(&3));
    }

    #[test]
    fn empty_input_builds_an_empty_table() {
        let table = build(&[]);
        assert_eq!(table.len(), 0);
        let empty = vec![ReportBuilder::new("a").claim("").build()];
        let table = build(&empty);
        assert_eq!(table.features[0].total_weight, 0.0);
    }
}
