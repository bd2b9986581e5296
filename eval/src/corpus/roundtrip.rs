//! PolNeAR articles round-tripped English → Spanish → English by Apertium
//! (`../shared/eval/translation/roundtrip_es`): one file per article, named as the
//! article it renders, in the folder of the article's PolNeAR split.

use std::path::{Path, PathBuf};

use super::polnear;
use crate::util::Result;

/// The PolNeAR folders whose round trips form an evaluation split, as the data's README
/// has it: dev holds train and dev, test holds test.
pub fn folders(split: &str) -> &'static [&'static str] {
    if split == "dev" {
        &["train", "dev"]
    } else {
        &["test"]
    }
}

/// One article in both versions.
pub struct Pair {
    pub name: String,
    pub round_trip: PathBuf,
    pub original: PathBuf,
}

/// The articles of a PolNeAR folder (`train`, `dev`, `test`), in name order.
pub fn pairs(eval: &Path, folder: &str) -> Result<Vec<Pair>> {
    let dir = eval.join("translation/roundtrip_es").join(folder);
    let text = polnear::text_dir(eval, folder);
    Ok(polnear::article_names(eval, folder)?
        .into_iter()
        .map(|name| Pair { round_trip: dir.join(&name), original: text.join(&name), name })
        .collect())
}
