//! The arithmetic of the scoreboard: span overlap, precision / recall / F1, AUC.

/// A half-open byte interval `start..end`.
pub type Span = (usize, usize);

/// At least one shared byte of half-open intervals. The formula is the Python scorers'
/// (`a0 < b1 and b0 < a1`), so an empty span strictly inside another counts too.
pub fn overlaps(a: Span, b: Span) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Counts behind precision and recall.
///
/// Two precisions exist in the external scorers we match, so both are kept:
/// `tp / (tp + fp)` where tp counts gold items found (score_spans.py, score_hedging.py),
/// and `matched predictions / predictions` (score_sources.py).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold items found by at least one prediction.
    pub tp: usize,
    /// Gold items not found.
    pub fn_: usize,
    /// Predictions that overlap no gold item (of any kind that protects them).
    pub fp: usize,
    /// All predictions.
    pub predicted: usize,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fn_ += o.fn_;
        self.fp += o.fp;
        self.predicted += o.predicted;
    }

    pub fn gold(&self) -> usize {
        self.tp + self.fn_
    }

    /// tp / (tp + fp), with tp counted on the gold side.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Share of predictions that overlap a gold item.
    pub fn prediction_precision(&self) -> f64 {
        ratio(self.predicted - self.fp.min(self.predicted), self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold())
    }
}

/// 0 when the denominator is 0 (as the Python scorers do).
pub fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Overlap matching: a gold item is found when any prediction overlaps any of its spans;
/// a prediction is false when it overlaps none of `protect` (spans that make it
/// correct or neutral: gold items plus optional ones). Items are lists of spans so that a
/// PolNeAR positive can be found through its source or its cue.
pub fn match_spans(gold: &[Vec<Span>], protect: &[Span], pred: &[Span]) -> Counts {
    let tp = gold.iter().filter(|g| g.iter().any(|&s| pred.iter().any(|&p| overlaps(p, s)))).count();
    let fp = pred.iter().filter(|&&p| !protect.iter().any(|&s| overlaps(p, s))).count();
    Counts { tp, fn_: gold.len() - tp, fp, predicted: pred.len() }
}

/// Area under the ROC curve: the chance that a random positive scores above a random
/// negative, ties counting one half (Mann–Whitney U). None when a class is empty.
pub fn auc(pos: &[f64], neg: &[f64]) -> Option<f64> {
    if pos.is_empty() || neg.is_empty() {
        return None;
    }
    // Rank all scores together (average rank for ties), then U = rank sum of positives - n(n+1)/2.
    let mut all: Vec<(f64, bool)> = pos.iter().map(|&s| (s, true)).chain(neg.iter().map(|&s| (s, false))).collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut rank_sum_pos = 0.0;
    let mut i = 0;
    while i < all.len() {
        let mut j = i;
        while j + 1 < all.len() && all[j + 1].0 == all[i].0 {
            j += 1;
        }
        let avg_rank = (i + j) as f64 / 2.0 + 1.0;
        rank_sum_pos += avg_rank * all[i..=j].iter().filter(|x| x.1).count() as f64;
        i = j + 1;
    }
    let np = pos.len() as f64;
    let u = rank_sum_pos - np * (np + 1.0) / 2.0;
    Some(u / (np * neg.len() as f64))
}

/// Share of items classified right by `score >= threshold` meaning positive.
pub fn accuracy_at(pos: &[f64], neg: &[f64], threshold: f64) -> f64 {
    let right = pos.iter().filter(|&&s| s >= threshold).count() + neg.iter().filter(|&&s| s < threshold).count();
    ratio(right, pos.len() + neg.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn overlap_needs_a_shared_byte() {
        let cases = [
            ((0, 5), (5, 9), false),
            ((0, 5), (4, 9), true),
            ((3, 3), (0, 9), true),
            ((0, 0), (0, 9), false),
            ((2, 4), (0, 9), true),
        ];
        for (a, b, want) in cases {
            assert_eq!(overlaps(a, b), want, "{a:?} {b:?}");
            assert_eq!(overlaps(b, a), want, "{b:?} {a:?}");
        }
    }

    #[test]
    fn precision_recall_f1_known_answers() {
        let c = Counts { tp: 3, fn_: 1, fp: 1, predicted: 5 };
        assert!(close(c.precision(), 0.75));
        assert!(close(c.recall(), 0.75));
        assert!(close(c.prediction_precision(), 0.8));
        assert!(close(f1(0.5, 1.0), 2.0 / 3.0));
        assert_eq!(f1(0.0, 0.0), 0.0);
        assert_eq!(Counts::default().precision(), 0.0);
    }

    #[test]
    fn matching_counts_found_gold_and_unprotected_predictions() {
        // Gold item 1 has two spans (source, cue); item 2 is missed; (40,45) is optional.
        let gold = vec![vec![(0, 5), (10, 15)], vec![(20, 25)]];
        let protect = [(0, 5), (10, 15), (20, 25), (40, 45)];
        let pred = [(12, 13), (14, 18), (30, 35), (41, 42)];
        let c = match_spans(&gold, &protect, &pred);
        assert_eq!(c, Counts { tp: 1, fn_: 1, fp: 1, predicted: 4 });
        assert!(close(c.precision(), 0.5)); // 1 / (1 + 1)
        assert!(close(c.prediction_precision(), 0.75)); // 3 of 4 predictions overlap something
    }

    #[test]
    fn auc_known_answers_with_ties() {
        assert_eq!(auc(&[0.9, 0.8], &[0.1, 0.2]), Some(1.0));
        assert_eq!(auc(&[0.1], &[0.9]), Some(0.0));
        assert_eq!(auc(&[0.5, 0.5], &[0.5]), Some(0.5));
        // pos {0.8, 0.4}, neg {0.4, 0.2}: pairs 0.8>0.4, 0.8>0.2, 0.4=0.4 (½), 0.4>0.2 → 3.5/4
        assert!(close(auc(&[0.8, 0.4], &[0.4, 0.2]).unwrap(), 0.875));
        assert_eq!(auc(&[], &[0.3]), None);
    }

    #[test]
    fn accuracy_at_threshold_counts_both_classes() {
        // 0.5 is called positive; 0.49 negative.
        assert!(close(accuracy_at(&[0.5, 0.2], &[0.49, 0.7], 0.5), 0.5));
        assert!(close(accuracy_at(&[0.9], &[0.1], 0.5), 1.0));
    }
}
