//! Prints the sentences and claims the parser finds in text files:
//! `cargo run -p claimdiff-parser --example dump_claims -- FILE...`
use claimdiff_parser::{parse_report, ReportInput};

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let report = parse_report(ReportInput {
            id: path.clone(),
            source: path.clone(),
            text,
            ..Default::default()
        });
        println!(
            "== {path} published={:?} ({:?})",
            report.published, report.published_from
        );
        for sentence in &report.sentences {
            if let Some(noise) = sentence.noise {
                println!(
                    "  [noise {noise:?}] {}",
                    &report.text[sentence.start..sentence.end]
                );
            }
        }
        for claim in &report.claims {
            println!(
                "  #{} s{} {:?} speaker={:?} {:?} {:?} ents={:?} q={:?} t={:?}\n      {}",
                claim.number,
                claim.sentence,
                claim.kind,
                claim.speaker,
                claim.polarity,
                claim.modality,
                claim
                    .entities
                    .iter()
                    .map(|e| format!("{}:{:?}", e.name, e.kind))
                    .collect::<Vec<_>>(),
                claim
                    .quantities
                    .iter()
                    .map(|q| q.text.clone())
                    .collect::<Vec<_>>(),
                claim
                    .times
                    .iter()
                    .map(|t| t.text.clone())
                    .collect::<Vec<_>>(),
                claim.text
            );
        }
        for d in &report.diagnostics {
            println!("  diagnostic @{}: {}", d.offset, d.message);
        }
    }
}
