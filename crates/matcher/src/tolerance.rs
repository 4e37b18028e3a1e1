//! Every tolerance rule: when do two stated values count as the same?
//!
//! Each rule is one named function with its own tests, so that a disputed conflict
//! can be traced to the one place that decided it. The numbers they use live in
//! [`crate::thresholds`].

use chrono::Datelike;
use claimdiff_parser::{Approx, DayPart, Dimension, Quantity, TimeValue};

use crate::features::{word_meaning, WordMeaning};
use crate::thresholds::*;
use crate::words::{fold, name_tokens, words};

// ------------------------------------------------------------------ numbers

/// Seconds in one unit of time, for comparing "about 40 minutes" with "an hour".
pub fn seconds_per_unit(unit: &str) -> Option<f64> {
    let seconds = match unit {
        "second" | "sec" | "s" => 1.0,
        "minute" | "min" => 60.0,
        "hour" | "hr" | "h" => 3600.0,
        "day" => 86_400.0,
        "week" => 604_800.0,
        "fortnight" => 1_209_600.0,
        "month" => 2_629_800.0,
        "year" => 31_557_600.0,
        _ => return None,
    };
    Some(seconds)
}

/// Base units in one unit of a convertible dimension: seconds for durations,
/// km/h for speeds, metres for distances. Outlets convert ("92 mph", "148 km/h"),
/// so these compare across units.
pub fn base_units_per_unit(q: &Quantity) -> Option<f64> {
    match q.dimension {
        Dimension::Duration => seconds_per_unit(&q.unit),
        Dimension::Speed => match q.unit.as_str() {
            "km/h" => Some(1.0),
            "mph" => Some(1.609_344),
            "knot" => Some(1.852),
            _ => None,
        },
        // Degrees of no named scale are read as Celsius here;
        // `quantities_compatible` also tries them as Fahrenheit.
        Dimension::Temperature => match q.unit.as_str() {
            claimdiff_parser::CELSIUS | claimdiff_parser::DEGREES => Some(1.0),
            claimdiff_parser::FAHRENHEIT => Some(5.0 / 9.0),
            _ => None,
        },
        // Hectares.
        Dimension::Area => match q.unit.as_str() {
            "hectare" => Some(1.0),
            "acre" => Some(0.404_685_6),
            "sq km" => Some(100.0),
            "sq mile" => Some(258.998_8),
            _ => None,
        },
        // Gigabytes, counted in thousands as storage is sold.
        Dimension::Data => match q.unit.as_str() {
            "megabyte" => Some(0.001),
            "gigabyte" => Some(1.0),
            "terabyte" => Some(1000.0),
            "petabyte" => Some(1_000_000.0),
            _ => None,
        },
        Dimension::Distance => match q.unit.as_str() {
            "metre" => Some(1.0),
            "km" => Some(1000.0),
            "mile" => Some(1609.344),
            "nautical mile" => Some(1852.0),
            "foot" => Some(0.3048),
            "cm" => Some(0.01),
            _ => None,
        },
        _ => None,
    }
}

/// What to add, after [`base_units_per_unit`], to reach the base unit: a reading
/// in Fahrenheit starts 32 degrees above Celsius's zero; a change does not.
pub fn base_units_offset(q: &Quantity) -> f64 {
    let fahrenheit_reading = q.dimension == Dimension::Temperature
        && q.unit == claimdiff_parser::FAHRENHEIT
        && q.measure.as_deref() != Some(claimdiff_parser::TEMPERATURE_CHANGE);
    if fahrenheit_reading {
        -32.0 * 5.0 / 9.0
    } else {
        0.0
    }
}

/// What a number measures, as a key: numbers are only compared within one key.
/// Durations share one key per thing they last ("prison term", "ban", or none
/// named; they are converted to seconds); otherwise the news
/// measure from the parser's lexicon ("killed", "injured") wins; otherwise the
/// dimension and unit ("count:drone", "money:usd").
/// Time between two events ("40 minutes after the crews arrived") is its own
/// measure, "offset:after" or "offset:before", never compared with a length.
/// Counted things are keyed by their head noun ("fire engine" and "engine" are one
/// unit), and the plain words for people count people.
pub fn measure_key(q: &Quantity) -> String {
    if q.dimension == Dimension::Duration {
        return match (q.offset_direction(), seconds_per_unit(&q.unit)) {
            (Some(direction), _) => format!("offset:{direction}"),
            (None, Some(_)) => match &q.measure {
                Some(measure) => format!("duration:{measure}"),
                None => "duration".to_string(),
            },
            (None, None) => format!("duration:{}", q.unit),
        };
    }
    match &q.measure {
        Some(measure) => measure.to_lowercase(),
        None if q.dimension == Dimension::Count => format!("count:{}", counted_head(&q.unit)),
        // Speeds and distances compare across units, in their base unit.
        None if base_units_per_unit(q).is_some() => format!("{:?}", q.dimension).to_lowercase(),
        None => unit_key(q),
    }
}

/// The key of a quantity by its dimension and unit alone ("money:gbp"), whatever it
/// measures: a sum the tabloid leaves unnamed ("ordered to cough up £1.2m") is still
/// pounds like the fine it is.
pub fn unit_key(q: &Quantity) -> String {
    format!("{:?}:{}", q.dimension, q.unit).to_lowercase()
}

/// The head noun of a count's unit, with the words news copy swaps for one
/// counted thing folded to one name: the plain words for people as "people".
fn counted_head(unit: &str) -> &str {
    const SAME_COUNTED_THING: &[(&str, &[&str])] = &[
        (
            "people",
            &[
                "people",
                "person",
                "resident",
                "individual",
                "inhabitant",
                "local",
            ],
        ),
        // "312 oiled seabirds", "more than 300 oiled birds".
        ("bird", &["bird", "seabird"]),
        // Power cuts and floods count homes under several names.
        (
            "home",
            &[
                "home",
                "house",
                "household",
                "property",
                "premise",
                "premises",
                "customer",
            ],
        ),
        // A workforce, whatever a report calls it.
        (
            "worker",
            &["worker", "staff", "employee", "workforce", "staffer"],
        ),
        // Things taken or found: "14 items", "14 jewelled objects", "14 pieces".
        ("item", &["item", "object", "piece", "artefact", "artifact"]),
        // Members of a parliament: "43 lawmakers", "52 of her own MPs".
        (
            "legislator",
            &[
                "lawmaker",
                "legislator",
                "mp",
                "mep",
                "msp",
                "parliamentarian",
            ],
        ),
        // Armed forces sent in: "2,000 soldiers", "two thousand troops".
        ("soldier", &["soldier", "troop", "serviceman", "servicemen"]),
        // Hospital work: "1,400 ops", "1,140 operations".
        ("operation", &["operation", "op", "ops", "surgery"]),
    ];
    // "470 passengers and crew": a count of both is a thing of its own, never
    // compared with the passengers or the crew alone.
    if unit.contains(" and ") {
        return unit;
    }
    let head = unit.rsplit(' ').next().unwrap_or(unit);
    SAME_COUNTED_THING
        .iter()
        .find(|(_, words)| words.contains(&head))
        .map_or(head, |(name, _)| name)
}

/// Two figures of one measure that differ by more than `MAX_SAME_QUANTITY_RATIO`
/// times ("for three years" vs "for four hours", "72 killed at Grenfell" vs "12
/// killed") are about different things, not a disagreement about one thing.
pub fn plausibly_same_quantity(a: &Quantity, b: &Quantity) -> bool {
    figures_within_ratio(a, b, MAX_SAME_QUANTITY_RATIO)
}

/// [`plausibly_same_quantity`] with another largest ratio between the figures.
pub fn figures_within_ratio(a: &Quantity, b: &Quantity, max_ratio: f64) -> bool {
    if is_magnitude(a) && is_magnitude(b) {
        return (a.value - b.value).abs() < MAX_SAME_MAGNITUDE_GAP;
    }
    let base = |q: &Quantity| match base_units_per_unit(q) {
        Some(factor) => Some(q.value * factor + base_units_offset(q)),
        None if q.dimension == Dimension::Duration => None,
        None => Some(q.value),
    };
    match (base(a), base(b)) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => x.max(y) / x.min(y) <= max_ratio,
        _ => true,
    }
}

/// A reading on the earthquake scale (the parser's "magnitude" measure).
fn is_magnitude(q: &Quantity) -> bool {
    q.measure.as_deref() == Some("magnitude")
}

/// Countries and large regions contain the towns a report names ("Leeds" is in
/// "England"): naming one instead of the other is not naming a different place.
pub fn is_country_or_region(name: &str) -> bool {
    const LARGE_PLACES: &[&str] = &[
        "england",
        "scotland",
        "wales",
        "northern ireland",
        "united kingdom",
        "britain",
        "great britain",
        "united states",
        "america",
        "europe",
        "germany",
        "france",
        "ukraine",
        "russia",
        "netherlands",
        "belgium",
        "poland",
        "italy",
        "spain",
        "china",
        "india",
        "japan",
        "canada",
        "australia",
        "ireland",
        "africa",
        "asia",
        "middle east",
        "yorkshire",
        "west yorkshire",
        "bavaria",
        "california",
        "texas",
        "new york state",
    ];
    let folded = fold(name);
    let folded = folded
        .trim_start_matches("the ")
        .trim_start_matches("northern ")
        .trim_start_matches("southern ")
        .trim_start_matches("eastern ")
        .trim_start_matches("western ")
        .trim_start_matches("north ")
        .trim_start_matches("south ")
        .trim_start_matches("east ")
        .trim_start_matches("west ");
    // "the Canary Islands", "the West Midlands", "the Scottish Highlands", "the
    // Gard region": a head word of a wide area, which holds towns.
    const WIDE_AREA_HEADS: &[&str] = &[
        "islands",
        "isles",
        "midlands",
        "highlands",
        "lowlands",
        "region",
        "province",
        "district",
    ];
    let head = folded.rsplit(' ').next().unwrap_or(folded);
    is_county(name)
        || WIDE_AREA_HEADS.contains(&head)
        || LARGE_PLACES.contains(&folded)
        || LARGE_PLACES.contains(&fold(name).as_str())
        || claimdiff_parser::lexicon::is_country(name)
}

/// Whether one place's name holds the other's whole, word for word: "Wrexham"
/// and "Wrexham Industrial Estate", "Rogoredo" and "Milano Rogoredo". A finer or
/// coarser address of one place, not two places.
pub fn place_names_nest(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    let words =
        |name: &str| -> Vec<String> { name.split_whitespace().map(str::to_string).collect() };
    let (wa, wb) = (words(&a), words(&b));
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    !short.is_empty()
        && long
            .windows(short.len())
            .any(|window| window == short.as_slice())
}

/// A county ("Hampshire", "West Yorkshire"): named beside a town, it locates the
/// town rather than naming another place.
pub fn is_county(name: &str) -> bool {
    let folded = fold(name);
    let last = folded.rsplit(' ').next().unwrap_or(&folded);
    last.len() > 5 && last.ends_with("shire")
}

/// A street or road ("Mill Lane", "High Street", "A85"): named beside a town, it says where in
/// the town, not another place.
pub fn is_street(name: &str) -> bool {
    const STREET_WORDS: &[&str] = &[
        "street",
        "st",
        "road",
        "rd",
        "lane",
        "avenue",
        "ave",
        "way",
        "drive",
        "close",
        "square",
        "terrace",
        "crescent",
        "row",
        "boulevard",
        "parade",
    ];
    if claimdiff_parser::lexicon::is_road_number(name) {
        return true;
    }
    let folded = fold(name);
    let last = folded.rsplit(' ').next().unwrap_or(&folded);
    folded.contains(' ') && STREET_WORDS.contains(&last)
}

/// A bare count ("five-storey", "two of them", "51" after a name) names no unit and
/// no measure: what it counts is unknown, so it is never compared with anything.
/// Nor is a figure its own report has since corrected (see `superseded`).
pub fn is_comparable_measure(key: &str) -> bool {
    key != "count:"
        && key != crate::superseded::SUPERSEDED_MEASURE
        && key != claimdiff_parser::PART_OF_A_GROUP
}

/// Half the last written digit of a number rounded with a scale word: "3.7 million"
/// stands for 3.65..3.75 million, so the precision is 50,000. Plain digits ("40",
/// "3,712") imply no rounding, "about" must say so; only large round figures
/// ("38,000") are read as rounded (`round_figure_precision`).
pub fn implied_precision(q: &Quantity) -> f64 {
    // "Two-thirds", "a fifth": a share rounded to a simple fraction.
    if claimdiff_parser::is_spelled_fraction(q) {
        return q.value.abs() * SPELLED_FRACTION_RELATIVE_PRECISION;
    }
    let text = fold(&q.text);
    let scale = if text.contains("trillion") {
        1e12
    } else if text.contains("billion") || has_suffixed_digit(&text, "bn") {
        1e9
    } else if text.contains("million") || has_suffixed_digit(&text, "m") {
        1e6
    } else if text.contains("thousand") || has_suffixed_digit(&text, "k") {
        1e3
    } else {
        return round_figure_precision(q.value);
    };
    // Decimals of the first numeric literal: "3.7" -> 1.
    let literal: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let decimals = literal
        .split_once('.')
        .map(|(_, frac)| frac.chars().take_while(|c| c.is_ascii_digit()).count())
        .unwrap_or(0)
        .min(6);
    if literal.is_empty() {
        // "a million", "two billion": rounded to the scale word itself.
        return 0.5 * scale;
    }
    0.5 * scale / 10f64.powi(decimals as i32)
}

/// Half the rounding step of a large round figure written in digits: "38,000
/// homes" stands for 37,500..38,500, since nobody counts 38,000 outages exactly;
/// "3,712,000" for 3,711,500..3,712,500. Smaller figures ("100 firefighters",
/// "1,400 people") and figures that do not end in three zeros are exact.
fn round_figure_precision(value: f64) -> f64 {
    if !(value.is_finite() && value >= ROUND_FIGURE_MIN && value.fract() == 0.0) {
        return 0.0;
    }
    let step = rounding_step(value);
    if step >= 1000.0 {
        0.5 * step
    } else {
        0.0
    }
}

/// True when `text` has a digit directly followed by `suffix` and then a non-letter
/// ("3.5bn", "2m"), so that "5 more" does not count as millions.
fn has_suffixed_digit(text: &str, suffix: &str) -> bool {
    text.match_indices(suffix).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + suffix.len()..].chars().next();
        before.is_some_and(|c| c.is_ascii_digit())
            && !after.is_some_and(|c| c.is_ascii_alphabetic())
    })
}

/// The values a stated quantity allows, in base units (seconds for durations):
/// exact numbers allow their implied rounding, "about" 5-10% more
/// (`about_relative_tolerance`), "at least" /
/// "more than" everything above, "up to" everything below. `None` for a value
/// that is not a finite number.
pub fn quantity_interval(q: &Quantity) -> Option<(f64, f64)> {
    interval_read_as(q, q.approx)
}

/// [`quantity_interval`] with the approximation `approx` in place of the figure's.
fn interval_read_as(q: &Quantity, approx: Approx) -> Option<(f64, f64)> {
    if !q.value.is_finite() {
        return None;
    }
    let upper = q.upper.filter(|u| u.is_finite()).unwrap_or(q.value);
    let (lo, hi) = (q.value.min(upper), q.value.max(upper));
    // A speed or a distance converted from another unit is rounded to its whole
    // unit ("148 km/h" is "92 mph"): each allows half a unit either way.
    // Never more than a tenth of the figure: "a mile" is not 0.5 to 1.5 miles.
    // A temperature is converted to its last written digit ("46.3C (115.3F)",
    // "46C (115F)"), and a tenth of a degree is news in a record.
    let converted_rounding = match q.dimension {
        Dimension::Speed | Dimension::Distance | Dimension::Area => {
            0.5f64.min(q.value.abs() * ABOUT_RELATIVE_TOLERANCE)
        }
        Dimension::Temperature => half_the_last_written_digit(&q.text),
        _ => 0.0,
    };
    // A rounded figure stands for [v - p, v + p): the upper end already rounds to
    // the next figure, so neighbouring figures ("2 km" and "3 km", "12,000" and
    // "13,000") do not meet.
    let precision = implied_precision(q).max(converted_rounding) * (1.0 - 1e-6);
    let about_fraction = about_relative_tolerance(q);
    let slack = |v: f64| v.abs() * about_fraction;
    let (lo, hi) = match approx {
        Approx::Exact => (lo - precision, hi + precision),
        Approx::About => (lo - slack(lo) - precision, hi + slack(hi) + precision),
        Approx::AtLeast => (lo - precision, f64::INFINITY),
        Approx::AtMost => (f64::NEG_INFINITY, hi + precision),
    };
    let factor = base_units_per_unit(q).unwrap_or(1.0);
    let (lo_length, hi_length) = calendar_unit_lengths(q).unwrap_or((factor, factor));
    let offset = base_units_offset(q);
    Some((lo * lo_length + offset, hi * hi_length + offset))
}

/// The shortest and longest length in seconds of a calendar unit: "a month" is 28
/// to 31 days and "a year" 365 or 366, so "extended by a month" is "extended by
/// 30 days" and "a year" is "365 days", not their averages.
fn calendar_unit_lengths(q: &Quantity) -> Option<(f64, f64)> {
    const DAY: f64 = 86_400.0;
    if q.dimension != Dimension::Duration {
        return None;
    }
    match q.unit.as_str() {
        "month" => Some((28.0 * DAY, 31.0 * DAY)),
        "year" => Some((365.0 * DAY, 366.0 * DAY)),
        _ => None,
    }
}

/// Half the place of the last digit written in `text`: 0.05 for "46.3C", 0.5 for
/// "115F".
fn half_the_last_written_digit(text: &str) -> f64 {
    let decimals = text.split_once('.').map_or(0, |(_, after)| {
        after.chars().take_while(char::is_ascii_digit).count()
    });
    0.5 * 10f64.powi(-(decimals as i32))
}

/// The interval of a figure compared with one in another unit: a converted figure
/// is rounded to its last non-zero digit ("460 metres" becomes "1,500ft"), by up to
/// `CONVERSION_ROUNDING_MAX` of it either way, so that "10 miles" still is not 20 km.
fn converted_interval(q: &Quantity, approx: Approx) -> Option<(f64, f64)> {
    let (lo, hi) = interval_read_as(q, approx)?;
    let value = q.value.abs();
    if value == 0.0 || value.fract() != 0.0 || q.dimension == Dimension::Temperature {
        return Some((lo, hi));
    }
    let factor = base_units_per_unit(q).unwrap_or(1.0);
    let rounding = (rounding_step(value) / 2.0).min(value * CONVERSION_ROUNDING_MAX) * factor;
    Some((lo - rounding, hi + rounding))
}

/// How far "about N" may stray, as a fraction of N: as coarse as the figure's own
/// rounding ("about 40" rounds to tens, "about 420" to tens of a larger figure),
/// between `ABOUT_MIN_RELATIVE_TOLERANCE` and `ABOUT_RELATIVE_TOLERANCE`. Figures
/// in words ("about a dozen", "some forty") are the roundest there are.
fn about_relative_tolerance(q: &Quantity) -> f64 {
    let in_digits = q.text.chars().any(|c| c.is_ascii_digit());
    let value = q.value.abs();
    if !in_digits || value == 0.0 || value.fract() != 0.0 {
        return if in_digits {
            ABOUT_MIN_RELATIVE_TOLERANCE
        } else {
            ABOUT_RELATIVE_TOLERANCE
        };
    }
    (rounding_step(value) / value).clamp(ABOUT_MIN_RELATIVE_TOLERANCE, ABOUT_RELATIVE_TOLERANCE)
}

/// The place of a whole number's last non-zero digit: 420 -> 10, 38,000 -> 1,000.
fn rounding_step(value: f64) -> f64 {
    let mut step = 1.0;
    while value % (step * 10.0) == 0.0 {
        step *= 10.0;
    }
    step
}

/// True when two intervals share a value (with a hair of float slack).
pub fn intervals_overlap(a: (f64, f64), b: (f64, f64)) -> bool {
    let scale = [a.0, a.1, b.0, b.1]
        .iter()
        .filter(|v| v.is_finite())
        .fold(1.0f64, |m, v| m.max(v.abs()));
    let eps = 1e-9 * scale;
    a.0 <= b.1 + eps && b.0 <= a.1 + eps
}

/// True when two quantities of the same measure can both be right:
/// "about 40" vs "40", "at least 23" vs "26", "3.7 million" vs "3,712,000".
/// Quantities of different measures never contradict each other.
pub fn numbers_compatible(a: &Quantity, b: &Quantity) -> bool {
    let key = measure_key(a);
    if key != measure_key(b) || !is_comparable_measure(&key) {
        return true;
    }
    quantities_compatible(&[a], &[b], &[], &[])
}

/// Whether parts of a claim may be summed into a total of the other claim:
/// counts, durations and money, but never years, ages or percentages.
pub fn is_summable(q: &Quantity) -> bool {
    matches!(
        q.dimension,
        Dimension::Count | Dimension::Duration | Dimension::Money
    )
}

/// The interval of a sum of parts ("539 drones and about a dozen missiles").
pub fn sum_interval(parts: &[&Quantity]) -> Option<(f64, f64)> {
    let mut total = (0.0, 0.0);
    for part in parts {
        let (lo, hi) = quantity_interval(part)?;
        total = (total.0 + lo, total.1 + hi);
    }
    Some(total)
}

/// True when the numbers two claims give for one measure can all be right.
///
/// `a_same` / `b_same` are each claim's quantities of the measure in question;
/// `a_parts` / `b_parts` are each claim's summable quantities of the same dimension,
/// so that a single total on one side may match the sum of parts on the other
/// ("550 drones and missiles" vs "539 drones and about a dozen missiles").
/// Conservative: one compatible reading is enough, except that two claims giving
/// the same number of figures for one measure (a tally: "61 votes to 47" vs "61 to
/// 44") must pair every figure with a compatible one, in any order.
pub fn quantities_compatible(
    a_same: &[&Quantity],
    b_same: &[&Quantity],
    a_parts: &[&Quantity],
    b_parts: &[&Quantity],
) -> bool {
    if compatible_as_written(a_same, b_same, a_parts, b_parts) {
        return true;
    }
    // "minus 17 degrees" names no scale: it agrees with a reading it matches in
    // either.
    let is_unscaled =
        |q: &Quantity| q.dimension == Dimension::Temperature && q.unit == claimdiff_parser::DEGREES;
    if !a_same.iter().chain(b_same).any(|q| is_unscaled(q)) {
        return false;
    }
    let in_fahrenheit = |qs: &[&Quantity]| -> Vec<Quantity> {
        qs.iter()
            .map(|q| {
                let mut q = (*q).clone();
                if is_unscaled(&q) {
                    q.unit = claimdiff_parser::FAHRENHEIT.to_string();
                }
                q
            })
            .collect()
    };
    let (a_fahrenheit, b_fahrenheit) = (in_fahrenheit(a_same), in_fahrenheit(b_same));
    compatible_as_written(
        &a_fahrenheit.iter().collect::<Vec<_>>(),
        &b_fahrenheit.iter().collect::<Vec<_>>(),
        a_parts,
        b_parts,
    )
}

/// [`quantities_compatible`] with every figure in the unit it is written in.
fn compatible_as_written(
    a_same: &[&Quantity],
    b_same: &[&Quantity],
    a_parts: &[&Quantity],
    b_parts: &[&Quantity],
) -> bool {
    // Lengths and speeds are converted between units by rounding; counts of
    // "staff" and "workers" are not conversions.
    let converted = a_same.iter().any(|a| {
        matches!(
            a.dimension,
            Dimension::Distance | Dimension::Speed | Dimension::Temperature | Dimension::Area
        ) && b_same.iter().any(|b| a.unit != b.unit)
    });
    // "gusts of up to 70 mph" and "gusts of up to 90mph" each give the peak: two
    // peaks are compared as the figures they state, not as overlapping ranges.
    // Other ceilings stay bounds ("under an hour" and "less than 20 minutes").
    // A conversion in brackets ("(113 km/h)") is the same peak.
    let all_ceilings = a_same
        .iter()
        .chain(b_same)
        .all(|q| q.approx == Approx::AtMost)
        && a_same.iter().any(|q| states_a_peak(q))
        && b_same.iter().any(|q| states_a_peak(q));
    let interval = |q: &&Quantity| {
        let approx = if all_ceilings {
            Approx::Exact
        } else {
            q.approx
        };
        if converted {
            converted_interval(q, approx)
        } else {
            interval_read_as(q, approx)
        }
    };
    let a_intervals: Vec<_> = a_same.iter().filter_map(interval).collect();
    let b_intervals: Vec<_> = b_same.iter().filter_map(interval).collect();
    if a_intervals.is_empty() || b_intervals.is_empty() {
        return true;
    }
    let any_pair = if a_intervals.len() == b_intervals.len() && a_intervals.len() > 1 {
        every_figure_paired(&a_intervals, &b_intervals)
    } else {
        a_intervals
            .iter()
            .any(|x| b_intervals.iter().any(|y| intervals_overlap(*x, *y)))
    };
    let sum_matches = |parts: &[&Quantity], totals: &[(f64, f64)]| {
        parts.len() >= 2
            && sum_interval(parts)
                .is_some_and(|sum| totals.iter().any(|t| intervals_overlap(sum, *t)))
    };
    any_pair || sum_matches(a_parts, &b_intervals) || sum_matches(b_parts, &a_intervals)
}

/// Whether a figure is the most something reached: "up to 70 mph", "as many as
/// 300", "as long as 15 hours".
fn states_a_peak(q: &Quantity) -> bool {
    const PEAK_OPENERS: &[&str] = &["up to", "as many as", "as much as", "as long as"];
    let written = fold(&q.text);
    q.approx == Approx::AtMost
        && PEAK_OPENERS
            .iter()
            .any(|opener| written.starts_with(opener))
}

/// Whether the figures of `a` and `b` (as many on each side) pair off one to one
/// with overlapping intervals. Lists longer than `MAX_TALLY_FIGURES` are not tallies
/// but enumerations; one overlapping pair is enough for them.
fn every_figure_paired(a: &[(f64, f64)], b: &[(f64, f64)]) -> bool {
    const MAX_TALLY_FIGURES: usize = 4;
    if a.len() > MAX_TALLY_FIGURES {
        return a
            .iter()
            .any(|x| b.iter().any(|y| intervals_overlap(*x, *y)));
    }
    fn pair_from(a: &[(f64, f64)], b: &[(f64, f64)], used: &mut Vec<bool>) -> bool {
        let Some((first, rest)) = a.split_first() else {
            return true;
        };
        for (k, y) in b.iter().enumerate() {
            if !used[k] && intervals_overlap(*first, *y) {
                used[k] = true;
                if pair_from(rest, b, used) {
                    return true;
                }
                used[k] = false;
            }
        }
        false
    }
    pair_from(a, b, &mut vec![false; b.len()])
}

// ------------------------------------------------------------------ times

/// Whether two times can name the same moment. `None` when they are not comparable
/// (a month and a clock time); `Some(false)` is a contradiction:
/// different days, a date that is not on the named weekday, a date outside the
/// named month, or clock times more than `CLOCK_TOLERANCE_MINUTES` apart.
pub fn times_compatible(a: &TimeValue, b: &TimeValue) -> Option<bool> {
    use TimeValue::*;
    match (a, b) {
        (Date { date: x, .. }, Date { date: y, .. }) => Some(x == y),
        (Date { date, .. }, Weekday(day)) | (Weekday(day), Date { date, .. }) => {
            Some(date.weekday() == *day)
        }
        (Weekday(x), Weekday(y)) => Some(x == y),
        (Date { date, .. }, Month { year, month }) | (Month { year, month }, Date { date, .. }) => {
            let same_year = match year {
                Some(y) => *y == date.year(),
                None => true,
            };
            Some(date.month() == *month && same_year)
        }
        (
            Month {
                year: ya,
                month: ma,
            },
            Month {
                year: yb,
                month: mb,
            },
        ) => {
            let same_year = match (ya, yb) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            Some(ma == mb && same_year)
        }
        (Clock(x), Clock(y)) => Some(clock_times_compatible(*x, *y)),
        (Clock(minutes), PartOfDay(part)) | (PartOfDay(part), Clock(minutes)) => {
            Some(clock_in_part_of_day(*minutes, *part))
        }
        (PartOfDay(x), PartOfDay(y)) => Some(parts_of_day_overlap(*x, *y)),
        _ => None,
    }
}

/// A clock time inside a part of the day, or within `CLOCK_TOLERANCE_MINUTES` of
/// it: "10.40pm" is at night and in the evening, never in the morning.
pub fn clock_in_part_of_day(minutes: u32, part: DayPart) -> bool {
    let (from, to) = part.minutes();
    let minutes = minutes % 1440;
    [minutes, minutes + 1440]
        .iter()
        .any(|&m| m + CLOCK_TOLERANCE_MINUTES >= from && m <= to + CLOCK_TOLERANCE_MINUTES)
}

/// Parts of the day that share some hours (evening and night) can name one moment.
pub fn parts_of_day_overlap(a: DayPart, b: DayPart) -> bool {
    let shifted = |(from, to): (u32, u32), by: u32| (from + by, to + by);
    let (x, y) = (a.minutes(), b.minutes());
    [0, 1440].iter().any(|&by| {
        let y = shifted(y, by);
        x.0 < y.1 && y.0 < x.1
    }) || [0, 1440].iter().any(|&by| {
        let x = shifted(x, by);
        x.0 < y.1 && y.0 < x.1
    })
}

/// Clock times (minutes after midnight) within `CLOCK_TOLERANCE_MINUTES`,
/// counting across midnight (23:50 and 00:10 are 20 minutes apart).
pub fn clock_times_compatible(a: u32, b: u32) -> bool {
    let (a, b) = (a % 1440, b % 1440);
    let diff = a.abs_diff(b);
    diff.min(1440 - diff) <= CLOCK_TOLERANCE_MINUTES
}

// ------------------------------------------------------------------ names

/// Transliteration endings that spell one name several ways (Zelenskyy, Zelensky,
/// Zelenskiy), longest first.
const TRANSLITERATION_ENDINGS: &[&str] = &["yy", "iy", "yi", "ij", "y", "i"];

/// A name token without its transliteration ending, when enough of it remains.
pub fn name_stem(token: &str) -> &str {
    for ending in TRANSLITERATION_ENDINGS {
        if let Some(stem) = token.strip_suffix(ending) {
            if stem.chars().count() >= NAME_MIN_STEM_LEN {
                return stem;
            }
        }
    }
    token
}

/// Whether two name tokens are spellings of one name: equal, or the same stem
/// after transliteration endings within a small edit distance and with the same
/// first letters. A final "-a" on one side only marks a different person
/// ("Zelenska", the first lady, is not "Zelenskyy"), although Jaro-Winkler rates
/// them 0.93.
pub fn name_tokens_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.ends_with('a') != b.ends_with('a') {
        return false;
    }
    let (sa, sb) = (name_stem(a), name_stem(b));
    let prefix = |s: &str| s.chars().take(NAME_SHARED_PREFIX).collect::<String>();
    if sa.chars().count() < NAME_MIN_STEM_LEN
        || sb.chars().count() < NAME_MIN_STEM_LEN
        || prefix(sa) != prefix(sb)
    {
        return false;
    }
    let longest = sa.chars().count().max(sb.chars().count());
    let allowed = if longest >= NAME_LONG_STEM_LEN {
        NAME_MAX_EDITS_LONG
    } else {
        NAME_MAX_EDITS_SHORT
    };
    strsim::levenshtein(sa, sb) <= allowed
}

/// Whether two names denote the same person, place or organisation, comparing
/// them token by token: the last tokens (surnames) must match as spellings; when
/// both names have a first token, those must match too (or one is the initial of
/// the other). Titles are ignored: "Mr Trump" = "Donald Trump", "Zelensky" =
/// "Volodymyr Zelenskyy", but "Olena Zelenska" != "Volodymyr Zelenskyy".
pub fn names_match(a: &str, b: &str) -> bool {
    name_token_lists_match(&name_tokens(a), &name_tokens(b))
}

/// [`names_match`] on names already split by [`name_tokens`] (features keep them,
/// so that hot loops do not fold the same name again and again).
pub fn name_token_lists_match(ta: &[String], tb: &[String]) -> bool {
    let (Some(last_a), Some(last_b)) = (ta.last(), tb.last()) else {
        return false;
    };
    if !name_tokens_match(last_a, last_b) {
        return false;
    }
    if ta.len() >= 2 && tb.len() >= 2 {
        // The first names; or, when one name is longer, the other name word for
        // word at its end, so that a word left in front ("Convenor Tom Aston",
        // "Conservative Yusuf Qureshi") does not make two people of one. Names of
        // one length differ by their first word ("Leeds Crown Court" is not
        // "Bradford Crown Court").
        let (short, long) = if ta.len() <= tb.len() {
            (ta, tb)
        } else {
            (tb, ta)
        };
        let tail = &long[long.len() - short.len()..];
        let ends_the_longer = short.len() < long.len()
            && short[..short.len() - 1]
                .iter()
                .zip(tail)
                .all(|(s, l)| given_names_match(s, l));
        return given_names_match(&ta[0], &tb[0]) || ends_the_longer;
    }
    true
}

/// Common English short forms of given names, with the full names they shorten:
/// "Jon Ashdown" in a tabloid is the "Jonathan Ashdown" of the wire. A curated
/// list rather than a prefix rule, which would make "North Road" of
/// "Northgate Road".
const SHORT_GIVEN_NAMES: &[(&str, &[&str])] = &[
    ("abby", &["abigail"]),
    ("alex", &["alexander", "alexandra", "alexis"]),
    ("andy", &["andrew"]),
    ("ben", &["benjamin"]),
    ("beth", &["elizabeth", "bethany"]),
    ("bill", &["william"]),
    ("billy", &["william"]),
    ("bob", &["robert"]),
    ("bobby", &["robert"]),
    ("charlie", &["charles", "charlotte"]),
    ("chris", &["christopher", "christine", "christian"]),
    ("dan", &["daniel"]),
    ("danny", &["daniel"]),
    ("dave", &["david"]),
    ("dick", &["richard"]),
    ("ed", &["edward", "edmund"]),
    ("fred", &["frederick"]),
    ("greg", &["gregory"]),
    ("harry", &["henry", "harold"]),
    ("jack", &["john"]),
    ("jen", &["jennifer"]),
    ("jenny", &["jennifer"]),
    ("jim", &["james"]),
    ("jimmy", &["james"]),
    ("joe", &["joseph"]),
    ("johnny", &["john"]),
    ("jon", &["jonathan"]),
    ("kate", &["katherine", "catherine", "kathryn"]),
    ("ken", &["kenneth"]),
    ("liz", &["elizabeth"]),
    ("maggie", &["margaret"]),
    ("matt", &["matthew"]),
    ("mick", &["michael"]),
    ("mike", &["michael"]),
    ("nick", &["nicholas"]),
    ("paddy", &["patrick"]),
    ("pat", &["patrick", "patricia"]),
    ("peggy", &["margaret"]),
    ("pete", &["peter"]),
    ("phil", &["philip", "phillip"]),
    ("rick", &["richard"]),
    ("rob", &["robert"]),
    ("ron", &["ronald"]),
    ("sam", &["samuel", "samantha"]),
    ("steve", &["stephen", "steven"]),
    ("sue", &["susan"]),
    ("ted", &["edward"]),
    ("tim", &["timothy"]),
    ("tom", &["thomas"]),
    ("tommy", &["thomas"]),
    ("tony", &["anthony"]),
    ("will", &["william"]),
];

/// Whether one given name is a short form of the other: a curated pair ("Jon" /
/// "Jonathan", "Bill" / "William"), or a pair the nickname tables of the
/// `nicknamer` crate link when the two open alike ("Doug" / "Douglas", "Ray" /
/// "Raymond"). The tables also link one name across languages ("Ian" / "John"),
/// which beside one surname in one story are two people; the shared opening
/// keeps those apart.
fn is_short_form_of(short: &str, full: &str) -> bool {
    let curated = SHORT_GIVEN_NAMES
        .iter()
        .any(|(s, fulls)| *s == short && fulls.contains(&full));
    let opening = |name: &str| name.chars().take(2).collect::<String>();
    curated
        || (short.chars().count() >= 2
            && opening(short) == opening(full)
            && nicknamer::nicknames(full)
                .iter()
                .any(|alias| alias == short))
}

/// Whether two given names, beside one surname, are one person's: spellings of one
/// name ("Yusuf" / "Yousuf", "Mohamed" / "Mohammed": one letter more, same
/// initial), a name and its initial, or a name and its short form ("Jon" /
/// "Jonathan"). A changed letter is another name ("John" / "Joan"), and so is a
/// final "-a" ("Daniel" / "Daniela").
fn given_names_match(a: &str, b: &str) -> bool {
    let initial_of = |short: &str, long: &str| short.len() == 1 && long.starts_with(short);
    let (len_a, len_b) = (a.chars().count(), b.chars().count());
    let one_letter_more = a.chars().next() == b.chars().next()
        && a.ends_with('a') == b.ends_with('a')
        && len_a.min(len_b) >= GIVEN_NAME_MIN_LEN_FOR_VARIANTS
        && len_a.abs_diff(len_b) == 1
        && strsim::levenshtein(a, b) == 1;
    name_tokens_match(a, b)
        || initial_of(a, b)
        || initial_of(b, a)
        || one_letter_more
        || is_short_form_of(a, b)
        || is_short_form_of(b, a)
}

/// The key under which the candidate index files a name: the first letters of its
/// last token. Two names that [`names_match`] always share this key.
pub fn name_key(name: &str) -> Option<String> {
    let tokens = name_tokens(name);
    let last = tokens.last()?;
    Some(last.chars().take(NAME_SHARED_PREFIX).collect())
}

// ------------------------------------------------------------------ quotes

/// The words of a quotation, folded, for comparing wording. Contractions are
/// spelled out: "that's what matters" and "that is what matters" are one wording.
pub fn quote_words(quote: &str) -> Vec<String> {
    let spelled: Vec<String> = fold(quote)
        .split(' ')
        .map(|chunk| {
            let word = chunk.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '\'');
            spelled_out(word)
                .map_or_else(|| chunk.to_string(), |full| chunk.replacen(word, &full, 1))
        })
        .collect();
    words(&spelled.join(" "))
}

/// A contraction in full ("that's" -> "that is", "won't" -> "will not"). A
/// possessive "'s" is left alone: only after a pronoun is it "is".
fn spelled_out(word: &str) -> Option<String> {
    const IRREGULAR: &[(&str, &str)] = &[
        ("won't", "will not"),
        ("can't", "can not"),
        ("shan't", "shall not"),
    ];
    const ENDINGS: &[(&str, &str)] = &[
        ("n't", " not"),
        ("'re", " are"),
        ("'ll", " will"),
        ("'ve", " have"),
        ("'m", " am"),
        ("'d", " would"),
        ("'s", " is"),
    ];
    const IS_AFTER: &[&str] = &[
        "that", "it", "he", "she", "there", "here", "what", "who", "where",
    ];
    if let Some((_, full)) = IRREGULAR.iter().find(|(short, _)| *short == word) {
        return Some(full.to_string());
    }
    ENDINGS.iter().find_map(|(ending, full)| {
        let stem = word.strip_suffix(ending).filter(|stem| !stem.is_empty())?;
        (*ending != "'s" || IS_AFTER.contains(&stem)).then(|| format!("{stem}{full}"))
    })
}

/// Word overlap of two quotations, Dice over distinct words, 0..1.
pub fn quote_overlap<T: Ord>(a: &[T], b: &[T]) -> f64 {
    let set_a: std::collections::BTreeSet<&T> = a.iter().collect();
    let set_b: std::collections::BTreeSet<&T> = b.iter().collect();
    if set_a.is_empty() || set_b.is_empty() {
        return 0.0;
    }
    let shared = set_a.intersection(&set_b).count();
    2.0 * shared as f64 / (set_a.len() + set_b.len()) as f64
}

/// Whether two quotations carry the same words (for attribution conflicts): most
/// of their words shared, or most of the shorter one running word for word inside
/// the longer (one outlet quotes a clause of the sentence another quotes whole,
/// perhaps with its first word changed: "This was a cowardly attack on ..." inside
/// "This is a cowardly attack on ..., and we will not let it define us").
pub fn quotes_same_words(a: &[String], b: &[String]) -> bool {
    let (shorter, longer) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let run = longest_shared_run(shorter, longer);
    let runs_inside = run >= ATTRIBUTION_MIN_QUOTED_RUN
        && run as f64 >= ATTRIBUTION_MIN_RUN_SHARE * shorter.len() as f64;
    runs_inside || quote_overlap(a, b) >= ATTRIBUTION_MIN_QUOTE_OVERLAP
}

/// The length of the longest run of words `a` and `b` both contain in order.
fn longest_shared_run(a: &[String], b: &[String]) -> usize {
    // Quotations are short: the quadratic table is a few hundred cells.
    let mut best = 0;
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = vec![0usize; b.len() + 1];
    for word in a {
        for (j, other) in b.iter().enumerate() {
            current[j + 1] = if word == other { previous[j] + 1 } else { 0 };
            best = best.max(current[j + 1]);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    best
}

/// When two quotations say much the same (overlap of their words' meanings) but
/// each has words the other lacks (a changed word, not a shortened quote), the
/// differing words of each side: "defend the sky" vs "protect our skies".
pub fn quote_drift(a: &[String], b: &[String]) -> Option<(Vec<String>, Vec<String>)> {
    // A synonym or another form of a word is the same word said differently.
    let meanings =
        |x: &[String]| -> Vec<WordMeaning> { x.iter().map(|w| word_meaning(w)).collect() };
    if quote_overlap(&meanings(a), &meanings(b)) < QUOTE_DRIFT_MIN_OVERLAP {
        return quoted_on_drift(a, b);
    }
    let only = |x: &[String], y: &[String]| {
        let mut out: Vec<String> = Vec::new();
        for w in x {
            if !y.contains(w) && !out.contains(w) {
                out.push(w.clone());
            }
        }
        out
    };
    let (only_a, only_b) = (only(a, b), only(b, a));
    if only_a.is_empty() || only_b.is_empty() {
        return None;
    }
    Some((only_a, only_b))
}

/// Drift inside a quotation one outlet carries on past where the other stops
/// ("right to the last kick" vs "right to the final whistle, and that is what
/// this town is about"): the shorter one against the stretch of the longer that
/// matches it best, held to `QUOTE_DRIFT_WINDOW_MIN_OVERLAP`. A difference of
/// function words only is a different cut, not a misquote.
fn quoted_on_drift(a: &[String], b: &[String]) -> Option<(Vec<String>, Vec<String>)> {
    let a_shorter = a.len() < b.len();
    let (shorter, longer) = if a_shorter { (a, b) } else { (b, a) };
    if shorter.len() < QUOTE_DRIFT_WINDOW_MIN_WORDS || shorter.len() == longer.len() {
        return None;
    }
    let meanings =
        |x: &[String]| -> Vec<WordMeaning> { x.iter().map(|w| word_meaning(w)).collect() };
    let shorter_meanings = meanings(shorter);
    let (overlap, stretch) = longer
        .windows(shorter.len())
        .map(|w| (quote_overlap(&shorter_meanings, &meanings(w)), w))
        .max_by(|x, y| x.0.total_cmp(&y.0))?;
    if overlap < QUOTE_DRIFT_WINDOW_MIN_OVERLAP {
        return None;
    }
    let only = |x: &[String], y: &[String]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for w in x {
            if !y.contains(w) && !out.contains(w) {
                out.push(w.clone());
            }
        }
        out
    };
    let (only_short, only_stretch) = (only(shorter, stretch), only(stretch, shorter));
    let has_content = |ws: &[String]| ws.iter().any(|w| !crate::words::is_stop_word(w));
    if !has_content(&only_short) || !has_content(&only_stretch) {
        return None;
    }
    Some(if a_shorter {
        (only_short, only_stretch)
    } else {
        (only_stretch, only_short)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_town_and_its_country_are_not_different_places() {
        assert!(is_country_or_region("England"));
        assert!(is_country_or_region("northern England"));
        assert!(!is_country_or_region("Leeds"));
        // Wide areas by their head word hold towns too.
        assert!(is_country_or_region("the Canary Islands"));
        assert!(is_country_or_region("West Midlands"));
        assert!(!is_country_or_region("Las Palmas"));
        assert!(!is_country_or_region("Brussels"));
    }
    use crate::testkit::*;
    use chrono::{NaiveDate, Weekday};

    fn killed(text: &str, value: f64, approx: Approx) -> Quantity {
        count(text, value, approx, "people", Some("killed"))
    }

    #[test]
    fn magnitudes_a_whole_point_apart_are_different_shocks() {
        let magnitude = |text: &str, value: f64| {
            count(text, value, Approx::Exact, "magnitude", Some("magnitude"))
        };
        let main_shock = magnitude("magnitude 6.8", 6.8);
        // Agencies differ by tenths on one quake: comparable, and not equal.
        let revised = magnitude("magnitude 7.1", 7.1);
        assert!(plausibly_same_quantity(&main_shock, &revised));
        assert!(!numbers_compatible(&main_shock, &revised));
        // The aftershock is another shock, though the ratio is small.
        let aftershock = magnitude("magnitude 5.4", 5.4);
        assert!(!plausibly_same_quantity(&main_shock, &aftershock));
        let toll = |value: f64| count("toll", value, Approx::Exact, "people", Some("killed"));
        assert!(plausibly_same_quantity(&toll(6.8), &toll(5.4)));
    }

    #[test]
    fn a_month_is_any_calendar_month_long() {
        let truce = |text: &str, value: f64, unit: &str| duration(text, value, Approx::Exact, unit);
        assert!(numbers_compatible(
            &truce("a month", 1.0, "month"),
            &truce("30 days", 30.0, "day")
        ));
        assert!(numbers_compatible(
            &truce("a year", 1.0, "year"),
            &truce("365 days", 365.0, "day")
        ));
        // Longer than any month is another length.
        assert!(!numbers_compatible(
            &truce("a month", 1.0, "month"),
            &truce("six weeks", 6.0, "week")
        ));
    }

    #[test]
    fn neighbouring_rounded_figures_do_not_meet() {
        let km = |text: &str, value: f64, unit: &str| {
            quantity(text, value, Approx::Exact, Dimension::Distance, unit, None)
        };
        // Each is rounded to its whole unit, and the two ranges only touch.
        assert!(!numbers_compatible(
            &km("2 km", 2.0, "km"),
            &km("three kilometres", 3.0, "km")
        ));
        assert!(!numbers_compatible(
            &count("12,000", 12_000.0, Approx::Exact, "people", None),
            &count("13,000", 13_000.0, Approx::Exact, "people", None)
        ));
        // A converted figure still meets its source: 16 nautical miles is 29.6 km.
        assert!(numbers_compatible(
            &km("16 nautical miles", 16.0, "nautical mile"),
            &km("30 km", 30.0, "km")
        ));
        assert!(!numbers_compatible(
            &km("16 nautical miles", 16.0, "nautical mile"),
            &km("12km", 12.0, "km")
        ));
    }

    #[test]
    fn areas_compare_across_hectares_acres_and_square_kilometres() {
        let area = |text: &str, value: f64, unit: &str| {
            quantity(text, value, Approx::Exact, Dimension::Area, unit, None)
        };
        // 380 hectares is about 940 acres; 6,800 hectares are 68 square kilometres.
        assert!(numbers_compatible(
            &area("380 hectares", 380.0, "hectare"),
            &area("940 acres", 940.0, "acre")
        ));
        assert!(numbers_compatible(
            &area("6,800 hectares", 6800.0, "hectare"),
            &area("68 square kilometres", 68.0, "sq km")
        ));
        // 600 hectares is half as much again.
        assert!(!numbers_compatible(
            &area("600 hectares", 600.0, "hectare"),
            &area("940 acres", 940.0, "acre")
        ));
    }

    #[test]
    fn data_compares_across_gigabytes_and_terabytes() {
        let data = |text: &str, value: f64, unit: &str| {
            quantity(text, value, Approx::Exact, Dimension::Data, unit, None)
        };
        assert!(numbers_compatible(
            &data("1.2 terabytes", 1.2, "terabyte"),
            &data("1,200 gigabytes", 1200.0, "gigabyte")
        ));
        assert!(!numbers_compatible(
            &data("1.2 terabytes", 1.2, "terabyte"),
            &data("400 gigabytes", 400.0, "gigabyte")
        ));
    }

    #[test]
    fn contractions_are_one_wording_with_their_long_forms() {
        assert_eq!(
            quote_words("That's what matters, and we won't stop."),
            quote_words("That is what matters, and we will not stop.")
        );
        assert_eq!(
            quote_words("They're sure it's the pump, they've said."),
            quote_words("They are sure it is the pump, they have said.")
        );
        // A possessive stays a name.
        assert_eq!(quote_words("Calder's rocket"), ["calder", "rocket"]);
    }

    #[test]
    fn about_forty_is_forty() {
        let a = count("about 40", 40.0, Approx::About, "people", None);
        let b = count("40", 40.0, Approx::Exact, "people", None);
        assert!(numbers_compatible(&a, &b));
    }

    #[test]
    fn about_is_as_coarse_as_the_figure_is_rounded() {
        let about = |text: &str, n: f64| count(text, n, Approx::About, "workers", None);
        let exact = |n: f64| count(&n.to_string(), n, Approx::Exact, "workers", None);
        // "about 420" is written to the ten: "some 480" is another figure.
        assert!(!numbers_compatible(
            &about("about 420", 420.0),
            &about("some 480", 480.0)
        ));
        assert!(numbers_compatible(
            &about("about 420", 420.0),
            &exact(435.0)
        ));
        // "about 400" and "about a dozen" are round: 10% either way.
        assert!(numbers_compatible(
            &about("about 400", 400.0),
            &exact(438.0)
        ));
        assert!(numbers_compatible(
            &about("about a dozen", 12.0),
            &exact(13.0)
        ));
    }

    #[test]
    fn clock_times_fall_in_parts_of_the_day() {
        let (morning, night, evening) = (
            TimeValue::PartOfDay(DayPart::Morning),
            TimeValue::PartOfDay(DayPart::Night),
            TimeValue::PartOfDay(DayPart::Evening),
        );
        let late = TimeValue::Clock(22 * 60 + 40);
        assert_eq!(times_compatible(&late, &morning), Some(false));
        assert_eq!(times_compatible(&late, &night), Some(true));
        assert_eq!(times_compatible(&TimeValue::Clock(30), &night), Some(true));
        assert_eq!(times_compatible(&evening, &night), Some(true));
        assert_eq!(times_compatible(&morning, &evening), Some(false));
        // A part of the day says nothing about which day.
        let tuesday = TimeValue::Weekday(chrono::Weekday::Tue);
        assert_eq!(times_compatible(&tuesday, &morning), None);
    }

    #[test]
    fn a_tally_needs_every_figure_to_match() {
        let vote = |n: f64| count(&n.to_string(), n, Approx::Exact, "vote", Some("votes"));
        let (a61, a47, b61, b44, b47) =
            (vote(61.0), vote(47.0), vote(61.0), vote(44.0), vote(47.0));
        assert!(!quantities_compatible(
            &[&a61, &a47],
            &[&b61, &b44],
            &[],
            &[]
        ));
        // In any order: "47 against, 61 for" is the same tally.
        assert!(quantities_compatible(
            &[&a61, &a47],
            &[&b47, &b61],
            &[],
            &[]
        ));
        // Different numbers of figures: one matching figure is enough.
        assert!(quantities_compatible(&[&a61, &a47], &[&b61], &[], &[]));
    }

    #[test]
    fn at_least_and_more_than_allow_higher_numbers() {
        let a = killed("at least 23", 23.0, Approx::AtLeast);
        assert!(numbers_compatible(&a, &killed("26", 26.0, Approx::Exact)));
        assert!(!numbers_compatible(&a, &killed("20", 20.0, Approx::Exact)));
        let b = count("more than 10", 10.0, Approx::AtLeast, "people", None);
        assert!(numbers_compatible(
            &b,
            &count("12", 12.0, Approx::Exact, "people", None)
        ));
    }

    #[test]
    fn two_peaks_are_compared_as_stated_but_other_ceilings_stay_bounds() {
        let gusts = |text: &str, value: f64| {
            quantity(text, value, Approx::AtMost, Dimension::Speed, "mph", None)
        };
        assert!(!numbers_compatible(
            &gusts("up to 70 mph", 70.0),
            &gusts("up to 90mph", 90.0)
        ));
        assert!(numbers_compatible(
            &gusts("up to 70 mph", 70.0),
            &gusts("up to 70mph", 70.0)
        ));
        let longest = |text: &str, value: f64| {
            quantity(
                text,
                value,
                Approx::AtMost,
                Dimension::Duration,
                "hour",
                None,
            )
        };
        assert!(!numbers_compatible(
            &longest("up to 18 hours", 18.0),
            &longest("as long as 15 hours", 15.0)
        ));
        // A peak still allows any lower figure.
        let exact = quantity("65 mph", 65.0, Approx::Exact, Dimension::Speed, "mph", None);
        assert!(numbers_compatible(&gusts("up to 70 mph", 70.0), &exact));
        let within = |text: &str, value: f64, unit: &str| {
            quantity(text, value, Approx::AtMost, Dimension::Duration, unit, None)
        };
        assert!(numbers_compatible(
            &within("under an hour", 1.0, "hour"),
            &within("less than 20 minutes", 20.0, "minute")
        ));
    }

    #[test]
    fn nearly_three_thousand_covers_2950() {
        let a = count("nearly 3,000", 3000.0, Approx::About, "people", None);
        let b = count("2,950", 2950.0, Approx::Exact, "people", None);
        assert!(numbers_compatible(&a, &b));
    }

    #[test]
    fn rounded_millions_imply_their_precision() {
        let a = count("3.7 million", 3.7e6, Approx::Exact, "people", None);
        let b = count("3,712,000", 3_712_000.0, Approx::Exact, "people", None);
        assert!((implied_precision(&a) - 50_000.0).abs() < 1e-6);
        // A large figure ending in three zeros is rounded to the thousand.
        assert_eq!(implied_precision(&b), 500.0);
        assert!(numbers_compatible(&a, &b));
        let c = count("3.9 million", 3.9e6, Approx::Exact, "people", None);
        assert!(!numbers_compatible(&a, &c));
        let d = count("$3.5bn", 3.5e9, Approx::Exact, "usd", None);
        assert!((implied_precision(&d) - 5e7).abs() < 1.0);
    }

    #[test]
    fn twelve_and_fourteen_dead_conflict() {
        let a = killed("twelve", 12.0, Approx::Exact);
        let b = killed("fourteen", 14.0, Approx::Exact);
        assert!(!numbers_compatible(&a, &b));
    }

    #[test]
    fn injured_is_never_compared_with_killed() {
        let a = killed("twelve", 12.0, Approx::Exact);
        let b = count("nine", 9.0, Approx::Exact, "people", Some("injured"));
        assert_ne!(measure_key(&a), measure_key(&b));
        assert!(numbers_compatible(&a, &b));
    }

    #[test]
    fn durations_compare_in_seconds() {
        let a = duration("about 40 minutes", 40.0, Approx::About, "minute");
        let b = duration("an hour", 1.0, Approx::Exact, "hour");
        assert_eq!(measure_key(&a), measure_key(&b));
        assert!(!numbers_compatible(&a, &b));
        let c = duration("60 minutes", 60.0, Approx::Exact, "minute");
        assert!(numbers_compatible(&b, &c));
    }

    #[test]
    fn large_round_figures_are_rounded() {
        let homes = |value: f64| count("homes", value, Approx::Exact, "home", None);
        assert!(numbers_compatible(&homes(38_000.0), &homes(38_200.0)));
        assert!(!numbers_compatible(&homes(38_000.0), &homes(50_000.0)));
        assert!(!numbers_compatible(&homes(38_100.0), &homes(38_200.0)));
        // Small round figures stay exact.
        assert!(!numbers_compatible(&homes(1_000.0), &homes(1_400.0)));
    }

    #[test]
    fn temperatures_compare_across_scales_to_their_last_digit() {
        use claimdiff_parser::{CELSIUS, DEGREES, FAHRENHEIT, TEMPERATURE_CHANGE};
        let (celsius, fahrenheit) = (
            reading("46.3C", 46.3, CELSIUS),
            reading("115.3F", 115.3, FAHRENHEIT),
        );
        assert_eq!(measure_key(&celsius), measure_key(&fahrenheit));
        assert!(numbers_compatible(&celsius, &fahrenheit));
        // Converted to whole degrees: 46C is 114.8F.
        assert!(numbers_compatible(
            &reading("46C", 46.0, CELSIUS),
            &reading("115F", 115.0, FAHRENHEIT)
        ));
        // A tenth of a degree apart in one scale is another reading.
        assert!(!numbers_compatible(
            &celsius,
            &reading("46.8C", 46.8, CELSIUS)
        ));
        assert!(!numbers_compatible(
            &celsius,
            &reading("46.4C", 46.4, CELSIUS)
        ));
        assert!(!numbers_compatible(
            &reading("46C", 46.0, CELSIUS),
            &reading("117F", 117.0, FAHRENHEIT)
        ));
        // Degrees of no named scale are a reading in either scale.
        let unscaled = reading("46 degrees", 46.0, DEGREES);
        assert_eq!(measure_key(&unscaled), measure_key(&celsius));
        assert!(numbers_compatible(
            &unscaled,
            &reading("46C", 46.0, CELSIUS)
        ));
        assert!(numbers_compatible(
            &reading("115 degrees", 115.0, DEGREES),
            &reading("46C", 46.0, CELSIUS)
        ));
        assert!(!numbers_compatible(
            &reading("MINUS 17", -17.0, DEGREES),
            &reading("minus 12 Celsius", -12.0, CELSIUS)
        ));
        // Changes are keyed apart from readings.
        let change = quantity(
            "by 0.3 degrees",
            0.3,
            Approx::Exact,
            Dimension::Temperature,
            DEGREES,
            Some(TEMPERATURE_CHANGE),
        );
        assert_ne!(measure_key(&change), measure_key(&celsius));
    }

    #[test]
    fn speeds_compare_across_units_with_rounding() {
        let speed = |value: f64, unit: &str| {
            quantity("gust", value, Approx::Exact, Dimension::Speed, unit, None)
        };
        assert_eq!(
            measure_key(&speed(92.0, "mph")),
            measure_key(&speed(148.0, "km/h"))
        );
        assert!(numbers_compatible(
            &speed(92.0, "mph"),
            &speed(148.0, "km/h")
        ));
        assert!(numbers_compatible(
            &speed(74.0, "mph"),
            &speed(119.0, "km/h")
        ));
        assert!(!numbers_compatible(
            &speed(87.0, "mph"),
            &speed(148.0, "km/h")
        ));
        assert!(!numbers_compatible(
            &speed(87.0, "mph"),
            &speed(92.0, "mph")
        ));
    }

    #[test]
    fn round_lengths_in_another_unit_allow_the_conversion_rounding() {
        let length = |value: f64, unit: &str| {
            quantity(
                "shaft",
                value,
                Approx::Exact,
                Dimension::Distance,
                unit,
                None,
            )
        };
        // 460 metres is 1,509 feet, written "1,500ft".
        assert!(numbers_compatible(
            &length(1_500.0, "foot"),
            &length(460.0, "metre")
        ));
        // In one unit, two figures are two figures.
        assert!(!numbers_compatible(
            &length(1_500.0, "foot"),
            &length(1_509.0, "foot")
        ));
        // A small round figure is no looser for it: 20 km is 12.4 miles.
        assert!(!numbers_compatible(
            &length(10.0, "mile"),
            &length(20.0, "km")
        ));
        assert!(!numbers_compatible(
            &length(1_800.0, "foot"),
            &length(460.0, "metre")
        ));
        // One whole unit is not half of it to one and a half: a mile is not 3 km,
        // though it is 1.6 km.
        assert!(!numbers_compatible(
            &length(1.0, "mile"),
            &length(3.0, "km")
        ));
        assert!(numbers_compatible(&length(1.0, "mile"), &length(1.6, "km")));
    }

    #[test]
    fn workers_staff_and_employees_are_one_count() {
        let workers = count("480 workers", 480.0, Approx::Exact, "worker", None);
        let staff = count("420 staff", 420.0, Approx::Exact, "staff", None);
        assert_eq!(measure_key(&workers), measure_key(&staff));
        assert!(!numbers_compatible(&workers, &staff));
    }

    #[test]
    fn a_count_of_two_groups_is_neither_group_alone() {
        let both = count(
            "469 passengers and crew",
            469.0,
            Approx::Exact,
            "passenger and crew",
            None,
        );
        let passengers = count("412 passengers", 412.0, Approx::Exact, "passenger", None);
        let crew = count("57 crew", 57.0, Approx::Exact, "crew", None);
        assert_ne!(measure_key(&both), measure_key(&passengers));
        assert_ne!(measure_key(&both), measure_key(&crew));
    }

    #[test]
    fn seabirds_are_birds() {
        let seabirds = count("312 oiled seabirds", 312.0, Approx::Exact, "seabird", None);
        let birds = count("130 oiled birds", 130.0, Approx::About, "bird", None);
        assert_eq!(measure_key(&seabirds), measure_key(&birds));
    }

    #[test]
    fn homes_properties_and_customers_are_one_count() {
        let homes = count("38,000 homes", 38_000.0, Approx::Exact, "home", None);
        let properties = count(
            "50,000 properties",
            50_000.0,
            Approx::Exact,
            "property",
            None,
        );
        let customers = count(
            "38,200 customers",
            38_200.0,
            Approx::Exact,
            "customer",
            None,
        );
        assert_eq!(measure_key(&homes), measure_key(&properties));
        assert!(!numbers_compatible(&homes, &properties));
        assert_eq!(measure_key(&homes), measure_key(&customers));
        let items = count("14 items", 14.0, Approx::Exact, "item", None);
        let objects = count("19 objects", 19.0, Approx::Exact, "jewelled object", None);
        assert_eq!(measure_key(&items), measure_key(&objects));
        let ops = count("1,400 ops", 1400.0, Approx::Exact, "op", None);
        let operations = count("1,140 operations", 1140.0, Approx::Exact, "operation", None);
        assert_eq!(measure_key(&ops), measure_key(&operations));
        let troops = count("2,000 troops", 2000.0, Approx::Exact, "troop", None);
        let soldiers = count("2,000 soldiers", 2000.0, Approx::Exact, "soldier", None);
        assert_eq!(measure_key(&troops), measure_key(&soldiers));
        assert_ne!(measure_key(&troops), measure_key(&operations));
        let mps = count("52 of her own MPs", 52.0, Approx::Exact, "mp", None);
        let lawmakers = count("43 lawmakers", 43.0, Approx::Exact, "lawmaker", None);
        assert_eq!(measure_key(&mps), measure_key(&lawmakers));
    }

    #[test]
    fn streets_and_counties_locate_a_town() {
        assert!(is_street("Mill Lane") && is_street("High Street"));
        assert!(!is_street("Leeds") && !is_street("Lane"));
        assert!(is_county("West Yorkshire") && !is_county("Leeds"));
    }

    #[test]
    fn ages_are_compared_person_by_person() {
        let age = |name: &str, value: f64| {
            let measure = format!("age of {name}");
            quantity(
                "47",
                value,
                Approx::Exact,
                Dimension::Age,
                "year",
                Some(&measure),
            )
        };
        assert!(!numbers_compatible(&age("Hale", 47.0), &age("HALE", 48.0)));
        assert!(numbers_compatible(&age("Hale", 47.0), &age("Rees", 31.0)));
    }

    #[test]
    fn a_prison_term_is_never_compared_with_a_ban() {
        let jailed = duration_of("prison term", "seven years", 7.0, "year");
        let banned = duration_of("ban", "ten years", 10.0, "year");
        assert_ne!(measure_key(&jailed), measure_key(&banned));
        assert!(numbers_compatible(&jailed, &banned));
        let locked_up = duration_of("prison term", "six years", 6.0, "year");
        assert!(!numbers_compatible(&jailed, &locked_up));
    }

    #[test]
    fn a_total_matches_the_sum_of_its_parts() {
        let drones = count("539 drones", 539.0, Approx::Exact, "drone", None);
        let missiles = count(
            "about a dozen missiles",
            12.0,
            Approx::About,
            "missile",
            None,
        );
        let total = count(
            "550 drones and missiles",
            550.0,
            Approx::Exact,
            "drone",
            None,
        );
        assert!(!numbers_compatible(&drones, &total));
        assert!(quantities_compatible(
            &[&drones],
            &[&total],
            &[&drones, &missiles],
            &[&total]
        ));
        let wrong_total = count("600 drones", 600.0, Approx::Exact, "drone", None);
        assert!(!quantities_compatible(
            &[&drones],
            &[&wrong_total],
            &[&drones, &missiles],
            &[&wrong_total]
        ));
    }

    #[test]
    fn ranges_and_non_finite_values() {
        let mut range = count("between 40 and 50", 40.0, Approx::Exact, "people", None);
        range.upper = Some(50.0);
        assert!(numbers_compatible(
            &range,
            &count("45", 45.0, Approx::Exact, "people", None)
        ));
        let nan = count("?", f64::NAN, Approx::Exact, "people", None);
        assert_eq!(quantity_interval(&nan), None);
        assert!(numbers_compatible(&nan, &range));
    }

    fn day(y: i32, m: u32, d: u32) -> TimeValue {
        date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn different_days_conflict() {
        assert_eq!(
            times_compatible(&day(2025, 7, 3), &day(2025, 7, 4)),
            Some(false)
        );
        assert_eq!(
            times_compatible(&day(2025, 7, 4), &day(2025, 7, 4)),
            Some(true)
        );
    }

    #[test]
    fn weekday_matches_a_date_on_that_weekday() {
        let friday = TimeValue::Weekday(Weekday::Fri);
        assert_eq!(times_compatible(&friday, &day(2025, 7, 4)), Some(true));
        assert_eq!(times_compatible(&day(2025, 7, 3), &friday), Some(false));
        let thursday = TimeValue::Weekday(Weekday::Thu);
        assert_eq!(times_compatible(&thursday, &friday), Some(false));
    }

    #[test]
    fn month_contains_its_dates() {
        let july = TimeValue::Month {
            year: Some(2025),
            month: 7,
        };
        assert_eq!(times_compatible(&july, &day(2025, 7, 4)), Some(true));
        assert_eq!(times_compatible(&day(2025, 6, 30), &july), Some(false));
        let march = TimeValue::Month {
            year: None,
            month: 3,
        };
        assert_eq!(times_compatible(&march, &july), Some(false));
        assert_eq!(times_compatible(&march, &TimeValue::Clock(60)), None);
    }

    #[test]
    fn clock_times_allow_half_an_hour() {
        assert!(clock_times_compatible(180, 200));
        assert!(clock_times_compatible(1430, 10));
        assert!(!clock_times_compatible(180, 300));
        assert_eq!(
            times_compatible(&TimeValue::Clock(180), &TimeValue::Clock(300)),
            Some(false)
        );
    }

    #[test]
    fn zelensky_spellings_match() {
        assert!(names_match("Zelenskyy", "Zelensky"));
        assert!(names_match("Zelenskiy", "Volodymyr Zelenskyy"));
        assert!(names_match("Mr Zelensky's", "Zelenskyy"));
    }

    #[test]
    fn zelenska_is_not_zelenskyy() {
        assert!(strsim::jaro_winkler("Zelenska", "Zelenskyy") > 0.9);
        assert!(!names_match("Zelenska", "Zelenskyy"));
        assert!(!names_match("Olena Zelenska", "Volodymyr Zelenskyy"));
        assert!(!names_match("Zelenska", "Zelensky"));
    }

    #[test]
    fn spelled_fractions_are_round_shares() {
        let percent = |text: &str, value: f64, approx: Approx| Quantity {
            value,
            upper: None,
            approx,
            dimension: Dimension::Percent,
            unit: "%".into(),
            measure: None,
            text: text.into(),
            start: 0,
            end: 0,
        };
        let sixty_six = percent("66%", 66.0, Approx::Exact);
        assert!(numbers_compatible(
            &percent("two-thirds", 66.7, Approx::Exact),
            &sixty_six
        ));
        assert!(!numbers_compatible(
            &percent("three quarters", 75.0, Approx::Exact),
            &sixty_six
        ));
        assert!(numbers_compatible(
            &percent("almost a fifth", 20.0, Approx::About),
            &percent("19%", 19.0, Approx::Exact)
        ));
        // Figures in digits keep their own precision.
        assert!(!numbers_compatible(
            &percent("75%", 75.0, Approx::Exact),
            &percent("70%", 70.0, Approx::Exact)
        ));
    }

    #[test]
    fn short_given_names_from_the_nickname_tables() {
        assert!(names_match("Doug Ferrier", "Douglas Ferrier"));
        assert!(names_match("Ray Tolliver", "Raymond Tolliver"));
        // The tables link names across languages; beside one surname those are two people.
        assert!(!names_match("Ian Doyle", "John Doyle"));
        assert!(!names_match("Doug Ferrier", "Dorothy Ferrier"));
    }

    #[test]
    fn titles_and_first_names() {
        assert!(names_match("Mr Trump", "Donald Trump"));
        assert!(names_match("President Donald Trump", "D. Trump"));
        assert!(!names_match("Melania Trump", "Donald Trump"));
        assert!(!names_match("Leeds", "Bradford"));
        assert!(!names_match("The Hague", "Brussels"));
        assert!(!names_match("", "Brussels"));
        // A word left in front of the name, and given names spelt two ways.
        assert!(names_match("Convenor Tom Aston", "Tom Aston"));
        assert!(names_match("Conservative Yusuf Qureshi", "Yousuf Qureshi"));
        assert!(names_match("Mohamed Salah", "Mohammed Salah"));
        assert!(!names_match("John Smith", "Joan Smith"));
        assert!(!names_match("Daniel Smith", "Daniela Smith"));
        // A given name and its short form.
        assert!(names_match("Jon Ashdown", "Jonathan Ashdown"));
        assert!(names_match(
            "Chief executive Jonathan Ashdown",
            "Jon Ashdown"
        ));
        assert!(names_match("Bill Carter", "William Carter"));
        assert!(names_match("Paddy Moran", "Patrick Moran"));
        assert!(names_match("Co Offaly", "County Offaly"));
        assert!(!names_match("Co Offaly", "Co Kildare"));
        assert!(!names_match("Jon Ashdown", "Joanna Ashdown"));
        assert!(!names_match("North Road", "Northgate Road"));
        assert!(!names_match("Leeds Crown Court", "Bradford Crown Court"));
    }

    #[test]
    fn matching_names_share_an_index_key() {
        for (a, b) in [("Zelenskyy", "Zelenskiy"), ("Mr Trump", "Donald Trump")] {
            assert!(names_match(a, b));
            assert_eq!(name_key(a), name_key(b));
        }
    }

    #[test]
    fn quotes_same_words_and_drift() {
        let a = quote_words("We will never give up our land");
        let b = quote_words("We will never give up our land.");
        assert!(quotes_same_words(&a, &b));
        assert_eq!(quote_drift(&a, &b), None);
        // A clause quoted word for word from a longer quotation is the same words;
        // a short scare quote found in one is not enough.
        let long = quote_words("The ruling shows that you chose profit over safety, again.");
        assert!(quotes_same_words(
            &quote_words("chose profit over safety"),
            &long
        ));
        assert!(!quotes_same_words(
            &quote_words("profit over safety"),
            &long
        ));
        assert!(!quotes_same_words(
            &quote_words("chose safety over profit"),
            &long
        ));
        // Most of a quotation inside another, its first words changed: the same
        // words; half of it is not.
        let whole = quote_words(
            "This is a cowardly attack on people at their most vulnerable, and we will not let it define us.",
        );
        assert!(quotes_same_words(
            &quote_words("This was a cowardly attack on people at their most vulnerable"),
            &whole
        ));
        assert!(!quotes_same_words(
            &quote_words("It was a cowardly attack on the staff, who worked all night"),
            &whole
        ));
        let c = quote_words("We will never give away our land");
        let (x, y) = quote_drift(&a, &c).unwrap();
        assert_eq!((x, y), (vec!["up".to_string()], vec!["away".to_string()]));
        // A shortened quotation is not drift.
        let d = quote_words("We will never give up");
        assert_eq!(quote_drift(&a, &d), None);
        // Synonyms and other forms of a word: the same words said differently.
        let sky = quote_words("defend the sky");
        let skies = quote_words("protect our skies");
        let (x, y) = quote_drift(&sky, &skies).unwrap();
        assert_eq!(
            (x.join(" "), y.join(" ")),
            ("defend the sky".into(), "protect our skies".into())
        );
        // Different words altogether are another quote, not a misquote.
        let other = quote_words("the talks were productive");
        assert_eq!(quote_drift(&sky, &other), None);
        // One outlet quotes on past where the other stops: the changed words of
        // the shared stretch are the drift.
        let short = quote_words("came over the wall like a steam train");
        let long = quote_words(
            "The sea came over the wall like a freight train, and there was nothing anyone could do but get out of its way.",
        );
        let (x, y) = quote_drift(&short, &long).unwrap();
        assert_eq!(
            (x.join(" "), y.join(" ")),
            ("steam".into(), "freight".into())
        );
        // Two or three of the stretch's words changed is still a misquote of it.
        let said = quote_words("We will go through every link in this chain");
        let longer = quote_words(
            "We will look at every link in the chain, from the weather and the snow clearing to the information given to the crew.",
        );
        assert!(quote_drift(&said, &longer).is_some());
        // A stretch quoted word for word from a much longer one is not a misquote.
        let cut = quote_words("there was nothing anyone could do");
        let long_cut = quote_words(
            "The sea came over the wall, and there was nothing anyone could do but get out of its way.",
        );
        assert_eq!(quote_drift(&cut, &long_cut), None);
    }
}
