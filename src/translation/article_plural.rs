//! "a" or "an" before a plural noun: "in the middle of a peace talks" — a number
//! agreement slip typical of machine translation from languages without articles.

use std::sync::OnceLock;

use super::{cues, Text};
use crate::lexicon::WordTable;
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};
use crate::text::Document;

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
const PLURALS: &[&str] = &[
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

const PREPOSITIONS: &[&str] = &[
    "of", "in", "at", "for", "to", "with", "during", "after", "before", "from", "into", "on", "by", "about", "amid",
    "under", "over", "through", "without", "hold", "held", "holding", "launch", "launched", "start", "started",
    "resume", "resumed",
];

/// `words` bit of a word of `PREPOSITIONS`.
const PREPOSITION: u32 = 1;
/// `words` bit of a word of `PLURALS`.
const PLURAL: u32 = 2;

/// The words of `PREPOSITIONS` and `PLURALS` with their bits, for one table probe per
/// token where a search of the lists compared a few dozen words (`u32`, the value
/// type of the other rules' tables: one copy of the code).
fn words() -> &'static WordTable<u32> {
    static WORDS: OnceLock<WordTable<u32>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let prepositions = PREPOSITIONS.iter().map(|&w| (w, PREPOSITION));
        WordTable::new(prepositions.chain(PLURALS.iter().map(|&w| (w, PLURAL))), |a, b| a | b)
    })
}

/// Token `i` is a word of the list of `bit` (false past the end).
fn is(doc: &Document, i: usize, bit: u32) -> bool {
    words().get_token(doc, i).is_some_and(|bits| bits & bit != 0)
}

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    for i in doc.cued(cues::A_OR_AN) {
        if i == 0 || !is(doc, i - 1, PREPOSITION) {
            continue;
        }
        // "a talks" or "a <modifier> talks", the modifier a lower-case word.
        for end in [i + 1, i + 2] {
            if !doc.is_word(end) || !is(doc, end, PLURAL) {
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

    /// The table's bits are the lists' own tests, for listed words and others.
    #[test]
    fn words_are_the_lists() {
        use super::*;
        let text = "Of talks, TALKS in at hold of peace talks; the a an troops' people-s resumed offer...";
        let doc = Document::new(text);
        for i in 0..doc.tokens.len() + 2 {
            assert_eq!(is(&doc, i, PREPOSITION), PREPOSITIONS.contains(&doc.low(i)), "{}", doc.low(i));
            assert_eq!(is(&doc, i, PLURAL), PLURALS.contains(&doc.low(i)), "{}", doc.low(i));
        }
        for w in PREPOSITIONS.iter().chain(PLURALS) {
            let doc = Document::new(w);
            assert!(is(&doc, 0, PREPOSITION) || is(&doc, 0, PLURAL), "{w}");
        }
    }

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
