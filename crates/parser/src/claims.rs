//! Claim assembly: reporting sentences -> atomic claims with all their slots.
//!
//! Sentences that share a quotation are one unit, so a quotation stays whole
//! (`"We need it. America needs it," he said.` is one quote claim). Other units
//! are cut into atomic claims where a sentence states separate facts joined by
//! "and"/"but"/";" ("Twelve people were killed and nine injured" -> two claims);
//! the parts keep the sentence's speaker and, when they name no time of their
//! own, its times.

use chrono::NaiveDate;

use crate::entities::{find_entities, name_runs, person_after_role_words, NameBook, NameRun};
use crate::grammar::{is_auxiliary, looks_like_verb};
use crate::model::{Claim, ClaimKind, Dimension, EntityKind, Sentence};
use crate::polarity::{modality, polarity};
use crate::pronouns::{note_speaker_line, resolve_subject_pronoun};
use crate::quantities::{
    find_quantities, is_more_after_the_number, ADDED_MEASURE_PREFIX, PART_OF_A_GROUP,
};
use crate::quotes::{self, Quotation};
use crate::speakers::{
    find_attribution, mentions_anonymous_source, Attribution, SpeakerContext, UNNAMED_SOURCES,
};
use crate::text::{fold_whitespace, trim_span, words, Word};
use crate::times::{find_times, is_relative_day};

/// A stretch of one line that becomes one or more claims.
struct Unit {
    sentence: usize,
    start: usize,
    end: usize,
}

/// Extracts the claims of a report from its reporting sentences.
pub(crate) fn extract_claims(
    text: &str,
    sentences: &[Sentence],
    quotations: &[Quotation],
    book: &NameBook,
    published: Option<NaiveDate>,
) -> Vec<Claim> {
    debug_assert!(quotes::in_text_order(quotations));
    let units = units(sentences, quotations);
    let mut context = SpeakerContext::default();
    let mut claims = Vec::new();
    let mut previous_unit_end = 0;
    for unit in &units {
        let unit_words = words(text, unit.start, unit.end);
        let quotes: Vec<&Quotation> = quotes::overlapping(quotations, unit.start, unit.end)
            .filter(|q| q.word_count(text) >= 2)
            .collect();
        let outside = words_outside(text, unit.start, unit.end, &quotes);
        let attribution = find_attribution(text, &outside, unit.start, book, &context);
        if !quotes.is_empty() {
            let speaker = attribution
                .as_ref()
                .map(|a| a.speaker.clone())
                .or_else(|| context.announced_speaker.take())
                .or_else(|| {
                    // A quotation without attribution continues the previous speaker when
                    // it carries on a quotation or follows another quote closely.
                    let follows_quote =
                        quotes::one_ends_within(quotations, previous_unit_end, unit.start);
                    (quotes[0].continued || follows_quote || outside.len() <= 3)
                        .then(|| context.last_quote_speaker.clone())
                        .flatten()
                });
            let quote_text = quotes
                .iter()
                .map(|q| q.inner(text).trim())
                .collect::<Vec<_>>()
                .join(" ");
            let anonymous = speaker.as_deref() == Some(UNNAMED_SOURCES);
            let mut claim = build_claim(
                text,
                unit,
                unit.start,
                unit.end,
                ClaimKind::Quote,
                speaker.clone(),
                anonymous,
                Some(quote_text),
                book,
                published,
                &[],
            );
            resolve_subject_pronoun(text, unit.start, &mut claim, book, &mut context);
            note_claim_read(&claim, &mut context);
            claims.push(claim);
            if let Some(speaker) = speaker {
                context.spoke(&speaker, book);
                context.last_quote_speaker = Some(speaker);
            }
        } else {
            let reported = attribution
                .as_ref()
                .filter(|a| a.at_clause_edge && !is_subordinate(text, &outside, a));
            let (kind, speaker) = match reported {
                Some(a) => (ClaimKind::Reported, Some(a.speaker.clone())),
                None => (ClaimKind::Statement, None),
            };
            let anonymous = reported.is_some_and(|a| a.anonymous)
                || mentions_anonymous_source(&text[unit.start..unit.end]);
            if let (Some(a), true) = (reported, text[unit.start..unit.end].ends_with(':')) {
                // `Mr Zelenskyy said:` closing a line announces the quotation that follows.
                context.announced_speaker = Some(a.speaker.clone());
                context.spoke(&a.speaker, book);
                note_speaker_line(&a.speaker, book, &mut context);
                // "In a message posted on her website, Ms Chaudhry wrote:": an opening
                // phrase set off before the speaker says something of its own.
                let verb_start = outside.get(a.verb).map_or(unit.end, |w| w.start);
                let opening_phrase = outside.first().is_some_and(|w| {
                    let first = w.lower();
                    crate::grammar::is_opening_preposition(&first) || first == "speaking"
                }) && text[unit.start..verb_start].contains(',');
                if !opening_phrase {
                    previous_unit_end = unit.end;
                    continue;
                }
            }
            let parts = atomic_parts(text, unit.start, unit.end);
            // "Carrick Athletic said on Sunday that ...": the day it was said, not
            // the day of what was said.
            let said_from = reported.and_then(|a| reported_content_start(&outside, a));
            let after_saying =
                |time: &crate::model::TimeExpr| said_from.is_none_or(|at| time.start >= at);
            let unit_lowers: Vec<String> = unit_words.iter().map(|w| w.lower()).collect();
            let mut sentence_times = find_times(
                text,
                unit.start,
                unit.end,
                published,
                reads_forward(&unit_lowers),
            );
            // "300 samples taken since Wednesday, and all of them were clear": when a
            // state began is no time of the sentence's other facts.
            sentence_times.retain(|time| after_saying(time) && !follows_since(text, time));
            // "A tornado killed seven people ..., officials said on Wednesday": the day
            // right after a trailing speech verb is when it was said, no time the
            // clauses before the verb can take from the sentence.
            if let Some(said) = attribution
                .as_ref()
                .filter(|_| said_from.is_none())
                .and_then(|a| time_of_saying(text, &outside, a))
            {
                sentence_times.retain(|time| !said.contains(&time.start));
            }
            // "On Tuesday, the council met and the mayor resigned": a time set before
            // the sentence's first verb dates every clause.
            let first_verb_at = unit_words
                .iter()
                .find(|w| crate::grammar::looks_like_verb(&w.lower()))
                .map_or(unit.end, |w| w.start);
            for (start, end) in parts {
                // "Rain began on Saturday, and the weather service measured 210 mm in
                // four days": a clause with a subject of its own takes no time from
                // another clause, only one fronted for the whole sentence. A clause
                // that shares the subject ("met on Tuesday and approved the plan")
                // takes them all.
                let own_subject = start > unit.start && opens_with_own_subject(text, start, end);
                // Times are in text order: the fronted ones are a prefix.
                let fronted = sentence_times.partition_point(|time| time.start < first_verb_at);
                let inherited = if end - start >= unit.end - unit.start {
                    &[]
                } else if own_subject {
                    &sentence_times[..fronted]
                } else {
                    sentence_times.as_slice()
                };
                let mut claim = build_claim(
                    text,
                    unit,
                    start,
                    end,
                    kind,
                    speaker.clone(),
                    anonymous,
                    None,
                    book,
                    published,
                    inherited,
                );
                // "Ilic made her first visit on Tuesday and promised that ...": a
                // clause of its own before the verb of saying keeps its day.
                let before_saying = reported
                    .and_then(|a| outside.get(a.verb))
                    .is_some_and(|verb| end <= verb.start);
                if !before_saying && claim.times.iter().any(|time| !after_saying(time)) {
                    claim.times.retain(after_saying);
                    if claim.times.is_empty() {
                        claim.times = inherited.to_vec();
                    }
                }
                resolve_subject_pronoun(text, unit.start, &mut claim, book, &mut context);
                note_claim_read(&claim, &mut context);
                claims.push(claim);
            }
            if let Some(Attribution { speaker, .. }) = reported {
                context.spoke(speaker, book);
                // "Kerrigan said the win belonged to the town." and then a quotation
                // with no attribution: news copy quotes the person it just reported.
                context.last_quote_speaker = Some(speaker.clone());
            }
        }
        let runs = name_runs(text, &unit_words, unit.start);
        note_subject(text, &unit_words, &runs, book, &mut context);
        note_introduced_persons(text, unit, &unit_words, &runs, book, &mut context);
        note_document_author(&unit_words, &runs, book, &mut context);
        previous_unit_end = unit.end;
    }
    count_what_them_refers_to(text, &mut claims);
    total_beside_another_measure(&mut claims);
    age_of_the_role_holder(text, &mut claims, book);
    for (index, claim) in claims.iter_mut().enumerate() {
        claim.number = index + 1;
    }
    claims
}

/// How many claims back "them" in "three of them" may find what it counts.
const THEM_REACH_CLAIMS: usize = 3;

/// "Fourteen patients were taken to St. Anna Hospital. Three of them were kept in
/// overnight": a count of "them" counts what the latest count before it counted
/// (patients), within `THEM_REACH_CLAIMS` claims. Only the counted thing carries
/// over, not the measure: three kept in are not the fourteen treated. ("Two of
/// the injured" are people: `quantities` reads that within the sentence.)
fn count_what_them_refers_to(text: &str, claims: &mut [Claim]) {
    let mut latest: Option<(usize, String)> = None;
    for (index, claim) in claims.iter_mut().enumerate() {
        for quantity in &mut claim.quantities {
            if quantity.dimension != Dimension::Count || !quantity.value.is_finite() {
                continue;
            }
            if !quantity.unit.is_empty() {
                latest = Some((index, quantity.unit.clone()));
                continue;
            }
            // A few words are enough, and lower-casing the rest of the report
            // for every bare count would be quadratic.
            let after: String = text[quantity.end..]
                .trim_start()
                .chars()
                .take(16)
                .collect::<String>()
                .to_lowercase();
            let of_them = ["of them", "of those", "of these"]
                .iter()
                .any(|phrase| after.starts_with(phrase));
            if let Some((_, unit)) = latest
                .as_ref()
                .filter(|(at, _)| of_them && index - at <= THEM_REACH_CLAIMS)
            {
                quantity.unit = unit.clone();
            }
        }
    }
}

/// "Monteraso mayor Lorenzo Bertaccini ... The 57-year-old mayor was led away": an
/// age before a role word is the age of the one person the report gives that role,
/// as "Bertaccini, 57" would be. With no such person, or two, it stays unassigned.
fn age_of_the_role_holder(text: &str, claims: &mut [Claim], book: &NameBook) {
    for quantity in claims.iter_mut().flat_map(|c| c.quantities.iter_mut()) {
        if quantity.dimension != Dimension::Age || quantity.measure.is_some() {
            continue;
        }
        let role: String = text[quantity.end..]
            .trim_start_matches(['-', ' '])
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        if role.is_empty() {
            continue;
        }
        let mut holders = book.persons.iter().filter(|person| {
            let roles: Vec<&str> = person.roles.iter().map(String::as_str).collect();
            crate::speakers::has_role(&roles, &role)
        });
        if let (Some(holder), None) = (holders.next(), holders.next()) {
            if let Some(surname) = holder.name.split_whitespace().last() {
                quantity.measure = Some(format!("age of {surname}"));
            }
        }
    }
}

/// "The three men died. Another 11 workers were injured": a count added with
/// "another", "further" or "also" adds to a count of another measure just before
/// it (the dead), so it is the whole of its own measure, not a part of it. Before a
/// count of its own measure, or none, it stays an addition ("Four fans were also
/// hurt" after a steward was hit). Only counts of the same sentence and the one
/// just before are read: further back, the writer has moved on.
/// "Eight more bodies were recovered" adds to a count of its measure given
/// earlier in the report; with none ("NINE more workers were hurt" after three
/// named dead) "more" means other people, and the count is the whole.
fn total_beside_another_measure(claims: &mut [Claim]) {
    // The sentence and measure of the latest count read.
    let mut latest: Option<(usize, String)> = None;
    let mut measures_counted: std::collections::BTreeSet<String> = Default::default();
    for claim in claims.iter_mut() {
        let mut in_text_order: Vec<usize> = (0..claim.quantities.len()).collect();
        in_text_order.sort_by_key(|&at| claim.quantities[at].start);
        for at in in_text_order {
            let quantity = &mut claim.quantities[at];
            if quantity.dimension != Dimension::Count {
                continue;
            }
            // A part of a group ("two of them") neither adds to nor totals a measure.
            let Some(measure) = quantity.measure.clone().filter(|m| m != PART_OF_A_GROUP) else {
                continue;
            };
            let base = measure.strip_prefix(ADDED_MEASURE_PREFIX);
            if let Some(added_to) = base {
                let other_measure = latest.as_ref().is_some_and(|(sentence, before)| {
                    sentence + 1 >= claim.sentence
                        && before.strip_prefix(ADDED_MEASURE_PREFIX).unwrap_or(before) != added_to
                });
                let others_of_no_count =
                    is_more_after_the_number(quantity) && !measures_counted.contains(added_to);
                if other_measure || others_of_no_count {
                    quantity.measure = Some(added_to.to_string());
                }
            }
            measures_counted.insert(base.unwrap_or(&measure).to_string());
            latest = quantity.measure.clone().map(|m| (claim.sentence, m));
        }
    }
}

/// Whether a time is the start of a state: "since Wednesday".
fn follows_since(text: &str, time: &crate::model::TimeExpr) -> bool {
    text[..time.start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|word| word.eq_ignore_ascii_case("since"))
}

/// The words right after a speech verb that close its clause as a time ("...,
/// officials said on Wednesday, after ...", "police said late last night."): a time
/// there is when it was said. "Zelenskyy says a Friday call covered ..." goes on
/// with what was said, and keeps its day.
fn time_of_saying(
    text: &str,
    words: &[Word],
    attribution: &Attribution,
) -> Option<std::ops::Range<usize>> {
    const MAX_WORDS: usize = 4;
    const MAX_SUBJECT_WORDS: usize = 8;
    const TIME_OPENERS: &[&str] = &[
        "on",
        "late",
        "early",
        "last",
        "yesterday",
        "today",
        "tonight",
        "this",
        "earlier",
        "overnight",
    ];
    // The attribution's index may stand at its subject ("state emergency officials
    // said", where "state" could be a verb too): the speech verb is the last one
    // from there to the clause's end.
    let clause_end = (attribution.verb + 1..words.len())
        .take(MAX_SUBJECT_WORDS)
        .find(|&i| text[words[i - 1].end..words[i].start].contains([',', ';', '.', '(']))
        .unwrap_or_else(|| words.len().min(attribution.verb + MAX_SUBJECT_WORDS));
    let at = (attribution.verb..clause_end)
        .rev()
        .find(|&i| crate::lexicon::is_speech_verb(&words[i].lower()))?;
    let verb = &words[at];
    let first = words.get(at + 1)?;
    if !TIME_OPENERS.contains(&first.lower().as_str()) {
        return None;
    }
    let mut end = verb.end;
    for word in words.iter().skip(at + 1).take(MAX_WORDS) {
        if text[end..word.start].contains([',', ';', '.', '(']) {
            break;
        }
        end = word.end;
    }
    let closes_clause = text[end..]
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| matches!(c, ',' | ';' | '.' | '(' | ')'));
    closes_clause.then_some(verb.end..end)
}

/// Where what was reported starts: the "that" a few words after the speech verb
/// ("said on Sunday that", "told reporters on Monday that").
fn reported_content_start(words: &[Word], attribution: &Attribution) -> Option<usize> {
    words
        .iter()
        .skip(attribution.verb + 1)
        .take(6)
        .find(|word| word.text.eq_ignore_ascii_case("that"))
        .map(|word| word.start)
}

/// "a day after Mr Trump said he had a call": a speech verb inside a subordinate
/// clause does not make the whole sentence reported speech. A clause closed by a
/// comma before the verb is not the verb's: "Daniel Lyle, who lives in Weldon,
/// said".
fn is_subordinate(text: &str, words: &[Word], attribution: &Attribution) -> bool {
    let verb = attribution.verb.min(words.len());
    let mut window_start = attribution.verb.saturating_sub(4);
    if let Some(after_comma) = (window_start + 1..=verb)
        .rev()
        .find(|&i| i < words.len() && text[words[i - 1].end..words[i].start].contains(','))
    {
        window_start = after_comma;
    }
    words[window_start..verb].iter().any(|w| {
        matches!(
            w.lower().as_str(),
            "after"
                | "before"
                | "since"
                | "when"
                | "because"
                | "until"
                | "while"
                | "which"
                | "who"
                | "what"
        )
    })
}

/// Groups reporting sentences into units: sentences of one line joined by a quotation.
fn units(sentences: &[Sentence], quotations: &[Quotation]) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for sentence in sentences.iter().filter(|s| s.noise.is_none()) {
        if let Some(last) = units.last_mut() {
            let shares_quote = quotes::overlapping(quotations, sentence.start, sentence.end)
                .any(|q| q.start < last.end && q.end > last.start);
            if shares_quote {
                last.end = sentence.end;
                continue;
            }
        }
        units.push(Unit {
            sentence: sentence.index,
            start: sentence.start,
            end: sentence.end,
        });
    }
    units
}

/// The words of `start..end` that lie outside every quotation.
fn words_outside<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    quotes: &[&Quotation],
) -> Vec<Word<'a>> {
    // Words and quotes are both in text order: walk them together (testing every quote
    // for every word was quadratic on a huge sentence).
    let mut quotes = quotes.iter().peekable();
    words(text, start, end)
        .into_iter()
        .filter(|w| {
            while quotes.next_if(|q| q.end <= w.start).is_some() {}
            !quotes
                .peek()
                .is_some_and(|q| w.start >= q.start && w.end <= q.end)
        })
        .collect()
}

/// Cuts a sentence where a new predicate follows "and", "but", "while", "although" or ";".
fn atomic_parts(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let sentence_words = words(text, start, end);
    let lowers: Vec<String> = sentence_words.iter().map(Word::lower).collect();
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (end of left part, start of right part)
    let mut part_first_word = 0;
    // Bracket depth before the current word, kept as the loop goes: counting from the
    // sentence start at every conjunction was quadratic on a huge sentence.
    let mut brackets = BracketDepth::new(start);
    // verbs_before[i]: verbs among the first i words, so "has the part a verb so far"
    // is one subtraction (scanning the part at every conjunction was quadratic too).
    // "the Marshall Islands-flagged tanker": a participle joined by a hyphen to
    // the word before it makes an adjective, no verb.
    let hyphen_joined =
        |i: usize| i > 0 && &text[sentence_words[i - 1].end..sentence_words[i].start] == "-";
    let mut verbs_before = vec![0; lowers.len() + 1];
    for (i, w) in lowers.iter().enumerate() {
        let verb = (looks_like_verb(w) || is_participle(w)) && !hyphen_joined(i);
        verbs_before[i + 1] = verbs_before[i] + usize::from(verb);
    }
    // "Northmar Ferries says 112 passengers and nine crew are on board": a verb of
    // saying whose reported clause has no verb yet is no clause of its own to end.
    // Only the plain ones: "declared an emergency", "conceded defeat" are acts.
    let reports_clause = |w: &str| {
        matches!(
            w,
            "say" | "says" | "said" | "told" | "tells" | "added" | "adds" | "stated" | "states"
        )
    };
    let speech_verbs_before = running_count(&lowers, reports_clause);
    for (index, word) in sentence_words.iter().enumerate() {
        // Words already taken by a cut (a time conjunction and its offset) are skipped.
        if index == 0 || brackets.inside_at(text, word.start) || index < part_first_word {
            continue;
        }
        let gap = &text[sentence_words[index - 1].end..word.start];
        let after_comma = gap.contains(',');
        // ", six weeks after high water forced 9,000 people from their homes": a
        // time clause with its own subject and verb states a fact of its own.
        // Without a comma only a bare conjunction opens such a clause ("mourning last
        // night after fire destroyed the mill"), and its verb must come soon. After an
        // offset ("40 minutes after the crews arrived") the clause is the anchor of a
        // figure and stays.
        let clause_start = if after_comma {
            time_clause_start(&lowers, index)
        } else {
            time_clause_start(&lowers, index)
                .filter(|&first| first == index + 1)
                .filter(|_| time_clause_start(&lowers, index - 1) != Some(index + 1))
                .filter(|&first| {
                    // The verb must be the clause's own, before any comma: in "after
                    // about 40 minutes, said X" the verb is the attribution's.
                    let before_comma = words_before_comma(text, &sentence_words, first, 4);
                    lowers[first..first + before_comma]
                        .iter()
                        .any(|w| looks_like_verb(w))
                        && !lowers
                            .get(first)
                            .is_some_and(|w| w == "being" || is_participle(w))
                })
        };
        // Present tenses ("follows") escape `looks_like_verb`: a few words before the
        // comma stand in for the main clause. The clause needs a finite verb: "after
        // days of haggling" is a time phrase.
        let clause_first = clause_start.filter(|&first| {
            let clause = &lowers[first..];
            index - part_first_word >= 3
                && clause.len() >= 2
                && clause.iter().take(6).any(|w| looks_like_verb(w))
                && opens_with_predicate(clause, 6)
        });
        if let Some(clause_first) = clause_first {
            cuts.push((
                part_end(text, &sentence_words[index - 1]),
                sentence_words[clause_first].start,
            ));
            part_first_word = clause_first;
            continue;
        }
        let conjunction = matches!(
            lowers[index].as_str(),
            "and" | "but" | "while" | "whereas" | "although" | "though"
        );
        let semicolon = gap.contains(';');
        // ", killing 12 people": a participle clause adds a fact of its own.
        let participle = after_comma && is_participle(&lowers[index]);
        if !(conjunction || semicolon || participle) {
            continue;
        }
        // "said X and that Y": a second reported clause.
        let reported_clause = conjunction && lowers.get(index + 1).is_some_and(|w| w == "that");
        let right_first = match (conjunction, reported_clause) {
            (true, true) => index + 2,
            (true, false) => index + 1,
            _ => index,
        };
        let right: &[String] = &lowers[right_first.min(lowers.len())..];
        if right.len() < 2 {
            continue;
        }
        let verbs_in_left = verbs_before[index] - verbs_before[part_first_word];
        let speech_in_left = speech_verbs_before[index] - speech_verbs_before[part_first_word];
        let ends_with_speech = reports_clause(&lowers[index - 1]);
        let left_has_verb =
            verbs_in_left > speech_in_left || (verbs_in_left > 0 && ends_with_speech);
        // After ", and" a new clause may open with a longer subject ("the search of
        // the debris is expected ..."); after a bare "and" the verb must come soon.
        let window = if after_comma || semicolon || reported_clause {
            6
        } else {
            3
        };
        // "an A320 carrying 186 passengers and six crew, took off": after a bare "and"
        // the verb must be the right part's own, before any comma; a verb after the
        // comma belongs to the clause around an aside that the "and" sits in.
        let own_words = if conjunction && !after_comma {
            words_before_comma(text, &sentence_words, right_first, window)
        } else {
            window
        };
        let right_starts_predicate = participle
            || opens_with_predicate(right, own_words)
            || (after_comma && predicate_after_aside(text, &sentence_words, &lowers, right_first));
        // "Fire and Rescue Service", "Trade and Industry": a bare "and" between two
        // capitalised words belongs to a name.
        let inside_name = conjunction
            && !after_comma
            && sentence_words[index - 1].is_capitalised()
            && sentence_words
                .get(index + 1)
                .is_some_and(|w| w.is_capitalised());
        let between_numbers = conjunction
            && is_number_word(&lowers[index - 1])
            && right.first().is_some_and(|w| is_number_word(w));
        if left_has_verb
            && right_starts_predicate
            && !between_numbers
            && !inside_name
            && !only_auxiliary_lists(right)
        {
            let left_end = part_end(text, &sentence_words[index - 1]);
            let right_start = sentence_words[right_first].start;
            cuts.push((left_end, right_start));
            part_first_word = right_first;
        }
    }
    let mut parts = Vec::new();
    let mut part_start = start;
    for (left_end, right_start) in cuts {
        parts.push(trim_span(text, part_start, left_end));
        part_start = right_start;
    }
    parts.push(trim_span(text, part_start, end));
    parts.retain(|(s, e)| s < e);
    parts
}

/// `counts[i]`: how many of the first `i` words `counted` accepts.
fn running_count(lowers: &[String], counted: impl Fn(&str) -> bool) -> Vec<usize> {
    std::iter::once(0)
        .chain(lowers.iter().scan(0, |count, w| {
            *count += usize::from(counted(w));
            Some(*count)
        }))
        .collect()
}

/// How many of the (at most `limit`) words from `first` on come before a comma.
fn words_before_comma(text: &str, sentence_words: &[Word], first: usize, limit: usize) -> usize {
    (first..sentence_words.len().min(first + limit))
        .take_while(|&i| {
            i == first || !text[sentence_words[i - 1].end..sentence_words[i].start].contains(',')
        })
        .count()
}

/// Where a part ending with `last` ends: after the word, and after the full stop
/// of an abbreviation ("at about 1:30 p.m., and kick-off ...": the part keeps
/// "p.m.").
fn part_end(text: &str, last: &Word) -> usize {
    let abbreviation = last.text.contains('.');
    if abbreviation && text[last.end..].starts_with('.') {
        last.end + 1
    } else {
        last.end
    }
}

/// "..., while the federation, which called the march, said 120,000 took part": a
/// short subject, a relative clause set off by commas, and the verb right after it.
fn predicate_after_aside(
    text: &str,
    sentence_words: &[Word],
    lowers: &[String],
    first: usize,
) -> bool {
    const SUBJECT_MAX_WORDS: usize = 5;
    const ASIDE_MAX_WORDS: usize = 12;
    let comma_before =
        |i: usize| text[sentence_words[i - 1].end..sentence_words[i].start].contains(',');
    let last = lowers.len();
    let Some(relative) = (first + 1..last.min(first + SUBJECT_MAX_WORDS + 1))
        .find(|&i| matches!(lowers[i].as_str(), "which" | "who") && comma_before(i))
    else {
        return false;
    };
    if lowers[first..relative].iter().any(|w| looks_like_verb(w)) {
        return false;
    }
    (relative + 2..last.min(relative + ASIDE_MAX_WORDS + 1))
        .find(|&i| comma_before(i))
        .is_some_and(|after| opens_with_predicate(&lowers[after..], 2))
}

/// Whether the clause `start..end` opens with a subject of its own ("the weather
/// service measured ...") rather than with the verb of a subject it shares with
/// the clause before ("... and approved the plan", "..., killing 12").
fn opens_with_own_subject(text: &str, start: usize, end: usize) -> bool {
    let clause = words(text, start, end);
    let Some(first) = clause.first().map(Word::lower) else {
        return false;
    };
    !(looks_like_verb(&first)
        || is_participle(&first)
        || matches!(first.as_str(), "then" | "later" | "also" | "not" | "never"))
}

/// Whether a verb comes within the first `window` words, before any relative pronoun.
fn opens_with_predicate(words: &[String], window: usize) -> bool {
    words
        .iter()
        .take(window)
        .take_while(|w| {
            !matches!(
                w.as_str(),
                "that" | "which" | "who" | "whose" | "whom" | "where"
            )
        })
        .any(|w| looks_like_verb(w) || is_participle(w))
}

/// Where the clause of a time conjunction starting at word `at` begins: "after
/// ...", "when ...", "six weeks after ...", "hours before ...". `None` when no
/// such conjunction is there.
fn time_clause_start(lowers: &[String], at: usize) -> Option<usize> {
    const CONJUNCTIONS: &[&str] = &["after", "before", "when", "since", "until", "because"];
    const OFFSET_WORDS: &[&str] = &[
        "a", "an", "few", "several", "just", "only", "shortly", "soon", "long", "moments",
        "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week", "months", "month",
        "years", "year",
    ];
    let mut k = at;
    while k < at + 3
        && lowers
            .get(k)
            .is_some_and(|w| OFFSET_WORDS.contains(&w.as_str()) || is_number_word(w) && w != "a")
    {
        k += 1;
    }
    let conjunction = lowers.get(k)?;
    CONJUNCTIONS
        .contains(&conjunction.as_str())
        .then_some(k + 1)
}

/// A present participle that opens a clause ("killing", "injuring"), not a
/// preposition or noun in -ing ("including", "during", "building", "morning").
fn is_participle(word: &str) -> bool {
    const NOT_PARTICIPLES: &[&str] = &[
        "including",
        "according",
        "during",
        "following",
        "regarding",
        "concerning",
        "excluding",
        "notwithstanding",
        "building",
        "buildings",
        "morning",
        "evening",
        "something",
        "nothing",
        "anything",
        "everything",
        "thing",
        "things",
        "king",
        "spring",
        "string",
        "ring",
        "ceiling",
        "meeting",
        "meetings",
        "funding",
        "housing",
        "shooting",
        "bombing",
        "shelling",
        "training",
        "spending",
        "wedding",
        "bring",
        "sing",
        "wing",
        "being",
        "lasting",
        "amazing",
        "interesting",
        "outstanding",
        "remaining",
        "ongoing",
        "leading",
        "existing",
        "surrounding",
        "neighbouring",
        "neighboring",
        "upcoming",
    ];
    word.len() >= 6
        && word.ends_with("ing")
        && word.chars().all(char::is_alphabetic)
        && !NOT_PARTICIPLES.contains(&word)
}

/// "and was" alone is a list of auxiliaries rather than a new clause only when nothing follows.
fn only_auxiliary_lists(right: &[String]) -> bool {
    right.len() < 2 && right.first().is_some_and(|w| is_auxiliary(w))
}

fn is_number_word(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        || matches!(word, "a" | "half")
        || crate::quantities::is_number_name_word(word)
}

/// Whether a position lies inside parentheses, for positions asked in increasing order.
struct BracketDepth {
    scanned_to: usize,
    depth: isize,
}

impl BracketDepth {
    fn new(start: usize) -> Self {
        BracketDepth {
            scanned_to: start,
            depth: 0,
        }
    }

    /// More `(` than `)` between the start and `at`.
    fn inside_at(&mut self, text: &str, at: usize) -> bool {
        for c in text[self.scanned_to..at].chars() {
            match c {
                '(' => self.depth += 1,
                ')' => self.depth -= 1,
                _ => {}
            }
        }
        self.scanned_to = at;
        self.depth > 0
    }
}

#[allow(clippy::too_many_arguments)]
fn build_claim(
    text: &str,
    unit: &Unit,
    start: usize,
    end: usize,
    kind: ClaimKind,
    speaker: Option<String>,
    anonymous: bool,
    quote: Option<String>,
    book: &NameBook,
    published: Option<NaiveDate>,
    inherited_times: &[crate::model::TimeExpr],
) -> Claim {
    let claim_words = words(text, start, end);
    let quantities = find_quantities(text, start, end);
    let lowers: Vec<String> = claim_words.iter().map(|w| w.lower()).collect();
    let future_hint = reads_forward(&lowers);
    let mut times = find_times(text, start, end, published, future_hint);
    // "..., Pellow told reporters on Monday": the day he spoke, not the day of
    // what he told them.
    if let Some(tail) = speaker
        .as_ref()
        .and_then(|_| crate::model::attribution_tail(&text[start..end]))
    {
        times.retain(|time| time.start < start + tail);
    }
    // "'Our officers showed patience today,' he said", in a paper of the next
    // morning: a speaker's "today" is the day they spoke, which the report may not
    // give; it is no day of the report's own.
    if let Some(quoted) = quote.as_deref() {
        let claim_text = &text[start..end];
        if let Some(at) = claim_text.find(quoted).map(|at| start + at) {
            let quoted_range = at..at + quoted.len();
            times.retain(|time| {
                !(quoted_range.contains(&time.start) && is_relative_day(&time.text))
            });
        }
    }
    if times.is_empty() {
        times = inherited_times.to_vec();
    }
    let mut entities = find_entities(text, start, end, unit.start, book);
    // "92 MPH", "500 GB": a unit in capitals, read with its number, names nothing.
    entities.retain(|entity| {
        !quantities.iter().any(|quantity| {
            quantity.text.len() > entity.name.len() && quantity.text.ends_with(&entity.name)
        })
    });
    Claim {
        number: 0,
        sentence: unit.sentence,
        start,
        end,
        kind,
        speaker,
        polarity: polarity(&claim_words),
        modality: modality(&claim_words, anonymous, &quantities),
        entities,
        quantities,
        times,
        quote,
        text: fold_whitespace(&text[start..end]),
    }
}

/// Whether a claim speaks of what is still to come, so that its bare weekdays
/// and months are read forward: "ferries are not expected to resume until
/// Tuesday" on a Sunday means the coming Tuesday; "did not rule out a cut in
/// February", written in November, means next February. A plan told in the
/// past ("his operation, scheduled for Wednesday, was called off", "the match
/// had been due on Friday") was for a day already gone.
fn reads_forward(lowers: &[String]) -> bool {
    let told_in_the_past = lowers
        .iter()
        .any(|w| matches!(w.as_str(), "was" | "were" | "had"));
    // "extended the exclusion zone until Thursday", "sailings were cancelled until
    // Saturday": the act sets an end still to come. "The road stayed closed until
    // Thursday", "had been shut until Monday" tell of an end already reached.
    let end_already_reached = lowers.iter().any(|w| {
        matches!(
            w.as_str(),
            "stayed" | "remained" | "kept" | "lasted" | "continued" | "went" | "ran" | "had"
        )
    });
    let rules_out = lowers
        .windows(2)
        .any(|pair| matches!(pair[0].as_str(), "rule" | "rules" | "ruled") && pair[1] == "out");
    // "said the ski area would reopen on Friday": a future told in the past,
    // unless the day stands before it with the telling ("said on Monday it would").
    let future_told = lowers.iter().enumerate().any(|(at, w)| {
        w == "would" && !told_in_the_past && !lowers[..at].iter().any(|before| before == "on")
    });
    // "aimed to fly again in November", "hopes to reopen in March": an aim
    // points forward even when the verb is in the past tense.
    let aims_to = lowers
        .windows(2)
        .any(|pair| crate::lexicon::aims_at_the_act_after(&pair[0], &pair[1]));
    // "The lower rate applies from Monday", "takes effect on Nov. 20", "comes into
    // force on Friday": a rule's start, in the present tense, is still to come.
    let starts_to_apply = lowers.windows(2).any(|pair| {
        matches!(
            (pair[0].as_str(), pair[1].as_str()),
            ("applies" | "apply", "from") | ("take" | "takes", "effect") | ("into", "force")
        )
    });
    rules_out
        || future_told
        || ((aims_to || starts_to_apply) && !told_in_the_past)
        || lowers.iter().enumerate().any(|(at, w)| match w.as_str() {
            "will" | "won't" | "shall" | "tomorrow" => true,
            // "next week", not "in a field next to the school".
            "next" => !matches!(lowers.get(at + 1).map(String::as_str), Some("to" | "door")),
            "due" | "plans" | "expected" | "expects" | "expect" | "forecast" | "forecasts"
            | "predicts" | "scheduled" => !told_in_the_past,
            "until" | "till" => !end_already_reached,
            _ => false,
        })
}

/// Remembers the person who opens a unit, for pronouns later ("he said").
fn note_subject(
    text: &str,
    unit_words: &[Word],
    runs: &[NameRun],
    book: &NameBook,
    context: &mut SpeakerContext,
) {
    let Some(first) = runs
        .iter()
        .position(|run| run.kind == EntityKind::Person || book.knows_person(&run.name))
    else {
        return;
    };
    let run = &runs[first];
    let gap_has_comma = |from: usize, to: usize| {
        to > from && text[unit_words[from].end..unit_words[to].start].contains(',')
    };
    // "In her victory speech, Ms Whitlock paid tribute": the subject may follow
    // a short opening phrase and its comma, and a few lower-case role words ("In
    // Madeira, regional president João Vieira has defended ...").
    let roles_from = (1..run.first_word)
        .rev()
        .take(crate::speakers::MAX_ROLE_WORDS_BEFORE_NAME + 1)
        .take_while(|&k| {
            let word = &unit_words[k];
            word.text.chars().all(char::is_lowercase) && !looks_like_verb(&word.lower())
        })
        .last()
        .unwrap_or(run.first_word);
    let after_opening_phrase = run.first_word <= 8
        && run.first_word > 0
        && (gap_has_comma(run.first_word - 1, run.first_word)
            || (roles_from > 0
                && run.first_word - roles_from <= crate::speakers::MAX_ROLE_WORDS_BEFORE_NAME
                && gap_has_comma(roles_from - 1, roles_from)));
    // "The chief operating officer Fiona Aldridge has": role words, no verb before it.
    let after_role_words = run.first_word <= 6
        && !gap_has_comma(0, run.first_word)
        && !unit_words[..run.first_word]
            .iter()
            .any(|w| looks_like_verb(&w.lower()));
    if !(run.first_word <= 3 || after_opening_phrase || after_role_words) {
        return;
    }
    // "Calder Air's chief operating officer Fiona Aldridge has ...": after a body in
    // the possessive and its person's role, the person is the subject.
    // "Reti Lombarde chief executive Paolo Ferrante told": so does a name before
    // lower-case role words and a person.
    let last = &unit_words[run.end_word - 1];
    let possessive_body = run.kind != EntityKind::Person && last.text != last.without_possessive();
    let after_possessive = runs.get(first + 1).filter(|next| {
        possessive_body && next.kind == EntityKind::Person && next.first_word <= run.end_word + 4
    });
    let subject = after_possessive
        .or_else(|| person_after_role_words(unit_words, runs, run))
        .unwrap_or(run);
    if subject.kind != EntityKind::Organisation {
        context.mention(&book.complete_titled(&subject.name, &subject.roles));
    }
}

/// "Declan Furlong read out a short statement from Aoife Brennan": the person
/// after a statement, letter or message and "from" wrote it, for a later "the
/// statement said".
fn note_document_author(
    unit_words: &[Word],
    runs: &[NameRun],
    book: &NameBook,
    context: &mut SpeakerContext,
) {
    let lowers: Vec<String> = unit_words.iter().map(Word::lower).collect();
    for at in 0..lowers.len().saturating_sub(2) {
        if !crate::speakers::DOCUMENT_NOUNS.contains(&lowers[at].as_str())
            || lowers[at + 1] != "from"
        {
            continue;
        }
        // "from Aoife Brennan", "from nurse Aoife Brennan", "from its chief
        // executive, Richard Oduya": role words, in lower case, may come first.
        let author = runs.iter().find(|run| {
            (at + 2..=at + 6).contains(&run.first_word)
                && unit_words[at + 2..run.first_word]
                    .iter()
                    .all(|w| !w.is_capitalised())
                && (run.kind == EntityKind::Person || book.knows_person(&run.name))
        });
        if let Some(run) = author {
            let author = book.complete_titled(&run.name, &run.roles);
            // The words that follow are the author's: "he says" after "Ashby Kerr has
            // issued a statement from its chief executive, Richard Oduya" is Oduya.
            context.mention(&author);
            // Its author, not whoever issued it.
            context.document_author = Some(author);
            return;
        }
    }
    // "Brightwater's chief executive, Martin Ashcombe, has issued a statement": the
    // person who issued it is its author.
    let issued = lowers.iter().enumerate().find(|&(at, w)| {
        crate::speakers::sends_a_document(w)
            && lowers[at + 1..]
                .iter()
                .take(3)
                .any(|noun| crate::speakers::DOCUMENT_NOUNS.contains(&noun.as_str()))
    });
    if let Some((verb, _)) = issued {
        let before = || runs.iter().filter(|run| run.end_word <= verb);
        let issuer = before()
            .find(|run| run.kind == EntityKind::Person)
            .or_else(|| before().find(|run| book.knows_person(&run.name)));
        if let Some(run) = issuer {
            context.document_author = Some(book.complete_titled(&run.name, &run.roles));
        }
    }
}

/// "We have spoken to Maria Pires, 71, who left on Saturday": a person brought in
/// with an age, or described in a clause of their own ("lorry driver Tam McGill,
/// who has been parked there since 7.30pm"), is who the story turns to, wherever
/// the name stands, so a "she said" after it is hers.
fn note_introduced_persons(
    text: &str,
    unit: &Unit,
    unit_words: &[Word],
    runs: &[NameRun],
    book: &NameBook,
    context: &mut SpeakerContext,
) {
    for run in runs {
        if run.kind != EntityKind::Person {
            continue;
        }
        // "We have spoken to Tom Ridley, the farmer at Scar Top Farm", "Our reporter
        // has spoken to Maeve Lynch": a page turning to the person it has just
        // interviewed. Only the page's own "we" or reporter:
        // after "Varela spoke to Maria Pires", "he said" is still Varela.
        let lower_at = |i: usize| unit_words.get(i).map(Word::lower);
        let verb_at = run.first_word.checked_sub(2);
        let speaks_to = verb_at.is_some_and(|verb| {
            lower_at(verb + 1).as_deref() == Some("to")
                && matches!(
                    lower_at(verb).as_deref(),
                    Some("spoken" | "spoke" | "talked" | "talking" | "speaking")
                )
        });
        let by_the_page = verb_at.is_some_and(|verb| {
            (verb.saturating_sub(6)..verb).any(|i| {
                matches!(
                    lower_at(i).as_deref(),
                    Some("we" | "we've" | "i" | "i've" | "our" | "reporter" | "correspondent")
                )
            })
        });
        let spoken_to = speaks_to && by_the_page;
        if spoken_to {
            context.mention(&book.complete_titled(&run.name, &run.roles));
            continue;
        }
        let after = &text[unit_words[run.end_word - 1].end..unit.end];
        let Some(rest) = after.trim_start().strip_prefix(',') else {
            continue;
        };
        let rest = rest.trim_start();
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let with_age = (1..=3).contains(&digits) && rest[digits..].trim_start().starts_with(',');
        let described = rest.starts_with("who ");
        if with_age || described {
            context.mention(&book.complete_titled(&run.name, &run.roles));
        }
    }
}

/// What the speaker context learns from a claim just read: the organisations it
/// names, for a later "the airline said" (a report about one airline, firm or
/// council calls it by its kind after naming it: "A Calder Air flight ...
/// according to the airline"), and whether an unnamed source said it, for a
/// "he said" right after.
fn note_claim_read(claim: &Claim, context: &mut SpeakerContext) {
    for body in claim
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Organisation)
    {
        context.note_body(&body.name);
    }
    context.unnamed_spoke_last = claim.speaker.as_deref() == Some(UNNAMED_SOURCES);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_in_capitals_after_its_number_is_no_name() {
        let names = |text: &str| -> Vec<String> {
            claims_of(text, None)[0]
                .entities
                .iter()
                .map(|e| e.name.clone())
                .collect()
        };
        assert!(names("The gang stole 500 GB of records from Halden Bank.") == ["Halden Bank"]);
        assert!(names("Gusts of 92 MPH hit Tiree.") == ["Tiree"]);
    }

    #[test]
    fn a_part_keeps_the_full_stop_of_its_last_abbreviation() {
        let s = "The fighting broke out at about 1:30 p.m., and kick-off was delayed.";
        assert_eq!(parts(s)[0], "The fighting broke out at about 1:30 p.m.");
    }

    #[test]
    fn a_relative_clause_closed_before_the_speech_verb_leaves_it_the_sentences() {
        let speaker = |text: &str| claims_of(text, None)[0].speaker.clone();
        assert_eq!(
            speaker("Daniel Lyle, who lives in Weldon, said the firm had not apologised.")
                .as_deref(),
            Some("Daniel Lyle")
        );
        // A speech verb inside the clause is the clause's.
        assert_eq!(
            speaker("The firm apologised a day after Daniel Lyle said it had not."),
            None
        );
        assert_eq!(
            speaker("The firm, which Daniel Lyle said had not apologised, was fined."),
            None
        );
    }

    #[test]
    fn an_age_before_a_role_word_is_the_role_holders() {
        let ages = |text: &str| -> Vec<Option<String>> {
            claims_of(text, None)
                .iter()
                .flat_map(|c| c.quantities.iter().map(|q| q.measure.clone()))
                .collect()
        };
        let text =
            "Monteraso mayor Lorenzo Bertaccini was arrested. The 57-year-old mayor was led away.";
        assert_eq!(ages(text), [Some("age of Bertaccini".to_string())]);
        // Two people hold the role: whose age it is stays open.
        let text = "Firefighter Ana Reis and firefighter Rui Costa were hurt. The 34-year-old firefighter is in hospital.";
        assert_eq!(ages(text), [None]);
    }

    #[test]
    fn a_plan_told_in_the_past_was_for_a_day_gone_by() {
        let day = |text: &str| {
            // Published on Friday 13 June 2025.
            let claims = claims_of(text, NaiveDate::from_ymd_opt(2025, 6, 13));
            claims[0].times.first().map(|t| t.value.clone())
        };
        let wednesday = |d: u32| {
            Some(crate::model::TimeValue::Date {
                date: NaiveDate::from_ymd_opt(2025, 6, d).unwrap(),
                weekday_named: true,
            })
        };
        assert_eq!(
            day("His knee operation, scheduled for Wednesday, was called off."),
            wednesday(11)
        );
        assert_eq!(
            day("His knee operation is scheduled for Wednesday."),
            wednesday(18)
        );
    }

    #[test]
    fn an_expected_or_not_ruled_out_month_is_the_coming_one() {
        let month_year = |text: &str| {
            // Published on Thursday 19 November 2026.
            let claims = claims_of(text, NaiveDate::from_ymd_opt(2026, 11, 19));
            claims
                .iter()
                .map(|claim| match claim.times.first().map(|t| &t.value) {
                    Some(crate::model::TimeValue::Month { year, .. }) => *year,
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            month_year("Eirik Moe, an economist, said he expected another cut in February, taking the rate to 3.5%."),
            [Some(2027), Some(2027)]
        );
        assert_eq!(
            month_year("Solvang did not rule out a further reduction in February."),
            [Some(2027)]
        );
        assert_eq!(
            month_year("The bank last cut rates in February."),
            [Some(2026)]
        );
    }

    #[test]
    fn a_speakers_today_inside_a_quotation_is_no_day_of_the_report() {
        let text = "\"Our police showed incredible patience today,\" Dhaliwal said.";
        let claims = claims_of(text, NaiveDate::from_ymd_opt(2026, 11, 5));
        assert!(claims[0].times.is_empty(), "{:?}", claims[0].times);
        let text = "Police said the branch would reopen today.";
        let claims = claims_of(text, NaiveDate::from_ymd_opt(2026, 11, 5));
        assert_eq!(claims[0].times.len(), 1);
    }

    #[test]
    fn and_inside_what_someone_says_cuts_nothing() {
        let s = "Northmar Ferries says 112 passengers and nine crew are on board.";
        assert_eq!(parts(s), [s]);
        // An act with an object is a clause of its own, even by a verb of speech.
        let s = "Mr Qureshi conceded defeat on stage and wished his rival well.";
        assert_eq!(parts(s).len(), 2);
    }

    #[test]
    fn she_said_after_a_person_brought_in_with_an_age_or_a_clause_is_that_person() {
        let text = "Commander Andre Varela gave an update. \"The wind changes every hour,\" Varela said.\n\nWe have spoken to Maria Pires, 71, who left the village on Saturday. \"I took the dog and nothing else,\" she said.";
        let claims = claims_of(text, None);
        let last = claims.last().expect("claims");
        assert_eq!(last.speaker.as_deref(), Some("Maria Pires"));
        // So is a person described in a clause of their own.
        let described = text.replace("Maria Pires, 71, who", "Maria Pires, who");
        let claims = claims_of(&described, None);
        assert_eq!(
            claims.last().expect("claims").speaker.as_deref(),
            Some("Maria Pires")
        );
        // One a named speaker spoke to is only listening: "he said" is not his.
        let listening = "Commander Andre Varela spoke to Pedro Pires on Saturday. \
                         \"The wind changes every hour,\" he said.";
        let claims = claims_of(listening, None);
        assert_eq!(
            claims.last().expect("claims").speaker.as_deref(),
            Some("Andre Varela")
        );
    }

    #[test]
    fn a_clause_whose_subject_has_a_relative_aside_is_cut_off() {
        let s = "Police put the crowd at 38,000, while the federation, which called the march, said 120,000 people took part.";
        assert_eq!(
            parts(s),
            [
                "Police put the crowd at 38,000",
                "the federation, which called the march, said 120,000 people took part."
            ]
        );
        // The aside must be followed by the verb: here it closes a list of places.
        let s =
            "Crews fought the fire in Leeds, and the mill, which was empty, and two houses nearby.";
        assert_eq!(parts(s), [s]);
    }

    #[test]
    fn short_regular_past_tenses_open_a_clause() {
        let s = "Police did not fire tear gas, but officers used batons to push the crowd back.";
        assert_eq!(
            parts(s),
            [
                "Police did not fire tear gas",
                "officers used batons to push the crowd back."
            ]
        );
    }

    #[test]
    fn names_after_a_vessel_noun_are_ships_and_coast_names_are_places() {
        let claims = claims_of(
            "The tanker Stellar Opal was struck by the container ship Baltic Meridian about six nautical miles off Kelsham Point.",
            None,
        );
        let kind_of = |name: &str| {
            claims
                .iter()
                .flat_map(|c| &c.entities)
                .find(|e| e.name == name)
                .map(|e| e.kind)
        };
        assert_eq!(kind_of("Stellar Opal"), Some(EntityKind::Other));
        assert_eq!(kind_of("Baltic Meridian"), Some(EntityKind::Other));
        assert_eq!(kind_of("Kelsham Point"), Some(EntityKind::Place));
    }

    #[test]
    fn a_future_told_in_the_past_reads_its_weekday_forward() {
        // Published on Thursday 28 January 2027.
        let published = NaiveDate::from_ymd_opt(2027, 1, 28);
        let day_of = |text: &str| {
            let claims = claims_of(text, published);
            claims
                .iter()
                .flat_map(|c| &c.times)
                .map(|t| t.value.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            day_of("The operator said the ski area would reopen on Friday."),
            ["2027-01-29 (Friday)"]
        );
        // The day of the telling is past.
        assert_eq!(
            day_of("The operator said on Monday it would close the lifts."),
            ["2027-01-25 (Monday)"]
        );
        // An aim points forward, whatever the tense of its verb.
        assert_eq!(
            day_of("He said the company aimed to fly again in May."),
            ["2027-05"]
        );
        assert_eq!(day_of("The company flew again in May."), ["2026-05"]);
        // A rule's start in the present tense is still to come; told in the
        // past tense, it is gone.
        assert_eq!(
            day_of("The lower rate applies from Monday."),
            ["2027-02-01 (Monday)"]
        );
        assert_eq!(
            day_of("The lower rate took effect on Monday."),
            ["2027-01-25 (Monday)"]
        );
    }

    #[test]
    fn a_hyphened_participle_is_no_verb_of_the_subject() {
        let s = "The Marshall Islands-flagged tanker Stellar Opal, carrying about 80,000 tonnes of crude, was struck amidships.";
        assert_eq!(parts(s), [s]);
        // A participle clause after a finite verb still adds a fact of its own.
        let s = "The fire destroyed the mill, leaving 40 people without work.";
        assert_eq!(parts(s).len(), 2);
    }

    fn parts(s: &str) -> Vec<&str> {
        atomic_parts(s, 0, s.len())
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect()
    }

    /// The claims of a one-report text, read against its publication date.
    fn claims_of(text: &str, published: Option<NaiveDate>) -> Vec<Claim> {
        crate::parse_report(crate::ReportInput {
            id: "a".into(),
            text: text.into(),
            published,
            ..Default::default()
        })
        .claims
    }

    #[test]
    fn a_pronoun_announcing_a_quote_finds_the_person_after_a_role() {
        let speaker_of_quote = |text: &str| {
            let claims = claims_of(text, None);
            let quote = claims.iter().find(|c| c.kind == ClaimKind::Quote);
            quote.and_then(|c| c.speaker.clone())
        };
        for opening in [
            "Calder Air's chief operating officer Fiona Aldridge has put out a statement.",
            "The chief operating officer Fiona Aldridge has put out a statement.",
        ] {
            let text = format!(
                "{opening} She says:\n\n\"Our crew followed their training to the letter.\"\n"
            );
            assert_eq!(
                speaker_of_quote(&text).as_deref(),
                Some("Fiona Aldridge"),
                "{opening}"
            );
        }
    }

    #[test]
    fn quotes_go_to_who_issued_sent_or_goes_on_with_them() {
        let speaker_of = |text: &str, phrase: &str| {
            let claims = claims_of(text, None);
            let quote = claims.iter().find(|c| c.text.contains(phrase)).unwrap();
            quote.speaker.clone()
        };
        // The person who issued a statement says what "the statement goes on" to say.
        let statement = "10:30 BST\nBrightwater's chief executive, Martin Ashcombe, has issued a statement.\n\n10:32 BST\nThe statement goes on: \"We have followed the guidance at every stage.\"\n";
        assert_eq!(
            speaker_of(statement, "guidance").as_deref(),
            Some("Martin Ashcombe")
        );
        // A message sent, whose words follow the colon, is its sender's.
        let message = "The hospital says she is stable.\n\nOne passenger, who asked not to be named, sent us this message:\n\"They slide a tray under the door and walk off.\"\n";
        assert_eq!(
            speaker_of(message, "tray").as_deref(),
            Some(UNNAMED_SOURCES)
        );
        // "he" after a subject named behind an opening phrase and role words.
        let pronoun = "Minister Nieves Cabrera said: \"There is no risk.\"\n\nIn Madeira, regional president Joao Vieira has defended the decision.\n\"We cannot put our hospitals at risk,\" he told radio.\n";
        assert_eq!(
            speaker_of(pronoun, "hospitals").as_deref(),
            Some("Joao Vieira")
        );
        // "Derek and Pauline Moss": Derek shares the surname.
        let couple = "Derek and Pauline Moss, from Basildon, said their holiday was ruined.\n\n\"It's an insult,\" said Derek.\n";
        assert_eq!(speaker_of(couple, "insult").as_deref(), Some("Derek Moss"));
    }

    #[test]
    fn a_line_announcing_a_quote_gives_it_its_speaker_and_keeps_its_own_facts() {
        let text = "Tom Hart said: \"It was the right call.\"\n\nIn a message to voters posted on \
                    her website, Ms Jo Lund wrote:\n\n\"Serving as minister was a privilege.\"\n";
        let claims = claims_of(text, None);
        let quote = claims
            .iter()
            .find(|c| c.text.contains("privilege"))
            .unwrap();
        assert_eq!(quote.speaker.as_deref(), Some("Jo Lund"));
        // The message on her website is a fact; a bare "X said:" line is none.
        assert!(claims
            .iter()
            .any(|c| c.text.contains("posted on her website")));
        assert!(!claims.iter().any(|c| c.text == "Tom Hart said:"));
    }

    #[test]
    fn a_clause_before_the_verb_of_saying_keeps_its_day() {
        let text = "Prime Minister Jana Holt made her first visit to Dolmir on Tuesday and promised that the state would rebuild every home.";
        let claims = claims_of(text, NaiveDate::from_ymd_opt(2025, 9, 17));
        let visit = claims.iter().find(|c| c.text.contains("visit")).unwrap();
        assert_eq!(visit.times.len(), 1, "{visit:?}");
    }

    #[test]
    fn a_clause_with_a_subject_of_its_own_takes_only_a_fronted_day() {
        let days_of = |text: &str, phrase: &str| -> usize {
            let claims = claims_of(text, NaiveDate::from_ymd_opt(2027, 9, 14));
            let claim = claims.iter().find(|c| c.text.contains(phrase)).unwrap();
            claim.times.len()
        };
        let rain = "Rain began falling on the valley on Saturday, and the weather service measured 210 millimetres in four days.";
        assert_eq!(days_of(rain, "measured 210"), 0);
        // A day fronted for the whole sentence dates both clauses.
        let fronted = "On Tuesday, the council met in Graz, and the mayor resigned.";
        assert_eq!(days_of(fronted, "the mayor resigned"), 1);
        // A clause sharing the subject takes the day of the clause before.
        let shared = "The council met in Graz on Tuesday and approved the flood plan.";
        assert_eq!(days_of(shared, "approved the flood plan"), 1);
    }

    #[test]
    fn the_day_a_thing_was_said_is_not_the_day_of_what_was_said() {
        let days = |text: &str| -> Vec<String> {
            // Published on Monday 1 June 2026.
            let claims = claims_of(text, NaiveDate::from_ymd_opt(2026, 6, 1));
            claims[0]
                .times
                .iter()
                .map(|t| t.value.to_string())
                .collect()
        };
        assert!(days("Carrick Athletic said on Sunday that some fans were involved.").is_empty());
        // A trailing "said on Wednesday" dates the saying, not the deaths before it.
        assert!(days(
            "A tornado killed seven people and injured 58 in the town, state emergency officials said on Wednesday, after it flattened homes."
        )
        .is_empty());
        // What follows the verb is what was said: its day stays.
        assert_eq!(
            days("Zelenskyy says a Friday call with Trump covered defence production and buying drones."),
            ["2026-05-29 (Friday)"]
        );
        assert!(days("Fans were involved, the club told reporters on Sunday.").is_empty());
        assert_eq!(
            days("The club said on Sunday that fans had rioted on Saturday."),
            ["2026-05-30 (Saturday)"]
        );
    }

    #[test]
    fn a_fact_cut_from_its_sentence_does_not_take_the_start_of_a_state() {
        let claims = claims_of(
            "It has taken 300 samples since Wednesday, and all of them were clear.",
            NaiveDate::from_ymd_opt(2025, 6, 16),
        );
        assert_eq!(claims.len(), 2, "{claims:?}");
        assert!(claims[1].times.is_empty(), "{:?}", claims[1].times);
    }

    #[test]
    fn a_first_name_alone_is_the_person_named_in_full_with_it() {
        let claims = claims_of(
            "Night guard Tony Briggs, 61, was hurt. \"I heard glass smashing,\" Tony told The Sun.",
            None,
        );
        assert_eq!(claims[1].speaker.as_deref(), Some("Tony Briggs"));
    }

    #[test]
    fn a_denied_admission_keeps_its_subject_as_speaker() {
        let claims = claims_of(
            "Tarrant Valley Water apologised. But the firm has still NOT admitted that the broken filter made people ill.",
            None,
        );
        assert_eq!(claims[1].speaker.as_deref(), Some("Tarrant Valley Water"));
        assert_eq!(claims[1].polarity, crate::model::Polarity::Negative);
    }

    #[test]
    fn the_airline_is_the_body_the_report_named() {
        let claims = claims_of(
            "A Calder Air flight was diverted to Toulouse. The plane landed 40 minutes later, according to the airline.",
            None,
        );
        assert_eq!(claims[1].speaker.as_deref(), Some("Calder Air"));
        // The body whose name holds the noun, though another was named since.
        let claims = claims_of(
            "The UK Health Security Agency is testing samples. The NHS has opened a helpline. Nine people were treated in hospital, according to the agency.",
            None,
        );
        assert_eq!(
            claims[2].speaker.as_deref(),
            Some("UK Health Security Agency")
        );
        // A body whose name says it is another kind is not "the airline".
        let claims = claims_of(
            "A Calder Air flight was cancelled. A passenger was taken to Alexandra Hospital. A new flight is due on Thursday, the airline said.",
            None,
        );
        assert_eq!(claims[2].speaker.as_deref(), Some("Calder Air"));
    }

    #[test]
    fn a_body_described_by_where_it_is_based_is_the_body_named_before() {
        let claims = claims_of(
            "The UK Health Security Agency is testing samples. The London-based agency said nine people were treated.",
            None,
        );
        assert_eq!(
            claims[1].speaker.as_deref(),
            Some("UK Health Security Agency")
        );
    }

    #[test]
    fn he_after_an_unnamed_source_is_that_source() {
        let speakers = |text: &str| -> Vec<Option<String>> {
            claims_of(text, None)
                .iter()
                .map(|c| c.speaker.clone())
                .collect()
        };
        let text = "Justice Minister Niamh Costigan visited the prison. One guard, who asked not to be named, told the Beacon the jail is falling apart. \"We have been warning about this for two years,\" he said.";
        assert_eq!(
            speakers(text).last().cloned().flatten().as_deref(),
            Some(UNNAMED_SOURCES)
        );
        // A claim in between leaves "he" to the person named before.
        let text = "Governor Tom Brannock spoke first. One guard, who asked not to be named, told the Beacon the jail is falling apart. Mr Brannock left at noon. \"We did everything right,\" he said.";
        assert_eq!(
            speakers(text).last().cloned().flatten().as_deref(),
            Some("Tom Brannock")
        );
    }

    #[test]
    fn a_count_of_them_counts_what_was_counted_before() {
        let units = |text: &str| -> Vec<Vec<String>> {
            claims_of(text, None)
                .iter()
                .map(|c| c.quantities.iter().map(|q| q.unit.clone()).collect())
                .collect()
        };
        let text = "The 14 patients were taken to St. Anna Hospital. Three of them were kept in overnight.";
        assert_eq!(units(text), [vec!["patient"], vec!["patient"]]);
        // The injured and the dead are people, whatever was counted last.
        let text = "The ferry carried 98 passengers and nine crew. Four of the injured were treated in Ardvarrow.";
        assert_eq!(units(text)[1], ["people"]);
        // Too far back, "them" is left uncounted.
        let text = "Police arrested 12 men. The court sat. The judge spoke. Lawyers argued. Two of them appealed.";
        assert_eq!(
            units(text).last().map(Vec::as_slice),
            Some(&[String::new()][..])
        );
    }

    #[test]
    fn speakers_by_surname_or_after_a_body_and_role_find_their_full_name() {
        let speaker = |text: &str| claims_of(text, None).last().and_then(|c| c.speaker.clone());
        for (full, short) in [
            ("Giulia Montanari", "Montanari"),
            ("Peter Callaghan", "Callaghan"),
            ("Ivana Kovacic", "Kovacic"),
            ("Jane Baker", "Baker"),
        ] {
            let text = format!(
                "Minister {full} demanded a report. \"Milan deserves an answer,\" {short} said."
            );
            assert_eq!(speaker(&text).as_deref(), Some(full), "{text}");
        }
        // A nationality alone is still no one.
        let text = "Mexican officials said the road was shut.";
        assert!(claims_of(text, None)[0].entities.is_empty());
        // After a body, role words and a person, "he" is the person.
        let text = "\"It was one transformer,\" Reti Lombarde chief executive Paolo Ferrante told reporters. He said the systems \"did exactly what they were built to do\".";
        assert_eq!(speaker(text).as_deref(), Some("Paolo Ferrante"));
        // An occupation before a full name is a role.
        let text = "Baker Sergio Mauri said he had thrown away two days of dough.";
        assert_eq!(speaker(text).as_deref(), Some("Sergio Mauri"));
    }

    #[test]
    fn a_first_name_opening_a_sentence_is_the_titled_person_of_that_name() {
        let speaker = |text: &str| claims_of(text, None).last().and_then(|c| c.speaker.clone());
        let text = "Nurse Aoife Brennan, 34, and logistics man Ciaran Doyle, 44, are home. \
                    Ciaran said the waiting nearly broke him. Aoife could barely hold back the tears. \"I just want to sleep,\" she said.";
        assert_eq!(speaker(text).as_deref(), Some("Aoife Brennan"));
        // Two capitalised words alone may be a club, not a person's first name.
        let text = "Ferrybank Thistle won the cup. Ferrybank gaffer Stuart Kerrigan was in \
                    tears. \"We were written off,\" he said.";
        assert_eq!(speaker(text).as_deref(), Some("Stuart Kerrigan"));
    }

    #[test]
    fn a_live_page_turns_to_whom_it_has_spoken_to_and_to_a_statement_it_quotes() {
        let speaker = |text: &str| claims_of(text, None).last().and_then(|c| c.speaker.clone());
        let text = "\"That is simply not true,\" Inspector Gareth Pryce said. \
                    We have spoken to Tom Ridley, the farmer at Scar Top Farm. \
                    \"I am not angry with the cat,\" he told us.";
        assert_eq!(speaker(text).as_deref(), Some("Tom Ridley"));
        let text = "Ashby Kerr has issued a statement from its chief executive, Richard Oduya. \
                    More from Oduya's statement: \"We will cooperate fully.\"";
        assert_eq!(speaker(text).as_deref(), Some("Richard Oduya"));
    }

    #[test]
    fn the_statement_said_is_its_authors() {
        let speaker = |text: &str| claims_of(text, None).last().and_then(|c| c.speaker.clone());
        let text = "Director Declan Furlong read out a short statement from nurse Aoife Brennan. \
                    \"We want to thank everyone,\" the statement said.";
        assert_eq!(speaker(text).as_deref(), Some("Aoife Brennan"));
        // The firm issues it; the person it is from, after role words, wrote it.
        let text = "Ashby Kerr has issued a statement from its chief executive, Richard Oduya. \
                    \"We are cooperating fully,\" the statement said.";
        assert_eq!(speaker(text).as_deref(), Some("Richard Oduya"));
        // And the words that follow are the author's.
        let text = "Ashby Kerr has issued a statement from its chief executive, Richard Oduya. \
                    \"We are cooperating fully,\" he says.";
        assert_eq!(speaker(text).as_deref(), Some("Richard Oduya"));
    }

    #[test]
    fn a_count_added_beside_another_measure_is_its_whole() {
        let measures = |text: &str| -> Vec<Option<String>> {
            claims_of(text, None)
                .iter()
                .flat_map(|c| c.quantities.iter().map(|q| q.measure.clone()))
                .collect()
        };
        let killed = Some("killed".to_string());
        let injured = Some("injured".to_string());
        let added_injured = Some("more injured".to_string());
        let text = "The three men died in the blast. Another 11 workers were injured.";
        assert_eq!(measures(text), [killed.clone(), injured.clone()]);
        let text = "Three people were killed and another 11 were injured.";
        assert_eq!(measures(text), [killed, injured.clone()]);
        // After a count of its own measure, or none, it adds to what came before.
        let text = "Two stewards were hurt. Four fans were also hurt.";
        assert_eq!(measures(text), [injured.clone(), added_injured.clone()]);
        let text = "A steward was hit by a bottle. Four fans were also hurt.";
        assert_eq!(measures(text), std::slice::from_ref(&added_injured));
        let text =
            "Three men died. The police came. The road was shut. Another 11 workers were injured.";
        assert_eq!(measures(text).last(), Some(&added_injured));
        // "N more" adds to an earlier count of its measure; with none, it counts
        // other people, the whole of its measure.
        let text = "Nine bodies were recovered on Wednesday. Rescuers found eight more bodies.";
        assert_eq!(
            measures(text),
            [Some("killed".to_string()), Some("more killed".to_string())]
        );
        let text = "Liam Gorton and Stuart Beddows never came out. NINE more workers were hurt.";
        assert_eq!(measures(text), [injured]);
    }

    #[test]
    fn bare_weekdays_in_claims_about_what_is_to_come_are_read_forward() {
        let day_of = |text: &str| {
            // Published on a Sunday.
            let claims = claims_of(text, NaiveDate::from_ymd_opt(2025, 11, 16));
            let mut days = claims[0].times.iter().map(|t| t.value.to_string());
            days.rfind(|day| day.contains('-'))
        };
        let coming = "Ferries are not expected to resume until Tuesday.";
        assert_eq!(day_of(coming).as_deref(), Some("2025-11-18 (Tuesday)"));
        let past = "Ferries stopped running on Tuesday.";
        assert_eq!(day_of(past).as_deref(), Some("2025-11-11 (Tuesday)"));
        let end_set = "The coastguard extended the exclusion zone until 6 p.m. on Tuesday.";
        assert_eq!(day_of(end_set).as_deref(), Some("2025-11-18 (Tuesday)"));
        let cancelled = "Sailings were cancelled until at least Tuesday.";
        assert_eq!(day_of(cancelled).as_deref(), Some("2025-11-18 (Tuesday)"));
        let end_reached = "The road stayed closed until Tuesday.";
        assert_eq!(day_of(end_reached).as_deref(), Some("2025-11-11 (Tuesday)"));
        // "next to" is a place, not the week to come.
        let beside = "The cat was caught on Tuesday in a field next to the school.";
        assert_eq!(day_of(beside).as_deref(), Some("2025-11-11 (Tuesday)"));
        let coming_week = "The cat will be moved next week, on Tuesday.";
        assert_eq!(day_of(coming_week).as_deref(), Some("2025-11-18 (Tuesday)"));
    }

    #[test]
    fn separate_facts_become_separate_claims() {
        assert_eq!(
            parts("Twelve people were killed and nine injured."),
            ["Twelve people were killed", "nine injured."]
        );
        assert_eq!(
            parts("The leaders discussed air defence and agreed to meet again."),
            ["The leaders discussed air defence", "agreed to meet again."]
        );
        assert_eq!(
            parts("Russia hit Kyiv overnight; two people died."),
            ["Russia hit Kyiv overnight", "two people died."]
        );
        assert_eq!(
            parts("The council said the wall held, although water poured over it."),
            ["The council said the wall held", "water poured over it."]
        );
    }

    #[test]
    fn participle_clauses_and_longer_subjects_split() {
        assert_eq!(
            parts("A fire tore through the mill late Tuesday, killing 12 people and injuring nine others."),
            ["A fire tore through the mill late Tuesday", "killing 12 people", "injuring nine others."]
        );
        assert_eq!(
            parts("Engineers must declare it safe, and the search of the debris is expected to last days."),
            ["Engineers must declare it safe", "the search of the debris is expected to last days."]
        );
        assert_eq!(
            parts("The leaders discussed defence, including Patriot missiles.").len(),
            1
        );
    }

    #[test]
    fn a_second_reported_clause_splits() {
        assert_eq!(
            parts("She said the cause was not yet known and that a joint inquiry with police would begin soon."),
            ["She said the cause was not yet known", "a joint inquiry with police would begin soon."]
        );
    }

    #[test]
    fn time_clauses_with_their_own_verb_split() {
        assert_eq!(
            parts("The assembly approved the plan on Thursday, six weeks after high water forced 9,000 people from their homes."),
            ["The assembly approved the plan on Thursday", "high water forced 9,000 people from their homes."]
        );
        assert_eq!(
            parts("The plan follows the October floods, when some 9,000 residents had to be evacuated."),
            ["The plan follows the October floods", "some 9,000 residents had to be evacuated."]
        );
        // No verb of its own: a time phrase, not a clause.
        assert_eq!(
            parts("They backed the plan too, after days of haggling.").len(),
            1
        );
        // The verb after the comma is the attribution's, not the time phrase's.
        assert_eq!(
            parts("Firefighters cut a passenger free after about 40 minutes, said Sian Howells.")
                .len(),
            1
        );
        assert_eq!(
            parts("The roof fell in, minutes after the crews arrived at the scene.").len(),
            2
        );
        assert_eq!(
            parts(
                "The town was mourning last night after fire destroyed the mill on Tuesday night."
            ),
            [
                "The town was mourning last night",
                "fire destroyed the mill on Tuesday night."
            ]
        );
        assert_eq!(
            parts("The talks resumed after the vote on Thursday.").len(),
            1
        );
        assert_eq!(
            parts("The roof gave way about 40 minutes after the crews arrived.").len(),
            1
        );
    }

    #[test]
    fn lists_and_names_stay_whole() {
        for sentence in [
            "Donald Trump and Volodymyr Zelenskyy discuss US weapons.",
            "He discussed joint production, as well as purchases and investments.",
            "Ukraine wants more missiles and systems that it sees as key.",
            "Five hundred and fifty drones were launched.",
            "Some 120 firefighters were called, West Yorkshire Fire and Rescue Service said.",
            "Flight 12, an Airbus carrying 186 passengers and six crew, took off at 6:50.",
            "The jet, packed with 186 holidaymakers and six crew, was forced to land.",
        ] {
            assert_eq!(parts(sentence).len(), 1, "{sentence}");
        }
    }
}
