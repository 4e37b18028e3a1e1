//! The generated benchmark corpus through the real binary: the tables are
//! byte-identical for one and two threads.

use std::path::{Path, PathBuf};
use std::process::Command;

use claimdiff_eval::{corpus, event_reports, repo_root};

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

fn compare(corpus: &Path, out: &Path, threads: &str) {
    let output = Command::new(claimdiff_binary())
        .arg("compare")
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .args(["--quiet", "-j", threads])
        .output()
        .expect("claimdiff runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn generated_corpus_gives_identical_tables_for_one_and_two_threads() {
    let bases: Vec<String> = event_reports(&repo_root().join("fixtures/patriot-call"))
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture report"))
        .collect();
    assert!(!bases.is_empty());
    let dir = tempfile::tempdir().expect("temporary folder");
    let corpus_dir = dir.path().join("corpus");
    std::fs::create_dir(&corpus_dir).unwrap();
    for k in 1..=24 {
        let text = corpus::report(&bases, 1, k);
        std::fs::write(corpus_dir.join(format!("r{k:04}.txt")), text).unwrap();
    }
    let (one, two) = (dir.path().join("j1"), dir.path().join("j2"));
    compare(&corpus_dir, &one, "1");
    compare(&corpus_dir, &two, "2");
    for table in [
        "claims.csv",
        "agreements.csv",
        "conflicts.csv",
        "unique.csv",
        "reports.csv",
        "disputes.csv",
        "dispute_members.csv",
    ] {
        let a = std::fs::read(one.join(table)).unwrap();
        let b = std::fs::read(two.join(table)).unwrap();
        assert!(a == b, "{table} differs between -j1 and -j2");
        if table == "conflicts.csv" || table == "agreements.csv" || table == "dispute_members.csv" {
            let rows = a.iter().filter(|&&c| c == b'\n').count();
            assert!(
                rows > 10,
                "{table}: only {rows} lines, the corpus should vary"
            );
        }
    }
}
