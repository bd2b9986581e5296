//! PolNeAR (news attributions, `../shared/eval/sourcing`): the article texts of each
//! split, the BRAT annotations behind them (Source and Cue spans, for training), and
//! the evaluation's `polnear_sources_{dev,test}.tsv`, which labels every attribution's
//! source (`unnamed`, `vague`, `named_person`…).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::metrics::Span;
use crate::util::{file_names, read, Result};

/// The folder of a split's article texts (`train`, `dev`, `test`).
pub fn text_dir(eval: &Path, split: &str) -> PathBuf {
    eval.join("sourcing/polnear").join(split).join("text")
}

/// The names of a split's articles (`….txt`), sorted.
pub fn article_names(eval: &Path, split: &str) -> Result<Vec<String>> {
    file_names(&text_dir(eval, split), ".txt")
}

/// A split's articles, (name, text), in name order.
pub fn articles(eval: &Path, split: &str) -> Result<Vec<(String, String)>> {
    let dir = text_dir(eval, split);
    article_names(eval, split)?
        .into_iter()
        .map(|n| {
            let text = read(&dir.join(&n))?;
            Ok((n, text))
        })
        .collect()
}

/// The gold sources of the dev or test split (`polnear_sources_{split}.tsv`).
pub fn sources(eval: &Path, split: &str) -> Result<Vec<GoldSource>> {
    parse(&read(&eval.join(format!("sourcing/polnear_sources_{split}.tsv")))?)
}

pub const POSITIVE: [&str; 2] = ["unnamed", "vague"];

#[derive(Debug, Clone, PartialEq)]
pub struct GoldSource {
    pub article: String,
    pub label: String,
    /// UTF-8 byte spans (the `*_b` columns); no source when the relation has none.
    pub source: Option<Span>,
    pub cue: Span,
    pub source_text: String,
}

impl GoldSource {
    pub fn is_positive(&self) -> bool {
        POSITIVE.contains(&self.label.as_str())
    }
}

/// Parse the TSV by header names. Fields are split on tabs (the key columns hold no
/// quotes or tabs; `sentence_text` may start with a quote, which we never read).
pub fn parse(tsv: &str) -> Result<Vec<GoldSource>> {
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().ok_or("empty sources TSV")?.split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).ok_or(format!("sources TSV lacks column {name}"));
    let [article, label, sb, se, cb, ce, st] =
        ["article_file", "label", "source_start_b", "source_end_b", "cue_start_b", "cue_end_b", "source_text"].map(col);
    let (article, label, sb, se, cb, ce, st) = (article?, label?, sb?, se?, cb?, ce?, st?);
    let mut out = Vec::new();
    for (i, line) in lines.enumerate() {
        if line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != header.len() {
            return Err(format!("sources TSV line {}: {} fields, expected {}", i + 2, f.len(), header.len()));
        }
        let num =
            |c: usize| f[c].parse::<usize>().map_err(|_| format!("sources TSV line {}: bad offset {:?}", i + 2, f[c]));
        let source = if f[sb].is_empty() { None } else { Some((num(sb)?, num(se)?)) };
        out.push(GoldSource {
            article: f[article].to_string(),
            label: f[label].to_string(),
            source,
            cue: (num(cb)?, num(ce)?),
            source_text: f[st].to_string(),
        });
    }
    Ok(out)
}

/// Gold Source and Cue spans of one article, as UTF-8 byte offsets.
#[derive(Debug, Default, PartialEq)]
pub struct Gold {
    pub sources: Vec<(usize, usize)>,
    pub cues: Vec<(usize, usize)>,
}

/// For each annotated article, the annotator file with the most relations (ties:
/// the alphabetically first), as the evaluation sets do.
pub fn annotation_files(dir: &Path) -> Result<BTreeMap<String, PathBuf>> {
    let mut names: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    names.sort();
    let mut best: BTreeMap<String, (usize, PathBuf)> = BTreeMap::new();
    for path in names {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let Some((article, _annotator)) = stem.rsplit_once('_') else { continue };
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let relations = text.lines().filter(|l| l.starts_with('E')).count();
        match best.get(article) {
            Some((n, _)) if *n >= relations => {}
            _ => {
                best.insert(article.to_string(), (relations, path));
            }
        }
    }
    Ok(best.into_iter().map(|(a, (_, p))| (a, p)).collect())
}

/// Source and Cue spans of a BRAT file (code-point offsets, possibly discontinuous
/// "s e;s e"), converted to byte offsets of `text`.
pub fn parse_ann(ann: &str, text: &str) -> Gold {
    let bytes_at: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let byte = |c: usize| bytes_at.get(c).copied();
    let mut gold = Gold::default();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let Some(spec) = line.split('\t').nth(1) else { continue };
        let Some((role, offsets)) = spec.split_once(' ') else { continue };
        let numbers: Vec<usize> = offsets.split([' ', ';']).filter_map(|n| n.parse().ok()).collect();
        let (Some(&first), Some(&last)) = (numbers.first(), numbers.last()) else { continue };
        let (Some(start), Some(end)) = (byte(first), byte(last)) else { continue };
        match role {
            "Source" => gold.sources.push((start, end)),
            "Cue" => gold.cues.push((start, end)),
            _ => {}
        }
    }
    gold
}

/// One annotated PolNeAR article.
pub struct Article {
    pub name: String,
    pub text: String,
    pub gold: Gold,
}

/// The annotated articles of a split with their gold spans, in file-name order.
pub fn annotated(eval: &Path, split: &str) -> Result<Vec<Article>> {
    let dir = eval.join("sourcing/polnear").join(split);
    let mut articles = Vec::new();
    for (name, ann_path) in annotation_files(&dir.join("attributions"))? {
        let text_path = dir.join("text").join(format!("{name}.txt"));
        let text = fs::read_to_string(&text_path).map_err(|e| format!("{}: {e}", text_path.display()))?;
        let ann = fs::read_to_string(&ann_path).map_err(|e| format!("{}: {e}", ann_path.display()))?;
        let gold = parse_ann(&ann, &text);
        articles.push(Article { name, text, gold });
    }
    Ok(articles)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) const TSV: &str = "row_id\tsplit\tarticle_file\tsource_start\tsource_end\tsource_text\tcue_start\tcue_end\tcue_text\tlabel\tsentence_text\tsource_start_b\tsource_end_b\tcue_start_b\tcue_end_b\n\
        0\tdev\ta.txt\t0\t9\tOfficials\t10\t14\tsaid\tunnamed\t\"Quoted\" start\t0\t9\t10\t14\n\
        1\tdev\ta.txt\t\t\t\t30\t35\tnoted\tnone\tx\t\t\t32\t37\n\
        2\tdev\ta.txt\t17\t20\tDoe\t21\t25\tsaid\tnamed_person\tx\t19\t22\t23\t27\n\
        3\tdev\tb.txt\t0\t6\tExperts\t7\t11\tsay\tvague\tx\t0\t6\t7\t11\n";

    #[test]
    fn parses_byte_columns_and_empty_sources() {
        let g = parse(TSV).unwrap();
        assert_eq!(g.len(), 4);
        assert_eq!((g[0].source, g[0].cue, g[0].is_positive()), (Some((0, 9)), (10, 14), true));
        // The *_b columns, not the code-point ones, are read.
        assert_eq!((g[1].source, g[1].cue, g[1].is_positive()), (None, (32, 37), false));
        assert_eq!(g[2].source, Some((19, 22)));
        assert!(parse("article_file\tlabel\n").is_err());
    }

    #[test]
    fn brat_code_points_become_byte_offsets() {
        let text = "“Oui,” dit-il. Experts say";
        let ann =
            "T1\tSource 15 22\tExperts\nT2\tCue 23 26\tsay\nT3\tContent 0 5;6 7\tx\nE1\tAttribution:T2 Source:T1\n";
        let g = parse_ann(ann, text);
        assert_eq!(&text[g.sources[0].0..g.sources[0].1], "Experts");
        assert_eq!(&text[g.cues[0].0..g.cues[0].1], "say");
        assert_eq!(parse_ann("T1\tSource 99 120\tx\nT2\tbroken\n", text), Gold::default());
    }
}
