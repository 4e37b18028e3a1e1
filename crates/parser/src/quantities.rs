//! Numbers with their units, approximation and news measure.
//!
//! Finds digits ("40", "1,200", "3.5", "58%"), number words ("forty", "five hundred
//! and fifty", via text2num), scales ("1.2 million", "€3.5bn", "$20m", "3.5 billion
//! euros"), vague amounts ("a dozen", "dozens of", "hundreds of thousands"), time
//! spans written with "a"/"an"/"half" ("an hour", "half an hour"), ranges ("between
//! 40 and 50", "40-50", "1,200 to 1,500", "two or three"), approximations ("about",
//! "at least", "up to", "more than", ...), the unit that follows (canonical singular:
//! "drones" -> "drone", "fire engines" -> "fire engine", "persons" -> "people"), the
//! dimension (count, duration, money, percent, distance, weight, age, year) and the
//! measure named nearby ("12 people were killed" -> `killed`).
//!
//! Deliberately skips digits that belong to dates and clock times ("4 July 2025",
//! "10.40pm", "09:14 BST", "two days ago"; found by `times`), labels ("No. 10",
//! "Article 5", "G7", "Covid-19", "F-16"), ordinals ("4th"), decades ("1990s"), "one"
//! used as a pronoun ("one source said", "one of the") and "a"/"an" except before a
//! unit of time or "dozen"/"hundred"/"thousand"/"million". Spelled fractions are read
//! only as the size of a change ("fell by two-thirds" is about 66.7%); "a third of
//! the staff" and "one in five" are not read.
//!
//! Vague plurals are stored as ranges with `Approx::About`: "dozens" is 24-120,
//! "hundreds" 200-1000, "thousands" 2000-10000, and "hundreds of thousands" multiplies
//! both ends by 1000, so that "hundreds of people" never conflicts with "300 people".

use std::fmt;

use text2num::lang::English;

use crate::lexicon::{
    distance_measure_of, duration_measure_of, measure_of, money_measure_of, rate_measure_of,
};
use crate::model::{Approx, Dimension, Quantity};
use crate::times::{time_spans, tokenize, Token, TokenKind};

// ---------------------------------------------------------------------------
// Word tables

/// Whether a lower-case word is a number word ("twelve", "hundreds", "dozen").
pub(crate) fn is_number_name_word(lower: &str) -> bool {
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    NUMBER_WORDS.contains(&lower) || NUMBER_WORDS.contains(&singular) || singular == "dozen"
}

const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
];

/// Words after which a plain number is a label, not an amount ("No. 10", "Article 5").
const LABEL_WORDS: &[&str] = &[
    "No",
    "Number",
    "Nos",
    "Article",
    "Flight",
    "Route",
    "Section",
    "Chapter",
    "Resolution",
    "Room",
    "Ward",
    "Gate",
    "Platform",
    "Channel",
    "Apollo",
    "Block",
    "Unit",
    "Stage",
    "Phase",
    "Round",
    "Game",
    "Act",
    "Paragraph",
    "Rule",
    "Item",
    "Vol",
    "Page",
    "Bus",
    "Line",
    "Highway",
    "Interstate",
    "Terminal",
    "Pier",
    "Box",
    "Junction",
];

/// Label words that name a numbered place or part in lower case too: "at
/// junction 13", "from platform 4", "in carriage 3".
const LOWER_CASE_LABEL_WORDS: &[&str] = &[
    "junction",
    "platform",
    "terminal",
    "gate",
    "pier",
    "ward",
    "berth",
    "carriage",
    "room",
    "section",
    "article",
    "chapter",
    "paragraph",
    "clause",
];

/// Single words before a number that make it approximate.
fn approx_word(word: &str) -> Option<Approx> {
    let approx = match word.to_ascii_lowercase().as_str() {
        "about" | "around" | "roughly" | "some" | "nearly" | "almost" | "approximately"
        | "approx" | "estimated" | "circa" | "nigh" => Approx::About,
        // "the toll passed 160": a count gone beyond the figure.
        "over" | "above" | "passed" | "passes" | "topped" | "tops" | "exceeded" | "exceeds"
        | "surpassed" | "surpasses" => Approx::AtLeast,
        "under" | "below" => Approx::AtMost,
        _ => return None,
    };
    Some(approx)
}

/// Two-word cues before a number.
fn approx_pair(first: &str, second: &str) -> Option<Approx> {
    let pair = (first.to_ascii_lowercase(), second.to_ascii_lowercase());
    let approx = match (pair.0.as_str(), pair.1.as_str()) {
        ("up", "to") | ("at", "most") | ("fewer", "than") | ("less", "than") => Approx::AtMost,
        ("just", "under") => Approx::AtMost,
        ("at", "least") | ("more", "than") | ("upwards", "of") | ("just", "over") => {
            Approx::AtLeast
        }
        ("close", "to") | ("shortly", "before") | ("shortly", "after") | ("an", "estimated") => {
            Approx::About
        }
        _ => return None,
    };
    Some(approx)
}

/// Scale words after a number. `m` and `b` mean million/billion only for money
/// (a bare "20m" is metres).
fn scale_of(word: &str, money: bool) -> Option<f64> {
    let scale = match word.to_ascii_lowercase().as_str() {
        "thousand" | "k" => 1e3,
        "million" | "mn" | "mln" => 1e6,
        "billion" | "bn" | "bln" => 1e9,
        "trillion" | "tn" => 1e12,
        "m" if money => 1e6,
        "b" if money => 1e9,
        _ => return None,
    };
    Some(scale)
}

/// Vague plurals: "dozens", "hundreds", "tens of thousands".
fn vague_scale(word: &str) -> Option<f64> {
    let scale = match word.to_ascii_lowercase().as_str() {
        "tens" => 10.0,
        "dozens" => 12.0,
        "scores" => 20.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    };
    Some(scale)
}

fn currency_symbol(symbol: &str) -> Option<&'static str> {
    match symbol {
        "€" => Some("eur"),
        "$" => Some("usd"),
        "£" => Some("gbp"),
        "¥" => Some("jpy"),
        "₴" => Some("uah"),
        "₽" => Some("rub"),
        _ => None,
    }
}

/// The dollar a prefix names: "US$20m", "A$48 million", "NZ$5,000". A bare "$"
/// is read as US dollars.
fn dollar_of(prefix: &str) -> Option<&'static str> {
    let code = match prefix {
        "US" => "usd",
        "A" | "AU" => "aud",
        "C" | "CA" => "cad",
        "NZ" => "nzd",
        "HK" => "hkd",
        "S" => "sgd",
        _ => return None,
    };
    Some(code)
}

/// Currency words and codes, before or after the number.
fn currency_word(word: &str) -> Option<&'static str> {
    let code = match word.to_ascii_lowercase().as_str() {
        "euro" | "euros" | "eur" => "eur",
        "dollar" | "dollars" | "usd" => "usd",
        "aud" => "aud",
        "cad" => "cad",
        "nzd" => "nzd",
        "pound" | "pounds" | "sterling" | "gbp" => "gbp",
        "yen" | "jpy" => "jpy",
        "yuan" | "renminbi" | "cny" => "cny",
        "hryvnia" | "hryvnias" | "hryvnias'" | "uah" => "uah",
        "rouble" | "roubles" | "ruble" | "rubles" | "rub" => "rub",
        "francs" | "franc" | "chf" => "chf",
        // Norway's, Denmark's and Sweden's crowns, in English or their own
        // spelling: one event's reports name one country's crown.
        "crown" | "crowns" | "krone" | "kroner" | "krona" | "kronor" | "nok" | "dkk" | "sek" => {
            "crown"
        }
        _ => return None,
    };
    Some(code)
}

/// Units of time: canonical singular for durations.
pub(crate) fn time_unit(word: &str) -> Option<&'static str> {
    let unit = match word.to_ascii_lowercase().as_str() {
        "second" | "seconds" | "sec" | "secs" => "second",
        "minute" | "minutes" | "min" | "mins" => "minute",
        "hour" | "hours" | "hr" | "hrs" => "hour",
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "fortnight" | "fortnights" => "fortnight",
        "month" | "months" => "month",
        "year" | "years" => "year",
        "decade" | "decades" => "decade",
        _ => return None,
    };
    Some(unit)
}

fn distance_unit(word: &str) -> Option<&'static str> {
    let unit = match word.to_ascii_lowercase().as_str() {
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km",
        "mile" | "miles" | "mi" => "mile",
        "m" | "metre" | "metres" | "meter" | "meters" => "metre",
        "ft" | "foot" | "feet" => "foot",
        "cm" | "centimetre" | "centimetres" => "cm",
        _ => return None,
    };
    Some(unit)
}

/// A unit of area at token `k` and the index after it: "hectares", "ha", "acres",
/// "square kilometres", "sq miles", "km2".
fn area_unit_at(tokens: &[Token], k: usize) -> Option<(&'static str, usize)> {
    let word = |i: usize| tokens.get(i).map(|t| t.text.to_ascii_lowercase());
    let first = word(k)?;
    match first.as_str() {
        "hectare" | "hectares" | "ha" => Some(("hectare", k + 1)),
        "acre" | "acres" => Some(("acre", k + 1)),
        "km2" | "km²" => Some(("sq km", k + 1)),
        "square" | "sq" => match distance_unit(&word(k + 1)?)? {
            "km" => Some(("sq km", k + 2)),
            "mile" => Some(("sq mile", k + 2)),
            _ => None,
        },
        _ => None,
    }
}

/// A unit of data at token `k` and the index after it: "gigabytes", "GB",
/// "terabytes", "TB". The capitals of the short forms are required: "mb" and "gb"
/// in lower case are as often typing slips for something else.
fn data_unit_at(tokens: &[Token], k: usize) -> Option<(&'static str, usize)> {
    let token = tokens.get(k)?;
    let unit = match token.text {
        "MB" => "megabyte",
        "GB" => "gigabyte",
        "TB" => "terabyte",
        "PB" => "petabyte",
        _ => match token.text.to_ascii_lowercase().trim_end_matches('s') {
            "megabyte" => "megabyte",
            "gigabyte" => "gigabyte",
            "terabyte" => "terabyte",
            "petabyte" => "petabyte",
            _ => return None,
        },
    };
    Some((unit, k + 1))
}

/// A unit of speed at token `k` and the index after it: "mph", "km/h", "kph",
/// "knots", "miles per hour", "kilometres per hour".
fn speed_unit_at(tokens: &[Token], k: usize) -> Option<(&'static str, usize)> {
    let word = |i: usize| tokens.get(i).map(|t| t.text.to_ascii_lowercase());
    let first = word(k)?;
    let per_hour = word(k + 1).as_deref() == Some("per") && word(k + 2).as_deref() == Some("hour");
    let slash_h =
        tokens.get(k + 1).is_some_and(|t| t.is_punct("/")) && word(k + 2).as_deref() == Some("h");
    match first.as_str() {
        "mph" => Some(("mph", k + 1)),
        "kph" | "kmh" | "kmph" => Some(("km/h", k + 1)),
        "knot" | "knots" | "kt" | "kts" => Some(("knot", k + 1)),
        "km" if slash_h => Some(("km/h", k + 3)),
        "mile" | "miles" if per_hour => Some(("mph", k + 3)),
        "kilometre" | "kilometres" | "kilometer" | "kilometers" if per_hour => {
            Some(("km/h", k + 3))
        }
        _ => None,
    }
}

/// Whether `conversion` is `figure` in another unit, in brackets right after it:
/// "C$45 million ($32 million)", "70 mph (113 km/h)".
fn converts_in_brackets(text: &str, figure: &Quantity, conversion: &Quantity) -> bool {
    figure.dimension == conversion.dimension
        && figure.unit != conversion.unit
        && text
            .get(figure.end..conversion.start)
            .is_some_and(|gap| gap.trim() == "(")
}

/// A currency named by its country's adjective and the currency's English name:
/// "Norwegian crowns", "Canadian dollars", "Swiss francs".
fn national_currency(adjective: &str, currency: &str) -> Option<&'static str> {
    let code = match (adjective, currency_word(currency)?) {
        ("Norwegian" | "Danish" | "Swedish", "crown") => "crown",
        ("Canadian", "usd") => "cad",
        ("Australian", "usd") => "aud",
        ("Singapore", "usd") => "sgd",
        ("Swiss", "chf") => "chf",
        _ => return None,
    };
    Some(code)
}

/// Whether a word names a unit of measure: time, length, weight or money.
pub(crate) fn is_unit_word(word: &str) -> bool {
    time_unit(word).is_some()
        || distance_unit(word).is_some()
        || weight_unit(word).is_some()
        || currency_word(word).is_some()
}

/// The unit of a temperature in Celsius.
pub const CELSIUS: &str = "°C";
/// The unit of a temperature in Fahrenheit.
pub const FAHRENHEIT: &str = "°F";
/// The unit of a temperature whose scale the text does not name ("40 degrees").
pub const DEGREES: &str = "degree";
/// The measure of a temperature given as a change ("beat the record by 0.3
/// degrees", "2C above average"), never compared with a reading.
pub const TEMPERATURE_CHANGE: &str = "temperature change";

/// The unit of a temperature at `k` and the index after it: "46.4C", "46.4°C",
/// "115 °F", "46.3 degrees Celsius", "40 degrees". A letter alone counts only
/// glued to the number or after "°" ("Flat 4 C" is no temperature).
fn temperature_unit_at(tokens: &[Token], k: usize) -> Option<(&'static str, usize)> {
    let token = tokens.get(k)?;
    let scale_at = |i: usize| match tokens.get(i)?.text {
        "C" | "Celsius" | "celsius" | "centigrade" | "Centigrade" => Some(CELSIUS),
        "F" | "Fahrenheit" | "fahrenheit" => Some(FAHRENHEIT),
        _ => None,
    };
    // "minus 12 Celsius": the scale's name after the figure.
    if token.text.len() > 1 {
        if let Some(scale) = scale_at(k) {
            return Some((scale, k + 1));
        }
    }
    // "46.0 C": a decimal figure makes a spaced letter a scale too.
    let decimal_before = k
        .checked_sub(1)
        .is_some_and(|before| tokens[before].text.contains('.'));
    if token.text.len() == 1 && (!token.space_before || decimal_before) {
        if let Some(scale) = scale_at(k) {
            return Some((scale, k + 1));
        }
    }
    let degree_sign = matches!(token.text, "°" | "º");
    if degree_sign || token.is_word("degrees") || token.is_word("degree") {
        return Some(match scale_at(k + 1) {
            Some(scale) => (scale, k + 2),
            None => (DEGREES, k + 1),
        });
    }
    None
}

/// Whether a minus stands right before the figure at `first`: "minus 12", "-12"
/// glued to it (not the dash of a range, "10-12").
fn is_below_zero_at(tokens: &[Token], first: usize) -> bool {
    let Some(before) = first.checked_sub(1).map(|b| &tokens[b]) else {
        return false;
    };
    if before.is_word("minus") {
        return true;
    }
    let dash = matches!(before.text, "-" | "−" | "–");
    let dash_opens =
        first < 2 || before.space_before || tokens[first - 2].kind != TokenKind::Number;
    dash && !tokens[first].space_before && dash_opens
}

/// Words that say a sentence's figures may be temperatures.
fn is_temperature_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "temperature",
        "temperatures",
        "mercury",
        "degrees",
        "thermometer",
    ];
    WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Whether the temperature whose figure runs from `first` to before `next` is a
/// change: "by 0.3 degrees", "2C above the old record", "five degrees warmer".
fn is_temperature_change(tokens: &[Token], first: usize, next: usize) -> bool {
    let by_before = first
        .checked_sub(1)
        .is_some_and(|before| tokens[before].is_word("by"));
    let compared_after = tokens.get(next).is_some_and(|t| {
        [
            "above", "below", "higher", "lower", "warmer", "cooler", "hotter", "colder",
        ]
        .iter()
        .any(|w| t.is_word(w))
    });
    by_before || compared_after
}

fn weight_unit(word: &str) -> Option<&'static str> {
    let unit = match word.to_ascii_lowercase().as_str() {
        "kg" | "kgs" | "kilo" | "kilos" | "kilogram" | "kilograms" | "kilogramme" => "kg",
        "tonne" | "tonnes" | "ton" | "tons" | "t" => "tonne",
        "lb" | "lbs" => "lb",
        "g" | "gram" | "grams" | "gramme" | "grammes" => "gram",
        _ => return None,
    };
    Some(unit)
}

/// Words that can stand between a number and its noun ("five more people").
/// The unit and measure of an earthquake's size: one scale, never a count.
const MAGNITUDE: &str = "magnitude";

const SKIPPED_ADJECTIVES: &[&str] = &[
    "more",
    "additional",
    "other",
    "extra",
    "new",
    "further",
    "separate",
    "different",
    "young",
    "small",
    "large",
    "big",
    "major",
    "armed",
    "desperate",
    "elderly",
];

/// Words that are never a unit: function words and verbs that follow counts.
const NOT_UNITS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "but",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "as",
    "than",
    "that",
    "this",
    "these",
    "those",
    "who",
    "which",
    "what",
    "whom",
    "whose",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "do",
    "did",
    "does",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "said",
    "say",
    "says",
    "told",
    "per",
    "cent",
    "percent",
    "dead",
    "hurt",
    "missing",
    "died",
    "die",
    "feared",
    "more",
    "less",
    "fewer",
    "times",
    "so",
    "too",
    "also",
    "only",
    "just",
    "about",
    "around",
    "after",
    "before",
    "since",
    "until",
    "into",
    "onto",
    "out",
    "up",
    "down",
    "off",
    "over",
    "under",
    "it",
    "its",
    "they",
    "them",
    "their",
    "he",
    "she",
    "we",
    "i",
    "you",
    "his",
    "her",
    "our",
    "my",
    "your",
    "not",
    "no",
    "all",
    "each",
    "every",
    "both",
    "either",
    "neither",
    "there",
    "here",
    "then",
    "when",
    "where",
    "while",
    "if",
    "because",
    "against",
    "across",
    "among",
    "through",
    "during",
    "without",
    "within",
    "between",
    "remain",
    "remained",
    "remains",
    "left",
    "got",
    "went",
    "came",
    "come",
    "took",
    "take",
    "percentage",
    // "passed 160 last night": a time follows, not a unit.
    "last",
    "next",
    "yesterday",
    "today",
    "tonight",
    "plus",
    "odd",
    "ago",
    "later",
    "earlier",
    "apiece",
    "s",
    "dies",
    "shows",
    "seems",
    "needs",
    "means",
    "takes",
    "goes",
    "comes",
    "makes",
    "gets",
    "gives",
    "wants",
    "runs",
    "looks",
    "remain",
];

/// Nouns for which "one" is a number rather than a pronoun.
const ONE_NOUNS: &[&str] = &[
    "person",
    "man",
    "woman",
    "child",
    "boy",
    "girl",
    "baby",
    "death",
    "civilian",
    "soldier",
    "officer",
    "firefighter",
    "victim",
    "body",
    "casualty",
    "drone",
    "missile",
    "vote",
];

/// Participles in "-ing" that are nouns and so can be units.
const ING_NOUNS: &[&str] = &[
    "building",
    "buildings",
    "meeting",
    "meetings",
    "dwelling",
    "dwellings",
    "sibling",
    "siblings",
    "offspring",
    "ceiling",
    "bombing",
    "bombings",
    "shooting",
    "shootings",
    "sitting",
];

/// Whether the bare number from `first` to before `next` is the age of the
/// person named before "of": "a little girl of just SIX", "a man of 80 who".
fn is_age_of_a_person_before(tokens: &[Token], first: usize, next: usize) -> bool {
    // The parts of people the lexicon knows (girl, man, pensioner) and family.
    const FAMILY: &[&str] = &[
        "toddler",
        "son",
        "daughter",
        "grandmother",
        "grandfather",
        "grandson",
        "granddaughter",
    ];
    let is_person = |t: &Token| {
        let lower = t.text.to_lowercase();
        crate::lexicon::part_of_people(&lower).is_some() || FAMILY.contains(&lower.as_str())
    };
    let mut before = first.checked_sub(1);
    if let Some(b) = before.filter(|&b| {
        ["just", "only", "barely"]
            .iter()
            .any(|w| tokens[b].is_word(w))
    }) {
        before = b.checked_sub(1);
    }
    let Some(of) = before.filter(|&b| tokens[b].is_word("of")) else {
        return false;
    };
    let person_before = of.checked_sub(1).is_some_and(|p| is_person(&tokens[p]));
    let nothing_counted_after = tokens.get(next).is_none_or(|t| {
        t.kind != TokenKind::Word
            || [
                "and", "or", "who", "was", "is", "from", "in", "with", "when",
            ]
            .iter()
            .any(|w| t.is_word(w))
    });
    person_before && nothing_counted_after
}

/// Whether a word before a plural noun is by its ending an adjective ("anxious",
/// "tearful"; "frightened" and "terrified" are read by the caller's participle
/// test, "desperate" is a `SKIPPED_ADJECTIVES` word), not the first noun of a
/// compound ("fire engines").
fn looks_like_an_adjective(lower: &str) -> bool {
    const ENDINGS: &[&str] = &["ous", "ful", "less", "ive", "able", "ible", "ish"];
    ENDINGS.iter().any(|ending| lower.ends_with(ending))
}

/// Canonical singular of a noun: "drones" -> "drone", "casualties" -> "casualty",
/// "persons" -> "people".
fn singular(word: &str) -> String {
    if is_initialism_plural(word) {
        return word[..word.len() - 1].to_lowercase();
    }
    let lower = word.to_lowercase();
    let irregular = match lower.as_str() {
        "people" | "persons" | "person" | "souls" | "soul" => Some("people"),
        "men" => Some("man"),
        "women" => Some("woman"),
        "children" => Some("child"),
        "lives" => Some("life"),
        "feet" => Some("foot"),
        "police" | "staff" | "sheep" | "aircraft" | "series" | "species" | "news"
        | "crossroads" => Some(lower.as_str()),
        _ => None,
    };
    if let Some(word) = irregular {
        return word.to_string();
    }
    let n = lower.len();
    if n > 4 && lower.ends_with("ies") {
        return format!("{}y", &lower[..n - 3]);
    }
    if ["sses", "shes", "ches", "xes", "zes"]
        .iter()
        .any(|s| lower.ends_with(s))
    {
        return lower[..n - 2].to_string();
    }
    if n > 3 && lower.ends_with('s') && !["ss", "us", "is"].iter().any(|s| lower.ends_with(s)) {
        return lower[..n - 1].to_string();
    }
    lower
}

// ---------------------------------------------------------------------------
// Reading numbers

/// A number (or range) as read, before its unit.
#[derive(Debug, Clone)]
struct Amount {
    value: f64,
    upper: Option<f64>,
    approx: Approx,
    currency: Option<&'static str>,
    /// Written as a plain 4-digit integer in the span of years ("2025").
    year_like: bool,
    /// Whether the scale came from the number itself ("1.2 million").
    scaled: bool,
    /// That scale (1 when none).
    scale: f64,
    /// A unit of time already read with the number ("an hour", "half an hour").
    time_unit: Option<&'static str>,
    /// A fraction of a change read as a percentage ("fell by two-thirds").
    share_of_change: bool,
    /// First token index and the index after the amount.
    first: usize,
    next: usize,
}

impl Amount {
    /// An amount spelled in words or read from a few tokens at `first..next`: no
    /// range, currency, scale, unit of time or share of a change unless set after.
    fn spelled(value: f64, approx: Approx, first: usize, next: usize) -> Amount {
        Amount {
            value,
            upper: None,
            approx,
            currency: None,
            year_like: false,
            scaled: false,
            scale: 1.0,
            time_unit: None,
            share_of_change: false,
            first,
            next,
        }
    }
}

/// Parses "1,200", "3.5", "58" exactly as decimal, times `scale`, without float noise
/// ("1.2" * 1e6 is 1200000, not 1199999.9999999998).
fn digits_value(text: &str, scale: f64) -> Option<f64> {
    let plain = text.replace(',', "");
    let (int_part, frac_part) = plain.split_once('.').unwrap_or((&plain, ""));
    if int_part.is_empty() || frac_part.contains('.') || int_part.len() + frac_part.len() > 15 {
        return None;
    }
    let mantissa: f64 = format!("{int_part}{frac_part}").parse().ok()?;
    Some(mantissa * scale / 10f64.powi(frac_part.len() as i32))
}

fn is_number_word(token: &Token) -> bool {
    token.kind == TokenKind::Word && NUMBER_WORDS.iter().any(|w| token.is_word(w))
}

/// A run of number words ("five hundred and fifty", "forty-five", "a hundred"),
/// converted with text2num. Returns value and the index after the run.
fn number_words_at(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    let mut words: Vec<String> = Vec::new();
    let mut k = i;
    if tokens[i].is_word("a") || tokens[i].is_word("an") {
        let next = tokens.get(i + 1)?;
        if !["hundred", "thousand", "million", "billion"]
            .iter()
            .any(|w| next.is_word(w))
        {
            return None;
        }
        words.push("one".into());
        k += 1;
    }
    let mut ends = Vec::new();
    while let Some(token) = tokens.get(k) {
        if is_number_word(token) {
            words.push(token.text.to_ascii_lowercase());
            k += 1;
            ends.push((words.len(), k));
        } else if token.is_punct("-")
            && !token.space_before
            && tokens
                .get(k + 1)
                .is_some_and(|t| !t.space_before && is_number_word(t))
        {
            k += 1;
        } else if token.is_word("and")
            && words.last().is_some_and(|w| {
                ["hundred", "thousand", "million", "billion"].contains(&w.as_str())
            })
            && tokens.get(k + 1).is_some_and(is_number_word)
        {
            words.push("and".into());
            k += 1;
        } else {
            break;
        }
    }
    let english = English::new();
    // Longest prefix that text2num accepts ("two three" is two numbers).
    for &(len, next) in ends.iter().rev() {
        if let Ok(digits) = text2num::text2digits(&words[..len].join(" "), &english) {
            if let Ok(value) = digits.parse::<f64>() {
                return Some((value, next));
            }
        }
    }
    None
}

/// A plain number with its scale and currency at `i`: "40", "€3.5bn", "$20m",
/// "1.2 million", "forty", "five hundred and fifty", "two dozen".
fn plain_number_at(tokens: &[Token], i: usize) -> Option<Amount> {
    let mut k = i;
    let mut currency = None;
    // Currency before: "€3.5bn", "US$20m", "EUR 3.5bn".
    if let Some(token) = tokens.get(k) {
        if let Some(code) = currency_symbol(token.text) {
            currency = Some(code);
            k += 1;
        } else if let Some(code) = tokens
            .get(k + 1)
            .filter(|t| t.text == "$" && !t.space_before)
            .and_then(|_| dollar_of(token.text))
        {
            currency = Some(code);
            k += 2;
        } else if token.kind == TokenKind::Word
            && token.text.len() == 3
            && token.text.chars().all(|c| c.is_ascii_uppercase())
            && tokens
                .get(k + 1)
                .is_some_and(|t| t.kind == TokenKind::Number)
        {
            if let Some(code) = currency_word(token.text) {
                currency = Some(code);
                k += 1;
            }
        }
    }
    let token = tokens.get(k)?;
    let money = currency.is_some();
    let (value, mut next, digits) = match token.kind {
        TokenKind::Number => {
            if is_label_number(tokens, k) {
                return None;
            }
            (digits_value(token.text, 1.0)?, k + 1, true)
        }
        TokenKind::Word => {
            let (value, next) = number_words_at(tokens, k)?;
            (value, next, false)
        }
        TokenKind::Punct => return None,
    };
    let mut value = value;
    let mut scaled = false;
    let mut scale_used = 1.0;
    // Scale: "3.5bn", "1.2 million", "$20m", "two dozen".
    if let Some(scale_token) = tokens.get(next) {
        let money_after = money
            || tokens
                .get(next + 1)
                .is_some_and(|t| currency_word(t.text).is_some());
        if scale_token.kind == TokenKind::Word {
            if let Some(scale) = scale_of(scale_token.text, money_after) {
                value = if digits {
                    digits_value(token.text, scale)?
                } else {
                    value * scale
                };
                scaled = true;
                scale_used = scale;
                next += 1;
            } else if scale_token.is_word("dozen") {
                value *= 12.0;
                next += 1;
            }
        }
    }
    let year_like = digits
        && !scaled
        && currency.is_none()
        && token.text.len() == 4
        && !token.text.contains([',', '.'])
        && (1800.0..=2100.0).contains(&value);
    Some(Amount {
        value,
        upper: None,
        approx: Approx::Exact,
        currency,
        year_like,
        scaled,
        scale: scale_used,
        time_unit: None,
        share_of_change: false,
        first: i,
        next,
    })
}

/// Digits that name rather than count: "No. 10", "Article 5", "G7", "Covid-19",
/// "4th", "1990s", "5G".
fn is_label_number(tokens: &[Token], k: usize) -> bool {
    let token = &tokens[k];
    if let Some(after) = tokens.get(k + 1) {
        if after.kind == TokenKind::Word && !after.space_before {
            let w = after.text;
            let unit_like = scale_of(w, true).is_some()
                || distance_unit(w).is_some()
                || weight_unit(w).is_some()
                || speed_unit_at(tokens, k + 1).is_some()
                || temperature_unit_at(tokens, k + 1).is_some()
                || data_unit_at(tokens, k + 1).is_some()
                || area_unit_at(tokens, k + 1).is_some()
                || time_unit(w).is_some()
                || currency_word(w).is_some()
                || w.eq_ignore_ascii_case("am")
                || w.eq_ignore_ascii_case("pm")
                || w == "p"
                || w.eq_ignore_ascii_case("bp")
                || w.eq_ignore_ascii_case("bps");
            if !unit_like {
                return true;
            }
        }
    }
    let Some(before) = k.checked_sub(1).map(|b| &tokens[b]) else {
        return false;
    };
    if !token.space_before {
        if before.kind == TokenKind::Word {
            return true; // "G7", "MH17"
        }
        if before.is_punct("-") && !before.space_before && k >= 2 {
            return tokens[k - 2].kind == TokenKind::Word; // "Covid-19", "F-16"
        }
    }
    if LABEL_WORDS.contains(&before.text)
        || LOWER_CASE_LABEL_WORDS.contains(&before.text)
        || names_an_index(tokens, k)
    {
        return true;
    }
    before.is_punct(".")
        && k >= 2
        && ["No", "Nos", "Vol", "Art", "p", "pp"].contains(&tokens[k - 2].text)
}

/// "The FTSE 100 fell", "the MHX 30 share index": a whole number after an
/// acronym in ordinary text is the rest of a name. In a headline in capitals
/// ("DOZENS DEAD AS 40 HURT") the words around are capitals too, and it counts.
fn names_an_index(tokens: &[Token], k: usize) -> bool {
    // "MINUS 17" is a shouted word, not an index.
    let is_acronym = |t: &Token| {
        t.kind == TokenKind::Word
            && (2..=5).contains(&t.text.len())
            && t.text.chars().all(|c| c.is_ascii_uppercase())
            && !t.is_word("minus")
            && !t.is_word("plus")
    };
    let in_capitals = |t: Option<&Token>| {
        t.is_some_and(|t| t.kind == TokenKind::Word && t.text.chars().all(|c| !c.is_lowercase()))
    };
    let whole = tokens[k].text.chars().all(|c| c.is_ascii_digit());
    let acronym_at = k.checked_sub(1).filter(|&b| is_acronym(&tokens[b]));
    whole
        && tokens[k].space_before
        && acronym_at.is_some_and(|b| {
            !in_capitals(b.checked_sub(1).and_then(|p| tokens.get(p)))
                && !in_capitals(tokens.get(k + 1))
        })
}

/// "dozens of", "hundreds of thousands", "tens of thousands".
fn vague_amount_at(tokens: &[Token], i: usize) -> Option<Amount> {
    let scale = vague_scale(tokens.get(i)?.text)?;
    let mut next = i + 1;
    let mut multiplier = 1.0;
    if tokens.get(next).is_some_and(|t| t.is_word("of")) {
        if let Some(inner) = tokens
            .get(next + 1)
            .and_then(|t| vague_scale(t.text))
            .filter(|s| *s >= 1e3)
        {
            multiplier = inner;
            next += 2;
        }
    }
    // "hundreds" alone reads "hundreds were hurt"; "tens" alone is not a number.
    if scale == 10.0 && multiplier == 1.0 {
        return None;
    }
    Some(Amount {
        upper: Some(10.0 * scale * multiplier),
        scaled: true,
        scale: multiplier,
        ..Amount::spelled(2.0 * scale * multiplier, Approx::About, i, next)
    })
}

/// Whether the figure starting at `first` follows "by", past an approximation
/// ("fell by 0.3%", "slumped by almost a fifth"): the size of a change, not a rate.
fn is_size_of_change(tokens: &[Token], first: usize) -> bool {
    let (_, cue_first) = approx_before(tokens, first);
    cue_first
        .checked_sub(1)
        .is_some_and(|by| tokens[by].is_word("by"))
}

/// Whether a quantity is a spelled fraction ("two-thirds", "almost a fifth").
pub fn is_spelled_fraction(quantity: &Quantity) -> bool {
    quantity.dimension == Dimension::Percent
        && quantity
            .text
            .split(|c: char| !c.is_alphabetic())
            .any(|word| denominator_of(word).is_some())
}

/// Whether the amount ending before `next` is the numerator of a spelled fraction
/// ("two-thirds of the staff", "one third"), which is not a count of thirds.
fn is_fraction_numerator(tokens: &[Token], next: usize) -> bool {
    let hyphen = tokens
        .get(next)
        .is_some_and(|t| t.is_punct("-") && !t.space_before);
    let at = if hyphen { next + 1 } else { next };
    tokens
        .get(at)
        .is_some_and(|word| word.kind == TokenKind::Word && denominator_of(word.text).is_some())
}

/// Words that may follow a fraction of a change ("fell by a third in a year",
/// "by half since 2020"); any other lower-case word makes the fraction part of a
/// noun phrase ("a third party").
const FRACTION_FOLLOWERS: &[&str] = &[
    "of", "in", "on", "to", "from", "since", "and", "but", "or", "after", "over", "against",
    "compared", "last", "this", "year", "while", "as", "at", "for", "within", "during", "between",
    "than", "before",
];

/// The denominators of spelled fractions, singular and plural.
const FRACTION_DENOMINATORS: &[(&str, &str, f64)] = &[
    ("half", "halves", 2.0),
    ("third", "thirds", 3.0),
    ("quarter", "quarters", 4.0),
    ("fifth", "fifths", 5.0),
    ("tenth", "tenths", 10.0),
];

/// The value of a fraction's denominator word, and whether the word is plural:
/// "thirds" is (3, true), "Half" (2, false).
fn denominator_of(word: &str) -> Option<(f64, bool)> {
    FRACTION_DENOMINATORS
        .iter()
        .find_map(|&(one, many, value)| {
            if word.eq_ignore_ascii_case(one) {
                Some((value, false))
            } else if word.eq_ignore_ascii_case(many) {
                Some((value, true))
            } else {
                None
            }
        })
}

/// A spelled fraction of a change, as a percentage: "fell by two-thirds", "cut by
/// half", "slumped by almost a fifth", "rose by three quarters". Only after "by"
/// (past an approximation: "by about a third"), where a fraction is the size of a
/// change; elsewhere ("a third of the staff", "half an hour") it is not read.
/// Spelled fractions are round by nature; the matcher's tolerance knows it
/// ([`is_spelled_fraction`]), so a plain "by two-thirds" is not a hedge.
fn fraction_of_change_at(tokens: &[Token], i: usize) -> Option<Amount> {
    if !is_size_of_change(tokens, i) {
        return None;
    }
    let (numerator, denominator, next) = spelled_fraction_at(tokens, i)?;
    // "by half an hour", "by a quarter of an hour", "by a third party": not a share.
    let after = tokens.get(next);
    let of_a_thing = after.is_some_and(|t| t.is_word("of"))
        && tokens
            .get(next + 1)
            .is_some_and(|t| t.is_word("a") || t.is_word("an"));
    let noun_after = after.is_some_and(|t| {
        t.kind == TokenKind::Word
            && !t.is_capitalised()
            && !FRACTION_FOLLOWERS.iter().any(|w| t.is_word(w))
    });
    if numerator >= denominator || of_a_thing || noun_after {
        return None;
    }
    Some(Amount {
        share_of_change: true,
        ..Amount::spelled(
            (100.0 * numerator / denominator * 10.0).round() / 10.0,
            Approx::Exact,
            i,
            next,
        )
    })
}

/// A fraction spelled out at `i`: "half", "a third", "one quarter", "two-thirds",
/// "three quarters", as (numerator, denominator, index after it).
fn spelled_fraction_at(tokens: &[Token], i: usize) -> Option<(f64, f64, usize)> {
    let first = tokens.get(i)?;
    let denominator_at = |k: usize, plural: bool| {
        let word = tokens.get(k).filter(|t| t.kind == TokenKind::Word)?;
        denominator_of(word.text)
            .filter(|&(_, is_plural)| is_plural == plural)
            .map(|(value, _)| value)
    };
    if first.is_word("half") {
        return Some((1.0, 2.0, i + 1));
    }
    if first.is_word("a") || first.is_word("one") {
        return Some((1.0, denominator_at(i + 1, false)?, i + 2));
    }
    let numerator = ["two", "three", "four"]
        .iter()
        .position(|w| first.is_word(w))? as f64
        + 2.0;
    // "two-thirds" and "two thirds".
    let hyphen = tokens.get(i + 1).is_some_and(|t| t.is_punct("-"));
    let at = if hyphen { i + 2 } else { i + 1 };
    Some((numerator, denominator_at(at, true)?, at + 1))
}

/// A proper fraction spelled out at `i` and the "a" or "an" of one thing after it
/// ("half a", "a quarter of a", "two-thirds of an"), as (numerator, denominator,
/// index of the thing after the article).
fn fraction_of_one_at(tokens: &[Token], i: usize) -> Option<(f64, f64, usize)> {
    let (numerator, denominator, after) = spelled_fraction_at(tokens, i)?;
    let article_at = if tokens[i].is_word("half") {
        after
    } else {
        tokens.get(after).filter(|t| t.is_word("of"))?;
        after + 1
    };
    tokens
        .get(article_at)
        .filter(|t| t.is_word("a") || t.is_word("an"))?;
    (numerator < denominator).then_some((numerator, denominator, article_at + 1))
}

/// A fraction of a round number: "half a million", "a quarter of a million",
/// "two-thirds of a billion". Round by nature, so read as about that much.
fn fraction_of_a_scale_at(tokens: &[Token], i: usize) -> Option<Amount> {
    let (numerator, denominator, scale_at) = fraction_of_one_at(tokens, i)?;
    let word = tokens.get(scale_at).filter(|t| t.kind == TokenKind::Word)?;
    let scale = match word.text.to_ascii_lowercase().as_str() {
        "hundred" => 100.0,
        other => scale_of(other, false)?,
    };
    Some(Amount {
        scaled: true,
        scale,
        ..Amount::spelled(
            (scale * numerator / denominator).round(),
            Approx::About,
            i,
            scale_at + 1,
        )
    })
}

/// A fraction of one distance unit or degree: "half a mile", "a quarter of a
/// mile", "three quarters of a kilometre", "half a degree". The amount ends where
/// the unit starts, which the unit reader then takes; read as "a mile" it was
/// twice or four times too long.
fn fraction_of_a_unit_at(tokens: &[Token], i: usize) -> Option<Amount> {
    let (numerator, denominator, unit_at) = fraction_of_one_at(tokens, i)?;
    let unit = tokens.get(unit_at)?;
    let one_unit =
        (distance_unit(unit.text).is_some() || unit.is_word("degree")) && !unit.text.ends_with('s');
    if !one_unit {
        return None;
    }
    Some(Amount::spelled(
        numerator / denominator,
        Approx::Exact,
        i,
        unit_at,
    ))
}

/// Amounts spelled with "a"/"an"/"half": "a dozen", "half a dozen", "an hour",
/// "half an hour", "an hour and a half".
fn article_amount_at(tokens: &[Token], i: usize) -> Option<Amount> {
    let token = tokens.get(i)?;
    let amount = |value: f64, approx, unit, next| {
        Some(Amount {
            time_unit: unit,
            ..Amount::spelled(value, approx, i, next)
        })
    };
    if token.is_word("half") {
        let article = tokens.get(i + 1)?;
        if article.is_word("a") || article.is_word("an") {
            // "half a percentage point": the unit follows.
            if rate_points_at(tokens, i + 2).is_some() {
                return amount(0.5, Approx::Exact, None, i + 2);
            }
            // "half a dozen" is six, and as loose as "a dozen".
            if tokens.get(i + 2).is_some_and(|t| t.is_word("dozen")) {
                return amount(6.0, Approx::About, None, i + 3);
            }
            let unit = time_unit(tokens.get(i + 2)?.text)?;
            return amount(0.5, Approx::Exact, Some(unit), i + 3);
        }
        return None;
    }
    if !(token.is_word("a") || token.is_word("an")) {
        return None;
    }
    let mut next_index = i + 1;
    let mut next = tokens.get(next_index)?;
    if next.is_word("dozen") {
        return amount(12.0, Approx::About, None, i + 2);
    }
    // "a full hour", "a whole day": the adjective only stresses the length.
    if ["full", "whole", "entire", "solid"]
        .iter()
        .any(|w| next.is_word(w))
    {
        next_index += 1;
        next = tokens.get(next_index)?;
    }
    let i = next_index - 1;
    // "just a mile above the town", "a kilometre away", "by almost a full
    // degree": one of a distance unit or a degree, which the unit reader then
    // takes.
    if time_unit(next.text).is_none() {
        let one_of_a_unit = distance_unit(next.text).is_some() || next.is_word("degree");
        if !one_of_a_unit || next.text.ends_with('s') {
            return None;
        }
        return amount(1.0, Approx::Exact, None, next_index);
    }
    let unit = time_unit(next.text)?;
    // "twice a year", "once a week": rates, not durations.
    let rate = i > 0
        && ["once", "twice", "thrice", "times", "per"]
            .iter()
            .any(|w| tokens[i - 1].is_word(w));
    if rate || next.text.ends_with('s') {
        return None;
    }
    // "an hour and a half".
    let half = tokens.get(i + 2).is_some_and(|t| t.is_word("and"))
        && tokens.get(i + 3).is_some_and(|t| t.is_word("a"))
        && tokens.get(i + 4).is_some_and(|t| t.is_word("half"));
    if half {
        return amount(1.5, Approx::Exact, Some(unit), i + 5);
    }
    amount(1.0, Approx::Exact, Some(unit), i + 2)
}

/// "was the only person hurt", "the only passenger to die": one, when what
/// happened to the one follows (the noun, then a measure word, or "to" and one).
fn the_only_one_at(tokens: &[Token], i: usize) -> Option<Amount> {
    const ONE_OF_PEOPLE: &[&str] = &[
        "person",
        "man",
        "woman",
        "child",
        "boy",
        "girl",
        "passenger",
        "victim",
        "casualty",
    ];
    let token = tokens.get(i)?;
    let after_the = i > 0 && tokens[i - 1].is_word("the");
    if !(after_the && (token.is_word("only") || token.is_word("sole"))) {
        return None;
    }
    let noun = tokens.get(i + 1)?;
    if !ONE_OF_PEOPLE.iter().any(|word| noun.is_word(word)) {
        return None;
    }
    let measured = |at: usize| {
        tokens
            .get(at)
            .is_some_and(|t| measure_of(&t.text.to_lowercase()).is_some())
    };
    let to_measure = tokens.get(i + 2).is_some_and(|t| t.is_word("to"))
        && (measured(i + 3)
            || (tokens.get(i + 3).is_some_and(|t| t.is_word("be")) && measured(i + 4)));
    (measured(i + 2) || to_measure).then(|| Amount::spelled(1.0, Approx::Exact, i - 1, i + 1))
}

/// The amount at `i`, with ranges ("40-50", "1,200 to 1,500", "between 40 and 50",
/// "two or three") and "and a half".
fn amount_at(tokens: &[Token], i: usize) -> Option<Amount> {
    if let Some(amount) = vague_amount_at(tokens, i)
        .or_else(|| fraction_of_a_scale_at(tokens, i))
        .or_else(|| fraction_of_a_unit_at(tokens, i))
        .or_else(|| fraction_of_change_at(tokens, i))
        .or_else(|| article_amount_at(tokens, i))
        .or_else(|| the_only_one_at(tokens, i))
    {
        return Some(amount);
    }
    let mut amount = plain_number_at(tokens, i)?;
    let mut k = amount.next;
    // "two and a half hours".
    if tokens.get(k).is_some_and(|t| t.is_word("and"))
        && tokens.get(k + 1).is_some_and(|t| t.is_word("a"))
        && tokens.get(k + 2).is_some_and(|t| t.is_word("half"))
    {
        amount.value += 0.5;
        k += 3;
        amount.next = k;
        amount.year_like = false;
    }
    let between = i > 0 && tokens[i - 1].is_word("between");
    let joiner = tokens.get(k);
    let is_joiner = joiner.is_some_and(|t| {
        t.is_punct("-–") || t.is_word("to") || t.is_word("or") || (between && t.is_word("and"))
    });
    if is_joiner {
        if let Some(upper) = plain_number_at(tokens, k + 1) {
            let mut lower = amount.value;
            // "1.2 to 1.5 million": the lower end shares the upper's scale.
            if upper.scaled && !amount.scaled && lower * upper.scale <= upper.value {
                lower *= upper.scale;
            }
            let same_currency = upper.currency.is_none()
                || amount.currency.is_none()
                || upper.currency == amount.currency;
            let same_kind = upper.value >= lower && same_currency;
            // "2-1" is a score and "2024-25" a season; only rising ranges count.
            if same_kind && !(amount.year_like && upper.value < 1000.0) {
                amount.value = lower;
                amount.upper = Some(upper.value);
                amount.currency = amount.currency.or(upper.currency);
                amount.scaled |= upper.scaled;
                amount.year_like = false;
                amount.next = upper.next;
                if between {
                    amount.first = i - 1;
                }
            }
        }
    }
    Some(amount)
}

// ---------------------------------------------------------------------------
// Units and measures

struct UnitRead {
    dimension: Dimension,
    unit: String,
    /// The word the unit came from, for the measure ("deaths").
    word: Option<String>,
    next: usize,
}

fn is_unit_noun(token: &Token) -> bool {
    if is_initialism_plural(token.text) {
        return true;
    }
    if token.kind != TokenKind::Word || token.is_capitalised() || token.text.len() < 2 {
        return false;
    }
    let lower = token.text.to_lowercase();
    if NOT_UNITS.contains(&lower.as_str()) || NUMBER_WORDS.contains(&lower.as_str()) {
        return false;
    }
    if lower.ends_with("ly") {
        return false; // adverbs: "reportedly", "only"
    }
    if lower.ends_with("ed") {
        return false; // "killed", "injured", "feared": the measure, not the unit
    }
    if lower.ends_with("ing") && !ING_NOUNS.contains(&lower.as_str()) {
        return false;
    }
    true
}

/// A plural of capitals: "MPs", "MEPs", "TDs" count people like any plural noun.
fn is_initialism_plural(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| {
        (2..=4).contains(&stem.len()) && stem.chars().all(|c| c.is_ascii_uppercase())
    })
}

/// Percentage points, the unit a change in a rate is given in.
pub const PERCENTAGE_POINTS: &str = "pp";
/// A hundredth of a percentage point; stored as percentage points.
const BASIS_POINTS: &str = "bp";
/// A hundredth of a pound; stored as pounds.
const PENCE: &str = "pence";

/// "basis points", "bp", "percentage points" at token `k`: the unit and the index
/// after it.
fn rate_points_at(tokens: &[Token], k: usize) -> Option<(&'static str, usize)> {
    let token = tokens.get(k)?;
    if token.is_word("bp") || token.is_word("bps") {
        return Some((BASIS_POINTS, k + 1));
    }
    let points = tokens
        .get(k + 1)
        .is_some_and(|t| t.is_word("point") || t.is_word("points"));
    if points && token.is_word("basis") {
        return Some((BASIS_POINTS, k + 2));
    }
    if points && token.is_word("percentage") {
        return Some((PERCENTAGE_POINTS, k + 2));
    }
    None
}

/// The unit after an amount ending before token `k`.
fn unit_at(tokens: &[Token], k: usize, amount: &Amount) -> UnitRead {
    let plain = |dimension, unit: &str, next| UnitRead {
        dimension,
        unit: unit.to_string(),
        word: None,
        next,
    };
    if let Some(unit) = amount.time_unit {
        return plain(Dimension::Duration, unit, amount.next);
    }
    if amount.share_of_change {
        return plain(Dimension::Percent, "%", amount.next);
    }
    // "rated the danger at level 3", "a Category 4 hurricane": a step on a scale,
    // counted in the scale's steps.
    let scale_word = amount.first.checked_sub(1).and_then(|before| {
        crate::lexicon::RATING_SCALES
            .iter()
            .find(|w| tokens[before].is_word(w))
            .copied()
    });
    if let Some(scale) = scale_word {
        return plain(Dimension::Count, scale, amount.next);
    }
    if is_age_of_a_person_before(tokens, amount.first, amount.next) {
        return plain(Dimension::Age, "year", amount.next);
    }
    let Some(token) = tokens.get(k) else {
        return match amount.currency {
            Some(code) => plain(Dimension::Money, code, k),
            None => plain(Dimension::Count, "", k),
        };
    };
    // "50 basis points", "25bp", "0.5 percentage points": a change in a rate.
    if let Some((unit, next)) = rate_points_at(tokens, k) {
        return plain(Dimension::Percent, unit, next);
    }
    // "58%", "58 percent", "58 per cent".
    if token.is_punct("%") {
        return plain(Dimension::Percent, "%", k + 1);
    }
    if token.is_word("percent") {
        return plain(Dimension::Percent, "%", k + 1);
    }
    if token.is_word("per") && tokens.get(k + 1).is_some_and(|t| t.is_word("cent")) {
        return plain(Dimension::Percent, "%", k + 2);
    }
    // Hyphenated: "40-minute call", "34-year-old", "10-km".
    if token.is_punct("-") && !token.space_before {
        if let Some(word) = tokens.get(k + 1).filter(|t| !t.space_before) {
            if word.is_word("year")
                && tokens.get(k + 2).is_some_and(|t| t.is_punct("-"))
                && tokens.get(k + 3).is_some_and(|t| t.is_word("old"))
            {
                return plain(Dimension::Age, "year", k + 4);
            }
            if let Some(unit) = time_unit(word.text) {
                return plain(Dimension::Duration, unit, k + 2);
            }
            if let Some(unit) = distance_unit(word.text) {
                return plain(Dimension::Distance, unit, k + 2);
            }
            // "a 24-hectare meadow".
            if let Some((unit, next)) = area_unit_at(tokens, k + 1) {
                return plain(Dimension::Area, unit, next);
            }
            // "a two-carriage train", "the five-storey mill": the number counts the
            // noun it is joined to.
            let joined_to_more = tokens
                .get(k + 2)
                .is_some_and(|t| t.is_punct("-") && !t.space_before);
            if is_unit_noun(word) && !joined_to_more {
                return UnitRead {
                    dimension: Dimension::Count,
                    unit: singular(word.text),
                    word: Some(word.text.to_lowercase()),
                    next: k + 2,
                };
            }
        }
    }
    // "198p", "198 pence": a hundredth of a pound (stored as pounds).
    if token.is_word("pence") || (token.text == "p" && !token.space_before) {
        return plain(Dimension::Money, PENCE, k + 1);
    }
    // Money: "3.5 billion euros", "20 million US dollars".
    let mut m = k;
    if token.is_word("US") {
        m += 1;
    }
    // "5,000 Norwegian crowns", "20 million Canadian dollars": the country's own.
    if let Some(code) = tokens
        .get(k + 1)
        .and_then(|t| national_currency(token.text, t.text))
    {
        return plain(Dimension::Money, code, k + 2);
    }
    if let Some(code) = tokens.get(m).and_then(|t| currency_word(t.text)) {
        let is_weight = code == "gbp"
            && amount.currency.is_none()
            && tokens.get(m + 1).is_some_and(|t| t.is_word("of"));
        if is_weight {
            return plain(Dimension::Weight, "lb", m + 1);
        }
        return plain(Dimension::Money, code, m + 1);
    }
    if let Some(code) = amount.currency {
        return plain(Dimension::Money, code, k);
    }
    if let Some(unit) = time_unit(token.text) {
        // "34 years old"
        if unit == "year" && tokens.get(k + 1).is_some_and(|t| t.is_word("old")) {
            return plain(Dimension::Age, "year", k + 2);
        }
        return plain(Dimension::Duration, unit, k + 1);
    }
    if let Some((unit, next)) = speed_unit_at(tokens, k) {
        return plain(Dimension::Speed, unit, next);
    }
    if let Some((unit, next)) = area_unit_at(tokens, k) {
        return plain(Dimension::Area, unit, next);
    }
    if let Some((unit, next)) = data_unit_at(tokens, k) {
        return plain(Dimension::Data, unit, next);
    }
    // "16 nautical miles": sea distances, a unit of their own (1,852 m).
    let nautical_mile = tokens
        .get(k + 1)
        .is_some_and(|next| distance_unit(next.text) == Some("mile"));
    if token.is_word("nautical") && nautical_mile {
        return plain(Dimension::Distance, "nautical mile", k + 2);
    }
    if let Some((unit, next)) = temperature_unit_at(tokens, k) {
        return plain(Dimension::Temperature, unit, next);
    }
    if let Some(unit) = distance_unit(token.text) {
        // A spaced "m" is too often something else ("5 m" is rare in news).
        if !(token.text == "m" && token.space_before) {
            return plain(Dimension::Distance, unit, k + 1);
        }
    }
    if let Some(unit) = weight_unit(token.text) {
        if !(token.text.len() == 1 && token.space_before) {
            return plain(Dimension::Weight, unit, k + 1);
        }
    }
    // A noun: skip "of" after vague amounts ("dozens of people"), adjectives ("five
    // more people") and capitalised modifiers ("550 Shahed drones") when a lower-case
    // noun follows them.
    let mut n = k;
    if token.is_word("of") && amount.approx == Approx::About {
        n += 1;
    }
    // "52 of her own MPs", "three of their children": the noun after the possessor.
    if token.is_word("of")
        && tokens.get(k + 1).is_some_and(|t| {
            ["her", "his", "their", "its", "our", "my", "your"]
                .iter()
                .any(|w| t.is_word(w))
        })
    {
        n = k + 2;
        if tokens.get(n).is_some_and(|t| t.is_word("own")) {
            n += 1;
        }
    }
    while n < k + 3
        && tokens
            .get(n)
            .is_some_and(|t| SKIPPED_ADJECTIVES.iter().any(|w| t.is_word(w)))
    {
        n += 1;
    }
    let is_plural = |t: &Token| t.text.ends_with('s') && singular(t.text) != t.text.to_lowercase();
    // "2.4 million current and former customers": two words joined by "and" or
    // "or" before a plural noun describe it.
    let word_at = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Word && !t.is_capitalised() && !is_plural(t))
    };
    let paired_describers = word_at(n).is_some()
        && tokens
            .get(n + 1)
            .is_some_and(|t| t.is_word("and") || t.is_word("or"))
        && word_at(n + 2).is_some()
        && tokens
            .get(n + 3)
            .is_some_and(|t| is_unit_noun(t) && is_plural(t));
    if paired_describers {
        n += 3;
    }
    // "seven off-piste skiers", "300 far-right protesters": a hyphenated modifier
    // before a plural noun describes what is counted.
    let joined = |t: &Token| !t.space_before;
    let hyphenated_modifier = tokens
        .get(n)
        .is_some_and(|t| t.kind == TokenKind::Word && !t.is_capitalised())
        && tokens
            .get(n + 1)
            .is_some_and(|t| t.is_punct("-") && joined(t))
        && tokens
            .get(n + 2)
            .is_some_and(|t| t.kind == TokenKind::Word && joined(t))
        && tokens
            .get(n + 3)
            .is_some_and(|t| is_unit_noun(t) && is_plural(t));
    if hyphenated_modifier {
        n += 3;
    }
    // "1,140 planned operations", "300 stranded passengers", "130 desperate
    // souls": a participle or an adjective before a plural noun describes what is
    // counted.
    let participle_before_plural = tokens.get(n).is_some_and(|t| {
        t.kind == TokenKind::Word
            && t.text.len() > 4
            && (t.text.ends_with("ed") || looks_like_an_adjective(&t.text.to_lowercase()))
    }) && tokens
        .get(n + 1)
        .is_some_and(|t| is_unit_noun(t) && is_plural(t));
    if participle_before_plural {
        n += 1;
    }
    let mut m = n;
    while m < n + 2 && tokens.get(m).is_some_and(|t| t.is_capitalised()) {
        m += 1;
    }
    if m > n && tokens.get(m).is_some_and(is_unit_noun) {
        n = m;
    }
    if let Some(noun) = tokens.get(n).filter(|t| is_unit_noun(t)) {
        // Compound units: "fire engines", "police officers", "flood retention basins".
        // The plural head ends the compound; the unit is its last two words, so "new
        // retention basins" and "flood retention basins" count the same thing.
        let is_modifier = |t: &Token| {
            let lower = t.text.to_lowercase();
            !lower.ends_with('s') && lower != "people"
        };
        let mut head = n;
        while head < n + 2
            && is_modifier(&tokens[head])
            && tokens.get(head + 1).is_some_and(is_unit_noun)
        {
            head += 1;
        }
        if head > n && is_plural(&tokens[head]) {
            let modifier = tokens[head - 1].text.to_lowercase();
            return UnitRead {
                dimension: Dimension::Count,
                unit: format!("{modifier} {}", singular(tokens[head].text)),
                word: Some(tokens[head].text.to_lowercase()),
                next: head + 1,
            };
        }
        let lower = noun.text.to_lowercase();
        // "nearly 470 passengers and crew": one count of both groups, when no
        // figure of its own comes with the second ("2,140 passengers and 870 crew").
        if let Some(partner) = tokens
            .get(n + 1)
            .filter(|t| t.is_word("and"))
            .and(tokens.get(n + 2))
            .filter(|t| is_unit_noun(t) && names_a_group_of_people(t))
        {
            return UnitRead {
                dimension: Dimension::Count,
                unit: format!("{} and {}", singular(noun.text), singular(partner.text)),
                word: Some(lower),
                next: n + 3,
            };
        }
        return UnitRead {
            dimension: Dimension::Count,
            unit: singular(noun.text),
            word: Some(lower),
            next: n + 1,
        };
    }
    plain(Dimension::Count, "", k)
}

/// Nouns for people counted together with another group ("passengers and crew",
/// "pupils and staff", "patients and visitors").
fn names_a_group_of_people(token: &Token) -> bool {
    let lower = token.text.to_lowercase();
    matches!(
        lower.as_str(),
        "crew"
            | "staff"
            | "people"
            | "personnel"
            | "teachers"
            | "visitors"
            | "workers"
            | "employees"
            | "residents"
            | "passengers"
            | "pupils"
            | "students"
            | "children"
            | "adults"
            | "patients"
            | "guests"
            | "officers"
            | "volunteers"
            | "fans"
            | "spectators"
            | "civilians"
            | "soldiers"
            | "relatives"
            | "families"
    )
}

/// The surname whose age a number set off by commas after a name gives: "Megan
/// Lloyd, 34, said", "Stuart Beddows, 47, and ...". A whole number a person could
/// be, right after a capitalised word and a comma, and closed by a comma, a
/// bracket or the end of the sentence.
fn age_appositive_of(tokens: &[Token], amount: &Amount) -> Option<String> {
    let whole = amount.value.fract() == 0.0 && (1.0..=120.0).contains(&amount.value);
    let comma_before = amount.first >= 2 && tokens[amount.first - 1].text == ",";
    let closed = tokens
        .get(amount.next)
        .is_none_or(|t| matches!(t.text, "," | ")" | "." | ";"));
    if !whole || !comma_before || !closed || amount.next != amount.first + 1 {
        return None;
    }
    surname_at(&tokens[amount.first - 2])
}

/// The token as the surname an age belongs to: a capitalised word in ordinary
/// case that is no month or weekday ("Lloyd, 34", not "June, 34").
fn surname_at(name: &Token) -> Option<String> {
    let capitalised = name.kind == TokenKind::Word
        && name.text.chars().next().is_some_and(char::is_uppercase)
        && name.text.chars().any(char::is_lowercase);
    let not_a_name =
        crate::times::month_number(name.text).is_some() || crate::times::is_weekday_name(name.text);
    (capitalised && !not_a_name).then(|| name.text.to_string())
}

/// Things whose age news copy gives ("the 58-year-old bridge"): their age is not a
/// person's, and two of them are compared only with each other.
const AGED_THINGS: &[&str] = &[
    "bridge",
    "viaduct",
    "tunnel",
    "dam",
    "building",
    "tower",
    "block",
    "house",
    "church",
    "cathedral",
    "school",
    "hospital",
    "station",
    "stadium",
    "theatre",
    "hotel",
    "museum",
    "factory",
    "plant",
    "mine",
    "reactor",
    "pipeline",
    "pipe",
    "road",
    "railway",
    "line",
    "ship",
    "vessel",
    "ferry",
    "boat",
    "plane",
    "aircraft",
    "jet",
    "train",
    "bus",
    "car",
    "lorry",
    "truck",
    "tree",
    "company",
    "firm",
    "business",
    "law",
    "record",
    "structure",
    "span",
];

/// The thing an age right before it is of ("58-year-old bridge" -> "bridge"),
/// when it is one of [`AGED_THINGS`].
fn aged_thing_at(tokens: &[Token], next: usize) -> Option<String> {
    let noun = tokens.get(next)?;
    let thing = singular(noun.text);
    AGED_THINGS.contains(&thing.as_str()).then_some(thing)
}

/// "800 metres below the surface", "300m beneath the ground": a depth. `next` is
/// the token after the unit.
fn is_below_ground_at(tokens: &[Token], next: usize) -> bool {
    const GROUND: &[&str] = &[
        "ground",
        "surface",
        "sea",
        "seabed",
        "water",
        "waterline",
        "street",
        "streets",
    ];
    let below = tokens
        .get(next)
        .is_some_and(|t| t.is_word("below") || t.is_word("beneath") || t.is_word("under"));
    below
        && tokens[next + 1..]
            .iter()
            .take(2)
            .any(|t| GROUND.iter().any(|w| t.is_word(w)))
}

/// "six nautical miles off Kelsham Point", "3km north of the town", "20 miles
/// from Leeds": how far something is from a place, which is no length of a thing
/// ("40 kilometres of coastline"), nor a depth below the ground
/// ([`is_below_ground_at`] is asked first). `next` is the token after the unit.
fn is_away_from_a_place_at(tokens: &[Token], next: usize) -> bool {
    const AWAY: &[&str] = &[
        "off", "from", "away", "outside", "offshore", "inland", "below", "beneath", "above",
    ];
    // "30 km (19 miles) offshore": past a conversion in brackets.
    let next = match tokens.get(next) {
        Some(t) if t.is_punct(")") => next + 1,
        Some(t) if t.is_punct("(") => tokens[next..]
            .iter()
            .position(|t| t.is_punct(")"))
            .map_or(next, |close| next + close + 1),
        _ => next,
    };
    let Some(first) = tokens.get(next) else {
        return false;
    };
    // "stretch 25 miles from the border to the town" is a length again.
    let to_follows = || tokens[next + 1..].iter().take(6).any(|t| t.is_word("to"));
    if AWAY.iter().any(|w| first.is_word(w)) {
        return !(first.is_word("from") && to_follows());
    }
    // "north of", "north-east of".
    let mut i = next;
    while tokens.get(i).is_some_and(|t| {
        crate::entities::COMPASS_POINTS.iter().any(|w| t.is_word(w)) || t.is_punct("-")
    }) {
        i += 1;
    }
    i > next && tokens.get(i).is_some_and(|t| t.is_word("of"))
}

/// "Keith Brannigan, a 67-year-old retired bus driver": an age in a description
/// set after a name is that person's age, like "Keith Brannigan, 67,".
fn age_description_of(tokens: &[Token], amount: &Amount) -> Option<String> {
    let first = amount.first;
    let article = first >= 3 && (tokens[first - 1].is_word("a") || tokens[first - 1].is_word("an"));
    if !article || tokens[first - 2].text != "," {
        return None;
    }
    surname_at(&tokens[first - 3])
}

/// Verbs, besides words in "-ed", that make "three of them ..." a clause of its
/// own: auxiliaries and the irregular participles of news counts.
const ASIDE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "been", "be", "will", "would", "remain",
    "remains", "taken", "flown", "kept", "held", "found", "left", "brought", "seen", "died",
];

/// Tokens that end a clause for the measure search.
fn ends_clause(token: &Token) -> bool {
    match token.kind {
        TokenKind::Punct => ",;:.!?()[]—–\"“”".contains(token.text),
        TokenKind::Number => true,
        TokenKind::Word => [
            "and",
            "or",
            "but",
            "while",
            "whereas",
            "when",
            "as",
            "after",
            "before",
            "with",
            "including",
        ]
        .iter()
        .any(|w| token.is_word(w)),
    }
}

/// Words that stand between a count and its measure without taking a place in the
/// measure window: auxiliaries and "more" ("nine more were rushed to hospital",
/// "12 have now been confirmed dead").
fn is_window_filler(token: &Token) -> bool {
    // Auxiliaries, and the little words of a phrase that names whose people are
    // counted ("members of its crew", "of the Stellar Opal").
    const FILLERS: &[&str] = &[
        "more", "others", "were", "was", "are", "is", "have", "has", "had", "been", "being", "now",
        "later", "of", "the", "its", "their",
    ];
    // A possessive's "'s" ("joined Thursday's march") is part of its word.
    let possessive = matches!(token.text, "'" | "’" | "s");
    possessive || (token.kind == TokenKind::Word && FILLERS.iter().any(|w| token.is_word(w)))
}

/// Whether the token at `i` is a number joined by a hyphen to the word after it
/// ("23-strong", "45-metre").
fn is_hyphened_number(tokens: &[Token], i: usize) -> bool {
    tokens[i].kind == TokenKind::Number
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.is_punct("-") && !t.space_before)
        && tokens
            .get(i + 2)
            .is_some_and(|t| t.kind == TokenKind::Word && !t.space_before)
}

/// The measure a word names at `i`, reading "to hospital" and "in hospital" as the
/// injured count: the common noun there says where the people were taken, which is
/// how news copy counts the injured.
fn measure_word_at(tokens: &[Token], i: usize) -> Option<&'static str> {
    if is_inside_proper_name(tokens, i) {
        return None;
    }
    let token = &tokens[i];
    let after_to_or_in = i
        .checked_sub(1)
        .is_some_and(|p| tokens[p].is_word("to") || tokens[p].is_word("in"));
    let hospital_at = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            ["hospital", "hospitals", "infirmary"]
                .iter()
                .any(|w| t.is_word(w))
        })
    };
    // "needed hospital treatment", "in hospital care".
    let care_after = tokens
        .get(i + 1)
        .is_some_and(|t| t.is_word("treatment") || t.is_word("care"));
    if hospital_at(i) && (after_to_or_in || care_after) {
        return measure_of("hospitalised");
    }
    // "forced 1,400 people from their homes", "had to leave their homes": people
    // who had to go are the evacuated.
    // Read at the word of leaving or at "homes", whichever the window reaches.
    let leaves_home_at = |j: usize| {
        ["from", "leave", "left", "leaving", "flee", "fled", "of"]
            .iter()
            .any(|w| tokens[j].is_word(w))
            && tokens.get(j + 1).is_some_and(|t| t.is_word("their"))
            && tokens
                .get(j + 2)
                .is_some_and(|t| t.is_word("homes") || t.is_word("home"))
    };
    if leaves_home_at(i) || i.checked_sub(2).is_some_and(leaves_home_at) {
        return measure_of("evacuated");
    }

    // "joined Thursday's march", "took part in the rally": how many turned out.
    // Lower case only: "March" is a month.
    if matches!(token.text, "march" | "marches" | "rally" | "rallies") {
        return measure_of("crowd");
    }
    // "brought around 230 people to safety", "lifted to safety".
    let after_to = i.checked_sub(1).is_some_and(|p| tokens[p].is_word("to"));
    // "scrambled to free over 150 people", "had to be cut free": the verb, not
    // the adjective of "free meals".
    let after_cut = i.checked_sub(1).is_some_and(|p| tokens[p].is_word("cut"));
    if token.is_word("free") && (after_to || after_cut) {
        return measure_of("freed");
    }
    if token.is_word("safety") && after_to {
        return measure_of("rescued");
    }
    // "a rescue helicopter", "rescue teams": the noun of the act as a modifier
    // says who came, not who was rescued ("the rescue of 45 miners" counts them).
    let modifies_a_noun = token.is_word("rescue")
        && tokens.get(i + 1).is_some_and(|t| {
            t.kind == TokenKind::Word && !["of", "and", "or"].iter().any(|w| t.is_word(w))
        });
    if modifies_a_noun {
        return None;
    }
    // "Nîmes University Hospital admitted 37 people": admissions to a hospital
    // count the injured ("admitted three charges" does not).
    if token.is_word("admitted") || token.is_word("admissions") {
        let near_a_hospital = (i.saturating_sub(6)..i + 7).any(hospital_at);
        return near_a_hospital
            .then(|| measure_of("hospitalised"))
            .flatten();
    }
    // "treated in hospital", "treated at Westmere General Hospital" count the
    // injured; "treated at the scene" counts more.
    let measure = measure_of(token.text);
    let at_a_hospital = || {
        tokens
            .get(i + 1)
            .is_some_and(|t| t.is_word("in") || t.is_word("at"))
            && (i + 2..i + 6)
                .take_while(|&k| tokens.get(k).is_some_and(|t| !ends_clause(t)))
                .any(hospital_at)
    };
    if measure == Some("treated") && at_a_hospital() {
        return measure_of("hospitalised");
    }
    measure
}

/// The first measure `measure_at` finds within four words after `next`, auxiliaries
/// not counted, before the clause ends.
fn measure_after(
    tokens: &[Token],
    next: usize,
    measure_at: impl Fn(usize) -> Option<&'static str>,
) -> Option<&'static str> {
    let mut words_seen = 0;
    let next = aside_end(tokens, next).unwrap_or(next);
    // Tokens before this one are already read as part of a hyphened number.
    let mut skip_to = next;
    for (i, token) in tokens.iter().enumerate().skip(next) {
        if i < skip_to {
            continue;
        }
        // "members of its 23-strong crew": a number joined to the word after it
        // describes the noun; it ends no clause.
        if is_hyphened_number(tokens, i) {
            skip_to = i + 3;
            continue;
        }
        if ends_clause(token) || words_seen == 4 {
            break;
        }
        // "2,100 people from five villages had to leave their homes": a count
        // inside the phrase (its number and the word after it) neither uses up the
        // window nor lends its own measure ("32 homes across the five evacuated
        // villages" are not evacuated).
        let nested_count =
            amount_at(tokens, i).is_some() || (i > next && amount_at(tokens, i - 1).is_some());
        if nested_count {
            continue;
        }
        if let Some(measure) = measure_at(i) {
            return Some(measure);
        }
        // "Three crew members of the Stellar Opal have been injured": a name of
        // several words is one word of the window.
        let name_goes_on = i > next && tokens[i - 1].is_capitalised() && token.is_capitalised();
        if !is_window_filler(token) && !name_goes_on {
            words_seen += 1;
        }
    }
    None
}

/// What "people", named by no other noun, were counted as, from the words
/// around them: "120,000 people took part" are a turnout (not "40 volunteers took
/// part" in a search); "carrying about 80 people", "110 people had been on board"
/// are those on board (not "112 passengers", counted by their noun).
fn where_bare_people_were(tokens: &[Token], first: usize, next: usize) -> Option<&'static str> {
    let after = tokens.get(next..(next + 4).min(tokens.len()))?;
    let pair_after = |one: &[&str], two: &str| {
        after
            .windows(2)
            .any(|pair| one.iter().any(|w| pair[0].is_word(w)) && pair[1].is_word(two))
    };
    let carried = first
        .checked_sub(1)
        .is_some_and(|before| tokens[before].is_word("carrying"))
        || pair_after(&["on"], "board")
        || after.iter().any(|t| t.is_word("aboard"));
    if pair_after(&["took", "take", "takes", "taking"], "part") {
        measure_of("crowd")
    } else if carried {
        Some(ON_BOARD)
    } else {
        None
    }
}

/// The measure of people a boat, a bus or a plane carried.
const ON_BOARD: &str = "on board";

/// After an aside set off by commas right after a count ("Three people, including
/// a 16-year-old boy, are still missing"), the index after its closing comma: the
/// measure follows the aside.
fn aside_end(tokens: &[Token], next: usize) -> Option<usize> {
    const ASIDE_OPENERS: &[&str] = &[
        "including",
        "among",
        "most",
        "many",
        "some",
        "all",
        "mostly",
    ];
    let opens = tokens.get(next)?.is_punct(",")
        && ASIDE_OPENERS
            .iter()
            .any(|w| tokens.get(next + 1).is_some_and(|t| t.is_word(w)));
    if !opens {
        return None;
    }
    tokens
        .iter()
        .enumerate()
        .skip(next + 2)
        .take(MAX_ASIDE_TOKENS)
        .take_while(|(_, t)| !t.is_punct(".;:!?()"))
        .find(|(_, t)| t.is_punct(","))
        .map(|(i, _)| i + 1)
}

/// The longest aside [`aside_end`] skips, in tokens.
const MAX_ASIDE_TOKENS: usize = 12;

/// The first measure `measure_at` finds within `reach` words before `first`, before
/// `starts_here` says the clause starts.
fn measure_before(
    first: usize,
    reach: usize,
    tokens: &[Token],
    starts_here: impl Fn(&Token) -> bool,
    measure_at: impl Fn(usize) -> Option<&'static str>,
) -> Option<&'static str> {
    (0..first)
        .rev()
        .take(reach)
        .take_while(|&i| !starts_here(&tokens[i]))
        .find_map(measure_at)
}

/// Tokens that end a clause for the backward search of a duration's verb: the
/// prepositions of `ends_clause` ("as", "after", "with") are left out, since the verb
/// that takes the length stands before them ("disqualified from acting as a director
/// for ten years").
fn ends_coordinated_clause(token: &Token) -> bool {
    match token.kind {
        TokenKind::Word => ["and", "or", "but", "while", "whereas", "when"]
            .iter()
            .any(|w| token.is_word(w)),
        _ => ends_clause(token),
    }
}

/// The measure named near an amount: first within four words after it (auxiliaries
/// not counted), then within five words before it, never across a clause boundary.
fn measure_near(
    tokens: &[Token],
    first: usize,
    next: usize,
    unit_word: Option<&str>,
) -> Option<String> {
    let measure_at = |i: usize| measure_word_at(tokens, i);
    // "two injured skiers", "five rescued miners": a participle between the
    // number and its noun.
    let between = || (first + 1..next.min(tokens.len())).find_map(measure_at);
    let bare_people = || {
        unit_word
            .is_some_and(|w| w.eq_ignore_ascii_case("people"))
            .then(|| where_bare_people_were(tokens, first, next))
            .flatten()
    };
    unit_word
        .and_then(measure_of)
        .or_else(between)
        .or_else(bare_people)
        .or_else(|| measure_after(tokens, next, measure_at))
        .or_else(|| measure_before(first, 5, tokens, ends_clause, measure_at))
        .map(str::to_string)
}

/// What a length of time or a sum of money measures ("jailed for seven years", "a
/// six-week trial", "disqualified from acting as a director for ten years", "fined
/// £2m"): the nearest word `measure_of` knows within four words after it, or
/// anywhere earlier in its clause, since the verb that takes the amount often
/// stands far before it.
fn named_measure_near(
    tokens: &[Token],
    first: usize,
    next: usize,
    measure_of: fn(&str) -> Option<&'static str>,
) -> Option<String> {
    let measure_at = |i: usize| {
        // "systems were down for four days" is an outage; "stepped down after a
        // 30-minute meeting" is not.
        let bare_down = tokens[i].is_word("down")
            && !i.checked_sub(1).is_some_and(|before| {
                [
                    "was", "were", "is", "are", "been", "remain", "remained", "remains",
                ]
                .iter()
                .any(|w| tokens[before].is_word(w))
            });
        if bare_down {
            None
        } else {
            measure_of(tokens[i].text)
        }
    };
    // "as high as 10 metres" measures the figure; "in deep snow 60 metres on" does
    // not.
    let measure_before_at = |i: usize| {
        let describes_another_noun = crate::lexicon::is_distance_adjective(tokens[i].text)
            && !tokens.get(i + 1).is_some_and(|t| t.is_word("as"));
        if describes_another_noun {
            None
        } else {
            measure_at(i)
        }
    };
    measure_after(tokens, next, measure_at)
        .or_else(|| {
            measure_before(
                first,
                usize::MAX,
                tokens,
                ends_coordinated_clause,
                measure_before_at,
            )
        })
        .map(str::to_string)
}

/// Whether the word at `i` is part of a proper name ("Fire and Rescue Service",
/// "Injured Workers Alliance"): capitalised mid-sentence next to another capitalised
/// word, in a sentence that is not written in title case. A measure word in a name
/// says what the organisation is called, not what the number counts.
fn is_inside_proper_name(tokens: &[Token], i: usize) -> bool {
    let capitalised = |t: &Token| {
        t.kind == TokenKind::Word && t.text.chars().next().is_some_and(char::is_uppercase)
    };
    let first_word = tokens.iter().position(|t| t.kind == TokenKind::Word);
    if first_word == Some(i) || !capitalised(&tokens[i]) {
        return false;
    }
    // Title case leaves no longer word in lower case; a sentence full of names does.
    let title_case = !tokens
        .iter()
        .any(|t| t.kind == TokenKind::Word && t.text.chars().count() > 3 && !capitalised(t));
    if title_case {
        return false;
    }
    let neighbour_capitalised = |j: Option<usize>| {
        j.and_then(|j| tokens.get(j))
            .is_some_and(|t| capitalised(t) && Some(t.start) != first_word.map(|f| tokens[f].start))
    };
    neighbour_capitalised(i.checked_sub(1)) || neighbour_capitalised(Some(i + 1))
}

/// The approximation words right before token `first`; returns the cue and the index
/// where the quantity's text starts.
fn approx_before(tokens: &[Token], first: usize) -> (Approx, usize) {
    if first >= 3
        && tokens[first - 3].is_word("no")
        && tokens[first - 2].is_word("more")
        && tokens[first - 1].is_word("than")
    {
        return (Approx::AtMost, first - 3);
    }
    // "as many as 300", "for as long as 15 hours": a peak. ("Waves as high as 8
    // metres" is left to the measure: "high" says it is a height.)
    if first >= 3
        && tokens[first - 3].is_word("as")
        && ["many", "much", "long"]
            .iter()
            .any(|w| tokens[first - 2].is_word(w))
        && tokens[first - 1].is_word("as")
    {
        return (Approx::AtMost, first - 3);
    }
    if first >= 2 {
        if let Some(approx) = approx_pair(tokens[first - 2].text, tokens[first - 1].text) {
            return (approx, first - 2);
        }
    }
    if first >= 1 {
        if let Some(approx) = approx_word(tokens[first - 1].text) {
            return (approx, first - 1);
        }
    }
    (Approx::Exact, first)
}

/// "or so", "or more", "-odd", "-plus" after the amount.
fn approx_after(tokens: &[Token], k: usize) -> Option<(Approx, usize)> {
    let t = tokens.get(k)?;
    let next = tokens.get(k + 1)?;
    if t.is_word("or") && next.is_word("so") {
        return Some((Approx::About, k + 2));
    }
    if t.is_word("or") && next.is_word("more") {
        return Some((Approx::AtLeast, k + 2));
    }
    if t.is_punct("-") && !t.space_before && !next.space_before {
        if next.is_word("odd") {
            return Some((Approx::About, k + 2));
        }
        if next.is_word("plus") {
            return Some((Approx::AtLeast, k + 2));
        }
    }
    None
}

/// Words before a year that make a 4-digit number a year whatever follows.
const YEAR_LEADS: &[&str] = &[
    "in", "since", "by", "until", "till", "of", "from", "before", "after", "early", "late", "mid",
    "year", "to", "during", "through", "for",
];

/// Whether "one" at `i` is a pronoun ("one source said", "one of the").
fn is_pronoun_one(tokens: &[Token], i: usize, next: usize) -> bool {
    if !tokens[i].is_word("one") || next != i + 1 {
        return false;
    }
    // "with no one killed": nobody, not a count of one.
    if i > 0 && tokens[i - 1].is_word("no") {
        return true;
    }
    let Some(after) = tokens.get(next) else {
        return true;
    };
    let lower = after.text.to_lowercase();
    // "one sailor is still missing", "one climber died": a noun that a verb
    // follows is what is counted, whatever the noun.
    let subject_of_verb = after.kind == TokenKind::Word
        && !after.is_capitalised()
        && tokens.get(next + 1).is_some_and(|verb| {
            ["is", "was", "has", "had", "remains", "remained", "died"]
                .iter()
                .any(|w| verb.is_word(w))
        });
    let counted = time_unit(&lower).is_some()
        || distance_unit(&lower).is_some()
        || ONE_NOUNS.contains(&lower.as_str())
        || subject_of_verb
        || measure_of(&lower).is_some()
        || after.is_punct("%")
        || after.is_word("percent");
    let cued = i > 0
        && (approx_word(tokens[i - 1].text).is_some()
            || ["only", "just", "least", "than", "to"]
                .iter()
                .any(|w| tokens[i - 1].is_word(w)));
    !(counted || cued)
}

// ---------------------------------------------------------------------------
// Public API

/// What the measure of a count added to another starts with ("more injured").
pub const ADDED_MEASURE_PREFIX: &str = "more ";

/// Words after a number that make it an addition: "eight more bodies", "two
/// further arrests".
const MORE_AFTER_A_NUMBER: &[&str] = &["more", "further", "additional", "extra"];

/// Whether a count is written "eight more bodies" rather than "another eight".
pub(crate) fn is_more_after_the_number(quantity: &Quantity) -> bool {
    let words: Vec<&str> = quantity.text.split_whitespace().collect();
    words.windows(2).any(|pair| {
        pair[0].chars().any(|c| c.is_alphanumeric())
            && !pair[0].eq_ignore_ascii_case("or")
            && MORE_AFTER_A_NUMBER
                .iter()
                .any(|more| pair[1].eq_ignore_ascii_case(more))
    })
}

/// The measure of a part of a group counted elsewhere ("two of them", "three of
/// the injured"): it never states the total of any measure, so the matcher
/// compares it with nothing.
pub const PART_OF_A_GROUP: &str = "part of a group";

/// The measure of "six nautical miles off Kelsham Point": how far from a place.
pub const DISTANCE_AWAY: &str = "distance away";

/// The measure of "a 23-strong crew": the size of a group.
pub const GROUP_SIZE: &str = "group size";

/// The measure of "the bank, which has about 11 million customers": all of a
/// thing someone has, serves or employs, never how many something happened to.
pub const ALL_IT_HAS: &str = "all it has";

/// Whether the count starting at `first` is the object of a verb of having ("has
/// about 11 million customers", "employs 4,000 people", "serves two million
/// households"). "So have 57 crew members" stands for the verb before it.
fn follows_a_verb_of_having(tokens: &[Token], first: usize) -> bool {
    const HAVING: &[&str] = &[
        "has", "have", "had", "serves", "serve", "served", "employs", "employ", "employed",
        "boasts",
    ];
    const STANDS_FOR_A_VERB: &[&str] = &["so", "nor", "neither", "as"];
    first.checked_sub(1).is_some_and(|verb| {
        HAVING.iter().any(|w| tokens[verb].is_word(w))
            && !verb
                .checked_sub(1)
                .is_some_and(|before| STANDS_FOR_A_VERB.iter().any(|w| tokens[before].is_word(w)))
    })
}

/// Every number in `text[start..end]` with its unit, approximation, dimension and
/// measure. Offsets are absolute byte offsets into `text`.
pub(crate) fn find_quantities(text: &str, start: usize, end: usize) -> Vec<Quantity> {
    let tokens = tokenize(text, start, end);
    let times = time_spans(text, start, end);
    let in_time = |t: &Token| times.iter().any(|&(s, e)| t.start < e && t.end > s);
    let mut quantities = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if in_time(&tokens[i]) {
            i += 1;
            continue;
        }
        let Some(amount) = amount_at(&tokens, i) else {
            i += 1;
            continue;
        };
        if is_pronoun_one(&tokens, i, amount.next)
            || tokens[amount.first..amount.next].iter().any(&in_time)
            || (!amount.share_of_change && is_fraction_numerator(&tokens, amount.next))
        {
            i = amount.next.max(i + 1);
            continue;
        }
        // A vague amount keeps its own spread ("a dozen" is about 12) unless a bound
        // stands before it: "more than a dozen" is at least 12.
        let (mut approx, text_first) = match approx_before(&tokens, amount.first) {
            (cue, first) if amount.approx == Approx::Exact => (cue, first),
            (bound @ (Approx::AtLeast | Approx::AtMost), first) => (bound, first),
            _ => (amount.approx, amount.first),
        };
        let mut unit = unit_at(&tokens, amount.next, &amount);
        // "citing two unnamed sources": how many people a report leans on says who
        // told it, not what happened.
        if unit.dimension == Dimension::Count && unit.unit == "source" {
            i = amount.next.max(i + 1);
            continue;
        }
        // "Police put the number of tickets sold at some 32,000": a bare number
        // counts what "the number of" named before it.
        let mut number_of_at = None;
        if unit.dimension == Dimension::Count && unit.unit.is_empty() {
            if let Some(noun_at) = number_of_before(&tokens, amount.first) {
                unit.unit = singular(tokens[noun_at].text);
                unit.word = Some(tokens[noun_at].text.to_lowercase());
                number_of_at = Some(noun_at);
            }
        }
        // "a magnitude 6.8 quake", "the 6.8-magnitude earthquake": a reading on the
        // earthquake scale, whatever noun follows it.
        let magnitude_before = amount.first > 0 && tokens[amount.first - 1].is_word("magnitude");
        if unit.dimension == Dimension::Count && (magnitude_before || unit.unit == "magnitude") {
            unit.unit = MAGNITUDE.into();
            unit.word = Some(MAGNITUDE.into());
        }
        // "the mercury plunged to MINUS 17": a reading below zero of no named scale.
        let below_zero = is_below_zero_at(&tokens, amount.first);
        if below_zero
            && unit.dimension == Dimension::Count
            && unit.unit.is_empty()
            && tokens.iter().any(|t| is_temperature_word(t.text))
        {
            unit.dimension = Dimension::Temperature;
            unit.unit = DEGREES.into();
        }
        // "aged 34".
        if amount.first > 0 && tokens[amount.first - 1].is_word("aged") && unit.unit.is_empty() {
            unit.dimension = Dimension::Age;
            unit.unit = "year".into();
        }
        let age_of = (unit.unit.is_empty() && unit.dimension == Dimension::Count)
            .then(|| age_appositive_of(&tokens, &amount))
            .flatten();
        if age_of.is_some() {
            unit.dimension = Dimension::Age;
            unit.unit = "year".into();
        }
        let age_of = age_of.or_else(|| {
            (unit.dimension == Dimension::Age)
                .then(|| age_description_of(&tokens, &amount))
                .flatten()
        });
        if amount.year_like && unit.dimension == Dimension::Count {
            let led = amount.first > 0
                && YEAR_LEADS
                    .iter()
                    .any(|w| tokens[amount.first - 1].is_word(w));
            // "the 2022 invasion": a count would take a plural noun.
            let singular_noun = unit
                .word
                .as_deref()
                .is_some_and(|w| singular(w) == w && !w.ends_with('s'));
            if led || unit.unit.is_empty() || singular_noun {
                unit = UnitRead {
                    dimension: Dimension::Year,
                    unit: String::new(),
                    word: None,
                    next: amount.next,
                };
            }
        }
        let mut last = unit.next.max(amount.next);
        let after_amount = approx_after(&tokens, amount.next);
        if let Some((after, next)) = after_amount.or_else(|| approx_after(&tokens, last)) {
            if approx == Approx::Exact {
                approx = after;
            }
            last = last.max(next);
        }
        // "a day after", "hours earlier": an offset between two events, not a length;
        // it keeps the direction as its measure.
        // "met for about 30 minutes before writing": "for" makes it a length even
        // with "before" after it.
        let lasted = text_first > 0 && tokens[text_first - 1].is_word("for");
        // "reached the crowd within eight minutes of the crush starting": at most
        // that long after it, like "eight minutes after".
        let within_of = (text_first.saturating_sub(1)..amount.first)
            .any(|k| tokens[k].is_word("within"))
            && tokens.get(last).is_some_and(|t| t.is_word("of"));
        let offset = match unit.dimension {
            Dimension::Duration if within_of => Some("after"),
            Dimension::Duration if !lasted => tokens
                .get(last)
                .and_then(|t| offset_direction(&t.text.to_lowercase())),
            _ => None,
        };
        // "two of them", "two of the injured": a part of a group counted elsewhere,
        // not a total of the measure.
        const GROUP_PRONOUNS: &[&str] = &["them", "whom", "those", "these", "which"];
        let of_a_group_pronoun = tokens
            .get(amount.next + 1)
            .is_some_and(|t| GROUP_PRONOUNS.iter().any(|w| t.is_word(w)));
        let partitive = tokens.get(amount.next).is_some_and(|t| t.is_word("of"))
            && (of_a_group_pronoun
                || tokens
                    .get(amount.next + 1)
                    .is_some_and(|t| ["the", "their", "its", "our"].iter().any(|w| t.is_word(w))));
        // "Five skiers were pulled out alive, three of them with hypothermia": a
        // part of a group in a verbless aside describes the group; it is not the
        // count of any act ("Three of them were kept in overnight" is).
        let verbless_aside_of_a_pronoun = partitive
            && text_first
                .checked_sub(1)
                .is_some_and(|before| tokens[before].is_punct(","))
            && of_a_group_pronoun
            && !tokens[amount.next + 2..]
                .iter()
                .take_while(|t| !ends_clause(t))
                .any(|t| {
                    let lower = t.text.to_lowercase();
                    lower.ends_with("ed") || ASIDE_VERBS.contains(&lower.as_str())
                });
        // "two of the injured", "one of the dead": a part of people, whatever the
        // report counted before.
        let of_the_people = partitive
            && tokens
                .get(amount.next + 1)
                .is_some_and(|t| t.is_word("the"))
            && tokens.get(amount.next + 2).is_some_and(|t| {
                let word = t.text.to_lowercase();
                word.ends_with("ed") || matches!(word.as_str(), "dead" | "missing" | "hurt")
            });
        if of_the_people && unit.dimension == Dimension::Count && unit.unit.is_empty() {
            unit.unit = "people".into();
        }
        // "Four fans were also hurt", "another 12 were injured", "eight more bodies
        // were recovered": a count added to one given elsewhere is a part of the
        // total too. It keeps its measure as an addition ("more injured"), so two
        // reports' added counts still meet, and never the total.
        let additive = text_first
            .checked_sub(1)
            .and_then(|before| tokens.get(before))
            .is_some_and(|t| {
                ["another", "further", "additional"]
                    .iter()
                    .any(|w| t.is_word(w))
            })
            // "eight more bodies", not "Two died and nine more were hurt", where
            // "more" means other people, counted under another measure.
            || (unit.word.is_some()
                && tokens
                    .get(amount.next)
                    .is_some_and(|t| MORE_AFTER_A_NUMBER.iter().any(|w| t.is_word(w))))
            || tokens[last.min(tokens.len())..]
                .iter()
                .take(3)
                .take_while(|t| t.kind == TokenKind::Word)
                .any(|t| t.is_word("also"));
        let measure = match unit.dimension {
            _ if offset.is_some() => offset.map(str::to_string),
            _ if verbless_aside_of_a_pronoun => Some(PART_OF_A_GROUP.to_string()),
            // "seven skiers, two of whom died": of a group counted by another act,
            // the part that died is the count of the dead, unless the sentence
            // counts the dead already ("Of the nine killed, two of them died in
            // hospital" counts where they died). "Two of those killed" describes
            // the group, not the part.
            _ if partitive
                && tokens
                    .get(amount.next + 1)
                    .is_some_and(|t| t.is_word("whom") || t.is_word("them"))
                && !quantities
                    .iter()
                    .any(|q: &Quantity| q.measure.as_deref() == Some("killed")) =>
            {
                measure_after(&tokens, amount.next + 2, |k| {
                    measure_of(&tokens[k].text.to_lowercase()).filter(|m| *m == "killed")
                })
                .map(str::to_string)
            }
            _ if partitive => None,
            _ if additive => measure_near(&tokens, text_first, last, unit.word.as_deref())
                .map(|measure| format!("{ADDED_MEASURE_PREFIX}{measure}")),
            Dimension::Duration => {
                named_measure_near(&tokens, text_first, last, duration_measure_of)
            }
            Dimension::Money => named_measure_near(&tokens, text_first, last, money_measure_of)
                .or_else(|| measure_near(&tokens, text_first, last, unit.word.as_deref())),
            Dimension::Distance if is_below_ground_at(&tokens, unit.next) => {
                distance_measure_of("depth").map(str::to_string)
            }
            Dimension::Distance => {
                named_measure_near(&tokens, text_first, last, distance_measure_of).or_else(|| {
                    is_away_from_a_place_at(&tokens, unit.next).then(|| DISTANCE_AWAY.to_string())
                })
            }
            // "inflation eased to 2.4%" is the rate; "fell by 0.3%" is a change in it.
            Dimension::Percent if !is_size_of_change(&tokens, text_first) => {
                named_measure_near(&tokens, text_first, last, rate_measure_of)
                    .or_else(|| measure_near(&tokens, text_first, last, unit.word.as_deref()))
            }
            Dimension::Age => age_of
                .map(|surname| format!("age of {surname}"))
                .or_else(|| {
                    aged_thing_at(&tokens, unit.next).map(|thing| format!("age of {thing}"))
                }),
            _ if unit.unit == MAGNITUDE => Some(MAGNITUDE.to_string()),
            // "its 23-strong crew", "a 3,000-strong crowd": how big a group is, never
            // how many something happened to.
            _ if unit.unit == "strong" => Some(GROUP_SIZE.to_string()),
            Dimension::Year => None,
            Dimension::Temperature => is_temperature_change(&tokens, text_first, last)
                .then(|| TEMPERATURE_CHANGE.to_string()),
            // "the number of people treated at Maasland Hospital has risen to 14":
            // the words after the noun say what the number counts.
            _ if number_of_at.is_some() => number_of_at.and_then(|noun_at| {
                measure_near(&tokens, noun_at, noun_at + 1, unit.word.as_deref())
            }),
            _ => measure_near(&tokens, text_first, last, unit.word.as_deref()).or_else(|| {
                (!unit.unit.is_empty() && follows_a_verb_of_having(&tokens, text_first))
                    .then(|| ALL_IT_HAS.to_string())
            }),
        };
        // "Three helicopters have been flying casualties": what happens to people
        // does not measure a count of machines or buildings.
        let measure = measure.filter(|m| {
            !(crate::lexicon::is_measure_of_people(m)
                && crate::lexicon::is_counted_thing_not_people(&unit.unit))
        });
        // The minus is part of the reading's words.
        let reads_below_zero = below_zero && unit.dimension == Dimension::Temperature;
        let text_first = if reads_below_zero {
            text_first.min(amount.first - 1)
        } else {
            text_first
        };
        let (s, e) = (tokens[text_first].start, tokens[last - 1].end);
        let (unit_name, measure) = match tally_partner(&tokens, text_first, &quantities) {
            Some(first) if unit.dimension == Dimension::Count && unit.unit.is_empty() => (
                first.unit.clone(),
                measure.or_else(|| first.measure.clone()),
            ),
            _ => (unit.unit, measure),
        };
        // "50 basis points" is "half a percentage point", "198p" is £1.98.
        let hundredth_of = match unit_name.as_str() {
            BASIS_POINTS => Some(PERCENTAGE_POINTS),
            PENCE => Some("gbp"),
            _ => None,
        };
        // "minus 12C", "-12C": below zero.
        let sign = if reads_below_zero { -1.0 } else { 1.0 };
        let amount = Amount {
            value: amount.value * sign,
            upper: amount.upper.map(|u| u * sign),
            ..amount
        };
        let (value, upper, unit_name) = match hundredth_of {
            Some(whole) => {
                let hundredths = |v: f64| v / 100.0;
                (
                    hundredths(amount.value),
                    amount.upper.map(hundredths),
                    whole.to_string(),
                )
            }
            None => (amount.value, amount.upper, unit_name),
        };
        quantities.push(Quantity {
            value,
            upper,
            approx,
            dimension: unit.dimension,
            unit: unit_name,
            measure,
            text: text[s..e].to_string(),
            start: s,
            end: e,
        });
        i = last.max(i + 1);
    }
    // "C$45 million ($32 million)": a sum in brackets after a sum in another
    // currency converts it for the reader at some rate; it is no second amount, and
    // compared as one it would contradict every report that gives the first.
    let converted: Vec<usize> = (1..quantities.len())
        .filter(|&at| {
            quantities[at].dimension == Dimension::Money
                && converts_in_brackets(text, &quantities[at - 1], &quantities[at])
        })
        .collect();
    for at in converted.into_iter().rev() {
        quantities.remove(at);
    }
    // "gusts of up to 70 mph (113 km/h)": a length or speed converted in brackets
    // is the same figure, hedged as the figure is.
    for at in 1..quantities.len() {
        let (before, conversion) = (&quantities[at - 1], &quantities[at]);
        if conversion.approx == Approx::Exact && converts_in_brackets(text, before, conversion) {
            quantities[at].approx = quantities[at - 1].approx;
        }
    }
    // "The dead were two women aged 19 and 22 and a 31-year-old man", "two men
    // and a woman were rescued": a count of one part of the people, listed with
    // another part, is a part of the total, never the total.
    if lists_parts_of_people(&tokens) {
        for q in &mut quantities {
            let counts_a_part = q.dimension == Dimension::Count
                && crate::lexicon::part_of_people(q.unit.rsplit(' ').next().unwrap_or(""))
                    .is_some();
            if counts_a_part {
                q.measure = Some(PART_OF_A_GROUP.to_string());
            }
        }
    }
    if states_a_running_total(&tokens) {
        for q in &mut quantities {
            if !matches!(q.dimension, Dimension::Year | Dimension::Age)
                && matches!(q.approx, Approx::Exact | Approx::About)
            {
                q.approx = Approx::AtLeast;
            }
        }
    }
    quantities
}

/// Whether the words name two different parts of the people by sex or age with
/// "and" between them ("two women ... and a man").
fn lists_parts_of_people(tokens: &[Token]) -> bool {
    // One pass: the parts named before the latest "and", and all named so far (a
    // handful of words at most, so the sets stay tiny however long the sentence).
    let mut before_and: Vec<&str> = Vec::new();
    let mut named: Vec<&str> = Vec::new();
    for token in tokens {
        if token.is_word("and") {
            before_and.clone_from(&named);
        } else if let Some(part) = crate::lexicon::part_of_people(&token.text.to_lowercase()) {
            if before_and.iter().any(|&earlier| earlier != part) {
                return true;
            }
            if !named.contains(&part) {
                named.push(part);
            }
        }
    }
    false
}

/// "it has so far burned about 4,500 hectares", "the toll to date", "first
/// estimates: around 300,000 homes": a figure reached by the time of writing,
/// which may still grow, so a lower bound of the final one.
fn states_a_running_total(tokens: &[Token]) -> bool {
    tokens.windows(2).enumerate().any(|(k, pair)| {
        let (first, second) = (&pair[0], &pair[1]);
        let provisional = ["first", "initial", "early", "preliminary"]
            .iter()
            .any(|w| first.is_word(w))
            && ["estimate", "estimates", "figures"]
                .iter()
                .any(|w| second.is_word(w));
        ((first.is_word("so") || first.is_word("thus")) && second.is_word("far"))
            || (first.is_word("to")
                && second.is_word("date")
                && !(k > 0 && tokens[k - 1].is_word("up")))
            || provisional
    })
}

/// "after" or "before" for the words that make a duration an offset between events.
fn offset_direction(word: &str) -> Option<&'static str> {
    match word {
        "after" | "later" | "afterwards" => Some("after"),
        "before" | "earlier" | "beforehand" => Some("before"),
        "ago" => Some("ago"),
        _ => None,
    }
}

/// Where the noun of "the number of tickets" stands before token `first` in the
/// same sentence, with no other number between.
fn number_of_before(tokens: &[Token], first: usize) -> Option<usize> {
    const MAX_WORDS_BACK: usize = 12;
    let start = first.saturating_sub(MAX_WORDS_BACK);
    let before = &tokens[start..first];
    if before
        .iter()
        .any(|t| t.kind == TokenKind::Number || t.is_punct(".") || t.is_punct(";"))
    {
        return None;
    }
    let noun_at = before
        .windows(3)
        .position(|w| w[0].is_word("number") && w[1].is_word("of") && w[2].kind == TokenKind::Word)
        .map(|at| start + at + 2)?;
    // "the number of affected customers": a participle before the plural noun
    // describes it.
    let described = tokens[noun_at].text.ends_with("ed")
        && tokens
            .get(noun_at + 1)
            .filter(|_| noun_at + 1 < first)
            .is_some_and(|t| is_unit_noun(t) && t.text.ends_with('s'));
    Some(if described { noun_at + 1 } else { noun_at })
}

/// The counted quantity a bare number answers in a tally ("61 votes to 47", "won 3
/// seats against 2"): the quantity ending right before "to"/"against"/"versus" that
/// precedes `first`. The second number counts the same thing. In a list of people's
/// shares ("came third with 6,214 votes, ahead of Ruth Ellison on 2,950") a bare
/// number after a name and "on"/"with" counts what the claim's last counted figure
/// counts.
fn tally_partner<'q>(
    tokens: &[Token],
    first: usize,
    found: &'q [Quantity],
) -> Option<&'q Quantity> {
    let joiner = tokens.get(first.checked_sub(1)?)?;
    if ["on", "with"].iter().any(|w| joiner.is_word(w)) {
        let holder = tokens.get(first.checked_sub(2)?)?;
        let after_name = holder.kind == TokenKind::Word
            && holder.text.chars().next().is_some_and(char::is_uppercase);
        return found
            .iter()
            .rev()
            .find(|q| q.dimension == Dimension::Count && !q.unit.is_empty())
            .filter(|_| after_name);
    }
    if !["to", "against", "versus", "vs"]
        .iter()
        .any(|w| joiner.is_word(w))
    {
        return None;
    }
    let before = tokens.get(first.checked_sub(2)?)?;
    found.last().filter(|q| {
        q.end == before.end
            && q.dimension == Dimension::Count
            && (!q.unit.is_empty() || q.measure.is_some())
    })
}

/// A number as the contract prints it: integers without decimals, else the shortest
/// form that reads back the same.
fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e16 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_number(self.value))?;
        if let Some(upper) = self.upper {
            write!(f, "-{}", format_number(upper))?;
        }
        if !self.unit.is_empty() {
            write!(f, " {}", self.unit)?;
        }
        match self.approx {
            Approx::Exact => Ok(()),
            Approx::About => f.write_str(" (approx)"),
            Approx::AtLeast => f.write_str(" (at least)"),
            Approx::AtMost => f.write_str(" (at most)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_measure_is_read_past_whose_people_are_counted() {
        let measures = |text: &str| -> Vec<Option<String>> {
            find_quantities(text, 0, text.len())
                .into_iter()
                .map(|q| q.measure)
                .collect()
        };
        // A ship's name of two words and an "of" phrase stay inside the window.
        assert_eq!(
            measures("Three crew members of the Stellar Opal have been injured."),
            [Some("injured".to_string())]
        );
        // A number joined to its noun by a hyphen describes it and ends no clause;
        // it counts the size of the group, not the missing.
        assert_eq!(
            measures("Two other members of its 23-strong crew are missing."),
            [Some("missing".to_string()), Some(GROUP_SIZE.to_string())]
        );
    }

    #[test]
    fn what_someone_has_in_all_is_a_measure_of_its_own() {
        let measure_of_first = |text: &str| {
            find_quantities(text, 0, text.len())
                .into_iter()
                .next()
                .and_then(|q| q.measure)
        };
        assert_eq!(
            measure_of_first("Tynebridge, which has about 11 million customers, was hacked."),
            Some(ALL_IT_HAS.to_string())
        );
        assert_eq!(
            measure_of_first("The firm employs 4,000 workers in Ohio."),
            Some(ALL_IT_HAS.to_string())
        );
        // An act named after the count says what it counts.
        assert_eq!(
            measure_of_first("The hospital had 30 patients evacuated overnight."),
            Some("evacuated".to_string())
        );
        assert_eq!(
            measure_of_first("Hackers stole the data of 2 million customers."),
            None
        );
        assert_eq!(measure_of_first("So have 57 crew members."), None);
    }

    #[test]
    fn a_figure_converted_in_brackets_is_hedged_as_the_figure_is() {
        let text = "It brought gusts of up to 70 mph (113 km/h).";
        let found = find_quantities(text, 0, text.len());
        let approx: Vec<Approx> = found.iter().map(|q| q.approx).collect();
        assert_eq!(approx, [Approx::AtMost, Approx::AtMost], "{found:?}");
    }

    #[test]
    fn a_sum_converted_into_another_currency_in_brackets_is_one_sum() {
        let sums = |text: &str| -> Vec<(f64, String)> {
            find_quantities(text, 0, text.len())
                .into_iter()
                .map(|q| (q.value, q.unit))
                .collect()
        };
        assert_eq!(
            sums("The company put the cost at C$45 million ($32 million)."),
            [(45_000_000.0, "cad".to_string())]
        );
        // Two sums in one currency are two sums.
        assert_eq!(
            sums("The fine rose from $2 million ($1 million of it suspended).").len(),
            2
        );
    }

    #[test]
    fn a_count_of_one_part_of_the_people_listed_with_another_is_a_part() {
        let text = "The dead were two women aged 19 and 22 and a 31-year-old man.";
        let found = find_quantities(text, 0, text.len());
        let women = found.iter().find(|q| q.text == "two women").unwrap();
        assert_eq!(women.measure.as_deref(), Some(PART_OF_A_GROUP));
        // Alone, the men are the whole group rescued.
        let text = "Lifeboat crews rescued two men from a yacht.";
        let found = find_quantities(text, 0, text.len());
        assert_eq!(found[0].measure.as_deref(), Some("rescued"));
    }

    #[test]
    fn a_distance_from_a_place_is_no_length_of_a_thing() {
        let measure = |text: &str| find_quantities(text, 0, text.len())[0].measure.clone();
        let away = Some(DISTANCE_AWAY.to_string());
        assert_eq!(
            measure("They collided about six nautical miles off Kelsham Point."),
            away
        );
        assert_eq!(
            measure("The epicentre was about 40km north-east of Ustova."),
            away
        );
        assert_eq!(
            measure("It fell into the sea about 30 km (19 miles) offshore."),
            away
        );
        assert_eq!(measure("The bus left the road 5 km below the pass."), away);
        assert_eq!(measure("Oil has reached 40 kilometres of coastline."), None);
        // From one place to another is the length of a route.
        assert_eq!(
            measure("The routes stretch some 25 miles from the border to the town."),
            None
        );
        // An adjective before the distance describes another noun; after it, or
        // in "as high as", it measures the distance.
        assert_eq!(
            measure("The jet came to rest in deep snow about 60 metres beyond it."),
            None
        );
        assert_eq!(
            measure("The dam wall is 40 metres high.").as_deref(),
            Some("height")
        );
        assert_eq!(
            measure("Waves as high as 8 metres hit the coast.").as_deref(),
            Some("height")
        );
        // Below the ground is a depth.
        assert_eq!(
            measure("The miners were 800 metres below the surface.").as_deref(),
            Some("depth")
        );
    }

    #[test]
    fn within_a_time_of_an_event_is_a_time_after_it() {
        let text = "Its first team reached the crowd within eight minutes of the crush starting.";
        let found = find_quantities(text, 0, text.len());
        assert_eq!(found[0].offset_direction(), Some("after"));
        let text = "The first paramedics reached the crowd about 25 minutes after the crush began.";
        assert_eq!(
            find_quantities(text, 0, text.len())[0].offset_direction(),
            Some("after")
        );
        // Within a time, with no event, is a length.
        let text = "The fire was put out within eight minutes.";
        assert_eq!(
            find_quantities(text, 0, text.len())[0].offset_direction(),
            None
        );
    }

    #[test]
    fn a_bare_number_counts_what_the_number_of_named() {
        let text = "Police put the number of tickets sold for Saturday at some 32,000.";
        let found = find_quantities(text, 0, text.len());
        assert_eq!(found[0].unit, "ticket");
        let text = "Update: the number of people treated at Maasland Hospital has risen to 14.";
        let found = find_quantities(text, 0, text.len());
        assert_eq!(found[0].unit, "people");
        assert_eq!(found[0].measure.as_deref(), Some("injured"));
    }

    #[test]
    fn one_before_a_noun_and_its_verb_is_a_count() {
        let text = "Heartbreakingly, one sailor is still missing.";
        let found = find_quantities(text, 0, text.len());
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].value, found[0].measure.as_deref()),
            (1.0, Some("missing"))
        );
        // A pronoun stays a pronoun.
        let text = "One said the channel was closed.";
        assert!(find_quantities(text, 0, text.len()).is_empty());
    }

    #[test]
    fn a_part_of_a_group_that_died_counts_the_dead() {
        let text = "The slide buried seven skiers, two of whom died.";
        let found = find_quantities(text, 0, text.len());
        assert_eq!(found[1].value, 2.0);
        assert_eq!(found[1].measure.as_deref(), Some("killed"));
        // "Two of those killed" is a part of the dead, not their count.
        let text = "Two of those killed lived at the care home.";
        assert_eq!(find_quantities(text, 0, text.len())[0].measure, None);
        // Nor is a part of a count of the dead in the same sentence.
        let text = "Of the nine people killed, two of them died in hospital.";
        let found = find_quantities(text, 0, text.len());
        assert_eq!(found[0].measure.as_deref(), Some("killed"));
        assert_eq!(found[1].measure, None);
    }

    #[test]
    fn the_only_one_harmed_is_a_count_of_one() {
        let text = "Diogo Meireles was the only person hurt.";
        let found = find_quantities(text, 0, text.len());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value, 1.0);
        assert_eq!(found[0].text, "the only person");
        assert_eq!(found[0].measure.as_deref(), Some("injured"));
        let text = "She was the only passenger to be injured.";
        assert_eq!(find_quantities(text, 0, text.len())[0].value, 1.0);
        // Without a harm after it the one counts nothing.
        let text = "He was the only person who saw the crash.";
        assert!(find_quantities(text, 0, text.len()).is_empty());
    }

    #[test]
    fn stressed_durations_offsets_and_partitive_counts() {
        let text = "The call went on for a full hour.";
        let found = find_quantities(text, 0, text.len());
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].value, found[0].unit.as_str()), (1.0, "hour"));
        let text = "Nine people were hurt, two of them seriously.";
        let found = find_quantities(text, 0, text.len());
        assert_eq!(found[0].measure.as_deref(), Some("injured"));
        assert_eq!(found[1].measure.as_deref(), Some(PART_OF_A_GROUP));
        let text = "Two of the injured were taken to hospital.";
        assert_eq!(find_quantities(text, 0, text.len())[0].measure, None);
        assert_eq!(find_quantities(text, 0, text.len())[0].unit, "people");
        // A count added to another is a part of the total too: an addition to it.
        let text = "Four fans were also hurt.";
        assert_eq!(
            find_quantities(text, 0, text.len())[0].measure.as_deref(),
            Some("more injured")
        );
        let text = "Another 12 people were injured.";
        assert_eq!(
            find_quantities(text, 0, text.len())[0].measure.as_deref(),
            Some("more injured")
        );
        let text = "Rescuers recovered eight more bodies on Thursday.";
        assert_eq!(
            find_quantities(text, 0, text.len())[0].measure.as_deref(),
            Some("more killed")
        );
        let text = "Four fans were hurt.";
        assert_eq!(
            find_quantities(text, 0, text.len())[0].measure.as_deref(),
            Some("injured")
        );
        let text = "The call came a day after the attack.";
        let found = find_quantities(text, 0, text.len());
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].unit.as_str(), found[0].measure.as_deref()),
            ("day", Some("after"))
        );
    }

    /// "text => display [measure]" for each quantity, for compact assertions.
    fn shown(text: &str) -> Vec<String> {
        find_quantities(text, 0, text.len())
            .iter()
            .map(|q| {
                assert_eq!(&text[q.start..q.end], q.text);
                match &q.measure {
                    Some(m) => format!("{} => {q} [{m}]", q.text),
                    None => format!("{} => {q}", q.text),
                }
            })
            .collect()
    }

    fn one(text: &str) -> Quantity {
        let found = find_quantities(text, 0, text.len());
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn people_who_had_to_leave_their_homes_are_the_evacuated() {
        for text in [
            "The fire has forced about 1,400 people from their homes.",
            "About 2,100 people had to leave their homes on Saturday.",
            "Some 1,400 people were evacuated on Saturday.",
        ] {
            assert_eq!(one(text).measure.as_deref(), Some("evacuated"), "{text}");
        }
        assert_eq!(
            one("Six villages have been emptied.").measure.as_deref(),
            Some("evacuated")
        );
        let first_measure = |text: &str| find_quantities(text, 0, text.len())[0].measure.clone();
        // A count inside the phrase does not keep the measure from the first.
        assert_eq!(
            first_measure("About 2,100 people from five villages had to leave their homes.")
                .as_deref(),
            Some("evacuated")
        );
        // Homes counted are not people moved out of them.
        for text in [
            "The fire destroyed 23 homes.",
            "32 homes were destroyed across the five evacuated villages.",
        ] {
            assert_ne!(first_measure(text).as_deref(), Some("evacuated"), "{text}");
        }
    }

    #[test]
    fn machines_flying_casualties_are_no_count_of_casualties() {
        let found = one("Three helicopters have been flying casualties to hospital.");
        assert_eq!(
            (found.unit.as_str(), found.measure.as_deref()),
            ("helicopter", None)
        );
        let found = one("Twelve people were taken to hospital as casualties.");
        assert_eq!(found.measure.as_deref(), Some("injured"));
    }

    #[test]
    fn a_count_of_someones_own_people_counts_the_people() {
        let found = one("Since then 52 of her own MPs had demanded she go.");
        assert_eq!((found.value, found.unit.as_str()), (52.0, "mp"));
        let found = one("Three of their children were at home.");
        assert_eq!(
            (found.unit.as_str(), found.measure.as_deref()),
            ("child", None)
        );
        // "for" makes a length of a stretch of time followed by "before".
        let found = one("They met for about 30 minutes before she wrote the letter.");
        assert_eq!(
            (found.unit.as_str(), found.measure.as_deref()),
            ("minute", None)
        );
        let found = one("She wrote the letter 30 minutes before the vote.");
        assert_eq!(found.measure.as_deref(), Some("before"));
    }

    #[test]
    fn down_is_an_outage_only_as_a_state() {
        let found = one("Its systems were down for four days.");
        assert_eq!(found.measure.as_deref(), Some("outage"));
        let found = one("She stepped down after a 30-minute meeting.");
        assert_eq!(found.measure, None);
    }

    #[test]
    fn a_depth_is_a_distance_of_its_own() {
        assert_eq!(
            shown("It struck at a depth of 12 km, about 30 km north of the town."),
            [
                "12 km => 12 km [depth]",
                "about 30 km => 30 km (approx) [distance away]"
            ]
        );
        assert_eq!(
            shown("Seismologists put its depth at 35 km."),
            ["35 km => 35 km [depth]"]
        );
        assert_eq!(shown("The quake was 8km deep."), ["8km => 8 km [depth]"]);
        assert_eq!(
            shown("The men were trapped 800 metres below the surface."),
            ["800 metres => 800 metre [depth]"]
        );
        // Below a place is where, not how deep.
        assert_eq!(
            shown("The coach left the road 5 km below the pass."),
            ["5 km => 5 km [distance away]"]
        );
    }

    #[test]
    fn a_running_total_is_a_lower_bound() {
        let found = one("Officials say the blaze has so far burned about 4,500 hectares.");
        assert_eq!((found.value, found.approx), (4500.0, Approx::AtLeast));
        assert_eq!(
            one("Some 25,000 people have gathered thus far.").approx,
            Approx::AtLeast
        );
        assert_eq!(
            one("The toll to date stands at 31.").approx,
            Approx::AtLeast
        );
        assert_eq!(
            one("First estimates from the operator: around 300,000 homes without power.").approx,
            Approx::AtLeast
        );
        // Not a running total: "up to date", or no such words.
        assert_eq!(
            one("The register of 310 voters was brought up to date.").approx,
            Approx::Exact
        );
        assert_eq!(
            one("The blaze burned 4,500 hectares.").approx,
            Approx::Exact
        );
    }

    #[test]
    fn a_toll_that_passed_a_figure_is_at_least_that_figure() {
        let found = one("The confirmed death toll passed 160 last night.");
        assert_eq!(
            (found.value, found.approx, found.unit.as_str()),
            (160.0, Approx::AtLeast, "")
        );
        assert_eq!(found.measure.as_deref(), Some("killed"));
        assert_eq!(one("Deaths have topped 40.").approx, Approx::AtLeast);
    }

    #[test]
    fn an_earthquake_magnitude_is_a_scale_reading_not_a_count() {
        for text in [
            "A magnitude 5.9 tremor shook the valley.",
            "The 5.9-magnitude earthquake shook the valley.",
            "It was a 5.9 magnitude quake.",
        ] {
            let found = one(text);
            assert_eq!(
                (found.value, found.unit.as_str(), found.measure.as_deref()),
                (5.9, "magnitude", Some("magnitude")),
                "{text}"
            );
        }
        assert_eq!(
            one("Seismologists recorded 240 aftershocks.").unit,
            "aftershock"
        );
    }

    #[test]
    fn digits_with_units_and_approximation() {
        assert_eq!(
            shown("Axios reported the call lasted about 40 minutes."),
            ["about 40 minutes => 40 minute (approx)"]
        );
        assert_eq!(
            shown("Russia launched 550 drones overnight."),
            ["550 drones => 550 drone"]
        );
        assert_eq!(
            shown("Some 1,200 firefighters and 40 fire engines were sent."),
            [
                "Some 1,200 firefighters => 1200 firefighter (approx)",
                "40 fire engines => 40 fire engine"
            ]
        );
        // One figure for two groups is a count of both; two figures are two counts.
        assert_eq!(
            shown("Nearly 470 passengers and crew fell sick."),
            ["Nearly 470 passengers and crew => 470 passenger and crew (approx)"]
        );
        assert_eq!(
            shown("It carried 2,140 passengers and 870 crew."),
            ["2,140 passengers => 2140 passenger", "870 crew => 870 crew"]
        );
        // An article before a distance unit is one of it.
        assert_eq!(
            shown("The dam sat just a mile above the town."),
            ["a mile => 1 mile [distance away]"]
        );
        // A fraction of one is that fraction, not one.
        assert_eq!(
            shown("She was found half a mile from the park."),
            ["half a mile => 0.5 mile [distance away]"]
        );
        assert_eq!(
            shown("The road runs a quarter of a mile from the river."),
            ["a quarter of a mile => 0.25 mile [distance away]"]
        );
        assert_eq!(shown("Turnout was 58%."), ["58% => 58 % [turnout]"]);
        assert_eq!(
            shown("Prices rose 3.5 per cent."),
            ["3.5 per cent => 3.5 %"]
        );
        let q = one("Russia launched 550 Shahed drones.");
        assert_eq!((q.unit.as_str(), q.dimension), ("drone", Dimension::Count));
    }

    #[test]
    fn number_words_via_text2num() {
        assert_eq!(
            shown("It took forty minutes."),
            ["forty minutes => 40 minute"]
        );
        assert_eq!(
            shown("Five hundred and fifty drones were launched."),
            ["Five hundred and fifty drones => 550 drone"]
        );
        assert_eq!(
            shown("Twelve people were killed."),
            ["Twelve people => 12 people [killed]"]
        );
        assert_eq!(
            shown("Forty-five persons were rescued."),
            ["Forty-five persons => 45 people [rescued]"]
        );
        assert_eq!(
            shown("Five skiers were pulled out alive."),
            ["Five skiers => 5 skier [rescued]"]
        );
    }

    #[test]
    fn no_one_is_no_count_of_one() {
        assert!(shown("It ended with no one killed and everyone going home.").is_empty());
        assert_eq!(
            shown("One person was killed."),
            ["One person => 1 people [killed]"]
        );
    }

    #[test]
    fn a_step_on_a_scale_is_counted_in_the_scale() {
        assert_eq!(
            shown("Forecasters had rated the danger at level 3."),
            ["3 => 3 level"]
        );
        assert_eq!(
            shown("Experts rated the avalanche danger at level FOUR."),
            ["FOUR => 4 level"]
        );
        assert_eq!(shown("It was a Category 4 hurricane."), ["4 => 4 category"]);
    }

    #[test]
    fn a_participle_before_the_noun_names_the_measure() {
        let found = one("A helicopter flew two injured skiers to Innsbruck University Hospital.");
        assert_eq!(
            (found.unit.as_str(), found.measure.as_deref()),
            ("skier", Some("injured"))
        );
    }

    #[test]
    fn a_part_of_a_group_in_a_verbless_aside_counts_no_act() {
        let text = "Five skiers were pulled out alive, three of them with severe hypothermia.";
        let found = find_quantities(text, 0, text.len());
        assert_eq!(found[1].measure.as_deref(), Some(PART_OF_A_GROUP));
        // A clause of its own counts what it says was done.
        let text = "Six people were hurt, four of them were taken to hospital.";
        let found = find_quantities(text, 0, text.len());
        assert_ne!(found[1].measure.as_deref(), Some(PART_OF_A_GROUP));
        let text = "The slide buried seven skiers, two of whom died.";
        let found = find_quantities(text, 0, text.len());
        assert_ne!(found[1].measure.as_deref(), Some(PART_OF_A_GROUP));
    }

    #[test]
    fn the_rescue_as_a_modifier_is_no_count_of_the_rescued() {
        let measure = |text: &str| find_quantities(text, 0, text.len())[0].measure.clone();
        assert_eq!(
            measure("A rescue helicopter flew two skiers to Innsbruck."),
            None
        );
        assert_eq!(
            measure("The rescue of 45 miners took two days.").as_deref(),
            Some("rescued")
        );
    }

    #[test]
    fn a_hyphenated_modifier_before_the_noun_is_skipped() {
        assert_eq!(
            shown("The slide buried seven off-piste skiers."),
            ["seven off-piste skiers => 7 skier"]
        );
        assert_eq!(
            shown("About 300 far-right protesters gathered."),
            ["About 300 far-right protesters => 300 protester (approx)"]
        );
    }

    #[test]
    fn a_number_joined_to_a_noun_counts_it() {
        assert_eq!(
            shown("The two-carriage train left at dawn."),
            ["two-carriage => 2 carriage"]
        );
        assert_eq!(
            shown("A five-storey building collapsed."),
            ["five-storey => 5 storey"]
        );
    }

    #[test]
    fn scales_and_money() {
        assert_eq!(shown("A €3.5bn package."), ["€3.5bn => 3500000000 eur"]);
        assert_eq!(
            shown("A package of 3.5 billion euros."),
            ["3.5 billion euros => 3500000000 eur"]
        );
        assert_eq!(shown("It cost $20m."), ["$20m => 20000000 usd"]);
        // A fraction of a round number is that share of it, not the number.
        let fractions = [
            ("Half a million people fled.", 500_000.0),
            ("Nearly a third of a million euros was paid.", 333_333.0),
            ("A quarter of a million homes lost power.", 250_000.0),
            ("Two-thirds of a billion litres leaked.", 666_666_667.0),
        ];
        for (text, value) in fractions {
            assert_eq!(one(text).value, value, "{text}");
        }
        assert_eq!(
            shown("It cost 20 million Canadian dollars."),
            ["20 million Canadian dollars => 20000000 cad"]
        );
        // A crown, in English or in Norwegian, Danish or Swedish, or as a code.
        for text in [
            "Each gets 5,000 kroner.",
            "Each gets NOK 5,000.",
            "Each gets 5,000 Norwegian crowns.",
        ] {
            let found = one(text);
            assert_eq!(
                (found.value, found.unit.as_str(), found.dimension),
                (5000.0, "crown", Dimension::Money),
                "{text}"
            );
        }
        assert_eq!(
            shown("Some £1.2 million was raised."),
            ["Some £1.2 million => 1200000 gbp (approx)"]
        );
        assert_eq!(
            shown("1.2 million people fled."),
            ["1.2 million people => 1200000 people [evacuated]"]
        );
        assert_eq!(
            shown("A fine of US$5,000 was paid."),
            ["US$5,000 => 5000 usd [fine]"]
        );
        assert_eq!(
            shown("Satellites worth about A$48 million, or C$45m, were lost."),
            [
                "about A$48 million => 48000000 aud (approx) [value]",
                "C$45m => 45000000 cad"
            ]
        );
        assert_eq!(
            shown("Debris fell 16 nautical miles offshore."),
            ["16 nautical miles => 16 nautical mile [distance away]"]
        );
    }

    #[test]
    fn pence_are_hundredths_of_a_pound() {
        assert_eq!(shown("Shares closed at 201p."), ["201p => 2.01 gbp"]);
        assert_eq!(
            shown("They were down at 198 pence."),
            ["198 pence => 1.98 gbp"]
        );
    }

    #[test]
    fn the_measure_follows_an_aside() {
        assert_eq!(
            shown("Three people, including a 16-year-old boy from Millfield, are still missing."),
            [
                "Three people => 3 people [missing]",
                "16-year-old => 16 year"
            ]
        );
    }

    #[test]
    fn the_age_of_a_thing_is_not_a_persons() {
        assert_eq!(
            shown("It was part of the 58-year-old bridge."),
            ["58-year-old => 58 year [age of bridge]"]
        );
        assert_eq!(
            shown("A 16-year-old boy is missing."),
            ["16-year-old => 16 year"]
        );
    }

    #[test]
    fn vague_amounts_and_articles() {
        assert_eq!(
            shown("Hundreds of thousands of people fled."),
            ["Hundreds of thousands of people => 200000-1000000 people (approx) [evacuated]"]
        );
        assert_eq!(
            shown("Dozens of buildings were damaged."),
            ["Dozens of buildings => 24-120 building (approx)"]
        );
        assert_eq!(
            shown("A dozen soldiers were wounded."),
            ["A dozen soldiers => 12 soldier (approx) [injured]"]
        );
        assert_eq!(
            shown("More than a dozen people were hurt."),
            ["More than a dozen people => 12 people (at least) [injured]"]
        );
        // Spelled fractions are read as the size of a change only.
        assert_eq!(
            shown("Profit fell by about two-thirds."),
            ["about two-thirds => 66.7 % (approx)"]
        );
        assert_eq!(
            shown("Profits crashed by three quarters since March."),
            ["three quarters => 75 %"]
        );
        assert_eq!(
            shown("Sales slumped by almost a fifth."),
            ["almost a fifth => 20 % (approx)"]
        );
        assert_eq!(shown("The fleet was cut by half."), ["half => 50 %"]);
        assert!(shown("Two-thirds of the staff were away.").is_empty());
        assert!(shown("It was delayed by a quarter of an hour.")
            .iter()
            .all(|q| !q.contains('%')));
        assert!(shown("The data were stolen by a third party.").is_empty());
        assert_eq!(
            shown("The flight was delayed by half an hour."),
            ["half an hour => 0.5 hour [delay]"]
        );
        assert_eq!(
            shown("Half a dozen boats searched the river."),
            ["Half a dozen boats => 6 boat (approx)"]
        );
        assert_eq!(shown("The call lasted an hour."), ["an hour => 1 hour"]);
        assert_eq!(
            shown("The call lasted half an hour."),
            ["half an hour => 0.5 hour"]
        );
        assert_eq!(
            shown("It took two and a half hours."),
            ["two and a half hours => 2.5 hour"]
        );
        // "a"/"an" before anything else is an article.
        assert!(shown("A drone hit an apartment block.").is_empty());
        assert!(shown("He meets them twice a year.").is_empty());
    }

    #[test]
    fn approximation_words() {
        let cases = [
            ("around 40 minutes", Approx::About),
            ("roughly 40 minutes", Approx::About),
            ("nearly 40 minutes", Approx::About),
            ("almost 40 minutes", Approx::About),
            ("approximately 40 minutes", Approx::About),
            ("up to 40 minutes", Approx::AtMost),
            ("at least 40 minutes", Approx::AtLeast),
            ("more than 40 minutes", Approx::AtLeast),
            ("over 40 minutes", Approx::AtLeast),
            ("fewer than 40 minutes", Approx::AtMost),
            ("less than 40 minutes", Approx::AtMost),
            ("under 40 minutes", Approx::AtMost),
            ("as many as 40 minutes", Approx::AtMost),
            ("as long as 40 minutes", Approx::AtMost),
            ("40 minutes or so", Approx::About),
        ];
        for (text, approx) in cases {
            let q = one(text);
            assert_eq!((q.value, q.approx), (40.0, approx), "{text}");
            assert_eq!(q.text, text, "{text}");
        }
        assert_eq!(
            one("at least 12 people were killed").to_string(),
            "12 people (at least)"
        );
        assert_eq!(one("up to 50 drones").to_string(), "50 drone (at most)");
    }

    #[test]
    fn ranges() {
        assert_eq!(
            shown("The call lasted between 40 and 50 minutes."),
            ["between 40 and 50 minutes => 40-50 minute"]
        );
        assert_eq!(
            shown("It lasted 40-50 minutes."),
            ["40-50 minutes => 40-50 minute"]
        );
        assert_eq!(
            shown("Between 1,200 to 1,500 people were evacuated."),
            ["Between 1,200 to 1,500 people => 1200-1500 people [evacuated]"]
        );
        assert_eq!(
            shown("Damage of 1.2 to 1.5 million euros."),
            ["1.2 to 1.5 million euros => 1200000-1500000 eur"]
        );
        assert_eq!(
            shown("two or three drones"),
            ["two or three drones => 2-3 drone"]
        );
        // A score is not a range.
        assert_eq!(shown("Kyiv won 3-1.").len(), 2);
    }

    #[test]
    fn tallies_and_compound_units() {
        assert_eq!(
            shown("The package passed by 61 votes to 47."),
            ["61 votes => 61 vote [votes]", "47 => 47 vote [votes]"]
        );
        assert_eq!(
            shown("Ann Lee came third with 6,214 votes, ahead of Ruth Ellis on 2,950 and Tom Hale with 1,562."),
            [
                "6,214 votes => 6214 vote [votes]",
                "2,950 => 2950 vote [votes]",
                "1,562 => 1562 vote [votes]"
            ]
        );
        // Without a counted figure before it, or after a common word, a number keeps no unit.
        assert_eq!(shown("Ruth Ellis on 2,950 was third."), ["2,950 => 2950"]);
        assert_eq!(
            shown("It won 12 seats, and rates rose on 2,950 homes."),
            ["12 seats => 12 seat", "2,950 homes => 2950 home"]
        );
        assert_eq!(
            shown("Lawmakers voted 61 to 47 in favour."),
            ["61 => 61 [votes]", "47 => 47 [votes]"]
        );
        assert_eq!(
            shown("It pays for 14 new flood retention basins."),
            ["14 new flood retention basins => 14 retention basin"]
        );
        assert_eq!(
            shown("It pays for fourteen new retention basins."),
            ["fourteen new retention basins => 14 retention basin"]
        );
        assert_eq!(
            shown("Crews sent 20 fire engines."),
            ["20 fire engines => 20 fire engine"]
        );
    }

    #[test]
    fn measures_after_and_before_the_number() {
        let cases = [
            ("12 people were killed in the strike.", "killed"),
            ("Nine injured were taken to hospital.", "injured"),
            ("Fourteen people are feared dead.", "killed"),
            ("Nine people were hurt.", "injured"),
            ("The blast killed 12 people.", "killed"),
            ("The death toll rose to 14.", "killed"),
            ("Police arrested 40 protesters.", "arrested"),
            ("Three climbers remain missing.", "missing"),
            ("Seven people were taken to hospital.", "injured"),
            ("NINE more were rushed to hospital.", "injured"),
            ("Another 11 workers were injured.", "more injured"),
            ("Four are being treated in hospital.", "injured"),
            ("Paramedics treated 12 people at the airport.", "treated"),
            ("Fourteen passengers were treated by paramedics.", "treated"),
            ("Nine people needed hospital treatment.", "injured"),
            ("Nine were treated at Westmere General Hospital.", "injured"),
            ("Nine were treated at the scene by paramedics.", "treated"),
            ("About 1,800 vehicles have now been freed.", "freed"),
            ("Crews worked to free over 150 people.", "freed"),
            ("Three walkers were airlifted off the ridge.", "rescued"),
            ("The helicopter winched three walkers to safety.", "rescued"),
            ("Fire crews brought around 230 people to safety.", "rescued"),
            ("Nimes University Hospital admitted 37 people.", "injured"),
            ("About 300 campers were forced to flee.", "evacuated"),
            // How many turned out, however the crowd is named.
            (
                "Organisers said 150,000 people joined Thursday's march.",
                "attendance",
            ),
            ("Police said 120,000 people took part.", "attendance"),
            ("At least 80,000 people are on the streets.", "attendance"),
            // People, named by no other noun, counted on board.
            ("The boat had been carrying about 80 people.", "on board"),
            ("Around 110 people had been on board.", "on board"),
        ];
        for (text, measure) in cases {
            assert_eq!(one(text).measure.as_deref(), Some(measure), "{text}");
        }
        // Other nouns keep their own count: volunteers in a search are no crowd,
        // passengers are counted as passengers.
        for text in [
            "He admitted three charges.",
            "More than 40 volunteers took part.",
            "The jet was carrying 112 passengers.",
            "There were 200 people in March.",
        ] {
            assert_eq!(one(text).measure, None, "{text}");
        }
        // A measure word inside a name is the name, not the measure; a title-case
        // headline still gives its measure.
        let text = "West Yorkshire Fire and Rescue Service sent 20 engines.";
        assert_eq!(one(text).measure, None, "{text}");
        let text = "Nine Injured As Fire Sweeps Through Leeds Mill";
        assert_eq!(one(text).measure.as_deref(), Some("injured"), "{text}");
        // Each number takes its own clause's measure.
        let found = find_quantities(
            "The strike killed 12 and injured nine, officials said.",
            0,
            54,
        );
        let measures: Vec<_> = found.iter().map(|q| q.measure.as_deref()).collect();
        assert_eq!(measures, [Some("killed"), Some("injured")]);
        let found = find_quantities("killing 12 people, injuring nine", 0, 32);
        let measures: Vec<_> = found.iter().map(|q| q.measure.as_deref()).collect();
        assert_eq!(measures, [Some("killed"), Some("injured")]);
        // Durations are measured by their dimension.
        assert_eq!(one("the 40 minutes of the killing spree").measure, None);
        // A hospital named, or a hospital as a place, is not the injured count.
        assert_eq!(
            one("Two were flown to Royal Shrewsbury Hospital.").measure,
            None
        );
        // A hospital's beds are all it has, not the injured.
        assert_eq!(
            one("The hospital has 300 beds.").measure.as_deref(),
            Some(ALL_IT_HAS)
        );
        // Sources are who told the report, not a figure of the event.
        assert!(find_quantities("citing two unnamed sources, it said", 0, 35).is_empty());
        // A participle between a count and its plural noun.
        assert_eq!(
            one("1,140 planned operations were cancelled.").unit,
            "operation"
        );
        // An age set off by commas after a name is that person's age.
        let found = find_quantities("Ann Hale, 34, and Tom Rees, 51, died.", 0, 37);
        let ages: Vec<_> = found.iter().map(|q| q.measure.as_deref()).collect();
        assert_eq!(ages, [Some("age of Hale"), Some("age of Rees")]);
        // So is one in a description after the name.
        let text = "Keith Brannigan, a 67-year-old retired bus driver, said so.";
        let found = find_quantities(text, 0, text.len());
        assert_eq!(found[0].measure.as_deref(), Some("age of Brannigan"));
        assert_eq!(
            one("On Tuesday, 12, were hurt.").dimension,
            Dimension::Count
        );
        assert_eq!(one("In Leeds, 12 were hurt.").dimension, Dimension::Count);
        // A length of time measures the act that takes it.
        let durations = [
            ("He was jailed for seven years.", Some("prison term")),
            (
                "He will serve half of his seven-year sentence.",
                Some("prison term"),
            ),
            (
                "He was disqualified from acting as a company director for 10 years.",
                Some("ban"),
            ),
            ("The trial lasted about six weeks.", Some("trial")),
            (
                "Ambulances were diverted for three days.",
                Some("diversion"),
            ),
            (
                "The trust's systems have been down for four days.",
                Some("outage"),
            ),
            ("The call ran to about 40 minutes.", None),
            (
                "The crash ended up shutting the airport for about seven hours.",
                Some("closure"),
            ),
            ("The airport was closed for ten hours.", Some("closure")),
            ("The firm was fined £1.2 million.", Some("fine")),
            ("She must pay £3,000 in costs.", Some("costs")),
            ("A ransom of €4m was paid.", Some("ransom")),
            ("They paid a €6MILLION ransom.", Some("ransom")),
            ("The council spent £3.7 million on drainage.", None),
        ];
        for (text, measure) in durations {
            assert_eq!(one(text).measure.as_deref(), measure, "{text}");
        }
    }

    #[test]
    fn dimensions() {
        let cases = [
            ("a 34-year-old man", Dimension::Age, "year", 34.0),
            (
                "the victim, aged 34, was named",
                Dimension::Age,
                "year",
                34.0,
            ),
            ("she is 34 years old", Dimension::Age, "year", 34.0),
            ("Ann Hale, 34, said", Dimension::Age, "year", 34.0),
            ("a 40-minute call", Dimension::Duration, "minute", 40.0),
            ("the front is 20km away", Dimension::Distance, "km", 20.0),
            ("some 300 miles north", Dimension::Distance, "mile", 300.0),
            ("burned 6,800 hectares", Dimension::Area, "hectare", 6800.0),
            ("ripped through 940 acres", Dimension::Area, "acre", 940.0),
            ("some 68 square kilometres", Dimension::Area, "sq km", 68.0),
            ("a 24-hectare meadow", Dimension::Area, "hectare", 24.0),
            (
                "copied 400 gigabytes of data",
                Dimension::Data,
                "gigabyte",
                400.0,
            ),
            ("took 1.2TB of records", Dimension::Data, "terabyte", 1.2),
            ("a 500GB haul", Dimension::Data, "gigabyte", 500.0),
            ("a 500kg bomb", Dimension::Weight, "kg", 500.0),
            ("gusts of 92 mph", Dimension::Speed, "mph", 92.0),
            ("a gust of 148km/h", Dimension::Speed, "km/h", 148.0),
            (
                "the strongest gust was 87mph",
                Dimension::Speed,
                "mph",
                87.0,
            ),
            ("winds of 40 miles per hour", Dimension::Speed, "mph", 40.0),
            ("gusting to 60 knots", Dimension::Speed, "knot", 60.0),
            (
                "the thermometer reached 46.4C",
                Dimension::Temperature,
                CELSIUS,
                46.4,
            ),
            ("it hit 46.8°C", Dimension::Temperature, CELSIUS, 46.8),
            (
                "the old mark of 46.0 C",
                Dimension::Temperature,
                CELSIUS,
                46.0,
            ),
            (
                "a blistering 116F",
                Dimension::Temperature,
                FAHRENHEIT,
                116.0,
            ),
            (
                "recorded 46.3 degrees Celsius",
                Dimension::Temperature,
                CELSIUS,
                46.3,
            ),
            (
                "temperatures near 40 degrees",
                Dimension::Temperature,
                DEGREES,
                40.0,
            ),
            ("Elections were held in 2024.", Dimension::Year, "", 2024.0),
            ("the 2022 invasion", Dimension::Year, "", 2022.0),
        ];
        for (text, dimension, unit, value) in cases {
            let q = one(text);
            assert_eq!(
                (q.dimension, q.unit.as_str(), q.value),
                (dimension, unit, value),
                "{text}"
            );
        }
        assert_eq!(one("2,000 people").dimension, Dimension::Count);
        // "a girl of just six" gives her age; "a team of six" counts.
        let girl = one("Among the dead was a little girl of just SIX.");
        assert_eq!((girl.dimension, girl.value), (Dimension::Age, 6.0));
        assert_eq!(one("A team of six went in.").dimension, Dimension::Count);
        // An adjective before the plural noun describes it; souls are people.
        assert_eq!(
            one("It was crammed with 130 desperate souls.").unit,
            "people"
        );
        assert_eq!(one("Crews sent 20 fire engines.").unit, "fire engine");
        // Words that describe the counted noun are not it.
        assert_eq!(
            one("Hackers took the records of 2.4 million current and former customers.").unit,
            "customer"
        );
        assert_eq!(
            one("It put the number of affected customers at 4.2 million.").unit,
            "customer"
        );
        // One degree, as one mile.
        let degree = one("It beat the record by almost a full degree.");
        assert_eq!(
            (degree.dimension, degree.value),
            (Dimension::Temperature, 1.0)
        );
        // A letter alone is a scale only glued to its number.
        assert_eq!(one("Flat 4 C was empty").dimension, Dimension::Count);
        // A temperature measured "by" so much, or "above" another, is a change.
        for text in [
            "It beat the record by 0.3 degrees.",
            "It was 2C above the old record.",
        ] {
            assert_eq!(
                one(text).measure.as_deref(),
                Some(TEMPERATURE_CHANGE),
                "{text}"
            );
        }
        assert_eq!(one("The station recorded 46.3C.").measure, None);
    }

    #[test]
    fn readings_below_zero_keep_their_sign() {
        assert_eq!(
            shown("The temperature dropped to minus 12 Celsius."),
            ["minus 12 Celsius => -12 °C"]
        );
        assert_eq!(shown("It fell to -12C overnight."), ["-12C => -12 °C"]);
        assert_eq!(shown("It was minus 12C at dawn."), ["minus 12C => -12 °C"]);
        // A shouted reading of no named scale.
        assert_eq!(
            shown("And the mercury plunged to a bone-chilling MINUS 17!"),
            ["MINUS 17 => -17 degree"]
        );
        // A range's dash is no sign, and "minus" without a temperature is no reading.
        assert_eq!(shown("Highs of 10-12C."), ["10-12C => 10-12 °C"]);
        let text = "The sentiment index stood at minus 3 in May.";
        assert!(find_quantities(text, 0, text.len())
            .iter()
            .all(|q| q.dimension != Dimension::Temperature && q.value > 0.0));
    }

    #[test]
    fn dates_clock_times_and_labels_are_not_counts() {
        for text in [
            "The summit opened on 4 July 2025.",
            "Sirens sounded at 10.40pm.",
            "Signed on Jan. 5.",
            "Updated 09:14 BST",
            "He returned to No. 10 Downing Street.",
            "Under Article 5, allies must help.",
            "G7 leaders met.",
            "Covid-19 cases fell.",
            "Ukraine wants F-16 jets.",
            "It was the 4th attack.",
            "the 1990s",
            "It happened two days ago.",
            "The FTSE 100 index was flat.",
            "The ploughs reached the queue at junction 13.",
            "The train left from platform 4.",
        ] {
            assert!(shown(text).is_empty(), "{text}: {:?}", shown(text));
        }
        // The same nouns counted are counts.
        assert_eq!(shown("Two platforms were closed.").len(), 1);
    }

    #[test]
    fn a_percentage_beside_a_rate_word_is_that_rate_but_a_change_by_one_is_not() {
        assert_eq!(
            shown("The jobless rate rose to 6.8%."),
            ["6.8% => 6.8 % [unemployment]"]
        );
        assert_eq!(
            shown("Inflation slowed to 2.4% in October."),
            ["2.4% => 2.4 % [inflation]"]
        );
        assert_eq!(shown("Inflation fell by 0.3%."), ["0.3% => 0.3 %"]);
    }

    #[test]
    fn basis_points_are_hundredths_of_a_percentage_point() {
        let points = |text: &str| {
            let found = find_quantities(text, 0, text.len());
            found
                .iter()
                .map(|q| (q.value, q.unit.clone()))
                .collect::<Vec<_>>()
        };
        let half = vec![(0.5, PERCENTAGE_POINTS.to_string())];
        assert_eq!(points("It cut the rate by 50 basis points."), half);
        assert_eq!(points("It cut the rate by half a percentage point."), half);
        assert_eq!(points("It cut the rate by 0.5 percentage points."), half);
        assert_eq!(
            points("Two members wanted a 25bp cut."),
            [
                (2.0, "member".to_string()),
                (0.25, PERCENTAGE_POINTS.to_string())
            ]
        );
    }

    #[test]
    fn a_number_after_an_acronym_names_an_index_outside_capitals() {
        assert_eq!(shown("The MHX 30 closed up 0.9%.").len(), 1);
        assert_eq!(shown("DOZENS DEAD AS 40 HURT").len(), 2);
    }

    #[test]
    fn pronoun_one_is_not_a_number() {
        assert!(shown("One source briefed on the call said it went well.").is_empty());
        assert!(shown("It was one of the largest attacks.").is_empty());
        assert_eq!(
            shown("One person was killed."),
            ["One person => 1 people [killed]"]
        );
        assert_eq!(shown("It lasted one hour."), ["one hour => 1 hour"]);
        assert_eq!(one("at least one dead").approx, Approx::AtLeast);
    }

    #[test]
    fn numbers_at_edges_and_next_to_multibyte_characters() {
        assert_eq!(shown("The toll rose to 12"), ["12 => 12 [killed]"]);
        assert_eq!(shown("—40—"), ["40 => 40"]);
        assert_eq!(shown("€3.5bn—"), ["€3.5bn => 3500000000 eur"]);
        let text = "Dnipro — 12 drones — Kharkiv";
        let q = one(text);
        assert_eq!(&text[q.start..q.end], "12 drones");
        assert!(find_quantities(text, 3, 3).is_empty());
        assert!(find_quantities(text, 20, 2).is_empty());
        assert!(find_quantities("", 0, 0).is_empty());
        // A sub-range only sees its own numbers; offsets stay absolute.
        let text = "First 40 minutes, then 50 minutes.";
        let start = text.find("then").unwrap();
        let found = find_quantities(text, start, text.len());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].start, text.find("50").unwrap());
    }

    #[test]
    fn display_follows_the_output_contract() {
        let q = Quantity {
            value: 0.25,
            upper: Some(1.5),
            approx: Approx::AtMost,
            dimension: Dimension::Duration,
            unit: "hour".into(),
            measure: None,
            text: String::new(),
            start: 0,
            end: 0,
        };
        assert_eq!(q.to_string(), "0.25-1.5 hour (at most)");
        assert_eq!(one("5 people").to_string(), "5 people");
        assert_eq!(one("Put it at 5.").to_string(), "5");
    }

    #[test]
    fn singular_units() {
        assert_eq!(singular("casualties"), "casualty");
        assert_eq!(singular("churches"), "church");
        assert_eq!(singular("children"), "child");
        assert_eq!(singular("drones"), "drone");
        assert_eq!(singular("bus"), "bus");
    }

    #[test]
    fn seed_article_sentences() {
        let text = "US outlet Axios, citing unnamed sources, reported the call lasted about \
                    40 minutes. Russia pummelled Kyiv with the largest drone attack of the \
                    war hours after Mr Trump's conversation with Mr Putin on Thursday. The \
                    two leaders discussed the situation in Ukraine.";
        assert_eq!(
            shown(text),
            [
                "about 40 minutes => 40 minute (approx)",
                "two leaders => 2 leader"
            ]
        );
    }

    #[test]
    fn no_panics_on_any_char_boundary_substring() {
        let messy = [
            "€3.5bn — about 1,200–1,500 people; 58%… No. 10, 10.40pm ’s 4th",
            "between forty and fifty-five drones; half an hour — £20m-£30m and a",
            "Hundreds of thousands of; 9.9.9 1,,2 3..4 aged 34-year-old 2025-07",
        ];
        for text in messy {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &s in &bounds {
                for &e in &bounds {
                    for q in find_quantities(text, s, e) {
                        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
                        assert!(s <= q.start && q.end <= e && q.start < q.end);
                        let _ = q.to_string();
                    }
                }
            }
            for s in 0..=text.len() + 2 {
                find_quantities(text, s, text.len() + 3);
            }
        }
    }
}
