//! Runs the real `claimdiff` binary on small inputs made up in temporary folders.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use common::*;

const WIRE: &str = "Fire destroyed the old mill on Friday, officials said.\n\n\
    About 40 firefighters fought the blaze for six hours. No one was hurt.\n";
const TABLOID: &str = "BLAZE HORROR: Mill gutted!\n\n\
    Fifty firefighters battled the flames for five hours, fire chief Anna Berg said.\n";
const BROADCASTER: &str = "The mill fire on Friday was put out after six hours.\r\n\
    \"It was the biggest fire in years,\" said Anna Berg.\r\n";

fn three_reports(folder: &Path) {
    write(folder, "reports/wire.txt", WIRE);
    write(folder, "reports/tabloid.txt", TABLOID);
    write(folder, "reports/broadcaster.md", BROADCASTER);
}

#[test]
fn help_lists_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let output = claimdiff(&["--help"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let help = stdout(&output);
    assert!(help.contains("compare"), "{help}");
    assert!(help.contains("extract"), "{help}");
    let output = claimdiff(&["compare", "--help"], dir.path());
    assert!(output.status.success());
    assert!(stdout(&output).contains("--threads"));
}

#[test]
fn missing_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let output = claimdiff(&["extract", "no-such-report.txt"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.starts_with("claimdiff: error: no-such-report.txt: "),
        "{message}"
    );
}

#[test]
fn duplicate_ids_from_two_folders_name_both_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "one/wire.txt", WIRE);
    write(dir.path(), "two/wire.txt", TABLOID);
    let output = claimdiff(&["compare", "one", "two", "--out", "out"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("`wire`"), "{message}");
    assert!(
        message.contains(&format!("one{}wire.txt", std::path::MAIN_SEPARATOR)),
        "{message}"
    );
    assert!(
        message.contains(&format!("two{}wire.txt", std::path::MAIN_SEPARATOR)),
        "{message}"
    );
    assert!(
        !dir.path().join("out").exists(),
        "nothing is written on error"
    );
}

#[test]
fn binary_file_is_skipped_and_the_others_processed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "wire.txt", WIRE);
    write(
        dir.path(),
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    let output = claimdiff(
        &[
            "compare",
            "wire.txt",
            "photo.txt",
            "--out",
            "out",
            "--quiet",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains("photo.txt: skipped: binary"), "{message}");
    let reports = fs::read_to_string(dir.path().join("out/reports.csv")).unwrap();
    assert!(reports.contains("\nwire,wire.txt,"), "{reports}");
    assert!(!reports.contains("photo"), "{reports}");
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning_giving_the_offset() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "latin1.txt",
        b"Caf\xe9 owner said the fire started at 3 a.m.\n",
    );
    let output = claimdiff(&["extract", "latin1.txt"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.contains("latin1.txt: invalid UTF-8 at byte 3"),
        "{message}"
    );
}

#[test]
fn empty_file_is_a_report_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", "");
    let output = claimdiff(&["compare", "empty.txt", "--out", "out", "-q"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("empty.txt: the report is empty"));
    let reports = fs::read_to_string(dir.path().join("out/reports.csv")).unwrap();
    assert!(reports.contains("\nempty,empty.txt,0,0,0,0\n"), "{reports}");
}

#[test]
fn html_page_without_article_text_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "wire.txt", WIRE);
    write(
        dir.path(),
        "empty.html",
        "<html><head><title></title></head><body></body></html>",
    );
    let output = claimdiff(&["extract", "wire.txt", "empty.html"], dir.path());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("empty.html: skipped: no article text found"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).contains("\nwire#1,"));
}

#[test]
fn stdin_is_a_report_called_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let output = claimdiff_with_stdin(
        &["compare", "-", "--out", "out", "--quiet"],
        dir.path(),
        WIRE.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let reports = fs::read_to_string(dir.path().join("out/reports.csv")).unwrap();
    assert!(reports.contains("\nstdin,stdin,"), "{reports}");
}

#[test]
fn no_cell_starts_like_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "injection.txt",
        "=HYPERLINK(\"http://evil.example\",\"Click\") said the council.\n\
         @SUM(1) people were evacuated, police said.\n\
         +cmd|'/c calc'!A1 was written on the wall.\n\
         -2+3 firefighters were injured, officials said.\n",
    );
    let output = claimdiff(&["extract", "injection.txt"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    for record in reader.records() {
        let record = record.unwrap();
        for cell in record.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']),
                "unsafe cell {cell:?}"
            );
        }
    }
}

#[test]
fn output_folder_that_is_a_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "wire.txt", WIRE);
    write(dir.path(), "results", "not a folder");
    let output = claimdiff(&["compare", "wire.txt", "--out", "results"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("results: the output folder is an existing file"),
        "{message}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("results")).unwrap(),
        "not a folder"
    );
}

#[test]
fn input_that_is_also_an_output_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "out/claims.csv", "old results");
    let output = claimdiff(&["compare", "out/claims.csv", "--out", "out"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("both an input report and an output file"));
    assert_eq!(
        fs::read_to_string(dir.path().join("out/claims.csv")).unwrap(),
        "old results"
    );

    write(dir.path(), "wire.txt", WIRE);
    let output = claimdiff(&["extract", "wire.txt", "--out", "./wire.txt"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(dir.path().join("wire.txt")).unwrap(),
        WIRE
    );
}

#[test]
fn output_is_identical_for_any_thread_count_and_argument_order() {
    let dir = tempfile::tempdir().unwrap();
    three_reports(dir.path());
    let one = claimdiff(
        &["compare", "reports", "--out", "one", "-j", "1", "--quiet"],
        dir.path(),
    );
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    let two = claimdiff(
        &[
            "compare",
            "reports/wire.txt",
            "reports/tabloid.txt",
            "reports/broadcaster.md",
            "--out",
            "two",
            "--threads",
            "2",
            "--quiet",
        ],
        dir.path(),
    );
    assert_eq!(two.status.code(), Some(0), "{}", stderr(&two));
    for table in TABLES {
        let a = fs::read(dir.path().join("one").join(table)).unwrap();
        let b = fs::read(dir.path().join("two").join(table)).unwrap();
        if table == "reports.csv" {
            // The source column names the path as given; compare everything else.
            let strip = |bytes: &[u8]| -> Vec<String> {
                String::from_utf8_lossy(bytes)
                    .lines()
                    .map(|line| {
                        line.split(',')
                            .enumerate()
                            .filter(|(i, _)| *i != 1)
                            .map(|(_, c)| c)
                            .collect::<Vec<_>>()
                            .join(",")
                    })
                    .collect()
            };
            assert_eq!(strip(&a), strip(&b), "{table}");
        } else {
            assert_eq!(a, b, "{table} differs between -j 1 and -j 2");
        }
    }
}

#[test]
fn compare_writes_seven_tables_atomically_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    three_reports(dir.path());
    let output = claimdiff(&["compare", "reports", "--out", "deep/out"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let summary = stderr(&output);
    assert!(summary.contains("3 reports"), "{summary}");
    assert!(summary.contains("conflicts in"), "{summary}");
    let mut names: Vec<String> = fs::read_dir(dir.path().join("deep/out"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected = TABLES.map(String::from).to_vec();
    expected.sort();
    assert_eq!(
        names, expected,
        "exactly the seven tables, no temporary files"
    );
    let claims = fs::read_to_string(dir.path().join("deep/out/claims.csv")).unwrap();
    assert!(claims.starts_with(
        "claim_id,report,sentence,start,end,kind,speaker,polarity,modality,entities,quantities,times,text\n"
    ));
}

#[test]
fn failed_write_leaves_earlier_results_intact() {
    let dir = tempfile::tempdir().unwrap();
    three_reports(dir.path());
    write(dir.path(), "out/claims.csv", "earlier results");
    // A folder where a table should go makes the write fail.
    fs::create_dir_all(dir.path().join("out/unique.csv")).unwrap();
    let output = claimdiff(&["compare", "reports", "--out", "out", "-q"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("unique.csv"), "{message}");
    assert!(
        message.contains("earlier results were left unchanged"),
        "{message}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("out/claims.csv")).unwrap(),
        "earlier results"
    );
    let leftovers: Vec<String> = fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn extract_writes_the_claims_table_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    three_reports(dir.path());
    let output = claimdiff(&["extract", "reports", "--out", "claims.csv"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let claims = fs::read_to_string(dir.path().join("claims.csv")).unwrap();
    assert!(claims.starts_with("claim_id,report,"), "{claims}");
}

#[test]
fn closed_stdout_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    three_reports(dir.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(["extract", "reports"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Like `| head` ending early: the reader is gone before (or while) the table is written.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!stderr(&output).contains("error"), "{}", stderr(&output));
}

#[test]
fn a_stricter_min_similarity_groups_less() {
    let dir = tempfile::tempdir().unwrap();
    three_reports(dir.path());
    let agreement_rows = |out: &str, extra: &[&str]| {
        let mut args = vec!["compare", "reports", "--out", out, "--quiet"];
        args.extend_from_slice(extra);
        let output = claimdiff(&args, dir.path());
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let csv = fs::read(dir.path().join(out).join("agreements.csv")).unwrap();
        cells(&csv).len()
    };
    let default = agreement_rows("default", &[]);
    let strict = agreement_rows("strict", &["--min-similarity", "1"]);
    assert!(strict < default, "{strict} rows vs {default}");
    let output = claimdiff(
        &[
            "compare",
            "reports",
            "--out",
            "bad",
            "--min-similarity",
            "2",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("--min-similarity"));
}
