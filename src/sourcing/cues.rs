//! Attribution cues: the words that tell the reader someone said, wrote, reported,
//! believes or wants something. Found per sentence, in text order.

use std::ops::Range;

use super::words::{low, Class, Tagged};

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

/// Every cue in a sentence, in text order, not overlapping.
pub fn find(doc: &Tagged, sentence: Range<usize>) -> Vec<Cue> {
    let mut out = Vec::new();
    let mut i = sentence.start;
    while i < sentence.end {
        if doc.lemma(i).is_none() && !doc.is(i, Class::CUE_OPENERS | Class::BE_FORMS | Class::SAID_TO) {
            i += 1;
            continue;
        }
        // Byte comparisons (`low_is`): no `str` slice of the token to make.
        let next_is_to = doc.low_is(i + 1, "to");
        let cue = if doc.low_is(i, "according") && next_is_to {
            Some(Cue { tokens: i..i + 2, form: CueForm::AccordingTo })
        } else if doc.low_is(i, "citing") {
            Some(Cue { tokens: i..i + 1, form: CueForm::Citing })
        } else if let Some(end) = agentless(doc, i, sentence.end) {
            Some(Cue { tokens: i..end, form: CueForm::Agentless })
        } else if let Some(end) = stance_predicate(doc, i, sentence.end) {
            Some(Cue { tokens: i..end, form: CueForm::Verb })
        } else if doc.is(i, Class::SAID_TO) && next_is_to && doc.is(i.wrapping_sub(1), Class::BE_FORMS) {
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
    if !doc.low_is(i, "it") {
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
}
