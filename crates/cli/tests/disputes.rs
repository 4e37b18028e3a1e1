//! End-to-end: `disputes.csv` and `dispute_members.csv` summarise `conflicts.csv`
//! per disputed point, and agree with it row for row.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use common::claimdiff;

/// Rows of a CSV table as maps from column name to cell.
fn rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            header
                .iter()
                .cloned()
                .zip(record.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// The patriot-call event with the wire report copied twice and the tabloid once
/// more: the call's length is then "about 40 minutes" in three reports (liveblog,
/// wire, wire-copy), "40 minutes" in one (broadcaster) and "a full hour" in two
/// (tabloid, tabloid-copy).
fn event_with_copies(folder: &Path) {
    let event = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/patriot-call");
    let reports = folder.join("reports");
    fs::create_dir_all(&reports).unwrap();
    for name in ["broadcaster", "liveblog", "regional", "tabloid", "wire"] {
        let text = fs::read_to_string(event.join(format!("{name}.txt"))).unwrap();
        fs::write(reports.join(format!("{name}.txt")), &text).unwrap();
        if name == "wire" || name == "tabloid" {
            fs::write(reports.join(format!("{name}-copy.txt")), &text).unwrap();
        }
    }
}

#[test]
fn disputes_summarise_the_conflict_pairs() {
    let dir = tempfile::tempdir().unwrap();
    event_with_copies(dir.path());
    let output = claimdiff(&["compare", "reports", "--out", "out", "-q"], dir.path());
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let out = dir.path().join("out");
    let conflicts = rows(&out.join("conflicts.csv"));
    let disputes = rows(&out.join("disputes.csv"));
    let members = rows(&out.join("dispute_members.csv"));
    assert!(!conflicts.is_empty() && !disputes.is_empty());

    // The split over the call's length: one dispute, three values (the two forties
    // agree with each other), the four reports of forty against the two of an hour.
    let length: Vec<_> = disputes
        .iter()
        .filter(|d| d["values"].contains("40 minute (approx)"))
        .collect();
    assert_eq!(length.len(), 1, "{disputes:?}");
    let length = length[0];
    assert_eq!(length["kind"], "number");
    assert_eq!(
        length["values"],
        "40 minute (approx) [3 reports]; 1 hour [2 reports]; 40 minute [1 report]"
    );
    assert_eq!(length["claims"], "7");
    assert_eq!(length["reports"], "6");
    assert_eq!(length["conflict_rows"], "10");
    let length_members: BTreeSet<(String, String)> = members
        .iter()
        .filter(|m| m["dispute_id"] == length["dispute_id"])
        .map(|m| (m["claim_id"].clone(), m["value"].clone()))
        .collect();
    let hour = |id: &str| (id.to_string(), "1 hour".to_string());
    let forty = |id: &str| (id.to_string(), "40 minute (approx)".to_string());
    assert_eq!(
        length_members,
        BTreeSet::from([
            ("broadcaster#13".to_string(), "40 minute".to_string()),
            forty("liveblog#9"),
            forty("liveblog#10"),
            forty("wire#6"),
            forty("wire-copy#6"),
            hour("tabloid#4"),
            hour("tabloid-copy#4"),
        ])
    );

    // Every conflict row is counted by exactly one dispute of its kind, and both
    // of its claims are members of that dispute with the values the row names.
    let total: usize = disputes
        .iter()
        .map(|d| d["conflict_rows"].parse::<usize>().unwrap())
        .sum();
    assert_eq!(total, conflicts.len());
    let kind_of: BTreeMap<&str, &str> = disputes
        .iter()
        .map(|d| (d["dispute_id"].as_str(), d["kind"].as_str()))
        .collect();
    let member_set: BTreeSet<(&str, &str, &str)> = members
        .iter()
        .map(|m| {
            (
                kind_of[m["dispute_id"].as_str()],
                m["claim_id"].as_str(),
                m["value"].as_str(),
            )
        })
        .collect();
    for conflict in &conflicts {
        for side in ["a", "b"] {
            let key = (
                conflict["kind"].as_str(),
                conflict[&format!("claim_{side}")].as_str(),
                conflict[&format!("value_{side}")].as_str(),
            );
            assert!(member_set.contains(&key), "{key:?} missing from members");
        }
    }
    // Ids are d1..dn in order, and every member names an existing dispute.
    for (index, dispute) in disputes.iter().enumerate() {
        assert_eq!(dispute["dispute_id"], format!("d{}", index + 1));
    }
}
