//! Property test through the real binary: on a generated folder of reports, the five
//! tables are byte-identical for `-j 1` and `-j 2` and across repeated runs.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use proptest::prelude::*;

/// Sentences from the fixture events, so that generated reports agree, conflict and
/// carry quotes, numbers and days.
fn fixture_sentences() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut sentences = Vec::new();
    for event in ["mill-fire", "flood-vote", "patriot-call"] {
        for report in ["wire", "broadcaster", "tabloid"] {
            let text = fs::read_to_string(root.join(event).join(format!("{report}.txt"))).unwrap();
            sentences.extend(
                text.split("\n\n")
                    .map(str::trim)
                    .filter(|paragraph| paragraph.len() > 30)
                    .map(str::to_string),
            );
        }
    }
    sentences
}

fn run(dir: &Path, out: &str, threads: &str) -> Vec<Vec<u8>> {
    let output = claimdiff(
        &["compare", "reports", "--out", out, "-j", threads, "-q"],
        dir,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    TABLES
        .iter()
        .map(|table| fs::read(dir.join(out).join(table)).unwrap())
        .collect()
}

proptest! {
    // Each case runs the binary three times: a few cases cover the property.
    #![proptest_config(ProptestConfig::with_cases(10))]

    #[test]
    fn tables_are_identical_for_any_thread_count_and_run(
        picks in prop::collection::vec(prop::collection::vec(any::<prop::sample::Index>(), 1..12), 2..7)
    ) {
        let sentences = fixture_sentences();
        let dir = tempfile::tempdir().unwrap();
        for (number, report) in picks.iter().enumerate() {
            let text: Vec<&str> = report.iter().map(|pick| pick.get(&sentences).as_str()).collect();
            write(dir.path(), &format!("reports/outlet{number}.txt"), text.join("\n\n"));
        }
        let one = run(dir.path(), "one", "1");
        let two = run(dir.path(), "two", "2");
        let again = run(dir.path(), "again", "2");
        for (index, table) in TABLES.iter().enumerate() {
            prop_assert!(one[index] == two[index], "{} differs between -j 1 and -j 2", table);
            prop_assert!(two[index] == again[index], "{} differs between two runs", table);
        }
    }
}
