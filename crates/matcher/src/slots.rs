//! Event slots: the court that tried the case, the hospital the injured were
//! taken to, the road of the crash, the lifeboat that came out, the union that
//! called the strike, the town of the factory or mill. Every report of one event
//! fills such a slot with one name, and two reports that fill it differently
//! disagree even when no two of their claims are worded alike ("a jury at Leeds
//! Crown Court convicted Pilling" vs "Pilling stood in the dock at Bradford Crown
//! Court"): the pair score never brings those claims together, so the slots are
//! read per report here.
//!
//! A slot conflict needs each report to name exactly one filler for the slot, the
//! two fillers to be different names, and neither report to name the other's
//! filler anywhere ("Armley, Leeds" does not contradict "in Leeds"). It is
//! reported once per pair of reports, on the two claims naming the fillers that
//! are most alike.

use std::collections::{BTreeMap, BTreeSet};

use claimdiff_parser::lexicon::is_road_number;
use claimdiff_parser::{ClaimKind, EntityKind};

use crate::conflict::Found;
use crate::features::FeatureTable;
use crate::similarity;
use crate::tolerance::{is_country_or_region, is_county, names_match};
use crate::words::name_tokens;
use crate::ConflictKind;

/// The slot a name fills, from its own words ("Leeds Crown Court", "Bronglais
/// Hospital", "A85") or from the noun the claim puts after it ("the Oban
/// lifeboat", "the GMB union"). Courts of appeal are left out: a case passes
/// through several. `text` is the claim's text in lower case.
pub(crate) fn slot_of(name: &str, kind: EntityKind, text: &str) -> Option<&'static str> {
    if is_road_number(name) {
        return Some("road");
    }
    let lower = name.to_lowercase();
    // The parser names "St. Anna Hospital" without the abbreviation's full stop.
    let undotted;
    let text = if text.contains(&lower) {
        text
    } else {
        undotted = text.replace('.', "");
        &undotted
    };
    // A county or a country only says where the town is. A bare name after "to" is
    // read as a place only when a cue says so; a landing verb is such a cue.
    let town_like = !is_county(name) && !is_country_or_region(name);
    if town_like && kind == EntityKind::Place && is_site_of_event(text, &lower) {
        return Some("site");
    }
    let may_be_place = matches!(kind, EntityKind::Place | EntityKind::Other);
    if town_like && may_be_place && is_landing_place(text, &lower) {
        return Some("landing");
    }
    const TRIAL_COURTS: &[&str] = &[
        "crown court",
        "magistrates' court",
        "magistrates court",
        "coroner's court",
        "coroners' court",
        "county court",
    ];
    if TRIAL_COURTS.iter().any(|court| lower.ends_with(court)) {
        return Some("court");
    }
    let hospital = lower.ends_with(" hospital") || lower.ends_with(" infirmary");
    if hospital && is_where_patients_went(text, &lower) {
        return Some("hospital");
    }
    if town_like && may_be_place && is_town_of_hospital(text, &lower) {
        return Some("hospital town");
    }
    let may_be_group = matches!(kind, EntityKind::Organisation | EntityKind::Other);
    if may_be_group && claims_the_act(text, &lower) {
        return Some("claimant");
    }
    if kind == EntityKind::Person && is_successor(text, &lower) {
        return Some("successor");
    }
    if kind == EntityKind::Person && leads_the_inquiry(text, &lower) {
        return Some("inquiry");
    }
    if may_be_group && (leads_the_inquiry(text, &lower) || leads_the_investigation(text, &lower)) {
        return Some("investigator");
    }
    if matches!(kind, EntityKind::Person | EntityKind::Organisation)
        && hosted_the_event(text, &lower)
    {
        return Some("host");
    }
    if kind == EntityKind::Person {
        if let Some(office) = office_held(text, &lower) {
            return Some(office);
        }
    }
    // A building, of any kind: its two-word name ("Villa Aster") may read as a
    // person's or, after "at", a place's; a one-word name is most often a town's.
    let building_like = name.split_whitespace().count() >= 2;
    if building_like && is_venue_of_meeting(text, &lower) {
        return Some("venue");
    }
    if may_be_group && broke_the_story(text, &lower) {
        return Some("scoop");
    }
    for noun in ["lifeboat", "union"] {
        if text.contains(&format!("{lower} {noun}")) {
            return Some(noun);
        }
    }
    // "the Electrical and Engineering Workers Union": the noun in the name itself;
    // unions of states are not trade unions.
    const UNIONS_OF_STATES: &[&str] = &["european union", "african union", "soviet union"];
    if may_be_group && lower.ends_with(" union") && !UNIONS_OF_STATES.contains(&lower.as_str()) {
        return Some("union");
    }
    None
}

/// "the factory in Brackenholme", "Calder Bank Mill in Armley": the town of the
/// site the event happened at.
fn is_site_of_event(text: &str, place: &str) -> bool {
    const SITE_NOUNS: &[&str] = &[
        "factory",
        "plant",
        "mill",
        "works",
        "site",
        "warehouse",
        "depot",
        "estate",
        "refinery",
        "mine",
        "yard",
    ];
    follows_phrase(text, place, SITE_NOUNS, &["in", "at"])
}

/// Whether `place` stands in `text` right after one of `heads` and one of
/// `linkers` ("landed" "at" Toulouse), whole words; an empty linker joins nothing.
/// Both are lower case, as `text` is. Slots ask this of every named claim, so it
/// reads the text where the name stands rather than building each phrase.
fn follows_phrase(text: &str, place: &str, heads: &[&str], linkers: &[&str]) -> bool {
    let ends_with_word = |before: &str, word: &str| {
        before.strip_suffix(word).is_some_and(|rest| {
            word.is_empty() || rest.is_empty() || rest.ends_with(char::is_whitespace)
        })
    };
    text.match_indices(place).any(|(at, _)| {
        let before = text[..at].trim_end();
        linkers.iter().any(|linker| {
            ends_with_word(before, linker) && {
                let rest = before[..before.len() - linker.len()].trim_end();
                heads.iter().any(|head| ends_with_word(rest, head))
            }
        })
    })
}

/// "a train from Shrewsbury", "the flight from Leeds Bradford": where a service set
/// out from, not where anything happened. Both lower case.
pub(crate) fn is_origin(text: &str, place: &str) -> bool {
    const SERVICES: &[&str] = &[
        "train", "trains", "service", "flight", "flights", "plane", "ferry", "bus", "coach",
    ];
    follows_phrase(text, place, SERVICES, &["from"])
}

/// "BlackSpindle claimed responsibility for the attack", "gang Nightjar claimed it
/// was behind the attack": the group that says it did it, named just before
/// saying so.
fn claims_the_act(text: &str, name: &str) -> bool {
    const CLAIMS: &[&str] = &[
        "claimed responsibility",
        "claims responsibility",
        "has claimed responsibility",
        "claimed it was behind",
        "claims it is behind",
        "says it is behind",
        "said it was behind",
        "said it carried out",
        "says it carried out",
        "has said it carried out",
        "claimed it carried out",
    ];
    named_between(text, name, &[], CLAIMS)
}

/// Whether `name` stands in `text` right after one of `before` ("replaced by") or
/// right before one of `after` ("will replace"), whole phrases, all lower case. An
/// article before the name and an aside after it ("Samuel Oduya, a junior
/// minister, will take over") are looked past.
fn named_between(text: &str, name: &str, before: &[&str], after: &[&str]) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let preceding = text[..at].trim_end();
        let preceding = preceding.strip_suffix(" the").unwrap_or(preceding);
        let mut following = text[at + name.len()..].trim_start();
        if let Some(aside) = following.strip_prefix(',') {
            if let Some(close) = aside.find(',') {
                following = aside[close + 1..].trim_start();
            }
        }
        before.iter().any(|phrase| preceding.ends_with(phrase))
            || after.iter().any(|phrase| following.starts_with(phrase))
    })
}

/// "She will be replaced by Samuel Oduya", "Fiona Carr will step into her shoes",
/// "Her successor, Samuel Oduya,": the person taking over someone's post.
fn is_successor(text: &str, name: &str) -> bool {
    const AFTER_NAME: &[&str] = &[
        "will replace",
        "replaces",
        "is to replace",
        "will take over",
        "takes over",
        "took over",
        "is to take over",
        "will succeed",
        "succeeds",
        "succeeded her",
        "succeeded him",
        "is to succeed",
        "will step into",
        "steps into",
        "stepped into",
    ];
    const BEFORE_NAME: &[&str] = &["replaced by", "succeeded by", "successor,", "replacement,"];
    // "Her replacement at the housing department is Samuel Oduya".
    let named_as_successor = text.match_indices(name).any(|(at, _)| {
        let before = text[..at].trim_end();
        (before.ends_with(" is") || before.ends_with(" will be"))
            && ["successor", "replacement"]
                .iter()
                .any(|noun| before.contains(noun))
    });
    named_as_successor || named_between(text, name, BEFORE_NAME, AFTER_NAME)
}

/// "an independent inquiry led by retired judge Sir Martin Hale", "the review,
/// chaired by Dame Ruth Calloway,": the person leading the inquiry into the event,
/// named within a few words after "led by" in a claim about an inquiry.
fn leads_the_inquiry(text: &str, name: &str) -> bool {
    const INQUIRIES: &[&str] = &["inquiry", "investigation", "review", "probe", "commission"];
    const LEADING: &[&str] = &["led by ", "chaired by ", "headed by "];
    INQUIRIES.iter().any(|inquiry| text.contains(inquiry)) && named_soon_after(text, name, LEADING)
}

/// "The Maritime Energy Regulator, which is leading the investigation", "The
/// Australian Transport Safety Bureau will lead the investigation": the body in
/// charge of the inquiry, one per story however many assist it.
fn leads_the_investigation(text: &str, name: &str) -> bool {
    const LEADING: &[&str] = &[
        "is leading the ",
        "was leading the ",
        "are leading the ",
        "will lead the ",
        "is to lead the ",
        "leads the ",
        "led the ",
    ];
    const INQUIRIES: &[&str] = &["inquiry", "investigation", "probe"];
    text.match_indices(name).any(|(at, _)| {
        let following = text[at + name.len()..].trim_start();
        let following = following
            .strip_prefix(", which ")
            .or_else(|| following.strip_prefix("which "))
            .unwrap_or(following);
        // "is leading the criminal investigation": a word or two may describe it.
        LEADING.iter().any(|lead| {
            following.strip_prefix(lead).is_some_and(|rest| {
                rest.split_whitespace().take(3).any(|word| {
                    let word = word.trim_end_matches(|c: char| !c.is_alphabetic());
                    INQUIRIES.contains(&word)
                })
            })
        })
    })
}

/// Whether `name` follows one of `leads` ("led by ", "hosted by ") in `text`
/// within a few words and no punctuation: titles and descriptions may stand
/// between ("led by retired judge Sir Martin Hale").
fn named_soon_after(text: &str, name: &str, leads: &[&str]) -> bool {
    const MAX_WORDS_BEFORE_NAME: usize = 4;
    text.match_indices(name).any(|(at, _)| {
        leads.iter().any(|lead| {
            text[..at].rfind(lead).is_some_and(|from| {
                let between = &text[from + lead.len()..at];
                !between.contains([',', '.', ';'])
                    && between.split_whitespace().count() <= MAX_WORDS_BEFORE_NAME
            })
        })
    })
}

/// "The talks were hosted by Norvellian Foreign Minister Ingrid Solberg-Maas":
/// whoever hosted the event.
fn hosted_the_event(text: &str, name: &str) -> bool {
    named_soon_after(text, name, &["hosted by "])
}

/// "met at Villa Aster", "talks at the Hotel Lindqvist", "the Hotel Lindqvist,
/// where the ministers have been meeting": the building a meeting took place in.
fn is_venue_of_meeting(text: &str, name: &str) -> bool {
    const BEFORE_NAME: &[&str] = &["met at", "meet at", "meeting at", "talks at"];
    const MEETING_WORDS: &[&str] = &["meet", "met ", "meeting", "talks"];
    let meeting_there = text.match_indices(name).any(|(at, _)| {
        text[at + name.len()..]
            .strip_prefix(", where ")
            .map(|clause| clause.split(',').next().unwrap_or(clause))
            .is_some_and(|clause| MEETING_WORDS.iter().any(|word| clause.contains(word)))
    });
    meeting_there || named_between(text, name, BEFORE_NAME, &[])
}

/// Offices one person holds for the place of the event: "Giovanna Marchetti, the
/// prefect of Belluno", "Belluno's prefect, Antonio Sartor", "Coroner Ann Hale".
/// Mayors are left out: a disaster spans villages, each with its own.
const SINGLE_HOLDER_OFFICES: &[&str] = &["prefect", "governor", "coroner"];

/// The office of [`SINGLE_HOLDER_OFFICES`] the claim gives the person `name`.
fn office_held(text: &str, name: &str) -> Option<&'static str> {
    SINGLE_HOLDER_OFFICES.iter().copied().find(|office| {
        let before = [format!("{office},"), (*office).to_string()];
        let after = [format!(", the {office}"), format!(", {office} of")];
        let before: Vec<&str> = before.iter().map(String::as_str).collect();
        let after: Vec<&str> = after.iter().map(String::as_str).collect();
        named_between(text, name, &before, &after)
    })
}

/// "first reported by the Daily Ledger", "since the Sunday Chronicle published a
/// leaked audit": the outlet that broke the story. Only the first telling: every
/// outlet reports, but one is first.
fn broke_the_story(text: &str, name: &str) -> bool {
    const BEFORE_NAME: &[&str] = &[
        "first reported by",
        "first published by",
        "first revealed by",
        "first reported in",
        "first published in",
        "leaked to",
        "obtained by",
    ];
    const AFTER_NAME: &[&str] = &[
        "first reported",
        "first published",
        "first revealed",
        "published a leaked",
        "published the leaked",
        "obtained a leaked",
        "obtained the leaked",
    ];
    named_between(text, name, BEFORE_NAME, AFTER_NAME)
}

/// "flown to the regional hospital in Ustova", "taken to hospital in Brenik": the
/// town of the hospital people were brought to, when the hospital is not named.
fn is_town_of_hospital(text: &str, town: &str) -> bool {
    follows_phrase(text, town, &["hospital"], &["in"])
        && PATIENTS_BROUGHT.iter().any(|verb| {
            text.match_indices(verb)
                .any(|(at, _)| text[at + verb.len()..].starts_with(" to "))
        })
}

/// Verbs of bringing people to a hospital.
const PATIENTS_BROUGHT: &[&str] = &[
    "taken",
    "rushed",
    "airlifted",
    "flown",
    "sent",
    "diverted",
    "redirected",
    "transferred",
    "admitted",
    "treated",
    "brought",
    "driven",
    "moved",
    "discharged",
    // "in a serious condition at Norbridge Royal Infirmary", "recovering at".
    "condition",
    "recovering",
];

/// "taken to the Queen Elizabeth University Hospital", "treated at Westmere
/// General Hospital", "ambulances were diverted to Kelmsby Royal Infirmary": the
/// hospital people were brought to. A report may name other hospitals (the one
/// that was attacked, the one a patient works at); only this one fills the slot.
fn is_where_patients_went(text: &str, hospital: &str) -> bool {
    follows_phrase(
        text,
        hospital,
        PATIENTS_BROUGHT,
        &["to", "at", "to the", "at the", "from", "from the"],
    )
}

/// "diverted to Toulouse", "an emergency landing in Bordeaux": where a flight came
/// down instead of its destination.
fn is_landing_place(text: &str, place: &str) -> bool {
    const LANDING_VERBS: &[&str] = &[
        "landed",
        "landing",
        "touched down",
        "diverted",
        "diverting",
        "divert",
        "diverts",
        "rerouted",
    ];
    follows_phrase(text, place, LANDING_VERBS, &["at", "in", "to"])
}

/// How an explanation names a slot.
fn slot_label(slot: &str) -> &str {
    match slot {
        "site" => "town for the site",
        "landing" => "place of landing",
        "claimant" => "group claiming the act",
        "successor" => "person taking over the post",
        "inquiry" => "person leading the inquiry",
        "investigator" => "body leading the investigation",
        "scoop" => "outlet that first published the story",
        "venue" => "venue of the meeting",
        other => other,
    }
}

/// The words of a filler that tell it from others of its slot: "Royal
/// Shrewsbury Hospital" and "Shrewsbury hospital" are one hospital.
fn distinguishing_tokens(name: &str) -> Vec<String> {
    const SLOT_WORDS: &[&str] = &[
        "crown",
        "court",
        "magistrates",
        "coroners",
        "coroner",
        "county",
        "hospital",
        "infirmary",
        "royal",
        "general",
        "university",
        "st",
        "saint",
    ];
    name_tokens(name)
        .into_iter()
        .filter(|t| !SLOT_WORDS.contains(&t.as_str()))
        .collect()
}

fn same_filler(a: &[String], b: &[String]) -> bool {
    a.iter().any(|t| b.contains(t))
}

/// Every name each report gives, asked "does this report name X anywhere, in any
/// variant?" ("Armley, Leeds" names Leeds). Each answer is kept: with a thousand
/// reports split over two courts, the same question comes up for every pair.
pub(crate) struct ReportNames<'a> {
    names: BTreeMap<usize, BTreeSet<&'a str>>,
    known: rustc_hash::FxHashMap<usize, rustc_hash::FxHashMap<String, bool>>,
}

impl<'a> ReportNames<'a> {
    pub(crate) fn new(table: &FeatureTable<'a>) -> Self {
        let mut names: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
        for (position, claim) in table.claims.iter().enumerate() {
            names
                .entry(table.refs[position].report)
                .or_default()
                // A bare "Hospital" (a headline's first word) names no hospital, and
                // would match every one by its last word.
                .extend(
                    claim
                        .entities
                        .iter()
                        .map(|e| e.name.as_str())
                        .filter(|name| !distinguishing_tokens(name).is_empty()),
                );
        }
        ReportNames {
            names,
            known: Default::default(),
        }
    }

    /// Whether the report at `report` names `name` anywhere, in any variant.
    pub(crate) fn names(&mut self, report: usize, name: &str) -> bool {
        let known = self.known.entry(report).or_default();
        if let Some(&answer) = known.get(name) {
            return answer;
        }
        let answer = self
            .names
            .get(&report)
            .is_some_and(|names| names.iter().any(|n| names_match(n, name)));
        known.insert(name.to_string(), answer);
        answer
    }
}

/// The places each report names as where a journey was headed ("a jet bound for
/// Majorca", "a flight to Palma"), so that arriving there at last is not read as
/// the place the flight was diverted to. `lowered` holds each claim's text in
/// lower case.
fn destinations_by_report<'a>(
    table: &FeatureTable<'a>,
    lowered: &[String],
) -> BTreeMap<usize, BTreeSet<&'a str>> {
    const HEADED_FOR: &[&str] = &[
        "bound for",
        "flight to",
        "flights to",
        "service to",
        "en route to",
        "heading for",
        "heading to",
        "flying to",
    ];
    let mut destinations: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for (position, (claim, text)) in table.claims.iter().zip(lowered).enumerate() {
        // Any kind but a person's: a place in a phrase may be read as another kind.
        for entity in claim
            .entities
            .iter()
            .filter(|e| e.kind != EntityKind::Person)
        {
            let lower = entity.name.to_lowercase();
            if follows_phrase(text, &lower, HEADED_FOR, &[""]) {
                destinations
                    .entry(table.refs[position].report)
                    .or_default()
                    .insert(entity.name.as_str());
            }
        }
    }
    destinations
}

/// "taken to Innsbruck University Hospital" against "taken to the hospital in
/// Zams": a hospital named after its town fills the slot of the hospital's town
/// too, so the two compare.
fn hospital_against_its_town(
    slot_a: &str,
    filler_a: &Filler,
    slot_b: &str,
    filler_b: &Filler,
    towns: &BTreeSet<String>,
) -> bool {
    let hospital = match (slot_a, slot_b) {
        ("hospital", "hospital town") => filler_a,
        ("hospital town", "hospital") => filler_b,
        _ => return false,
    };
    hospital.tokens.iter().any(|token| towns.contains(token))
}

/// Two claims set against each other: how many of them are quotations, their
/// similarity, and the pair (flat positions, in order).
type NamingPair = (usize, f64, (usize, usize));

/// One report's filler of one slot and the claims (flat positions) that name it.
struct Filler {
    name: String,
    tokens: Vec<String>,
    claims: Vec<usize>,
}

/// Slot conflicts between reports, as (claim a, claim b, what differs), `a` before
/// `b` in flat order. `already` tells whether a claim pair has a conflict already;
/// `report_names` answers "does the other report name my filler too".
pub(crate) fn conflicts(
    table: &FeatureTable,
    report_names: &mut ReportNames,
    already: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize, f64, Found)> {
    // report -> slot -> fillers (more than one: the report names several, no slot).
    let mut by_report: BTreeMap<usize, BTreeMap<&'static str, Vec<Filler>>> = BTreeMap::new();
    let lowered: Vec<String> = table.claims.iter().map(|c| c.text.to_lowercase()).collect();
    let destinations = destinations_by_report(table, &lowered);
    for (position, (claim, text)) in table.claims.iter().zip(&lowered).enumerate() {
        let report = table.refs[position].report;
        for entity in &claim.entities {
            let Some(slot) = slot_of(&entity.name, entity.kind, text) else {
                continue;
            };
            // "finally landed in Majorca": the flight's destination is no diversion.
            let destination = destinations
                .get(&report)
                .is_some_and(|names| names.contains(entity.name.as_str()));
            if slot == "landing" && destination {
                continue;
            }
            let tokens = distinguishing_tokens(&entity.name);
            if tokens.is_empty() {
                continue;
            }
            let fillers = by_report
                .entry(report)
                .or_default()
                .entry(slot)
                .or_default();
            match fillers.iter_mut().find(|f| same_filler(&f.tokens, &tokens)) {
                Some(filler) => {
                    if filler.claims.last() != Some(&position) {
                        filler.claims.push(position);
                    }
                }
                None => fillers.push(Filler {
                    name: entity.name.clone(),
                    tokens,
                    claims: vec![position],
                }),
            }
        }
    }
    let single: Vec<(usize, &'static str, &Filler)> = by_report
        .iter()
        .flat_map(|(&report, slots)| {
            slots
                .iter()
                .filter(|(_, fillers)| fillers.len() == 1)
                .map(move |(&slot, fillers)| (report, slot, &fillers[0]))
        })
        .collect();
    // One-word places any report names, to tell a hospital named after its town
    // ("Innsbruck University Hospital") from one that is not ("St Anna Hospital").
    let towns: BTreeSet<String> = table
        .claims
        .iter()
        .flat_map(|claim| &claim.entities)
        .filter(|e| e.kind == EntityKind::Place)
        .filter_map(|e| match name_tokens(&e.name).as_slice() {
            [one] => Some(one.clone()),
            _ => None,
        })
        .collect();
    let mut found = Vec::new();
    for (i, &(report_a, slot, filler_a)) in single.iter().enumerate() {
        for &(report_b, slot_b, filler_b) in single.iter().skip(i + 1) {
            if report_a == report_b
                || !(slot == slot_b
                    || hospital_against_its_town(slot, filler_a, slot_b, filler_b, &towns))
                || same_filler(&filler_a.tokens, &filler_b.tokens)
                || report_names.names(report_a, &filler_b.name)
                || report_names.names(report_b, &filler_a.name)
            {
                continue;
            }
            let pairs = closest_pairs(table, &filler_a.claims, &filler_b.claims);
            for (a, b, score) in pairs {
                if already(a, b) {
                    continue;
                }
                let (name_a, name_b) = if table.refs[a].report == report_a {
                    (&filler_a.name, &filler_b.name)
                } else {
                    (&filler_b.name, &filler_a.name)
                };
                // A hospital against the town of one: both say which hospital.
                let label = if slot == slot_b {
                    slot_label(slot)
                } else {
                    "hospital"
                };
                let explanation = format!(
                    "a different {label} is named: {name_a} vs {name_b} (each report names only its own)"
                );
                let found_here = Found {
                    kind: ConflictKind::Entity,
                    value_a: name_a.clone(),
                    value_b: name_b.clone(),
                    explanation,
                };
                found.push((a, b, score, found_here));
            }
        }
    }
    found.sort_by_key(|&(a, b, _, _)| (a, b));
    found
}

/// Every claim of `claims_a` set against the claim of `claims_b` that is most
/// alike, and the other way round: (a, b, similarity) with `a < b` in flat order,
/// sorted, each pair once. The outlets' own narration comes before the words of
/// people they quote ("told us we were landing in Toulouse"): a reader of any of
/// the claims sees the dispute, beside its closest counterpart.
pub(crate) fn closest_pairs(
    table: &FeatureTable,
    claims_a: &[usize],
    claims_b: &[usize],
) -> Vec<(usize, usize, f64)> {
    let quotes_in = |a: usize, b: usize| {
        [a, b]
            .iter()
            .filter(|&&c| table.claims[c].kind == ClaimKind::Quote)
            .count()
    };
    // Each pair of claims scored once.
    let grid: Vec<Vec<NamingPair>> = claims_a
        .iter()
        .map(|&own| {
            claims_b
                .iter()
                .map(|&other| {
                    let (a, b) = (own.min(other), own.max(other));
                    let score = similarity::score(table, a, b).similarity;
                    (quotes_in(a, b), score, (a, b))
                })
                .collect()
        })
        .collect();
    // Fewer quotations first, then the closer pair; the first on a tie.
    let most_alike = |cells: &mut dyn Iterator<Item = NamingPair>| {
        cells.reduce(|best, cell| {
            if cell.0 < best.0 || (cell.0 == best.0 && cell.1 > best.1) {
                cell
            } else {
                best
            }
        })
    };
    let columns = claims_b.len();
    let mut pairs: Vec<(usize, usize, f64)> = grid
        .iter()
        .filter_map(|row| most_alike(&mut row.iter().copied()))
        .chain(
            (0..columns).filter_map(|column| most_alike(&mut grid.iter().map(|row| row[column]))),
        )
        .map(|(_, score, (a, b))| (a, b, score))
        .collect();
    pairs.sort_by_key(|&(a, b, _)| (a, b));
    pairs.dedup_by_key(|&mut (a, b, _)| (a, b));
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::ReportBuilder;

    #[test]
    fn slots_come_from_the_name_or_the_noun_after_it() {
        let org = EntityKind::Organisation;
        let place = EntityKind::Place;
        assert_eq!(slot_of("Leeds Crown Court", org, ""), Some("court"));
        let airlifted = "he was airlifted to bronglais hospital";
        assert_eq!(
            slot_of("Bronglais Hospital", org, airlifted),
            Some("hospital")
        );
        let condition = "one was in a serious condition at norbridge royal infirmary";
        assert_eq!(
            slot_of("Norbridge Royal Infirmary", org, condition),
            Some("hospital")
        );
        let treated = "four were treated at the mackinnon memorial hospital";
        assert_eq!(
            slot_of("Mackinnon Memorial Hospital", org, treated),
            Some("hospital")
        );
        // A hospital named for anything else is not where the injured went.
        let attacked = "systems at marrowford general hospital were down";
        assert_eq!(slot_of("Marrowford General Hospital", org, attacked), None);
        let dotted = "the 14 patients were taken to st. anna hospital in baarsveld.";
        assert_eq!(slot_of("St Anna Hospital", org, dotted), Some("hospital"));
        assert_eq!(slot_of("A85", place, ""), Some("road"));
        let rescue = "the oban lifeboat rescued two men";
        assert_eq!(slot_of("Oban", place, rescue), Some("lifeboat"));
        let union = "gareth pugh of the electrical and engineering workers union";
        assert_eq!(
            slot_of("Electrical and Engineering Workers Union", org, union),
            Some("union")
        );
        assert_eq!(
            slot_of("European Union", org, "the european union said"),
            None
        );
        assert_eq!(slot_of("Court of Appeal", org, ""), None);
        assert_eq!(slot_of("Oban", place, "waves hit oban bay"), None);
        let fire = "fire destroyed the old textile mill in bradford";
        assert_eq!(slot_of("Bradford", place, fire), Some("site"));
        let county = "the factory in west yorkshire closed";
        assert_eq!(slot_of("West Yorkshire", place, county), None);
        assert_eq!(
            slot_of(
                "Toulouse",
                EntityKind::Other,
                "forced to divert to toulouse"
            ),
            Some("landing")
        );
        let flown = "she was flown to the regional hospital in ustova";
        assert_eq!(slot_of("Ustova", place, flown), Some("hospital town"));
        let visited = "the minister visited the hospital in ustova";
        assert_eq!(slot_of("Ustova", place, visited), None);
        let person = EntityKind::Person;
        for text in [
            "she will be replaced by tom reyes",
            "tom reyes, the deputy leader, will take over the brief",
            "her successor, tom reyes, was sworn in",
            "her replacement at the department is tom reyes",
        ] {
            assert_eq!(
                slot_of("Tom Reyes", person, text),
                Some("successor"),
                "{text}"
            );
        }
        assert_eq!(
            slot_of("Tom Reyes", person, "tom reyes said he would stay"),
            None
        );
        let inquiry =
            "an independent inquiry led by retired judge sir martin hale will report in may";
        assert_eq!(slot_of("Martin Hale", person, inquiry), Some("inquiry"));
        let chaired = "the review, chaired by ruth calloway, is to report within six months";
        assert_eq!(slot_of("Ruth Calloway", person, chaired), Some("inquiry"));
        let body = "the maritime energy regulator, which is leading the investigation, said 330,000 litres leaked";
        let organisation = EntityKind::Organisation;
        assert_eq!(
            slot_of("Maritime Energy Regulator", EntityKind::Other, body),
            Some("investigator")
        );
        let police = "downland police is leading the criminal investigation";
        assert_eq!(
            slot_of("Downland Police", organisation, police),
            Some("investigator")
        );
        let bureau = "the australian transport safety bureau will lead the investigation";
        assert_eq!(
            slot_of("Australian Transport Safety Bureau", organisation, bureau),
            Some("investigator")
        );
        let branch =
            "the investigation is being led by the uk's air accidents investigation branch";
        assert_eq!(
            slot_of("Air Accidents Investigation Branch", organisation, branch),
            Some("investigator")
        );
        // Assisting is not leading.
        let assisting = "the bea was leading the inquiry, with the air accidents investigation branch assisting";
        assert_eq!(
            slot_of(
                "Air Accidents Investigation Branch",
                organisation,
                assisting
            ),
            None
        );
        let team = "the rescue was led by ruth calloway";
        assert_eq!(slot_of("Ruth Calloway", person, team), None);
        let hosted = "the talks were hosted by norvellian foreign minister ingrid solberg-maas.";
        assert_eq!(slot_of("Ingrid Solberg-Maas", person, hosted), Some("host"));
        for text in [
            "\"this is the darkest day,\" said giovanna marchetti, the prefect of belluno.",
            "belluno's prefect, giovanna marchetti, has arrived at the scene.",
            "prefect giovanna marchetti has arrived.",
        ] {
            assert_eq!(
                slot_of("Giovanna Marchetti", person, text),
                Some("prefect"),
                "{text}"
            );
        }
        for (name, text) in [
            (
                "Villa Aster",
                "the two ministers met at villa aster, a guesthouse.",
            ),
            (
                "Hotel Lindqvist",
                "the doors of the hotel lindqvist, where the ministers have been meeting, opened.",
            ),
        ] {
            assert_eq!(
                slot_of(name, EntityKind::Place, text),
                Some("venue"),
                "{text}"
            );
        }
        // A town the talks are in is no building.
        let town = "delegations arrive in brennhaven, where norvell hosts the talks.";
        assert_eq!(slot_of("Brennhaven", EntityKind::Other, town), None);
        let mayor = "the mayor, joaquim serrao, toured the damage.";
        assert_eq!(slot_of("Joaquim Serrao", person, mayor), None);
        for text in [
            "the audit, first reported by the evening courier, showed",
            "since the evening courier published a leaked memo",
        ] {
            assert_eq!(
                slot_of("Evening Courier", org, text),
                Some("scoop"),
                "{text}"
            );
        }
        assert_eq!(
            slot_of("Evening Courier", org, "the evening courier reported that"),
            None
        );
        let claimed = "a group called blackspindle claimed responsibility for the attack";
        assert_eq!(slot_of("BlackSpindle", org, claimed), Some("claimant"));
        let behind = "gang nightjar claimed it was behind the attack";
        assert_eq!(
            slot_of("Nightjar", EntityKind::Other, behind),
            Some("claimant")
        );
        let named = "police said blackspindle had targeted schools";
        assert_eq!(slot_of("BlackSpindle", org, named), None);
        let landing = "the jet made an emergency landing in bordeaux";
        assert_eq!(slot_of("Bordeaux", place, landing), Some("landing"));
        assert_eq!(slot_of("Leeds", place, "the jet took off from leeds"), None);
    }

    #[test]
    fn a_phrase_before_a_name_is_read_in_whole_words() {
        let verbs = &["landed", "diverted"];
        assert!(follows_phrase(
            "it landed at  toulouse",
            "toulouse",
            verbs,
            &["at"]
        ));
        assert!(follows_phrase(
            "then diverted to nice, landed in nice",
            "nice",
            verbs,
            &["in"]
        ));
        assert!(!follows_phrase(
            "it was unlanded at toulouse",
            "toulouse",
            verbs,
            &["at"]
        ));
        assert!(!follows_phrase(
            "the boat toulouse",
            "toulouse",
            &["bo"],
            &["at"]
        ));
        assert!(follows_phrase(
            "a jet bound for majorca",
            "majorca",
            &["bound for"],
            &[""]
        ));
    }

    fn trial(id: &str, court: &str, text: &str, city: &str) -> ReportBuilder {
        ReportBuilder::new(id)
            .claim(text)
            .person("Graham Pilling")
            .org(court)
            .claim(&format!("The firm's plant is in {city}"))
            .place(city)
    }

    #[test]
    fn reports_naming_different_courts_conflict_though_no_claims_match() {
        let reports = vec![
            trial(
                "a",
                "Leeds Crown Court",
                "A jury at Leeds Crown Court convicted Graham Pilling",
                "Halifax",
            )
            .build(),
            trial(
                "b",
                "Bradford Crown Court",
                "Graham Pilling sat stony-faced in the dock at Bradford Crown Court",
                "Halifax",
            )
            .build(),
        ];
        let c = crate::compare(&reports);
        let courts: Vec<_> = c
            .conflicts
            .iter()
            .filter(|x| x.kind == ConflictKind::Entity)
            .collect();
        assert_eq!(courts.len(), 1, "{:?}", c.conflicts);
        assert_eq!(
            (courts[0].value_a.as_str(), courts[0].value_b.as_str()),
            ("Leeds Crown Court", "Bradford Crown Court")
        );
    }

    #[test]
    fn a_landing_place_conflicts_but_arriving_at_the_destination_does_not() {
        let reports = vec![
            ReportBuilder::new("a")
                .claim("A jet bound for Majorca made an emergency landing in Bordeaux")
                .place("Majorca")
                .place("Bordeaux")
                .claim("The holidaymakers finally landed in Majorca twelve hours late")
                .place("Majorca")
                .build(),
            ReportBuilder::new("b")
                .claim("Smoke forced the pilots to divert to Toulouse")
                .entity("Toulouse", EntityKind::Other)
                .build(),
        ];
        let c = crate::compare(&reports);
        let landings: Vec<_> = c
            .conflicts
            .iter()
            .filter(|x| x.kind == ConflictKind::Entity)
            .map(|x| (x.value_a.as_str(), x.value_b.as_str()))
            .collect();
        assert_eq!(landings, [("Bordeaux", "Toulouse")], "{:?}", c.conflicts);
    }

    #[test]
    fn the_hospital_people_were_sent_to_conflicts_whatever_other_hospitals_are_named() {
        let reports = vec![
            ReportBuilder::new("a")
                .claim("Hospital trust cancels operations")
                .org("Hospital")
                .claim("Systems at Marrowford General Hospital are down")
                .org("Marrowford General Hospital")
                .claim("Ambulances were diverted to Kelmsby Royal Infirmary")
                .org("Kelmsby Royal Infirmary")
                .build(),
            ReportBuilder::new("b")
                .claim("Marrowford General Hospital is still on paper records")
                .org("Marrowford General Hospital")
                .claim("Ambulances were sent to Dunholt General Hospital, 20 miles away")
                .org("Dunholt General Hospital")
                .build(),
        ];
        let c = crate::compare(&reports);
        let hospitals: Vec<_> = c
            .conflicts
            .iter()
            .filter(|x| x.kind == ConflictKind::Entity)
            .map(|x| (x.value_a.as_str(), x.value_b.as_str()))
            .collect();
        assert_eq!(
            hospitals,
            [("Kelmsby Royal Infirmary", "Dunholt General Hospital")],
            "{:?}",
            c.conflicts
        );
    }

    #[test]
    fn a_hospital_named_after_its_town_conflicts_with_a_hospital_in_another_town() {
        let compare = |hospital: &str| {
            let reports = vec![
                ReportBuilder::new("a")
                    .claim(&format!(
                        "Three of the survivors were taken to {hospital} with hypothermia"
                    ))
                    .org(hospital)
                    .claim("The prosecutor's office in Innsbruck opened an inquiry")
                    .place("Innsbruck")
                    .build(),
                ReportBuilder::new("b")
                    .claim("Three survivors were taken to the hospital in Zams with hypothermia")
                    .place("Zams")
                    .build(),
            ];
            crate::compare(&reports)
                .conflicts
                .into_iter()
                .filter(|x| x.kind == ConflictKind::Entity)
                .map(|x| x.explanation)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            compare("Innsbruck University Hospital"),
            ["a different hospital is named: Innsbruck University Hospital vs Zams (each report names only its own)"]
        );
        // A hospital named after no town says nothing of the town.
        assert!(compare("St Anna Hospital").is_empty());
    }

    #[test]
    fn a_report_that_names_the_other_filler_too_is_no_conflict() {
        // Report b names two courts (the case moved): no single filler, no slot.
        let reports = vec![
            trial(
                "a",
                "Leeds Crown Court",
                "A jury at Leeds Crown Court convicted Graham Pilling",
                "Halifax",
            )
            .build(),
            trial(
                "b",
                "Bradford Crown Court",
                "Graham Pilling was sentenced at Bradford Crown Court",
                "Halifax",
            )
            .claim("The trial had begun at Leeds Crown Court")
            .org("Leeds Crown Court")
            .build(),
        ];
        let c = crate::compare(&reports);
        assert!(
            c.conflicts.iter().all(|x| x.kind != ConflictKind::Entity),
            "{:?}",
            c.conflicts
        );
    }

    #[test]
    fn one_hospital_written_two_ways_is_one_filler() {
        let a = distinguishing_tokens("Royal Shrewsbury Hospital");
        let b = distinguishing_tokens("Shrewsbury hospital");
        let c = distinguishing_tokens("Bronglais Hospital");
        assert!(same_filler(&a, &b));
        assert!(!same_filler(&a, &c));
    }
}
