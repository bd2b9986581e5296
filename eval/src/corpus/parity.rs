//! MT parity zh→en (WMT17): each document's professional human translation and its
//! neural MT. Documents are the `.sgm`'s `<doc>`s; odd-numbered (1-based) are dev, even
//! test. A document's sentences are joined with a space (as score_translation.py does).

use std::path::Path;

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
}
