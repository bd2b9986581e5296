//! What the attribution gate sees of a candidate: cheap facts about the source
//! phrase (head word, determiner, length, what comes before it), the cue (its
//! lemma or word, its ending, what follows it) and the setting (inside a quote,
//! source before or after the cue), each hashed to a bucket key.

use std::ops::Range;
use std::sync::OnceLock;

use super::cues::CueForm;
use super::gate::{hash_parts_with, hash_with, Prefix};

/// A feature name's hash state, computed at compile time.
macro_rules! key {
    ($name:literal) => {
        const { Prefix::new($name) }
    };
}
use super::quotes::Quotes;
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

/// The forms in their declaration order: a form's place is `form as usize`.
const FORMS: [CueForm; 5] =
    [CueForm::Verb, CueForm::AccordingTo, CueForm::Citing, CueForm::Agentless, CueForm::Subject];

fn form_name(f: CueForm) -> &'static str {
    match f {
        CueForm::Verb => "verb",
        CueForm::AccordingTo => "according",
        CueForm::Citing => "citing",
        CueForm::Agentless => "agentless",
        CueForm::Subject => "subject",
    }
}

/// The features whose key opens with the candidate's form, hashed up to the form and
/// the separator (`Prefix::then`): the same for every candidate of a form, so hashed
/// once per form rather than once per candidate.
struct OpenedByForm {
    form_kind: Prefix,
    form_head: Prefix,
    source_at: Prefix,
    inner_ed: Prefix,
    cue_tag: Prefix,
    verb_class: Prefix,
    after_cue_tag: Prefix,
    head_tag: Prefix,
    before_source_tag: Prefix,
    cue_rate: Prefix,
    after_cue_class: Prefix,
}

/// The same for the features that open with the source's kind.
struct OpenedByKind {
    kind_cue: Prefix,
    kind_before_class: Prefix,
    kind_verb_class: Prefix,
    kind_cue_rate: Prefix,
}

/// `OpenedByForm` of each form (at `form as usize`, its place in `FORMS`) and `OpenedByKind` of each kind (at
/// `kind as usize`, its place in `SourceKind::ALL`).
fn opened() -> &'static (Vec<OpenedByForm>, Vec<OpenedByKind>) {
    static OPENED: OnceLock<(Vec<OpenedByForm>, Vec<OpenedByKind>)> = OnceLock::new();
    OPENED.get_or_init(|| {
        let by_form = FORMS.map(form_name).map(|f| OpenedByForm {
            form_kind: key!("form-kind").then(f),
            form_head: key!("form-head").then(f),
            source_at: key!("source-at").then(f),
            inner_ed: key!("inner-ed").then(f),
            cue_tag: key!("cue-tag").then(f),
            verb_class: key!("verb-class").then(f),
            after_cue_tag: key!("after-cue-tag").then(f),
            head_tag: key!("head-tag").then(f),
            before_source_tag: key!("before-source-tag").then(f),
            cue_rate: key!("cue-rate").then(f),
            after_cue_class: key!("after-cue-class").then(f),
        });
        let by_kind = SourceKind::ALL.map(SourceKind::as_str).map(|k| OpenedByKind {
            kind_cue: key!("kind-cue").then(k),
            kind_before_class: key!("kind-before-class").then(k),
            kind_verb_class: key!("kind-verb-class").then(k),
            kind_cue_rate: key!("kind-cue-rate").then(k),
        });
        (by_form.into(), by_kind.into())
    })
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
pub fn of(doc: &Tagged, quotes: &Quotes, v: &View) -> Vec<u32> {
    let mut f = Vec::with_capacity(40); // every feature and `nesting`, without growing
    let kind = v.kind.as_str();
    let form = form_name(v.form);
    let (by_form, by_kind) = opened();
    let (Some(by_form), Some(by_kind)) = (by_form.get(v.form as usize), by_kind.get(v.kind as usize)) else {
        return f; // not reached: every form and kind has its entry
    };
    f.push(hash_with(key!("bias"), ""));
    f.push(hash_with(key!("form"), form));
    f.push(hash_with(key!("kind"), kind));
    let first_cue = v.cue.start;
    let cue_word = low(doc, first_cue);
    let lemma = doc.lemma(first_cue).unwrap_or(cue_word);
    f.push(hash_with(key!("cue"), lemma));
    f.push(hash_with(key!("cue-end"), ending(cue_word)));
    f.push(hash_with(by_kind.kind_cue, lemma));
    f.push(hash_with(by_form.form_kind, kind));
    f.push(hash_with(key!("after-cue"), low(doc, v.cue.end)));
    f.push(hash_with(key!("before-cue"), if first_cue == 0 { "<s>" } else { low(doc, first_cue - 1) }));
    f.push(hash_with(key!("quoted"), if quotes.inside(first_cue) { "yes" } else { "no" }));
    if let Some(src) = v.source {
        let head = low(doc, src.head);
        let first = low(doc, src.tokens.start);
        f.push(hash_with(key!("head"), head));
        f.push(hash_with(by_form.form_head, head));
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
        f.push(hash_parts_with(by_kind.kind_before_class, &[form, before_class]));
        let at = src.tokens.start.saturating_sub(v.sentence_start);
        f.push(hash_with(by_form.source_at, bucket(at)));
        let inner_verb = src
            .tokens
            .clone()
            .any(|i| i != src.head && !doc.is_capitalized(i) && doc.is_word(i) && low(doc, i).ends_with("ed"));
        f.push(hash_with(by_form.inner_ed, if inner_verb { "yes" } else { "no" }));
        let shouting = doc.tok(src.head).chars().all(|c| !c.is_lowercase()) && doc.tok(src.head).len() > 1;
        f.push(hash_with(key!("head-caps"), if shouting { "yes" } else { "no" }));
    }
    // Parts of speech: a group saying from a group doing, a verb from a noun.
    let cue_tag = doc.tag(first_cue).as_str();
    f.push(hash_with(by_form.cue_tag, cue_tag));
    let class = match class_at(doc, first_cue, v.sentence_start, v.source_after) {
        VerbClass::Stance => "stance",
        VerbClass::Psych => "psych",
        VerbClass::Doing => "doing",
        VerbClass::None => "none",
    };
    f.push(hash_with(by_form.verb_class, class));
    f.push(hash_with(by_kind.kind_verb_class, class));
    f.push(hash_with(by_form.after_cue_tag, doc.tag(v.cue.end).as_str()));
    if let Some(src) = v.source {
        f.push(hash_with(by_form.head_tag, doc.tag(src.head).as_str()));
        let before = src.tokens.start.checked_sub(1).map_or("<s>", |p| doc.tag(p).as_str());
        f.push(hash_with(by_form.before_source_tag, before));
    }
    f.push(hash_with(by_form.cue_rate, v.cue_rate));
    f.push(hash_with(by_kind.kind_cue_rate, v.cue_rate));
    let after_class = word_class(doc, Some(v.cue.end));
    f.push(hash_with(by_form.after_cue_class, after_class));
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

    /// Each opened prefix, continued with a value, gives the key of the feature's name
    /// with the form or kind and the value as parts.
    #[test]
    fn opened_prefixes_equal_hashing_every_part() {
        use crate::sourcing::gate::hash_parts;
        let (by_form, by_kind) = opened();
        for (i, &form) in FORMS.iter().enumerate() {
            assert_eq!(form as usize, i);
            let (o, f) = (&by_form[i], form_name(form));
            for v in ["", "yes", "said", "VERB:PAST"] {
                let h = |name: &str| hash_parts(name, &[f, v]);
                assert_eq!(hash_with(o.form_kind, v), h("form-kind"));
                assert_eq!(hash_with(o.form_head, v), h("form-head"));
                assert_eq!(hash_with(o.source_at, v), h("source-at"));
                assert_eq!(hash_with(o.inner_ed, v), h("inner-ed"));
                assert_eq!(hash_with(o.cue_tag, v), h("cue-tag"));
                assert_eq!(hash_with(o.verb_class, v), h("verb-class"));
                assert_eq!(hash_with(o.after_cue_tag, v), h("after-cue-tag"));
                assert_eq!(hash_with(o.head_tag, v), h("head-tag"));
                assert_eq!(hash_with(o.before_source_tag, v), h("before-source-tag"));
                assert_eq!(hash_with(o.cue_rate, v), h("cue-rate"));
                assert_eq!(hash_with(o.after_cue_class, v), h("after-cue-class"));
            }
        }
        for kind in SourceKind::ALL {
            assert_eq!(SourceKind::ALL[kind as usize], kind);
            let (o, k) = (&by_kind[kind as usize], kind.as_str());
            for v in ["", "say", "-"] {
                assert_eq!(hash_with(o.kind_cue, v), hash_parts("kind-cue", &[k, v]));
                assert_eq!(hash_with(o.kind_verb_class, v), hash_parts("kind-verb-class", &[k, v]));
                assert_eq!(hash_with(o.kind_cue_rate, v), hash_parts("kind-cue-rate", &[k, v]));
                let three = hash_parts("kind-before-class", &[k, "verb", v]);
                assert_eq!(hash_parts_with(o.kind_before_class, &["verb", v]), three);
            }
        }
    }

    #[test]
    fn features_differ_with_the_setting() {
        let doc = crate::text::Document::new("Critics say so. “Critics say so,” he said.");
        let doc = Tagged::new(&doc);
        let quotes = Quotes::new(&doc);
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
            of(&doc, &quotes, &v)
        };
        let outside = view(&Source { tokens: 0..1, head: 0, appositive: None }, 1..2);
        let inside = view(&Source { tokens: 5..6, head: 5, appositive: None }, 6..7);
        assert_eq!(outside.len(), inside.len());
        assert!(outside.contains(&hash("quoted", "no")) && inside.contains(&hash("quoted", "yes")));
        assert!(outside.contains(&hash("head", "critics")) && outside.contains(&hash("cue", "say")));
    }
}
