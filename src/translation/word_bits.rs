//! Bits of a few listed words (cue words, word lists), for a lookup of every token of
//! a text where nearly every token is on no list.
//!
//! A `WordTable` of the words with their bits, and in front of it a `WordFilter`:
//! nearly every other token is ruled out by one load, before a probe of the table (the
//! hash is the document's, `Document::hashes`).

use crate::lexicon::{WordFilter, WordTable};
use crate::text::word_hash;

pub struct WordBits {
    words: WordTable<u32>,
    filter: WordFilter,
}

impl WordBits {
    /// Room for `n` words; the table stays a quarter full at most, so that a probe
    /// past the filter mostly stops at the first slot.
    pub fn with_capacity(n: usize) -> WordBits {
        WordBits { words: WordTable::with_capacity(4 * n), filter: WordFilter::new([]) }
    }

    /// Adds `word` with the bits `bits` (to any it has already).
    #[inline(never)]
    pub fn add(&mut self, word: &str, bits: u32) {
        self.words.insert(word, bits, |a, b| a | b);
        self.filter.add(word_hash(word.as_bytes()));
    }

    /// The bits of `word`, whose `word_hash` is `hash` (0: none).
    #[inline]
    pub fn get(&self, word: &[u8], hash: u32) -> u32 {
        if self.filter.may_hold(hash) {
            self.words.get_hashed(word, hash).unwrap_or(0)
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_equal_the_lists() {
        let lists: [(&[&str], u32); 3] = [(&["to", "a", "an", "."], 1), (&["said", "a", "Committee"], 2), (&[""], 4)];
        let mut table = WordBits::with_capacity(8);
        for (words, bit) in lists {
            for w in words {
                table.add(w, bit);
            }
        }
        for w in ["to", "a", "an", ".", "said", "Committee", "committee", "", "the", "saidx", "A"] {
            let want = lists.iter().filter(|(words, _)| words.contains(&w)).fold(0, |bits, (_, bit)| bits | bit);
            assert_eq!(table.get(w.as_bytes(), word_hash(w.as_bytes())), want, "{w:?}");
        }
    }
}
