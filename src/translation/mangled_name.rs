//! A name glued to a stray capital: "KarenN's" (for "CNN's") — a name mangled
//! when machine translation transliterated it back and forth.

use super::Text;
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};
use crate::text::TokenKind;

pub static RULE: Rule = Rule {
    id: "translation/mangled-name",
    category: Category::Translation,
    name: "Mangled name",
    message: "A word with a stray capital at its end (\"KarenN's\"): a name mangled in translation.",
    why: "Names with capitals inside them exist (\"McCain\", \"iPhone\", \"DeSantis\"), but an ordinary name with a single capital stuck to its end is what round-trip machine translation makes of an acronym or an unknown name. The reader cannot tell who is meant.",
    example: "KarenN's Karen Smith contributed",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "CNN's Karen Smith contributed to this report.";

/// `Xxxx` + one capital, optionally with a possessive: "KarenN", "KarenN's".
fn is_mangled(word: &[u8]) -> bool {
    // The last byte rules out nearly every word: it must be the capital, or the "s"
    // of a possessive.
    let b = match word.last() {
        Some(c) if c.is_ascii_uppercase() => word,
        Some(b's') => match word.strip_suffix(b"'s").or_else(|| word.strip_suffix("’s".as_bytes())) {
            Some(stem) => stem,
            None => return false,
        },
        _ => return false,
    };
    let n = b.len();
    n >= 5
        && b[0].is_ascii_uppercase()
        && b[n - 1].is_ascii_uppercase()
        && b[1..n - 1].iter().all(u8::is_ascii_lowercase)
}

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    for (i, t) in doc.tokens.iter().enumerate() {
        // `is_mangled` needs an upper-case ASCII first letter and five bytes: test
        // the token's flags first, the cheap way, the capital first (it rules out
        // most words, and every number and mark).
        // The bytes, not `tok`: a `str` slice tests both ends for character boundaries.
        let bytes = || doc.text.as_bytes().get(t.start..t.end).unwrap_or_default();
        if !t.upper || t.kind != TokenKind::Word || t.end - t.start < 5 || !is_mangled(bytes()) {
            continue;
        }
        // Handles ("@NolteNC") and hashtags are names their owners spelled.
        let handle = i > 0 && !t.space_before && matches!(doc.tok(i - 1), "@" | "#" | "/" | "." | "_");
        // "GarrettU.S. Senate", "SasseA.J. Spiker": a scraped list glued to an initial.
        let glued = |k: usize| doc.tokens.get(k).is_some_and(|n| !n.space_before);
        let glued_initial = glued(i + 1) && doc.tok(i + 1) == "." && glued(i + 2);
        if !handle && !glued_initial {
            out.push(Annotation::new(&RULE, t.start, t.end));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_a_stray_capital() {
        assert_rule(&super::RULE, "KarenN’s Karen Smith and Jeremy Diamond contributed.", &["KarenN’s"]);
        assert_rule(&super::RULE, "Reporting by DavidS in Paris.", &["DavidS"]);
        assert_rule(&super::RULE, "Reporting by DavidS.", &["DavidS"]);
    }

    /// `is_mangled` as it was: the possessive stripped first, then the stem tested.
    fn is_mangled_oracle(word: &str) -> bool {
        let stem = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
        let b = stem.as_bytes();
        let n = b.len();
        n >= 5
            && b[0].is_ascii_uppercase()
            && b[n - 1].is_ascii_uppercase()
            && b[1..n - 1].iter().all(u8::is_ascii_lowercase)
    }

    #[test]
    fn is_mangled_equals_the_oracle() {
        let words = [
            "KarenN",
            "KarenN's",
            "KarenN’s",
            "Karen's",
            "KarenNs",
            "KarenN'S",
            "Karens",
            "KareN",
            "KarN",
            "KarN's",
            "Karen",
            "KAREN",
            "KarEnN",
            "karenN",
            "DavidS",
            "DavidS’",
            "DavidS's's",
            "'s",
            "’s",
            "s",
            "S",
            "",
            "ÉmileN",
            "KarenÑ",
            "Karen’S",
            "KarenN’s’s",
        ];
        for w in words {
            assert_eq!(super::is_mangled(w.as_bytes()), is_mangled_oracle(w), "{w:?}");
        }
    }

    #[test]
    fn native_english_stays_clean() {
        for text in [
            "iPhone sales rose at McDonald's, JPMorgan and SiriusXM; DeSantis and LeBron spoke.",
            "He has a PhD from the DoD. Follow @NolteNC and #PalinUSA.",
            "WASHINGTON (AP) — CNN's Karen Smith contributed to this report.",
            "Rep. Scott GarrettU.S. Senate Nominee; Sen. Ben SasseA.J. Spiker",
        ] {
            assert_no_marks(Translation, text);
        }
    }
}
