//! Helpers shared by the end-to-end tests that run the real `claimdiff` binary.
#![allow(dead_code)] // each test file uses a different part

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const TABLES: [&str; 7] = [
    "claims.csv",
    "agreements.csv",
    "conflicts.csv",
    "unique.csv",
    "reports.csv",
    "disputes.csv",
    "dispute_members.csv",
];

pub fn claimdiff(args: &[&str], cwd: &Path) -> Output {
    claimdiff_with_stdin(args, cwd, b"")
}

pub fn claimdiff_with_stdin(args: &[&str], cwd: &Path, stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the claimdiff binary starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    // The binary may not read stdin at all; a closed pipe is fine then.
    let _ = pipe.write_all(stdin);
    drop(pipe);
    child.wait_with_output().expect("claimdiff runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn write(folder: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = folder.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, content).unwrap();
    path
}

/// Every record of a CSV table (header included), each a list of cells.
pub fn cells(csv_bytes: &[u8]) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_bytes);
    reader
        .records()
        .map(|record| {
            record
                .expect("a well-formed CSV record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// Files in a folder, sorted by name.
pub fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A long, varied news report of at least `bytes` bytes: paragraphs of statements,
/// quotes, numbers, weekdays and names, so that every parser pass has work to do.
/// Deterministic for a given size.
pub fn generated_report(bytes: usize) -> String {
    const NAMES: [&str; 6] = [
        "Anna Berg",
        "Mr Trump",
        "Volodymyr Zelenskyy",
        "the fire chief",
        "police",
        "officials",
    ];
    const DAYS: [&str; 4] = ["Friday", "Thursday", "4 July", "last week"];
    let mut text = String::with_capacity(bytes + 512);
    let mut n: usize = 0;
    while text.len() < bytes {
        let name = NAMES[n % NAMES.len()];
        let day = DAYS[(n / 7) % DAYS.len()];
        let count = 10 + (n * 37) % 990;
        text.push_str(&format!(
            "About {count} firefighters fought the blaze at mill {n} on {day}, {name} said. \
             \"It was the biggest fire in {} years,\" said {name}. \
             The council did not say whether {} people were evacuated.\n\n",
            n % 50 + 2,
            count / 3
        ));
        n += 1;
    }
    text
}
