//! The attribution gate: a small logistic regression that says how likely a
//! candidate (a source phrase and its cue) is an attribution a news reader would
//! count, rather than a group mentioned in passing ("a resource for anyone wanting
//! to learn", "urging employees to report"). Trained by `cargo xtask train-sourcing`
//! on PolNeAR's training articles only; the weights ship as `gate.bin`.
//!
//! Features are hashed strings (see `features`), so the table has a fixed size and
//! no vocabulary. Beside the weights, `gate.bin` holds the cue rates: for each word
//! of the training articles (hashed), how often annotators took it for a cue, in
//! 16 levels. They let the gate judge a verb it never saw after a group
//! ("Republicans are slamming" vs "experts arrived") by how cue-like the verb is.
//!
//! Layout: "CSG2", weight bits (u8), scale (f32 LE), one i8 per weight bucket,
//! rate bits (u8), one nibble per rate bucket (low nibble first).

use std::sync::OnceLock;

const MAGIC: &[u8; 4] = b"CSG2";

/// Candidates scoring at least this are kept. Chosen on PolNeAR dev for precision
/// first (the brief's target is precision ≥ 0.85).
pub const THRESHOLD: f32 = 0.5;

/// The threshold for an anonymous source proper after a reporting verb (see
/// `Candidate::kept`): low, to drop only the clear non-attributions.
pub const ANONYMOUS_THRESHOLD: f32 = 0.1;

#[derive(Debug, Clone, PartialEq)]
pub struct Gate {
    bits: u8,
    scale: f32,
    weights: Vec<i8>,
    pub rates: CueRates,
}

/// How cue-like each word is, 0 (never seen often enough) to 15, by hashed word.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CueRates {
    bits: u8,
    /// Two 4-bit levels per byte.
    packed: Vec<u8>,
}

impl CueRates {
    /// Rates from one level (0..=15) per bucket; `levels.len()` must be `1 << bits`.
    pub fn new(bits: u8, levels: &[u8]) -> Option<CueRates> {
        if bits == 0 || bits > 20 || levels.len() != 1usize << bits || levels.iter().any(|&l| l > 15) {
            return None;
        }
        Some(CueRates {
            bits,
            packed: levels.chunks(2).map(|p| p[0] | (p.get(1).copied().unwrap_or(0) << 4)).collect(),
        })
    }

    pub fn bucket(&self, word: &str) -> usize {
        (hash("word", word) & ((1u32 << self.bits) - 1)) as usize
    }

    /// The level of a lower-case word; 0 when there is no table.
    pub fn level(&self, word: &str) -> u8 {
        if self.packed.is_empty() {
            return 0;
        }
        let b = self.bucket(word);
        (self.packed[b / 2] >> (4 * (b % 2))) & 0x0f
    }
}

/// FNV-1a over `prefix`, a separator and `value`: a feature's bucket key.
pub fn hash(prefix: &str, value: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in prefix.as_bytes().iter().chain(&[0xff]).chain(value.as_bytes()) {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

impl Gate {
    /// A gate from quantised weights (`weights.len()` must be `1 << bits`).
    pub fn new(bits: u8, scale: f32, weights: Vec<i8>, rates: CueRates) -> Option<Gate> {
        (bits <= 20 && weights.len() == 1usize << bits && scale.is_finite()).then_some(Gate {
            bits,
            scale,
            weights,
            rates,
        })
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Gate> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (&bits, rest) = rest.split_first()?;
        let scale = f32::from_le_bytes(rest.get(..4)?.try_into().ok()?);
        let rest = rest.get(4..)?;
        let n = 1usize.checked_shl(bits as u32)?;
        let weights = rest.get(..n)?.iter().map(|&b| b as i8).collect();
        let (&rate_bits, packed) = rest.get(n..)?.split_first()?;
        if rate_bits == 0 || rate_bits > 20 || packed.len() != (1usize << rate_bits) / 2 {
            return None;
        }
        Gate::new(bits, scale, weights, CueRates { bits: rate_bits, packed: packed.to_vec() })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(self.bits);
        out.extend(self.scale.to_le_bytes());
        out.extend(self.weights.iter().map(|&w| w as u8));
        out.push(self.rates.bits);
        out.extend(&self.rates.packed);
        out
    }

    pub fn bucket(&self, feature: u32) -> usize {
        (feature & ((1u32 << self.bits) - 1)) as usize
    }

    /// The probability that the candidate with these features is an attribution.
    pub fn score(&self, features: &[u32]) -> f32 {
        let z: f32 = features.iter().map(|&f| self.weights[self.bucket(f)] as f32).sum::<f32>() * self.scale;
        1.0 / (1.0 + (-z).exp())
    }
}

/// The bundled gate; an empty or broken file gives a gate that keeps everything.
pub fn bundled() -> &'static Gate {
    static GATE: OnceLock<Gate> = OnceLock::new();
    GATE.get_or_init(|| {
        Gate::from_bytes(include_bytes!("gate.bin")).unwrap_or(Gate {
            bits: 0,
            scale: 1.0,
            weights: vec![127],
            rates: CueRates::default(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_and_bad_bytes_are_refused() {
        let rates = CueRates::new(2, &[0, 15, 7, 1]).unwrap();
        let g = Gate::new(2, 0.5, vec![1, -2, 3, 0], rates.clone()).unwrap();
        let bytes = g.to_bytes();
        assert_eq!(Gate::from_bytes(&bytes), Some(g));
        assert_eq!(Gate::from_bytes(&bytes[..bytes.len() - 1]), None);
        assert_eq!(Gate::from_bytes(b"CSG2"), None);
        assert_eq!(Gate::from_bytes(b"XXXX\x00\x00\x00\x80\x3f\x01"), None);
        assert_eq!(Gate::from_bytes(b"CSG2\xff\x00\x00\x80\x3f"), None);
        assert!(Gate::new(2, 0.5, vec![1, 2, 3], rates.clone()).is_none());
        assert!(Gate::new(2, f32::NAN, vec![0; 4], rates).is_none());
        assert!(CueRates::new(1, &[16, 0]).is_none());
    }

    #[test]
    fn scores_are_probabilities_of_the_summed_weights() {
        let g = Gate::new(1, 1.0, vec![0, 0], CueRates::default()).unwrap();
        assert_eq!(g.score(&[hash("h", "critics")]), 0.5);
        let bucket = g.bucket(hash("h", "critics"));
        let mut w = vec![0i8; 2];
        w[bucket] = 10;
        let g = Gate::new(1, 0.5, w, CueRates::default()).unwrap();
        assert!((g.score(&[hash("h", "critics")]) - 1.0 / (1.0 + (-5.0f32).exp())).abs() < 1e-6);
    }

    #[test]
    fn rates_read_back_their_levels() {
        let mut levels = vec![0u8; 16];
        let r = CueRates::new(4, &levels).unwrap();
        let (said, arrived) = (r.bucket("said"), r.bucket("arrived"));
        levels[said] = 14;
        if arrived != said {
            levels[arrived] = 1;
        }
        let r = CueRates::new(4, &levels).unwrap();
        assert_eq!(r.level("said"), 14);
        assert_eq!(CueRates::default().level("said"), 0);
    }

    #[test]
    fn the_bundled_gate_loads() {
        assert!(
            bundled().weights.len() > 1,
            "src/sourcing/gate.bin is missing or broken: run cargo xtask train-sourcing"
        );
    }
}
