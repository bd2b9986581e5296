//! Unidiomatic phrasing found with the news-English model: a set phrase whose
//! usual ending is swapped for another word ("contributed to this exhibition"
//! for "…this report"). Needs the model; without it the rule is silent.

use super::lm::{sentence_tokens, word_tag, Model};
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};
use crate::text::Document;

pub static RULE: Rule = Rule {
    id: "translation/unidiomatic-phrase",
    category: Category::Translation,
    name: "Unidiomatic phrase",
    message: "A set phrase with the wrong word at its end: native news English says this differently.",
    why: "News English is full of set phrases (\"contributed to this report\"). When a familiar phrase ends in a word native writers never put there, it was usually translated word by word, by a machine.",
    example: "Jeremy Diamond contributed to this exhibition.",
    strength: Strength::Weak,
};

/// The usual ending must be this dominant before another is called a slip.
const MIN_SHARE: f64 = 0.8;

fn is_word(w: &str) -> bool {
    w.len() > 1 && w.chars().all(|c| c.is_ascii_alphabetic())
}

/// Token indexes (first, last) of each swapped set-phrase ending in sentence `s`.
pub fn find(doc: &Document, model: &Model, s: usize) -> Vec<(usize, usize)> {
    let toks = sentence_tokens(doc, s);
    let mut found = Vec::new();
    for k in 3..toks.len() {
        let ctx = [toks[k - 3].0.as_str(), toks[k - 2].0.as_str(), toks[k - 1].0.as_str()];
        let w = toks[k].0.as_str();
        if !ctx.iter().all(|c| is_word(c)) || !is_word(w) {
            continue;
        }
        let Some(t) = model.template(&ctx) else { continue };
        // A known word (not a name the model never saw) that never follows here.
        if t.share >= MIN_SHARE
            && t.word != word_tag(w)
            && model.count(&[w]) >= 3.0
            && model.count(&[ctx[1], ctx[2], w]) == 0.0
            && model.count(&[ctx[2], w]) == 0.0
        {
            found.push((toks[k - 3].1, toks[k].1));
        }
    }
    found
}

pub fn detect(doc: &Document, model: Option<&Model>, out: &mut Vec<Annotation>) -> usize {
    let Some(model) = model else { return 0 };
    let mut n = 0;
    for s in 0..doc.sentences.len() {
        for (a, b) in find(doc, model, s) {
            out.push(Annotation::new(&RULE, doc.tokens[a].start, doc.tokens[b].end));
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::super::lm::{key, word_tag, Model, TAG_COUNT, TAG_TEMPLATE};
    use super::*;

    fn toy() -> Model {
        let mut counts: Vec<(u32, u64)> =
            ["exhibition", "report", "story"].iter().map(|w| (key(&[w], TAG_COUNT), 50)).collect();
        counts.push((key(&["this", "story"], TAG_COUNT), 9));
        counts.push((key(&["to", "this", "story"], TAG_COUNT), 3));
        counts.sort();
        let t = vec![(key(&["contributed", "to", "this"], TAG_TEMPLATE), 250, word_tag("report"))];
        Model::from_bytes(&Model::encode(10_000, &counts, &t)).expect("model")
    }

    fn marked(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let mut out = Vec::new();
        detect(&doc, Some(&toy()), &mut out);
        out.iter().map(|a| text[a.start..a.end].to_string()).collect()
    }

    #[test]
    fn marks_a_swapped_ending() {
        assert_eq!(marked("Jeremy Diamond contributed to this exhibition."), vec!["contributed to this exhibition"]);
    }

    #[test]
    fn native_english_stays_clean() {
        assert!(marked("WASHINGTON (AP) — Jeremy Diamond contributed to this report.").is_empty());
        assert!(marked("Jeremy Diamond contributed to this story. iPhone sales fell.").is_empty());
        assert!(marked("Jeremy Diamond contributed to this Zzyzx.").is_empty());
        let doc = Document::new("contributed to this exhibition");
        let mut out = Vec::new();
        assert_eq!(detect(&doc, None, &mut out), 0);
    }
}
