//! Polarity (did / did not) and modality (asserted, hedged, future, conditional)
//! of a claim, from cue words.

use crate::model::{Approx, Modality, Polarity, Quantity};
use crate::text::Word;

/// Words that negate what a claim states.
const NEGATIONS: &[&str] = &[
    "not", "never", "no", "zero", "nobody", "nothing", "none", "neither", "nor", "cannot",
    "denied", "denies", "deny", "denying", "refused", "refuses", "declined", "declines",
];

/// Whether a lower-case word is a negation cue ("not", "never", "denied").
pub(crate) fn is_negation_word(lower: &str) -> bool {
    NEGATIONS.contains(&lower)
}

const HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "reportedly",
    "allegedly",
    "apparently",
    "possibly",
    "probably",
    "likely",
    "unlikely",
    "believed",
    "feared",
    "thought",
    "understood",
    "suspected",
    "presumed",
    "appears",
    "appeared",
    "seems",
    "seemed",
    "unconfirmed",
    "purportedly",
    "rumoured",
    "rumored",
    "estimated",
];

const FUTURE: &[&str] = &["will", "shall", "won't", "'ll", "would", "tomorrow"];

/// Negative when a negation cue occurs outside the idioms that do not negate.
pub(crate) fn polarity(words: &[Word]) -> Polarity {
    let lowers: Vec<String> = words.iter().map(Word::lower).collect();
    for (index, word) in lowers.iter().enumerate() {
        let next = lowers.get(index + 1).map(String::as_str);
        let negates = (NEGATIONS.contains(&word.as_str())
            || word.ends_with("n't")
            || word.ends_with("n’t")
            || crate::lexicon::negated_word(previous_word(&lowers, index), word).is_some())
            && !(word == "not" && matches!(next, Some("only")))
            && !(word == "no" && matches!(next, Some("doubt")))
            // "These traffickers are nothing but murderers": only that.
            && !(word == "nothing" && matches!(next, Some("but" | "short")))
            && !delays_until_at(&lowers, index)
            || rejects_a_claim_at(&lowers, index)
            || is_yet_to_at(&lowers, index)
            || is_far_from_at(&lowers, index)
            || next.is_some_and(|next| crate::lexicon::refuses_the_act_after(word, next))
            || crate::lexicon::after_stopping_short(&lowers, index).is_some();
        // "Passengers who were not hurt were taken to a rest centre": the negation
        // is the relative clause's; the claim itself is not denied.
        let in_relative_clause = lowers[index.saturating_sub(3)..index]
            .iter()
            .any(|w| matches!(w.as_str(), "who" | "which" | "whose" | "whom"))
            && index >= 2;
        if negates && !in_relative_clause {
            return Polarity::Negative;
        }
    }
    Polarity::Positive
}

/// "The reading is yet to be confirmed", "the agency has yet to confirm it": not
/// done so far, a denial like "has not yet confirmed".
fn is_yet_to_at(lowers: &[String], index: usize) -> bool {
    let before = index.checked_sub(1).map(|b| lowers[b].as_str());
    lowers[index] == "yet"
        && lowers.get(index + 1).is_some_and(|next| next == "to")
        && matches!(
            before,
            Some("is" | "are" | "was" | "were" | "has" | "have" | "had" | "remains" | "remain")
        )
}

/// "It did not reopen until 9 p.m.", "wasn't found until dawn": "not ... until"
/// says when a thing happened, which is a time, not a denial that it did.
fn delays_until_at(lowers: &[String], index: usize) -> bool {
    let word = lowers[index].as_str();
    let plain_not = word == "not" || word.ends_with("n't") || word.ends_with("n’t");
    plain_not
        && lowers
            .iter()
            .skip(index + 1)
            .take(4)
            .any(|w| w == "until" || w == "till")
}

fn previous_word(lowers: &[String], index: usize) -> Option<&str> {
    index.checked_sub(1).map(|p| lowers[p].as_str())
}

/// "rejected claims that it had ignored warnings", "dismissed suggestions that":
/// rejecting what others claim is denying it, as "denied that" is.
fn rejects_a_claim_at(lowers: &[String], index: usize) -> bool {
    const REJECTING: &[&str] = &[
        "rejected",
        "rejects",
        "reject",
        "rejecting",
        "dismissed",
        "dismisses",
        "dismiss",
        "dismissing",
        "disputed",
        "disputes",
        "refuted",
        "refutes",
        "rebutted",
    ];
    const CLAIMS: &[&str] = &[
        "claim",
        "claims",
        "suggestion",
        "suggestions",
        "allegation",
        "allegations",
        "accusation",
        "accusations",
        "report",
        "reports",
        "criticism",
        "charge",
        "charges",
        "speculation",
        "assertion",
        "assertions",
    ];
    let at = |k: usize| lowers.get(k).map(String::as_str);
    if !REJECTING.contains(&lowers[index].as_str()) {
        return false;
    }
    // "rejected the claim that", "dismissed any suggestion that".
    let noun = match at(index + 1) {
        Some("the" | "any" | "all") => index + 2,
        _ => index + 1,
    };
    at(noun).is_some_and(|w| CLAIMS.contains(&w)) && at(noun + 1) == Some("that")
}

/// "far from unanimous", "far from over": not so. "far from home", "far from the
/// scene" say where.
fn is_far_from_at(lowers: &[String], index: usize) -> bool {
    const PLACES: &[&str] = &[
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "home", "here",
        "there", "where", "it", "them", "him", "us", "me",
    ];
    lowers[index] == "far"
        && lowers.get(index + 1).is_some_and(|w| w == "from")
        && lowers
            .get(index + 2)
            .is_some_and(|w| w.chars().all(|c| c.is_alphabetic()) && !PLACES.contains(&w.as_str()))
}

/// Modality from cue words, an anonymous source and approximate numbers.
pub(crate) fn modality(
    words: &[Word],
    anonymous_source: bool,
    quantities: &[Quantity],
) -> Modality {
    let lowers: Vec<String> = words.iter().map(Word::lower).collect();
    let has = |cues: &[&str]| lowers.iter().any(|w| cues.contains(&w.as_str()));
    let approximate = quantities.iter().any(|q| q.approx == Approx::About);
    if anonymous_source || has(HEDGES) || approximate {
        return Modality::Hedged;
    }
    let conditional = lowers.iter().enumerate().any(|(index, word)| {
        let next = lowers.get(index + 1).map(String::as_str);
        let previous = index.checked_sub(1).map(|i| lowers[i].as_str());
        (word == "if"
            && !matches!(next, Some("any" | "so" | "not"))
            && !matches!(previous, Some("as" | "even")))
            || word == "unless"
    });
    if conditional {
        return Modality::Conditional;
    }
    let planned = lowers
        .windows(2)
        .any(|pair| crate::lexicon::aims_at_the_act_after(&pair[0], &pair[1]))
        || lowers.windows(2).any(|pair| {
            pair[0] == "next"
                && matches!(
                    pair[1].as_str(),
                    "week"
                        | "month"
                        | "year"
                        | "spring"
                        | "summer"
                        | "autumn"
                        | "winter"
                        | "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                )
        });
    if has(FUTURE) || planned {
        return Modality::Future;
    }
    Modality::Asserted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    fn pol(s: &str) -> Polarity {
        polarity(&words(s, 0, s.len()))
    }

    fn moda(s: &str) -> Modality {
        modality(&words(s, 0, s.len()), false, &[])
    }

    #[test]
    fn negation_cues() {
        assert_eq!(pol("Germany said it was not in talks."), Polarity::Negative);
        assert_eq!(pol("The leaders didn't discuss trade."), Polarity::Negative);
        assert_eq!(pol("The ministry denied the report."), Polarity::Negative);
        assert_eq!(pol("Not only Kyiv but Lviv was hit."), Polarity::Positive);
        assert_eq!(pol("The leaders discussed trade."), Polarity::Positive);
        assert_eq!(pol("The guard was unharmed."), Polarity::Negative);
        // "yet to" is "not yet"; "yet" alone is not.
        assert_eq!(
            pol("The reading is yet to be confirmed."),
            Polarity::Negative
        );
        assert_eq!(pol("The agency has yet to confirm it."), Polarity::Negative);
        assert_eq!(pol("It was the hottest day yet."), Polarity::Positive);
        assert_eq!(
            pol("These traffickers are nothing but murderers."),
            Polarity::Positive
        );
        // Rejecting a claim denies it; rejecting an offer is an act.
        assert_eq!(
            pol("The operator rejected claims that it had ignored warnings."),
            Polarity::Negative
        );
        assert_eq!(
            pol("She dismissed any suggestion that the plant would close."),
            Polarity::Negative
        );
        assert_eq!(pol("The union rejected the offer."), Polarity::Positive);
        assert_eq!(pol("The plant will stay open."), Polarity::Negative);
        assert_eq!(pol("The plant will open in May."), Polarity::Positive);
        assert_eq!(
            pol("The decision was far from unanimous."),
            Polarity::Negative
        );
        assert_eq!(pol("They live far from the city."), Polarity::Positive);
        assert_eq!(
            pol("The minister stopped short of ordering an inquiry."),
            Polarity::Negative
        );
        assert_eq!(pol("The bus stopped at the gate."), Polarity::Positive);
        // A negation inside a relative clause does not deny the claim.
        assert_eq!(
            pol("Passengers who were not hurt were taken to a rest centre."),
            Polarity::Positive
        );
        assert_eq!(
            pol("Passengers who were hurt were not taken to hospital."),
            Polarity::Negative
        );
        // "not ... until" says when, and denies nothing.
        assert_eq!(
            pol("The airport did not reopen until about 9 o'clock."),
            Polarity::Positive
        );
        assert_eq!(
            pol("The body wasn't found until the next morning."),
            Polarity::Positive
        );
        assert_eq!(pol("The airport did not reopen."), Polarity::Negative);
        // A refusal or a failure denies the act after "to".
        assert_eq!(
            pol("One of the slides failed to inflate."),
            Polarity::Negative
        );
        assert_eq!(pol("The bank failed in 2008."), Polarity::Positive);
    }

    #[test]
    fn modality_cues() {
        assert_eq!(moda("Supplies could resume soon."), Modality::Hedged);
        assert_eq!(moda("Work will start next spring."), Modality::Future);
        assert_eq!(moda("Aid resumes if talks succeed."), Modality::Conditional);
        assert_eq!(
            moda("He would check which weapons, if any, were held."),
            Modality::Future
        );
        assert_eq!(
            moda("The line hopes to sail on Saturday."),
            Modality::Future
        );
        assert_eq!(moda("The vote passed."), Modality::Asserted);
        assert_eq!(modality(&words("x", 0, 1), true, &[]), Modality::Hedged);
    }
}
