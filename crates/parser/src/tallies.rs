//! Casualty tallies: whether a claim says that no one, or that someone, was
//! killed, injured or taken to hospital. "No one was injured in the fire" states a
//! count of nought, though it holds no number, and "One firefighter was treated
//! for burns", "A 67-year-old man was taken to hospital" a count of at least one
//! though the second holds none: the matcher holds such tallies of different
//! reports against each other (`claimdiff_matcher`'s `tallies`).
//!
//! A nought is read only when it covers everyone: "no one", "nobody", "none", "no
//! injuries". "No passengers were hurt", "no one on the street was hurt", "no one
//! was seriously injured" leave room for others, and "no injuries so far", "no
//! immediate reports of injuries" are provisional: none of them is a tally.

use crate::grammar::looks_like_verb;
use crate::lexicon::{is_counted_thing_not_people, is_number_word};
use crate::model::{Claim, Modality};

/// What happened to people, as tallies count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Casualty {
    Killed,
    Injured,
    /// Taken to hospital, which people also are as a precaution: a tally of its own.
    Hospitalised,
}

impl Casualty {
    /// The participle a reader would use: "killed", "injured", "taken to hospital".
    pub fn participle(self) -> &'static str {
        match self {
            Casualty::Killed => "killed",
            Casualty::Injured => "injured",
            Casualty::Hospitalised => "taken to hospital",
        }
    }
}

/// One claim's tally of one casualty.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub casualty: Casualty,
    /// `Some(0.0)` for no one; the count when the claim gives one; `None` for
    /// "some" (firefighters were hurt).
    pub count: Option<f64>,
    /// The claim's words stating it ("No one was injured", "One firefighter was
    /// treated for burns").
    pub phrase: String,
}

impl Tally {
    pub fn is_none(&self) -> bool {
        self.count == Some(0.0)
    }
}

/// A claim's casualty tallies, at most one per casualty: a count of nought or of
/// some. Conditional and future claims tally nothing.
pub fn casualty_tallies(claim: &Claim) -> Vec<Tally> {
    if !matches!(claim.modality, Modality::Asserted | Modality::Hedged) || !may_tally(&claim.text) {
        return Vec::new();
    }
    let words = words_of(&claim.text);
    let mut tallies: Vec<Tally> = Vec::new();
    let mut add = |tally: Tally| {
        if !tallies.iter().any(|t| t.casualty == tally.casualty) {
            tallies.push(tally);
        }
    };
    for at in 0..words.len() {
        if let Some(tally) = nought_at(&words, at) {
            add(tally);
        } else if let Some(tally) = some_at(claim, &words, at) {
            add(tally);
        }
    }
    if is_provisional(&words) {
        tallies.retain(|t| !t.is_none());
    }
    tallies
}

/// Whether the text has any word a tally is read from: most claims have none,
/// and are passed over without being split into words.
fn may_tally(text: &str) -> bool {
    const STEMS: &[&str] = &[
        "kill",
        "died",
        "dead",
        "perish",
        "death",
        "fatalit",
        "injur",
        "hurt",
        "wound",
        "hospital",
        "treated",
        "suffered",
        "sustained",
        "left with",
        "lost ",
    ];
    let lower = text.to_ascii_lowercase();
    STEMS.iter().any(|stem| lower.contains(stem))
}

/// A word of a claim: as written (punctuation trimmed), in lower case, and whether
/// punctuation ends it.
struct Word<'t> {
    raw: &'t str,
    lower: String,
    punctuated: bool,
}

fn words_of(text: &str) -> Vec<Word<'_>> {
    text.split_whitespace()
        .map(|raw| {
            let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            Word {
                raw: trimmed,
                lower: trimmed.to_lowercase(),
                punctuated: raw.ends_with([',', ';', ':', '.', '!', '?', ')', '\u{2014}']),
            }
        })
        .filter(|w| !w.lower.is_empty())
        .collect()
}

fn phrase(words: &[Word], from: usize, to: usize) -> String {
    words[from..to]
        .iter()
        .map(|w| w.raw)
        .collect::<Vec<_>>()
        .join(" ")
}

/// "So far", "at this stage", "no immediate reports of": a nought that may not last.
fn is_provisional(words: &[Word]) -> bool {
    let has = |sequence: &[&str]| {
        words
            .windows(sequence.len())
            .any(|w| w.iter().zip(sequence).all(|(word, s)| word.lower == *s))
    };
    ["yet", "immediate", "immediately", "initially", "initial"]
        .iter()
        .any(|w| has(&[w]))
        || has(&["so", "far"])
        || has(&["at", "this", "stage"])
        || has(&["at", "this", "time"])
        || has(&["at", "first"])
        || has(&["reports", "of"])
        || has(&["word", "of"])
}

/// Words between a subject and its casualty: auxiliaries, and the hedges and
/// asides of a report ("No one is believed to have been hurt", "nobody was
/// thankfully injured").
const BETWEEN_SUBJECT_AND_CASUALTY: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "been",
    "be",
    "being",
    "got",
    "get",
    "gets",
    "reportedly",
    "believed",
    "thought",
    "understood",
    "appears",
    "appeared",
    "seems",
    "seemed",
    "to",
    "thankfully",
    "luckily",
    "fortunately",
    "miraculously",
    "apparently",
];

/// "Seriously injured", "badly hurt": a degree, which leaves room for lesser harm.
const DEGREES_OF_HARM: &[&str] = &[
    "seriously",
    "badly",
    "critically",
    "severely",
    "gravely",
    "significantly",
    "fatally",
    "slightly",
    "lightly",
    "minor",
    "serious",
    "major",
    "life-threatening",
    "further",
    "other",
    "new",
];

/// Words before a nought that say it is wished for, not told: "to make sure no
/// one was hurt", "whether anyone", "almost nobody".
const NOT_A_TOLD_NOUGHT: &[&str] = &[
    "ensure",
    "ensuring",
    "sure",
    "whether",
    "if",
    "unless",
    "hope",
    "hoped",
    "hoping",
    "pray",
    "prayed",
    "almost",
    "nearly",
    "virtually",
    "hardly",
    "practically",
    "prevent",
];

/// What follows "no one" and makes it a part of the people: "no one else", "no
/// one on the street", "nobody inside", "no one who".
const PART_AFTER_NOUGHT: &[&str] = &[
    "else", "on", "in", "inside", "aboard", "at", "who", "from", "among", "onboard", "of", "near",
    "outside", "within", "living", "working",
];

/// The casualty named at `at` and the index after its words: "injured", "died",
/// "taken to hospital", "treated for burns". Nouns ("injuries") only when
/// `nouns` is set.
fn casualty_at(words: &[Word], at: usize, nouns: bool) -> Option<(Casualty, usize)> {
    let word = words.get(at)?.lower.as_str();
    let next = |k: usize| words.get(at + k).map(|w| w.lower.as_str());
    // "burns", "injuries"; "broken" or "fractured" only before a part of the body
    // ("a broken hand", not "a broken promise").
    let harm_at = |k: usize| {
        next(k).is_some_and(|w| {
            if matches!(w, "broken" | "fractured") {
                next(k + 1).is_some_and(is_part_of_the_body)
            } else {
                names_harm(w)
            }
        })
    };
    // Whether the word before `next(k)` ends a clause, or the claim ends before it.
    let cut_before = |k: usize| words.get(at + k - 1).is_none_or(|w| w.punctuated);
    let casualty = match word {
        "killed" | "died" | "dead" | "perished" => Casualty::Killed,
        "injured" | "hurt" | "wounded" => Casualty::Injured,
        "hospitalised" | "hospitalized" => Casualty::Hospitalised,
        "deaths" | "fatalities" if nouns => Casualty::Killed,
        // "nobody lost their life", "two people lost their lives".
        "lost"
            if matches!(next(1), Some("their" | "his" | "her" | "a"))
                && matches!(next(2), Some("life" | "lives")) =>
        {
            return Some((Casualty::Killed, at + 3));
        }
        "injuries" | "injury" if nouns => Casualty::Injured,
        "taken" | "rushed" | "airlifted" | "flown" if next(1) == Some("to") => {
            // "taken to hospital", "taken to Haldane General Hospital".
            let end =
                (2..=5).find(|&k| next(k).is_some_and(|w| w == "hospital") || cut_before(k))?;
            if next(end) != Some("hospital") {
                return None;
            }
            return Some((Casualty::Hospitalised, at + end + 1));
        }
        // "suffered burns to his arms", "suffered a broken pelvis", "was left with a
        // broken hand": harm named after the verb.
        "suffered" | "sustained" | "left" => {
            let from = if word == "left" {
                if next(1) != Some("with") {
                    return None;
                }
                2
            } else {
                1
            };
            let harm = (from..=from + 2)
                .take_while(|&k| k == from || !cut_before(k))
                .find(|&k| harm_at(k))?;
            return Some((Casualty::Injured, at + harm + 1));
        }
        "treated" if next(1) == Some("for") => {
            // "treated for burns", "treated for smoke inhalation": harm; "treated
            // for shock" is not.
            let harm = (2..=4)
                .take_while(|&k| k == 2 || !cut_before(k))
                .find(|&k| next(k).is_some_and(names_harm))?;
            return Some((Casualty::Injured, at + harm + 1));
        }
        _ => return None,
    };
    Some((casualty, at + 1))
}

/// Parts of the body news reports say were broken.
fn is_part_of_the_body(word: &str) -> bool {
    matches!(
        word,
        "hand"
            | "arm"
            | "leg"
            | "wrist"
            | "ankle"
            | "hip"
            | "pelvis"
            | "ribs"
            | "rib"
            | "nose"
            | "jaw"
            | "collarbone"
            | "back"
            | "neck"
            | "foot"
            | "skull"
            | "shoulder"
    )
}

/// A word naming bodily harm one is treated for.
fn names_harm(word: &str) -> bool {
    matches!(
        word,
        "burns"
            | "burn"
            | "injuries"
            | "injury"
            | "inhalation"
            | "cuts"
            | "fractures"
            | "fracture"
            | "wounds"
            | "wound"
            | "broken"
            | "bruising"
            | "bruises"
            | "hypothermia"
    )
}

/// A tally of nought opening at `at`: "no one", "nobody", "none" as a subject
/// followed by a casualty ("No one was injured", "nobody died"), or "no injuries".
fn nought_at(words: &[Word], at: usize) -> Option<Tally> {
    let lower = |k: usize| words.get(k).map(|w| w.lower.as_str());
    let subject_end = match lower(at)? {
        "nobody" | "no-one" | "noone" => at + 1,
        "none" => at + 1,
        "no" if matches!(lower(at + 1), Some("one" | "people")) => at + 2,
        "no" => {
            // "no injuries", "no reported injuries".
            let noun = if lower(at + 1) == Some("reported") {
                at + 2
            } else {
                at + 1
            };
            let (casualty, end) = casualty_at(words, noun, true)?;
            if matches!(lower(end), Some("among" | "to" | "on" | "in" | "at")) && at > 0 {
                // "no injuries among the crew": a part of the people.
                let told = words[..end].last().is_some_and(|w| w.punctuated);
                if !told {
                    return None;
                }
            }
            if !told_outright(words, at) {
                return None;
            }
            return Some(nought(casualty, words, at, end));
        }
        _ => return None,
    };
    if !told_outright(words, at) {
        return None;
    }
    if lower(subject_end).is_some_and(|w| PART_AFTER_NOUGHT.contains(&w)) {
        return None;
    }
    let mut k = subject_end;
    while lower(k).is_some_and(|w| BETWEEN_SUBJECT_AND_CASUALTY.contains(&w)) && k < subject_end + 6
    {
        k += 1;
    }
    if lower(k).is_some_and(|w| DEGREES_OF_HARM.contains(&w)) {
        return None;
    }
    let (casualty, end) = casualty_at(words, k, false)?;
    Some(nought(casualty, words, at, end))
}

fn nought(casualty: Casualty, words: &[Word], from: usize, to: usize) -> Tally {
    Tally {
        casualty,
        count: Some(0.0),
        phrase: phrase(words, from, to),
    }
}

/// No word just before the nought makes it wished for or partial.
fn told_outright(words: &[Word], at: usize) -> bool {
    !words[at.saturating_sub(4)..at]
        .iter()
        .any(|w| NOT_A_TOLD_NOUGHT.contains(&w.lower.as_str()))
}

/// Subjects that name no one in particular or deny: "anyone injured", "those who".
const NOT_SOMEONE: &[&str] = &[
    "no",
    "none",
    "nobody",
    "no-one",
    "not",
    "neither",
    "never",
    "anyone",
    "anybody",
    "those",
    "who",
    "whoever",
    "everyone",
    "everybody",
    "nothing",
    "if",
];

/// Words that end a subject read backwards from its verb: a clause opener or a
/// verb of saying.
const BEFORE_A_SUBJECT: &[&str] = &[
    "that",
    "said",
    "says",
    "say",
    "and",
    "but",
    "while",
    "when",
    "after",
    "as",
    "where",
    "which",
    "because",
    "with",
    "though",
    "although",
    "before",
    "since",
    "until",
    "told",
    "confirmed",
    "added",
    "reported",
];

/// Animals and things a casualty word may be said of: not people.
const NOT_PEOPLE: &[&str] = &[
    "sheep",
    "lamb",
    "lambs",
    "ewe",
    "ewes",
    "dog",
    "dogs",
    "cat",
    "cats",
    "horse",
    "horses",
    "cow",
    "cows",
    "cattle",
    "pet",
    "pets",
    "animal",
    "animals",
    "bird",
    "birds",
    "livestock",
    "deer",
    "pig",
    "pigs",
    "goat",
    "goats",
    "chicken",
    "chickens",
    "hen",
    "hens",
    "fox",
    "foxes",
    "wolf",
    "wolves",
    "bear",
    "bears",
    "lynx",
    "lynxes",
    "fish",
    "calf",
    "calves",
    "pony",
    "ponies",
];

/// Words that make the harm uncertain or not yet come: "feared", "could have been".
const NOT_A_TOLD_HARM: &[&str] = &[
    "feared", "could", "would", "might", "may", "should", "if", "whether", "risk", "nearly",
    "almost", "narrowly",
];

/// Words that tell a rumour, not harm: "Unconfirmed reports that a prison officer
/// was hurt".
const UNCONFIRMED: &[&str] = &[
    "unconfirmed",
    "unverified",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "rumoured",
    "rumored",
    "speculation",
];

/// A tally of some at `at`: a casualty word with a subject naming people before it
/// ("One firefighter was treated for burns", "a woman in her 70s died", "Two
/// people were injured"); a participle of harm needs "was" or "were" before it,
/// or a bare number as its subject ("Two hurt"), since "the fire injured two" has
/// the cause as its subject.
fn some_at(claim: &Claim, words: &[Word], at: usize) -> Option<Tally> {
    let (casualty, end) = casualty_at(words, at, false)?;
    let mut k = at;
    let mut has_auxiliary = false;
    while k > 0 {
        let before = words[k - 1].lower.as_str();
        if matches!(before, "was" | "were" | "been" | "got" | "is" | "are") {
            has_auxiliary = true;
        } else if !(DEGREES_OF_HARM.contains(&before)
            || matches!(
                before,
                "had" | "has" | "have" | "later" | "also" | "both" | "all"
            ))
        {
            break;
        }
        k -= 1;
    }
    if words[at.saturating_sub(3)..at]
        .iter()
        .any(|w| NOT_A_TOLD_HARM.contains(&w.lower.as_str()))
        || words[..at]
            .iter()
            .any(|w| UNCONFIRMED.contains(&w.lower.as_str()))
    {
        return None;
    }
    // The subject, read back from the verb to a clause opener or punctuation; an
    // aside set off by commas just before the verb is the subject ("One of them, a
    // 67-year-old man, was taken to hospital").
    let mut start = k;
    while start > 0 && k - start < 8 {
        let word = &words[start - 1];
        let ends_clause = word.punctuated && start != k;
        if ends_clause
            || BEFORE_A_SUBJECT.contains(&word.lower.as_str())
            || (looks_like_verb(&word.lower) && !word.lower.contains('-'))
        {
            break;
        }
        start -= 1;
    }
    if start == k {
        return None;
    }
    let subject = &words[start..k];
    if subject
        .iter()
        .any(|w| NOT_SOMEONE.contains(&w.lower.as_str()) || NOT_PEOPLE.contains(&w.lower.as_str()))
    {
        return None;
    }
    let head = subject.last()?.lower.as_str();
    if is_counted_thing_not_people(head.trim_end_matches('s')) {
        return None;
    }
    let first = subject[0].lower.as_str();
    // "Tiago Correia, 34, suffered burns": an age set off by commas is the
    // person's, not a count.
    let age_aside = subject.len() == 1
        && start > 0
        && words[start - 1].punctuated
        && first.chars().all(|c| c.is_ascii_digit());
    let opens_with_number =
        !age_aside && (first.chars().all(|c| c.is_ascii_digit()) || is_number_word(first));
    // "suffered burns", "died": active, the subject is the one harmed.
    let is_participle = matches!(casualty, Casualty::Killed | Casualty::Injured)
        && !matches!(
            words[at].lower.as_str(),
            "died" | "dead" | "perished" | "suffered" | "sustained" | "left"
        );
    if is_participle && !has_auxiliary && !(opens_with_number && subject.len() == 1) {
        return None;
    }
    if casualty == Casualty::Hospitalised && !has_auxiliary {
        return None;
    }
    let count = if opens_with_number {
        claim
            .quantities
            .iter()
            .find(|q| q.text.to_lowercase().starts_with(first))
            .map(|q| q.value)
            .or((first == "one").then_some(1.0))
    } else if matches!(first, "a" | "an") {
        Some(1.0)
    } else {
        None
    };
    if count == Some(0.0) {
        return None;
    }
    Some(Tally {
        casualty,
        count,
        phrase: phrase(words, start, end),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_report, ReportInput};

    fn tallies(text: &str) -> Vec<(Casualty, Option<f64>, String)> {
        let report = parse_report(ReportInput {
            id: "t".into(),
            source: "t".into(),
            text: format!("Published: 3 March 2027\n\n{text}\n"),
            published: None,
            outlet: None,
            dateline_year: None,
        });
        report
            .claims
            .iter()
            .flat_map(casualty_tallies)
            .map(|t| (t.casualty, t.count, t.phrase))
            .collect()
    }

    fn one(text: &str) -> (Casualty, Option<f64>, String) {
        let found = tallies(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn no_one_and_nobody_are_a_tally_of_nought() {
        for (text, casualty) in [
            ("No one was injured in the fire.", Casualty::Injured),
            (
                "Nobody died in the collapse, police said.",
                Casualty::Killed,
            ),
            ("No one is believed to have been hurt.", Casualty::Injured),
            (
                "There were no injuries, the fire service said.",
                Casualty::Injured,
            ),
            ("No one was taken to hospital.", Casualty::Hospitalised),
            ("Remarkably, no-one was killed.", Casualty::Killed),
            (
                "We lost houses, but nobody lost their life.",
                Casualty::Killed,
            ),
        ] {
            let (found, count, _) = one(text);
            assert_eq!((found, count), (casualty, Some(0.0)), "{text}");
        }
    }

    #[test]
    fn a_nought_of_a_part_or_a_degree_or_for_now_is_no_tally() {
        for text in [
            "No one on the street was hurt.",
            "No passengers were injured.",
            "No one was seriously injured.",
            "There were no serious injuries.",
            "There were no immediate reports of injuries.",
            "No deaths have been reported so far.",
            "Crews worked to make sure no one was hurt.",
            "No one else was injured.",
            "Almost nobody was hurt.",
        ] {
            assert!(tallies(text).is_empty(), "{text}: {:?}", tallies(text));
        }
    }

    #[test]
    fn someone_harmed_is_a_tally_of_some() {
        for (text, casualty, count) in [
            (
                "One firefighter was treated for smoke inhalation.",
                Casualty::Injured,
                Some(1.0),
            ),
            (
                "One of them, a 67-year-old man, was taken to Haldane General Hospital.",
                Casualty::Hospitalised,
                Some(1.0),
            ),
            (
                "Two people were injured in the blast.",
                Casualty::Injured,
                Some(2.0),
            ),
            (
                "A woman in her 70s died in hospital.",
                Casualty::Killed,
                Some(1.0),
            ),
            (
                "Police said firefighters were hurt.",
                Casualty::Injured,
                None,
            ),
            ("Two hurt as wall falls.", Casualty::Injured, Some(2.0)),
            (
                "A volunteer firefighter, Tiago Correia, 34, suffered burns to his arms.",
                Casualty::Injured,
                None,
            ),
            (
                "The brave cop was left with a broken hand after the struggle.",
                Casualty::Injured,
                None,
            ),
        ] {
            let (found, counted, _) = one(text);
            assert_eq!((found, counted), (casualty, count), "{text}");
        }
    }

    #[test]
    fn a_cause_an_animal_a_doubt_or_shock_is_no_tally() {
        for text in [
            "The fire injured a firefighter.",
            "Three sheep were killed.",
            "Two people were treated for shock.",
            "The firm suffered heavy losses.",
            "They left with a broken promise of help.",
            "He could have been killed.",
            "Two climbers are feared dead.",
            "Unconfirmed reports that a prison officer was hurt during the escape.",
            "If anyone was hurt, call the police.",
            // Cut short at the end of a claim.
            "A man was taken to",
            "Two were treated for",
            "Nobody was taken to the",
        ] {
            assert!(tallies(text).is_empty(), "{text}: {:?}", tallies(text));
        }
    }
}
