//! The story's happening and when each report says it happened. A story about
//! an avalanche, a collision or a blast tells when it came down, collided or went
//! off, each outlet in its own words ("The slide broke away at around 1.40pm" vs
//! "the avalanche came down at 11:40"; "collided early on Tuesday" vs "SMASHED
//! into each other in the early hours of Monday"). Those claims share too little
//! for the pair score, so the time is read per report here, like the slots.
//!
//! A report's claims that tell of such a happening as a fact (the happening is
//! their subject or first verb: `claimdiff_parser::happening_told`) give the
//! report's day and clock time of it; a report that gives two days, or two clock
//! times, for it is left out (two blasts, or a correction). Days are read only
//! within `HAPPENING_DAY_WINDOW_DAYS` of the publication date: "a similar
//! collapse in 2019" is history, not the story. Two reports that give the same
//! happening different days, or (on a day they do not dispute) clock times more
//! than `CLOCK_TOLERANCE_MINUTES` apart in the same time zone, conflict.

use claimdiff_parser::{happening_told, Claim, Modality, Polarity, Report, TimeExpr, TimeValue};

use crate::conflict::{describe_time, format_time, Found};
use crate::features::FeatureTable;
use crate::slots::closest_pairs;
use crate::thresholds::HAPPENING_DAY_WINDOW_DAYS;
use crate::tolerance::times_compatible;
use crate::ConflictKind;

/// What one report says of its story's happening.
struct Account<'a> {
    happening: &'static str,
    /// The report's day of the happening, and the claims (flat positions) giving it.
    day: Option<(&'a TimeExpr, Vec<usize>)>,
    /// The same for the clock time, with the time zone it is given in.
    clock: Option<(&'a TimeExpr, Option<&'static str>, Vec<usize>)>,
}

/// Time conflicts about the story's happening between reports, as (claim a, claim
/// b, similarity, what differs), `a` before `b` in flat order. `already` tells
/// whether a claim pair has a conflict already.
pub(crate) fn conflicts(
    table: &FeatureTable,
    reports: &[Report],
    already: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize, f64, Found)> {
    let accounts = accounts(table, reports);
    let mut found = Vec::new();
    for (i, a) in accounts.iter().enumerate() {
        for b in accounts[i + 1..]
            .iter()
            .filter(|b| b.happening == a.happening)
        {
            if let Some((what, side_a, side_b)) = disagreement(a, b) {
                let what = format!("the {} happened {what}", a.happening);
                push_rows(table, side_a, side_b, &what, &already, &mut found);
            }
        }
    }
    found.sort_by_key(|row| (row.0, row.1));
    found.dedup_by_key(|row| (row.0, row.1));
    found
}

/// One side of a disagreement: the time a report gives and the claims giving it.
type Told<'s> = (&'s TimeExpr, &'s [usize]);

/// How two accounts of one happening disagree, if they do: on the day, or else on
/// the clock time given in one time zone.
fn disagreement<'s>(a: &'s Account, b: &'s Account) -> Option<(&'static str, Told<'s>, Told<'s>)> {
    let differ = |x: &TimeExpr, y: &TimeExpr| times_compatible(&x.value, &y.value) == Some(false);
    if let (Some((ta, ca)), Some((tb, cb))) = (&a.day, &b.day) {
        if differ(ta, tb) {
            return Some(("on a different day", (ta, ca), (tb, cb)));
        }
    }
    match (&a.clock, &b.clock) {
        (Some((ta, zone_a, ca)), Some((tb, zone_b, cb))) if zone_a == zone_b && differ(ta, tb) => {
            Some(("at a different time", (ta, ca), (tb, cb)))
        }
        _ => None,
    }
}

/// One row per closest pair of the claims giving the two times (each side: the
/// time and the claims giving it).
fn push_rows(
    table: &FeatureTable,
    (time_a, claims_a): Told,
    (time_b, claims_b): Told,
    what: &str,
    already: &impl Fn(usize, usize) -> bool,
    found: &mut Vec<(usize, usize, f64, Found)>,
) {
    for (a, b, score) in closest_pairs(table, claims_a, claims_b) {
        if already(a, b) {
            continue;
        }
        // `closest_pairs` orders each pair by flat position: the first claim may be
        // the second report's.
        let (ta, tb) = if claims_a.contains(&a) {
            (time_a, time_b)
        } else {
            (time_b, time_a)
        };
        found.push((
            a,
            b,
            score,
            Found {
                kind: ConflictKind::Time,
                value_a: format_time(&ta.value),
                value_b: format_time(&tb.value),
                explanation: format!("{what}: {} vs {}", describe_time(ta), describe_time(tb)),
            },
        ));
    }
}

/// Each report's account of its story's happening, in report order; reports with
/// no story happening, or no time for it, are left out.
fn accounts<'a>(table: &FeatureTable<'a>, reports: &[Report]) -> Vec<Account<'a>> {
    let mut by_report: Vec<Vec<usize>> = vec![Vec::new(); reports.len()];
    for (position, r) in table.refs.iter().enumerate() {
        if let Some(claims) = by_report.get_mut(r.report) {
            claims.push(position);
        }
    }
    let mut accounts = Vec::new();
    for (report, positions) in by_report.iter().enumerate() {
        let mut happenings: Vec<&'static str> = Vec::new();
        for &p in positions {
            if let Some(happening) = happening_told(table.claims[p]) {
                if !happenings.contains(&happening) {
                    happenings.push(happening);
                }
            }
        }
        accounts.extend(
            happenings
                .into_iter()
                .filter_map(|h| account(table, &reports[report], positions, h)),
        );
    }
    accounts
}

/// What one report says of `happening`, when it gives a time for it.
fn account<'a>(
    table: &FeatureTable<'a>,
    report: &Report,
    positions: &[usize],
    happening: &'static str,
) -> Option<Account<'a>> {
    let telling: Vec<usize> = positions
        .iter()
        .copied()
        .filter(|&p| {
            let claim = table.claims[p];
            matches!(claim.modality, Modality::Asserted | Modality::Hedged)
                && claim.polarity == Polarity::Positive
                && happening_told(claim) == Some(happening)
        })
        .collect();
    let recent = |time: &TimeExpr| match (&time.value, report.published) {
        (TimeValue::Date { date, .. }, Some(published)) => {
            (*date - published).num_days().abs() <= HAPPENING_DAY_WINDOW_DAYS
        }
        (TimeValue::Date { .. } | TimeValue::Weekday(_), _) => true,
        _ => false,
    };
    let is_day = |v: &TimeValue| matches!(v, TimeValue::Date { .. } | TimeValue::Weekday(_));
    let days = times_told(table, &telling, is_day, usize::MAX);
    // A day from another time ("since Thursday") makes the report's account unclear.
    let day = if days.iter().all(|(t, _)| recent(t)) {
        one_value(&days)
    } else {
        None
    };
    // A claim's first clock time: "at 10:40 a.m. (0940 GMT)" is one moment.
    let clocks = times_told(table, &telling, |v| matches!(v, TimeValue::Clock(_)), 1);
    let clock = one_value(&clocks).and_then(|(time, claims)| {
        let zones: Vec<Option<&'static str>> = clocks
            .iter()
            .map(|(t, p)| time_zone_after(table.claims[*p], t))
            .collect();
        zones
            .iter()
            .all(|z| *z == zones[0])
            .then_some((time, zones[0], claims))
    });
    (day.is_some() || clock.is_some()).then_some(Account {
        happening,
        day,
        clock,
    })
}

/// The times of one kind that the claims at `telling` give, at most `per_claim`
/// of each claim, with the claim giving them.
fn times_told<'a>(
    table: &FeatureTable<'a>,
    telling: &[usize],
    is_kind: impl Fn(&TimeValue) -> bool + Copy,
    per_claim: usize,
) -> Vec<(&'a TimeExpr, usize)> {
    telling
        .iter()
        .flat_map(|&p| {
            table.claims[p]
                .times
                .iter()
                .filter(move |t| is_kind(&t.value))
                .take(per_claim)
                .map(move |t| (t, p))
        })
        .collect()
}

/// The one value the times give, with the claims giving it; `None` when two of
/// them disagree or there are none.
fn one_value<'a>(times: &[(&'a TimeExpr, usize)]) -> Option<(&'a TimeExpr, Vec<usize>)> {
    let (first, _) = times.first()?;
    let agree = times
        .iter()
        .all(|(t, _)| times_compatible(&first.value, &t.value) == Some(true));
    if !agree {
        return None;
    }
    let mut claims: Vec<usize> = times.iter().map(|&(_, p)| p).collect();
    claims.dedup();
    Some((first, claims))
}

/// The time zone written right after a clock time ("9.40am UK time", "2112
/// GMT"); a local time and no zone at all are one reading (`None`).
fn time_zone_after(claim: &Claim, time: &TimeExpr) -> Option<&'static str> {
    const ZONES: &[&str] = &[
        "gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "pst", "pdt", "et", "pt",
        "ct",
    ];
    let at = claim.text.find(&time.text)? + time.text.len();
    let mut words = claim.text[at..].split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let first = words.next()?;
    if let Some(zone) = ZONES.iter().find(|z| **z == first) {
        return Some(zone);
    }
    let second = words.next();
    match (first.as_str(), second.as_deref()) {
        ("uk" | "british", Some("time")) => Some("uk"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{conflict_values, parsed, ymd};
    use crate::ConflictKind;

    /// The time conflicts between the two reports' texts, as "value vs value".
    fn time_conflicts(a: &str, b: &str) -> Vec<String> {
        let day = ymd(2027, 1, 29);
        conflict_values(
            &[parsed("a", a, day), parsed("b", b, day)],
            ConflictKind::Time,
        )
    }

    #[test]
    fn one_happening_worded_apart_at_different_times_conflicts() {
        let found = time_conflicts(
            "Rescuers dug for hours. The slide came down at about 11:40 a.m. in a gully below the peak.",
            "Families gathered in the village. The avalanche broke away at around 1.40pm, guides said.",
        );
        assert_eq!(found, ["11:40 vs 13:40"]);
        let found = time_conflicts(
            "An oil tanker and a container ship collided in thick fog early on Thursday.",
            "Two giant ships SMASHED into each other in the early hours of Wednesday.",
        );
        assert_eq!(found, ["2027-01-28 (Thursday) vs 2027-01-27 (Wednesday)"]);
    }

    #[test]
    fn close_times_other_zones_other_acts_and_history_do_not_conflict() {
        // Within the clock tolerance.
        assert!(time_conflicts(
            "The slide came down at about 11:40 a.m. in the gully.",
            "The avalanche came down at around 11.55am, police said.",
        )
        .is_empty());
        // The same moment in another zone.
        assert!(time_conflicts(
            "The crash happened at about 10:40 a.m. on a hairpin bend.",
            "The crash happened at about 9.40am UK time on the pass.",
        )
        .is_empty());
        // Another act's time: the rescuers', not the avalanche's.
        assert!(time_conflicts(
            "The slide came down at about 11:40 a.m. in the gully.",
            "Rescuers reached the avalanche at 1.40pm.",
        )
        .is_empty());
        // A collapse years before the story is history.
        assert!(time_conflicts(
            "The roof caved in on Wednesday, trapping 17 miners.",
            "A similar mine collapsed on 3 March 2019. The tunnel caved in on 4 March 2019.",
        )
        .is_empty());
    }

    #[test]
    fn a_report_giving_two_times_for_the_happening_is_left_out() {
        let one_time = "The slide came down at 6am, police said.";
        let other = "Guides say the slide broke away at 7.30am.";
        assert_eq!(time_conflicts(one_time, other), ["06:00 vs 07:30"]);
        let two_times = format!("{one_time} Later the avalanche swept the valley floor at 9am.");
        assert!(time_conflicts(&two_times, other).is_empty());
    }
}
