//! Sourcing on PolNeAR (`corpus::polnear`): positives are `unnamed` + `vague` sources.
//! Matching is that of `shared/eval/sourcing/score_sources.py`: a positive is found when
//! a sourcing mark overlaps its source or cue span; a mark overlapping no positive is
//! false; precision = marks that overlap a positive / all marks (over the TSV's articles).

use std::collections::{BTreeMap, BTreeSet};

use caveat::{Category, Report, SourceKind};

use crate::corpus::polnear::GoldSource;
use crate::metrics::{match_spans, overlaps, ratio, Counts, Span};

use super::row::Row;

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
    use crate::corpus::polnear::parse;
    use crate::corpus::polnear::tests::TSV;

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
