//! How often a word is an attribution cue in annotated news: "slamming" and
//! "chanted" mostly are, "earned" and "running" rarely. The gate reads the level of a
//! group subject's verb, so a verb it never saw after a group still says something.
//! Learned by `cargo xtask train-sourcing` from PolNeAR's training articles only
//! (words that are part of a Cue span at least twice) and shipped as `cue_rates.txt`:
//! one line per level, "<level> word word …".

use std::sync::OnceLock;

use crate::lexicon::WordTable;
use crate::text::{count_byte, hash_to, Document};

/// Levels of cue/(occurrences + 2), lowest first: the names the gate's features use.
pub const LEVELS: [&str; 5] = ["0", "1", "2", "3", "4"];
const UPPER_BOUNDS: [f64; 4] = [0.02, 0.08, 0.2, 0.4];

/// The level of a word seen `cues` times inside a cue out of `occurrences`.
pub fn level(cues: usize, occurrences: usize) -> usize {
    let rate = cues as f64 / (occurrences + 2) as f64;
    UPPER_BOUNDS.iter().position(|&b| rate < b).unwrap_or(UPPER_BOUNDS.len())
}

pub struct CueRates {
    levels: WordTable<u8>,
}

impl CueRates {
    /// Parse the "<level> word word …" lines; unknown levels and empty lines are skipped.
    /// One pass over each line's bytes splits and hashes its words, into a table
    /// sized once for every word of the text.
    pub fn parse(text: &str) -> CueRates {
        let spaces = count_byte(text.as_bytes(), b' ');
        let mut levels = WordTable::with_capacity(spaces + 1);
        for line in text.lines() {
            let bytes = line.as_bytes();
            let (first_end, _) = hash_to(bytes, 0, b' ');
            let Some(level) = LEVELS.iter().position(|l| Some(l.as_bytes()) == bytes.get(..first_end)) else {
                continue;
            };
            let mut start = first_end + 1;
            while start < bytes.len() {
                let (end, h) = hash_to(bytes, start, b' ');
                if let Some(word) = line.get(start..end).filter(|w| !w.is_empty()) {
                    levels.insert_hashed(word, h, level as u8, |_, b| b);
                }
                start = end + 1;
            }
        }
        CueRates { levels }
    }

    /// The words and levels of `text` as the first parser read them (`split`), the
    /// oracle of `parse`.
    #[cfg(test)]
    fn parse_by_split(text: &str) -> Vec<(&str, u8)> {
        let entries = text.lines().filter_map(|line| {
            let mut words = line.split(' ');
            let first = words.next()?;
            let level = LEVELS.iter().position(|l| *l == first)? as u8;
            Some(words.filter(|w| !w.is_empty()).map(move |w| (w, level)))
        });
        entries.flatten().collect()
    }

    /// The level of token `i`'s lower-case form, "-" for a word too rare to tell.
    pub fn of_token(&self, doc: &Document, i: usize) -> &'static str {
        self.levels.get_token(doc, i).and_then(|l| LEVELS.get(l as usize).copied()).unwrap_or("-")
    }
}

/// The shipped table.
pub fn bundled() -> &'static CueRates {
    static RATES: OnceLock<CueRates> = OnceLock::new();
    RATES.get_or_init(|| CueRates::parse(include_str!("cue_rates.txt")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_rise_with_the_rate() {
        let cases = [((0, 100), 0), ((1, 18), 1), ((2, 18), 2), ((6, 18), 3), ((9, 9), 4), ((0, 0), 0)];
        for ((cues, n), want) in cases {
            assert_eq!(level(cues, n), want, "{cues}/{n}");
        }
    }

    #[test]
    fn tokens_take_the_level_of_their_lower_case_form() {
        let rates = CueRates::parse("4 chanted said\n0 running\nx bogus\n\n");
        let doc = Document::new("Protesters Chanted while running bogus laps.");
        let got: Vec<&str> = (0..doc.tokens.len()).map(|i| rates.of_token(&doc, i)).collect();
        assert_eq!(got, ["-", "4", "-", "0", "-", "-", "-"]);
    }

    #[test]
    fn parse_keeps_what_split_read() {
        let texts = [
            "4 chanted said\n0 running\nx bogus\n\n",
            "",
            "4",
            "4 ",
            " 4 said",
            "2  double  spaced \r\n3 said\n1 said é\r\n44 no\n4\tno",
            include_str!("cue_rates.txt"),
        ];
        for text in texts {
            let rates = CueRates::parse(text);
            let entries = CueRates::parse_by_split(text);
            let mut last = std::collections::HashMap::new();
            for (w, level) in &entries {
                last.insert(*w, *level);
            }
            for (w, level) in &last {
                assert_eq!(rates.levels.get(w), Some(*level), "{w:?} in {text:?}");
            }
            for w in ["", "said", "chanted", "x", "bogus", "no", "4", "double"] {
                assert_eq!(rates.levels.get(w), last.get(w).copied(), "{w:?} in {text:?}");
            }
        }
    }

    #[test]
    fn the_bundled_table_knows_common_cues() {
        let doc = Document::new("said");
        assert_eq!(bundled().of_token(&doc, 0), "4");
    }
}
