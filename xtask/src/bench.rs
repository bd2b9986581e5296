//! `cargo xtask bench [--runs N] [--no-core] [--browser] [--readme]`: every benchmark
//! behind the speed, memory and size budgets in one run, printed as a table (and
//! written to the README's `bench` section with `--readme`):
//!
//! - core: the criterion benches (`cargo bench --bench analyze`), MB/s per input and stage;
//! - CLI vs the prose linters people run for this (write-good, retext-intensify, from
//!   `bench/package.json`) on the same ~1 MB news file, alternating runs: median wall
//!   time and peak memory of each, and the ratio;
//! - the batch CLI (`--format jsonl DIR`) on one core against every core, over the
//!   PolNeAR test articles;
//! - sizes: the Wasm (raw, gzip -9), model assets, the zipped extension;
//! - `--browser`: the headless-Chromium harness in `bench/browser/`.
//!
//! `--same-as REV` runs none of these: it checks that the working tree's CLI writes the
//! same report as REV's on every text we have (the guard of speed work; `same_as.rs`).
//!
//! The machine has 2 cores shared with other jobs: wall times are medians of several
//! alternating runs, and the README table names the machine they ran on.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::util::{root, run, shared, Result};

mod same_as;

#[allow(dead_code)] // the seed-article helpers serve the criterion benches
#[path = "../../benches/corpus.rs"]
mod corpus;

/// The Wasm budget: every byte is downloaded into every page.
pub const WASM_GZIP_BUDGET: usize = 150 * 1024;
/// The watch-list's own module (watchlist/: phrases and the regex crate), fetched only
/// on pages of a reader who has a list.
pub const WATCHLIST_GZIP_BUDGET: usize = 160 * 1024;
/// Its phrases-only build (no regex crate), what a list without /patterns/ loads.
pub const WATCHLIST_PHRASES_GZIP_BUDGET: usize = 40 * 1024;
/// The watch-list's modules and their budgets.
const WATCHLIST_MODULES: [(&str, &str, usize); 2] = [
    ("watchlist_bg.wasm", "fetched only with a /pattern/ in the watch-list", WATCHLIST_GZIP_BUDGET),
    ("watchlist_phrases_bg.wasm", "fetched only with phrases alone", WATCHLIST_PHRASES_GZIP_BUDGET),
];
const ZIP_BUDGET: u64 = 1024 * 1024;
const CORE_BUDGET_MBS: f64 = 50.0;
// Archives of thousands of articles: the CLI must make a batch feel cheap next to the tool people know.
const CLI_RATIO_BUDGET: f64 = 80.0;
const CLI_PEAK_BUDGET_KB: u64 = 30 * 1024;
/// Batch mode on every core against one, over a folder of articles.
const BATCH_SPEEDUP_BUDGET: f64 = 1.8;

struct Options {
    runs: usize,
    core: bool,
    browser: bool,
    readme: bool,
    same_as: Option<String>,
}

fn parse(args: &[String]) -> Result<Options> {
    let mut a = crate::util::args(args);
    let runs: Option<usize> = a.opt_value_from_str("--runs").map_err(|_| "--runs needs a number > 0")?;
    let o = Options {
        runs: runs.map_or(Ok(7), |n| if n > 0 { Ok(n) } else { Err("--runs needs a number > 0") })?,
        core: !a.contains("--no-core"),
        browser: a.contains("--browser"),
        readme: a.contains("--readme"),
        same_as: a.opt_value_from_str("--same-as").map_err(|_| "--same-as needs a git revision")?,
    };
    if let Some(other) = a.finish().first() {
        return Err(format!(
            "bench: unknown option {} (--runs N, --no-core, --browser, --readme, --same-as REV)",
            other.to_string_lossy()
        ));
    }
    Ok(o)
}

pub fn main(args: &[String]) -> Result {
    let o = parse(args)?;
    if let Some(rev) = &o.same_as {
        return same_as::check(rev, &shared().ok_or("bench --same-as: ../shared is absent (it holds the texts)")?);
    }
    let mut report = String::new();
    let _ = writeln!(report, "{}\n", machine());
    let shared = shared();
    if shared.is_none() {
        eprintln!("bench: ../shared is absent: the core and CLI benchmarks need its news text; sizes only");
    }
    if let (true, Some(_)) = (o.core, &shared) {
        report.push_str(&core()?);
    }
    let mut news_file = None;
    if let Some(shared) = &shared {
        let (table, file) = cli_vs_alternatives(shared, o.runs)?;
        report.push_str(&table);
        news_file = Some(file);
        report.push_str(&batch(shared, o.runs)?);
    }
    report.push_str(&sizes()?);
    if o.browser {
        report.push_str(&browser(shared.as_deref(), o.runs.min(5))?);
    }
    if let Some(f) = news_file {
        let _ = std::fs::remove_dir_all(f.parent().unwrap_or(&f));
    }
    println!("{report}");
    if o.readme {
        write_readme_section(&report)?;
    }
    Ok(())
}

/// "2 × AMD EPYC …, Linux x86_64": what the figures were measured on.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name").and_then(|r| r.split_once(':')).map(|(_, m)| m.trim().to_string()))
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into());
    format!(
        "Measured by `cargo xtask bench` on {cores} × {model} ({} {}), load average {load} at the start: \
         the cores are shared, so wall times are medians of alternating runs.",
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

// ---------------------------------------------------------------- core (criterion)

fn core() -> Result<String> {
    run(Command::new("cargo").args(["bench", "--bench", "analyze"]))?;
    let dir = root().join("target").join("criterion");
    let mut out = String::from(
        "**Core, native** (`cargo bench --bench analyze`; median of criterion samples; budget ≥ 50 MB/s on news text)\n\n\
         | input | analyze | Document::new | hedging | sourcing | translation | budget |\n\
         |---|---:|---:|---:|---:|---:|---|\n",
    );
    for input in ["seed-8KB", "news-100KB", "news-1MB"] {
        let Some(total) = criterion_mbs(&dir.join("analyze").join(input)) else { continue };
        let stage = |s: &str| criterion_mbs(&dir.join("stages").join(s).join(input)).map_or("–".into(), fmt_mbs);
        let verdict = if input == "seed-8KB" { "–".to_string() } else { budget(total >= CORE_BUDGET_MBS) };
        let _ = writeln!(
            out,
            "| {input} | **{}** | {} | {} | {} | {} | {verdict} |",
            fmt_mbs(total),
            stage("document"),
            stage("hedging"),
            stage("sourcing"),
            stage("translation")
        );
    }
    out.push('\n');
    Ok(out)
}

/// MB/s (10^6 bytes) from a criterion result folder: its byte throughput over the median time.
fn criterion_mbs(dir: &Path) -> Option<f64> {
    let read = |f: &str| -> Option<serde_json::Value> {
        serde_json::from_str(&std::fs::read_to_string(dir.join("new").join(f)).ok()?).ok()
    };
    let ns = read("estimates.json")?["median"]["point_estimate"].as_f64()?;
    let bytes = read("benchmark.json")?["throughput"]["Bytes"].as_f64()?;
    (ns > 0.0).then(|| bytes / ns * 1e3)
}

fn fmt_mbs(v: f64) -> String {
    if v >= 1000.0 {
        format!("{:.1} GB/s", v / 1000.0)
    } else {
        format!("{v:.0} MB/s")
    }
}

fn budget(met: bool) -> String {
    if met { "met" } else { "**missed**" }.to_string()
}

// ---------------------------------------------------------------- CLI vs alternatives

struct Tool {
    name: &'static str,
    cmd: Vec<String>,
    walls: Vec<f64>,
    peaks_kb: Vec<u64>,
    findings: Option<usize>,
}

fn cli_vs_alternatives(shared: &Path, runs: usize) -> Result<(String, PathBuf)> {
    let text = corpus::news_text(shared, 1_000_000).ok_or("no PolNeAR test articles under ../shared")?;
    let dir = std::env::temp_dir().join(format!("caveat-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let file = dir.join("news-1MB.txt");
    std::fs::write(&file, &text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;

    run(Command::new("cargo").args(["build", "--release", "--bin", "caveat"]))?;
    npm_install()?;
    let caveat = root().join("target").join("release").join("caveat");
    let bench = root().join("bench");
    let f = file.to_string_lossy().into_owned();
    let node = |script: &str| vec!["node".to_string(), bench.join(script).to_string_lossy().into_owned(), f.clone()];
    let mut tools = vec![
        Tool {
            name: "caveat (CLI, --format json)",
            cmd: vec![caveat.to_string_lossy().into_owned(), "--format".into(), "json".into(), f.clone()],
            walls: vec![],
            peaks_kb: vec![],
            findings: None,
        },
        Tool {
            name: "write-good 1.0.8 (API)",
            cmd: node("write-good.mjs"),
            walls: vec![],
            peaks_kb: vec![],
            findings: None,
        },
        Tool {
            name: "retext-intensify 7 (retext-english)",
            cmd: node("retext-intensify.mjs"),
            walls: vec![],
            peaks_kb: vec![],
            findings: None,
        },
    ];
    let time = Path::new("/usr/bin/time").exists();
    if !time {
        eprintln!("bench: /usr/bin/time is missing (Debian package `time`): peak memory not measured");
    }
    // Alternate: one run of each tool per round, so a burst of load hits all of them.
    for round in 0..runs {
        eprintln!("bench: round {}/{runs}", round + 1);
        for t in &mut tools {
            let out = dir.join("out.json");
            let rss = dir.join("rss.txt");
            let mut cmd = if time {
                let mut c = Command::new("/usr/bin/time");
                c.arg("-f").arg("%M").arg("-o").arg(&rss).args(&t.cmd);
                c
            } else {
                let mut c = Command::new(&t.cmd[0]);
                c.args(&t.cmd[1..]);
                c
            };
            let stdout = std::fs::File::create(&out).map_err(|e| e.to_string())?;
            let start = Instant::now();
            let status = cmd
                .current_dir(root())
                .stdout(stdout)
                .stderr(Stdio::inherit())
                .status()
                .map_err(|e| format!("cannot run {}: {e}", t.cmd.join(" ")))?;
            let wall = start.elapsed().as_secs_f64();
            if !status.success() {
                return Err(format!("{} failed ({status})", t.cmd.join(" ")));
            }
            t.walls.push(wall);
            if let Some(kb) = std::fs::read_to_string(&rss).ok().and_then(|s| s.trim().parse().ok()) {
                t.peaks_kb.push(kb);
            }
            if t.findings.is_none() {
                t.findings = count_findings(&out);
            }
        }
    }

    let base_wall = median(&tools[0].walls);
    let base_peak = median_u64(&tools[0].peaks_kb);
    let mut out = format!(
        "**CLI vs alternatives** on the same {:.2} MB of news text (PolNeAR test articles), {runs} alternating runs; \
         wall time includes process start (node's too); peak = max RSS\n\n\
         | tool | median wall | peak memory | findings | caveat is |\n|---|---:|---:|---:|---|\n",
        text.len() as f64 / 1e6
    );
    for t in &tools {
        let wall = median(&t.walls);
        let peak = median_u64(&t.peaks_kb);
        let ratio = if std::ptr::eq(t, &tools[0]) { "–".into() } else { format!("{:.0}× faster", wall / base_wall) };
        let _ = writeln!(
            out,
            "| {} | {:.0} ms | {} | {} | {ratio} |",
            t.name,
            wall * 1e3,
            peak.map_or("–".into(), |kb| format!("{:.1} MB", kb as f64 / 1024.0)),
            t.findings.map_or("?".into(), |n| n.to_string()),
        );
    }
    let wg = &tools[1];
    let ratio = median(&wg.walls) / base_wall;
    let less_memory = match (base_peak, median_u64(&wg.peaks_kb)) {
        (Some(c), Some(w)) => c < w,
        _ => false,
    };
    let _ = writeln!(
        out,
        "\nBudgets: caveat ≥ {CLI_RATIO_BUDGET:.0}× faster than write-good with less memory: {} ({ratio:.0}×); \
         CLI peak ≤ 30 MB: {} ({}).\n",
        budget(ratio >= CLI_RATIO_BUDGET && less_memory),
        budget(base_peak.is_some_and(|kb| kb <= CLI_PEAK_BUDGET_KB)),
        base_peak.map_or("not measured".into(), |kb| format!("{:.1} MB", kb as f64 / 1024.0)),
    );
    Ok((out, file))
}

// ---------------------------------------------------------------- batch CLI on every core

/// `caveat --format jsonl -j N DIR` over the PolNeAR test articles (read where they
/// are), one job against every core, alternating runs: the median wall times and their ratio.
fn batch(shared: &Path, runs: usize) -> Result<String> {
    let dir = shared.join("eval").join("sourcing").join("polnear").join("test").join("text");
    let files = std::fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?.count();
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let caveat = root().join("target").join("release").join("caveat");
    let mut walls = [Vec::new(), Vec::new()];
    // More rounds than the other tables: one run lasts a few tens of ms.
    for _ in 0..runs * 3 {
        for (jobs, w) in [1, cores].into_iter().zip(walls.iter_mut()) {
            let start = Instant::now();
            let status = Command::new(&caveat)
                .args(["--format", "jsonl", "--jobs", &jobs.to_string()])
                .arg(&dir)
                .stdout(Stdio::null())
                .status()
                .map_err(|e| format!("cannot run {}: {e}", caveat.display()))?;
            if !status.success() {
                return Err(format!("caveat --jobs {jobs} {} failed ({status})", dir.display()));
            }
            w.push(start.elapsed().as_secs_f64());
        }
    }
    let (one, all) = (median(&walls[0]), median(&walls[1]));
    let speedup = one / all;
    Ok(format!(
        "**Batch CLI** (`caveat --format jsonl --jobs N DIR` over the {files} PolNeAR test articles, {} alternating runs; \
         wall time includes process start)\n\n\
         | jobs | median wall | speed-up |\n|---:|---:|---:|\n\
         | 1 | {:.1} ms | – |\n| {cores} | {:.1} ms | {speedup:.2}× |\n\n\
         Budget: {cores} cores ≥ {BATCH_SPEEDUP_BUDGET}× one: {}.\n\n",
        runs * 3,
        one * 1e3,
        all * 1e3,
        if cores < 2 { "not measured (one core)".to_string() } else { budget(speedup >= BATCH_SPEEDUP_BUDGET) },
    ))
}

/// bench/node_modules from the lockfile, when missing or older than it.
fn npm_install() -> Result {
    let dir = root().join("bench");
    let stamp = dir.join("node_modules").join(".package-lock.json");
    let lock = dir.join("package-lock.json");
    let fresh = match (std::fs::metadata(&stamp), std::fs::metadata(&lock)) {
        (Ok(s), Ok(l)) => s.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir))
}

/// Marks a tool reported: the length of its JSON array, or of caveat's `annotations`.
fn count_findings(out: &Path) -> Option<usize> {
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out).ok()?).ok()?;
    v.as_array().or_else(|| v["annotations"].as_array()).map(Vec::len)
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    s.get(s.len() / 2).copied().unwrap_or(f64::NAN)
}

fn median_u64(v: &[u64]) -> Option<u64> {
    let mut s = v.to_vec();
    s.sort_unstable();
    s.get(s.len() / 2).copied()
}

// ---------------------------------------------------------------- sizes

/// The test command's size check, after `cargo xtask build`: size is deterministic,
/// so the budget is a test, not just a benchmark figure.
pub fn check_built_wasm() -> Result {
    check_wasm_budget(&root().join("target").join("wasm-bindgen")).map(|_| ())
}

/// Raw and gzip size of the built core Wasm; fails when the gzip size of the core or of
/// the watch-list's module is over its budget.
pub fn check_wasm_budget(wasm_dir: &Path) -> Result<(usize, usize)> {
    for (file, _, limit) in WATCHLIST_MODULES {
        let (watch_raw, watch_gz) = watchlist_size(wasm_dir, file)?;
        if watch_gz > limit {
            return Err(format!(
                "the watch-list Wasm {file} is {watch_gz} bytes gzip -9, over its {limit}-byte budget: check the \
                 regex crate's features in watchlist/Cargo.toml"
            ));
        }
        eprintln!("Watch-list Wasm {file}: {watch_gz} bytes gzip -9 (budget {limit}), {watch_raw} raw");
    }
    let path = wasm_dir.join("caveat_bg.wasm");
    let wasm = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let gz = crate::build::gzip_len(&wasm);
    if gz > WASM_GZIP_BUDGET {
        return Err(format!(
            "the Wasm is {gz} bytes gzip -9, over the {WASM_GZIP_BUDGET}-byte budget ({} over): see `twiggy top` \
             on {} for what grew",
            gz - WASM_GZIP_BUDGET,
            path.display()
        ));
    }
    eprintln!("Wasm size: {gz} bytes gzip -9 (budget {WASM_GZIP_BUDGET}), {} raw", wasm.len());
    Ok((wasm.len(), gz))
}

/// Raw and gzip size of one of the watch-list's modules.
pub fn watchlist_size(wasm_dir: &Path, file: &str) -> Result<(usize, usize)> {
    let path = wasm_dir.join(file);
    let wasm = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok((wasm.len(), crate::build::gzip_len(&wasm)))
}

fn sizes() -> Result<String> {
    crate::build::all()?;
    let (raw, gz) = check_wasm_budget(&root().join("target").join("wasm-bindgen"))?;
    let kb = |n: u64| format!("{:.1} KB", n as f64 / 1024.0);
    let mut out =
        String::from("**Sizes** (`cargo xtask build`)\n\n| what | raw | gzip -9 | budget |\n|---|---:|---:|---|\n");
    let _ = writeln!(
        out,
        "| Wasm core (`caveat_bg.wasm`) | {} | **{}** | ≤ 150 KB gzip: {} |",
        kb(raw as u64),
        kb(gz as u64),
        budget(gz <= WASM_GZIP_BUDGET)
    );
    for (file, what, limit) in WATCHLIST_MODULES {
        let (watch_raw, watch_gz) = watchlist_size(&root().join("target").join("wasm-bindgen"), file)?;
        let _ = writeln!(
            out,
            "| Wasm watch-list (`{file}`, {what}) | {} | {} | ≤ {} gzip: {} |",
            kb(watch_raw as u64),
            kb(watch_gz as u64),
            kb(limit as u64),
            budget(watch_gz <= limit)
        );
    }
    for (_, name, limit) in crate::build::MODELS {
        let bytes = std::fs::read(root().join(name)).map_err(|e| format!("{name}: {e}"))?;
        let gz = crate::build::gzip_len(&bytes);
        let _ = writeln!(
            out,
            "| model asset `{name}` (fetched when first needed) | {} | {} | ≤ {} gzip: {} |",
            kb(bytes.len() as u64),
            kb(gz as u64),
            kb(limit as u64),
            budget(gz <= limit)
        );
    }
    for browser in crate::build::BROWSERS {
        let zip = root().join("dist").join(format!("caveat-{browser}.zip"));
        if let Ok(m) = std::fs::metadata(&zip) {
            let _ = writeln!(
                out,
                "| extension zip ({browser}) | {} | (zip) | ≤ 1 MB: {} |",
                kb(m.len()),
                budget(m.len() <= ZIP_BUDGET)
            );
        }
    }
    out.push('\n');
    Ok(out)
}

// ---------------------------------------------------------------- browser

/// `bench/browser/run.mjs` (headless Chromium, the built extension): Wasm load and
/// `analyze` times, content-script start → marks on article pages, longest tasks,
/// Wasm memory; `reps` fresh browsers per figure.
fn browser(shared: Option<&Path>, reps: usize) -> Result<String> {
    npm_install()?; // playwright-core
    let script = root().join("bench").join("browser").join("run.mjs");
    let mut cmd = Command::new("node");
    cmd.arg(&script).arg("--reps").arg(reps.to_string()).current_dir(root());
    if let Some(s) = shared {
        cmd.arg(s);
    }
    eprintln!("» node {}", script.display());
    let out = cmd.stderr(Stdio::inherit()).output().map_err(|e| format!("cannot run node: {e}"))?;
    if !out.status.success() {
        return Err(format!("the browser harness failed ({})", out.status));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

// ---------------------------------------------------------------- README

fn write_readme_section(report: &str) -> Result {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).map_err(|e| format!("cannot read README.md: {e}"))?;
    let (open, close) = ("<!-- section:bench -->", "<!-- /section:bench -->");
    let (Some(a), Some(b)) = (readme.find(open), readme.find(close)) else {
        return Err("README.md has no bench section markers".into());
    };
    if b < a {
        return Err("README.md's bench section markers are out of order".into());
    }
    let body = format!(
        "\n`cargo xtask bench --browser --readme` regenerates this section (`cargo bench --bench analyze` \
         for the core alone).\n\n{}\n",
        report.trim()
    );
    let updated = format!("{}{open}{body}{}", &readme[..a], &readme[b..]);
    std::fs::write(&path, updated).map_err(|e| format!("cannot write README.md: {e}"))?;
    eprintln!("wrote the bench section of README.md");
    Ok(())
}
