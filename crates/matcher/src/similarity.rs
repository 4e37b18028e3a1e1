//! The similarity score of two claims, 0..1.
//!
//! Score = weighted Dice over the claims' terms (see `features`):
//!
//! ```text
//! similarity(a, b) = 2 * shared(a, b) / (W(a) + W(b))
//! ```
//!
//! where `W(x)` is the sum of the weights of x's terms (idf x kind boost) and
//! `shared` sums the weights of the terms both claims have: content stems and
//! predicates when equal, measures when equal, entities when two names filed under
//! the shared key really are one name ([`crate::tolerance::names_match`]), and the speaker likewise.
//! Values of slots (the numbers, the days, the negation, the speaker's words) are
//! not content terms, so two claims that disagree only on a value score high: the
//! conflict rules decide what the disagreement means. A value both claims state
//! (`v:` terms) or a measure both count (`m:`) is evidence that they report the
//! same thing, so it is added to `shared` and to both weights; one only one claim
//! has counts for nothing.
//!
//! `content_similarity` is the same formula over content and predicate terms only;
//! the entity rule uses it to ask "are these claims the same apart from the names?".

use crate::features::{is_attribution_term, ClaimFeatures, FeatureTable, TermKind};
use crate::tolerance::name_token_lists_match;

/// How alike two claims are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PairScore {
    pub similarity: f64,
    pub content_similarity: f64,
    /// The shared weight over the lighter claim's weight, leaving out who said it:
    /// 1 when everything the shorter claim states is in the other ("the blaze broke
    /// out at 10.40pm" inside "the fire broke out on Wednesday morning in Leeds").
    /// Speakers and "said" do not count, or a claim that is mostly its speaker
    /// would be contained in anything that person said.
    pub containment: f64,
    /// The same over content and predicate words only: how much of what the
    /// shorter claim says happened, leaving the names aside, the other also says.
    pub content_containment: f64,
    /// Both claims name the same one-off act (a conviction, an approval: see
    /// `lexicon::is_one_off_act`) and share a name: the same happening, however
    /// differently the rest is worded.
    pub same_act_and_name: bool,
    /// Both claims name the same one-off act, with or without a shared name.
    pub same_one_off_act: bool,
    /// Both claims name one person, place or organisation (name variants count).
    pub shares_name: bool,
}

fn dice(shared: f64, total_a: f64, total_b: f64) -> f64 {
    let total = total_a + total_b;
    if total > 0.0 && shared.is_finite() {
        (2.0 * shared / total).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// `part / whole` in 0..1, and 0 for an empty whole.
fn share(part: f64, whole: f64) -> f64 {
    if whole > 0.0 && part.is_finite() {
        (part / whole).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// Scores the claims at flat positions `a` and `b` of the table.
pub(crate) fn score(table: &FeatureTable, a: usize, b: usize) -> PairScore {
    score_features(table, &table.features[a], &table.features[b])
}

/// Scores two sets of features whose term ids come from `table`.
pub(crate) fn score_features(
    table: &FeatureTable,
    fa: &ClaimFeatures,
    fb: &ClaimFeatures,
) -> PairScore {
    let mut shared = 0.0;
    let mut shared_bonus = 0.0;
    let mut content_shared = 0.0;
    let mut core_shared = 0.0;
    let (mut same_act, mut same_name) = (false, false);
    for_each_shared_term(&fa.terms, &fb.terms, |id, weight| {
        let kind = table.term_kinds[id as usize];
        same_act |= table.one_off_acts[id as usize];
        if kind.is_bonus(table.profile) {
            shared_bonus += weight;
            return;
        }
        let attribution = is_attribution_term(kind, &table.term_names[id as usize]);
        let counts = match kind {
            TermKind::Content | TermKind::Predicate => {
                content_shared += weight;
                true
            }
            TermKind::Measure | TermKind::Value | TermKind::Function => true,
            TermKind::Entity => {
                let named_in_both = fa.entity_names.iter().any(|(ida, na)| {
                    *ida == id
                        && fb
                            .entity_names
                            .iter()
                            .any(|(idb, nb)| *idb == id && name_token_lists_match(na, nb))
                });
                same_name |= named_in_both;
                named_in_both
            }
            TermKind::Speaker => match (&fa.speaker_tokens, &fb.speaker_tokens) {
                (Some(x), Some(y)) => name_token_lists_match(x, y),
                _ => false,
            },
        };
        if counts {
            shared += weight;
            if !attribution {
                core_shared += weight;
            }
        }
    });
    // Attribution terms the other side lacks do not count against the pair when the
    // other side names no speaker (see `ClaimFeatures::attribution_weight`).
    if fb.speaker_tokens.is_none() || fa.speaker_tokens.is_none() {
        for_each_shared_term(&fa.terms, &fb.terms, |id, weight| {
            if is_attribution_term(
                table.term_kinds[id as usize],
                &table.term_names[id as usize],
            ) {
                shared -= weight;
            }
        });
        shared = shared.max(0.0);
    }
    // "CalMac says sailings will resume" and "CalMac ferries are expected to
    // resume": the speaker of one claim named in the other is a name both share,
    // as if the speaker's claim named it too.
    let speaker_a = speaker_named_in(fa, fb);
    let speaker_b = speaker_named_in(fb, fa);
    same_name |= speaker_a > 0.0 || speaker_b > 0.0;
    shared += speaker_a + speaker_b;
    core_shared += speaker_a + speaker_b;
    let (weight_a, weight_b) = (
        fa.weight_against(fb) + speaker_a,
        fb.weight_against(fa) + speaker_b,
    );
    let lighter = (fa.core_weight() + speaker_a).min(fb.core_weight() + speaker_b);
    let lighter_content = fa.content_weight.min(fb.content_weight);
    PairScore {
        similarity: dice(
            shared + shared_bonus,
            weight_a + shared_bonus,
            weight_b + shared_bonus,
        ),
        content_similarity: dice(content_shared, fa.content_weight, fb.content_weight),
        containment: share(core_shared, lighter),
        content_containment: share(content_shared, lighter_content),
        same_act_and_name: same_act && same_name,
        same_one_off_act: same_act,
        shares_name: same_name,
    }
}

/// The weight of the entity of `other` that names `speaker`'s speaker, when
/// neither `speaker` names it as an entity nor `other` as its speaker; else 0.
fn speaker_named_in(speaker: &ClaimFeatures, other: &ClaimFeatures) -> f64 {
    let Some(tokens) = &speaker.speaker_tokens else {
        return 0.0;
    };
    if other
        .speaker_tokens
        .as_ref()
        .is_some_and(|theirs| name_token_lists_match(tokens, theirs))
    {
        return 0.0; // shared as the speaker already
    }
    let Some((term, weight)) = speaker.speaker_entity else {
        return 0.0;
    };
    let names_speaker = other
        .entity_names
        .iter()
        .any(|(id, name)| *id == term && name_token_lists_match(tokens, name));
    let speaker_claim_files_it = speaker.entity_names.iter().any(|(id, _)| *id == term);
    if names_speaker && !speaker_claim_files_it {
        weight
    } else {
        0.0
    }
}

/// Calls `f(term, weight)` for each term id in both sorted lists.
pub(crate) fn for_each_shared_term(
    a: &[(u32, f64)],
    b: &[(u32, f64)],
    mut f: impl FnMut(u32, f64),
) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(a[i].0, a[i].1);
                i += 1;
                j += 1;
            }
        }
    }
}

/// Sum of the weights of the terms both claims have, names unchecked: an upper
/// bound of `shared` in the score, which the candidate filter relies on.
pub(crate) fn term_overlap(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let mut overlap = 0.0;
    for_each_shared_term(a, b, |_, w| overlap += w);
    overlap
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::build;
    use crate::testkit::*;
    use crate::thresholds::MATCH_THRESHOLD;
    use claimdiff_parser::{Approx, Report};

    /// Two reports plus a few unrelated claims so that IDF has something to weigh.
    fn pair(a: ReportBuilder, b: ReportBuilder) -> Vec<Report> {
        let filler = ReportBuilder::new("z")
            .claim("The central bank raised interest rates again")
            .claim("Heavy rain is expected over the weekend in the north")
            .claim("The football club announced a new manager")
            .build();
        vec![a.build(), b.build(), filler]
    }

    fn sim(reports: &[Report]) -> PairScore {
        let table = build(reports);
        let b = reports[0].claims.len();
        score(&table, 0, b)
    }

    #[test]
    fn conflicting_numbers_still_score_as_the_same_thing() {
        let reports = pair(
            ReportBuilder::new("a")
                .claim("Twelve people were killed in the missile strike on Kyiv")
                .place("Kyiv")
                .qty(count(
                    "Twelve",
                    12.0,
                    Approx::Exact,
                    "people",
                    Some("killed"),
                )),
            ReportBuilder::new("b")
                .claim("Fourteen people were killed in the missile strike on Kyiv")
                .place("Kyiv")
                .qty(count(
                    "Fourteen",
                    14.0,
                    Approx::Exact,
                    "people",
                    Some("killed"),
                )),
        );
        assert!((sim(&reports).similarity - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_shared_value_raises_the_score_and_a_different_one_does_not_lower_it() {
        let make = |id: &str, text: &str| ReportBuilder::new(id).claim(text);
        let plain = sim(&pair(
            make("a", "The mill employed workers in the valley"),
            make("b", "The mill employed workers near the river"),
        ))
        .similarity;
        let same = sim(&pair(
            make("a", "The mill employed 120 workers in the valley"),
            make("b", "The mill employed 120 workers near the river"),
        ))
        .similarity;
        let different = sim(&pair(
            make("a", "The mill employed 120 workers in the valley"),
            make("b", "The mill employed 150 workers near the river"),
        ))
        .similarity;
        assert!(same > plain, "{same} vs {plain}");
        assert!((different - plain).abs() < 1e-9, "{different} vs {plain}");
    }

    #[test]
    fn a_speaker_named_in_the_other_claim_is_a_shared_name() {
        let speaking = || {
            ReportBuilder::new("a")
                .claim("CalMac says sailings from Oban will resume on Monday")
                .speaker("CalMac")
                .place("Oban")
        };
        let naming = |body: &str| {
            ReportBuilder::new("b")
                .claim(&format!("{body} ferries are expected to resume tomorrow"))
                .org(body)
        };
        let same = sim(&pair(speaking(), naming("CalMac")));
        let other = sim(&pair(speaking(), naming("Stena")));
        assert!(same.shares_name && !other.shares_name, "{same:?} {other:?}");
        assert!(
            same.similarity > other.similarity + 0.1,
            "{same:?} {other:?}"
        );
    }

    #[test]
    fn paraphrase_with_synonym_verb_matches() {
        let reports = pair(
            ReportBuilder::new("a")
                .claim("Zelensky told reporters the talks with Trump were productive")
                .speaker("Zelensky")
                .person("Trump"),
            ReportBuilder::new("b")
                .claim("Volodymyr Zelenskyy said his talks with Donald Trump had been productive")
                .speaker("Volodymyr Zelenskyy")
                .person("Donald Trump"),
        );
        let s = sim(&reports);
        assert!(s.similarity >= MATCH_THRESHOLD, "{s:?}");
    }

    #[test]
    fn zelenska_does_not_count_as_zelenskyy() {
        let make = |name: &str| {
            ReportBuilder::new(name)
                .claim(&format!("{name} visited a children's hospital in Lviv"))
                .person(name)
                .place("Lviv")
        };
        let same = sim(&pair(make("Zelenskyy"), make("Zelensky"))).similarity;
        let other = sim(&pair(make("Zelenskyy"), make("Zelenska"))).similarity;
        assert!((same - 1.0).abs() < 1e-9);
        assert!(other < same - 0.1, "{other} vs {same}");
    }

    #[test]
    fn unrelated_claims_score_low() {
        let reports = pair(
            ReportBuilder::new("a").claim("Twelve people were killed in the missile strike"),
            ReportBuilder::new("b").claim("The football club announced a new manager"),
        );
        assert!(sim(&reports).similarity < 0.2);
    }

    #[test]
    fn empty_claims_score_zero() {
        let reports = pair(
            ReportBuilder::new("a").claim(""),
            ReportBuilder::new("b").claim(""),
        );
        let s = sim(&reports);
        assert_eq!((s.similarity, s.content_similarity), (0.0, 0.0));
    }
}
