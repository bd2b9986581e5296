//! `cargo xtask hedging-dev [--test] [-v] [--set factbank|wiki] [--show WORD]`: hedging
//! quality on the Szeged FactBank (news) and Wikipedia splits, scored as the scoreboard
//! scores them (`scoreboard::hedging`), but on the DEV splits by default (the ones we may
//! tune on): FactBank's first 104 documents, Wikipedia's first 80%.
//!
//! `-v` lists the most frequent false positives and false negatives; `--show WORD` prints
//! the sentences where WORD was a false positive or a miss.

use std::collections::BTreeMap;

use crate::corpus::szeged::{self, SzegedDoc};
use crate::metrics::{overlaps, Counts, Span};
use crate::scoreboard::hedging::{self, hedging_marks, Scores};
use crate::util::{read, shared, Result};

fn show(c: &Counts) -> String {
    format!(
        "P={:.3} R={:.3} F1={:.3} (tp {} fp {} fn {})",
        c.precision(),
        c.recall(),
        crate::metrics::f1(c.precision(), c.recall()),
        c.tp,
        c.fp,
        c.fn_
    )
}

/// Lower-cased marked text -> count, and examples (sentence text).
type Errors = BTreeMap<String, (usize, Vec<String>)>;

fn bump(map: &mut Errors, key: String, example: String) {
    let e = map.entry(key).or_default();
    e.0 += 1;
    e.1.push(example);
}

/// Scores the documents; false positives (keyed with the type of a non-hedging cue they
/// overlap, if any) and misses go to `fp` and `fn_` with their sentences.
fn score(docs: &[SzegedDoc], fp: &mut Errors, fn_: &mut Errors) -> Result<Scores> {
    let mut s = Scores::default();
    for (i, doc) in docs.iter().enumerate() {
        let marks = hedging_marks(&crate::scoreboard::analyze(&doc.text, || format!("document {i}"))?);
        hedging::score_doc(doc, &marks, &mut s);
        let text = &doc.text;
        let sentence_at = |x: Span| {
            doc.sentences.iter().find(|b| overlaps(**b, x)).map(|b| text[b.0..b.1].to_string()).unwrap_or_default()
        };
        let gold: Vec<Span> = doc.cues.iter().filter(|c| c.is_hedge()).map(|c| c.span).collect();
        for &c in &gold {
            if !marks.iter().any(|&p| overlaps(p, c)) {
                bump(fn_, text[c.0..c.1].to_lowercase(), sentence_at(c));
            }
        }
        for &p in &marks {
            if !gold.iter().any(|&c| overlaps(p, c)) {
                let why = doc
                    .cues
                    .iter()
                    .find(|c| overlaps(c.span, p))
                    .map(|c| format!(" [{}]", c.raw_type.trim()))
                    .unwrap_or_default();
                bump(fp, format!("{}{why}", text[p.0..p.1].to_lowercase()), sentence_at(p));
            }
        }
    }
    Ok(s)
}

fn top(map: &Errors, n: usize) -> String {
    let mut v: Vec<_> = map.iter().map(|(k, (c, _))| (*c, k.as_str())).collect();
    v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    v.iter().take(n).map(|(c, k)| format!("{k} {c}")).collect::<Vec<_>>().join(", ")
}

pub fn run(args: &[String]) -> Result {
    let mut a = crate::util::args(args);
    let test = a.contains("--test");
    let verbose = a.contains("-v");
    let show_word = a.opt_value_from_str::<_, String>("--show").map_err(|e| e.to_string())?.map(|s| s.to_lowercase());
    let only: Option<String> = a.opt_value_from_str("--set").map_err(|e| e.to_string())?;
    crate::util::finish(a, "hedging-dev [--test] [-v] [--set factbank|wiki] [--show WORD]")?;
    let shared = shared().ok_or("../shared is not there: no evaluation data")?;
    let split = if test { "test" } else { "dev" };
    for name in ["factbank", "wiki"] {
        if only.as_ref().is_some_and(|o| o != name) {
            continue;
        }
        let docs = szeged::parse(&read(&shared.join(format!("eval/hedging/{name}.xml")))?)
            .map_err(|e| format!("{name}.xml: {e}"))?;
        let cut = szeged::split_at(name, docs.len());
        let docs = if test { &docs[cut..] } else { &docs[..cut] };
        let (mut fp, mut fn_) = (Errors::new(), Errors::new());
        let s = score(docs, &mut fp, &mut fn_)?;
        println!("{name:9} {split} sentence {}", show(&s.sentence));
        println!("{name:9} {split} cue      {}", show(&s.cue));
        if verbose {
            println!("  top false positives: {}", top(&fp, 40));
            println!("  top false negatives: {}", top(&fn_, 40));
        }
        if let Some(word) = &show_word {
            for (kind, map) in [("FP", &fp), ("FN", &fn_)] {
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
