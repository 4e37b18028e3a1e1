//! Direct quotations: where the quotation marks open and close.
//!
//! Straight and curly double marks, „German“ and «guillemets», and single marks
//! (curly or straight, as headlines use them) around three or more words (single
//! words in marks are emphasis, not speech). A quote that runs over several paragraphs has an opening mark on each
//! paragraph and a closing mark only at the end; such pieces are linked. An
//! unbalanced mark is dropped with a diagnostic and does not spoil the rest.

use crate::model::Diagnostic;
use crate::noise::Line;

/// One quoted piece inside one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quotation {
    /// Offset of the opening mark.
    pub start: usize,
    /// Offset just after the closing mark (or the line end for a piece that continues).
    pub end: usize,
    pub inner_start: usize,
    pub inner_end: usize,
    /// The piece continues a quotation opened in an earlier paragraph.
    pub continued: bool,
    /// The quotation goes on in the next paragraph.
    pub continues: bool,
}

impl Quotation {
    pub fn inner<'a>(&self, text: &'a str) -> &'a str {
        &text[self.inner_start..self.inner_end]
    }

    pub fn word_count(&self, text: &str) -> usize {
        self.inner(text).split_whitespace().count()
    }
}

/// The quotations overlapping `start..end`. `quotations` is in text order and its
/// pieces do not overlap (as [`find_quotations`] returns them), so a binary search
/// finds the first: a scan of all of them for every sentence was quadratic on a huge
/// report.
pub(crate) fn overlapping(
    quotations: &[Quotation],
    start: usize,
    end: usize,
) -> impl Iterator<Item = &Quotation> {
    let first = quotations.partition_point(|q| q.end <= start);
    quotations[first..]
        .iter()
        .take_while(move |q| q.start < end)
}

/// Whether a quotation ends within `from..=to` (same ordering as [`overlapping`]).
pub(crate) fn one_ends_within(quotations: &[Quotation], from: usize, to: usize) -> bool {
    let first = quotations.partition_point(|q| q.end < from);
    quotations.get(first).is_some_and(|q| q.end <= to)
}

/// True when the quotations are in text order without overlap, as the two look-ups
/// above need.
pub(crate) fn in_text_order(quotations: &[Quotation]) -> bool {
    quotations
        .windows(2)
        .all(|pair| pair[0].end <= pair[1].start)
}

fn closing_for(open: char) -> &'static [char] {
    match open {
        '“' => &['”', '“'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '‘' => &['’'],
        '\'' => &['\''],
        _ => &['"', '”'],
    }
}

/// Finds the quotations of every reporting line (noise lines are skipped).
pub(crate) fn find_quotations(
    text: &str,
    lines: &[Line],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Quotation> {
    let content: Vec<&Line> = lines.iter().filter(|line| line.noise.is_none()).collect();
    let mut found = Vec::new();
    let mut carried = false;
    for (position, line) in content.iter().enumerate() {
        let next_opens = content.get(position + 1).is_some_and(|next| {
            text[next.content_start..next.end]
                .chars()
                .next()
                .is_some_and(|c| matches!(c, '"' | '“' | '„' | '«'))
        });
        carried = scan_line(
            text,
            line.content_start,
            line.end,
            carried,
            next_opens,
            &mut found,
            diagnostics,
        );
    }
    found
}

/// Scans one line; returns whether an open quotation carries on to the next line.
fn scan_line(
    text: &str,
    start: usize,
    end: usize,
    carried_in: bool,
    next_opens: bool,
    found: &mut Vec<Quotation>,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let line = &text[start..end];
    let mut open: Option<(usize, char, bool)> = None; // (offset of mark, mark, continued)
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (index, &(offset, c)) in chars.iter().enumerate() {
        let absolute = start + offset;
        let before = if index == 0 {
            None
        } else {
            Some(chars[index - 1].1)
        };
        let after = chars.get(index + 1).map(|&(_, c)| c);
        match open {
            None => {
                let can_open = matches!(c, '"' | '“' | '„' | '«')
                    || (matches!(c, '‘' | '\'') && before.is_none_or(|b| !b.is_alphanumeric()));
                if can_open && after.is_some_and(|a| !a.is_whitespace()) {
                    let continued = carried_in && index == 0;
                    open = Some((absolute, c, continued));
                }
            }
            Some((open_at, mark, continued)) => {
                let single = matches!(mark, '‘' | '\'');
                let closes = closing_for(mark).contains(&c)
                    && (!single || after.is_none_or(|a| !a.is_alphanumeric()))
                    && before.is_some_and(|b| !b.is_whitespace() || c != '"');
                if closes {
                    let quotation = Quotation {
                        start: open_at,
                        end: absolute + c.len_utf8(),
                        inner_start: open_at + mark.len_utf8(),
                        inner_end: absolute,
                        continued,
                        continues: false,
                    };
                    if !single || quotation.word_count(text) >= 3 {
                        found.push(quotation);
                    }
                    open = None;
                }
            }
        }
    }
    if let Some((open_at, mark, continued)) = open {
        if next_opens && !matches!(mark, '‘' | '\'') {
            found.push(Quotation {
                start: open_at,
                end,
                inner_start: open_at + mark.len_utf8(),
                inner_end: end,
                continued,
                continues: true,
            });
            return true;
        }
        if matches!(mark, '‘' | '\'') {
            return false; // an apostrophe, not a quotation mark
        }
        diagnostics.push(Diagnostic {
            offset: open_at,
            message: format!("quotation mark {mark:?} is never closed; ignored"),
        });
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::noise::classify_lines;

    fn quotes(text: &str) -> (Vec<String>, Vec<Quotation>, usize) {
        let lines = classify_lines(text);
        let mut diagnostics = Vec::new();
        let found = find_quotations(text, &lines, &mut diagnostics);
        (
            found.iter().map(|q| q.inner(text).to_string()).collect(),
            found,
            diagnostics.len(),
        )
    }

    #[test]
    fn straight_curly_and_split_quotes() {
        let (inner, _, _) = quotes("Headline\n\n\"We need it,\" he said, \"America needs it.\" Then “It was good,” she added.");
        assert_eq!(inner, ["We need it,", "America needs it.", "It was good,"]);
    }

    #[test]
    fn multi_paragraph_quotes_are_linked() {
        let text = "Headline\n\nShe said: “The first part goes on.\n\n“And the second part ends here.”\n\nAfter.";
        let (inner, found, diagnostics) = quotes(text);
        assert_eq!(
            inner,
            ["The first part goes on.", "And the second part ends here."]
        );
        assert!(found[0].continues && found[1].continued);
        assert_eq!(diagnostics, 0);
    }

    #[test]
    fn unbalanced_marks_do_not_spoil_the_rest() {
        let text =
            "Headline\n\nHe said \"this never closes.\n\nLater \"a proper quote here\" he said.";
        let (inner, _, diagnostics) = quotes(text);
        assert_eq!(inner, ["a proper quote here"]);
        assert_eq!(diagnostics, 1);
    }

    #[test]
    fn straight_single_quotes_in_headlines() {
        let (inner, _, diagnostics) = quotes("Council leader: 'Every family will be housed'\n\nThe leaders' talks and Russia's 'disappointing' call went on.");
        assert_eq!(inner, ["Every family will be housed"]);
        assert_eq!(diagnostics, 0);
    }

    #[test]
    fn apostrophes_and_single_word_marks_are_not_quotes() {
        let (inner, _, _) = quotes("Headline\n\nRussia’s ‘disappointing’ call and the leaders’ talks, ‘we will win this war’ he said.");
        assert_eq!(inner, ["we will win this war"]);
    }

    /// The binary-search look-ups give what a scan of every quotation gives.
    #[test]
    fn look_ups_agree_with_a_full_scan() {
        let text = "Headline\n\n\"One two three,\" he said. “Four five” and «six seven».\n\nShe said: “Part one goes on.\n\n“And ends here.” Then \"a quote that never closes.\n\nLast \"quoted words here\" line.";
        let (_, found, _) = quotes(text);
        assert!(found.len() >= 5 && in_text_order(&found));
        for start in 0..=text.len() {
            for end in start..=text.len() {
                let scanned: Vec<&Quotation> = found
                    .iter()
                    .filter(|q| q.start < end && q.end > start)
                    .collect();
                let searched: Vec<&Quotation> = overlapping(&found, start, end).collect();
                assert_eq!(scanned, searched, "{start}..{end}");
                let ends = found.iter().any(|q| q.end >= start && q.end <= end);
                assert_eq!(ends, one_ends_within(&found, start, end), "{start}..={end}");
            }
        }
    }
}
