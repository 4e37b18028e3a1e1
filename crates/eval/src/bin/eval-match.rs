//! The fixture answer keys scored as precision / recall / F1, ours beside the peer's.
//!
//! `cargo run --release -p claimdiff-eval --bin eval-match [-- -v] [--min-similarity X]
//! [--min-sentence-similarity Y]`
//!
//! For every `fixtures/<event>/`, runs parser and matcher (library calls) on its
//! reports and scores agreements and conflicts per kind against `expected.toml`;
//! runs the peer (`../shared/peer/peer.py`) on the same reports and scores its
//! tables the same way. The figures are defined in `claimdiff_eval::keyscore`.
//! `-v` lists, per event and system, every miss, wrongly grouped pair and false alarm.
//! `--min-similarity` and `--min-sentence-similarity` set the matcher's
//! `MatchOptions` (default: the shipped thresholds), to measure them on the keys.

use std::path::Path;

use claimdiff_eval::keyscore::{our_tables, score_event, KeyScore, KindScore, KEY_KINDS};
use claimdiff_eval::metrics::{fmt3, ratio};
use claimdiff_eval::{event_reports, fixture_events, parse_files, Peer};
use claimdiff_matcher::MatchOptions;
use claimdiff_parser::Report;
use claimdiff_tests::{AnswerKey, Tables};

/// Our tables and the number of claim pairs linked through their sentences.
fn our_event_tables(event: &Path, options: &MatchOptions) -> Result<(Tables, usize), String> {
    let reports: Vec<Report> = parse_files(&event_reports(event))?;
    let comparison = claimdiff_matcher::compare_with(&reports, options);
    Ok((
        our_tables(&reports, &comparison),
        comparison.stats.sentence_links,
    ))
}

/// The value after `flag` on the command line, if given; exits on a non-number.
fn number_arg(flag: &str) -> Option<f64> {
    let args: Vec<String> = std::env::args().collect();
    let at = args.iter().position(|a| a == flag)?;
    match args.get(at + 1).map(|v| v.parse::<f64>()) {
        Some(Ok(value)) => Some(value),
        _ => {
            eprintln!("{flag} needs a number");
            std::process::exit(2);
        }
    }
}

fn peer_event_tables(peer: &Peer, event: &Path) -> Result<Tables, String> {
    let out = std::env::temp_dir().join(format!(
        "claimdiff-eval-match-peer-{}-{}",
        std::process::id(),
        event.file_name().unwrap_or_default().to_string_lossy()
    ));
    let tables = peer
        .run(&event_reports(event), &out)
        .and_then(|()| Tables::load(&out));
    let _ = std::fs::remove_dir_all(&out);
    tables
}

/// "0.750 (3/4)", or "- (0/0)".
fn figure(part: usize, whole: usize) -> String {
    format!("{} ({part}/{whole})", fmt3(ratio(part, whole)))
}

fn event_line(score: &KeyScore) -> String {
    let all = score.conflicts();
    format!(
        "agree R {} P {} | conflicts R {} P {} | false alarms {} of {} rows | not_conflict met {}",
        figure(score.agree_found, score.agree_key),
        figure(score.grouped_right, score.grouped_judged),
        figure(all.found, all.key),
        figure(all.right, all.judged),
        all.false_alarms,
        all.rows,
        figure(score.not_conflict_met, score.not_conflict_key)
    )
}

/// recall, precision, F1 cells of one system for one line of the table.
fn prf_cells(found: usize, key: usize, right: usize, judged: usize, f1: f64) -> [String; 3] {
    [figure(found, key), figure(right, judged), fmt3(f1)]
}

fn kind_cells(score: &KindScore) -> [String; 3] {
    prf_cells(
        score.found,
        score.key,
        score.right,
        score.judged,
        score.f1(),
    )
}

fn print_table(header: &[&str], rows: &[Vec<String>]) {
    let columns = header.len();
    let width: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .map(|r| r.get(c).map_or(0, |cell| cell.chars().count()))
                .chain([header[c].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: Vec<&str>| {
        cells
            .iter()
            .enumerate()
            .map(|(c, cell)| format!("{cell:<w$}", w = width[c]))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    println!("{}", line(header.to_vec()));
    for row in rows {
        println!("{}", line(row.iter().map(String::as_str).collect()));
    }
}

fn print_summary(systems: &[(&str, &KeyScore)]) {
    let mut header = vec![""];
    for _ in systems {
        header.extend(["recall", "precision", "F1"]);
    }
    let names: Vec<String> = systems
        .iter()
        .map(|(name, _)| format!("{name} →"))
        .collect();
    let mut rows = vec![{
        let mut row = vec!["system".to_string()];
        for name in &names {
            row.extend([name.clone(), String::new(), String::new()]);
        }
        row
    }];
    let mut push = |label: &str, cells: &dyn Fn(&KeyScore) -> [String; 3]| {
        let mut row = vec![label.to_string()];
        for (_, score) in systems {
            row.extend(cells(score));
        }
        rows.push(row);
    };
    push("agreements", &|s| {
        prf_cells(
            s.agree_found,
            s.agree_key,
            s.grouped_right,
            s.grouped_judged,
            s.agree_f1(),
        )
    });
    for kind in KEY_KINDS {
        push(&format!("conflict: {kind}"), &|s| {
            kind_cells(&s.kinds.get(kind).copied().unwrap_or_default())
        });
    }
    push("conflicts, all kinds", &|s| kind_cells(&s.conflicts()));
    print_table(&header, &rows);

    println!();
    let mut header = vec![""];
    for _ in systems {
        header.extend(["rows", "false alarms", "wrong kind"]);
    }
    let mut rows = vec![{
        let mut row = vec!["system".to_string()];
        for name in &names {
            row.extend([name.clone(), String::new(), String::new()]);
        }
        row
    }];
    let mut kinds: Vec<String> = KEY_KINDS.iter().map(|k| k.to_string()).collect();
    for (_, score) in systems {
        for kind in score.kinds.keys() {
            if !kinds.contains(kind) {
                kinds.push(kind.clone());
            }
        }
    }
    let kind_row = |label: String, of: &dyn Fn(&KeyScore) -> KindScore| {
        let mut row = vec![label];
        for (_, score) in systems {
            let k = of(score);
            row.extend([
                k.rows.to_string(),
                k.false_alarms.to_string(),
                k.wrong_kind.to_string(),
            ]);
        }
        row
    };
    for kind in &kinds {
        rows.push(kind_row(format!("conflict: {kind}"), &|s| {
            s.kinds.get(kind).copied().unwrap_or_default()
        }));
    }
    rows.push(kind_row("all kinds".to_string(), &|s| s.conflicts()));
    print_table(&header, &rows);

    println!();
    for (name, score) in systems {
        println!(
            "{name}: not_conflict met {}; key pairs that conflict but were grouped: {}; entries with a phrase no claim covers: {}",
            figure(score.not_conflict_met, score.not_conflict_key),
            score.grouped_conflicts,
            score.unresolved
        );
    }
}

fn main() {
    let verbose = std::env::args().any(|a| a == "-v" || a == "--verbose");
    let mut options = MatchOptions::default();
    if let Some(value) = number_arg("--min-similarity") {
        options.min_similarity = value;
    }
    if let Some(value) = number_arg("--min-sentence-similarity") {
        options.min_sentence_similarity = value;
    }
    if options != MatchOptions::default() {
        println!("matcher options: {options:?}");
    }
    let mut links: Vec<String> = Vec::new();
    let peer = Peer::locate();
    if let Err(why) = &peer {
        println!("{why}");
    }
    let events = fixture_events();
    if events.is_empty() {
        println!("no fixtures/<event>/expected.toml found");
        return;
    }
    let mut ours_total = KeyScore::default();
    let mut peer_total = KeyScore::default();
    for event in &events {
        let name = event
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let key = match AnswerKey::load(&event.join("expected.toml")) {
            Ok(key) => key,
            Err(err) => {
                println!("{name}: {err}");
                continue;
            }
        };
        let ours = our_event_tables(event, &options).map(|(tables, linked)| {
            links.push(format!("{name} {linked}"));
            tables
        });
        let mut runs = vec![("claimdiff", ours)];
        if let Ok(peer) = &peer {
            runs.push(("peer", peer_event_tables(peer, event)));
        }
        for (system, tables) in runs {
            match tables {
                Ok(tables) => {
                    let score = score_event(event, &key, &tables);
                    println!("{name:<13} {system:<10} {}", event_line(&score));
                    if verbose {
                        for detail in &score.details {
                            println!("    {detail}");
                        }
                    }
                    if system == "peer" {
                        peer_total.add(&score);
                    } else {
                        ours_total.add(&score);
                    }
                }
                Err(err) => println!("{name:<13} {system:<10} not scored: {err}"),
            }
        }
    }
    println!();
    println!(
        "All {} events (precision of agreements: grouped pairs of key claims inside one key agreement cluster;",
        events.len()
    );
    println!(
        "precision of conflicts: rows of the kind on a key conflict pair of that kind / rows of the kind between key claims)"
    );
    let mut systems = vec![("claimdiff", &ours_total)];
    if peer.is_ok() {
        systems.push(("peer", &peer_total));
    }
    print_summary(&systems);
    println!(
        "\nclaimdiff: claim pairs linked through their sentences: {}",
        links.join(", ")
    );
}
