//! Classes of identical claims, so that each distinct claim is scored once.
//!
//! Many reports of one event repeat sentences word for word (wire copy, syndicated
//! text, live blogs quoting each other): with hundreds of reports the same claim
//! appears hundreds of times, and scoring every copy against every other copy is
//! what makes pairwise matching quadratic. Two claims whose content is identical
//! (everything but their position: number, sentence, byte offsets) have identical
//! features, so every score and every conflict check gives the same answer for
//! any copy. The matcher therefore scores and checks pairs of *classes* and only
//! then expands them into the pairs of claims the tables list.
//!
//! This holds as long as the matcher reads no position of a claim; the
//! `compare` vs `compare_all_pairs` test (the oracle scores claim by claim) fails
//! if that ever changes.

use claimdiff_parser::Claim;
use rayon::prelude::*;

use crate::features::FeatureTable;
use rustc_hash::FxHashMap;

/// Identical claims grouped, over flat claim positions.
pub(crate) struct ClaimClasses {
    /// Class of each flat claim position.
    pub class_of: Vec<u32>,
    /// Members of each class, ascending; classes are numbered in order of their
    /// first member.
    pub members: Vec<Vec<usize>>,
}

impl ClaimClasses {
    /// The first member of a class: its features stand for every member's.
    pub fn representative(&self, class: usize) -> usize {
        self.members[class][0]
    }

    pub fn len(&self) -> usize {
        self.members.len()
    }
}

/// A claim's content without its position, as a key: equal keys mean the matcher
/// cannot tell the claims apart. Debug output covers every field, including any
/// added later; floats print exactly (shortest round-trip form).
fn content_key(claim: &Claim) -> String {
    let mut content = claim.clone();
    content.number = 0;
    content.sentence = 0;
    content.start = 0;
    content.end = 0;
    for quantity in &mut content.quantities {
        quantity.start = 0;
        quantity.end = 0;
    }
    for time in &mut content.times {
        time.start = 0;
        time.end = 0;
    }
    format!("{content:?}")
}

/// Groups the table's claims (in flat order) into classes of identical content.
/// A figure its own report supersedes (see `superseded`) makes a claim differ from
/// its copies elsewhere: the measure keys are part of the key.
pub(crate) fn classify(table: &FeatureTable) -> ClaimClasses {
    let keys: Vec<String> = table
        .claims
        .par_iter()
        .zip(table.features.par_iter())
        .map(|(claim, features)| format!("{}|{:?}", content_key(claim), features.quantity_keys))
        .collect();
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let class_of = keys
        .iter()
        .enumerate()
        .map(|(position, key)| {
            let class = *ids.entry(key.as_str()).or_insert_with(|| {
                members.push(Vec::new());
                (members.len() - 1) as u32
            });
            members[class as usize].push(position);
            class
        })
        .collect();
    ClaimClasses { class_of, members }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn identical_content_at_other_positions_is_one_class() {
        let reports = [
            ReportBuilder::new("a")
                .claim("Floods hit Leeds")
                .claim("Schools closed")
                .build(),
            ReportBuilder::new("b")
                .claim("Schools closed")
                .claim("Floods hit Leeds")
                .claim("Floods hit York")
                .build(),
        ];
        let classes = classify(&crate::features::build(&reports));
        assert_eq!(classes.class_of, vec![0, 1, 1, 0, 2]);
        assert_eq!(classes.members, vec![vec![0, 3], vec![1, 2], vec![4]]);
        assert_eq!(classes.representative(1), 1);
    }

    #[test]
    fn a_figure_its_report_supersedes_splits_a_class() {
        let parsed = |id: &str, text: &str| {
            claimdiff_parser::parse_report(claimdiff_parser::ReportInput {
                id: id.into(),
                source: id.into(),
                text: text.into(),
                ..Default::default()
            })
        };
        let reports = [
            parsed(
                "blog",
                "The death toll has risen to 11.\n\nNine people have died.",
            ),
            parsed("wire", "Nine people have died."),
        ];
        let table = crate::features::build(&reports);
        let nine: Vec<usize> = (0..table.claims.len())
            .filter(|&i| table.claims[i].text == "Nine people have died.")
            .collect();
        assert_eq!(nine.len(), 2);
        let classes = classify(&table);
        assert_ne!(classes.class_of[nine[0]], classes.class_of[nine[1]]);
    }

    #[test]
    fn any_difference_in_content_splits_a_class() {
        let reports = [
            ReportBuilder::new("a").claim("Floods hit Leeds").build(),
            ReportBuilder::new("b")
                .claim("Floods hit Leeds")
                .negative()
                .build(),
            ReportBuilder::new("c")
                .claim("Floods hit Leeds")
                .speaker("Jo Smith")
                .build(),
        ];
        assert_eq!(classify(&crate::features::build(&reports)).len(), 3);
    }
}
