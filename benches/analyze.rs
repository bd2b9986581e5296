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
}

criterion_group!(analyze_benches, benches);
criterion_main!(analyze_benches);
