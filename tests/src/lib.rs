//! Shared helpers of the end-to-end tests (and, later, of evaluation tools): the output
//! contract's headers, phrase references (`"REPORT: phrase"`) resolved to byte ranges
//! and then to claims, loading of the output tables, and checking an event's answer key
//! (`fixtures/<event>/expected.toml`) against the tables written for it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Deserialize;

/// The five output tables and their columns, in contract order
/// (`shared/spec/output-format.md`).
pub const CONTRACT_TABLES: [(&str, &[&str]); 5] = [
    (
        "claims.csv",
        &[
            "claim_id",
            "report",
            "sentence",
            "start",
            "end",
            "kind",
            "speaker",
            "polarity",
            "modality",
            "entities",
            "quantities",
            "times",
            "text",
        ],
    ),
    (
        "agreements.csv",
        &[
            "group_id",
            "support",
            "report",
            "claim_id",
            "similarity",
            "text",
        ],
    ),
    (
        "conflicts.csv",
        &[
            "conflict_id",
            "kind",
            "report_a",
            "claim_a",
            "text_a",
            "value_a",
            "report_b",
            "claim_b",
            "text_b",
            "value_b",
            "similarity",
            "explanation",
        ],
    ),
    ("unique.csv", &["report", "claim_id", "text"]),
    (
        "reports.csv",
        &[
            "report",
            "source",
            "claims",
            "agreed",
            "conflicting",
            "unique",
        ],
    ),
];

// ---------------------------------------------------------------------------------
// Report text and phrase references
// ---------------------------------------------------------------------------------

/// The text that claim offsets refer to, from a report file's content: without a
/// byte-order mark and with `\r\n` line ends turned into `\n`, as the CLI and the
/// parser do.
pub fn report_text(raw: &str) -> String {
    raw.strip_prefix('\u{feff}')
        .unwrap_or(raw)
        .replace("\r\n", "\n")
}

/// Folds runs of white space to one space and trims the ends: how phrases are written.
pub fn fold_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A text with runs of white space folded to one space, remembering for every byte of
/// the folded text the byte offset it came from.
#[derive(Debug, Clone)]
pub struct FoldedText {
    folded: String,
    origin: Vec<usize>,
}

/// Why a phrase does not name exactly one place in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhraseError {
    Empty,
    NotFound,
    Ambiguous { occurrences: usize },
}

impl fmt::Display for PhraseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PhraseError::Empty => f.write_str("the phrase is empty"),
            PhraseError::NotFound => f.write_str("the phrase does not occur in the report"),
            PhraseError::Ambiguous { occurrences } => write!(
                f,
                "the phrase occurs {occurrences} times in the report; it must occur exactly once"
            ),
        }
    }
}

impl FoldedText {
    pub fn new(text: &str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut in_space = false;
        for (offset, ch) in text.char_indices() {
            if ch.is_whitespace() {
                if !in_space {
                    folded.push(' ');
                    origin.push(offset);
                }
                in_space = true;
            } else {
                folded.push(ch);
                origin.extend(offset..offset + ch.len_utf8());
                in_space = false;
            }
        }
        FoldedText { folded, origin }
    }

    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// The byte range of the original text that `phrase` (white space folded) covers;
    /// the phrase must occur exactly once.
    pub fn find_unique(&self, phrase: &str) -> Result<Range<usize>, PhraseError> {
        let phrase = fold_whitespace(phrase);
        if phrase.is_empty() {
            return Err(PhraseError::Empty);
        }
        let starts: Vec<usize> = self
            .folded
            .match_indices(&phrase)
            .map(|(start, _)| start)
            .collect();
        match starts.as_slice() {
            [] => Err(PhraseError::NotFound),
            [start] => {
                // The folded phrase ends in a non-space byte, copied one to one.
                let last = start + phrase.len() - 1;
                Ok(self.origin[*start]..self.origin[last] + 1)
            }
            _ => Err(PhraseError::Ambiguous {
                occurrences: starts.len(),
            }),
        }
    }
}

/// `"REPORT: phrase"`: the claim of report REPORT whose span contains the phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub report: String,
    pub phrase: String,
}

impl Reference {
    pub fn parse(text: &str) -> Result<Reference, String> {
        let (report, phrase) = text
            .split_once(':')
            .ok_or_else(|| format!("reference {text:?} is not of the form \"REPORT: phrase\""))?;
        let (report, phrase) = (report.trim(), phrase.trim());
        if report.is_empty() || phrase.is_empty() {
            return Err(format!(
                "reference {text:?} is not of the form \"REPORT: phrase\""
            ));
        }
        Ok(Reference {
            report: report.to_string(),
            phrase: phrase.to_string(),
        })
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: \"{}\"", self.report, self.phrase)
    }
}

// ---------------------------------------------------------------------------------
// Answer keys
// ---------------------------------------------------------------------------------

/// `fixtures/<event>/expected.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerKey {
    #[serde(default)]
    pub agree: Vec<PairEntry>,
    #[serde(default)]
    pub conflict: Vec<ConflictEntry>,
    #[serde(default)]
    pub not_conflict: Vec<PairEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairEntry {
    pub a: String,
    pub b: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictEntry {
    pub kind: String,
    pub a: String,
    pub b: String,
    #[serde(default)]
    pub note: String,
}

impl AnswerKey {
    pub fn load(path: &Path) -> Result<AnswerKey, String> {
        let text = fs::read_to_string(path)
            .map_err(|err| format!("{}: cannot read: {err}", path.display()))?;
        toml::from_str(&text).map_err(|err| format!("{}: {err}", path.display()))
    }
}

// ---------------------------------------------------------------------------------
// Output tables
// ---------------------------------------------------------------------------------

/// The columns of claims.csv the checks need (others are ignored).
#[derive(Debug, Clone, Deserialize)]
pub struct ClaimRecord {
    pub claim_id: String,
    pub report: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AgreementRecord {
    pub group_id: String,
    pub report: String,
    pub claim_id: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ConflictRecord {
    pub conflict_id: String,
    pub kind: String,
    pub claim_a: String,
    pub claim_b: String,
    pub explanation: String,
}

/// Reads a CSV table with a header row into records.
pub fn load_csv<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>, String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|err| format!("{}: {err}", path.display()))?;
    reader
        .deserialize()
        .collect::<Result<Vec<T>, _>>()
        .map_err(|err| format!("{}: {err}", path.display()))
}

/// The header row of a CSV table.
pub fn load_header(path: &Path) -> Result<Vec<String>, String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|err| format!("{}: {err}", path.display()))?;
    let header = reader
        .headers()
        .map_err(|err| format!("{}: {err}", path.display()))?;
    Ok(header.iter().map(str::to_string).collect())
}

/// The tables of one `claimdiff compare` run that answer keys are checked against.
#[derive(Debug, Clone)]
pub struct Tables {
    pub claims: Vec<ClaimRecord>,
    pub agreements: Vec<AgreementRecord>,
    pub conflicts: Vec<ConflictRecord>,
}

impl Tables {
    pub fn load(output_dir: &Path) -> Result<Tables, String> {
        Ok(Tables {
            claims: load_csv(&output_dir.join("claims.csv"))?,
            agreements: load_csv(&output_dir.join("agreements.csv"))?,
            conflicts: load_csv(&output_dir.join("conflicts.csv"))?,
        })
    }

    fn groups_of(&self, claim_id: &str) -> BTreeSet<&str> {
        self.agreements
            .iter()
            .filter(|row| row.claim_id == claim_id)
            .map(|row| row.group_id.as_str())
            .collect()
    }

    fn conflicts_linking(&self, a: &str, b: &str) -> Vec<&ConflictRecord> {
        self.conflicts
            .iter()
            .filter(|row| {
                (row.claim_a == a && row.claim_b == b) || (row.claim_a == b && row.claim_b == a)
            })
            .collect()
    }
}

/// The claim that holds a phrase at `range`: the shortest claim whose span covers
/// it whole, else the claim covering more than half of its bytes. A sentence the
/// tool cuts into two facts ("has diverted to Toulouse | after smoke was reported")
/// may cut a key phrase too; the phrase names the fact that holds most of it.
pub fn claim_holding<'c, C>(
    claims: impl Iterator<Item = &'c C> + Clone,
    span_of: impl Fn(&C) -> Range<usize>,
    range: &Range<usize>,
) -> Option<&'c C>
where
    C: 'c,
{
    let covering = claims
        .clone()
        .filter(|claim| {
            let span = span_of(claim);
            span.start <= range.start && range.end <= span.end
        })
        .min_by_key(|claim| span_of(claim).len());
    covering.or_else(|| {
        let overlap = |claim: &C| {
            let span = span_of(claim);
            span.end
                .min(range.end)
                .saturating_sub(span.start.max(range.start))
        };
        claims
            .filter(|claim| 2 * overlap(claim) > range.len())
            .max_by_key(|claim| overlap(claim))
    })
}

/// Resolves references of one event: report texts are read once.
pub struct Resolver<'t> {
    event_dir: PathBuf,
    claims: &'t [ClaimRecord],
    texts: BTreeMap<String, Result<FoldedText, String>>,
}

impl<'t> Resolver<'t> {
    pub fn new(event_dir: &Path, claims: &'t [ClaimRecord]) -> Self {
        Resolver {
            event_dir: event_dir.to_path_buf(),
            claims,
            texts: BTreeMap::new(),
        }
    }

    /// The byte range of the report's text that the reference's phrase covers.
    pub fn locate(&mut self, reference: &Reference) -> Result<Range<usize>, String> {
        let event_dir = &self.event_dir;
        let folded = self
            .texts
            .entry(reference.report.clone())
            .or_insert_with(|| {
                let path = event_dir.join(format!("{}.txt", reference.report));
                fs::read_to_string(&path)
                    .map(|raw| FoldedText::new(&report_text(&raw)))
                    .map_err(|err| format!("{}: cannot read: {err}", path.display()))
            })
            .as_ref()?;
        folded
            .find_unique(&reference.phrase)
            .map_err(|err| format!("{reference}: {err}"))
    }

    /// The claim of the reference's report that holds the phrase ([`claim_holding`]).
    pub fn claim(&mut self, reference: &Reference) -> Result<&'t ClaimRecord, String> {
        let range = self.locate(reference)?;
        let of_report = || {
            self.claims
                .iter()
                .filter(|claim| claim.report == reference.report)
        };
        if let Some(claim) = claim_holding(of_report(), |claim| claim.start..claim.end, &range) {
            return Ok(claim);
        }
        let overlapping: Vec<String> = of_report()
            .filter(|claim| claim.start < range.end && range.start < claim.end)
            .map(|claim| {
                format!(
                    "{} [{}..{}) {:?}",
                    claim.claim_id, claim.start, claim.end, claim.text
                )
            })
            .collect();
        Err(if overlapping.is_empty() {
            format!(
                "{reference}: no claim of {} covers bytes {}..{} (and none overlaps them)",
                reference.report, range.start, range.end
            )
        } else {
            format!(
                "{reference}: no claim of {} covers bytes {}..{}; overlapping: {}",
                reference.report,
                range.start,
                range.end,
                overlapping.join(", ")
            )
        })
    }
}

// ---------------------------------------------------------------------------------
// Checking an event
// ---------------------------------------------------------------------------------

/// Passed and total entries of one section of an answer key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub passed: usize,
    pub total: usize,
}

impl Score {
    fn record(&mut self, passed: bool) {
        self.total += 1;
        if passed {
            self.passed += 1;
        }
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.passed, self.total)
    }
}

/// The outcome of checking one event's answer key.
#[derive(Debug, Clone, Default)]
pub struct EventCheck {
    pub event: String,
    pub agree: Score,
    pub conflict: Score,
    pub not_conflict: Score,
    /// One readable paragraph per failed entry.
    pub failures: Vec<String>,
}

impl EventCheck {
    /// `patriot-call: agree 9/10, conflict 5/6, not_conflict 6/6`.
    pub fn score_line(&self) -> String {
        format!(
            "{}: agree {}, conflict {}, not_conflict {}",
            self.event, self.agree, self.conflict, self.not_conflict
        )
    }
}

/// Checks every entry of `event_dir/expected.toml` against the tables in `output_dir`.
pub fn check_event(event_dir: &Path, output_dir: &Path) -> Result<EventCheck, String> {
    let key = AnswerKey::load(&event_dir.join("expected.toml"))?;
    let tables = Tables::load(output_dir)?;
    let mut resolver = Resolver::new(event_dir, &tables.claims);
    let mut check = EventCheck {
        event: event_dir
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
        ..EventCheck::default()
    };

    for (index, entry) in key.agree.iter().enumerate() {
        let title = format!("agree #{}", index + 1);
        let outcome = resolve_pair(&mut resolver, &entry.a, &entry.b).and_then(|(a, b)| {
            let (groups_a, groups_b) =
                (tables.groups_of(&a.claim_id), tables.groups_of(&b.claim_id));
            if groups_a.intersection(&groups_b).next().is_some() {
                Ok(())
            } else {
                Err(format!(
                    "not in one group: {}; {}",
                    describe_groups(&a.claim_id, &groups_a),
                    describe_groups(&b.claim_id, &groups_b)
                ))
            }
        });
        record(
            &mut check.agree,
            &mut check.failures,
            &title,
            entry.a.as_str(),
            entry.b.as_str(),
            &entry.note,
            outcome,
        );
    }

    for (index, entry) in key.conflict.iter().enumerate() {
        let title = format!("conflict #{} ({})", index + 1, entry.kind);
        let outcome = resolve_pair(&mut resolver, &entry.a, &entry.b).and_then(|(a, b)| {
            let links = tables.conflicts_linking(&a.claim_id, &b.claim_id);
            if links.iter().any(|row| row.kind == entry.kind) {
                return Ok(());
            }
            if links.is_empty() {
                let (groups_a, groups_b) =
                    (tables.groups_of(&a.claim_id), tables.groups_of(&b.claim_id));
                Err(format!(
                    "no conflict row links {} and {}; {}; {}",
                    a.claim_id,
                    b.claim_id,
                    describe_groups(&a.claim_id, &groups_a),
                    describe_groups(&b.claim_id, &groups_b)
                ))
            } else {
                Err(format!(
                    "linked only with another kind: {}",
                    describe_links(&links)
                ))
            }
        });
        record(
            &mut check.conflict,
            &mut check.failures,
            &title,
            &entry.a,
            &entry.b,
            &entry.note,
            outcome,
        );
    }

    for (index, entry) in key.not_conflict.iter().enumerate() {
        let title = format!("not_conflict #{}", index + 1);
        let outcome = resolve_pair(&mut resolver, &entry.a, &entry.b).and_then(|(a, b)| {
            // Two claims may hold two facts: the key may say they conflict on one
            // (a misquote) and not on another (the same sum written two ways). A row
            // of a kind the key gives the same two claims is then no false alarm.
            let same_claims = |x: &str, y: &str| {
                (x == a.claim_id && y == b.claim_id) || (x == b.claim_id && y == a.claim_id)
            };
            let mut key_kinds: Vec<&str> = Vec::new();
            for conflict in &key.conflict {
                if let Ok((x, y)) = resolve_pair(&mut resolver, &conflict.a, &conflict.b) {
                    if same_claims(&x.claim_id, &y.claim_id) {
                        key_kinds.push(conflict.kind.as_str());
                    }
                }
            }
            let links: Vec<_> = tables
                .conflicts_linking(&a.claim_id, &b.claim_id)
                .into_iter()
                .filter(|row| !key_kinds.contains(&row.kind.as_str()))
                .collect();
            if links.is_empty() {
                Ok(())
            } else {
                Err(format!("wrongly linked: {}", describe_links(&links)))
            }
        });
        record(
            &mut check.not_conflict,
            &mut check.failures,
            &title,
            &entry.a,
            &entry.b,
            &entry.note,
            outcome,
        );
    }
    Ok(check)
}

fn resolve_pair<'t>(
    resolver: &mut Resolver<'t>,
    a: &str,
    b: &str,
) -> Result<(&'t ClaimRecord, &'t ClaimRecord), String> {
    let a = Reference::parse(a).and_then(|reference| resolver.claim(&reference));
    let b = Reference::parse(b).and_then(|reference| resolver.claim(&reference));
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (Err(err), Ok(_)) | (Ok(_), Err(err)) => Err(err),
        (Err(err_a), Err(err_b)) => Err(format!("{err_a}; {err_b}")),
    }
}

fn describe_groups(claim_id: &str, groups: &BTreeSet<&str>) -> String {
    if groups.is_empty() {
        format!("{claim_id} is in no group")
    } else {
        let groups: Vec<&str> = groups.iter().copied().collect();
        format!("{claim_id} is in group {}", groups.join(", "))
    }
}

fn describe_links(links: &[&ConflictRecord]) -> String {
    links
        .iter()
        .map(|row| format!("{} ({}: {})", row.conflict_id, row.kind, row.explanation))
        .collect::<Vec<_>>()
        .join(", ")
}

fn record(
    score: &mut Score,
    failures: &mut Vec<String>,
    title: &str,
    a: &str,
    b: &str,
    note: &str,
    outcome: Result<(), String>,
) {
    score.record(outcome.is_ok());
    if let Err(found) = outcome {
        let mut failure = format!("{title}: {a:?} vs {b:?}\n      found: {found}");
        if !note.is_empty() {
            failure.push_str(&format!("\n      note: {note}"));
        }
        failures.push(failure);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_belongs_to_the_claim_holding_it_whole_or_mostly() {
        let spans = [0..40, 10..20, 45..60];
        let holding =
            |range: Range<usize>| claim_holding(spans.iter(), |span| span.clone(), &range).cloned();
        // Covered whole: the shortest claim that covers it.
        assert_eq!(holding(12..18), Some(10..20));
        // Cut between two claims: the one holding more than half of it.
        assert_eq!(holding(38..56), Some(45..60));
        // Half or less in any claim: none.
        assert_eq!(holding(36..44), None);
        assert_eq!(holding(61..70), None);
    }

    #[test]
    fn phrase_with_folded_white_space_maps_back_to_original_bytes() {
        let text = "Zelenskyy’s  call\n lasted about\u{a0}40 minutes — Kyiv said.";
        let folded = FoldedText::new(text);
        assert_eq!(
            folded.as_str(),
            "Zelenskyy’s call lasted about 40 minutes — Kyiv said."
        );
        let range = folded
            .find_unique("call lasted   about 40 minutes")
            .unwrap();
        assert_eq!(&text[range], "call\n lasted about\u{a0}40 minutes");
    }

    #[test]
    fn multi_byte_phrases_resolve_to_char_boundaries() {
        let text = "Der Bürgermeister sagte: «Wir sind bereit» — 東京 too.";
        let folded = FoldedText::new(text);
        let range = folded.find_unique("«Wir sind bereit»").unwrap();
        assert_eq!(&text[range], "«Wir sind bereit»");
        let range = folded.find_unique("— 東京").unwrap();
        assert_eq!(&text[range], "— 東京");
    }

    #[test]
    fn missing_and_repeated_phrases_are_errors() {
        let folded = FoldedText::new("the fire, the fire, the mill");
        assert_eq!(
            folded.find_unique("the fire"),
            Err(PhraseError::Ambiguous { occurrences: 2 })
        );
        assert_eq!(folded.find_unique("the barn"), Err(PhraseError::NotFound));
        assert_eq!(folded.find_unique("  "), Err(PhraseError::Empty));
        assert!(folded.find_unique("the mill").is_ok());
    }

    #[test]
    fn report_text_matches_what_claim_offsets_refer_to() {
        assert_eq!(report_text("\u{feff}a\r\nb\r\n"), "a\nb\n");
    }

    #[test]
    fn references_split_at_the_first_colon() {
        let reference = Reference::parse("wire: said: \"no\"").unwrap();
        assert_eq!(reference.report, "wire");
        assert_eq!(reference.phrase, "said: \"no\"");
        assert!(Reference::parse("no colon here").is_err());
        assert!(Reference::parse("wire:   ").is_err());
    }

    #[test]
    fn answer_key_parses() {
        let key: AnswerKey = toml::from_str(
            r#"
            [[agree]]
            a = "wire: x"
            b = "tabloid: y"
            note = "same"
            [[conflict]]
            kind = "number"
            a = "wire: 40"
            b = "tabloid: an hour"
            "#,
        )
        .unwrap();
        assert_eq!(key.agree.len(), 1);
        assert_eq!(key.conflict[0].kind, "number");
        assert!(key.not_conflict.is_empty());
    }

    #[test]
    fn check_event_reports_scores_and_readable_failures() {
        let root = std::env::temp_dir().join(format!("claimdiff-lib-test-{}", std::process::id()));
        let event = root.join("mill-fire");
        let out = root.join("out");
        fs::create_dir_all(&event).unwrap();
        fs::create_dir_all(&out).unwrap();
        fs::write(
            event.join("wire.txt"),
            "The fire lasted about 40 minutes.\r\nNo one died.\n",
        )
        .unwrap();
        fs::write(
            event.join("tabloid.txt"),
            "The blaze raged for an hour. Nobody died.\n",
        )
        .unwrap();
        fs::write(
            event.join("expected.toml"),
            r#"
            [[agree]]
            a = "wire: No one died"
            b = "tabloid: Nobody died"
            [[conflict]]
            kind = "number"
            a = "wire: about 40 minutes"
            b = "tabloid: for an hour"
            note = "duration"
            [[not_conflict]]
            a = "wire: No one died"
            b = "tabloid: Nobody died"
            "#,
        )
        .unwrap();
        fs::write(
            out.join("claims.csv"),
            "claim_id,report,start,end,text\n\
             wire#1,wire,0,33,The fire lasted about 40 minutes.\n\
             wire#2,wire,34,46,No one died.\n\
             tabloid#1,tabloid,0,28,The blaze raged for an hour.\n\
             tabloid#2,tabloid,29,41,Nobody died.\n",
        )
        .unwrap();
        fs::write(
            out.join("agreements.csv"),
            "group_id,support,report,claim_id\ng1,2,wire,wire#2\ng1,2,tabloid,tabloid#2\n",
        )
        .unwrap();
        fs::write(
            out.join("conflicts.csv"),
            "conflict_id,kind,claim_a,claim_b,explanation\nc1,time,tabloid#1,wire#1,differs\n",
        )
        .unwrap();
        let check = check_event(&event, &out).unwrap();
        fs::remove_dir_all(&root).unwrap();
        assert_eq!(
            check.score_line(),
            "mill-fire: agree 1/1, conflict 0/1, not_conflict 1/1"
        );
        assert_eq!(check.failures.len(), 1);
        assert!(check.failures[0].contains("linked only with another kind: c1 (time: differs)"));
        assert!(check.failures[0].contains("note: duration"));
    }
}
