//! The Microsoft Research Paraphrase corpus: claimdiff's matcher as a paraphrase
//! detector, beside the peer's lexical rule.
//!
//! `cargo run --release -p claimdiff-eval --bin msrp [-- -v [--train]]`
//!
//! Reads `../shared/datasets/msrp/msr_paraphrase_{train,test}.txt` (relative to the
//! repository root; when absent it says so and exits 0). Each sentence becomes a
//! one-sentence report (ids "a" and "b"), parsed by the parser; the matcher then
//! compares the two reports. These decisions are scored:
//! - *group rule* (as shipped, nothing tuned): a paraphrase when the two sentences'
//!   claims share an agreement group (`claimdiff_matcher::compare`);
//! - *group rule, options tuned on train*: the same with
//!   `claimdiff_matcher::compare_with`, the match threshold
//!   (`MatchOptions::min_similarity`) and the sentence-link threshold
//!   (`min_sentence_similarity`) chosen together on train by accuracy over a grid
//!   (printed with the values chosen); beside it the best with the sentence link
//!   off, so that its share shows;
//! - *similarity*: `claimdiff_matcher::pair_similarity` (the best score between a
//!   claim of each sentence) >= t, t chosen on train only;
//! - *similarity, no conflict*: the same, but a pair the matcher calls a conflict
//!   is not a paraphrase;
//! - *sentence similarity* (the headline figure): `claimdiff_matcher::report_similarity`,
//!   the weighted Dice over all the claims of each sentence taken together, with
//!   the matcher's whole-text terms (values, days and function words count, as no
//!   conflict check follows) >= t, t chosen on train only. A sentence the parser
//!   split into claims is judged as the whole sentence, so one shared clause does
//!   not make a paraphrase;
//! - *sentence similarity, no conflict*: the same, but a pair the matcher calls a
//!   conflict is not a paraphrase.
//!
//! The peer's rule is rapidfuzz `token_set_ratio >= 85` (`LEXICAL_MATCH` in
//! `peer.py`), computed by a small inline script in the peer's Python
//! (`PEER_PYTHON` or `.venv-peer`); it is also shown with its threshold chosen on
//! train. Accuracy and F1 of the positive class are reported on test.
//! `-v` prints sampled test errors of the sentence similarity with their scores
//! and claims; `-v --train` prints them for train instead, which is the split to
//! study when changing a rule (the test split is for the final figures only).

use std::path::{Path, PathBuf};
use std::time::Instant;

use claimdiff_eval::metrics::{fmt3, grid, most_accurate, spread, Confusion, Sweep};
use claimdiff_eval::msrp::{parse_msrp, MsrpPair};
use claimdiff_eval::{repo_root, run_python_on_pairs, Peer};
use claimdiff_matcher::{
    compare, compare_with, explain_pair, pair_similarity, report_similarity, ClaimRef, MatchOptions,
};
use claimdiff_parser::{parse_report, Report, ReportInput};
use rayon::prelude::*;

/// The peer's `LEXICAL_MATCH` (token_set_ratio, 0..100).
const PEER_LEXICAL_MATCH: f64 = 85.0;

/// What the matcher made of one pair.
struct Outcome {
    similarity: f64,
    sentence_similarity: f64,
    grouped: bool,
    conflict: Option<String>,
    claims_a: Vec<String>,
    claims_b: Vec<String>,
}

fn sentence_report(id: &str, source: &str, text: &str) -> Report {
    parse_report(ReportInput {
        id: id.to_string(),
        source: source.to_string(),
        text: text.to_string(),
        ..Default::default()
    })
}

fn parse_pair(pair: &MsrpPair) -> [Report; 2] {
    [
        sentence_report("a", &pair.id_a, &pair.sentence_a),
        sentence_report("b", &pair.id_b, &pair.sentence_b),
    ]
}

/// The group rule: the two sentences' claims share an agreement group.
fn grouped(reports: &[Report; 2], options: &MatchOptions) -> bool {
    !compare_with(reports, options).groups.is_empty()
}

fn judge(reports: &[Report; 2]) -> Outcome {
    let comparison = compare(reports);
    let texts = |r: &Report| r.claims.iter().map(|c| c.text.clone()).collect();
    Outcome {
        similarity: pair_similarity(reports),
        sentence_similarity: report_similarity(reports),
        grouped: !comparison.groups.is_empty(),
        conflict: comparison.conflicts.first().map(|c| c.explanation.clone()),
        claims_a: texts(&reports[0]),
        claims_b: texts(&reports[1]),
    }
}

/// The peer's token_set_ratio for every pair, from its Python.
fn peer_ratios(python: &Path, pairs: &[MsrpPair]) -> Result<Vec<f64>, String> {
    // Reads every pair first, then prints: no pipe can fill up while Rust writes.
    const SCRIPT: &str = r#"
import sys
from rapidfuzz import fuzz, utils
out = []
for row in sys.stdin.buffer.read().decode("utf-8").split("\n"):
    if row:
        a, b = row.split("\t")
        out.append(str(fuzz.token_set_ratio(utils.default_process(a), utils.default_process(b))))
sys.stdout.write("\n".join(out) + "\n")
"#;
    let lines = run_python_on_pairs(
        python,
        SCRIPT,
        &[],
        pairs
            .iter()
            .map(|p| (p.sentence_a.as_str(), p.sentence_b.as_str())),
    )?;
    let ratios: Vec<f64> = lines
        .iter()
        .map(|line| line.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|err| format!("the peer's Python printed a non-number: {err}"))?;
    Ok(ratios)
}

fn load(dir: &Path, split: &str) -> Result<Vec<MsrpPair>, String> {
    let path = dir.join(format!("msr_paraphrase_{split}.txt"));
    let content =
        std::fs::read_to_string(&path).map_err(|err| format!("{}: {err}", path.display()))?;
    parse_msrp(&content).map_err(|err| format!("{}: {err}", path.display()))
}

/// The train curve, briefly: every `every`-th point of the sweep.
fn print_curve(name: &str, sweep: &Sweep, every: usize, decimals: usize) {
    println!("  train curve, {name} (threshold: accuracy / F1):");
    let points: Vec<String> = sweep
        .points
        .iter()
        .step_by(every)
        .map(|(t, c)| format!("{t:.decimals$}: {}/{}", fmt3(c.accuracy()), fmt3(c.f1())))
        .collect();
    for chunk in points.chunks(6) {
        println!("    {}", chunk.join("   "));
    }
}

fn print_errors(title: &str, pairs: &[MsrpPair], outcomes: &[Outcome], indices: &[usize]) {
    println!("\n{title} ({} in all; a sample):", indices.len());
    for &i in &spread(indices, 20) {
        let (p, o) = (&pairs[i], &outcomes[i]);
        println!(
            "  [{} {}] sentence similarity {:.3}, best claim pair {:.3}{}{}",
            p.id_a,
            p.id_b,
            o.sentence_similarity,
            o.similarity,
            if o.grouped { ", grouped" } else { "" },
            o.conflict
                .as_deref()
                .map(|c| format!(", conflict: {c}"))
                .unwrap_or_default()
        );
        println!("    a: {}", p.sentence_a);
        println!("    b: {}", p.sentence_b);
        println!("    claims a: {:?}", o.claims_a);
        println!("    claims b: {:?}", o.claims_b);
        // The weighted claim terms (as `compare` sees them, not the whole-text terms
        // of the sentence similarity) of the first claim of each side.
        let reports = [
            sentence_report("a", &p.id_a, &p.sentence_a),
            sentence_report("b", &p.id_b, &p.sentence_b),
        ];
        let first = |report| ClaimRef { report, claim: 0 };
        if let Some(explained) = explain_pair(&reports, first(0), first(1)) {
            let show = |terms: &[(String, f64)]| {
                terms
                    .iter()
                    .map(|(t, w)| format!("{t} {w:.2}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            println!("    claim terms a: {}", show(&explained.terms_a));
            println!("    claim terms b: {}", show(&explained.terms_b));
        }
    }
}

/// Per outcome (true/false positive/negative) on test: how many pairs, their mean
/// similarity, and how often a sentence was split into several claims, a side has
/// a similarity of 0 or the matcher found a conflict: what drives the errors.
fn print_profile(gold: &[bool], outcomes: &[Outcome], threshold: f64) {
    println!("  outcome  pairs  mean sim  several claims  sim = 0  conflict");
    for (name, want_gold, want_pred) in [
        ("TP", true, true),
        ("FN", true, false),
        ("TN", false, false),
        ("FP", false, true),
    ] {
        let set: Vec<&Outcome> = outcomes
            .iter()
            .zip(gold)
            .filter(|(o, &g)| g == want_gold && (o.sentence_similarity >= threshold) == want_pred)
            .map(|(o, _)| o)
            .collect();
        let n = set.len().max(1) as f64;
        let share = |f: &dyn Fn(&Outcome) -> bool| {
            format!(
                "{:.0}%",
                100.0 * set.iter().filter(|o| f(o)).count() as f64 / n
            )
        };
        println!(
            "  {name:<7}  {:>5}  {:>8.3}  {:>14}  {:>7}  {:>8}",
            set.len(),
            set.iter().map(|o| o.sentence_similarity).sum::<f64>() / n,
            share(&|o| o.claims_a.len() > 1 || o.claims_b.len() > 1),
            share(&|o| o.similarity == 0.0),
            share(&|o| o.conflict.is_some())
        );
    }
}

/// Grid of the group rule's options: match thresholds (claims) by sentence
/// thresholds; "off" is a sentence threshold above 1. Each point compares every
/// train pair once, so the grid is coarse: a finer one (0.05 steps up to 0.85 and
/// sentence thresholds up to 0.90) chose from the same region on train.
const CLAIM_THRESHOLDS: [f64; 9] = [0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95, 1.0];
const SENTENCE_THRESHOLDS: (f64, f64, f64) = (0.30, 0.60, 0.05);
const SENTENCE_OFF: f64 = 1.1;

fn sentence_setting(threshold: f64) -> String {
    if threshold > 1.0 {
        "off".to_string()
    } else {
        format!("{threshold:.2}")
    }
}

/// The group rule on train for every pair of options, and the best by accuracy
/// (ties: the higher F1, then the lower thresholds).
struct Tuned {
    grid: Vec<(MatchOptions, Confusion)>,
    best: (MatchOptions, Confusion),
    best_without_links: (MatchOptions, Confusion),
}

fn tune_group_rule(train: &[[Report; 2]], gold: &[bool]) -> Tuned {
    // Two decimals exactly, so that the chosen values print as they are used.
    let values = |(lo, hi, step): (f64, f64, f64)| -> Vec<f64> {
        grid(lo, hi, step)
            .into_iter()
            .map(|x| (x * 100.0).round() / 100.0)
            .collect()
    };
    let claims = CLAIM_THRESHOLDS.to_vec();
    let mut sentences = values(SENTENCE_THRESHOLDS);
    sentences.push(SENTENCE_OFF);
    let mut options = Vec::new();
    for &min_similarity in &claims {
        for &min_sentence_similarity in &sentences {
            options.push(MatchOptions {
                min_similarity,
                min_sentence_similarity,
            });
        }
    }
    // One pair at a time over all options, so that the pairs spread over the threads.
    let decisions: Vec<Vec<bool>> = train
        .par_iter()
        .map(|reports| options.iter().map(|o| grouped(reports, o)).collect())
        .collect();
    let grid: Vec<(MatchOptions, Confusion)> = options
        .iter()
        .enumerate()
        .map(|(k, o)| (*o, Confusion::of(decisions.iter().map(|d| d[k]), gold)))
        .collect();
    let best_of = |keep: &dyn Fn(&MatchOptions) -> bool| {
        let kept: Vec<(MatchOptions, Confusion)> =
            grid.iter().copied().filter(|(o, _)| keep(o)).collect();
        most_accurate(&kept, |o| (-o.min_similarity, -o.min_sentence_similarity))
            .expect("a non-empty grid")
    };
    Tuned {
        best: best_of(&|_| true),
        best_without_links: best_of(&|o| o.min_sentence_similarity > 1.0),
        grid,
    }
}

/// Train accuracy of the group rule over the grid: a row per match threshold, a
/// column per sentence threshold.
fn print_grid(tuned: &Tuned) {
    let mut columns: Vec<f64> = tuned
        .grid
        .iter()
        .map(|(o, _)| o.min_sentence_similarity)
        .collect();
    columns.sort_by(f64::total_cmp);
    columns.dedup();
    println!(
        "  train accuracy of the group rule (rows: claim threshold; columns: sentence threshold)"
    );
    let header: Vec<String> = columns
        .iter()
        .map(|&s| format!("{:>5}", sentence_setting(s)))
        .collect();
    println!("    claims {}", header.join(" "));
    let mut rows: Vec<f64> = tuned.grid.iter().map(|(o, _)| o.min_similarity).collect();
    rows.sort_by(f64::total_cmp);
    rows.dedup();
    for &m in &rows {
        let cells: Vec<String> = columns
            .iter()
            .map(|&s| {
                tuned
                    .grid
                    .iter()
                    .find(|(o, _)| o.min_similarity == m && o.min_sentence_similarity == s)
                    .map_or("    -".to_string(), |(_, c)| {
                        format!("{:>5}", fmt3(c.accuracy()))
                    })
            })
            .collect();
        println!("    {m:>6.2} {}", cells.join(" "));
    }
    let (o, c) = tuned.best;
    println!(
        "  chosen on train: claim threshold (min_similarity) {:.2}, sentence threshold (min_sentence_similarity) {}: train {c}",
        o.min_similarity,
        sentence_setting(o.min_sentence_similarity)
    );
    let (o, c) = tuned.best_without_links;
    println!(
        "  best without sentence links: claim threshold {:.2}: train {c}",
        o.min_similarity
    );
}

fn main() {
    let verbose = std::env::args().any(|a| a == "-v" || a == "--verbose");
    let dir: PathBuf = repo_root().join("../shared/datasets/msrp");
    let (train, test) = match (load(&dir, "train"), load(&dir, "test")) {
        (Ok(train), Ok(test)) => (train, test),
        (Err(err), _) | (_, Err(err)) => {
            println!("MSRP not run: {err}");
            return;
        }
    };
    let started = Instant::now();
    let parsed: Vec<[Report; 2]> = train
        .par_iter()
        .chain(test.par_iter())
        .map(parse_pair)
        .collect();
    let (train_reports, test_reports) = parsed.split_at(train.len());
    let judged: Vec<Outcome> = parsed.par_iter().map(judge).collect();
    let (train_out, test_out) = judged.split_at(train.len());
    println!(
        "MSRP: {} train and {} test pairs ({} sentences) parsed and compared in {:.1?}",
        train.len(),
        test.len(),
        2 * (train.len() + test.len()),
        started.elapsed()
    );
    let gold = |pairs: &[MsrpPair]| pairs.iter().map(|p| p.paraphrase).collect::<Vec<bool>>();
    let (train_gold, test_gold) = (gold(&train), gold(&test));
    let similarity = |o: &[Outcome]| o.iter().map(|x| x.similarity).collect::<Vec<f64>>();
    let unless_conflict = |o: &[Outcome]| {
        o.iter()
            .map(|x| {
                if x.conflict.is_some() {
                    0.0
                } else {
                    x.similarity
                }
            })
            .collect::<Vec<f64>>()
    };
    let sentence = |o: &[Outcome]| {
        o.iter()
            .map(|x| x.sentence_similarity)
            .collect::<Vec<f64>>()
    };
    let sentence_unless_conflict = |o: &[Outcome]| {
        o.iter()
            .map(|x| {
                if x.conflict.is_some() {
                    0.0
                } else {
                    x.sentence_similarity
                }
            })
            .collect::<Vec<f64>>()
    };
    let thresholds = grid(0.0, 1.0, 0.01);

    let started = Instant::now();
    let tuned = tune_group_rule(train_reports, &train_gold);
    println!(
        "\ngroup rule grid on train ({} option pairs) in {:.1?}",
        tuned.grid.len(),
        started.elapsed()
    );
    print_grid(&tuned);

    let mut rows: Vec<(String, Confusion, Confusion)> = Vec::new();
    rows.push((
        "claimdiff, group rule (as shipped)".to_string(),
        Confusion::of(train_out.iter().map(|o| o.grouped), &train_gold),
        Confusion::of(test_out.iter().map(|o| o.grouped), &test_gold),
    ));
    for (name, (options, train_c)) in [
        ("group rule, options tuned on train", tuned.best),
        (
            "group rule, threshold tuned, no sentence link",
            tuned.best_without_links,
        ),
    ] {
        let test_c = Confusion::of(
            test_reports
                .par_iter()
                .map(|r| grouped(r, &options))
                .collect::<Vec<_>>(),
            &test_gold,
        );
        rows.push((
            format!(
                "claimdiff, {name} (claims {:.2}, sentences {})",
                options.min_similarity,
                sentence_setting(options.min_sentence_similarity)
            ),
            train_c,
            test_c,
        ));
    }
    println!();
    let mut chosen = 0.0;
    for (name, scores) in [
        ("similarity", similarity as fn(&[Outcome]) -> Vec<f64>),
        ("similarity, no conflict", unless_conflict),
        ("sentence similarity", sentence),
        ("sentence similarity, no conflict", sentence_unless_conflict),
    ] {
        let sweep = Sweep::run(&scores(train_out), &train_gold, &thresholds);
        print_curve(name, &sweep, 5, 2);
        if let Some((t, train_c)) = sweep.best_by_accuracy() {
            if name == "sentence similarity" {
                chosen = t;
            }
            let test_c = Confusion::of(scores(test_out).iter().map(|&s| s >= t), &test_gold);
            rows.push((format!("claimdiff, {name} >= {t:.2}"), train_c, test_c));
        }
    }

    match Peer::locate().and_then(|peer| {
        let train_r = peer_ratios(&peer.python, &train)?;
        let test_r = peer_ratios(&peer.python, &test)?;
        Ok((train_r, test_r))
    }) {
        Ok((train_r, test_r)) => {
            let decide = |r: &[f64], t: f64| r.iter().map(move |&x| x >= t).collect::<Vec<_>>();
            rows.push((
                format!("peer rule, token_set_ratio >= {PEER_LEXICAL_MATCH}"),
                Confusion::of(decide(&train_r, PEER_LEXICAL_MATCH), &train_gold),
                Confusion::of(decide(&test_r, PEER_LEXICAL_MATCH), &test_gold),
            ));
            let sweep = Sweep::run(&train_r, &train_gold, &grid(0.0, 100.0, 1.0));
            print_curve("peer token_set_ratio", &sweep, 5, 0);
            if let Some((t, train_c)) = sweep.best_by_accuracy() {
                rows.push((
                    format!("token_set_ratio >= {t:.0} (chosen on train)"),
                    train_c,
                    Confusion::of(decide(&test_r, t), &test_gold),
                ));
            }
        }
        Err(why) => println!("\npeer rule not run: {why}"),
    }

    println!(
        "\n{:<46} {:>14} {:>14}",
        "", "train acc / F1", "test acc / F1"
    );
    for (name, train_c, test_c) in &rows {
        println!(
            "{name:<46} {:>14} {:>14}",
            format!("{} / {}", fmt3(train_c.accuracy()), fmt3(train_c.f1())),
            format!("{} / {}", fmt3(test_c.accuracy()), fmt3(test_c.f1()))
        );
    }
    println!("\ntest details:");
    for (name, _, test_c) in &rows {
        println!("  {name:<46} {test_c}");
    }
    println!("\nreferences (test): always \"paraphrase\" 0.665 / 0.799; published lexical systems 70.3-75.6% / 80.5-83.0; issue target >= 0.74 / >= 0.82");

    let no_claims = |o: &&Outcome| o.claims_a.is_empty() || o.claims_b.is_empty();
    println!(
        "\nsentences without a claim: pairs with one side empty: train {}, test {}; pairs with a conflict: train {}, test {}",
        train_out.iter().filter(no_claims).count(),
        test_out.iter().filter(no_claims).count(),
        train_out.iter().filter(|o| o.conflict.is_some()).count(),
        test_out.iter().filter(|o| o.conflict.is_some()).count()
    );
    // "--scores PATH": one row per pair, so two builds can be diffed pair by pair.
    if let Some(path) = std::env::args().skip_while(|a| a != "--scores").nth(1) {
        let mut rows = String::from(
            "split\tindex\tgold\tsentence_similarity\tsimilarity\tgrouped\tconflict\n",
        );
        for (split, outcomes, gold) in [
            ("train", train_out, &train_gold),
            ("test", test_out, &test_gold),
        ] {
            for (index, (o, g)) in outcomes.iter().zip(gold.iter()).enumerate() {
                rows.push_str(&format!(
                    "{split}\t{index}\t{g}\t{:.4}\t{:.4}\t{}\t{}\n",
                    o.sentence_similarity,
                    o.similarity,
                    o.grouped,
                    o.conflict.as_deref().unwrap_or("")
                ));
            }
        }
        if let Err(err) = std::fs::write(&path, rows) {
            println!("scores not written to {path}: {err}");
        }
    }
    if verbose {
        let on_train = std::env::args().any(|a| a == "--train");
        let (split, pairs, outcomes, gold) = if on_train {
            ("train", &train, train_out, &train_gold)
        } else {
            ("test", &test, test_out, &test_gold)
        };
        let predicted = |o: &Outcome| o.sentence_similarity >= chosen;
        let false_neg: Vec<usize> = (0..pairs.len())
            .filter(|&i| gold[i] && !predicted(&outcomes[i]))
            .collect();
        let false_pos: Vec<usize> = (0..pairs.len())
            .filter(|&i| !gold[i] && predicted(&outcomes[i]))
            .collect();
        println!("\nerrors of 'sentence similarity >= {chosen:.2}' on {split}:");
        print_profile(gold, outcomes, chosen);
        print_errors("false negatives", pairs, outcomes, &false_neg);
        print_errors("false positives", pairs, outcomes, &false_pos);
        // Paraphrases should never conflict: each one here is a false alarm.
        let alarms: Vec<usize> = (0..pairs.len())
            .filter(|&i| gold[i] && outcomes[i].conflict.is_some())
            .collect();
        print_errors(
            "conflicts raised on paraphrases (false alarms)",
            pairs,
            outcomes,
            &alarms,
        );
    }
}
