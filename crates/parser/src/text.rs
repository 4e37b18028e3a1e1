//! Small text helpers shared by the extraction passes: word tokens with byte
//! offsets, white-space folding and character classes.

use unicode_segmentation::UnicodeSegmentation;

/// A word of the report with its absolute byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Word<'_> {
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether the word starts with a lower-case letter ("manager", not "Ruud"
    /// nor "50").
    pub fn is_lower_case(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_lowercase)
    }

    /// The word without a possessive ending ("Zelenskyy's" -> "Zelenskyy").
    pub fn without_possessive(&self) -> &str {
        strip_possessive(self.text)
    }
}

/// Removes a trailing possessive `'s` / `’s` / `'`.
pub(crate) fn strip_possessive(word: &str) -> &str {
    for ending in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(ending) {
            return stem;
        }
    }
    word
}

/// Words of `text[start..end]` (Unicode word boundaries keep "U.S", "wasn't",
/// "1,200" and "Zelenskyy's" whole), with absolute offsets.
pub(crate) fn words(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let Some(slice) = text.get(start..end) else {
        return Vec::new();
    };
    let found: Vec<Word> = slice
        .unicode_word_indices()
        .map(|(offset, word)| Word {
            text: word,
            start: start + offset,
            end: start + offset + word.len(),
        })
        // "46.8°C": the scale's letter belongs to the degree sign, not a word.
        .filter(|word| {
            let after_degree_sign = text[..word.start].ends_with(['°', 'º']);
            !(after_degree_sign && matches!(word.text, "C" | "F"))
        })
        .collect();
    join_hyphenated_names(text, found)
}

/// "Ingrid Solberg-Maas", "Ms Solberg-Maas", "Jean-Luc Picard": two name-cased
/// words joined by a hyphen are one name when a name or a title stands right
/// before or after them, as it does around a double-barrelled surname or a
/// compound given name. "the Trump-Putin call" and "Russia-Ukraine war" name two
/// parties and stay apart, as do headline capitals with a number word in them
/// ("Six-Hour Siege").
fn join_hyphenated_names<'a>(text: &'a str, words: Vec<Word<'a>>) -> Vec<Word<'a>> {
    let name_cased = |w: &Word| {
        let mut chars = w.text.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(char::is_lowercase)
            && !crate::quantities::is_number_name_word(&w.lower())
    };
    let spaced = |left: &Word, right: &Word| text.get(left.end..right.start) == Some(" ");
    let hyphened = |left: &Word, right: &Word| {
        matches!(text.get(left.end..right.start), Some("-" | "\u{2011}"))
    };
    let name_beside = |beside: Option<&Word>, spaced_from: bool| {
        beside.is_some_and(|w| {
            spaced_from && name_cased(w) && !crate::grammar::is_sentence_starter(&w.lower())
        })
    };
    // Most texts join no two words with a hyphen: nothing to read.
    if !words.windows(2).any(|pair| hyphened(&pair[0], &pair[1])) {
        return words;
    }
    // The name-cased words `first..=last`, joined by hyphens, have a name or a
    // title beside them, or stand after one elsewhere in the report.
    let framed_by_a_name = |first: usize, last: usize| {
        let before = first.checked_sub(1).map(|b| &words[b]);
        let after = words.get(last + 1);
        name_beside(before, before.is_some_and(|b| spaced(b, &words[first])))
            || name_beside(after, after.is_some_and(|a| spaced(&words[last], a)))
            || named_in_full_nearby(text, words[first].start, words[last].end)
    };
    let mut joined: Vec<Word<'a>> = Vec::with_capacity(words.len());
    let mut index = 0;
    while index < words.len() {
        let mut word = words[index];
        let mut last = index;
        while last + 1 < words.len()
            && hyphened(&words[last], &words[last + 1])
            && name_cased(&words[last])
            && name_cased(&words[last + 1])
        {
            last += 1;
        }
        if last > index && framed_by_a_name(index, last) {
            word = Word {
                text: &text[word.start..words[last].end],
                start: word.start,
                end: words[last].end,
            };
            index = last + 1;
        } else {
            index += 1;
        }
        joined.push(word);
    }
    joined
}

/// How far either side of a hyphenated name `named_in_full_nearby` looks for it
/// named in full: a news report's length, so that a huge text with many such names
/// is still read in linear time.
const NAMED_IN_FULL_WINDOW: usize = 3_000;

/// Whether the text around `text[start..end]`, a hyphenated name, names it after a
/// given name or a title ("Foreign Minister Ingrid Solberg-Maas"), so that a bare
/// "Solberg-Maas read out" is that person's surname too.
fn named_in_full_nearby(text: &str, start: usize, end: usize) -> bool {
    let mut from = start.saturating_sub(NAMED_IN_FULL_WINDOW);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + NAMED_IN_FULL_WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let compound = &text[start..end];
    let nearby = &text[from..to];
    nearby.match_indices(compound).any(|(at, _)| {
        let Some(before) = nearby[..at].strip_suffix(' ') else {
            return false;
        };
        let previous = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let mut chars = previous.chars();
        chars.next().is_some_and(char::is_uppercase)
            && previous.chars().all(|c| c.is_alphabetic() || c == '.')
            && chars.next().is_some_and(|c| c.is_lowercase() || c == '.')
            && !crate::grammar::is_sentence_starter(&previous.to_lowercase())
    })
}

/// Folds every run of white space to one space and trims the ends.
pub(crate) fn fold_whitespace(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for piece in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(piece);
    }
    folded
}

/// Shrinks `start..end` so that it does not begin or end with white space.
pub(crate) fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let leading = slice.len() - slice.trim_start().len();
    let trailing = slice.len() - slice.trim_end().len();
    if leading >= slice.len() {
        return (start, start);
    }
    (start + leading, end - trailing)
}

/// Opening quotation marks we treat as speech marks.
pub(crate) fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '„' | '«' | '‘')
}

/// Lower-cased ASCII folding for comparisons ("Zelenskyy’s" and "zelenskyy's" meet).
pub(crate) fn fold_key(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scale_letter_after_a_degree_sign_is_no_word() {
        let text = "It hit 46.8°C, or 116 °F, in Nîmes.";
        let texts: Vec<_> = words(text, 0, text.len()).iter().map(|w| w.text).collect();
        assert!(!texts.contains(&"C") && !texts.contains(&"F"), "{texts:?}");
        assert!(texts.contains(&"Nîmes"));
    }

    #[test]
    fn words_keep_abbreviations_and_offsets() {
        let text = "Mr. Trump’s U.S. visit cost $1,200.";
        let found = words(text, 0, text.len());
        let texts: Vec<_> = found.iter().map(|w| w.text).collect();
        assert!(texts.contains(&"Trump’s"));
        assert!(texts.contains(&"1,200"));
        for w in &found {
            assert_eq!(&text[w.start..w.end], w.text);
        }
    }

    #[test]
    fn folding_and_trimming() {
        assert_eq!(fold_whitespace("  a \n\t b  "), "a b");
        let text = "  hello  ";
        assert_eq!(trim_span(text, 0, text.len()), (2, 7));
        assert_eq!(trim_span(text, 0, 2), (0, 0));
        assert_eq!(strip_possessive("Zelenskyy’s"), "Zelenskyy");
    }
}
