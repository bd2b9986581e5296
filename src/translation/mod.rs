//! Translation: the marks of machine-translated and spun copy, and a verdict
//! for the whole text.
//!
//! Each rule is a file with its doc and tests; `RULES` lists them. The verdict
//! (`verdict.rs`) combines the marks with the text's style statistics (`style.rs`).

mod article_plural;
mod boilerplate;
mod broken_coordination;
mod broken_sentence;
mod collocation;
mod doubled_punctuation;
mod duplicated_text;
mod fragment_sentence;
mod institution_near_miss;
mod mangled_name;
mod modal_to;
mod name_in_role;
mod resumptive_pronoun;
mod role_title;
mod stray_quote;
pub mod style;
pub mod verdict;
mod weights;

use crate::report::{Annotation, TranslationVerdict};
use crate::rule::Rule;
use crate::text::Document;

type SpanRule = fn(&Document, &mut Vec<Annotation>) -> usize;

/// Every rule with its detector. One line per rule.
pub const SPAN_RULES: &[(&Rule, SpanRule)] = &[
    (&broken_sentence::RULE, broken_sentence::detect),
    (&fragment_sentence::RULE, fragment_sentence::detect),
    (&doubled_punctuation::RULE, doubled_punctuation::detect),
    (&stray_quote::RULE, stray_quote::detect),
    (&duplicated_text::RULE, duplicated_text::detect),
    (&name_in_role::RULE, name_in_role::detect),
    (&article_plural::RULE, article_plural::detect),
    (&modal_to::RULE, modal_to::detect),
    (&broken_coordination::RULE, broken_coordination::detect),
    (&resumptive_pronoun::RULE, resumptive_pronoun::detect),
    (&role_title::RULE, role_title::detect),
    (&institution_near_miss::RULE, institution_near_miss::detect),
    (&mangled_name::RULE, mangled_name::detect),
    (&collocation::RULE, collocation::detect),
    (&boilerplate::RULE, boilerplate::detect),
];

pub static RULES: &[&Rule] = &[
    &broken_sentence::RULE,
    &fragment_sentence::RULE,
    &doubled_punctuation::RULE,
    &stray_quote::RULE,
    &duplicated_text::RULE,
    &name_in_role::RULE,
    &article_plural::RULE,
    &modal_to::RULE,
    &broken_coordination::RULE,
    &resumptive_pronoun::RULE,
    &role_title::RULE,
    &institution_near_miss::RULE,
    &mangled_name::RULE,
    &collocation::RULE,
    &boilerplate::RULE,
];

/// Every translation mark in the text.
pub fn marks(doc: &Document) -> Vec<Annotation> {
    let mut out = Vec::new();
    for (_, rule) in SPAN_RULES {
        rule(doc, &mut out);
    }
    out
}

/// Marks and the whole-text verdict.
pub fn detect(doc: &Document, out: &mut Vec<Annotation>) -> TranslationVerdict {
    let marks = marks(doc);
    let verdict = verdict::verdict(doc, &marks);
    out.extend(marks);
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_listed_once() {
        for (rule, _) in SPAN_RULES {
            assert_eq!(RULES.iter().filter(|r| r.id == rule.id).count(), 1, "{}", rule.id);
        }
        assert_eq!(RULES.len(), SPAN_RULES.len());
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in ["", ".", ". .", "“", "a", "A, the b, he c", "Qatar's", "x. y", "\u{0}. \u{0}", "KarenN", "a peace"]
        {
            let doc = Document::new(text);
            let mut out = Vec::new();
            let v = detect(&doc, &mut out);
            assert!((0.0..=1.0).contains(&v.likelihood));
        }
    }
}
