//! Sourcing: who is speaking, and which claims rest on no one the reader can check.
//!
//! Per sentence: find attribution cues (`cues`), take the source phrase from the cue's
//! subject, its inverted subject or the object of "according to"/"citing" (`source`),
//! decide what kind of source it is (`classify`), resolve pronouns to earlier sources
//! (`coref`), and flag anonymous and vague ones with the rule for their kind (`rules`).
//! Every attribution is returned, flagged or not: the summary counts them all.

mod classify;
mod coref;
pub mod cue_rates;
mod cues;
mod features;
pub mod gate;
mod lemma;
mod quotes;
mod rules;
mod source;
mod subjects;
mod verbs;
mod vocabulary;
mod words;

use std::ops::Range;
use std::sync::OnceLock;

use crate::lexicon::{PhraseMatch, PhraseSet};
use crate::report::{Annotation, Attribution, SourceKind};
use crate::text::Document;
use classify::{classify, Verdict};
use cue_rates::CueRates;
use cues::{Cue, CueForm};
use rules::Flag;
#[cfg(test)]
pub(crate) use rules::COUNTER_EXAMPLES;
pub use rules::RULES;
use source::Source;
use vocabulary::SOURCES_PROPER;
use words::{low, Class, Tagged};

/// How newsrooms say a source asked not to be named.
pub const ANONYMITY_PHRASES: &[&str] = &[
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

/// The last words of `ANONYMITY_PHRASES` (a test checks): a sentence without one
/// holds none of them.
pub const ANONYMITY_ENDS: &[&str] =
    &["anonymity", "named", "identified", "anonymously", "publicly", "record", "discuss", "background"];

/// Builds the word classes' lexicon (every list, every verb form) now instead of on
/// first use: `crate::LOADERS`.
pub fn load_lexicon() {
    words::load();
}

fn anonymity_phrases() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(ANONYMITY_PHRASES))
}

/// The first anonymity phrase of sentence `si`. A match ends at a whole token of
/// its last word: a sentence without one is not searched.
fn anonymity_in(doc: &Tagged, si: usize) -> Option<PhraseMatch> {
    let sentence = doc.sentences.get(si)?.tokens.clone();
    match doc.sentence_has(si, Class::ANONYMITY_ENDS) {
        true => anonymity_phrases().find_in(doc, sentence).first().copied(),
        false => None,
    }
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
fn find_source(doc: &Tagged, cue: &Cue, sentence: Range<usize>) -> Option<(Source, bool)> {
    let start = cue.tokens.start;
    let end = cue.tokens.end;
    match cue.form {
        CueForm::Agentless | CueForm::Subject => None,
        CueForm::AccordingTo | CueForm::Citing => source::after(doc, end, sentence).map(|s| (s, true)),
        CueForm::Verb => {
            let prev = start.checked_sub(1).filter(|&p| p >= sentence.start);
            if prev.is_some_and(|p| doc.is(p, Class::DETERMINERS)) {
                return None; // "the report", "a claim": a noun, not a verb
            }
            let passive = prev.is_some_and(|p| doc.is(p, Class::BE_FORMS));
            if passive && low(doc, end) == "by" {
                return source::after(doc, end + 1, sentence).map(|s| (s, true));
            }
            let after_quote = prev.is_some_and(|p| matches!(doc.tok(p), "," | "”" | "\"" | "’" | "'"));
            let lemma = doc.lemma(start).unwrap_or("");
            if after_quote && INVERTING.contains(&lemma) {
                if let Some(s) = source::after(doc, end, sentence.clone()) {
                    return Some((s, true));
                }
            }
            // No subject, no attribution: looked for first, as it needs no part of speech,
            // and most sentences whose cue has none are then never tagged.
            let src = source::before(doc, start, sentence.clone())?;
            if passive || verbs::is_passive(doc, start, sentence.start) {
                return None; // "was reported", "were mistakenly charged": agentless forms are their own cue
            }
            if verbs::modifies_noun(doc, start)
                || !verbs::is_predicate(doc, start)
                || verbs::complement_acts(doc, start)
            {
                return None; // "an official welcome", "some pointed advice", "want to limit"
            }
            verbs::agrees(doc, src.head, start).then_some((src, false))
        }
    }
}

/// A possible attribution, with what the gate needs to judge it.
struct Candidate {
    cue: Range<usize>,
    form: CueForm,
    source: Option<Source>,
    source_after: bool,
    verdict: Verdict,
    features: Vec<u32>,
    /// An attribution by its form alone, whatever the gate says.
    certain: bool,
    /// An anonymous source proper named right at a reporting verb (see `kept`).
    proper: bool,
}

impl Candidate {
    fn new(
        at: &Setting,
        sentence_start: usize,
        cue: Range<usize>,
        form: CueForm,
        found: Option<(Source, bool)>,
        verdict: Verdict,
        certain: bool,
    ) -> Self {
        let (source, source_after) = match found {
            Some((s, after)) => (Some(s), after),
            None => (None, false),
        };
        let doc = at.doc;
        let cue_rate = at.rates.of_token(doc, cue.start);
        let view = features::View {
            cue: &cue,
            form,
            source: source.as_ref(),
            source_after,
            kind: verdict.kind,
            sentence_start,
            cue_rate,
        };
        // The gate never judges a certain candidate: its features are for the trainer.
        let features = if certain && !at.every_feature { Vec::new() } else { features::of(doc, at.quotes, &view) };
        // Not a pronoun that inherited anonymity, nor "urging employees to report".
        let proper = form == CueForm::Verb
            && matches!(verdict.rule, Some(Flag::AnonymousOfficial | Flag::FamiliarWith))
            && source.as_ref().is_some_and(|s| {
                !doc.is(s.head, Class::PRONOUNS)
                    && (verdict.rule == Some(Flag::FamiliarWith) || doc.low_in(s.head, SOURCES_PROPER))
            })
            && cue.start.checked_sub(1).is_none_or(|p| low(doc, p) != "to");
        Candidate { cue, form, source, source_after, verdict, features, certain, proper }
    }

    /// Does the gate keep it? An anonymous source proper ("officials had thought",
    /// "people familiar with the plan said") needs less evidence than a group:
    /// annotators of news skip those nested in reported speech, readers do not.
    fn kept(&self, gate: &gate::Gate) -> bool {
        let threshold = if self.proper {
            gate::ANONYMOUS_THRESHOLD
        } else if self.verdict.kind.is_flagged() {
            gate::THRESHOLD
        } else {
            gate::EVEN_ODDS // not marked: the summary's count and names need no more caution
        };
        self.certain || gate.log_odds(&self.features) >= threshold
    }

    /// The marked span: the cue with its source when they are close ("officials had
    /// thought", "said the official"), else the source alone, or the cue alone.
    fn mark(&self, doc: &Document) -> (usize, usize) {
        let (cue_start, cue_end) = byte_span(doc, &self.cue);
        match &self.source {
            Some(src) if self.source_after => (cue_start, byte_span(doc, &src.tokens).1),
            Some(src) => {
                let (b, e) = byte_span(doc, &src.tokens);
                let gap = self.cue.start.saturating_sub(src.tokens.end);
                if src.appositive.is_none() && gap <= 4 {
                    (b, cue_end)
                } else {
                    (b, e)
                }
            }
            None => (cue_start, cue_end),
        }
    }
}

/// What every candidate of a document is judged against.
struct Setting<'a> {
    doc: &'a Tagged<'a>,
    quotes: &'a quotes::Quotes<'a>,
    rates: &'a CueRates,
    /// The features of every candidate, the certain ones' too (for the trainer).
    every_feature: bool,
}

/// Every candidate attribution in text order of sentences: cue-led ones (a reporting
/// verb, "according to", an agentless passive) and group subjects.
fn candidates(doc: &Document, rates: &CueRates, every_feature: bool) -> Vec<Candidate> {
    let doc = &Tagged::new(doc);
    let quotes = quotes::Quotes::new(doc);
    let at = &Setting { doc, quotes: &quotes, rates, every_feature };
    let mut history = coref::History::default();
    let mut out: Vec<Candidate> = Vec::new();
    // One flag per token of the sentence; the buffer is kept from one sentence to the next.
    let mut taken: Vec<bool> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let range = s.tokens.clone();
        let anonymous_here = anonymity_in(doc, si);
        let before = out.len();
        // A cue starts at a form of an attribution verb (all of class `VOICE`) or a
        // word of these classes (`cues::find`): where none is, none is looked for.
        let may_cue = doc.sentence_has(si, Class::VOICE | Class::CUE_OPENERS | Class::BE_FORMS | Class::SAID_TO);
        for cue in if may_cue { cues::find(doc, range.clone()) } else { Vec::new() } {
            if anonymous_here.is_some_and(|m| cue.tokens.start < m.last && m.first < cue.tokens.end) {
                continue; // "asked not to be named" is the anonymity, not a cue of its own
            }
            let found = find_source(doc, &cue, range.clone());
            if found.is_none() && cue.form != CueForm::Agentless {
                continue;
            }
            let mut verdict = match &found {
                None => Verdict { kind: SourceKind::Vague, rule: Some(Flag::Agentless), name: None, plural: false },
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
                verdict.rule = Some(Flag::AnonymityGranted);
            }
            if found.is_some() {
                history.push(si, verdict.clone());
            }
            // "according to X", "citing X" and "on condition of anonymity" make X a source
            // whatever the gate thinks of the group named.
            let by_form = matches!(cue.form, CueForm::AccordingTo | CueForm::Citing) || anonymous_here.is_some();
            // "P1 said", "the Pentagon told": a name right before "say" or "tell" is an
            // attribution by its form, whatever the hashed name's weight in the gate.
            let named = matches!(verdict.kind, SourceKind::NamedPerson | SourceKind::NamedOrg);
            let adjacent = found.as_ref().is_some_and(|(s, after)| s.tokens.end == cue.tokens.start && !after);
            let certain = by_form || (named && adjacent && matches!(doc.lemma(cue.tokens.start), Some("say" | "tell")));
            out.push(Candidate::new(at, range.start, cue.tokens, cue.form, found, verdict, certain));
        }
        let cue_led = before..out.len();
        taken.clear();
        taken.resize(range.len(), false);
        for c in &out[cue_led.clone()] {
            for i in c.cue.clone().chain(c.source.as_ref().map_or(0..0, |s| s.tokens.clone())) {
                if let Some(t) = i.checked_sub(range.start).and_then(|k| taken.get_mut(k)) {
                    *t = true;
                }
            }
        }
        // "Officials have offered cash, the source said": what comes before a trailing
        // attribution is its content, and the groups in it are not speaking.
        let content_end = out[cue_led.clone()]
            .iter()
            .filter_map(|c| c.source.as_ref().map(|s| s.tokens.start.min(c.cue.start)))
            .filter(|&first| first > range.start && doc.tok(first - 1) == ",")
            .max()
            .unwrap_or(range.start);
        // Only a group voicing a stance is kept: where none can, none is looked for.
        // A group voices a stance through a word of class `VOICE`, or through a stance
        // noun before a holder link, which may start the next sentence.
        let voiced = doc.sentence_has(si, Class::VOICE | Class::HOLDER_LINKS) || doc.is(range.end, Class::HOLDER_LINKS);
        let groups = match voiced && subjects::any_stance(doc, at.rates, range.clone(), &taken) {
            true => subjects::find(doc, at.rates, range.clone(), &taken),
            false => Vec::new(),
        };
        for subject in groups {
            if subject.source.tokens.start < content_end || subject.class != verbs::VerbClass::Stance {
                continue; // content of another's report, or a group acting rather than saying
            }
            let verdict = classify(doc, &subject.source);
            if !verdict.kind.is_flagged() {
                continue;
            }
            if verdict.plural {
                // "they" may point back to a group; "he" and "she" rarely to a passing mention.
                history.push(si, verdict.clone());
            }
            let found = Some((subject.source, subject.agent));
            out.push(Candidate::new(at, range.start, subject.predicate, CueForm::Subject, found, verdict, false));
        }
        nesting_features(&mut out[before..], cue_led.len());
        if let (Some(m), true) = (anonymous_here, out.len() == before) {
            // "…, who asked not to be named": the anonymity itself is the attribution.
            let verdict =
                Verdict { kind: SourceKind::Unnamed, rule: Some(Flag::AnonymityGranted), name: None, plural: false };
            out.push(Candidate::new(at, range.start, m.first..m.last, CueForm::Agentless, None, verdict, true));
        }
    }
    out
}

/// Whether another cue-led attribution shares the sentence, before or after: a group
/// inside what someone else reports ("…, the source said") is content, not a source.
/// `cands` are one sentence's candidates, the first `cue_led` of them cue-led.
fn nesting_features(cands: &mut [Candidate], cue_led: usize) {
    let first = cands[..cue_led].iter().map(|c| c.cue.start).min();
    let last = cands[..cue_led].iter().map(|c| c.cue.start).max();
    // Not for a certain candidate left without features (`Setting::every_feature`).
    for c in cands.iter_mut().filter(|c| !c.features.is_empty()) {
        let at = c.cue.start;
        let before = first.is_some_and(|s| s < at);
        let after = last.is_some_and(|s| s > at);
        let value = match (before, after) {
            (false, false) => "alone",
            (true, false) => "after-another",
            (false, true) => "before-another",
            (true, true) => "between",
        };
        c.features.push(gate::hash_with(const { gate::Prefix::new("nesting") }, value));
    }
}

/// One candidate as the trainer sees it: byte spans, kind and features.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct TrainingCandidate {
    pub source: Option<(usize, usize)>,
    pub cue: (usize, usize),
    pub kind: SourceKind,
    pub features: Vec<u32>,
    /// What a mark would cover, and the bundled gate's score.
    pub mark: (usize, usize),
    pub score: f32,
    /// Kept whatever the score (see `Candidate::certain`).
    pub certain: bool,
    /// Kept by the bundled gate.
    pub kept: bool,
    /// A group subject without a cue word.
    pub subject: bool,
}

/// The candidates of `text` for `cargo xtask train-sourcing`, with `gate`'s
/// scores, none dropped.
#[doc(hidden)]
pub fn training_candidates(text: &str, gate: &gate::Gate, rates: &CueRates) -> Vec<TrainingCandidate> {
    let doc = Document::new(text);
    candidates(&doc, rates, true)
        .into_iter()
        .map(|c| TrainingCandidate {
            source: c.source.as_ref().map(|s| byte_span(&doc, &s.tokens)),
            cue: byte_span(&doc, &c.cue),
            kind: c.verdict.kind,
            mark: c.mark(&doc),
            score: gate.score(&c.features),
            kept: c.kept(gate),
            certain: c.certain,
            subject: c.form == CueForm::Subject,
            features: c.features,
        })
        .collect()
}

pub fn detect(doc: &Document, out: &mut Vec<Annotation>) -> Vec<Attribution> {
    let gate = gate::bundled();
    let mut attributions = Vec::new();
    for c in candidates(doc, cue_rates::bundled(), false) {
        if !c.kept(gate) {
            continue;
        }
        if let (Some(rule), true) = (c.verdict.rule, c.verdict.kind.is_flagged()) {
            let (start, end) = c.mark(doc);
            out.push(Annotation::new(rule.rule(), start, end));
        }
        let (cue_start, cue_end) = byte_span(doc, &c.cue);
        let src_span = c.source.as_ref().map(|s| byte_span(doc, &s.tokens));
        attributions.push(Attribution {
            cue_start,
            cue_end,
            source_start: src_span.map(|(b, _)| b),
            source_end: src_span.map(|(_, e)| e),
            kind: c.verdict.kind,
            name: c.verdict.name,
        });
    }
    attributions
}

#[cfg(test)]
mod tests {
    use crate::analyze;
    use crate::report::SourceKind;

    #[test]
    fn every_attribution_is_listed_with_its_kind() {
        let text = "Kayleigh McEnany said it was false. The Pentagon said in a statement that the report was old. \
                    It was a weak report, he said. Critics say it failed. The source said it was true. He added: no.";
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
    fn group_subjects_with_any_verb_pass_the_gate_when_they_voice_a_stance() {
        use crate::rule::Category::Sourcing;
        use crate::test_util::assert_marks;
        let cases: &[(&str, &[&str])] = &[
            ("Activists demanded a recount.", &["Activists demanded"]),
            ("Some lawmakers have questioned the deal.", &["Some lawmakers have questioned"]),
            // A group as object, and a group in what a named source reports.
            ("The agency hired experts on Monday.", &[]),
            ("Protesters blocked the road, Mayor Jennifer Roberts said.", &[]),
        ];
        for (text, want) in cases {
            assert_marks(Sourcing, text, want);
        }
    }

    /// A group is a source when it says or believes, not when it acts, is acted on,
    /// is the author's own, or works for a named firm.
    #[test]
    fn groups_that_act_are_no_sources() {
        use crate::rule::Category::Sourcing;
        use crate::test_util::assert_marks;
        let cases: &[(&str, &[&str])] = &[
            ("Protesters said the police charged.", &["Protesters said"]),
            ("Protesters marched to the capitol.", &[]),
            ("Voters blocked the road on Monday.", &[]),
            ("Top male executives earned a median salary of $100,000.", &[]),
            ("Users are recommended to update the app.", &[]),
            ("People were mistakenly charged fees.", &[]),
            ("My friends know the answer.", &[]),
            ("Analysts at Goldman Sachs said the rally would fade.", &[]),
            ("Critics call it a ploy.", &["Critics call"]),
            ("Many experts believe the plan will fail.", &["Many experts believe"]),
            // A participle after a noun modifies it; a verb in "-s" does not agree with a plural.
            ("He defended people accused of murder.", &[]),
            ("Taxpayers reporting gains would pay more.", &[]),
            ("A slide shown to business leaders shows the cost.", &[]),
            (
                "Regulators and environmental groups worried that the deal would fail.",
                &["Regulators and environmental groups worried"],
            ),
            // What follows the verb: an aim, a feeling, a crowd acting, an instruction.
            ("Some lawmakers want to cut the budget.", &[]),
            ("West Virginia officials felt comfortable with the plan.", &[]),
            ("Other countries are considering similar steps.", &[]),
            ("Students protested outside the administration building.", &[]),
            ("Fans cheered as the team took the field.", &[]),
            ("Readers are encouraged to send tips.", &[]),
            ("Two employees charged with fraud resigned.", &[]),
            ("He was given an official welcome by a band.", &[]),
            ("Unions have protested that pay is too low.", &["Unions have protested"]),
            ("Many voters feel the plan is unfair.", &["Many voters feel"]),
            // A wish, a taste, a request, a decision, a charge, a thing found.
            ("Everyone had hoped for a warmer day.", &[]),
            ("Some residents would like to see the hall rebuilt.", &[]),
            ("Some like the new bridge.", &[]),
            ("Anyone who does not like acronyms can use its nickname.", &[]),
            ("Commuters ask for a later train.", &[]),
            ("Several nations agreed to share the cost.", &[]),
            ("Delegates must now agree on a budget.", &[]),
            ("Many economists agree on who should pay.", &["Many economists agree"]),
            ("Prosecutors will not charge the mayor.", &[]),
            ("Critics charge that the mayor lied.", &["Critics charge"]),
            ("Police officers found the badly injured cyclist lying on the road.", &[]),
            ("Inspectors found the cargo door inside the hangar.", &[]),
            ("Investigators found the pilot had been drinking.", &["Investigators found"]),
            ("Board members must disclose any gifts.", &[]),
            ("Scientists call the brighter star HD 1234.", &[]),
            ("Critics call the plan a ploy.", &["Critics call"]),
            ("She is someone who knows how to listen.", &[]),
            ("He worked as an engineer for the United States Geological Survey.", &[]),
            // The object of a preposition is not the subject of the verb after it.
            ("The cause of a crash involving a van driven by a young man is still not clear.", &[]),
        ];
        for (text, want) in cases {
            assert_marks(Sourcing, text, want);
        }
        let r = analyze("Analysts at Goldman Sachs said the rally would fade.");
        assert_eq!(r.summary.sources.named, vec!["Goldman Sachs".to_string()]);
        assert_eq!(r.summary.sources.anonymous, 0);
    }

    #[test]
    fn only_sources_proper_get_the_lenient_threshold() {
        let cases = [
            ("Officials said it was over.", true),
            ("An aide had thought it was over.", true),
            ("People familiar with the plan said it was over.", true),
            ("Leaders agreed it was over.", false),
            ("Some judges are eager to end it.", false),
            ("Critics said it was over.", false),
        ];
        for (text, want) in cases {
            let doc = crate::text::Document::new(text);
            let got = super::candidates(&doc, super::cue_rates::bundled(), false).iter().any(|c| c.proper);
            assert_eq!(got, want, "{text:?}");
        }
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
            // A doubled last byte that is no doubled consonant: "₂" is E2 82 82, "ッ" E3 83 83.
            "The CO₂ed gas, ッing, ッed",
            // A group subject at the very end: nothing after it to read.
            "Critics",
            "Critics,",
            "Critics, in",
            "many of whom",
            "Democrats and",
        ] {
            let _ = analyze(t);
        }
    }

    /// Searched a sentence at a time, only where a last word is, the phrases are
    /// found as a search of the whole text finds them.
    #[test]
    fn anonymity_is_found_in_sentences_as_in_the_whole_text() {
        let text = "He spoke on condition of anonymity. An English-speaking on condition of anonymity aide \
                    left. They asked not to be named.\nOfficials, who requested anonymity, said so. He declined \
                    to be identified, and she spoke on background. Not authorized to speak publicly, he said. \
                    On condition that he not be named, officials said. He outspoke on background. Asked not \
                    to be namedx. On the\ncondition of anonymity. “Asked not to be named,” he said. Named.";
        let doc = crate::text::Document::new(text);
        let tagged = super::Tagged::new(&doc);
        let all = super::anonymity_phrases().find_all(&doc);
        assert!(all.len() >= 7, "{all:?}");
        for (si, s) in doc.sentences.iter().enumerate() {
            let want = all.iter().find(|m| s.tokens.contains(&m.first)).copied();
            assert_eq!(super::anonymity_in(&tagged, si), want, "{:?}", doc.sentence_text(s));
        }
    }

    #[test]
    fn anonymity_ends_are_the_phrases_last_words() {
        let mut lasts: Vec<&str> = super::ANONYMITY_PHRASES.iter().filter_map(|p| p.split(' ').next_back()).collect();
        lasts.sort_unstable();
        lasts.dedup();
        let mut ends = super::ANONYMITY_ENDS.to_vec();
        ends.sort_unstable();
        assert_eq!(ends, lasts);
    }

    #[test]
    fn anonymity_phrases_suit_the_token_matcher() {
        for p in super::ANONYMITY_PHRASES {
            let words: Vec<&str> = p.split(' ').collect();
            assert!(crate::lexicon::PhraseSet::supports(&words), "{p:?}");
        }
    }
}
