//! `hedging/believed-to`: a belief in the passive, "believed to", "thought to": nobody
//! stands behind it by name.

use super::cue::{Cue, When::*};
use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "hedging/believed-to",
    category: Category::Hedging,
    name: "Belief, not verified fact",
    message: "Someone believes this; the text does not say it was verified, or by whom.",
    why: "\"Believed to\", \"thought to\" and \"presumed to\" report what people think is true. The claim rests on that belief, and the passive hides whose belief it is.",
    example: "whose forces are also believed to have been targeted",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "He believed in the project from the start.";

/// What follows the "to" of a belief passive: an infinitive ("to have", "to be"),
/// not a place or a person ("thought to the end", "believed to Mr. X").
const INFINITIVE_START: &[&str] = &[
    "be",
    "have",
    "had",
    "originate",
    "date",
    "derive",
    "come",
    "contain",
    "live",
    "exist",
    "lie",
    "belong",
    "hold",
    "represent",
    "refer",
    "mean",
    "number",
    "stem",
    "cause",
    "play",
    "involve",
    "remain",
    "reside",
    "descend",
    "work",
    "carry",
    "possess",
    "occur",
    "depict",
    "show",
    "increase",
    "reduce",
    "affect",
    "help",
    "make",
];

pub static CUES: &[Cue] = &[
    Cue::new("believed to", &[NextIs(INFINITIVE_START)]),
    Cue::new("thought to", &[NextIs(INFINITIVE_START)]),
    Cue::new("presumed to", &[]),
    Cue::new("presumed", &[PrevIsNot(&["is", "are", "was", "were"]), NextIsNot(&["innocent"])]),
    Cue::new("understood to", &[NextIs(INFINITIVE_START)]),
    Cue::new("feared to", &[NextIs(INFINITIVE_START)]),
    Cue::new("suspected to", &[]),
    Cue::new("suspected of", &[]),
    Cue::new("assumed to", &[NextIs(INFINITIVE_START)]),
];

#[cfg(test)]
mod tests {
    use crate::rule::Category::Hedging;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_belief_passives() {
        let cases: &[(&str, &[&str])] = &[
            ("whose forces are also believed to have been targeted", &["believed to"]),
            ("The house is thought to date from 1700.", &["thought to"]),
            ("Five people are feared to be dead.", &["feared to"]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }

    #[test]
    fn the_legal_presumption_is_not_a_hedge() {
        assert_no_marks(Hedging, "Every defendant is presumed innocent.");
    }
}
