//! Opens the report in real headless Chromium and checks what a person sees: the report
//! names heading the matrix, both values of a conflict highlighted, a unique claim.
//!
//! A probe script is added to a copy of the page (the report itself has no script); it
//! collects the rendered `innerText` (which leaves out anything CSS hides) and the
//! highlight colour, and Chromium's `--dump-dom` hands them back.
//!
//! Chromium missing: the test fails when `CI` is set (`.ci/run` installs it) and is
//! skipped with a message otherwise.

use std::fs;
use std::path::Path;
use std::process::Command;

use claimdiff_parser::{parse_report, Report, ReportInput};

const CHROMIUM: &str = "chromium";

const PROBE: &str = r#"<script>
const texts = (selector) => Array.from(document.querySelectorAll(selector)).map((e) => e.innerText.trim());
const mark = document.querySelector(".conflict mark");
const probe = document.createElement("pre");
probe.id = "probe";
probe.textContent = JSON.stringify({
  header: texts("table.matrix thead th"),
  conflicts: texts(".conflict"),
  marks: texts(".conflict blockquote mark"),
  unique: texts("ul.unique li"),
  markBackground: mark ? getComputedStyle(mark).backgroundColor : "",
});
document.body.appendChild(probe);
</script>
"#;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/inputs")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// The fixture inputs, read as the CLI reads them, parsed and compared.
fn fixture_reports() -> Vec<Report> {
    let page = claimdiff_input::read_html(&fixture("harbour-herald.html")).unwrap();
    let mut inputs = vec![ReportInput {
        id: "harbour-herald".into(),
        source: "harbour-herald.html".into(),
        text: page.text,
        published: page.published,
        outlet: page.outlet,
        dateline_year: None,
    }];
    for record in claimdiff_input::read_jsonl(&fixture("feed.jsonl")).unwrap() {
        inputs.push(ReportInput {
            id: record.id,
            source: format!("feed.jsonl:{}", record.line),
            text: record.document.text,
            published: record.document.published,
            outlet: record.document.outlet,
            dateline_year: None,
        });
    }
    inputs.sort_by(|a, b| a.id.cmp(&b.id));
    claimdiff_parser::infer_dateline_years(&mut inputs);
    inputs.into_iter().map(parse_report).collect()
}

fn chromium_available() -> bool {
    Command::new(CHROMIUM)
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn report_shows_matrix_conflicts_and_unique_claims_in_chromium() {
    if !chromium_available() {
        let message = "the HTML report test needs Chromium (`apt-get install -y chromium`); it is not installed";
        if std::env::var_os("CI").is_some() {
            panic!("{message}; .ci/run installs it, so this CI machine is broken");
        }
        eprintln!("SKIPPED: {message}");
        return;
    }
    let reports = fixture_reports();
    let comparison = claimdiff_matcher::compare(&reports);
    let page = claimdiff_html::render(&reports, &comparison);

    let dir = tempfile::tempdir().unwrap();
    let probed = page.replace("</body>", &format!("{PROBE}</body>"));
    let file = dir.path().join("report.html");
    fs::write(&file, probed).unwrap();
    let profile = dir.path().join("profile");
    let output = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&output.stdout);
    let probe = dom
        .split_once("<pre id=\"probe\">")
        .and_then(|(_, rest)| rest.split_once("</pre>"))
        .map(|(json, _)| unescape(json))
        .unwrap_or_else(|| {
            panic!(
                "no probe in Chromium's DOM; stderr:\n{}",
                String::from_utf8_lossy(&output.stderr)
            )
        });
    let seen: serde_json::Value = serde_json::from_str(&probe).unwrap();
    let list = |key: &str| -> Vec<String> {
        seen[key]
            .as_array()
            .unwrap_or_else(|| panic!("{key} in {seen}"))
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect()
    };

    // The matrix is headed by every report's name.
    let header = list("header");
    for report in [
        "coast-radio",
        "county-wire",
        "evening-post",
        "harbour-herald",
    ] {
        assert!(
            header.contains(&report.to_string()),
            "{report} not in matrix header {header:?}"
        );
    }

    // Fifty against about 40 firefighters, side by side, both highlighted in the text.
    let conflicts = list("conflicts");
    let firefighters = conflicts
        .iter()
        .find(|c| c.contains("Fifty firefighters") && c.contains("About 40 firefighters"))
        .unwrap_or_else(|| panic!("no firefighter conflict in {conflicts:#?}"));
    assert!(firefighters.contains("50 firefighter"), "{firefighters}");
    let marks = list("marks");
    assert!(
        marks.contains(&"Fifty firefighters".to_string()),
        "{marks:?}"
    );
    assert!(
        marks.contains(&"About 40 firefighters".to_string()),
        "{marks:?}"
    );
    // Friday against Thursday.
    assert!(
        conflicts
            .iter()
            .any(|c| c.contains("Friday") && c.contains("Thursday")),
        "{conflicts:#?}"
    );
    // A highlight is visible: it has a background colour.
    let background = seen["markBackground"].as_str().unwrap_or_default();
    assert!(
        !background.is_empty() && background != "rgba(0, 0, 0, 0)",
        "marks have no background: {background:?}"
    );

    // A claim only Coast Radio carries.
    let unique = list("unique");
    assert!(
        unique
            .iter()
            .any(|c| c.contains("A nearby warehouse was also damaged")),
        "{unique:#?}"
    );
}
