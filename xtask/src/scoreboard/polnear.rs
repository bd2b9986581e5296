//! Sourcing on PolNeAR: `polnear_sources_{dev,test}.tsv` labels every attribution's
//! source; positives are `unnamed` + `vague`. Matching is that of
//! `shared/eval/sourcing/score_sources.py`: a positive is found when a sourcing mark
//! overlaps its source or cue span; a mark overlapping no positive is false;
//! precision = marks that overlap a positive / all marks (over the TSV's articles).

use std::collections::{BTreeMap, BTreeSet};

use caveat::{Category, Report, SourceKind};

use super::metrics::{match_spans, overlaps, ratio, Counts, Span};
use super::row::Row;

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
pub fn parse(tsv: &str) -> Result<Vec<GoldSource>, String> {
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

/// Per-article sourcing scores, summed over the TSV's articles.
#[derive(Debug, Default)]
pub struct Scores {
    pub counts: Counts,
    /// Per gold label: (gold sources, matched by a detected attribution, kind right).
    pub kinds: BTreeMap<String, (usize, usize, usize)>,
    pub missed: Vec<String>,
    pub extra: Vec<String>,
}

/// One article: its text, its sourcing marks and detected attributions (source span, kind).
pub struct Predicted<'a> {
    pub text: &'a str,
    pub marks: Vec<Span>,
    pub attributions: Vec<(Span, SourceKind)>,
}

impl<'a> Predicted<'a> {
    pub fn from_report(text: &'a str, r: &Report) -> Self {
        Predicted {
            text,
            marks: r
                .annotations
                .iter()
                .filter(|a| a.category == Category::Sourcing)
                .map(|a| (a.start, a.end))
                .collect(),
            attributions: r
                .attributions
                .iter()
                .filter_map(|a| Some(((a.source_start?, a.source_end?), a.kind)))
                .collect(),
        }
    }
}

pub fn score_article(gold: &[&GoldSource], pred: &Predicted, s: &mut Scores) {
    let positives: Vec<&GoldSource> = gold.iter().copied().filter(|g| g.is_positive()).collect();
    let items: Vec<Vec<Span>> = positives.iter().map(|g| g.source.into_iter().chain([g.cue]).collect()).collect();
    let protect: Vec<Span> = items.iter().flatten().copied().collect();
    s.counts.add(match_spans(&items, &protect, &pred.marks));
    for (g, spans) in positives.iter().zip(&items) {
        if !spans.iter().any(|&sp| pred.marks.iter().any(|&m| overlaps(m, sp))) {
            s.missed.push(g.source_text.clone());
        }
    }
    for &m in &pred.marks {
        if !protect.iter().any(|&p| overlaps(m, p)) {
            s.extra.push(pred.text.get(m.0..m.1).unwrap_or("").to_string());
        }
    }
    // Source kinds: the detected attribution whose source overlaps the gold source most.
    for g in gold {
        let Some(src) = g.source else { continue };
        let e = s.kinds.entry(g.label.clone()).or_default();
        e.0 += 1;
        let best = pred
            .attributions
            .iter()
            .filter(|(sp, _)| overlaps(*sp, src))
            .max_by_key(|(sp, _)| sp.1.min(src.1) - sp.0.max(src.0));
        if let Some((_, kind)) = best {
            e.1 += 1;
            e.2 += (kind.as_str() == g.label) as usize;
        }
    }
}

/// Score every article that the TSV names (as score_sources.py does); `text_of` gives
/// each article's predictions.
pub fn score<'a>(
    gold: &[GoldSource],
    mut pred_of: impl FnMut(&str) -> Option<Predicted<'a>>,
) -> Result<Scores, String> {
    let mut s = Scores::default();
    let articles: BTreeSet<&str> = gold.iter().map(|g| g.article.as_str()).collect();
    for art in articles {
        let p = pred_of(art).ok_or_else(|| format!("PolNeAR article {art} is in the TSV but has no text"))?;
        let g: Vec<&GoldSource> = gold.iter().filter(|g| g.article == art).collect();
        score_article(&g, &p, &mut s);
    }
    Ok(s)
}

pub fn rows(split: &str, s: &Scores) -> Vec<Row> {
    let mut rows = vec![Row::prf_with("sourcing", "polnear", split, "span", s.counts, s.counts.prediction_precision())];
    let mut all = (0, 0, 0);
    for (label, &(n, matched, right)) in &s.kinds {
        all = (all.0 + n, all.1 + matched, all.2 + right);
        rows.push(kind_row(split, &format!("kind:{label}"), (n, matched, right)));
    }
    rows.push(kind_row(split, "kind:all", all));
    rows
}

/// recall = share of gold sources a detected attribution overlaps; accuracy = share of
/// those whose kind is the gold label.
fn kind_row(split: &str, level: &str, (n, matched, right): (usize, usize, usize)) -> Row {
    let mut r = Row::new("sourcing", "polnear", split, level, n).info();
    r.recall = Some(ratio(matched, n));
    r.accuracy = Some(ratio(right, matched));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "row_id\tsplit\tarticle_file\tsource_start\tsource_end\tsource_text\tcue_start\tcue_end\tcue_text\tlabel\tsentence_text\tsource_start_b\tsource_end_b\tcue_start_b\tcue_end_b\n\
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
    fn scores_like_score_sources_py() {
        let gold = parse(TSV).unwrap();
        let a = "Officials said — Doe said it.";
        let s = score(&gold, |art| {
            Some(match art {
                // One mark on the positive's cue, one on a named source (false).
                "a.txt" => Predicted {
                    text: a,
                    marks: vec![(10, 14), (19, 22)],
                    attributions: vec![((0, 9), SourceKind::Vague), ((19, 22), SourceKind::NamedPerson)],
                },
                _ => Predicted { text: "Experts say", marks: vec![], attributions: vec![] },
            })
        })
        .unwrap();
        assert_eq!(s.counts, Counts { tp: 1, fn_: 1, fp: 1, predicted: 2 });
        assert_eq!(s.counts.prediction_precision(), 0.5);
        assert_eq!(s.missed, vec!["Experts"]);
        assert_eq!(s.extra, vec!["Doe"]);
        assert_eq!(s.kinds["unnamed"], (1, 1, 0)); // found, but called vague
        assert_eq!(s.kinds["named_person"], (1, 1, 1));
        assert_eq!(s.kinds["vague"], (1, 0, 0));
        assert!(!s.kinds.contains_key("none"));
        let rows = rows("dev", &s);
        assert_eq!(rows[0].precision, Some(0.5));
        assert_eq!(rows.last().unwrap().accuracy, Some(0.5)); // kind:all: 1 right of 2 matched
    }

    #[test]
    fn an_article_without_text_is_an_error() {
        let gold = parse(TSV).unwrap();
        assert!(score(&gold, |_| None).is_err());
    }
}
