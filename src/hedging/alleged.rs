//! `hedging/alleged`: an accusation or claim that has not been proven.

use super::cue::{Cue, When::*};
use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "hedging/alleged",
    category: Category::Hedging,
    name: "Alleged, not established",
    message: "Someone claims or accuses this; it has not been proven.",
    why: "\"Alleged\", \"accused of\" and \"suspected\" report an accusation without vouching for it. Until it is confirmed, read it as one side's account, not as fact.",
    example: "officials had not been told of the alleged Russian intelligence",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "The accused stood up in court.";

pub static CUES: &[Cue] = &[
    Cue::new("alleged", &[]),
    Cue::new("allegedly", &[]),
    Cue::new("allege", &[]),
    Cue::new("alleges", &[]),
    Cue::new("alleging", &[]),
    // "was accused of", "accused him of": not "the accused" (the defendant).
    Cue::new("accused", &[PrevIsNot(&["the", "an", "co"])]),
    Cue::new("accuses", &[]),
    Cue::new("accusing", &[]),
    Cue::new("accuse", &[]),
    // The nouns, when they carry the claim: "allegations that…", "accusations of…"
    // (not "unfounded allegations", which the writer has already judged).
    Cue::new("allegations that", &[]),
    Cue::new("allegations of", &[]),
    Cue::new("allegation that", &[]),
    Cue::new("accusations that", &[]),
    Cue::new("accusations of", &[]),
    Cue::new("accusation that", &[]),
    Cue::new("accusation of", &[]),
    Cue::new("allegation of", &[]),
    // "pleaded innocent to charges that she failed to report", "critics charged that":
    // an accusation with its claim.
    Cue::new("charges that", &[]),
    // Not the adjective: "so politically charged that".
    Cue::new("charged that", &[PrevIsNot(&["so", "too", "very", "highly", "politically", "emotionally", "racially"])]),
    // "the suspected killer", "suspected of": not "police suspected nothing".
    Cue::new("suspected", &[NextIsNot(&["nothing", "that", "it", "him", "her", "them"])]),
];

#[cfg(test)]
mod tests {
    use crate::rule::Category::Hedging;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_accusations() {
        let cases: &[(&str, &[&str])] = &[
            ("the value of the alleged intelligence", &["alleged"]),
            ("He allegedly paid them.", &["allegedly"]),
            ("The unit was accused of plotting.", &["accused"]),
            ("Two suspected militants were held.", &["suspected"]),
            // The believed-to cue "suspected of" overlaps; the merged mark is this rule's.
            ("He was suspected of spying.", &["suspected of"]),
            ("He denied allegations that he took bribes.", &["allegations that"]),
            ("Critics accuse him of lying.", &["accuse"]),
            ("She pleaded innocent to charges that she failed to report it.", &["charges that"]),
            ("Critics have charged that the school is a diploma mill.", &["charged that"]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }

    #[test]
    fn the_accused_is_a_person_not_a_hedge() {
        assert_no_marks(Hedging, "The accused stood up.");
        assert_no_marks(Hedging, "He was charged with murder. The charges were dropped.");
        assert_no_marks(Hedging, "The attack remains so politically charged that he left.");
    }
}
