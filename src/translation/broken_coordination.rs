//! Two verbs joined by "and" in different forms: "plotting to assassinate and
//! poisoning" — the parallel structure broken by translation.

use super::{cues, Text};
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "translation/broken-coordination",
    category: Category::Translation,
    name: "Broken coordination",
    message: "Two joined verbs in mismatched forms (\"to assassinate and poisoning\"): a translation slip.",
    why: "English joins verbs in the same form: \"to assassinate and poison\". A bare verb joined to an -ing form after \"to\" is how machine translation garbles a list of actions.",
    example: "accused of plotting to assassinate and poisoning Europe",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "accused of plotting to assassinate and poison officials in Europe";

/// -ing words that are nouns or prepositions, not verbs in a list.
const NOT_VERBS: &[&str] = &[
    "during",
    "including",
    "regarding",
    "according",
    "concerning",
    "following",
    "nothing",
    "something",
    "anything",
    "everything",
    "morning",
    "evening",
    "thing",
    "king",
    "ring",
    "spring",
    "string",
    "wing",
    "building",
    "meeting",
    "funding",
    "hearing",
    "briefing",
    "ruling",
    "bring",
    "sing",
    "sting",
    "swing",
    "bring",
    "cling",
    "fling",
];

fn is_ing(w: &str) -> bool {
    w.len() > 5 && w.ends_with("ing") && !NOT_VERBS.contains(&w)
}

fn is_bare_verb(w: &str) -> bool {
    w.len() > 2
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !w.ends_with("ing")
        && !w.ends_with("ed")
        && (!w.ends_with('s') || w.ends_with("ss"))
        && !matches!(w, "the" | "a" | "an" | "be" | "this" | "that" | "them" | "him" | "her" | "me" | "us" | "it")
}

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    for i in doc.cued(cues::TO) {
        // "<verb>ing to V and V-ing X", the -ing not followed by "to" ("trying to do").
        if i == 0 || i + 4 >= doc.tokens.len() || !is_ing(doc.low(i - 1)) {
            continue;
        }
        let (v, and, ing) = (i + 1, i + 2, i + 3);
        let follows_ok = doc.tokens.get(ing + 1).is_none_or(|_| !matches!(doc.low(ing + 1), "to" | "and" | "or"));
        if doc.is_word(v)
            && is_bare_verb(doc.low(v))
            && doc.low(and) == "and"
            && doc.is_word(ing)
            && is_ing(doc.low(ing))
            && follows_ok
        {
            let end = if doc.is_word(ing + 1) { ing + 1 } else { ing };
            out.push(Annotation::new(&RULE, doc.tokens[i].start, doc.tokens[end].end));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_marks, assert_no_marks};

    #[test]
    fn marks_mismatched_verbs() {
        assert_marks(
            Translation,
            "It was accused by the West of plotting to assassinate and poisoning Europe in recent years.",
            &["to assassinate and poisoning Europe"],
        );
    }

    #[test]
    fn native_english_stays_clean() {
        for text in [
            "Officials are struggling to understand and trying to do the right thing.",
            "She was pleading with officers not to shoot and begging her husband to stop.",
            "WASHINGTON (AP) — He was accused of plotting to assassinate and poison rivals.",
        ] {
            assert_no_marks(Translation, text);
        }
    }
}
