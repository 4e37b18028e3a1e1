//! The Microsoft Research Paraphrase corpus: reading its tab-separated files.
//!
//! Each file is UTF-8 with a byte-order mark, no header row, one pair per line:
//! `Quality \t #1 ID \t #2 ID \t #1 String \t #2 String`, Quality 1 for a
//! paraphrase and 0 otherwise (`../shared/datasets/msrp/README.md`).

use thiserror::Error;

/// One labelled sentence pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MsrpPair {
    pub paraphrase: bool,
    pub id_a: String,
    pub id_b: String,
    pub sentence_a: String,
    pub sentence_b: String,
}

/// Why a line of the corpus cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MsrpError {
    #[error("line {line}: expected 5 tab-separated fields, found {found}")]
    FieldCount { line: usize, found: usize },
    #[error("line {line}: quality {value:?} is neither 0 nor 1")]
    Quality { line: usize, value: String },
}

/// Parses the content of one corpus file; blank lines are skipped.
pub fn parse_msrp(content: &str) -> Result<Vec<MsrpPair>, MsrpError> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let mut pairs = Vec::new();
    for (index, line) in content.lines().enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
        let [quality, id_a, id_b, sentence_a, sentence_b] = fields[..] else {
            return Err(MsrpError::FieldCount {
                line: line_no,
                found: fields.len(),
            });
        };
        let paraphrase = match quality.trim() {
            "1" => true,
            "0" => false,
            other => {
                return Err(MsrpError::Quality {
                    line: line_no,
                    value: other.to_string(),
                })
            }
        };
        pairs.push(MsrpPair {
            paraphrase,
            id_a: id_a.to_string(),
            id_b: id_b.to_string(),
            sentence_a: sentence_a.to_string(),
            sentence_b: sentence_b.to_string(),
        });
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_after_the_byte_order_mark() {
        let content = "\u{feff}1\t702876\t702977\tAmrozi accused his brother.\tReferring to him, Amrozi accused his brother.\n\
                       0\t2108705\t2108831\tYucaipa owned Dominick's.\tYucaipa bought Dominick's in 1995.\n";
        let pairs = parse_msrp(content).unwrap();
        assert_eq!(pairs.len(), 2);
        assert!(pairs[0].paraphrase && !pairs[1].paraphrase);
        assert_eq!(pairs[0].id_a, "702876");
        assert_eq!(pairs[1].sentence_b, "Yucaipa bought Dominick's in 1995.");
    }

    #[test]
    fn malformed_rows_are_errors_with_their_line() {
        assert_eq!(
            parse_msrp("1\ta\tb\tonly four"),
            Err(MsrpError::FieldCount { line: 1, found: 4 })
        );
        assert_eq!(
            parse_msrp("\n2\ta\tb\tx\ty\n"),
            Err(MsrpError::Quality {
                line: 2,
                value: "2".into()
            })
        );
    }
}
