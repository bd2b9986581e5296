//! The text model every detector shares, computed once per analysis:
//! paragraphs (lines of text), sentences and tokens, all with UTF-8 byte offsets.

pub mod language;
pub mod offsets;
pub mod sentences;
pub mod tagger;
pub mod tokens;
pub mod words;

use std::ops::Range;

pub use tagger::Tag;
pub use tokens::{Token, TokenKind};

#[derive(Debug, Clone)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Indexes into `Document::tokens`.
    pub tokens: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    /// Indexes into `Document::sentences`.
    pub sentences: Range<usize>,
}

#[derive(Debug)]
pub struct Document<'a> {
    pub text: &'a str,
    /// `text` with ASCII letters lower-cased: same byte offsets, so a token's
    /// lower-case form is `&lower[t.start..t.end]`.
    pub lower: String,
    pub tokens: Vec<Token>,
    /// `word_hash` of each token's lower-case form: lexicon lookups
    /// (`lexicon::WordTable::get_token`) and passage comparisons start from it.
    pub hashes: Vec<u32>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
    /// The tags of the tokens asked about one at a time (`tag`): a rule that looks at
    /// a few cue words pays for the words around them only (see `tag_sentence_of`),
    /// which get the same tags as in `tags`.
    /// One per token, `None` until it is tagged: a token asked about again (the rules
    /// ask about the same few tokens many times) costs one look, not a search for its
    /// sentence nor a borrow.
    token_tags: std::cell::OnceCell<Vec<std::cell::Cell<Option<Tag>>>>,
    /// The tagger's buffers, kept from one span to the next.
    tag_buffers: std::cell::RefCell<TagBuffers>,
    /// `word_count`, counted the first time it is asked for (the summary and the
    /// translation verdict both ask).
    word_count: std::cell::OnceCell<usize>,
}

/// A sentence's words as the tagger reads them, and its tags.
#[derive(Debug, Default)]
struct TagBuffers {
    words: Vec<tagger::Word>,
    tags: Vec<Tag>,
}

thread_local! {
    /// What the tagger derived from the words it has met, kept from one text to the
    /// next (bounded: `tagger::WordMemo`): a page is analysed a chunk of a few KB at a
    /// time and a batch an article at a time, and deriving a word costs more than the
    /// few times one short text meets it.
    static MEMO: std::cell::RefCell<tagger::WordMemo> = std::cell::RefCell::new(tagger::WordMemo::default());
}

/// A fast hash of a short byte string: words are a few bytes long, so a plain
/// byte loop beats anything that needs a copy into a wider word.
#[inline]
pub fn word_hash(w: &[u8]) -> u32 {
    hash_finish(w.iter().fold(0, |h, &b| hash_step(h, b)), w.len())
}

/// `word_hash` a byte at a time (the tokenizer hashes words as it reads them):
/// `hash_step` each byte from 0, then `hash_finish` with the length.
#[inline]
pub(crate) fn hash_step(h: u32, b: u8) -> u32 {
    h.rotate_left(5) ^ u32::from(b)
}

/// How many of `bytes` are `b`: counted in runs of 255 bytes, whose counts fit a
/// byte, so that the compiler compares whole vectors at a time.
pub(crate) fn count_byte(bytes: &[u8], b: u8) -> usize {
    bytes.chunks(255).map(|c| usize::from(c.iter().map(|&x| u8::from(x == b)).sum::<u8>())).sum()
}

/// Where the word that starts at `start` of `bytes` ends (at the first `stop` byte, or
/// the end) and its `word_hash`: a list of words is split and hashed in one pass.
#[inline(always)]
pub(crate) fn hash_to(bytes: &[u8], start: usize, stop: u8) -> (usize, u32) {
    let mut h = 0;
    let mut end = start;
    while let Some(&b) = bytes.get(end) {
        if b == stop {
            break;
        }
        h = hash_step(h, b);
        end += 1;
    }
    (end, hash_finish(h, end - start))
}

/// The length, rotated as if it had been the starting value, then mixed.
#[inline]
pub(crate) fn hash_finish(h: u32, len: usize) -> u32 {
    let h = h ^ (len as u32).rotate_left((len % 32 * 5 % 32) as u32);
    let h = h.wrapping_mul(0x9e37_79b1);
    h ^ (h >> 15)
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Self {
        let (tokens, hashes) = tokens::tokenize_hashed(text);
        let sentences: Vec<Sentence> = sentences::split(text, &tokens)
            .into_iter()
            .map(|r| Sentence { start: tokens[r.start].start, end: tokens[r.end - 1].end, tokens: r })
            .collect();
        let mut paragraphs = Vec::new();
        let mut first = 0;
        for i in 0..sentences.len() {
            let next_starts_line = sentences.get(i + 1).is_none_or(|s| tokens[s.tokens.start].newline_before);
            if next_starts_line {
                paragraphs.push(Paragraph {
                    start: sentences[first].start,
                    end: sentences[i].end,
                    sentences: first..i + 1,
                });
                first = i + 1;
            }
        }
        let lower = text.to_ascii_lowercase();
        Document {
            text,
            lower,
            tokens,
            hashes,
            sentences,
            paragraphs,
            token_tags: std::cell::OnceCell::new(),
            tag_buffers: Default::default(),
            word_count: std::cell::OnceCell::new(),
        }
    }

    /// Every token's part of speech, in token order, tagged sentence by sentence (for
    /// tests and tools: the detectors ask `tag` about the few words they read).
    pub fn tags(&self) -> Vec<Tag> {
        tag_tokens(self.text, &self.lower, &self.tokens, &self.hashes, &self.sentences)
    }

    /// Token `i`'s part of speech (`Tag::Unknown` past the end), the one `tags` gives
    /// it. Tags only the words around `i`, once.
    pub fn tag(&self, i: usize) -> Tag {
        match self.token_tags.get().and_then(|tags| tags.get(i)).and_then(std::cell::Cell::get) {
            Some(tag) => tag,
            None => self.tag_sentence_of(i),
        }
    }

    /// `tag` for a token not tagged yet: its fixed tag (`Tagger::fixed_tag`), else
    /// the tags of the words around it, as far as words of fixed tags on either side.
    #[inline(never)]
    fn tag_sentence_of(&self, i: usize) -> Tag {
        if i >= self.tokens.len() {
            return Tag::Unknown;
        }
        let token_tags = self.token_tags.get_or_init(|| vec![std::cell::Cell::new(None); self.tokens.len()]);
        let tagger = tagger::active();
        let fixed = |k: usize| {
            let t = self.tokens.get(k)?;
            tagger?.fixed_tag(self.lower.as_bytes().get(t.start..t.end)?, *self.hashes.get(k)?)
        };
        // A word whose tag no sentence changes needs no tagging: the rules ask mostly
        // about function words and punctuation.
        if let Some(tag) = fixed(i) {
            if let Some(cell) = token_tags.get(i) {
                cell.set(Some(tag));
            }
            return tag;
        }
        let Some(sentence) = self.sentences.get(self.sentence_of(i)) else { return Tag::Unknown };
        let (first, last) = (sentence.tokens.start, sentence.tokens.end);
        // The tagger reads a word's two neighbours on either side and the two tags before
        // it, and corrects a tag after the fact only after a modal: from two words of
        // fixed tags before `i` (or the sentence's start) to one after it (or the
        // sentence's end), the words get the tags of the whole sentence.
        let mut start = i;
        while start > first {
            if fixed(start - 1).is_none() {
                start -= 1;
            } else if start - 1 == first || fixed(start - 2).is_some() {
                break;
            } else {
                start -= 2;
            }
        }
        let mut end = i + 1;
        while end < last {
            end += 1;
            if fixed(end - 1).is_some() {
                break;
            }
        }
        // The two words of fixed tags need no words before them.
        let from = start.saturating_sub(2).max(first);
        let mut st = self.tag_buffers.borrow_mut();
        tag_span(self.text, &self.lower, &self.tokens, &self.hashes, first..last, from..end, &mut st);
        if let Some(dst) = token_tags.get(from..end) {
            for (d, &t) in dst.iter().zip(&st.tags) {
                d.set(Some(t));
            }
        }
        token_tags.get(i).and_then(std::cell::Cell::get).unwrap_or(Tag::Unknown)
    }

    /// The token's text as written; past the last token, "": rules look ahead by index, and a look past the
    /// end must read as "no such word", never panic (a panic in Wasm kills Caveat
    /// in that tab).
    pub fn tok(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// The token's text with ASCII letters lower-cased ("" past the last token).
    pub fn low(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    /// Token `i` as written is `w` (false past the end): compares lengths before
    /// anything else, so a per-token test costs a few instructions.
    pub fn tok_is(&self, i: usize, w: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.end - t.start == w.len() && self.text.as_bytes().get(t.start..t.end) == Some(w.as_bytes())
        })
    }

    /// Token `i`'s lower-case form is `w` (false past the end); cheap like `tok_is`.
    pub fn low_is(&self, i: usize, w: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.end - t.start == w.len() && self.lower.as_bytes().get(t.start..t.end) == Some(w.as_bytes())
        })
    }

    /// Token `i`'s lower-case form is one of `words`.
    pub fn low_in(&self, i: usize, words: &[&str]) -> bool {
        let Some(t) = self.tokens.get(i) else { return false };
        let len = t.end - t.start;
        words.iter().any(|w| w.len() == len && self.lower.as_bytes().get(t.start..t.end) == Some(w.as_bytes()))
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word && t.upper)
    }

    /// Index of the sentence that holds token `i` (binary search).
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.tokens.end <= i)
    }

    pub fn sentence_text(&self, s: &Sentence) -> &'a str {
        &self.text[s.start..s.end]
    }

    pub fn paragraph_text(&self, p: &Paragraph) -> &'a str {
        &self.text[p.start..p.end]
    }

    /// Number of word tokens (numbers included), the basis of densities.
    pub fn word_count(&self) -> usize {
        *self.word_count.get_or_init(|| self.tokens.iter().filter(|t| t.kind != TokenKind::Punct).count())
    }
}

/// Each token's tag: the active tagger's, sentence by sentence, or without one the
/// closed-class fallback. (`Document::tags` calls it; public for the benches.)
pub fn tag_tokens(text: &str, lower: &str, tokens: &[Token], hashes: &[u32], sentences: &[Sentence]) -> Vec<Tag> {
    let mut tags = vec![Tag::Unknown; tokens.len()];
    let mut buffers = TagBuffers::default();
    for s in sentences {
        tag_sentence(text, lower, tokens, hashes, s, &mut buffers);
        if let Some(dst) = tags.get_mut(s.tokens.clone()) {
            if dst.len() == buffers.tags.len() {
                dst.copy_from_slice(&buffers.tags);
            }
        }
    }
    tags
}

/// Tags sentence `s` into `out`, one tag per token of the sentence (none if the
/// sentence is not one of `tokens`).
fn tag_sentence(text: &str, lower: &str, tokens: &[Token], hashes: &[u32], s: &Sentence, buffers: &mut TagBuffers) {
    tag_span(text, lower, tokens, hashes, s.tokens.clone(), s.tokens.clone(), buffers);
}

/// Tags the tokens of `span`, within the tokens of a sentence, into `out`, one tag
/// a token (none if the span is not one of `tokens`): `Tagger::tag_first` of the
/// words from the span's start to two past its end.
fn tag_span(
    text: &str,
    lower: &str,
    tokens: &[Token],
    hashes: &[u32],
    sentence: Range<usize>,
    span: Range<usize>,
    TagBuffers { words, tags: out }: &mut TagBuffers,
) {
    out.clear();
    let Some(toks) = tokens.get(span.clone()) else { return };
    let Some(tagger) = tagger::active() else {
        out.extend(toks.iter().map(|t| {
            let w = lower.get(t.start..t.end).unwrap_or_default();
            tagger::fallback(w, t.kind == TokenKind::Punct, t.kind == TokenKind::Number)
        }));
        return;
    };
    let read = span.start..(span.end + 2).min(sentence.end);
    let (Some(toks), Some(hs)) = (tokens.get(read.clone()), hashes.get(read)) else { return };
    words.clear();
    // Bytes, not `str`s: slicing a `str` checks both ends for character boundaries.
    let (text, lower) = (text.as_bytes(), lower.as_bytes());
    words.extend(toks.iter().zip(hs).enumerate().map(|(k, (t, &h))| {
        let l = lower.get(t.start..t.end).unwrap_or_default();
        let w = if t.upper { text.get(t.start..t.end).unwrap_or_default() } else { l };
        tagger::Word::of_token(w, l, h, t.upper, span.start + k == sentence.start)
    }));
    MEMO.with(|memo| {
        // Always free (tagging calls nothing that tags); else no tags, never a panic in Wasm.
        if let Ok(mut memo) = memo.try_borrow_mut() {
            tagger.tag_first(words, span.len(), &mut memo, out);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_byte_counts_across_runs() {
        for n in [0, 1, 254, 255, 256, 600] {
            let bytes: Vec<u8> = (0..n).map(|i| if i % 3 == 0 { b'\n' } else { b'a' }).collect();
            assert_eq!(count_byte(&bytes, b'\n'), bytes.iter().filter(|&&b| b == b'\n').count(), "{n}");
        }
    }

    #[test]
    fn hash_to_splits_and_hashes() {
        let bytes = b"said the\n\nx";
        assert_eq!(hash_to(bytes, 0, b' '), (4, word_hash(b"said")));
        assert_eq!(hash_to(bytes, 5, b'\n'), (8, word_hash(b"the")));
        assert_eq!(hash_to(bytes, 9, b'\n'), (9, word_hash(b"")));
        assert_eq!(hash_to(bytes, 10, b'\n'), (11, word_hash(b"x")));
        assert_eq!(hash_to(bytes, 11, b'\n'), (11, word_hash(b"")));
    }

    #[test]
    fn paragraphs_are_lines() {
        let d = Document::new("One. Two.\n\nThree.\nFour");
        let ps: Vec<_> = d.paragraphs.iter().map(|p| d.paragraph_text(p)).collect();
        assert_eq!(ps, vec!["One. Two.", "Three.", "Four"]);
        assert_eq!(d.paragraphs[0].sentences, 0..2);
    }

    #[test]
    fn lower_keeps_offsets() {
        let d = Document::new("Émile SAID “Yes”");
        assert_eq!(d.low(1), "said");
        assert_eq!(d.tok(0), "Émile");
        assert_eq!(d.word_count(), 3);
    }

    #[test]
    fn capitalized_and_hashes_agree_with_the_text() {
        let text = "Émile SAID “Yes” to the iPhone, Ⅻ ⓐ Ⓐ 4X ǅ ß.";
        let d = Document::new(text);
        for i in 0..d.tokens.len() {
            let by_text = d.is_word(i) && d.tok(i).chars().next().is_some_and(char::is_uppercase);
            assert_eq!(d.is_capitalized(i), by_text, "{:?}", d.tok(i));
            assert_eq!(d.hashes[i], word_hash(d.low(i).as_bytes()));
        }
        assert!(!d.is_capitalized(d.tokens.len()));
    }

    #[test]
    fn token_tests_equal_comparing_the_strings() {
        let d = Document::new("To be, or NOT to be: “to” tó.");
        for i in 0..d.tokens.len() {
            for w in ["to", "To", "not", ",", "“", "tó", "t", ""] {
                assert_eq!(d.tok_is(i, w), d.tok(i) == w, "{:?} {w:?}", d.tok(i));
                assert_eq!(d.low_is(i, w), d.low(i) == w, "{:?} {w:?}", d.low(i));
                assert_eq!(d.low_in(i, &[w, "be"]), d.low(i) == w || d.low(i) == "be");
            }
        }
        assert!(!d.tok_is(d.tokens.len(), "to") && !d.low_is(usize::MAX, ""));
    }

    /// `word_hash` in steps equals the hash as first written, seeded with the length.
    #[test]
    fn word_hash_equals_the_hash_seeded_with_the_length() {
        let seeded = |w: &[u8]| {
            let mut h: u32 = w.len() as u32;
            for &b in w {
                h = h.rotate_left(5) ^ u32::from(b);
            }
            let h = h.wrapping_mul(0x9e37_79b1);
            h ^ (h >> 15)
        };
        let long = "x".repeat(70);
        for w in ["", "a", "said", "officials", "abcdefghijklmnopqrstuvwxyz0123456789", "é東", long.as_str()] {
            assert_eq!(word_hash(w.as_bytes()), seeded(w.as_bytes()), "{w:?}");
        }
    }

    /// Tagging the sentence of one token gives that token the tag of the whole document.
    #[test]
    fn one_sentence_tags_equal_the_whole_documents() {
        let text = "May said the can may fall. His will was read.\n\nIf it rains, we could stay. The estimate may rise";
        let whole = Document::new(text);
        for i in (0..whole.tokens.len()).rev().chain([whole.tokens.len(), usize::MAX]) {
            let d = Document::new(text);
            assert_eq!(d.tag(i), whole.tags().get(i).copied().unwrap_or(Tag::Unknown), "token {i}");
            // Its neighbours in other sentences are not tagged yet; asking tags them.
            assert_eq!((0..d.tokens.len()).map(|j| d.tag(j)).collect::<Vec<_>>(), whole.tags());
        }
        assert_eq!(Document::new("").tag(0), Tag::Unknown);
    }

    /// Tokens asked one at a time, in any order, get the tags of the whole document:
    /// each asks for the words around it only, started after words of fixed tags.
    #[test]
    fn tags_asked_in_any_order_equal_the_whole_documents() {
        let text = "May said the can may fall, and the Can sold well in May. His will was read to the \
                    jury's members; they may have agreed that it could rise. “It's over,” U.S. officials \
                    told 12 reporters in 1960 -- e.g. the well-known AP -- as prices may fall further. \
                    Considering the risks, Theresa May met the president on Friday. The estimate may rise";
        let whole = Document::new(text);
        let n = whole.tokens.len();
        let orders: Vec<Vec<usize>> = vec![
            (0..n).collect(),
            (0..n).rev().collect(),
            (0..n).step_by(3).chain((1..n).step_by(3)).chain((2..n).step_by(3)).collect(),
            (0..n).map(|k| (k * 7) % n).collect(),
        ];
        for order in orders {
            let d = Document::new(text);
            for &i in &order {
                assert_eq!(d.tag(i), whole.tags()[i], "token {i} {:?} in {order:?}", d.tok(i));
            }
        }
        for i in 0..n {
            let d = Document::new(text);
            assert_eq!(d.tag(i), whole.tags()[i], "token {i} {:?} alone", d.tok(i));
        }
    }

    #[test]
    fn sentence_of_finds_the_sentence() {
        let d = Document::new("A b. C d. E f.");
        assert_eq!(d.sentence_of(0), 0);
        assert_eq!(d.sentence_of(4), 1);
        assert_eq!(d.sentence_of(8), 2);
    }

    #[test]
    fn past_the_last_token_is_no_word() {
        let doc = Document::new("Bob Smith, a,");
        let n = doc.tokens.len();
        assert_eq!((doc.tok(n - 1), doc.low(n - 1)), (",", ","));
        for i in [n, n + 1, usize::MAX] {
            assert_eq!((doc.tok(i), doc.low(i)), ("", ""));
            assert!(!doc.tok_is(i, "") && !doc.low_is(i, "") && !doc.is_word(i));
        }
    }

    #[test]
    fn empty_and_blank_texts() {
        for t in ["", "   \n\n  ", "\u{0}"] {
            let d = Document::new(t);
            assert!(d.paragraphs.len() <= 1);
        }
    }
}
