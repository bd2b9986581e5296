//! Hedging on the Szeged Uncertainty Corpus (FactBank news, Wikipedia): inline
//! `<ccue type="…">` cues inside `<Sentence>`s, grouped in `<Document>`s.
//!
//! Each document is analysed as one text: its sentences joined with a space (as
//! `shared/tools/score_hedging.py` does). Cue spans are built as UTF-8 byte offsets
//! while the sentence text is assembled, so no code-point conversion is needed.

use caveat::Category;

use super::metrics::{match_spans, overlaps, Counts, Span};
use super::row::Row;
use super::xml::{Event, Reader};

/// What Caveat calls hedging: probable, possible and doxastic cues.
const HEDGE_TYPES: [&str; 3] = ["probable", "possible", "doxastic"];
/// Reported apart, as information: uncertainty that is not hedging.
pub const INFO_TYPES: [&str; 2] = ["condition", "investigation"];

#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub span: Span,
    /// The cue type with the `speculation_…_` decoration removed: `probable`, `condition`…
    pub kind: String,
    pub text: String,
}

#[derive(Debug, Default, PartialEq)]
pub struct SzegedDoc {
    pub text: String,
    /// Each sentence's byte span in `text`.
    pub sentences: Vec<Span>,
    /// Every cue, byte offsets into `text`.
    pub cues: Vec<Cue>,
}

impl SzegedDoc {
    fn is_hedge(c: &Cue) -> bool {
        HEDGE_TYPES.contains(&c.kind.as_str())
    }
}

/// `speculation_modal_probable_` → `probable`, `speculation_hypo_doxastic _` → `doxastic`.
fn cue_kind(ty: &str) -> String {
    let t = ty.trim().trim_end_matches('_').trim();
    t.rsplit('_').next().unwrap_or(t).to_string()
}

/// Parse a Szeged XML file into documents.
pub fn parse(src: &str) -> Result<Vec<SzegedDoc>, String> {
    let mut docs: Vec<SzegedDoc> = Vec::new();
    let mut sentence: Option<usize> = None; // start byte of the open sentence in the current doc
    let mut open_cue: Option<(usize, String)> = None;
    let mut reader = Reader::new(src);
    while let Some(ev) = reader.next_event() {
        match ev? {
            Event::Start { name: "Document", .. } => docs.push(SzegedDoc::default()),
            Event::Start { name: "Sentence", .. } => {
                let doc = docs.last_mut().ok_or("<Sentence> outside a <Document>")?;
                // As score_hedging.py: a space before every sentence but when the text is empty.
                if !doc.text.is_empty() {
                    doc.text.push(' ');
                }
                sentence = Some(doc.text.len());
            }
            Event::End { name: "Sentence" } => {
                let start = sentence.take().ok_or("</Sentence> without <Sentence>")?;
                let doc = docs.last_mut().ok_or("</Sentence> outside a <Document>")?;
                doc.sentences.push((start, doc.text.len()));
            }
            Event::Start { name: "ccue", attrs } => {
                let doc = docs.last_mut().ok_or("<ccue> outside a <Document>")?;
                if sentence.is_none() || open_cue.is_some() {
                    return Err("<ccue> outside a sentence or nested".into());
                }
                let ty = attrs.into_iter().find(|(k, _)| *k == "type").map(|(_, v)| v).unwrap_or_default();
                open_cue = Some((doc.text.len(), ty));
            }
            Event::End { name: "ccue" } => {
                let (start, ty) = open_cue.take().ok_or("</ccue> without <ccue>")?;
                let doc = docs.last_mut().ok_or("</ccue> outside a <Document>")?;
                let end = doc.text.len();
                let text = doc.text[start..end].to_string();
                doc.cues.push(Cue { span: (start, end), kind: cue_kind(&ty), text });
            }
            Event::Text(t) if sentence.is_some() => {
                if let Some(doc) = docs.last_mut() {
                    doc.text.push_str(&t);
                }
            }
            _ => {}
        }
    }
    Ok(docs)
}

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

/// Score one document's hedging marks (byte spans into `doc.text`).
pub fn score_doc(doc: &SzegedDoc, marks: &[Span], s: &mut Scores) {
    let hedges: Vec<Span> = doc.cues.iter().filter(|c| SzegedDoc::is_hedge(c)).map(|c| c.span).collect();
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
    for c in doc.cues.iter().filter(|c| SzegedDoc::is_hedge(c)) {
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
        let marks: Vec<Span> =
            report.annotations.iter().filter(|a| a.category == Category::Hedging).map(|a| (a.start, a.end)).collect();
        score_doc(doc, &marks, &mut s);
    }
    Ok(s)
}

/// The split of issue 3 / shared/README.md: FactBank first 104 documents dev; Wikipedia
/// first 80% dev (rounded down, as Python's `int(len * 0.8)`).
pub fn split_at(dataset: &str, n_docs: usize) -> usize {
    match dataset {
        "factbank" => 104.min(n_docs),
        _ => n_docs * 8 / 10,
    }
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

    const FIXTURE: &str = r#"<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE Annotation PUBLIC "-//U//EN" "U.dtd">
<Annotation><DocumentSet> <Document type="x"><DocID type="F">a.txt</DocID><DocumentPart type="t"><Sentence id="S1.1">Café owners <ccue type="speculation_modal_may_">x</ccue>said it <ccue type="speculation_modal_possible_">may</ccue> rain.</Sentence><Sentence id="S1.2">Ask <ccue type="speculation_hypo_investigation _">whether</ccue> A&amp;B <ccue type="speculation_hypo_doxastic _">believe</ccue> it.</Sentence></DocumentPart></Document>
<Document type="x"><DocID type="F">b.txt</DocID><DocumentPart type="t"><Sentence id="S1.1">Plain — text.</Sentence></DocumentPart></Document></DocumentSet></Annotation>"#;

    #[test]
    fn builds_text_and_byte_spans_of_cues() {
        let docs = parse(FIXTURE).unwrap();
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(d.text, "Café owners xsaid it may rain. Ask whether A&B believe it.");
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(&d.text[d.sentences[1].0..d.sentences[1].1], "Ask whether A&B believe it.");
        let got: Vec<(&str, &str)> = d.cues.iter().map(|c| (c.kind.as_str(), &d.text[c.span.0..c.span.1])).collect();
        assert_eq!(got, vec![("may", "x"), ("possible", "may"), ("investigation", "whether"), ("doxastic", "believe")]);
        // "é" is two bytes: the cue offsets are bytes, not code points.
        assert_eq!(d.cues[1].span, (22, 25));
        assert_eq!(docs[1].text, "Plain — text.");
    }

    #[test]
    fn cue_types_lose_their_decoration() {
        assert_eq!(cue_kind("speculation_modal_probable_"), "probable");
        assert_eq!(cue_kind("speculation_hypo_doxastic _"), "doxastic");
        assert_eq!(cue_kind("speculation_hypo_condition _"), "condition");
    }

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

    #[test]
    fn splits_follow_the_readme() {
        assert_eq!(split_at("factbank", 208), 104);
        assert_eq!(split_at("wiki", 4530), 3624);
    }

    #[test]
    fn broken_nesting_is_an_error() {
        assert!(parse("<Document><Sentence><ccue type=\"a\"><ccue type=\"b\">x</ccue></ccue></Sentence></Document>")
            .is_err());
        assert!(parse("<Sentence>x</Sentence>").is_err());
    }
}
