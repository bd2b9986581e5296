//! `hedging/unknown`: the text says plainly that something is not known ("it is unclear
//! whether", "his whereabouts remain unknown").

use super::cue::{
    clause_before, finite_clause_follows, next_word, nth_after, nth_before, prev_word, starts_sentence, Cue, Span,
    When::*, SUBJECT_PRONOUNS,
};
use crate::rule::{Category, Rule, Strength};
use crate::text::Document;

pub static RULE: Rule = Rule {
    id: "hedging/unknown",
    category: Category::Hedging,
    name: "Open question",
    message: "The text says this is not known: what follows is an open question.",
    why: "\"It is unclear whether\" and \"remains unknown\" mark a gap in what is known. Whatever the text goes on to say about it is not established.",
    example: "It is unclear whether he crossed the border.",
    strength: Strength::Weak,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "It is clear that he crossed the border.";

/// An open question follows: "unclear whether", "unknown how".
const QUESTION: &[&str] = &["whether", "if", "how", "what", "why", "who", "when", "where", "which", "to"];

/// "the cause was unknown.", "its origins remain unclear,", "it is still uncertain
/// whether": said of the matter itself, as the predicate of its clause; not "an unknown
/// artist", "unclear lines of authority" nor "unknown to the police" (not known to them).
fn not_known_as_predicate(doc: &Document, span: Span) -> bool {
    const LINK: &[&str] = &["is", "are", "was", "were", "be", "been", "remain", "remains", "remained", "'s", "’s"];
    const BETWEEN: &[&str] = &["still", "also", "now", "currently", "as", "yet", "largely", "entirely"];
    let linked = (0..3)
        .map(|n| nth_before(doc, span, n))
        .take_while(|w| w.is_some_and(|w| LINK.contains(&w) || BETWEEN.contains(&w)))
        .any(|w| w.is_some_and(|w| LINK.contains(&w)));
    linked && next_word(doc, span).is_none_or(|w| matches!(w, "." | "," | ";" | ":" | ")" | "that"))
}

/// Before an open question ("unclear whether", "unknown how") or as a predicate.
fn open_question(doc: &Document, span: Span) -> bool {
    next_word(doc, span).is_some_and(|w| QUESTION.contains(&w)) || not_known_as_predicate(doc, span)
}

/// "no doubt", "without doubt", "beyond doubt": certainty, the opposite of a hedge.
const CERTAIN: &[&str] = &["no", "without", "beyond", "any", "reasonable"];

/// Doubt cast on a claim ("casts similar doubts", "expressed doubts that", "doubt
/// remains") or a doubting verb with its clause ("I doubt he will"); not "self-doubt",
/// "doubts about her" (a state of mind).
fn doubt_raised(doc: &Document, span: Span) -> bool {
    const RAISE: &[&str] = &[
        "cast",
        "casts",
        "casting",
        "raise",
        "raises",
        "raised",
        "raising",
        "sow",
        "sowed",
        "sowing",
        "expressed",
        "express",
        "voiced",
        "remain",
        "remains",
        "remained",
        "persist",
        "persists",
    ];
    const ABOUT: &[&str] = &["about", "over", "of", "on", "in", "as"];
    (0..3).filter_map(|n| nth_before(doc, span, n)).chain(next_word(doc, span)).any(|w| RAISE.contains(&w))
        || (!next_word(doc, span).is_some_and(|w| ABOUT.contains(&w)) && finite_clause_follows(doc, span))
}

/// People who are questioned, and who questions them: "police questioned the suspect",
/// "he was questioned by detectives" is an interrogation, not doubt.
const INTERROGATED: &[&str] = &[
    "him",
    "her",
    "them",
    "me",
    "us",
    "you",
    "suspect",
    "suspects",
    "witness",
    "witnesses",
    "man",
    "men",
    "woman",
    "women",
    "people",
    "passengers",
    "detainees",
    "prisoners",
    "residents",
    "employees",
    "officers",
    "staff",
    "students",
    "members",
    "survivors",
    "police",
    "detectives",
    "investigators",
    "agents",
    "authorities",
    "prosecutors",
    "fbi",
    "officials",
];

/// After "questioned": an interrogation's circumstances ("questioned about the murder",
/// "questioned for hours", "questioned in connection with", "questioned as a witness").
const INTERROGATION: &[&str] = &["about", "for", "in", "at", "after", "under", "over", "as", "on", "and", ",", "."];

/// A claim put in doubt: "critics questioned the lack of data", "its reliability has been
/// questioned", "questioned by some observers"; not an interrogation ("questioned the
/// suspect", "he was questioned by police", "questioned about the murder").
fn questioned_as_doubt(doc: &Document, span: Span) -> bool {
    let next = next_word(doc, span);
    if next.is_some_and(|w| QUESTION.contains(&w) && w != "to") {
        return true;
    }
    let object = (0..3)
        .map(|n| nth_after(doc, span, n))
        .find(|w| !w.is_some_and(|w| matches!(w, "the" | "a" | "by" | "some" | "two" | "three" | "several")));
    if object.flatten().is_some_and(|w| INTERROGATED.contains(&w)) {
        return false;
    }
    // "has been questioned." ends the clause on doubt only when a thing, not a person, is
    // its subject: "the reliability … has been questioned", not "he was questioned".
    let passive = matches!(prev_word(doc, span), Some("been" | "being" | "be" | "is" | "are" | "was" | "were"));
    let subject = clause_before(doc, span).find(|&i| {
        !matches!(
            doc.low(i),
            "been"
                | "being"
                | "be"
                | "is"
                | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "also"
                | "often"
                | "widely"
                | "repeatedly"
                | "since"
        )
    });
    let person_subject = subject.is_some_and(|i| {
        let w = doc.low(i);
        SUBJECT_PRONOUNS.contains(&w)
            || INTERROGATED.contains(&w)
            || (doc.is_capitalized(i) && !starts_sentence(doc, Span { first: i, last: i + 1 }))
    });
    if passive {
        return !person_subject && !next.is_some_and(|w| INTERROGATION.contains(&w) && !matches!(w, "," | "."));
    }
    // Active: "critics questioned the figures"; not "police questioned two men".
    !next.is_some_and(|w| INTERROGATION.contains(&w))
}

pub static CUES: &[Cue] = &[
    Cue::new("unclear", &[Test(open_question)]),
    Cue::new("unknown", &[Test(open_question)]),
    Cue::new("uncertain", &[Test(open_question)]),
    Cue::new("not clear", &[Test(open_question)]),
    Cue::new("not known", &[NextIs(QUESTION)]),
    // "it is not yet clear", "this is far from clear", "not known for certain".
    Cue::new("not yet clear", &[]),
    Cue::new("not entirely clear", &[]),
    Cue::new("not immediately clear", &[]),
    Cue::new("not yet known", &[]),
    Cue::new("not immediately known", &[]),
    Cue::new("not known for certain", &[]),
    Cue::new("far from clear", &[]),
    Cue::new("far from certain", &[]),
    Cue::new("not certain", &[Test(open_question)]),
    Cue::new("unsure", &[NextIs(QUESTION)]),
    // "observers wondered whether the north would allow it".
    Cue::new("wondered", &[NextIs(&["whether", "if"])]),
    Cue::new("wonder", &[NextIs(&["whether", "if"])]),
    Cue::new("wonders", &[NextIs(&["whether", "if"])]),
    Cue::new("wondering", &[NextIs(&["whether", "if"])]),
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
    // "there is much uncertainty", "some uncertainty still exists".
    Cue::new(
        "uncertainty",
        &[PrevIs(&["much", "some", "considerable", "great", "growing", "widespread", "lingering", "continued"])],
    ),
    // "analysts questioned how much…", "its reliability has been questioned": doubt about
    // the claim; not an interrogation.
    Cue::new("questioned", &[Test(questioned_as_doubt)]),
    // "calls into question the figures", "brought into question".
    Cue::new("into question", &[]),
    Cue::new("question whether", &[]),
    // "casts doubt on his account", "doubts remain", "I doubt he will": the claim is
    // contested.
    Cue::new("doubt", &[PrevIsNot(CERTAIN), Test(doubt_raised)]),
    Cue::new("doubts", &[PrevIsNot(CERTAIN), Test(doubt_raised)]),
    Cue::new("doubted", &[Test(finite_clause_follows)]),
    Cue::new("doubtful", &[]),
    // "there is little doubt that": some doubt is admitted.
    Cue::new("little doubt", &[]),
    Cue::new("not well understood", &[]),
    Cue::new("not fully understood", &[]),
];

#[cfg(test)]
mod tests {
    use crate::rule::Category::Hedging;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_open_questions() {
        let cases: &[(&str, &[&str])] = &[
            ("It is unclear whether he crossed the border.", &["unclear"]),
            ("Kopp's whereabouts remain unknown.", &["remain unknown"]),
            ("Little is known about his youth.", &["Little is known"]),
            ("The letter casts doubt on his account.", &["doubt"]),
            ("Whether it works remains to be seen.", &["remains to be seen"]),
            ("The outcome of that session was unclear.", &["unclear"]),
            ("The origins of the program are largely unknown, and…", &["unknown"]),
            ("It is not clear that the stock will last.", &["not clear"]),
            ("There is little doubt that they met.", &["little doubt"]),
            ("She doubted voters would care. I doubt that he will come.", &["doubted", "doubt"]),
            ("His remarks cast new doubts on the plan. Doubts remain.", &["doubts", "Doubts"]),
            ("It was doubtful he would quit.", &["doubtful"]),
            ("Critics questioned the lack of empirical data.", &["questioned"]),
            ("The reliability of this early report has been questioned.", &["questioned"]),
            ("It has been questioned by some observers.", &["questioned"]),
            ("The figures call into question the whole plan.", &["into question"]),
            ("It is not yet clear how far it spread. This is far from clear.", &["not yet clear", "far from clear"]),
            (
                "It is not known for certain if it spread. The date is not certain.",
                &["not known for certain", "not certain"],
            ),
            ("Some observers wondered whether the treaty would hold.", &["wondered"]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }

    #[test]
    fn an_unclear_statement_or_an_unknown_person_is_not_a_hedge() {
        assert_no_marks(Hedging, "The motives were unclear and the report was late.");
        assert_no_marks(Hedging, "An unknown artist painted it.");
        assert_no_marks(Hedging, "Unclear lines of authority hurt the staff.");
        assert_no_marks(Hedging, "There is no doubt that he is bright. Without doubt, he won.");
        assert_no_marks(Hedging, "Many doubted her in Nevada but never doubted each other.");
        assert_no_marks(Hedging, "She had lingering doubts about where he stood.");
        assert_no_marks(Hedging, "The rules were not clear enough for the players.");
        assert_no_marks(Hedging, "I wonder at his skill. It is not certain death.");
    }

    #[test]
    fn an_interrogation_is_not_doubt() {
        let cases = [
            "Police questioned the suspect for hours.",
            "He was questioned by detectives.",
            "Two men were questioned about the murder.",
            "She was questioned and released.",
            "Investigators questioned him on Monday.",
            "Mr. Smith was questioned.",
        ];
        for text in cases {
            assert_no_marks(Hedging, text);
        }
    }
}
