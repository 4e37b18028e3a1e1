//! JSON Lines exports of news APIs: one report a line.
//!
//! A record is `{"id": ..., "outlet": ..., "published": ..., "url": ..., "text": ...}`
//! with `html` instead of `text` for a saved page. Blank lines are skipped; every other
//! line must be a valid record, and an error names the line (from 1).

use serde::Deserialize;
use thiserror::Error;

use crate::date::parse_published;
use crate::html::{read_html, HtmlError};
use crate::Document;

/// One record of an export, its body already converted to text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Line number in the export, from 1.
    pub line: usize,
    pub id: String,
    pub url: Option<String>,
    pub document: Document,
}

#[derive(Debug, Error)]
pub enum JsonlError {
    #[error("line {line}: not a JSON record: {message}")]
    Json { line: usize, message: String },
    #[error("line {line}: the record has no `id`")]
    MissingId { line: usize },
    #[error("line {line}: record `{id}` has neither `text` nor `html`")]
    MissingBody { line: usize, id: String },
    #[error("line {line}: record `{id}`: `published` is not a date: {value:?}")]
    BadDate {
        line: usize,
        id: String,
        value: String,
    },
    #[error("line {line}: record `{id}`: {source}")]
    Html {
        line: usize,
        id: String,
        source: HtmlError,
    },
}

/// The fields of a record as they appear in the file; unknown fields are ignored
/// (exports carry many).
#[derive(Debug, Deserialize)]
struct RawRecord {
    id: Option<IdValue>,
    outlet: Option<String>,
    published: Option<String>,
    url: Option<String>,
    text: Option<String>,
    html: Option<String>,
}

/// Exports write ids as strings or numbers.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum IdValue {
    Text(String),
    Number(serde_json::Number),
}

impl IdValue {
    fn into_string(self) -> String {
        match self {
            IdValue::Text(text) => text.trim().to_string(),
            IdValue::Number(number) => number.to_string(),
        }
    }
}

/// Reads every record of an export. `text` wins when a record has both `text` and
/// `html`: it is what the outlet or API already extracted.
pub fn read_jsonl(content: &str) -> Result<Vec<Record>, JsonlError> {
    let mut records = Vec::new();
    for (index, line) in content.lines().enumerate() {
        let line_number = index + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        records.push(read_record(line, line_number)?);
    }
    Ok(records)
}

/// serde_json's message names "line 1" (the record is one line of its own); only the
/// column means something to the user.
fn json_message(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let position = format!(" at line {} column {}", err.line(), err.column());
    match message.strip_suffix(&position) {
        Some(text) => format!("{text} (column {})", err.column()),
        None => message,
    }
}

fn read_record(line: &str, line_number: usize) -> Result<Record, JsonlError> {
    let raw: RawRecord = serde_json::from_str(line).map_err(|err| JsonlError::Json {
        line: line_number,
        message: json_message(&err),
    })?;
    let id = raw
        .id
        .map(IdValue::into_string)
        .filter(|id| !id.is_empty())
        .ok_or(JsonlError::MissingId { line: line_number })?;
    let published = match raw.published.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(value) => Some(parse_published(value).ok_or_else(|| JsonlError::BadDate {
            line: line_number,
            id: id.clone(),
            value: value.to_string(),
        })?),
    };
    let mut document = match (raw.text, raw.html) {
        (Some(text), _) => Document {
            text,
            ..Document::default()
        },
        (None, Some(html)) => read_html(&html).map_err(|source| JsonlError::Html {
            line: line_number,
            id: id.clone(),
            source,
        })?,
        (None, None) => {
            return Err(JsonlError::MissingBody {
                line: line_number,
                id,
            })
        }
    };
    // The record's own fields describe the report better than the page's meta tags.
    if published.is_some() {
        document.published = published;
    }
    if let Some(outlet) = raw
        .outlet
        .map(|o| o.trim().to_string())
        .filter(|o| !o.is_empty())
    {
        document.outlet = Some(outlet);
    }
    Ok(Record {
        line: line_number,
        id,
        url: raw.url,
        document,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_and_html_records_with_their_metadata() {
        let export = concat!(
            r#"{"id": "wire-1", "outlet": "County Wire", "published": "2025-07-05T06:10:00Z", "url": "https://wire.example/1", "text": "Fire destroyed the mill."}"#,
            "\n\n",
            r#"{"id": 42, "html": "<html><head><meta property='og:site_name' content='Coast Radio'></head><body><article><p>Fifty firefighters battled the flames for five hours, the fire service said on Friday evening.</p></article></body></html>", "extra": [1, 2]}"#,
            "\n"
        );
        let records = read_jsonl(export).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].id, "wire-1");
        assert_eq!(records[0].line, 1);
        assert_eq!(records[0].url.as_deref(), Some("https://wire.example/1"));
        assert_eq!(records[0].document.text, "Fire destroyed the mill.");
        assert_eq!(records[0].document.published, NaiveDateExt::ymd(2025, 7, 5));
        assert_eq!(records[0].document.outlet.as_deref(), Some("County Wire"));
        // Numeric ids, blank lines, unknown fields; the page's own metadata is used.
        assert_eq!(records[1].id, "42");
        assert_eq!(records[1].line, 3);
        assert!(
            records[1].document.text.contains("Fifty firefighters"),
            "{:?}",
            records[1].document.text
        );
        assert_eq!(records[1].document.outlet.as_deref(), Some("Coast Radio"));
    }

    struct NaiveDateExt;
    impl NaiveDateExt {
        fn ymd(y: i32, m: u32, d: u32) -> Option<chrono::NaiveDate> {
            chrono::NaiveDate::from_ymd_opt(y, m, d)
        }
    }

    fn error_of(export: &str) -> String {
        read_jsonl(export).unwrap_err().to_string()
    }

    #[test]
    fn bad_lines_are_errors_naming_the_line() {
        let good = r#"{"id": "a", "text": "x"}"#;
        assert_eq!(
            error_of(&format!("{good}\n{{\"id\": \"b\", text}}\n")),
            "line 2: not a JSON record: key must be a string (column 13)"
        );
        assert_eq!(
            error_of(&format!("{good}\n{good}\n{{\"text\": \"x\"}}")),
            "line 3: the record has no `id`"
        );
        assert_eq!(
            error_of(r#"{"id": "a", "outlet": "X"}"#),
            "line 1: record `a` has neither `text` nor `html`"
        );
        assert_eq!(
            error_of(r#"{"id": "a", "published": "last Friday", "text": "x"}"#),
            "line 1: record `a`: `published` is not a date: \"last Friday\""
        );
        assert!(error_of("[1, 2]").starts_with("line 1: not a JSON record"));
    }
}
