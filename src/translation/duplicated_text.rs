//! A paragraph or a long sentence printed twice in a row, word for word or
//! nearly (case, punctuation and quote style aside): copy assembled by machine.
//! Only close repeats count: native pages repeat a passage far from where it
//! first stood (a summary above the story, a pull quote, a live blog's earlier
//! update), while spun copy doubles it on the spot.

use std::collections::HashMap;

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

/// The words only, lower-cased: "near-exact" means equal after this.
fn normalized(doc: &Document, start: usize, end: usize) -> (String, usize) {
    let mut s = String::new();
    let mut words = 0;
    let first = doc.tokens.partition_point(|t| t.start < start);
    for i in first..doc.tokens.len() {
        let t = &doc.tokens[i];
        if t.end > end {
            break;
        }
        if t.kind == TokenKind::Punct {
            continue;
        }
        s.push_str(doc.low(i));
        s.push(' ');
        words += 1;
    }
    (s, words)
}

/// Whether `key` was seen at most `MAX_PARAGRAPHS_APART` paragraphs before
/// paragraph `here`; remembers it at `here` either way.
fn repeats(seen: &mut HashMap<String, usize>, key: String, here: usize) -> bool {
    match seen.insert(key, here) {
        Some(before) => here - before <= MAX_PARAGRAPHS_APART,
        None => false,
    }
}

pub fn detect(doc: &Document, out: &mut Vec<Annotation>) -> usize {
    let mut n = 0;
    let mut paragraphs: HashMap<String, usize> = HashMap::new();
    let mut sentences: HashMap<String, usize> = HashMap::new();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let (key, words) = normalized(doc, p.start, p.end);
        if words >= MIN_WORDS && repeats(&mut paragraphs, key, pi) {
            out.push(Annotation::new(&RULE, p.start, p.end));
            n += 1;
            continue;
        }
        for s in doc.sentences.get(p.sentences.clone()).unwrap_or_default() {
            let (key, words) = normalized(doc, s.start, s.end);
            if words >= MIN_WORDS + 2 && repeats(&mut sentences, key, pi) {
                out.push(Annotation::new(&RULE, s.start, s.end));
                n += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_marks, assert_no_marks};

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
