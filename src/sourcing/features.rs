//! What the attribution gate sees of a candidate: cheap facts about the source
//! phrase (head word, determiner, length, what comes before it), the cue (its
//! lemma or word, its ending, what follows it) and the setting (inside a quote,
//! source before or after the cue), each hashed to a bucket key.

use std::ops::Range;

use super::cues::CueForm;
use super::gate::{hash_parts_with, hash_with, Prefix};

/// A feature name's hash state, computed at compile time.
macro_rules! key {
    ($name:literal) => {
        const { Prefix::new($name) }
    };
}
use super::source::Source;
use super::verbs::{class_at, VerbClass};
use super::words::{low, Class, Tagged};
use crate::report::SourceKind;

/// The candidate the gate judges, as token ranges into the document.
pub struct View<'a> {
    pub cue: &'a Range<usize>,
    pub form: CueForm,
    pub source: Option<&'a Source>,
    /// The source comes after the cue ("said the official", "according to").
    pub source_after: bool,
    pub kind: SourceKind,
    /// The first token of the sentence.
    pub sentence_start: usize,
    /// How often the cue's first word is a cue in annotated news (`cue_rates`).
    pub cue_rate: &'static str,
}

fn form_name(f: CueForm) -> &'static str {
    match f {
        CueForm::Verb => "verb",
        CueForm::AccordingTo => "according",
        CueForm::Citing => "citing",
        CueForm::Agentless => "agentless",
        CueForm::Subject => "subject",
    }
}

/// The last two letters: lets an unseen verb borrow from seen ones ("-ed", "-es").
fn ending(w: &str) -> &str {
    let cut = w.char_indices().rev().nth(1).map_or(0, |(i, _)| i);
    &w[cut..]
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=4 => "3-4",
        _ => "5+",
    }
}

/// The hashed features of one candidate.
pub fn of(doc: &Tagged, quoted: &[bool], v: &View) -> Vec<u32> {
    let mut f = Vec::with_capacity(40); // every feature and `nesting`, without growing
    let kind = v.kind.as_str();
    let form = form_name(v.form);
    f.push(hash_with(key!("bias"), ""));
    f.push(hash_with(key!("form"), form));
    f.push(hash_with(key!("kind"), kind));
    let first_cue = v.cue.start;
    let cue_word = low(doc, first_cue);
    let lemma = doc.lemma(first_cue).unwrap_or(cue_word);
    f.push(hash_with(key!("cue"), lemma));
    f.push(hash_with(key!("cue-end"), ending(cue_word)));
    f.push(hash_parts_with(key!("kind-cue"), &[kind, lemma]));
    f.push(hash_parts_with(key!("form-kind"), &[form, kind]));
    f.push(hash_with(key!("after-cue"), low(doc, v.cue.end)));
    f.push(hash_with(key!("before-cue"), if first_cue == 0 { "<s>" } else { low(doc, first_cue - 1) }));
    f.push(hash_with(key!("quoted"), if quoted.get(first_cue).copied().unwrap_or(false) { "yes" } else { "no" }));
    if let Some(src) = v.source {
        let head = low(doc, src.head);
        let first = low(doc, src.tokens.start);
        f.push(hash_with(key!("head"), head));
        f.push(hash_parts_with(key!("form-head"), &[form, head]));
        f.push(hash_with(key!("det"), if doc.is(src.tokens.start, Class::DETERMINERS) { first } else { "-" }));
        f.push(hash_with(key!("len"), bucket(src.tokens.len())));
        f.push(hash_with(key!("head-cap"), if doc.is_capitalized(src.head) { "yes" } else { "no" }));
        let before = src.tokens.start.checked_sub(1).map_or("<s>", |p| low(doc, p));
        f.push(hash_with(key!("before-source"), before));
        f.push(hash_with(key!("after"), if v.source_after { "yes" } else { "no" }));
        let gap = if v.source_after {
            src.tokens.start.saturating_sub(v.cue.end)
        } else {
            v.cue.start.saturating_sub(src.tokens.end)
        };
        f.push(hash_with(key!("gap"), bucket(gap)));
        f.push(hash_with(key!("appositive"), if src.appositive.is_some() { "yes" } else { "no" }));
        let before_class = word_class(doc, src.tokens.start.checked_sub(1));
        f.push(hash_with(key!("before-source-class"), before_class));
        f.push(hash_parts_with(key!("kind-before-class"), &[kind, form, before_class]));
        let at = src.tokens.start.saturating_sub(v.sentence_start);
        f.push(hash_parts_with(key!("source-at"), &[form, bucket(at)]));
        let inner_verb = src
            .tokens
            .clone()
            .any(|i| i != src.head && !doc.is_capitalized(i) && doc.is_word(i) && low(doc, i).ends_with("ed"));
        f.push(hash_parts_with(key!("inner-ed"), &[form, if inner_verb { "yes" } else { "no" }]));
        let shouting = doc.tok(src.head).chars().all(|c| !c.is_lowercase()) && doc.tok(src.head).len() > 1;
        f.push(hash_with(key!("head-caps"), if shouting { "yes" } else { "no" }));
    }
    // Parts of speech: a group saying from a group doing, a verb from a noun.
    let cue_tag = doc.tag(first_cue).as_str();
    f.push(hash_parts_with(key!("cue-tag"), &[form, cue_tag]));
    let class = match class_at(doc, first_cue, v.sentence_start, v.source_after) {
        VerbClass::Stance => "stance",
        VerbClass::Psych => "psych",
        VerbClass::Doing => "doing",
        VerbClass::None => "none",
    };
    f.push(hash_parts_with(key!("verb-class"), &[form, class]));
    f.push(hash_parts_with(key!("kind-verb-class"), &[kind, class]));
    f.push(hash_parts_with(key!("after-cue-tag"), &[form, doc.tag(v.cue.end).as_str()]));
    if let Some(src) = v.source {
        f.push(hash_parts_with(key!("head-tag"), &[form, doc.tag(src.head).as_str()]));
        let before = src.tokens.start.checked_sub(1).map_or("<s>", |p| doc.tag(p).as_str());
        f.push(hash_parts_with(key!("before-source-tag"), &[form, before]));
    }
    f.push(hash_parts_with(key!("cue-rate"), &[form, v.cue_rate]));
    f.push(hash_parts_with(key!("kind-cue-rate"), &[kind, v.cue_rate]));
    let after_class = word_class(doc, Some(v.cue.end));
    f.push(hash_parts_with(key!("after-cue-class"), &[form, after_class]));
    f
}

/// A coarse class of the word at `i`, so that unseen words borrow from seen ones.
fn word_class(doc: &Tagged, i: Option<usize>) -> &'static str {
    let Some(i) = i.filter(|&i| i < doc.tokens.len()) else { return "<s>" };
    if !doc.is_word(i) {
        return match doc.tok(i) {
            "," => ",",
            "“" | "”" | "\"" | "‘" | "’" | "'" => "quote",
            _ => "punct",
        };
    }
    if doc.is(i, Class::DETERMINERS) {
        "det"
    } else if doc.is(i, Class::PRONOUNS) {
        "pronoun"
    } else if doc.is(i, Class::LINKS) {
        "link"
    } else if doc.is(i, Class::PHRASE_BREAKS) {
        "break"
    } else if doc.is(i, Class::AUX | Class::BE_FORMS) {
        "aux"
    } else if doc.lemma(i).is_some() {
        "cue-verb"
    } else if doc.is_capitalized(i) {
        "capital"
    } else if low(doc, i).ends_with("ed") {
        "ed"
    } else if low(doc, i).ends_with("ing") {
        "ing"
    } else {
        "word"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sourcing::gate::hash;

    #[test]
    fn endings_are_the_last_two_characters() {
        for (w, want) in [("said", "id"), ("worried", "ed"), ("a", "a"), ("", ""), ("dijo\u{301}", "o\u{301}")] {
            assert_eq!(ending(w), want, "{w:?}");
        }
    }

    #[test]
    fn features_differ_with_the_setting() {
        let doc = crate::text::Document::new("Critics say so. “Critics say so,” he said.");
        let doc = Tagged::new(&doc);
        let quoted = super::super::quotes::inside(&doc);
        let view = |source: &Source, cue: Range<usize>| {
            let v = View {
                cue: &cue,
                form: CueForm::Verb,
                source: Some(source),
                source_after: false,
                kind: SourceKind::Vague,
                sentence_start: 0,
                cue_rate: "-",
            };
            of(&doc, &quoted, &v)
        };
        let outside = view(&Source { tokens: 0..1, head: 0, appositive: None }, 1..2);
        let inside = view(&Source { tokens: 5..6, head: 5, appositive: None }, 6..7);
        assert_eq!(outside.len(), inside.len());
        assert!(outside.contains(&hash("quoted", "no")) && inside.contains(&hash("quoted", "yes")));
        assert!(outside.contains(&hash("head", "critics")) && outside.contains(&hash("cue", "say")));
    }
}
