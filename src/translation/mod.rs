//! Translation: the marks of machine-translated and spun copy, and a verdict
//! for the whole text.

use std::collections::HashMap;

use crate::report::{Annotation, TranslationVerdict};
use crate::rule::{Category, Rule, Strength};
use crate::text::{Document, TokenKind};

pub static BROKEN_SENTENCE: Rule = Rule {
    id: "translation/broken-sentence",
    category: Category::Translation,
    name: "Broken sentence",
    message: "A full stop cuts a sentence in two: typical of machine translation.",
    why: "Human writers and editors rarely put a full stop in the middle of a clause and carry on in lower case. Machine translation does, when it misreads a sentence's structure. It is a sign the text was translated by machine and may not say what the original said.",
    example: "a spokesman for the militant group Zabihullah. he said in a statement",
    strength: Strength::Strong,
};

pub static DOUBLED_PUNCTUATION: Rule = Rule {
    id: "translation/doubled-punctuation",
    category: Category::Translation,
    name: "Doubled punctuation",
    message: "Stray or doubled punctuation (\". .\"), left behind by conversion or translation.",
    why: "Doubled full stops and stray marks slip into text that was converted, scraped or machine translated without an editor reading it.",
    example: "targeting local ISIS and al-Qaeda affiliates. .",
    strength: Strength::Weak,
};

pub static DUPLICATED_PARAGRAPH: Rule = Rule {
    id: "translation/duplicated-paragraph",
    category: Category::Translation,
    name: "Repeated paragraph",
    message: "This paragraph repeats an earlier one word for word.",
    why: "A paragraph printed twice is a sign of copy that was scraped or assembled by machine rather than edited by a person.",
    example: "the same paragraph appearing twice in a row",
    strength: Strength::Strong,
};

pub static BOILERPLATE: Rule = Rule {
    id: "translation/boilerplate",
    category: Category::Translation,
    name: "Blog or comment-form boilerplate",
    message: "Template text from a blog or comment form sits inside the article.",
    why: "Lines such as \"Leave a Reply\" inside an article's text show that it was copied onto a blog, often from someone else's reporting.",
    example: "Leave a Reply",
    strength: Strength::Weak,
};

pub static RULES: &[&Rule] = &[&BROKEN_SENTENCE, &DOUBLED_PUNCTUATION, &DUPLICATED_PARAGRAPH, &BOILERPLATE];

const BOILERPLATE_LINES: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "your email address will not be published",
    "required fields are marked",
    "share this:",
    "like this:",
    "related posts",
];

fn broken_sentences(doc: &Document, out: &mut Vec<Annotation>) -> usize {
    let mut n = 0;
    for i in 1..doc.tokens.len().saturating_sub(1) {
        if doc.tok(i) != "." || doc.tokens[i].space_before {
            continue;
        }
        let next = &doc.tokens[i + 1];
        if next.newline_before || !next.space_before || next.kind != TokenKind::Word {
            continue;
        }
        // All lower case: "iPhone" or "eBay" may legitimately start a sentence.
        let starts_lower = doc.tok(i + 1).chars().all(|c| !c.is_uppercase())
            && doc.tok(i + 1).chars().next().is_some_and(char::is_lowercase);
        // "e.g. this", "vs. that", "approx. 5" are abbreviations, not breaks.
        let prev = doc.low(i - 1);
        let abbrev = prev.len() <= 4
            && matches!(
                prev,
                "e.g" | "i.e" | "vs" | "etc" | "approx" | "no" | "p" | "pp" | "cf" | "al" | "inc" | "jr" | "sr" | "st"
            );
        if starts_lower && doc.is_word(i - 1) && !abbrev {
            out.push(Annotation::new(&BROKEN_SENTENCE, doc.tokens[i - 1].start, doc.tokens[i + 1].end));
            n += 1;
        }
    }
    n
}

fn doubled_punctuation(doc: &Document, out: &mut Vec<Annotation>) -> usize {
    let mut n = 0;
    for i in 1..doc.tokens.len() {
        let (a, b) = (doc.tok(i - 1), doc.tok(i));
        if matches!(a, "." | ",")
            && matches!(b, "." | ",")
            && doc.tokens[i].space_before
            && !doc.tokens[i].newline_before
        {
            out.push(Annotation::new(&DOUBLED_PUNCTUATION, doc.tokens[i - 1].start, doc.tokens[i].end));
            n += 1;
        }
    }
    n
}

fn duplicated_paragraphs(doc: &Document, out: &mut Vec<Annotation>) -> usize {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut n = 0;
    for p in &doc.paragraphs {
        let text = doc.paragraph_text(p);
        if text.split_whitespace().count() < 8 {
            continue;
        }
        if seen.insert(text, p.start).is_some() {
            out.push(Annotation::new(&DUPLICATED_PARAGRAPH, p.start, p.end));
            n += 1;
        }
    }
    n
}

fn boilerplate(doc: &Document, out: &mut Vec<Annotation>) -> usize {
    let mut n = 0;
    for p in &doc.paragraphs {
        let low = &doc.lower[p.start..p.end];
        if low.len() < 120 && BOILERPLATE_LINES.iter().any(|b| low.starts_with(b)) {
            out.push(Annotation::new(&BOILERPLATE, p.start, p.end));
            n += 1;
        }
    }
    n
}

/// Below this many words the verdict is reported as too short to tell.
const MIN_WORDS: usize = 150;

pub fn detect(doc: &Document, out: &mut Vec<Annotation>) -> TranslationVerdict {
    let broken = broken_sentences(doc, out);
    let doubled = doubled_punctuation(doc, out);
    let duplicated = duplicated_paragraphs(doc, out);
    let template = boilerplate(doc, out);
    let sentences = doc.sentences.len().max(1) as f64;
    let rate = (2.0 * broken as f64 + doubled as f64 + 2.0 * duplicated as f64) / sentences;
    let logit = -3.0 + 40.0 * rate + 0.5 * template as f64;
    let likelihood = 1.0 / (1.0 + (-logit).exp());
    let mut reasons = Vec::new();
    for (count, what) in [
        (broken, "broken sentences"),
        (duplicated, "repeated paragraphs"),
        (doubled, "doubled punctuation marks"),
        (template, "blog template lines"),
    ] {
        if count > 0 {
            reasons.push(format!("{count} {what}"));
        }
    }
    TranslationVerdict { likelihood, too_short: doc.word_count() < MIN_WORDS, reasons }
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_marks, assert_no_marks};

    #[test]
    fn broken_sentences() {
        assert_marks(Translation, "A spokesman for the group Zabihullah. he said in a statement.", &["Zabihullah. he"]);
        assert_no_marks(Translation, "Costs rose, e.g. rents. iPhone sales fell. WASHINGTON (AP) — The vote passed.");
    }

    #[test]
    fn doubled_punctuation() {
        assert_marks(Translation, "It targets local affiliates. .", &[". ."]);
    }

    #[test]
    fn duplicated_paragraph() {
        let p = "Russian officials offered cash rewards to fighters for attacks, the source said.";
        assert_marks(Translation, &format!("{p}\n\n{p}\n"), &[p]);
    }
}
