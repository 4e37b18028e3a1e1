//! SICK: claimdiff's conflicts as a contradiction detector, beside the peer's.
//!
//! `cargo run --release -p claimdiff-eval --bin sick [-- -v [--train]]`
//!
//! Reads `../shared/datasets/sick/SICK_test_annotated.txt` (the SemEval-2014 test
//! file, 4,927 pairs) or, with `--train`, the TRAIN split of `SICK.txt`; when the
//! file is absent it says so and exits 0. Each sentence becomes a one-sentence
//! report and the matcher compares the two, exactly as `claimdiff compare`
//! would: nothing is tuned here. The three-way answer:
//! - CONTRADICTION when the comparison holds a conflict row of any kind;
//! - ENTAILMENT when the two sentences' claims share an agreement group;
//! - NEUTRAL otherwise.
//!
//! SICK is not news: its sentences are image and video captions ("A man is not
//! playing a guitar"), and its contradictions come mostly from negation,
//! antonyms and swapped entities. It checks the negation and entity rules on
//! clean sentences, and above all that compatible pairs raise no conflict. The
//! figures: three-way accuracy (the task's score; always NEUTRAL gives 0.567),
//! the confusion table, and contradiction detection as precision / recall / F1,
//! with the conflict kinds behind right and wrong detections. The peer's answer
//! comes from its own functions (`extract_claims`, rapidfuzz
//! `token_set_ratio >= LEXICAL_MATCH`, `conflict`) run on each pair by a small
//! inline script in its Python (`PEER_PYTHON` or `.venv-peer`).
//! `-v` prints a sample of missed and false contradictions with their rows.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use claimdiff_eval::metrics::{fmt3, spread, Confusion};
use claimdiff_eval::sick::{parse_release, parse_test_annotated, Judgment, SickPair};
use claimdiff_eval::{repo_root, run_python_on_pairs, Peer};
use claimdiff_matcher::compare;
use claimdiff_parser::{parse_report, Report, ReportInput};
use rayon::prelude::*;

/// One system's answer for a pair: the judgment and, for a contradiction, the
/// kind and explanation of the first conflict row.
#[derive(Debug, Clone)]
struct Answer {
    judgment: Judgment,
    conflict_kind: Option<String>,
    explanation: Option<String>,
}

fn sentence_report(id: &str, text: &str) -> Report {
    parse_report(ReportInput {
        id: id.to_string(),
        source: id.to_string(),
        text: text.to_string(),
        ..Default::default()
    })
}

fn claimdiff_answer(pair: &SickPair) -> Answer {
    let reports = [
        sentence_report("a", &pair.sentence_a),
        sentence_report("b", &pair.sentence_b),
    ];
    let comparison = compare(&reports);
    match comparison.conflicts.first() {
        Some(conflict) => Answer {
            judgment: Judgment::Contradiction,
            conflict_kind: Some(conflict.kind.as_str().to_string()),
            explanation: Some(conflict.explanation.clone()),
        },
        None => Answer {
            judgment: if comparison.groups.is_empty() {
                Judgment::Neutral
            } else {
                Judgment::Entailment
            },
            conflict_kind: None,
            explanation: None,
        },
    }
}

/// The peer's answer for every pair, from its own functions in its Python.
fn peer_answers(peer: &Peer, pairs: &[SickPair]) -> Result<Vec<Answer>, String> {
    // Reads every pair first, then prints: no pipe can fill up while Rust writes.
    const SCRIPT: &str = r#"
import sys, importlib.util
spec = importlib.util.spec_from_file_location("peer", sys.argv[1])
peer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peer)
from rapidfuzz import fuzz, utils
rows = [r.split("\t") for r in sys.stdin.buffer.read().decode("utf-8").split("\n") if r]
nlp = peer.load_nlp()
docs = list(nlp.pipe([s for row in rows for s in row], batch_size=256))
out = []
for k, (a, b) in enumerate(rows):
    da, db = docs[2 * k], docs[2 * k + 1]
    names = peer.Names([da, db])
    ca = peer.extract_claims({"id": "a", "date": None, "text": a}, da, names)
    cb = peer.extract_claims({"id": "b", "date": None, "text": b}, db, names)
    answer = "NEUTRAL\t\t"
    for x in ca:
        for y in cb:
            ratio = fuzz.token_set_ratio(utils.default_process(x["text"]), utils.default_process(y["text"]))
            if ratio < peer.LEXICAL_MATCH:
                continue
            found = peer.conflict(x, y)
            if found:
                answer = "CONTRADICTION\t%s\t%s" % (found[0], found[3].replace("\t", " "))
                break
            answer = "ENTAILMENT\t\t"
        if answer.startswith("CONTRADICTION"):
            break
    out.append(answer)
sys.stdout.write("\n".join(out) + "\n")
"#;
    let lines = run_python_on_pairs(
        &peer.python,
        SCRIPT,
        &[peer.script.as_os_str()],
        pairs
            .iter()
            .map(|p| (p.sentence_a.as_str(), p.sentence_b.as_str())),
    )?;
    lines
        .iter()
        .map(|line| {
            let mut fields = line.splitn(3, '\t');
            let label = fields.next().unwrap_or_default();
            let judgment = Judgment::ALL
                .into_iter()
                .find(|j| j.name() == label)
                .ok_or_else(|| format!("the peer's Python printed {line:?}"))?;
            let non_empty = |s: Option<&str>| s.filter(|s| !s.is_empty()).map(str::to_string);
            Ok(Answer {
                judgment,
                conflict_kind: non_empty(fields.next()),
                explanation: non_empty(fields.next()),
            })
        })
        .collect()
}

fn load(dir: &Path, train: bool) -> Result<(PathBuf, Vec<SickPair>), String> {
    let path = dir.join(if train {
        "SICK.txt"
    } else {
        "SICK_test_annotated.txt"
    });
    let content =
        std::fs::read_to_string(&path).map_err(|err| format!("{}: {err}", path.display()))?;
    let pairs = if train {
        parse_release(&content, "TRAIN")
    } else {
        parse_test_annotated(&content)
    }
    .map_err(|err| format!("{}: {err}", path.display()))?;
    Ok((path, pairs))
}

/// Prints one system's figures against the gold judgments.
fn report(name: &str, pairs: &[SickPair], answers: &[Answer]) {
    let right = pairs
        .iter()
        .zip(answers)
        .filter(|(p, a)| p.judgment == a.judgment)
        .count();
    println!(
        "\n{name}: three-way accuracy {} ({right}/{})",
        fmt3(right as f64 / pairs.len() as f64),
        pairs.len()
    );
    println!("  gold \\ answer     ENTAILMENT  CONTRADICTION  NEUTRAL");
    for gold in Judgment::ALL {
        let counts: Vec<usize> = Judgment::ALL
            .iter()
            .map(|&said| {
                pairs
                    .iter()
                    .zip(answers)
                    .filter(|(p, a)| p.judgment == gold && a.judgment == said)
                    .count()
            })
            .collect();
        println!(
            "  {:<17} {:>10}  {:>13}  {:>7}",
            gold.name(),
            counts[0],
            counts[1],
            counts[2]
        );
    }
    let gold: Vec<bool> = pairs
        .iter()
        .map(|p| p.judgment == Judgment::Contradiction)
        .collect();
    let said = answers
        .iter()
        .map(|a| a.judgment == Judgment::Contradiction);
    let detection = Confusion::of(said, &gold);
    println!(
        "  contradiction detection: precision {} ({}/{}), recall {} ({}/{}), F1 {}",
        fmt3(detection.precision()),
        detection.true_pos,
        detection.true_pos + detection.false_pos,
        fmt3(detection.recall()),
        detection.true_pos,
        detection.true_pos + detection.false_neg,
        fmt3(detection.f1())
    );
    let mut kinds: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (pair, answer) in pairs.iter().zip(answers) {
        if let Some(kind) = &answer.conflict_kind {
            let entry = kinds.entry(kind.as_str()).or_default();
            if pair.judgment == Judgment::Contradiction {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
    }
    let by_kind: Vec<String> = kinds
        .iter()
        .map(|(kind, (right, wrong))| format!("{kind} {right} right / {wrong} wrong"))
        .collect();
    if !by_kind.is_empty() {
        println!("  conflicts by kind: {}", by_kind.join(", "));
    }
}

fn print_errors(pairs: &[SickPair], answers: &[Answer]) {
    let missed: Vec<usize> = (0..pairs.len())
        .filter(|&i| {
            pairs[i].judgment == Judgment::Contradiction
                && answers[i].judgment != Judgment::Contradiction
        })
        .collect();
    let false_alarms: Vec<usize> = (0..pairs.len())
        .filter(|&i| {
            pairs[i].judgment != Judgment::Contradiction
                && answers[i].judgment == Judgment::Contradiction
        })
        .collect();
    println!(
        "\nmissed contradictions ({} in all; a sample):",
        missed.len()
    );
    for &i in &spread(&missed, 25) {
        let p = &pairs[i];
        println!(
            "  [{}] {} | {} -> {}",
            p.id,
            p.sentence_a,
            p.sentence_b,
            answers[i].judgment.name()
        );
    }
    println!(
        "\nfalse contradictions ({} in all; a sample):",
        false_alarms.len()
    );
    for &i in &spread(&false_alarms, 25) {
        let p = &pairs[i];
        println!(
            "  [{} {}] {} | {} -> {}",
            p.id,
            p.judgment.name(),
            p.sentence_a,
            p.sentence_b,
            answers[i].explanation.as_deref().unwrap_or("")
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let train = args.iter().any(|a| a == "--train");
    let dir = repo_root().join("../shared/datasets/sick");
    let (path, pairs) = match load(&dir, train) {
        Ok(loaded) => loaded,
        Err(err) => {
            println!("SICK not run: {err} (the dataset is not in this checkout)");
            return;
        }
    };
    println!(
        "SICK {}: {} pairs from {} (nothing tuned: the shipped matcher)",
        if train { "TRAIN" } else { "test" },
        pairs.len(),
        path.display()
    );
    let mut counts: BTreeMap<Judgment, usize> = BTreeMap::new();
    for pair in &pairs {
        *counts.entry(pair.judgment).or_default() += 1;
    }
    let majority = counts.values().max().copied().unwrap_or(0);
    println!(
        "gold: {}; always the commonest label: {}",
        Judgment::ALL
            .iter()
            .map(|j| format!("{} {}", j.name(), counts.get(j).copied().unwrap_or(0)))
            .collect::<Vec<_>>()
            .join(", "),
        fmt3(majority as f64 / pairs.len().max(1) as f64)
    );
    let started = Instant::now();
    let ours: Vec<Answer> = pairs.par_iter().map(claimdiff_answer).collect();
    let our_time = started.elapsed();
    report("claimdiff", &pairs, &ours);
    println!("  ({:.1} s)", our_time.as_secs_f64());
    match Peer::locate().and_then(|peer| {
        let started = Instant::now();
        peer_answers(&peer, &pairs).map(|answers| (answers, started.elapsed()))
    }) {
        Ok((answers, elapsed)) => {
            report("peer", &pairs, &answers);
            println!("  ({:.1} s, with loading spaCy)", elapsed.as_secs_f64());
        }
        Err(err) => println!("\n{err}"),
    }
    if verbose {
        print_errors(&pairs, &ours);
    }
}
