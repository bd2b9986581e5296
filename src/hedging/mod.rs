//! Hedging: the writer (or the source) keeps a distance from the claim.

use std::sync::OnceLock;

use crate::lexicon::PhraseSet;
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};
use crate::text::Document;

pub static ALLEGED: Rule = Rule {
    id: "hedging/alleged",
    category: Category::Hedging,
    name: "Alleged, not established",
    message: "\"Alleged\" marks a claim that someone makes but that has not been proven.",
    why: "The writer is reporting an accusation or claim without vouching for it. Until it is confirmed, read it as one side's account, not as fact.",
    example: "officials had not been told of the alleged Russian intelligence",
    strength: Strength::Strong,
};

pub static BELIEVED_TO: Rule = Rule {
    id: "hedging/believed-to",
    category: Category::Hedging,
    name: "Belief, not verified fact",
    message: "Someone believes this; the text does not say it was verified.",
    why: "\"Believed to\", \"thought to\" and \"said to\" report what people think is true. The claim rests on that belief, and often the text does not say whose belief it is.",
    example: "whose forces are also believed to have been targeted",
    strength: Strength::Strong,
};

pub static REPORTEDLY: Rule = Rule {
    id: "hedging/reportedly",
    category: Category::Hedging,
    name: "Second-hand report",
    message: "The claim is passed on from another report, not confirmed by the writer.",
    why: "\"Reportedly\", \"supposedly\" and \"purportedly\" tell you the writer is relaying something they did not confirm themselves. Check the original report before relying on it.",
    example: "the unit reportedly paid the fighters",
    strength: Strength::Strong,
};

pub static ESTIMATION: Rule = Rule {
    id: "hedging/estimation",
    category: Category::Hedging,
    name: "Someone's estimate",
    message: "This is an estimate or opinion, not an established finding.",
    why: "Phrases such as \"in their estimation\" or \"according to estimates\" present a judgement. It may be well informed, but it is not a measured fact.",
    example: "the motives, in their estimation, were unclear",
    strength: Strength::Weak,
};

pub static MODAL: Rule = Rule {
    id: "hedging/modal",
    category: Category::Hedging,
    name: "Possibility, not certainty",
    message: "The claim is only possible or likely, not stated as certain.",
    why: "Words such as \"may\", \"might\", \"could\", \"possibly\" and \"likely\" weaken a claim. That can be honest caution, but a headline fact built on \"may\" is weaker than it looks.",
    example: "the payments may have led to deaths",
    strength: Strength::Weak,
};

pub static APPEARS: Rule = Rule {
    id: "hedging/appears",
    category: Category::Hedging,
    name: "Appearance, not confirmation",
    message: "The claim is how things seem, not a confirmed fact.",
    why: "\"Appears to\", \"seems to\" and \"apparently\" describe an impression. The writer stops short of saying it is so.",
    example: "the unit appears to have offered rewards",
    strength: Strength::Weak,
};

pub static RULES: &[&Rule] = &[&ALLEGED, &BELIEVED_TO, &REPORTEDLY, &ESTIMATION, &MODAL, &APPEARS];

/// (phrase, rule). Phrases are lower-case; context checks follow in `accept`.
const LEXICON: &[(&str, &Rule)] = &[
    ("alleged", &ALLEGED),
    ("allegedly", &ALLEGED),
    ("believed to", &BELIEVED_TO),
    ("thought to", &BELIEVED_TO),
    ("said to", &BELIEVED_TO),
    ("reportedly", &REPORTEDLY),
    ("supposedly", &REPORTEDLY),
    ("purportedly", &REPORTEDLY),
    ("in their estimation", &ESTIMATION),
    ("in his estimation", &ESTIMATION),
    ("in her estimation", &ESTIMATION),
    ("according to estimates", &ESTIMATION),
    ("may", &MODAL),
    ("might", &MODAL),
    ("possibly", &MODAL),
    ("perhaps", &MODAL),
    ("probably", &MODAL),
    ("appears to", &APPEARS),
    ("appeared to", &APPEARS),
    ("seems to", &APPEARS),
    ("seemed to", &APPEARS),
    ("apparently", &APPEARS),
];

fn phrases() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(LEXICON.iter().map(|(p, _)| p)))
}

const MONTH_FOLLOWERS: &[&str] = &["day", "days"];

/// Context that turns a lexicon hit into a non-hedge.
fn accept(doc: &Document, first: usize, last: usize) -> bool {
    let word = doc.low(first);
    if word == "may" {
        // "May 14", "in May", "May Day", "Theresa May": the month or a name.
        if doc.is_capitalized(first) {
            let next_is_number = doc.tokens.get(last).is_some_and(|t| t.kind == crate::text::TokenKind::Number);
            let prev = first.checked_sub(1).map(|p| doc.low(p));
            let starts_sentence = doc.sentences[doc.sentence_of(first)].tokens.start == first;
            let after_name = first > 0 && doc.is_capitalized(first - 1) && !starts_sentence;
            let month_context = matches!(
                prev,
                Some("in" | "of" | "since" | "until" | "by" | "early" | "late" | "mid" | "last" | "next" | "this")
            );
            if next_is_number
                || after_name
                || month_context
                || MONTH_FOLLOWERS.contains(&doc.low(last.min(doc.tokens.len() - 1)))
            {
                return false;
            }
            // Mid-sentence capital "May" is a name or month, never the modal.
            if !starts_sentence {
                return false;
            }
        }
    }
    if word == "might" {
        // "with all his might": the noun.
        if first > 0
            && matches!(doc.low(first - 1), "his" | "her" | "its" | "their" | "military" | "all" | "the" | "economic")
        {
            return false;
        }
    }
    true
}

pub fn detect(doc: &Document, out: &mut Vec<Annotation>) {
    for m in phrases().find_all(doc) {
        if !accept(doc, m.first, m.last) {
            continue;
        }
        let rule = LEXICON[m.phrase].1;
        out.push(Annotation::new(rule, doc.tokens[m.first].start, doc.tokens[m.last - 1].end));
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Hedging;
    use crate::test_util::{assert_marks, assert_no_marks};

    #[test]
    fn finds_hedges() {
        assert_marks(Hedging, "The alleged plot. They are believed to have left.", &["alleged", "believed to"]);
        assert_marks(Hedging, "May I ask? It may rain.", &["May", "may"]);
    }

    #[test]
    fn dates_and_names_are_not_hedges() {
        assert_no_marks(Hedging, "On May 14 the talks began. In May they ended. Theresa May spoke.");
        assert_no_marks(Hedging, "They pushed with all their might.");
    }
}
