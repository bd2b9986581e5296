//! `hedging/belief`: a named holder's belief or guess ("officials think", "he believes"):
//! the source keeps a distance from the claim.

use super::cue::{
    as_follows, clause_follows, finite_clause_follows, next_word, nth_after, nth_before, prev_word, Cue, Span, When::*,
    DETERMINER, FINITE, SUBJECT_PRONOUNS,
};
use crate::rule::{Category, Rule, Strength};
use crate::text::Document;

pub static RULE: Rule = Rule {
    id: "hedging/belief",
    category: Category::Hedging,
    name: "Belief or guess",
    message: "Someone thinks or assumes this; it is not stated as known.",
    why: "\"Believe\", \"think\", \"suspect\" and \"assume\" report a belief. Believing something is not evidence for it: look for what the belief rests on.",
    example: "Investigators believe the fire was set deliberately.",
    strength: Strength::Weak,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "Investigators found the fire was set deliberately.";

/// "think about it", "thought of", "believe in": considering or trusting, not a belief
/// that something is true.
const NOT_A_CLAIM: &[&str] =
    &["about", "of", "in", "tank", "tanks", "so", "twice", "again", "back", "up", "out", "hard"];

/// Who holds a view in "many regard it as…", "some see him as…", "critics view it as…".
const HOLDERS: &[&str] = &[
    "some",
    "many",
    "others",
    "most",
    "critics",
    "scholars",
    "historians",
    "experts",
    "analysts",
    "observers",
    "they",
    "who",
    "we",
    "i",
    "people",
    "fans",
    "commentators",
    "which",
];

/// "in this regard", "a view of", "come to see": the noun or a plain seeing, not a
/// judgement.
const NOT_A_VIEW: &[&str] =
    &["a", "an", "the", "this", "that", "in", "with", "of", "high", "every", "any", "no", "one"];

/// "many regard/view/see…" (a view held by a group), or "nationalists see this process
/// as a bridge", "philosophers regard it as vague" (a judgement about X, after its
/// holder); not "many see the film", "a less favorable view of her as she…".
fn held_view(doc: &Document, span: Span) -> bool {
    let prev = prev_word(doc, span).unwrap_or("");
    if HOLDERS.contains(&prev) {
        return doc.low(span.first) != "see"
            || !matches!(next_word(doc, span), Some("the" | "a" | "it" | "what" | "how" | "that"));
    }
    let holder_before = prev.ends_with('s') || prev.ends_with("ly") || matches!(prev, "and" | "not" | "n't" | "to");
    // "view credit scores as it is" compares; "view Muslims as a threat" judges.
    holder_before
        && as_follows(doc, span)
        && (0..4).any(|n| {
            nth_after(doc, span, n) == Some("as")
                && !nth_after(doc, span, n + 1).is_some_and(|w| w == "it" || SUBJECT_PRONOUNS.contains(&w))
        })
}

/// "thought" after a determiner is the noun ("a thought", "no thought"), unless a group
/// holds it with its clause ("some thought the game was tasteless", "some thought that
/// perhaps a retailer may…", "the thought that he might return").
fn thought_as_belief(doc: &Document, span: Span) -> bool {
    let Some(prev) = prev_word(doc, span) else { return true };
    if !DETERMINER.contains(&prev) {
        return true;
    }
    // "after some thought Pingu does…" is the noun after a preposition.
    let group = matches!(prev, "some" | "many" | "most" | "all" | "others" | "few")
        && !nth_before(doc, span, 1).is_some_and(|w| {
            matches!(w, "after" | "with" | "without" | "on" | "of" | "in" | "for" | "upon" | "given" | "to")
        });
    (group && clause_follows(doc, span))
        || (next_word(doc, span) == Some("that")
            && !nth_after(doc, span, 1).is_some_and(|w| FINITE.contains(&w))
            && finite_clause_follows(doc, Span { first: span.first, last: span.last + 1 }))
}

/// "assume office", "assume the role": taking on a role, not supposing.
const TAKE_ON: &[&str] =
    &["office", "control", "responsibility", "command", "power", "the", "a", "his", "her", "their", "its"];

/// What is taken on in "assuming the role of", "assuming the presidency".
const ROLE: &[&str] = &[
    "office",
    "control",
    "responsibility",
    "command",
    "power",
    "role",
    "mantle",
    "leadership",
    "duties",
    "presidency",
    "position",
    "name",
    "title",
    "identity",
    "throne",
    "post",
    "chair",
    "helm",
];

/// "assuming the warrior was armed": a supposition with its clause; not "assuming the
/// role of captain, he was…".
fn assuming_supposes(doc: &Document, span: Span) -> bool {
    (0..3).all(|n| !nth_after(doc, span, n).is_some_and(|w| ROLE.contains(&w))) && finite_clause_follows(doc, span)
}

/// Within the next three words, before any punctuation, a gerund that is not a noun
/// after a determiner: "of building a bridge", "of men being abused", not "of a building",
/// "of the morning".
fn event_follows(doc: &Document, span: Span) -> bool {
    (0..3).map_while(|n| nth_after(doc, span, n).filter(|_| doc.is_word(span.last + n)).map(|w| (n, w))).any(
        |(n, w)| {
            w.len() > 4
                && w.ends_with("ing")
                && !matches!(
                    w,
                    "thing"
                        | "something"
                        | "anything"
                        | "everything"
                        | "nothing"
                        | "morning"
                        | "evening"
                        | "spring"
                        | "string"
                        | "ceiling"
                        | "wedding"
                )
                && !(n > 0 && nth_after(doc, span, n - 1).is_some_and(|p| DETERMINER.contains(&p)))
        },
    )
}

/// "feel(s)/felt" + a pronoun subject + a verb: "they felt they were", "feel it is".
fn felt_belief(doc: &Document, span: Span) -> bool {
    next_word(doc, span).is_some_and(|w| SUBJECT_PRONOUNS.contains(&w) || w == "it")
        && nth_after(doc, span, 1).is_some_and(|v| {
            FINITE.contains(&v) || (v.len() > 4 && v.ends_with("ed")) || ["'s", "’s", "'re", "’re", "'ll"].contains(&v)
        })
}

pub static CUES: &[Cue] = &[
    Cue::new("believe", &[Test(clause_follows)]),
    Cue::new("believes", &[Test(clause_follows)]),
    Cue::new("believed", &[NextIsNot(NOT_A_CLAIM)]),
    Cue::new("believing", &[NextIsNot(NOT_A_CLAIM)]),
    Cue::new("think", &[Test(clause_follows)]),
    Cue::new("thinks", &[Test(clause_follows)]),
    // "they thought it wise", "is thought": not "a thought", "thought of".
    Cue::new(
        "thought",
        &[
            NextIsNot(NOT_A_CLAIM),
            NextIsNot(&["process", "processes", "experiment", "police"]),
            Test(thought_as_belief),
            PrevIsNot(&[
                "school",
                "political",
                "religious",
                "free",
                "of",
                "western",
                "modern",
                "and",
                "greek",
                "chinese",
            ]),
        ],
    ),
    Cue::new("suspect", &[PrevIsNot(DETERMINER), Test(clause_follows)]),
    // The plural noun ("six suspects are held") is far more common than the verb.
    Cue::new("suspects", &[NextIs(&["that", "he", "she", "they", "it", "there"])]),
    Cue::new("assume", &[NextIsNot(TAKE_ON)]),
    Cue::new("assumes", &[NextIs(&["that"])]),
    Cue::new("assumed", &[NextIs(&["that", "to", "he", "she", "they", "we", "i", "you", "there"])]),
    // "assuming the warrior was armed", "they are assuming that…"; not "assuming office".
    Cue::new("assuming", &[Test(assuming_supposes)]),
    Cue::new("speculate", &[]),
    Cue::new("speculates", &[]),
    Cue::new("speculated", &[]),
    Cue::new("speculation", &[]),
    Cue::new("presume", &[]),
    Cue::new("presumes", &[]),
    Cue::new("suppose", &[]),
    Cue::new("supposed", &[NextIsNot(&["to"])]),
    Cue::new("feared", &[NextIs(&["that", "the", "he", "she", "it", "they"])]),
    Cue::new("fear that", &[]),
    Cue::new("expectation that", &[]),
    Cue::new("expectations that", &[]),
    Cue::new("fears that", &[]),
    Cue::new("belief that", &[]),
    Cue::new("beliefs that", &[]),
    Cue::new("view that", &[PrevIsNot(&["point", "of"])]),
    Cue::new("views that", &[]),
    Cue::new("the idea that", &[]),
    // "the idea of building a bridge", "the idea of men being abused": a state of affairs
    // entertained, not found; not "the idea of a museum".
    Cue::new("idea of", &[Test(event_follows)]),
    // A claim put forward to be tested: "the hypothesis that", "a suspicion that".
    Cue::new("hypothesis that", &[]),
    Cue::new("hypothesized", &[]),
    Cue::new("hypothesize", &[]),
    Cue::new("hypothesizes", &[]),
    Cue::new("hypothesise", &[]),
    Cue::new("hypothesises", &[]),
    Cue::new("theorize", &[]),
    Cue::new("theorizes", &[]),
    Cue::new("theorized", &[]),
    Cue::new("theorise", &[]),
    Cue::new("theorises", &[]),
    Cue::new("theorised", &[]),
    // "thinking they would win": the belief behind an act.
    // Not the noun: "critical thinking is", "his thinking was".
    Cue::new(
        "thinking",
        &[
            NextIsNot(NOT_A_CLAIM),
            NextIsNot(FINITE),
            PrevIsNot(DETERMINER),
            PrevIsNot(&[
                "critical",
                "wishful",
                "strategic",
                "creative",
                "positive",
                "lateral",
                "independent",
                "new",
                "of",
            ]),
            Test(finite_clause_follows),
        ],
    ),
    Cue::new("hypothesised", &[]),
    Cue::new("assumption that", &[]),
    Cue::new("suspicion that", &[]),
    Cue::new("suspicions that", &[]),
    // "fearing he would be seen": a fear about what may happen.
    Cue::new("fearing", &[Test(clause_follows)]),
    Cue::new("regard", &[PrevIsNot(NOT_A_VIEW), Test(held_view)]),
    Cue::new("view", &[PrevIsNot(NOT_A_VIEW), Test(held_view)]),
    Cue::new("see", &[PrevIsNot(NOT_A_VIEW), Test(held_view)]),
    // "now sees alliances as the way back": a view; not "sees the doctor".
    Cue::new("sees", &[Test(as_follows)]),
    Cue::new("concern that", &[]),
    Cue::new("concerns that", &[]),
    Cue::new("worry that", &[]),
    Cue::new("worries that", &[]),
    Cue::new("worried that", &[]),
    // "Turks feel they have special ties", "many felt they would not live long": a felt
    // belief with its own subject and verb; not "felt the need", "feel that way".
    Cue::new("feel", &[Test(felt_belief)]),
    Cue::new("feels", &[Test(felt_belief)]),
    Cue::new("felt", &[Test(felt_belief)]),
    // "confident that…", "highly confident the offer will be approved".
    Cue::new("confident", &[Test(clause_follows)]),
    Cue::new("confidence that", &[]),
];

#[cfg(test)]
mod tests {
    use crate::rule::Category::Hedging;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_beliefs() {
        let cases: &[(&str, &[&str])] = &[
            ("Investigators believe the fire was set deliberately.", &["believe"]),
            ("Prosecutors believe Mr. Antar's gains are illegal.", &["believe"]),
            ("I think we're not there yet.", &["think"]),
            ("Police suspect he fled abroad.", &["suspect"]),
            ("They speculated that prices would rise.", &["speculated"]),
            ("Many regard this incident as his cruelest act.", &["regard"]),
            ("The company now sees alliances as the way back.", &["sees"]),
            ("It gives support to the view that the handle is black.", &["view that"]),
            ("They are highly confident the offer will be approved.", &["confident"]),
            ("He left without fearing he would be seen.", &["fearing"]),
            ("It supports the hypothesis that birds are dinosaurs.", &["hypothesis that"]),
            ("He expressed confidence that cash flow would be sufficient.", &["confidence that"]),
            ("Nationalists see this process as a bridge.", &["see"]),
            ("Philosophers regard it as vague.", &["regard"]),
            ("They are \"highly confident\" the offer will pass.", &["confident"]),
            ("I suspect (the departure) will be irrelevant.", &["suspect"]),
            ("Some thought the game was tasteless.", &["thought"]),
            ("They balked at the idea of having a female referee.", &["idea of"]),
            ("Turks feel they have special ties. Many felt they would not live long.", &["feel", "felt"]),
            ("The idea of men being abused is absurd to them.", &["idea of"]),
            ("Scholars hypothesize that the figures were portraits.", &["hypothesize"]),
            ("Assuming the warrior was armed, the match is even. He assumed he would leave.", &["Assuming", "assumed"]),
            ("They were sent to stores, thinking it would entice people.", &["thinking"]),
            ("There is some thought that the retailer will help.", &["thought"]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }

    #[test]
    fn considering_and_nouns_are_not_beliefs() {
        let cases = [
            "The newspaper said officials had thought of possible answers.",
            "The suspect was arrested.",
            "She will assume office in May. Assuming office in May, she was busy.",
            "Assuming the role of captain, he was busy.",
            "Let us think about it.",
            "He was thinking about the war, and thinking of moving to a new city.",
            "He felt the need to act. I feel it deeply. She felt it.",
            "He had the idea of a museum. The idea of a building, of the morning, came.",
            "Critical thinking is a skill. I did a lot of thinking recently about where we are.",
            "Many see the film on Sundays.",
            "She sees the doctor as often as she can.",
            "John does not believe his father.",
            "Six suspects are in custody.",
            "Another suspect is awaiting extradition.",
            "She is a confident speaker.",
            "The hypothesis was tested twice.",
            "Viewers saw a less favorable view of her as she voted them out.",
            "In this regard, as in others, the plan failed.",
            "She expressed confidence in the board.",
            "After some thought Pingu does a shadow of Father.",
            "Give it some thought. A thought that was new to him came.",
            "He projected the confidence that has defined his campaign.",
            "It should be as easy to view credit scores as it is to get a report.",
        ];
        for text in cases {
            assert_no_marks(Hedging, text);
        }
    }
}
