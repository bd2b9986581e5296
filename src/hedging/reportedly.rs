//! `hedging/reportedly`: a second-hand claim the writer did not confirm.

use super::cue::{Cue, When::*, BE};
use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "hedging/reportedly",
    category: Category::Hedging,
    name: "Second-hand report",
    message: "The claim is passed on from someone else, not confirmed by the writer.",
    why: "\"Reportedly\", \"supposedly\", \"purportedly\" and \"is said to\" relay something the writer did not confirm themselves. Check the original report before relying on it.",
    example: "the unit reportedly paid the fighters",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "The unit paid the fighters in cash.";

/// "rumours that he left", "rumours persist that…", "rumours were that…": the rumour's
/// content follows; not "denied the rumours".
const RUMOUR_SPREADS: &[&str] = &[
    "that",
    "of",
    "persist",
    "persisted",
    "circulated",
    "circulate",
    "abound",
    "abounded",
    "swirled",
    "spread",
    "were",
    "suggest",
    "suggested",
    "say",
    "said",
];

pub static CUES: &[Cue] = &[
    Cue::new("reportedly", &[]),
    Cue::new("supposedly", &[]),
    Cue::new("purportedly", &[]),
    Cue::new("purported", &[]),
    Cue::new("reputedly", &[]),
    Cue::new("reputed", &[NextIs(&["to"])]),
    Cue::new("rumored", &[]),
    Cue::new("rumoured", &[]),
    Cue::new("rumors", &[NextIs(RUMOUR_SPREADS)]),
    Cue::new("rumours", &[NextIs(RUMOUR_SPREADS)]),
    // "is said to have", "was reported to be": the passive hides who says so.
    Cue::new("said to", &[PrevIs(BE)]),
    Cue::new("reported to", &[PrevIs(BE), NextIs(&["be", "have", "been"])]),
    Cue::new("unconfirmed", &[]),
    Cue::new("unproven", &[]),
    Cue::new("ostensibly", &[]),
    // The verification disclaimers of news copy: "the video could not be independently
    // verified", "the figures have not been confirmed".
    Cue::new("not be independently verified", &[]),
    Cue::new("not been independently verified", &[]),
    Cue::new("not independently verified", &[]),
    Cue::new("not be verified", &[]),
    Cue::new("not been verified", &[]),
    Cue::new("not be confirmed", &[]),
    Cue::new("not been confirmed", &[]),
    Cue::new("yet to be confirmed", &[]),
    Cue::new("yet to be verified", &[]),
    // "the report, if true, …": the claim is held at arm's length.
    Cue::new("if true", &[]),
    Cue::new("if confirmed", &[]),
    // "the putative father": taken to be so, not shown.
    Cue::new("putative", &[]),
    // "is supposed to have paid", "the talks are supposed to conclude by May": what is
    // said or expected, not what is known to be.
    Cue::new("supposed to", &[PrevIs(BE)]),
];

#[cfg(test)]
mod tests {
    use crate::rule::Category::Hedging;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_second_hand_claims() {
        let cases: &[(&str, &[&str])] = &[
            ("The unit reportedly paid the fighters.", &["reportedly"]),
            ("The bridge is said to date back centuries.", &["said to"]),
            ("He was reported to have fled.", &["reported to"]),
            ("There were unconfirmed accounts.", &["unconfirmed"]),
            ("The putative father refused.", &["putative"]),
            ("The talks are supposed to conclude by May.", &["supposed to"]),
            ("The video could not be independently verified.", &["not be independently verified"]),
            ("The report, if true, would be damning.", &["if true"]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }

    #[test]
    fn a_named_speaker_saying_something_is_not_a_hedge() {
        assert_no_marks(Hedging, "She said to reporters that the plan was ready.");
        assert_no_marks(Hedging, "He reported to the committee on Friday.");
        assert_no_marks(Hedging, "They supposed to themselves nothing.");
        assert_no_marks(Hedging, "The figures were confirmed and verified by the auditor.");
    }
}
