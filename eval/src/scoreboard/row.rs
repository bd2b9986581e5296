//! One line of the scoreboard.

use serde::{Deserialize, Serialize};

use crate::metrics::{f1, Counts};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Row {
    pub category: String,
    pub dataset: String,
    /// `dev` (tune on it) or `test` (only look, to report).
    pub split: String,
    pub level: String,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
    /// How many gold items the row is about (positives, cues, document pairs, articles).
    pub n: usize,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub auc: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub accuracy: Option<f64>,
    /// Translation marks per 1,000 words (native-news false alarms): lower is better.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub marks_per_1k: Option<f64>,
    /// Translation marks per 1,000 words of machine translation: higher is better.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub mt_marks_per_1k: Option<f64>,
    /// Information only: shown, never guarded by a floor.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub info: bool,
}

impl Row {
    pub fn new(category: &str, dataset: &str, split: &str, level: &str, n: usize) -> Row {
        Row {
            category: category.into(),
            dataset: dataset.into(),
            split: split.into(),
            level: level.into(),
            precision: None,
            recall: None,
            f1: None,
            n,
            auc: None,
            accuracy: None,
            marks_per_1k: None,
            mt_marks_per_1k: None,
            info: false,
        }
    }

    /// P/R/F1 with precision = tp / (tp + fp) (gold-side tp).
    pub fn prf(category: &str, dataset: &str, split: &str, level: &str, c: Counts) -> Row {
        Row::prf_with(category, dataset, split, level, c, c.precision())
    }

    pub fn prf_with(category: &str, dataset: &str, split: &str, level: &str, c: Counts, precision: f64) -> Row {
        let r = c.recall();
        Row {
            precision: Some(precision),
            recall: Some(r),
            f1: Some(f1(precision, r)),
            ..Row::new(category, dataset, split, level, c.gold())
        }
    }

    pub fn info(mut self) -> Row {
        self.info = true;
        self
    }

    /// The row's identity in quality-floor.json.
    pub fn key(&self) -> String {
        format!("{} {} {} {}", self.category, self.dataset, self.split, self.level)
    }

    /// The guarded figures, higher is better: (name, value).
    pub fn figures(&self) -> Vec<(&'static str, f64)> {
        [
            ("precision", self.precision),
            ("recall", self.recall),
            ("f1", self.f1),
            ("auc", self.auc),
            ("accuracy", self.accuracy),
            ("mt_marks_per_1k", self.mt_marks_per_1k),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
    }
}
