//! Named entities without a model: capitalised runs, titles, a small gazetteer.
//!
//! A run of capitalised words ("US President Donald Trump") is split into a role
//! ("US President") and a name ("Donald Trump"); the role tells persons from
//! other names and lets "the president said" find its person later. Names are
//! completed from the report ("Mr Trump" -> "Donald Trump" once the full name
//! appears) by the [`NameBook`], keyed on case- and diacritic-folded surnames, so
//! Zelenska and Zelenskyy stay two people. Post-nominals ("KC", "MBE", "Jr") are
//! roles, not name. A first name after a family noun ("Liam Gorton's mother,
//! Karen") is a person, and takes the family surname when the convention holds
//! (see `FAMILY_NOUNS`). A name the report shows to be an organisation ("his
//! firm, X,", "X Ltd") or a place ("the village of X") is no person in any mention.

use crate::grammar;
use crate::model::{Entity, EntityKind};
use crate::text::{fold_key, words, Word};

/// Words that make a role or title before a person's name.
const TITLE_WORDS: &[&str] = &[
    "neighbour",
    "neighbor",
    "mother",
    "father",
    "owner",
    "worker",
    "volunteer",
    "survivor",
    "student",
    "teacher",
    "headteacher",
    "headmaster",
    "headmistress",
    "nurse",
    "driver",
    "passenger",
    "shopkeeper",
    "landlord",
    "tenant",
    "campaigner",
    "activist",
    "lawyer",
    "boss",
    "pensioner",
    "grandmother",
    "grandfather",
    // Occupations and descriptions that news copy sets before a name as a title
    // ("Plumber Dean Foster", "Holidaymaker Jo Reid").
    "plumber",
    "builder",
    "electrician",
    "mechanic",
    "engineer",
    "chef",
    "carer",
    "cleaner",
    "midwife",
    "paramedic",
    "firefighter",
    "pilot",
    "footballer",
    "actor",
    "actress",
    "businessman",
    "businesswoman",
    "holidaymaker",
    "commuter",
    "motorist",
    "cyclist",
    "retiree",
    "grocer",
    "hairdresser",
    "waiter",
    "waitress",
    "trader",
    "fisherman",
    "doctor",
    "surgeon",
    "pharmacist",
    "caretaker",
    "courier",
    "shopper",
    "tourist",
    "widow",
    "widower",
    "mum",
    "dad",
    "grandad",
    "granddad",
    "gran",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "chancellor",
    "secretary",
    "general",
    "gen",
    "col",
    "colonel",
    "capt",
    "captain",
    "chief",
    "officer",
    "councillor",
    "cllr",
    "cr",
    "premier",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    // Clergy: "Fr Liam Moran", "Rev Ann Hale", "Bishop Tom Keane".
    "fr",
    "rev",
    "revd",
    "reverend",
    "priest",
    "vicar",
    "pastor",
    "rabbi",
    "imam",
    "bishop",
    "archbishop",
    "cardinal",
    "judge",
    "justice",
    "recorder",
    "magistrate",
    "coroner",
    "prosecutor",
    "barrister",
    "solicitor",
    "attorney",
    "sheriff",
    "inspector",
    "insp",
    "detective",
    "det",
    "superintendent",
    "supt",
    "sergeant",
    "sgt",
    "constable",
    "pc",
    "dc",
    "ds",
    "dci",
    "commissioner",
    "ambassador",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "leader",
    "deputy",
    "foreign",
    "defence",
    "defense",
    "finance",
    "interior",
    "health",
    "economy",
    "first",
    "lady",
    "mp",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "commander",
    "admiral",
    "marshal",
    "speaker",
    "opposition",
    "assistant",
    "fire",
    "police",
    "head",
    "ceo",
    "executive",
    "founder",
    "manager",
    // "Harbour master Tom Penhallow", "station master".
    "master",
    "coach",
    "resident",
    "witness",
    "analyst",
    "economist",
    "professor",
    "mep",
    "state",
    "former",
    "acting",
    "regional",
    "environment",
    "transport",
    "interior",
    "justice",
    "labour",
    "green",
    "conservative",
    "tory",
    "democrat",
    "republican",
    "candidate",
    "agent",
    "returning",
    "official",
    "representative",
    "convenor",
    "convener",
    "steward",
    "organiser",
    "organizer",
    // People described by what they were doing or are ("Runner Kerry Doyle",
    // "Spectator Gavin Pike", "Geologist Ana Sousa").
    "runner",
    "spectator",
    "fan",
    "supporter",
    "onlooker",
    "bystander",
    "eyewitness",
    "patient",
    "customer",
    "guest",
    "climber",
    "hiker",
    "skier",
    "swimmer",
    "jogger",
    "villager",
    "homeowner",
    "householder",
    "rescuer",
    "mourner",
    "protester",
    "demonstrator",
    "voter",
    "employee",
    "colleague",
    "pal",
    "teenager",
    "schoolboy",
    "schoolgirl",
    "youngster",
    "medic",
    "consultant",
    "geologist",
    "scientist",
    "researcher",
    "expert",
    "harbourmaster",
    "journalist",
    "photographer",
    "hotelier",
    "publican",
    "restaurateur",
    "stallholder",
    "landlady",
];
/// Letters written after a name that are not part of it: ranks at the bar (KC,
/// QC), seats (MP, MSP, MEP, MLA), honours (MBE, OBE, CBE, DBE, KBE) and
/// generations (Jr, Sr). "Rebecca Thorne KC" is Rebecca Thorne.
const POST_NOMINALS: &[&str] = &[
    "kc", "qc", "mp", "msp", "mep", "mla", "mbe", "obe", "cbe", "dbe", "kbe", "gbe", "jr", "sr",
    "jnr", "snr",
];

/// Whether a word after a name is a post-nominal: honours and seats in capitals
/// ("KC", "MBE"), generations in any case ("Jr", "Jr.").
fn is_post_nominal(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    let lower = word.to_lowercase();
    POST_NOMINALS.contains(&lower.as_str())
        && (!word.chars().any(char::is_lowercase)
            || matches!(lower.as_str(), "jr" | "sr" | "jnr" | "snr"))
}

/// The person named right after `run` past lower-case role words only: "Reti
/// Lombarde chief executive Paolo Ferrante", "Plant boss Rob Verhagen".
pub(crate) fn person_after_role_words<'r>(
    words: &[Word],
    runs: &'r [NameRun],
    run: &NameRun,
) -> Option<&'r NameRun> {
    let next = runs
        .iter()
        .find(|other| other.first_word >= run.end_word && other.kind == EntityKind::Person)?;
    let role_words = &words[run.end_word..next.first_word];
    let only_roles = !role_words.is_empty()
        && role_words.len() <= 3
        && role_words
            .iter()
            .all(|w| w.text.starts_with(char::is_lowercase) && is_title_word(&w.lower()));
    only_roles.then_some(next)
}

/// Occupations that are also common surnames: a title only before a full name
/// ("Baker Sergio Mauri said"), a name when alone ("Baker said", "Jane Baker").
const OCCUPATIONS_ALSO_SURNAMES: &[&str] = &[
    "baker", "butcher", "barber", "miner", "farmer", "singer", "cook", "mason", "porter",
];

/// Whether the word at `at` of a run's lower-case words is a title: a title word,
/// or an occupation that is also a surname with a first name and a surname after it.
fn is_title_at(lowers: &[String], at: usize) -> bool {
    let lower = lowers[at].as_str();
    // "First Minister", "First Lady", but "the First Baptist Church".
    if lower == "first" {
        return lowers
            .get(at + 1)
            .is_some_and(|next| is_title_not_surname(next));
    }
    is_title_not_surname(lower)
        || (OCCUPATIONS_ALSO_SURNAMES.contains(&lower) && lowers.len() >= at + 3)
}

/// Whether a lower-case word is set before a name as a title or role
/// ("minister", "plumber", "dad-of-two", "baker").
pub(crate) fn is_title_word(lower: &str) -> bool {
    is_title_not_surname(lower) || OCCUPATIONS_ALSO_SURNAMES.contains(&lower)
}

/// A title word that is never a surname as well.
fn is_title_not_surname(lower: &str) -> bool {
    let lower = lower.trim_end_matches('.');
    TITLE_WORDS.contains(&lower) || is_family_count(lower)
}

/// "dad-of-two", "mother-of-three": a parent described by their number of children,
/// set before a name like a title.
fn is_family_count(lower: &str) -> bool {
    let mut parts = lower.splitn(3, '-');
    let (Some(relative), Some("of"), Some(count)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    TITLE_WORDS.contains(&relative) && crate::quantities::is_number_name_word(count)
}

/// Family nouns that introduce a relative by name ("his mother, Karen,", "mum
/// Karen", "whose son Liam"): the gender they give, and whether the relative is
/// taken to share the surname of the person whose relative they are. News copy
/// names a parent, child, sibling or spouse by first name alone when the surname
/// is the same one ("Liam Gorton's mother, Karen"), and in full when it is not;
/// partners, aunts, uncles and cousins carry no such convention.
const FAMILY_NOUNS: &[(&str, Option<bool>, bool)] = &[
    ("mother", Some(true), true),
    ("mum", Some(true), true),
    ("mom", Some(true), true),
    ("father", Some(false), true),
    ("dad", Some(false), true),
    ("son", Some(false), true),
    ("daughter", Some(true), true),
    ("brother", Some(false), true),
    ("sister", Some(true), true),
    ("wife", Some(true), true),
    ("husband", Some(false), true),
    ("widow", Some(true), true),
    ("widower", Some(false), true),
    ("grandmother", Some(true), true),
    ("grandfather", Some(false), true),
    ("gran", Some(true), true),
    ("grandson", Some(false), true),
    ("granddaughter", Some(true), true),
    ("aunt", Some(true), false),
    ("uncle", Some(false), false),
    ("niece", Some(true), false),
    ("nephew", Some(false), false),
    ("cousin", None, false),
    ("partner", None, false),
    ("girlfriend", Some(true), false),
    ("boyfriend", Some(false), false),
    ("fiancee", Some(true), false),
    ("fiancée", Some(true), false),
    ("fiance", Some(false), false),
    ("fiancé", Some(false), false),
];

fn family_noun(lower: &str) -> Option<&'static (&'static str, Option<bool>, bool)> {
    FAMILY_NOUNS.iter().find(|(noun, _, _)| *noun == lower)
}

/// Whether a lower-case word names a relative ("mum", "daughter", "grandad"),
/// and the sex it gives when it gives one.
pub(crate) fn family_noun_sex(lower: &str) -> Option<Option<bool>> {
    family_noun(lower).map(|&(_, female, _)| female)
}

/// The family noun right before the word at `index`, with only a space or a comma
/// between: "mum Karen", "his mother, Karen".
fn family_noun_before(
    text: &str,
    words: &[Word],
    index: usize,
) -> Option<&'static (&'static str, Option<bool>, bool)> {
    let before = words.get(index.checked_sub(1)?)?;
    let gap = text.get(before.end..words[index].start)?.trim();
    if !(gap.is_empty() || gap == ",") {
        return None;
    }
    family_noun(&before.lower())
}

/// Nouns for a business or body: "His firm, Calder Vale Coatings, was fined".
const ORGANISATION_NOUNS: &[&str] = &[
    "firm",
    "company",
    "business",
    "employer",
    "manufacturer",
    "maker",
    "retailer",
    "supplier",
    "contractor",
    "operator",
    "insurer",
    "charity",
    "developer",
    "subsidiary",
    "chain",
    "brand",
    "consultancy",
    "publisher",
    "airline",
    "broadcaster",
    "newspaper",
    "agency",
];

/// Whether a lower-case noun names a business or body ("the airline", "the firm").
pub(crate) fn is_organisation_noun(lower: &str) -> bool {
    ORGANISATION_NOUNS.contains(&lower)
}

/// Legal forms closing a company's name: "Calder Vale Coatings Ltd" is the
/// organisation "Calder Vale Coatings" too.
const LEGAL_FORMS: &[&str] = &["ltd", "limited", "plc", "inc", "llc", "llp", "gmbh"];

/// Nouns for a settlement: "the village of Ashby Moor" names a place.
const SETTLEMENT_NOUNS: &[&str] = &[
    "village", "town", "city", "hamlet", "suburb", "borough", "county", "district", "parish",
    "island", "region", "province",
];

/// Whether the name starting at word `index` is set off as an appositive of an
/// organisation noun: "the company, Calder Vale Coatings," (commas on both sides,
/// so that "she sued the firm, Smith said" keeps Smith a person).
fn after_organisation_noun(text: &str, words: &[Word], index: usize, run_end: usize) -> bool {
    let Some(before) = index.checked_sub(1).and_then(|i| words.get(i)) else {
        return false;
    };
    let opening = text
        .get(before.end..words[index].start)
        .unwrap_or("")
        .trim();
    let closing = text[run_end..].trim_start().chars().next();
    // "The operator of the coach, Autoservizi Cadorina,": the noun may carry an
    // "of the ..." phrase of its own.
    let noun_of_phrase = index >= 4
        && words[index - 2].lower() == "the"
        && words[index - 3].lower() == "of"
        && ORGANISATION_NOUNS.contains(&words[index - 4].lower().as_str());
    (ORGANISATION_NOUNS.contains(&before.lower().as_str()) || noun_of_phrase)
        && opening == ","
        && closing.is_none_or(|c| matches!(c, ',' | '.' | ';' | ')'))
}

/// Points of the compass: "south of Oban" names a place as a settlement noun does.
pub(crate) const COMPASS_POINTS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Offices and parts that belong to a place: "the mayor of San Vigilio di Cadore",
/// "the outskirts of Brennhaven" name a place as "the village of" does.
const OF_A_PLACE_NOUNS: &[&str] = &[
    "mayor",
    "governor",
    "prefect",
    "outskirts",
    "centre",
    "center",
    "suburbs",
    "streets",
];

/// Whether the name starting at word `index` follows "village of", "town of", ...
/// "mayor of", or a point of the compass and "of" ("south of Oban").
fn after_settlement_noun(words: &[Word], index: usize) -> bool {
    index >= 2 && words[index - 1].lower() == "of" && {
        let noun = words[index - 2].lower();
        SETTLEMENT_NOUNS.contains(&noun.as_str())
            || COMPASS_POINTS.contains(&noun.as_str())
            || OF_A_PLACE_NOUNS.contains(&noun.as_str())
    }
}

/// Lower-case nouns for a site that a place's name goes before: "the Kingsmead
/// crossing", "the Lisko border crossing", "the Corvetto district".
const PLACE_NOUNS_AFTER_NAME: &[&str] = &[
    "crossing",
    "checkpoint",
    "substation",
    "junction",
    "roundabout",
    "interchange",
    "district",
    "neighbourhood",
    "neighborhood",
    "quarter",
    "suburb",
    "area",
    "border",
    "coast",
    "coastline",
    "seafront",
    "waterfront",
    "valley",
    "campsite",
];

/// Modifiers allowed between the name and that noun: "the Lisko border crossing".
const PLACE_NOUN_MODIFIERS: &[&str] = &["border", "railway", "rail", "road", "power", "city"];

/// Whether the word at `index` (just after a name) is a lower-case site noun, maybe
/// after one modifier, so that the name before it names a place.
fn before_place_noun(text: &str, words: &[Word], index: usize) -> bool {
    let lower_case_at = |at: usize, list: &[&str]| {
        words.get(at).is_some_and(|word| {
            !word.is_capitalised()
                && list.contains(&word.lower().as_str())
                && adjacent(text, &words[at - 1], word)
        })
    };
    lower_case_at(index, PLACE_NOUNS_AFTER_NAME)
        || (lower_case_at(index, PLACE_NOUN_MODIFIERS)
            && lower_case_at(index + 1, PLACE_NOUNS_AFTER_NAME))
}

/// Titles that mark a person and give a gender hint.
const MALE_TITLES: &[&str] = &["mr", "sir", "lord", "king", "prince"];
const FEMALE_TITLES: &[&str] = &["mrs", "ms", "miss", "dame", "lady", "queen", "princess"];

/// Last words of operators' and utilities' names ("Calder Air", "Western Ferries",
/// "Tarrant Valley Water"): a body only after a name word, since alone they are the
/// vehicles or the goods ("Buses will run", "Water is safe to drink").
const OPERATOR_HEADS: &[&str] = &[
    "air",
    "airways",
    "airlines",
    "ferries",
    "buses",
    "trains",
    "coaches",
    "rail",
    "water",
    "energy",
    "power",
    "gas",
    "electricity",
    "telecom",
    // Shipping lines: "Petromar Shipping", "Nordic Maritime", "Baltic Freight".
    "shipping",
    "maritime",
    "freight",
    "cruises",
    "tankers",
    // Tour operators, road operators, security firms and other contractors:
    // "Dalesway Tours", "Tarne Valley Roads", "Alpenwacht Security", "Air Accidents
    // Investigation Branch".
    "tours",
    "holidays",
    "travel",
    "roads",
    "highways",
    "motorways",
    "security",
    "branch",
    "construction",
    "contractors",
    "resources",
    "petroleum",
    "chemicals",
    "insurance",
    "aviation",
    "aerospace",
    "healthcare",
    "broadcasting",
    "telecoms",
];

/// Trade words that end a firm's name after its own word ("Fairbrook Foods",
/// "Corvel Systems"), besides the operators' (`OPERATOR_HEADS`).
const TRADE_HEADS: &[&str] = &[
    "foods",
    "systems",
    "group",
    "holdings",
    "partners",
    "industries",
    "motors",
    "logistics",
    "technologies",
    "media",
    "stores",
    "bank",
    "data",
    "solutions",
    "pharmaceuticals",
    "mining",
    "steel",
    "textiles",
];

/// Whether `own`, the first of a firm's two words, is the firm's short name: the
/// second is a trade word, and `own` is neither a place nor a word the report
/// writes in lower case ("Traffic Scotland" is no "Traffic").
fn is_short_form_of_firm(text: &str, own: &str, trade: &str) -> bool {
    (TRADE_HEADS.contains(&trade) || OPERATOR_HEADS.contains(&trade))
        && canonical(own).1 != Some(EntityKind::Place)
        && !written_in_lower_case(text, &own.to_lowercase())
}

/// Whether a body's name says what kind of body it is by its last word ("Alexandra
/// Hospital", "West Mercia Police"), so that "the company" cannot stand for it.
pub(crate) fn names_its_kind(name: &str) -> bool {
    name.split_whitespace()
        .last()
        .is_some_and(|last| ORGANISATION_HEADS.contains(&last.to_lowercase().as_str()))
}

/// Whether a lower-case word is one of the last words that make a name an
/// organisation's ("police", "council", "army").
pub(crate) fn is_organisation_head(lower: &str) -> bool {
    ORGANISATION_HEADS.contains(&lower)
}

/// Last words that make a run an organisation.
const ORGANISATION_HEADS: &[&str] = &[
    "service",
    "services",
    "council",
    "ministry",
    "party",
    "police",
    "parliament",
    "assembly",
    "agency",
    "commission",
    "union",
    "company",
    "group",
    "university",
    "hospital",
    "office",
    "department",
    "force",
    "forces",
    "army",
    "navy",
    "committee",
    "bank",
    "court",
    "government",
    "house",
    "authority",
    "board",
    "association",
    "institute",
    "foundation",
    "corporation",
    "inc",
    "ltd",
    "plc",
    "news",
    "times",
    "post",
    "press",
    "magazine",
    // Newspapers: "Nord Express", "Kelmouth Courier", "Highland Herald".
    "express",
    "gazette",
    "gazzetta",
    "herald",
    "chronicle",
    "tribune",
    "courier",
    "telegraph",
    "observer",
    "journal",
    "cabinet",
    "kremlin",
    "pentagon",
    "nato",
    "coalition",
    "alliance",
    "trust",
    "network",
    "guard",
    "guards",
    "brigade",
    "federation",
    "organisation",
    "organization",
    "fund",
    "greens",
    "democrats",
    "republicans",
    "conservatives",
    "senate",
    "congress",
    "bundestag",
    "landtag",
    "nhs",
    "services",
    "cross",
    "crescent",
    "club",
    "team",
    "league",
    "media",
    "council's",
    "unit",
    "centre",
    "center",
    "executive",
    "systems",
    "holdings",
    "industries",
    "technologies",
    "solutions",
    "logistics",
    "engineering",
    "motors",
    "foods",
    "airways",
    "airlines",
    "energy",
    "enterprises",
    "manufacturing",
    "pharmaceuticals",
    "laboratories",
    "partners",
    "rail",
    "academy",
    "school",
    "bureau",
    "college",
];
/// Well-known names the report may give without any other cue.
const GAZETTEER: &[(&str, &str, EntityKind)] = &[
    ("us", "United States", EntityKind::Place),
    ("u.s", "United States", EntityKind::Place),
    ("usa", "United States", EntityKind::Place),
    ("united states", "United States", EntityKind::Place),
    ("america", "United States", EntityKind::Place),
    ("washington", "Washington", EntityKind::Place),
    ("uk", "United Kingdom", EntityKind::Place),
    ("u.k", "United Kingdom", EntityKind::Place),
    ("britain", "United Kingdom", EntityKind::Place),
    ("united kingdom", "United Kingdom", EntityKind::Place),
    ("eu", "European Union", EntityKind::Organisation),
    ("european union", "European Union", EntityKind::Organisation),
    ("un", "United Nations", EntityKind::Organisation),
    ("united nations", "United Nations", EntityKind::Organisation),
    ("nato", "NATO", EntityKind::Organisation),
    ("kremlin", "Kremlin", EntityKind::Organisation),
    ("white house", "White House", EntityKind::Organisation),
    ("pentagon", "Pentagon", EntityKind::Organisation),
    ("ukraine", "Ukraine", EntityKind::Place),
    ("russia", "Russia", EntityKind::Place),
    ("kyiv", "Kyiv", EntityKind::Place),
    ("kiev", "Kyiv", EntityKind::Place),
    ("moscow", "Moscow", EntityKind::Place),
    ("germany", "Germany", EntityKind::Place),
    ("berlin", "Berlin", EntityKind::Place),
    ("france", "France", EntityKind::Place),
    ("paris", "Paris", EntityKind::Place),
    ("london", "London", EntityKind::Place),
    ("england", "England", EntityKind::Place),
    ("scotland", "Scotland", EntityKind::Place),
    ("wales", "Wales", EntityKind::Place),
    ("ireland", "Ireland", EntityKind::Place),
    ("netherlands", "Netherlands", EntityKind::Place),
    ("the hague", "The Hague", EntityKind::Place),
    ("hague", "The Hague", EntityKind::Place),
    ("brussels", "Brussels", EntityKind::Place),
    ("belgium", "Belgium", EntityKind::Place),
    ("poland", "Poland", EntityKind::Place),
    ("china", "China", EntityKind::Place),
    ("beijing", "Beijing", EntityKind::Place),
    ("israel", "Israel", EntityKind::Place),
    ("gaza", "Gaza", EntityKind::Place),
    ("iran", "Iran", EntityKind::Place),
    ("india", "India", EntityKind::Place),
    ("japan", "Japan", EntityKind::Place),
    ("italy", "Italy", EntityKind::Place),
    ("spain", "Spain", EntityKind::Place),
    ("canada", "Canada", EntityKind::Place),
    ("australia", "Australia", EntityKind::Place),
    ("europe", "Europe", EntityKind::Place),
    ("crimea", "Crimea", EntityKind::Place),
    ("odesa", "Odesa", EntityKind::Place),
    ("odessa", "Odesa", EntityKind::Place),
    ("kharkiv", "Kharkiv", EntityKind::Place),
    ("lviv", "Lviv", EntityKind::Place),
    ("leeds", "Leeds", EntityKind::Place),
    ("bradford", "Bradford", EntityKind::Place),
    ("manchester", "Manchester", EntityKind::Place),
    ("yorkshire", "Yorkshire", EntityKind::Place),
    ("reuters", "Reuters", EntityKind::Organisation),
    ("axios", "Axios", EntityKind::Organisation),
    (
        "associated press",
        "Associated Press",
        EntityKind::Organisation,
    ),
    ("afp", "AFP", EntityKind::Organisation),
    ("spiegel", "Spiegel", EntityKind::Organisation),
    ("bbc", "BBC", EntityKind::Organisation),
    ("telegram", "Telegram", EntityKind::Other),
    ("air force one", "Air Force One", EntityKind::Other),
    ("der spiegel", "Spiegel", EntityKind::Organisation),
];
/// Capitalised words that are never names on their own.
const NOT_NAMES: &[&str] = &[
    "celsius",
    "fahrenheit",
    "centigrade",
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
    "i",
    "bst",
    "gmt",
    "cet",
    "am",
    "pm",
    "ok",
    "tv",
    "covid",
    "no",
    "yes",
    "god",
    "christmas",
    "easter",
];
/// Adjectives of nationality: not entities themselves, often part of a role.
/// Endings that nearly always make one ("Ukrainian", "Chinese", "Spanish"), and
/// those that end many surnames too ("Montanari", "Callaghan", "Kovacic") only
/// in the words listed.
fn is_demonym(lower: &str) -> bool {
    let by_ending = ["ian", "ese", "ish"].iter().any(|end| lower.ends_with(end));
    (by_ending || DEMONYMS_OF_SURNAME_ENDINGS.contains(&lower))
        && lower.len() > 4
        && !GAZETTEER.iter().any(|(key, _, _)| *key == lower)
}

/// Adjectives of nationality or region ending like surnames (-i, -an, -ic).
const DEMONYMS_OF_SURNAME_ENDINGS: &[&str] = &[
    "israeli",
    "pakistani",
    "iraqi",
    "saudi",
    "kuwaiti",
    "yemeni",
    "omani",
    "bangladeshi",
    "nepali",
    "somali",
    "azerbaijani",
    "qatari",
    "emirati",
    "bahraini",
    "punjabi",
    "bengali",
    "american",
    "african",
    "mexican",
    "german",
    "korean",
    "cuban",
    "european",
    "dominican",
    "venezuelan",
    "chilean",
    "moroccan",
    "kenyan",
    "ugandan",
    "rwandan",
    "tibetan",
    "afghan",
    "jamaican",
    "libyan",
    "arabic",
    "baltic",
    "nordic",
    "slavic",
    "hispanic",
    "celtic",
    "icelandic",
    "germanic",
    "islamic",
    "atlantic",
    "pacific",
    "arctic",
    "antarctic",
    "adriatic",
];

/// A person the report names in full, with what it says about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Person {
    pub name: String,
    /// Lower-case role words seen before the name ("us", "president").
    pub roles: Vec<String>,
    pub female: Option<bool>,
}

/// The persons of one report, for completing short names and resolving roles.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameBook {
    pub persons: Vec<Person>,
    /// First names the report gives a relative by ("mum Karen"), folded, with the
    /// person they name; a first name given to two different persons is dropped.
    first_names: Vec<(String, Option<usize>)>,
    /// Folded names the report shows to be organisations or places, wherever else
    /// they look like a person's: "Calder Vale Coatings" after "Calder Vale
    /// Coatings Ltd" or "his firm, Calder Vale Coatings,"; "the village of Ashby Moor".
    non_persons: Vec<(String, EntityKind)>,
    /// The words the report writes in ordinary case ("Kyiv"), read once, so that a
    /// shouted run ("KYIV") is checked against them without rereading the report.
    ordinary_case: Option<std::collections::HashSet<String>>,
}

impl NameBook {
    /// Adds or enriches a person seen in the text. A surname with a courtesy title
    /// other than the one the person found goes by is another person ("Mrs
    /// Brennan" beside "Ms Brennan"), whom a full name may complete later.
    fn note(&mut self, name: &str, roles: &[String], female: Option<bool>) {
        let found = self.find_titled(name, roles).filter(|&index| {
            let single = !name.contains(' ');
            let (mine, theirs) = (
                courtesy_title(roles),
                courtesy_title(&self.persons[index].roles),
            );
            !(single && mine.is_some() && theirs.is_some() && mine != theirs)
        });
        if let Some(index) = found {
            let person = &mut self.persons[index];
            if name.split_whitespace().count() > person.name.split_whitespace().count() {
                person.name = name.to_string();
            }
            for role in roles {
                if !person.roles.contains(role) {
                    person.roles.push(role.clone());
                }
            }
            person.female = person.female.or(female);
            return;
        }
        self.persons.push(Person {
            name: name.to_string(),
            roles: roles.to_vec(),
            female,
        });
    }

    /// The person a name refers to: same folded surname, and first names that do
    /// not contradict each other; or a first name alone that the report gave a
    /// relative ("mum Karen" is Karen Gorton, so "Karen" is too).
    pub fn find(&self, name: &str) -> Option<usize> {
        self.find_titled(name, &[])
    }

    /// [`NameBook::find`] for a name written with `roles` before it: "Mrs Brennan",
    /// where the report has two Brennans, is the one it calls Mrs, or else one it
    /// never gave another courtesy title ("Ms Brennan" is the daughter, "Mrs
    /// Brennan" her mother).
    pub fn find_titled(&self, name: &str, roles: &[String]) -> Option<usize> {
        let key = fold_key(name);
        let tokens: Vec<&str> = key.split_whitespace().collect();
        let surname = *tokens.last()?;
        let matches = |person: &Person| {
            let person_key = fold_key(&person.name);
            let person_tokens: Vec<&str> = person_key.split_whitespace().collect();
            // "Van Dalen" after "Marieke van Dalen": a surname with its particle.
            let particle_surname = tokens.len() < person_tokens.len()
                && is_surname_particle(tokens[0])
                && person_tokens.ends_with(&tokens);
            person_tokens.last() == Some(&surname)
                && (tokens.len() == 1
                    || person_tokens.len() == 1
                    || person_tokens[0] == tokens[0]
                    || particle_surname)
        };
        let first_match = || self.persons.iter().position(matches);
        let titled = courtesy_title(roles).and_then(|title| {
            let candidates: Vec<usize> = (0..self.persons.len())
                .filter(|&i| matches(&self.persons[i]))
                .collect();
            if candidates.len() < 2 {
                return None;
            }
            let title_of = |i: usize| courtesy_title(&self.persons[i].roles);
            candidates
                .iter()
                .copied()
                .find(|&i| title_of(i) == Some(title))
                .or_else(|| candidates.iter().copied().find(|&i| title_of(i).is_none()))
        });
        titled.or_else(first_match).or_else(|| {
            let [first] = tokens.as_slice() else {
                return None;
            };
            self.first_names
                .iter()
                .find(|(known, _)| known == first)
                .and_then(|&(_, index)| index)
        })
    }

    /// The kind of a name the report shows is no person: an organisation or a place.
    pub fn non_person_kind(&self, name: &str) -> Option<EntityKind> {
        let key = fold_key(name);
        self.non_persons
            .iter()
            .find(|(known, _)| *known == key)
            .map(|&(_, kind)| kind)
    }

    /// Records what the report shows a name to be when it is no person.
    fn note_non_person(&mut self, name: &str, kind: EntityKind) {
        let key = fold_key(name);
        if !self.non_persons.iter().any(|(known, _)| *known == key) {
            self.non_persons.push((key, kind));
        }
    }

    /// The one person named in full whose first name is `first` ("Liam" -> Liam Gorton).
    fn by_first_name(&self, first: &str) -> Option<usize> {
        let key = fold_key(first);
        let mut found = self.persons.iter().enumerate().filter(|(_, person)| {
            let person_key = fold_key(&person.name);
            let tokens: Vec<&str> = person_key.split_whitespace().collect();
            tokens.len() >= 2 && tokens[0] == key
        });
        let (index, _) = found.next()?;
        found.next().is_none().then_some(index)
    }

    /// The name of a relative the report names by first name only: "Liam Gorton's
    /// mother, Karen". She is the person named in full with that first name, if the
    /// report has one; else, for a parent, child, sibling or spouse of a person
    /// named in full, the first name with that person's surname (Karen Gorton);
    /// else the first name alone.
    fn relative_name(&self, first_name: &str, noun: &str, of: Option<&str>) -> String {
        let shares_surname = family_noun(noun).is_some_and(|&(_, _, shares)| shares);
        let relative = of.and_then(|name| {
            if name.contains(' ') {
                self.find(name)
            } else {
                self.find(name).or_else(|| self.by_first_name(name))
            }
        });
        let surname = relative
            .map(|index| self.persons[index].name.clone())
            .filter(|name| name.contains(' '))
            .and_then(|name| name.split_whitespace().last().map(str::to_string));
        match (self.by_first_name(first_name), surname) {
            (Some(index), _) => self.persons[index].name.clone(),
            (None, Some(surname)) if shares_surname => format!("{first_name} {surname}"),
            _ => first_name.to_string(),
        }
    }

    /// Notes a relative under `full` and lets the first name alone find them.
    fn note_relative(&mut self, first_name: &str, full: &str, noun: &str, female: Option<bool>) {
        self.note(full, &[noun.to_string()], female);
        let Some(index) = self.find(full) else {
            return;
        };
        let key = fold_key(first_name);
        match self.first_names.iter().position(|(known, _)| *known == key) {
            // Two relatives of one first name: neither is found by it alone.
            Some(at) if self.first_names[at].1 != Some(index) => self.first_names[at].1 = None,
            Some(_) => {}
            None => self.first_names.push((key, Some(index))),
        }
    }

    /// The fullest form of a person's name in this report ("Trump" -> "Donald Trump").
    pub fn complete(&self, name: &str) -> String {
        self.complete_titled(name, &[])
    }

    /// [`NameBook::complete`] for a name written with `roles` before it (see
    /// [`NameBook::find_titled`]).
    pub fn complete_titled(&self, name: &str, roles: &[String]) -> String {
        self.find_titled(name, roles)
            .or_else(|| self.by_first_name_alone(name))
            .map_or_else(
                || name.to_string(),
                |index| self.persons[index].name.clone(),
            )
    }

    /// "Tony told The Sun" after "Night guard Tony Briggs": tabloids call a person
    /// by first name once they have named them in full. Only a one-word name, and
    /// only a person the report does not show to be a body ("Carrick" is not
    /// "Carrick Athletic").
    fn by_first_name_alone(&self, name: &str) -> Option<usize> {
        if name.contains(' ') {
            return None;
        }
        self.by_first_name(name)
            .filter(|&index| self.non_person_kind(&self.persons[index].name).is_none())
    }

    /// Whether a name is a person the report names: in full, by surname, or by
    /// first name alone ("Aoife could barely hold back the tears" after "Nurse
    /// Aoife Brennan"). For the first name alone, the person must have come with
    /// a title, a role or a gender: two capitalised words alone may be a club
    /// ("Ferrybank gaffer Stuart Kerrigan" is not "Ferrybank Thistle"'s).
    pub fn knows_person(&self, name: &str) -> bool {
        self.find(name).is_some()
            || self.by_first_name_alone(name).is_some_and(|index| {
                let person = &self.persons[index];
                !person.roles.is_empty() || person.female.is_some()
            })
    }

    pub fn person(&self, name: &str) -> Option<&Person> {
        self.find(name).map(|index| &self.persons[index])
    }
}

/// Lower-case words that open a surname or join a name: "Marieke van Dalen", "Ana
/// da Silva", "Via dei Pescatori".
fn is_surname_particle(lower: &str) -> bool {
    matches!(
        lower,
        "de" | "van"
            | "von"
            | "der"
            | "den"
            | "al"
            | "bin"
            | "la"
            | "le"
            | "du"
            | "da"
            | "dos"
            | "das"
            | "di"
            | "del"
            | "dei"
            | "della"
            | "delle"
            | "degli"
            | "ter"
            | "ten"
    )
}

/// A capitalised run split into its role and its name.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NameRun {
    pub name: String,
    pub roles: Vec<String>,
    pub kind: EntityKind,
    pub female: Option<bool>,
    pub start: usize,
    pub end: usize,
    /// Index in the word list of the first and one-past-last word of the whole run.
    pub first_word: usize,
    pub end_word: usize,
    /// A single unknown capitalised word opening a sentence ("Hours after ..."):
    /// a name only if the report knows it as one.
    pub lone_opener: bool,
}

fn is_name_word(word: &Word) -> bool {
    let text = word.without_possessive();
    let lower = text.to_lowercase();
    // "The Sun", "The Hague": the article is not part of the name (the gazetteer
    // restores "The Hague").
    word.is_capitalised()
        && !matches!(lower.as_str(), "the" | "a" | "an")
        && !NOT_NAMES.contains(&lower.as_str())
        && !is_number_name(&lower)
        && !is_shouted_common_word(text, &lower)
        && text.chars().any(char::is_alphabetic)
}

/// Heads of institutions named after someone: "St Luke's Hospital", "Guy's
/// Hospital", "King's College".
const INSTITUTION_HEADS: &[&str] = &[
    "hospital",
    "infirmary",
    "church",
    "cathedral",
    "chapel",
    "school",
    "college",
    "academy",
    "primary",
    "university",
    "institute",
    "court",
];

/// Whether the possessive closing `name_so_far` is part of the name, as in "St
/// Luke's Hospital" or "St Oswald's CE Primary School": a saint's name, or an
/// institution's head word right after it. "Ana's Hospital visit" is rare; "the
/// Mayor's office" has no capital after it.
fn possessive_inside_a_name(name_so_far: &[Word], next: Option<&Word>) -> bool {
    let Some(next) = next.filter(|w| w.is_capitalised()) else {
        return false;
    };
    let saint = name_so_far
        .first()
        .is_some_and(|w| matches!(w.lower().trim_end_matches('.'), "st" | "saint"));
    saint || INSTITUTION_HEADS.contains(&next.lower().as_str())
}

/// A common word in capitals for emphasis, as tabloids write "Cops have NOT ruled
/// it out" or "NO warning": not a name.
fn is_shouted_common_word(text: &str, lower: &str) -> bool {
    let shouted = text.chars().count() >= 2 && !text.chars().any(char::is_lowercase);
    shouted
        && (crate::polarity::is_negation_word(lower)
            || grammar::is_sentence_starter(lower)
            || grammar::is_determiner(lower)
            || matches!(
                lower,
                "more" | "most" | "only" | "just" | "still" | "even" | "ever" | "all" | "every"
            )
            // "HALF AN HOUR late", "SIX HOURS": a stressed figure, not a name.
            || crate::lexicon::is_number_word(lower)
            || lower == "half"
            || crate::quantities::time_unit(lower).is_some()
            // "a FOOT of fresh snow"; short codes stay names ("FT", "KG Holdings").
            || (lower.len() >= 4 && crate::quantities::is_unit_word(lower))
            // "was SHOT by a marksman", "DIED in hospital": a stressed verb.
            || (lower.len() >= 4 && grammar::looks_like_verb(lower)))
}

/// Text written in capitals: letters, almost none of them lower case.
pub(crate) fn is_shouted_text(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let lower = text.chars().filter(|c| c.is_lowercase()).count();
    letters >= 2 && lower * 10 <= letters
}

/// A capitalised run that capitals alone do not make a name: any run in a headline
/// written in capitals ("FACTORY BOSS WHO LET 3 MEN DIE"), and long shouted words
/// in ordinary text ("A PENNY-PINCHING boss"). Acronyms are short ("NHS", "NATO").
fn is_shouted_emphasis(name: &str, shouted_sentence: bool) -> bool {
    let long_word = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 5;
    is_shouted_text(name)
        && (shouted_sentence
            || name
                .split([' ', '-'])
                .filter(|w| !w.is_empty())
                .all(long_word))
}

/// A run that only capitals make look like a name ("QUAKE HELL: 182 DEAD"): shouted
/// (see `is_shouted_emphasis`) and never written otherwise in the report.
/// `shouted_sentence` says whether the sentence around it is written in capitals
/// ([`is_shouted_text`]); callers read it once per sentence, not once per run.
pub(crate) fn is_shouted_word_run(
    text: &str,
    shouted_sentence: bool,
    name: &str,
    book: &NameBook,
) -> bool {
    is_shouted_emphasis(name, shouted_sentence) && !is_known_in_report(text, name, book)
}

/// Where to start reading the words before a claim at `start` in a sentence that
/// starts at `sentence_start`: the sentence start, or, in a very long sentence, a
/// word boundary `MAX_CONTEXT_BYTES` or so before the claim.
fn context_start(text: &str, sentence_start: usize, start: usize) -> usize {
    const MAX_CONTEXT_BYTES: usize = 1_000;
    if start <= sentence_start + MAX_CONTEXT_BYTES {
        return sentence_start;
    }
    let mut from = start - MAX_CONTEXT_BYTES;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..start]
        .find(char::is_whitespace)
        .map_or(sentence_start, |space| from + space + 1)
}

/// Whether the report also writes this name in ordinary case ("KYIV" and "Kyiv"),
/// or knows it as a person's name.
fn is_known_in_report(text: &str, name: &str, book: &NameBook) -> bool {
    if book.find(name).is_some() {
        return true;
    }
    let ordinary = title_cased(name);
    match &book.ordinary_case {
        Some(words) => ordinary
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| words.contains(w)),
        None => text.contains(&ordinary),
    }
}

/// The words of `text` written in ordinary case: a capital, then lower case.
fn ordinary_case_words(text: &str) -> std::collections::HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
        })
        .map(str::to_string)
        .collect()
}

/// "KYIV" -> "Kyiv", word by word.
fn title_cased(name: &str) -> String {
    name.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Twenty", "Twelve": capitalised number words open sentences, they are not names.
fn is_number_name(lower: &str) -> bool {
    crate::quantities::is_number_name_word(lower)
}

/// Heads of a state's formal name, which "of" continues ("the Islamic Republic of
/// Iran", "the Grand Duchy of Luxembourg"): two such words before "of" are no person.
const STATE_NAME_HEADS: &[&str] = &[
    "republic",
    "kingdom",
    "emirate",
    "emirates",
    "state",
    "states",
    "federation",
    "commonwealth",
    "principality",
    "duchy",
    "territory",
];

/// Whether a run of capitalised words is an untitled person's name: two or three
/// words that are neither a known name, a body's name nor a state's formal name.
fn is_untitled_person_name(run: &[Word]) -> bool {
    (2..=3).contains(&run.len())
        && !run
            .iter()
            .any(|w| STATE_NAME_HEADS.contains(&w.without_possessive().to_lowercase().as_str()))
        && matches!(
            split_run(run, 0, false).as_slice(),
            [only] if only.kind == EntityKind::Person && only.roles.is_empty()
        )
}

/// Finds capitalised runs in a sentence's words. `sentence_start` is the byte
/// offset where the sentence starts, so that a capitalised common word opening
/// it ("The", "Asked") is not taken for a name.
pub(crate) fn name_runs(
    text: &str,
    sentence_words: &[Word],
    sentence_start: usize,
) -> Vec<NameRun> {
    let mut runs = Vec::new();
    let mut index = 0;
    while index < sentence_words.len() {
        let word = &sentence_words[index];
        let opens_sentence =
            index == 0 || starts_clause(text, sentence_words, index, sentence_start);
        let lower = word.without_possessive().to_lowercase();
        let starter = grammar::is_sentence_starter(&lower)
            || (is_group_noun(&lower)
                && sentence_words
                    .get(index + 1)
                    .is_some_and(|next| next.lower() == "of"));
        let paper_name = crate::times::weekday_opens_name(
            index.checked_sub(1).map(|p| sentence_words[p].text),
            word.text,
            sentence_words.get(index + 1).map(|w| w.text),
        );
        // "the First Baptist Church", "the Second Severn Crossing": a capitalised
        // ordinal after "the" opens the name it is part of.
        let ordinal_opener = index > 0
            && sentence_words[index - 1].lower() == "the"
            && word.is_capitalised()
            && matches!(
                lower.as_str(),
                "first"
                    | "second"
                    | "third"
                    | "fourth"
                    | "fifth"
                    | "sixth"
                    | "seventh"
                    | "eighth"
                    | "ninth"
                    | "tenth"
            )
            && sentence_words
                .get(index + 1)
                .is_some_and(|next| is_name_word(next) && adjacent(text, word, next));
        // "Police Scotland said": a service word opening a sentence opens a name
        // when the country it serves follows.
        let opens_national_service = word.is_capitalised()
            && sentence_words.get(index + 1).is_some_and(|next| {
                adjacent(text, word, next)
                    && next.is_capitalised()
                    && names_a_national_service(&lower, next.without_possessive())
            });
        let starter = starter && !opens_national_service;
        if !(is_name_word(word) || paper_name || ordinal_opener) || (opens_sentence && starter) {
            index += 1;
            continue;
        }
        let first = index;
        let mut end = index + 1;
        while end < sentence_words.len() {
            if sentence_words[end - 1].text != sentence_words[end - 1].without_possessive()
                && !possessive_inside_a_name(&sentence_words[first..end], sentence_words.get(end))
            {
                break; // a possessive ends the name
            }
            let next = &sentence_words[end];
            // "the Electrical and Engineering Workers' Union": a plural possessive
            // inside a body's name.
            let plural_possessive_in_name = text
                .get(sentence_words[end - 1].end..next.start)
                .is_some_and(|gap| gap == "' " || gap == "’ ")
                && sentence_words[end - 1].lower().ends_with('s')
                && next.is_capitalised()
                && ORGANISATION_HEADS.contains(&next.lower().as_str());
            if !adjacent(text, &sentence_words[end - 1], next) && !plural_possessive_in_name {
                break;
            }
            if is_name_word(next) || (next.is_capitalised() && is_number_name(&next.lower())) {
                end += 1;
                continue;
            }
            let connector = next.lower();
            let joins = (matches!(connector.as_str(), "of" | "and" | "for")
                || is_surname_particle(&connector))
                && sentence_words
                    .get(end + 1)
                    .is_some_and(|after| is_name_word(after) && adjacent(text, next, after));
            // "Chief Inspector Gavin Rowe of Police Scotland": a titled person ends
            // at "of"; what follows is the body they serve, a run of its own.
            let titled_person_before = connector == "of"
                && split_run(&sentence_words[first..end], first, false)
                    .iter()
                    .any(|run| run.kind == EntityKind::Person && !run.roles.is_empty());
            // "Andrej Halvorin of Velmora" is a person and where they are from: a
            // given name and a surname end at "of" as a title does. Only the last
            // of names joined by "and" counts ("... and Leyla Demiraj of Drasnia").
            let last_name_from = (first..end)
                .rev()
                .find(|&i| matches!(sentence_words[i].lower().as_str(), "and" | "for"))
                .map_or(first, |joiner| joiner + 1);
            let named_person_before =
                connector == "of" && is_untitled_person_name(&sentence_words[last_name_from..end]);
            // "Dalesway Tours of York", "Tarrant Valley Water of Swindon": a firm named
            // by its trade ends at "of"; what follows says where it is.
            let firm_before = connector == "of"
                && end - first >= 2
                && OPERATOR_HEADS.contains(&sentence_words[end - 1].lower().as_str());
            if joins && !titled_person_before && !named_person_before && !firm_before {
                end += 2;
                continue;
            }
            break;
        }
        let after_article = first > 0
            && matches!(
                sentence_words[first - 1].lower().as_str(),
                "the" | "a" | "an"
            );
        let family = family_noun_before(text, sentence_words, first);
        // The body after "<titled person> of": an organisation when any of its words
        // heads one ("Police Scotland", "Bank of England"), named whole.
        let serves_body = first >= 2
            && sentence_words[first - 1].lower() == "of"
            && runs.last().is_some_and(|last: &NameRun| {
                last.end_word == first - 1
                    && last.kind == EntityKind::Person
                    && !last.roles.is_empty()
            });
        if serves_body
            && sentence_words[first..end].iter().any(|w| {
                ORGANISATION_HEADS.contains(&w.without_possessive().to_lowercase().as_str())
            })
        {
            let whole: Vec<&str> = sentence_words[first..end]
                .iter()
                .map(|w| w.without_possessive())
                .collect();
            runs.push(NameRun {
                name: canonical(&whole.join(" ")).0,
                roles: Vec::new(),
                kind: EntityKind::Organisation,
                female: None,
                start: sentence_words[first].start,
                end: sentence_words[end - 1].end,
                first_word: first,
                end_word: end,
                lone_opener: false,
            });
            index = end;
            continue;
        }
        for mut run in split_run(&sentence_words[first..end], first, family.is_some()) {
            // People are not named with "the": "The Christian Democrat slammed ..." is a role.
            if after_article
                && run.first_word == first
                && run.kind == EntityKind::Person
                && run.roles.is_empty()
            {
                run.kind = EntityKind::Other;
            }
            // A lone unknown capitalised word opening a sentence is most likely an
            // ordinary word ("Hours after ..."), not a name.
            // A name after a family noun is a person: "mum Karen", "his wife Olena Zelenska".
            if let Some(&(noun, female, _)) = family {
                if run.first_word == first
                    && run.roles.is_empty()
                    && run.kind != EntityKind::Organisation
                {
                    run.roles = vec![noun.to_string()];
                    run.female = female;
                    run.kind = EntityKind::Person;
                }
            }
            if run.first_word == first
                && run.roles.is_empty()
                && run.kind != EntityKind::Organisation
            {
                if after_organisation_noun(text, sentence_words, first, run.end) {
                    run.kind = EntityKind::Organisation;
                } else if after_settlement_noun(sentence_words, first)
                    || before_place_noun(text, sentence_words, run.end_word)
                {
                    run.kind = EntityKind::Place;
                }
            }
            // "Holidaymaker Kevin Doig", "Tragic Hamish Galbraith": an agent noun or a
            // tabloid epithet opening the sentence before a two-word name is a role,
            // not a first name.
            if opens_sentence
                && run.first_word == first
                && run.kind == EntityKind::Person
                && run.roles.is_empty()
                && run.end_word - run.first_word == 3
                && (is_role_word_before_a_name(&sentence_words[first].lower())
                    || written_in_lower_case_or_plural(text, &sentence_words[first].lower()))
            {
                let rest: Vec<&str> = sentence_words[first + 1..run.end_word]
                    .iter()
                    .map(|w| w.without_possessive())
                    .collect();
                run.roles = vec![sentence_words[first].lower()];
                run.name = rest.join(" ");
            }
            // "CalMac ferries are expected": a capital inside the word marks a name
            // wherever it stands; any other capitalised word opening a sentence may
            // be an ordinary word.
            // "TMU union boss Gareth Pugh": capitals before the noun of a body name
            // that body.
            let acronym_of_a_body = (2..=5).contains(&run.name.len())
                && run.name.chars().all(|c| c.is_ascii_uppercase())
                && sentence_words
                    .get(run.end_word)
                    .is_some_and(|next| ORGANISATION_HEADS.contains(&next.text));
            let lone_opener = opens_sentence
                && run.end_word == run.first_word + 1
                && run.kind == EntityKind::Other
                && !has_inner_capital(&run.name)
                && !acronym_of_a_body;
            runs.push(NameRun { lone_opener, ..run });
        }
        index = end;
    }
    runs
}

/// A noun for a body of people that opens a sentence before "of" ("Members of
/// Unite", "Thousands of residents"): not the first word of a name.
fn is_group_noun(lower: &str) -> bool {
    const GROUP_NOUNS: &[&str] = &[
        "members",
        "workers",
        "staff",
        "employees",
        "residents",
        "supporters",
        "fans",
        "families",
        "parents",
        "pupils",
        "students",
        "thousands",
        "hundreds",
        "dozens",
        "millions",
        "most",
        "many",
        "some",
        "all",
        "none",
        "half",
    ];
    GROUP_NOUNS.contains(&lower)
}

/// A word that may stand as a role before a two-word name opening a sentence: an
/// agent noun (`is_role_compound`) or an epithet tabloids put before names.
fn is_role_word_before_a_name(lower: &str) -> bool {
    const EPITHETS: &[&str] = &[
        "tragic",
        "heartbroken",
        "devastated",
        "distraught",
        "grieving",
        "horrified",
        "terrified",
        "brave",
        "heroic",
        "hero",
        "furious",
        "fuming",
        "stunned",
        "shocked",
        "tearful",
        "evil",
        "twisted",
        "crazed",
        "beloved",
        "doting",
        "plucky",
    ];
    is_role_compound(lower) || is_specialist(lower) || EPITHETS.contains(&lower)
}

/// Specialists named by their field ("seismologist", "economist", "activist"):
/// role words, never first names. Swedish surnames in -qvist/-quist are left out.
fn is_specialist(lower: &str) -> bool {
    lower.len() >= 7
        && lower.ends_with("ist")
        && !lower.ends_with("vist")
        && !lower.ends_with("uist")
        && lower.chars().all(char::is_alphabetic)
}

/// Whether the report writes `lower` in lower case somewhere ("the patient"): then
/// the capitalised word opening a sentence ("Patient Keith Brannigan, 67, ...")
/// is that common word, since no first name is written in lower case.
fn written_in_lower_case(text: &str, lower: &str) -> bool {
    written_in_lower_case_as(text, lower, false)
}

/// [`written_in_lower_case`], or in the plural ("the lifeguards"), in one reading of
/// the report.
fn written_in_lower_case_or_plural(text: &str, lower: &str) -> bool {
    written_in_lower_case_as(text, lower, true)
}

fn written_in_lower_case_as(text: &str, lower: &str, plural_too: bool) -> bool {
    let is_word_char = |c: char| c.is_alphanumeric() || c == '-';
    text.match_indices(lower).any(|(at, _)| {
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let rest = &text[at + lower.len()..];
        let rest = match rest.strip_prefix('s') {
            Some(after_plural) if plural_too => after_plural,
            _ => rest,
        };
        let after_ok = rest.chars().next().is_none_or(|c| !is_word_char(c));
        before_ok && after_ok
    })
}

/// Agent nouns made of a noun and a doer ("holidaymaker", "theatregoer",
/// "birdwatcher", "stallholder"): role words, never first names. The stem must be a
/// word of its own (three letters or more), so "Baker" or "Walker" never count.
fn is_role_compound(lower: &str) -> bool {
    const DOERS: &[&str] = &[
        "maker", "goer", "watcher", "taker", "seeker", "keeper", "holder", "dweller", "lover",
        "fighter", "spotter", "walker", "rider", "grower", "builder", "worker", "master",
    ];
    DOERS.iter().any(|doer| {
        lower
            .strip_suffix(doer)
            .is_some_and(|stem| stem.len() >= 3 && stem.chars().all(char::is_alphabetic))
    })
}

/// Whether only a space (not a comma or a quotation mark) separates two words.
fn adjacent(text: &str, left: &Word, right: &Word) -> bool {
    const ABBREVIATED_TITLES: &[&str] = &[
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "prof", "lt", "col", "capt",
        "sgt", "det", "insp", "supt", "ch", "jr", "u.s", "u.k",
    ];
    text.get(left.end..right.start).is_some_and(|gap| {
        gap.chars().all(|c| c == ' ' || c == '.' || c == '\u{a0}')
            && (!gap.contains(". ") || ABBREVIATED_TITLES.contains(&left.lower().as_str()))
    })
}

/// Whether the word opens a clause: after a sentence start, a colon, or an opening quote.
fn starts_clause(text: &str, words: &[Word], index: usize, sentence_start: usize) -> bool {
    let before_start = if index == 0 {
        sentence_start
    } else {
        words[index - 1].end
    };
    let gap = text.get(before_start..words[index].start).unwrap_or("");
    gap.contains([':', '"', '“', '‘', '(', '—', '–', '!', '?']) || gap.contains(". ") || index == 0
}

/// The courtesy title among a name's roles: "mr", "mrs", "ms" or "miss".
fn courtesy_title(roles: &[String]) -> Option<&'static str> {
    ["mr", "mrs", "ms", "miss"]
        .into_iter()
        .find(|title| roles.iter().any(|r| r.trim_end_matches('.') == *title))
}

/// Words that name a government department after "Minister for" or "Secretary
/// of State for": "Foreign Affairs", "Housing, Local Government and Heritage".
const DEPARTMENT_WORDS: &[&str] = &[
    "foreign",
    "affairs",
    "home",
    "health",
    "education",
    "justice",
    "defence",
    "defense",
    "finance",
    "transport",
    "housing",
    "local",
    "government",
    "heritage",
    "environment",
    "climate",
    "energy",
    "agriculture",
    "food",
    "marine",
    "fisheries",
    "trade",
    "enterprise",
    "employment",
    "business",
    "industry",
    "culture",
    "arts",
    "media",
    "sport",
    "tourism",
    "communications",
    "social",
    "protection",
    "welfare",
    "work",
    "pensions",
    "rural",
    "community",
    "communities",
    "development",
    "children",
    "equality",
    "integration",
    "youth",
    "disability",
    "security",
    "interior",
    "economy",
    "economic",
    "public",
    "expenditure",
    "reform",
    "higher",
    "further",
    "research",
    "innovation",
    "science",
    "digital",
    "europe",
    "european",
    "overseas",
    "international",
    "immigration",
    "policing",
    "women",
    "veterans",
    "infrastructure",
    "planning",
    "water",
    "treasury",
    "budget",
    "levelling",
    "up",
    "skills",
    "state",
    "the",
    "and",
    "of",
];

/// "Minister for Foreign Affairs Niamh Cullinane", "Secretary of State for Health
/// Wes Streeting": title words, "for" and a department make the office; the name
/// after it is the person's. `None` when the run is not so built or no name follows.
fn person_after_office(run: &[Word], lowers: &[String], offset: usize) -> Option<Vec<NameRun>> {
    let at_for = lowers.iter().position(|w| w == "for")?;
    let office_titles = at_for >= 1
        && lowers[..at_for]
            .iter()
            .all(|w| is_title_not_surname(w) || w == "of" || w == "state");
    if !office_titles || !is_title_not_surname(&lowers[0]) {
        return None;
    }
    let name_at =
        (at_for + 1..lowers.len()).find(|&at| !DEPARTMENT_WORDS.contains(&lowers[at].as_str()))?;
    // The department must have a word, and the name must be one of two to four words.
    let name_words = lowers.len() - name_at;
    if name_at == at_for + 1 || !(2..=4).contains(&name_words) {
        return None;
    }
    let mut person = split_run(&run[name_at..], offset + name_at, false);
    for part in &mut person {
        part.kind = EntityKind::Person;
        let mut roles = lowers[..name_at].to_vec();
        roles.append(&mut part.roles);
        part.roles = roles;
    }
    Some(person)
}

/// Splits a run at "and" unless it is an organisation ("Fire and Rescue Service"),
/// then separates role words from the name.
/// `after_family_noun`: the run follows "mum", "his son", ...: its first part is a
/// person's name even when it looks like a demonym ("son Dylan").
/// What a national service does, before the country it serves ("Police
/// Scotland", "Transport Scotland", "Sport England").
const NATIONAL_SERVICE_WORDS: &[&str] = &[
    "police",
    "transport",
    "traffic",
    "fire",
    "ambulance",
    "health",
    "sport",
    "historic",
    "visit",
    "forestry",
];

/// Whether a service word (lower case) and the name after it make a national
/// service: "police" and "Scotland".
fn names_a_national_service(service: &str, country: &str) -> bool {
    NATIONAL_SERVICE_WORDS.contains(&service) && canonical(country).1 == Some(EntityKind::Place)
}

fn split_run(run: &[Word], offset: usize, after_family_noun: bool) -> Vec<NameRun> {
    let lowers: Vec<String> = run
        .iter()
        .map(|w| w.without_possessive().to_lowercase())
        .collect();
    // "Minister for Foreign Affairs Niamh Cullinane": the office is her role.
    if let Some(person) = person_after_office(run, &lowers, offset) {
        return person;
    }
    // "Transport for Wales", "Department for Transport": a body named for its task;
    // no person's name is "X for Y".
    let named_for_task = lowers.iter().position(|w| w == "for").is_some_and(|at| {
        (at == 1 || ORGANISATION_HEADS.contains(&lowers[at - 1].as_str()))
            && at + 1 < lowers.len()
            && !lowers.iter().any(|w| w == "and")
    });
    // "Reform UK", "Amnesty UK": a name ending in the country code is a body's
    // British arm, never a person.
    let national_arm = lowers.len() >= 2 && lowers.last().is_some_and(|last| last == "uk");
    // "Police Scotland", "Traffic Scotland", "Sport England": a national service
    // named by what it does and the country it serves. "Police" is a title
    // before a person's name only.
    let national_service =
        lowers.len() == 2 && names_a_national_service(&lowers[0], run[1].without_possessive());
    // "Department of Foreign Affairs", "Ministry of Defence": a body's head noun
    // and "of" open the name; the title-like words after them are its remit.
    let head_of_remit =
        lowers.len() >= 3 && lowers[1] == "of" && ORGANISATION_HEADS.contains(&lowers[0].as_str());
    let is_organisation = named_for_task
        || head_of_remit
        || national_arm
        || national_service
        || lowers
            .last()
            .is_some_and(|last| ORGANISATION_HEADS.contains(&last.as_str()))
        || (lowers.len() >= 2
            && lowers
                .last()
                .is_some_and(|last| OPERATOR_HEADS.contains(&last.as_str())));
    // "Wendham General Hospital and Castlebrook Community Hospital": two buildings,
    // each named whole, are two names even when the last word makes the run look
    // like one body's ("Fire and Rescue Service" has no building before "and").
    if is_organisation {
        let text_of = |words: &[Word]| words.iter().map(|w| w.text).collect::<Vec<_>>().join(" ");
        let two_buildings = (1..run.len().saturating_sub(1)).find(|&at| {
            lowers[at] == "and"
                && crate::lexicon::is_building_name(&text_of(&run[..at]))
                && crate::lexicon::is_building_name(&text_of(&run[at + 1..]))
        });
        if let Some(at) = two_buildings {
            let mut parts = split_run(&run[..at], offset, after_family_noun);
            parts.extend(split_run(&run[at + 1..], offset + at + 1, false));
            return parts;
        }
    }
    if !is_organisation {
        // Cut at every "and"/"for" at once (cutting one at a time and recursing on the
        // rest was quadratic on a huge run of names).
        let cuts: Vec<usize> = (0..lowers.len())
            .filter(|&i| lowers[i] == "and" || lowers[i] == "for")
            .collect();
        if !cuts.is_empty() {
            let mut parts = Vec::new();
            let mut from = 0;
            for cut in cuts.into_iter().chain([run.len()]) {
                parts.extend(split_run(
                    &run[from..cut],
                    offset + from,
                    after_family_noun && from == 0,
                ));
                from = cut + 1;
            }
            return parts;
        }
    }
    if run.is_empty() {
        return Vec::new();
    }
    let start = run[0].start;
    let end = run[run.len() - 1].end;
    // A possessive inside the name stays ("St Luke's Hospital"); one closing it goes.
    let last = run.len() - 1;
    let mut whole: Vec<&str> = run
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i < last {
                w.text
            } else {
                w.without_possessive()
            }
        })
        .collect();
    if is_organisation {
        return vec![NameRun {
            name: canonical(&whole.join(" ")).0,
            roles: Vec::new(),
            kind: EntityKind::Organisation,
            female: None,
            start,
            end,
            first_word: offset,
            end_word: offset + run.len(),
            lone_opener: false,
        }];
    }
    // Post-nominals closing the run are roles, not name ("Jonathan Ellery KC"),
    // when a name word stays before them.
    let mut lowers = lowers;
    let mut post_nominals = Vec::new();
    while whole.len() >= 2
        && is_post_nominal(whole[whole.len() - 1])
        && whole[..whole.len() - 1]
            .iter()
            .any(|w| !is_title_not_surname(&w.to_lowercase()) && !is_post_nominal(w))
    {
        whole.pop();
        post_nominals.insert(0, lowers.pop().unwrap_or_default());
    }
    // Role words: everything up to the last title word, when a name follows it.
    let last_title = (0..lowers.len()).rev().find(|&at| is_title_at(&lowers, at));
    let (mut roles, name_words): (Vec<String>, &[&str]) = match last_title {
        Some(position) if position + 1 < whole.len() => {
            (lowers[..=position].to_vec(), &whole[position + 1..])
        }
        _ => (Vec::new(), &whole[..]),
    };
    roles.extend(
        post_nominals
            .into_iter()
            .map(|r| r.trim_end_matches('.').to_string()),
    );
    if name_words
        .iter()
        .all(|w| is_title_not_surname(&w.to_lowercase()))
    {
        return Vec::new();
    }
    let name = name_words.join(" ");
    let (name, gazetteer_kind) = canonical(&name);
    let female = if roles
        .iter()
        .any(|r| FEMALE_TITLES.contains(&r.trim_end_matches('.')))
    {
        Some(true)
    } else if roles
        .iter()
        .any(|r| MALE_TITLES.contains(&r.trim_end_matches('.')))
    {
        Some(false)
    } else {
        None
    };
    // "Leeds Bradford" (the airport), "Dallas Fort Worth": places named together.
    let all_places = name_words
        .iter()
        .all(|w| canonical(w).1 == Some(EntityKind::Place));
    let kind = if !roles.is_empty() {
        EntityKind::Person
    } else if let Some(kind) = gazetteer_kind {
        kind
    } else if all_places {
        EntityKind::Place
    } else if name_words.len() >= 2 && name_words.len() <= 4 {
        EntityKind::Person
    } else {
        EntityKind::Other
    };
    if name_words.len() == 1
        && is_demonym(&name.to_lowercase())
        && roles.is_empty()
        && !after_family_noun
    {
        return Vec::new();
    }
    vec![NameRun {
        name,
        roles,
        kind,
        female,
        start,
        end,
        first_word: offset,
        end_word: offset + run.len(),
        lone_opener: false,
    }]
}

/// The gazetteer's form of a name, and its kind when the gazetteer knows it.
fn canonical(name: &str) -> (String, Option<EntityKind>) {
    let key = fold_key(name)
        .trim_start_matches("the ")
        .trim_end_matches('.')
        .to_string();
    match GAZETTEER.iter().find(|(k, _, _)| *k == key) {
        Some((_, canonical, kind)) => (canonical.to_string(), Some(*kind)),
        None if crate::lexicon::is_country(name) => (name.to_string(), Some(EntityKind::Place)),
        None => (name.to_string(), None),
    }
}

/// Whether the run follows a preposition of place ("in Leeds", "near Halifax");
/// "from" counts only when `with_from` ("a statement from Ann Hale" names a person).
fn follows_locative_preposition(words: &[Word], run: &NameRun, with_from: bool) -> bool {
    run.first_word > 0
        && match words[run.first_word - 1].lower().as_str() {
            "in" | "near" | "at" | "outside" | "into" | "across" => true,
            "from" => with_from,
            "on" => on_names_a_place(words, run),
            _ => false,
        }
}

/// Whether this mention of a name sets it after a preposition of place as a place:
/// "in Corvetto", "near Puerto Alma", but not "in Ana's words" (a possessive) nor
/// "hit out at Kerrigan" (a target, not a place).
fn is_located_mention(words: &[Word], run: &NameRun) -> bool {
    const AIMING_BEFORE_AT: &[&str] = &[
        "out", "aimed", "fired", "shouted", "looked", "pointed", "jeered", "laughed", "swipe",
        "dig", "glared", "smiled", "waved", "angry", "furious",
    ];
    let last = &words[run.end_word - 1];
    let possessive = last.text != last.without_possessive();
    let aimed = run.first_word >= 2
        && words[run.first_word - 1].lower() == "at"
        && AIMING_BEFORE_AT.contains(&words[run.first_word - 2].lower().as_str());
    !possessive && !aimed && follows_locative_preposition(words, run, false)
}

/// "on Islay", "on the A85": "on" places a name, except a platform or programme
/// ("on Telegram", "on Sky News"), a day ("on Christmas Day") or a topic ("talks
/// on Ukraine", "a vote on Brexit").
fn on_names_a_place(words: &[Word], run: &NameRun) -> bool {
    const NOT_PLACE_WORDS: &[&str] = &[
        "facebook",
        "twitter",
        "x",
        "instagram",
        "tiktok",
        "youtube",
        "whatsapp",
        "linkedin",
        "threads",
        "bluesky",
        "reddit",
        "snapchat",
        "weibo",
        "truth",
        "social",
        "sky",
        "itv",
        "cnn",
        "fox",
        "msnbc",
        "abc",
        "nbc",
        "cbs",
        "channel",
        "radio",
        "news",
        "today",
        "breakfast",
        "tv",
        "television",
        "day",
        "eve",
        "night",
        "weekend",
    ];
    const TOPIC_NOUNS: &[&str] = &[
        "talks",
        "vote",
        "votes",
        "debate",
        "deal",
        "agreement",
        "stance",
        "position",
        "views",
        "comments",
        "remarks",
        "statement",
        "briefing",
        "report",
        "inquiry",
        "referendum",
        "focus",
        "ban",
        "tax",
        "sanctions",
        "pressure",
        "war",
        "policy",
        "advice",
        "guidance",
        "update",
        "campaign",
        "crackdown",
        "attack",
        "attacks",
        "bet",
        "spending",
        "decision",
    ];
    let named_by_gazetteer = canonical(&run.name).1.is_some();
    let media_or_day = run
        .name
        .split_whitespace()
        .any(|w| NOT_PLACE_WORDS.contains(&w.to_lowercase().as_str()));
    let after_topic =
        run.first_word >= 2 && TOPIC_NOUNS.contains(&words[run.first_word - 2].lower().as_str());
    !named_by_gazetteer && !media_or_day && !after_topic
}

/// Builds the report's name book from every reporting sentence.
/// "Derek and Pauline Moss": a lone given name joined by "and" to a full name
/// shares its surname, so "Derek" is Derek Moss. The lone name must be one word,
/// not known as a place or a body.
fn partner_sharing_surname(words: &[Word], runs: &[NameRun], run: &NameRun) -> Option<String> {
    let mut tokens = run.name.split_whitespace();
    tokens.next()?;
    let surname = tokens.last()?;
    let and_at = run.first_word.checked_sub(1)?;
    if words[and_at].lower() != "and" {
        return None;
    }
    let partner = runs.iter().find(|other| {
        other.end_word == and_at
            && other.end_word - other.first_word == 1
            && matches!(other.kind, EntityKind::Person | EntityKind::Other)
            && other.roles.is_empty()
    })?;
    Some(format!("{} {surname}", partner.name))
}

pub(crate) fn build_name_book(text: &str, sentences: &[(usize, usize)]) -> NameBook {
    // "QUAKE HELL: 182 DEAD": capitals alone make no person. No name is known
    // while the sentences are first read, so only the report's ordinary-case
    // writing can save a run then.
    let unknown = NameBook {
        ordinary_case: Some(ordinary_case_words(text)),
        ..NameBook::default()
    };
    let mut book = NameBook {
        ordinary_case: unknown.ordinary_case.clone(),
        ..NameBook::default()
    };
    // First names given as someone's relative ("Liam's mum Karen") wait until every
    // full name is known: (first name, family noun, gender, whose relative).
    let mut relatives: Vec<(String, &'static str, Option<bool>, Option<String>)> = Vec::new();
    let read: Vec<(Vec<Word>, Vec<NameRun>)> = sentences
        .iter()
        .map(|&(start, end)| {
            let sentence_words = words(text, start, end);
            let mut runs = name_runs(text, &sentence_words, start);
            let shouted = is_shouted_text(&text[start..end]);
            runs.retain(|run| !is_shouted_word_run(text, shouted, &run.name, &unknown));
            (sentence_words, runs)
        })
        .collect();
    // Organisations and places first, so that no mention of them becomes a person.
    // Whether a firm's own word is its short name reads the whole report: once
    // per name, not once per mention.
    let mut firm_words_read: std::collections::HashSet<(String, String)> =
        std::collections::HashSet::new();
    for (sentence_words, run) in read
        .iter()
        .flat_map(|(sentence_words, runs)| runs.iter().map(move |run| (sentence_words, run)))
    {
        match run.kind {
            EntityKind::Organisation => {
                book.note_non_person(&run.name, EntityKind::Organisation);
                let tokens: Vec<&str> = run.name.split_whitespace().collect();
                if let [bare @ .., last] = tokens.as_slice() {
                    let form = last.trim_end_matches('.').to_lowercase();
                    if !bare.is_empty() && LEGAL_FORMS.contains(&form.as_str()) {
                        book.note_non_person(&bare.join(" "), EntityKind::Organisation);
                    }
                    // "Fairbrook Foods" is "Fairbrook" in later mentions, also
                    // opening a sentence: a firm's own word before its trade.
                    if let [own] = bare {
                        let first_read = firm_words_read.insert((own.to_string(), form.clone()));
                        if first_read && is_short_form_of_firm(text, own, &form) {
                            book.note_non_person(own, EntityKind::Organisation);
                        }
                    }
                }
            }
            EntityKind::Place => book.note_non_person(&run.name, EntityKind::Place),
            // "the tanker Stellar Opal": a ship's name, in every mention.
            _ if follows_a_vessel_noun(sentence_words, run) => {
                book.note_non_person(&run.name, EntityKind::Other);
            }
            // "Downing Street said": a street speaking for those in it, not a person
            // "she" could stand for.
            _ if is_place_shaped(&run.name) => {
                book.note_non_person(&run.name, EntityKind::Place);
            }
            _ => {}
        }
    }
    for (sentence_words, runs) in &read {
        let (sentence_words, runs) = (sentence_words.as_slice(), runs.as_slice());
        for run in runs {
            if run.kind == EntityKind::Person
                && (!run.roles.is_empty() || book.non_person_kind(&run.name).is_none())
            {
                let family = family_noun_before(text, sentence_words, run.first_word);
                if let (Some(&(noun, female, _)), false) = (family, run.name.contains(' ')) {
                    let of = relative_of(sentence_words, runs, run.first_word - 1);
                    relatives.push((run.name.clone(), noun, female, of));
                    continue;
                }
                let mut roles = run.roles.clone();
                roles.extend(appositive_roles(text, sentence_words, run, runs));
                roles.extend(lower_case_roles_before(sentence_words, run));
                // "the plant in Ashby Moor": two capitalised words after "in" with
                // nothing saying they are a person are a place, not a person the
                // rest of the report can refer back to.
                let located = is_located_mention(sentence_words, run);
                if !(located && roles.is_empty() && run.female.is_none()) {
                    book.note(&run.name, &roles, run.female);
                    if let Some(partner) = partner_sharing_surname(sentence_words, runs, run) {
                        book.note(&partner, &[], None);
                    }
                }
            }
        }
    }
    // "a lift in a block of flats in Porta Romana" and, elsewhere, "followed by Porta
    // Romana shortly after": a name the report once sets after a preposition of place,
    // and never gives a title, a role or a gender, is that place in every mention.
    // A surname standing for a person the report names in full ("pin hopes on
    // Trump" beside "Donald Trump") stays that person.
    for (sentence_words, runs) in &read {
        for run in runs {
            if run.kind != EntityKind::Organisation
                && run.roles.is_empty()
                && run.female.is_none()
                && !crate::lexicon::is_building_name(&run.name)
                && is_located_mention(sentence_words, run)
                && book.non_person_kind(&run.name).is_none()
                && book.person(&run.name).is_none_or(|person| {
                    person.roles.is_empty()
                        && person.female.is_none()
                        && fold_key(&person.name) == fold_key(&run.name)
                })
            {
                book.note_non_person(&run.name, EntityKind::Place);
            }
        }
    }
    // Named against the persons the report names itself, so that one relative's
    // guessed name never decides another's.
    let named: Vec<String> = relatives
        .iter()
        .map(|(first_name, noun, _, of)| book.relative_name(first_name, noun, of.as_deref()))
        .collect();
    for ((first_name, noun, female, _), full) in relatives.iter().zip(named) {
        book.note_relative(first_name, &full, noun, *female);
    }
    book
}

/// Whose relative the family noun at `noun` names: the possessive name before it,
/// past at most two adjectives ("Liam Gorton's mother", "Liam's heartbroken mum"),
/// or the name before "whose" ("Karen Gorton, whose son Liam").
fn relative_of(words: &[Word], runs: &[NameRun], noun: usize) -> Option<String> {
    let mut index = noun.checked_sub(1)?;
    for _ in 0..2 {
        let word = &words[index];
        if word.is_capitalised() || word.lower() == "whose" || index == 0 {
            break;
        }
        if word.text != word.without_possessive() || grammar::is_determiner(&word.lower()) {
            break;
        }
        index -= 1;
    }
    let word = &words[index];
    let ends_at = if word.lower() == "whose" {
        index
    } else if word.text != word.without_possessive() {
        index + 1
    } else {
        return None;
    };
    runs.iter()
        .find(|run| run.end_word == ends_at && run.kind != EntityKind::Organisation)
        .map(|run| run.name.clone())
}

/// Lower-case role words right before a name: "Monteraso mayor Lorenzo
/// Bertaccini", "disgraced mayor Lorenzo Bertaccini" give `mayor`; at most three,
/// with nothing between them and the name.
fn lower_case_roles_before(words: &[Word], run: &NameRun) -> Vec<String> {
    let mut roles = Vec::new();
    for word in words[..run.first_word].iter().rev().take(3) {
        let lower = word.lower();
        if !word.text.starts_with(char::is_lowercase) || !is_title_word(&lower) {
            break;
        }
        roles.push(lower);
    }
    roles
}

/// Role words in an appositive after a name: "Imran Qureshi, leader of Leeds City
/// Council, said" gives `leader`, `leeds`, `city`, `council`.
fn appositive_roles(text: &str, words: &[Word], run: &NameRun, runs: &[NameRun]) -> Vec<String> {
    let Some(next) = words.get(run.end_word) else {
        return Vec::new();
    };
    let gap = &text[words[run.end_word - 1].end..next.start];
    let title = if crate::grammar::is_determiner(&next.lower()) {
        words.get(run.end_word + 1)
    } else {
        Some(next)
    };
    if !gap.contains(',') || !title.is_some_and(|t| is_title_word(&t.lower())) {
        return Vec::new();
    }
    let mut roles = Vec::new();
    for (index, word) in words.iter().enumerate().skip(run.end_word).take(8) {
        if index > run.end_word && text[words[index - 1].end..word.start].contains([',', '.', ';'])
        {
            break;
        }
        let lower = word.lower();
        if !crate::grammar::is_determiner(&lower)
            && lower != "of"
            && !runs
                .iter()
                .any(|r| r.first_word == index && r.kind == EntityKind::Person)
        {
            roles.push(lower);
        }
    }
    roles
}

/// "the tanker Stellar Opal", "the container ship Baltic Meridian", "the ferry
/// MV Isle of Lewis": a name right after a word for a vessel is the vessel's.
fn follows_a_vessel_noun(sentence_words: &[Word], run: &NameRun) -> bool {
    const VESSELS: &[&str] = &[
        "ship",
        "tanker",
        "vessel",
        "ferry",
        "freighter",
        "trawler",
        "yacht",
        "boat",
        "carrier",
        "cruiser",
        "liner",
        "barge",
        "tug",
    ];
    run.first_word > 0 && VESSELS.contains(&sentence_words[run.first_word - 1].lower().as_str())
}

/// Names that are places by their shape: counties ("West Yorkshire", "Hampshire"),
/// regions ("East Anglia", "Lower Rhine", "Greater Manchester") and streets and
/// landmarks ("Wharf Lane", "Westminster Bridge").
fn is_place_shaped(name: &str) -> bool {
    const SITES: &[&str] = &[
        "Bridge",
        "Street",
        "Road",
        "Avenue",
        "Lane",
        "Square",
        "Station",
        "Airport",
        "Harbour",
        "Port",
        "Valley",
        "River",
        "Lake",
        "Island",
        "Islands",
        "Spaceport",
        "Beach",
        "Bay",
        // The coast and the sea: "Kelsham Point", "Merrow Channel", "Pentland Firth".
        "Point",
        "Head",
        "Channel",
        "Firth",
        "Strait",
        "Sound",
        "Estuary",
        "Cove",
        // Venues and crossings: "the North Gate", "the Lake Stage", "Custom House Quay".
        "Gate",
        "Stage",
        "Quay",
        "Wharf",
        "Pier",
        "Marina",
        "Crossing",
        "Junction",
        "Pass",
    ];
    // Words that open a place's name in English and in the languages of southern
    // Europe and Latin America: "Port Ardley", "Mount Orzán", "Puerto Alma", "San
    // Bruno", "Praça do Comércio", "Porta Romana".
    const PLACE_OPENERS: &[&str] = &[
        "Port", "Puerto", "Porto", "Mount", "Fort", "Cape", "Isle", "Lake", "Loch", "San", "Santa",
        "Santo", "São", "Sankt", "Praça", "Piazza", "Plaza", "Rua", "Largo", "Avenida", "Calle",
        "Porta", "Las", "Los", "Casal", "Aldeia", "Vila", "Villa",
    ];
    const REGION_WORDS: &[&str] = &[
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Upper",
        "Lower", "Central", "Greater",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    if crate::lexicon::is_road_number(name) {
        return true;
    }
    let county = last.ends_with("shire") && last.len() > 5;
    // "West Yorkshire", and constituencies or districts named "Sallowfield North".
    let region = words.len() == 2
        && (REGION_WORDS.contains(&words[0]) || REGION_WORDS[..4].contains(&words[1]));
    let site = words.len() >= 2 && SITES.contains(last);
    // "Santa Maria Hospital", "Port Talbot Steel": a building or a body in the place.
    let opened = words.len() >= 2
        && PLACE_OPENERS.contains(&words[0])
        && !crate::lexicon::is_building_name(name)
        && !names_its_kind(name);
    county || region || site || opened
}

/// The entities of `text[start..end]`, normalised with the name book.
/// "CalMac", "McLaren", "JetBlue": a capital after a lower-case letter. Shouted
/// words ("TERRIFIED") have no lower case before their capitals.
fn has_inner_capital(word: &str) -> bool {
    word.chars()
        .zip(word.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

pub(crate) fn find_entities(
    text: &str,
    start: usize,
    end: usize,
    sentence_start: usize,
    book: &NameBook,
) -> Vec<Entity> {
    // A sentence cut into many claims is read from a little before each claim, not
    // from its start every time: on a sentence of a megabyte that was quadratic. The
    // words just before the claim are all a name at its start looks back at.
    let sentence_start = context_start(text, sentence_start, start);
    let sentence_words = words(text, sentence_start, end);
    let mut entities: Vec<Entity> = Vec::new();
    let mut place_ended_at = None;
    let shouted = is_shouted_text(&text[sentence_start..end]);
    for run in name_runs(text, &sentence_words, sentence_start) {
        let known = || {
            book.knows_person(&run.name)
                || book.non_person_kind(&run.name) == Some(EntityKind::Organisation)
        };
        if run.start < start || (run.lone_opener && !known()) {
            continue;
        }
        if is_shouted_word_run(text, shouted, &run.name, book) {
            continue;
        }
        // "US$31 million", "A$48 million": the letters name a currency.
        if text[run.end..].starts_with('$') {
            continue;
        }
        let after_preposition = follows_locative_preposition(&sentence_words, &run, true);
        // "Bradford, West Yorkshire", "Armley, Leeds": a name set after a place by a
        // comma locates it.
        // Closed by punctuation, so that "in Leeds, Smith said" keeps Smith a person.
        let closed = text[run.end..]
            .trim_start()
            .chars()
            .next()
            .is_none_or(|c| matches!(c, ',' | '.' | ';' | ')'));
        let locates_place =
            closed && place_ended_at.is_some_and(|end: usize| text[end..run.start].trim() == ",");
        // A name the report shows to be an organisation or a place is one in every
        // mention, unless a title makes this mention a person's.
        let known_non_person = if run.roles.is_empty() {
            book.non_person_kind(&run.name)
        } else {
            None
        };
        let kind = match run.kind {
            _ if is_place_shaped(&run.name) => EntityKind::Place,
            EntityKind::Person | EntityKind::Other if known_non_person.is_some() => {
                known_non_person.unwrap_or(run.kind)
            }
            EntityKind::Person | EntityKind::Other
                if crate::lexicon::is_building_name(&run.name) =>
            {
                EntityKind::Other
            }
            _ if locates_place && book.find(&run.name).is_none() => EntityKind::Place,
            EntityKind::Other if book.find(&run.name).is_some() => EntityKind::Person,
            EntityKind::Other if after_preposition => EntityKind::Place,
            EntityKind::Person
                if after_preposition && run.roles.is_empty() && book.find(&run.name).is_none() =>
            {
                EntityKind::Place
            }
            kind => kind,
        };
        let name = if kind == EntityKind::Person {
            book.complete_titled(&run.name, &run.roles)
        } else {
            run.name.clone()
        };
        place_ended_at = (kind == EntityKind::Place).then_some(run.end);
        let entity = Entity { name, kind };
        if !entities.contains(&entity) {
            entities.push(entity);
        }
    }
    entities
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<(String, Vec<String>, EntityKind)> {
        let ws = words(text, 0, text.len());
        name_runs(text, &ws, 0)
            .into_iter()
            .map(|r| (r.name, r.roles, r.kind))
            .collect()
    }

    #[test]
    fn roles_are_split_from_names() {
        let found =
            runs("US President Donald Trump spoke to Ukrainian President Volodymyr Zelenskyy.");
        assert_eq!(found[0].0, "Donald Trump");
        assert_eq!(found[0].1, ["us", "president"]);
        assert_eq!(found[1].0, "Volodymyr Zelenskyy");
        assert_eq!(found[1].2, EntityKind::Person);
        // An operator's name is a body; the vehicles alone are not.
        assert_eq!(
            runs("Calder Air apologised.")[0].2,
            EntityKind::Organisation
        );
        assert!(runs("Buses will replace trains.")
            .iter()
            .all(|run| run.2 != EntityKind::Organisation));
        assert_eq!(
            runs("Tarrant Valley Water apologised.")[0].2,
            EntityKind::Organisation
        );
        // A shipping line is a body; shipping alone is not.
        assert_eq!(
            runs("Petromar Shipping said the crew were safe.")[0].2,
            EntityKind::Organisation
        );
        assert!(runs("Shipping in the channel was not halted.")
            .iter()
            .all(|run| !matches!(run.2, EntityKind::Organisation | EntityKind::Person)));
        // Places named together are a place.
        assert_eq!(
            runs("It left Leeds Bradford at six.")[0].2,
            EntityKind::Place
        );
        // An occupation or a family description opening a sentence is a title too.
        let found = runs("Plumber Dean Foster, 38, was on board.");
        assert_eq!(found[0].0, "Dean Foster");
        assert_eq!(found[0].1, ["plumber"]);
        let found = runs("Harbourmaster Iain Beaton said the evacuation took an hour.");
        assert_eq!(found[0].0, "Iain Beaton");
        // A word the report also writes in lower case is no first name.
        let found = runs("Patient Keith Brannigan, 67, was due in. The patient waited.");
        assert_eq!(found[0].0, "Keith Brannigan");
        let found = runs("The audit was first published by the Sunday Chronicle.");
        assert_eq!(found[0].0, "Sunday Chronicle");
        // Or in the plural.
        let found = runs("Lifeguard Jo Reid, 41, said the beach was full. The lifeguards ran.");
        assert_eq!(found[0].0, "Jo Reid");
        let found = runs("Seismologist Petra Aurelova said the fault was quiet.");
        assert_eq!(found[0].0, "Petra Aurelova");
        let found = runs("Mum-of-three Jo Reid said it was terrifying.");
        assert_eq!(found[0].0, "Jo Reid");
        assert_eq!(
            runs("Dean Walker said it was terrifying.")[0].0,
            "Dean Walker"
        );
    }

    fn book_of(text: &str) -> NameBook {
        build_name_book(text, &[(0, text.len())])
    }

    #[test]
    fn a_courtesy_title_tells_apart_two_persons_of_one_surname() {
        let text = "Nurse Aoife Brennan flew home. Ms Brennan was first down the steps. \
                    Ms Brennan's mother, Bernadette, had been driven there. \
                    Mrs Brennan said the town had waited.";
        let book = book_of(text);
        let titled = |title: &str| book.complete_titled("Brennan", &[title.to_string()]);
        assert_eq!(titled("ms"), "Aoife Brennan");
        assert_eq!(titled("mrs"), "Bernadette Brennan");
        // With one Brennan in the report, the title decides nothing.
        let book = book_of("Nurse Aoife Brennan flew home. Mrs Brennan said she was glad.");
        assert_eq!(
            book.complete_titled("Brennan", &["mrs".to_string()]),
            "Aoife Brennan"
        );
    }

    #[test]
    fn a_relative_named_by_first_name_takes_the_family_surname() {
        let book = book_of(
            "Tom Rhodes, 19, died in the crash. Tom Rhodes's father, Martin, said he was careful.",
        );
        assert_eq!(book.complete("Martin"), "Martin Rhodes");
        assert_eq!(book.person("Martin").and_then(|p| p.female), Some(false));
        // The relative's own first name is enough when the report names them in full.
        let book = book_of("Ellie Marsh, 7, was hurt. Ellie's devastated gran Joan laid flowers.");
        assert_eq!(book.complete("Joan"), "Joan Marsh");
        let book = book_of("Ava Lund was hurt. Later her daughter Mia Lund spoke.");
        assert_eq!(book.person("Mia Lund").and_then(|p| p.female), Some(true));
        // "whose son Liam": the name before "whose" is the relative.
        let book = book_of("Rosa Kemp, whose son Dylan was hurt, spoke.");
        assert_eq!(book.complete("Dylan"), "Dylan Kemp");
    }

    #[test]
    fn a_relative_keeps_a_first_name_alone_when_the_surname_is_not_implied() {
        // A partner need not share a surname; a possessive pronoun names nobody.
        let book = book_of("Nico Basset died. Nico Basset's partner, Dev, wept.");
        assert_eq!(book.complete("Dev"), "Dev");
        let book = book_of("Nico Basset died. His mother, Anne, wept.");
        assert_eq!(book.complete("Anne"), "Anne");
        assert_eq!(book.person("Anne").and_then(|p| p.female), Some(true));
        // A full name the report gives elsewhere wins over the relative's surname.
        let book = book_of("Sam Kerr, 15, was hurt. Sam's mother, Jo, spoke. Jo Brennan is 44.");
        assert_eq!(book.complete("Jo"), "Jo Brennan");
        // Two relatives of one first name: the first name alone finds neither.
        let book = book_of(
            "Tom Rhodes and Amy Cole died. Tom Rhodes's sister, Kate, and Amy Cole's mother, Kate, spoke.",
        );
        assert_eq!(book.find("Kate"), None);
        assert!(book.find("Kate Rhodes").is_some() && book.find("Kate Cole").is_some());
    }

    fn kinds(text: &str) -> Vec<(String, EntityKind)> {
        let book = book_of(text);
        find_entities(text, 0, text.len(), 0, &book)
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect()
    }

    #[test]
    fn organisations_and_places_shown_as_such_are_no_persons() {
        // An appositive of an organisation noun, closed by a comma.
        let text = "Her employer, Harbour Freight Logistics, was fined.";
        assert!(
            kinds(text).contains(&("Harbour Freight Logistics".into(), EntityKind::Organisation))
        );
        assert!(book_of(text).person("Harbour Freight Logistics").is_none());
        // A site's last word makes a place.
        let text = "The rocket lifted off from Cape Barrow Spaceport at dawn.";
        assert!(kinds(text).contains(&("Cape Barrow Spaceport".into(), EntityKind::Place)));
        // A company's legal form tells its bare name anywhere in the report.
        let text = "Brennan Marsh Holdings Ltd was fined. Later Brennan Marsh Holdings denied it.";
        assert!(kinds(text).contains(&("Brennan Marsh Holdings".into(), EntityKind::Organisation)));
        // "the town of ..." names a place.
        let text = "She grew up in the town of Kirkby Lonsdale. Kirkby Lonsdale is quiet.";
        assert_eq!(
            kinds(text),
            [("Kirkby Lonsdale".to_string(), EntityKind::Place)]
        );
        // The noun may have an "of the" phrase of its own.
        let text = "The operator of the coach, Autoservizi Cadorina, said it was serviced.";
        assert!(kinds(text).contains(&("Autoservizi Cadorina".into(), EntityKind::Organisation)));
        // Not an appositive: "the firm, Tom Ashe said" keeps Tom Ashe a person.
        let text = "She sued the firm, Tom Ashe said.";
        assert!(book_of(text).person("Tom Ashe").is_some());
    }

    #[test]
    fn a_name_once_set_after_a_preposition_of_place_is_that_place_everywhere() {
        let text = "Power came back to Città Studi after 11 p.m. A family was stuck in a lift in Città Studi.";
        assert_eq!(
            kinds(text),
            [("Città Studi".to_string(), EntityKind::Place)]
        );
        // A person the crowd turned on is no place; nor is one with a title.
        let text = "Hopes pinned on Trump. A call between Donald Trump and Kyiv is due.";
        assert!(kinds(text).contains(&("Donald Trump".into(), EntityKind::Person)));
        assert!(!kinds(text).iter().any(|(name, _)| name == "Trump"));
        let text = "Fans hit out at Tom Ashe. Tom Ashe said nothing.";
        assert!(book_of(text).person("Tom Ashe").is_some());
        let text = "Mayor Ana Lopez spoke. Crowds gathered at Ana Lopez's office.";
        assert!(kinds(text).contains(&("Ana Lopez".into(), EntityKind::Person)));
    }

    #[test]
    fn a_capitalised_ordinal_after_the_opens_a_name() {
        let text = "The twister flattened the First Baptist Church on Main Street.";
        assert!(
            kinds(text)
                .iter()
                .any(|(name, _)| name == "First Baptist Church"),
            "{:?}",
            kinds(text)
        );
        // Elsewhere an ordinal is a word: "the first Baptist church in the county".
        let text = "It was the first Baptist church in Tillery County.";
        assert!(!kinds(text)
            .iter()
            .any(|(name, _)| name.starts_with("First")));
    }

    #[test]
    fn place_openers_site_nouns_and_trades_tell_the_kind_of_a_name() {
        let text = "The tanker is being towed to Port Ardley, and lava reached San Bruno.";
        assert_eq!(
            kinds(text),
            [
                ("Port Ardley".to_string(), EntityKind::Place),
                ("San Bruno".to_string(), EntityKind::Place)
            ]
        );
        // A building or a body in the place is no place.
        let text = "She was flown to Santa Maria Hospital.";
        assert_eq!(
            kinds(text),
            [("Santa Maria Hospital".to_string(), EntityKind::Organisation)]
        );
        let text = "Traffic goes over the Kingsmead crossing and the Lisko border crossing.";
        assert_eq!(
            kinds(text),
            [
                ("Kingsmead".to_string(), EntityKind::Place),
                ("Lisko".to_string(), EntityKind::Place)
            ]
        );
        let text = "They were on a tour organised by Dalesway Tours of York, guarded by Alpenwacht Security.";
        let found = kinds(text);
        assert!(
            found.contains(&("Dalesway Tours".into(), EntityKind::Organisation)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Alpenwacht Security".into(), EntityKind::Organisation)),
            "{found:?}"
        );
        // Any country, by its short name or a common alias.
        let text = "The rig came from Chile; the mediators from Qatar and the Ivory Coast.";
        assert!(kinds(text)
            .iter()
            .all(|(_, kind)| *kind == EntityKind::Place));
    }

    #[test]
    fn a_person_of_a_place_is_two_names() {
        let text = "Andrej Halvorin of Velmora and Leyla Demiraj of Drasnia met.";
        let found: Vec<String> = runs(text).into_iter().map(|r| r.0).collect();
        assert_eq!(
            found,
            ["Andrej Halvorin", "Velmora", "Leyla Demiraj", "Drasnia"]
        );
        // A body's or a state's name goes on through "of".
        assert_eq!(
            runs("The Bank of England held rates.")[0].0,
            "Bank of England"
        );
        assert_eq!(
            runs("He flew to the Islamic Republic of Iran.")[0].0,
            "Islamic Republic of Iran"
        );
    }

    #[test]
    fn the_place_a_mayor_serves_is_a_place() {
        let text = "The mayor of San Vigilio di Cadore, Renzo Dal Pont, spoke.";
        assert!(kinds(text).contains(&("San Vigilio di Cadore".into(), EntityKind::Place)));
        assert!(book_of(text).person("Renzo Dal Pont").is_some());
    }

    #[test]
    fn a_double_barrelled_surname_is_one_name() {
        let text =
            "Foreign Minister Ingrid Solberg-Maas hosted. Later Solberg-Maas read a summary.";
        assert_eq!(
            kinds(text),
            [("Ingrid Solberg-Maas".to_string(), EntityKind::Person)]
        );
        assert_eq!(runs("Jean-Luc Picard spoke.")[0].0, "Jean-Luc Picard");
        // Two parties joined by a hyphen stay two names.
        let found: Vec<String> = runs("The Trump-Putin call went well.")
            .into_iter()
            .map(|r| r.0)
            .collect();
        assert_eq!(found, ["Trump", "Putin"]);
    }

    #[test]
    fn a_national_service_is_named_whole() {
        let found = runs("On Tuesday Police Scotland and Traffic Scotland said the road was shut.");
        assert_eq!(found[0].0, "Police Scotland");
        assert_eq!(found[1].0, "Traffic Scotland");
        let found = runs("Police Scotland said the road was shut.");
        assert_eq!(found[0].0, "Police Scotland");
        let found = runs("Police said the road was shut in Scotland.");
        assert_eq!(found[0].0, "Scotland");
        // Before a person's name "Police" is a title.
        let found = runs("On Tuesday Police Chief Anna Berg spoke.");
        assert_eq!(found[0].0, "Anna Berg");
    }

    #[test]
    fn legal_and_police_titles_are_roles() {
        let found = runs("Yesterday Coroner Alan Petrie and Prosecutor Nadia Quist spoke.");
        assert_eq!(found[0].0, "Alan Petrie");
        assert_eq!(found[0].1, ["coroner"]);
        assert_eq!(found[1].0, "Nadia Quist");
        assert_eq!(found[1].1, ["prosecutor"]);
        let found = runs("It was Det Insp Omar Haddad who led the inquiry.");
        assert_eq!(found[0].0, "Omar Haddad");
        assert_eq!(found[0].1, ["det", "insp"]);
    }

    #[test]
    fn clergy_titles_and_ministers_for_a_department_are_roles() {
        let found = runs("Then parish priest Fr Liam Moran rang the bells.");
        assert_eq!(found[0].0, "Liam Moran");
        let found = runs("Minister for Foreign Affairs Niamh Cullinane called it a relief.");
        assert_eq!(found[0].0, "Niamh Cullinane");
        assert_eq!(found[0].2, EntityKind::Person);
        assert_eq!(found[0].1, ["minister", "for", "foreign", "affairs"]);
        let found = runs("Yesterday Secretary of State for Health Anna Reyes spoke.");
        assert_eq!(found[0].0, "Anna Reyes");
        // A body with its remit after "of" is one, whatever title words it holds.
        let found = runs("Qatar mediated, according to the Department of Foreign Affairs.");
        assert_eq!(found[1].0, "Department of Foreign Affairs");
        assert_eq!(found[1].2, EntityKind::Organisation);
        // A body named for its task stays one.
        let found = runs("He works for Transport for Wales in Cardiff.");
        assert_eq!(found[0].0, "Transport for Wales");
    }

    #[test]
    fn post_nominal_letters_are_not_part_of_the_name() {
        let found = runs("The case was opened by Miriam Oduya KC for the Crown.");
        assert_eq!(found[0].0, "Miriam Oduya");
        assert_eq!(found[0].1, ["kc"]);
        let found = runs("Later, Sir Peter Blane QC MP and Alice Ferro OBE arrived.");
        assert_eq!(found[0].0, "Peter Blane");
        assert_eq!(found[0].1, ["sir", "qc", "mp"]);
        assert_eq!(found[1].0, "Alice Ferro");
        let found = runs("He met Thomas Reed Jr. in Boston.");
        assert_eq!(found[0].0, "Thomas Reed");
        // A title before the name is still a title.
        let found = runs("Then Labour MP Dana Whitfield spoke.");
        assert_eq!(found[0].0, "Dana Whitfield");
        assert_eq!(found[0].1, ["labour", "mp"]);
    }

    #[test]
    fn organisations_keep_and_and_sentence_starters_are_dropped() {
        let found = runs("The West Yorkshire Fire and Rescue Service said Leeds was calm.");
        assert_eq!(found[0].0, "West Yorkshire Fire and Rescue Service");
        assert_eq!(found[0].2, EntityKind::Organisation);
        // Two buildings, each named whole, are two names.
        let buildings =
            runs("It runs Wendham General Hospital and Castlebrook Community Hospital.");
        let names: Vec<&str> = buildings.iter().map(|run| run.0.as_str()).collect();
        assert_eq!(
            names,
            ["Wendham General Hospital", "Castlebrook Community Hospital"]
        );
        assert_eq!(found[1].0, "Leeds");
        assert_eq!(found[1].2, EntityKind::Place);
        let found = runs("Gareth Pugh of the Electrical and Engineering Workers' Union spoke.");
        assert_eq!(found[1].0, "Electrical and Engineering Workers Union");
        assert_eq!(found[1].2, EntityKind::Organisation);
    }

    #[test]
    fn names_complete_without_merging_different_people() {
        let text = "Volodymyr Zelenskyy and his wife Olena Zelenska arrived. Mr Zelenskyy's aides and Mr Trump's team met. Donald Trump left.";
        let book = build_name_book(text, &[(0, text.len())]);
        assert_eq!(book.complete("Zelenskyy"), "Volodymyr Zelenskyy");
        assert_eq!(book.complete("Zelenska"), "Olena Zelenska");
        assert_eq!(book.complete("Trump"), "Donald Trump");
        assert_eq!(book.person("Trump").and_then(|p| p.female), Some(false));
        let text = "Mayor Marieke van Dalen spoke. Ana da Silva, 40, lives nearby.";
        let book = build_name_book(text, &[(0, text.len())]);
        assert_eq!(book.complete("Van Dalen"), "Marieke van Dalen");
        assert_eq!(book.complete("Da Silva"), "Ana da Silva");
    }

    #[test]
    fn a_firms_own_word_opening_a_sentence_is_the_firm() {
        let text = "British food maker Fairbrook Foods has recalled 38 sandwiches. Fairbrook halted production on Saturday. Traffic Scotland said the traffic was heavy. Traffic stopped.";
        let book = book_of(text);
        let names_in = |sentence: &str| -> Vec<(String, EntityKind)> {
            let start = text.find(sentence).unwrap();
            find_entities(text, start, start + sentence.len(), start, &book)
                .into_iter()
                .map(|e| (e.name, e.kind))
                .collect()
        };
        assert_eq!(
            names_in("Fairbrook halted production on Saturday."),
            [("Fairbrook".to_string(), EntityKind::Organisation)]
        );
        // A word the report writes in lower case is no firm's own name.
        assert!(names_in("Traffic stopped.").is_empty());
    }

    #[test]
    fn italian_particles_join_a_street_name() {
        let text = "The cemetery on Via dei Pescatori has no plots left.";
        let names: Vec<String> = find_entities(text, 0, text.len(), 0, &NameBook::default())
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["Via dei Pescatori"]);
    }

    #[test]
    fn counties_and_names_that_locate_a_place_are_places() {
        let text = "The mill in Bradford, West Yorkshire, burned. In Leeds, Smith said so.";
        let book = NameBook::default();
        let found: Vec<(String, EntityKind)> = find_entities(text, 0, text.len(), 0, &book)
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect();
        assert!(
            found.contains(&("West Yorkshire".into(), EntityKind::Place)),
            "{found:?}"
        );
        assert!(
            !found.contains(&("Smith".into(), EntityKind::Place)),
            "{found:?}"
        );
        let text = "The fire at Calder Bank Mill on Wharf Lane spread.";
        let found: Vec<(String, EntityKind)> = find_entities(text, 0, text.len(), 0, &book)
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect();
        assert!(
            found.contains(&("Wharf Lane".into(), EntityKind::Place)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Calder Bank Mill".into(), EntityKind::Other)),
            "{found:?}"
        );
    }

    #[test]
    fn a_group_noun_opening_a_sentence_is_not_part_of_a_name() {
        let text = "Members of Unite walked out. Thousands of Londoners marched.";
        let names: Vec<String> = kinds(text).into_iter().map(|(n, _)| n).collect();
        assert!(names.contains(&"Unite".to_string()), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Members")), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Thousands")), "{names:?}");
    }

    #[test]
    fn an_owner_after_a_preposition_of_place_is_a_person() {
        let found = kinds("Officers swooped on Lorenzo Bertaccini's villa at dawn.");
        assert!(
            found
                .iter()
                .any(|(n, k)| n == "Lorenzo Bertaccini" && *k == EntityKind::Person),
            "{found:?}"
        );
    }

    #[test]
    fn a_saint_or_an_institution_keeps_the_possessive_in_its_name() {
        let names =
            |text: &str| -> Vec<String> { kinds(text).into_iter().map(|(n, _)| n).collect() };
        assert_eq!(
            names("The injured were rushed to St Luke's Hospital."),
            ["St Luke's Hospital"]
        );
        assert_eq!(
            names("Pupils at St Oswald's CE Primary School stayed inside."),
            ["St Oswald's CE Primary School"]
        );
        assert_eq!(names("He was taken to Guy's Hospital."), ["Guy's Hospital"]);
        assert_eq!(
            names("The hearing opened at Wexbridge Coroner's Court."),
            ["Wexbridge Coroner's Court"]
        );
        // Any other possessive still ends the name.
        assert_eq!(
            names("Wells Fargo's Ray Tan said Leeds was quiet."),
            ["Wells Fargo", "Ray Tan", "Leeds"]
        );
    }

    #[test]
    fn stressed_figures_are_not_names() {
        let names: Vec<String> = kinds("The final kicked off HALF AN HOUR late at Hampden Park.")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert!(
            !names
                .iter()
                .any(|n| n.contains("HALF") || n.contains("HOUR")),
            "{names:?}"
        );
        // A stressed unit is no name either; a short code still is.
        let names: Vec<String> = kinds("There was a FOOT of snow, the FT reported.")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["FT"]);
        // A stressed verb is no name.
        let names: Vec<String> = kinds("Kaspar was SHOT by a police marksman, the BBC said.")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["BBC"]);
    }

    #[test]
    fn on_places_islands_and_roads_but_not_platforms_days_or_topics() {
        let place = |text: &str, name: &str| {
            kinds(text)
                .iter()
                .any(|(n, k)| n == name && *k == EntityKind::Place)
        };
        assert!(place("A gust was clocked on Islay.", "Islay"));
        assert!(place("He was driving home on the A85 at dusk.", "A85"));
        assert!(place("Queues grew on the M25.", "M25"));
        assert!(!place("She posted the video on Instagram.", "Instagram"));
        assert!(!place("He spoke on Sky News.", "Sky News"));
        assert!(!place("Shops shut on Boxing Day.", "Boxing Day"));
        assert!(!place("Ministers held talks on Brexit.", "Brexit"));
    }

    #[test]
    fn a_name_after_a_settlement_noun_or_a_compass_point_is_a_place() {
        let text = "Waves hit Kilmorie, south of Ardmore, and the island of Tarn.";
        let found: Vec<(String, EntityKind)> =
            find_entities(text, 0, text.len(), 0, &NameBook::default())
                .into_iter()
                .map(|e| (e.name, e.kind))
                .collect();
        assert!(
            found.contains(&("Ardmore".into(), EntityKind::Place)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Tarn".into(), EntityKind::Place)),
            "{found:?}"
        );
    }

    #[test]
    fn a_word_with_a_capital_inside_or_an_acronym_before_a_body_is_a_name_opening_a_sentence() {
        let names = |text: &str| -> Vec<String> {
            find_entities(text, 0, text.len(), 0, &NameBook::default())
                .into_iter()
                .map(|e| e.name)
                .collect()
        };
        assert_eq!(names("CalMac ferries are expected to resume."), ["CalMac"]);
        assert!(names("Ferries are expected to resume.").is_empty());
        assert!(names("TERRIFIED passengers screamed.").is_empty());
        // Capitals before the noun of a body name it.
        assert_eq!(
            names("TMU union boss Gareth Pugh was seething."),
            ["TMU", "Gareth Pugh"]
        );
        assert_eq!(names("SHAMEFUL yobs brought chaos."), Vec::<String>::new());
    }

    #[test]
    fn a_claim_deep_in_a_long_sentence_finds_its_names_from_the_words_before_it() {
        let opening = "Crews searched the channel, ".repeat(60);
        let claim = "the tanker Stellar Opal was struck off Kelsham Point";
        let text = format!("{opening}{claim}.");
        let start = opening.len();
        assert!(
            start > 1_000,
            "the claim must start past the context window"
        );
        let found: Vec<(String, EntityKind)> =
            find_entities(&text, start, text.len() - 1, 0, &book_of(&text))
                .into_iter()
                .map(|e| (e.name, e.kind))
                .collect();
        assert_eq!(
            found,
            [
                ("Stellar Opal".to_string(), EntityKind::Other),
                ("Kelsham Point".to_string(), EntityKind::Place)
            ]
        );
    }

    #[test]
    fn capitals_for_emphasis_are_not_names() {
        let names = |text: &str, sentence: usize| -> Vec<String> {
            let start = text[..sentence].len();
            let end = text[start..].find('.').map_or(text.len(), |e| start + e);
            find_entities(text, start, end, start, &NameBook::default())
                .into_iter()
                .map(|e| e.name)
                .collect()
        };
        let text = "JAILED: TYCOON WHO LET RIVER DIE IN SPILL. Tycoon Ray Dunn was jailed.";
        assert!(names(text, 0).is_empty(), "{:?}", names(text, 0));
        let text = "A GREEDY tycoon was jailed. The NHS said so.";
        assert!(names(text, 0).is_empty(), "{:?}", names(text, 0));
        assert_eq!(names(text, 28), ["NHS"]);
        // A shouted headline keeps a name the report writes in ordinary case.
        let text = "FLOODS IN KREFELD. Water reached Krefeld.";
        assert_eq!(names(text, 0), ["KREFELD"]);
    }

    #[test]
    fn gazetteer_normalises_abbreviations_and_possessives() {
        let text = "Russia's attack hit Kyiv as the U.S. watched.";
        let book = NameBook::default();
        let names: Vec<String> = find_entities(text, 0, text.len(), 0, &book)
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["Russia", "Kyiv", "United States"]);
        let text = "Satellites worth US$31 million were lost in the United States.";
        let names: Vec<String> = find_entities(text, 0, text.len(), 0, &book)
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["United States"], "a dollar's prefix is no place");
    }
}
