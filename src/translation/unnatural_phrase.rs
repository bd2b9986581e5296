//! Word pairs a native writer would not produce: pairs the learned model
//! (`model.rs`) found many times in machine-translated English and almost never in
//! native English ("the Thursday", "the van of Clinton", "Fox New Canal").
//! Vocabulary words stand as themselves, other words as their shape, so a pair
//! can be a pattern ("the" + a capitalised word after "of") as well as two words.
//! Adjacent pairs make one mark; the mark says what kind of slip it looks like.

use super::Text;
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};
use crate::text::{Document, TokenKind};

pub static RULE: Rule = Rule {
    id: "translation/unnatural-phrase",
    category: Category::Translation,
    name: "Unnatural phrasing",
    message: "Words in an order or combination native English almost never uses, and machine translation often does.",
    why: "Machine translation renders a foreign sentence piece by piece: word order, articles, set phrases and names come out as the source language has them (\"the van of Clinton\", \"the Thursday\", \"has taken the decision\"). Caveat learned these pairs from machine-translated and native news; one such phrase can be a slip, many in a text say it was translated by a machine, so the facts in it went through a step nobody checked.",
    example: "The followers of Lady Clinton gathered on Thursday.",
    strength: Strength::Weak,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "Clinton's van was escorted by the police on Thursday.";

/// Marks longer than this many words would point at nothing in particular.
const MAX_WORDS: usize = 6;

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    let Some((model, elements)) = doc.elements() else { return };
    for s in &doc.sentences {
        let sentence = &elements[s.tokens.clone()];
        // Runs of tokens covered by listed pairs: (first, last) index in the sentence.
        let mut run: Option<(usize, usize)> = None;
        for (j, pair) in sentence.windows(2).enumerate() {
            if model.is_phrase([pair[0], pair[1]]) {
                run = match run {
                    Some((a, b)) if b >= j && j + 1 - a < MAX_WORDS => Some((a, j + 1)),
                    Some(r) => {
                        push(doc, s.tokens.start, r, out);
                        Some((j, j + 1))
                    }
                    None => Some((j, j + 1)),
                };
            }
        }
        if let Some(r) = run {
            push(doc, s.tokens.start, r, out);
        }
    }
}

/// Marks the run of tokens `a..=b` of the sentence whose first token is `first`,
/// trimmed to words.
fn push(doc: &Document, first: usize, (a, b): (usize, usize), out: &mut Vec<Annotation>) {
    let is_word = |k: usize| doc.tokens[first + k].kind != TokenKind::Punct;
    let (Some(a), Some(b)) = ((a..=b).find(|&k| is_word(k)), (a..=b).rev().find(|&k| is_word(k))) else { return };
    let (first, last) = (first + a, first + b);
    let detail = kind(doc, first..=last);
    out.push(Annotation::new(&RULE, doc.tokens[first].start, doc.tokens[last].end).with_detail(detail));
}

/// What kind of slip the phrase of these tokens looks like, in a reader's words.
fn kind(doc: &Document, mut tokens: std::ops::RangeInclusive<usize>) -> &'static str {
    // A capital that does not open its sentence: a name or a title.
    let name = |i: usize| doc.is_capitalized(i) && i > 0 && doc.sentence_of(i) == doc.sentence_of(i - 1);
    if tokens.clone().any(|i| doc.low_is(i, "of")) {
        "Literal word order: \"the X of Y\" where English writes \"Y's X\" or \"Y X\"."
    } else if tokens.clone().any(|i| doc.low_in(i, &["the", "a", "an"])) {
        "Article use that follows another language, not English."
    } else if tokens.any(name) {
        "A name or title that reads as if translated word by word."
    } else {
        "A word combination native news does not use: likely a literal rendering."
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        let mut out = Vec::new();
        detect(&Text::new(&doc), &mut out);
        out.iter().map(|a| &text[a.start..a.end]).collect()
    }

    #[test]
    fn marks_round_trip_phrasing() {
        // Phrases of the kind a Spanish round trip produces, written here by hand.
        let text = "Her lead fell three points of percentage. The another day, the senator returned.";
        assert!(!marked(text).is_empty(), "{:?}", marked(text));
    }

    #[test]
    fn leaves_native_news_alone() {
        for text in [
            "The senator from Texas spoke on Thursday, and the emergency room was full.",
            "Clinton’s van was supposed to be escorted by an NYPD protective detail, sources said.",
            "Stocks rose 2 percent on Friday after the Federal Reserve held rates steady.",
        ] {
            assert!(marked(text).is_empty(), "{text:?}: {:?}", marked(text));
        }
    }

    #[test]
    fn marks_are_short_and_start_and_end_on_words() {
        let text =
            "the van of Clinton of the senator of the Thursday of the room of emergency of the Friday . ".repeat(3);
        let doc = Document::new(&text);
        let mut out = Vec::new();
        detect(&Text::new(&doc), &mut out);
        for a in &out {
            let words = text[a.start..a.end].split_whitespace().count();
            assert!((1..=MAX_WORDS).contains(&words), "{:?}", &text[a.start..a.end]);
            assert!(!text[a.start..a.end].ends_with('.'));
        }
    }
}
