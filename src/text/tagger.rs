//! Part-of-speech tags for every token, computed once in `Document::new`.
//!
//! A greedy averaged perceptron over hashed features (the word, its neighbours, its
//! suffix and shape, the two tags before it), trained on the Brown corpus by
//! `cargo xtask train-tagger` and shipped as `tagger.bin`: one signed byte per tag per
//! bucket, plus a dictionary of frequent words that (nearly) always carry one tag,
//! which are tagged without scoring. Native builds embed the file; the Wasm module
//! does not (every byte of it is downloaded into every page): there the bytes come at
//! run time through `install`, and until then tokens get `fallback` tags (closed-class
//! words and punctuation only, `Tag::Unknown` for the rest).
//!
//! Layout of `tagger.bin` (little-endian): "CTG2", bits (u8), tags (u8), scale (f32),
//! dictionary length (u32), that many (word hash u32, tag u8) entries in increasing
//! hash order, 2^bits × tags weights (i8, bucket-major), then a checksum (u32, see
//! `checksum`) of everything before it.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::word_hash;
use super::words;

/// Universal parts of speech, plus the finer verb forms, modals and possessives the
/// detectors ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Tag {
    /// Common noun: "election", "reports", "Friday".
    Noun,
    /// Proper noun: "Atlanta", "May" (the month and the name).
    Propn,
    /// Personal, reflexive, indefinite and wh- pronouns: "he", "them", "anyone", "who".
    Pron,
    /// A possessive: "his", "their", "hers", "whose", "Atlanta's", "the jury's".
    Poss,
    /// Articles, determiners and quantifiers: "the", "this", "many", "all", existential "there".
    Det,
    /// Adjectives and ordinals: "recent", "larger", "third".
    Adj,
    /// Adverbs, qualifiers and wh-adverbs: "often", "very", "when".
    Adv,
    /// Prepositions: "of", "in", "by".
    Adp,
    /// Subordinating conjunctions: "that", "if", "whether", "because".
    Sconj,
    /// Coordinating conjunctions: "and", "or", "but".
    Cconj,
    /// Cardinal numbers: "two", "1960", "8,600".
    Num,
    /// Particles: infinitive "to", "up" in "give up", "not" and "n't".
    Part,
    /// Modal verbs: "may", "can", "would", "can't".
    Modal,
    /// A verb's base or present form: "say", "says", "is", "have", "do".
    Verb,
    /// Past tense: "said", "was", "had", "did".
    VerbPast,
    /// Past participle: "conducted", "been", "had" in "has had".
    VerbPastPart,
    /// Present participle or gerund: "considering", "being".
    VerbGerund,
    /// Punctuation.
    Punct,
    /// Foreign words, interjections, anything else.
    Other,
    /// No tagger is installed and the word is not a closed-class word.
    Unknown,
}

/// The tags the model predicts (every tag but `Unknown`), in `repr` order.
pub const TAGS: [Tag; 19] = [
    Tag::Noun,
    Tag::Propn,
    Tag::Pron,
    Tag::Poss,
    Tag::Det,
    Tag::Adj,
    Tag::Adv,
    Tag::Adp,
    Tag::Sconj,
    Tag::Cconj,
    Tag::Num,
    Tag::Part,
    Tag::Modal,
    Tag::Verb,
    Tag::VerbPast,
    Tag::VerbPastPart,
    Tag::VerbGerund,
    Tag::Punct,
    Tag::Other,
];

/// How many tags the model scores.
pub const N: usize = TAGS.len();

impl Tag {
    pub fn from_index(i: usize) -> Option<Tag> {
        TAGS.get(i).copied()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Tag::Noun => "NOUN",
            Tag::Propn => "PROPN",
            Tag::Pron => "PRON",
            Tag::Poss => "POSS",
            Tag::Det => "DET",
            Tag::Adj => "ADJ",
            Tag::Adv => "ADV",
            Tag::Adp => "ADP",
            Tag::Sconj => "SCONJ",
            Tag::Cconj => "CCONJ",
            Tag::Num => "NUM",
            Tag::Part => "PART",
            Tag::Modal => "MODAL",
            Tag::Verb => "VERB",
            Tag::VerbPast => "VERB:PAST",
            Tag::VerbPastPart => "VERB:PART",
            Tag::VerbGerund => "VERB:GER",
            Tag::Punct => "PUNCT",
            Tag::Other => "X",
            Tag::Unknown => "?",
        }
    }

    /// Any verb form, modals included.
    pub fn is_verb(self) -> bool {
        matches!(self, Tag::Modal | Tag::Verb | Tag::VerbPast | Tag::VerbPastPart | Tag::VerbGerund)
    }

    /// A noun, common or proper.
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::Noun | Tag::Propn)
    }
}

/// One token as the tagger sees it: everything the features need, computed once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Word {
    /// `word_hash` of the normalised lower-case form (see `Word::new`).
    pub hash: u32,
    /// Its last three bytes (see `tail`).
    suffix3: u32,
    /// `SHAPE_*` bits.
    shape: u8,
}

const SHAPE_UPPER: u8 = 1;
const SHAPE_ALL_UPPER: u8 = 2;
const SHAPE_DIGIT: u8 = 4;
const SHAPE_HYPHEN: u8 = 8;
const SHAPE_FIRST: u8 = 16;

impl Word {
    /// `word` as written and `lower`, the same bytes with ASCII letters lower-cased.
    /// Quotes and dashes of every kind read as one quote and one dash (Brown writes
    /// `` and ''); a single dot ending a word without inner dots is dropped ("Mr."
    /// and "Mr" are one word); numbers read as a year or digits.
    /// `lower_hash` is `word_hash(lower)` (`Document::hashes` has it already).
    pub fn new(word: &str, lower: &[u8], lower_hash: u32, first_in_sentence: bool) -> Word {
        let upper = word.chars().next().is_some_and(char::is_uppercase);
        Word::of_token(word.as_bytes(), lower, lower_hash, upper, first_in_sentence)
    }

    /// `Word::new` for a token of a `Document`: its bytes, and whether its first
    /// character is upper-case (`Token::upper`), which the tokenizer knows already.
    /// `word` is read only when `upper`.
    #[inline]
    pub fn of_token(word: &[u8], lower: &[u8], lower_hash: u32, upper: bool, first_in_sentence: bool) -> Word {
        let mut shape = if first_in_sentence { SHAPE_FIRST } else { 0 };
        if upper {
            shape |= SHAPE_UPPER;
            if word.len() > 1 && !word.iter().any(u8::is_ascii_lowercase) {
                shape |= SHAPE_ALL_UPPER;
            }
        }
        let form = normal_form(lower);
        let hash = if std::ptr::eq(form, lower) { lower_hash } else { word_hash(form) };
        Word { hash, suffix3: tail3(form), shape: shape | digit_bits(lower) }
    }
}

/// The `SHAPE_DIGIT` and `SHAPE_HYPHEN` bits of the shape of a word whose lower-case
/// bytes are `lower` (a lone hyphen is no hyphenated word). One table probe a byte
/// (`BYTE_CLASS`) instead of two tests; digits and hyphens are the same in `lower`
/// as in the word as written.
fn digit_bits(lower: &[u8]) -> u8 {
    let class = lower.iter().fold(0u8, |c, &b| c | BYTE_CLASS[usize::from(b)]);
    let mut shape = 0;
    if class & DIGIT != 0 {
        shape |= SHAPE_DIGIT;
    }
    if class & HYPHEN != 0 && lower.len() > 1 {
        shape |= SHAPE_HYPHEN;
    }
    shape
}

const DIGIT: u8 = 2;
const HYPHEN: u8 = 4;

/// `DIGIT` or `HYPHEN` for each byte that is an ASCII digit or '-'.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_digit() {
            DIGIT
        } else if c == b'-' {
            HYPHEN
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The last `k` (at most 3) bytes of `form` as a number, with how many there are and
/// whether they are the whole word: a suffix feature's value, exact and without hashing.
/// (As first written; `tail3` computes it for `k` = 3.)
#[cfg(test)]
fn tail(form: &[u8], k: usize) -> u32 {
    let n = form.len();
    let take = n.min(k);
    let mut v = (take as u32) << 24 | u32::from(n <= k) << 28;
    for (j, &b) in form[n - take..].iter().enumerate() {
        v |= u32::from(b) << (8 * j);
    }
    v
}

/// `tail(form, 3)`, the bytes read by the slice's shape instead of a loop: the
/// suffix of every word the tagger reads.
#[inline]
fn tail3(form: &[u8]) -> u32 {
    let b = |x: &u8| u32::from(*x);
    match form {
        [] => 1 << 28,
        [x] => b(x) | 1 << 24 | 1 << 28,
        [x, y] => b(x) | b(y) << 8 | 2 << 24 | 1 << 28,
        [x, y, z] => b(x) | b(y) << 8 | b(z) << 16 | 3 << 24 | 1 << 28,
        [.., x, y, z] => b(x) | b(y) << 8 | b(z) << 16 | 3 << 24,
    }
}

const QUOTE: &[u8] = b"\"";
const DASH: &[u8] = b"--";
const YEAR: &[u8] = b"!year";
const DIGITS: &[u8] = b"!digits";

#[inline]
fn normal_form(lower: &[u8]) -> &[u8] {
    // Most words start with a letter and end without a dot: they are their own form,
    // told apart where the word is read, without a call.
    if lower.first().is_some_and(u8::is_ascii_lowercase) && lower.last() != Some(&b'.') {
        return lower;
    }
    other_form(lower)
}

/// `normal_form` of a word that does not start with a letter or ends with a dot.
#[inline(never)]
fn other_form(lower: &[u8]) -> &[u8] {
    match lower {
        // " `` '' ' ` “ ” ‘ ’ „ « »
        b"\"" | b"``" | b"''" | b"'" | b"`" | b"\xe2\x80\x9c" | b"\xe2\x80\x9d" | b"\xe2\x80\x98" | b"\xe2\x80\x99"
        | b"\xe2\x80\x9e" | b"\xc2\xab" | b"\xc2\xbb" => QUOTE,
        // -- --- — –
        b"--" | b"---" | b"\xe2\x80\x94" | b"\xe2\x80\x93" => DASH,
        [b'0'..=b'9', ..] => {
            if lower.len() == 4 && lower.iter().all(u8::is_ascii_digit) {
                YEAR
            } else {
                DIGITS
            }
        }
        [rest @ .., b'.'] if !rest.is_empty() && !rest.contains(&b'.') => rest,
        _ => lower,
    }
}

/// Feature templates: each feature's key is its template mixed with a value.
const BIAS: u32 = 0;
const W0: u32 = 1;
const SUF3: u32 = 2;
const SHAPE: u32 = 5;
const T1: u32 = 6;
const T2: u32 = 7;
const T1T2: u32 = 8;
const T1W0: u32 = 9;
const WM1: u32 = 10;
const SUFM1: u32 = 11;
const WM2: u32 = 12;
const WP1: u32 = 13;
const SUFP1: u32 = 14;
const WP2: u32 = 15;

/// How many features a token has. The first byte, the last two bytes and the next
/// word's shape as well (17) gave 0.3 points of Brown dev accuracy (0.9651 against
/// 0.9620) for a sixth more time per scored word.
pub const FEATURES: usize = 14;

/// The previous-tag value before the first word of a sentence (and before that).
const START: u32 = 0x100;
const START2: u32 = 0x101;
/// A word hash standing for "no word" before the start and after the end.
const NONE_BEFORE: u32 = 0x5eed_0001;
const NONE_AFTER: u32 = 0x5eed_0002;

#[inline]
fn key(template: u32, value: u32) -> u32 {
    let h = (value ^ template.wrapping_mul(0x85eb_ca6b)).wrapping_mul(0x9e37_79b1);
    h ^ (h >> 16) ^ template
}

/// The feature keys of word `i` of `words` (one sentence) given the two tags before
/// it (`prev` as `Tag as u32`, or `START`): what training and tagging both score.
/// Both halves, `context_features` and `word_features`, in the order training has
/// always used (the trainer's updates follow it).
#[inline]
pub fn features(words: &[Word], i: usize, prev: u32, prev2: u32, out: &mut [u32; FEATURES]) {
    let [bias, t1, t2, t1t2] = context_features(prev, prev2);
    let [w0, suf3, shape, t1w0, wm1, sufm1, wm2, wp1, sufp1, wp2] = word_features(words, i, prev);
    *out = [bias, w0, suf3, shape, t1, t2, t1t2, t1w0, wm1, sufm1, wm2, wp1, sufp1, wp2];
}

/// How many of a word's features depend on the tags before it alone: `BIAS`, `T1`,
/// `T2` and `T1T2`. Their rows are summed once per pair of tags (`Tagger::context`),
/// not once per word; `word_features` gives the rest.
const CONTEXT_FEATURES: usize = 4;
/// The features that read the words (`T1W0` too: the tag before with the word).
const WORD_FEATURES: usize = FEATURES - CONTEXT_FEATURES;

/// The keys of `features` that depend on the two tags before a word alone.
fn context_features(prev: u32, prev2: u32) -> [u32; CONTEXT_FEATURES] {
    [key(BIAS, 0), key(T1, prev), key(T2, prev2), key(T1T2, prev | prev2 << 10)]
}

/// The keys of `features` that are not `context_features`, in the same order.
#[inline(always)]
fn word_features(words: &[Word], i: usize, prev: u32) -> [u32; WORD_FEATURES] {
    let w = words.get(i).copied().unwrap_or_default();
    let hash_at = |j: Option<usize>, none: u32| j.and_then(|j| words.get(j)).map_or(none, |w| w.hash);
    let wm1 = i.checked_sub(1).and_then(|j| words.get(j));
    let wp1 = words.get(i + 1);
    [
        key(W0, w.hash),
        key(SUF3, w.suffix3),
        key(SHAPE, u32::from(w.shape)),
        key(T1W0, w.hash ^ prev.wrapping_mul(0x2545_f491)),
        key(WM1, wm1.map_or(NONE_BEFORE, |w| w.hash)),
        key(SUFM1, wm1.map_or(NONE_BEFORE, |w| w.suffix3)),
        key(WM2, hash_at(i.checked_sub(2), NONE_BEFORE)),
        key(WP1, wp1.map_or(NONE_AFTER, |w| w.hash)),
        key(SUFP1, wp1.map_or(NONE_AFTER, |w| w.suffix3)),
        key(WP2, hash_at(Some(i + 2), NONE_AFTER)),
    ]
}

/// The values a tag before a word takes in `features`: a tag, `START` or `START2`.
const PREV_VALUES: usize = N + 2;

/// Where the context sums of a pair of tags before a word are in `Tagger::context`.
#[cfg(test)]
fn context_index(prev: u32, prev2: u32) -> usize {
    let at = |p: u32| if p < N as u32 { p as usize } else { N + (p.wrapping_sub(START) as usize).min(1) };
    at(prev) * PREV_VALUES + at(prev2)
}

/// The tag value `features` takes for the tags before the first word.
pub const fn start_tags() -> (u32, u32) {
    (START, START2)
}

/// The bucket of a feature key in a table of 2^bits buckets.
#[inline]
pub fn bucket(key: u32, bits: u8) -> usize {
    (key.wrapping_mul(0x9e37_79b1) >> (32 - u32::from(bits))) as usize
}

const MAGIC: &[u8; 4] = b"CTG2";
/// How many bytes of a row `predict` reads: N rounded up to vector widths.
const ROW: usize = 32;

/// One bucket's weights, one per tag (each an `i8` as a byte), zero-padded to `ROW`
/// bytes: whole vector registers, no scalar tail (`Tagger::row` copies it from the
/// file's `N` bytes in one move).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C, align(32))]
struct Row([u8; ROW]);

impl Row {
    const ZERO: Row = Row([0; ROW]);
}

/// How many sums `predict` keeps: `N` rounded up to whole vectors of eight `i16`s.
const LANES: usize = N.div_ceil(8) * 8;

/// The caps `predict` puts on the scores: none, or the lowest score on a modal.
const NO_CAP: [i16; LANES] = [i16::MAX; LANES];
const NO_MODAL: [i16; LANES] = {
    let mut cap = NO_CAP;
    cap[Tag::Modal as usize] = i16::MIN;
    cap
};

/// Rows summed, widened so that no sum overflows (`FEATURES` × 128 < 2^15).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C, align(64))]
struct Sums([i16; LANES]);

impl Sums {
    const ZERO: Sums = Sums([0; LANES]);
}

/// Rows summed like `Sums`, packed closer (whole vectors still): `WordMemo` keeps
/// five of them for every distinct word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C, align(16))]
struct Lanes([i16; LANES]);

impl Lanes {
    const ZERO: Lanes = Lanes([0; LANES]);
}
const MIN_BITS: u8 = 8;
const MAX_BITS: u8 = 22;

#[derive(Debug, Clone)]
pub struct Tagger {
    bits: u8,
    scale: f32,
    /// Word hashes of the dictionary, in increasing order, and their tags.
    dict: Vec<(u32, Tag)>,
    /// Open-addressing table over `dict`: index + 1, 0 when empty.
    slots: Vec<u32>,
    /// The weights as the file has them: `N` bytes (each an `i8`) a bucket. Borrowed
    /// from a file compiled in, whose pages the system shares and maps as they are
    /// read: a copy cost a quarter of a one-line run's page faults.
    weights: Cow<'static, [u8]>,
    /// The sums of the rows of the `context_features` of each pair of tags before a
    /// word, at `context_index`: integer sums, so adding them first changes no score.
    context: Vec<Sums>,
    /// The row of the `SHAPE` feature of each shape (`SHAPE_*` bits), widened.
    shapes: [Lanes; SHAPES],
    /// Word hashes of "a", "an" and "the": no modal follows them ("the can").
    articles: [u32; 3],
}

/// Two taggers are the same when their files are: the rest follows from those parts.
impl PartialEq for Tagger {
    fn eq(&self, other: &Tagger) -> bool {
        (self.bits, self.scale, &self.dict, &self.weights) == (other.bits, other.scale, &other.dict, &other.weights)
    }
}

/// FNV-1a over 8-byte words (then the last bytes one at a time), folded to 32 bits:
/// every byte and the length count, as with FNV-1a over bytes, at an eighth of the
/// steps. The file is checked where the page waits for its first marks, and a chain
/// of 650 K byte steps took milliseconds there in the browser's first-tier code.
fn checksum(bytes: &[u8]) -> u32 {
    // Four words a step: the chain of multiplications is the same, with a quarter of
    // the loop's own instructions (the file is 650 KB).
    let blocks = bytes.chunks_exact(32);
    let rest = blocks.remainder();
    let mut h = blocks.fold(FNV_START, |h, b| {
        let w = |k: usize| b.get(k..k + 8).and_then(|w| w.try_into().ok()).map_or(0, u64::from_le_bytes);
        fnv_step(fnv_step(fnv_step(fnv_step(h, w(0)), w(8)), w(16)), w(24))
    });
    let words = rest.chunks_exact(8);
    let tail = words.remainder();
    h = words.fold(h, |h, w| fnv_step(h, w.try_into().map_or(0, u64::from_le_bytes)));
    h = tail.iter().fold(h, |h, &b| fnv_step(h, u64::from(b)));
    (h ^ (h >> 32)) as u32
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

#[inline(always)]
fn fnv_step(h: u64, w: u64) -> u64 {
    (h ^ w).wrapping_mul(0x0000_0100_0000_01b3)
}

impl Tagger {
    /// A tagger from its parts; `None` if they do not fit together.
    /// `dict` must be sorted by hash (the file stores it so; training builds it so).
    pub fn new(bits: u8, scale: f32, dict: Vec<(u32, Tag)>, weights: Vec<i8>) -> Option<Tagger> {
        if weights.len() != N << bits.min(MAX_BITS) {
            return None;
        }
        Tagger::from_weights(bits, scale, dict, Cow::Owned(weights.iter().map(|&w| w as u8).collect()))
    }

    /// `new` with the weights as the file's bytes (`from_bytes` keeps them so).
    fn from_weights(bits: u8, scale: f32, dict: Vec<(u32, Tag)>, weights: Cow<'static, [u8]>) -> Option<Tagger> {
        let fits = (MIN_BITS..=MAX_BITS).contains(&bits) && weights.len() == N << bits;
        if !fits || !scale.is_finite() || scale <= 0.0 {
            return None;
        }
        if dict.windows(2).any(|w| w[0].0 >= w[1].0) || dict.iter().any(|e| e.1 == Tag::Unknown) {
            return None;
        }
        let size = (dict.len() * 2).next_power_of_two().max(8);
        let mut slots = vec![0u32; size];
        for (n, &(h, _)) in dict.iter().enumerate() {
            let mut i = h as usize & (size - 1);
            while slots[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = n as u32 + 1;
        }
        let articles = [word_hash(b"a"), word_hash(b"an"), word_hash(b"the")];
        let mut tagger =
            Tagger { bits, scale, dict, slots, weights, articles, context: Vec::new(), shapes: [Lanes::ZERO; SHAPES] };
        tagger.context = (0..PREV_VALUES * PREV_VALUES)
            .map(|n| {
                let prev = |v: usize| if v < N { v as u32 } else { START + (v - N) as u32 };
                tagger.sum_rows(&context_features(prev(n / PREV_VALUES), prev(n % PREV_VALUES)))
            })
            .collect();
        for shape in 0..SHAPES {
            tagger.shapes[shape] = tagger.lanes(&[key(SHAPE, shape as u32)]);
        }
        Some(tagger)
    }

    pub fn bits(&self) -> u8 {
        self.bits
    }

    pub fn dictionary_len(&self) -> usize {
        self.dict.len()
    }

    /// The layout described in the module docs.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(18 + self.dict.len() * 5 + self.weights.len());
        out.extend_from_slice(MAGIC);
        out.push(self.bits);
        out.push(N as u8);
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&(self.dict.len() as u32).to_le_bytes());
        for &(h, t) in &self.dict {
            out.extend_from_slice(&h.to_le_bytes());
            out.push(t as u8);
        }
        out.extend_from_slice(&self.weights);
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Reads `to_bytes`' layout; a short, corrupt or foreign file is an error saying why.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        Tagger::read(bytes, |w| Cow::Owned(w.to_vec()))
    }

    /// `from_bytes` of a file compiled in: the weights stay where they are.
    #[cfg(not(target_arch = "wasm32"))]
    fn from_static(bytes: &'static [u8]) -> Result<Tagger, String> {
        Tagger::read(bytes, Cow::Borrowed)
    }

    /// `from_bytes`, the weights kept as `keep` makes them.
    fn read<'a>(bytes: &'a [u8], keep: impl FnOnce(&'a [u8]) -> Cow<'static, [u8]>) -> Result<Tagger, String> {
        let fail = |why: &str| Err(format!("not a Caveat tagger file: {why}"));
        if bytes.len() < 18 {
            return fail("too short");
        }
        if &bytes[..4] != MAGIC {
            return fail("wrong magic (expected CTG2)");
        }
        let (body, sum) = bytes.split_at(bytes.len() - 4);
        if checksum(body).to_le_bytes() != sum {
            return fail("checksum mismatch (truncated or corrupt)");
        }
        let bits = body[4];
        if !(MIN_BITS..=MAX_BITS).contains(&bits) {
            return fail("bucket bits out of range");
        }
        if usize::from(body[5]) != N {
            return fail("made for another tag set");
        }
        let scale = f32::from_le_bytes([body[6], body[7], body[8], body[9]]);
        let n_dict = u32::from_le_bytes([body[10], body[11], body[12], body[13]]) as usize;
        let dict_end = n_dict.checked_mul(5).and_then(|d| d.checked_add(14));
        let Some(dict_end) = dict_end.filter(|&e| e <= body.len()) else { return fail("dictionary overruns the file") };
        if body.len() - dict_end != N << bits {
            return fail("weights have the wrong length");
        }
        let mut dict = Vec::with_capacity(n_dict);
        for e in body[14..dict_end].chunks_exact(5) {
            let Some(tag) = Tag::from_index(usize::from(e[4])) else { return fail("unknown tag in dictionary") };
            dict.push((u32::from_le_bytes([e[0], e[1], e[2], e[3]]), tag));
        }
        let weights = keep(&body[dict_end..]);
        Tagger::from_weights(bits, scale, dict, weights).map_or_else(|| fail("inconsistent contents"), Ok)
    }

    /// The dictionary's tag for a word hash.
    #[inline]
    pub fn dictionary(&self, hash: u32) -> Option<Tag> {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let s = self.slots[i] as usize;
            let &(h, t) = self.dict.get(s.checked_sub(1)?)?;
            if h == hash {
                return Some(t);
            }
            i = (i + 1) & mask;
        }
    }

    /// The tag of the word whose lower-case bytes are `lower` (`lower_hash` its
    /// `word_hash`) in any sentence, if its sentence cannot change it: a dictionary
    /// word's tag but a modal's (which an article or a possessive before it overrules,
    /// and a past form after it). A rule that asks about such a word then needs no
    /// tagging of its sentence.
    pub(crate) fn fixed_tag(&self, lower: &[u8], lower_hash: u32) -> Option<Tag> {
        let form = normal_form(lower);
        let hash = if std::ptr::eq(form, lower) { lower_hash } else { word_hash(form) };
        self.dictionary(hash).filter(|&t| t != Tag::Modal)
    }

    /// The row of feature key `k`: its bucket's weights, zero-padded.
    #[inline(always)]
    fn row(&self, k: u32) -> Row {
        let mut row = Row::ZERO;
        if let Some(w) = self.weights.get(bucket(k, self.bits) * N..).and_then(<[u8]>::first_chunk::<N>) {
            if let Some(to) = row.0.first_chunk_mut::<N>() {
                *to = *w;
            }
        }
        row
    }

    /// Adds the rows of `keys` to `acc`.
    #[inline(always)]
    fn add_rows(&self, keys: &[u32], acc: &mut [i16; LANES]) {
        for &k in keys {
            let Row(row) = self.row(k);
            for t in 0..LANES {
                acc[t] += i16::from(row[t] as i8);
            }
        }
    }

    /// The sums of the rows of `keys`, and in the lanes past the last tag a score
    /// too low ever to win: those lanes then need no masking in `predict`, which
    /// would cost more than adding them.
    fn sum_rows(&self, keys: &[u32]) -> Sums {
        let mut acc = [i16::MIN / 2; LANES];
        acc[..N].fill(0);
        self.add_rows(keys, &mut acc);
        Sums(acc)
    }

    /// The sums of the rows of `keys`, zero past the last tag.
    fn lanes(&self, keys: &[u32]) -> Lanes {
        let mut acc = [0; LANES];
        self.add_rows(keys, &mut acc);
        Lanes(acc)
    }

    /// The best-scoring tag of word `i` of `words` after the tags `prev` and `prev2`
    /// (see `features`); not `Modal` unless `modal_ok`. Tagging sums the same rows
    /// in another order, through `WordMemo`.
    #[cfg(test)]
    fn predict(&self, words: &[Word], i: usize, (prev, prev2): (u32, u32), modal_ok: bool) -> Tag {
        let Sums(mut acc) = match self.context.get(context_index(prev, prev2)) {
            Some(&sums) => sums,
            None => self.sum_rows(&context_features(prev, prev2)),
        };
        self.add_rows(&word_features(words, i, prev), &mut acc);
        best(&acc, if modal_ok { &NO_CAP } else { &NO_MODAL })
    }
}

/// `context` + `row` + every one of `sums`, lane by lane, into `acc`: a function of
/// its own so that the compiler knows `acc` to be apart from the rest, and adds whole
/// vectors without checking.
/// (Lane indexes, not an iterator over `acc`: that costs a tenth more instructions
/// per scored word, measured.)
#[inline(always)]
#[allow(clippy::needless_range_loop)]
fn sum_into(acc: &mut [i16; LANES], context: &Sums, row: &Row, sums: [&Lanes; 6]) {
    for t in 0..LANES {
        acc[t] = context.0[t] + i16::from(row.0[t] as i8) + sums.iter().map(|s| s.0[t]).sum::<i16>();
    }
}

/// The first best-scoring tag of `scores` (one per tag, then lanes too low to win),
/// each score capped by `cap`. Out of line on purpose: the compiler then keeps the
/// sums in whole vectors while it adds rows, instead of splitting off the lanes
/// this reads one at a time.
#[inline(never)]
fn best(scores: &[i16; LANES], cap: &[i16; LANES]) -> Tag {
    let mut capped = [0; LANES];
    for t in 0..LANES {
        capped[t] = scores[t].min(cap[t]);
    }
    let max = capped.iter().copied().fold(i16::MIN, i16::max);
    // The lanes holding the best score as bits, and the lowest of them: compared in
    // whole vectors, where a search for the first would test one lane at a time.
    let mut at_max = 0u32;
    for (t, &v) in capped.iter().enumerate() {
        at_max |= u32::from(v == max) << t;
    }
    TAGS[(at_max.trailing_zeros() as usize).min(N - 1)]
}

impl Tagger {
    /// Tags one sentence's words into `out` (cleared first).
    pub fn tag_sentence(&self, words: &[Word], out: &mut Vec<Tag>) {
        self.tag_sentence_with(words, &mut WordMemo::default(), out);
    }

    /// `tag_sentence`, with what the tagger derives from each word kept in `memo`
    /// from one sentence to the next: a word met again costs one look-up.
    pub fn tag_sentence_with(&self, words: &[Word], memo: &mut WordMemo, out: &mut Vec<Tag>) {
        self.tag_first(words, words.len(), memo, out);
    }

    /// `tag_sentence_with` of the first `n` of `words` only, into `out` (one tag each),
    /// the rest read as the words after them: a rule that asks about one word pays for
    /// its neighbours only. These are the tags of the same words in their whole
    /// sentence when `words` starts with the sentence or with two words of fixed
    /// tags (`fixed_tag`: the tagger reads the tags before a word, and not the words
    /// before these two), and ends with the sentence or goes on two words after
    /// a word of a fixed tag: a tag is corrected after the fact only when a modal's.
    pub(crate) fn tag_first(&self, words: &[Word], n: usize, memo: &mut WordMemo, out: &mut Vec<Tag>) {
        out.clear();
        out.reserve(n.min(words.len()));
        memo.read_sentence(self, words, n);
        let WordMemo { derived, at, .. } = &*memo;
        // The derived values of the word `k` places into the padded sentence (see
        // `WordMemo::at`): word `i` is at `i + 2`.
        let word_at = |k: usize| at.get(k).and_then(|&d| derived.get(d as usize));
        let place = |k: usize, place: usize| word_at(k).map_or(&Lanes::ZERO, |d| &d.places[place]);
        // The tag before the word as `features` reads it, and the sums of the context
        // features of the two tags before it (at first `START`, `START2`).
        let (mut prev, _) = start_tags();
        let (mut at1, mut at2) = (N, N + 1);
        let mut before: Option<&Word> = None;
        for (i, w) in words.iter().take(n).enumerate() {
            let own = word_at(i + 2);
            // A modal never follows an article or a possessive: "the can", "his will".
            // Asked only of a modal in the dictionary or of a scored word.
            let modal_ok = || before.is_none_or(|b| prev != Tag::Poss as u32 && !self.articles.contains(&b.hash));
            let tag = match own.and_then(|d| d.dictionary) {
                Some(t) if t != Tag::Modal || modal_ok() => t,
                _ => {
                    // Always there: `at1` and `at2` are below `PREV_VALUES`.
                    let context = self.context.get(at1 * PREV_VALUES + at2).unwrap_or(&Sums::ZERO);
                    let shape = self.shapes.get(usize::from(w.shape)).unwrap_or(&Lanes::ZERO);
                    let t1w0 = key(T1W0, w.hash ^ prev.wrapping_mul(0x2545_f491));
                    let t1w0 = &self.row(t1w0);
                    // Every feature of `features`, in other groups: `W0` and `SUF3` in
                    // `own`, `WM1` and `SUFM1` in the word before, and so on.
                    let sums = [
                        own.map_or(&Lanes::ZERO, |d| &d.places[OWN]),
                        shape,
                        place(i + 1, BEFORE),
                        place(i, BEFORE2),
                        place(i + 3, AFTER),
                        place(i + 4, AFTER2),
                    ];
                    let mut acc = [0; LANES];
                    sum_into(&mut acc, context, t1w0, sums);
                    best(&acc, if modal_ok() { &NO_CAP } else { &NO_MODAL })
                }
            };
            // A past form never follows a modal: "May said", "the Can sold" are a name
            // and a noun. Corrected in `out` only: the words after read the modal.
            if prev == Tag::Modal as u32 && matches!(tag, Tag::VerbPast | Tag::VerbPastPart) {
                if let (Some(last), Some(b)) = (out.last_mut(), before) {
                    *last = if b.shape & SHAPE_UPPER != 0 { Tag::Propn } else { Tag::Noun };
                }
            }
            out.push(tag);
            prev = tag as u32;
            (at1, at2) = (tag as usize, at1);
            before = Some(w);
        }
    }
}

/// How many shapes a word can have: every combination of the `SHAPE_*` bits.
const SHAPES: usize = 32;

/// Where a word stands to the word being scored, in `Derived::places`: the word
/// itself (its `W0` and `SUF3` features), right before it (`WM1`, `SUFM1`), two
/// before (`WM2`), right after (`WP1`, `SUFP1`), two after (`WP2`).
const OWN: usize = 0;
const BEFORE: usize = 1;
const BEFORE2: usize = 2;
const AFTER: usize = 3;
const AFTER2: usize = 4;

/// What the tagger derives from one distinct word (its hash and suffix, all that
/// the word features read of it besides the shape): its dictionary tag, and the sums
/// of the rows of its features in each place it can take around a scored word.
/// Integer sums, so adding them in groups gives the scores of `features` exactly.
#[derive(Debug, Clone)]
struct Derived {
    hash: u32,
    suffix3: u32,
    dictionary: Option<Tag>,
    places: [Lanes; 5],
}

/// The templates of the features of a word in each of `Derived::places`: of its
/// hash, and of its suffix (`BIAS` for none).
const PLACES: [(u32, u32); 5] = [(W0, SUF3), (WM1, SUFM1), (WM2, BIAS), (WP1, SUFP1), (WP2, BIAS)];

impl Derived {
    fn new(tagger: &Tagger, hash: u32, suffix3: u32) -> Derived {
        let mut places = [Lanes::ZERO; 5];
        for (sums, &(of_hash, of_suffix)) in places.iter_mut().zip(&PLACES) {
            let keys = [key(of_hash, hash), key(of_suffix, suffix3)];
            *sums = tagger.lanes(if of_suffix == BIAS { &keys[..1] } else { &keys });
        }
        Derived { hash, suffix3, dictionary: tagger.dictionary(hash), places }
    }
}

/// `Derived` for each distinct word a tagger has read, kept from one sentence to
/// the next (`Tagger::tag_sentence_with`): the words of a text repeat, and a word
/// met again costs one look-up instead of nine rows and a dictionary search.
#[derive(Debug, Default)]
pub struct WordMemo {
    /// The address of the tagger the values come from: another tagger starts afresh.
    tagger: usize,
    /// Open addressing over `derived` by word hash: the index, `EMPTY` when empty.
    slots: Vec<u32>,
    derived: Vec<Derived>,
    /// The words being tagged and the two after them as indexes into `derived`, after
    /// two of "no word before" (the hash and suffix `NONE_BEFORE`), then two of
    /// "no word after".
    at: Vec<u32>,
}

/// An empty slot of `WordMemo::slots`. Not 0: a table of zeros comes as the system's
/// zero page, mapped at the first probe and copied at the first word, two faults a
/// page and, while another thread of the process runs, a TLB flush on its core.
const EMPTY: u32 = u32::MAX;

/// At most this many words in a `WordMemo` (3 MB, kept between texts; 1 MB of news
/// has 11,800 distinct words); it starts afresh beyond.
const MEMO_WORDS: usize = 12_288;

/// Where "no word before" and "no word after" are in `WordMemo::derived`.
const NO_WORD_BEFORE: u32 = 0;
const NO_WORD_AFTER: u32 = 1;

impl WordMemo {
    /// Fills `at` for the first `n` of `words` and the two after them, deriving the
    /// words not met before.
    fn read_sentence(&mut self, tagger: &Tagger, words: &[Word], n: usize) {
        let address = std::ptr::from_ref(tagger) as usize;
        // A bound on its memory (a word's entry is 256 bytes): a long text's rare words
        // would otherwise add megabytes, and the frequent ones come back at once.
        let full = self.derived.len() + words.len() > MEMO_WORDS;
        if self.tagger != address || self.derived.is_empty() || full {
            // "No word before" and "no word after" first, where `at` finds them.
            *self = WordMemo { tagger: address, ..WordMemo::default() };
            self.add(tagger, NONE_BEFORE, NONE_BEFORE);
            self.add(tagger, NONE_AFTER, NONE_AFTER);
        }
        self.at.clear();
        self.at.reserve(words.len() + 4);
        self.at.extend([NO_WORD_BEFORE, NO_WORD_BEFORE]);
        for w in words.iter().take(n.saturating_add(2)) {
            let d = self.find_or_add(tagger, w.hash, w.suffix3);
            self.at.push(d);
        }
        self.at.extend([NO_WORD_AFTER, NO_WORD_AFTER]);
    }

    /// The index in `derived` of the word with this hash and suffix.
    #[inline]
    fn find_or_add(&mut self, tagger: &Tagger, hash: u32, suffix3: u32) -> u32 {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = hash as usize & mask;
        while let Some(&s) = self.slots.get(i) {
            if s == EMPTY {
                break;
            }
            if self.derived.get(s as usize).is_some_and(|d| d.hash == hash && d.suffix3 == suffix3) {
                return s;
            }
            i = (i + 1) & mask;
        }
        self.add(tagger, hash, suffix3)
    }

    /// Derives the word with this hash and suffix, which is not in `derived`.
    #[inline(never)]
    fn add(&mut self, tagger: &Tagger, hash: u32, suffix3: u32) -> u32 {
        if self.derived.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        while self.slots.get(i).is_some_and(|&s| s != EMPTY) {
            i = (i + 1) & mask;
        }
        let d = self.derived.len() as u32;
        self.derived.push(Derived::new(tagger, hash, suffix3));
        if let Some(slot) = self.slots.get_mut(i) {
            *slot = d;
        }
        d
    }

    /// Doubles `slots` (at least 64) and places every word again.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(64);
        let mask = size - 1;
        self.slots = vec![EMPTY; size];
        for (n, d) in self.derived.iter().enumerate() {
            let mut i = d.hash as usize & mask;
            while self.slots.get(i).is_some_and(|&s| s != EMPTY) {
                i = (i + 1) & mask;
            }
            if let Some(slot) = self.slots.get_mut(i) {
                *slot = n as u32;
            }
        }
    }
}

static INSTALLED: OnceLock<Tagger> = OnceLock::new();

/// Installs the tagger of `bytes` (the contents of `tagger.bin`) for every later
/// `Document`. Corrupt bytes are an error; a second install is an error unless it
/// brings the same tagger.
pub fn install(bytes: &[u8]) -> Result<(), String> {
    crate::learned::install_once(&INSTALLED, Tagger::from_bytes(bytes)?, "tagger")
}

/// The tagger in use: the installed one, else (natively) the embedded `tagger.bin`.
pub fn active() -> Option<&'static Tagger> {
    INSTALLED.get().or_else(embedded)
}

#[cfg(not(target_arch = "wasm32"))]
fn embedded() -> Option<&'static Tagger> {
    static EMBEDDED: OnceLock<Option<Tagger>> = OnceLock::new();
    EMBEDDED.get_or_init(|| Tagger::from_static(include_bytes!("tagger.bin")).ok()).as_ref()
}

#[cfg(target_arch = "wasm32")]
fn embedded() -> Option<&'static Tagger> {
    None
}

/// A tag without the model: closed-class words, punctuation and numbers get theirs
/// (the most frequent one for ambiguous words), everything else `Tag::Unknown`.
pub fn fallback(lower: &str, is_punct: bool, is_number: bool) -> Tag {
    if is_punct {
        return Tag::Punct;
    }
    if is_number {
        return Tag::Num;
    }
    words::closed_class_tag(lower).unwrap_or(Tag::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    /// The checksum as first written, a word at a time: `checksum` must equal it.
    fn checksum_by_words(bytes: &[u8]) -> u32 {
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        let words = bytes.chunks_exact(8);
        let tail = words.remainder();
        let mut h = words.fold(0xcbf2_9ce4_8422_2325u64, |h, w| {
            let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
            (h ^ w).wrapping_mul(PRIME)
        });
        h = tail.iter().fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME));
        (h ^ (h >> 32)) as u32
    }

    #[test]
    fn checksum_equals_the_word_at_a_time_one() {
        let bytes: Vec<u8> = (0..300u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        for n in 0..bytes.len() {
            assert_eq!(checksum(&bytes[..n]), checksum_by_words(&bytes[..n]), "{n} bytes");
        }
        let file = include_bytes!("tagger.bin");
        assert_eq!(checksum(file), checksum_by_words(file));
    }

    fn tags(text: &str) -> Vec<(String, Tag)> {
        let d = Document::new(text);
        (0..d.tokens.len()).map(|i| (d.tok(i).to_string(), d.tags()[i])).collect()
    }

    fn tag_of(text: &str, word: &str, nth: usize) -> Tag {
        tags(text)
            .into_iter()
            .filter(|(w, _)| w == word)
            .nth(nth)
            .unwrap_or_else(|| panic!("{word:?} #{nth} not in {text:?}"))
            .1
    }

    #[test]
    fn the_embedded_tagger_loads() {
        let t = active().expect("src/text/tagger.bin is missing or broken: run cargo xtask train-tagger");
        let bytes = include_bytes!("tagger.bin");
        assert_eq!(&bytes[..4], MAGIC);
        assert_eq!(usize::from(bytes[5]), N);
        assert_eq!(t.weights.len(), N << t.bits);
        // The file compiled in is read where it is (a test may install a copy).
        assert!(embedded().is_some_and(|e| matches!(e.weights, Cow::Borrowed(_)) && e == t));
        assert_eq!(Tagger::from_bytes(&t.to_bytes()).as_ref(), Ok(t));
        assert_eq!(t.to_bytes(), bytes);
    }

    /// Hand-made sentences: (text, word, which occurrence, tag).
    #[test]
    fn tags_of_hand_made_sentences() {
        use Tag::*;
        let cases: &[(&str, &str, usize, Tag)] = &[
            ("May said the can may fall.", "May", 0, Propn),
            ("May said the can may fall.", "can", 0, Noun),
            ("May said the can may fall.", "may", 0, Modal),
            ("May said the can may fall.", "said", 0, VerbPast),
            ("May said the can may fall.", "fall", 0, Verb),
            ("The talks may resume in May.", "may", 0, Modal),
            ("The talks may resume in May.", "May", 0, Propn),
            ("In May, prices rose.", "May", 0, Propn),
            ("Theresa May met the president on Friday.", "May", 0, Propn),
            ("It may be true.", "may", 0, Modal),
            ("May it be true?", "May", 0, Modal),
            ("The election was conducted by the county.", "conducted", 0, VerbPastPart),
            ("The election was conducted by the county.", "was", 0, VerbPast),
            ("The county conducted the election.", "conducted", 0, VerbPast),
            ("He has been charged with fraud.", "been", 0, VerbPastPart),
            ("He has been charged with fraud.", "charged", 0, VerbPastPart),
            ("Officials said the deal was close.", "said", 0, VerbPast),
            ("Officials said the deal was close.", "Officials", 0, Noun),
            ("The minister's office declined to comment.", "minister's", 0, Poss),
            ("Their office declined to comment.", "Their", 0, Poss),
            ("The minister's office declined to say.", "to", 0, Part),
            ("The minister's office declined to say.", "say", 0, Verb),
            ("His will was read.", "will", 0, Noun),
            ("They asked whether the report was true.", "whether", 0, Sconj),
            ("If the report is true, he could resign.", "If", 0, Sconj),
            ("If the report is true, he could resign.", "could", 0, Modal),
            ("He did not say.", "not", 0, Part),
            ("He didn't say why.", "say", 0, Verb),
            ("Two people were killed in 2019.", "Two", 0, Num),
            ("Two people were killed in 2019.", "2019", 0, Num),
            ("Two people were killed in 2019.", "killed", 0, VerbPastPart),
            ("Considering the risks, they left.", "left", 0, VerbPast),
            ("The report, citing sources, said so.", "citing", 0, VerbGerund),
            ("The report, citing sources, said so.", ",", 0, Punct),
            ("She is very likely to win.", "very", 0, Adv),
            ("She is very likely to win.", "likely", 0, Adj),
            ("He and she went up the hill.", "and", 0, Cconj),
            ("He and she went up the hill.", "He", 0, Pron),
            ("He and she went up the hill.", "the", 0, Det),
        ];
        let mut wrong = Vec::new();
        for &(text, word, nth, want) in cases {
            let got = tag_of(text, word, nth);
            if got != want {
                wrong.push(format!("{text:?} {word:?}: {} (want {})", got.as_str(), want.as_str()));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    /// `predict` as first written: the rows of all of `features` summed for each word.
    fn predict_as_first_written(t: &Tagger, words: &[Word], i: usize, (p1, p2): (u32, u32), modal_ok: bool) -> Tag {
        let mut keys = [0u32; FEATURES];
        features(words, i, p1, p2, &mut keys);
        let mut acc = [0i16; N];
        for &k in &keys {
            let at = bucket(k, t.bits) * N;
            let row = t.weights[at..at + N].iter().map(|&w| w as i8);
            for (a, w) in acc.iter_mut().zip(row) {
                *a += i16::from(w);
            }
        }
        if !modal_ok {
            acc[Tag::Modal as usize] = i16::MIN;
        }
        let max = *acc.iter().max().unwrap();
        TAGS[acc.iter().position(|&v| v == max).unwrap()]
    }

    /// The context sums and the word features score every word as all the features
    /// do, after every pair of tags (the start values included).
    #[test]
    fn context_sums_score_as_every_feature_does() {
        let t = active().expect("embedded tagger");
        let text = "May said the can may fall. “It's over,” U.S. officials told 12 reporters in 1960 -- \
                    e.g. the well-known AP. His will was read, and 8,600 people familiar with it agreed.";
        let d = Document::new(text);
        let words: Vec<Word> =
            (0..d.tokens.len()).map(|i| Word::new(d.tok(i), d.low(i).as_bytes(), d.hashes[i], i == 0)).collect();
        let prevs: Vec<u32> = (0..N as u32).chain([START, START2]).collect();
        for i in 0..words.len() {
            for &p1 in &prevs {
                for &p2 in &prevs {
                    let mut all = [0u32; FEATURES];
                    features(&words, i, p1, p2, &mut all);
                    let mut split = [context_features(p1, p2).as_slice(), &word_features(&words, i, p1)].concat();
                    let mut all = all.to_vec();
                    all.sort_unstable();
                    split.sort_unstable();
                    assert_eq!(all, split, "keys of word {i}");
                    for modal_ok in [false, true] {
                        let want = predict_as_first_written(t, &words, i, (p1, p2), modal_ok);
                        assert_eq!(t.predict(&words, i, (p1, p2), modal_ok), want, "word {i} after {p1} {p2}");
                    }
                }
            }
        }
    }

    /// `tag_sentence` as first written: the dictionary, else the rows of all of
    /// `features` summed for the word.
    fn tag_sentence_as_first_written(t: &Tagger, words: &[Word]) -> Vec<Tag> {
        let mut out: Vec<Tag> = Vec::new();
        let (mut p1, mut p2) = start_tags();
        for i in 0..words.len() {
            let modal_ok = p1 != Tag::Poss as u32 || i == 0;
            let modal_ok = modal_ok && (i == 0 || !t.articles.contains(&words[i - 1].hash));
            let tag = match t.dictionary(words[i].hash) {
                Some(tag) if tag != Tag::Modal || modal_ok => tag,
                _ => predict_as_first_written(t, words, i, (p1, p2), modal_ok),
            };
            out.push(tag);
            p2 = p1;
            p1 = tag as u32;
        }
        for i in 1..out.len() {
            if out[i - 1] == Tag::Modal && matches!(out[i], Tag::VerbPast | Tag::VerbPastPart) {
                out[i - 1] = if words[i - 1].shape & SHAPE_UPPER != 0 { Tag::Propn } else { Tag::Noun };
            }
        }
        out
    }

    /// Tags through a `WordMemo` kept over a whole text (grown several times, most
    /// words met again) equal the tags of every feature summed word by word.
    #[test]
    fn memoised_tags_equal_the_tags_as_first_written() {
        let t = active().expect("embedded tagger");
        let mut text = String::new();
        for (n, s) in [
            "May said the can may fall. “It's over,” U.S. officials told 12 reporters in 1960 -- e.g. the AP.",
            "His will was read, and 8,600 people familiar with it agreed; the well-known firm declined to comment.",
            "If the report is true, he could resign. They asked whether the ÉCOLE's iPhone-maker had 4X the sales.",
            "Considering the risks, Theresa May met the president on Friday — and nothing came of it.",
        ]
        .iter()
        .cycle()
        .take(40)
        .enumerate()
        {
            // New words in every round, so that the memo grows.
            text.push_str(&format!("{s} Word{n} zq{n}x saw{n}-ish {n}.\n"));
        }
        let d = Document::new(&text);
        let mut memo = WordMemo::default();
        let mut out = Vec::new();
        for s in &d.sentences {
            let words: Vec<Word> = s
                .tokens
                .clone()
                .map(|i| Word::new(d.tok(i), d.low(i).as_bytes(), d.hashes[i], i == s.tokens.start))
                .collect();
            let want = tag_sentence_as_first_written(t, &words);
            t.tag_sentence_with(&words, &mut memo, &mut out);
            assert_eq!(out, want, "{:?}", d.sentence_text(s));
            t.tag_sentence(&words, &mut out);
            assert_eq!(out, want, "{:?}", d.sentence_text(s));
            assert_eq!(&d.tags()[s.tokens.clone()], want.as_slice());
        }
        assert!(memo.derived.len() > 150 && memo.slots.len() >= 512, "{}", memo.derived.len());
    }

    /// A text of more distinct words than `MEMO_WORDS` keeps the memo within it, with
    /// the same tags as a fresh memo gives each sentence.
    #[test]
    fn the_memo_starts_afresh_when_full() {
        let t = active().expect("embedded tagger");
        let mut memo = WordMemo::default();
        let mut out = Vec::new();
        for n in 0..MEMO_WORDS / 50 + 10 {
            let sentence: Vec<String> = (0..100).map(|k| format!("w{n}x{k}")).collect();
            let sentence = format!("The {} said.", sentence.join(" "));
            let d = Document::new(&sentence);
            let words: Vec<Word> =
                (0..d.tokens.len()).map(|i| Word::new(d.tok(i), d.low(i).as_bytes(), d.hashes[i], i == 0)).collect();
            t.tag_sentence_with(&words, &mut memo, &mut out);
            assert!(memo.derived.len() <= MEMO_WORDS, "{}", memo.derived.len());
            if n % 50 == 0 {
                assert_eq!(out, tag_sentence_as_first_written(t, &words));
            }
        }
    }

    /// A token's `Word` equals the one `Word::new` makes of its text.
    #[test]
    fn words_of_tokens_equal_words_of_strings() {
        let text = "Émile SAID “Yes” to the iPhone-maker, Ⅻ ⓐ Ⓐ 4X ǅ ß. Mr. U.S. 1960 8,600 -- — ' É-1 ÉCOLE";
        let d = Document::new(text);
        for (i, t) in d.tokens.iter().enumerate() {
            let (w, l) = (d.tok(i), d.low(i).as_bytes());
            let of_token = Word::of_token(w.as_bytes(), l, d.hashes[i], t.upper, i == 0);
            assert_eq!(of_token, Word::new(w, l, d.hashes[i], i == 0), "{w:?}");
        }
    }

    #[test]
    fn never_panics_on_odd_strings() {
        let long = "a".repeat(10_000);
        let odd = [
            "",
            " ",
            "\u{0}",
            ".",
            "''``--",
            "\u{feff}\u{200d}\u{301}",
            "ǅ ß İ ﬃ Ⅻ ⓐ 東京 🙂🙂",
            "9999999999999999999999 1,2,3 .5 4X",
            long.as_str(),
            "Mr. U.S. e.g. etc. 'tis",
            "—–―\"“”‘’«»",
        ];
        for t in odd {
            let d = Document::new(t);
            assert_eq!(d.tags().len(), d.tokens.len(), "{t:?}");
            assert!(d.tags().iter().all(|&t| t != Tag::Unknown));
        }
    }

    #[test]
    fn corrupt_files_are_errors() {
        let good = active().expect("embedded tagger").to_bytes();
        assert!(Tagger::from_bytes(&good).is_ok());
        let mut cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"CTG1".to_vec(),
            b"CTG2".to_vec(),
            good[..good.len() - 1].to_vec(),
            good[..good.len() / 2].to_vec(),
            [good.as_slice(), &[0]].concat(),
        ];
        for at in [0, 4, 5, 6, 10, 14, 20, good.len() / 2, good.len() - 1] {
            let mut b = good.clone();
            b[at] ^= 0x40;
            cases.push(b);
        }
        for b in &cases {
            let e = Tagger::from_bytes(b).expect_err("corrupt bytes accepted");
            assert!(e.starts_with("not a Caveat tagger file"), "{e}");
            assert!(install(b).is_err());
        }
        // A consistent file with a foreign shape is refused even with a good checksum.
        let mut b = good.clone();
        b[5] = 7;
        let n = b.len() - 4;
        let sum = checksum(&b[..n]);
        b[n..].copy_from_slice(&sum.to_le_bytes());
        assert_eq!(Tagger::from_bytes(&b).unwrap_err(), "not a Caveat tagger file: made for another tag set");
        // The same tagger may be installed twice.
        assert_eq!(install(&good), Ok(()));
        assert_eq!(install(&good), Ok(()));
    }

    #[test]
    fn the_fallback_knows_closed_class_words_only() {
        assert_eq!(fallback("the", false, false), Tag::Det);
        assert_eq!(fallback("may", false, false), Tag::Modal);
        assert_eq!(fallback("was", false, false), Tag::VerbPast);
        assert_eq!(fallback(",", true, false), Tag::Punct);
        assert_eq!(fallback("12", false, true), Tag::Num);
        assert_eq!(fallback("election", false, false), Tag::Unknown);
    }

    #[test]
    fn tail3_equals_the_tail_loop() {
        for form in ["", "a", "ab", "abc", "abcd", "said", "é", "東京", "!digits", "--"] {
            assert_eq!(tail3(form.as_bytes()), tail(form.as_bytes(), 3), "{form:?}");
        }
    }

    #[test]
    fn word_forms_are_normalised() {
        let w = |s: &str| {
            let l = s.to_ascii_lowercase();
            Word::new(s, l.as_bytes(), word_hash(l.as_bytes()), false).hash
        };
        assert_eq!(w("``"), w("\u{201c}"));
        assert_eq!(w("--"), w("\u{2014}"));
        assert_eq!(w("Mr."), w("Mr"));
        assert_ne!(w("U.S."), w("U.S"));
        assert_eq!(w("1960"), w("2024"));
        assert_eq!(w("8,600"), w("12"));
        assert_ne!(w("1960"), w("12"));
    }
}
