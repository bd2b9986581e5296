//! German news of WMT 2008–2018 in English (`../shared/eval/translation/htmt_deen`):
//! native English news, human translations, and DeepL's and Google's machine
//! translations, one file per kind and year, one document a line.

use std::path::{Path, PathBuf};

/// The kinds of text, native first.
pub const KINDS: [&str; 4] = ["native", "human", "deepl", "google"];

/// The WMT years of a split, as the data's README has it: dev 2008–2014, test 2015–2018.
pub fn years(split: &str) -> &'static [&'static str] {
    if split == "dev" {
        &["08", "09", "10", "11", "12", "13", "14"]
    } else {
        &["15", "16", "17", "18"]
    }
}

/// The file of one kind and year, when the data has it (not every kind covers every year).
pub fn file(eval: &Path, kind: &str, year: &str) -> Option<PathBuf> {
    let p = eval.join("translation/htmt_deen").join(kind).join(format!("wmt{year}.txt"));
    p.exists().then_some(p)
}
