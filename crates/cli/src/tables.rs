//! The rows of the five output tables, built from the parsed reports and the
//! comparison. Column names and order follow the output contract
//! (`shared/spec/output-format.md`).

use std::collections::HashSet;

use claimdiff_matcher::{ClaimRef, Comparison, ConflictKind};
use claimdiff_parser::{Claim, ClaimKind, Modality, Polarity, Report};
use serde::Serialize;

use crate::error::CliError;
use crate::output::{Cell, Table};

/// Separator of list items inside one cell.
const LIST_SEPARATOR: &str = "; ";

#[derive(Debug, Serialize)]
pub struct ClaimRow {
    pub claim_id: Cell,
    pub report: Cell,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    pub speaker: Cell,
    pub polarity: Polarity,
    pub modality: Modality,
    pub entities: Cell,
    pub quantities: Cell,
    pub times: Cell,
    pub text: Cell,
}

impl Table for ClaimRow {
    const FILE: &'static str = "claims.csv";
    const COLUMNS: &'static [&'static str] = &[
        "claim_id",
        "report",
        "sentence",
        "start",
        "end",
        "kind",
        "speaker",
        "polarity",
        "modality",
        "entities",
        "quantities",
        "times",
        "text",
    ];
}

#[derive(Debug, Serialize)]
pub struct AgreementRow {
    pub group_id: Cell,
    pub support: usize,
    pub report: Cell,
    pub claim_id: Cell,
    pub similarity: Cell,
    pub text: Cell,
}

impl Table for AgreementRow {
    const FILE: &'static str = "agreements.csv";
    const COLUMNS: &'static [&'static str] = &[
        "group_id",
        "support",
        "report",
        "claim_id",
        "similarity",
        "text",
    ];
}

#[derive(Debug, Serialize)]
pub struct ConflictRow {
    pub conflict_id: Cell,
    pub kind: ConflictKind,
    pub report_a: Cell,
    pub claim_a: Cell,
    pub text_a: Cell,
    pub value_a: Cell,
    pub report_b: Cell,
    pub claim_b: Cell,
    pub text_b: Cell,
    pub value_b: Cell,
    pub similarity: Cell,
    pub explanation: Cell,
}

impl Table for ConflictRow {
    const FILE: &'static str = "conflicts.csv";
    const COLUMNS: &'static [&'static str] = &[
        "conflict_id",
        "kind",
        "report_a",
        "claim_a",
        "text_a",
        "value_a",
        "report_b",
        "claim_b",
        "text_b",
        "value_b",
        "similarity",
        "explanation",
    ];
}

#[derive(Debug, Serialize)]
pub struct UniqueRow {
    pub report: Cell,
    pub claim_id: Cell,
    pub text: Cell,
}

impl Table for UniqueRow {
    const FILE: &'static str = "unique.csv";
    const COLUMNS: &'static [&'static str] = &["report", "claim_id", "text"];
}

#[derive(Debug, Serialize)]
pub struct ReportRow {
    pub report: Cell,
    pub source: Cell,
    pub claims: usize,
    pub agreed: usize,
    pub conflicting: usize,
    pub unique: usize,
}

impl Table for ReportRow {
    const FILE: &'static str = "reports.csv";
    const COLUMNS: &'static [&'static str] = &[
        "report",
        "source",
        "claims",
        "agreed",
        "conflicting",
        "unique",
    ];
}

/// Every table of `compare`, under the names the JSON document uses (the CSV file
/// names without `.csv`).
#[derive(Debug, Serialize)]
pub struct ComparisonTables {
    pub claims: Vec<ClaimRow>,
    pub agreements: Vec<AgreementRow>,
    pub conflicts: Vec<ConflictRow>,
    pub unique: Vec<UniqueRow>,
    pub reports: Vec<ReportRow>,
}

impl ComparisonTables {
    pub fn build(reports: &[Report], comparison: &Comparison) -> Result<Self, CliError> {
        Ok(ComparisonTables {
            claims: claim_rows(reports),
            agreements: agreement_rows(reports, comparison)?,
            conflicts: conflict_rows(reports, comparison)?,
            unique: unique_rows(reports, comparison)?,
            reports: report_rows(reports, comparison),
        })
    }
}

/// The table of `extract`, as a JSON document.
#[derive(Debug, Serialize)]
pub struct ClaimTable {
    pub claims: Vec<ClaimRow>,
}

/// `<report>#<n>`.
fn claim_id(report: &Report, claim: &Claim) -> Cell {
    Cell(format!("{}#{}", report.id, claim.number))
}

fn similarity(value: f64) -> Cell {
    Cell(format!("{value:.3}"))
}

pub fn claim_rows(reports: &[Report]) -> Vec<ClaimRow> {
    reports
        .iter()
        .flat_map(|report| {
            report
                .claims
                .iter()
                .map(move |claim| claim_row(report, claim))
        })
        .collect()
}

fn claim_row(report: &Report, claim: &Claim) -> ClaimRow {
    let mut entities: Vec<&str> = Vec::with_capacity(claim.entities.len());
    for entity in &claim.entities {
        if !entities.contains(&entity.name.as_str()) {
            entities.push(&entity.name);
        }
    }
    ClaimRow {
        claim_id: claim_id(report, claim),
        report: Cell::from(report.id.as_str()),
        sentence: claim.sentence,
        start: claim.start,
        end: claim.end,
        kind: claim.kind,
        speaker: Cell(claim.speaker.clone().unwrap_or_default()),
        polarity: claim.polarity,
        modality: claim.modality,
        entities: Cell(entities.join(LIST_SEPARATOR)),
        quantities: Cell(join(claim.quantities.iter().map(ToString::to_string))),
        times: Cell(join(claim.times.iter().map(ToString::to_string))),
        text: Cell::from(claim.text.as_str()),
    }
}

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(LIST_SEPARATOR)
}

/// Looks up a claim the matcher refers to.
fn resolve<'r>(
    reports: &'r [Report],
    reference: ClaimRef,
    table: &'static str,
) -> Result<(&'r Report, &'r Claim), CliError> {
    reports
        .get(reference.report)
        .and_then(|report| {
            report
                .claims
                .get(reference.claim)
                .map(|claim| (report, claim))
        })
        .ok_or(CliError::MissingClaim {
            table,
            report: reference.report,
            claim: reference.claim,
        })
}

pub fn agreement_rows(
    reports: &[Report],
    comparison: &Comparison,
) -> Result<Vec<AgreementRow>, CliError> {
    let mut rows = Vec::new();
    for (index, group) in comparison.groups.iter().enumerate() {
        let group_id = format!("g{}", index + 1);
        for member in &group.members {
            let (report, claim) = resolve(reports, member.claim, AgreementRow::FILE)?;
            rows.push(AgreementRow {
                group_id: Cell(group_id.clone()),
                support: group.support,
                report: Cell::from(report.id.as_str()),
                claim_id: claim_id(report, claim),
                similarity: similarity(member.similarity),
                text: Cell::from(claim.text.as_str()),
            });
        }
    }
    Ok(rows)
}

pub fn conflict_rows(
    reports: &[Report],
    comparison: &Comparison,
) -> Result<Vec<ConflictRow>, CliError> {
    comparison
        .conflicts
        .iter()
        .enumerate()
        .map(|(index, conflict)| {
            let (report_a, claim_a) = resolve(reports, conflict.a, ConflictRow::FILE)?;
            let (report_b, claim_b) = resolve(reports, conflict.b, ConflictRow::FILE)?;
            Ok(ConflictRow {
                conflict_id: Cell(format!("c{}", index + 1)),
                kind: conflict.kind,
                report_a: Cell::from(report_a.id.as_str()),
                claim_a: claim_id(report_a, claim_a),
                text_a: Cell::from(claim_a.text.as_str()),
                value_a: Cell::from(conflict.value_a.as_str()),
                report_b: Cell::from(report_b.id.as_str()),
                claim_b: claim_id(report_b, claim_b),
                text_b: Cell::from(claim_b.text.as_str()),
                value_b: Cell::from(conflict.value_b.as_str()),
                similarity: similarity(conflict.similarity),
                explanation: Cell::from(conflict.explanation.as_str()),
            })
        })
        .collect()
}

pub fn unique_rows(
    reports: &[Report],
    comparison: &Comparison,
) -> Result<Vec<UniqueRow>, CliError> {
    comparison
        .unique
        .iter()
        .map(|&reference| {
            let (report, claim) = resolve(reports, reference, UniqueRow::FILE)?;
            Ok(UniqueRow {
                report: Cell::from(report.id.as_str()),
                claim_id: claim_id(report, claim),
                text: Cell::from(claim.text.as_str()),
            })
        })
        .collect()
}

pub fn report_rows(reports: &[Report], comparison: &Comparison) -> Vec<ReportRow> {
    let agreed: HashSet<ClaimRef> = comparison
        .groups
        .iter()
        .flat_map(|group| group.members.iter().map(|member| member.claim))
        .collect();
    let conflicting: HashSet<ClaimRef> = comparison
        .conflicts
        .iter()
        .flat_map(|conflict| [conflict.a, conflict.b])
        .collect();
    let unique: HashSet<ClaimRef> = comparison.unique.iter().copied().collect();
    let count_in = |set: &HashSet<ClaimRef>, report: usize| {
        set.iter()
            .filter(|reference| reference.report == report)
            .count()
    };
    reports
        .iter()
        .enumerate()
        .map(|(index, report)| ReportRow {
            report: Cell::from(report.id.as_str()),
            source: Cell::from(report.source.as_str()),
            claims: report.claims.len(),
            agreed: count_in(&agreed, index),
            conflicting: count_in(&conflicting, index),
            unique: count_in(&unique, index),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdiff_matcher::{Conflict, Group, GroupMember};
    use claimdiff_parser::{
        Approx, DateSource, Dimension, Entity, EntityKind, Quantity, TimeExpr, TimeValue,
    };

    use crate::output::render;

    fn claim(number: usize, text: &str) -> Claim {
        Claim {
            number,
            sentence: number,
            start: 0,
            end: text.len(),
            kind: ClaimKind::Statement,
            speaker: None,
            polarity: Polarity::Positive,
            modality: Modality::Asserted,
            entities: Vec::new(),
            quantities: Vec::new(),
            times: Vec::new(),
            quote: None,
            text: text.to_string(),
        }
    }

    fn report(id: &str, claims: Vec<Claim>) -> Report {
        Report {
            id: id.to_string(),
            source: format!("{id}.txt"),
            outlet: None,
            published: None,
            published_from: DateSource::Unknown,
            text: String::new(),
            sentences: Vec::new(),
            claims,
            diagnostics: Vec::new(),
        }
    }

    fn header<R: Table>(rows: &[R]) -> String {
        // The header serde derives from the field names must match COLUMNS.
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.serialize(&rows[0]).unwrap();
        let bytes = writer.into_inner().unwrap();
        let text = String::from_utf8(bytes).unwrap();
        text.lines().next().unwrap().to_string()
    }

    fn sample() -> (Vec<Report>, Comparison) {
        let mut quoted = claim(1, "=HYPERLINK(\"x\") said the mayor");
        quoted.kind = ClaimKind::Quote;
        quoted.speaker = Some("Jane Doe".to_string());
        quoted.polarity = Polarity::Negative;
        quoted.modality = Modality::Hedged;
        quoted.entities = vec![
            Entity {
                name: "Jane Doe".to_string(),
                kind: EntityKind::Person,
            },
            Entity {
                name: "Springfield".to_string(),
                kind: EntityKind::Place,
            },
        ];
        quoted.quantities = vec![Quantity {
            value: 40.0,
            upper: None,
            approx: Approx::About,
            dimension: Dimension::Duration,
            unit: "minute".to_string(),
            measure: None,
            text: "about 40 minutes".to_string(),
            start: 0,
            end: 0,
        }];
        quoted.times = vec![TimeExpr {
            value: TimeValue::Date {
                date: chrono::NaiveDate::from_ymd_opt(2025, 7, 4).unwrap(),
                weekday_named: true,
            },
            text: "Friday".to_string(),
            start: 0,
            end: 0,
        }];
        let reports = vec![
            report("tabloid", vec![quoted, claim(2, "Only here")]),
            report("wire", vec![claim(1, "The mill burned")]),
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
            groups: vec![Group {
                representative: a,
                members: vec![
                    GroupMember {
                        claim: a,
                        similarity: 1.0,
                    },
                    GroupMember {
                        claim: b,
                        similarity: 0.87654,
                    },
                ],
                support: 2,
            }],
            conflicts: vec![Conflict {
                kind: ConflictKind::Number,
                a,
                b,
                value_a: "40 minute (approx)".to_string(),
                value_b: "-1 hour".to_string(),
                similarity: 0.5,
                explanation: "duration differs".to_string(),
            }],
            unique: vec![ClaimRef {
                report: 0,
                claim: 1,
            }],
            stats: Default::default(),
        };
        (reports, comparison)
    }

    #[test]
    fn serde_headers_match_contract_columns() {
        let (reports, comparison) = sample();
        let claims = claim_rows(&reports);
        assert_eq!(header(&claims), ClaimRow::COLUMNS.join(","));
        let agreements = agreement_rows(&reports, &comparison).unwrap();
        assert_eq!(header(&agreements), AgreementRow::COLUMNS.join(","));
        let conflicts = conflict_rows(&reports, &comparison).unwrap();
        assert_eq!(header(&conflicts), ConflictRow::COLUMNS.join(","));
        let unique = unique_rows(&reports, &comparison).unwrap();
        assert_eq!(header(&unique), UniqueRow::COLUMNS.join(","));
        let report_table = report_rows(&reports, &comparison);
        assert_eq!(header(&report_table), ReportRow::COLUMNS.join(","));
    }

    #[test]
    fn claim_row_formats_fields_as_the_contract_says() {
        let (reports, _) = sample();
        let csv = String::from_utf8(render(&claim_rows(&reports)).unwrap()).unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[1],
            "tabloid#1,tabloid,1,0,30,quote,Jane Doe,negative,hedged,Jane Doe; Springfield,\
             40 minute (approx),2025-07-04 (Friday),\"'=HYPERLINK(\"\"x\"\") said the mayor\""
        );
        assert_eq!(
            lines[2],
            "tabloid#2,tabloid,2,0,9,statement,,positive,asserted,,,,Only here"
        );
    }

    #[test]
    fn comparison_tables() {
        let (reports, comparison) = sample();
        let agreements =
            String::from_utf8(render(&agreement_rows(&reports, &comparison).unwrap()).unwrap())
                .unwrap();
        assert!(agreements.contains("\ng1,2,wire,wire#1,0.877,The mill burned\n"));
        let conflicts =
            String::from_utf8(render(&conflict_rows(&reports, &comparison).unwrap()).unwrap())
                .unwrap();
        assert!(conflicts.contains(",wire#1,The mill burned,'-1 hour,0.500,duration differs\n"));
        let report_table =
            String::from_utf8(render(&report_rows(&reports, &comparison)).unwrap()).unwrap();
        assert_eq!(
            report_table,
            "report,source,claims,agreed,conflicting,unique\n\
             tabloid,tabloid.txt,2,1,1,1\nwire,wire.txt,1,1,1,0\n"
        );
    }

    #[test]
    fn missing_claim_is_an_error_not_a_panic() {
        let (reports, mut comparison) = sample();
        comparison.unique.push(ClaimRef {
            report: 5,
            claim: 0,
        });
        assert!(unique_rows(&reports, &comparison).is_err());
    }
}
