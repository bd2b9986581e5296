//! Sentence boundaries over tokens.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (plus closing quotes and brackets) when
//! the next token starts a new sentence: an upper-case letter, a digit, an opening
//! quote, or a newline. A lower-case continuation is not a new sentence — that is
//! how "Zabihullah. he said" stays one (broken) sentence the translation rules can
//! see. Titles and initials ("Sen.", "Dr.", "J.") never end a sentence.

use std::sync::OnceLock;

use super::tokens::{Token, TokenKind};
use crate::lexicon::WordTable;

/// Titles and abbreviations that are normally followed by a name or a number.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mmes", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "cmdr",
    "sgt", "adm", "st", "mt", "ft", "jr", "sr", "rev", "hon", "pres", "supt", "atty", "no", "nos", "vs", "etc", "inc",
    "corp", "co", "ltd", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "ave", "blvd", "e.g",
    "i.e", "approx", "dept", "univ", "fig", "vol", "op", "cf", "al",
];

/// No abbreviation is longer, in bytes (a test checks).
const LONGEST_ABBREVIATION: usize = 6;

/// `ABBREVIATIONS` as a table (of the value type the language check's table has too).
fn abbreviations() -> &'static WordTable<u32> {
    static TABLE: OnceLock<WordTable<u32>> = OnceLock::new();
    TABLE.get_or_init(|| WordTable::new(ABBREVIATIONS.iter().map(|a| (a, 1)), |a, _| a))
}

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        return true; // an initial: "John F. Kennedy"
    }
    // ASCII case folded in a copy, then one probe: the list is all lower-case ASCII.
    let mut buf = [0u8; LONGEST_ABBREVIATION];
    let Some(lower) = buf.get_mut(..w.len()) else { return false };
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    abbreviations().get_bytes(lower).is_some()
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | "”" | "’" | ")" | "]" | "»")
}

fn starts_sentence(s: &str) -> bool {
    match s.chars().next() {
        Some(c) => {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '¿' | '¡')
        }
        None => false,
    }
}

/// Token index ranges, one per sentence, covering every token in order.
pub fn split(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut begin = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if i > begin && t.newline_before {
            out.push(begin..i);
            begin = i;
        }
        // Only a token ending in one of these can end a sentence: most are ruled out
        // by one byte ("…" ends in 0xA6).
        if !matches!(text.as_bytes().get(t.end.wrapping_sub(1)), Some(b'.' | b'!' | b'?' | 0xA6)) {
            i += 1;
            continue;
        }
        let s = &text[t.start..t.end];
        let terminal = t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?" | "…");
        let acronym_end = t.kind == TokenKind::Word && s.ends_with('.') && s.len() > 2;
        if terminal || acronym_end {
            // Swallow runs of terminal punctuation and closers: "?!", ".”", ".)".
            let mut j = i + 1;
            while j < tokens.len() && !tokens[j].space_before && tokens[j].kind == TokenKind::Punct {
                let n = &text[tokens[j].start..tokens[j].end];
                if matches!(n, "." | "!" | "?" | "…") || is_closer(n) {
                    j += 1;
                } else {
                    break;
                }
            }
            let ends = match tokens.get(j) {
                None => true,
                Some(next) if next.newline_before => true,
                Some(next) => {
                    let next_s = &text[next.start..next.end];
                    let prev_word = if terminal && i > 0 { &text[tokens[i - 1].start..tokens[i - 1].end] } else { s };
                    let after_abbrev =
                        (terminal && s == "." && i > 0 && !tokens[i].space_before && is_abbreviation(prev_word))
                            || (acronym_end && is_abbreviation_like_acronym(s));
                    next.space_before && starts_sentence(next_s) && !after_abbrev
                }
            };
            if ends {
                out.push(begin..j);
                begin = j;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    if begin < tokens.len() {
        out.push(begin..tokens.len());
    }
    out
}

/// "U.S." and "U.K." usually sit mid-sentence before a noun ("U.S. troops");
/// treat them as not ending the sentence unless a newline follows.
fn is_abbreviation_like_acronym(s: &str) -> bool {
    s.len() <= 6
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        split(text, &toks).into_iter().map(|r| text[toks[r.start].start..toks[r.end - 1].end].to_string()).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            ("U.S. intelligence concluded. Then more.", &["U.S. intelligence concluded.", "Then more."]),
            ("Sen. Bob Menendez asked. Dr. Who answered.", &["Sen. Bob Menendez asked.", "Dr. Who answered."]),
            ("Messrs. Drabinsky and Gottlieb left.", &["Messrs. Drabinsky and Gottlieb left."]),
            ("John F. Kennedy spoke.", &["John F. Kennedy spoke."]),
            ("“It is,” he said. “No.”", &["“It is,” he said.", "“No.”"]),
            ("group Zabihullah. he said in a statement.", &["group Zabihullah. he said in a statement."]),
            ("Really?! Yes.", &["Really?!", "Yes."]),
            ("Line one\nLine two", &["Line one", "Line two"]),
            ("It rose 4.5 percent. In 2018 it fell.", &["It rose 4.5 percent.", "In 2018 it fell."]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&sentences(text), want, "splitting {text:?}");
        }
    }

    /// The table answers what comparing with each abbreviation, ignoring ASCII case, answers.
    #[test]
    fn abbreviations_equal_the_list() {
        assert!(ABBREVIATIONS
            .iter()
            .all(|a| a.len() <= LONGEST_ABBREVIATION && a.is_ascii() && *a == a.to_lowercase()));
        let mut words: Vec<String> = ABBREVIATIONS.iter().map(|a| a.to_string()).collect();
        for a in ABBREVIATIONS {
            words.extend([a.to_uppercase(), format!("{a}."), format!("{a}x"), a[1..].to_string(), format!("ſ{a}")]);
        }
        words.extend(["", "J", "É", "é", "ab", "St", "ST.", "messrsx", "approximately", "Ⓐ"].map(String::from));
        for w in &words {
            let t = w.trim_end_matches('.');
            let by_list = (t.chars().count() == 1 && t.chars().all(char::is_uppercase))
                || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(t));
            assert_eq!(is_abbreviation(w), by_list, "{w:?}");
        }
    }
}
