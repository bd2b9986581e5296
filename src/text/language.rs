//! Is the text English? Caveat's rules read English: a page in another language
//! gets no marks and no verdict, and says so, instead of a meaningless "1%".
//!
//! English prose is dense with a few dozen short function words (about four words
//! in ten); other languages written in Latin letters share only a handful of them
//! ("a", "no", "me"), and other scripts none.

use std::sync::OnceLock;

use super::{Document, TokenKind};
use crate::lexicon::WordTable;

/// Frequent English function words that are rarely words of other European languages.
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "his", "be", "at", "by",
    "this", "had", "not", "are", "but", "from", "or", "have", "an", "they", "which", "you", "were", "her", "she",
    "there", "would", "their", "we", "him", "been", "has", "when", "who", "will", "more", "if", "out", "so", "said",
    "what", "up", "its", "about", "into", "than", "them", "can", "only", "other", "new", "some", "could", "these",
    "two", "may", "then", "do", "first", "any", "my", "now", "such", "like", "our", "over", "man", "also", "did",
    "after", "should", "because", "how", "where", "most", "just", "those", "people", "i", "he", "we're", "it's",
];

/// `ENGLISH` as a table: one probe per word, not a scan of the list (a page analysed
/// in chunks samples every word of each chunk). Room for four times the words: most
/// words are not on the list, and a probe for one in a sparse table stops at once.
fn function_words() -> &'static WordTable<u32> {
    static TABLE: OnceLock<WordTable<u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = WordTable::with_capacity(4 * ENGLISH.len());
        for w in ENGLISH {
            table.insert(w, 1, |a, _| a);
        }
        table
    })
}

/// Texts shorter than this are taken as English: a headline or a name proves nothing.
const MIN_WORDS: usize = 20;
/// Words looked at: the start of a text tells its language.
const SAMPLE: usize = 2000;
/// Below this share of English function words the text is not English (English
/// news sits near 0.40, Spanish or German prose below 0.05).
const MIN_SHARE: f64 = 0.12;
/// In a text that is not English, a paragraph of at least this many words with at
/// least `PARAGRAPH_SHARE` English function words is English all the same (a quotation
/// in English on an Arabic page): it is read, the rest is not.
const PARAGRAPH_WORDS: usize = 6;
const PARAGRAPH_SHARE: f64 = 0.25;

/// What Caveat can read of a text.
#[derive(Debug, PartialEq)]
pub enum Language {
    English,
    /// Not English, but these paragraphs (byte ranges) are.
    Mixed(Vec<std::ops::Range<usize>>),
    Other,
}

/// Counts over tokens: (words, whether English function words are at least `share`
/// of them, how the number of Latin letters compares with that of other letters), over
/// the first `SAMPLE` words.
///
/// A short text is counted whole, so this walks a slice of tokens, and counts letters
/// only where the comparison needs them. Every ASCII word starts with a letter (one that
/// starts with a digit is a number), so without other letters any ASCII word settles
/// it; with some, the ASCII words' letters are counted after. Function words are
/// looked up only until they make `share` of the most words the sample can still
/// hold (every token left a word): English prose gets there in its first third, and
/// the rest is read for its words and letters alone. (`counts_by_index` in the tests
/// is the plain statement.)
fn counts(doc: &Document, tokens: std::ops::Range<usize>, share: f64) -> (usize, bool, std::cmp::Ordering) {
    let (mut words, mut english, mut latin, mut other) = (0, 0, 0, 0);
    let function_words = function_words();
    let n = doc.tokens.len().min(doc.hashes.len());
    let toks = doc.tokens.get(tokens.start.min(n)..tokens.end.min(n)).unwrap_or_default();
    let hashes = doc.hashes.get(tokens.start.min(n)..tokens.end.min(n)).unwrap_or_default();
    let lower = doc.lower.as_bytes();
    let mut ascii_words = 0;
    let mut read = 0;
    // English words reach `share` of any number of words the sample can end with.
    let mut reached = false;
    for (t, &hash) in toks.iter().zip(hashes) {
        read += 1;
        if t.kind != TokenKind::Word {
            continue;
        }
        if t.ascii {
            ascii_words += 1;
        } else {
            for c in doc.text.get(t.start..t.end).unwrap_or_default().chars().filter(|c| c.is_alphabetic()) {
                if (c as u32) < 0x250 {
                    latin += 1;
                } else {
                    other += 1;
                }
            }
        }
        words += 1;
        if !reached && function_words.get_at(lower, t.start, t.end, hash).is_some() {
            english += 1;
            let most_words = (words + (toks.len() - read)).min(SAMPLE);
            reached = english as f64 >= share * most_words as f64;
        }
        if words == SAMPLE {
            break;
        }
    }
    if other == 0 {
        latin += ascii_words;
    } else {
        let ascii = toks.iter().take(read).filter(|t| t.kind == TokenKind::Word && t.ascii);
        latin += ascii
            .map(|t| lower.get(t.start..t.end).unwrap_or_default().iter().filter(|b| b.is_ascii_alphabetic()).count())
            .sum::<usize>();
    }
    (words, reached || english as f64 >= share * words as f64, latin.cmp(&other))
}

pub fn is_english(doc: &Document) -> bool {
    let (words, english_enough, latin_vs_other) = counts(doc, 0..doc.tokens.len(), MIN_SHARE);
    latin_vs_other.is_ge() && (words < MIN_WORDS || english_enough)
}

/// The text's language, and for a text that is not English its English paragraphs.
pub fn language(doc: &Document) -> Language {
    if is_english(doc) {
        return Language::English;
    }
    let english: Vec<std::ops::Range<usize>> = doc
        .paragraphs
        .iter()
        .filter(|p| {
            let first = doc.sentences.get(p.sentences.start).map_or(0, |s| s.tokens.start);
            let last = doc.sentences.get(p.sentences.end.wrapping_sub(1)).map_or(0, |s| s.tokens.end);
            let (words, english_enough, latin_vs_other) = counts(doc, first..last, PARAGRAPH_SHARE);
            latin_vs_other.is_gt() && words >= PARAGRAPH_WORDS && english_enough
        })
        .map(|p| p.start..p.end)
        .collect();
    if english.is_empty() {
        Language::Other
    } else {
        Language::Mixed(english)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `counts` as first written, a token index at a time: the oracle it is tested against.
    fn counts_by_index(doc: &Document, tokens: std::ops::Range<usize>) -> (usize, usize, usize, usize) {
        let (mut words, mut english, mut latin, mut other) = (0, 0, 0, 0);
        for i in tokens {
            let Some(t) = doc.tokens.get(i) else { break };
            if t.kind != TokenKind::Word {
                continue;
            }
            let word = &doc.text[t.start..t.end];
            if t.ascii {
                latin += word.bytes().filter(u8::is_ascii_alphabetic).count();
            } else {
                for c in word.chars().filter(|c| c.is_alphabetic()) {
                    if (c as u32) < 0x250 {
                        latin += 1;
                    } else {
                        other += 1;
                    }
                }
            }
            words += 1;
            english += usize::from(function_words().get_token(doc, i).is_some());
            if words == SAMPLE {
                break;
            }
        }
        (words, english, latin, other)
    }

    #[test]
    fn counts_equal_counting_by_index() {
        let mixed = "The THE 4X x4 Ærø café 東京 it's we’re, 2018 -- of İ ſ ı «the» and\nthe. ".repeat(150);
        // Long English, whose function words reach every share long before its end.
        let english = "The senator said that it was over, and her aides agreed with the plan. ".repeat(200);
        let texts = [
            mixed.as_str(),
            english.as_str(),
            "東京 a",
            "東京 東京 ab 4X",
            "4X 2018 --",
            "ab 東京東京",
            "é 東",
            "",
            "東京 U.S. don't",
        ];
        for text in texts {
            let doc = Document::new(text);
            let n = doc.tokens.len();
            for range in [0..n, 0..0, 3..17, 5..n + 10, n..n + 3, n + 5..n + 9, 40..n, 1..n] {
                let (words, english, latin, other) = counts_by_index(&doc, range.clone());
                for share in [0.0, 0.05, MIN_SHARE, PARAGRAPH_SHARE, 0.5, 1.0] {
                    let enough = english as f64 >= share * words as f64;
                    let want = (words, enough, latin.cmp(&other));
                    assert_eq!(counts(&doc, range.clone(), share), want, "{text:?} {range:?} {share}");
                }
            }
        }
    }

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

    #[test]
    fn the_table_answers_as_the_list() {
        let text =
            "The THE tHe of Ofs theirs We're we’re it's IT'S i I ı İ é the-man people Peoples BECAUSE because' 'said";
        let doc = Document::new(text);
        for i in 0..doc.tokens.len() {
            assert_eq!(function_words().get_token(&doc, i).is_some(), doc.low_in(i, ENGLISH), "{:?}", doc.low(i));
        }
        for w in ENGLISH {
            assert!(function_words().get(w).is_some(), "{w}");
        }
    }

    #[test]
    fn an_english_paragraph_on_a_foreign_page_is_read() {
        let arabic = "أعلنت وزارة النقل يوم الثلاثاء أن أعمال توسعة الميناء ستبدأ في الربيع المقبل، وقال المتحدث باسم الوزارة إن المشروع سيوفر ألفي وظيفة جديدة.";
        let quote = "“The expansion may have been delayed by the tender,” officials said.";
        let text = format!("{arabic}\n{quote}\n{arabic}");
        let at = text.find(quote).unwrap();
        let Language::Mixed(english) = language(&Document::new(&text)) else { panic!("mixed") };
        assert_eq!((english.len(), english[0].start, english[0].end), (1, at, at + quote.len()));
        let spanish = "El ministro dijo que sí. La oposición dijo que no, y el acuerdo sigue sin firmarse esta semana.";
        assert_eq!(language(&Document::new(&format!("{spanish}\n{spanish}\nGracias a todos"))), Language::Other);
        assert_eq!(language(&Document::new(quote)), Language::English);
    }
}
