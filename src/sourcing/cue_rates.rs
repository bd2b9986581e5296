//! How often a word is an attribution cue in annotated news: "slamming" and
//! "chanted" mostly are, "earned" and "running" rarely. The gate reads the level of a
//! group subject's verb, so a verb it never saw after a group still says something.
//! Learned by `cargo xtask train-sourcing` from PolNeAR's training articles only
//! (words that are part of a Cue span at least twice) and shipped as `cue_rates.txt`:
//! one line per level, "<level> word word …".

use std::sync::OnceLock;

use crate::lexicon::WordTable;
use crate::text::Document;

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
    pub fn parse(text: &str) -> CueRates {
        let entries = text.lines().filter_map(|line| {
            let mut words = line.split(' ');
            let first = words.next()?;
            let level = LEVELS.iter().position(|l| *l == first)? as u8;
            Some(words.filter(|w| !w.is_empty()).map(move |w| (w, level)))
        });
        CueRates { levels: WordTable::new(entries.flatten(), |_, b| b) }
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
    fn the_bundled_table_knows_common_cues() {
        let doc = Document::new("said");
        assert_eq!(bundled().of_token(&doc, 0), "4");
    }
}
