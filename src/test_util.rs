//! Shared test helpers: assert what a text gets marked with, by one rule or by a
//! whole category.

use crate::analyze;
use crate::rule::{Category, Rule};

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

/// The phrases `rule` marks, in order (marks of other rules left out).
pub fn rule_marks(rule: &Rule, text: &str) -> Vec<String> {
    analyze(text)
        .annotations
        .iter()
        .filter(|a| a.rule.id == rule.id)
        .map(|a| text[a.start..a.end].to_string())
        .collect()
}

/// `rule` marks exactly `want` in `text`: a test of one rule fails when another
/// rule makes the mark instead.
#[track_caller]
pub fn assert_rule(rule: &Rule, text: &str, want: &[&str]) {
    assert_eq!(rule_marks(rule, text), want, "{} marks in {text:?}", rule.id);
}
