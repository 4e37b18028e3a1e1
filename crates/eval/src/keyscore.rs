//! Scoring one system's tables against an event's answer key
//! (`fixtures/<event>/expected.toml`) as precision, recall and F1.
//!
//! Every reference ("REPORT: phrase") is resolved to the system's own claim whose
//! span covers the phrase, or else holds more than half of it
//! (`claimdiff_tests::claim_holding`); an entry whose reference no claim holds
//! counts as missed. The *key claims* are all claims some reference
//! resolves to. The definitions:
//!
//! **Agreements.**
//! - Recall: `agree` entries whose two claims share an agreement group / all
//!   `agree` entries.
//! - Precision (pairwise, over key claims): take every pair of key claims from
//!   different reports that the system put in one group, leaving out pairs the key
//!   lists as `not_conflict` (compatible wording; the key does not say whether they
//!   are one fact). A pair is right when the key's `agree` entries connect its two
//!   claims (directly or through a chain of `agree` entries: the key's agreement
//!   clusters); every other pair is wrong, including pairs the key lists as
//!   conflicting. The key does not list every true agreement, so this precision
//!   is a lower bound; `-v` prints the pairs counted wrong. When one claim covers
//!   phrases of two different facts (the peer keeps whole sentences), their
//!   clusters join, which is lenient to coarse claims.
//!
//! **Conflicts, per kind.**
//! - Recall: `conflict` entries linked by a conflict row of the same kind / all
//!   entries of that kind (a row of another kind is counted apart as "wrong kind").
//! - Precision: rows of that kind whose pair is a key conflict of the same kind /
//!   rows of that kind whose two claims are both key claims ("judged" rows). Rows
//!   touching a claim the key says nothing about are not judged.
//! - False alarms: rows linking a pair the key lists as `not_conflict`, unless
//!   the key also lists the pair as a conflict of the row's kind; and the
//!   total number of rows, judged or not.
//! - `not_conflict` met: entries with no conflict row of a kind the key does not
//!   give the same pair.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use claimdiff_matcher::Comparison;
use claimdiff_parser::Report;
use claimdiff_tests::{
    AgreementRecord, AnswerKey, ClaimRecord, ConflictRecord, Reference, Resolver, Tables,
};

use crate::metrics::{f1, ratio};

/// The conflict kinds of the answer keys, in the order tables print them.
pub const KEY_KINDS: [&str; 6] = [
    "number",
    "time",
    "negation",
    "attribution",
    "quote",
    "entity",
];

/// Counts for one conflict kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindScore {
    /// Key entries of this kind.
    pub key: usize,
    /// Key entries linked by a row of this kind.
    pub found: usize,
    /// Key entries linked only by rows of other kinds.
    pub wrong_kind: usize,
    /// All rows of this kind.
    pub rows: usize,
    /// Rows of this kind whose two claims are key claims.
    pub judged: usize,
    /// Judged rows whose pair is a key conflict of this kind.
    pub right: usize,
    /// Rows of this kind linking a `not_conflict` pair.
    pub false_alarms: usize,
}

impl KindScore {
    fn add(&mut self, other: &KindScore) {
        self.key += other.key;
        self.found += other.found;
        self.wrong_kind += other.wrong_kind;
        self.rows += other.rows;
        self.judged += other.judged;
        self.right += other.right;
        self.false_alarms += other.false_alarms;
    }

    pub fn recall(&self) -> f64 {
        ratio(self.found, self.key)
    }

    pub fn precision(&self) -> f64 {
        ratio(self.right, self.judged)
    }

    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// The score of one system on one or more events.
#[derive(Debug, Clone, Default)]
pub struct KeyScore {
    pub agree_key: usize,
    pub agree_found: usize,
    /// Grouped pairs of key claims (minus `not_conflict` pairs).
    pub grouped_judged: usize,
    /// Of those, pairs inside one of the key's agreement clusters.
    pub grouped_right: usize,
    /// Key conflict pairs the system put in one agreement group.
    pub grouped_conflicts: usize,
    /// Per conflict kind (the key's kinds and any other kind the system wrote).
    pub kinds: BTreeMap<String, KindScore>,
    pub not_conflict_key: usize,
    pub not_conflict_met: usize,
    /// Key entries with a reference no claim covers.
    pub unresolved: usize,
    /// One line per miss, wrong pair and false alarm, for `-v`.
    pub details: Vec<String>,
}

impl KeyScore {
    pub fn add(&mut self, other: &KeyScore) {
        self.agree_key += other.agree_key;
        self.agree_found += other.agree_found;
        self.grouped_judged += other.grouped_judged;
        self.grouped_right += other.grouped_right;
        self.grouped_conflicts += other.grouped_conflicts;
        for (kind, score) in &other.kinds {
            self.kinds.entry(kind.clone()).or_default().add(score);
        }
        self.not_conflict_key += other.not_conflict_key;
        self.not_conflict_met += other.not_conflict_met;
        self.unresolved += other.unresolved;
        self.details.extend(other.details.iter().cloned());
    }

    pub fn agree_recall(&self) -> f64 {
        ratio(self.agree_found, self.agree_key)
    }

    pub fn agree_precision(&self) -> f64 {
        ratio(self.grouped_right, self.grouped_judged)
    }

    pub fn agree_f1(&self) -> f64 {
        f1(self.agree_precision(), self.agree_recall())
    }

    /// All kinds summed.
    pub fn conflicts(&self) -> KindScore {
        let mut total = KindScore::default();
        for score in self.kinds.values() {
            total.add(score);
        }
        total
    }
}

/// The tables `claimdiff compare` would write, built from library results
/// (claim ids `<report>#<n>`, groups `g1..`, conflict kinds as in `conflicts.csv`).
pub fn our_tables(reports: &[Report], comparison: &Comparison) -> Tables {
    let claim_id = |r: usize, c: usize| -> Option<String> {
        let report = reports.get(r)?;
        Some(format!("{}#{}", report.id, report.claims.get(c)?.number))
    };
    let claims = reports
        .iter()
        .flat_map(|report| {
            report.claims.iter().map(|claim| ClaimRecord {
                claim_id: format!("{}#{}", report.id, claim.number),
                report: report.id.clone(),
                start: claim.start,
                end: claim.end,
                text: claim.text.clone(),
            })
        })
        .collect();
    let mut agreements = Vec::new();
    for (index, group) in comparison.groups.iter().enumerate() {
        for member in &group.members {
            let r = member.claim.report;
            if let Some(id) = claim_id(r, member.claim.claim) {
                agreements.push(AgreementRecord {
                    group_id: format!("g{}", index + 1),
                    report: reports[r].id.clone(),
                    claim_id: id,
                });
            }
        }
    }
    let conflicts = comparison
        .conflicts
        .iter()
        .enumerate()
        .filter_map(|(index, conflict)| {
            Some(ConflictRecord {
                conflict_id: format!("c{}", index + 1),
                kind: conflict.kind.as_str().to_string(),
                claim_a: claim_id(conflict.a.report, conflict.a.claim)?,
                claim_b: claim_id(conflict.b.report, conflict.b.claim)?,
                explanation: conflict.explanation.clone(),
            })
        })
        .collect();
    Tables {
        claims,
        agreements,
        conflicts,
    }
}

/// An unordered pair of claim ids.
type Pair = (String, String);

fn pair(a: &str, b: &str) -> Pair {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// Union-find over claim ids: the key's agreement clusters.
#[derive(Default)]
struct Clusters {
    parent: HashMap<String, String>,
}

impl Clusters {
    fn root(&mut self, id: &str) -> String {
        let mut current = id.to_string();
        while let Some(parent) = self.parent.get(&current) {
            if *parent == current {
                break;
            }
            current = parent.clone();
        }
        current
    }

    fn join(&mut self, a: &str, b: &str) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent.insert(ra, rb);
        }
    }
}

/// The first 80 characters of a claim's text, for detail lines.
fn short(text: &str) -> String {
    match text.char_indices().nth(80) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// Scores `tables` against the answer key of the event in `event_dir` (whose
/// report files the references point into).
pub fn score_event(event_dir: &Path, key: &AnswerKey, tables: &Tables) -> KeyScore {
    let mut score = KeyScore::default();
    let mut resolver = Resolver::new(event_dir, &tables.claims);
    let mut resolve = |a: &str, b: &str| -> Result<Pair, String> {
        let mut one = |text: &str| {
            Reference::parse(text)
                .and_then(|reference| resolver.claim(&reference))
                .map(|claim| claim.claim_id.clone())
        };
        let (a, b) = (one(a), one(b));
        match (a, b) {
            (Ok(a), Ok(b)) => Ok((a, b)),
            (Err(err), _) | (_, Err(err)) => Err(err),
        }
    };

    let mut key_claims: BTreeSet<String> = BTreeSet::new();
    let mut clusters = Clusters::default();
    let mut resolved_agree = Vec::new();
    for entry in &key.agree {
        match resolve(&entry.a, &entry.b) {
            Ok((a, b)) => {
                clusters.join(&a, &b);
                key_claims.extend([a.clone(), b.clone()]);
                resolved_agree.push(Some((a, b)));
            }
            Err(err) => {
                score.unresolved += 1;
                score.details.push(format!("unresolved agree: {err}"));
                resolved_agree.push(None);
            }
        }
    }
    let mut key_conflicts: BTreeMap<Pair, BTreeSet<String>> = BTreeMap::new();
    let mut resolved_conflicts = Vec::new();
    for entry in &key.conflict {
        match resolve(&entry.a, &entry.b) {
            Ok((a, b)) => {
                key_claims.extend([a.clone(), b.clone()]);
                key_conflicts
                    .entry(pair(&a, &b))
                    .or_default()
                    .insert(entry.kind.clone());
                resolved_conflicts.push(Some(pair(&a, &b)));
            }
            Err(err) => {
                score.unresolved += 1;
                score.details.push(format!("unresolved conflict: {err}"));
                resolved_conflicts.push(None);
            }
        }
    }
    let mut not_conflicts: BTreeSet<Pair> = BTreeSet::new();
    let mut resolved_not = Vec::new();
    for entry in &key.not_conflict {
        match resolve(&entry.a, &entry.b) {
            Ok((a, b)) => {
                key_claims.extend([a.clone(), b.clone()]);
                not_conflicts.insert(pair(&a, &b));
                resolved_not.push(Some(pair(&a, &b)));
            }
            Err(err) => {
                score.unresolved += 1;
                score
                    .details
                    .push(format!("unresolved not_conflict: {err}"));
                resolved_not.push(None);
            }
        }
    }

    // Agreement groups as claim sets; the report of every claim.
    let report_of: HashMap<&str, &str> = tables
        .claims
        .iter()
        .map(|c| (c.claim_id.as_str(), c.report.as_str()))
        .collect();
    let text_of: HashMap<&str, &str> = tables
        .claims
        .iter()
        .map(|c| (c.claim_id.as_str(), c.text.as_str()))
        .collect();
    let show = |id: &str| format!("{id} {:?}", short(text_of.get(id).copied().unwrap_or("")));
    let mut groups: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for row in &tables.agreements {
        groups
            .entry(row.group_id.as_str())
            .or_default()
            .insert(row.claim_id.as_str());
    }
    let mut grouped: BTreeSet<Pair> = BTreeSet::new();
    for members in groups.values() {
        let members: Vec<&str> = members.iter().copied().collect();
        for (i, a) in members.iter().enumerate() {
            for b in &members[i + 1..] {
                if report_of.get(a) != report_of.get(b) {
                    grouped.insert(pair(a, b));
                }
            }
        }
    }

    // Agreements: recall over entries, precision over grouped pairs of key claims.
    for (entry, resolved) in key.agree.iter().zip(&resolved_agree) {
        score.agree_key += 1;
        match resolved {
            Some((a, b)) if grouped.contains(&pair(a, b)) => score.agree_found += 1,
            Some((a, b)) => score.details.push(format!(
                "agree missed: {} / {} ({a} and {b} not in one group)",
                entry.a, entry.b
            )),
            None => {}
        }
    }
    for (a, b) in &grouped {
        if !key_claims.contains(a) || !key_claims.contains(b) {
            continue;
        }
        let this = (a.clone(), b.clone());
        if not_conflicts.contains(&this) {
            continue;
        }
        score.grouped_judged += 1;
        if key_conflicts.contains_key(&this) {
            score.grouped_conflicts += 1;
        }
        if clusters.root(a) == clusters.root(b) {
            score.grouped_right += 1;
        } else {
            score.details.push(format!(
                "grouped but not a key agreement: {} / {}",
                show(a),
                show(b)
            ));
        }
    }

    // Conflicts: rows by pair, then recall per kind, precision per kind.
    let mut rows_by_pair: BTreeMap<Pair, Vec<&ConflictRecord>> = BTreeMap::new();
    for row in &tables.conflicts {
        rows_by_pair
            .entry(pair(&row.claim_a, &row.claim_b))
            .or_default()
            .push(row);
    }
    for kind in KEY_KINDS {
        score.kinds.entry(kind.to_string()).or_default();
    }
    for (entry, resolved) in key.conflict.iter().zip(&resolved_conflicts) {
        let kind = score.kinds.entry(entry.kind.clone()).or_default();
        kind.key += 1;
        let Some(this) = resolved else { continue };
        let rows = rows_by_pair.get(this).map(Vec::as_slice).unwrap_or(&[]);
        if rows.iter().any(|row| row.kind == entry.kind) {
            kind.found += 1;
        } else if rows.is_empty() {
            score.details.push(format!(
                "conflict ({}) missed: {} / {}",
                entry.kind, entry.a, entry.b
            ));
        } else {
            kind.wrong_kind += 1;
            score.details.push(format!(
                "conflict ({}) found as {}: {} / {}",
                entry.kind,
                rows.iter()
                    .map(|r| r.kind.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                entry.a,
                entry.b
            ));
        }
    }
    for row in &tables.conflicts {
        let this = pair(&row.claim_a, &row.claim_b);
        let kind = score.kinds.entry(row.kind.clone()).or_default();
        kind.rows += 1;
        // A kind the key gives the same two claims is no false alarm: two claims
        // may conflict on one fact (a misquote) and agree on another (a sum).
        let key_kind = key_conflicts
            .get(&this)
            .is_some_and(|kinds| kinds.contains(&row.kind));
        if not_conflicts.contains(&this) && !key_kind {
            kind.false_alarms += 1;
            score.details.push(format!(
                "false alarm ({}): {} / {}: {}",
                row.kind, row.claim_a, row.claim_b, row.explanation
            ));
        }
        if key_claims.contains(&this.0) && key_claims.contains(&this.1) {
            kind.judged += 1;
            if key_conflicts
                .get(&this)
                .is_some_and(|kinds| kinds.contains(&row.kind))
            {
                kind.right += 1;
            } else if !not_conflicts.contains(&this) {
                score.details.push(format!(
                    "conflict row not in the key ({}): {} / {}: {}",
                    row.kind,
                    show(&row.claim_a),
                    show(&row.claim_b),
                    row.explanation
                ));
            }
        }
    }
    for resolved in &resolved_not {
        score.not_conflict_key += 1;
        if let Some(this) = resolved {
            let unkeyed_rows = rows_by_pair.get(this).is_some_and(|rows| {
                rows.iter().any(|row| {
                    !key_conflicts
                        .get(this)
                        .is_some_and(|kinds| kinds.contains(&row.kind))
                })
            });
            if !unkeyed_rows {
                score.not_conflict_met += 1;
            }
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn claim(id: &str, start: usize, end: usize) -> ClaimRecord {
        ClaimRecord {
            claim_id: id.to_string(),
            report: id.split('#').next().unwrap_or_default().to_string(),
            start,
            end,
            text: String::new(),
        }
    }

    fn member(group: &str, id: &str) -> AgreementRecord {
        AgreementRecord {
            group_id: group.to_string(),
            report: id.split('#').next().unwrap_or_default().to_string(),
            claim_id: id.to_string(),
        }
    }

    fn row(kind: &str, a: &str, b: &str) -> ConflictRecord {
        ConflictRecord {
            conflict_id: "c".to_string(),
            kind: kind.to_string(),
            claim_a: a.to_string(),
            claim_b: b.to_string(),
            explanation: String::new(),
        }
    }

    /// wire: 3 claims, tabloid: 3 claims, each claim one line of its report.
    fn event() -> (tempfile::TempDir, AnswerKey) {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("wire.txt"),
            "Twelve died in the fire.\nNine were hurt.\nThe fire began on Tuesday.\n",
        )
        .unwrap();
        fs::write(
            dir.path().join("tabloid.txt"),
            "Twelve people died.\nFourteen were hurt.\nThe blaze began on Wednesday.\n",
        )
        .unwrap();
        let key: AnswerKey = toml::from_str(
            r#"
            [[agree]]
            a = "wire: Twelve died"
            b = "tabloid: Twelve people died"
            [[conflict]]
            kind = "number"
            a = "wire: Nine were hurt"
            b = "tabloid: Fourteen were hurt"
            [[conflict]]
            kind = "time"
            a = "wire: began on Tuesday"
            b = "tabloid: began on Wednesday"
            [[not_conflict]]
            a = "wire: Twelve died"
            b = "tabloid: Fourteen were hurt"
            "#,
        )
        .unwrap();
        (dir, key)
    }

    fn claims() -> Vec<ClaimRecord> {
        vec![
            claim("wire#1", 0, 24),
            claim("wire#2", 25, 40),
            claim("wire#3", 41, 67),
            claim("tabloid#1", 0, 19),
            claim("tabloid#2", 20, 39),
            claim("tabloid#3", 40, 69),
        ]
    }

    #[test]
    fn a_perfect_system_scores_one_everywhere() {
        let (dir, key) = event();
        let tables = Tables {
            claims: claims(),
            agreements: vec![member("g1", "wire#1"), member("g1", "tabloid#1")],
            conflicts: vec![
                row("number", "wire#2", "tabloid#2"),
                row("time", "wire#3", "tabloid#3"),
            ],
        };
        let score = score_event(dir.path(), &key, &tables);
        assert_eq!(score.unresolved, 0, "{:?}", score.details);
        assert_eq!((score.agree_found, score.agree_key), (1, 1));
        assert_eq!((score.grouped_right, score.grouped_judged), (1, 1));
        let all = score.conflicts();
        assert_eq!((all.found, all.key, all.right, all.judged), (2, 2, 2, 2));
        assert_eq!(all.false_alarms, 0);
        assert_eq!((score.not_conflict_met, score.not_conflict_key), (1, 1));
        assert_eq!(score.agree_f1(), 1.0);
    }

    #[test]
    fn a_row_of_the_kind_the_key_gives_a_not_conflict_pair_is_no_false_alarm() {
        let (dir, mut key) = event();
        // The same two claims: they conflict on the number, and (say) agree on a
        // sum written two ways.
        let extra: AnswerKey = toml::from_str(
            r#"
            [[not_conflict]]
            a = "wire: Nine were hurt"
            b = "tabloid: Fourteen were hurt"
            "#,
        )
        .unwrap();
        key.not_conflict.extend(extra.not_conflict);
        let rows = |kind: &str| Tables {
            claims: claims(),
            agreements: Vec::new(),
            conflicts: vec![row(kind, "wire#2", "tabloid#2")],
        };
        let score = score_event(dir.path(), &key, &rows("number"));
        assert_eq!(score.conflicts().false_alarms, 0);
        assert_eq!((score.not_conflict_met, score.not_conflict_key), (2, 2));
        let score = score_event(dir.path(), &key, &rows("time"));
        assert_eq!(score.conflicts().false_alarms, 1);
        assert_eq!((score.not_conflict_met, score.not_conflict_key), (1, 2));
    }

    #[test]
    fn wrong_groups_kinds_and_false_alarms_are_counted() {
        let (dir, key) = event();
        let tables = Tables {
            claims: claims(),
            // One group that also swallows the injury conflict pair.
            agreements: vec![
                member("g1", "wire#1"),
                member("g1", "tabloid#1"),
                member("g1", "wire#2"),
                member("g1", "tabloid#2"),
            ],
            conflicts: vec![
                row("time", "wire#2", "tabloid#2"),
                row("number", "tabloid#2", "wire#1"),
            ],
        };
        let score = score_event(dir.path(), &key, &tables);
        // Cross-report grouped pairs: w1-t1 (right), w1-t2 (not_conflict: left out),
        // w2-t1 (wrong), w2-t2 (wrong, a key conflict).
        assert_eq!((score.grouped_right, score.grouped_judged), (1, 3));
        assert_eq!(score.grouped_conflicts, 1);
        let number = score.kinds["number"];
        assert_eq!((number.found, number.wrong_kind, number.key), (0, 1, 1));
        assert_eq!((number.rows, number.judged, number.right), (1, 1, 0));
        assert_eq!(number.false_alarms, 1);
        let time = score.kinds["time"];
        assert_eq!(
            (time.found, time.rows, time.right, time.judged),
            (0, 1, 0, 1)
        );
        assert_eq!((score.not_conflict_met, score.not_conflict_key), (0, 1));
    }

    #[test]
    fn a_phrase_no_claim_covers_is_a_miss_not_an_error() {
        let (dir, key) = event();
        let tables = Tables {
            // wire#1 holds "Twelve" of "Twelve died": less than half, no claim of it.
            claims: vec![claim("wire#1", 0, 5), claim("tabloid#1", 0, 19)],
            agreements: vec![],
            conflicts: vec![],
        };
        let score = score_event(dir.path(), &key, &tables);
        assert_eq!(score.unresolved, 4);
        assert_eq!((score.agree_found, score.agree_key), (0, 1));
        assert_eq!(score.conflicts().key, 2);
    }
}
