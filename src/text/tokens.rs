//! Tokens: words (with inner apostrophes, hyphens and acronym dots), numbers,
//! and single punctuation characters. Whitespace is not a token.

use super::{hash_finish, hash_step};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, digits and marks, with inner `'` `’` `-` and acronym dots ("U.S.").
    Word,
    /// Starts with a digit: "2018", "8,600", "4.5", "29155".
    Number,
    /// One character that is neither a word character nor whitespace.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Whitespace (or the start of the text) comes right before this token.
    pub space_before: bool,
    /// A newline lies between the previous token and this one.
    pub newline_before: bool,
    /// The first character is upper-case (`char::is_uppercase`).
    pub upper: bool,
    /// Every byte is ASCII: the token has as many characters as bytes.
    pub ascii: bool,
}

fn is_word_char(c: char) -> bool {
    // Dashes, curly quotes, bullets and the ellipsis (U+2010 to U+2027) are frequent in
    // news and never word characters: answered before the Unicode tables are searched.
    if ('\u{2010}'..='\u{2027}').contains(&c) {
        return false;
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Combining marks (e.g. U+0301) belong to the letter before them.
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || c == '\u{200D}'
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&')
}

/// The character at byte `at` and its length; ASCII without decoding.
#[inline]
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(at)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    text.get(at..)?.chars().next().map(|c| (c, c.len_utf8()))
}

#[inline]
fn is_word_char_at(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(b) if *b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => char_at(text, at).is_some_and(|(c, _)| is_word_char(c)),
        None => false,
    }
}

/// Each ASCII letter or digit in lower case; 0 for every other byte.
const ALNUM_LOWER: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] = (b as u8).to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// Words, numbers and punctuation, walking bytes (ASCII, most of any text, needs no
/// decoding; see `tokenize_by_chars` in the tests for the plain statement of the rules).
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_hashed(text).0
}

/// The tokens, and the `word_hash` of each one's ASCII-lower-case form, computed
/// while the bytes are read.
///
/// An ASCII byte is dispatched on directly: whitespace, punctuation (one byte, one
/// token) and a run of letters and digits that ends where no joiner could extend it
/// (most words) never decode a character; the rest goes to `extend_word`. Each branch
/// gathers its own token (`Batch`): where the branches met, the values they joined
/// were kept on the stack. Out of line: inlined into its caller it has fewer
/// registers for its loops.
#[inline(never)]
pub fn tokenize_hashed(text: &str) -> (Vec<Token>, Vec<u32>) {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut hashes = Vec::with_capacity(text.len() / 5);
    let mut batch = Batch::new();
    let mut filled = 0;
    let mut space_before = true;
    let mut newline_before = false;
    let mut pos = 0;
    while let Some(&b) = bytes.get(pos) {
        let start = pos;
        // A word first: after the space taken below, most tokens start with a letter.
        let first = ALNUM_LOWER[usize::from(b)];
        let end = if first != 0 {
            let mut hash = hash_step(0, first);
            let mut end = start + 1;
            while let Some(&lower) = bytes.get(end).map(|&b| &ALNUM_LOWER[usize::from(b)]) {
                if lower == 0 {
                    break;
                }
                hash = hash_step(hash, lower);
                end += 1;
            }
            let numeric = b.is_ascii_digit();
            let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
            let upper = b.is_ascii_uppercase();
            if ends_ascii_run(bytes, end) {
                filled = batch.push_word(
                    filled,
                    Token { start, end, kind, space_before, newline_before, upper, ascii: true },
                    hash_finish(hash, end - start),
                    &mut tokens,
                    &mut hashes,
                );
                end
            } else {
                let (end, hash, ascii) = extend_word(text, start, numeric, end, hash);
                filled = batch.push(
                    filled,
                    Token { start, end, kind, space_before, newline_before, upper, ascii },
                    hash_finish(hash, end - start),
                    &mut tokens,
                    &mut hashes,
                );
                end
            }
        } else if b < 0x80 {
            if b == b' ' || (b'\t'..=b'\r').contains(&b) {
                space_before = true;
                newline_before |= b == b'\n' || b == b'\r';
                pos += 1;
                continue;
            }
            // Punctuation or a control character: one byte, no letter to lower.
            let end = start + 1;
            let kind = TokenKind::Punct;
            filled = batch.push(
                filled,
                Token { start, end, kind, space_before, newline_before, upper: false, ascii: true },
                hash_finish(hash_step(0, b), 1),
                &mut tokens,
                &mut hashes,
            );
            end
        } else {
            let Some(c) = text.get(pos..).and_then(|rest| rest.chars().next()) else { break };
            let len = c.len_utf8();
            if c.is_whitespace() {
                space_before = true;
                newline_before |= c == '\u{2029}';
                pos += len;
                continue;
            }
            let first = bytes.get(start..start + len).unwrap_or_default();
            let hash = first.iter().fold(0, |h, &b| hash_step(h, b));
            let (end, kind, hash) = if is_word_char(c) {
                let (end, hash, _) = extend_word(text, start, false, start + len, hash);
                (end, TokenKind::Word, hash)
            } else {
                (start + len, TokenKind::Punct, hash)
            };
            let upper = c.is_uppercase();
            filled = batch.push(
                filled,
                Token { start, end, kind, space_before, newline_before, upper, ascii: false },
                hash_finish(hash, end - start),
                &mut tokens,
                &mut hashes,
            );
            end
        };
        // One space between two tokens is the common case: taken here, not by a turn
        // of the loop.
        space_before = bytes.get(end) == Some(&b' ');
        newline_before = false;
        pos = end + usize::from(space_before);
    }
    batch.append(filled, &mut tokens, &mut hashes);
    (tokens, hashes)
}

/// How many tokens `Batch` gathers before it appends them.
const BATCH: usize = 64;

/// The tokenizer's output, gathered `BATCH` tokens at a time in arrays, then appended
/// to the vectors: a push to a vector loads and stores its length in memory (its
/// address escapes to the code that grows it), while the count of gathered tokens
/// stays in a register.
struct Batch {
    tokens: [Token; BATCH],
    hashes: [u32; BATCH],
}

impl Batch {
    fn new() -> Batch {
        let none = Token {
            start: 0,
            end: 0,
            kind: TokenKind::Punct,
            space_before: false,
            newline_before: false,
            upper: false,
            ascii: false,
        };
        Batch { tokens: [none; BATCH], hashes: [0; BATCH] }
    }

    /// Adds a token and its hash to the `filled` gathered ones; returns how many are
    /// gathered now. A full batch is appended first (a call), and the token stored
    /// after: the places that push share one store.
    #[inline(always)]
    fn push(
        &mut self,
        filled: usize,
        token: Token,
        hash: u32,
        tokens: &mut Vec<Token>,
        hashes: &mut Vec<u32>,
    ) -> usize {
        let filled = if filled < BATCH {
            filled
        } else {
            self.append(filled, tokens, hashes);
            0
        };
        if let (Some(t), Some(h)) = (self.tokens.get_mut(filled), self.hashes.get_mut(filled)) {
            *t = token;
            *h = hash;
        }
        filled + 1
    }

    /// `push` for most words (ASCII letters and digits, no joiner), with a store of
    /// its own: where the places that push share theirs, the values they join are
    /// kept on the stack, which costs every word loads and stores (measured); the
    /// other places, fewer, share one to keep the module small.
    #[inline(always)]
    fn push_word(
        &mut self,
        filled: usize,
        token: Token,
        hash: u32,
        tokens: &mut Vec<Token>,
        hashes: &mut Vec<u32>,
    ) -> usize {
        if let (Some(t), Some(h)) = (self.tokens.get_mut(filled), self.hashes.get_mut(filled)) {
            *t = token;
            *h = hash;
            return filled + 1;
        }
        self.push(filled, token, hash, tokens, hashes)
    }

    /// Appends the first `filled` gathered tokens and hashes to `tokens` and `hashes`.
    #[inline(never)]
    fn append(&self, filled: usize, tokens: &mut Vec<Token>, hashes: &mut Vec<u32>) {
        tokens.extend_from_slice(self.tokens.get(..filled).unwrap_or_default());
        hashes.extend_from_slice(self.hashes.get(..filled).unwrap_or_default());
    }
}

/// A run of ASCII letters and digits that ends at `end` is a whole token: the text
/// ends there, or an ASCII byte follows that no joiner rule can take (a joiner, or a
/// comma, followed by anything but a letter or digit). Since the run holds no dot, it
/// is no acronym to keep a final dot either.
#[inline]
fn ends_ascii_run(bytes: &[u8], end: usize) -> bool {
    match bytes.get(end) {
        None => true,
        Some(&n) if n >= 0x80 => false,
        Some(b'\'' | b'-' | b'.' | b'&' | b',') => {
            bytes.get(end + 1).is_none_or(|&a| a < 0x80 && ALNUM_LOWER[usize::from(a)] == 0)
        }
        Some(_) => true,
    }
}

/// The rest of a word from `end` on: its end, the `hash_step`s of its lower-case bytes
/// (`hash` holds those of `start..end`), and whether every byte after `end` is ASCII.
/// Extends over word characters, and over a joiner that sits between two word
/// characters ("don't", "well-known", "U.S", "8,600", "4.5"). `numeric`: the word
/// starts with an ASCII digit.
#[inline(never)]
fn extend_word(text: &str, start: usize, numeric: bool, mut end: usize, mut hash: u32) -> (usize, u32, bool) {
    let bytes = text.as_bytes();
    // `hash_step`s of the lower-case bytes `start..hashed`, and those bytes from the
    // first `hashed` on or-ed together outside the ASCII runs (its high bit: a non-ASCII byte).
    let mut hashed = end;
    let mut high = 0u8;
    loop {
        // The bytes a step below passed over (a non-ASCII word character).
        for &b in bytes.get(hashed..end).unwrap_or_default() {
            hash = hash_step(hash, b.to_ascii_lowercase());
            high |= b;
        }
        // The common case first: a run of ASCII letters and digits, hashed as read.
        while let Some(&lower) = bytes.get(end).map(|&b| &ALNUM_LOWER[usize::from(b)]) {
            if lower == 0 {
                break;
            }
            hash = hash_step(hash, lower);
            end += 1;
        }
        hashed = end;
        let Some((n, nlen)) = char_at(text, end) else { break };
        // An ASCII character here is no word character (the run took those).
        if !n.is_ascii() && is_word_char(n) {
            end += nlen;
            continue;
        }
        if !(is_joiner(n) || (numeric && n == ',')) {
            break;
        }
        let after = end + nlen;
        let joins = is_word_char_at(text, after) && {
            // A dot joins only inside acronyms and decimals: "U.S", "4.5",
            // not "years.information".
            if n == '.' {
                (numeric && bytes.get(after).is_some_and(u8::is_ascii_digit))
                    || (last_segment_is_letter(text.get(start..end).unwrap_or_default()) && next_is_short(text, after))
            } else if n == ',' {
                bytes.get(after).is_some_and(u8::is_ascii_digit)
            } else {
                true
            }
        };
        if !joins {
            break;
        }
        end = after;
    }
    // An acronym keeps its final dot: "U.S." (but "U.S." at a sentence end
    // is resolved by the sentence splitter, which looks at what follows).
    if bytes.get(end) == Some(&b'.') && is_acronym(text.get(start..end).unwrap_or_default()) {
        end += 1;
    }
    for &b in bytes.get(hashed..end).unwrap_or_default() {
        hash = hash_step(hash, b.to_ascii_lowercase());
        high |= b;
    }
    (end, hash, high < 0x80)
}

/// The tokenizer as first written, over decoded characters: the oracle `tokenize`
/// is tested against.
#[cfg(test)]
fn tokenize_by_chars(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    let mut space_before = true;
    let mut newline_before = false;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            space_before = true;
            if c == '\n' || c == '\r' || c == '\u{2029}' {
                newline_before = true;
            }
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if is_word_char(c) {
            let numeric = c.is_ascii_digit();
            // Extend over word characters, and over a joiner that sits between two
            // word characters ("don't", "well-known", "U.S", "8,600", "4.5").
            loop {
                match chars.peek().copied() {
                    Some((_, n)) if is_word_char(n) => {
                        chars.next();
                        end += n.len_utf8();
                    }
                    Some((j, n)) if is_joiner(n) || (numeric && n == ',') => {
                        let after = j + n.len_utf8();
                        let next = text[after..].chars().next();
                        let joins = match next {
                            Some(x) if is_word_char(x) => {
                                // A dot joins only inside acronyms and decimals: "U.S", "4.5",
                                // not "years.information".
                                if n == '.' {
                                    (numeric && x.is_ascii_digit())
                                        || (last_segment_is_letter(&text[start..end]) && next_is_short(text, after))
                                } else if n == ',' {
                                    x.is_ascii_digit()
                                } else {
                                    true
                                }
                            }
                            _ => false,
                        };
                        if !joins {
                            break;
                        }
                        chars.next();
                        end = after;
                    }
                    _ => break,
                }
            }
            // An acronym keeps its final dot: "U.S." (but "U.S." at a sentence end
            // is resolved by the sentence splitter, which looks at what follows).
            if end < bytes.len() && bytes[end] == b'.' && is_acronym(&text[start..end]) {
                chars.next();
                end += 1;
            }
            if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            }
        } else {
            TokenKind::Punct
        };
        let ascii = text[start..end].is_ascii();
        tokens.push(Token { start, end, kind, space_before, newline_before, upper: c.is_uppercase(), ascii });
        space_before = false;
        newline_before = false;
    }
    tokens
}

/// "S" in "U.S" or "K" in "U.K": one letter before the next dot or a boundary.
fn next_is_short(text: &str, from: usize) -> bool {
    let mut it = text[from..].chars();
    it.next();
    !matches!(it.next(), Some(c) if is_word_char(c))
}

/// The word so far ends in a one-letter segment: "U", "U.S", "e", "e.g".
fn last_segment_is_letter(s: &str) -> bool {
    let seg = s.rsplit('.').next().unwrap_or(s);
    let mut it = seg.chars();
    matches!((it.next(), it.next()), (Some(c), None) if c.is_alphabetic())
}

/// "U.S", "U.K", "D.C", "e.g", "a.m": single letters joined by dots.
fn is_acronym(s: &str) -> bool {
    s.contains('.') && s.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.start..t.end]).collect()
    }

    /// The shortcut in `is_word_char` answers what the Unicode tables answer.
    #[test]
    fn general_punctuation_is_no_word_character() {
        for c in '\u{2010}'..='\u{2027}' {
            assert!(!(c.is_alphanumeric() || is_combining_mark(c)), "{c:?}");
            assert!(!c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Hello, world.", &["Hello", ",", "world", "."]),
            ("U.S. intelligence", &["U.S.", "intelligence"]),
            ("the U.K. and D.C.", &["the", "U.K.", "and", "D.C."]),
            ("don't well-known McEnany’s", &["don't", "well-known", "McEnany’s"]),
            ("from 8,600 to 4.5%", &["from", "8,600", "to", "4.5", "%"]),
            ("years. information,", &["years", ".", "information", ","]),
            ("affiliates. .", &["affiliates", ".", "."]),
            ("“We said,”", &["“", "We", "said", ",", "”"]),
            ("naïve café", &["naïve", "café"]),
            ("e.g. rents at 5 p.m. today", &["e.g.", "rents", "at", "5", "p.m.", "today"]),
            ("cafe\u{301} ok", &["cafe\u{301}", "ok"]),
            ("東京 مرحبا 👍🏽", &["東京", "مرحبا", "👍", "🏽"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "tokenizing {text:?}");
        }
    }

    #[test]
    fn equals_the_tokenizer_over_characters() {
        let parts = [
            "U", "S", ".", "a", "b", "word", "4", "5", ",", "'", "’", "-", "‐", "&", " ", "  ", "\n", "\r\n",
            "\u{2029}", "\u{2028}", "\u{a0}", "\u{85}", "é", "e\u{301}", "\u{200d}", "東京", "👍", "₂", "İ", "ſ", "\t",
            "!", "“", "\u{0}", "\u{b}", "\u{7f}", "Ⓐ", "(",
        ];
        let mut state: u64 = 11;
        for round in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(round % 40) {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                text.push_str(parts[(state >> 33) as usize % parts.len()]);
            }
            let (tokens, hashes) = tokenize_hashed(&text);
            assert_eq!(tokens, tokenize_by_chars(&text), "tokens of {text:?}");
            let lower = text.to_ascii_lowercase();
            let want: Vec<u32> =
                tokens.iter().map(|t| super::super::word_hash(&lower.as_bytes()[t.start..t.end])).collect();
            assert_eq!(hashes, want, "hashes of {text:?}");
        }
    }

    /// Texts of several batches (`BATCH`), ending anywhere in one: every token is
    /// appended once, in order.
    #[test]
    fn long_texts_equal_the_tokenizer_over_characters() {
        let words = ["Officials", "said", ",", "“", "U.S.", "8,600", "café", "—", "it's", "\n"];
        for n in [BATCH - 1, BATCH, BATCH + 1, 2 * BATCH, 3 * BATCH + 7] {
            let text: String = (0..n).map(|k| words[k % words.len()]).collect::<Vec<_>>().join(" ");
            let (tokens, hashes) = tokenize_hashed(&text);
            assert_eq!(tokens, tokenize_by_chars(&text), "{n} words");
            let lower = text.to_ascii_lowercase();
            let want: Vec<u32> =
                tokens.iter().map(|t| super::super::word_hash(&lower.as_bytes()[t.start..t.end])).collect();
            assert_eq!(hashes, want, "{n} words");
        }
    }

    #[test]
    fn flags_space_and_newline() {
        let t = tokenize("x. y\n\nz");
        assert!(t[0].space_before);
        assert!(!t[1].space_before);
        assert!(t[3].newline_before && t[3].space_before);
    }
}
