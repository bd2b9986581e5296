//! `hedging/evidence`: evidence that points to a claim without proving it ("suggests",
//! "indicates", "implies"), and its absence ("no evidence").

use super::cue::{finite_clause_follows, next_word, nth_before, prev_word, Cue, Span, When::*};
use crate::rule::{Category, Rule, Strength};
use crate::text::Document;

pub static RULE: Rule = Rule {
    id: "hedging/evidence",
    category: Category::Hedging,
    name: "Points to, does not prove",
    message: "The evidence hints at this; it does not establish it.",
    why: "\"Suggests\", \"indicates\" and \"implies\" say the evidence is consistent with the claim, which is weaker than showing it. \"No evidence\" says the claim is unsupported.",
    example: "The data suggest the drug slows the disease.",
    strength: Strength::Weak,
};

/// "suggested a new route", "suggested to him", "suggested by": a proposal, not an inference.
const PROPOSAL_NEXT: &[&str] =
    &["a", "an", "to", "by", "using", "making", "adding", "changes", "ways", "some", "several"];

/// "…, suggesting a link between them": a participle drawing an inference from the clause
/// before it, even before "a"; "suggesting a new route" on its own proposes.
fn suggesting_inference(doc: &Document, span: Span) -> bool {
    !next_word(doc, span).is_some_and(|w| PROPOSAL_NEXT.contains(&w))
        || (matches!(prev_word(doc, span), Some("," | "thus" | "therefore" | "possibly" | "perhaps"))
            && matches!(next_word(doc, span), Some("a" | "an" | "some" | "several")))
}

pub static CUES: &[Cue] = &[
    Cue::new("suggest", &[NextIsNot(PROPOSAL_NEXT)]),
    Cue::new("suggests", &[NextIsNot(PROPOSAL_NEXT)]),
    Cue::new("suggesting", &[Test(suggesting_inference)]),
    // The epistemic "suggested" introduces a clause: "suggested that", "suggested he was".
    Cue::new("suggested", &[NextIsNot(PROPOSAL_NEXT), Test(finite_clause_follows)]),
    // "it has been suggested": a view with no one behind it.
    Cue::new("been suggested", &[]),
    Cue::new("indicate", &[NextIs(&["that"])]),
    Cue::new("indicates", &[NextIs(&["that"])]),
    Cue::new("indicated", &[NextIs(&["that"])]),
    Cue::new("implies", &[]),
    Cue::new("imply", &[]),
    Cue::new("implied", &[NextIs(&["that"])]),
    Cue::new("implying", &[]),
    Cue::new("suggestion that", &[]),
    Cue::new("suggestions that", &[]),
    Cue::new("no evidence", &[]),
    Cue::new("little evidence", &[]),
    Cue::new("insufficient evidence", &[]),
    // "no solid evidence", "little hard evidence", "no scientific evidence".
    Cue::new("evidence", &[Test(qualified_absence)]),
];

/// What makes evidence weightier: "no solid evidence" still says there is none.
const WEIGHTY: &[&str] = &[
    "solid",
    "conclusive",
    "scientific",
    "hard",
    "firm",
    "direct",
    "clear",
    "definitive",
    "reliable",
    "concrete",
    "credible",
    "real",
    "convincing",
    "independent",
    "empirical",
    "physical",
];

/// "no solid evidence", "little hard evidence", "scant empirical evidence".
fn qualified_absence(doc: &Document, span: Span) -> bool {
    prev_word(doc, span).is_some_and(|w| WEIGHTY.contains(&w))
        && nth_before(doc, span, 1).is_some_and(|w| matches!(w, "no" | "little" | "scant" | "insufficient" | "scarce"))
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Hedging;
    use crate::test_util::{assert_marks, assert_no_marks};

    #[test]
    fn marks_inferences() {
        let cases: &[(&str, &[&str])] = &[
            ("The data suggest the drug slows the disease.", &["suggest"]),
            ("Polls suggested that he would lose.", &["suggested"]),
            ("Mr. Netanyahu suggested Israel might be willing to move.", &["suggested", "might"]),
            ("There is no evidence that it works.", &["no evidence"]),
            ("There is no solid evidence that it works.", &["evidence"]),
            ("Rates are higher in the group, suggesting a link between them.", &["suggesting"]),
            ("It has been suggested that the motto was a joke.", &["been suggested"]),
            ("He rejected the suggestion that he had lied.", &["suggestion that"]),
        ];
        for (text, want) in cases {
            assert_marks(Hedging, text, want);
        }
    }

    #[test]
    fn a_proposal_is_not_a_hedge() {
        assert_no_marks(Hedging, "The mayor suggested a new route for the parade.");
        assert_no_marks(Hedging, "The name was suggested by a reader.");
        assert_no_marks(Hedging, "Thanks for the suggestion to add a map.");
        assert_no_marks(Hedging, "He wrote to the mayor suggesting a new route.");
        assert_no_marks(Hedging, "She suggested the plan to the board in March.");
        assert_no_marks(Hedging, "Police found solid evidence of a crime. There was no doubt, and clear evidence.");
    }
}
