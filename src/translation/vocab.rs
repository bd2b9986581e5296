//! The learned model's vocabulary as a table: lower-case word -> rank, probed for
//! every word of every text (`Model::elements`).
//!
//! A `WordTable` (open addressing on the word's hash, which the document has for each
//! token already) but for how a probed word is compared with the word in its slot:
//! nine words in ten of news are in the vocabulary, so nearly every probe ends in a
//! comparison, and a loop over the bytes cost more than the rest of the probe. Here
//! two loads of 4 or 8 bytes from each end compare a word of up to 16.

use crate::text::{count_byte, hash_to, word_hash};

pub struct Vocab {
    /// Per slot: the word's hash, its rank + 1 (0: an empty slot), and where it is in
    /// `words`.
    slots: Vec<[u32; 4]>,
    words: Vec<u8>,
}

impl Vocab {
    /// The words, ranked by their order; a word given twice keeps its first rank.
    pub fn new(words: &[&str]) -> Vocab {
        let mut vocab = Vocab::with_room(words.len());
        for (rank, w) in words.iter().enumerate() {
            let start = vocab.words.len();
            vocab.words.extend_from_slice(w.as_bytes());
            vocab.add(rank, start, vocab.words.len(), word_hash(w.as_bytes()));
        }
        vocab
    }

    /// `new` of the lines of `text` (split at every '\n'; an empty text has no word),
    /// each line also passed to `each` in order: one pass over the bytes that splits
    /// and hashes the words, the text kept whole as the words' store.
    pub fn from_lines(text: &str, mut each: impl FnMut(&[u8])) -> Vocab {
        let bytes = text.as_bytes();
        if bytes.is_empty() {
            return Vocab::with_room(0);
        }
        let lines = 1 + count_byte(bytes, b'\n');
        let mut vocab = Vocab::with_room(lines);
        vocab.words = bytes.to_vec();
        let mut start = 0;
        for rank in 0..lines {
            let (end, h) = hash_to(bytes, start, b'\n');
            vocab.add(rank, start, end, h);
            each(bytes.get(start..end).unwrap_or_default());
            start = end + 1;
        }
        vocab
    }

    /// An empty table for `n` words, at most half full: most probes stop at the first
    /// slot. (A quarter full, the shipped vocabulary's table was 512 KB, a quarter of
    /// the page faults of a one-line run, for 1% fewer instructions in its probes.)
    fn with_room(n: usize) -> Vocab {
        let size = (2 * n).next_power_of_two().max(8);
        // Written through, not zeroed (a rank of 0 is what marks a slot empty): zeroed
        // memory comes as the system's zero page, mapped at the first probe and copied
        // at the first word, two faults a page.
        Vocab { slots: vec![[u32::MAX, 0, 0, 0]; size], words: Vec::new() }
    }

    /// Gives the word at `start..end` of `words`, of hash `h`, the rank `rank` unless
    /// it has one already.
    fn add(&mut self, rank: usize, start: usize, end: usize, h: u32) {
        let Some(word) = self.words.get(start..end) else { return };
        let (i, held) = self.probe(word, h);
        if held == 0 {
            if let Some(slot) = self.slots.get_mut(i) {
                *slot = [h, rank as u32 + 1, start as u32, end as u32];
            }
        }
    }

    /// The slot of `word` (hash `h`) and its rank + 1, or the empty slot where it
    /// would go and 0 (the rank is handed back rather than read again from the slot).
    #[inline]
    fn probe(&self, word: &[u8], h: u32) -> (usize, u32) {
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        while let Some(&[hash, rank, start, end]) = self.slots.get(i) {
            if rank == 0
                || hash == h && self.words.get(start as usize..end as usize).is_some_and(|w| same_word(w, word))
            {
                return (i, rank);
            }
            i = (i + 1) & mask;
        }
        (i, 0)
    }

    /// The rank of `word`, whose `word_hash` is `hash`.
    #[inline]
    pub fn get(&self, word: &[u8], hash: u32) -> Option<u32> {
        self.probe(word, hash).1.checked_sub(1)
    }
}

/// Byte equality: the first and the last 4 or 8 bytes of each (overlapping when the
/// words are shorter), or three bytes of words shorter than 4.
#[inline]
fn same_word(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0..=3 => a.first() == b.first() && a.get(n / 2) == b.get(n / 2) && a.last() == b.last(),
        4..=8 => a.first_chunk::<4>() == b.first_chunk::<4>() && a.last_chunk::<4>() == b.last_chunk::<4>(),
        9..=16 => a.first_chunk::<8>() == b.first_chunk::<8>() && a.last_chunk::<8>() == b.last_chunk::<8>(),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::WordTable;

    #[test]
    fn same_word_is_byte_equality() {
        let words = ["", "a", "b", "ab", "ba", "abc", "abd", "xbc", "abcd", "abce", "abcde", "abcdx", "xbcde"];
        let long =
            ["abcdefgh", "abcdefgx", "abcdefghi", "xbcdefghi", "abcdxfghi", "abcdefghijklmnop", "abcdefghijklmnoq"];
        let longer = ["abcdefghijklmnopq", "abcdefghijklmnopr", "xbcdefghijklmnopq", "abcdefghxjklmnopq"];
        let all: Vec<&str> = words.iter().chain(&long).chain(&longer).copied().collect();
        for a in &all {
            for b in &all {
                assert_eq!(same_word(a.as_bytes(), b.as_bytes()), a == b, "{a:?} {b:?}");
            }
        }
    }

    /// `from_lines` equals `new` of the lines, and passes each line.
    #[test]
    fn lines_make_the_same_table() {
        let texts =
            ["", "the", "the\nof\nsaid", "a\n\nb\n", "\n", "x\nx\ny\nx", "é\nne\u{301}\n\nlong-word-here-indeed"];
        for text in texts {
            let lines: Vec<&str> = if text.is_empty() { Vec::new() } else { text.split('\n').collect() };
            let mut passed = Vec::new();
            let from_lines = Vocab::from_lines(text, |w| passed.push(w.to_vec()));
            let vocab = Vocab::new(&lines);
            assert_eq!(passed, lines.iter().map(|l| l.as_bytes().to_vec()).collect::<Vec<_>>(), "{text:?}");
            for w in lines.iter().copied().chain(["", "the", "of", "z", "x\ny", "é"]) {
                let h = word_hash(w.as_bytes());
                assert_eq!(from_lines.get(w.as_bytes(), h), vocab.get(w.as_bytes(), h), "{w:?} in {text:?}");
            }
        }
    }

    /// The ranks a `WordTable` built the same way gives, for listed words and others.
    #[test]
    fn ranks_equal_a_word_table() {
        let words: Vec<String> = (0..3000).map(|k| format!("w{}", k * 7919 % 100_000)).collect();
        let mut words: Vec<&str> = words.iter().map(String::as_str).collect();
        words.extend(["the", "of", "the", "", "a", "internationalisation", "é"]);
        let vocab = Vocab::new(&words);
        let table = WordTable::new(words.iter().enumerate().map(|(rank, w)| (*w, rank as u32)), |a, _| a);
        let probes = words.iter().copied().chain(["w1", "w7919x", "The", "internationalization", "b", "ée"]);
        for w in probes {
            let h = word_hash(w.as_bytes());
            assert_eq!(vocab.get(w.as_bytes(), h), table.get(w), "{w:?}");
        }
    }
}
