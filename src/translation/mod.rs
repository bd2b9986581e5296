//! Translation: the marks of machine-translated and spun copy, and a verdict
//! for the whole text.
//!
//! Each rule is a file with its doc and tests; `RULES` and `SPAN_RULES` list
//! them. The verdict (`verdict.rs`) combines the marks with text statistics
//! from a compact model of native news English (`lm.rs`, an optional asset).

mod article_plural;
mod boilerplate;
mod broken_coordination;
mod broken_sentence;
pub mod collocation;
mod doubled_punctuation;
mod duplicated_text;
mod fragment_sentence;
mod institution_near_miss;
pub mod lm;
mod mangled_name;
mod modal_to;
mod name_in_role;
mod resumptive_pronoun;
mod role_title;
mod stray_quote;
pub mod verdict;
mod weights;

use crate::report::{Annotation, TranslationVerdict};
use crate::rule::Rule;
use crate::text::Document;

pub use lm::{set_model, Model};
pub use verdict::{features, sentence_scores, sentence_scores_with, FEATURE_NAMES};

type SpanRule = fn(&Document, &mut Vec<Annotation>) -> usize;

/// The rules that need only the text, with their docs. One line per rule.
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

/// Every translation mark in the text, using `model` for the phrasing rule.
pub fn marks(doc: &Document, model: Option<&Model>) -> Vec<Annotation> {
    let mut out = Vec::new();
    for (_, rule) in SPAN_RULES {
        rule(doc, &mut out);
    }
    collocation::detect(doc, model, &mut out);
    out
}

/// Marks and the whole-text verdict, with the installed model (if any).
pub fn detect(doc: &Document, out: &mut Vec<Annotation>) -> TranslationVerdict {
    detect_with(doc, lm::model(), out)
}

pub fn detect_with(doc: &Document, model: Option<&Model>, out: &mut Vec<Annotation>) -> TranslationVerdict {
    let marks = marks(doc, model);
    let verdict = verdict::verdict(doc, model, &marks);
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
        assert_eq!(RULES.len(), SPAN_RULES.len() + 1);
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in ["", ".", ". .", "“", "a", "A, the b, he c", "Qatar's", "x. y", "\u{0}. \u{0}", "KarenN", "a peace"]
        {
            let doc = Document::new(text);
            let mut out = Vec::new();
            let v = detect(&doc, &mut out);
            assert!((0.0..=1.0).contains(&v.likelihood));
            assert_eq!(sentence_scores(&doc).len(), doc.sentences.len());
        }
    }
}
