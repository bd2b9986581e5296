//! The lemmatiser of attribution and stance verbs: every inflected form of the lemmas
//! in `vocabulary`, so that `words::Tagged` knows a token's lemma with one probe.

use super::vocabulary::{IRREGULAR, VERB_LEMMAS};
use crate::lexicon::WordTable;

/// Suffix rules of the lemmatiser, tried in this order: (suffix, what replaces it).
const SUFFIXES: &[(&str, &str)] = &[
    ("ies", "y"),
    ("ied", "y"),
    ("ying", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("d", ""),
];

/// Suffixes after a doubled consonant, tried last: "admitted", "regretting".
const DOUBLING: &[&str] = &["ed", "ing"];

/// What the lemmatiser knows of a word: the lemma of an irregular form, and
/// whether the word is a lemma itself.
#[derive(Debug, Clone, Copy, Default)]
struct Known {
    irregular: Option<&'static str>,
    lemma: Option<&'static str>,
}

/// The lemma of an attribution verb form, if `w` is one: the lemma of an irregular
/// form, else `w` itself, else the first stem the suffix rules give that is a lemma
/// (stems of one or two letters never are). No allocation: stems are built on the stack.
fn lemma_with(w: &str, known: &WordTable<Known>) -> Option<&'static str> {
    // The word itself, in one probe: an irregular form, or a lemma (of three bytes or
    // more, like every stem below).
    if let Some(k) = known.get(w) {
        if let Some(l) = k.irregular.or(k.lemma.filter(|_| w.len() > 2)) {
            return Some(l);
        }
    }
    // No lemma is longer than 12 bytes, so neither is a stem of one.
    let mut buf = [0u8; 16];
    let mut lookup = |stem: &str, add: &str| {
        let n = stem.len() + add.len();
        if n <= 2 || n > buf.len() {
            return None;
        }
        buf[..stem.len()].copy_from_slice(stem.as_bytes());
        buf[stem.len()..n].copy_from_slice(add.as_bytes());
        known.get_bytes(&buf[..n]).and_then(|k| k.lemma)
    };
    for (suffix, add) in SUFFIXES {
        if let Some(l) = w.strip_suffix(suffix).and_then(|stem| lookup(stem, add)) {
            return Some(l);
        }
    }
    for suffix in DOUBLING {
        if let Some(stem) = w.strip_suffix(suffix) {
            let b = stem.as_bytes();
            let cut = stem.len().wrapping_sub(1);
            if b.len() > 2 && b[cut] == b[cut - 1] && stem.is_char_boundary(cut) {
                if let Some(l) = lookup(&stem[..cut], "") {
                    return Some(l);
                }
            }
        }
    }
    None
}

/// Every word `lemma_with` gives a lemma, with that lemma, passed to `each`: each
/// lemma run backwards through every rule (a form made from one lemma may belong to
/// another), plus the irregular forms. The sourcing lexicon holds them, so a token's
/// lemma is one probe.
pub(super) fn lemma_forms(each: impl FnMut(&str, &'static str)) {
    forms_of(VERB_LEMMAS, IRREGULAR, each);
}

/// `lemma_forms` for any list of lemmas and their irregular forms.
pub(super) fn forms_of(
    lemmas: &[&'static str],
    irregular: &[(&str, &'static str)],
    mut each: impl FnMut(&str, &'static str),
) {
    let mut known = WordTable::with_capacity(lemmas.len() + irregular.len());
    let merge = |a: Known, b: Known| Known { irregular: a.irregular.or(b.irregular), lemma: a.lemma.or(b.lemma) };
    for l in lemmas {
        known.insert(l, Known { irregular: None, lemma: Some(l) }, merge);
    }
    for (form, l) in irregular {
        known.insert(form, Known { irregular: Some(l), lemma: None }, merge);
    }
    let mut emit = |form: &str| {
        if let Some(l) = lemma_with(form, &known) {
            each(form, l);
        }
    };
    for (form, _) in irregular {
        emit(form);
    }
    let mut form = String::with_capacity(24);
    for l in lemmas {
        emit(l);
        for (suffix, add) in SUFFIXES {
            if let Some(stem) = l.strip_suffix(add) {
                form.clear();
                form.push_str(stem);
                form.push_str(suffix);
                emit(&form);
            }
        }
        if let Some(last) = l.chars().last() {
            for suffix in DOUBLING {
                form.clear();
                form.push_str(l);
                form.push(last);
                form.push_str(suffix);
                emit(&form);
            }
        }
    }
}

/// The lemmatiser as first written (allocating, linear scans): the oracle that
/// `lemma_forms` and the token tags are tested against.
#[cfg(test)]
pub fn verb_lemma(w: &str) -> Option<&'static str> {
    if let Some((_, l)) = IRREGULAR.iter().find(|(f, _)| *f == w) {
        return Some(l);
    }
    let lemma = |s: &str| VERB_LEMMAS.iter().copied().find(|l| *l == s);
    let mut stems: Vec<String> = vec![w.to_string()];
    for (suffix, add) in [("ies", "y"), ("ied", "y"), ("ying", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e")] {
        if let Some(stem) = w.strip_suffix(suffix) {
            stems.push(format!("{stem}{add}"));
        }
    }
    for (suffix, add) in [("ing", ""), ("ing", "e"), ("d", "")] {
        if let Some(stem) = w.strip_suffix(suffix) {
            stems.push(format!("{stem}{add}"));
        }
    }
    // Doubled consonant: "admitted", "regretting".
    for suffix in ["ed", "ing"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            let b = stem.as_bytes();
            // (A multi-byte last character is no doubled consonant: "co₂ed".)
            if b.len() > 2 && b[b.len() - 1] == b[b.len() - 2] && stem.is_char_boundary(stem.len() - 1) {
                stems.push(stem[..stem.len() - 1].to_string());
            }
        }
    }
    stems.iter().filter(|s| s.len() > 2).find_map(|s| lemma(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms_find_their_lemma() {
        let cases: &[(&str, Option<&str>)] = &[
            ("said", Some("say")),
            ("says", Some("say")),
            ("saying", Some("say")),
            ("denied", Some("deny")),
            ("denies", Some("deny")),
            ("worries", Some("worry")),
            ("argued", Some("argue")),
            ("arguing", Some("argue")),
            ("tweeted", Some("tweet")),
            ("told", Some("tell")),
            ("believes", Some("believe")),
            ("reported", Some("report")),
            ("wrote", Some("write")),
            ("sources", None),
            ("source", None),
            ("energy", None),
            ("pride", None),
            ("is", None),
            ("", None),
        ];
        for (w, want) in cases {
            assert_eq!(verb_lemma(w), *want, "lemma of {w:?}");
        }
    }
}
