//! `cargo bench --bench analyze`: throughput of the whole analysis and of each stage,
//! on the seed article and on ~100 KB and ~1 MB of native news text (PolNeAR test
//! articles from ../shared, assembled at bench time; skipped when ../shared is absent).

use std::path::Path;
use std::time::Duration;

use caveat::{analyze, hedging, sourcing, translation, Document};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "corpus.rs"]
mod corpus;

fn inputs() -> Vec<(&'static str, String)> {
    let Some(shared) = corpus::shared_dir(Path::new(env!("CARGO_MANIFEST_DIR"))) else {
        eprintln!("benches: ../shared is absent; nothing to measure (it holds the benchmark texts)");
        return Vec::new();
    };
    let mut out = Vec::new();
    match corpus::seed_article(&shared) {
        Some(t) => out.push(("seed-8KB", t)),
        None => eprintln!("benches: ../shared/corpus/seed-article.txt is missing; skipping it"),
    }
    for (name, size) in [("news-100KB", 100_000), ("news-1MB", 1_000_000)] {
        match corpus::news_text(&shared, size) {
            Some(t) => out.push((name, t)),
            None => eprintln!("benches: no PolNeAR test articles under ../shared; skipping {name}"),
        }
    }
    out
}

fn benches(c: &mut Criterion) {
    let inputs = inputs();
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| b.iter(|| analyze(t)));
    }
    group.finish();

    // The stages, so a profile is visible without a profiler. Each detector gets a
    // ready Document, as in `caveat::analyze`.
    let mut group = c.benchmark_group("stages");
    group.sample_size(10).warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(2));
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("document", name), text, |b, t| b.iter(|| Document::new(t)));
        let doc = Document::new(text);
        // Part of `document`: the tagger alone, on the document's tokens and sentences.
        group.bench_with_input(BenchmarkId::new("tagging", name), &doc, |b, d| {
            b.iter(|| caveat::text::tag_tokens(d.text, &d.lower, &d.tokens, &d.hashes, &d.sentences))
        });
        group.bench_with_input(BenchmarkId::new("hedging", name), &doc, |b, d| {
            b.iter(|| {
                let mut anns = Vec::new();
                hedging::detect(d, &mut anns);
                anns
            })
        });
        group.bench_with_input(BenchmarkId::new("sourcing", name), &doc, |b, d| {
            b.iter(|| {
                let mut anns = Vec::new();
                sourcing::detect(d, &mut anns)
            })
        });
        group.bench_with_input(BenchmarkId::new("translation", name), &doc, |b, d| {
            b.iter(|| {
                let mut anns = Vec::new();
                translation::detect(d, &mut anns)
            })
        });
    }
    group.finish();
    lexicon(c, &inputs);
}

/// The phrase matcher against the alternative it replaced, in the same run:
/// aho-corasick (leftmost-longest over the lower-case text, then kept where a match
/// starts and ends on token boundaries) and `PhraseSet`'s token walk, on the same
/// phrases and text; both give the same matches (asserted here, and in
/// `lexicon::tests`). Two lexicons: the sourcing detector's anonymity phrases (what
/// the core matches), and the text's 200 most frequent word pairs (a lexicon that
/// matches everywhere, the walk's worst case).
fn lexicon(c: &mut Criterion, inputs: &[(&'static str, String)]) {
    let Some((_, text)) = inputs.iter().find(|(n, _)| *n == "news-1MB") else { return };
    let doc = Document::new(text);
    let anonymity: Vec<String> = sourcing::ANONYMITY_PHRASES.iter().map(|p| p.to_string()).collect();
    let mut group = c.benchmark_group("phrase-matching");
    group.sample_size(10).warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(2));
    group.throughput(Throughput::Bytes(text.len() as u64));
    for (lexicon, phrases) in [("anonymity-phrases", anonymity), ("frequent-pairs", frequent_word_pairs(&doc, 200))] {
        use aho_corasick::{AhoCorasickBuilder, MatchKind};
        let walk = caveat::lexicon::PhraseSet::new(&phrases);
        let automaton =
            AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&phrases).expect("phrases");
        let whole_tokens = |m: aho_corasick::Match| {
            let first = doc.tokens.partition_point(|t| t.start < m.start());
            let last = doc.tokens.partition_point(|t| t.end <= m.end());
            let starts = doc.tokens.get(first).is_some_and(|t| t.start == m.start());
            (starts && last > first && doc.tokens[last - 1].end == m.end()).then_some((first, last))
        };
        assert_eq!(
            walk.find_all(&doc).iter().map(|m| (m.first, m.last)).collect::<Vec<_>>(),
            automaton.find_iter(doc.lower.as_bytes()).filter_map(whole_tokens).collect::<Vec<_>>(),
            "the two matchers disagree on {lexicon}"
        );
        group.bench_function(BenchmarkId::new("token-walk", lexicon), |b| b.iter(|| walk.find_all(&doc).len()));
        group.bench_function(BenchmarkId::new("aho-corasick", lexicon), |b| {
            b.iter(|| automaton.find_iter(doc.lower.as_bytes()).filter_map(whole_tokens).count())
        });
    }
    group.finish();
}

/// The `n` most frequent pairs of adjacent words (ties by text), as phrases; only
/// words `PhraseSet` takes (lower-case letters and digits).
fn frequent_word_pairs(doc: &Document, n: usize) -> Vec<String> {
    use caveat::lexicon::PhraseSet;
    let words: Vec<Option<&str>> =
        (0..doc.tokens.len()).map(|i| Some(doc.low(i)).filter(|w| PhraseSet::phrase_word(w))).collect();
    let mut counts = std::collections::HashMap::<String, usize>::new();
    for pair in words.windows(2) {
        if let [Some(a), Some(b)] = pair {
            *counts.entry(format!("{a} {b}")).or_default() += 1;
        }
    }
    let mut pairs: Vec<(String, usize)> = counts.into_iter().collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    pairs.into_iter().take(n).map(|(p, _)| p).collect()
}

criterion_group!(analyze_benches, benches);
criterion_main!(analyze_benches);
