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

fn read_record(line: &str, line_number: usize) -> Result<Record, JsonlError> {
    let raw: RawRecord = serde_json::from_str(line).map_err(|err| JsonlError::Json {
        line: line_number,
        message: err.to_string(),
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
