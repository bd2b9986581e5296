//! The learned model of machine-translated English: how its word sequences differ
//! from native English, trained by `cargo xtask train-translation` on the dev
//! splits (round trips, DeepL/Google and WMT systems against native news and
//! human translations of the same news) and shipped as data (`model.bin`).
//!
//! Two parts share one vocabulary of native English words ranked by frequency:
//! - **the document model**: a logistic regression over hashed n-grams (1–3) of
//!   each sentence in which the most frequent words stand as themselves and every
//!   other word as its shape (capitalised, number, "-ing", "-ed"…), plus the style
//!   statistics of `style.rs`. Content words never appear, so the model learns
//!   how MT builds sentences rather than what German or Chinese news is about; the
//!   human translations of the same news among the negatives keep topic out too.
//! - **the phrase table**: word pairs (words of the vocabulary as themselves,
//!   others as shapes) far more frequent in MT than in native text, each with its
//!   log-ratio: the evidence behind the `unnatural-phrase` marks.
//!
//! On native targets the trained file is compiled in; in the browser the engine
//! fetches it when first needed and hands it to `install` (the Wasm code stays
//! small). Without a model the rules still mark and the verdict says it is
//! unavailable.

use std::borrow::Cow;
use std::cell::Cell;
use std::sync::OnceLock;

use super::cues;
use super::style::{Profile, STATS};
use super::vocab::Vocab;
use crate::text::{word_hash, Document, Token, TokenKind};

const MAGIC: &[u8; 4] = b"CVTM";
const VERSION: u8 = 1;

/// The n-gram orders of the document model.
pub const ORDERS: [usize; 3] = [1, 2, 3];

/// A token as the model sees it: a vocabulary word (its rank) or a shape.
pub type Elem = u32;
/// Shapes sit above every possible rank.
const SHAPE: Elem = 1 << 24;
const SENTENCE_START: Elem = SHAPE;
const SENTENCE_END: Elem = SHAPE + 1;
const NUMBER: Elem = SHAPE + 2;
const ALL_CAPS: Elem = SHAPE + 3;
const CAPITAL_FIRST: Elem = SHAPE + 4;
const CAPITAL: Elem = SHAPE + 5;
const WORD: Elem = SHAPE + 6;
/// "-ing", "-ed", "-ly", "-tion", "-s" words: `WORD_SUFFIX + k`.
const WORD_SUFFIX: Elem = SHAPE + 8;
/// Their suffixes, in that order (`lower_shape` tests them).
#[cfg(test)]
const SUFFIXES: [&[u8]; 5] = [b"ing", b"ed", b"ly", b"tion", b"s"];
/// Punctuation: `PUNCT + ` its first character.
const PUNCT: Elem = SHAPE + 64;

/// Counts of keys that are hashes already (`ngram_hash`): open addressing on their
/// low bits, at most half full (a few lines of code, where a `HashMap` instance would
/// add kilobytes to the Wasm). A count of 0 marks an empty slot.
///
/// The score sums the features in the order of this table's slots, so the table's
/// layout is part of the model's output: `Oracle::add` (in the tests) says what it
/// is, and `bump_all` and `settle` build the same table with fewer instructions.
struct Counter {
    slots: Vec<Slot>,
    len: usize,
}

/// A key and its count (0: an empty slot, whatever its key).
type Slot = (u64, u32);

/// The smallest table: `Counter::new`'s.
const FIRST_SLOTS: usize = 1024;
/// Tables kept for later texts: one of each size from `FIRST_SLOTS` up to this many
/// slots (a larger one comes zeroed from the system).
const SPARE_SIZES: usize = 7;

thread_local! {
    /// Tables of earlier texts, every slot empty again, by size (`spare_index`): a
    /// page is analysed a few KB at a time, and zeroing three fresh tables for each
    /// chunk cost a third as much as counting its n-grams.
    static SPARE: [Cell<Vec<Slot>>; SPARE_SIZES] = const { [const { Cell::new(Vec::new()) }; SPARE_SIZES] };
}

/// Where a table of `size` slots is kept among the spare ones.
fn spare_index(size: usize) -> usize {
    (size / FIRST_SLOTS).trailing_zeros() as usize
}

/// `size` empty slots: a spare table of that size, else a new one.
fn spare_table(size: usize) -> Vec<Slot> {
    let spare = SPARE.with(|spare| spare.get(spare_index(size)).map(Cell::take));
    match spare {
        Some(slots) if slots.len() == size => slots,
        // Written through, not zeroed: zeroed memory comes as the system's zero page,
        // mapped at the first probe and copied at the first count, two faults a page
        // and, while another thread of the process runs, a TLB flush on its core.
        _ => vec![(u64::MAX, 0); size],
    }
}

/// Keeps `slots`, every one of them empty, for a later table of its size.
fn keep_spare(slots: Vec<Slot>) {
    SPARE.with(|spare| {
        if let Some(kept) = spare.get(spare_index(slots.len())) {
            kept.set(slots);
        }
    });
}

impl Counter {
    /// The table as `add` leaves it after its first call: `FIRST_SLOTS` empty slots.
    fn new() -> Counter {
        Counter { slots: spare_table(FIRST_SLOTS), len: 0 }
    }

    /// `add(h, 1)` of each key in turn, except that the table grows only when a new key
    /// needs the room (`add` grows at any key once the table is half full, one it holds
    /// too). The keys and the order in which they arrive are the same either way, and
    /// so is every table grown from them; `settle` makes up for a growth `add` would
    /// have made at a key held already, after the last new one.
    ///
    /// The slots and the count stay in locals between growths: with the table's
    /// fields behind `&mut self` and a call in the loop, the compiler reloaded them at
    /// every key.
    #[inline(always)]
    fn bump_all(&mut self, keys: impl Iterator<Item = u64>) {
        let mut slots = self.slots.as_mut_slice();
        let mut len = self.len;
        'keys: for h in keys {
            let size = slots.len();
            let mask = size.wrapping_sub(1);
            let mut i = h as usize & mask;
            while let Some(slot) = slots.get_mut(i) {
                if slot.1 == 0 {
                    if 2 * (len + 1) > size {
                        break; // the table grows first
                    }
                    *slot = (h, 1);
                    len += 1;
                    continue 'keys;
                }
                if slot.0 == h {
                    slot.1 += 1;
                    continue 'keys;
                }
                i = (i + 1) & mask;
            }
            self.len = len;
            self.grow_and_insert(h);
            len = self.len;
            slots = self.slots.as_mut_slice();
        }
        self.len = len;
    }

    /// Adds key `h`, which the table does not hold, with a count of 1, growing the
    /// table first if it is half full.
    #[cold]
    #[inline(never)]
    fn grow_and_insert(&mut self, h: u64) {
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
        }
        let i = empty_slot(&self.slots, h);
        if let Some(slot) = self.slots.get_mut(i) {
            *slot = (h, 1);
            self.len += 1;
        }
    }

    /// After the last key bumped, `last`: the growth `add` would have made at
    /// that last call, when it found the table half full and `last` in it already
    /// (a count above 1: it was not new then).
    fn settle(&mut self, last: u64) {
        let mask = self.slots.len() - 1;
        let mut i = last as usize & mask;
        while let Some(&(h, c)) = self.slots.get(i) {
            if c == 0 {
                return;
            }
            if h == last {
                if c > 1 && 2 * (self.len + 1) > self.slots.len() {
                    self.grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// The table doubled, its keys re-added in slot order (to the first empty slot from
    /// their own: no key is there twice). The old table, emptied on the way, is kept
    /// for another.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let mut slots = spare_table(2 * self.slots.len());
        take_counted(&mut self.slots, |old| {
            let i = empty_slot(&slots, old.0);
            if let Some(slot) = slots.get_mut(i) {
                *slot = old;
            }
        });
        keep_spare(std::mem::replace(&mut self.slots, slots));
    }

    /// Each key with its count, in slot order; the table, emptied, is kept for another.
    fn into_features(mut self) -> Vec<(u64, u32)> {
        let mut features = Vec::with_capacity(self.len);
        take_counted(&mut self.slots, |slot| features.push(slot));
        keep_spare(self.slots);
        features
    }
}

/// `f` of each counted slot, in slot order, each emptied once read. Four slots a turn:
/// a table is half empty or more, and the loop's own instructions, once a slot, cost
/// as much as reading it (two a turn saved 4.0M instructions on 228 texts of 4 KB,
/// four 1.2M more).
#[inline(always)]
fn take_counted(slots: &mut [Slot], mut f: impl FnMut(Slot)) {
    let mut take = |slot: &mut Slot| {
        if slot.1 > 0 {
            f(*slot);
            slot.1 = 0;
        }
    };
    let mut fours = slots.chunks_exact_mut(4);
    for four in &mut fours {
        for slot in four {
            take(slot);
        }
    }
    for slot in fours.into_remainder() {
        take(slot);
    }
}

/// The first empty slot from key `h`'s own.
fn empty_slot(slots: &[Slot], h: u64) -> usize {
    let mask = slots.len().wrapping_sub(1);
    let mut i = h as usize & mask;
    while slots.get(i).is_some_and(|s| s.1 != 0) {
        i = (i + 1) & mask;
    }
    i
}

pub struct Model {
    /// Lower-case word -> rank (0 = most frequent in native text).
    vocab: Vocab,
    vocab_len: u32,
    /// Per rank, the word's shape when it has no capital (`lower_shape`), less `SHAPE`:
    /// what it stands as among the n-grams when it is not a function word.
    lower_shapes: Vec<u8>,
    /// Per rank, the word's cue bits (`cues::by_rank`): nine words in ten of news are
    /// vocabulary words, which take their bits from here rather than from a probe.
    cue_bits: Vec<u32>,
    /// Words of rank below this stand as themselves in the document model.
    pub function_words: u32,
    bits: u32,
    scale: f32,
    pub bias: f32,
    /// Per style statistic: mean, spread, weight (of the standardised value).
    style: Vec<[f32; 3]>,
    /// The document model's weights, one `i8` (as a byte) per bucket: borrowed from a
    /// file compiled in, whose pages the system shares and maps as they are read.
    weights: Cow<'static, [u8]>,
    /// Sorted pair hashes, each with its log-ratio × 16.
    phrases: Vec<(u64, u8)>,
    /// A bit per value of the low 12 bits of the phrases' hashes: nearly every pair of
    /// a text is ruled out by one load, before a search of `phrases`.
    phrase_filter: [u64; 64],
}

/// What the document model says of a text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Score {
    /// The model's logit: bias + n-grams + style.
    pub logit: f64,
    /// The word-sequence n-grams' share of it.
    pub ngrams: f64,
    /// The style statistics' share of it.
    pub style: f64,
}

fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29)
}

/// The hash of an element sequence (an n-gram): the same in training and here.
pub fn ngram_hash(elems: &[Elem]) -> u64 {
    let h = elems.iter().fold(elems.len() as u64, |h, &e| mix(h, u64::from(e)));
    h ^ (h >> 31)
}

/// A token's shape: what it stands as when it is not a vocabulary word the model
/// keeps (`first`: it opens its sentence).
fn shape(doc: &Document, t: &Token, first: bool) -> Elem {
    match t.kind {
        TokenKind::Punct => PUNCT + first_char(doc.text, t.start),
        TokenKind::Number => NUMBER,
        TokenKind::Word => {
            let text = &doc.text.as_bytes()[t.start..t.end];
            if t.upper {
                if text.len() > 1 && text.iter().all(|b| !b.is_ascii_lowercase()) {
                    ALL_CAPS
                } else if first {
                    CAPITAL_FIRST
                } else {
                    CAPITAL
                }
            } else {
                lower_shape(&doc.lower.as_bytes()[t.start..t.end])
            }
        }
    }
}

/// The first character of `text` from byte `at`, its code point's low 16 bits (0 at
/// the end): most punctuation is ASCII, read as its byte without decoding.
fn first_char(text: &str, at: usize) -> Elem {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Elem::from(b),
        _ => text.get(at..).and_then(|s| s.chars().next()).map_or(0, |c| c as u32 & 0xFFFF),
    }
}

/// The shape of a word without a capital, from its lower-case form: its suffix.
/// No two of `SUFFIXES` end in the same byte, so the last byte picks the one suffix
/// to test (the first that the word ends with, as a scan of them would find).
fn lower_shape(low: &[u8]) -> Elem {
    match low.last() {
        Some(b'g') if low.ends_with(b"ing") => WORD_SUFFIX,
        Some(b'd') if low.ends_with(b"ed") => WORD_SUFFIX + 1,
        Some(b'y') if low.ends_with(b"ly") => WORD_SUFFIX + 2,
        Some(b'n') if low.ends_with(b"tion") => WORD_SUFFIX + 3,
        Some(b's') => WORD_SUFFIX + 4,
        _ => WORD,
    }
}

impl Model {
    /// A model from its vocabulary alone (training builds one to extract features).
    pub fn with_vocab(words: &[&str], function_words: u32) -> Model {
        let lower_shapes = words.iter().map(|w| (lower_shape(w.as_bytes()) - SHAPE) as u8).collect();
        let forms = words.iter().map(|w| cues::of_form(w.as_bytes())).collect();
        Model::with_parts(Vocab::new(words), lower_shapes, forms, function_words)
    }

    /// `with_vocab` of the lines of `text` (the file's form of the vocabulary), read
    /// in one pass.
    fn with_vocab_lines(text: &str, function_words: u32) -> Model {
        let mut lower_shapes = Vec::with_capacity(text.len() / 4);
        let mut forms = Vec::with_capacity(text.len() / 4);
        let vocab = Vocab::from_lines(text, |w| {
            lower_shapes.push((lower_shape(w) - SHAPE) as u8);
            forms.push(cues::of_form(w));
        });
        Model::with_parts(vocab, lower_shapes, forms, function_words)
    }

    /// A model of a vocabulary, its words' `lower_shapes` and the cue bits of their
    /// forms (`cues::of_form`), untrained.
    fn with_parts(vocab: Vocab, lower_shapes: Vec<u8>, forms: Vec<u32>, function_words: u32) -> Model {
        let cue_bits = cues::by_rank(forms, |w| vocab.get(w, word_hash(w)));
        Model {
            vocab,
            vocab_len: lower_shapes.len() as u32,
            lower_shapes,
            cue_bits,
            function_words,
            bits: 0,
            scale: 0.0,
            bias: 0.0,
            style: Vec::new(),
            weights: Cow::Borrowed(&[0]),
            phrases: Vec::new(),
            phrase_filter: [0; 64],
        }
    }

    /// Token `i` as an element; `kept` ranks below it stand as themselves.
    fn elem(&self, doc: &Document, i: usize, first: bool, kept: u32) -> Elem {
        self.elem_of(doc, doc.lower.as_bytes(), &doc.tokens[i], doc.hashes[i], first, kept)
    }

    /// `elem` of a token, given with its hash (`elements` reads them from slices of
    /// a sentence, without indexing the document's vectors again) and the document's
    /// lower-case text (read once for all tokens, not again at each).
    #[inline(always)]
    fn elem_of(&self, doc: &Document, lower: &[u8], t: &Token, hash: u32, first: bool, kept: u32) -> Elem {
        let rank = match t.kind {
            TokenKind::Word => lower.get(t.start..t.end).and_then(|low| self.vocab.get(low, hash)),
            _ => None,
        };
        match rank.filter(|&r| r < kept) {
            Some(rank) => rank,
            None => shape(doc, t, first),
        }
    }

    /// The shape of token `i`, the vocabulary word of rank `rank`: `shape`, with the
    /// suffix of a word without a capital looked up by rank (its lower-case form is
    /// the vocabulary word itself).
    fn vocab_shape(&self, doc: &Document, i: usize, rank: Elem, first: bool) -> Elem {
        match (doc.tokens.get(i), self.lower_shapes.get(rank as usize)) {
            (Some(t), Some(&s)) if !t.upper => SHAPE + Elem::from(s),
            (Some(t), _) => shape(doc, t, first),
            // No such token (never: `i` comes from a sentence): the word as itself.
            (None, _) => rank,
        }
    }

    /// Each sentence as elements, `kept` ranks standing as themselves. (Training reads
    /// this; `elements` gives the same elements without a vector per sentence.)
    pub fn sentences(&self, doc: &Document, kept: u32) -> Vec<Vec<(Elem, usize)>> {
        doc.sentences
            .iter()
            .map(|s| s.tokens.clone().map(|i| (self.elem(doc, i, i == s.tokens.start, kept), i)).collect())
            .collect()
    }

    /// Every token as an element, indexed like `doc.tokens`, `kept` ranks standing as
    /// themselves: one vector for the whole text.
    // Out of line: inlined into the whole stage, its loop over the tokens spilled more.
    #[inline(never)]
    pub fn elements(&self, doc: &Document, kept: u32) -> Vec<Elem> {
        let mut out = Vec::with_capacity(doc.tokens.len());
        let lower = doc.lower.as_bytes();
        for s in &doc.sentences {
            // Sentences cover the tokens in order, so `out` stays indexed like them.
            let (tokens, hashes) = (&doc.tokens[s.tokens.clone()], &doc.hashes[s.tokens.clone()]);
            for (i, (t, &hash)) in s.tokens.clone().zip(tokens.iter().zip(hashes)) {
                out.push(self.elem_of(doc, lower, t, hash, i == s.tokens.start, kept));
            }
        }
        out
    }

    /// The document model's features: each distinct n-gram's hash and count, in no
    /// particular order (counted in a table keyed by the n-gram hash itself: sorting
    /// every n-gram cost more than the rest of the model).
    pub fn features(&self, doc: &Document) -> Vec<(u64, u32)> {
        self.features_of(doc, &self.elements(doc, self.function_words))
    }

    /// `features` from the text's `elements` with any cut-off of at least
    /// `function_words` (the analysis has them with the whole vocabulary already, for
    /// the phrase table): the words ranked below the cut-off but not among the
    /// function words stand as their shapes here.
    // Out of line: inlined into the whole stage, its loop over the tokens spilled more.
    #[inline(never)]
    pub fn features_of(&self, doc: &Document, elements: &[Elem]) -> Vec<(u64, u32)> {
        let mut counts = Counter::new();
        let mut seq = Vec::new();
        for s in &doc.sentences {
            seq.clear();
            seq.push(SENTENCE_START);
            let kept = |(i, &e): (usize, &Elem)| {
                if e < SHAPE && e >= self.function_words {
                    self.vocab_shape(doc, i, e, i == s.tokens.start)
                } else {
                    e
                }
            };
            seq.extend(s.tokens.clone().zip(&elements[s.tokens.clone()]).map(kept));
            seq.push(SENTENCE_END);
            // Order by order, as training counts them: the table's layout, and so the
            // order in which the score sums its terms, depends on it. Windows of a
            // fixed length let the compiler unroll each hash.
            counts.bump_all(seq.iter().map(|&e| ngram_hash(&[e])));
            counts.bump_all(seq.windows(2).map(|w| ngram_hash(&[w[0], w[1]])));
            counts.bump_all(seq.windows(3).map(|w| ngram_hash(&[w[0], w[1], w[2]])));
        }
        // The last n-gram counted, of the last sentence: a trigram, or the bigram of a
        // sentence of two elements (every sentence has two at least).
        let last = match seq[..] {
            [.., a, b, c] => Some(ngram_hash(&[a, b, c])),
            [a, b] => Some(ngram_hash(&[a, b])),
            _ => None,
        };
        if let Some(last) = last {
            counts.settle(last);
        }
        counts.into_features()
    }

    /// Feature values as the model weighs them: log(1 + count), scaled to unit length.
    pub fn feature_values(features: &[(u64, u32)]) -> impl Iterator<Item = (u64, f64)> + '_ {
        // Most n-grams occur a few times: their logarithms come from a table (the same
        // values, computed once per text instead of twice per n-gram).
        let small: [f64; 16] = std::array::from_fn(|c| (c as f64).ln_1p());
        let ln_1p = move |c: u32| small.get(c as usize).copied().unwrap_or_else(|| f64::from(c).ln_1p());
        let norm = features.iter().map(|f| ln_1p(f.1).powi(2)).sum::<f64>().sqrt().max(1e-9);
        features.iter().map(move |&(h, c)| (h, ln_1p(c) / norm))
    }

    pub fn bucket(&self, hash: u64) -> usize {
        (hash & ((1u64 << self.bits) - 1)) as usize
    }

    /// The document model's logit for a text whose elements (`features_of`) are
    /// `elements` and whose style statistics are `profile`.
    pub fn score(&self, doc: &Document, elements: &[Elem], profile: &Profile) -> Score {
        let features = self.features_of(doc, elements);
        // `bucket` as a mask of the weights' length less one: there are 1 << `bits` of
        // them (`read` takes that many), and a bucket under the mask needs no bounds test.
        let weights = &self.weights[..];
        let ngrams: f64 = match weights.len().checked_sub(1) {
            Some(mask) => {
                Self::feature_values(&features)
                    .map(|(h, v)| v * f64::from(weights.get(h as usize & mask).map_or(0, |&w| w as i8)))
                    .sum::<f64>()
                    * f64::from(self.scale)
            }
            None => 0.0,
        };
        let style: f64 = self.style_contributions(profile).map(|c| c.0).sum();
        Score { logit: f64::from(self.bias) + ngrams + style, ngrams, style }
    }

    /// Each style statistic's share of the logit, and whether the text is above its mean.
    pub fn style_contributions<'a>(&'a self, profile: &'a Profile) -> impl Iterator<Item = (f64, bool)> + 'a {
        self.style.iter().zip(profile).map(|(s, x)| {
            let d = x - f64::from(s[0]);
            (f64::from(s[2]) * d / f64::from(s[1]).max(1e-6), d >= 0.0)
        })
    }

    /// Whether the phrase table lists a pair of elements.
    pub fn is_phrase(&self, pair: [Elem; 2]) -> bool {
        let h = ngram_hash(&pair);
        self.phrase_filter[(h >> 6) as usize & 63] & (1 << (h & 63)) != 0
            && self.phrases.binary_search_by_key(&h, |p| p.0).is_ok()
    }

    /// The cue bits of the vocabulary's words (`cues::by_rank`), by rank.
    pub fn cue_bits(&self) -> &[u32] {
        &self.cue_bits
    }

    /// Ranks below this stand as themselves in the phrase table.
    pub fn vocab_len(&self) -> u32 {
        self.vocab_len
    }

    /// The file: vocabulary, document model, phrase table.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_bytes(&self, words: &[&str], weights: &[i8], phrases: &[(u64, u8)]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(VERSION);
        let joined = words.join("\n");
        out.extend((joined.len() as u32).to_le_bytes());
        out.extend(joined.as_bytes());
        out.extend(self.function_words.to_le_bytes());
        out.push(weights.len().trailing_zeros() as u8);
        out.extend(self.scale.to_le_bytes());
        out.extend(self.bias.to_le_bytes());
        out.push(self.style.len() as u8);
        for s in &self.style {
            for x in s {
                out.extend(x.to_le_bytes());
            }
        }
        out.extend(weights.iter().map(|&w| w as u8));
        out.extend((phrases.len() as u32).to_le_bytes());
        for &(h, s) in phrases {
            out.extend(h.to_le_bytes());
            out.push(s);
        }
        out
    }

    /// Sets the trained parts (training builds the file with `to_bytes`).
    pub fn set_trained(&mut self, bits: u32, scale: f32, bias: f32, style: Vec<[f32; 3]>) {
        self.bits = bits;
        self.scale = scale;
        self.bias = bias;
        self.style = style;
    }

    /// Reads the file; a truncated or foreign one is an error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        Model::read(bytes, |w| Cow::Owned(w.to_vec()))
    }

    /// `from_bytes` of a file compiled in: the weights stay where they are.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_static(bytes: &'static [u8]) -> Result<Model, String> {
        Model::read(bytes, Cow::Borrowed)
    }

    /// `from_bytes`, the weights kept as `keep` makes them.
    fn read<'a>(bytes: &'a [u8], keep: impl FnOnce(&'a [u8]) -> Cow<'static, [u8]>) -> Result<Model, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC || r.take(1)?[0] != VERSION {
            return Err("not a Caveat translation model (or a version this build cannot read)".into());
        }
        let n = r.u32()? as usize;
        let words = std::str::from_utf8(r.take(n)?).map_err(|_| "the vocabulary is not UTF-8")?;
        let function_words = r.u32()?;
        let bits = u32::from(r.take(1)?[0]);
        if bits > 24 {
            return Err("more hash bits than a model has".into());
        }
        let scale = r.f32()?;
        let bias = r.f32()?;
        let n_style = usize::from(r.take(1)?[0]);
        if n_style != STATS.len() {
            return Err("the model's style weights do not match this build's statistics".into());
        }
        let mut style = Vec::with_capacity(n_style);
        for _ in 0..n_style {
            style.push([r.f32()?, r.f32()?, r.f32()?]);
        }
        let weights = r.take(1 << bits)?;
        let n = r.u32()? as usize;
        let table = r.take(n.checked_mul(9).ok_or("phrase table too large")?)?;
        let phrases: Vec<(u64, u8)> =
            table.chunks_exact(9).map(|c| (u64::from_le_bytes(c[..8].try_into().unwrap_or([0; 8])), c[8])).collect();
        if r.at != bytes.len() {
            return Err("trailing bytes after the phrase table".into());
        }
        if !phrases.windows(2).all(|w| w[0].0 < w[1].0) {
            return Err("the phrase table is not sorted".into());
        }
        if ![scale, bias].iter().chain(style.iter().flatten()).all(|x| x.is_finite()) {
            return Err("a weight is not a finite number".into());
        }
        let mut model = Model::with_vocab_lines(words, function_words);
        model.set_trained(bits, scale, bias, style);
        model.weights = keep(weights);
        for &(h, _) in &phrases {
            model.phrase_filter[(h >> 6) as usize & 63] |= 1 << (h & 63);
        }
        model.phrases = phrases;
        Ok(model)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or("the model file is truncated")?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().map_err(|_| "truncated")?))
    }
    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().map_err(|_| "truncated")?))
    }
}

static INSTALLED: OnceLock<Model> = OnceLock::new();

/// Installs the model from its file's bytes (the browser fetches it). The first
/// good model stays; a bad file is refused with the reason.
pub fn install(bytes: &[u8]) -> Result<(), String> {
    let model = Model::from_bytes(bytes)?;
    let _ = INSTALLED.set(model);
    Ok(())
}

/// The active model: the installed one, else (native builds) the one compiled in.
pub fn get() -> Option<&'static Model> {
    #[cfg(not(target_arch = "wasm32"))]
    if INSTALLED.get().is_none() {
        static BUILT_IN: OnceLock<Option<Model>> = OnceLock::new();
        return BUILT_IN.get_or_init(|| Model::from_static(include_bytes!("model.bin")).ok()).as_ref();
    }
    INSTALLED.get()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_shape_is_the_first_suffix_found() {
        let words = ["", "s", "g", "ing", "sing", "king", "bed", "ed", "d", "fly", "ly", "y", "nation", "tion", "ion"];
        let more =
            ["news", "cats", "bodies", "added", "rotation", "n", "un", "going", "ping", "gong", "yes", "é", "s\u{301}"];
        for w in words.iter().chain(&more) {
            let scan = SUFFIXES.iter().position(|s| w.as_bytes().ends_with(s)).map_or(WORD, |k| WORD_SUFFIX + k as u32);
            assert_eq!(lower_shape(w.as_bytes()), scan, "{w:?}");
        }
        assert!(SUFFIXES.iter().enumerate().all(|(k, s)| lower_shape(s) == WORD_SUFFIX + k as u32));
    }

    /// `first_char` is the first character as `chars` decodes it, ASCII or not.
    #[test]
    fn first_char_equals_decoding() {
        let text = "a.“é—東👍\u{0}\u{7f}\u{80}\u{ffff}\u{10000}\u{1f600}";
        for (at, c) in text.char_indices() {
            assert_eq!(first_char(text, at), c as u32 & 0xFFFF, "{c:?}");
        }
        assert_eq!(first_char(text, text.len()), 0);
        assert_eq!(first_char("", 0), 0);
    }

    #[test]
    fn the_shipped_model_reads() {
        let m = Model::from_bytes(include_bytes!("model.bin")).expect("src/translation/model.bin");
        assert!(m.vocab_len() > m.function_words && m.function_words > 50);
        assert!(!m.phrases.is_empty());
        // Borrowed or copied, the same weights.
        let kept = Model::from_static(include_bytes!("model.bin")).expect("model");
        assert!(matches!(kept.weights, Cow::Borrowed(_)) && matches!(m.weights, Cow::Owned(_)));
        assert_eq!(kept.weights, m.weights);
    }

    /// Each vocabulary word's cue bits by rank are those a probe of the cue table finds.
    #[test]
    fn cue_bits_by_rank_equal_a_probe() {
        let file = include_bytes!("model.bin");
        let m = Model::from_bytes(file).expect("model");
        let n = u32::from_le_bytes(file[5..9].try_into().unwrap()) as usize;
        let words = std::str::from_utf8(&file[9..9 + n]).expect("UTF-8");
        let mut cued = 0;
        for w in words.split('\n').map(str::as_bytes) {
            let rank = m.vocab.get(w, word_hash(w)).expect("a vocabulary word");
            assert_eq!(m.cue_bits()[rank as usize], cues::probed(w), "{:?}", String::from_utf8_lossy(w));
            cued += usize::from(cues::probed(w) != 0);
        }
        assert!(cued > 100, "{cued}");
        let small = Model::with_vocab(&["the", "said", "qatar's", "to", "the", "a"], 2);
        for (rank, w) in ["the", "said", "qatar's", "to"].iter().enumerate() {
            assert_eq!(small.cue_bits()[rank], cues::probed(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn corrupt_files_are_refused_not_panicked_on() {
        let good = include_bytes!("model.bin");
        for cut in [0, 3, 4, 5, 9, 100, good.len() / 2, good.len() - 1] {
            assert!(Model::from_bytes(&good[..cut.min(good.len())]).is_err(), "cut at {cut}");
        }
        let mut longer = good.to_vec();
        longer.push(0);
        assert!(Model::from_bytes(&longer).is_err());
        assert!(Model::from_bytes(b"PK\x03\x04 a zip file").is_err());
        let mut bits = good.to_vec();
        let at = 9 + u32::from_le_bytes(good[5..9].try_into().unwrap()) as usize + 4;
        bits[at] = 60;
        assert!(Model::from_bytes(&bits).is_err());
    }

    #[test]
    fn words_outside_the_kept_ranks_become_shapes() {
        let m = Model::with_vocab(&["the", "of", "said"], 2);
        let doc = Document::new("The van of Clinton said 42 NATO lawyers are running quickly.");
        let elems: Vec<Elem> = m.sentences(&doc, 2)[0].iter().map(|e| e.0).collect();
        // "The" is the vocabulary word "the": case never matters to a vocabulary word.
        let want = [
            0,
            WORD,
            1,
            CAPITAL,
            WORD, // "said": a vocabulary word, but not among the kept ranks
            NUMBER,
            ALL_CAPS,
            WORD_SUFFIX + 4,
            WORD,
            WORD_SUFFIX,
            WORD_SUFFIX + 2,
            PUNCT + '.' as u32,
        ];
        assert_eq!(elems, want);
    }

    /// Texts for the oracles below: a news-like text long enough for the counting
    /// table to grow several times, and odd ones.
    fn oracle_texts() -> Vec<String> {
        let mut long = String::new();
        for k in 0..400 {
            long += &format!(
                "The senator of Texas said {k} times that NATO's plan, \"running\" late, was approved quickly. \
                 Officials in Paris-{k} declined — again! — to comment on the {}th vote.\n",
                k * 7
            );
        }
        let odd = [
            "",
            ".",
            "Ünïcode Wörds, «quotes» and 東京 — fine.",
            "a",
            "The. The the THE tHe",
            "The followers of Lady Clinton gathered on the Thursday. Her lead fell three points of percentage.",
        ];
        std::iter::once(long).chain(odd.iter().map(|s| s.to_string())).collect()
    }

    /// `features` before it counted from `elements`: each sentence's elements as a
    /// vector, then every window of every order.
    fn features_oracle(m: &Model, doc: &Document) -> Vec<(u64, u32)> {
        let mut counts = Oracle::default();
        let mut seq = Vec::new();
        for s in m.sentences(doc, m.function_words) {
            seq.clear();
            seq.push(SENTENCE_START);
            seq.extend(s.iter().map(|e| e.0));
            seq.push(SENTENCE_END);
            for n in ORDERS {
                for h in seq.windows(n).map(ngram_hash) {
                    counts.add(h, 1);
                }
            }
        }
        counts.into_features()
    }

    /// The counting table as it was before `bump_all` and `settle`: `add` grows the table
    /// at any key once it is half full, to a fresh table twice the size.
    #[derive(Default)]
    struct Oracle {
        slots: Vec<Slot>,
        len: usize,
    }

    impl Oracle {
        /// Adds `count` to key `h`, growing first whenever the table is half full: to
        /// twice the size, the keys re-added in slot order.
        fn add(&mut self, h: u64, count: u32) {
            if 2 * (self.len + 1) > self.slots.len() {
                let size = (2 * self.slots.len()).max(1024);
                let old = std::mem::replace(&mut self.slots, vec![(0, 0); size]);
                self.len = 0;
                for (h, c) in old.into_iter().filter(|s| s.1 > 0) {
                    self.add(h, c);
                }
            }
            let mask = self.slots.len() - 1;
            let mut i = h as usize & mask;
            loop {
                let slot = &mut self.slots[i];
                if slot.1 == 0 {
                    *slot = (h, count);
                    self.len += 1;
                    return;
                }
                if slot.0 == h {
                    slot.1 += count;
                    return;
                }
                i = (i + 1) & mask;
            }
        }

        fn into_features(self) -> Vec<(u64, u32)> {
            self.slots.into_iter().filter(|s| s.1 > 0).collect()
        }
    }

    /// A table's slots, each empty one as `None` (a `Counter`'s keeps its old key).
    fn layout(slots: &[Slot]) -> Vec<Option<Slot>> {
        slots.iter().map(|&s| (s.1 > 0).then_some(s)).collect()
    }

    /// `bump_all` and `settle` leave the table `add` leaves, around every growth: keys
    /// that crowd a few home slots (and wrap around the end), sequences that end on a
    /// new key and on one held already when the table is half full.
    #[test]
    fn bump_and_settle_equal_add() {
        let crowded = |k: u64| (k % 7) * 1023 + (k / 7) * 0x1_0000_0000 + k % 3;
        let spread = |k: u64| mix(k, 1);
        for key in [&crowded as &dyn Fn(u64) -> u64, &spread] {
            for n in (500..=516).chain(1020..=1030).chain(2040..=2052) {
                for repeat in [None, Some(0), Some(n - 1)] {
                    let keys: Vec<u64> = (0..n).map(key).chain(repeat.map(key)).collect();
                    let mut want = Oracle::default();
                    let mut got = Counter::new();
                    for &h in &keys {
                        want.add(h, 1);
                        got.bump_all(std::iter::once(h));
                    }
                    got.settle(*keys.last().unwrap());
                    assert_eq!(layout(&got.slots), layout(&want.slots), "{n} keys, then {repeat:?}");
                    assert_eq!(got.into_features(), want.into_features());
                }
            }
        }
    }

    /// Tables kept for later texts are empty, and a later text counts the same in one.
    #[test]
    fn spare_tables_come_back_empty() {
        let m = Model::from_bytes(include_bytes!("model.bin")).expect("model");
        for text in oracle_texts().iter().chain(oracle_texts().iter().rev()) {
            let doc = Document::new(text);
            assert_eq!(m.features(&doc), features_oracle(&m, &doc), "{text:?}");
            SPARE.with(|spare| {
                let tables: Vec<Vec<Slot>> = spare.iter().map(Cell::take).collect();
                assert!(tables.iter().any(|t| !t.is_empty()));
                for (k, table) in tables.iter().enumerate() {
                    assert!(table.is_empty() || table.len() == FIRST_SLOTS << k);
                    assert!(table.iter().all(|s| s.1 == 0), "{text:?}");
                }
                for (cell, table) in spare.iter().zip(tables) {
                    cell.set(table);
                }
            });
        }
    }

    /// The same features in the same order (the score sums them in this order).
    #[test]
    fn features_equal_the_oracle() {
        let m = Model::from_bytes(include_bytes!("model.bin")).expect("model");
        for text in oracle_texts() {
            let doc = Document::new(&text);
            let want = features_oracle(&m, &doc);
            assert_eq!(m.features(&doc), want, "{text:?}");
            assert_eq!(m.features_of(&doc, &m.elements(&doc, m.vocab_len())), want, "{text:?}");
        }
    }

    /// The score weighs each n-gram by its `bucket`, bit for bit.
    #[test]
    fn score_weighs_by_bucket() {
        let m = Model::from_bytes(include_bytes!("model.bin")).expect("model");
        assert_eq!(m.weights.len(), 1 << m.bits);
        for text in oracle_texts() {
            let doc = Document::new(&text);
            let elements = m.elements(&doc, m.vocab_len());
            let features = m.features_of(&doc, &elements);
            let want: f64 = Model::feature_values(&features)
                .map(|(h, v)| v * f64::from(m.weights.get(m.bucket(h)).map_or(0, |&w| w as i8)))
                .sum::<f64>()
                * f64::from(m.scale);
            let got = m.score(&doc, &elements, &super::super::style::profile(&doc)).ngrams;
            assert_eq!(got.to_bits(), want.to_bits(), "{text:?}");
        }
    }

    #[test]
    fn elements_equal_the_sentences() {
        let m = Model::from_bytes(include_bytes!("model.bin")).expect("model");
        for text in oracle_texts() {
            let doc = Document::new(&text);
            for kept in [m.function_words, m.vocab_len()] {
                let flat: Vec<Elem> = m.sentences(&doc, kept).iter().flatten().map(|e| e.0).collect();
                assert_eq!(m.elements(&doc, kept), flat, "{text:?}");
            }
        }
    }

    /// The filter in front of the phrase table never drops a listed pair.
    #[test]
    fn is_phrase_equals_a_search_of_the_table() {
        let m = Model::from_bytes(include_bytes!("model.bin")).expect("model");
        let search = |pair: [Elem; 2]| m.phrases.binary_search_by_key(&ngram_hash(&pair), |p| p.0).is_ok();
        let mut listed = 0;
        for text in oracle_texts() {
            let doc = Document::new(&text);
            let elements = m.elements(&doc, m.vocab_len());
            for w in elements.windows(2) {
                assert_eq!(m.is_phrase([w[0], w[1]]), search([w[0], w[1]]));
                listed += usize::from(search([w[0], w[1]]));
            }
        }
        assert!(listed > 0);
        for &(h, _) in &m.phrases {
            assert!(m.phrase_filter[(h >> 6) as usize & 63] & (1 << (h & 63)) != 0);
        }
    }

    #[test]
    fn features_count_every_ngram_of_every_sentence() {
        let m = Model::with_vocab(&["the"], 1);
        let f = m.features(&Document::new("The dog. The dog."));
        // two identical sentences of 3 elements + 2 boundaries: 5 + 4 + 3 n-grams each
        assert_eq!(f.iter().map(|x| x.1).sum::<u32>(), 24);
        assert!(f.iter().all(|x| x.1 == 2), "{f:?}");
    }
}
