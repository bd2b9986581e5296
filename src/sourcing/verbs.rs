//! What the verb of a clause does with its subject: says or believes something
//! (a source), or acts (not a source). Decided from the token's part of speech
//! (`Document::tag`) and its lemma: "Protesters said the police charged" is a group
//! speaking, "Protesters marched to the capitol" a group acting, "users are
//! recommended to update" a group told, "analysts were surprised" a group feeling.
//!
//! Without a tagger (the Wasm module before the page hands it one) open-class words
//! are `Tag::Unknown`, and the lemma alone decides.

use super::words::{low, Class, Tagged};
use crate::text::Tag;

/// The class of a predicate, or of a stance-verb lemma in the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbClass {
    /// Speech, writing, belief, attitude: the subject holds the claim.
    Stance,
    /// A verb of feeling: its passive reports a state of mind ("were surprised"),
    /// its active a cause ("the ruling angered critics").
    Psych,
    /// Any other verb: the subject acts, or is acted on.
    Doing,
    /// Not a verb at all: "too many calls", "some polls".
    None,
}

/// Verbs that voice a stance when a group is their subject but are too common in
/// other senses to be cues on their own ("critics call it a ploy", "scholars have
/// long debated", "voters distrust"). Lemmas of at most 12 bytes.
pub(super) const STANCE_VERBS: &[&str] = &[
    "accuse",
    "assail",
    "balk",
    "bemoan",
    "bristle",
    "call",
    "castigate",
    "champion",
    "chant",
    "chide",
    "comment",
    "consider",
    "contemplate",
    "debate",
    "deplore",
    "despise",
    "detest",
    "dislike",
    "distrust",
    "embrace",
    "endorse",
    "envision",
    "express",
    "favor",
    "favour",
    "fume",
    "hail",
    "hate",
    "imagine",
    "lambaste",
    "like",
    "love",
    "mock",
    "mourn",
    "pan",
    "propose",
    "rebuke",
    "recognize",
    "regard",
    "rip",
    "ridicule",
    "scoff",
    "scold",
    "seethe",
    "support",
    "thank",
    "threaten",
    "tout",
    "trust",
    "view",
    "voice",
    "weigh",
];

/// Verbs of feeling (see `VerbClass::Psych`).
pub(super) const PSYCH_VERBS: &[&str] = &[
    "alarm",
    "anger",
    "annoy",
    "appall",
    "baffle",
    "concern",
    "delight",
    "disappoint",
    "disgust",
    "dismay",
    "disturb",
    "encourage",
    "enrage",
    "frustrate",
    "horrify",
    "impress",
    "incense",
    "infuriate",
    "irritate",
    "offend",
    "outrage",
    "please",
    "puzzle",
    "relieve",
    "satisfy",
    "shock",
    "startle",
    "stun",
    "surprise",
    "trouble",
    "unsettle",
    "upset",
];

/// Irregular forms of the stance and psych verbs (none yet: all inflect by rule).
pub(super) const STANCE_IRREGULAR: &[(&str, &str)] = &[];

/// Cue verbs that, with a group as subject, name an act: "students protested".
const DOING_CUES: &[&str] = &["protest"];

/// Is token `p` the participle of a passive: a form of "be" (or "get") before it,
/// past adverbs and negation, and a participle's tag (or, untagged, an "-ed" ending
/// or a cue verb's form)?
pub fn is_passive(doc: &Tagged, p: usize, floor: usize) -> bool {
    let participle = match doc.tag(p) {
        Tag::VerbPastPart | Tag::VerbPast | Tag::Adj => true,
        Tag::Unknown => low(doc, p).ends_with("ed") || doc.lemma(p).is_some(),
        _ => false,
    };
    if !participle {
        return false;
    }
    let mut k = p;
    while k > floor {
        k -= 1;
        let w = low(doc, k);
        if doc.is(k, Class::BE_FORMS) || matches!(w, "get" | "gets" | "got" | "gotten" | "getting") {
            return true;
        }
        let skippable = doc.is(k, Class::NEGATION | Class::DEGREE)
            || matches!(doc.tag(k), Tag::Adv)
            || (w.ends_with("ly") && w.len() > 4);
        if !skippable {
            return false;
        }
    }
    false
}

/// Is the verb at `p` a participle right after a noun, which it modifies ("people
/// accused of rape", "a group called Lashkar", "taxpayers reporting gains")? Then
/// it heads no clause and has no speaker.
/// A clause after it ("groups worried that", "delegates questioned how") makes it
/// finite, whatever the tagger said.
pub fn modifies_noun(doc: &Tagged, p: usize) -> bool {
    // A modifier has a complement ("accused of", "called Lashkar"); "P1 said." has none,
    // and "said" or "told" right after a noun is the finite verb of a report.
    let clause_follows = doc.tag(p + 1) == Tag::Sconj
        || matches!(low(doc, p + 1), "how" | "why" | "what" | "whether")
        || !doc.is_word(p + 1)
        || matches!(doc.lemma(p), Some("say" | "tell"));
    matches!(doc.tag(p), Tag::VerbPastPart | Tag::VerbGerund)
        && p.checked_sub(1).is_some_and(|k| doc.tag(k).is_noun() && !doc.is(k, Class::AUX))
        && !clause_follows
}

/// Can the noun at `head` be the subject of the verb at `verb`? A verb in "-s" (third
/// person singular) cannot take a lower-case plural: in "a slide shown to political
/// leaders shows" the subject is the slide.
pub fn agrees(doc: &Tagged, head: usize, verb: usize) -> bool {
    let singular_verb = doc.tag(verb) == Tag::Verb && low(doc, verb).ends_with('s') && !doc.is(verb, Class::AUX);
    let plural_noun = doc.tag(head) == Tag::Noun && low(doc, head).ends_with('s') && !low(doc, head).ends_with("ss");
    !(singular_verb && plural_noun && !doc.is_capitalized(head))
}

/// The class of the verb at `p`, the first word of a predicate after its
/// auxiliaries. `agent`: `p` is the participle of a passive whose agent is the
/// subject in question ("was called a fraud by critics"), so the subject acts
/// whatever the voice.
pub fn class_at(doc: &Tagged, p: usize, floor: usize, agent: bool) -> VerbClass {
    if !doc.is_word(p) {
        return VerbClass::None;
    }
    let tag = doc.tag(p);
    if !agent && modifies_noun(doc, p) {
        return VerbClass::None; // "protesters marching through the streets", "taxpayers reporting"
    }
    if doc.is(p, Class::STANCE_ADJECTIVES) {
        return VerbClass::Stance; // "are skeptical", "were worried"
    }
    let stance = doc.stance(p).map(|(_, c)| c);
    let passive = !agent && is_passive(doc, p, floor);
    if stance == Some(VerbClass::Psych) {
        // "were surprised", "seemed unsettled" report a mind; "angered Democrats" a cause.
        let state = passive || matches!(tag, Tag::Adj) || (agent && matches!(tag, Tag::VerbPastPart));
        return if state { VerbClass::Stance } else { VerbClass::Doing };
    }
    // "some note that": a cue verb before "that" is a verb, whatever the tagger said.
    let verb_before_that = (doc.lemma(p).is_some() || stance.is_some()) && low(doc, p + 1) == "that";
    let verbal = tag.is_verb() || tag == Tag::Unknown || verb_before_that || (passive && tag == Tag::Adj);
    if !verbal {
        return VerbClass::None;
    }
    if passive {
        return VerbClass::Doing; // "were charged", "are recommended to": told, not telling
    }
    match (doc.lemma(p), stance) {
        (Some(l), _) if !DOING_CUES.contains(&l) => VerbClass::Stance,
        (None, Some(VerbClass::Stance)) => VerbClass::Stance,
        _ => VerbClass::Doing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    /// (sentence, the verb's word, its class)
    #[test]
    fn verb_classes_by_tag_and_lemma() {
        use VerbClass::*;
        let cases: &[(&str, &str, VerbClass)] = &[
            ("Protesters said the police charged.", "said", Stance),
            ("Protesters marched to the capitol.", "marched", Doing),
            ("Voters blocked the road.", "blocked", Doing),
            ("Students protested the decision.", "protested", Doing),
            ("Top male executives earned a median salary of $100,000.", "earned", Doing),
            ("Scholars have long debated the question.", "debated", Stance),
            ("Critics call it a ploy.", "call", Stance),
            ("Many observers were surprised by the move.", "surprised", Stance),
            ("The ruling surprised many observers.", "surprised", Doing),
            ("Users are recommended to update the app.", "recommended", Doing),
            ("People were mistakenly charged fees.", "charged", Doing),
            ("Experts are skeptical of the plan.", "skeptical", Stance),
            ("Too many calls still roll over.", "calls", None),
            ("Some voters distrust the polls.", "distrust", Stance),
            ("Analysts expect a rise.", "expect", Stance),
            ("Taxpayers reporting gains would pay more.", "reporting", None),
            ("Republicans are slamming the plan.", "slamming", Stance),
            // A tagger may read "note" after "some" as a noun; "that" says otherwise.
            ("But some note that the plan failed.", "note", Stance),
        ];
        for (text, word, want) in cases {
            let doc = Document::new(text);
            let doc = Tagged::new(&doc);
            let p = (0..doc.tokens.len()).find(|&i| doc.tok(i) == *word).expect("word in text");
            assert_eq!(class_at(&doc, p, 0, false), *want, "{word:?} in {text:?}");
        }
    }

    #[test]
    fn agents_of_passives_act() {
        let doc = Document::new("He was called a fraud by critics and appointed by voters.");
        let doc = Tagged::new(&doc);
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).expect("word");
        assert_eq!(class_at(&doc, at("called"), 0, true), VerbClass::Stance);
        assert_eq!(class_at(&doc, at("appointed"), 0, true), VerbClass::Doing);
        assert_eq!(class_at(&doc, 999, 0, false), VerbClass::None);
    }
}
