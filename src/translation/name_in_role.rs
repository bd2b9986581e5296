//! A name repeated in a role it cannot fill: "said Zabihullah, a spokesman for
//! the militant group Zabihullah" — translation put the person's name where the
//! organisation's belonged.

use super::{cues, Text};
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "translation/name-in-wrong-role",
    category: Category::Translation,
    name: "Name in an impossible role",
    message: "The same name stands for a person and for the group they speak for: a translation slip.",
    why: "When a spokesman is said to speak for a group that carries his own name, the text has lost the group's real name, usually in machine translation. Who said what is no longer clear.",
    example: "said Zabihullah, a spokesman for the militant group Zabihullah",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "said Zabihullah Mujahid, a spokesman for the Taliban";

/// Nouns for an organisation that a person's name cannot fill.
pub(super) const GROUPS: &[&str] = &[
    "group",
    "organization",
    "organisation",
    "movement",
    "militia",
    "party",
    "agency",
    "ministry",
    "government",
    "network",
    "company",
    "firm",
    "newspaper",
    "network",
    "army",
    "council",
    "committee",
];

/// How far back the person's name may be.
const WINDOW: usize = 16;

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    // A capitalised word after a group noun (the cue).
    for i in doc.cued(cues::GROUP).map(|group| group + 1) {
        if i < 2 || !doc.is_capitalized(i) {
            continue;
        }
        // The group's "name" is one word: "the company Ford Motor" is a real name.
        let longer_name = doc.is_capitalized(i + 1) && doc.sentence_of(i + 1) == doc.sentence_of(i);
        let verb_follows = doc.is_word(i + 1)
            && !doc.is_capitalized(i + 1)
            && !matches!(doc.low(i + 1), "in" | "on" | "at" | "for" | "of");
        if longer_name || verb_follows {
            continue;
        }
        // "the militant group X": find the article that opens the phrase.
        let sentence = &doc.sentences[doc.sentence_of(i)];
        let Some(open) = (sentence.tokens.start..i).rev().take(4).find(|&j| matches!(doc.low(j), "the" | "a" | "an"))
        else {
            continue;
        };
        // A role noun ("spokesman for") just before, and the same name earlier, as a person.
        let role = open >= 2 && matches!(doc.low(open - 1), "for" | "of") && is_role(doc.low(open - 2));
        let lo = open.saturating_sub(WINDOW).max(sentence.tokens.start);
        let named_before = (lo..open).any(|j| doc.tok(j) == doc.tok(i));
        if role && named_before {
            out.push(Annotation::new(&RULE, doc.tokens[open].start, doc.tokens[i].end));
        }
    }
}

fn is_role(word: &str) -> bool {
    matches!(
        word,
        "spokesman" | "spokeswoman" | "spokesperson" | "leader" | "member" | "commander" | "official" | "head"
    )
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_marks, assert_no_marks};

    #[test]
    fn marks_the_name_standing_for_the_group() {
        assert_marks(
            Translation,
            "“We reject this claim,” said Zabihullah, a spokesman for the militant group Zabihullah in a statement.",
            &["the militant group Zabihullah"],
        );
    }

    #[test]
    fn native_english_stays_clean() {
        for text in [
            "“We reject this claim,” said Zabihullah Mujahid, a spokesman for the Taliban.",
            "WASHINGTON (AP) — Smith, head of the foundation, spoke.",
            "Ford, a spokesman for the company Ford Motor, said so.",
            "Smith, the head of the group Smith founded, spoke.",
        ] {
            assert_no_marks(Translation, text);
        }
    }
}
