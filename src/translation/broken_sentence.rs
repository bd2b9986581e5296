//! A full stop inside a clause, followed by lower case: "Zabihullah. he said",
//! "recruited for years. information," — machine translation misreading structure.

use super::{cues, Text};
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};
use crate::text::TokenKind;

pub static RULE: Rule = Rule {
    id: "translation/broken-sentence",
    category: Category::Translation,
    name: "Broken sentence",
    message: "A full stop cuts a sentence in two: typical of machine translation.",
    why: "Human writers and editors rarely put a full stop in the middle of a clause and carry on in lower case. Machine translation does, when it misreads a sentence's structure. It is a sign the text was translated by machine and may not say what the original said.",
    example: "a spokesman for the militant group Zabihullah. he said in a statement",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str =
    "A spokesman for the group, Zabihullah Mujahid, said in a statement that it was over.";

/// Words that end in a full stop as abbreviations, not as sentence ends.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "vs", "etc", "approx", "no", "nos", "p", "pp", "cf", "al", "inc", "jr", "sr", "st", "a.m", "p.m",
    "ft", "oz", "lb", "lbs", "min", "max", "fig", "ed", "eds", "est", "dept", "gov", "sen", "rep", "mr", "mrs", "ms",
    "dr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ave", "co",
    "corp", "ltd", "bros", "u.s", "u.k", "u.n", "d.c", "cos", "cie", "bancorp", "assn", "intl", "govt", "esp",
    // AP state abbreviations that are not also words ("Ill.", "Wash." are).
    "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ga", "kan", "ky", "md", "mich", "minn", "neb", "nev", "okla",
    "penn", "tenn", "tex", "va", "vt", "wis",
];

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    for i in doc.cued(cues::STOP) {
        if i == 0 || i + 1 >= doc.tokens.len() || doc.tokens[i].space_before {
            continue;
        }
        let next = &doc.tokens[i + 1];
        // A capital after the stop, as after most stops, is no lower-case start (below).
        if next.newline_before || !next.space_before || next.kind != TokenKind::Word || next.upper {
            continue;
        }
        // All lower case: "iPhone" or "eBay" may legitimately start a sentence.
        let word = doc.tok(i + 1);
        let starts_lower =
            word.chars().all(|c| !c.is_uppercase()) && word.chars().next().is_some_and(char::is_lowercase);
        let prev = doc.low(i - 1).trim_end_matches('.');
        let abbrev =
            ABBREVIATIONS.contains(&prev) || (prev.len() == 1 && prev.chars().all(|c| c.is_ascii_alphabetic()));
        // A lower-case word after a web address or an ellipsis-like run is no break.
        let after_url = i >= 2 && matches!(doc.low(i - 2), "." | "/" | "@");
        if starts_lower && doc.is_word(i - 1) && !abbrev && !after_url {
            out.push(Annotation::new(&RULE, doc.tokens[i - 1].start, doc.tokens[i + 1].end));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_a_full_stop_inside_a_clause() {
        let cases: &[(&str, &[&str])] = &[
            ("A spokesman for the group Zabihullah. he said in a statement.", &["Zabihullah. he"]),
            ("He had been recruited for years. information, and more.", &["years. information"]),
            ("Instead of appearing to be aligned. with Putin's denials.", &["aligned. with"]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }

    #[test]
    fn native_english_stays_clean() {
        for text in [
            "Costs rose, e.g. rents. iPhone sales fell. WASHINGTON (AP) — The vote passed.",
            "The meeting ends at 5 p.m. today, officials said.",
            "Visit example.com. Tickets are free.",
            "He met Sen. Bob Casey and Gov. Tom Wolf on Tuesday.",
            "Deseret Bancorp. for $18 million; Smith Barney Cos. said so; esp. in winter.",
            "He bought a Miami, Fla. home and a Calif. ranch.",
            "“No.”\n\nthe end of a list item\n",
        ] {
            assert_no_marks(Translation, text);
        }
    }
}
