//! Where the disputed value sits in a conflicting claim's text, so that the page can
//! mark it: the number or time expression the matcher compared, the name, the negation
//! cue, or the words one quotation has and the other lacks.

use claimdiff_matcher::ConflictKind;
use claimdiff_parser::Claim;

use crate::escape::escape;

/// Words that make a statement negative; marked on the negative side of a negation conflict.
const NEGATION_CUES: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "denied",
    "denies", "deny", "cannot",
];

/// Contractions: cue attached to the word before it.
const NEGATION_SUFFIXES: &[&str] = &["n't", "n’t"];

/// Byte ranges, relative to `span` (the claim's source text), to mark for one side of
/// a conflict. `span_start` is the claim's offset in the report text.
pub fn value_ranges(
    kind: ConflictKind,
    claim: &Claim,
    span: &str,
    span_start: usize,
    value: &str,
    other_value: &str,
) -> Vec<(usize, usize)> {
    let relative = |start: usize, end: usize| {
        let range = (start.checked_sub(span_start)?, end.checked_sub(span_start)?);
        (range.0 < range.1 && span.get(range.0..range.1).is_some()).then_some(range)
    };
    let parts: Vec<&str> = value.split("; ").filter(|p| !p.is_empty()).collect();
    let mut ranges: Vec<(usize, usize)> = match kind {
        ConflictKind::Number => claim
            .quantities
            .iter()
            .filter(|q| parts.contains(&q.to_string().as_str()))
            .filter_map(|q| relative(q.start, q.end))
            .collect(),
        ConflictKind::Time => claim
            .times
            .iter()
            .filter(|t| parts.contains(&t.to_string().as_str()) || value == t.value.to_string())
            .filter_map(|t| relative(t.start, t.end))
            .collect(),
        ConflictKind::Negation if value == "negative" => negation_cues(span),
        ConflictKind::Attribution | ConflictKind::Entity => parts
            .iter()
            .flat_map(|name| name_ranges(span, name))
            .collect(),
        ConflictKind::Quote => {
            let others: Vec<String> = other_value
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            value
                .split_whitespace()
                .filter(|word| !others.contains(&word.to_lowercase()))
                .flat_map(|word| word_ranges(span, word))
                .collect()
        }
        _ => Vec::new(),
    };
    ranges.sort_unstable();
    ranges.dedup();
    ranges
}

/// A name as written, else its last word ("Mr. Trump" for "Donald Trump").
fn name_ranges(span: &str, name: &str) -> Vec<(usize, usize)> {
    let full = word_ranges(span, name);
    if !full.is_empty() {
        return full;
    }
    name.split_whitespace()
        .last()
        .map(|surname| word_ranges(span, surname))
        .unwrap_or_default()
}

fn negation_cues(span: &str) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = NEGATION_CUES
        .iter()
        .flat_map(|cue| word_ranges(span, cue))
        .collect();
    let lower = span.to_ascii_lowercase();
    for suffix in NEGATION_SUFFIXES {
        ranges.extend(
            lower
                .match_indices(suffix)
                .map(|(start, found)| (start, start + found.len())),
        );
    }
    ranges
}

/// Whole-word, ASCII-case-insensitive occurrences of `word` in `text`.
fn word_ranges(text: &str, word: &str) -> Vec<(usize, usize)> {
    if word.is_empty() {
        return Vec::new();
    }
    // ASCII lowercasing keeps byte offsets, so ranges found in `lower` fit `text`.
    let lower = text.to_ascii_lowercase();
    let needle = word.to_ascii_lowercase();
    let is_word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    lower
        .match_indices(&needle)
        .map(|(start, _)| (start, start + needle.len()))
        .filter(|&(start, end)| {
            !is_word_char(text[..start].chars().next_back())
                && !is_word_char(text[end..].chars().next())
        })
        .collect()
}

/// `text` escaped, with each range wrapped in `<mark>`. Overlapping ranges merge.
pub fn marked(text: &str, ranges: &[(usize, usize)]) -> String {
    let mut html = String::with_capacity(text.len() + 16 * ranges.len());
    let mut position = 0;
    for &(start, end) in ranges {
        let start = start.max(position);
        if start >= end || text.get(start..end).is_none() || text.get(position..start).is_none() {
            continue;
        }
        html.push_str(&escape(&text[position..start]));
        html.push_str("<mark>");
        html.push_str(&escape(&text[start..end]));
        html.push_str("</mark>");
        position = end;
    }
    html.push_str(&escape(text.get(position..).unwrap_or_default()));
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_wrap_ranges_and_escape_everything() {
        let text = "<b>40</b> & more";
        assert_eq!(
            marked(text, &[(3, 5)]),
            "&lt;b&gt;<mark>40</mark>&lt;/b&gt; &amp; more"
        );
        // Overlapping and out-of-range ranges never break the text.
        assert_eq!(
            marked("abcdef", &[(0, 3), (2, 4), (5, 99)]),
            "<mark>abc</mark><mark>d</mark>ef"
        );
    }

    #[test]
    fn words_match_whole_words_only() {
        assert_eq!(word_ranges("No, not a note.", "not"), vec![(4, 7)]);
        assert_eq!(word_ranges("Mr. Trump said", "trump"), vec![(4, 9)]);
    }

    #[test]
    fn negation_cues_include_contractions() {
        let ranges = negation_cues("Germany didn't say no.");
        assert!(ranges.contains(&(11, 14)), "{ranges:?}");
        assert!(ranges.contains(&(19, 21)), "{ranges:?}");
    }

    #[test]
    fn names_fall_back_to_the_surname() {
        assert_eq!(name_ranges("Mr. Trump said", "Donald Trump"), vec![(4, 9)]);
    }
}
