//! The parser on raw bytes: lossy UTF-8, then `parse_report`, then the invariants every
//! later stage relies on.
#![no_main]

use claimdiff_parser::{parse_report, ReportInput};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let report = parse_report(ReportInput {
        id: "fuzz".to_string(),
        source: "fuzz".to_string(),
        text: String::from_utf8_lossy(bytes).into_owned(),
        ..ReportInput::default()
    });
    for (index, claim) in report.claims.iter().enumerate() {
        assert_eq!(claim.number, index + 1, "claims are numbered 1..n in order");
        let span = report
            .text
            .get(claim.start..claim.end)
            .unwrap_or_else(|| panic!("claim {} span {}..{} is not on char boundaries inside the text", claim.number, claim.start, claim.end));
        let folded = span.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(folded, claim.text, "claim {} text is its span, folded", claim.number);
        assert!(claim.sentence >= 1 && claim.sentence <= report.sentences.len());
    }
});
