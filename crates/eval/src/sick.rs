//! SICK (Sentences Involving Compositional Knowledge): reading its two files.
//!
//! - `SICK_test_annotated.txt`, the SemEval-2014 test file: tab-separated, no
//!   header, `pair_ID \t sentence_A \t sentence_B \t relatedness \t judgment`.
//! - `SICK.txt`, the full release: tab-separated with a header row and twelve
//!   columns, the label fourth and the split (`TRAIN`, `TRIAL`, `TEST`) last.
//!
//! See `../shared/datasets/sick/README.md`.

use thiserror::Error;

/// The three-way judgment of a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Judgment {
    Entailment,
    Contradiction,
    Neutral,
}

impl Judgment {
    pub const ALL: [Judgment; 3] = [
        Judgment::Entailment,
        Judgment::Contradiction,
        Judgment::Neutral,
    ];

    fn parse(label: &str) -> Option<Judgment> {
        match label.trim() {
            "ENTAILMENT" => Some(Judgment::Entailment),
            "CONTRADICTION" => Some(Judgment::Contradiction),
            "NEUTRAL" => Some(Judgment::Neutral),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Judgment::Entailment => "ENTAILMENT",
            Judgment::Contradiction => "CONTRADICTION",
            Judgment::Neutral => "NEUTRAL",
        }
    }
}

/// One labelled sentence pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SickPair {
    pub id: String,
    pub sentence_a: String,
    pub sentence_b: String,
    pub judgment: Judgment,
}

/// Why a line of a SICK file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SickError {
    #[error("line {line}: expected {expected} tab-separated fields, found {found}")]
    FieldCount {
        line: usize,
        expected: usize,
        found: usize,
    },
    #[error("line {line}: judgment {value:?} is not ENTAILMENT, CONTRADICTION or NEUTRAL")]
    Judgment { line: usize, value: String },
}

/// The fields of each non-blank line, numbered from 1, with CRLF endings removed.
fn rows(content: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    content
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| (index + 1, line.trim_end_matches('\r').split('\t').collect()))
}

fn pair(line: usize, id: &str, a: &str, b: &str, label: &str) -> Result<SickPair, SickError> {
    let judgment = Judgment::parse(label).ok_or_else(|| SickError::Judgment {
        line,
        value: label.to_string(),
    })?;
    Ok(SickPair {
        id: id.to_string(),
        sentence_a: a.to_string(),
        sentence_b: b.to_string(),
        judgment,
    })
}

/// Parses `SICK_test_annotated.txt` (five fields, no header).
pub fn parse_test_annotated(content: &str) -> Result<Vec<SickPair>, SickError> {
    rows(content)
        .map(|(line, fields)| match fields[..] {
            [id, a, b, _relatedness, label] => pair(line, id, a, b, label),
            _ => Err(SickError::FieldCount {
                line,
                expected: 5,
                found: fields.len(),
            }),
        })
        .collect()
}

/// Parses the pairs of one split (`"TRAIN"`, `"TRIAL"`, `"TEST"`) from `SICK.txt`;
/// the header row is skipped.
pub fn parse_release(content: &str, split: &str) -> Result<Vec<SickPair>, SickError> {
    const FIELDS: usize = 12;
    let mut pairs = Vec::new();
    for (line, fields) in rows(content).skip(1) {
        if fields.len() != FIELDS {
            return Err(SickError::FieldCount {
                line,
                expected: FIELDS,
                found: fields.len(),
            });
        }
        if fields[FIELDS - 1].trim() == split {
            pairs.push(pair(line, fields[0], fields[1], fields[2], fields[3])?);
        }
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_test_file_with_crlf_endings() {
        let content = "6\tThere is no boy playing outdoors\tA boy is playing outdoors\t3.3\tCONTRADICTION\r\n\
                       7\tA man is cooking\tA man is cooking food\t4.6\tENTAILMENT";
        let pairs = parse_test_annotated(content).unwrap();
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[0].judgment, Judgment::Contradiction);
        assert_eq!(pairs[1].sentence_b, "A man is cooking food");
        assert_eq!(pairs[1].id, "7");
    }

    #[test]
    fn reads_one_split_of_the_release_after_its_header() {
        let header = "pair_ID\tsentence_A\tsentence_B\tentailment_label\trelatedness_score\tentailment_AB\tentailment_BA\tA_original\tB_original\tA_dataset\tB_dataset\tSemEval_set";
        let row = |id: &str, label: &str, split: &str| {
            format!("{id}\tA cat sleeps\tA cat is asleep\t{label}\t4.1\tx\ty\tz\tw\tFLICKR\tFLICKR\t{split}")
        };
        let content = [
            header.to_string(),
            row("1", "NEUTRAL", "TRAIN"),
            row("2", "ENTAILMENT", "TEST"),
            row("3", "CONTRADICTION", "TRAIN"),
        ]
        .join("\r\n");
        let train = parse_release(&content, "TRAIN").unwrap();
        let ids: Vec<&str> = train.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["1", "3"]);
        assert_eq!(train[1].judgment, Judgment::Contradiction);
    }

    #[test]
    fn malformed_rows_are_errors_with_their_line() {
        assert_eq!(
            parse_test_annotated("1\ta\tb\t4.0"),
            Err(SickError::FieldCount {
                line: 1,
                expected: 5,
                found: 4
            })
        );
        assert_eq!(
            parse_test_annotated("\n2\ta\tb\t4.0\tMAYBE\n"),
            Err(SickError::Judgment {
                line: 2,
                value: "MAYBE".into()
            })
        );
    }
}
