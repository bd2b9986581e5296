//! Translation: the marks of machine-translated and spun copy, and a verdict
//! for the whole text.
//!
//! Each rule is a file with its doc and tests; `RULES` lists them. The verdict
//! (`verdict.rs`) combines the marks with the learned document model (`model.rs`),
//! which also supplies the `unnatural-phrase` marks.

mod article_plural;
mod boilerplate;
mod broken_coordination;
mod broken_sentence;
mod collocation;
mod cues;
mod doubled_punctuation;
mod duplicated_text;
mod fragment_sentence;
mod institution_near_miss;
mod mangled_name;
mod modal_to;
pub mod model;
mod name_in_role;
mod resumptive_pronoun;
mod role_title;
mod stray_quote;
pub mod style;
mod unnatural_phrase;
pub mod verdict;
mod vocab;

use std::ops::Deref;

use crate::report::{Annotation, TranslationVerdict};
use crate::rule::registry;
use crate::text::Document;

/// The text as the translation rules and the verdict read it: the text model, and
/// what the learned model makes of it, shared (the `unnatural-phrase` marks and the
/// verdict read the same elements, and the cue bits of a vocabulary word come with
/// its element). It reads as the `Document` it wraps.
pub struct Text<'a> {
    doc: &'a Document<'a>,
    /// Each token's cue bits (`cues`): where the rules start.
    cues: cues::Cues,
    elements: Option<(&'static model::Model, Vec<model::Elem>)>,
}

impl<'a> Text<'a> {
    pub fn new(doc: &'a Document<'a>) -> Self {
        let elements = model::get().map(|m| (m, m.elements(doc, m.vocab_len())));
        let (by_rank, elems) = elements.as_ref().map_or((&[][..], &[][..]), |(m, e)| (m.cue_bits(), e.as_slice()));
        let cues = cues::of(doc, by_rank, elems);
        Text { doc, cues, elements }
    }

    /// The tokens with the cue bit `bit` (`cues`), in order.
    pub fn cued(&self, bit: u32) -> impl Iterator<Item = usize> + '_ {
        self.cues.cued(bit)
    }

    /// Token `i`'s cue bits (none past the end).
    pub fn cue(&self, i: usize) -> u32 {
        self.cues.get(i)
    }

    /// The active model and every token as its element, every vocabulary word standing
    /// as itself (`Model::elements` with the whole vocabulary); none without a model.
    pub fn elements(&self) -> Option<(&'static model::Model, &[model::Elem])> {
        self.elements.as_ref().map(|(m, e)| (*m, e.as_slice()))
    }
}

impl<'a> Deref for Text<'a> {
    type Target = Document<'a>;
    fn deref(&self) -> &Document<'a> {
        self.doc
    }
}

/// What every translation rule gives: it reads the text and appends its marks.
pub type Detector = fn(&Text, &mut Vec<Annotation>);

// One line per rule; marks are reported in this order before the report sorts them.
#[rustfmt::skip]
registry![
    broken_sentence,
    fragment_sentence,
    doubled_punctuation,
    stray_quote,
    duplicated_text,
    name_in_role,
    article_plural,
    modal_to,
    broken_coordination,
    resumptive_pronoun,
    role_title,
    institution_near_miss,
    mangled_name,
    collocation,
    boilerplate,
    unnatural_phrase;
    DETECTORS: Detector = detect
];

/// Every translation mark in the text.
pub fn marks(text: &Text) -> Vec<Annotation> {
    let mut out = Vec::new();
    for detect in DETECTORS {
        detect(text, &mut out);
    }
    out
}

/// Marks and the whole-text verdict.
pub fn detect(doc: &Document, out: &mut Vec<Annotation>) -> TranslationVerdict {
    let text = Text::new(doc);
    let marks = marks(&text);
    let verdict = verdict::verdict(&text, &marks);
    out.extend(marks);
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Native English every rule must leave alone: headlines, quotes with
    /// fragments, lists, datelines, a sentence starting with "iPhone".
    const NATIVE: &[&str] = &[
        "Trump Wins Iowa; Clinton Fights On\n\nSenate Passes Bill 68-32 After Long Debate",
        "WASHINGTON (AP) — The Senate voted on Tuesday. iPhone sales fell 5 percent, Apple said.",
        "NEW YORK (Reuters) - Stocks rose.\n\nLONDON — The pound fell.",
        "“Lock her up.” “Never.” “A disgrace. Total disaster,” he said. She laughed. “No. Not now.”",
        "What they want:\n- Lower taxes.\n- Better roads.\n1. Jobs.\n2. Schools.",
        "Key points\n\n• The bill passed.\n• It goes to the House.\n\nRelated: Senate vote",
        "iPhone owners waited. eBay sellers did too. The U.S. Department of Justice and the F.B.I. declined to comment.",
        "The Democratic National Committee met in Doha, Qatar's capital, and in Kabul, Afghanistan.",
        "Rep. Adam Kinzinger, R-Ill., and Sen. Bob Menendez, D-N.J., spoke. Mr. Smith, a spokesman for the group, said so.",
        "Karen Smith contributed to this report. Follow her on Twitter @ksmith.",
    ];

    #[test]
    fn native_english_gets_no_marks_from_any_rule() {
        for text in NATIVE {
            let doc = Document::new(text);
            for (rule, detect) in RULES.iter().zip(DETECTORS) {
                let mut out = Vec::new();
                detect(&Text::new(&doc), &mut out);
                let marked: Vec<&str> = out.iter().map(|a| &text[a.start..a.end]).collect();
                assert!(marked.is_empty(), "{} marks {marked:?} in {text:?}", rule.id);
            }
        }
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
