//! Synthetic corpora for scaling runs: N reports of one event, made from the
//! event's fixture reports.
//!
//! Report k is built from one of the event's reports, chosen by a random stream
//! that depends only on (seed, k): so the first 8 reports of a 32-report corpus
//! are the 8 reports of the 8-report corpus, and a corpus is the same on every
//! machine. Each report keeps its first two paragraphs (headline, byline),
//! moves the other paragraphs a few places at most, drops about 15% of the body's
//! sentences, and sometimes changes a fact: a number, a weekday, who said
//! something, or a negation. These are the variations real coverage of one event
//! has, and the ones claimdiff's matcher has to tell apart from agreement.

/// Share of body sentences dropped.
const DROP_SENTENCE: f64 = 0.15;
/// How far a paragraph may move: its sort key is its index plus up to this much.
const PARAGRAPH_JITTER: f64 = 3.0;
/// Chance per report of each kind of changed fact.
const CHANGE_NUMBER: f64 = 0.3;
const CHANGE_WEEKDAY: f64 = 0.25;
const CHANGE_SPEAKER: f64 = 0.2;
const CHANGE_NEGATION: f64 = 0.2;

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Auxiliaries a "not" can follow; " not " after one of them is also removable.
const AUXILIARIES: [&str; 8] = ["was", "were", "is", "are", "would", "will", "could", "had"];

/// SplitMix64: a small, fast, well-mixed generator, so the corpus needs no crate
/// and no platform-dependent state.
struct Stream(u64);

impl Stream {
    fn for_report(seed: u64, k: usize) -> Stream {
        let mut stream = Stream(seed ^ 0x5851_f42d_4c95_7f2d);
        let mixed = stream.next() ^ (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        Stream(mixed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform in 0..n; n must be positive.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Report `k` (from 1) of a corpus made from `bases` (the event's report texts,
/// in a fixed order). Empty when there are no bases.
pub fn report(bases: &[String], seed: u64, k: usize) -> String {
    if bases.is_empty() {
        return String::new();
    }
    let mut rng = Stream::for_report(seed, k);
    let base = &bases[rng.below(bases.len())];
    let paragraphs: Vec<&str> = split_paragraphs(base);
    let head_len = paragraphs.len().min(2);
    let (head, body) = paragraphs.split_at(head_len);

    let mut keyed: Vec<(f64, &str)> = body
        .iter()
        .enumerate()
        .map(|(i, p)| (i as f64 + (rng.unit() * 2.0 - 1.0) * PARAGRAPH_JITTER, *p))
        .collect();
    keyed.sort_by(|x, y| x.0.total_cmp(&y.0));

    let mut body: Vec<String> = keyed
        .into_iter()
        .filter_map(|(_, paragraph)| drop_sentences(paragraph, &mut rng))
        .collect();
    if rng.chance(CHANGE_NUMBER) {
        change_one(&mut body, &mut rng, number_spans, |old, rng| {
            let value: u64 = old.parse().ok()?;
            let step = (value / 10).max(1) + rng.below(3) as u64;
            let changed = if rng.chance(0.5) || value < step {
                value + step
            } else {
                value - step
            };
            Some(changed.to_string())
        });
    }
    if rng.chance(CHANGE_WEEKDAY) {
        change_one(&mut body, &mut rng, weekday_spans, |old, rng| {
            let day = WEEKDAYS.iter().position(|d| *d == old)?;
            let shift = if rng.chance(0.5) { 1 } else { 6 };
            Some(WEEKDAYS[(day + shift) % 7].to_string())
        });
    }
    if rng.chance(CHANGE_SPEAKER) {
        let names = titled_names(&body.join(" "));
        if names.len() >= 2 {
            change_one(&mut body, &mut rng, said_name_spans, |old, rng| {
                let others: Vec<&String> = names.iter().filter(|n| *n != old).collect();
                (!others.is_empty()).then(|| others[rng.below(others.len())].clone())
            });
        }
    }
    if rng.chance(CHANGE_NEGATION) {
        change_one(&mut body, &mut rng, auxiliary_spans, |old, _| {
            Some(match old.strip_suffix(" not") {
                Some(positive) => positive.to_string(),
                None => format!("{old} not"),
            })
        });
    }

    let mut out: Vec<String> = head.iter().map(|p| p.to_string()).collect();
    out.extend(body);
    let mut text = out.join("\n\n");
    text.push('\n');
    text
}

/// Paragraphs: runs of text between blank lines, trimmed, empty ones left out.
fn split_paragraphs(text: &str) -> Vec<&str> {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    let mut blank_run = false;
    let mut line_start = 0;
    for (i, ch) in text.char_indices().chain([(text.len(), '\n')]) {
        if ch != '\n' {
            continue;
        }
        let line = &text[line_start..i.min(text.len())];
        if line.trim().is_empty() {
            if !blank_run {
                paragraphs.push(&text[start..line_start]);
            }
            blank_run = true;
            start = (i + 1).min(text.len());
        } else {
            blank_run = false;
        }
        line_start = (i + 1).min(text.len());
    }
    paragraphs.push(&text[start..]);
    paragraphs
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Drops each sentence of a paragraph with `DROP_SENTENCE`; short paragraphs
/// (headings, datelines) are kept whole. None when nothing is left.
fn drop_sentences(paragraph: &str, rng: &mut Stream) -> Option<String> {
    if paragraph.len() < 40 {
        return Some(paragraph.to_string());
    }
    let kept: Vec<&str> = split_sentences(paragraph)
        .into_iter()
        .filter(|_| !rng.chance(DROP_SENTENCE))
        .collect();
    (!kept.is_empty()).then(|| kept.join(" "))
}

/// Sentences of a paragraph: a cut after `.`, `!` or `?` (and any closing quote)
/// followed by white space and a capital or an opening quote, except after a
/// short capitalised abbreviation ("Mr.", "U.S.", "Jan.").
fn split_sentences(paragraph: &str) -> Vec<&str> {
    let bytes = paragraph.as_bytes();
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    for (n, &(i, ch)) in chars.iter().enumerate() {
        if !matches!(ch, '.' | '!' | '?') {
            continue;
        }
        let mut m = n + 1;
        while m < chars.len() && matches!(chars[m].1, '"' | '”' | '’' | '\'' | ')') {
            m += 1;
        }
        if m >= chars.len() || !chars[m].1.is_whitespace() {
            continue;
        }
        let mut next = m;
        while next < chars.len() && chars[next].1.is_whitespace() {
            next += 1;
        }
        let opens = next < chars.len()
            && (chars[next].1.is_uppercase() || matches!(chars[next].1, '"' | '“' | '‘'));
        if !opens || (ch == '.' && is_abbreviation(&paragraph[start..i])) {
            continue;
        }
        sentences.push(paragraph[start..chars[m].0].trim());
        start = chars[next].0;
    }
    if start < bytes.len() {
        sentences.push(paragraph[start..].trim());
    }
    sentences.into_iter().filter(|s| !s.is_empty()).collect()
}

/// Whether the text before a full stop ends in an abbreviation like "Mr" or "U.S".
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    word.starts_with(char::is_uppercase) && (word.len() <= 3 || word.contains('.'))
}

/// Byte spans of candidate values in one paragraph.
type Spans = fn(&str) -> Vec<(usize, usize)>;

/// Replaces one candidate value, chosen at random among all paragraphs, by
/// `replace(old)`; nothing happens when there is no candidate or no replacement.
fn change_one(
    paragraphs: &mut [String],
    rng: &mut Stream,
    spans: Spans,
    replace: impl FnOnce(&str, &mut Stream) -> Option<String>,
) {
    let all: Vec<(usize, usize, usize)> = paragraphs
        .iter()
        .enumerate()
        .flat_map(|(p, text)| spans(text).into_iter().map(move |(s, e)| (p, s, e)))
        .collect();
    if all.is_empty() {
        return;
    }
    let (p, start, end) = all[rng.below(all.len())];
    if let Some(new) = replace(&paragraphs[p][start..end], rng) {
        paragraphs[p].replace_range(start..end, &new);
    }
}

/// Words with their byte spans.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, ch) in text.char_indices().chain([(text.len(), ' ')]) {
        let inside = ch.is_alphanumeric();
        match (start, inside) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    spans
}

/// Whole numbers of 1 to 4 digits that are not part of a clock time or a decimal.
fn number_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    word_spans(text)
        .into_iter()
        .filter(|&(s, e)| e - s <= 4 && text[s..e].bytes().all(|b| b.is_ascii_digit()))
        .filter(|&(s, e)| {
            let before = s.checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(e).copied();
            let glued = |b: Option<u8>, next: Option<u8>| {
                matches!(b, Some(b':' | b'.' | b',')) && next.is_some_and(|n| n.is_ascii_digit())
            };
            !glued(before, s.checked_sub(2).map(|i| bytes[i]))
                && !glued(after, bytes.get(e + 1).copied())
        })
        .collect()
}

fn weekday_spans(text: &str) -> Vec<(usize, usize)> {
    word_spans(text)
        .into_iter()
        .filter(|&(s, e)| WEEKDAYS.contains(&&text[s..e]))
        .collect()
}

/// "Mr Trump", "Ms. Reeves": a title and the capitalised word after it.
fn titled_name_spans(text: &str) -> Vec<(usize, usize)> {
    let words = word_spans(text);
    words
        .windows(2)
        .filter(|w| {
            matches!(&text[w[0].0..w[0].1], "Mr" | "Mrs" | "Ms" | "Dr")
                && text[w[1].0..w[1].1].starts_with(char::is_uppercase)
                && w[1].0 - w[0].1 <= 2
        })
        .map(|w| (w[1].0, w[1].1))
        .collect()
}

/// Distinct surnames that follow a title, in order of first use.
fn titled_names(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (s, e) in titled_name_spans(text) {
        if !names.iter().any(|n| n == &text[s..e]) {
            names.push(text[s..e].to_string());
        }
    }
    names
}

/// Titled names directly followed by "said" or "told": the speaker of a claim.
fn said_name_spans(text: &str) -> Vec<(usize, usize)> {
    titled_name_spans(text)
        .into_iter()
        .filter(|&(_, e)| {
            let rest = &text[e..];
            rest.starts_with(" said") || rest.starts_with(" told")
        })
        .collect()
}

/// An auxiliary, with a following " not" when there is one.
fn auxiliary_spans(text: &str) -> Vec<(usize, usize)> {
    word_spans(text)
        .into_iter()
        .filter(|&(s, e)| AUXILIARIES.contains(&&text[s..e]))
        .map(|(s, e)| {
            if text[e..].starts_with(" not ") {
                (s, e + 4)
            } else {
                (s, e)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bases() -> Vec<String> {
        vec![
            "Headline about the call\n\nBy A Reporter\n\nMr Trump said the call lasted 40 minutes on Friday. \
             It was a good call. Mr. Zelenskyy said it was productive.\n\n\
             Russia fired 539 drones overnight. Twenty-three people were hurt.\n\n\
             Mr Zelenskyy told reporters the talks would continue. Germany was in talks.\n\n\
             The U.S. paused shipments. Officials said they were worried.\n"
                .to_string(),
            "Second headline\n\nUpdated 12 Mar 2025, 16:20 GMT\n\nThe fire started on Tuesday. \
             Twelve people died. Mr Qureshi said every family would be housed.\n"
                .to_string(),
        ]
    }

    #[test]
    fn a_report_depends_only_on_seed_and_index() {
        let bases = bases();
        for k in 1..40 {
            assert_eq!(report(&bases, 7, k), report(&bases, 7, k));
        }
        let differs = (1..40).any(|k| report(&bases, 7, k) != report(&bases, 8, k));
        assert!(differs, "another seed gives another corpus");
    }

    #[test]
    fn reports_vary_but_keep_the_headline() {
        let bases = bases();
        let reports: Vec<String> = (1..=64).map(|k| report(&bases, 1, k)).collect();
        let distinct: std::collections::BTreeSet<&String> = reports.iter().collect();
        assert!(
            distinct.len() > 32,
            "only {} distinct reports",
            distinct.len()
        );
        for r in &reports {
            let first = r.lines().next().unwrap();
            assert!(first.contains("headline") || first.contains("Headline"));
        }
    }

    #[test]
    fn facts_change_in_some_reports() {
        let bases = bases();
        let reports: Vec<String> = (1..=200).map(|k| report(&bases, 3, k)).collect();
        let has = |needle: &str| reports.iter().any(|r| r.contains(needle));
        assert!(has("on Thursday") || has("on Saturday"), "weekday changed");
        assert!(has("was not") || has("would not"), "negation added");
        assert!(
            reports
                .iter()
                .any(|r| r.contains("Mr Zelenskyy said the call")),
            "speaker changed"
        );
        assert!(
            reports
                .iter()
                .any(|r| r.contains("Russia fired") && !r.contains("539 drones")),
            "number changed"
        );
    }

    #[test]
    fn sentences_split_at_ends_not_at_abbreviations() {
        let s = split_sentences("Mr. Trump spoke. The U.S. paused arms. \"Good,\" he said. Done");
        assert_eq!(
            s,
            [
                "Mr. Trump spoke.",
                "The U.S. paused arms.",
                "\"Good,\" he said.",
                "Done"
            ]
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(split_paragraphs("a\nb\n\n \n\nc\n"), ["a\nb", "c"]);
        assert!(split_paragraphs("").is_empty());
    }

    #[test]
    fn no_bases_no_text() {
        assert_eq!(report(&[], 1, 1), "");
    }
}
