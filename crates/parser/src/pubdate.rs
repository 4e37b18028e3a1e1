//! STUB replaced at merge by the wt-numbers branch.
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dateline {
    pub place: String,
    pub month: u32,
    pub day: u32,
    pub agency: Option<String>,
    pub body_start: usize,
}

pub(crate) fn parse_dateline(line: &str) -> Option<Dateline> {
    let _ = line;
    None
}

pub(crate) fn find_publication_date(text: &str) -> Option<NaiveDate> {
    let _ = text;
    None
}
