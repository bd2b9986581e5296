//! The seed article: gold spans per category in `seed-article.gold.tsv`
//! (`category, required, start_byte, end_byte, text`), scored by overlap.

use caveat::{Category, Report};

use crate::metrics::overlaps;

use super::row::Row;
use crate::metrics::{match_spans, Counts, Span};

#[derive(Debug, Clone, PartialEq)]
pub struct GoldSpan {
    pub category: Category,
    pub required: bool,
    pub span: Span,
    pub text: String,
}

fn category(s: &str) -> Option<Category> {
    Category::ALL.into_iter().find(|c| c.as_str() == s)
}

/// Parse the gold TSV, checking that each span's text is what the article holds there.
pub fn parse(tsv: &str, article: &str) -> Result<Vec<GoldSpan>, String> {
    let mut out = Vec::new();
    for (i, line) in tsv.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |what: &str| format!("seed gold line {}: {what}: {line:?}", i + 1);
        let f: Vec<&str> = line.split('\t').collect();
        let [cat, req, start, end, text] = f[..] else { return Err(bad("expected 5 columns")) };
        let category = category(cat).ok_or_else(|| bad("unknown category"))?;
        let span: Span = (start.parse().map_err(|_| bad("bad start"))?, end.parse().map_err(|_| bad("bad end"))?);
        if article.get(span.0..span.1) != Some(text) {
            return Err(bad("span text differs from the article"));
        }
        out.push(GoldSpan { category, required: req == "yes", span, text: text.to_string() });
    }
    Ok(out)
}

pub struct CategoryScore {
    pub category: Category,
    pub counts: Counts,
    pub missed: Vec<String>,
    pub extra: Vec<String>,
}

/// Per category: a required span is found when a mark of its category overlaps it; a
/// mark overlapping no gold span of its category (required or optional) is false.
/// Every mark of a report as (category, span).
pub fn marks_of(report: &Report) -> Vec<(Category, Span)> {
    report.annotations.iter().map(|a| (a.category, (a.start, a.end))).collect()
}

pub fn score(gold: &[GoldSpan], article: &str, marks: &[(Category, Span)]) -> Vec<CategoryScore> {
    Category::ALL
        .into_iter()
        .map(|cat| {
            let required: Vec<&GoldSpan> = gold.iter().filter(|g| g.category == cat && g.required).collect();
            let items: Vec<Vec<Span>> = required.iter().map(|g| vec![g.span]).collect();
            let protect: Vec<Span> = gold.iter().filter(|g| g.category == cat).map(|g| g.span).collect();
            let marks: Vec<Span> = marks.iter().filter(|m| m.0 == cat).map(|m| m.1).collect();
            let counts = match_spans(&items, &protect, &marks);
            let missed = required
                .iter()
                .filter(|g| !marks.iter().any(|&m| overlaps(m, g.span)))
                .map(|g| g.text.clone())
                .collect();
            let extra = marks
                .iter()
                .filter(|&&m| !protect.iter().any(|&p| overlaps(m, p)))
                .map(|m| article.get(m.0..m.1).unwrap_or("").to_string())
                .collect();
            CategoryScore { category: cat, counts, missed, extra }
        })
        .collect()
}

/// The seed article is what the detectors are designed on: a dev set. It is machine
/// translated, so its `translation_likelihood` should reach 0.5: a one-document row
/// (accuracy 1 or 0).
pub fn rows(scores: &[CategoryScore], translation_likelihood: f64) -> Vec<Row> {
    let mut rows: Vec<Row> =
        scores.iter().map(|s| Row::prf(s.category.as_str(), "seed-article", "dev", "span", s.counts)).collect();
    let mut doc = Row::new("translation", "seed-article", "dev", "document", 1);
    doc.accuracy = Some(if translation_likelihood >= 0.5 { 1.0 } else { 0.0 });
    rows.push(doc);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Officials said — it may be so.";

    #[test]
    fn parses_byte_offsets_and_checks_them() {
        let tsv = "category\trequired\tstart_byte\tend_byte\ttext\n\
                   sourcing\tyes\t0\t14\tOfficials said\n\
                   hedging\tno\t22\t25\tmay\n";
        let g = parse(tsv, ARTICLE).unwrap();
        assert_eq!(g.len(), 2);
        assert_eq!((g[1].category, g[1].required, g[1].span), (Category::Hedging, false, (22, 25)));
        // Code-point offsets (20..23) would be wrong here: the dash is three bytes.
        let wrong = "category\trequired\tstart_byte\tend_byte\ttext\nhedging\tyes\t20\t23\tmay\n";
        assert!(parse(wrong, ARTICLE).is_err());
        assert!(parse("h\nmisc\tyes\t0\t1\tO\n", ARTICLE).is_err());
    }

    #[test]
    fn optional_spans_give_neither_credit_nor_penalty() {
        let tsv = "category\trequired\tstart_byte\tend_byte\ttext\n\
                   sourcing\tyes\t0\t14\tOfficials said\n\
                   hedging\tno\t22\t25\tmay\n";
        let gold = parse(tsv, ARTICLE).unwrap();
        let marks = [
            (Category::Hedging, (22, 25)),    // optional: neutral
            (Category::Hedging, (26, 28)),    // "be": false
            (Category::Sourcing, (10, 14)),   // finds "Officials said"
            (Category::Translation, (0, 14)), // wrong category: false for translation
        ];
        let scores = score(&gold, ARTICLE, &marks);
        let by = |c: Category| scores.iter().find(|s| s.category == c).unwrap();
        assert_eq!(by(Category::Hedging).counts, Counts { tp: 0, fn_: 0, fp: 1, predicted: 2 });
        assert_eq!(by(Category::Hedging).extra, vec!["be"]);
        assert_eq!(by(Category::Sourcing).counts, Counts { tp: 1, fn_: 0, fp: 0, predicted: 1 });
        assert_eq!(by(Category::Translation).counts, Counts { tp: 0, fn_: 0, fp: 1, predicted: 1 });
        assert!(by(Category::Sourcing).missed.is_empty());
        let rows = rows(&scores, 0.5);
        assert_eq!(rows.len(), 4);
        assert_eq!((rows[3].level.as_str(), rows[3].accuracy), ("document", Some(1.0)));
        assert_eq!(super::rows(&scores, 0.49)[3].accuracy, Some(0.0));
    }
}
