//! What the verb of a clause does with its subject: says or believes something
//! (a source), or acts (not a source). Decided from the token's part of speech
//! (`Document::tag`) and its lemma: "Protesters said the police charged" is a group
//! speaking, "Protesters marched to the capitol" a group acting, "users are
//! recommended to update" a group told, "analysts were surprised" a group feeling.
//!
//! Without a tagger (the Wasm module before the page hands it one) open-class words
//! are `Tag::Unknown`, and the lemma alone decides.

pub use super::vocabulary::VerbClass;
use super::vocabulary::COPULAS;
use super::words::{low, Class, Tagged};
use crate::text::Tag;

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

/// Is the adjective at `p` a predicate: a form of "be", or a verb like "seem" or
/// "remain", before it (past adverbs and negation)?
#[inline(never)]
fn after_copula(doc: &Tagged, p: usize, floor: usize) -> bool {
    let mut k = p;
    while k > floor {
        k -= 1;
        if doc.is(k, Class::BE_FORMS) || doc.low_in(k, COPULAS) || doc.lemma(k) == Some("feel") {
            return true;
        }
        if !(doc.is(k, Class::NEGATION | Class::DEGREE) || doc.tag(k) == Tag::Adv) {
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
        || doc.low_in(p + 1, &["how", "why", "what", "whether"])
        || !doc.is_word(p + 1)
        || matches!(doc.lemma(p), Some("say" | "tell"));
    matches!(doc.tag(p), Tag::VerbPastPart | Tag::VerbGerund)
        && p.checked_sub(1).is_some_and(|k| doc.tag(k).is_noun() && !doc.is(k, Class::AUX))
        && !clause_follows
}

/// Does what follows the attribution verb at `p` make it an act, an intention or a
/// feeling rather than a claim? "want to limit terms", "hope to win" (an aim);
/// "felt comfortable", "feel less guilt" (a feeling: only "feel that", "feel like"
/// or "felt the FBI was…" hold a belief); "know its streets" (acquaintance: "know
/// that" and "know what" hold a claim); "are considering steps", "could have
/// considered them" (deliberation: "considered him a fraud" is a judgement);
/// "charged with fraud", "credited with" (the act of an authority).
#[inline(never)]
pub fn complement_acts(doc: &Tagged, p: usize) -> bool {
    if obliged(doc, p) {
        return true;
    }
    let lemma = doc.lemma(p).or_else(|| doc.stance(p).map(|(l, _)| l));
    let next = low(doc, p + 1);
    match lemma {
        // "wanted to know who approved it" asks.
        // "would hope they were farther away" wishes.
        // "had hoped for better weather", "would like to get rid of them": a wish.
        Some("want" | "hope" | "wish" | "prefer" | "like") if next == "for" || aim_follows(doc, p) => true,
        // "some like the birds", "anyone who does not like long words": a taste.
        Some("like") => !clause_follows(doc, p + 1),
        // "must now agree on two projects", "agreed to pay": a decision; "agree on who
        // is a terrorist", "agree that" hold a view.
        Some("agree") => {
            (next == "to" && doc.tag(p + 2).is_verb())
                || (matches!(next, "on" | "upon")
                    && doc.is_word(p + 2)
                    && doc.tag(p + 2) != Tag::Pron
                    && !is_wh(low(doc, p + 2)))
        }
        // "Scientists call the galaxy UGC 1810": a name given, not a judgement ("critics
        // call it a ploy").
        Some("call") => {
            names_something(doc, p + 1) || (doc.tag(p.wrapping_sub(1)).is_noun() && doc.is_capitalized(p + 1))
        }
        // "tourists ask for directions": a request.
        Some("ask") => next == "for",
        Some("charge" | "credit") => next == "with" || charges_someone(doc, p + 1),
        // "officers found the knife in a bin", "found the man lying in the street": a
        // discovery of a thing; "found that", "found it strange", "found the drug
        // reduced deaths" report a finding.
        Some("find") => thing_found(doc, p + 1),
        // "students protested outside the building", "fans cheered as the team took the
        // field": a crowd acting; "protested that", "cheered the ruling" voice a view.
        Some("protest") => next != "that" && doc.tok(p + 1) != ":",
        Some("cheer" | "applaud") => !doc.is_word(p + 1) || matches!(doc.tag(p + 1), Tag::Adp | Tag::Sconj | Tag::Adv),
        Some("feel") => {
            !matches!(next, "that" | "like" | "as" | "so")
                && !doc.is(p + 1, Class::STANCE_ADJECTIVES)
                && !clause_follows(doc, p + 1)
        }
        // "know its back streets" is acquaintance; "know that", "know what" and "know
        // the site is watching" hold a claim.
        // "someone who knows how to listen" is a skill.
        Some("know") => {
            (next != "that" && !is_wh(next) && !clause_follows(doc, p + 1))
                || (next == "how" && low(doc, p + 2) == "to")
        }
        Some("consider") => low(doc, p) == "considering" || object_ends_clause(doc, p + 1),
        _ => false,
    }
}

/// Is the verb at `p` a duty: "members must disclose any contact", "experts must now
/// agree", "they have to report it"? A rule or a task, not a view they hold.
fn obliged(doc: &Tagged, p: usize) -> bool {
    let mut k = p;
    while k > 0 && matches!(doc.tag(k - 1), Tag::Adv) {
        k -= 1;
    }
    // Byte comparisons (`low_is`, `low_in`): no `str` slice of a token to make.
    let before_in = |n: usize, words: &[&str]| k.checked_sub(n).is_some_and(|i| doc.low_in(i, words));
    before_in(1, &["must"]) || (before_in(1, &["to"]) && before_in(2, &["have", "has", "had"]))
}

fn is_wh(w: &str) -> bool {
    matches!(w, "what" | "how" | "why" | "whether" | "who" | "whom" | "where" | "when" | "if" | "which")
}

/// Is the wish verb at `p` aimed at an act: "want to limit" (not "want to know", which
/// asks), or after "would" ("would hope they were farther away")?
fn aim_follows(doc: &Tagged, p: usize) -> bool {
    (low(doc, p + 1) == "to" && !matches!(low(doc, p + 2), "know" | "ask" | "hear"))
        || matches!(low(doc, p.wrapping_sub(1)), "would" | "could" | "might")
}

/// Does a name follow the object at `i`: "the larger galaxy |UGC 1810", "it |Tom"?
fn names_something(doc: &Tagged, i: usize) -> bool {
    let k = skip_words(doc, i, 5, |t| matches!(t, Tag::Det | Tag::Adj | Tag::Noun | Tag::Pron));
    k > i && (doc.tag(k) == Tag::Num || (doc.tag(k) == Tag::Propn && doc.is_capitalized(k)))
}

/// Is a person charged at `i`: "won't charge Senator Smith.", "charged two developers
/// with fraud"? "Critics charge that…" and "critics charge the plan is illegal" hold
/// a claim.
fn charges_someone(doc: &Tagged, i: usize) -> bool {
    let k = skip_words(doc, i, 5, |t| matches!(t, Tag::Det | Tag::Num | Tag::Adj | Tag::Propn));
    let object = k > i || matches!(doc.tag(k), Tag::Pron | Tag::Noun);
    object && low(doc, i) != "that" && !clause_follows(doc, i)
}

/// Is the object of "found" at `i` a thing found somewhere: a short noun phrase, then
/// a place ("in a bin", "near the station") or what it was doing ("lying")?
fn thing_found(doc: &Tagged, i: usize) -> bool {
    let mut k = skip_words(doc, i, 4, |t| matches!(t, Tag::Det | Tag::Adj | Tag::Adv | Tag::Num | Tag::VerbPastPart));
    while k < i + 6 && doc.tag(k) == Tag::Noun && doc.tag(k + 1) == Tag::Noun {
        k += 1; // "the pepper | spray"
    }
    let head = doc.is_word(k) && matches!(doc.tag(k), Tag::Noun | Tag::Pron);
    let after = k + 1;
    head && (doc.tag(after) == Tag::VerbGerund
        || matches!(
            low(doc, after),
            "in" | "inside" | "on" | "at" | "near" | "under" | "behind" | "outside" | "beside"
        ))
}

/// The first token from `i` on that is not a word whose tag `modifier` accepts, at
/// most `max` tokens on: where the head of "the larger spiral | galaxy" is looked for.
fn skip_words(doc: &Tagged, i: usize, max: usize, modifier: impl Fn(Tag) -> bool) -> usize {
    (i..i + max).find(|&k| !(doc.is_word(k) && modifier(doc.tag(k)))).unwrap_or(i + max)
}

/// Does a clause (a subject, then a verb within a few words) start at `i`? "felt |the
/// FBI was…", "feel |they are…"; not "felt |comfortable with", "feel |less guilt".
#[inline(never)]
fn clause_follows(doc: &Tagged, i: usize) -> bool {
    let subject = matches!(doc.tag(i), Tag::Pron | Tag::Det | Tag::Propn | Tag::Noun | Tag::Num);
    subject
        && (i + 1..i + 5)
            .take_while(|&k| doc.is_word(k))
            .any(|k| doc.tag(k).is_verb() && !matches!(doc.tag(k), Tag::VerbGerund | Tag::VerbPastPart))
}

/// Is the object at `i` a short noun phrase that ends its clause: "considered |them.",
/// "considering |similar steps,"? A second complement ("considered |him a fraud",
/// "considered |it likely") makes a judgement instead.
#[inline(never)]
fn object_ends_clause(doc: &Tagged, i: usize) -> bool {
    let k = skip_words(doc, i, 4, |t| matches!(t, Tag::Det | Tag::Adj | Tag::Num));
    let head = doc.is_word(k) && (matches!(doc.tag(k), Tag::Noun | Tag::Pron) || doc.tag(k) == Tag::Propn);
    let after = k + 1;
    head && (!doc.is_word(after) || (doc.tag(after) == Tag::Adp && !matches!(low(doc, after), "as" | "to")))
}

/// Can the cue word at `p` head a predicate? Not when the tagger reads it as an
/// adjective, as a noun in its base form after an adjective ("an official welcome"),
/// or as a participle before a noun ("some pointed advice"),
/// unless "that" follows ("some note that").
#[inline(never)]
pub fn is_predicate(doc: &Tagged, p: usize) -> bool {
    match doc.tag(p) {
        _ if doc.low_is(p + 1, "that") => true,
        // A base form after an adjective: a verb there would need a plural subject
        // ("an official welcome"); the tagger's "noun" for "official confirms" is wrong.
        Tag::Noun => !(doc.lemma(p).is_some_and(|l| l == low(doc, p)) && doc.tag(p.wrapping_sub(1)) == Tag::Adj),
        Tag::Adj => false,
        // "the United States National Security Agency": a word of a name after "the";
        // a headline's "Sanders Vows To…" is still a verb.
        Tag::Propn => !(p >= 2 && doc.is_capitalized(p) && doc.is_capitalized(p - 1) && low(doc, p - 2) == "the"),
        Tag::VerbPastPart => doc.tag(p + 1) != Tag::Noun || after_auxiliary(doc, p),
        _ => true,
    }
}

/// Is there an auxiliary before `p`, past adverbs and negation ("were mistakenly |charged")?
#[inline(never)]
fn after_auxiliary(doc: &Tagged, p: usize) -> bool {
    let mut k = p;
    while let Some(prev) = k.checked_sub(1) {
        if doc.is(prev, Class::AUX) {
            return true;
        }
        if !(doc.is(prev, Class::NEGATION | Class::DEGREE) || doc.tag(prev) == Tag::Adv) {
            return false;
        }
        k = prev;
    }
    false
}

/// Can the noun at `head` be the subject of the verb at `verb`? A verb in "-s" (third
/// person singular) cannot take a lower-case plural: in "a slide shown to political
/// leaders shows" the subject is the slide.
pub fn agrees(doc: &Tagged, head: usize, verb: usize) -> bool {
    let singular_verb = doc.tag(verb) == Tag::Verb && low(doc, verb).ends_with('s') && !doc.is(verb, Class::AUX);
    // "some calls into the hotline": after a plural quantifier an "-s" word is a noun.
    let plural_noun = (doc.tag(head) == Tag::Noun && low(doc, head).ends_with('s') && !low(doc, head).ends_with("ss"))
        || matches!(low(doc, head), "some" | "many" | "several" | "few" | "both" | "others");
    !(singular_verb && plural_noun && !doc.is_capitalized(head))
}

/// The class of the verb at `p`, the first word of a predicate after its
/// auxiliaries. `agent`: `p` is the participle of a passive whose agent is the
/// subject in question ("was called a fraud by critics"), so the subject acts
/// whatever the voice.
#[inline(never)]
pub fn class_at(doc: &Tagged, p: usize, floor: usize, agent: bool) -> VerbClass {
    if !doc.is_word(p) {
        return VerbClass::None;
    }
    let tag = doc.tag(p);
    if !agent && modifies_noun(doc, p) {
        return VerbClass::None; // "protesters marching through the streets", "taxpayers reporting"
    }
    if doc.lemma(p).is_some() && !is_predicate(doc, p) {
        return VerbClass::None; // "some pointed advice"
    }
    if doc.is(p, Class::STANCE_ADJECTIVES) {
        // "are skeptical", "were worried"; "the most eager" is a noun phrase.
        return if after_copula(doc, p, floor) { VerbClass::Stance } else { VerbClass::None };
    }
    let stance = doc.stance(p).map(|(_, c)| c);
    let passive = !agent && is_passive(doc, p, floor);
    if stance == Some(VerbClass::Psych) {
        // "were surprised", "seemed unsettled" report a mind; "angered Democrats" a cause;
        // "readers are encouraged to send tips" an instruction.
        let instructed = low(doc, p + 1) == "to";
        let state = !instructed && (passive || matches!(tag, Tag::Adj) || (agent && matches!(tag, Tag::VerbPastPart)));
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
    if complement_acts(doc, p) {
        return VerbClass::Doing;
    }
    if doc.lemma(p).is_some() || stance == Some(VerbClass::Stance) {
        VerbClass::Stance
    } else {
        VerbClass::Doing
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
            ("Scientists call the brighter star HD 1234.", "call", Doing),
            (
                "They argue over whether a leader of a Gaza-based group called Ansar-e-Islam belongs on the list.",
                "called",
                Doing,
            ),
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
            // An aim, a feeling, a deliberation: what follows the verb decides.
            ("Some lawmakers also want to limit terms.", "want", Doing),
            ("Republicans wanted to know who approved it.", "wanted", Stance),
            ("West Virginia officials felt comfortable with it.", "felt", Doing),
            ("Many voters feel the plan is unfair.", "feel", Stance),
            ("Other countries are considering similar steps.", "considering", Doing),
            ("Voters could have considered them.", "considered", Doing),
            ("Critics considered him a fraud.", "considered", Stance),
            ("The most eager is Oregon.", "eager", None),
            ("Analysts seem confident.", "confident", Stance),
            ("Many Mexicans would hope their neighbor were farther away.", "hope", Doing),
            ("Bernie Sanders offered some pointed advice.", "pointed", None),
            ("People who live there know its back streets.", "know", Doing),
            ("Users know the site is watching them.", "know", Stance),
            ("Students protested outside the building.", "protested", Doing),
            ("Unions have protested that pay is too low.", "protested", Stance),
            ("Fans cheered as the team took the field.", "cheered", Doing),
            ("Conservatives cheered the ruling.", "cheered", Stance),
            ("Readers are encouraged to send tips.", "encouraged", Doing),
        ];
        for (text, word, want) in cases {
            let doc = Document::new(text);
            let doc = Tagged::new(&doc);
            let p = (0..doc.tokens.len()).find(|&i| doc.tok(i) == *word).expect("word in text");
            assert_eq!(class_at(&doc, p, 0, false), *want, "{word:?} in {text:?}");
        }
    }

    /// (sentence, the cue word, whether it can head a predicate)
    #[test]
    fn cue_words_that_are_not_predicates() {
        let cases: &[(&str, &str, bool)] = &[
            ("He was given an official welcome by a band.", "welcome", false),
            ("A senior administration official confirms it.", "confirms", true),
            ("Sanders offered some pointed advice to Clinton.", "pointed", false),
            ("Critics have pointed fingers at him.", "pointed", true),
            ("But some note that the plan failed.", "note", true),
        ];
        for (text, word, want) in cases {
            let doc = Document::new(text);
            let doc = Tagged::new(&doc);
            let p = (0..doc.tokens.len()).find(|&i| doc.tok(i) == *word).expect("word in text");
            assert_eq!(is_predicate(&doc, p), *want, "{word:?} in {text:?}");
        }
    }

    #[test]
    fn plural_quantifiers_take_no_verb_in_s() {
        let doc = Document::new("At times some calls into the hotline went to voicemail, and some say so.");
        let doc = Tagged::new(&doc);
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).expect("word");
        assert!(!agrees(&doc, at("some"), at("calls")));
        assert!(agrees(&doc, at("some"), at("say")));
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
