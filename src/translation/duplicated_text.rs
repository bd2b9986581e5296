//! A paragraph or a long sentence printed twice in a row, word for word or
//! nearly (case, punctuation and quote style aside): copy assembled by machine.
//! Only close repeats count: native pages repeat a passage far from where it
//! first stood (a summary above the story, a pull quote, a live blog's earlier
//! update), while spun copy doubles it on the spot.

use super::Text;
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};
use crate::text::{Document, TokenKind};

pub static RULE: Rule = Rule {
    id: "translation/duplicated-text",
    category: Category::Translation,
    name: "Repeated passage",
    message: "This passage repeats an earlier one (nearly) word for word.",
    why: "A paragraph or sentence printed twice is a sign of copy that was scraped, spun or assembled by machine rather than edited by a person.",
    example: "Police said the fire started in the kitchen late on Sunday.\nPolice said the fire started in the kitchen late on Sunday.",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str =
    "The talks ended without a deal on Sunday night.\n\nThe talks resume on Monday morning in Geneva.";

/// Shorter passages repeat legitimately ("Read more", a refrain in a speech).
const MIN_WORDS: usize = 10;

/// A repeat counts when it starts at most this many paragraphs after the first copy.
const MAX_PARAGRAPHS_APART: usize = 2;

/// A passage by its words only, lower-cased: "near-exact" means the same words.
/// `hash` digests them so that passages are compared only when it is equal.
#[derive(Clone, Copy)]
struct Passage {
    /// Token range, punctuation included (it is skipped when comparing).
    first: usize,
    last: usize,
    words: usize,
    hash: u64,
}

/// Multiplier of the passage hash, a polynomial in the words' hashes: a paragraph's
/// hash follows from its sentences' (`then`), so each token is read once.
const BASE: u64 = 0x517c_c1b7_2722_0a95;

impl Passage {
    /// Tokens `first..last` (a sentence's), with `BASE` to the power of its words.
    fn of(doc: &Document, first: usize, last: usize) -> (Passage, u64) {
        let (mut hash, mut power, mut words) = (0u64, 1u64, 0);
        for (t, &h) in doc.tokens[first..last].iter().zip(&doc.hashes[first..last]) {
            if t.kind != TokenKind::Punct {
                hash = hash.wrapping_mul(BASE).wrapping_add(u64::from(h));
                power = power.wrapping_mul(BASE);
                words += 1;
            }
        }
        (Passage { first, last, words, hash }, power)
    }

    /// This passage followed by `next` (which starts where it ends), given
    /// `next_power`, `BASE` to the power of `next`'s words.
    fn then(self, next: Passage, next_power: u64) -> Passage {
        Passage {
            first: self.first,
            last: next.last,
            words: self.words + next.words,
            hash: self.hash.wrapping_mul(next_power).wrapping_add(next.hash),
        }
    }
}

/// The same words in the same order.
fn same_words(doc: &Document, a: Passage, b: Passage) -> bool {
    let words = |p: Passage| (p.first..p.last).filter(|&i| doc.tokens[i].kind != TokenKind::Punct).map(|i| doc.low(i));
    a.words == b.words && words(a).eq(words(b))
}

/// The passages seen so far, each with the paragraph it was last seen in: an
/// open-addressing table keyed by the passage hash, sized for every passage of the
/// text up front (at most half full), so it never grows. Passages whose hashes
/// collide each keep their own slot.
struct Seen {
    slots: Vec<Option<(Passage, usize)>>,
}

impl Seen {
    fn for_passages(n: usize) -> Seen {
        Seen { slots: vec![None; (2 * n).next_power_of_two().max(4)] }
    }

    /// Whether `p` was seen at most `MAX_PARAGRAPHS_APART` paragraphs before
    /// paragraph `here` (`here` never decreases from one call to the next);
    /// remembers it at `here` either way.
    fn repeats(&mut self, doc: &Document, p: Passage, here: usize) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = p.hash as usize & mask;
        // An entry seen too long ago can never make a repeat again: its words are
        // not compared (a repeated text would compare every passage with its
        // first copy), and `p` takes the first such slot of its hash.
        let mut expired = None;
        loop {
            match self.slots[i] {
                Some((q, at)) if q.hash == p.hash => {
                    if here - at > MAX_PARAGRAPHS_APART {
                        expired = expired.or(Some(i));
                    } else if same_words(doc, q, p) {
                        self.slots[i] = Some((p, here));
                        return true;
                    }
                }
                Some(_) => {}
                None => {
                    self.slots[expired.unwrap_or(i)] = Some((p, here));
                    return false;
                }
            }
            i = (i + 1) & mask;
        }
    }
}

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    let mut paragraphs = Seen::for_passages(doc.paragraphs.len());
    let mut sentences = Seen::for_passages(doc.sentences.len());
    let mut in_paragraph: Vec<Passage> = Vec::new();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        in_paragraph.clear();
        let mut whole: Option<Passage> = None;
        for s in doc.sentences.get(p.sentences.clone()).unwrap_or_default() {
            let (sentence, power) = Passage::of(doc, s.tokens.start, s.tokens.end);
            in_paragraph.push(sentence);
            whole = Some(whole.map_or(sentence, |w| w.then(sentence, power)));
        }
        let Some(whole) = whole else { continue };
        if whole.words >= MIN_WORDS && paragraphs.repeats(doc, whole, pi) {
            out.push(Annotation::new(&RULE, p.start, p.end));
            continue;
        }
        for (s, &sentence) in doc.sentences[p.sentences.clone()].iter().zip(&in_paragraph) {
            if sentence.words >= MIN_WORDS + 2 && sentences.repeats(doc, sentence, pi) {
                out.push(Annotation::new(&RULE, s.start, s.end));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_no_marks, assert_rule};

    /// The rule stated plainly: each passage's words as a key, with the paragraph
    /// where they were last seen.
    fn detect_by_word_lists(doc: &Document) -> Vec<(usize, usize)> {
        let words = |start: usize, end: usize| -> Vec<&str> {
            (0..doc.tokens.len())
                .filter(|&i| {
                    doc.tokens[i].start >= start && doc.tokens[i].end <= end && doc.tokens[i].kind != TokenKind::Punct
                })
                .map(|i| doc.low(i))
                .collect()
        };
        let (mut paragraphs, mut sentences) = (HashMap::new(), HashMap::new());
        let mut marks = Vec::new();
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            let whole = words(p.start, p.end);
            if whole.len() >= MIN_WORDS && paragraphs.insert(whole, pi).is_some_and(|b| pi - b <= MAX_PARAGRAPHS_APART)
            {
                marks.push((p.start, p.end));
                continue;
            }
            for s in &doc.sentences[p.sentences.clone()] {
                let sentence = words(s.start, s.end);
                if sentence.len() >= MIN_WORDS + 2
                    && sentences.insert(sentence, pi).is_some_and(|b| pi - b <= MAX_PARAGRAPHS_APART)
                {
                    marks.push((s.start, s.end));
                }
            }
        }
        marks
    }

    /// Generated texts of passages repeated near and far, re-cased and re-punctuated,
    /// in paragraphs of one to three sentences: the same marks as the plain rule.
    #[test]
    fn equals_the_rule_over_word_lists() {
        let pool = [
            "The committee will vote on the bill when lawmakers return from their August recess.",
            "the committee will vote on the bill – when lawmakers return from their August recess",
            "THE COMMITTEE WILL VOTE ON THE BILL WHEN LAWMAKERS RETURN FROM THEIR AUGUST RECESS!",
            "Russian officials offered cash rewards to fighters for attacks, the source said.",
            "Officials offered rewards to fighters for attacks, the source said.",
            "One two three four five six seven eight nine ten.",
            "He left.",
            "“It was 4,500 troops, not 8,600,” a spokesman for the ministry told reporters on Tuesday.",
        ];
        let (mut state, mut marked): (u64, usize) = (7, 0);
        let mut next = |n: usize| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        };
        for _ in 0..2_000 {
            let mut text = String::new();
            for _ in 0..next(12) {
                for k in 0..1 + next(3) {
                    if k > 0 {
                        text.push(' ');
                    }
                    text.push_str(pool[next(pool.len())]);
                }
                text.push_str(["\n\n", "\n"][next(2)]);
            }
            let doc = Document::new(&text);
            let mut out = Vec::new();
            detect(&Text::new(&doc), &mut out);
            let got: Vec<(usize, usize)> = out.iter().map(|a| (a.start, a.end)).collect();
            assert_eq!(got, detect_by_word_lists(&doc), "in {text:?}");
            marked += got.len();
        }
        assert!(marked > 1_000, "the texts repeat passages near enough to be marked ({marked} marks)");
    }

    #[test]
    fn a_paragraph_hash_follows_from_its_sentences() {
        let doc = Document::new("One two, three. Four five! Six");
        let (all, _) = Passage::of(&doc, 0, doc.tokens.len());
        let (a, _) = Passage::of(&doc, 0, 5);
        let (b, power) = Passage::of(&doc, 5, doc.tokens.len());
        let joined = a.then(b, power);
        assert_eq!((joined.first, joined.last, joined.words, joined.hash), (all.first, all.last, all.words, all.hash));
    }

    /// Passages whose hashes collide (all of them here) are told apart by their
    /// words, and an entry seen too long ago, earlier in the chain, hides no recent one.
    /// Each step: the passage's first token, its paragraph, whether it repeats.
    #[test]
    fn colliding_hashes_keep_their_own_entries() {
        let doc = Document::new("a b c. d e f. a b c. d e f.");
        let steps: &[&[(usize, usize, bool)]] = &[
            // a b c; d e f (other words, same hash); a b c again; d e f too far from its copy.
            &[(0, 0, false), (4, 0, false), (8, 1, true), (4, 5, false)],
            // d e f 2 paragraphs after its copy, behind a b c seen 4 before; a b c then.
            &[(0, 0, false), (4, 2, false), (12, 4, true), (8, 4, false), (0, 5, true)],
        ];
        for (k, steps) in steps.iter().enumerate() {
            let mut seen = Seen::for_passages(steps.len());
            for &(first, here, want) in steps.iter() {
                let p = Passage { first, last: first + 3, words: 3, hash: 7 };
                assert_eq!(seen.repeats(&doc, p, here), want, "case {k}: tokens {first}.. in paragraph {here}");
            }
        }
    }

    #[test]
    fn marks_a_repeated_paragraph_or_sentence() {
        let p = "Russian officials offered cash rewards to fighters for attacks, the source said.";
        assert_rule(&super::RULE, &format!("{p}\n\n{p}\n"), &[p]);
        let near = "Russian officials offered cash rewards to fighters for attacks – the source said";
        assert_rule(&super::RULE, &format!("{p}\n\n{near}\n"), &[near]);
        let s = "The committee will vote on the bill when lawmakers return from their August recess.";
        assert_rule(&super::RULE, &format!("Intro here. {s}\n\nMore words. {s}\n"), &[s]);
    }

    #[test]
    fn native_english_stays_clean() {
        let text =
            "WASHINGTON (AP) — “Lock her up.”\n\nThe crowd chanted.\n\n“Lock her up.”\n\nRead more.\n\nRead more.\n";
        assert_no_marks(Translation, text);
        // A summary above the story, repeated in its body; a pull quote far from its paragraph.
        let s = "At its core, sexual harassment is about power, and politics is the ultimate power profession.";
        let q = "“But I wouldn’t let him into my home for dinner with my wife and daughter,” he said.";
        let filler = "iPhone sales fell.\n\nThe vote passed.\n\nOfficials met.\n\n";
        assert_no_marks(
            Translation,
            &format!("{s} Young people are at risk.\n\n{q}\n\n{filler}Experts say so. {s}\n\n{q}\n"),
        );
    }
}
