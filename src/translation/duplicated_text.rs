//! A paragraph or a long sentence printed twice in a row, word for word or
//! nearly (case, punctuation and quote style aside): copy assembled by machine.
//! Only close repeats count: native pages repeat a passage far from where it
//! first stood (a summary above the story, a pull quote, a live blog's earlier
//! update), while spun copy doubles it on the spot.

use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};
use crate::text::{Document, TokenKind};

pub static RULE: Rule = Rule {
    id: "translation/duplicated-text",
    category: Category::Translation,
    name: "Repeated passage",
    message: "This passage repeats an earlier one (nearly) word for word.",
    why: "A paragraph or sentence printed twice is a sign of copy that was scraped, spun or assembled by machine rather than edited by a person.",
    example: "the same paragraph appearing twice in a row",
    strength: Strength::Strong,
};

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

/// The passage of the tokens that lie wholly inside bytes `start..end`.
fn passage(doc: &Document, start: usize, end: usize) -> Passage {
    let first = doc.tokens.partition_point(|t| t.start < start);
    let mut hash: u64 = 0;
    let mut words = 0;
    let mut last = first;
    while last < doc.tokens.len() {
        let t = &doc.tokens[last];
        if t.end > end {
            break;
        }
        if t.kind != TokenKind::Punct {
            hash = (hash.rotate_left(5) ^ u64::from(doc.hashes[last])).wrapping_mul(0x517c_c1b7_2722_0a95);
            words += 1;
        }
        last += 1;
    }
    Passage { first, last, words, hash }
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
    /// paragraph `here`; remembers it at `here` either way.
    fn repeats(&mut self, doc: &Document, p: Passage, here: usize) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = p.hash as usize & mask;
        loop {
            match &mut self.slots[i] {
                Some((q, at)) if q.hash == p.hash && same_words(doc, *q, p) => {
                    let before = std::mem::replace(at, here);
                    *q = p;
                    return here - before <= MAX_PARAGRAPHS_APART;
                }
                Some(_) => i = (i + 1) & mask,
                empty @ None => {
                    *empty = Some((p, here));
                    return false;
                }
            }
        }
    }
}

pub fn detect(doc: &Document, out: &mut Vec<Annotation>) -> usize {
    let mut n = 0;
    let mut paragraphs = Seen::for_passages(doc.paragraphs.len());
    let mut sentences = Seen::for_passages(doc.sentences.len());
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let whole = passage(doc, p.start, p.end);
        if whole.words >= MIN_WORDS && paragraphs.repeats(doc, whole, pi) {
            out.push(Annotation::new(&RULE, p.start, p.end));
            n += 1;
            continue;
        }
        for s in doc.sentences.get(p.sentences.clone()).unwrap_or_default() {
            let sentence = passage(doc, s.start, s.end);
            if sentence.words >= MIN_WORDS + 2 && sentences.repeats(doc, sentence, pi) {
                out.push(Annotation::new(&RULE, s.start, s.end));
                n += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::{Passage, Seen};
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_marks, assert_no_marks};
    use crate::text::Document;

    /// Passages whose hashes collide are still told apart by their words.
    #[test]
    fn colliding_hashes_keep_their_own_entries() {
        let doc = Document::new("a b c. d e f. a b c.");
        let p = |first: usize| Passage { first, last: first + 3, words: 3, hash: 7 };
        let mut seen = Seen::for_passages(3);
        assert!(!seen.repeats(&doc, p(0), 0));
        assert!(!seen.repeats(&doc, p(4), 0), "other words, same hash: not a repeat");
        assert!(seen.repeats(&doc, p(8), 1), "the same words as the first passage");
        assert!(!seen.repeats(&doc, p(4), 5), "too far from where it was first seen");
    }

    #[test]
    fn marks_a_repeated_paragraph_or_sentence() {
        let p = "Russian officials offered cash rewards to fighters for attacks, the source said.";
        assert_marks(Translation, &format!("{p}\n\n{p}\n"), &[p]);
        let near = "Russian officials offered cash rewards to fighters for attacks – the source said";
        assert_marks(Translation, &format!("{p}\n\n{near}\n"), &[near]);
        let s = "The committee will vote on the bill when lawmakers return from their August recess.";
        assert_marks(Translation, &format!("Intro here. {s}\n\nMore words. {s}\n"), &[s]);
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
