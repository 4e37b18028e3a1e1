//! Which sudden happening a claim tells of, so that its times are the
//! happening's own: "The slide came down at about 11:40 a.m.", "Two ships
//! SMASHED into each other in the early hours of Monday". The happening
//! (`lexicon::story_happening`) must be the claim's subject or its
//! first verb: in "Rescuers reached the avalanche at 1pm" the time is the
//! rescuers', in "47 injured in a crush on Saturday" it may be the injuries'.

use crate::grammar::{is_auxiliary, is_determiner, looks_like_past_tense, looks_like_verb};
use crate::lexicon::{canonical_predicate, is_speech_verb, phrasal_predicate, story_happening};
use crate::model::Claim;

/// Words that make the happening one of several ("a second blast", "another
/// avalanche", "the aftershock") or an earlier one ("a similar collapse"): its
/// time is not the story's. ("last" and "earlier" are left out: "last night",
/// "earlier on Monday" are times.)
const ANOTHER_INSTANCE: &[&str] = &[
    "first",
    "second",
    "third",
    "another",
    "further",
    "previous",
    "similar",
    "latest",
    "aftershock",
    "aftershocks",
    "anniversary",
];

/// Verbs of learning of a happening: "The crash was reported at 11:20", "The
/// attack was detected on Tuesday" give the time someone learned of it.
const LEARNING_VERBS: &[&str] = &[
    "detected",
    "discovered",
    "reported",
    "noticed",
    "spotted",
    "alerted",
    "confirmed",
    "announced",
    "declared",
    "warned",
    "called",
    "notified",
    "raised",
    "recorded",
    "registered",
];

/// The story happening a claim tells of, with its times as the happening's: the
/// happening word comes before any other verb of the claim (speech verbs and
/// auxiliaries aside), and nothing makes it one of several.
pub fn happening_told(claim: &Claim) -> Option<&'static str> {
    let end = claim.attribution_tail().unwrap_or(claim.text.len());
    let words = lower_words(&claim.text[..end]);
    if words.iter().any(|(w, _)| {
        ANOTHER_INSTANCE.contains(&w.as_str()) || LEARNING_VERBS.contains(&w.as_str())
    }) {
        return None;
    }
    for (at, (word, punctuated)) in words.iter().enumerate() {
        let previous = at.checked_sub(1).map(|p| words[p].0.as_str());
        let next = words.get(at + 1).map(|(w, _)| w.as_str());
        // "A suspected gas explosion", "oil from a ruptured pipeline": a participle
        // after a determiner describes; it tells no happening.
        let describes = previous.is_some_and(is_determiner) && looks_like_past_tense(word);
        if describes {
            continue;
        }
        // "The death toll from a boat that capsized off the island rose to 17 on
        // Thursday": a happening in a relative clause describes a noun, and the
        // claim's times are its main verb's.
        let after_next = words.get(at + 2).map(|(w, _)| w.as_str());
        let fell = came_down(word, next, after_next);
        if let Some(happening) = fell.or_else(|| happening_of(previous, word, next)) {
            if previous.is_some_and(|p| matches!(p, "that" | "which")) {
                return None;
            }
            let next = if *punctuated { None } else { next };
            return (fell.is_some() || heads_its_phrase(word, next)).then_some(happening);
        }
        if looks_like_verb(word) && !is_auxiliary(word) && !is_speech_verb(word) {
            return None;
        }
    }
    None
}

/// The words of a text in lower case, each with whether punctuation ends it.
fn lower_words(text: &str) -> Vec<(String, bool)> {
    text.split_whitespace()
        .map(|raw| {
            let word = raw
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase();
            let punctuated = raw.ends_with([',', ';', ':', '.', '!', '?', ')']);
            (word, punctuated)
        })
        .filter(|(w, _)| !w.is_empty())
        .collect()
}

/// Whether a happening word ends its noun phrase: a verb ("collided"), or a noun
/// followed by a verb, an adverb, a preposition, punctuation or nothing ("the slide came
/// down", "the explosion at the plant"). "The avalanche warning service had
/// rated ..." is about a service; "quake toll rises" about a toll.
fn heads_its_phrase(word: &str, next: Option<&str>) -> bool {
    const LINKS: &[&str] = &[
        "in", "at", "on", "of", "near", "off", "outside", "inside", "that", "which", "who", "and",
        "as", "when", "after", "before", "during", "into", "through", "from", "just", "shortly",
        "early", "late", "then",
    ];
    let Some(next) = next else {
        return true;
    };
    looks_like_verb(word) || looks_like_verb(next) || next.ends_with("ly") || LINKS.contains(&next)
}

/// "Came down", "came crashing down", "came tumbling down": a fall, as of a crane
/// or a roof. Not "came down the hill" or "came down the steps", a way walked.
fn came_down(word: &str, next: Option<&str>, after_next: Option<&str>) -> Option<&'static str> {
    if !matches!(word, "came" | "come" | "comes" | "coming") {
        return None;
    }
    let falling = matches!(next?, "crashing" | "tumbling" | "hurtling" | "toppling");
    let down = next == Some("down") && !after_next.is_some_and(is_determiner);
    (falling || down).then_some("collapse")
}

/// The story happening `word` names, read with its neighbours: "gave way" is a
/// collapse, "crashed into" a collision, and "the slide" (a noun after a
/// determiner, not the verb of prices) an avalanche.
fn happening_of(previous: Option<&str>, word: &str, next: Option<&str>) -> Option<&'static str> {
    // "Mount Orzán erupted": a volcano's eruption; the lexicon folds "erupted" into
    // "started" for "violence erupted", and violence is found before its verb.
    if matches!(word, "erupted" | "erupts" | "erupt" | "erupting") {
        return Some("eruption");
    }
    let lemma = next
        .and_then(|particle| phrasal_predicate(word, particle))
        .or_else(|| canonical_predicate(word))
        .or_else(|| {
            let noun = matches!(word, "slide" | "slides");
            (noun && previous.is_some_and(is_determiner)).then_some("avalanche")
        })?;
    story_happening(lemma)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_report, ReportInput};

    fn told(text: &str) -> Option<&'static str> {
        let report = parse_report(ReportInput {
            id: "r".into(),
            source: "r.txt".into(),
            text: text.into(),
            published: None,
            outlet: None,
            dateline_year: None,
        });
        happening_told(&report.claims[0])
    }

    #[test]
    fn a_fall_tells_a_collapse() {
        assert_eq!(
            told("The crane came down at about 2:40 p.m. as strong winds swept the region."),
            Some("collapse")
        );
        assert_eq!(
            told("A giant crane came crashing down on a packed street yesterday."),
            Some("collapse")
        );
        // A way walked down.
        assert_eq!(
            told("The fire came down the hill faster than a man can run."),
            None
        );
        assert_eq!(told("They came down the steps at noon."), None);
    }

    #[test]
    fn the_happening_as_subject_or_first_verb_is_told() {
        assert_eq!(
            told("The slide came down at about 11:40 a.m. in the gully."),
            Some("avalanche")
        );
        assert_eq!(
            told("Two giant ships SMASHED into each other in the early hours of Monday."),
            Some("crash")
        );
        assert_eq!(
            told("The span gave way at 6.20pm last night."),
            Some("collapse")
        );
        assert_eq!(
            told("Mount Orzán on the island erupted at 3:40 a.m. on Monday."),
            Some("eruption")
        );
        assert_eq!(
            told("Violence erupted at 8pm near the square."),
            Some("clash")
        );
        assert_eq!(
            told("A suspected gas explosion tore through the block on Friday."),
            Some("explosion")
        );
        assert_eq!(
            told("Three young fans were crushed to death at a festival on Friday night."),
            Some("crush")
        );
        assert_eq!(
            told("A large twister touched down shortly before 7 p.m. on Tuesday."),
            Some("tornado")
        );
        assert_eq!(
            told("The Gannet Head line ruptured late on Sunday near the reserve."),
            Some("rupture")
        );
        // A participle after a determiner describes a thing; the claim's verb is another.
        assert_eq!(
            told("Crude oil from a ruptured pipeline washed up along the coast on Tuesday."),
            None
        );
        // A boat that capsized, in a relative clause, is not what the day is of.
        assert_eq!(
            told("The migrant boat capsized 11 nautical miles south of the island at 2:40 a.m."),
            Some("capsizing")
        );
        assert_eq!(
            told("The toll from a boat that capsized off the island rose to 17 on Thursday."),
            None
        );
    }

    #[test]
    fn another_act_first_or_another_instance_is_not_the_happening() {
        assert_eq!(told("Rescuers reached the avalanche at 1pm."), None);
        assert_eq!(
            told("Forty-seven were injured in a crush on Saturday."),
            None
        );
        assert_eq!(told("The crash was reported to police at 11:20."), None);
        assert_eq!(told("A second avalanche came down at 3pm."), None);
        assert_eq!(told("Share prices slide on Monday."), None);
        assert_eq!(
            told("The avalanche warning service had rated the danger high on Tuesday."),
            None
        );
    }
}
