//! Translation on real machine translation (`../shared/eval/translation`), scored as
//! `score_translation_real.py` scores the CLI:
//! - **roundtrip-es**: PolNeAR articles round-tripped through Spanish by Apertium
//!   against the same articles as written: document AUC, the share of round trips
//!   called MT (acc), marks per 1,000 words on round trips (MT marks/1k, higher is
//!   better) and their support (P: marks of at most 12 words holding a word the
//!   original paragraph lacks).
//! - **htmt-…**: German news machine translated by DeepL and Google against native
//!   news (`vs-native`) and human translations of the same news (`vs-human`): AUC,
//!   and the share called MT; `htmt-native` / `htmt-human`: the share rightly left
//!   below 0.5 (acc) and marks per 1,000 words.
//! - **mqm-zhen**: WMT21 systems with professional error spans: P = marks of at most
//!   12 words overlapping a rated error, MT marks/1k, document AUC MT vs human;
//!   `mqm-human`: marks per 1,000 words on the human references.
//!
//! Splits as the data's README: dev = PolNeAR train+dev round trips, WMT 2008–2014,
//! odd MQM documents; test = the rest.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use caveat::{Category, Report};

use super::analyze;
use super::row::Row;
use crate::corpus::{htmt, mqm, roundtrip};
use crate::metrics::auc;
use crate::util::{read, Result};

/// Texts shorter than this get no document figure (as the scorer).
const MIN_WORDS: usize = 150;
/// A mark longer than this points at nothing in particular.
const MAX_MARK_WORDS: usize = 12;

fn marks(r: &Report) -> impl Iterator<Item = &caveat::Annotation> {
    r.annotations.iter().filter(|a| a.category == Category::Translation)
}

fn pointed(text: &str) -> bool {
    text.split_whitespace().count() <= MAX_MARK_WORDS
}

/// Words as the scorer counts them: ASCII letters, an inner apostrophe.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let b: Vec<char> = s.chars().collect();
    for (i, &c) in b.iter().enumerate() {
        let inner = c == '\'' && !cur.is_empty() && b.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic());
        if c.is_ascii_alphabetic() || inner {
            cur.push(c.to_ascii_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn called(v: &[f64]) -> f64 {
    v.iter().filter(|&&p| p >= 0.5).count() as f64 / v.len().max(1) as f64
}

fn per_1k(marks: usize, words: usize) -> f64 {
    1000.0 * marks as f64 / words.max(1) as f64
}

/// Whether a round-trip mark holds a word its original paragraph lacks.
fn supported(round_trip: &str, original: &str, start: usize, end: usize) -> bool {
    let line = round_trip[..start].matches('\n').count();
    let vocab: HashSet<String> = original.split('\n').nth(line).map(words).unwrap_or_default().into_iter().collect();
    let text = &round_trip[start..end];
    pointed(text) && words(text).iter().any(|w| !vocab.contains(w))
}

pub fn roundtrip(eval: &Path, split: &str) -> Result<Vec<Row>> {
    let (mut pos, mut neg) = (Vec::new(), Vec::new());
    let (mut n_marks, mut n_words, mut n_supported) = (0, 0, 0);
    for folder in roundtrip::folders(split) {
        for roundtrip::Pair { name, round_trip, original } in roundtrip::pairs(eval, folder)? {
            let (rt, original) = (read(&round_trip)?, read(&original)?);
            let (r, o) = (analyze(&rt, || format!("round trip {name}"))?, analyze(&original, || name.clone())?);
            pos.push(r.summary.translation_likelihood);
            neg.push(o.summary.translation_likelihood);
            n_words += r.summary.words;
            for a in marks(&r) {
                n_marks += 1;
                n_supported += usize::from(supported(&rt, &original, a.start, a.end));
            }
        }
    }
    let mut row = Row::new("translation", "roundtrip-es", split, "document", pos.len());
    row.auc = auc(&pos, &neg);
    row.accuracy = Some(called(&pos));
    row.precision = Some(n_supported as f64 / n_marks.max(1) as f64);
    row.mt_marks_per_1k = Some(per_1k(n_marks, n_words));
    Ok(vec![row])
}

pub fn htmt(eval: &Path, split: &str) -> Result<Vec<Row>> {
    let mut lik: HashMap<&str, Vec<f64>> = HashMap::new();
    let mut tally: HashMap<&str, (usize, usize)> = HashMap::new();
    for kind in htmt::KINDS {
        for y in htmt::years(split) {
            let Some(p) = htmt::file(eval, kind, y) else { continue };
            for (k, doc) in read(&p)?.lines().enumerate() {
                if doc.split_whitespace().count() < MIN_WORDS {
                    continue;
                }
                let r = analyze(doc, || format!("htmt {kind} wmt{y} line {}", k + 1))?;
                lik.entry(kind).or_default().push(r.summary.translation_likelihood);
                let t = tally.entry(kind).or_default();
                t.0 += marks(&r).count();
                t.1 += r.summary.words;
            }
        }
    }
    let get = |k: &str| lik.get(k).cloned().unwrap_or_default();
    let mut rows = Vec::new();
    for mt in ["deepl", "google"] {
        let dataset = format!("htmt-{mt}");
        let mut vs_native = Row::new("translation", &dataset, split, "vs-native", get(mt).len());
        vs_native.auc = auc(&get(mt), &get("native"));
        vs_native.accuracy = Some(called(&get(mt)));
        let mut vs_human = Row::new("translation", &dataset, split, "vs-human", get(mt).len());
        vs_human.auc = auc(&get(mt), &get("human"));
        rows.extend([vs_native, vs_human]);
    }
    for kind in ["native", "human"] {
        let mut row = Row::new("translation", &format!("htmt-{kind}"), split, "document", get(kind).len());
        row.accuracy = Some(1.0 - called(&get(kind)));
        let (m, w) = tally.get(kind).copied().unwrap_or_default();
        row.marks_per_1k = Some(per_1k(m, w));
        rows.push(row);
    }
    Ok(rows)
}

pub fn mqm(eval: &Path, split: &str) -> Result<Vec<Row>> {
    let tsv = mqm::table(eval)?;
    let (mut mt_lik, mut human_lik) = (Vec::new(), Vec::new());
    let (mut mt_marks, mut mt_words, mut hits, mut human_marks, mut human_words) = (0, 0, 0, 0, 0);
    for d in mqm::docs(&tsv, split) {
        let text = d.text();
        let r = analyze(&text, || format!("MQM {} {}", d.system, d.doc))?;
        let long = r.summary.words >= MIN_WORDS;
        if d.human() {
            human_marks += marks(&r).count();
            human_words += r.summary.words;
            if long {
                human_lik.push(r.summary.translation_likelihood);
            }
            continue;
        }
        mt_words += r.summary.words;
        if long {
            mt_lik.push(r.summary.translation_likelihood);
        }
        // Each segment's errors as byte ranges of the whole text.
        let mut errors = Vec::new();
        let mut base = 0;
        for (seg, errs) in &d.segments {
            errors.extend(errs.iter().map(|&(s, e)| (base + s, base + e)));
            base += seg.len() + 1;
        }
        for a in marks(&r) {
            mt_marks += 1;
            let hit = errors.iter().any(|&(s, e)| a.start < e && s < a.end);
            hits += usize::from(hit && pointed(&text[a.start..a.end]));
        }
    }
    let mut row = Row::new("translation", "mqm-zhen", split, "span", mt_lik.len());
    row.precision = Some(hits as f64 / mt_marks.max(1) as f64);
    row.mt_marks_per_1k = Some(per_1k(mt_marks, mt_words));
    row.auc = auc(&mt_lik, &human_lik);
    let mut human = Row::new("translation", "mqm-human", split, "document", human_lik.len());
    human.marks_per_1k = Some(per_1k(human_marks, human_words));
    Ok(vec![row, human])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_as_the_scorer_counts_them() {
        assert_eq!(words("Don't stop—the U.S. 42 'x'"), ["don't", "stop", "the", "u", "s", "x"]);
    }

    #[test]
    fn a_mark_is_supported_by_a_word_the_round_trip_changed() {
        let original = "First paragraph.\nClinton's van was escorted.";
        let rt = "First paragraph.\nThe van of Clinton was escorted.";
        let at = |s: &str| (rt.find(s).unwrap(), rt.find(s).unwrap() + s.len());
        let (s, e) = at("van of");
        assert!(supported(rt, original, s, e), "\"of\" is not in the original paragraph");
        let (s, e) = at("was escorted");
        assert!(!supported(rt, original, s, e));
    }
}
