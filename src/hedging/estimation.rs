//! `hedging/estimation`: "in their estimation", "according to estimates", "in his view",
//! "he estimated that the company would not be profitable".

use super::cue::{
    finite_clause_follows, next_word, nth_after, prev_word, Cue, Span, When::*, FINITE, SUBJECT_PRONOUNS,
};
use crate::rule::{Category, Rule, Strength};
use crate::text::{Document, Tag, TokenKind};

pub static RULE: Rule = Rule {
    id: "hedging/estimation",
    category: Category::Hedging,
    name: "Someone's estimate",
    message: "This is an estimate or an opinion, not an established finding.",
    why: "Phrases such as \"in their estimation\" or \"according to estimates\" present a judgement. It may be well informed, but it is not a measured fact.",
    example: "the motives, in their estimation, led to the loss of the coalition",
    strength: Strength::Weak,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "The motives, in their words, led to the loss of the coalition.";

/// "estimated that the company would not be profitable", "an estimate that half will
/// leave", "she estimates her properties are worth half": an estimate with the claim it
/// makes. Not a figure ("estimated at $4.7 billion", "estimated the value at $55",
/// "an estimated 500 people", "analysts' estimates"), which measures rather than doubts.
fn estimate_with_claim(doc: &Document, span: Span) -> bool {
    if figure_follows(doc, span) {
        return false;
    }
    if next_word(doc, span) == Some("that") {
        return true;
    }
    // The verb with its own clause after its subject: "estimates her properties are
    // worth half"; the tagger tells the verb from the noun ("the estimate was revised").
    // Not "to estimate body fat" (a task) nor "estimate how many" (a question).
    // After a subject pronoun it is the verb whatever the tagger says ("She estimates").
    let prev = prev_word(doc, span);
    (matches!(doc.tag(span.first), Tag::Verb | Tag::VerbPast) || prev.is_some_and(|p| SUBJECT_PRONOUNS.contains(&p)))
        && prev != Some("to")
        && !next_word(doc, span).is_some_and(|w| matches!(w, "how" | "what" | "whether" | "if" | "when" | "where"))
        && finite_clause_follows(doc, span)
}

/// Words that make a figure of what they stand in.
const FIGURE_WORDS: &[&str] =
    &["million", "billion", "thousand", "thousands", "hundred", "hundreds", "percent", "%", "half", "quarter-million"];

/// A figure is estimated: a number before the verb of the clause that follows ("estimated
/// that 2.2 million employees did not appear", "estimates that there are 10 million
/// survivors", "estimated that about 50% of the employees may be replaced"). A count or
/// a share is measured, however roughly; the claim is the number, and it is no hedge.
fn figure_follows(doc: &Document, span: Span) -> bool {
    let mut n = usize::from(next_word(doc, span) == Some("that"));
    // "that there are N": the verb comes before the number.
    if nth_after(doc, span, n) == Some("there") && nth_after(doc, span, n + 1).is_some_and(|w| FINITE.contains(&w)) {
        n += 2;
    }
    (n..n + 8)
        .map_while(|k| nth_after(doc, span, k).map(|w| (k, w)))
        .take_while(|&(_, w)| !FINITE.contains(&w) && !matches!(w, "." | ";"))
        .any(|(k, w)| {
            doc.tokens.get(span.last + k).is_some_and(|t| t.kind == TokenKind::Number) || FIGURE_WORDS.contains(&w)
        })
}

pub static CUES: &[Cue] = &[
    Cue::new("estimate", &[NextIsNot(&["at", "of", "to", "for"]), Test(estimate_with_claim)]),
    Cue::new("estimates", &[NextIsNot(&["at", "of", "to", "for"]), Test(estimate_with_claim)]),
    Cue::new("estimated", &[NextIsNot(&["at", "of", "to", "for"]), Test(estimate_with_claim)]),
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
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_estimates_and_views() {
        let cases: &[(&str, &[&str])] = &[
            ("the motives, in their estimation, led to losses", &["in their estimation"]),
            ("In his view, the deal is dead.", &["In his view"]),
            ("By some estimates, 500 people died.", &["By some estimates"]),
            ("He estimated that the company would not be profitable.", &["estimated"]),
            ("It has been estimated that the islands once protected the city.", &["estimated"]),
            ("She estimates her properties are worth half that now.", &["estimates"]),
            ("Officials estimate the dam will hold for a week.", &["estimate"]),
            ("There is an estimate that the dam will fail.", &["estimate"]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }

    /// Figures and the noun without a claim measure; they do not doubt.
    #[test]
    fn estimated_figures_are_not_hedges() {
        let cases = [
            "The debt, estimated at $4.7 billion, was large.",
            "He estimated the breakup value at $55 a share.",
            "An estimated 500 people attended.",
            "Analysts estimate the value of the proposal at about $115 a share.",
            "The estimate was revised twice.",
            "It was in line with Wall Street estimates.",
            "The church is estimated to have been built in 1200.",
            "They could not estimate the size of the charge.",
            "First-section volume was estimated at 1.3 billion shares.",
            "The WHO estimates that there are 10 to 20 million polio survivors.",
            "A firm estimated that 2.2 million employees did not appear for work.",
            "Some people estimate that Google maintains over 450,000 servers.",
            "Upjohn estimated that about 50% of the employees would leave.",
            "Simple devices to estimate body fat, often using BIA, are sold.",
            "It would be impossible to estimate how many others were hit.",
        ];
        for text in cases {
            assert_no_marks(Hedging, text);
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
