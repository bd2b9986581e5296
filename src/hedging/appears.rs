//! `hedging/appears`: an impression ("appears to", "seems", "apparently"), not a finding.

use super::cue::{Cue, When::*};
use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "hedging/appears",
    category: Category::Hedging,
    name: "Appearance, not confirmation",
    message: "This is how things seem, not a confirmed fact.",
    why: "\"Appears to\", \"seems\" and \"apparently\" describe an impression. The writer stops short of saying it is so.",
    example: "the unit appears to have offered rewards",
    strength: Strength::Weak,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "He appears on television every week.";

/// "appears to", "appeared that", "appears set to", "appeared unable": not "appeared in
/// court", "appears on the DVD", "appears daily".
const CLAUSE: &[&str] = &[
    "to",
    "that",
    "as",
    "likely",
    "unlikely",
    "set",
    "poised",
    "headed",
    "bound",
    "certain",
    "sure",
    "close",
    "ready",
    "unable",
    "willing",
    "reluctant",
    "unaware",
    "determined",
    "eager",
];

pub static CUES: &[Cue] = &[
    Cue::new("appear", &[NextIs(CLAUSE)]),
    Cue::new("appears", &[NextIs(CLAUSE)]),
    Cue::new("appeared", &[NextIs(CLAUSE), NextIsNot(&["as"])]),
    Cue::new("appearing", &[NextIs(&["to"])]),
    Cue::new("seem", &[]),
    Cue::new("seems", &[]),
    Cue::new("seemed", &[]),
    Cue::new("seeming", &[]),
    Cue::new("seemingly", &[]),
    Cue::new("apparently", &[]),
    // "an apparent suicide": not "it became apparent that" (it became clear).
    Cue::new("apparent", &[PrevIs(&["an", "the", "his", "her", "its", "their", "in"])]),
    Cue::new("looks like", &[PrevIs(&["it", "that", "this", "what"])]),
    Cue::new("looked like", &[PrevIs(&["it", "that", "this", "what"])]),
    Cue::new("looks as though", &[]),
    Cue::new("looks as if", &[]),
    Cue::new("looked as though", &[]),
    Cue::new("looked as if", &[]),
];

#[cfg(test)]
mod tests {
    use crate::rule::Category::Hedging;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_appearances() {
        let cases: &[(&str, &[&str])] = &[
            ("The unit appears to have offered rewards.", &["appears"]),
            ("It seems odd.", &["seems"]),
            ("He was apparently unaware.", &["apparently"]),
            ("Police said it was an apparent suicide.", &["apparent"]),
            ("Trump refused, instead appearing to be aligned with Putin.", &["appearing"]),
            ("Obama appears set to veto the bill. He appeared unable to answer.", &["appears", "appeared"]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }

    #[test]
    fn showing_up_is_not_a_hedge() {
        assert_no_marks(Hedging, "He appeared in court on Monday. The song appears on the album.");
        assert_no_marks(Hedging, "He appeared as a guest. The strip appears daily. She appeared ready-made.");
        assert_no_marks(Hedging, "It became apparent that the plan had failed.");
    }
}
