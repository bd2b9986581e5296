//! Closed word classes, defined once for every detector: forms of "be", auxiliaries,
//! modals, determiners, pronouns, negation. All lower-case; both apostrophes where a
//! contraction has one. The tagger's fallback (no model installed) tags these.

use super::tagger::Tag;

/// Forms of "be", contractions included ("'s" is also a possessive or "has").
pub const BE: &[&str] = &[
    "be",
    "am",
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "'s",
    "’s",
    "'re",
    "’re",
    "'m",
    "’m",
    "isn't",
    "isn’t",
    "aren't",
    "aren’t",
    "wasn't",
    "wasn’t",
    "weren't",
    "weren’t",
];

/// Forms of "have" and "do", which with "be" and the modals make the auxiliaries.
pub const HAVE: &[&str] =
    &["have", "has", "had", "having", "'ve", "’ve", "hasn't", "hasn’t", "haven't", "haven’t", "hadn't", "hadn’t"];
pub const DO: &[&str] = &["do", "does", "did", "doing", "don't", "don’t", "doesn't", "doesn’t", "didn't", "didn’t"];

/// Modal verbs, negated forms included ("wo" is the first half of "won't" split).
pub const MODALS: &[&str] = &[
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "will",
    "would",
    "ought",
    "cannot",
    "can't",
    "can’t",
    "couldn't",
    "couldn’t",
    "mightn't",
    "mustn't",
    "mustn’t",
    "shouldn't",
    "shouldn’t",
    "won't",
    "won’t",
    "wouldn't",
    "wouldn’t",
    "'ll",
    "’ll",
    "'d",
    "’d",
];

/// Articles, demonstratives and quantifiers that open a noun phrase.
pub const DETERMINERS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "some",
    "any",
    "no",
    "every",
    "each",
    "either",
    "neither",
    "all",
    "both",
    "many",
    "much",
    "several",
    "few",
    "most",
    "more",
    "less",
    "fewer",
    "another",
    "such",
    "what",
    "which",
    "whatever",
    "whichever",
];

/// Possessive determiners and pronouns.
pub const POSSESSIVES: &[&str] =
    &["my", "your", "his", "her", "its", "our", "their", "mine", "yours", "hers", "ours", "theirs", "whose"];

/// Personal, reflexive and wh- pronouns (not the possessives).
pub const PRONOUNS: &[&str] = &[
    "i",
    "me",
    "you",
    "he",
    "him",
    "she",
    "it",
    "we",
    "us",
    "they",
    "them",
    "myself",
    "yourself",
    "himself",
    "herself",
    "itself",
    "ourselves",
    "yourselves",
    "themselves",
    "who",
    "whom",
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "nobody",
    "something",
    "anything",
    "everything",
    "nothing",
];

/// Words that negate a clause.
pub const NEGATION: &[&str] = &["not", "n't", "n’t", "never", "no", "nor", "neither", "nobody", "nothing", "none"];

const PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "about", "against", "between", "among",
    "through", "during", "without", "within", "under", "over", "above", "below", "across", "behind", "beyond",
    "toward", "towards", "upon", "via", "amid", "despite", "per",
];
const SUBORDINATORS: &[&str] = &["if", "whether", "because", "although", "though", "unless", "while", "whereas"];
const COORDINATORS: &[&str] = &["and", "or", "but", "nor"];

/// The contraction-free, lower-case tag a closed-class word usually has.
pub fn closed_class_tag(w: &str) -> Option<Tag> {
    let is = |set: &[&str]| set.contains(&w);
    Some(if matches!(w, "was" | "were" | "had" | "did" | "wasn't" | "wasn’t" | "weren't" | "weren’t") {
        Tag::VerbPast
    } else if matches!(w, "been") {
        Tag::VerbPastPart
    } else if matches!(w, "being" | "having" | "doing") {
        Tag::VerbGerund
    } else if is(BE) || is(HAVE) || is(DO) {
        Tag::Verb
    } else if is(MODALS) {
        Tag::Modal
    } else if matches!(w, "not" | "n't" | "n’t" | "to") {
        Tag::Part
    } else if is(POSSESSIVES) {
        Tag::Poss
    } else if is(PRONOUNS) {
        Tag::Pron
    } else if is(DETERMINERS) {
        Tag::Det
    } else if is(PREPOSITIONS) {
        Tag::Adp
    } else if is(SUBORDINATORS) {
        Tag::Sconj
    } else if is(COORDINATORS) {
        Tag::Cconj
    } else {
        return None;
    })
}

/// `w` is a form of "be".
pub fn is_be(w: &str) -> bool {
    BE.contains(&w)
}

/// `w` is an auxiliary: a form of "be", "have" or "do", or a modal.
pub fn is_auxiliary(w: &str) -> bool {
    BE.contains(&w) || HAVE.contains(&w) || DO.contains(&w) || MODALS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_are_lower_case_and_without_duplicates() {
        for set in [BE, HAVE, DO, MODALS, DETERMINERS, POSSESSIVES, PRONOUNS, NEGATION, PREPOSITIONS] {
            let mut seen = std::collections::HashSet::new();
            for w in set {
                assert_eq!(w.to_lowercase(), *w);
                assert!(seen.insert(w), "{w} twice");
            }
        }
        assert!(is_be("’s") && is_auxiliary("would") && is_auxiliary("hadn't") && !is_auxiliary("said"));
    }
}
