//! Text statistics for the whole-text verdict: the shape of the sentences, a few
//! punctuation habits and word choices. Fluent neural MT writes long sentences of
//! even length (it keeps one English sentence per source sentence), favours
//! possessives ("San Francisco's") and short common words, and drops the dashes
//! and asides human writers use. Human translators leave the marks of translated
//! English (translationese) that MT, trained on native news, does not: explicit
//! connectives ("however", "therefore"), the optional "that" after a reporting verb
//! ("said that") and demonstratives rendered word for word ("this", "these").
//!
//! Each statistic is a row of `STATS`: its name (the key of its fitted weight in
//! `weights.rs`) and the words the verdict's reasons use when it stands out.

use super::cues::{
    self, Cues, COMMA, DASH, DEMONSTRATIVE, POSSESSIVE_OR_COMMA, QUOTE, REPORTING_VERB, TRANSLATOR_WORD,
};
use crate::text::{Document, TokenKind};

/// A statistic: `name`, and how a reader would say it is high / low.
pub struct Stat {
    pub name: &'static str,
    pub high: &'static str,
    pub low: &'static str,
}

pub const STATS: [Stat; 11] = [
    Stat { name: "sentence_length", high: "long sentences", low: "short sentences" },
    Stat { name: "sentence_length_spread", high: "sentences of uneven length", low: "sentences of even length" },
    Stat { name: "possessives", high: "many possessives", low: "few possessives" },
    Stat { name: "dashes", high: "many dashes", low: "few dashes or asides" },
    Stat { name: "word_length", high: "long words", low: "short words" },
    Stat { name: "commas", high: "many commas", low: "few commas" },
    Stat { name: "numbers", high: "many numbers", low: "few numbers" },
    Stat { name: "quoted_sentences", high: "many quotes", low: "few quotes" },
    Stat {
        name: "translator_words",
        high: "many a \"however\", \"therefore\" or \"very\"",
        low: "hardly a \"however\" or \"therefore\"",
    },
    Stat { name: "reported_that", high: "many a \"said that\"", low: "reported speech without \"that\"" },
    Stat { name: "demonstratives", high: "many a \"this\" or \"these\"", low: "hardly a \"this\" or \"these\"" },
];

/// Words human translators (from Chinese at least) reach for far more than MT
/// does: connectives made explicit (a known mark of translated text) and an
/// intensifier the source language marks everywhere.
pub(super) const TRANSLATOR_WORDS: &[&str] =
    &["however", "therefore", "thus", "moreover", "furthermore", "hence", "very"];

/// Verbs that report speech or thought, after which "that" is optional: translators
/// keep it far more often than native writers or MT ("said that the plan…").
pub(super) const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "stated",
    "added",
    "noted",
    "stressed",
    "claimed",
    "expressed",
    "indicated",
    "announced",
    "reported",
    "explained",
    "revealed",
    "admitted",
    "insisted",
    "warned",
    "argued",
    "emphasized",
    "emphasised",
    "estimated",
    "suggested",
    "acknowledged",
    "confirmed",
    "predicted",
    "believes",
    "believe",
    "believed",
    "think",
    "thinks",
    "thought",
    "know",
    "knows",
    "knew",
    "hope",
    "hopes",
    "hoped",
    "feel",
    "feels",
    "felt",
    "show",
    "shows",
    "showed",
    "found",
    "learned",
    "agreed",
];

pub(super) const DEMONSTRATIVES: &[&str] = &["this", "these"];

pub type Profile = [f64; STATS.len()];

/// The dashes of dashes and asides.
pub(super) const DASHES: &[&str] = &["-", "–", "—"];

/// The quotation marks of quoted sentences.
pub(super) const QUOTES: &[&str] = &["\"", "“", "”", "«", "»"];

/// Characters in a string: its bytes that do not continue a UTF-8 sequence.
fn char_count(s: &[u8]) -> usize {
    s.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// The statistics of the whole text, in the order of `STATS` (rates per 100 words).
pub fn profile(doc: &Document) -> Profile {
    profile_of(doc, &cues::of(doc, &[], &[]))
}

/// `profile`, given the text's cue bits, which say which word lists each word and mark
/// is on.
// Out of line: inlined into the whole stage, its loop over the tokens spilled more.
#[inline(never)]
pub(super) fn profile_of(doc: &Document, cues: &Cues) -> Profile {
    // Counted as integers, then converted: the same values as summing ones in f64
    // (every partial sum is an integer far below 2^53), for fewer instructions.
    let (mut words, mut chars, mut possessives, mut dashes) = (0usize, 0usize, 0usize, 0usize);
    let (mut commas, mut numbers, mut quoted, mut translator_words) = (0usize, 0usize, 0usize, 0usize);
    let (mut reported_that, mut demonstratives) = (0usize, 0usize);
    let mut lengths: Vec<f64> = Vec::with_capacity(doc.sentences.len());
    let text = doc.text.as_bytes();
    for s in &doc.sentences {
        let mut length = 0usize;
        let mut has_quote = false;
        // The sentence's tokens and their cue bits, side by side.
        let tokens = doc.tokens.get(s.tokens.clone()).unwrap_or_default();
        for ((i, token), &bits) in s.tokens.clone().zip(tokens).zip(cues.bits_of(s.tokens.clone())) {
            if token.kind == TokenKind::Punct {
                // The cue table holds "," and the dashes and quotation marks above.
                commas += usize::from(bits & COMMA != 0);
                dashes += usize::from(bits & DASH != 0);
                has_quote |= bits & QUOTE != 0;
                continue;
            }
            // The token's text is read only where its bytes are not its characters,
            // and where its cue bits say it may be a possessive.
            let t = || text.get(token.start..token.end).unwrap_or_default();
            length += 1;
            chars += if token.ascii { token.end - token.start } else { char_count(t()) };
            numbers += usize::from(token.kind == TokenKind::Number);
            // The rest is counted only where a cue bit says a word may count: one test
            // for most words.
            if bits & (POSSESSIVE_OR_COMMA | TRANSLATOR_WORD | DEMONSTRATIVE | REPORTING_VERB) == 0 {
                continue;
            }
            // A possessive has the cue bit of one (which a few other tokens share):
            // only those tokens are tested.
            let possessive =
                bits & POSSESSIVE_OR_COMMA != 0 && (t().ends_with(b"'s") || t().ends_with("’s".as_bytes()));
            possessives += usize::from(possessive);
            translator_words += usize::from(bits & TRANSLATOR_WORD != 0);
            demonstratives += usize::from(bits & DEMONSTRATIVE != 0);
            if bits & REPORTING_VERB != 0 {
                let that_follows = i + 1 < s.tokens.end && doc.low_is(i + 1, "that");
                reported_that += usize::from(that_follows);
            }
        }
        if length > 0 {
            words += length;
            lengths.push(length as f64);
            quoted += usize::from(has_quote);
        }
    }
    let [words, chars, possessives, dashes, commas, numbers, quoted, translator_words, reported_that, demonstratives] =
        [words, chars, possessives, dashes, commas, numbers, quoted, translator_words, reported_that, demonstratives]
            .map(|n| n as f64);
    let per_100_words = |x: f64| 100.0 * x / words.max(1.0);
    let sentences = lengths.len().max(1) as f64;
    let mean = words / sentences;
    let variance = lengths.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / sentences;
    [
        mean,
        variance.sqrt() / mean.max(1.0),
        per_100_words(possessives),
        per_100_words(dashes),
        chars / words.max(1.0),
        per_100_words(commas),
        per_100_words(numbers),
        quoted / sentences,
        per_100_words(translator_words),
        per_100_words(reported_that),
        per_100_words(demonstratives),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat(text: &str, name: &str) -> f64 {
        let k = STATS.iter().position(|s| s.name == name).expect("a statistic");
        profile(&Document::new(text))[k]
    }

    #[test]
    fn measures_what_its_names_say() {
        let cases: &[(&str, &str, f64)] = &[
            ("One two three. Four five six seven eight nine.", "sentence_length", 4.5),
            ("One two. Three four.", "sentence_length_spread", 0.0),
            ("One two three. Four five six seven eight nine.", "sentence_length_spread", 1.5 / 4.5),
            ("Obama's plan and the city’s budget passed.", "possessives", 100.0 * 2.0 / 7.0),
            ("The vote — a close one — passed.", "dashes", 100.0 * 2.0 / 6.0),
            ("Up to 4,500 troops, 8,600 now.", "numbers", 100.0 * 2.0 / 6.0),
            ("“Yes,” he said. He left. She stayed.", "quoted_sentences", 1.0 / 3.0),
            ("Aa bbbb, cc.", "word_length", 8.0 / 3.0),
            ("Aa bbbb, cc.", "commas", 100.0 / 3.0),
            ("However, it was very, Very late.", "translator_words", 100.0 * 3.0 / 6.0),
            ("Thus it is; therefore, we go.", "translator_words", 100.0 * 2.0 / 6.0),
            ("He said that she knew that.", "reported_that", 100.0 * 2.0 / 6.0),
            ("He said she knew. That was that.", "reported_that", 0.0),
            ("This plan and these funds, not those.", "demonstratives", 100.0 * 2.0 / 7.0),
        ];
        for &(text, name, want) in cases {
            let got = stat(text, name);
            assert!((got - want).abs() < 1e-9, "{name} of {text:?}: {got} (want {want})");
        }
    }

    /// The possessives counted behind the cue bit are those a test of every word finds.
    #[test]
    fn possessives_equal_a_test_of_every_word() {
        let k = STATS.iter().position(|s| s.name == "possessives").expect("a statistic");
        for text in ["Obama's, city’s OBAMA'S Hanuš's Dvořs ř's s 's ’s cats' it,s", "Paris's. Bob’S x's", "'s"]
        {
            let doc = Document::new(text);
            let words = doc.tokens.iter().filter(|t| t.kind != TokenKind::Punct);
            let tested = words.clone().filter(|t| {
                let t = &text.as_bytes()[t.start..t.end];
                t.ends_with(b"'s") || t.ends_with("’s".as_bytes())
            });
            let want = 100.0 * tested.count() as f64 / words.count().max(1) as f64;
            assert_eq!(profile(&doc)[k], want, "{text:?}");
        }
    }

    #[test]
    fn char_count_counts_characters() {
        for s in ["", "plain", "café", "e\u{301}", "東京", "👍🏽", "\u{0}x", "ǅß"] {
            assert_eq!(char_count(s.as_bytes()), s.chars().count(), "{s:?}");
        }
    }

    #[test]
    fn empty_and_wordless_texts_give_finite_statistics() {
        for text in ["", "...", "— — —", "\u{0}"] {
            assert!(profile(&Document::new(text)).iter().all(|x| x.is_finite()), "{text:?}");
        }
    }
}
