//! Caveat's analysis core: marks hedging, vague sourcing and machine-translation
//! artifacts in a text. Pure Rust, no web dependency; `wasm` is the browser boundary.

pub mod hedging;
pub mod lexicon;
pub mod report;
pub mod rule;
pub mod sourcing;
pub mod text;
pub mod translation;

#[cfg(test)]
pub(crate) mod test_util;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use report::{Annotation, Attribution, Report, SourceKind, Summary, TranslationVerdict};
pub use rule::{Category, Rule, Strength};
pub use text::Document;

/// Analyse a text: every mark, every attribution, and a summary.
pub fn analyze(text: &str) -> Report {
    let doc = stage::document(text);
    let mut annotations = Vec::new();
    stage::hedging(&doc, &mut annotations);
    let attributions = stage::sourcing(&doc, &mut annotations);
    let translation = stage::translation(&doc, &mut annotations);
    Report::build(doc.word_count(), annotations, attributions, translation)
}

/// The stages of `analyze`, kept out of line so that a profile (callgrind, perf) of the
/// CLI names each one instead of folding them all into `analyze`.
mod stage {
    use super::*;

    #[inline(never)]
    pub fn document(text: &str) -> Document<'_> {
        Document::new(text)
    }

    #[inline(never)]
    pub fn hedging(doc: &Document, out: &mut Vec<Annotation>) {
        hedging::detect(doc, out)
    }

    #[inline(never)]
    pub fn sourcing(doc: &Document, out: &mut Vec<Annotation>) -> Vec<Attribution> {
        sourcing::detect(doc, out)
    }

    #[inline(never)]
    pub fn translation(doc: &Document, out: &mut Vec<Annotation>) -> TranslationVerdict {
        translation::detect(doc, out)
    }
}

/// Every rule, grouped by category: the source of the hover cards and rule docs.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    hedging::RULES.iter().chain(sourcing::RULES).chain(translation::RULES).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_prefixed_by_category() {
        let mut ids = std::collections::HashSet::new();
        for r in rules() {
            assert!(ids.insert(r.id), "duplicate rule id {}", r.id);
            assert!(r.id.starts_with(&format!("{}/", r.category.as_str())), "{} has the wrong prefix", r.id);
            assert!(!r.message.is_empty() && !r.why.is_empty() && !r.name.is_empty(), "{} lacks docs", r.id);
        }
    }

    #[test]
    fn empty_text_gives_an_empty_report() {
        let r = analyze("");
        assert!(r.annotations.is_empty());
        assert_eq!(r.summary.words, 0);
    }
}
