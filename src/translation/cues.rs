//! The tokens the rules start from, found for all of them in one pass over the text.
//!
//! Most translation rules begin at a few words or marks ("to", "a", ".", a head noun
//! such as "Committee"), and testing every token for them cost each rule several
//! instructions per token, a dozen times over. One probe of one table per token gives
//! its cue bits instead, and a rule walks the tokens that have its bits
//! (`Text::cued`), testing the rest of its pattern there. A cue is only where a rule
//! may start: each rule still tests the whole pattern, so a cue that is too wide costs
//! time, never a mark.
//!
//! The pass also lists, per bit, the tokens that have it: a rule walks its list
//! instead of searching every token's bits for its own (nine searches of the whole
//! text cost more than the rules themselves).

use super::{collocation, institution_near_miss, name_in_role, role_title};
use crate::lexicon::WordTable;
use crate::text::Document;

/// "to": `modal_to`, `broken_coordination`.
pub const TO: u16 = 1;
/// "a", "an": `article_plural`.
pub const A_OR_AN: u16 = 1 << 1;
/// ".": `broken_sentence`, `doubled_punctuation`.
pub const STOP: u16 = 1 << 2;
/// ",": `doubled_punctuation`.
pub const COMMA: u16 = 1 << 3;
/// A role word or a party: `role_title`.
pub const ROLE_OR_PARTY: u16 = 1 << 4;
/// A noun for an organisation: `name_in_role` (the word before the name).
pub const GROUP: u16 = 1 << 5;
/// The head noun of an institution's name: `institution_near_miss`.
pub const HEAD: u16 = 1 << 6;
/// A possessive or a comma: `institution_near_miss` (a country and its capital).
pub const POSSESSIVE_OR_COMMA: u16 = 1 << 7;
/// A word that opens a set phrase: `collocation`.
pub const OPENER: u16 = 1 << 8;

/// Every cue word and mark with its bits, from the rules' own lists. Built for each
/// text (a few dozen words: far less than the pass over the tokens), which keeps the
/// Wasm smaller than a table built once behind a lock.
fn table() -> WordTable<u32> {
    // Sparse (a quarter full at most): the probe for a word that is no cue, as most
    // words, mostly stops at the first slot.
    let mut table = WordTable::with_capacity(4 * 64);
    let mut add = |words: &mut dyn Iterator<Item = &str>, bit: u16| {
        for w in words {
            table.insert(w, u32::from(bit), |a, b| a | b);
        }
    };
    add(&mut ["to"].into_iter(), TO);
    add(&mut ["a", "an"].into_iter(), A_OR_AN);
    add(&mut ["."].into_iter(), STOP);
    add(&mut [","].into_iter(), COMMA);
    add(&mut role_title::SPOKES.iter().chain(role_title::PARTIES).copied(), ROLE_OR_PARTY);
    add(&mut name_in_role::GROUPS.iter().copied(), GROUP);
    add(&mut institution_near_miss::HEAD_FAMILIES.iter().flat_map(|f| f.iter().copied()), HEAD);
    add(&mut collocation::openers(), OPENER);
    table
}

/// How many cue bits there are: `OPENER` is the last.
const BITS: usize = 9;
const _: () = assert!(OPENER == 1 << (BITS - 1));

/// Each token's cue bits, and the tokens that have each bit.
pub struct Cues {
    /// Indexed like `doc.tokens`.
    bits: Vec<u16>,
    /// Per bit, the tokens that have it, in order.
    tokens: [Vec<u32>; BITS],
}

impl Cues {
    /// Token `i`'s cue bits (none past the end).
    pub fn get(&self, i: usize) -> u16 {
        self.bits.get(i).copied().unwrap_or(0)
    }

    /// The tokens with any of the bits `bits`, in order: the lists of those bits,
    /// merged (a rule asks for one bit or two).
    pub fn cued(&self, bits: u16) -> impl Iterator<Item = usize> + '_ {
        let mut lists: [&[u32]; BITS] = [&[]; BITS];
        let mut n = 0;
        for (bit, list) in self.tokens.iter().enumerate() {
            if bits & (1 << bit) != 0 {
                lists[n] = list;
                n += 1;
            }
        }
        std::iter::from_fn(move || {
            let lists = &mut lists[..n];
            let next = lists.iter().filter_map(|l| l.first()).min().copied()?;
            for l in lists.iter_mut() {
                if l.first() == Some(&next) {
                    *l = &l[1..];
                }
            }
            Some(next as usize)
        })
    }
}

/// Each token's cue bits, indexed like `doc.tokens`, and each bit's tokens.
pub fn of(doc: &Document) -> Cues {
    let table = table();
    let lower = doc.lower.as_bytes();
    let mut tokens: [Vec<u32>; BITS] = Default::default();
    let bits = doc
        .tokens
        .iter()
        .zip(&doc.hashes)
        .enumerate()
        .map(|(i, (t, &hash))| {
            let listed = table.get_hashed(&lower[t.start..t.end], hash).unwrap_or(0) as u16;
            let possessive = institution_near_miss::is_possessive_or_comma(doc, t);
            let bits = listed | if possessive { POSSESSIVE_OR_COMMA } else { 0 };
            if bits != 0 {
                for (bit, list) in tokens.iter_mut().enumerate() {
                    if bits & (1 << bit) != 0 {
                        list.push(i as u32);
                    }
                }
            }
            bits
        })
        .collect();
    Cues { bits, tokens }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bits of a token, each by the test its rule made of every token before.
    fn oracle(doc: &Document, i: usize) -> u16 {
        let role = role_title::SPOKES.contains(&doc.low(i)) || role_title::PARTIES.contains(&doc.low(i));
        let head = institution_near_miss::HEAD_FAMILIES.iter().any(|f| f.contains(&doc.low(i)));
        let opener = collocation::openers().any(|w| w == doc.low(i));
        [
            (doc.low_is(i, "to"), TO),
            (doc.low_in(i, &["a", "an"]), A_OR_AN),
            (doc.tok_is(i, "."), STOP),
            (doc.tok_is(i, ","), COMMA),
            (role, ROLE_OR_PARTY),
            (name_in_role::GROUPS.contains(&doc.low(i)), GROUP),
            (head, HEAD),
            (institution_near_miss::is_possessive_or_comma(doc, &doc.tokens[i]), POSSESSIVE_OR_COMMA),
            (opener, OPENER),
        ]
        .iter()
        .filter(|c| c.0)
        .fold(0, |bits, c| bits | c.1)
    }

    #[test]
    fn cues_equal_the_rules_own_tests() {
        let text = "To the Democratic National Commission, a spokesman for the group Taliban said so. \
                    Qatar's Doha, an aide said , . Contributed reporting to this; could not be reached. \
                    TO A An spokeswoman GOP party’s Committee's bank. …";
        let doc = Document::new(text);
        let cues = of(&doc);
        for i in 0..doc.tokens.len() {
            assert_eq!(cues.get(i), oracle(&doc, i), "{:?}", doc.tok(i));
        }
        assert!((0..doc.tokens.len()).filter(|&i| cues.get(i) != 0).count() > 20);
    }

    /// `cued` gives the tokens a search of every token's bits gives, for any bits.
    #[test]
    fn cued_equals_a_search_of_the_bits() {
        let text = "To the Democratic National Commission, a spokesman for the group Taliban said so. \
                    Qatar's Doha, an aide said , . Contributed reporting to this; could not be reached. \
                    TO A An spokeswoman GOP party’s Committee's bank. … a, to. The";
        let doc = Document::new(text);
        let cues = of(&doc);
        for bits in (0..1u16 << BITS).chain([u16::MAX]) {
            let want: Vec<usize> = (0..doc.tokens.len()).filter(|&i| cues.get(i) & bits != 0).collect();
            assert_eq!(cues.cued(bits).collect::<Vec<_>>(), want, "{bits:b}");
        }
    }
}
