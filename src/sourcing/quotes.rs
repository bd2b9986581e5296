//! Which tokens sit inside a quotation. Speech inside quotes is mostly the quoted
//! speaker's own talk ("People know who Hillary is," he said): news annotators
//! rarely treat the groups a speaker mentions there as the article's sources.

use std::cell::Cell;

use crate::text::{Document, Token, TokenKind};

/// Which tokens sit inside a quotation (the quote marks themselves do not).
/// Straight double quotes and doubled apostrophes ('') toggle; curly ones open and
/// close. Every line starts outside, so an unbalanced quote cannot leak.
///
/// Asked about the first word of each cue, not about every token: an answer walks
/// from the start of the token's line (or from where the last walk stopped on it),
/// and the lines without a cue are never read.
pub struct Quotes<'d> {
    doc: &'d Document<'d>,
    /// Where the last walk stopped: the first token of the step that answered it,
    /// and whether a quotation was open before that token.
    resume: Cell<(usize, bool)>,
    /// States a walk kept on its way, in token order: before token `k`, a quotation
    /// was open or not. Cues are asked about in nearly increasing order, but not
    /// quite: one asked about before the last stop starts from the nearest of these,
    /// not from its line's start, which on a page of one long line was a walk over
    /// most of the text for each such cue. One at least every `CHECKPOINT` tokens a
    /// walk passes, whatever their kind (a text without punctuation has long lines too).
    kept: Cell<Vec<(usize, bool)>>,
}

/// At least this many tokens between two states `Quotes` keeps.
const CHECKPOINT: usize = 64;

impl<'d> Quotes<'d> {
    pub fn new(doc: &'d Document<'d>) -> Self {
        Quotes { doc, resume: Cell::new((0, false)), kept: Cell::new(Vec::new()) }
    }

    /// Token `i` sits inside a quotation (false past the end). Out of line: asked once
    /// a candidate, and inlined it made the Wasm module larger.
    #[inline(never)]
    pub fn inside(&self, i: usize) -> bool {
        let tokens = &self.doc.tokens;
        let (resume, resume_open) = self.resume.get();
        let mut kept = self.kept.take();
        // From the start of `i`'s line, where every quotation is closed, from where the
        // last walk stopped if that is on the line before `i` (the lines between are
        // not read), or from the last state kept before `i`, whichever is nearest. Each
        // is the start of a step: a line's first token follows whitespace, so it is
        // never the second of a doubled apostrophe, and states are kept at steps.
        let before = match kept.last() {
            // Asked in increasing order, the last state kept comes before `i`.
            Some(&last) if last.0 <= i => Some(last),
            _ => kept.partition_point(|&(at, _)| at <= i).checked_sub(1).and_then(|j| kept.get(j)).copied(),
        };
        // The nearer of the two known states at or before `i`.
        let known = match before {
            Some(kept) if resume > i || kept.0 > resume => Some(kept),
            _ if resume <= i => Some((resume, resume_open)),
            _ => None,
        };
        let floor = known.map_or(0, |(at, _)| at);
        let mut k = i;
        while k > floor && tokens.get(k).is_some_and(|t| !t.newline_before) {
            k -= 1;
        }
        let mut open = known.is_some_and(|(at, open)| at == k && open);
        let mut keep_from = kept.last().map_or(0, |&(at, _)| at + CHECKPOINT);
        let mut answer = false;
        while let Some(t) = tokens.get(k) {
            if t.newline_before {
                open = false;
            }
            if k >= keep_from {
                kept.push((k, open));
                keep_from = k + CHECKPOINT;
            }
            let (flag, next, after) = self.step(k, t, open);
            if i < next {
                self.resume.set((k, open));
                answer = flag;
                break;
            }
            (k, open) = (next, after);
        }
        self.kept.set(kept);
        answer
    }

    /// Reads token `k` (`t`) with a quotation `open` or not before it: whether it is
    /// inside one, the next token to read (both of a doubled apostrophe are read at
    /// once), and whether a quotation is open after. Punctuation is read as bytes, not
    /// as a `str` slice.
    #[inline]
    fn step(&self, k: usize, t: &Token, open: bool) -> (bool, usize, bool) {
        if t.kind != TokenKind::Punct {
            return (open, k + 1, open);
        }
        let text = self.doc.text.as_bytes();
        let bytes = |t: &Token| text.get(t.start..t.end).unwrap_or_default();
        match bytes(t) {
            b"\"" => (false, k + 1, !open),
            b"\xe2\x80\x9c" => (false, k + 1, true),  // “
            b"\xe2\x80\x9d" => (false, k + 1, false), // ”
            b"'" if self.doc.tokens.get(k + 1).is_some_and(|n| !n.space_before && bytes(n) == b"'") => {
                (false, k + 2, !open)
            }
            _ => (open, k + 1, open),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted_words(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let quotes = Quotes::new(&doc);
        let flags: Vec<bool> = (0..doc.tokens.len()).map(|i| quotes.inside(i)).collect();
        (0..doc.tokens.len()).filter(|&i| flags[i] && doc.is_word(i)).map(|i| doc.tok(i).to_string()).collect()
    }

    /// Every token's flag in one walk over the tokens' text, as first written: the oracle.
    fn inside_by_str(doc: &Document) -> Vec<bool> {
        let mut flags = vec![false; doc.tokens.len()];
        let mut open = false;
        let mut i = 0;
        while i < doc.tokens.len() {
            let t = &doc.tokens[i];
            if t.newline_before {
                open = false;
            }
            if t.kind != TokenKind::Punct {
                flags[i] = open;
                i += 1;
                continue;
            }
            let doubled =
                doc.tok(i) == "'" && doc.tokens.get(i + 1).is_some_and(|n| !n.space_before && doc.tok(i + 1) == "'");
            match doc.tok(i) {
                "\"" => open = !open,
                "“" => open = true,
                "”" => open = false,
                _ if doubled => {
                    open = !open;
                    i += 1;
                }
                _ => flags[i] = open,
            }
            i += 1;
        }
        flags
    }

    /// Tokens asked in any order, and again, get the flags of one walk over them all.
    #[test]
    fn tokens_asked_in_any_order_equal_one_walk() {
        let texts = [
            "“A ''b'' \"c\" ‘d’ ' ' e”, f.\n“g ''",
            "'''' “ ” \" ''x",
            "",
            "”",
            "''",
            "a ' ' b",
            "He said “we ''will'' go\nnow” and \"then\n“stop” ''x'' y.\n\nZ “q",
            // One long line: the walks that go back start from the states kept on it.
            &"A “b ''c'' d” e \"f g\" h ' ' i. ".repeat(40),
        ];
        for text in texts {
            let doc = Document::new(text);
            let want = inside_by_str(&doc);
            let n = doc.tokens.len();
            let orders: Vec<Vec<usize>> = vec![
                (0..n + 2).collect(),
                (0..n + 2).rev().collect(),
                (0..n).map(|k| (k * 7) % n).chain((0..n).step_by(2)).collect(),
            ];
            for order in orders {
                let quotes = Quotes::new(&doc);
                for &i in &order {
                    let at = want.get(i).copied().unwrap_or(false);
                    assert_eq!(quotes.inside(i), at, "{text:?} token {i} in {order:?}");
                }
            }
        }
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("“People know,” he said.", &["People", "know"]),
            ("\"People know,\" he said.", &["People", "know"]),
            ("''People know,'' he said.", &["People", "know"]),
            ("He said people know.", &[]),
            // An unclosed quote stops at the end of the paragraph.
            ("“Open quote\nCritics say so.", &["Open", "quote"]),
            // Apostrophes are not quotes.
            ("The voters’ choice, Jones’ view.", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(quoted_words(text), *want, "quoted words in {text:?}");
        }
    }
}
