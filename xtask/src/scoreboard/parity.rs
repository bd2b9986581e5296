//! Translation on MT parity zh→en (WMT17): each document's professional human
//! translation and its neural MT, scored by `summary.translation_likelihood`.
//! Documents are the `.sgm`'s `<doc>`s; odd-numbered (1-based) are dev, even test.
//! A document's sentences are joined with a space (as score_translation.py does).

use std::path::Path;

use super::metrics::{accuracy_at, auc, Counts};
use super::row::Row;

/// One document in both versions.
#[derive(Debug, PartialEq)]
pub struct Pair {
    /// 1-based document number in the `.sgm`.
    pub number: usize,
    pub human: String,
    pub machine: String,
    /// The aligned sentences (human, machine), for the sentence-level row.
    pub lines: Vec<(String, String)>,
}

impl Pair {
    pub fn split(&self) -> &'static str {
        if self.number % 2 == 1 {
            "dev"
        } else {
            "test"
        }
    }
}

/// Sentences per `<doc>` of the source `.sgm`.
pub fn doc_sizes(sgm: &str) -> Vec<usize> {
    sgm.split("<doc ").skip(1).map(|d| d.matches("<seg").count()).collect()
}

pub fn pairs(sgm: &str, human: &str, machine: &str) -> Result<Vec<Pair>, String> {
    let sizes = doc_sizes(sgm);
    let ht: Vec<&str> = human.lines().collect();
    let mt: Vec<&str> = machine.lines().collect();
    let total: usize = sizes.iter().sum();
    if total != ht.len() || total != mt.len() {
        return Err(format!("MT parity: {total} segments in the .sgm, {} human and {} MT lines", ht.len(), mt.len()));
    }
    let mut at = 0;
    Ok(sizes
        .iter()
        .enumerate()
        .map(|(i, &k)| {
            let lines =
                ht[at..at + k].iter().zip(&mt[at..at + k]).map(|(h, m)| (h.to_string(), m.to_string())).collect();
            let p = Pair { number: i + 1, human: ht[at..at + k].join(" "), machine: mt[at..at + k].join(" "), lines };
            at += k;
            p
        })
        .collect())
}

/// Every document pair of the MT-parity data under `eval` (`../shared/eval`).
pub fn load(eval: &Path) -> Result<Vec<Pair>, String> {
    let base = eval.join("translation/mt_parity_zhen/ranking/input");
    let read = |name: &str| {
        let path = base.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    pairs(&read("newstest2017-zhen-src.zh.sgm")?, &read("microsoft-ht.txt")?, &read("microsoft-mt-combo6.txt")?)
}

/// `machine` / `human`: the likelihoods of the machine and human versions.
pub fn row(split: &str, machine: &[f64], human: &[f64]) -> Row {
    let called = |xs: &[f64]| xs.iter().filter(|&&x| x >= 0.5).count();
    let tp = called(machine);
    let fp = called(human);
    let c = Counts { tp, fn_: machine.len() - tp, fp, predicted: tp + fp };
    let mut r = Row::prf("translation", "mt-parity-zhen", split, "document", c);
    r.auc = auc(machine, human);
    r.accuracy = Some(accuracy_at(machine, human, 0.5));
    r
}

/// Sentence level: each aligned line's human and machine version analysed on its
/// own and scored by its `translation_likelihood` (what the core says of one sentence).
pub fn sentence_row(split: &str, machine: &[f64], human: &[f64]) -> Row {
    let mut r = Row::new("translation", "mt-parity-zhen", split, "sentence", machine.len());
    r.auc = auc(machine, human);
    r.accuracy = Some(accuracy_at(machine, human, 0.5));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    const SGM: &str =
        "<srcset>\n<doc docid=\"a\">\n<p>\n<seg id=\"1\">一</seg>\n<seg id=\"2\">二</seg>\n</p>\n</doc>\n\
                       <doc docid=\"b\">\n<seg id=\"1\">三</seg>\n</doc>\n</srcset>\n";

    #[test]
    fn groups_lines_by_document_and_splits_odd_even() {
        let p = pairs(SGM, "H1\nH2\nH3\n", "M1\nM2\nM3\n").unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!((p[0].human.as_str(), p[0].machine.as_str(), p[0].split()), ("H1 H2", "M1 M2", "dev"));
        assert_eq!((p[1].human.as_str(), p[1].split()), ("H3", "test"));
        assert_eq!(p[0].lines, vec![("H1".into(), "M1".into()), ("H2".into(), "M2".into())]);
        assert!(pairs(SGM, "H1\nH2\n", "M1\nM2\nM3\n").is_err());
    }

    #[test]
    fn row_has_auc_accuracy_and_mt_class_f1() {
        let r = row("dev", &[0.9, 0.4], &[0.6, 0.1]);
        assert_eq!(r.auc, Some(0.75));
        assert_eq!(r.accuracy, Some(0.5));
        assert_eq!((r.precision, r.recall, r.n), (Some(0.5), Some(0.5), 2));
    }

    #[test]
    fn sentence_row_has_auc_and_no_f1() {
        let r = sentence_row("test", &[0.8, 0.3, 0.6], &[0.2, 0.4, 0.1]);
        assert_eq!(r.auc, Some(8.0 / 9.0));
        assert_eq!(r.accuracy, Some(5.0 / 6.0));
        assert_eq!((r.f1, r.n), (None, 3));
    }
}
