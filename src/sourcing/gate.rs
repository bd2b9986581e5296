//! The attribution gate: a small logistic regression that says how likely a
//! candidate (a source phrase and its cue) is an attribution a news reader would
//! count, rather than a group mentioned in passing ("a resource for anyone wanting
//! to learn", "urging employees to report"). Trained by `cargo xtask train-sourcing`
//! on PolNeAR's training articles only; the weights ship as `gate.bin`.
//!
//! Features are hashed strings (see `features`), so the table has a fixed size and
//! no vocabulary. Layout of `gate.bin`: "CSG1", bits (u8), scale (f32 LE), then one
//! i8 weight per bucket (2^bits of them).

use std::sync::OnceLock;

const MAGIC: &[u8; 4] = b"CSG1";

/// Candidates whose log-odds reach this are kept: probability 0.6, above even odds
/// because a wrong mark costs a reader's trust more than a missed one (chosen on
/// PolNeAR dev: P 0.82 -> 0.84 for R 0.55 -> 0.53). Thresholds are log-odds so the
/// browser never computes `exp`.
pub const THRESHOLD: f32 = 0.405_465_1;

/// The threshold for an attribution that is not marked (a named source, a pronoun):
/// probability 0.5. It only decides what the summary counts and names.
pub const EVEN_ODDS: f32 = 0.0;

/// The threshold for an anonymous source proper after a reporting verb (see
/// `Candidate::kept`): probability 0.05, to drop only the clear non-attributions.
pub const ANONYMOUS_THRESHOLD: f32 = -2.944_439;

#[derive(Debug, Clone, PartialEq)]
pub struct Gate {
    bits: u8,
    scale: f32,
    weights: Vec<i8>,
}

const FNV_OFFSET: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

/// FNV-1a: `h` after `bytes`.
const fn fnv(mut h: u32, bytes: &[u8]) -> u32 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u32;
        h = h.wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h
}

/// The hash state after a feature's name and the separator. Built in a `const`
/// block (`key!` in `features`), it costs nothing per candidate: hashing the names
/// was a third of the sourcing stage.
#[derive(Debug, Clone, Copy)]
pub struct Prefix(u32);

impl Prefix {
    pub const fn new(name: &str) -> Prefix {
        Prefix(fnv(fnv(FNV_OFFSET, name.as_bytes()), &[0xff]))
    }

    /// The state of `hash_parts_with(self, …)` after a first part `part` and the
    /// separator: `hash_parts_with(self.then(a), rest)` is `hash_parts_with(self, [a, rest…])`.
    pub fn then(self, part: &str) -> Prefix {
        Prefix(fnv(fnv(self.0, part.as_bytes()), b" "))
    }
}

/// FNV-1a over `prefix`, a separator and `value`: a feature's bucket key.
pub fn hash(prefix: &str, value: &str) -> u32 {
    hash_with(Prefix::new(prefix), value)
}

/// The key of a conjunction of values: the same as `hash` of the values joined
/// by spaces, without building the string.
pub fn hash_parts(prefix: &str, parts: &[&str]) -> u32 {
    hash_parts_with(Prefix::new(prefix), parts)
}

/// `hash` from a prefix hashed already.
#[inline]
pub fn hash_with(prefix: Prefix, value: &str) -> u32 {
    fnv(prefix.0, value.as_bytes())
}

/// `hash_parts` from a prefix hashed already.
#[inline]
pub fn hash_parts_with(prefix: Prefix, parts: &[&str]) -> u32 {
    let mut h = prefix.0;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            h = fnv(h, b" ");
        }
        h = fnv(h, part.as_bytes());
    }
    h
}

impl Gate {
    /// A gate from quantised weights (`weights.len()` must be `1 << bits`).
    pub fn new(bits: u8, scale: f32, weights: Vec<i8>) -> Option<Gate> {
        (bits <= 20 && weights.len() == 1usize << bits && scale.is_finite()).then_some(Gate { bits, scale, weights })
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Gate> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (&bits, rest) = rest.split_first()?;
        let scale = f32::from_le_bytes(rest.get(..4)?.try_into().ok()?);
        let weights = rest.get(4..)?.iter().map(|&b| b as i8).collect();
        Gate::new(bits, scale, weights)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(self.bits);
        out.extend(self.scale.to_le_bytes());
        out.extend(self.weights.iter().map(|&w| w as u8));
        out
    }

    pub fn bucket(&self, feature: u32) -> usize {
        (feature & ((1u32 << self.bits) - 1)) as usize
    }

    /// The log-odds that the candidate with these features is an attribution.
    pub fn log_odds(&self, features: &[u32]) -> f32 {
        features.iter().map(|&f| self.weights[self.bucket(f)] as f32).sum::<f32>() * self.scale
    }

    /// The same as a probability (for the trainer's reports).
    pub fn score(&self, features: &[u32]) -> f32 {
        1.0 / (1.0 + (-self.log_odds(features)).exp())
    }
}

static INSTALLED: OnceLock<Gate> = OnceLock::new();

/// Installs the gate of `bytes` (the contents of `gate.bin`, which the browser fetches
/// beside the Wasm as it does the tagger: data costs the Wasm no code). Corrupt bytes
/// are an error; a second install is an error unless it brings the same gate.
pub fn install(bytes: &[u8]) -> Result<(), String> {
    let gate = Gate::from_bytes(bytes).ok_or("not a sourcing gate (gate.bin)")?;
    crate::learned::install_once(&INSTALLED, gate, "gate")
}

/// The gate in use: the installed one, else (natively) the embedded `gate.bin`. With
/// neither (the Wasm before the page hands it the file, or a broken file), a gate of
/// even odds: it keeps sources proper ("officials said") and counts named sources, and
/// marks no weaker group, as precision comes first.
pub fn bundled() -> &'static Gate {
    static EVEN: OnceLock<Gate> = OnceLock::new();
    INSTALLED
        .get()
        .or_else(embedded)
        .unwrap_or_else(|| EVEN.get_or_init(|| Gate { bits: 0, scale: 1.0, weights: vec![0] }))
}

#[cfg(not(target_arch = "wasm32"))]
fn embedded() -> Option<&'static Gate> {
    static EMBEDDED: OnceLock<Option<Gate>> = OnceLock::new();
    EMBEDDED.get_or_init(|| Gate::from_bytes(include_bytes!("gate.bin"))).as_ref()
}

#[cfg(target_arch = "wasm32")]
fn embedded() -> Option<&'static Gate> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_and_bad_bytes_are_refused() {
        let g = Gate::new(2, 0.5, vec![1, -2, 3, 0]).unwrap();
        let bytes = g.to_bytes();
        assert_eq!(Gate::from_bytes(&bytes), Some(g));
        assert_eq!(Gate::from_bytes(&bytes[..bytes.len() - 1]), None);
        assert_eq!(Gate::from_bytes(b"CSG1"), None);
        assert_eq!(Gate::from_bytes(b"XXXX\x00\x00\x00\x80\x3f\x01"), None);
        assert_eq!(Gate::from_bytes(b"CSG1\xff\x00\x00\x80\x3f"), None);
        assert!(Gate::new(2, 0.5, vec![1, 2, 3]).is_none());
        assert!(Gate::new(2, f32::NAN, vec![0; 4]).is_none());
    }

    #[test]
    fn scores_are_probabilities_of_the_summed_weights() {
        let g = Gate::new(1, 1.0, vec![0, 0]).unwrap();
        assert_eq!(g.score(&[hash("h", "critics")]), 0.5);
        let bucket = g.bucket(hash("h", "critics"));
        let mut w = vec![0i8; 2];
        w[bucket] = 10;
        let g = Gate::new(1, 0.5, w).unwrap();
        assert!((g.score(&[hash("h", "critics")]) - 1.0 / (1.0 + (-5.0f32).exp())).abs() < 1e-6);
    }

    #[test]
    fn conjunctions_hash_like_their_joined_text() {
        assert_eq!(hash_parts("kind-cue", &["vague", "say"]), hash("kind-cue", "vague say"));
        assert_eq!(hash_parts_with(Prefix::new("kind-cue"), &["vague", "say"]), hash("kind-cue", "vague say"));
        // FNV-1a of "h", 0xff, "x": the keys the bundled gate was trained on.
        assert_eq!(hash("h", "x"), 0xf3d8_2700);
        assert_ne!(hash("head", "critics"), hash("cue", "critics"));
    }

    #[test]
    fn thresholds_are_the_log_odds_of_their_probabilities() {
        let logit = |p: f32| (p / (1.0 - p)).ln();
        assert!((THRESHOLD - logit(0.6)).abs() < 1e-6);
        assert_eq!(EVEN_ODDS, logit(0.5));
        assert!((ANONYMOUS_THRESHOLD - logit(0.05)).abs() < 1e-6);
    }

    #[test]
    fn without_a_gate_only_sources_proper_pass() {
        let even = Gate { bits: 0, scale: 1.0, weights: vec![0] };
        let odds = even.log_odds(&[hash("h", "critics"), hash("cue", "say")]);
        assert!((EVEN_ODDS..THRESHOLD).contains(&odds) && odds >= ANONYMOUS_THRESHOLD);
        assert!(install(b"not a gate").is_err());
    }

    #[test]
    fn the_bundled_gate_loads() {
        assert!(
            bundled().weights.len() > 1,
            "src/sourcing/gate.bin is missing or broken: run cargo xtask train-sourcing"
        );
    }
}
