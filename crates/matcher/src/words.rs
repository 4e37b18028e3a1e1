//! Word lists and word normalisation shared by features and tolerance rules.
//!
//! Words fall into three bins: stop words (dropped), slot words (they carry a value
//! that a claim slot already holds: numbers, weekdays, months, negations, units of
//! time; dropped from the content so that two claims differing only in that value
//! still look alike), and content words (kept, stemmed).

/// Folds text to plain lower-case ASCII: "Erdoğan’s" -> "erdogan's".
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

/// One spelling for words that British and American English write differently
/// ("centre"/"center", "defence"/"defense", "organise"/"organize",
/// "neighbour"/"neighbor"), so that outlets from both sides share terms.
pub fn us_spelling(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    const WHOLE: &[(&str, &str)] = &[
        ("programme", "program"),
        ("programmes", "programs"),
        ("defence", "defense"),
        ("offence", "offense"),
        ("licence", "license"),
        ("pretence", "pretense"),
        ("grey", "gray"),
        ("tyre", "tire"),
        ("tyres", "tires"),
        ("kerb", "curb"),
        ("aluminium", "aluminum"),
    ];
    if let Some((_, us)) = WHOLE.iter().find(|(uk, _)| *uk == word) {
        return Cow::Borrowed(us);
    }
    if let Some((_, us)) = word
        .strip_suffix('s')
        .and_then(|singular| WHOLE.iter().find(|(uk, _)| *uk == singular))
    {
        return Cow::Owned(format!("{us}s"));
    }
    let n = word.len();
    // "centre", "theatre", "metres": -tre(s) is -ter(s).
    for (uk, us) in [("tres", "ters"), ("tre", "ter")] {
        if n > 5 && word.ends_with(uk) {
            return Cow::Owned(format!("{}{us}", &word[..n - uk.len()]));
        }
    }
    // "neighbour", "labour", "colours", "favoured"; not "hour", "four", "tour".
    for (uk, us) in [("ours", "ors"), ("oured", "ored"), ("our", "or")] {
        if n > 5 && word.ends_with(uk) {
            return Cow::Owned(format!("{}{us}", &word[..n - uk.len()]));
        }
    }
    // "organise", "organised", "organisation": -is- after a consonant stem is -iz-.
    for (uk, us) in [
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
    ] {
        if n > uk.len() + 3 && word.ends_with(uk) {
            return Cow::Owned(format!("{}{us}", &word[..n - uk.len()]));
        }
    }
    Cow::Borrowed(word)
}

/// Splits folded text into words: letters, digits and inner apostrophes.
/// A possessive "'s" is dropped ("zelenskyy's" -> "zelenskyy").
pub fn words(folded: &str) -> Vec<String> {
    folded
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(|w| w.strip_suffix("'s").unwrap_or(w).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Negation words. They are never stop words: they decide a claim's polarity,
/// which the negation rule compares as a slot.
pub fn is_negation(word: &str) -> bool {
    const NEGATIONS: &[&str] = &[
        "not", "no", "never", "nor", "neither", "none", "nobody", "nothing", "nowhere", "cannot",
        "without",
    ];
    NEGATIONS.contains(&word) || word.ends_with("n't")
}

/// English function words without meaning of their own (a trimmed NLTK list,
/// negations removed on purpose).
pub fn is_stop_word(word: &str) -> bool {
    const STOP: &[&str] = &[
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "onto",
        // Adverbs of time and degree that say nothing of what happened: "not yet
        // known" denies "known" as plainly as "not known" does.
        "already",
        "still",
        "yet",
        // "destroyed much of the mill": how much is not what happened.
        "much",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "might",
        "more",
        "most",
        "must",
        "my",
        "myself",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "shall",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "s",
        "t",
        "ll",
        "re",
        "ve",
        "d",
        "m",
        "mr",
        "mrs",
        "ms",
        "dr",
        "according",
        "around",
        "nearly",
        "almost",
        "roughly",
        "approximately",
        "least",
        "some",
        "per",
        "cent",
        "percent",
        "am",
        "pm",
        "a.m",
        "p.m",
    ];
    STOP.contains(&word)
}

use claimdiff_parser::lexicon::is_number_word;

/// Words that carry a slot value: numbers and number words, scale and vague
/// quantity words, weekdays, months, relative days and units of time.
pub fn is_slot_word(word: &str) -> bool {
    const SLOT: &[&str] = &[
        "bn",
        "half",
        "quarter",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        // Parts of the day are times the conflict rules compare, not content.
        "morning",
        "afternoon",
        "evening",
        "night",
        "overnight",
        // "9 o'clock": the clock is the time, the word only writes it.
        "o'clock",
        "o’clock",
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "first",
        "third",
    ];
    word.chars().any(|c| c.is_ascii_digit()) || is_number_word(word) || SLOT.contains(&word)
}

/// Titles and articles that do not tell two people apart: "Mr Trump" is "Trump".
pub fn is_name_filler(word: &str) -> bool {
    const FILLER: &[&str] = &[
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "prime",
        "minister",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "general",
        "gen",
        "col",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "mayor",
        "judge",
        "the",
        "former",
        "jr",
        "sr",
    ];
    FILLER.contains(&word)
}

/// The words of a name without titles and articles: "Mr. Zelenskyy's" -> ["zelenskyy"].
pub fn name_tokens(name: &str) -> Vec<String> {
    let mut tokens: Vec<String> = words(&fold(name))
        .into_iter()
        .filter(|w| !is_name_filler(w))
        .map(|w| gaelic_patronymic(&w).unwrap_or(w))
        .collect();
    spell_out_abbreviations(&mut tokens);
    tokens
}

/// Abbreviated words of place names, spelled out, so that "Co Offaly" is "County
/// Offaly" and "High St" is "High Street". Where the word stands says which it is:
/// "St Ives" is "Saint Ives", "Church St" is "Church Street".
fn spell_out_abbreviations(tokens: &mut [String]) {
    const LEADING: &[(&str, &str)] = &[
        ("co", "county"),
        ("st", "saint"),
        ("mt", "mount"),
        ("ft", "fort"),
    ];
    const TRAILING: &[(&str, &str)] = &[
        ("st", "street"),
        ("rd", "road"),
        ("ave", "avenue"),
        ("sq", "square"),
    ];
    if tokens.len() < 2 {
        return;
    }
    let last = tokens.len() - 1;
    for (at, table) in [(0, LEADING), (last, TRAILING)] {
        if let Some((_, full)) = table.iter().find(|(short, _)| *short == tokens[at]) {
            tokens[at] = full.to_string();
        }
    }
}

/// "MacLeod" and "McLeod", "Mackay" and "McKay": one surname spelled two ways,
/// so "Mac" is read as "Mc" in any name long enough to be such a surname.
fn gaelic_patronymic(token: &str) -> Option<String> {
    let rest = token.strip_prefix("mac")?;
    (rest.len() >= 3).then(|| format!("mc{rest}"))
}

#[cfg(test)]
mod tests {

    #[test]
    fn british_and_american_spellings_meet() {
        for (uk, us) in [
            ("centre", "center"),
            ("defence", "defense"),
            ("defences", "defenses"),
            ("neighbours", "neighbors"),
            ("organised", "organized"),
            ("organisation", "organization"),
        ] {
            assert_eq!(us_spelling(uk), us_spelling(us), "{uk}");
        }
        for word in ["hour", "four", "tour", "rise", "wise", "killed"] {
            assert_eq!(us_spelling(word), word);
        }
    }

    use super::*;

    #[test]
    fn abbreviated_words_of_place_names_are_spelled_out() {
        assert_eq!(name_tokens("Co Offaly"), name_tokens("County Offaly"));
        assert_eq!(name_tokens("St Ives"), ["saint", "ives"]);
        assert_eq!(name_tokens("Church St"), ["church", "street"]);
        assert_eq!(name_tokens("Northcote Ave"), ["northcote", "avenue"]);
        // A word alone is left as it is.
        assert_eq!(name_tokens("Co"), ["co"]);
    }

    #[test]
    fn mac_and_mc_spell_one_surname() {
        assert_eq!(name_tokens("Ruaraidh MacLeod"), ["ruaraidh", "mcleod"]);
        assert_eq!(name_tokens("Ruairidh McLeod"), ["ruairidh", "mcleod"]);
        assert_eq!(name_tokens("Mace"), ["mace"]);
    }

    #[test]
    fn folds_and_splits_news_text() {
        assert_eq!(
            words(&fold("Erdoğan’s aides didn't say")),
            vec!["erdogan", "aides", "didn't", "say"]
        );
    }

    #[test]
    fn negations_are_not_stop_words() {
        for w in ["not", "no", "never", "didn't", "wasn't"] {
            assert!(is_negation(w), "{w}");
            assert!(!is_stop_word(w), "{w}");
        }
    }

    #[test]
    fn numbers_and_days_are_slot_words() {
        for w in ["twelve", "14", "3,000", "friday", "july", "minutes"] {
            assert!(is_slot_word(w), "{w}");
        }
        assert!(!is_slot_word("drones"));
    }

    #[test]
    fn titles_are_dropped_from_names() {
        assert_eq!(name_tokens("Mr. Zelenskyy's"), vec!["zelenskyy"]);
        assert_eq!(name_tokens("The Hague"), vec!["hague"]);
    }
}
