//! Disputes: the conflicts summarised per disputed point, linear in the claims.
//!
//! The conflicts table lists pairs of claims, so a point on which hundreds of
//! reports split ("about 40 minutes" in most, "an hour" in some) is n·m rows
//! saying the same thing. A dispute is one such point: the claims joined by
//! conflicts of one kind (connected components of the conflict pairs of that
//! kind), with each distinct value and the claims that state it. Its size is one
//! entry per claim and value, however many pairs the conflicts table lists.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::{ClaimRef, Comparison, ConflictKind};

/// Claims that conflict with each other over one point, by the value they state.
#[derive(Debug, Clone, PartialEq)]
pub struct Dispute {
    pub kind: ConflictKind,
    /// Distinct values, the most widely reported first (ties by value).
    pub values: Vec<DisputedValue>,
    /// Conflict rows (pairs of claims) this dispute stands for.
    pub pairs: usize,
    /// The explanation of the first of those rows, as an example.
    pub explanation: String,
}

/// One side of a dispute: a value and the claims stating it.
#[derive(Debug, Clone, PartialEq)]
pub struct DisputedValue {
    pub value: String,
    /// Sorted.
    pub claims: Vec<ClaimRef>,
    /// Number of distinct reports among the claims.
    pub reports: usize,
}

impl Dispute {
    /// Every claim taking part, sorted, each once.
    pub fn claims(&self) -> Vec<ClaimRef> {
        let mut claims: Vec<ClaimRef> = self
            .values
            .iter()
            .flat_map(|value| value.claims.iter().copied())
            .collect();
        claims.sort_unstable();
        claims.dedup();
        claims
    }
}

/// The disputes of a comparison, ordered by their first claim, then kind.
/// Deterministic: computed from the sorted conflicts alone.
pub fn disputes(comparison: &Comparison) -> Vec<Dispute> {
    // Union-find over (kind, claim) nodes: a claim can take part in disputes of
    // different kinds, and two kinds are two points.
    let mut node_of: FxHashMap<(ConflictKind, ClaimRef), usize> = FxHashMap::default();
    let mut parent: Vec<usize> = Vec::new();
    let mut node = |kind: ConflictKind, claim: ClaimRef, parent: &mut Vec<usize>| -> usize {
        *node_of.entry((kind, claim)).or_insert_with(|| {
            parent.push(parent.len());
            parent.len() - 1
        })
    };
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut ends = Vec::with_capacity(comparison.conflicts.len());
    for conflict in &comparison.conflicts {
        let a = node(conflict.kind, conflict.a, &mut parent);
        let b = node(conflict.kind, conflict.b, &mut parent);
        let (root_a, root_b) = (find(&mut parent, a), find(&mut parent, b));
        if root_a != root_b {
            // The lower node stays the root: the result does not depend on the
            // order of unions beyond the order of the (sorted) conflicts.
            let (low, high) = (root_a.min(root_b), root_a.max(root_b));
            parent[high] = low;
        }
        ends.push(a);
    }

    struct Building<'c> {
        kind: ConflictKind,
        first: ClaimRef,
        pairs: usize,
        explanation: &'c str,
        values: BTreeMap<&'c str, Vec<ClaimRef>>,
    }
    let mut by_root: FxHashMap<usize, Building> = FxHashMap::default();
    for (conflict, &a) in comparison.conflicts.iter().zip(&ends) {
        let root = find(&mut parent, a);
        let building = by_root.entry(root).or_insert_with(|| Building {
            kind: conflict.kind,
            first: conflict.a,
            pairs: 0,
            explanation: &conflict.explanation,
            values: BTreeMap::new(),
        });
        building.pairs += 1;
        building.first = building.first.min(conflict.a);
        for (value, claim) in [
            (conflict.value_a.as_str(), conflict.a),
            (conflict.value_b.as_str(), conflict.b),
        ] {
            building.values.entry(value).or_default().push(claim);
        }
    }

    let mut disputes: Vec<(ClaimRef, Dispute)> = by_root
        .into_values()
        .map(|building| {
            let mut values: Vec<DisputedValue> = building
                .values
                .into_iter()
                .map(|(value, mut claims)| {
                    claims.sort_unstable();
                    claims.dedup();
                    let mut reports: Vec<usize> = claims.iter().map(|c| c.report).collect();
                    reports.dedup();
                    DisputedValue {
                        value: value.to_string(),
                        reports: reports.len(),
                        claims,
                    }
                })
                .collect();
            values.sort_by(|x, y| y.reports.cmp(&x.reports).then(x.value.cmp(&y.value)));
            (
                building.first,
                Dispute {
                    kind: building.kind,
                    values,
                    pairs: building.pairs,
                    explanation: building.explanation.to_string(),
                },
            )
        })
        .collect();
    disputes.sort_by_key(|x| (x.0, x.1.kind));
    disputes.into_iter().map(|(_, dispute)| dispute).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Conflict;

    fn claim(report: usize) -> ClaimRef {
        ClaimRef { report, claim: 0 }
    }

    fn conflict(kind: ConflictKind, a: usize, va: &str, b: usize, vb: &str) -> Conflict {
        Conflict {
            kind,
            a: claim(a),
            b: claim(b),
            value_a: va.to_string(),
            value_b: vb.to_string(),
            similarity: 0.9,
            explanation: format!("{va} vs {vb}"),
        }
    }

    /// Three reports say 40 minutes, two say an hour: six pairs, one dispute
    /// with two values.
    #[test]
    fn a_split_over_one_value_is_one_dispute() {
        let forty = "40 minute (approx)";
        let hour = "1 hour";
        let mut conflicts = Vec::new();
        for a in 0..3 {
            for b in 3..5 {
                conflicts.push(conflict(ConflictKind::Number, a, forty, b, hour));
            }
        }
        // An unrelated negation between two other reports.
        conflicts.push(conflict(
            ConflictKind::Negation,
            5,
            "positive",
            6,
            "negative",
        ));
        let comparison = Comparison {
            conflicts,
            ..Comparison::default()
        };
        let found = disputes(&comparison);
        assert_eq!(found.len(), 2, "{found:?}");
        let number = &found[0];
        assert_eq!(number.kind, ConflictKind::Number);
        assert_eq!(number.pairs, 6);
        assert_eq!(number.values.len(), 2);
        assert_eq!(number.values[0].value, forty);
        assert_eq!(number.values[0].reports, 3);
        assert_eq!(number.values[0].claims, vec![claim(0), claim(1), claim(2)]);
        assert_eq!(number.values[1].value, hour);
        assert_eq!(number.values[1].claims, vec![claim(3), claim(4)]);
        assert_eq!(number.claims().len(), 5);
        assert_eq!(found[1].kind, ConflictKind::Negation);
        assert_eq!(found[1].claims(), vec![claim(5), claim(6)]);
    }

    #[test]
    fn kinds_are_separate_points_even_between_the_same_claims() {
        let comparison = Comparison {
            conflicts: vec![
                conflict(ConflictKind::Number, 0, "40", 1, "60"),
                conflict(ConflictKind::Time, 0, "Friday", 2, "Thursday"),
            ],
            ..Comparison::default()
        };
        let found = disputes(&comparison);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].kind, ConflictKind::Number);
        assert_eq!(found[1].kind, ConflictKind::Time);
        assert!(disputes(&Comparison::default()).is_empty());
    }
}
