//! Agreement groups over agreement edges, across all reports.
//!
//! Edges are taken strongest first and join two groups only when their members
//! match each other on average (average linkage): plain connected components
//! would chain loosely related claims into one giant group, and checking only the
//! claims that founded each group made the result depend on which claim came first. A report
//! may bring several claims. Only groups with claims from two or more reports are
//! kept. The representative is the member most similar to the others (ties go to
//! the lowest claim reference), and each member carries its similarity to it.

use rayon::prelude::*;

use crate::thresholds::{GROUP_LINK_MIN_SIMILARITY, GROUP_LINK_SAMPLE, REPRESENTATIVE_EXACT_MAX};
use crate::{ClaimRef, Group, GroupMember};

/// Disjoint sets over flat claim positions, with path halving and union by size.
struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (mut ra, mut rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        if self.size[ra] < self.size[rb] {
            std::mem::swap(&mut ra, &mut rb);
        }
        self.parent[rb] = ra;
        self.size[ra] += self.size[rb];
    }
}

/// An agreeing matched pair of flat claim positions with its similarity.
pub(crate) type Edge = (usize, usize, f64);

/// Builds the output groups from agreement edges over `refs.len()` claims.
/// `similarity(a, b)` scores two flat positions (used for the representative and
/// the members' similarity to it).
/// `apart` lists pairs found to conflict: they never end up in one group, since a
/// group says its members state the same thing.
pub(crate) fn build_groups(
    refs: &[ClaimRef],
    edges: &[Edge],
    apart: &[(usize, usize)],
    similarity: impl Fn(usize, usize) -> f64 + Sync,
) -> Vec<Group> {
    let mut sets = UnionFind::new(refs.len());
    let mut members: Vec<Vec<usize>> = (0..refs.len()).map(|i| vec![i]).collect();
    let mut partners: Vec<Vec<usize>> = vec![Vec::new(); refs.len()];
    for &(a, b) in apart {
        partners[a].push(b);
        partners[b].push(a);
    }
    let mut refused: rustc_hash::FxHashSet<(usize, usize, usize, usize)> = Default::default();
    let mut strongest_first: Vec<&Edge> = edges.iter().collect();
    strongest_first.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    for &&(a, b, _) in &strongest_first {
        let (root_a, root_b) = (sets.find(a), sets.find(b));
        if root_a == root_b {
            continue;
        }
        // A merge refused once is refused again until one of the two samples grows:
        // the samples are prefixes, so the roots and the sample sizes decide.
        let (low, high) = (root_a.min(root_b), root_a.max(root_b));
        let sampled = |root: usize| members[root].len().min(GROUP_LINK_SAMPLE);
        let attempt = (low, high, sampled(low), sampled(high));
        if refused.contains(&attempt) {
            continue;
        }
        let seeds_match =
            linkage(&members[root_a], &members[root_b], &similarity) >= GROUP_LINK_MIN_SIMILARITY;
        if !seeds_match {
            refused.insert(attempt);
            continue;
        }
        let (small, large) = if members[root_a].len() <= members[root_b].len() {
            (root_a, root_b)
        } else {
            (root_b, root_a)
        };
        let would_join_a_conflict = members[small]
            .iter()
            .any(|&x| partners[x].iter().any(|&p| sets.find(p) == large));
        if !would_join_a_conflict {
            sets.union(a, b);
            let root = sets.find(a);
            let moved = std::mem::take(&mut members[if root == small { large } else { small }]);
            members[root].extend(moved);
        }
    }
    // Members of each set, in flat (= ClaimRef) order; sets ordered by first member.
    let mut members_of: Vec<Vec<usize>> = vec![Vec::new(); refs.len()];
    for claim in 0..refs.len() {
        let root = sets.find(claim);
        members_of[root].push(claim);
    }
    let mut components: Vec<Vec<usize>> = members_of
        .into_iter()
        .filter(|members| support(refs, members) >= 2)
        .collect();
    components.sort_by_key(|members| members[0]);

    // Edge similarity sums per claim, for large groups.
    let mut edge_sum = vec![0.0; refs.len()];
    for &(a, b, s) in edges {
        edge_sum[a] += s;
        edge_sum[b] += s;
    }

    components
        .par_iter()
        .map(|members| {
            let closeness = |m: usize| -> f64 {
                if members.len() <= REPRESENTATIVE_EXACT_MAX {
                    members
                        .iter()
                        .filter(|&&o| o != m)
                        .map(|&o| similarity(m, o))
                        .sum()
                } else {
                    edge_sum[m]
                }
            };
            let mut representative = members[0];
            let mut best = closeness(representative);
            for &m in &members[1..] {
                let c = closeness(m);
                if c > best {
                    best = c;
                    representative = m;
                }
            }
            Group {
                representative: refs[representative],
                members: members
                    .iter()
                    .map(|&m| GroupMember {
                        claim: refs[m],
                        similarity: if m == representative {
                            1.0
                        } else {
                            similarity(representative, m)
                        },
                    })
                    .collect(),
                support: support(refs, members),
            }
        })
        .collect()
}

/// Mean similarity between the members of two groups (the first
/// `GROUP_LINK_SAMPLE` of each, in the order they joined, so that the cost stays
/// bounded however large the groups grow).
fn linkage(a: &[usize], b: &[usize], similarity: &impl Fn(usize, usize) -> f64) -> f64 {
    let (a, b) = (
        &a[..a.len().min(GROUP_LINK_SAMPLE)],
        &b[..b.len().min(GROUP_LINK_SAMPLE)],
    );
    let total: f64 = a
        .iter()
        .flat_map(|&x| b.iter().map(move |&y| similarity(x.min(y), x.max(y))))
        .sum();
    total / (a.len() * b.len()).max(1) as f64
}

/// Number of distinct reports among the members.
fn support(refs: &[ClaimRef], members: &[usize]) -> usize {
    let mut reports: Vec<usize> = members.iter().map(|&m| refs[m].report).collect();
    reports.sort_unstable();
    reports.dedup();
    reports.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs() -> Vec<ClaimRef> {
        [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0)]
            .iter()
            .map(|&(report, claim)| ClaimRef { report, claim })
            .collect()
    }

    #[test]
    fn transitive_edges_make_one_group_across_reports() {
        let edges = vec![(0, 2, 0.9), (2, 4, 0.8)];
        let sim = |a: usize, b: usize| {
            if (a, b) == (0, 4) || (a, b) == (4, 0) {
                0.6
            } else {
                0.85
            }
        };
        let groups = build_groups(&refs(), &edges, &[], sim);
        assert_eq!(groups.len(), 1);
        let g = &groups[0];
        assert_eq!(g.support, 3);
        assert_eq!(
            g.representative,
            ClaimRef {
                report: 1,
                claim: 0
            }
        );
        let sims: Vec<f64> = g.members.iter().map(|m| m.similarity).collect();
        assert_eq!(sims, vec![0.85, 1.0, 0.85]);
    }

    #[test]
    fn a_claim_joins_a_group_only_when_it_matches_its_members_on_average() {
        // 2 matches 0 closely; 4 matches 2 loosely and 0 not at all.
        let edges = vec![(0, 2, 0.9), (2, 4, 0.3)];
        let sim = |a: usize, b: usize| match (a.min(b), a.max(b)) {
            (0, 2) => 0.9,
            (2, 4) => 0.3,
            _ => 0.0,
        };
        let groups = build_groups(&refs(), &edges, &[], sim);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].members.len(), 2, "{groups:?}");
        // With 4 as close to 0 as to 2, it joins.
        let sim = |a: usize, b: usize| {
            if a.min(b) == 0 && a.max(b) == 2 {
                0.9
            } else {
                0.3
            }
        };
        assert_eq!(build_groups(&refs(), &edges, &[], sim)[0].members.len(), 3);
    }

    #[test]
    fn a_report_may_bring_two_claims_but_support_counts_reports() {
        let edges = vec![(0, 2, 0.9), (1, 2, 0.9)];
        let groups = build_groups(&refs(), &edges, &[], |_, _| 0.9);
        assert_eq!(groups[0].members.len(), 3);
        assert_eq!(groups[0].support, 2);
        // Ties go to the lowest claim reference... unless another is closer to all.
        assert_eq!(
            groups[0].representative,
            ClaimRef {
                report: 0,
                claim: 0
            }
        );
    }

    #[test]
    fn single_report_sets_are_not_groups() {
        let edges = vec![(0, 1, 0.9)];
        assert!(build_groups(&refs(), &edges, &[], |_, _| 0.9).is_empty());
        assert!(build_groups(&[], &[], &[], |_, _| 0.0).is_empty());
    }

    #[test]
    fn conflicting_claims_never_share_a_group() {
        // 0 ~ 1 ~ 2 agree pairwise, but 0 and 2 conflict: 2 must stay out of 0's group.
        let edges = vec![(0, 1, 0.9), (1, 2, 0.8)];
        let groups = build_groups(&refs(), &edges, &[(0, 2)], |_, _| 0.9);
        for group in &groups {
            let has = |i: usize| group.members.iter().any(|m| m.claim == refs()[i]);
            assert!(!(has(0) && has(2)), "{groups:?}");
        }
    }
}
