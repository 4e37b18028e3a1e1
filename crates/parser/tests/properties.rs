//! Property tests of the parser's invariants on generated text, hostile and newsy:
//! every claim's span lies on char boundaries inside the report, the claim's text is
//! that span with white space folded, and claims are numbered 1..n (unique ids).

use claimdiff_parser::{parse_report, Report, ReportInput};
use proptest::prelude::*;

/// Pieces of news text plus the characters that trouble parsers: every kind of
/// quotation mark, line ends, tabs, multi-byte letters, formula triggers.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("said".to_string()),
        Just("Mr Trump".to_string()),
        Just("Anna Berg".to_string()),
        Just("officials said.".to_string()),
        Just("about 40 minutes".to_string()),
        Just("on Friday".to_string()),
        Just("4 July 2025".to_string()),
        Just("did not".to_string()),
        Just("1,200 people were killed".to_string()),
        Just("U.S.".to_string()),
        Just("Zelenskyy’s".to_string()),
        Just("東京".to_string()),
        Just("👨‍👩‍👧".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{fffd}".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{2028}".to_string()),
        prop::sample::select(vec![
            "\"", "“", "”", "„", "«", "»", "‘", "’", "'", ".", ",", ":", "?", "!", "—", "(", ")",
            "=", "+", "-", "@", "*", "#", "|"
        ])
        .prop_map(str::to_string),
        prop::sample::select(vec![" ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\n \n"])
            .prop_map(str::to_string),
        "[A-Za-z]{1,12}",
        "[0-9]{1,7}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn newsy_text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..80).prop_map(|pieces| pieces.join(" "))
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![newsy_text(), newsy_text(), any::<String>()]
}

fn parse(text: String) -> Report {
    parse_report(ReportInput {
        id: "r".to_string(),
        source: "r.txt".to_string(),
        text,
        ..ReportInput::default()
    })
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn claim_spans_are_char_boundaries_and_fold_to_the_claim_text(text in text()) {
        let report = parse(text);
        for claim in &report.claims {
            prop_assert!(claim.start <= claim.end && claim.end <= report.text.len(),
                "claim {} span {}..{} of {}", claim.number, claim.start, claim.end, report.text.len());
            let span = report.text.get(claim.start..claim.end);
            prop_assert!(span.is_some(), "claim {} span {}..{} splits a character",
                claim.number, claim.start, claim.end);
            prop_assert_eq!(fold(span.unwrap()), claim.text.clone());
        }
    }

    #[test]
    fn claims_are_numbered_one_to_n(text in text()) {
        let report = parse(text);
        let numbers: Vec<usize> = report.claims.iter().map(|claim| claim.number).collect();
        let expected: Vec<usize> = (1..=report.claims.len()).collect();
        prop_assert_eq!(numbers, expected);
    }

    #[test]
    fn sentences_and_quantities_lie_inside_the_text(text in text()) {
        let report = parse(text);
        for sentence in &report.sentences {
            prop_assert!(report.text.get(sentence.start..sentence.end).is_some());
        }
        for claim in &report.claims {
            prop_assert!(claim.sentence >= 1 && claim.sentence <= report.sentences.len());
            for quantity in &claim.quantities {
                prop_assert!(report.text.get(quantity.start..quantity.end).is_some());
            }
            for time in &claim.times {
                prop_assert!(report.text.get(time.start..time.end).is_some());
            }
        }
    }

    #[test]
    fn parsing_is_deterministic(text in newsy_text()) {
        let a = parse(text.clone());
        let b = parse(text);
        prop_assert_eq!(a.claims, b.claims);
    }
}
