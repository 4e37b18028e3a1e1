//! Casualty tallies across reports: "No one was injured in the fire" against
//! "One firefighter was treated for burns". The two claims share no number and
//! hardly a word, so the pair score never brings them together; the tallies are
//! read per report here, like the story's happening (`happenings`).
//!
//! Each report's claims give, per casualty (killed, injured, taken to hospital:
//! `claimdiff_parser::casualty_tallies`), a nought or some. A report that gives
//! both for one casualty ("no passengers were hurt; the driver was injured" read
//! as such) is left out of that casualty, and so is a claim about another time (a
//! date more than `HAPPENING_DAY_WINDOW_DAYS` from its report's publication, or
//! another year: "two workers were injured in a similar collapse in 2019"). Two
//! reports of which one says no one and the other says someone conflict: a
//! negation, since one denies what the other tells.

use rayon::prelude::*;

use claimdiff_parser::{casualty_tallies, Casualty, Claim, Report, Tally, TimeValue};

use crate::conflict::Found;
use crate::features::FeatureTable;
use crate::slots::closest_pairs;
use crate::thresholds::HAPPENING_DAY_WINDOW_DAYS;
use crate::ConflictKind;

/// One report's tally of one casualty: the claims saying no one, or those saying
/// some, with their tallies.
struct Account {
    casualty: Casualty,
    none: bool,
    claims: Vec<(usize, Tally)>,
}

/// Tally conflicts between reports, as (claim a, claim b, similarity, what
/// differs), `a` before `b` in flat order. `already` tells whether a claim pair
/// has a conflict already.
pub(crate) fn conflicts(
    table: &FeatureTable,
    reports: &[Report],
    already: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize, f64, Found)> {
    let accounts = accounts(table, reports);
    let mut found = Vec::new();
    for none in accounts.iter().filter(|a| a.none) {
        for some in accounts
            .iter()
            .filter(|a| !a.none && a.casualty == none.casualty)
        {
            push_rows(table, none, some, &already, &mut found);
        }
    }
    found.sort_by_key(|row| (row.0, row.1));
    found.dedup_by_key(|row| (row.0, row.1));
    found
}

/// Each report's accounts, one per casualty it tallies one way only.
fn accounts(table: &FeatureTable, reports: &[Report]) -> Vec<Account> {
    let read: Vec<Vec<Tally>> = (0..table.len())
        .into_par_iter()
        .map(|position| {
            let claim = table.claims[position];
            // Most claims tally nothing: the story check comes after.
            let tallies = casualty_tallies(claim);
            match reports.get(table.refs[position].report) {
                Some(report) if !tallies.is_empty() && of_the_story(claim, report) => tallies,
                _ => Vec::new(),
            }
        })
        .collect();
    let mut by_report: Vec<Vec<(usize, Tally)>> = vec![Vec::new(); reports.len()];
    for (position, tallies) in read.into_iter().enumerate() {
        if let Some(list) = by_report.get_mut(table.refs[position].report) {
            list.extend(tallies.into_iter().map(|t| (position, t)));
        }
    }
    let mut accounts = Vec::new();
    for tallies in by_report {
        for casualty in [Casualty::Killed, Casualty::Injured, Casualty::Hospitalised] {
            let of_it: Vec<(usize, Tally)> = tallies
                .iter()
                .filter(|(_, t)| t.casualty == casualty)
                .cloned()
                .collect();
            let Some((_, first)) = of_it.first() else {
                continue;
            };
            let none = first.is_none();
            if of_it.iter().all(|(_, t)| t.is_none() == none) {
                accounts.push(Account {
                    casualty,
                    none,
                    claims: of_it,
                });
            }
        }
    }
    accounts
}

/// Whether the times of the claim's sentence are the story's: no date far from
/// its report's publication, no month or year of another year. The sentence, not
/// the claim: "Two workers were injured when a wall fell in 2019" is two claims.
fn of_the_story(claim: &Claim, report: &Report) -> bool {
    let Some(published) = report.published else {
        return true;
    };
    let year = chrono::Datelike::year(&published);
    // Sentences and claims are in document order: looked up, not scanned, so that
    // a report of a million sentences costs no more per claim than a short one.
    let sentence = report
        .sentences
        .binary_search_by_key(&claim.sentence, |s| s.index)
        .ok()
        .and_then(|at| report.sentences.get(at))
        .and_then(|s| report.text.get(s.start..s.end))
        .unwrap_or(&claim.text);
    let first = report
        .claims
        .partition_point(|c| c.sentence < claim.sentence);
    let end = report
        .claims
        .partition_point(|c| c.sentence <= claim.sentence);
    let times = report
        .claims
        .get(first..end)
        .unwrap_or_default()
        .iter()
        .flat_map(|c| &c.times);
    let dates_recent = times.into_iter().all(|t| match &t.value {
        TimeValue::Date { date, .. } => {
            (*date - published).num_days().abs() <= HAPPENING_DAY_WINDOW_DAYS
        }
        TimeValue::Month { year: Some(y), .. } => *y == year,
        _ => true,
    });
    let another_year = sentence.split_whitespace().any(|w| {
        let digits = w.trim_matches(|c: char| !c.is_ascii_digit());
        digits.len() == 4
            && w.trim_matches(|c: char| !c.is_alphanumeric()) == digits
            && digits
                .parse::<i32>()
                .is_ok_and(|y| (1900..2100).contains(&y) && y != year)
    });
    dates_recent && !another_year
}

fn describe(tally: &Tally) -> String {
    let what = tally.casualty.participle();
    match tally.count {
        Some(0.0) => format!("no one {what}"),
        Some(n) => format!("{} {what}", crate::conflict::format_number(n)),
        None => format!("some {what}"),
    }
}

/// One row per closest pair of the claims saying no one and those saying some.
fn push_rows(
    table: &FeatureTable,
    none: &Account,
    some: &Account,
    already: &impl Fn(usize, usize) -> bool,
    found: &mut Vec<(usize, usize, f64, Found)>,
) {
    let positions = |account: &Account| -> Vec<usize> {
        let mut claims: Vec<usize> = account.claims.iter().map(|(p, _)| *p).collect();
        claims.dedup();
        claims
    };
    let tally_of = |position: usize| {
        none.claims
            .iter()
            .chain(&some.claims)
            .find(|(p, _)| *p == position)
            .map(|(_, t)| t)
    };
    for (a, b, score) in closest_pairs(table, &positions(none), &positions(some)) {
        if already(a, b) {
            continue;
        }
        let (Some(ta), Some(tb)) = (tally_of(a), tally_of(b)) else {
            continue;
        };
        found.push((
            a,
            b,
            score,
            Found {
                kind: ConflictKind::Negation,
                value_a: describe(ta),
                value_b: describe(tb),
                explanation: format!(
                    "one report says \"{}\", the other says \"{}\"",
                    ta.phrase, tb.phrase
                ),
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{conflict_values, parsed, ymd};
    use crate::ConflictKind;
    use claimdiff_parser::Report;

    /// The negation conflicts between the reports, as "value vs value".
    fn tally_conflicts(texts: &[&str]) -> Vec<String> {
        let reports: Vec<Report> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| parsed(&format!("r{i}"), t, ymd(2027, 3, 3)))
            .collect();
        conflict_values(&reports, ConflictKind::Negation)
    }

    #[test]
    fn no_one_harmed_against_someone_harmed_conflicts() {
        assert_eq!(
            tally_conflicts(&[
                "A fire broke out at the Holm depot on Tuesday. No one was injured, the fire service said.",
                "Flames tore through a depot in Holm. One firefighter was treated for smoke inhalation.",
            ]),
            ["no one injured vs 1 injured"]
        );
        assert_eq!(
            tally_conflicts(&[
                "The gunman freed the hostages. One of them, a 67-year-old man, was taken to Haldane General Hospital after complaining of chest pains.",
                "All six hostages walked out unharmed. No one was taken to hospital, police said.",
            ]),
            ["1 taken to hospital vs no one taken to hospital"]
        );
    }

    #[test]
    fn other_harms_parts_history_and_mixed_reports_do_not_conflict() {
        // Injured is not killed, nor taken to hospital.
        assert!(tally_conflicts(&[
            "No one was killed in the crash.",
            "Two people were injured in the crash.",
        ])
        .is_empty());
        // A part of the people.
        assert!(tally_conflicts(&[
            "No one on the street was hurt when the crane fell.",
            "A passer-by was injured when the crane fell.",
        ])
        .is_empty());
        // Another year's harm.
        assert!(tally_conflicts(&[
            "No one was injured when the wall fell.",
            "Two workers were injured when a wall fell at the site in 2019.",
        ])
        .is_empty());
        // A report saying both is left out.
        assert!(tally_conflicts(&[
            "No one was injured in the blaze. Later a firefighter was treated for burns.",
            "Three people were injured in the blaze.",
        ])
        .is_empty());
    }
}
