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
//! Layout of `tagger.bin` (little-endian): "CTG1", bits (u8), tags (u8), scale (f32),
//! dictionary length (u32), that many (word hash u32, tag u8) entries in increasing
//! hash order, 2^bits × tags weights (i8, bucket-major), then an FNV-1a checksum (u32)
//! of everything before it.

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
        let mut shape = if first_in_sentence { SHAPE_FIRST } else { 0 };
        // One table probe a byte (`BYTE_CLASS`) instead of three tests.
        let class = word.as_bytes().iter().fold(0u8, |c, &b| c | BYTE_CLASS[usize::from(b)]);
        let (has_lower, has_digit, has_hyphen) = (class & LOWER != 0, class & DIGIT != 0, class & HYPHEN != 0);
        let b0 = word.as_bytes().first().copied().unwrap_or(0);
        let upper =
            if b0 < 0x80 { b0.is_ascii_uppercase() } else { word.chars().next().is_some_and(char::is_uppercase) };
        if upper {
            shape |= SHAPE_UPPER;
            if word.len() > 1 && !has_lower {
                shape |= SHAPE_ALL_UPPER;
            }
        }
        if has_digit {
            shape |= SHAPE_DIGIT;
        }
        if has_hyphen && word.len() > 1 {
            shape |= SHAPE_HYPHEN;
        }
        let form = normal_form(lower);
        let hash = if std::ptr::eq(form, lower) { lower_hash } else { word_hash(form) };
        Word { hash, suffix3: tail(form, 3), shape }
    }
}

const LOWER: u8 = 1;
const DIGIT: u8 = 2;
const HYPHEN: u8 = 4;

/// `LOWER`, `DIGIT` or `HYPHEN` for each byte that is an ASCII lower-case letter, digit
/// or '-'.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_digit() {
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
#[inline]
fn tail(form: &[u8], k: usize) -> u32 {
    let n = form.len();
    let take = n.min(k);
    let mut v = (take as u32) << 24 | u32::from(n <= k) << 28;
    for (j, &b) in form[n - take..].iter().enumerate() {
        v |= u32::from(b) << (8 * j);
    }
    v
}

const QUOTE: &[u8] = b"\"";
const DASH: &[u8] = b"--";
const YEAR: &[u8] = b"!year";
const DIGITS: &[u8] = b"!digits";

fn normal_form(lower: &[u8]) -> &[u8] {
    // Most words start with a letter and end without a dot: they are their own form.
    if lower.first().is_some_and(u8::is_ascii_lowercase) && lower.last() != Some(&b'.') {
        return lower;
    }
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
#[inline]
pub fn features(words: &[Word], i: usize, prev: u32, prev2: u32, out: &mut [u32; FEATURES]) {
    let w = words[i];
    let at = |j: Option<usize>, none: u32| j.and_then(|j| words.get(j)).map_or(none, |w| w.hash);
    let wm1 = i.checked_sub(1).and_then(|j| words.get(j));
    let wp1 = words.get(i + 1);
    *out = [
        key(BIAS, 0),
        key(W0, w.hash),
        key(SUF3, w.suffix3),
        key(SHAPE, u32::from(w.shape)),
        key(T1, prev),
        key(T2, prev2),
        key(T1T2, prev | prev2 << 10),
        key(T1W0, w.hash ^ prev.wrapping_mul(0x2545_f491)),
        key(WM1, wm1.map_or(NONE_BEFORE, |w| w.hash)),
        key(SUFM1, wm1.map_or(NONE_BEFORE, |w| w.suffix3)),
        key(WM2, at(i.checked_sub(2), NONE_BEFORE)),
        key(WP1, wp1.map_or(NONE_AFTER, |w| w.hash)),
        key(SUFP1, wp1.map_or(NONE_AFTER, |w| w.suffix3)),
        key(WP2, at(Some(i + 2), NONE_AFTER)),
    ];
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

const MAGIC: &[u8; 4] = b"CTG1";
/// How many bytes of a row `predict` reads: N rounded up to vector widths.
const ROW: usize = 32;

/// One bucket's weights, one per tag, zero-padded to `ROW` bytes (whole vector
/// registers, no scalar tail) and aligned so that a row never straddles two cache
/// lines: a feature costs one line, where packed rows of `N` bytes cost two for nearly
/// half the features.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C, align(32))]
struct Row([i8; ROW]);
const MIN_BITS: u8 = 8;
const MAX_BITS: u8 = 22;

#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    bits: u8,
    scale: f32,
    /// Word hashes of the dictionary, in increasing order, and their tags.
    dict: Vec<(u32, Tag)>,
    /// Open-addressing table over `dict`: index + 1, 0 when empty.
    slots: Vec<u32>,
    /// The weights, one `Row` per bucket.
    rows: Vec<Row>,
    /// Word hashes of "a", "an" and "the": no modal follows them ("the can").
    articles: [u32; 3],
}

fn fnv(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

impl Tagger {
    /// A tagger from its parts; `None` if they do not fit together.
    /// `dict` must be sorted by hash (the file stores it so; training builds it so).
    pub fn new(bits: u8, scale: f32, dict: Vec<(u32, Tag)>, weights: Vec<i8>) -> Option<Tagger> {
        if !(MIN_BITS..=MAX_BITS).contains(&bits) || weights.len() != N << bits || !scale.is_finite() || scale <= 0.0 {
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
        let rows = weights
            .chunks_exact(N)
            .map(|w| {
                let mut r = Row([0; ROW]);
                r.0[..N].copy_from_slice(w);
                r
            })
            .collect();
        Some(Tagger { bits, scale, dict, slots, rows, articles })
    }

    pub fn bits(&self) -> u8 {
        self.bits
    }

    pub fn dictionary_len(&self) -> usize {
        self.dict.len()
    }

    /// The layout described in the module docs.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(18 + self.dict.len() * 5 + self.rows.len() * N);
        out.extend_from_slice(MAGIC);
        out.push(self.bits);
        out.push(N as u8);
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&(self.dict.len() as u32).to_le_bytes());
        for &(h, t) in &self.dict {
            out.extend_from_slice(&h.to_le_bytes());
            out.push(t as u8);
        }
        out.extend(self.rows.iter().flat_map(|r| &r.0[..N]).map(|&w| w as u8));
        let sum = fnv(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Reads `to_bytes`' layout; a short, corrupt or foreign file is an error saying why.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        let fail = |why: &str| Err(format!("not a Caveat tagger file: {why}"));
        if bytes.len() < 18 {
            return fail("too short");
        }
        if &bytes[..4] != MAGIC {
            return fail("wrong magic (expected CTG1)");
        }
        let (body, sum) = bytes.split_at(bytes.len() - 4);
        if fnv(body).to_le_bytes() != sum {
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
        let weights = body[dict_end..].iter().map(|&b| b as i8).collect();
        Tagger::new(bits, scale, dict, weights).map_or_else(|| fail("inconsistent contents"), Ok)
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

    /// The best-scoring tag for a set of feature keys; not `Modal` unless `modal_ok`.
    #[inline]
    fn predict(&self, keys: &[u32; FEATURES], modal_ok: bool) -> Tag {
        let mut acc = [0i16; ROW];
        for &k in keys {
            let Some(Row(row)) = self.rows.get(bucket(k, self.bits)) else { continue };
            for t in 0..ROW {
                acc[t] += i16::from(row[t]);
            }
        }
        let acc = &mut acc[..N];
        if !modal_ok {
            acc[Tag::Modal as usize] = i16::MIN;
        }
        // The first best tag.
        let max = acc.iter().copied().fold(i16::MIN, i16::max);
        TAGS[acc.iter().position(|&v| v == max).unwrap_or(0)]
    }

    /// Tags one sentence's words into `out` (cleared first).
    pub fn tag_sentence(&self, words: &[Word], out: &mut Vec<Tag>) {
        out.clear();
        let (mut p1, mut p2) = start_tags();
        let mut keys = [0u32; FEATURES];
        for i in 0..words.len() {
            // A modal never follows an article or a possessive: "the can", "his will".
            let modal_ok = p1 != Tag::Poss as u32 || i == 0;
            let modal_ok = modal_ok && (i == 0 || !self.articles.contains(&words[i - 1].hash));
            let tag = match self.dictionary(words[i].hash) {
                Some(t) if t != Tag::Modal || modal_ok => t,
                _ => {
                    features(words, i, p1, p2, &mut keys);
                    self.predict(&keys, modal_ok)
                }
            };
            out.push(tag);
            p2 = p1;
            p1 = tag as u32;
        }
        // A past form never follows a modal: "May said", "the Can sold" are a name and a noun.
        for i in 1..out.len() {
            if out[i - 1] == Tag::Modal && matches!(out[i], Tag::VerbPast | Tag::VerbPastPart) {
                out[i - 1] = if words[i - 1].shape & SHAPE_UPPER != 0 { Tag::Propn } else { Tag::Noun };
            }
        }
    }
}

static INSTALLED: OnceLock<Tagger> = OnceLock::new();

/// Installs the tagger of `bytes` (the contents of `tagger.bin`) for every later
/// `Document`. Corrupt bytes are an error; a second install is an error unless it
/// brings the same tagger.
pub fn install(bytes: &[u8]) -> Result<(), String> {
    let tagger = Tagger::from_bytes(bytes)?;
    match INSTALLED.get() {
        Some(t) if *t == tagger => Ok(()),
        Some(_) => Err("a different tagger is installed already".into()),
        None => {
            let same = INSTALLED.get_or_init(|| tagger.clone()) == &tagger;
            if same {
                Ok(())
            } else {
                Err("a different tagger is installed already".into())
            }
        }
    }
}

/// The tagger in use: the installed one, else (natively) the embedded `tagger.bin`.
pub fn active() -> Option<&'static Tagger> {
    INSTALLED.get().or_else(embedded)
}

#[cfg(not(target_arch = "wasm32"))]
fn embedded() -> Option<&'static Tagger> {
    static EMBEDDED: OnceLock<Option<Tagger>> = OnceLock::new();
    EMBEDDED.get_or_init(|| Tagger::from_bytes(include_bytes!("tagger.bin")).ok()).as_ref()
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
        assert_eq!(t.rows.len(), 1 << t.bits);
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
        let sum = fnv(&b[..n]);
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
