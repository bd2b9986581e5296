//! Whole-word phrase matching over a document, for lexicon-driven rules.
//!
//! Phrases are lower-case and matched against `Document::lower` with
//! aho-corasick (leftmost-longest), then kept only where they start and end on
//! token boundaries, so "may" never matches inside "dismay".

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::text::Document;

pub struct PhraseSet {
    ac: AhoCorasick,
}

/// One phrase occurrence: which phrase (index into the list it was built from)
/// and the token range it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    pub phrase: usize,
    pub first: usize,
    /// One past the last token.
    pub last: usize,
}

impl PhraseSet {
    pub fn new<I, P>(phrases: I) -> Self
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrases)
            .expect("lexicon phrases are small literals");
        PhraseSet { ac }
    }

    /// All whole-token matches, in text order.
    pub fn find_all(&self, doc: &Document) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        for m in self.ac.find_iter(doc.lower.as_bytes()) {
            let first = doc.tokens.partition_point(|t| t.start < m.start());
            let last = doc.tokens.partition_point(|t| t.end <= m.end());
            let starts_ok = doc.tokens.get(first).is_some_and(|t| t.start == m.start());
            let ends_ok = last > first && doc.tokens[last - 1].end == m.end();
            if starts_ok && ends_ok {
                out.push(PhraseMatch { phrase: m.pattern().as_usize(), first, last });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let set = PhraseSet::new(["may", "believed to"]);
        let doc = Document::new("Dismay: it may be. They are believed to act. Believed tomorrow.");
        let got: Vec<_> = set.find_all(&doc).iter().map(|m| (m.phrase, doc.tok(m.first))).collect();
        assert_eq!(got, vec![(0, "may"), (1, "believed")]);
    }
}
