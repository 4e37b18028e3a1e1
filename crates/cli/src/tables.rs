//! The rows of the five output tables, built from the parsed reports and the
//! comparison. Column names and order follow the output contract
//! (`shared/spec/output-format.md`).

use claimdiff_matcher::{ClaimRef, Comparison, ConflictKind, Dispute};
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

/// One disputed point: the conflicts of one kind that link its claims, summarised
/// (not part of the five-table contract; an addition, see the README).
#[derive(Debug, Serialize)]
pub struct DisputeRow {
    pub dispute_id: Cell,
    pub kind: ConflictKind,
    /// Each distinct value with the number of reports stating it, most reported
    /// first: `40 minute (approx) [412 reports]; 1 hour [100 reports]`.
    pub values: Cell,
    pub claims: usize,
    pub reports: usize,
    /// Rows of `conflicts.csv` (pairs of claims) this dispute stands for.
    pub conflict_rows: usize,
    /// The explanation of the first of those rows, as an example.
    pub explanation: Cell,
}

impl Table for DisputeRow {
    const FILE: &'static str = "disputes.csv";
    const COLUMNS: &'static [&'static str] = &[
        "dispute_id",
        "kind",
        "values",
        "claims",
        "reports",
        "conflict_rows",
        "explanation",
    ];
}

/// A claim taking part in a dispute, with the value it states there.
#[derive(Debug, Serialize)]
pub struct DisputeMemberRow {
    pub dispute_id: Cell,
    pub value: Cell,
    pub report: Cell,
    pub claim_id: Cell,
    pub text: Cell,
}

impl Table for DisputeMemberRow {
    const FILE: &'static str = "dispute_members.csv";
    const COLUMNS: &'static [&'static str] = &["dispute_id", "value", "report", "claim_id", "text"];
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
    pub disputes: Vec<DisputeRow>,
    pub dispute_members: Vec<DisputeMemberRow>,
}

impl ComparisonTables {
    pub fn build(reports: &[Report], comparison: &Comparison) -> Result<Self, CliError> {
        let disputes = claimdiff_matcher::disputes(comparison);
        Ok(ComparisonTables {
            claims: claim_rows(reports),
            agreements: agreement_rows(reports, comparison)?,
            conflicts: conflict_rows(reports, comparison)?,
            unique: unique_rows(reports, comparison)?,
            reports: report_rows(reports, comparison),
            disputes: dispute_rows(&disputes),
            dispute_members: dispute_member_rows(reports, &disputes)?,
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
    (0..comparison.conflicts.len())
        .map(|index| conflict_row(reports, comparison, index))
        .collect()
}

/// Row `index` of the conflicts table, alone: the table can have a row per pair
/// of claims, so the CSV writer builds each row just before writing it.
pub fn conflict_row(
    reports: &[Report],
    comparison: &Comparison,
    index: usize,
) -> Result<ConflictRow, CliError> {
    let conflict = &comparison.conflicts[index];
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
}

fn dispute_id(index: usize) -> Cell {
    Cell(format!("d{}", index + 1))
}

pub fn dispute_rows(disputes: &[Dispute]) -> Vec<DisputeRow> {
    disputes
        .iter()
        .enumerate()
        .map(|(index, dispute)| {
            let claims = dispute.claims();
            let mut reports: Vec<usize> = claims.iter().map(|claim| claim.report).collect();
            reports.dedup();
            DisputeRow {
                dispute_id: dispute_id(index),
                kind: dispute.kind,
                values: Cell(join(dispute.values.iter().map(|value| {
                    let plural = if value.reports == 1 { "" } else { "s" };
                    format!("{} [{} report{plural}]", value.value, value.reports)
                }))),
                claims: claims.len(),
                reports: reports.len(),
                conflict_rows: dispute.pairs,
                explanation: Cell::from(dispute.explanation.as_str()),
            }
        })
        .collect()
}

pub fn dispute_member_rows(
    reports: &[Report],
    disputes: &[Dispute],
) -> Result<Vec<DisputeMemberRow>, CliError> {
    let mut rows = Vec::new();
    for (index, dispute) in disputes.iter().enumerate() {
        for value in &dispute.values {
            for &reference in &value.claims {
                let (report, claim) = resolve(reports, reference, DisputeMemberRow::FILE)?;
                rows.push(DisputeMemberRow {
                    dispute_id: dispute_id(index),
                    value: Cell::from(value.value.as_str()),
                    report: Cell::from(report.id.as_str()),
                    claim_id: claim_id(report, claim),
                    text: Cell::from(claim.text.as_str()),
                });
            }
        }
    }
    Ok(rows)
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
    // Per report, which of its claims are agreed / conflicting / unique: a claim
    // counts once however many groups or conflict rows name it.
    let marks = |references: &mut dyn Iterator<Item = ClaimRef>| -> Vec<usize> {
        let mut seen: Vec<Vec<bool>> = reports
            .iter()
            .map(|report| vec![false; report.claims.len()])
            .collect();
        let mut counts = vec![0; reports.len()];
        for reference in references {
            if let Some(mark) = seen
                .get_mut(reference.report)
                .and_then(|claims| claims.get_mut(reference.claim))
            {
                if !*mark {
                    *mark = true;
                    counts[reference.report] += 1;
                }
            }
        }
        counts
    };
    let agreed = marks(
        &mut comparison
            .groups
            .iter()
            .flat_map(|group| group.members.iter().map(|member| member.claim)),
    );
    let conflicting = marks(
        &mut comparison
            .conflicts
            .iter()
            .flat_map(|conflict| [conflict.a, conflict.b]),
    );
    let unique = marks(&mut comparison.unique.iter().copied());
    reports
        .iter()
        .enumerate()
        .map(|(index, report)| ReportRow {
            report: Cell::from(report.id.as_str()),
            source: Cell::from(report.source.as_str()),
            claims: report.claims.len(),
            agreed: agreed[index],
            conflicting: conflicting[index],
            unique: unique[index],
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
            live_entries: Vec::new(),
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

    /// The cells as the tables were first written: each row through a JSON value,
    /// cells looked up by column name.
    fn via_json<R: Table>(rows: &[R]) -> Vec<u8> {
        let mut writer = csv::WriterBuilder::new()
            .has_headers(false)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        writer.write_record(R::COLUMNS).unwrap();
        for row in rows {
            let value = serde_json::to_value(row).unwrap();
            let cells = R::COLUMNS.iter().map(|column| match value.get(column) {
                Some(serde_json::Value::String(text)) => {
                    crate::output::formula_safe(text).into_owned()
                }
                Some(serde_json::Value::Number(number)) => number.to_string(),
                Some(serde_json::Value::Bool(flag)) => flag.to_string(),
                _ => String::new(),
            });
            writer.write_record(cells).unwrap();
        }
        writer.into_inner().unwrap()
    }

    #[test]
    fn direct_cells_match_the_json_route() {
        let (reports, comparison) = sample();
        let claims = claim_rows(&reports);
        assert_eq!(render(&claims).unwrap(), via_json(&claims));
        let agreements = agreement_rows(&reports, &comparison).unwrap();
        assert_eq!(render(&agreements).unwrap(), via_json(&agreements));
        let conflicts = conflict_rows(&reports, &comparison).unwrap();
        assert_eq!(render(&conflicts).unwrap(), via_json(&conflicts));
        let lazily = crate::output::render_rows::<ConflictRow, _>(conflicts.len(), |index| {
            conflict_row(&reports, &comparison, index)
        })
        .unwrap();
        assert_eq!(lazily, via_json(&conflicts));
        let report_table = report_rows(&reports, &comparison);
        assert_eq!(render(&report_table).unwrap(), via_json(&report_table));
    }

    /// More rows than one chunk: chunks joined in order, header once.
    #[test]
    fn chunked_tables_keep_row_order() {
        let rows: Vec<UniqueRow> = (0..5000)
            .map(|n| UniqueRow {
                report: Cell(format!("r{n}")),
                claim_id: Cell(format!("r{n}#1")),
                text: Cell(if n % 7 == 0 {
                    format!("-{n}, \"x\"")
                } else {
                    n.to_string()
                }),
            })
            .collect();
        assert_eq!(render(&rows).unwrap(), via_json(&rows));
    }

    #[test]
    fn a_row_whose_fields_differ_from_the_columns_is_an_error() {
        #[derive(Serialize)]
        struct Swapped {
            b: usize,
            a: usize,
        }
        impl Table for Swapped {
            const FILE: &'static str = "swapped.csv";
            const COLUMNS: &'static [&'static str] = &["a", "b"];
        }
        let error = render(&[Swapped { b: 1, a: 2 }]).unwrap_err();
        assert!(error.to_string().contains("swapped.csv"), "{error}");
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
