//! `cargo xtask hedging-dev [--test] [-v] [--set factbank|wiki] [--show WORD]`: hedging quality on the Szeged
//! FactBank (news) and Wikipedia splits, measured the way `../shared/tools/score_hedging.py`
//! measures the test splits, but on the DEV splits by default (the ones we may tune on):
//! FactBank's first 104 documents, Wikipedia's first 80%.
//!
//! Each document's sentences are joined with a space and analysed as one text; a sentence
//! counts as predicted uncertain when a hedging mark overlaps it. Gold: cues of type
//! probable / possible / doxastic (condition and investigation are not hedging).
//! `-v` lists the most frequent false positives and false negatives; `--show WORD` prints the
//! sentences where WORD was a false positive or a miss.

use std::collections::BTreeMap;
use std::path::Path;

use caveat::Category;

use crate::util::Result;

/// Cue types that Caveat calls hedging.
const HEDGE_TYPES: &[&str] = &["probable", "possible", "doxastic"];

pub struct Sentence {
    pub text: String,
    /// (start, end, type) in bytes of `text`.
    pub cues: Vec<Cue>,
}

pub type Doc = Vec<Sentence>;

/// A gold cue: byte range and Szeged type.
pub type Cue = (usize, usize, String);

pub fn is_hedge_type(t: &str) -> bool {
    HEDGE_TYPES.iter().any(|k| t.contains(k))
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(semi) = tail.find(';') else {
            out.push_str(tail);
            return out;
        };
        let ent = &tail[1..semi];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent.strip_prefix('#').and_then(|n| n.parse::<u32>().ok()).and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The Szeged XML: `<Document>`s of `<Sentence>`s with inline `<ccue type="…">`.
pub fn load(path: &Path) -> Result<Vec<Doc>> {
    let xml = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs = Vec::new();
    for doc_xml in xml.split("<Document ").skip(1) {
        let mut doc = Vec::new();
        for sent_xml in doc_xml.split("<Sentence ").skip(1) {
            let Some(open_end) = sent_xml.find('>') else { continue };
            let body = &sent_xml[open_end + 1..];
            let body = &body[..body.find("</Sentence>").unwrap_or(body.len())];
            let mut s = Sentence { text: String::new(), cues: Vec::new() };
            let mut rest = body;
            while let Some(i) = rest.find("<ccue") {
                s.text.push_str(&unescape(&rest[..i]));
                let tag_end = rest[i..].find('>').map(|e| i + e).ok_or("unclosed ccue")?;
                let tag = &rest[i..tag_end];
                let kind = tag.split("type=\"").nth(1).and_then(|t| t.split('"').next()).unwrap_or("");
                let close = rest[tag_end..].find("</ccue>").map(|e| tag_end + e).ok_or("unclosed ccue")?;
                let start = s.text.len();
                s.text.push_str(&unescape(&rest[tag_end + 1..close]));
                s.cues.push((start, s.text.len(), kind.to_string()));
                rest = &rest[close + "</ccue>".len()..];
            }
            s.text.push_str(&unescape(rest));
            doc.push(s);
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// (FactBank, Wikipedia) documents of the dev or the test split.
pub fn splits(test: bool) -> Result<(Vec<Doc>, Vec<Doc>)> {
    let shared = crate::util::shared().ok_or("../shared is not there: no evaluation data")?;
    let mut fb = load(&shared.join("eval/hedging/factbank.xml"))?;
    let mut wk = load(&shared.join("eval/hedging/wiki.xml"))?;
    let fb_cut = 104.min(fb.len());
    let wk_cut = wk.len() * 8 / 10;
    if test {
        fb.drain(..fb_cut);
        wk.drain(..wk_cut);
    } else {
        fb.truncate(fb_cut);
        wk.truncate(wk_cut);
    }
    Ok((fb, wk))
}

/// A document joined into one text: the text, each sentence's byte range, the gold cues.
pub fn join(doc: &Doc) -> (String, Vec<(usize, usize)>, Vec<Cue>) {
    let mut text = String::new();
    let mut bounds = Vec::new();
    let mut cues = Vec::new();
    for s in doc {
        if !text.is_empty() {
            text.push(' ');
        }
        let base = text.len();
        text.push_str(&s.text);
        bounds.push((base, text.len()));
        cues.extend(s.cues.iter().map(|(a, e, t)| (base + a, base + e, t.clone())));
    }
    (text, bounds, cues)
}

#[derive(Default, Clone, Copy)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Prf {
    pub fn p(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn r(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
    fn show(&self) -> String {
        format!(
            "P={:.3} R={:.3} F1={:.3} (tp {} fp {} fn {})",
            self.p(),
            self.r(),
            self.f1(),
            self.tp,
            self.fp,
            self.fn_
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[derive(Default)]
struct Errors {
    /// Lower-cased marked text -> count, and examples (sentence text).
    fp: BTreeMap<String, (usize, Vec<String>)>,
    fn_: BTreeMap<String, (usize, Vec<String>)>,
}

fn bump(map: &mut BTreeMap<String, (usize, Vec<String>)>, key: String, example: String) {
    let e = map.entry(key).or_default();
    e.0 += 1;
    e.1.push(example);
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn score(docs: &[Doc], errors: &mut Errors) -> (Prf, Prf) {
    let (mut sent, mut cue) = (Prf::default(), Prf::default());
    for doc in docs {
        let (text, bounds, cues) = join(doc);
        let gold: Vec<(usize, usize)> =
            cues.iter().filter(|(_, _, t)| is_hedge_type(t)).map(|&(a, e, _)| (a, e)).collect();
        let preds: Vec<(usize, usize)> = caveat::analyze(&text)
            .annotations
            .iter()
            .filter(|a| a.category == Category::Hedging)
            .map(|a| (a.start, a.end))
            .collect();
        let sentence_at = |x: (usize, usize)| {
            bounds.iter().find(|b| overlaps(**b, x)).map(|b| text[b.0..b.1].to_string()).unwrap_or_default()
        };
        for b in &bounds {
            let g = gold.iter().any(|c| overlaps(*c, *b));
            let p = preds.iter().any(|c| overlaps(*c, *b));
            sent.tp += (g && p) as usize;
            sent.fp += (p && !g) as usize;
            sent.fn_ += (g && !p) as usize;
        }
        for c in &gold {
            if preds.iter().any(|p| overlaps(*p, *c)) {
                cue.tp += 1;
            } else {
                cue.fn_ += 1;
                bump(&mut errors.fn_, text[c.0..c.1].to_lowercase(), sentence_at(*c));
            }
        }
        for p in &preds {
            if !gold.iter().any(|c| overlaps(*p, *c)) {
                cue.fp += 1;
                let why = cues
                    .iter()
                    .find(|c| overlaps((c.0, c.1), *p))
                    .map(|c| format!(" [{}]", c.2.trim()))
                    .unwrap_or_default();
                bump(&mut errors.fp, format!("{}{why}", text[p.0..p.1].to_lowercase()), sentence_at(*p));
            }
        }
    }
    (sent, cue)
}

fn top(map: &BTreeMap<String, (usize, Vec<String>)>, n: usize) -> String {
    let mut v: Vec<_> = map.iter().map(|(k, (c, _))| (*c, k.as_str())).collect();
    v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    v.iter().take(n).map(|(c, k)| format!("{k} {c}")).collect::<Vec<_>>().join(", ")
}

pub fn run(args: &[String]) -> Result {
    let test = args.iter().any(|a| a == "--test");
    let verbose = args.iter().any(|a| a == "-v");
    let show = args.iter().position(|a| a == "--show").and_then(|i| args.get(i + 1)).map(|s| s.to_lowercase());
    let only = args.iter().position(|a| a == "--set").and_then(|i| args.get(i + 1)).cloned();
    let (fb, wk) = splits(test)?;
    let split = if test { "test" } else { "dev" };
    for (name, docs) in [("factbank", &fb), ("wiki", &wk)] {
        if only.as_ref().is_some_and(|o| o != name) {
            continue;
        }
        let mut errors = Errors::default();
        let (sent, cue) = score(docs, &mut errors);
        println!("{name:9} {split} sentence {}", sent.show());
        println!("{name:9} {split} cue      {}", cue.show());
        if verbose {
            println!("  top false positives: {}", top(&errors.fp, 40));
            println!("  top false negatives: {}", top(&errors.fn_, 40));
        }
        if let Some(word) = &show {
            for (kind, map) in [("FP", &errors.fp), ("FN", &errors.fn_)] {
                for (k, (_, examples)) in map {
                    if k == word || k.split(" [").next() == Some(word.as_str()) {
                        for e in examples {
                            println!("  {kind} {k}: {e}");
                        }
                    }
                }
            }
        }
    }
    Ok(())
}
