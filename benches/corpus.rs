//! Benchmark input: native news text assembled from PolNeAR's test articles in
//! `../shared` (research data: read in place at bench time, never copied into the repo).
//! Shared by the criterion benches and `cargo xtask bench` (included with `#[path]`).

use std::path::{Path, PathBuf};

/// `../shared` beside the project root, if present.
pub fn shared_dir(project_root: &Path) -> Option<PathBuf> {
    let p = project_root.join("..").join("shared");
    p.is_dir().then_some(p)
}

/// The seed article (about 8 KB).
pub fn seed_article(shared: &Path) -> Option<String> {
    std::fs::read_to_string(shared.join("corpus").join("seed-article.txt")).ok()
}

/// About `target` bytes of news text: the test articles in name order, separated by a
/// blank line, repeated as needed, cut at the last paragraph break before `target`.
pub fn news_text(shared: &Path, target: usize) -> Option<String> {
    let dir = shared.join("eval").join("sourcing").join("polnear").join("test").join("text");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let articles: Vec<String> = files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    if articles.iter().all(|a| a.trim().is_empty()) {
        return None;
    }
    let mut text = String::with_capacity(target + 64 * 1024);
    'fill: loop {
        for a in &articles {
            if text.len() >= target {
                break 'fill;
            }
            text.push_str(a.trim_end());
            text.push_str("\n\n");
        }
    }
    let cut = text[..target].rfind("\n\n").map_or(target, |i| i + 1);
    text.truncate(cut);
    Some(text)
}
