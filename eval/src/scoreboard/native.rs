//! Translation false alarms on native English news (PolNeAR texts): the share of
//! articles called machine translated (likelihood ≥ 0.5) and translation marks per
//! 1,000 words. The row's accuracy is the share rightly left alone.

use super::row::Row;
use crate::metrics::ratio;

#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Tally {
    pub articles: usize,
    pub called_mt: usize,
    pub marks: usize,
    pub words: usize,
}

impl Tally {
    pub fn add(&mut self, likelihood: f64, marks: usize, words: usize) {
        self.articles += 1;
        self.called_mt += (likelihood >= 0.5) as usize;
        self.marks += marks;
        self.words += words;
    }

    pub fn row(&self, split: &str) -> Row {
        let mut r = Row::new("translation", "polnear-native", split, "document", self.articles);
        r.accuracy = Some(1.0 - ratio(self.called_mt, self.articles));
        r.marks_per_1k = Some(if self.words == 0 { 0.0 } else { 1000.0 * self.marks as f64 / self.words as f64 });
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_false_alarms_and_marks_per_thousand_words() {
        let mut t = Tally::default();
        t.add(0.5, 3, 1000);
        t.add(0.2, 1, 1000);
        t.add(0.49, 0, 2000);
        t.add(0.1, 0, 0);
        let r = t.row("test");
        assert_eq!(r.accuracy, Some(0.75));
        assert_eq!(r.marks_per_1k, Some(1.0));
        assert_eq!(r.n, 4);
        assert_eq!(Tally::default().row("dev").marks_per_1k, Some(0.0));
    }
}
