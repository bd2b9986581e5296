//! Closed word classes the sourcing analysis shares. All lower-case.
//!
//! The analysis asks the same questions of each token many times ("is it a form of
//! 'be'?", "could it head a source?", "which verb is it?"), so `Tagged` answers them
//! once per token: one hash probe into a table of every list below and of every
//! inflected form of the attribution verbs.

use std::ops::Deref;
use std::sync::OnceLock;

use super::lemma::{forms_of, lemma_forms};
use super::vocabulary::*;
use crate::lexicon::WordTable;
use crate::text::Document;

/// The lower-cased token, or "" past either end: lets callers look around freely.
pub fn low<'d>(doc: &'d Document, i: usize) -> &'d str {
    if i < doc.tokens.len() {
        doc.low(i)
    } else {
        ""
    }
}

/// A set of word classes: one bit per list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Class(u32);

impl Class {
    pub const BE_FORMS: Class = Class(1 << 0);
    pub const NEGATION: Class = Class(1 << 1);
    pub const AUX: Class = Class(1 << 2);
    pub const DEGREE: Class = Class(1 << 3);
    pub const PHRASE_BREAKS: Class = Class(1 << 4);
    pub const DETERMINERS: Class = Class(1 << 5);
    pub const PARTITIVES: Class = Class(1 << 6);
    pub const TITLES: Class = Class(1 << 7);
    pub const PRONOUNS: Class = Class(1 << 8);
    pub const ANONYMOUS: Class = Class(1 << 9);
    pub const VAGUE: Class = Class(1 << 10);
    pub const PERSON_SINGULAR: Class = Class(1 << 11);
    pub const SPOKESPEOPLE: Class = Class(1 << 12);
    pub const DOCUMENTS: Class = Class(1 << 13);
    pub const VAGUE_DOCUMENTS: Class = Class(1 << 14);
    pub const ORG_WORDS: Class = Class(1 << 15);
    pub const ORG_COMMON: Class = Class(1 << 16);
    pub const LINKS: Class = Class(1 << 17);
    pub const POSTNOMINAL: Class = Class(1 << 18);
    pub const STANCE_ADJECTIVES: Class = Class(1 << 19);
    pub const AGENTLESS_PARTICIPLES: Class = Class(1 << 20);
    pub const SAID_TO: Class = Class(1 << 21);
    /// A collective or generic group (`classify::is_group`): `VAGUE`, or a long
    /// plural ending in "-ists" or "-ians".
    pub const GROUP: Class = Class(1 << 22);
    /// Could head a phrase that names who speaks (`classify::is_person_noun`).
    pub const PERSON_NOUN: Class = Class(1 << 23);
    pub const CUE_OPENERS: Class = Class(1 << 24);
    pub const SUBJECT_OPENERS: Class = Class(1 << 25);
    pub const HOLDER_LINKS: Class = Class(1 << 26);
    /// Could start the predicate of a group that voices a stance (`verbs::class_at`
    /// answers `Stance` for no other word): a form of an attribution verb or of a
    /// stance verb, or a stance adjective.
    pub const VOICE: Class = Class(1 << 27);
    /// The last word of an anonymity phrase ("named", "anonymity"): a sentence with
    /// none holds no such phrase (`super::ANONYMITY_ENDS`).
    pub const ANONYMITY_ENDS: Class = Class(1 << 28);

    /// Has any of the classes in `other`.
    pub fn has(self, other: Class) -> bool {
        self.0 & other.0 != 0
    }

    fn with(self, other: Class) -> Class {
        Class(self.0 | other.0)
    }
}

impl std::ops::BitOr for Class {
    type Output = Class;

    fn bitor(self, other: Class) -> Class {
        self.with(other)
    }
}

/// Every list with its class.
fn lists() -> [(&'static [&'static str], Class); 27] {
    [
        (BE_FORMS, Class::BE_FORMS),
        (NEGATION, Class::NEGATION),
        (AUX, Class::AUX),
        (DEGREE, Class::DEGREE),
        (PHRASE_BREAKS, Class::PHRASE_BREAKS),
        (DETERMINERS, Class::DETERMINERS),
        (PARTITIVES, Class::PARTITIVES),
        (TITLES, Class::TITLES),
        (PRONOUNS, Class::PRONOUNS),
        (ANONYMOUS, Class::ANONYMOUS),
        (SOURCES_PROPER, Class::ANONYMOUS),
        (VAGUE, Class::VAGUE),
        (PERSON_SINGULAR, Class::PERSON_SINGULAR),
        (SPOKESPEOPLE, Class::SPOKESPEOPLE),
        (DOCUMENTS, Class::DOCUMENTS),
        (VAGUE_DOCUMENTS, Class::VAGUE_DOCUMENTS),
        (ORG_WORDS, Class::ORG_WORDS),
        (ORG_COMMON, Class::ORG_COMMON),
        (LINKS, Class::LINKS),
        (POSTNOMINAL, Class::POSTNOMINAL),
        (STANCE_ADJECTIVES, Class::STANCE_ADJECTIVES),
        (AGENTLESS_PARTICIPLES, Class::AGENTLESS_PARTICIPLES),
        (SAID_TO, Class::SAID_TO),
        (CUE_OPENERS, Class::CUE_OPENERS),
        (SUBJECT_OPENERS, Class::SUBJECT_OPENERS),
        (HOLDER_LINKS, Class::HOLDER_LINKS),
        (super::ANONYMITY_ENDS, Class::ANONYMITY_ENDS),
    ]
}

/// What the lexicon knows of one word: its classes and, for a form of an
/// attribution verb, its lemma (an index into `Lexicon::lemmas`, 0 for none).
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    class: Class,
    lemma: u16,
    /// For a form of a stance verb (`verbs`), its index into `Lexicon::stances`, 0 for none.
    stance: u16,
}

struct Lexicon {
    words: WordTable<Entry>,
    /// Lemma names; index 0 is unused.
    lemmas: Vec<&'static str>,
    /// Stance-verb lemmas with their class; index 0 is unused.
    stances: Vec<(&'static str, VerbClass)>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let merge = |a: Entry, b: Entry| Entry {
            class: a.class.with(b.class),
            lemma: a.lemma.max(b.lemma),
            stance: a.stance.max(b.stance),
        };
        let mut words = WordTable::with_capacity(2048);
        for (list, class) in lists() {
            // The classes that follow from the listed ones are stored with them (the
            // union of derived classes is that of the union): a token then adds only
            // those of its ending (`by_ending`).
            let class = derived(class);
            for w in list {
                words.insert(w, Entry { class, lemma: 0, stance: 0 }, merge);
            }
        }
        let mut lemmas = vec![""];
        let mut index: WordTable<u16> = WordTable::with_capacity(128);
        lemma_forms(|form, lemma| {
            let i = index.get(lemma).unwrap_or_else(|| {
                lemmas.push(lemma);
                let i = (lemmas.len() - 1) as u16;
                index.insert(lemma, i, |a, _| a);
                i
            });
            words.insert(form, Entry { class: Class::VOICE, lemma: i, stance: 0 }, merge);
        });
        let mut stances = vec![("", VerbClass::Doing)];
        for (list, class) in [(STANCE_VERBS, VerbClass::Stance), (PSYCH_VERBS, VerbClass::Psych)] {
            let mut index: WordTable<u16> = WordTable::with_capacity(128);
            forms_of(list, STANCE_IRREGULAR, |form, lemma| {
                let i = index.get(lemma).unwrap_or_else(|| {
                    stances.push((lemma, class));
                    let i = (stances.len() - 1) as u16;
                    index.insert(lemma, i, |a, _| a);
                    i
                });
                words.insert(form, Entry { class: Class::VOICE, lemma: 0, stance: i }, merge);
            });
        }
        for w in STANCE_ADJECTIVES {
            words.insert(w, Entry { class: Class::VOICE, lemma: 0, stance: 0 }, merge);
        }
        Lexicon { words, lemmas, stances }
    })
}

/// Builds the lexicon now instead of at the first question asked of it.
pub fn load() {
    lexicon();
}

/// The classes of any lower-case string, derived ones included.
pub fn class_of(w: &str) -> Class {
    let listed = lexicon().words.get(w).map_or(Class::default(), |e| e.class);
    listed | by_ending(w.as_bytes())
}

/// The classes a word has by its ending whatever the lists say: a long plural
/// people-noun is a group, and so could name who speaks (as `derived` adds them).
#[inline]
fn by_ending(w: &[u8]) -> Class {
    if w.len() > 7 && is_group_by_ending(w) {
        Class::GROUP | Class::PERSON_NOUN
    } else {
        Class::default()
    }
}

/// "technologists", "libertarians": a plural people-noun by its ending (the caller
/// checks the length first, so short words never get here).
fn is_group_by_ending(w: &[u8]) -> bool {
    w.ends_with(b"ists") || w.ends_with(b"ians")
}

/// The listed classes with the derived ones added (`by_ending` adds a word's own).
fn derived(listed: Class) -> Class {
    let mut c = listed;
    if listed.has(Class::VAGUE) {
        c = c.with(Class::GROUP);
    }
    if c.has(Class::ANONYMOUS | Class::GROUP | Class::PERSON_SINGULAR | Class::SPOKESPEOPLE) {
        c = c.with(Class::PERSON_NOUN);
    }
    c
}

/// A document with each token's classes and verb lemma, looked up once.
pub struct Tagged<'d> {
    doc: &'d Document<'d>,
    tags: Vec<Entry>,
    /// Per sentence, the union of its tokens' classes: a question no token of a
    /// sentence can answer yes is not asked of each.
    sentence_classes: Vec<Class>,
}

impl<'d> Tagged<'d> {
    pub fn new(doc: &'d Document<'d>) -> Self {
        let words = &lexicon().words;
        let lower = doc.lower.as_bytes();
        // Tokens and their hashes side by side: no index to check per token.
        // The token's text is read only to compare it with a listed word of its hash
        // and length, or for the ending of a long one.
        let tags = (doc.tokens.iter().zip(&doc.hashes))
            .map(|(t, &hash)| {
                let e: Entry = words.get_at(lower, t.start, t.end, hash).unwrap_or_default();
                if t.end.wrapping_sub(t.start) > 7 {
                    let ending = by_ending(lower.get(t.start..t.end).unwrap_or_default());
                    Entry { class: e.class | ending, ..e }
                } else {
                    e
                }
            })
            .collect::<Vec<Entry>>();
        let sentence_classes = (doc.sentences.iter())
            .map(|s| tags.get(s.tokens.clone()).unwrap_or_default().iter().fold(Class::default(), |c, t| c | t.class))
            .collect();
        Tagged { doc, tags, sentence_classes }
    }

    /// Some token of sentence `s` (an index into `sentences`) is in any of the classes `c`.
    pub fn sentence_has(&self, s: usize, c: Class) -> bool {
        self.sentence_classes.get(s).is_some_and(|u| u.has(c))
    }

    /// Token `i` is in any of the classes `c` (never past either end).
    pub fn is(&self, i: usize, c: Class) -> bool {
        self.tags.get(i).is_some_and(|t| t.class.has(c))
    }

    /// The lemma of token `i` if it is a form of an attribution verb (`cues::verb_lemma`).
    pub fn lemma(&self, i: usize) -> Option<&'static str> {
        match self.tags.get(i) {
            Some(t) if t.lemma > 0 => Some(lexicon().lemmas[t.lemma as usize]),
            _ => None,
        }
    }
}

impl Tagged<'_> {
    /// The lemma and class of token `i` if it is a form of a stance verb that is
    /// no cue by itself (`verbs::STANCE_VERBS`, `verbs::PSYCH_VERBS`).
    pub fn stance(&self, i: usize) -> Option<(&'static str, VerbClass)> {
        match self.tags.get(i) {
            Some(t) if t.stance > 0 => lexicon().stances.get(t.stance as usize).copied(),
            _ => None,
        }
    }
}

impl<'d> Deref for Tagged<'d> {
    type Target = Document<'d>;

    fn deref(&self) -> &Document<'d> {
        self.doc
    }
}

#[cfg(test)]
mod tests {
    use super::super::lemma::verb_lemma;
    use super::*;

    #[test]
    fn lists_are_lower_case() {
        for (list, _) in lists() {
            for w in list {
                assert_eq!(*w, w.to_lowercase(), "{w}");
            }
        }
    }

    /// The tags must answer what the lists and `verb_lemma` answer, for every word
    /// the lists hold, every inflection of them and some that are not words.
    #[test]
    fn tags_equal_the_lists_and_the_lemmatiser() {
        let mut words: Vec<String> = Vec::new();
        for (list, _) in lists() {
            words.extend(list.iter().map(|w| w.to_string()));
        }
        lemma_forms(|f, _| words.push(f.to_string()));
        words.extend(super::super::ANONYMITY_PHRASES.iter().flat_map(|p| p.split(' ')).map(String::from));
        let stems = words.clone();
        for w in &stems {
            for suffix in ["s", "es", "ed", "d", "ing", "ies", "ied", "ying", "ly", "ists", "ians", "'s", "’s"] {
                words.push(format!("{w}{suffix}"));
                words.push(format!("{}{suffix}", &w[..w.len().saturating_sub(1)]));
            }
            words.push(w.to_uppercase());
        }
        words.extend(["", "x", "co₂ed", "ッing", "technologists", "libertarians", "ians", "ists"].map(String::from));
        let text = words.join(" ");
        let doc = Document::new(&text);
        let tagged = Tagged::new(&doc);
        for i in 0..doc.tokens.len() {
            let w = doc.low(i);
            for (_, class) in lists() {
                let listed = lists().iter().any(|(list, c)| c.0 == class.0 && list.contains(&w));
                assert_eq!(tagged.is(i, class), listed, "{w:?} in {class:?}");
            }
            let group = VAGUE.contains(&w) || (w.len() > 7 && (w.ends_with("ists") || w.ends_with("ians")));
            assert_eq!(tagged.is(i, Class::GROUP), group, "{w:?} a group");
            let anonymous = ANONYMOUS.contains(&w) || SOURCES_PROPER.contains(&w);
            let person = anonymous || group || PERSON_SINGULAR.contains(&w) || SPOKESPEOPLE.contains(&w);
            assert_eq!(tagged.is(i, Class::PERSON_NOUN), person, "{w:?} a person noun");
            assert_eq!(class_of(w), tagged.tags[i].class, "{w:?}");
            assert_eq!(tagged.lemma(i), verb_lemma(w), "lemma of {w:?}");
            let voice = verb_lemma(w).is_some() || tagged.stance(i).is_some() || STANCE_ADJECTIVES.contains(&w);
            assert_eq!(tagged.is(i, Class::VOICE), voice, "{w:?} may voice a stance");
            let ends = super::super::ANONYMITY_PHRASES.iter().any(|p| p.ends_with(&format!(" {w}")));
            assert_eq!(tagged.is(i, Class::ANONYMITY_ENDS), ends, "{w:?} ends an anonymity phrase");
        }
        assert!(!tagged.is(doc.tokens.len(), Class::AUX) && tagged.lemma(usize::MAX).is_none());
        for (si, s) in doc.sentences.iter().enumerate() {
            for (_, class) in lists().iter().chain(&[(&[][..], Class::VOICE)]) {
                assert_eq!(tagged.sentence_has(si, *class), s.tokens.clone().any(|i| tagged.is(i, *class)));
            }
        }
        assert!(!tagged.sentence_has(doc.sentences.len(), Class::AUX));
    }

    #[test]
    fn low_is_safe_past_the_end() {
        let doc = Document::new("Hi");
        assert_eq!(low(&doc, 0), "hi");
        assert_eq!(low(&doc, 5), "");
        assert_eq!(low(&doc, usize::MAX), "");
    }
}
