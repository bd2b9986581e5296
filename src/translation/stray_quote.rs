//! A quote mark that opens nothing: left at the very end of a paragraph after a
//! full stop ("accountable. “"), where translation dropped what it quoted.

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

pub fn detect(doc: &Document, out: &mut Vec<Annotation>) -> usize {
    let mut n = 0;
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
        {
            out.push(Annotation::new(&RULE, doc.tokens[last].start, doc.tokens[last].end));
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_marks, assert_no_marks};

    #[test]
    fn marks_a_quote_opening_nothing() {
        assert_marks(Translation, "The administration should act to hold Putin accountable. “\n\nNext.", &["“"]);
    }

    #[test]
    fn native_english_stays_clean() {
        for text in [
            "He said: “We will win.\n\n“We will win big,” he added.",
            "“It is over,” she said.",
            "WASHINGTON (AP) — “Yes.”",
        ] {
            assert_no_marks(Translation, text);
        }
    }
}
