//! `cargo xtask train-sourcing`: fit the sourcing detector's attribution gate
//! (`src/sourcing/gate.bin`) on PolNeAR's training articles, and only those.
//!
//! Every candidate the core proposes (`caveat::sourcing::training_candidates`) is a
//! positive when PolNeAR annotates a Source span that overlaps its source phrase
//! (or, for a candidate without a source, a Cue span that overlaps its cue). The
//! model is L2-regularised logistic regression over the hashed features, fitted by
//! full-batch gradient descent with AdaGrad steps, then quantised to one signed
//! byte per bucket. Deterministic: sorted files, fixed iteration count, no
//! randomness, sums in a fixed order.

use std::collections::BTreeMap;
use std::fs;

use caveat::sourcing::cue_rates::{self, CueRates};
use caveat::sourcing::gate::Gate;
use caveat::sourcing::training_candidates;
use caveat::Document;

use crate::corpus::polnear::{self, Article, Gold};
use crate::metrics::overlaps;
use crate::util::{root, shared, Result};

/// 2^BITS buckets: 8,192 bytes of weights, mostly zero, which gzip shrinks to 4.7 KB
/// (14 bits found two more dev attributions for 2.3 KB more of the Wasm budget).
const BITS: u8 = 13;
const ITERATIONS: usize = 1000;
const STEP: f64 = 0.5;
/// L2 strength per sample: keeps rare features (one article's quirks) near zero.
const L2: f64 = 2e-4;

struct Sample {
    buckets: Vec<usize>,
    positive: bool,
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn log_loss(samples: &[Sample], score: impl Fn(&Sample) -> f64) -> f64 {
    let total: f64 = samples
        .iter()
        .map(|s| {
            let p = sigmoid(score(s)).clamp(1e-9, 1.0 - 1e-9);
            if s.positive {
                -p.ln()
            } else {
                -(1.0 - p).ln()
            }
        })
        .sum();
    total / samples.len().max(1) as f64
}

/// Full-batch gradient descent with AdaGrad step sizes.
fn fit(samples: &[Sample], size: usize) -> Vec<f64> {
    let mut w = vec![0.0f64; size];
    let mut g2 = vec![1e-8f64; size];
    let n = samples.len().max(1) as f64;
    for _ in 0..ITERATIONS {
        let mut grad = vec![0.0f64; size];
        for s in samples {
            let z: f64 = s.buckets.iter().map(|&b| w[b]).sum();
            let err = sigmoid(z) - if s.positive { 1.0 } else { 0.0 };
            for &b in &s.buckets {
                grad[b] += err / n;
            }
        }
        for b in 0..size {
            let g = grad[b] + L2 * w[b];
            g2[b] += g * g;
            w[b] -= STEP * g / g2[b].sqrt();
        }
    }
    w
}

fn quantise(w: &[f64]) -> (f32, Vec<i8>) {
    let max = w.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    let scale = if max == 0.0 { 1.0 } else { max / 127.0 };
    (scale as f32, w.iter().map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8).collect())
}

pub fn train(args: &[String]) -> Result {
    let usage = "usage: cargo xtask train-sourcing [--dump train|dev|test]";
    let mut a = crate::util::args(args);
    let split: Option<String> = a.opt_value_from_str("--dump").map_err(|_| usage)?;
    if !a.finish().is_empty() {
        return Err(usage.into());
    }
    match split.as_deref() {
        None => fit_and_write(),
        Some(split @ ("train" | "dev" | "test")) => dump(split),
        Some(_) => Err(usage.into()),
    }
}

/// `--dump dev`: every candidate of a split with its kind, mark, gate score and
/// PolNeAR label, as JSON lines in target/, for studying errors and thresholds.
fn dump(split: &str) -> Result {
    let articles = load_split(split)?;
    let mut out = String::new();
    for Article { name: article, text, gold } in &articles {
        for c in training_candidates(text, caveat::sourcing::gate::bundled(), cue_rates::bundled()) {
            let snippet = |(a, b): (usize, usize)| text.get(a..b).unwrap_or_default().to_string();
            let line = serde_json::json!({
                "article": format!("{article}.txt"), "source": c.source, "cue": c.cue, "mark": c.mark,
                "kind": c.kind.as_str(), "score": if c.certain { 1.0 } else { c.score }, "subject": c.subject, "kept": c.kept,
                "label": label(gold, c.source, c.cue), "source_text": c.source.map(snippet),
                "cue_text": snippet(c.cue), "before": snippet((c.mark.0.saturating_sub(40), c.mark.0)),
            });
            out.push_str(&line.to_string());
            out.push('\n');
        }
    }
    let file = root().join(format!("target/sourcing-candidates-{split}.jsonl"));
    fs::write(&file, out).map_err(|e| format!("{}: {e}", file.display()))?;
    eprintln!("train-sourcing: candidates of {} {split} articles → {}", articles.len(), file.display());
    Ok(())
}

/// The annotated articles of a PolNeAR split.
fn load_split(split: &str) -> Result<Vec<Article>> {
    let shared = shared().ok_or("../shared is missing: the gate is trained and studied on ../shared/eval")?;
    polnear::annotated(&shared.join("eval"), split)
}

/// A candidate is an attribution when PolNeAR has a Source span over its source
/// (or, without a source, a Cue span over its cue).
fn label(gold: &Gold, source: Option<(usize, usize)>, cue: (usize, usize)) -> bool {
    match source {
        Some(src) => gold.sources.iter().any(|&g| overlaps(g, src)),
        None => gold.cues.iter().any(|&g| overlaps(g, cue)),
    }
}

/// A word must be inside a Cue span this often to get a level in `cue_rates.txt`.
const MIN_CUE_COUNT: usize = 2;

/// The `cue_rates.txt` table: per lower-case word, how often it lies inside a Cue
/// span of `articles` against how often it occurs, as "<level> word word …" lines.
fn cue_rates_table(articles: &[Article]) -> String {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for Article { text, gold, .. } in articles {
        let doc = Document::new(text);
        for (i, t) in doc.tokens.iter().enumerate() {
            if !doc.is_word(i) {
                continue;
            }
            let e = counts.entry(doc.low(i).to_string()).or_default();
            e.1 += 1;
            e.0 += gold.cues.iter().any(|&c| overlaps(c, (t.start, t.end))) as usize;
        }
    }
    let mut lines = vec![Vec::new(); cue_rates::LEVELS.len()];
    for (word, (cues, n)) in &counts {
        if *cues >= MIN_CUE_COUNT && !word.contains(' ') {
            lines[cue_rates::level(*cues, *n)].push(word.as_str());
        }
    }
    let mut out = String::new();
    for (level, words) in cue_rates::LEVELS.iter().zip(lines) {
        out.push_str(level);
        for w in words {
            out.push(' ');
            out.push_str(w);
        }
        out.push('\n');
    }
    out
}

fn fit_and_write() -> Result {
    let articles = load_split("train")?;
    let table = cue_rates_table(&articles);
    let rates_file = root().join("src/sourcing/cue_rates.txt");
    fs::write(&rates_file, &table).map_err(|e| format!("{}: {e}", rates_file.display()))?;
    let rates = CueRates::parse(&table);
    let probe = Gate::new(BITS, 1.0, vec![0; 1 << BITS]).expect("a valid empty gate");
    let mut samples = Vec::new();
    for Article { text, gold, .. } in &articles {
        for c in training_candidates(text, &probe, &rates) {
            let positive = label(gold, c.source, c.cue);
            samples.push(Sample { buckets: c.features.iter().map(|&f| probe.bucket(f)).collect(), positive });
        }
    }
    let positives = samples.iter().filter(|s| s.positive).count();
    let weights = fit(&samples, 1 << BITS);
    let (scale, quantised) = quantise(&weights);
    let float_loss = log_loss(&samples, |s| s.buckets.iter().map(|&b| weights[b]).sum());
    let q_loss = log_loss(&samples, |s| s.buckets.iter().map(|&b| quantised[b] as f64 * scale as f64).sum());
    let gate = Gate::new(BITS, scale, quantised).ok_or("the fitted gate is invalid")?;
    let out = root().join("src/sourcing/gate.bin");
    fs::write(&out, gate.to_bytes()).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "train-sourcing: {} articles, {} candidates ({positives} attributions); training log-loss {float_loss:.4} \
         ({q_loss:.4} quantised) → {}",
        articles.len(),
        samples.len(),
        out.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_separates_a_separable_set() {
        let samples: Vec<Sample> =
            (0..20).map(|i| Sample { buckets: vec![0, 1 + (i % 2)], positive: i % 2 == 0 }).collect();
        let w = fit(&samples, 4);
        assert!(w[1] > 1.0 && w[2] < -1.0, "{w:?}");
        let (scale, q) = quantise(&w);
        assert_eq!(q.iter().map(|x| x.unsigned_abs()).max(), Some(127));
        assert!((q[1] as f32 * scale - w[1] as f32).abs() < scale);
    }
}
