//! STUB replaced at merge by the wt-numbers branch.
use crate::model::TimeExpr;
use chrono::NaiveDate;

pub(crate) fn find_times(
    text: &str,
    start: usize,
    end: usize,
    published: Option<NaiveDate>,
    prefer_future: bool,
) -> Vec<TimeExpr> {
    let _ = (text, start, end, published, prefer_future);
    Vec::new()
}
