//! `hedging/modal`: possibility or probability ("may", "might", "could", "likely",
//! "perhaps", "a possible end"), not certainty.

use super::cue::{next_word, nth_after, prev_word, starts_sentence, Cue, Span, When::*, DETERMINER, NEGATION};
use crate::rule::{Category, Rule, Strength};
use crate::text::{Document, Tag, TokenKind};

pub static RULE: Rule = Rule {
    id: "hedging/modal",
    category: Category::Hedging,
    name: "Possibility, not certainty",
    message: "The claim is only possible or likely, not stated as certain.",
    why: "Words such as \"may\", \"might\", \"could\", \"possibly\" and \"likely\" weaken a claim. That can be honest caution, but a headline fact built on \"may\" is weaker than it looks.",
    example: "the payments may have led to deaths",
    strength: Strength::Weak,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "The payments began in May and led to deaths.";

/// "May 14", "in May", "May Day", "Theresa May": the month or a name, not the modal.
/// A capital "May" is the modal only at the start of a sentence, before a subject
/// ("May I ask?") or a verb ("May be true").
fn may_is_modal(doc: &Document, span: Span) -> bool {
    // The tagger reads the context the word lists below guess at ("in May", "May 14",
    // "Theresa May", "May said"): a noun or a name is not the modal.
    if doc.tag(span.first).is_noun() {
        return false;
    }
    if !doc.is_capitalized(span.first) {
        return true;
    }
    if !starts_sentence(doc, span) {
        return false;
    }
    let next_is_number = doc.tokens.get(span.last).is_some_and(|t| t.kind == TokenKind::Number);
    let next = next_word(doc, span);
    !next_is_number
        && !matches!(next, Some("day" | "days" | "and" | "," | "." | "was" | "is" | "said"))
        && next.is_some()
}

/// What follows can follow a modal. A modal takes a verb in its base form, maybe after an
/// adverb or a negation ("may rise", "might not have", "may well be"); the words that
/// cannot follow one are a present or past form ("might makes right", "he who has might
/// stands above the law"), a conjunction or a preposition ("through might because",
/// "the might of"). Anything else passes: the tagger is least sure of the word after a
/// modal it doubts ("may table questions", "may date back"), and a missing tagger
/// (`Tag::Unknown`) says nothing.
fn verb_follows(doc: &Document, span: Span) -> bool {
    let sentence_end = doc.sentences.get(doc.sentence_of(span.first)).map_or(0, |s| s.tokens.end);
    let mut i = span.last;
    while i < sentence_end && i < span.last + 2 && matches!(doc.tag(i), Tag::Adv | Tag::Part) {
        i += 1;
    }
    if i >= sentence_end {
        return true;
    }
    match doc.tag(i) {
        Tag::Verb => !third_person(doc.low(i)),
        Tag::VerbPast | Tag::Sconj | Tag::Cconj | Tag::Adp => false,
        _ => true,
    }
}

/// "makes", "stands", "goes": a present form that is not the base ("pass", "focus" are).
fn third_person(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is")
}

/// "with all his might", "military might": the noun.
fn might_is_modal(doc: &Document, span: Span) -> bool {
    // The tagger tells the noun by its context ("the might of", "all their might");
    // the word lists below also catch what it misses.
    if doc.tag(span.first).is_noun() || !verb_follows(doc, span) {
        return false;
    }
    !matches!(
        prev_word(doc, span),
        Some(
            "his" | "her" | "its" | "their" | "our" | "military" | "all" | "the" | "economic" | "naval" | "of" | "and"
        )
    ) && !matches!(next_word(doc, span), Some("and" | "of" | "."))
}

/// Verbs and adverbs after "could" that mostly report an ability, not a possibility.
const ABILITY: &[&str] = &[
    "see", "hear", "find", "afford", "swim", "read", "speak", "walk", "use", "argue", "tell", "carry", "buy", "travel",
    "play", "only", "also", "still", "easily", "then", "now", "do", "run", "no", "barely", "hardly",
];

/// A reporting verb: what follows is the reported claim (a relative "that" is not enough:
/// "had shutters that could be opened" is past ability).
const REPORT: &[&str] = &[
    "said",
    "says",
    "warned",
    "warns",
    "feared",
    "fears",
    "predicted",
    "believed",
    "believes",
    "thought",
    "argued",
    "suggested",
    "estimated",
    "worried",
    "cautioned",
    "concerned",
    "afraid",
    "acknowledged",
    "conceded",
    "noted",
    "added",
    "told",
    "wrote",
    "reported",
    "indicated",
    "speculated",
    "suspected",
    "expected",
    "announced",
    "claimed",
];

/// "could" as possibility, not past ability or a condition: not "could not be reached",
/// "so that he could", "whether they could", "if it could".
fn could_is_possibility(doc: &Document, span: Span) -> bool {
    if next_word(doc, span).is_some_and(|w| NEGATION.contains(&w)) {
        return false;
    }
    if nth_after(doc, span, 1).is_some_and(|w| matches!(w, "not" | "n't" | "never")) {
        return false;
    }
    // "could see", "could afford", "could also": what someone was able to do.
    if next_word(doc, span).is_some_and(|w| ABILITY.contains(&w)) {
        return false;
    }
    if super::cue::in_conditional_sentence(doc, span) {
        return false;
    }
    // In a past-tense narrative "could" is mostly past ability ("he was kept away and
    // could not train", "the studio was built so crews could film").
    // A reported possibility starts a new clause after the reporting verb ("the IMF had
    // warned that the vote could depress growth"): the past tense is the report's.
    if super::cue::clause_before(doc, span)
        .take_while(|&i| !doc.low_in(i, REPORT))
        .any(|i| matches!(doc.low(i), "was" | "were" | "had" | "did"))
    {
        return false;
    }
    // A clause that states a condition, a purpose or a time or place ("so that he could",
    // "where crews could film"). An embedded question keeps the doubt ("here is why it
    // could backfire", "in what could stall his run"), and a sentence-opening "So" is a
    // discourse marker, not a purpose.
    let opens_sentence = |i: usize| doc.sentences.get(doc.sentence_of(i)).is_some_and(|s| s.tokens.start == i);
    !super::cue::clause_before(doc, span).take(12).any(|i| {
        (doc.low(i) != "so" || !opens_sentence(i))
            && matches!(
                doc.low(i),
                "if" | "whether"
                    | "neither"
                    | "nor"
                    | "nobody"
                    | "unless"
                    | "so"
                    | "how"
                    | "until"
                    | "before"
                    | "once"
                    | "where"
                    | "when"
            )
    })
}

/// "a possible end", "avoid possible seizures", "it is possible that": not "as soon as
/// possible", "made possible", "possible to do" (can be done), "the highest possible level"
/// "every possible means" or "thought of possible answers", which measure or list options
/// rather than doubt a claim.
fn possible_is_doubt(doc: &Document, span: Span) -> bool {
    let prev = prev_word(doc, span).unwrap_or("");
    let next = next_word(doc, span).unwrap_or("");
    if next == "that" {
        return true;
    }
    if is_superlative(prev) || matches!(prev, "all" | "every" | "of" | "as" | "if" | "where" | "whenever" | "wherever")
    {
        return false;
    }
    if matches!(next, "to" | "for" | "." | "," | ";" | ")") {
        return matches!(prev, "a" | "an" | "the");
    }
    is_attributive(doc, span)
        || before_a_name(doc, span)
        || (prev.ends_with("ly") && prev != "only")
        || matches!(prev, "is" | "was" | "be" | "seems")
}

/// "the highest", "the best", "the most": a measure of extent.
fn is_superlative(word: &str) -> bool {
    matches!(word, "best" | "worst" | "most" | "least" | "maximum" | "minimum" | "greatest" | "only")
        || (word.ends_with("est") && word.len() > 4)
}

/// The adjective stands before a noun it qualifies: a lower-case word that is neither a
/// function word nor a verb form ("possible acquisition", "potential involvement").
fn is_attributive(doc: &Document, span: Span) -> bool {
    let Some(next) = next_word(doc, span) else { return false };
    doc.tokens.get(span.last).is_some_and(|t| t.kind == TokenKind::Word)
        && !doc.is_capitalized(span.last)
        && !matches!(
            next,
            "to" | "and"
                | "or"
                | "of"
                | "in"
                | "on"
                | "as"
                | "at"
                | "by"
                | "with"
                | "is"
                | "are"
                | "was"
                | "were"
                | "be"
                | "that"
                | "than"
                | "if"
                | "but"
        )
}

/// "the potential Valley Federal acquisition", "her possible Republican opponents": a
/// name inside the prospect, after a determiner.
fn before_a_name(doc: &Document, span: Span) -> bool {
    doc.is_capitalized(span.last) && prev_word(doc, span).is_some_and(|p| DETERMINER.contains(&p))
}

/// "a potential takeover target", "NATO's potential involvement": a prospect; not "its
/// full potential" (a noun) nor "potential customers", "potential buyers" (people named
/// by what they might do, a plain label).
fn potential_is_doubt(doc: &Document, span: Span) -> bool {
    const AGENT: &[&str] = &[
        "buyer",
        "bidder",
        "partner",
        "customer",
        "investor",
        "acquirer",
        "suitor",
        "recipient",
        "user",
        "member",
        "voter",
        "donor",
        "client",
        "mate",
        "employer",
        "supplier",
        "energy",
        "difference",
    ];
    let Some(next) = next_word(doc, span) else { return false };
    // Plural agent nouns ("potential buyers", "potential voters"), not "takeover", "order".
    let agent = ["ers", "ors", "ants", "ists", "ents", "its", "ates"].iter().any(|e| next.ends_with(e))
        || AGENT.contains(&next);
    (is_attributive(doc, span) || before_a_name(doc, span))
        && !agent
        && !is_superlative(prev_word(doc, span).unwrap_or(""))
}

pub static CUES: &[Cue] = &[
    Cue::new("may", &[Test(may_is_modal)]),
    Cue::new("may or may not", &[]),
    Cue::new("might", &[Test(might_is_modal)]),
    Cue::new("could", &[Test(could_is_possibility)]),
    Cue::new("possibly", &[]),
    Cue::new("perhaps", &[]),
    Cue::new("maybe", &[]),
    Cue::new("probably", &[]),
    Cue::new("presumably", &[]),
    Cue::new("conceivably", &[]),
    Cue::new("likely", &[]),
    Cue::new("unlikely", &[]),
    Cue::new("probable", &[]),
    Cue::new("possible", &[Test(possible_is_doubt)]),
    // "the potential for" names a risk; the adjective, a prospect (see `potential_is_doubt`).
    Cue::new("potential for", &[]),
    Cue::new("potential", &[Test(potential_is_doubt)]),
    Cue::new("potentially", &[]),
    Cue::new("possibility", &[PrevIsNot(&["no"])]),
    Cue::new("possibilities", &[]),
    Cue::new("likelihood", &[]),
    // "the risk that the visit will persuade…": a feared possibility, stated as such.
    Cue::new("risk that", &[]),
    Cue::new("risks that", &[]),
    Cue::new("danger that", &[]),
    Cue::new("in all likelihood", &[]),
    Cue::new("in all probability", &[]),
    // "almost certainly not flightless", "virtually certain to win": very likely, not sure;
    // not "almost certain death".
    Cue::new("almost certainly", &[]),
    Cue::new("virtually certainly", &[]),
    Cue::new("almost certain", &[NextIs(&["to", "that"])]),
    Cue::new("virtually certain", &[NextIs(&["to", "that"])]),
    Cue::new("nearly certain", &[NextIs(&["to", "that"])]),
    // "has not ruled out standing", "a link cannot be ruled out": kept open as possible.
    Cue::new("not ruled out", &[]),
    Cue::new("n't ruled out", &[]),
    Cue::new("not rule out", &[]),
    Cue::new("n't rule out", &[]),
    Cue::new("not be ruled out", &[]),
    Cue::new("n't be ruled out", &[]),
    Cue::new("not been ruled out", &[]),
    Cue::new("cannot be ruled out", &[]),
    Cue::new("cannot rule out", &[]),
];

#[cfg(test)]
mod tests {
    use crate::rule::Category::Hedging;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_possibility() {
        let cases: &[(&str, &[&str])] = &[
            ("May I ask? It may rain.", &["May", "may"]),
            ("The payments might have led to deaths.", &["might"]),
            ("The embargo could plunge the U.S. into a depression.", &["could"]),
            ("He will likely win.", &["likely"]),
            ("Thatcher might, however, be receptive to a request.", &["might"]),
            ("The talks might not resume. Prices might well rise.", &["might", "might"]),
            ("The deal set in motion a possible end to the war.", &["possible"]),
            ("It is possible that he left.", &["possible"]),
            ("The rating was placed on watch for possible downgrade.", &["possible"]),
            ("Perhaps he left.", &["Perhaps"]),
            ("He turned down cases to avoid possible fee seizures.", &["possible"]),
            ("They defended NATO's potential involvement in Kosovo.", &["potential"]),
            ("It cited the potential Valley Federal acquisition.", &["potential"]),
            (
                "She turned to her possible Republican opponents. It was a potential takeover target.",
                &["possible", "potential"],
            ),
            ("The Biggest Blow To Obamacare Yet Could Come From Democrats", &["Could"]),
            ("So these additional refugees COULD be Syrian refugees.", &["COULD"]),
            ("Here is why Indiana could be an even better state for him.", &["could"]),
            ("The risk is that the visit will persuade more people to leave.", &[]),
            ("The IMF had warned that the Brexit vote could depress growth.", &["could"]),
            ("Analysts had noted the plan could fail.", &["could"]),
            ("The main negative is the risk that the visit will persuade them.", &["risk that"]),
            ("He has not ruled out standing. A leak cannot be ruled out.", &["not ruled out", "cannot be ruled out"]),
            ("Officials did n't rule out sabotage.", &["n't rule out"]),
            (
                "It was almost certainly not flightless. He is almost certain to win.",
                &["almost certainly", "almost certain"],
            ),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }

    #[test]
    fn months_names_nouns_and_ability_are_not_hedges() {
        let cases = [
            "On May 14 the talks began. In May they ended. Theresa May spoke.",
            "They pushed with all their might.",
            "Military might is not enough.",
            "She could not be reached for comment.",
            "He could n't estimate the charge.",
            "He moved so that he could be near her.",
            "Theresa May Spoke To Reporters On Monday.",
            "In the studio, where crews could film at night, he worked.",
            "If he is convicted, he could face the death penalty.",
            "He was kept away, and he could see his people only at night.",
            "The roof had shutters that could be opened for air.",
            "Finish it as soon as possible.",
            "The grant made the study possible.",
            "Officials had thought of possible answers.",
            "The company can only realize its full potential as two.",
            "It reached the highest possible level. They used every possible means.",
            "It gives them 55 million potential customers and a potential buyer.",
            "The talks with a potential bidder and potential voters went on.",
            "The referee ruled out the goal. They ruled out a tax rise.",
            "Riding into the fire meant almost certain death.",
            // Nouns and names the tagger sees by their context, where no word list does.
            "Russia's might is growing.",
            "There are no rights, because might makes right.",
            "The way is through might because he who has might stands above the law.",
            "Since May the talks have stalled.",
        ];
        for text in cases {
            assert_no_marks(Hedging, text);
        }
    }
}
