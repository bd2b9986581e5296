//! Hedging on the Szeged Uncertainty Corpus (`corpus::szeged`): sentence level (the
//! uncertain class against sentences with a hedging mark), cue level, and the recall
//! of uncertainty that is not hedging (condition, investigation), for information.

use caveat::Category;

use crate::corpus::szeged::{SzegedDoc, INFO_TYPES};
use crate::metrics::{match_spans, overlaps, Counts, Span};

use super::row::Row;

/// Scores of one split: sentence level, cue level and info-only cue recall per type.
#[derive(Debug, Default)]
pub struct Scores {
    pub sentence: Counts,
    pub cue: Counts,
    /// Recall of condition / investigation cues (found, total).
    pub info: [Counts; 2],
    /// Missed hedge cues and false hedging marks, as text (for -v).
    pub missed: Vec<String>,
    pub extra: Vec<String>,
}

/// A document's hedging marks as byte spans into its text.
pub fn hedging_marks(report: &caveat::Report) -> Vec<Span> {
    report.annotations.iter().filter(|a| a.category == Category::Hedging).map(|a| (a.start, a.end)).collect()
}

/// Score one document's hedging marks (byte spans into `doc.text`).
pub fn score_doc(doc: &SzegedDoc, marks: &[Span], s: &mut Scores) {
    let hedges: Vec<Span> = doc.cues.iter().filter(|c| c.is_hedge()).map(|c| c.span).collect();
    for &b in &doc.sentences {
        let gold = hedges.iter().any(|&c| overlaps(c, b));
        let pred = marks.iter().any(|&m| overlaps(m, b));
        s.sentence.add(Counts {
            tp: (gold && pred) as usize,
            fn_: (gold && !pred) as usize,
            fp: (pred && !gold) as usize,
            predicted: pred as usize,
        });
    }
    let items: Vec<Vec<Span>> = hedges.iter().map(|&c| vec![c]).collect();
    s.cue.add(match_spans(&items, &hedges, marks));
    for (i, kind) in INFO_TYPES.iter().enumerate() {
        let items: Vec<Vec<Span>> = doc.cues.iter().filter(|c| c.kind == *kind).map(|c| vec![c.span]).collect();
        s.info[i].add(match_spans(&items, &[], marks));
    }
    for c in doc.cues.iter().filter(|c| c.is_hedge()) {
        if !marks.iter().any(|&m| overlaps(m, c.span)) {
            s.missed.push(c.text.to_lowercase());
        }
    }
    for &m in marks {
        if !hedges.iter().any(|&c| overlaps(m, c)) {
            s.extra.push(doc.text.get(m.0..m.1).unwrap_or("").to_lowercase());
        }
    }
}

pub fn score(docs: &[SzegedDoc], dataset: &str) -> Result<Scores, String> {
    let mut s = Scores::default();
    for (i, doc) in docs.iter().enumerate() {
        let report = super::analyze(&doc.text, || format!("{dataset} document {i} of the split"))?;
        score_doc(doc, &hedging_marks(&report), &mut s);
    }
    Ok(s)
}

pub fn rows(dataset: &str, split: &str, s: &Scores) -> Vec<Row> {
    let mut rows = vec![
        Row::prf("hedging", dataset, split, "sentence", s.sentence),
        Row::prf("hedging", dataset, split, "cue", s.cue),
    ];
    for (i, kind) in INFO_TYPES.iter().enumerate() {
        let c = s.info[i];
        let mut r = Row::new("hedging", dataset, split, &format!("cue:{kind}"), c.gold()).info();
        r.recall = Some(c.recall());
        rows.push(r);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::szeged::parse;

    const FIXTURE: &str = r#"<Annotation><Document><Sentence id="S1.1">Café owners <ccue type="speculation_modal_may_">x</ccue>said it <ccue type="speculation_modal_possible_">may</ccue> rain.</Sentence><Sentence id="S1.2">Ask <ccue type="speculation_hypo_investigation _">whether</ccue> A&amp;B <ccue type="speculation_hypo_doxastic _">believe</ccue> it.</Sentence></Document>
<Document><Sentence id="S1.1">Plain — text.</Sentence></Document></Annotation>"#;

    #[test]
    fn scores_sentences_cues_and_info_types() {
        let docs = parse(FIXTURE).unwrap();
        let d = &docs[0];
        // Marks: "may" (a hedge cue, sentence 1), "whether" (investigation: not hedging,
        // so a false cue but sentence 2 is gold-uncertain through "believe").
        let may = d.text.find("may").unwrap();
        let whether = d.text.find("whether").unwrap();
        let marks = [(may, may + 3), (whether, whether + 7)];
        let mut s = Scores::default();
        score_doc(d, &marks, &mut s);
        score_doc(&docs[1], &[], &mut s);
        assert_eq!(s.sentence, Counts { tp: 2, fn_: 0, fp: 0, predicted: 2 });
        assert_eq!(s.cue, Counts { tp: 1, fn_: 1, fp: 1, predicted: 2 });
        assert_eq!(s.info[1], Counts { tp: 1, fn_: 0, fp: 2, predicted: 2 });
        assert_eq!(s.info[0].gold(), 0);
        assert_eq!(s.missed, vec!["believe"]);
        assert_eq!(s.extra, vec!["whether"]);
    }
}
