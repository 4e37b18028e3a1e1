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
//! - `m:` the measures its numbers belong to ([`crate::tolerance::measure_key`]);
//! - `v:` the values it states (numbers as written in digits, and the value of each
//!   quantity): between claims, evidence only when both state the same value, never
//!   against a pair (see `similarity`), so that a disagreement on a value stays a
//!   matter for the conflict rules;
//! - `f:` function words, only when whole texts are compared (see [`Profile`]).
//!
//! Negation words are neither content nor stop words: they set the claim's
//! polarity, which the negation rule compares. Keeping them, the numbers, days and
//! the speaker's name out of the content means two claims that differ only in such
//! a value still score as being about the same thing.

use std::sync::OnceLock;

use claimdiff_parser::lexicon::{
    canonical_predicate, irregular_base, is_noun_lemma, is_one_off_act, phrasal_predicate,
};
use claimdiff_parser::{Claim, Dimension, Entity, Report, TimeValue};
use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::thresholds::{
    ENTITY_BOOST, FUNCTION_WORD_BOOST, MEASURE_BOOST, PREDICATE_BOOST, SPEAKER_BOOST, VALUE_BOOST,
};
use crate::tolerance::{
    is_comparable_measure, measure_key, name_key, name_tokens_match, quote_words, unit_key,
};
use crate::words::{
    fold, is_negation, is_slot_word, is_stop_word, name_tokens, us_spelling, words,
};
use crate::{superseded, ClaimRef};

/// Which comparison the terms are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Profile {
    /// Claims, as [`crate::compare`] matches them: a conflict check follows every
    /// match, so values, days and months are slots rather than content, a value
    /// only one claim states is no evidence against the pair, and names and
    /// measures weigh more than other words (see `thresholds`).
    Claims,
    /// Whole texts, as [`crate::report_similarity`] compares them: no conflict check
    /// follows, so everything a text states is content: values count whether
    /// shared or not; days, months and number words are words; names count through
    /// their words, each as much as any word (so "the Caribbean Sea" and "the
    /// Caribbean" share a word though not a name), with no whole-name or measure
    /// terms on top; and function words weigh a little (`FUNCTION_WORD_BOOST`), as
    /// the build of a sentence.
    Texts,
}

/// What a term stands for; decides its boost and how the score matches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TermKind {
    Content,
    Predicate,
    Entity,
    Speaker,
    Measure,
    Value,
    Function,
}

impl TermKind {
    fn of(term: &str) -> TermKind {
        match term.as_bytes().first() {
            Some(b'p') => TermKind::Predicate,
            Some(b'e') => TermKind::Entity,
            Some(b's') => TermKind::Speaker,
            Some(b'm') => TermKind::Measure,
            Some(b'v') => TermKind::Value,
            Some(b'f') => TermKind::Function,
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
            TermKind::Value => VALUE_BOOST,
            TermKind::Function => FUNCTION_WORD_BOOST,
        }
    }

    /// Content and predicate terms make up the "content" similarity.
    pub(crate) fn is_content(self) -> bool {
        matches!(self, TermKind::Content | TermKind::Predicate)
    }

    /// Values, between claims: evidence when both claims state one, never against
    /// a pair, since two different figures are for the conflict rules to judge.
    pub(crate) fn is_bonus(self, profile: Profile) -> bool {
        self == TermKind::Value && profile == Profile::Claims
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
    /// Weight of the bonus terms (see [`TermKind::is_bonus`]): counted only when the
    /// other claim has them too (see `similarity`).
    pub bonus_weight: f64,
    /// Name tokens of each entity with the id of the term it is filed under.
    pub entity_names: Vec<(u32, Vec<String>)>,
    /// Name tokens of each of the claim's entities, in the claim's order.
    pub entity_tokens: Vec<Vec<String>>,
    /// Name tokens of the speaker.
    pub speaker_tokens: Option<Vec<String>>,
    /// The entity term (id, weight) filed under the speaker's name, when some claim
    /// of the table names the speaker: a claim that names them shares that name
    /// with this one (see `similarity`), though this claim has no such term.
    pub speaker_entity: Option<(u32, f64)>,
    /// Measure key of each of the claim's quantities, in the claim's order.
    pub quantity_keys: Vec<String>,
    /// Folded words of the quotation, when the claim is one.
    pub quote_words: Vec<String>,
    /// Publication date of the claim's report, when known: what its days are
    /// past or still to come against.
    pub published: Option<chrono::NaiveDate>,
}

/// Features of every claim of a comparison, indexed by a flat claim position that
/// runs in `ClaimRef` order.
pub(crate) struct FeatureTable<'a> {
    pub refs: Vec<ClaimRef>,
    pub claims: Vec<&'a Claim>,
    pub features: Vec<ClaimFeatures>,
    pub term_kinds: Vec<TermKind>,
    /// Whether each term is a predicate naming a one-off act
    /// (`lexicon::is_one_off_act`), looked up once rather than per scored pair.
    pub one_off_acts: Vec<bool>,
    pub profile: Profile,
    /// Number of claims that have each term.
    pub doc_freq: Vec<u32>,
    /// The terms themselves ("w:flood", "e:zel"), for tests and debugging.
    #[allow(dead_code)]
    pub term_names: Vec<String>,
}

/// Speaker terms and "said": who stated a claim, not what it states.
pub(crate) fn is_attribution_term(kind: TermKind, name: &str) -> bool {
    kind == TermKind::Speaker || name == "p:say"
}

impl ClaimFeatures {
    /// The weight the score divides by when compared with `other`: without the
    /// attribution terms when `other` names no speaker.
    /// Bonus terms are left out here; the score adds back those both claims share.
    pub fn weight_against(&self, other: &ClaimFeatures) -> f64 {
        if other.speaker_tokens.is_none() {
            self.total_weight - self.attribution_weight - self.bonus_weight
        } else {
            self.total_weight - self.bonus_weight
        }
    }

    /// The smallest weight the score can divide by: what index bounds use.
    pub fn core_weight(&self) -> f64 {
        self.total_weight - self.attribution_weight - self.bonus_weight
    }
}

impl FeatureTable<'_> {
    pub fn len(&self) -> usize {
        self.refs.len()
    }

    /// Whether the claim at `i` names an act done once (`one_off_acts`).
    pub fn names_one_off_act(&self, i: usize) -> bool {
        self.features[i]
            .terms
            .iter()
            .any(|&(id, _)| self.one_off_acts[id as usize])
    }

    /// The features of several claims taken as one text: every term any of them
    /// has, once; names and speakers of all of them. For scoring whole reports.
    pub fn merged(&self, positions: &[usize]) -> ClaimFeatures {
        let mut terms: Vec<(u32, f64)> = positions
            .iter()
            .flat_map(|&i| self.features[i].terms.iter().copied())
            .collect();
        terms.sort_by_key(|&(id, _)| id);
        terms.dedup_by_key(|&mut (id, _)| id);
        let sum_of = |keep: &dyn Fn(u32) -> bool| -> f64 {
            terms
                .iter()
                .filter(|&&(id, _)| keep(id))
                .map(|&(_, w)| w)
                .sum()
        };
        let kind = |id: u32| self.term_kinds[id as usize];
        let total_weight = sum_of(&|_| true);
        let content_weight = sum_of(&|id| kind(id).is_content());
        let attribution_weight =
            sum_of(&|id| is_attribution_term(kind(id), &self.term_names[id as usize]));
        let bonus_weight = sum_of(&|id| kind(id).is_bonus(self.profile));
        let parts = || positions.iter().map(|&i| &self.features[i]);
        ClaimFeatures {
            total_weight,
            content_weight,
            attribution_weight,
            bonus_weight,
            entity_names: parts().flat_map(|f| f.entity_names.clone()).collect(),
            entity_tokens: parts().flat_map(|f| f.entity_tokens.clone()).collect(),
            speaker_tokens: parts().find_map(|f| f.speaker_tokens.clone()),
            speaker_entity: parts().find_map(|f| f.speaker_entity),
            quantity_keys: parts().flat_map(|f| f.quantity_keys.clone()).collect(),
            quote_words: parts().flat_map(|f| f.quote_words.clone()).collect(),
            published: parts().find_map(|f| f.published),
            terms,
        }
    }
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// What a folded word means for comparing claims: the lexicon's predicate when it
/// knows the word or its base form ("told" -> say, "defend" -> protect), else the
/// stem of its base form in American spelling ("skies" -> sky, "known" -> know,
/// "centre" -> center).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum WordMeaning {
    Predicate(&'static str),
    Stem(String),
}

impl WordMeaning {
    /// The similarity term: `p:` for a predicate, `w:` for a content stem.
    fn term(&self) -> String {
        match self {
            WordMeaning::Predicate(lemma) => format!("p:{lemma}"),
            WordMeaning::Stem(stem) => format!("w:{stem}"),
        }
    }
}

/// Pronouns that may stand between a phrasal verb and its particle.
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "it", "us", "me"];

pub(crate) fn word_meaning(word: &str) -> WordMeaning {
    meaning(word, |_| true)
}

/// The meaning of `word` after the word `previous`: "Police did not fire tear gas":
/// after a negation or an auxiliary the word is a verb, not the thing ("the fire")
/// its table entry names.
pub(crate) fn word_meaning_after(previous: Option<&str>, word: &str) -> WordMeaning {
    let in_verb_place = previous.is_some_and(opens_a_verb);
    meaning(word, |lemma| !(in_verb_place && is_noun_lemma(lemma)))
}

/// The lexicon predicate of `word` when `keep` accepts it, else its stem.
fn meaning(word: &str, keep: impl Fn(&str) -> bool) -> WordMeaning {
    let word = us_spelling(word);
    let base = irregular_base(&word).unwrap_or(&word);
    match canonical_predicate(&word)
        .or_else(|| canonical_predicate(base))
        .filter(|lemma| keep(lemma))
    {
        Some(lemma) => WordMeaning::Predicate(lemma),
        None => WordMeaning::Stem(latin_duce_stem(stemmer().stem(base).into_owned())),
    }
}

/// The stemmer leaves the verb and its "-uction" noun apart ("producing" ->
/// "produc", "production" -> "product"; "reduce"/"reduction"); one stem for both.
fn latin_duce_stem(mut stem: String) -> String {
    if stem.len() >= 6 && stem.ends_with("uct") {
        stem.pop();
    }
    stem
}

/// A claim's terms as strings, before weighting, for comparing claims. Sorted and
/// deduplicated.
#[cfg(test)]
pub(crate) fn claim_terms(claim: &Claim) -> Vec<String> {
    terms_for(claim, Profile::Claims)
}

/// The numbers written in digits in folded text, one per run of digits with inner
/// "." or "," ("8,983.80" is 8983.8, "737-700s" is 737 and 700).
fn digit_values(folded: &str) -> Vec<String> {
    let bytes = folded.as_bytes();
    let mut values = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || (matches!(bytes[i], b'.' | b',')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        let plain: String = folded[start..i].chars().filter(|&c| c != ',').collect();
        values.push(match plain.parse::<f64>() {
            Ok(value) => format!("v:{value}"),
            Err(_) => format!("v:{plain}"),
        });
    }
    values
}

/// The claim's entities but those named only in its trailing attribution (the
/// speaker, "The Sun" in "told The Sun"): who said it, and to whom, is the
/// speaker's slot, and a name counted as the speaker and again as an entity would
/// weigh twice. (The tail's words stay content: the roles and phrasing of an
/// attribution help find the same statement in other reports.)
fn stated_entities(claim: &Claim) -> impl Iterator<Item = &Entity> {
    let (stated, tail) = claim
        .text
        .split_at(claim.attribution_tail().unwrap_or(claim.text.len()));
    let (stated, tail) = (words(&fold(stated)), words(&fold(tail)));
    claim.entities.iter().filter(move |entity| {
        // By the last word of the name: the report may have completed "Pellow said"
        // to Graham Pellow.
        let tokens = name_tokens(&entity.name);
        let Some(last) = tokens.last() else {
            return true;
        };
        stated.contains(last) || !tail.contains(last)
    })
}

/// A word after which the next one is a verb: "not", a modal or "did" ("to" is
/// too often a preposition: "reported it to police").
fn opens_a_verb(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "never"
            | "did"
            | "didn't"
            | "does"
            | "doesn't"
            | "do"
            | "don't"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "must"
            | "should"
    )
}

/// A claim's terms as strings, for `profile`. Sorted and deduplicated.
fn terms_for(claim: &Claim, profile: Profile) -> Vec<String> {
    let texts = profile == Profile::Texts;
    let mut name_words: FxHashSet<String> = FxHashSet::default();
    for name in claim
        .entities
        .iter()
        .map(|e| e.name.as_str())
        .chain(claim.speaker.as_deref())
    {
        name_words.extend(name_tokens(name));
    }
    let speaker_words: Vec<String> = claim
        .speaker
        .as_deref()
        .map(name_tokens)
        .unwrap_or_default();
    let is_name_word =
        |w: &str| name_words.contains(w) || name_words.iter().any(|n| name_tokens_match(n, w));
    let is_speaker_word = |w: &str| {
        speaker_words
            .iter()
            .any(|n| n == w || name_tokens_match(n, w))
    };
    let folded = fold(&claim.text);
    let mut terms: Vec<String> = Vec::new();
    let folded_words = words(&folded);
    let mut phrasal_particle = None;
    for (i, word) in folded_words.iter().enumerate() {
        if phrasal_particle == Some(i) {
            phrasal_particle = None;
            continue;
        }
        // The particle may follow a one-word object: "found Pilling guilty",
        // "locked him up".
        let is_object = |w: &str| is_name_word(w) || OBJECT_PRONOUNS.contains(&w);
        let phrasal = (i + 1..=i + 2).find_map(|p| {
            let lemma = phrasal_predicate(word, folded_words.get(p)?)?;
            let between_are_objects = folded_words[i + 1..p].iter().all(|w| is_object(w));
            between_are_objects.then_some((p, lemma))
        });
        if let Some((particle_at, lemma)) = phrasal {
            // The phrasal verb stands for its lemma, written as the lemma itself
            // would be ("flipped over" meets "overturned").
            terms.push(word_meaning(lemma).term());
            phrasal_particle = Some(particle_at);
            continue;
        }
        let word = word.clone();
        // "No shots were fired at any point": "any" and a word of time only widen
        // a denial.
        let widens_a_denial = i > 0
            && folded_words[i - 1] == "any"
            && matches!(word.as_str(), "point" | "time" | "stage" | "moment");
        // "last night", "next Friday": the day the word points to is the time.
        let points_to_a_time = matches!(word.as_str(), "last" | "next")
            && folded_words.get(i + 1).is_some_and(|w| is_slot_word(w));
        if is_stop_word(&word) || widens_a_denial || points_to_a_time {
            if texts {
                terms.push(format!("f:{word}"));
            }
            continue;
        }
        let has_digit = word.chars().any(|c| c.is_ascii_digit());
        if word.len() < 2 || is_negation(&word) || has_digit || (!texts && is_slot_word(&word)) {
            continue;
        }
        // The speaker's words are attribution, not content.
        if is_name_word(&word) && (!texts || is_speaker_word(&word)) {
            continue;
        }
        // "at the back of the aircraft" backs nothing: after an article "back" is
        // the noun; and "in the dead of night" kills no one.
        let after_article = i > 0 && matches!(folded_words[i - 1].as_str(), "the" | "a");
        let before_of = folded_words.get(i + 1).is_some_and(|next| next == "of");
        // "runners were turned back", "she came back": after a verb in the past
        // "back" is its particle, no backing either.
        let after_past_verb = || {
            i > 0 && {
                let previous = folded_words[i - 1].as_str();
                previous.ends_with("ed")
                    || claimdiff_parser::lexicon::irregular_base(previous)
                        .is_some_and(|base| base != previous)
            }
        };
        let particle_back = word == "back" && (after_article || after_past_verb());
        if particle_back || (after_article && word == "dead" && before_of) {
            terms.push(format!("w:{word}"));
            continue;
        }
        // "unharmed" states "not hurt": the negation is the polarity's, the rest is
        // the word it denies.
        let previous = i.checked_sub(1).map(|p| folded_words[p].as_str());
        let meant = claimdiff_parser::lexicon::negated_word(previous, &word).unwrap_or(&word);
        terms.push(word_meaning_after(previous, meant).term());
    }
    // Texts count names through their words: the whole-name term would count
    // each name twice.
    if !texts {
        for entity in stated_entities(claim) {
            if let Some(key) = name_key(&entity.name) {
                terms.push(format!("e:{key}"));
            }
        }
    }
    if let Some(key) = claim.speaker.as_deref().and_then(name_key) {
        terms.push(format!("s:{key}"));
    }
    for quantity in &claim.quantities {
        let key = measure_key(quantity);
        // Texts have the words of the measure itself ("killed", "minutes").
        if is_comparable_measure(&key) && !texts {
            terms.push(format!("m:{key}"));
            // A named sum of money also meets the same sum left unnamed.
            if quantity.dimension == Dimension::Money && quantity.measure.is_some() {
                terms.push(format!("m:{}", unit_key(quantity)));
            }
        }
        if quantity.value.is_finite() {
            terms.push(format!("v:{}", quantity.value));
        }
    }
    // A clock time is one value however it is written ("10:40 p.m.", "10.40pm"),
    // not the numbers its digits spell.
    let mut unread = folded.clone();
    for time in &claim.times {
        if let TimeValue::Clock(minutes) = time.value {
            terms.push(format!("v:clock:{minutes}"));
            unread = unread.replace(&fold(&time.text), " ");
        }
        if let TimeValue::Date { date, .. } = time.value {
            terms.push(format!("v:date:{date}"));
        }
    }
    // Numbers the parser did not read as a quantity (years, prices, scores) are
    // values too.
    terms.extend(digit_values(&unread));
    terms.sort();
    terms.dedup();
    terms
}

/// Builds the features of every claim of every report (in parallel) for comparing
/// claims, then weights terms by inverse document frequency over all claims:
/// idf = ln(1 + N / df).
pub(crate) fn build(reports: &[Report]) -> FeatureTable<'_> {
    build_for(reports, Profile::Claims)
}

/// [`build`] with the terms of `profile`.
pub(crate) fn build_for(reports: &[Report], profile: Profile) -> FeatureTable<'_> {
    let mut refs = Vec::new();
    let mut claims = Vec::new();
    let mut published = Vec::new();
    for (r, report) in reports.iter().enumerate() {
        for (c, claim) in report.claims.iter().enumerate() {
            refs.push(ClaimRef {
                report: r,
                claim: c,
            });
            claims.push(claim);
            published.push(report.published);
        }
    }
    let raw: Vec<Vec<String>> = claims.par_iter().map(|c| terms_for(c, profile)).collect();

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

    // A figure its own report has corrected is filed apart (see `superseded`).
    let superseded: Vec<Vec<bool>> = reports
        .par_iter()
        .flat_map_iter(superseded::superseded_quantities)
        .collect();
    let features = claims
        .par_iter()
        .zip(raw.par_iter().zip(raw_ids.par_iter()))
        .zip(superseded.par_iter().zip(published.par_iter()))
        .map(|((claim, (terms, term_ids)), (superseded, &published))| {
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
                    is_attribution_term(term_kinds[id as usize], &term_names[id as usize])
                })
                .map(|&(_, w)| w)
                .sum();
            let bonus_weight = weighted
                .iter()
                .filter(|&&(id, _)| term_kinds[id as usize].is_bonus(profile))
                .map(|&(_, w)| w)
                .sum();
            // The entities `terms_for` kept (see `stated_entities`) are those with a
            // term.
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
                bonus_weight,
                entity_names,
                entity_tokens: claim
                    .entities
                    .iter()
                    .map(|e| name_tokens(&e.name))
                    .collect(),
                speaker_tokens: claim.speaker.as_deref().map(name_tokens),
                speaker_entity: claim
                    .speaker
                    .as_deref()
                    .and_then(name_key)
                    .and_then(|key| ids.get(format!("e:{key}").as_str()))
                    .map(|&id| (id, weights[id as usize])),
                quantity_keys: claim
                    .quantities
                    .iter()
                    .zip(superseded)
                    .map(|(q, &superseded)| match superseded {
                        true => superseded::SUPERSEDED_MEASURE.to_string(),
                        false => measure_key(q),
                    })
                    .collect(),
                quote_words: claim.quote.as_deref().map(quote_words).unwrap_or_default(),
                published,
            }
        })
        .collect();

    let one_off_acts = term_names
        .iter()
        .map(|name| name.strip_prefix("p:").is_some_and(is_one_off_act))
        .collect();
    FeatureTable {
        refs,
        claims,
        features,
        term_kinds,
        one_off_acts,
        profile,
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
    fn back_after_an_article_is_the_noun() {
        let terms = |text: &str| terms_of(&ReportBuilder::new("a").claim(text).build());
        assert!(terms("Crew spotted smoke at the back").contains(&"w:back".to_string()));
        assert!(terms("The Greens did not back the package").contains(&"p:approve".to_string()));
        assert!(!terms("Runners were turned back at halfway").contains(&"p:approve".to_string()));
        assert!(!terms("The crowd came back at noon").contains(&"p:approve".to_string()));
    }

    #[test]
    fn the_dead_of_night_is_no_death() {
        let terms = |text: &str| terms_of(&ReportBuilder::new("a").claim(text).build());
        let night = terms("The volcano blew its top in the dead of night");
        assert!(night.contains(&"w:dead".to_string()), "{night:?}");
        assert!(!night.iter().any(|t| t.starts_with("p:")), "{night:?}");
        assert!(terms("Three people are dead").contains(&"p:kill".to_string()));
    }

    #[test]
    fn a_thing_named_in_a_verbs_place_is_the_verb() {
        let terms = |text: &str| terms_of(&ReportBuilder::new("a").claim(text).build());
        let fired = terms("Police fired tear gas");
        assert!(fired.contains(&"w:fire".to_string()), "{fired:?}");
        assert_eq!(terms("Police did not fire tear gas"), fired);
        // The blaze is still the blaze, and police told are still the police.
        assert!(terms("The fire destroyed the mill").contains(&"p:fire".to_string()));
        assert!(terms("She reported it to police").contains(&"p:police".to_string()));
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
        let without_values = |r: &Report| -> Vec<String> {
            terms_of(r)
                .into_iter()
                .filter(|t| !t.starts_with("v:"))
                .collect()
        };
        assert_eq!(without_values(&a), without_values(&b));
        assert!(terms_of(&a).contains(&"m:killed".to_string()));
        assert!(terms_of(&a).contains(&"v:12".to_string()));
        // The words that only write a time ("o'clock", "last night") are no
        // content either; "last" before anything else is.
        let terms = |text: &str| terms_of(&ReportBuilder::new("a").claim(text).build());
        let clock = terms("It reopened at 9 o'clock last night");
        assert!(
            !clock.iter().any(|t| t == "w:o'clock" || t == "w:last"),
            "{clock:?}"
        );
        assert!(terms("The runway was last ploughed at dawn").contains(&"w:last".to_string()));
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
    fn digit_runs_are_read_as_whole_numbers() {
        assert_eq!(
            digit_values("closed at 8,983.80; 737-700s, 1.6 million."),
            vec!["v:8983.8", "v:737", "v:700", "v:1.6"]
        );
    }

    #[test]
    fn a_verb_and_its_noun_share_a_meaning() {
        for (verb, noun) in [("producing", "production"), ("reduced", "reduction")] {
            assert_eq!(word_meaning(verb), word_meaning(noun), "{verb}");
        }
        assert_ne!(word_meaning("product"), word_meaning("protect"));
    }

    #[test]
    fn a_phrasal_verb_is_written_as_its_lemma() {
        let terms = |text: &str| terms_of(&ReportBuilder::new("a").claim(text).build());
        // "overturned" is a predicate of the lexicon, and so is "flipped over".
        assert!(terms("The front carriage flipped over").contains(&"p:overturn".to_string()));
        assert!(terms("The front carriage overturned").contains(&"p:overturn".to_string()));
        assert!(terms("Police ruled out sabotage").contains(&"w:exclud".to_string()));
        // The particle alone is not the phrasal verb.
        assert!(!terms("The talks are over").contains(&"w:overturn".to_string()));
        // A pronoun or a name may stand between the verb and its particle.
        let convicted = terms("A jury convicted him");
        let found = |text: &str| {
            let claim = ReportBuilder::new("a")
                .claim(text)
                .person("Ann Hale")
                .build();
            terms_of(&claim)
        };
        assert!(convicted.iter().all(|t| !t.contains("guilti")));
        for text in ["A jury found him guilty", "A jury found Hale guilty"] {
            let terms = found(text);
            assert!(terms
                .iter()
                .any(|t| convicted.contains(t) && t.starts_with("p:")));
            assert!(!terms.iter().any(|t| t.contains("guilti")), "{text}");
        }
        assert!(found("A jury found the driver guilty")
            .iter()
            .any(|t| t.contains("guilti")));
    }

    #[test]
    fn a_day_is_one_value_however_written() {
        let tuesday = TimeValue::Date {
            date: chrono::NaiveDate::from_ymd_opt(2025, 6, 10).unwrap(),
            weekday_named: true,
        };
        for (text, written) in [
            ("The attack was detected early on Tuesday", "Tuesday"),
            ("The attack was detected early on 10 June", "10 June"),
        ] {
            let report = ReportBuilder::new("a")
                .claim(text)
                .time(tuesday.clone(), written)
                .build();
            let terms = terms_of(&report);
            assert!(
                terms.contains(&"v:date:2025-06-10".to_string()),
                "{terms:?}"
            );
        }
    }

    #[test]
    fn a_clock_time_is_one_value_however_written() {
        let terms = |text: &str, written: &str| {
            let report = ReportBuilder::new("a")
                .claim(text)
                .time(TimeValue::Clock(22 * 60 + 40), written)
                .build();
            terms_of(&report)
        };
        let colon = terms("The blaze broke out at about 10:40 p.m.", "10:40 p.m.");
        let dot = terms("The fire started at about 10.40pm", "10.40pm");
        for terms in [&colon, &dot] {
            assert!(terms.contains(&"v:clock:1360".to_string()), "{terms:?}");
            assert!(terms.contains(&"p:start".to_string()), "{terms:?}");
            assert!(
                !terms.iter().any(|t| t == "v:10" || t == "v:10.4"),
                "{terms:?}"
            );
        }
    }

    #[test]
    fn texts_keep_function_words_days_and_name_words() {
        let report = ReportBuilder::new("a")
            .claim("The storm reached the Caribbean Sea on Friday")
            .place("Caribbean Sea")
            .build();
        let claims = terms_for(&report.claims[0], Profile::Claims);
        let texts = terms_for(&report.claims[0], Profile::Texts);
        assert!(claims.contains(&"e:sea".to_string()));
        assert!(!claims.iter().any(|t| t == "f:the" || t == "w:friday"));
        for term in ["f:the", "w:friday", "w:caribbean", "w:sea"] {
            assert!(texts.contains(&term.to_string()), "{term} in {texts:?}");
        }
        assert!(!texts.iter().any(|t| t.starts_with("e:")));
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
