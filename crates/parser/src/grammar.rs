//! Cheap grammatical cues without a tagger: which words are probably verbs,
//! pronouns or function words. Good enough to tell a headline from a heading and
//! to find where a clause starts; never used to reject a claim on its own.

/// Auxiliary and modal verbs.
const AUXILIARIES: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "having",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "do",
    "does",
    "did",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
    "won't",
    "wouldn't",
    "can't",
    "couldn't",
    "mustn't",
    "shouldn't",
    "don't",
    "doesn't",
    "didn't",
    "'s",
    "'re",
    "'ve",
    "'ll",
    "'d",
];

/// Frequent irregular verb forms in news copy (past tense, participles, present).
const IRREGULAR_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "met",
    "meets",
    "spoke",
    "speaks",
    "spoken",
    "went",
    "goes",
    "gone",
    "came",
    "comes",
    "come",
    "took",
    "takes",
    "taken",
    "gave",
    "gives",
    "given",
    "made",
    "makes",
    "saw",
    "sees",
    "seen",
    "began",
    "begins",
    "begun",
    "broke",
    "breaks",
    "broken",
    "fell",
    "falls",
    "fallen",
    "rose",
    "rises",
    "risen",
    "grew",
    "grows",
    "grown",
    "led",
    "leads",
    "left",
    "leaves",
    "held",
    "holds",
    "kept",
    "keeps",
    "hit",
    // Regular past tenses too short for `looks_like_past_tense`.
    "used",
    "uses",
    "owed",
    "sued",
    "axed",
    "tied",
    "hits",
    "put",
    "puts",
    "set",
    "sets",
    "sent",
    "sends",
    "struck",
    "strikes",
    "won",
    "wins",
    "lost",
    "loses",
    "paid",
    "pays",
    "sold",
    "sells",
    "bought",
    "buys",
    "brought",
    "brings",
    "thought",
    "thinks",
    "found",
    "finds",
    "fled",
    "flees",
    "fought",
    "fights",
    "drove",
    "drives",
    "flew",
    "flies",
    "ran",
    "runs",
    "became",
    "becomes",
    "chose",
    "chooses",
    "wrote",
    "writes",
    "written",
    "stood",
    "stands",
    "knew",
    "knows",
    "known",
    "felt",
    "feels",
    "heard",
    "hears",
    "meant",
    "means",
    "got",
    "gets",
    "caught",
    "catches",
    "built",
    "builds",
    "spent",
    "spends",
    "shot",
    "shoots",
    "swept",
    "sweeps",
    "tore",
    "torn",
    "blew",
    "blown",
    "burnt",
    "burns",
    "dead",
    "died",
    "dies",
    "wants",
    "needs",
    "calls",
    "agrees",
    "warns",
    "urges",
    "plans",
    "hopes",
    "expects",
    "remains",
    "continues",
    "discuss",
    "discusses",
    "approve",
    "approves",
    "pass",
    "passes",
    "kill",
    "kills",
    "vows",
    "denies",
    "backs",
    "rejects",
    "slams",
    "hails",
    "faces",
    "claims",
    "reveals",
    "admits",
    "shows",
];

/// Pronouns that can stand for a named person in attributions.
pub(crate) const PERSON_PRONOUNS: &[&str] = &["he", "she", "they", "him", "her"];

/// Words that begin sentences and are capitalised only for that reason.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "by",
    "after",
    "before",
    "as",
    "but",
    "and",
    "or",
    "so",
    "if",
    "when",
    "while",
    "since",
    "though",
    "although",
    "asked",
    "speaking",
    "according",
    "meanwhile",
    "however",
    "earlier",
    "later",
    "last",
    "next",
    "some",
    "many",
    "most",
    "one",
    "two",
    "three",
    "four",
    "five",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "no",
    "not",
    "all",
    "both",
    "each",
    "every",
    "other",
    "another",
    "such",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "why",
    "how",
    "under",
    "over",
    "during",
    "despite",
    "amid",
    "about",
    "around",
    "nearly",
    "more",
    "than",
    "officials",
    "police",
    "residents",
    "witnesses",
    "firefighters",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "now",
    "then",
    "still",
    "also",
    "even",
    "only",
    "just",
    "here",
    "up",
    "until",
    "within",
    "without",
    "into",
    "through",
    "toward",
    "towards",
    "across",
    "against",
    "among",
    "between",
    "beyond",
    "near",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "breaking",
    "update",
    "updated",
    "exclusive",
    "watch",
    "live",
    "read",
    "photo",
    "image",
    "video",
    "key",
    "local",
    "our",
    "shares",
    "fears",
];

pub(crate) fn is_auxiliary(lower: &str) -> bool {
    AUXILIARIES.contains(&lower)
}

/// An auxiliary that makes a clause finite ("was", "has", "will"): not the
/// participles "being" and "having", which open asides ("Mr X, having seen it, said").
pub(crate) fn is_finite_auxiliary(lower: &str) -> bool {
    is_auxiliary(lower) && !matches!(lower, "be" | "been" | "being" | "having")
}

/// Prepositions that open a phrase set off before a sentence's subject ("In a
/// message posted on her website, ...", "After the vote, ...").
pub(crate) fn is_opening_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "on"
            | "at"
            | "with"
            | "by"
            | "from"
            | "through"
            | "via"
            | "under"
            | "after"
            | "before"
            | "during"
    )
}

/// Whether a lower-case word is probably a verb form.
pub(crate) fn looks_like_verb(lower: &str) -> bool {
    // Asked of most words of every report: a set, not a scan of the list.
    static IRREGULAR: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let irregular = IRREGULAR.get_or_init(|| IRREGULAR_VERBS.iter().copied().collect());
    if is_auxiliary(lower) || irregular.contains(lower) {
        return true;
    }
    looks_like_past_tense(lower)
}

/// A regular past tense or participle ("killed", "injured", "discussed").
pub(crate) fn looks_like_past_tense(lower: &str) -> bool {
    const NOT_VERBS: &[&str] = &[
        "hundred",
        "red",
        "bed",
        "shed",
        "speed",
        "need",
        "seed",
        "feed",
        "creed",
        "greed",
        "united",
        "limited",
        "based",
        "related",
        "detailed",
        "advanced",
        "armed",
        "unnamed",
        "supposed",
        "alleged",
        "so-called",
        "biased",
        "aged",
        "ed",
        "wed",
        "led",
        "fled",
        "indeed",
        "proceed",
        "exceed",
        "succeed",
        "steed",
        "weed",
        "sacred",
        "kindred",
        "naked",
        "wicked",
        "crooked",
        "rugged",
        "ragged",
        "beloved",
        "learned",
        "blessed",
    ];
    lower.len() >= 5
        && lower.ends_with("ed")
        && lower.chars().all(|c| c.is_alphabetic())
        && !NOT_VERBS.contains(&lower)
}

/// Whether a capitalised word at the start of a sentence is just a common word.
pub(crate) fn is_sentence_starter(lower: &str) -> bool {
    SENTENCE_STARTERS.contains(&lower) || is_auxiliary(lower)
}

/// Determiners and similar words that open a noun phrase.
pub(crate) fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "one"
            | "two"
            | "three"
            | "several"
            | "some"
            | "many"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_are_recognised_without_a_tagger() {
        for verb in [
            "said",
            "killed",
            "were",
            "discussed",
            "fled",
            "didn't",
            "used",
            "sued",
        ] {
            assert!(looks_like_verb(verb), "{verb}");
        }
        for noun in ["hundred", "missiles", "president", "unnamed"] {
            assert!(!looks_like_verb(noun), "{noun}");
        }
    }
}
