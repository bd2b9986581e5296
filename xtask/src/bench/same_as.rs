//! `cargo xtask bench --same-as REV`: the guard of speed work. Builds the `caveat` CLI
//! at git revision REV (an unpacked `git archive` under target/same-as/) and the
//! working tree's, runs both over every text we have (the seed article, each PolNeAR
//! dev and test article, PolNeAR train and the hedging and translation corpora in
//! ~1 MB pieces, plus generated texts that stress case, Unicode and layout) and
//! fails on the first report that differs by one byte.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use eval::corpus::polnear;

use crate::util::{root, run, Result};

pub fn check(rev: &str, shared: &Path) -> Result {
    let old = build_at(rev)?;
    run(Command::new("cargo").args(["build", "--release", "--bin", "caveat"]))?;
    let new = root().join("target").join("release").join("caveat");
    let inputs = inputs(shared)?;
    let dir = root().join("target").join("same-as").join("inputs");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut bytes = 0;
    let mut digest = Fnv::default();
    for (i, (name, text)) in inputs.iter().enumerate() {
        let file = dir.join(format!("{i}.txt"));
        std::fs::write(&file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        let want = report(&old, &file)?;
        let got = report(&new, &file)?;
        if want != got {
            return Err(format!("the report on {name} differs from {rev}'s: {}", first_difference(&want, &got)));
        }
        digest.add(&got);
        bytes += text.len();
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "same-as {rev}: {} inputs, {:.1} MB, every JSON report identical (digest {:016x})",
        inputs.len(),
        bytes as f64 / 1e6,
        digest.0
    );
    Ok(())
}

/// The CLI as it was at `rev`, built in its own unpacked tree (cached per commit).
fn build_at(rev: &str) -> Result<PathBuf> {
    let sha = crate::util::output(Command::new("git").args(["rev-parse", "--verify", &format!("{rev}^{{commit}}")]))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .ok_or_else(|| format!("{rev} is not a git revision"))?;
    let base = root().join("target").join("same-as");
    let src = base.join(&sha);
    if !src.join("Cargo.toml").exists() {
        std::fs::create_dir_all(&src).map_err(|e| format!("cannot create {}: {e}", src.display()))?;
        let archive = Command::new("git")
            .args(["archive", "--format=tar", &sha])
            .current_dir(root())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run git archive: {e}"))?;
        let status = Command::new("tar")
            .arg("-x")
            .arg("-C")
            .arg(&src)
            .stdin(archive.stdout.ok_or("git archive gave no output")?)
            .status()
            .map_err(|e| format!("cannot run tar: {e}"))?;
        if !status.success() {
            let _ = std::fs::remove_dir_all(&src);
            return Err(format!("unpacking {rev} failed ({status})"));
        }
    }
    // One target folder for every revision: the dependencies build once.
    let target = base.join("target");
    run(Command::new("cargo")
        .args(["build", "--release", "--bin", "caveat", "--target-dir"])
        .arg(&target)
        .current_dir(&src))?;
    let built = target.join("release").join("caveat");
    // The next revision's build overwrites it: keep this one under its commit.
    let kept = base.join(format!("caveat-{sha}"));
    std::fs::copy(&built, &kept).map_err(|e| format!("cannot copy {}: {e}", built.display()))?;
    Ok(kept)
}

fn report(cli: &Path, file: &Path) -> Result<Vec<u8>> {
    let out = Command::new(cli)
        .args(["--format", "json"])
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", cli.display()))?;
    if !out.status.success() {
        return Err(format!("{} failed on {} ({})", cli.display(), file.display(), out.status));
    }
    Ok(out.stdout)
}

fn first_difference(want: &[u8], got: &[u8]) -> String {
    let at = want.iter().zip(got).position(|(a, b)| a != b).unwrap_or(want.len().min(got.len()));
    let around = |s: &[u8]| String::from_utf8_lossy(&s[at.saturating_sub(120)..(at + 120).min(s.len())]).into_owned();
    format!("at byte {at}:\n  before: …{}…\n  now:    …{}…", around(want), around(got))
}

/// Every input, named for the error message.
fn inputs(shared: &Path) -> Result<Vec<(String, String)>> {
    let read = |p: &Path| std::fs::read(p).map(|b| String::from_utf8_lossy(&b).into_owned());
    let mut out = Vec::new();
    let seed = read(&shared.join("corpus").join("seed-article.txt")).map_err(|e| format!("no seed article: {e}"))?;
    let eval = shared.join("eval");
    for split in ["dev", "test"] {
        for f in text_files(&eval, split)? {
            out.push((f.display().to_string(), read(&f).map_err(|e| e.to_string())?));
        }
    }
    let mut train = String::new();
    for f in text_files(&eval, "train")? {
        train.push_str(&read(&f).map_err(|e| e.to_string())?);
        train.push_str("\n\n");
    }
    let mut corpora = vec![("polnear train".to_string(), train)];
    for rel in [
        "eval/hedging/factbank.xml",
        "eval/hedging/wiki.xml",
        "eval/translation/mt_parity_zhen/ranking/input/microsoft-ht.txt",
        "eval/translation/mt_parity_zhen/ranking/input/microsoft-mt-combo6.txt",
        "eval/translation/mt_parity_zhen/ranking/input/newstest2017-zhen-src.zh.sgm",
        "eval/translation/mt_parity_zhen/ranking/input/graham-ht.csv",
    ] {
        if let Ok(t) = read(&shared.join(rel)) {
            corpora.push((rel.to_string(), t));
        }
    }
    for (name, text) in corpora {
        for (i, piece) in pieces(&text, 1_000_000).into_iter().enumerate() {
            out.push((format!("{name} (piece {i})"), piece.to_string()));
        }
    }
    out.extend(generated(&seed));
    out.push(("seed article".into(), seed));
    Ok(out)
}

/// The paths of a PolNeAR split's articles, in name order.
fn text_files(eval: &Path, split: &str) -> Result<Vec<PathBuf>> {
    let dir = polnear::text_dir(eval, split);
    Ok(polnear::article_names(eval, split)?.into_iter().map(|n| dir.join(n)).collect())
}

/// `text` cut at line ends into pieces of about `size` bytes.
fn pieces(text: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while rest.len() > size {
        let mut cut = size;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = rest[..cut].rfind('\n').map_or(cut, |i| i + 1);
        out.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    out.push(rest);
    out
}

/// Variations of the seed article that exercise case folding, non-ASCII letters,
/// odd layout and repetition, where a faster lookup is most likely to diverge.
fn generated(seed: &str) -> Vec<(String, String)> {
    let mut shuffled: Vec<&str> = seed.split_whitespace().collect();
    // A fixed linear congruential shuffle: the same word soup every run.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for i in (1..shuffled.len()).rev() {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        shuffled.swap(i, (state >> 33) as usize % (i + 1));
    }
    let unicode: String = seed
        .split(' ')
        .enumerate()
        .map(|(i, w)| match i % 11 {
            3 => format!("İ{w}"),
            5 => w.replace('s', "ſ"),
            7 => format!("{w}\u{301}"),
            9 => w.to_uppercase(),
            _ => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ");
    vec![
        ("seed upper-cased".into(), seed.to_uppercase()),
        ("seed lower-cased".into(), seed.to_lowercase()),
        ("seed, words capitalised".into(), seed.split(' ').map(capitalise).collect::<Vec<_>>().join(" ")),
        ("seed, one line per sentence".into(), seed.replace(". ", ".\n")),
        ("seed, no newlines".into(), seed.replace('\n', " ")),
        ("seed, with Unicode oddities".into(), unicode),
        ("seed, three times".into(), [seed, seed, seed].join("\n\n")),
        ("seed, words shuffled".into(), shuffled.join(" ")),
    ]
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

/// FNV-1a, for a short digest of every report.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
}
