//! Pronoun subjects: "The Greens? They backed the plan too." gives the claim "They
//! backed the plan too" the entity the pronoun stands for (the Greens), so that it
//! can be compared with claims that name it. The claim's text stays as written.
//!
//! Conservative by design: a wrong entity makes false agreements and conflicts, a
//! missing one only a missed match. A pronoun opening a clause is resolved only to
//! the subject of the clause just before it (the previous part of the sentence, or
//! the last clause of the previous sentence), and only when that clause holds no
//! rival of the pronoun's number and gender:
//! - "he"/"she": a person who is the clause's subject or speaker, when the clause
//!   names no other person the pronoun could fit (a lone name of unknown kind such
//!   as "Trump", or "him", counts as one);
//! - "they": a plural group that is the clause's subject (names joined by "and",
//!   an organisation with a plural name such as "the Greens"), when the clause has
//!   nothing else "they" could stand for ("the plans", "residents", "them", another
//!   named organisation);
//! - "it" never: in news copy it is mostly expletive ("it was reported", "it is
//!   worth €3.5 billion") or stands for a thing ("the package"), rarely for a name.
//!
//! A pronoun that is itself the speaker ("he said") is left to the speaker column.
//! The state read in order lives in the [`SpeakerContext`] beside the speakers.

use crate::entities::{is_title_word, name_runs, NameBook};
use crate::grammar::{is_auxiliary, is_determiner, is_sentence_starter, looks_like_verb};
use crate::lexicon::is_speech_verb;
use crate::model::{Claim, ClaimKind, Entity, EntityKind};
use crate::quantities::is_number_name_word;
use crate::speakers::SpeakerContext;
use crate::text::{words, Word};

/// How far into a clause its subject may end (the first verb) and an opener may run
/// ("On Thursday, they ..."): longer stretches are not read as either.
const SUBJECT_MAX_WORDS: usize = 8;
const OPENER_MAX_WORDS: usize = 5;

/// What a clause offers a subject pronoun opening the clause after it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Referents {
    /// Who the clause is about: its subject, and the speaker it quotes or reports.
    subjects: Vec<Referent>,
    /// Every person the clause mentions, subject or not, with the gender when known
    /// (`Some(true)` female); `None` as name for one known only by a pronoun.
    persons: Vec<(Option<String>, Option<bool>)>,
    /// Plural things besides the subject groups that "they" could stand for.
    plural_rivals: usize,
}

/// A subject a pronoun can stand for.
#[derive(Debug, Clone, PartialEq)]
enum Referent {
    Person(Entity),
    /// Names joined by "and", or one organisation with a plural name.
    Group(Vec<Entity>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pronoun {
    He,
    She,
    They,
}

impl Pronoun {
    fn from_word(lower: &str) -> Option<Pronoun> {
        match lower {
            "he" => Some(Pronoun::He),
            "she" => Some(Pronoun::She),
            "they" => Some(Pronoun::They),
            _ => None,
        }
    }

    /// Whether a person of this gender (`Some(true)` female, `None` unknown) fits.
    fn fits(self, female: Option<bool>) -> bool {
        match self {
            Pronoun::He => female != Some(true),
            Pronoun::She => female != Some(false),
            Pronoun::They => false,
        }
    }
}

impl Referents {
    /// The entities `pronoun` stands for, when exactly one subject fits it and no rival does.
    fn resolve(&self, pronoun: Pronoun, book: &NameBook) -> Option<Vec<Entity>> {
        let female = |name: &str| book.person(name).and_then(|p| p.female);
        let mut fitting = self.subjects.iter().filter(|subject| match subject {
            Referent::Person(person) => pronoun.fits(female(&person.name)),
            Referent::Group(_) => pronoun == Pronoun::They,
        });
        let first = fitting.next()?;
        if fitting.any(|other| other != first) {
            return None;
        }
        match first {
            Referent::Person(person) => {
                let rival = self.persons.iter().any(|(name, gender)| {
                    pronoun.fits(*gender) && name.as_deref() != Some(person.name.as_str())
                });
                (!rival).then(|| vec![person.clone()])
            }
            // Places are not what "they" did something as ("Leeds and Bradford").
            Referent::Group(members) => (self.plural_rivals == 0
                && members.iter().all(|m| m.kind != EntityKind::Place))
            .then(|| members.clone()),
        }
    }
}

/// Gives a claim whose subject is "he", "she" or "they" the entity the pronoun
/// stands for, then notes what the claim's clause offers the next pronoun. Called
/// for every claim in document order; `unit_start` is where its sentence starts.
pub(crate) fn resolve_subject_pronoun(
    text: &str,
    unit_start: usize,
    claim: &mut Claim,
    book: &NameBook,
    context: &mut SpeakerContext,
) {
    let clause = Clause::read(text, unit_start, claim, book);
    let mut resolved = None;
    let mut unresolved = None;
    if let Some((pronoun, subject)) = clause.subject_pronoun() {
        match subject {
            // "he said": the speaker column already names who the pronoun is.
            PronounRole::Speaker => {}
            // A quotation's own pronouns are the speaker's; only its attribution counts.
            PronounRole::Actor if claim.kind == ClaimKind::Quote => {}
            PronounRole::Actor => {
                resolved = context.previous_clause.resolve(pronoun, book);
                if resolved.is_none() {
                    unresolved = Some(pronoun);
                }
            }
        }
    }
    if let Some(entities) = &resolved {
        // The subject opens the claim, so its entities come first.
        for (position, entity) in entities.iter().enumerate() {
            if !claim.entities.contains(entity) {
                claim
                    .entities
                    .insert(position.min(claim.entities.len()), entity.clone());
            }
        }
    }
    context.previous_clause = clause.referents(claim, resolved, unresolved, book);
}

/// A line ending in a colon (`Mr Zelenskyy said:`) makes no claim; its speaker is
/// what the clause offers the next pronoun.
pub(crate) fn note_speaker_line(speaker: &str, book: &NameBook, context: &mut SpeakerContext) {
    let mut referents = Referents::default();
    if let Some(person) = book.person(speaker) {
        referents
            .persons
            .push((Some(person.name.clone()), person.female));
        referents.subjects.push(Referent::Person(Entity {
            name: person.name.clone(),
            kind: EntityKind::Person,
        }));
    }
    context.previous_clause = referents;
}

/// Whether a subject pronoun is the speaker of a speech verb or does something itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PronounRole {
    Speaker,
    Actor,
}

/// A name, or names joined by "and", at word positions of the clause.
#[derive(Debug, Clone)]
struct Mention {
    first_word: usize,
    end_word: usize,
    entities: Vec<Entity>,
}

impl Mention {
    fn referent(&self) -> Option<Referent> {
        match self.entities.as_slice() {
            [one] if one.kind == EntityKind::Person => Some(Referent::Person(one.clone())),
            [one] if one.kind == EntityKind::Organisation && has_plural_name(&one.name) => {
                Some(Referent::Group(self.entities.clone()))
            }
            [_] | [] => None,
            _ => Some(Referent::Group(self.entities.clone())),
        }
    }
}

/// One claim's words read for its subject.
struct Clause<'a> {
    words: Vec<Word<'a>>,
    lowers: Vec<String>,
    mentions: Vec<Mention>,
    /// Where the subject starts (after a conjunction or a short opener) and where
    /// its first verb is.
    subject_from: usize,
    subject_to: usize,
}

impl<'a> Clause<'a> {
    fn read(text: &'a str, unit_start: usize, claim: &Claim, book: &NameBook) -> Clause<'a> {
        // Name runs are read from the sentence start, so that a capitalised word
        // opening the sentence is judged as the entity finder judges it.
        let sentence_words = words(text, unit_start, claim.end);
        let offset = sentence_words
            .iter()
            .position(|w| w.start >= claim.start)
            .unwrap_or(sentence_words.len());
        let named = |name: &str| {
            let completed = book.complete(name);
            claim
                .entities
                .iter()
                .find(|e| e.name == name || e.name == completed)
                .cloned()
        };
        let named_runs: Vec<(usize, usize, Entity)> = name_runs(text, &sentence_words, unit_start)
            .into_iter()
            .filter(|run| run.first_word >= offset)
            .filter_map(|run| {
                let entity = named(&run.name)?;
                Some((run.first_word - offset, run.end_word - offset, entity))
            })
            .collect();
        let clause_words = sentence_words[offset..].to_vec();
        let lowers: Vec<String> = clause_words.iter().map(Word::lower).collect();
        let mentions = coordinations(text, &clause_words, &lowers, named_runs);
        let subject_from = subject_start(text, &clause_words, &lowers, &mentions);
        let subject_to = (subject_from..lowers.len().min(subject_from + SUBJECT_MAX_WORDS))
            .find(|&i| looks_like_verb(&lowers[i]))
            .unwrap_or(lowers.len().min(subject_from + SUBJECT_MAX_WORDS));
        Clause {
            words: clause_words,
            lowers,
            mentions,
            subject_from,
            subject_to,
        }
    }

    /// The pronoun opening the subject, and whether it is a speaker ("he said").
    fn subject_pronoun(&self) -> Option<(Pronoun, PronounRole)> {
        let pronoun = Pronoun::from_word(self.lowers.get(self.subject_from)?)?;
        // A pronoun alone is no clause to resolve.
        if self.subject_from + 1 >= self.lowers.len() {
            return None;
        }
        let first_verb = self.lowers[self.subject_from + 1..]
            .iter()
            .take(4)
            .find(|w| looks_like_verb(w) || is_speech_verb(w));
        let role = if first_verb.is_some_and(|w| is_speech_verb(w)) {
            PronounRole::Speaker
        } else {
            PronounRole::Actor
        };
        Some((pronoun, role))
    }

    /// The mention heading the subject: inside it, with only a determiner, capitalised
    /// words or a role before it ("The Greens", "Opposition boss Henrik Lohmann").
    /// Anything else before it means the subject is something else ("Politicians in
    /// Düsseldorf", "Members of the Greens"), or that a verb the cheap cues miss came
    /// first ("The plan delights Kötter").
    fn subject_mention(&self) -> Option<&Mention> {
        let mention = self
            .mentions
            .iter()
            .find(|m| m.first_word >= self.subject_from && m.first_word < self.subject_to)?;
        let leads_to_name = |index: usize| {
            is_determiner(&self.lowers[index])
                || (self.words[index].is_capitalised() && !is_sentence_starter(&self.lowers[index]))
                || is_title_word(&self.lowers[index])
        };
        (self.subject_from..mention.first_word)
            .all(leads_to_name)
            .then_some(mention)
    }

    /// What this clause offers the next pronoun. `resolved` is what its own subject
    /// pronoun stood for; `unresolved` a subject pronoun that stood for nobody known.
    fn referents(
        &self,
        claim: &Claim,
        resolved: Option<Vec<Entity>>,
        unresolved: Option<Pronoun>,
        book: &NameBook,
    ) -> Referents {
        let female = |name: &str| book.person(name).and_then(|p| p.female);
        let mut referents = Referents::default();
        let subject = self.subject_mention();
        let mut subject_words = subject.map_or(0..0, |m| m.first_word..m.end_word);
        for mention in &self.mentions {
            let is_subject = subject.is_some_and(|s| s.first_word == mention.first_word);
            for entity in &mention.entities {
                match entity.kind {
                    EntityKind::Person => referents
                        .persons
                        .push((Some(entity.name.clone()), female(&entity.name))),
                    // A name the report knows as nothing more (a lone surname, "Trump")
                    // may be a person: a rival for "he" and "she", never a subject.
                    EntityKind::Other => referents.persons.push((Some(entity.name.clone()), None)),
                    _ => {}
                }
            }
            match mention.referent() {
                Some(referent) if is_subject => referents.subjects.push(referent),
                Some(Referent::Group(_)) => referents.plural_rivals += 1,
                // British copy says "they" of any organisation ("the council said they").
                _ if mention
                    .entities
                    .iter()
                    .any(|e| e.kind == EntityKind::Organisation) =>
                {
                    referents.plural_rivals += 1
                }
                _ => {}
            }
        }
        match resolved.as_deref() {
            Some([person]) if person.kind == EntityKind::Person => {
                referents.subjects.push(Referent::Person(person.clone()));
                referents
                    .persons
                    .push((Some(person.name.clone()), female(&person.name)));
            }
            Some(group) => {
                for person in group.iter().filter(|e| e.kind == EntityKind::Person) {
                    referents
                        .persons
                        .push((Some(person.name.clone()), female(&person.name)));
                }
                referents.subjects.push(Referent::Group(group.to_vec()));
            }
            None => {}
        }
        if resolved.is_some() || unresolved.is_some() {
            subject_words = self.subject_from..self.subject_from + 1;
        }
        match unresolved {
            Some(Pronoun::They) => referents.plural_rivals += 1,
            Some(pronoun) => referents
                .persons
                .push((None, Some(pronoun == Pronoun::She))),
            None => {}
        }
        if let Some(speaker) = claim.speaker.as_deref().and_then(|s| book.person(s)) {
            let entity = Entity {
                name: speaker.name.clone(),
                kind: EntityKind::Person,
            };
            referents
                .persons
                .push((Some(entity.name.clone()), speaker.female));
            referents.subjects.push(Referent::Person(entity));
        }
        // Marked once, so that a clause full of names stays linear.
        let mut in_mention = vec![false; self.lowers.len()];
        for mention in &self.mentions {
            for covered in in_mention
                .iter_mut()
                .take(mention.end_word)
                .skip(mention.first_word)
            {
                *covered = true;
            }
        }
        for (index, lower) in self.lowers.iter().enumerate() {
            if subject_words.contains(&index) || in_mention[index] {
                continue;
            }
            match lower.as_str() {
                // "him" is someone other than the subject; "her" is mostly possessive
                // and points back at the subject, so it is no rival.
                "him" => referents.persons.push((None, Some(false))),
                "them" => referents.plural_rivals += 1,
                _ if self.is_plural_noun_at(index) => referents.plural_rivals += 1,
                _ => {}
            }
        }
        referents
    }

    /// A plural common noun heading a phrase: the bare subject ("Residents fled") or
    /// after a determiner or number, with at most one word between ("the new plans").
    fn is_plural_noun_at(&self, index: usize) -> bool {
        let lower = &self.lowers[index];
        if !looks_plural(lower)
            || (index != self.subject_from && self.words[index].is_capitalised())
        {
            return false;
        }
        index == self.subject_from
            || (1..=2).any(|back| {
                index >= back
                    && opens_noun_phrase(&self.lowers[index - back])
                    && self.lowers[index - back + 1..index]
                        .iter()
                        .all(|w| !looks_like_verb(w))
            })
    }
}

/// Names joined by "and" are one mention ("Trump and Zelenskyy", "the Greens and
/// the SPD", "Leeds, Bradford and York"); names joined only by commas are not
/// ("Bradford, West Yorkshire"). `runs` are (first word, end word, entity) in order.
fn coordinations(
    text: &str,
    words: &[Word],
    lowers: &[String],
    runs: Vec<(usize, usize, Entity)>,
) -> Vec<Mention> {
    let mut mentions = Vec::new();
    let mut chain: Vec<(usize, usize, Entity)> = Vec::new();
    let mut joined_by_and = false;
    for run in runs {
        if let Some(&(_, last_end, _)) = chain.last() {
            let between: Vec<&str> = lowers
                .get(last_end..run.0)
                .unwrap_or_default()
                .iter()
                .map(String::as_str)
                .collect();
            let and_link = matches!(between.as_slice(), ["and"] | ["and", "the"]);
            let comma_link = last_end > 0
                && last_end <= run.0
                && between.is_empty()
                && text
                    .get(words[last_end - 1].end..words[run.0].start)
                    .is_some_and(|gap| gap.trim() == ",");
            if and_link || comma_link {
                joined_by_and |= and_link;
                chain.push(run);
                continue;
            }
            close_chain(&mut chain, joined_by_and, &mut mentions);
            joined_by_and = false;
        }
        chain.push(run);
    }
    close_chain(&mut chain, joined_by_and, &mut mentions);
    mentions
}

/// Ends a chain of names: one mention when "and" joined it, else one per name.
fn close_chain(
    chain: &mut Vec<(usize, usize, Entity)>,
    joined_by_and: bool,
    mentions: &mut Vec<Mention>,
) {
    if joined_by_and && chain.len() >= 2 {
        let first_word = chain[0].0;
        let end_word = chain[chain.len() - 1].1;
        mentions.push(Mention {
            first_word,
            end_word,
            entities: chain.drain(..).map(|(_, _, entity)| entity).collect(),
        });
        return;
    }
    mentions.extend(
        chain
            .drain(..)
            .map(|(first_word, end_word, entity)| Mention {
                first_word,
                end_word,
                entities: vec![entity],
            }),
    );
}

/// Where a clause's subject starts: after a leading conjunction ("And nearly six in
/// ten ...") and a short opener closed by a comma that names nobody ("On Thursday, they").
fn subject_start(text: &str, words: &[Word], lowers: &[String], mentions: &[Mention]) -> usize {
    let mut from = 0;
    if lowers
        .first()
        .is_some_and(|w| matches!(w.as_str(), "and" | "but" | "so" | "yet" | "or" | "then"))
    {
        from = 1;
    }
    let opener_end =
        (from..words.len().saturating_sub(1).min(from + OPENER_MAX_WORDS)).find(|&i| {
            text.get(words[i].end..words[i + 1].start)
                .is_some_and(|gap| gap.contains(','))
        });
    if let Some(last) = opener_end {
        let names_someone = mentions
            .iter()
            .any(|m| m.first_word <= last && m.end_word > from);
        let has_verb = lowers[from..=last].iter().any(|w| looks_like_verb(w));
        if !names_someone && !has_verb {
            return last + 1;
        }
    }
    from
}

/// Words that open a noun phrase whose noun may be plural: determiners, numbers, quantifiers.
fn opens_noun_phrase(lower: &str) -> bool {
    is_determiner(lower)
        || is_number_name_word(lower)
        || lower.chars().all(|c| c.is_ascii_digit() || c == ',')
        || matches!(
            lower,
            "all" | "both" | "other" | "more" | "few" | "most" | "such" | "no" | "any" | "dozens"
        )
}

/// A word that reads as a plural noun: "plans", "residents", not "was", "news", "its".
fn looks_plural(lower: &str) -> bool {
    const SINGULAR_IN_S: &[&str] = &[
        "news",
        "series",
        "species",
        "always",
        "perhaps",
        "whereas",
        "towards",
        "afterwards",
        "sometimes",
        "this",
        "thus",
        "its",
        "his",
        "hers",
        "yes",
        "less",
        "unless",
        "across",
        "besides",
        "politics",
        "economics",
    ];
    lower.len() >= 4
        && lower.ends_with('s')
        && !["ss", "us", "is", "'s", "’s"]
            .iter()
            .any(|ending| lower.ends_with(ending))
        && lower.chars().all(char::is_alphabetic)
        && !is_auxiliary(lower)
        && !SINGULAR_IN_S.contains(&lower)
}

/// An organisation named by a plural noun: "Greens", "Social Democrats", not "NHS",
/// "The Times" or "Reuters".
fn has_plural_name(name: &str) -> bool {
    const SINGULAR_NAMES: &[&str] = &["times", "news", "reuters", "axios", "express"];
    let Some(last) = name.split_whitespace().last() else {
        return false;
    };
    let all_capitals = last.chars().all(|c| !c.is_lowercase());
    let lower = last.to_lowercase();
    !all_capitals && looks_plural(&lower) && !SINGULAR_NAMES.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use crate::model::{EntityKind, ReportInput};
    use crate::parse_report;

    /// The entity names of the claim whose text starts with `opening`.
    fn entities_of(text: &str, opening: &str) -> Vec<String> {
        let report = parse_report(ReportInput {
            id: "r".into(),
            text: text.into(),
            ..ReportInput::default()
        });
        let claim = report
            .claims
            .iter()
            .find(|c| c.text.starts_with(opening))
            .unwrap_or_else(|| panic!("no claim starts with {opening:?}: {:#?}", report.claims));
        claim.entities.iter().map(|e| e.name.clone()).collect()
    }

    #[test]
    fn they_stands_for_a_plural_group_of_the_previous_clause() {
        let text = "The Greens met on Tuesday. They backed the plan too.";
        assert_eq!(entities_of(text, "They backed"), ["Greens"]);
        // Names joined by "and" are one group.
        let text = "Donald Trump and Volodymyr Zelenskyy met in Rome. They agreed to meet again.";
        assert_eq!(
            entities_of(text, "They agreed"),
            ["Donald Trump", "Volodymyr Zelenskyy"]
        );
        // A pronoun carries the group on to the next clause.
        let text = "The Greens? They backed the plan. They also demanded more money.";
        assert_eq!(entities_of(text, "They also"), ["Greens"]);
        // The previous part of the same sentence.
        let text = "The Greens opposed the first draft, but they backed the final plan.";
        assert_eq!(entities_of(text, "they backed"), ["Greens"]);
    }

    #[test]
    fn he_and_she_stand_for_the_subject_or_speaker_of_the_previous_clause() {
        let text = "Premier Jürgen Kötter was beaming after the vote. He thanked the volunteers.";
        assert_eq!(entities_of(text, "He thanked"), ["Jürgen Kötter"]);
        let text =
            "\"We are building a wall,\" Premier Jürgen Kötter said. He thanked the volunteers.";
        assert_eq!(entities_of(text, "He thanked"), ["Jürgen Kötter"]);
        // A title's gender tells the two persons apart.
        let text = "Ms Sabine Wendt met Mr Jürgen Kötter on Monday. She signed the bonds.";
        assert_eq!(entities_of(text, "She signed"), ["Sabine Wendt"]);
    }

    #[test]
    fn ambiguous_pronouns_stay_unresolved() {
        // Two persons either pronoun could fit.
        let text = "Premier Jürgen Kötter praised Henrik Lohmann. He thanked the volunteers.";
        assert!(entities_of(text, "He thanked").is_empty());
        // Two plural groups, or a plural noun "they" could equally stand for.
        let text = "The Greens criticised the Social Democrats. They backed the plan.";
        assert!(entities_of(text, "They backed").is_empty());
        let text = "The Greens criticised the new dykes. They cost too much.";
        assert!(entities_of(text, "They cost").is_empty());
        // A person is no antecedent for "they", nor a group for "she".
        let text = "Premier Jürgen Kötter was beaming. They backed the plan.";
        assert!(entities_of(text, "They backed").is_empty());
        let text = "The Greens met on Tuesday. She backed the plan.";
        assert!(entities_of(text, "She backed").is_empty());
        // The name heads no subject: "Politicians in Düsseldorf".
        let text = "Members of the Greens met on Tuesday. They backed the plan.";
        assert!(entities_of(text, "They backed").is_empty());
    }

    #[test]
    fn pronouns_without_an_antecedent_stay_unresolved() {
        assert!(entities_of("They backed the plan too.", "They backed").is_empty());
        let text = "The debate dragged on for hours. They backed the plan too.";
        assert!(entities_of(text, "They backed").is_empty());
        // An unresolved pronoun blocks the next one too.
        let text = "The debate dragged on. He left early. He returned at noon.";
        assert!(entities_of(text, "He returned").is_empty());
    }

    #[test]
    fn it_is_never_resolved() {
        let text = "The Greens backed the package. It was reported that the vote was close.";
        assert!(entities_of(text, "It was reported").is_empty());
        let text = "The Lower Rhine Assembly approved the package. It is worth 3.5 billion euros.";
        assert!(entities_of(text, "It is worth").is_empty());
    }

    #[test]
    fn a_pronoun_that_speaks_is_left_to_the_speaker_column() {
        let report = parse_report(ReportInput {
            id: "r".into(),
            text: "Premier Jürgen Kötter was beaming. He said the plan was a turning point.".into(),
            ..ReportInput::default()
        });
        let claim = report.claims.last().expect("a claim");
        assert_eq!(claim.speaker.as_deref(), Some("Jürgen Kötter"));
        assert!(claim.entities.iter().all(|e| e.kind != EntityKind::Person));
    }

    #[test]
    fn the_tabloids_greens_are_the_actor_of_their_claim() {
        let text = include_str!("../../../fixtures/flood-vote/tabloid.txt");
        assert_eq!(entities_of(text, "They backed the plan too"), ["Greens"]);
        assert!(entities_of(text, "It is worth").is_empty());
    }
}
