//! Lexicon entries as data: a cue phrase and the context it needs to count as a hedge.
//!
//! Most hedge words have a plain, committed reading too ("May 14", "with all his might",
//! "she could swim", "appeared in court", "suggested a new route"). Each entry says, as
//! data, what may or may not come before or after it; a few entries need a small test
//! function (a cheap part-of-speech guess) that a word list cannot express.

use crate::text::{Document, TokenKind};

/// A matched phrase: token indexes `first..last` (one past the end).
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub first: usize,
    pub last: usize,
}

/// One condition on the context of a match. A cue counts only when all its conditions hold.
pub enum When {
    /// The next word is one of these.
    NextIs(&'static [&'static str]),
    /// The next word is none of these (or there is no next word).
    NextIsNot(&'static [&'static str]),
    /// The previous word is one of these.
    PrevIs(&'static [&'static str]),
    /// The previous word is none of these (or there is none).
    PrevIsNot(&'static [&'static str]),
    /// What a word list cannot say: a cheap part-of-speech or shape test.
    Test(fn(&Document, Span) -> bool),
}

/// A lexicon entry: lower-case phrase (whole tokens) and its conditions.
pub struct Cue {
    pub phrase: &'static str,
    pub when: &'static [When],
}

impl Cue {
    pub const fn new(phrase: &'static str, when: &'static [When]) -> Cue {
        Cue { phrase, when }
    }

    pub fn accepts(&self, doc: &Document, span: Span) -> bool {
        // "the belief that…" introduces the content of the belief; "the confidence that
        // has defined his campaign" is a relative clause about the noun.
        if self.phrase.ends_with(" that") && next_word(doc, span).is_some_and(|w| FINITE.contains(&w)) {
            return false;
        }
        self.when.iter().all(|w| w.holds(doc, span))
    }
}

impl When {
    fn holds(&self, doc: &Document, span: Span) -> bool {
        match self {
            When::NextIs(words) => next_word(doc, span).is_some_and(|w| words.contains(&w)),
            When::NextIsNot(words) => !next_word(doc, span).is_some_and(|w| words.contains(&w)),
            When::PrevIs(words) => prev_word(doc, span).is_some_and(|w| words.contains(&w)),
            When::PrevIsNot(words) => !prev_word(doc, span).is_some_and(|w| words.contains(&w)),
            When::Test(f) => f(doc, span),
        }
    }
}

/// The lower-cased token right after the span, within its sentence (punctuation included).
pub fn next_word<'d>(doc: &'d Document, span: Span) -> Option<&'d str> {
    nth_after(doc, span, 0)
}

/// The lower-cased token `n` places after the span's end, within its sentence.
pub fn nth_after<'d>(doc: &'d Document, span: Span, n: usize) -> Option<&'d str> {
    let i = span.last + n;
    let sentence = doc.sentences.get(doc.sentence_of(span.first))?;
    (i < sentence.tokens.end && i < doc.tokens.len()).then(|| doc.low(i))
}

/// The lower-cased token right before the span, within its sentence.
pub fn prev_word<'d>(doc: &'d Document, span: Span) -> Option<&'d str> {
    nth_before(doc, span, 0)
}

/// The lower-cased token `n` places before the span's start, within its sentence.
pub fn nth_before<'d>(doc: &'d Document, span: Span, n: usize) -> Option<&'d str> {
    let i = span.first.checked_sub(n + 1)?;
    let sentence = doc.sentences.get(doc.sentence_of(span.first))?;
    (i >= sentence.tokens.start).then(|| doc.low(i))
}

/// Token indexes before the span, back to the start of its clause (a comma, semicolon,
/// colon, dash or the sentence start), nearest first.
pub fn clause_before<'d>(doc: &'d Document, span: Span) -> impl Iterator<Item = usize> + 'd {
    let start = doc.sentences.get(doc.sentence_of(span.first)).map_or(0, |s| s.tokens.start);
    (start..span.first.min(doc.tokens.len())).rev().take_while(move |&i| {
        !(doc.tokens[i].kind == TokenKind::Punct && matches!(doc.low(i), "," | ";" | ":" | "—" | "–" | "(" | ")"))
    })
}

/// The span starts its sentence (after any opening quotes or brackets).
pub fn starts_sentence(doc: &Document, span: Span) -> bool {
    let start = doc.sentences.get(doc.sentence_of(span.first)).map_or(0, |s| s.tokens.start);
    (start..span.first).all(|i| doc.tokens[i].kind == TokenKind::Punct)
}

/// Capitalised in the middle of a sentence: a name or a title ("Theresa May", "Might and
/// Magic"), not the hedge. A capital after a colon or an opening quote is a new sentence.
pub fn is_name_case(doc: &Document, span: Span) -> bool {
    if !doc.is_capitalized(span.first) || starts_sentence(doc, span) || in_headline_case(doc, span) {
        return false;
    }
    // Sentence adverbs are not names: a capital "Perhaps" after a heading with no full
    // stop ("Madden NFL 06 Perhaps the most…") opens a sentence the splitter missed.
    if doc.low_in(span.first, SENTENCE_ADVERBS) {
        return false;
    }
    !matches!(prev_word(doc, span), Some(":" | "\"" | "“" | "‘" | "'" | "(" | "[" | "—" | "–"))
}

/// Hedging adverbs that never name anyone.
const SENTENCE_ADVERBS: &[&str] = &[
    "perhaps",
    "probably",
    "possibly",
    "apparently",
    "allegedly",
    "reportedly",
    "presumably",
    "supposedly",
    "purportedly",
    "seemingly",
    "potentially",
    "conceivably",
    "ostensibly",
    "reputedly",
];

/// Capitals that say nothing about names: an all-capital word ("COULD") or a headline
/// in title case ("Why the Move Could Backfire"), judged on a few words either side.
fn in_headline_case(doc: &Document, span: Span) -> bool {
    let word = doc.tok(span.first);
    if word.len() > 1 && !word.chars().any(char::is_lowercase) {
        return true;
    }
    let sentence = doc.sentences.get(doc.sentence_of(span.first)).map_or(0..0, |s| s.tokens.clone());
    let near = span.first.saturating_sub(6).max(sentence.start)..(span.last + 6).min(sentence.end);
    // Short words ("of", "the") stay lower case in titles; count the longer ones.
    let mut long = 0;
    for i in near.filter(|&i| i != span.first && doc.is_word(i) && doc.tok(i).len() > 3) {
        if !doc.is_capitalized(i) {
            return false;
        }
        long += 1;
    }
    long >= 3
}

/// Finite verbs and modals: a clause has begun ("believe the fire was set").
pub const FINITE: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should",
    "must", "did", "does", "do", "shall", "won't", "wo",
];

/// The word after the span opens a clause ("think that…", "believe the fire was set",
/// "suspect he fled"), as a belief verb needs; not an object ("believe his father",
/// "believe this", "suspects in six cases").
pub fn clause_follows(doc: &Document, span: Span) -> bool {
    clause_after(doc, span, false)
}

/// Like `clause_follows`, but only a finite verb will do ("suggested Israel was willing",
/// not "suggested the plan to the board").
pub fn finite_clause_follows(doc: &Document, span: Span) -> bool {
    clause_after(doc, span, true)
}

/// Pronouns that open a clause as its subject.
pub const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "you"];

fn clause_after(doc: &Document, span: Span, need_finite: bool) -> bool {
    // A closing quote or an opening bracket stands between the verb and its clause:
    // 'are "highly confident" the offer will…', "I suspect (the departure) will…".
    let quotes =
        (0..2).take_while(|&n| matches!(nth_after(doc, span, n), Some("\"" | "”" | "’" | "'" | "(" | "`"))).count();
    let span = Span { first: span.first, last: span.last + quotes };
    let Some(next) = next_word(doc, span) else { return false };
    if next == "that" || next == "there" || SUBJECT_PRONOUNS.contains(&next) {
        return true;
    }
    // A parenthetical belief: "they believe, was lost", "I think, a sense of…".
    if next == "," && !need_finite && prev_word(doc, span).is_some_and(|p| SUBJECT_PRONOUNS.contains(&p)) {
        return true;
    }
    if doc.tokens.get(span.last).is_none_or(|t| t.kind == TokenKind::Punct) || matches!(next, "and" | "or" | "so") {
        return false;
    }
    // A short object that ends the clause ("believe his father.") is not a claim; a
    // finite verb (past an appositive: "believe this man, James Kopp, is"), or a longer
    // stretch of words, is ("believe the fire was set").
    let sentence_end = doc.sentences.get(doc.sentence_of(span.first)).map_or(0, |s| s.tokens.end).min(doc.tokens.len());
    let ahead = || (span.last..sentence_end).take(9);
    let words = ahead().take_while(|&i| doc.tokens[i].kind != TokenKind::Punct || is_title_dot(doc, i)).count();
    let ends = |i: usize| matches!(doc.low(i), "." | ";" | "?" | "!" | ":") && !is_title_dot(doc, i);
    let finite = ahead().take_while(|&i| !ends(i)).any(|i| {
        let w = doc.low(i);
        FINITE.contains(&w) || ["'s", "’s", "'re", "’re", "'ll", "n't"].iter().any(|e| w.ends_with(e))
    });
    finite || (!need_finite && words >= 4)
}

/// The dot of a short capitalised abbreviation ("Mr.", "Dr.", "Gen."), which does not
/// end the clause: "believe Mr. Antar's gains are…".
fn is_title_dot(doc: &Document, i: usize) -> bool {
    doc.low(i) == "."
        && i > 0
        && doc.is_capitalized(i - 1)
        && doc.tok(i - 1).len() <= 4
        && doc.tokens[i - 1].end == doc.tokens[i].start
}

/// "sees X as Y", "consider themselves to be": an "as" or a "to be" within the next few
/// words (a judgement about X), not a comparison ("as often as", "as well").
pub fn as_follows(doc: &Document, span: Span) -> bool {
    let Some(n) = (0..5).find(|&n| matches!(nth_after(doc, span, n), Some("as") | Some("to"))) else { return false };
    match nth_after(doc, span, n) {
        Some("to") => n > 0 && nth_after(doc, span, n + 1) == Some("be"),
        _ => {
            n > 0
                && !matches!(
                    nth_after(doc, span, n + 1),
                    Some("often" | "well" | "soon" | "much" | "many" | "long" | "far" | "usual")
                )
        }
    }
}

/// The sentence holds a condition ("if", "unless", "provided"): a modal in it is the
/// consequence of the condition, which is not hedging.
pub fn in_conditional_sentence(doc: &Document, span: Span) -> bool {
    doc.sentences
        .get(doc.sentence_of(span.first))
        .is_some_and(|s| s.tokens.clone().any(|i| matches!(doc.low(i), "if" | "unless" | "provided" | "providing")))
}

/// Forms of "to be" and the words that go between them and a participle.
pub const BE: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "'s",
    "’s",
    "am",
    "widely",
    "generally",
    "also",
    "still",
    "long",
    "often",
    "commonly",
    "now",
    "once",
    "originally",
    "largely",
    "mostly",
    "sometimes",
    "traditionally",
    "popularly",
];

/// Negations and limits that turn "could" into (in)ability: "could not be reached".
pub const NEGATION: &[&str] = &["not", "n't", "never", "no", "hardly", "barely", "scarcely", "only", "nt"];

/// Determiners and possessives: a noun follows.
pub const DETERMINER: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "all",
    "some", "any", "no", "every", "each", "another", "military", "economic",
];
