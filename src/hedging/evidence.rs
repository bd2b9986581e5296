//! `hedging/evidence`: evidence that points to a claim without proving it ("suggests",
//! "indicates", "implies"), and its absence ("no evidence").

use super::cue::{finite_clause_follows, next_word, nth_after, nth_before, prev_word, Cue, Span, When::*};
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

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "The data show the drug slows the disease.";

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

/// What can suggest or indicate without proposing anything: "the poll indicates a
/// tightening race", "research that suggests a correlation".
const EVIDENCE: &[&str] = &[
    "research",
    "study",
    "studies",
    "data",
    "evidence",
    "results",
    "findings",
    "analysis",
    "analyses",
    "records",
    "comments",
    "remarks",
    "poll",
    "polls",
    "test",
    "tests",
    "survey",
    "surveys",
    "report",
    "reports",
    "experiments",
    "observations",
    "measurements",
];

/// The subject is evidence (past "that", "which", "also", "strongly"), so the verb infers.
fn evidence_subject(doc: &Document, span: Span) -> bool {
    (0..3)
        .map(|n| nth_before(doc, span, n))
        .find(|w| !w.is_some_and(|w| matches!(w, "that" | "which" | "also" | "strongly")))
        .flatten()
        .is_some_and(|w| EVIDENCE.contains(&w))
}

/// "suggest(s) the drug works", "research suggests a link"; not "suggests a new route".
fn suggests_inference(doc: &Document, span: Span) -> bool {
    !next_word(doc, span).is_some_and(|w| PROPOSAL_NEXT.contains(&w)) || evidence_subject(doc, span)
}

/// "suggested that…", "suggested he was", "his comments suggested a calculated effort",
/// "were suggested as causing the legends"; not "suggested a new route".
fn suggested_inference(doc: &Document, span: Span) -> bool {
    (!next_word(doc, span).is_some_and(|w| PROPOSAL_NEXT.contains(&w)) && finite_clause_follows(doc, span))
        || evidence_subject(doc, span)
        || (next_word(doc, span) == Some("as") && nth_after(doc, span, 1).is_some_and(|w| w.ends_with("ing")))
}

/// "indicates that…", "the poll indicates a tightening race".
fn indicates_inference(doc: &Document, span: Span) -> bool {
    next_word(doc, span) == Some("that") || evidence_subject(doc, span)
}

pub static CUES: &[Cue] = &[
    Cue::new("suggest", &[Test(suggests_inference)]),
    Cue::new("suggests", &[Test(suggests_inference)]),
    Cue::new("suggesting", &[Test(suggesting_inference)]),
    // The epistemic "suggested" introduces a clause: "suggested that", "suggested he was".
    Cue::new("suggested", &[Test(suggested_inference)]),
    // "it has been suggested": a view with no one behind it.
    Cue::new("been suggested", &[]),
    Cue::new("indicate", &[Test(indicates_inference)]),
    Cue::new("indicates", &[Test(indicates_inference)]),
    Cue::new("indicated", &[Test(indicates_inference)]),
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
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_inferences() {
        let cases: &[(&str, &[&str])] = &[
            ("The data suggest the drug slows the disease.", &["suggest"]),
            ("Polls suggested that he would lose.", &["suggested"]),
            ("Mr. Netanyahu suggested Israel might be willing to move.", &["suggested"]), // "might": modal
            ("There is no evidence that it works.", &["no evidence"]),
            ("There is no solid evidence that it works.", &["evidence"]),
            ("Rates are higher in the group, suggesting a link between them.", &["suggesting"]),
            ("The poll indicates a tightening race. Research suggests a link.", &["indicates", "suggests"]),
            (
                "His comments suggested a calculated effort. It was suggested as causing legends.",
                &["suggested", "suggested"],
            ),
            ("It has been suggested that the motto was a joke.", &["been suggested"]),
            ("He rejected the suggestion that he had lied.", &["suggestion that"]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }

    #[test]
    fn a_proposal_is_not_a_hedge() {
        assert_no_marks(Hedging, "The mayor suggested a new route for the parade.");
        assert_no_marks(Hedging, "The name was suggested by a reader.");
        assert_no_marks(Hedging, "Thanks for the suggestion to add a map.");
        assert_no_marks(Hedging, "He wrote to the mayor suggesting a new route.");
        assert_no_marks(Hedging, "She indicated an interest in the seat. He suggested as much.");
        assert_no_marks(Hedging, "She suggested the plan to the board in March.");
        assert_no_marks(Hedging, "Police found solid evidence of a crime. There was no doubt, and clear evidence.");
    }
}
