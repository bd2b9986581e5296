//! Group subjects: a phrase headed by a group or an unnamed person ("Republicans",
//! "many experts", "a friend", "officials at the agency") followed by the verb of
//! its clause, whatever that verb is. News attributes stances to groups with any
//! verb ("Republicans are slamming", "Protesters chanted", "Democrats called it a
//! ploy"); a cue list cannot hold them all, so these are candidates for the gate,
//! which learned from annotated news which of them are attributions.

use std::ops::Range;

use super::source::{in_phrase, phrase_start, Source};
use super::words::{low, Class, Tagged};

/// A group subject and the first word of its predicate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub source: Source,
    pub predicate: Range<usize>,
}

/// Words other than person nouns that may head a subject ("no one"): any other
/// token is skipped at once.
pub(super) const SUBJECT_OPENERS: &[&str] = &["one"];

/// Longest post-modifier we step over: "officials at the Department of Homeland Security".
const MAX_MODIFIER: usize = 6;

/// Could token `i` head a group or unnamed-person phrase?
fn is_head(doc: &Tagged, i: usize, floor: usize) -> bool {
    let w = low(doc, i);
    let next = low(doc, i + 1);
    if w == "one" {
        return i > floor && low(doc, i - 1) == "no"; // "no one"
    }
    // "Republican leaders": the head is further right; "some of the officials" too.
    // "Sources of energy", "a source of pride" are origins, not informants.
    doc.is(i, Class::PERSON_NOUN)
        && !doc.is(i + 1, Class::PERSON_NOUN)
        && !(next == "of" && (doc.is(i, Class::PARTITIVES) || matches!(w, "source" | "sources")))
}

/// Every group subject in `sentence` whose head is not `taken` (one flag per token of
/// the sentence: the cues and sources already found), in text order.
pub fn find(doc: &Tagged, sentence: Range<usize>, taken: &[bool]) -> Vec<Subject> {
    let taken = |i: usize| taken.get(i - sentence.start).copied().unwrap_or(false);
    let mut out = Vec::new();
    let mut i = sentence.start;
    while i < sentence.end {
        if !doc.is(i, Class::PERSON_NOUN | Class::SUBJECT_OPENERS)
            || !doc.is_word(i)
            || taken(i)
            || !is_head(doc, i, sentence.start)
        {
            i += 1;
            continue;
        }
        let start = phrase_start(doc, i, sentence.start);
        if start >= sentence.start + 2 && doc.tok(start - 1) == "," && doc.is_capitalized(start - 2) {
            // "Erin Murphy, a former Clinton aide, said": an appositive to a name.
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if doc.is(end, Class::POSTNOMINAL) {
            end += 1;
        }
        if doc.is(end, Class::LINKS) {
            // "officials at the agency", "people familiar with the matter"
            let mut j = end + 1;
            while j < sentence.end
                && j - end <= MAX_MODIFIER
                && in_phrase(doc, j)
                && !doc.is(j, Class::PERSON_NOUN)
                && (doc.is_capitalized(j) || !low(doc, j).ends_with("ed"))
            {
                j += 1;
            }
            if j > end + 1 {
                end = j;
            }
        }
        let mut p = end;
        while p < sentence.end && {
            let w = low(doc, p);
            doc.is(p, Class::AUX | Class::DEGREE) || (w.ends_with("ly") && w.len() > 4 && !doc.is_capitalized(p))
        } {
            p += 1;
        }
        if p < sentence.end && doc.is_word(p) && !taken(p) {
            out.push(Subject { source: Source { tokens: start..end, head: i, appositive: None }, predicate: p..p + 1 });
            i = p + 1;
        } else {
            i = end.max(i + 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subjects(text: &str) -> Vec<(String, String)> {
        let doc = crate::text::Document::new(text);
        let doc = Tagged::new(&doc);
        let span = |r: &Range<usize>| doc.text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string();
        find(&doc, doc.sentences[0].tokens.clone(), &[])
            .iter()
            .map(|s| (span(&s.source.tokens), span(&s.predicate)))
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("Republicans are slamming the plan.", &[("Republicans", "slamming")]),
            ("Many Democrats privately express doubts.", &[("Many Democrats", "express")]),
            ("Officials at the agency declined.", &[("Officials at the agency", "declined")]),
            ("Experts from the agency arrived on Monday.", &[("Experts from the agency", "arrived")]),
            ("Some of the protesters chanted.", &[("Some of the protesters", "chanted")]),
            ("No one expected it.", &[("No one", "expected")]),
            ("Republican leaders met.", &[("Republican leaders", "met")]),
            // An appositive describes the named person before it.
            ("said Ryan Ellis, a Republican consultant who knows.", &[]),
            ("Sources of energy are scarce.", &[]),
            // A group at the end of its clause has no predicate.
            ("It angered Republicans.", &[]),
            ("The plan, critics.", &[]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
            assert_eq!(subjects(text), want, "group subjects in {text:?}");
        }
    }
}
