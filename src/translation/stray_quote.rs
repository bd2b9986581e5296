//! A quote mark that opens nothing: left at the very end of a paragraph after a
//! full stop ("accountable. “"), where translation dropped what it quoted. When a
//! quotation is still open in the paragraph, the mark closes it, typed the wrong
//! way round (a smart-quote slip of any editor): that is not translation.

use super::Text;
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};
use crate::text::Document;

pub static RULE: Rule = Rule {
    id: "translation/stray-quote",
    category: Category::Translation,
    name: "Stray quote mark",
    message: "An opening quote mark with nothing after it: the quotation was lost in conversion or translation.",
    why: "An opening quote mark at the very end of a paragraph quotes nothing. It is left behind when text is machine translated or scraped and the quotation's boundaries are lost.",
    example: "to hold Putin accountable. “",
    strength: Strength::Weak,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "“We will hold Putin accountable,” she said.";

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    for p in &doc.paragraphs {
        let Some(last_sentence) = p.sentences.end.checked_sub(1).and_then(|s| doc.sentences.get(s)) else {
            continue;
        };
        let Some(last) = last_sentence.tokens.end.checked_sub(1) else {
            continue;
        };
        // An opening curly quote, separated by a space from the sentence-final stop.
        let stop = last.checked_sub(1);
        if doc.tok(last) == "“"
            && doc.tokens[last].space_before
            && stop.is_some_and(|s| doc.tokens[s].start >= p.start && matches!(doc.tok(s), "." | "!" | "?"))
            && !quotation_open(doc, p.sentences.start, last)
        {
            out.push(Annotation::new(&RULE, doc.tokens[last].start, doc.tokens[last].end));
        }
    }
}

/// Whether a quotation opened in the paragraph (from sentence `first`) is still open
/// before token `last`.
fn quotation_open(doc: &Document, first: usize, last: usize) -> bool {
    let start = doc.sentences.get(first).map_or(last, |s| s.tokens.start);
    let mut open = false;
    for i in start..last {
        match doc.tok(i) {
            "“" => open = true,
            "”" => open = false,
            _ => {}
        }
    }
    open
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_a_quote_opening_nothing() {
        assert_rule(&super::RULE, "The administration should act to hold Putin accountable. “\n\nNext.", &["“"]);
        assert_rule(&super::RULE, "He had “reached the administration”, adding it should act. “\nNext.", &["“"]);
    }

    #[test]
    fn native_english_stays_clean() {
        for text in [
            "He said: “We will win.\n\n“We will win big,” he added.",
            "“It is over,” she said.",
            "WASHINGTON (AP) — “Yes.”",
            // A closing quote typed the wrong way round.
            "The minister said, “Spain is a safe place for tourists. “\nThe rate is lower.",
        ] {
            assert_no_marks(Translation, text);
        }
    }
}
