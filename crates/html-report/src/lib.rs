//! claimdiff-html: renders a comparison as one self-contained HTML page.
//!
//! Data flow: [`render`] takes the parsed reports and the matcher's comparison and
//! returns the page as a `String` (the caller writes it). The page has four parts:
//! the reports read (`sections::overview`), a matrix of agreement groups × reports
//! showing who reports what (`sections::matrix`), conflicts side by side with the
//! disputed values marked (`sections::conflicts`, `highlight`), and each report's
//! unique claims (`sections::unique`). No scripts, fonts or other files: inline CSS
//! only, so the page opens offline and can be mailed as it is. All report text is
//! escaped (`escape`).

mod escape;
mod highlight;
mod sections;

use claimdiff_matcher::Comparison;
use claimdiff_parser::Report;

pub use escape::escape;

/// Inline style sheet: readable on screen and in print, no external resources.
const STYLE: &str = r#"
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5rem auto; max-width: 78rem; padding: 0 1rem; color: #1d1d1f; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
.lead { color: #555; margin-top: 0; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ddd; padding: .3rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #f4f4f6; position: sticky; top: 0; }
.matrix td.has { background: #d9f2df; text-align: center; color: #146c2e; font-weight: bold; }
.matrix td.has.disputed { background: #fde2c8; color: #8a4b00; }
.matrix td.none { text-align: center; color: #bbb; }
.matrix th.claim { font-weight: normal; max-width: 40rem; }
.matrix .group-id, .claim-id, .meta { color: #777; font-size: .85em; }
.conflict { border: 1px solid #e3c9a8; border-radius: 6px; margin: 1rem 0; padding: .6rem .8rem; background: #fffaf3; }
.conflict .explanation { margin: 0 0 .5rem; }
.kind { display: inline-block; background: #8a4b00; color: #fff; border-radius: 3px; padding: 0 .4rem; font-size: .8em; text-transform: uppercase; margin-right: .4rem; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.side { background: #fff; border: 1px solid #eee; border-radius: 4px; padding: .5rem .7rem; }
.side .report { font-weight: bold; }
.value { margin: .4rem 0 0; }
mark { background: #ffe066; padding: 0 .1em; border-radius: 2px; }
ul.unique li { margin-bottom: .3rem; }
.empty { color: #777; font-style: italic; }
@media print { thead th { position: static; } .conflict { break-inside: avoid; } }
"#;

/// The whole page.
pub fn render(reports: &[Report], comparison: &Comparison) -> String {
    let title = format!(
        "claimdiff: {} reports, {} agreement groups, {} conflicts",
        reports.len(),
        comparison.groups.len(),
        comparison.conflicts.len()
    );
    let mut page = String::new();
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str(&format!("<title>{}</title>\n", escape(&title)));
    page.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));
    page.push_str(&format!("<h1>{}</h1>\n", escape(&title)));
    page.push_str(
        "<p class=\"lead\">What several reports agree on, where they contradict each other, \
         and what only one of them says.</p>\n",
    );
    page.push_str(&sections::overview(reports, comparison));
    page.push_str(&sections::matrix(reports, comparison));
    page.push_str(&sections::conflicts(reports, comparison));
    page.push_str(&sections::unique(reports, comparison));
    page.push_str("</body>\n</html>\n");
    page
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdiff_matcher::{ClaimRef, Conflict, ConflictKind};
    use claimdiff_parser::{parse_report, ReportInput};

    fn report(id: &str, text: &str) -> Report {
        parse_report(ReportInput {
            id: id.to_string(),
            source: format!("{id}.txt"),
            text: text.to_string(),
            ..ReportInput::default()
        })
    }

    #[test]
    fn report_text_is_escaped_and_the_page_is_self_contained() {
        let reports = vec![
            report(
                "<b>evil</b>",
                "<script>alert(1)</script> said the mayor on Friday.\n",
            ),
            report("wire", "The mayor said 40 people were evacuated.\n"),
        ];
        let a = ClaimRef {
            report: 0,
            claim: 0,
        };
        let b = ClaimRef {
            report: 1,
            claim: 0,
        };
        let comparison = Comparison {
            conflicts: vec![Conflict {
                kind: ConflictKind::Other,
                a,
                b,
                value_a: "<i>x</i>".to_string(),
                value_b: "y & z".to_string(),
                similarity: 0.5,
                explanation: "\"quoted\" <explanation>".to_string(),
            }],
            unique: vec![a, b],
            ..Comparison::default()
        };
        let page = render(&reports, &comparison);
        assert!(!page.contains("<script"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("&lt;b&gt;evil&lt;/b&gt;"));
        assert!(page.contains("<mark>&lt;i&gt;x&lt;/i&gt;</mark>"));
        assert!(page.contains("&quot;quoted&quot; &lt;explanation&gt;"));
        // Nothing is fetched: no links to style sheets, scripts, images or fonts.
        for external in ["src=", "href=", "@import", "url(", "http:", "https:"] {
            assert!(!page.contains(external), "{external} in page");
        }
    }

    #[test]
    fn a_claim_reference_out_of_range_is_skipped() {
        let reports = vec![report("wire", "The mill burned on Friday.\n")];
        let missing = ClaimRef {
            report: 3,
            claim: 9,
        };
        let comparison = Comparison {
            unique: vec![missing],
            conflicts: vec![Conflict {
                kind: ConflictKind::Number,
                a: missing,
                b: missing,
                value_a: String::new(),
                value_b: String::new(),
                similarity: 0.0,
                explanation: String::new(),
            }],
            ..Comparison::default()
        };
        let page = render(&reports, &comparison);
        assert!(page.contains("Nothing that only this report says"));
    }
}
