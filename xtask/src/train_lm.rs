//! `cargo xtask train-lm`: build the translation detector's model of native news
//! English (`assets/translation-lm.bin`) from PolNeAR's training texts.
//!
//! Deterministic: files in sorted order, counts in sorted maps, no randomness.
//! What is stored is hashed and quantised counts, never text: n-grams of orders
//! 1–3 seen at least twice, and "templates" (a three-word context followed by the
//! same word at least 70% of the time in at least 8 occurrences).

use std::collections::{BTreeMap, HashMap};
use std::fs;

use caveat::translation::lm::{key, sentence_tokens, word_tag, Model, TAG_COUNT, TAG_TEMPLATE};
use caveat::Document;

use crate::util::{root, shared, Result};

const MIN_COUNT: u64 = 2;
const TEMPLATE_MIN_CONTEXT: u64 = 8;
const TEMPLATE_MIN_SHARE: f64 = 0.7;

pub fn train(_args: &[String]) -> Result {
    let shared = shared().ok_or("../shared is missing: the model is trained on ../shared/eval")?;
    let dir = shared.join("eval/sourcing/polnear/train/text");
    let mut names: Vec<_> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut counts: HashMap<Vec<String>, u64> = HashMap::new();
    let mut next: HashMap<Vec<String>, HashMap<String, u64>> = HashMap::new();
    let mut total = 0u64;
    for path in &names {
        let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let doc = Document::new(&text);
        for s in 0..doc.sentences.len() {
            let toks: Vec<String> = sentence_tokens(&doc, s).into_iter().map(|(w, _)| w).collect();
            total += toks.len() as u64 - 1;
            for n in 1..=3 {
                for w in toks.windows(n) {
                    if n == 1 && w[0] == "<s>" {
                        continue;
                    }
                    *counts.entry(w.to_vec()).or_default() += 1;
                }
            }
            for w in toks.windows(4) {
                *next.entry(w[..3].to_vec()).or_default().entry(w[3].clone()).or_default() += 1;
            }
        }
    }
    let mut entries: BTreeMap<u32, u64> = BTreeMap::new();
    for (gram, c) in &counts {
        if *c >= MIN_COUNT {
            let words: Vec<&str> = gram.iter().map(String::as_str).collect();
            // On a (rare) hash collision keep the larger count: deterministic either way.
            let e = entries.entry(key(&words, TAG_COUNT)).or_default();
            *e = (*e).max(*c);
        }
    }
    let mut templates: BTreeMap<u32, (u8, u16)> = BTreeMap::new();
    for (ctx, followers) in &next {
        let n: u64 = followers.values().sum();
        if n < TEMPLATE_MIN_CONTEXT || !ctx.iter().any(|w| w.chars().all(char::is_alphabetic)) {
            continue;
        }
        let (best, c) = followers.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).expect("non-empty");
        let share = *c as f64 / n as f64;
        if share >= TEMPLATE_MIN_SHARE && best.chars().all(char::is_alphabetic) {
            let words: Vec<&str> = ctx.iter().map(String::as_str).collect();
            templates.insert(key(&words, TAG_TEMPLATE), ((share * 255.0).round() as u8, word_tag(best)));
        }
    }
    let counts: Vec<(u32, u64)> = entries.into_iter().collect();
    let templates: Vec<(u32, u8, u16)> = templates.into_iter().map(|(k, (s, w))| (k, s, w)).collect();
    let bytes = Model::encode(total, &counts, &templates);
    let out = root().join("assets/translation-lm.bin");
    fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "train-lm: {} texts, {total} tokens → {} n-grams, {} templates, {} bytes in {}",
        names.len(),
        counts.len(),
        templates.len(),
        bytes.len(),
        out.display()
    );
    Ok(())
}
