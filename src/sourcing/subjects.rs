//! Group subjects: a phrase headed by a group or an unnamed person ("Republicans",
//! "many experts", "a friend", "officials at the agency") followed by the verb of
//! its clause, whatever that verb is. News attributes stances to groups with any
//! verb ("Republicans are slamming", "Protesters chanted", "Democrats called it a
//! ploy"); a cue list cannot hold them all, so these are candidates for the gate,
//! which learned from annotated news which of them are attributions.

use std::ops::Range;

use super::cue_rates::CueRates;
use super::source::{in_phrase, phrase_start, Source};
use super::verbs::{agrees, class_at, VerbClass};
use super::words::{low, Class, Tagged};

/// A group subject and the first word of its predicate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub source: Source,
    pub predicate: Range<usize>,
    /// The group is the agent of a passive ("has been called a charlatan by fellow
    /// physicians"): `predicate` is the participle, before the group.
    pub agent: bool,
    /// What the predicate's verb does: only a group that says or believes (`Stance`)
    /// is a source; one that acts ("Protesters marched") or is acted on ("users are
    /// recommended") is not. A stance noun ("criticism from") counts as `Stance`.
    pub class: VerbClass,
}

/// Longest post-modifier we step over: "officials at the Department of Homeland Security".
const MAX_MODIFIER: usize = 6;

/// Could token `i` head a group or unnamed-person phrase?
fn is_head(doc: &Tagged, i: usize, floor: usize) -> bool {
    let w = low(doc, i);
    let next = low(doc, i + 1);
    if w == "one" {
        return i > floor && low(doc, i - 1) == "no"; // "no one"
    }
    if w == "whom" {
        // "victims' families, many of whom say": a vague share of the group before.
        return i >= floor + 2
            && low(doc, i - 1) == "of"
            && matches!(low(doc, i - 2), "many" | "most" | "some" | "several" | "few" | "all");
    }
    if doc.is(i, Class::PARTITIVES) && (i + 2..i + 4).any(|h| doc.is(h, Class::PERSON_NOUN) && in_phrase(doc, h - 1)) {
        return false; // "several environmental groups": the quantifier is no head
    }
    if doc.is_capitalized(i + 1) && doc.is_capitalized(i + 2) && !doc.is_capitalized(i) {
        return false; // "presidential candidates Hillary Clinton and Donald Trump": a title
    }
    // "Republican leaders": the head is further right; "some of the officials" too.
    // "Sources of energy", "a source of pride" are origins, not informants.
    doc.is(i, Class::PERSON_NOUN)
        && !doc.is(i + 1, Class::PERSON_NOUN)
        && !(next == "of" && (doc.is(i, Class::PARTITIVES) || matches!(w, "source" | "sources")))
}

/// The participle of a passive whose agent starts at `start`: "was appointed by |",
/// "has been called a charlatan by |": a be-form, the participle, at most two
/// more words, then "by".
fn passive_before(doc: &Tagged, start: usize, floor: usize) -> Option<usize> {
    let by = start.checked_sub(1).filter(|&b| b > floor + 1 && low(doc, b) == "by")?;
    (by.saturating_sub(3).max(floor + 1)..by).find(|&k| {
        let w = low(doc, k);
        (w.ends_with("ed") || doc.lemma(k).is_some())
            && doc.is(k - 1, Class::BE_FORMS)
            && (k + 1..by).all(|m| doc.is_word(m))
    })
}

/// A noun of stance whose holder starts at `start`: "heavy criticism from |",
/// "much to the chagrin of |", "support among |". Stance nouns are the words that
/// annotated news often marks as cues (`cue_rates`, the top two levels).
fn stance_noun_before(doc: &Tagged, rates: &CueRates, start: usize) -> Option<usize> {
    let link = start.checked_sub(1).filter(|&b| b > 0 && doc.is(b, Class::HOLDER_LINKS))?;
    let noun = link - 1;
    (doc.is_word(noun) && !doc.is_capitalized(noun) && matches!(rates.of_token(doc, noun), "3" | "4")).then_some(noun)
}

/// The first token from `p` that is not an auxiliary, a degree word or an adverb.
fn skip_adverbs(doc: &Tagged, mut p: usize, end: usize) -> usize {
    while p < end && {
        let w = low(doc, p);
        doc.is(p, Class::AUX | Class::DEGREE)
            || (w.ends_with("ly") && w.len() > 4 && !doc.is_capitalized(p))
            || doc.tag(p) == crate::text::Tag::Adv
    } {
        p += 1;
    }
    p
}

/// Can any group subject of `sentence` voice a stance? Only through a token not
/// `taken` that can start a stance predicate (`Class::VOICE`): after a possible head,
/// or before the "by" of a passive whose agent the group is; or through a stance noun
/// before its holder (`stance_noun_before`). When none is there, `find` would find
/// no subject of class `Stance`, and the caller need not ask (nor have the sentence
/// tagged, which `find` does to step over adverbs).
pub fn any_stance(doc: &Tagged, rates: &CueRates, sentence: Range<usize>, taken: &[bool]) -> bool {
    let mut head_before = false;
    for k in sentence.clone() {
        if taken.get(k - sentence.start) == Some(&true) {
            continue;
        }
        if doc.is(k, Class::VOICE) && (head_before || (k + 1..k + 4).any(|b| doc.low_is(b, "by"))) {
            return true;
        }
        if doc.is(k + 1, Class::HOLDER_LINKS) && stance_noun_before(doc, rates, k + 2) == Some(k) {
            return true;
        }
        head_before |= doc.is(k, Class::PERSON_NOUN | Class::SUBJECT_OPENERS);
    }
    false
}

/// Every group subject in `sentence` whose head is not `taken` (one flag per token of
/// the sentence: the cues and sources already found), in text order.
pub fn find(doc: &Tagged, rates: &CueRates, sentence: Range<usize>, taken: &[bool]) -> Vec<Subject> {
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
        let share = matches!(low(doc, start), "some" | "many" | "most" | "several" | "few" | "other");
        if start >= sentence.start + 2 && doc.tok(start - 1) == "," && doc.is_capitalized(start - 2) && !share {
            // "Erin Murphy, a former Clinton aide, said": an appositive to a name; not
            // "In August, several environmental groups granted".
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
        if matches!(low(doc, end), "and" | "or") {
            // "Democrats and uneasy Republicans seized": both groups are the subject.
            if let Some(h) = (end + 1..sentence.end.min(end + 5)).find(|&h| is_head(doc, h, sentence.start)) {
                if (end + 1..h).all(|k| in_phrase(doc, k)) {
                    end = h + 1;
                }
            }
        }
        let mut p = skip_adverbs(doc, end, sentence.end);
        if p < sentence.end && doc.tok(p) == "," {
            // "Younger voters, in particular, have expressed", "some Republicans,
            // including Senator Alexander, were willing": step over the aside.
            let close = (p + 2..sentence.end.min(p + 10)).find(|&k| !doc.is_word(k));
            if let Some(k) = close.filter(|&k| doc.tok(k) == ",") {
                let q = skip_adverbs(doc, k + 1, sentence.end);
                if q > k + 1 && (p + 1..k).all(|m| doc.is_word(m)) {
                    p = q;
                }
            }
        }
        if matches!(low(doc, p), "who" | "that") && doc.is_word(p + 1) && !doc.is(p + 1, Class::DETERMINERS) {
            // "some who saw the comment as a dig", "nations that oppose": the relative
            // clause's verb is the group's.
            p = skip_adverbs(doc, p + 1, sentence.end);
        }
        let source = Source { tokens: start..end, head: i, appositive: None };
        let passive = passive_before(doc, start, sentence.start);
        let agent_of = passive.or_else(|| stance_noun_before(doc, rates, start));
        if let Some(k) = agent_of.filter(|&k| k >= sentence.start && !taken(k)) {
            let class = if passive == Some(k) { class_at(doc, k, sentence.start, true) } else { VerbClass::Stance };
            out.push(Subject { source, predicate: k..k + 1, agent: true, class });
            i = end.max(i + 1);
        } else if p < sentence.end && doc.is_word(p) && !taken(p) {
            let class = if agrees(doc, i, p) { class_at(doc, p, sentence.start, false) } else { VerbClass::None };
            out.push(Subject { source, predicate: p..p + 1, agent: false, class });
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
        let rates = CueRates::parse("3 criticism");
        find(&doc, &rates, doc.sentences[0].tokens.clone(), &[])
            .iter()
            .map(|s| (span(&s.source.tokens), span(&s.predicate) + if s.agent { " by" } else { "" }))
            .collect()
    }

    const TABLE: &[(&str, &[(&str, &str)])] = &[
        ("Republicans are slamming the plan.", &[("Republicans", "slamming")]),
        ("Many Democrats privately express doubts.", &[("Many Democrats", "express")]),
        ("Officials at the agency declined.", &[("Officials at the agency", "declined")]),
        ("Experts from the agency arrived on Monday.", &[("Experts from the agency", "arrived")]),
        ("Some of the protesters chanted.", &[("Some of the protesters", "chanted")]),
        ("No one expected it.", &[("No one", "expected")]),
        // The agent of a passive.
        ("He has been called a charlatan by fellow physicians.", &[("fellow physicians", "called by")]),
        ("Six were appointed by Democratic lawmakers.", &[("Democratic lawmakers", "appointed by")]),
        ("He stood by fellow physicians.", &[]),
        ("He faced criticism from some analysts.", &[("some analysts", "criticism by")]),
        ("He faced a letter from some analysts.", &[]),
        ("The families, many of whom say it is false, met.", &[("many of whom", "say")]),
        ("The families, two of whom spoke, met.", &[]),
        ("Republican leaders met.", &[("Republican leaders", "met")]),
        ("Yet presidential candidates Hillary Clinton and Donald Trump agree.", &[]),
        ("Small groups of protesters chanted.", &[("Small groups of protesters", "chanted")]),
        ("Democrats and uneasy Republicans seized on it.", &[("Democrats and uneasy Republicans", "seized")]),
        ("It drew scrutiny from some who saw it.", &[("some", "saw")]),
        ("Targets in nations that oppose it.", &[("nations", "oppose")]),
        ("Critics that the plan hurt.", &[("Critics", "that")]),
        ("Younger voters, in particular, have expressed doubts.", &[("Younger voters", "expressed")]),
        ("Critics, the mayor said, were wrong.", &[("Critics", "wrong")]),
        ("Critics, scholars and pundits agree.", &[("pundits", "agree")]),
        // An appositive describes the named person before it.
        ("said Ryan Ellis, a Republican consultant who knows.", &[]),
        ("In August, several environmental groups granted it.", &[("several environmental groups", "granted")]),
        ("Sources of energy are scarce.", &[]),
        // A group at the end of its clause has no predicate.
        ("It angered Republicans.", &[]),
        ("The plan, critics.", &[]),
    ];

    #[test]
    fn table() {
        for (text, want) in TABLE {
            let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
            assert_eq!(subjects(text), want, "group subjects in {text:?}");
        }
    }

    /// `any_stance` may say yes where `find` finds no group voicing a stance, never no
    /// where it finds one.
    #[test]
    fn any_stance_misses_no_stance() {
        let more = [
            "Critics say the plan failed.",
            "He was sharply criticized by many experts.",
            "Many experts, however, believe it will fail.",
            "Experts are increasingly worried.",
            "Analysts were surprised by the result.",
            "The families of the victims, many of whom say it is false, met on Monday.",
            "Some residents are skeptical, the mayor said, and many officials doubt it.",
            "Republicans and some Democrats have long argued that it hurts.",
        ];
        let rates = CueRates::parse("3 criticism");
        let mut stances = 0;
        for text in TABLE.iter().map(|(t, _)| *t).chain(more) {
            let doc = crate::text::Document::new(text);
            let doc = Tagged::new(&doc);
            for s in &doc.sentences {
                let any = any_stance(&doc, &rates, s.tokens.clone(), &[]);
                let found = find(&doc, &rates, s.tokens.clone(), &[]).iter().any(|g| g.class == VerbClass::Stance);
                assert!(any || !found, "{text:?}");
                stances += usize::from(found);
            }
        }
        assert!(stances > 10, "{stances} sentences with a stance: too few to test");
    }
}
