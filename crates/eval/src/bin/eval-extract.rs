//! Extraction quality on the fixtures' sentence annotations, ours beside the peer's.
//!
//! `cargo run --release -p claimdiff-eval --bin eval-extract`
//!
//! Per event: recall of fact-bearing sentences (a fact is found when one claim's
//! span contains its annotated phrase), the share of claims that come from a line
//! annotated as page furniture, speaker accuracy on direct quotes (the claim
//! holding the quote phrase has the annotated speaker, names compared folded),
//! and atomic splitting (the annotated sentence yields the annotated number of claims).

use std::collections::BTreeMap;
use std::path::Path;

use claimdiff_eval::{event_reports, fixture_events, fold_name, parse_files, Peer};
use claimdiff_tests::{report_text, FoldedText};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Annotations {
    reports: BTreeMap<String, ReportAnnotations>,
}

#[derive(Debug, Default, Deserialize)]
struct ReportAnnotations {
    #[serde(default)]
    noise: Vec<String>,
    #[serde(default)]
    facts: Vec<String>,
    #[serde(default)]
    quotes: Vec<QuoteAnnotation>,
    #[serde(default)]
    atomic: Vec<AtomicAnnotation>,
}

#[derive(Debug, Deserialize)]
struct QuoteAnnotation {
    phrase: String,
    speaker: String,
}

#[derive(Debug, Deserialize)]
struct AtomicAnnotation {
    phrase: String,
    claims: usize,
}

/// What the measures need of a claim, from our parser or the peer's claims.csv.
#[derive(Debug, Clone, Deserialize)]
struct ClaimSpan {
    report: String,
    sentence: usize,
    start: usize,
    end: usize,
    #[serde(default)]
    speaker: String,
}

#[derive(Debug, Default, Clone, Copy)]
struct Measures {
    facts: usize,
    facts_found: usize,
    claims: usize,
    noise_claims: usize,
    quotes: usize,
    speakers_right: usize,
    atomic: usize,
    atomic_right: usize,
}

impl Measures {
    fn add(&mut self, other: Measures) {
        self.facts += other.facts;
        self.facts_found += other.facts_found;
        self.claims += other.claims;
        self.noise_claims += other.noise_claims;
        self.quotes += other.quotes;
        self.speakers_right += other.speakers_right;
        self.atomic += other.atomic;
        self.atomic_right += other.atomic_right;
    }

    fn line(&self) -> String {
        let ratio = |a: usize, b: usize| {
            if b == 0 {
                f64::NAN
            } else {
                a as f64 / b as f64
            }
        };
        format!(
            "recall {:.3} ({}/{})  noise {:.1}% ({}/{})  speakers {:.3} ({}/{})  atomic {:.3} ({}/{})",
            ratio(self.facts_found, self.facts),
            self.facts_found,
            self.facts,
            100.0 * ratio(self.noise_claims, self.claims),
            self.noise_claims,
            self.claims,
            ratio(self.speakers_right, self.quotes),
            self.speakers_right,
            self.quotes,
            ratio(self.atomic_right, self.atomic),
            self.atomic_right,
            self.atomic
        )
    }
}

fn measure(
    event: &Path,
    annotations: &Annotations,
    claims: &[ClaimSpan],
    misses: &mut Vec<String>,
) -> Measures {
    let mut total = Measures::default();
    for (report, notes) in &annotations.reports {
        let Ok(raw) = std::fs::read_to_string(event.join(format!("{report}.txt"))) else {
            misses.push(format!("{report}: report file missing"));
            continue;
        };
        let text = report_text(&raw);
        let folded = FoldedText::new(&text);
        let own: Vec<&ClaimSpan> = claims.iter().filter(|c| &c.report == report).collect();
        let locate = |phrase: &str| folded.find_unique(phrase).ok();
        let containing = |range: &std::ops::Range<usize>| {
            claimdiff_tests::claim_holding(own.iter().copied(), |c| c.start..c.end, range)
        };
        let noise_ranges: Vec<_> = notes
            .noise
            .iter()
            .filter_map(|line| locate(line).map(|range| (line, range)))
            .collect();
        let mut measures = Measures {
            claims: own.len(),
            ..Measures::default()
        };
        for claim in &own {
            let overlapped = noise_ranges
                .iter()
                .find(|(_, r)| claim.start < r.end && claim.end > r.start);
            if let Some((line, _)) = overlapped {
                measures.noise_claims += 1;
                misses.push(format!("{report}: claim made of page furniture: {line}"));
            }
        }
        for fact in &notes.facts {
            measures.facts += 1;
            match locate(fact).and_then(|r| containing(&r)) {
                Some(_) => measures.facts_found += 1,
                None => misses.push(format!("{report}: fact not found: {fact}")),
            }
        }
        for quote in &notes.quotes {
            measures.quotes += 1;
            let found = locate(&quote.phrase).and_then(|r| containing(&r));
            match found {
                Some(claim) if fold_name(&claim.speaker) == fold_name(&quote.speaker) => {
                    measures.speakers_right += 1
                }
                Some(claim) => misses.push(format!(
                    "{report}: speaker {:?} instead of {:?} for {:?}",
                    claim.speaker, quote.speaker, quote.phrase
                )),
                None => misses.push(format!("{report}: quote not in a claim: {}", quote.phrase)),
            }
        }
        for atomic in &notes.atomic {
            measures.atomic += 1;
            let found = locate(&atomic.phrase).and_then(|r| containing(&r));
            let count =
                found.map(|claim| own.iter().filter(|c| c.sentence == claim.sentence).count());
            if count == Some(atomic.claims) {
                measures.atomic_right += 1;
            } else {
                misses.push(format!(
                    "{report}: {:?} gave {count:?} claims, expected {}",
                    atomic.phrase, atomic.claims
                ));
            }
        }
        total.add(measures);
    }
    total
}

fn our_claims(event: &Path) -> Vec<ClaimSpan> {
    parse_files(&event_reports(event))
        .unwrap_or_default()
        .into_iter()
        .flat_map(|report| {
            report
                .claims
                .iter()
                .map(|c| ClaimSpan {
                    report: report.id.clone(),
                    sentence: c.sentence,
                    start: c.start,
                    end: c.end,
                    speaker: c.speaker.clone().unwrap_or_default(),
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn peer_claims(peer: &Peer, event: &Path) -> Result<Vec<ClaimSpan>, String> {
    let out = std::env::temp_dir().join(format!(
        "claimdiff-eval-peer-{}-{}",
        std::process::id(),
        event.file_name().unwrap_or_default().to_string_lossy()
    ));
    peer.run(&event_reports(event), &out)?;
    let claims = claimdiff_tests::load_csv::<ClaimSpan>(&out.join("claims.csv"));
    let _ = std::fs::remove_dir_all(&out);
    claims
}

fn main() {
    let verbose = std::env::args().any(|a| a == "-v" || a == "--verbose");
    let peer = Peer::locate();
    if let Err(why) = &peer {
        println!("{why}");
    }
    let mut ours_total = Measures::default();
    let mut peer_total = Measures::default();
    for event in fixture_events() {
        let name = event
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let Ok(source) = std::fs::read_to_string(event.join("annotations.toml")) else {
            println!("{name}: no annotations.toml");
            continue;
        };
        let annotations: Annotations = match toml::from_str(&source) {
            Ok(a) => a,
            Err(err) => {
                println!("{name}: annotations.toml: {err}");
                continue;
            }
        };
        let mut misses = Vec::new();
        let ours = measure(&event, &annotations, &our_claims(&event), &mut misses);
        ours_total.add(ours);
        println!("{name:<14} claimdiff  {}", ours.line());
        if let Ok(peer) = &peer {
            match peer_claims(peer, &event) {
                Ok(claims) => {
                    let theirs = measure(&event, &annotations, &claims, &mut Vec::new());
                    peer_total.add(theirs);
                    println!("{name:<14} peer       {}", theirs.line());
                }
                Err(err) => println!("{name:<14} peer       {err}"),
            }
        }
        if verbose {
            for miss in misses {
                println!("    {miss}");
            }
        }
    }
    println!("{:<14} claimdiff  {}", "ALL", ours_total.line());
    if peer.is_ok() {
        println!("{:<14} peer       {}", "ALL", peer_total.line());
    }
}
