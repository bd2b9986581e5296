//! Attribution cues: the words that tell the reader someone said, wrote, reported,
//! believes or wants something. Found per sentence, in text order.

use std::ops::Range;

use super::words::{low, Class, Tagged};
use crate::lexicon::WordTable;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueForm {
    /// A reporting or attitude verb ("said", "believes", "is not clear"): the source is
    /// its subject, or the noun phrase right after it when inverted ("said the official").
    Verb,
    /// "according to X": the source follows.
    AccordingTo,
    /// "citing X": the source follows.
    Citing,
    /// "it was reported", "it is believed", "is said to": nobody at all.
    Agentless,
    /// No cue word: a group subject and the verb of its clause ("Republicans are
    /// slamming"), kept only when the gate judges it an attribution.
    Subject,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Token range of the cue words.
    pub tokens: Range<usize>,
    pub form: CueForm,
}

/// Lemmas of verbs that attribute speech, writing, knowledge, belief or attitude.
/// Kept to verbs whose subject is nearly always the holder of the claim.
const VERB_LEMMAS: &[&str] = &[
    "acknowledge",
    "add",
    "admit",
    "advise",
    "agree",
    "allege",
    "announce",
    "anticipate",
    "applaud",
    "argue",
    "ask",
    "assert",
    "assume",
    "assure",
    "believe",
    "blame",
    "blast",
    "boast",
    "caution",
    "charge",
    "cheer",
    "claim",
    "complain",
    "concede",
    "conclude",
    "condemn",
    "confirm",
    "contend",
    "counter",
    "criticise",
    "criticize",
    "decry",
    "declare",
    "demand",
    "denounce",
    "deny",
    "deride",
    "describe",
    "disagree",
    "disclose",
    "dismiss",
    "dispute",
    "doubt",
    "echo",
    "emphasize",
    "estimate",
    "expect",
    "explain",
    "fear",
    "feel",
    "find",
    "fret",
    "grumble",
    "hope",
    "implore",
    "indicate",
    "insist",
    "joke",
    "know",
    "lament",
    "maintain",
    "mention",
    "note",
    "object",
    "observe",
    "oppose",
    "plead",
    "point",
    "praise",
    "predict",
    "prefer",
    "promise",
    "protest",
    "question",
    "quip",
    "recall",
    "recommend",
    "recount",
    "reject",
    "remark",
    "reply",
    "report",
    "respond",
    "reveal",
    "say",
    "show",
    "signal",
    "slam",
    "speculate",
    "state",
    "stress",
    "suggest",
    "suspect",
    "testify",
    "think",
    "tweet",
    "understand",
    "urge",
    "vow",
    "want",
    "warn",
    "welcome",
    "wish",
    "wonder",
    "worry",
    "write",
];

/// Irregular past forms of the lemmas above.
const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("told", "tell"),
    ("tell", "tell"),
    ("tells", "tell"),
    ("telling", "tell"),
    ("thought", "think"),
    ("wrote", "write"),
    ("written", "write"),
    ("felt", "feel"),
    ("knew", "know"),
    ("known", "know"),
    ("found", "find"),
    ("understood", "understand"),
    ("shown", "show"),
    ("foresaw", "foresee"),
];

/// Predicate adjectives after "be" that report a stance: "the official was not clear",
/// "experts are skeptical", "many were afraid".
pub(super) const STANCE_ADJECTIVES: &[&str] = &[
    "adamant",
    "afraid",
    "alarmed",
    "angry",
    "anxious",
    "certain",
    "clear",
    "concerned",
    "confident",
    "convinced",
    "critical",
    "disappointed",
    "divided",
    "doubtful",
    "eager",
    "furious",
    "hopeful",
    "nervous",
    "optimistic",
    "pessimistic",
    "pleased",
    "reluctant",
    "skeptical",
    "sure",
    "uncertain",
    "uneasy",
    "unhappy",
    "unsure",
    "upset",
    "wary",
    "worried",
];

/// Past participles that make an agentless attribution after "it is/was/has been":
/// "it was reported", "it is widely believed".
pub(super) const AGENTLESS_PARTICIPLES: &[&str] = &[
    "alleged",
    "argued",
    "believed",
    "claimed",
    "estimated",
    "expected",
    "feared",
    "rumored",
    "rumoured",
    "reported",
    "said",
    "suggested",
    "suspected",
    "thought",
    "understood",
];

/// The words other than verb forms, "be" and `SAID_TO` that open a cue ("according
/// to", "citing", "it was reported"): any other token is skipped at once.
pub(super) const CUE_OPENERS: &[&str] = &["according", "citing", "it"];

/// Participles that make an agentless attribution before "to": "he is said to have".
pub(super) const SAID_TO: &[&str] = &["said", "reported", "rumored", "rumoured"];

/// Suffix rules of the lemmatiser, tried in this order: (suffix, what replaces it).
const SUFFIXES: &[(&str, &str)] = &[
    ("ies", "y"),
    ("ied", "y"),
    ("ying", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("d", ""),
];

/// Suffixes after a doubled consonant, tried last: "admitted", "regretting".
const DOUBLING: &[&str] = &["ed", "ing"];

/// What the lemmatiser knows of a word: the lemma of an irregular form, and
/// whether the word is a lemma itself.
#[derive(Debug, Clone, Copy, Default)]
struct Known {
    irregular: Option<&'static str>,
    lemma: Option<&'static str>,
}

/// The lemma of an attribution verb form, if `w` is one: the lemma of an irregular
/// form, else `w` itself, else the first stem the suffix rules give that is a lemma
/// (stems of one or two letters never are). No allocation: stems are built on the stack.
fn lemma_with(w: &str, known: &WordTable<Known>) -> Option<&'static str> {
    if let Some(l) = known.get(w).and_then(|k| k.irregular) {
        return Some(l);
    }
    // No lemma is longer than 12 bytes, so neither is a stem of one.
    let mut buf = [0u8; 16];
    let mut lookup = |stem: &str, add: &str| {
        let n = stem.len() + add.len();
        if n <= 2 || n > buf.len() {
            return None;
        }
        buf[..stem.len()].copy_from_slice(stem.as_bytes());
        buf[stem.len()..n].copy_from_slice(add.as_bytes());
        known.get_bytes(&buf[..n]).and_then(|k| k.lemma)
    };
    if let Some(l) = lookup(w, "") {
        return Some(l);
    }
    for (suffix, add) in SUFFIXES {
        if let Some(l) = w.strip_suffix(suffix).and_then(|stem| lookup(stem, add)) {
            return Some(l);
        }
    }
    for suffix in DOUBLING {
        if let Some(stem) = w.strip_suffix(suffix) {
            let b = stem.as_bytes();
            let cut = stem.len().wrapping_sub(1);
            if b.len() > 2 && b[cut] == b[cut - 1] && stem.is_char_boundary(cut) {
                if let Some(l) = lookup(&stem[..cut], "") {
                    return Some(l);
                }
            }
        }
    }
    None
}

/// Every word `lemma_with` gives a lemma, with that lemma, passed to `each`: each
/// lemma run backwards through every rule (a form made from one lemma may belong to
/// another), plus the irregular forms. The sourcing lexicon holds them, so a token's
/// lemma is one probe.
pub(super) fn lemma_forms(each: impl FnMut(&str, &'static str)) {
    forms_of(VERB_LEMMAS, IRREGULAR, each);
}

/// `lemma_forms` for any list of lemmas and their irregular forms.
pub(super) fn forms_of(
    lemmas: &[&'static str],
    irregular: &[(&str, &'static str)],
    mut each: impl FnMut(&str, &'static str),
) {
    let mut known = WordTable::with_capacity(lemmas.len() + irregular.len());
    let merge = |a: Known, b: Known| Known { irregular: a.irregular.or(b.irregular), lemma: a.lemma.or(b.lemma) };
    for l in lemmas {
        known.insert(l, Known { irregular: None, lemma: Some(l) }, merge);
    }
    for (form, l) in irregular {
        known.insert(form, Known { irregular: Some(l), lemma: None }, merge);
    }
    let mut emit = |form: &str| {
        if let Some(l) = lemma_with(form, &known) {
            each(form, l);
        }
    };
    for (form, _) in irregular {
        emit(form);
    }
    let mut form = String::with_capacity(24);
    for l in lemmas {
        emit(l);
        for (suffix, add) in SUFFIXES {
            if let Some(stem) = l.strip_suffix(add) {
                form.clear();
                form.push_str(stem);
                form.push_str(suffix);
                emit(&form);
            }
        }
        if let Some(last) = l.chars().last() {
            for suffix in DOUBLING {
                form.clear();
                form.push_str(l);
                form.push(last);
                form.push_str(suffix);
                emit(&form);
            }
        }
    }
}

/// The lemmatiser as first written (allocating, linear scans): the oracle that
/// `lemma_forms` and the token tags are tested against.
#[cfg(test)]
pub fn verb_lemma(w: &str) -> Option<&'static str> {
    if let Some((_, l)) = IRREGULAR.iter().find(|(f, _)| *f == w) {
        return Some(l);
    }
    let lemma = |s: &str| VERB_LEMMAS.iter().copied().find(|l| *l == s);
    let mut stems: Vec<String> = vec![w.to_string()];
    for (suffix, add) in [("ies", "y"), ("ied", "y"), ("ying", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e")] {
        if let Some(stem) = w.strip_suffix(suffix) {
            stems.push(format!("{stem}{add}"));
        }
    }
    for (suffix, add) in [("ing", ""), ("ing", "e"), ("d", "")] {
        if let Some(stem) = w.strip_suffix(suffix) {
            stems.push(format!("{stem}{add}"));
        }
    }
    // Doubled consonant: "admitted", "regretting".
    for suffix in ["ed", "ing"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            let b = stem.as_bytes();
            // (A multi-byte last character is no doubled consonant: "co₂ed".)
            if b.len() > 2 && b[b.len() - 1] == b[b.len() - 2] && stem.is_char_boundary(stem.len() - 1) {
                stems.push(stem[..stem.len() - 1].to_string());
            }
        }
    }
    stems.iter().filter(|s| s.len() > 2).find_map(|s| lemma(s))
}

/// Every cue in a sentence, in text order, not overlapping.
pub fn find(doc: &Tagged, sentence: Range<usize>) -> Vec<Cue> {
    let mut out = Vec::new();
    let mut i = sentence.start;
    while i < sentence.end {
        if doc.lemma(i).is_none() && !doc.is(i, Class::CUE_OPENERS | Class::BE_FORMS | Class::SAID_TO) {
            i += 1;
            continue;
        }
        let w = low(doc, i);
        let next = low(doc, i + 1);
        let cue = if w == "according" && next == "to" {
            Some(Cue { tokens: i..i + 2, form: CueForm::AccordingTo })
        } else if w == "citing" {
            Some(Cue { tokens: i..i + 1, form: CueForm::Citing })
        } else if let Some(end) = agentless(doc, i, sentence.end) {
            Some(Cue { tokens: i..end, form: CueForm::Agentless })
        } else if let Some(end) = stance_predicate(doc, i, sentence.end) {
            Some(Cue { tokens: i..end, form: CueForm::Verb })
        } else if doc.is(i, Class::SAID_TO) && next == "to" && doc.is(i.wrapping_sub(1), Class::BE_FORMS) {
            Some(Cue { tokens: i..i + 2, form: CueForm::Agentless })
        } else if doc.lemma(i).is_some() && doc.is_word(i) && !ends_a_name(doc, i, sentence.start) {
            Some(Cue { tokens: i..i + 1, form: CueForm::Verb })
        } else {
            None
        };
        match cue {
            Some(c) => {
                i = c.tokens.end;
                out.push(c);
            }
            None => i += 1,
        }
    }
    out
}

/// A capitalised word inside a sentence that is not in title case ends a name, not
/// a clause: "the United States", "Patriot Reports". In a title-case headline
/// ("Former White House Doctor Says Clinton …") the next word is capitalised too.
fn ends_a_name(doc: &Tagged, i: usize, sentence_start: usize) -> bool {
    i > sentence_start && doc.is_capitalized(i) && !doc.is_capitalized(i + 1)
}

/// "it was reported", "it is widely believed", "it has been said": returns the end.
fn agentless(doc: &Tagged, i: usize, end: usize) -> Option<usize> {
    if low(doc, i) != "it" {
        return None;
    }
    let mut j = i + 1;
    let mut saw_be = false;
    while j < end && (doc.is(j, Class::AUX) || doc.is(j, Class::DEGREE) || low(doc, j) == "widely") {
        saw_be |= doc.is(j, Class::BE_FORMS);
        j += 1;
    }
    (saw_be && j < end && doc.is(j, Class::AGENTLESS_PARTICIPLES) && low(doc, j + 1) != "by").then_some(j + 1)
}

/// "was not clear", "are increasingly worried": a form of "be", optional negation or
/// degree words, then a stance adjective. The cue starts at "be" so that its subject
/// is found the same way as a verb's.
fn stance_predicate(doc: &Tagged, i: usize, end: usize) -> Option<usize> {
    if !doc.is(i, Class::BE_FORMS) {
        return None;
    }
    let mut j = i + 1;
    while j < end && (doc.is(j, Class::NEGATION) || doc.is(j, Class::DEGREE)) {
        j += 1;
    }
    (j < end && doc.is(j, Class::STANCE_ADJECTIVES)).then_some(j + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    #[test]
    fn verb_forms_find_their_lemma() {
        let cases: &[(&str, Option<&str>)] = &[
            ("said", Some("say")),
            ("says", Some("say")),
            ("saying", Some("say")),
            ("denied", Some("deny")),
            ("denies", Some("deny")),
            ("worries", Some("worry")),
            ("argued", Some("argue")),
            ("arguing", Some("argue")),
            ("tweeted", Some("tweet")),
            ("told", Some("tell")),
            ("believes", Some("believe")),
            ("reported", Some("report")),
            ("wrote", Some("write")),
            ("sources", None),
            ("source", None),
            ("energy", None),
            ("pride", None),
            ("is", None),
            ("", None),
        ];
        for (w, want) in cases {
            assert_eq!(verb_lemma(w), *want, "lemma of {w:?}");
        }
    }

    fn cues(text: &str) -> Vec<(String, CueForm)> {
        let doc = Document::new(text);
        let doc = Tagged::new(&doc);
        let mut out = Vec::new();
        for s in &doc.sentences {
            for c in find(&doc, s.tokens.clone()) {
                let a = doc.tokens[c.tokens.start].start;
                let b = doc.tokens[c.tokens.end - 1].end;
                out.push((text[a..b].to_string(), c.form));
            }
        }
        out
    }

    #[test]
    fn cue_table() {
        use CueForm::*;
        let cases: &[(&str, &[(&str, CueForm)])] = &[
            ("The source said it.", &[("said", Verb)]),
            ("It fell, according to two officials.", &[("according to", AccordingTo)]),
            ("Citing officials, the Times reported it.", &[("Citing", Citing), ("reported", Verb)]),
            ("It was reported that troops died.", &[("It was reported", Agentless)]),
            ("It is widely believed that he lied.", &[("It is widely believed", Agentless)]),
            ("He is said to have paid.", &[("said to", Agentless)]),
            ("The official was not clear on the motive.", &[("was not clear", Verb)]),
            ("Experts are increasingly worried.", &[("are increasingly worried", Verb)]),
            ("The country needs new sources of energy.", &[]),
            ("It was a source of pride.", &[]),
            ("It was reported by Reuters.", &[("reported", Verb)]),
            ("Leaders of the United States met.", &[]),
            ("Former White House Doctor Says Clinton Is Fit", &[("Says", Verb)]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, CueForm)> = want.iter().map(|(s, f)| (s.to_string(), *f)).collect();
            assert_eq!(cues(text), want, "cues in {text:?}");
        }
    }

    #[test]
    fn lists_are_lower_case() {
        for w in VERB_LEMMAS.iter().chain(STANCE_ADJECTIVES).chain(AGENTLESS_PARTICIPLES) {
            assert_eq!(*w, w.to_lowercase());
        }
    }
}
