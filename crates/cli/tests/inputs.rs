//! End-to-end: the real binary on every input kind (`fixtures/inputs/`: a saved page
//! with its page chrome, a JSON Lines export; plain text and Markdown; folders; stdin),
//! the JSON format and the HTML report.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::*;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/inputs")
}

/// A temporary folder holding a copy of `fixtures/inputs` as `inputs/`, so that
/// sources read `inputs/...` whatever the checkout's path.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("inputs")).unwrap();
    for name in ["harbour-herald.html", "feed.jsonl"] {
        fs::copy(fixtures().join(name), dir.path().join("inputs").join(name)).unwrap();
    }
    dir
}

/// The `text` column of a claims table.
fn claim_texts(csv: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    reader
        .records()
        .map(|record| record.unwrap().get(12).unwrap().to_string())
        .collect()
}

fn compare_ok(args: &[&str], cwd: &Path) -> Output {
    let output = claimdiff_with_stdin(args, cwd, b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    output
}

#[test]
fn html_page_yields_the_article_and_no_page_chrome() {
    let dir = workspace();
    let output = claimdiff_with_stdin(&["extract", "inputs/harbour-herald.html"], dir.path(), b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let table = stdout(&output);
    let texts = claim_texts(&table);
    assert!(
        table.contains("\nharbour-herald#1,harbour-herald,"),
        "{table}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Fire destroyed the disused Kessel mill")),
        "{texts:#?}"
    );
    for chrome in [
        "cookies",
        "Accept all",
        "Share on",
        "Photo:",
        "Smoke rises",
        "Advertisement",
        "Related stories",
        "All rights reserved",
        "Mara Lindqvist",
    ] {
        assert!(
            !texts.iter().any(|t| t.contains(chrome)),
            "{chrome:?} made a claim: {texts:#?}"
        );
    }
    // The page's published time (5 July 2025) dates its "Friday".
    assert!(table.contains("2025-07-04 (Friday)"), "{table}");
}

#[test]
fn jsonl_export_gives_one_report_a_record_named_by_file_and_line() {
    let dir = workspace();
    compare_ok(
        &["compare", "inputs/feed.jsonl", "--out", "out", "-q"],
        dir.path(),
    );
    let reports = fs::read_to_string(dir.path().join("out/reports.csv")).unwrap();
    assert!(
        reports.contains("\ncoast-radio,inputs/feed.jsonl:1,"),
        "{reports}"
    );
    assert!(
        reports.contains("\ncounty-wire,inputs/feed.jsonl:2,"),
        "{reports}"
    );
    assert!(
        reports.contains("\nevening-post,inputs/feed.jsonl:3,"),
        "{reports}"
    );
    // The record's HTML went through the article extractor: no navigation claims.
    let claims = fs::read_to_string(dir.path().join("out/claims.csv")).unwrap();
    assert!(!claims.contains("Listen live"), "{claims}");
    // Each record's `published` dates its weekday: Thursday before 4 July is 3 July.
    assert!(claims.contains("2025-07-03 (Thursday)"), "{claims}");
    let conflicts = fs::read_to_string(dir.path().join("out/conflicts.csv")).unwrap();
    assert!(conflicts.contains(",50 firefighter,"), "{conflicts}");
}

#[test]
fn folder_is_searched_recursively_for_every_kind() {
    let dir = workspace();
    write(
        dir.path(),
        "inputs/more/notes.md",
        "The mill burned on Friday, police said.\n",
    );
    write(dir.path(), "inputs/more/deeper/radio.htm", "<html><body><article><p>Firefighters fought the blaze at the Kessel mill in Port Elwin for five hours on Friday, the fire service said.</p></article></body></html>");
    write(
        dir.path(),
        "inputs/more/plain.txt",
        "Fire destroyed the old mill on Friday.\n",
    );
    write(dir.path(), "inputs/more/ignored.csv", "not,a,report\n");
    compare_ok(&["compare", "inputs", "--out", "out", "-q"], dir.path());
    let reports = fs::read_to_string(dir.path().join("out/reports.csv")).unwrap();
    let ids: Vec<&str> = reports
        .lines()
        .skip(1)
        .map(|line| line.split(',').next().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "coast-radio",
            "county-wire",
            "evening-post",
            "harbour-herald",
            "notes",
            "plain",
            "radio"
        ],
        "{reports}"
    );
}

#[test]
fn stdin_reads_text_and_recognises_a_page() {
    let dir = workspace();
    let output = claimdiff_with_stdin(
        &["extract", "-"],
        dir.path(),
        b"Fire destroyed the old mill on Friday, officials said.\n",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("\nstdin#1,stdin,"),
        "{}",
        stdout(&output)
    );

    let page = fs::read(fixtures().join("harbour-herald.html")).unwrap();
    let output = claimdiff_with_stdin(&["extract", "-"], dir.path(), &page);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let texts = claim_texts(&stdout(&output));
    assert!(
        texts.iter().any(|t| t.contains("Kessel mill")),
        "{texts:#?}"
    );
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("cookies") || t.contains("<")),
        "{texts:#?}"
    );
}

#[test]
fn markdown_file_is_a_report() {
    let dir = workspace();
    write(
        dir.path(),
        "brief.md",
        "Fire destroyed the old mill on Friday, officials said.\n",
    );
    let output = claimdiff_with_stdin(&["extract", "brief.md"], dir.path(), b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("\nbrief#1,brief,"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn id_clash_between_a_record_and_a_file_names_both() {
    let dir = workspace();
    write(
        dir.path(),
        "county-wire.txt",
        "Fire destroyed the old mill on Friday.\n",
    );
    let output = claimdiff_with_stdin(
        &[
            "compare",
            "inputs/feed.jsonl",
            "county-wire.txt",
            "--out",
            "out",
        ],
        dir.path(),
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("report id `county-wire`"), "{message}");
    assert!(message.contains("inputs/feed.jsonl:2"), "{message}");
    assert!(message.contains("county-wire.txt"), "{message}");
    assert!(!dir.path().join("out").exists());
}

#[test]
fn bad_jsonl_line_is_an_error_naming_file_and_line() {
    let dir = workspace();
    let good = fs::read_to_string(fixtures().join("feed.jsonl")).unwrap();
    let first = good.lines().next().unwrap();
    write(
        dir.path(),
        "broken.jsonl",
        format!("{first}\n{{\"id\": \"x\", \"text\": \"unterminated}}\n"),
    );
    let output = claimdiff_with_stdin(&["extract", "broken.jsonl"], dir.path(), b"");
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.starts_with("claimdiff: error: broken.jsonl: line 2: not a JSON record"),
        "{message}"
    );
}

#[test]
fn json_format_holds_the_tables_with_the_csv_field_names() {
    let dir = workspace();
    compare_ok(&["compare", "inputs", "--out", "csv", "-q"], dir.path());
    compare_ok(
        &[
            "compare", "inputs", "--out", "json", "--format", "json", "-q",
        ],
        dir.path(),
    );
    let names: Vec<String> = fs::read_dir(dir.path().join("json"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["claimdiff.json"]);
    let document: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("json/claimdiff.json")).unwrap()).unwrap();
    for (key, file) in [
        ("claims", "claims.csv"),
        ("agreements", "agreements.csv"),
        ("conflicts", "conflicts.csv"),
        ("unique", "unique.csv"),
        ("reports", "reports.csv"),
    ] {
        let csv = fs::read_to_string(dir.path().join("csv").join(file)).unwrap();
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let rows = document[key]
            .as_array()
            .unwrap_or_else(|| panic!("no {key}"));
        assert_eq!(rows.len(), reader.records().count(), "{key}: row count");
        assert!(!rows.is_empty(), "{key} is empty");
        let fields: Vec<String> = rows[0].as_object().unwrap().keys().cloned().collect();
        let mut sorted_header = header.clone();
        sorted_header.sort();
        assert_eq!(fields, sorted_header, "{key}: field names");
    }
    assert_eq!(document["conflicts"][0]["kind"], "time");
    assert_eq!(document["reports"][0]["report"], "coast-radio");

    // extract: the claims document on standard output.
    let output = claimdiff_with_stdin(
        &["extract", "inputs/harbour-herald.html", "--format", "json"],
        dir.path(),
        b"",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let claims: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(claims["claims"][0]["claim_id"], "harbour-herald#1");
}

#[test]
fn json_keeps_text_that_csv_guards_against_formulas() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "odd.txt",
        "-2 firefighters were hurt, officials said.\n",
    );
    let output = claimdiff_with_stdin(&["extract", "odd.txt", "--format", "json"], dir.path(), b"");
    let claims: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        claims["claims"][0]["text"],
        "-2 firefighters were hurt, officials said."
    );
    let output = claimdiff_with_stdin(&["extract", "odd.txt"], dir.path(), b"");
    assert!(
        stdout(&output).contains(",\"'-2 firefighters"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn html_report_is_one_self_contained_page() {
    let dir = workspace();
    compare_ok(
        &[
            "compare",
            "inputs",
            "--out",
            "out",
            "--html",
            "pages/report.html",
            "-q",
        ],
        dir.path(),
    );
    assert!(dir.path().join("out/conflicts.csv").is_file());
    let page = fs::read_to_string(dir.path().join("pages/report.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<th>harbour-herald</th>"), "matrix header");
    assert!(
        page.contains("Harbour Herald"),
        "outlet from the page's metadata"
    );
    assert!(page.contains("<mark>Fifty firefighters</mark>"));
    assert!(page.contains("A nearby warehouse was also damaged"));
    for external in ["<script", "<link", "src=", "href=", "http:", "https:"] {
        assert!(!page.contains(external), "{external} in the page");
    }
}

#[test]
fn generate_prints_completions_and_a_man_page() {
    let dir = tempfile::tempdir().unwrap();
    let output = claimdiff_with_stdin(&["generate", "completions", "bash"], dir.path(), b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let script = stdout(&output);
    assert!(
        script.contains("claimdiff") && script.contains("--format"),
        "{script}"
    );
    let output = claimdiff_with_stdin(&["generate", "man"], dir.path(), b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let man = stdout(&output);
    assert!(man.contains(".TH claimdiff 1"), "{man}");
    assert!(man.contains("compare"), "{man}");
}

#[test]
fn piped_stderr_shows_no_progress_bar_only_the_summary() {
    let dir = workspace();
    let output = compare_ok(&["compare", "inputs", "--out", "out"], dir.path());
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message:?}");
    assert!(message.starts_with("claimdiff: 4 reports, "), "{message}");
    assert!(
        !message.contains('\r') && !message.contains('\u{1b}'),
        "{message:?}"
    );
}
