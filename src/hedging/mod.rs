//! Hedging: the writer (or the source) keeps a distance from the claim.
//!
//! Each rule lives in its own file with its doc (the hover-card text), its lexicon (cue
//! phrases with the context they need, as data: see `cue`) and its tests. This file is the
//! registry (one line per rule) and the matcher: every cue phrase is found as whole tokens,
//! overlapping phrases included ("may or may not" and "may"), each is kept only if its
//! context conditions hold, and overlapping survivors merge into one mark that carries the
//! strongest rule.
//!
//! Conditionals ("if") and questions ("whether") are not hedges: the claim is put on a
//! condition or asked about, not weakened. No rule here marks them.

mod cue;

mod alleged;
mod appears;
mod belief;
mod believed_to;
mod considered;
mod estimation;
mod evidence;
mod expected;
mod modal;
mod reportedly;
mod unknown;

use std::sync::OnceLock;

use crate::lexicon::FilteredTable;
use crate::report::Annotation;
use crate::rule::{registry, Strength};
use crate::text::{word_hash, Document};
use cue::{Cue, Span};

// One line per rule, strongest first; the order also breaks ties when marks merge.
#[rustfmt::skip]
registry![
    alleged,
    reportedly,
    believed_to,
    estimation,
    considered,
    expected,
    belief,
    appears,
    evidence,
    unknown,
    modal;
    CUES: &[Cue] = CUES
];

/// (rule index, cue) for every cue, in one flat list that the automaton indexes.
fn all_cues() -> impl Iterator<Item = (usize, &'static Cue)> {
    CUES.iter().enumerate().flat_map(|(r, cues)| cues.iter().map(move |c| (r, c)))
}

/// Every cue, grouped by its first word, and a table from each first word to its
/// group, so that each token finds its candidates with one hash probe. (Matching on
/// tokens keeps overlapping phrases — "may or may not" and "may" — without an
/// overlapping automaton, which would cost Wasm bytes.)
struct Index {
    /// Grouped by first word.
    cues: Vec<IndexedCue>,
    /// The `word_hash` of each cue's second word (`None` for a cue of one word), at
    /// the cue's place: a common first word ("in", "not") has a score of cues, and
    /// nearly all of them are ruled out by the next token's hash.
    seconds: Vec<Option<u32>>,
    /// Most tokens are no cue's first word, and are ruled out by the filter.
    by_first_word: FilteredTable<(u32, u32)>,
}

/// (rule, cue, the cue's words after the first, each with its `word_hash`).
type IndexedCue = (usize, &'static Cue, Vec<(&'static str, u32)>);

/// Builds the cue index now instead of on first use: `crate::LOADERS`.
pub fn load_index() {
    index();
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        // Each first word gets a group number as it first comes, and the cues are laid
        // out group by group, each group's in registry order (a counting sort: sorting
        // the cues by their first words cost more than the rest of the set-up).
        let mut by_first_word = FilteredTable::with_capacity(all_cues().count());
        let mut firsts: Vec<&'static str> = Vec::new();
        let mut cues: Vec<(u32, Option<IndexedCue>)> = all_cues()
            .map(|(rule, cue)| {
                let mut words = cue.phrase.split(' ');
                let first = words.next().unwrap_or("");
                let new = firsts.len() as u32;
                by_first_word.insert(first, (new, 0), |old, _| old);
                let group =
                    by_first_word.get_hashed(first.as_bytes(), word_hash(first.as_bytes())).map_or(new, |g| g.0);
                if group == new {
                    firsts.push(first);
                }
                (group, Some((rule, cue, words.map(|w| (w, word_hash(w.as_bytes()))).collect())))
            })
            .collect();
        // Where each group starts, then each cue's place.
        let mut next = vec![0u32; firsts.len() + 1];
        for &(group, _) in &cues {
            if let Some(n) = next.get_mut(group as usize + 1) {
                *n += 1;
            }
        }
        for g in 1..next.len() {
            next[g] += next[g - 1];
        }
        for (g, first) in firsts.iter().enumerate() {
            by_first_word.insert(first, (next[g], next[g + 1]), |_, range| range);
        }
        let mut order = vec![0; cues.len()];
        for (k, &(group, _)) in cues.iter().enumerate() {
            if let Some(at) = next.get_mut(group as usize) {
                if let Some(place) = order.get_mut(*at as usize) {
                    *place = k;
                }
                *at += 1;
            }
        }
        let cues: Vec<IndexedCue> = order.iter().filter_map(|&k| cues.get_mut(k).and_then(|c| c.1.take())).collect();
        let seconds = cues.iter().map(|(_, _, rest)| rest.first().map(|&(_, h)| h)).collect();
        Index { cues, seconds, by_first_word }
    })
}

/// The token span of a phrase whose first word is token `first`, if the rest of its
/// words (each with its hash) follow.
fn match_rest(doc: &Document, first: usize, rest: &[(&str, u32)]) -> Option<Span> {
    let mut last = first + 1;
    for &(word, hash) in rest {
        // Hashes first: a common first word ("in", "not") has a score of cues, and
        // nearly all of them fail there, before any text is compared.
        if doc.hashes.get(last) != Some(&hash) || !doc.low_is(last, word) {
            return None;
        }
        last += 1;
    }
    Some(Span { first, last })
}

/// Every accepted cue: token span and rule index.
fn accepted(doc: &Document) -> Vec<(Span, usize)> {
    let index = index();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = doc.hashes.get(at..).and_then(|h| index.by_first_word.first_maybe(h)).map(|k| at + k) {
        at = i + 1;
        let Some((from, to)) = index.by_first_word.get_token(doc, i) else { continue };
        let (from, to) = (from as usize, to as usize);
        let next = doc.hashes.get(i + 1).copied();
        let seconds = index.seconds.get(from..to).unwrap_or_default();
        for (k, &second) in (from..).zip(seconds) {
            if second.is_some_and(|h| Some(h) != next) {
                continue;
            }
            let Some((rule, cue, rest)) = index.cues.get(k) else { continue };
            let Some(span) = match_rest(doc, i, rest) else { continue };
            if !cue::is_name_case(doc, span) && cue.accepts(doc, span) {
                out.push((span, *rule));
            }
        }
    }
    out
}

/// Rank for choosing the rule of a merged mark: strong beats weak, then the earlier rule.
fn rank(rule: usize) -> (bool, std::cmp::Reverse<usize>) {
    let strong = RULES.get(rule).is_some_and(|r| r.strength == Strength::Strong);
    (strong, std::cmp::Reverse(rule))
}

pub fn detect(doc: &Document, out: &mut Vec<Annotation>) {
    let mut hits = accepted(doc);
    hits.sort_by_key(|(s, _)| (s.first, std::cmp::Reverse(s.last)));
    let mut merged: Vec<(Span, usize)> = Vec::with_capacity(hits.len());
    for (span, rule) in hits {
        match merged.last_mut() {
            Some((m, r)) if span.first < m.last => {
                m.last = m.last.max(span.last);
                if rank(rule) > rank(*r) {
                    *r = rule;
                }
            }
            _ => merged.push((span, rule)),
        }
    }
    for (span, rule) in merged {
        let (Some(a), Some(b), Some(r)) = (doc.tokens.get(span.first), doc.tokens.get(span.last - 1), RULES.get(rule))
        else {
            continue;
        };
        out.push(Annotation::new(r, a.start, b.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::Category::Hedging;
    use crate::test_util::{assert_marks, assert_no_marks};

    #[test]
    fn registry_is_consistent() {
        assert_eq!(RULES.len(), CUES.len());
        let mut phrases = std::collections::HashSet::new();
        for (r, cue) in all_cues() {
            assert!(RULES[r].id.starts_with("hedging/"), "{}", RULES[r].id);
            assert_eq!(cue.phrase, cue.phrase.to_lowercase(), "cue phrases are lower case");
            assert!(
                !cue.phrase.is_empty() && cue.phrase.split(' ').all(|w| !w.is_empty()),
                "cue {:?}: words are separated by single spaces",
                cue.phrase
            );
            assert!(phrases.insert(cue.phrase), "cue {:?} is listed twice", cue.phrase);
        }
    }

    /// The index lists each first word's cues in registry order, as a stable sort of
    /// the cues by first word (how it was built before) groups them.
    #[test]
    fn index_groups_cues_as_a_stable_sort_by_first_word() {
        let mut sorted: Vec<(&str, &str)> =
            all_cues().map(|(_, c)| (c.phrase.split(' ').next().unwrap(), c.phrase)).collect();
        sorted.sort_by_key(|c| c.0);
        let index = index();
        let mut firsts: Vec<&str> = sorted.iter().map(|c| c.0).collect();
        firsts.dedup();
        for first in firsts {
            let want: Vec<&str> = sorted.iter().filter(|c| c.0 == first).map(|c| c.1).collect();
            let (from, to) = index.by_first_word.get_hashed(first.as_bytes(), word_hash(first.as_bytes())).unwrap();
            let got: Vec<&str> = index.cues[from as usize..to as usize].iter().map(|c| c.1.phrase).collect();
            assert_eq!(got, want, "{first:?}");
        }
        assert_eq!(index.cues.len(), sorted.len());
        for ((_, cue, _), second) in index.cues.iter().zip(&index.seconds) {
            let want = cue.phrase.split(' ').nth(1).map(|w| word_hash(w.as_bytes()));
            assert_eq!(*second, want, "{:?}", cue.phrase);
        }
        assert_eq!(index.seconds.len(), index.cues.len());
    }

    /// Every cue's words after the first are found after it, in any case, by their
    /// hashes and text; one word off and the cue is not.
    #[test]
    fn match_rest_finds_every_cue_and_only_it() {
        for (_, cue, rest) in &index().cues {
            for text in [cue.phrase.to_string(), format!("So {} here.", cue.phrase.to_uppercase())] {
                let doc = Document::new(&text);
                let first =
                    (0..doc.tokens.len()).find(|&i| doc.low(i) == cue.phrase.split(' ').next().unwrap()).unwrap();
                let span = match_rest(&doc, first, rest);
                assert_eq!(span.map(|s| s.last - s.first), Some(rest.len() + 1), "{text:?}");
            }
            if let Some((last, _)) = rest.last() {
                let cut = cue.phrase.strip_suffix(last).unwrap().to_string() + "x";
                let doc = Document::new(&cut);
                assert!(match_rest(&doc, 0, rest).is_none(), "{cut:?}");
            }
        }
    }

    #[test]
    fn overlapping_cues_merge_into_one_mark_with_the_strongest_rule() {
        assert_marks(Hedging, "It may or may not rain.", &["may or may not"]);
        let r = crate::analyze("The forces are believed to have been targeted.");
        let hedges: Vec<_> = r.annotations.iter().filter(|a| a.category == Hedging).collect();
        assert_eq!(hedges.len(), 1);
        assert_eq!(hedges[0].rule.id, "hedging/believed-to");
    }

    #[test]
    fn conditionals_and_questions_are_not_hedges() {
        assert_no_marks(Hedging, "If the report is true, the administration should act.");
        assert_no_marks(Hedging, "He asked whether they were deaths or injuries.");
    }

    /// Hedge words read in a committed sense (a date, a noun, a past fact, an ability, a
    /// plain future, a condition, a question): none of them may be marked.
    #[test]
    fn committed_readings_of_hedge_words_are_not_marked() {
        let cases = [
            "The talks began on May 14.",
            "They pushed with all their might.",
            "The insurer paid the insurance claims in full.",
            "The mayor suggested a new route for the parade.",
            "He appeared in court on Monday.",
            "As a child she could swim across the lake.",
            "The plant will close next year.",
            "If the report is true, the board must act.",
            "He asked whether the deal was done.",
        ];
        for text in cases {
            assert_no_marks(Hedging, text);
        }
    }

    #[test]
    fn a_capital_sentence_adverb_after_a_heading_is_still_a_hedge() {
        assert_marks(Hedging, "Pentimento Probably this was a bust of his son.", &["Probably"]);
        assert_marks(Hedging, "Madden NFL 06 Perhaps the best feature is new.", &["Perhaps"]);
        assert_no_marks(Hedging, "She met Theresa May and Might Guy.");
    }

    #[test]
    fn plain_future_is_not_a_hedge() {
        assert_no_marks(Hedging, "The move will reduce the number of troops.");
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in ["", "may", "May", "could n't", "believed to", "  \n may\n", "“Might”", "…alleged—"] {
            let _ = crate::analyze(t);
        }
    }
}
