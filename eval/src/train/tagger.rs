//! `cargo xtask train-tagger`: train the part-of-speech tagger (`src/text/tagger.bin`)
//! on the Brown corpus's training split (see `corpus::brown`), never its dev or test documents.
//!
//! A greedy averaged perceptron over the hashed features of `caveat::text::tagger`,
//! trained on predicted (not gold) previous tags, as it will run; words seen often
//! with one tag go to the dictionary and are not scored. The averaged weights are
//! quantised to one signed byte (clipped at a high quantile of their magnitudes, so
//! that a few outliers do not flatten the rest). Deterministic: documents in name
//! order, sentence order shuffled per epoch by a fixed-seed generator, integer
//! updates; the same bytes on every run.

use std::collections::BTreeMap;
use std::fs;

use caveat::text::tagger::{self, Tagger, Word, FEATURES, N, TAGS};
use caveat::text::Tag;

use crate::corpus::brown::{self, Doc, Split};
use crate::util::gzip_len;
use crate::util::{root, Result};

/// 2^BITS buckets of N bytes. Brown press dev accuracy by bits (clip 1.0, 8 epochs):
/// 13: 0.9544 (117 KB gzip), 14: 0.9600 (193 KB), 15: 0.9632 (294 KB),
/// 16: 0.9659 (405 KB), 17: 0.9668 (519 KB). 15 is the knee.
const BITS: u8 = 15;
const EPOCHS: usize = 8;
/// The dictionary: words seen at least this often, with one tag at least this share of
/// the time (10 and 0.95: 5,558 words, dev 0.9630; 20 and 0.97: 2,954 words, 0.9620,
/// and slower, as more words are scored).
const DICT_MIN_COUNT: u32 = 10;
const DICT_MIN_SHARE: f64 = 0.95;
/// … and with other tags fewer times than this: "can" (1,725 modals, 7 nouns) is left
/// to the model, which sees "the can".
const DICT_MAX_OTHER: u32 = 5;
/// Weights are clipped at this quantile of the non-zero magnitudes before quantising.
/// Clipping hurts: at 2^16 buckets, dev accuracy 0.9288 at 0.99, 0.9539 at 0.999,
/// 0.9641 at 0.9999, 0.9659 at 1 (no clipping): the largest weights matter most.
const CLIP_QUANTILE: f64 = 1.0;

struct Options {
    bits: u8,
    epochs: usize,
    write: bool,
    clip: f64,
}

pub fn train(args: &[String]) -> Result {
    let usage = "usage: cargo xtask train-tagger [--bits B] [--epochs E] [--clip Q] [--dry-run]";
    let mut a = crate::util::args(args);
    let mut num = |flag: &'static str, what: &str| -> Result<Option<f64>> {
        a.opt_value_from_str(flag).map_err(|_| format!("{flag} takes {what}\n{usage}"))
    };
    let o = Options {
        bits: num("--bits", "a number")?.map_or(BITS, |b| b as u8),
        epochs: num("--epochs", "a number")?.map_or(EPOCHS, |e| e as usize),
        clip: num("--clip", "a quantile")?.unwrap_or(CLIP_QUANTILE),
        write: !a.contains("--dry-run"),
    };
    if !a.finish().is_empty() {
        return Err(usage.into());
    }
    if cfg!(debug_assertions) {
        return crate::scoreboard::rerun_optimised("train-tagger", args);
    }
    let t0 = std::time::Instant::now();
    let train_docs = brown::load(&[Split::Train])?;
    let dev_docs = brown::load(&[Split::Dev])?;
    if let Some(d) = train_docs.iter().find(|d| brown::split_of(&d.name) != Split::Train) {
        return Err(format!("{} is held out, yet was loaded for training", d.name));
    }
    let sentences: Vec<(Vec<Word>, Vec<Tag>)> =
        train_docs.iter().flat_map(|d| &d.sentences).map(|s| (s.features(), s.tags.clone())).collect();
    let tokens: usize = sentences.iter().map(|s| s.1.len()).sum();
    let dict = dictionary(&sentences);
    let avg = fit(&sentences, &dict, o.bits, o.epochs);
    let (scale, weights) = quantise(&avg, o.clip);
    let tagger = Tagger::new(o.bits, scale, dict.iter().map(|(&h, &t)| (h, t)).collect(), weights)
        .ok_or("the trained tagger is inconsistent")?;
    let bytes = tagger.to_bytes();
    let (right, total) = brown::accuracy(&tagger, &dev_docs);
    eprintln!(
        "train-tagger: {} train documents, {} sentences, {tokens} tokens; {} dictionary words; 2^{} buckets, \
         {} epochs, clip {}; {:.1}s",
        train_docs.len(),
        sentences.len(),
        dict.len(),
        o.bits,
        o.epochs,
        o.clip,
        t0.elapsed().as_secs_f64()
    );
    eprintln!(
        "train-tagger: brown-press dev accuracy {:.4} ({right}/{total}); file {} bytes raw, {} gzip -9",
        right as f64 / total as f64,
        bytes.len(),
        gzip_len(&bytes)
    );
    if !o.write {
        confusion(&tagger, &dev_docs);
    }
    if o.write {
        let out = root().join("src/text/tagger.bin");
        fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
        eprintln!("train-tagger: wrote {}", out.display());
    }
    Ok(())
}

/// The most frequent (gold → predicted) errors on dev, with examples, for study.
fn confusion(tagger: &Tagger, docs: &[Doc]) {
    let mut errors: BTreeMap<(Tag, Tag), (usize, BTreeMap<String, usize>)> = BTreeMap::new();
    let mut out = Vec::new();
    for s in docs.iter().flat_map(|d| &d.sentences) {
        tagger.tag_sentence(&s.features(), &mut out);
        for ((w, &g), &p) in s.words.iter().zip(&s.tags).zip(&out) {
            if g != p {
                let e = errors.entry((g, p)).or_default();
                e.0 += 1;
                *e.1.entry(w.clone()).or_default() += 1;
            }
        }
    }
    let mut v: Vec<_> = errors.into_iter().collect();
    v.sort_by_key(|(_, (n, _))| std::cmp::Reverse(*n));
    for ((g, p), (n, words)) in v.into_iter().take(25) {
        let mut ws: Vec<_> = words.into_iter().collect();
        ws.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        let ex: Vec<String> = ws.iter().take(8).map(|(w, n)| format!("{w}×{n}")).collect();
        eprintln!("  {:>10} → {:<10} {n:>5}  {}", g.as_str(), p.as_str(), ex.join(" "));
    }
}

/// Frequent words that carry one tag nearly always: word hash → tag.
fn dictionary(sentences: &[(Vec<Word>, Vec<Tag>)]) -> BTreeMap<u32, Tag> {
    let mut counts: BTreeMap<u32, [u32; N]> = BTreeMap::new();
    for (words, tags) in sentences {
        for (w, &t) in words.iter().zip(tags) {
            counts.entry(w.hash).or_insert([0; N])[t as usize] += 1;
        }
    }
    let mut dict = BTreeMap::new();
    for (h, c) in counts {
        let total: u32 = c.iter().sum();
        let (best, &n) = c.iter().enumerate().max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i))).unwrap_or((0, &0));
        if total >= DICT_MIN_COUNT && f64::from(n) / f64::from(total) >= DICT_MIN_SHARE && total - n < DICT_MAX_OTHER {
            dict.insert(h, TAGS[best]);
        }
    }
    dict
}

/// A small deterministic generator (xorshift64*) for the per-epoch shuffle.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Averaged perceptron; returns the averaged weights, bucket-major (bucket * N + tag).
fn fit(sentences: &[(Vec<Word>, Vec<Tag>)], dict: &BTreeMap<u32, Tag>, bits: u8, epochs: usize) -> Vec<f64> {
    let size = N << bits;
    let mut w = vec![0i32; size];
    let mut total = vec![0i64; size];
    let mut stamp = vec![0u32; size];
    let mut now: u32 = 0;
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut keys = [0u32; FEATURES];
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, (rng.next() % (i as u64 + 1)) as usize);
        }
        let (mut right, mut seen) = (0usize, 0usize);
        for &s in &order {
            let (words, gold) = &sentences[s];
            let (mut p1, mut p2) = tagger::start_tags();
            for i in 0..words.len() {
                now += 1;
                let guess = match dict.get(&words[i].hash) {
                    Some(&t) => t,
                    None => {
                        tagger::features(words, i, p1, p2, &mut keys);
                        let mut score = [0i64; N];
                        for &k in &keys {
                            let b = tagger::bucket(k, bits) * N;
                            for t in 0..N {
                                score[t] += i64::from(w[b + t]);
                            }
                        }
                        let best = (0..N).fold(0, |b, t| if score[t] > score[b] { t } else { b });
                        let guess = TAGS[best];
                        if guess != gold[i] {
                            for &k in &keys {
                                let b = tagger::bucket(k, bits) * N;
                                for (t, d) in [(gold[i] as usize, 1), (best, -1)] {
                                    let j = b + t;
                                    total[j] += i64::from(now - stamp[j]) * i64::from(w[j]);
                                    stamp[j] = now;
                                    w[j] += d;
                                }
                            }
                        }
                        guess
                    }
                };
                right += usize::from(guess == gold[i]);
                seen += 1;
                p2 = p1;
                p1 = guess as u32;
            }
        }
        eprintln!("train-tagger: epoch {} training accuracy {:.4}", epoch + 1, right as f64 / seen.max(1) as f64);
    }
    (0..size).map(|j| (total[j] + i64::from(now - stamp[j]) * i64::from(w[j])) as f64 / f64::from(now.max(1))).collect()
}

/// One signed byte per weight: scale so that the `clip` quantile of the non-zero
/// magnitudes maps to 127; larger weights saturate.
fn quantise(w: &[f64], clip: f64) -> (f32, Vec<i8>) {
    let mut mags: Vec<f64> = w.iter().map(|x| x.abs()).filter(|&x| x > 0.0).collect();
    mags.sort_by(f64::total_cmp);
    let at = ((mags.len() as f64 * clip) as usize).min(mags.len().saturating_sub(1));
    let top = mags.get(at).copied().unwrap_or(1.0);
    let scale = if top > 0.0 { top / 127.0 } else { 1.0 };
    (scale as f32, w.iter().map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8).collect())
}

/// For the scoreboard: the committed tagger's accuracy on the Brown press test split.
pub fn test_accuracy() -> Result<(usize, usize)> {
    let docs: Vec<Doc> = brown::load(&[Split::Test])?;
    let tagger = caveat::text::tagger::active().ok_or("src/text/tagger.bin is missing or broken")?;
    Ok(brown::accuracy(tagger, &docs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantising_keeps_signs_and_saturates_outliers() {
        let w = [0.0, 1.0, -1.0, 2.0, 100.0];
        let (scale, q) = quantise(&w, 0.5);
        assert_eq!(q[0], 0);
        assert_eq!(q[1], -q[2]);
        assert_eq!(q[3], 127);
        assert_eq!(q[4], 127);
        assert!((scale - 2.0 / 127.0).abs() < 1e-6);
        let (_, q) = quantise(&w, 1.0);
        assert_eq!((q[1], q[3], q[4]), (1, 3, 127));
    }

    #[test]
    fn shuffling_is_deterministic() {
        let a: Vec<u64> = (0..3)
            .map({
                let mut r = Rng(1);
                move |_| r.next()
            })
            .collect();
        let b: Vec<u64> = (0..3)
            .map({
                let mut r = Rng(1);
                move |_| r.next()
            })
            .collect();
        assert_eq!(a, b);
    }
}
