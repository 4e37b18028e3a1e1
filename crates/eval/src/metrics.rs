//! Counting outcomes and turning them into precision, recall, F1 and accuracy.

use std::fmt;

/// `part / whole`, NaN when there is nothing to divide (printed as "-").
pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        f64::NAN
    } else {
        part as f64 / whole as f64
    }
}

/// Harmonic mean of precision and recall; NaN when either is undefined, 0 when both are 0.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision.is_nan() || recall.is_nan() {
        f64::NAN
    } else if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// A figure with three decimals, or "-" when undefined.
pub fn fmt3(value: f64) -> String {
    if value.is_nan() {
        "-".to_string()
    } else {
        format!("{value:.3}")
    }
}

/// Outcomes of a binary decision against gold labels (positive = paraphrase).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Confusion {
    pub true_pos: usize,
    pub false_pos: usize,
    pub true_neg: usize,
    pub false_neg: usize,
}

impl Confusion {
    /// Counts `predicted` against `gold`, pair by pair.
    pub fn of(predicted: impl IntoIterator<Item = bool>, gold: &[bool]) -> Confusion {
        let mut c = Confusion::default();
        for (p, &g) in predicted.into_iter().zip(gold) {
            match (p, g) {
                (true, true) => c.true_pos += 1,
                (true, false) => c.false_pos += 1,
                (false, false) => c.true_neg += 1,
                (false, true) => c.false_neg += 1,
            }
        }
        c
    }

    pub fn total(&self) -> usize {
        self.true_pos + self.false_pos + self.true_neg + self.false_neg
    }

    pub fn accuracy(&self) -> f64 {
        ratio(self.true_pos + self.true_neg, self.total())
    }

    pub fn precision(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_pos)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_neg)
    }

    /// F1 of the positive class.
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

impl fmt::Display for Confusion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "acc {}  F1 {}  (P {} R {}; tp {} fp {} tn {} fn {})",
            fmt3(self.accuracy()),
            fmt3(self.f1()),
            fmt3(self.precision()),
            fmt3(self.recall()),
            self.true_pos,
            self.false_pos,
            self.true_neg,
            self.false_neg
        )
    }
}

/// How "score >= threshold" does at each candidate threshold.
#[derive(Debug, Clone)]
pub struct Sweep {
    pub points: Vec<(f64, Confusion)>,
}

impl Sweep {
    /// Evaluates every threshold in `thresholds` on `scores` against `gold`.
    pub fn run(scores: &[f64], gold: &[bool], thresholds: &[f64]) -> Sweep {
        let points = thresholds
            .iter()
            .map(|&t| (t, Confusion::of(scores.iter().map(|&s| s >= t), gold)))
            .collect();
        Sweep { points }
    }

    /// The threshold with the highest accuracy, by [`most_accurate`] (last tie:
    /// the lower threshold, so that the choice does not depend on the sweep's order).
    pub fn best_by_accuracy(&self) -> Option<(f64, Confusion)> {
        most_accurate(&self.points, |t| -t)
    }
}

/// Accuracies closer than this are one accuracy when a setting is chosen: on
/// MSRP's 4,076 training pairs it is four pairs, less than what moving a
/// threshold by one grid step changes by chance.
pub const ACCURACY_TIE: f64 = 0.001;

/// The point whose accuracy is highest, counting accuracies within
/// [`ACCURACY_TIE`] of the top as tied; among the tied, the higher F1 (the
/// second measure of the task), then the higher `last_tie`.
pub fn most_accurate<T: Copy, K: PartialOrd>(
    points: &[(T, Confusion)],
    last_tie: impl Fn(T) -> K,
) -> Option<(T, Confusion)> {
    let top = points
        .iter()
        .map(|(_, c)| c.accuracy())
        .fold(f64::NEG_INFINITY, f64::max);
    points
        .iter()
        .copied()
        .filter(|(_, c)| c.accuracy() >= top - ACCURACY_TIE)
        .reduce(|best, point| {
            let key = |(x, c): (T, Confusion)| (c.f1(), last_tie(x));
            if key(point) > key(best) {
                point
            } else {
                best
            }
        })
}

/// `from, from + step, ... <= to`, without accumulating floating-point error.
pub fn grid(from: f64, to: f64, step: f64) -> Vec<f64> {
    let steps = ((to - from) / step).round() as usize;
    (0..=steps).map(|i| from + step * i as f64).collect()
}

/// A deterministic sample of `n` of `indices`, spread evenly over them (all of
/// them when there are no more than `n`): the errors a `-v` run prints.
pub fn spread(indices: &[usize], n: usize) -> Vec<usize> {
    if indices.len() <= n {
        return indices.to_vec();
    }
    (0..n).map(|k| indices[k * indices.len() / n]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sample_is_spread_evenly_and_keeps_short_lists_whole() {
        assert_eq!(spread(&[3, 5], 4), [3, 5]);
        let all: Vec<usize> = (0..10).collect();
        assert_eq!(spread(&all, 5), [0, 2, 4, 6, 8]);
    }

    #[test]
    fn confusion_counts_and_measures() {
        let gold = [true, true, true, false, false];
        let c = Confusion::of([true, true, false, true, false], &gold);
        assert_eq!(
            c,
            Confusion {
                true_pos: 2,
                false_pos: 1,
                true_neg: 1,
                false_neg: 1
            }
        );
        assert!((c.accuracy() - 0.6).abs() < 1e-12);
        assert!((c.precision() - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.recall() - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.f1() - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn always_positive_on_msrp_test_gives_the_published_baseline() {
        // 1,147 positives among 1,725 test pairs: acc 0.665, F1 0.799.
        let gold: Vec<bool> = (0..1725).map(|i| i < 1147).collect();
        let c = Confusion::of(gold.iter().map(|_| true), &gold);
        assert_eq!(fmt3(c.accuracy()), "0.665");
        assert_eq!(fmt3(c.f1()), "0.799");
    }

    #[test]
    fn undefined_measures_are_nan_not_a_panic() {
        let c = Confusion::of([false, false], &[false, false]);
        assert!(c.precision().is_nan() && c.f1().is_nan());
        assert_eq!(fmt3(c.f1()), "-");
        assert_eq!(f1(0.0, 0.0), 0.0);
    }

    #[test]
    fn sweep_picks_the_most_accurate_threshold() {
        let scores = [0.9, 0.8, 0.4, 0.35, 0.1];
        let gold = [true, true, true, false, false];
        let sweep = Sweep::run(&scores, &gold, &grid(0.0, 1.0, 0.05));
        let (t, c) = sweep.best_by_accuracy().unwrap();
        assert_eq!(c.accuracy(), 1.0);
        assert!(t > 0.35 && t <= 0.4, "{t}");
        assert_eq!(grid(0.0, 1.0, 0.05).len(), 21);
    }

    #[test]
    fn accuracies_a_hair_apart_are_tied_and_the_higher_f1_wins() {
        // 10,000 pairs: the first setting is one pair more accurate, the second
        // finds far more paraphrases.
        let first = Confusion {
            true_pos: 5000,
            false_pos: 1000,
            true_neg: 2001,
            false_neg: 1999,
        };
        let second = Confusion {
            true_pos: 6500,
            false_pos: 2501,
            true_neg: 500,
            false_neg: 499,
        };
        assert!(first.accuracy() > second.accuracy() && second.f1() > first.f1());
        let points = [(0.45, first), (0.40, second)];
        assert_eq!(most_accurate(&points, |t: f64| -t).unwrap().0, 0.40);
        // A real gap in accuracy is not a tie.
        let worse = Confusion {
            true_pos: 6500,
            false_pos: 2600,
            true_neg: 401,
            false_neg: 499,
        };
        let points = [(0.45, first), (0.40, worse)];
        assert_eq!(most_accurate(&points, |t: f64| -t).unwrap().0, 0.45);
    }
}
