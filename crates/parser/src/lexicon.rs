//! The curated lexicon of news predicates and measures.
//!
//! Numbers are only comparable within one measure: "fourteen people are feared dead"
//! and "twelve people were killed" are both `killed`, while "nine injured" is
//! `injured` and must never be compared with them. This table is the one place
//! that says which words name which measure, and which verbs mean the same act.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Words (lower case, inflected forms included) that name a measure, with the
/// measure's canonical name. Multi-word cues ("death toll") are matched on their
/// head word here and checked by callers where needed.
const MEASURE_WORDS: &[(&str, &[&str])] = &[
    (
        "killed",
        &[
            "killed",
            "kill",
            "kills",
            "killing",
            "died",
            "die",
            "dies",
            "dying",
            "dead",
            "death",
            "deaths",
            "toll",
            "fatalities",
            "fatality",
            "perished",
            "lives",
            "bodies",
            "fatally",
        ],
    ),
    (
        "injured",
        &[
            "injured",
            "injuring",
            "injures",
            "injuries",
            "injury",
            "wounded",
            "wounding",
            "hurt",
            "hospitalised",
            "hospitalized",
        ],
    ),
    // Seen by medics at the scene, a wider count than the injured taken to hospital.
    ("treated", &["treated", "treating", "treatment"]),
    ("missing", &["missing", "unaccounted"]),
    (
        "arrested",
        &["arrested", "arrests", "detained", "detentions", "nicked"],
    ),
    (
        "evacuated",
        &[
            "evacuated",
            "evacuation",
            "evacuations",
            "evacuees",
            "displaced",
            "fled",
            "flee",
            "fleeing",
            "homeless",
            // "six villages have been emptied".
            "emptied",
        ],
    ),
    // "pulled out alive", "dug out alive": people brought out of a disaster.
    // Lifted to safety by helicopter counts the rescued too.
    (
        "rescued",
        &[
            "rescued",
            "rescue",
            "saved",
            "alive",
            "airlifted",
            "airlift",
            "winched",
        ],
    ),
    // "1,800 vehicles have now been freed", "firefighters freed 87 people": got
    // out of where they were stuck, a count of its own beside how many were stuck.
    ("freed", &["freed", "freeing"]),
    ("votes", &["votes", "voted", "vote", "ballots"]),
    ("turnout", &["turnout"]),
    // A march's crowd is counted like a match's: how many turned out. Not
    // "protesters": a noun of people says who, and "arrested 40 protesters"
    // counts arrests.
    (
        "attendance",
        &[
            "crowd",
            "attendance",
            "spectators",
            "gate",
            "marched",
            "marching",
            "rallied",
            "streets",
        ],
    ),
    ("support", &["support", "backing", "approval"]),
];

/// Words that say what a length of time is the length of, with the measure's name.
/// A prison term, a ban and a trial are all counted in years or weeks, and are never
/// one measure: "jailed for seven years" does not contradict "banned for ten years".
const DURATION_MEASURE_WORDS: &[(&str, &[&str])] = &[
    (
        "prison term",
        &[
            "jailed",
            "jail",
            "prison",
            "imprisoned",
            "imprisonment",
            "sentence",
            "sentenced",
            "custody",
            "custodial",
            "locked",
        ],
    ),
    (
        "ban",
        &[
            "banned",
            "ban",
            "disqualified",
            "disqualification",
            "barred",
        ],
    ),
    ("trial", &["trial", "hearing"]),
    (
        "strike",
        &[
            "strike",
            "strikes",
            "walkout",
            "walkouts",
            "stoppage",
            "stoppages",
        ],
    ),
    (
        "closure",
        &[
            "closed", "closure", "shut", "shutting", "shuts", "shutdown", "closing", "closes",
        ],
    ),
    (
        "count",
        &["count", "counting", "recount", "recounts", "recounting"],
    ),
    (
        "delay",
        &["delayed", "delay", "delays", "late", "postponed", "pushed"],
    ),
    // Ambulances or flights sent elsewhere, and systems out of use: two lengths of
    // two things in one story ("diverted for 36 hours", "down for four days").
    (
        "diversion",
        &[
            "diverted",
            "diversion",
            "diversions",
            "redirected",
            "rerouted",
        ],
    ),
    ("outage", &["offline", "down", "outage", "outages"]),
    (
        "deliberation",
        &[
            "deliberating",
            "deliberated",
            "deliberation",
            "deliberations",
        ],
    ),
];

/// Words that say which way a distance is measured: an earthquake's depth is not its
/// distance from a town, nor a wave's height the length of a queue.
const DISTANCE_MEASURE_WORDS: &[(&str, &[&str])] = &[
    // "below", "beneath" and "under" name a depth only before the ground or the
    // sea (`quantities::is_below_ground_at`): "5 km below the pass" is where, not
    // how deep.
    ("depth", &["depth", "deep", "underground"]),
    ("height", &["height", "high", "tall"]),
    ("altitude", &["altitude"]),
];

/// Words that say what a sum of money is: a fine and the costs a court orders are
/// both pounds, never one measure.
const MONEY_MEASURE_WORDS: &[(&str, &[&str])] = &[
    ("fine", &["fined", "fine", "fines", "penalty", "penalties"]),
    ("costs", &["costs"]),
    ("compensation", &["compensation", "damages", "payout"]),
    ("bail", &["bail"]),
    // What kidnappers or hackers demand or are paid.
    ("ransom", &["ransom", "ransoms"]),
    ("salary", &["salary", "salaries", "wage", "wages"]),
    // What stolen goods, a cargo or a contract is worth.
    ("value", &["worth", "valued", "value"]),
];

/// Words for unemployment: a rate's name and a word claims share.
const UNEMPLOYMENT_WORDS: &[&str] = &["unemployment", "jobless", "joblessness", "unemployed"];

/// Rates an economy is measured by, stated in per cent: "unemployment at 7.1 per
/// cent" and "the jobless rate rose to 6.8%" give one rate two values.
const RATE_MEASURE_WORDS: &[(&str, &[&str])] = &[
    ("unemployment", UNEMPLOYMENT_WORDS),
    ("inflation", &["inflation"]),
];

/// The rate a word names for a percentage next to it:
/// `rate_measure_of("jobless") == Some("unemployment")`.
pub fn rate_measure_of(word: &str) -> Option<&'static str> {
    RATE_MEASURES.entry_for(word)
}

/// Whether a lower-case word is a role or title that may stand before a person's
/// name ("judge", "captain", "mayor", "prosecutor").
pub fn is_role_word(lower: &str) -> bool {
    crate::entities::is_title_word(lower)
}

/// Whether `word` followed by `next` says the act after it did not happen:
/// "refused to answer", "declined to comment", "failed to inflate".
pub fn refuses_the_act_after(word: &str, next: &str) -> bool {
    const REFUSING: &[&str] = &[
        "refused",
        "refuses",
        "refusing",
        "declined",
        "declines",
        "declining",
        "failed",
        "fails",
        "failing",
    ];
    next.eq_ignore_ascii_case("to")
        && REFUSING
            .iter()
            .any(|refusing| word.eq_ignore_ascii_case(refusing))
}

/// Whether `word` followed by `next` sets the act after it in the future, as a
/// plan, an aim or a hope: "plans to reopen", "aimed to fly again in November",
/// "hopes to sail on Saturday". A hope told as past ("had hoped to") is left
/// to the caller's tense test.
pub fn aims_at_the_act_after(word: &str, next: &str) -> bool {
    const AIMING: &[&str] = &[
        "plans",
        "plan",
        "planned",
        "going",
        "due",
        "expected",
        "set",
        "scheduled",
        "intend",
        "intends",
        "intended",
        "aim",
        "aims",
        "aimed",
        "aiming",
        "hope",
        "hopes",
        "hoping",
    ];
    next.eq_ignore_ascii_case("to") && AIMING.iter().any(|aim| word.eq_ignore_ascii_case(aim))
}

/// Whether a measure is one of the rates of [`rate_measure_of`].
pub fn is_rate_measure(measure: &str) -> bool {
    RATE_MEASURE_WORDS.iter().any(|(name, _)| *name == measure)
}

/// The measure a word names for a sum of money next to it:
/// `money_measure_of("fined") == Some("fine")`.
pub fn money_measure_of(word: &str) -> Option<&'static str> {
    MONEY_MEASURES.entry_for(word)
}

/// The measure a word names for a distance next to it:
/// `distance_measure_of("deep") == Some("depth")`.
pub fn distance_measure_of(word: &str) -> Option<&'static str> {
    DISTANCE_MEASURES.entry_for(word)
}

/// Whether a word of [`distance_measure_of`] is an adjective ("deep", "high"):
/// after a distance it says how it is measured ("60 metres deep"), but before one
/// it mostly describes something else ("came to rest in deep snow 60 metres on").
pub fn is_distance_adjective(word: &str) -> bool {
    ["deep", "high", "tall"]
        .iter()
        .any(|adjective| word.eq_ignore_ascii_case(adjective))
}

/// The measure a word names for a length of time next to it:
/// `duration_measure_of("disqualified") == Some("ban")`.
pub fn duration_measure_of(word: &str) -> Option<&'static str> {
    DURATION_MEASURES.entry_for(word)
}

/// A word table read through a hash index built on first use: the lexicon is asked
/// about every word of every claim, and a scan of the whole table per word was the
/// largest cost of parsing and matching.
struct IndexedTable {
    table: &'static [(&'static str, &'static [&'static str])],
    index: OnceLock<HashMap<&'static str, &'static str>>,
}

impl IndexedTable {
    const fn new(table: &'static [(&'static str, &'static [&'static str])]) -> Self {
        Self {
            table,
            index: OnceLock::new(),
        }
    }

    /// The name of the first entry that lists `word` (any case).
    fn entry_for(&self, word: &str) -> Option<&'static str> {
        let index = self.index.get_or_init(|| {
            let mut index = HashMap::new();
            for (name, words) in self.table {
                for word in *words {
                    index.entry(*word).or_insert(*name);
                }
            }
            index
        });
        if word.chars().any(char::is_uppercase) {
            index.get(word.to_lowercase().as_str()).copied()
        } else {
            index.get(word).copied()
        }
    }
}

static MEASURES: IndexedTable = IndexedTable::new(MEASURE_WORDS);
static MONEY_MEASURES: IndexedTable = IndexedTable::new(MONEY_MEASURE_WORDS);
static DURATION_MEASURES: IndexedTable = IndexedTable::new(DURATION_MEASURE_WORDS);
static DISTANCE_MEASURES: IndexedTable = IndexedTable::new(DISTANCE_MEASURE_WORDS);
static RATE_MEASURES: IndexedTable = IndexedTable::new(RATE_MEASURE_WORDS);
static PREDICATES: IndexedTable = IndexedTable::new(PREDICATE_SYNONYMS);

/// Measures that count what happens to people.
const MEASURES_OF_PEOPLE: &[&str] = &[
    "killed",
    "injured",
    "treated",
    "missing",
    "arrested",
    "evacuated",
    "rescued",
];

/// Whether a measure ([`measure_of`]) counts people: the killed, the injured, the
/// evacuated.
pub fn is_measure_of_people(measure: &str) -> bool {
    MEASURES_OF_PEOPLE.contains(&measure)
}

/// Counted things that are never people (machines, vehicles, buildings), as
/// canonical singular units: "three helicopters" flying casualties are no count of
/// the injured.
const COUNTED_THINGS_NOT_PEOPLE: &[&str] = &[
    "helicopter",
    "aircraft",
    "plane",
    "jet",
    "drone",
    "vehicle",
    "car",
    "lorry",
    "truck",
    "van",
    "bus",
    "coach",
    "ambulance",
    "boat",
    "ship",
    "vessel",
    "lifeboat",
    "train",
    "house",
    "home",
    "building",
    "school",
    "hospital",
];

/// Whether a count's unit names a thing that is never a person.
pub fn is_counted_thing_not_people(unit: &str) -> bool {
    COUNTED_THINGS_NOT_PEOPLE.contains(&unit)
}

/// Words for a part of the people by sex or age, singular and plural.
const PARTS_OF_PEOPLE: &[&str] = &[
    "woman",
    "women",
    "man",
    "men",
    "child",
    "children",
    "boy",
    "boys",
    "girl",
    "girls",
    "teenager",
    "teenagers",
    "adult",
    "adults",
    "baby",
    "babies",
    "infant",
    "infants",
    "pensioner",
    "pensioners",
];

/// The part of the people a lower-case word names ("women" and "woman" name one
/// part), if any.
pub fn part_of_people(word: &str) -> Option<&'static str> {
    let at = PARTS_OF_PEOPLE.iter().position(|part| *part == word)?;
    // Each part is listed as singular then plural.
    Some(PARTS_OF_PEOPLE[at - at % 2])
}

/// The measure a word names, if any: `measure_of("wounded") == Some("injured")`.
pub fn measure_of(word: &str) -> Option<&'static str> {
    MEASURES.entry_for(word)
}

/// Whether a lower-case word is a number word ("twelve", "hundreds", "dozen").
/// The table lives with the number reader in `quantities`.
/// A British or Irish road number ("A85", "M25", "B8000", "A1(M)", "N7"): a road,
/// named by its number alone.
pub fn is_road_number(name: &str) -> bool {
    let name = name.trim_end_matches("(M)");
    let mut chars = name.chars();
    let class_letter = chars
        .next()
        .is_some_and(|c| matches!(c, 'A' | 'B' | 'M' | 'N'));
    let digits = chars.as_str();
    class_letter
        && (1..=4).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
        && !digits.starts_with('0')
}

pub fn is_number_word(lower: &str) -> bool {
    crate::quantities::is_number_name_word(lower)
}

/// The English name of a month, 1 to 12 (the table lives with the date reader).
pub fn month_name(month: u32) -> Option<&'static str> {
    crate::times::month_name(month)
}

/// Verbs of saying and other news predicates that mean the same act, with a
/// canonical lemma. Used to compare claims' predicates and to spot attributions.
const PREDICATE_SYNONYMS: &[(&str, &[&str])] = &[
    // Nouns and verbs that news copy swaps for one another.
    (
        "fire",
        &[
            "fire", "fires", "blaze", "blazes", "inferno", "flames", "flame",
        ],
    ),
    (
        "start",
        &[
            "started", "start", "starts", "began", "begin", "begins", "erupted", "erupt",
        ],
    ),
    (
        "factory",
        &["factory", "factories", "plant", "plants", "works"],
    ),
    ("unemployment", UNEMPLOYMENT_WORDS),
    (
        "earthquake",
        &[
            "earthquake",
            "earthquakes",
            "quake",
            "quakes",
            "tremor",
            "tremors",
            "temblor",
            "temblors",
        ],
    ),
    (
        "landslide",
        &[
            "landslide",
            "landslides",
            "landslip",
            "landslips",
            "mudslide",
            "mudslides",
        ],
    ),
    // Sudden happenings a story is often about (see `STORY_HAPPENINGS`).
    (
        "avalanche",
        &["avalanche", "avalanches", "snowslide", "snowslides"],
    ),
    ("crash", &["crash", "crashes", "crashed"]),
    // "The alarm was raised at 3:40 p.m.", "the alarm went up at about 4:45pm":
    // the call for help a rescue story starts from.
    ("alarm", &["alarm"]),
    ("crush", &["crush", "crushed", "stampede", "stampedes"]),
    (
        "clash",
        &[
            "clash", "clashes", "clashed", "scuffles", "scuffle", "scuffled", "violence", "riot",
            "riots", "rioting",
        ],
    ),
    ("eruption", &["eruption", "eruptions"]),
    (
        "tornado",
        &["tornado", "tornadoes", "tornados", "twister", "twisters"],
    ),
    ("rupture", &["rupture", "ruptures", "ruptured"]),
    ("visit", &["visit", "visits", "visited", "visiting"]),
    // "the seven-hour standoff" and "the nine-hour bank siege" are one event.
    ("siege", &["siege", "sieges", "standoff", "standoffs"]),
    (
        "aircraft",
        &[
            "aircraft",
            "plane",
            "planes",
            "jet",
            "jets",
            "airliner",
            "airliners",
            "airbus",
        ],
    ),
    (
        "pilot",
        &[
            "pilot", "pilots", "captain", "captains", "skipper", "skippers",
        ],
    ),
    (
        "delay",
        &[
            "delayed",
            "delay",
            "delays",
            "postponed",
            "postpone",
            "postpones",
        ],
    ),
    (
        "protect",
        &[
            "protect",
            "protects",
            "protected",
            "shield",
            "shields",
            "shielded",
            "safeguard",
            "safeguards",
            "defend",
            "defends",
            "defended",
        ],
    ),
    (
        "resident",
        &["residents", "resident", "inhabitants", "locals", "citizens"],
    ),
    // Wire copy says "officers" or "police", tabloids "cops".
    (
        "police",
        &[
            "police",
            "officers",
            "cops",
            "cop",
            "policemen",
            "policeman",
            "policewoman",
        ],
    ),
    (
        "town",
        &[
            "towns",
            "town",
            "municipalities",
            "municipality",
            "communities",
            "villages",
        ],
    ),
    (
        "investigation",
        &[
            "investigation",
            "investigations",
            "inquiry",
            "inquiries",
            "probe",
            "probes",
        ],
    ),
    (
        "weapon",
        &["weapons", "weapon", "arms", "weaponry", "munitions"],
    ),
    (
        "collapse",
        &[
            "collapsed",
            "collapse",
            "collapses",
            "caved",
            "crumbled",
            "toppled",
        ],
    ),
    (
        "launch",
        &[
            "launched", "launch", "launches", "opened", "open", "opens", "set",
        ],
    ),
    (
        "approve",
        &[
            "approved",
            "approve",
            "approves",
            "passed",
            "backed",
            "back",
            "backs",
            "adopted",
            "endorsed",
            "supported",
        ],
    ),
    ("ceasefire", &["ceasefire", "truce", "armistice"]),
    (
        "dyke",
        &[
            "dykes",
            "dyke",
            "dikes",
            "dike",
            "levees",
            "levee",
            "embankments",
        ],
    ),
    (
        "package",
        &["package", "plan", "deal", "bill", "programme", "program"],
    ),
    (
        "huge",
        &[
            "largest",
            "biggest",
            "record",
            "massive",
            "huge",
            "unprecedented",
        ],
    ),
    (
        "say",
        &[
            "said",
            "say",
            "says",
            "saying",
            "told",
            "tell",
            "tells",
            "stated",
            "state",
            "states",
            "wrote",
            "write",
            "writes",
            "added",
            "add",
            "adds",
            "noted",
            "note",
            "notes",
            "declared",
            "declares",
            "remarked",
            "explained",
            "explains",
            "commented",
        ],
    ),
    (
        "discuss",
        &[
            "discussed",
            "discuss",
            "discusses",
            "discussing",
            "talked",
            "talk",
            "talks",
            "conversation",
            "conversations",
            "chat",
            "chats",
            "discussion",
            "discussions",
            "call",
            "calls",
            "phoned",
            "spoke",
            "speak",
            "speaks",
        ],
    ),
    (
        "kill",
        &[
            "killed", "kill", "kills", "died", "die", "dies", "dead", "perished",
        ],
    ),
    (
        "injure",
        &["injured", "injure", "injures", "wounded", "wound", "hurt"],
    ),
    (
        "deny",
        &[
            "denied",
            "deny",
            "denies",
            "rejected",
            "rejects",
            "dismissed",
            "dismisses",
        ],
    ),
    ("confirm", &["confirmed", "confirm", "confirms", "verified"]),
    (
        "ask",
        &[
            "asked",
            "ask",
            "asks",
            "requested",
            "request",
            "requests",
            "urged",
            "urge",
            "urges",
        ],
    ),
    ("warn", &["warned", "warn", "warns", "cautioned"]),
    (
        "cancel",
        &[
            "cancelled",
            "canceled",
            "cancel",
            "cancels",
            "cancelling",
            "axed",
            "axing",
            "axe",
            "scrapped",
            "scrapping",
        ],
    ),
    ("agree", &["agreed", "agree", "agrees"]),
    ("meet", &["met", "meet", "meets", "meeting"]),
    (
        "attack",
        &[
            "attacked",
            "attack",
            "attacks",
            "struck",
            "strike",
            "strikes",
            "hit",
            "pummelled",
            "pounded",
            "bombarded",
        ],
    ),
    (
        "halt",
        &[
            "halted",
            "halt",
            "halts",
            "paused",
            "pause",
            "stopped",
            "stop",
            "suspended",
            "suspend",
        ],
    ),
    (
        "resume",
        &["resumed", "resume", "resumes", "restarted", "restart"],
    ),
    (
        "supply",
        &[
            "supplied",
            "supply",
            "supplies",
            "provided",
            "provide",
            "provides",
            "delivered",
            "deliver",
            "sent",
            "send",
            "sell",
            "sold",
        ],
    ),
    (
        "criticise",
        &[
            "criticised",
            "criticized",
            "criticise",
            "criticize",
            "faulted",
            "blamed",
            "blame",
            "condemned",
        ],
    ),
    (
        "praise",
        &["praised", "praise", "touted", "hailed", "lauded"],
    ),
    ("evacuate", &["evacuated", "evacuate", "evacuates"]),
    ("insure", &["insured", "insure", "insures"]),
    (
        "arrest",
        &[
            "arrested", "arrest", "arrests", "detained", "detain", "nicked", "collared",
        ],
    ),
    // Court reporting: the same verdict and sentence in wire, tabloid and local words.
    (
        "jail",
        &[
            "jailed",
            "jail",
            "jails",
            "imprisoned",
            "imprison",
            "imprisonment",
            "sentenced",
            "sentence",
            "sentencing",
        ],
    ),
    (
        "convict",
        &[
            "convicted",
            "convict",
            "convicts",
            "conviction",
            "convictions",
        ],
    ),
    (
        "clear",
        &[
            "cleared",
            "clear",
            "acquitted",
            "acquit",
            "acquittal",
            "exonerated",
        ],
    ),
    (
        "admit",
        &[
            "admitted",
            "admit",
            "admits",
            "admitting",
            "confessed",
            "confess",
        ],
    ),
    (
        "ban",
        &[
            "banned",
            "ban",
            "bans",
            "disqualified",
            "disqualify",
            "disqualification",
            "barred",
        ],
    ),
    ("avoidable", &["avoidable", "preventable"]),
    (
        "explosion",
        &[
            "explosion",
            "explosions",
            "blast",
            "blasts",
            "exploded",
            "explode",
            "explodes",
            "fireball",
        ],
    ),
    ("derail", &["derailed", "derail", "derails", "derailment"]),
    // A boat turned over: "capsized", "overturned", "flipped over".
    (
        "overturn",
        &[
            "overturned",
            "overturn",
            "overturns",
            "overturning",
            "capsized",
            "capsize",
            "capsizes",
            "capsizing",
        ],
    ),
    // Two ships, trains or vehicles meeting: "collided", "the collision".
    (
        "collide",
        &[
            "collided",
            "collide",
            "collides",
            "colliding",
            "collision",
            "collisions",
        ],
    ),
    (
        "increase",
        &[
            "increased",
            "increase",
            "rose",
            "rise",
            "rises",
            "grew",
            "grow",
            "climbed",
            "climb",
            "surged",
            "soared",
            "rocketed",
        ],
    ),
    (
        "decrease",
        &[
            "decreased",
            "decrease",
            "fell",
            "fall",
            "falls",
            "dropped",
            "drop",
            "declined",
            "decline",
            "slumped",
            "slump",
            "plunged",
            "plunge",
            "tumbled",
            "plummeted",
            "sank",
            "slid",
            "dipped",
            "shrank",
        ],
    ),
];

/// Predicates (lemmas of `PREDICATE_SYNONYMS`) that name an act done once, on one
/// day: two reports that give the same act by the same actor different days
/// disagree about when it happened, however differently they word the rest. A
/// fire burns, talks go on and people die over days; a jury convicts once.
const ONE_OFF_ACTS: &[&str] = &[
    "start",
    "approve",
    "convict",
    "jail",
    "clear",
    "admit",
    "ban",
    "arrest",
    "launch",
    "explosion",
    "derail",
    "attack",
    "collide",
    "alarm",
];

/// Predicates (lemmas of `PREDICATE_SYNONYMS`) that name a sudden happening a
/// whole story can be about, and the happening: a collision, a blast, an
/// avalanche, a crush. It
/// happens at one moment, so two reports of one story that put it at different
/// times disagree (see `claimdiff_parser::happening_told`).
const STORY_HAPPENINGS: &[(&str, &str)] = &[
    // A ship "collided" and "the crash happened at 5.40am": one happening.
    ("collide", "crash"),
    ("crash", "crash"),
    ("overturn", "capsizing"),
    ("explosion", "explosion"),
    ("derail", "derailment"),
    ("earthquake", "earthquake"),
    ("landslide", "landslide"),
    ("avalanche", "avalanche"),
    ("collapse", "collapse"),
    ("crush", "crush"),
    ("clash", "clash"),
    ("eruption", "eruption"),
    ("tornado", "tornado"),
    // "The pipeline ruptured late on Sunday": the break of a pipe, a dam or a main.
    ("rupture", "rupture"),
];

/// The sudden happening a story can be about that a canonical predicate names:
/// `story_happening("collide") == Some("crash")`.
pub fn story_happening(lemma: &str) -> Option<&'static str> {
    STORY_HAPPENINGS
        .iter()
        .find(|(l, _)| *l == lemma)
        .map(|&(_, happening)| happening)
}

/// Words that say "not X" in one: "he was unharmed" denies what "he was hurt"
/// states, and says what "he was not hurt" says.
const NEGATED_WORDS: &[(&str, &str)] = &[
    ("unharmed", "hurt"),
    ("unhurt", "hurt"),
    ("uninjured", "injured"),
    ("unscathed", "hurt"),
    ("uninsured", "insured"),
];

/// Verbs after which "open" says "not closed": "the plant will stay open" says
/// what "the plant will not close" says.
const KEEPING_VERBS: &[&str] = &[
    "stay",
    "stays",
    "stayed",
    "staying",
    "remain",
    "remains",
    "remained",
    "remaining",
    "keep",
    "keeps",
    "kept",
];

/// The word a negated word denies (`negated_word(None, "unharmed") ==
/// Some("hurt")`), given the word before it: `negated_word(Some("stay"), "open")
/// == Some("close")`.
pub fn negated_word(previous: Option<&str>, word: &str) -> Option<&'static str> {
    if word == "open" && previous.is_some_and(|p| KEEPING_VERBS.contains(&p)) {
        return Some("close");
    }
    NEGATED_WORDS
        .iter()
        .find(|(negated, _)| *negated == word)
        .map(|(_, denied)| *denied)
}

/// Verbs that say an activity went on ("kept playing", "continued firing",
/// "carried on singing") and verbs that say it ended ("stopped playing", "ceased
/// firing"). Each takes the activity as the "-ing" word after it.
const CONTINUING_VERBS: &[&str] = &[
    "kept",
    "keep",
    "keeps",
    "continued",
    "continues",
    "continue",
];
const STOPPING_VERBS: &[&str] = &[
    "stopped", "stop", "stops", "ceased", "cease", "ceases", "halted", "quit",
];

/// Whether an activity went on or ended, as the verb before it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Continuation {
    WentOn,
    Ended,
}

/// Each activity a sentence says went on or ended, as (its "-ing" word's stem, which
/// it did, the phrase as written): "kept playing", "carried on playing", "played on"
/// (a past tense with "on" after it) went on; "stopped playing" ended. `words` are
/// the sentence's words in lower case.
pub fn continuations(words: &[&str]) -> Vec<(String, Continuation, String)> {
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let next = |k: usize| words.get(i + k).copied().unwrap_or("");
        let activity_at = if CONTINUING_VERBS.contains(word) || STOPPING_VERBS.contains(word) {
            Some(i + 1)
        } else if matches!(
            *word,
            "carried" | "carry" | "carries" | "went" | "go" | "goes"
        ) && next(1) == "on"
        {
            Some(i + 2)
        } else {
            None
        };
        let which = if STOPPING_VERBS.contains(word) {
            Continuation::Ended
        } else {
            Continuation::WentOn
        };
        match activity_at.and_then(|at| Some((at, words.get(at)?))) {
            Some((at, activity)) if activity.ends_with("ing") && activity.len() > 5 => {
                let stem = activity.strip_suffix("ing").unwrap_or(activity).to_string();
                found.push((stem, which, words[i..=at].join(" ")));
            }
            // "played on for 20 minutes"; not "relied on the police".
            _ if word.ends_with("ed")
                && word.len() > 4
                && next(1) == "on"
                && matches!(
                    next(2),
                    "" | "for" | "until" | "after" | "despite" | "while" | "as"
                ) =>
            {
                let stem = word.strip_suffix("ed").unwrap_or(word).to_string();
                found.push((stem, Continuation::WentOn, format!("{word} on")));
            }
            _ => {}
        }
    }
    found
}

/// Words before a number that make it a step on a scale ("level 3", "Category 4");
/// the number's unit is the word.
pub const RATING_SCALES: &[&str] = &["level", "category", "tier", "grade"];

/// Where the act a "stopped short of" denies starts: `Some(i + 3)` when the words
/// at `i` are "stopped short of" ("stopped short of ordering an inquiry" did not
/// order one), in any tense of "stop".
pub fn after_stopping_short<S: AsRef<str>>(lowers: &[S], i: usize) -> Option<usize> {
    let at = |k: usize| lowers.get(k).map(AsRef::as_ref);
    let stops = matches!(at(i), Some("stop" | "stops" | "stopped" | "stopping"));
    (stops && at(i + 1) == Some("short") && at(i + 2) == Some("of")).then_some(i + 3)
}

/// Acts that open and close one state: a notice is issued and later lifted, a
/// road closed and reopened. Two claims naming the two ends give two days of two
/// happenings, however alike the rest of their words.
const OPENING_AND_CLOSING_ACTS: &[(&[&str], &[&str])] = &[
    (
        &[
            "issued",
            "issue",
            "issues",
            "imposed",
            "impose",
            "imposes",
            "introduced",
            "declared",
        ],
        &[
            "lifted",
            "lift",
            "lifts",
            "withdrawn",
            "withdrew",
            "withdraws",
            "scrapped",
            "rescinded",
            "removed",
        ],
    ),
    (
        &[
            "closed",
            "close",
            "closes",
            "shut",
            "suspended",
            "suspends",
            "cancelled",
            "halted",
        ],
        &[
            "reopened", "reopens", "reopen", "resumed", "resumes", "resume", "restored",
        ],
    ),
    (
        &["started", "starts", "began", "begins", "launched"],
        &[
            "ended",
            "ends",
            "finished",
            "finishes",
            "completed",
            "concluded",
        ],
    ),
    (
        &["arrived", "arrives", "landed", "lands"],
        &["departed", "departs", "left", "leaves"],
    ),
];

/// Which end of a state a word names: `Some((pair, false))` for the act that opens
/// it ("issued"), `Some((pair, true))` for the act that closes it ("lifted").
pub fn state_act_end(word: &str) -> Option<(usize, bool)> {
    OPENING_AND_CLOSING_ACTS
        .iter()
        .enumerate()
        .find_map(|(pair, (opening, closing))| {
            if opening.contains(&word) {
                Some((pair, false))
            } else if closing.contains(&word) {
                Some((pair, true))
            } else {
                None
            }
        })
}

/// Whether a canonical predicate names an act done once: `is_one_off_act("convict")`.
pub fn is_one_off_act(lemma: &str) -> bool {
    ONE_OFF_ACTS.contains(&lemma)
}

/// Irregular past tenses and participles with their base form, so that "known"
/// and "know", "tore" and "tear" count as one word when claims are compared.
/// Regular forms ("killed") are left to the stemmer.
const IRREGULAR_FORMS: &[(&str, &[&str])] = &[
    ("slide", &["slid"]),
    ("know", &["knew", "known"]),
    ("break", &["broke", "broken"]),
    ("tear", &["tore", "torn"]),
    ("take", &["took", "taken"]),
    ("give", &["gave", "given"]),
    ("go", &["went", "gone"]),
    ("come", &["came"]),
    ("fall", &["fell", "fallen"]),
    ("rise", &["rose", "risen"]),
    ("begin", &["began", "begun"]),
    ("hold", &["held"]),
    ("make", &["made"]),
    ("find", &["found"]),
    ("leave", &["left"]),
    ("lead", &["led"]),
    ("meet", &["met"]),
    ("send", &["sent"]),
    ("spend", &["spent"]),
    ("build", &["built"]),
    ("bring", &["brought"]),
    ("buy", &["bought"]),
    ("catch", &["caught"]),
    ("fight", &["fought"]),
    ("think", &["thought"]),
    ("win", &["won"]),
    ("lose", &["lost"]),
    ("strike", &["struck", "stricken"]),
    // "fired one shot" and "no shots were fired": the noun is the act.
    ("shoot", &["shot", "shots"]),
    ("see", &["saw", "seen"]),
    ("choose", &["chose", "chosen"]),
    ("drive", &["drove", "driven"]),
    ("fly", &["flew", "flown"]),
    ("freeze", &["froze", "frozen"]),
    ("grow", &["grew", "grown"]),
    ("hide", &["hid", "hidden"]),
    ("keep", &["kept"]),
    ("pay", &["paid"]),
    ("run", &["ran"]),
    ("sink", &["sank", "sunk"]),
    ("sell", &["sold"]),
    ("shake", &["shook", "shaken"]),
    ("speak", &["spoke", "spoken"]),
    ("steal", &["stole", "stolen"]),
    ("stand", &["stood"]),
    ("swear", &["swore", "sworn"]),
    ("throw", &["threw", "thrown"]),
    ("understand", &["understood"]),
    ("wear", &["wore", "worn"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("write", &["wrote", "written"]),
    ("become", &["became"]),
    ("beat", &["beaten"]),
    ("blow", &["blew", "blown"]),
    ("deal", &["dealt"]),
    ("draw", &["drew", "drawn"]),
    ("feel", &["felt"]),
    ("flee", &["fled"]),
    ("forget", &["forgot", "forgotten"]),
    ("get", &["got", "gotten"]),
    ("hang", &["hung"]),
    ("hear", &["heard"]),
    ("mean", &["meant"]),
    ("seek", &["sought"]),
    ("stick", &["stuck"]),
    ("sweep", &["swept"]),
    ("teach", &["taught"]),
    ("uphold", &["upheld"]),
];

/// The base form of an irregular past tense or participle: `irregular_base("known")
/// == Some("know")`.
pub fn irregular_base(lower: &str) -> Option<&'static str> {
    IRREGULAR_FORMS
        .iter()
        .find(|(_, forms)| forms.contains(&lower))
        .map(|(base, _)| *base)
}

/// The canonical predicate of a word, if the lexicon knows it:
/// `canonical_predicate("told") == Some("say")`.
pub fn canonical_predicate(word: &str) -> Option<&'static str> {
    PREDICATES.entry_for(word)
}

/// Lemmas of [`canonical_predicate`] that name things, not acts: a word of theirs
/// in a verb's place ("did not fire tear gas", "will police the march") is another
/// word, the verb.
pub fn is_noun_lemma(lemma: &str) -> bool {
    matches!(
        lemma,
        "fire"
            | "factory"
            | "earthquake"
            | "landslide"
            | "aircraft"
            | "resident"
            | "police"
            | "town"
            | "weapon"
            | "dyke"
            | "package"
    )
}

/// Phrasal verbs whose meaning is not their verb's: (verb forms, particle, lemma).
/// "The fire broke out" is "the fire started", not a breaking.
const PHRASAL_PREDICATES: &[(&[&str], &str, &str)] = &[
    (
        &["break", "breaks", "broke", "broken", "breaking"],
        "out",
        "start",
    ),
    (&["put", "puts", "putting"], "out", "extinguish"),
    (&["vote", "votes", "voted", "voting"], "through", "approve"),
    (&["rule", "rules", "ruled", "ruling"], "out", "exclude"),
    (
        &["flip", "flips", "flipped", "flipping"],
        "over",
        "overturn",
    ),
    (&["call", "calls", "called", "calling"], "off", "cancel"),
    (
        &[
            "push", "pushes", "pushed", "pushing", "put", "puts", "putting",
        ],
        "back",
        "delay",
    ),
    (&["shut", "shuts", "shutting"], "down", "close"),
    // "has still not set foot in Port Hallett": has not visited it.
    (&["set", "sets", "setting"], "foot", "visit"),
    (&["lock", "locks", "locked", "locking"], "up", "jail"),
    (&["find", "finds", "found", "finding"], "guilty", "convict"),
    (
        &["plead", "pleads", "pleaded", "pled", "pleading"],
        "guilty",
        "admit",
    ),
    (&["walk", "walks", "walked", "walking"], "free", "clear"),
    // "Two ships smashed into each other", "a lorry crashed into a bus".
    (
        &[
            "smash", "smashes", "smashed", "crash", "crashes", "crashed", "slam", "slammed",
        ],
        "into",
        "collide",
    ),
    // "The span gave way": it collapsed.
    (
        &["give", "gives", "gave", "given", "giving"],
        "way",
        "collapse",
    ),
    // "The race was cut short": it was shortened.
    (&["cut", "cuts", "cutting"], "short", "shorten"),
    // An alarm or a siren "went off": it sounded.
    (&["go", "goes", "went", "gone", "going"], "off", "sound"),
    (
        &[
            "turn", "turns", "turned", "turning", "switch", "switched", "shut",
        ],
        "off",
        "switch off",
    ),
];

/// The canonical predicate of a verb and the particle after it, if the pair is a
/// phrasal verb the lexicon knows: `phrasal_predicate("broke", "out") == Some("start")`.
pub fn phrasal_predicate(verb: &str, particle: &str) -> Option<&'static str> {
    // Asked for every word of compared claims: no allocation.
    PHRASAL_PREDICATES
        .iter()
        .find(|(forms, p, _)| {
            p.eq_ignore_ascii_case(particle) && forms.iter().any(|f| f.eq_ignore_ascii_case(verb))
        })
        .map(|(_, _, lemma)| *lemma)
}

/// Verbs that introduce speech or writing ("X said", "according to X" is handled apart).
pub fn is_speech_verb(word: &str) -> bool {
    const EXTRA: &[&str] = &[
        "announced",
        "announces",
        "claimed",
        "claims",
        "insisted",
        "insists",
        "argued",
        "argues",
        "suggested",
        "suggests",
        "reported",
        "reports",
        "posted",
        "posts",
        "tweeted",
        "tweets",
        "asked",
        "asks",
        "replied",
        "replies",
        // Tabloid speech verbs, nearly always before or after a quotation.
        "fumed",
        "raged",
        "thundered",
        "roared",
        "snapped",
        "sobbed",
        "gushed",
        "crowed",
        "boasted",
        "bragged",
        "scoffed",
        "sneered",
        "ranted",
        "moaned",
        "blasted",
        "blasts",
        "slammed",
        "slams",
        "answered",
        "continued",
        "confirmed",
        "confirms",
        "denied",
        "denies",
        "warned",
        "warns",
        "admitted",
        "admits",
        "acknowledged",
        "acknowledges",
        "recalled",
        "recalls",
        "conceded",
        "concedes",
        "estimated",
        "estimates",
        "predicted",
        "predicts",
        "promised",
        "promises",
        "vowed",
        "vows",
        "urged",
        "urges",
        "stressed",
        "stresses",
        "emphasised",
        "emphasized",
        "observed",
        "quipped",
        "joked",
        "shouted",
        "whispered",
        "testified",
        "briefed",
        "called",
        "calls",
        // An outlet's own sourcing: "The Sun can reveal", "the BBC understands".
        "reveal",
        "reveals",
        "revealed",
        "understands",
    ];
    canonical_predicate(word) == Some("say") || EXTRA.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deaths_and_injuries_are_distinct_measures() {
        assert_eq!(phrasal_predicate("broke", "out"), Some("start"));
        assert_eq!(phrasal_predicate("broke", "down"), None);
        assert_eq!(
            phrasal_predicate("pushed", "back"),
            canonical_predicate("delayed")
        );
        assert_eq!(phrasal_predicate("found", "guilty"), Some("convict"));
        assert_eq!(
            phrasal_predicate("set", "foot"),
            canonical_predicate("visited")
        );
        assert_eq!(phrasal_predicate("SMASHED", "into"), Some("collide"));
        assert_eq!(canonical_predicate("collision"), Some("collide"));
        // A boat "capsized" or "overturned": one happening of a story.
        assert_eq!(canonical_predicate("capsized"), Some("overturn"));
        assert_eq!(canonical_predicate("overturned"), Some("overturn"));
        assert_eq!(story_happening("overturn"), Some("capsizing"));
        assert!(is_one_off_act("convict") && !is_one_off_act("fire"));
        // A ship strikes the rocks, a gang strikes a museum, once.
        assert_eq!(canonical_predicate("struck"), Some("attack"));
        assert!(is_one_off_act("attack"));
        assert_eq!(canonical_predicate("convicted"), Some("convict"));
        assert_eq!(
            phrasal_predicate("locked", "up"),
            canonical_predicate("jailed")
        );
        assert_eq!(
            phrasal_predicate("walked", "free"),
            canonical_predicate("cleared")
        );
        assert_eq!(measure_of("dead"), Some("killed"));
        assert_eq!(measure_of("Killed"), Some("killed"));
        assert_eq!(measure_of("fatalities"), Some("killed"));
        assert_eq!(measure_of("wounded"), Some("injured"));
        assert_ne!(measure_of("injured"), measure_of("killed"));
        assert_eq!(measure_of("minutes"), None);
    }

    #[test]
    fn saying_verbs_share_one_predicate() {
        assert_eq!(canonical_predicate("told"), Some("say"));
        assert_eq!(canonical_predicate("wrote"), canonical_predicate("stated"));
        assert_eq!(
            canonical_predicate("discussed"),
            canonical_predicate("talked")
        );
        assert_eq!(canonical_predicate("captain"), canonical_predicate("pilot"));
        assert_eq!(
            canonical_predicate("skipper"),
            canonical_predicate("captain")
        );
        assert_eq!(
            canonical_predicate("plane"),
            canonical_predicate("aircraft")
        );
        assert!(is_speech_verb("tweeted"));
        assert!(is_speech_verb("slammed"));
        assert!(!is_speech_verb("walked"));
    }

    #[test]
    fn road_numbers_are_a_class_letter_and_up_to_four_digits() {
        for road in ["A85", "A816", "M25", "B8000", "A1(M)", "N7"] {
            assert!(is_road_number(road), "{road}");
        }
        for other in ["A", "A05", "Z12", "M12345", "AB12", "Anna"] {
            assert!(!is_road_number(other), "{other}");
        }
    }

    #[test]
    fn activities_go_on_or_end() {
        let read = |text: &str| {
            let words: Vec<&str> = text.split_whitespace().collect();
            continuations(&words)
                .into_iter()
                .map(|(stem, which, _)| (stem, which))
                .collect::<Vec<_>>()
        };
        let went_on = |stem: &str| vec![(stem.to_string(), Continuation::WentOn)];
        assert_eq!(
            read("the band kept playing for 20 minutes"),
            went_on("play")
        );
        assert_eq!(read("they played on for 20 minutes"), went_on("play"));
        assert_eq!(read("the singers carried on singing"), went_on("sing"));
        assert_eq!(
            read("the band stopped playing mid-song"),
            vec![("play".to_string(), Continuation::Ended)]
        );
        assert!(read("the police relied on the stewards").is_empty());
    }
}

/// Names of buildings ("Calder Bank Mill", "Grenfell Tower", "First Baptist
/// Church"): neither people nor places a report would swap for another town; the
/// matcher sets two of one kind against each other (`building_conflict`).
pub fn is_building_name(name: &str) -> bool {
    const BUILDINGS: &[&str] = &[
        "Mill",
        "Tower",
        "Hall",
        "Church",
        "Cathedral",
        "Stadium",
        "Palace",
        "Castle",
        "House",
        "Hospital",
        "Infirmary",
        "School",
        "Centre",
        "Center",
        "Building",
        "Estate",
        "Park",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2 && words.last().is_some_and(|w| BUILDINGS.contains(w))
}

/// Whether a lower-case noun names a kind of site that a proper name before it
/// can pick out: "the Tricastin nuclear plant", "the Ardmoyle prison".
pub fn is_site_noun(word: &str) -> bool {
    const SITES: &[&str] = &[
        "plant", "station", "mine", "factory", "refinery", "reactor", "hospital", "school",
        "airport", "prison", "mill", "church", "stadium", "dam", "works",
    ];
    SITES.contains(&word)
}

/// Country names that are as often given names or surnames ("Jordan Reid",
/// "Chad Mills", "Georgia Hale"): alone they are left to the report's other cues.
const COUNTRIES_ALSO_GIVEN_NAMES: &[&str] = &["jordan", "chad", "georgia", "jersey"];

/// Every country's short name and common aliases, folded ("peru", "netherlands",
/// "ivory coast", "north korea"), each with its ISO 3166-1 alpha-2 code, from the
/// tables of the celes crate.
fn country_names() -> &'static std::collections::HashMap<String, &'static str> {
    use celes::LookupTable;
    static NAMES: OnceLock<std::collections::HashMap<String, &'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = std::collections::HashMap::new();
        for country in celes::Country::get_countries() {
            names.insert(fold_country(country.long_name), country.alpha2);
            for alias in country.aliases.iter() {
                names.insert(fold_country(&split_camel_case(alias)), country.alpha2);
            }
        }
        names.retain(|name, _| !COUNTRIES_ALSO_GIVEN_NAMES.contains(&name.as_str()));
        names
    })
}

/// "UnitedKingdom" -> "United Kingdom": the tables write aliases without spaces.
fn split_camel_case(alias: &str) -> String {
    let mut spaced = String::with_capacity(alias.len() + 4);
    for (index, c) in alias.char_indices() {
        if index > 0 && c.is_uppercase() {
            spaced.push(' ');
        }
        spaced.push(c);
    }
    spaced
}

fn fold_country(name: &str) -> String {
    let folded = deunicode::deunicode(name).to_lowercase();
    let folded = folded.trim().trim_end_matches('.');
    folded.strip_prefix("the ").unwrap_or(folded).to_string()
}

/// Whether a name is a country's: "Peru", "the Netherlands", "Ivory Coast",
/// "Türkiye". A country names where something is, never a town that another town
/// could stand in for.
pub fn is_country(name: &str) -> bool {
    country_code(name).is_some()
}

/// The country a nationality word names ("Dutch" -> "NL", "Belgian" -> "BE"), as
/// its ISO 3166-1 alpha-2 code, from the nationality table of the keshvar crate
/// (celes, which gives the countries' names, has none). A word several territories
/// share ("Dutch", "French") names the most populous of them.
pub fn nationality_country_code(word: &str) -> Option<&'static str> {
    static CODES: OnceLock<std::collections::HashMap<String, (u64, String)>> = OnceLock::new();
    let codes = CODES.get_or_init(|| {
        let mut codes: std::collections::HashMap<String, (u64, String)> =
            std::collections::HashMap::new();
        for country in keshvar::CountryIterator::new() {
            let Some(nationalities) = country.maybe_nationality() else {
                continue;
            };
            let population = country.maybe_population().unwrap_or(0);
            let code = format!("{:?}", country.alpha2());
            // "Antiguan, Barbudan": one word for each part of the country.
            for nationality in nationalities.split(", ") {
                let entry = codes
                    .entry(nationality.to_lowercase())
                    .or_insert((population, code.clone()));
                if population > entry.0 {
                    *entry = (population, code.clone());
                }
            }
        }
        codes
    });
    codes
        .get(&word.to_lowercase())
        .map(|(_, code)| code.as_str())
}

/// A country's ISO 3166-1 alpha-2 code, one for all its names ("Holland" and "the
/// Netherlands" are both "NL"); `None` for any other name.
pub fn country_code(name: &str) -> Option<&'static str> {
    country_names().get(&fold_country(name)).copied()
}

#[cfg(test)]
mod country_tests {
    use super::{country_code, is_country, nationality_country_code};

    #[test]
    fn countries_by_short_name_alias_or_article() {
        for name in [
            "Peru",
            "the Netherlands",
            "Holland",
            "Ivory Coast",
            "Türkiye",
            "North Korea",
            "Marshall Islands",
        ] {
            assert!(is_country(name), "{name}");
        }
        // Given names and towns are not countries.
        for name in ["Jordan", "Chad", "Lima", "Leeds", "Santa Rosa"] {
            assert!(!is_country(name), "{name}");
        }
        assert_eq!(country_code("Holland"), country_code("the Netherlands"));
        assert_eq!(nationality_country_code("Dutch"), country_code("Holland"));
        assert_eq!(nationality_country_code("French"), country_code("France"));
        assert_eq!(nationality_country_code("belgian"), country_code("Belgium"));
        assert_eq!(nationality_country_code("Munich"), None);
        assert_ne!(country_code("Belgium"), country_code("the Netherlands"));
    }
}
