//! Sourcing: who is speaking, and which claims rest on no one the reader can check.

use crate::report::{Annotation, Attribution, SourceKind};
use crate::rule::{Category, Rule, Strength};
use crate::text::{Document, TokenKind};

pub static ANONYMOUS_OFFICIAL: Rule = Rule {
    id: "sourcing/anonymous-official",
    category: Category::Sourcing,
    name: "Anonymous source",
    message: "The source is not named, so you cannot weigh who said this or why.",
    why: "An unnamed official or source may be well placed, but the reader cannot check their record, their motives, or why they were granted anonymity. Treat the claim as unconfirmed until someone goes on record.",
    example: "a European intelligence official told CNN",
    strength: Strength::Strong,
};

pub static WEASEL_GROUP: Rule = Rule {
    id: "sourcing/weasel-group",
    category: Category::Sourcing,
    name: "Vague group as source",
    message: "Who? The claim is pinned on an unspecified group.",
    why: "\"Critics say\", \"many experts believe\" and \"some argue\" lend a claim the weight of numbers without saying who they are or how many. It is often the writer's own view in disguise.",
    example: "many experts say the plan will fail",
    strength: Strength::Strong,
};

pub static RULES: &[&Rule] = &[&ANONYMOUS_OFFICIAL, &WEASEL_GROUP];

const CUE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "added",
    "wrote",
    "tweeted",
    "stated",
    "claimed",
    "confirmed",
    "denied",
    "believe",
    "believes",
    "argued",
    "argue",
    "noted",
    "warned",
    "thought",
    "insisted",
    "asked",
    "explained",
    "acknowledged",
    "announced",
    "suggested",
];

const ANONYMOUS_HEADS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "insider",
    "insiders",
    "staffer",
    "staffers",
    "diplomat",
    "diplomats",
    "officer",
    "officers",
    "person",
    "people",
    "strategist",
    "strategists",
    "investigators",
    "authorities",
    "lawmakers",
];

const VAGUE_HEADS: &[&str] =
    &["critics", "experts", "analysts", "observers", "some", "many", "others", "skeptics", "opponents", "supporters"];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "who", "you"];

const DOCUMENT_HEADS: &[&str] = &[
    "report",
    "reports",
    "poll",
    "polls",
    "study",
    "studies",
    "survey",
    "indictment",
    "filing",
    "memo",
    "statement",
    "data",
];

fn is_boundary(doc: &Document, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Punct && !matches!(doc.tok(i), "-" | "'" | "’")
}

/// The source phrase: the words right before the cue, back to a clause boundary.
fn source_before(doc: &Document, cue: usize, sent_start: usize) -> Option<(usize, usize)> {
    let mut first = cue;
    while first > sent_start && !is_boundary(doc, first - 1) && cue - first < 8 {
        // Stop at an auxiliary chain's start: "officials had thought" keeps "had".
        first -= 1;
    }
    // Skip a leading conjunction or relative word: "that the source said" → "the source".
    while first < cue && matches!(doc.low(first), "that" | "and" | "but" | "as" | "which" | "while") {
        first += 1;
    }
    (first < cue).then_some((first, cue))
}

/// "according to two administration officials", "citing officials".
fn source_after(doc: &Document, from: usize, sent_end: usize) -> Option<(usize, usize)> {
    let mut last = from;
    while last < sent_end && !is_boundary(doc, last) && last - from < 8 {
        last += 1;
    }
    (last > from).then_some((from, last))
}

fn classify(doc: &Document, first: usize, last: usize) -> (SourceKind, Option<String>) {
    let words: Vec<&str> = (first..last).map(|i| doc.low(i)).collect();
    if words.len() == 1 && PRONOUNS.contains(&words[0]) {
        return (SourceKind::Pronoun, None);
    }
    // A capitalised run that is not sentence-initial-only and not a title word is a name.
    let mut name: Vec<&str> = Vec::new();
    for i in first..last {
        if doc.is_capitalized(i) && !(i == first && matches!(doc.low(i), "the" | "a" | "an" | "citing" | "according")) {
            name.push(doc.tok(i));
        } else if !name.is_empty() {
            break;
        }
    }
    let head = words
        .iter()
        .rev()
        .find(|w| !matches!(**w, "had" | "has" | "have" | "was" | "were" | "is" | "also" | "not"))
        .copied()
        .unwrap_or("");
    if ANONYMOUS_HEADS.contains(&head) {
        let familiar = words.contains(&"familiar");
        // "officials at Apple, including CEO Tim Cook": a named principal keeps it on record.
        return (if familiar || name.len() < 2 { SourceKind::Unnamed } else { SourceKind::NamedPerson }, None);
    }
    if VAGUE_HEADS.contains(&head) {
        return (SourceKind::Vague, None);
    }
    if DOCUMENT_HEADS.contains(&head) {
        return (SourceKind::Document, None);
    }
    if !name.is_empty() {
        let last_name = name.last().map(|s| s.trim_end_matches("’s").trim_end_matches("'s").to_string());
        let is_org = words.iter().any(|w| {
            matches!(
                *w,
                "times"
                    | "embassy"
                    | "house"
                    | "department"
                    | "ministry"
                    | "pentagon"
                    | "cnn"
                    | "newspaper"
                    | "government"
            )
        });
        return if is_org { (SourceKind::NamedOrg, None) } else { (SourceKind::NamedPerson, last_name) };
    }
    if words.first().is_some_and(|w| matches!(*w, "the" | "his" | "her" | "its" | "their")) {
        return (SourceKind::Pronoun, None);
    }
    (SourceKind::Vague, None)
}

pub fn detect(doc: &Document, out: &mut Vec<Annotation>) -> Vec<Attribution> {
    let mut attributions = Vec::new();
    for s in &doc.sentences {
        for i in s.tokens.clone() {
            let w = doc.low(i);
            let (src, cue_end) = if CUE_VERBS.contains(&w) {
                match source_before(doc, i, s.tokens.start) {
                    Some(src) => (src, i + 1),
                    None => continue,
                }
            } else if w == "according" && doc.tokens.get(i + 1).is_some() && doc.low(i + 1) == "to" {
                match source_after(doc, i + 2, s.tokens.end) {
                    Some(src) => (src, i + 2),
                    None => continue,
                }
            } else if w == "citing" {
                match source_after(doc, i + 1, s.tokens.end) {
                    Some(src) => (src, i + 1),
                    None => continue,
                }
            } else {
                continue;
            };
            let (kind, name) = classify(doc, src.0, src.1);
            let cue_start = i;
            let cue_end_byte = doc.tokens[cue_end - 1].end;
            let attribution = Attribution {
                cue_start: doc.tokens[cue_start].start,
                cue_end: cue_end_byte,
                source_start: Some(doc.tokens[src.0].start),
                source_end: Some(doc.tokens[src.1 - 1].end),
                kind,
                name,
            };
            if kind.is_flagged() {
                let rule = if kind == SourceKind::Vague { &WEASEL_GROUP } else { &ANONYMOUS_OFFICIAL };
                let start = attribution.source_start.unwrap_or(attribution.cue_start).min(attribution.cue_start);
                let end = attribution.source_end.unwrap_or(attribution.cue_end).max(attribution.cue_end);
                out.push(Annotation::new(rule, start, end));
            }
            attributions.push(attribution);
        }
    }
    attributions
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Sourcing;
    use crate::test_util::{assert_marks, assert_no_marks};

    #[test]
    fn anonymous_sources_are_flagged() {
        assert_marks(Sourcing, "Troops were targeted, the source said.", &["the source said"]);
        assert_marks(
            Sourcing,
            "The plan stalled, according to two administration officials.",
            &["according to two administration officials"],
        );
    }

    #[test]
    fn named_sources_are_not() {
        assert_no_marks(Sourcing, "Kayleigh McEnany said in a statement that it was false.");
        assert_no_marks(Sourcing, "The country needs new sources of energy.");
    }
}
