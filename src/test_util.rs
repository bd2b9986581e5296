//! Shared test helpers: assert what a text gets marked with, by category.

use crate::analyze;
use crate::rule::Category;

/// The marked phrases of one category, in order.
pub fn marks(category: Category, text: &str) -> Vec<String> {
    analyze(text)
        .annotations
        .iter()
        .filter(|a| a.category == category)
        .map(|a| text[a.start..a.end].to_string())
        .collect()
}

#[track_caller]
pub fn assert_marks(category: Category, text: &str, want: &[&str]) {
    assert_eq!(marks(category, text), want, "{} marks in {text:?}", category.as_str());
}

#[track_caller]
pub fn assert_no_marks(category: Category, text: &str) {
    assert_marks(category, text, &[]);
}
