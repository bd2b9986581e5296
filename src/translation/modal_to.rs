//! A modal verb followed by "to": "must to", "should to" — a grammar slip of
//! machine translation (English modals take the bare verb).

use super::{cues, Text};
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "translation/modal-to",
    category: Category::Translation,
    name: "\"Must to\"",
    message: "A modal verb followed by \"to\" (\"must to\"): a grammar slip typical of machine translation.",
    why: "In English, \"must\", \"should\" and \"shall\" take the bare verb (\"must act\"). \"Must to act\" comes from translating languages where the equivalent takes an infinitive marker.",
    example: "the government must to respond",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "the government must respond";

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    for i in doc.cued(cues::TO) {
        if i == 0 || i + 1 >= doc.tokens.len() {
            continue;
        }
        // "must to" but not "a must to see" (noun) or "should to the extent" (rare).
        let modal = matches!(doc.low(i - 1), "must" | "should" | "shall" | "mustn't" | "shouldn't");
        let noun_use = i >= 2 && matches!(doc.low(i - 2), "a" | "the" | "an");
        if modal && doc.low(i) == "to" && doc.is_word(i + 1) && !noun_use && doc.low(i + 1) != "the" {
            out.push(Annotation::new(&RULE, doc.tokens[i - 1].start, doc.tokens[i + 1].end));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_must_to() {
        assert_rule(&super::RULE, "The government must to respond quickly.", &["must to respond"]);
    }

    #[test]
    fn native_english_stays_clean() {
        for text in [
            "The government must respond. It ought to act and has to act.",
            "This film is a must to see.",
            "WASHINGTON (AP) — We will do all we can to help, and we should, too.",
        ] {
            assert_no_marks(Translation, text);
        }
    }
}
