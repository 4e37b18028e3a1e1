//! Page furniture: which lines of a page are not reporting.
//!
//! Real pages carry navigation ("Skip to main content"), share and ad lines,
//! bylines, timestamps, photo captions with credits ("(Reuters: Name)",
//! "Image: Supplied"), box labels ("In short:"), headings and a lone agency
//! name. A caption must never become a claim, so a line that ends in a photo
//! credit is a caption as a whole, and the image description just before it
//! (alt text: a present-tense scene, "A cloud of smoke rises ...") goes with it.
//! Reporting lines may also open with furniture that is cut off rather than
//! dropped: a live-blog timestamp, a bullet, a box label, a wire dateline.

use std::sync::LazyLock;

use regex::Regex;

use crate::grammar;
use crate::model::NoiseKind;
use crate::pubdate;

/// One line of the report: its span, whether it is furniture, and where its
/// reporting text starts once a leading timestamp, bullet, label or dateline is cut.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub start: usize,
    pub end: usize,
    pub content_start: usize,
    pub noise: Option<NoiseKind>,
}

const NAVIGATION: &[&str] = &[
    "skip to main content",
    "skip to content",
    "skip to navigation",
    "main menu",
    "menu",
    "search",
    "home",
    "sign in",
    "log in",
    "subscribe",
    "newsletter",
    "newsletters",
    "listen to this article",
    "listen",
    "copy link",
    "comments",
    "show comments",
    "back to top",
    "next",
    "previous",
    "loading",
    "watch",
    "watch live",
    "play video",
    "video",
    "audio",
    "image",
    "photo",
    "live",
    "live updates",
    "key event",
    "key events",
    "show key events only",
    "pinned",
    "pinned post",
    "most read",
    "most popular",
    "more on this story",
    "related stories",
    "related articles",
    "related",
    "read more",
    "topics",
    "tags",
    "breaking",
    "summary",
    "top stories",
    "latest",
    "open image in gallery",
    "enlarge image",
    "expand",
    "close",
    "cookie settings",
    "accept all cookies",
];
const SHARE: &[&str] = &[
    "share",
    "share this article",
    "share this",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share on whatsapp",
    "share via email",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "email",
    "print",
    "linkedin",
    "telegram",
    "reddit",
    "share page",
    "copy link to clipboard",
];
const ADVERTISEMENT: &[&str] = &[
    "advertisement",
    "advertisements",
    "ad",
    "sponsored",
    "promoted",
];
const BOX_LABELS: &[&str] = &[
    "in short",
    "key points",
    "what's next",
    "what’s next",
    "what's next?",
    "at a glance",
    "the big picture",
    "why it matters",
    "the details",
    "catch up",
    "what we know",
    "what you need to know",
    "key facts",
];
/// News agencies, photo agencies and wires, as they appear alone or in credits.
pub(crate) const AGENCIES: &[&str] = &[
    "reuters",
    "ap",
    "afp",
    "associated press",
    "agence france-presse",
    "dpa",
    "pa",
    "pa media",
    "pa wire",
    "bloomberg",
    "anp",
    "efe",
    "ansa",
    "getty images",
    "getty",
    "epa",
    "epa-efe",
    "ukrinform",
    "tass",
    "xinhua",
    "aap",
    "abc news",
    "bbc news",
];

static LINK_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:sign up|subscribe|follow us|download our app|get our|have your say|join our|listen to our|watch our)\b.{0,120}$|(related|related stories|related articles|related coverage|read more|see also|watch|listen|more|more on this|sign up|follow us|topics|tags|more on this story|read next|recommended|also read|more from|explore more)\s*[:\-–—|])").unwrap()
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:By|BY|Words by|Written by|Reporting by|Report by)\s+[\p{Lu}][\p{L}'’.\-]+(?:\s+(?:[\p{Lu}][\p{L}'’.\-]+|and|&|de|van|von|der|al))*\s*(?:[,|–—\-]\s*.*)?$").unwrap()
});
static REPORTING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|produced)\s+by\b",
    )
    .unwrap()
});
/// "Comments (27)", "27 comments", "View comments".
static COMMENT_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:view |show |read )?comments?\s*(?:\(\d+\))?|\d+\s+comments?)$").unwrap()
});
/// A page speaking to its readers about itself: "What do YOU think? Tell us in
/// the comments.", "Entries are shown oldest first.", "We are pausing our live
/// coverage here. Thank you for following."
static READER_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:tell|let) us (?:know )?in the comments|join the (?:debate|conversation)|thanks? (?:you )?for following|(?:pausing|ending|closing|wrapping up) (?:our|this|the) (?:live )?(?:coverage|blog|page)|this live (?:blog|page|coverage) (?:has ended|is (?:now )?closed)|entries are (?:shown|listed) (?:oldest|newest|latest) first|all times (?:are|in) |refresh (?:this page|for (?:the latest )?updates))\b").unwrap()
});
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").unwrap());
static TIMESTAMP_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:published|updated|posted|first published|last updated|last modified|modified|date)\b[:\s]*|\d+\s*(?:s|sec|secs|m|min|mins|h|hr|hrs|hours?|minutes?|days?|d)\s+ago\b|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\b[,\s]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b,?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}\b|\d+\s*(?:s|m|min|mins|h|hr|hrs|d)\s*$|\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:[A-Z]{2,4}T?|[A-Z]{3,4})?\s*$)").unwrap()
});
/// A live-blog timestamp opening a line: "09:14 BST", "10.02am", "2m ago", "Key event".
static LEADING_TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:key event|pinned post|breaking|update)\s*[:\-–—]?\s*)?(?:\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*(?:BST|GMT|CET|CEST|EST|EDT|PST|PDT|UTC|EET|EEST|AEST|AEDT))?|\d+\s*(?:m|min|mins|h|hr|hrs)\s+ago)\s*(?:[:\-–—|]\s*)?").unwrap()
});
/// A parenthesised photo credit at the end of a line: "(Reuters: Alina Smutko)",
/// "(Supplied)", "(Ukrainian Presidential Press Service/Handout via Reuters)".
static TRAILING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(\s*(?:[^()]*:[^()]*|[^()]*\b(?:via|handout|supplied|getty|reuters|afp|ap photo|epa|pa wire|pa media|photo|picture|image|file|credit)\b[^()]*)\)\s*$").unwrap()
});
/// A credit label: "Photo: X", "Image: Supplied", "Picture: PA", "Credit: ...".
static CREDIT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[.!?]\s+|\s[|–—-]\s)(?:photo|photograph|picture|image|credit|pic|photo credit|image source|image caption|caption|source: getty)\s*(?:by)?\s*[:,]\s*\S").unwrap()
});
static BULLET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:[•*▪►●◦‣·]|-|–|—)\s+").unwrap());

/// Splits `text` into lines and classifies each.
pub(crate) fn classify_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for raw in text.split('\n') {
        let start = offset;
        let end = offset + raw.len();
        offset = end + 1;
        let (start, end) = crate::text::trim_span(text, start, end);
        if start == end {
            continue;
        }
        let line = &text[start..end];
        let noise = classify_line(line);
        let content_start = if noise.is_none() {
            start + content_offset(line)
        } else {
            start
        };
        lines.push(Line {
            start,
            end,
            content_start,
            noise,
        });
    }
    mark_masthead(text, &mut lines);
    mark_headings(text, &mut lines);
    mark_alt_text(text, &mut lines);
    mark_related_links(text, &mut lines);
    lines
}

/// Labels that open a list of links to other stories.
const LINK_LIST_LABELS: &[&str] = &[
    "related stories",
    "related articles",
    "related",
    "read more",
    "more on this story",
    "most read",
    "most popular",
    "top stories",
    "latest",
    "related coverage",
    "more from",
    "recommended",
    "read next",
];

/// After a "Related stories" label, the following title-like lines (no closing
/// full stop) are links to other stories, not reporting.
fn mark_related_links(text: &str, lines: &mut [Line]) {
    let mut in_list = false;
    for line in lines.iter_mut() {
        let body = &text[line.start..line.end];
        if line.noise.is_some() {
            in_list = LINK_LIST_LABELS.contains(&normalised_label(body).as_str())
                || (in_list && line.noise == Some(NoiseKind::Link));
            continue;
        }
        let title_like = !body.trim_end().ends_with(['.', '!', '"', '”'])
            && body.split_whitespace().count() <= 16;
        if in_list && title_like {
            line.noise = Some(NoiseKind::Link);
        } else {
            in_list = false;
        }
    }
}

/// A masthead ("RHEIN EXPRESS", "RWF English") opens some pages: a very short first
/// line without a verb, followed by another title-like line (the headline).
fn mark_masthead(text: &str, lines: &mut [Line]) {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].noise.is_none())
        .take(2)
        .collect();
    let [first, second] = content[..] else {
        return;
    };
    let title_like = |line: &Line| {
        !text[line.content_start..line.end]
            .trim_end()
            .ends_with(['.', '!', '?', '"', '”', ':'])
    };
    let first_words = crate::text::words(text, lines[first].content_start, lines[first].end);
    let short = first_words.len() <= 3
        && !first_words
            .iter()
            .any(|w| grammar::looks_like_verb(&w.lower()))
        && !text[lines[first].content_start..lines[first].end]
            .chars()
            .any(|c| c.is_ascii_digit());
    // A tabloid's headline may shout: "DEATH ON A PLATTER!".
    let headline_like = |line: &Line| {
        title_like(line) || text[line.content_start..line.end].trim_end().ends_with('!')
    };
    if short && title_like(&lines[first]) && headline_like(&lines[second]) {
        lines[first].noise = Some(NoiseKind::Heading);
    }
}

fn normalised_label(line: &str) -> String {
    line.trim()
        .trim_end_matches([':', '.', '|', '›', '>', '»'])
        .trim()
        .to_lowercase()
        .replace('’', "'")
}

/// The furniture kind of one line, if it is furniture.
fn classify_line(line: &str) -> Option<NoiseKind> {
    let label = normalised_label(line);
    if NAVIGATION.contains(&label.as_str()) {
        return Some(NoiseKind::Navigation);
    }
    // "Share on Facebook | Share on X | Share on WhatsApp".
    let all_share = |label: &str| label.split('|').all(|part| SHARE.contains(&part.trim()));
    if SHARE.contains(&label.as_str()) || all_share(&label) {
        return Some(NoiseKind::Share);
    }
    if COMMENT_COUNT.is_match(&label) {
        return Some(NoiseKind::Navigation);
    }
    if speaks_only_to_readers(line) {
        return Some(NoiseKind::Navigation);
    }
    // "Got a story? Email news@dailyscoop.co.uk": a short line with an address.
    if line.split_whitespace().count() <= 10 && EMAIL.is_match(line) {
        return Some(NoiseKind::Link);
    }
    if ADVERTISEMENT.contains(&label.as_str()) {
        return Some(NoiseKind::Advertisement);
    }
    if BOX_LABELS.contains(&label.trim_end_matches('?')) || BOX_LABELS.contains(&label.as_str()) {
        return Some(NoiseKind::BoxLabel);
    }
    let agency_label = label.trim_start_matches(['—', '–', '-', '©', ' ']).trim();
    if AGENCIES.contains(&agency_label)
        || agency_label
            .split('/')
            .all(|part| AGENCIES.contains(&part.trim()) || part.trim() == "wires")
        || label.starts_with("copyright")
        || label.starts_with('©')
    {
        return Some(NoiseKind::Agency);
    }
    if LINK_PREFIX.is_match(line) {
        return Some(NoiseKind::Link);
    }
    if REPORTING_CREDIT.is_match(line) {
        return Some(NoiseKind::Byline);
    }
    if line.split_whitespace().count() <= 14 && BYLINE.is_match(line) {
        return Some(NoiseKind::Byline);
    }
    if is_timestamp_line(line) {
        return Some(NoiseKind::Timestamp);
    }
    if is_credit_only(line) {
        return Some(NoiseKind::Credit);
    }
    if TRAILING_CREDIT.is_match(line) || CREDIT_LABEL.is_match(line) {
        return Some(NoiseKind::Caption);
    }
    if line.starts_with("http://") || line.starts_with("https://") || line.starts_with("www.") {
        return Some(NoiseKind::Link);
    }
    None
}

/// The longest sentence taken for a page's words to its readers: one longer
/// than this reports something.
const READER_ADDRESS_MAX_WORDS: usize = 25;

/// Whether a sentence is the page speaking to its readers about itself
/// ("Thanks for following.", "Entries are shown oldest first.").
fn speaks_to_readers(sentence: &str) -> bool {
    sentence.split_whitespace().count() <= READER_ADDRESS_MAX_WORDS
        && READER_ADDRESS.is_match(sentence)
}

/// Whether a line, or a sentence, only speaks to readers, its questions
/// included: "What do YOU think? Was the response good enough? Tell us in the
/// comments." A line of reporting may end with a sign-off: "Crews will keep
/// working through the night. Thanks for following." keeps its first sentence,
/// and so does a sentence the splitter left whole ("... to report next May.
/// Thank you for following.").
pub(crate) fn speaks_only_to_readers(line: &str) -> bool {
    // Nearly every line says nothing to its readers: one scan settles it.
    if !READER_ADDRESS.is_match(line) {
        return false;
    }
    let sentences: Vec<&str> = line
        .split_inclusive(['.', '?', '!'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    sentences.iter().any(|s| speaks_to_readers(s))
        && sentences
            .iter()
            .all(|s| speaks_to_readers(s) || s.ends_with('?'))
}

/// A line that only gives a date or time ("Published: Saturday 5 July 2025",
/// "Updated 5 Jul 2025, 09:14 BST", "2m ago"); a sentence that merely starts
/// with a date is reporting.
fn is_timestamp_line(line: &str) -> bool {
    if line.contains('|') && is_labelled_timestamp_line(line) {
        return true;
    }
    if !TIMESTAMP_LINE.is_match(line) {
        return false;
    }
    let lower = line.to_lowercase();
    if lower.starts_with("published")
        || lower.starts_with("updated")
        || lower.starts_with("posted")
        || lower.starts_with("first published")
        || lower.starts_with("last updated")
    {
        return line.split_whitespace().count() <= 14;
    }
    // Otherwise every word must be a date or time word.
    line.split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .all(|word| is_date_word(&word.to_lowercase()))
}

/// A timestamp beside short labels, split by bars: "Haldane Now | Updated
/// Nov. 4, 2026, 9:41 p.m. ET" or "Live | Posted 2m ago".
fn is_labelled_timestamp_line(line: &str) -> bool {
    const LABEL_MAX_WORDS: usize = 4;
    let parts: Vec<&str> = line.split('|').map(str::trim).collect();
    let is_stamp = |part: &&str| !part.contains('|') && is_timestamp_line(part);
    parts.iter().any(is_stamp)
        && parts
            .iter()
            .all(|part| is_stamp(part) || part.split_whitespace().count() <= LABEL_MAX_WORDS)
}

fn is_date_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "am",
        "pm",
        "a.m",
        "p.m",
        "at",
        "on",
        "ago",
        "bst",
        "gmt",
        "cet",
        "cest",
        "est",
        "edt",
        "pst",
        "pdt",
        "utc",
        "eet",
        "eest",
        "aest",
        "aedt",
        "et",
        "ct",
        "pt",
        "-",
        "–",
        "—",
        "updated",
        "published",
        "posted",
        "last",
    ];
    let word = word.trim_matches(|c: char| matches!(c, '.' | ':' | '(' | ')'));
    WORDS.contains(&word)
        || word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '/' | '-'))
        || {
            let digits: String = word.chars().take_while(|c| c.is_ascii_digit()).collect();
            !digits.is_empty()
                && matches!(
                    &word[digits.len()..],
                    "am" | "pm" | "st" | "nd" | "rd" | "th" | "h" | "m" | "min" | "mins"
                )
        }
}

/// A line that is nothing but a credit: "(Reuters: Alina Smutko)", "Image: Supplied".
fn is_credit_only(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "photo:",
        "image:",
        "picture:",
        "credit:",
        "photograph:",
        "image source:",
        "pic:",
        "photo credit:",
    ];
    let trimmed = line.trim();
    if trimmed.starts_with('(') && trimmed.ends_with(')') && TRAILING_CREDIT.is_match(trimmed) {
        return true;
    }
    let lower = trimmed.to_lowercase();
    let labelled = LABELS.iter().any(|label| lower.starts_with(label));
    // "Getty Images: Ruth Forsyth", "AFP/Getty": an agency and its photographer.
    let by_agency = AGENCIES.iter().any(|agency| {
        lower
            .strip_prefix(agency)
            .is_some_and(|rest| rest.starts_with([':', '/']))
    });
    (labelled || by_agency) && trimmed.split_whitespace().count() <= 8
}

/// Where the reporting text of a content line starts: after a leading
/// timestamp, bullet, box label or wire dateline.
fn content_offset(line: &str) -> usize {
    let mut offset = 0;
    loop {
        let rest = &line[offset..];
        if let Some(m) = LEADING_TIMESTAMP.find(rest) {
            if m.end() > 0 && m.end() < rest.len() {
                offset += m.end();
                continue;
            }
        }
        if let Some(m) = BULLET.find(rest) {
            offset += m.end();
            continue;
        }
        let lower = rest.to_lowercase().replace('’', "'");
        if let Some(label) = BOX_LABELS.iter().find(|label| {
            lower.starts_with(*label) && lower[label.len()..].trim_start().starts_with([':', '?'])
        }) {
            let after = &rest[label.len()..];
            let skip = after.len() - after.trim_start_matches([':', '?', ' ']).len();
            offset += label.len() + skip;
            continue;
        }
        if let Some(dateline) = pubdate::parse_dateline(rest) {
            if dateline.body_start > 0 && dateline.body_start < rest.len() {
                offset += dateline.body_start;
                let after = &line[offset..];
                offset += after.len() - after.trim_start().len();
            }
        }
        return offset;
    }
}

/// Section headings are not claims: breadcrumbs ("News | Germany"), question
/// headings ("Who pays for the dykes?") and very short lines without a verb or a
/// number after the first line ("\'Disappointing\' call with Putin"). Live-blog entry
/// titles with a verb ("Fire service revises engine numbers") stay reporting.
fn mark_headings(text: &str, lines: &mut [Line]) {
    let mut seen_first = false;
    for line in lines.iter_mut() {
        if line.noise.is_some() {
            continue;
        }
        let body = &text[line.content_start..line.end];
        let words = crate::text::words(text, line.content_start, line.end);
        let is_first = !seen_first;
        seen_first = true;
        if words.len() <= 8 && (body.contains(" | ") || body.contains(" > ")) {
            line.noise = Some(NoiseKind::Navigation);
            continue;
        }
        let quoted = body.contains(['"', '“', '”']);
        if words.len() <= 8 && body.trim_end().ends_with('?') && !quoted {
            line.noise = Some(NoiseKind::Heading);
            continue;
        }
        let ends_like_sentence = body
            .trim_end()
            .ends_with(['.', '!', '"', '”', ':', ';', '’']);
        let has_verb = words.iter().any(|w| grammar::looks_like_verb(&w.lower()));
        let has_digit = body.chars().any(|c| c.is_ascii_digit());
        if !is_first && words.len() <= 5 && !ends_like_sentence && !has_verb && !has_digit {
            line.noise = Some(NoiseKind::Heading);
        }
    }
}

/// A credit line belongs to the caption just above it, when that line reads like
/// one: short and attributing nothing, or describing a scene. A body paragraph can
/// sit above a credit too (an image placed between paragraphs without a caption):
/// "In a statement, Marwood said the factory will not close." is kept. The image
/// description above a caption is alt text: a sentence describing a scene.
fn mark_alt_text(text: &str, lines: &mut [Line]) {
    for index in 1..lines.len() {
        if lines[index].noise == Some(NoiseKind::Credit) && lines[index - 1].noise.is_none() {
            let above = &lines[index - 1];
            let words = crate::text::words(text, above.content_start, above.end);
            let body = &text[above.content_start..above.end];
            let short_and_plain =
                words.len() <= CAPTION_MAX_PLAIN_WORDS && !attributes_speech(body, &words);
            if short_and_plain || describes_scene(text, body, &words) {
                lines[index - 1].noise = Some(NoiseKind::Caption);
            }
        }
    }
    for index in 1..lines.len() {
        let next_is_caption = matches!(
            lines[index].noise,
            Some(NoiseKind::Caption | NoiseKind::Credit)
        );
        let candidate = &lines[index - 1];
        if !next_is_caption || candidate.noise.is_some() {
            continue;
        }
        let body = &text[candidate.content_start..candidate.end];
        let words = crate::text::words(text, candidate.content_start, candidate.end);
        if describes_scene(text, body, &words) {
            lines[index - 1].noise = Some(NoiseKind::Caption);
        }
    }
}

/// The longest line above a credit taken for its caption without describing a scene.
const CAPTION_MAX_PLAIN_WORDS: usize = 20;

/// Quotation marks or a speech verb: a line that reports what someone said.
fn attributes_speech(body: &str, words: &[crate::text::Word]) -> bool {
    body.contains(['"', '“', '”'])
        || words
            .iter()
            .any(|w| matches!(w.lower().as_str(), "said" | "says" | "told" | "according"))
}

/// A single sentence describing a scene, with no quotation, attribution or past
/// tense: "A cloud of smoke rises from the top of a building."
fn describes_scene(text: &str, body: &str, words: &[crate::text::Word]) -> bool {
    let lowers: Vec<String> = words.iter().map(|w| w.lower()).collect();
    // "snow-covered lorries", "a chilled shelf", "children wrapped in a blanket":
    // past forms that describe a noun, not verbs telling what happened. A line
    // with a figure may tell a time ("The plane landed at 9pm"): its past forms
    // are verbs.
    let has_digit = body.chars().any(|c| c.is_ascii_digit());
    let describes_a_noun = |i: usize| {
        let after_determiner = i
            .checked_sub(1)
            .is_some_and(|before| grammar::is_determiner(&lowers[before]));
        let before_preposition = lowers.get(i + 1).is_some_and(|next| {
            matches!(
                next.as_str(),
                "in" | "on" | "with" | "by" | "under" | "inside" | "beside" | "against"
            )
        });
        let joined_by_hyphen = text[..words[i].start].ends_with('-');
        joined_by_hyphen || after_determiner || (before_preposition && !has_digit)
    };
    !body.contains(['"', '“', '”'])
        && words.len() <= 35
        && body.matches(['.', '!', '?']).count() <= 1
        && !lowers.iter().enumerate().any(|(i, w)| {
            (grammar::looks_like_past_tense(w) && !describes_a_noun(i))
                || matches!(
                    w.as_str(),
                    "was" | "were" | "had" | "said" | "told" | "says" | "will" | "would"
                )
        })
        && (lowers
            .first()
            .is_some_and(|w| grammar::is_determiner(w) || w.parse::<f64>().is_ok())
            || lowers
                .iter()
                .take(5)
                .any(|w| w.ends_with("ing") || w.ends_with('s')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Option<NoiseKind>)> {
        classify_lines(text)
            .into_iter()
            .map(|l| (text[l.content_start..l.end].to_string(), l.noise))
            .collect()
    }

    /// The lines that are not furniture.
    fn content_lines(text: &str) -> Vec<String> {
        kinds(text)
            .into_iter()
            .filter(|(_, n)| n.is_none())
            .map(|(t, _)| t)
            .collect()
    }

    #[test]
    fn page_furniture_is_noise() {
        let page = "Skip to main content\n\nLeaders agree new air defence deal\n\nShare\n\nBy Sam Carter, Local Democracy Reporter\n\nPublished: Saturday 5 July 2025\n\nUpdated 5 Jul 2025, 09:14 BST\n\nAdvertisement\n\nRelated: Ukraine asks for more missiles\n\nReuters\n\n2m ago\n\nIn short:\n\nThe talks lasted an hour.";
        let found = kinds(page);
        let content: Vec<_> = found
            .iter()
            .filter(|(_, n)| n.is_none())
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            content,
            [
                "Leaders agree new air defence deal",
                "The talks lasted an hour."
            ]
        );
        assert!(found
            .iter()
            .any(|(t, n)| t == "In short:" && *n == Some(NoiseKind::BoxLabel)));
        assert!(found
            .iter()
            .any(|(t, n)| t.starts_with("By Sam") && *n == Some(NoiseKind::Byline)));
    }

    #[test]
    fn share_lists_comment_counts_contact_lines_and_update_stamps_are_noise() {
        let page = "Heat record broken in the south\n\nTue 29 Jun 2027, last updated 22:10 CEST\n\nShare on Facebook | Share on X | Share on WhatsApp\n\nThe station recorded 46.3C.\n\nComments (27)\n\nGot a story? Email news@dailyscoop.co.uk\n\nPolice said the lab at lab@example.org had closed on Friday after a long inquiry into its accounts.";
        let content: Vec<_> = kinds(page)
            .into_iter()
            .filter(|(_, n)| n.is_none())
            .map(|(t, _)| t)
            .collect();
        assert_eq!(
            content,
            [
                "Heat record broken in the south",
                "The station recorded 46.3C.",
                "Police said the lab at lab@example.org had closed on Friday after a long inquiry into its accounts."
            ]
        );
    }

    #[test]
    fn captions_with_credits_and_their_alt_text_are_noise() {
        let page = "Officials said the fire was out.\n\nA cloud of smoke rises from the top of a building.\n\nUkraine says Russia's attacks have been intensifying.  (Reuters: Alina Smutko)\n\nFirefighters at the scene on Wednesday. Photo: PA\n\nThe council met on Thursday.";
        let found = kinds(page);
        let content: Vec<_> = found
            .iter()
            .filter(|(_, n)| n.is_none())
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            content,
            [
                "Officials said the fire was out.",
                "The council met on Thursday."
            ]
        );
    }

    #[test]
    fn a_paragraph_above_a_lone_credit_is_kept_when_it_is_no_caption() {
        let page = "Headline here\n\nIn a statement, the firm said the factory will not close and that it remained committed to the town.\n\nPhoto: PA/Emma Richards\n\nStaff set aside more than 100 rejected ballot papers, which were shown to the agents before the final count was confirmed.\n\nPhoto: Council/Ian Marsh\n\nThe winner with her supporters.\n\nPhoto: PA";
        let kept: Vec<String> = kinds(page)
            .into_iter()
            .filter(|(_, n)| n.is_none())
            .map(|(t, _)| t)
            .collect();
        assert!(
            kept.iter().any(|t| t.starts_with("In a statement")),
            "{kept:?}"
        );
        assert!(
            kept.iter().any(|t| t.starts_with("Staff set aside")),
            "{kept:?}"
        );
        assert!(
            !kept.iter().any(|t| t.starts_with("The winner")),
            "{kept:?}"
        );
    }

    #[test]
    fn alt_text_with_describing_past_forms_and_agency_credits_are_noise() {
        let page = "Headline here\n\nThe road reopened on Wednesday.\n\nSnow-covered lorries stand in a line on a motorway at dawn.\n\nSnowploughs reached the queue on Wednesday morning.\n\nPHOTO: Traffic Scotland\n\nA woman holds two children wrapped in a foil blanket.\n\nSandwiches stacked on a chilled supermarket shelf.\n\nThe firm recalled its sandwiches on Tuesday.\n\nDrivers queue for hot drinks at a table inside a school hall.\n\nVolunteers served hot food at the rest centre.\n\nGetty Images: Ruth Forsyth\n\nThe plane landed in fog at 9pm.\n\nThe crew at the terminal. (Supplied)\n\nA man holds a dog wrapped in a blanket.\n\nHe spent the night in his car.\n\n(Supplied: Sarah Kinnear)";
        assert_eq!(
            content_lines(page),
            [
                "Headline here",
                "The road reopened on Wednesday.",
                "A woman holds two children wrapped in a foil blanket.",
                "Sandwiches stacked on a chilled supermarket shelf.",
                "The firm recalled its sandwiches on Tuesday.",
                "The plane landed in fog at 9pm.",
            ]
        );
    }

    #[test]
    fn a_page_speaking_to_its_readers_is_noise() {
        let page = "Snow live\n\nEntries are shown oldest first.\n\nThe road is shut.\n\nWe are pausing our live coverage here. Thank you for following.\n\nWhat do YOU think? Was the response good enough? Tell us in the comments.\n\nCrews will work through the night. Thanks for following.";
        assert_eq!(
            content_lines(page),
            [
                "Snow live",
                "The road is shut.",
                "Crews will work through the night. Thanks for following."
            ]
        );
    }

    #[test]
    fn a_masthead_above_the_headline_is_noise() {
        let page = "THE DAILY BEACON\n\nDEATH ON A PLATTER!\n\nFive people died.";
        assert_eq!(
            content_lines(page),
            ["DEATH ON A PLATTER!", "Five people died."]
        );
        let page = "RHEIN EXPRESS\n\nFloods close the Rhine to barges\n\nFive people died.";
        assert_eq!(
            content_lines(page),
            ["Floods close the Rhine to barges", "Five people died."]
        );
        // A short shouted headline is the headline.
        let page = "WON BY A WHISKER!\n\nNew MP wins by 87 votes\n\nFive people died.";
        assert_eq!(content_lines(page)[0], "WON BY A WHISKER!");
    }

    #[test]
    fn a_past_tense_paragraph_before_a_caption_is_kept() {
        let page = "Headline here\n\nThe fire was reported at 10.40pm and spread quickly.\n\nThe mill at night. (Supplied: Jane Doe)";
        let found = kinds(page);
        assert!(found
            .iter()
            .any(|(t, n)| t.starts_with("The fire was") && n.is_none()));
    }

    #[test]
    fn timestamps_in_twelve_hour_clock_and_beside_labels_are_noise() {
        let page = "Siege ends: live updates\n\nHaldane Now | Updated Nov. 4, 2026, 9:41 p.m. ET\n\n9:35 p.m.\n\nPolice named the suspect.\n\nPosted 2m ago | Police said talks would go on past 9 p.m. on Wednesday night in the city.";
        let content = content_lines(page);
        assert_eq!(
            content,
            [
                "Siege ends: live updates",
                "Police named the suspect.",
                "Posted 2m ago | Police said talks would go on past 9 p.m. on Wednesday night in the city."
            ]
        );
    }

    #[test]
    fn leading_timestamps_bullets_and_labels_are_cut() {
        let page = "Live: mill fire\n\n09:14 BST Firefighters say the blaze is under control.\n\n• Twelve people were killed.\n\nIn short: The call lasted an hour.";
        let content = content_lines(page);
        assert_eq!(
            content,
            [
                "Live: mill fire",
                "Firefighters say the blaze is under control.",
                "Twelve people were killed.",
                "The call lasted an hour."
            ]
        );
    }

    #[test]
    fn headings_after_the_headline_are_noise_but_the_headline_is_not() {
        let page = "Trump and Zelenskyy discuss missiles\n\nThe leaders spoke on Friday.\n\n'Disappointing' call with Putin\n\nThe call came a day later.";
        let found = kinds(page);
        assert_eq!(found[0].1, None);
        assert_eq!(found[2].1, Some(NoiseKind::Heading));
    }
}
