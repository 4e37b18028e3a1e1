//! STUB replaced at merge by the wt-numbers branch.
use crate::model::Quantity;

pub(crate) fn find_quantities(text: &str, start: usize, end: usize) -> Vec<Quantity> {
    let _ = (text, start, end);
    Vec::new()
}
