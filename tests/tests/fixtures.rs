//! End-to-end: runs the real `claimdiff` binary on every fixture event and checks
//! its answer key (`fixtures/<event>/expected.toml`), and checks the contract's headers.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use claimdiff_tests::{check_event, load_header, CONTRACT_TABLES};

/// The fixtures folder; `CLAIMDIFF_FIXTURES` points elsewhere (e.g. a checkout where
/// new fixtures are being written).
fn fixtures_dir() -> PathBuf {
    match std::env::var_os("CLAIMDIFF_FIXTURES") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures"),
    }
}

/// `target/<profile>/claimdiff`: this test runs from `target/<profile>/deps/`.
fn claimdiff_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows its own path");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test executable lives in target/<profile>/deps");
    let binary = profile_dir.join(format!("claimdiff{}", std::env::consts::EXE_SUFFIX));
    assert!(
        binary.is_file(),
        "{} does not exist: run `cargo test --workspace` so that the claimdiff binary is built",
        binary.display()
    );
    binary
}

/// Folders `fixtures/<event>/` that have an answer key, sorted.
fn events() -> Vec<PathBuf> {
    let dir = fixtures_dir();
    let entries = fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: cannot read the fixtures folder: {err}", dir.display()));
    let mut events: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.join("expected.toml").is_file())
        .collect();
    events.sort();
    events
}

fn report_files(event_dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(event_dir)
        .unwrap_or_else(|err| panic!("{}: {err}", event_dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    files
}

/// Runs `claimdiff compare <files> --out <out> -j 2 --quiet`; the error names the
/// exit status and what the binary printed.
fn run_compare(files: &[PathBuf], out: &Path) -> Result<(), String> {
    let output = Command::new(claimdiff_binary())
        .arg("compare")
        .args(files)
        .arg("--out")
        .arg(out)
        .args(["-j", "2", "--quiet"])
        .output()
        .map_err(|err| format!("cannot run claimdiff: {err}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "claimdiff compare ended with {}:\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// The title of a failure paragraph ("conflict #2 (number)").
fn failure_title(failure: &str) -> &str {
    failure.split(':').next().unwrap_or(failure).trim()
}

/// Entries of the answer key the tool does not meet yet, one title per line in
/// `fixtures/<event>/known-misses.list` (a line starting with `#` is a comment; text
/// after ` -- ` explains the miss). The test fails on
/// any other miss, and on a listed miss that passes, so the list only shrinks.
fn known_misses(event_dir: &Path) -> Vec<String> {
    fs::read_to_string(event_dir.join("known-misses.list"))
        .unwrap_or_default()
        .lines()
        .map(|line| line.split(" -- ").next().unwrap_or("").trim())
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.trim_end_matches(':').to_string())
        .collect()
}

#[test]
fn answer_keys_hold_for_every_event() {
    let events = events();
    assert!(
        !events.is_empty(),
        "no fixtures/<event>/expected.toml found in {}",
        fixtures_dir().display()
    );
    let mut score_lines = Vec::new();
    let mut failures = Vec::new();
    for event_dir in &events {
        let event = event_dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let out = tempfile::tempdir().expect("a temporary folder");
        let outcome = run_compare(&report_files(event_dir), out.path())
            .and_then(|()| check_event(event_dir, out.path()));
        match outcome {
            Ok(check) => {
                println!("{}", check.score_line());
                score_lines.push(check.score_line());
                let known = known_misses(event_dir);
                let failed: Vec<&str> = check.failures.iter().map(|f| failure_title(f)).collect();
                let unexpected: Vec<&String> = check
                    .failures
                    .iter()
                    .filter(|f| !known.contains(&failure_title(f).to_string()))
                    .collect();
                let now_passing: Vec<&String> = known
                    .iter()
                    .filter(|title| !failed.contains(&title.as_str()))
                    .collect();
                if !unexpected.is_empty() {
                    failures.push(format!(
                        "{}\n  - {}",
                        check.score_line(),
                        unexpected
                            .iter()
                            .map(|f| f.as_str())
                            .collect::<Vec<_>>()
                            .join("\n  - ")
                    ));
                }
                if !now_passing.is_empty() {
                    failures.push(format!(
                        "{event}: these entries pass now; delete them from known-misses.list: {now_passing:?}"
                    ));
                }
            }
            Err(err) => {
                score_lines.push(format!("{event}: not checked"));
                failures.push(format!("{event}: {err}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "answer keys not met:\n\n{}\n\nscores:\n{}",
        failures.join("\n\n"),
        score_lines.join("\n")
    );
}

#[test]
fn output_tables_have_the_contract_headers_in_order() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let report = dir.path().join("wire.txt");
    fs::write(
        &report,
        "Fire destroyed the old mill on Friday, officials said. About 40 firefighters fought it.\n",
    )
    .expect("a report is written");
    let out = dir.path().join("out");
    run_compare(&[report], &out).unwrap_or_else(|err| panic!("{err}"));
    for (table, columns) in CONTRACT_TABLES {
        let header = load_header(&out.join(table)).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(header, columns, "{table}: header differs from the contract");
    }
}
