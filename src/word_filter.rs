//! A one-load check before a `lexicon::WordTable` probe: one bit per value of a
//! word hash's top 16 bits (8 KB), set for the words of a lexicon. A token whose bit
//! is clear is not in the lexicon; most tokens of a text are ruled out so, before
//! their text is read. (A set bit says only "maybe": the probe decides.)

use crate::text::word_hash;

pub struct WordFilter {
    bits: Vec<u64>,
}

impl WordFilter {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordFilter {
        let mut bits = vec![0u64; 1 << 10];
        for w in words {
            let (k, bit) = Self::bit(word_hash(w.as_bytes()));
            if let Some(b) = bits.get_mut(k) {
                *b |= bit;
            }
        }
        WordFilter { bits }
    }

    /// Could a word of hash `h` (`text::word_hash`, as in `Document::hashes`) be one
    /// of the words?
    #[inline]
    pub fn may_hold(&self, h: u32) -> bool {
        let (k, bit) = Self::bit(h);
        self.bits.get(k).is_some_and(|b| b & bit != 0)
    }

    #[inline]
    fn bit(h: u32) -> (usize, u64) {
        let k = h >> 16;
        ((k >> 6) as usize, 1 << (k & 63))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_every_word_and_rules_out_most_others() {
        let words = ["may", "might", "could", "likely", "perhaps", "alleged"];
        let filter = WordFilter::new(words);
        for w in words {
            assert!(filter.may_hold(word_hash(w.as_bytes())), "{w}");
        }
        let others = ["the", "of", "and", "to", "a", "in", "said", "that", "for", "on", "is", "was", "with"];
        let held = others.iter().filter(|w| filter.may_hold(word_hash(w.as_bytes()))).count();
        assert!(held <= 1, "{held} of {} other words pass", others.len());
    }
}
