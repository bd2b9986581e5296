//! The source phrase of a cue: the cue's subject ("the official said"), the subject
//! after an inverted cue ("said the official"), the object of "according to" and
//! "citing", or the agent of a passive ("was reported by the Times").
//!
//! No parser: a noun phrase is a run of words that are not phrase breaks, extended
//! over "familiar with the matter"-style post-modifiers and one appositive.

use std::ops::Range;

use super::words::{low, Class, Tagged};
use crate::text::{Tag, TokenKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The noun phrase (with its post-modifiers), not the appositive.
    pub tokens: Range<usize>,
    /// The head word: what the phrase is about ("officials" in "officials at Apple").
    pub head: usize,
    /// ", a spokesman for the group," or ", who spoke on condition of anonymity,".
    pub appositive: Option<Range<usize>>,
}

/// Longest noun phrase we read, in tokens.
const MAX_PHRASE: usize = 10;

fn is_title_dot(doc: &Tagged, i: usize) -> bool {
    doc.tok(i) == "." && i > 0 && doc.is(i - 1, Class::TITLES) && doc.is_capitalized(i - 1)
}

/// Could token `i` be inside a noun phrase?
pub(super) fn in_phrase(doc: &Tagged, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else { return false };
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => is_title_dot(doc, i),
        TokenKind::Word => {
            if doc.is(i, Class::PHRASE_BREAKS) {
                return false;
            }
            // A lower-case attribution verb ends the phrase: "The newspaper said | officials".
            doc.is_capitalized(i) || doc.is(i, Class::PERSON_NOUN) || doc.lemma(i).is_none()
        }
    }
}

/// May token `p` come before a determiner inside one noun phrase ("all the
/// experts", "his two aides", "Obama's many critics", "a few")?
fn opens_determiner(doc: &Tagged, p: usize) -> bool {
    let w = low(doc, p);
    matches!(w, "all" | "both" | "half" | "too" | "so" | "how" | "very" | "only" | "just" | "such")
        || doc.is(p, Class::DETERMINERS)
        || w.ends_with("'s")
        || w.ends_with("’s")
        || w.ends_with("s'")
        || w.ends_with("s’")
}

/// First token of the noun phrase that ends at `head`, not before `floor`.
pub(super) fn phrase_start(doc: &Tagged, head: usize, floor: usize) -> usize {
    let mut first = head;
    while first > floor && head - first < MAX_PHRASE {
        let p = first - 1;
        // "Perhaps | the debate moderators", "in Cleveland | his operatives": a
        // determiner opens its phrase.
        let opened = doc.is(first, Class::DETERMINERS) && !opens_determiner(doc, p);
        if in_phrase(doc, p) && !opened {
            first = p;
        } else if low(doc, p) == "of" && p > floor && doc.is(p - 1, Class::PARTITIVES) {
            // "one of his advisers", "a number of experts"
            first = p - 1;
        } else if matches!(low(doc, p), "and" | "&")
            && p > floor
            && (doc.is_capitalized(p - 1) || matches!(low(doc, p - 1), "federal" | "state" | "local"))
            && head - first < 5
        {
            // "federal and state officials", "Trump and his aides"
            first = p - 1;
        } else {
            break;
        }
    }
    first
}

/// The subject of a cue that starts at `cue`, looking left within `sentence`.
pub fn before(doc: &Tagged, cue: usize, sentence: Range<usize>) -> Option<Source> {
    let floor = sentence.start;
    let mut j = cue;
    while j > floor && {
        let w = low(doc, j - 1);
        doc.is(j - 1, Class::AUX | Class::DEGREE) || (w.ends_with("ly") && w.len() > 4 && !doc.is_capitalized(j - 1))
    } {
        j -= 1;
    }
    if j == floor {
        return None;
    }
    let mut t = j - 1;
    let mut appositive = None;
    if doc.tok(t) == "," {
        // "Zabihullah, a spokesman for the group, said": skip back over the appositive.
        let k = (floor..t).rev().take(30).find(|&k| doc.tok(k) == ",")?;
        let inner = k + 1..t;
        let quoted = inner.clone().any(|i| matches!(doc.tok(i), "\"" | "“" | "”" | "‘" | "’" | ":" | ";"));
        if quoted || inner.is_empty() || k == floor || !doc.is_word(k - 1) {
            return None;
        }
        appositive = Some(inner);
        t = k - 1;
    }
    if !doc.is_word(t) {
        return None;
    }
    if matches!(low(doc, t), "who" | "which") {
        // "an aide who said": the source is the antecedent.
        let mut a = t;
        if a > floor && doc.tok(a - 1) == "," {
            a -= 1;
        }
        if a == floor || !doc.is_word(a - 1) {
            return None;
        }
        let mut src = phrase_with_modifiers(doc, a - 1, floor);
        src.appositive = appositive;
        return Some(src);
    }
    if doc.is(t, Class::PRONOUNS) {
        return Some(Source { tokens: t..t + 1, head: t, appositive });
    }
    if matches!(low(doc, t), "him" | "her" | "them") && t > floor && doc.is(t - 1, Class::LINKS) {
        // "those close to him say": the pronoun ends a post-modifier.
        let src = phrase_with_modifiers(doc, t, floor);
        return (src.head != t).then_some(Source { appositive, ..src });
    }
    if !in_phrase(doc, t) {
        return None;
    }
    let mut src = phrase_with_modifiers(doc, t, floor);
    if object_of_preposition(doc, src.tokens.start, floor) {
        // "revelations about | Trump's tax history | show": the subject is the phrase
        // before the preposition; "a car driven by | a young man | is not yet clear"
        // has none.
        let before = src.tokens.start.checked_sub(2).filter(|&b| b >= floor && doc.is_word(b) && in_phrase(doc, b))?;
        src = phrase_with_modifiers(doc, before, floor);
    }
    src.appositive = appositive;
    Some(src)
}

/// Does a preposition open the phrase that starts at `first` ("driven by |a man",
/// "a meeting with |officials")? Then the phrase is that preposition's object and not
/// the subject of the verb after it. Only prepositions that take a participant: "One
/// of |the officials" is a partitive, and "after |campaign aides insisted", "in |April
/// officials said" open a clause or a time.
fn object_of_preposition(doc: &Tagged, first: usize, floor: usize) -> bool {
    first > floor
        && matches!(low(doc, first - 1), "by" | "with" | "for" | "from" | "against" | "among" | "between" | "about")
        && doc.tag(first - 1) == Tag::Adp
}

/// The noun phrase ending at `end_head`, extended left over post-modifier links when
/// the phrase before the link is a better source: "people familiar with | the matter".
fn phrase_with_modifiers(doc: &Tagged, end_head: usize, floor: usize) -> Source {
    let mut head = end_head;
    let mut first = phrase_start(doc, head, floor);
    let last = end_head + 1;
    for _ in 0..3 {
        if first <= floor + 1 || !doc.is(first - 1, Class::LINKS) {
            break;
        }
        let mut q = first - 2;
        if doc.is(q, Class::POSTNOMINAL) && q > floor {
            q -= 1;
        }
        // "people with knowledge of the matter": step over "knowledge of".
        if low(doc, q) == "knowledge" && q > floor + 1 && low(doc, q - 1) == "with" {
            q -= 2;
        }
        if !doc.is_word(q) || !in_phrase(doc, q) {
            break;
        }
        let better = doc.is(q, Class::PERSON_NOUN | Class::VAGUE_DOCUMENTS)
            || matches!(low(doc, q), "those" | "someone" | "anyone")
            || (doc.is_capitalized(q) && !doc.is(head, Class::PERSON_NOUN));
        if !better {
            break;
        }
        head = q;
        first = phrase_start(doc, q, floor);
    }
    if doc.is_capitalized(head) && !doc.is(head, Class::PERSON_NOUN) {
        // "members of Congress", "a group of Democrats": people of an organisation
        // are who speaks, and they are not named.
        if let Some(k) = (first..head).rev().find(|&k| low(doc, k + 1) == "of" && doc.is(k, Class::ANONYMOUS)) {
            head = k;
        }
    }
    Source { tokens: first..last, head, appositive: None }
}

/// The noun phrase that starts at `from` (after "according to", "citing", "by", or an
/// inverted cue), with "familiar with the matter"-style post-modifiers.
pub fn after(doc: &Tagged, from: usize, sentence: Range<usize>) -> Option<Source> {
    let end = sentence.end;
    if from >= end || !doc.is_word(from) {
        return None;
    }
    if doc.is(from, Class::PRONOUNS) {
        return Some(Source { tokens: from..from + 1, head: from, appositive: None });
    }
    let phrase_end = |start: usize| {
        let mut j = start;
        while j < end && j - start < MAX_PHRASE && in_phrase(doc, j) {
            if j > start && doc.is(j, Class::POSTNOMINAL) {
                break; // "people | familiar with the matter"
            }
            // A participle after the head ends the phrase: "a poll | released Tuesday".
            if j > start && !doc.is_capitalized(j) && low(doc, j).ends_with("ed") && !doc.is(j, Class::PERSON_NOUN) {
                break;
            }
            j += 1;
            if low(doc, j) == "of" && doc.is(j - 1, Class::PARTITIVES) {
                j += 1;
            }
        }
        j
    };
    let mut j = phrase_end(from);
    if j == from {
        return None;
    }
    let head = j - 1;
    if doc.is(head, Class::PERSON_NOUN) {
        // "people familiar with the matter", "officials at the Pentagon"
        let mut k = j;
        if doc.is(k, Class::POSTNOMINAL) {
            k += 1;
        }
        if k < end && doc.is(k, Class::LINKS) {
            let e = phrase_end(k + 1);
            if e > k + 1 {
                j = e;
            }
        }
    }
    Some(Source { tokens: from..j, head, appositive: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::text::Document;

    fn text_of(doc: &Document, r: &Range<usize>) -> String {
        doc.text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string()
    }

    /// (sentence, cue word, expected (source phrase, head))
    type Case = (&'static str, &'static str, Option<(&'static str, &'static str)>);

    #[test]
    fn subject_before_the_cue() {
        let cases: &[Case] = &[
            ("Troops died, the source said.", "said", Some(("the source", "source"))),
            ("The newspaper said officials had thought of it.", "thought", Some(("officials", "officials"))),
            (
                "A European intelligence official told CNN that.",
                "told",
                Some(("A European intelligence official", "official")),
            ),
            ("People familiar with the matter said so.", "said", Some(("People familiar with the matter", "People"))),
            ("Officials at Apple, including CEO Tim Cook, said so.", "said", Some(("Officials at Apple", "Officials"))),
            ("Zabihullah, a spokesman for the group, said it.", "said", Some(("Zabihullah", "Zabihullah"))),
            (
                "White House spokesman Kayleigh McEnany said in a statement.",
                "said",
                Some(("White House spokesman Kayleigh McEnany", "McEnany")),
            ),
            ("Many experts believe it.", "believe", Some(("Many experts", "experts"))),
            ("It came from an aide who said it.", "said", Some(("an aide", "aide"))),
            ("He added: no.", "added", Some(("He", "He"))),
            ("Sen. Bob Menendez asked for it.", "asked", Some(("Sen. Bob Menendez", "Menendez"))),
            ("One of his advisers said it.", "said", Some(("One of his advisers", "advisers"))),
            ("Those close to him say so.", "say", Some(("Those close to him", "Those"))),
            ("Perhaps the moderators will demand it.", "demand", Some(("the moderators", "moderators"))),
            ("In Cleveland his operatives forced it.", "forced", Some(("his operatives", "operatives"))),
            ("Obama's two aides said so.", "said", Some(("Obama's two aides", "aides"))),
            ("A number of members of Congress echo it.", "echo", Some(("A number of members of Congress", "members"))),
            ("Recent polls in Ohio have shown it.", "shown", Some(("Recent polls in Ohio", "polls"))),
            ("It is, those familiar with them said.", "said", Some(("those familiar with them", "those"))),
            ("A vote to them matters.", "matters", None),
            ("“It is bad,” said the official.", "said", None),
        ];
        for (text, cue, want) in cases {
            let doc = Document::new(text);
            let doc = Tagged::new(&doc);
            let i = (0..doc.tokens.len()).find(|&i| doc.tok(i) == *cue).unwrap();
            let got = before(&doc, i, doc.sentences[0].tokens.clone())
                .map(|s| (text_of(&doc, &s.tokens), doc.tok(s.head).to_string()));
            let want = want.map(|(a, b)| (a.to_string(), b.to_string()));
            assert_eq!(got, want, "subject of {cue:?} in {text:?}");
        }
    }

    #[test]
    fn phrase_after_the_cue() {
        let cases: &[Case] = &[
            (
                "It fell, according to two administration officials.",
                "to",
                Some(("two administration officials", "officials")),
            ),
            (
                "It fell, according to people familiar with the matter.",
                "to",
                Some(("people familiar with the matter", "people")),
            ),
            ("It fell, according to a Quinnipiac poll released Tuesday.", "to", Some(("a Quinnipiac poll", "poll"))),
            ("“It is bad,” said the official.", "said", Some(("the official", "official"))),
            ("“No,” said Zabihullah, a spokesman.", "said", Some(("Zabihullah", "Zabihullah"))),
            ("It fell, according to", "to", None),
        ];
        for (text, cue, want) in cases {
            let doc = Document::new(text);
            let doc = Tagged::new(&doc);
            let i = (0..doc.tokens.len()).find(|&i| doc.tok(i) == *cue).unwrap();
            let got = after(&doc, i + 1, doc.sentences[0].tokens.clone())
                .map(|s| (text_of(&doc, &s.tokens), doc.tok(s.head).to_string()));
            let want = want.map(|(a, b)| (a.to_string(), b.to_string()));
            assert_eq!(got, want, "phrase after {cue:?} in {text:?}");
        }
    }
}
