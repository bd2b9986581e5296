//! Caveat's analysis core: marks hedging, vague sourcing and machine-translation
//! artifacts in a text. Pure Rust, no web dependency; `wasm` is the browser boundary.

pub mod hedging;
pub mod learned;
pub mod lexicon;
pub mod report;
pub mod rule;
pub mod sourcing;
pub mod text;
pub mod translation;

#[cfg(test)]
pub(crate) mod test_util;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use report::{Annotation, Attribution, Report, SourceKind, Summary, TranslationVerdict};
pub use rule::{Category, Rule, Strength};
pub use text::Document;

/// Loaders of the tables the analysis otherwise builds on first use (word lists,
/// models), in the order an analysis first needs them. A program about to analyse on
/// several threads can have its other threads build them, from the last one needed,
/// while the first text's thread starts on its text: that thread then builds the first
/// ones as it needs them instead of every one in turn. The tables are the same either
/// way. (The few small tables left out build in microseconds.)
pub const LOADERS: &[fn()] = &[
    hedging::load_index,
    sourcing::load_lexicon,
    || {
        text::tagger::active();
    },
    || {
        sourcing::cue_rates::bundled();
    },
    || {
        translation::model::get();
    },
];

/// Analyse a text: every mark, every attribution, and a summary.
pub fn analyze(text: &str) -> Report {
    analyze_from(text, 0)
}

/// Analyse `text`, reporting only what starts at or after byte `from`: the text
/// before it is context. A long page is analysed a chunk of paragraphs at a time,
/// each with the paragraphs before it as context, so that a pronoun resolves to a
/// source named just before the chunk and a paragraph repeating one just before it
/// is marked, as when the whole text is analysed at once. Marks, attributions and
/// counts leave the context out (the translation verdict reads it too).
pub fn analyze_from(text: &str, from: usize) -> Report {
    let doc = stage::document(text);
    // Words of the context before `from` are not this part's.
    let words = doc.word_count()
        - doc.tokens.iter().take_while(|t| t.start < from).filter(|t| t.kind != text::TokenKind::Punct).count();
    let language = match text::language::language(&doc) {
        // English only in the context: this part is not English.
        text::language::Language::Mixed(english) if english.iter().all(|r| r.end <= from) => {
            text::language::Language::Other
        }
        other => other,
    };
    if language == text::language::Language::Other {
        return Report::build("other", words, Vec::new(), Vec::new(), TranslationVerdict::default());
    }
    let mut annotations = Vec::new();
    stage::hedging(&doc, &mut annotations);
    let mut attributions = stage::sourcing(&doc, &mut annotations);
    let translation = stage::translation(&doc, &mut annotations);
    // On a page in another language, only its English paragraphs are read.
    if let text::language::Language::Mixed(english) = &language {
        let inside = |at: usize| english.iter().any(|r| r.contains(&at));
        annotations.retain(|a| inside(a.start));
        attributions.retain(|a| inside(a.cue_start));
    }
    if from > 0 {
        annotations.retain(|a| a.start >= from);
        attributions.retain(|a| a.cue_start >= from);
    }
    Report::build("en", words, annotations, attributions, translation)
}

/// The stages of `analyze`, kept out of line so that a profile (callgrind, perf) of the
/// CLI names each one instead of folding them all into `analyze`.
mod stage {
    use super::*;

    #[inline(never)]
    pub fn document(text: &str) -> Document<'_> {
        Document::new(text)
    }

    #[inline(never)]
    pub fn hedging(doc: &Document, out: &mut Vec<Annotation>) {
        hedging::detect(doc, out)
    }

    #[inline(never)]
    pub fn sourcing(doc: &Document, out: &mut Vec<Annotation>) -> Vec<Attribution> {
        sourcing::detect(doc, out)
    }

    #[inline(never)]
    pub fn translation(doc: &Document, out: &mut Vec<Annotation>) -> TranslationVerdict {
        translation::detect(doc, out)
    }
}

/// Every rule, grouped by category: the source of the hover cards and rule docs.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    hedging::RULES.iter().chain(sourcing::RULES).chain(translation::RULES).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loaders_run_and_change_no_report() {
        let text = "Officials said the plan may be delayed, according to people familiar with it.";
        let report = || serde_json::to_string(&analyze(text)).expect("serializes");
        let before = report();
        for load in LOADERS {
            load();
        }
        assert_eq!(report(), before);
    }

    #[test]
    fn rule_ids_are_unique_and_prefixed_by_category() {
        let mut ids = std::collections::HashSet::new();
        for r in rules() {
            assert!(ids.insert(r.id), "duplicate rule id {}", r.id);
            assert!(r.id.starts_with(&format!("{}/", r.category.as_str())), "{} has the wrong prefix", r.id);
            assert!(!r.message.is_empty() && !r.why.is_empty() && !r.name.is_empty(), "{} lacks docs", r.id);
        }
    }

    /// The part after the context gets the whole text's marks there, with
    /// offsets into the whole text, and counts of its own.
    #[test]
    fn analyze_from_reports_the_part_after_its_context() {
        let context = "A senior official, who spoke on condition of anonymity, said the deal was close.\n\n";
        let part =
            "He said the talks may resume, people familiar with the matter said.\n\nThe minister allegedly left.";
        let text = format!("{context}{part}");
        let whole = analyze(&text);
        let from = analyze_from(&text, context.len());
        let spans = |r: &Report| r.annotations.iter().map(|a| (a.start, a.end, a.rule.id)).collect::<Vec<_>>();
        let after: Vec<_> = spans(&whole).into_iter().filter(|a| a.0 >= context.len()).collect();
        // "He said" points back to the anonymous official: marked only with the context.
        assert_eq!(analyze(part).annotations.len() + 1, after.len());
        assert_eq!(spans(&from), after);
        assert_eq!(from.summary.words, analyze(part).summary.words);
        assert_eq!(
            from.summary.counts.get(Category::Hedging),
            after.iter().filter(|a| a.2.starts_with("hedging/")).count()
        );
        assert!(from.attributions.iter().all(|a| a.cue_start >= context.len()));
        assert_eq!(analyze_from(&text, 0).annotations.len(), whole.annotations.len());
        // Past the end: nothing reported, nothing counted.
        let none = analyze_from(&text, text.len());
        assert!(none.annotations.is_empty() && none.attributions.is_empty());
        assert_eq!(none.summary.words, 0);
    }

    /// A part in another language is "other" and counts its own words, whatever its
    /// context; English paragraphs on a foreign page keep their marks.
    #[test]
    fn languages_of_a_part_and_of_a_page() {
        let spanish =
            "El ministro dijo que el acuerdo podría firmarse la próxima semana, aunque la oposición lo rechaza.\n";
        let english = "The minister said the deal may be signed next week, officials said.\n";
        let text = format!("{english}{spanish}{spanish}{spanish}");
        let part = analyze_from(&text, english.len());
        assert_eq!(part.summary.language, "other");
        assert_eq!(part.summary.words, analyze(&spanish.repeat(3)).summary.words);
        assert!(part.annotations.is_empty());
        let page = analyze(&text);
        assert_eq!(page.summary.language, "en");
        assert!(!page.annotations.is_empty() && page.annotations.iter().all(|a| a.end <= english.len()));
    }

    #[test]
    fn empty_text_gives_an_empty_report() {
        let r = analyze("");
        assert!(r.annotations.is_empty());
        assert_eq!(r.summary.words, 0);
    }
}

#[cfg(test)]
mod registry_tests {
    use super::*;

    /// Every registered rule marks its own example, which no other rule of its category
    /// marks, and leaves its near miss alone: a rule whose doc shows a mark it does not
    /// make, or whose mark another rule takes, fails here by name.
    #[test]
    fn every_rule_marks_its_example_and_spares_its_near_miss() {
        let registries = [
            (hedging::RULES, hedging::COUNTER_EXAMPLES),
            (sourcing::RULES, sourcing::COUNTER_EXAMPLES),
            (translation::RULES, translation::COUNTER_EXAMPLES),
        ];
        let mut checked = 0;
        for (rules, near_misses) in registries {
            assert_eq!(rules.len(), near_misses.len());
            for (rule, near_miss) in rules.iter().zip(near_misses) {
                let marks = analyze(rule.example).annotations;
                let own: Vec<&str> = marks.iter().filter(|a| a.category == rule.category).map(|a| a.rule.id).collect();
                assert!(
                    !own.is_empty() && own.iter().all(|id| *id == rule.id),
                    "{}: its example {:?} got {own:?}",
                    rule.id,
                    rule.example
                );
                let hit = analyze(near_miss).annotations.iter().any(|a| a.rule.id == rule.id);
                assert!(!hit, "{}: its near miss {near_miss:?} is marked", rule.id);
                checked += 1;
            }
        }
        assert_eq!(checked, rules().count());
    }
}
