//! A subject said twice: "Senator Bob Menendez, the top Democrat on the
//! committee, on Saturday he asked" — the pronoun repeats a subject already given.

use super::Text;
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "translation/doubled-subject",
    category: Category::Translation,
    name: "Subject given twice",
    message: "A pronoun repeats the subject already named at the start of the sentence: a translation slip.",
    why: "English names the subject once: \"Menendez, the top Democrat, asked…\". Adding \"he\" after the description (\"…, on Saturday he asked\") is how machine translation carries over the structure of other languages.",
    example: "Bob Menendez, the top Democrat on the committee, on Saturday he asked",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "Bob Menendez, the top Democrat on the committee, asked on Saturday.";

const DAYS: &[&str] =
    &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"];

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    for s in &doc.sentences {
        let t = s.tokens.clone();
        // A name of two or more capitalised words opens the sentence, then a comma.
        let mut i = t.start;
        while i < t.end && doc.is_capitalized(i) {
            i += 1;
        }
        if i - t.start < 2 || i >= t.end || doc.tok(i) != "," {
            continue;
        }
        // An appositive ", the top Democrat on the committee," (no verb cue, no quote).
        let app = i + 1;
        if !doc.is_word(app) || !matches!(doc.low(app), "the" | "a" | "an" | "former" | "who") {
            continue;
        }
        let Some(close) = (app..t.end.min(app + 16)).find(|&j| doc.tok(j) == ",") else { continue };
        if (app..close).any(|j| matches!(doc.tok(j), "“" | "”" | "\"" | "(" | ")")) {
            continue;
        }
        // Optionally "on Saturday" / "Saturday", then he/she/they and a lower-case word.
        let mut k = close + 1;
        let time_start = k;
        if doc.low_is(k, "on") && doc.is_word(k + 1) && DAYS.contains(&doc.low(k + 1)) {
            k += 2;
        } else if doc.is_word(k) && DAYS.contains(&doc.low(k)) {
            k += 1;
        }
        let pronoun = doc.is_word(k) && matches!(doc.low(k), "he" | "she" | "they");
        let verb = doc.is_word(k + 1) && doc.tok(k + 1).chars().all(|c| c.is_lowercase());
        if k + 1 < t.end && pronoun && verb && doc.low(app) != "who" {
            out.push(Annotation::new(&RULE, doc.tokens[time_start].start, doc.tokens[k + 1].end));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_marks, assert_no_marks};

    #[test]
    fn marks_a_doubled_subject() {
        assert_marks(
            Translation,
            "New Jersey Senator Bob Menendez, the top Democrat on the Foreign Relations Committee, on Saturday he asked McConnell to act.",
            &["on Saturday he asked"],
        );
    }

    #[test]
    fn native_english_stays_clean() {
        for text in [
            "Sen. Bob Menendez, the top Democrat on the committee, asked on Saturday whether he could act.",
            "When Bob Menendez, the senator, arrived, he asked for a vote.",
            "Bob Menendez, the top Democrat, said he asked McConnell.",
            "WASHINGTON (AP) — Bob Menendez, a Democrat, he is not.",
        ] {
            assert_no_marks(Translation, text);
        }
    }
}
