//! `hedging/considered`: a judgement with no one behind it ("is considered the best",
//! "is regarded as", "is seen as").

use super::cue::{as_follows, next_word, nth_after, nth_before, prev_word, Cue, Span, When::*, BE, SUBJECT_PRONOUNS};
use crate::rule::{Category, Rule, Strength};
use crate::text::Document;

pub static RULE: Rule = Rule {
    id: "hedging/considered",
    category: Category::Hedging,
    name: "Opinion presented as consensus",
    message: "This is a judgement someone holds, not a fact; the text may not say who holds it.",
    why: "\"Is considered\", \"is regarded as\" and \"is seen as\" turn an opinion into something that sounds settled. Ask who considers it so, and on what grounds.",
    example: "He is considered one of the finest players of his generation.",
    strength: Strength::Weak,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "He considered the offer for a week.";

/// What follows "considered" when it means weighed or examined rather than judged.
const WEIGHED: &[&str] = &[
    "for",
    "in",
    "from",
    "but",
    "and",
    "during",
    "at",
    "when",
    "whether",
    "how",
    "what",
    ".",
    ",",
    ";",
    ")",
    "together",
    "separately",
    "individually",
    "jointly",
];

/// An active "considered" with a plain object weighs it ("considered the offer"); after a
/// form of "to be" it judges ("is considered a classic").
const OBJECT: &[&str] = &["the", "a", "an", "this", "that", "it", "them", "all", "other", "several", "options"];

fn considered_as_judgement(doc: &Document, span: Span) -> bool {
    let next = next_word(doc, span).unwrap_or(".");
    // "considered calling her": weighing an action.
    if WEIGHED.contains(&next) || (next.ends_with("ing") && next.len() > 4) {
        return false;
    }
    if appositive(doc, span) && matches!(next, "a" | "an" | "one" | "the" | "to" | "by" | "among" | "part") {
        return true;
    }
    // "should be considered normal", "can be considered an analogue": a rule or a
    // definition, not a report of what people think.
    if prev_word(doc, span) == Some("be")
        && matches!(nth_before(doc, span, 1), Some("should" | "must" | "can" | "shall"))
    {
        return false;
    }
    prev_word(doc, span).is_some_and(|p| BE.contains(&p)) || !OBJECT.contains(&next) || small_clause_follows(doc, span)
}

/// A participle set off after a comma: "Livingston, considered a formidable lobbyist,",
/// "the Saturday timeslot, widely considered a prime slot".
fn appositive(doc: &Document, span: Span) -> bool {
    match prev_word(doc, span) {
        Some(",") => true,
        Some("then" | "now" | "once" | "long" | "widely" | "generally" | "often" | "still") => {
            nth_before(doc, span, 1) == Some(",")
        }
        _ => false,
    }
}

/// Words that open the second half of "consider X a Y": "considered the experiment an
/// academic exercise", "consider it a comet", "consider McCrory more of a centrist".
const COMPLEMENT: &[&str] = &["a", "an", "one", "more", "less", "among"];

/// Words that end the object before any complement: "considered the offer for a week",
/// "consider the cost of a war", "considered the options and a…".
const NOT_IN_OBJECT: &[&str] = &[
    "a", "an", "to", "as", "for", "of", "and", "or", "that", "which", "who", "in", "on", "at", "with", "by", "from",
    "whether", "how", "what", "but", "when", "if",
];

/// "consider X a Y": an object of one to three words, then a noun phrase that judges it;
/// not "consider the offer", "consider a run" nor "consider filing a suit".
fn small_clause_follows(doc: &Document, span: Span) -> bool {
    if next_word(doc, span).is_some_and(|w| w.ends_with("ing")) {
        return false;
    }
    (1..4).any(|n| {
        nth_after(doc, span, n).is_some_and(|w| COMPLEMENT.contains(&w))
            && (0..n).all(|k| {
                let i = span.last + k;
                doc.is_word(i)
                    && !nth_after(doc, span, k).is_some_and(|w| NOT_IN_OBJECT.contains(&w) || FINITE_OR_BE.contains(&w))
            })
    })
}

/// A verb inside the supposed object means the clause has moved on.
const FINITE_OR_BE: &[&str] = &["is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would"];

/// Who may hold a judgement: "many consider", "critics consider", "who consider".
const HOLDERS: &[&str] =
    &["i", "we", "they", "many", "most", "some", "others", "critics", "scholars", "historians", "who"];

/// "consider themselves heirs", "consider LSD a sacrament" is hard to tell from "consider
/// the offer"; "consider X to be Y", "consider X as Y" and a reflexive object are judgements.
fn consider_judges(doc: &Document, span: Span) -> bool {
    prev_word(doc, span).is_some_and(|p| HOLDERS.contains(&p))
        || matches!(next_word(doc, span), Some("themselves" | "himself" | "herself" | "itself" | "ourselves"))
        || as_follows(doc, span)
        || small_clause_follows(doc, span)
}

/// "considers it a failure", "considers him his heir"; not "considers the offer",
/// "considers buying".
fn considers_judges(doc: &Document, span: Span) -> bool {
    !matches!(next_word(doc, span), Some("a" | "an" | "the" | "whether" | "how" | "buying" | "selling"))
        || small_clause_follows(doc, span)
}

/// "is regarded as", "regarded by some as", "many regarded him as": not "highly regarded"
/// or "well regarded", which praise.
fn regarded_judges(doc: &Document, span: Span) -> bool {
    let next = next_word(doc, span);
    if matches!(prev_word(doc, span), Some("highly" | "well" | "poorly")) {
        return false;
    }
    judged_as(doc, span)
        || next == Some("by")
        || as_follows(doc, span)
        || (prev_word(doc, span).is_some_and(|p| BE.contains(&p)) && matches!(next, Some("as" | "to")))
}

/// "seen as a snub", "rarely seen as potential mates", "seen by many people as sexist":
/// a judgement; not "has seen as many visitors" (a comparison) nor "seen by police as he
/// fled" (a time clause).
fn judged_as(doc: &Document, span: Span) -> bool {
    const NOT_JUDGED: &[&str] = &["have", "has", "had", "'ve", "having", "highly", "well", "poorly"];
    if prev_word(doc, span).is_some_and(|p| NOT_JUDGED.contains(&p)) {
        return false;
    }
    const COMPARISON: &[&str] = &[
        "many", "much", "far", "well", "long", "soon", "often", "early", "late", "little", "few", "if", "though", "it",
    ];
    let after_as = |n: usize| {
        nth_after(doc, span, n + 1).is_none_or(|w| !COMPARISON.contains(&w) && !SUBJECT_PRONOUNS.contains(&w))
    };
    match next_word(doc, span) {
        Some("as") => after_as(0),
        Some("by") => (1..7)
            .take_while(|&n| nth_after(doc, span, n).is_some_and(|w| !matches!(w, "," | "." | ";" | ":")))
            .find(|&n| nth_after(doc, span, n) == Some("as"))
            .is_some_and(after_as),
        _ => false,
    }
}

pub static CUES: &[Cue] = &[
    // "is considered (to be) the best", "widely considered": not "considered the offer"
    // with a person as subject, which the be-verb before it rules out.
    // "is considered (to be) the best", "whom critics considered a genius": a judgement;
    // not "considered for the role", "considered in the study", "considered but rejected".
    Cue::new("considered", &[Test(considered_as_judgement)]),
    Cue::new("regarded", &[Test(regarded_judges)]),
    Cue::new("seen", &[Test(judged_as)]),
    Cue::new("viewed", &[Test(judged_as)]),
    Cue::new("deemed", &[PrevIs(BE)]),
    Cue::new("perceived as", &[]),
    Cue::new("considers", &[Test(considers_judges)]),
    Cue::new("consider", &[Test(consider_judges)]),
    // "commonly thought of as": a judgement; "thought of possible answers" considers options.
    Cue::new("thought of as", &[]),
];

#[cfg(test)]
mod tests {
    use crate::rule::Category::Hedging;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_judgements_without_a_judge() {
        let cases: &[(&str, &[&str])] = &[
            ("He is considered one of the finest players.", &["considered"]),
            ("The album is widely regarded as a classic.", &["regarded"]),
            ("The move was seen as a snub.", &["seen"]),
            ("Some consider LSD a sacrament; users consider it to be a drug.", &["consider", "consider"]),
            ("Many Vietnamese regarded him as a puppet king.", &["regarded"]),
            ("It is commonly thought of as retail banking.", &["thought of as"]),
            ("The restaurant is seen by many people as sexist.", &["seen"]),
            ("It was never regarded as a crime. Already viewed as a star, he won.", &["regarded", "viewed"]),
            ("He said he considered the whole experiment an academic exercise.", &["considered"]),
            ("Astronomers consider it a comet.", &["consider"]),
            ("Livingston, considered a formidable lobbyist, backed Cao.", &["considered"]),
            ("He went to Bombay, then considered the haven of art.", &["considered"]),
            ("Many conservatives consider McCrory more of a centrist.", &["consider"]),
            ("She considers Kaine her mentor and him a rival.", &["considers"]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }

    #[test]
    fn weighing_an_option_is_not_a_hedge() {
        assert_no_marks(Hedging, "The board considered the offer and rejected it.");
        assert_no_marks(Hedging, "Lee was considered for the lead.");
        assert_no_marks(Hedging, "The company considers buying more air time.");
        assert_no_marks(Hedging, "The panel will consider the offer as soon as it can.");
        assert_no_marks(Hedging, "She is a highly regarded surgeon.");
        assert_no_marks(Hedging, "The town has seen as many visitors as last year.");
        assert_no_marks(Hedging, "He was seen by police as he fled.");
        assert_no_marks(Hedging, "He considered calling her. Such payments should be considered voluntary.");
        assert_no_marks(Hedging, "McCaw will consider filing an antitrust suit.");
        assert_no_marks(Hedging, "The board considered the cost of a new plant.");
        assert_no_marks(Hedging, "The court considered the offer for a week.");
        assert_no_marks(Hedging, "The bill, considered in March, failed. Both sides, considered together, agree.");
        assert_no_marks(Hedging, "The committee considers the bill on Monday.");
    }
}
