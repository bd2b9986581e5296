//! `hedging/estimation`: "in their estimation", "according to estimates", "in his view".

use super::cue::Cue;
use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "hedging/estimation",
    category: Category::Hedging,
    name: "Someone's estimate",
    message: "This is an estimate or an opinion, not an established finding.",
    why: "Phrases such as \"in their estimation\" or \"according to estimates\" present a judgement. It may be well informed, but it is not a measured fact.",
    example: "the motives, in their estimation, led to the loss of the coalition",
    strength: Strength::Weak,
};

pub static CUES: &[Cue] = &[
    Cue::new("in their estimation", &[]),
    Cue::new("in his estimation", &[]),
    Cue::new("in her estimation", &[]),
    Cue::new("in my estimation", &[]),
    Cue::new("in our estimation", &[]),
    Cue::new("in its estimation", &[]),
    Cue::new("according to estimates", &[]),
    Cue::new("according to some estimates", &[]),
    Cue::new("by some estimates", &[]),
    Cue::new("by one estimate", &[]),
    Cue::new("in their view", &[]),
    Cue::new("in his view", &[]),
    Cue::new("in her view", &[]),
    Cue::new("in my view", &[]),
    Cue::new("in our view", &[]),
    Cue::new("in the view of", &[]),
    Cue::new("in their opinion", &[]),
    Cue::new("in his opinion", &[]),
    Cue::new("in her opinion", &[]),
    Cue::new("in my opinion", &[]),
    Cue::new("in our opinion", &[]),
];

#[cfg(test)]
mod tests {
    use crate::rule::Category::Hedging;
    use crate::test_util::{assert_marks, assert_no_marks};

    #[test]
    fn marks_estimates_and_views() {
        let cases: &[(&str, &[&str])] = &[
            ("the motives, in their estimation, led to losses", &["in their estimation"]),
            ("In his view, the deal is dead.", &["In his view"]),
            ("By some estimates, 500 people died.", &["By some estimates"]),
        ];
        for (text, want) in cases {
            assert_marks(Hedging, text, want);
        }
    }

    #[test]
    fn a_view_of_a_place_is_not_a_hedge() {
        assert_no_marks(
            Hedging,
            "The estimation of the tower's height took days. In the view from his window, a hill.",
        );
    }
}
