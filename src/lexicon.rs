//! Lexicon lookups for the detectors, sized for a per-token hot loop:
//!
//! - `WordTable`: lower-case word -> value (word-class bits, a lemma), one hash probe;
//!   detectors classify each token once with it instead of scanning word lists.
//! - `FilteredTable`: a `WordTable` behind a bit-per-hash filter, for a lexicon that
//!   nearly every token is not in.
//! - `PhraseSet`: whole-word phrase matching over a document, walking tokens.
//!
//! All are plain Rust (no automaton crate): every byte of Wasm is downloaded into
//! every page.

use crate::text::{word_hash, Document};

/// A read-only hash table from words to small `Copy` values, built once.
/// Open addressing with linear probing, at most half full; the words live in one
/// string, so building it allocates three times, whatever its size.
pub struct WordTable<V> {
    slots: Vec<Slot<V>>,
    mask: usize,
    len: usize,
    words: String,
}

#[derive(Clone, Copy)]
struct Slot<V> {
    hash: u32,
    /// Byte range of the word in `WordTable::words`; `start == u32::MAX` when empty.
    start: u32,
    end: u32,
    value: V,
}

impl<V: Copy + Default> WordTable<V> {
    /// An empty table with room for `n` words.
    pub fn with_capacity(n: usize) -> Self {
        let size = (n * 2).next_power_of_two().max(8);
        let empty = Slot { hash: 0, start: u32::MAX, end: 0, value: V::default() };
        WordTable { slots: vec![empty; size], mask: size - 1, len: 0, words: String::with_capacity(n * 8) }
    }

    /// A table of `entries`; a word given twice keeps `merge(first, second)`.
    pub fn new<S: AsRef<str>>(entries: impl IntoIterator<Item = (S, V)>, merge: impl Fn(V, V) -> V) -> Self {
        let entries: Vec<(S, V)> = entries.into_iter().collect();
        let mut table = Self::with_capacity(entries.len());
        for (word, value) in entries {
            table.insert(word.as_ref(), value, &merge);
        }
        table
    }

    /// Add `word`; if it is there already, its value becomes `merge(old, value)`.
    /// The table grows to stay at most half full.
    pub fn insert(&mut self, word: &str, value: V, merge: impl Fn(V, V) -> V) {
        self.insert_hashed(word, word_hash(word.as_bytes()), value, merge);
    }

    /// `insert` of a word whose `word_hash` is `h` (a parser hashes as it splits).
    pub fn insert_hashed(&mut self, word: &str, h: u32, value: V, merge: impl Fn(V, V) -> V) {
        let i = self.probe(word.as_bytes(), h);
        let slot = &mut self.slots[i];
        if slot.start != u32::MAX {
            slot.value = merge(slot.value, value);
            return;
        }
        let start = self.words.len() as u32;
        self.words.push_str(word);
        *slot = Slot { hash: h, start, end: self.words.len() as u32, value };
        self.len += 1;
        if self.len * 2 > self.slots.len() {
            self.grow();
        }
    }

    fn grow(&mut self) {
        let empty = Slot { hash: 0, start: u32::MAX, end: 0, value: V::default() };
        let old = std::mem::replace(&mut self.slots, vec![empty; (self.mask + 1) * 2]);
        self.mask = self.slots.len() - 1;
        for s in old.into_iter().filter(|s| s.start != u32::MAX) {
            let mut i = s.hash as usize & self.mask;
            while self.slots[i].start != u32::MAX {
                i = (i + 1) & self.mask;
            }
            self.slots[i] = s;
        }
    }

    /// The slot that holds `word` (hash `h`), or the empty slot where it would go.
    #[inline]
    fn probe(&self, word: &[u8], h: u32) -> usize {
        self.probe_by(h, word.len(), |stored| same_word(stored, word))
    }

    /// `probe` for a word of `len` bytes that `is` recognises: it is asked only about
    /// a stored word of that hash and length, so a caller can leave the word unread
    /// (not even sliced) for the many that differ.
    #[inline(always)]
    fn probe_by(&self, h: u32, len: usize, is: impl Fn(&[u8]) -> bool) -> usize {
        let words = self.words.as_bytes();
        let mut i = h as usize & self.mask;
        loop {
            let s = &self.slots[i];
            if s.start == u32::MAX
                || (s.hash == h
                    && (s.end - s.start) as usize == len
                    && is(words.get(s.start as usize..s.end as usize).unwrap_or_default()))
            {
                return i;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The value of `word`, if the table has it.
    #[inline]
    pub fn get(&self, word: &str) -> Option<V> {
        self.get_bytes(word.as_bytes())
    }

    /// The same for a word given as bytes (a stem built in a buffer).
    #[inline]
    pub fn get_bytes(&self, word: &[u8]) -> Option<V> {
        let s = &self.slots[self.probe(word, word_hash(word))];
        (s.start != u32::MAX).then_some(s.value)
    }

    /// The value of `word` whose `word_hash` is `hash` (a token's, from `Document::hashes`).
    #[inline]
    pub fn get_hashed(&self, word: &[u8], hash: u32) -> Option<V> {
        let s = &self.slots[self.probe(word, hash)];
        (s.start != u32::MAX).then_some(s.value)
    }

    /// The value of the word at `text[start..end]` whose `word_hash` is `hash` (a
    /// token's, in `Document::lower` and `Document::hashes`): the text is read only
    /// where a stored word has that hash and length.
    #[inline]
    pub fn get_at(&self, text: &[u8], start: usize, end: usize, hash: u32) -> Option<V> {
        let len = end.wrapping_sub(start);
        let s =
            &self.slots[self.probe_by(hash, len, |stored| text.get(start..end).is_some_and(|w| same_word(stored, w)))];
        (s.start != u32::MAX).then_some(s.value)
    }

    /// The value of token `i`'s lower-case form: its hash is already in the document.
    #[inline]
    pub fn get_token(&self, doc: &Document, i: usize) -> Option<V> {
        let t = doc.tokens.get(i)?;
        let s = &self.slots[self.probe(&doc.lower.as_bytes()[t.start..t.end], doc.hashes[i])];
        (s.start != u32::MAX).then_some(s.value)
    }
}

/// A `WordTable` for a lexicon that nearly every token of a text is not in (cue words,
/// the first words of phrases): in front of the table, one bit per value of the low
/// 12 bits of a word's hash (512 bytes), set for the lexicon's words. A token whose
/// bit is clear is not in it, and is ruled out by one load, before its text is read;
/// a set bit says only "maybe", and the table answers.
pub struct FilteredTable<V> {
    table: WordTable<V>,
    bits: [u64; 64],
}

impl<V: Copy + Default> FilteredTable<V> {
    /// An empty table with room for `n` words (as `WordTable::with_capacity`).
    pub fn with_capacity(n: usize) -> Self {
        FilteredTable { table: WordTable::with_capacity(n), bits: [0; 64] }
    }

    /// `WordTable::insert`, the word let through the filter.
    pub fn insert(&mut self, word: &str, value: V, merge: impl Fn(V, V) -> V) {
        let h = word_hash(word.as_bytes());
        self.table.insert_hashed(word, h, value, merge);
        self.bits[(h >> 6) as usize & 63] |= 1 << (h & 63);
    }

    /// Could the word of hash `h` (`text::word_hash`, as in `Document::hashes`) be in
    /// the table?
    #[inline]
    fn may_hold(&self, h: u32) -> bool {
        self.bits[(h >> 6) as usize & 63] & (1 << (h & 63)) != 0
    }

    /// `WordTable::get_hashed`, most words ruled out by the filter.
    #[inline]
    pub fn get_hashed(&self, word: &[u8], hash: u32) -> Option<V> {
        if self.may_hold(hash) {
            self.table.get_hashed(word, hash)
        } else {
            None
        }
    }

    /// `WordTable::get_token`, most tokens ruled out by the filter.
    #[inline]
    pub fn get_token(&self, doc: &Document, i: usize) -> Option<V> {
        if self.may_hold(*doc.hashes.get(i)?) {
            self.table.get_token(doc, i)
        } else {
            None
        }
    }

    /// The first of `hashes` (`Document::hashes` from some token on) that could be
    /// in the table, by its place: a scan that reads the filter alone, for a caller
    /// whose work on a candidate would slow a loop over every token. Out of line, so
    /// that the scan keeps no counter of the caller's.
    #[inline(never)]
    pub fn first_maybe(&self, hashes: &[u32]) -> Option<usize> {
        hashes.iter().position(|&h| self.may_hold(h))
    }
}

/// Byte equality, inline for the short words of a lexicon: a slice comparison calls
/// `memcmp`, whose call costs more than comparing a word of a few bytes.
#[inline]
fn same_word(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// Whole-word phrase matching over a document, for lexicon-driven rules.
///
/// Phrases are two or more lower-case words of letters and digits joined by single
/// spaces (checked by a debug assertion and the lexicons' tests), matched against
/// `Document::lower`, leftmost-longest and without overlaps, and kept only where
/// they start and end on token boundaries, so "may" never matches inside "dismay".
/// The scan walks tokens but keeps the byte-level semantics exactly: a phrase whose
/// first word ends a longer token ("outspoke anonymously") or whose last word opens
/// one ("anonymouslyx") still takes its text, and is then dropped.
pub struct PhraseSet {
    /// Each phrase as its words.
    phrases: Vec<Vec<Box<str>>>,
    /// The distinct first words, each with its phrases (indexes into `phrases`, in
    /// list order) and its last two bytes, a cheap first test of a token's end.
    firsts: Vec<First>,
    /// One bit per possible `tail` of a token that some first word could end: most
    /// tokens are ruled out by one load.
    tails: Box<[u64; 1 << 10]>,
    /// One bit per byte that starts some phrase's second word: the token after a
    /// first word must start with one of them.
    second_starts: [u64; 4],
}

struct First {
    word: Box<str>,
    tail: u16,
    phrases: Vec<usize>,
}

/// The last two bytes of `w` (one, or none, for shorter words) as a number.
fn tail(w: &[u8]) -> u16 {
    match w {
        [.., a, b] => u16::from_le_bytes([*a, *b]),
        [b] => u16::from(*b),
        [] => 0,
    }
}

/// One phrase occurrence: which phrase (index into the list it was built from)
/// and the token range it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    pub phrase: usize,
    pub first: usize,
    /// One past the last token.
    pub last: usize,
}

/// A phrase occurrence at byte level: `start..end` of the lower-case text.
struct Occurrence {
    phrase: usize,
    start: usize,
    end: usize,
    first: usize,
    last: usize,
}

impl PhraseSet {
    /// `phrases`: see the type's doc for what a phrase may be.
    pub fn new<I, P>(phrases: I) -> Self
    where
        I: IntoIterator<Item = P>,
        P: AsRef<str>,
    {
        let phrases: Vec<Vec<Box<str>>> =
            phrases.into_iter().map(|p| p.as_ref().split(' ').map(Box::from).collect()).collect();
        debug_assert!(phrases.iter().all(|p| Self::supports(p)), "PhraseSet: unsupported phrase");
        let mut firsts: Vec<First> = Vec::new();
        for (i, p) in phrases.iter().enumerate() {
            match firsts.iter_mut().find(|f| f.word == p[0]) {
                Some(f) => f.phrases.push(i),
                None => firsts.push(First { word: p[0].clone(), tail: tail(p[0].as_bytes()), phrases: vec![i] }),
            }
        }
        let mut tails = Box::new([0u64; 1 << 10]);
        let mut set = |t: u16| tails[usize::from(t >> 6)] |= 1 << (t & 63);
        for f in &firsts {
            match f.word.as_bytes() {
                [b] => {
                    set(tail(&[*b]));
                    (0..=255).for_each(|x| set(tail(&[x, *b])));
                }
                w => set(tail(w)),
            }
        }
        let mut second_starts = [0u64; 4];
        for b in phrases.iter().filter_map(|p| p.get(1).and_then(|w| w.as_bytes().first())) {
            second_starts[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        PhraseSet { phrases, firsts, tails, second_starts }
    }

    /// Two or more words, each a `phrase_word`: such a phrase's inner words are
    /// always whole tokens, which the token walk relies on.
    pub fn supports(words: &[impl AsRef<str>]) -> bool {
        words.len() >= 2 && words.iter().all(|w| Self::phrase_word(w.as_ref()))
    }

    /// A word a phrase may hold: lower-case letters and digits, at least one.
    pub fn phrase_word(w: &str) -> bool {
        !w.is_empty() && w.chars().all(|c| c.is_alphanumeric() && !c.is_uppercase())
    }

    /// All whole-token matches, in text order.
    pub fn find_all(&self, doc: &Document) -> Vec<PhraseMatch> {
        self.find_in(doc, 0..doc.tokens.len())
    }

    /// The matches that start in `tokens`, as `find_all` would find them when no
    /// occurrence before `tokens` reaches into it (as none reaches into a sentence
    /// from the one before: a phrase's words are one space apart, with no
    /// sentence's end between them).
    pub fn find_in(&self, doc: &Document, tokens: std::ops::Range<usize>) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        let mut from = 0; // bytes before this are taken by the previous occurrence
        let mut t = tokens.start;
        let lower = doc.lower.as_bytes();
        while let Some(tok) = doc.tokens.get(t).filter(|_| t < tokens.end) {
            // The last two bytes of the text at the token's end: its `tail`, or for a
            // one-byte token the byte before with it, whose bit `new` sets wherever a
            // one-byte first word's is set (more bits only let more tokens through to
            // `leftmost_longest`, which tests the words themselves).
            let maybe = match lower.get(tok.end.wrapping_sub(2)..tok.end) {
                Some(&[a, b]) => {
                    let end = u16::from_le_bytes([a, b]);
                    self.tails[usize::from(end >> 6)] & (1 << (end & 63)) != 0
                }
                _ => true,
            };
            if !maybe || !self.second_may_start(lower, tok.end + 1) {
                t += 1;
                continue;
            }
            match self.leftmost_longest(doc, t, from) {
                Some(o) => {
                    if o.start == doc.tokens[o.first].start && o.end == doc.tokens[o.last - 1].end {
                        out.push(PhraseMatch { phrase: o.phrase, first: o.first, last: o.last });
                    }
                    from = o.end;
                    // The next occurrence may start inside the last token, after `end`.
                    t = o.last - 1;
                    if doc.tokens[t].end <= from {
                        t += 1;
                    }
                }
                None => t += 1,
            }
        }
        out
    }

    /// The byte at `at` (one space after a token) could start a second word.
    fn second_may_start(&self, lower: &[u8], at: usize) -> bool {
        lower.get(at).is_some_and(|&b| self.second_starts[usize::from(b >> 6)] & (1 << (b & 63)) != 0)
    }

    /// The leftmost occurrence that starts in token `t` at or after byte `from` (the
    /// longest of those starting there). A phrase has its first word at the end of
    /// a token (the whole token or a suffix: "spoke" in "outspoke"), then whole tokens
    /// each one space apart, then its last word at the start of a token.
    fn leftmost_longest(&self, doc: &Document, t: usize, from: usize) -> Option<Occurrence> {
        let tok = doc.tokens[t];
        let bytes = doc.lower.as_bytes();
        let low = &bytes[tok.start..tok.end];
        // Every phrase has a second word, which starts token `t + 1` one space after
        // this one (`rest_matches`): without it no phrase can start here, and with
        // it a phrase whose second word has another first byte cannot either.
        let next_starts_one_space_after =
            bytes.get(tok.end) == Some(&b' ') && doc.tokens.get(t + 1).is_some_and(|n| n.start == tok.end + 1);
        if !next_starts_one_space_after {
            return None;
        }
        let next_first_byte = bytes.get(tok.end + 1);
        let token_tail = tail(low);
        let mut best: Option<Occurrence> = None;
        for first in &self.firsts {
            let word = first.word.as_bytes();
            // The two-byte test rules out almost every token before the full one.
            let maybe = if word.len() >= 2 { token_tail == first.tail } else { low.last() == word.last() };
            if !maybe || !low.ends_with(word) {
                continue;
            }
            let start = tok.end - word.len();
            if start < from || best.as_ref().is_some_and(|b| b.start < start) {
                continue;
            }
            for &p in &first.phrases {
                let words = &self.phrases[p];
                if words.get(1).and_then(|w| w.as_bytes().first()) != next_first_byte {
                    continue;
                }
                let Some((end, last)) = self.rest_matches(doc, t, words) else { continue };
                let better = match &best {
                    None => true,
                    Some(b) => start < b.start || (start == b.start && end - start > b.end - b.start),
                };
                if better {
                    best = Some(Occurrence { phrase: p, start, end, first: t, last });
                }
            }
        }
        best
    }

    /// Where the words after the first end (byte, one past the last token), if they
    /// follow token `t` one space apart.
    fn rest_matches(&self, doc: &Document, t: usize, words: &[Box<str>]) -> Option<(usize, usize)> {
        let bytes = doc.lower.as_bytes();
        let mut end = doc.tokens[t].end;
        let mut k = t;
        for (n, w) in words.iter().enumerate().skip(1) {
            if bytes.get(end) != Some(&b' ') {
                return None;
            }
            k += 1;
            let next = doc.tokens.get(k)?;
            if next.start != end + 1 {
                return None;
            }
            let (low, w) = (bytes.get(next.start..next.end)?, w.as_bytes());
            let last = n + 1 == words.len();
            if !(low == w || (last && low.starts_with(w))) {
                return None;
            }
            end = next.start + w.len();
        }
        Some((end, k + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filtered_table_answers_as_the_table_and_rules_out_most_others() {
        let words = ["may", "might", "could", "likely", "perhaps", "alleged", "may"];
        let mut filtered = FilteredTable::with_capacity(8);
        let mut table = WordTable::with_capacity(8);
        for (n, w) in words.iter().enumerate() {
            filtered.insert(w, n as u32, |a, b| a | b);
            table.insert(w, n as u32, |a, b| a | b);
        }
        let others = ["the", "of", "and", "to", "a", "in", "said", "that", "for", "on", "is", "was", "with"];
        for w in words.iter().chain(&others).chain(&["", "Mays", "mayy"]) {
            let (b, h) = (w.as_bytes(), word_hash(w.as_bytes()));
            assert_eq!(filtered.get_hashed(b, h), table.get_hashed(b, h), "{w:?}");
        }
        let text = format!("{} {}", words.join(" "), others.join(" "));
        let doc = Document::new(&text);
        for i in 0..=doc.tokens.len() {
            assert_eq!(filtered.get_token(&doc, i), table.get_token(&doc, i), "token {i}");
        }
        let held = others.iter().filter(|w| filtered.may_hold(word_hash(w.as_bytes()))).count();
        assert!(held <= 1, "{held} of {} other words pass", others.len());
    }

    #[test]
    fn whole_words_only() {
        let set = PhraseSet::new(["may be", "believed to"]);
        let doc = Document::new("Dismay be: it may be. They are believed to act. Believed tomorrow.");
        let got: Vec<_> = set.find_all(&doc).iter().map(|m| (m.phrase, doc.tok(m.first))).collect();
        assert_eq!(got, vec![(0, "may"), (1, "believed")]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    /// The matcher this one replaced: aho-corasick (leftmost-longest) over the
    /// lower-case text, kept where a match starts and ends on token boundaries.
    /// The token walk must equal it on every text.
    fn reference(phrases: &[&str], doc: &Document) -> Vec<PhraseMatch> {
        use aho_corasick::{AhoCorasickBuilder, MatchKind};
        let ac = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(phrases).unwrap();
        let mut out = Vec::new();
        for m in ac.find_iter(doc.lower.as_bytes()) {
            let first = doc.tokens.partition_point(|t| t.start < m.start());
            let last = doc.tokens.partition_point(|t| t.end <= m.end());
            let starts_ok = doc.tokens.get(first).is_some_and(|t| t.start == m.start());
            let ends_ok = last > first && doc.tokens[last - 1].end == m.end();
            if starts_ok && ends_ok {
                out.push(PhraseMatch { phrase: m.pattern().as_usize(), first, last });
            }
        }
        out
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn token_walk_equals_the_byte_level_reference() {
        let phrases = [
            "on condition of anonymity",
            "speaking on condition of anonymity",
            "spoke anonymously",
            "asked not to be named",
            "not to be",
            "be named now",
            "on background",
        ];
        let texts = [
            "He spoke anonymously. She, speaking on condition of anonymity, said so.",
            "Outspeaking on condition of anonymity: no. Upon condition of anonymity.",
            "They spoke anonymouslyx and spoke  anonymously and spoke\nanonymously.",
            "He asked not to be named now; asked not to be named. Not to be named now.",
            "SPOKE ANONYMOUSLY, Spoke Anonymously’s, spoke-anonymously, ré spoke anonymously",
            "on on background on background. background on",
            "",
            "on",
        ];
        let set = PhraseSet::new(phrases);
        for text in texts {
            let doc = Document::new(text);
            assert_eq!(set.find_all(&doc), reference(&phrases, &doc), "in {text:?}");
        }
        // And generated word soups of the phrases' words, glued and spaced every way.
        let parts = [
            "on",
            "condition",
            "of",
            "anonymity",
            "speaking",
            "spoke",
            "anonymously",
            "asked",
            "not",
            "to",
            "be",
            "named",
            "now",
            "background",
            "out",
            "x",
            "é",
            " ",
            " ",
            " ",
            "  ",
            "\n",
            ",",
            "-",
            "’s",
            ".",
        ];
        let mut state: u64 = 7;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..24 {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                text.push_str(parts[(state >> 33) as usize % parts.len()]);
            }
            let doc = Document::new(&text);
            assert_eq!(set.find_all(&doc), reference(&phrases, &doc), "in {text:?}");
        }
    }

    #[test]
    fn word_table_finds_what_it_holds() {
        let t =
            WordTable::new([("said", 1u8), ("officials", 2), ("said", 4), ("a-rather-long-word-indeed", 8)], |a, b| {
                a | b
            });
        assert_eq!(t.get("said"), Some(5));
        assert_eq!(t.get("officials"), Some(2));
        assert_eq!(t.get("a-rather-long-word-indeed"), Some(8));
        for absent in ["", "sai", "saids", "Said", "official", "a-rather-long-word-indeeD"] {
            assert_eq!(t.get(absent), None, "{absent:?}");
        }
        let doc = Document::new("Officials SAID a-rather-long-word-indeed, sai.");
        for i in 0..doc.tokens.len() {
            let hashed = t.get_hashed(doc.low(i).as_bytes(), doc.hashes[i]);
            assert_eq!(hashed, t.get(doc.low(i)), "{:?}", doc.low(i));
            assert_eq!(hashed, t.get_token(&doc, i));
            let tok = doc.tokens[i];
            assert_eq!(hashed, t.get_at(doc.lower.as_bytes(), tok.start, tok.end, doc.hashes[i]));
        }
        // A span past the end of the text, or reversed, holds no word.
        let h = word_hash(b"said");
        assert_eq!(t.get_at(b"said", 0, 4, h), Some(5));
        assert_eq!(t.get_at(b"sai", 0, 4, h), None);
        assert_eq!(t.get_at(b"said", 4, 0, h), None);
        assert_eq!(t.get_at(b"said", 9, 13, h), None);
    }
}
