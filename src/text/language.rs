//! Is the text English? Caveat's rules read English: a page in another language
//! gets no marks and no verdict, and says so, instead of a meaningless "1%".
//!
//! English prose is dense with a few dozen short function words (about four words
//! in ten); other languages written in Latin letters share only a handful of them
//! ("a", "no", "me"), and other scripts none.

use super::{Document, TokenKind};

/// Frequent English function words that are rarely words of other European languages.
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "his", "be", "at", "by",
    "this", "had", "not", "are", "but", "from", "or", "have", "an", "they", "which", "you", "were", "her", "she",
    "there", "would", "their", "we", "him", "been", "has", "when", "who", "will", "more", "if", "out", "so", "said",
    "what", "up", "its", "about", "into", "than", "them", "can", "only", "other", "new", "some", "could", "these",
    "two", "may", "then", "do", "first", "any", "my", "now", "such", "like", "our", "over", "man", "also", "did",
    "after", "should", "because", "how", "where", "most", "just", "those", "people", "i", "he", "we're", "it's",
];

/// Texts shorter than this are taken as English: a headline or a name proves nothing.
const MIN_WORDS: usize = 20;
/// Words looked at: the start of a text tells its language.
const SAMPLE: usize = 2000;
/// Below this share of English function words the text is not English (English
/// news sits near 0.40, Spanish or German prose below 0.05).
const MIN_SHARE: f64 = 0.12;

/// Whether the text reads as English (true for short or wordless texts).
pub fn is_english(doc: &Document) -> bool {
    let (mut words, mut english) = (0usize, 0usize);
    // Letters in Latin script against letters in others (Chinese runs a sentence
    // into one token, so letters count here, not words).
    let (mut latin, mut other) = (0usize, 0usize);
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        for c in doc.text[t.start..t.end].chars().filter(|c| c.is_alphabetic()) {
            if (c as u32) < 0x250 {
                latin += 1;
            } else {
                other += 1;
            }
        }
        words += 1;
        english += usize::from(doc.low_in(i, ENGLISH));
        if words == SAMPLE {
            break;
        }
    }
    if other > latin {
        return false;
    }
    words < MIN_WORDS || english as f64 >= MIN_SHARE * words as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_english_from_other_languages() {
        let cases: &[(&str, bool)] = &[
            ("The senator said on Tuesday that the bill would pass the House, and her aides agreed with the plan to bring it to a vote.", true),
            ("El senador dijo el martes que el proyecto de ley sería aprobado por la Cámara, y sus asesores estuvieron de acuerdo con el plan.", false),
            ("Der Senator sagte am Dienstag, dass das Gesetz im Repräsentantenhaus verabschiedet werde, und seine Berater stimmten dem Plan zu. Die Abstimmung ist für Freitag geplant.", false),
            ("Le sénateur a déclaré mardi que le projet de loi serait adopté par la Chambre et que ses conseillers approuvaient le plan de vote.", false),
            ("参议员周二表示，该法案将在众议院获得通过，他的助手们也同意将其付诸表决的计划。这是一个很长的句子，用来测试语言检测是否正确工作。", false),
            ("Putin met Xi (习近平) in Moscow on Monday, and the two leaders signed a deal on gas that the Kremlin called historic.", true),
            ("Senate passes bill", true),
            ("", true),
        ];
        for &(text, want) in cases {
            assert_eq!(is_english(&Document::new(text)), want, "{text:?}");
        }
    }
}
