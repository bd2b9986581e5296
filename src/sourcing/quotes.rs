//! Which tokens sit inside a quotation. Speech inside quotes is mostly the quoted
//! speaker's own talk ("People know who Hillary is," he said): news annotators
//! rarely treat the groups a speaker mentions there as the article's sources.

use crate::text::{Document, Token, TokenKind};

/// One flag per token: inside a quotation (the quote marks themselves are not).
/// Straight double quotes and doubled apostrophes ('') toggle; curly ones open and
/// close. Every paragraph starts outside, so an unbalanced quote cannot leak.
/// Every token passes here: punctuation is read as bytes, not as a `str` slice.
pub fn inside(doc: &Document) -> Vec<bool> {
    let text = doc.text.as_bytes();
    let bytes = |t: &Token| text.get(t.start..t.end).unwrap_or_default();
    let mut flags = vec![false; doc.tokens.len()];
    let mut open = false;
    let mut i = 0;
    while let Some(t) = doc.tokens.get(i) {
        if t.newline_before {
            open = false;
        }
        if t.kind != TokenKind::Punct {
            if let Some(f) = flags.get_mut(i) {
                *f = open;
            }
            i += 1;
            continue;
        }
        let s = bytes(t);
        let doubled = s == b"'" && doc.tokens.get(i + 1).is_some_and(|n| !n.space_before && bytes(n) == b"'");
        match s {
            b"\"" => open = !open,
            b"\xe2\x80\x9c" => open = true,  // “
            b"\xe2\x80\x9d" => open = false, // ”
            _ if doubled => {
                open = !open;
                i += 1;
            }
            _ => {
                if let Some(f) = flags.get_mut(i) {
                    *f = open;
                }
            }
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

    /// `inside` as first written, over the tokens' text: the oracle.
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

    #[test]
    fn bytes_equal_the_tokens_text() {
        for text in ["“A ''b'' \"c\" ‘d’ ' ' e”, f.\n“g ''", "'''' “ ” \" ''x", "", "”", "''", "a ' ' b"]
        {
            let doc = Document::new(text);
            assert_eq!(inside(&doc), inside_by_str(&doc), "{text:?}");
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
