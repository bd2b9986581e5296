//! The browser boundary: text in, annotations with UTF-16 offsets out.
//! Only plain data crosses, so the same module serves the content script and
//! the service worker.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::report::{Attribution, Summary};
use crate::rule::{Category, Rule, Strength};
use crate::text::offsets::{utf16_to_utf8, utf8_to_utf16};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsAnnotation {
    category: Category,
    rule: Interned,
    /// UTF-16 code units, as JS strings and DOM Ranges count.
    start: usize,
    end: usize,
    message: Interned,
    strength: Strength,
    #[serde(skip_serializing_if = "String::is_empty")]
    detail: String,
}

/// A rule's id or message, made a JS string once and then reused. serde-wasm-bindgen
/// keeps the JS string of every static name it is given as a field or a unit variant
/// (by address); a plain `&str` would be decoded from UTF-8 again for every mark, and
/// a 1 MB page has thousands of marks. JSON writes it as the same string.
struct Interned(&'static str);

impl Serialize for Interned {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit_variant("", 0, self.0)
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsAttribution {
    cue_start: usize,
    cue_end: usize,
    source_start: Option<usize>,
    source_end: Option<usize>,
    kind: crate::report::SourceKind,
    name: Option<String>,
}

#[derive(Serialize)]
struct JsReport<'a> {
    annotations: Vec<JsAnnotation>,
    attributions: Vec<JsAttribution>,
    summary: &'a Summary,
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&ser).map_err(|e| JsError::new(&format!("caveat: cannot serialize the report: {e}")))
}

/// Install a learned model from its file's bytes, fetched by the engine when first
/// needed (the weights stay out of the Wasm code). `name` is the file's stem:
/// "translation", "tagger" or "gate". A bad file is refused with the reason; the rules work
/// without it.
#[wasm_bindgen(js_name = loadModel)]
pub fn load_model(name: &str, bytes: &[u8]) -> Result<(), JsError> {
    let installed = match name {
        "translation" => crate::translation::model::install(bytes),
        "tagger" => crate::text::tagger::install(bytes),
        "gate" => crate::sourcing::gate::install(bytes),
        other => Err(format!("no model is called \"{other}\"")),
    };
    installed.map_err(|e| JsError::new(&format!("caveat: model \"{name}\": {e}")))
}

/// Analyse `text` (a JS string; unpaired surrogates arrive as U+FFFD, one unit
/// each, so offsets still line up) and return `{annotations, attributions, summary}`
/// with UTF-16 offsets.
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    analyze_from(text, 0)
}

/// Analyse `text`, reporting only what starts at or after UTF-16 offset `from`
/// (the text before it is context: see `caveat::analyze_from`). Offsets stay
/// offsets into the whole `text`.
#[wasm_bindgen(js_name = analyzeFrom)]
pub fn analyze_from(text: &str, from: usize) -> Result<JsValue, JsError> {
    let from = if from == 0 { 0 } else { utf16_to_utf8(text, &[from])[0] };
    let report = crate::analyze_from(text, from);
    let mut offsets = Vec::with_capacity(report.annotations.len() * 2 + report.attributions.len() * 4);
    for a in &report.annotations {
        offsets.extend([a.start, a.end]);
    }
    for a in &report.attributions {
        offsets.extend([a.cue_start, a.cue_end, a.source_start.unwrap_or(0), a.source_end.unwrap_or(0)]);
    }
    let mapped = utf8_to_utf16(text, &offsets);
    let mut m = mapped.into_iter();
    let mut next = || m.next().unwrap_or(0);
    let annotations = report
        .annotations
        .iter()
        .map(|a| JsAnnotation {
            category: a.category,
            rule: Interned(a.rule.id),
            start: next(),
            end: next(),
            message: Interned(a.message),
            strength: a.strength,
            detail: a.detail.clone(),
        })
        .collect();
    let attributions = report
        .attributions
        .iter()
        .map(|a: &Attribution| {
            let (cs, ce, ss, se) = (next(), next(), next(), next());
            JsAttribution {
                cue_start: cs,
                cue_end: ce,
                source_start: a.source_start.map(|_| ss),
                source_end: a.source_end.map(|_| se),
                kind: a.kind,
                name: a.name.clone(),
            }
        })
        .collect();
    to_js(&JsReport { annotations, attributions, summary: &report.summary })
}

/// Every rule with its documentation: the hover cards' text.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsError> {
    let rules: Vec<&Rule> = crate::rules().collect();
    to_js(&rules)
}

#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
