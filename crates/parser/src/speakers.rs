//! Who says it: the speaker of a quotation or of reported speech.
//!
//! Attribution patterns: "X said", "said X", "X told reporters", "according to
//! X", "X wrote on Telegram", colon intros (`Mr Trump said: "..."`), "X called
//! the attack ...". The speaker phrase is then resolved: a name is completed from
//! the report's [`NameBook`]; "he"/"she" go to the last person who spoke or
//! opened a sentence (respecting Mr/Ms); a role ("the Ukrainian president", "the
//! fire chief", "the judge") goes to the last person with that role; an anonymous
//! source ("one source briefed on the call", "citing unnamed sources") and any
//! unidentified person ("a neighbour", "locals in the village of ...", "a friend
//! of the family") becomes `unnamed sources`. A relative pronoun ("..., who
//! asked not to be named") is never a speaker, and "he"/"she" only ever stand
//! for a person the name book knows.

use std::sync::LazyLock;

use regex::Regex;

use crate::entities::{name_runs, person_after_role_words, NameBook, NameRun};
use crate::grammar::PERSON_PRONOUNS;
use crate::lexicon::is_speech_verb;
use crate::model::EntityKind;
use crate::pronouns::Referents;
use crate::text::Word;

/// The speaker given to anonymous sources.
pub(crate) const UNNAMED_SOURCES: &str = "unnamed sources";

static ANONYMOUS_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:citing\s+(?:unnamed|anonymous|unidentified)\s+(?:sources?|officials?|people)|citing\s+(?:people|sources|officials|someone|a\s+person)\s+(?:familiar|briefed|close|with\s+knowledge)|(?:a|one|two|three|several|some|other)\s+(?:senior\s+|western\s+|us\s+|u\.s\.\s+|government\s+|fire\s+service\s+|security\s+|european\s+)?(?:sources?|officials?|insiders?|diplomats?|people|persons?|aides?)\s+(?:briefed|familiar|close|with\s+knowledge|who\s+(?:asked|spoke|declined))|(?:unnamed|anonymous|unidentified)\s+(?:sources?|officials?|insiders?)|on\s+(?:the\s+)?condition\s+of\s+anonymity|who\s+(?:asked|requested|wished)\s+not\s+to\s+be\s+(?:named|identified)|(?:declined|refused)\s+to\s+be\s+(?:named|identified)|an?\s+(?:\w+\s+){0,3}(?:source|insider))\b").unwrap()
});

/// Words between a subject and its speech verb that do not break the link.
const SKIPPABLE: &[&str] = &[
    "just",
    "now",
    "since",
    "finally",
    "herself",
    "himself",
    "themselves",
    "also",
    "later",
    "then",
    "previously",
    "repeatedly",
    "again",
    // "The coastguard first estimated the spill at 200 tonnes".
    "first",
    "initially",
    "originally",
    "earlier",
    "once",
    "reportedly",
    "has",
    "had",
    "have",
    "was",
    "is",
    "were",
    "had",
    "already",
    "publicly",
    "privately",
    "separately",
    "tearfully",
    "angrily",
    "firmly",
    "simply",
    "only",
    // "the firm has still NOT admitted that ...": the denial is the claim's, the
    // subject is still the speaker.
    "still",
    "yet",
    "not",
    "never",
    "did",
    "does",
    "do",
    "hasn't",
    "haven't",
    "hadn't",
    "didn't",
    "doesn't",
    "don't",
    // "The Sun can reveal", "she would later tell the court".
    "can",
    "could",
    "will",
    "would",
    "may",
    "might",
];
/// Written things that "say": "the statement said", "the letter reads".
pub(crate) const DOCUMENT_NOUNS: &[&str] = &["statement", "letter", "message", "note", "email"];

/// Role nouns that may stand for a person: "the president said".
const ROLE_HEADS: &[&str] = &[
    "president",
    "minister",
    "chancellor",
    "premier",
    "leader",
    "chief",
    "officer",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "mayor",
    "governor",
    "secretary",
    "official",
    "commander",
    "director",
    "ambassador",
    "councillor",
    "witness",
    "resident",
    "head",
    "chair",
    "chairman",
    "chairwoman",
    "manager",
    "king",
    "queen",
    "pope",
    "envoy",
    "judge",
    "magistrate",
    "coroner",
    "prosecutor",
    "barrister",
    "solicitor",
    "lawyer",
    "attorney",
    "sheriff",
    "inspector",
    "detective",
    "superintendent",
    "sergeant",
    "constable",
];

/// Nouns for people a report leaves unidentified. With an indefinite determiner or
/// as a bare plural ("a neighbour", "one resident", "locals", "a friend of the
/// family", "angry villagers") they speak as [`UNNAMED_SOURCES`], like "a source".
const ANONYMOUS_PEOPLE: &[&str] = &[
    "local",
    "locals",
    "neighbour",
    "neighbours",
    "neighbor",
    "neighbors",
    "resident",
    "residents",
    "villager",
    "villagers",
    "onlooker",
    "onlookers",
    "bystander",
    "bystanders",
    "witness",
    "witnesses",
    "eyewitness",
    "eyewitnesses",
    "friend",
    "friends",
    "colleague",
    "colleagues",
    "person",
    "people",
    "man",
    "men",
    "woman",
    "women",
    "fan",
    "fans",
    "supporter",
    "supporters",
    "dad",
    "dads",
    "mum",
    "mums",
    "parent",
    "parents",
    "activist",
    "activists",
    "voter",
    "voters",
    "worker",
    "workers",
    "shopper",
    "shoppers",
    "passenger",
    "passengers",
    "motorist",
    "motorists",
    "commuter",
    "commuters",
    "pensioner",
    "pensioners",
    "islander",
    "islanders",
    "nurse",
    "nurses",
    "patient",
    "patients",
    "doctor",
    "doctors",
    "relative",
    "relatives",
    "guest",
    "guests",
    "customer",
    "customers",
    "employee",
    "employees",
    "survivor",
    "survivors",
    "trader",
    "traders",
    "investor",
    "investors",
    "banker",
    "bankers",
    "homeowner",
    "homeowners",
    "tenant",
    "tenants",
    // Trades and ranks a report describes without a name: "one local ski
    // instructor told us", "one guard, who asked not to be named, said".
    "guard",
    "guards",
    "instructor",
    "instructors",
    "rescuer",
    "rescuers",
    "firefighter",
    "firefighters",
    "paramedic",
    "paramedics",
    "teacher",
    "teachers",
    "shopkeeper",
    "shopkeepers",
    "farmer",
    "farmers",
    "soldier",
    "soldiers",
    "student",
    "students",
    // Relatives described, not named: "one survivor's son fumed", "a grieving mother said".
    "son",
    "sons",
    "daughter",
    "daughters",
    "mother",
    "father",
    "brother",
    "sister",
    "wife",
    "husband",
    "grandson",
    "granddaughter",
    "cousin",
    "family",
    "families",
];

/// Heads that are anonymous whatever their determiner: "the insider added".
const ALWAYS_ANONYMOUS: &[&str] = &[
    "source",
    "sources",
    "insider",
    "insiders",
    "diplomat",
    "diplomats",
    "aide",
    "aides",
];

/// Words that start what follows a subject's head noun: "locals *in* the village
/// of ...", "a person *close* to the family", "the man *who* ...".
const POST_MODIFIER_OPENERS: &[&str] = &[
    "in", "of", "from", "at", "near", "on", "outside", "close", "familiar", "who", "living",
];

/// Relative and interrogative pronouns: never a speaker ("..., who asked not to be named").
const RELATIVE_PRONOUNS: &[&str] = &["who", "whom", "whose", "which", "that", "what"];

/// Words opening an indefinite noun phrase: "a", "one", "several", "two", "dozens".
fn is_indefinite(lower: &str) -> bool {
    matches!(
        lower,
        "a" | "an"
            | "another"
            | "some"
            | "several"
            | "many"
            | "few"
            | "other"
            | "most"
            | "numerous"
    ) || crate::quantities::is_number_name_word(lower)
}

/// Abbreviated titles and the role noun they stand for: "Det Insp Omar Haddad"
/// is the inspector.
const ROLE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("insp", "inspector"),
    ("det", "detective"),
    ("supt", "superintendent"),
    ("sgt", "sergeant"),
    ("pc", "constable"),
    ("dc", "constable"),
    ("prof", "professor"),
    ("cllr", "councillor"),
];

/// Whether a person's role words include `role`, written out or abbreviated.
pub(crate) fn has_role(roles: &[&str], role: &str) -> bool {
    roles.iter().any(|r| {
        *r == role
            || ROLE_ABBREVIATIONS
                .iter()
                .any(|(short, long)| r == short && *long == role)
    })
}

/// What the report knows about recent speakers while it is read in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct SpeakerContext {
    /// Persons in order of their latest mention as subject or speaker (latest last).
    pub recent_persons: Vec<String>,
    /// The speaker of the latest quotation.
    pub last_quote_speaker: Option<String>,
    /// The latest speaker that is not a single person ("officials"), for "they said".
    pub last_group_speaker: Option<String>,
    /// Organisations claims named, latest last, for "the airline said".
    pub recent_bodies: Vec<String>,
    /// The author of the latest statement, letter or message the report named
    /// with "from" ("read out a short statement from Aoife Brennan"), for a later
    /// "the statement said".
    pub document_author: Option<String>,
    /// A speaker announced by a line ending in a colon, for the quotation that follows.
    pub announced_speaker: Option<String>,
    /// Who the latest clause is about, for a pronoun subject of the next claim
    /// ("The Greens? They backed the plan").
    pub previous_clause: Referents,
    /// Whether the claim just read was an unnamed source's: "One guard, who asked
    /// not to be named, told the Beacon ... '...,' he said" is the guard again,
    /// not the last person named before him.
    pub unnamed_spoke_last: bool,
}

impl SpeakerContext {
    /// Keeps `name` as the latest organisation named.
    pub fn note_body(&mut self, name: &str) {
        self.recent_bodies.retain(|body| body != name);
        self.recent_bodies.push(name.to_string());
    }

    /// The body "the agency" refers to: the latest one with that noun in its name
    /// ("UK Health Security Agency", though the NHS was named since), else the
    /// latest one whose name does not say it is another kind of body ("the
    /// company" is not "Alexandra Hospital").
    pub fn body_called(&self, noun: &str) -> Option<String> {
        let bodies = || self.recent_bodies.iter().rev();
        bodies()
            .find(|body| {
                body.split_whitespace()
                    .any(|word| word.eq_ignore_ascii_case(noun))
            })
            .or_else(|| bodies().find(|body| !crate::entities::names_its_kind(body)))
            .cloned()
    }

    /// Records who spoke: a person for "he"/"she", anyone else for "they".
    pub fn spoke(&mut self, speaker: &str, book: &NameBook) {
        if book.person(speaker).is_some() {
            self.mention(speaker);
        } else {
            self.last_group_speaker = Some(speaker.to_string());
        }
    }

    pub fn mention(&mut self, person: &str) {
        self.recent_persons.retain(|p| p != person);
        self.recent_persons.push(person.to_string());
    }

    /// The latest person "he" or "she" may stand for: only a person the name book
    /// knows (never an organisation or a place), of the wanted gender when known.
    fn last_person(&self, book: &NameBook, female: Option<bool>) -> Option<String> {
        self.recent_persons
            .iter()
            .rev()
            .find(|name| match book.person(name) {
                None => false,
                Some(person) => match (female, person.female) {
                    (Some(wanted), Some(known)) => wanted == known,
                    _ => true,
                },
            })
            .cloned()
    }
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attribution {
    pub speaker: String,
    pub anonymous: bool,
    /// Index of the speech verb in the word list.
    pub verb: usize,
    /// Whether the subject opens the clause ("X said ...") or trails it ("..., X said").
    pub at_clause_edge: bool,
}

/// Finds the attribution among `words` (the words outside quotation marks of one
/// sentence or quotation unit). `text` is the report text.
pub(crate) fn find_attribution(
    text: &str,
    words: &[Word],
    sentence_start: usize,
    book: &NameBook,
    context: &SpeakerContext,
) -> Option<Attribution> {
    let runs = name_runs(text, words, sentence_start);
    let lowers: Vec<String> = words.iter().map(Word::lower).collect();
    // "according to X"
    if let Some(position) = lowers
        .windows(2)
        .position(|pair| pair[0] == "according" && pair[1] == "to")
    {
        if let Some(speaker) = phrase_after(words, &lowers, &runs, position + 2, book, context) {
            return Some(Attribution {
                verb: position,
                at_clause_edge: true,
                ..speaker
            });
        }
    }
    for (index, lower) in lowers.iter().enumerate() {
        // "The statement goes on: ...", "She went on: ...": carrying on speaking,
        // where the words said follow.
        if goes_on_to_quote(text, words, &lowers, index)
            || sends_the_message_that_follows(text, words, &lowers, index)
        {
            let verb = if lower == "on" { index - 1 } else { index };
            if let Some(found) = subject_before(text, words, &lowers, &runs, verb, book, context) {
                return Some(found);
            }
            continue;
        }
        if !(is_speech_verb(lower)
            || matches!(
                lower.as_str(),
                "calling" | "describing" | "described" | "saying" | "telling"
            ))
        {
            continue;
        }
        if lower == "said" && index > 0 && lowers[index - 1] == "be" {
            continue; // "is said to be"
        }
        // "a four-year-old female called Freya", "a man called John Smith": a name
        // given, not words said.
        let names_what_comes = matches!(lower.as_str(), "called" | "calling")
            && words.get(index + 1).is_some_and(Word::is_capitalised)
            && index > 0
            && !words[index - 1].is_capitalised()
            && !matches!(
                lowers[index - 1].as_str(),
                "he" | "she" | "they" | "it" | "who" | "which" | "also" | "then" | "and"
            );
        if names_what_comes {
            continue;
        }
        // "state emergency officials said", "state media": "state" is a verb only
        // after "to" or a modal ("will state") or before "that".
        let verb_before = index > 0
            && matches!(
                lowers[index - 1].as_str(),
                "to" | "will" | "would" | "must" | "should" | "can" | "could" | "did" | "do"
            );
        let that_after = lowers.get(index + 1).is_some_and(|next| next == "that");
        if lower == "state" && !verb_before && !that_after {
            continue;
        }
        // "The United States paused ...": a word inside the name of a place or a
        // body is no verb of saying.
        let inside_a_name = runs.iter().any(|run| {
            matches!(run.kind, EntityKind::Place | EntityKind::Organisation)
                && (run.first_word..run.end_word).contains(&index)
        });
        if inside_a_name {
            continue;
        }
        // "declared an emergency", "declared the area safe": an act, not words reported.
        if lower.starts_with("declare")
            && lowers
                .get(index + 1)
                .is_some_and(|next| matches!(next.as_str(), "a" | "an" | "the"))
        {
            continue;
        }
        // "promised €20 million in emergency aid", "pledged a review": a thing
        // promised is an act; only a promise "that" or "to" do something reports words.
        if (lower.starts_with("promis") || lower.starts_with("pledg"))
            && words.get(index + 1).is_some_and(|next| {
                let next_lower = next.lower();
                next.text
                    .starts_with(|c: char| c.is_ascii_digit() || "€£$".contains(c))
                    || text[words[index].end..next.start].contains(['€', '£', '$'])
                    || matches!(next_lower.as_str(), "a" | "an" | "the" | "more" | "new")
            })
        {
            continue;
        }
        // "In a message to constituents posted on her website, Ms Chaudhry wrote:":
        // a participle inside the phrase opening the sentence, before its comma,
        // describes a noun there; it is not the sentence's verb.
        let in_opening_phrase = lower.ends_with("ed")
            && index > 1
            && crate::grammar::is_opening_preposition(&lowers[0])
            && !(1..=index).any(|i| comma_between(text, &words[i - 1], &words[i]))
            && (index + 1..words.len()).any(|i| comma_between(text, &words[i - 1], &words[i]));
        if in_opening_phrase {
            continue;
        }
        // "the search for them continued after dark": carrying on is speech only
        // where the words said stand beside it ("\"...\", she continued."), that is
        // where its clause ends or its words follow.
        let carries_on = matches!(lower.as_str(), "continued" | "continues");
        let word_follows = words.get(index + 1).is_some_and(|next| {
            text.get(words[index].end..next.start)
                .is_some_and(|gap| gap.trim().is_empty())
        });
        if carries_on && word_follows && lowers[index + 1] != "that" {
            continue;
        }
        // "the quake slammed into the province", "a lorry blasted through the
        // barrier": a verb of motion, not of speech.
        if lowers.get(index + 1).is_some_and(|next| {
            matches!(
                next.as_str(),
                "into" | "onto" | "through" | "against" | "across"
            )
        }) {
            continue;
        }
        // "Too little, too late, say grieving families.": a comma, the verb, and a
        // short phrase closing the sentence: the speaker follows the verb.
        let rest_unquoted = || {
            let end = words
                .last()
                .map_or(text.len(), |w| (w.end + 3).min(text.len()));
            text.get(words[index].end..end)
                .is_some_and(|rest| !rest.contains(['"', '“', '”', '‘', '’']))
        };
        let inverted = index > 0
            && comma_between(text, &words[index - 1], &words[index])
            && matches!(lower.as_str(), "say" | "says" | "said")
            && (2..=4).contains(&(words.len() - index - 1))
            && rest_unquoted();
        if inverted {
            if let Some(found) = phrase_after(words, &lowers, &runs, index + 1, book, context) {
                return Some(Attribution {
                    verb: index,
                    at_clause_edge: true,
                    ..found
                });
            }
        }
        if let Some(found) = subject_before(text, words, &lowers, &runs, index, book, context) {
            // "More from Kieran Doyle: \"...,\" he told us.": the lead-in names whom
            // the pronoun stands for, whoever spoke before.
            let by_pronoun = index > 0 && matches!(lowers[index - 1].as_str(), "he" | "she");
            if by_pronoun {
                if let Some(named) = person_named_in_lead_in(text, words, &lowers, &runs, book) {
                    return Some(Attribution {
                        speaker: named.speaker,
                        ..found
                    });
                }
            }
            return Some(found);
        }
        // "said Mr Trump": the speaker after the verb; never after "told" (its object is the listener).
        if matches!(
            lower.as_str(),
            "said"
                | "says"
                | "added"
                | "wrote"
                | "asked"
                | "continued"
                | "insisted"
                | "fumed"
                | "raged"
                | "thundered"
                | "roared"
                | "snapped"
                | "sobbed"
                | "gushed"
        ) {
            // "said Putin had shown no interest": a name followed by a verb is the
            // subject of the reported clause, not the speaker.
            let opens_a_clause = |run: &NameRun| {
                lowers
                    .get(run.end_word)
                    .is_some_and(|next| crate::grammar::looks_like_verb(next))
            };
            let trailing_name = runs.iter().find(|run| {
                run.first_word == index + 1
                    || (run.first_word == index + 2
                        && lowers.get(index + 1).is_some_and(|w| w == "the"))
            });
            if trailing_name.is_some_and(opens_a_clause) {
                continue;
            }
            if let Some(found) = phrase_after(words, &lowers, &runs, index + 1, book, context) {
                let trailing = found.speaker.clone();
                return Some(Attribution {
                    speaker: trailing,
                    verb: index,
                    at_clause_edge: true,
                    ..found
                });
            }
        }
    }
    if let Some(found) = colon_intro(text, words, &lowers, &runs, book, context) {
        return Some(found);
    }
    let joined = &text[words.first()?.start..words.last()?.end];
    if ANONYMOUS_SOURCE.is_match(joined) {
        let verb = lowers.iter().position(|w| is_speech_verb(w)).unwrap_or(0);
        return Some(Attribution {
            speaker: UNNAMED_SOURCES.to_string(),
            anonymous: true,
            verb,
            at_clause_edge: true,
        });
    }
    None
}

/// The subject of a speech verb at `verb`: the phrase right before it, or, when a
/// parenthetical sits between ("Mr Trump, talking to reporters, said"), the phrase
/// before that; for a participle ("..., saying ...") the subject opening the sentence.
#[allow(clippy::too_many_arguments)]
fn subject_before(
    text: &str,
    words: &[Word],
    lowers: &[String],
    runs: &[NameRun],
    verb: usize,
    book: &NameBook,
    context: &SpeakerContext,
) -> Option<Attribution> {
    if matches!(
        lowers[verb].as_str(),
        "saying" | "calling" | "describing" | "telling" | "adding"
    ) {
        return phrase_at(text, words, lowers, runs, 0, 2, verb, book, context);
    }
    let mut end = verb;
    while end > 0 && SKIPPABLE.contains(&lowers[end - 1].as_str()) {
        end -= 1;
    }
    // "The result was announced", "residents were told": the subject of a passive
    // speech verb is what was said, or to whom, never who said it.
    let passive = !lowers[verb].ends_with("ing")
        && lowers[end.saturating_sub(1)..verb]
            .iter()
            .any(|w| matches!(w.as_str(), "was" | "were" | "is" | "are" | "been" | "be"));
    if end == 0 || passive {
        return None;
    }
    // "Calder Air blamed a fault and insisted ...": a second verb of one subject
    // shares the subject opening the sentence.
    if matches!(lowers[end - 1].as_str(), "and" | "but") && end == verb {
        return phrase_at(text, words, lowers, runs, 0, 2, verb, book, context);
    }
    if comma_between(text, &words[end - 1], &words[end.min(words.len() - 1)]) {
        // "Mr Foster, who was travelling with his wife and their sons, aged four and
        // seven, said", "Lisa Dent, 38, whose son's operation was cancelled, said",
        // "Aileen Moffat, 61, a retired teacher from Glasgow, said": a relative
        // clause or an age and a description may hold commas of their own; the name
        // they describe, opening the sentence (after its roles), is the speaker.
        // "Jeroen Lammers, spokesman for the agency (ODZM), told us": a role opens
        // the description as well as an article does.
        let opens_with_description = |at: usize| {
            let first = lowers[at].as_str();
            matches!(first, "who" | "whose" | "a" | "an")
                || first.chars().all(|c| c.is_ascii_digit())
                || is_spokesperson(first)
                || crate::entities::is_title_word(first)
        };
        if let Some(run) = runs.iter().find(|run| {
            // Only roles before the name: "Mum-of-two Lisa Dent, 38, ...", "Shop
            // owner Moira Cameron, 62, ..." (a word saying what kind of role may
            // lead the role word).
            let before: Vec<String> = text[words[0].start..words[run.first_word].start]
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            let roles_before = before.iter().all(|w| crate::entities::is_title_word(w))
                || (before.len() <= MAX_ROLE_WORDS_BEFORE_NAME
                    && before
                        .last()
                        .is_some_and(|w| crate::entities::is_title_word(w))
                    && before.iter().all(|w| {
                        w.chars().all(char::is_alphabetic)
                            && !crate::grammar::looks_like_verb(w)
                            && !crate::grammar::is_determiner(w)
                    }));
            roles_before
                && run.kind == EntityKind::Person
                && run.end_word + 1 < end
                && opens_with_description(run.end_word)
                && comma_between(text, &words[run.end_word - 1], &words[run.end_word])
        }) {
            return Some(Attribution {
                speaker: resolve_run(run, book),
                anonymous: false,
                verb,
                at_clause_edge: true,
            });
        }
        // Skip back over one parenthetical clause to the phrase before it, unless the
        // parenthetical is itself the name ("The leader of the council, Imran Qureshi, said").
        // A one-word parenthetical counts too: "Megan Lloyd, 34, said".
        // "The girl, Ana Rusev, was trapped for 31 hours, said Ilya Dravec": a clause
        // opened by a finite verb is the reported clause, not a parenthetical, and
        // its subject is not the speaker.
        let opens_with_finite_verb = |at: usize| crate::grammar::is_finite_auxiliary(&lowers[at]);
        let last_clause = (1..end)
            .rev()
            .find(|&i| comma_between(text, &words[i - 1], &words[i]));
        if last_clause.is_some_and(opens_with_finite_verb) {
            return None;
        }
        if let Some(clause_start) = last_clause {
            // "Her neighbour in Shirley, retired nurse Brenda Coles, said": the name
            // may follow a few lower-case role words of its own.
            let role_words_before = |run: &NameRun| {
                let roles = &words[clause_start..run.first_word];
                roles.len() <= MAX_ROLE_WORDS_BEFORE_NAME
                    && roles.iter().zip(&lowers[clause_start..run.first_word]).all(
                        |(word, lower)| {
                            word.text.chars().all(char::is_lowercase)
                                && !crate::grammar::is_determiner(lower)
                                && !crate::grammar::is_opening_preposition(lower)
                                && !RELATIVE_PRONOUNS.contains(&lower.as_str())
                        },
                    )
            };
            if let Some(run) = runs.iter().find(|run| {
                run.end_word == end
                    && run.first_word >= clause_start
                    && (run.first_word == clause_start
                        || (run.kind == EntityKind::Person && role_words_before(run)))
            }) {
                // "The company, Calder Vale Coatings, admitted": an organisation too.
                let named = match run.kind {
                    EntityKind::Person => book.find(&run.name).is_some(),
                    EntityKind::Organisation => true,
                    _ => false,
                };
                if named {
                    return Some(Attribution {
                        speaker: resolve_run(run, book),
                        anonymous: false,
                        verb,
                        at_clause_edge: true,
                    });
                }
            }
            if let Some(found) =
                phrase_ending_at(text, words, lowers, runs, clause_start, verb, book, context)
            {
                return Some(found);
            }
        }
    }
    // "..., with peak winds estimated at 160 mph": a phrase opened by a preposition
    // is no subject, and the participle after it reports no speech.
    phrase_ending_at(text, words, lowers, runs, end, verb, book, context).filter(|found| {
        let first = found.speaker.split_whitespace().next().unwrap_or("");
        let first = first.to_lowercase();
        !(crate::grammar::is_opening_preposition(&first)
            || matches!(first.as_str(), "without" | "of" | "for" | "into"))
    })
}

fn comma_between(text: &str, left: &Word, right: &Word) -> bool {
    text.get(left.end..right.start)
        .is_some_and(|gap| gap.contains([',', '(', ')', '—', '–']))
}

/// A speaker phrase at the very start of the words (within `max_start` words).
#[allow(clippy::too_many_arguments)]
fn phrase_at(
    text: &str,
    words: &[Word],
    lowers: &[String],
    runs: &[NameRun],
    first: usize,
    max_start: usize,
    verb: usize,
    book: &NameBook,
    context: &SpeakerContext,
) -> Option<Attribution> {
    (first..=max_start.min(words.len().saturating_sub(1))).find_map(|start| {
        if PERSON_PRONOUNS.contains(&lowers[start].as_str()) {
            return pronoun(&lowers[start], verb, book, context);
        }
        runs.iter()
            .find(|run| run.first_word == start && run.end_word <= verb)
            .map(|run| person_after_titles(words, runs, run, verb).unwrap_or(run))
            .map(|run| Attribution {
                speaker: resolve_run(run, book),
                anonymous: false,
                verb,
                at_clause_edge: true,
            })
            .filter(|_| {
                !comma_between(text, &words[start.saturating_sub(1)], &words[start]) || start == 0
            })
    })
}

/// "Plant boss Rob Verhagen", "Oxford professor Ann Hale" opening a sentence: the
/// capitalised first word is where the person works, and the person, after one to
/// three lower-case title words, is the subject.
fn person_after_titles<'r>(
    words: &[Word],
    runs: &'r [NameRun],
    run: &NameRun,
    verb: usize,
) -> Option<&'r NameRun> {
    if run.kind == EntityKind::Person {
        return None;
    }
    person_after_role_words(words, runs, run).filter(|person| person.end_word <= verb)
}

fn pronoun(
    word: &str,
    verb: usize,
    book: &NameBook,
    context: &SpeakerContext,
) -> Option<Attribution> {
    let female = match word {
        "he" | "him" => Some(false),
        "she" | "her" => Some(true),
        _ => {
            // "they said": the last group that spoke, never a single person.
            let speaker = context.last_group_speaker.clone()?;
            let anonymous = speaker == UNNAMED_SOURCES;
            return Some(Attribution {
                speaker,
                anonymous,
                verb,
                at_clause_edge: true,
            });
        }
    };
    if context.unnamed_spoke_last {
        return Some(Attribution {
            speaker: UNNAMED_SOURCES.to_string(),
            anonymous: true,
            verb,
            at_clause_edge: true,
        });
    }
    let speaker = context.last_person(book, female)?;
    Some(Attribution {
        speaker,
        anonymous: false,
        verb,
        at_clause_edge: true,
    })
}

/// Whether the word at `index` is the "on" of "goes on" or "went on" closing a
/// clause before the words said (a colon, or the end of the words outside quotes).
fn goes_on_to_quote(text: &str, words: &[Word], lowers: &[String], index: usize) -> bool {
    if lowers[index] != "on"
        || index == 0
        || !matches!(lowers[index - 1].as_str(), "goes" | "went" | "go")
    {
        return false;
    }
    match words.get(index + 1) {
        None => true,
        Some(next) => text
            .get(words[index].end..next.start)
            .is_some_and(|gap| gap.contains(':')),
    }
}

/// "One, who asked not to be named, sent us this message:", "The family posted
/// a statement:": a message sent or posted, whose words follow the colon ending
/// the line, is said by whoever sent it.
fn sends_the_message_that_follows(
    text: &str,
    words: &[Word],
    lowers: &[String],
    index: usize,
) -> bool {
    if !sends_a_document(&lowers[index]) {
        return false;
    }
    let Some(noun) = (index + 1..words.len().min(index + 4))
        .find(|&at| DOCUMENT_NOUNS.contains(&lowers[at].as_str()))
    else {
        return false;
    };
    noun + 1 == words.len()
        && text
            .get(words[noun].end..)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
}

/// A verb by which someone puts out a statement, letter or message ("issued a
/// statement", "sent us this message"): its subject is the document's author.
pub(crate) fn sends_a_document(lower: &str) -> bool {
    matches!(
        lower,
        "sent"
            | "sends"
            | "posted"
            | "posts"
            | "shared"
            | "shares"
            | "issued"
            | "issues"
            | "released"
            | "published"
    )
}

/// A speech verb that carries on what the same speaker said before ("added").
fn continues_speech(verb: &str) -> bool {
    matches!(verb, "added" | "adds" | "continued" | "continues")
}

/// A noun for someone who speaks for a body.
fn is_spokesperson(lower: &str) -> bool {
    matches!(lower, "spokesperson" | "spokesman" | "spokeswoman")
}

/// The speaker phrase whose last word is just before `end`.
#[allow(clippy::too_many_arguments)]
fn phrase_ending_at(
    text: &str,
    words: &[Word],
    lowers: &[String],
    runs: &[NameRun],
    end: usize,
    verb: usize,
    book: &NameBook,
    context: &SpeakerContext,
) -> Option<Attribution> {
    let before = &lowers[end - 1];
    let bare_edge = |start: usize| {
        start == 0
            || matches!(lowers[start - 1].as_str(), "and" | "but" | "while" | "as")
            || comma_between(text, &words[start - 1], &words[start])
    };
    // "The Ministry of Defence said": the article opens the phrase, not the name.
    let edge = |start: usize| {
        bare_edge(start)
            || (start > 0
                && crate::grammar::is_determiner(&lowers[start - 1])
                && bare_edge(start - 1))
    };
    if PERSON_PRONOUNS.contains(&before.as_str()) {
        return pronoun(before, verb, book, context);
    }
    // "..., who asked not to be named": a relative pronoun is never the speaker.
    if RELATIVE_PRONOUNS.contains(&before.as_str()) {
        return None;
    }
    // Never back across a comma: in "died at the scene, police said" the speaker
    // is "police", not "the scene police".
    let clause_first = (1..end)
        .rev()
        .find(|&i| comma_between(text, &words[i - 1], &words[i]))
        .unwrap_or(0);
    // "Locals in the village of Ashby Moor said": an unidentified person heads the
    // subject, whatever names its modifiers hold.
    if let Some((start, head)) = people_subject(lowers, clause_first, end) {
        let phrase: Vec<&str> = lowers[start..=head].iter().map(String::as_str).collect();
        let original: Vec<&str> = words[start..=head].iter().map(|w| w.text).collect();
        if let Some(found) = resolve_phrase(
            &phrase,
            &original,
            book,
            context,
            continues_speech(&lowers[verb]),
        ) {
            return Some(Attribution {
                verb,
                at_clause_edge: edge(start),
                ..found
            });
        }
    }
    // "Chief Inspector Gavin Rowe of Police Scotland said", "Kristian Haugli of the
    // Conservative People's Party said": the person speaks for the body named
    // after "of", in capitals after an optional article.
    let names_a_body = |from: usize| {
        from < end
            && lowers[from..end]
                .iter()
                .zip(&words[from..end])
                .enumerate()
                .all(|(i, (lower, word))| {
                    (i == 0 && lower == "the")
                        || word.text.chars().next().is_some_and(char::is_uppercase)
                })
    };
    if let Some(person) = runs.iter().find(|p| {
        p.kind == EntityKind::Person
            && p.end_word + 1 < end
            && lowers[p.end_word] == "of"
            && names_a_body(p.end_word + 1)
    }) {
        return Some(Attribution {
            speaker: resolve_run(person, book),
            anonymous: false,
            verb,
            at_clause_edge: edge(person.first_word),
        });
    }
    // "a West Yorkshire Police spokesperson said": the organisation speaks.
    if (is_spokesperson(before) || before == "statement") && end >= 2 {
        if let Some(run) = runs
            .iter()
            .find(|run| run.end_word == end - 1 && run.kind == EntityKind::Organisation)
        {
            return Some(Attribution {
                speaker: run.name.clone(),
                anonymous: false,
                verb,
                at_clause_edge: edge(run.first_word),
            });
        }
    }
    if let Some(run) = runs.iter().find(|run| run.end_word == end) {
        // "A spokesperson for Transport for Wales said": the body speaks through
        // its spokesperson, and the phrase opens at the article.
        let first = run.first_word;
        let spokesperson_of = first >= 2
            && matches!(lowers[first - 1].as_str(), "for" | "of" | "from")
            && is_spokesperson(&lowers[first - 2]);
        let mut phrase_start = if spokesperson_of { first - 2 } else { first };
        // "Moorside pensioner Brenda Kaye said", "Chief executive Dr Yusuf Rahman
        // said": role nouns before the name, and a name saying where the person is
        // from before them, belong to the phrase.
        if !spokesperson_of {
            while phrase_start > 0
                && first - phrase_start < 3
                && (crate::entities::is_title_word(&lowers[phrase_start - 1])
                    || ANONYMOUS_PEOPLE.contains(&lowers[phrase_start - 1].as_str()))
            {
                phrase_start -= 1;
            }
            if phrase_start < first {
                if let Some(origin) = runs
                    .iter()
                    .find(|r| r.end_word == phrase_start && r.kind != EntityKind::Person)
                {
                    phrase_start = origin.first_word;
                }
            }
        }
        return Some(Attribution {
            speaker: resolve_run(run, book),
            anonymous: false,
            verb,
            at_clause_edge: edge(phrase_start) || verb + 1 == words.len(),
        });
    }
    // A role or anonymous noun phrase: back to a determiner, or a short bare phrase
    // after a comma ("..., city officials said").
    let start = (end.saturating_sub(6).max(clause_first)..end)
        .rev()
        .find(|&i| crate::grammar::is_determiner(&lowers[i]))
        .or_else(|| {
            let bare_start = (end.saturating_sub(3).max(clause_first)..end).find(|&i| {
                (i == 0 || comma_between(text, &words[i - 1], &words[i]))
                    && lowers[i..end]
                        .iter()
                        .all(|w| !crate::grammar::looks_like_verb(w))
            })?;
            Some(bare_start)
        })?;
    let phrase: Vec<&str> = lowers[start..end].iter().map(String::as_str).collect();
    let original: Vec<&str> = words[start..end].iter().map(|w| w.text).collect();
    // "a spokeswoman for the county coroner said": the body speaks through its
    // spokesperson, as it does when named in capitals.
    let spokesperson_of = start >= 2
        && matches!(lowers[start - 1].as_str(), "for" | "of" | "from")
        && is_spokesperson(&lowers[start - 2]);
    if spokesperson_of && (2..=4).contains(&phrase.len()) {
        let spokesperson_start = match start.checked_sub(3) {
            Some(article) if crate::grammar::is_determiner(&lowers[article]) => article,
            _ => start - 2,
        };
        return Some(Attribution {
            speaker: original[usize::from(crate::grammar::is_determiner(phrase[0]))..].join(" "),
            anonymous: false,
            verb,
            at_clause_edge: edge(spokesperson_start),
        });
    }
    Some(Attribution {
        verb,
        at_clause_edge: edge(start),
        ..resolve_phrase(
            &phrase,
            &original,
            book,
            context,
            continues_speech(&lowers[verb]),
        )?
    })
}

/// A subject headed by a noun for unidentified people ([`ANONYMOUS_PEOPLE`]) in
/// `lowers[first..end]`: its head is the last word, or the word before a
/// post-modifier ("locals in the village of ...", "a friend of the family").
/// Returns where the phrase starts (its determiner, or the first of at most two
/// modifiers before a bare plural) and its head. A proportion is no speaker:
/// "six in ten locals say" reports a poll.
fn people_subject(lowers: &[String], first: usize, end: usize) -> Option<(usize, usize)> {
    // "A source at the firm said": a source heads its subject like "a neighbour";
    // so does an official ("An official in the Norvellian delegation says"), whom
    // `resolve_phrase` leaves unnamed only after an indefinite determiner.
    let is_people = |i: usize| {
        ANONYMOUS_PEOPLE.contains(&lowers[i].as_str())
            || ALWAYS_ANONYMOUS.contains(&lowers[i].as_str())
            || matches!(lowers[i].as_str(), "official" | "officials")
    };
    let head = if is_people(end - 1) {
        end - 1
    } else {
        let opener =
            (first + 1..end).find(|&i| POST_MODIFIER_OPENERS.contains(&lowers[i].as_str()))?;
        opener - 1
    };
    if !is_people(head) {
        return None;
    }
    let mut start = head;
    while start > first
        && head - start < 2
        && !crate::grammar::is_determiner(&lowers[start - 1])
        && !is_indefinite(&lowers[start - 1])
        && !crate::grammar::looks_like_verb(&lowers[start - 1])
        && !POST_MODIFIER_OPENERS.contains(&lowers[start - 1].as_str())
    {
        start -= 1;
    }
    let determiner = start > first
        && (crate::grammar::is_determiner(&lowers[start - 1]) || is_indefinite(&lowers[start - 1]));
    if determiner {
        start -= 1;
        if start > first && matches!(lowers[start - 1].as_str(), "in" | "of" | "out") {
            return None;
        }
        return Some((start, head));
    }
    // A bare subject: only a plural ("Furious locals said"), and only from the
    // clause's start; a singular is a title ("neighbour Margaret Sugden").
    let plural = lowers[head].ends_with('s')
        || matches!(
            lowers[head].as_str(),
            "men" | "women" | "people" | "insiders"
        );
    (plural && start == first).then_some((start, head))
}

/// The speaker phrase after a verb ("said Mr Trump", "according to the ministry").
/// "said the deputy branch manager Jo Hart": the role words a trailing
/// speaker's name may follow, after an article.
pub(crate) const MAX_ROLE_WORDS_BEFORE_NAME: usize = 3;

fn phrase_after(
    words: &[Word],
    lowers: &[String],
    runs: &[NameRun],
    start: usize,
    book: &NameBook,
    context: &SpeakerContext,
) -> Option<Attribution> {
    if start >= words.len() {
        return None;
    }
    let continued = start > 0 && continues_speech(&lowers[start - 1]);
    // "said Mr Trump", "said the Kremlin", "fumed farmer Ieuan Davies": the name
    // may follow an article or one role noun, never a preposition ("said on Friday").
    let role_noun = |w: &str| {
        !matches!(
            w,
            "whether"
                | "what"
                | "how"
                | "why"
                | "who"
                | "whom"
                | "where"
                | "which"
                | "about"
                | "to"
                | "of"
                | "that"
                | "if"
                | "than"
        ) && !w.ends_with("ly")
            && !crate::grammar::is_sentence_starter(w)
            && !crate::grammar::is_determiner(w)
            && !crate::grammar::looks_like_verb(w)
            && w.chars().all(char::is_alphabetic)
    };
    // "said branch manager Per Olav Ruud": several lower-case role words only
    // before a person's name.
    // "sobbed her heartbroken daughter Sophie Lyle": a possessive opens the
    // role as an article does.
    let opens_role = |w: &str| matches!(w, "the" | "her" | "his" | "their");
    let role_words_lead_to = |run: &NameRun| {
        let lead = start..run.first_word;
        let article = usize::from(opens_role(&lowers[start]) && !lead.is_empty());
        lead.len() <= MAX_ROLE_WORDS_BEFORE_NAME + article
            && (lead.len() <= 1 || run.kind == EntityKind::Person)
            && lead.clone().all(|i| {
                // "said police chief Paolo Greco": a body's noun leads the role.
                let leads_the_role =
                    role_noun(&lowers[i]) || crate::entities::is_organisation_head(&lowers[i]);
                (i == start && opens_role(&lowers[i]))
                    || (leads_the_role && words[i].is_lower_case())
            })
    };
    if let Some(run) = runs
        .iter()
        .find(|run| run.first_word >= start && role_words_lead_to(run))
    {
        // "says SSEN's director of operations, Claire Donnachie", "said Met Office
        // meteorologist Priya Desai": a body, its person's role, then the person.
        if let Some(person) = person_after_role(words, lowers, runs, run, &role_noun) {
            return Some(Attribution {
                speaker: resolve_run(person, book),
                anonymous: false,
                verb: start,
                at_clause_edge: true,
            });
        }
        return Some(Attribution {
            speaker: resolve_run(run, book),
            anonymous: false,
            verb: start,
            at_clause_edge: true,
        });
    }
    if PERSON_PRONOUNS.contains(&lowers[start].as_str()) {
        return None;
    }
    if crate::grammar::is_determiner(&lowers[start]) || is_indefinite(&lowers[start]) {
        // "according to the coastguard.": a short phrase closing the sentence
        // names its source whatever its noun.
        let closing_phrase = (words.len() > start + 1 && words.len() <= start + 3)
            .then(|| words.len() - 1)
            .filter(|_| {
                lowers[start + 1..].iter().all(|w| {
                    !crate::grammar::looks_like_verb(w) && w.chars().all(char::is_alphabetic)
                })
            });
        let end = (start + 1..words.len().min(start + 5))
            .find(|&i| {
                ROLE_HEADS.contains(&lowers[i].as_str())
                    || crate::entities::is_organisation_noun(&lowers[i])
                    || ANONYMOUS_PEOPLE.contains(&lowers[i].as_str())
                    || ALWAYS_ANONYMOUS.contains(&lowers[i].as_str())
            })
            .or(closing_phrase)?;
        let phrase: Vec<&str> = lowers[start..=end].iter().map(String::as_str).collect();
        let original: Vec<&str> = words[start..=end].iter().map(|w| w.text).collect();
        return resolve_phrase(&phrase, &original, book, context, continued);
    }
    // "said furious locals"
    let head = (start..words.len().min(start + 2))
        .find(|&i| ANONYMOUS_PEOPLE.contains(&lowers[i].as_str()))?;
    let (_, last) = people_subject(lowers, start, head + 1)?;
    // "said residents had been warned": the subject of the reported clause.
    if lowers
        .get(last + 1)
        .is_some_and(|next| crate::grammar::looks_like_verb(next))
    {
        return None;
    }
    let phrase: Vec<&str> = lowers[start..=last].iter().map(String::as_str).collect();
    let original: Vec<&str> = words[start..=last].iter().map(|w| w.text).collect();
    resolve_phrase(&phrase, &original, book, context, continued)
}

/// The person named after a body and a lower-case role: in "SSEN's director of
/// operations, Claire Donnachie" or "HM Coastguard duty controller Ross Fairlie"
/// the body (`run`) is the employer and the person speaks. Between them: one to
/// four role words ("of" only inside them), then perhaps a comma; the person's
/// name must not open a clause ("said Acme boss Jo Hart was leaving" keeps Acme
/// out of it too, as no verb may stand between).
fn person_after_role<'r>(
    words: &[Word],
    lowers: &[String],
    runs: &'r [NameRun],
    run: &NameRun,
    role_noun: &dyn Fn(&str) -> bool,
) -> Option<&'r NameRun> {
    let first_role = run.end_word;
    let person = runs.iter().find(|other| {
        other.first_word > first_role
            && other.first_word <= first_role + 4
            && other.kind == EntityKind::Person
    })?;
    let role = &lowers[first_role..person.first_word];
    let role_words_ok = role.iter().enumerate().all(|(i, w)| {
        words[first_role + i].is_lower_case()
            && (role_noun(w) || (w == "of" && i > 0 && i + 1 < role.len()))
            && !matches!(
                w.as_str(),
                "and" | "or" | "on" | "in" | "at" | "by" | "with" | "after" | "before" | "for"
            )
    });
    let opens_clause = lowers
        .get(person.end_word)
        .is_some_and(|next| crate::grammar::looks_like_verb(next));
    (role_words_ok && !opens_clause).then_some(person)
}

fn resolve_run(run: &NameRun, book: &NameBook) -> String {
    match run.kind {
        EntityKind::Person | EntityKind::Other => book.complete_titled(&run.name, &run.roles),
        _ => run.name.clone(),
    }
}

/// Resolves a lower-case noun phrase: anonymous sources, a role of a known person,
/// or the phrase itself without its determiner ("police", "the fire service").
fn resolve_phrase(
    phrase: &[&str],
    original: &[&str],
    book: &NameBook,
    context: &SpeakerContext,
    continuing: bool,
) -> Option<Attribution> {
    let mut content: Vec<&str> = phrase
        .iter()
        .copied()
        .filter(|w| !crate::grammar::is_determiner(w))
        .collect();
    // "the Reading-based firm said": where a body is based does not change which
    // body "the firm" is.
    if let Some(based) = content
        .iter()
        .position(|w| *w == "based")
        .filter(|&at| at >= 1)
    {
        content.drain(based - 1..=based);
    }
    let unnamed = Attribution {
        speaker: UNNAMED_SOURCES.to_string(),
        anonymous: true,
        verb: 0,
        at_clause_edge: true,
    };
    // "One told us", "another added", "one of them said": one of a group, never
    // identified.
    let one_of_a_group = matches!(phrase, [_, "of", "them" | "those" | "these"])
        && matches!(
            phrase[0],
            "one" | "another" | "two" | "some" | "several" | "both"
        );
    if matches!(phrase, ["one"] | ["another"]) || one_of_a_group {
        return Some(unnamed);
    }
    // "the mum-of-two said", "the father of three": a parent described by the
    // children.
    if let [.., noun, "of", count] = content.as_slice() {
        if crate::entities::family_noun_sex(noun).is_some()
            && crate::quantities::is_number_name_word(count)
        {
            content.truncate(content.len() - 2);
        }
    }
    let head = *content.last()?;
    if RELATIVE_PRONOUNS.contains(&head) {
        return None;
    }
    // "the mum said", "the grandad added": a tabloid's word for the person it
    // last named, when the relative's sex fits.
    let relative = crate::entities::family_noun_sex(head);
    let definite_article = phrase.first() == Some(&"the");
    if let (Some(female), true) = (relative, definite_article) {
        if let Some(latest) = context.last_person(book, female) {
            return Some(Attribution {
                speaker: latest,
                anonymous: false,
                verb: 0,
                at_clause_edge: true,
            });
        }
    }
    let relative = relative.is_some();
    // "a neighbour", "locals", "one resident": unidentified; "the neighbour" may be
    // a person named with that role, and is unidentified only when none is.
    let people = ANONYMOUS_PEOPLE.contains(&head);
    let definite = phrase
        .first()
        .is_some_and(|d| crate::grammar::is_determiner(d) && !is_indefinite(d));
    if ALWAYS_ANONYMOUS.contains(&head)
        || (people && !definite)
        || (matches!(head, "official" | "officials")
            && phrase.first().is_some_and(|d| {
                matches!(
                    *d,
                    "a" | "an" | "one" | "two" | "three" | "several" | "some"
                )
            }))
    {
        return Some(unnamed);
    }
    // "the statement said": its author, when the report named one.
    if definite && content.len() == 1 && DOCUMENT_NOUNS.contains(&head) {
        if let Some(author) = &context.document_author {
            return Some(Attribution {
                speaker: author.clone(),
                anonymous: false,
                verb: 0,
                at_clause_edge: true,
            });
        }
    }
    // "according to the airline", "the company said": the body the report is about.
    if definite && content.len() == 1 && crate::entities::is_organisation_noun(head) {
        if let Some(body) = context.body_called(head) {
            return Some(Attribution {
                speaker: body.clone(),
                anonymous: false,
                verb: 0,
                at_clause_edge: true,
            });
        }
    }
    if ROLE_HEADS.contains(&head) || people || relative {
        let modifiers: Vec<&str> = content[..content.len() - 1].to_vec();
        let candidates = context
            .recent_persons
            .iter()
            .rev()
            .chain(book.persons.iter().map(|p| &p.name));
        for name in candidates {
            if let Some(person) = book.person(name) {
                let roles: Vec<&str> = person.roles.iter().map(String::as_str).collect();
                if has_role(&roles, head)
                    && modifiers.iter().all(|m| {
                        has_role(&roles, m)
                            || roles.iter().any(|r| r.starts_with(&m[..m.len().min(5)]))
                    })
                {
                    return Some(Attribution {
                        speaker: person.name.clone(),
                        anonymous: false,
                        verb: 0,
                        at_clause_edge: true,
                    });
                }
            }
        }
        // "Top cop Deborah Lindqvist praised her team. '...,' the chief said.": no
        // one in the report holds the role by name, so a role in lower case points
        // back to the latest person, as "she" would. A capitalised title ("The
        // President said") names an office, whose holder may be anyone.
        let described_in_lower_case = original
            .last()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
        // So does a role with its qualifiers ("the Drasnian minister", "the
        // Velmoran foreign minister") when no one holds it by name.
        if definite && !people && content.len() <= 3 && described_in_lower_case {
            if let Some(latest) = context.last_person(book, None) {
                return Some(Attribution {
                    speaker: latest,
                    anonymous: false,
                    verb: 0,
                    at_clause_edge: true,
                });
            }
        }
    }
    // "The retired bus driver added: ..." after the quotation of a person named
    // without that role: the speaker goes on, described rather than named.
    let describes_a_person =
        people || relative || ROLE_HEADS.contains(&head) || crate::entities::is_title_word(head);
    if continuing && definite && describes_a_person {
        if let Some(last) = context
            .last_quote_speaker
            .as_ref()
            .filter(|speaker| book.person(speaker).is_some())
        {
            return Some(Attribution {
                speaker: last.clone(),
                anonymous: false,
                verb: 0,
                at_clause_edge: true,
            });
        }
    }
    // "a spokesperson said" with no body named and no person known by that role:
    // an unidentified person ("a Met Office spokesperson" names its body and
    // never gets here).
    let spokesperson = matches!(head, "spokesperson" | "spokesman" | "spokeswoman");
    // "A retired bus driver said", "one nurse told": someone the report describes
    // but never names.
    let indefinite = phrase.first().is_some_and(|d| is_indefinite(d));
    if people
        || (spokesperson && content.len() == 1 && !definite && phrase.len() > 1)
        || (describes_a_person && indefinite && !spokesperson)
    {
        return Some(unnamed);
    }
    if content.is_empty() || content.len() > 4 {
        return None;
    }
    let shown: Vec<&str> = phrase
        .iter()
        .zip(original)
        .filter(|(lower, _)| !crate::grammar::is_determiner(lower))
        .map(|(_, original)| *original)
        .collect();
    Some(Attribution {
        speaker: shown.join(" "),
        anonymous: false,
        verb: 0,
        at_clause_edge: true,
    })
}

/// A headline-style attribution without a verb: `Council leader: "..."`,
/// `Zelenskyy: "..."` — a short phrase ending in a colon before the quotation.
fn colon_intro(
    text: &str,
    words: &[Word],
    lowers: &[String],
    runs: &[NameRun],
    book: &NameBook,
    context: &SpeakerContext,
) -> Option<Attribution> {
    let colon_follows = |i: usize| colon_follows(text, words, i);
    let Some(colon_after) = (0..words.len().min(4)).find(|&i| colon_follows(i)) else {
        // A longer lead-in: its colon is looked for once, for all readings.
        let colon_after = (0..words.len()).find(|&i| colon_follows(i))?;
        return described_person_before_colon(text, words, lowers, runs, book, colon_after)
            .or_else(|| named_as_before_colon(lowers, runs, book, colon_after))
            .or_else(|| statement_before_colon(words, lowers, runs, book, colon_after))
            .or_else(|| manner_before_colon(lowers, runs, book, context, colon_after))
            .or_else(|| person_opening_lead_in(text, words, lowers, runs, book, colon_after));
    };
    // "More from Oduya's statement:" is as short as "Council leader:".
    if let Some(found) = described_person_before_colon(text, words, lowers, runs, book, colon_after)
        .or_else(|| statement_before_colon(words, lowers, runs, book, colon_after))
    {
        return Some(found);
    }
    let end = colon_after + 1;
    let sentence = &text[words[0].start..words[words.len() - 1].end];
    if let Some(run) = runs.iter().find(|run| {
        run.first_word == 0
            && run.end_word == end
            && !crate::entities::is_shouted_word_run(
                text,
                crate::entities::is_shouted_text(sentence),
                &run.name,
                book,
            )
    }) {
        return Some(Attribution {
            speaker: resolve_run(run, book),
            anonymous: false,
            verb: end,
            at_clause_edge: true,
        });
    }
    let phrase: Vec<&str> = lowers[..end].iter().map(String::as_str).collect();
    let original: Vec<&str> = words[..end].iter().map(|w| w.text).collect();
    let found = resolve_phrase(&phrase, &original, book, context, false)?;
    // Only a role resolved to a person counts: "Update: ..." is not a speaker.
    (book.person(&found.speaker).is_some() || found.anonymous)
        .then_some(Attribution { verb: end, ..found })
}

/// Whether a colon follows the word at `i` (after spaces at most), and not one
/// inside a clock time ("at 3:15 a.m.").
fn colon_follows(text: &str, words: &[Word], i: usize) -> bool {
    let next_start = words
        .get(i + 1)
        .map_or(text.len().min(words[i].end + 3), |w| w.start);
    let in_a_clock_time = words[i].text.ends_with(|c: char| c.is_ascii_digit())
        && text[words[i].end..]
            .strip_prefix(':')
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    !in_a_clock_time
        && text
            .get(words[i].end..next_start)
            .is_some_and(|gap| gap.trim_start().starts_with(':'))
}

/// The person a live page's lead-in ending in a colon names as the one who speaks
/// next ([`described_person_before_colon`]), wherever the colon stands.
fn person_named_in_lead_in(
    text: &str,
    words: &[Word],
    lowers: &[String],
    runs: &[NameRun],
    book: &NameBook,
) -> Option<Attribution> {
    let colon_after = (0..words.len()).find(|&i| colon_follows(text, words, i))?;
    described_person_before_colon(text, words, lowers, runs, book, colon_after)
}

/// A live page's lead-in naming who speaks next: "More from Stuart Rennie:", "From
/// Stuart Rennie, who was close to tears:", "Stuart Rennie, who was close to
/// tears:" — a person's name opening it (after "more from" or "from"), then the
/// colon or a relative clause running to it.
fn described_person_before_colon(
    text: &str,
    words: &[Word],
    lowers: &[String],
    runs: &[NameRun],
    book: &NameBook,
    colon_after: usize,
) -> Option<Attribution> {
    let start = match (
        lowers.first().map(String::as_str),
        lowers.get(1).map(String::as_str),
    ) {
        (Some("more"), Some("from")) => 2,
        (Some("from"), _) => 1,
        _ => 0,
    };
    let run = runs
        .iter()
        .find(|run| run.first_word == start && run.kind == EntityKind::Person)?;
    let end = colon_after + 1;
    let ends_at_colon = run.end_word == end;
    let relative_clause_to_colon = run.end_word < end
        && comma_between(text, &words[run.end_word - 1], &words[run.end_word])
        && matches!(lowers[run.end_word].as_str(), "who" | "whose");
    (start > 0 && ends_at_colon || relative_clause_to_colon).then(|| Attribution {
        speaker: resolve_run(run, book),
        anonymous: false,
        verb: end,
        at_clause_edge: true,
    })
}

/// "A survivor quoted by the charity, a 22-year-old Eritrean named only as Yonas,
/// describes the moment: "..."": a lead-in that names the one it describes
/// ("named as", "identified only as", "known as") gives the quotation to that
/// name, not to whoever relayed it.
fn named_as_before_colon(
    lowers: &[String],
    runs: &[NameRun],
    book: &NameBook,
    colon_after: usize,
) -> Option<Attribution> {
    let lead_in = &lowers[..=colon_after];
    let name_at = lead_in.iter().enumerate().find_map(|(at, word)| {
        if !matches!(word.as_str(), "named" | "identified" | "known") {
            return None;
        }
        match (
            lead_in.get(at + 1)?.as_str(),
            lead_in.get(at + 2).map(String::as_str),
        ) {
            ("as", _) => Some(at + 2),
            ("only", Some("as")) => Some(at + 3),
            _ => None,
        }
    })?;
    let run = runs.iter().find(|run| run.first_word == name_at)?;
    Some(Attribution {
        speaker: resolve_run(run, book),
        anonymous: false,
        verb: colon_after,
        at_clause_edge: true,
    })
}

/// "Paolo Ferrante has given a short statement outside the substation: "..."": a
/// longer lead-in before a colon that names no verb of saying but a statement, a
/// message or remarks; its subject, a person named within its first words, speaks.
fn statement_before_colon(
    words: &[Word],
    lowers: &[String],
    runs: &[NameRun],
    book: &NameBook,
    colon_after: usize,
) -> Option<Attribution> {
    const SPEECH_NOUNS: &[&str] = &["statement", "message", "remarks", "comments", "speech"];
    let noun = lowers[..=colon_after]
        .iter()
        .position(|w| SPEECH_NOUNS.contains(&w.as_str()))?;
    let first = runs.iter().find(|run| {
        run.end_word <= noun
            && run.first_word <= 6
            && (run.kind == EntityKind::Person || book.find(&run.name).is_some())
    })?;
    let subject = person_after_role_words(words, runs, first)
        .filter(|person| person.end_word <= noun)
        .unwrap_or(first);
    Some(Attribution {
        speaker: resolve_run(subject, book),
        anonymous: false,
        verb: noun,
        at_clause_edge: true,
    })
}

/// "Asked about the report, she was firm: "No ransom was paid."": a lead-in that
/// ends in its subject and "was" with a manner of speaking (firm, blunt, adamant)
/// before the colon gives the quotation to that subject, a person or "he"/"she".
fn manner_before_colon(
    lowers: &[String],
    runs: &[NameRun],
    book: &NameBook,
    context: &SpeakerContext,
    colon_after: usize,
) -> Option<Attribution> {
    const MANNERS: &[&str] = &[
        "firm",
        "blunt",
        "clear",
        "adamant",
        "emphatic",
        "defiant",
        "unequivocal",
        "categorical",
        "candid",
        "frank",
    ];
    if colon_after < 2
        || !MANNERS.contains(&lowers[colon_after].as_str())
        || !matches!(lowers[colon_after - 1].as_str(), "was" | "is" | "were")
    {
        return None;
    }
    let subject_at = colon_after - 2;
    if let Some(run) = runs.iter().find(|run| run.end_word == subject_at + 1) {
        let person = run.kind == EntityKind::Person || book.find(&run.name).is_some();
        return person.then(|| Attribution {
            speaker: resolve_run(run, book),
            anonymous: false,
            verb: colon_after,
            at_clause_edge: true,
        });
    }
    let subject = lowers[subject_at].as_str();
    matches!(subject, "he" | "she")
        .then(|| pronoun(subject, colon_after, book, context))
        .flatten()
}

/// Nouns for what someone says, which a lead-in before a quotation may name: "did
/// not mince her words", "had a message for the council", "her verdict".
const WORDS_SPOKEN: &[&str] = &[
    "words", "message", "verdict", "response", "reply", "answer", "reaction", "plea", "appeal",
    "tribute", "view", "views",
];

/// "Campaigner Nadia Okafor did not mince her words: \"...\"": a lead-in that opens
/// with a person (after title words at most), speaks of words said
/// ([`WORDS_SPOKEN`]) and names no one else before its colon gives the quotation
/// after it to that person.
fn person_opening_lead_in(
    text: &str,
    words: &[Word],
    lowers: &[String],
    runs: &[NameRun],
    book: &NameBook,
    colon_after: usize,
) -> Option<Attribution> {
    // Only a quotation after the colon: "Nadia Okafor had three demands: a new
    // pipe, ..." lists, it quotes no one.
    let after_colon = text[words[colon_after].end..]
        .trim_start()
        .trim_start_matches(':')
        .trim_start();
    if !after_colon.starts_with(['"', '\u{201c}', '\'', '\u{2018}']) {
        return None;
    }
    let mut opening = runs.iter().filter(|run| run.first_word <= colon_after);
    let run = opening.next()?;
    let after_titles = words[..run.first_word]
        .iter()
        .all(|word| crate::entities::is_title_word(&word.lower()));
    let person = run.kind == EntityKind::Person || book.person(&run.name).is_some();
    let no_one_else = opening.all(|other| other.kind != EntityKind::Person);
    // The lead-in goes on past the name: a bare name before the colon is read
    // elsewhere, and so is a sentence with its own speech verb.
    let goes_on = run.end_word <= colon_after;
    let speech_verb = lowers[..=colon_after].iter().any(|w| is_speech_verb(w));
    // The lead-in must speak of words: "walked past the crowd at the gate:" may
    // set a scene for anyone's words.
    let of_words = lowers[run.end_word..=colon_after]
        .iter()
        .any(|w| WORDS_SPOKEN.contains(&w.as_str()));
    let gives_it = after_titles && person && no_one_else && goes_on && of_words;
    (gives_it && !speech_verb).then(|| Attribution {
        speaker: resolve_run(run, book),
        anonymous: false,
        verb: colon_after + 1,
        at_clause_edge: true,
    })
}

/// Whether a span mentions an anonymous source ("citing unnamed sources").
pub(crate) fn mentions_anonymous_source(span: &str) -> bool {
    ANONYMOUS_SOURCE.is_match(span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::build_name_book;
    use crate::text::words;

    fn speaker_of(context_text: &str, sentence: &str) -> Option<String> {
        let text = format!("{context_text} {sentence}");
        let book = build_name_book(&text, &[(0, text.len())]);
        let mut context = SpeakerContext::default();
        for run in name_runs(&text, &words(&text, 0, context_text.len()), 0) {
            if run.kind == EntityKind::Person {
                context.mention(&book.complete_titled(&run.name, &run.roles));
            }
        }
        let start = context_text.len() + 1;
        let ws = words(&text, start, text.len());
        find_attribution(&text, &ws, start, &book, &context).map(|a| a.speaker)
    }

    #[test]
    fn a_name_given_with_called_is_no_speech() {
        let intro = "Police searched the moor.";
        assert_eq!(
            speaker_of(intro, "A man called John Smith was arrested."),
            None
        );
        assert_eq!(
            speaker_of(
                intro,
                "The second cat, a female called Freya, was recaptured on Wednesday."
            ),
            None
        );
        // Calling something something is still said.
        assert_eq!(
            speaker_of(intro, "Mayor Ann Hale called the decision a disgrace.").as_deref(),
            Some("Ann Hale")
        );
    }

    #[test]
    fn names_pronouns_and_roles() {
        let intro = "US President Donald Trump met Ukrainian President Volodymyr Zelenskyy.";
        assert_eq!(
            speaker_of(intro, "Mr Trump told reporters he was unhappy.").as_deref(),
            Some("Donald Trump")
        );
        assert_eq!(
            speaker_of(intro, "It was good, said Mr Zelenskyy.").as_deref(),
            Some("Volodymyr Zelenskyy")
        );
        assert_eq!(
            speaker_of(intro, "It was good, he said.").as_deref(),
            Some("Volodymyr Zelenskyy")
        );
        assert_eq!(
            speaker_of(
                intro,
                "The Ukrainian president wrote on Telegram that talks went well."
            )
            .as_deref(),
            Some("Volodymyr Zelenskyy")
        );
        assert_eq!(
            speaker_of(intro, "According to Mr Trump, it went well.").as_deref(),
            Some("Donald Trump")
        );
    }

    #[test]
    fn a_name_after_said_that_opens_a_clause_is_not_the_speaker() {
        let sentence = "The President, speaking on Air Force One, said Putin had shown zero interest in a ceasefire.";
        assert_ne!(speaker_of("", sentence).as_deref(), Some("Putin"));
        let sentence = "\"We are ready,\" said Vladimir Putin on Friday.";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Vladimir Putin"));
    }

    #[test]
    fn the_subject_of_a_passive_speech_verb_is_not_its_speaker() {
        let sentence = "The result was announced at 6.40am by the returning officer.";
        assert_eq!(speaker_of("", sentence), None);
        let sentence = "Residents were told to leave, police said.";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("police"));
        let sentence = "Ann Hale was saying the same thing.";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Ann Hale"));
    }

    #[test]
    fn a_role_and_a_home_before_the_name_open_the_speaker_phrase() {
        let text = "Outside the centre, Moorside pensioner Brenda Kaye said she had voted.";
        let book = build_name_book(text, &[(0, text.len())]);
        let ws = words(text, 0, text.len());
        let found = find_attribution(text, &ws, 0, &book, &SpeakerContext::default());
        assert!(found
            .as_ref()
            .is_some_and(|a| a.speaker == "Brenda Kaye" && a.at_clause_edge));
        // A role of two words and a title: "Chief executive Dr ...".
        let text = "Chief executive Dr Yusuf Rahman said patient records had not been stolen.";
        let book = build_name_book(text, &[(0, text.len())]);
        let ws = words(text, 0, text.len());
        let found = find_attribution(text, &ws, 0, &book, &SpeakerContext::default());
        assert!(found
            .as_ref()
            .is_some_and(|a| a.speaker == "Yusuf Rahman" && a.at_clause_edge));
    }

    #[test]
    fn a_bare_speaker_after_a_comma_stands_alone() {
        let sentence = "The driver and a woman died at the scene, police said.";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("police"));
    }

    #[test]
    fn a_role_noun_may_stand_between_the_verb_and_the_name() {
        let speaker = first_speaker;
        let text = "\"We have been on at them about that bank,\" fumed farmer Ieuan Davies, 61.";
        assert_eq!(speaker(text).as_deref(), Some("Ieuan Davies"));
        let text = "\"We are ready,\" said on Friday Ieuan Davies.";
        assert_ne!(speaker(text).as_deref(), Some("Friday"));
        let text = "Asked whether Washington would send more, Mr. Trump said Ukraine needs them.";
        assert_ne!(speaker(text).as_deref(), Some("Washington"));
    }

    #[test]
    fn several_role_words_may_stand_before_a_trailing_name() {
        let speaker = first_speaker;
        let text = "\"Our customers have waited,\" said branch manager Per Olav Ruud.";
        assert_eq!(speaker(text).as_deref(), Some("Per Olav Ruud"));
        let text = "\"We are ready,\" said the deputy branch manager Jo Hart.";
        assert_eq!(speaker(text).as_deref(), Some("Jo Hart"));
        // Role words lead to a person only; a preposition breaks the phrase.
        let text = "\"We are ready,\" said on Friday in Haldane Jo Hart.";
        assert_ne!(speaker(text).as_deref(), Some("Jo Hart"));
    }

    #[test]
    fn a_definite_role_nobody_holds_by_name_is_the_latest_person() {
        let intro = "Top cop Deborah Lindqvist heaped praise on her team.";
        let sentence = "\"Our officers showed extraordinary patience,\" the chief said.";
        assert_eq!(
            speaker_of(intro, sentence).as_deref(),
            Some("Deborah Lindqvist")
        );
        // With no person met yet the role stays the speaker.
        assert_eq!(speaker_of("", sentence).as_deref(), Some("chief"));
        // The role may carry qualifiers.
        let intro = "Leyla Demiraj confirmed that borders were not discussed.";
        let sentence = "\"Not one metre of our land is on the table,\" the Drasnian minister said.";
        assert_eq!(
            speaker_of(intro, sentence).as_deref(),
            Some("Leyla Demiraj")
        );
        // A capitalised title names an office, not the latest person.
        let intro = "The Ukrainian leader Volodymyr Zelensky said they talked.";
        let sentence =
            "The President, speaking on Air Force One, said Putin had shown no interest.";
        assert_ne!(
            speaker_of(intro, sentence).as_deref(),
            Some("Volodymyr Zelensky")
        );
    }

    #[test]
    fn a_person_of_a_body_speaks_for_it() {
        let sentence = "Opposition leader Kristian Haugli of the Conservative People's Party said the bank was wrong.";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Kristian Haugli"));
        let sentence = "Chief Inspector Gavin Rowe of Police Scotland said the road was shut.";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Gavin Rowe"));
    }

    #[test]
    fn a_trader_at_a_named_bank_is_an_unnamed_source() {
        let sentence = "\"Nobody had 50 in their spreadsheet,\" one currency trader at a Marhavn bank told us.";
        assert_eq!(speaker_of("", sentence).as_deref(), Some(UNNAMED_SOURCES));
    }

    #[test]
    fn an_adverb_of_order_before_the_verb_is_no_part_of_the_speaker() {
        let sentence = "The coastguard first estimated the spill at 200 tonnes.";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("coastguard"));
    }

    #[test]
    fn a_master_before_a_name_is_a_role() {
        let sentence = "Harbour master Tom Penhallow told the Courier that no fire broke out.";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Tom Penhallow"));
    }

    #[test]
    fn carrying_on_is_speech_only_beside_the_words_said() {
        let sentence =
            "Two crew members are missing, and the search for them continued after dark.";
        assert_eq!(speaker_of("", sentence), None);
        let intro = "Coastguard chief Moira Dunleavy spoke at noon.";
        let sentence = "\"We will not stop looking,\" she continued.";
        assert_eq!(
            speaker_of(intro, sentence).as_deref(),
            Some("Moira Dunleavy")
        );
    }

    #[test]
    fn a_tabloid_speech_verb_after_a_quotation_attributes_it() {
        let intro = "Finance Minister Tobias Brandvik was cock-a-hoop.";
        let sentence = "\"The battle against inflation is largely won,\" he crowed.";
        assert_eq!(
            speaker_of(intro, sentence).as_deref(),
            Some("Tobias Brandvik")
        );
    }

    #[test]
    fn organisations_speak_after_an_article_or_through_a_spokesperson() {
        let speaker = first_speaker;
        let cases = [
            (
                "The Ministry of Defence said it was monitoring the site.",
                "Ministry of Defence",
            ),
            (
                "The Department for Education said schools would reopen.",
                "Department for Education",
            ),
            (
                "Transport for London said trains would run.",
                "Transport for London",
            ),
            (
                "A spokeswoman for Network South said buses would run.",
                "Network South",
            ),
            // A body in lower case speaks through its spokesperson too.
            (
                "An inquest will open on Thursday, a spokeswoman for the county coroner said.",
                "county coroner",
            ),
            (
                "The road stays shut, a spokesman for the highways agency said.",
                "highways agency",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(speaker(text).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn speakers_after_a_tabloid_verb_a_fronted_adverb_or_a_body_and_role() {
        let cases = [
            (
                "\"This was a system,\" thundered Carabinieri commander Colonel Paolo Greco.",
                "Paolo Greco",
            ),
            (
                "Instead, prosecutors say, he was lining his own pockets.",
                "prosecutors",
            ),
            ("In fact, police said, the men fled.", "police"),
            (
                "\"It was a system,\" said police chief Paolo Greco.",
                "Paolo Greco",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(first_speaker(text).as_deref(), Some(expected), "{text}");
        }
        // A newspaper's name is no person "he" could stand for.
        let text = "NORD EXPRESS\nMAYOR IN CUFFS!\nBy Gianni Russo\nThe mayor is led to a car (Picture: Nord Express/Luca Bassi)\nHe promised Monteraso a shiny new tram.";
        assert_eq!(last_speaker(text), None);
    }

    #[test]
    fn an_age_between_name_and_verb_is_skipped() {
        let sentence = "Horrified nurse Megan Lloyd, 34, said: \"It was like a tumble dryer.\"";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Megan Lloyd"));
        // An age and a description, or an age and a relative clause.
        let sentence = "Aileen Moffat, 61, a retired teacher from Glasgow who was visiting her sister, said: \"There was a terrible bang.\"";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Aileen Moffat"));
        let sentence = "Mum-of-two Lisa Dent, 38, whose son's operation was scrapped, fumed: \"Nobody answers the phone.\"";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Lisa Dent"));
        // A live page's lead-in names who speaks next.
        let intro = "Stuart Rennie spoke to reporters.";
        for sentence in [
            "More from Stuart Rennie: \"We owe everything to those rescuers.\"",
            "More from Stuart Rennie, who was close to tears: \"We owe everything to them.\"",
            "Stuart Rennie, who was close to tears: \"We owe everything to them.\"",
        ] {
            assert_eq!(
                speaker_of(intro, sentence).as_deref(),
                Some("Stuart Rennie"),
                "{sentence}"
            );
        }
        // A pronoun after the words stands for the one the lead-in names, not for
        // whoever spoke before.
        let intro = "Inspector Mark Renshaw has spoken. \"It is an attack,\" he said.";
        let sentence = "More from Kieran Doyle: \"People are doing 14-hour shifts,\" he told us.";
        assert_eq!(speaker_of(intro, sentence).as_deref(), Some("Kieran Doyle"));
        // A lead-in opening with a person gives the quotation to them, however it
        // says they spoke; a list after the colon quotes no one, and the colon of a
        // clock time ends no lead-in.
        let sentence =
            "Campaigner Nadia Okafor did not mince her words: \"They knew that pipe was rotten.\"";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Nadia Okafor"));
        let sentence = "Nadia Okafor had three demands: a new pipe, an inquiry and compensation.";
        assert_eq!(speaker_of("", sentence), None);
        let sentence = "Mayor Josef Lindner ordered the town to be evacuated at 3:15 a.m.";
        assert_eq!(speaker_of("", sentence), None);
        // A word saying what kind of role may lead the role word.
        let sentence = "Shop owner Moira Cameron, 62, who runs the village store, said: \"The wind was like a freight train.\"";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Moira Cameron"));
        // One named in a lead-in speaks, not the one who relayed the words.
        let intro = "Open Waters said it passed on a distress call.";
        let sentence = "A survivor quoted by Open Waters, a 22-year-old Eritrean named only as Yonas, describes the moment the boat went over: \"We were packed so tight.\"";
        assert_eq!(speaker_of(intro, sentence).as_deref(), Some("Yonas"));
    }

    #[test]
    fn the_colon_of_a_clock_time_ends_no_lead_in() {
        let text = "He left at 3:15 a.m. and said: no more.";
        let words = crate::text::words(text, 0, text.len());
        let before_colons: Vec<&str> = (0..words.len())
            .filter(|&i| colon_follows(text, &words, i))
            .map(|i| words[i].text)
            .collect();
        assert_eq!(before_colons, ["said"]);
    }

    #[test]
    fn declaring_an_emergency_reports_no_words() {
        assert_eq!(speaker_of("", "The captain declared an emergency."), None);
        assert_eq!(
            speaker_of("", "The captain declared that all was well.").as_deref(),
            Some("captain")
        );
    }

    #[test]
    fn a_second_verb_of_one_subject_shares_its_speaker() {
        let sentence = "Calder Air blamed a \"technical fault\" and insisted safety came first.";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Calder Air"));
        // The body the person works for opens the sentence; the person speaks.
        let sentence = "Plant boss Rob Verhagen apologised and admitted a valve had failed.";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Rob Verhagen"));
    }

    #[test]
    fn a_name_before_a_described_role_speaks_whatever_adverbs_follow() {
        let sentence = "Jeroen Lammers, spokesman for the South Meuse Environment Agency (ODZM), has just told us: \"There is no risk.\"";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Jeroen Lammers"));
    }

    #[test]
    fn one_of_a_group_and_a_surname_with_its_particle() {
        let context = "Two people familiar with the matter said the valve was old.";
        let sentence = "\"It was on the list for months,\" one of them said.";
        assert_eq!(
            speaker_of(context, sentence).as_deref(),
            Some(UNNAMED_SOURCES)
        );
        let context = "Mayor Marieke van Dalen was angry.";
        let sentence = "\"I want answers,\" Van Dalen said.";
        assert_eq!(
            speaker_of(context, sentence).as_deref(),
            Some("Marieke van Dalen")
        );
        let sentence = "Headteacher Ilse Janssen said staff had phoned every family.";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Ilse Janssen"));
    }

    #[test]
    fn a_speaker_after_a_comma_and_the_verb_closes_the_sentence() {
        assert_eq!(
            speaker_of("", "Too little, too late, say grieving families.").as_deref(),
            Some("unnamed sources")
        );
        assert_eq!(
            speaker_of("", "The plant will close, says Mayor Anna Berg.").as_deref(),
            Some("Anna Berg")
        );
        // A subject set off by an aside keeps its verb, with or without a
        // quotation after it.
        assert_eq!(
            speaker_of("", "Anna Berg, the mayor, said the plant would close.").as_deref(),
            Some("Anna Berg")
        );
        assert_eq!(
            speaker_of(
                "",
                "Anna Berg, the mayor, said the carriage \"lurched sideways\"."
            )
            .as_deref(),
            Some("Anna Berg")
        );
    }

    #[test]
    fn relatives_speak_for_the_person_named_before() {
        let sentence =
            "\"She came every Friday,\" sobbed her heartbroken daughter Sophie Lyle, 45.";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Sophie Lyle"));
        let context = "Shopper Ms Kerry Dunmore, 39, was stunned.";
        for sentence in [
            "\"I had one last week,\" the mum-of-two said.",
            "\"I had one last week,\" the mother of two said.",
            "\"I had one last week,\" the mum said.",
        ] {
            assert_eq!(
                speaker_of(context, sentence).as_deref(),
                Some("Kerry Dunmore"),
                "{sentence}"
            );
        }
        // A relative of the other sex is someone else.
        assert_ne!(
            speaker_of(context, "\"I had one last week,\" the dad said.").as_deref(),
            Some("Kerry Dunmore")
        );
    }

    #[test]
    fn a_relative_clause_with_commas_of_its_own_keeps_its_name_as_speaker() {
        let sentence = "Dean Foster, who was travelling with his wife and their sons, aged four and seven, said the wait was the worst part.";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Dean Foster"));
        let sentence = "Daniel Lyle, who lives nearby, said the crew had not helped.";
        assert_eq!(speaker_of("", sentence).as_deref(), Some("Daniel Lyle"));
    }

    #[test]
    fn appositive_names_and_listeners() {
        let intro =
            "Imran Qureshi, leader of Leeds City Council, spoke. Kelly Hirst, 34, lives nearby.";
        assert_eq!(
            speaker_of(
                intro,
                "The leader of Leeds City Council, Imran Qureshi, said the city was calm."
            )
            .as_deref(),
            Some("Imran Qureshi")
        );
        assert_eq!(
            speaker_of(intro, "It was awful, Kelly Hirst told The Sun.").as_deref(),
            Some("Kelly Hirst")
        );
    }

    #[test]
    fn a_statement_before_a_colon_is_its_subjects() {
        let intro = "The fire started at 5.48pm.";
        assert_eq!(
            speaker_of(
                intro,
                "Reti Lombarde chief executive Paolo Ferrante has given a short statement outside the substation: \"This was a fire in a single transformer.\""
            )
            .as_deref(),
            Some("Paolo Ferrante")
        );
        // No statement named: a colon after a long lead-in is no attribution.
        assert_eq!(
            speaker_of(
                intro,
                "Paolo Ferrante walked past the crowd at the gate outside: \"This was a fire.\""
            ),
            None
        );
    }

    #[test]
    fn a_manner_of_speaking_before_a_colon_is_its_subjects() {
        let intro = "Foreign Minister Niamh Cullinane spoke in Dublin.";
        assert_eq!(
            speaker_of(
                intro,
                "Asked about the ransom report, she was firm: \"No ransom was paid.\""
            )
            .as_deref(),
            Some("Niamh Cullinane")
        );
        // A state of things before a colon is no speaker.
        assert_eq!(
            speaker_of(intro, "The message on the gate was clear: \"Keep out.\""),
            None
        );
    }

    #[test]
    fn colon_intro_with_a_role() {
        let intro = "Imran Qureshi, leader of Leeds City Council, spoke.";
        assert_eq!(
            speaker_of(intro, "Council leader: 'Every family will be housed'").as_deref(),
            Some("Imran Qureshi")
        );
    }

    #[test]
    fn legal_and_police_roles_stand_for_their_person() {
        let intro = "Coroner Alan Petrie opened the inquest. Det Insp Omar Haddad gave evidence.";
        assert_eq!(
            speaker_of(intro, "The coroner: \"The cause of death is unknown.\"").as_deref(),
            Some("Alan Petrie")
        );
        assert_eq!(
            speaker_of(intro, "The inspector said the van was found burnt out.").as_deref(),
            Some("Omar Haddad")
        );
        let intro = "Judge Ruth Akande heard the case. Prosecutor Nadia Quist KC opened it.";
        assert_eq!(
            speaker_of(intro, "The prosecutor: \"He lied to the police.\"").as_deref(),
            Some("Nadia Quist")
        );
        assert_eq!(
            speaker_of(intro, "\"You showed no remorse,\" the judge told him.").as_deref(),
            Some("Ruth Akande")
        );
    }

    #[test]
    fn a_word_of_a_place_name_is_no_verb_of_saying() {
        let sentence = "The United States paused some weapons shipments to Ukraine earlier this week, a decision Kyiv warned could leave its cities exposed.";
        assert_eq!(
            speaker_of("Talks went on.", sentence).as_deref(),
            Some("Kyiv")
        );
    }

    #[test]
    fn a_trade_described_but_never_named_is_unnamed() {
        for sentence in [
            "\"There was no rope, no barrier, nothing,\" one local ski instructor told us.",
            "One guard, who asked not to be named, told the Beacon the jail is falling apart.",
        ] {
            assert_eq!(
                speaker_of("The gully was open.", sentence).as_deref(),
                Some(UNNAMED_SOURCES),
                "{sentence}"
            );
        }
    }

    #[test]
    fn anonymous_sources() {
        assert_eq!(
            speaker_of(
                "Talks went on.",
                "One source briefed on the call said they were optimistic."
            )
            .as_deref(),
            Some(UNNAMED_SOURCES)
        );
        assert!(mentions_anonymous_source(
            "US outlet Axios, citing unnamed sources, reported the call"
        ));
        // An official inside a body the claim names is still unnamed.
        assert_eq!(
            speaker_of(
                "Talks went on.",
                "An official in the Norvellian delegation, who asked not to be named, says the mood was \"icy\" until lunch."
            )
            .as_deref(),
            Some(UNNAMED_SOURCES)
        );
        // A relative described, never named.
        assert_eq!(
            speaker_of(
                "The coach fell 50 metres.",
                "But one survivor's son fumed: \"Somebody has to answer for this.\""
            )
            .as_deref(),
            Some(UNNAMED_SOURCES)
        );
        // Whoever asks not to be named is anonymous, whatever they are.
        assert_eq!(
            speaker_of(
                "The coach fell 50 metres.",
                "A rescuer who asked not to be named said: \"Some were still strapped in.\""
            )
            .as_deref(),
            Some(UNNAMED_SOURCES)
        );
    }

    fn parsed(text: &str) -> crate::Report {
        crate::parse_report(crate::ReportInput {
            id: "a".into(),
            text: text.into(),
            ..Default::default()
        })
    }

    /// The speaker of the first claim of a whole report, quotation marks and all.
    fn first_speaker(text: &str) -> Option<String> {
        parsed(text).claims.first().and_then(|c| c.speaker.clone())
    }

    /// The speaker of the last claim of a whole report.
    fn last_speaker(text: &str) -> Option<String> {
        parsed(text).claims.last().and_then(|c| c.speaker.clone())
    }

    #[test]
    fn a_described_speaker_who_adds_goes_on_from_the_last_quotation() {
        let text = "Grandad Keith Brannigan, 67, had his operation cancelled.\n\n\
                    \"I'd waited fourteen months,\" he said.\n\n\
                    The retired bus driver added: \"Nobody can tell me when.\"";
        assert_eq!(last_speaker(text).as_deref(), Some("Keith Brannigan"));
        // "said" opens no continuation: the driver is someone else, unnamed.
        let text = "Grandad Keith Brannigan, 67, had his operation cancelled.\n\n\
                    \"I'd waited fourteen months,\" he said.\n\n\
                    A retired bus driver said: \"Nobody can tell me when.\"";
        assert_eq!(last_speaker(text).as_deref(), Some(UNNAMED_SOURCES));
    }

    #[test]
    fn according_to_a_body_by_its_common_noun() {
        assert_eq!(
            first_speaker("The ferry struck rocks at around 6.40pm, according to the coastguard.")
                .as_deref(),
            Some("coastguard")
        );
    }

    #[test]
    fn one_nurse_or_an_islander_is_unnamed() {
        assert_eq!(
            first_speaker("One nurse told The Sun: \"The wards were rammed all week.\"").as_deref(),
            Some(UNNAMED_SOURCES)
        );
        assert_eq!(
            first_speaker(
                "One islander who watched from the harbour wall said: \"It's a miracle nobody drowned!\""
            )
            .as_deref(),
            Some(UNNAMED_SOURCES)
        );
    }

    #[test]
    fn unidentified_people_are_unnamed_sources() {
        let unnamed = Some(UNNAMED_SOURCES);
        let intro = "Floods hit the town.";
        for sentence in [
            "A resident said the water rose in minutes.",
            "Neighbours on Brook Street told reporters the house had stood empty.",
        ] {
            assert_eq!(
                speaker_of(intro, sentence).as_deref(),
                unnamed,
                "{sentence}"
            );
        }
        for sentence in [
            "\"We heard a bang,\" said one onlooker.",
            "\"It was chaos,\" said a friend of the driver, who asked not to be named.",
            "Furious villagers slammed the decision as \"a disgrace\".",
            "Two witnesses told us: \"The lorry never braked.\"",
            "One shocked dad told The Sun: \"It was like a war zone.\"",
            "\"This was a stitch-up,\" one Tory activist fumed.",
        ] {
            let text = format!("{intro}\n\n{sentence}");
            assert_eq!(last_speaker(&text).as_deref(), unnamed, "{sentence}");
        }
        // A participle in an opening phrase is not the verb of saying.
        let sentence =
            "In a message to voters posted on her website, Jo Lund wrote that she had no regrets.";
        assert_eq!(speaker_of(intro, sentence).as_deref(), Some("Jo Lund"));
        // A name after a parenthesis's own role words is the subject it describes.
        let sentence =
            "Her neighbour in Shirley, retired nurse Brenda Coles, said the street was anxious.";
        assert_eq!(speaker_of(intro, sentence).as_deref(), Some("Brenda Coles"));
        // The subject of the reported clause is not the speaker after it.
        let sentence =
            "The boy, Tom Reyes, was trapped for a day, said Ilya Dravec, the fire chief.";
        assert_eq!(speaker_of(intro, sentence).as_deref(), Some("Ilya Dravec"));
        // A shouted headline before a colon is no speaker.
        assert_eq!(speaker_of("", "FLOOD HELL: 12 DEAD"), None);
        // A thing promised is an act; a promise to do something reports words.
        let sentence = "Governor Ana Holt declared an emergency and promised €20 million in aid.";
        assert_eq!(speaker_of(intro, sentence), None);
        let sentence = "Governor Ana Holt promised that every home would be rebuilt.";
        assert_eq!(speaker_of(intro, sentence).as_deref(), Some("Ana Holt"));
        // A verb of saying used for motion has no speaker.
        let sentence = "The storm slammed into the coast on Monday.";
        assert_eq!(speaker_of(intro, sentence), None);
        // A proportion reports a poll, not a speaker.
        let sentence = "Nearly six in ten residents say they feel safe.";
        assert_ne!(speaker_of(intro, sentence).as_deref(), unnamed);
        // "said residents had been warned": the reported clause's subject.
        let sentence = "The mayor's office said residents had been warned.";
        assert_ne!(speaker_of(intro, sentence).as_deref(), unnamed);
    }

    #[test]
    fn a_definite_role_goes_to_its_person_before_it_is_unnamed() {
        let intro = "Joan Pike, a neighbour, saw the smoke.";
        assert_eq!(
            speaker_of(intro, "The neighbour said the alarm never sounded.").as_deref(),
            Some("Joan Pike")
        );
        assert_eq!(
            speaker_of("Smoke rose.", "The neighbour said the alarm never sounded.").as_deref(),
            Some(UNNAMED_SOURCES)
        );
    }

    #[test]
    fn state_before_a_noun_is_no_verb_of_saying() {
        let sentence = "A tornado killed seven people in the town, state emergency officials said.";
        assert_eq!(
            speaker_of(sentence, sentence).as_deref(),
            Some("state emergency officials")
        );
    }

    #[test]
    fn a_phrase_opened_by_a_preposition_is_no_speaker() {
        let sentence =
            "The weather service gave it an EF-3 rating, with peak winds estimated at 160 mph.";
        assert_eq!(speaker_of(sentence, sentence), None);
    }

    #[test]
    fn a_relative_pronoun_is_never_the_speaker() {
        let sentence = "She was treated by a paramedic who said the wound was minor.";
        assert_ne!(speaker_of("", sentence).as_deref(), Some("who"));
        let sentence = "The lorry belonged to a haulier, which said it would cooperate.";
        assert_ne!(speaker_of("", sentence).as_deref(), Some("which"));
    }

    #[test]
    fn a_relative_named_in_apposition_is_the_speaker() {
        let text = "Tom Rhodes, 19, died in the crash.\n\nOutside the inquest, Tom Rhodes's father, Martin, said: \"He was always careful.\"";
        assert_eq!(last_speaker(text).as_deref(), Some("Martin Rhodes"));
        let text = "Nico Basset died.\n\nHis mother, Anne, said: \"He loved that bike.\"";
        assert_eq!(last_speaker(text).as_deref(), Some("Anne"));
    }

    #[test]
    fn she_after_a_relative_is_the_relative() {
        let text = "Ellie Marsh, 7, was hurt when Harbour Freight Logistics lorries collided.\n\nEllie's devastated gran Joan laid flowers at the scene.\n\n\"She is our sunshine,\" she said.";
        assert_eq!(last_speaker(text).as_deref(), Some("Joan Marsh"));
    }

    #[test]
    fn he_and_she_never_stand_for_an_organisation_or_a_place() {
        let text = "Dana Price, 41, drove the van.\n\nHer employer, Harbour Freight Logistics, was fined £20,000.\n\n\"I did nothing wrong,\" she said.";
        assert_eq!(last_speaker(text).as_deref(), Some("Dana Price"));
        let text = "Sian Roe, 30, was hurt near the village of Glyn Ceiriog.\n\nGlyn Ceiriog was cut off for hours.\n\n\"It was terrifying,\" she said.";
        assert_eq!(last_speaker(text).as_deref(), Some("Sian Roe"));
        // A street speaking for a government is no "she".
        let text = "Jo Lund, the minister, quit.\n\nDowning Street said she had resigned.\n\n\"I broke no rules,\" she said.";
        assert_eq!(last_speaker(text).as_deref(), Some("Jo Lund"));
        // An organisation in apposition still speaks for itself.
        let text = "The company, Harbour Freight Logistics, admitted breaching safety law.";
        assert_eq!(
            last_speaker(text).as_deref(),
            Some("Harbour Freight Logistics")
        );
    }

    #[test]
    fn gender_from_titles_guides_pronouns() {
        let intro = "Ms Rachel Brannigan spoke after Mr Imran Qureshi.";
        assert_eq!(
            speaker_of(intro, "It was awful, she said.").as_deref(),
            Some("Rachel Brannigan")
        );
    }

    #[test]
    fn a_person_named_after_their_employer_and_role_speaks() {
        for (sentence, expected) in [
            (
                "\"Repairs will take weeks,\" says Anglian Water's head of networks, Tom Ashby.",
                "Tom Ashby",
            ),
            (
                "\"Keep away from the cliffs,\" said RNLI lifeboat coxswain Mairi Laing.",
                "Mairi Laing",
            ),
            (
                "\"The roads are closed,\" says Highland Council roads manager Dev Patel.",
                "Dev Patel",
            ),
        ] {
            assert_eq!(
                last_speaker(sentence).as_deref(),
                Some(expected),
                "{sentence}"
            );
        }
    }

    #[test]
    fn a_titled_person_of_a_body_speaks_for_it() {
        let text =
            "\"Stay indoors tonight,\" Superintendent Ann Cole of Greater Manchester Police said.";
        assert_eq!(last_speaker(text).as_deref(), Some("Ann Cole"));
        let text = "Detective Sergeant Raj Mehta of Thames Valley Police said the van was stolen.";
        assert_eq!(speaker_of("", text).as_deref(), Some("Raj Mehta"));
    }

    #[test]
    fn an_agent_noun_opening_a_sentence_is_a_role() {
        let text = "Theatregoer Lucy Brennan, 52, said: \"We were told nothing.\"";
        assert_eq!(last_speaker(text).as_deref(), Some("Lucy Brennan"));
        let text = "Stallholder Amir Khan said the market was flooded.";
        assert_eq!(last_speaker(text).as_deref(), Some("Amir Khan"));
        // A tabloid epithet in the same place is a role too.
        let text = "Heartbroken Rosa Lind said: \"She was our world.\"";
        assert_eq!(last_speaker(text).as_deref(), Some("Rosa Lind"));
    }

    #[test]
    fn sources_at_a_body_one_of_a_group_and_a_bare_spokesperson_are_unnamed() {
        let unnamed = Some(UNNAMED_SOURCES);
        let intro = "Shoppers queued outside the bank all morning.";
        for sentence in [
            "An insider at the bank said the system had crashed.",
            "One told us: \"We can't get our money out.\"",
            "Another added: \"Nobody has explained anything.\"",
            "The bank did not comment, but a spokeswoman said the fault was fixed.",
        ] {
            let text = format!("{intro}\n\n{sentence}");
            assert_eq!(last_speaker(&text).as_deref(), unnamed, "{sentence}");
        }
        // A spokesperson who names the body still gives the body.
        let text = "A Kent County Council spokesperson said the road would reopen.";
        assert_eq!(last_speaker(text).as_deref(), Some("Kent County Council"));
    }
}
