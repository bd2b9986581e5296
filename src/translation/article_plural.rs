//! "a" or "an" before a plural noun: "in the middle of a peace talks" — a number
//! agreement slip typical of machine translation from languages without articles.

use super::{cues, Text};
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "translation/article-plural",
    category: Category::Translation,
    name: "\"A\" with a plural",
    message: "\"a\" before a plural noun: a grammar slip typical of machine translation.",
    why: "English never puts \"a\" before a plural noun (\"a peace talks\"). Languages without articles, such as Chinese or Russian, leave machine translation to guess, and it guesses wrong in this way.",
    example: "in the middle of a peace talks",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "in the middle of peace talks";

/// Plural nouns common in news that cannot be verbs after a noun ("a man talks"
/// is excluded by requiring a preposition before the article).
pub(super) const PLURALS: &[&str] = &[
    "talks",
    "negotiations",
    "sanctions",
    "troops",
    "officials",
    "elections",
    "relations",
    "measures",
    "forces",
    "weapons",
    "efforts",
    "authorities",
    "negotiators",
    "soldiers",
    "militants",
    "protesters",
    "casualties",
    "documents",
    "allegations",
    "accusations",
    "reports",
    "discussions",
    "consultations",
    "hostilities",
    "ties",
    "investigations",
    "policies",
    "reforms",
    "countries",
    "leaders",
    "people",
    "children",
    "women",
    "members",
];

/// Words between "a" and a plural that make it grammatical: "a few talks", "a dozen troops".
const QUANTIFIERS: &[&str] = &[
    "few",
    "couple",
    "dozen",
    "hundred",
    "thousand",
    "million",
    "billion",
    "number",
    "lot",
    "host",
    "series",
    "total",
    "record",
    "further",
    "additional",
    "handful",
    "majority",
    "minority",
    "pair",
    "range",
    "variety",
    "group",
    "set",
    "bunch",
    "score",
    "great",
    "good",
    "mere",
    "whopping",
    "estimated",
    "reported",
    "staggering",
    "full",
    "half",
    "third",
    "quarter",
    "fifth",
    "tenth",
    "new",
    "combined",
    "cumulative",
    "net",
    "half-dozen",
];

pub(super) const PREPOSITIONS: &[&str] = &[
    "of", "in", "at", "for", "to", "with", "during", "after", "before", "from", "into", "on", "by", "about", "amid",
    "under", "over", "through", "without", "hold", "held", "holding", "launch", "launched", "start", "started",
    "resume", "resumed",
];

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    for i in doc.cued(cues::A_OR_AN) {
        // The word before and the plural after have cue bits (a search of the lists
        // cost about 300 instructions per "a").
        if i == 0 || doc.cue(i - 1) & cues::PREPOSITION == 0 {
            continue;
        }
        // "a talks" or "a <modifier> talks", the modifier a lower-case word.
        for end in [i + 1, i + 2] {
            if !doc.is_word(end) || doc.cue(end) & cues::PLURAL == 0 {
                continue;
            }
            let modifier_ok = end == i + 1
                || (doc.is_word(i + 1)
                    && doc.tok(i + 1).chars().all(|c| c.is_lowercase() || c == '-')
                    && !QUANTIFIERS.contains(&doc.low(i + 1)));
            // "a talks-based" or "a troops' morale" are other constructions.
            let next_joins = doc.tokens.get(end + 1).is_some_and(|t| !t.space_before && doc.tok(end + 1) != ",");
            if modifier_ok && !next_joins && !doc.tok(end).starts_with(char::is_uppercase) {
                out.push(Annotation::new(&RULE, doc.tokens[i].start, doc.tokens[end].end));
            }
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_a_with_a_plural() {
        assert_rule(
            &super::RULE,
            "The money was offered in the middle of a peace talks, the paper said.",
            &["a peace talks"],
        );
        assert_rule(&super::RULE, "They agreed to a sanctions on Russia.", &["a sanctions"]);
    }

    #[test]
    fn native_english_stays_clean() {
        for text in [
            "He met a few officials and a dozen troops.",
            "In a statement, a man talks about a series of talks.",
            "WASHINGTON (AP) — It was a record 5 million people in a new elections law.",
            "A source close to the talks said so.",
        ] {
            assert_no_marks(Translation, text);
        }
    }
}
