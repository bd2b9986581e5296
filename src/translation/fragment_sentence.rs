//! A one-word "sentence" cut off the end of the one before: "the embassy wrote.
//! Twitter." — a phrase ("on Twitter") that machine translation split off.

use super::Text;
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};
use crate::text::TokenKind;

pub static RULE: Rule = Rule {
    id: "translation/fragment-sentence",
    category: Category::Translation,
    name: "Cut-off fragment",
    message: "A lone word after a full stop, cut off from its sentence: typical of machine translation.",
    why: "Writers use one-word sentences for effect (\"No.\"), but a bare name or noun after a sentence that ends in a verb (\"the embassy wrote. Twitter.\") is a phrase that machine translation has split off and lost.",
    example: "the embassy wrote. Twitter.",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "The embassy wrote on Twitter.";

/// One-word sentences writers use on purpose.
const DELIBERATE: &[&str] = &[
    "yes",
    "no",
    "nope",
    "yeah",
    "okay",
    "ok",
    "right",
    "really",
    "exactly",
    "absolutely",
    "indeed",
    "never",
    "nothing",
    "period",
    "again",
    "sad",
    "wow",
    "thanks",
    "enough",
    "done",
    "true",
    "false",
    "wrong",
    "correct",
    "agreed",
    "fine",
    "good",
    "great",
    "bad",
    "maybe",
    "perhaps",
    "why",
    "what",
    "sure",
    "silence",
    "nobody",
    "none",
    "everyone",
    "update",
    "updated",
    "developing",
    "advertisement",
    "related",
    "photo",
    "video",
    "watch",
    "listen",
    "read",
    "more",
    "end",
    "ends",
    "fin",
    "amen",
    "hello",
    "bye",
    "unbelievable",
    "incredible",
    "finally",
    "seriously",
    "obviously",
];

fn is_quote(s: &str) -> bool {
    matches!(s, "\"" | "“" | "”" | "'" | "‘" | "’" | "«" | "»")
}

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    for (si, s) in doc.sentences.iter().enumerate().skip(1) {
        let toks = s.tokens.clone();
        // Exactly: Word "." — nothing else, not inside quotes.
        if toks.len() != 2 || doc.tok(toks.start + 1) != "." || doc.tokens[toks.start].kind != TokenKind::Word {
            continue;
        }
        let w = toks.start;
        // Codes and page numbers ("A6.") are not words cut from a sentence.
        let code = doc.tok(w).chars().any(|c| c.is_ascii_digit());
        if doc.tokens[w].newline_before || !doc.is_capitalized(w) || code || DELIBERATE.contains(&doc.low(w)) {
            continue;
        }
        // The previous sentence ends "verb." right before, in the same paragraph:
        // a lower-case word, a full stop, no quote or bracket.
        let prev = &doc.sentences[si - 1];
        let (Some(stop), Some(before)) = (prev.tokens.end.checked_sub(1), prev.tokens.end.checked_sub(2)) else {
            continue;
        };
        if before < prev.tokens.start || doc.tok(stop) != "." || doc.tokens[stop].space_before {
            continue;
        }
        let prev_lower = doc.is_word(before) && doc.tok(before).chars().next().is_some_and(char::is_lowercase);
        let quoted = is_quote(doc.tok(before)) || doc.tokens.get(toks.end).is_some_and(|t| !t.space_before);
        let next_in_paragraph = doc.tokens.get(toks.end).is_some_and(|t| !t.newline_before);
        if prev_lower && !quoted && !next_in_paragraph {
            out.push(Annotation::new(&RULE, doc.tokens[before].start, doc.tokens[toks.end - 1].end));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_marks, assert_no_marks};

    #[test]
    fn marks_a_cut_off_word() {
        assert_marks(
            Translation,
            "The Times is inventing stories, the embassy wrote. Twitter.\n",
            &["wrote. Twitter."],
        );
    }

    #[test]
    fn native_english_stays_clean() {
        for text in [
            "Did he know? No. He said nothing.",
            "“It was over,” he said. “Done.”",
            "He asked who would pay. Mexico. Then he laughed.",
            "WASHINGTON (AP) — Lawmakers met. Nothing.",
            "Top stories:\nElection.\nEconomy.",
            "The story ran on page A6 of the print edition, for local residents.  A6.",
        ] {
            assert_no_marks(Translation, text);
        }
    }
}
