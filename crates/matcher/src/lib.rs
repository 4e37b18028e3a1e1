//! claimdiff-matcher: compares the claims of many parsed reports.
//!
//! Data flow: [`compare`] takes the parsed reports, builds per-claim features
//! (`features`), proposes candidate pairs from an inverted index instead of scoring
//! every pair (`candidates`), scores each candidate from the claims' slots
//! (`similarity`), decides whether a matched pair conflicts using the tolerance rules
//! (`tolerance`, `conflict`), and merges agreeing pairs into groups across all
//! reports (`groups`). Whatever is in no group and no conflict is unique.
//! Work is spread over rayon's thread pool; results are sorted so that the output
//! is identical for any number of threads.

use claimdiff_parser::Report;
use serde::Serialize;

/// Identifies a claim by position: `reports[report].claims[claim]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimRef {
    pub report: usize,
    pub claim: usize,
}

/// The kind of a conflict, as written in `conflicts.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    Number,
    Time,
    Negation,
    Attribution,
    Quote,
    Entity,
    Other,
}

/// A member of an agreement group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupMember {
    pub claim: ClaimRef,
    /// Similarity to the group's representative, 0..1 (1 for the representative).
    pub similarity: f64,
}

/// Claims from two or more reports that state the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub representative: ClaimRef,
    /// Sorted by claim reference.
    pub members: Vec<GroupMember>,
    /// Number of distinct reports among the members (2 or more).
    pub support: usize,
}

/// Two claims about the same thing that cannot both be true as stated.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// `a` comes before `b` in claim-reference order.
    pub a: ClaimRef,
    pub b: ClaimRef,
    pub value_a: String,
    pub value_b: String,
    /// How strongly the two claims are about the same thing, 0..1.
    pub similarity: f64,
    /// One plain sentence, e.g. "duration differs: about 40 minutes vs an hour".
    pub explanation: String,
}

/// Counters for benchmarks and the end-of-run summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatchStats {
    pub claims: usize,
    pub candidate_pairs: usize,
    pub matched_pairs: usize,
}

/// The result of comparing reports.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// Sorted by their first member.
    pub groups: Vec<Group>,
    /// Sorted by (a, b).
    pub conflicts: Vec<Conflict>,
    /// Claims in no group and no conflict, sorted.
    pub unique: Vec<ClaimRef>,
    pub stats: MatchStats,
}

/// Compares the claims of all reports.
pub fn compare(reports: &[Report]) -> Comparison {
    let _ = reports;
    todo!("matcher")
}
