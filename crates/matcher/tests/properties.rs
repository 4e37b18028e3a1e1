//! Property test: `compare` on reports parsed from generated news text gives the same
//! result in a 1-thread and a 2-thread rayon pool.

use claimdiff_matcher::{compare, Comparison};
use claimdiff_parser::{parse_report, Report, ReportInput};
use proptest::prelude::*;

const SENTENCES: [&str; 12] = [
    "Fire destroyed the old mill on Friday, officials said.",
    "Fire destroyed the old mill on Thursday, police said.",
    "About 40 firefighters fought the blaze for six hours.",
    "Fifty firefighters fought the blaze for five hours.",
    "No one was hurt.",
    "Two people were hurt.",
    "\"It was the biggest fire in years,\" said Anna Berg.",
    "\"It was the biggest fire in years,\" said Mr Trump.",
    "The council did not say whether the mill would be rebuilt.",
    "The council said the mill would be rebuilt.",
    "Trump says Ukraine will need Patriot missiles after call with Zelenskyy.",
    "Germany said it was not in talks to buy Patriot systems.",
];

fn report_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SENTENCES.to_vec()), 1..10)
        .prop_map(|sentences| sentences.join("\n\n"))
}

fn reports(texts: Vec<String>) -> Vec<Report> {
    texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            parse_report(ReportInput {
                id: format!("r{i}"),
                source: format!("r{i}.txt"),
                text,
                ..ReportInput::default()
            })
        })
        .collect()
}

fn compare_on(threads: usize, reports: &[Report]) -> Comparison {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool")
        .install(|| compare(reports))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn one_and_two_threads_give_the_same_comparison(
        texts in prop::collection::vec(report_text(), 0..6)
    ) {
        let reports = reports(texts);
        prop_assert_eq!(compare_on(1, &reports), compare_on(2, &reports));
    }
}
