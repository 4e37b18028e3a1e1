//! The matcher on two parsed reports: the input bytes are split at the first NUL into
//! two report texts (lossy UTF-8). Every claim reference the comparison hands out must
//! point at an existing claim, scores lie in 0..1 and unique claims are nowhere else.
#![no_main]

use claimdiff_matcher::{compare, ClaimRef};
use claimdiff_parser::{parse_report, Report, ReportInput};
use libfuzzer_sys::fuzz_target;

fn report(id: &str, bytes: &[u8]) -> Report {
    parse_report(ReportInput {
        id: id.to_string(),
        source: id.to_string(),
        text: String::from_utf8_lossy(bytes).into_owned(),
        ..ReportInput::default()
    })
}

fn exists(reports: &[Report], reference: ClaimRef) -> bool {
    reports
        .get(reference.report)
        .is_some_and(|report| reference.claim < report.claims.len())
}

fuzz_target!(|bytes: &[u8]| {
    let (a, b) = match bytes.iter().position(|&byte| byte == 0) {
        Some(split) => (&bytes[..split], &bytes[split + 1..]),
        None => (bytes, &b""[..]),
    };
    let reports = [report("a", a), report("b", b)];
    let comparison = compare(&reports);
    let score_ok = |score: f64| (0.0..=1.0).contains(&score);
    let mut placed = Vec::new();
    for group in &comparison.groups {
        assert!(group.support >= 2);
        for member in &group.members {
            assert!(exists(&reports, member.claim));
            assert!(score_ok(member.similarity), "{}", member.similarity);
            placed.push(member.claim);
        }
    }
    for conflict in &comparison.conflicts {
        assert!(exists(&reports, conflict.a) && exists(&reports, conflict.b));
        assert_ne!(conflict.a.report, conflict.b.report);
        assert!(score_ok(conflict.similarity), "{}", conflict.similarity);
        placed.extend([conflict.a, conflict.b]);
    }
    for &unique in &comparison.unique {
        assert!(exists(&reports, unique));
        assert!(!placed.contains(&unique), "a unique claim is in no group or conflict");
    }
});
