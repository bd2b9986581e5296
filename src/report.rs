//! What an analysis returns: annotations (marks) and a summary of the whole text.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::rule::{Category, Rule, Strength};

/// One mark on the text. `start..end` are UTF-8 byte offsets into the analysed text.
#[derive(Debug, Clone, Serialize)]
pub struct Annotation {
    pub category: Category,
    #[serde(rename = "rule", serialize_with = "rule_id")]
    pub rule: &'static Rule,
    pub start: usize,
    pub end: usize,
    /// The rule's reader-facing message.
    pub message: &'static str,
    pub strength: Strength,
    /// What this particular mark adds to the rule's message (e.g. "did you mean
    /// 'Committee'?", or who the source is). Empty when there is nothing to add.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

fn rule_id<S: serde::Serializer>(rule: &&'static Rule, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(rule.id)
}

impl Annotation {
    pub fn new(rule: &'static Rule, start: usize, end: usize) -> Self {
        Annotation {
            category: rule.category,
            rule,
            start,
            end,
            message: rule.message,
            strength: rule.strength,
            detail: String::new(),
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }
}

/// Who an attribution rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    NamedPerson,
    NamedOrg,
    Document,
    Pronoun,
    Unnamed,
    Vague,
}

impl SourceKind {
    pub const ALL: [SourceKind; 6] = [
        SourceKind::NamedPerson,
        SourceKind::NamedOrg,
        SourceKind::Document,
        SourceKind::Pronoun,
        SourceKind::Unnamed,
        SourceKind::Vague,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::NamedPerson => "named_person",
            SourceKind::NamedOrg => "named_org",
            SourceKind::Document => "document",
            SourceKind::Pronoun => "pronoun",
            SourceKind::Unnamed => "unnamed",
            SourceKind::Vague => "vague",
        }
    }

    /// Unnamed and vague sources are the ones a reader cannot check.
    pub fn is_flagged(self) -> bool {
        matches!(self, SourceKind::Unnamed | SourceKind::Vague)
    }
}

/// One attribution: a cue ("said", "according to") and the source it names.
#[derive(Debug, Clone, Serialize)]
pub struct Attribution {
    pub cue_start: usize,
    pub cue_end: usize,
    /// The source phrase, when there is one in the text (agentless passives have none).
    pub source_start: Option<usize>,
    pub source_end: Option<usize>,
    pub kind: SourceKind,
    /// The name the reader can check, for named sources (and pronouns resolved to one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub hedging: usize,
    pub sourcing: usize,
    pub translation: usize,
}

impl Counts {
    pub fn get(&self, c: Category) -> usize {
        match c {
            Category::Hedging => self.hedging,
            Category::Sourcing => self.sourcing,
            Category::Translation => self.translation,
        }
    }
    fn bump(&mut self, c: Category) {
        match c {
            Category::Hedging => self.hedging += 1,
            Category::Sourcing => self.sourcing += 1,
            Category::Translation => self.translation += 1,
        }
    }
}

/// "8 of 19 attributions are anonymous; quoted by name: McEnany, Ratcliffe".
#[derive(Debug, Clone, Default, Serialize)]
pub struct SourceSummary {
    pub attributions: usize,
    /// Unnamed + vague.
    pub anonymous: usize,
    pub by_kind: BTreeMap<&'static str, usize>,
    /// Named sources in order of first appearance, without repeats.
    pub named: Vec<String>,
}

/// The whole-text verdict on machine translation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TranslationVerdict {
    /// 0..1: how likely the whole text is machine translated.
    pub likelihood: f64,
    /// Too little text for the likelihood to mean much.
    pub too_short: bool,
    /// False when the model is missing (not yet loaded, or its file was bad): the
    /// likelihood is then 0 and means nothing; the rules still mark.
    pub available: bool,
    /// The main reasons, in plain words, strongest first.
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub words: usize,
    /// "en" for English; "other" for text Caveat cannot read (no marks, no verdict).
    pub language: &'static str,
    pub counts: Counts,
    pub translation_likelihood: f64,
    pub translation: TranslationVerdict,
    pub sources: SourceSummary,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Sorted by `start`, then `end`; never overlapping within a category.
    pub annotations: Vec<Annotation>,
    pub attributions: Vec<Attribution>,
    pub summary: Summary,
}

impl Report {
    pub(crate) fn build(
        language: &'static str,
        words: usize,
        mut annotations: Vec<Annotation>,
        attributions: Vec<Attribution>,
        translation: TranslationVerdict,
    ) -> Report {
        annotations = merge_overlaps(annotations);
        let mut counts = Counts::default();
        for a in &annotations {
            counts.bump(a.category);
        }
        let sources = summarize_sources(&attributions);
        Report {
            annotations,
            attributions,
            summary: Summary {
                words,
                language,
                counts,
                translation_likelihood: translation.likelihood,
                translation,
                sources,
            },
        }
    }
}

/// Sort, and fold marks of one category that overlap into the first (earliest,
/// then longest) one, widened to cover both: a reader sees one mark per phrase.
fn merge_overlaps(mut anns: Vec<Annotation>) -> Vec<Annotation> {
    anns.retain(|a| a.start < a.end);
    anns.sort_by(|a, b| {
        (a.category, a.start, std::cmp::Reverse(a.end)).cmp(&(b.category, b.start, std::cmp::Reverse(b.end)))
    });
    let mut out: Vec<Annotation> = Vec::with_capacity(anns.len());
    for a in anns {
        match out.last_mut() {
            Some(last) if last.category == a.category && a.start < last.end => {
                last.end = last.end.max(a.end);
            }
            _ => out.push(a),
        }
    }
    out.sort_by_key(|a| (a.start, a.end, a.category));
    out
}

fn summarize_sources(attributions: &[Attribution]) -> SourceSummary {
    let mut s = SourceSummary { attributions: attributions.len(), ..Default::default() };
    for kind in SourceKind::ALL {
        s.by_kind.insert(kind.as_str(), 0);
    }
    // A set beside the list: a long page can name thousands of people, and a
    // linear `contains` per attribution made the summary quadratic.
    let mut seen = std::collections::HashSet::new();
    for a in attributions {
        *s.by_kind.entry(a.kind.as_str()).or_default() += 1;
        if a.kind.is_flagged() {
            s.anonymous += 1;
        }
        if let Some(name) = &a.name {
            if seen.insert(name.as_str()) {
                s.named.push(name.clone());
            }
        }
    }
    // A later mention by a shorter form ("the Times" after "The New York Times",
    // "McEnany" after "Kayleigh McEnany") is the same source: list the full name only.
    let named = std::mem::take(&mut s.named);
    let tails: std::collections::HashSet<&str> = named
        .iter()
        .flat_map(|n| n.char_indices().filter(|&(_, c)| c == ' ').map(move |(i, _)| n[i + 1..].trim_start()))
        .collect();
    s.named = named.iter().filter(|n| !tails.contains(n.as_str())).cloned().collect();
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::Category;

    static R: Rule = Rule {
        id: "hedging/test",
        category: Category::Hedging,
        name: "t",
        message: "m",
        why: "w",
        example: "e",
        strength: Strength::Weak,
    };

    #[test]
    fn overlapping_marks_of_one_category_merge() {
        let out =
            merge_overlaps(vec![Annotation::new(&R, 5, 10), Annotation::new(&R, 0, 6), Annotation::new(&R, 10, 12)]);
        let spans: Vec<_> = out.iter().map(|a| (a.start, a.end)).collect();
        assert_eq!(spans, vec![(0, 10), (10, 12)]);
    }

    #[test]
    fn named_sources_listed_once_by_their_fullest_name() {
        let named = |names: &[Option<&str>]| {
            let attributions: Vec<Attribution> = names
                .iter()
                .map(|n| Attribution {
                    cue_start: 0,
                    cue_end: 1,
                    source_start: None,
                    source_end: None,
                    kind: if n.is_some() { SourceKind::NamedPerson } else { SourceKind::Unnamed },
                    name: n.map(str::to_owned),
                })
                .collect();
            summarize_sources(&attributions).named
        };
        let cases: &[(&[Option<&str>], &[&str])] = &[
            (&[Some("New York Times"), Some("Times"), None, Some("McEnany")], &["New York Times", "McEnany"]),
            (&[Some("McEnany"), Some("Kayleigh McEnany"), Some("McEnany")], &["Kayleigh McEnany"]),
            // Only whole words make a shorter form: "Times" is not "Stimes".
            (&[Some("Stimes"), Some("Times"), Some("Ratcliffe")], &["Stimes", "Times", "Ratcliffe"]),
            (&[Some("United States"), Some("States")], &["United States"]),
        ];
        for (names, want) in cases {
            assert_eq!(named(names), *want, "{names:?}");
        }
    }

    #[test]
    fn empty_marks_are_dropped() {
        assert!(merge_overlaps(vec![Annotation::new(&R, 3, 3)]).is_empty());
    }
}
