//! `hedging/considered`: a judgement with no one behind it ("is considered the best",
//! "is regarded as", "is seen as").

use super::cue::{Cue, When::*, BE};
use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "hedging/considered",
    category: Category::Hedging,
    name: "Opinion presented as consensus",
    message: "This is a judgement someone holds, not a fact; the text may not say who holds it.",
    why: "\"Is considered\", \"is regarded as\" and \"is seen as\" turn an opinion into something that sounds settled. Ask who considers it so, and on what grounds.",
    example: "He is considered one of the finest players of his generation.",
    strength: Strength::Weak,
};

pub static CUES: &[Cue] = &[
    // "is considered (to be) the best", "widely considered": not "considered the offer"
    // with a person as subject, which the be-verb before it rules out.
    Cue::new("considered", &[PrevIs(BE)]),
    Cue::new("regarded", &[PrevIs(BE), NextIs(&["as", "by", "to"])]),
    Cue::new("seen as", &[PrevIs(BE)]),
    Cue::new("viewed as", &[PrevIs(BE)]),
    Cue::new("deemed", &[PrevIs(BE)]),
    Cue::new("perceived as", &[]),
    Cue::new("considers", &[NextIsNot(&["a", "an", "the", "whether", "how", "buying", "selling"])]),
    Cue::new(
        "consider",
        &[PrevIs(&["i", "we", "they", "many", "most", "some", "others", "critics", "scholars", "historians"])],
    ),
];

#[cfg(test)]
mod tests {
    use crate::rule::Category::Hedging;
    use crate::test_util::{assert_marks, assert_no_marks};

    #[test]
    fn marks_judgements_without_a_judge() {
        let cases: &[(&str, &[&str])] = &[
            ("He is considered one of the finest players.", &["considered"]),
            ("The album is widely regarded as a classic.", &["regarded"]),
            ("The move was seen as a snub.", &["seen as"]),
        ];
        for (text, want) in cases {
            assert_marks(Hedging, text, want);
        }
    }

    #[test]
    fn weighing_an_option_is_not_a_hedge() {
        assert_no_marks(Hedging, "The board considered the offer and rejected it.");
        assert_no_marks(Hedging, "The company considers buying more air time.");
    }
}
