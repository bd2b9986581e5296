//! `hedging/unknown`: the text says plainly that something is not known ("it is unclear
//! whether", "his whereabouts remain unknown").

use super::cue::{Cue, When::*};
use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "hedging/unknown",
    category: Category::Hedging,
    name: "Open question",
    message: "The text says this is not known: what follows is an open question.",
    why: "\"It is unclear whether\" and \"remains unknown\" mark a gap in what is known. Whatever the text goes on to say about it is not established.",
    example: "It is unclear whether he crossed the border.",
    strength: Strength::Weak,
};

/// An open question follows: "unclear whether", "unknown how".
const QUESTION: &[&str] = &["whether", "if", "how", "what", "why", "who", "when", "where", "which", "to"];

pub static CUES: &[Cue] = &[
    Cue::new("unclear", &[NextIs(QUESTION)]),
    Cue::new("unknown", &[NextIs(QUESTION)]),
    Cue::new("uncertain", &[NextIs(QUESTION)]),
    Cue::new("not clear", &[NextIs(QUESTION)]),
    Cue::new("not known", &[NextIs(QUESTION)]),
    Cue::new("remains unclear", &[]),
    Cue::new("remain unclear", &[]),
    Cue::new("remains unknown", &[]),
    Cue::new("remain unknown", &[]),
    Cue::new("still unknown", &[]),
    Cue::new("still unclear", &[]),
    Cue::new("are unknown", &[PrevIs(&["whereabouts", "causes", "origins", "details"])]),
    Cue::new("is unknown", &[PrevIs(&["whereabouts", "cause", "origin", "identity", "date", "fate"])]),
    Cue::new("little is known", &[]),
    Cue::new("remains to be seen", &[]),
    Cue::new("uncertainty about", &[]),
    Cue::new("uncertainty over", &[]),
    Cue::new("uncertainty as to", &[]),
    // "analysts questioned how much…": doubt about the claim that follows.
    Cue::new("questioned", &[NextIs(&["whether", "if", "how", "why"])]),
    Cue::new("question whether", &[]),
    // "casts doubt on his account", "doubts remain": the claim is contested.
    Cue::new("cast doubt", &[]),
    Cue::new("casts doubt", &[]),
    Cue::new("casting doubt", &[]),
    Cue::new("doubt remains", &[]),
    Cue::new("doubts remain", &[]),
    Cue::new("not well understood", &[]),
    Cue::new("not fully understood", &[]),
];

#[cfg(test)]
mod tests {
    use crate::rule::Category::Hedging;
    use crate::test_util::{assert_marks, assert_no_marks};

    #[test]
    fn marks_open_questions() {
        let cases: &[(&str, &[&str])] = &[
            ("It is unclear whether he crossed the border.", &["unclear"]),
            ("Kopp's whereabouts remain unknown.", &["remain unknown"]),
            ("Little is known about his youth.", &["Little is known"]),
            ("The letter casts doubt on his account.", &["casts doubt"]),
            ("Whether it works remains to be seen.", &["remains to be seen"]),
        ];
        for (text, want) in cases {
            assert_marks(Hedging, text, want);
        }
    }

    #[test]
    fn an_unclear_statement_or_an_unknown_person_is_not_a_hedge() {
        assert_no_marks(Hedging, "The motives were unclear and the report was late.");
        assert_no_marks(Hedging, "An unknown artist painted it.");
    }
}
