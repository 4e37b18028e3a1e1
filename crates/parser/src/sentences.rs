//! Sentence splitting: sentencex on each reporting line, plus a small fix-up
//! layer for what it leaves wrong in news copy.
//!
//! sentencex handles abbreviations (Mr., U.S., a.m., Jan. 5, No. 10), decimals,
//! ellipses and most quote cases. The fix-ups merge a piece that cannot start a
//! sentence back into the one before it: one that starts in lower case
//! (`"Why?" she asked.`) or holds nothing but closing marks.

use crate::model::Sentence;
use crate::noise::Line;
use crate::text::trim_span;

/// Splits every line into sentences; furniture lines become one noise sentence each.
pub(crate) fn split_sentences(text: &str, lines: &[Line]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for line in lines {
        if line.noise.is_some() {
            push(&mut sentences, line.start, line.end, line.noise);
            continue;
        }
        for (start, end) in split_line(text, line.content_start, line.end) {
            // "Crews will keep working. Thanks for following.": the sign-off is
            // furniture, the sentence before it is not.
            let noise = crate::noise::speaks_only_to_readers(&text[start..end])
                .then_some(crate::model::NoiseKind::Navigation);
            push(&mut sentences, start, end, noise);
        }
    }
    sentences
}

fn push(
    sentences: &mut Vec<Sentence>,
    start: usize,
    end: usize,
    noise: Option<crate::model::NoiseKind>,
) {
    sentences.push(Sentence {
        index: sentences.len() + 1,
        start,
        end,
        noise,
    });
}

/// Sentence spans (absolute, trimmed) of `text[start..end]`.
fn split_line(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let slice = &text[start..end];
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let pieces = sentencex::get_sentence_boundaries("en", slice)
        .into_iter()
        .flat_map(|boundary| {
            split_after_lowercase_words(
                text,
                start + boundary.start_byte,
                start + boundary.end_byte,
            )
        });
    for (piece_start, piece_end) in pieces {
        let (piece_start, piece_end) = trim_span(text, piece_start, piece_end);
        if piece_start == piece_end {
            continue;
        }
        match spans.last_mut() {
            Some(previous) if continues_previous(&text[piece_start..piece_end]) => {
                previous.1 = piece_end
            }
            _ => spans.push((piece_start, piece_end)),
        }
    }
    if spans.is_empty() {
        let (s, e) = trim_span(text, start, end);
        if s < e {
            spans.push((s, e));
        }
    }
    spans
}

/// Words that are abbreviations only when capitalised ("Springfield, Ill.", "No.
/// 10"): written in lower case before a full stop and a capitalised word, they end
/// a sentence ("More than 400 passengers fell ill. Police said ...").
const ABBREVIATIONS_ONLY_CAPITALISED: &[&str] = &["ill", "no", "wash", "mass"];

/// Cuts `text[start..end]` after each lower-case word of
/// [`ABBREVIATIONS_ONLY_CAPITALISED`] that ends a sentence.
fn split_after_lowercase_words(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let slice = &text[start..end];
    let mut pieces = Vec::new();
    let mut from = 0;
    for (at, _) in slice.match_indices(". ") {
        let word_start = slice[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &slice[word_start..at];
        let next = slice[at + 2..].trim_start().chars().next();
        if ABBREVIATIONS_ONLY_CAPITALISED.contains(&word) && next.is_some_and(char::is_uppercase) {
            pieces.push((start + from, start + at + 1));
            from = at + 1;
        }
    }
    pieces.push((start + from, end));
    pieces
}

/// A piece that cannot open a sentence: lower-case start, or only punctuation.
fn continues_previous(piece: &str) -> bool {
    let Some(first) = piece
        .chars()
        .find(|c| !matches!(c, '"' | '”' | '’' | '\'' | ')' | ']'))
    else {
        return true;
    };
    first.is_lowercase()
        || (!first.is_alphanumeric() && !crate::text::is_opening_quote(first) && first != '(')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::noise::classify_lines;

    fn split(text: &str) -> Vec<&str> {
        let lines = classify_lines(text);
        split_sentences(text, &lines)
            .into_iter()
            .filter(|s| s.noise.is_none())
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_and_decimals_do_not_split() {
        let text = "Headline\n\nMr. Smith met Dr. Jones in the U.S. on Jan. 5 at 10 a.m. and paid $3.5 million. Talks at No. 10 went on.";
        assert_eq!(
            split(text)[1..],
            [
                "Mr. Smith met Dr. Jones in the U.S. on Jan. 5 at 10 a.m. and paid $3.5 million.",
                "Talks at No. 10 went on."
            ]
        );
    }

    #[test]
    fn a_lower_case_word_abbreviated_only_in_capitals_ends_a_sentence() {
        let text = "Headline\n\nMore than 400 passengers fell ill. Police arrested 12 people. She lives in Springfield, Ill. with her son. Asked about refunds, he said ‘no. ’ Nobody asked.";
        assert_eq!(
            split(text)[1..],
            [
                "More than 400 passengers fell ill.",
                "Police arrested 12 people.",
                "She lives in Springfield, Ill. with her son.",
                "Asked about refunds, he said ‘no. ’",
                "Nobody asked."
            ]
        );
    }

    #[test]
    fn a_sign_off_after_a_fact_is_furniture_and_the_fact_is_not() {
        let text = "Headline\n\nCrews will keep working through the night. Thanks for following.";
        assert_eq!(
            split(text)[1..],
            ["Crews will keep working through the night."]
        );
        let text =
            "Headline\n\nThe inquiry is expected to report next May. Thank you for following.";
        assert_eq!(split(text).len(), 2);
    }

    #[test]
    fn quotes_and_ellipses() {
        let text = "Headline\n\n\"Why?\" she asked. Mr Trump said: \"They're going to need them ... They're being hit pretty hard.\"";
        let found = split(text);
        assert_eq!(found[1], "\"Why?\" she asked.");
        assert!(found.len() >= 3);
    }

    #[test]
    fn offsets_are_absolute_and_sentences_numbered() {
        let text = "Skip to main content\nTitle line\nOne fact here. Another fact there.";
        let lines = classify_lines(text);
        let sentences = split_sentences(text, &lines);
        assert_eq!(
            sentences.iter().map(|s| s.index).collect::<Vec<_>>(),
            [1, 2, 3, 4]
        );
        assert_eq!(
            &text[sentences[3].start..sentences[3].end],
            "Another fact there."
        );
        assert!(sentences[0].noise.is_some());
    }
}
