//! Agreement groups over agreement edges, across all reports.
//!
//! Edges are taken strongest first and join two groups only when their members
//! match each other on average (average linkage): plain connected components
//! would chain loosely related claims into one giant group, and checking only the
//! claims that founded each group made the result depend on which claim came first. A report
//! may bring several claims. A claim that states several facts also joins the
//! other groups whose members it matches well on average (`also_joins`), so
//! one sentence can agree with two outlets that each report one of its facts.
//! Only groups with claims from two or more reports are
//! kept. The representative is the member most similar to the others (ties go to
//! the lowest claim reference), and each member carries its similarity to it.

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::thresholds::{
    EXTRA_GROUPS_PER_CLAIM, EXTRA_GROUP_MIN_SIMILARITY, GROUP_LINK_SAMPLE, REPRESENTATIVE_EXACT_MAX,
};
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

/// An agreeing matched pair of flat claim positions `(a, b, weight)`: `weight`
/// indexes the similarities passed beside the edges. Many pairs share one
/// similarity (the matcher scores pairs of identical-claim classes once), so a
/// few distinct weights cover millions of edges.
pub(crate) type Edge = (u32, u32, u32);

/// Builds the output groups from agreement edges over `refs.len()` claims;
/// `weights[w]` is the similarity of an edge `(_, _, w)`.
/// `similarity(a, b)` scores two flat positions (used for the representative and
/// the members' similarity to it).
/// `apart` lists pairs found to conflict: they never end up in one group, since a
/// group says its members state the same thing.
/// `link_min` is the average similarity two groups need to merge
/// (`GROUP_LINK_MIN_SIMILARITY` by default).
pub(crate) fn build_groups(
    refs: &[ClaimRef],
    edges: &[Edge],
    weights: &[f64],
    apart: &[(usize, usize)],
    link_min: f64,
    similarity: impl Fn(usize, usize) -> f64 + Sync,
) -> Vec<Group> {
    let mut sets = UnionFind::new(refs.len());
    let mut members: Vec<Vec<usize>> = (0..refs.len()).map(|i| vec![i]).collect();
    // For each set (by its root): the roots of the sets holding a claim that
    // conflicts with one of its claims. Kept up to date on every union, so that
    // "would this union put a conflicting pair in one group?" is one look-up
    // instead of a scan of members and their partners for every edge, which
    // grew with the square of the reports.
    let mut conflicting: Vec<FxHashSet<usize>> = vec![FxHashSet::default(); refs.len()];
    for &(a, b) in apart {
        if a != b {
            conflicting[a].insert(b);
            conflicting[b].insert(a);
        }
    }
    let mut refused: FxHashSet<(usize, usize, usize, usize)> = FxHashSet::default();
    let ordered = strongest_first(edges, weights);
    for &(a, b) in &ordered {
        let (a, b) = (a as usize, b as usize);
        let (root_a, root_b) = (sets.find(a), sets.find(b));
        if root_a == root_b {
            continue;
        }
        if conflicting[root_a].contains(&root_b) {
            continue;
        }
        // A merge refused once is refused again until one of the two samples grows:
        // the samples are prefixes (a root keeps its members first), so the roots
        // and the sample sizes decide.
        let (low, high) = (root_a.min(root_b), root_a.max(root_b));
        let sampled = |root: usize| members[root].len().min(GROUP_LINK_SAMPLE);
        let attempt = (low, high, sampled(low), sampled(high));
        if refused.contains(&attempt) {
            continue;
        }
        if linkage(&members[root_a], &members[root_b], &similarity) < link_min {
            refused.insert(attempt);
            continue;
        }
        sets.union(a, b);
        let root = sets.find(a);
        let absorbed = if root == root_a { root_b } else { root_a };
        let moved = std::mem::take(&mut members[absorbed]);
        members[root].extend(moved);
        for other in std::mem::take(&mut conflicting[absorbed]) {
            let theirs = &mut conflicting[other];
            theirs.remove(&absorbed);
            theirs.insert(root);
            conflicting[root].insert(other);
        }
    }
    // A second group must be earned at least as a merge is (a caller may set a
    // stricter threshold than the default).
    let extra_min = EXTRA_GROUP_MIN_SIMILARITY.max(link_min);
    let also = also_joins(&mut sets, &members, &ordered, apart, extra_min, &similarity);
    let members_of = members_by_root(&mut sets, &also);
    let mut components: Vec<Vec<usize>> = members_of
        .into_iter()
        .filter(|members| support(refs, members) >= 2)
        .collect();
    // Member lists, not first members, order the groups: a claim in two groups
    // may be the first of both.
    components.sort_unstable();
    components.dedup();

    // Edge similarity sums per claim, for large groups.
    let mut edge_sum = vec![0.0; refs.len()];
    for &(a, b, w) in edges {
        edge_sum[a as usize] += weights[w as usize];
        edge_sum[b as usize] += weights[w as usize];
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

/// The members of each set, indexed by its root, in flat (= ClaimRef) order:
/// the claims whose root it is plus the claims that also joined it.
fn members_by_root(sets: &mut UnionFind, also: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let claims = sets.parent.len();
    let mut members_of: Vec<Vec<usize>> = vec![Vec::new(); claims];
    for claim in 0..claims {
        let root = sets.find(claim);
        members_of[root].push(claim);
    }
    for &(root, claim) in also {
        members_of[root].push(claim);
    }
    for members in &mut members_of {
        members.sort_unstable();
    }
    members_of
}

/// The groups a claim joins besides its own, as `(root of the group, claim)`.
///
/// A sentence often states several facts ("More than 100 firefighters and 20
/// engines were sent"), and each may be what another outlet reports alone. Its
/// claim belongs to the group it matches best, and also to another group when it
/// matches that group's members on average (`extra_min`) and conflicts with none
/// of them. Only groups an
/// agreement edge of the claim reaches are tried, strongest edge first, and a
/// claim joins at most `EXTRA_GROUPS_PER_CLAIM` of them.
fn also_joins(
    sets: &mut UnionFind,
    members: &[Vec<usize>],
    ordered: &[(u32, u32)],
    apart: &[(usize, usize)],
    extra_min: f64,
    similarity: &impl Fn(usize, usize) -> f64,
) -> Vec<(usize, usize)> {
    let claims = members.len();
    let mut conflicts_of: Vec<Vec<usize>> = vec![Vec::new(); claims];
    for &(a, b) in apart {
        if a != b {
            conflicts_of[a].push(b);
            conflicts_of[b].push(a);
        }
    }
    let mut joined: Vec<(usize, usize)> = Vec::new();
    let mut joined_set: FxHashSet<(usize, usize)> = FxHashSet::default();
    let mut extra_groups = vec![0usize; claims];
    let mut tried: FxHashSet<(usize, usize)> = FxHashSet::default();
    for &(a, b) in ordered {
        for (claim, other) in [(a as usize, b as usize), (b as usize, a as usize)] {
            let root = sets.find(other);
            if extra_groups[claim] >= EXTRA_GROUPS_PER_CLAIM
                || sets.find(claim) == root
                || !tried.insert((claim, root))
            {
                continue;
            }
            let conflicts_with_member = conflicts_of[claim]
                .iter()
                .any(|&c| sets.find(c) == root || joined_set.contains(&(root, c)));
            if conflicts_with_member {
                continue;
            }
            if linkage(&[claim], &members[root], similarity) >= extra_min {
                joined.push((root, claim));
                joined_set.insert((root, claim));
                extra_groups[claim] += 1;
            }
        }
    }
    joined
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

/// The edges as `(a, b)`, by similarity from the highest, ties in (a, b) order.
///
/// A counting sort over the distinct weights: the same order as sorting the edges
/// by (similarity descending, a, b), without comparing millions of edges.
fn strongest_first(edges: &[Edge], weights: &[f64]) -> Vec<(u32, u32)> {
    let mut sorted_edges: Vec<Edge>;
    let mut edges = edges;
    if !edges
        .windows(2)
        .all(|w| (w[0].0, w[0].1) <= (w[1].0, w[1].1))
    {
        sorted_edges = edges.to_vec();
        sorted_edges.sort_by_key(|&(a, b, _)| (a, b));
        edges = &sorted_edges;
    }
    // Rank of each weight among the distinct similarities, highest first; equal
    // similarities (bit for bit, as `total_cmp` compares) share a rank.
    let mut by_value: Vec<u32> = (0..weights.len() as u32).collect();
    by_value.sort_by(|&x, &y| weights[y as usize].total_cmp(&weights[x as usize]));
    let mut rank = vec![0u32; weights.len()];
    let mut ranks = 0u32;
    for (i, &w) in by_value.iter().enumerate() {
        if i > 0
            && weights[by_value[i - 1] as usize]
                .total_cmp(&weights[w as usize])
                .is_ne()
        {
            ranks += 1;
        }
        rank[w as usize] = ranks;
    }
    let mut start = vec![0usize; ranks as usize + 2];
    for &(_, _, w) in edges {
        start[rank[w as usize] as usize + 1] += 1;
    }
    for r in 1..start.len() {
        start[r] += start[r - 1];
    }
    let mut ordered = vec![(0u32, 0u32); edges.len()];
    for &(a, b, w) in edges {
        let slot = &mut start[rank[w as usize] as usize];
        ordered[*slot] = (a, b);
        *slot += 1;
    }
    ordered
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
    use crate::thresholds::GROUP_LINK_MIN_SIMILARITY;

    fn refs() -> Vec<ClaimRef> {
        [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0)]
            .iter()
            .map(|&(report, claim)| ClaimRef { report, claim })
            .collect()
    }

    /// `build_groups` on edges given with their similarities.
    fn groups_of(
        refs: &[ClaimRef],
        edges: &[(u32, u32, f64)],
        apart: &[(usize, usize)],
        similarity: impl Fn(usize, usize) -> f64 + Sync,
    ) -> Vec<Group> {
        let weights: Vec<f64> = edges.iter().map(|e| e.2).collect();
        let edges: Vec<Edge> = (0..edges.len())
            .map(|i| (edges[i].0, edges[i].1, i as u32))
            .collect();
        build_groups(
            refs,
            &edges,
            &weights,
            apart,
            GROUP_LINK_MIN_SIMILARITY,
            similarity,
        )
    }

    /// The groups the plain way: edges sorted by comparison, the linkage computed
    /// afresh for every candidate union (no memory of refusals), every union
    /// checked by scanning the members of the smaller set and their conflict
    /// partners, then second groups by scanning lists. `build_groups` must give the
    /// same sets.
    fn reference_sets(
        n: usize,
        edges: &[(u32, u32, f64)],
        apart: &[(usize, usize)],
        similarity: impl Fn(usize, usize) -> f64,
    ) -> Vec<Vec<usize>> {
        let mut sets = UnionFind::new(n);
        let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
        let mut partners: Vec<Vec<usize>> = vec![Vec::new(); n];
        for &(a, b) in apart {
            partners[a].push(b);
            partners[b].push(a);
        }
        let mut sorted: Vec<&(u32, u32, f64)> = edges.iter().collect();
        sorted.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
        for &&(a, b, _) in &sorted {
            let (a, b) = (a as usize, b as usize);
            let (root_a, root_b) = (sets.find(a), sets.find(b));
            if root_a == root_b {
                continue;
            }
            let linked = linkage(&members[root_a], &members[root_b], &similarity)
                >= GROUP_LINK_MIN_SIMILARITY;
            let (small, large) = if members[root_a].len() <= members[root_b].len() {
                (root_a, root_b)
            } else {
                (root_b, root_a)
            };
            let would_join_a_conflict = members[small]
                .iter()
                .any(|&x| partners[x].iter().any(|&p| sets.find(p) == large));
            if linked && !would_join_a_conflict {
                sets.union(a, b);
                let root = sets.find(a);
                let absorbed = if root == root_a { root_b } else { root_a };
                let moved = std::mem::take(&mut members[absorbed]);
                members[root].extend(moved);
            }
        }
        // Second groups: every edge, strongest first, offers each end to the other
        // end's set; checked afresh each time (no memory of what was tried).
        let root_of: Vec<usize> = (0..n).map(|x| sets.find(x)).collect();
        let mut joined: Vec<(usize, usize)> = Vec::new();
        for &&(a, b, _) in &sorted {
            for (claim, other) in [(a as usize, b as usize), (b as usize, a as usize)] {
                let root = root_of[other];
                let in_group = |x: usize| root_of[x] == root || joined.contains(&(root, x));
                let extra = joined.iter().filter(|&&(_, m)| m == claim).count();
                if in_group(claim)
                    || extra >= EXTRA_GROUPS_PER_CLAIM
                    || partners[claim].iter().any(|&p| in_group(p))
                {
                    continue;
                }
                if linkage(&[claim], &members[root], &similarity) >= EXTRA_GROUP_MIN_SIMILARITY {
                    joined.push((root, claim));
                }
            }
        }
        let by_root = members_by_root(&mut sets, &joined);
        let mut partition: Vec<Vec<usize>> =
            by_root.into_iter().filter(|m| !m.is_empty()).collect();
        partition.sort();
        partition
    }

    /// Random edges with few distinct similarities (as the matcher gives them),
    /// random conflicts and random similarities: the same sets as the reference.
    #[test]
    fn same_sets_as_the_reference_on_random_graphs() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |bound: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % bound
        };
        for case in 0..300 {
            let n = 2 + next(40) as usize;
            // One claim per report, so that every set of two or more is a group.
            let refs: Vec<ClaimRef> = (0..n).map(|report| ClaimRef { report, claim: 0 }).collect();
            let levels = [0.95, 0.9, 0.9, 0.8, 0.75, 1.0];
            let mut edges = Vec::new();
            for _ in 0..next(4 * n as u64) {
                let (a, b) = (next(n as u64) as u32, next(n as u64) as u32);
                if a != b {
                    edges.push((a.min(b), a.max(b), levels[next(6) as usize]));
                }
            }
            if case % 2 == 0 {
                edges.sort_by_key(|&(a, b, _)| (a, b));
            }
            let mut apart = Vec::new();
            for _ in 0..next(n as u64) {
                let (a, b) = (next(n as u64) as usize, next(n as u64) as usize);
                if a != b {
                    apart.push((a.min(b), a.max(b)));
                }
            }
            let salt = next(1000) as usize;
            let sim = move |a: usize, b: usize| ((a * 31 + b * 17 + salt) % 10) as f64 / 10.0;
            let expected: Vec<Vec<usize>> = reference_sets(n, &edges, &apart, sim)
                .into_iter()
                .filter(|set| set.len() >= 2)
                .collect();
            let got: Vec<Vec<usize>> = groups_of(&refs, &edges, &apart, sim)
                .iter()
                .map(|g| g.members.iter().map(|m| m.claim.report).collect())
                .collect();
            assert_eq!(got, expected, "case {case}: {edges:?} apart {apart:?}");
        }
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
        let groups = groups_of(&refs(), &edges, &[], sim);
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
        let edges = vec![(0, 2, 0.9), (2, 4, 0.27)];
        let sim = |a: usize, b: usize| match (a.min(b), a.max(b)) {
            (0, 2) => 0.9,
            (2, 4) => 0.27,
            _ => 0.0,
        };
        let groups = groups_of(&refs(), &edges, &[], sim);
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
        assert_eq!(groups_of(&refs(), &edges, &[], sim)[0].members.len(), 3);
    }

    #[test]
    fn a_claim_stating_two_facts_belongs_to_two_groups() {
        // 2 ("100 firefighters and 20 engines") matches 0 ("100 firefighters")
        // closely and 4 ("20 engines") well; 0 and 4 have nothing in common.
        let edges = vec![(0, 2, 0.9), (2, 4, 0.4)];
        let sim = |a: usize, b: usize| match (a.min(b), a.max(b)) {
            (0, 2) => 0.9,
            (2, 4) => 0.4,
            _ => 0.0,
        };
        let members = |groups: &[Group]| -> Vec<Vec<usize>> {
            groups
                .iter()
                .map(|g| g.members.iter().map(|m| m.claim.report).collect())
                .collect()
        };
        let groups = groups_of(&refs(), &edges, &[], sim);
        assert_eq!(members(&groups), [vec![0, 1], vec![1, 2]]);
        // Not when it conflicts with a member of the other group.
        let groups = groups_of(&refs(), &edges, &[(2, 4)], sim);
        assert_eq!(members(&groups), [vec![0, 1]]);
    }

    #[test]
    fn a_report_may_bring_two_claims_but_support_counts_reports() {
        let edges = vec![(0, 2, 0.9), (1, 2, 0.9)];
        let groups = groups_of(&refs(), &edges, &[], |_, _| 0.9);
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
        assert!(groups_of(&refs(), &edges, &[], |_, _| 0.9).is_empty());
        assert!(groups_of(&[], &[], &[], |_, _| 0.0).is_empty());
    }

    #[test]
    fn conflicting_claims_never_share_a_group() {
        // 0 ~ 1 ~ 2 agree pairwise, but 0 and 2 conflict: 2 must stay out of 0's group.
        let edges = vec![(0, 1, 0.9), (1, 2, 0.8)];
        let groups = groups_of(&refs(), &edges, &[(0, 2)], |_, _| 0.9);
        for group in &groups {
            let has = |i: usize| group.members.iter().any(|m| m.claim == refs()[i]);
            assert!(!(has(0) && has(2)), "{groups:?}");
        }
    }
}
