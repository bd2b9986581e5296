//! The Wasm API as JS sees it (wasm-bindgen-test, under Node):
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --target wasm32-unknown-unknown --test wasm`
//! (`cargo xtask test` runs it). Offsets are UTF-16 code units and must slice the JS
//! string exactly, whatever the script; the text crosses the boundary the way the
//! extension's does (a JS string, lone surrogates becoming U+FFFD).
#![cfg(target_arch = "wasm32")]

use js_sys::JsString;
use serde::Deserialize;
use wasm_bindgen_test::wasm_bindgen_test;

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
struct Annotation {
    category: String,
    rule: String,
    start: u32,
    end: u32,
    message: String,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
struct Attribution {
    cue_start: u32,
    cue_end: u32,
    source_start: Option<u32>,
    source_end: Option<u32>,
}

#[derive(Deserialize, Debug)]
struct Summary {
    words: u32,
    translation_likelihood: f64,
    translation: Verdict,
}

#[derive(Deserialize, Debug)]
struct Verdict {
    available: bool,
}

#[derive(Deserialize, Debug)]
struct Report {
    annotations: Vec<Annotation>,
    attributions: Vec<Attribution>,
    summary: Summary,
}

#[derive(Deserialize, Debug)]
struct Rule {
    id: String,
    category: String,
    name: String,
    message: String,
    why: String,
    example: String,
}

/// Analyse a JS string as the extension does: JS string → Rust `String` by
/// wasm-bindgen's own conversion → `caveat::wasm::analyze` → a plain JS object.
fn analyze_js(js: &JsString) -> Report {
    let text = String::from(js);
    let value = caveat::wasm::analyze(&text).unwrap_or_else(|_| panic!("analyze failed on {text:?}"));
    serde_wasm_bindgen::from_value(value).expect("the report has the documented shape")
}

fn slice(js: &JsString, start: u32, end: u32) -> String {
    String::from(js.slice(start, end))
}

/// Each text holds `phrase` after characters of other widths; the mark on it must
/// slice, in JS, to exactly the phrase, starting where JS's `indexOf` finds it.
#[wasm_bindgen_test]
fn offsets_slice_the_js_string_in_every_script() {
    let cases = [
        ("emoji", "👍🏽👩‍👩‍👧 🇺🇳 The suspect was believed to have fled.", "believed to"),
        ("CJK", "東京で会議が開かれた。 The suspect was believed to have fled.", "believed to"),
        ("Arabic and Hebrew", "مرحبا بالعالم שלום עולם. The suspect was believed to have fled.", "believed to"),
        (
            "combining marks",
            "Cafe\u{301} na\u{308}ive re\u{301}sume\u{301}. The suspect was believed to have fled.",
            "believed to",
        ),
        ("astral letters", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝕥𝕖𝕩𝕥. The suspect was believed to have fled.", "believed to"),
        ("sourcing after emoji", "🎉🎉🎉 Troops were targeted, the source said.", "the source said"),
    ];
    for (name, text, phrase) in cases {
        let js = JsString::from(text);
        let report = analyze_js(&js);
        let mark = report
            .annotations
            .iter()
            .find(|a| slice(&js, a.start, a.end) == phrase)
            .unwrap_or_else(|| panic!("{name}: no mark slices to {phrase:?} in {report:?}"));
        assert_eq!(mark.start as i32, js.index_of(phrase, 0), "{name}: start is a UTF-16 index");
        assert!(mark.rule.starts_with(&mark.category) && !mark.message.is_empty(), "{name}: {mark:?}");
        check_all_spans(name, &js, &report);
    }
}

/// Every span lies within the JS string, never splits a surrogate pair, and slices
/// to the text the Rust report marked.
fn check_all_spans(name: &str, js: &JsString, report: &Report) {
    let len = js.length();
    let text = String::from(js);
    let mut spans: Vec<(u32, u32)> = report.annotations.iter().map(|a| (a.start, a.end)).collect();
    for a in &report.attributions {
        spans.push((a.cue_start, a.cue_end));
        if let (Some(s), Some(e)) = (a.source_start, a.source_end) {
            spans.push((s, e));
        }
    }
    let unit = |i: u32| if i < len { js.char_code_at(i) as u32 } else { 0 };
    // Between a high and a low surrogate is inside one character (a lone one is fine).
    let splits_pair = |i: u32| i > 0 && (0xD800..0xDC00).contains(&unit(i - 1)) && (0xDC00..0xE000).contains(&unit(i));
    for (s, e) in spans {
        assert!(s <= e && e <= len, "{name}: {s}..{e} within {len} units");
        assert!(!splits_pair(s) && !splits_pair(e), "{name}: {s}..{e} splits a surrogate pair");
        assert!(text.contains(&slice(js, s, e)), "{name}: {s}..{e}");
    }
    let sorted = report.annotations.windows(2).all(|w| w[0].start <= w[1].start);
    assert!(sorted, "{name}: annotations sorted by start");
}

/// A page's string with unpaired surrogates: each becomes one U+FFFD unit, so
/// offsets still point into the page's own string at the right place.
#[wasm_bindgen_test]
fn unpaired_surrogates_keep_offsets_aligned() {
    let mut units: Vec<u16> = vec![0xD800, b' ' as u16];
    units.extend("Officials said".encode_utf16());
    units.push(0xDC00);
    units.extend(" the suspect was believed to have fled. ".encode_utf16());
    units.push(0xDBFF);
    let js = JsString::from_char_code(&units);
    assert_eq!(js.length() as usize, units.len());
    let report = analyze_js(&js);
    let phrases: Vec<String> = report.annotations.iter().map(|a| slice(&js, a.start, a.end)).collect();
    assert!(phrases.iter().any(|p| p == "believed to"), "{phrases:?}");
    assert!(phrases.iter().any(|p| p == "Officials said"), "{phrases:?}");
    check_all_spans("lone surrogates", &js, &report);
}

#[wasm_bindgen_test]
fn attributions_point_at_cue_and_source() {
    let js = JsString::from("👍 “It may rain,” a source said. Maria Lopez told reporters it would not.");
    let report = analyze_js(&js);
    let cues: Vec<String> = report.attributions.iter().map(|a| slice(&js, a.cue_start, a.cue_end)).collect();
    assert!(cues.iter().any(|c| c == "said") && cues.iter().any(|c| c == "told"), "{cues:?}");
    let sources: Vec<String> =
        report.attributions.iter().filter_map(|a| Some(slice(&js, a.source_start?, a.source_end?))).collect();
    assert!(sources.iter().any(|s| s == "a source") && sources.iter().any(|s| s == "Maria Lopez"), "{sources:?}");
}

#[wasm_bindgen_test]
fn empty_and_blank_strings() {
    for text in ["", " ", "\n\n", "\u{0}"] {
        let report = analyze_js(&JsString::from(text));
        assert!(report.annotations.is_empty() && report.attributions.is_empty(), "{text:?}");
        assert_eq!(report.summary.words, 0);
        assert!((0.0..=1.0).contains(&report.summary.translation_likelihood));
    }
}

#[wasm_bindgen_test]
fn rules_carry_their_docs() {
    let value = caveat::wasm::rules().unwrap_or_else(|_| panic!("rules() fails"));
    let rules: Vec<Rule> = serde_wasm_bindgen::from_value(value).expect("rules have the documented shape");
    assert!(rules.len() >= 3);
    for category in ["hedging", "sourcing", "translation"] {
        assert!(rules.iter().any(|r| r.category == category), "a {category} rule");
    }
    for r in &rules {
        assert!(r.id.starts_with(&format!("{}/", r.category)), "{r:?}");
        for (field, v) in [("name", &r.name), ("message", &r.message), ("why", &r.why), ("example", &r.example)] {
            assert!(!v.trim().is_empty(), "{} has no {field}", r.id);
        }
    }
    assert_eq!(caveat::wasm::version(), env!("CARGO_PKG_VERSION"));
}

/// The translation model and the sourcing gate are data the engine fetches: the Wasm has
/// neither built in, refuses a bad file with a reason, and uses a good one once it is
/// installed. The only test that installs them (the tests share one instance).
#[wasm_bindgen_test]
fn the_models_arrive_at_run_time() {
    let text = JsString::from("The senator spoke on Tuesday. She said the bill would pass. ".repeat(20).as_str());
    assert!(caveat::wasm::load_model("translation", b"not a model").is_err());
    assert!(!analyze_js(&text).summary.translation.available, "no model is built into the Wasm");
    let model = include_bytes!("../src/translation/model.bin");
    assert!(caveat::wasm::load_model("tagger-that-does-not-exist", model).is_err());
    assert!(caveat::wasm::load_model("translation", model).is_ok());
    let report = analyze_js(&text);
    assert!(report.summary.translation.available);
    assert!(report.summary.translation_likelihood < 0.5, "{}", report.summary.translation_likelihood);

    // The sourcing gate too: without it only sources proper are marked ("officials
    // said"), with it a group that voices a view is.
    let text = JsString::from("Officials said the bridge would close. Many economists believe the plan will fail.");
    let sourcing = |report: &Report| report.annotations.iter().filter(|a| a.category == "sourcing").count();
    assert!(caveat::wasm::load_model("gate", b"not a gate").is_err());
    assert_eq!(sourcing(&analyze_js(&text)), 1, "the source proper alone, before the gate");
    assert!(caveat::wasm::load_model("gate", include_bytes!("../src/sourcing/gate.bin")).is_ok());
    assert_eq!(sourcing(&analyze_js(&text)), 2, "the group too, with the gate");
}
