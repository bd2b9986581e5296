//! A compact statistical model of native news English: hashed, quantised word
//! n-gram counts (orders 1–3) plus "template" entries (a three-word context whose
//! next word is nearly always the same: "contributed to this" → "report").
//!
//! Built by `cargo xtask train-lm` from native news text; stored as a separate
//! asset (`assets/translation-lm.bin`) so the Wasm core stays small. Native builds
//! embed it; the browser passes its bytes in with [`set_model`].
//!
//! Format (all little-endian): magic `CVLM1`, total tokens (u32), number of
//! count entries (u32), number of template entries (u32); then the count entries
//! sorted by key, each a LEB128 delta of its u32 key and one byte `round(ln(count) * 16)`;
//! then the template entries sorted by key, each a LEB128 key delta, one byte share
//! (0..=255) and a u16 hash of the dominant next word.

use std::sync::OnceLock;

use crate::text::{Document, TokenKind};

const MAGIC: &[u8] = b"CVLM1";

/// One entry's key: a 32-bit hash of the n-gram's words (FNV-1a, with separators).
pub fn key(words: &[&str], tag: u8) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(tag);
    for w in words {
        for &b in w.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0x1f;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h ^ (h >> 32)) as u32
}

/// The 16-bit hash used to name a template's dominant word.
pub fn word_tag(word: &str) -> u16 {
    (key(&[word], 7) & 0xffff) as u16
}

pub const TAG_COUNT: u8 = 1;
pub const TAG_TEMPLATE: u8 = 2;

pub fn quantise(count: u64) -> u8 {
    ((count.max(1) as f64).ln() * 16.0).round().min(255.0) as u8
}

fn dequantise(q: u8) -> f64 {
    (f64::from(q) / 16.0).exp()
}

#[derive(Debug, Default)]
pub struct Model {
    pub total: u64,
    keys: Vec<u32>,
    counts: Vec<u8>,
    template_keys: Vec<u32>,
    templates: Vec<(u8, u16)>,
}

/// A template: after this context, `share` of the time the next word is the one
/// hashing to `word`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Template {
    pub share: f64,
    pub word: u16,
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }
    fn u32(&mut self) -> Option<u32> {
        let s = self.bytes.get(self.pos..self.pos + 4)?;
        self.pos += 4;
        Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn leb(&mut self) -> Option<u32> {
        let mut v: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(v).ok();
            }
        }
        None
    }
}

impl Model {
    /// Parse a model; `None` if the bytes are not a model (never panics).
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        if !bytes.starts_with(MAGIC) {
            return None;
        }
        let mut r = Reader { bytes, pos: MAGIC.len() };
        let total = u64::from(r.u32()?);
        let n = r.u32()? as usize;
        let t = r.u32()? as usize;
        if n > bytes.len() || t > bytes.len() {
            return None;
        }
        let mut m = Model { total, ..Default::default() };
        m.keys.reserve(n);
        m.counts.reserve(n);
        let mut k: u32 = 0;
        for _ in 0..n {
            k = k.checked_add(r.leb()?)?;
            m.keys.push(k);
            m.counts.push(r.byte()?);
        }
        k = 0;
        for _ in 0..t {
            k = k.checked_add(r.leb()?)?;
            let share = r.byte()?;
            let word = u16::from(r.byte()?) | (u16::from(r.byte()?) << 8);
            m.template_keys.push(k);
            m.templates.push((share, word));
        }
        Some(m)
    }

    /// Serialise entries (key → count) and templates (key → share, word); keys must be unique.
    pub fn encode(total: u64, counts: &[(u32, u64)], templates: &[(u32, u8, u16)]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend((total.min(u64::from(u32::MAX)) as u32).to_le_bytes());
        out.extend((counts.len() as u32).to_le_bytes());
        out.extend((templates.len() as u32).to_le_bytes());
        let leb = |out: &mut Vec<u8>, mut v: u32| loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                out.push(b);
                break;
            }
            out.push(b | 0x80);
        };
        let mut prev = 0;
        for &(k, c) in counts {
            leb(&mut out, k - prev);
            out.push(quantise(c));
            prev = k;
        }
        prev = 0;
        for &(k, share, word) in templates {
            leb(&mut out, k - prev);
            out.push(share);
            out.extend(word.to_le_bytes());
            prev = k;
        }
        out
    }

    /// How often the n-gram (1–3 words) was seen; 0 when never (or pruned as a singleton).
    pub fn count(&self, words: &[&str]) -> f64 {
        match self.keys.binary_search(&key(words, TAG_COUNT)) {
            Ok(i) => self.counts.get(i).map_or(0.0, |&q| dequantise(q)),
            Err(_) => 0.0,
        }
    }

    /// The template after a three-word context, if the model has one.
    pub fn template(&self, context: &[&str]) -> Option<Template> {
        let i = self.template_keys.binary_search(&key(context, TAG_TEMPLATE)).ok()?;
        let &(share, word) = self.templates.get(i)?;
        Some(Template { share: f64::from(share) / 255.0, word })
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

static MODEL: OnceLock<Model> = OnceLock::new();

/// Install the model (the browser calls this with the asset's bytes). Returns
/// false if the bytes are not a model or a model is already installed.
pub fn set_model(bytes: &[u8]) -> bool {
    match Model::from_bytes(bytes) {
        Some(m) => MODEL.set(m).is_ok(),
        None => false,
    }
}

/// The installed model: on native builds the bundled asset, in the browser
/// whatever [`set_model`] installed (none: the LM-based evidence is skipped).
pub fn model() -> Option<&'static Model> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        static BUNDLED: &[u8] = include_bytes!("../../assets/translation-lm.bin");
        let m = MODEL.get_or_init(|| Model::from_bytes(BUNDLED).unwrap_or_default());
        (!m.is_empty()).then_some(m)
    }
    #[cfg(target_arch = "wasm32")]
    {
        MODEL.get().filter(|m| !m.is_empty())
    }
}

/// The model's view of a token: lower case, straight quotes, digits folded.
pub fn norm(doc: &Document, i: usize) -> String {
    let t = &doc.tokens[i];
    if t.kind == TokenKind::Number {
        return "<num>".into();
    }
    doc.low(i)
        .chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' | '«' | '»' => '"',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// The normalised tokens of each sentence, with `<s>` in front: what training
/// counts and what the detector scores. Returned with the token index of each
/// (usize::MAX for `<s>`).
pub fn sentence_tokens(doc: &Document, s: usize) -> Vec<(String, usize)> {
    let mut out = vec![("<s>".to_string(), usize::MAX)];
    if let Some(sent) = doc.sentences.get(s) {
        for i in sent.tokens.clone() {
            out.push((norm(doc, i), i));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_and_parse_round_trip() {
        let mut counts = vec![(key(&["the"], TAG_COUNT), 5000), (key(&["the", "report"], TAG_COUNT), 40)];
        counts.sort();
        let t = vec![(key(&["contributed", "to", "this"], TAG_TEMPLATE), 240, word_tag("report"))];
        let m = Model::from_bytes(&Model::encode(100_000, &counts, &t)).expect("parses");
        assert!((m.count(&["the"]) - 5000.0).abs() < 5000.0 * 0.04);
        assert!((m.count(&["the", "report"]) - 40.0).abs() < 2.0);
        assert_eq!(m.count(&["a", "report"]), 0.0);
        let tpl = m.template(&["contributed", "to", "this"]).expect("template");
        assert_eq!(tpl.word, word_tag("report"));
        assert!(m.template(&["to", "this", "report"]).is_none());
    }

    #[test]
    fn garbage_is_not_a_model() {
        assert!(Model::from_bytes(b"").is_none());
        assert!(Model::from_bytes(b"CVLM1\x01\x00\x00\x00\xff\xff\xff\x0f").is_none());
        assert!(Model::from_bytes(b"CVLM1\x01\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00\x80").is_none());
    }
}
