//! Garbled news formulas: a set phrase of news English whose fixed ending is
//! swapped for another word ("contributed to this exhibition" for "…this report",
//! "spoke on condition of anonymous"). Round-trip machine translation keeps the
//! frame of a formula and replaces its last word with a synonym of a synonym.
//!
//! The formulas are data (`FORMULAS`): the frame's slots and the endings native
//! news uses after it. Only closed formulas are listed, whose ending is nearly
//! always one of a few words: "contributed to this" is closed only in a credit
//! line (names, then the formula, near the end), hence `credit_line`.

use std::sync::OnceLock;

use super::{cues, Text};
use crate::lexicon::WordTable;
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};
use crate::text::{Document, Sentence, TokenKind};

pub static RULE: Rule = Rule {
    id: "translation/unidiomatic-phrase",
    category: Category::Translation,
    name: "Garbled set phrase",
    message: "A set phrase of news English with the wrong word at its end: typical of machine translation.",
    why: "News English is full of fixed formulas (\"contributed to this report\", \"spoke on condition of anonymity\"). When the frame is there but the last word is one no native writer puts there, the formula was translated word by word, usually by a machine and back.",
    example: "Karen Smith and Jeremy Diamond contributed to this exhibition.",
    strength: Strength::Weak,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "Karen Smith and Jeremy Diamond contributed to this report.";

/// A formula: its slots (alternatives split by `|`, a trailing `?` makes a slot
/// optional), the endings native news uses, and whether it needs a credit line.
struct Formula {
    slots: &'static [&'static str],
    endings: &'static [&'static str],
    credit_line: bool,
}

const FORMULAS: &[Formula] = &[
    Formula {
        slots: &["contributed", "reporting?", "to", "this"],
        endings: &[
            "report",
            "story",
            "article",
            "dispatch",
            "post",
            "piece",
            "coverage",
            "reporting",
            "analysis",
            "item",
            "blog",
            "feature",
            "review",
            "series",
            "update",
            "briefing",
            "newsletter",
            "roundup",
            "profile",
            "investigation",
            "report's",
            "story's",
        ],
        credit_line: true,
    },
    Formula {
        slots: &["spoke|speaking|talked|talking", "on", "the?", "condition", "of"],
        endings: &["anonymity", "not"],
        credit_line: false,
    },
    Formula {
        slots: &["could|couldn't", "not?", "immediately?", "be", "reached", "for"],
        endings: &["comment", "comments", "interview", "an", "a", "further"],
        credit_line: false,
    },
];

/// A credit line sits in the last paragraphs of a story.
const CREDIT_LINE_PARAGRAPHS: usize = 5;

/// Each formula's slots as their alternatives, split once, and a table from every
/// word that can open a formula to the formulas it opens (one bit each).
struct Slots {
    alternatives: Vec<Vec<Vec<&'static str>>>,
    openers: WordTable<u32>,
}

fn slots() -> &'static Slots {
    static SLOTS: OnceLock<Slots> = OnceLock::new();
    SLOTS.get_or_init(|| {
        let alternatives: Vec<Vec<Vec<&str>>> = FORMULAS
            .iter()
            .map(|f| f.slots.iter().map(|slot| slot.trim_end_matches('?').split('|').collect()).collect())
            .collect();
        // Sparse (a quarter full at most): a probe for a word that opens nothing,
        // as most words, mostly stops at the first slot.
        let mut openers =
            WordTable::with_capacity(4 * alternatives.iter().filter_map(|f| f.first()).map(Vec::len).sum::<usize>());
        for (k, slots) in alternatives.iter().enumerate() {
            for word in slots.first().into_iter().flatten() {
                openers.insert(word, 1u32 << k, |a, b| a | b);
            }
        }
        Slots { alternatives, openers }
    })
}

/// The words that open a formula (its first slot's alternatives): cues.
pub(super) fn openers() -> impl Iterator<Item = &'static str> {
    FORMULAS.iter().filter_map(|f| f.slots.first()).flat_map(|slot| slot.trim_end_matches('?').split('|'))
}

fn slot_matches(alternatives: &[&str], word: &str) -> bool {
    alternatives.contains(&word)
}

/// Token index after the frame when `f`'s slots (`slots` split into alternatives)
/// match from token `i`.
fn match_frame(doc: &Document, f: &Formula, slots: &[Vec<&str>], mut i: usize, end: usize) -> Option<usize> {
    for (slot, alternatives) in f.slots.iter().zip(slots) {
        let here = i < end && doc.is_word(i) && slot_matches(alternatives, doc.low(i));
        if here {
            i += 1;
        } else if !slot.ends_with('?') {
            return None;
        }
    }
    Some(i)
}

/// The words before the formula are names: capitalised words, commas, "and".
fn names_before(doc: &Document, start: usize, formula: usize) -> bool {
    let mut capitalised = 0;
    for i in start..formula {
        match doc.tokens[i].kind {
            TokenKind::Punct if doc.tok(i) == "," => {}
            TokenKind::Word if doc.is_capitalized(i) => capitalised += 1,
            TokenKind::Word if doc.low(i) == "and" => {}
            _ => return false,
        }
    }
    capitalised >= 2
}

/// Names, the formula and its ending, and nothing after but the full stop.
fn is_credit_line(doc: &Document, s: &Sentence, late_start: usize, formula: usize, ending: usize) -> bool {
    let ends_there = (ending + 1..s.tokens.end).all(|k| matches!(doc.tok(k), "." | "!"));
    s.start >= late_start && ends_there && names_before(doc, s.tokens.start, formula)
}

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    let late_start = doc
        .paragraphs
        .len()
        .checked_sub(CREDIT_LINE_PARAGRAPHS)
        .and_then(|p| doc.paragraphs.get(p))
        .map_or(0, |p| p.start);
    let Slots { alternatives, openers } = slots();
    let lower = doc.lower.as_bytes();
    // The sentence of the cue: cues come in token order, so it only moves forward.
    let mut sentence = 0;
    for i in doc.cued(cues::OPENER) {
        while doc.sentences.get(sentence).is_some_and(|s| s.tokens.end <= i) {
            sentence += 1;
        }
        let Some(s) = doc.sentences.get(sentence) else { break };
        let t = &doc.tokens[i];
        if t.kind != TokenKind::Word {
            continue;
        }
        // The formulas whose first slot holds this word (`slot_matches` on it).
        let Some(opens) = openers.get_hashed(&lower[t.start..t.end], doc.hashes[i]) else { continue };
        for (k, (f, slots)) in FORMULAS.iter().zip(alternatives).enumerate() {
            if opens & (1 << k) == 0 {
                continue;
            }
            let Some(last) = match_frame(doc, f, slots, i, s.tokens.end) else { continue };
            if last >= s.tokens.end || doc.tokens[last].kind != TokenKind::Word {
                continue;
            }
            let ending = doc.low(last).replace('’', "'");
            if f.endings.contains(&ending.as_str()) {
                continue;
            }
            if f.credit_line && !is_credit_line(doc, s, late_start, i, last) {
                continue;
            }
            out.push(Annotation::new(&RULE, doc.tokens[i].start, doc.tokens[last].end));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn the_openers_table_holds_every_first_slot() {
        let slots = super::slots();
        assert!(super::FORMULAS.len() <= 32);
        for (k, alternatives) in slots.alternatives.iter().enumerate() {
            for word in &alternatives[0] {
                assert!(slots.openers.get(word).is_some_and(|m| m & (1 << k) != 0), "{word}");
            }
        }
    }

    #[test]
    fn marks_a_formula_with_a_swapped_ending() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The vote is Tuesday.\n\nCNN's Karen Smith and Jeremy Diamond contributed to this exhibition.",
                &["contributed to this exhibition"],
            ),
            ("Two aides, speaking on condition of anonymous, confirmed it.", &["speaking on condition of anonymous"]),
            ("The mayor could not be reached for commentary.", &["could not be reached for commentary"]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }

    #[test]
    fn native_english_stays_clean() {
        for text in [
            "WASHINGTON (AP) — Jeremy Diamond and Karen Smith contributed to this report.",
            "Karen Smith contributed reporting to this article.",
            "Falling prices contributed to this decline. iPhone sales fell.",
            "Several factors contributed to this outcome, Jane Doe said.",
            "Two officials spoke on condition of anonymity. Another spoke on the condition of not being named.",
            "The mayor could not immediately be reached for comment on Sunday.",
            "“Contributed to this?” she asked.\n- Bob Smith contributed to this\n",
        ] {
            assert_no_marks(Translation, text);
        }
    }

    #[test]
    fn a_credit_line_is_near_the_end() {
        let early = format!(
            "Obama and Biden contributed to this mess, critics said.\n\n{}",
            "The vote is Tuesday.\n\n".repeat(6)
        );
        assert_no_marks(Translation, &early);
    }
}
