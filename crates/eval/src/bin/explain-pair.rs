//! Explains how two claims of a fixture event compare: both claims' slots, their
//! weighted terms, the similarity and the conflict rule that fires (if any).
//!
//! `cargo run -p claimdiff-eval --bin explain-pair -- fixtures/mill-fire "wire: 12 people" "tabloid: feared dead"`

use claimdiff_eval::{event_reports, parse_files};
use claimdiff_matcher::{explain_pair, ClaimRef};
use claimdiff_tests::{report_text, FoldedText, Reference};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [event, a, b] = &args[..] else {
        eprintln!("usage: explain-pair EVENT_DIR \"REPORT: phrase\" \"REPORT: phrase\"");
        std::process::exit(2);
    };
    let event = std::path::Path::new(event);
    let reports = parse_files(&event_reports(event)).unwrap_or_else(|err| {
        eprintln!("{err}");
        std::process::exit(1);
    });
    let locate = |reference: &str| -> Option<ClaimRef> {
        let reference = Reference::parse(reference).ok()?;
        let report = reports.iter().position(|r| r.id == reference.report)?;
        let raw = std::fs::read_to_string(event.join(format!("{}.txt", reference.report))).ok()?;
        let range = FoldedText::new(&report_text(&raw))
            .find_unique(&reference.phrase)
            .ok()?;
        let claim = reports[report]
            .claims
            .iter()
            .position(|c| c.start <= range.start && c.end >= range.end)?;
        Some(ClaimRef { report, claim })
    };
    let (Some(ra), Some(rb)) = (locate(a), locate(b)) else {
        eprintln!("a reference does not resolve to a claim");
        std::process::exit(2);
    };
    for r in [ra, rb] {
        let claim = &reports[r.report].claims[r.claim];
        println!("{}#{}: {}", reports[r.report].id, claim.number, claim.text);
        println!(
            "  kind {:?} speaker {:?} {:?} {:?}\n  entities {:?}\n  quantities {:?}\n  times {:?}\n  quote {:?}",
            claim.kind,
            claim.speaker,
            claim.polarity,
            claim.modality,
            claim.entities.iter().map(|e| format!("{} ({:?})", e.name, e.kind)).collect::<Vec<_>>(),
            claim.quantities.iter().map(|q| format!("{q} [{:?} {:?}]", q.dimension, q.measure)).collect::<Vec<_>>(),
            claim.times.iter().map(|t| t.to_string()).collect::<Vec<_>>(),
            claim.quote
        );
    }
    if let Some(explanation) = explain_pair(&reports, ra, rb) {
        println!("similarity {:.3}", explanation.similarity);
        println!(
            "terms a: {:?}",
            explanation
                .terms_a
                .iter()
                .map(|(t, w)| format!("{t}:{w:.2}"))
                .collect::<Vec<_>>()
        );
        println!(
            "terms b: {:?}",
            explanation
                .terms_b
                .iter()
                .map(|(t, w)| format!("{t}:{w:.2}"))
                .collect::<Vec<_>>()
        );
        println!("conflict {:?}", explanation.conflict);
    }
}
