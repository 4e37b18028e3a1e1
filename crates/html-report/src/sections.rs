//! The four parts of the page, each an HTML fragment. A claim reference the reports do
//! not hold is skipped, never a panic.

use std::collections::HashSet;
use std::fmt::Write;

use claimdiff_matcher::{ClaimRef, Comparison, Conflict};
use claimdiff_parser::{Claim, Report};

use crate::escape::escape;
use crate::highlight::{marked, value_ranges};

fn claim_at(reports: &[Report], reference: ClaimRef) -> Option<(&Report, &Claim)> {
    let report = reports.get(reference.report)?;
    Some((report, report.claims.get(reference.claim)?))
}

fn claim_id(report: &Report, claim: &Claim) -> String {
    format!("{}#{}", report.id, claim.number)
}

/// The claim's source text as the report has it; its folded text if the offsets do
/// not fit (they always should).
fn source_span<'r>(report: &'r Report, claim: &'r Claim) -> (&'r str, usize) {
    match report.text.get(claim.start..claim.end) {
        Some(span) => (span, claim.start),
        None => (&claim.text, claim.start),
    }
}

/// One row per report: outlet, date, where it came from, how many claims.
pub fn overview(reports: &[Report], comparison: &Comparison) -> String {
    let disputed = disputed_claims(comparison);
    let unique: HashSet<ClaimRef> = comparison.unique.iter().copied().collect();
    let mut html = String::from(
        "<h2 id=\"reports\">Reports</h2>\n<table class=\"reports\">\n<thead><tr>\
         <th>report</th><th>outlet</th><th>published</th><th>source</th>\
         <th>claims</th><th>in conflicts</th><th>unique</th></tr></thead>\n<tbody>\n",
    );
    for (index, report) in reports.iter().enumerate() {
        let count = |set: &HashSet<ClaimRef>| set.iter().filter(|r| r.report == index).count();
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&report.id),
            escape(report.outlet.as_deref().unwrap_or("")),
            report.published.map(|d| d.to_string()).unwrap_or_default(),
            escape(&report.source),
            report.claims.len(),
            count(&disputed),
            count(&unique),
        );
    }
    html.push_str("</tbody>\n</table>\n");
    html
}

fn disputed_claims(comparison: &Comparison) -> HashSet<ClaimRef> {
    comparison
        .conflicts
        .iter()
        .flat_map(|conflict| [conflict.a, conflict.b])
        .collect()
}

/// Agreement groups × reports: a cell is filled when the report makes the group's claim.
pub fn matrix(reports: &[Report], comparison: &Comparison) -> String {
    let mut html = String::from("<h2 id=\"agreements\">Who reports what</h2>\n");
    if comparison.groups.is_empty() {
        html.push_str("<p class=\"empty\">No claim is made by more than one report.</p>\n");
        return html;
    }
    let disputed = disputed_claims(comparison);
    html.push_str(
        "<p class=\"lead\">One row per claim that two or more reports make (its wording \
         from one of them); ✓ marks the reports that make it, orange ones are also in a \
         conflict below.</p>\n<table class=\"matrix\">\n<thead><tr><th>claim</th>",
    );
    for report in reports {
        let _ = write!(html, "<th>{}</th>", escape(&report.id));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for (index, group) in comparison.groups.iter().enumerate() {
        let Some((_, representative)) = claim_at(reports, group.representative) else {
            continue;
        };
        let _ = write!(
            html,
            "<tr><th class=\"claim\">{} <span class=\"group-id\">g{} · {} reports</span></th>",
            escape(&representative.text),
            index + 1,
            group.support
        );
        for (report_index, report) in reports.iter().enumerate() {
            let member = group
                .members
                .iter()
                .find(|member| member.claim.report == report_index);
            match member.and_then(|m| claim_at(reports, m.claim).map(|(_, c)| (m, c))) {
                Some((member, claim)) => {
                    let class = if disputed.contains(&member.claim) {
                        "has disputed"
                    } else {
                        "has"
                    };
                    let _ = write!(
                        html,
                        "<td class=\"{class}\" title=\"{}: {}\">✓</td>",
                        escape(&claim_id(report, claim)),
                        escape(&claim.text)
                    );
                }
                None => html.push_str("<td class=\"none\">·</td>"),
            }
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n");
    html
}

/// Each conflict as two columns, the disputed value marked in the text and shown apart.
pub fn conflicts(reports: &[Report], comparison: &Comparison) -> String {
    let mut html = String::from("<h2 id=\"conflicts\">Where reports disagree</h2>\n");
    if comparison.conflicts.is_empty() {
        html.push_str("<p class=\"empty\">No conflicts found.</p>\n");
        return html;
    }
    for (index, conflict) in comparison.conflicts.iter().enumerate() {
        let (Some(a), Some(b)) = (claim_at(reports, conflict.a), claim_at(reports, conflict.b))
        else {
            continue;
        };
        let _ = write!(
            html,
            "<section class=\"conflict\" id=\"c{n}\">\n<p class=\"explanation\">\
             <span class=\"kind\">{kind}</span>{explanation} <span class=\"claim-id\">c{n}</span></p>\n\
             <div class=\"sides\">\n{side_a}{side_b}</div>\n</section>\n",
            n = index + 1,
            kind = conflict.kind.as_str(),
            explanation = escape(&conflict.explanation),
            side_a = side(conflict, a, &conflict.value_a, &conflict.value_b),
            side_b = side(conflict, b, &conflict.value_b, &conflict.value_a),
        );
    }
    html
}

fn side(
    conflict: &Conflict,
    (report, claim): (&Report, &Claim),
    value: &str,
    other: &str,
) -> String {
    let (span, span_start) = source_span(report, claim);
    let ranges = value_ranges(conflict.kind, claim, span, span_start, value, other);
    format!(
        "<div class=\"side\"><div><span class=\"report\">{report}</span> \
         <span class=\"claim-id\">{id}</span></div>\n<blockquote class=\"text\">{text}</blockquote>\n\
         <p class=\"value\">{label}: <mark>{value}</mark></p></div>\n",
        report = escape(&report.id),
        id = escape(&claim_id(report, claim)),
        text = marked(span, &ranges),
        label = conflict.kind.as_str(),
        value = escape(value),
    )
}

/// Per report, the claims no other report makes or contradicts.
pub fn unique(reports: &[Report], comparison: &Comparison) -> String {
    let mut html = String::from("<h2 id=\"unique\">Only in one report</h2>\n");
    for (index, report) in reports.iter().enumerate() {
        let claims: Vec<&Claim> = comparison
            .unique
            .iter()
            .filter(|reference| reference.report == index)
            .filter_map(|&reference| claim_at(reports, reference).map(|(_, claim)| claim))
            .collect();
        let _ = writeln!(
            html,
            "<h3>{} <span class=\"meta\">{}</span></h3>",
            escape(&report.id),
            escape(report.outlet.as_deref().unwrap_or(""))
        );
        if claims.is_empty() {
            html.push_str("<p class=\"empty\">Nothing that only this report says.</p>\n");
            continue;
        }
        html.push_str("<ul class=\"unique\">\n");
        for claim in claims {
            let _ = writeln!(
                html,
                "<li>{} <span class=\"claim-id\">{}</span></li>",
                escape(&claim.text),
                escape(&claim_id(report, claim))
            );
        }
        html.push_str("</ul>\n");
    }
    html
}
