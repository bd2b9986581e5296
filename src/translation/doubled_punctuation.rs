//! Doubled punctuation separated by a space: "affiliates. ." — left by conversion
//! or translation, never by an editor.

use super::{cues, Text};
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "translation/doubled-punctuation",
    category: Category::Translation,
    name: "Doubled punctuation",
    message: "Stray or doubled punctuation (\". .\"), left behind by conversion or translation.",
    why: "Doubled full stops and stray marks slip into text that was converted, scraped or machine translated without an editor reading it.",
    example: "targeting local ISIS and al-Qaeda affiliates. .",
    strength: Strength::Weak,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "It targets local ISIS and al-Qaeda affiliates.";

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    for i in doc.cued(cues::STOP_OR_COMMA) {
        let stop_or_comma = |k: usize| doc.cue(k) & (cues::STOP | cues::COMMA) != 0;
        if i < 2 || !stop_or_comma(i - 1) {
            continue;
        }
        // ". ." and ", ." after a word; ". . ." (a spaced ellipsis) is a style, not an error.
        let spaced_ellipsis = doc.tok(i - 2) == "." || doc.tokens.get(i + 1).is_some_and(|_| doc.tok(i + 1) == ".");
        if doc.is_word(i - 2) && doc.tokens[i].space_before && !doc.tokens[i].newline_before && !spaced_ellipsis {
            out.push(Annotation::new(&RULE, doc.tokens[i - 2].start, doc.tokens[i].end));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_doubled_stops() {
        assert_rule(&super::RULE, "It targets local affiliates. .", &["affiliates. ."]);
        assert_rule(&super::RULE, "They met in Doha, . Then they left.", &["Doha, ."]);
    }

    #[test]
    fn native_english_stays_clean() {
        for text in ["He paused . . . and went on.", "WASHINGTON (AP) — It passed. Then it failed.", "Items: a. b. c."]
        {
            assert_no_marks(Translation, text);
        }
    }
}
