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
//! text cost more than the rules themselves). Each rule starts from one bit, so a
//! rule that starts from either of two has a bit for the pair.
//!
//! The same probe gives the bits of the words the style statistics count (`style`),
//! which no rule starts from: one table for both, built once.
//!
//! Most tokens need no probe at all: the learned model's vocabulary holds most words
//! of news, the model finds each token's rank anyway (`Model::elements`), and it keeps
//! the bits of each of its words by rank (`by_rank`), read when the model is.

use std::sync::OnceLock;

use super::model::Elem;
use super::{article_plural, collocation, institution_near_miss, name_in_role, role_title, style};
use crate::lexicon::FilteredTable;
use crate::text::Document;

/// "to": `modal_to`, `broken_coordination`.
pub const TO: u32 = 1;
/// "a", "an": `article_plural`.
pub const A_OR_AN: u32 = 1 << 1;
/// ".": `broken_sentence`, `doubled_punctuation`.
pub const STOP: u32 = 1 << 2;
/// ",": `doubled_punctuation`.
pub const COMMA: u32 = 1 << 3;
/// A role word or a party: `role_title`.
pub const ROLE_OR_PARTY: u32 = 1 << 4;
/// A noun for an organisation: `name_in_role` (the word before the name).
pub const GROUP: u32 = 1 << 5;
/// The head noun of an institution's name: `institution_near_miss`.
pub const HEAD: u32 = 1 << 6;
/// A possessive or a comma: `institution_near_miss` (a country and its capital).
pub const POSSESSIVE_OR_COMMA: u32 = 1 << 7;
/// A word that opens a set phrase: `collocation`.
pub const OPENER: u32 = 1 << 8;
/// `STOP` or `COMMA`: `doubled_punctuation`.
pub const STOP_OR_COMMA: u32 = 1 << 9;
/// `HEAD` or `POSSESSIVE_OR_COMMA`: `institution_near_miss`.
pub const HEAD_OR_POSSESSIVE: u32 = 1 << 10;

/// How many cue bits there are: `HEAD_OR_POSSESSIVE` is the last.
const BITS: usize = 11;
const _: () = assert!(HEAD_OR_POSSESSIVE == 1 << (BITS - 1));

/// A word human translators reach for (`style`'s translator words).
pub const TRANSLATOR_WORD: u32 = 1 << BITS;
/// "this", "these" (`style`).
pub const DEMONSTRATIVE: u32 = 1 << (BITS + 1);
/// A verb that reports speech or thought (`style`).
pub const REPORTING_VERB: u32 = 1 << (BITS + 2);
/// A dash (`style`).
pub const DASH: u32 = 1 << (BITS + 3);
/// A quotation mark (`style`).
pub const QUOTE: u32 = 1 << (BITS + 4);

/// A preposition or verb before "a" (`article_plural`).
pub const PREPOSITION: u32 = 1 << (BITS + 5);
/// A plural noun after "a" (`article_plural`).
pub const PLURAL: u32 = 1 << (BITS + 6);

/// The bits a rule starts from, whose tokens are listed (`Cues::cued`).
const STARTS: u32 = TO | A_OR_AN | STOP | ROLE_OR_PARTY | GROUP | OPENER | STOP_OR_COMMA | HEAD_OR_POSSESSIVE;

/// The bits of the pairs, from the bits of a token: a bit per pair of bits, so the
/// pairs of bits `a | b` are those of `a` with those of `b` (the table holds each
/// word's with its bits).
fn pairs(bits: u32) -> u32 {
    let either = |pair: u32, bit: u32| if bits & pair != 0 { bit } else { 0 };
    either(STOP | COMMA, STOP_OR_COMMA) | either(HEAD | POSSESSIVE_OR_COMMA, HEAD_OR_POSSESSIVE)
}

/// The bits of a possessive or a comma (`of_form`), with its pair's.
const POSSESSIVE_BITS: u32 = POSSESSIVE_OR_COMMA | HEAD_OR_POSSESSIVE;

/// Every cue word and mark with its bits (a word on several lists comes once per
/// list), from the rules' own lists, and the words of the style statistics: `each`
/// of them in turn.
fn each_listed(each: &mut dyn FnMut(&str, u32)) {
    // Slices, not iterators: each kind of iterator behind a `dyn Iterator` brought its
    // own copy of every iterator method into the Wasm code.
    fn add(each: &mut dyn FnMut(&str, u32), words: &[&str], bit: u32) {
        for w in words {
            each(w, bit | pairs(bit));
        }
    }
    add(each, &["to"], TO);
    add(each, &["a", "an"], A_OR_AN);
    add(each, &["."], STOP);
    add(each, &[","], COMMA);
    add(each, role_title::SPOKES, ROLE_OR_PARTY);
    add(each, role_title::PARTIES, ROLE_OR_PARTY);
    add(each, name_in_role::GROUPS, GROUP);
    for family in institution_near_miss::HEAD_FAMILIES {
        add(each, family, HEAD);
    }
    for w in collocation::openers() {
        add(each, &[w], OPENER);
    }
    add(each, style::TRANSLATOR_WORDS, TRANSLATOR_WORD);
    add(each, style::DEMONSTRATIVES, DEMONSTRATIVE);
    add(each, style::REPORTING_VERBS, REPORTING_VERB);
    add(each, style::DASHES, DASH);
    add(each, style::QUOTES, QUOTE);
    add(each, article_plural::PREPOSITIONS, PREPOSITION);
    add(each, article_plural::PLURALS, PLURAL);
}

/// Every listed word and mark (`each_listed`) with its bits, and the bits of every
/// one-byte token by its byte.
struct Table {
    words: FilteredTable<u32>,
    /// The bits of the ASCII character of each value, as a token of its own: most
    /// tokens outside the model's vocabulary are marks of one byte ("," and ".").
    bytes: [u32; 128],
}

impl Table {
    /// The cue bits of a token whose lower-case text is `low`, of hash `hash`.
    #[inline(always)]
    fn bits(&self, low: &[u8], hash: u32) -> u32 {
        match low {
            [b] => self.bytes.get(usize::from(*b)).copied().unwrap_or(0),
            _ => self.words.get_hashed(low, hash).unwrap_or(0) | of_form(low),
        }
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Sparse (a quarter full at most), so that a probe past the filter mostly
        // stops at the first slot.
        let mut words = FilteredTable::with_capacity(4 * 128);
        let mut bytes = [0; 128];
        each_listed(&mut |w, bits| {
            words.insert(w, bits, |a, b| a | b);
            if let [b] = w.as_bytes() {
                if let Some(at) = bytes.get_mut(usize::from(*b)) {
                    *at |= bits;
                }
            }
        });
        // Of the forms (`of_form`), only a comma is one byte long.
        bytes[usize::from(b',')] |= of_form(b",");
        Table { words, bytes }
    })
}

/// The bits a word or mark whose lower-case text is `low` has by its form, on no list:
/// those of a possessive or a comma.
pub fn of_form(low: &[u8]) -> u32 {
    if institution_near_miss::is_possessive_or_comma(low) {
        POSSESSIVE_BITS
    } else {
        0
    }
}

/// The cue bits of the words of a vocabulary by rank, given those of their forms
/// (`of_form`, by rank) and `rank`, which finds a word's rank: a token that is a
/// vocabulary word takes its bits from there (`of`) rather than from a probe.
pub fn by_rank(mut of_forms: Vec<u32>, rank: impl Fn(&[u8]) -> Option<u32>) -> Vec<u32> {
    each_listed(&mut |w, bits| {
        if let Some(at) = rank(w.as_bytes()).and_then(|r| of_forms.get_mut(r as usize)) {
            *at |= bits;
        }
    });
    of_forms
}

/// Each token's cue bits, and the tokens that have each bit.
pub struct Cues {
    /// Indexed like `doc.tokens`.
    bits: Vec<u32>,
    /// Per bit, the tokens that have it, in order (for the bits of `STARTS`).
    tokens: [Vec<u32>; BITS],
}

impl Cues {
    /// Token `i`'s cue bits (none past the end).
    pub fn get(&self, i: usize) -> u32 {
        self.bits.get(i).copied().unwrap_or(0)
    }

    /// The cue bits of the tokens `range` (none past the end).
    pub fn bits_of(&self, range: std::ops::Range<usize>) -> &[u32] {
        self.bits.get(range).unwrap_or_default()
    }

    /// The tokens with the bit `bit`, one of `STARTS`, in order.
    pub fn cued(&self, bit: u32) -> impl Iterator<Item = usize> + '_ {
        // A bit outside `STARTS` has no list: its rule would silently find nothing.
        debug_assert!(bit.is_power_of_two() && bit & STARTS != 0, "{bit:b} is not a listed start bit");
        let list = self.tokens.get(bit.trailing_zeros() as usize).map_or(&[][..], Vec::as_slice);
        list.iter().map(|&i| i as usize)
    }
}

/// The cue bits of a word or mark whose lower-case text is `low`, probed: what `of`
/// gives a token that is no vocabulary word (`by_rank`'s oracle).
#[cfg(test)]
pub fn probed(low: &[u8]) -> u32 {
    table().words.get_hashed(low, crate::text::word_hash(low)).unwrap_or(0) | of_form(low)
}

/// Each token's cue bits, indexed like `doc.tokens`, and each bit's tokens.
/// `by_rank` gives the bits of the learned model's words by rank (as `by_rank` makes
/// them), and `elements` each token as the model's element (`Model::elements` with
/// the whole vocabulary): a token that is a vocabulary word takes its bits from there.
/// Both are empty without a model.
// Out of line: inlined into the whole stage, its loop over the tokens spilled more.
#[inline(never)]
pub fn of(doc: &Document, by_rank: &[u32], elements: &[Elem]) -> Cues {
    let table = table();
    let lower = doc.lower.as_bytes();
    // Room for a token in 16 in each list up front (more than most bits have in news):
    // grown from empty, the lists took a dozen reallocations per text.
    let room = doc.tokens.len() / 16;
    let mut tokens: [Vec<u32>; BITS] =
        std::array::from_fn(|b| if STARTS & (1 << b) != 0 { Vec::with_capacity(room) } else { Vec::new() });
    let bits = doc
        .tokens
        .iter()
        .zip(&doc.hashes)
        .enumerate()
        .map(|(i, (t, &hash))| {
            // An element below the vocabulary's size is a rank; shapes lie far above it.
            let known = elements.get(i).and_then(|&e| by_rank.get(e as usize));
            let bits = match known {
                Some(&bits) => bits,
                None => table.bits(lower.get(t.start..t.end).unwrap_or_default(), hash),
            };
            let mut rest = bits & STARTS;
            while rest != 0 {
                if let Some(list) = tokens.get_mut(rest.trailing_zeros() as usize) {
                    list.push(i as u32);
                }
                rest &= rest - 1;
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
    fn oracle(doc: &Document, i: usize) -> u32 {
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
            (institution_near_miss::is_possessive_or_comma(doc.low(i).as_bytes()), POSSESSIVE_OR_COMMA),
            (opener, OPENER),
            (style::TRANSLATOR_WORDS.contains(&doc.low(i)), TRANSLATOR_WORD),
            (style::DEMONSTRATIVES.contains(&doc.low(i)), DEMONSTRATIVE),
            (style::REPORTING_VERBS.contains(&doc.low(i)), REPORTING_VERB),
            (style::DASHES.contains(&doc.low(i)), DASH),
            (style::QUOTES.contains(&doc.low(i)), QUOTE),
            (article_plural::PREPOSITIONS.contains(&doc.low(i)), PREPOSITION),
            (article_plural::PLURALS.contains(&doc.low(i)), PLURAL),
        ]
        .iter()
        .filter(|c| c.0)
        .fold(0, |bits, c| bits | c.1)
    }

    /// The oracle's bits with the pairs'.
    fn oracle_with_pairs(doc: &Document, i: usize) -> u32 {
        let bits = oracle(doc, i);
        let stop_or_comma = if bits & (STOP | COMMA) != 0 { STOP_OR_COMMA } else { 0 };
        let head_or_possessive = if bits & (HEAD | POSSESSIVE_OR_COMMA) != 0 { HEAD_OR_POSSESSIVE } else { 0 };
        bits | stop_or_comma | head_or_possessive
    }

    /// The cues of a text probed token by token (no model), and those taken from the
    /// shipped model's vocabulary where a token is one of its words.
    fn both_ways(doc: &Document) -> [Cues; 2] {
        let m = super::super::model::get().expect("the model compiled in");
        [of(doc, &[], &[]), of(doc, m.cue_bits(), &m.elements(doc, m.vocab_len()))]
    }

    #[test]
    fn cues_equal_the_rules_own_tests() {
        let text = "To the Democratic National Commission, a spokesman for the group Taliban said so. \
                    Qatar's Doha, an aide said , . Contributed reporting to this; could not be reached. \
                    TO A An spokeswoman GOP party’s Committee's bank. … However, these said: \
                    THIS, Very thus sayings Said véry that those. “Yes” — «non» - – \"x\" --. \
                    Amid a Talks, held troops people of Peace talks-based resumed.";
        let doc = Document::new(text);
        for cues in both_ways(&doc) {
            for i in 0..doc.tokens.len() {
                assert_eq!(cues.get(i), oracle_with_pairs(&doc, i), "{:?}", doc.tok(i));
            }
            assert!((0..doc.tokens.len()).filter(|&i| cues.get(i) != 0).count() > 20);
        }
    }

    /// A token of one byte takes the bits a probe of the table finds for it.
    #[test]
    fn bits_by_byte_equal_a_probe() {
        for b in 0..128u8 {
            assert_eq!(table().bytes[usize::from(b)], probed(&[b]), "{:?}", char::from(b));
        }
        assert_ne!(table().bytes[usize::from(b',')], 0);
    }

    #[test]
    fn possessive_bits_are_those_of_the_bit_and_its_pair() {
        assert_eq!(POSSESSIVE_BITS, POSSESSIVE_OR_COMMA | pairs(POSSESSIVE_OR_COMMA));
    }

    /// `cued` gives the tokens a search of every token's bits gives, for every bit.
    #[test]
    fn cued_equals_a_search_of_the_bits() {
        let text = "To the Democratic National Commission, a spokesman for the group Taliban said so. \
                    Qatar's Doha, an aide said , . Contributed reporting to this; could not be reached. \
                    TO A An spokeswoman GOP party’s Committee's bank. … a, to. The";
        let doc = Document::new(text);
        for cues in both_ways(&doc) {
            for bit in (0..BITS).map(|b| 1 << b).filter(|&bit| bit & STARTS != 0) {
                let want: Vec<usize> = (0..doc.tokens.len()).filter(|&i| cues.get(i) & bit != 0).collect();
                assert!(!want.is_empty(), "{bit:b}");
                assert_eq!(cues.cued(bit).collect::<Vec<_>>(), want, "{bit:b}");
            }
        }
    }
}
