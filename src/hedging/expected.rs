//! `hedging/expected`: a forecast ("is expected to", "expects"), not something that happened.

use super::cue::{finite_clause_follows, next_word, nth_after, nth_before, prev_word, Cue, Span, When::*};
use crate::rule::{Category, Rule, Strength};
use crate::text::{Document, TokenKind};

pub static RULE: Rule = Rule {
    id: "hedging/expected",
    category: Category::Hedging,
    name: "Forecast, not fact",
    message: "This is what someone expects to happen, not what has happened.",
    why: "\"Expected to\", \"expects\" and \"anticipates\" describe a prediction. Predictions often fail; the text has not shown it happened.",
    example: "The company is expected to announce cuts next week.",
    strength: Strength::Weak,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "The company announced cuts last week.";

/// "is expected to", "expected that": the forecast verb, not "had been expected" (it
/// happened as foreseen) nor, not the adjective
/// in "expected losses", "than expected", "as expected".
fn expected_as_verb(doc: &Document, span: Span) -> bool {
    let prev = prev_word(doc, span);
    if matches!(prev, Some("than" | "as" | "an" | "the" | "un" | "life")) {
        return false;
    }
    // "expected to", "expected that", "had expected Consolidated to post".
    matches!(next_word(doc, span), Some("that"))
        || (0..3).any(|n| nth_after(doc, span, n) == Some("to"))
        || expected_when(doc, span)
}

/// "a ruling is expected next week", "30,000 immigrants expected this year", "a decision
/// is expected in mid-May": an event forecast for a time.
fn expected_when(doc: &Document, span: Span) -> bool {
    // "as was to be expected": unsurprising, not a forecast.
    if prev_word(doc, span) == Some("be") && nth_before(doc, span, 1) == Some("to") {
        return false;
    }
    let capital_or_number = |n: usize| {
        doc.is_capitalized(span.last + n) || doc.tokens.get(span.last + n).is_some_and(|t| t.kind == TokenKind::Number)
    };
    match next_word(doc, span) {
        Some(
            "this" | "next" | "later" | "soon" | "shortly" | "anytime" | "within" | "tomorrow" | "today" | "tonight",
        ) => true,
        Some("in") => {
            capital_or_number(1)
                || nth_after(doc, span, 1)
                    .is_some_and(|w| ["coming", "mid", "early", "late"].iter().any(|t| w.starts_with(t)))
        }
        // "expected on Monday", "on March 3"; not "expected by the community".
        Some("on") => capital_or_number(1),
        _ => false,
    }
}

/// Verbs of change and outcome after "should": "should rise", "should help", "should n't
/// face problems"; advice ("should resign", "should vote") takes other verbs.
const CHANGE: &[&str] = &[
    "face",
    "hurt",
    "benefit",
    "result",
    "lead",
    "continue",
    "reach",
    "exceed",
    "rise",
    "fall",
    "increase",
    "decrease",
    "grow",
    "decline",
    "improve",
    "worsen",
    "help",
    "boost",
    "reduce",
    "ease",
    "recover",
    "rebound",
    "climb",
    "drop",
    "narrow",
    "widen",
    "slow",
    "accelerate",
];

/// "profits should rise", "the thrift should n't face problems": a forecast; not advice
/// to a person ("you should help", "we should not continue").
fn should_forecasts(doc: &Document, span: Span) -> bool {
    let skip = usize::from(matches!(next_word(doc, span), Some("not" | "n't" | "never")));
    nth_after(doc, span, skip).is_some_and(|v| CHANGE.contains(&v))
        && !matches!(prev_word(doc, span), Some("you" | "we" | "i" | "he" | "she" | "they" | "one" | "who"))
}

/// Before "predict": a judgement of the forecast, not the forecast itself.
const NOT_A_FORECAST: &[&str] = &["to", "in", "can", "could"];

/// "predicted to", "predicted that", "predicted the campaign would…".
fn forecast_follows(doc: &Document, span: Span) -> bool {
    matches!(next_word(doc, span), Some("to" | "that")) || finite_clause_follows(doc, span)
}

pub static CUES: &[Cue] = &[
    Cue::new("expected", &[Test(expected_as_verb)]),
    Cue::new("expects", &[]),
    Cue::new("expect", &[PrevIsNot(&["to", "not", "n't", "than"])]),
    Cue::new("expecting", &[NextIsNot(&["a", "their", "her", "his"])]),
    Cue::new("anticipate", &[]),
    Cue::new("anticipates", &[]),
    Cue::new("anticipated", &[PrevIsNot(&["than", "as", "long", "much", "eagerly", "highly"])]),
    // "he predicted the campaign would turn", "she predicts it could offset…": a forecast
    // with its clause; not "hard to predict", "predicted the winner".
    Cue::new("predicted", &[PrevIsNot(NOT_A_FORECAST), Test(forecast_follows)]),
    Cue::new("predict", &[PrevIsNot(NOT_A_FORECAST), Test(forecast_follows)]),
    Cue::new("predicts", &[PrevIsNot(NOT_A_FORECAST), Test(forecast_follows)]),
    Cue::new("predicting", &[PrevIsNot(NOT_A_FORECAST), Test(forecast_follows)]),
    Cue::new("should", &[Test(should_forecasts)]),
];

#[cfg(test)]
mod tests {
    use crate::rule::Category::Hedging;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_forecasts() {
        let cases: &[(&str, &[&str])] = &[
            ("The company is expected to announce cuts.", &["expected"]),
            ("A ruling is expected in mid-May. A vote is expected next week.", &["expected", "expected"]),
            ("Analysts expect a loss.", &["expect"]),
            ("Analysts had expected Consolidated to post a profit.", &["expected"]),
            ("He expects an equal effort.", &["expects"]),
            ("He predicted the campaign would turn. She predicts it will help.", &["predicted", "predicts"]),
            ("Profitability should increase this year.", &["should"]),
            ("The thrift should n't face problems meeting the rules.", &["should"]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }

    #[test]
    fn the_adjective_is_not_a_forecast() {
        assert_no_marks(Hedging, "Losses were larger than expected. As expected, it rained.");
        assert_no_marks(Hedging, "They cited expected losses in shipping.");
        assert_no_marks(Hedging, "It was not what was expected by the community.");
        assert_no_marks(Hedging, "It is hard to predict how they will vote. He predicted the winner.");
        assert_no_marks(Hedging, "As was to be expected this year, it rained.");
        assert_no_marks(Hedging, "The administration should take quick action.");
        assert_no_marks(Hedging, "You should help your neighbours.");
    }
}
