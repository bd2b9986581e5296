//! Closed word classes the sourcing analysis shares. All lower-case.

use crate::text::Document;

/// The lower-cased token, or "" past either end: lets callers look around freely.
pub fn low<'d>(doc: &'d Document, i: usize) -> &'d str {
    if i < doc.tokens.len() {
        doc.low(i)
    } else {
        ""
    }
}

pub const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "am", "'s", "isn't", "aren't", "wasn't", "weren't"];

pub const NEGATION: &[&str] = &["not", "n't", "never", "no", "hardly"];

/// Auxiliaries that may sit between a subject and its verb: "officials had thought".
pub const AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "don't", "doesn't", "didn't", "won't",
    "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "hasn't", "haven't", "hadn't", "isn't", "aren't",
    "wasn't", "weren't", "not", "never", "to", "going", "continue", "continued", "continues", "seem", "seemed",
    "seems", "appear", "appeared", "appears", "began", "begun", "begin", "begins", "start", "started", "tend", "tends",
    "used", "also",
];

/// Adverbs and degree words that may sit between a subject and its verb.
pub const DEGREE: &[&str] = &[
    "also", "all", "both", "each", "still", "now", "already", "long", "often", "always", "even", "just", "only", "too",
    "very", "so", "much", "more", "most", "less", "again", "then", "later", "once", "yet", "further", "first",
    "previously", "too", "quite", "rather", "privately", "publicly", "repeatedly", "increasingly", "widely",
];

/// Words that never belong to a source noun phrase: stop the phrase there.
pub const PHRASE_BREAKS: &[&str] = &[
    "that", "which", "when", "while", "because", "but", "if", "since", "than", "though", "although", "whether", "as",
    "so", "after", "before", "until", "unless", "where", "how", "why", "what", "whom", "whose", "and", "or", "nor",
    "in", "on", "at", "for", "with", "by", "from", "to", "about", "over", "into", "onto", "under", "against",
    "during", "without", "within", "through", "between", "among", "amid", "despite", "toward", "towards", "upon",
    "like", "including", "of", "not", "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does",
    "did", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "there", "here", "it", "this",
    "he", "she", "they", "we", "i", "you", "him", "them", "us", "me", "also", "who",
];

/// Determiners and quantifiers that may open a noun phrase.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "some",
    "many", "several", "most", "few", "other", "another", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "both", "all", "any", "each", "every", "no", "more", "numerous", "various", "certain",
];

/// Words before "of" that keep a noun phrase going: "one of his advisers",
/// "a number of experts", "some of the officials".
pub const PARTITIVES: &[&str] = &[
    "one", "two", "three", "four", "five", "some", "many", "most", "several", "none", "each", "all", "few", "any",
    "number", "group", "chorus", "majority", "handful", "dozens", "hundreds", "thousands", "millions", "half", "members",
    "member", "both", "plenty", "lot", "lots", "couple",
];

/// Honorifics and titles: the next capitalised word is a person's name.
pub const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt", "adm",
    "rev", "hon", "president", "senator", "sens", "reps", "representative", "governor", "secretary", "minister",
    "judge", "justice", "mayor", "chairman", "chairwoman", "ambassador", "general", "director", "spokesman",
    "spokeswoman", "spokesperson", "ceo", "chief", "leader", "speaker", "attorney", "professor", "candidate",
    "nominee", "commissioner", "councilman", "councilwoman", "chancellor", "pope", "king", "queen", "prince",
    "sheriff", "officer", "detective", "pastor", "father", "sister", "brother", "lawyer", "adviser", "advisor",
    "aide", "economist", "analyst", "strategist", "pollster", "host", "author", "writer", "columnist", "reporter",
    "correspondent", "editor", "founder", "executive", "manager", "chair",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lower_case() {
        for list in [BE_FORMS, NEGATION, AUX, DEGREE, PHRASE_BREAKS, DETERMINERS, PARTITIVES, TITLES] {
            for w in list {
                assert_eq!(*w, w.to_lowercase(), "{w}");
            }
        }
    }

    #[test]
    fn low_is_safe_past_the_end() {
        let doc = Document::new("Hi");
        assert_eq!(low(&doc, 0), "hi");
        assert_eq!(low(&doc, 5), "");
        assert_eq!(low(&doc, usize::MAX), "");
    }
}
