//! Bad, hostile and huge inputs through the real `claimdiff` binary: each ends in a
//! named error or a correct result, never a panic, a lost table or a dangerous cell.
//! (`cli.rs` covers the first cases of several of these; the tests here extend them.)

mod common;

use std::fs;
use std::path::Path;

use common::*;

const WIRE: &str = "Fire destroyed the old mill on Friday, officials said.\n\n\
    About 40 firefighters fought the blaze for six hours. No one was hurt.\n";
const TABLOID: &str =
    "Fifty firefighters battled the flames for five hours, fire chief Anna Berg said.\n\n\
    The mill was destroyed on Friday.\n";

fn assert_no_panic(output: &std::process::Output) {
    let message = stderr(output);
    assert!(!message.contains("panicked"), "{message}");
    assert!(
        matches!(output.status.code(), Some(0..=2)),
        "exit {:?}: {message}",
        output.status.code()
    );
}

/// True when this process can read a file whose permissions forbid it (root, or
/// CAP_DAC_OVERRIDE): permission tests cannot fail a read for such a user.
fn permissions_are_bypassed(folder: &Path) -> bool {
    let probe = write(folder, "probe", "x");
    set_mode(&probe, 0o000);
    let bypassed = fs::read(&probe).is_ok();
    set_mode(&probe, 0o644);
    bypassed
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// Claims of a `claims.csv` as (start, end, text), checked against the report text.
fn assert_claims_are_spans_of(claims_csv: &[u8], report: &str, text: &str) {
    let rows = cells(claims_csv);
    let header = &rows[0];
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (report_col, start, end, text_col) = (
        column("report"),
        column("start"),
        column("end"),
        column("text"),
    );
    let mut seen = 0;
    for row in rows.iter().skip(1).filter(|row| row[report_col] == report) {
        let (s, e): (usize, usize) = (row[start].parse().unwrap(), row[end].parse().unwrap());
        let span = text.get(s..e).expect("claim span on char boundaries");
        let folded = span.split_whitespace().collect::<Vec<_>>().join(" ");
        let cell = row[text_col].strip_prefix('\'').unwrap_or(&row[text_col]);
        assert!(
            folded == cell || folded == row[text_col],
            "{folded:?} vs {cell:?}"
        );
        seen += 1;
    }
    assert!(seen > 0, "report {report} has claims");
}

// ---- invalid UTF-8 --------------------------------------------------------------

#[test]
fn invalid_utf8_deep_in_a_folder_report_is_decoded_lossily_and_compared() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = WIRE.as_bytes().to_vec();
    let offset = 23; // inside "the old mill"
    bytes.splice(offset..offset, [0xff, 0xfe, 0xc3]);
    write(dir.path(), "in/broken.txt", &bytes);
    write(dir.path(), "in/tabloid.txt", TABLOID);
    let output = claimdiff(&["compare", "in", "--out", "out", "-q"], dir.path());
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let message = stderr(&output);
    let path = format!("in{}broken.txt", std::path::MAIN_SEPARATOR);
    assert!(
        message.contains(&format!("{path}: invalid UTF-8 at byte {offset}")),
        "{message}"
    );
    let decoded = String::from_utf8_lossy(&bytes);
    assert!(decoded.contains('\u{fffd}'));
    let claims = fs::read(dir.path().join("out/claims.csv")).unwrap();
    assert_claims_are_spans_of(&claims, "broken", &decoded);
    assert!(String::from_utf8(claims).unwrap().contains('\u{fffd}'));
}

#[test]
fn invalid_utf8_on_stdin_names_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let output = claimdiff_with_stdin(
        &["extract", "-"],
        dir.path(),
        b"Police said 12 \xc0 people left.\n",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("stdin: invalid UTF-8 at byte 15"),
        "{}",
        stderr(&output)
    );
}

// ---- binary files ---------------------------------------------------------------

#[test]
fn binary_files_in_a_folder_are_skipped_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "in/wire.txt", WIRE);
    // UTF-16 text is full of NUL bytes: skipped like any binary file.
    let utf16: Vec<u8> = "Police said"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    write(dir.path(), "in/utf16.txt", utf16);
    write(dir.path(), "in/archive.md", b"PK\x03\x04\x14\x00\x00\x00");
    let output = claimdiff(&["extract", "in"], dir.path());
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.contains("utf16.txt: skipped: binary file"),
        "{message}"
    );
    assert!(
        message.contains("archive.md: skipped: binary file"),
        "{message}"
    );
    let rows = cells(&output.stdout);
    assert!(rows.len() > 1, "the text report's claims are written");
    assert!(rows.iter().skip(1).all(|row| row[1] == "wire"), "{rows:?}");
}

#[test]
fn only_binary_inputs_give_empty_tables_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00");
    let output = claimdiff(&["compare", "photo.txt", "--out", "out", "-q"], dir.path());
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(names_in(&dir.path().join("out")), sorted_tables());
    for table in TABLES {
        let rows = cells(&fs::read(dir.path().join("out").join(table)).unwrap());
        assert_eq!(rows.len(), 1, "{table}: header only");
    }
}

fn sorted_tables() -> Vec<String> {
    let mut tables = TABLES.map(String::from).to_vec();
    tables.sort();
    tables
}

// ---- empty and blank ------------------------------------------------------------

#[test]
fn blank_file_and_empty_stdin_are_reports_without_claims() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "blank.txt", " \n\n\t \r\n");
    write(dir.path(), "wire.txt", WIRE);
    let output = claimdiff(
        &[
            "compare",
            "blank.txt",
            "wire.txt",
            "-",
            "--out",
            "out",
            "-q",
        ],
        dir.path(),
    );
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.contains("blank.txt: the report is empty"),
        "{message}"
    );
    assert!(message.contains("stdin: the report is empty"), "{message}");
    let reports = fs::read_to_string(dir.path().join("out/reports.csv")).unwrap();
    assert!(reports.contains("\nblank,blank.txt,0,0,0,0\n"), "{reports}");
    assert!(reports.contains("\nstdin,stdin,0,0,0,0\n"), "{reports}");
}

// ---- huge inputs ----------------------------------------------------------------

fn huge_report_is_parsed_whole(bytes: usize) {
    let dir = tempfile::tempdir().unwrap();
    let text = generated_report(bytes);
    write(dir.path(), "huge.txt", &text);
    write(dir.path(), "wire.txt", WIRE);
    let output = claimdiff(
        &["compare", "huge.txt", "wire.txt", "--out", "out", "-q"],
        dir.path(),
    );
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let claims = fs::read(dir.path().join("out/claims.csv")).unwrap();
    let rows = cells(&claims);
    let last_end: usize = rows
        .iter()
        .filter(|row| row[1] == "huge")
        .map(|row| row[4].parse::<usize>().unwrap())
        .max()
        .unwrap();
    // The whole report was read: claims reach its last paragraph.
    assert!(last_end + 400 > text.len(), "{last_end} of {}", text.len());
    let paragraphs = text.matches("\n\n").count();
    let huge_claims = rows.iter().filter(|row| row[1] == "huge").count();
    assert!(
        huge_claims >= paragraphs,
        "{huge_claims} claims for {paragraphs} paragraphs"
    );
}

#[test]
fn ten_megabyte_report_is_parsed_whole() {
    huge_report_is_parsed_whole(10_000_000);
}

#[test]
#[ignore = "100 MB is slow in a debug build; run in release: scripts/huge-inputs.sh"]
fn hundred_megabyte_report_is_parsed_whole() {
    huge_report_is_parsed_whole(100_000_000);
}

#[test]
fn one_megabyte_sentence_is_parsed_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut sentence = String::from("Officials said that");
    let mut n = 0;
    while sentence.len() < 1_000_000 {
        sentence.push_str(&format!(" the {n} firefighters and"));
        n += 1;
    }
    sentence.push_str(" the mayor were safe.\n");
    write(dir.path(), "long.txt", &sentence);
    let output = claimdiff(&["extract", "long.txt"], dir.path());
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let rows = cells(&output.stdout);
    assert!(rows.len() > 1, "the sentence yields claims");
    let covered: usize = rows.iter().skip(1).map(|row| row[12].len()).sum();
    assert!(
        covered > 900_000,
        "claims cover the sentence: {covered} bytes"
    );
    assert_claims_are_spans_of(&output.stdout, "long", &sentence);
}

// ---- quotation marks ------------------------------------------------------------

#[test]
fn unbalanced_quotation_marks_do_not_swallow_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\"It was the biggest fire in years, said Anna Berg.\n\n\
        Police closed the road on Friday.\n\n\
        “The mill is gone “ she added, « never to return.\n\n\
        About 40 firefighters fought the blaze.\n";
    write(dir.path(), "quotes.txt", text);
    let output = claimdiff(&["extract", "quotes.txt"], dir.path());
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let rows = cells(&output.stdout);
    for later in [
        "Police closed the road on Friday.",
        "About 40 firefighters fought the blaze.",
    ] {
        let row = rows
            .iter()
            .find(|row| row[12] == later)
            .unwrap_or_else(|| panic!("{later:?} is its own claim: {rows:?}"));
        assert_eq!(row[5], "statement", "{row:?}");
    }
    assert_claims_are_spans_of(&output.stdout, "quotes", text);
}

// ---- report ids -----------------------------------------------------------------

#[test]
fn same_stem_with_two_extensions_is_a_duplicate_id() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "in/wire.txt", WIRE);
    write(dir.path(), "in/wire.md", TABLOID);
    let output = claimdiff(&["compare", "in", "--out", "out"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("report id `wire`: used by both"),
        "{message}"
    );
    assert!(
        message.contains("wire.md") && message.contains("wire.txt"),
        "{message}"
    );
    assert!(!dir.path().join("out").exists(), "nothing written on error");
}

#[test]
fn stdin_and_a_file_called_stdin_clash() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "stdin.txt", WIRE);
    let output = claimdiff_with_stdin(
        &["extract", "stdin.txt", "-"],
        dir.path(),
        TABLOID.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("report id `stdin`"),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty());
}

// ---- missing and unreadable -----------------------------------------------------

#[test]
fn a_missing_file_among_good_ones_stops_the_run_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "wire.txt", WIRE);
    write(dir.path(), "out/claims.csv", "earlier results");
    let output = claimdiff(
        &["compare", "wire.txt", "gone.txt", "--out", "out"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("claimdiff: error: gone.txt: cannot read"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("out/claims.csv")).unwrap(),
        "earlier results"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let locked = write(dir.path(), "locked.txt", WIRE);
    set_mode(&locked, 0o000);
    let output = claimdiff(&["extract", "locked.txt"], dir.path());
    set_mode(&locked, 0o644);
    assert_no_panic(&output);
    if permissions_are_bypassed(dir.path()) {
        // Root reads a mode-000 file: the run succeeds, which is the correct result.
        eprintln!(
            "note: running with permission override (root); unreadable-file assertion skipped"
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        return;
    }
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("locked.txt: cannot read: Permission denied"),
        "{message}"
    );
}

// ---- output that cannot be written ---------------------------------------------

#[test]
fn out_below_a_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "wire.txt", WIRE);
    write(dir.path(), "blocker", "a file");
    let output = claimdiff(&["compare", "wire.txt", "--out", "blocker/out"], dir.path());
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("blocker/out: cannot create the output folder"),
        "{message}"
    );

    let output = claimdiff(
        &["extract", "wire.txt", "--out", "blocker/claims.csv"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot write"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("blocker")).unwrap(),
        "a file"
    );
}

#[cfg(unix)]
#[test]
fn read_only_output_folder_keeps_earlier_results() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "wire.txt", WIRE);
    let out = dir.path().join("out");
    write(&out, "claims.csv", "earlier results");
    set_mode(&out, 0o555);
    let output = claimdiff(&["compare", "wire.txt", "--out", "out", "-q"], dir.path());
    set_mode(&out, 0o755);
    assert_no_panic(&output);
    if permissions_are_bypassed(dir.path()) {
        eprintln!(
            "note: running with permission override (root); read-only folder assertion skipped"
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        return;
    }
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("earlier results were left unchanged"),
        "{message}"
    );
    assert_eq!(
        fs::read_to_string(out.join("claims.csv")).unwrap(),
        "earlier results"
    );
    assert_eq!(names_in(&out), ["claims.csv"]);
}

// ---- inputs that are outputs ----------------------------------------------------

#[cfg(unix)]
#[test]
fn input_reached_through_a_link_or_folder_is_still_an_output() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "out/reports.csv", "earlier results");
    std::os::unix::fs::symlink("out/reports.csv", dir.path().join("link.txt")).unwrap();
    let output = claimdiff(&["compare", "link.txt", "--out", "out"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("link.txt: is both an input report and an output file"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("out/reports.csv")).unwrap(),
        "earlier results"
    );

    // A folder search that finds the output file.
    write(dir.path(), "in/wire.txt", WIRE);
    let output = claimdiff(&["extract", "in", "--out", "in/wire.txt"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(dir.path().join("in/wire.txt")).unwrap(),
        WIRE
    );
}

// ---- formula injection ----------------------------------------------------------

const HOSTILE_LINES: [&str; 6] = [
    "=HYPERLINK(\"http://x\",\"y\") was posted by the council on Friday.",
    "@SUM(1+1) people were evacuated from the mill, police said.",
    "+cmd|' /C calc'!A0 was written on the wall of the mill.",
    "-2+3 firefighters were injured in the blaze on Friday.",
    "\tTab-led line: 40 firefighters fought the blaze for six hours.",
    "=1+1 The mayor said the mill would not be rebuilt.",
];

#[test]
fn no_cell_of_any_table_starts_like_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = HOSTILE_LINES.join("\n\n");
    // Report ids, and so claim ids and sources, can start with a trigger too.
    write(dir.path(), "in/=evil().txt", &hostile);
    write(dir.path(), "in/-dash.txt", &hostile);
    // Agreeing and conflicting versions, so that every table has rows.
    let other = "\"=HYPERLINK(\\\"http://x\\\") was posted by the council on Thursday.\n\n\
        @SUM(1+1) people were evacuated from the mill, police said.\n\n\
        -5 firefighters were injured in the blaze on Friday.\n\n\
        @mayor: the mill would be rebuilt, the mayor said.\n";
    write(dir.path(), "in/@other.txt", other);
    write(dir.path(), "in/+plus.txt", WIRE);
    let output = claimdiff(&["compare", "in", "--out", "out", "-q"], dir.path());
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut rows_seen = 0;
    for table in TABLES {
        let rows = cells(&fs::read(dir.path().join("out").join(table)).unwrap());
        for cell in rows.iter().flatten() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']),
                "{table}: unsafe cell {cell:?}"
            );
        }
        assert!(rows.len() > 1, "{table} has rows to check: {rows:?}");
        rows_seen += rows.len() - 1;
    }
    assert!(rows_seen > 10);
    // Neutralised the documented way: a leading single quote, text otherwise intact.
    let claims = fs::read_to_string(dir.path().join("out/claims.csv")).unwrap();
    assert!(claims.contains("'=evil()#1"), "{claims}");
    assert!(
        claims.contains("'@SUM(1+1) people were evacuated"),
        "{claims}"
    );
    assert!(claims.contains("'+cmd|' /C calc'!"), "{claims}");
    assert!(claims.contains("'-2+3 firefighters"), "{claims}");
}

// ---- exit codes -----------------------------------------------------------------

#[test]
fn head_closing_the_pipe_after_one_line_is_not_an_error() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "big.txt", generated_report(2_000_000));
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(["extract", "big.txt"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here, like `head -n 1` exiting.
    assert!(first.starts_with("claim_id,"), "{first}");
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
}
