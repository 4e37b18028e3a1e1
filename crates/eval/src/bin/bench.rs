//! Scaling benchmark: `claimdiff compare` on generated corpora of N reports.
//!
//! ```text
//! cargo build --release -p claimdiff-cli -p claimdiff-eval
//! target/release/bench [--event patriot-call] [--seed 1] [--sizes 2,8,32,128,512,2048] [--runs R] [-j N]
//! target/release/bench --write-corpus DIR N [--event patriot-call] [--seed 1]
//! ```
//!
//! For each N it writes N reports of one fixture event (see `claimdiff_eval::corpus`)
//! to a temporary folder, runs the release `claimdiff compare` on them (the binary
//! next to this one, or `--claimdiff PATH`) with `CLAIMDIFF_STAGE_REPORT` set, and
//! prints wall time, CPU time (user + system), claims per second, candidate pairs examined, matched pairs,
//! conflict rows, output bytes, and per stage (read, parse, match, write) its time
//! and the process's peak resident memory when the stage ended (a high-water mark
//! covers the stage and every stage before it). Small N run several times
//! (`--runs`, default 5 up to 32 reports, 3 up to 128, then 1); the run with the
//! median wall time is printed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use claimdiff_eval::{corpus, event_reports, repo_root};

const DEFAULT_SIZES: [usize; 6] = [2, 8, 32, 128, 512, 2048];

struct Options {
    event: String,
    seed: u64,
    sizes: Vec<usize>,
    runs: Option<usize>,
    threads: Option<usize>,
    claimdiff: Option<PathBuf>,
    write_corpus: Option<(PathBuf, usize)>,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        event: "patriot-call".to_string(),
        seed: 1,
        sizes: DEFAULT_SIZES.to_vec(),
        runs: None,
        threads: None,
        claimdiff: None,
        write_corpus: None,
    };
    let mut args = std::env::args().skip(1);
    let number = |value: Option<String>, what: &str| -> Result<usize, String> {
        value
            .ok_or_else(|| format!("{what} needs a value"))?
            .parse()
            .map_err(|_| format!("{what} needs a whole number"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--event" => options.event = args.next().ok_or("--event needs a name")?,
            "--seed" => options.seed = number(args.next(), "--seed")? as u64,
            "--runs" => options.runs = Some(number(args.next(), "--runs")?.max(1)),
            "-j" | "--threads" => options.threads = Some(number(args.next(), "-j")?.max(1)),
            "--claimdiff" => {
                options.claimdiff = Some(args.next().ok_or("--claimdiff needs a path")?.into())
            }
            "--sizes" => {
                let list = args.next().ok_or("--sizes needs a list like 2,8,32")?;
                options.sizes = list
                    .split(',')
                    .map(|n| n.trim().parse().map_err(|_| format!("bad size {n:?}")))
                    .collect::<Result<_, _>>()?;
            }
            "--write-corpus" => {
                let dir = args.next().ok_or("--write-corpus needs DIR N")?;
                let n = number(args.next(), "--write-corpus DIR N")?;
                options.write_corpus = Some((dir.into(), n));
            }
            "-h" | "--help" => {
                return Err("usage: bench [--event NAME] [--seed S] [--sizes 2,8,32] [--runs R] [-j N] [--claimdiff PATH]\n       bench --write-corpus DIR N [--event NAME] [--seed S]".to_string())
            }
            other => return Err(format!("unknown argument {other:?} (try --help)")),
        }
    }
    Ok(options)
}

/// The event's reports, the material every generated report is made from.
fn bases(event: &str) -> Result<Vec<String>, String> {
    let folder = repo_root().join("fixtures").join(event);
    let paths = event_reports(&folder);
    if paths.is_empty() {
        return Err(format!("no .txt reports in {}", folder.display()));
    }
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display())))
        .collect()
}

/// Writes reports 1..=n as `r0001.txt`...; removes earlier `r*.txt` there first.
fn write_corpus(bases: &[String], seed: u64, n: usize, dir: &Path) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("{}: {e}", dir.display());
    std::fs::create_dir_all(dir).map_err(fail)?;
    for entry in std::fs::read_dir(dir).map_err(fail)? {
        let path = entry.map_err(fail)?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if name.is_some_and(|n| n.starts_with('r') && n.ends_with(".txt")) {
            std::fs::remove_file(&path).map_err(fail)?;
        }
    }
    for k in 1..=n {
        let path = dir.join(format!("r{k:04}.txt"));
        std::fs::write(&path, corpus::report(bases, seed, k)).map_err(fail)?;
    }
    Ok(())
}

/// One run's figures: wall seconds plus the fields of the stage line.
struct Run {
    wall: f64,
    fields: BTreeMap<String, f64>,
}

impl Run {
    fn get(&self, name: &str) -> f64 {
        self.fields.get(name).copied().unwrap_or(f64::NAN)
    }
}

fn run_claimdiff(
    claimdiff: &Path,
    corpus: &Path,
    out: &Path,
    threads: Option<usize>,
) -> Result<Run, String> {
    let mut command = Command::new(claimdiff);
    command
        .arg("compare")
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .env("CLAIMDIFF_STAGE_REPORT", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(j) = threads {
        command.arg("-j").arg(j.to_string());
    }
    let started = Instant::now();
    let output = command
        .output()
        .map_err(|e| format!("{}: {e}", claimdiff.display()))?;
    let wall = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!("claimdiff failed ({}): {stderr}", output.status));
    }
    let line = stderr
        .lines()
        .find_map(|l| l.strip_prefix("claimdiff-stages: "))
        .ok_or("claimdiff printed no stage line (is it an older build?)")?;
    let fields = line
        .split_whitespace()
        .filter_map(|field| {
            let (name, value) = field.split_once('=')?;
            Some((name.to_string(), value.parse().ok()?))
        })
        .collect();
    Ok(Run { wall, fields })
}

fn default_runs(n: usize) -> usize {
    match n {
        0..=32 => 5,
        33..=128 => 3,
        _ => 1,
    }
}

fn locate_claimdiff(given: Option<PathBuf>) -> Result<PathBuf, String> {
    if let Some(path) = given {
        return Ok(path);
    }
    let beside = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("claimdiff")))
        .filter(|p| p.is_file());
    beside.ok_or_else(|| {
        "no claimdiff binary beside this one: run `cargo build --release -p claimdiff-cli` (or pass --claimdiff PATH)".to_string()
    })
}

fn mb(kb: f64) -> String {
    format!("{:.0}", kb / 1024.0)
}

fn main() -> ExitCode {
    match real_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("bench: {message}");
            ExitCode::from(2)
        }
    }
}

fn real_main() -> Result<(), String> {
    let options = parse_args()?;
    let bases = bases(&options.event)?;
    if let Some((dir, n)) = &options.write_corpus {
        return write_corpus(&bases, options.seed, *n, dir);
    }
    let claimdiff = locate_claimdiff(options.claimdiff.clone())?;
    let scratch = std::env::temp_dir().join(format!("claimdiff-bench-{}", std::process::id()));
    let result = bench_all(&options, &bases, &claimdiff, &scratch);
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

fn bench_all(
    options: &Options,
    bases: &[String],
    claimdiff: &Path,
    scratch: &Path,
) -> Result<(), String> {
    println!(
        "event {} seed {} threads {}; peak = VmHWM (MB) when the stage ended, covering all earlier stages",
        options.event,
        options.seed,
        options
            .threads
            .map_or("all".to_string(), |j| j.to_string())
    );
    println!(
        "{:>6} {:>7} {:>5} {:>8} {:>7} {:>10} {:>11} {:>10} {:>10} {:>9} | {:>13} {:>13} {:>13} {:>13}",
        "N",
        "claims",
        "runs",
        "wall_s",
        "cpu_s",
        "claims/s",
        "candidates",
        "matched",
        "conflicts",
        "out_MB",
        "read s/peak",
        "parse s/peak",
        "match s/peak",
        "write s/peak"
    );
    for &n in &options.sizes {
        let corpus = scratch.join(format!("n{n}"));
        let out = scratch.join(format!("out{n}"));
        write_corpus(bases, options.seed, n, &corpus)?;
        let runs = options.runs.unwrap_or_else(|| default_runs(n));
        let mut all: Vec<Run> = (0..runs)
            .map(|_| run_claimdiff(claimdiff, &corpus, &out, options.threads))
            .collect::<Result<_, _>>()?;
        all.sort_by(|a, b| a.wall.total_cmp(&b.wall));
        let median = &all[all.len() / 2];
        let stage = |name: &str| {
            format!(
                "{:.3}/{}",
                median.get(&format!("{name}_s")),
                mb(median.get(&format!("{name}_hwm_kb")))
            )
        };
        println!(
            "{:>6} {:>7} {:>5} {:>8.3} {:>7.2} {:>10.0} {:>11} {:>10} {:>10} {:>9.2} | {:>13} {:>13} {:>13} {:>13}",
            n,
            median.get("claims"),
            runs,
            median.wall,
            median.get("cpu_s"),
            median.get("claims") / median.wall,
            median.get("candidate_pairs"),
            median.get("matched_pairs"),
            median.get("conflict_rows"),
            median.get("output_bytes") / 1e6,
            stage("read"),
            stage("parse"),
            stage("match"),
            stage("write"),
        );
        let _ = std::fs::remove_dir_all(&corpus);
        let _ = std::fs::remove_dir_all(&out);
    }
    Ok(())
}
