//! The Szeged Uncertainty Corpus (FactBank news, Wikipedia): inline `<ccue type="…">`
//! cues inside `<Sentence>`s, grouped in `<Document>`s. Read with quick-xml.
//!
//! Each document becomes one text: its sentences joined with a space (as
//! `shared/tools/score_hedging.py` does). Cue spans are built as UTF-8 byte offsets
//! while the sentence text is assembled, so no code-point conversion is needed.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::metrics::Span;

/// What Caveat calls hedging: probable, possible and doxastic cues.
pub const HEDGE_TYPES: [&str; 3] = ["probable", "possible", "doxastic"];
/// Reported apart, as information: uncertainty that is not hedging.
pub const INFO_TYPES: [&str; 2] = ["condition", "investigation"];

#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub span: Span,
    /// The cue type with the `speculation_…_` decoration removed: `probable`, `condition`…
    pub kind: String,
    /// The type as the corpus writes it (`speculation_hypo_condition _`).
    pub raw_type: String,
    pub text: String,
}

impl Cue {
    pub fn is_hedge(&self) -> bool {
        HEDGE_TYPES.contains(&self.kind.as_str())
    }
}

#[derive(Debug, Default, PartialEq)]
pub struct SzegedDoc {
    pub text: String,
    /// Each sentence's byte span in `text`.
    pub sentences: Vec<Span>,
    /// Every cue, byte offsets into `text`.
    pub cues: Vec<Cue>,
}

/// `speculation_modal_probable_` → `probable`, `speculation_hypo_doxastic _` → `doxastic`.
fn cue_kind(ty: &str) -> String {
    let t = ty.trim().trim_end_matches('_').trim();
    t.rsplit('_').next().unwrap_or(t).to_string()
}

/// The `type` attribute of a `<ccue>`, entities decoded ("" when absent).
fn cue_type(e: &BytesStart) -> Result<String, String> {
    for a in e.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        if a.key.as_ref() == "type" {
            #[allow(deprecated)] // normalized_value would also fold whitespace the types keep
            return a.unescape_value().map(|v| v.into_owned()).map_err(|e| e.to_string());
        }
    }
    Ok(String::new())
}

/// Where the reader is inside the current document.
#[derive(Default)]
struct State {
    /// Start byte of the open sentence in the current document.
    sentence: Option<usize>,
    /// Start byte and type of the open cue.
    cue: Option<(usize, String)>,
}

fn start(docs: &mut Vec<SzegedDoc>, st: &mut State, e: &BytesStart) -> Result<(), String> {
    match e.name().as_ref() {
        "Document" => docs.push(SzegedDoc::default()),
        "Sentence" => {
            let doc = docs.last_mut().ok_or("<Sentence> outside a <Document>")?;
            // As score_hedging.py: a space before every sentence but when the text is empty.
            if !doc.text.is_empty() {
                doc.text.push(' ');
            }
            st.sentence = Some(doc.text.len());
        }
        "ccue" => {
            let doc = docs.last_mut().ok_or("<ccue> outside a <Document>")?;
            if st.sentence.is_none() || st.cue.is_some() {
                return Err("<ccue> outside a sentence or nested".into());
            }
            st.cue = Some((doc.text.len(), cue_type(e)?));
        }
        _ => {}
    }
    Ok(())
}

fn end(docs: &mut [SzegedDoc], st: &mut State, name: &str) -> Result<(), String> {
    match name {
        "Sentence" => {
            let start = st.sentence.take().ok_or("</Sentence> without <Sentence>")?;
            let doc = docs.last_mut().ok_or("</Sentence> outside a <Document>")?;
            doc.sentences.push((start, doc.text.len()));
        }
        "ccue" => {
            let (start, raw_type) = st.cue.take().ok_or("</ccue> without <ccue>")?;
            let doc = docs.last_mut().ok_or("</ccue> outside a <Document>")?;
            let end = doc.text.len();
            let text = doc.text[start..end].to_string();
            doc.cues.push(Cue { span: (start, end), kind: cue_kind(&raw_type), raw_type, text });
        }
        _ => {}
    }
    Ok(())
}

/// Parse a Szeged XML file into documents.
pub fn parse(src: &str) -> Result<Vec<SzegedDoc>, String> {
    let mut docs: Vec<SzegedDoc> = Vec::new();
    let mut st = State::default();
    let mut reader = Reader::from_str(src);
    loop {
        let at = reader.buffer_position();
        let ev = reader.read_event().map_err(|e| format!("{e} at byte {at}"))?;
        // Text of the open sentence: plain runs and entity references alike.
        let mut text = |s: &str| {
            if let (Some(_), Some(doc)) = (st.sentence, docs.last_mut()) {
                doc.text.push_str(s);
            }
        };
        match ev {
            Event::Eof => break,
            Event::Start(e) => start(&mut docs, &mut st, &e)?,
            Event::Empty(e) => {
                start(&mut docs, &mut st, &e)?;
                end(&mut docs, &mut st, e.name().as_ref())?;
            }
            Event::End(e) => end(&mut docs, &mut st, e.name().as_ref())?,
            Event::Text(t) => text(&t.into_inner()),
            Event::CData(t) => text(&t.into_inner()),
            Event::GeneralRef(r) => {
                let ch = r.resolve_char_ref().map_err(|e| format!("{e} at byte {at}"))?;
                match ch.map(String::from).or_else(|| resolve_predefined_entity(&r).map(String::from)) {
                    Some(s) => text(&s),
                    None => return Err(format!("unknown entity &{};", &*r)),
                }
            }
            _ => {}
        }
    }
    Ok(docs)
}

/// The dev/test split of shared/README.md: FactBank first 104 documents dev; Wikipedia
/// first 80% dev (rounded down, as Python's `int(len * 0.8)`).
pub fn split_at(dataset: &str, n_docs: usize) -> usize {
    match dataset {
        "factbank" => 104.min(n_docs),
        _ => n_docs * 8 / 10,
    }
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
        assert_eq!(d.cues[2].raw_type, "speculation_hypo_investigation _");
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
    fn entities_and_numeric_references_decode_in_text_and_attributes() {
        let docs =
            parse("<Document><Sentence>&#129;x&#xe9;&quot;<ccue type=\"a &amp; b\">c</ccue></Sentence></Document>")
                .unwrap();
        assert_eq!(docs[0].text, "\u{81}x\u{e9}\"c");
        assert_eq!(docs[0].cues[0].raw_type, "a & b");
        assert!(parse("<Document><Sentence>&nope;</Sentence></Document>").is_err());
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
        assert!(parse("<Document><Sentence>x</Document>").is_err());
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        assert!(parse("<Document><Sentence><ccue type=c>x</ccue></Sentence></Document>").is_err());
        assert!(
            parse("<Document><Sentence>x").is_err() || parse("<Document><Sentence>x").unwrap()[0].sentences.is_empty()
        );
        assert!(parse("<Document").is_err());
    }
}
