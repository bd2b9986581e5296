//! Which tokens sit inside a quotation. Speech inside quotes is mostly the quoted
//! speaker's own talk ("People know who Hillary is," he said): news annotators
//! rarely treat the groups a speaker mentions there as the article's sources.

use crate::text::{Document, Token, TokenKind};

/// One flag per token: inside a quotation (the quote marks themselves are not).
/// Straight double quotes and doubled apostrophes ('') toggle; curly ones open and
/// close. Every paragraph starts outside, so an unbalanced quote cannot leak.
pub fn inside(doc: &Document) -> Vec<bool> {
    let text = doc.text.as_bytes();
    let tok = |t: &Token| text.get(t.start..t.end).unwrap_or_default();
    let mut flags = vec![false; doc.tokens.len()];
    let mut open = false;
    // The second apostrophe of a doubled one: neither flagged nor read.
    let mut skip = false;
    for ((t, next), flag) in doc.tokens.iter().zip(doc.tokens.iter().skip(1).map(Some).chain([None])).zip(&mut flags) {
        if std::mem::take(&mut skip) {
            continue;
        }
        if t.newline_before {
            open = false;
        }
        if t.kind != TokenKind::Punct {
            *flag = open;
            continue;
        }
        match tok(t) {
            b"\"" => open = !open,
            [0xe2, 0x80, 0x9c] => open = true,  // “
            [0xe2, 0x80, 0x9d] => open = false, // ”
            b"'" if next.is_some_and(|n| !n.space_before && tok(n) == b"'") => {
                open = !open;
                skip = true;
            }
            _ => *flag = open,
        }
    }
    flags
}

/// `inside` as first written, a token index at a time: the oracle it is tested against.
#[cfg(test)]
fn inside_by_index(doc: &Document) -> Vec<bool> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted_words(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let flags = inside(&doc);
        (0..doc.tokens.len()).filter(|&i| flags[i] && doc.is_word(i)).map(|i| doc.tok(i).to_string()).collect()
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

    #[test]
    fn equals_the_walk_by_index() {
        let parts = ["'", "''", "\"", "“", "”", "word", " ", "\n", ",", "’", "‘", "x'", "é"];
        let mut state: u64 = 3;
        for round in 0..5000 {
            let mut text = String::new();
            for _ in 0..(round % 30) {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                text.push_str(parts[(state >> 33) as usize % parts.len()]);
            }
            let doc = Document::new(&text);
            assert_eq!(inside(&doc), inside_by_index(&doc), "{text:?}");
        }
    }
}
