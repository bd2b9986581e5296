//! Sourcing: who is speaking, and which claims rest on no one the reader can check.
//!
//! Per sentence: find attribution cues (`cues`), take the source phrase from the cue's
//! subject, its inverted subject or the object of "according to"/"citing" (`source`),
//! decide what kind of source it is (`classify`), resolve pronouns to earlier sources
//! (`coref`), and flag anonymous and vague ones with the rule for their kind (`rules`).
//! Every attribution is returned, flagged or not: the summary counts them all.

mod classify;
mod coref;
mod cues;
mod rules;
mod source;
mod words;

use std::ops::Range;
use std::sync::OnceLock;

use crate::lexicon::{PhraseMatch, PhraseSet};
use crate::report::{Annotation, Attribution, SourceKind};
use crate::rule::Rule;
use crate::text::Document;
use classify::{classify, Verdict};
use cues::{Cue, CueForm};
pub use rules::{AGENTLESS, ANONYMITY_GRANTED, ANONYMOUS_OFFICIAL, FAMILIAR_WITH, UNNAMED_PERSON, WEASEL_GROUP};
use source::Source;
use words::{low, BE_FORMS, DETERMINERS};

pub static RULES: &[&Rule] =
    &[&ANONYMOUS_OFFICIAL, &FAMILIAR_WITH, &ANONYMITY_GRANTED, &UNNAMED_PERSON, &WEASEL_GROUP, &AGENTLESS];

/// How newsrooms say a source asked not to be named.
const ANONYMITY_PHRASES: &[&str] = &[
    "on condition of anonymity",
    "on the condition of anonymity",
    "on a condition of anonymity",
    "on condition that he not be named",
    "on condition that she not be named",
    "on condition that they not be named",
    "on condition that he not be identified",
    "on condition that she not be identified",
    "on condition that they not be identified",
    "on the condition that he not be named",
    "on the condition that she not be named",
    "on the condition that they not be named",
    "asked not to be named",
    "asked not to be identified",
    "declined to be named",
    "declined to be identified",
    "refused to be named",
    "refused to be identified",
    "requested anonymity",
    "insisted on anonymity",
    "speaking anonymously",
    "spoke anonymously",
    "not authorized to speak publicly",
    "not authorized to speak on the record",
    "not authorized to discuss",
    "speaking on background",
    "spoke on background",
    "speaking on condition of anonymity",
];

fn anonymity_phrases() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(ANONYMITY_PHRASES))
}

/// Verbs that invert with their subject after a quote: "“…,” said the official".
const INVERTING: &[&str] = &[
    "say",
    "add",
    "write",
    "ask",
    "tweet",
    "note",
    "explain",
    "recall",
    "insist",
    "argue",
    "warn",
    "declare",
    "reply",
    "respond",
    "quip",
    "joke",
    "observe",
    "complain",
    "remark",
    "state",
    "conclude",
    "predict",
    "acknowledge",
    "admit",
    "announce",
    "counter",
    "suggest",
    "claim",
    "report",
    "continue",
];

fn byte_span(doc: &Document, tokens: &Range<usize>) -> (usize, usize) {
    let start = doc.tokens.get(tokens.start).map_or(0, |t| t.start);
    let end = tokens.end.checked_sub(1).and_then(|i| doc.tokens.get(i)).map_or(start, |t| t.end);
    (start, end)
}

/// Where the source of `cue` is, and whether it comes after the cue.
fn find_source(doc: &Document, cue: &Cue, sentence: Range<usize>) -> Option<(Source, bool)> {
    let start = cue.tokens.start;
    let end = cue.tokens.end;
    match cue.form {
        CueForm::Agentless => None,
        CueForm::AccordingTo | CueForm::Citing => source::after(doc, end, sentence).map(|s| (s, true)),
        CueForm::Verb => {
            let prev = start.checked_sub(1).filter(|&p| p >= sentence.start);
            if prev.is_some_and(|p| DETERMINERS.contains(&low(doc, p))) {
                return None; // "the report", "a claim": a noun, not a verb
            }
            let passive = prev.is_some_and(|p| BE_FORMS.contains(&low(doc, p)));
            if passive && low(doc, end) == "by" {
                return source::after(doc, end + 1, sentence).map(|s| (s, true));
            }
            let after_quote = prev.is_some_and(|p| matches!(doc.tok(p), "," | "”" | "\"" | "’" | "'"));
            let lemma = cues::verb_lemma(low(doc, start)).unwrap_or("");
            if after_quote && INVERTING.contains(&lemma) {
                if let Some(s) = source::after(doc, end, sentence.clone()) {
                    return Some((s, true));
                }
            }
            if passive {
                return None; // "was reported", "is believed": agentless forms are their own cue
            }
            source::before(doc, start, sentence).map(|s| (s, false))
        }
    }
}

pub fn detect(doc: &Document, out: &mut Vec<Annotation>) -> Vec<Attribution> {
    let anonymity: Vec<PhraseMatch> = anonymity_phrases().find_all(doc);
    let mut history = coref::History::default();
    let mut attributions = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let range = s.tokens.clone();
        let anonymous_here = anonymity.iter().find(|m| range.contains(&m.first));
        let before = attributions.len();
        for cue in cues::find(doc, range.clone()) {
            if anonymous_here.is_some_and(|m| cue.tokens.start < m.last && m.first < cue.tokens.end) {
                continue; // "asked not to be named" is the anonymity, not a cue of its own
            }
            let found = find_source(doc, &cue, range.clone());
            if found.is_none() && cue.form != CueForm::Agentless {
                continue;
            }
            let mut verdict = match &found {
                None => Verdict { kind: SourceKind::Vague, rule: Some(&AGENTLESS), name: None, plural: false },
                Some((src, _)) => {
                    let v = classify(doc, src);
                    if v.kind == SourceKind::Pronoun && src.tokens.len() == 1 {
                        history.resolve(low(doc, src.head), si)
                    } else {
                        v
                    }
                }
            };
            if anonymous_here.is_some() && !matches!(verdict.kind, SourceKind::NamedPerson | SourceKind::NamedOrg) {
                verdict.kind = SourceKind::Unnamed;
                verdict.rule = Some(&ANONYMITY_GRANTED);
            }
            let (cue_start, cue_end) = byte_span(doc, &cue.tokens);
            let src_span = found.as_ref().map(|(src, _)| byte_span(doc, &src.tokens));
            if let (Some(rule), true) = (verdict.rule, verdict.kind.is_flagged()) {
                let (start, end) = match (&found, src_span) {
                    (Some((_, true)), Some((_, e))) => (cue_start, e),
                    (Some((src, false)), Some((b, e))) => {
                        // Subject and cue together when they are close: "officials had thought".
                        let gap = cue.tokens.start.saturating_sub(src.tokens.end);
                        if src.appositive.is_none() && gap <= 4 {
                            (b, cue_end)
                        } else {
                            (b, e)
                        }
                    }
                    _ => (cue_start, cue_end),
                };
                out.push(Annotation::new(rule, start, end));
            }
            if found.is_some() {
                history.push(si, verdict.clone());
            }
            attributions.push(Attribution {
                cue_start,
                cue_end,
                source_start: src_span.map(|(b, _)| b),
                source_end: src_span.map(|(_, e)| e),
                kind: verdict.kind,
                name: verdict.name,
            });
        }
        if let (Some(m), true) = (anonymous_here, attributions.len() == before) {
            // "…, who asked not to be named": the anonymity itself is the attribution.
            let (start, end) = byte_span(doc, &(m.first..m.last));
            out.push(Annotation::new(&ANONYMITY_GRANTED, start, end));
            attributions.push(Attribution {
                cue_start: start,
                cue_end: end,
                source_start: None,
                source_end: None,
                kind: SourceKind::Unnamed,
                name: None,
            });
        }
    }
    attributions
}

#[cfg(test)]
mod tests {
    use crate::analyze;
    use crate::report::SourceKind;

    #[test]
    fn every_attribution_is_listed_with_its_kind() {
        let text = "Kayleigh McEnany said it was false. The Pentagon said in a statement that it agreed. \
                    Critics say it failed. The source said it was true. He added: no.";
        let r = analyze(text);
        let kinds: Vec<SourceKind> = r.attributions.iter().map(|a| a.kind).collect();
        use SourceKind::*;
        assert_eq!(kinds, vec![NamedPerson, NamedOrg, Pronoun, Vague, Unnamed, Unnamed]);
        assert_eq!(r.summary.sources.anonymous, 3);
        assert_eq!(r.summary.sources.named, vec!["McEnany".to_string(), "Pentagon".to_string()]);
    }

    #[test]
    fn pronouns_take_the_kind_of_their_antecedent() {
        let r = analyze("John Ratcliffe said it was false. He added that it was old.");
        assert_eq!(r.attributions.len(), 2);
        assert_eq!(r.attributions[1].kind, SourceKind::Pronoun);
        assert_eq!(r.attributions[1].name.as_deref(), Some("Ratcliffe"));
        assert!(r.annotations.is_empty());
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in [
            "",
            "said",
            "according to",
            "citing",
            ", said",
            "It was",
            "“,” said",
            "who said",
            "He, said",
            "a, b, said the",
        ] {
            let _ = analyze(t);
        }
    }
}
